"""The served app under load, through eval/load.py's own code (a short run of the load test):
many users at once with hostile questions among theirs, and a slow LLM answer that must not hold up the
extractive answers of other users. A real `ragbot serve` subprocess over a copy of the session's index, a
fake OpenAI-compatible server on loopback; nothing leaves 127.0.0.1. No timing assertions: the order of
events is asserted, time limits are only safety nets against a hang."""

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

from .conftest import ROOT

SAFETY = 120.0  # seconds: only a guard against a hang, never reached when things work


def _load_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ragbot_eval_load", ROOT / "eval" / "load.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


load: Any = _load_module()


@pytest.fixture(scope="module")
def llm() -> Iterator[Any]:
    """The fake LLM: every reply waits until a test sets `llm.release` (the hold is only a safety net)."""
    with load.SlowLLM(hold=5 * SAFETY) as fake:
        yield fake


@pytest.fixture(scope="module")
def server(real_index: Config, llm: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """`ragbot serve` over a copy of the session index, its "openai" generator pointed at the fake LLM."""
    work = tmp_path_factory.mktemp("load")
    shutil.copytree(real_index.index, work / "index")
    with load.serve(work / "index", work, env=load.llm_env(llm, timeout=5 * SAFETY)) as srv:
        yield srv


def test_many_users_with_hostile_questions_get_well_formed_answers(server: Any) -> None:
    questions = load.question_probes()
    run = load.run_load(
        server.url, questions, users=8, seconds=8, hostile_every=3, pid=server.pid, request_timeout=SAFETY
    )
    failed = [f"{r.probe.kind}: {r.detail}" for r in run.results if r.failed]
    assert not failed, f"{len(failed)} of {len(run.results)} requests failed, e.g. {failed[:5]}"
    assert len(run.results) >= 8
    assert run.inconsistent == 0
    assert {r.probe.kind for r in run.results} >= {h.kind for h in load.HOSTILE}, "every hostile kind was sent"
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
    summary = load.summarize(run)
    assert summary.requests == len(run.results)
    assert summary.failures == 0
    assert summary.p50 <= summary.max


def test_a_slow_llm_answer_does_not_hold_up_other_users(server: Any, llm: Any) -> None:
    llm.release.clear()
    held, answered = llm.received, llm.answered
    probe = load.Probe("slow llm", load.SLOW_QUESTION, answerable=True)
    slow_clients = load.make_clients(server.url, 2)
    slow = [load.Background(partial(load.ask, c, probe, generator="openai", timeout=5 * SAFETY)) for c in slow_clients]
    try:
        assert llm.wait_received(held + 2, timeout=SAFETY), "the fake LLM holds both openai requests"
        questions = load.question_probes()[:12]
        clients = load.make_clients(server.url, 4)
        results: list[Any] = []
        lock = threading.Lock()

        def user(i: int) -> None:
            for p in questions[i::4]:
                r = load.ask(clients[i], p, user=i, timeout=SAFETY)
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
    load.close_clients(slow_clients + clients)
