"""The simulated users of eval/load.py: what they ask, one /ask request, and how its reply is judged.

A reply must be a well-formed answer (`ragbot.schema.answer_problems`: shape, citations, refusal)
and, for the question it answers, echo that question (whitespace-normalised, possibly cut, then
with a `notice`) and, when extractive and not refused, cite an excerpt. A refusal is a well-formed
answer; ragbot's one-line validation message is the expected reply to a question flagged
`may_reject` (only punctuation, only emoji). Every other exception fails the request.
"""

from __future__ import annotations

import contextlib
import random
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from ragbot import schema
from ragbot.errors import QueryError, say
from ragbot.evaluate import load_questions

QUESTIONS = Path(__file__).resolve().parent / "questions.jsonl"
# ragbot's own one-line message for a question with nothing to search (QueryError), as the app shows it
VALIDATION = re.compile(
    "^(?:" + "|".join(re.escape(say(QueryError(), s)) for s in ("simplified", "traditional")) + ")$"
)
SLOW_QUESTION = "怎样做好督查督办工作？"  # answerable: the LLM is only asked when retrieval finds evidence


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
    return [Probe("question", q.question, answerable=q.answerable) for q in load_questions(path)]


def schedule(
    questions: Sequence[Probe], hostile: Sequence[Probe], every: int, rng: random.Random, first: int | None = None
) -> Iterator[Probe]:
    """Endless: the questions in a new random order each round, a hostile one after every `every`.

    The hostile ones come in rounds of a random order each; with `first` (user i passes i) the very
    first request is `hostile[first]`, so with as many users as hostile kinds every kind is sent at once.

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
            if hostile and every > 0 and n % every == 0:
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
    found = schema.answer_problems(out)
    if schema.problems(out, schema.ANSWER):  # not even the shape: nothing more to check
        return found
    if not out["refused"] and not out["citations"] and generator == "extractive":
        found.append("answered without citing any excerpt")
    asked = " ".join(probe.text.split())
    if not out["question"] or not asked.startswith(out["question"]):
        found.append(f"'question' is {out['question'][:40]!r}, not the question asked")
    elif len(out["question"]) < len(asked) and not out.get("notice"):
        found.append("the question was truncated without a notice")
    return found


def make_clients(url: str, n: int, auth: tuple[str, str] | None = None) -> list[Any]:
    """`n` gradio_client Clients, connected in parallel (each fetches the app's config and API description)."""
    from gradio_client import Client

    def connect(_: int) -> Any:
        return Client(url, auth=auth, verbose=False, analytics_enabled=False, download_files=False)

    with ThreadPoolExecutor(max_workers=max(1, min(n, 8))) as pool:
        return list(pool.map(connect, range(n)))


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
    done = partial(Result, user, probe, generator, t0)
    try:
        out = client.submit(probe.text, k, generator, api_name="/ask").result(timeout=timeout)
    except Exception as e:
        message = str(e).strip()
        if isinstance(e, TimeoutError) or type(e).__name__ == "TimeoutError":
            return done(time.monotonic(), "failed", f"no reply within {timeout:g} s")
        if probe.may_reject and "\n" not in message and VALIDATION.search(message):
            return done(time.monotonic(), "rejected", message)
        return done(time.monotonic(), "failed", f"{type(e).__name__}: {message[:300]}")
    end = time.monotonic()
    found = problems(probe, out, generator)
    if found:
        return done(end, "failed", "; ".join(found)[:300])
    outcome = "refused" if out["refused"] else "answered"
    return done(end, outcome, "", out["answer"], len(out["citations"]), out["generator"])


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
        usual = max(counts, key=lambda key: counts[key])
        for r in (r for r in same if (r.outcome, r.answer) != usual):
            r.detail = f"answer differs from the {counts[usual]} other answers to the same question"
            r.outcome = "failed"
            marked += 1
    return marked


class Background:
    """`fn()` in a daemon thread; `.result` once `.done` is set."""

    def __init__(self, fn: Callable[[], Result]) -> None:
        self.result: Result | None = None
        self.done = threading.Event()

        def run() -> None:
            try:
                self.result = fn()
            finally:
                self.done.set()

        threading.Thread(target=run, daemon=True).start()
