"""Citation checking: every rule of the issue, on plain strings."""

from __future__ import annotations

from ragbot.cite import REFUSAL, check, render, split_sentences, support
from ragbot.config import Config

EX = [
    "办公室要做好督查督办工作,做到件件有着落、事事有回音。",
    "信息工作要突出一个优字,及时向上反馈情况。",
    "文稿起草要准确表达领导意图,力求有深度、有新意。",
]
T = Config().support_threshold  # the calibrated default


def test_correct_markers_are_kept_and_precision_is_full() -> None:
    sents, precision = check("要做好督查督办,做到件件有着落[1]。信息工作要及时向上反馈[2]。", EX, T)
    assert [s.citations for s in sents] == [(1,), (2,)]
    assert all(s.supported for s in sents)
    assert precision == 1.0


def test_marker_to_no_excerpt_is_removed() -> None:
    sents, precision = check("要做好督查督办工作[7]。", EX, T)
    assert sents[0].citations == (1,)  # [7] of 3 removed, the supporting excerpt attached
    assert precision == 0.0


def test_wrong_marker_is_moved_to_the_supporting_excerpt() -> None:
    sents, precision = check("文稿起草要准确表达领导意图[1]。", EX, T)
    assert sents[0].citations == (3,)
    assert sents[0].supported
    assert precision == 0.0


def test_wrong_marker_is_removed_when_nothing_supports() -> None:
    sents, _ = check("会议室的空调温度应设为二十六度[2]。", EX, T)
    assert sents[0].citations == ()
    assert not sents[0].supported


def test_sentence_without_marker_gets_its_best_excerpt() -> None:
    sents, precision = check("信息工作要突出一个优字。", EX, T)
    assert sents[0].citations == (2,)
    assert precision == 1.0


def test_unsupported_sentence_is_flagged_and_others_kept() -> None:
    sents, _ = check("办公室要做好督查督办工作[1]。年终奖按工龄计算。", EX, T)
    assert [s.supported for s in sents] == [True, False]


def test_partially_right_markers() -> None:
    sents, precision = check("做到件件有着落、事事有回音[1][2]。", EX, T)
    assert sents[0].citations == (1,)
    assert precision == 0.5


def test_refusal_needs_no_citation() -> None:
    sents, precision = check(REFUSAL + "。", EX, T)
    assert sents[0].supported
    assert sents[0].citations == ()
    assert precision == 1.0
    sents, _ = check("講話中沒有找到能確認回答這個問題的內容。", EX, T)
    assert sents[0].supported


def test_script_does_not_matter_for_support() -> None:
    assert support("辦公室要做好督查督辦工作", EX[0]) == 1.0


def test_sentence_splitting_is_chinese_aware() -> None:
    text = "第一句。[1]第二句！[2][3]\n第三句？第四句；“引号里的话。”[1]最后没有标点"
    assert split_sentences(text) == [
        "第一句。[1]",
        "第二句！[2][3]",
        "第三句？",
        "第四句；",
        "“引号里的话。”[1]",
        "最后没有标点",
    ]
    assert split_sentences("") == []
    assert split_sentences("[1]") == []


def test_render_round_trip() -> None:
    sents, _ = check("要做好督查督办工作[1]。信息工作要突出一个优字[2]。", EX, T)
    assert render(sents) == "要做好督查督办工作。[1]信息工作要突出一个优字。[2]"
