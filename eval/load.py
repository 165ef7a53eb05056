"""Load test of the served app over its API (numbers and a pass/fail), on 127.0.0.1 only.

    .venv/bin/python eval/load.py [--users 20] [--seconds 120] [--url URL [--pid PID] | --index index]
                                  [--out eval/reports/load.md] [--no-slow-llm] [--llm-delay 20]

Without --url it starts its own `ragbot serve` (`ragbot.testing.serve`) over --index and stops it at
the end; with --url it loads a server already running on this machine (--pid: sample its memory too).
Both are bounded: `--seconds` of load, at most `--max-requests` requests, each giving up after
`--request-timeout` seconds.

1. Load. `--users` simulated users, each a thread with its own gradio_client Client, ask `/ask`
   (extractive, k=5) back to back: every question of eval/questions.jsonl in the user's own seeded
   random order, and after every `--hostile-every` of them a hostile one (100 000 characters, emoji,
   right-to-left text, control characters, only punctuation, only emoji, markup; user i starts with
   the i-th kind). Reported: requests, failures, throughput, latency p50/p95/p99/max
   (`ragbot.evaluate.percentile`), per kind and over time; the server's RSS idle and sampled every
   second, its growth from the first to the last 30 s (goal < 10 %), its CPU; the machine
   (`ragbot.evaluate.machine()`) and other busy processes (this is a shared machine).
   A request fails on any client exception (except ragbot's one-line validation message for a
   question flagged `may_reject`: "rejected"), on a reply that is not a well-formed answer
   (`ragbot.schema.answer_problems`, and here: the `question` field is the question asked, a
   truncation comes with a `notice`, an extractive answer cites), or on an answer that differs from
   the other answers to the same question in the run. A refusal is a well-formed answer.

2. Slow LLM (skipped with --url or --no-slow-llm). `ragbot.testing.FakeLLM` in `held` mode holds
   every reply for `--llm-delay` seconds; a second `ragbot serve` points at it. Two "openai" requests
   are sent; once the fake LLM holds both, users-2 other users ask extractive questions until the slow
   answers are in. Passes when both come back as "openai" answers (no fallback) and the extractive
   ones answered meanwhile all succeed with p95 under a quarter of the LLM delay.

Writes Markdown to --out and prints it. Exit status 1 if a request failed, memory grew by 10 % or
more, or the slow-LLM scenario failed. tests/test_load.py runs a short version of both parts.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling modules, however this one is loaded

from load_runs import (
    MEMORY_GOAL,
    LoadRun,
    SlowRun,
    Summary,
    busy_processes,
    llm_env,
    ms,
    run_load,
    slow_llm_run,
    summarize,
)
from load_users import HOSTILE, QUESTIONS, Result, question_probes

from ragbot.evaluate import machine, percentile
from ragbot.testing import FakeLLM, serve, wait_until_up

ROOT = Path(__file__).resolve().parent.parent
LOOPBACK = ("127.0.0.1", "localhost", "::1")
FAILURE_RULES = """\
A request **fails** when the client raises anything (connection or HTTP error, the server's generic
"has raised an exception" message, no reply within the request timeout), except ragbot's own one-line
validation message ("问题是空的或只有标点：…") for the punctuation-only and
emoji-only questions, which is their expected reply (counted as *rejected*); or when the reply is not a well-formed answer
(not a dict, a key missing or of the wrong type, an empty answer, a malformed citation, not refused
yet citing nothing, a `question` field that is not the question asked, a truncation without a
`notice`); or when it differs from the usual answer to the same question in the run (concurrency must
not change or mix answers). A refusal is a well-formed answer (its correctness is answer quality,
`ragbot eval`)."""


# ---------------------------------------------------------------- the report, one function a section
def latency_cells(seconds: Sequence[float]) -> str:
    """'p50 | p95 | max' of latencies in seconds, for a table row."""
    return f"{ms(percentile(seconds, 50))} | {ms(percentile(seconds, 95))} | {ms(max(seconds, default=0))}"


def header(args: argparse.Namespace, verdict: str, server: str) -> list[str]:
    return [
        "# Load test",
        "",
        f"`{' '.join(['eval/load.py', *sys.argv[1:]])}` on {time.strftime('%Y-%m-%d %H:%M %Z')}: **{verdict}**",
        "",
        f"Server: {server}. {args.users} users, each with its own gradio_client Client, asking `/ask` (extractive, "
        f"k={args.k}) back to back for {args.seconds:g} s; every question of eval/questions.jsonl in each user's own "
        f"random order, each user starting with one of {len(HOSTILE)} hostile questions and asking another after every "
        f"{args.hostile_every} questions ({', '.join(h.kind for h in HOSTILE)}).",
    ]


def machine_section(info: dict[str, str], busy: list[str], load_end: str) -> list[str]:
    lines = [
        "## Machine",
        "",
        *[f"- {k}: {v}" for k, v in info.items()],
        f"- load average at the end of the load: {load_end}",
        "- other busy processes at the start: "
        + ("; ".join(busy) if busy else "none (no other process above 20% of a core)"),
    ]
    if busy:
        lines.append("  (this machine was shared: the numbers below are under that extra load)")
    return lines


def requests_section(run: LoadRun, s: Summary) -> list[str]:
    lines = [
        "## Requests",
        "",
        "| requests | failures | throughput | p50 | p95 | p99 | max |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        f"| {s.requests} | {s.failures} | {s.throughput:.1f} req/s | {ms(s.p50)} | {ms(s.p95)} | {ms(s.p99)} | {ms(s.max)} |",
        "",
        "| kind | requests | answered | refused | rejected | failed | p50 | p95 | max |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for kind in ["question", *(h.kind for h in HOSTILE)]:
        rs = [r for r in run.results if r.probe.kind == kind]
        if rs:
            n = [sum(r.outcome == o for r in rs) for o in ("answered", "refused", "rejected", "failed")]
            lines.append(
                f"| {kind} | {len(rs)} | {' | '.join(map(str, n))} | {latency_cells([r.seconds for r in rs])} |"
            )
    lines += ["", f"Answers that differed from the usual answer to the same question: {run.inconsistent}."]
    reasons: dict[tuple[str, str], int] = {}
    for r in run.results:
        if r.failed:
            reasons[(r.probe.kind, r.detail[:160])] = reasons.get((r.probe.kind, r.detail[:160]), 0) + 1
    if reasons:
        lines += ["", "Failures:", ""]
        lines += [f"- {n} × {kind}: {detail}" for (kind, detail), n in sorted(reasons.items(), key=lambda x: -x[1])]
    rejected = {r.detail for r in run.results if r.outcome == "rejected"}
    if rejected:
        lines += ["", "Expected rejections (ragbot's validation message): " + "; ".join(f"“{m}”" for m in rejected)]
    return lines


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
        kb = [k for t, k in run.rss if lo <= t < hi]
        rss = f"{sum(kb) / len(kb) / 1024:.0f} MiB" if kb else "-"
        rows.append(
            f"| {b * step:.0f} s | {(b + 1) * step:.0f} s | {len(rs)} | {sum(r.failed for r in rs)} | "
            f"{latency_cells([r.seconds for r in rs])} | {rss} |"
        )
    return rows


def memory_section(run: LoadRun, s: Summary) -> list[str]:
    lines = ["## Server memory (VmRSS) and CPU", ""]
    if not run.rss:
        return [*lines, "Not sampled (pass --pid with --url)."]
    peak = max(kb for _, kb in run.rss)
    cpu = (
        f"{run.cpu:.0f} s of CPU in {s.seconds:.0f} s, {run.cpu / s.seconds:.2f} cores on average" if run.cpu else "n/a"
    )
    growth = f"{s.growth:+.1f}%" + (" (goal < 10%)" if s.growth < MEMORY_GOAL else " — **at or above the 10% goal**")
    idle = f"{run.rss_idle / 1024:.0f} MiB" if run.rss_idle else "n/a"
    return [
        *lines,
        f"Sampled every second from /proc/PID/status. Growth: the mean of the last {s.window:.0f} s against the "
        f"mean of the first {s.window:.0f} s of the load (goal < {MEMORY_GOAL:g}%); the first window includes the "
        "warm-up of the server's worker threads, the table over time below shows whether it levels off.",
        "",
        f"| idle, before the load | mean, first {s.window:.0f} s | mean, last {s.window:.0f} s | growth | peak | samples |",
        "|---:|---:|---:|---:|---:|---:|",
        f"| {idle} | {s.rss_first / 1024:.0f} MiB | {s.rss_last / 1024:.0f} MiB | {growth} | {peak / 1024:.0f} MiB | {len(run.rss)} |",
        "",
        f"Server CPU: {cpu}. The simulated users (this script, same machine) used {run.client_cpu:.0f} s of CPU.",
        "",
        *timeline(run),
    ]


def slow_section(slow: SlowRun | None, note: str, s: Summary) -> list[str]:
    lines = ["## Slow LLM", ""]
    if slow is None:
        return [*lines, note]

    def failed(rs: list[Result]) -> str:
        return f"{sum(r.failed for r in rs)} failed"

    return [
        *lines,
        f"A fake OpenAI-compatible server on loopback holds every reply for {slow.delay:g} s; a second ragbot server "
        f'points at it (RAGBOT_LLM_TIMEOUT=60). {len(slow.slow)} "openai" requests were sent; once the fake LLM held '
        f"{'both' if len(slow.slow) == 2 else 'all'} of them, {slow.users} other users asked extractive questions "
        f"until the slow answers came back. **{'PASS' if slow.ok else 'FAIL: ' + slow.why}**",
        "",
        "| requests | n | outcomes | p50 | p95 | max |",
        "|---|---:|---|---:|---:|---:|",
        f"| openai (slow LLM) | {len(slow.slow)} | {', '.join(f'{r.outcome} by {r.answered_by or r.detail}' for r in slow.slow)} "
        f"| {latency_cells([r.seconds for r in slow.slow])} |",
        f"| extractive, while the LLM requests were pending | {len(slow.during)} | {failed(slow.during)} "
        f"| {latency_cells([r.seconds for r in slow.during])} |",
        f"| extractive, after they were answered | {len(slow.others)} | {failed(slow.others)} "
        f"| {latency_cells([r.seconds for r in slow.others])} |",
        f"| extractive in the main load (for comparison) | {s.requests} | {s.failures} failed | {ms(s.p50)} | {ms(s.p95)} | {ms(s.max)} |",
    ]


def render(
    args: argparse.Namespace,
    run: LoadRun,
    info: dict[str, str],
    busy: list[str],
    server: str,
    slow: SlowRun | None,
    slow_note: str,
    load_end: str,
) -> str:
    s = summarize(run)
    verdict = "PASS" if s.ok and (slow is None or slow.ok) else "FAIL"
    sections = [
        header(args, verdict, server),
        machine_section(info, busy, load_end),
        requests_section(run, s),
        memory_section(run, s),
        slow_section(slow, slow_note, s),
        ["## What counts as a failure", "", FAILURE_RULES, ""],
    ]
    return "\n\n".join("\n".join(lines) for lines in sections)


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
    with contextlib.suppress(ImportError):
        import gradio_client

        info["gradio_client"] = gradio_client.__version__
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
                srv = stack.enter_context(serve(args.index, work, *(["--auth", args.auth] if args.auth else [])))
                url, pid = srv.url, srv.pid
                server = f"`ragbot serve` over {args.index} started by this script ({url}, pid {pid})"
            print(f"load: {server}; {args.users} users for {args.seconds:g} s", file=sys.stderr, flush=True)
            busy = busy_processes(exclude=[os.getpid(), *([pid] if pid else [])])
            run = run_load(
                url,
                questions,
                args.users,
                args.seconds,
                hostile_every=args.hostile_every,
                max_requests=args.max_requests,
                pid=pid,
                auth=auth,
                seed=args.seed,
                k=args.k,
                request_timeout=args.request_timeout,
            )
            load_end = " / ".join(f"{x:.2f}" for x in os.getloadavg())
        print(f"load: {len(run.results)} requests, {sum(r.failed for r in run.results)} failed", file=sys.stderr)
        if args.url or args.no_slow_llm:
            slow_note = "Skipped (" + ("--url: it needs a server started here" if args.url else "--no-slow-llm") + ")."
        else:
            print(f"load: slow-LLM scenario ({args.llm_delay:g} s per LLM reply)", file=sys.stderr, flush=True)
            with FakeLLM(mode="held", hold=args.llm_delay) as llm, serve(args.index, work, env=llm_env(llm)) as srv:
                slow = slow_llm_run(srv.url, llm, questions, users=max(1, args.users - 2))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = render(args, run, info, busy, server, slow, slow_note, load_end)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0 if summarize(run).ok and (slow is None or slow.ok) else 1


if __name__ == "__main__":
    sys.exit(main())
