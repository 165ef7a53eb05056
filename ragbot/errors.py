"""Ragbot's own exceptions. Each message is one line that says what was expected and what to do.

Library code raises these; only the edges (cli.py, the app) turn them into printed messages.
`why_zh` says in Chinese why a write failed, for the app's users.
"""

import errno


class RagbotError(Exception):
    """Base class: a problem the user can fix, described in one line."""


class SkipFile(RagbotError):
    """A file that cannot be ingested; the message is the reason shown in the summary."""


class NothingToIngest(RagbotError):
    """Not a single speech could be read from the given paths; `reports` says why for each file."""

    def __init__(self, message: str, reports: tuple[object, ...] = ()) -> None:
        super().__init__(message)
        self.reports = reports


class ConfigError(RagbotError):
    """A setting has a value ragbot cannot use."""


class IndexInvalid(RagbotError):
    """The index on disk cannot be used as it is (corrupt, old format, other model); says what to run."""


class IndexMissing(IndexInvalid):
    """There is no index where one was expected."""


class IndexWriteError(RagbotError):
    """Writing a new index failed (disk full, permissions); the previous index is left as it was.

    `cause` is the operating system's error when there was one (faiss reports only a message).
    """

    def __init__(self, message: str, cause: OSError | None = None) -> None:
        super().__init__(message)
        self.cause = cause


class ExportError(RagbotError):
    """A Word export could not be written (unwritable path, disk full); no half-written file is left.

    `cause` is the operating system's error, for `why_zh`.
    """

    def __init__(self, message: str, cause: OSError | None = None) -> None:
        super().__init__(message)
        self.cause = cause


class QueryError(RagbotError):
    """A query that cannot be searched (empty, only punctuation)."""


_WHY_ZH = {
    errno.ENOSPC: "磁盘空间已满",
    errno.EDQUOT: "超出磁盘配额",
    errno.EFBIG: "文件超过大小限制",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.EROFS: "磁盘为只读",
    errno.EISDIR: "该路径是一个文件夹",
    errno.EEXIST: "路径被同名文件占用",
    errno.ENOTDIR: "路径被同名文件占用",
    errno.EIO: "磁盘读写错误",
}


def why_zh(e: BaseException | None) -> str:
    """Why a write failed, in Simplified Chinese, for the app's users (the system's words when unknown).

    >>> why_zh(OSError(errno.ENOSPC, "No space left on device")), why_zh(OSError(errno.ENXIO, "No such device"))
    ('磁盘空间已满', '写入出错：No such device')
    """
    if e is None:
        return "写入出错"
    if isinstance(e, OSError) and e.errno in _WHY_ZH:
        return _WHY_ZH[e.errno]
    return f"写入出错：{(getattr(e, 'strerror', None) or str(e) or type(e).__name__)[:100]}"
