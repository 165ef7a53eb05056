"""Why-questions and what-comes-of-it questions on the real index: the answer says the cause, purpose or
consequence, in the speeches' words (the thirtieth session's 20 dev why-questions and the 71st blind reading)."""

from __future__ import annotations

import pytest

from ragbot import pipeline
from ragbot.answer import Answerer
from ragbot.script import fold

from .helpers import assert_leads


def test_real_asked_why_a_purpose_clause_is_kept(real_bot: pipeline.Ragbot) -> None:
    """为啥 asks why as 为什么 does: the cut keeps 为了让各单位都有一个独立的对外政务宣传窗口, the purpose, where
    it used to open at 我们将在县政府网站上…提供网络平台, the plan alone."""
    a = Answerer(real_bot).ask("县里为啥要在政府网站上给各乡镇和部门都搭个平台?")
    assert a.sentences[0].text.startswith("为了让各单位都有一个独立的对外政务宣传窗口"), a.text


def test_real_why_written_with_甚麼_asks_why(real_bot: pipeline.Ragbot) -> None:
    """為甚麼 is Hong Kong's and Taiwan's 為什麼 (`retrieve.prepare_query`): the 133rd blind reader's 為甚麼有講話把
    辦公室比作人的大腦 got 大腦運行好… alone, and with 甚 folded only, 004's machine first."""
    questions = ("為甚麼有講話把辦公室比作人的大腦?", "为甚么有讲话把办公室比作人的大脑?")
    for a in assert_leads(real_bot, questions, "办公室是一个单位运转的中枢神经,就像人的大脑一样"):
        assert "机器" not in fold(a.text), a.text


def test_real_a_first_sentence_does_not_open_with_its_ordinal(real_bot: pipeline.Ragbot) -> None:
    """篇1's 其次,以微信、微博為代表的網路媒體的迅猛發展… answers why online opinion matters, but 其次 ties it to a
    首先 the answer does not say (`pieces.unlinked`; the 135th blind reader's)."""
    a = Answerer(real_bot).ask("為什麼教育系統辦公室現在要特別留意網路上的輿論?")
    assert a.sentences[0].text.startswith("以微信、微博為代表的網路媒體的迅猛發展"), a.text


def test_real_what_comes_of_it_is_asked_in_the_askers_words(real_bot: pipeline.Ragbot) -> None:
    """坏处 and 下场 are nowhere in the speeches, which say what comes of a thing in their own words (以致…造成
    严重损失; 如果办公室工作做不好,任何政策…): not a kind of thing no speech names, so no refusal."""
    a = Answerer(real_bot).ask("如果辦公室的人只會說領導愛聽的話,不敢直言,會帶來什麼壞處?")
    assert "以致給黨和人民以及我們的事業造成嚴重損失" in a.text, a.text
    b = Answerer(real_bot).ask("要是办公室这一环掉链子,上级出台的政策会落到什么下场?")
    assert "都只是写在文件上、停在口头上" in b.text, b.text


def test_real_asked_why_a_so_called_term_comes_with_the_sentences_introducing_it(real_bot: pipeline.Ragbot) -> None:
    """The 71st blind reader asked why 万金油干部 is no slight and got 所谓“万金油干部”,…不是贬义,而是工作要求
    alone; the sentences before it, which introduce the term, say why (综合性的工作…要博览群书、博学多才)."""
    a = Answerer(real_bot).ask('为什么说叫办公室干部"万金油干部"并不是贬低他们?')
    assert "办公室的工作是综合性的工作" in a.sentences[0].text, a.text
    assert "博览群书、博学多才" in a.text, a.text
    assert "不是贬义,而是工作要求" in a.sentences[-1].text, a.text
    # the asker's own words quoted (啥都懂一点的杂家) name nothing a speech must say (the 87th's was refused)
    b = Answerer(real_bot).ask('为什么讲话说把办公室的人叫作"啥都懂一点的杂家"并不是贬低人？')
    assert "办公室的工作是综合性的工作" in b.sentences[0].text, b.text
    assert "不是贬义,而是工作要求" in b.text, b.text


def test_real_asked_what_a_quoted_method_shows_the_sentence_after_it_says_it(real_bot: pipeline.Ragbot) -> None:
    """The 71st blind reader asked what 弹钢琴 was meant to show and got 讲配合、讲协调、讲系统 alone: the next
    sentence, the main melody (这其实就是要抓住重点), follows."""
    a = Answerer(real_bot).ask('那篇讲抓落实的讲话借"弹钢琴"想说明办公室该怎么干活?')
    assert "弹钢琴" in a.sentences[0].text, a.text
    assert "这其实就是要抓住重点" in a.sentences[1].text, a.text


