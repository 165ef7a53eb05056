"""Fuzzing with hypothesis: hostile files into ingestion, hostile questions into the real pipeline.

Every file must come out either ingested or skipped with a one-line reason (and never stop the
other files); every question must give a well-formed Answer or a one-line QueryError.
"""

from __future__ import annotations

import functools
import io
import os
import re
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ragbot import pipeline
from ragbot.answer import Answerer
from ragbot.config import Config
from ragbot.errors import NothingToIngest, QueryError
from ragbot.script import fold
from ragbot.types import Answer, Corpus

from .helpers import make_pdf

pytestmark = pytest.mark.slow  # SIGKILL trials, long fuzz runs, the model conversion or a load test

GOOD = "在全县办公室主任会议上的讲话\n同志们：\n办公室要做好督查工作，对领导批示件逐项督办，做到件件有着落。\n"
SCALE = int(os.environ.get("RAGBOT_FUZZ_SCALE", "1"))  # e.g. 20 for a long local fuzzing session
FUZZ = settings(max_examples=60 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EXTENSIONS = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "big5", "utf-16", "utf-16-le", "latin-1", "shift_jis")
CHARS = st.characters(codec="utf-8")  # any code point (controls, NUL, RTL marks, emoji, CJK, private use)


def ingest_one(name: str, data: bytes) -> None:
    """Ingest `data` as file `name` beside a good file: the good file always gets in, `name` is
    either ingested (speeches with non-empty chunks) or skipped with a one-line reason."""
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        (folder / name).write_bytes(data)
        (folder / "good.txt").write_text(GOOD, encoding="utf-8")
        corpus: Corpus = pipeline.ingest([folder], Config(max_file_mb=2))
        assert any(s.file == "good.txt" for s in corpus.speeches)
        [report] = [f for f in corpus.files if f.file == name]
        if report.skipped:
            assert "\n" not in report.skipped, report.skipped
            assert len(report.skipped) < 300, report.skipped
            assert not any(s.file == name for s in corpus.speeches)
        else:
            assert report.speeches >= 1
            assert report.chunks >= 1
            chunks = [c for c in corpus.chunks if c.file == name]
            assert len(chunks) == report.chunks
            assert all(c.text.strip() for c in chunks)


@FUZZ
@given(st.binary(max_size=4000), st.sampled_from(EXTENSIONS))
def test_random_bytes(data: bytes, ext: str) -> None:
    ingest_one("fuzz" + ext, data)


@FUZZ
@given(
    st.lists(st.tuples(st.text(CHARS, max_size=400), st.sampled_from(ENCODINGS)), min_size=1, max_size=4),
    st.sampled_from((".txt", ".md", ".html")),
)
def test_mixed_encodings_and_control_characters(parts: list[tuple[str, str]], ext: str) -> None:
    ingest_one("mixed" + ext, b"".join(t.encode(enc, errors="replace") for t, enc in parts))


@settings(max_examples=12 * SCALE, deadline=None)
@given(
    st.integers(20_000, 400_000),
    st.sampled_from(("办", "a", "\x00", "，", "\u202e", "😀", "\r")),
    st.sampled_from(("utf-8", "gb18030", "utf-16")),
)
def test_huge_lines_and_nul_bytes(length: int, char: str, encoding: str) -> None:
    body = (GOOD + char * length + "\n" + GOOD).encode(encoding, errors="replace")
    ingest_one("huge.txt", body)


@pytest.mark.filterwarnings("ignore:Duplicate name:UserWarning")  # duplicate members are part of the fuzz
@settings(max_examples=25 * SCALE, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(("word/document.xml", "[Content_Types].xml", "word/x.xml", "a")), st.binary(max_size=2000)
        ),
        max_size=3,
    ),
    st.integers(0, 3),
)
def test_docx_that_is_not_what_it_claims(members: list[tuple[str, bytes]], bomb: int) -> None:
    buf = io.BytesIO(zip_bomb("word/document.xml" if not members else "word/bomb.xml", bomb) if bomb else b"")
    with zipfile.ZipFile(buf, "a", compression=zipfile.ZIP_DEFLATED) as z:  # the members after the bomb
        for name, data in members:
            z.writestr(name, data)
    ingest_one("report.docx", buf.getvalue())


