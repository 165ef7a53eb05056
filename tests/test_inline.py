"""One sentence that lists: a list question answered by the sentence whose ；-separated clauses are the
points (inline.py), on the real index."""

from __future__ import annotations

from ragbot import pipeline
from ragbot.answer import Answerer
from ragbot.inline import run_of
from ragbot.script import fold


def test_a_run_needs_three_clauses_of_its_own() -> None:
    text = "要求如下。要加强理论学习；要改进工作作风；要严守各项纪律。"
    assert run_of(text, 8) == (5, len(text))
    assert run_of(text, 2) is None  # the sentence before it
    assert run_of("要求如下。要加强理论学习；要改进工作作风。", 8) is None  # two clauses list nothing
    assert run_of("要求如下。要加强理论学习；作风；纪律。", 8) is None  # bare words are no clauses


def test_real_which_measures_are_the_clauses_of_the_sentence_that_lists_them(real_bot: pipeline.Ragbot) -> None:
    a = Answerer(real_bot).ask("高校保密工作要采取哪些措施？")
    assert not a.refused
    # the four measures, one sentence of the 篇3 speech, in the asker's script; not the background before it
    for measure in ("加强保密管理制度建设", "坚持人防、技防相结合", "严格保密载体", "加强对涉密信息审核"):
        assert measure in a.text, a.text
    assert "泄密事件" not in fold(a.text)
    assert all(s.supported for s in a.sentences)


def test_real_a_how_to_question_is_not_answered_by_a_list_beside_it(real_bot: pipeline.Ragbot) -> None:
    # 迅速干、马上干;要带头干…;要盯着干 lists how to work, next to the answer; the question asks what to do
    a = Answerer(real_bot).ask("上司们之间看法不一、闹了点别扭，夹在中间的人该怎么做？")
    assert "马上干" not in a.text, a.text
    assert "不利于团结的话不说" in a.text, a.text


def test_real_which_four_of_a_formulation_spelled_out_is_that_sentence_alone(real_bot: pipeline.Ragbot) -> None:
    """哪四快 asks for the four (`asks.points_asked`); 信息报送要做到“四快”,即发现问题快,… spells them out
    (`inline.spelled_out`): it is the whole answer. The 26th blind reader got three more sentences after
    it (定性定量, 进入决策层次, 迟报漏报); asked 是什么, the same."""
    for question in ('党委办公室报送信息要做到的"四快"是哪四快？', "信息报送的“四快”是什么？"):
        a = Answerer(real_bot).ask(question)
        assert len(a.sentences) == 1, a.text
        assert "反馈落实快" in a.text, a.text


def test_real_three_of_a_quoted_character_are_three_words_ending_with_it(real_bot: pipeline.Ragbot) -> None:
    """三个“苦”: 辛苦、艰苦、清苦的“三苦” names them (`quotes.anchors`), asked 指的是什么 as well as 哪三个;
    before, 篇2's three 着力… points answered (a list of three, on nothing of 苦; a blind reader asked it)."""
    a = Answerer(real_bot).ask("办公室工作的三个“苦”指的是什么？")
    assert "辛苦、艰苦、清苦" in a.sentences[0].text, a.text
    assert "着力" not in a.text, a.text


def test_real_which_four_of_a_quoted_word_are_the_four_points_saying_it(real_bot: pipeline.Ragbot) -> None:
    """哪四个“不到位” asks for the four points that say it (其一是领导认识不到位…其四是奖惩措施不到位), not the one
    sentence saying it once or twice (`quotes.counted_quotes`): the 44th blind reader got 存在四个不到位问题:
    其一是领导认识不到位 alone; unquoted, the question already got the four."""
    a = Answerer(real_bot).ask("光山县的政府信息工作存在哪四个“不到位”？")
    for point in ("领导认识不到位", "人员配备不到位", "信息员培训不到位", "奖惩措施不到位"):
        assert point in a.text, a.text
    assert all(s.supported for s in a.sentences)


def test_real_which_five_is_answered_by_the_sentence_quoting_five(real_bot: pipeline.Ragbot) -> None:
    # 哪五條 counts like 哪五個 (the fourteenth blind reader got the praise of the five first)
    a = Answerer(real_bot).ask("講話裡常提的「五個堅持」具體是哪五條？")
    first = a.sentences[0].text
    for point in ("堅持絕對忠誠的政治品格", "堅持高度自覺的大局意識", "堅持廉潔自律的道德操守"):
        assert point in first, a.text


def test_real_which_three_named_kinds_are_not_three_other_formulations(real_bot: pipeline.Ragbot) -> None:
    """哪三种意识 names what the three are (`inline.named_kind`): 004's “高看一眼、厚爱一分、严管一层” is three
    formulations but no 意识 (the 73rd blind reader got it); the three 意识 are the answer."""
    a = Answerer(real_bot).ask("民政系統辦公室主任會議上,領導要求辦公室人員在思想上加強哪三種意識?")
    for kind in ("政治意識", "大局意識", "責任意識"):
        assert kind in a.text, a.text
    assert "高看一眼" not in a.text, a.text


def test_real_which_three_of_a_numbered_formulation_is_the_run_it_sums_up(real_bot: pipeline.Ragbot) -> None:
    """“三苦”岗位,是哪三种苦: the 、-run the formulation sums up (辛苦、艰苦、清苦的“三苦”岗位) answers, where
    the 75th blind reader got the section's four headings (忠诚、奉献、能干、细致)."""
    a = Answerer(real_bot).ask('講話說辦公室工作是"三苦"崗位,是哪三種苦?')
    assert "辛苦、艱苦、清苦" in a.sentences[0].text, a.text
    assert "忠誠" not in a.text, a.text


def test_real_one_of_several_is_no_count_of_them(real_bot: pipeline.Ragbot) -> None:
    """卡在哪几个环节 (the 92nd blind reader's) got 004's 办文、办事、办会…任何一个环节出了问题 as a list counted in
    环节: 一个 counts none. The three 一公里 clauses about OA answer."""
    a = Answerer(real_bot).ask("单位推行网上办公(OA)系统,但用得不顺,讲话里说问题卡在哪几个环节?")
    assert "最先一公里" in a.text, a.text
    assert "任何一个环节" not in a.text, a.text
