"""Retrieval logic: fusion, merging, filters (pure), then search over a real FAISS index with a fake embedder."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from ragbot import pipeline
from ragbot.config import Config
from ragbot.errors import QueryError
from ragbot.quotes import FIGURE
from ragbot.retrieve import FIGURE_SHARE, merge_groups, rrf, shaped
from ragbot.script import fold
from ragbot.store import Filters, allowed_ids
from ragbot.types import Chunk

from .helpers import CORPUS, KeywordEmbedder


def chunk(i: int, lo: int, hi: int, file: str = "f.txt", speech: int = 1, title: str = "标题") -> Chunk:
    return Chunk(f"c{i}", file, speech, title, lo, hi, "x" * (hi - lo), "x" * (hi - lo), (), lo, hi)


def test_rrf_weights_and_ties() -> None:
    assert rrf([[1, 2, 3], [3, 2]], [1.0, 1.0], k0=60)[0][0] in (2, 3)
    fused = dict(rrf([[1, 2], [2, 1]], [2.0, 1.0], k0=0))
    assert fused[1] == pytest.approx(2 / 1 + 1 / 2)
    assert fused[2] == pytest.approx(2 / 2 + 1 / 1)
    assert rrf([[5], []], [1.0, 1.0]) == [(5, pytest.approx(1 / (Config.rrf_k + 1)))]
    assert rrf([], []) == []


def test_merge_joins_overlapping_and_touching_chunks_of_one_speech_only() -> None:
    cs = [chunk(0, 0, 100), chunk(1, 90, 200), chunk(2, 202, 300), chunk(3, 90, 200, speech=2), chunk(4, 500, 600)]
    groups = merge_groups([1, 3, 0, 4, 2], cs, max_chars=1000)
    assert groups == [[1, 0, 2], [3], [4]]


def test_a_chunk_bridging_two_excerpts_joins_them() -> None:
    cs = [chunk(0, 0, 100), chunk(1, 200, 300), chunk(2, 90, 210)]
    assert merge_groups([0, 1, 2], cs, max_chars=1000) == [[0, 2, 1]]


def test_merge_caps_touching_chunks_but_never_repeats_overlapping_text() -> None:
    cs = [chunk(0, 0, 300), chunk(1, 301, 600), chunk(2, 550, 800)]
    assert merge_groups([0, 1], cs, max_chars=500) == [[0], [1]]
    assert merge_groups([0, 1], cs, max_chars=600) == [[0, 1]]
    assert merge_groups([0, 1, 2], cs, max_chars=600) == [[0, 1, 2]]


def test_filters_by_file_speech_and_title_in_either_script() -> None:
    cs = [chunk(0, 0, 1, "a.txt", 1, "在民政系統會議上的講話"), chunk(1, 0, 1, "sub/b.txt", 2, "督查工作会议")]
    assert allowed_ids(cs, None) is None
    assert allowed_ids(cs, Filters()) is None
    assert allowed_ids(cs, Filters(files=("b.txt",))) == {1}
    assert allowed_ids(cs, Filters(speeches=(("a.txt", 1),))) == {0}
    assert allowed_ids(cs, Filters(title="民政系统")) == {0}
    assert allowed_ids(cs, Filters(files=("c.txt",))) == set()


def test_dense_mode_follows_the_fake_vectors(keyword_bot: pipeline.Ragbot) -> None:
    hits = keyword_bot.search("保密", k=3, mode="dense").hits
    assert hits
    assert all("保密" in h.text or "保密" in "".join(h.headings) for h in hits)


def test_filters_apply_before_top_k(keyword_bot: pipeline.Ragbot) -> None:
    for mode in ("dense", "bm25", "hybrid"):
        hits = keyword_bot.search("信息", k=5, mode=mode, filters=Filters(files=("004_92e2d7aa31a4f474.txt",))).hits
        assert hits, mode
        assert all(h.file == "004_92e2d7aa31a4f474.txt" for h in hits), mode


def test_shaped_ranks_the_candidates_holding_what_the_question_quotes_counts_or_asks_for(
    keyword_bot: pipeline.Ragbot,
) -> None:
    index = keyword_bot.index
    ranked = list(range(len(index.chunks)))[::-1]
    [(eight, share)] = shaped(index, ranked, "机关里要形成怎样的风气？用了哪八个字？")
    assert share == 1.0
    assert eight == sorted(eight, reverse=True)  # the ranking's own order
    assert any("团结、紧张、严肃、活泼" in index.chunks[i].text for i in eight)
    assert all(re.search(r"[“「\"](?:[、，,]?[\u4e00-\u9fff]){8}[”」\"]", fold(index.chunks[i].text)) for i in eight)
    assert shaped(index, ranked, "机关里要形成怎样的风气？") == []  # nothing quoted, counted or figurative
    assert shaped(index, ranked, "「四個一流」指什么？")  # folded: a Traditional question finds Simplified text
    assert shaped(index, ranked, "「没有的提法」指什么？") == []
    [(figures, share)] = shaped(index, ranked, "讲话用了哪些比喻来形容办公室？")
    assert share == FIGURE_SHARE
    assert any("好比一部机器" in index.chunks[i].text for i in figures)
    assert all(FIGURE.search(index.chunks[i].folded) for i in figures)
    assert len(figures) < len(ranked)


def test_hits_are_merged_not_repeated(keyword_bot: pipeline.Ragbot) -> None:
    hits = keyword_bot.search("督查工作", k=10).hits
    spans = [(h.file, h.speech, h.text_start, h.text_end) for h in hits]
    for i, a in enumerate(spans):
        for b in spans[i + 1 :]:
            if a[:2] == b[:2]:
                assert a[3] + 2 < b[2] or b[3] + 2 < a[2], (a, b)  # no two hits overlap or touch
    assert [h.rank for h in hits] == list(range(1, len(hits) + 1))


def test_hit_text_and_offsets_are_the_files_own(keyword_bot: pipeline.Ragbot) -> None:
    original = (CORPUS / "004_92e2d7aa31a4f474.txt").read_text(encoding="utf-8")
    hits = keyword_bot.search("信息宣传", k=5, filters=Filters(files=("004_92e2d7aa31a4f474.txt",))).hits
    for h in hits:
        if "隐藏内容" not in original[h.start : h.end]:  # outside the paywall cut, the excerpt is verbatim
            assert original[h.start : h.end] == h.text


@pytest.mark.parametrize("query", ["", "   ", "？？！！", "。，、"])
def test_empty_or_punctuation_query_is_one_clear_error(keyword_bot: pipeline.Ragbot, query: str) -> None:
    with pytest.raises(QueryError, match="empty or only punctuation"):
        keyword_bot.search(query)


def test_huge_query_is_truncated_with_a_notice(keyword_bot: pipeline.Ragbot) -> None:
    result = keyword_bot.search("督查工作" * 2500)
    assert result.notice == "输入共 10000 字，超过 500 字的上限，只检索了最后 500 字（第 9501–10000 字）"
    assert len(result.query) == 500
    assert result.hits


def test_long_paste_is_searched_at_its_question_and_the_notice_says_where(keyword_bot: pipeline.Ragbot) -> None:
    pasted = "會議背景材料。" * 100 + "請問辦公室怎樣做好督查工作？" + "附件：略。" * 30
    result = keyword_bot.search(pasted)
    assert result.query.endswith("請問辦公室怎樣做好督查工作？")
    assert result.query.startswith("會議背景材料。")  # from a sentence start, not mid-sentence
    assert len(result.query) <= 500
    start = pasted.index(result.query)
    assert result.notice == (
        f"輸入共 {len(pasted)} 字，超過 500 字的上限，只檢索了其中最後一個問句及其前文"
        f"（第 {start + 1}–{start + len(result.query)} 字）：“請問辦公室怎樣做好督查工作？”"
    )


def test_search_needs_an_index(tmp_path: Path) -> None:
    from ragbot.errors import IndexMissing

    with pytest.raises(IndexMissing, match="run `ragbot ingest`"):
        pipeline.Ragbot(Config(index=tmp_path / "none"), embedder=KeywordEmbedder()).search("督查")


def test_search_refuses_an_index_of_another_model(keyword_bot: pipeline.Ragbot) -> None:
    from ragbot.errors import IndexInvalid

    other = KeywordEmbedder()
    other.name = "fake-other"
    with pytest.raises(IndexInvalid, match="built with embedder 'fake-keywords', not 'fake-other'"):
        pipeline.Ragbot(keyword_bot.config, embedder=other).search("督查")


class LengthReranker:
    """A fake reranker: prefers shorter excerpts, so its effect on the order is predictable."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, int]] = []

    def rank(self, query: str, docs: Sequence[str]) -> list[float]:
        self.calls.append((query, len(docs)))
        return [-float(len(d)) for d in docs]


def test_reranker_reorders_the_fused_candidates(keyword_bot: pipeline.Ragbot) -> None:
    rr = LengthReranker()
    bot = pipeline.Ragbot(keyword_bot.config, embedder=keyword_bot.embedder, reranker=rr)
    hits = bot.search("督查工作", k=5).hits
    assert rr.calls
    assert rr.calls[0][0] == "督查工作"
    assert rr.calls[0][1] >= 5
    lengths = [len(h.text) for h in hits]
    assert lengths == sorted(lengths)
    assert [h.rank for h in hits] == [1, 2, 3, 4, 5]
    plain = keyword_bot.search("督查工作", k=5).hits
    assert [h.text for h in plain] != [h.text for h in hits]


def test_reranker_registry_errors() -> None:
    from ragbot.errors import ConfigError
    from ragbot.rerank import make_reranker

    assert make_reranker("") is None
    with pytest.raises(ConfigError, match="unknown reranker kind 'colbert'; valid kinds: cross-encoder"):
        make_reranker("colbert:some/model")
    with pytest.raises(ConfigError, match="cannot load reranker 'no-such/reranker'"):
        make_reranker("cross-encoder:no-such/reranker")
