"""Find and read speech files, clean them and split them into speeches.

Reads .txt/.md (UTF-8 with or without BOM, UTF-16/32 with BOM, GB18030/GBK, Big5: BOMs first,
then strict UTF-8, then charset-normalizer limited to Chinese encodings), .docx (paragraphs and
tables), .pdf (text layer) and .html (visible text). A file that cannot be used raises `SkipFile`
with a one-line reason; it never stops the other files.

A file may hold several speeches, each opened by a heading line such as
`教育系統辦公室主任會議講話 篇3`; the speech number is N from `篇N` (1 for single-speech files).
What it deliberately does not do: OCR scanned PDFs, guess an encoding for binary files, or fold
scripts (the text keeps the file's own characters; see script.py).
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .clean import clean
from .errors import SkipFile
from .script import detect_script
from .types import Removal, Speech

SUPPORTED = (".txt", ".md", ".markdown", ".docx", ".pdf", ".html", ".htm")
_CJK_ENCODINGS = ["gb18030", "big5", "big5hkscs", "cp950", "gbk", "utf_16", "utf_32"]
_MAX_UNZIPPED = 200 * 1024 * 1024  # a .docx that inflates past this is a zip bomb


@dataclass(frozen=True)
class Source:
    """A file to read and the name it is reported under (relative to the folder it was found in)."""

    path: Path
    name: str


def _unsupported(suffix: str) -> str:
    return f"unsupported file type '{suffix or '(none)'}'; expected one of {', '.join(SUPPORTED)}"


def _walk(folder: Path, sources: list[Source], passed: list[tuple[str, str]]) -> int:
    """Add the files under `folder` to `sources` (or `passed`, with the reason); the number of sources."""
    found = 0
    base = folder.resolve()
    for root, dirs, files in os.walk(folder):
        here = Path(root)
        for d in sorted(d for d in dirs if not d.startswith(".") and (here / d).is_symlink()):
            passed.append(
                (
                    (here / d).relative_to(folder).as_posix() + "/",
                    "a link to a folder; not followed (copy the files in instead)",
                )
            )
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (here / d).is_symlink())
        for fp in (here / f for f in sorted(files) if not f.startswith(".")):
            name = fp.relative_to(folder).as_posix()
            if fp.is_symlink() and not fp.resolve().is_relative_to(base):
                passed.append((name, "a link to a file outside the folder; not read (copy the file in instead)"))
            elif fp.suffix.lower() in SUPPORTED:
                sources.append(Source(fp, name))
                found += 1
            else:
                passed.append((name, _unsupported(fp.suffix)))
    return found


def find_files(paths: Iterable[str | Path]) -> tuple[list[Source], list[tuple[str, str]]]:
    """Expand files and folders into sources; return (sources, [(name, reason)] for what was passed over).

    Folders are walked recursively in sorted order; hidden files and folders are ignored; other
    files with unsupported extensions are reported, never silently dropped. Inside a folder, a link
    to a file outside it is reported and not read (a link dropped into corpus/uploads/ must not
    pull /etc or a home folder into answers), and links to folders are reported and not followed.
    """
    sources: list[Source] = []
    passed: list[tuple[str, str]] = []
    for p in map(Path, paths):
        if p.is_dir():
            if not _walk(p, sources, passed):
                passed.append((p.as_posix() + "/", f"folder has no supported files ({', '.join(SUPPORTED)})"))
        elif p.suffix.lower() in SUPPORTED:
            sources.append(Source(p, p.name))
        elif p.is_file() or p.is_symlink():
            passed.append((p.name, _unsupported(p.suffix)))
        else:
            passed.append((p.as_posix(), "no such file or folder"))
    return sources, passed


# ---------------------------------------------------------------- decoding
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode(data: bytes) -> tuple[str, str]:
    """Decode the bytes of a text file; return (text, encoding used).

    >>> decode("辦公室".encode("big5"))
    ('辦公室', 'big5')
    """
    if not data.strip():
        raise SkipFile("empty file")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data.decode(enc)), enc
            except UnicodeDecodeError:
                raise SkipFile(
                    f"starts with a {enc} byte-order mark but is not valid {enc}; re-save it as UTF-8"
                ) from None
    if b"\x00" in data:
        raise SkipFile("binary file (contains NUL bytes), not text; convert it to a UTF-8 .txt")
    try:
        return _check_text(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    import charset_normalizer

    best = charset_normalizer.from_bytes(data, cp_isolation=_CJK_ENCODINGS).best()
    if best is not None and best.encoding:
        enc = {"utf_16": "utf-16", "utf_32": "utf-32"}.get(best.encoding, best.encoding)
        return _check_text(str(best)), enc
    raise SkipFile("cannot decode as UTF-8, UTF-16, GB18030/GBK or Big5; re-save it as UTF-8")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _check_text(text: str) -> str:
    """Reject decoded 'text' that is mostly control characters (a binary file that happened to decode)."""
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise SkipFile("empty file")
    if len(_CONTROL.findall(text[:100_000])) > 0.01 * min(len(text), 100_000):
        raise SkipFile("binary file (control characters), not text; convert it to a UTF-8 .txt")
    return text


# ---------------------------------------------------------------- formats
def read_text(path: Path, max_bytes: int) -> tuple[str, str]:
    """The text of a file and how it was read ('utf-8', 'gb18030', 'docx', 'pdf', ...)."""
    try:
        st = path.stat()
    except OSError as e:
        raise SkipFile(f"cannot read: {e.strerror or e}") from None
    if not stat.S_ISREG(st.st_mode):
        raise SkipFile("not a regular file (a folder, pipe or device); pass files or folders of files")
    if st.st_size > max_bytes:
        raise SkipFile(
            f"file is {st.st_size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit (raise it with --max-file-mb)"
        )
    try:
        data = path.read_bytes()
    except OSError as e:
        raise SkipFile(f"cannot read: {e.strerror or e}") from None
    kind = sniff(data[:4096])  # the content decides how a file is read, not its name
    if not kind.startswith("."):
        raise SkipFile(f"{kind}, not a document; expected text, .docx, .pdf or .html")
    if kind == ".docx":
        text, how = _read_docx(path), "docx"
    elif kind == ".pdf":
        text, how = _read_pdf(data), "pdf"
    elif kind == ".html" or (kind == ".txt" and path.suffix.lower() in (".html", ".htm")):
        text, how = _read_html(data)
    else:
        text, how = decode(data)
    return valid_unicode(text), how


def valid_unicode(text: str) -> str:
    r"""`text` with lone surrogates (which broken PDFs and JSON escapes can produce) replaced by U+FFFD.

    >>> valid_unicode("办\ud800公") == "办\ufffd公"
    True
    """
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)


_MAGIC = (  # signatures of common files that are not documents ragbot can read
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an ELF program"),
    (b"MZ", "a Windows program"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office (.doc/.xls) file; save it as .docx"),
    (b"%!PS", "a PostScript file"),
    (b"RIFF", "a RIFF media file"),
    (b"ID3", "an MP3 file"),
    (b"\x00\x00\x00", "a binary file"),
)
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*(<!doctype\s+html|<html[\s>])", re.I | re.S)


def sniff(head: bytes) -> str:
    r"""What the first bytes of a file say it is: ".pdf", ".docx" (any zip: the reader checks for a
    Word document inside), ".html", ".txt", or a description of something else.

    >>> sniff(b"%PDF-1.7"), sniff(b"PK\x03\x04"), sniff(b"  <!DOCTYPE html><p>"), sniff("讲话".encode()), sniff(b"\x89PNG\r\n\x1a\n")
    ('.pdf', '.docx', '.html', '.txt', 'a PNG image')
    """
    if head.startswith(b"%PDF-"):
        return ".pdf"
    if head.startswith(b"PK\x03\x04"):
        return ".docx"
    for bom, enc in _BOMS:
        if head.startswith(bom):
            try:
                text = head.decode(enc, errors="ignore").lstrip("\ufeff").encode("utf-8")
            except LookupError:  # pragma: no cover
                text = head
            return ".html" if _HTML_START.match(text) else ".txt"
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    return ".html" if _HTML_START.match(head) else ".txt"


def _read_docx(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as z:
            if sum(i.file_size for i in z.infolist()) > _MAX_UNZIPPED:
                raise SkipFile("corrupt .docx: it inflates past 200 MB (zip bomb?)")
        import docx

        doc = docx.Document(str(path))
    except SkipFile:
        raise
    except Exception as e:  # python-docx raises many kinds for broken files
        raise SkipFile(f"corrupt .docx ({type(e).__name__}); open and re-save it in Word") from None
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            lines.append("\t".join(cell.text for cell in row.cells))
    return _check_text("\n".join(lines))


def _read_pdf(data: bytes) -> str:
    import io
    import logging

    import pypdf

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise SkipFile("encrypted .pdf; save an unencrypted copy")
        text = "\n".join((page.extract_text() or "") for page in reader.pages)
    except SkipFile:
        raise
    except Exception as e:  # pypdf raises many kinds for broken files
        raise SkipFile(f"corrupt .pdf ({type(e).__name__}); re-export it or save it as .txt") from None
    if not re.search(r"[\u4e00-\u9fffA-Za-z]", text):
        raise SkipFile("no text layer in .pdf (scanned images?); OCR it or save it as .txt")
    return _check_text(text)


def _read_html(data: bytes) -> tuple[str, str]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(data, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "head"]):
        tag.decompose()
    text = soup.get_text("\n")
    text = re.sub(r"[ \t\r\f\v]*\n[ \t\r\f\v\n]*", lambda m: "\n\n" if m.group().count("\n") > 1 else "\n", text)
    enc = getattr(soup, "original_encoding", None) or "utf-8"
    return _check_text(text.strip()), f"html/{enc}"


# ---------------------------------------------------------------- speeches
_PART = re.compile(
    r"(?m)^[ \t#]*(?P<head>[^\n]{0,60}?[ \t]*(?:篇[ \t]*(?P<n>\d+)|第[ \t]*(?P<m>\d+)[ \t]*篇))[ \t]*\r?$"
)
_MEANINGFUL = re.compile(r"[\u4e00-\u9fff]")
_SALUTATION = re.compile(r"^(?:同志们|同志們|各位[^\n]{0,12})[:：,，]?$")


def split_speeches(text: str) -> list[tuple[int, int, int, str | None]]:
    """Split a cleaned file text into (start, end, number, heading) speeches.

    Splits only when at least two heading lines (`…篇N` or `第N篇`) are found; text before the
    first heading belongs to the first speech.

    >>> split_speeches("讲话 篇1\\n甲。\\n讲话 篇2\\n乙。")
    [(0, 9, 1, '讲话 篇1'), (9, 17, 2, '讲话 篇2')]
    """
    heads = list(_PART.finditer(text))
    if len(heads) < 2:
        return [(0, len(text), 1, None)]
    numbers = [int(m.group("n") or m.group("m")) for m in heads]
    if any(b <= a for a, b in zip(numbers, numbers[1:])):
        numbers = list(range(1, len(heads) + 1))
    out = []
    for i, m in enumerate(heads):
        start = 0 if i == 0 else m.start()
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        out.append((start, end, numbers[i], m.group("head").strip()))
    return out


def find_title(text: str) -> str:
    """The speech's own title line, else a shortened first meaningful line.

    >>> find_title("\\n在全市民政系统办公室主任会议上的讲话\\n\\n同志们:\\n")
    '在全市民政系统办公室主任会议上的讲话'
    """
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if not _MEANINGFUL.search(line) or _SALUTATION.match(line):
            continue
        if len(line) <= 60 and not re.search(r"[。！？!?]", line):  # a title is not a sentence
            return line.rstrip(":：,，")
        line = line.rstrip("。！？!?,，;；:：")
        if len(line) <= 40:
            return line
        cut = max((m.end() - 1 for m in re.finditer(r"[,，。;；:：]", line[:41])), default=0)
        return (line[:cut] if cut >= 10 else line[:30]) + "…"
    return ""


def load_speeches(source: Source, max_bytes: int) -> list[Speech]:
    """Read, clean and split one file into speeches; raises SkipFile with the reason."""
    original, encoding = read_text(source.path, max_bytes)
    cleaned = clean(original)
    if not _MEANINGFUL.search(cleaned.text) and not re.search(r"[A-Za-z]{3}", cleaned.text):
        raise SkipFile("no text left after cleaning (only page furniture or symbols)")
    speeches = []
    for start, end, number, heading in split_speeches(cleaned.text):
        part = cleaned.text[start:end]
        lead = len(part) - len(part.lstrip())
        s, e = start + lead, start + len(part.rstrip())
        if s >= e:
            continue
        body = cleaned.text[s:e]
        o_start, o_end = cleaned.offsets.span(s, e)
        if number == 1 and heading is None:  # single speech: whole file, so removals at its edges count
            o_start, o_end = 0, len(original)
        removed = tuple(r for r in cleaned.removed if o_start <= r.start < o_end or (r.start == r.end == o_end))
        speeches.append(
            Speech(
                file=source.name,
                speech=number,
                title=heading or find_title(body),
                script=detect_script(body),
                start=o_start,
                end=o_end,
                text=body,
                offsets=cleaned.offsets.shift(s, e),
                removed=removed,
                gaps=tuple(r.start for r in removed if r.rule == "paywall"),
                encoding=encoding,
            )
        )
    if len(speeches) > 1:  # removals before the first heading belong to the first speech
        first = speeches[0]
        early = tuple(r for r in cleaned.removed if r.start < first.start)
        if early:
            speeches[0] = _replace_removed(first, early + first.removed)
    return speeches


def _replace_removed(s: Speech, removed: tuple[Removal, ...]) -> Speech:
    from dataclasses import replace

    return replace(s, removed=removed, gaps=tuple(r.start for r in removed if r.rule == "paywall"))
