"""Load test of the served app over its API (numbers and a pass/fail), on 127.0.0.1 only.

    .venv/bin/python eval/load.py [--users 20] [--seconds 120] [--url URL [--pid PID] | --index index]
                                  [--out eval/reports/load.md] [--no-slow-llm] [--llm-delay 20]

Without --url it starts its own `ragbot serve` on a free loopback port over --index (default ./index)
and stops it at the end; with --url it loads a server that is already running on this machine (give
--pid to have its memory sampled too). Both are bounded: `--seconds` of load, at most
`--max-requests` requests, and each request gives up after `--request-timeout` seconds.

1. Load. `--users` simulated users, each a thread with its own gradio_client Client, ask
   `/ask` (generator "extractive", k=5) back to back for `--seconds`: every question of
   eval/questions.jsonl in the user's own seeded random order, over and over, and after every
   `--hostile-every` of them a hostile one (100 000 characters, emoji, right-to-left text with
   direction overrides, control characters, only punctuation, only emoji, markup; user i starts
   with the i-th kind). Every request's latency and outcome is recorded; the server process's RSS
   (/proc/PID/status VmRSS) is sampled every second. Reported: requests, failures, throughput,
   latency p50/p95/p99/max (all, per kind), RSS idle before the load, mean RSS over the first and
   the last 30 s of the load and its growth (goal < 10 %), the server's CPU use, and the machine
   (CPU model, cores, load average and other busy processes at the start: this is a shared machine).

   What counts as a failure (goal: none):
   - any exception from the client (a connection error, an HTTP error, the server's generic
     "has raised an exception" message, a timeout), except for a question flagged `may_reject`
     (only punctuation, only emoji) when the message is ragbot's own one-line validation message ("the query
     is empty or only punctuation..."): that is the expected outcome, counted as "rejected";
   - a reply that is not a well-formed answer: not a dict, a missing key, a wrong type, an empty
     answer, a malformed citation, an answer that is not refused but cites nothing, a `question`
     field that is not the (whitespace-normalised, possibly truncated) question asked, a
     truncated question without a `notice` saying so;
   - a different answer than the other answers to the same question in the same run (concurrent
     requests must not change or mix answers).
   A refusal ("语料中没有找到相关内容") is a well-formed answer, not a failure: whether the right
   questions are refused is answer quality (eval/answers.py), not load.

2. Slow LLM (skipped with --url or --no-slow-llm). A fake OpenAI-compatible server on loopback holds
   every reply for `--llm-delay` seconds; a second `ragbot serve` points at it (RAGBOT_LLM_BASE_URL,
   RAGBOT_LLM_TIMEOUT=60). Two "openai" requests are sent; once the fake LLM holds both, users-2
   other users ask extractive questions until the slow answers are in. Passes when both slow
   requests come back as "openai" answers (no fallback) and the extractive ones answered while
   they were pending all succeed with p95 under a quarter of the LLM delay (they do not wait for it).

Writes Markdown to --out and prints it. Exit status 1 if a request failed, memory grew by 10 % or
more, or the slow-LLM scenario failed. tests/test_load.py runs a short version of both parts.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "eval" / "questions.jsonl"
LOOPBACK = ("127.0.0.1", "localhost", "::1")
MEMORY_GOAL = 10.0  # % growth of the mean RSS, last window against the first
WINDOW = 30.0  # seconds: the first and last windows of the memory comparison
# ragbot's own validation message (pipeline.prepare_query), the one acceptable error
VALIDATION = re.compile(r"^the query is empty or only punctuation")
ANSWER_KEYS = {"question": str, "answer": str, "refused": bool, "citations": list, "generator": str}
CITATION_KEYS = {"n": int, "file": str, "title": str, "start": int, "end": int, "text": str}
SLOW_QUESTION = "怎样做好督查督办工作？"  # answerable: the LLM is only asked when retrieval finds evidence
LLM_REPLY = "办公室要做好督查督办工作。[1]"


# ---------------------------------------------------------------- what the users ask
@dataclass(frozen=True)
class Probe:
    kind: str  # "question" for the question set, else the hostile kind
    text: str
    answerable: bool = False
    may_reject: bool = False  # ragbot's one-line validation message is an acceptable reply


HOSTILE = (
    Probe("100k chars", ("督查督办工作怎么做？" + "办公室工作要抓落实，" * 10_000)[:100_000]),
    Probe("emoji", "😀🎉 办公室主任应该具备哪些素质？👍🏽👨‍👩‍👧 🚀"),
    Probe("rtl", "\u202eمرحبا، ما هي مهام مدير المكتب؟\u202c שלום עולם \u200f办公室的信息工作要注意什么？"),
    Probe("control chars", "\x00\x07\x1b[31m督查\x08工作\x7f\u200b\ufeff\r\n怎么\x1f做？\x0c"),
    Probe("punctuation only", "？！。，、；：“”‘’（）……——!?.,;:'\"()[]{}<>~`@#$%^&*-=+|\\/", may_reject=True),
    Probe("emoji only", "😀🎉👍🏽👨‍👩‍👧🚀", may_reject=True),
    Probe("markup", "<script>alert(1)</script><img src=x onerror=alert(1)>\"督查工作怎么做？'); DROP TABLE x;--"),
)


def question_probes(path: str | Path = QUESTIONS) -> list[Probe]:
    from ragbot.evaluate import load_questions

    return [Probe("question", q.question, answerable=q.answerable) for q in load_questions(path)]


def schedule(
    questions: Sequence[Probe],
    hostile: Sequence[Probe],
    hostile_every: int,
    rng: random.Random,
    first: int | None = None,
) -> Iterator[Probe]:
    """Endless: the questions in a new random order each round, a hostile one after every `hostile_every`.

    The hostile ones come in rounds of a random order each. With `first` (user i passes i) the very
    first request is `hostile[first]`: with as many users as hostile kinds, every kind is sent at once,
    however slow the server is.

    >>> import itertools
    >>> qs, bad = [Probe("question", "甲"), Probe("question", "乙")], [Probe("x", "!"), Probe("y", "?")]
    >>> [p.text for p in itertools.islice(schedule(qs, bad, 1, random.Random(0), first=1), 4)]
    ['?', '甲', '!', '乙']
    """
    hostile_order: list[Probe] = []
    if hostile and first is not None:
        lead = hostile[first % len(hostile)]
        yield lead
        hostile_order = [h for h in hostile if h is not lead]
        rng.shuffle(hostile_order)
    n = 0
    while True:
        order = list(questions)
        rng.shuffle(order)
        for p in order:
            yield p
            n += 1
            if hostile and hostile_every > 0 and n % hostile_every == 0:
                if not hostile_order:
                    hostile_order = list(hostile)
                    rng.shuffle(hostile_order)
                yield hostile_order.pop()


# ---------------------------------------------------------------- one request
@dataclass
class Result:
    user: int
    probe: Probe
    generator: str
    start: float  # time.monotonic()
    end: float
    outcome: str  # answered, refused, rejected (the expected validation message) or failed
    detail: str = ""  # why it failed, or the rejection message
    answer: str = ""
    cited: int = 0
    answered_by: str = ""  # the generator the server says it used

    @property
    def seconds(self) -> float:
        return self.end - self.start

    @property
    def failed(self) -> bool:
        return self.outcome == "failed"


def problems(probe: Probe, out: Any, generator: str = "extractive") -> list[str]:
    """Why `out` is not a well-formed /ask answer to `probe` (empty: it is one)."""
    if not isinstance(out, dict):
        return [f"reply is a {type(out).__name__}, not a dict"]
    found = [f"'{k}' missing or not {t.__name__}" for k, t in ANSWER_KEYS.items() if not isinstance(out.get(k), t)]
    if found:
        return found
    if not out["answer"].strip():
        found.append("empty answer")
    for c in out["citations"]:
        if not isinstance(c, dict) or any(not isinstance(c.get(k), t) for k, t in CITATION_KEYS.items()):
            found.append(f"malformed citation {str(c)[:80]}")
        elif not c["text"] or not 0 <= c["start"] < c["end"]:
            found.append(f"citation {c['n']} has no text or a bad span")
    if out["refused"] and out["citations"]:
        found.append("refused but cites excerpts")
    if not out["refused"] and not out["citations"] and generator == "extractive":
        found.append("answered without citing any excerpt")
    asked = " ".join(probe.text.split())
    if not out["question"] or not asked.startswith(out["question"]):
        found.append(f"'question' is {out['question'][:40]!r}, not the question asked")
    elif len(out["question"]) < len(asked) and not out.get("notice"):
        found.append("the question was truncated without a notice")
    return found


def make_client(url: str, auth: tuple[str, str] | None = None) -> Any:
    from gradio_client import Client

    return Client(url, auth=auth, verbose=False, analytics_enabled=False, download_files=False)


def make_clients(url: str, n: int, auth: tuple[str, str] | None = None) -> list[Any]:
    """`n` clients, connected in parallel (each fetches the app's config and API description)."""
    with ThreadPoolExecutor(max_workers=max(1, min(n, 8))) as pool:
        return list(pool.map(lambda _: make_client(url, auth), range(n)))


def close_clients(clients: Sequence[Any]) -> None:
    """Stop the clients' heartbeat threads, in parallel (each close waits up to a second)."""

    def close(c: Any) -> None:
        with contextlib.suppress(Exception):
            c.close()

    if clients:
        with ThreadPoolExecutor(max_workers=len(clients)) as pool:
            list(pool.map(close, clients))


def ask(
    client: Any, probe: Probe, user: int = 0, generator: str = "extractive", k: int = 5, timeout: float = 120.0
) -> Result:
    """One /ask request, timed and classified (never raises)."""
    t0 = time.monotonic()
    try:
        out = client.submit(probe.text, k, generator, api_name="/ask").result(timeout=timeout)
    except Exception as e:
        end = time.monotonic()
        message = str(e).strip()
        if isinstance(e, TimeoutError) or type(e).__name__ == "TimeoutError":
            return Result(user, probe, generator, t0, end, "failed", f"no reply within {timeout:g} s")
        if probe.may_reject and "\n" not in message and VALIDATION.search(message):
            return Result(user, probe, generator, t0, end, "rejected", message)
        return Result(user, probe, generator, t0, end, "failed", f"{type(e).__name__}: {message[:300]}")
    end = time.monotonic()
    found = problems(probe, out, generator)
    if found:
        return Result(user, probe, generator, t0, end, "failed", "; ".join(found)[:300])
    return Result(
        user,
        probe,
        generator,
        t0,
        end,
        "refused" if out["refused"] else "answered",
        "",
        out["answer"],
        len(out["citations"]),
        out["generator"],
    )


def mark_inconsistent(results: Sequence[Result]) -> int:
    """Fail every extractive answer that differs from the most common answer to the same question."""
    by_text: dict[str, list[Result]] = {}
    for r in results:
        if r.generator == "extractive" and r.outcome in ("answered", "refused"):
            by_text.setdefault(r.probe.text, []).append(r)
    marked = 0
    for same in by_text.values():
        counts: dict[tuple[str, str], int] = {}
        for r in same:
            counts[(r.outcome, r.answer)] = counts.get((r.outcome, r.answer), 0) + 1
        if len(counts) > 1:
            usual = max(counts, key=lambda key: counts[key])
            for r in same:
                if (r.outcome, r.answer) != usual:
                    r.detail = f"answer differs from the {counts[usual]} other answers to the same question"
                    r.outcome = "failed"
                    marked += 1
    return marked


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
        fields_ = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields_[11]) + int(fields_[12])) / os.sysconf("SC_CLK_TCK")
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


