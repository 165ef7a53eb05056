"""How results look: escaped HTML for the app, plain text for the terminal. Presentation only.

  render_answer(a, display, context)   an Answer: its sentences with [n] markers, then the numbered
                                       excerpts (the cited sentence highlighted, the surrounding
                                       passage on demand); refusals list the closest passages for
                                       reference; unsupported sentences are underlined
  render_phrases(r, display)           precedent wording: keyword-in-context lines, counts, similar
                                       sentences, each with a copy button, in the display script
  report_page(md, folder)              the evaluation report as one self-contained page; body_of(page)
                                       its body for the app's evaluation tab
  summary(files), print_hits(r), print_answer(a), print_phrases(r), print_speeches(s, chunks),
  built(report), print_change(c), trash_list(items)
                                       the same records for `ragbot` on a terminal (the last three:
                                       an index update, `ragbot remove/restore`, the trash);
                                       progress_bar(enabled) a build's progress there

Nothing from a speech, a question or a file name is ever inserted into HTML unescaped. What it
does not do: decide anything (answer.py, retrieve.py) or hold state (ui.py).
"""

from __future__ import annotations

import base64
import html
import re
import sys
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cite import claim
from .phrases import PhraseResult
from .script import detect_script, fold, shown, to_script, to_simplified
from .types import Answer, BuildReport, Chunk, FileReport, Hit, Progress, SearchResult, Speech

if TYPE_CHECKING:
    from .trash import Changed, Trashed

DISPLAY = ("按提问", "简体", "繁體")
CSS = """
.ragbot-answer .unsupported { text-decoration: underline dotted #b45309; color: #92400e; }
.ragbot-answer .refused { color: #6b7280; font-style: italic; }
.ragbot-answer sup { color: #2563eb; font-weight: 600; }
.ragbot-cite { border-left: 3px solid #93c5fd; margin: 6px 0; padding: 2px 8px; }
.ragbot-cite.nomatch { border-left-color: #d1d5db; color: #6b7280; }
.ragbot-cite mark { background: #fef08a; }
.ragbot-notice { color: #92400e; font-size: 0.9em; }
.ragbot-meta { color: #9ca3af; font-size: 0.8em; margin-top: 4px; }
.ragbot-context { margin: 4px 0 2px 8px; color: #4b5563; }
.ragbot-context b { font-weight: normal; background: #eff6ff; }
.ragbot-kwic { margin: 4px 0; line-height: 1.7; }
.ragbot-kwic .src { color: #6b7280; font-size: 0.85em; margin-left: 6px; }
.ragbot-kwic mark { background: #fef08a; }
.ragbot-copy { font-size: 0.8em; padding: 0 6px; border: 1px solid #d1d5db; border-radius: 4px; }
"""
CLOSEST = 3  # a refusal shows this many of the closest passages, under CLOSEST_LABEL
CLOSEST_LABEL = "最接近的段落（未能确认回答了这个问题，供参考）："
SYSTEM_FONTS = ["system-ui", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "sans-serif"]


def _show(text: str, display: str, source: str = "") -> str:
    """`text` in the display script: as it is (按提问), mainland Simplified (words too: 程式 -> 程序), or
    Traditional; text already in that script (`source`, else as detected) stays as it is (`script.shown`)."""
    if display not in ("简体", "繁體"):
        return text
    return shown(text, source or detect_script(text), "simplified" if display == "简体" else "traditional")


POINT = re.compile(r"^\s*[0-9]{1,2}[.、．]\s")  # a sentence that starts a numbered point starts a line


def _sentences_html(a: Answer, display: str) -> str:
    """The answer's sentences with their markers; each numbered point on a line of its own."""
    esc = html.escape
    lines: list[str] = []
    for s in a.sentences:
        text = esc(_show(s.text, display, a.script))
        marks = "".join(f"<sup>[{n}]</sup>" for n in s.citations)
        line = text + marks if s.supported else f'<span class="unsupported" title="没有摘录支持这句话">{text}</span>'
        lines.append(("<br>" if lines and POINT.match(s.text) else "") + line)
    return "<p>" + "".join(lines) + "</p>"


