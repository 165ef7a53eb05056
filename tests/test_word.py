"""The Word export (word.py): documents read back with python-docx (text, order, fonts, language, script),
atomic writes and one-line errors, the CLI's --docx, the app's 导出 Word buttons in a real browser, and
one document rendered by LibreOffice when it is installed."""

from __future__ import annotations

import errno
import html
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_UNDERLINE
from docx.oxml.ns import qn
from playwright.sync_api import Browser, Page

from ragbot import embed, word
from ragbot.cli import main
from ragbot.config import Config
from ragbot.errors import ExportError
from ragbot.phrases import PhraseResult, Similar, counts, occurrences
from ragbot.render import CLOSEST_LABEL, render_answer
from ragbot.script import detect_script, to_simplified, to_traditional
from ragbot.testing import serve
from ragbot.types import Answer, AnswerSentence, Chunk, Citation, Corpus, Hit

from .helpers import CORPUS, KeywordEmbedder, local_page, make_workdir, need

WHEN = datetime(2024, 5, 8, 9, 30)
QUOTED = "002_c15c06141e4cbd25.txt#1@1202-1442"  # a Simplified chunk with “” quotes and a two-level section path
TAIWAN = "程式"  # a Traditional chunk says 程式 where mainland text says 程序


def _chunk(corpus: Corpus, chunk_id: str = QUOTED, holding: str = "") -> Chunk:
    return next(c for c in corpus.chunks if (c.id == chunk_id if not holding else holding in c.text))


def _cite(n: int, c: Chunk, sentences: tuple[int, ...] = (0,)) -> Citation:
    return Citation(n, c.id, c.file, c.speech, c.title, c.headings, c.start, c.end, c.text, sentences)


def _hit(rank: int, c: Chunk) -> Hit:
    return Hit(rank, 0.9, (c.id,), c.file, c.speech, c.title, c.headings, c.start, c.end, c.text)


def _answered(corpus: Corpus, question: str = "以文辅政怎么抓？", script: str = "simplified") -> Answer:
    quoted, taiwan = _chunk(corpus), _chunk(corpus, holding=TAIWAN)
    sentences = (
        AnswerSentence("讲话对此提出：", (), True),
        AnswerSentence("1. 综合材料狠抓了一个“精”字。", (1,), True),
        AnswerSentence("2. 要依法办事、按程序办事。", (2,), True),
        AnswerSentence("3. 年终奖按工龄计算。", (), False),
    )
    text = "讲话对此提出：\n1. 综合材料狠抓了一个“精”字。[1]\n2. 要依法办事、按程序办事。[2]\n3. 年终奖按工龄计算。"
    cites = (_cite(1, quoted, (1,)), _cite(2, taiwan, (2,)))
    hits = (_hit(1, quoted), _hit(2, taiwan))
    return Answer(question, text, False, script, sentences, cites, hits, "extractive", 1.0)  # type: ignore[arg-type]


def _refused(corpus: Corpus) -> Answer:
    hits = tuple(_hit(i, c) for i, c in enumerate(corpus.chunks[10:14], start=1))
    text = "讲话中没有找到能确认回答这个问题的内容。"
    return Answer(
        "年终奖怎么发？", text, True, "simplified", (AnswerSentence(text, (), True),), (), hits, "extractive", 1.0
    )


def _texts(path: Path) -> list[tuple[str, str]]:
    """(style name, text) of every paragraph, in order."""
    return [(p.style.name if p.style else "", p.text) for p in docx.Document(str(path)).paragraphs]


def _bold(path: Path) -> list[str]:
    """The bold runs of the excerpts (the phrase in a keyword-in-context line)."""
    paras = docx.Document(str(path)).paragraphs
    return [r.text for p in paras if p.style and p.style.name == "Excerpt" for r in p.runs if r.bold]


