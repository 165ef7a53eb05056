"""Who-questions asking for a person's name (who.py, asks.name_asked): only a sentence naming a person
answers them, on the real index."""

from __future__ import annotations

from ragbot import pipeline
from ragbot.answer import Answerer
from ragbot.asks import kind, name_asked
from ragbot.script import fold
from ragbot.who import names


def test_a_name_is_a_surname_and_a_given_name_before_a_title() -> None:
    assert names("我们还邀请到原省教育厅厅长杨崇龙同志、省政府办公厅督查一处处长陶致东同志") == ["杨崇龙", "陶致东"]
    assert names("凡是上报县长的审签材料,王县长对这项工作提出了明确要求") == []  # a title alone names no one
    assert names("各级党委主任和市委书记") == []


def test_a_question_asking_a_name_is_a_who_question() -> None:
    assert kind("光山那篇讲话里提要求的王县长，全名叫什么？") == "who"  # not 叫什么, a formulation
    assert name_asked("淇縣政府辦公室主任叫什麼名字？")
    assert not name_asked("会议纪要由谁签发？")
    # who attends, by role (培训对象涵盖了…分管领导): the 128th blind reader's was refused
    assert not name_asked("这次培训都有谁参加")


def test_real_a_name_the_speeches_never_give_is_refused_and_one_they_give_is_not(real_bot: pipeline.Ragbot) -> None:
    answerer = Answerer(real_bot)
    assert answerer.ask("光山那篇讲话里提要求的王县长，全名叫什么？").refused  # 王县长 only
    assert answerer.ask("光山县政府办公室分管督查工作的副主任是谁？").refused
    assert answerer.ask("河南省教育厅的新闻发言人是谁?").refused  # the 34th blind reader's: the media named
    # a post asked (由什么职务的领导担任: `who.action_asked`): the 271st's got 明確新聞發言人和聯絡員
    assert answerer.ask("河南教育系統要求新聞發言人由什麼職務的領導擔任？").refused
    assert answerer.ask("光山县政府系统办公室工作会议上受表彰的先进个人都有谁？").refused  # the 35th's: none named
    assert "杨崇龙" in answerer.ask("云南那次会议请来做业务培训的都有谁?").text  # two named
    invited = answerer.ask("有一次教育系统办公室主任会议，邀请了哪位原市委副秘书长来作报告？")  # the 62nd's: 原市
    assert "朱轩堂" in invited.text, invited.text
    a = answerer.ask("云南那次教育系统办公室主任会议，下午请了谁来给大家做业务培训？")
    assert not a.refused
    assert "杨崇龙" in a.text, a.text
    # 哪几位同志 asks for persons by name, not how many (it was a count in 位, and refused: the 37th's)
    assert "陶致东" in answerer.ask("下午请了哪几位同志来做业务培训？").text
    assert answerer.ask("光山县会议上受表彰的是哪几位同志？").refused  # 先进工作者 were, unnamed
    # the honoured asked as 是哪些人 are persons by name too: 2010年光山县政务信息先进个人 got figures (the 93rd's)
    assert answerer.ask("2010年光山县政务信息先进个人是哪些人？").refused


def test_real_who_said_a_saying_may_be_a_scholar(real_bot: pipeline.Ragbot) -> None:
    # 清代學者王豫說過: a scholar is who said it (the fifteenth blind reader's question was refused)
    a = Answerer(real_bot).ask("「才不稱不可居其位」這句話是誰說的？")
    assert not a.refused
    assert a.text.startswith("清代學者王豫說過"), a.text


def test_real_who_first_said_a_thing_may_be_named_by_his_state(real_bot: pipeline.Ragbot) -> None:
    # 齊國管仲就提出: a man of a state of old said it first, and the answer is his sentence alone, ending
    # where his quotation ends (the 104th blind reader's got 以人为本…具有科学的认识论: 科学 named no body)
    a = Answerer(real_bot).ask('讲"以人为本"的那篇讲话说，最早提出"以人为本"的是谁？')
    assert a.text.startswith("齐国管仲就提出"), a.text
    assert "几千年来" not in a.text, a.text
    assert "科学" not in a.text, a.text


