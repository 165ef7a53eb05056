"""The served app under load, through eval/load.py's own code (a short run of both parts of the load test):
many users at once with hostile questions among theirs, and a slow LLM answer that must not hold up the
extractive answers of other users. A real `ragbot serve` subprocess over a copy of the session's index and
`ragbot.testing.FakeLLM` on loopback; nothing leaves 127.0.0.1. No timing assertions: the order of events is
asserted, time limits are only safety nets against a hang. The judging of replies and of the slow-LLM
scenario is also checked on made-up replies and results, each of which must be caught."""

from __future__ import annotations

import importlib.util
import shutil
import sys
import threading
from collections.abc import Iterator
from functools import partial
from types import ModuleType
from typing import Any

import pytest

from ragbot.config import Config
from ragbot.testing import FakeLLM, serve

from .helpers import ROOT

pytestmark = pytest.mark.slow  # SIGKILL trials, long fuzz runs, the model conversion or a load test

SAFETY = 120.0  # seconds: only a guard against a hang, never reached when things work


def _load_module(name: str) -> ModuleType:
    """eval/NAME.py, imported under the name the eval scripts import each other by."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "eval" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


users: Any = _load_module("load_users")
runs: Any = _load_module("load_runs")
load: Any = _load_module("load")


@pytest.fixture(scope="module")
def llm() -> Iterator[FakeLLM]:
    """The fake LLM: every reply waits until a test sets `llm.release` (the hold is only a safety net)."""
    with FakeLLM(mode="held", hold=5 * SAFETY) as fake:
        yield fake


@pytest.fixture(scope="module")
def server(real_index: Config, llm: FakeLLM, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """`ragbot serve` over a copy of the session index, its "openai" generator pointed at the fake LLM."""
    work = tmp_path_factory.mktemp("load")
    shutil.copytree(real_index.index, work / "index")
    with serve(work / "index", work, env=runs.llm_env(llm, timeout=5 * SAFETY)) as srv:
        yield srv


@pytest.fixture(scope="module")
def load_run(server: Any) -> Any:
    """Part 1, short: 8 users for 8 seconds, a hostile question after every 3. A 3-second round first
    warms the server (its first answers fill caches and arenas): in 4-second windows that warm-up
    alone once read as 10% memory growth, which is not what the leak check is about."""
    questions = users.question_probes()
    runs.run_load(server.url, questions, users=8, seconds=3, hostile_every=3, request_timeout=SAFETY)
    return runs.run_load(
        server.url, questions, users=8, seconds=8, hostile_every=3, pid=server.pid, request_timeout=SAFETY
    )


def test_many_users_with_hostile_questions_get_well_formed_answers(load_run: Any) -> None:
    run = load_run
    failed = [f"{r.probe.kind}: {r.detail}" for r in run.results if r.failed]
    assert not failed, f"{len(failed)} of {len(run.results)} requests failed, e.g. {failed[:5]}"
    assert len(run.results) >= 8
    assert run.inconsistent == 0
    assert {r.probe.kind for r in run.results} >= {h.kind for h in users.HOSTILE}, "every hostile kind was sent"
    for r in run.results:  # each one a well-formed answer, or the validation message where one is expected
        assert r.outcome in ("answered", "refused") or (r.outcome == "rejected" and r.probe.may_reject), r
    answerable = [r for r in run.results if r.probe.answerable]
    assert all(r.cited > 0 for r in answerable if r.outcome == "answered")
    assert sum(r.cited > 0 for r in answerable) >= 0.9 * len(answerable), "answerable questions come with citations"
    long = [r for r in run.results if r.probe.kind == "100k chars"]
    assert long
    assert all(r.outcome == "answered" for r in long)
    assert run.rss, "the server's memory was sampled"
    assert run.rss_idle, "the server's memory was sampled"
    summary = runs.summarize(run)
    assert summary.requests == len(run.results)
    assert summary.failures == 0
    assert summary.p50 <= summary.p95 <= summary.max


def test_the_report_of_a_passing_run_has_every_section(load_run: Any, server: Any) -> None:
    args = load.parse_args(["--url", server.url, "--pid", str(server.pid), "--users", "8", "--seconds", "8"])
    text = load.render(args, load_run, {"cores": "2"}, [], server.url, None, "Skipped (test).", "0 / 0 / 0")
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == [
        "# Load test",
        "## Machine",
        "## Requests",
        "## Server memory (VmRSS) and CPU",
        "## Slow LLM",
        "## What counts as a failure",
    ]
    assert "**PASS**" in text
    assert f"| {len(load_run.results)} | 0 |" in text
    assert "Over time" in text, "the memory section has its table over time"
    assert "Skipped (test)." in text


def test_a_slow_llm_answer_does_not_hold_up_other_users(server: Any, llm: FakeLLM) -> None:
    llm.release.clear()
    held, answered = llm.received, llm.answered
    probe = users.Probe("slow llm", users.SLOW_QUESTION, answerable=True)
    slow_clients = users.make_clients(server.url, 2)
    slow = [
        users.Background(partial(users.ask, c, probe, generator="openai", timeout=5 * SAFETY)) for c in slow_clients
    ]
    clients: list[Any] = []
    try:
        assert llm.wait_received(held + 2, timeout=SAFETY), "the fake LLM holds both openai requests"
        questions = users.question_probes()[:12]
        clients = users.make_clients(server.url, 4)
        results: list[Any] = []
        lock = threading.Lock()

        def user(i: int) -> None:
            for p in questions[i::4]:
                r = users.ask(clients[i], p, user=i, timeout=SAFETY)
                with lock:
                    results.append(r)

        threads = [threading.Thread(target=user, args=(i,), daemon=True) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=2 * SAFETY)
        # the extractive answers are all in, and the LLM has not answered yet: they did not wait for it
        assert not any(t.is_alive() for t in threads)
        assert len(results) == len(questions)
        assert not [r.detail for r in results if r.failed]
        assert all(r.answered_by == "extractive" for r in results if r.outcome == "answered")
        assert llm.answered == answered
        assert not any(s.done.is_set() for s in slow)
    finally:
        llm.release.set()
    for s in slow:
        assert s.done.wait(SAFETY)
        assert s.result.outcome == "answered", s.result
        assert s.result.answered_by == "openai", s.result
        assert "督查督办" in s.result.answer
    assert llm.answered == answered + 2
    users.close_clients(slow_clients + clients)


# ---------------------------------------------------------------- the judging, on made-up replies and results
def _reply(question: str, **changes: Any) -> dict[str, Any]:
    citation = {
        "n": 1,
        "chunk_id": "c1",
        "file": "a.txt",
        "speech": 1,
        "title": "t",
        "headings": [],
        "start": 0,
        "end": 8,
        "text": "办公室要做好督查督办工作。",
        "sentences": [0],
    }
    reply = {
        "question": question,
        "answer": "办公室要做好督查督办工作。[1]",
        "refused": False,
        "script": "simplified",
        "generator": "extractive",
        "citation_precision": 1.0,
        "sentences": [],
        "citations": [citation],
        "hits": [],
        "timings_ms": {},
    }
    return {**reply, **changes}


def test_a_well_formed_reply_to_the_question_asked_passes() -> None:
    probe = users.Probe("question", "  怎样做好\n督查督办工作？ ")
    assert users.problems(probe, _reply("怎样做好 督查督办工作？")) == []
    assert users.problems(probe, _reply("怎样做好", notice="the query was cut")) == []
    assert users.problems(probe, _reply("怎样做好 督查督办工作？", citations=[]), generator="openai") == []


@pytest.mark.parametrize(
    ("reply", "generator", "expected"),
    [
        (_reply("另一个问题？"), "extractive", "not the question asked"),
        (_reply("怎样做好"), "extractive", "truncated without a notice"),
        (_reply("怎样做好督查督办工作？", citations=[]), "extractive", "without citing any excerpt"),
        (_reply("怎样做好督查督办工作？", refused=True), "extractive", "refused but cites excerpts"),
        (_reply("怎样做好督查督办工作？", answer=" "), "extractive", "empty answer"),
        ({"question": "怎样做好督查督办工作？"}, "extractive", "'answer' missing"),
        (["not", "a", "dict"], "extractive", "not an object"),
    ],
)
def test_a_bad_reply_is_caught(reply: Any, generator: str, expected: str) -> None:
    found = users.problems(users.Probe("question", "怎样做好督查督办工作？"), reply, generator)
    assert any(expected in f for f in found), found


def _result(outcome: str = "answered", seconds: float = 0.1, by: str = "extractive") -> Any:
    return users.Result(0, users.Probe("question", "问"), "extractive", 0.0, seconds, outcome, answered_by=by)


def test_the_slow_llm_verdict_passes_only_when_nothing_waited_or_fell_back() -> None:
    def verdict(slow: list[Any], during: list[Any], others: list[Any] | None = None, received: bool = True) -> str:
        return runs.slow_verdict(runs.SlowRun(4.0, slow, during, others or [], 2), 2, received)

    openai = [_result(seconds=4.1, by="openai")] * 2
    assert verdict(openai, [_result()] * 5) == ""
    assert "fell back" in verdict([openai[0], _result(seconds=4.1)], [_result()] * 5)
    assert "fell back" in verdict(openai[:1], [_result()] * 5)
    assert "did not receive" in verdict(openai, [_result()] * 5, received=False)
    assert "waited for the slow LLM" in verdict(openai, [_result(seconds=1.5)] * 5)
    assert "no extractive request completed" in verdict(openai, [])
    assert "1 extractive requests failed" in verdict(openai, [_result()] * 5, [_result("failed")])
