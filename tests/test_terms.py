"""The question's words as the answer weighs them (terms.py): a verb asked not to be done weighs as the
speeches' 不X, on the real index."""

from __future__ import annotations

import pytest

from ragbot import pipeline
from ragbot.answer import Answerer
from ragbot.cuts import cut
from ragbot.scaffold import scaffolding
from ragbot.script import fold
from ragbot.terms import NEGATED, _a_not_a, _set_aside, term_weights
from ragbot.unnamed import UNSEEN_MARGIN, unknown_asked, unnamed_contents, unseen_nouns


def test_a_verb_asked_not_to_be_done_is_found_but_not_in_a_yes_or_no() -> None:
    def negated(q: str) -> list[str]:
        return [m.group(1) for m in NEGATED.finditer(q) if not _a_not_a(q, m.start())]

    assert negated("哪些事不应该去督？") == ["督"]
    assert negated("哪些话不该讲？") == ["讲"]
    assert negated("有哪些事是不去督的？") == ["督"]  # 是 before 不: the fourteenth blind reader's question
    assert negated("要不要发？") == negated("能不能做？") == []


def test_real_which_things_not_to_supervise_are_the_speechs_three_不督(real_bot: pipeline.Ragbot) -> None:
    question = "哪些事情督查部门不应该去督？"
    assert "不督" in term_weights(real_bot.index, question)  # jieba cuts 去督, which no speech says
    a = Answerer(real_bot).ask(question)
    first = a.text.split("[")[0]
    assert "按正常程序能办好的一般的事不督" in first, a.text
    assert "市县领导没有授权的事不督" in first, a.text


def test_what_a_saying_is_said_to_show_is_how_the_question_asks() -> None:
    # 用哪句话说明这个道理: 说明 and 道理 ask for a saying; weighed, they led with …说明在工作时对文件不了解
    assert {"说明", "道理"} <= scaffolding("光凭领导个人去约束下属容易结怨，讲话里用哪句话说明这个道理？")


def test_a_clause_opening_with_a_purpose_来_leans_on_the_one_before() -> None:
    sentence = "单位要靠制度,来约束大家的行为,有一句话说的好,“靠人管人得罪人,靠制度管人团结人”,做任何事情都要讲制度。"
    assert cut(sentence, {"约束": 1.0, "得罪人": 1.0}, "wording", 60).startswith("“靠人管人得罪人")
    assert cut("来自基层的同志,要多反映情况。", {"来自": 1.0, "基层": 1.0}).startswith("来自基层")  # 来自 is no purpose


def test_real_what_a_thing_no_speech_names_includes_is_refused(real_bot: pipeline.Ragbot) -> None:
    index = real_bot.index
    assert unnamed_contents(
        index, "开展专题调研之前，调研提纲或调研方案应当包括哪些内容？"
    )  # 提纲, 调研方案: never said
    assert unnamed_contents(index, "用印时要登记哪些内容？")
    assert not unnamed_contents(index, "信访件的查处报告应该包括哪几个方面？")  # 查处报告 is
    assert not unnamed_contents(index, "报告里得写哪几块内容？")
    assert not unnamed_contents(index, "办公室主任有哪些职责？")  # asks no contents
    assert not unnamed_contents(
        index, "查處報告有哪些要求?報告本身應包括哪幾部分?"
    )  # fresh q423: 本身 and 应 say no thing
    # named only as a sentence ends (严格遵守电子政务保密管理的基本制度。): no speech says what it includes
    assert unnamed_contents(index, "电子政务保密管理基本制度具体包括哪几项")
    answerer = Answerer(real_bot)
    assert answerer.ask("开展专题调研之前，调研提纲应当包括哪些内容？").refused
    assert answerer.ask("电子政务保密管理基本制度具体包括哪几项").refused
    assert not answerer.ask("上报信访件的查处报告应该包括哪些内容？").refused


