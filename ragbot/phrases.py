"""Precedent wording: where a set phrase was used before, and sentences that say the same thing.

  exact    every occurrence of the phrase in every speech, matched after folding both to
           Simplified (so 上情下達 finds 上情下达), as keyword-in-context lines in the file's own
           script, with their offsets in the original file and counts per speech
  similar  the sentences whose stored vectors are nearest the query, for descriptions such as
           "形容办公室承上启下作用的说法" that have no exact match

Pure functions over speeches and vectors; the pipeline supplies them. What it does not do:
fuzzy spelling or word-order variants (the similar list covers those by meaning).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .script import fold
from .types import Speech


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
    """
    needle = fold(_SPACE.sub("", phrase))
    out: list[Occurrence] = []
    if not needle:
        return out
    for s in speeches:
        hay = fold(s.text)
        at = hay.find(needle)
        while at >= 0:
            end = at + len(needle)
            o_start, o_end = s.offsets.span(at, end)
            left = s.text[max(0, at - width) : at].replace("\n", " ")
            right = s.text[end : end + width].replace("\n", " ")
            out.append(Occurrence(s.file, s.speech, s.title, o_start, o_end, left, s.text[at:end], right))
            at = hay.find(needle, end)
    return out


def counts(found: Sequence[Occurrence]) -> list[tuple[str, int, str, int]]:
    """Occurrences per speech, most first."""
    c = Counter((o.file, o.speech, o.title) for o in found)
    return [(f, n, t, k) for (f, n, t), k in sorted(c.items(), key=lambda x: (-x[1], x[0]))]


def similar_sentences(
    qvec: np.ndarray, matrix: np.ndarray, rows: Sequence[tuple[int, str, int, str, str]], k: int = 10
) -> list[Similar]:
    """The `k` sentences nearest the query. `rows` lists (row in matrix, file, speech, title, text)
    for the sentence vectors only; duplicate texts (chunk overlaps) are shown once."""
    if not rows:
        return []
    ids = np.fromiter((r[0] for r in rows), dtype=np.int64)
    scores = matrix[ids] @ qvec
    out: list[Similar] = []
    seen: set[str] = set()
    for i in np.argsort(-scores):
        _, file, speech, title, text = rows[int(i)]
        if text in seen:
            continue
        seen.add(text)
        out.append(Similar(len(out) + 1, float(scores[i]), file, speech, title, text))
        if len(out) >= k:
            break
    return out
