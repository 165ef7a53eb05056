"""The served app's front door: one ASGI middleware that every request passes before Gradio (or any
later route) sees it.

- **Host**: served on a loopback address, only loopback host names are answered (a DNS-rebinding
  page on another name gets 403), plus the hosts of `allowed_origins`.
- **Origin**: a state-changing request (POST, PUT, PATCH, DELETE, a websocket) whose `Origin` (or,
  without one, `Referer`) is neither this server's own nor in `allowed_origins` is refused with 403
  before it reaches a handler. A request with neither header is not a browser's cross-site request
  (browsers always send `Origin` on a cross-origin POST) and passes: scripts have no user's cookie.
- **Login** (with --auth): every route but the login page needs the session cookie; Gradio guards
  its own API and file routes, this closes the rest (cancel, reset, heartbeat, whatever a later
  Gradio adds) without relying on each route to remember.
- **Throttling**: after `LOGIN_FAILURES` wrong passwords within `LOGIN_WINDOW` seconds, that client
  address gets 429 until its oldest failure leaves the window; each failure is logged with the
  address (never the password). Behind a reverse proxy on this machine uvicorn takes the address
  from `X-Forwarded-For` (it trusts 127.0.0.1 only; `FORWARDED_ALLOW_IPS` widens that).
- **Cookie**: every cookie set is rewritten to `SameSite=<cookie_samesite>` (Lax by default, not
  Gradio's None), `HttpOnly`, and `Secure` exactly when the request came over HTTPS.
- **Upload size**: an upload without a Content-Length or longer than the batch cap is refused with
  413 before its body is read (Gradio then also stops each file at `max_file_mb` while streaming).
- **API token** (`RAGBOT_API_TOKEN`): the HTTP API (/api/…, /v1/…; not its docs page) then needs
  `Authorization: Bearer <token>` or, with --auth, the login cookie. A request with the right token
  is not cookie-based, so it passes the origin and login checks (browsers still need CORS, i.e.
  `allowed_origins`); a wrong token gets 401. The token is compared in constant time, never logged.
  Without a token set, an Authorization header changes nothing (chat clients always send some key).

Refusals are JSON `{"detail": …}` in Chinese, Traditional when the browser asks for zh-TW/HK/Hant;
under /api/ with an English `error` line beside it, under /v1/ in OpenAI's `{"error": {"message"}}`.
What it does not do: CORS headers (serve.py gives them to `allowed_origins` only, through
Starlette's CORSMiddleware), check passwords (Gradio does) or give per-user rights.
"""

from __future__ import annotations

import hmac
import json
import sys
import threading
import time
import urllib.parse
from collections import deque
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any, Literal

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
Refusal = tuple[int, str, str, dict[str, str]]  # status, the Chinese message, the English one, extra headers

LOGIN_FAILURES = 5  # wrong passwords from one address within the window before it must wait
LOGIN_WINDOW = 60.0  # seconds
LOGIN_PATHS = ("/login", "/login/", "/gradio_api/login", "/gradio_api/login/")
UPLOAD_PATHS = ("/gradio_api/upload", "/gradio_api/upload/", "/upload", "/upload/")
UPLOAD_BATCH_FILES = 20  # an upload request may carry this many files of max_file_mb each, at most
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")

# Without a login, only the page shell and what the login form itself needs may be fetched.
OPEN_PATHS = (
    "/",
    "/login",
    "/login/",
    "/gradio_api/login",
    "/gradio_api/login/",
    "/logout",
    "/gradio_api/logout",
    "/theme.css",
    "/gradio_api/theme.css",
    "/favicon.ico",
    "/manifest.json",
    "/robots.txt",
    "/gradio_api/startup-events",
)
OPEN_PREFIXES = ("/assets/", "/static/", "/gradio_api/assets/", "/gradio_api/static/", "/svelte/")
API_PREFIXES = ("/api/", "/v1/")  # the HTTP API (api.py, openai_api.py), where a bearer token may be used
DOCS_PATHS = ("/api/docs", "/api/openapi.json")  # its documentation: no data, so no token (--auth still applies)


