"""Lexical search: BM25 over jieba segmentation of Simplified-folded text.

Generic BM25 tokenisers turn a run of Han characters into one token; here jieba's search mode
(`cut_for_search`: words plus their sub-words, 办公室 -> 办公 公室 办公室) segments the folded
text, with a small user dictionary of office jargon from the speeches (ragbot/data/jargon.txt:
三服务, 办文办会办事, 督查督办, …) so those stay whole. Punctuation, whitespace and a few function
words are dropped. The index saves as one plain JSON file (no pickle).

What it does not do: stemming, synonyms, or any Traditional text (callers fold first).
"""

from __future__ import annotations

import json
import logging
import math
import re
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .script import fold

JARGON = Path(__file__).parent / "data" / "jargon.txt"
FORMAT = 1
STOPWORDS = frozenset(
    [
        "的",
        "了",
        "和",
        "与",
        "及",
        "或",
        "是",
        "在",
        "也",
        "都",
        "就",
        "而",
        "又",
        "并",
        "等",
        "着",
        "之",
        "其",
        "这",
        "那",
        "个",
        "些",
        "把",
        "被",
        "对",
        "为",
        "以",
        "于",
        "从",
        "向",
        "上",
        "下",
        "中",
        "我",
        "我们",
        "你",
        "你们",
        "他",
        "他们",
        "它",
        "吗",
        "呢",
        "吧",
        "啊",
        "什么",
        "怎么",
        "怎样",
        "如何",
        "哪些",
        "哪个",
        "为什么",
        "是否",
        "有没有",
        "请问",
        "要",
        "应该",
        "应当",
    ]
)
_WORD = re.compile(r"[\w\u4e00-\u9fff]", re.UNICODE)


_TOKENIZER: Any = None
_TOKENIZER_LOCK = threading.Lock()


def _jieba() -> Any:
    """The one jieba tokenizer (with the jargon dictionary), built once even when many threads ask at once."""
    global _TOKENIZER
    if _TOKENIZER is None:
        with _TOKENIZER_LOCK:
            if _TOKENIZER is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                tk = jieba.Tokenizer()
                tk.load_userdict(str(JARGON))
                _TOKENIZER = tk
    return _TOKENIZER


def tokenize(text: str, folded: bool = False) -> list[str]:
    """Search-mode tokens of `text` (folded to Simplified first unless `folded`).

    >>> tokenize("辦公室要做好三服務")
    ['办公', '公室', '办公室', '做好', '三服', '服务', '三服务']
    """
    t = (text if folded else fold(text)).lower()
    return [w for w in _jieba().cut_for_search(t) if _WORD.search(w) and w not in STOPWORDS]


class BM25:
    """Okapi BM25 over token lists; documents are numbered 0..n-1 in the order given."""

    def __init__(self, postings: dict[str, list[list[int]]], doc_len: list[int], k1: float = 1.5, b: float = 0.75):
        self.postings = postings  # term -> [[doc, term frequency], ...]
        self.doc_len = doc_len
        self.k1, self.b = k1, b
        self.n = len(doc_len)
        self.avgdl = (sum(doc_len) / self.n) if self.n else 0.0

    @classmethod
    def build(cls, docs: Iterable[Sequence[str]], k1: float = 1.5, b: float = 0.75) -> BM25:
        postings: dict[str, list[list[int]]] = {}
        doc_len = []
        for i, tokens in enumerate(docs):
            doc_len.append(len(tokens))
            for term, tf in Counter(tokens).items():
                postings.setdefault(term, []).append([i, tf])
        return cls(postings, doc_len, k1, b)

    def idf(self, term: str) -> float:
        df = len(self.postings.get(term, ()))
        return math.log(1.0 + (self.n - df + 0.5) / (df + 0.5))

    def scores(self, tokens: Sequence[str], allowed: set[int] | None = None) -> dict[int, float]:
        """BM25 score of every document that holds at least one query term (and is allowed)."""
        out: dict[int, float] = {}
        for term in dict.fromkeys(tokens):
            plist = self.postings.get(term)
            if not plist:
                continue
            idf = self.idf(term)
            for doc, tf in plist:
                if allowed is not None and doc not in allowed:
                    continue
                norm = tf + self.k1 * (1 - self.b + self.b * self.doc_len[doc] / (self.avgdl or 1.0))
                out[doc] = out.get(doc, 0.0) + idf * tf * (self.k1 + 1) / norm
        return out

    def search(self, tokens: Sequence[str], k: int, allowed: set[int] | None = None) -> list[tuple[int, float]]:
        """The top `k` (doc, score) pairs, best first; ties keep document order."""
        scored = self.scores(tokens, allowed)
        return sorted(scored.items(), key=lambda x: (-x[1], x[0]))[:k]

    def save(self, path: Path) -> None:
        data = {"format": FORMAT, "k1": self.k1, "b": self.b, "doc_len": self.doc_len, "postings": self.postings}
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> BM25:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError(f"lexical index format {data.get('format')}, expected {FORMAT}")
        return cls(data["postings"], data["doc_len"], data["k1"], data["b"])
