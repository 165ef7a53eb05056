"""The development question set: every entry valid, every gold quote where it says."""

from __future__ import annotations

from collections import Counter

import pytest

from ragbot.evaluate import TYPES, Question, load_questions
from ragbot.script import detect_script

from .conftest import ROOT


@pytest.fixture(scope="module")
def questions() -> list[Question]:
    return load_questions(ROOT / "eval" / "questions.jsonl")


def test_entries_are_well_formed(questions: list[Question]) -> None:
    assert len(questions) >= 60
    assert len({q.id for q in questions}) == len(questions)
    for q in questions:
        assert q.schema == 1 and q.type in TYPES and q.script in ("simplified", "traditional"), q.id
        assert q.question.strip() and q.answer.strip(), q.id
        assert detect_script(q.question) == q.script, q.id
        if q.type == "unanswerable":
            assert q.gold == (), q.id
        else:
            assert 1 <= len(q.gold) <= 3, q.id
        if q.type == "multi":
            assert len({(g.file, g.speech) for g in q.gold}) >= 2, q.id


def test_every_quote_is_copied_exactly_from_its_speech(questions: list[Question], seed_corpus, originals) -> None:
    speeches = {(s.file, s.speech): s for s in seed_corpus.speeches}
    for q in questions:
        for g in q.gold:
            assert 8 <= len(g.quote) <= 40, (q.id, g.quote)
            s = speeches[(g.file, g.speech)]
            original = originals[g.file]
            positions = [i for i in range(len(original)) if original.startswith(g.quote, i)]
            assert any(s.start <= p < s.end for p in positions), (q.id, g.quote)
            assert g.quote in s.text, (q.id, g.quote)  # and it survives cleaning


def test_coverage(questions: list[Question]) -> None:
    types = Counter(q.type for q in questions)
    assert all(types[t] >= 8 for t in TYPES), types
    assert sum(q.script == "traditional" for q in questions) >= len(questions) / 4
    trad_file = "000_fc7b01b31694c23c.txt"
    cross_s2t = sum(q.script == "simplified" and any(g.file == trad_file for g in q.gold) for q in questions)
    cross_t2s = sum(q.script == "traditional" and any(g.file != trad_file for g in q.gold) for q in questions)
    assert cross_s2t >= 5 and cross_t2s >= 5, (cross_s2t, cross_t2s)
