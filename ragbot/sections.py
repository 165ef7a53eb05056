"""Section-level units: the chunks under one heading path, searched as one.

A broad question (主要职责是什么, 有哪些要求) is answered by a whole section, and each of its chunks holds
only part of it. A section here is the chunks of one speech that share a heading path (`Chunk.headings`;
the speech's opening, before any heading, is none). Its vector is the mean of its rows' stored vectors
(each chunk's and each sentence's), normalised: the index holds nothing new and building costs nothing
more; the vectors are made from the store's matrix on the first search and kept with the index.

  sections(index)             every section: its chunks in the speech's order, and its vector
  ranking(index, qvec, ...)   chunks ordered by their section's inner product with the question (the
                              best SECTIONS_TOP sections, each section's chunks in order): a further
                              ranking in the hybrid fusion (`retrieve.search`), at `section_weight`

Measured with `ragbot eval --config hybrid hybrid-nosection` (README, How search works).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .index import Index

SECTIONS_TOP = 20  # sections whose chunks enter the ranking


@dataclass(frozen=True)
class Sections:
    """The sections of one index: `members[s]` are section s's chunks in the speech's order, `vectors[s]`
    its unit vector."""

    members: tuple[tuple[int, ...], ...]
    vectors: np.ndarray


def sections(index: Index) -> Sections:
    """The index's sections (made once per loaded index)."""
    return index.derived("sections", lambda: _make(index))


def _make(index: Index) -> Sections:
    groups: dict[tuple[str, int, tuple[str, ...]], list[int]] = {}
    for i, c in enumerate(index.chunks):
        if c.headings:
            groups.setdefault((c.file, c.speech, c.headings), []).append(i)
    members = tuple(tuple(sorted(ids, key=lambda i: index.chunks[i].text_start)) for ids in groups.values())
    if not members:
        return Sections((), np.zeros((0, index.store.dim), np.float32))
    matrix = index.matrix
    rows = [np.concatenate([np.arange(index.unit_start[i], index.unit_start[i + 1]) for i in m]) for m in members]
    means = np.stack([matrix[r].mean(axis=0) for r in rows]).astype(np.float32)
    means /= np.maximum(np.linalg.norm(means, axis=1, keepdims=True), 1e-12)
    return Sections(members, means)


def ranking(index: Index, qvec: np.ndarray, allowed: set[int] | None = None, top: int = SECTIONS_TOP) -> list[int]:
    """Chunks (among `allowed`, when given) ordered by their section's inner product with `qvec`: the
    best `top` sections that keep a chunk, each section's chunks in the speech's order."""
    found = sections(index)
    if not found.members:
        return []
    scores = found.vectors @ np.asarray(qvec, np.float32).reshape(-1)
    out: list[int] = []
    taken = 0
    for s in np.argsort(-scores, kind="stable"):
        kept = [i for i in found.members[s] if allowed is None or i in allowed]
        if kept:
            out += kept
            taken += 1
            if taken == top:
                break
    return out