def origin_of(url: str) -> str | None:
    """`scheme://host[:port]` of a URL, lower-cased, default ports dropped; None when it has none.

    >>> origin_of("https://Portal.Example.org:443/page?q=1"), origin_of("http://10.0.0.5:7860"), origin_of("null")
    ('https://portal.example.org', 'http://10.0.0.5:7860', None)
    """
    try:
        parts = urllib.parse.urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    default = 443 if parts.scheme == "https" else 80
    return f"{parts.scheme}://{host}" + (f":{port}" if port not in (None, default) else "")


def host_of(netloc: str) -> tuple[str, str]:
    """(host name, port or '') of a Host header, lower-cased; ports 80 and 443 count as none.

    >>> host_of("Ragbot.LAN:7860"), host_of("[::1]:7860"), host_of("example.org:443")
    (('ragbot.lan', '7860'), ('::1', '7860'), ('example.org', ''))
    """
    netloc = netloc.strip().lower()
    if netloc.startswith("["):
        name, _, rest = netloc[1:].partition("]")
        port = rest.removeprefix(":")
    else:
        name, _, port = netloc.partition(":")
    return name, "" if port in ("80", "443") else port


class LoginThrottle:
    """Failed logins per client address in a sliding window (thread-safe, bounded memory).

    >>> t = LoginThrottle(failures=2, window=60)
    >>> t.failed("10.0.0.9", now=0.0), t.failed("10.0.0.9", now=1.0), t.wait("10.0.0.9", now=30.0)
    (1, 2, 30.0)
    >>> t.wait("10.0.0.8", now=30.0), t.wait("10.0.0.9", now=61.0)
    (0.0, 0.0)
    """

    def __init__(self, failures: int = LOGIN_FAILURES, window: float = LOGIN_WINDOW, max_addresses: int = 10_000):
        self.failures, self.window, self.max_addresses = failures, window, max_addresses
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, address: str, now: float) -> deque[float]:
        times = self._seen.get(address, deque())
        while times and now - times[0] >= self.window:
            times.popleft()
        return times

    def wait(self, address: str, now: float | None = None) -> float:
        """Seconds this address must wait before it may try again (0: it may try now)."""
        now = time.monotonic() if now is None else now
        with self._lock:
            times = self._recent(address, now)
            return max(0.0, times[0] + self.window - now) if len(times) >= self.failures else 0.0

    def failed(self, address: str, now: float | None = None) -> int:
        """Record a wrong password; the number of failures in the window, this one included."""
        now = time.monotonic() if now is None else now
        with self._lock:
            times = self._recent(address, now)
            times.append(now)
            self._seen[address] = times
            if len(self._seen) > self.max_addresses:  # forget the address idle the longest
                oldest = min(self._seen, key=lambda a: self._seen[a][-1] if self._seen[a] else 0.0)
                del self._seen[oldest]
            return len(times)

    def succeeded(self, address: str) -> None:
        with self._lock:
            self._seen.pop(address, None)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return str(value.decode("latin-1"))
    return None


def prefers_traditional(accept_language: str) -> bool:
    """Whether an Accept-Language header's first Chinese tag is Traditional (zh-TW, zh-HK, zh-MO, zh-Hant).

    >>> prefers_traditional("zh-TW,zh;q=0.9"), prefers_traditional("zh-CN,zh-TW;q=0.5"), prefers_traditional("en")
    (True, False, False)
    """
    for part in accept_language.lower().split(","):
        tag = part.split(";")[0].strip()
        if tag.startswith("zh"):
            return tag.startswith(("zh-tw", "zh-hk", "zh-mo", "zh-hant"))
    return False


def _traditional(scope: Scope) -> bool:
    return prefers_traditional(_header(scope, b"accept-language") or "")


def bearer(scope: Scope) -> str | None:
    """The token of an `Authorization: Bearer …` header, if the request has one."""
    value = _header(scope, b"authorization")
    if value is None:
        return None
    kind, _, token = value.strip().partition(" ")
    return token.strip() if kind.lower() == "bearer" else None


