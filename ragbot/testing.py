"""Test doubles and launchers for ragbot's own tests and benchmarks, offline: nothing here answers questions.

- `FakeLLM`: an OpenAI-compatible chat-completions server on 127.0.0.1, used as a context manager.
  Its `mode` picks how it answers: `ok` (streamed or whole, as the client asks), `500`,
  `malformed` (not OpenAI JSON), `cut` (the stream stops mid-answer), `held` (each reply waits
  until `release` is set or `hold` seconds pass, then answers), and `leak-401`, `leak-500`,
  `leak-garbage` (fails, echoing the Authorization header and path it got, as a careless proxy
  might). Every request is recorded.
- `free_port()` and `serve(...)`: a real `ragbot serve` in a subprocess on a free loopback port,
  waited for and stopped; its output goes to a log file (a full pipe would block it).

What it does not do: fake an embedder or a reranker (tests/fakes.py does, with relevance made
predictable), or reach anything but 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

REPLY = "办公室要做好督查督办工作。[1]"
MODES = ("ok", "500", "malformed", "cut", "held", "leak-401", "leak-500", "leak-garbage")


@dataclass(frozen=True)
class LLMRequest:
    """What the fake LLM received: the path, the JSON body and the Authorization header."""

    path: str
    body: dict[str, Any]
    auth: str | None


@dataclass
class FakeLLM:
    """See the module docstring. `url` ends in /v1, as OpenAI clients expect."""

    mode: str = "ok"
    reply: str = REPLY
    hold: float = 3.0  # seconds a `held` reply waits unless released first
    requests: list[LLMRequest] = field(default_factory=list)
    received: int = 0
    answered: int = 0

    def __post_init__(self) -> None:
        self.release = threading.Event()
        self._cond = threading.Condition()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), type("Handler", (_Handler,), {"llm": self}))
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def reset(self, mode: str = "ok") -> None:
        """A new behaviour, with the record of requests cleared."""
        if mode not in MODES:
            raise ValueError(f"unknown fake LLM mode {mode!r}; valid ones: {', '.join(MODES)}")
        self.mode = mode
        self.requests = []
        self.release.clear()

    def wait_received(self, n: int, timeout: float) -> bool:
        """Whether `n` requests have arrived within `timeout` seconds."""
        with self._cond:
            return self._cond.wait_for(lambda: self.received >= n, timeout)

    def _count(self, what: str) -> None:
        with self._cond:
            setattr(self, what, getattr(self, what) + 1)
            self._cond.notify_all()

    def __enter__(self) -> FakeLLM:
        threading.Thread(target=self._server.serve_forever, name="fake-llm", daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()


class _Handler(BaseHTTPRequestHandler):
    """Answers /v1/chat/completions as `llm.mode` says; `llm` is set on a subclass per FakeLLM."""

    llm: FakeLLM

    def log_message(self, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        llm = self.llm
        raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            body = {}
        auth = self.headers.get("Authorization")
        llm.requests.append(LLMRequest(self.path, body, auth))
        llm._count("received")
        try:
            if llm.mode.startswith("leak-") or llm.mode == "500":
                self._fail(llm.mode, f"bad key {auth} for {self.path}".encode())
                return
            if llm.mode == "held":
                llm.release.wait(llm.hold)
            if body.get("stream"):
                self._stream(llm.mode, llm.reply)
            else:
                whole = {"choices": [{"message": {"role": "assistant", "content": llm.reply}, "finish_reason": "stop"}]}
                self._send(200, b"{not json" if llm.mode == "malformed" else json.dumps(whole).encode())
        finally:
            llm._count("answered")

    def _send(self, status: int, payload: bytes, kind: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _fail(self, mode: str, echo: bytes) -> None:
        if mode == "500":
            self._send(500, b"internal error", "text/plain")
        elif mode == "leak-garbage":
            self._send(200, b"{not json " + echo)
        else:
            self._send(int(mode[5:]), echo, "text/plain")

    def _stream(self, mode: str, reply: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        for i in range(0, len(reply), 4):
            if mode == "cut" and i == 8:
                return  # the connection closes mid-answer
            delta = {"choices": [{"delta": {"content": reply[i : i + 4]}, "finish_reason": None}]}
            line = "data: {bad json" if mode == "malformed" else f"data: {json.dumps(delta, ensure_ascii=False)}"
            self.wfile.write(f"{line}\n\n".encode())
            self.wfile.flush()
        self.wfile.write(b"data: [DONE]\n\n")


# ---------------------------------------------------------------- a real server in a subprocess
def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class Served:
    """A running `ragbot serve`: its URL (on 127.0.0.1, ending in /), port, process id and log file."""

    url: str
    port: int
    pid: int
    log: Path

    def output(self, chars: int = 100_000) -> str:
        """The end of what the server has printed so far."""
        try:
            return self.log.read_text(encoding="utf-8", errors="replace")[-chars:]
        except OSError:
            return ""


def wait_until_up(url: str, proc: subprocess.Popen[bytes] | None, timeout: float) -> None:
    """Return once `url` answers 200 (or 401: up, behind --auth); RuntimeError if the process dies or time runs out."""
    t0 = time.monotonic()
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                if r.status == 200:
                    return
        except urllib.error.HTTPError as e:
            if e.code == 401:
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
    index: Path,
    workdir: Path,
    *args: str,
    env: dict[str, str] | None = None,
    port: int | None = None,
    timeout: float = 240.0,
) -> Iterator[Served]:
    """`ragbot serve --port P --index INDEX ARGS…` with its corpus, data and reports under `workdir`.

    `env` adds to the environment (RAGBOT_* settings); the log is workdir/serve-PORT.log. No
    analytics, no model hub. The server is stopped (SIGTERM, then SIGKILL) on leaving.
    """
    port = port or free_port()
    exe = Path(sys.executable).with_name("ragbot")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-c", "import sys; from ragbot.cli import main; main()"]
    cmd += ["serve", "--port", str(port), "--index", str(index), *args]
    full_env = {
        **os.environ,
        "GRADIO_ANALYTICS_ENABLED": "False",
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "RAGBOT_CORPUS": str(workdir / "corpus"),
        "RAGBOT_DATA": str(workdir / "data"),
        "RAGBOT_REPORTS": str(workdir / "reports"),
        **(env or {}),
    }
    workdir.mkdir(parents=True, exist_ok=True)
    log = workdir / f"serve-{port}.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=full_env)
    served = Served(f"http://127.0.0.1:{port}/", port, proc.pid, log)
    try:
        try:
            wait_until_up(served.url, proc, timeout)
        except RuntimeError as e:
            raise RuntimeError(f"{e}; its output:\n{served.output(3000)}") from None
        yield served
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=20)
