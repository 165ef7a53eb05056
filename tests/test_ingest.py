"""Reading: encodings, formats, speech splitting and titles, and every kind of bad input."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from ragbot import pipeline
from ragbot.config import Config
from ragbot.errors import NothingToIngest, SkipFile
from ragbot.ingest import Source, decode, find_title, load_speeches, read_text, split_speeches
from ragbot.types import Corpus

from .helpers import CORPUS, make_docx, make_pdf

SIMPLIFIED = (
    "在全市民政系统办公室主任会议上的讲话\n\n同志们:\n\n办公室担负上情下达、下情上报、对外联络和后勤服务等繁重工作。"
)
TRADITIONAL = (
    "教育系統辦公室主任會議講話 篇1\n同志們:\n這次會議,是按照省委高校工委、省教育廳年度會議計畫的統一安排部署召開的。"
)
MB = 1_000_000


def ingest(*paths: Path | str) -> Corpus:
    return pipeline.ingest(paths, Config())


# ------------------------------------------------------------------ encodings
@pytest.mark.parametrize(
    ("encoding", "bom", "expected", "text"),
    [
        ("utf-8", b"", "utf-8", SIMPLIFIED),
        ("utf-8", b"", "utf-8", TRADITIONAL),
        ("utf-8", b"\xef\xbb\xbf", "utf-8-sig", SIMPLIFIED),
        ("utf-16-le", b"\xff\xfe", "utf-16", SIMPLIFIED),
        ("utf-16-be", b"\xfe\xff", "utf-16", TRADITIONAL),
        ("gb18030", b"", "gb18030", SIMPLIFIED),
        ("gb18030", b"", "gb18030", TRADITIONAL),
        ("gbk", b"", "gb18030", SIMPLIFIED),
        ("big5", b"", "big5", TRADITIONAL),  # Big5 holds Traditional characters only
    ],
)
def test_encodings_are_detected_and_recorded(tmp_path: Path, encoding: str, bom: bytes, expected: str, text: str):
    path = tmp_path / "speech.txt"
    path.write_bytes(bom + text.encode(encoding))
    [speech] = load_speeches(Source(path, path.name), 10 * MB)
    assert speech.encoding == expected
    assert speech.text == text.strip()


def test_short_big5_and_gbk_texts_are_told_apart() -> None:
    assert decode("辦公室主任".encode("big5")) == ("辦公室主任", "big5")
    assert decode("办公室主任".encode("gbk"))[0] == "办公室主任"


def test_real_corpus_file_in_big5_reads_the_same(tmp_path: Path) -> None:
    text = (CORPUS / "000_fc7b01b31694c23c.txt").read_text(encoding="utf-8")
    # the few characters Big5 cannot hold would be lost in any Big5 file; compare what it can hold
    holdable = text.encode("big5", errors="ignore").decode("big5")
    (tmp_path / "000.txt").write_bytes(holdable.encode("big5"))
    corpus = ingest(tmp_path)
    assert len(corpus.speeches) == 12
    assert corpus.files[0].encoding == "big5"


# ------------------------------------------------------------------ formats
def test_docx_is_read(tmp_path: Path) -> None:
    make_docx(
        tmp_path / "a.docx", ["在全市民政系统办公室主任会议上的讲话", "同志们:", "一、提高认识", "办公室担负上情下达。"]
    )
    [speech] = ingest(tmp_path).speeches
    assert speech.title == "在全市民政系统办公室主任会议上的讲话"
    assert "办公室担负上情下达。" in speech.text
    assert speech.encoding == "docx"


def test_pdf_is_read(tmp_path: Path) -> None:
    make_pdf(tmp_path / "a.pdf", ["在全市民政系統辦公室主任會議上的講話", "同志們：辦公室擔負上情下達、下情上報。"])
    [speech] = ingest(tmp_path).speeches
    assert speech.title == "在全市民政系統辦公室主任會議上的講話"
    assert speech.script == "traditional"
    assert speech.encoding == "pdf"


def test_html_keeps_visible_text_only(tmp_path: Path) -> None:
    html = (
        '<html><head><meta charset="gb18030"><title>页面标题</title><style>p{color:red}</style></head>'
        "<body><h1>在全市民政系统办公室主任会议上的讲话</h1><script>alert('x')</script>"
        "<p>同志们:</p><p>办公室担负上情下达、下情上报。</p></body></html>"
    )
    (tmp_path / "a.html").write_bytes(html.encode("gb18030"))
    [speech] = ingest(tmp_path).speeches
    assert speech.title == "在全市民政系统办公室主任会议上的讲话"
    assert "alert" not in speech.text
    assert "color" not in speech.text
    assert "页面标题" not in speech.text
    assert "办公室担负上情下达、下情上报。" in speech.text


def test_markdown_title_loses_its_hashes(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "# 在全市民政系统办公室主任会议上的讲话\n\n同志们:\n\n办公室工作很重要。", encoding="utf-8"
    )
    [speech] = ingest(tmp_path).speeches
    assert speech.title == "在全市民政系统办公室主任会议上的讲话"


# ------------------------------------------------------------------ speeches and titles
def test_seed_corpus_holds_16_speeches(seed_corpus) -> None:
    assert len(seed_corpus.speeches) == 16
    multi = [s for s in seed_corpus.speeches if s.file == "000_fc7b01b31694c23c.txt"]
    assert [s.speech for s in multi] == list(range(1, 13))
    assert all(s.title == f"教育系統辦公室主任會議講話 篇{s.speech}" for s in multi)
    assert all(s.script == "traditional" for s in multi)


def test_seed_corpus_titles_and_scripts(seed_corpus) -> None:
    singles = {s.file: s for s in seed_corpus.speeches if not s.file.startswith("000")}
    assert singles["004_92e2d7aa31a4f474.txt"].title == "在全市民政系统办公室主任会议上的讲话"
    assert singles["001_fd749822ffebb83b.txt"].title == "在党政办公室业务工作培训会上的开班讲话"
    assert (
        singles["003_8c6fb7f0a0f8db51.txt"].title == "在全市政府系统办公室主任会议上的讲话稿:研究改进作风和抓落实问题"
    )
    assert singles["002_c15c06141e4cbd25.txt"].title.startswith("经县政府主要领导同意")
    assert all(s.script == "simplified" and s.speech == 1 for s in singles.values())
    assert singles["004_92e2d7aa31a4f474.txt"].gaps  # the paywall left a gap


def test_speech_offsets_cover_the_file_in_order(seed_corpus, originals) -> None:
    multi = [s for s in seed_corpus.speeches if s.file == "000_fc7b01b31694c23c.txt"]
    text = originals["000_fc7b01b31694c23c.txt"]
    for a, b in zip(multi, multi[1:]):
        assert a.end <= b.start
        assert text[b.start :].startswith(f"教育系統辦公室主任會議講話 篇{b.speech}")
    assert text[multi[0].start : multi[0].end].strip() == multi[0].text


def test_split_needs_two_headings_and_keeps_the_preamble() -> None:
    assert split_speeches("只有一篇 篇1\n正文。") == [(0, len("只有一篇 篇1\n正文。"), 1, None)]
    text = "前言。\n讲话 篇1\n甲。\n讲话 篇2\n乙。"
    parts = split_speeches(text)
    assert [p[2] for p in parts] == [1, 2]
    assert parts[0][0] == 0


def test_title_falls_back_to_a_shortened_first_line() -> None:
    line = (
        "经县政府主要领导同意,定于今天召开全县政府系统办公室工作会议,主要任务是总结回顾过去一年全县政府系统办公室工作。"
    )
    assert find_title(line) == "经县政府主要领导同意,定于今天召开全县政府系统办公室工作会议…"
    assert find_title("同志们:\n办公室工作。") == "办公室工作"


# ------------------------------------------------------------------ bad input: skipped with a reason, others go on
def reason(tmp_path: Path, name: str, data: bytes) -> str:
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text(SIMPLIFIED, encoding="utf-8")
    corpus = ingest(tmp_path)
    assert [s.file for s in corpus.speeches] == ["good.txt"]  # the good file is still ingested
    [bad] = [f for f in corpus.files if f.file == name]
    assert bad.skipped
    assert "\n" not in bad.skipped
    return bad.skipped


def test_empty_file(tmp_path: Path) -> None:
    assert reason(tmp_path, "empty.txt", b"") == "empty file"
    assert reason(tmp_path, "blank.txt", b" \n\r\n ") == "empty file"


def test_binary_file_named_txt(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    assert reason(tmp_path, "image.txt", png).startswith("a PNG image, not a document")


def test_undecodable_bytes(tmp_path: Path) -> None:
    junk = bytes([0x80, 0xFF, 0x81, 0x01, 0x02, 0x03, 0xFE, 0x1B, 0x7F, 0x05] * 50)
    why = reason(tmp_path, "junk.txt", junk)
    assert "binary" in why or "cannot decode" in why


def test_bad_bom(tmp_path: Path) -> None:
    assert "byte-order mark" in reason(tmp_path, "bom.txt", b"\xef\xbb\xbf\xff\xfe\xfa")


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(50 * MB)  # a 50 MB file, without writing 50 MB
    (tmp_path / "good.txt").write_text(SIMPLIFIED, encoding="utf-8")
    corpus = ingest(tmp_path)
    [bad] = [f for f in corpus.files if f.file == "big.txt"]
    assert bad.skipped == "file is 50.0 MB, over the 20 MB limit (raise it with --max-file-mb)"
    assert [s.file for s in corpus.speeches] == ["good.txt"]


def test_folder_with_no_supported_files(tmp_path: Path) -> None:
    (tmp_path / "notes.xlsx").write_bytes(b"PK\x03\x04")
    with pytest.raises(NothingToIngest) as e:
        ingest(tmp_path)
    assert "nothing could be ingested" in str(e.value)
    reasons = {f.file: f.skipped for f in e.value.reports}  # type: ignore[attr-defined]
    assert "unsupported file type '.xlsx'" in reasons["notes.xlsx"]
    assert "folder has no supported files" in reasons[tmp_path.as_posix() + "/"]


def test_unreadable_file_broken_link(tmp_path: Path) -> None:
    os.symlink(tmp_path / "gone.txt", tmp_path / "link.txt")
    (tmp_path / "good.txt").write_text(SIMPLIFIED, encoding="utf-8")
    corpus = ingest(tmp_path)
    assert [s.file for s in corpus.speeches] == ["good.txt"]
    [bad] = [f for f in corpus.files if f.file == "link.txt"]
    assert bad.skipped == "cannot read: No such file or directory"


def test_links_out_of_the_folder_are_not_followed(tmp_path: Path) -> None:
    corpus, outside = tmp_path / "corpus", tmp_path / "private"
    (corpus / "uploads").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.txt").write_text("内部绝密通知\n\n本单位的门禁密码是四六八二。\n", encoding="utf-8")
    (corpus / "good.txt").write_text(SIMPLIFIED, encoding="utf-8")
    os.symlink(outside / "secret.txt", corpus / "uploads" / "leak.txt")
    os.symlink(Path("..") / ".." / "private" / "secret.txt", corpus / "uploads" / "relative.txt")  # relative, still out
    os.symlink(outside, corpus / "uploads" / "folder")
    os.symlink(corpus / "good.txt", corpus / "uploads" / "alias.txt")  # a link that stays inside is read
    result = ingest(corpus)
    assert sorted(s.file for s in result.speeches) == ["good.txt", "uploads/alias.txt"]
    reasons = {f.file: f.skipped for f in result.files if f.skipped}
    assert reasons == {
        "uploads/leak.txt": "a link to a file outside the folder; not read (copy the file in instead)",
        "uploads/relative.txt": "a link to a file outside the folder; not read (copy the file in instead)",
        "uploads/folder/": "a link to a folder; not followed (copy the files in instead)",
    }
    assert not any("门禁" in s.text for s in result.speeches)


def test_unreadable_file_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # tests run as root here, so chmod cannot make a file unreadable: make the read itself fail
    target = tmp_path / "locked.txt"
    target.write_text(SIMPLIFIED, encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert reason(tmp_path, "locked.txt", SIMPLIFIED.encode()) == "cannot read: Permission denied"


def test_pipe_is_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(SkipFile, match="not a regular file"):
        read_text(tmp_path / "pipe.txt", 10 * MB)


def test_corrupt_docx(tmp_path: Path) -> None:
    assert reason(tmp_path, "broken.docx", b"PK\x03\x04 this is not a zip file").startswith("corrupt .docx")
    with zipfile.ZipFile(tmp_path / "nodoc.docx", "w") as z:
        z.writestr("hello.txt", "no document inside")
    assert reason(tmp_path, "nodoc.docx", (tmp_path / "nodoc.docx").read_bytes()).startswith("corrupt .docx")


def test_the_content_decides_the_type_not_the_name(tmp_path: Path) -> None:
    (tmp_path / "speech.docx").write_text(SIMPLIFIED, encoding="gb18030")  # text saved under a .docx name
    make_docx(tmp_path / "speech.txt", ["在全县办公室主任会议上的讲话", "办公室要做好督查工作。"])  # and the reverse
    (tmp_path / "page.txt").write_text("<!DOCTYPE html><html><body><p>办公室要做好信息工作。</p></body></html>")
    (tmp_path / "photo.pdf").write_bytes(b"\xff\xd8\xff\xe0" + bytes(500))
    corpus = ingest(tmp_path)
    how = {f.file: (f.encoding, f.skipped) for f in corpus.files}
    assert how["speech.docx"] == ("gb18030", "")
    assert how["speech.txt"] == ("docx", "")
    assert how["page.txt"][1] == ""
    assert "<p>" not in next(s.text for s in corpus.speeches if s.file == "page.txt")
    assert how["photo.pdf"][1] == "a JPEG image, not a document; expected text, .docx, .pdf or .html"


def test_docx_zip_bomb(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"\0" * (210 * 1024 * 1024))
    assert "zip bomb" in reason(tmp_path, "bomb.docx", bomb.read_bytes())


def test_corrupt_pdf(tmp_path: Path) -> None:
    assert reason(tmp_path, "broken.pdf", b"%PDF-1.4\n garbage \x00\x01").startswith("corrupt .pdf")


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    make_pdf(tmp_path / "scan.pdf", [])
    assert "no text layer" in reason(tmp_path, "scan.pdf", (tmp_path / "scan.pdf").read_bytes())


def test_only_page_furniture(tmp_path: Path) -> None:
    assert "no text left after cleaning" in reason(tmp_path, "chrome.txt", "微信扫码分享\n领取福利\n".encode())


def test_missing_path_is_reported(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(SIMPLIFIED, encoding="utf-8")
    corpus = ingest(tmp_path / "good.txt", tmp_path / "missing")
    assert [f.skipped for f in corpus.files if f.file.endswith("missing")] == ["no such file or folder"]


def test_lone_surrogates_from_a_broken_pdf_are_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found by fuzzing: a damaged PDF's text layer gave '\\ude54', which OpenCC cannot encode."""
    import ragbot.ingest as ingest_mod

    monkeypatch.setattr(ingest_mod, "_read_pdf", lambda data: "办公室工作会议讲话\n要做好督查\ude54工作。\n")
    make_pdf(tmp_path / "a.pdf", ["x"])
    corpus = ingest(tmp_path)
    assert corpus.speeches[0].text.count("\ufffd") == 1
    assert corpus.files[0].skipped == ""