def rewrite_cookie(header: str, samesite: str, secure: bool) -> str:
    """A Set-Cookie value with its SameSite and Secure attributes replaced and HttpOnly added.

    >>> rewrite_cookie("access-token-x=abc; HttpOnly; Path=/; SameSite=none; Secure", "lax", False)
    'access-token-x=abc; HttpOnly; Path=/; SameSite=Lax'
    """
    keep = [p.strip() for p in header.split(";") if p.strip()]
    attrs = [p for p in keep[1:] if p.split("=", 1)[0].strip().lower() not in ("samesite", "secure")]
    if not any(p.lower() == "httponly" for p in attrs):
        attrs.append("HttpOnly")
    attrs.append(f"SameSite={samesite.capitalize()}")
    if secure or samesite == "none":  # browsers drop SameSite=None without Secure
        attrs.append("Secure")
    return "; ".join([keep[0], *attrs])


class Guard:
    """The middleware; see the module docstring. `auth_app()` returns Gradio's app when --auth is on."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        auth_app: Callable[[], Any] | None = None,
        allowed_origins: Iterable[str] = (),
        loopback_only: bool = False,
        cookie_samesite: str = "lax",
        upload_cap: int | None = None,
        throttle: LoginThrottle | None = None,
        log: Callable[[str], None] | None = None,
        api_token: str | None = None,
    ) -> None:
        self.app = app
        self.api_token = api_token
        self.auth_app = auth_app
        self.allowed = {o for o in (origin_of(x) for x in allowed_origins) if o}
        self.allowed_hosts = {host_of(urllib.parse.urlsplit(o).netloc)[0] for o in self.allowed}
        self.loopback_only = loopback_only
        self.samesite = cookie_samesite
        self.upload_cap = upload_cap
        self.throttle = throttle or LoginThrottle()
        self.log = log or (lambda line: print(f"ragbot: {line}", file=sys.stderr, flush=True))

    async def _refuse(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        status: int,
        message: str,
        english: str = "",
        headers: dict[str, str] | None = None,
    ) -> None:
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        from .script import to_traditional

        text = to_traditional(message) if _traditional(scope) else message
        path = scope.get("path", "")
        reply: dict[str, Any] = {"detail": text}  # the pages' shape
        if path.startswith("/v1/"):  # OpenAI's, so chat clients show the message
            reply = {"error": {"message": text, "type": "invalid_request_error", "code": status}}
        elif path.startswith("/api/"):  # the API's: the Chinese line and the CLI-style English one
            reply = {"detail": text, "error": english}
        body = json.dumps(reply, ensure_ascii=False).encode("utf-8")
        extra = [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"application/json; charset=utf-8"),
                    (b"content-length", str(len(body)).encode()),
                    *extra,
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    def same_origin(self, scope: Scope, origin: str) -> bool:
        """Whether `origin` names this server as the request reached it (Host, or X-Forwarded-Host)."""
        name, port = host_of(urllib.parse.urlsplit(origin).netloc)
        for netloc in (_header(scope, b"host"), (_header(scope, b"x-forwarded-host") or "").split(",")[0]):
            if netloc and host_of(netloc) == (name, port):
                return True
        return False

    def foreign(self, scope: Scope) -> str | None:
        """The foreign origin a state-changing request comes from, or None when it may go on."""
        raw = _header(scope, b"origin")
        if raw is None:
            referer = _header(scope, b"referer")
            if referer is None:
                return None
            raw = referer
        origin = origin_of(raw)
        if origin is None:  # "null" (a sandboxed frame, a file:// page) or garbage
            return raw.strip()[:100] or "null"
        if origin in self.allowed or self.same_origin(scope, origin):
            return None
        return origin

    def logged_in(self, scope: Scope, server: Any) -> bool:
        from starlette.requests import HTTPConnection

        cookies = HTTPConnection(scope).cookies
        token = cookies.get(f"access-token-{server.cookie_id}") or cookies.get(
            f"access-token-unsecure-{server.cookie_id}"
        )
        return bool(token and token in server.tokens)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        verdict = self.verdict(scope)
        if verdict == "login":
            await self._login(scope, receive, send)
        elif isinstance(verdict, tuple):
            await self._refuse(scope, receive, send, *verdict)
        else:
            await self.app(scope, receive, self._outgoing(scope, send))

    def verdict(self, scope: Scope) -> Refusal | Literal["login"] | None:
        """What becomes of a request: a refusal (status, message, headers), "login" (a login attempt,
        throttled), or None (it goes on). The checks run in the order the module docstring lists."""
        path, method = scope.get("path", ""), scope.get("method", "GET")
        if self.loopback_only:
            name, _ = host_of(_header(scope, b"host") or "localhost")
            if name not in LOOPBACK_NAMES and name not in self.allowed_hosts:
                return 403, "本服务只接受本机地址（localhost）的访问", "this server answers to localhost only", {}
        api = (path.startswith(API_PREFIXES) or path in ("/api", "/v1")) and not path.startswith(DOCS_PATHS)
        token = self.token(scope) if api else None
        if token is not None:
            return None if token else (401, "API 令牌不正确", "wrong API token", {"WWW-Authenticate": "Bearer"})
        if scope["type"] == "websocket" or method not in SAFE_METHODS:
            origin = self.foreign(scope)
            if origin is not None:
                self.log(f"refused a {method if scope['type'] == 'http' else 'websocket'} {path} from {origin}")
                return 403, "拒绝跨站请求：请在本服务自己的页面上操作", f"cross-site request from {origin} refused", {}
        server = self.auth_app() if self.auth_app else None
        if server is not None and getattr(server, "auth", None) is not None:
            if path in LOGIN_PATHS and method == "POST":
                return "login"
            if not (path in OPEN_PATHS or path.startswith(OPEN_PREFIXES) or self.logged_in(scope, server)):
                return 401, "请先登录", "log in first (or send the API token)", {}
        elif api and self.api_token and method != "OPTIONS":  # no login to stand in for the token
            return (
                401,
                "请在 Authorization 头中提供 API 令牌（Bearer）",
                "send the API token: Authorization: Bearer <RAGBOT_API_TOKEN>",
                {"WWW-Authenticate": "Bearer"},
            )
        if self.upload_cap is not None and method == "POST" and path in UPLOAD_PATHS:
            length = _header(scope, b"content-length")
            if length is None or not length.isdigit() or int(length) > self.upload_cap:
                mb = self.upload_cap / 1_000_000
                return (
                    413 if length else 411,
                    f"上传内容过大或未注明大小：一次最多 {mb:g} MB",
                    f"upload over {mb:g} MB",
                    {},
                )
        return None

    def token(self, scope: Scope) -> bool | None:
        """For an API request: whether its bearer token is the API token (None: no token is set, or
        the request carries none)."""
        given = bearer(scope)
        if not self.api_token or given is None:
            return None
        if hmac.compare_digest(given.encode(), self.api_token.encode()):
            return True
        self.log(f"refused a {scope.get('method', 'GET')} {scope.get('path', '')}: wrong API token")
        return False

    def _outgoing(self, scope: Scope, send: Send) -> Send:
        """`send`, with every Set-Cookie of the response rewritten (see `rewrite_cookie`), and no
        Access-Control-Allow-Credentials where no origin is allowed (CORSMiddleware adds it to refusals)."""
        secure = scope.get("scheme") in ("https", "wss")

        async def wrapped(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, rewrite_cookie(v.decode("latin-1"), self.samesite, secure).encode("latin-1"))
                    if k.lower() == b"set-cookie"
                    else (k, v)
                    for k, v in message.get("headers", ())
                ]
                if not any(k.lower() == b"access-control-allow-origin" for k, _ in headers):
                    headers = [(k, v) for k, v in headers if k.lower() != b"access-control-allow-credentials"]
                message["headers"] = headers
            await send(message)

        return wrapped

    async def _login(self, scope: Scope, receive: Receive, send: Send) -> None:
        address = (scope.get("client") or ("unknown", 0))[0]
        wait = self.throttle.wait(address)
        if wait > 0:
            self.log(f"login from {address} refused: too many wrong passwords (wait {wait:.0f} s)")
            await self._refuse(
                scope,
                receive,
                send,
                429,
                f"密码错误次数过多，请 {wait:.0f} 秒后再试",
                f"too many wrong passwords; try again in {wait:.0f} s",
                {"Retry-After": str(int(wait) + 1)},
            )
            return
        status: list[int] = []
        inner = self._outgoing(scope, send)

        async def watch(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                status.append(int(message["status"]))
            await inner(message)

        await self.app(scope, receive, watch)
        if status and status[0] == 200:
            self.throttle.succeeded(address)
        elif status and status[0] in (400, 401, 403):
            n = self.throttle.failed(address)
            self.log(f"wrong password from {address} ({n} in the last {self.throttle.window:.0f} s)")