def test_real_asked_how_a_practice_is_criticised_the_verdict_follows(real_bot: pipeline.Ragbot) -> None:
    """怎么批评 asks what the speech makes of a practice the question describes: after the sentence describing
    it, the speech's verdict (由于作风不实,致使情况不明,最后工作被动; the 71st blind reader got the practice
    alone)."""
    a = Answerer(real_bot).ask("有的办公室干部收到会议通知就原样往上送、文件批示照转不问,讲话是怎么批评这种做法的?")
    assert "由于作风不实,致使情况不明" in a.text, a.text


def test_real_asked_what_a_story_is_meant_to_warn_of_the_sentence_after_it_says_it(real_bot: pipeline.Ragbot) -> None:
    """The 72nd blind reader asked what 龟兔赛跑 was meant to warn of and got the hare alone: the sentence after
    it says what to do (我们一定要再接再厉,马不停蹄…)."""
    a = Answerer(real_bot).ask("地方志工作那篇講話用了龜兔賽跑的故事,是想提醒大家什麼?")
    assert "驕傲的兔子" in a.sentences[0].text, a.text
    assert "再接再厲" in a.sentences[1].text, a.text


def test_real_asked_why_a_story_is_told_the_reason_before_it_and_the_point_after_it(real_bot: pipeline.Ragbot) -> None:
    """The 108th blind reader asked why the 地方志 speech tells 龟兔赛跑 and got two sentences stating purposes
    (以便…), no story: 为什么要提…故事 asks why the speech tells it, not what for. The sentence before the story
    gives the reason (…因为全国各省都在快马加鞭), the one after the point, and nothing else follows."""
    a = Answerer(real_bot).ask("地方志工作會議講話為什麼要提龜兔賽跑的故事?")
    assert [s.text for s in a.sentences] == [
        "但我們不能懈怠,不能滿足於過去的成績,因為全國各省都在快馬加鞭。",
        "如果我們像驕傲的兔子那樣與烏龜賽跑,在途中睡起覺來,我們就會由先進變為落後。",
        "我們一定要再接再厲,馬不停蹄,全面啟動並深入開展續修工作。",
    ], a.text


def test_real_asked_what_a_figure_shows_its_point_follows_it_though_asked_as_a_wording(
    real_bot: pipeline.Ragbot,
) -> None:
    """这个比喻想说明什么 asks what the figure shows, though 比喻 asks for wording: the 109th blind reader got the
    machine alone; the sentence after it says the point (要使…这部机器…就必须建立一套科学的管理方式)."""
    a = Answerer(real_bot).ask("为什么说办公室就像一部机器？这个比喻想说明什么？")
    assert a.sentences[0].text.startswith("办公室好比一部机器"), a.text
    assert "就必须建立一套科学的管理方式" in a.sentences[1].text, a.text


def test_real_asked_why_a_saying_is_said_and_what_it_means_both_terms_are_defined(real_bot: pipeline.Ragbot) -> None:
    """为什么说…具体是什么意思 asks for the saying explained and why: the 109th blind reader got 所谓慎用 alone
    after 既要敢用,又要慎用 (the answer read the question as a saying explained only); 所谓敢用 comes too."""
    a = Answerer(real_bot).ask('党委办公室的督查权为什么说"既要敢用，又要慎用"？具体是什么意思？')
    assert [s.text[:4] for s in a.sentences] == ["党委办公", "所谓敢用", "所谓慎用"], a.text


def test_real_a_weak_spot_asked_where_is_no_place(real_bot: pipeline.Ragbot) -> None:
    """最薄弱的地方在哪里 asks what is weakest, not where: the 108th blind reader's was refused for want of a
    sentence naming a place. The speech asks itself the question (如果说…薄弱环节在哪里?) after saying it (文稿
    工作是…薄弱环节): the cut keeps that clause, and the answer it gives follows."""
    for question in (
        "天门市的讲话认为党委办公室目前最薄弱的地方在哪里?",
        "天門的講話認為黨委辦公室最薄弱的地方在哪裡？",
    ):
        a = Answerer(real_bot).ask(question)
        assert not a.refused, a.text
        assert "文稿工作是我们现在的一个薄弱环节" in fold(a.sentences[0].text), a.text
        assert "很少有人拿" in a.text, a.text