# ------------------------------------------------------------------ what a document holds, in order
def test_conversation_holds_questions_answers_and_sources_in_order(seed_corpus: Corpus, tmp_path: Path) -> None:
    answered, refused = _answered(seed_corpus), _refused(seed_corpus)
    path = word.conversation_docx([answered, refused], tmp_path / "问答.docx", when=WHEN)
    assert path == tmp_path / "问答.docx"
    quoted, taiwan = answered.citations
    original = (CORPUS / quoted.file).read_text(encoding="utf-8")
    assert original[quoted.start : quoted.end] == quoted.text  # the excerpt is the file's own text…
    assert "“精”字" in quoted.text
    want = [
        ("Title", "问答记录 · 2024年5月8日"),
        ("Heading 1", "1. 以文辅政怎么抓？"),
        ("Normal", "讲话对此提出："),
        ("Normal", "1. 综合材料狠抓了一个“精”字。[1]"),
        ("Normal", "2. 要依法办事、按程序办事。[2]"),
        ("Normal", "3. 年终奖按工龄计算。"),
        ("Note", "虚线标出的句子没有摘录支持，请核对原文。"),
        ("Source Line", f"[1] {quoted.title} · {quoted.file} · 一、在回顾总结中再长新士气 › (二)以文辅政开创新局面"),
        ("Excerpt", quoted.text),  # …and so is what the document says (quotes and all)
        ("Source Line", f"[2] {taiwan.title} · {taiwan.file} · {' › '.join(taiwan.headings)}"),
        ("Excerpt", taiwan.text),  # as the file has it: Traditional, 程式 and all
        ("Heading 1", "2. 年终奖怎么发？"),
        ("Normal", "讲话中没有找到能确认回答这个问题的内容。"),
        ("Note", CLOSEST_LABEL),
        *[
            x
            for h in refused.hits[:3]
            for x in (
                ("Source Line", f"[{h.rank}] {h.title} · {h.file} · {' › '.join(h.headings)}"),
                ("Excerpt", h.text),
            )
        ],
    ]
    got = _texts(path)
    assert got[0] == want[0]
    assert got[1][0] == "Note"
    assert got[1][1].endswith("2024-05-08 09:30 · 共 2 问")
    assert got[2:] == want[1:]
    assert refused.hits[3].text not in {t for _, t in got}  # three closest passages, as the app shows


def test_markers_are_superscript_unsupported_sentences_dotted_refusals_greyed(
    seed_corpus: Corpus, tmp_path: Path
) -> None:
    path = word.conversation_docx([_answered(seed_corpus), _refused(seed_corpus)], tmp_path / "a.docx", when=WHEN)
    paras = docx.Document(str(path)).paragraphs
    point = next(p for p in paras if p.text.startswith("1. 综合材料"))
    assert [(r.text, bool(r.font.superscript)) for r in point.runs] == [
        ("1. 综合材料狠抓了一个“精”字。", False),
        ("[1]", True),
    ]
    unsupported = next(p for p in paras if p.text.startswith("3. 年终奖")).runs[0]
    assert unsupported.font.underline == WD_UNDERLINE.DOTTED
    refusal = next(p for p in paras if p.text == "讲话中没有找到能确认回答这个问题的内容。").runs[0]
    assert refusal.italic


def test_fonts_are_set_for_east_asian_text_and_the_language(seed_corpus: Corpus, tmp_path: Path) -> None:
    for script, body, heading, lang in (
        ("simplified", "宋体", "黑体", "zh-CN"),
        ("traditional", "新細明體", "微軟正黑體", "zh-TW"),
    ):
        path = word.conversation_docx([_answered(seed_corpus)], tmp_path / f"{script}.docx", script, WHEN)  # type: ignore[arg-type]
        d = docx.Document(str(path))
        for name, east, latin in (("Normal", body, "Times New Roman"), ("Title", heading, "Arial")):
            fonts = d.styles[name].element.rPr.rFonts
            assert fonts.get(qn("w:eastAsia")) == east, name
            assert fonts.get(qn("w:ascii")) == latin, name
        assert d.styles["Heading 1"].element.rPr.rFonts.get(qn("w:eastAsia")) == heading
        xml = d.styles.element.xml
        assert "eastAsiaTheme" not in xml  # a theme font would win over the names, in Word and LibreOffice alike
        defaults = d.styles.element.find(qn("w:docDefaults")).find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        assert defaults.find(qn("w:rFonts")).get(qn("w:eastAsia")) == body
        assert defaults.find(qn("w:lang")).get(qn("w:eastAsia")) == lang
        assert d.core_properties.language == lang
        for p in d.paragraphs:  # every paragraph's style leads back to Normal, whose East Asian font is set
            style = p.style
            while style is not None and style.base_style is not None:
                style = style.base_style
            assert style is not None
            assert style.name == "Normal"
        width, height = d.sections[0].page_width, d.sections[0].page_height
        assert width is not None
        assert height is not None
        assert (round(width.cm, 1), round(height.cm, 1)) == (21.0, 29.7)


