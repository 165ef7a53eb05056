"""Precedent wording: exact occurrences across scripts, counts, similar sentences, the CLI."""

from __future__ import annotations

import json

from ragbot import pipeline
from ragbot.cli import main
from ragbot.config import Config
from ragbot.phrases import counts, occurrences
from ragbot.script import fold


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


def test_counts_per_speech_most_first(seed_corpus) -> None:
    c = counts(occurrences("督查", seed_corpus.speeches))
    assert c == sorted(c, key=lambda x: -x[3])
    assert sum(x[3] for x in c) == len(occurrences("督查", seed_corpus.speeches))
    assert occurrences("   ", seed_corpus.speeches) == []
    assert occurrences("没有这个词组合", seed_corpus.speeches) == []


def test_description_finds_similar_sentences(real_bot: pipeline.Ragbot) -> None:
    r = real_bot.phrases("形容办公室承上启下作用的说法", k=10)
    assert r.exact == ()
    assert len(r.similar) == 10
    assert [s.rank for s in r.similar] == list(range(1, 11))
    assert any("承上" in fold(s.text) for s in r.similar[:5])
    assert len({s.text for s in r.similar}) == 10


def test_cli_phrases_json(real_index: Config, capsys) -> None:
    assert main(["phrases", "以文辅政", "--json", "-k", "3", "--index", str(real_index.index)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"query", "exact", "counts", "similar"}
    assert len(out["similar"]) == 3
    assert set(out["exact"][0]) == {"file", "speech", "title", "start", "end", "left", "match", "right"}
    assert set(out["counts"][0]) == {"file", "speech", "title", "count"}