def _highlight(shown: str, quoted: Sequence[str], display: str) -> str:
    """The excerpt as shown, escaped, with the sentences it backs marked."""
    esc = html.escape
    body = esc(shown)
    for q in (claim(x).strip("“”") for x in quoted):  # the words the excerpt holds: no numbering, no lead-in
        q_shown = esc(_show(q, display, "")) if display != DISPLAY[0] else esc(q)
        folded_q = fold(q).rstrip("。！？!?”")
        at = fold(shown).find(folded_q)
        mainland = to_simplified(shown)
        if at < 0 and len(mainland) == len(shown):  # the answer says 程序 where the file has 程式
            folded_q = to_simplified(q).rstrip("。！？!?”")
            at = mainland.find(folded_q)
        if at >= 0:
            span = esc(shown[at : at + len(folded_q)])
            body = body.replace(span, f"<mark>{span}</mark>", 1)
        elif q_shown in body:
            body = body.replace(q_shown, f"<mark>{q_shown}</mark>", 1)
    return body


def render_answer(a: Answer, display: str = DISPLAY[0], context: Callable[[Hit], tuple[str, str]] | None = None) -> str:
    """The answer as escaped HTML: sentences with their markers, then the numbered excerpts.

    `context(hit) -> (before, after)` gives the speech text around an excerpt, shown on demand.
    """
    esc = html.escape
    parts = ['<div class="ragbot-answer">']
    if a.notice:
        parts.append(f'<p class="ragbot-notice">{esc(a.notice)}</p>')
    if a.refused:
        parts.append(f'<p class="refused">{esc(_show(a.text, display, a.script))}</p>')
    else:
        parts.append(_sentences_html(a, display))
    hit_of = {h.chunk_id: h for h in a.hits}
    blocks = [
        (
            c.n,
            c.title,
            c.file,
            c.headings,
            c.text,
            [a.sentences[i].text for i in c.sentences],
            "",
            hit_of.get(c.chunk_id),
        )
        for c in a.citations
    ]
    if a.refused:  # the closest passages, for reference (one may hold the answer the evidence check missed)
        parts.append(f"<p><b>{esc(to_script(CLOSEST_LABEL, a.script))}</b></p>")
        blocks = [
            (i, h.title, h.file, h.headings, h.text, [], " nomatch", h) for i, h in enumerate(a.hits[:CLOSEST], start=1)
        ]
    for n, title, file, headings, text, quoted, cls, hit in blocks:
        visible = _show(text, display, "") if display != DISPLAY[0] else text
        body = _highlight(visible, quoted, display)
        where = " › ".join(esc(h) for h in headings)
        around = ""
        if context is not None and hit is not None:
            before, after = context(hit)
            if before or after:
                around = (
                    f'<details class="ragbot-context"><summary>上下文</summary><div>…{esc(_show(before, display, ""))}'
                    f"<b>{body}</b>{esc(_show(after, display, ''))}…</div></details>"
                )
        parts.append(
            f'<details class="ragbot-cite{cls}"><summary>[{n}] {esc(title)} · {esc(file)}'
            + (f" · {where}" if where else "")
            + f"</summary><div>{body}</div>{around}</details>"
        )
    parts.append(f'<p class="ragbot-meta">生成方式：{esc(a.generator)}</p></div>')
    return "".join(parts)


def kwic(left: str, match: str, right: str, show: Callable[[str], str]) -> tuple[str, str, str]:
    """A keyword-in-context line in the display script: converted whole (a word may straddle the match), then
    cut where the converted sides end.

    >>> kwic("按", "程式", "辦事", to_simplified)
    ('按', '程序', '办事')
    """
    whole, left, right = show(left + match + right), show(left), show(right)
    if whole.startswith(left) and whole.endswith(right) and len(left) + len(right) <= len(whole):
        return left, whole[len(left) : len(whole) - len(right)], right
    return left, show(match), right


