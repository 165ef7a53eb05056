"""The composed extractive answer: list points from the speech's own enumeration, the clause that states
a number first, quoted formulations, no padding, no dangling references, follow-ups that go deeper, and
excerpts that are the file's own text. A small speech of our own (fake vectors, real index, real BM25)
makes each rule predictable; the seed corpus with the real model checks the same on real speeches."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from ragbot import pipeline
from ragbot.amounts import numbers
from ragbot.answer import Answerer
from ragbot.asks import kind
from ragbot.config import Config
from ragbot.cuts import cut
from ragbot.evaluate import padding_rate
from ragbot.naming import departments
from ragbot.padding import padding
from ragbot.quotes import DUTIES, anchors
from ragbot.render import render_answer
from ragbot.script import detect_script, fold
from ragbot.structure import enumerations, han_count
from ragbot.terms import term_weights
from ragbot.types import Answer
from ragbot.writer import Writer

from .helpers import KeywordEmbedder, assert_leads

SPEECH = """在全县办公室工作会议上的讲话
同志们：
下面，我讲三个方面的问题。
一、关于督查工作
督查工作是抓落实的重要手段。做好督查工作，要抓好以下几点：一是加强督查督办，对领导批示件逐项督办，做到件件有着落；二是完善督查制度，建立督查台账，定期通报进展；三是强化结果运用，把督查结果作为年终考核的重要依据。
各单位收到督办通知后，要在三个工作日内书面反馈办理情况。也必须按这个程序进行。
二、关于公务用车
公务用车要严格管理，规范派车程序。每车每月油耗上限为一百五十升，超出部分由使用单位自行承担。
三、关于文稿工作
文稿是办公室的“脸面”，文稿工作要做到“三个一”：一个主题、一条主线、一套数据。
四、关于办事效率
办文办会要讲效率。一要严格把关，严中求快。二要注重细节，细中求快。三要把握节奏，稳中求快。
谢谢大家！
"""


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Answerer, Path]:
    work = tmp_path_factory.mktemp("compose")
    (work / "corpus").mkdir()
    (work / "corpus" / "county.txt").write_text(SPEECH, encoding="utf-8")
    config = Config(corpus=work / "corpus", index=work / "index", refusal_threshold=0.3, refusal_threshold_quantity=0.3)
    emb = KeywordEmbedder()
    pipeline.build_index([work / "corpus"], config, embedder=emb)
    return Answerer(pipeline.Ragbot(config, embedder=emb)), work / "corpus" / "county.txt"


def _claims(a: Answer) -> list[str]:
    return [s.text for s in a.sentences]


def test_a_list_question_is_answered_with_the_speechs_own_points(small: tuple[Answerer, Path]) -> None:
    answerer, _ = small
    a = answerer.ask("做好督查工作要抓好哪几点？")
    assert not a.refused
    lines = a.text.split("\n")
    assert lines[0] == "做好督查工作，要抓好以下几点。[1]"  # the speech's own sentence announcing the list, cited
    assert padding_rate(a.text) == 0.0, a.text  # it points ahead at the points it leads (`padding`: ahead)
    assert padding_rate(lines[0]) == 1.0  # …and alone, at none
    assert [line.split("。")[0] for line in lines[1:]] == [
        "1. 加强督查督办，对领导批示件逐项督办，做到件件有着落",
        "2. 完善督查制度，建立督查台账，定期通报进展",
        "3. 强化结果运用，把督查结果作为年终考核的重要依据",
    ]
    assert all(s.supported for s in a.sentences)
    assert all(s.citations for s in a.sentences)
    assert a.citation_precision == 1.0


def test_a_list_nothing_announces_gets_a_template_lead_in(small: tuple[Answerer, Path]) -> None:
    answerer, _ = small
    a = answerer.ask("办文办会要讲效率，要做到哪几点？")  # 办文办会要讲效率。一要…: no sentence ending in ：
    lines = a.text.split("\n")
    assert lines[0] == "讲话对此提出：", a.text  # no claim, no citation
    assert not a.sentences[0].citations
    assert [line.split("，")[0] for line in lines[1:]] == ["1. 严格把关", "2. 注重细节", "3. 把握节奏"], a.text


def test_a_quantity_question_leads_with_the_clause_that_states_the_number(small: tuple[Answerer, Path]) -> None:
    answerer, _ = small
    a = answerer.ask("公务用车每车每月油耗上限是多少升？")
    assert not a.refused  # 一百五十升 is a number
    assert _claims(a)[0].startswith("每车每月油耗上限为一百五十升")
    assert len(a.sentences) <= 2  # a fact gets one or two sentences, not 300 characters
    days = answerer.ask("收到督办通知后要在几个工作日内反馈？")
    assert "三个工作日" in _claims(days)[0]


def test_a_wording_question_quotes_the_formulation(small: tuple[Answerer, Path]) -> None:
    answerer, _ = small
    a = answerer.ask("形容文稿工作重要性的说法是什么？")
    assert a.text.startswith(("讲话中的说法：“", "讲话中的说法：「"))  # 「」 when the formulation holds “”
    assert "脸面" in a.text


def test_a_quoted_pattern_is_answered_with_every_saying_of_it(small: tuple[Answerer, Path]) -> None:
    answerer, path = small
    a = answerer.ask("办文效率方面有一组“X中求快”的说法，都有哪些？")  # X stands for anything
    assert a.text.split("\n") == [
        "讲话中的说法：",
        "1. “严格把关，严中求快”。[1]",
        "2. “注重细节，细中求快”。[1]",
        "3. “把握节奏，稳中求快”。[1]",
    ]
    assert all(s.supported for s in a.sentences)
    [c] = a.citations
    assert c.text == path.read_text(encoding="utf-8")[c.start : c.end]


def test_no_padding_and_no_dangling_reference_in_any_answer(small: tuple[Answerer, Path]) -> None:
    answerer, _ = small
    for q in ("办公室要做好哪些工作？", "督查工作怎么做？", "反馈办理情况有什么程序？", "文稿工作有什么要求？"):
        a = answerer.ask(q)
        text = a.text
        assert "同志们" not in text
        assert "谢谢大家" not in text
        assert "会议上的讲话" not in text
        assert not any(s.text.startswith("也必须按这个程序") for s in a.sentences), text  # never on its own
        assert padding_rate(text, ("在全县办公室工作会议上的讲话",)) == 0.0, text


def test_a_follow_up_goes_deeper_and_never_repeats(small: tuple[Answerer, Path]) -> None:
    answerer, _ = small
    first = answerer.ask("公务用车有什么要求？")
    again = answerer.ask("那具体应该怎么做？", history=[(first.question, first.text)], previous=first)
    assert not again.refused
    assert again.text != first.text
    assert not set(_claims(again)) & set(_claims(first))


def test_excerpts_added_for_points_are_the_files_own_text(small: tuple[Answerer, Path]) -> None:
    answerer, path = small
    original = path.read_text(encoding="utf-8")
    a = answerer.ask("做好督查工作要抓好哪几点？")
    assert a.citations
    for c in a.citations:
        assert original[c.start : c.end] == c.text
        assert any(s.text.split(". ", 1)[-1].rstrip("。") in c.text for s in a.sentences if c.n in s.citations)


def test_a_list_ends_where_the_list_around_it_goes_on() -> None:
    # 第二， on its own line is the next point of the list around the 一是… list: 四是 after it is not
    # that list's fourth point (the speaker counts 一要…三要 and then says 四是)
    text = (
        "第一，要明确基本要求。\n我们要满足三方面需要：一是掌握实情。二是服务本级。三是服务上级。\n"
        "第二，要解决不会写的问题。\n一要掌握情况。二要理论功底。三要写作技巧。四是要临阵磨枪。"
    )
    lists = {e.family: [i.key for i in e.items] for e in enumerations(text)}
    assert lists["是"] == ["掌握实情", "服务本级", "服务上级"]
    assert lists["第"] == ["要明确基本要求", "要解决不会写的问题"]
    nested = "一、总体要求\n一是学习。\n1.读原著。\n2.写心得。\n二是实践。\n二、保障措施"
    assert [[i.key for i in e.items] for e in enumerations(nested) if e.family == "是"] == [["学习", "实践"]]


def test_a_list_of_its_own_starting_ends_the_one_before() -> None:
    # 003: 体会有两点：一是…二是… and, a paragraph on, 五个方面的重点：一是…五是…; the 65th blind reader got
    # the two 体会 and the 重点 list's 三是…五是 as five points of one list
    text = (
        "最大的体会有两点：一是同志们卓有成效。二是队伍素质很高。关于抓落实，我讲两个方面。"
        "应该抓好五个方面的重点：一是重大决策。二是任务分解。三是专题会议。四是专项工作。五是批示事项。"
    )
    lists = [[i.key for i in e.items] for e in enumerations(text) if e.family == "是"]
    assert lists == [["同志们卓有成效", "队伍素质很高"], ["重大决策", "任务分解", "专题会议", "专项工作", "批示事项"]]


def test_real_a_point_cut_short_does_not_end_on_a_clause_setting_up_the_next(real_bot: pipeline.Ragbot) -> None:
    """The two 体会 of 003 (the 65th blind reader's): each point cut to its key clauses, not ending on
    如果没有这一点, or 正是因为有好的基础, and no point of the next list."""
    a = Answerer(real_bot).ask("那位講「改進作風和抓落實」的講話人到辦公室工作多久了?他說最大的體會是哪兩點?")
    for said in ("三個多月", "卓有成效", "高素質的幹部隊伍"):
        assert said in a.text, a.text
    for unsaid in ("如果沒有這一點", "正是因為", "市長辦公會議", "領導批示"):
        assert unsaid not in a.text, a.text


def test_real_how_long_alone_is_cut_before_the_points_the_sentence_goes_on_to_announce(
    real_bot: pipeline.Ragbot,
) -> None:
    """Asked only how long (the 113th blind reader's), 我到办公室工作三个多月了 answers: the 体会有两点:一是…
    after it is padding; asked the 体会 too (above, and dev q102), they stay."""
    a = Answerer(real_bot).ask('作这次"研究改进作风和抓落实问题"讲话的领导到办公室工作多久了？')
    assert a.text.startswith("我到办公室工作三个多月了。[1]"), a.text
    assert "体会" not in a.text, a.text
    assert "卓有成效" not in a.text, a.text


def test_real_a_figure_asked_is_not_followed_by_another_speechs(real_bot: pipeline.Ragbot) -> None:
    """002 (光山, 2010) states 185件 and 办结率100%; 篇6 (淇县) states its own 56件 and 89件, which the 66th blind
    reader got second, with nothing saying they are another county's."""
    a = Answerer(real_bot).ask("2010年县里督促办理的人大代表建议和政协委员提案一共多少件？办结率是多少？")
    assert "185件" in a.text, a.text
    assert "56件" not in a.text, a.text


def test_real_a_figure_two_speeches_state_comes_from_both_each_named(real_bot: pipeline.Ragbot) -> None:
    """Asked without a year or a county, 淇县's 56件 and 89件 and 光山's 185件 rank alike: the 77th blind reader
    got the former alone, unnamed. Now each speech's sentence under its name (template words, no claim)."""
    a = Answerer(real_bot).ask("去年人大代表建议和政协委员提案一共办了多少件?办结率是多少?")
    said = [s.text for s in a.sentences]
    assert len(said) == 2, a.text
    assert said[0].startswith("《教育系统办公室主任会议讲话 篇6》：办理人大代表建议56件"), a.text
    assert said[1].startswith("《全县政府系统办公室工作会议讲话》：各级各有关部门"), a.text
    assert "185件" in said[1], a.text
    assert a.sentences[0].citations != a.sentences[1].citations, a.text


def test_real_how_a_question_points_at_a_part_weighs_nothing(real_bot: pipeline.Ragbot) -> None:
    """其中讲“快”的那一条: 其中 and 一条 say how the question points, so 坚持以人为本,其中最重要的一条就是… (篇12, the
    66th blind reader's) does not follow the 四快."""
    a = Answerer(real_bot).ask('报送信息有哪些要求？其中讲"快"的那一条具体指哪几个快？')
    assert "发现问题快" in a.text, a.text
    assert "以人为本" not in a.text, a.text


def test_kinds_numbers_and_cuts() -> None:
    assert kind("县里打算从哪几方面抓信息工作？") == "list"
    assert kind("会议纪要由谁签发？") == "who"
    assert numbers("两个工作日内办结", ("工作日",))
    assert not numbers("全年办理督办件95件", ("工作日",))
    assert cut("为加强管理，每车每月油耗上限为一百五十升。", {"油耗": 1.0}, "quantity").startswith("每车每月油耗")
    [points] = [e for e in enumerations(SPEECH) if e.family == "是"]
    assert [i.key for i in points.items] == ["加强督查督办", "完善督查制度", "强化结果运用"]
    assert padding("一、关于督查工作") == "heading"
    # 即 (namely) leans on what it names: not 即科员对分管主任负责 alone (the 66th blind reader's); 即使 does not
    assert cut("落实逐级负责的制度,即科员对分管主任负责,分管主任对主任负责。", {"科员": 1.0}).startswith("落实")
    assert cut("天气很冷,即使下雪,也要按时到岗。", {"下雪": 1.0}).startswith("即使")
    # a clause that opens with 是 leans on the subject before it: the cut keeps that subject
    assert cut("加强领导的第一个层面，是各级政府要把修志列入议事日程。", {"政府": 1.0}).startswith("加强领导")
    assert cut("办公室是指挥中心,发挥着枢纽作用,担负着参与政务的职责。", {"职责": 1.0}).startswith("办公室是")  # 担负着
    # a cut continuing a prohibition keeps its negation (篇6: 決不能因為工作辛苦,…,就怨天憂人,亂髮牢騷; the 49th
    # blind reader got 亂髮牢騷,必須把自己平凡的工作… as if it were asked), not when it negates or directs itself
    six = "決不能因為工作辛苦,生活清貧、條件艱苦,就怨天憂人,亂髮牢騷,必須把自己平凡的工作同建設聯繫起來。"
    assert cut(six, {"乱": 4.0, "领导": 0.8}).startswith("決不能因為工作辛苦"), cut(six, {"乱": 4.0})
    assert cut("但我们不能懈怠,不能满足于过去的成绩,因为各省都在快马加鞭。", {"满足": 1.0}).startswith("不能满足")
    assert cut("切忌推诿扯皮、效率低下,做到事事交必办、办必果。", {"交必办": 1.0}).startswith("做到")
    # a speaker's lead-in before the first marker (我想，首先要…) still opens the list
    [team] = enumerations(
        "如何把队伍建设得更好呢？我想，首先要提高政治水平。其次，要加强业务学习。再其次，要保证身体健康。"
    )
    assert [i.key for i in team.items] == ["要提高政治水平", "要加强业务学习", "要保证身体健康"]


def test_quoted_formulations_read_cleanly() -> None:
    # the index splits after 。 so a sentence may open with the closing quote of the one before
    w = Writer(None, [], "simplified")  # type: ignore[arg-type]  # say() never reads the index
    w.quote = True
    w.say("”作为党委的“参谋部”、“服务部”，干部必须有相应的素质。", 1)
    w.say("做到说了就算、定了就干。", 2)
    assert w.pieces == ["「作为党委的“参谋部”、“服务部”，干部必须有相应的素质」。[1]", "“做到说了就算、定了就干”。[2]"]


def test_a_clause_ending_on_a_quotation_gets_its_full_stop() -> None:
    # 真正做到“事业留人,感情留人,适当待遇留人”,让广大… cut after the quotation ran into the next sentence
    w = Writer(None, [], "simplified")  # type: ignore[arg-type]  # say() never reads the index
    w.say("真正做到“事业留人,感情留人,适当待遇留人”,", 1)
    w.say("古人讲:“言当其时,一字千金。”", 2)
    w.say("（见附件）", 3)
    assert w.pieces == [
        "真正做到“事业留人,感情留人,适当待遇留人”。[1]",
        "古人讲:“言当其时,一字千金。”[2]",
        "（见附件）。[3]",
    ]


# ------------------------------------------------------------------ the seed corpus, the real model
def test_real_a_list_summed_up_after_it_beats_a_short_one_inside_it(real_bot: pipeline.Ragbot) -> None:
    """面臨的形勢有哪幾個方面 (the 30th blind reader's): the four 面臨更… points, which 上述四個方面的形勢 sums
    up, not two of the three 短板 listed inside the fourth (announced as 主要有三個方面: not those two). Named as
    全省's, 篇2's agenda (一是對以往全省教育系統辦公室的工作進行總結…二是安排部署新形勢下…) is announced by a best
    sentence and words closer: the count summing up weighs more (the 134th's got 上述四個方面的形勢… alone)."""
    for q in ("教育系統辦公室面臨的形勢有哪幾個方面？", "講話裡說全省教育系統辦公室當前面臨的形勢有哪幾個方面？"):
        a = Answerer(real_bot).ask(q)
        for point in ("面臨更嚴格的要求", "面臨更繁重的任務", "面臨更複雜的環境", "面臨更實際的困難"):
            assert point in a.text, a.text
        assert "文稿質量" not in a.text, a.text
    # summed up without a count (这些成绩的取得, a best sentence just after the list): 光山's four 成绩 (the
    # 87th blind reader got 电子政务's figures)
    b = Answerer(real_bot).ask("光山县2010年政府系统办公室工作的成绩主要体现在哪几点？")
    for point in ("综合协调实现新跨越", "以文辅政开创新局面", "督查督办焕发新活力", "目标监管取得新突破"):
        assert point in b.text, b.text


def test_real_qualities_question_gets_the_four_points(real_bot: pipeline.Ragbot) -> None:
    a = Answerer(real_bot).ask("办公室主任应该具备哪些素质？")
    assert not a.refused
    assert detect_script(a.text) == "simplified"
    for point in ("政治上要强", "业务上要精", "思路上要清", "工作上要实"):
        assert point in a.text, a.text
    assert all(s.supported for s in a.sentences)


def test_real_follow_up_adds_what_the_first_answer_did_not_say(real_bot: pipeline.Ragbot) -> None:
    answerer = Answerer(real_bot)
    first = answerer.ask("办公室主任应该具备哪些素质？")
    deeper = answerer.ask("那具体应该怎么做？", history=[(first.question, first.text)], previous=first)
    assert not deeper.refused
    assert deeper.text != first.text
    assert not set(_claims(deeper)) & set(_claims(first))
    assert all(s.supported for s in deeper.sentences)


def test_real_a_sentence_saying_what_the_thing_asked_is_answers_not_the_list_after_it(
    real_bot: pipeline.Ragbot,
) -> None:
    """移民工作的中心任務就是… says what was asked; the 105th blind reader got one point of the 一是…四是
    that follows it (要把擴大移民工作影響作為重要方面)."""
    a = Answerer(real_bot).ask("移民工作的中心任務是什麼?")
    assert a.sentences[0].text.startswith("移民工作的中心任務就是發展移民經濟、維護社會穩定"), a.text
    assert "擴大移民工作影響" not in a.text, a.text


def test_real_wildcard_wording_lists_every_saying(real_bot: pipeline.Ragbot) -> None:
    """…and so does the word alone, quoted after 哪几个: the 105th and 107th blind readers' 哪幾個「求快」 got
    篇3's six 要在…上狠下功夫 headings instead."""
    answerer = Answerer(real_bot)
    for question in (
        "讲效率的那篇讲话里，几个“X中求快”分别是什么？",
        "在提高辦公室工作效率方面，教育系統講話提出了哪幾個「求快」？",
        "講話中說提高辦公室工作效率要做到幾個“求快”，分別是什麼？",  # 中说: jieba's cut (the 269th's got 篇11)
    ):
        a = answerer.ask(question)
        assert not a.refused
        for saying in ("严中求快", "实中求快", "细中求快", "准中求快", "稳中求快"):
            assert saying in fold(a.text), a.text
        assert "狠下功夫" not in fold(a.text), a.text
        assert all(s.supported for s in a.sentences)
    b = answerer.ask("新到民政局办公室，听说思想上要先立起几种“意识”，是哪几种？")  # 几种: said, not asked
    assert b.text.startswith("办公室人员要从思想认识上,强化“三种意识”。"), b.text  # its list, not sayings (bm25:
    assert "落实意识" not in b.text, b.text  # held-out q340 got 003's 强化落实意识 as a family of sayings)


def test_real_an_ellipsis_in_a_quoted_wording_stands_for_a_phrase(real_bot: pipeline.Ragbot) -> None:
    """“要把……作为……”: …… stands for a phrase, X for a word; the 66th blind reader got one of 篇5's four
    (要把宣传贯彻党的移民方针政策作为首要任务: 12 characters before 作为)."""
    a = Answerer(real_bot).ask('移民系统那篇讲话要求办公室工作服从、服务于移民工作大局，具体提了哪几个"要把……作为……"？')
    for saying in (
        "移民方针政策作为首要任务",
        "代表移民民众利益作为根本要求",
        "维护社会稳定作为基本职责",
        "作为重要方面",
    ):
        assert saying in a.text, a.text


def test_real_which_three_question_gets_the_list(real_bot: pipeline.Ragbot) -> None:
    a = Answerer(real_bot).ask("办公室人员思想上要强化哪“三种意识”？")  # 哪三种: a list, not a fact
    lines = a.text.split("\n")
    assert lines[0] == "办公室人员要从思想认识上,强化“三种意识”。[1]", a.text  # the list's own announcement leads
    assert [x for x in ("政治意识", "大局意识", "责任意识") if x in a.text] == ["政治意识", "大局意识", "责任意识"]


def test_real_a_part_named_by_its_heading_is_its_list(real_bot: pipeline.Ragbot) -> None:
    """「努力的方向」一部分 names a part by its heading: 一部分 says where, not what (`scaffold.scaffolding`; weighed,
    the 271st blind reader's got 篇1's 這次會議的主要任務是…)."""
    a = Answerer(real_bot).ask("雲南教育系統辦公室主任會議講話中，「努力的方向」一部分提出了哪幾點要求？")
    for point in ("摸清家底", "寫好材料", "加強協調", "補齊短板", "強化督查"):
        assert point in a.text, a.text


def test_real_a_list_asked_of_a_speech_named_by_its_title_is_that_speechs_list(real_bot: pipeline.Ragbot) -> None:
    # two blind readers in a row got 篇4's five 不够 (工作激情不够…) for 001's four under 二、检视工作不足: the
    # title words (培训, 开班) outweighed 不足 in scoring the lists, and lists of other speeches competed
    # (the 26th's and 28th's: 当前 / 存在 weighed as much as 不足, 县里 before the title's words was no name)
    for q in (
        "培训开班讲话指出了办公室工作哪几方面的不足？",
        "党政办公室业务培训会开班讲话里，指出当前办公室工作有哪几个方面的不足？",
        "县里党政办公室培训会的开班讲话指出办公室工作存在哪几方面的不足？",
        # the 38th's got the training's aims: no point says 不足, but each says what falls short (还不够强…)
        "县党政办公室业务培训开班讲话里,指出全县办公室工作存在哪几方面不足?",
        # the meeting said by when (`naming._BEFORE_SPEECH`): the 137th's got 篇4's five 不够
        "县里办公室业务培训开班的时候，领导说我们办公室干部现在有哪些不足？",
    ):
        a = Answerer(real_bot).ask(q)
        for point in ("全局观念还不够强", "工作作风还不够实", "跟踪落实还不够紧", "学习劲头还不够足"):
            assert point in a.text, a.text
        assert "工作激情不够" not in a.text, a.text


def test_real_a_list_asked_of_a_department_does_not_need_the_departments_name(real_bot: pipeline.Ragbot) -> None:
    # 民政部门 names 004 (`naming.departments`), not what is asked of it: the three points under 二、完善规范管理,
    # which never say 民政 (the 199th blind reader got 高看一眼 and the bare heading)
    # 民政系统讲…: a 系统 that speaks names it too (the 218th's got 高看一眼)
    for q in (
        "民政部门加强办公室规范化管理有哪几条措施",
        "民政局加强办公室规范化管理有哪几条措施",
        "民政系统讲加强办公室规范化管理，具体提了哪几条？",
    ):
        a = Answerer(real_bot).ask(q)
        for point in ("要完善工作制度", "要规范运作机制", "要理顺工作关系"):
            assert point in a.text, a.text
        assert "高看一眼" not in a.text, a.text
    # 上面部门 names no department (a word of place: `naming.departments`, never in `naming.named_speeches`): the
    # 208th's 拿缝衣服打比方…上面部门很多 was answered from 篇8, which 上面 named, with 笔杆子
    a = Answerer(real_bot).ask(
        "有篇讲话拿缝衣服打比方,说上面部门很多、到基层只有办公室一个口子去承接,那句比喻原话怎么写?"
    )
    assert "上边千条线,下头一根针" in a.text, a.text
    assert departments(real_bot.index, "上面部门很多，基层办公室有哪几条要求？") == set()  # 上面 is 篇8's most
    assert departments(real_bot.index, "民政部门有哪几条措施？") == {"民政部门", "民政"}


def test_real_which_kinds_of_a_thing_are_the_list_whose_points_name_it(real_bot: pipeline.Ragbot) -> None:
    # 建立健全哪些制度: 003's 一是综合考核制度…四是典型通报制度 answers, not 004's 第一,要完善工作制度 (whose
    # next point names 制度 only in its second sentence), which used to win on the question's words
    a = Answerer(real_bot).ask("工作要见实效，应建立健全哪些制度？")
    for point in ("综合考核制度", "督查问责制度", "请示报告制度和反馈制度", "典型通报制度"):
        assert point in a.text, a.text
    assert "岗位工作责任制" not in a.text, a.text
    # …哪些制度来保证落实 asks the kind too (the 42nd blind reader's got the three 抓落实 headings)
    kept = Answerer(real_bot).ask("那篇讲改进作风和抓落实的讲话,说要靠哪些制度来保证落实?")
    assert "督查问责制度" in kept.text, kept.text
    # 哪几项抓落实的制度: the kind is 制度, not 抓落实 (the 74th blind reader's got the three 抓落实 headings)
    # …and 哪些制度机制 asks either kind (`quotes._naming`: the 214th's got 要健全制度,兑现制度 alone)
    for q in ("讲话要求健全哪几项抓落实的制度？", "抓落实需要建立健全哪些制度机制?"):
        of = Answerer(real_bot).ask(q)
        for point in ("综合考核制度", "督查问责制度", "请示报告制度和反馈制度", "典型通报制度"):
            assert point in of.text, of.text


def test_real_a_quantity_asked_of_several_gets_the_parallel_statement_after_the_semicolon(
    real_bot: pipeline.Ragbot,
) -> None:
    # …县政府工作报告提出的“双十”工程的进展情况,每季度要上报一次;市政府工作报告提出的“双十”工程和重点工作任务,
    # 每月要上报一次: the 28th blind reader got the quarterly half alone, as if all were quarterly
    a = Answerer(real_bot).ask("省、市、县政府工作报告里的“双十”工程和重点工作，进展情况多久上报一次？")
    assert "每季度要上报一次" in a.text, a.text
    assert "每月要上报一次" in a.text, a.text
    # asked of 市政府's alone, 省政府's and 县政府's quarterly half does not lead (`who.other_level`; the 157th's)
    city = Answerer(real_bot).ask("市政府工作報告裡提出的“雙十”工程和重點工作，進展情況多久要上報一次？")
    assert city.sentences[0].text.startswith("市政府工作報告提出的“雙十”工程"), city.text
    # a tally goes on with other items after a comma, not a semicolon, and without the thing asked about
    b = Answerer(real_bot).ask("淇縣政府辦公室全年辦理了多少件領導批示件？辦結率多少？")
    assert "330件" in b.text, b.text
    assert "人大代表建議" not in b.text, b.text


def test_real_which_five_leads_with_the_sentence_that_quotes_all_five(real_bot: pipeline.Ragbot) -> None:
    # one long sentence quotes the five; cut to 150 characters it used to lose the fifth
    a = Answerer(real_bot).ask("「五個堅持」具體是哪五個？")
    first = a.sentences[0].text
    for point in ("絕對忠誠", "大局意識", "極端負責", "無怨無悔", "廉潔自律"):
        assert point in first, a.text


def test_real_which_three_leads_with_the_sentence_naming_them_after_their_formulation(
    real_bot: pipeline.Ragbot,
) -> None:
    # “三大短板”,分别是能力的短板、机制的短板和责任心的短板 (`inline.summed_up`): the 175th blind reader's got the
    # speaker's own three (工作中还存在“短板”,主要有三个方面:首先,文稿质量还不够高…)
    a = Answerer(real_bot).ask("省裡的秘書長會議指出辦公室工作有三個方面的短板，是哪三個?")
    assert "能力的短板、機制的短板和責任心的短板" in a.sentences[0].text, a.text
    assert "文稿質量" not in a.text, a.text


def test_real_what_a_numbered_formulation_stands_for_is_its_list(real_bot: pipeline.Ragbot) -> None:
    # 「七种意识」是什么 asks for the seven as 哪七种 does; it used to be answered by the announcement alone
    # (概况起来就是要强化“七种意识”。), 「四个表率」是什么 by 办公室要做好“四个表率”。
    answerer = Answerer(real_bot)
    a = answerer.ask("“七种意识”是什么？")
    assert all(f"要强化{p}意识" in a.text for p in ("政治", "学习", "大局", "责任", "创新", "规范", "效能")), a.text
    b = answerer.ask("「四個表率」指的是什麼？")
    assert all(f"做{p}的表率" in b.text for p in ("學習", "調研", "實幹", "廉潔")), b.text
    # 哪七种意识: the one list of seven, not three points of one speech merged with two of another
    for q in (
        "办公室人员要强化哪七种意识？",
        "縣委辦主任提出辦公室人員要強化的「七種意識」分別是哪些?",  # …分别是
        "縣委辦那篇講話要求辦公室人員強化哪「七種意識」?",  # 哪「七…: the 279th's got 004's “三种意识” (`asks.points_asked`)
    ):
        c = answerer.ask(q)  # 哪些 asks it too (the 25th blind reader's got 004's three and two of 篇4's)
        assert all(
            f"要强化{p}意识" in fold(c.text) for p in ("政治", "学习", "大局", "责任", "创新", "规范", "效能")
        ), c.text
        assert "《" not in c.text, c.text
    # 哪五类 asks five points as 哪五个 does (the 86th blind reader's got 篇1's 盯住关键环节 and 003's first point)
    d = answerer.ask("抓落实的时候,各级政府办公室应该盯住哪五类重点事项?")
    for point in ("重大决策与部署", "政府工作任务的分解与部门承诺", "临时性专项工作", "领导批示交办的事项"):
        assert point in d.text, d.text


def test_real_what_a_numbered_formulation_stands_for_may_be_titles_in_one_sentence(real_bot: pipeline.Ragbot) -> None:
    # 两刊一报 is never spelled out: the sentence naming 《云南教育》《课程教材教学研究》…《学生新报》 leads, from
    # its first title (it ranked 4th behind a sentence found twice, in two overlapping excerpts, and was cut
    # to its clause on 两刊一报); 三服务 is said as "服务发展、服务决策、服务落实"
    answerer = Answerer(real_bot)
    for q in ("“两刊一报”指的是什么？", '云南教育系统的"两刊一报"指的是哪几种报刊？'):  # 指的是哪几种: the 176th's
        a = answerer.ask(q)  # (it got the sentence on their role, naming none of them)
        assert all(t in a.sentences[0].text for t in ("《云南教育》", "《课程教材教学研究》", "《学生新报》")), a.text
        # the sentence on who runs them follows: the lead was lifted above it, not its meaning (`writer.sentences`)
        assert "由省教育厅主管、云南教育报刊社主办的“两刊一报”" in fold(a.text), a.text
    a = answerer.ask("“三服务”是什么？")
    assert "服务发展、服务决策、服务落实" in a.sentences[0].text, a.text


def test_real_a_lists_points_never_repeat_each_other(real_bot: pipeline.Ragbot) -> None:
    # 首先要长于协调…其次,要有较强的组织能力…再次,要有较强的文字处理能力…: the third shares most of the
    # second's character pairs (要有较强的…能力) and was dropped as a repeat (the twentieth blind reader's)
    a = Answerer(real_bot).ask("辦公室主任「業務上要精」，具體要求具備哪些能力？")
    for point in ("長於協調", "較強的組織能力", "較強的文字處理能力"):
        assert point in a.text, a.text


def test_real_a_numbered_formulations_items_each_are_not_several_speeches(real_bot: pipeline.Ragbot) -> None:
    # 分别 counts the five of 「五個堅持」 here, not speeches: it was answered with three passages that only
    # mention the phrase (the twenty-first blind reader's); the sentence placing each of the five leads
    a = Answerer(real_bot).ask("「五個堅持」各自是什麼，在講話裡分別被定位為什麼？")
    for part in ("是靈魂", "是前提", "是保障", "是底線"):
        assert part in a.sentences[0].text, a.text


def test_real_which_two_leads_with_the_sentence_that_numbers_two(real_bot: pipeline.Ragbot) -> None:
    # 主要就是两条,一要…,二要… is one sentence, not a list the enumeration finder sees; a four-point
    # list (一是面临更严格的要求…) near it used to answer instead
    a = Answerer(real_bot).ask("选办公室的人，主要看哪两条？")
    for point in ("一要有扎实的文字功底", "二要有兢兢业业"):
        assert point in a.sentences[0].text, a.text


def test_real_a_sentence_announcing_a_list_does_not_stand_for_it(real_bot: pipeline.Ragbot) -> None:
    # 应该抓好五个方面的重点:一是…,包括…、…、…: it counts the points before naming them, so the list answers
    a = Answerer(real_bot).ask("政府系统办公室抓落实，要重点抓好哪几个方面？")
    assert a.text.split("\n")[1].startswith("1. "), a.text
    assert len(a.sentences) >= 4, a.text


def test_real_what_it_includes_is_answered_by_the_sentence_naming_the_parts(real_bot: pipeline.Ragbot) -> None:
    # 查处报告应包括基本情况、…、见面情况四个方面; a list of other requests on 查处报告 used to answer
    a = Answerer(real_bot).ask("上报的信访查处报告要包括哪些内容？")
    assert "应包括基本情况、反映的问题及调查情况、处理情况、见面情况" in a.sentences[0].text, a.text


def test_real_the_one_point_asked_about_answers_with_its_own_sentences(real_bot: pipeline.Ragbot) -> None:
    # 一是做好信息工作…二是强化值班工作责任…三是…四是…: only the second is about 值班; its sentences answer
    a = Answerer(real_bot).ask("各单位值班工作有哪些要求？")
    assert not a.text.startswith("讲话对此提出"), a.text
    assert "有登记、有报告、有落实、有反馈" in a.sentences[0].text, a.text


def test_real_which_of_a_quoted_kind_is_a_list_not_a_count(real_bot: pipeline.Ragbot) -> None:
    # 哪几个“不到位”: the four 其一是…其四是…, not the sentence that counts them (四个不到位问题:其一是…);
    # 存在哪“四个不到位” read as 在哪 (where) and got one unrelated 不到位 sentence (22nd blind reader's)
    for q in ("政府信息工作存在哪几个“不到位”？", "光山县政府信息工作存在哪“四个不到位”？"):
        a = Answerer(real_bot).ask(q)
        for point in ("领导认识不到位", "人员配备不到位", "信息员培训不到位", "奖惩措施不到位"):
            assert point in a.text, a.text


def test_real_a_point_does_not_stand_out_by_words_the_list_announcement_says(real_bot: pipeline.Ragbot) -> None:
    # 目前我县的政府信息工作存在四个不到位问题:其一是…其三是信息员培训不到位…: 信息 is the whole list's, so
    # 其三 is not the one asked about (the 94th blind reader got 这就导致信息深度不够… alone)
    a = Answerer(real_bot).ask("政府信息工作哪些方面没做到位？")
    for point in ("领导认识不到位", "人员配备不到位", "信息员培训不到位", "奖惩措施不到位"):
        assert point in a.text, a.text


def test_real_a_point_is_not_named_by_words_its_lists_heading_holds(real_bot: pipeline.Ragbot) -> None:
    # (一)督查工作要再上新水平。一要…政务督查…三要突出督查工作重点: 督查工作 names the whole list, not its third
    # point (`gaps.names_part`'s besides); the answer was that point's 对这些重点工程…进行重点督查 alone
    a = Answerer(real_bot).ask("督查工作有哪些要求")
    for point in ("高度重视政务督查", "强化督办件办理", "突出督查工作重点"):
        assert point in a.text, a.text


def test_real_a_point_standing_out_by_its_own_list_is_answered_with_it(real_bot: pipeline.Ragbot) -> None:
    # 第三,要在努力提高工作效率上狠下功夫 among six: its lead (…不断提高协调能力和工作效率…) says 提高 and 工作效率
    # too, but only its own list says 求快 (held-out q421 got all six points with vectors alone)
    dense = pipeline.Ragbot(dataclasses.replace(real_bot.config, mode="dense"), embedder=real_bot.embedder)
    a = Answerer(dense).ask("想提高办公室的工作效率,陕西教育系统那篇讲话提出了哪几条“求快”的办法?")
    assert "严中求快" in a.text, a.text
    assert "狠下功夫" not in a.text, a.text


def test_real_a_quotation_spanning_a_comma_is_kept_whole(real_bot: pipeline.Ragbot) -> None:
    # 我们常说“上边千条线,下头一根针”,各级政府办公室承担着上传下达的任务…: the cut used to start after it
    a = Answerer(real_bot).ask("讲话里用了一个跟针线有关的说法来形容办公室上传下达，是怎么说的？")
    assert "上边千条线,下头一根针" in a.text, a.text


def test_real_a_sentence_sharing_words_but_not_meaning_is_not_added(real_bot: pipeline.Ragbot) -> None:
    # 有23个单位…在规定时限内已公布…年度报告 shares 规定 and 时限 with the question, not its meaning
    a = Answerer(real_bot).ask("淇县政府办公室对文电运转的时限是怎么规定的？")
    assert a.sentences[0].text.startswith("文电运转原则上不能超过当天"), a.text
    assert "年度报告" not in a.text, a.text


def test_real_which_three_is_answered_by_the_sentence_quoting_three_in_a_row(real_bot: pipeline.Ragbot) -> None:
    # 做好"服务发展、服务决策、服务落实"的新时代"三服务"工作 leads; a sentence near it that only names 三服务 did
    a = Answerer(real_bot).ask("新时代的“三服务”指哪三项服务？")
    assert "服务发展、服务决策、服务落实" in a.sentences[0].text, a.text


def test_real_a_fact_answer_is_one_or_two_sentences(real_bot: pipeline.Ragbot) -> None:
    # the count of speeches, then at most one more nearly as good: not the year's other statistics
    for q, said in (
        ("光山县政府办一年共撰写了多少篇领导讲话和汇报材料？", "领导讲话300余件"),
        ("陕西教育系统那次会议邀请了谁来给大家作报告？", "朱轩堂"),
    ):
        a = Answerer(real_bot).ask(q)
        assert said in a.sentences[0].text, a.text
        assert len(a.sentences) <= 2, a.text
    # who does an act: the sentence saying the act, and no other after it (the 146th's got the meeting's purpose,
    # holding more of the question's words, and 朱轩堂 nowhere)
    a = Answerer(real_bot).ask("陕西那次全省教育系统办公室主任会议，请了谁来给大家作报告？")
    assert "朱轩堂给大家作报告" in a.sentences[0].text, a.text
    assert len(a.sentences) == 1, a.text


def test_real_who_does_x_needs_a_sentence_that_says_x(real_bot: pipeline.Ragbot) -> None:
    # sentences naming some body or role (受理行政复议案件6起, 起草的综合材料…领导思维) used to answer
    answerer = Answerer(real_bot)
    for q in (
        "会议纪要由谁负责起草和签发？",
        "政府信息公开申请被拒绝了，可以向哪个部门申请复议？",
        "群众依申请公开政府信息，由哪个部门受理？",
    ):
        assert answerer.ask(q).refused, q
    a = answerer.ask("督查工作必须经谁批准？")  # the speech says who approves
    assert not a.refused
    assert "秘书长" in a.sentences[0].text, a.text
    # in the speech a question names, a sentence naming who does the act asked answers, whatever its cosine (the
    # 133rd's 陕西…请了谁来给大家作报告 was refused at 0.887); where none does the act, still refused
    invited = answerer.ask("陕西教育系统那次会议,请了谁来给大家作报告?")
    assert "朱轩堂" in invited.sentences[0].text, invited.text
    assert answerer.ask("陕西教育系统那次会议,会议纪要由谁签发?").refused


def test_real_a_place_no_speech_names_is_refused(real_bot: pipeline.Ragbot) -> None:
    # the rest of the question (教育系统办公室主任会议, 信息报送) matches the Henan speech well
    answerer = Answerer(real_bot)
    assert answerer.ask("广东省教育系统办公室主任会议对信息报送提了哪些要求？").refused
    named = answerer.ask("天门市委办一年办理了多少件领导批示件？")  # 天门 is in the speeches
    assert not named.refused
    assert "299件" in named.sentences[0].text, named.text
    # a county of one character (淇县, which jieba splits): only its speech answers, not 光山县's 95件
    county = answerer.ask("淇县政府办公室一年办了多少件领导批示件？")
    assert county.text.startswith("全年共办理领导批示件330件"), county.text
    assert "95件" not in county.text, county.text
    # a formulation no speech uses: 三审三校 (the rest matches the 淇县 proofreading passage)
    assert answerer.ask("辦公室校對公文有沒有「三審三校」的規定？具體怎麼操作？").refused
    known = answerer.ask("「五個堅持」具體是哪五個？")  # quoted and in the speeches: answered
    assert not known.refused
    # quoted but asking how many (`lexical.ASKING`: 幾): the asker's description, no formulation (the 137th's was refused)
    kinds = answerer.ask("有篇講話說辦公室是個「好幾種苦」的崗位，具體是哪幾種苦？")
    assert "辛苦、艱苦、清苦" in kinds.sentences[0].text, kinds.text


def test_real_who_question_leads_with_the_one_who_did_it(real_bot: pipeline.Ragbot) -> None:
    # the restatement of the meeting's tasks also holds 领导 and 传达; the answer names the person
    a = Answerer(real_bot).ask("云南教育系统那次会议上，是谁传达了全省秘书长和办公厅主任会议精神？")
    assert a.sentences[0].text.startswith("杨红琼主任传达了"), a.text
    b = Answerer(real_bot).ask(
        "云南教育系统办公室主任会议上，传达全省党委、政府系统秘书长和办公厅（室）主任会议精神的是谁？"
    )
    assert b.sentences[0].text.startswith("杨红琼主任传达了"), b.text  # the 58th's: …的是谁 asks who 传达
    # 向哪里报告 asks which body (`asks.WHO`), not a place: the 140th's got 接待工作直接和人打交道… (影响到党委办公室)
    c = Answerer(real_bot).ask("市直部门要接待上面副厅级以上的领导，需要先向哪里报告？")
    assert "一定要向“两办”报告" in c.sentences[0].text, c.text


@pytest.mark.parametrize(
    "question",
    [
        "有人用钱财或色相拉拢，想从办公室人员嘴里套出内部机密，讲话对此有什么提醒？",
        "办公室的人在领导面前应该怎样讲真话？能不能只拣好听的说？",
    ],
)
def test_real_answers_hold_no_short_headless_clause(real_bot: pipeline.Ragbot, question: str) -> None:
    # 窃取党和国家机密。 and 一定愿意听大家讲真话。 were cut from the ends of their sentences
    a = Answerer(real_bot).ask(question)
    assert a.sentences
    for s in a.sentences:
        if han_count(s.text) < 12:
            excerpt = next(c.text for c in a.citations if c.n == s.citations[0])
            at = excerpt.find(s.text.rstrip("。"))
            assert at == 0 or excerpt[at - 1] in "。！？；\n", (s.text, a.text)


def test_real_list_led_in_by_a_question_sentence_is_found(real_bot: pipeline.Ragbot) -> None:
    # 队伍是好的…如何更好呢？我想，首先…其次…再其次…: the question before the list announces it
    a = Answerer(real_bot).ask("修志队伍建设要从哪几个方面抓？")
    assert a.text.split("\n")[1].startswith("1. "), a.text
    for point in ("提高政治思想水平", "加强业务学习", "保证身体健康"):
        assert point in a.text, a.text


def test_real_a_date_or_a_person_asked_needs_one_the_question_does_not_name(real_bot: pipeline.Ragbot) -> None:
    # near misses the 24th blind reader got answered with the sentence on what they asked about:
    # 每月…督查一次 says no day of the month, 2010年度报告 no day, the 中心's duties no person, and no
    # speech names a 处罚 (its word 具体 hid it from `unknown_asked`)
    answerer = Answerer(real_bot)
    for q in (
        "縣委辦實行的縣委會議決事項督辦制,規定每月幾號之前要把督查結果書面報給書記?",
        "光山县的2010年度政府信息公开工作年度报告，规定要在哪一天之前公布？",
        "雲南省教育宣傳中心的負責人是誰？",
        "对于没有在规定时限内公开政府信息的单位，光山那篇讲话规定了什么具体处罚？",
    ):
        assert answerer.ask(q).refused, q
    # a date the speech does state answers: 在5月底和4月底以前 for the 《天门年鉴》 contributions
    due = answerer.ask("給《天門年鑑》供稿要在幾月底以前完成？")
    assert not due.refused, due.text
    assert "5月底" in due.sentences[0].text, due.text


def test_real_quantity_needs_a_number_of_the_kind_asked(real_bot: pipeline.Ragbot) -> None:
    # 学时, money, a length of time: a count of 期 or 件 or a 20-working-day limit answers none of these
    answerer = Answerer(real_bot)
    for q in (
        "办公室人员每年要参加多少学时的业务培训？",
        "督查件一般要在多长时间内办结？",
        "政府信息公开每年的工作经费是多少？",
        "办公室人员加班费按什么标准计算？",  # how pay or a score is worked out: the speeches never compute one
        "信息报送考评时每条信息怎么打分？",
        "办公室人员业务培训学时每年不能少于多少？",  # the unit before 多少: a count of 期 does not answer it
        "保密法第几条规定了泄露国家秘密要负的法律责任？",  # 第几条 asks a number, not a list of 条
        "公务接待时陪餐人数有什么具体标准？",  # a limit on a count of people: sentences on receptions do not say one
        "给《天门年鉴》供稿，字数有什么要求？",  # a count of 字: its deadline (5月底) is no answer
        "办公室人员夜间值班一晚能领多少值班补贴？",  # money: 24小时值班 is no answer
        "领导讲话稿一般要控制在多少字以内？",  # 多少字: 材料700多篇…差错率1‰ is no answer (22nd blind reader)
        "政务信息被省政府采用一条能算多少积分？",  # a score: 采用积分名列全省第六 is a rank (the 130th's)
        "全省教育系统办公室主任会议按规定多久开一次?",  # 20_年10月…第一次 is a date, not 10 months (the 132nd's)
        "不算重大的一般突发事件,最迟多长时间内要报告?",  # the 2 hours are for 重大突发事件 (the 132nd's)
        "按规定，一般（非重大）突发事件最迟要在事发后多长时间内报送信息？",  # set aside in brackets (the 176th's)
        "申報省級文明單位要符合哪些具體條件、評分標準是什麼?",  # a scoring standard, in a clause (the 132nd's)
        "督查工作的评分细则是怎么定的？",  # a scoring rule (`asks.COMPUTED`): 要改进督查方式方法 is none
        "光山县政府办2010年撰写的领导讲话中，县长讲话有多少篇？",  # a part: not all 300余件 (the 184th's)
        "政府系统办公室主任会议讲话中，今年各部门公开承诺的重点工作一共有多少项？",  # 一项重要的工作 counts none
        "天門市委對一般突發事件的書面報告，要求在事發後多少小時內報送？",  # 一般: not 重大突发事件 (the 185th's)
        "一般性的突发事件（不是重大的）最迟要在几小时内报告？",  # 一般性的 too (the 201st's)
        "光山县政府办公室2010年共接待上级领导视察考察多少次?",  # 每一次接待 counts none (the 189th's)
        "全市政府系统办公室主任会议讲话中,对抓落实不力的部门,督查问责时具体怎么扣分?",  # 扣分 (the 192nd's)
        "机要通信平时每天至少收4次,那周末和节假日机要邮件要收几次?",  # 每个工作日: not 周末 (the 193rd's)
        "2010年光山县办理的人大代表建议和政协委员提案，分别各是多少件？",  # 185件 is their sum (the 194th's)
        "县委办津补贴考核中，考核优秀的同志能多拿多少奖励？",  # a sum: not the 12% kept back (the 194th's)
        # 被省政府: not 被省、市政府采用100余篇 nor 向光山县政府信息公开网添加…9361条 (`counted.acts`; the 195th's)
        "光山县政府办公室2010年上报的信息中，被省政府单独采用了多少条？",
        "重大突发事件发生后,详细的书面报告最迟要在事发后几小时内报送?",  # 随后…详细情况: no limit (the 198th's)
        "民政局去年信息工作拿了多少分？",  # 十分注重 is very (`amounts._NO_COUNT`), no 10 points
        "光山县政府办公室2010年一共组织承办了多少场会议?",  # 场: not 电话数千个 (the 207th's)
        "抓落实的综合考核制度具体考核哪些指标、各占多少分?",  # a score, stated nowhere (`amounts.unscored`; the 210th's)
        "機要通信每天收取郵件的具體時間是幾點?",  # 时间是几点: an hour (`amounts.CLOCK_ASKED`), not points (the 212th's)
        "机要通信每天收取邮件的具体时间点是几点？",  # 时间点是几点 (the 222nd's)
        "光山县教体局2010年在政府信息公开网上添加了多少条信息?",  # not the county's 9361条 (`counted.of_body`, 221st)
        "《常德年鉴》今年要求各单位在几月底前完成供稿？",  # 5月底 is 《天门年鉴》's (`counted.of_body`, the 235th's)
        "天門市委辦去年辦理的領導批示件中，省領導批示有多少件？",  # 299件 is 省市's (`counted.counts`, the 237th's)
        "2010年度光山县受表彰的政务信息先进单位一共有多少个？",  # not 77个单位和部门 (the 237th's)
        "淇縣政府辦公室那一年的辦公經費總共是多少?",  # a sum: not 是年目标的150% (`amounts._SUM`, the 238th's)
        "光山縣對考評優秀的信息員,獎勵金額是多少?",  # 金额: a sum, not 9361条 (the 246th's)
        "縣委辦效能考核中，考核優秀的同志能多拿多少津補貼？",  # 多拿多少: a sum, not the 12% kept back (the 247th's)
        "光山县政府网站改版升级共花了多少经费？",  # 多少经费: a sum, not 来信352个 (the 256th's)
        "2010年县政府办公室全年一共印发了多少份正式文件?",  # 印发: not 接收…请示报告1100余份 (`counted.acts`, 259th's)
        "光山县政府办公室2010年写的30余篇调研材料中,有几篇得到了县领导批示?",  # not 30余篇 (`counted.counts`, 263rd's)
        "天門市委書記專屬板去年收到的留言中,有多少條轉為督辦件交給部門辦理?",  # not 留言5128條 (the 268th's)
        "县委办效能考核中被评为优秀的同志，能额外拿到津补贴的百分之几作为奖励？",  # 12% is for 考核 (the 274th's)
        "县政府办公室2010年受理的信访中,有多少件是网上信访?",  # 是网上信访, no 的 (the 276th's got 信访400多人次)
        # 讲抓落实的那次…会议 names 003 of the two holding 全市政府系统办公室主任 (`naming._whole_named`): 003 gives no
        # count of 督查事项 (the 268th's got 光山's 95件)
        "讲抓落实的那次全市政府系统办公室主任会议上,市政府督查室去年一共办理了多少件督查事项?",
        "抓落实的综合考核制度中,考核结果在干部年度考核里占多大权重?",  # 多大权重 asks a number (the 283rd's)
    ):
        assert answerer.ask(q).refused, q
    # a rank asked after what it is in (…工作中，这个市排名第几) is no part of a whole counted (`counted._PART_OF`):
    # the 205th's was refused
    rank = answerer.ask("在全市民政信息工作中，这个市排名第几？")
    assert "我市名列第4名" in rank.sentences[0].text, rank.text
    meetings = answerer.ask("淇县政府办公室全年承办了多少场会议?")  # 场 is counted as 次 too
    assert "全年承办会议700多次" in meetings.sentences[0].text, meetings.text
    book = answerer.ask("《天门年鉴》几月底前完成供稿？")  # the book named is the one the deadline is of
    assert "5月底" in book.sentences[0].text, book.text
    mail = answerer.ask("机要通信每天至少要收几次邮件？")  # 至少…几次: the speech says 4次
    assert not mail.refused
    assert "至少收取4次" in mail.sentences[0].text, mail.text
    # 几次有什么要求 counts no 有什么要求 (`counted._COUNTED_NOUN`: the 237th's was refused)
    mail = answerer.ask("天门市委办对机要通信每天至少收取几次有什么要求？")
    assert "至少收取4次" in mail.sentences[0].text, mail.text
    major = answerer.ask("重大突发事件最迟多长时间内要报告?")  # the kind a near miss set aside is answered
    assert "最迟不得超过事发后2小时" in major.sentences[0].text, major.text
    fast = answerer.ask("值班的时候碰上重大突发事件,应该怎么报、多快要报上去?")  # 多快 (the 183rd's got 值班工作)
    assert "最迟不得超过事发后2小时" in fast.sentences[0].text, fast.text
    # 情况还没摸清楚 is 尚未 (`synonyms.SAID_AS`), said by the sentence stating the limit (`counted.amount_told`):
    # the 186th's was refused 0.001 under the threshold
    fast = answerer.ask("要是辖区里出了大的突发事件，值班的同志应该多快往上报、情况还没摸清楚怎么办？")
    assert "最迟不得超过事发后2小时" in fast.sentences[0].text, fast.text
    # 突发的大事 is 突发事件, 多快报上去 asks 上报 (jieba's 快报, 上去: `terms._directed`), and the limit stated makes
    # the common speech word enough (`counted.TOLD_DF`): an open complaint got 24小时值班制度 first
    fast = answerer.ask("晚上值班碰到突发的大事，要多快报上去")
    assert "最迟不得超过事发后2小时" in fast.sentences[0].text, fast.text
    # 怎么往上报 asks how it is reported: 报送, 报告 say 上报 (`synonyms.ALIKE`; the 249th's and 251st's got 防汛…及时上报
    # and 各地各校要高度重视突发事件…迅速上报)
    for q in ("单位里出了突发的大事，办公室应该怎么往上报？", "辖区里突然出了大事,办公室怎么往上报?"):
        how = answerer.ask(q)
        assert "第一时间" in how.sentences[0].text, (q, how.text)
    often = answerer.ask("光山县的“双十”工程和重点工作，进展情况多久上报一次？")  # how often: 每季度 states it
    assert not often.refused, often.text  # (refused: no length of time; the 24th blind reader's)
    assert "每季度要上报一次" in often.text, often.text
    # a limit of the same day (the 122nd's); 最晚要多久转出去 cut it off (不准积压,…: the 128th's)
    for q in (
        "文电运转最多能拖几天？",
        "公文流轉最多可以壓多久？",
        "收到的公文最晚要多久转出去？",
        "收到的文件在办公室里最多能压多久才转出去?",  # 压多久 is 积压 (`synonyms.SAID_AS`; the 202nd's, refused)
    ):
        same_day = answerer.ask(q)
        assert "不能超过当天" in fold(same_day.sentences[0].text), same_day.text
    days = answerer.ask("政府信息公开有时限要求吗？信息形成后多少天内要公开？")  # 多少天: working days answer it
    assert not days.refused
    assert "20个工作日" in days.text, days.text
    public = answerer.ask("政府信息產生或者變更以後，要在多少天之內對外公開？")  # 对外 is how (the 158th's)
    assert "20個工作日內予以公開" in public.text, public.text
    # 放到信息 names no body (`naming._BODY`: 放到 named 篇1), nor is 最晚 a matter timed (`unnamed._TIMED_MATTER`):
    # the 190th's was refused
    public = answerer.ask("我们单位有一条政府信息刚定下来，最晚要多久放到信息公开网上？")
    assert "20个工作日内予以公开" in public.text, public.text
    public = answerer.ask("我们单位新出了一个政府信息,最晚多少天内要挂到信息公开网上?")  # 挂到: where (the 208th's)
    assert "20个工作日内予以公开" in public.text, public.text
    money = answerer.ask("全省教育经费总投入是多少？")  # the speech says 1170.94亿元
    assert not money.refused
    assert "1170.94亿元" in money.text, money.text
    # the words the number is asked in, not the whole question: 共收到上级机要文件4700余件 need not say
    # 光山县 or 2010 (it was refused at the threshold; the 25th blind reader's)
    files = answerer.ask("光山县政府办公室2010年一共收到多少件上级机要文件?")
    assert "共收到上级机要文件4700余件" in files.text, files.text
    speeches = answerer.ask("县政府办全年撰写了多少篇领导讲话和汇报材料？")  # 300余件: 篇 and 件 both count documents
    assert not speeches.refused
    assert "领导讲话300余件" in speeches.sentences[0].text, speeches.text
    # 领导讲话 is what is counted here, not how the question asks (讲话提出…): 调研材料30余篇 does not lead
    talks = answerer.ask("光山县政府办一年写了多少篇领导讲话？")
    assert "领导讲话300余件" in talks.sentences[0].text, talks.text
    # a sentence holding the asking clause's words (全县, 人民) and a number of 人 states it, whatever its cosine
    people = answerer.ask("那篇讲打造旅游主导产业的县办公室主任会议讲话，提到全县有多少人民？")
    assert "全县43万人民" in people.text, people.text


def test_real_quantity_answer_cuts_away_a_reference_back(real_bot: pipeline.Ragbot) -> None:
    # 這項工作越往上越重要,中辦六十多人,…: the number's clauses stand on their own without 這項工作
    for q in ("中办做信息工作的有多少人？省里又有多少人？", "信息工作越往上越重要，中办和省里各有多少人做信息？"):
        a = Answerer(real_bot).ask(q)  # the second's words are in the referring clause too
        assert not a.refused, q
        assert _claims(a)[0].startswith("中办六十多人"), a.text
        assert padding_rate(a.text) == 0.0, a.text


def test_real_which_aspects_is_answered_by_the_sentence_that_names_them(real_bot: pipeline.Ragbot) -> None:
    # 查处报告应包括基本情况、…、见面情况四个方面 is the answer; the 三点要求 list after it is not
    a = Answerer(real_bot).ask("信訪件的查處報告要寫哪幾個方面的內容？")
    assert not a.refused
    assert "基本情況、反映的問題及調查情況、處理情況、見面情況四個方面" in _claims(a)[0], a.text
    assert not a.text.startswith("讲话对此提出"), a.text
    # a clause before 的 is no part of the thing asked (给上面交的报告: 报告, `unnamed.unnamed_contents`; the 195th's
    # was refused for 上面报告)
    a = Answerer(real_bot).ask("群众来信反映的问题我们调查完了，给上面交的报告该写哪几块内容？")
    assert "基本情况、反映的问题及调查情况、处理情况、见面情况四个方面" in _claims(a)[0], a.text


def test_real_traditional_answer_keeps_the_traditional_speechs_own_characters(real_bot: pipeline.Ragbot) -> None:
    # converting the Traditional file's 賈島詩云 "to Traditional" again made it 詩雲 ("cloud")
    a = Answerer(real_bot).ask("講話裡引了哪位唐代詩人的句子，來形容琢磨字句有多辛苦？")
    assert "賈島詩云" in a.text, a.text
    traditional, simplified = render_answer(a, "繁體"), render_answer(a, "简体")  # the display switch, excerpts too
    assert "詩雲" not in traditional
    assert "詩云" in traditional
    assert "贾岛诗云" in simplified
    # 哪位 asks for an office role or body only when what follows is one: a poet is named, not refused
    poet = Answerer(real_bot).ask("講話引用了哪位古代詩人的兩句詩，來說明推敲文字要下苦功？")
    assert not poet.refused
    assert "賈島" in poet.text, poet.text


def test_real_how_grand_is_no_number_asked(real_bot: pipeline.Ragbot) -> None:
    # 场面要搞多大 asks how grand, not a number: quantity typing refused the rule the speech states
    a = Answerer(real_bot).ask("市里领导到我们镇上来看看，我们能不能派人到镇子交界的地方去等着迎接？场面要搞多大？")
    assert not a.refused
    assert "不准在边界迎候" in a.sentences[0].text, a.text


def test_real_a_quotation_the_answer_opens_is_closed(real_bot: pipeline.Ragbot) -> None:
    # 按照国务院办公厅关于"各地应…问题。要为…经费"的要求: the answer stopped after 问题。 with the quote open
    a = Answerer(real_bot).ask("地方志那篇講話引用了哪個機關對地方志編纂工作的要求？具體要求政府做什麼？")
    assert '經費"的要求' in a.text, a.text
    assert all(s.text.count('"') % 2 == 0 for s in a.sentences), a.text


def test_real_a_quoted_saying_is_quoted_to_its_closing_mark(real_bot: pipeline.Ragbot) -> None:
    # “夫霸王之所始也,以人為本。本理則國固。”: two sentences, one saying, one claim
    a = Answerer(real_bot).ask("管仲关于以人为本的那句话，原话是怎么说的？")
    assert "夫霸王之所始也,以人为本。本理则国固。”" in a.sentences[0].text, a.text
    assert a.sentences[0].citations
    assert "」[1]。" not in a.text, a.text


SECTIONED = """在全市办公室主任会议上的讲话
一、加强干部队伍建设
这几年人员变动较大，新同志多。一要选好配强干部，把能干事的人放到关键岗位。二要健全干部学习培训制度，每年组织集中轮训。三要关心干部成长，及时解决实际困难。
二、关于会务工作
会务工作要精细。一是会前周密筹备，细化会议方案。二是会中严格组织，确保会场有序。三是会后及时总结，形成会议纪要。
"""


def test_a_list_under_a_matching_heading_answers_and_scaffolding_weighs_nothing(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "city.txt").write_text(SECTIONED, encoding="utf-8")
    config = Config(corpus=tmp_path / "corpus", index=tmp_path / "index", refusal_threshold=0.3)
    emb = KeywordEmbedder()
    pipeline.build_index([tmp_path / "corpus"], config, embedder=emb)
    answerer = Answerer(pipeline.Ragbot(config, embedder=emb))
    # the sentence before the list says nothing of 干部队伍建设; the section heading over it does
    a = answerer.ask("讲话对干部队伍建设提出了哪几方面具体做法？")
    assert a.text.split("\n")[1].startswith("1. "), a.text
    assert [x for x in ("选好配强干部", "健全干部学习培训制度", "关心干部成长") if x in a.text] == [
        "选好配强干部",
        "健全干部学习培训制度",
        "关心干部成长",
    ], a.text
    assert "会前周密筹备" not in a.text
    weights = term_weights(answerer.bot.index, "讲话对干部队伍建设提出了哪几方面具体做法？")
    assert not {"讲话", "提出", "哪几", "方面", "具体做法"} & weights.keys()
    assert "队伍建设" in weights or "队伍" in weights


def test_a_list_after_a_lead_in_is_found() -> None:
    text = "信息员队伍青黄不接。下一步，一要加强信息工作领导。二要合理配备信息人员。三要建立奖惩机制。"
    (e,) = enumerations(text)
    assert [i.key for i in e.items] == ["加强信息工作领导", "合理配备信息人员", "建立奖惩机制"]
    (t,) = enumerations("今後，一要加強學習。二要改進作風。")  # the same in a Traditional speech
    assert [i.key for i in t.items] == ["加強學習", "改進作風"]


def test_real_the_question_words_weigh_less_than_the_meaning(real_bot: pipeline.Ragbot) -> None:
    # the question asks how the speech explains 针眼 and 针尖; the sentence that explains them shares
    # few of its words (这句话, 解释, 上邊千條線). When the words weighed 0.3 against the cosine
    # (writer.WORDS_WEIGHT, now 0.2) the saying alone was the answer. Since the 2026-12-01 changes
    # (one-character words weighed as characters, ADD_SIMILARITY 0.01) 0.3, 1 and 3 give this answer
    # too; ranking by the words alone (rank = coverage) leads with the saying, and this test fails.
    a = Answerer(real_bot).ask("「上邊千條線，下頭一根針」這句話，講話裡是怎麼解釋針眼和針尖的？")
    assert "“針眼”要把上級的各種政策" in a.sentences[0].text, a.text


def test_real_a_quotation_the_piece_only_closes_is_opened(real_bot: pipeline.Ragbot) -> None:
    # 鄧小平…要求:“領導者必須多乾實事。那種只靠發指示,…轉變過來”: the second sentence alone was quoted
    # as 「那種只靠發指示,…轉變過來”」, a closing mark without its opening
    a = Answerer(real_bot).ask(
        "有些人只會把上面發來的東西原封不動地轉給別人，被追問細節就啞口無言，講話拿什麼來比喻這種人？"
    )
    assert "“領導者必須多乾實事。那種只靠發指示" in a.text, a.text
    assert a.text.count("“") == a.text.count("”"), a.text
    assert a.text.count("「") == a.text.count("」"), a.text


def test_real_a_counted_formulation_is_found_where_its_items_are_named(real_bot: pipeline.Ragbot) -> None:
    # no speech says 五个中心; one says 信息中心、服务中心、参谋中心、运转中心和指挥中心: that sentence answers first
    a = Answerer(real_bot).ask("民政局办公室是全局的哪“五个中心”？")
    assert "信息中心、服务中心、参谋中心、运转中心和指挥中心" in a.sentences[0].text, a.text


def test_real_a_saying_in_two_parallel_halves_is_quoted_whole(real_bot: pipeline.Ragbot) -> None:
    # 言当其时,一字千金;言背其时,一文不值: the sentence units split at ；, the answer keeps both halves
    a = Answerer(real_bot).ask("古人关于说话要看时机的话，讲话是怎么引用的？")
    assert "言当其时,一字千金;" in a.text, a.text
    assert "言背其时,一文不值" in a.text, a.text


def test_real_which_eight_characters_is_answered_by_a_formulation_of_eight(real_bot: pipeline.Ragbot) -> None:
    # the speech's one quoted formulation of eight characters: “团结、紧张、严肃、活泼”
    a = Answerer(real_bot).ask("民政系统那篇讲话对机关风气的要求是哪八个字？")
    assert "团结、紧张、严肃、活泼" in a.sentences[0].text, a.text


def test_real_four_single_characters_are_a_formulation_saying_four_apart(real_bot: pipeline.Ragbot) -> None:
    """四个单字 (the 113th blind reader's) are “重、苦、杂、难”; “五个坚持” (four characters, one word) followed."""
    for q in ("毕节那篇讲话里，概括办公室工作特点的四个单字是什么？", "畢節那篇講話用哪四個單字概括辦公室工作的特點？"):
        a = Answerer(real_bot).ask(q)
        assert "重、苦、" in a.text, a.text
        assert "五个坚持" not in fold(a.text), a.text


def test_real_which_heading_it_falls_under_is_answered_with_the_point(real_bot: pipeline.Ragbot) -> None:
    # 四是学习劲头还不够足。…最严重的是有的提法已经过时了,还要往文件里写。: the point, then the sentence
    a = Answerer(real_bot).ask("有的提法已经过时了还往文件里写，这属于哪方面的不足？")
    assert a.text.startswith("讲话把它归入：学习劲头还不够足。[1]"), a.text
    assert "有的提法已经过时了" in a.sentences[1].text, a.text
    assert all(s.supported for s in a.sentences), a.text
    # what fault a situation is (把这叫作什么毛病, 这样做有什么问题): the point it falls under, too (the
    # twenty-fourth blind reader's and the thirteenth session's got the situation's own sentence alone)
    for q in (
        "有同事接到开会通知就原样往上递,也不去问清楚上级有什么具体要求,培训开班讲话把这叫作什么毛病?",
        "有同事接到会议通知直接呈报，不和上级沟通，这样做有什么问题？",
        # 对这种做法怎么评价 asks the same (the 37th's got the situation's own sentence alone)
        "我接到上级的会议通知,一般直接转给领导,也没问清楚会议具体要求,讲话里对这种做法怎么评价?",
        # 归到哪个问题里 too (the 69th's got three of the point's sentences, never naming it)
        "我看到有同事收到开会通知就原样往上交，领导批的文件也只是照转、具体情况一问三不知，有篇讲话把这种表现归到哪个问题里？",
    ):
        a = Answerer(real_bot).ask(q)
        assert a.text.startswith("讲话把它归入：工作作风还不够实。[1]"), a.text
    # asked to judge it, the speech's verdict after the sentence comes along (这是极端危险的,更是极其错误的)
    a = Answerer(real_bot).ask("科里临时派给我一件不归我分管的活，我想推掉，讲话里怎么评价这种做法？")
    assert a.text.startswith("讲话把它归入：全局观念还不够强。[1]"), a.text
    assert "这是极端危险的,更是极其错误的" in a.text, a.text
    # two cases told (原样往上一交、转个文件…说不上来): each case's sentence under the point, who of them does it
    # (`cuts._SOME`), then the verdict (the 84th blind reader got the first case alone)
    a = Answerer(real_bot).ask("有的人接到开会通知原样往上一交、转个文件问起具体情况啥也说不上来,讲话怎么评价这种做法?")
    assert a.text.startswith("讲话把它归入：工作作风还不够实。[1]有的就事论事,接到会议通知直接呈报"), a.text
    assert a.text.index("具体情况一问三不知") < a.text.index("由于作风不实"), a.text
    # 这算哪方面的问题？为什么不好？: the point, the case, and the point's reason (the 112th blind reader got the
    # case alone: 算 was not read as filing it under a point, and why it is bad was not looked for)
    a = Answerer(real_bot).ask("领导批评有人接到会议通知直接呈报、不跟上级沟通，这算哪方面的问题？为什么不好？")
    assert a.text.startswith("讲话把它归入：工作作风还不够实。[1]有的就事论事,接到会议通知直接呈报"), a.text
    assert "由于作风不实,致使情况不明,最后工作被动" in a.text, a.text
    # 这种做法为什么被批评 asks the same, the reason included (the 147th blind reader got the case restated alone),
    # and 怎么批评这种做法 (the 151st's got the case and the reason, never the fault it is)
    for q in (
        "接到会议通知就直接转发下去、一报了事，这种做法为什么被批评？",
        "有的同志接到会议通知就原样往上报、转文件也不问具体情况，讲话里怎么批评这种做法？为什么不行？",
    ):
        a = Answerer(real_bot).ask(q)
        assert a.text.startswith("讲话把它归入：工作作风还不够实。[1]有的就事论事,接到会议通知直接呈报"), a.text
        assert "由于作风不实,致使情况不明,最后工作被动" in a.text, a.text


def test_real_an_unnumbered_series_under_the_best_point_is_the_list(real_bot: pipeline.Ragbot) -> None:
    # 三要加强协调,在保障运转上有优化。… 要让日常工作顺起来…要让重点工作统起来…要让应急反应快起来…
    a = Answerer(real_bot).ask("教育系统办公室加强协调、保障运转，具体要做好哪几方面？")
    lines = a.text.split("\n")
    assert [line[:12] for line in lines[1:4]] == [
        "1. 要让日常工作顺起来",
        "2. 要让重点工作统起来",
        "3. 要让应急反应快起来",
    ], a.text


def test_real_a_series_of_bare_points_is_a_list(real_bot: pipeline.Ragbot) -> None:
    """三是信息报送要讲求实效。要快速及时。古人讲…要真实准确。…要可靠有用。…要喜忧兼报。…: the bare points (`structure.
    BARE`) are a series; the 161st blind reader's 讲以人为本的那篇讲话里，对向上报送信息提了哪几条要求 got three
    sentences, two of the four points."""
    a = Answerer(real_bot).ask("讲以人为本的那篇讲话里，对向上报送信息提了哪几条要求？")
    assert a.text.split("\n")[1:] == [
        "1. 要快速及时。[1]",
        "2. 要真实准确。[1]",
        "3. 要可靠有用。[1]",
        "4. 要喜忧兼报。[1]",
    ]


def test_real_a_list_counted_其一是_names_the_problems_asked(real_bot: pipeline.Ragbot) -> None:
    """哪几个方面的问题: points 其一是领导认识不到位… name the shortfalls asked (`quotes.names_kind`); the 161st blind
    reader's got 002's 一是政务信息公开要经常化、规范化 (政务信息 weighed most), not the four 不到位."""
    for q in (
        "县政府办公室工作会议上说，全县的政务信息工作目前有哪几个方面的问题？",
        "光山县那篇讲话说全县的政务信息工作有哪些做得不够的地方？",
    ):
        a = Answerer(real_bot).ask(q)  # …哪些做得不够的地方: the 162nd's
        assert [line[3:] for line in a.text.split("\n")[1:]] == [
            "领导认识不到位。[1]",
            "人员配备不到位。[1]",
            "信息员培训不到位。[1]",
            "奖惩措施不到位。[1]",
        ], a.text


def test_real_a_cut_keeps_what_its_reference_points_at(real_bot: pipeline.Ragbot) -> None:
    # 在工作中,有时候领导性子急了,或者你哪件事没做好,批评几句,这样的情况也会发生。: 这样的情况 points at
    # the clauses before it, so the answer does not cut them away (批评几句,这样的情况也会发生。 alone dangles)
    a = Answerer(real_bot).ask("被领导当众批评了几句，心里不舒服怎么办？")
    assert a.sentences[0].text.startswith("在工作中,有时候领导性子急了"), a.text


@pytest.mark.parametrize("question", ["办公室主任的主要职责是什么？", "辦公室有哪些職能？"])
def test_real_duties_question_is_answered_by_the_sentence_listing_them(
    real_bot: pipeline.Ragbot, question: str
) -> None:
    """The issue's example: 主要职责 is answered with the duties the speeches list (参与政务校务、管理事务、
    综合服务的重要职责; 三大职能,参谋、督办和服务), not a line that only says 办公室主任
    (不断提高自己履行办公室主任职责的能力)."""
    a = Answerer(real_bot).ask(question)
    assert DUTIES.search(fold(a.sentences[0].text)), a.text
    assert "履行办公室主任职责的能力" not in a.text


def test_real_a_clause_going_on_from_its_subject_is_not_cut_from_it(real_bot: pipeline.Ragbot) -> None:
    """担负着参与政务校务、管理事务、综合服务的重要职责 goes on from 办公室是…,…发挥着…参谋助手…的窗口作用
    (`cuts._LEANS`): the duties question gets the sentence whole, not its last clause without a subject."""
    a = Answerer(real_bot).ask("办公室主任的主要职责是什么")
    assert a.sentences[0].text.startswith("办公室是机关和学校的指挥中心"), a.text
    assert "参谋助手" in a.sentences[0].text, a.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("“没有督查就没有落实”这句话是谁说的?", "习近平总书记讲,“没有督查就没有落实"),
        ("“靠人管人得罪人,靠制度管人团结人”是谁说的？", "刚才市人社局交流发言里有一句话说的好"),
        ("“靠人管人得罪人,靠制度管人团结人”这句话是哪个单位在交流发言里讲的?", "市人社局交流发言"),
        # 引自谁的 asks who said it (`who.action_asked`: the 240th's was refused for 引自)
        ("“靠人管人得罪人，靠制度管人团结人”这句话，讲话人说是引自谁的发言？", "市人社局交流发言"),
    ],
)
def test_real_who_said_it_is_answered_by_whoever_says_it_in_any_word(
    real_bot: pipeline.Ragbot, question: str, said: str
) -> None:
    """谁说的: 讲 and 说的好 say it too (the answer was a refusal: no sentence held 说的); among those naming
    a speaker, the one saying what was asked leads."""
    a = Answerer(real_bot).ask(question)
    assert not a.refused
    assert said in a.sentences[0].text, a.text


