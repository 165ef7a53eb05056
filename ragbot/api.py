"""The HTTP API: JSON routes under /api/ for portals and scripts, on the app's own server and port.

    POST /api/ask           {question, history, files, k, generator, stream} -> schema.answer;
                            with "stream": true, server-sent events: `delta` {"text"} as the answer
                            grows, then `answer` (the checked answer, which replaces the deltas)
    GET|POST /api/search    {query, k, mode, files} -> schema.search
    GET|POST /api/phrases   {query, k} -> schema.phrases
    GET /api/speeches       -> {"speeches": [schema.speech_entry…]}; GET /api/speech?file=&speech=
                            -> schema.speech (the cleaned text and its chunks)
    POST /api/feedback      {answer (as /api/ask returned it), rating, comment} -> {"ok": true}
    GET /api/health         -> {"status", "version", "index", "model", "store", "generator"}
    GET /api/docs           Swagger UI, its assets served from here (fastapi-offline's copy; no CDN);
                            the schema at /api/openapi.json

Replies are schema.py's shapes, the same as `ragbot … --json`. Errors are JSON, never a stack trace:
{"detail": the Chinese line in the asker's script (errors.say), "error": the CLI's English line},
422 for bad input, 503 when the index or model cannot be used. Who may call is guard.py's business
(--auth, the bearer token RAGBOT_API_TOKEN, origins). The chat-completions routes are openai_api.py.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import chain
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, Field

from . import __version__, schema
from .config import Mode
from .errors import IndexInvalid, RagbotError, StoreError, say
from .guard import prefers_traditional
from .retrieve import check_k
from .script import detect_script
from .store import Filters
from .types import Answer, Script

if TYPE_CHECKING:
    from .ui import App

log = logging.getLogger(__name__)
HISTORY_TURNS = 10  # earlier turns an /api/ask request may carry; older ones are dropped
EXAMPLE = "办公室主任的主要职责是什么？"


class Turn(BaseModel):
    question: str = Field(description="an earlier question")
    answer: str = Field("", description="the answer it got")


class AskBody(BaseModel):
    question: str = Field(description="the question, in Simplified or Traditional Chinese", examples=[EXAMPLE])
    history: list[Turn] = Field(default_factory=list, description="earlier turns, oldest first (follow-ups)")
    files: list[str] = Field(default_factory=list, description="only these files (names as /api/speeches lists)")
    k: int | None = Field(None, description="excerpts to retrieve, 1–20 (default: the server's top_k)")
    generator: str | None = Field(None, description="extractive, openai, llama-cpp or transformers")
    stream: bool = Field(False, description="server-sent events: `delta` pieces, then the checked `answer`")


class SearchBody(BaseModel):
    query: str = Field(description="what to look for", examples=["督查督办"])
    k: int | None = Field(None, description="passages to return, 1–20")
    mode: Mode | None = Field(None, description="hybrid (default), dense or bm25")
    files: list[str] = Field(default_factory=list, description="only these files")


class PhrasesBody(BaseModel):
    query: str = Field(description="a phrase or formulation", examples=["千条线一根针"])
    k: int = Field(10, description="similar sentences to return, 1–20")


class FeedbackBody(BaseModel):
    answer: dict[str, Any] = Field(description="the answer exactly as /api/ask returned it")
    rating: Literal["up", "down", "comment"]
    comment: str = Field("", description="what was wrong or good (for a comment)")


def script_of(text: str, request: Request | None = None) -> Script:
    """The asker's script: of their text when it has Chinese, else from Accept-Language (zh-TW, zh-HK, Hant)."""
    if any("\u3400" <= ch <= "\u9fff" for ch in text):
        return detect_script(text)
    asked = request.headers.get("accept-language", "") if request is not None else ""
    return "traditional" if prefers_traditional(asked) else "simplified"


def status_of(e: RagbotError) -> int:
    return 503 if isinstance(e, (IndexInvalid, StoreError)) else 422


def error_body(e: RagbotError, script: Script) -> dict[str, str]:
    return {"detail": say(e, script), "error": str(e)}


def failure(e: RagbotError, script: Script) -> JSONResponse:
    return JSONResponse(error_body(e, script), status_code=status_of(e))


