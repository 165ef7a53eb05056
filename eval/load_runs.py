"""The two scenarios of eval/load.py and what they measure: the server's memory and CPU, latency, failures.

  run_load(url, …)            part 1: simulated users asking back to back, with hostile questions
  slow_llm_run(url, llm, …)   part 2: "openai" requests held by a FakeLLM while other users ask extractive
  summarize(run)              part 1's figures (percentiles are ragbot.evaluate.percentile)

The servers are `ragbot.testing.serve` (eval/load.py starts them); the fake LLM is `ragbot.testing.FakeLLM`.
"""

from __future__ import annotations

import contextlib
import os
import random
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling module, however this one is loaded

from load_users import (
    HOSTILE,
    SLOW_QUESTION,
    Background,
    Probe,
    Result,
    ask,
    close_clients,
    make_clients,
    mark_inconsistent,
    schedule,
)

from ragbot.evaluate import percentile
from ragbot.testing import FakeLLM

MEMORY_GOAL = 10.0  # % growth of the mean RSS, last window against the first
WINDOW = 30.0  # seconds: the first and last windows of the memory comparison


# ---------------------------------------------------------------- the server process
def rss_kb(pid: int) -> int | None:
    """VmRSS of `pid` in kB, None once it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of `pid` so far."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


class RssSampler:
    """VmRSS of one process every `interval` seconds, in a daemon thread."""

    def __init__(self, pid: int, interval: float = 1.0) -> None:
        self.pid, self.interval = pid, interval
        self.samples: list[tuple[float, int]] = []  # (time.monotonic(), kB)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)

    def _run(self) -> None:
        while True:
            kb = rss_kb(self.pid)
            if kb is not None:
                self.samples.append((time.monotonic(), kb))
            if self._stop.wait(self.interval):
                return

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


def busy_processes(exclude: Sequence[int] = (), seconds: float = 1.0, min_share: float = 0.2) -> list[str]:
    """Other processes using at least `min_share` of a core over `seconds`: 'pid `name args…` NN% CPU'."""

    def snapshot() -> dict[int, float]:
        pids = (int(d.name) for d in Path("/proc").iterdir() if d.name.isdigit() and int(d.name) not in exclude)
        return {pid: cpu for pid in pids if (cpu := cpu_seconds(pid)) is not None}

    before = snapshot()
    time.sleep(seconds)
    busy = []
    for pid, cpu in snapshot().items():
        share = (cpu - before.get(pid, cpu)) / seconds
        if share >= min_share:
            try:
                args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
                name = " ".join(a.decode(errors="replace") for a in args[:3] if a)[:90]
            except OSError:
                name = "?"
            busy.append((share, f"{pid} `{name}` {share * 100:.0f}% CPU"))
    return [text for _, text in sorted(busy, reverse=True)]


# ---------------------------------------------------------------- part 1: the load
@dataclass
class LoadRun:
    results: list[Result]
    started: float  # time.monotonic() when the users started
    finished: float
    rss: list[tuple[float, int]] = field(default_factory=list)
    rss_idle: int | None = None  # kB, just before the load
    cpu: float | None = None  # server CPU seconds used during the load
    inconsistent: int = 0
    client_cpu: float = 0.0  # CPU seconds this process (the simulated users) used during the load


def run_load(
    url: str,
    questions: Sequence[Probe],
    users: int = 20,
    seconds: float = 120.0,
    hostile: Sequence[Probe] = HOSTILE,
    hostile_every: int = 20,
    max_requests: int = 100_000,
    pid: int | None = None,
    auth: tuple[str, str] | None = None,
    seed: int = 0,
    k: int = 5,
    request_timeout: float = 120.0,
) -> LoadRun:
    """`users` threads asking back to back for `seconds` (at most `max_requests` requests in all)."""
    clients = make_clients(url, users, auth)  # connected before the clock starts
    results: list[Result] = []
    lock = threading.Lock()
    sent = 0
    start = threading.Barrier(users + 1)
    deadline = 0.0

    def take() -> bool:
        nonlocal sent
        with lock:
            if sent >= max_requests or time.monotonic() >= deadline:
                return False
            sent += 1
            return True

    def user(i: int) -> None:
        plan = schedule(questions, hostile, hostile_every, random.Random(seed * 1_000_003 + i), first=i)
        start.wait()
        while take():
            r = ask(clients[i], next(plan), user=i, k=k, timeout=request_timeout)
            with lock:
                results.append(r)

    threads = [threading.Thread(target=user, args=(i,), name=f"user-{i}", daemon=True) for i in range(users)]
    for t in threads:
        t.start()
    rss_idle, cpu0, own0 = rss_kb(pid) if pid else None, cpu_seconds(pid) if pid else None, time.process_time()
    with RssSampler(pid) if pid else contextlib.nullcontext() as sampler:
        t0 = time.monotonic()
        deadline = t0 + seconds
        start.wait()
        for t in threads:
            t.join(timeout=seconds + request_timeout + 60)
        t1 = time.monotonic()
    cpu1, own = cpu_seconds(pid) if pid else None, time.process_time() - own0
    close_clients(clients)
    cpu = cpu1 - cpu0 if cpu0 is not None and cpu1 is not None else None
    run = LoadRun(results, t0, t1, sampler.samples if sampler else [], rss_idle, cpu, client_cpu=own)
    run.inconsistent = mark_inconsistent(results)
    return run


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def window_means(
    samples: Sequence[tuple[float, int]], start: float, end: float, width: float = WINDOW
) -> tuple[float, float, float]:
    """(mean kB over the first `width` s, mean kB over the last `width` s, growth %) of [start, end].

    Shorter runs use windows of half their length.
    """
    width = min(width, (end - start) / 2)
    first = [kb for t, kb in samples if start <= t <= start + width]
    last = [kb for t, kb in samples if end - width <= t <= end]
    if not first or not last:
        return 0.0, 0.0, 0.0
    a, b = sum(first) / len(first), sum(last) / len(last)
    return a, b, (b - a) / a * 100


@dataclass
class Summary:
    requests: int
    failures: int
    seconds: float
    throughput: float
    p50: float
    p95: float
    p99: float
    max: float
    rss_first: float  # kB
    rss_last: float
    growth: float  # %
    window: float  # seconds of each memory window

    @property
    def ok(self) -> bool:
        return self.failures == 0 and self.growth < MEMORY_GOAL


def summarize(run: LoadRun) -> Summary:
    lat = [r.seconds for r in run.results]
    duration = run.finished - run.started
    first, last, growth = window_means(run.rss, run.started, run.finished)
    return Summary(
        len(lat),
        sum(r.failed for r in run.results),
        duration,
        len(lat) / duration if duration else 0.0,
        percentile(lat, 50),
        percentile(lat, 95),
        percentile(lat, 99),
        max(lat, default=0.0),
        first,
        last,
        growth,
        min(WINDOW, duration / 2),
    )


# ---------------------------------------------------------------- part 2: a slow LLM
def llm_env(llm: FakeLLM, timeout: float = 60.0) -> dict[str, str]:
    """The environment that points a ragbot server's "openai" generator at `llm`."""
    return {"RAGBOT_LLM_BASE_URL": llm.url, "RAGBOT_LLM_MODEL": "fake-slow", "RAGBOT_LLM_TIMEOUT": f"{timeout:g}"}