def test_real_how_much_of_an_allowance_is_answered_by_a_share(real_bot: pipeline.Ragbot) -> None:
    """拿出多少 of 津补贴 asks for money, and a share of it (12%) states it: no longer refused."""
    a = Answerer(real_bot).ask("縣委辦的效能考核要從津補貼裡拿出多少？")
    assert not a.refused
    assert "拿出12%" in a.text


def test_real_a_common_saying_asked_for_is_the_one_the_speech_marks(real_bot: pipeline.Ragbot) -> None:
    """哪句俗话: 我们常说“上边千条线,下头一根针” leads, not 我们常说的这“一根针”… that refers back to it."""
    a = Answerer(real_bot).ask("上级各部门的政策最后都要靠基层办公室来落实,讲话里用了哪句俗话来形容?")
    assert "上边千条线,下头一根针" in a.sentences[0].text, a.text


def test_real_a_single_character_weighs_as_rare_as_it_is_among_the_chunks_characters(
    real_bot: pipeline.Ragbot,
) -> None:
    """这样行吗: 行 is a rare word of its own but in 执行, 进行… everywhere, so it weighs nothing, and the
    answer no longer leads with 盲目执行,不是真正负责任的态度; 夹 (夹在中间) is rare as a character too."""
    weights = term_weights(real_bot.index, "同事收到文件一直压在手里不处理,这样行吗?")
    assert "行" not in weights
    assert "手里" in weights
    assert "夹" in term_weights(real_bot.index, "两位领导意见不一样,我夹在中间该怎么办?")
    a = Answerer(real_bot).ask("同事收到文件一直压在手里不处理,这样行吗?")
    assert "盲目执行" not in a.sentences[0].text, a.text