def test_real_which_of_a_kind_no_speech_names_is_refused(real_bot: pipeline.Ragbot) -> None:
    """什么字体 (the eighteenth blind reader's answered near miss): no chunk says 字体, so none says which;
    a name, a figure or an amount asked for is no such thing (外号, 器官 in 打比方, 比例)."""
    index = real_bot.index
    assert unknown_asked(index, "上报的政务信息稿件，标题和正文分别要用什么字体、字号？") == "字体"
    assert unknown_asked(index, "涉密电脑能不能连外网？要是违反了会受到什么处分？") == "处分"
    assert unknown_asked(index, "对具体落实不闻不问、推一下才动一下的人，讲话给他们起了个什么外号？") == ""
    assert unknown_asked(index, "講話拿人體哪個器官打比方，說明整個機構要靠誰統一指揮四肢？") == ""
    assert unknown_asked(index, "信息工作有哪些要求？") == ""  # 要求: said everywhere
    assert unknown_asked(index, "回复网民的留言有哪些注意事项？") == ""  # what to mind (the 22nd blind reader's)
    assert unknown_asked(index, "对文件里的错别字有什么硬指标？") == ""  # a limit set (the 131st's)
    assert unknown_asked(index, "对文字差错率有什么硬性要求？") == ""  # 硬性 qualifies 要求 (the 138th's was refused)
    # whatever is said (领导说什么照办就行) asks which of nothing: the 138th's was refused for 照办
    assert unknown_asked(index, "是不是领导说什么照办就行？讲话对向领导提不同意见是怎么说的？") == ""
    assert (
        unknown_asked(index, "如果一个单位的办公室运转不好,整个单位会变成什么样子？") == ""
    )  # how it turns out (96th)
    # the word after a verb that qualifies it (哪些审批手续: 审批 is said, 手续 never; the twentieth blind
    # reader's near miss was answered), not the verb after a noun (什么时候发声: 时候 is the thing asked)
    assert unknown_asked(index, "办公室主任因公出国考察需要办理哪些审批手续？") == "手续"
    # …unless a sentence found tells it by its steps (篇8's 市直各部门接待上级副厅级以上领导干部,一定要向“两办”报告…
    # 审批后…: the 145th's was refused), holding nearly every other word asked (not 借阅, held-out q214)
    answerer = Answerer(real_bot)
    for asked in (
        "市直部門要接待上級副廳級以上的領導，事先要辦什麼手續？",
        "市直部门要接待上面来的副厅级以上领导，需要走什么手续？",  # the 146th's
        "想借阅档案室里的档案要办什么手续？",
        "办公室主任因公出国考察需要办理哪些审批手续？",
    ):
        texts = [c.text for c in answerer.evidence(asked).candidates]
        assert unknown_asked(index, asked) == "手续"
        assert unknown_asked(index, asked, texts) == ("" if "副厅级" in fold(asked) else "手续")
    # 报备 is such a procedure too (the 262nd's 事先要做哪些報備 was refused)
    for q in (
        "市直部門要接待上級副廳級以上的領導，事先要辦什麼手續？",
        "市直部門要接待來檢查的上級廳級領導,事先要做哪些報備?",
    ):
        reception = answerer.ask(q)
        assert reception.text.startswith("市直各部門接待上級副廳級以上領導幹部,一定要向“兩辦”報告"), reception.text
    # …and the last of nouns that name it (什么党纪政务处分: 党纪 is said once, 处分 never; the 98th's was answered)
    assert unknown_asked(index, "督查问责中,对落实不力的责任人具体给予什么党纪政务处分?") == "处分"
    assert unknown_asked(index, "要建立什么工作制度？") == ""
    # …and the matter a requirement is asked on, when no chunk names it (the 147th's near miss got 篇3's 没有很高的思想境界…)
    assert unknown_asked(index, "当办公室主任有没有学历方面的硬性要求？") == "学历"
    assert unknown_asked(index, "办公室人员在廉洁方面有哪些具体要求？") == ""
    assert Answerer(real_bot).ask("当办公室主任有没有学历方面的硬性要求？").refused
    # …asked as what has a rule of its own (的学时有什么具体规定; 的学 is no word jieba cut across, `_halves`): the
    # 217th's got 要加强文字写作能力的学习和培训
    assert unknown_asked(index, "讲话对办公室文字骨干每年参加业务培训的学时有什么具体规定？") == "学时"
    assert unknown_asked(index, "公文处理有什么具体规定？") == ""
    # …and the matter asked how often (续报: the 150th's near miss got the first report's 最迟不得超过事发后2小时)
    assert unknown_asked(index, "重大突发事件首报之后，续报要求隔多长时间报一次？") == "续报"
    assert unknown_asked(index, "重大突发事件发生后，信息报送要求多长时间报上去？") == ""
    assert Answerer(real_bot).ask("重大突发事件首报之后，续报要求隔多长时间报一次？").refused
    # …and how soon (续报要在多长时间内: the 219th's got the first report's 2小时)
    assert unknown_asked(index, "重大突发事件首报之后,续报要在多长时间内报上去?") == "续报"
    assert unknown_asked(index, "天门市规定重大突发事件初报之后，多长时间内必须报送书面续报？") == "续报"  # the 224th's
    assert unknown_asked(index, "重大突发事件首报之后,续报必须在多少小时内报送?") == "续报"  # 必须 (the 227th's)
    assert not Answerer(real_bot).ask("重大突发事件发生后，最迟多长时间要报告？").refused
    # …or how soon, though jieba cuts 后续的续报 as 后续/的续/报 (the 169th's near miss got the first report's 2小时)
    assert unknown_asked(index, "突发事件首次报告之后，后续的续报最迟要在几个小时内报送？") == "续报"
    assert unknown_asked(index, "突发事件发生后，信息最迟要在几小时内报上去？") == ""
    assert Answerer(real_bot).ask("突发事件首次报告之后，后续的续报最迟要在几个小时内报送？").refused
    # …or what its time limit is (续报…的时限是事发后几小时: the 267th's got the first report's 2小时)
    assert unknown_asked(index, "重大突发事件报了初步情况以后,续报详细情况的时限是事发后几小时?") == "续报"
    assert unknown_asked(index, "重大突发事件首报之后，续报详细情况最迟要在事发后几小时内报送？") == "续报"  # 272nd's
    assert unknown_asked(index, "重大突发事件报送的时限是事发后几小时?") == ""
    assert unknown_asked(index, "重大突发事件发生后,信息最迟要在事发后几小时内报送?") == ""
    assert not Answerer(real_bot).ask("重大突发事件发生后，最迟几个小时内要报告？").refused
    assert unknown_asked(index, "推行网上办公系统以后，负责操作的同事容易在哪个环节拖后腿？") == ""  # dev q462
    # each of two things asked (哪些具体条件和评分标准: 条件 is said, 评分 never; the 96th's near miss was answered)
    assert unknown_asked(index, "民政局重新申报省级文明单位需要满足哪些具体条件和评分标准？") == "评分"
    assert Answerer(real_bot).ask("民政局重新申报省级文明单位需要满足哪些具体条件和评分标准？").refused
    assert unknown_asked(index, "校园里出了负面事件、在网上被炒热了，教育宣传部门应该抢在什么时候发声？") == ""
    # …and the thing asked as 的X是什么 (篇8 says only 要进行量化考核: the 49th blind reader's near miss)
    assert unknown_asked(index, "天门市对党办信息工作进行量化考核,具体的计分标准是什么?") == "计分"
    assert unknown_asked(index, "办公室工作的特点是什么？") == ""
    # …是多少, …是怎么设定的 (fresh q434, q435: 网址, 分值 are said nowhere); 办结率是多少 is said
    assert unknown_asked(index, "光山县政府信息公开网的网址是多少?") == "网址"
    assert unknown_asked(index, "各項考核指標的分值和權重是怎麼設定的?") == "分值"
    # a kind of pay no speech names (004 says only 津补贴: the 85th blind reader's near miss got its 12%)
    assert unknown_asked(index, "这些讲话里，公车改革后办公室干部的交通补贴标准是怎么定的？") == "交通补贴"
    assert unknown_asked(index, "縣委辦那篇講話說今年要從每個人的津補貼裡拿出多少來考核？") == ""
    # …not one jieba cut across two words (每个人津补贴: 人津; the 145th's was refused)
    share = "县委办今年从每个人津补贴里拿出多少用来考核，一年考几次？"
    assert unknown_asked(index, share) == ""
    assert unseen_nouns(index, share) == []
    assert "拿出12%用于部门自己考核" in Answerer(real_bot).ask(share).text
    # …wherever the question names it, of verbs to jieba too (值班补贴, 加班补助: the 89th's got that 12%)
    assert unknown_asked(index, "讲话中对办公室人员加班补助或值班补贴的发放标准是怎么规定的?") == "加班补助"
    assert unknown_asked(index, "縣委辦要從大家的津貼補貼裡扣出一部分來搞考核，扣的是多少比例？") == ""  # two kinds
    for question, thing in (
        # …nor what the speeches say otherwise (油费 is 耗油: `synonyms.SAID_AS`; the 196th's was refused for 油费)
        ("單位公車的油費和修車費用是怎麼管理的?", ""),
        # 规定为什么 asks what it is set as, not why (the 198th's near miss got two sentences on the format change)
        ("黨委檔案改版後,公文用紙和正文字體、字號統一規定為什麼?", "字号"),
        ("为什么要统一规定公文格式?", ""),
        # papers handed in by an act no speech says (提交: the 197th's near miss got 需要重新申报); not how one asks
        ("民政局重新申報省級文明單位需要提交哪些材料？", "提交"),
        ("辦公室居中協調時，對上頭的領導和對下面的單位，態度上分別要拿捏什麼分寸？", ""),
        # 劝导 asks for words, as 劝慰 does (the 199th's was refused); 在学历上 names a matter, as 学历方面 does
        ("我辛苦干了很多年一直没被提拔,讲话里对这种情况有什么劝导?", ""),
        ("今后办公室选人在学历上有什么要求?", "学历"),
        ("光山县讲话说今后办公室选人,对学历有什么要求?", "学历"),  # 对学历 (the 254th's got the two 条件)
        # 怎样的 asks which, as 什么 does (the 261st's near miss got 003's agenda); not of what any speech says
        ("“研究改进作风和抓落实”讲话对不按时反馈领导批示办理情况的单位,规定了怎样的具体扣分或处分标准?", "扣分"),
        ("讲话提出了怎样的要求？", ""),
        ("今后办公室选人有什么要求？", ""),
    ):
        assert unknown_asked(index, question) == thing, question
    # …or by an act said, when no sentence found on it names papers (申报 is said only as 需要重新申报: the 238th's)
    assert Answerer(real_bot).ask("民政局省级文明单位到期重新申报,需要准备哪些材料?").refused
    assert "耗油定量管理" in fold(Answerer(real_bot).ask("單位公車的油費和修車費用是怎麼管理的?").text)
    # the penalty asked when no sentence on the matter names one (`meanings.unpenalized`: the 195th's near miss got
    # 不得有不在岗或脱岗等现象); one naming what is done answers (抄送…组织人事部门,作为评定干部…的重要依据)
    assert unknown_asked(index, "天門市委辦對值班時脫崗的人員，具體怎麼處罰？") == "处罚"
    assert Answerer(real_bot).ask("天門市委辦對值班時脫崗的人員，具體怎麼處罰？").refused
    assert "抄送目标管理和组织人事部门" in Answerer(real_bot).ask("督查时发现落实不力的部门，怎么处罚？").text
    assert unknown_asked(index, "县长信箱来信的办结率是多少?") == ""
    # …是怎样的 ending a clause asks what it is (the 104th blind reader's near miss got 要进行量化考核)
    assert unknown_asked(index, "天门市对各单位信息工作进行量化考核，具体评分标准是怎样的？") == "评分标准"
    assert unknown_asked(index, "辦公室的工作作風是怎樣的？") == ""
    # 为什么 and 凭什么 ask why, no thing (为什么光派人督查: jieba's 光派 is no word; the 115th's was refused)
    assert unknown_asked(index, "为什么光派人督查、不追究责任是不行的?") == ""
    assert unknown_asked(index, "凭什么说光派人督查是不行的?") == ""
    assert "光督查不追责" in Answerer(real_bot).ask("为什么光派人督查、不追究责任是不行的?").text
    # 什么劝慰的话 asks for words, which the speeches say in their own (002's 我要送一句话…; the 49th's, refused)
    assert unknown_asked(index, "活没少干却一直没被提拔,讲话里有什么劝慰的话?") == ""
    answerer = Answerer(real_bot)
    assert answerer.ask("天门市对党办信息工作进行量化考核,具体的计分标准是什么?").refused
    assert "既要有勇气改变可以改变的事情" in answerer.ask("活没少干却一直没被提拔,讲话里有什么劝慰的话?").text
    assert answerer.ask("上报的政务信息稿件，标题和正文分别要用什么字体、字号？").refused
    # which company made it, when no text found names one (the 90th blind reader's got the sentence on OA)
    maker = answerer.ask("畢節市政府辦公室推行的OA系統是哪家公司開發的?")
    assert maker.refused, maker.text
    assert maker.text.startswith("講話中沒有"), maker.text  # in the asker's script
    # which system or software (the 131st's got 有些会议可能会以视频会议形式开); one the speeches name answers
    assert answerer.ask("我们开视频会议用的是哪个系统或软件？").refused
    assert "政府信息公开管理系统" in answerer.ask("光山县政府信息公开用的是哪个系统？").text
    # a shorthand the question spells out itself (参训 of 培训: the 79th's, refused) is known; alone it is not
    assert unknown_asked(index, "这次培训的参训对象有哪些人，涵盖了多少个乡镇？") == ""
    assert not unseen_nouns(index, "这次培训的参训对象有哪些人，涵盖了多少个乡镇？")
    assert unseen_nouns(index, "参训对象有哪些人？") == ["参训"]
    assert "33个乡镇" in answerer.ask("这次培训的参训对象有哪些人，涵盖了多少个乡镇？").text
    assert not answerer.ask("对具体落实不闻不问、推一下才动一下的人，讲话给他们起了个什么外号？").refused


