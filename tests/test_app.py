"""The Gradio app: HTML rendering (pure), the real server over HTTP and through gradio_client, and a real
browser (Debian's chromium driven by Playwright) asking questions, with no request leaving 127.0.0.1."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Dialog, Page

from ragbot.config import Config
from ragbot.render import render_answer
from ragbot.script import detect_script
from ragbot.testing import serve
from ragbot.types import Answer, AnswerSentence, Citation, Hit

from .helpers import CHROMIUM, CORPUS, local_page, make_workdir


def _answer(text: str, excerpt: str, refused: bool = False, supported: bool = True) -> Answer:
    hit = Hit(
        1, 1.0, ("f#1@0-9",), "<b>f</b>.txt", 1, "<script>alert(1)</script>标题", ("一、<i>总</i>",), 0, 9, excerpt
    )
    sentence = AnswerSentence(text, (1,) if supported else (), supported)
    cites = () if refused else (Citation(1, "f#1@0-9", hit.file, 1, hit.title, hit.headings, 0, 9, excerpt, (0,)),)
    return Answer("问", text, refused, "simplified", (sentence,), cites, (hit,), "extractive", 1.0)


def test_everything_from_speeches_questions_and_file_names_is_escaped() -> None:
    evil = '办公室<script>alert("x")</script><img src=x onerror=alert(1)>[点我](javascript:alert(1))'
    out = render_answer(_answer(evil + "。", evil))
    assert "<script>" not in out
    assert "<img" not in out
    assert "<b>f</b>" not in out
    assert "<i>总</i>" not in out
    assert "&lt;script&gt;" in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out


def test_cited_sentence_is_highlighted_and_unsupported_ones_marked() -> None:
    out = render_answer(_answer("要做好督查工作。", "总的来说,要做好督查工作。其他内容。"))
    assert "<mark>要做好督查工作</mark>" in out
    assert "<sup>[1]</sup>" in out
    out = render_answer(_answer("年终奖按工龄计算。", "无关摘录。", supported=False))
    assert 'class="unsupported"' in out


def test_refusal_looks_different_and_lists_closest_passages_as_not_matching() -> None:
    out = render_answer(_answer("讲话中没有找到能确认回答这个问题的内容。", "最接近的段落。", refused=True))
    assert 'class="refused"' in out
    assert "未能确认回答了这个问题" in out  # never "not matching": a passage may hold the answer
    assert "nomatch" in out


def test_display_switch_converts_answer_and_excerpts() -> None:
    a = _answer("办公室要做好督查工作。", "办公室要做好督查工作。")
    assert "辦公室要做好督查工作" in render_answer(a, "繁體")
    assert "办公室" in render_answer(a, "按提问")


# ------------------------------------------------------------------ a real server
def _small_report(folder: Path, tmp: Path) -> None:
    """An evaluation report of a two-question run (keyword embedder), with a hostile question in it."""
    from ragbot import experiment, report
    from ragbot.evaluate import Gold, Question

    from .helpers import KeywordEmbedder

    (tmp / "corpus").mkdir(parents=True)
    (tmp / "corpus" / "a.txt").write_text(
        "办公室讲话\n\n督查工作要对领导批示件逐项督办，做到件件有着落。\n", encoding="utf-8"
    )
    qs = [
        Question(
            "q1", "督查工作怎么抓？", "simplified", "duty", (Gold("a.txt", 1, "对领导批示件逐项督办"),), "逐项督办。"
        ),
        Question(
            "q2",
            "<img src=x onerror=alert(1)>督查？",
            "simplified",
            "duty",
            (Gold("a.txt", 1, "语料里没有的一句话"),),
            "没有。",
        ),
    ]  # a miss: listed among the worst questions, hostile text and all
    config = Config(corpus=tmp / "corpus", index=tmp / "index")
    report.write(experiment.run(config, qs, ["bm25", "hybrid"], embedder=KeywordEmbedder()), folder)


@pytest.fixture(scope="module")
def workdir(real_index: Config, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the corpus and of the session's real index, so uploads change neither; a small report."""
    work = make_workdir(real_index, tmp_path_factory.mktemp("app"))
    _small_report(work / "reports", work / "report-run")
    return work


