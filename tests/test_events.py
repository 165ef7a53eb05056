"""The page's event stream (events.py) on a real server: an event joined just after the session's last one
completed still comes on the open stream, and the stream closes once the session has been idle."""

from __future__ import annotations

import http.client
import json
import time
import urllib.request
import uuid
from collections.abc import Iterator

from ragbot.events import LINGER
from ragbot.testing import Served


def _join(port: int, fn_index: int, session: str, data: list[object]) -> str:
    body = {"data": data, "fn_index": fn_index, "session_hash": session, "event_data": None, "trigger_id": None}
    req = urllib.request.Request(
        f"http://127.0.0.1:{port}/gradio_api/queue/join",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=30) as r:
        return str(json.load(r)["event_id"])


def _messages(port: int, session: str) -> Iterator[dict[str, object]]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", f"/gradio_api/queue/data?session_hash={session}", headers={"Accept": "text/event-stream"})
    response = conn.getresponse()
    assert response.status == 200
    try:
        for raw in response:
            text = raw.decode("utf-8").strip()
            if text.startswith("data:"):
                yield json.loads(text[5:])
    finally:
        conn.close()


def test_an_event_joined_as_the_last_one_completes_comes_on_the_open_stream(shared_server: Served) -> None:
    """Gradio closed the stream the moment the session's last event completed: a click whose join the
    browser saw answered before it read that close got no stream, and its result never came (the Word
    export and phrase search clicks pending in CI). Here the second event joins only after the first one's
    completion was read: it must come on the same stream, which closes once nothing is pending for LINGER."""
    with urllib.request.urlopen(f"{shared_server.url}config", timeout=30) as r:
        config = json.load(r)
    ask = next(d["id"] for d in config["dependencies"] if d.get("api_name") == "ask")
    session, port = uuid.uuid4().hex, shared_server.port
    first = _join(port, ask, session, ["上情下达是什么？", 5, "extractive"])
    stream = _messages(port, session)
    seen: list[tuple[object, object]] = []
    for message in stream:
        seen.append((message["msg"], message.get("event_id")))
        if message["msg"] == "process_completed" and message.get("event_id") == first:
            break
    second = _join(port, ask, session, ["怎样做好督查督办工作？", 5, "extractive"])  # as a click just then would
    for message in stream:
        seen.append((message["msg"], message.get("event_id")))
        if message["msg"] in ("close_stream", "unexpected_error") or message.get("event_id") == second:
            break
    assert seen[-1][1] == second, seen  # before: [..., ('process_completed', first), ('close_stream', None)]
    for message in stream:
        seen.append((message["msg"], message.get("event_id")))
        if message["msg"] == "process_completed":
            done = time.monotonic()
            assert message["success"] is True
            break
    closing = next(stream)  # nothing more is pending: the stream closes after LINGER seconds
    assert closing["msg"] == "close_stream", seen
    assert LINGER - 0.5 <= time.monotonic() - done <= LINGER + 5