@dataclass
class Server:
    url: str
    pid: int
    log: Path
    proc: subprocess.Popen[bytes] | None = None

    def log_tail(self, chars: int = 3000) -> str:
        try:
            return self.log.read_text(encoding="utf-8", errors="replace")[-chars:]
        except OSError:
            return ""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_up(url: str, proc: subprocess.Popen[bytes] | None, timeout: float) -> None:
    t0 = time.monotonic()
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                if r.status == 200:
                    return
        except urllib.error.HTTPError as e:
            if e.code == 401:  # up, behind --auth
                return
        except OSError:
            pass
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"ragbot serve exited with status {proc.returncode}")
        if time.monotonic() - t0 > timeout:
            raise RuntimeError(f"ragbot serve did not answer at {url} within {timeout:g} s")
        time.sleep(0.3)


@contextlib.contextmanager
def serve(
    index: Path, workdir: Path, env: dict[str, str] | None = None, auth: str | None = None, timeout: float = 240.0
) -> Iterator[Server]:
    """`ragbot serve` on a free 127.0.0.1 port over `index`, its output in workdir/serve-PORT.log.

    Data (feedback) and uploads go under `workdir`; no analytics, no model hub.
    """
    port = free_port()
    exe = Path(sys.executable).with_name("ragbot")
    cmd = (
        [str(exe)]
        if exe.exists()
        else [sys.executable, "-c", "import sys; from ragbot.cli import main; sys.exit(main())"]
    )
    cmd += ["serve", "--host", "127.0.0.1", "--port", str(port), "--index", str(index)]
    if auth:
        cmd += ["--auth", auth]
    full_env = {
        **os.environ,
        "GRADIO_ANALYTICS_ENABLED": "False",
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "RAGBOT_DATA": str(workdir / "data"),
        "RAGBOT_CORPUS": str(workdir / "corpus"),
        **(env or {}),
    }
    log = workdir / f"serve-{port}.log"
    with log.open("wb") as out:  # a file, not a pipe: a full pipe would block the server
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=full_env)
    server = Server(f"http://127.0.0.1:{port}/", proc.pid, log, proc)
    try:
        try:
            wait_until_up(server.url, proc, timeout)
        except RuntimeError as e:
            raise RuntimeError(f"{e}; its output:\n{server.log_tail()}") from None
        yield server
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=20)


