"""Test doubles that make relevance predictable. Real components have their own tests too."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ragbot.script import fold

KEYWORDS = ("督查", "信息", "文稿", "会议", "接待", "保密", "学习", "落实", "服务", "协调")


class KeywordEmbedder:
    """One dimension per keyword (counted in the folded text) plus a constant one, normalised."""

    name = "fake-keywords"
    fingerprint = "fake-keywords-1"

    def __init__(self, keywords: Sequence[str] = KEYWORDS) -> None:
        self.keywords = tuple(keywords)
        self.dim = len(self.keywords) + 1
        self.documents_embedded = 0
        self.queries_embedded = 0

    def _vec(self, text: str) -> np.ndarray:
        t = fold(text)
        v = np.array([t.count(k) for k in self.keywords] + [0.1], dtype=np.float32)
        return v / np.linalg.norm(v)

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        self.documents_embedded += len(texts)
        return np.stack([self._vec(t) for t in texts]) if texts else np.zeros((0, self.dim), np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        self.queries_embedded += 1
        return self._vec(text)