def test_real_a_vendor_or_pay_no_speech_names_is_refused(real_bot: pipeline.Ragbot) -> None:
    """哪家厂商, 哪款服务器, 有没有加班费, 加班费标准…是什么: kinds of thing no chunk names (the 64th blind
    reader's and held-out q393, q394, answered with the sentence naming the equipment or 5+2); 哪家公司的
    哪款服务器 asks both, the second never said. 有没有 asks whether there is one only of a phrase of up to ten
    characters ending the clause, led by pay or leave: 有没有教怎么给自己的工作留余地 asks how."""
    index = real_bot.index
    assert unknown_asked(index, "天门那篇讲话提到装了开视频会议的设备，用的是哪家厂商的系统？") == "厂商"
    # 篇1 names 办公室軟體, folded 软件 (`script.fold`): of software, the speeches name a kind; of servers, none
    assert unknown_asked(index, "讲话里提到市政府办公室推行OA系统办公,用的是哪家公司的哪款服务器?") == "服务器"
    assert unknown_asked(index, "講話裡老說辦公室要「5+2」「白+黑」地幹，那加班有沒有加班費？能不能調休？") == "加班费"
    assert (
        unknown_asked(index, "辦公室人員經常「5+2」「白+黑」加班,講話裡規定的加班費標準或調休辦法是什麼?") == "加班费"
    )
    assert unknown_asked(index, "手上的活排满了,领导又临时丢来急事,讲话里有没有教怎么给自己的工作留余地?") == ""
    assert unknown_asked(index, "同事上班时间在电脑上聊天下棋,讲话里有没有点名批评这种现象?") == ""
    assert unknown_asked(index, "我在辦公室幹了幾年，講話裡說辦公室工作者將來有沒有出路？") == ""  # no pay or leave
    # up to ten characters after 有没有 (加班费或补休的规定: the 88th's was answered with 该加班就加班)
    assert unknown_asked(index, "办公室工作人员节假日值班，有没有加班费或补休的规定？") == "加班费"
    answerer = Answerer(real_bot)
    assert answerer.ask("讲话里提到市政府办公室推行OA系统办公,用的是哪家公司的哪款软件?").refused
    assert answerer.ask("講話裡老說辦公室要「5+2」「白+黑」地幹，那加班有沒有加班費？能不能調休？").refused


