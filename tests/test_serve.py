"""The served app hardened, against a real `ragbot serve`: reached under a LAN host name with --auth, no
foreign origin gets CORS access or changes state with the user's session; the session cookie is Lax;
uploads are bounded while they stream and leave no temporary files; wrong passwords are throttled per
address; failed writes are reported in Chinese; a DNS-rebinding Host is refused on loopback. A real
Chromium (resolving two made-up intranet names to 127.0.0.1) shows a hostile page's fetches blocked."""

from __future__ import annotations

import http.client
import json
import os
import shutil
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from ragbot import pipeline
from ragbot.config import Config
from ragbot.embed import Embedder
from ragbot.errors import ConfigError
from ragbot.guard import LoginThrottle, rewrite_cookie
from ragbot.script import detect_script
from ragbot.testing import serve

from .helpers import chromium, make_workdir

HOST = "ragbot.office.lan"  # the app, as the LAN reaches it
EVIL = "http://evil.example"
NEIGHBOUR = "wiki.office.lan"  # another intranet site: same site as the app, another origin
PORTAL = "https://portal.office.lan"  # listed in allowed_origins
TOKEN = "api-t0ken-5ecret"  # RAGBOT_API_TOKEN of the server


@dataclass
class Lan:
    port: int
    work: Path
    log: Path
    cookie: str

    @property
    def own(self) -> str:
        return f"http://{HOST}:{self.port}"

    def call(
        self,
        method: str,
        path: str,
        headers: dict[str, str] | None = None,
        body: bytes | None = None,
        cookie: bool = True,
    ) -> tuple[int, http.client.HTTPMessage, bytes]:
        """One request to the server on 127.0.0.1, with Host set to the LAN name (and the session cookie)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=20)
        h = {"Host": f"{HOST}:{self.port}", **({"Cookie": self.cookie} if cookie else {}), **(headers or {})}
        conn.request(method, path, body=body, headers=h)
        r = conn.getresponse()
        data = r.read()
        conn.close()
        return r.status, r.headers, data

    def temp_files(self) -> list[str]:
        return sorted(p.name for p in (self.work / "data" / "tmp").rglob("*") if p.is_file())


def _upload_body(name: str, data: bytes) -> tuple[bytes, dict[str, str]]:
    body = (
        b'--b\r\nContent-Disposition: form-data; name="files"; filename="' + name.encode() + b'"\r\n'
        b"Content-Type: text/plain\r\n\r\n" + data + b"\r\n--b--\r\n"
    )
    return body, {"Content-Type": "multipart/form-data; boundary=b"}


def _login(port: int, password: str, headers: dict[str, str] | None = None) -> tuple[int, http.client.HTTPMessage]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    conn.request(
        "POST",
        "/login",
        body=f"username=office&password={password}".encode(),
        headers={"Host": f"{HOST}:{port}", "Content-Type": "application/x-www-form-urlencoded", **(headers or {})},
    )
    r = conn.getresponse()
    r.read()
    conn.close()
    return r.status, r.headers


@pytest.fixture(scope="module")
def lan(real_index: Config, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lan]:
    """`ragbot serve --host 0.0.0.0 --auth …` with max_file_mb 1 and a portal in allowed_origins; its
    feedback file is a folder (so every feedback write really fails), and an earlier run left an upload."""
    work = make_workdir(real_index, tmp_path_factory.mktemp("lan"))
    (work / "data" / "feedback.jsonl").mkdir(parents=True)
    stale = work / "data" / "tmp" / "0123abcd" / "left-over.txt"
    stale.parent.mkdir(parents=True)
    stale.write_text("上次运行留下的上传", encoding="utf-8")
    env = {"RAGBOT_ALLOWED_ORIGINS": PORTAL, "RAGBOT_MAX_FILE_MB": "1", "RAGBOT_API_TOKEN": TOKEN}
    with serve(work / "index", work, "--host", "0.0.0.0", "--auth", "office:s3cret", env=env) as app:
        port = app.port
        status, headers = _login(port, "s3cret")
        assert status == 200
        cookie = "; ".join(c.split(";", 1)[0] for c in headers.get_all("set-cookie") or [])
        yield Lan(port, work, app.log, cookie)


# ------------------------------------------------------------------ cross-site requests
def test_foreign_origins_get_no_cors_access_but_the_listed_portal_does(lan: Lan) -> None:
    for path in ("/config", "/gradio_api/upload", "/gradio_api/queue/join", "/gradio_api/info"):
        for origin in (EVIL, f"http://{NEIGHBOUR}:{lan.port}", "null"):
            status, headers, _ = lan.call(
                "OPTIONS",
                path,
                {
                    "Origin": origin,
                    "Access-Control-Request-Method": "POST",
                    "Access-Control-Request-Headers": "content-type",
                },
            )
            assert headers.get("access-control-allow-origin") is None, (path, origin, status)
            assert headers.get("access-control-allow-credentials") is None, (path, origin)
    status, headers, body = lan.call("GET", "/config", {"Origin": EVIL})
    assert headers.get("access-control-allow-origin") is None
    assert headers.get("access-control-allow-credentials") is None
    status, headers, body = lan.call("GET", "/config", {"Origin": lan.own})  # the app's own page reads it
    assert status == 200
    assert json.loads(body)["max_file_size"] == 1_000_000
    _, headers, _ = lan.call(
        "OPTIONS", "/gradio_api/upload", {"Origin": PORTAL, "Access-Control-Request-Method": "POST"}
    )
    assert headers.get("access-control-allow-origin") == PORTAL
    assert headers.get("access-control-allow-credentials") == "true"
    _, headers, _ = lan.call("GET", "/config", {"Origin": PORTAL})
    assert headers.get("access-control-allow-origin") == PORTAL


def test_cross_origin_state_changes_are_refused_and_write_nothing(lan: Lan) -> None:
    body, ctype = _upload_body("evil.txt", "跨站写入的文件".encode())
    for headers in (
        {"Origin": EVIL},
        {"Referer": EVIL + "/page.html"},
        {"Origin": "null"},
        {"Origin": f"http://{NEIGHBOUR}:{lan.port}"},
        {"Origin": f"http://{HOST}:{lan.port + 1}"},
    ):
        status, _, reply = lan.call("POST", "/gradio_api/upload", {**ctype, **headers}, body)
        assert status == 403, headers
        assert json.loads(reply)["detail"] == "拒绝跨站请求：请在本服务自己的页面上操作"
    status, _, reply = lan.call(
        "POST", "/gradio_api/upload", {**ctype, "Origin": EVIL, "Accept-Language": "zh-TW,zh;q=0.9"}, body
    )
    assert status == 403
    assert detect_script(json.loads(reply)["detail"]) == "traditional"
    join = json.dumps({"data": ["督查", [], [], "按提问", 5, "extractive", []], "fn_index": 0, "session_hash": "x"})
    status, _, _ = lan.call(
        "POST", "/gradio_api/queue/join", {"Origin": EVIL, "Content-Type": "application/json"}, join.encode()
    )
    assert status == 403
    status, _, _ = lan.call(
        "POST",
        "/login",
        {"Origin": EVIL, "Content-Type": "application/x-www-form-urlencoded"},
        b"username=office&password=s3cret",
        cookie=False,
    )
    assert status == 403  # no login CSRF either
    assert "evil.txt" not in lan.temp_files()
    assert f"refused a POST /gradio_api/upload from {EVIL}" in lan.log.read_text(encoding="utf-8", errors="replace")
    for origin in (lan.own, PORTAL, None):  # the app's own page, the listed portal, a script with no Origin
        status, _, reply = lan.call(
            "POST", "/gradio_api/upload", {**ctype, **({"Origin": origin} if origin else {})}, body
        )
        assert status == 200, origin
        [stored] = json.loads(reply)
        assert Path(stored).is_relative_to(lan.work / "data" / "tmp")
        assert Path(stored).name == "evil.txt"
        Path(stored).unlink()


def test_the_api_takes_the_login_cookie_or_the_token_and_the_same_origin_rules(lan: Lan) -> None:
    ask = json.dumps({"question": "辦公室怎樣做好督查工作？"}).encode()
    js = {"Content-Type": "application/json"}
    assert lan.call("GET", "/api/health", cookie=False)[0] == 401  # neither login nor token
    assert lan.call("GET", "/v1/models", cookie=False)[0] == 401
    assert lan.call("GET", "/api/docs", cookie=False)[0] == 401
    assert lan.call("GET", "/api/health")[0] == 200  # the login cookie
    status, _, reply = lan.call("POST", "/api/ask", {**js, "Origin": EVIL}, ask)  # the user's cookie, another site
    assert status == 403
    assert json.loads(reply)["detail"] == "拒绝跨站请求：请在本服务自己的页面上操作"
    status, _, reply = lan.call("POST", "/api/ask", {**js, "Origin": lan.own}, ask)  # the app's own page
    assert status == 200
    assert json.loads(reply)["citations"]
    bearer = {**js, "Authorization": f"Bearer {TOKEN}", "Origin": EVIL}  # not cookie-based: allowed
    status, _, reply = lan.call("POST", "/api/ask", bearer, ask, cookie=False)
    assert status == 200
    answer = json.loads(reply)
    assert answer["citations"]
    status, _, reply = lan.call("POST", "/api/ask", {**bearer, "Authorization": "Bearer guess"}, ask, cookie=False)
    assert status == 401
    assert json.loads(reply)["detail"] == "API 令牌不正确"
    rate = json.dumps({"answer": answer, "rating": "up"}).encode()
    status, _, reply = lan.call("POST", "/api/feedback", bearer, rate, cookie=False)
    assert status == 503  # the feedback log is a folder here: the write fails, said in the asker's script
    assert json.loads(reply)["detail"].startswith("未能保存評價（該路徑是一個文件夾）")
    log = lan.log.read_text(encoding="utf-8", errors="replace")
    assert "refused a POST /api/ask: wrong API token" in log
    assert TOKEN not in log
    assert "guess" not in log


def test_openai_client_uses_the_token_as_its_api_key(lan: Lan) -> None:
    import openai

    url = f"http://127.0.0.1:{lan.port}/v1"
    client = openai.OpenAI(base_url=url, api_key=TOKEN, max_retries=0, timeout=60)
    done = client.chat.completions.create(model="ragbot", messages=[{"role": "user", "content": "怎样做好督查工作？"}])
    assert "来源：" in str(done.choices[0].message.content)
    with pytest.raises(openai.AuthenticationError):
        openai.OpenAI(base_url=url, api_key="sk-wrong", max_retries=0).models.list()


def test_session_cookie_is_lax_httponly_and_secure_only_over_https(lan: Lan) -> None:
    _, headers = _login(lan.port, "s3cret")
    cookies = headers.get_all("set-cookie") or []
    assert len(cookies) == 2
    for c in cookies:
        attrs = {a.strip().split("=")[0].lower(): a.strip() for a in c.split(";")[1:]}
        assert attrs["samesite"] == "SameSite=Lax", c
        assert "httponly" in attrs, c
        assert "secure" not in attrs, c
    _, headers = _login(lan.port, "s3cret", {"X-Forwarded-Proto": "https"})  # behind a TLS proxy on this machine
    secure = headers.get_all("set-cookie") or []
    assert len(secure) == 2
    assert all("; Secure" in c and "SameSite=Lax" in c for c in secure)


# ------------------------------------------------------------------ uploads
def test_over_limit_upload_is_refused_before_it_is_written_in_full(lan: Lan) -> None:
    head, ctype = _upload_body("big.txt", b"")
    prefix, suffix = head.split(b"\r\n--b--")
    total = 3_000_000  # 3 MB against a 1 MB limit
    with socket.create_connection(("127.0.0.1", lan.port), timeout=20) as s:
        s.sendall(
            f"POST /gradio_api/upload HTTP/1.1\r\nHost: {HOST}:{lan.port}\r\nCookie: {lan.cookie}\r\n"
            f"Content-Type: {ctype['Content-Type']}\r\nContent-Length: {len(prefix) + total + len(suffix) + 6}\r\n\r\n".encode()
            + prefix
        )
        s.sendall(b"x" * 1_500_000)  # half of it: the server must answer without the rest
        reply = s.recv(4096).decode("latin-1")
    assert reply.startswith("HTTP/1.1 413"), reply[:200]
    assert "big.txt" not in lan.temp_files()
    assert not any(n.startswith("tmp") for n in lan.temp_files())
    status, _, reply_body = lan.call("POST", "/gradio_api/upload", {**ctype, "Content-Length": str(10**9)}, b"")
    assert status == 413
    assert "一次最多" in json.loads(reply_body)["detail"]


def test_stale_uploads_of_an_earlier_run_are_cleared_at_start(lan: Lan) -> None:
    assert not (lan.work / "data" / "tmp" / "0123abcd").exists()


# ------------------------------------------------------------------ login throttling
def test_wrong_passwords_are_throttled_per_address_and_logged_without_the_password(lan: Lan) -> None:
    guesser, office = {"X-Forwarded-For": "10.9.9.9"}, {"X-Forwarded-For": "10.9.9.8"}
    codes = [_login(lan.port, f"guess-{i}-pw", guesser)[0] for i in range(6)]
    assert codes == [400] * 5 + [429], codes
    status, headers = _login(lan.port, "s3cret", guesser)  # even the right password waits now, from that address
    assert status == 429
    assert 0 < int(headers["Retry-After"]) <= 61
    assert _login(lan.port, "s3cret", office)[0] == 200  # the office's own address still gets in
    log = lan.log.read_text(encoding="utf-8", errors="replace")
    assert "wrong password from 10.9.9.9 (5 in the last 60 s)" in log
    assert "login from 10.9.9.9 refused" in log
    assert "guess-" not in log
    assert "s3cret" not in log


def test_login_throttle_window_slides() -> None:
    t = LoginThrottle(failures=3, window=10)
    for now in (0.0, 1.0, 2.0):
        t.failed("a", now=now)
    assert t.wait("a", now=5.0) == 5.0
    assert t.wait("a", now=10.5) == 0.0
    t.failed("a", now=10.75)
    assert t.wait("a", now=10.75) == 0.25  # 1, 2 and 10.75 in the window: wait until 1 leaves it
    t.succeeded("a")
    assert t.wait("a", now=10.75) == 0.0
    small = LoginThrottle(failures=1, window=60, max_addresses=2)
    for i, a in enumerate("xyz"):
        small.failed(a, now=float(i))
    assert small.wait("x", now=3.0) == 0.0
    assert small.wait("z", now=3.0) > 0


def test_cookie_rewrite() -> None:
    assert rewrite_cookie("a=b; Path=/", "strict", True) == "a=b; Path=/; HttpOnly; SameSite=Strict; Secure"
    assert rewrite_cookie("a=b; SameSite=None; Secure; HttpOnly", "none", False).endswith("SameSite=None; Secure")


def test_allowed_origins_setting_is_checked() -> None:
    assert Config.load(allowed_origins="https://Portal.Office.lan/, http://10.0.0.5:8080").allowed_origins == (
        "https://portal.office.lan",
        "http://10.0.0.5:8080",
    )
    with pytest.raises(ConfigError, match=r"allowed_origins expects origins like https://portal\.office\.lan"):
        Config.load(allowed_origins="https://portal.office.lan/page")
    with pytest.raises(ConfigError, match="cookie_samesite must be lax, strict or none"):
        Config(cookie_samesite="relaxed")


# ------------------------------------------------------------------ failed writes
def test_failed_feedback_write_is_reported_in_chinese_and_the_app_keeps_serving(
    real_index: Config, default_embedder: Embedder, tmp_path: Path
) -> None:
    from ragbot.ui import App

    (tmp_path / "data" / "feedback.jsonl").mkdir(parents=True)  # a write that really fails (EISDIR)
    config = Config(index=real_index.index, data=tmp_path / "data")
    app = App(config, pipeline.Ragbot(config, embedder=default_embedder))
    answer = app.answerer("extractive").ask("辦公室怎樣做好保密工作？")
    like = type("Like", (), {"index": 1, "liked": True})()
    msg = app.like([answer], like)
    assert msg.startswith("未能保存評價")
    assert "該路徑是一個文件夾" in msg
    assert "\n" not in msg
    msg, kept = app.comment([answer], "很好")
    assert msg.startswith("未能保存意見")
    assert kept == "很好"
    assert not app.answerer("extractive").ask("怎样做好督查工作？").refused


def test_failed_upload_store_and_index_write_are_reported(
    real_index: Config, default_embedder: Embedder, tmp_path: Path
) -> None:
    from ragbot.ui import App

    shutil.copytree(real_index.index, tmp_path / "index")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "uploads").write_text("a file where the uploads folder should be", encoding="utf-8")
    config = Config(corpus=tmp_path / "corpus", index=tmp_path / "index")
    app = App(config, pipeline.Ragbot(config, embedder=default_embedder))
    src = tmp_path / "new.txt"
    src.write_text("在全县档案工作会议上的讲话\n档案工作要做到收集齐全。\n", encoding="utf-8")
    msg, _ = app.upload([str(src)])
    assert msg.startswith("new.txt：未能保存（")
    assert "\n" not in msg
    assert not app.answerer("extractive").ask("怎样做好督查工作？").refused


INDEX_FAILS = """
import resource, signal, sys
from pathlib import Path
from ragbot import pipeline
from ragbot.config import Config
from ragbot.ui import App
work = Path(sys.argv[1])
config = Config(corpus=work / "corpus", index=work / "index", data=work / "data")
app = App(config, pipeline.Ragbot(config))
app.bot.index, app.bot.embedder
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))  # the upload fits, the new index does not
msg, _ = app.upload([sys.argv[2]])
print(msg)
print("answer:", app.answerer("extractive").ask("怎样做好督查工作？").refused)
"""


def test_failed_index_write_during_an_upload_is_reported(real_index: Config, tmp_path: Path) -> None:
    import subprocess
    import sys

    work = make_workdir(real_index, tmp_path / "w")
    src = tmp_path / "new.txt"
    src.write_text("在全县档案工作会议上的讲话\n档案工作要做到收集齐全。\n", encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-c", INDEX_FAILS, str(work), str(src)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
    )
    assert r.returncode == 0, r.stderr[-2000:]
    msg, answer = r.stdout.strip().splitlines()
    assert msg.startswith("更新索引失败：无法写入新索引（文件超过大小限制），原索引未改动"), msg
    assert answer == "answer: False"  # still answering from the old index
    assert not (work / "corpus" / "uploads" / "new.txt").exists()  # the upload is not kept without its index


# ------------------------------------------------------------------ a real browser on two intranet names
class Hostile(BaseHTTPRequestHandler):
    page = b""

    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(Hostile.page)


STEAL = """async (app) => {
  const out = {};
  try { const r = await fetch(app + "/config", {credentials: "include"}); out.read = "read " + r.status; }
  catch (e) { out.read = "blocked"; }
  const fd = new FormData();
  fd.append("files", new Blob(["跨站上传"], {type: "text/plain"}), "stolen.txt");
  try { const r = await fetch(app + "/gradio_api/upload", {method: "POST", body: fd, credentials: "include"});
        out.upload = "status " + r.status + " " + (await r.text()); }
  catch (e) { out.upload = "blocked"; }
  return out;
}"""


def test_browser_hostile_intranet_page_cannot_read_or_upload_with_the_session(lan: Lan) -> None:
    from playwright.sync_api import expect

    Hostile.page = "<!doctype html><title>内网维基</title><p>普通页面</p>".encode()
    hostile = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    threading.Thread(target=hostile.serve_forever, daemon=True).start()
    evil_url = f"http://{NEIGHBOUR}:{hostile.server_address[1]}/"
    rules = f"MAP {HOST} 127.0.0.1, MAP {NEIGHBOUR} 127.0.0.1"
    try:
        with chromium(f"--host-resolver-rules={rules}") as browser:
            ctx = browser.new_context(locale="zh-CN")
            app_page = ctx.new_page()
            app_page.goto(lan.own + "/", wait_until="domcontentloaded")
            app_page.locator("input[type=text]").first.fill("office")
            app_page.locator("input[type=password]").fill("s3cret")
            app_page.locator("input[type=password]").press("Enter")
            expect(app_page.locator("#question")).to_be_visible(timeout=60000)
            own = app_page.evaluate(STEAL, lan.own)  # the app's own page: both work
            assert own["read"] == "read 200", own
            assert own["upload"].startswith("status 200"), own
            for f in (lan.work / "data" / "tmp").rglob("stolen.txt"):
                f.unlink()
            evil_page = ctx.new_page()
            evil_page.goto(evil_url, wait_until="domcontentloaded")
            out = evil_page.evaluate(STEAL, lan.own)
            assert out == {"read": "blocked", "upload": "blocked"}, out
            assert "stolen.txt" not in lan.temp_files()
            assert f"refused a POST /gradio_api/upload from {evil_url.rstrip('/')}" in lan.log.read_text(
                encoding="utf-8", errors="replace"
            )
            # a thumbs-up whose write fails (the feedback file is a folder) says so on the page
            app_page.locator("#question textarea").fill("怎样做好信息工作？")
            app_page.locator("#send").click()
            expect(app_page.locator("#chat .ragbot-answer")).to_have_count(1, timeout=60000)
            app_page.locator("#chat button[aria-label='赞']").last.click()  # Gradio's zh-CN label
            expect(app_page.locator("#feedback-msg")).to_contain_text("未能保存评价", timeout=15000)
            ctx.close()
    finally:
        hostile.shutdown()