def test_real_where_a_fault_lies_is_no_place(real_bot: pipeline.Ragbot) -> None:
    """哪里出了问题 asks in what a fault lies, not where: the 115th blind reader's got 篇1's 三大短板, whose
    在…办公厅(室)主任会议上 named a place, before 篇3's answer (…往往都是在细节上出了问题)."""
    for question in ("办公室工作出差错、效率低,往往是哪里出了问题?", "辦公室工作出差錯、效率低，往往是哪裡出了問題？"):
        a = Answerer(real_bot).ask(question)
        assert "细节上出了问题" in fold(a.sentences[0].text) + fold(a.sentences[1].text), a.text


def test_real_why_people_are_asked_to_do_a_thing_is_a_reason(real_bot: pipeline.Ragbot) -> None:
    """为什么要修志的人…照顾好身体 asks why people are asked to, not what an act is for: the 114th blind reader's
    got 篇10's 加强领导的第二个层面…以便获得支持和帮助 for its 以便. 在地方志工作的讲话里 names 篇10 (地方志
    weighs nothing), so 加强领导的第一个层面 no longer leads either."""
    questions = (
        "在地方志工作的講話裡，領導為什麼要修志的人特別照顧好身體？",
        "在地方志工作的讲话里，领导为什么要修志的人特别照顾好身体？",
    )
    assert_leads(real_bot, questions, "不关心自己的身体是不行的", "身体是革命的本钱")


def test_real_asked_on_what_grounds_a_thing_is_said_the_sentence_concluding_it_answers(
    real_bot: pipeline.Ragbot,
) -> None:
    """The 108th blind reader asked 凭什么说这次培训体现了…高度重视 and got the training's purpose: the sentence
    concluding it from what it states first (…创近年之最,这说明了…高度重视) answers. Asked without naming the
    speech, 体现了县委 named no place (现了) and kept only the 县政府 speech's sentences."""
    for question in (
        "縣黨政辦公室業務培訓班的開班講話裡,憑什麼說這次培訓體現了縣委、縣政府對辦公室工作的高度重視?",
        "凭什么说这次培训体现了县委县政府高度重视？",
    ):
        a = Answerer(real_bot).ask(question)
        assert "创近年之最,这说明了县委、县政府对办公室工作的充分肯定和高度重视" in fold(a.sentences[0].text), a.text


@pytest.mark.parametrize(
    "question", ["为什么说在办公室多写材料对自己成长有好处？", "為什麼說在辦公室多寫材料對自己成長有好處？"]
)
def test_real_asked_why_something_is_said_the_reason_stated_answers(real_bot: pipeline.Ragbot, question: str) -> None:
    """The 126th blind reader asked 为什么说…多写材料对自己成长有好处 and got 文稿起草是一项繁重的脑力劳动…: 篇8's
    过去说办公室出人才,一个重要原因是从事文字工作逼着你去学习 states the reason (`meanings.REASON`) in other words."""
    a = Answerer(real_bot).ask(question)
    assert "一个重要原因是从事文字工作逼着你去学习" in fold(a.sentences[0].text), a.text


@pytest.mark.parametrize(
    "question",
    ["为什么说公文里写错一个字、点错一个标点都不是小事？", "為什麼說公文裡寫錯一個字、點錯一個標點都不是小事？"],
)
def test_real_a_reason_stated_of_another_matter_does_not_join(real_bot: pipeline.Ragbot, question: str) -> None:
    """The 152nd blind reader's 为什么说公文里写错一个字…不是小事 got 003's 如果写错一个字、用错一个标点,大家就会说…
    then 篇8's 一个重要原因是从事文字工作逼着你去学习, a reason stated (`meanings.REASON`) of writing 材料, whose
    paragraph holds no weighty word of the question (`conditions.stated_first`)."""
    a = Answerer(real_bot).ask(question)
    assert "如果写错一个字、用错一个标点" in fold(a.sentences[0].text), a.text
    assert "一个重要原因" not in fold(a.text), a.text


@pytest.mark.parametrize(
    "question", ["为什么说办公室的工作人员代表着政府的形象？", "為什麼說辦公室工作質量和效率關乎整體運轉？"]
)
def test_real_asked_why_of_one_point_its_own_sentences_answer(real_bot: pipeline.Ragbot, question: str) -> None:
    """The question restates one point of 003's 办公室工作的重要性 (第三,办公室及其工作人员代表着政府的形象): why of
    that point, not of the list (`compose._reasons`); its lead says it again, the sentence after it says why
    (`conditions.points_reasons`). The 155th blind reader's got the three leads, the reasons only in an excerpt."""
    a = Answerer(real_bot).ask(question)
    assert not a.text.startswith(("讲话对此提出", "講話對此提出")), a.text
    assert not fold(a.sentences[0].text).startswith(("第三", "第二")), a.text
    assert any(s in fold(a.sentences[0].text) for s in ("代表的是政府及其部门", "中枢神经")), a.text