def test_real_the_scene_a_question_sets_is_not_what_it_asks(real_bot: pipeline.Ragbot) -> None:
    # 面對…增多: the measures answer, not the sentence saying 窃密活动不断增多 (which held the most words)
    a = Answerer(real_bot).ask("面對高校竊密活動增多,講話要求從哪些方面加強保密管理?")
    assert a.text.startswith("我們當前必須加強保密管理制度建設"), a.text
    assert "堅持人防、技防相結合" in a.text, a.text


def test_real_how_a_question_asks_one_to_view_a_thing_is_not_what_it_asks(real_bot: pipeline.Ragbot) -> None:
    """怎么劝大家看待 asks how to view being criticised (`scaffold.scaffolding`): the 120th blind reader's
    question weighed 看待 and got 003's 大家都把你当政府官员看待,…这沉甸甸的责任; 002's advice now leads."""
    for q in ("办公室的同志挨了领导批评,讲话里是怎么劝大家看待的", "辦公室的同志挨了領導批評，應該怎麼看待？"):
        a = Answerer(real_bot).ask(q)
        assert "并不是出于恶意" in fold(a.sentences[0].text), a.text
        assert "沉甸甸" not in a.text, a.text


def test_real_a_thing_left_unnamed_is_not_what_it_asks(real_bot: pipeline.Ragbot) -> None:
    """某个环节 names no thing (`scaffold.SCAFFOLD`): no chunk says 某个, and weighed as Cilin's 之一 it led with
    教育公平问题成为最大民生问题之一 instead of 004's 任何一个环节出了问题,都会产生很大的影响."""
    for q in ("如果某个环节出了问题会怎么样", "如果某個環節出了問題，會怎麼樣？"):
        a = Answerer(real_bot).ask(q)
        assert "任何一个环节出了问题" in fold(a.sentences[0].text), a.text
        assert "之一" not in term_weights(real_bot.index, q)
    for q in ("中办那个24字精神是什么", "那種做法對不對"):  # 那个, 那种 point as 这个 does (Cilin: 其二)
        assert not {"其二", "那个", "那种"} & set(term_weights(real_bot.index, q))


