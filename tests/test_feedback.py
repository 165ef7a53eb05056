"""Feedback: append-only durable log, torn lines skipped, export to candidate questions, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ragbot import feedback, schema
from ragbot.cli import main
from ragbot.types import Answer, AnswerSentence, Citation, Hit, Script

EXCERPT = "办公室要做好督查督办工作,做到件件有着落、事事有回音。"


def answer(script: Script = "simplified") -> Answer:
    text = "辦公室要做好督查督辦工作。" if script == "traditional" else "办公室要做好督查督办工作。"
    hit = Hit(1, 1.0, ("f.txt#1@0-9",), "f.txt", 1, "题", (), 0, 9, EXCERPT)
    cite = Citation(1, hit.chunk_id, "f.txt", 1, "题", (), 0, 9, EXCERPT, (0,))
    return Answer(
        "怎么做好督查？",
        text + "[1]",
        False,
        script,
        (AnswerSentence(text, (1,), True),),
        (cite,),
        (hit,),
        "extractive",
        1.0,
    )


def test_records_append_and_torn_lines_are_skipped(tmp_path: Path) -> None:
    log = tmp_path / "data" / "feedback.jsonl"
    feedback.append(log, schema.feedback(answer(), "up", settings={"top_k": 5}))
    feedback.append(log, schema.feedback(answer(), "comment", "引文不够具体"))
    with log.open("a", encoding="utf-8") as f:
        f.write('{"rating": "down", "quest')  # a server killed mid-write
    rows = list(feedback.read(log))
    assert [r["rating"] for r in rows] == ["up", "comment"]
    assert rows[0]["settings"] == {"top_k": 5}
    assert rows[0]["citations"][0]["chunk_id"] == "f.txt#1@0-9"
    assert rows[1]["comment"] == "引文不够具体"
    with pytest.raises(ValueError, match="rating must be"):
        schema.feedback(answer(), "meh")


def test_export_proposes_gold_quotes_from_liked_answers(tmp_path: Path) -> None:
    log = tmp_path / "feedback.jsonl"
    feedback.append(log, schema.feedback(answer("traditional"), "up"))
    feedback.append(log, schema.feedback(answer(), "down"))
    rows = feedback.export(log)
    assert rows[0]["gold"] == [
        {"file": "f.txt", "speech": 1, "quote": "办公室要做好督查督办工作"}
    ]  # as the file has it
    assert rows[0]["schema"] == 2
    assert rows[0]["type"] == "unreviewed"
    assert rows[1]["gold"] == []


def test_cli_export(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("RAGBOT_DATA", str(tmp_path))
    assert main(["feedback", "export"]) == 1
    assert "no feedback yet" in capsys.readouterr().err
    feedback.append(tmp_path / "feedback.jsonl", schema.feedback(answer(), "up"))
    assert main(["feedback", "export", "--out", str(tmp_path / "cand.jsonl")]) == 0
    assert json.loads((tmp_path / "cand.jsonl").read_text())["question"] == "怎么做好督查？"