def test_real_a_why_question_counts_nothing(real_bot: pipeline.Ragbot) -> None:
    """这几年 and 抓住几件要紧事 count nothing: a why-question is no quantity question, so a sentence stating no
    number may answer it (dev q509 was refused; 就是因为结果运用了 ranked first)."""
    a = Answerer(real_bot).ask("讲话提到审计督查、土地督查这几年说话有分量,原因是什么?")
    assert "就是因为结果运用了" in a.sentences[0].text, a.text


def test_real_a_bare_why_after_a_question_asks_why(real_bot: pipeline.Ragbot) -> None:
    """算不算说人坏话?为什么? asks why too (`asks._WHY_AFTER`): the 73rd blind reader got 不是贬义,而是工作要求
    alone; the sentences introducing 万金油干部 say why."""
    a = Answerer(real_bot).ask('说办公室干部是"万金油",这算不算说人坏话?为什么?')
    assert "博览群书、博学多才" in a.text, a.text
    assert "不是贬义,而是工作要求" in a.text, a.text


def test_real_asked_what_comes_of_a_condition_the_speechs_conditional_sentence_leads(
    real_bot: pipeline.Ragbot,
) -> None:
    """要是…会怎么样 asks what follows from a condition: the speech's sentence putting that condition and
    saying what follows (如果不时刻绷紧安全这根弦,就往往容易酿成更大的事端) leads, where 个别同志…马虎大意的毛病
    (the question's words) and 对重大突发事件必须在第一时间…报告 (what to do) used to."""
    a = Answerer(real_bot).ask("要是学校对安全工作马马虎虎,会怎么样?")
    assert "如果不时刻绷紧安全这根弦,就往往容易酿成更大的事端" in a.sentences[0].text, a.text
    b = Answerer(real_bot).ask("突发事件的信息要是没能及时报给领导,会有什么后果?")
    assert "就可能贻误最佳处理时机" in b.sentences[0].text, b.text
    # 对出现迟报、漏报、瞒报的,将严肃追究…: of those who do so, what follows (the 94th's got 决不能…瞒报 alone)
    c = Answerer(real_bot).ask("如果信息没及时报或者瞒报了会怎样？")
    assert "对出现迟报、漏报、瞒报的,将严肃追究有关责任人员的责任" in c.sentences[0].text, c.text


def test_real_asked_why_a_sentence_ending_in_what_it_shows_comes_after_its_cause(real_bot: pipeline.Ragbot) -> None:
    """…竟想不起都做了些什么,这就是办公室工作的特点 ends in what it shows: asked why, the sentence before it, the
    cause (任务多,担子重,工作千头万绪,不出纰漏就是成绩), comes first (the 76th blind reader got the former alone)."""
    a = Answerer(real_bot).ask("为什么有人忙了一年，到年底写总结却想不起自己干了啥？")
    assert "工作千头万绪,不出纰漏就是成绩" in a.sentences[0].text, a.text
    assert "这就是办公室工作的特点" in a.sentences[1].text, a.text


def test_real_asked_why_the_sentence_giving_the_reason_follows_the_one_restating_the_claim(
    real_bot: pipeline.Ragbot,
) -> None:
    """Dev q499 and q503 got the sentences restating what was asked (成绩不讲跑不了,问题不找不得了) without the
    one after them that says why (只有找准了问题存在的原因,才能够解决问题; 关键在人、关键在干部)."""
    a = Answerer(real_bot).ask("讲话说光看成绩还不够,还得把毛病找出来,这是为什么?")
    said = [s.text for s in a.sentences]
    assert "只有找准了问题存在的原因,才能够解决问题" in a.text, a.text
    assert said.index(next(s for s in said if "只有找准" in s)) == said.index("成绩不讲跑不了,问题不找不得了。") + 1
    b = Answerer(real_bot).ask("为什么讲话把加强学习培训和办公室队伍建设联系在一起?")
    assert "关键在人、关键在干部、关键在队伍" in b.text, b.text