def answered(call: Callable[[], Any], script: Script) -> Any:
    """`call()`'s reply, or the error as JSON: a RagbotError with its status, anything else a 500
    whose traceback goes to the server's log only."""
    try:
        return call()
    except RagbotError as e:
        return failure(e, script)
    except Exception:
        log.exception("ragbot: an API request failed")
        internal = RagbotError("internal error; see the server log", zh="服务器内部错误，请告知管理员")
        return JSONResponse(error_body(internal, script), status_code=500)


def check_files(app: App, files: Sequence[str]) -> Filters:
    """A filter to `files` (names as /api/speeches lists them, or their last part), or a one-line error
    naming one that is in no speech (a typo would otherwise look like a question the corpus cannot answer)."""
    known = {s.file for s in app.bot.index.speeches.values()}
    for f in files:
        if not any(k == f or k.endswith("/" + f) for k in known):
            raise RagbotError(
                f"no file {f!r} in the index; GET /api/speeches lists them",
                zh="没有文件 {0}，可用 /api/speeches 查看全部",
                names=(f,),
            )
    return Filters(files=tuple(files))


def previous_answer(app: App, history: list[tuple[str, str]], k: int | None, filters: Filters) -> Answer | None:
    """The answer the last turn had, recomputed extractively (the client sends text, not Answers), so
    a follow-up goes deeper than it instead of repeating it."""
    if not history:
        return None
    return app.answerer("extractive").ask(history[-1][0], history[:-1], filters, k)


def sse(event: str, data: Any) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def router(app: App) -> APIRouter:
    """The /api routes over the app's session (its index, answerers and feedback log)."""
    api = APIRouter(prefix="/api", tags=["ragbot"])
    _ask(api, app)
    _lookups(api, app)
    _speeches(api, app)
    _service(api, app)
    return api


def _ask(api: APIRouter, app: App) -> None:
    @api.post("/ask", summary="Ask a question: the answer with numbered, checked citations")
    def ask(body: AskBody, request: Request) -> Any:
        script = script_of(body.question, request)

        def run() -> Any:
            k = check_k(body.k) if body.k is not None else None
            answerer = app.answerer(body.generator or app.config.generator)
            history = [(t.question, t.answer) for t in body.history[-HISTORY_TURNS:]]
            filters = check_files(app, body.files)
            previous = previous_answer(app, history, k, filters)
            pieces = answerer.stream(body.question, history, filters, k, previous)
            first = next(pieces)  # a bad question fails here, before any event is sent
            if not body.stream:
                *_, last = first, *pieces
                assert isinstance(last, Answer)
                return schema.answer(last)
            return StreamingResponse(events(chain((first,), pieces)), media_type="text/event-stream")

        def events(pieces: Iterator[str | Answer]) -> Iterator[str]:
            try:
                for piece in pieces:
                    if isinstance(piece, Answer):
                        yield sse("answer", schema.answer(piece))
                    else:
                        yield sse("delta", {"text": piece})
            except RagbotError as e:
                yield sse("error", error_body(e, script))

        return answered(run, script)


def _lookups(api: APIRouter, app: App) -> None:
    def _search(query: str, k: int | None, mode: Mode | None, files: list[str], request: Request) -> Any:
        def run() -> Any:
            n = check_k(k) if k is not None else None
            return schema.search(app.bot.search(query, n, mode, check_files(app, files)))

        return answered(run, script_of(query, request))

    @api.get("/search", summary="Search the speeches: ranked passages")
    def search_get(
        request: Request,
        query: Annotated[str, Query(description="what to look for", examples=["督查督办"])],
        k: Annotated[int | None, Query(description="passages to return, 1–20")] = None,
        mode: Annotated[Mode | None, Query(description="hybrid (default), dense or bm25")] = None,
        files: Annotated[list[str] | None, Query(description="only these files")] = None,
    ) -> Any:
        return _search(query, k, mode, files or [], request)

    @api.post("/search", summary="Search the speeches (JSON body)")
    def search_post(body: SearchBody, request: Request) -> Any:
        return _search(body.query, body.k, body.mode, body.files, request)

    def _phrases(query: str, k: int, request: Request) -> Any:
        return answered(lambda: schema.phrases(app.bot.phrases(query, check_k(k))), script_of(query, request))

    @api.get("/phrases", summary="Precedent wording: where a phrase was used, and similar sentences")
    def phrases_get(
        request: Request,
        query: Annotated[str, Query(description="a phrase or formulation", examples=["千条线一根针"])],
        k: Annotated[int, Query(description="similar sentences to return, 1–20")] = 10,
    ) -> Any:
        return _phrases(query, k, request)

    @api.post("/phrases", summary="Precedent wording (JSON body)")
    def phrases_post(body: PhrasesBody, request: Request) -> Any:
        return _phrases(body.query, body.k, request)


