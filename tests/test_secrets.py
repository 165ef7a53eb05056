"""Secrets (the LLM API key, credentials in the server URL) never reach the UI, the API, logs or errors.

A real loopback LLM server that fails in every way (and echoes what it was sent back in its error
bodies), the real CLI in a subprocess, and the real app server with its log captured.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from ragbot import pipeline
from ragbot.config import Config
from ragbot.embed import Embedder
from ragbot.errors import ConfigError
from ragbot.generate import OpenAIGenerator, make_generator

from .conftest import CORPUS, serve

KEY = "sk-ragbot-SECRET-4f9c2b"
PASSWORD = "PW-hunter2-77"
RAGBOT = [sys.executable, "-c", "import sys; from ragbot.cli import main; sys.exit(main())"]


class Leaky(BaseHTTPRequestHandler):
    """Fails, and puts everything it got (headers included) into its answer, as a careless proxy might."""

    mode = "401"

    def log_message(self, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        echo = f"bad key {self.headers.get('Authorization')} for {self.path}".encode()
        if Leaky.mode == "garbage":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b"{not json " + echo)
            return
        self.send_response(401 if Leaky.mode == "401" else 500)
        self.end_headers()
        self.wfile.write(echo)


@pytest.fixture(scope="module")
def leaky() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Leaky)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()


def clean(text: str) -> None:
    assert KEY not in text and PASSWORD not in text and "SECRET" not in text, text[:500]


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


@pytest.mark.parametrize("mode", ["401", "500", "garbage"])
def test_failed_llm_answers_mention_no_secret(leaky: str, mode: str, real_bot: pipeline.Ragbot) -> None:
    Leaky.mode = mode
    for url in (leaky, leaky.replace("http://", f"http://office:{PASSWORD}@"), leaky + "?api_key=" + KEY):
        key = "" if "@" in url else KEY  # a user and password in the URL go as HTTP Basic auth, without a key
        config = Config(llm_base_url=url, llm_api_key=key, llm_stream=mode != "garbage")
        answerer = pipeline.Answerer(real_bot, make_generator("openai", config))
        a = answerer.ask("办公室怎样做好督查工作？")
        assert a.notice and "showing the extractive answer instead" in a.notice
        clean(a.notice + a.text + json.dumps([c.text for c in a.citations], ensure_ascii=False))


def test_cli_output_and_errors_hold_no_secret(leaky: str, real_index: Config) -> None:
    Leaky.mode = "401"
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
    assert out.returncode == 1 and "llm_timeout" in out.stderr
    clean(out.stdout + out.stderr)


def test_served_app_api_pages_and_log_hold_no_secret(
    leaky: str, real_index: Config, tmp_path: Path, default_embedder: Embedder
) -> None:
    from gradio_client import Client

    Leaky.mode = "500"
    work = tmp_path / "work"
    shutil.copytree(CORPUS, work / "corpus")
    shutil.copytree(real_index.index, work / "index")
    os.environ["RAGBOT_LLM_API_KEY"] = KEY
    os.environ["RAGBOT_LLM_BASE_URL"] = leaky
    log = tmp_path / "server.log"
    try:
        for url in serve(work, log=log):
            client = Client(url, verbose=False)
            out = client.predict("办公室怎样做好督查工作？", 5, "openai", api_name="/ask")
            assert out["notice"] and out["answer"]
            clean(json.dumps(out, ensure_ascii=False))
            for route in ("", "config", "gradio_api/info"):
                clean(urllib.request.urlopen(url + route, timeout=10).read().decode("utf-8", "replace"))
    finally:
        del os.environ["RAGBOT_LLM_API_KEY"], os.environ["RAGBOT_LLM_BASE_URL"]
    clean(log.read_text(encoding="utf-8", errors="replace"))