@dataclass
class SlowRun:
    delay: float
    slow: list[Result]
    during: list[Result]  # extractive requests started and finished while the slow ones were pending
    others: list[Result]  # extractive requests outside that window
    users: int
    why: str = ""  # why it failed ("" when it passed)

    @property
    def ok(self) -> bool:
        return not self.why


def slow_verdict(run: SlowRun, sent: int, received: bool) -> str:
    """Why the slow-LLM scenario failed, "" when it passed: every slow request answered by "openai", none
    of the extractive ones failed, and those answered meanwhile did not wait (p95 under a quarter of the hold)."""
    why = []
    if not received:
        why.append(f"the fake LLM did not receive {sent} requests at once")
    if len(run.slow) < sent or any(r.failed or r.answered_by != "openai" for r in run.slow):
        why.append("a slow request failed or fell back: " + "; ".join(r.detail or r.answered_by for r in run.slow))
    bad = [r for r in run.during + run.others if r.failed]
    if bad:
        why.append(f"{len(bad)} extractive requests failed: {bad[0].detail}")
    if not run.during:
        why.append("no extractive request completed while the LLM requests were pending")
    elif percentile([r.seconds for r in run.during], 95) >= run.delay / 4:
        why.append("extractive requests waited for the slow LLM answers")
    return "; ".join(why)


def slow_llm_run(
    url: str, llm: FakeLLM, questions: Sequence[Probe], users: int = 8, slow_requests: int = 2, timeout: float = 180.0
) -> SlowRun:
    """Slow "openai" requests held by `llm` (mode "held"), and `users` extractive users asking until they are answered."""
    slow_clients, clients = make_clients(url, slow_requests), make_clients(url, users)
    probe = Probe("slow llm", SLOW_QUESTION, answerable=True)
    before = llm.received
    pending = [Background(partial(ask, c, probe, generator="openai", timeout=timeout)) for c in slow_clients]
    received = llm.wait_received(before + slow_requests, timeout=min(60.0, llm.hold))
    window_start = time.monotonic()
    stop = threading.Event()
    results: list[Result] = []

    def user(i: int) -> None:
        plan = schedule(questions, (), 0, random.Random(7919 + i))
        while not stop.is_set():
            results.append(ask(clients[i], next(plan), user=i, timeout=timeout))

    threads = [threading.Thread(target=user, args=(i,), daemon=True) for i in range(users)]
    for t in threads:
        t.start()
    for p in pending:
        p.done.wait(llm.hold + timeout)
    stop.set()
    for t in threads:
        t.join(timeout=timeout + 10)
    close_clients(slow_clients + clients)
    slow = [p.result for p in pending if p.result is not None]
    window_end = min((r.end for r in slow), default=window_start)
    during = [r for r in results if r.start >= window_start and r.end <= window_end]
    others = [r for r in results if not (r.start >= window_start and r.end <= window_end)]
    run = SlowRun(llm.hold, slow, during, others, users)
    run.why = slow_verdict(run, slow_requests, received)
    return run
