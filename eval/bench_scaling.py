"""Section 8 of eval/bench.py: builds of the seed corpus and of synthetic corpora 10x and 100x its size.

Synthetic corpora are made at run time in a temp folder, never committed. Copy i of every seed
file (`corpus/*.txt`, decoded with ragbot's decoder) is written as UTF-8 `copy{i:03d}_{name}`:
its lines (paragraphs) are shuffled with a seeded RNG inside each speech (the `…篇N` heading line
or the title line stays first). Copies i >= 1 then swap two neighbouring Han characters at a
seeded random position in every sentence, so no sentence repeats across copies: the builder
embeds each distinct text once (content hash of every chunk and sentence), and verbatim copies
would make the scaled builds look artificially cheap. A swap keeps the length (and nearly the
token count); when a variant was already produced, more swaps are applied until it is new.
Copy 0 is only shuffled; scale 1 is the seed corpus itself.

Each build runs in a fresh process (`eval/bench.py --build-child CORPUS INDEX`, which prints one
JSON line), so its peak memory is its own; then hybrid search and extractive ask are timed on that index.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_measure import Report, count_tokens, cpu_seconds, latencies_ms, pcts, peak_rss_mb, timed  # noqa: E402

from ragbot import pipeline  # noqa: E402
from ragbot.answer import Answerer  # noqa: E402
from ragbot.config import Config  # noqa: E402
from ragbot.embed import DEFAULT, Embedder, make_embedder  # noqa: E402
from ragbot.ingest import decode, split_speeches  # noqa: E402
from ragbot.script import fold  # noqa: E402
from ragbot.units import embed_units  # noqa: E402

LINEAR_TOLERANCE = 1.2  # "linear": time per 1x of the largest scale at most this times the 1x build's
_HAN = re.compile(r"[\u4e00-\u9fff]")
_SENTENCE = re.compile(r"(?<=[。！？!?；;])")


# ---------------------------------------------------------------- synthetic corpora
def swap_neighbours(sentence: str, rng: random.Random) -> str:
    """Swap two different neighbouring Han characters at a random position (unchanged if none)."""
    spots = [
        i
        for i in range(len(sentence) - 1)
        if sentence[i] != sentence[i + 1] and _HAN.match(sentence[i]) and _HAN.match(sentence[i + 1])
    ]
    if not spots:
        return sentence
    i = rng.choice(spots)
    return sentence[:i] + sentence[i + 1] + sentence[i] + sentence[i + 2 :]


def distinct_variant(sentence: str, rng: random.Random, seen: set[str]) -> str:
    """A swapped variant of `sentence` whose folded form is not in `seen` (tries up to 30 swaps)."""
    variant = sentence
    for _ in range(30):
        variant = swap_neighbours(variant, rng)
        if fold(variant) not in seen:
            break
    seen.add(fold(variant))
    return variant


def shuffled_lines(text: str, rng: random.Random) -> list[str]:
    """The non-empty lines of `text`, shuffled inside each speech; each speech's heading or title line stays first."""
    out: list[str] = []
    for start, end, _, heading in split_speeches(text):
        lines = [line for line in text[start:end].splitlines() if line.strip()]
        keep = next((i for i, line in enumerate(lines) if heading and heading in line), 0) + 1
        body = lines[keep:]
        rng.shuffle(body)
        out += lines[:keep] + body
    return out


def make_synthetic(seed_files: Sequence[Path], folder: Path, copies: int) -> int:
    """Write `copies` reshuffled (and for i >= 1 perturbed) copies of the seed files; returns chars written."""
    folder.mkdir(parents=True)
    texts = [(f.name, decode(f.read_bytes())[0]) for f in seed_files]
    seen = {fold(s) for _, text in texts for line in text.splitlines() for s in _SENTENCE.split(line) if s}
    chars = 0
    for i in range(copies):
        for name, text in texts:
            rng = random.Random(f"bench/{i}/{name}")
            lines = shuffled_lines(text, rng)
            if i:
                lines = ["".join(distinct_variant(s, rng, seen) for s in _SENTENCE.split(line) if s) for line in lines]
            out = "\n".join(lines) + "\n"
            chars += len(out)
            (folder / f"copy{i:03d}_{name}").write_text(out, encoding="utf-8")
    return chars