def test_real_a_sentence_referring_back_comes_after_what_it_refers_to(real_bot: pipeline.Ragbot) -> None:
    """也必须按这个程序进行,杜绝直接将文稿送到县长… answers 能直接送给县长签吗; it comes after the procedure it
    refers to, even though that sentence opens with a reference of its own (王县长对这项工作提出了…)."""
    for q in (
        "我们单位要以县政府名义发个文,稿子能直接送给县长签吗?要走什么程序?",
        # the 34th blind reader's asks no procedure: it got the prohibition alone, cut from the sentence
        # referring back (…也必须按这个程序进行,杜绝直接…); a prohibition cut so comes with the procedure too
        "我们单位要用县政府的名义发个文件,能不能直接把稿子送到县长那里签?",
    ):
        a = Answerer(real_bot).ask(q)
        texts = [s.text for s in a.sentences]
        assert "凡是上报县长的审签材料" in texts[0], a.text
        assert "杜绝直接将文稿送到县长或分管领导那里" in texts[1], a.text


def test_real_which_three_names_ending_in_one_character_are_found_where_they_are_listed(
    real_bot: pipeline.Ragbot,
) -> None:
    """哪“三部”: three names ending in 部 listed together ("参谋部""指挥部""后勤部"), not 参谋部和信息部."""
    a = Answerer(real_bot).ask("讲话说办公室是党委、政府的哪“三部”？")
    assert '"参谋部""指挥部""后勤部"' in a.sentences[0].text, a.text