def test_real_where_to_start_is_how_one_asks(real_bot: pipeline.Ragbot) -> None:
    """从哪儿下手 asks how to go about it (`scaffold.SCAFFOLD`; Cilin's 入手, 着手 for 下手 are scaffolding too):
    the 124th blind reader got 篇8's 临阵磨枪 point, 写材料不是一门高深学问 and the first point only; the four
    points of 写好文章还是那几句话 now, in order."""
    for q in ("我不太会写材料，接到写稿任务以后该从哪儿下手？", "我不太會寫材料，接到寫稿任務以後該從哪兒下手？"):
        a = fold(Answerer(real_bot).ask(q).text)
        points = [a.find(p) for p in ("充分掌握基本情况", "有必要的理论功底", "掌握一定的公文写作技巧", "临阵磨枪")]
        assert -1 < points[0] < points[1] < points[2] < points[3], a
        assert not {"哪里", "何地", "入手", "着手", "下手"} & set(term_weights(real_bot.index, q))


def test_real_a_situation_told_before_the_question_is_not_what_it_asks(real_bot: pipeline.Ragbot) -> None:
    # 手上的活…，领导又临时塞来新任务，…怎样给自己留余地: the advice leads, not 临时任务多,…难以胜任
    # (which held the situation's words; the twentieth blind reader found the advice third)
    answerer = Answerer(real_bot)
    a = answerer.ask("手上的活已经排得满满当当，领导又临时塞来新任务，讲话建议平时怎样给自己留余地？")
    assert "给自己留出一块“空地”" in a.sentences[0].text, a.text
    # a one-clause situation is what is asked about (上司们之间看法不一…该怎么做): its words keep their weight
    b = answerer.ask("上司们之间看法不一、闹了点别扭，夹在中间的人该怎么做？")
    assert "团结" in b.sentences[0].text, b.text
    # …and so is a longer one when the last clause names nothing of its own (该怎么做 what, in the middle):
    # its words keep their weight (on the int8 vectors of AVX-512 VNNI CPUs this kept 维护领导之间的团结 in
    # its answer; on AVX2 ones that sentence ranks fifth either way, so the weights are what is checked)
    situation = "两位领导对一件事看法不一样，闹了点别扭，我们办公室夹在中间该怎么做？"
    weights = {"两位": 6.67, "看法": 6.67, "别扭": 6.67, "夹": 6.67, "中间": 5.07}
    assert _set_aside(situation, weights) == weights
    assert _set_aside("手上的活排得满满的，领导又塞来新任务，怎样给自己留余地？", {"任务": 2.0, "余地": 6.7}) == {
        "任务": 1.0,
        "余地": 6.7,
    }


def test_real_a_question_on_what_no_speech_names_needs_more_evidence(real_bot: pipeline.Ragbot) -> None:
    # 正文, 字体, 字号: no chunk holds them nor a synonym of them; the best sentence (严格执行《…公文处理条例》) was
    # 0.0016 above the threshold and answered (the twenty-first blind reader's near miss, held-out q337)
    index = real_bot.index
    assert unseen_nouns(index, "公文正文的字體和字號有什麼規定？") == ["正文", "字体", "字号"]
    # 县里, 科里: one character and where in it, a noun every speech names (科里…我想推掉 was refused on AVX2
    # CPUs, its evidence 0.002 above the threshold and under the margin)
    assert unseen_nouns(index, "县里的办公室主任会议上提了哪些要求？") == []
    assert unseen_nouns(index, "科里临时派给我一件不归我分管的活") == []
    assert unseen_nouns(index, "办公室主任会议上提了哪些要求？") == []
    answerer = Answerer(real_bot)
    # (有什么规定 now names the matter asked, `unnamed._ON_MATTER`, and is refused before the margin is needed: asked
    # for its 讲究, the best sentence is again within the margin)
    a = answerer.evidence("對公文正文的字體、字號有哪些講究？")
    assert real_bot.config.refusal_threshold <= a.best < a.threshold, a.best
    assert a.threshold == real_bot.config.refusal_threshold + UNSEEN_MARGIN
    assert answerer.ask("對公文正文的字體、字號有哪些講究？").refused
    assert answerer.ask("公文正文的字體和字號有什麼規定？").refused
    # a question whose unseen word is everyday wording, answered well above the margin, stays answered
    assert not answerer.ask("筹办旅游发展大会那次县里的办公室主任会议上，对办公室人员守规矩提了哪几方面要求？").refused


def test_real_a_quoted_phrase_a_speech_holds_is_not_unknown(real_bot: pipeline.Ragbot) -> None:
    # jieba cuts “靠人管” alone as one word no speech has, so the question was refused as quoting an
    # unknown formulation (the twenty-second blind reader's); 003 says “靠人管人得罪人,靠制度管人团结人”
    a = Answerer(real_bot).ask("講話裡有一句把“靠人管”和“靠制度管”作對比的說法，原文是什麼？")
    assert not a.refused, a.text
    assert "靠人管人得罪人,靠制度管人團結人" in a.text, a.text
    # a quote retelling the saying (比 joins the two halves: jieba's 比靠, 人管 are words no speech has)
    # was refused, the saying itself shown among the closest passages (the 24th blind reader's)
    a = Answerer(real_bot).ask('有篇讲话引用了别人关于"靠制度管人比靠人管人好"的一句话,原话怎么说?')
    assert not a.refused, a.text
    assert "靠人管人得罪人,靠制度管人团结人" in a.text, a.text


def test_real_what_to_mind_is_answered_with_what_the_speech_asks(real_bot: pipeline.Ragbot) -> None:
    # 哪些注意事项 was refused (no speech says 注意事项; the twenty-second blind reader's false refusal):
    # 篇8's passage on replying on the 市委书记专属板 is cited (its answer leads with the point's heading,
    # 四要认真做好…留言回复的落实, not yet with 回复的语气一定要谦虚 further down)
    a = Answerer(real_bot).ask("在网上回复“市委书记专属板”里网民的留言，有哪些注意事项？")
    assert not a.refused, a.text
    taboo = Answerer(real_bot).ask("在領導身邊工作的人,說話和打聽事情上有什麼禁忌?")  # the 60th's: 禁忌, said nowhere
    assert "不該講的不講" in taboo.text, taboo.text
    assert any("回復的語氣一定要謙虛" in c.text for c in a.citations), a.text
    # 有什么讲究 asks what to mind as well: the tally 共收到网民各方面留言5128条 answered it (the
    # twenty-fourth blind reader's); the manner of replying is now in the answer itself
    a = Answerer(real_bot).ask('领导让我帮忙处理网民在"市委书记专栏"上的留言回复,有什么讲究?')
    assert "5128" not in a.text, a.text
    assert "回复的语气一定要谦虚" in a.text, a.text