# ---------------------------------------------------------------- the load
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
    rss_idle = rss_kb(pid) if pid else None
    cpu0 = cpu_seconds(pid) if pid else None
    own0 = time.process_time()
    sampler = RssSampler(pid) if pid else None
    with sampler or contextlib.nullcontext():
        t0 = time.monotonic()
        deadline = t0 + seconds
        start.wait()
        for t in threads:
            t.join(timeout=seconds + request_timeout + 60)
        t1 = time.monotonic()
    cpu1 = cpu_seconds(pid) if pid else None
    own = time.process_time() - own0
    close_clients(clients)
    run = LoadRun(
        results,
        t0,
        t1,
        sampler.samples if sampler else [],
        rss_idle,
        cpu1 - cpu0 if cpu0 is not None and cpu1 is not None else None,
    )
    run.inconsistent = mark_inconsistent(results)
    run.client_cpu = own
    return run


# ---------------------------------------------------------------- a slow LLM
class SlowLLM:
    """A fake OpenAI-compatible server (/v1/chat/completions) on loopback whose replies wait.

    Each request is counted as it arrives (`wait_received`), then held until `release` is set or
    `hold` seconds have passed, then answered with `reply` (streamed or whole, as asked).
    """

    def __init__(self, hold: float, reply: str = LLM_REPLY) -> None:
        self.hold, self.reply = hold, reply
        self.release = threading.Event()
        self.received = 0
        self.answered = 0
        self._cond = threading.Condition()
        llm = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                with llm._cond:
                    llm.received += 1
                    llm._cond.notify_all()
                llm.release.wait(llm.hold)
                try:
                    self._reply(bool(body.get("stream")))
                finally:
                    with llm._cond:
                        llm.answered += 1
                        llm._cond.notify_all()

            def _reply(self, stream: bool) -> None:
                if not stream:
                    payload = json.dumps(
                        {"choices": [{"message": {"role": "assistant", "content": llm.reply}, "finish_reason": "stop"}]}
                    ).encode()
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                for i in range(0, len(llm.reply), 4):
                    data = {"choices": [{"delta": {"content": llm.reply[i : i + 4]}, "finish_reason": None}]}
                    self.wfile.write(f"data: {json.dumps(data, ensure_ascii=False)}\n\n".encode())
                    self.wfile.flush()
                self.wfile.write(b"data: [DONE]\n\n")

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def wait_received(self, n: int, timeout: float) -> bool:
        with self._cond:
            return self._cond.wait_for(lambda: self.received >= n, timeout)

    def __enter__(self) -> SlowLLM:
        threading.Thread(target=self._server.serve_forever, name="slow-llm", daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()


def llm_env(llm: SlowLLM, timeout: float = 60.0) -> dict[str, str]:
    """The environment that points a ragbot server at `llm`."""
    return {"RAGBOT_LLM_BASE_URL": llm.url, "RAGBOT_LLM_MODEL": "fake-slow", "RAGBOT_LLM_TIMEOUT": f"{timeout:g}"}


class Background:
    """`fn()` in a daemon thread; `.result` once done."""

    def __init__(self, fn: Callable[[], Result]) -> None:
        self.result: Result | None = None
        self.done = threading.Event()

        def run() -> None:
            try:
                self.result = fn()
            finally:
                self.done.set()

        threading.Thread(target=run, daemon=True).start()


@dataclass
class SlowRun:
    delay: float
    slow: list[Result]
    during: list[Result]  # extractive requests started and finished while the slow ones were pending
    others: list[Result]  # extractive requests outside that window
    received: bool  # the fake LLM held all the slow requests at once
    users: int
    ok: bool
    why: str


def slow_llm_run(
    url: str,
    llm: SlowLLM,
    questions: Sequence[Probe],
    users: int = 8,
    slow_requests: int = 2,
    request_timeout: float = 180.0,
) -> SlowRun:
    """Slow "openai" requests held by `llm`, and `users` extractive users asking until they are answered."""
    slow_clients = make_clients(url, slow_requests)
    clients = make_clients(url, users)
    probe = Probe("slow llm", SLOW_QUESTION, answerable=True)
    pending = [Background(partial(ask, c, probe, generator="openai", timeout=request_timeout)) for c in slow_clients]
    received = llm.wait_received(slow_requests, timeout=min(60.0, llm.hold))
    window_start = time.monotonic()
    stop = threading.Event()
    results: list[Result] = []
    lock = threading.Lock()

    def user(i: int) -> None:
        plan = schedule(questions, (), 0, random.Random(7919 + i))
        while not stop.is_set():
            r = ask(clients[i], next(plan), user=i, timeout=request_timeout)
            with lock:
                results.append(r)

    threads = [threading.Thread(target=user, args=(i,), daemon=True) for i in range(users)]
    for t in threads:
        t.start()
    for p in pending:
        p.done.wait(llm.hold + request_timeout)
    stop.set()
    for t in threads:
        t.join(timeout=request_timeout + 10)
    close_clients(slow_clients + clients)
    slow = [p.result for p in pending if p.result is not None]
    window_end = min((r.end for r in slow), default=window_start)
    during = [r for r in results if r.start >= window_start and r.end <= window_end]
    in_window = {id(r) for r in during}
    others = [r for r in results if id(r) not in in_window]
    why = []
    if not received:
        why.append(f"the fake LLM did not receive {slow_requests} requests at once")
    if len(slow) < slow_requests or any(r.failed or r.answered_by != "openai" for r in slow):
        why.append("a slow request failed or fell back: " + "; ".join(r.detail or r.answered_by for r in slow))
    bad = [r for r in results if r.failed]
    if bad:
        why.append(f"{len(bad)} extractive requests failed: {bad[0].detail}")
    if not during:
        why.append("no extractive request completed while the LLM requests were pending")
    elif percentile([r.seconds for r in during], 95) >= llm.hold / 4:
        why.append("extractive requests waited for the slow LLM answers")
    return SlowRun(llm.hold, slow, during, others, received, users, not why, "; ".join(why))


# ---------------------------------------------------------------- numbers
def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile (0 for no values).

    >>> percentile([1, 2, 3, 4], 50), percentile([1, 2, 3, 4], 95), percentile([], 99)
    (2, 4, 0.0)
    """
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


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
    outcomes: dict[str, int]
    rss_first: float  # kB
    rss_last: float
    growth: float  # %
    window: float  # seconds of each memory window

    @property
    def ok(self) -> bool:
        return self.failures == 0 and self.growth < MEMORY_GOAL


def summarize(run: LoadRun) -> Summary:
    lat = [r.seconds for r in run.results]
    outcomes: dict[str, int] = {}
    for r in run.results:
        outcomes[r.outcome] = outcomes.get(r.outcome, 0) + 1
    duration = run.finished - run.started
    first, last, growth = window_means(run.rss, run.started, run.finished)
    return Summary(
        len(lat),
        outcomes.get("failed", 0),
        duration,
        len(lat) / duration if duration else 0.0,
        percentile(lat, 50),
        percentile(lat, 95),
        percentile(lat, 99),
        max(lat, default=0.0),
        outcomes,
        first,
        last,
        growth,
        min(WINDOW, duration / 2),
    )


def machine() -> dict[str, str]:
    """CPU model, cores, memory, load average, and the busiest other processes right now."""
    info: dict[str, str] = {}
    with contextlib.suppress(OSError):
        cpuinfo = Path("/proc/cpuinfo").read_text()
        model = re.search(r"^(?:model name|Hardware|cpu model)\s*:\s*(.+)$", cpuinfo, re.M)
        info["cpu"] = model.group(1).strip() if model else "unknown"
    info["cores"] = f"{os.cpu_count()} ({len(os.sched_getaffinity(0))} usable by this process)"
    with contextlib.suppress(OSError, StopIteration, ValueError):
        line = next(x for x in Path("/proc/meminfo").read_text().splitlines() if x.startswith("MemTotal"))
        info["memory"] = f"{int(line.split()[1]) / 1024**2:.1f} GiB"
    info["load average"] = " / ".join(f"{x:.2f}" for x in os.getloadavg()) + " (1 / 5 / 15 min)"
    info["python"] = sys.version.split()[0]
    with contextlib.suppress(Exception):
        import gradio_client

        info["gradio_client"] = gradio_client.__version__
    return info


def busy_processes(exclude: Sequence[int] = (), seconds: float = 1.0, min_share: float = 0.2) -> list[str]:
    """Other processes using at least `min_share` of a core over `seconds`: 'pid name args… NN% CPU'."""

    def snapshot() -> dict[int, float]:
        out = {}
        for d in Path("/proc").iterdir():
            if d.name.isdigit() and int(d.name) not in exclude:
                cpu = cpu_seconds(int(d.name))
                if cpu is not None:
                    out[int(d.name)] = cpu
        return out

    before = snapshot()
    time.sleep(seconds)
    after = snapshot()
    busy = []
    for pid, cpu in after.items():
        share = (cpu - before.get(pid, cpu)) / seconds
        if share >= min_share:
            try:
                args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
                name = " ".join(a.decode(errors="replace") for a in args[:3] if a)[:90]
            except OSError:
                name = "?"
            busy.append((share, f"{pid} `{name}` {share * 100:.0f}% CPU"))
    return [text for _, text in sorted(busy, reverse=True)]


# ---------------------------------------------------------------- the report
FAILURE_RULES = """\
A request **fails** when the client raises anything (connection or HTTP error, the server's generic
"has raised an exception" message, no reply within the request timeout), except ragbot's own one-line
validation message ("the query is empty or only punctuation…") for the punctuation-only and
emoji-only questions, which is their expected reply (counted as *rejected*); or when the reply is not a well-formed answer
(not a dict, a key missing or of the wrong type, an empty answer, a malformed citation, not refused
yet citing nothing, a `question` field that is not the question asked, a truncation without a
`notice`); or when it differs from the usual answer to the same question in the run (concurrency must
not change or mix answers). A refusal is a well-formed answer (its correctness is answer quality,
eval/answers.py)."""


def kind_rows(results: Sequence[Result]) -> list[str]:
    kinds: dict[str, list[Result]] = {}
    for r in results:
        kinds.setdefault(r.probe.kind, []).append(r)
    rows = [
        "| kind | requests | answered | refused | rejected | failed | p50 | p95 | max |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for kind in ["question", *(h.kind for h in HOSTILE)]:
        rs = kinds.get(kind, [])
        if not rs:
            continue
        n = {o: sum(r.outcome == o for r in rs) for o in ("answered", "refused", "rejected", "failed")}
        lat = [r.seconds for r in rs]
        rows.append(
            f"| {kind} | {len(rs)} | {n['answered']} | {n['refused']} | {n['rejected']} | {n['failed']} | "
            f"{ms(percentile(lat, 50))} | {ms(percentile(lat, 95))} | {ms(max(lat))} |"
        )
    return rows


def timeline(run: LoadRun, buckets: int = 12) -> list[str]:
    """Requests completed, their latency and the server's mean RSS in `buckets` equal slices of the load."""
    step = (run.finished - run.started) / buckets
    if step <= 0:
        return []
    rows = [
        "Over time (requests by the time they completed):",
        "",
        "| from | to | requests | failed | p50 | p95 | max | mean RSS |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for b in range(buckets):
        lo, hi = run.started + b * step, run.started + (b + 1) * step
        rs = [r for r in run.results if lo <= r.end < hi or (b == buckets - 1 and r.end >= hi)]
        lat = [r.seconds for r in rs]
        kb = [k for t, k in run.rss if lo <= t < hi]
        rss = f"{sum(kb) / len(kb) / 1024:.0f} MiB" if kb else "-"
        rows.append(
            f"| {b * step:.0f} s | {(b + 1) * step:.0f} s | {len(rs)} | {sum(r.failed for r in rs)} | "
            f"{ms(percentile(lat, 50))} | {ms(percentile(lat, 95))} | {ms(max(lat, default=0))} | {rss} |"
        )
    return rows


def render(
    args: argparse.Namespace,
    run: LoadRun,
    s: Summary,
    info: dict[str, str],
    busy: list[str],
    server: str,
    slow: SlowRun | None,
    slow_note: str,
    load_end: str,
) -> str:
    verdict = "PASS" if s.ok and (slow is None or slow.ok) else "FAIL"
    lines = [
        "# Load test",
        "",
        f"`{' '.join(['eval/load.py', *sys.argv[1:]])}` on {time.strftime('%Y-%m-%d %H:%M %Z')}: **{verdict}**",
        "",
        f"Server: {server}. {args.users} users, each with its own gradio_client Client, asking `/ask` (extractive, "
        f"k={args.k}) back to back for {args.seconds:g} s; every question of eval/questions.jsonl in each user's own "
        f"random order, each user starting with one of {len(HOSTILE)} hostile questions and asking another after every "
        f"{args.hostile_every} questions "
        f"({', '.join(h.kind for h in HOSTILE)}).",
        "",
        "## Machine",
        "",
        *[f"- {k}: {v}" for k, v in info.items()],
        f"- load average at the end of the load: {load_end}",
        "- other busy processes at the start: "
        + ("; ".join(busy) if busy else "none (no other process above 20% of a core)"),
    ]
    if busy:
        lines.append("  (this machine was shared: the numbers below are under that extra load)")
    lines += [
        "",
        "## Requests",
        "",
        "| requests | failures | throughput | p50 | p95 | p99 | max |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        f"| {s.requests} | {s.failures} | {s.throughput:.1f} req/s | {ms(s.p50)} | {ms(s.p95)} | {ms(s.p99)} | {ms(s.max)} |",
        "",
        *kind_rows(run.results),
        "",
        f"Answers that differed from the usual answer to the same question: {run.inconsistent}.",
    ]
    failed = [r for r in run.results if r.failed]
    if failed:
        reasons: dict[tuple[str, str], int] = {}
        for r in failed:
            key = (r.probe.kind, r.detail[:160])
            reasons[key] = reasons.get(key, 0) + 1
        lines += ["", "Failures:", ""]
        lines += [f"- {n} × {kind}: {detail}" for (kind, detail), n in sorted(reasons.items(), key=lambda x: -x[1])]
    rejected = {r.detail for r in run.results if r.outcome == "rejected"}
    if rejected:
        lines += ["", "Expected rejections (ragbot's validation message): " + "; ".join(f"“{m}”" for m in rejected)]
    lines += ["", "## Server memory (VmRSS) and CPU", ""]
    if run.rss:
        lines += [
            f"Sampled every second from /proc/PID/status. Growth: the mean of the last {s.window:.0f} s against the "
            f"mean of the first {s.window:.0f} s of the load (goal < {MEMORY_GOAL:g}%); the first window includes the "
            "warm-up of the server's worker threads, the table over time below shows whether it levels off.",
            "",
        ]
        peak = max(kb for _, kb in run.rss)
        cpu = (
            f"{run.cpu:.0f} s of CPU in {s.seconds:.0f} s, {run.cpu / s.seconds:.2f} cores on average"
            if run.cpu
            else "n/a"
        )
        growth = f"{s.growth:+.1f}%" + (
            " (goal < 10%)" if s.growth < MEMORY_GOAL else " — **at or above the 10% goal**"
        )
        idle = f"{run.rss_idle / 1024:.0f} MiB" if run.rss_idle else "n/a"
        lines += [
            f"| idle, before the load | mean, first {s.window:.0f} s | mean, last {s.window:.0f} s | growth | peak | samples |",
            "|---:|---:|---:|---:|---:|---:|",
            f"| {idle} | {s.rss_first / 1024:.0f} MiB | {s.rss_last / 1024:.0f} MiB | {growth} | {peak / 1024:.0f} MiB | {len(run.rss)} |",
            "",
            f"Server CPU: {cpu}. The simulated users (this script, same machine) used {run.client_cpu:.0f} s of CPU.",
            "",
            *timeline(run),
        ]
    else:
        lines.append("Not sampled (pass --pid with --url).")
    lines += ["", "## Slow LLM", ""]
    if slow is None:
        lines.append(slow_note)
    else:
        lat = [r.seconds for r in slow.during]
        rest = [r.seconds for r in slow.others]
        lines += [
            f"A fake OpenAI-compatible server on loopback holds every reply for {slow.delay:g} s; a second ragbot server "
            f'points at it (RAGBOT_LLM_TIMEOUT=60). {len(slow.slow)} "openai" requests were sent; once the fake LLM held '
            f"{'both' if len(slow.slow) == 2 else 'all'} of them, {slow.users} other users asked extractive questions "
            f"until the slow answers came back. **{'PASS' if slow.ok else 'FAIL: ' + slow.why}**",
            "",
            "| requests | n | outcomes | p50 | p95 | max |",
            "|---|---:|---|---:|---:|---:|",
            f"| openai (slow LLM) | {len(slow.slow)} | {', '.join(f'{r.outcome} by {r.answered_by or r.detail}' for r in slow.slow)} "
            f"| {ms(percentile([r.seconds for r in slow.slow], 50))} | {ms(percentile([r.seconds for r in slow.slow], 95))} "
            f"| {ms(max((r.seconds for r in slow.slow), default=0))} |",
            f"| extractive, while the LLM requests were pending | {len(lat)} | {sum(r.failed for r in slow.during)} failed "
            f"| {ms(percentile(lat, 50))} | {ms(percentile(lat, 95))} | {ms(max(lat, default=0))} |",
            f"| extractive, after they were answered | {len(rest)} | {sum(r.failed for r in slow.others)} failed "
            f"| {ms(percentile(rest, 50))} | {ms(percentile(rest, 95))} | {ms(max(rest, default=0))} |",
            f"| extractive in the main load (for comparison) | {s.requests} | {s.failures} failed | {ms(s.p50)} | {ms(s.p95)} | {ms(s.max)} |",
        ]
    lines += ["", "## What counts as a failure", "", FAILURE_RULES, ""]
    return "\n".join(lines)


# ---------------------------------------------------------------- main
def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--users", type=int, default=20, help="simulated users (threads), default 20")
    p.add_argument("--seconds", type=float, default=120.0, help="seconds of load, default 120")
    p.add_argument("--url", help="a running server on this machine (default: start one over --index)")
    p.add_argument("--pid", type=int, help="with --url: the server's process id, to sample its memory")
    p.add_argument("--index", type=Path, default=ROOT / "index", help="index for the server started here (./index)")
    p.add_argument("--auth", metavar="USER:PASS", help="the server's --auth")
    p.add_argument("--out", type=Path, default=ROOT / "eval" / "reports" / "load.md", help="the Markdown report")
    p.add_argument("--questions", type=Path, default=QUESTIONS)
    p.add_argument("--hostile-every", type=int, default=20, help="a hostile question after every N (default 20)")
    p.add_argument("--max-requests", type=int, default=100_000, help="stop after this many requests in all")
    p.add_argument("--request-timeout", type=float, default=120.0, help="a request without reply by then fails")
    p.add_argument("--k", type=int, default=5)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--no-slow-llm", action="store_true", help="skip the slow-LLM scenario")
    p.add_argument("--llm-delay", type=float, default=20.0, help="seconds the fake LLM holds each reply (20)")
    args = p.parse_args(argv)
    if args.url and (urlsplit(args.url).hostname or "") not in LOOPBACK:
        p.error(f"--url must be on this machine (127.0.0.1), got {args.url}")
    if args.users < 1 or args.seconds <= 0 or args.max_requests < 1:
        p.error("--users, --seconds and --max-requests must be positive")
    if args.url is None and not (args.index / "manifest.json").is_file():
        p.error(f"no index at {args.index}: build one with `ragbot ingest` or pass --index/--url")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    user, _, password = (args.auth or "").partition(":")
    auth = (user, password) if args.auth else None
    questions = question_probes(args.questions)
    info = machine()
    work = Path(tempfile.mkdtemp(prefix="ragbot-load-"))
    slow: SlowRun | None = None
    slow_note = ""
    try:
        with contextlib.ExitStack() as stack:
            if args.url:
                url, pid = args.url, args.pid
                wait_until_up(url, None, 30)
                server = f"{url} (given{f', pid {pid}' if pid else ', memory not sampled'})"
            else:
                srv = stack.enter_context(serve(args.index, work, auth=args.auth))
                url, pid = srv.url, srv.pid
                server = f"`ragbot serve` over {args.index} started by this script ({url}, pid {pid})"
            print(f"load: {server}; {args.users} users for {args.seconds:g} s", file=sys.stderr, flush=True)
            busy = busy_processes(exclude=[os.getpid(), *([pid] if pid else [])])
            run = run_load(
                url,
                questions,
                args.users,
                args.seconds,
                HOSTILE,
                args.hostile_every,
                args.max_requests,
                pid,
                auth,
                args.seed,
                args.k,
                args.request_timeout,
            )
            load_end = " / ".join(f"{x:.2f}" for x in os.getloadavg())
        summary = summarize(run)
        print(f"load: {summary.requests} requests, {summary.failures} failed", file=sys.stderr, flush=True)
        if args.url or args.no_slow_llm:
            slow_note = "Skipped (" + ("--url: it needs a server started here" if args.url else "--no-slow-llm") + ")."
        else:
            print(f"load: slow-LLM scenario ({args.llm_delay:g} s per LLM reply)", file=sys.stderr, flush=True)
            with SlowLLM(args.llm_delay) as llm, serve(args.index, work, env=llm_env(llm)) as srv:
                slow = slow_llm_run(srv.url, llm, questions, users=max(1, args.users - 2))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = render(args, run, summary, info, busy, server, slow, slow_note, load_end)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0 if summary.ok and (slow is None or slow.ok) else 1


if __name__ == "__main__":
    sys.exit(main())