# ---------------------------------------------------------------- one build, in a fresh process
def build_child(corpus: Path, index: Path) -> dict[str, Any]:
    """Load the default model, build `corpus` into `index`, and time every stage (in the process `run_build` starts)."""
    config = Config.load().with_overrides(corpus=corpus, index=index, embedder=DEFAULT)
    embedder, load_s = timed(make_embedder, config.embedder)
    rss_model = peak_rss_mb()
    marks: dict[str, float] = {}

    def progress(done: int, total: int, what: str) -> None:
        marks.setdefault("embed_start", time.perf_counter())
        if done == total:
            marks["embed_end"] = time.perf_counter()

    def hook(stage: str) -> None:
        marks[stage] = time.perf_counter()

    load_before, cpu0, t0 = os.getloadavg()[0], cpu_seconds(), time.perf_counter()
    built, report = pipeline.build_index([corpus], config, embedder, progress, hook=hook)
    seconds, cpu, peak = time.perf_counter() - t0, cpu_seconds() - cpu0, peak_rss_mb()
    texts = sorted({u for c in built.chunks for u in embed_units(c)})
    tokens, tokens_s = timed(count_tokens, embedder, texts)
    start, end = marks.get("embed_start", t0), marks.get("embed_end", t0)
    return {
        **{k: getattr(report, k) for k in ("chunks", "vectors", "embedded", "embedded_chars", "kind")},
        "files": len([f for f in built.files if not f.skipped]),
        "speeches": len(built.speeches),
        "distinct_texts": len(texts),
        "seconds": seconds,
        "cpu_s": cpu,
        "load": (load_before + os.getloadavg()[0]) / 2,
        "ingest_s": start - t0,
        "embed_s": end - start,
        "write_s": t0 + seconds - end,  # chunks, speeches, the vector index (HNSW graph), BM25, fsync, swap
        "index_s": marks.get("vectors", end) - marks.get("chunks", end),  # speeches + vector index + BM25
        "load_s": load_s,
        "rss_model_mb": rss_model,
        "peak_rss_mb": peak,
        "tokens": tokens,
        "tokenize_s": tokens_s,
    }


def run_build(corpus: Path, index: Path) -> dict[str, Any]:
    """`build_child` in a fresh process (its peak memory its own)."""
    cmd = [sys.executable, str(ROOT / "eval" / "bench.py"), "--build-child", str(corpus), str(index)]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"build of {corpus} failed ({out.returncode}):\n{out.stderr[-3000:]}")
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


# ---------------------------------------------------------------- the section
def scale_build(r: Report, n: int, seed_files: Sequence[Path], work: Path, tokens_per_char: float) -> dict[str, Any]:
    """The corpus of scale `n` (the seed itself at 1) built in a fresh process into work/index-{n}x."""
    r.step(f"8. scale {n}x: corpus")
    if n == 1:
        folder, make_s = ROOT / "corpus", 0.0
        chars = sum(len(decode(p.read_bytes())[0]) for p in seed_files)
    else:
        folder = work / f"corpus-{n}x"
        chars, make_s = timed(make_synthetic, seed_files, folder, n)
    r.step(f"8. scale {n}x: build")
    b = run_build(folder, work / f"index-{n}x")
    b["chars"], b["make_s"] = chars, make_s
    if b["tokens"] is None:
        b["tokens"], b["tokens_estimated"] = round(b["embedded_chars"] * tokens_per_char), True
    return b


