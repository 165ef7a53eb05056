"""Questions asking more than one thing (multi.py): a second question asking for the details of the
first is answered by what the speech goes on to say, on the real index."""

from __future__ import annotations

import re

from ragbot import pipeline
from ragbot.answer import Answerer
from ragbot.compose import compose
from ragbot.script import fold
from ragbot.writer import Writer

from .helpers import assert_leads


def test_a_sentence_holding_a_point_said_before_repeats_it_unless_it_elaborates() -> None:
    w = Writer(None, [], "simplified", ["接待服务要注重人性化、人情化、人文化。"])  # type: ignore[arg-type]
    more = "更加注重把人性化、人情化、人文化的工作融入接待服务之中,多一点人性需求,多一点人情关怀,多一点人文氛围。"
    assert w.repeats(more)
    assert not w.repeats(more, elaborates=True)
    assert w.repeats("接待服务要注重人性化、人情化、人文化", elaborates=True)  # the same point again


def test_real_a_second_question_asking_for_details_gets_what_the_speech_says_next(real_bot: pipeline.Ragbot) -> None:
    a = Answerer(real_bot).ask("接待服务要做到哪“三化”？具体怎么做？")
    assert not a.refused
    assert a.text.startswith("接待服务要注重人性化、人情化、人文化。"), a.text  # not 三是 (`structure.unmarked`)
    assert "多一点人性需求,多一点人情关怀,多一点人文氛围" in a.text, a.text
    assert all(s.supported for s in a.sentences)


def test_real_a_second_question_asking_what_comes_of_a_failing_gets_the_speechs_if_then(
    real_bot: pipeline.Ragbot,
) -> None:
    """要是大家都只顾自己那一摊会出现什么情况 shares no word with 如果大局意识不强,就很容易陷入本位主义…, the
    sentence after the first answer: the 95th blind reader got 一般工作人员也要考虑大局 alone."""
    a = Answerer(real_bot).ask("民政局办公室里普通工作人员也要考虑全局吗？要是大家都只顾自己那一摊会出现什么情况？")
    assert "一般工作人员也要考虑大局" in a.text, a.text
    assert "很容易陷入本位主义和小团体主义" in a.text, a.text


def test_real_what_is_done_about_a_list_of_problems_is_the_list_the_speech_goes_on_with(
    real_bot: pipeline.Ragbot,
) -> None:
    """002's 四个不到位 (其一是…其四是…) and, right after, 下一步,一要…四要…: the 64th and 66th blind readers got the
    problems alone for 哪些不到位？打算怎么改进？, and the 183rd's for 存在哪几方面的问题?下一步准备怎么做? The measures
    follow on a line of their own."""
    for q in (
        "县里政府信息工作目前有哪些做得不到位的地方？讲话打算怎么改进？",
        "光山县的政府信息工作存在哪几方面的问题?下一步准备怎么做?",
    ):
        a = Answerer(real_bot).ask(q)
        for said in ("领导认识不到位", "奖惩措施不到位", "加强信息工作领导", "合理配备信息人员", "建立奖惩机制"):
            assert said in a.text, a.text
        assert a.text.index("奖惩措施不到位") < a.text.index("加强信息工作领导"), a.text
        assert "\n讲话对此提出：\n1. 加强信息工作领导" in a.text, a.text
        assert all(s.supported for s in a.sentences)
    problems = Answerer(real_bot).ask("县里政府信息工作目前有哪些做得不到位的地方？")
    assert "加强信息工作领导" not in problems.text, problems.text  # asked only what falls short


def test_real_a_second_part_asking_a_time_limit_gets_the_sentence_stating_it(real_bot: pipeline.Ragbot) -> None:
    """…应该怎么往上报？有没有时间要求？ (the 191st blind reader's) got 篇8's 值班 sentences alone: 没有, the negative half
    of 有没有, weighed as a word of the second part (`scaffold.scaffolding`), so 第一时间…2小时 held too few of them."""
    a = Answerer(real_bot).ask("我值班的时候辖区出了大事故，应该怎么往上报？有没有时间要求？")
    assert "最迟不得超过事发后2小时" in a.text, a.text


