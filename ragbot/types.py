"""The small frozen records that cross module boundaries.

Offsets are always character offsets into the decoded text of the source file
("the original"), never into cleaned or folded text, so that anything shown to
a user can be traced back to the file. These classes hold data only; building
them is the job of ingest/clean/chunk.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

Script = Literal["simplified", "traditional"]
Progress = Callable[[int, int, str], None]  # a long job reports (done, total, what)


@dataclass(frozen=True)
class Removal:
    """A span of the original file that cleaning cut out (or replaced).

    `replacement` is what stands in the cleaned text instead ("" for a pure cut).
    """

    start: int
    end: int
    text: str
    rule: str
    replacement: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"Removal offsets must satisfy 0 <= start <= end, got {self.start}..{self.end}")


@dataclass(frozen=True)
class Segment:
    """One run of an OffsetMap: cleaned[clean_start:clean_end] stands for original[orig_start:orig_end].

    A copied run has equal lengths and maps character by character; a replaced run
    (e.g. a site name replaced by a plain word) maps as a whole.
    """

    clean_start: int
    clean_end: int
    orig_start: int
    orig_end: int
    copied: bool


@dataclass(frozen=True)
class OffsetMap:
    """Maps positions in a cleaned text back to the original file.

    >>> m = OffsetMap((Segment(0, 3, 10, 13, True), Segment(3, 5, 20, 22, True)))
    >>> m.span(1, 4)
    (11, 21)
    """

    segments: tuple[Segment, ...] = field(default_factory=tuple)

    def _find(self, pos: int) -> Segment:
        starts = [s.clean_start for s in self.segments]
        i = max(0, bisect_right(starts, pos) - 1)
        return self.segments[i]

    def start(self, pos: int) -> int:
        """Original offset of the character at cleaned position `pos`."""
        if not self.segments:
            return 0
        seg = self._find(pos)
        if pos >= seg.clean_end:  # past the end of the text
            return seg.orig_end
        return seg.orig_start + (pos - seg.clean_start) if seg.copied else seg.orig_start

    def end(self, pos: int) -> int:
        """Original offset just after the character at cleaned position `pos - 1`."""
        if not self.segments or pos <= 0:
            return self.start(0) if self.segments else 0
        seg = self._find(pos - 1)
        return seg.orig_start + (pos - seg.clean_start) if seg.copied else seg.orig_end

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of cleaned[start:end]."""
        if end <= start:
            o = self.start(start)
            return o, o
        return self.start(start), self.end(end)

    def clean(self, orig: int) -> int:
        """The cleaned position of original offset `orig`: where what the cleaner cut out there was.

        >>> OffsetMap((Segment(0, 3, 10, 13, True), Segment(3, 5, 20, 22, True))).clean(15)  # cut: 13..20
        3
        """
        for s in self.segments:
            if orig < s.orig_end:
                return s.clean_start + max(0, orig - s.orig_start) if s.copied else s.clean_start
        return self.segments[-1].clean_end if self.segments else 0

    def shift(self, start: int, end: int) -> OffsetMap:
        """The map of cleaned[start:end], re-based so that position 0 is `start`."""
        out: list[Segment] = []
        for s in self.segments:
            lo, hi = max(s.clean_start, start), min(s.clean_end, end)
            if lo >= hi:
                continue
            if s.copied:
                o0 = s.orig_start + (lo - s.clean_start)
                out.append(Segment(lo - start, hi - start, o0, o0 + (hi - lo), True))
            else:
                out.append(Segment(lo - start, hi - start, s.orig_start, s.orig_end, False))
        return OffsetMap(tuple(out))


@dataclass(frozen=True)
class Speech:
    """One speech: a whole file, or one `篇N` part of a file that holds several."""

    file: str
    speech: int
    title: str
    script: Script
    start: int
    end: int
    text: str
    offsets: OffsetMap
    removed: tuple[Removal, ...] = ()
    gaps: tuple[int, ...] = ()
    encoding: str = "utf-8"

    def __post_init__(self) -> None:
        if self.speech < 1:
            raise ValueError(f"speech numbers are 1-based, got {self.speech}")


@dataclass(frozen=True)
class Chunk:
    """A retrievable excerpt of one speech.

    `text` is the file's own characters (original script, scrape noise cut out);
    `start`/`end` delimit it in the original file; `folded` is the Simplified form
    used for matching; `headings` is the section path (not part of `text`);
    `text_start`/`text_end` place it in the speech's cleaned text.
    """

    id: str
    file: str
    speech: int
    title: str
    start: int
    end: int
    text: str
    folded: str
    headings: tuple[str, ...] = ()
    text_start: int = 0  # position of `text` in its speech's cleaned text
    text_end: int = 0


