"""Files users upload (through the app) into corpus/uploads/, and the index update that follows.

  store(src, folder, max_bytes)       one file: the size limit, its type read from its content (a
                                      PNG named .txt is refused, text named .pdf is stored as .txt),
                                      a safe unique name inside `folder`, written atomically
  add(paths, config, embedder)        store each, update the index incrementally, and keep only
                                      what the new index holds: a file that cannot be read is
                                      deleted again, and all of them when the index cannot be written

Notes are one line each, in Chinese (the app's users read them), plain text (the caller escapes
them for a page). What it does not do: remove the web server's temporary copies (ui.py does, for
the paths Gradio gave it), or check who may upload (guard.py).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import pipeline
from .config import Config
from .embed import Embedder
from .errors import IndexWriteError, RagbotError, why_zh
from .ingest import SUPPORTED, sniff

UPLOADS = "uploads"  # the folder inside the corpus
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


def typed_name(name: str, kind: str) -> str:
    """`name` made safe, with the extension of the type its content has (`kind`, e.g. ".txt").

    >>> typed_name("speech.pdf", ".txt"), typed_name("notes.md", ".txt"), typed_name("x.htm", ".html")
    ('speech.txt', 'notes.md', 'x.htm')
    """
    name = safe_name(name)
    suffix = Path(name).suffix.lower()
    fits = (
        suffix == kind or (kind == ".txt" and suffix in (".md", ".markdown")) or (kind == ".html" and suffix == ".htm")
    )
    return name if fits else (Path(name).stem if suffix in SUPPORTED else name) + kind


@dataclass(frozen=True)
class Stored:
    """What became of one uploaded file: where it was stored, or (path None) the note saying why not."""

    name: str  # as uploaded
    path: Path | None
    note: str = ""


def store(src: Path, folder: Path, max_bytes: int) -> Stored:
    """Copy one upload into `folder` under a safe name fitting its content's type, or say why not."""
    try:
        size = src.stat().st_size
        with open(src, "rb") as fh:
            kind = sniff(fh.read(4096))  # the content decides the type; the name only gives the stem
    except OSError as e:
        return Stored(src.name, None, f"{src.name}：无法读取上传的文件（{e.strerror or e}），请重新上传")
    if size > max_bytes:
        return Stored(src.name, None, f"{src.name}：超过 {max_bytes / 1_000_000:g} MB 上限")
    if not kind.startswith("."):
        return Stored(src.name, None, f"{src.name}：不是可读取的文档（{kind}），可上传文本、docx、pdf、html")
    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = unique_path(folder / typed_name(src.name, kind))
        tmp = target.with_name(f".{target.name}.part")
        shutil.copyfile(src, tmp)
        os.replace(tmp, target)
    except OSError as e:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        print(f"ragbot: could not store the upload {src.name} in {folder} ({e.strerror or e})", file=sys.stderr)
        return Stored(src.name, None, f"{src.name}：未能保存（{why_zh(e)}），请告知管理员")
    return Stored(src.name, target)


@dataclass(frozen=True)
class Added:
    """The notes of an upload batch, one line per file and one for the index; `indexed`: the index changed."""

    notes: tuple[str, ...]
    indexed: bool


def add(
    paths: Sequence[str | Path],
    config: Config,
    embedder: Embedder | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> Added:
    """Store uploads in corpus/uploads/ and bring the index up to date with them (see the module docstring)."""
    folder = Path(config.corpus) / UPLOADS
    results = [store(Path(p), folder, config.max_file_bytes) for p in paths]
    notes = [r.note for r in results if r.path is None]
    kept = [r.path for r in results if r.path is not None]
    if not kept:
        return Added(tuple(notes), False)
    try:
        corpus, built = pipeline.build_index([config.corpus], config, embedder, progress)
    except (RagbotError, OSError) as e:
        for t in kept:
            t.unlink(missing_ok=True)  # an upload is kept only with the index that holds it
        if isinstance(e, (IndexWriteError, OSError)):
            why = why_zh(e.cause if isinstance(e, IndexWriteError) else e)
            reason = f"无法写入新索引（{why}），原索引未改动；请腾出磁盘空间或检查权限后重试"
        else:
            reason = str(e)
        print(f"ragbot: the index was not updated after an upload ({e})", file=sys.stderr, flush=True)
        return Added((*notes, f"更新索引失败：{reason}"), False)
    by_name = {f.file: f for f in corpus.files}
    for t in kept:
        f = by_name.get(f"{UPLOADS}/{t.name}")
        if f is None or f.skipped:
            t.unlink(missing_ok=True)  # a file that cannot be read is not kept (nor indexed)
            notes.append(f"{t.name}：无法读取（{f.skipped if f else '未找到'}）")
        else:
            notes.append(f"{t.name}：已加入，{f.speeches} 篇讲话、{f.chunks} 个片段")
    notes.append(f"索引已更新：新嵌入 {built.embedded} 段，复用 {built.reused} 段，用时 {built.seconds:.1f} 秒")
    return Added(tuple(notes), True)
