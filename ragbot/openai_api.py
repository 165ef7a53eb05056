"""The OpenAI-compatible routes, for chat front-ends (Open WebUI, Chatbox, LobeChat, Dify …).

    GET  /v1/models             one model per generator: `ragbot` (the server's default generator)
                                and `ragbot-<generator>` (ragbot-extractive, ragbot-openai …)
    POST /v1/chat/completions   the last user message is the question, earlier user/assistant turns
                                are the history; streamed (server-sent chunks, then [DONE]) or not

The reply's content is the answer with its [n] markers, then the numbered sources (title, file,
section, the excerpt as the file has it); a refusal lists the closest passages for reference. The
structured answer (schema.answer: citations with offsets, hits, timings) travels in the extra field
`ragbot` of the completion (of the last chunk when streamed), for clients that know it. A streamed
reply is sent once the answer is checked (cite.py renumbers markers, so pieces streamed earlier
could point at the wrong source). Errors use OpenAI's shape {"error": {"message", "type", "code"}},
the message in Chinese. Who may call is guard.py's business (a bearer token works as the API key).
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from . import schema
from .api import previous_answer, script_of, status_of
from .cite import claim
from .config import Config
from .errors import RagbotError, say
from .generate import available
from .render import CLOSEST, CLOSEST_LABEL
from .script import to_script
from .store import Filters
from .types import Answer, Script

if TYPE_CHECKING:
    from .ui import App

MODEL = "ragbot"
SOURCES = "来源"  # the heading of the sources block, in the asker's script
SCRIPTS: tuple[Script, ...] = ("simplified", "traditional")


class Message(BaseModel):
    model_config = ConfigDict(extra="ignore")
    role: str
    content: str | list[dict[str, Any]] | None = ""

    def text(self) -> str:
        """The message's text (a list of parts: its text parts joined)."""
        if isinstance(self.content, list):
            return "".join(str(p.get("text", "")) for p in self.content if p.get("type") == "text")
        return self.content or ""


class ChatBody(BaseModel):
    model_config = ConfigDict(extra="ignore")  # temperature, max_tokens … do not apply to extracts
    model: str = Field(MODEL, examples=[MODEL])
    messages: list[Message]
    stream: bool = False


def models(config: Config) -> list[str]:
    """`ragbot` and one `ragbot-<generator>` per generator this server can run (generate.available)."""
    return [MODEL, *(f"{MODEL}-{g}" for g in available(config))]


def generator_of(model: str, config: Config) -> str | None:
    """The generator a model name picks (None: no such model here)."""
    if model == MODEL:
        return config.generator
    name = model.removeprefix(f"{MODEL}-")
    return name if model.startswith(f"{MODEL}-") and name in available(config) else None


def error(message: str, status: int, kind: str, code: str | None = None) -> JSONResponse:
    return JSONResponse({"error": {"message": message, "type": kind, "code": code}}, status_code=status)


def invalid(message: str, status: int) -> JSONResponse:
    """The reply to a malformed request (api.install's validation handler calls it for /v1)."""
    return error(message, status, "invalid_request_error")


def conversation(messages: list[Message]) -> tuple[str | None, list[tuple[str, str]]]:
    """(question, history): the last user message (None: there is none), and the user/assistant pairs
    before it (each assistant turn without its sources block, so only the answer feeds the follow-up)."""
    turns = [(m.role, m.text()) for m in messages if m.role in ("user", "assistant")]
    last = max((i for i, (role, _) in enumerate(turns) if role == "user"), default=-1)
    if last < 0:
        return None, []
    history: list[tuple[str, str]] = []
    for role, text in turns[:last]:
        if role == "user":
            history.append((text, ""))
        elif history:
            history[-1] = (history[-1][0], answer_part(text))
    return turns[last][1], history


def answer_part(content: str) -> str:
    """An earlier reply's answer, without the sources or closest passages this module appended."""
    for label in (f"{SOURCES}：", CLOSEST_LABEL):
        for script in SCRIPTS:
            cut = content.find(f"\n\n{to_script(label, script)}")
            if cut >= 0:
                content = content[:cut]
    return content.strip()


