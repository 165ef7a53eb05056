"""The Gradio app: chat with cited excerpts over the pipeline. Presentation only.

Renders Answers as escaped HTML (nothing from a speech, a question or a file name is ever
inserted unescaped), streams the text while it is generated, and keeps each turn's Answer so the
Simplified/Traditional display switch can re-render the conversation. Offline by construction:
analytics are switched off before any Blocks exists, the theme uses system fonts only, and no
asset comes from a CDN. What it does not do: any retrieval or answering logic (pipeline.py).
"""

from __future__ import annotations

import html
import os
import re
import shutil
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # before gradio is imported anywhere

from . import __version__, feedback, pipeline, schema
from .answer import Answerer
from .config import Config
from .errors import IndexWriteError, RagbotError, why_zh
from .generate import GENERATORS, make_generator
from .ingest import SUPPORTED, sniff
from .phrases import PhraseResult
from .retrieve import Filters
from .script import fold, to_traditional
from .types import Answer

MAX_K = 20  # excerpts per answer at most (the API refuses more: each one costs scoring time)

EXAMPLES = [
    "办公室主任应该具备哪些素质？",
    "怎样做好督查督办工作？",
    "形容办公室承上启下作用的说法有哪些？",
    "辦公室的信息工作要注意什麼？",
    "新到办公室工作的同志应该怎样学习？",
]
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
SYSTEM_FONTS = ["system-ui", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "sans-serif"]


def _in(script: str, text: str) -> str:
    """A Simplified message in the asker's script."""
    return to_traditional(text) if script == "traditional" else text


def _show(text: str, display: str, asked: str) -> str:
    """`text` in the display script: as asked (already so), Simplified, or Traditional."""
    if display == "简体":
        return fold(text)
    if display == "繁體":
        return to_traditional(text)
    return text


def render_answer(a: Answer, display: str = DISPLAY[0], context: Any = None) -> str:
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
        lines = []
        for s in a.sentences:
            text = esc(_show(s.text, display, a.script))
            marks = "".join(f"<sup>[{n}]</sup>" for n in s.citations)
            if s.supported:
                lines.append(text + marks)
            else:
                lines.append(f'<span class="unsupported" title="没有摘录支持这句话">{text}</span>')
        parts.append("<p>" + "".join(lines) + "</p>")
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
    if a.refused:  # the closest passages, labelled as not matching
        parts.append("<p><b>最接近的段落（与问题不匹配）：</b></p>")
        blocks = [
            (i, h.title, h.file, h.headings, h.text, [], " nomatch", h) for i, h in enumerate(a.hits[:3], start=1)
        ]
    for n, title, file, headings, text, quoted, cls, hit in blocks:
        shown = _show(text, display, "") if display != DISPLAY[0] else text
        body = esc(shown)
        for q in quoted:  # highlight the sentence this excerpt backs
            q_shown = esc(_show(q, display, "")) if display != DISPLAY[0] else esc(q)
            folded_q = fold(q).rstrip("。！？!?”")
            at = fold(shown).find(folded_q)
            if at >= 0:
                span = esc(shown[at : at + len(folded_q)])
                body = body.replace(span, f"<mark>{span}</mark>", 1)
            elif q_shown in body:
                body = body.replace(q_shown, f"<mark>{q_shown}</mark>", 1)
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


_UNSAFE = re.compile(r"[^\w.\-\u4e00-\u9fff]+")


def safe_name(name: str) -> str:
    """A file name that cannot leave the uploads folder: no folders, no dots in front, no odd characters.

    >>> safe_name("../../etc/passwd.txt"), safe_name("讲话 稿(1).docx"), safe_name("..")
    ('passwd.txt', '讲话_稿_1_.docx', 'upload')
    """
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = _UNSAFE.sub("_", base).lstrip(".")[:120]
    return base or "upload"