def _speeches(api: APIRouter, app: App) -> None:
    @api.get("/speeches", summary="The speeches in the index")
    def speeches(request: Request) -> Any:
        def run() -> Any:
            index, per = app.bot.index, app.chunk_counts()
            ordered = sorted(index.speeches.values(), key=lambda s: (s.file, s.speech))
            return {"speeches": [schema.speech_entry(s, per.get((s.file, s.speech), 0)) for s in ordered]}

        return answered(run, script_of("", request))

    @api.get("/speech", summary="One speech: its cleaned text, what cleaning removed, its chunks")
    def speech(request: Request, file: str, speech: Annotated[int, Query(ge=1)] = 1) -> Any:
        script = script_of("", request)

        def run() -> Any:
            index = app.bot.index
            found = index.speeches.get((file, speech))
            if found is None:
                raise RagbotError(
                    f"no speech {speech} in file {file!r}; GET /api/speeches lists them",
                    zh=f"没有找到文件 {{0}} 的第 {speech} 篇讲话，可用 /api/speeches 查看全部",
                    names=(file,),
                )
            return schema.speech(found, [c for c in index.chunks if (c.file, c.speech) == (file, speech)])

        return answered(run, script)


def _service(api: APIRouter, app: App) -> None:
    @api.post("/feedback", summary="Rate an answer (up, down) or comment on it")
    def feedback(body: FeedbackBody, request: Request) -> Any:
        script = script_of(str(body.answer.get("question", "")), request)
        if body.rating == "comment" and not body.comment.strip():
            return failure(RagbotError("a comment needs its text", zh="请在 comment 中写下意见内容"), script)
        try:
            record = schema.feedback_record(body.answer, body.rating, body.comment, app.settings())
        except ValueError as e:
            bad = RagbotError(str(e), zh="answer 应是 /api/ask 返回的回答原样")
            return failure(bad, script)
        failed = app.keep(record)
        if failed:
            return JSONResponse({"detail": failed, "error": "could not write the feedback log"}, status_code=503)
        return {"ok": True}

    @api.get("/health", summary="Whether the index and model are ready, and which ones")
    def health(request: Request) -> Any:
        try:
            index = app.bot.index
            index.store.count()  # a store elsewhere (Milvus) may have gone down since the index loaded
        except RagbotError as e:
            return JSONResponse({"status": "unavailable", **error_body(e, script_of("", request))}, status_code=503)
        m = index.manifest
        return {
            "status": "ok",
            "version": __version__,
            "index": {
                "folder": str(index.folder),
                "speeches": m.speeches,
                "chunks": m.chunks,
                "units": m.units,
                "files": len(m.files),
                "built_at": m.built_at,
                "kind": m.kind,
            },
            "model": {"embedder": m.embedder, "dim": m.dim},
            "store": {"backend": index.store.spec.backend, "where": index.store.spec.shown},
            "generator": app.config.generator,
        }


Invalid = Callable[[str, int], JSONResponse]  # a router's own error reply for a malformed request


