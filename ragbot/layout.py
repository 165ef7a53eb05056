"""The Gradio app's layout: the four tabs (问答, 范文用语, 语料, 评测) and which App handler each control calls.

The conversation is kept in the browser (gr.BrowserState, localStorage: schema.stored) and restored
when the page is loaded again; 新对话 starts a fresh one. What it does not do: handle anything
(ui.App does), render answers (render.py) or serve (serve.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import __version__, schema, trash
from .generate import GENERATORS
from .ingest import SUPPORTED
from .phrases import PhraseResult
from .render import DISPLAY, render_phrases
from .retrieve import MAX_K
from .types import Answer
from .ui import EXAMPLES, App

if TYPE_CHECKING:
    import gradio as gr

KEEP_TURNS = 50  # turns of a conversation the browser keeps across reloads
KEEP_SECRET = "ragbot-conversation"  # Gradio encrypts the kept conversation with it (the page holds it: not a secret)


def build(app: App) -> gr.Blocks:
    import gradio as gr
    from gradio.utils import NamedString

    demo: gr.Blocks
    with gr.Blocks(title="ragbot · 办公室主任会议讲话问答") as demo:
        gr.Markdown("## ragbot · 办公室主任会议讲话问答\n每句回答后的 [n] 对应下方编号摘录；摘录为讲话原文。")
        answers = gr.State([])
        # the conversation survives a reload: kept in the browser (localStorage), restored on load
        saved = gr.BrowserState([], storage_key="ragbot-conversation", secret=KEEP_SECRET)
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
                # asking waits for the kept conversation to be restored (a restore landing after a new answer
                # would wipe it): both start disabled and `resume` below enables them
                box = gr.Textbox(
                    placeholder="输入问题，简体或繁體均可",
                    show_label=False,
                    scale=8,
                    elem_id="question",
                    interactive=False,
                )
                send = gr.Button("提问", variant="primary", scale=1, elem_id="send", interactive=False)
                fresh = gr.Button("新对话", scale=1, elem_id="new-chat")
            with gr.Row():
                note = gr.Textbox(
                    placeholder="对最近一条回答的意见（可选）", show_label=False, scale=8, elem_id="comment"
                )
                note_btn = gr.Button("提交意见", scale=1, elem_id="send-comment")
            feedback_msg = gr.Markdown(elem_id="feedback-msg")
            with gr.Row():
                export_btn = gr.Button("导出 Word", scale=1, elem_id="export-chat")
                export_file = gr.File(label="Word 文件", visible=False, scale=4, elem_id="chat-docx")
            gr.Examples(EXAMPLES, inputs=box, label="示例问题")
            with gr.Accordion("设置", open=False):
                display = gr.Radio(list(DISPLAY), value=DISPLAY[0], label="显示字体", elem_id="display")
                k = gr.Slider(1, MAX_K, value=app.config.top_k, step=1, label="摘录数 (top-k)")
                generator = gr.Dropdown(list(GENERATORS), value=app.config.generator, label="生成方式")
                files = gr.Dropdown(
                    app.speeches(), multiselect=True, value=[], label="只在这些讲话中查找", elem_id="filter"
                )
            gr.Markdown(f"ragbot {__version__} · 检索模型 {app.config.embedder} · 默认生成方式 {app.config.generator}")
        with gr.Tab("范文用语"):
            gr.Markdown(
                "输入一个说法（如“上情下达”）或一段描述（如“形容办公室承上启下作用的说法”）：列出原文出现处和意思相近的句子。"
            )
            with gr.Row():
                phrase = gr.Textbox(show_label=False, placeholder="说法或描述", scale=8, elem_id="phrase")
                find = gr.Button("查找", scale=1, elem_id="find")
                phrase_export = gr.Button("导出 Word", scale=1, elem_id="export-phrases")
            phrase_display = gr.Radio(
                list(DISPLAY), value=DISPLAY[0], label="显示字体（按提问：照原文）", elem_id="phrase-display"
            )
            phrase_file = gr.File(label="Word 文件", visible=False, elem_id="phrases-docx")
            phrase_msg = gr.Markdown(elem_id="phrases-export-msg")
            found = gr.HTML(elem_id="phrases")
            result = gr.State(None)  # the last PhraseResult: the display switch re-renders it without searching
            # one queue for searching and re-displaying, in the order asked: a display switch made just before a
            # search must not finish after it and paint the old page over the new results
            one_at_a_time: dict[str, Any] = {"concurrency_id": "phrases", "concurrency_limit": 1}
            find.click(
                app.phrases, [phrase, phrase_display], [found, result], api_visibility="private", **one_at_a_time
            )
            phrase.submit(
                app.phrases, [phrase, phrase_display], [found, result], api_visibility="private", **one_at_a_time
            )

            def redisplay_phrases(shown: PhraseResult | None, display: str) -> Any:
                # nothing searched yet: leave the page alone (a search sent meanwhile may already be painting it)
                return gr.skip() if shown is None else render_phrases(shown, display)

            phrase_display.change(
                redisplay_phrases, [result, phrase_display], found, api_visibility="private", **one_at_a_time
            )
            phrase_export.click(
                app.export, [result, phrase_display], [phrase_file, phrase_msg], api_visibility="private"
            )
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
            upload_files._process_single_file = lambda f: NamedString(f.path)  # type: ignore[method-assign,no-untyped-call]
            upload_btn = gr.Button("加入语料", elem_id="add")
            upload_msg = gr.HTML(elem_id="upload-msg")

            def on_upload(
                paths: list[str] | None,
                progress: gr.Progress = gr.Progress(),  # noqa: B008 - how Gradio offers a bar
            ) -> tuple[str, list[list[Any]], None]:
                return (*app.upload(paths, progress), None)  # the picker empties: its files are gone from the server

            queue: dict[str, Any] = {"concurrency_id": "corpus", "concurrency_limit": 1, "api_visibility": "private"}
            upload_btn.click(on_upload, upload_files, [upload_msg, table, upload_files], **queue)
            with gr.Row():
                pick = gr.Dropdown(label="移出语料（移到回收站，可恢复）", elem_id="remove-file", scale=4)
                ask_btn = gr.Button("移到回收站", elem_id="remove", scale=1)
                sure_btn = gr.Button("确认移除", variant="stop", visible=False, elem_id="confirm-remove", scale=1)
            with gr.Row():
                binned = gr.Dropdown(label="回收站", elem_id="trash-file", scale=4)
                back_btn = gr.Button("恢复", elem_id="restore", scale=1)
            change_msg = gr.HTML(elem_id="change-msg")

            def lists() -> tuple[Any, Any]:  # the corpus's files and the trash as they are now
                files, binned_now = trash.corpus_files(app.config), trash.choices(app.config)
                return gr.update(choices=files, value=None), gr.update(choices=binned_now, value=None)

            def changed(action: trash.Action, name: str | None, shown: str, given: list[Answer]) -> tuple[Any, ...]:
                return app.change(action, name, shown, given), app.corpus_rows(), *lists(), gr.update(visible=False)

            def confirm(name: str | None, shown: str, given: list[Answer]) -> tuple[str, Any]:
                return app.change("confirm", name, shown, given), gr.update(visible=bool(name))

            outs, ins = [change_msg, table, pick, binned, sure_btn], [display, answers]
            ask_btn.click(confirm, [pick, *ins], [change_msg, sure_btn], api_visibility="private")
            pick.change(lambda: gr.update(visible=False), None, sure_btn, api_visibility="private")
            sure_btn.click(lambda *a: changed("remove", *a), [pick, *ins], outs, **queue)
            back_btn.click(lambda *a: changed("restore", *a), [binned, *ins], outs, **queue)
            table.change(lists, None, [pick, binned], api_visibility="private")  # after an upload, too
            demo.load(lambda: (app.corpus_rows(), *lists()), None, [table, pick, binned], api_visibility="private")
        with gr.Tab("评测"):
            gr.Markdown(
                "`ragbot eval` 的最新评测报告：各配置的检索与引用指标、按题型、提问繁简和划分的细分、图表和最差的问题。"
            )
            reload_btn = gr.Button("重新载入", size="sm", elem_id="reload-report")
            report_html = gr.HTML(app.report(), elem_id="report")
            reload_btn.click(app.report, None, report_html, api_visibility="private")
            demo.load(app.report, None, report_html, api_visibility="private")
        inputs = [box, chatbot, answers, display, k, generator, files]
        # chat() empties the box with its first update (and gives the question back on an error)

        def chat(*given: Any) -> Any:  # app.chat, and the finished turn kept in the browser with the same update
            for shown, now, left in app.chat(*given):
                yield shown, now, left, gr.skip() if now is given[2] else schema.stored(now[-KEEP_TURNS:])

        send.click(chat, inputs, [chatbot, answers, box, saved], api_visibility="private")
        box.submit(chat, inputs, [chatbot, answers, box, saved], api_visibility="private")
        display.change(app.redisplay, [answers, display], chatbot, api_visibility="private")

        def on_like(given: list[Answer], data: gr.LikeData) -> str:
            return app.like(given, data)

        on_like.__annotations__["data"] = gr.LikeData  # Gradio finds the like event by this (evaluated) annotation

        chatbot.like(on_like, answers, feedback_msg, api_visibility="private")
        note_btn.click(app.comment, [answers, note], [feedback_msg, note], api_visibility="private")
        export_btn.click(app.export, [answers, display], [export_file, feedback_msg], api_visibility="private")
        fresh.click(
            lambda: ([], [], [], "", ""), None, [chatbot, answers, saved, note, feedback_msg], api_visibility="private"
        )

        def resume(kept: Any, shown: str) -> tuple[Any, ...]:
            on = gr.update(interactive=True)
            try:
                return (*app.resume(kept, shown), on, on)
            except Exception:  # whatever went wrong with what the browser kept, asking must work
                return [], [], on, on

        demo.load(resume, [saved, display], [chatbot, answers, box, send], api_visibility="private")
        gr.api(app.api_ask, api_name="ask")
    return demo
