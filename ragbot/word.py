"""Word export: a conversation, or a precedent-wording result, as a .docx a drafter can paste from.

  conversation_docx(answers, path, script)  a title with the date; per turn the question as a heading, the
                                            answer with its [n] markers (a sentence no excerpt backs is
                                            underlined with dots, as the app underlines it), then its
                                            numbered excerpts: a small source line `[n] 标题 · 文件 · 章节路径`
                                            and the excerpt as the file has it; a refusal greyed, with the
                                            closest passages for reference, as the app shows them
  phrases_docx(result, path, script)        the phrase's occurrences (keyword in context, the phrase in
                                            bold) with counts per speech, then the similar sentences,
                                            each under its source line
  export_conversation, export_phrases       the same for the app: a fresh file in its temp folder, or a
                                            one-line Chinese notice (nothing to export, a failed write)

`script` None keeps the text as asked (an answer in its asker's script; excerpts, titles and headings
as the files have them: the app's 按提问); "simplified" or "traditional" converts everything shown,
questions too, with `script.to_script`, as the app's display switch does (file names stay as they
are). Fonts are set on the styles, Latin and East Asian (`w:eastAsia`: 宋体 / 黑体, or 新細明體 /
微軟正黑體 in a Traditional document), with the template's theme fonts removed (they would win over a
name); the document's East Asian language is zh-CN or zh-TW; A4 pages. A file is written beside its
target and renamed over it, so a failed write leaves no half file. What it does not do: decide what
an answer says (answer.py), read .docx files (ingest.py), or lay out the app's HTML (render.py).
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, get_args

from . import __version__
from .errors import ExportError, RagbotError, why_zh
from .phrases import PhraseResult
from .render import CLOSEST, CLOSEST_LABEL, DISPLAY, POINT, kwic
from .script import detect_script, shown, to_script
from .types import Answer, Script

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.styles.style import ParagraphStyle

SCRIPTS: tuple[Script, ...] = get_args(Script)
FONTS: dict[Script, tuple[str, str]] = {"simplified": ("宋体", "黑体"), "traditional": ("新細明體", "微軟正黑體")}
LATIN = ("Times New Roman", "Arial")  # body, headings
LANGUAGE: dict[Script, str] = {"simplified": "zh-CN", "traditional": "zh-TW"}
SOURCE, EXCERPT, NOTE = "Source Line", "Excerpt", "Note"  # the document's own paragraph styles
KEEP_SECONDS = 3600  # the app's files are removed after an hour, as Gradio removes its temporary files
_SCRIPT_OF: dict[str, Script] = {DISPLAY[1]: "simplified", DISPLAY[2]: "traditional"}
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def script_of(display: str) -> Script | None:
    """The script the app's display switch asks for; None for 按提问 (as asked, excerpts as the files have them).

    >>> script_of("繁體"), script_of("简体"), script_of("按提问")
    ('traditional', 'simplified', None)
    """
    return _SCRIPT_OF.get(display)


def _xml(text: str) -> str:
    r"""`text` without the characters a .docx cannot hold (controls, lone surrogates); the rest as it is.

    >>> _xml("办\x00公\x1b室\n")
    '办公室\n'
    """
    return _NOT_XML.sub("", text)


def _say(text: str, script: Script) -> str:
    """A label (written in Simplified) in `script`."""
    return to_script(text, script)


def _date(when: datetime) -> str:
    return f"{when.year}年{when.month}月{when.day}日"


# ---------------------------------------------------------------- the document and its styles
_THEME = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


def _fonts(fonts: BaseOxmlElement, latin: str, east_asian: str) -> None:
    """Latin and East Asian font names on a w:rFonts, its theme fonts removed (a theme font wins over a name)."""
    from docx.oxml.ns import qn

    for attr in _THEME:
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr, name in (("ascii", latin), ("hAnsi", latin), ("eastAsia", east_asian)):
        fonts.set(qn(f"w:{attr}"), name)


def _styles(doc: Document, lang: Script) -> None:
    """Fonts, sizes and colours for body text, headings and the export's own styles; the East Asian language."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    body, heading = FONTS[lang]
    for fonts in list(doc.styles.element.iter(qn("w:rFonts"))):  # every style's theme fonts, made names
        major = any("major" in (fonts.get(qn(f"w:{attr}")) or "") for attr in _THEME)
        _fonts(fonts, LATIN[1] if major else LATIN[0], heading if major else body)
    for language in doc.styles.element.iter(qn("w:lang")):  # the defaults' language
        language.set(qn("w:val"), "en-US")
        language.set(qn("w:eastAsia"), LANGUAGE[lang])
    normal: ParagraphStyle = doc.styles["Normal"]
    _fonts(normal.element.get_or_add_rPr().get_or_add_rFonts(), LATIN[0], body)
    normal.font.size = Pt(12)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.3
    for name, size in (("Title", 20), ("Heading 1", 15), ("Heading 2", 13)):
        style: ParagraphStyle = doc.styles[name]
        _fonts(style.element.get_or_add_rPr().get_or_add_rFonts(), LATIN[1], heading)
        style.font.size, style.font.bold, style.font.color.rgb = Pt(size), True, RGBColor(0, 0, 0)
        style.paragraph_format.space_before, style.paragraph_format.space_after = Pt(12), Pt(6)
        ppr = style.element.pPr
        border = ppr.find(qn("w:pBdr")) if ppr is not None else None
        if ppr is not None and border is not None:
            ppr.remove(border)  # the template's coloured rule under the title
    for name, points, grey, indent in ((SOURCE, 9.0, 0x59, 0.0), (EXCERPT, 10.5, 0x26, 0.74), (NOTE, 9.0, 0x6B, 0.0)):
        own: ParagraphStyle = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        own.base_style = normal
        own.font.size, own.font.color.rgb = Pt(points), RGBColor(grey, grey, grey)
        own.paragraph_format.left_indent = Cm(indent)
        own.paragraph_format.space_after = Pt(0 if name == SOURCE else 6)
        own.paragraph_format.keep_with_next = name == SOURCE  # a source line stays with its excerpt