def test_real_a_speech_the_speeches_only_announce_is_refused(real_bot: pipeline.Ragbot) -> None:
    """篇11 announces that 新江秘书长 will speak (新江秘書長還要講話…大家要認真領會) and 篇6 defers to
    张县长 (以张县长讲的为准) without holding either speech; a sentence saying what someone asks
    (县委万书记要求办公室工作“特别要…”) still answers. The first is the 41st blind reader's near miss,
    answered with the announcement. The 44th's two were too: 一会儿X市长还要作重要讲话 announces a talk still to
    come (that X市长 反复强调的“说了算、定了干” elsewhere is not it), and so does 还将邀请…朱轩堂给大家作报告;
    the 45th's 杨崇龙's training (还邀请到…杨崇龙同志…进行…业务培训) too, and the 48th's X市长's talk asked
    as given at the meeting; the 66th's 分管领导 (003: 其他分管领导分别就…讲了具体意见); the 84th's 朱轩堂在会上的报告. What someone analysed at a meeting (何金平秘书长在…会议上分析了) still answers."""
    bot = Answerer(real_bot)
    for question in (
        "畢節那次會上，新江秘書長的講話具體提了哪些要求？",
        "张县长讲话提了哪些要求？",
        "市政府系统办公室主任会议上X市长的重要讲话具体讲了哪些内容？",
        "商洛市委原副秘書長朱軒堂給大家作的報告講了哪些內容？",
        "雲南教育系統會議下午由楊崇龍同志做的業務培訓講了哪些內容？",
        "雲南那次會議下午，原省教育廳廳長楊崇龍同志的業務培訓具體講了哪些內容？",  # the 47th's
        "X市长在全市政府系统办公室主任会议上的重要讲话讲了哪些内容？",  # the 48th's: where, said at length
        "雲南那次會議下午,省政府辦公廳督查一處陶致東處長的業務培訓講了哪些內容?",  # the 50th's: 处长陶致东同志
        "毕节那次会议上,新江秘书长具体讲了哪些要求?",  # the 51st's: 具体讲了
        "楊崇龍同志下午的業務培訓具體講了哪些內容？",  # the 53rd's: 同志下午的
        "原省教育廳廳長楊崇龍同志在下午的培訓中具體講了哪些內容?",  # the 59th's: 在下午的
        "市政府系统办公室主任会议上，分管领导关于政务中心和机关事务管理讲了哪些具体意见？",  # the 66th's: 分别就…讲了
        "云南那次会议下午请原教育厅厅长杨崇龙给大家做业务培训,他具体讲了哪些内容?",  # fresh q438: 做…培训,他
        "商洛市委原副秘書長朱軒堂在會上的報告講了哪些內容?",  # the 84th's: 在会上的报告
        "楊崇龍同志下午給辦公室人員做的業務培訓，具體講了哪些內容？",  # the 104th's: 给办公室人员做的
        "会上X市长后来所作的重要讲话，具体提出了哪些要求？",  # the 95th's: 后来所作的…讲话，具体提出了
    ):
        assert bot.ask(question).refused, question
    for question in ("万书记对办公室工作提了哪些要求？", "万书记具体提了哪些要求？"):
        a = bot.ask(question)
        assert "细节决定成败" in a.text, a.text
    a = bot.ask("何金平秘书长在秘书长和办公厅（室）主任会议上讲的“三大短板”分别是什么？")  # 在…会议上分析了: dev q006
    assert "责任心的短板" in a.text, a.text
    # 是哪幾個 at the end asks which ones, not how many: 這三個方面的“短板” stated a count (the 104th's)
    a = bot.ask("何金平秘書長講的辦公室工作「三大短板」是哪幾個？")
    assert "責任心的短板" in a.text, a.text


def test_real_who_is_held_to_account_is_said_in_the_long_form(real_bot: pipeline.Ragbot) -> None:
    """谁被追责 asks who 追究…责任 names (篇4: 发生泄密事件,就要追究一把手责任); the 84th blind reader's was
    refused, no sentence saying 追责 itself."""
    a = Answerer(real_bot).ask("县委办出了泄密的事谁被追责?")
    assert "追究一把手责任" in a.text, a.text


def test_real_who_takes_part_is_answered_by_whom_a_training_is_for(real_bot: pipeline.Ragbot) -> None:
    """001 says who attends as 这次培训对象涵盖了县级部门分管领导和办公室主任…: 都有谁参加 (the 128th blind
    reader's) asks for roles, not names, and 培训对象 says who takes part (`who.does`, `synonyms.SAID_AS`). The
    first was refused; the second got 篇5's 举办行政执法人员法律知识培训4期 sentence first."""
    answerer = Answerer(real_bot)
    for question in ("这次培训都有谁参加", "參加這次培訓的都是哪些人？"):
        a = answerer.ask(question)
        assert not a.refused, a.text
        assert "这次培训对象涵盖了" in fold(a.sentences[0].text), a.text