def unique_path(path: Path) -> Path:
    """`path`, or `name-1.ext`, `name-2.ext`… when it exists."""
    n = 0
    candidate = path
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def render_phrases(r: PhraseResult) -> str:
    """Keyword-in-context lines with counts per speech, then similar sentences; each with a copy button."""
    esc = html.escape

    def copy(text: str) -> str:
        return f'<button class="ragbot-copy" data-text="{esc(text, quote=True)}" title="复制">复制</button>'

    parts = [f"<h4>原文出现 {len(r.exact)} 次</h4>"]
    if r.counts:
        parts.append("<table class='ragbot-counts'><tr><th>讲话</th><th>文件</th><th>次数</th></tr>")
        parts += [f"<tr><td>{esc(t)}</td><td>{esc(f)} #{n}</td><td>{k}</td></tr>" for f, n, t, k in r.counts]
        parts.append("</table>")
    for o in r.exact:
        parts.append(
            f'<div class="ragbot-kwic">…{esc(o.left)}<mark>{esc(o.match)}</mark>{esc(o.right)}… '
            f'<span class="src">{esc(o.title)} · {esc(o.file)} #{o.speech}</span> {copy(o.left + o.match + o.right)}</div>'
        )
    parts.append("<h4>意思相近的句子</h4>")
    for s in r.similar:
        parts.append(
            f'<div class="ragbot-kwic">{s.rank}. {esc(s.text)} <span class="src">{esc(s.title)} · {esc(s.file)} '
            f"#{s.speech} · {s.score:.3f}</span> {copy(s.text)}</div>"
        )
    return "".join(parts)


COPY_JS = """
() => { document.addEventListener('click', (e) => {
  const b = e.target.closest && e.target.closest('.ragbot-copy');
  if (b) { navigator.clipboard && navigator.clipboard.writeText(b.dataset.text); b.textContent = '已复制'; }
}); }
"""


