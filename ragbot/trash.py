"""Taking files out of the corpus into a trash folder, bringing them back, and the index update that follows.

  remove(files, config)     move each file (named as the index names it, `uploads/x.txt`, by its bare
                            name when that is unique, or by a path) to <data>/trash/<UTC time>/<its
                            path in the corpus>, then update the index incrementally: the other files'
                            vectors are reused, so nothing is embedded and only the file's chunks go
  restore(files, config)    move the newest trashed copy of each back where it was, update the index
  listing(config)           what the trash holds, newest first
  corpus_files, choices     the files the app offers to remove and to restore
  tell(action, …)           the same for the app: its notes in Chinese, in the asker's script

Refusals (a file not in the corpus or the trash, outside the corpus folder, the last readable one,
a name already taken) raise CorpusChangeError before anything moves. A failed move or index
update moves the files back (the index is written atomically, so it stays as it was) and raises
CorpusChangeError. Nothing is deleted: the trash is emptied by hand. What it does not do: touch the
feedback log, or keep an upload or a `ragbot ingest` running in another process from racing an
update (the app runs its corpus changes one at a time).
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from . import index as index_mod
from . import pipeline, units
from .config import Config
from .embed import Embedder
from .errors import CorpusChangeError, IndexWriteError, NothingToIngest, RagbotError, say, why_zh
from .ingest import find_files
from .script import to_traditional
from .tune import TUNED
from .types import BuildReport, Corpus, FileReport, Progress

TRASH = "trash"  # the folder inside config.data
_STAMP = re.compile(r"(\d{8}T\d{6}Z)(?:-(\d+))?")
_ONE_AT_A_TIME = threading.Lock()  # the app's threads: one corpus change at a time
Action = Literal["confirm", "remove", "restore"]


@dataclass(frozen=True)
class Trashed:
    """A file in the trash: its name in the corpus (as the index named it), where it lies, and the UTC
    time it was moved there (`stamp`, e.g. 20261130T143512Z, the name of its folder in the trash)."""

    file: str
    path: Path
    stamp: str

    @property
    def when(self) -> str:
        """The stamp for people.

        >>> Trashed("a.txt", Path("t/a.txt"), "20261130T143512Z-1").when
        '2026-11-30 14:35:12 UTC'
        """
        s = self.stamp
        return f"{s[:4]}-{s[4:6]}-{s[6:8]} {s[9:11]}:{s[11:13]}:{s[13:15]} UTC"


@dataclass(frozen=True)
class Moved:
    """One file taken out of the corpus or brought back: its speeches and chunks (what left the index
    or came back; `skipped`: why it holds none)."""

    item: Trashed
    speeches: int
    chunks: int
    skipped: str = ""


@dataclass(frozen=True)
class Changed:
    """What `remove` or `restore` did: the files moved (`restored`: back into the corpus), the index update."""

    files: tuple[Moved, ...]
    report: BuildReport
    restored: bool = False


# ---------------------------------------------------------------- where files are
def trash_folder(config: Config) -> Path:
    folder = Path(config.data) / TRASH
    if folder.resolve().is_relative_to(Path(config.corpus).resolve()):
        raise CorpusChangeError(
            f"the trash ({folder}/) lies inside the corpus folder, whose files are all indexed; "
            "set `data` to a folder outside it",
            "回收站位于语料文件夹内，无法使用；请管理员把 data 设到语料文件夹之外",
        )
    return folder


def corpus_files(config: Config) -> list[str]:
    """Every file in the corpus folder (unreadable ones too), named as the index names them."""
    root = Path(config.corpus)
    sources, passed = find_files([root])
    found = {s.name for s in sources} | {n for n, _ in passed if not n.endswith("/") and os.path.lexists(root / n)}
    return sorted(found)


def listing(config: Config) -> list[Trashed]:
    """What the trash holds, newest first."""
    root = trash_folder(config)
    found = []
    try:
        folders = list(root.iterdir()) if root.is_dir() else []
    except OSError as e:
        raise CorpusChangeError(
            f"cannot read the trash {root}/ ({e.strerror or e})", "未能读取回收站（{0}）", (why_zh(e),)
        ) from None
    for folder in folders:
        if _STAMP.fullmatch(folder.name) and folder.is_dir() and not folder.is_symlink():
            for here, _, names in os.walk(folder):
                found += [
                    Trashed((Path(here) / n).relative_to(folder).as_posix(), Path(here) / n, folder.name) for n in names
                ]
    return sorted(found, key=lambda t: (_order(t.stamp), t.file), reverse=True)


def _order(stamp: str) -> tuple[str, int]:
    m = _STAMP.fullmatch(stamp)
    return (m.group(1), int(m.group(2) or 0)) if m else ("", 0)


def _located(arg: str) -> Path:
    """`arg` as an absolute path, its folders' links resolved but not a link it names itself."""
    p = Path(os.path.abspath(arg))
    return p.parent.resolve() / p.name