def test_real_whose_consent_is_answered_by_who_approves(real_bot: pipeline.Ragbot) -> None:
    """要谁同意 asks who approves (篇12: 党委督查部门开展督查,必须归口市县党委秘书长(办公室主任)批准;
    `synonyms.ALIKE`, `who.does`): the 130th blind reader's 为什么说不能想查就查?要谁同意才能去督查? left out
    the reason (所谓慎用…防止督促检查过多过滥) once the second part found it; asked alone, it was refused."""
    answerer = Answerer(real_bot)
    for question in ("党委督查要谁同意才能去？", "黨委辦公室開展督查要經過誰同意？"):
        a = answerer.ask(question)
        assert not a.refused, a.text
        assert "秘书长(办公室主任)批准" in fold(a.sentences[0].text), a.text
    both = answerer.ask("党委办公室搞督查,为什么说不能想查就查?要谁同意才能去督查?")
    assert "既要敢用,又要慎用" in fold(both.sentences[0].text), both.text
    assert "防止督促检查过多过滥" in fold(both.text), both.text
    assert "秘书长(办公室主任)批准" in fold(both.text), both.text


def test_real_a_body_that_only_spoke_at_the_meeting_is_not_said_to_have_said_anything(
    real_bot: pipeline.Ragbot,
) -> None:
    """昆明理工大學辦公室交流發言具體講了哪些做法 (the 170th blind reader's near miss) got 篇1's list of the six units
    that spoke: a body asked what it said, named only in a list of those who spoke, is refused (`who.unattributed`);
    what 市人社局 said in its 交流发言 (003: 有一句话说的好,“靠人管人得罪人…”) and who spoke are still answered."""
    answerer = Answerer(real_bot)
    assert answerer.ask("雲南那次會上，昆明理工大學辦公室交流發言具體講了哪些做法？").refused
    said = answerer.ask("市人社局在交流发言里讲了一句什么话？")
    assert "靠人管人得罪人,靠制度管人团结人" in said.text, said.text
    spoke = answerer.ask("云南那次会上有哪几家单位做了交流发言？")
    assert "昆明理工大学" in fold(spoke.text), spoke.text


def test_real_when_a_thing_was_done_needs_a_sentence_saying_it_was_done(real_bot: pipeline.Ragbot) -> None:
    """县委办公室那份工作规则是哪一年印发的 (the 170th blind reader's near miss) got 002's 2011年是建党90周年…: 篇4 names
    《中共*县委办公室工作规则》 but says nothing of when it was issued, and a sentence stating a year counts as
    evidence only when it says the act asked (`who.when_done`)."""
    answerer = Answerer(real_bot)
    assert answerer.ask("县委办公室那份工作规则是哪一年印发的？").refused
    assert answerer.ask("縣委辦公室的工作規則是哪一年印發的？").refused
    written = answerer.ask("习近平那篇《秘书工作的风范》文章是哪一年撰写的？")  # 在1990年3月撰写的文章…: it says 撰写
    assert "1990年3月撰写" in written.sentences[0].text, written.text


def test_real_which_body_a_person_works_in_needs_a_sentence_naming_it_with_them(real_bot: pipeline.Ragbot) -> None:
    """传达…精神的杨红琼主任，是哪个单位的办公室主任 (the 171st blind reader's near miss) got 篇1's 剛才楊紅瓊主任傳達了
    有關會議精神: the speeches never say her body, and only a sentence naming a body right before a person
    (督查一处处长陶致东) says where they work (`who.unit_of`, `unit_named`)."""
    answerer = Answerer(real_bot)
    assert answerer.ask("传达全省秘书长会议精神的杨红琼主任，是哪个单位的办公室主任？").refused
    assert answerer.ask("傳達全省秘書長會議精神的楊紅瓊主任是哪個單位的？").refused


def test_real_which_holder_of_a_post_is_asked_of_texts_naming_it(real_bot: pipeline.Ragbot) -> None:
    """由哪位副主任负责 asks who holds that post (`who.whom_named`): the 201st blind reader's near miss got 篇12's
    有专门部门负责管的一般的事不督, which names a body doing 负责 and no 副主任."""
    assert Answerer(real_bot).ask("县委办实行的县委会议决事项督办制，具体由哪位副主任负责？").refused