def test_real_a_second_part_asking_what_to_mind_is_answered_by_its_matter(real_bot: pipeline.Ragbot) -> None:
    """有什么讲究 asks what to mind, as 要求 does (`scaffold.scaffolding`): 讲究 weighs nothing, so the second part's
    own word (乡镇) picks its sentence, not 讲究地方特色 (the 222nd blind reader got 总而言之,接待工作要注重从简)."""
    a = Answerer(real_bot).ask("市直部门要接待上级来的厅级领导，需要走什么程序？乡镇接待市领导有什么讲究？")
    assert "一定要向“两办”报告" in a.sentences[0].text, a.text
    assert "不准在边界迎候" in a.text, a.text


def test_real_two_lists_asked_apart_get_each_part_s_list(real_bot: pipeline.Ragbot) -> None:
    """提了哪几点要求？…应包括哪些方面？ asks two lists by words of their own (`multi.lists_apart`): the three
    requirements, then, led in on a line of its own, the four parts (the 220th blind reader got the four alone)."""
    a = Answerer(real_bot).ask("光山县那次会上，对上报信访件查处报告提了哪几点要求？查处报告应包括哪些方面？")
    for point in ("严格按照行文规范上报查处报告", "要对反映的问题逐一调查", "要站在全局的高度"):
        assert point in a.text, a.text
    assert "\n讲话中提到：信访问题的查处报告应包括基本情况" in a.text, a.text
    assert a.text.index("逐一调查") < a.text.index("见面情况四个方面"), a.text


def test_real_counts_in_a_situation_before_a_yes_or_no_question_ask_no_number(real_bot: pipeline.Ragbot) -> None:
    """Fresh q412 was refused: 开了几次会、发了几份文件、派了多少人下去。 describes, 这样做督查够不够？ asks yes or
    no, and 篇5 answers it (不能只停留在掌握开了多少会、发了多少文件…)."""
    a = Answerer(real_bot).ask(
        "我在移民局办公室负责督查,平时主要统计下面开了几次会、发了几份文件、派了多少人下去。这样做督查够不够?"
    )
    assert not a.refused, a.text
    # …and put as a case (如果…多少人，这样行不行？应该怎么做？): the 85th blind reader's was refused
    a = Answerer(real_bot).ask(
        "如果督查时只统计开了多少会、发了多少文件、下去了多少人，移民系统那篇讲话认为这样行不行？应该怎么做？"
    )
    assert a.text.startswith("不能只停留在掌握开了多少会"), a.text
    b = Answerer(real_bot).ask(  # the case put after a clause saying when: the 107th's was refused
        "移民系统办公室搞督促检查时，如果只统计开了多少会、发了多少文件，讲话认为够不够？应该怎么做？"
    )
    assert b.text.startswith("不能只停留在掌握开了多少会"), b.text


def test_real_what_several_speeches_say_is_labelled_with_each_speech(real_bot: pipeline.Ragbot) -> None:
    a = Answerer(real_bot).ask("哪几篇讲话提到了“大督查”？各自是怎么说的？")
    lines = [line for line in a.text.split("\n") if line != "讲话中的说法："]
    assert len(lines) >= 2, a.text
    assert all(re.match(r"《[^》]+》：\S", line) for line in lines), a.text  # each speech's part names it
    assert "《教育系统办公室主任会议讲话 篇1》：" in a.text  # the Traditional speech's title, in the asker's script
    assert all(s.supported for s in a.sentences)


def test_real_a_question_the_speech_asks_itself_comes_with_its_answer(real_bot: pipeline.Ragbot) -> None:
    a = Answerer(real_bot).ask("哪几篇讲话提到了“大督查”？各自是怎么说的？")
    asked = "为什么要强调建立“大督查”工作格局"  # 003's best sentence: never alone, its answer follows it
    assert a.text.index(asked) < a.text.index("全局有全局的重点,分管有分管的重点"), a.text


def test_real_the_speechs_answer_to_its_own_question_goes_on_past_a_semicolon(real_bot: pipeline.Ragbot) -> None:
    """究竟什么是新常态? is answered by a sentence in two halves (the 30th blind reader's got the first):
    “新”是与“旧”相对应的…; “常态”是和“阶段”相对应的…, “新常态”就是一种改变."""
    a = Answerer(real_bot).ask("有位领导是怎么给大家解释“新常态”这个词的？")
    assert "“新”是与“旧”相对应的" in a.text, a.text
    assert "“常态”是和“阶段”相对应的" in a.text, a.text


