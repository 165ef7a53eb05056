"""Secrets (the LLM API key, credentials in the server URL) never reach the UI, the API, logs or errors.

A real loopback LLM server that fails in every way (and echoes what it was sent back in its error
bodies), the real CLI in a subprocess, and the real app server with its log captured.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from ragbot import pipeline
from ragbot.answer import Answerer
from ragbot.config import Config
from ragbot.errors import ConfigError
from ragbot.generate import OpenAIGenerator, make_generator
from ragbot.testing import FakeLLM, serve

from .helpers import make_workdir

KEY = "sk-ragbot-SECRET-4f9c2b"
PASSWORD = "PW-hunter2-77"
RAGBOT = [sys.executable, "-c", "import sys; from ragbot.cli import main; sys.exit(main())"]


@pytest.fixture(scope="module")
def server() -> Iterator[FakeLLM]:
    """Fails, and puts everything it got (headers included) into its answer, as a careless proxy might."""
    with FakeLLM(mode="leak-401") as fake:
        yield fake


@pytest.fixture
def leaky(server: FakeLLM) -> str:
    server.reset("leak-401")
    return server.url


def clean(text: str) -> None:
    assert KEY not in text, text[:500]
    assert PASSWORD not in text, text[:500]
    assert "SECRET" not in text, text[:500]


def test_config_and_generator_never_show_the_key(leaky: str) -> None:
    config = Config(llm_base_url=leaky, llm_api_key=KEY, generator="openai")
    clean(repr(config) + str(config))
    gen = make_generator("openai", config)
    clean(repr(gen))
    with_pw = OpenAIGenerator(leaky.replace("http://", f"http://office:{PASSWORD}@") + "?key=" + KEY, "m")
    clean(repr(with_pw) + with_pw.shown_url)
    with pytest.raises(ConfigError, match="holds a user and password and an API key is set too") as e:
        OpenAIGenerator(leaky.replace("http://", f"http://office:{PASSWORD}@"), "m", KEY)
    clean(str(e.value))


@pytest.mark.parametrize("mode", ["leak-401", "leak-500", "leak-garbage"])
def test_failed_llm_answers_mention_no_secret(
    leaky: str, server: FakeLLM, mode: str, real_bot: pipeline.Ragbot, caplog: pytest.LogCaptureFixture
) -> None:
    server.reset(mode)
    for url in (leaky, leaky.replace("http://", f"http://office:{PASSWORD}@"), leaky + "?api_key=" + KEY):
        key = "" if "@" in url else KEY  # a user and password in the URL go as HTTP Basic auth, without a key
        config = Config(llm_base_url=url, llm_api_key=key, llm_stream=mode != "leak-garbage")
        answerer = Answerer(real_bot, make_generator("openai", config))
        a = answerer.ask("办公室怎样做好督查工作？")
        assert a.notice
        assert "大模型暂时无法回答，下面是从讲话中摘录的回答" in a.notice
        clean(a.notice + a.text + json.dumps([c.text for c in a.citations], ensure_ascii=False))
        assert "answered extractively" in caplog.text  # the operator's log says why, without the secret
        clean(caplog.text)


def test_cli_output_and_errors_hold_no_secret(leaky: str, real_index: Config) -> None:
    env = {**os.environ, "RAGBOT_LLM_API_KEY": KEY, "RAGBOT_LLM_BASE_URL": leaky}
    out = subprocess.run(
        [
            *RAGBOT,
            "ask",
            "办公室怎样做好督查工作？",
            "--generator",
            "openai",
            "--json",
            "--index",
            str(real_index.index),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["notice"]
    clean(out.stdout + out.stderr)
    bad = {**env, "RAGBOT_LLM_TIMEOUT": "soon"}  # a config error while the key is set
    out = subprocess.run(
        [*RAGBOT, "ask", "督查", "--index", str(real_index.index)], capture_output=True, text=True, env=bad, timeout=120
    )
    assert out.returncode == 1
    assert "llm_timeout" in out.stderr
    clean(out.stdout + out.stderr)


def test_served_app_api_pages_and_log_hold_no_secret(
    leaky: str, server: FakeLLM, real_index: Config, tmp_path: Path
) -> None:
    from gradio_client import Client

    server.reset("leak-500")
    work = make_workdir(real_index, tmp_path / "work")
    env = {"RAGBOT_LLM_API_KEY": KEY, "RAGBOT_LLM_BASE_URL": leaky}
    with serve(work / "index", work, env=env) as app:
        url = app.url
        client = Client(url, verbose=False)
        out = client.predict("办公室怎样做好督查工作？", 5, "openai", api_name="/ask")
        assert out["notice"]
        assert out["answer"]
        clean(json.dumps(out, ensure_ascii=False))
        for route in ("", "config", "gradio_api/info"):
            clean(urllib.request.urlopen(url + route, timeout=10).read().decode("utf-8", "replace"))
    assert server.requests  # the app did ask the leaky server
    clean(app.output())