def test_real_a_counted_phrase_of_four_characters_is_found_said_that_many_times(real_bot: pipeline.Ragbot) -> None:
    """“三个第一时间”, said by no speech as such, is 000's 第一時間發布信息、第一時間回應關切、第一時間闡釋政策
    (`quotes._COUNTED` takes a word of four characters): it answers and leads (`writer.anchored` ranks a sentence
    saying the word as often as the quote counts above one merely holding 三个 and 第一时间: 办公室必须第一时间调整
    跟进,我觉得有三个方面很重要), where the question was refused."""
    for q in ("“三个第一时间”具体是怎么说的？", "“三个第一时间”的原话是什么？"):
        a = Answerer(real_bot).ask(q)
        assert "第一时间发布信息、第一时间回应关切、第一时间阐释政策" in a.sentences[0].text, a.text


def test_real_a_quoted_phrase_typed_with_a_full_width_comma_anchors_and_its_explanation_leads(
    real_bot: pipeline.Ragbot,
) -> None:
    """「上邊千條線，下頭一根針」 finds the speech's 上边千条线,下头一根针 (ASCII comma) as an anchor; asked
    how the speech explains 針眼 and 針尖, the sentence right after it, which does, leads, not the
    anchor sentence itself (`writer.ANCHOR_NEAR`)."""
    q = "「上邊千條線，下頭一根針」這句話，講話裡是怎麼解釋針眼和針尖的？"
    assert [bool(ps[0].search("我们常说“上边千条线,下头一根针”")) for ps in anchors(q)] == [True]
    a = Answerer(real_bot).ask(q)
    assert "“針眼”要把上級的各種政策" in a.sentences[0].text, a.text


def test_real_a_saying_asked_how_it_is_explained_comes_with_its_explanation(real_bot: pipeline.Ragbot) -> None:
    """Asked how the saying is explained, without naming 针眼 or 针尖 (the twentieth blind reader's), the
    sentence saying it is followed by the next, which quotes its “一根针” and explains it; before, the
    explanation was only in the excerpt."""
    a = Answerer(real_bot).ask("讲话里“上边千条线，下头一根针”这句话是怎么解释的？")
    assert "上边千条线,下头一根针" in a.sentences[0].text, a.text
    assert any("其实就是各级办公室" in s.text for s in a.sentences[1:]), a.text


def test_real_what_several_speeches_say_is_answered_from_each_of_them(real_bot: pipeline.Ragbot) -> None:
    """几篇讲话都怎么说的: the best sentence of each speech that speaks to it (the ninth blind reader got
    one speech's sentence), every one about 保密."""
    a = Answerer(real_bot).ask("办公室工作人员在保密方面要注意些什么？几篇讲话都怎么说的？")
    assert len({(c.file, c.speech) for c in a.citations}) >= 3, a.text
    assert all("保密" in s.text for s in a.sentences), a.text


def test_real_a_list_whose_speaker_switches_verb_is_answered_to_its_last_point(real_bot: pipeline.Ragbot) -> None:
    """下笔之前有什么窍门 asks for a list; the speech's 一要…二要…三要…四是要临阵磨枪 is one list."""
    a = Answerer(real_bot).ask("接到一篇稿子不知道从哪下手，下笔之前有什么准备的窍门？")
    assert "临阵磨枪" in a.text, a.text


def test_real_a_second_question_left_unanswered_gets_its_sentence_from_the_same_excerpt(
    real_bot: pipeline.Ragbot,
) -> None:
    """The first answer sentence names the report's four parts; 实名的信访件办结以后还要做什么 is answered
    by the sentence of the same excerpt that says it (`multi.second_part`), not left out."""
    a = Answerer(real_bot).ask("信访件的查处报告应当包括哪几个方面？实名的信访件办结以后还要做什么？")
    assert "见面情况四个方面" in a.sentences[0].text, a.text
    assert any("主动向信访人反馈查处情况" in s.text for s in a.sentences[1:]), a.text
    assert {s.citations for s in a.sentences} == {a.sentences[0].citations}, a.text  # one excerpt


def test_real_a_first_question_left_unanswered_gets_its_sentence_too(real_bot: pipeline.Ragbot) -> None:
    """The same two questions the other way round (the 28th and 29th blind readers'): the answer opens with
    the report's four parts, and 办完以后还要做什么 (办完: a word no speech uses) still gets its sentence."""
    a = Answerer(real_bot).ask("实名信访件办完以后还要做什么？查处报告要写哪些内容？")
    assert "见面情况四个方面" in a.text, a.text
    assert "主动向信访人反馈查处情况" in a.text, a.text


def test_real_who_answers_whom_is_answered_by_the_chain_a_speech_spells_out(real_bot: pipeline.Ragbot) -> None:
    """谁对谁负责 is answered by 科员对分管主任负责,分管主任对主任负责… (`who.chained`): asked in everyday words
    (一级一级, 一层层) it was refused at 0.885, under the threshold (the 54th and 59th blind readers, held-out
    q329); 谁对谁负责是怎么规定的 asks who does 负责, not 是怎 (the 75th's was refused so)."""
    for q in (
        "民政局办公室里,谁对谁负责,是怎么一级一级规定的?",
        "民政局办公室讲的逐级负责，具体是一层层谁对谁负责？",
        "民政局里从科员到局党组,谁对谁负责是怎么规定的?",
        "民政局办公室内部,一级一级是谁向谁负责?",  # 谁向谁 (the 86th's was refused)
        "民政局办公室里，从普通科员一直到局党组，工作上是怎么一级一级负责的？",  # 即… cut off (the 87th's)
        "民政局办公室内部一层对一层负责，具体是怎么排的？",  # 严管一层 before (the 88th's)
        "在民政局办公室里，谁对谁负责，一级一级是怎么排下来的？",  # not found: searched as 逐级 too (the 97th's)
    ):
        a = Answerer(real_bot).ask(q)
        assert "科员对分管主任负责,分管主任对主任负责" in a.sentences[0].text, a.text


def test_real_a_second_question_asking_when_is_answered_by_the_time_the_first_answer_says(
    real_bot: pipeline.Ragbot,
) -> None:
    """時間上怎麼安排 after 每天至少收幾次 is answered by 每個工作日上午和下午各收取兩次: the 58th blind reader
    got 控制會議活動數量、規模和時間 (of the same excerpt, holding 時間) after it."""
    a = Answerer(real_bot).ask("機要郵件每天至少要去收幾次？時間上怎麼安排？")
    assert "上午和下午各收取兩次" in a.sentences[0].text, a.text
    assert "控制會議" not in a.text, a.text


def test_real_two_amounts_asked_in_one_question_get_both_numbers(real_bot: pipeline.Ragbot) -> None:
    """多少份请示报告、多少件上级机要文件 asks two amounts in one question (the eighteenth blind reader's own):
    the second, 4700余件, is in the next clause of the same sentence, after its ；. The first sentence
    opens without the 其中 that tied it to the sentence before it in the speech."""
    a = Answerer(real_bot).ask("光山县政府办公室2010年一年里收到了多少份请示报告、多少件上级机要文件？")
    assert a.sentences[0].text.startswith("县政府办公室全年共接收各类请示报告1100余份"), a.text  # not 其中…
    assert "上级机要文件4700余件" in a.text, a.text
    b = Answerer(real_bot).ask("光山縣政府辦公室2010年一年裡收到了多少份請示報告、幾件上級機要文件？")  # 幾: folded
    assert "上級機要文件4700餘件" in b.text, b.text
    # …the second with its own verb (、收到多少件: `multi._AMOUNTS`; the 267th's got 1100余份 alone)
    e = Answerer(real_bot).ask("2010年县政府办公室全年接收了多少份请示报告、收到多少件上级机要文件?")
    assert "上级机要文件4700余件" in e.text, e.text
    # one amount after the scene: the sentence stating it alone (the 144th's got 33个乡镇 and then the training's aim)
    c = Answerer(real_bot).ask("县里那次党政办公室业务培训会，有多少个乡镇参加？")
    assert "全县33个乡镇" in c.text, c.text
    assert len(c.sentences) == 1, c.text


def test_real_a_question_word_no_chunk_holds_is_matched_by_its_rare_pieces(real_bot: pipeline.Ragbot) -> None:
    """jieba cuts 情况下不督 as 情况 + 下不督, which no speech holds: its piece 不督 weighs instead, and the
    sentence listing the three cases 不督 leads; 一个样's piece 一个 is too common to stand in."""
    weights = term_weights(real_bot.index, "党委督查部门在什么情况下不督？")
    assert "不督" in weights
    assert "下不督" not in weights
    assert "一个样" in term_weights(real_bot.index, "干好干坏一个样怎么办？")
    a = Answerer(real_bot).ask("党委督查部门在什么情况下不督？")
    assert "市县领导没有授权的事不督" in a.sentences[0].text, a.text
    # 不该去督查: a two-character verb asked not to be done is the speeches' 不督 too, its weight with it (not 不该:
    # how it asks), and 常德, naming the speech, weighs nothing (the 85th blind reader got 督查权…慎用 alone)
    weights = term_weights(real_bot.index, "哪些事情党委办公室不该去督查？")
    assert "不督" in weights
    assert "不该" not in weights
    assert "督查" not in weights
    a = Answerer(real_bot).ask("常德那篇講話認為，哪些事情黨委辦公室不該去督查？")
    assert a.text.startswith("有專門部門負責管的一般的事不督"), a.text
    assert "常德年鑑" not in a.text, a.text
    # 不需要去督的: not 督的 as the verb, nor 需要 and jieba's 去督 weighing; the negation asked weighs double,
    # over the asker's own 搞督查 (the 88th's got 督查權…慎用 alone)
    weights = term_weights(real_bot.index, "黨委辦公室搞督查，哪些事情是不需要去督的？")
    assert "需要" not in weights
    assert "去督" not in weights
    a = Answerer(real_bot).ask("黨委辦公室搞督查，哪些事情是不需要去督的？")
    assert a.text.startswith("有專門部門負責管的一般的事不督"), a.text


def test_real_what_two_quoted_terms_mean_is_answered_by_their_definitions(real_bot: pipeline.Ragbot) -> None:
    """「敢用」是什么意思?「慎用」又是什么意思?: the sentences defining them (所谓敢用,就是…) rank with a
    bonus (`quotes.definition`), and 敢用, which jieba cuts apart, weighs as the word it quotes."""
    q = "黨委辦公室的督查權說是既要敢用又要慎用,那「敢用」是什麼意思?「慎用」又是什麼意思?"
    assert "敢用" in term_weights(real_bot.index, q)
    a = Answerer(real_bot).ask(q)
    assert "所謂敢用,就是抓住一些重要問題" in a.text, a.text
    assert "所謂慎用,就是督查部門要強化授權意識" in a.text, a.text


def test_real_how_the_speech_consoles_or_judges_is_its_verdict(real_bot: pipeline.Ragbot) -> None:
    """讲话里怎么开导的, 讲话里是怎么说这种情况的 (the 30th blind reader's), 有什么劝告 (the 86th's) ask for the speech's verdict too:
    淡泊名利 after the situation of not being promoted, 这是极端危险的 after 能推则推."""
    ask = Answerer(real_bot).ask
    assert "淡泊名利" in ask("干了很多活却一直没提拔,心里有落差,讲话里怎么开导的?").text
    assert "淡泊名利" in ask("有的同志吃苦受累干出了成绩,却一直没被提拔,讲话对他们有什么劝告?").text  # the 86th's: 劝告
    assert "这是极端危险的" in ask("有的同事接到不归自己管的临时活就推,讲话里是怎么说这种情况的?").text
    assert "这是极端危险的" in ask("领导临时塞给我一件不归我管的事，想推掉行不行？").text  # the 126th's: 行不行 judges
    pushed = ask("临时安排一件不归我管的工作，我能推掉吗？讲话里怎么说的？")  # the 157th's: 我能…吗 judges
    assert "这是极端危险的" in pushed.text, pushed.text
    # 讲话里对这种情况怎么看 asks the verdict on the first part, no part of its own (`multi._VIEW_OF_IT`): the 209th's
    # got 有的干脆当起了"甩手掌柜" after it, for its 情况
    pushed = ask("领导临时派给我一件不归我分管的活，我能不能推掉？讲话里对这种情况怎么看？")
    assert "这是极端危险的" in pushed.text, pushed.text
    assert "甩手掌柜" not in pushed.text, pushed.text


def test_real_advice_goes_on_where_the_paragraph_takes_it_up_again(real_bot: pipeline.Ragbot) -> None:
    """…该讲的话一定要讲,不能看着决策出偏差…。这也是对…的要求。敢于和善于讲真话、提意见,要讲究方式方法,注意场合…:
    the advice goes on two sentences later (`context._taken_up`); the 161st blind reader's 如果觉得领导的决策有问题…
    该不该说 got 篇11's 要把政府工作中的难点…作为…聚焦点 after it. Not a formulation named again (“五个坚持”, dev q115)."""
    a = Answerer(real_bot).ask("如果觉得领导的决策有问题，办公室的人该不该说？讲话里怎么讲的？")
    assert [s.text[:9] for s in a.sentences] == ["我们应本着对事业和", "敢于和善于讲真话、"], a.text


def test_real_asked_where_a_problem_lies_the_failing_leads(real_bot: pipeline.Ragbot) -> None:
    """问题一般出在哪里 (the 162nd blind reader's): the sentence telling the failing (提的意见太空洞…领导不易采纳) leads,
    not the one saying what to do about it (这就要求…要从全局的角度思考并提出拟办意见), which follows."""
    a = Answerer(real_bot).ask("我写的拟办意见领导老是不采纳，讲话里说问题一般出在哪里？")
    assert a.sentences[0].text.startswith("有的在处理公文的时候,提的意见太空洞"), a.text
    assert "要从全局的角度思考并提出拟办意见" in a.text, a.text


def test_real_the_verdict_is_the_word_to_the_hearers_not_an_aside_after_it(real_bot: pipeline.Ragbot) -> None:
    """挨了领导批评…怎么劝大家 (the 30th blind reader's): after 领导批评人,并不是出于恶意…, the speech's word to
    its hearers (严是爱,宽是害,相信大家懂得这个道理), not 在这里还要特别提醒…廉洁关, which turns to another matter."""
    a = Answerer(real_bot).ask("挨了领导批评心里不舒服,讲话里是怎么劝大家的?")
    assert "严是爱,宽是害" in a.text, a.text
    assert "廉洁" not in a.text, a.text
    # named by its place (光山那篇讲话), the speech's own name weighs nothing: the 85th blind reader's got 光山's
    # closing slogan (…为实现光山又好又快发展作出新的更大的贡献!)
    a = Answerer(real_bot).ask("被领导当面训了几句心里不舒服，光山那篇讲话是怎么开导大家的？")
    assert "领导批评人,并不是出于恶意" in a.text, a.text
    assert "又好又快" not in a.text, a.text


def test_real_asked_for_advice_a_bare_point_is_explained(real_bot: pipeline.Ragbot) -> None:
    """有什么建议 asks for ways, as 有什么办法 does (the 30th blind reader's): 要临阵磨枪 alone reads as cramming;
    its sentences say what it means (领受材料任务后,要多到网上找一些相关材料)."""
    a = Answerer(real_bot).ask("在办公室写材料,我老是拿起笔就写,写出来效果不好,讲话里有什么建议?")
    assert "要临阵磨枪" in a.text, a.text
    assert "多到网上找一些相关材料" in a.text, a.text
    # 先做哪些准备 asks for ways too (`compose._held`): the 194th's got 领受材料任务后… alone
    a = Answerer(real_bot).ask("接到一个写材料的任务，动笔之前应该先做哪些准备？")
    assert [p in a.text for p in ("充分掌握基本情况", "理论功底", "公文写作技巧", "临阵磨枪")] == [True] * 4, a.text
    # 该怎么准备 asks how (`asks.METHODS`): the points explained (the 207th's got them bare)
    a = Answerer(real_bot).ask("我不太会写材料,接到写稿任务以后该怎么准备?")
    assert "临阵磨枪" in a.text, a.text
    assert "多到网上找一些相关材料" in a.text, a.text


def test_real_what_comes_of_a_situation_follows_it(real_bot: pipeline.Ragbot) -> None:
    """干久了会出什么问题 (the 30th blind reader's): after 都是些日常性工作,都必须认真做好, the next sentence,
    which says what comes of it (做久了容易使人产生思维定势), though it points back (这些工作)."""
    a = Answerer(real_bot).ask("天天收发文件、开会接待，干久了会出什么问题？")
    assert "容易使人产生思维定势" in a.text, a.text
    assert all(s.supported for s in a.sentences)


def test_real_a_situation_asked_about_is_followed_by_the_speechs_verdict_on_it(real_bot: pipeline.Ragbot) -> None:
    """讲话里对这样的同志说了什么: the sentence stating the situation (暂时没有得到提拔重用) is followed by
    what the speech says to it (我要送一句话…不能因一时一事不如意就心灰意冷); a question asking for a list
    gets no such sentence."""
    a = Answerer(real_bot).ask(
        "我在办公室吃了不少苦,活也干得不错,可一直没轮到提拔,心里挺憋屈的。讲话里对这样的同志说了什么?"
    )
    texts = [s.text for s in a.sentences]
    assert "暂时没有得到提拔重用" in texts[0], a.text
    assert "不能因一时一事不如意就心灰意冷" in texts[1], a.text
    # 苦活累活 is 受累 (`synonyms.SAID_AS`; 吃苦受累比较多): the 200th's got 篇7's 缺乏做艰苦工作的思想准备 first
    a = Answerer(real_bot).ask("在办公室干了很多苦活累活却一直没被提拔，讲话里是怎么劝的？")
    assert "暂时没有得到提拔重用" in a.sentences[0].text, a.text
    assert "不能因一时一事不如意就心灰意冷" in a.sentences[1].text, a.text


def test_real_a_verdict_that_only_judges_comes_after_the_situation_and_closes_the_answer(
    real_bot: pipeline.Ragbot,
) -> None:
    """怎么看这种做法 (the eighteenth blind reader): 能推则推…更不要说是主动办 states a situation (不要说,
    因工作需要 say nothing to do), its verdict 这是极端危险的 only judges it, and the next point (甘当机械式搬运工,
    甩手掌柜) is no part of the answer; a verdict too short to stand (大家对此一定理解) comes with its reason."""
    answerer = Answerer(real_bot)
    a = answerer.ask("有的同事碰到不归自己管的临时活,就想办法甩给别人,讲话里怎么看这种做法?")
    texts = [s.text for s in a.sentences]
    assert "能推则推" in texts[0], a.text
    assert texts[1:] == ["这是极端危险的,更是极其错误的。"], a.text
    b = answerer.ask("领导一着急当着大家的面说了我几句,我心里挺不是滋味,讲话里是怎么劝大家看这种事的?")
    assert "领导批评人,并不是出于恶意" in b.text, b.text
    c = answerer.ask("领导临时安排一件不归我分管的工作,我想推给别人,讲话里怎么评价这种态度?")  # 怎么评价 (the 27th's)
    assert "这是极端危险的,更是极其错误的。" in [s.text for s in c.sentences], c.text


def test_real_a_place_named_before_its_party_body_narrows_the_answer_to_its_speech(real_bot: pipeline.Ragbot) -> None:
    """常德市委办公室: jieba tags 常德 as a person's name, so `lexical.places` misses it; named before 市委
    it still narrows the answer to the speech that names 常德 (the tenth blind reader got Yunnan's goal first)."""
    a = Answerer(real_bot).ask("常德市委办公室系统今年定的工作目标是什么？")
    assert "省内争先进,市内创品牌" in a.sentences[0].text, a.text


def test_real_the_words_naming_the_speech_and_its_year_do_not_weigh_in_the_list(real_bot: pipeline.Ragbot) -> None:
    """光山县 (jieba: 光山, 山县, 光山县) and 2011年 say which speech and when, not what is asked of it: the
    six points announced 以下六个方面再上新水平 answer (the 68th blind reader got the closing slogan)."""
    a = Answerer(real_bot).ask("光山县政府系统办公室工作会议提出，2011年办公室工作要在哪几个方面再上新水平？")
    for point in ("督查工作", "信息工作", "文字工作", "电子政务", "协调工作", "会务工作"):
        assert point + "要再上新水平" in a.text, a.text
    # asked in other words (在哪些方面提高一个台阶), the list announced as 以下六个方面 answers (the 85th's got the
    # meeting's opening and closing lines)
    a = Answerer(real_bot).ask("光山县政府系统办公室工作会议上，今年的工作要在哪些方面提高一个台阶？")
    for point in ("督查工作", "信息工作", "文字工作", "电子政务", "协调工作", "会务工作"):
        assert point + "要再上新水平" in a.text, a.text