def test_report_tab_without_a_report_says_how_to_make_one(real_index: Config, tmp_path: Path) -> None:
    from ragbot.ui import App

    app = App(Config(index=real_index.index, reports=tmp_path / "none"))
    assert "还没有评测报告" in app.report()
    assert "ragbot eval" in app.report()
    _small_report(tmp_path / "r", tmp_path / "run")
    shown = App(Config(index=real_index.index, reports=tmp_path / "r")).report()
    assert shown.startswith("<style>")
    assert "| hybrid |" not in shown
    assert "<td>hybrid</td>" in shown
    assert "<img src=x" not in shown
    assert "&lt;img src=x" in shown


@pytest.fixture(scope="module")
def server(workdir: Path) -> Iterator[str]:
    with serve(workdir / "index", workdir) as app:
        yield app.url


GUARDED_GET = (
    "config",
    "gradio_api/info",
    "gradio_api/heartbeat/x",
    "gradio_api/queue/data?session_hash=x",
    "gradio_api/upload_progress?upload_id=x",
    "monitoring",
    "gradio_api/proxy=http://127.0.0.1:1/x",
)
GUARDED_POST = (
    "gradio_api/upload",
    "gradio_api/queue/join",
    "gradio_api/call/ask",
    "gradio_api/run/ask",
    "gradio_api/reset",
    "gradio_api/cancel",
    "gradio_api/component_server",
)