SNIPPET = 120  # characters of an excerpt a chat reply shows (the whole excerpt travels in `ragbot`)


def snippet(text: str, quoted: Sequence[str]) -> str:
    """The part of an excerpt a chat reader needs: around the first sentence the answer quotes from it
    (else its opening), at most SNIPPET characters, cut with … where it was cut."""
    flat = " ".join(text.split())
    at = next((flat.find(q[:12]) for q in quoted if q[:12] and flat.find(q[:12]) >= 0), 0)
    start = max(0, at - 20)
    part = flat[start : start + SNIPPET]
    return ("…" if start else "") + part + ("…" if start + SNIPPET < len(flat) else "")


def content(a: Answer) -> str:
    """The reply a chat front-end shows: the answer, then its numbered sources (or closest passages),
    each a source line and the cited part of its excerpt."""
    lines = [a.text.strip(), ""]
    if a.refused:
        if not a.hits:
            return a.text.strip()
        lines.append(to_script(CLOSEST_LABEL, a.script))
        shown: list[tuple[int, str, str, tuple[str, ...], str, tuple[str, ...]]] = [
            (i, h.title, h.file, h.headings, h.text, ()) for i, h in enumerate(a.hits[:CLOSEST], start=1)
        ]
    else:
        lines.append(to_script(SOURCES, a.script) + "：")
        shown = [
            (c.n, c.title, c.file, c.headings, c.text, tuple(claim(a.sentences[i].text) for i in c.sentences))
            for c in a.citations
        ]
    for n, title, file, headings, text, quoted in shown:
        where = " · ".join(x for x in (title, file, " › ".join(headings[-1:])) if x)
        lines += [f"[{n}] {where}", f"> {snippet(text, quoted)}", ""]
    return "\n".join(lines).rstrip() + "\n"


def router(app: App) -> APIRouter:
    """The /v1 routes over the app's session."""
    v1 = APIRouter(prefix="/v1", tags=["OpenAI-compatible"])

    @v1.get("/models", summary="The models a chat front-end may pick: one per answer generator")
    def list_models() -> Any:
        data = [{"id": m, "object": "model", "created": 0, "owned_by": "ragbot"} for m in models(app.config)]
        return {"object": "list", "data": data}

    @v1.post("/chat/completions", summary="Chat completions: the answer with its numbered sources")
    def chat(body: ChatBody) -> Any:
        question, history = conversation(body.messages)
        generator = generator_of(body.model, app.config)
        if generator is None:
            listed = "、".join(models(app.config))
            return error(
                f"没有名为“{body.model}”的模型，可选：{listed}", 404, "invalid_request_error", "model_not_found"
            )
        if question is None:
            return error("没有收到提问：messages 里需要有一条用户（role 为 user）的消息", 400, "invalid_request_error")
        try:
            previous = previous_answer(app, history, None, Filters())
            a = app.answerer(generator).ask(question, history, previous=previous)
        except RagbotError as e:
            return error(say(e, script_of(question)), status_of(e), "invalid_request_error")
        reply = content(a)
        made = int(time.time())
        cid = f"chatcmpl-{uuid.uuid4().hex[:24]}"
        if not body.stream:
            return {
                "id": cid,
                "object": "chat.completion",
                "created": made,
                "model": body.model,
                "choices": [{"index": 0, "message": {"role": "assistant", "content": reply}, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
                "ragbot": schema.answer(a),
            }

        def chunk(delta: dict[str, str], finish: str | None = None, **extra: Any) -> str:
            data = {
                "id": cid,
                "object": "chat.completion.chunk",
                "created": made,
                "model": body.model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
                **extra,
            }
            return f"data: {json.dumps(data, ensure_ascii=False)}\n\n"

        def chunks() -> Iterator[str]:
            yield chunk({"role": "assistant", "content": ""})
            for line in reply.splitlines(keepends=True):
                yield chunk({"content": line})
            yield chunk({}, "stop", ragbot=schema.answer(a))
            yield "data: [DONE]\n\n"

        return StreamingResponse(chunks(), media_type="text/event-stream")

    return v1
