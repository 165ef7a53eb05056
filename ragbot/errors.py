"""Ragbot's own exceptions. Each message is one line that says what was expected and what to do.

Library code raises these; only the edges (cli.py, the app, the HTTP API) turn them into messages.
The message itself (`str(e)`) is English, for operators and the CLI; `zh` is what a user of the app
or the API reads: the raiser's own Chinese line when it gave one, else its class's. `say(e, script)`
gives that line in the asker's script. `why_zh` says in Chinese why a write failed.
"""

from __future__ import annotations

import errno
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .types import Script


class RagbotError(Exception):
    """Base class: a problem the user can fix, described in one line (English, and `zh` in Chinese)."""

    ZH = "出错了，请稍后再试或告知管理员"  # the class's Chinese line, when the raiser gives none

    def __init__(self, message: str = "", *, zh: str = "", names: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.zh = zh or self.ZH  # with `names`: a template whose {0}, {1}… they fill (file names, as they are)
        self.names = names


class SkipFile(RagbotError):
    """A file that cannot be ingested; the message is the reason shown in the summary."""

    ZH = "无法读取该文件"


class NothingToIngest(RagbotError):
    """Not a single speech could be read from the given paths; `reports` says why for each file."""

    ZH = "没有读到任何讲话，请检查文件格式和内容"

    def __init__(self, message: str, reports: tuple[object, ...] = ()) -> None:
        super().__init__(message)
        self.reports = reports


class ConfigError(RagbotError):
    """A setting has a value ragbot cannot use."""

    ZH = "参数设置有误，请检查后重试"


class IndexInvalid(RagbotError):
    """The index on disk cannot be used as it is (corrupt, old format, other model); says what to run."""

    ZH = "索引暂不可用，需要重建：请管理员运行 ragbot ingest --rebuild"


class IndexMissing(IndexInvalid):
    """There is no index where one was expected."""

    ZH = "还没有建立索引：请管理员先运行 ragbot ingest"


class IndexWriteError(RagbotError):
    """Writing a new index failed (disk full, permissions); the previous index is left as it was.

    `cause` is the operating system's error when there was one (faiss reports only a message).
    """

    ZH = "索引写入失败，原有索引未受影响"

    def __init__(self, message: str, cause: OSError | None = None) -> None:
        super().__init__(message, zh=f"索引写入失败（{why_zh(cause)}），原有索引未受影响")
        self.cause = cause


class ExportError(RagbotError):
    """A Word export could not be written (unwritable path, disk full); no half-written file is left.

    `cause` is the operating system's error, for `why_zh`.
    """

    def __init__(self, message: str, cause: OSError | None = None) -> None:
        super().__init__(message, zh=f"未能导出 Word 文件（{why_zh(cause)}）")
        self.cause = cause


class StoreError(RagbotError):
    """The vector store cannot be reached or refused the request (down, timed out, wrong token); the
    message names its location without credentials. Nothing live was changed."""

    ZH = "向量库暂时无法访问，请稍后再试或告知管理员"


class QueryError(RagbotError):
    """A query that cannot be searched (empty, only punctuation)."""

    ZH = "问题是空的或只有标点：请输入一个问题或要查找的词语"


def say(e: RagbotError, script: Script = "simplified") -> str:
    """What a user of the app or the API reads for `e`: its Chinese line, in `script`.

    >>> say(QueryError("empty")), say(ConfigError("bad k", zh="k 应在 1 到 20 之间"), "traditional")
    ('问题是空的或只有标点：请输入一个问题或要查找的词语', 'k 應在 1 到 20 之間')
    >>> say(RagbotError("no such file", zh="没有文件 {0}", names=("讲话.txt",)), "traditional")
    '沒有文件 讲话.txt'

    """
    from .script import to_script

    return to_script(e.zh, script).format(*e.names) if e.names else to_script(e.zh, script)


class CorpusChangeError(RagbotError):
    """A file could not be moved out of the corpus into the trash or back (not there, the last one, outside
    the folder, the name taken, a failed move or index update); corpus and index are as they were.

    `zh` says the same to the app's users: a Simplified template whose `{0}`, `{1}`… are `names` (file
    names, kept as they are when the template is shown in Traditional).
    """

    def __init__(self, message: str, zh: str, names: tuple[str, ...] = ()) -> None:
        super().__init__(message, zh=zh, names=names)


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
    if isinstance(e, IndexWriteError):
        e = e.cause
    if e is None:
        return "写入出错"
    if isinstance(e, OSError) and e.errno in _WHY_ZH:
        return _WHY_ZH[e.errno]
    return f"写入出错：{(getattr(e, 'strerror', None) or str(e) or type(e).__name__)[:100]}"