def test_real_the_77th_readings_why_questions_get_their_reasons(real_bot: pipeline.Ragbot) -> None:
    """The 77th blind reader got premises without reasons and one false refusal:
    - 会落到什么地步 asks what comes of it (as 下场 does), no kind of thing no speech names: no refusal;
    - 既要敢用,又要慎用 comes with the sentences defining its terms (所谓敢用,就是…; 所谓慎用,就是…);
    - 在全国拿了第一 (cut at its ；) comes with 因为全国各省都在快马加鞭, two sentences on."""
    bot = Answerer(real_bot)
    a = bot.ask("如果办公室工作没做好,上面的政策和决策会落到什么地步?")
    assert not a.refused, a.text
    assert "都只是写在文件上、停在口头上" in a.text, a.text
    b = bot.ask("為什麼說黨委辦公室的督查權既要敢用、又要慎用?")
    assert [s.text[:4] for s in b.sentences[1:3]] == ["所謂敢用", "所謂慎用"], b.text
    c = bot.ask("首轮修志已经在全国拿了第一,为什么还说续修不能松劲?")
    assert "因为全国各省都在快马加鞭" in c.text, c.text


def test_real_the_78th_readings_why_questions_get_their_reasons(real_bot: pipeline.Ragbot) -> None:
    """The 78th blind reader got the practice criticised without the principle it breaks, and 切忌只对领导讲
    好话 without its reason:
    - a first sentence opening 但在具体工作中,… comes after the one before it, what it falls short of
      (办公室作为党政机关的排头兵,讲政治、顾大局始终是第一位的);
    - 以致给党和人民…造成严重损失 says why (`around._REASON`)."""
    bot = Answerer(real_bot)
    a = bot.ask("县里培训开班讲话批评有些同志碰到不归自己管的临时任务就往外推,为什么说这种做法问题很严重?")
    assert "顾大局始终是第一位的" in a.sentences[0].text, a.text
    assert a.sentences[1].text.startswith("但在具体工作中"), a.text
    b = bot.ask("為什麼說辦公室的同志不能只揀領導愛聽的話說?")
    assert "不能看著決策出偏差,以致給黨和人民" in b.text, b.text


def test_real_the_80th_readings_what_if_questions_get_what_follows(real_bot: pipeline.Ragbot) -> None:
    """会变成什么样 asks what comes of a condition, as 会怎么样 does (`asks.why_asked`): the 80th blind reader
    got 003's five 重点 (kind read the 做好 of 没做好 as a list asked) instead of its 如果办公室工作做不好,…"""
    a = Answerer(real_bot).ask("如果办公室工作没做好，上面出台的政策决策会变成什么样？")
    assert a.sentences[0].text.startswith("如果办公室工作做不好"), a.text


def test_real_a_case_told_is_followed_by_what_the_speech_says_to_it(real_bot: pipeline.Ragbot) -> None:
    """The 80th blind reader asked how to take being passed over and got 比如说一些同志…暂时没有得到提拔重用 and a
    closing wish; the sentence taking that case up (对于这些同志,我要送一句话,…) is the answer (`around.taken_up_after`)."""
    a = Answerer(real_bot).ask("工作很卖力但一直没得到提拔，讲话建议怎么调整心态？")
    assert "没有得到提拔重用" in a.sentences[0].text, a.text
    assert a.sentences[1].text.startswith("对于这些同志,我要送一句话"), a.text
    # the next point of a list (其三是…存在…推卸责任) is no verdict on the case, though it holds 应 (the 87th's)
    b = Answerer(real_bot).ask("如果一封信访件里反映了好几件事，我们单位只查了其中一件就上报了，这样行吗？应该怎么做？")
    assert "其三" not in b.text, b.text
    assert "要对反映的问题逐一调查,作出处理" in b.text, b.text


def test_real_asked_what_comes_of_conduct_described_the_outcome_told_after_it_leads(real_bot: pipeline.Ragbot) -> None:
    """只是机械地转文件、不动脑子…最后会落得什么结果 (the 80th blind reader's; dev q504 asks it in Traditional): 001
    tells that conduct (不愿意多动脑筋…机械式转办文件批示) and then 由于作风不实,致使情况不明,最后工作被动, which
    leads; 003's 如果办公室工作做不好,… puts a condition of its own (`conditions._told_outcome`)."""
    bot = Answerer(real_bot)
    a = bot.ask("办公室的人如果只是机械地转文件、不动脑子，也不和上级沟通，最后会落得什么结果？")
    assert a.sentences[0].text.startswith("由于作风不实,致使情况不明"), a.text
    b = bot.ask("辦公室的人要是不愛動腦筋、只會把文件轉來轉去,最後會落得什麼結果?")
    assert b.sentences[0].text.startswith("由於作風不實"), b.text
    c = bot.ask("要是办公室这一环掉链子,上级出台的政策会落到什么下场?")  # no conduct told: the speech's own condition
    assert c.sentences[0].text.startswith("如果办公室工作做不好"), c.text
    # the best sentence tells the conduct, two before what came of it (the 81st blind reader's got only 接到会议
    # 通知直接呈报…不掌握; the question says 往上一递 and 摸清, so it holds under TOLD_MIN of them: `_tells_before`)
    d = bot.ask("要是办公室的人接到通知就直接往上一递、不去摸清上面和下面的情况，最后会落得什么结果？")
    assert d.sentences[0].text.startswith("由于作风不实,致使情况不明"), d.text