def install(server: FastAPI, app: App, more: Sequence[tuple[APIRouter, Invalid]] = ()) -> None:
    """Add the /api routes, their offline docs and their JSON errors to `server` (serve.make_app);
    `more` adds other routers to the server and the docs, each with its own reply to a bad request."""
    from importlib.resources import files

    from fastapi.openapi.docs import get_swagger_ui_html
    from fastapi.openapi.utils import get_openapi
    from fastapi.staticfiles import StaticFiles

    routers = [router(app), *(r for r, _ in more)]
    for r in routers:
        server.include_router(r)
    assets = files("fastapi_offline") / "static"
    server.mount("/api/docs/assets", StaticFiles(directory=str(assets)), name="api-docs-assets")
    spec: list[dict[str, Any]] = []

    @server.get("/api/openapi.json", include_in_schema=False)
    def openapi() -> dict[str, Any]:
        if not spec:
            routes = [route for r in routers for route in r.routes]
            made = get_openapi(title="ragbot API", version=__version__, description=DOCS, routes=routes)
            made.setdefault("components", {})["securitySchemes"] = {"token": {"type": "http", "scheme": "bearer"}}
            made["security"] = [{"token": []}]  # Swagger UI's Authorize button sends the token with every try
            spec.append(made)
        return spec[0]

    @server.get("/api/docs", include_in_schema=False)
    def docs() -> Any:
        return get_swagger_ui_html(
            openapi_url="/api/openapi.json",
            title="ragbot API",
            swagger_js_url="/api/docs/assets/swagger-ui-bundle.js",
            swagger_css_url="/api/docs/assets/swagger-ui.css",
            swagger_favicon_url="/api/docs/assets/favicon.png",
            swagger_ui_parameters={"validatorUrl": None},  # no badge fetched from validator.swagger.io
        )

    @server.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        zh, en = explain(exc.errors()[0] if exc.errors() else {})
        for other, reply in more:
            if request.url.path.startswith(other.prefix + "/"):
                return reply(f"请求内容不符合要求：{zh}", 422)
        return JSONResponse(
            {"detail": f"请求内容不符合要求：{zh}；请对照 /api/docs 修改", "error": en}, status_code=422
        )

    @server.api_route("/api/{rest:path}", methods=["GET", "POST"], include_in_schema=False)
    def unknown(rest: str) -> JSONResponse:  # not Gradio's English "Not Found"
        path = f"/api/{rest}"
        routes = [route for r in routers for route in r.routes if getattr(route, "path", "") == path]
        takes = sorted({m for route in routes for m in getattr(route, "methods", ())})
        if takes:
            zh, en, status = f"接口 {path} 只接受 {'、'.join(takes)} 请求", f"{path} takes {', '.join(takes)}", 405
        else:
            zh, en, status = f"没有 {path} 这个接口，可用的接口见 /api/docs", f"no route {path}", 404
        return JSONResponse({"detail": zh, "error": en}, status_code=status)


def explain(error: Mapping[str, Any]) -> tuple[str, str]:
    """(Chinese, English) of the first thing wrong with a request, naming the field: 字段 k：应为整数."""
    loc = [str(p) for p in error.get("loc", ())]
    if loc and loc[0] in ("body", "query", "path"):
        loc = loc[1:]
    kind, en = str(error.get("type", "")), str(error.get("msg", "invalid"))
    if kind == "json_invalid":
        return "请求体不是有效的 JSON", f"the body is not valid JSON ({en})"
    if not loc or kind == "model_attributes_type":
        return "请求体应为 JSON 对象（Content-Type: application/json）", f"the body must be a JSON object ({en})"
    why = _WHY.get(kind, en)
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(error.get("ctx", {}).get("expected", "")))
        why = f"应为 {'、'.join(allowed)} 之一"
    field = ".".join(p for p in loc if not p.isdigit()) or loc[0]
    return f"字段 {field}：{why}", f"{field}: {en}"


_WHY = {  # pydantic's error types, in Chinese (others keep pydantic's English)
    "missing": "缺少此项",
    "json_invalid": "不是有效的 JSON",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "string_type": "应为字符串",
    "bool_parsing": "应为 true 或 false",
    "list_type": "应为列表",
    "dict_type": "应为对象",
    "model_attributes_type": "应为对象",
    "greater_than_equal": "数值太小",
}

DOCS = (
    "ragbot's answers, search and precedent wording over the indexed speeches, as JSON. The same "
    "shapes as `ragbot ask --json`, `ragbot search --json` and `ragbot phrases --json`. Errors: "
    '{"detail": Chinese message, "error": English message}. With --auth, log in first or send '
    "`Authorization: Bearer <RAGBOT_API_TOKEN>`. Chat front-ends: the OpenAI-compatible /v1 routes."
)