def _document(lang: Script, title: str, meta: str, when: datetime) -> Document:
    """A new A4 document in `lang`, with its title heading (and the date) and a small line under it."""
    import docx
    from docx.shared import Cm

    doc = docx.Document()
    _styles(doc, lang)
    for section in doc.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.top_margin = section.bottom_margin = Cm(2.54)
        section.left_margin = section.right_margin = Cm(3.18)
    props = doc.core_properties
    props.title, props.author, props.created, props.language = title, "ragbot", when, LANGUAGE[lang]
    doc.add_heading(f"{title} · {_date(when)}", level=0)
    doc.add_paragraph(_xml(meta), style=NOTE)
    return doc


def _excerpt(doc: Document, source: str, text: str, match: tuple[str, str, str] | None = None) -> None:
    """A small source line, then the text under it (`match`: left, phrase, right, the phrase in bold)."""
    doc.add_paragraph(_xml(source), style=SOURCE)
    para = doc.add_paragraph(style=EXCERPT)
    if match is None:
        para.add_run(_xml(text))
        return
    left, phrase, right = match
    para.add_run(_xml(f"…{left}"))
    para.add_run(_xml(phrase)).bold = True
    para.add_run(_xml(f"{right}…"))


def save(doc: Document, path: str | Path) -> Path:
    """Write `doc` to `path` atomically: a temporary file beside it, synced, then renamed over it.

    A failed write (no such folder, permissions, disk full) removes the temporary file, leaves whatever
    was at `path` as it was, and raises ExportError naming the path and the reason.
    """
    target = Path(path)
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as e:
        raise ExportError(f"cannot write {target} ({e.strerror or e}); choose a folder you can write to", e) from None
    try:
        with os.fdopen(fd, "wb") as f:
            doc.save(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"cannot write {target} ({e.strerror or e}); the file was not written", e) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


