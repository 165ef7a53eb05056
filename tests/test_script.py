"""Script detection, folding and conversion with the real OpenCC."""

from __future__ import annotations

from pathlib import Path

import pytest

from ragbot.script import detect_script, fold, to_script, to_simplified, to_traditional, variants

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


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


@pytest.mark.parametrize(
    ("original", "mainland"),
    [  # sentences of corpus/000 (Traditional, Taiwan words), as a mainland reader would write them
        ("要堅持按程式辦事", "要坚持按程序办事"),
        ("每一份重要檔案、每一次重大會議活動", "每一份重要文件、每一次重大会议活动"),  # documents
        ("檔案工作要走依法治檔的路子", "档案工作要走依法治档的路子"),  # archives
        ("調研、文稿、信息、督查、檔案、會議、事務工作", "调研、文稿、信息、督查、档案、会议、事务工作"),
        ("都極易引發網際網路的“輿論狂歡”", "都极易引发互联网的“舆论狂欢”"),
        ("應急處突、最佳化服務等方面取得了實效", "应急处突、优化服务等方面取得了实效"),
        ("辦公室是反映單位綜合形象的重要視窗", "办公室是反映单位综合形象的重要窗口"),
        ("都凝聚著辦公室同志和教育宣傳工作同志的心血", "都凝聚着办公室同志和教育宣传工作同志的心血"),
        ("宣傳效果顯著", "宣传效果显著"),
        ("學科設定同質化", "学科设置同质化"),
        ("新經濟時代和資訊時代已經到來", "新经济时代和信息时代已经到来"),
        ("順利完成了政府區域網路和政府外網的開通建設", "顺利完成了政府局域网和政府外网的开通建设"),
    ],
)
def test_to_simplified_reads_as_mainland_simplified(original: str, mainland: str) -> None:
    assert to_simplified(original) == mainland
    assert to_simplified(mainland) == mainland  # converting again changes nothing


def test_to_simplified_leaves_simplified_speeches_as_they_are() -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if detect_script(text) == "simplified":  # 显著 stays (tw2s would write 显着), 档案 stays 档案
            assert to_simplified(text) == text, path.name
    assert to_simplified("加强档案、机要和保密工作，信息资讯") == "加强档案、机要和保密工作，信息资讯"
    assert to_simplified("") == ""


def test_fold_writes_taiwan_words_of_the_same_length_as_mainland_ones() -> None:
    """程式 -> 程序 keeps the length; 網際網路 -> 互联网 and 檔案 -> 文件 (a word mainland text has too) are for
    `to_simplified` only: folding keeps positions, and a Simplified speech's 档案 is archives."""
    text = "要堅持按程式辦事,推進檔案事業,凝聚著力量,面對網路和網際網路,形象的視窗,程式化"
    assert fold(text) == "要坚持按程序办事,推进档案事业,凝聚着力量,面对网络和网际网络,形象的窗口,程式化"
    assert len(fold(text)) == len(text)
    assert to_simplified(text).endswith("面对网络和互联网,形象的窗口,程式化")
    assert detect_script("网路") == "simplified"  # a Taiwan word is not a Traditional character


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("隨著形勢變化,著力解決", "随着形势变化,着力解决"),  # the Traditional speech's particle and verb 著
        ("随着形势变化,着力解决", "随着形势变化,着力解决"),  # as the Simplified speeches write them
        ("成效顯著,著名論著", "成效显著,著名论著"),  # zhù keeps 著 in either script
        ("成效显著,著名论著", "成效显著,著名论著"),
    ],
)
def test_fold_writes_zhe_as_both_scripts_match_it(text: str, folded: str) -> None:
    assert fold(text) == folded
