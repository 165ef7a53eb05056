"""The HTTP API (/api) and the OpenAI-compatible routes (/v1) on a real `ragbot serve` on loopback,
through httpx and the official `openai` client: every route, streaming, follow-ups, errors in the
asker's script, the offline docs page in a real Chromium. Login and token rules: test_serve.py (the
hardened server) and the Guard tests at the end of this file."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from ragbot import schema
from ragbot.guard import Guard
from ragbot.script import detect_script, fold
from ragbot.testing import Served

from .helpers import local_page

QUESTION = "領導批示交辦的事項，辦公室應該怎麼快速辦理？"


@pytest.fixture(scope="module")
def api(shared_server: Served) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=shared_server.url.rstrip("/"), timeout=60) as client:
        yield client


def events(reply: httpx.Response) -> list[tuple[str, Any]]:
    """The server-sent events of a reply: (event, decoded data)."""
    out = []
    for block in reply.text.strip().split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.splitlines())
        out.append((fields.get("event", ""), json.loads(fields["data"])))
    return out


# ------------------------------------------------------------------ /api
def test_ask_answers_with_checked_citations_in_the_askers_script(api: httpx.Client) -> None:
    r = api.post("/api/ask", json={"question": QUESTION, "k": 5})
    assert r.status_code == 200
    out = r.json()
    assert schema.answer_problems(out) == []
    assert not out["refused"]
    assert detect_script(out["answer"]) == "traditional"
    assert out["citations"]
    assert re.search(r"\[\d\]", out["answer"])


def test_ask_streams_deltas_then_the_checked_answer(api: httpx.Client) -> None:
    listed = "辦公室主任應該具備哪些素質？"  # a list answer: a lead-in and several points
    whole = api.post("/api/ask", json={"question": listed}).json()
    r = api.post("/api/ask", json={"question": listed, "stream": True})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/event-stream")
    got = events(r)
    kinds = [k for k, _ in got]
    assert kinds[-1] == "answer"
    assert set(kinds[:-1]) == {"delta"}
    assert len(kinds) > 2  # it really came in pieces
    assert got[-1][1]["answer"] == whole["answer"]
    assert "".join(d["text"] for _, d in got[:-1]).strip()


def test_follow_up_goes_deeper_instead_of_repeating(api: httpx.Client) -> None:
    first = api.post("/api/ask", json={"question": "辦公室怎樣做好督查工作？"}).json()
    history = [{"question": first["question"], "answer": first["answer"]}]
    second = api.post("/api/ask", json={"question": "那具體應該怎麼做？", "history": history}).json()
    assert not second["refused"]
    assert second["answer"] != first["answer"]
    assert detect_script(second["answer"]) == "traditional"


def test_ask_errors_are_json_in_the_askers_script_with_the_cli_line(api: httpx.Client) -> None:
    r = api.post("/api/ask", json={"question": "？！。"})
    assert r.status_code == 422
    assert r.json() == {
        "detail": "问题是空的或只有标点：请输入一个问题或要查找的词语",
        "error": "the query is empty or only punctuation; type a question or a phrase to search for",
    }
    r = api.post("/api/ask", json={"question": "督查工作怎麼做？", "k": 1000})
    assert r.status_code == 422
    assert r.json()["detail"] == "摘錄數 k 應在 1 到 20 之間，收到的是 1000"
    r = api.post("/api/ask", json={"question": "督查", "generator": "gpt-5"})
    assert r.status_code == 422
    assert r.json()["detail"].startswith("没有名为“gpt-5”的回答方式，可选：extractive、openai")
    r = api.post("/api/ask", json={"k": 3})
    assert r.status_code == 422
    assert r.json() == {
        "detail": "请求内容不符合要求：字段 question：缺少此项；请对照 /api/docs 修改",
        "error": "question: Field required",
    }
    r = api.post("/api/ask", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422
    assert r.json()["detail"] == "请求内容不符合要求：请求体不是有效的 JSON；请对照 /api/docs 修改"
    assert "Traceback" not in r.text
    r = api.post("/api/ask", data={"question": "督查"})  # a form, not JSON
    assert (
        r.json()["detail"]
        == "请求内容不符合要求：请求体应为 JSON 对象（Content-Type: application/json）；请对照 /api/docs 修改"
    )
    r = api.post("/api/ask", json={"question": "督查工作怎么做？", "files": ["nope.txt"]})  # a typo, not "not found"
    assert r.status_code == 422
    assert r.json()["detail"] == "没有文件 nope.txt，可用 /api/speeches 查看全部"
    r = api.get("/api/ask")
    assert (r.status_code, r.json()["detail"]) == (405, "接口 /api/ask 只接受 POST 请求")
    r = api.get("/api/answer")
    assert (r.status_code, r.json()["detail"]) == (404, "没有 /api/answer 这个接口，可用的接口见 /api/docs")


def test_english_question_gets_a_chinese_reply(api: httpx.Client) -> None:
    out = api.post("/api/ask", json={"question": "What should the office director do?"}).json()
    assert out["refused"]
    assert out["answer"] == "这些讲话都是中文的，请用中文提问。"
    assert out["hits"]


def test_search_by_get_and_post_with_filters_and_modes(api: httpx.Client) -> None:
    got = api.get("/api/search", params={"query": "督查督办", "k": 3}).json()
    posted = api.post("/api/search", json={"query": "督查督办", "k": 3}).json()
    assert got == posted
    assert len(got["hits"]) == 3
    assert {"rank", "score", "file", "text"} <= set(got["hits"][0])
    file = got["hits"][0]["file"]
    only = api.get("/api/search", params={"query": "督查督办", "files": file, "mode": "bm25"}).json()
    assert only["hits"]
    assert {h["file"] for h in only["hits"]} == {file}
    r = api.get("/api/search", params={"query": "督查", "mode": "fuzzy"})
    assert r.status_code == 422
    assert r.json()["detail"] == "请求内容不符合要求：字段 mode：应为 hybrid、dense、bm25 之一；请对照 /api/docs 修改"
    r = api.get("/api/search", params={"k": 3})
    assert r.json()["detail"] == "请求内容不符合要求：字段 query：缺少此项；请对照 /api/docs 修改"


def test_phrases_by_get_and_post(api: httpx.Client) -> None:
    got = api.get("/api/phrases", params={"query": "上情下达", "k": 3}).json()
    assert got == api.post("/api/phrases", json={"query": "上情下达", "k": 3}).json()
    assert got["exact"]
    assert len(got["similar"]) == 3
    assert {fold(o["match"]) for o in got["exact"]} == {"上情下达"}


def test_speeches_list_and_one_speech(api: httpx.Client) -> None:
    listed = api.get("/api/speeches").json()["speeches"]
    assert len(listed) >= 16
    first = listed[0]
    assert set(first) == {"file", "speech", "title", "script", "chars", "chunks"}
    one = api.get("/api/speech", params={"file": first["file"], "speech": first["speech"]}).json()
    assert one["title"] == first["title"]
    assert len(one["text"]) == first["chars"]
    assert len(one["chunks"]) == first["chunks"]
    r = api.get("/api/speech", params={"file": "nope.txt", "speech": 1}, headers={"Accept-Language": "zh-TW"})
    assert r.status_code == 422
    assert r.json()["detail"] == "沒有找到文件 nope.txt 的第 1 篇講話，可用 /api/speeches 查看全部"


def test_feedback_is_stored_and_a_made_up_answer_refused(api: httpx.Client, shared_server: Served) -> None:
    answer = api.post("/api/ask", json={"question": QUESTION}).json()
    r = api.post("/api/feedback", json={"answer": answer, "rating": "down", "comment": "不够具体"})
    assert r.status_code == 200
    assert r.json() == {"ok": True}
    log = shared_server.log.parent / "data" / "feedback.jsonl"
    last = json.loads(log.read_text(encoding="utf-8").splitlines()[-1])
    assert (last["rating"], last["comment"], last["question"]) == ("down", "不够具体", QUESTION)
    assert last["citations"][0]["text"] == answer["citations"][0]["text"]
    r = api.post("/api/feedback", json={"answer": {"question": "x"}, "rating": "up"})
    assert r.status_code == 422
    assert r.json()["detail"] == "answer 应是 /api/ask 返回的回答原样"
    assert api.post("/api/feedback", json={"answer": answer, "rating": "meh"}).status_code == 422
    r = api.post("/api/feedback", json={"answer": answer, "rating": "comment", "comment": " "})
    assert (r.status_code, r.json()["detail"]) == (422, "請在 comment 中寫下意見內容")  # QUESTION is Traditional


def test_health_names_index_model_and_store(api: httpx.Client) -> None:
    out = api.get("/api/health").json()
    assert out["status"] == "ok"
    assert out["index"]["chunks"] > 100
    assert out["index"]["speeches"] >= 16
    assert out["model"] == {"embedder": "e5-small-int8", "dim": 384}
    assert out["store"] == {"backend": "faiss", "where": "index folder"}


def test_docs_and_schema_are_served_without_a_cdn(api: httpx.Client, browser: Any, shared_server: Served) -> None:
    page = api.get("/api/docs").text
    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert assets
    assert all(a.startswith("/api/docs/assets/") for a in assets), assets
    for a in assets:
        assert api.get(a).status_code == 200, a
    assert "validatorUrl: null" in page.replace('"validatorUrl": null', "validatorUrl: null")  # no outside badge
    spec = api.get("/api/openapi.json").json()
    assert spec["components"]["securitySchemes"]["token"] == {"type": "http", "scheme": "bearer"}  # Authorize
    assert {"/api/ask", "/api/search", "/api/phrases", "/api/speeches", "/api/feedback", "/api/health"} <= set(
        spec["paths"]
    )
    assert {"/v1/chat/completions", "/v1/models"} <= set(spec["paths"])
    with local_page(browser, shared_server.url + "api/docs", locale="zh-CN") as pg:  # fails if a request leaves
        pg.get_by_text("/api/ask", exact=True).first.wait_for(timeout=30_000)  # Swagger UI rendered the schema


# ------------------------------------------------------------------ /v1 through the official client
@pytest.fixture(scope="module")
def client(shared_server: Served) -> Any:
    import openai

    return openai.OpenAI(base_url=shared_server.url + "v1", api_key="anything", max_retries=0, timeout=60)


def test_openai_models_and_a_completion_with_sources(client: Any) -> None:
    assert [m.id for m in client.models.list().data] == ["ragbot", "ragbot-extractive"]  # no LLM configured here
    done = client.chat.completions.create(model="ragbot", messages=[{"role": "user", "content": QUESTION}])
    text = done.choices[0].message.content
    assert done.choices[0].finish_reason == "stop"
    answer, sources = text.split("\n\n來源：\n")  # the asker's script
    assert re.search(r"\[1\]", answer)
    extra = done.model_extra["ragbot"]
    assert schema.answer_problems(extra) == []
    assert answer.strip() == extra["answer"].strip()
    quotes = [line for line in sources.splitlines() if line.startswith("> ")]
    assert len(quotes) == len(extra["citations"])
    for c, quote in zip(extra["citations"], quotes, strict=True):
        assert f"[{c['n']}] {c['title']} · {c['file']}" in sources
        shown = quote[2:].strip("…")
        assert shown in " ".join(c["text"].split())  # the excerpt's own words, cut to the cited part
        assert len(shown) <= 120


def test_openai_stream_equals_the_whole_reply(client: Any) -> None:
    messages = [{"role": "user", "content": "办公室怎样做好信息工作？"}]
    whole = client.chat.completions.create(model="ragbot-extractive", messages=messages)
    chunks = list(client.chat.completions.create(model="ragbot-extractive", messages=messages, stream=True))
    streamed = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert streamed == whole.choices[0].message.content
    assert len(chunks) > 3
    assert chunks[-1].choices[0].finish_reason == "stop"
    assert chunks[-1].model_extra["ragbot"]["answer"] == whole.model_extra["ragbot"]["answer"]


def test_openai_follow_up_and_refusal(client: Any) -> None:
    first = client.chat.completions.create(
        model="ragbot", messages=[{"role": "user", "content": "辦公室怎樣做好督查工作？"}]
    )
    previous = first.choices[0].message.content
    second = client.chat.completions.create(
        model="ragbot",
        messages=[
            {"role": "system", "content": "You are a helpful assistant."},  # ignored
            {"role": "user", "content": "辦公室怎樣做好督查工作？"},
            {"role": "assistant", "content": previous},
            {"role": "user", "content": "還有呢？"},
        ],
    )
    assert second.model_extra["ragbot"]["answer"] != first.model_extra["ragbot"]["answer"]
    refused = client.chat.completions.create(
        model="ragbot", messages=[{"role": "user", "content": "出差回来报销差旅费需要哪些票据？"}]
    )
    text = refused.choices[0].message.content
    assert text.startswith("讲话中没有找到能确认回答这个问题的内容。")
    assert "最接近的段落（未能确认回答了这个问题，供参考）：\n[1] " in text
    assert refused.model_extra["ragbot"]["refused"]


def test_openai_errors_come_in_its_shape(client: Any) -> None:
    import openai

    with pytest.raises(openai.NotFoundError, match="没有名为“gpt-4o”的模型，可选：ragbot、ragbot-extractive"):
        client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "督查"}])
    with pytest.raises(openai.BadRequestError, match="没有收到提问"):
        client.chat.completions.create(model="ragbot", messages=[{"role": "system", "content": "hi"}])
    with pytest.raises(openai.UnprocessableEntityError, match="问题是空的或只有标点"):
        client.chat.completions.create(model="ragbot", messages=[{"role": "user", "content": "？？"}])
    with pytest.raises(openai.NotFoundError, match="ragbot-openai"):  # listed only where an LLM is configured
        client.chat.completions.create(model="ragbot-openai", messages=[{"role": "user", "content": "督查"}])


# ------------------------------------------------------------------ the token, without --auth (Guard alone)
def _guarded(token: str | None) -> Any:
    from starlette.testclient import TestClient

    async def app(scope: Any, receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
        await send({"type": "http.response.body", "body": b"ok"})

    lines: list[str] = []
    return TestClient(Guard(app, api_token=token, log=lines.append), base_url="http://127.0.0.1"), lines


def test_api_token_without_login_guards_the_api_only() -> None:
    web, lines = _guarded("t0ken-123")
    assert web.get("/api/health").status_code == 401
    assert web.get("/api/health").json() == {
        "detail": "请在 Authorization 头中提供 API 令牌（Bearer）",
        "error": "send the API token: Authorization: Bearer <RAGBOT_API_TOKEN>",
    }
    assert web.get("/api/docs").status_code == 200  # the documentation holds no data: no token
    assert web.get("/api/openapi.json").status_code == 200
    assert web.get("/api/health", headers={"Authorization": "Bearer t0ken-123"}).status_code == 200
    wrong = web.post("/v1/chat/completions", headers={"Authorization": "Bearer nope", "Accept-Language": "zh-TW"})
    assert wrong.status_code == 401
    assert wrong.json() == {"error": {"message": "API 令牌不正確", "type": "invalid_request_error", "code": 401}}
    assert wrong.headers["www-authenticate"] == "Bearer"
    evil = {"Authorization": "Bearer t0ken-123", "Origin": "http://evil.example"}
    assert web.post("/api/ask", headers=evil).status_code == 200  # not cookie-based: the token is the proof
    assert web.post("/api/ask", headers={"Origin": "http://evil.example"}).status_code == 403  # no token: origin rules
    assert web.get("/config").status_code == 200  # the app's own pages: no token needed without --auth
    assert lines == [
        "refused a POST /v1/chat/completions: wrong API token",
        "refused a POST /api/ask from http://evil.example",
    ]  # never the token
    open_, _ = _guarded(None)
    assert open_.get("/api/health", headers={"Authorization": "Bearer sk-anything"}).status_code == 200


def test_readme_documents_the_api() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for route in ("/api/ask", "/api/docs", "/v1/chat/completions", "RAGBOT_API_TOKEN"):
        assert route in readme, route