def render_phrases(r: PhraseResult, display: str = DISPLAY[0]) -> str:
    """Keyword-in-context lines with counts per speech, then similar sentences; each with a copy button.

    `display`: as the file has it (按提问), mainland Simplified or Traditional; copy buttons copy what is shown.
    """
    esc = html.escape

    def show(text: str) -> str:
        return text if display == DISPLAY[0] else _show(text, display, "")

    def copy(text: str) -> str:
        return f'<button class="ragbot-copy" data-text="{esc(text, quote=True)}" title="复制">复制</button>'

    parts = [f"<h4>原文出现 {len(r.exact)} 次</h4>"]
    if r.counts:
        parts.append("<table class='ragbot-counts'><tr><th>讲话</th><th>文件</th><th>次数</th></tr>")
        parts += [f"<tr><td>{esc(show(t))}</td><td>{esc(f)} #{n}</td><td>{k}</td></tr>" for f, n, t, k in r.counts]
        parts.append("</table>")
    for o in r.exact:
        left, match, right = kwic(o.left, o.match, o.right, show)
        parts.append(
            f'<div class="ragbot-kwic">…{esc(left)}<mark>{esc(match)}</mark>{esc(right)}… '
            f'<span class="src">{esc(show(o.title))} · {esc(o.file)} #{o.speech}</span> {copy(left + match + right)}</div>'
        )
    parts.append("<h4>意思相近的句子</h4>")
    for s in r.similar:
        text = show(s.text)
        parts.append(
            f'<div class="ragbot-kwic">{s.rank}. {esc(text)} <span class="src">{esc(show(s.title))} · {esc(s.file)} '
            f"#{s.speech} · {s.score:.3f}</span> {copy(text)}</div>"
        )
    return "".join(parts)


COPY_JS = """
() => { document.addEventListener('click', (e) => {
  const b = e.target.closest && e.target.closest('.ragbot-copy');
  if (b) { navigator.clipboard && navigator.clipboard.writeText(b.dataset.text); b.textContent = '已复制'; }
}); }
"""


# ---------------------------------------------------------------- the evaluation report's page
_STYLE = """body{font-family:system-ui,"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;max-width:1100px;
margin:1.5em auto;padding:0 1em;color:#1f2328;line-height:1.5}table{border-collapse:collapse;margin:.6em 0;
font-size:.86em}th,td{border:1px solid #d0d7de;padding:.25em .55em;text-align:left}th{background:#f6f8fa}
td.num{text-align:right;font-variant-numeric:tabular-nums}img{max-width:100%}figure{margin:1em 0}
figcaption{font-size:.85em;color:#59636e}.worst{border-left:3px solid #d0d7de;padding-left:.8em;margin:1em 0}
code{background:#f6f8fa;padding:0 .2em}"""