def scale_latency(cfg: Config, default: Embedder, index: Path, questions: Sequence[str]) -> tuple[Any, ...]:
    """(search ms, ask ms, index load s, load average) on `index`, model loaded, index loaded once."""
    bot = pipeline.Ragbot(cfg.with_overrides(index=index), embedder=default)
    _, load_s = timed(getattr, bot, "index")
    search_ms, _ = latencies_ms(lambda q: bot.search(q, cfg.top_k, "hybrid"), questions)
    answerer = Answerer(bot)
    answerer.ask(questions[0])
    ask_ms, _ = latencies_ms(answerer.ask, questions)
    return search_ms, ask_ms, load_s, os.getloadavg()[0]


def build_tables(r: Report, builds: dict[int, dict[str, Any]], rows: list[tuple[int, dict[str, Any]]]) -> None:
    """What was built at each scale, then time, speed and memory against the faster 1x build."""
    one = min((b for n, b in rows if n == 1), key=lambda b: b["seconds"])
    r.add("| scale | files | chars | chunks | vectors | distinct texts embedded | embedded tokens | index |")
    r.add("|---|---|---|---|---|---|---|---|")
    for n, b in builds.items():
        est = " (est.)" if b.get("tokens_estimated") else ""
        r.add(
            f"| {n}x | {b['files']} | {b['chars']} | {b['chunks']} | {b['vectors']} | {b['embedded']} "
            f"({100 * b['embedded'] / b['vectors']:.0f}%) | {b['tokens']}{est} | {b['kind']} |"
        )
    r.add(
        "",
        "Time, speed and memory. The seed corpus is built twice, before and after the larger corpora; the ratios are "
        "against the faster of those two builds (the less disturbed by other processes), which makes the linearity "
        "check stricter.",
        "",
        "| scale | build s | ingest s | embed s | write s | tokens/s | CPU s | peak RSS MB "
        "| load avg | time per 1x vs 1x | CPU per 1x vs 1x | time per token vs 1x |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    )
    for i, (n, b) in enumerate(rows):
        r.add(
            f"| {n}x{' (again, after the others)' if i == 1 and n == 1 else ''} | **{b['seconds']:.1f}** "
            f"| {b['ingest_s']:.1f} | {b['embed_s']:.1f} | {b['write_s']:.1f} | {b['tokens'] / b['seconds']:.0f} "
            f"| {b['cpu_s']:.0f} | {b['peak_rss_mb']:.0f} | {b['load']:.1f} "
            f"| **{b['seconds'] / (n * one['seconds']):.2f}** | {b['cpu_s'] / (n * one['cpu_s']):.2f} "
            f"| {(b['seconds'] / b['tokens']) / (one['seconds'] / one['tokens']):.2f} |"
        )
    top = max(builds)
    lin, cpu_lin = builds[top]["seconds"] / (top * one["seconds"]), builds[top]["cpu_s"] / (top * one["cpu_s"])
    r.add(
        "",
        "Distinct texts embedded: the share of vectors whose text had to be embedded (the rest repeat a text within "
        "the same build; the same share at every scale shows the copies do not repeat each other). Write s: chunks, "
        "speeches, the vector index (building the HNSW graph when HNSW), BM25, fsync and the atomic swap; of it, the "
        "vector index and BM25 took " + ", ".join(f"{b['index_s']:.1f} s at {n}x" for n, b in builds.items()) + ". "
        "CPU s: user + system seconds of the build process (ONNX Runtime uses both cores, so about twice the wall "
        "time when the machine is otherwise idle); it moves less than wall time when other processes share the "
        "cores. Load avg: the 1-minute load average around the build (2 cores). Peak RSS is the build process's "
        "VmHWM (`ru_maxrss` of a child carries the forked parent's peak over exec on Linux); after loading the model "
        "alone it was " + ", ".join(f"{b['rss_model_mb']:.0f} MB" for b in builds.values()) + ". Making the "
        "synthetic corpora took "
        + ", ".join(f"{b['make_s']:.1f} s at {n}x" for n, b in builds.items() if n != 1)
        + ".",
        "",
        f"**Goal build time of the {top}x corpus linear in its size: {'met' if lin <= LINEAR_TOLERANCE else 'NOT met'}"
        f"** (wall time({top}x) / ({top} x time(1x)) = {lin:.2f}, CPU time {cpu_lin:.2f}, with 1x the faster of its "
        f"two builds; we count up to {LINEAR_TOLERANCE:.1f} as linear)."
        + (
            f" Caution: the load average differed ({one['load']:.1f} around the faster 1x build, "
            f"{builds[top]['load']:.1f} around the {top}x one), so the ratio reflects the other processes on the "
            "machine as much as the build."
            if abs(builds[top]["load"] - one["load"]) > 1
            else ""
        ),
    )


def scaling(
    r: Report,
    scales: Sequence[int],
    seed_files: Sequence[Path],
    questions: Sequence[str],
    cfg: Config,
    default: Embedder,
    work: Path,
    tokens_per_char: float,
) -> None:
    """8. Per scale a build in a fresh process, then search and ask latency on its index."""
    r.section(
        f"8. Scaling: the seed corpus and synthetic corpora {' and '.join(f'{n}x' for n in scales if n != 1)} its size",
        "Synthetic corpora are made at run time in a temp folder (not committed): copy i of each seed file has its "
        "lines (paragraphs) shuffled inside each speech with a seeded RNG, the heading or title line first; copies "
        "i >= 1 also swap two neighbouring Han characters at a seeded random position in every sentence (more swaps "
        "if that variant was already made), so no sentence repeats across copies. Without that, the builder, which "
        "embeds each distinct text once (content hash), would make scaled builds look artificially cheap; the swap "
        "keeps the length and nearly the token count. Scale 1 is the seed corpus itself.",
        "",
        "Each build runs in a fresh process (`Config.load()` with the corpus and a temp index, the default embedder "
        "loaded first, not timed), so peak RSS is that process's own. Tokens are counted with the embedder's own "
        "tokenizer over the distinct embedded texts (passage prompt included). The vector index is exact (flat) up "
        f"to `hnsw_threshold` = {cfg.hnsw_threshold} units (vectors, i.e. chunks and their sentences) and HNSW "
        "(M 32, efConstruction 200) above.",
        "",
    )
    builds: dict[int, dict[str, Any]] = {}
    searches: dict[int, tuple[Any, ...]] = {}
    for n in scales:
        builds[n] = scale_build(r, n, seed_files, work, tokens_per_char)
        r.step(f"8. scale {n}x: latency ({builds[n]['seconds']:.0f} s build)")
        searches[n] = scale_latency(cfg, default, work / f"index-{n}x", questions)
        shutil.rmtree(work / f"index-{n}x", ignore_errors=True)
        shutil.rmtree(work / f"corpus-{n}x", ignore_errors=True)
        r.flush()
    rows = list(builds.items())
    if len(builds) > 1:  # build 1x again after the others, and compare with the faster of the two: other
        r.step("8. scale 1x again")  # processes on the shared machine slow a build down, never speed it up
        again = run_build(ROOT / "corpus", work / "index-1x-again")
        again["chars"], again["tokens"] = builds[1]["chars"], builds[1]["tokens"]
        rows.insert(1, (1, again))
    build_tables(r, builds, rows)
    r.add(
        "",
        "Latency on each index (model loaded, index loaded once; hybrid search and extractive ask, "
        f"{len(questions)} questions one after another):",
        "",
        "| scale | index load s | search p50 ms | p95 ms | p99 ms | ask p50 ms | p95 ms | p99 ms | load avg |",
        "|---|---|---|---|---|---|---|---|---|",
    )
    for n, (s_ms, a_ms, load_s, load) in searches.items():
        r.add(f"| {n}x | {load_s:.1f} | {pcts(s_ms)} | {pcts(a_ms)} | {load:.1f} |")