def test_real_asked_why_what_experience_teaches_before_the_claim_is_the_reason(real_bot: pipeline.Ragbot) -> None:
    """为什么…先考虑人的因素: 篇9's claim comes after what theory teaches (历史唯物主义告诉我们,社会的一切发展,离开人就
    无从谈起;…), which is the reason (`around._TEACHES`); the 86th blind reader got the claim alone."""
    a = Answerer(real_bot).ask("为什么说不管做什么事都得先考虑人的因素?")
    assert a.text.startswith("历史唯物主义告诉我们,社会的一切发展,离开人就无从谈起"), a.text
    assert "首先考虑人的因素" in a.text, a.text


def test_real_asked_what_a_thing_is_for_the_sentence_stating_its_purpose_answers(real_bot: pipeline.Ragbot) -> None:
    """Asked what a practice is for (目的, 初衷, 为什么要), the sentence stating a purpose (目的是…, 出发点和落脚点
    就是为了…) answers in any words: dev's 调研…图的是什么 got 调研是办公室工作的基本功底, and 督促检查's 用意
    got a sentence on how much every link matters."""
    a = Answerer(real_bot).ask("办公室做调查研究，究竟是为了什么目的？")
    assert "目的是把事情的真相和全貌调查清楚" in a.sentences[0].text, a.text
    b = Answerer(real_bot).ask("辦公室搞督促檢查的初衷是什麼？")
    assert "出發點和落腳點就是為了決策的落實" in b.sentences[0].text, b.text
    c = Answerer(real_bot).ask("为什么要搞督促检查？")
    assert "出发点和落脚点就是为了决策的落实" in c.sentences[0].text, c.text


@pytest.mark.parametrize(
    "question", ["为什么要把抓落实当成办公室所有工作的核心?", "為什麼說辦公室工作要一切圍著抓落實轉?"]
)
def test_real_asked_why_the_speech_asking_itself_why_is_not_said_its_answer_leads(
    real_bot: pipeline.Ragbot, question: str
) -> None:
    """003 asks itself 为什么要把抓落实作为办公室工作一切工作的核心? and answers 因为为政之道,贵在落实: that question is
    the asker's again, and the 121st blind reader got the reason second (`around.asked_again`). 003 lost its
    line breaks too: 二、一切要围绕抓落实来推进 runs on into that question (the 90th's got the heading said)."""
    a = Answerer(real_bot).ask(question)
    assert fold(a.sentences[0].text).startswith("因为为政之道,贵在落实"), a.text
    assert "推进" not in fold(a.text), a.text
    assert not any(s.text.endswith(("?", "？")) for s in a.sentences), a.text


def test_real_asked_why_a_list_announced_as_the_reasons_answers(real_bot: pipeline.Ragbot) -> None:
    """深刻认识开展此次培训的重要意义。一是…二是…三是…: asked why the training, its three points (the 89th blind
    reader got who attends); 这种理念之所以受到推崇…: its four. Not another speech's list on 重要性 (held-out q529)."""
    answerer = Answerer(real_bot)
    a = answerer.ask("县里这次为什么要把各部门、各乡镇办公室的人集中起来培训?")
    for point in ("顺应XX高质量发展的必然要求", '提升新时代"三服务"能力的客观需要', "有利于加强办公室系统干部队伍建设"):
        assert point in a.text, a.text
    b = answerer.ask("以人为本的理念为什么受到推崇？")
    assert "以人为本既回答了认识论的问题,又回答了方法论的问题" in b.text, b.text
    d = answerer.ask("县里办这次党政办公室培训，讲话里说办班有哪几方面的意义？")  # the 126th's: 意义 asks why too
    for point in ("顺应XX高质量发展的必然要求", '提升新时代"三服务"能力的客观需要', "有利于加强办公室系统干部队伍建设"):
        assert point in d.text, d.text
    c = answerer.ask("為什麼辦公室任何一道環節都不能出岔子?")
    assert "任何一個環節出了問題" in c.sentences[0].text, c.text


def test_real_a_colloquial_why_asks_why(real_bot: pipeline.Ragbot) -> None:
    """干嘛 asks why as 为什么 does: the reason after the claim (因为全国各省都在快马加鞭) follows it."""
    a = Answerer(real_bot).ask("修志工作已经在全国拿了第一，干嘛还要马不停蹄往前赶？")
    assert "因为全国各省都在快马加鞭" in a.text, a.text