def test_chosen_script_converts_everything_shown_as_the_display_switch_does(
    seed_corpus: Corpus, tmp_path: Path
) -> None:
    a = _answered(seed_corpus)
    quoted, taiwan = a.citations
    shown = [t for _, t in _texts(word.conversation_docx([a], tmp_path / "s.docx", "simplified"))]
    mainland = to_simplified(taiwan.text)
    assert mainland in shown  # the Traditional excerpt in mainland Simplified (程式 -> 程序)…
    assert TAIWAN in taiwan.text
    assert TAIWAN not in mainland
    page = html.unescape(re.sub(r"<[^>]+>", "", render_answer(a, "简体")))
    assert mainland in page  # …as the app's 简体 display shows it
    assert (
        f"[2] {to_simplified(taiwan.title)} · {taiwan.file} · {' › '.join(map(to_simplified, taiwan.headings))}"
        in shown
    )
    traditional = [t for _, t in _texts(word.conversation_docx([a], tmp_path / "t.docx", "traditional", WHEN))]
    assert traditional[0] == "問答記錄 · 2024年5月8日"
    assert traditional[2] == "1. 以文輔政怎麼抓？"
    assert "1. 綜合材料狠抓了一個“精”字。[1]" in traditional  # quotes kept
    assert to_traditional(quoted.text) in traditional
    assert "虛線標出的句子沒有摘錄支持，請核對原文。" in traditional
    assert (
        f"[1] {to_traditional(quoted.title)} · {quoted.file} · 一、在回顧總結中再長新士氣 › (二)以文輔政開創新局面"
        in traditional
    )
    changed = [t for t in traditional if t != to_simplified(t)]  # every line but the file names' and numbers'
    assert len(changed) >= 10
    assert {detect_script(t) for t in changed} == {"traditional"}


def test_phrases_document_lists_occurrences_then_similar_sentences(seed_corpus: Corpus, tmp_path: Path) -> None:
    found = occurrences("按程式办事", seed_corpus.speeches)  # either script: the file says 按程式辦事
    assert len(found) >= 2
    similar = (Similar(1, 0.88, "004_92e2d7aa31a4f474.txt", 1, "标题", "要严格按照规定办事。"),)
    result = PhraseResult("按程式办事", tuple(found), tuple(counts(found)), similar)
    path = word.phrases_docx(result, tmp_path / "p.docx", when=WHEN)
    got = _texts(path)
    first = found[0]
    assert got[0] == ("Title", "范文用语 · 2024年5月8日")  # labels in the query's script
    assert got[2] == ("Heading 1", "按程式办事")
    assert got[3] == ("Heading 2", f"原文出现 {len(found)} 次")
    assert got[4][1].endswith(f"#{result.counts[0][1]}：{result.counts[0][3]} 次")
    at = got.index(("Source Line", f"[1] {first.title} · {first.file} #{first.speech}"))
    assert got[at + 1] == ("Excerpt", f"…{first.left}{first.match}{first.right}…")  # as the file has it
    para = docx.Document(str(path)).paragraphs[at + 1]
    assert [r.text for r in para.runs if r.bold] == [first.match] == ["按程式辦事"]
    assert got[-3] == ("Heading 2", "意思相近的句子")
    assert got[-2:] == [
        ("Source Line", "[1] 标题 · 004_92e2d7aa31a4f474.txt #1 · 0.880"),
        ("Excerpt", "要严格按照规定办事。"),
    ]
    assert (
        _bold(word.phrases_docx(result, tmp_path / "s.docx", "simplified", WHEN))[0] == "按程序办事"
    )  # the phrase converted with its line, as the precedent tab's 简体 shows it


