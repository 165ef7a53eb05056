"""The `ragbot` command: a thin shell over `ragbot.pipeline`.

Every RagbotError becomes one line on stderr and a non-zero exit; nothing here holds logic that
the app or evaluation would need.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from . import __version__, pipeline
from .config import Config
from .errors import NothingToIngest, RagbotError
from .types import Chunk, Corpus, FileReport, Speech


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _table(rows: list[list[str]], right: set[int]) -> str:
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


def _summary(files: Sequence[FileReport]) -> str:
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
    return _table(rows, right={2, 3})


def _progress(enabled: bool) -> pipeline.Progress | None:
    if not enabled:
        return None
    from tqdm import tqdm

    bar: Any = None

    def update(done: int, total: int, name: str) -> None:
        nonlocal bar
        if bar is None:
            # shown on a terminal only, and only when the run takes more than a second
            bar = tqdm(total=total, unit="file", file=sys.stderr, disable=None, delay=1.0, leave=False)
        bar.n = done
        bar.set_postfix_str(name[-30:], refresh=True)
        if done >= total:
            bar.close()

    return update


def _chunks_by_speech(corpus: Corpus) -> dict[tuple[str, int], list[Chunk]]:
    out: dict[tuple[str, int], list[Chunk]] = defaultdict(list)
    for c in corpus.chunks:
        out[(c.file, c.speech)].append(c)
    return out


def _speech_json(s: Speech, chunks: list[Chunk]) -> dict[str, Any]:
    return {
        "file": s.file,
        "speech": s.speech,
        "title": s.title,
        "script": s.script,
        "encoding": s.encoding,
        "start": s.start,
        "end": s.end,
        "gaps": list(s.gaps),
        "text": s.text,
        "removed": [{"start": r.start, "end": r.end, "text": r.text, "rule": r.rule} for r in s.removed],
        "chunks": [
            {"id": c.id, "start": c.start, "end": c.end, "text": c.text, "headings": list(c.headings)} for c in chunks
        ],
    }


def cmd_ingest(args: argparse.Namespace, config: Config) -> int:
    paths = args.paths or [config.corpus]
    try:
        corpus = pipeline.ingest(paths, config, _progress(not args.json))
    except NothingToIngest as e:
        files = [f for f in e.reports if isinstance(f, FileReport)]
        if args.json:
            print(
                json.dumps(
                    {"files": [asdict(f) for f in files], "speeches": 0, "chunks": 0}, ensure_ascii=False, indent=2
                )
            )
        elif files:
            print(_summary(files))
        raise
    if args.json:
        out = {
            "files": [asdict(f) for f in corpus.files],
            "speeches": len(corpus.speeches),
            "chunks": len(corpus.chunks),
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print(_summary(corpus.files))
    return 0


def cmd_inspect(args: argparse.Namespace, config: Config) -> int:
    paths = args.paths or [config.corpus]
    corpus = pipeline.ingest(paths, config)
    for f in corpus.files:
        if f.skipped:
            print(f"ragbot: skipped {f.file}: {f.skipped}", file=sys.stderr)
    by_speech = _chunks_by_speech(corpus)
    if args.json:
        out = [_speech_json(s, by_speech[(s.file, s.speech)]) for s in corpus.speeches]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    for s in corpus.speeches:
        n = len(by_speech[(s.file, s.speech)])
        print(
            f"{s.file} #{s.speech}  {s.title}  [{s.script}, {len(s.text)} chars, {n} chunks, "
            f"{len(s.removed)} removals{', gap' if s.gaps else ''}]"
        )
        for r in s.removed:
            print(f"    - {r.rule:<14} {r.start}-{r.end}  {r.text[:50]!r}")
    return 0


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
        help="read, clean, split and chunk speeches; print a summary per file",
        description="Read, clean, split and chunk speeches; print a summary table per file "
        "(encoding, speeches, chunks, noise removed, skipped files with the reason). "
        "Exits non-zero only when nothing could be ingested.",
    )
    common(sp)
    sp.set_defaults(func=cmd_ingest)
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
        config = Config.load(args.config).with_overrides(
            chunk_size=args.chunk_size, chunk_overlap=args.chunk_overlap, max_file_mb=args.max_file_mb
        )
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
