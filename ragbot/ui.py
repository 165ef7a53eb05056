"""The Gradio app: chat with cited excerpts, precedent wording, the evaluation report, the corpus. Presentation only.

`App` holds one search session for every browser tab; its handlers stream the answer text while
it is generated (rendered by render.py, escaped), keep each turn's Answer so the Simplified/
Traditional display switch can re-render the conversation (and a reload can restore it), store
feedback and uploads (reporting a failed write in one Chinese line), and serve the JSON API for
scripts. layout.py lays out the Blocks. Offline by construction: analytics are switched off before any Blocks exists, the theme
uses system fonts only, and no asset comes from a CDN. What it does not do: retrieval or
answering (pipeline.py, answer.py), storing uploads or moving files to the trash (uploads.py, trash.py),
or serving (serve.py).
"""

from __future__ import annotations

import html
import os
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    pass

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # before gradio is imported anywhere

from . import feedback, pipeline, schema, trash, uploads
from .answer import Answerer
from .config import Config
from .errors import RagbotError, say, why_zh
from .generate import make_generator
from .phrases import PhraseResult
from .render import DISPLAY, body_of, render_answer, render_phrases
from .retrieve import check_k
from .script import detect_script, to_traditional
from .store import Filters
from .types import Answer, Hit, Speech
from .word import export


def _in(script: str, text: str) -> str:
    """A Simplified message in the asker's script."""
    return to_traditional(text) if script == "traditional" else text


EXAMPLES = [
    "办公室主任应该具备哪些素质？",
    "怎样做好督查督办工作？",
    "形容办公室承上启下作用的说法有哪些？",
    "辦公室的信息工作要注意什麼？",
    "新到办公室工作的同志应该怎样学习？",
]


class LikeEvent(Protocol):
    """What the app reads of Gradio's LikeData: which message (its index) and thumbs up or down."""

    @property
    def index(self) -> int | tuple[int, int]: ...

    @property
    def liked(self) -> bool | str: ...


class ProgressBar(Protocol):
    """Gradio's gr.Progress, as the upload handler calls it."""

    def __call__(self, progress: float, desc: str | None = None) -> object: ...


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

    def context(self, hit: Hit, width: int = 300) -> tuple[str, str]:
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
            previous = answers[-1] if answers else None  # a follow-up goes deeper than this one
            for item in self.answerer(generator).stream(question, history, self.filters(files), int(k), previous):
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
            said = html.escape(say(e, detect_script(question)))
            yield (
                [*messages, {"role": "assistant", "content": f'<p class="ragbot-notice">{said}</p>'}],
                answers,
                question,
            )

    def resume(self, kept: Any, display: str) -> tuple[list[dict[str, Any]], list[Answer]]:
        """The conversation the browser kept (schema.stored), shown again after a reload; nothing when
        what was kept cannot be read back (an older shape, an edited value)."""
        answers = schema.restored(kept)
        return self.redisplay(answers, display), answers

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

    def keep(self, record: dict[str, Any]) -> str | None:
        """Append a feedback record (schema.feedback*); None, or the one-line message in the asker's
        script when the write failed (the app's buttons and the API's /api/feedback both come here)."""
        path = self.config.data / "feedback.jsonl"
        try:
            feedback.append(path, record)
        except OSError as e:
            print(f"ragbot: could not write feedback to {path} ({e.strerror or e})", file=sys.stderr, flush=True)
            what = "意见" if record["rating"] == "comment" else "评价"
            return _in(record["script"], f"未能保存{what}（{why_zh(e)}），请稍后再试或告知管理员")
        return None

    def _keep(self, answer: Answer, rating: str, comment: str) -> str | None:
        return self.keep(schema.feedback(answer, rating, comment, self.settings()))

    def like(self, answers: list[Answer], data: LikeEvent) -> str:
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
    def chunk_counts(self) -> dict[tuple[str, int], int]:
        """Chunks per speech (file, number) in the session's index: the corpus tab's and /api/speeches' count."""
        return dict(Counter((c.file, c.speech) for c in self.bot.index.chunks))

    def corpus_rows(self) -> list[list[Any]]:
        index, per = self.bot.index, self.chunk_counts()

        def rules(s: Speech) -> str:
            return ", ".join(sorted({r.rule for r in s.removed})) or "-"

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

    def upload(self, paths: Sequence[str] | None, progress: ProgressBar | None = None) -> tuple[str, list[list[Any]]]:
        """Add uploaded files to the corpus and the index (uploads.py); Gradio's temporary copies are
        deleted afterwards, whatever became of them."""
        if not paths:
            return "请选择要上传的文件", self.corpus_rows()

        def report(done: int, total: int, what: str) -> None:
            if progress is not None and total:
                progress(done / total, desc=f"嵌入新内容 {done}/{total}")

        try:
            added = uploads.add(paths, self.config, self.bot.embedder, report)
        finally:
            self._discard(paths)
        if added.indexed:
            self.reload()
        return "<br>".join(html.escape(n) for n in added.notes), self.corpus_rows()

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

    def change(self, action: trash.Action, name: str | None, display: str, answers: Sequence[Answer]) -> str:
        """Ask to confirm removing a file, remove it, or restore it (trash.py); the notice in the asker's script."""
        asked = answers[-1].script if answers and display == DISPLAY[0] else "simplified"
        script = "traditional" if display == DISPLAY[2] or asked == "traditional" else "simplified"
        told = trash.tell(action, name, self.config, self.bot.embedder if action != "confirm" else None, script)
        if told.indexed:
            self.reload()
        return "<br>".join(html.escape(n) for n in told.notes)

    def reload(self) -> None:
        """Pick up a rebuilt index (the embedder stays loaded), warmed before it takes over."""
        bot = pipeline.Ragbot(self.config, self.bot.embedder)
        bot.index.matrix  # noqa: B018 - read once here, not by every concurrent first asker
        self.answerers = {}
        self.bot = bot

    def phrases(self, query: str, display: str = DISPLAY[0]) -> tuple[str, PhraseResult | None]:
        """The precedent wording for `query` shown in `display`, and the result (kept for the display switch)."""
        try:
            result = self.bot.phrases(query)
        except RagbotError as e:
            return f'<p class="ragbot-notice">{html.escape(say(e, detect_script(query)))}</p>', None
        return render_phrases(result, display), result

    def export(self, what: list[Answer] | PhraseResult | None, display: str) -> tuple[Any, str]:
        """导出 Word: the conversation or the precedent result, written under the temp folder (word.py) and offered."""
        import gradio as gr

        done = export(what, display, self.temp or Path(self.config.data) / "tmp")
        return gr.File(value=str(done.path) if done.path else None, visible=done.path is not None), done.message

    def report(self) -> str:
        """The latest evaluation report (written by `ragbot eval`), as HTML for the 评测 tab."""
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
            check_k(k)
            return schema.answer(self.answerer(generator).ask(question, k=int(k)))
        except RagbotError as e:
            raise gr.Error(say(e, detect_script(question)), print_exception=False) from None