def _is_path(arg: str) -> bool:
    return os.path.lexists(arg) or os.path.isabs(arg) or ".." in Path(arg).parts


def _by_name(arg: str, names: Sequence[str], where: str) -> str | None:
    """The one of `names` that is `arg`, or whose last part is `arg`; None when none is."""
    if arg in names or "/" in arg:
        return arg if arg in names else None
    same = sorted({n for n in names if n.rsplit("/", 1)[-1] == arg})
    if len(same) > 1:
        raise CorpusChangeError(
            f"'{arg}' names several files {where} ({', '.join(same)}); give the one meant",
            "“{0}”对应多个文件（{1}），请指明是哪一个",
            (arg, "、".join(same)),
        )
    return same[0] if same else None


def _in_corpus(arg: str, root: Path, names: Sequence[str]) -> str:
    """The corpus file `arg` means (see the module docstring), or CorpusChangeError."""
    found = _by_name(arg, names, "in the corpus")
    if found is None and _is_path(arg):
        path, base = _located(arg), root.resolve()
        if not path.is_relative_to(base):
            raise CorpusChangeError(
                f"{arg} is outside the corpus folder ({root}/); only files in it can be removed",
                "“{0}”不在语料文件夹中，无法移除",
                (arg,),
            )
        rel = path.relative_to(base).as_posix()
        found = rel if rel in names else None
    if found is None:
        some = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        raise CorpusChangeError(
            f"'{arg}' is not a file in the corpus ({root}/: {some or 'empty'}); `ragbot inspect` lists its speeches",
            "语料中没有文件“{0}”",
            (arg,),
        )
    return found


def _in_trash(arg: str, config: Config, held: Sequence[Trashed]) -> Trashed:
    """The trashed copy `arg` means: a path in the trash (or one relative to it), else the newest copy
    of the file with that name in the corpus."""
    root = trash_folder(config)
    path = _located(arg) if _is_path(arg) else None
    for t in held:
        if arg == f"{t.stamp}/{t.file}" or path == _located(str(t.path)):
            return t
    name = _by_name(arg, [t.file for t in held], "in the trash")
    if name is None:
        raise CorpusChangeError(
            f"'{arg}' is not in the trash ({root}/); `ragbot restore` with no FILE lists what is",
            "回收站中没有“{0}”",
            (arg,),
        )
    return next(t for t in held if t.file == name)  # `held` is newest first


# ---------------------------------------------------------------- moving
def _move(src: Path, dst: Path) -> None:
    """Move one file (a link as the link), never over another: FileExistsError when `dst` exists."""
    if os.path.lexists(dst):
        raise FileExistsError(errno.EEXIST, "a file of that name exists", str(dst))
    dst.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.rename(src, dst)
    except OSError as e:
        if e.errno != errno.EXDEV:
            raise
        shutil.move(src, dst)  # another file system: copied, then the original deleted


def _prune(folder: Path, top: Path) -> None:
    """Remove `folder` and its parents up to (not including) `top` while they are empty."""
    while folder != top and folder.is_relative_to(top):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def _stamp() -> str:
    """The UTC time now, as the trash names its folders: 20261130T143512Z."""
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())


def _new_stamp_folder(root: Path) -> Path:
    """A new folder in the trash named by the UTC time (-1, -2… when one of that second exists)."""
    stamp = _stamp()
    n = 0
    while True:
        folder = root / (f"{stamp}-{n}" if n else stamp)
        try:
            folder.mkdir(parents=True)
            return folder
        except FileExistsError:
            n += 1
        except OSError as e:
            raise CorpusChangeError(
                f"could not make a folder in the trash {root}/ ({e.strerror or e}); nothing was changed",
                "未能在回收站中建立文件夹（{0}），语料和索引均未改动",
                (why_zh(e),),
            ) from None


