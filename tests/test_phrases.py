"""Precedent wording: exact occurrences across scripts, counts, similar sentences, the CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

from ragbot import pipeline
from ragbot.chunk import find_headings
from ragbot.cli import main
from ragbot.config import Config
from ragbot.phrases import (
    PhraseResult,
    Similar,
    counts,
    near_duplicate,
    occurrences,
    sentence_of,
    similar_sentences,
)
from ragbot.render import render_phrases
from ragbot.script import fold, to_traditional

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
ALL_TEXT = "\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")))


def test_phrase_is_found_across_scripts_with_offsets_into_the_file(seed_corpus, originals) -> None:
    for query in ("承上启下", "承上啟下"):
        found = occurrences(query, seed_corpus.speeches)
        assert len(found) >= 5
        assert {o.file for o in found} >= {"000_fc7b01b31694c23c.txt"}
        for o in found:
            assert fold(originals[o.file][o.start : o.end]) == "承上启下"
            assert o.match == originals[o.file][o.start : o.end]  # shown as the file has it
    found = occurrences("上情下達", seed_corpus.speeches)
    assert [(o.file, o.match) for o in found] == [("004_92e2d7aa31a4f474.txt", "上情下达")]
    found = occurrences("上邊千條線，下頭一根針", seed_corpus.speeches)  # typed with ，: the speech has ,
    assert [(o.file, o.match) for o in found] == [("003_8c6fb7f0a0f8db51.txt", "上边千条线,下头一根针")]


def test_counts_per_speech_most_first(seed_corpus) -> None:
    c = counts(occurrences("督查", seed_corpus.speeches))
    assert c == sorted(c, key=lambda x: -x[3])
    assert sum(x[3] for x in c) == len(occurrences("督查", seed_corpus.speeches))
    assert occurrences("   ", seed_corpus.speeches) == []
    assert occurrences("没有这个词组合", seed_corpus.speeches) == []


@pytest.mark.parametrize(
    ("unit", "title", "why"),
    [  # sentence units as the corpus has them
        ("二、開拓創新,狠抓落實,不斷提高辦公室工作質量和水平", "", "heading"),
        ("(二)業務上要精。", "", "heading"),
        ("(三)努力的方向", "", "heading"),
        ("一是增強大局意識。", "", "heading"),  # a numbered point that is all heading
        ("教育系統辦公室主任會議講話 篇1", "教育系統辦公室主任會議講話 篇1", "title"),
        ("在全市民政系统办公室主任会议上的讲话", "", "title"),  # a short line without sentence-ending punctuation
        ("同志們:", "", "salutation"),
        ("XX要突出XX;", "", "fragment"),
    ],
)
def test_sentence_of_drops_what_is_no_sentence(unit: str, title: str, why: str) -> None:
    assert unit in ALL_TEXT
    assert sentence_of(unit, title) is None, why


@pytest.mark.parametrize(
    ("unit", "sentence"),
    [
        ("辦公室處在承上啟下、溝通內外、協調左右的樞紐位置,是各級機關的中樞。", None),
        ("二是各級教育部門和社會各界對教育理念的認識更加深刻。", None),  # numbered, but it says something
        ("第二,对反映多个问题的信访件,要对反映的问题逐一调查,作出处理。", None),
        (
            "同志們:\n經市委同意,今天我們在這裡召開全市黨委辦公室主任會議。",
            "經市委同意,今天我們在這裡召開全市黨委辦公室主任會議。",
        ),
        ("二要實幹苦幹。實幹苦幹是做好辦公室工作的重要條件。", "實幹苦幹是做好辦公室工作的重要條件。"),
    ],
)
def test_sentence_of_keeps_sentences_and_cuts_headings_in_front(unit: str, sentence: str | None) -> None:
    assert unit.split("\n")[-1] in ALL_TEXT
    assert sentence_of(unit) == (sentence or unit)


def test_near_duplicates_across_overlaps_and_scripts() -> None:
    simplified = (
        "办公室工作如何,对党委乃至一个地方全面的工作影响很大,办公室工作做好了,各项工作的顺利开展就有了可靠保障。"
    )
    traditional = "辦公室工作如何,對黨委乃至一個地方全面的工作影響很大。"  # corpus/000 says the first half
    assert simplified in ALL_TEXT
    assert traditional in ALL_TEXT
    assert near_duplicate(simplified, traditional)
    assert near_duplicate(simplified, to_traditional(simplified))
    assert near_duplicate(simplified, simplified.replace("可靠保障", "可靠的保障"))  # Jaccard over 0.8
    assert not near_duplicate("一是增強大局意識。", "二是增強責任意識。")


def test_similar_sentences_filters_and_still_returns_k() -> None:
    texts = [
        "二、開拓創新,狠抓落實,不斷提高辦公室工作質量和水平",
        "辦公室處在承上啟下、溝通內外、協調左右的樞紐位置,是各級機關的中樞。",
        "办公室处在承上启下、沟通内外、协调左右的枢纽位置,是各级机关的中枢。",  # the same, other script
        "同志們:",
        "辦公室是各項工作運轉的中樞,是領導的決策參謀和工作助手,位置重要,責任重大。",
        "辦公室是各項工作運轉的中樞,是領導的決策參謀和工作助手,",  # an overlapping chunk's cut
        "一是增強大局意識。",
        "办公室是一个单位运转的中枢神经,就像人的大脑一样。",
        "要充分发挥办公室的桥梁纽带作用,对上多联系、勤汇报,争取上级的理解和支持;",
    ]
    matrix = np.linspace(1.0, 0.5, len(texts), dtype=np.float32)[:, None]  # nearest first
    rows = [(i, "f.txt", 1, "题", t) for i, t in enumerate(texts)]
    got = similar_sentences(np.ones(1, dtype=np.float32), matrix, rows, k=3)
    assert [s.text for s in got] == [texts[1], texts[4], texts[7]]
    assert [s.rank for s in got] == [1, 2, 3]
    assert [s.text for s in similar_sentences(np.ones(1, dtype=np.float32), matrix, rows, k=10)] == [
        texts[1],
        texts[4],
        texts[7],
        texts[8],
    ]


def _section_titles(bot: pipeline.Ragbot) -> set[str]:
    """Every heading of levels 1-2 and every short line without sentence-ending punctuation, folded."""
    out = set()
    for speech in bot.index.speeches.values():
        out |= {fold(h.text) for h in find_headings(speech.text) if h.level <= 2}
        out |= {fold(line.strip()) for line in speech.text.splitlines() if 0 < len(line.strip()) <= 30}
        out.add(fold(speech.title))
    return {t for t in out if not re.search(r"[。！？!?；;]$", t)}


def test_description_finds_similar_sentences(real_bot: pipeline.Ragbot) -> None:
    r = real_bot.phrases("形容办公室承上启下作用的说法", k=10)
    assert r.exact == ()
    assert len(r.similar) == 10
    assert [s.rank for s in r.similar] == list(range(1, 11))
    assert any("承上" in fold(s.text) for s in r.similar[:5])
    assert len({s.text for s in r.similar}) == 10


def test_similar_sentences_hold_no_heading_title_fragment_or_duplicate(real_bot: pipeline.Ragbot) -> None:
    titles = _section_titles(real_bot)
    r = real_bot.phrases("形容办公室承上启下作用的说法", k=40)
    assert len(r.similar) == 40
    for s in r.similar:
        heads = find_headings(s.text)
        assert not (heads and heads[0].pos == 0 and heads[0].level <= 2), s.text
        assert fold(s.text).rstrip("。") not in titles, s.text
        assert not any(fold(s.text).startswith(t) for t in titles if len(t) >= 8), s.text
        assert len(re.findall(r"[\u4e00-\u9fff]", s.text)) >= 6, s.text
        assert not s.text.rstrip().endswith((":", "：")), s.text
        assert s.text in ALL_TEXT  # the file's own words
    for i, a in enumerate(r.similar):
        for b in r.similar[i + 1 :]:
            assert not near_duplicate(a.text, b.text), (a.text, b.text)


def test_precedent_wording_display_converts_what_is_shown_and_copied(seed_corpus) -> None:
    found = tuple(occurrences("按程式辦事", seed_corpus.speeches))
    assert {o.file for o in found} == {"000_fc7b01b31694c23c.txt"}
    similar = (Similar(1, 0.9, found[0].file, 1, "教育系統辦公室主任會議講話 篇1", "要堅持按程式辦事,規範檔案管理。"),)
    r = PhraseResult("按程式辦事", found, tuple(counts(found)), similar)
    as_filed, simplified, traditional = (render_phrases(r, d) for d in ("按提问", "简体", "繁體"))
    assert "<mark>按程式辦事</mark>" in as_filed
    assert "<mark>按程序办事</mark>" in simplified
    assert "程式" not in simplified
    assert "要坚持按程序办事,规范档案管理。" in simplified  # archives stay 档案
    assert 'data-text="要坚持按程序办事,规范档案管理。"' in simplified  # copied as shown
    assert re.search(r'data-text="[^"]*按程序办事[^"]*"', simplified)
    assert "教育系统办公室主任会议讲话 篇1" in simplified
    assert "<mark>按程式辦事</mark>" in traditional
    assert render_phrases(r) == as_filed


def test_cli_phrases_json(real_index: Config, capsys) -> None:
    assert main(["phrases", "以文辅政", "--json", "-k", "3", "--index", str(real_index.index)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"query", "exact", "counts", "similar"}
    assert len(out["similar"]) == 3
    assert set(out["exact"][0]) == {"file", "speech", "title", "start", "end", "left", "match", "right"}
    assert set(out["counts"][0]) == {"file", "speech", "title", "count"}
