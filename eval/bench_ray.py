"""Benchmark (numbers, not a test): the index build in one process against the build on Ray Data.

Both build the same synthetic corpus (eval/bench_scaling.py's make_synthetic: N copies of the seed
files, shuffled and perturbed so no sentence repeats) from scratch, with the default model, into
Milvus Lite, in this one run: first `--workers local`, then `--workers ray:W` on a Ray cluster of
this machine (`ray.init(num_cpus=W)`, loopback only). It checks that both made the same chunks
and the same vectors (cosine of every pair), and writes eval/reports/bench_ray.md.

    .venv/bin/python eval/bench_ray.py --copies 10 --workers 2
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from bench_scaling import make_synthetic  # noqa: E402

from ragbot import index as index_mod  # noqa: E402
from ragbot import milvus_local, pipeline  # noqa: E402
from ragbot.config import Config  # noqa: E402


def build(corpus: Path, work: Path, name: str, workers: str) -> tuple[float, index_mod.Index, int]:
    db = work / f"{name}.db"
    config = Config(index=work / name, store=f"milvus://{db}", workers=workers)
    t = time.perf_counter()
    _, report = pipeline.build_index([corpus], config)
    seconds = time.perf_counter() - t
    return seconds, index_mod.load(config.index, spec=config.store_spec), report.embedded


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=10, help="corpus size in copies of the seed corpus")
    ap.add_argument("--workers", type=int, default=2, help="Ray CPUs and embedder actors")
    ap.add_argument("--out", default=str(ROOT / "eval" / "reports" / "bench_ray.md"))
    args = ap.parse_args()
    import ray

    work = Path(tempfile.mkdtemp(prefix="ragbot-bench-ray-"))
    home_token = Path.home() / ".ray" / "auth_token"
    had_token = home_token.exists()
    try:
        corpus = work / "corpus"
        make_synthetic(sorted((ROOT / "corpus").glob("*.txt")), corpus, args.copies)
        local_s, local, embedded = build(corpus, work, "local", "local")
        print(f"one process: {local_s:.1f} s, {embedded} texts embedded", flush=True)
        os.environ["RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"] = "0"
        t = time.perf_counter()
        ray.init(
            num_cpus=args.workers,
            include_dashboard=False,
            log_to_driver=False,
            _node_ip_address="127.0.0.1",
            _temp_dir=str(work / "raytmp"),
        )
        init_s = time.perf_counter() - t
        ray_s, on_ray, ray_embedded = build(corpus, work, "ray", f"ray:{args.workers}")
        ray.shutdown()
        print(f"ray: {ray_s:.1f} s, {ray_embedded} texts embedded (ray.init {init_s:.1f} s)", flush=True)
        same_chunks = local.chunks == on_ray.chunks and local.unit_keys == on_ray.unit_keys
        a, b = local.store.vectors(), on_ray.store.vectors()
        cos = (a * b).sum(1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)
        lines = [
            "# The build in one process and on Ray Data (`eval/bench_ray.py`)",
            "",
            f"Run {time.strftime('%Y-%m-%d %H:%M')} on {os.cpu_count()} cores: `.venv/bin/python eval/bench_ray.py "
            f"--copies {args.copies} --workers {args.workers}`. Synthetic corpus of {args.copies}x the seed files, "
            f"{len(local.chunks):,} chunks, {local.manifest.units:,} vectors; both builds from scratch with the "
            "default model (e5-small-int8) into Milvus Lite, one after the other in this run.",
            "",
            "| build | seconds | texts embedded | texts/s |",
            "| --- | --- | --- | --- |",
            f"| one process (`--workers local`, onnxruntime on {os.cpu_count()} threads) | {local_s:.1f} | "
            f"{embedded:,} | {embedded / local_s:.0f} |",
            f"| Ray Data (`--workers ray:{args.workers}`, {args.workers} actors of 1 CPU) | {ray_s:.1f} | "
            f"{ray_embedded:,} | {ray_embedded / ray_s:.0f} |",
            "",
            f"Ray's own start (`ray.init`, before the build) took {init_s:.1f} s more. Ratio Ray / one process: "
            f"{ray_s / local_s:.2f} in time.",
            "",
            f"Same chunks and unit keys: {same_chunks}. Vectors: cosine min {cos.min():.6f}, median "
            f"{np.median(cos):.6f} over {len(cos):,} pairs (each batch is formed by the driver exactly as a "
            "local build forms it, so the int8 model sees the same batches).",
        ]
        Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
        print("\n".join(lines))
    finally:
        if ray.is_initialized():
            ray.shutdown()
        for name in ("local", "ray"):
            milvus_local.release(str(work / f"{name}.db"))
        shutil.rmtree(work, ignore_errors=True)
        if not had_token:
            home_token.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
