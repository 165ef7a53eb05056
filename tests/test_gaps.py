"""What the speeches name or announce without holding it (gaps.py): refused on the real seed index."""

from __future__ import annotations

from ragbot import pipeline
from ragbot.answer import Answerer


def test_real_a_label_the_speeches_never_explain_is_refused(real_bot: pipeline.Ragbot) -> None:
    """003 breaks off in the second of its 十二个字 (“情况要明、站位要高、敢于直言”), so no speech says how
    敢于直言 is meant; 篇8's (五)办公室自身建设不断加强。 has (六) right under it (the 45th blind reader's near
    misses got the row of labels and 篇8's six headings, as did the 46th's). Asked of last year's work (去年),
    篇8's 三、關於加強自身建設 (this year's) does not explain it (the 51st's). A label the speech goes on to
    explain still answers."""
    bot = Answerer(real_bot)
    for question in (
        "抓落实那篇讲话里，参谋部“十二个字”中的“敢于直言”具体是怎么要求的？",
        "天门市党委办公室主任会议讲话中，去年“办公室自身建设不断加强”具体取得了哪些成绩？",
        '天门市委办讲话说去年"办公室自身建设不断加强",具体做了哪些事?',  # the 46th's
        "天门市去年在“办公室自身建设”方面具体取得了哪些成绩？",  # the 47th's: the heading's first words
        "天門市去年在辦公室自身建設方面具體取得了哪些成績？",  # unquoted, and 篇4's 办公室自身建设 is not 天门's
        "天门市各级党委办公室去年在加强办公室自身建设方面具体做了哪些事?",  # the 86th's: with the doing (加强)
        "天門市黨委辦公室去年在自身建設方面具體做了哪些工作?",  # the 51st's: 去年 names 一、關於去年的工作
        '"十二个字"里的"敢于直言"，讲话具体是怎么解释的？',  # the 53rd's two: words between label and ask
        '天门市党委办公室"自身建设不断加强"这一条去年具体做了哪些工作？',
        '天门市委办公室去年在"办公室自身建设"方面具体做了哪些工作?',  # the 65th's: jieba cuts 天门 | 市委
    ):
        assert bot.ask(question).refused, question
    for question in ("“站位要高”具体是怎么要求的？", "“站位要高”，讲话具体是怎么解释的？"):
        a = bot.ask(question)
        assert "站在市政府领导的高度思考问题" in a.text, a.text


def test_real_a_part_a_speech_breaks_off_before_is_refused(real_bot: pipeline.Ragbot) -> None:
    """003 announces 四个方面问题 and breaks off in its third (the 46th blind reader's near miss was answered
    with its opening); 004 has a fourth part (四、再接再厉,切实抓好精神文明创建工作), so asking for it is not
    refused."""
    bot = Answerer(real_bot)
    assert bot.ask("全市政府系统办公室主任会议讲话说要重点谈四个方面问题,第四个方面讲的是什么?").refused
    assert not bot.ask("民政系统办公室主任会议讲话第四部分讲的是什么？").refused


def test_real_requirements_of_a_part_a_paywall_cut_are_refused(real_bot: pipeline.Ragbot) -> None:
    """004's 三、外树形象,大力做好信息宣传工作 keeps last year's results and then a paywall the cleaner cut out
    (its gap): what it requires is not in the corpus (the 46th blind reader's near miss was answered with
    the meeting's agenda). Its fourth part, whole, still answers."""
    bot = Answerer(real_bot)
    assert bot.ask("民政系统办公室主任会议讲话对今年的信息宣传工作提出了哪些具体要求?").refused
    a = bot.ask("民政系统办公室主任会议讲话对精神文明创建工作提出了哪些要求?")
    assert "推动文明单位创建工作深入发展" in a.text, a.text


def test_real_the_fifth_of_five_points_a_speech_holds_four_of_is_refused(real_bot: pipeline.Ragbot) -> None:
    """篇7 announces 五点意见 and holds four (一至四): the 47th blind reader's near miss got its opening."""
    assert Answerer(real_bot).ask("宜宾那次全县办公室主任工作会议上，县领导讲的五点意见中第五点是什么？").refused


def test_real_a_place_the_speech_masks_is_refused_and_one_it_gives_answers(real_bot: pipeline.Ragbot) -> None:
    """篇7: 第四届四川旅游发展大会即将在宜宾隆重召开,大会的主会场在_: the county of the main venue is masked
    (the 47th blind reader's near miss was answered with that sentence); the city is given."""
    bot = Answerer(real_bot)
    assert bot.ask("第四屆四川旅遊發展大會的主會場設在哪個縣？").refused
    assert "宜宾" in bot.ask("第四届四川旅游发展大会在哪里召开？").text


def test_real_a_point_the_question_names_is_answered_from_its_own_section(real_bot: pipeline.Ragbot) -> None:
    """天门市 names 篇8 (`retrieve.places`) and 督办检查工作 names its (二): its own sentences answer, not the
    six headings of last year's work (the list the 47th blind reader's question about (五) got)."""
    for question in (
        "天门市去年在督办检查工作方面具体取得了哪些成绩？",
        "天门市委办公室去年在督办检查方面做了哪些工作？",
    ):
        a = Answerer(real_bot).ask(question)  # 天门市委: jieba cuts 天门 | 市委 (`lexical.before_bodies`)
        assert "办结率达100%" in a.text, a.text
        assert "档案党史工作取得实效" not in a.text, a.text
        assert "综合材料160多个" not in a.text, a.text