def test_real_the_parts_of_a_name_the_speeches_never_spell_out_are_refused(real_bot: pipeline.Ragbot) -> None:
    """001 names “八字要求” only among other names (比如"前哨后院""三个表率"…"八字要求"…) and 实施五大行动
    only within the 1355 strategy's four parts: which eight characters or five actions no speech says (the
    41st blind reader's near miss got the sentence of names; a reader before got 前哨后院… for 五大行动).
    The names a speech spells out still answer, beside their name (“特别要…、特别要…”“三个特别”) or apart."""
    bot = Answerer(real_bot)
    # the 59th's: 篇6 names “三大戰略” alone, four times, and says 战略 nowhere else
    for question in (
        "培训开班讲话里的“八字要求”具体是哪八个字？",
        "“五大行动”具体是哪五个？",
        '淇縣講話裡提到的"三大戰略"具體是哪三個戰略?',
        '培训会讲话中提到的总书记对办公室工作的"28字要求"具体是哪28个字？',  # the 62nd's: Arabic digits
        "培訓班講話裡說的「1355」發展戰略，其中「五大行動」具體是哪五個行動？",  # the 66th's: 1355 is no name
    ):
        assert bot.ask(question).refused, question
    special = bot.ask("“三个特别”是哪三个特别？")
    assert "细节决定成败" in special.text, special.text
    assert "发现问题快" in bot.ask("「四快」是哪四快？").text
    # a number of two characters (十二个字: twelve, not ten of 二个字), spelled right after it (the 68th's)
    twelve = bot.ask('有篇讲话说办公室当好参谋部必须把握"十二个字"，是哪十二个字？')
    assert "情况要明、站位要高、敢于直言" in twelve.text, twelve.text


def test_real_a_second_question_asking_a_number_no_speech_states_is_refused(real_bot: pipeline.Ragbot) -> None:
    """001 announces 一系列…专题培训 without its courses or days: the 45th blind reader's 哪些专题课程？一共培训
    几天？ was answered with the announcement, and the 48th's 一共培训几天，安排了哪些专题课程？ (the number
    asked in a clause of the first part) too. Both parts stated still answer: 19项, then 31项."""
    bot = Answerer(real_bot)
    assert bot.ask("党政办公室业务培训会具体安排了哪些专题课程？一共培训几天？").refused
    assert bot.ask("党政办公室业务工作培训会一共培训几天，安排了哪些专题课程？").refused
    assert bot.ask("培训会一共办几天、安排了哪些专题课").refused  # the 57th's: 、, and 集中三天时间调研 is not it
    assert bot.ask("党政办业务工作培训会一共培训几天？安排了哪些专题课程？").refused  # the 58th's: a list, as a whole
    assert bot.ask("那次党政办公室业务培训会一共办几天,具体安排了哪些专题课?").refused  # the 63rd's: 5月8日 is a date
    # a date asked after the first part needs a sentence stating one of what the part names (截止): 民政's
    # 即将届满,需要重新申报 gives none, 光山's 2010年度…民政局 is no date of 申报 (held-out q402)
    assert bot.ask("民政局的省级文明单位年底到期要重新申报，申报材料要交哪些？截止日期是哪天？").refused
    # 最晚什麼時候要報: 時候 is how it asks and 要報 is 報 said again; 最遲不得超過事發後2小時 states it (the 95th's)
    late = bot.ask("如果發生了重大突發事件，可是具體情況還沒弄清楚，辦公室應該怎麼報告？最晚什麼時候要報？")
    assert "2小時" in late.text, late.text
    # 得报上去: 报 with its direction, said as 报送 (the 122nd's was refused)
    sent = bot.ask("要是出了大的突发事件，我这边情况还没摸清楚，是等弄明白了再报还是先报？最晚什么时候得报上去？")
    assert "可先口头或书面报告初步情况" in sent.text, sent.text
    held = bot.ask("縣委辦要從大家的津貼補貼裡扣出一部分來搞考核，扣的是多少比例？一年考幾次？")  # 两次考核: of 考核
    assert "兩次考核" in held.text, held.text
    a = bot.ask("云南教育系统会上说，省教育厅牵头的改革任务今年有多少项？加上往年待完成的一共多少项？")
    assert "31项" in a.text, a.text


def test_real_this_attitude_points_back_at_the_situation_told(real_bot: pipeline.Ragbot) -> None:
    """对这种态度怎么评价: 态度 is the situation told before, not a word to find (the 42nd blind reader's got
    简单照搬,盲目执行,不是真正负责任的态度 under 勤于学习); the speech puts it under 全局观念还不够强."""
    a = Answerer(real_bot).ask("领导临时让我顶一件本来不归我负责的事,我不太想接。讲话里对这种态度怎么评价?")
    assert "能推则推" in a.text, a.text
    assert "盲目执行" not in a.text, a.text