# ---------------------------------------------------------------- what goes in
def _answer(doc: Document, a: Answer, show: Callable[[str], str], lang: Script) -> None:
    """One turn's answer: its sentences with superscript markers, a numbered point on a line of its own."""
    from docx.enum.text import WD_UNDERLINE
    from docx.shared import RGBColor

    if a.notice:
        doc.add_paragraph(_xml(show(a.notice)), style=NOTE)
    if a.refused:
        run = doc.add_paragraph().add_run(_xml(show(a.text)))
        run.italic, run.font.color.rgb = True, RGBColor(0x6B, 0x72, 0x80)
        return
    para = doc.add_paragraph()
    for s in a.sentences:
        if para.runs and POINT.match(s.text):
            para = doc.add_paragraph()
        run = para.add_run(_xml(show(s.text)))
        if not s.supported:
            run.font.underline = WD_UNDERLINE.DOTTED
        for n in s.citations:
            para.add_run(f"[{n}]").font.superscript = True
    if any(not s.supported for s in a.sentences):
        doc.add_paragraph(_say("虚线标出的句子没有摘录支持，请核对原文。", lang), style=NOTE)


def _sources(doc: Document, a: Answer, show: Callable[[str], str], lang: Script) -> None:
    """The answer's numbered excerpts (a refusal: the closest passages, for reference), each under its source."""
    blocks = [(c.n, c.title, c.file, c.headings, c.text) for c in a.citations]
    if a.refused:
        doc.add_paragraph(_say(CLOSEST_LABEL, lang), style=NOTE)
        blocks = [(i, h.title, h.file, h.headings, h.text) for i, h in enumerate(a.hits[:CLOSEST], start=1)]
    for n, title, file, headings, text in blocks:
        where = " › ".join(show(h) for h in headings)
        _excerpt(doc, f"[{n}] {show(title)} · {file}" + (f" · {where}" if where else ""), show(text))


def conversation_docx(
    answers: Sequence[Answer], path: str | Path, script: Script | None = None, when: datetime | None = None
) -> Path:
    """The conversation as a .docx at `path`: per turn the question, the answer, its numbered excerpts.

    `script` None: each answer as asked, excerpts as the files have them; else everything in that script.
    """
    if not answers:
        raise RagbotError(f"no answers to write to {path}; ask a question first")
    when = when or datetime.now()
    lang = script or answers[0].script

    def show(text: str) -> str:
        return text if script is None else shown(text, detect_script(text), script)  # 詩云 stays

    meta = f"ragbot {__version__} · {when:%Y-%m-%d %H:%M} · 共 {len(answers)} 问"
    doc = _document(lang, _say("问答记录", lang), _say(meta, lang), when)
    for i, a in enumerate(answers, start=1):
        doc.add_heading(_xml(f"{i}. {show(a.question.strip())}"), level=1)
        _answer(doc, a, show, script or a.script)  # labels in the document's script, or each asker's
        _sources(doc, a, show, script or a.script)
    return save(doc, path)