def test_a_gap_is_placed_where_the_cleaner_cut_not_at_its_offset_in_the_file() -> None:
    """`Speech.gaps` are offsets in the file; a part holds a gap where the cleaned text lost it: 60 characters
    of site chrome cut before the heading put the file's offset of the paywall past the part it cut."""
    from ragbot.gaps import behind_gap
    from ragbot.types import OffsetMap, Segment, Speech

    head, body = "一、做好信息宣传工作\n", "去年采用信息多篇。"
    text = head + body + "二、抓好文明创建\n要推动文明单位创建工作深入发展。"
    cut = len(head) + len(body)  # the paywall, cut out of the file right after the first part
    offsets = OffsetMap((Segment(0, cut, 60, 60 + cut, True), Segment(cut, len(text), 90 + cut, 90 + len(text), True)))
    speech = Speech("f.txt", 1, "讲话", "simplified", 0, 90 + len(text), text, offsets, gaps=(60 + cut,))
    heads = ["一、做好信息宣传工作", "二、抓好文明创建"]
    assert behind_gap("对信息宣传工作提出了哪些要求？", speech, heads)
    assert not behind_gap("对文明创建提出了哪些要求？", speech, heads)


def test_real_what_a_question_quotes_of_the_speech_it_names_must_be_in_that_speech(real_bot: pipeline.Ragbot) -> None:
    """003 (改进作风和抓落实) says 办公室是参谋部 and breaks off; 篇11 calls the office 参谋部、指挥部、后勤部. Asked
    what 003 says of its 后勤部 (the 49th blind reader's near miss), 篇11's line is no answer; what 003 does
    say of its 参谋部 still answers, and so does a count it says one by one (「五個中心」, dev q104)."""
    bot = Answerer(real_bot)
    assert bot.ask('改进作风和抓落实的讲话中,办公室作为"后勤部"应该怎么做?').refused
    a = bot.ask("抓落实那篇讲话里说办公室是“参谋部”，要把握哪十二个字？")
    assert "情况要明、站位要高、敢于直言" in a.text, a.text
    assert not bot.ask("民政局辦公室被稱為全局的哪「五個中心」？").refused
    a = bot.ask("抓落实那篇讲话里“上边千条线，下头一根针”说的是什么意思？")  # ， typed, the speech's ,
    assert "针眼" in a.text, a.text
    # …unless it asks for the speech's own words of what it quotes in its own (the 116th blind reader's was refused)
    a = bot.ask('民政局讲话要求领导对办公室同志"多看重一点、多爱护一点、也管得更严一点",原话的那十二个字是什么?')
    assert "高看一眼、厚爱一分、严管一层" in a.text, a.text
    assert bot.ask('改进作风和抓落实的讲话中,办公室作为"后勤部"的原话是怎么说的?').refused


def test_real_a_label_misremembered_in_two_characters_is_the_speechs_own(real_bot: pipeline.Ragbot) -> None:
    """The 72nd blind reader quoted 天门's “市委书记专属板” as “市委书记留言板” and was refused (a label the named
    speech never says); the reply rules are the answer (回复的语气一定要谦虚…要先办后复)."""
    a = Answerer(real_bot).ask('天门那篇讲话里,办公室回复"市委书记留言板"上网民的留言,在语气和做法上有哪些讲究?')
    assert "回复的语气一定要谦虚" in a.text, a.text
    assert "要先办后复" in a.text, a.text
    assert "5128" not in a.text, a.text  # a tally of last year's messages says nothing to mind
    b = Answerer(real_bot).ask("抓落实的讲话中,办公室作为“后勤部”应该怎么做？")
    assert b.refused, b.text  # that speech never says 后勤部, nor anything three characters like it


def test_real_a_count_of_other_people_answers_no_count_asked(real_bot: pipeline.Ragbot) -> None:
    """The 72nd blind reader's near miss 每所高校至少配备几名新闻发言人 was answered from 至少明确1名通讯员: a
    count of 通讯员, not of 新闻发言人 (`counted.counts`)."""
    assert Answerer(real_bot).ask("河南教育系統那篇講話要求每所高校至少配備幾名新聞發言人?").refused
    assert "1名通讯员" in Answerer(real_bot).ask("河南教育系统那篇讲话要求各高校至少明确几名通讯员？").text


def test_real_a_tally_of_what_was_done_states_no_target(real_bot: pipeline.Ragbot) -> None:
    """The 75th blind reader's near miss …定的被省市采用目标是多少条 was answered from last year's tally (上报信息
    被省政府采用260条): a target is stated by a sentence saying what is aimed at (`counted.planned`), as
    办公室每人要至少写出一篇…调研报告 is."""
    assert Answerer(real_bot).ask("县政府办公室2011年给信息工作定的被省市采用目标是多少条?").refused
    assert "至少写出一篇" in Answerer(real_bot).ask("县委办公室给每个文秘定的调研报告任务是多少篇？").text


def test_real_what_a_body_named_only_among_speakers_said_is_refused(real_bot: pipeline.Ragbot) -> None:
    """篇1 names 昆明市教育局 only in its row of six units that spoke (`gaps.unreported`): the 198th blind reader's
    near miss got that row; who spoke is still answered."""
    bot = Answerer(real_bot)
    assert bot.ask("昆明市教育局在云南教育系统办公室主任会议上的交流发言介绍了哪些具体经验?").refused
    a = bot.ask("云南教育系统办公室主任会议上有哪些单位作了交流发言?")
    assert "昆明市教育局、永平县教育局" in a.text, a.text
    # …nor a person's report said to be coming (篇3's 还将邀请…朱轩堂给大家作报告: the 276th's got that sentence)
    assert bot.ask("陝西教育系統辦公室主任會議上,朱軒堂作報告具體講了哪些內容?").refused
    assert "朱軒堂" in bot.ask("有一次教育系統辦公室主任會議，邀請了哪位原市委副秘書長來作報告？").text
