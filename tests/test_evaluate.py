"""Evaluation metrics: pure functions on plain strings."""

from __future__ import annotations

import pytest

from ragbot.evaluate import (
    contains,
    first_rank,
    hit_at,
    hit_within,
    machine,
    ndcg_at,
    recall_at,
    reciprocal_rank,
    rouge_l,
)

EX = ["无关的段落", "辦公室要做好督查督辦工作", "信息工作要快", "再一段无关的"]


def test_matching_is_across_scripts_and_whitespace() -> None:
    assert contains("辦公室 要做好", "办公室要做好")
    assert not contains("办公室", "办公室要做好")


def test_rank_metrics() -> None:
    quotes = ["督查督办", "信息工作"]
    assert first_rank(EX, quotes) == 2
    assert reciprocal_rank(EX, quotes) == 0.5
    assert hit_at(EX, quotes, 1) == 0.0
    assert hit_at(EX, quotes, 2) == 1.0
    assert recall_at(EX, quotes, 2) == 0.5
    assert recall_at(EX, quotes, 3) == 1.0
    assert reciprocal_rank(EX, ["没有"]) == 0.0
    assert recall_at(EX, [], 5) == 0.0


def test_ndcg() -> None:
    assert ndcg_at(["甲乙丙", "x"], ["甲乙丙"]) == pytest.approx(1.0)
    assert ndcg_at(["x", "y"], ["甲乙丙"]) == 0.0
    assert ndcg_at(EX, []) == 0.0
    assert 0 < ndcg_at(EX, ["督查督办", "信息工作"]) < 1


def test_budget_counts_characters_in_rank_order() -> None:
    assert hit_within(["甲" * 1000, "乙" * 600, "督查督办"], ["督查督办"]) == 0.0
    assert hit_within(["甲" * 1000, "督查督办"], ["督查督办"]) == 1.0
    assert hit_within(["甲" * 1498 + "督查督办"], ["督查督办"]) == 0.0  # cut by the budget


def test_rouge_l() -> None:
    assert rouge_l("办公室", "办公室") == 1.0
    assert rouge_l("", "办公室") == 0.0
    assert rouge_l("甲乙", "丙丁") == 0.0
    assert rouge_l("要做好督查[1]。", "要做好督查工作") == pytest.approx(2 * 1 * (5 / 7) / (1 + 5 / 7))


def test_machine_describes_this_computer() -> None:
    info = machine()
    assert int(info["cores"].split()[0]) >= 1
    assert {"cpu", "memory", "os", "python", "load average"} <= set(info)
