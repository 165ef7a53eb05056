"""`ragbot serve`: one web server on one port, with the guard in front of everything.

A FastAPI app whose outermost layer is `guard.Guard` (host, origin, login, throttling, cookie,
upload size), then Starlette's CORSMiddleware granting cross-origin access to the operator's
`allowed_origins` only (its presence also switches off Gradio's own CORS layer, which would echo
any origin with credentials), then the Gradio app (ui.py) mounted at `/`, its event stream served by
events.py (it stays open a few seconds after the last event, so a click made then is delivered). Gradio's temporary
files live in `<data>/tmp/` (not a shared /tmp), which is emptied at start; uploads are bounded
by `max_file_mb` while they stream. uvicorn serves it on a socket bound here, so a busy port is a
one-line error. What it does not do: render pages (ui.py) or decide what a request may do (guard.py).
"""

from __future__ import annotations

import ipaddress
import os
import shutil
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import Config
from .errors import ConfigError

if TYPE_CHECKING:
    from fastapi import FastAPI

    from .pipeline import Ragbot

TEMP_CHECK_SECONDS = 600  # Gradio drops temporary files it made (uploads never added) this often…
TEMP_MAX_AGE = 3600  # …once they are this old


def temp_folder(config: Config) -> Path:
    """Where Gradio keeps uploads until the app stores or refuses them: `<data>/tmp`."""
    return (Path(config.data) / "tmp").resolve()


def sweep(folder: Path) -> int:
    """Empty `folder` (stale uploads of an earlier run); the number of entries removed."""
    removed = 0
    if folder.is_dir():
        for entry in folder.iterdir():
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
            removed += 1
    folder.mkdir(parents=True, exist_ok=True)
    return removed


def is_loopback(host: str) -> bool:
    """Whether binding `host` serves this machine only.

    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("0.0.0.0"), is_loopback("::1")
    (True, True, False, True)
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to host:port, or a one-line ConfigError saying to pick another port."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as e:
        sock.close()
        raise ConfigError(f"cannot listen on {host}:{port} ({e.strerror}); pass another --port") from None
    sock.set_inheritable(True)
    return sock


def make_app(config: Config, host: str, auth: tuple[str, str] | None = None, bot: Ragbot | None = None) -> FastAPI:
    """The whole ASGI app: guard, CORS for `allowed_origins`, and the Gradio app at `/`."""
    temp = temp_folder(config)
    os.environ["GRADIO_TEMP_DIR"] = str(temp)  # read when Gradio's app is made, below
    sweep(temp)
    import gradio as gr
    from fastapi import FastAPI
    from starlette.middleware import Middleware
    from starlette.middleware.cors import CORSMiddleware
    from starlette.routing import Mount

    from . import api, events, layout, openai_api, render, ui
    from .guard import UPLOAD_BATCH_FILES, Guard

    app = ui.App(config, bot, temp=temp)  # `bot`: a session whose index the caller already loaded
    app.bot.index  # noqa: B018 - load the index and model before the first visitor
    app.bot.embedder  # noqa: B018
    app.answerer("extractive").ask(ui.EXAMPLES[0])  # warm-up: tokenizer, vector matrix, sentence scoring
    demo = layout.build(app)
    demo.delete_cache = (TEMP_CHECK_SECONDS, TEMP_MAX_AGE)
    # every event may run `concurrency` at once, in a thread pool big enough for all of them, so one
    # slow LLM answer (bounded by llm_timeout) never holds up the extractive answers of other users
    demo.queue(default_concurrency_limit=config.concurrency, max_size=config.queue_size)
    demo.max_threads = max(40, 2 * config.concurrency)
    demo._queue.max_thread_count = demo.max_threads

    mounted: list[Any] = []
    guard = Middleware(
        Guard,
        auth_app=lambda: mounted[0] if mounted else None,
        allowed_origins=config.allowed_origins,
        loopback_only=is_loopback(host),
        cookie_samesite=config.cookie_samesite,
        upload_cap=UPLOAD_BATCH_FILES * config.max_file_bytes + 1_000_000,
        api_token=os.environ.get("RAGBOT_API_TOKEN") or None,
    )
    cors = Middleware(
        CORSMiddleware,
        allow_origins=list(config.allowed_origins),
        allow_credentials=True,
        allow_methods=["*"],
        allow_headers=["*"],
    )
    server = FastAPI(docs_url=None, redoc_url=None, openapi_url=None, middleware=[guard, cors])
    api.install(server, app, [(openai_api.router(app), openai_api.invalid)])  # before Gradio takes every other path
    events.install(server, demo)  # the page's event stream, in place of Gradio's (see events.py)
    theme = gr.themes.Soft(font=render.SYSTEM_FONTS, font_mono=["ui-monospace", "monospace"])
    gr.mount_gradio_app(
        server,
        demo,
        path="/",
        auth=auth,
        max_file_size=config.max_file_bytes,
        theme=theme,
        css=render.CSS,
        js=render.COPY_JS,
        show_error=False,
        footer_links=[],
        ssr_mode=False,
    )
    mounted += [r.app for r in server.routes if isinstance(r, Mount) and r.path in ("", "/")]  # Gradio's, at /
    if len(mounted) != 1:  # the guard asks this app whether --auth is on: it must be Gradio's and no other
        raise RuntimeError(f"expected one Gradio app mounted at /, found {len(mounted)}")
    return server


def launch(
    config: Config,
    host: str = "127.0.0.1",
    port: int = 7860,
    auth: tuple[str, str] | None = None,
    bot: Ragbot | None = None,
) -> None:
    """Serve until interrupted (Ctrl-C or SIGTERM)."""
    import uvicorn

    sock = listen(host, port)
    try:
        server = make_app(config, host, auth, bot)
        uv = uvicorn.Server(
            uvicorn.Config(
                server,
                log_level="warning",
                timeout_graceful_shutdown=3,
                proxy_headers=True,
                forwarded_allow_ips=os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
            )
        )
        print(f"ragbot: serving on http://{host}:{port}", file=sys.stderr, flush=True)
        uv.run(sockets=[sock])
    finally:
        sock.close()