class App:
    """One pipeline session shared by every browser tab (the model and index load once)."""

    def __init__(self, config: Config, bot: pipeline.Ragbot | None = None, temp: Path | None = None) -> None:
        self.config = config
        self.bot = bot or pipeline.Ragbot(config)
        self.answerers: dict[str, Answerer] = {}
        self.temp = temp  # Gradio's upload folder: uploads in it are deleted once stored or refused

    def answerer(self, generator: str) -> Answerer:
        if generator not in self.answerers:
            self.answerers[generator] = Answerer(self.bot, make_generator(generator, self.config))
        return self.answerers[generator]

    def speeches(self) -> list[str]:
        """Filter choices: one per speech, as 'file #n title'."""
        ordered = sorted(self.bot.index.speeches.values(), key=lambda s: (s.file, s.speech))
        return [f"{s.file} #{s.speech} {s.title}" for s in ordered]

    def filters(self, chosen: Sequence[str]) -> Filters:
        keys = []
        for label in chosen:
            file, _, rest = label.partition(" #")
            keys.append((file, int(rest.split(" ", 1)[0])))
        return Filters(speeches=tuple(keys))

    def context(self, hit: Any, width: int = 300) -> tuple[str, str]:
        speech = self.bot.index.speeches.get((hit.file, hit.speech))
        if speech is None:
            return "", ""
        return speech.text[max(0, hit.text_start - width) : hit.text_start], speech.text[
            hit.text_end : hit.text_end + width
        ]

    def chat(
        self,
        question: str,
        messages: list[dict[str, Any]],
        answers: list[Answer],
        display: str,
        k: int,
        generator: str,
        files: Sequence[str],
    ) -> Iterator[tuple[list[dict[str, Any]], list[Answer], str]]:
        """Stream one turn: the question, the answer text as it grows, then the checked answer."""
        messages = [*messages, {"role": "user", "content": html.escape(question)}]
        history = [(a.question, a.text) for a in answers]
        shown = ""
        try:
            for item in self.answerer(generator).stream(question, history, self.filters(files), k=int(k)):
                if isinstance(item, Answer):
                    answers = [*answers, item]
                    yield (
                        [*messages, {"role": "assistant", "content": render_answer(item, display, self.context)}],
                        answers,
                        "",
                    )
                    return
                shown += item
                yield [*messages, {"role": "assistant", "content": html.escape(shown)}], answers, ""
        except RagbotError as e:
            yield (
                [*messages, {"role": "assistant", "content": f'<p class="ragbot-notice">{html.escape(str(e))}</p>'}],
                answers,
                question,
            )

    def redisplay(self, answers: list[Answer], display: str) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for a in answers:
            out += [
                {"role": "user", "content": html.escape(a.question)},
                {"role": "assistant", "content": render_answer(a, display, self.context)},
            ]
        return out

    # ---------------------------------------------------------------- feedback
    def settings(self) -> dict[str, Any]:
        c = self.config
        return {"embedder": c.embedder, "generator": c.generator, "top_k": c.top_k, "index": str(c.index)}

    def _keep(self, answer: Answer, rating: str, comment: str) -> str | None:
        """Append feedback on `answer`; None, or the one-line message (asker's script) when the write failed."""
        path = self.config.data / "feedback.jsonl"
        try:
            feedback.append(path, schema.feedback(answer, rating, comment, self.settings()))
        except OSError as e:
            print(f"ragbot: could not write feedback to {path} ({e.strerror or e})", file=sys.stderr, flush=True)
            what = "意见" if rating == "comment" else "评价"
            return _in(answer.script, f"未能保存{what}（{why_zh(e)}），请稍后再试或告知管理员")
        return None

    def like(self, answers: list[Answer], data: Any) -> str:
        """Thumbs up/down on an answer (the chat's like buttons): appended to data/feedback.jsonl."""
        turn = int(data.index[0] if isinstance(data.index, (list, tuple)) else data.index) // 2
        if not 0 <= turn < len(answers):
            return "找不到这条回答"
        rating = "up" if data.liked else "down"
        failed = self._keep(answers[turn], rating, "")
        return failed or _in(answers[turn].script, "已记录：👍" if rating == "up" else "已记录：👎")

    def comment(self, answers: list[Answer], text: str) -> tuple[str, str]:
        if not answers:
            return "还没有回答可以评论", text
        if not text.strip():
            return _in(answers[-1].script, "请先写下意见"), text
        failed = self._keep(answers[-1], "comment", text.strip())
        return (failed, text) if failed else (_in(answers[-1].script, "已记录意见，谢谢"), "")

    # ---------------------------------------------------------------- corpus
    def corpus_rows(self) -> list[list[Any]]:
        index = self.bot.index
        per: dict[tuple[str, int], int] = {}
        for c in index.chunks:
            per[(c.file, c.speech)] = per.get((c.file, c.speech), 0) + 1
        rules = lambda s: ", ".join(sorted({r.rule for r in s.removed})) or "-"  # noqa: E731
        return [
            [
                s.title,
                s.file,
                s.speech,
                "繁體" if s.script == "traditional" else "简体",
                per.get((s.file, s.speech), 0),
                rules(s),
            ]
            for s in sorted(index.speeches.values(), key=lambda s: (s.file, s.speech))
        ]

    def upload(self, paths: Sequence[str] | None, progress: Any = None) -> tuple[str, list[list[Any]]]:
        """Copy uploaded files into corpus/uploads/ (safe names, size limit) and update the index; Gradio's
        temporary copies are deleted afterwards, whatever became of them."""
        if not paths:
            return "请选择要上传的文件", self.corpus_rows()
        try:
            return self._upload(paths, progress)
        finally:
            self._discard(paths)

    def _discard(self, paths: Sequence[str]) -> None:
        """Delete the uploads among `paths` that lie in the temp folder, and the folders that leaves empty."""
        if self.temp is None:
            return
        for p in paths:
            src = Path(os.path.abspath(p))  # not resolve(): a link is removed, never its target
            if not src.is_relative_to(self.temp) or src == self.temp:
                continue
            src.unlink(missing_ok=True)
            parent = src.parent
            while parent != self.temp and parent.is_relative_to(self.temp):
                try:
                    parent.rmdir()
                except OSError:
                    break
                parent = parent.parent

    def _upload(self, paths: Sequence[str], progress: Any) -> tuple[str, list[list[Any]]]:
        folder = Path(self.config.corpus) / "uploads"
        notes, kept = [], []
        for p in paths:
            src = Path(p)
            try:
                size = src.stat().st_size
                with open(src, "rb") as fh:
                    kind = sniff(fh.read(4096))  # the content decides the type; the name only gives the stem
            except OSError as e:
                notes.append(
                    f"{html.escape(src.name)}：无法读取上传的文件（{html.escape(e.strerror or str(e))}），请重新上传"
                )
                continue
            if size > self.config.max_file_bytes:
                notes.append(f"{html.escape(src.name)}：超过 {self.config.max_file_mb:g} MB 上限")
                continue
            if not kind.startswith("."):
                notes.append(
                    f"{html.escape(src.name)}：不是可读取的文档（{html.escape(kind)}），可上传文本、docx、pdf、html"
                )
                continue
            name = safe_name(src.name)
            suffix = Path(name).suffix.lower()
            if not (
                suffix == kind
                or (kind == ".txt" and suffix in (".md", ".markdown"))
                or (kind == ".html" and suffix == ".htm")
            ):
                name = (Path(name).stem if suffix in SUPPORTED else name) + kind
            tmp = None
            try:
                folder.mkdir(parents=True, exist_ok=True)
                target = unique_path(folder / name)
                tmp = target.with_name(f".{target.name}.part")
                shutil.copyfile(src, tmp)
                os.replace(tmp, target)
            except OSError as e:
                if tmp is not None:
                    tmp.unlink(missing_ok=True)
                print(f"ragbot: could not store the upload {name} in {folder} ({e.strerror or e})", file=sys.stderr)
                notes.append(f"{html.escape(src.name)}：未能保存（{why_zh(e)}），请告知管理员")
                continue
            kept.append(target)
        if kept:

            def report(done: int, total: int, what: str) -> None:
                if progress is not None and total:
                    progress(done / total, desc=f"嵌入新内容 {done}/{total}")

            try:
                corpus, built = pipeline.build_index([self.config.corpus], self.config, self.bot.embedder, report)
            except (RagbotError, OSError) as e:
                for t in kept:
                    t.unlink(missing_ok=True)  # an upload is kept only with the index that holds it
                if isinstance(e, (IndexWriteError, OSError)):
                    why = why_zh(e.cause if isinstance(e, IndexWriteError) else e)
                    reason = f"无法写入新索引（{why}），原索引未改动；请腾出磁盘空间或检查权限后重试"
                else:
                    reason = html.escape(str(e))
                print(f"ragbot: the index was not updated after an upload ({e})", file=sys.stderr, flush=True)
                return "<br>".join([*notes, f"更新索引失败：{reason}"]), self.corpus_rows()
            by_name = {f.file: f for f in corpus.files}
            for t in kept:
                f = by_name.get(f"uploads/{t.name}")
                if f is None or f.skipped:
                    t.unlink(missing_ok=True)  # a file that cannot be read is not kept (nor indexed)
                    notes.append(f"{html.escape(t.name)}：无法读取（{html.escape(f.skipped if f else '未找到')}）")
                else:
                    notes.append(f"{html.escape(t.name)}：已加入，{f.speeches} 篇讲话、{f.chunks} 个片段")
            self.reload()
            notes.append(f"索引已更新：新嵌入 {built.embedded} 段，复用 {built.reused} 段，用时 {built.seconds:.1f} 秒")
        return "<br>".join(notes), self.corpus_rows()

    def reload(self) -> None:
        """Pick up a rebuilt index (the embedder stays loaded), warmed before it takes over."""
        bot = pipeline.Ragbot(self.config, self.bot.embedder)
        bot.index.matrix  # noqa: B018 - read once here, not by every concurrent first asker
        self.answerers = {}
        self.bot = bot

    def phrases(self, query: str) -> str:
        try:
            return render_phrases(self.bot.phrases(query))
        except RagbotError as e:
            return f'<p class="ragbot-notice">{html.escape(str(e))}</p>'

    def report(self) -> str:
        """The latest evaluation report (written by `ragbot eval`), as HTML for the 评测 tab."""
        from .report import body_of

        page = Path(self.config.reports) / "report.html"
        try:
            return body_of(page.read_text(encoding="utf-8"))
        except OSError:
            return (
                f'<p class="ragbot-notice">还没有评测报告（{html.escape(str(page))} 不存在）。'
                "运行 <code>ragbot eval</code> 生成，然后点“重新载入”。</p>"
            )

    def api_ask(self, question: str, k: int = 5, generator: str = "extractive") -> dict[str, Any]:
        """For scripts (gradio_client): the answer and its citations as JSON; a bad question, k or
        generator comes back as the one-line message (gradio_client raises it as an AppError)."""
        import gradio as gr

        try:
            if not 1 <= int(k) <= MAX_K:
                raise RagbotError(f"k must be between 1 and {MAX_K}, got {k}")
            return schema.answer(self.answerer(generator).ask(question, k=int(k)))
        except RagbotError as e:
            raise gr.Error(str(e), print_exception=False) from None


