"""Code the tests share: paths, a fake embedder that makes relevance predictable, makers of real
files and work folders, and sample texts. Fixtures live in conftest.py; real components have tests
of their own (the fakes never stand in for them there)."""

from __future__ import annotations

import contextlib
import os
import shutil
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pytest
from playwright.sync_api import Browser, Page

from ragbot import pipeline
from ragbot.answer import Answerer
from ragbot.config import Config
from ragbot.script import fold
from ragbot.types import Answer

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
CHROMIUM = "/usr/bin/chromium"  # Debian's build (.ci/run installs it); Playwright downloads no browser

ENGLISH = [
    "how much protein per day",
    "The office director coordinates meetings, documents and supervision.",
    "A short sentence.",
    "Supervision and follow-up make decisions real.",
    "What should a new office worker learn first?",
    "Mixed 中英 text with numbers 2010 and symbols #1!",
]

KEYWORDS = ("督查", "信息", "文稿", "会议", "接待", "保密", "学习", "落实", "服务", "协调")


class KeywordEmbedder:
    """One dimension per keyword (counted in the folded text) plus a constant one, normalised."""

    name = "fake-keywords"
    fingerprint = "fake-keywords-1"

    def __init__(self, keywords: Sequence[str] = KEYWORDS) -> None:
        self.keywords = tuple(keywords)
        self.dim = len(self.keywords) + 1
        self.documents_embedded = 0
        self.queries_embedded = 0

    def _vec(self, text: str) -> np.ndarray:
        t = fold(text)
        v = np.array([t.count(k) for k in self.keywords] + [0.1], dtype=np.float32)
        return v / np.linalg.norm(v)

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        self.documents_embedded += len(texts)
        return np.stack([self._vec(t) for t in texts]) if texts else np.zeros((0, self.dim), np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        self.queries_embedded += 1
        return self._vec(text)


class PoolingKeywordEmbedder(KeywordEmbedder):
    """KeywordEmbedder that also pools spans from their text's pass: a span's vector carries its
    text's context (half its text's vector), as late chunking's does; counts the passes."""

    name = "fake-pooling"
    fingerprint = "fake-pooling-1"

    def __init__(self, keywords: Sequence[str] = KEYWORDS) -> None:
        super().__init__(keywords)
        self.passes = 0
        self.tokens_embedded = 0  # one "token" per character read, as the real model counts its own

    def pooled_vector(self, text: str, start: int, end: int) -> np.ndarray:
        v = self._vec(text[start:end]) + 0.5 * self._vec(text)
        return v / np.linalg.norm(v)

    def embed_pooled(self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]]) -> list[np.ndarray]:
        self.passes += len(texts)
        self.tokens_embedded += sum(map(len, texts))
        return [
            np.stack([self._vec(t)] + [self.pooled_vector(t, a, b) if b > a else np.zeros(self.dim) for a, b in s])
            for t, s in zip(texts, spans)
        ]


def make_workdir(real_index: Config, work: Path) -> Path:
    """`work` with a copy of the corpus and of the session's real index, so a server may change both."""
    shutil.copytree(CORPUS, work / "corpus")
    shutil.copytree(real_index.index, work / "index")
    return work


def make_docx(path: Path, paragraphs: list[str]) -> Path:
    import docx

    doc = docx.Document()
    for p in paragraphs:
        doc.add_paragraph(p)
    doc.save(str(path))
    return path


def make_pdf(path: Path, lines: list[str]) -> Path:
    """A real PDF whose text layer holds `lines` (Type0 font, Identity-H, ToUnicode = code points).

    Nothing is embedded, so it may not render, but its text extracts like that of any PDF made
    by a word processor. Only BMP characters.
    """
    ops = ["BT", "/F1 14 Tf", "16 TL", "50 780 Td"]
    for line in lines:
        ops.append("<" + "".join(f"{ord(c):04X}" for c in line) + "> Tj T*")
    ops.append("ET")
    content = zlib.compress("\n".join(ops).encode("ascii"))
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        "1 beginbfrange <0000> <FFFF> <0000> endbfrange\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def need(present: bool, what: str, package: str, installer: str = "apt-get install") -> None:
    """Go on only where `what` is installed: a skip on a developer's machine, a failure in CI (.ci/run
    installs `package` with apt, and `make test` the pip extras, so a missing one there is a broken CI,
    never a silent skip)."""
    if present:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what}: not installed, though CI installs it ({installer} {package})")
    pytest.skip(f"{what}: not installed here ({installer} {package}); CI installs it and runs this test")


@contextlib.contextmanager
def chromium(*args: str) -> Iterator[Browser]:
    """Debian's headless Chromium through Playwright, with nothing reaching beyond this machine
    (no background networking); `args` add switches. Skips the test where chromium is missing, and
    fails it in CI, which installs it."""
    need(Path(CHROMIUM).exists(), "Debian's chromium", "chromium fonts-wqy-microhei")
    from playwright.sync_api import sync_playwright

    quiet = ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu", *quiet, *args]
        )
        try:
            yield browser
        finally:
            browser.close()


@contextlib.contextmanager
def local_page(browser: Browser, url: str, **context: object) -> Iterator[Page]:
    """A page of `url` in a fresh browser context (`context`: locale, viewport, permissions…) that
    fails the test if any request leaves 127.0.0.1."""
    ctx = browser.new_context(**{"viewport": {"width": 1280, "height": 1000}, **context})  # type: ignore[arg-type]
    pg = ctx.new_page()
    outside: list[str] = []
    pg.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None,
    )
    pg.goto(url, wait_until="domcontentloaded")
    yield pg
    assert outside == [], f"requests left 127.0.0.1: {outside[:5]}"
    ctx.close()


def assert_leads(bot: pipeline.Ragbot, questions: Sequence[str], first: str, *also: str) -> list[Answer]:
    """Ask each question afresh: its answer's first sentence holds `first` and its text each of `also`
    (all folded to Simplified); the answers, for what a test checks besides."""
    answers = []
    for q in questions:
        a = Answerer(bot).ask(q)
        assert first in fold(a.sentences[0].text), (q, a.text)
        assert all(key in fold(a.text) for key in also), (q, a.text)
        answers.append(a)
    return answers