def test_real_what_follows_from_failing_is_the_if_then_sentence_after_the_first(real_bot: pipeline.Ragbot) -> None:
    """只顾自己那一摊…会有什么后果 shares no word with 如果大局意识不强,就很容易陷入本位主义…, the sentence right
    after the best one (一般工作人员也要考虑大局): the 96th blind reader got the latter alone."""
    a = Answerer(real_bot).ask("民政讲话里说,如果办公室的人只顾自己那一摊、不考虑全局,会有什么后果？")
    assert "如果大局意识不强,就很容易陷入本位主义和小团体主义" in a.text, a.text


@pytest.mark.parametrize(
    "question",
    ["民政系统那篇讲话为什么拿一台机器来比喻办公室？", "民政局办公室的工作为什么被比作一部机器?"],  # the 96th's, 98th's
)
def test_real_asked_why_a_speech_likens_the_office_to_a_thing_the_point_follows(
    real_bot: pipeline.Ragbot, question: str
) -> None:
    """为什么拿一台机器来比喻办公室 asks what the figure shows, not its wording: the 96th blind reader got
    办公室好比一部机器…零部件 alone; the sentence after it says the point (要使…就必须建立一套科学的管理方式)."""
    a = Answerer(real_bot).ask(question)
    assert "办公室好比一部机器" in a.text, a.text
    assert "就必须建立一套科学的管理方式" in a.text, a.text


def test_real_a_sentence_taking_up_the_points_before_it_comes_after_them(real_bot: pipeline.Ragbot) -> None:
    """为什么…外部环境比以前难应付 (the 97th blind reader's) got 当然,教育系统面临的复杂环境远不止这些 alone: 这些 are
    the three points before it (首先,…；其次,…；第三,…, counted on with 第, found as a list now), said first."""
    a = Answerer(real_bot).ask("为什么说教育系统办公室现在碰到的外部环境比以前难应付？")
    assert "维权意识逐步增强" in a.text, a.text
    assert "网络媒体的迅猛发展" in a.text, a.text
    assert "教育安全事故时有发生" in a.text, a.text
    assert a.sentences[-1].text.startswith("当然,教育系统面临的复杂环境远不止这些"), a.text


def test_real_asked_why_a_one_sentence_answer_is_followed_by_the_series_after_it(real_bot: pipeline.Ragbot) -> None:
    """推行OA系統辦公,為什麼說還有問題沒有解決 (the 100th blind reader's) got …但我也在關注其運行狀況 alone: the
    ；-series after it (最先一公里…最後一公里…中間環節) is why, as a list question gets it."""
    a = Answerer(real_bot).ask("市政府辦公室推行OA系統辦公,為什麼說還有問題沒有解決?")
    for problem in ("最先一公里", "最後一公里", "中間環節"):
        assert problem in a.text, a.text


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        (
            "为什么要强化政治意识？",
            "没有政治上的坚定性就没有思想和行动上的统一性",
        ),  # of 一是要强化政治意识。
        ("為什麼要強化大局意識？", "是做好辦公室工作的基本要求"),
        ("为什么要强化责任意识？", "决定了我们每个岗位、每个同志工作的责任是重大的"),
    ],
)
def test_real_asked_why_of_a_point_the_sentence_after_its_bare_lead_answers(
    real_bot: pipeline.Ragbot, question: str, reason: str
) -> None:
    """为什么要强化政治意识 got 概况起来就是要强化"七种意识" alone: the points' bare leads (一是要强化政治意识。)
    hold every word of the question but are headings; the sentence after each is the point's reason."""
    a = Answerer(real_bot).ask(question)
    assert reason in a.text, a.text
    assert not a.text.startswith(("概况起来", "概況起來")), a.text


def test_real_according_to_someones_words_asks_no_wording(real_bot: pipeline.Ragbot) -> None:
    """按那位市政府领导的说法,…会落到什么结果 (the 114th blind reader's) was read as asking for a formulation
    (说法) and got two quotes without the outcome; 按…的说法 is "according to"."""
    a = Answerer(real_bot).ask("按那位市政府领导的说法，要是各级办公室工作没做好，上面出台的政策会落到什么结果？")
    assert not a.text.startswith("讲话中的说法"), a.text
    assert "画了个饼" in a.text, a.text