@dataclass(frozen=True)
class FileReport:
    """What ingestion made of one file; `skipped` holds the one-line reason when it was not used."""

    file: str
    encoding: str = ""
    speeches: int = 0
    chunks: int = 0
    removed: int = 0
    removed_chars: int = 0
    skipped: str = ""
    sha256: str = ""


@dataclass(frozen=True)
class Corpus:
    """The result of ingesting some paths: speeches, their chunks and a report per file."""

    speeches: tuple[Speech, ...]
    chunks: tuple[Chunk, ...]
    files: tuple[FileReport, ...]


@dataclass(frozen=True)
class Hit:
    """One retrieved excerpt: a chunk, or adjacent/overlapping chunks of one speech merged.

    `text` is the excerpt as the file has it (original script, noise cut out); `start`/`end`
    are its offsets in the original file.
    """

    rank: int
    score: float
    chunk_ids: tuple[str, ...]
    file: str
    speech: int
    title: str
    headings: tuple[str, ...]
    start: int
    end: int
    text: str
    text_start: int = 0
    text_end: int = 0

    @property
    def chunk_id(self) -> str:
        return self.chunk_ids[0]


@dataclass(frozen=True)
class Tuned:
    """The model an index is built with when the `embedder` setting asks for one tuned on the corpus."""

    embedder: str  # the tuned model's folder, or the base model's name when training failed
    trained: bool  # trained by this build (False: found in the cache, kept from the index, or fell back)
    pairs: int = 0  # training pairs, when trained
    seconds: float = 0.0
    notice: str = ""  # one line, when it fell back to the base model


@dataclass(frozen=True)
class BuildReport:
    """What `ragbot ingest` did to the index."""

    folder: str
    chunks: int
    vectors: int  # embedded units: each chunk's text and its sentences
    embedded: int  # distinct texts embedded in this build (a sentence shared by two chunks counts once)
    reused: int  # vectors taken from the previous index (same text, same model)
    kind: str  # "flat" or "hnsw"
    seconds: float
    up_to_date: bool = False  # nothing changed: the index was left as it was
    embedded_chars: int = 0  # characters of text embedded in this build
    tuned: Tuned | None = None  # with `embedder = "tuned"`: which model, and whether it was trained now


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: tuple[Hit, ...]
    notice: str = ""  # e.g. that the query was truncated
    seconds: float = 0.0


@dataclass(frozen=True)
class Citation:
    """A numbered excerpt an answer cites, and which answer sentences (0-based) it supports."""

    n: int
    chunk_id: str
    file: str
    speech: int
    title: str
    headings: tuple[str, ...]
    start: int
    end: int
    text: str
    sentences: tuple[int, ...] = ()


@dataclass(frozen=True)
class AnswerSentence:
    """One sentence of an answer: its text (no markers), the excerpts backing it, and whether any does."""

    text: str
    citations: tuple[int, ...]
    supported: bool
    support: float = 0.0  # overlap with its best cited excerpt, 0..1


@dataclass(frozen=True)
class Answer:
    question: str
    text: str  # the answer with [n] markers, in the asker's script
    refused: bool
    script: Script
    sentences: tuple[AnswerSentence, ...]
    citations: tuple[Citation, ...]
    hits: tuple[Hit, ...]
    generator: str
    citation_precision: float  # share of the generator's own markers that pointed at supporting excerpts
    timings: tuple[tuple[str, float], ...] = ()
    notice: str = ""


@dataclass(frozen=True)
class Outcome:
    """What one evaluation configuration did with one question (scored by evaluate.score)."""

    question: str  # the question's id
    variant: str
    excerpts: tuple[str, ...]  # retrieved texts, best first (up to 10)
    sources: tuple[str, ...]  # "file#speech" of each excerpt ("file" for baselines on raw files)
    search_ms: float
    answered: bool = False  # False: retrieval only (the peer baselines); answer fields unused
    answer: str = ""
    refused: bool = False
    cited: tuple[str, ...] = ()  # texts of the excerpts the answer cites
    citation_precision: float = 0.0
    unsupported: float = 0.0  # share of the answer's sentences no cited excerpt supports
    script: str = ""  # script the answer is written in
    ask_ms: float = 0.0
    notice: str = ""  # e.g. the LLM failed and the extractive answer stood in
    twin: float | None = None  # 1.0 when the question in the other script retrieves the same top-k excerpts