def test_real_a_requirement_asked_leads_with_the_point_the_best_sentence_explains(real_bot: pipeline.Ragbot) -> None:
    """有没有提什么要求: the best sentence (不关心自己的身体是不行的) elaborates 篇10's point 再其次,要保证身体
    健康,提高身体素质, which says what to do: the point leads (the 68th blind reader got only the first)."""
    a = Answerer(real_bot).ask("修地方志的同事天天坐着伏案写东西，领导讲话里对他们的身体有没有提什么要求？")
    assert a.sentences[0].text.startswith("要保证身体健康,提高身体素质"), a.text
    assert "不关心自己的身体是不行的" in a.text, a.text


def test_real_what_is_wrong_with_a_practice_leads_with_the_failing_it_is_told_under(real_bot: pipeline.Ragbot) -> None:
    """有什么不妥: the best sentence (接到会议通知直接呈报,…) tells the practice under 001's point 二是工作作风还不够实,
    which leads (`points.point_first`; the 178th blind reader got the practice alone)."""
    for q in (
        "我收到上级的会议通知就原样转给领导了，这样做有什么不妥？",
        "收到上级发来的开会通知,直接转给领导就行了吗?",  # the 180th's: 就行了吗
        "收到上级发来的开会通知，我原样转给领导就行了吧？",  # the 181st's: 就行了吧
        "收到上级发来的开会通知，我直接转给领导就完事了吗？",  # the 184th's: 就完事了吗
        "收到上级发来的开会通知,我直接转给领导是不是就可以了?",  # the 212th's: 是不是就可以了
        "接到上级发来的开会通知,是不是直接转呈给领导就可以了?",  # the 214th's: 是不是…就可以了
    ):
        a = Answerer(real_bot).ask(q)
        assert a.sentences[0].text.startswith("工作作风还不够实"), a.text
        assert "接到会议通知直接呈报" in a.text, a.text
    # a point naming a task is no failing (`points._FAILING`): the 209th's led with 精益求精地做好拟文办会工作
    c = Answerer(real_bot).ask("上級有副廳級領導要來我們部門考察，我們自己安排接待就行了嗎？")
    assert "一定要向“兩辦”報告" in c.sentences[0].text, c.text
    # 会带来什么问题 asks what follows, not what is wrong (其三是信息员培训不到位。这就导致…: the consequence leads)
    b = Answerer(real_bot).ask("信息员培训不够会带来什么问题？")
    assert "导致信息深度不够" in fold(b.sentences[0].text), b.text


def test_real_a_list_that_never_says_the_thing_named_does_not_answer(real_bot: pipeline.Ragbot) -> None:
    """推行OA系统…还有哪些毛病 names OA, which only 篇11 says (`terms.rare_names`): 光山's and 003's lists,
    which never say it, do not answer (the 68th blind reader got them); 篇11's passage does, its sentence
    on OA and the series of shortcomings it sets up (`around.series_after`)."""
    a = Answerer(real_bot).ask("市政府辦公室推行OA系統辦公以後，領導覺得用起來還有哪些毛病？")
    assert "推行OA系統辦公" in a.text, a.text
    assert all(c.speech == 11 for c in a.citations), a.text
    assert "最先一公里" in a.text, a.text  # the series it sets up follows
    assert "最後一公里" in a.text, a.text


@pytest.mark.parametrize(
    ("question", "said", "left_out"),
    [
        # 在後勤這一塊…哪幾件事 confines the question to 后勤 (`asks.aspect_asked`): the three points under 4.在後勤保障上…,
        # all of them, not 光山's five 重点 announced on another matter (held-out q182)
        (
            "市委辦公室系統在後勤這一塊，今年打算重點做好哪幾件事？",
            ("要增強後勤保障能力", "要加強機關建設管理", "要改善幹部福利待遇"),
            "",
        ),
        # a list whose topic sentence names the matter among others is not on it: not 篇3's four qualities, announced
        # by one naming 廉潔清正 (dev q118)
        ("辦公室人員在廉潔方面有哪些具體要求？不能利用工作便利做什麼？", ("決不能利用工作之便",), ""),
        # 在業務能力上要… confines it as 方面 does: 篇3's 首先要長於協調…其次…再次… under (二)業務上要精, not the four
        # headings (一)政治上要強…(四)工作上要實 (the 145th's)
        ("當辦公室主任，在業務能力上要具備哪些本事？", ("長於協調", "組織能力", "文字處理能力"), "政治上要強"),
        # 在提高办公室工作效率方面: the five 求快 under 第三,要在努力提高工作效率上狠下功夫, not the six 狠下功夫, one of
        # which alone is on it (the 187th's)
        ("陝西教育系統辦公室主任會議的講話中,在提高辦公室工作效率方面提了哪幾點要求?", ("穩中求快",), "民眾路線"),
        # …and asked without 方面, the one point of the six on it, though their topic sentence names 工作效率 among
        # others (`compose._focused`: the 195th's and 196th's got the six)
        ("陕西教育系统的讲话对提高办公室工作效率提出了哪几条要求?", ("严中求快", "稳中求快"), "民众路线"),
        # the meeting named by words two speeches' openings share, and the speech by what it says (“三个陕西”): that
        # one of the two (`naming._named_speeches`; the 211th's got 篇2's 几层意思)
        (
            "在全省教育系統辦公室主任會議上（提到“三個陝西”那篇），提高辦公室工作效率的五條要求是什麼？",
            ("穩中求快",),
            "幾層意思",
        ),
        # 轮到我值班的时候 confines it to 值班 (the 185th's got 篇7's 要严格遵守政治纪律、工作纪律、保密纪律)
        ("轮到我值班的时候，有哪些必须遵守的规矩？", ("强化值班工作责任",), "政治纪律"),
    ],
)
def test_real_a_matter_asked_of_takes_the_list_on_that_matter(
    real_bot: pipeline.Ragbot, question: str, said: tuple[str, ...], left_out: str
) -> None:
    a = Answerer(real_bot).ask(question)
    assert all(p in a.text for p in said), a.text
    assert not left_out or left_out not in a.text, a.text


def test_real_requirements_put_to_a_matter_are_the_points_of_its_section(real_bot: pipeline.Ragbot) -> None:
    """对教育宣传工作提了哪些要求 asks of 二、关于教育宣传工作: its four (一)…(四), each its heading line, not the
    首先…其次… of the one under (三) that the best sentences sit in (the 83rd blind reader's; `compose._outer`),
    nor a heading run on into the next line's 强调 (`structure.key_clause`)."""
    a = Answerer(real_bot).ask("雲南教育廳那篇講話對教育宣傳工作提了哪些要求?")
    for point in ("營造良好氛圍", "樹典型、出精品", "教育宣傳幹部隊伍建設", "教育報刊主陣地作用"):
        assert point in a.text, a.text
    assert "強調" not in a.text, a.text
    for q in (
        # 具体措施 asks what 措施 does (`scaffold.SCAFFOLD`; no speech says it: the 280th's got a heading and the opening)
        "民政系统办公室主任会议讲话中,加强办公室规范管理提出了哪几条具体措施?",
        # 规范化 is said 规范 (`synonyms.ALIKE`: the 293rd's got the meeting's agenda)
        "民政局办公室要实现规范化管理,讲话提了哪几条具体做法?",
    ):
        a = Answerer(real_bot).ask(q)
        for point in ("要完善工作制度", "要规范运作机制", "要理顺工作关系"):
            assert point in a.text, a.text
    # 关于 says what a topic is (`scaffold.SCAFFOLD`): it weighed 3.1, as headings say it (the 283rd's got 篇2's 三要敢於創新)
    a = Answerer(real_bot).ask("教育系統辦公室主任會議上,關於提高辦公室工作效率提出了哪幾條要求?")
    for point in ("嚴中求快", "實中求快", "細中求快", "準中求快", "穩中求快"):
        assert point in a.text, a.text


def test_real_a_list_whose_lead_says_what_is_asked_beyond_the_matter_is_the_answer(real_bot: pipeline.Ragbot) -> None:
    """在抓落实方面…重点抓哪几个方面 asks of 抓落实 (`asks.aspect_asked`), but of its 重点: 003's 各级政府系统办公室应该
    抓好五个方面的重点 and its five points answer, not the three ways 关于抓落实,我重点讲三个方面 lists around them
    (`points.outer_list`; the 153rd blind reader's got the three)."""
    a = Answerer(real_bot).ask("在抓落实方面，政府系统办公室应当重点抓哪几个方面的事情？")
    for point in ("重大决策与部署", "政府工作任务的分解与部门承诺", "领导批示交办的事项"):
        assert point in a.text, a.text
    assert "要围绕中心抓落实" not in a.text, a.text


def test_real_what_a_report_must_hold_is_answered_by_the_sentence_naming_its_parts(real_bot: pipeline.Ragbot) -> None:
    """要写哪些内容 asks what something includes, like 包括哪些: the sentence naming the report's four
    parts answers, not the list of three requirements around it (the tenth blind reader's complaint)."""
    a = Answerer(real_bot).ask("信访件里一下反映了好几个问题，我们单位写查处报告要写哪些内容？")
    assert "见面情况四个方面" in a.sentences[0].text, a.text
    # 怎么办 asks what to do: the three requirements, not the first alone because it names 查处报告 (the 180th's and
    # 189th's got 第一,严格按照行文规范… without 第二's 逐一调查; `compose.NAMED_OVER`)
    a = Answerer(real_bot).ask("一封信访信里反映了好几个问题,写查处报告时应该怎么办?")
    assert "要对反映的问题逐一调查" in a.text, a.text
    # 应该怎么做: the four parts, then 多个 (好几个, past the first clause: `Writer.asked_as`) joins by its word (the
    # 201st's got the four parts alone)
    a = Answerer(real_bot).ask("收到一封信访件，里面反映了好几个问题，写查处报告时应该怎么做？")
    assert "见面情况四个方面" in a.sentences[0].text, a.text
    assert "要对反映的问题逐一调查" in a.text, a.text
    # asked 行不行 after the situation, the next failing of the list (其三是…存在…应作出的处理意见…) is no advice on
    # it (`context._ANOTHER`: the 223rd's got it after 避重就轻,…只字未提, and no 逐一调查)
    a = Answerer(real_bot).ask("一封信访件里反映了好几个问题，查处报告里只写最主要的那个问题行不行？")
    assert "要对反映的问题逐一调查" in a.text, a.text
    assert "其三" not in a.text, a.text
    # all three requirements (我在这里提三点要求:), not the point on the case told or the one naming 查处报告
    for q in (
        # 要注意什么 asks all it requires (`compose._focused`: the 229th's and 230th's got 逐一调查 alone)
        "一封群众来信里反映了好几件事,我们写调查处理的报告要注意什么?",
        # 提了哪几点要求 asks all the points announced (`points.counted_asked`: the 220th's got 第一,… alone)
        "对上报信访件查处报告提了哪几点要求？",
        # …and 有什么要求, in the noun announced (the 288th's, 群众来信 said 信访 (`synonyms.SAID_AS`), got two sentences,
        # then 逐一调查 alone)
        "处理群众来信，单位写调查处理报告有什么要求？",
        "信访件的查处报告有什么要求？",
    ):
        a = Answerer(real_bot).ask(q)
        for point in ("严格按照行文规范上报查处报告", "要对反映的问题逐一调查", "要站在全局的高度"):
            assert point in a.text, a.text
    # …in its first clause too, when no later one points back to it as a scene (the 217th's got the four parts alone)
    a = Answerer(real_bot).ask("一件信访件里反映了好几个问题，写查处报告要注意什么？")
    assert "要对反映的问题逐一调查" in a.text, a.text
    # 时要 is jieba's cut of …时要注意 (`scaffold.SCAFFOLD`): weighed 3, it held the list of three under its floor
    # (the 291st's got the four parts and 逐一调查)
    a = Answerer(real_bot).ask("一件信访件反映了好几个问题，上报查处报告时要注意什么？")
    for point in ("严格按照行文规范上报查处报告", "要对反映的问题逐一调查", "要站在全局的高度"):
        assert point in a.text, a.text
    # a scene pointed back to (領導對這種情況怎麼說): 交代給下面的事 asks no 交辦 (held-out q350 got a sentence on 通報)
    a = Answerer(real_bot).ask("交代給下面的事,有的區縣一直沒消息,打電話追了好幾回也不回個話,領導對這種情況怎麼說?")
    assert "三番五次催問情況" in a.sentences[0].text, a.text
    assert "及時通報" not in a.text, a.text


def test_real_the_point_a_question_quotes_is_answered_by_what_follows_it(real_bot: pipeline.Ragbot) -> None:
    """解决“不会写”的问题有什么建议: of 一是要解决“不愿写”…二是要解决“不会写”的问题, the point holding the
    quoted phrase answers, not its one-line heading (the tenth blind reader got only the heading back,
    and named the four suggestions as the answer). The point holds a list of its own (一要…四要临阵磨枪),
    so its four points are the answer (`compose._focused`)."""
    for q in (
        "我写材料总是不知道怎么下笔，讲话里对解决“不会写”的问题有什么建议？",
        # …or the point saying what the question asks in everyday words (写不好 is “不会写”: `synonyms.SAID_AS`; the
        # 238th's, whose 总是 weighed most, got 002's 四个表率)
        "我写材料总是写不好,讲话里有没有教怎么提高写作的办法?",
        "第一次接到写材料的任务,心里没底,讲话里建议怎么准备、怎么下笔?",  # 怎么下笔 (the 243rd's got 临阵磨枪 alone)
        "我是新来的，材料老是写不好，讲话里有没有教怎么写的？",  # 教怎么写 asks for a list (`asks.LIST`, the 257th's)
    ):
        a = Answerer(real_bot).ask(q)
        for point in ("充分掌握基本情况", "有必要的理论功底", "掌握一定的公文写作技巧", "要临阵磨枪"):
            assert point in a.text, a.text
        assert "要着力解决好" not in a.text, a.text
        assert "要做学习的表率" not in a.text, a.text


def test_real_bare_points_asked_for_as_ways_of_doing_come_with_what_they_mean(real_bot: pipeline.Ragbot) -> None:
    """哪几条办法 asks for ways of doing: a bare point (四是要临阵磨枪。) runs on to the sentence saying what to
    do (领受材料任务后,要多到网上找一些相关材料; the eighteenth blind reader read 临阵磨枪 as cramming);
    哪“三种意识” asks for names, and its points stay bare."""
    answerer = Answerer(real_bot)
    a = answerer.ask("我一拿到写材料的任务就发怵，讲话里对“不会写”给了哪几条办法？")
    texts = [s.text for s in a.sentences]
    at = next(i for i, t in enumerate(texts) if "要临阵磨枪" in t)
    assert "要多到网上找一些相关材料" in "".join(texts[at + 1 :]), a.text  # said as the speech has it, on
    # …and so does 先做什么准备, what to do first (the 115th blind reader's got the four bare points)
    for question in (
        "接到写材料的任务,动笔之前应该先做什么准备?",
        "接到寫材料的任務，動筆之前應該先做什麼準備？",
        "我刚来，写材料总是无从下手，讲话里有没有教怎么写好材料？",  # 教怎么: how (the 239th's got the bare points)
    ):
        assert "熟悉了后再动笔" in fold(answerer.ask(question).text), question
    names = answerer.ask("民政系统办公室人员要从思想上强化哪“三种意识”？")
    assert "1. 要强化政治意识。[1]\n" in names.text, names.text


def test_real_how_a_question_asks_for_the_wording_weighs_nothing(real_bot: pipeline.Ragbot) -> None:
    """原话怎么说 (dev q014) asks for the speech's own words; weighed as a word no sentence holds, it
    left the sentence that answers (對下要以禮…) below the margin, and the answer was only
    協調就是上下左右的聯繫 (evidence not cited)."""
    question = "協調上下關係時，對上、對下分別應該持什麼態度？原話怎麼說？"
    assert not {"原话", "这个", "这种"} & term_weights(real_bot.index, question + "这种这个").keys()
    a = Answerer(real_bot).ask(question)
    assert any("對下要以禮、以誠、以情" in s.text for s in a.sentences), a.text


def test_real_why_and_what_to_do_are_answered_by_the_cause_and_the_measures(real_bot: pipeline.Ragbot) -> None:
    """原因是什么？提出了哪些措施？ (the tenth blind reader's complaint): the answer was the question's own
    premise, 高等学校保密工作难度进一步加大. A why keeps the clauses before it (the cause), and a second
    question asking what to do, in words the excerpt does not use (措施), gets the speech's next
    sentence saying what to do, on to its full stop."""
    a = Answerer(real_bot).ask("高校保密工作为什么难度加大？讲话提出了哪些保密措施？")
    assert "窃密活动不断增多" in a.sentences[0].text, a.text
    assert "坚持人防、技防相结合" in a.text, a.text
    assert "做到警钟长鸣" in a.text, a.text


def test_real_measures_asked_are_the_list_after_the_failings(real_bot: pipeline.Ragbot) -> None:
    """针对信息工作存在的问题…哪几条改进措施 asks for 002's measures (下一步,一要加强信息工作领导…四要建立奖惩机制), not for
    the failings they follow (存在四个不到位问题: 其一是…) nor the ones of another section (主要表现在:); the 245th and
    248th blind readers got those (`points.remedy`, `points.failings`)."""
    for q in (
        "针对信息工作存在的问题，县政府系统办公室工作会议讲话提出了哪几条改进措施？",
        "光山县讲话针对政府信息工作存在的问题,下一步提出了哪些措施?",
        "我们单位的信息工作老是上不去，讲话里提了哪些改进措施？",
    ):
        a = Answerer(real_bot).ask(q)
        for point in ("加强信息工作领导", "合理配备信息人员", "加强信息调研", "建立奖惩机制"):
            assert point in a.text, (q, a.text)
        assert "不到位" not in a.text, (q, a.text)
        assert "欠规范" not in a.text, (q, a.text)
    # asked which failings, the failings answer
    a = Answerer(real_bot).ask("光山县政府信息工作存在哪几个不到位的问题？")
    assert "领导认识不到位" in a.text, a.text


def test_real_a_second_question_whose_measures_share_no_word_with_it_gets_nothing_more(
    real_bot: pipeline.Ragbot,
) -> None:
    """The measures that follow must speak of what the second question asks (用印, 登记): no sentence
    saying what to do about something else is added."""
    a = Answerer(real_bot).ask("單位公章使用要經過誰批准？用印時要登記哪些內容？")
    assert "督查方式方法" not in a.text, a.text


def test_real_a_further_sentence_keeps_its_last_clause_within_later_chars(real_bot: pipeline.Ragbot) -> None:
    """The eleventh blind reader's complaint (held-out q196): the second sentence, cut at 100 characters,
    lost its last clause, which is the answer (…的一池活水); `writer.LATER_CHARS` keeps it."""
    a = Answerer(real_bot).ask("讲话希望党委办公室在干部进出上形成什么样的局面？用了什么比喻？")
    assert "高进多出的一池活水" in a.text, a.text


def test_real_a_situation_asked_what_to_do_about_gets_the_speechs_advice(real_bot: pipeline.Ragbot) -> None:
    """怎么做 / 怎么办 after a situation (the eleventh blind reader's own question): the sentence stating
    it (拿笔就写,…效果就不好) is followed by what the speech says to do about it."""
    a = Answerer(real_bot).ask("我写材料总是拿起笔就写，写出来效果不好，讲话里建议应该怎么做？")
    assert "领受材料任务后,要多到网上找一些相关材料" in a.text, a.text


def test_real_an_a_not_a_question_does_not_weigh_its_negative_half(real_bot: pipeline.Ragbot) -> None:
    """该不该 asks yes or no: its 不该 weighed as a word led with 不该讲的不讲、不该问的不问 (the eleventh
    blind reader: it reads as "stay quiet" when the speech says to speak up)."""
    a = Answerer(real_bot).ask("领导定下的事我看出了问题，我该不该跟领导说？")
    assert "不该讲的不讲" not in a.text, a.text
    assert "向领导反映情况和问题,要真实可靠" in a.sentences[0].text, a.text
    a = Answerer(real_bot).ask("在领导面前是不是只说好听的就行？")  # the 48th's: not 篇4's …是不行的 first
    assert "是不行的" not in a.text, a.text
    assert "切忌只对领导讲好话" in a.text, a.text


def test_real_a_point_holding_a_list_is_answered_by_that_lists_points(real_bot: pipeline.Ragbot) -> None:
    """篇3 names the speech as the citations label it, and 入手 asks where to start, not what about: the
    point 第三,要在努力提高工作效率上狠下功夫 answers, and it holds a list of its own (一要…严中求快 …
    五要…稳中求快), whose points are the answer, not the point's other sentences (a fresh question)."""
    question = "篇3讲话提出，要提高办公室工作效率，应从哪几个方面入手？"
    assert not {"3", "入手"} & term_weights(real_bot.index, question).keys()
    a = Answerer(real_bot).ask(question)
    assert "1. 严格要求,严中求快" in a.text, a.text
    assert "5. 把握节奏,稳中求快" in a.text, a.text


def test_real_a_word_no_speech_says_weighs_as_its_synonym_the_speeches_use(real_bot: pipeline.Ragbot) -> None:
    """两口子 is said nowhere; the speeches say 夫妻 (Cilin): the answer is the sentence on 夫妻分居 (a
    helper's fresh question; before, a sentence on 福利 sharing 地方 and 单位)."""
    question = "辦公室的同事兩口子不在一個地方上班、孩子找工作也難,組織上會幫忙想辦法嗎?"
    weights = term_weights(real_bot.index, question)
    assert "夫妻" in weights
    assert "两口子" not in weights
    a = Answerer(real_bot).ask(question)
    assert "夫妻分居" in a.sentences[0].text, a.text


def test_real_two_scaffolding_words_run_together_weigh_nothing(real_bot: pipeline.Ragbot) -> None:
    """jieba gives 哪些方面 besides 哪些 and 方面; weighed as a word no sentence holds it drowned the
    question's own words, and the answer was one sentence on 信息服务 (held-out q138, from the twelfth
    blind reading)."""
    question = "移民系统的办公室给领导提供信息服务时，应该重点反映哪些方面的情况？"
    assert "哪些方面" not in term_weights(real_bot.index, question)
    a = Answerer(real_bot).ask(question)
    assert "反映移民搬迁安置、遗留问题处理" in a.text, a.text


def test_real_which_of_two_asked_with_还是_weighs_no_还是(real_bot: pipeline.Ragbot) -> None:
    """还是 asks which of two (`scaffold.SCAFFOLD`, 77c9599): weighed as a word, 是等弄明白了再报还是先报 led with
    篇8's 写好文章还是那几句话 (found at the fifty-eighth session's review: no test failed without it)."""
    question = "是等弄明白了再报还是先报？"
    assert "还是" not in term_weights(real_bot.index, question)
    a = Answerer(real_bot).ask(question)
    assert "还是那几句话" not in fold(a.sentences[0].text), a.text


def test_real_a_named_speech_narrows_the_answer_to_it(real_bot: pipeline.Ragbot) -> None:
    """天门那篇讲话 names 篇8 (`naming.named_speeches`); the twelfth blind reader got 光山's 95件 / 97件
    / 176件 between 篇8's two figures."""
    a = Answerer(real_bot).ask(
        "天门那篇讲话里，去年办理了多少件省市领导批示件？市委书记专属板收到多少条留言、回复了多少条？"
    )
    assert "299件" in a.text, a.text
    assert "5128条" in a.text, a.text
    cited = {c.n: c.speech for c in a.citations}
    assert {cited[n] for s in a.sentences for n in s.citations} == {8}, a.text


def test_real_a_number_asked_of_a_named_speech_that_gives_none_is_refused(real_bot: pipeline.Ragbot) -> None:
    """The 民政 speech hides the figure (采用我市民政信息*条); the fourteenth blind reader got 光山's
    被省、市政府采用100余篇. 去年市委 names no place (`lexical.before_bodies`)."""
    answerer = Answerer(real_bot)
    assert answerer.ask("民政系统那篇讲话里，去年市委、市政府采用了多少条民政信息？").refused
    # 市委市政府 without the 、: 市委 is a body, not a place before 市政府 (the 25th blind reader's got 光山's)
    assert answerer.ask("民政那篇讲话里,去年市委市政府采用了多少条民政信息?").refused
    a = answerer.ask("天门那篇讲话里，去年办理了多少件省市领导批示件？")  # that speech says it: answered
    assert not a.refused
    assert "299件" in a.text, a.text