def _status(url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> int:
    req = urllib.request.Request(url, data=data, headers=headers or {}, method="POST" if data is not None else "GET")
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return int(r.status)
    except urllib.error.HTTPError as e:
        return int(e.code)


@pytest.fixture(scope="module")
def auth_server(workdir: Path) -> Iterator[str]:
    """The app with a login (`--auth office:s3cret`), for the two tests of it."""
    with serve(workdir / "index", workdir, "--auth", "office:s3cret") as app:
        yield app.url


def test_auth_guards_every_page_and_the_api(auth_server: str) -> None:
    """With --auth nothing but the login page answers without the session cookie: API, queue, uploads,
    file downloads (of a file that really is in Gradio's cache), cancel/reset, heartbeat."""
    from gradio_client import Client

    url = auth_server
    login = urllib.request.Request(
        url + "login",
        data=b"username=office&password=s3cret",
        method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    with urllib.request.urlopen(login, timeout=10) as r:
        cookie = "; ".join(c.split(";", 1)[0] for c in r.headers.get_all("set-cookie"))
    assert (
        _status(url + "login", b"username=office&password=wrong", {"Content-Type": "application/x-www-form-urlencoded"})
        == 400
    )
    body = b'--b\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n\r\n\xe5\x8a\x9e\r\n--b--\r\n'
    up = urllib.request.Request(
        url + "gradio_api/upload",
        data=body,
        method="POST",
        headers={"Content-Type": "multipart/form-data; boundary=b", "Cookie": cookie},
    )
    with urllib.request.urlopen(up, timeout=10) as r:
        [stored] = json.loads(r.read())
    file_url = url + "gradio_api/file=" + stored
    assert _status(file_url, headers={"Cookie": cookie}) == 200  # logged in: the download works
    for route in (*GUARDED_GET, file_url.removeprefix(url)):
        assert _status(url + route) == 401, route
    for route in GUARDED_POST:
        assert (
            _status(
                url + route,
                b'{"session_hash": "x", "fn_index": 0, "event_id": "x"}',
                {"Content-Type": "application/json"},
            )
            == 401
        ), route
    assert _status(url + "config", headers={"Cookie": cookie}) == 200
    assert b"ragbot" not in urllib.request.urlopen(url, timeout=10).read()  # the shell only, no app config
    with pytest.raises(Exception, match="credentials"):
        Client(url, verbose=False)
    out = Client(url, auth=("office", "s3cret"), verbose=False).predict(
        "上情下达是什么", 3, "extractive", api_name="/ask"
    )
    assert out["answer"]
    assert not out["refused"]


def test_api_answers_with_citations(server: str) -> None:
    from gradio_client import Client

    client = Client(server, verbose=False)
    out = client.predict("領導批示交辦的事項，辦公室應該怎麼快速辦理？", 5, "extractive", api_name="/ask")
    assert not out["refused"]
    assert detect_script(out["answer"]) == "traditional"
    assert out["citations"]
    assert {"n", "file", "title", "text", "start", "end"} <= set(out["citations"][0])
    for question, k, generator, message in (
        ("？！。", 5, "extractive", "问题是空的或只有标点：请输入一个问题或要查找的词语"),
        ("督查", 1000, "extractive", "摘录数 k 应在 1 到 20 之间，收到的是 1000"),
        ("督查", 5, "gpt-5", "没有名为“gpt-5”的回答方式，可选：extractive、openai"),
    ):
        with pytest.raises(Exception, match=message):  # the one-line message, not Gradio's generic error
            client.predict(question, k, generator, api_name="/ask")


def test_loopback_server_refuses_other_host_names(server: str) -> None:
    """Served on 127.0.0.1, a page on another name that resolves here (DNS rebinding) gets nothing."""
    import http.client

    port = int(server.rstrip("/").rsplit(":", 1)[1])
    for host, want in ((f"localhost:{port}", 200), (f"127.0.0.1:{port}", 200), (f"rebound.example:{port}", 403)):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
        conn.request("GET", "/config", headers={"Host": host})
        assert conn.getresponse().status == want, host
        conn.close()


def test_page_is_served_without_cdn_assets(server: str) -> None:
    page = urllib.request.urlopen(server, timeout=10).read().decode()
    for host in ("fonts.googleapis.com", "fonts.gstatic.com", "cdn.jsdelivr.net", "unpkg.com", "cdnjs"):
        assert host not in page, host


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    with local_page(browser, server, locale="zh-CN") as pg:  # as a Chinese user's browser has it
        yield pg


def ask(pg: Page, question: str) -> None:
    from playwright.sync_api import expect

    # once the app is ready (conversation restored, question box enabled): asking waits for the restore
    expect(pg.locator("#question textarea")).to_be_enabled(timeout=60000)
    pg.locator("#question textarea").fill(question)
    pg.locator("#send").click()


def test_browser_question_gets_an_answer_with_a_cited_excerpt(page: Page, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    ask(page, "怎样做好督查督办工作？")
    cite = page.locator("#chat .ragbot-cite").first
    expect(cite).to_be_visible(timeout=30000)
    expect(cite.locator("summary").first).to_contain_text(".txt")
    expect(page.locator("#chat sup").first).to_have_text("[1]")
    cite.locator("summary").first.click()
    expect(cite.locator("mark").first).to_be_visible()
    cite.locator(".ragbot-context summary").click()  # the surrounding passage, on demand
    expect(cite.locator(".ragbot-context div")).to_be_visible()
    page.screenshot(path=str(tmp_path / "chat.png"), full_page=True)


def test_browser_traditional_question_gets_traditional_answer_and_the_switch_converts(page: Page) -> None:
    from playwright.sync_api import expect

    ask(page, "辦公室主任應該具備哪些素質？")
    expect(page.locator("#chat .ragbot-cite").first).to_be_visible(timeout=30000)  # the final, checked answer
    answer = page.locator("#chat .ragbot-answer p").first
    before = answer.inner_text()
    assert detect_script(before) == "traditional"
    page.get_by_text("设置", exact=True).click()
    page.locator("#display label", has_text="简体").click()
    after = before
    for _ in range(240):  # the re-rendered answer arrives through Gradio's queue (slowly on a busy machine)
        after = page.locator("#chat .ragbot-answer p").first.inner_text()
        if detect_script(after) == "simplified":  # not just changed: a late re-render may still be Traditional
            break
        page.wait_for_timeout(250)
    assert detect_script(after) == "simplified", after


def test_browser_follow_up_question(page: Page) -> None:
    from playwright.sync_api import expect

    ask(page, "办公室怎样做好保密工作？")
    expect(page.locator("#chat .ragbot-answer")).to_have_count(1, timeout=60000)
    ask(page, "那具体应该怎么做？")
    expect(page.locator("#chat .ragbot-answer")).to_have_count(2, timeout=30000)
    first, second = (page.locator("#chat .ragbot-answer p").nth(i).inner_text() for i in (0, 2))
    assert "保密" in page.locator("#chat .ragbot-answer").nth(1).inner_text()
    assert second != first  # a follow-up goes deeper, it never repeats the previous answer
    said = {s for s in re.split(r"[。！？\n]|\[\d+\]", first) if len(s) > 6}
    assert not any(s in second for s in said), (first, second)


def test_browser_conversation_survives_a_reload_and_new_chat_starts_fresh(page: Page) -> None:
    from playwright.sync_api import expect

    kept = "() => localStorage.getItem('ragbot-conversation')"
    before = page.evaluate(kept)
    ask(page, "怎样做好督查督办工作？")
    expect(page.locator("#chat .ragbot-cite").first).to_be_visible(timeout=30000)
    first = page.locator("#chat .ragbot-answer p").first.inner_text()
    page.wait_for_function(f"(before) => ({kept})() !== before", arg=before, timeout=10000)  # the turn is kept
    page.reload(wait_until="domcontentloaded")
    expect(page.locator("#chat .ragbot-answer")).to_have_count(1, timeout=30000)  # kept in the browser
    assert page.locator("#chat .ragbot-answer p").first.inner_text() == first
    expect(page.locator("#chat")).to_contain_text("怎样做好督查督办工作？")
    ask(page, "那具体应该怎么做？")  # the restored answer is the one a follow-up goes deeper than
    expect(page.locator("#chat .ragbot-answer")).to_have_count(2, timeout=30000)
    assert page.locator("#chat .ragbot-answer p").nth(2).inner_text() != first
    page.locator("#new-chat").click()
    expect(page.locator("#chat .ragbot-answer")).to_have_count(0, timeout=10000)
    page.wait_for_timeout(1000)
    page.reload(wait_until="domcontentloaded")
    page.locator("#question").wait_for()
    page.wait_for_timeout(3000)  # the restore above took well under this
    expect(page.locator("#chat .ragbot-answer")).to_have_count(0)


def test_browser_gradio_strings_follow_the_browsers_language(browser: Browser, server: str) -> None:
    from playwright.sync_api import expect

    for locale, drop in (("zh-CN", "将文件拖放到此处"), ("zh-TW", "拖放檔案至此處")):
        with local_page(browser, server, locale=locale) as pg:
            pg.locator("#question").wait_for()
            pg.get_by_role("tab", name="语料").click()
            expect(pg.locator("#upload")).to_contain_text(drop)


def test_browser_page_never_runs_script_from_a_question(page: Page) -> None:
    from playwright.sync_api import expect

    dialogs: list[str] = []

    def on_dialog(d: Dialog) -> None:
        dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", on_dialog)
    ask(page, '<script>alert("q")</script><img src=x onerror=alert(2)> 办公室怎样做好督查工作？')
    expect(page.locator("#chat .ragbot-answer")).to_have_count(1, timeout=30000)
    assert dialogs == []
    assert "<script>" in page.locator("#chat").inner_text()


def test_chromium_is_the_debian_build() -> None:
    if Path(CHROMIUM).exists():
        out = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=30).stdout
        assert "Chromium" in out
    assert shutil.which("ragbot") or Path(sys.executable).with_name("ragbot").exists()


def test_browser_precedent_wording_tab(page: Page) -> None:
    from playwright.sync_api import expect

    page.get_by_role("tab", name="范文用语").click()
    page.locator("#phrase textarea").fill("上情下達")
    page.locator("#find").click()
    line = page.locator("#phrases .ragbot-kwic").first
    # clicked while the page's load events finish: before events.py its result was sometimes never delivered
    expect(line).to_contain_text("上情下达", timeout=60000)
    expect(page.locator("#phrases h4").first).to_have_text("原文出现 1 次")
    line.locator(".ragbot-copy").click()
    expect(line.locator(".ragbot-copy")).to_have_text("已复制")


def test_browser_evaluation_tab_shows_the_report(page: Page) -> None:
    from playwright.sync_api import expect

    page.get_by_role("tab", name="评测").click()
    report = page.locator("#report .ragbot-report")
    expect(report.locator("h1")).to_have_text("ragbot 评测报告", timeout=30000)
    expect(report.locator("table").nth(1)).to_contain_text("hybrid")
    images = report.locator("img")
    expect(images).to_have_count(4)
    for i in range(4):  # inlined PNGs that decoded
        assert images.nth(i).evaluate("im => im.complete && im.naturalWidth > 100")
    expect(report).to_contain_text("<img src=x onerror=alert(1)>")  # shown as text, not run


def test_browser_thumbs_and_comment_are_stored(page: Page, workdir: Path) -> None:
    from playwright.sync_api import expect

    ask(page, "怎样做好信息工作？")
    expect(page.locator("#chat .ragbot-answer")).to_have_count(1, timeout=30000)
    page.locator("#chat button[aria-label='赞']").last.click()  # Gradio's own label, in the browser's language
    expect(page.locator("#feedback-msg")).to_contain_text("已记录", timeout=10000)
    page.locator("#comment textarea").fill("摘录很有用")
    page.locator("#send-comment").click()
    expect(page.locator("#feedback-msg")).to_contain_text("已记录意见", timeout=10000)
    rows = [json.loads(x) for x in (workdir / "data" / "feedback.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["rating"] for r in rows[-2:]] == ["up", "comment"]
    assert rows[-1]["comment"] == "摘录很有用"
    assert rows[-2]["question"] == "怎样做好信息工作？"
    assert rows[-2]["citations"]


def test_browser_upload_adds_a_speech_and_rejects_a_bad_file(page: Page, workdir: Path, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    dialogs: list[str] = []
    page.on("dialog", lambda d: dialogs.append(d.message))
    good = tmp_path / "新讲话 2024.txt"
    good.write_text(
        "在全县档案工作会议上的讲话\n同志们:\n档案工作要做到收集齐全、整理规范、保管安全。<img src=x onerror=alert(9)>"
        "\n档案室要防火、防潮、防盗。",
        encoding="gb18030",
    )
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    page.get_by_role("tab", name="语料").click()
    page.locator("#upload input[type=file]").set_input_files([str(good), str(bad)])
    page.locator("#add").click()
    msg = page.locator("#upload-msg")
    expect(msg).to_contain_text("已加入", timeout=90000)
    expect(msg).to_contain_text("broken.pdf：无法读取")
    expect(page.locator("#corpus")).to_contain_text("在全县档案工作会议上的讲话")
    uploads = sorted(p.name for p in (workdir / "corpus" / "uploads").iterdir())
    assert uploads == ["新讲话_2024.txt"]  # stored under a safe name, inside the uploads folder; the bad one not kept
    temp = workdir / "data" / "tmp"
    assert temp.is_dir()
    assert [p for p in temp.rglob("*") if p.is_file()] == []
    page.get_by_role("tab", name="问答").click()
    ask(page, "档案工作要做到什么？")
    cite = page.locator("#chat .ragbot-cite").first
    expect(cite).to_contain_text("uploads/新讲话_2024.txt", timeout=30000)
    assert "&lt;img src=x onerror=alert(9)&gt;" in cite.inner_html()  # text in the page, never an element
    assert cite.locator("img").count() == 0
    assert dialogs == []


def test_speech_filter_labels_parse(workdir: Path) -> None:
    from ragbot.ui import App

    app = App(Config(index=workdir / "index"))
    assert app.filters(["000_fc7b01b31694c23c.txt #3 教育系統辦公室主任會議講話 篇3"]).speeches == (
        ("000_fc7b01b31694c23c.txt", 3),
    )
    assert len(app.speeches()) >= 16
    assert app.speeches()[0].startswith("000_fc7b01b31694c23c.txt #1 ")


def test_busy_port_and_bad_auth_are_one_line_errors(workdir: Path) -> None:
    exe = Path(sys.executable).with_name("ragbot")
    env = {**os.environ, "RAGBOT_CORPUS": str(workdir / "corpus")}
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        r = subprocess.run(
            [str(exe), "serve", "--port", str(port), "--index", str(workdir / "index")],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
        )
    assert r.returncode == 1
    assert r.stderr.count("\n") == 1
    assert f"cannot listen on 127.0.0.1:{port}" in r.stderr
    assert "pass another --port" in r.stderr
    r = subprocess.run(
        [str(exe), "serve", "--auth", "nopassword", "--index", str(workdir / "index")],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert r.returncode == 1
    assert r.stderr == "ragbot: --auth expects USER:PASS, e.g. --auth office:s3cret\n"


def test_upload_decides_type_by_content_and_keeps_files_inside_uploads(
    real_index: Config, default_embedder, tmp_path: Path
) -> None:
    from ragbot import pipeline
    from ragbot.ui import App

    shutil.copytree(real_index.index, tmp_path / "index")
    (tmp_path / "corpus").mkdir()
    shutil.copy(CORPUS / "004_92e2d7aa31a4f474.txt", tmp_path / "corpus")
    config = Config(corpus=tmp_path / "corpus", index=tmp_path / "index", max_file_mb=0.05)
    app = App(config, pipeline.Ragbot(config, embedder=default_embedder))
    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    speech = "在全县保密工作会议上的讲话\n同志们：\n涉密载体要专柜存放、专人管理，做到万无一失。\n"
    (inbox / "speech.pdf").write_text(speech, encoding="gb18030")  # text under a .pdf name
    (inbox / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))  # an image under a .txt name
    (inbox / "big.txt").write_text("办" * 30_000, encoding="utf-8")  # 90 kB, over the 0.05 MB limit
    (inbox / "sub" / "..passwd").write_text(speech.replace("保密", "机要"), encoding="utf-8")
    paths = [str(inbox / n) for n in ("speech.pdf", "photo.txt", "big.txt")] + [str(inbox / "sub" / "..passwd")]
    paths.append(str(inbox / "sub" / ".." / "sub" / "..passwd"))  # the same file by a path with ../ in it
    msg, _rows = app.upload(paths)
    stored = sorted(p.name for p in (tmp_path / "corpus" / "uploads").iterdir())
    assert stored == ["passwd-1.txt", "passwd.txt", "speech.txt"], stored
    assert "photo.txt：不是可读取的文档（a PNG image）" in msg
    assert "big.txt：超过 0.05 MB 上限" in msg
    files = sorted(
        p.relative_to(tmp_path).as_posix()
        for p in tmp_path.rglob("*")
        if p.is_file() and "index" not in p.parts and not p.name.startswith(".index")
    )
    assert files == [
        "corpus/004_92e2d7aa31a4f474.txt",
        "corpus/uploads/passwd-1.txt",
        "corpus/uploads/passwd.txt",
        "corpus/uploads/speech.txt",
        "inbox/big.txt",
        "inbox/photo.txt",
        "inbox/speech.pdf",
        "inbox/sub/..passwd",
    ], files
    answer = app.answerer("extractive").ask("涉密载体应该怎么存放？")
    assert not answer.refused
    assert any(c.file.startswith("uploads/") for c in answer.citations)  # the three uploads say the same


def test_browser_login_then_ask(browser: Browser, auth_server: str) -> None:
    from playwright.sync_api import expect

    url = auth_server
    ctx = browser.new_context()
    pg = ctx.new_page()
    pg.goto(url, wait_until="domcontentloaded")
    expect(pg.locator("#question")).to_have_count(0)  # nothing of the app before logging in
    pg.locator("input[type=text]").first.fill("office")
    pg.locator("input[type=password]").fill("s3cret")
    pg.locator("input[type=password]").press("Enter")
    ask(pg, "上情下达是什么？")
    expect(pg.locator("#chat .ragbot-answer").last).to_be_visible(timeout=60000)
    ctx.close()
