"""Feedback on answers: an append-only JSONL log, and its export as candidate evaluation questions.

Each record (shaped by `schema.feedback`) is one line written with a single `write` on a file opened in append mode and
fsynced, so concurrent writers do not interleave within a line and a killed server loses at
most the line it was writing (a torn last line is skipped on reading). What it does not do:
edit or delete records (a later record about the same answer supersedes nothing; export keeps all).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .script import fold


def append(path: Path, line: dict[str, Any]) -> None:
    """Append one record durably."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = (json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8")
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def read(path: Path) -> Iterator[dict[str, Any]]:
    """The records, skipping a torn last line."""
    if not path.is_file():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            yield json.loads(line)
        except json.JSONDecodeError:
            continue


def export(path: Path) -> list[dict[str, Any]]:
    """Candidate evaluation questions (schema 2, split "heldout") from the feedback, for a person to review.

    A thumbs-up answer proposes its cited sentences as gold quotes (at most 40 characters each);
    a thumbs-down or commented one is exported with no gold and the comment, to be written up.
    """
    out = []
    for i, r in enumerate(read(path), start=1):
        gold = []
        if r.get("rating") == "up" and not r.get("refused"):
            for c in r.get("citations", [])[:3]:
                excerpt = c.get("text", "")
                for s in c.get("sentences", [])[:1]:  # the sentence as the file has it (answers may be converted)
                    want = fold(s.strip().rstrip("。！？!?"))[:40]
                    at = fold(excerpt).find(want)
                    if len(want) >= 8 and at >= 0:
                        gold.append({"file": c["file"], "speech": c["speech"], "quote": excerpt[at : at + len(want)]})
        out.append(
            {
                "schema": 2,
                "id": f"fb{i:04d}",
                "split": "heldout",
                "question": r.get("question", ""),
                "script": r.get("script", ""),
                "type": "unreviewed",
                "gold": gold,
                "answer": r.get("answer", ""),
                "rating": r.get("rating"),
                "comment": r.get("comment", ""),
            }
        )
    return out