def test_real_a_number_the_question_names_itself_does_not_answer_it(real_bot: pipeline.Ragbot) -> None:
    """拿出12%…能多拿多少奖金: the sentence saying 拿出12% states no amount (the 26th blind reader got it as
    the answer); a number the question does not name still answers (2010年…多少篇: 300余件)."""
    answerer = Answerer(real_bot)
    assert answerer.ask("县委办效能考核从津补贴拿出 12%，考核优秀的人能多拿多少奖金？").refused
    a = answerer.ask("光山县政府办2010年共撰写了多少篇领导讲话和汇报材料？")
    assert "300余件" in a.text, a.text


def test_real_a_sentence_pointing_back_with_it_comes_with_what_it_points_at(real_bot: pipeline.Ragbot) -> None:
    """把它作为查办工作的重中之重来抓 points back (`padding._DANGLING`): the 26th blind reader got it alone at
    the end; now the clause it points at (抓好…批办事项的落实) comes with it, or it is not said."""
    a = Answerer(real_bot).ask("领导批给我一件事让我去查办，要做到什么程度才算真正办完？")
    assert "批则必查" in a.text, a.text
    assert not [s.text for s in a.sentences if s.text.startswith("把它")], a.text
    assert padding_rate(a.text) == 0.0, a.text


def test_real_a_price_asked_needs_an_amount_of_money(real_bot: pipeline.Ragbot) -> None:
    """订阅价格是多少 asks for money (`amounts.unit_asked`): the 26th blind reader got 著力解决“两刊一报”在宣传
    订阅工作中存在的空白点; no speech gives a price."""
    assert Answerer(real_bot).ask("雲南教育“兩刊一報”每年的訂閱價格是多少？").refused


def test_real_which_five_naming_the_quoted_kind_leads_with_the_five(real_bot: pipeline.Ragbot) -> None:
    # 哪五个坚持 asks as 哪五个 does: the sentence quoting all five, not the one praising them
    a = Answerer(real_bot).ask("「五个坚持」具体是哪五个坚持？")
    first = a.sentences[0].text
    assert first.count("“坚持") >= 5, a.text


@pytest.mark.parametrize(
    ("question", "said", "left_out"),
    [
        # a number answer: the clauses around 33个乡镇, not the 希望同志们珍惜这次难得的学习机会… after them
        ("这次党政办公室业务培训会的培训对象涵盖了全县多少个乡镇？", "33个乡镇", "珍惜"),
        # how long: the 20个工作日 alone, not a tally of 条 from 2010年 after it (the 26th blind reader's)
        ("单位的政府信息形成或变更后，按光山县讲话要求最晚多久要公开？", "20个工作日", "9361条"),
        # a point's lead first (四要认真做好…留言回复的落实): its own sentences saying how follow (the 26th's)
        ("网民在市委书记留言板上投诉，由我负责回复，要注意些什么？", "语气一定要谦虚", "督查销号"),
        # 有什么要注意的 asks what to do as 要注意些什么 does: no tally of 5128条 first (the 27th blind reader's)
        ('我负责回复"书记留言板"上网民的留言,有什么要注意的?', "语气一定要谦虚", "5128条"),
        # 对回复有什么讲究 / 有什么具体提醒: how to do a thing, not a situation; no sentence saying nothing to do
        # first (回复处置工作总体平衡,但是还有不及时的; the 67th's and 69th's)
        ('网民在"书记留言板"上给我们单位留了言，由我来回复，讲话里对回复有什么讲究？', "语气一定要谦虚", "5128"),
        ("我负责回复网民在书记留言板上的留言，讲话对怎么回复有什么具体提醒？", "语气一定要谦虚", "5128"),
        # 需要特别注意的 asks what to mind as 需要注意的 does (the 141st's got the tally 5128条 and a heading)
        ("在市委書記留言板上回覆網友留言，有什麼需要特別注意的地方？", "語氣一定要謙虛", "5128"),
        # 注意哪些 asks what to mind as 注意什么 does (`asks.HOW_TO`: the 273rd's got the tally 5128条 first)
        ("网友在书记留言板上留了言,我们回复时要注意哪些地方?", "语气一定要谦虚", "5128"),
        # a point's own sentences (四要…批示件和“市委书记专属板”留言回复的落实): not its 关于领导批示件,…
        ("回复网民在市委书记留言板上的留言，要注意些什么？", "语气一定要谦虚", "督查销号"),
        # …though the question says 领导, which weighs little (帮领导回复…, the 187th's)
        ("幫領導回覆網民在書記留言板上的留言,要注意些什麼?", "語氣一定要謙虛", "督查銷號"),
        # 怎样…才不会 asks how to bring it about: no fault (能推则推) first (the 141st's; asks.HOW_TO)
        ("辦公室主任平時要怎樣安排自己的工作，才不會被臨時冒出來的事情打亂？", "留出一塊“空地”", "能推則推"),
        # 要不要告诉 asks whether to do it, as 该怎么做 asks how: no tally of 受理信访400多人次 first (the 103rd's)
        ("信访件处理完要不要告诉来信人？", "办结后应主动向信访人反馈查处情况", "400多人次"),
    ],
)
def test_real_the_answer_says_what_answers_and_leaves_out_what_follows(
    real_bot: pipeline.Ragbot, question: str, said: str, left_out: str
) -> None:
    a = Answerer(real_bot).ask(question)
    assert said in a.text, a.text
    assert left_out not in a.text, a.text


def test_real_a_deadline_asked_for_needs_a_date(real_bot: pipeline.Ragbot) -> None:
    # 截止日期是哪天 asks when: 004's 即将届满,需要重新申报 states none (the fifteenth blind reader's near miss)
    a = Answerer(real_bot).ask("省级文明单位重新申报的截止日期是哪天？")
    assert a.refused, a.text
    # 什么时间之前 asks a deadline, a date (`asks.stated_kind`): 篇2's 将通讯员基本信息报省教育厅办公室 states none,
    # and the 252nd blind reader's near miss got 信息报送要…及时反映 (及时 says no time)
    a = Answerer(real_bot).ask("河南省教育廳要求各單位把通訊員基本信息在什麼時間之前報送?")
    assert a.refused, a.text


def test_real_what_a_speech_says_of_a_matter_is_no_wording_asked(real_bot: pipeline.Ragbot) -> None:
    """对控制开会有什么说法 asks what the speeches say of it, not for a formulation (`asks._ACCORDING`): the 251st
    blind reader got 篇11's 是市政府办公室带头“少开会”的具体体现 quoted; a formulation described still asks one."""
    assert kind("现在会开得太多了,讲话里对控制开会有什么说法?") == "fact"
    assert kind("形容办公室地位重要有什么说法？") == "wording"
    a = Answerer(real_bot).ask("现在会开得太多了,讲话里对控制开会有什么说法?")
    assert "控制会议活动数量" in fold(a.text), a.text
    assert "少开会" not in fold(a.text), a.text


def test_real_a_title_asked_for_needs_a_quoted_title(real_bot: pipeline.Ragbot) -> None:
    answerer = Answerer(real_bot)
    # 篇3 says 朱轩堂 will give a report, never its title (the seventeenth blind reader's near miss)
    assert answerer.ask("朱轩堂来给教育系统办公室主任作报告，报告的题目是什么？").refused
    # 有一句话说的好,“靠人管人得罪人…” quotes a saying, no title (`kinds.titled`: the 238th's near miss got it)
    assert answerer.ask("全市政府系统办公室主任会议上,市人社局交流发言的题目是什么?").refused
    # 001 says 将开展一系列主题鲜明、内容丰富的专题培训, naming no course (`kinds._TITLE`: the 250th's near miss got it)
    for q in ("党政办公室业务培训开班讲话中,这次培训具体安排了哪几个专题课程、由谁授课?", "这次培训安排了哪些专题课？"):
        assert answerer.ask(q).refused, q
    # 规范,就是要严格执行中办下发的《中国共产党机关公文处理条例》…: the clause with the title leads, from 规范
    a = answerer.ask("规范文电管理要严格执行中办下发的哪个文件？文件的名称是什么？")
    assert a.text.startswith("规范,就是要严格执行中办下发的《中国共产党机关公文处理条例》"), a.text


def test_real_asked_what_to_do_a_tally_of_work_done_does_not_answer(real_bot: pipeline.Ragbot) -> None:
    # 收到网民各方面留言5128条…回复率100% led the answer to what a reply must mind (the twentieth blind
    # reader's); the sentence saying how to reply is the answer
    a = Answerer(real_bot).ask("网民在书记留言板上发牢骚、说话很冲，我们回复的时候要注意些什么？")
    assert "5128" not in a.text, a.text
    assert "回复的语气一定要谦虚" in a.text, a.text
    # …nor does praise of work done (…等单位…回复及时,处置妥当,得到了民众的认可: the 242nd's led with it)
    a = Answerer(real_bot).ask("在網上回覆群眾的留言要注意什麼?")
    assert "認可" not in a.text, a.text
    assert "回復的語氣一定要謙虛" in a.text, a.text
    # …but 一个比较普遍的现象 is no tally: 媒体恐惧症 and what to do about it (the 59th's got three other lines)
    b = Answerer(real_bot).ask("有些幹部一見到記者就發怵、不知道怎麼說,講話裡認為該怎麼辦?")
    assert "媒體恐懼症" in b.sentences[0].text, b.text
    assert "敢於、樂於、善於與媒體打交道" in b.text, b.text


def test_real_which_three_of_a_quoted_word_leads_with_the_sentence_saying_three(real_bot: pipeline.Ragbot) -> None:
    # 哪三个"变" asks for three formulations opening with 变 (a list question, though nothing after 个 is a
    # noun): the sentence saying 变…为… three times leads, found among the eight best; before, it was a
    # fact question and 篇6's 主动服务少,被动服务多 led (the twenty-first blind reader's, dev q070)
    a = Answerer(real_bot).ask('讲话里说增强服务意识要实现哪三个"变"？')
    assert "变被动服务为主动服务,变滞后服务为超前服务,变一般服务为优质服务" in a.sentences[0].text, a.text


def test_real_what_a_speech_says_of_a_situation_comes_with_its_verdict(real_bot: pipeline.Ragbot) -> None:
    # 讲话里对这种情况怎么说 was answered with the situation alone (比如说一些同志吃苦受累…暂时没有得到提拔
    # 重用); the speech's word on it follows (the twenty-second blind reader's)
    for q in (
        "我在办公室吃苦受累好几年，一直没被提拔，心里不平衡，讲话里对这种情况怎么说？",
        "我在办公室干了好几年,活没少干,就是一直没被提拔,有点灰心,讲话里有没有针对这种情况的话?",  # the 33rd's
        # the 37th's: 对这种情况有什么说法 asks the speech's word on it, no formulation (it quoted the situation)
        "我在办公室干了好几年,一直挺卖力,同批的人提拔了我却没有,心里挺灰心。讲话里对这种情况有什么说法?",
        # the 38th's: 对我这种情况说的话
        "我在办公室干了好几年,吃苦受累也有成绩,可一直没提拔,有点泄气,领导讲话里有没有对我这种情况说的话?",
        "有的同志吃了很多苦、成绩也不错,但一直没被提拔,讲话人想对他们说什么?",  # the 59th's
        "有的同志吃苦受累多年没被提拔,讲话送给他们什么话?",  # the 60th's
        "在办公室干了好几年、吃了不少苦,却一直没提拔,心态上该怎么调整?",  # the 179th's (`context.advice_asked`)
    ):
        a = Answerer(real_bot).ask(q)
        assert "既要有勇气改变可以改变的事情" in a.text, a.text


def test_real_which_ways_are_the_innermost_list_holding_the_best_sentence(real_bot: pipeline.Ragbot) -> None:
    # 领到写材料的任务…给了哪些办法 got only 领受材料任务后,要多到网上找… (the fourth way's sentence; the
    # twenty-second blind reader's): the list holding it, 篇8's four ways of 写好文章, answers
    for q in (
        "我刚来办公室，领到写材料的任务却不知道怎么下笔，讲话里给了哪些办法？",
        "我被领导派去写材料,可是不知道怎么下笔,讲话里有什么实用建议?",  # the 24th reader's: two sentences
        "我被安排写一篇材料，但不太会写，讲话里给了什么办法？",  # the 29th's: 给了什么办法 asks which ways too
        # the 33rd's: 从哪里下笔 asks no place (it was refused as one); the list under the point quoting “不会写”
        '我接到写讲话稿的任务,完全不知道从哪里下笔,讲话里对"不会写"有什么建议?',
        "领导交给我写个材料,我拿着笔完全不知道从哪下手,讲话里有没有支招?",  # the 34th's: 支招 asks ways
        '我刚进办公室，领导让我写个材料，我完全不知道从哪下手，讲话里有没有教怎么解决"不会写"的？',  # 35th's
        # 不太会写 says 不会写 (`scaffold.unhedged`) and 怎么入手 asks how (`asks.LIST`): the 176th's got 篇8's
        # 领导意图 sentences, the 175th's 篇1's five directions
        "领导让我写一篇材料，可我不太会写，讲话里有没有教怎么入手？",
        "我刚来办公室，写材料不太会写，讲话里有什么具体的建议？",
        "我剛到辦公室,不太會寫材料,講話裡有沒有說怎麼入門?",  # 怎么入门 (the 177th's got 寫材料是…“臉面”)
        "我刚来,领导让我写材料,但我不太会写,有什么入门的办法?",  # 入门 is how it asks (the 179th's was refused)
        "领导老说我材料写不好,怎样才能学会写材料?",  # 怎样才能学会 asks ways (`compose._held`; the 180th's)
        # 不知道从哪儿下手, of a text to write, is 不会写 (`scaffold.unhedged`; the 191st's got 篇1's five directions)
        "我刚进办公室，领导让我写个材料，我完全不知道从哪儿下手，有什么办法？",
        "领导让我写材料,我总是不知道从哪下手,讲话里有没有教怎么写?",  # …and still asks how to start (the 210th's)
        "领导让我写一份材料,我不知道怎么下笔,讲话里有什么具体办法?",  # 不知道怎么下笔 too (the 212th's)
    ):
        a = Answerer(real_bot).ask(q)
        assert a.question == q, a.question  # shown as asked
        for way in ("充分掌握基本情况", "有必要的理论功底", "掌握一定的公文写作技巧", "临阵磨枪"):
            assert way in fold(a.text), a.text


def test_real_asked_what_is_required_of_a_situation_the_next_sentence_saying_what_to_do_follows(
    real_bot: pipeline.Ragbot,
) -> None:
    """…一碰到記者採訪就緊張…講話裡對這個問題怎麼要求 (the 192nd blind reader's) got 篇1's 媒體恐懼症 alone, then
    003's 事事有結果: 怎么要求 asks what the speech makes of the situation (`context.advice_asked`), and the sentence
    after one telling a situation, when it says what to do, follows it (`context.completed_after`)."""
    a = Answerer(real_bot).ask("很多幹部一碰到記者採訪就緊張、不知道怎麼說,講話裡對這個問題怎麼要求?")
    assert "媒體恐懼症" in a.sentences[0].text, a.text
    assert "敢於、樂於、善於與媒體打交道" in a.sentences[1].text, a.text


def test_real_advice_goes_on_in_the_next_sentence_holding_a_rare_word_of_the_question(
    real_bot: pipeline.Ragbot,
) -> None:
    # 篇3: …每当遇到这类情况,办公室主任要从维护班子的团结出发,…多做有利于团结的事。 The next sentence,
    # 不要煽风点火,…宁可自己受点委屈,也要消除领导之间的误会, holds the question's 误会: it follows
    # (the twenty-fourth blind reader's got two other speeches' sentences there instead)
    # The 33rd's question has no 误会: asked how to handle it, the advice goes on in a sentence saying what
    # not to do (不要…, 宁可…) all the same
    for q in (
        "辦公室主任夾在幾位領導中間,領導們看法不一樣甚至有誤會,講話建議主任怎麼處理?",
        "兩位領導對同一件事看法不一樣,我夾在中間很為難,講話裡建議辦公室主任怎麼處理?",
    ):
        a = Answerer(real_bot).ask(q)
        assert "從維護班子的團結出發" in a.sentences[0].text, a.text
        assert "寧可自己受點委屈,也要消除領導之間的誤會" in a.sentences[1].text, a.text
        assert a.sentences[1].citations == a.sentences[0].citations, a.text  # the same passage
        assert len(a.sentences) == 2, a.text  # and the answer: not 切忌只對領導講好話 from 篇2 after it (3e3b54c)


def test_real_a_sentence_speaking_of_a_bare_point_lead_ranks_with_its_words(real_bot: pipeline.Ragbot) -> None:
    # 002: 其三是信息员培训不到位。这就导致信息深度不够或利用价值不高等。 The consequence names neither 信息员 nor
    # 培训: it ranks with its lead's words (`context.lead_of`), ahead of 其四's …导致信息员敷衍应付
    for q in ("信息员培训不够会带来什么问题？", "資訊員培訓不到位會帶來什麼問題？"):
        a = Answerer(real_bot).ask(q)
        assert "导致信息深度不够" in fold(a.sentences[0].text), a.text


def test_real_a_denial_goes_on_in_what_holds_instead(real_bot: pipeline.Ragbot) -> None:
    # 篇10: 这并不是要求"齐步走",…不符合客观现实的。 The next sentence, 但是,必须要求最慢的单位也能…不能拖全省的
    # 后腿, says what is required instead (the 111th blind reader's answer stopped at the denial)
    a = Answerer(real_bot).ask("省里是不是要求大家齐步走？")
    assert "并不是要求" in a.sentences[0].text, a.text
    assert "不能拖全省的后腿" in a.sentences[1].text, a.text
    assert a.sentences[1].citations == a.sentences[0].citations, a.text


def test_real_asked_what_to_mind_the_advice_goes_on_in_what_not_to_do(real_bot: pipeline.Ragbot) -> None:
    # 篇8: 回复的语气一定要谦虚,…不要和网民辩论,… The next sentence, 不要重回复轻办理,要先办后复, says what not
    # to do: asked 要注意什么 it follows (the 34th blind reader's answer left it out). Not after a sentence
    # whose only 要 is in words it names (停留在"等、靠、要"的层面: dev q082's answer stays one sentence).
    a = Answerer(real_bot).ask("我负责回复网民在网上的留言，讲话里说回复的时候要注意什么？")
    assert "语气一定要谦虚" in a.sentences[0].text, a.text
    assert "要先办后复" in a.text, a.text


def test_real_which_quoted_kind_lists_the_points_naming_it(real_bot: pipeline.Ragbot) -> None:
    # 篇3, 第三,要在努力提高工作效率上狠下功夫: 一要严格要求,严中求快。…五要把握节奏,稳中求快。 哪几个“求快”
    # names the kind in quotes: the five points naming it, not the six 狠下功夫 sections (the 36th's)
    a = Answerer(real_bot).ask("陕西教育系统那篇讲话讲提高办公室工作效率，提出了哪几个“求快”？")
    for point in ("严中求快", "实中求快", "细中求快", "准中求快", "稳中求快"):
        assert point in a.text, a.text
    assert "狠下功夫" not in a.text, a.text


def test_real_not_long_ago_is_no_question_of_time(real_bot: pipeline.Ragbot) -> None:
    """没多久 / 没多长时间 tells how long the asker has been here, it does not ask how long: the 41st blind
    reader's 我刚来办公室没多久…被领导当面批评了…讲话里对这种事是怎么劝的？ was taken for a question of time
    and refused; the answer is 002's 领导批评人,并不是出于恶意."""
    question = "我刚来办公室没多久，前两天因为一件事没办好被领导当面批评了，心里挺委屈的。讲话里对这种事是怎么劝的？"
    assert kind(question) != "when"
    assert kind("信息最晚多久要报上去？") == "quantity"
    assert "并不是出于恶意" in Answerer(real_bot).ask(question).text
    # 幹了幾年 before a last clause asking 有没有 tells the situation too (the 41st reader's got 一年到頭忙忙碌碌…
    # as the tally a quantity wants); the answer says what the work gives (很能培養人、鍛鍊人)
    career = "我在辦公室幹了幾年，總覺得辛苦又沒人看見，講話裡說辦公室工作者將來有沒有出路？"
    assert kind(career) == "fact"
    assert "培養人、鍛鍊人" in Answerer(real_bot).ask(career).text


def test_real_which_blocks_of_work_asks_a_list(real_bot: pipeline.Ragbot) -> None:
    """哪几块 asks for points as 哪几方面 does (the 42nd blind reader's 哪几块工作上“再上新水平” was taken for a
    count and got two opening sentences): the six headings of 002's list."""
    question = "光山县政府系统办公室工作会议上,2011年要在哪几块工作上“再上新水平”?"
    assert kind(question) == "list"
    a = Answerer(real_bot).ask(question)
    for area in ("督查工作要再上新水平", "电子政务要再上新水平", "会务工作要再上新水平"):
        assert area in a.text, a.text


def test_real_which_blocks_of_a_list_whose_first_point_includes_a_run_are_all_its_points(
    real_bot: pipeline.Ragbot,
) -> None:
    """003's 五个方面的重点 open with 一是重大决策与部署,包括全委会、全体会、“两会”…; 哪几块 (what it includes)
    took that sentence for one naming the parts, and the 131st blind reader got 一是 alone. All five now."""
    (a,) = assert_leads(real_bot, ["市里那篇讲抓落实的讲话，说政府办公室要盯住的重点有哪几块？"], "五个方面的重点")
    for point in ("政府工作任务的分解与部门承诺", "临时性专项工作", "领导批示交办的事项"):
        assert point in a.text, a.text


def test_real_a_quantity_of_a_titled_publication_is_the_sentence_naming_that_title(real_bot: pipeline.Ragbot) -> None:
    """多少期《政府工作信息》: the title anchors (`quotes.anchors`), so the sentence naming it leads, not the one
    before it counting other publications in 期 (编发《光山政务督查》23期), which the 44th blind reader got first."""
    a = Answerer(real_bot).ask("光山县县政府办公室2010年编发了多少期《政府工作信息》？")
    assert "《政府工作信息》30期" in a.sentences[0].text, a.text
    assert "23期" not in a.text, a.text