def phrases_docx(
    result: PhraseResult, path: str | Path, script: Script | None = None, when: datetime | None = None
) -> Path:
    """Precedent wording as a .docx at `path`: the occurrences, counts per speech, then similar sentences.

    `script` None: as the files have them (labels in the query's script); else everything in that script.
    """
    when = when or datetime.now()
    lang = script or detect_script(result.query)

    def show(text: str) -> str:
        return text if script is None else shown(text, detect_script(text), script)  # 詩云 stays

    meta = f"ragbot {__version__} · {when:%Y-%m-%d %H:%M}"
    doc = _document(lang, _say("范文用语", lang), meta, when)
    doc.add_heading(_xml(show(result.query)), level=1)
    doc.add_heading(_say(f"原文出现 {len(result.exact)} 次", lang), level=2)
    for file, speech, title, k in result.counts:
        doc.add_paragraph(_xml(f"{show(title)} · {file} #{speech}：{k} 次"), style=NOTE)
    for i, o in enumerate(result.exact, start=1):
        _excerpt(doc, f"[{i}] {show(o.title)} · {o.file} #{o.speech}", "", kwic(o.left, o.match, o.right, show))
    doc.add_heading(_say("意思相近的句子", lang), level=2)
    for s in result.similar:
        _excerpt(doc, f"[{s.rank}] {show(s.title)} · {s.file} #{s.speech} · {s.score:.3f}", show(s.text))
    if not result.similar:
        doc.add_paragraph(_say("没有找到意思相近的句子。", lang), style=NOTE)
    return save(doc, path)


# ---------------------------------------------------------------- for the app
@dataclass(frozen=True)
class Exported:
    """A document the app offers for download (`path`), or None; `message`, one line in the user's script."""

    path: Path | None
    message: str


def _sweep(exports: Path) -> None:
    """Remove the app's exports older than KEEP_SECONDS (Gradio serves each from where it lies, in its temp folder;
    the server also empties that folder at every start)."""
    now = time.time()
    for old in exports.glob("*"):
        try:
            if now - old.stat().st_mtime > KEEP_SECONDS:
                shutil.rmtree(old, ignore_errors=True)
        except OSError:  # removed meanwhile by another export
            continue


def _offer(write: Callable[[Path], Path], name: str, folder: Path, says: Script) -> Exported:
    """Write a file through `write` into a fresh folder under `folder`/exports, or say in one line why not."""
    exports = folder / "exports"
    _sweep(exports)
    try:
        fresh = exports / secrets.token_hex(8)  # its own folder: the file keeps its plain name
        fresh.mkdir(parents=True)
        path = write(fresh / name)
    except (OSError, ExportError) as e:
        cause = e.cause if isinstance(e, ExportError) else e
        print(f"ragbot: could not write the Word export in {exports} ({e})", file=sys.stderr, flush=True)
        return Exported(None, _say(f"未能导出 Word 文件（{why_zh(cause)}），请稍后再试或告知管理员", says))
    return Exported(path, _say(f"已生成 {name}，可在“Word 文件”中下载。", says))


def export_conversation(
    answers: Sequence[Answer], display: str, folder: Path, when: datetime | None = None
) -> Exported:
    """导出 Word in the chat: the conversation in the display's script, or a notice when there is none yet."""
    script = script_of(display)
    says = script or (answers[-1].script if answers else "simplified")
    if not answers:
        return Exported(None, _say("还没有可以导出的对话，请先提问。", says))
    when = when or datetime.now()
    name = f"{_say('问答记录', script or answers[0].script)}-{when:%Y%m%d-%H%M%S}.docx"  # as its title
    return _offer(lambda p: conversation_docx(answers, p, script, when), name, folder, says)


def export_phrases(result: PhraseResult | None, display: str, folder: Path, when: datetime | None = None) -> Exported:
    """导出 Word in the precedent tab: the last result in the display's script, or a notice when nothing was found."""
    script = script_of(display)
    says = script or (detect_script(result.query) if result else "simplified")
    if result is None:
        return Exported(None, _say("还没有可以导出的结果，请先查找一个说法。", says))
    when = when or datetime.now()
    name = f"{_say('范文用语', says)}-{when:%Y%m%d-%H%M%S}.docx"
    return _offer(lambda p: phrases_docx(result, p, script, when), name, folder, says)


def export(what: Sequence[Answer] | PhraseResult | None, display: str, folder: Path) -> Exported:
    """导出 Word in the app: the chat's answers, or the precedent tab's result (None: nothing looked up yet)."""
    if what is None or isinstance(what, PhraseResult):
        return export_phrases(what, display, folder)
    return export_conversation(what, display, folder)