def test_real_a_cut_in_a_traditional_sentence_keeps_the_subject_a_leaning_clause_needs(
    real_bot: pipeline.Ragbot,
) -> None:
    """如果教育领域出了负面事件又被媒体报导,会引起什么后果 (the 117th blind reader's, in Traditional) was
    answered from 讓信息傳播速度不斷加快…: the cut dropped what makes it so (網路媒體的迅猛發展), as 让 leans
    on the clause before, and clauses of the Traditional file were read unfolded (這, 並, 從而 lean too)."""
    for q in (
        "如果教育領域出了一件負面事件又被媒體報導了，講話擔心會引起什麼後果？",
        "如果教育领域出了一件负面事件又被媒体报道了,讲话担心会引起什么后果?",
    ):
        a = Answerer(real_bot).ask(q)
        assert "微博为代表的" in fold(a.sentences[0].text), a.text
        assert "舆论狂欢" in fold(a.text), a.text


def test_real_a_cut_never_opens_with_a_passive_lacking_its_subject(real_bot: pipeline.Ragbot) -> None:
    """为什么…天天重复的日常事务做久了反而成了问题 (the 116th blind reader's) got 篇1's 逐渐被习以为常地用来处理
    各项事务…: what is taken for granted (许多工作方式方法…) was cut off before 被."""
    a = Answerer(real_bot).ask("为什么办公室那些天天重复的日常事务做久了反而成了问题")
    assert not any(fold(s.text).startswith("逐渐被") for s in a.sentences), a.text
    assert "许多工作方式方法年复一年都不变" in a.text, a.text


def test_real_the_condition_asked_ends_where_its_consequence_begins(real_bot: pipeline.Ragbot) -> None:
    """为什么说办公室人员如果不顾全大局就干不好工作 (the 115th blind reader's) led with 003's 如果办公室工作做不好…:
    the condition was read as 不顾全大局就干不好工作, and 工作, 不好 chose a sentence whose condition holds them.
    The condition is 不顾全大局; 004's 如果大局意识不强,就很容易陷入本位主义… is in the answer."""
    a = Answerer(real_bot).ask("为什么说办公室人员如果不顾全大局就干不好工作")
    assert not a.sentences[0].text.startswith("如果办公室工作做不好"), a.text
    assert "如果大局意识不强" in a.text, a.text


def test_real_asked_what_comes_of_a_condition_a_sentence_putting_it_answers_before_a_list(
    real_bot: pipeline.Ragbot,
) -> None:
    """要是…文件里错了一个字或者标点,会有什么后果 (the 119th blind reader's) got 003's three headings, the list near
    the best sentence read as the reasons; that sentence puts the condition (如果写错一个字、用错一个标点) and says
    what comes of it (`conditions.states_condition`)."""
    answerer = Answerer(real_bot)
    for q in (
        "要是政府发的文件里错了一个字或者标点,会有什么后果?",
        "要是政府發的文件裡錯了一個字或者標點，會有什麼後果？",
    ):
        a = answerer.ask(q)
        assert "水平很低" in a.sentences[0].text, a.text
        assert "担子和责任很重" not in a.text, a.text


def test_real_asked_why_a_sentence_under_a_heading_naming_the_matter_gives_the_reason(
    real_bot: pipeline.Ragbot,
) -> None:
    """為什麼說網路媒體讓…工作環境更複雜了 (the 119th blind reader's) got 篇1's 教育宣傳工作要及時調整… and 複雜環境遠不
    止這些: the reason, 其次,以微信、微博為代表的網路媒體的迅猛發展…“輿論狂歡”, names no 複雜環境, which its heading
    三是面臨更複雜的環境 does (`answer.candidates`, headed)."""
    a = Answerer(real_bot).ask("為什麼說網路媒體讓教育系統辦公室的工作環境更複雜了?")
    assert "網路媒體的迅猛發展,讓信息傳播速度不斷加快" in a.sentences[0].text, a.text
    assert "輿論狂歡" in a.sentences[0].text, a.text


def test_real_what_calls_for_a_demand_comes_before_it(real_bot: pipeline.Ragbot) -> None:
    """这就要求办公室同志…站位要高 points back to what calls for it (`padding._DANGLING`): 篇11's 有的…提的意见太空洞、
    泛泛而谈,领导不易采纳. The 252nd blind reader asked why 拟办意见 are not taken and got the demand alone."""
    for q in ("我给文件写的拟办意见,领导老是不采纳,讲话里有没有说原因和该怎么写?", "拟办意见领导不采纳，原因是什么？"):
        said = fold(Answerer(real_bot).ask(q).text)
        assert "提的意见太空洞、泛泛而谈" in said, (q, said)
        assert said.index("泛泛而谈") < said.index("这就要求"), (q, said)
