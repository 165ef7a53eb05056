"""Precedent wording: where a set phrase was used before, and sentences that say the same thing.

  exact    every occurrence of the phrase in every speech, matched after folding both to
           Simplified (so 上情下達 finds 上情下达), as keyword-in-context lines in the file's own
           script, with their offsets in the original file and counts per speech
  similar  the sentences whose stored vectors are nearest the query, for descriptions such as
           "形容办公室承上启下作用的说法" that have no exact match; only real sentences (no
           headings, titles, salutations or fragments: `sentence_of`), each once (`near_duplicate`:
           overlapping chunks and the same sentence in both scripts)

Pure functions over speeches and vectors; the pipeline supplies them. What it does not do:
fuzzy spelling or word-order variants (the similar list covers those by meaning).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .chunk import find_headings
from .script import fold, loose
from .types import Speech

MIN_HAN = 6  # a sentence with fewer Han characters is a fragment (同志们：)
HEADING_HAN = 14  # a numbered point (第一，… 一是…) of at most this many Han characters is a heading
NEAR_DUPLICATE = 0.8  # Jaccard similarity of folded character bigrams at which two sentences are one


@dataclass(frozen=True)
class Occurrence:
    file: str
    speech: int
    title: str
    start: int  # offsets of the match in the original file
    end: int
    left: str
    match: str
    right: str


@dataclass(frozen=True)
class Similar:
    rank: int
    score: float
    file: str
    speech: int
    title: str
    text: str


@dataclass(frozen=True)
class PhraseResult:
    query: str
    exact: tuple[Occurrence, ...]
    counts: tuple[tuple[str, int, str, int], ...]  # (file, speech, title, count), most first
    similar: tuple[Similar, ...]


_SPACE = re.compile(r"\s+")


def occurrences(phrase: str, speeches: Sequence[Speech], width: int = 24) -> list[Occurrence]:
    """Every occurrence of `phrase` (either script) in the speeches, in file order.

    >>> from ragbot.types import OffsetMap, Segment
    >>> s = Speech("a.txt", 1, "题", "traditional", 0, 8, "要上情下達,也要", OffsetMap((Segment(0, 8, 0, 8, True),)))
    >>> [(o.left, o.match, o.right, o.start) for o in occurrences("上情下达", [s], width=2)]
    [('要', '上情下達', ',也', 1)]
    >>> [o.match for o in occurrences("下達，也要", [s])]  # a full-width comma finds the speech's ASCII one
    ['下達,也要']
    """
    needle = fold(_SPACE.sub("", phrase))
    out: list[Occurrence] = []
    if not needle:
        return out
    pattern = re.compile(loose(needle))  # ， in the phrase finds the speeches' , too
    for s in speeches:
        for m in pattern.finditer(fold(s.text)):
            at, end = m.span()
            o_start, o_end = s.offsets.span(at, end)
            left = s.text[max(0, at - width) : at].replace("\n", " ")
            right = s.text[end : end + width].replace("\n", " ")
            out.append(Occurrence(s.file, s.speech, s.title, o_start, o_end, left, s.text[at:end], right))
    return out


def counts(found: Sequence[Occurrence]) -> list[tuple[str, int, str, int]]:
    """Occurrences per speech, most first."""
    c = Counter((o.file, o.speech, o.title) for o in found)
    return [(f, n, t, k) for (f, n, t), k in sorted(c.items(), key=lambda x: (-x[1], x[0]))]


_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_END = re.compile(r"[。！？!?；;…]")
_SALUTATION = re.compile(r"(同志|各位|女士|先生|朋友)[们們]?[：:]$")


def _core(text: str) -> str:
    """Folded Han characters, letters and digits only (for comparing sentences)."""
    return "".join(c for c in fold(text) if c.isalnum())


def _heading(line: str) -> bool:
    """一、… or （三）…; or a short point that is all heading (第一，要强化政治意识。 一是增强大局意识。), while a
    numbered point that says more (二是各级教育部门对教育理念的认识更加深刻。) is a sentence."""
    heads = find_headings(line)
    if not heads or heads[0].pos != 0:
        return False
    return heads[0].level <= 2 or (_core(heads[0].text) == _core(line) and len(_HAN.findall(line)) <= HEADING_HAN)


def _why_not(line: str, title: str) -> str | None:
    """Why `line` is no sentence to offer ('fragment', 'salutation', 'title', 'heading'), or None."""
    if len(_HAN.findall(line)) < MIN_HAN:
        return "fragment"
    if "\n" not in line and _SALUTATION.search(line) and len(line) <= 20:
        return "salutation"
    if title and _core(line) == _core(title):
        return "title"
    if _heading(line):
        return "heading"
    if "\n" not in line and len(line) <= 30 and not _END.search(line):
        return "title"  # a short line without sentence-ending punctuation: a section or speech title
    return None


def sentence_of(text: str, title: str = "") -> str | None:
    """The sentence in a sentence unit, or None when it holds none worth offering as wording: a heading
    (一、…, （三）…, or a short numbered point that is all heading, as `chunk.find_headings` reads
    them: 第一，要强化政治意识。), a title (the speech's, or a short line without sentence-ending
    punctuation), a salutation (同志们：) or a fragment (fewer than MIN_HAN Han characters). Leading
    heading and salutation lines are cut off, and so is a short heading sentence in front.

    >>> [sentence_of(t) for t in ("一、总体要求", "（三）加强督查督办工作。", "同志们：", "第一，要强化政治意识。")]
    [None, None, None, None]
    >>> sentence_of("同志们：\\n今天我们召开全市办公室主任会议。"), sentence_of("一要乐于奉献。办公室是牵头抓总的部门。")
    ('今天我们召开全市办公室主任会议。', '办公室是牵头抓总的部门。')
    """
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    while len(lines) > 1 and _why_not(lines[0], title):
        lines.pop(0)
    line = "\n".join(lines)
    while end := _END.search(line):  # a short heading sentence in front: 一要乐于奉献。办公室是…
        rest = line[end.end() :].strip()
        if not _heading(line[: end.end()]) or _why_not(rest, title):
            break
        line = rest
    return None if _why_not(line, title) else line


def _bigrams(text: str) -> set[str]:
    core = _core(text)
    return {core[i : i + 2] for i in range(len(core) - 1)} or {core}


def near_duplicate(a: str, b: str) -> bool:
    """The same sentence, from overlapping chunks or from both scripts: folded character bigrams with Jaccard
    similarity of at least NEAR_DUPLICATE, or one sentence inside the other.

    >>> near_duplicate("辦公室處在承上啟下的樞紐位置。", "办公室处在承上启下的枢纽位置"), near_duplicate("要做好督查工作。", "要做好信息工作。")
    (True, False)
    """
    ca, cb = _core(a), _core(b)
    if ca in cb or cb in ca:
        return True
    x, y = _bigrams(a), _bigrams(b)
    return len(x & y) >= NEAR_DUPLICATE * len(x | y)


def similar_sentences(
    qvec: np.ndarray, matrix: np.ndarray, rows: Sequence[tuple[int, str, int, str, str]], k: int = 10
) -> list[Similar]:
    """The `k` sentences nearest the query. `rows` lists (row in matrix, file, speech, title, text) for the
    sentence vectors only. Headings, titles, salutations and fragments are left out (`sentence_of`), and
    each sentence is shown once (`near_duplicate`); `k` are returned whenever that many remain."""
    if not rows:
        return []
    ids = np.fromiter((r[0] for r in rows), dtype=np.int64)
    scores = matrix[ids] @ qvec
    out: list[Similar] = []
    for i in np.argsort(-scores):
        _, file, speech, title, text = rows[int(i)]
        sentence = sentence_of(text, title)
        if sentence is None or any(near_duplicate(sentence, s.text) for s in out):
            continue
        out.append(Similar(len(out) + 1, float(scores[i]), file, speech, title, sentence))
        if len(out) >= k:
            break
    return out