def test_real_pay_asked_for_what_no_sentence_pays_is_refused(real_bot: pipeline.Ragbot) -> None:
    """干部加班有什么补贴标准 (the 80th blind reader's near miss, answered with 津补贴中拿出12%用于部门自己考核):
    no sentence says 补贴 with 加班, so no speech says which; the 津补贴 the speeches do name is still asked."""
    index = real_bot.index
    assert unknown_asked(index, "市政府办公室对干部加班有什么补贴标准？") == "补贴"
    assert unknown_asked(index, "每位同志的津补贴拿出多少用于考核？") == ""
    assert unknown_asked(index, "年终考核结果和什么奖惩挂钩？") == ""
    assert Answerer(real_bot).ask("市政府办公室对干部加班有什么补贴标准？").refused
    # …asked as 的补贴标准是怎么规定的 too (公务用车改革: the 97th blind reader's near miss got the 12%)
    assert unknown_asked(index, "县委办公室主任会议对公务用车改革的补贴标准是怎么规定的？") == "补贴"
    assert unknown_asked(index, "用于考核的津补贴是怎么规定的？") == ""
    # 经费 is funds, no pay due to anyone (the 222nd's 全省教育经费总投入是多少 was refused for 教育经费)
    assert unknown_asked(index, "河南教育系统讲话提到的全省教育经费总投入是多少，增长了多少？") == ""
    assert "1170.94亿元" in Answerer(real_bot).ask("河南教育系统讲话提到的全省教育经费总投入是多少，增长了多少？").text


def test_real_which_things_a_body_leaves_is_not_which_units(real_bot: pipeline.Ragbot) -> None:
    """黨委督查部門有哪些事情是不去督的 (the 81st blind reader's, refused): 部门有哪些 is followed by 事情, so it
    asks which things, not which units (`unnamed.units_asked`); 篇12's three 不督 answer it."""
    a = Answerer(real_bot).ask("黨委督查部門有哪些事情是不去督的？")
    assert not a.refused, a.text
    assert "的事不督" in a.sentences[0].text, a.text


def test_real_a_four_character_word_is_held_as_its_short_form(real_bot: pipeline.Ragbot) -> None:
    """不追究责任也不用督查结果，会怎么样 (the 81st blind reader's, answered with 篇12's 敢用): no chunk says 追究责任,
    003 says 光督查不追责, so the word stays whole, weighed as 追责 is, and 追责 holds it (`asks.coverage`);
    怎么样 and 却 are how the question asks."""
    question = "如果只搞督查、却不追究责任也不用督查结果，会怎么样？"
    weights = term_weights(real_bot.index, question)
    assert "追究责任" in weights, weights
    assert not {"么样", "怎么样", "却"} & set(weights), weights
    a = Answerer(real_bot).ask(question)
    assert "光督查不追责" in a.sentences[0].text, a.text


def test_real_a_word_jieba_rarely_cuts_weighs_by_the_text_holding_it(real_bot: pipeline.Ragbot) -> None:
    """政府办 is a word of one chunk to jieba and in 29 chunks' text (政府办公室): weighed as that rare, the 138th blind
    reader's 淇县政府办对文字差错率有什么硬性要求, asked without 硬性, got 篇6's nine work areas, the 差错率 sentence
    inside the first of them outweighed by the list (`terms._miscut`)."""
    question = "淇县政府办对文字差错率有什么要求？"
    weights = term_weights(real_bot.index, question)
    assert weights["政府办"] < weights["差错率"], weights
    a = Answerer(real_bot).ask(question)
    assert "文字差错率必须控制在1‰以内" in a.sentences[0].text, a.text


def test_real_how_a_thing_no_speech_names_is_ruled_is_refused(real_bot: pipeline.Ragbot) -> None:
    """調休或加班費是怎麼規定的 (the 81st blind reader's near miss, answered with 該加班就加班): no speech says
    调休, so none says how it is ruled; how 请假 is ruled the speeches do say something of."""
    index = real_bot.index
    assert unknown_asked(index, "辦公室人員加班以後，調休或加班費是怎麼規定的？") == "调休"
    assert unknown_asked(index, "办公室人员请假是怎么规定的？") == ""
    a = Answerer(real_bot).ask("辦公室人員加班以後，調休或加班費是怎麼規定的？")
    assert a.refused, a.text
    assert "沒有" in a.text, a.text  # in the asker's script


def test_real_a_verb_with_its_direction_weighs_as_the_speeches_say_it(real_bot: pipeline.Ragbot) -> None:
    """报上来 weighs as 上报 (`terms._directed`), not as its pieces 报上 and 上来, which no speech says: the 152nd
    blind reader's 其他单位不按规定程序报上来的公文… weighed them 6.67 and 4.48. 定下来 is 定 + 下来."""
    weights = term_weights(real_bot.index, "其他单位不按规定程序报上来的公文，我们应该怎么处理？")
    assert "上报" in weights, weights
    assert not {"报上", "上来", "报上来"} & set(weights), weights
    assert "下发" in term_weights(real_bot.index, "文件发下去以后要跟踪落实吗？")
    assert "下定" not in term_weights(real_bot.index, "领导已经定下来的事我觉得有问题，该不该提出来？")
    # …nor when jieba runs the verb into what leads to it (多快报上去: 快报, 上去; an open complaint's), but not a
    # result (还没定下来: 没定, 下来)
    weights = term_weights(real_bot.index, "晚上值班碰到突发的大事，要多快报上去")
    assert "上报" in weights, weights
    assert not {"快报", "上去"} & set(weights), weights
    assert "下定" not in term_weights(real_bot.index, "开会时听到领导讨论了但还没定下来的事情，我能跟同事说吗？")


def test_real_a_universitys_short_name_is_held_by_its_full_one(real_bot: pipeline.Ragbot) -> None:
    """高校 is said 高等学校 (`synonyms.ALIKE`): the 152nd blind reader's 为什么…高校的保密工作越来越难做了 got 篇3's
    从去年到今年,…我省高校也有涉及 before its reason. Ranked first so, the reason leaves the measures' run in its
    paragraph within reach (`inline.semicolons`): dev q020 keeps 我们当前必须加强保密管理制度建设…."""
    a = Answerer(real_bot).ask("为什么说现在高校的保密工作越来越难做了？")
    assert fold(a.sentences[0].text).startswith("近年来,高等学校已成为"), a.text
    a = Answerer(real_bot).ask("高校辦公室的保密工作應該採取哪些措施？")
    assert a.text.startswith("我們當前必須加強保密管理制度建設"), a.text
    assert "嚴格保密載體" in a.text, a.text