def _check_index(config: Config, embedder: Embedder | None) -> None:
    """IndexInvalid unless an existing index can be updated as it is (same embedder, same recipe): an
    update must reuse its vectors, never re-embed the whole corpus with another model."""
    folder = Path(config.index)
    try:
        manifest = index_mod.read_manifest(folder)
    except RagbotError:  # none yet, or one this version rebuilds anyway
        return
    name = embedder.name if embedder else None if config.embedder == TUNED else config.embedder
    recipe = units.embed_recipe(units.mode(config, embedder))
    index_mod.check_embedder(manifest, folder, name, embedder.fingerprint if embedder else None, recipe=recipe)


def _shift(
    pairs: Sequence[tuple[Path, Path]], config: Config, embedder: Embedder | None, progress: Progress | None
) -> tuple[Corpus, BuildReport]:
    """Move each (from, to), then update the index; on any failure move them back and raise
    (NothingToIngest and Ctrl-C as they are, the rest as CorpusChangeError)."""
    done: list[tuple[Path, Path]] = []
    try:
        for src, dst in pairs:
            _move(src, dst)
            done.append((src, dst))
        return pipeline.build_index([config.corpus], config, embedder, progress)
    except BaseException as e:
        stuck = []
        for src, dst in reversed(done):
            try:
                _move(dst, src)
            except OSError:
                stuck.append(str(dst))
        if isinstance(e, NothingToIngest) or not isinstance(e, (RagbotError, OSError)):
            raise
        if len(done) < len(pairs):  # a move failed
            src, dst = pairs[len(done)]
            raise CorpusChangeError(
                f"could not move {src} to {dst} ({getattr(e, 'strerror', None) or e}); nothing was changed",
                "未能移动 {0}（{1}），语料和索引均未改动",
                (src.name, why_zh(e)),
            ) from e
        why = why_zh(e) if isinstance(e, (IndexWriteError, OSError)) else str(e)
        if stuck:  # the files are safe, but not where they were
            raise CorpusChangeError(
                f"{e}; the index is unchanged, but these could not be moved back: {', '.join(stuck)}",
                "更新索引失败（{0}），原索引未改动；以下文件未能移回原处：{1}",
                (why, "、".join(stuck)),
            ) from e
        raise CorpusChangeError(
            f"{e}; the files were moved back, nothing was changed",
            "更新索引失败（{0}），文件已移回原处，语料和索引均未改动",
            (why,),
        ) from e


# ---------------------------------------------------------------- removing and restoring
def remove(
    files: Sequence[str], config: Config, embedder: Embedder | None = None, progress: Progress | None = None
) -> Changed:
    """Move `files` from the corpus to the trash and update the index (see the module docstring)."""
    root = Path(config.corpus)
    with _ONE_AT_A_TIME:
        names = corpus_files(config)
        chosen = list(dict.fromkeys(_in_corpus(f, root, names) for f in files))
        if not chosen:
            raise CorpusChangeError("name at least one file of the corpus to remove", "请先选择要移除的文件")
        sources, _ = find_files([root])
        if not [s for s in sources if s.name not in chosen]:
            raise _last(chosen, root)
        _check_index(config, embedder)
        sizes = [_size(root / f, config) for f in chosen]
        folder = _new_stamp_folder(trash_folder(config))
        try:
            _, report = _shift([(root / f, folder / f) for f in chosen], config, embedder, progress)
        except BaseException as e:
            for here, _, _ in os.walk(folder, topdown=False):  # the folders the files went back out of
                _prune(Path(here), Path(config.data))
            if isinstance(e, NothingToIngest):  # what is left cannot be read
                raise _last(chosen, root) from None
            raise
    moved = [Moved(Trashed(f, folder / f, folder.name), *size) for f, size in zip(chosen, sizes)]
    return Changed(tuple(moved), report)


def _last(chosen: Sequence[str], root: Path) -> CorpusChangeError:
    return CorpusChangeError(
        f"removing {', '.join(chosen)} would leave no readable file in the corpus ({root}/); add another first",
        "移除后语料中将没有可读取的文件，请先加入其他文件",
    )


