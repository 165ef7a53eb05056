"""Folders that change all at once: files written and fsynced, a temp sibling swapped in with one
atomic rename (Linux renameat2 RENAME_EXCHANGE), a lock per folder for builds, and the temp
folders a killed build leaves behind. The index (index.py) is written this way.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
from collections.abc import Iterable, Iterator
from pathlib import Path


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write(path: Path, data: str | Iterable[str]) -> None:
    """Write and fsync one file: text, or lines as they are made."""
    with open(path, "wb") as f:
        if isinstance(data, str):
            f.write(data.encode("utf-8"))
        else:
            for line in data:
                f.write(line.encode("utf-8"))
        f.flush()
        os.fsync(f.fileno())


def exchange(a: Path, b: Path) -> None:
    """Atomically swap two folders (Linux renameat2 RENAME_EXCHANGE); raises OSError where unsupported."""
    libc = ctypes.CDLL(None, use_errno=True)
    fn = getattr(libc, "renameat2", None)
    if fn is None:
        raise OSError(errno.ENOSYS, "renameat2 not available")
    at_fdcwd, rename_exchange = -100, 2
    if fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) != 0:
        e = ctypes.get_errno()
        raise OSError(e, os.strerror(e))


def is_replaceable(folder: Path) -> bool:
    """True for a folder we may replace: missing, empty, only our README, or a ragbot index."""
    if not folder.exists():
        return True
    if not folder.is_dir():
        return False
    names = {p.name for p in folder.iterdir()}
    return names <= {"README.md"} or "manifest.json" in names


@contextlib.contextmanager
def build_lock(folder: Path) -> Iterator[None]:
    """An exclusive lock for building `folder` (waits for another build to finish)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    with open(folder.parent / f".{folder.name}.lock", "a+") as f:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f.fileno(), fcntl.LOCK_UN)


def stray_temp_folders(folder: Path) -> list[Path]:
    return sorted(folder.parent.glob(f".{folder.name}.tmp-*"))