def test_real_lists_merged_from_two_speeches_say_which_points_are_whose(real_bot: pipeline.Ragbot) -> None:
    a = Answerer(real_bot).ask("各級教育部門要把辦公室這支隊伍帶好，講話提出從哪幾方面著手？")
    assert "《教育系統辦公室主任會議講話 篇3》：" in a.text, a.text
    labels = [line for line in a.text.split("\n") if line.startswith("《")]
    assert len(labels) == 2, a.text
    assert a.text.index("篇3》：") < a.text.index("加強辦公室的領導班子建設"), a.text


def test_real_which_speeches_say_a_quoted_phrase_looks_in_every_speech(real_bot: pipeline.Ragbot) -> None:
    # three speeches say both: 篇8, 篇11 and 001, which retrieval does not bring among the first excerpts
    a = Answerer(real_bot).ask("“参谋部”“后勤部”这样的说法在哪几篇讲话里出现过？")
    for label in ("篇8》：", "篇11》：", "《在党政办公室业务工作培训会上的开班讲话》："):
        assert label in a.text, a.text
    assert all(s.supported for s in a.sentences)
    for line in a.text.split("\n")[1:]:
        assert "参谋部" in line, a.text
        assert "后勤部" in line, a.text


def test_real_what_several_speeches_say_of_a_time_limit_is_a_survey_too(real_bot: pipeline.Ragbot) -> None:
    # 时限 makes it a when-question; 几篇讲话…各 still asks every speech (the fourteenth blind reader got 篇8 alone)
    a = Answerer(real_bot).ask("遇到突发事件，几篇讲话对报信息的时限各是怎么说的？")
    labels = [line for line in a.text.split("\n") if line.startswith("《")]
    assert len(labels) >= 2, a.text
    assert "最迟不得超过事发后2小时" in a.text, a.text


def _labelled_runs(text: str) -> list[int]:
    """How many numbered points follow each speech label (《title》：) of an answer."""
    runs: list[int] = []
    for line in text.split("\n"):
        if line.startswith("《"):
            runs.append(0)
        elif runs and re.match(r"\d+\. ", line):
            runs[-1] += 1
    return runs


def test_real_a_merged_list_caps_each_speechs_points(real_bot: pipeline.Ragbot) -> None:
    # two speeches' lists answer this (three points each, labelled); the cap bounds each list's points, so
    # the second is never cut short by the first. (The question used before, on 后勤, stopped merging when
    # the model's int8 vectors changed with the machine.)
    q = "各級教育部門要把辦公室這支隊伍帶好，講話提出從哪幾方面著手？"
    ev = Answerer(real_bot).evidence(q)
    both = _labelled_runs("".join(compose(real_bot.index, ev, max_points=8).pieces))
    assert len(both) == 2, both
    assert all(n >= 3 for n in both), both
    assert _labelled_runs("".join(compose(real_bot.index, ev, max_points=2).pieces)) == [2, 2]


def test_real_every_speech_saying_the_same_words_is_quoted(real_bot: pipeline.Ragbot) -> None:
    # 篇4 and 003 both say 做到(事事)交必办、办必果、果必报: the second is not a repeat of the first;
    # 各篇讲话是怎么说的 asks what several speeches say
    a = Answerer(real_bot).ask("「交必办、办必果、果必报」这类对交办事项的要求，各篇讲话是怎么说的？")
    assert _labelled_lines(a.text) == 2, a.text
    assert a.text.count("交必办、办必果、果必报") == 2, a.text


def _labelled_lines(text: str) -> int:
    return sum(line.startswith("《") for line in text.split("\n"))


def test_real_what_each_speech_requires_is_not_what_one_did(real_bot: pipeline.Ragbot) -> None:
    # 篇6's only retrieved sentence on duty is last year's 24小时昼夜值班制度,保证了政令畅通: not a requirement
    a = Answerer(real_bot).ask("几篇讲话对值班工作分别提了什么要求？")
    assert _labelled_lines(a.text) >= 2, a.text
    assert "保证了政令畅通" not in a.text, a.text


def test_real_a_county_named_keeps_the_answer_to_its_speech(real_bot: pipeline.Ragbot) -> None:
    # jieba tags 光山县 a place but 光山 alone a noun, so the question named no place and 淇县's 56件…89件
    # led (the twenty-second blind reader's); 光山's 185件 is the answer
    a = Answerer(real_bot).ask("光山县2010年办理人大代表建议和政协委员提案多少件？办结率是多少？")
    assert "185件" in a.sentences[0].text, a.text
    assert "56件" not in a.text, a.text