def test_text_a_docx_cannot_hold_is_left_out_and_the_rest_kept(seed_corpus: Corpus, tmp_path: Path) -> None:
    a = _answered(seed_corpus, question="<script>x</script>\x00办公室\x1b\ud800😀怎样做好督查？")
    got = _texts(word.conversation_docx([a], tmp_path / "odd.docx", when=WHEN))
    assert got[2] == ("Heading 1", "1. <script>x</script>办公室😀怎样做好督查？")


# ------------------------------------------------------------------ writing
def test_a_failed_write_leaves_the_previous_file_and_no_temporary_one(
    seed_corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.docx"
    target.write_bytes(b"the previous export")
    from docx.document import Document

    def full_disk(self: Document, f: object) -> None:
        f.write(b"PK\x03\x04 half a zip")  # type: ignore[attr-defined]
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Document, "save", full_disk)
    with pytest.raises(ExportError) as e:
        word.conversation_docx([_answered(seed_corpus)], target, when=WHEN)
    assert str(e.value) == f"cannot write {target} (No space left on device); the file was not written"
    assert e.value.cause is not None
    assert e.value.cause.errno == errno.ENOSPC
    assert target.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.docx"]


def test_an_unwritable_path_is_a_one_line_error_naming_it(seed_corpus: Corpus, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("x")
    (tmp_path / "a-folder").mkdir()
    (tmp_path / "a-folder" / "inside").write_text("x")
    for path, reason in (
        (tmp_path / "missing" / "out.docx", "No such file or directory"),
        (tmp_path / "a-file" / "out.docx", "Not a directory"),
        (tmp_path / "a-folder", "Is a directory"),
    ):
        with pytest.raises(ExportError, match=re.escape(f"cannot write {path} ({reason}); ")) as e:
            word.conversation_docx([_answered(seed_corpus)], path)
        assert "\n" not in str(e.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "a-folder"]
    assert [p.name for p in (tmp_path / "a-folder").iterdir()] == ["inside"]
    with pytest.raises(Exception, match="no answers to write"):
        word.conversation_docx([], tmp_path / "empty.docx")


# ------------------------------------------------------------------ for the app
def test_app_export_writes_under_the_temp_folder_or_says_why_not(seed_corpus: Corpus, tmp_path: Path) -> None:
    a = _answered(seed_corpus)
    temp = tmp_path / "data" / "tmp"
    assert word.export([], "按提问", temp) == word.Exported(None, "还没有可以导出的对话，请先提问。")
    assert word.export([], "繁體", temp).message == "還沒有可以導出的對話，請先提問。"
    assert word.export(None, "简体", temp) == word.Exported(None, "还没有可以导出的结果，请先查找一个说法。")
    done = word.export([a], "繁體", temp)
    assert done.path is not None
    assert done.path.parent.parent == temp / "exports"
    assert re.fullmatch(r"問答記錄-\d{8}-\d{6}\.docx", done.path.name)
    assert done.message == f"已生成 {done.path.name}，可在“Word 文件”中下載。"
    assert _texts(done.path)[2] == ("Heading 1", "1. 以文輔政怎麼抓？")  # the display script applies
    old = time.time() - word.KEEP_SECONDS - 10
    os.utime(done.path.parent, (old, old))
    result = PhraseResult("上情下达", (), (), ())
    again = word.export(result, "按提问", temp)
    assert again.path is not None
    assert again.path.name.startswith("范文用语-")
    assert list((temp / "exports").iterdir()) == [again.path.parent]  # the earlier export, long copied, is gone
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the temp folder should be")
    assert word.export([a], "按提问", blocked) == word.Exported(
        None, "未能导出 Word 文件（路径被同名文件占用），请稍后再试或告知管理员"
    )


# ------------------------------------------------------------------ the CLI
@pytest.fixture
def fake_index(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """An index of the seed corpus built with the keyword fake; the flags that select it."""
    monkeypatch.setitem(embed.REGISTRY, "fake-keywords", embed.Backend(KeywordEmbedder, lambda: "fake-keywords-1"))
    flags = ["--embedder", "fake-keywords", "--index", str(tmp_path / "index")]
    assert main(["ingest", str(CORPUS), *flags]) == 0
    capsys.readouterr()
    return flags


def test_cli_ask_from_stdin_writes_every_answer_to_one_document(
    fake_index: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    questions = ["怎样做好督查工作？", "", "？！", "信息工作要注意什么？"]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(questions) + "\n"))
    out = tmp_path / "ask.docx"
    code = main(["ask", "-", "--docx", str(out), "--script", "traditional", *fake_index])
    stdout, stderr = capsys.readouterr()
    assert code == 1  # the punctuation-only question failed, on its own line; the others are in the document
    assert len(stdout.splitlines()) == 3
    assert stderr == f"ragbot: wrote {out}\n"
    headings = [t for s, t in _texts(out) if s == "Heading 1"]
    assert headings == ["1. 怎樣做好督查工作？", "2. 信息工作要注意什麼？"]
    code = main(["ask", "怎样做好督查工作？", "--docx", str(tmp_path / "no" / "a.docx"), *fake_index])
    _, stderr = capsys.readouterr()
    assert code == 1
    assert (
        stderr
        == f"ragbot: cannot write {tmp_path / 'no' / 'a.docx'} (No such file or directory); choose a folder you can write to\n"
    )


def test_cli_phrases_docx(fake_index: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "phrases.docx"
    assert main(["phrases", "按程式辦事", "--docx", str(out), "--script", "simplified", *fake_index]) == 0
    stdout, stderr = capsys.readouterr()
    assert stdout.startswith("exact: 3 occurrence(s)")
    assert stderr == f"ragbot: wrote {out}\n"
    got = _texts(out)
    assert got[2] == ("Heading 1", "按程序办事")
    assert [t for s, t in got if s == "Excerpt" and "按程序办事" in t]


# ------------------------------------------------------------------ real answers from the real index
def test_real_answers_quote_their_excerpts_as_the_files_have_them(real_bot, tmp_path: Path) -> None:
    from ragbot.answer import Answerer

    answerer = Answerer(real_bot)
    answers = [answerer.ask(q) for q in ("怎样做好督查督办工作？", "辦公室的信息工作要注意什麼？")]
    assert all(a.citations for a in answers)
    assert any("“" in c.text for a in answers for c in a.citations)
    texts = [t for _, t in _texts(word.conversation_docx(answers, tmp_path / "real.docx", when=WHEN))]
    at = 0
    for i, a in enumerate(answers, start=1):
        at = texts.index(f"{i}. {a.question}", at)
        for c in a.citations:
            at = texts.index((CORPUS / c.file).read_text(encoding="utf-8")[c.start : c.end], at)  # the file's text


# ------------------------------------------------------------------ the app, in a real browser
@pytest.fixture(scope="module")
def server(real_index: Config, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    work = make_workdir(real_index, tmp_path_factory.mktemp("word-app"))
    with serve(work / "index", work) as app:
        yield app.url, work


@pytest.fixture
def page(browser: Browser, server: tuple[str, Path]) -> Iterator[Page]:
    from playwright.sync_api import expect

    with local_page(browser, server[0], locale="zh-CN") as pg:
        # the app is ready once the conversation is restored and the question box enabled
        expect(pg.locator("#question textarea")).to_be_enabled(timeout=60000)
        yield pg


def _download(page: Page, link: str, tmp_path: Path, name: str) -> Path:
    with page.expect_download(timeout=30000) as info:
        page.locator(link).click()
    path = tmp_path / name
    info.value.save_as(path)
    assert info.value.suggested_filename.endswith(".docx")
    return path


def test_browser_exports_the_conversation_in_the_display_script(
    page: Page, server: tuple[str, Path], tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    page.locator("#export-chat").click()
    expect(page.locator("#feedback-msg")).to_contain_text("还没有可以导出的对话", timeout=60000)
    expect(page.locator("#chat-docx")).to_have_count(0)
    page.locator("#question textarea").fill("怎样做好督查督办工作？")
    page.locator("#send").click()
    expect(page.locator("#chat .ragbot-cite").first).to_be_visible(timeout=60000)
    page.locator("#export-chat").click()
    expect(page.locator("#feedback-msg")).to_contain_text("已生成 问答记录-", timeout=60000)
    got = _texts(_download(page, "#chat-docx a[download]", tmp_path, "chat.docx"))
    assert got[2] == ("Heading 1", "1. 怎样做好督查督办工作？")
    cite = page.locator("#chat .ragbot-cite").first
    source = got.index(("Source Line", cite.locator("summary").first.inner_text()))  # the page's first excerpt…
    assert got[source + 1] == ("Excerpt", cite.locator(":scope > div").text_content())  # …and its text
    exports = server[1] / "data" / "tmp" / "exports"
    assert len(list(exports.iterdir())) == 1  # written under the app's temp folder, not the system's /tmp

    page.get_by_text("设置", exact=True).click()
    page.locator("#display label", has_text="繁體").click()
    expect(page.locator("#chat .ragbot-answer p").first).to_contain_text("督查", timeout=60000)
    page.wait_for_function(  # the switch has re-rendered the chat (through Gradio's queue: slow on a busy machine)
        "() => /[導這們說]|辦/.test(document.querySelector('#chat .ragbot-answer')?.innerText ?? '')", timeout=60000
    )
    # clicked while the switch's event may still be finishing: before events.py this click's result was
    # sometimes never delivered (its join answered just before Gradio closed the page's event stream)
    page.locator("#export-chat").click()
    expect(page.locator("#feedback-msg")).to_contain_text("已生成 問答記錄-", timeout=60000)
    got = _texts(_download(page, "#chat-docx a[download]", tmp_path, "chat-t.docx"))
    assert got[2] == ("Heading 1", "1. 怎樣做好督查督辦工作？")


def test_browser_exports_the_precedent_wording(page: Page, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    page.get_by_role("tab", name="范文用语").click()
    page.locator("#export-phrases").click()
    expect(page.locator("#phrases-export-msg")).to_contain_text("还没有可以导出的结果", timeout=60000)
    page.locator("#phrase-display label", has_text="简体").click()
    page.locator("#phrase textarea").fill("按程式辦事")
    page.locator("#find").click()
    expect(page.locator("#phrases .ragbot-kwic mark").first).to_have_text("按程序办事", timeout=60000)
    page.locator("#export-phrases").click()
    expect(page.locator("#phrases-export-msg")).to_contain_text("已生成 范文用语-", timeout=60000)
    path = _download(page, "#phrases-docx a[download]", tmp_path, "phrases.docx")
    assert _texts(path)[2] == ("Heading 1", "按程序办事")
    assert _bold(path) == ["按程序办事"] * 3
    page.screenshot(path=str(tmp_path / "phrases-export.png"), full_page=True)


# ------------------------------------------------------------------ how it looks, where LibreOffice is installed
@pytest.mark.slow
def test_libreoffice_renders_the_document(seed_corpus: Corpus, tmp_path: Path) -> None:
    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    need(bool(soffice and pdftotext), "LibreOffice and pdftotext", "libreoffice-writer-nogui poppler-utils")
    assert soffice is not None
    assert pdftotext is not None
    path = word.conversation_docx([_answered(seed_corpus), _refused(seed_corpus)], tmp_path / "look.docx", when=WHEN)
    profile = f"-env:UserInstallation=file://{tmp_path / 'profile'}"
    for kind in ("pdf", "fodt"):
        subprocess.run(
            [soffice, "--headless", "--norestore", profile, "--convert-to", kind, "--outdir", str(tmp_path), str(path)],
            capture_output=True,
            timeout=180,
            check=True,
        )
    assert (tmp_path / "look.pdf").stat().st_size > 10_000
    flat = (tmp_path / "look.fodt").read_text(encoding="utf-8")  # what LibreOffice made of the styles
    assert re.search(r'style:font-name-asian="宋体"', flat)
    assert re.search(r'style:font-name-asian="黑体"', flat)
    assert 'style:country-asian="CN"' in flat
    text = subprocess.run([pdftotext, str(tmp_path / "look.pdf"), "-"], capture_output=True, text=True).stdout
    assert "问答记录" in text
    assert "以文辅政怎么抓" in text