def test_real_the_speechs_word_on_a_situation_follows_past_a_prohibition_other_instances_and_a_judgement(
    real_bot: pipeline.Ragbot,
) -> None:
    """The 44th and 45th blind readers' partial answers, each the situation or rule without what the speech
    goes on to say: 切忌只对领导讲好话 is followed by what to do instead (我们应…敢于和善于向领导讲真话), and
    nothing from another speech (the 45th's third sentence was 要善于在大势中把握住机遇);
    长期伏案对身体健康有影响 by its judgement (…不关心自己的身体是不行的, asked 对这个有什么说法: the speech's
    word, no formulation); 接到会议通知直接呈报… by what comes of it past the other instances of the series
    (有的…;甚至有的…。由于作风不实,致使情况不明)."""
    bot = Answerer(real_bot)  # the 44th's 我觉得…该不该说: on a VNNI CPU 篇11's 要把…聚焦点 leads by 0.003
    a = bot.ask(
        "办公室的同志发现领导决策有问题，是该直说还是只讲好话？"
    )  # 直说 asks for 讲真话 (`SAID_AS`): it may lead
    first_two = " ".join(s.text for s in a.sentences[:2])
    assert "切忌只对领导讲好话" in first_two, a.text
    assert "敢于和善于向领导讲真话" in first_two, a.text
    assert {s.citations for s in a.sentences} == {(1,)}, (
        a.text
    )  # the advice and where it goes on: nothing from elsewhere
    # 比较稳妥 is the verdict asked, not what about (`scaffold._JUDGED`): the 158th's ended with 篇3's 都要积极稳妥
    # a clause asking which is no claim (…应该在哪些方面加以改进和突破: the 198th's second sentence; `padding._WONDERED`)
    a = bot.ask("如果我覺得領導的某個決定可能有問題,作為辦公室人員應不應該提出來?")
    assert "敢於和善於向領導講真話" in a.sentences[0].text, a.text
    assert "哪些方面" not in a.text, a.text
    a = bot.ask("跟領導匯報的時候，是不是只揀好聽的說比較穩妥？講話裡是怎麼要求的？")
    assert "切忌只對領導講好話" in a.sentences[0].text, a.text
    assert "積極穩妥" not in a.text, a.text
    # a prohibition is not followed by a next sentence holding none of the question's words: 不要因知道的事情多一些,
    # 就到处发议论 by 要自觉抵制拜金主义…, another matter (the 148th's)
    a = bot.ask("領導開會討論時還沒拍板的事情，我們辦公室的人能不能跟外面的人講？")
    assert "不得传播" in fold(a.sentences[0].text), a.text
    assert "拜金主义" not in fold(a.text), a.text
    # 我能 is how it asks (`scaffold.SCAFFOLD`; weighed 6.67, the 160th's ended with 篇8's 你想干事、能干事…)
    a = bot.ask(
        "开会时听到领导讨论了但还没定下来的事情，我能跟同事说吗？"
    )  # 篇4's 初步决定 leads since 跟同事说 is 传播
    assert [s.text[:8] for s in a.sentences] == ["决不能随意传播会", "不得传播、泄露领"], a.text
    assert "能干事" not in fold(a.text), a.text
    # …nor by an announcement with its disclaimer (下面我讲两点意见,…最后以张县长讲的为准: the 185th's third sentence;
    # `padding._ANNOUNCEMENT`)
    a = bot.ask("开会时听到领导们在讨论、还没最后定下来的事，我能跟别人讲吗？")
    assert "不得传播" in fold(a.sentences[0].text), a.text
    assert "为准" not in fold(a.text), a.text
    # 跟同事或朋友講 is 传播 too, and the sentences saying it join the 三不 by that word, their cosine lower (the last
    # clause's speech words: `Writer.asked_as`): the 193rd's got 無條件服從領導 after the 三不
    a = bot.ask("我在領導身邊服務,開會時聽到的內容,回去能不能跟同事或朋友講?")
    assert "決不能隨意傳播" in a.text, a.text
    assert "不得傳播" in a.text, a.text
    assert "無條件服從" not in a.text, a.text
    # …nor by one holding only a word that weighs nothing (工作上防随意性: the 157th's, asked of 工作)
    a = bot.ask("我在领导身边做服务工作，平时听到的会议内容、领导讨论的意见，要注意些什么？")
    assert "不得传播" in fold(a.sentences[0].text), a.text
    assert "拜金主义" not in fold(a.text), a.text
    assert "不关心自己的身体是不行的" in bot.ask("整天伏案写东西，身体越来越差，讲话里对这个有什么说法？").text
    for q in (
        "收到上级发来的会议通知，我直接转给领导就算完事了吗？",
        "收到上级发来的会议通知，我直接原样转呈给领导，这样做行吗？",
    ):
        a = bot.ask(q)  # the second is the 47th's
        assert "接到会议通知直接呈报" in a.sentences[0].text, a.text
        assert "由于作风不实,致使情况不明" in a.text, a.text
    # 要注意什么 is a bare what-to-mind (`multi._HOW_AFTER`; the 201st's got 这个乡镇要注意,有的领导把会上的文件带到家…)
    a = bot.ask("鄉鎮接待市裡領導來調研，可以到邊界去迎接嗎？要注意什麼？")
    assert "不準在邊界迎候" in a.sentences[0].text, a.text
    assert "帶到家" not in a.text, a.text
    # 还需要做什么 is a bare what-to-do (`multi._HOW_AFTER`), not a part asking about 需要 (the 193rd's got point 一's
    # 对于因工作需要安排…临时性工作), and what to do is not the sentence said again
    a = bot.ask("收到上面发来的开会通知,我直接转给领导就行了吧?还需要做什么?")
    assert a.text.count("接到会议通知直接呈报") == 1, a.text
    assert "临时性工作" not in a.text, a.text


def test_real_an_announcement_of_what_the_speaker_will_say_is_no_answer(real_bot: pipeline.Ragbot) -> None:
    """篇4's 今天,借這個機會,我就辦公室工作提幾點意見與大家共勉 only announces (`padding`): the 51st blind
    reader got it as the answer's third sentence."""
    a = Answerer(real_bot).ask("我在領導身邊列席會議,聽到會上初步定下的事情,可以先跟同事講嗎?")
    assert "決不能隨意傳播會議的初步決定" in a.text, a.text
    assert "與大家共勉" not in a.text, a.text
    b = Answerer(real_bot).ask("如果我觉得领导班子的某个决定可能有问题，作为办公室的人该不该开口？讲话怎么说？")
    assert "第二个问题" not in b.text, b.text  # 篇1's 我讲办公室工作的第二个问题。 (the 66th's third sentence)
    c = Answerer(real_bot).ask("要是办公室工作没做好，上面定的政策会变成什么样？")  # the 106th's second sentence:
    assert "以下六个方面" not in c.text, c.text  # 002's 做好今年的办公室工作,就要在以下六个方面再上新水平
    assert c.text.startswith("如果办公室工作做不好,任何政策、决策都只是写在文件上"), c.text


def test_real_asked_what_a_figure_shows_the_sentence_after_it_says_the_point(real_bot: pipeline.Ragbot) -> None:
    """The 69th blind reader asked what 办公室好比一部机器 is meant to show and got the figure alone: the
    next sentence of its paragraph, which says it (要使…就必须建立一套科学的管理方式), comes second now."""
    a = Answerer(real_bot).ask("有篇讲话把办公室比作一台机器，是想说明什么道理、提出什么要求？")
    assert "办公室好比一部机器" in a.sentences[0].text, a.text
    assert "就必须建立一套科学的管理方式" in a.sentences[1].text, a.text
    b = Answerer(real_bot).ask("讲话里把办公室比成人身上的哪个器官？为什么这么比？")
    assert "就像人的大脑一样" in b.sentences[0].text, b.text
    assert "打乱仗" in b.sentences[1].text, b.text
    # what keeps the figure so, asked after it is given (the 82nd blind reader's got the figure alone)
    c = Answerer(real_bot).ask("民政系统那篇讲话把办公室比作一台机器，要让这台机器一直运转得好，需要靠什么？")
    assert "就必须建立一套科学的管理方式" in c.text, c.text


def test_real_asked_why_a_conclusion_comes_after_the_cause_it_draws_on(real_bot: pipeline.Ragbot) -> None:
    """The 69th blind reader asked why office staff hold small posts but carry great responsibility and got
    可以说,办公室干部是官不大、衙门不小 alone: the sentence it concludes from (…要害部门) comes first now."""
    a = Answerer(real_bot).ask("為什麼有人說在辦公室工作的人雖然職位不高，責任卻很大？講話是怎麼說的？")
    assert "機密程度要求很高的要害部門" in a.sentences[0].text, a.text
    assert "官不大、衙門不小" in a.sentences[1].text, a.text


def test_real_asked_why_a_sentence_opening_with_weici_comes_after_its_reason(real_bot: pipeline.Ragbot) -> None:
    """The 112th blind reader asked who approves an inspection and why, and got 为此,党委督查部门开展督查,必须归口
    …批准 alone: 为此 concludes from the sentence before (所谓慎用,…防止给基层增添负担), which comes first now."""
    a = Answerer(real_bot).ask("党委督查部门开展督查要经过谁批准？为什么？")
    assert "防止给基层增添负担" in a.sentences[0].text, a.text
    assert "秘书长(办公室主任)批准" in a.sentences[1].text, a.text


def test_real_a_cut_keeps_the_bodies_its_first_clause_is_said_of(real_bot: pipeline.Ragbot) -> None:
    """各省辖市…教育局,各高等学校、省属中等职业学校,厅机关各处室,厅直属各单位(学校)要至少明确1名通讯员: the
    161st blind reader's 各单位至少指定几名通讯员 got the last body alone (`cuts._subjects`)."""
    a = Answerer(real_bot).ask("河南教育系统那篇讲话要求各单位至少指定几名通讯员？")
    assert a.sentences[0].text.startswith("各省辖市、省直管试点县(市)、省重点扩权县(市)教育局,各高等学校"), a.text


def test_real_a_cut_from_the_case_a_sentence_singles_out_keeps_the_sentence(real_bot: pipeline.Ragbot) -> None:
    """The 69th blind reader got 该讲的话一定要讲,不能看着决策出偏差 without what it singles out a case of:
    敢于和善于向领导讲真话,特别是在一些重大问题上,… is said whole now."""
    a = Answerer(real_bot).ask("如果我覺得領導的決定可能有偏差，講話裡主張辦公室的人該怎麼做？")
    assert "敢於和善於向領導講真話,特別是在一些重大問題上" in a.sentences[0].text, a.text
    # what to heed is a run of requirements (要认真思考,站位要高,要从全局的角度…): the 158th's got the last alone; its
    # 这就要求 comes after the failing that calls for it (意见太空洞, which dev q069's reference answer leads with)
    b = Answerer(real_bot).ask("幫領導處理公文、寫擬辦意見的時候，要注意些什麼？")
    assert "要認真思考,站位要高,要從全局的角度思考並提出擬辦意見" in b.sentences[1].text, b.text
    assert "提的意見太空洞" in b.sentences[0].text, b.text


def test_real_a_list_under_the_heading_the_question_names_answers_it(real_bot: pipeline.Ragbot) -> None:
    """The 69th blind reader asked which shortcomings the training speech names and got its opening and the
    heading 二、检视工作不足 alone: the four points under that heading are the answer."""
    a = Answerer(real_bot).ask("党政办公室业务培训会的开班讲话里，检视全县办公室工作的不足，一共指出了哪几点？")
    for point in ("全局观念还不够强", "工作作风还不够实", "跟踪落实还不够紧", "学习劲头还不够足"):
        assert point in a.text, a.text
    # named by a word few passages say (检视), not by most of the question's words: the 95th got 002's three
    # problems (还存在着一些不容忽视的突出问题), announced by a best sentence, from a speech never saying 党政
    a = Answerer(real_bot).ask("讲话在检视不足时，指出全县党政办公室工作存在哪几方面的突出问题？")
    for point in ("全局观念还不够强", "工作作风还不够实", "跟踪落实还不够紧", "学习劲头还不够足"):
        assert point in a.text, a.text
    # 哪些主要不足: 主要 says which, not what about (`scaffold._CHIEFLY`); the 146th's got the training's aim and
    # audience, the list's heading holding 0.40 of the question's words with 主要 weighed
    a = Answerer(real_bot).ask("培训会开班讲话里，指出全县办公室工作目前存在哪些主要不足？")
    for point in ("全局观念还不够强", "工作作风还不够实", "跟踪落实还不够紧", "学习劲头还不够足"):
        assert point in a.text, a.text


def test_real_a_list_of_as_many_points_as_the_question_says_answers_it(real_bot: pipeline.Ragbot) -> None:
    """The 69th blind reader asked for the five points on working efficiency (分了五条，分别是什么) and got three
    sentences on efficiency from two other speeches: 篇3's 严中求快…稳中求快 has five, under its heading on it."""
    a = Answerer(real_bot).ask("有篇講話講提高辦公室工作效率，分了五條，分別是什麼？")
    for point in ("嚴中求快", "實中求快", "細中求快", "準中求快", "穩中求快"):
        assert point in a.text, a.text
    # 有一篇講話 says which speech, not what about: 一篇 weighed 5.6 and kept the list under LIST_MIN (the 96th's)
    b = Answerer(real_bot).ask("有一篇講話提到提高辦公室工作效率要在幾個方面「求快」,分別是哪幾個？")
    for point in ("嚴中求快", "實中求快", "細中求快", "準中求快", "穩中求快"):
        assert point in b.text, b.text


def test_real_an_abbreviation_asked_by_its_plain_words_is_found_and_answered(real_bot: pipeline.Ragbot) -> None:
    """The 69th blind reader asked where 网上办公系统 gets stuck and was refused: 哪些卡住的地方 read 卡住 as a
    thing no speech names, and 网上办公系统 never matched 篇11's OA系统 (`synonyms.speech_words`)."""
    a = Answerer(real_bot).ask("市政府辦公室推行網上辦公系統以後，講話指出用起來還有哪些卡住的地方？")
    assert "推行OA系統辦公" in a.sentences[0].text, a.text
    assert "最先一公里" in a.text, a.text
    assert "中間環節" in a.text, a.text


def test_real_the_speechs_view_asked_of_a_sentence_setting_up_a_series_is_the_series(real_bot: pipeline.Ragbot) -> None:
    """怎么看这个问题 asks the speech's view (`context.advice_asked`): after 推行OA系统…但我也在关注其运行状况, the
    series it sets up (最先一公里…最后一公里…中间环节), as for a list question (`around.series_after`). The 205th blind
    reader's got a sentence on 拟办意见: OA, lowercased as a token, never counted as said (`asks.coverage`)."""
    a = Answerer(real_bot).ask("单位上了OA系统，大家用得不好，讲话里怎么看？")
    assert "推行OA系统办公" in a.sentences[0].text, a.text
    for clause in ("最先一公里", "最后一公里", "中间环节"):
        assert clause in a.text, a.text


def test_real_a_quoted_description_of_ones_own_is_no_unknown_formulation(real_bot: pipeline.Ragbot) -> None:
    """The 69th blind reader put their own words in quotes (“懂得多”和“有专长”) and was refused, since no speech
    says 专长: what someone has (有…) is a description, not the name of a formulation (`lexical.unknown_quotes`)."""
    a = Answerer(real_bot).ask('领导说办公室干部什么都得懂一点，这到底是夸还是批评？"懂得多"和"有专长"应该怎么结合？')
    assert "专才" in a.text, a.text


def test_real_a_formulation_asked_of_a_named_speech_is_quoted_from_it(real_bot: pipeline.Ragbot) -> None:
    """The 70th blind reader asked what the training speech wants the office to be (one figure of the front,
    one of the rear) and got 坚强前哨…巩固后院 quoted from 篇1, which says it too: the speech named is quoted."""
    a = Answerer(real_bot).ask("培训开班讲话希望把办公室建成党委、政府的什么?有一个说前方、一个说后方的比喻。")
    assert "坚强前哨" in a.text, a.text
    assert all(c.file.startswith("001_") for c in a.citations), a.text


def test_real_whoever_wants_to_asks_no_who(real_bot: pipeline.Ragbot) -> None:
    """以后哪个单位想用县政府的名义发文,能不能… puts a case (`asks._WHOEVER`): the 72nd blind reader was refused
    for want of a sentence naming a body that does it; the procedure is the answer."""
    a = Answerer(real_bot).ask(
        "光山县那篇讲话里说,以后哪个单位想用县政府的名义发文,能不能把稿子直接拿给县长或者分管副县长看?应该走什么流程?"
    )
    assert "由主任和县政府分管领导签出意见后再报县长审签" in a.text, a.text
    assert kind("以后哪个单位想用县政府的名义发文,能不能直接送?") == "fact"
    assert kind("哪个单位想请假，要找谁批？") == "who"


def test_real_a_figure_asked_of_a_named_speech_is_not_its_naming_words(real_bot: pipeline.Ragbot) -> None:
    """The 72nd blind reader asked what the 抓落实 speech likens offices to and got sentences holding 改进作风
    and 抓落实, the words naming the speech; its 这“一根针”,其实就是各级办公室 is in the answer now."""
    a = Answerer(real_bot).ask(
        "讲改进作风和抓落实的那篇讲话里,讲话人拿什么东西来比喻基层各级办公室?这个比喻是什么意思?"
    )
    assert "其实就是各级办公室" in a.text, a.text
    assert "主要任务是研究改进作风和抓落实问题" not in a.text, a.text


def test_real_pointed_out_is_how_a_question_asks(real_bot: pipeline.Ragbot) -> None:
    """点出了…不足 asks as 指出 does (`scaffold.SCAFFOLD`): 点出, weighing most of the question, kept 二、检视工作不足
    under HEADED of its words, and the 73rd blind reader got the training's purpose instead of its four points."""
    a = Answerer(real_bot).ask("县里这次党政办公室业务培训开班讲话里,领导点出了办公室工作存在的几个不足,分别是哪几条?")
    for point in ("全局观念还不够强", "工作作风还不够实", "跟踪落实还不够紧", "学习劲头还不够足"):
        assert point in a.text, a.text
    # 点出来的 by 领导 (who said it: `scaffold._POINTED_OUT`, `_SAID_OUT`): 出来 and 领导 weighed most of the
    # 136th blind reader's question, and it got the training's purpose
    b = Answerer(real_bot).ask("县里党政办公室培训会上，领导点出来的办公室工作问题有哪几个？")
    for point in ("全局观念还不够强", "工作作风还不够实", "跟踪落实还不够紧", "学习劲头还不够足"):
        assert point in b.text, b.text
    # 讲话里点名批评了哪些做法: what the speech did (`scaffold._SPEECH_ACTS`), not 篇8's 整改达不到要求的,要通报批评
    # after 002's practices (the 150th's)
    c = Answerer(real_bot).ask("往政府信息公开网上发东西，讲话里点名批评了哪些不对的做法？")
    assert "新闻性信息" in c.sentences[0].text, c.text
    assert "通报批评" not in fold(c.text), c.text


def test_real_a_category_is_a_point_naming_a_fault(real_bot: pipeline.Ragbot) -> None:
    """怎么评价 a practice filed under a broad point (办公室及其工作人员代表着政府的形象) gets no 讲话把它归入 lead: the
    74th blind reader read it as a claim the speech does not make; the sentence with its verdict is the answer."""
    a = Answerer(real_bot).ask("有的县区和部门领导批示交下去以后,催了好几次都不回个话,讲话怎么评价这种做法?")
    assert "这首先是不守纪律、不守规矩的表现" in a.sentences[0].text, a.text
    assert "归入" not in a.text, a.text
    b = Answerer(real_bot).ask("有的单位开会前准备得很充分，散会后就没人管了，讲话把这归为什么毛病？")
    assert "讲话把它归入：" in b.text, b.text  # a point naming a fault is kept
    assert "跟踪落实还不够紧" in b.text, b.text
    # asked what comes of it, the verdict follows the sentence telling the cases, though a case told found that
    # same sentence again (the 88th's got no 后果)
    c = Answerer(real_bot).ask("收到会议通知原样上交、批示照转、不问落实，讲话把这归为什么问题？会造成什么后果？")
    assert "工作作风还不够实" in c.text, c.text
    assert c.sentences[-1].text == "由于作风不实,致使情况不明,最后工作被动。", c.text


def test_real_a_tenure_named_before_a_body_narrows_to_no_speech(real_bot: pipeline.Ragbot) -> None:
    """新任县委办主任 names who spoke, not a place: read as one (新任 before 县委), it kept only the speeches saying
    新任, and the 89th blind reader's 哪五个方面的问题 got 篇7 instead of 篇4's five 不够."""
    a = Answerer(real_bot).ask("新任縣委辦主任指出當前辦公室工作存在哪五個方面的問題?")
    for point in ("工作激情不夠", "主動學習不夠", "工作效率不夠", "工作質量不夠", "責任落實不夠"):
        assert point in a.text, a.text


def test_real_a_points_marker_is_left_out_where_its_list_is_not_shown(real_bot: pipeline.Ragbot) -> None:
    """五是领导批示交办的事项… answered alone leads without its 五是 (`structure.unmarked`; the 283rd blind reader: a
    leftover list marker reads awkwardly); 二是… after the sentence saying 一是 keeps it (the next test)."""
    a = Answerer(real_bot).ask("领导临时交给我一件特别急的事,按讲话的要求我应该怎么处理、办完后要做什么?")
    assert a.sentences[0].text.startswith("领导批示交办的事项,往往是一些急事、难事"), a.text


def test_real_a_sentence_announcing_points_is_followed_by_its_later_points(real_bot: pipeline.Ragbot) -> None:
    """最大的体会有两点:一是… is one sentence and 二是… the next: the 89th blind reader got the first point alone."""
    a = Answerer(real_bot).ask("作这次讲话的领导到办公室工作多长时间了?他说最大的体会是什么?")
    assert "三个多月" in a.sentences[0].text, a.text
    assert a.sentences[1].text.startswith("二是各级政府办公室都有一支高素质的干部队伍"), a.text


def test_real_asked_for_the_worst_of_something_the_speechs_own_superlative_answers(real_bot: pipeline.Ragbot) -> None:
    """最糟糕的情况 is said nowhere; 最严重的是… says it (the 90th blind reader got the other points' faults),
    first (the 91st's got 最典型的就是… before it)."""
    a = Answerer(real_bot).ask("培训讲话批评有的干部学习不够,说最糟糕的情况是什么?")
    assert a.text.startswith("最严重的是有的提法已经过时了,还要往文件里写"), a.text


def test_real_asked_what_a_failing_looks_like_the_point_holding_the_best_sentence_answers(
    real_bot: pipeline.Ragbot,
) -> None:
    """作风不实…具体是些什么表现: the best sentence is 二是工作作风还不够实's last, 由于作风不实,致使情况不明; its
    point's own sentences, the behaviours, answer (the 91st blind reader got that conclusion alone)."""
    for q in ("培训讲话批评办公室干部作风不实，具体是些什么表现？", "培训会讲话批评有的同志干活不实在，具体指什么？"):
        a = Answerer(real_bot).ask(q)  # 具体指什么 too: the 161st's got 由于作风不实…
        for said in ("甘当机械式搬运工", "接到会议通知直接呈报", "一问三不知", "甩手掌柜"):
            assert said in a.text, a.text
    assert "四快" in Answerer(real_bot).ask("信息报送要做到的“四快”具体指什么？").sentences[0].text  # the wording


def test_real_asked_what_a_failing_looks_like_the_point_is_said_from_its_first_sentence_on_the_matter(
    real_bot: pipeline.Ragbot,
) -> None:
    """单位临时安排了任务,有的同志是什么表现 (the 115th blind reader's) began with 001's 我们常讲,党政机关首先是
    政治机关…, the point's opening, which says nothing of it; the point's sentences now start at 对于因工作需要
    安排…临时性工作,不愿"接招"."""
    a = Answerer(real_bot).ask("单位临时安排了任务,有的同志是什么表现")
    assert a.text.startswith("对于因工作需要安排不属于自己分管或联系的临时性工作"), a.text
    assert "能推则推" in a.text, a.text


def test_real_a_best_sentence_saying_what_is_asked_outdoes_a_list_that_does_not(real_bot: pipeline.Ragbot) -> None:
    """乡镇接待市领导来调研有什么要求 (the 92nd blind reader's) got the three needs listed under 调研工作…的基本
    要求: the sentence saying 接待市级领导的调研 answers, not a list that never says 接待."""
    a = Answerer(real_bot).ask("鄉鎮接待市領導來調研,有什麼要求?")
    assert a.text.startswith("各鄉鎮接待市級領導的調研視察活動,一定要輕車簡從"), a.text
    assert "文稿服務的需要" not in a.text, a.text


@pytest.mark.parametrize(
    "question",
    [
        "辦公室的人是不是只要對領導說好話就行？",  # the 93rd's
        "在辦公室工作，是不是只要跟領導說好聽的就行？",  # the 99th's
        "在辦公室做事，是不是只要對領導說好聽的話就可以了？",  # the 104th's
    ],
)
def test_real_a_one_sentence_prohibition_is_followed_by_what_to_do_instead(
    real_bot: pipeline.Ragbot, question: str
) -> None:
    """是不是只要对领导说好话就行 (the 93rd blind reader's) got 切忌只对领导讲好话 alone: the next sentence says what
    to do instead (敢于和善于向领导讲真话), second. 是不是只要…就行 asks whether it suffices: 只要 is no word of
    what is asked (the 99th's led with 篇8's 只要真心实意为领导服务), nor 可以 of 就可以了, and 在辦公室做事 says where
    the asker works, not 做事 (the 104th's led with 篇11's 做事顧大局)."""
    a = Answerer(real_bot).ask(question)
    assert a.text.startswith("辦公室主任、在辦公室工作的同志,切忌只對領導講好話"), a.text
    assert "敢於和善於向領導講真話" in a.sentences[1].text, a.text


def test_real_a_rule_keeps_the_clause_naming_what_it_is_for(real_bot: pipeline.Ragbot) -> None:
    """对反映多个问题的信访件,要对反映的问题逐一调查: the cut began at 要…逐一调查 (dev q473, the 98th blind reader's
    信访 question): without what it is for, the rule says less than asked."""
    a = Answerer(real_bot).ask("群众来信同时举报了好几件事，该怎么调查？")
    assert a.sentences[0].text.startswith("对反映多个问题的信访件,要对反映的问题逐一调查"), a.text


def test_real_a_prohibition_in_a_case_singled_out_keeps_the_whole_sentence(real_bot: pipeline.Ragbot) -> None:
    """领导的决策可能要出偏差…应该怎么做 (the 97th blind reader's) got 不能看着决策出偏差,以致… alone: the cut opened at
    the prohibition, two clauses after 特别是在一些重大问题上; the case singled out is the whole sentence
    (敢于和善于向领导讲真话…该讲的话一定要讲)."""
    a = Answerer(real_bot).ask("如果办公室的人发现领导的决策可能要出偏差，讲话认为应该怎么做？")
    assert "敢于和善于向领导讲真话" in a.sentences[0].text, a.text


@pytest.mark.parametrize(
    "question", ["为什么要把抓落实作为办公室一切工作的核心？", "為什麼說抓落實是辦公室工作的核心？"]
)
def test_real_a_maxim_given_as_the_reason_comes_with_the_quotation_bearing_it_out(
    real_bot: pipeline.Ragbot, question: str
) -> None:
    """因为为政之道,贵在落实 is followed by 习近平总书记's words saying so (`around.quoted_after`); three blind readers
    (the 93rd, 98th, 100th) got the maxim alone. The quotation holds a 。 of its own: it is one sentence
    (`structure.sentence_pieces`), said whole, up to 镜中花、水中月”."""
    a = Answerer(real_bot).ask(question)
    texts = [s.text for s in a.sentences if s.citations]
    at = next(i for i, t in enumerate(texts) if "政之道" in t)
    assert "反覆強調的" in texts[at + 1] or "反复强调的" in texts[at + 1], a.text
    assert "水中月”" in texts[at + 1], a.text


