"""Script detection, folding and conversion with the real OpenCC."""

from __future__ import annotations

import pytest

from ragbot.script import detect_script, fold, to_script, to_traditional, variants


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("辦公室主任應該做什麼？", "traditional"),
        ("办公室主任应该做什么？", "simplified"),
        ("教育系統辦公室主任會議講話 篇1", "traditional"),
        ("在全市民政系统办公室主任会议上的讲话", "simplified"),
        ("office director", "simplified"),
        ("", "simplified"),
        ("辦公室的办公室工作與发展", "simplified"),  # mixed: 2 simplified-only vs 3 traditional-only? counted
    ],
)
def test_detect_script(text: str, script: str) -> None:
    if text == "辦公室的办公室工作與发展":
        # 辦 與 are Traditional-only; 办 发 are Simplified-only: a tie counts as Simplified
        assert detect_script(text) == "simplified"
        return
    assert detect_script(text) == script


def test_fold_keeps_length_and_positions() -> None:
    text = "這次會議,是按照省委高校工委、省教育廳年度會議計畫的統一安排部署召開的。"
    folded = fold(text)
    assert len(folded) == len(text)  # phrase-aware (計畫 -> 计划) yet aligned character by character
    assert folded == "这次会议,是按照省委高校工委、省教育厅年度会议计划的统一安排部署召开的。"
    assert fold("办公室") == "办公室"


def test_to_traditional_uses_phrases() -> None:
    assert to_traditional("头发") == "頭髮"
    assert to_traditional("发展") == "發展"
    assert to_traditional("办公室里的干部") == "辦公室裡的幹部"


def test_to_script() -> None:
    assert to_script("辦公室", "simplified") == "办公室"
    assert to_script("办公室", "traditional") == "辦公室"


def test_variants() -> None:
    assert set(variants("点")) == {"点", "點"}
    assert variants("的") == "的"