def _size(path: Path, config: Config) -> tuple[int, int, str]:
    """The speeches and chunks of one file (and why it has none); a link out of the corpus is not read."""
    if not path.resolve().is_relative_to(Path(config.corpus).resolve()):
        return 0, 0, "a link to a file outside the folder; not read"
    try:
        corpus = pipeline.ingest([path], config)
    except NothingToIngest as e:
        return 0, 0, "; ".join(r.skipped for r in e.reports if isinstance(r, FileReport))
    return len(corpus.speeches), len(corpus.chunks), ""


def restore(
    files: Sequence[str], config: Config, embedder: Embedder | None = None, progress: Progress | None = None
) -> Changed:
    """Move the trashed copies `files` name back into the corpus and update the index."""
    root = Path(config.corpus)
    with _ONE_AT_A_TIME:
        held = listing(config)
        chosen: list[Trashed] = []
        for t in (_in_trash(f, config, held) for f in files):
            if all(c.file != t.file for c in chosen):
                chosen.append(t)
        if not chosen:
            raise CorpusChangeError("name at least one file in the trash to restore", "请先选择要恢复的文件")
        for t in chosen:
            if os.path.lexists(root / t.file):
                raise CorpusChangeError(
                    f"{t.file} is already in the corpus; remove or rename that file first",
                    "语料中已有同名文件 {0}，请先移除或改名",
                    (t.file,),
                )
        _check_index(config, embedder)
        corpus, report = _shift([(t.path, root / t.file) for t in chosen], config, embedder, progress)
        for t in chosen:
            _prune(t.path.parent, Path(config.data))
    by_name = {f.file: f for f in corpus.files}
    found = [by_name.get(t.file, FileReport(t.file, skipped="not read: hidden")) for t in chosen]
    moved = [Moved(t, f.speeches, f.chunks, f.skipped) for t, f in zip(chosen, found)]
    return Changed(tuple(moved), report, restored=True)


# ---------------------------------------------------------------- for the app
@dataclass(frozen=True)
class Told:
    """What the app says after a corpus change, one line each in the asker's script; `indexed`: the index changed."""

    notes: tuple[str, ...]
    indexed: bool


def _say(script: str, template: str, *names: object) -> str:
    """A Simplified template in `script`, its arguments (file names) as they are."""
    return (to_traditional(template) if script == "traditional" else template).format(*names)


def tell(
    action: Action,
    name: str | None,
    config: Config,
    embedder: Embedder | None = None,
    script: str = "simplified",
) -> Told:
    """Ask to confirm removing `name`, or remove it, or restore it (a file, or a trashed copy as
    `choices` names it); the notes in Chinese, in `script`."""
    if action == "confirm":
        if not name:
            return Told((_say(script, "请先选择要移除的文件"),), False)
        return Told((_say(script, "确定将 {0} 移到回收站吗？移除后可在回收站中恢复。", name),), False)
    try:
        changed = (restore if action == "restore" else remove)([name] if name else [], config, embedder)
    except RagbotError as e:  # CorpusChangeError, or e.g. an index built by another model (the app's own never is)
        return Told((say(e, "traditional" if script == "traditional" else "simplified"),), False)
    done = (
        "{0}：已恢复，{1} 篇讲话、{2} 个片段"
        if changed.restored
        else "{0}：已移到回收站，{1} 篇讲话、{2} 个片段已移出索引"
    )
    r = changed.report
    notes = [_say(script, done, m.item.file, m.speeches, m.chunks) for m in changed.files]
    notes.append(
        _say(script, "索引已更新：现有 {0} 个片段；新嵌入 {1} 段，用时 {2:.1f} 秒", r.chunks, r.embedded, r.seconds)
    )
    return Told(tuple(notes), True)


def choices(config: Config) -> list[tuple[str, str]]:
    """The trash as the app's list: (file and when it was removed, the copy's path in the trash); empty
    when the trash cannot be read (`ragbot restore` says why)."""
    try:
        return [(f"{t.file}（{t.when} 移入）", f"{t.stamp}/{t.file}") for t in listing(config)]
    except RagbotError:
        return []
