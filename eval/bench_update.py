"""Benchmark (numbers, not a test): a one-file update of an index in Milvus Lite, reading back every
live vector (as builds did before `reuse.kept_rows`) against reading back only what it writes anew.

For the seed corpus and a synthetic one `--copies` times its size (eval/bench_scaling.py's
make_synthetic), in this one process: build the index into Milvus Lite, then update it after one file
changes (a paragraph appended to its end, or taken off again: each update is a one-file change).
"before" runs the same code with `reuse.kept_rows` answering None, which is exactly the old path: every
row needs a vector, so every live vector is read back (pages of 500 ids) and held. "after" is the
code as it is. Updates are timed REPEATS times per mode, interleaved (the median is reported), and one
more runs under tracemalloc for its peak (numpy and
Python allocations of this process; the Milvus Lite engine runs in its own process and is not
counted). The embedder is a hashing stand-in with e5-small's 384 dimensions (the update's embedding,
a few dozen texts, is not what is measured; the read-back is), so the numbers are the store's.

    .venv/bin/python eval/bench_update.py --copies 10
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from bench_scaling import make_synthetic  # noqa: E402

from ragbot import index as index_mod  # noqa: E402
from ragbot import milvus_local, pipeline, reuse, store_milvus  # noqa: E402
from ragbot.config import Config  # noqa: E402

REPEATS = 5  # timed updates per mode (median reported)
PARAGRAPH = "\n办公室要把督查督办作为抓落实的重要手段，一件一件抓到底。\n"


class HashEmbedder:
    """A deterministic stand-in: each text's vector from its sha256, 384 dimensions, normalised."""

    name = "bench-hash"
    fingerprint = "bench-hash-1"
    dim = 384

    def _vec(self, text: str) -> np.ndarray:
        seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "little")
        v = np.random.default_rng(seed).standard_normal(self.dim).astype(np.float32)
        return v / np.linalg.norm(v)

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        return np.stack([self._vec(t) for t in texts]) if texts else np.zeros((0, self.dim), np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self._vec(text)


READ = [0]  # vectors read back through MilvusStore.take (every read of a stored vector goes through it)
_take = store_milvus.MilvusStore.take


def _counted(self: store_milvus.MilvusStore, rows: np.ndarray) -> np.ndarray:
    READ[0] += len(rows)
    return _take(self, rows)


store_milvus.MilvusStore.take = _counted  # type: ignore[method-assign]


def update(corpus: Path, config: Config, changed: Path, original: str, measure: bool) -> tuple[float, int, int]:
    """Toggle `changed` (paragraph on/off) and bring the index up to date: seconds, peak bytes, reused."""
    text = changed.read_text("utf-8")
    changed.write_text(original if text != original else original + PARAGRAPH, "utf-8")
    if measure:
        tracemalloc.start()
    t = time.perf_counter()
    _, report = pipeline.build_index([corpus], config, embedder=HashEmbedder())
    seconds = time.perf_counter() - t
    peak = 0
    if measure:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert not report.up_to_date
    assert report.embedded > 0
    return seconds, peak, report.reused


def run(corpus: Path, work: Path, label: str) -> list[str]:
    slug = label.replace(" ", "-")
    db = work / f"{slug}.db"
    config = Config(index=work / slug, store=f"milvus://{db}")
    t = time.perf_counter()
    pipeline.build_index([corpus], config, embedder=HashEmbedder())
    built = time.perf_counter() - t
    units = index_mod.read_manifest(config.index).units
    changed = sorted(corpus.glob("*.txt"))[3]
    original = changed.read_text("utf-8")
    real = reuse.kept_rows
    none: Callable[..., None] = lambda *a, **k: None  # noqa: E731
    times: dict[str, list[float]] = {"before": [], "after": []}
    out: dict[str, tuple[float, int, int]] = {}
    try:
        for mode in ["before", "after"] * REPEATS:  # interleaved, so a busy neighbour slows both alike
            reuse.kept_rows = none if mode == "before" else real
            READ[0] = 0
            times[mode].append(update(corpus, config, changed, original, False)[0])
            read = READ[0]
            if len(times[mode]) == REPEATS:
                _, peak, _ = update(corpus, config, changed, original, True)
                out[mode] = (float(np.median(times[mode])), peak, read)
                print(f"{label}: {mode}: {times[mode]} s, peak {peak / 2**20:.1f} MiB, {read} read", flush=True)
    finally:
        reuse.kept_rows = real
        milvus_local.release(str(db))
    (bs, bp, br), (as_, ap, ar) = out["before"], out["after"]
    return [
        f"| {label} | {units:,} | {built:.1f} | {br:,} | {ar:,} | {bs:.2f} | {as_:.2f} | {as_ / bs:.2f} | "
        f"{bp / 2**20:.1f} | {ap / 2**20:.1f} | {ap / bp:.2f} |"
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=10, help="the synthetic corpus in copies of the seed corpus")
    ap.add_argument("--out", default=str(ROOT / "eval" / "reports" / "bench_update.md"))
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ragbot-bench-update-"))
    try:
        seed = work / "seed"
        shutil.copytree(ROOT / "corpus", seed)
        rows = run(seed, work, "seed corpus")
        synthetic = work / "synthetic"
        make_synthetic(sorted((ROOT / "corpus").glob("*.txt")), synthetic, args.copies)
        rows += run(synthetic, work, f"{args.copies}x synthetic")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    lines = [
        "# A one-file update in Milvus Lite: reading back every vector, or only those written anew "
        "(`eval/bench_update.py`)",
        "",
        f"Run {time.strftime('%Y-%m-%d %H:%M')} on {os.cpu_count()} cores (shared), one process: "
        f"`.venv/bin/python eval/bench_update.py --copies {args.copies}`. before = every live vector read back "
        f"(the path before `reuse.kept_rows`), after = only the rows the update writes anew; median of {REPEATS} "
        "interleaved timed updates each; 384-d hashing "
        "stand-in embedder; peak = tracemalloc peak of this process during the update (not the engine's).",
        "",
        "| corpus | vectors | build s | vectors read back before | after | update s before | after | ratio | "
        "peak MiB before | after | ratio |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        *rows,
    ]
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