def test_real_the_semicolon_run_in_the_best_sentences_paragraph_answers_a_list(real_bot: pipeline.Ragbot) -> None:
    """The 152nd blind reader's 市政府办公室推行OA系统办公以后，还有哪些问题没解决好 got 篇11's 推行OA系统办公,
    我觉得很有必要,效果也不错 first: its paragraph's run of problems (一些地方、部门还没有接通…;一些领导…) ranked
    past RUN_MARGIN; it answers, as it sits in the best sentence's paragraph (`inline.semicolons`)."""
    a = Answerer(real_bot).ask("市政府办公室推行OA系统办公以后，还有哪些问题没解决好？")
    assert fold(a.sentences[0].text).startswith("一些地方、部门还没有接通"), a.text
    assert "最后一公里" in a.text, a.text


def test_real_the_verb_a_how_question_ends_with_weighs_half(real_bot: pipeline.Ragbot) -> None:
    """该怎么对待 asks how to treat a thing: the answer need not say 对待 (`terms._HOW_VERB`). Weighed whole,
    平時聽到…政治的小道消息…應該怎麼對待 (dev q487's twin) ended with 辦公室人員要從思想認識上,強化“三種意識”,
    which says nothing of rumours."""
    asked = term_weights(real_bot.index, "平时听到一些涉及政治的小道消息，办公室人员应该怎么对待？")
    said = term_weights(real_bot.index, "平时听到一些涉及政治的小道消息，办公室人员对待的态度")
    assert asked["对待"] == pytest.approx(said["对待"] / 2)
    a = Answerer(real_bot).ask("平時聽到一些涉及政治的小道消息，辦公室人員應該怎麼對待？")
    assert fold(a.text).startswith("不听、不信、不传各种政治谣言"), a.text
    assert "三種意識" not in a.text, a.text


def test_real_a_raised_thing_is_what_is_asked_not_the_direction(real_bot: pipeline.Ragbot) -> None:
    """提上去: no speech says 提上 or 上提 (`terms._directed` drops the pieces), and 哪几条办法's 办法 is no word a
    heading must say (`compose._list_score` weighs `terms.ways_aside`): the 155th blind reader's 想把辦公室的工作效率
    提上去，講話裡提了哪幾條辦法 got 篇4's 七種意識; 篇3's five 求快 answer."""
    question = "想把辦公室的工作效率提上去，講話裡提了哪幾條辦法？"
    assert not {"提上", "上去"} & set(term_weights(real_bot.index, question))
    a = Answerer(real_bot).ask(question)
    assert "嚴中求快" in a.text, a.text
    assert "穩中求快" in a.text, a.text
    assert "七種意識" not in a.text, a.text


@pytest.mark.parametrize("way", ["路子", "法子"])
def test_real_a_colloquial_word_for_ways_asks_for_the_points(real_bot: pipeline.Ragbot, way: str) -> None:
    """路子 and 法子 ask for ways of doing as 办法 does (`asks.WAYS`): the 156th blind reader's 讲话里说提高办公室
    工作效率有哪几条路子 got 篇2's 创新 sentences, led by 建言献策要提出能促进教育发展的新思路; 篇3's five 求快
    answer."""
    a = Answerer(real_bot).ask(f"讲话里说提高办公室工作效率有哪几条{way}")
    assert "严中求快" in a.text, a.text
    assert "稳中求快" in a.text, a.text
    assert "建言献策" not in a.text, a.text


def test_real_a_verb_asked_not_to_be_done_by_someone_is_the_speechs_不x(real_bot: pipeline.Ragbot) -> None:
    """不该由党委督查部门去督查 puts who between 不该 and 督查 (`terms.NEGATED`): the 155th blind reader's got 篇8's
    一是要围绕党委中心工作开展督查; 篇12's three 不督 answer."""
    assert term_weights(real_bot.index, "哪些事情不该由党委督查部门去督查？").get("不督")
    a = Answerer(real_bot).ask("哪些事情不該由黨委督查部門去督查？")
    assert "市縣領導沒有授權的事不督" in a.text, a.text


def test_real_a_topic_the_speech_is_asked_on_is_no_scene_set(real_bot: pipeline.Ragbot) -> None:
    """在講到提高辦公室工作效率時 names what the speech is asked on, not a scene (`terms._SETTING`): the 199th
    blind reader's 效率 weighed half, and 楊晶's 把抓落實放在更加突出的位置 led."""
    index = real_bot.index
    told = term_weights(index, "在講到提高辦公室工作效率時,講話提出了哪幾點要求?")
    assert told["效率"] == term_weights(index, "講話對提高辦公室工作效率提出了哪幾點要求?")["效率"], told
    assert term_weights(index, "开展督查时,要注意什么?")["督查"] < term_weights(index, "督查要注意什么?")["督查"]


@pytest.mark.slow
def test_real_if_asked_as_要是_is_no_term(real_bot: pipeline.Ragbot) -> None:
    """要是 asks if (`scaffold.SCAFFOLD`, as 如果): weighed as a term it matched 主要是, and the 267th blind reader's
    要是發現領導的決策可能出偏差 got 我們的工作主要是貫徹執行領導班子的各項決策和要求 first."""
    a = Answerer(real_bot).ask("要是發現領導的決策可能出偏差,辦公室的人應該怎麼做?")
    assert "該講的話一定要講,不能看著決策出偏差" in a.sentences[0].text, a.text
