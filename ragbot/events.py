"""The page's event stream (`GET /gradio_api/queue/data`), served in place of Gradio's own so that a click
made just as another event finishes is never lost.

A Gradio page submits each event with `POST /queue/join` and reads the results of all its events from one
server-sent-events stream per session. Gradio closes that stream (`close_stream`) the moment the session's
last pending event completes, and the browser opens a new one at its next join, but only when its join
answer comes back after it has read the `close_stream`. The two travel on different connections, so
under load the order flips: a stream opened for one event (a page-load cascade, the chat's display
switch) drains its completion and closes at once, while a click's join, handled by the server just
after that, is answered before the browser has read the close. The browser then believes the stream
open, opens none, and the click's result waits in the session's queue until some later event opens a
stream (in CI: a Word export or a first phrase search pending 30-60 s until clicked again).

This stream does what Gradio's does (every message of the session's events, a heartbeat, the session's
events dropped when the page goes away) but closes only after the session has had no pending event
for `LINGER` seconds: a join that comes meanwhile is delivered on it, and when it does close, the
browser read the close long before any later join answer. What it does not do: queue or run events
(Gradio does), or check the login (guard.py does, for every route but the login page's).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.responses import StreamingResponse

if TYPE_CHECKING:
    import gradio as gr

PATH = "/gradio_api/queue/data"  # Gradio's own route, which this one takes over (it is matched first)
LINGER = 5.0  # seconds the stream stays open with nothing pending before it closes
WAIT = 10.0  # longest wait for a message before looking again whether the page went away (as Gradio does)
NEEDED = ("pending_messages_per_session", "pending_event_ids_session", "clean_events", "stopped")


def usable(demo: gr.Blocks) -> bool:
    """Whether this Gradio's queue has the parts the stream reads (else Gradio's own stream stays)."""
    queue = getattr(demo, "_queue", None)
    return queue is not None and all(hasattr(queue, name) for name in NEEDED)


def install(server: FastAPI, demo: gr.Blocks) -> bool:
    """Serve the event stream of `demo` (mounted at `/`) on `server`, ahead of Gradio's; False when this
    Gradio's queue differs from what the stream expects, and Gradio's own route is left in place."""
    if not usable(demo):
        return False

    async def queue_data(request: Request, session_hash: str) -> StreamingResponse:
        return StreamingResponse(stream(demo, request, session_hash), media_type="text/event-stream")

    server.add_api_route(PATH, queue_data, methods=["GET"], include_in_schema=False)
    return True


def line(message: Any) -> str:
    """One server-sent event, as Gradio writes it."""
    import orjson

    return f"data: {orjson.dumps(message.model_dump(), default=str).decode('utf-8')}\n\n"


class Linger:
    """How long a stream waits for its next message, and when it closes: after `seconds` with nothing pending.

    >>> idle = Linger(5.0)
    >>> idle.wait(True, now=0.0), idle.wait(False, now=1.0), idle.wait(False, now=4.0), idle.wait(False, now=6.0)
    (10.0, 5.0, 2.0, None)
    >>> idle.wait(True, now=7.0), idle.wait(False, now=8.0)
    (10.0, 5.0)
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.since: float | None = None  # since when nothing is pending, while nothing is

    def wait(self, pending: bool, now: float) -> float | None:
        """Seconds to wait for a message (at most WAIT, to look again whether the page went away); None: close now."""
        if pending:
            self.since = None
            return WAIT
        if self.since is None:
            self.since = now
        left = self.since + self.seconds - now
        return min(WAIT, left) if left > 0 else None


async def _heartbeat(demo: gr.Blocks, queue: Any, session_hash: str) -> None:
    """A heartbeat message every Gradio heartbeat interval (proxies keep a quiet stream open)."""
    from gradio.server_messages import HeartbeatMessage
    from gradio.utils import get_heartbeat_rate

    rate = get_heartbeat_rate()
    while demo.is_running:
        await asyncio.sleep(rate)
        messages = queue.pending_messages_per_session.get(session_hash)
        if messages:
            await messages.put(HeartbeatMessage())


async def _next(queue: Any, session_hash: str, wait: float) -> Any | None:
    """The session's next message, or None after `wait` seconds."""
    try:
        return await asyncio.wait_for(queue.pending_messages_per_session[session_hash].get(), wait)
    except (TimeoutError, asyncio.TimeoutError):
        return None


async def stream(demo: gr.Blocks, request: Request, session_hash: str, linger: float = LINGER) -> AsyncIterator[str]:
    """The session's messages until it has had no pending event for `linger` seconds (then `close_stream`)."""
    from fastapi import HTTPException
    from gradio.server_messages import CloseStreamMessage, ProcessCompletedMessage, UnexpectedErrorMessage

    queue: Any = demo._queue
    beating = asyncio.create_task(_heartbeat(demo, queue, session_hash))
    idle = Linger(linger)
    try:
        while True:
            if await request.is_disconnected():
                await queue.clean_events(session_hash=session_hash)
                return
            if session_hash not in queue.pending_messages_per_session:
                raise HTTPException(status_code=404)
            wait = idle.wait(bool(queue.pending_event_ids_session.get(session_hash)), time.monotonic())
            if wait is None:
                yield line(CloseStreamMessage())
                return
            message = await _next(queue, session_hash, wait)
            if queue.stopped:  # the server is stopping: say so once and end (Gradio repeats it until the page leaves)
                yield line(UnexpectedErrorMessage(message="Server stopped unexpectedly.", success=False))
                return
            if message is None:
                continue
            yield line(message)
            if isinstance(message, ProcessCompletedMessage) and message.event_id:
                queue.pending_event_ids_session.get(session_hash, set()).discard(message.event_id)
    except HTTPException as e:  # the session is unknown (the server restarted): the page says so
        yield line(UnexpectedErrorMessage(message=str(e), session_not_found=True))
    except asyncio.CancelledError:  # as Gradio does: forget the session's messages and events
        queue.pending_messages_per_session.pop(session_hash, None)
        await queue.clean_events(session_hash=session_hash)
        raise
    finally:
        beating.cancel()
