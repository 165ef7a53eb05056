"""BM25 over jieba: segmentation with the jargon dictionary, scoring, and the saved file."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ragbot.lexical import BM25, STOPWORDS, tokenize


@pytest.mark.parametrize("term", ["三服务", "办文办会办事", "督查督办", "上情下达", "以文辅政", "万金油干部"])
def test_jargon_stays_whole(term: str) -> None:
    assert term in tokenize(f"我们要做好{term}工作")


def test_traditional_text_is_folded_before_segmenting() -> None:
    assert tokenize("督查督辦和辦文辦會辦事") == tokenize("督查督办和办文办会办事")


def test_punctuation_and_function_words_are_dropped() -> None:
    tokens = tokenize("办公室主任应该做什么？！，。")
    assert "？" not in tokens
    assert "什么" not in tokens
    assert "办公室主任" in tokens
    assert not any(t in STOPWORDS for t in tokens)


def test_bm25_ranks_the_document_with_the_rare_term_first() -> None:
    docs = [tokenize(t) for t in ["办公室做好接待工作", "办公室做好督查督办工作", "办公室做好文稿工作"]]
    bm = BM25.build(docs)
    assert bm.search(tokenize("督查督办"), 3)[0][0] == 1
    assert bm.idf("督查督办") > bm.idf("办公室")
    assert bm.idf("办公室") == pytest.approx(math.log(1 + 0.5 / 3.5))


def test_bm25_length_normalisation_and_allowed() -> None:
    bm = BM25.build([["督查"], ["督查"] + ["其他"] * 20, ["接待"]])
    assert [d for d, _ in bm.search(["督查"], 3)] == [0, 1]
    assert [d for d, _ in bm.search(["督查"], 3, allowed={1, 2})] == [1]
    assert bm.search(["没有"], 3) == []


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    bm = BM25.build([tokenize("办公室做好督查工作"), tokenize("信息工作")])
    bm.save(tmp_path / "lexical.npz")
    again = BM25.load(tmp_path / "lexical.npz")
    q = tokenize("督查信息")
    assert again.search(q, 2) == bm.search(q, 2)
    assert again.terms == bm.terms
    assert again.n == 2
    with open(tmp_path / "old.npz", "wb") as f:
        np.savez(f, format=np.array([1]))
    with pytest.raises(ValueError, match="format 1, expected"):
        BM25.load(tmp_path / "old.npz")


def reference_scores(docs: list[list[str]], query: list[str], allowed: set[int] | None) -> dict[int, float]:
    """Okapi BM25 written out plainly (the dict-of-lists implementation the arrays replaced)."""
    n, avgdl = len(docs), sum(map(len, docs)) / len(docs)
    out: dict[int, float] = {}
    for term in dict.fromkeys(query):
        holding = [(i, d.count(term)) for i, d in enumerate(docs) if term in d]
        if not holding:
            continue
        idf = math.log(1.0 + (n - len(holding) + 0.5) / (len(holding) + 0.5))
        for i, tf in holding:
            if allowed is None or i in allowed:
                norm = tf + 1.5 * (1 - 0.75 + 0.75 * len(docs[i]) / (avgdl or 1.0))
                out[i] = out.get(i, 0.0) + idf * tf * (1.5 + 1) / norm
    return out


WORDS = st.sampled_from(["办公室", "督查", "信息", "会议", "文稿", "接待", "保密"])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(WORDS, max_size=12), min_size=1, max_size=12),
    st.lists(WORDS, min_size=1, max_size=5),
    st.none() | st.sets(st.integers(0, 14)),
)
def test_bm25_scores_equal_the_plain_formula(docs: list[list[str]], query: list[str], allowed: set[int] | None) -> None:
    bm = BM25.build(docs)
    want = reference_scores(docs, query, allowed)
    assert bm.scores(query, allowed) == pytest.approx(want, rel=1e-12)
    top = bm.search(query, 5, allowed)
    assert [d for d, _ in top] == sorted(want, key=lambda d: (-want[d], d))[:5]
    assert bm.df(query[0]) == sum(query[0] in d for d in docs)


def test_a_rebuild_cuts_no_unchanged_chunk_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A second build of the same corpus in one process (the app rebuilding after an upload, an update,
    Milvus's text rows beside BM25's) takes each chunk's tokens from the first cut, and its BM25 is
    the same to the byte."""
    from ragbot import lexical, pipeline
    from ragbot.config import Config

    from .helpers import CORPUS, KeywordEmbedder

    pipeline.build_index([CORPUS], Config(index=tmp_path / "first"), embedder=KeywordEmbedder())
    cut: list[str] = []
    jieba = lexical._jieba()

    class Counting:
        def __getattr__(self, name: str) -> object:
            return getattr(jieba, name)

        def cut_for_search(self, text: str) -> object:
            cut.append(text)
            return jieba.cut_for_search(text)

    monkeypatch.setattr(lexical, "_jieba", Counting)
    pipeline.build_index([CORPUS], Config(index=tmp_path / "again"), embedder=KeywordEmbedder())
    assert cut == []
    first, again = (np.load(tmp_path / f / "lexical.npz") for f in ("first", "again"))
    assert sorted(first.files) == sorted(again.files)
    assert all(np.array_equal(first[k], again[k]) for k in first.files)