def test_real_where_a_body_spoke_names_no_place(real_bot: pipeline.Ragbot) -> None:
    # 会议上省政府表彰了…: 议上 is where, not a place before 省政府 (`lexical.before_bodies`); the 178th blind reader's
    # was refused, the sentences kept being only those of speeches saying 议上 (not 地方志's)
    a = Answerer(real_bot).ask("地方志工作会议上省政府表彰了几个省辖市地方志办公室？全省一共有多少个省辖市？")
    assert not a.refused, a.text
    assert "7个省辖市地方志办公室" in a.sentences[0].text, a.text
    # 县委办按县委要求: 办按 is how, no place (the 181st's was refused, only 篇8's sentences kept)
    b = Answerer(real_bot).ask("县委办按县委要求，从每位同志的津补贴中拿出多大比例用于考核？一年考核几次？")
    assert "拿出12%用于部门自己考核" in b.text, b.text
    assert "两次考核" in b.text, b.text


def test_real_a_department_named_by_its_field_names_its_speech(real_bot: pipeline.Ragbot) -> None:
    """民政局 names the 民政 speech (the 32nd blind reader's near miss): its figures are given as *条, so the
    question is refused, not answered with 光山's 采用100余篇. 我市民政信息 names it too (the 46th's)."""
    bot = Answerer(real_bot)
    assert bot.ask("民政局去年被市委、市政府采用的民政信息具体是多少条?").refused
    assert bot.ask("去年市委、市政府一共采用了我市民政信息多少条?").refused


def test_real_a_year_asked_is_answered_from_that_year_only(real_bot: pipeline.Ragbot) -> None:
    ask = Answerer(real_bot).ask  # 002's 共撰写领导讲话300余件 sits in its review of 2010
    assert "300余件" in ask("2010年撰写领导讲话多少篇？").text
    for q in ("2011年计划撰写领导讲话多少篇？", "2012年辦公室撰寫了多少篇領導講話？"):  # the 29th blind reader's
        assert ask(q).refused, q
    assert ask("光山县2012年的政府系统办公室工作会议表彰了哪些先进单位?").refused  # the 32nd's: no year near it
    assert "2010年度" in ask("光山县2010年度表彰了哪些先进单位？").text
    # the 35th's: 光山 names its speech, whose sentences the year all leaves out; 淇县's do not answer for it
    assert ask("光山县政府办公室2012年政务信息工作的目标是上报多少条信息？").refused


def test_real_a_wording_then_how_to_put_it_right_gets_the_remedy_after_it(real_bot: pipeline.Ragbot) -> None:
    """The 72nd blind reader asked how the speech describes staff who freeze before reporters and what to do:
    after the wording (媒体恐惧症), the sentence after it that says what to do (要加强…培训,…与媒体打交道)."""
    a = Answerer(real_bot).ask(
        "雲南教育系統那篇講話提到,有些幹部一碰到記者就不知道怎麼開口,講話裡是怎麼形容這種情況的?又要怎麼解決?"
    )
    assert "媒體恐懼症" in a.sentences[0].text, a.text
    assert "不斷提高與媒體協調溝通的能力" in a.text, a.text


def test_real_a_remedy_drawn_from_the_problems_follows_them(real_bot: pipeline.Ragbot) -> None:
    """The 130th blind reader asked where OA gets stuck and how to fix it: 篇11 lists the problems, then
    因此,不仅要建设新的、好的工作平台载体,还要建章立制来保障和推动使用, which shares no word with the question but
    draws its measure from them (`multi._what_to_do`); the answer stopped at the problems."""
    questions = (
        "单位推了OA办公系统但用得不好,卡在了哪些地方?该怎么解决?",
        "推行網上辦公系統以後，哪些地方卡住了？要怎麼解決？",
    )
    assert_leads(real_bot, questions, "最先一公里", "还要建章立制来保障和推动使用")


