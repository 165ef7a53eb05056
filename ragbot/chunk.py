"""Split a speech into retrievable chunks with their section heading paths.

Splitting is LangChain's RecursiveCharacterTextSplitter with Chinese-first separators (paragraph,
line, then sentence ends 。！？ and their ASCII forms, then ；，、) and `keep_separator="end"`, so
sentence punctuation stays with its sentence. Each chunk is located in the speech text, so its
offsets map back to the original file. Chunks never cross speeches (one speech per call).

Headings are the numbered section markers these speeches use, from outer to inner:
`一、…` (1), `(一)…` (2), `第一,…` / `1.…` (3), `一是…` / `一要…` (4). They are found at line
starts, and also after a sentence end inside very long lines (pages whose line breaks were lost).
A chunk's heading path is the stack of headings in force where it starts; it is metadata for
embedding and display, not part of the chunk text.

What it does not do: count model tokens (sizes are in characters; at about 1.5 tokens per Han
character the default 300 stays well under the 512-token limit of multilingual-e5-small).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .config import Config
from .script import fold
from .structure import TOP_HEADING, runs_on
from .types import Chunk, Speech

MIN_SIZE = 60  # shorter pieces (a lone heading line) join their neighbour
SEPARATORS = ["\n\n", "\n", "。", "！", "？", "!", "?", "；", ";", "，", ",", "、", ""]


@dataclass(frozen=True)
class ChunkSettings:
    """How speeches are cut: a view of Config's chunk_size and chunk_overlap (declared and checked there)."""

    size: int
    overlap: int
    min_size: int = MIN_SIZE

    @classmethod
    def of(cls, config: Config) -> ChunkSettings:
        return cls(size=config.chunk_size, overlap=config.chunk_overlap)


_NUM = "一二三四五六七八九十"
_HEADS = (
    (1, TOP_HEADING),
    (2, re.compile(rf"[(（][{_NUM}]+[)）]")),
    (3, re.compile(rf"第[{_NUM}]+[,，、:：]|\d{{1,2}}[.．、](?!\d)")),
    (4, re.compile(rf"[{_NUM}](?:是|要)")),
)
_INLINE_LINE = 2000  # lines longer than this are pages that lost their line breaks


@dataclass(frozen=True)
class Heading:
    pos: int
    level: int
    text: str


def _heading_text(s: str, inline: bool = False) -> str:
    """The heading's own words: its short line, or its first clause, trimmed of punctuation; `inline` (its page lost
    its line breaks), up to where it runs on into the text.

    >>> _heading_text("二、一切要围绕抓落实来推进为什么要把抓落实作为核心?因为为政之道,贵在落实。", inline=True)
    '二、一切要围绕抓落实来推进'
    >>> _heading_text("一、认真领会和把握办公室工作的重要性我曾在市直部门办公室工作,在县区也分管过办公室", inline=True)
    '一、认真领会和把握办公室工作的重要性'
    """
    if inline and (at := runs_on(s)):
        return s[:at]
    line = s.split("\n", 1)[0].strip()
    m = re.search(r"[。！？!?:：]", line)
    if m and m.start() <= 40:
        return line[: m.start()]
    if len(line) <= 40:
        return line.rstrip("。:：,，;；")
    m = re.search(r"[,，；;]", line)
    if m and m.start() <= 20:
        return line[: m.start()]
    return line[:18] + "…"


def find_headings(text: str, deep: bool = False) -> list[Heading]:
    """Section headings in a speech text, in order. With `deep` (citation labels), also the 第一, points found
    inside a page that lost its line breaks; chunks are read without them, which cost held-out hit@5 0.903 ->
    0.898 when they were read with them.

    >>> [(h.level, h.text) for h in find_headings("一、总体要求\\n(一)学习。正文\\n一是要强化政治意识。没有")]
    [(1, '一、总体要求'), (2, '(一)学习'), (4, '一是要强化政治意识')]
    """
    out: list[Heading] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.lstrip(" \t\u3000#")
        starts = [pos + len(line) - len(body)]
        if len(line) > _INLINE_LINE:
            starts += [pos + m.end() for m in re.finditer(r"[。！？!?:：]", line)]
        for s in starts:
            for level, rx in _HEADS:
                if level >= 3 and s != starts[0] and not (deep and level == 3 and text.startswith("第", s)):
                    continue  # inline, only the two outer levels and 第一, are safe to recognise
                if rx.match(text, s):
                    inline = len(line) > _INLINE_LINE
                    out.append(Heading(s, level, _heading_text(text[s : pos + len(line)], inline)))
                    break
        pos += len(line)
    return out


def heading_path(headings: list[Heading], pos: int) -> tuple[str, ...]:
    """The stack of headings in force at `pos` (outer to inner)."""
    stack: list[Heading] = []
    for h in headings:
        if h.pos > pos:
            break
        while stack and stack[-1].level >= h.level:
            stack.pop()
        stack.append(h)
    return tuple(h.text for h in stack)


def merge_small(spans: list[tuple[int, int]], min_size: int) -> list[tuple[int, int]]:
    """Join spans shorter than `min_size` (a lone heading or title line) to the next span, or the last to the previous.

    >>> merge_small([(0, 10), (12, 300), (290, 600), (601, 605)], 40)
    [(0, 300), (290, 605)]
    """
    out: list[tuple[int, int]] = []
    pending: int | None = None
    for s, e in spans:
        if pending is not None:
            s, pending = pending, None
        if e - s < min_size:
            pending = s
            continue
        out.append((s, e))
    if pending is not None:
        if out:
            out[-1] = (out[-1][0], spans[-1][1])
        else:
            out.append((pending, spans[-1][1]))
    return out


def chunk_id(file: str, speech: int, start: int, end: int) -> str:
    """Stable chunk id from its file, speech and original offsets, e.g. '004.txt#1@120-420'."""
    return f"{file}#{speech}@{start}-{end}"


def chunk_speech(speech: Speech, settings: ChunkSettings) -> list[Chunk]:
    """Split one speech into chunks with original offsets, folded text and heading paths."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(
        separators=SEPARATORS,
        keep_separator="end",
        chunk_size=settings.size,
        chunk_overlap=settings.overlap,
        strip_whitespace=True,
    )
    text = speech.text
    headings = find_headings(text)
    spans: list[tuple[int, int]] = []
    search_from = 0
    for piece in splitter.split_text(text):
        at = text.find(piece, search_from)
        if at < 0:  # the splitter only strips and cuts; anything else is a bug worth hearing about
            raise AssertionError(f"chunk not found in speech {speech.file}#{speech.speech}: {piece[:30]!r}")
        # the next piece starts after this one's start and overlaps it by at most `overlap`
        search_from = max(at + 1, at + len(piece) - settings.overlap)
        spans.append((at, at + len(piece)))
    chunks: list[Chunk] = []
    for at, end in merge_small(spans, settings.min_size):
        piece = text[at:end]
        o_start, o_end = speech.offsets.span(at, end)
        chunks.append(
            Chunk(
                id=chunk_id(speech.file, speech.speech, o_start, o_end),
                file=speech.file,
                speech=speech.speech,
                title=speech.title,
                start=o_start,
                end=o_end,
                text=piece,
                folded=fold(piece),
                headings=heading_path(headings, at + 2),
                text_start=at,
                text_end=end,
            )
        )
    return chunks