def report_page(md: str, folder: Path) -> str:
    """The evaluation report's Markdown (report.py), as one self-contained page (plots inlined, all text escaped)."""
    out: list[str] = []
    table: list[list[str]] = []

    def inline(s: str) -> str:
        s = html.escape(s)
        s = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", s)
        s = re.sub(r"`([^`]+)`", r"<code>\1</code>", s)
        return re.sub(r"(?<!\w)\*([^*]+)\*(?!\w)", r"<em>\1</em>", s)

    def flush() -> None:
        if not table:
            return
        head, *body = table
        cells = "".join(f"<th>{inline(c)}</th>" for c in head)
        rows = "".join(
            "<tr>"
            + "".join(
                f"<td class=num>{inline(c)}</td>" if re.fullmatch(r"[\d.–/ ]+", c) else f"<td>{inline(c)}</td>"
                for c in r
            )
            + "</tr>"
            for r in body
        )
        out.append(f"<table><thead><tr>{cells}</tr></thead><tbody>{rows}</tbody></table>")
        table.clear()

    for block in md.split("\n\n"):
        lines = block.split("\n")
        if all(line.startswith("|") for line in lines):
            for line in lines:
                if not re.fullmatch(r"\|(---\|)+", line):
                    table.append([c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line)[1:-1]])
            flush()
            continue
        flush()
        m = re.fullmatch(r"!\[(.*)\]\((.+\.png)\)", block.strip())
        if m:
            data = base64.b64encode((folder / m.group(2)).read_bytes()).decode()
            out.append(f'<figure><img alt="{html.escape(m.group(1))}" src="data:image/png;base64,{data}"></figure>')
        elif block.startswith("#"):
            level = len(block) - len(block.lstrip("#"))
            out.append(f"<h{level}>{inline(block[level:].strip())}</h{level}>")
        elif re.match(r"\d+\. ", block):
            out.append("<ol>" + "".join(f"<li>{inline(re.sub(r'^[0-9]+[.] ', '', x))}</li>" for x in lines) + "</ol>")
        elif block.startswith("*") and block.endswith("*") and not block.startswith("**"):
            out.append(f"<figcaption>{inline(block.strip('*'))}</figcaption>")
        else:
            out.append("<p>" + "<br>".join(inline(x) for x in lines) + "</p>")
    body = "\n".join(out)
    body = re.sub(r"(<h3>[^<]*q\w+ \[.*?)(?=<h[23]>|$)", r'<div class="worst">\1</div>', body, flags=re.S)
    return (
        f'<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>ragbot 评测报告</title>'
        f"<style>{_STYLE}</style></head><body>\n{body}\n</body></html>\n"
    )


def body_of(page: str) -> str:
    """The part of a report page between <body> and </body> (for the app's evaluation tab)."""
    m = re.search(r"<body>(.*)</body>", page, re.S)
    style = re.search(r"<style>(.*?)</style>", page, re.S)
    css = re.sub(r"(^|})\s*body\{", r"\1.ragbot-report{", style.group(1)) if style else ""
    return f'<style>{css}</style><div class="ragbot-report">{m.group(1) if m else ""}</div>'


# ---------------------------------------------------------------- the terminal
def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def table(rows: list[list[str]], right: set[int]) -> str:
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        cells = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - _width(cell))
            cells.append(pad + cell if i in right else cell + pad)
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def summary(files: Sequence[FileReport]) -> str:
    rows = [["file", "encoding", "speeches", "chunks", "noise removed", "skipped"]]
    for f in files:
        noise = f"{f.removed} span{'s' if f.removed > 1 else ''} / {f.removed_chars} chars" if f.removed else "-"
        rows.append([f.file, f.encoding or "-", str(f.speeches), str(f.chunks), noise, f.skipped or ""])
    used = [f for f in files if not f.skipped]
    rows.append(
        [
            "total",
            f"{len(used)} files",
            str(sum(f.speeches for f in used)),
            str(sum(f.chunks for f in used)),
            f"{sum(f.removed_chars for f in used)} chars",
            f"{len(files) - len(used)} skipped" if len(files) > len(used) else "",
        ]
    )
    return table(rows, right={2, 3})


def print_hits(result: SearchResult) -> None:
    if result.notice:
        print(f"({result.notice})")
    if not result.hits:
        print("no passage matches this query")
    for h in result.hits:
        where = " > ".join(h.headings)
        print(f"[{h.rank}] {h.file} #{h.speech} {h.title}" + (f" | {where}" if where else "") + f"  ({h.score:.4f})")
        print("    " + h.text.replace("\n", "\n    "))
        print()