def build(app: App) -> Any:
    import gradio as gr
    from gradio.utils import NamedString

    with gr.Blocks(title="ragbot · 办公室主任会议讲话问答") as demo:
        gr.Markdown("## ragbot · 办公室主任会议讲话问答\n每句回答后的 [n] 对应下方编号摘录；摘录为讲话原文。")
        answers = gr.State([])
        with gr.Tab("问答"):
            chatbot = gr.Chatbot(
                label="对话",
                height=520,
                sanitize_html=True,
                render_markdown=False,
                elem_id="chat",
                feedback_options=("Like", "Dislike"),
            )
            with gr.Row():
                box = gr.Textbox(placeholder="输入问题，简体或繁體均可", show_label=False, scale=8, elem_id="question")
                send = gr.Button("提问", variant="primary", scale=1, elem_id="send")
            with gr.Row():
                note = gr.Textbox(
                    placeholder="对最近一条回答的意见（可选）", show_label=False, scale=8, elem_id="comment"
                )
                note_btn = gr.Button("提交意见", scale=1, elem_id="send-comment")
            feedback_msg = gr.Markdown(elem_id="feedback-msg")
            gr.Examples(EXAMPLES, inputs=box, label="示例问题")
            with gr.Accordion("设置", open=False):
                display = gr.Radio(list(DISPLAY), value=DISPLAY[0], label="显示字体", elem_id="display")
                k = gr.Slider(1, MAX_K, value=app.config.top_k, step=1, label="摘录数 (top-k)")
                generator = gr.Dropdown(list(GENERATORS), value=app.config.generator, label="生成方式")
                files = gr.Dropdown(
                    app.speeches(), multiselect=True, value=[], label="只在这些讲话中查找", elem_id="filter"
                )
                clear = gr.Button("清空对话")
            gr.Markdown(f"ragbot {__version__} · 检索模型 {app.config.embedder} · 默认生成方式 {app.config.generator}")
        with gr.Tab("范文用语"):
            gr.Markdown(
                "输入一个说法（如“上情下达”）或一段描述（如“形容办公室承上启下作用的说法”）：列出原文出现处和意思相近的句子。"
            )
            with gr.Row():
                phrase = gr.Textbox(show_label=False, placeholder="说法或描述", scale=8, elem_id="phrase")
                find = gr.Button("查找", scale=1, elem_id="find")
            found = gr.HTML(elem_id="phrases")
            find.click(app.phrases, phrase, found, api_visibility="private")
            phrase.submit(app.phrases, phrase, found, api_visibility="private")
        with gr.Tab("语料"):
            gr.Markdown("语料中的讲话。可上传新文件（txt、md、docx、pdf、html），上传后自动加入索引。")
            table = gr.Dataframe(
                app.corpus_rows(),
                headers=["标题", "文件", "篇", "字体", "片段数", "清理"],
                interactive=False,
                elem_id="corpus",
            )
            upload_files = gr.File(
                file_count="multiple", file_types=list(SUPPORTED), label="上传文件", elem_id="upload"
            )
            # Gradio 6's File preprocessing opens an empty temporary file per upload that it never uses (one
            # left in the temp folder each time) and refuses a whole batch over one file's extension in
            # English; App.upload decides by content and says why in Chinese. Overridden on this instance
            # (a subclass would make Gradio write a .pyi beside this module); Gradio still checks that each
            # path is an upload of its own before this runs. tests/test_app.py sees the temp folder empty.
            upload_files._process_single_file = lambda f: NamedString(f.path)  # type: ignore[method-assign]
            upload_btn = gr.Button("加入语料", elem_id="add")
            upload_msg = gr.HTML(elem_id="upload-msg")

            def on_upload(paths: list[str] | None, progress: Any = gr.Progress()) -> tuple[str, list[list[Any]], None]:  # noqa: B008
                return (*app.upload(paths, progress), None)  # the picker empties: its files are gone from the server

            upload_btn.click(on_upload, upload_files, [upload_msg, table, upload_files], api_visibility="private")
        with gr.Tab("评测"):
            gr.Markdown("`ragbot eval` 的最新评测报告：各配置的检索与引用指标、按题型与字体的细分、图表和最差的问题。")
            reload_btn = gr.Button("重新载入", size="sm", elem_id="reload-report")
            report_html = gr.HTML(app.report(), elem_id="report")
            reload_btn.click(app.report, None, report_html, api_visibility="private")
            demo.load(app.report, None, report_html, api_visibility="private")
        inputs = [box, chatbot, answers, display, k, generator, files]
        # chat() empties the box with its first update (and gives the question back on an error)
        send.click(app.chat, inputs, [chatbot, answers, box], api_visibility="private")
        box.submit(app.chat, inputs, [chatbot, answers, box], api_visibility="private")
        display.change(app.redisplay, [answers, display], chatbot, api_visibility="private")

        def on_like(given: list[Answer], data: Any) -> str:
            return app.like(given, data)

        on_like.__annotations__["data"] = gr.LikeData  # Gradio passes the like event by this annotation
        chatbot.like(on_like, answers, feedback_msg, api_visibility="private")
        note_btn.click(app.comment, [answers, note], [feedback_msg, note], api_visibility="private")
        clear.click(lambda: ([], []), None, [chatbot, answers], api_visibility="private")
        gr.api(app.api_ask, api_name="ask")
    return demo