def test_real_a_bare_how_after_a_question_gets_how_to_do_it(real_bot: pipeline.Ragbot) -> None:
    """The 124th blind reader asked whether to tell a leader a decision is wrong, and how (怎么说？, too short
    to be a part): after 敢于和善于向领导讲真话, 篇2's 要讲究方式方法,注意场合 (not 这也是对…的要求 between). The
    133rd's 该不该说?怎么说比较好? got neither that nor a word on how, but 办公室工作比较辛苦 (`scaffold`): a bare how
    may be a part of its own, and the sentence saying how shares a word with the answer (讲真话), not the question."""
    questions = (
        "如果觉得领导的决定可能有问题，我们办公室的人该不该直说？怎么说？",
        "覺得領導的決定可能有問題，該不該直說？怎麼說？",
        "如果我觉得领导某个决定可能有问题,办公室的人该不该说?怎么说比较好?",  # the 133rd's: a part, and 比较
    )
    for a in assert_leads(real_bot, questions, "讲真话", "要讲究方式方法"):
        assert "这也是" not in fold(a.text), a.text
        assert "比较辛苦" not in fold(a.text), a.text
    # the 149th's: what the how is of (有意见) before it, and the sentence after the first said already (我们应…)
    assert_leads(
        real_bot, ["辦公室的人對領導是不是只要說好聽的就行？有意見該怎麼提？"], "切忌只对领导讲好话", "要讲究方式方法"
    )


def test_real_a_meeting_two_speeches_were_given_at_names_neither(real_bot: pipeline.Ragbot) -> None:
    """市政府办公室主任会议 is in 003's title, and 篇11 opens saying it was given at the first 全市政府系统办公室主任
    会议: the words name neither speech, so 篇11's 四种意识 answer (the 78th blind reader got 003's opening)."""
    a = Answerer(real_bot).ask("市政府辦公室主任會議的講話要求辦公室增強哪四種意識?")
    assert all(k in a.text for k in ("大局意識", "責任意識", "服務意識", "團結意識")), a.text


def test_real_a_merged_list_numbers_each_speechs_points_from_one(real_bot: pipeline.Ragbot) -> None:
    """The 79th blind reader read 003's five 抓落实 points and 篇8's three, numbered on to 8, as one list of
    eight: under each speech's label its points count from 1."""
    a = Answerer(real_bot).ask("市政府办公室抓落实要抓好哪几个方面的重点？")
    labels = [i for i, s in enumerate(a.sentences) if s.text.strip().startswith("《")]
    assert len(labels) == 2, a.text
    after = a.sentences[labels[1] + 1].text.strip()
    assert after.startswith("1. "), a.text


def test_real_a_merged_list_says_the_second_speechs_points_whole(real_bot: pipeline.Ragbot) -> None:
    """The 92nd blind reader got 篇4's five 不够 and three of 001's four: the cap counted both lists' points
    together. Each speech's list is now said whole (up to the cap)."""
    a = Answerer(real_bot).ask("县里党政办公室工作目前存在哪几方面的不足?")
    assert "全局观念还不够强" in a.text, a.text
    assert "学习劲头还不够足" in a.text, a.text


def test_real_a_year_asked_before_the_wording_keeps_the_year(real_bot: pipeline.Ragbot) -> None:
    """哪一年题词的?题的是哪句话?: the sentence stating the year quotes the words too (篇9: 1894年,恩格斯…题词:“…”);
    as a wording question alone the answer quoted the words and cut 1894年 (the 83rd blind reader's)."""
    a = Answerer(real_bot).ask("恩格斯是哪一年给《新世纪》周刊题词的?题的是哪句话?")
    assert a.text.startswith("1894年"), a.text
    assert "每个人的自由发展是一切人自由发展的条件" in a.text, a.text


def test_real_a_part_asking_only_what_the_corpus_says_everywhere_adds_nothing(real_bot: pipeline.Ragbot) -> None:
    """办公室里谁对谁负责？逐级负责是怎么排的？ (the 168th blind reader's) got 004's chain, then 都要从办公室工作的全局出发,
    for the first part's own word 办公室, which weighs 0.37: a part whose own words all weigh under COMMON_WEIGHT asks
    nothing the other does not (`multi._own`)."""
    a = Answerer(real_bot).ask("办公室里谁对谁负责？讲话里说的逐级负责是怎么排的？")
    assert a.sentences[0].text.startswith("落实逐级负责的制度,即科员对分管主任负责"), a.text
    assert "全局出发" not in a.text, a.text
    assert len(a.sentences) == 1, a.text
