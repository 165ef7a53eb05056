"""The Simplified display's conversion, measured on the corpus (tests/measure_simplified.py has the method)."""

from __future__ import annotations

from collections import Counter

from .measure_simplified import measure


def test_to_simplified_leaves_no_taiwan_word_and_breaks_none() -> None:
    r = measure("to_simplified")
    assert (r.left.total(), r.documents, r.broken.total()) == (0, 0, 0), r
    assert r.fixed == 178  # places (neighbours joined): 79 着, 21 程序, 40 文件 (documents), 17 网络, 9 优化, ...


def test_why_not_an_opencc_configuration_alone() -> None:
    tw2s, tw2sp = measure("tw2s"), measure("tw2sp")
    assert tw2s.confirmed == 45  # 程式 21, 网路 17, 视窗 6, 资讯 1: the Simplified files say 程序 网络 窗口 信息
    assert tw2s.documents == 40
    assert tw2s.broken == Counter({"显著成绩->显着成绩": 2})  # in the Simplified files
    assert tw2sp.broken.total() > 100  # 建立 -> 创建, 核心 -> 内核, 文件 -> 文档, ...
    assert tw2sp.broken["建立->创建"] >= 20