def print_answer(a: Answer) -> None:
    if a.notice:
        print(f"({a.notice})")
    print(a.text)
    unsupported = [s.text for s in a.sentences if not s.supported]
    if unsupported:
        print(to_script("\n（以下句子没有摘录支持：", a.script) + " / ".join(unsupported) + "）")
    print()
    if a.refused:
        print(to_script(CLOSEST_LABEL, a.script))
        for h in a.hits[:CLOSEST]:
            print(f"  - {h.file} #{h.speech} {h.title}: {h.text[:80]}…")
        return
    for c in a.citations:
        where = " > ".join(c.headings)
        print(f"[{c.n}] {c.file} #{c.speech} {c.title}" + (f" | {where}" if where else ""))
        print("    " + c.text.replace("\n", "\n    "))


def print_speeches(speeches: Sequence[Speech], chunks: Mapping[tuple[str, int], Sequence[Chunk]]) -> None:
    """`ragbot inspect`: each speech with its counts and what cleaning removed."""
    for s in speeches:
        n = len(chunks.get((s.file, s.speech), ()))
        print(
            f"{s.file} #{s.speech}  {s.title}  [{s.script}, {len(s.text)} chars, {n} chunks, "
            f"{len(s.removed)} removals{', gap' if s.gaps else ''}]"
        )
        for r in s.removed:
            print(f"    - {r.rule:<14} {r.start}-{r.end}  {r.text[:50]!r}")


def print_phrases(result: PhraseResult) -> None:
    print(f"exact: {len(result.exact)} occurrence(s)" + (" in " if result.counts else ""), end="")
    print("; ".join(f"{f} #{n} ×{k}" for f, n, _, k in result.counts))
    for o in result.exact:
        print(f"  {o.file} #{o.speech} @{o.start}: …{o.left}【{o.match}】{o.right}…")
    print("\nsimilar sentences:")
    for s in result.similar:
        print(f"  [{s.rank}] {s.score:.3f} {s.file} #{s.speech}: {s.text}")


def built(report: BuildReport) -> str:
    """One line on what a build did to the index."""
    if report.up_to_date:
        return f"index {report.folder}/ is up to date ({report.chunks} chunks)"
    return (
        f"index {report.folder}/: {report.chunks} chunks, {report.vectors} vectors ({report.kind}); "
        f"{report.embedded} embedded, {report.reused} reused, in {report.seconds:.1f} s"
    )


def print_change(c: Changed) -> None:
    """`ragbot remove` / `ragbot restore`: a line per file, then the index's."""
    for m in c.files:
        held = f"{m.speeches} speech{'es' * (m.speeches != 1)}, {m.chunks} chunk{'s' * (m.chunks != 1)}"
        held += f"; skipped: {m.skipped}" if m.skipped else ""
        if c.restored:
            print(f"restored {m.item.file} ({held}) from {m.item.path}")
        else:
            print(f"removed {m.item.file} ({held}) to {m.item.path}")
    print(built(c.report))


def trash_list(items: Sequence[Trashed]) -> str:
    """What the trash holds, newest first: when each file was removed, its name in the corpus and where it is."""
    if not items:
        return "the trash is empty"
    return table([["removed at", "file", "in the trash"]] + [[t.when, t.file, str(t.path)] for t in items], set())


def progress_bar(enabled: bool) -> Progress | None:
    """A terminal progress bar for a build's stages (reading, embedding with tokens/s, training with its
    loss), each with an ETA; None when `enabled` is False (JSON output)."""
    if not enabled:
        return None
    from tqdm import tqdm

    bar: Any = None

    def update(done: int, total: int, name: str) -> None:
        nonlocal bar
        stage, _, rate = name.partition(" · ")  # "embedding · 7,300 tokens/s", or a file name
        if bar is None or done < bar.n or total != bar.total:  # a new stage: a new bar
            if bar is not None:
                bar.close()
            # shown on a terminal only, and only when the stage takes more than a second; with an ETA
            desc = stage if rate else None
            unit = "step" if stage == "training" else "text"
            bar = tqdm(total=total, unit=unit, desc=desc, file=sys.stderr, disable=None, delay=1.0, leave=False)
        bar.n = done
        bar.set_postfix_str(rate or name[-30:], refresh=True)
        if done >= total:
            bar.close()

    return update