@functools.cache
def zip_bomb(name: str, size: int) -> bytes:
    """A zip of one member `name` that compresses ~1000:1 and expands to `size` x 80 MB. Made once per
    name and size: deflating it again for each example took most of the test's time (19 s in CI)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr(name, b"<w:t>" + b"\0" * (size * 80_000_000))
    return buf.getvalue()


@pytest.fixture(scope="module")
def real_pdf(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return make_pdf(tmp_path_factory.mktemp("pdf") / "a.pdf", ["办公室工作会议讲话", "要做好督查工作。"]).read_bytes()


@settings(max_examples=40 * SCALE, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_pdfs_that_fail_to_parse(real_pdf: bytes, data: st.DataObject) -> None:
    cut = data.draw(st.integers(0, len(real_pdf)))
    junk = data.draw(st.binary(max_size=300))
    at = data.draw(st.integers(0, len(real_pdf)))
    choice = data.draw(st.sampled_from(("truncated", "spliced", "header")))
    blob = {
        "truncated": real_pdf[:cut],
        "spliced": real_pdf[:at] + junk + real_pdf[at + len(junk) :],
        "header": b"%PDF-1.7\n" + junk,
    }[choice]
    ingest_one("scan.pdf", blob)


def test_a_folder_of_only_hostile_files_says_why_for_each(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4\n\x00\x01")
    (tmp_path / "b.docx").write_bytes(b"PK\x03\x04 not really")
    (tmp_path / "c.txt").write_bytes(b"\x00" * 100)
    with pytest.raises(NothingToIngest) as e:
        pipeline.ingest([tmp_path], Config())
    reports = {r.file: r.skipped for r in e.value.reports}  # type: ignore[attr-defined]
    assert set(reports) == {"a.pdf", "b.docx", "c.txt"}
    assert all(reports.values())
    assert "\n" not in str(e.value)


# ---------------------------------------------------------------- questions
_MARK = re.compile(r"\[(\d+)\]")


def well_formed(a: Answer) -> None:
    assert isinstance(a, Answer)
    assert isinstance(a.text, str)
    assert a.text.strip()
    a.text.encode("utf-8")  # no lone surrogates
    assert a.script in ("simplified", "traditional")
    assert isinstance(a.refused, bool)
    assert [c.n for c in a.citations] == list(range(1, len(a.citations) + 1))
    assert {int(n) for n in _MARK.findall(a.text)} <= {c.n for c in a.citations}
    assert all(c.text.strip() and c.file for c in a.citations)
    assert all(i < len(a.sentences) for c in a.citations for i in c.sentences)
    if a.refused:
        assert not a.citations


def ask_or_refuse(answerer: Answerer, question: str) -> None:
    if not re.search(r"[\w\u4e00-\u9fff]", " ".join(question.split())):  # nothing to search: the one-line message
        with pytest.raises(QueryError) as e:
            answerer.ask(question)
        assert str(e.value)
        assert "\n" not in str(e.value)
        return
    a = answerer.ask(question)
    well_formed(a)
    if len(" ".join(question.split())) > 500:
        assert "超过 500 字的上限" in fold(a.notice)


@pytest.fixture(scope="module")
def answerer(real_bot: pipeline.Ragbot) -> Answerer:
    return Answerer(real_bot)


@settings(max_examples=150 * SCALE, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(CHARS, max_size=600))
@example("办" * 100_000)
@example("辦公室主任的職責是什麼？" * 9000)  # 100k characters, Traditional
@example("ما هي مهام مدير المكتب؟ \u202e办公室主任做什么\u202c")  # right-to-left text and an override mark
@example("👩‍💼🏢📄❓ 办公室 😀")
@example("？！。，、；：“”‘’（）《》——……")
@example("\x00\x01\x02\x1b[31m办公室\x7f")
@example("\u200b\u200d\ufeff")
@example("<script>alert(1)</script>")
@example("办公室\ud800主任\udfff做什么")  # lone surrogates, as a JSON escape can deliver them
@example("")
def test_hostile_questions(answerer: Answerer, question: str) -> None:
    ask_or_refuse(answerer, question)
