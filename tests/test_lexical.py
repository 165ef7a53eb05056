"""BM25 over jieba: segmentation with the jargon dictionary, scoring, and the saved file."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

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
    bm.save(tmp_path / "lexical.json")
    again = BM25.load(tmp_path / "lexical.json")
    q = tokenize("督查信息")
    assert again.search(q, 2) == bm.search(q, 2)
    (tmp_path / "lexical.json").write_text('{"format": 0}')
    with pytest.raises(ValueError, match="format"):
        BM25.load(tmp_path / "lexical.json")