def test_real_a_speech_named_by_its_work_is_no_person_s_talk(real_bot: pipeline.Ragbot) -> None:
    """修志工作的那篇讲话 read 修志工 as a person and 作的…讲话 as the talk they gave, which no text holds: the 101st
    blind reader's question on why 修志人员 should mind their health was refused (`who.unattributed`)."""
    a = Answerer(real_bot).ask("省里讲修志工作的那篇讲话，为什么特别提到修志人员要注意身体？")
    assert not a.refused, a.text
    assert "身體" in a.sentences[0].text or "身体" in a.sentences[0].text, a.text


def test_real_a_list_under_the_point_a_question_quotes_answers_which_kinds(real_bot: pipeline.Ragbot) -> None:
    """讲“健全机制抓落实”时…哪几项制度: the quote voids the kind asked (`quotes.kind_asked`), so 003's 一是综合考核制度…
    under 第三,要健全机制抓落实 lost to 篇2's 首先…其次…再次 (the 102nd blind reader's); a list under a point the
    question quotes now answers in any words (`points.held_by`)."""
    a = Answerer(real_bot).ask('讲"健全机制抓落实"时,提到要建立健全哪几项制度?')
    assert all(p in a.text for p in ("综合考核制度", "督查问责制度", "请示报告制度", "典型通报制度")), a.text


def test_real_a_point_s_lead_is_not_said_after_its_own_sentence(real_bot: pipeline.Ragbot) -> None:
    """篇8's 三是做好重要紧急信息和突发事件的报告。 leads the point whose sentence answers first; the 110th blind
    reader got it again as the answer's third sentence, a bare heading (`context.lead_of_said`)."""
    a = Answerer(real_bot).ask("万一出了重大突发事件,我们报告晚了或漏报了,会怎么样?")
    assert a.sentences[0].text.startswith("重大突发事件一旦发生"), a.text
    assert not any(s.text.startswith("三是") for s in a.sentences), a.text
    # a lead naming qualities says them: held-out q210 keeps 三是接待服務要注重人性化、人情化、人文化
    b = Answerer(real_bot).ask("接待工作怎樣才算做得好？幾篇講話各有什麼說法？")
    assert "人性化、人情化、人文化" in b.text, b.text
    # …unless a later sentence of its point is said: 篇6's 五是督查工作,要跟踪问效… after its 不能只靠打电话… (the 151st's)
    c = Answerer(real_bot).ask("做督查的时候，光打个电话问问、让下面交个材料行不行？讲话怎么要求的？")
    assert c.sentences[0].text.startswith("不能只靠打电话"), c.text
    assert "五是督查工作" not in fold(c.text), c.text


def test_real_what_comes_of_failing_is_said_after_the_duty(real_bot: pipeline.Ragbot) -> None:
    """报告晚了或漏报了会怎么样: 002's duty to report is followed by what is done to those who report late or not
    at all (对出现迟报、漏报、瞒报的,将严肃追究…), which the 110th blind reader found only in the excerpt."""
    a = Answerer(real_bot).ask("万一出了重大突发事件,我们报告晚了或漏报了,会怎么样?")
    assert "对出现迟报、漏报、瞒报的,将严肃追究有关责任人员的责任" in a.text, a.text


@pytest.mark.parametrize(
    "question",
    [
        "縣政府用網路發下來的文件，如果我們收到後拖著沒處理，出了事會怎樣？",
        "县里网上传下来的文件收到后拖着没处理,出了事会怎么样?",
    ],
)
def test_real_asked_what_comes_of_a_mishap_the_sanction_answers_first(real_bot: pipeline.Ragbot, question: str) -> None:
    """出了事会怎样 asks what is done to those in charge (`meanings.stated_as_asked`): 002's 凡接收信息后处理不及时,
    造成严重后果的,将追究相关责任人的责任 leads; the 126th blind reader got 003's 文件不能发 first and it third."""
    a = Answerer(real_bot).ask(question)
    assert "将追究相关责任人的责任" in fold(a.sentences[0].text), a.text


@pytest.mark.parametrize(
    ("question", "points"),
    [
        ("县委办主任那篇讲话里，要大家加强的意识一共有几种，分别是什么？", ("政治意识", "学习意识", "效能意识")),
        ("縣委辦主任那篇講話裡，要大家加強的意識一共有幾種，分別是什麼？", ("政治意识", "学习意识", "效能意识")),
        ("雲南教育廳那篇講話說辦公室現在面對的形勢有哪幾個方面？", ("更严格的要求", "更繁重的任务", "更实际的困难")),
        ("云南那篇讲话说办公室现在面对的形势有哪几个方面？", ("更严格的要求", "更繁重的任务", "更实际的困难")),
    ],
)
def test_real_a_list_asked_in_a_word_the_speech_says_alike_is_said_point_by_point(
    real_bot: pipeline.Ragbot, question: str, points: tuple[str, ...]
) -> None:
    """篇4 asks to 强化“七种意识”, 篇1 lists what the office 面临; the 122nd blind reader asked 加强 and 面对 and got
    a sentence on 责任 and a summing-up without the four (`synonyms.ALIKE`, read by `asks.coverage`)."""
    a = Answerer(real_bot).ask(question)
    said = fold(a.text)
    assert all(p in said for p in points), a.text


def test_real_a_rule_of_its_own_is_not_cut_under_the_prohibition_before_it(real_bot: pipeline.Ragbot) -> None:
    """篇6's …必须及时分送,不准积压,对其它单位违反程序上报的公文一律退回: 对…一律退回 is a rule of its own
    (`cuts._OWN_RULE`), not in the scope of 不准积压, which the 138th blind reader's answer opened with."""
    a = Answerer(real_bot).ask("别的单位不按程序报上来的公文，办公室该怎么处理？")
    assert a.text.startswith("对其它单位违反程序上报的公文一律退回"), a.text
    # …不要顾及情面。 is not followed by 对以县政府文件印发的文字材料,要认真审核…, another thing it is about (the 141st's;
    # `context._ANOTHER`)
    a = Answerer(real_bot).ask("别的单位不按程序报上来的公文，我们收到后该怎么处理？")
    assert a.text.startswith("对其它单位违反程序上报的公文一律退回"), a.text
    assert "文字差错率" not in a.text, a.text


def test_real_what_comes_of_a_case_is_led_by_the_sentence_putting_it(real_bot: pipeline.Ragbot) -> None:
    """如果不追究责任…会怎么样 puts the case 003 puts as 光督查不追责 (`asks.IF`; 追责 is 追究责任 said short,
    `asks.short_form`): the 142nd blind reader's led with 篇12's 所谓敢用,…责任不追究不放过, the opposite case."""
    a = Answerer(real_bot).ask("我们督查出了问题，如果不追究责任，讲话里认为会怎么样？为什么？")
    assert "光督查不追责" in a.sentences[0].text, a.text


def test_real_a_clause_saying_besides_what_stays_with_the_clause_it_adds_to(real_bot: pipeline.Ragbot) -> None:
    """002's 今后办公室选人,除了政治上过硬以外,主要就是两条,…: 主要就是两条 counts after 除了…以外 (`cuts._BESIDES`);
    the 140th blind reader's answer opened with 主要就是两条 and lost 政治上过硬. It numbers both points it announces:
    nothing follows (`structure.counted_in_full`; the 146th's got 篇2's 一定要做思想者 after)."""
    a = Answerer(real_bot).ask("以后办公室挑人进来，主要看重哪些条件？")
    assert "除了政治上过硬以外,主要就是两条" in a.sentences[0].text, a.text
    assert len(a.sentences) == 1, a.text


def test_real_one_point_asked_of_among_a_speechs_points_is_said_with_its_own_list(real_bot: pipeline.Ragbot) -> None:
    """聽說有篇講話…怎樣提高辦事效率…哪幾條要求 asks 篇3's 第三,要在努力提高工作效率上狠下功夫 (its 一要…五要 求快), one
    of six 狠下功夫: 要求, which names what every point is, does not count as a word the other points share
    (`terms.topical`), and 听说 is how the question asks (`scaffold.SCAFFOLD`); the 139th blind reader's got 篇2's
    辦公室的工作要充分利用電腦…提高辦事效率."""
    a = Answerer(real_bot).ask("聽說有篇講話專門講了辦公室怎樣提高辦事效率，具體提了哪幾條要求？")
    for point in ("嚴中求快", "實中求快", "細中求快", "準中求快", "穩中求快"):
        assert point in a.text, a.text
    assert "狠下功夫" not in a.text, a.text
    # the point named by what it quotes (不会写, of 要著力解决好“不愿写”、“不会写”的问题), its own four ways
    # (`gaps.names_part`; the 150th's got the 不愿写 point first and only 一要充分掌握基本情况 of the four)
    a = Answerer(real_bot).ask("材料不会写，讲话里给了哪几条具体办法？")
    for point in ("充分掌握基本情况", "理论功底", "公文写作技巧", "临阵磨枪"):
        assert point in fold(a.text), a.text
    assert "不愿写" not in fold(a.text), a.text


def test_real_a_meeting_asked_at_is_no_matter_the_list_must_be_on(real_bot: pipeline.Ragbot) -> None:
    """在內部會上要大家加強哪幾種意識 (the 163rd blind reader's) names where it was said, not a matter the list must be on
    (`asks.aspect_asked`): read as one, the seven 意識 lost their bonus and 內部機制不斷完善 led."""
    a = Answerer(real_bot).ask("縣委辦主任在內部會上要大家加強哪幾種意識？")
    for asked in ("政治意識", "學習意識", "大局意識", "責任意識", "創新意識", "規範意識", "效能意識"):
        assert asked in a.text, a.text
    assert "內部機制" not in a.text, a.text


def test_real_a_second_part_asking_only_which_points_is_answered_by_the_first_s_list(real_bot: pipeline.Ragbot) -> None:
    """怎樣提高辦公室的工作效率？講話裡分成了哪幾點？ (the 164th blind reader's): 分成 is how the speech is laid out
    (`scaffold.scaffolding`; it weighed 6.67 as Cilin's 分为 and the answer was 篇2's 信息報送…), and the bare second
    part asks the first part's points, so nothing is added after them (`multi.second_part`: 辦公室工作的程式性…
    這是提高效率的前提 followed 穩中求快)."""
    for q in ("怎樣提高辦公室的工作效率？講話裡分成了哪幾點？", "怎样提高办公室的工作效率？讲话里提了哪几点？"):
        a = Answerer(real_bot).ask(q)
        assert fold(a.text).count("中求快") == 5, a.text
        assert re.fullmatch(r"5\. \S+求快。\[\d\]", a.text.split("\n")[5]), a.text  # the last point ends it


@pytest.mark.parametrize(
    "question",
    [
        # 教育系统 is said in 篇3's title only, and the list was weighed without it (`compose._outdone`): the 173rd's
        # got 不断提高协调能力和工作效率,开创全省教育系统办公室工作的新局面
        "教育系統辦公室要提高工作效率，講話提出了哪幾條要求？",
        # 又快又好 asks 效率 (`synonyms.SAID_AS`): the 161st's got 篇4's 為全縣經濟社會又好又快發展…
        "辦公室怎樣才能把事情辦得又快又好？有篇講話分了幾點講，都是哪幾點？",
        # a heading is weighed under its speech's title (`retrieve.headed`): the 174th's got 篇2's 敢於創新
        "教育系統辦公室主任會議上講到提高辦公室工作效率，提出了哪幾條要求？",
    ],
)
def test_real_the_five_ways_to_work_faster_are_listed_however_asked(real_bot: pipeline.Ragbot, question: str) -> None:
    a = Answerer(real_bot).ask(question)
    assert fold(a.text).count("中求快") == 5, a.text


def test_real_a_one_sentence_answer_is_followed_by_what_defines_its_terms(real_bot: pipeline.Ragbot) -> None:
    """督查权应该怎么用 (the 164th blind reader's) got 党委办公室的督查权…既要敢用,又要慎用。 alone: the sentences
    right after it define both terms (所谓敢用,就是… 所谓慎用,就是…) and say how (`around.defined_after`)."""
    a = Answerer(real_bot).ask("党委办公室手里的督查权应该怎么用，有什么讲究？")
    assert [fold(s.text)[:7] for s in a.sentences] == ["党委办公室的督", "所谓敢用,就是", "所谓慎用,就是"], a.text
    # asked about one of the terms, its definition alone (the 171st's got 所谓敢用,… before 所谓慎用,…)
    b = Answerer(real_bot).ask('党委办公室的督查权为什么要"慎用"？慎用具体指什么？')
    assert [fold(s.text)[:7] for s in b.sentences] == ["党委办公室的督", "所谓慎用,就是"], b.text


def test_real_why_people_say_it_is_answered_by_the_reason_stated(real_bot: pipeline.Ragbot) -> None:
    """为什么人们常说办公室容易出人才 (the 163rd blind reader's) asks on what grounds, as 为什么说 does
    (`meanings.stated_as_asked`): 篇8's 过去说办公室出人才,一个重要原因是… leads, not 002's 这些工作做多了…容易使人
    产生思维定势, which shares 容易 and led."""
    a = Answerer(real_bot).ask("为什么人们常说办公室容易出人才？")
    assert fold(a.sentences[0].text).startswith("过去说办公室出人才,一个重要原因是"), a.text
    assert "思维定势" not in fold(a.text), a.text


def test_real_a_how_answer_keeps_the_run_of_clauses_saying_what_to_do(real_bot: pipeline.Ragbot) -> None:
    """拟办意见老被说太空…应该怎么改进 (the 163rd blind reader's) got 要从全局的角度思考并提出拟办意见 alone: the cut
    starts at the first of the clauses saying what must be done (`cuts._run_start`), as a list question's does."""
    a = Answerer(real_bot).ask("我给领导呈文件时写的拟办意见老被说太空、领导不采纳，应该怎么改进？")
    assert "要认真思考,站位要高,要从全局的角度思考并提出拟办意见" in fold(a.text), a.text


def test_real_work_nobody_will_take_is_the_speechs_三不管(real_bot: pipeline.Ragbot) -> None:
    """碰到职责里没写、谁都不愿意管的活儿 (the 163rd blind reader's) was refused: 谁都 made it a who question
    (`asks.kind`), 活儿 weighed as Cilin's 生活 (`scaffold.SCAFFOLD`), and no word led to 篇1's “三不管”的硬骨头
    (`synonyms.SAID_AS`). 职责里没写 is 篇1's 在三定方案的职能中没有 too: that situation, then what to do."""
    a = Answerer(real_bot).ask("碰到那种职责里没写、谁都不愿意管的活儿，办公室该怎么对待？")
    assert "三不管" in "".join(s.text for s in a.sentences[:2]), a.text
    assert "先接着、先接住" in fold("".join(s.text for s in a.sentences[:2])), a.text
    # 哪个部门的职责里都没写 asks no body, 互相推 is 推诿 (the 183rd's got 003's 办公室有三大职能)
    a = Answerer(real_bot).ask("有些新冒出來的工作,哪個部門的職責裡都沒寫,大家互相推,辦公室該拿什麼態度?")
    assert "先接著、先接住" in a.text, a.text
    # 都不愿意管 without 谁 (the 280th's got 001's 甘当机械式搬运工)
    a = Answerer(real_bot).ask("遇到幾個部門都不願意管、互相推的活兒,辦公室應該怎麼辦?")
    assert "先接著、先接住" in a.text, a.text
    # 办公室得先接着 says what to do (`context._MODAL`): the 203rd's got 部门相互推诿扯皮,谁也不想沾染 alone
    a = Answerer(real_bot).ask("有些新工作哪个部门都不愿意管、推来推去，最后落到办公室，我们该怎么对待？")
    assert "先接着、先接住" in a.text, a.text
    assert "三大職能" not in a.text, a.text
    # 几个部门 tells the situation, 该怎么对待 asks (`asks.asking`): the 212th's was refused as a count of 部门
    a = Answerer(real_bot).ask("有件新工作几个部门都不愿意管、互相推,办公室该怎么对待?")
    assert "先接着、先接住" in a.text, a.text


def test_real_which_kinds_of_matter_asked_as_几类_is_the_list_of_them(real_bot: pipeline.Ragbot) -> None:
    """要重点盯住哪几类事情 (the 165th blind reader's) weighed 几类 6.67, which no list says (`scaffold.SCAFFOLD`):
    003's 五个方面的重点 scored under LIST_MIN and 篇1's 要迅速干、马上干 answered."""
    a = Answerer(real_bot).ask("政府办公室抓落实，讲话认为要重点盯住哪几类事情？")
    for point in ("重大决策与部署", "政府工作任务的分解与部门承诺", "临时性专项工作", "领导批示交办的事项"):
        assert point in a.text, a.text


def test_real_in_which_ways_to_do_what_the_points_say(real_bot: pipeline.Ragbot) -> None:
    """從哪幾方面來求快 (the 166th blind reader's) asks the points saying 求快 (`quotes.kind_asked`), as 哪几方面“求快”
    does: it got 這是提高效率的前提 alone."""
    a = Answerer(real_bot).ask("講話裡說辦公室要提高效率，但快要有前提，具體從哪幾方面來求快？")
    assert fold(a.text).count("中求快") == 5, a.text


def test_real_which_areas_asked_as_哪几块_is_the_list_announced_in_areas(real_bot: pipeline.Ragbot) -> None:
    """今年要重点提升哪几块工作 (the 166th blind reader's) asks in which areas (`compose._asked_in_parts`), as 在哪些方面
    does: 002's 就要在以下六个方面再上新水平 answers in any words; it got 2010's figures of 电子政务."""
    a = Answerer(real_bot).ask("光山县那次政府系统办公室会议，今年要重点提升哪几块工作？")
    for area in ("督查工作", "信息工作", "文字工作", "电子政务", "协调工作", "会务工作"):
        assert f"{area}要再上新水平" in a.text, a.text


def test_real_which_parts_a_report_includes_is_the_sentence_naming_them(real_bot: pipeline.Ragbot) -> None:
    """查处报告应该包括哪几个部分 (the 167th blind reader's) asks what it includes (`asks.includes_asked`), as 包括哪些
    does: 信访问题的查处报告应包括基本情况、…、见面情况四个方面 leads (`inline.inline`), not 严格按照行文规范上报查处报告."""
    a = Answerer(real_bot).ask("写信访件的查处报告，应该包括哪几个部分？")
    assert "应包括基本情况、反映的问题及调查情况、处理情况、见面情况" in a.sentences[0].text, a.text


def test_real_a_speech_laid_out_in_several_points_asked_of_is_the_list(real_bot: pipeline.Ragbot) -> None:
    """有篇讲话分了好几条来讲怎么做 (the 167th blind reader's) weighed 好几 and 好几条 6.67 each and got 篇6's 对我们办公室来讲
    …: after 分了 they say how the speech is laid out (`scaffold._SOME_PARTS`; 反映了好几件事 still asks 多个)."""
    a = Answerer(real_bot).ask("办公室想把效率提上来，有篇讲话分了好几条来讲怎么做，分别是什么？")
    assert fold(a.text).count("中求快") == 5, a.text


def test_real_what_to_avoid_asked_as_taboo_is_the_three_nots(real_bot: pipeline.Ragbot) -> None:
    """有什么忌讳 asks what not to do, as 注意什么 does (`scaffold.SCAFFOLD`): Cilin weighed 忌讳 as 切忌, and the 179th
    blind reader's got 篇2's 切忌只对领导讲好话 before 篇4's “三不”."""
    a = Answerer(real_bot).ask("我被安排在领导身边做服务工作,平时说话、打听事情上有什么忌讳?")
    assert "不该讲的不讲、不该问的不问、不该听的不听" in fold(a.sentences[0].text), a.text
    assert "好话" not in fold(a.text), a.text
    # 要特别注意: 特别 says how much (`scaffold.scaffolding`; the 236th's got 篇7's 责任特别重大…不该做的事坚决不做 first)
    a = Answerer(real_bot).ask("我被安排在領導身邊服務，有哪些事情要特別注意、不能做？")
    assert "不該講的不講、不該問的不問、不該聽的不聽" in a.sentences[0].text, a.text
    # 剛調到 (`synonyms.SAID_AS`: 进入) tells who asks (`scaffold.asked_as`), so 進入狀態慢 does not join by that word
    # (the 268th's got 要堅決克服“進入狀態慢…” after the 三不)
    a = Answerer(real_bot).ask("我剛調到領導身邊當秘書,平時哪些話不能說、哪些事不能打聽?")
    assert "不該講的不講、不該問的不問、不該聽的不聽" in a.sentences[0].text, a.text
    assert "進入狀態慢" not in a.text, a.text


def test_real_what_to_do_and_what_not_are_both_said(real_bot: pipeline.Ragbot) -> None:
    """哪些事要督、哪些事不督 asks both halves (`around.other_half_before`): 篇12's 就是要督那些…大事 first, then its
    three 不督 (the 217th, 223rd and 227th blind readers got the 不督 alone; 事要, jieba's cut, weighs nothing:
    `scaffold.scaffolding`, not 到毕节工作这段时间…有很多事要做)."""
    a = Answerer(real_bot).ask("黨委辦公室開展督查時,哪些事要督、哪些事不督?")
    assert a.sentences[0].text.startswith("就是要督那些關乎全局的大事"), a.text
    assert "的事不督" in a.text, a.text
    assert "有很多事要做" not in a.text, a.text


def test_real_a_failing_of_a_few_keeps_who_fails(real_bot: pipeline.Ragbot) -> None:
    """个别同志把办公室的工作看得非常简单,…,对交办的工作,不能按时完成…: cut, its last clauses read as a rule (the
    227th blind reader's 交办一件很急的事…怎么处理); said, it keeps who fails (`cuts._FEW`)."""
    a = Answerer(real_bot).ask("领导突然交办一件很急的事,我们办公室应该怎么处理?")
    assert not any(s.text.startswith("对交办的工作") for s in a.sentences), a.text


def test_real_an_answer_to_questions_the_speech_voices_follows_them(real_bot: pipeline.Ragbot) -> None:
    """要不要给领导拜年 got 还有什么可纠结的,新常态下大家都要适应。 alone (the 187th and 199th blind readers'): the
    questions the speech voices before it (送不送礼啊?拜不拜年啊?) say what it answers (`around.doubts_before`)."""
    a = Answerer(real_bot).ask("过年要不要给领导拜年？讲话里怎么说的？")
    assert "拜不拜年啊" in a.text, a.text
    assert a.text.index("拜不拜年啊") < a.text.index("还有什么可纠结的"), a.text
    # an answer opening with one of them goes on with the next (the 220th's got 送不送礼啊? without 拜不拜年啊?)
    a = Answerer(real_bot).ask("过年过节要不要给领导送礼、上门拜年？讲话里是怎么说的？")
    assert a.text.index("送不送礼啊") < a.text.index("拜不拜年啊") < a.text.index("还有什么可纠结的"), a.text
    # …in one sentence, no fragment of its own (`cite.split_sentences`; held-out q202 and q369 counted 拜不拜年啊? as
    # padding)
    assert any(s.text.endswith("送不送礼啊?拜不拜年啊?") for s in a.sentences), a.sentences
    # 讲话里有说法吗 asks whether the speech says anything, no wording (`glosses.WORDING`: the 295th's was quoted as
    # “…送不送礼啊”？ without 拜不拜年啊)
    a = Answerer(real_bot).ask("逢年过节要不要给领导送礼、上门拜年？讲话里有说法吗？")
    assert a.text.index("送不送礼啊") < a.text.index("拜不拜年啊") < a.text.index("还有什么可纠结的"), a.text


def test_real_a_failing_said_later_comes_with_its_judgement(real_bot: pipeline.Ragbot) -> None:
    """001's 有同志…不愿"接招",能推则推,能拖则拖… is followed by 这是极端危险的,更是极其错误的 (`context.judged_after`):
    the 253rd blind reader's 领导临时丢给我一件很急的活 got the failing alone between two requirements, and read it
    as advice. The judgement does not take the place of the answer's next requirement."""
    a = Answerer(real_bot).ask("领导临时丢给我一件很急的活，我该按什么要求去办？")
    texts = [s.text for s in a.sentences]
    at = next(i for i, t in enumerate(texts) if "能推则推" in t)
    assert texts[at + 1] == "这是极端危险的,更是极其错误的。", a.text
    assert "交必办、办必果、果必报" in a.text, a.text
    # asked whether one may (…，可以推掉吗: `context.advice_asked`), the failing said first comes with it too (the 255th's)
    b = Answerer(real_bot).ask("别的科室的临时活派到我头上，不是我分管的，可以推掉吗？")
    assert "这是极端危险的,更是极其错误的" in b.text, b.text
