"""The development question set: every entry valid, every gold quote where it says."""

from __future__ import annotations

from collections import Counter

import pytest

from ragbot.evaluate import SCHEMA, SPLITS, TYPES, Question, load_questions
from ragbot.script import detect_script, fold

from .helpers import ROOT


@pytest.fixture(scope="module")
def questions() -> list[Question]:
    return load_questions(ROOT / "eval" / "questions.jsonl")


def test_entries_are_well_formed(questions: list[Question]) -> None:
    assert len(questions) >= 100
    assert len({q.id for q in questions}) == len(questions)
    for q in questions:
        assert q.schema == SCHEMA, q.id
        assert q.type in TYPES, q.id
        assert q.split in SPLITS, q.id
        assert q.script in ("simplified", "traditional"), q.id
        assert q.question.strip(), q.id
        assert q.answer.strip(), q.id
        assert detect_script(q.question) == q.script, q.id
        if q.type == "unanswerable":
            assert q.gold == (), q.id
            assert 2 <= len(q.checked) <= 4, q.id
        else:
            assert 1 <= len(q.gold) <= 3, q.id
            assert not q.checked, q.id
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
    assert cross_s2t >= 5, (cross_s2t, cross_t2s)
    assert cross_t2s >= 5, (cross_s2t, cross_t2s)


def test_unanswerable_topics_are_absent_from_the_corpus(questions: list[Question], seed_corpus, originals) -> None:
    """Each unanswerable question names the terms it was checked with; none occurs in any file."""
    texts = [fold(t) for t in originals.values()] + [fold(s.text) for s in seed_corpus.speeches]
    unanswerable = [q for q in questions if q.type == "unanswerable"]
    assert len(unanswerable) >= 10
    for q in unanswerable:
        for term in q.checked:
            assert 2 <= len(term) <= 8, (q.id, term)
            assert not any(fold(term) in t for t in texts), (q.id, term)


def test_every_speech_has_questions(questions: list[Question], seed_corpus) -> None:
    per = Counter((g.file, g.speech) for q in questions for g in q.gold)
    assert all(per[(s.file, s.speech)] >= 3 for s in seed_corpus.speeches), per
