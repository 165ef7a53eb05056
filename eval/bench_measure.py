"""What eval/bench.py and eval/bench_scaling.py measure with: timings, tokens, memory, cold starts, the report.

Percentiles are `ragbot.evaluate.percentile` and the machine is `ragbot.evaluate.machine()`; this
module only adds what a benchmark needs on top (timing a call, counting an embedder's tokens, a
process's peak memory, a cold start in a new process, the fp32 peak of the CPU machine() describes).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from ragbot.embed import Embedder
from ragbot.evaluate import percentile

ROOT = Path(__file__).resolve().parent.parent
T = TypeVar("T")


def load_average() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def cores(info: dict[str, str]) -> int:
    """The number in machine()'s "cores", e.g. 2 for "2 (2 usable by this process)"."""
    return int(info["cores"].split()[0])


def flops_per_cycle(info: dict[str, str]) -> int:
    """fp32 FLOPs per core and cycle: AVX-512 2 FMA units x 16 lanes x 2; AVX2 half that."""
    return 64 if "avx512f" in info.get("simd", "") else 32


def peak_gflops(info: dict[str, str]) -> float:
    """fp32 peak: cores x GHz x FLOPs per cycle (2 GHz when the clock is unknown)."""
    mhz = info.get("mhz", "2000")
    return cores(info) * float(mhz if mhz.replace(".", "", 1).isdigit() else 2000) / 1000 * flops_per_cycle(info)


def timed(fn: Callable[..., T], *args: Any) -> tuple[T, float]:
    t = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - t


def pcts(xs: Sequence[float]) -> str:
    """'p50 | p95 | p99' of millisecond timings, for a table row."""
    return " | ".join(f"{percentile(xs, q):.1f}" for q in (50, 95, 99))


def latencies_ms(fn: Callable[[str], object], questions: Sequence[str]) -> tuple[list[float], float]:
    """Milliseconds per call of fn(question), and the wall time of the whole pass in seconds."""
    out = []
    t0 = time.perf_counter()
    for q in questions:
        t = time.perf_counter()
        fn(q)
        out.append((time.perf_counter() - t) * 1000)
    return out, time.perf_counter() - t0


def count_tokens(embedder: Embedder, texts: Sequence[str]) -> int | None:
    """Tokens the embedder sees for `texts` as passages, with its own tokenizer; None if it has none."""
    prompt = str(getattr(embedder, "passage_prompt", "") or "")
    tok: Any = getattr(embedder, "tokenizer", None)
    if tok is None:
        tok = getattr(getattr(embedder, "model", None), "tokenizer", None)
    total = 0
    for b in range(0, len(texts), 4096):
        batch = [prompt + t for t in texts[b : b + 4096]]
        if hasattr(tok, "encode_batch"):  # a `tokenizers.Tokenizer` (the ONNX int8 default)
            total += sum(len(e.ids) for e in tok.encode_batch(batch))
        elif callable(tok):  # a transformers tokenizer (sentence-transformers models)
            total += sum(len(ids) for ids in tok(batch)["input_ids"])
        else:
            return None
    return total


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM). ru_maxrss is not used: Linux carries it over
    exec from the forked parent, so a child of a big benchmark process would report the parent's."""
    try:
        hwm = next(line for line in Path("/proc/self/status").read_text().splitlines() if line.startswith("VmHWM"))
        return int(hwm.split()[1]) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """User + system CPU seconds of this process so far."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


COLD_START = """
import time, json, sys
t = time.perf_counter()
sys.path.insert(0, {root!r})
from ragbot.config import Config
from ragbot.pipeline import Ragbot
bot = Ragbot(Config(index={index!r}, embedder={embedder!r}))
bot.index; bot.embedder
ready = time.perf_counter() - t
bot.search("办公室主任应该怎样做好督查工作？")
hwm = next(l for l in open("/proc/self/status") if l.startswith("VmHWM"))  # ru_maxrss would count the parent's
print(json.dumps({{"ready_s": ready, "first_answer_s": time.perf_counter() - t, "peak_rss_mb": int(hwm.split()[1]) / 1024}}))
"""


def cold_start(index: Path, embedder: str) -> dict[str, float]:
    """A new process (imports included) loads model + index and searches once: its timings and peak memory."""
    code = COLD_START.format(root=str(ROOT), index=str(index), embedder=embedder)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


@dataclass
class Report:
    """The Markdown report, written out as each section starts and at the end (marked in progress until then)."""

    out: Path
    lines: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter)

    def add(self, *lines: str) -> None:
        self.lines += lines

    def step(self, what: str) -> None:
        print(f"[{time.perf_counter() - self.started:7.1f} s] {what}", file=sys.stderr, flush=True)

    def section(self, title: str, *intro: str) -> None:
        """A new `## title` with its opening lines, once what came before is written out (progress on stderr)."""
        self.flush()
        self.step(title)
        self.add("", f"## {title}", "", *intro)

    def flush(self, done: bool = False) -> None:
        self.out.parent.mkdir(parents=True, exist_ok=True)
        text = "\n".join(self.lines) + "\n" + ("" if done else "\n*(run in progress)*\n")
        self.out.write_text(text, encoding="utf-8")
