"""Who-questions: who is asked to have done what (and when-questions, when), and whether a text says it is done.

  action_asked(question)  what a who-question asks who does (会议纪要由谁签发？ -> 签发; 谁说的 -> 说)
  when_done(question)     what a when-question asks when was done (是哪一年印发的 -> 印发)
  unit_of(question)       the person a question asks the body of (杨红琼主任，是哪个单位的 -> 杨红琼)
  unit_named(text, p)     whether a text names that body right before the person (督查一处处长陶致东)
  whom_named(q)(text)     whether a text names whom a who-question asks (a person by name, that person's body)
  does(text, action)      whether a text says that action (for 说, any word for saying)
  acts(text, action)      the clause in which someone named (a person with a title, a body) does it
  chained(text, action)   whether a text says who does `action` to whom link by link (谁对谁负责)
  chain_asked(q)          what a question asks who does to whom link by link (一层对一层负责: 负责)
  unattributed(q, texts)  whether a question asks what a person with a title said and the texts only
                          announce that person's speech (新江秘书长还要讲话), none saying what they ask
  announced(person, text) whether a text announces a talk by that person still to come (一会儿X市长还要…讲话)
  other_level(text, w)    whether a text names bodies of another level than the question's (县政府, not 市政府)

A who-question is answered by a sentence naming a body or role (`asks.states`) that also says the
action asked about (answer.weigh, writer). What it does not do: decide a question asks who (asks.kind).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .asks import name_asked
from .kinds import POST_ASKED, ROLE, WHEN_AT
from .lexical import tagged_words
from .script import fold
from .synonyms import ALIKE

_WHO_DOES = re.compile(
    r"(?:谁|哪位(?:[^，。？?]{0,8}?(?:领导|同志|秘书长|书记|主任|厅长|局长|县长|市长|处长))?|哪一?级(?:领导|部门|单位)?|哪个部门|哪个单位|"
    rf"{POST_ASKED}(?:领导|干部|人员|同志)?)(?:[对向给跟与为替]谁)?(?:来|负责|亲自)?"
    r"([\u4e00-\u9fff]{2})"
)  # 谁对谁负责: 负责
_NAMED = (
    r"(?:[\u4e00-\u9fff]{2,3}(?:同志|主任|书记|社长|秘书长|局长|厅长|省长|市长|县长|部长|处长|主席)|[\u4e00-\u9fff]{1,4}办|"
    + ROLE.pattern
    + ")"
)


def action_asked(question: str) -> str:
    """What a who-question asks who does (是谁传达了… -> 传达), '' when it names no action.

    >>> action_asked("是谁传达了会议精神？"), action_asked("会议纪要由谁签发？"), action_asked("谁？")
    ('传达', '签发', '')
    >>> action_asked("逐级负责，具体是一层层谁对谁负责？"), action_asked("“没有督查就没有落实”是谁说的？")
    ('负责', '说')
    >>> action_asked("从科员到局党组,谁对谁负责是怎么规定的?"), action_asked("发生了泄密,要追究谁的责任?")
    ('负责', '追究')

    >>> action_asked("这句话是哪个单位在交流发言里讲的？"), action_asked("邀请了谁来给大家作报告？")
    ('说', '报告')
    >>> action_asked("这句话，讲话人说是引自谁的发言？")  # quoted: whoever said it (the 240th's was refused)
    '说'
    >>> action_asked("下午请了谁来给大家做业务培训？")  # the twelfth blind reader's: 给大 refused it
    '培训'
    >>> action_asked("云南教育系统办公室主任会议下午请了谁来做业务培训？")  # the 54th's: 做业 refused it
    '培训'
    >>> action_asked("复印时应由哪一级领导审批签字？")  # a fresh near miss answered with 批示件…登记 before
    '审批'
    >>> action_asked("新闻发言人由什么职务的领导担任？")  # a post asked (the 271st's near miss got 明确新闻发言人)
    '担任'
    >>> action_asked("会议邀请了哪位原市委副秘书长来作报告？")  # the 62nd's: 原市 refused it
    '报告'
    >>> action_asked("印发前必须先让哪个部门把一遍关？")  # a fresh paraphrase: 遍关 refused it
    '把关'
    >>> action_asked("会上，传达全省秘书长会议精神的是谁？"), action_asked("办公室主任是谁？")  # the 58th's
    ('传达', '')
    >>> action_asked("那次會上，負責傳達全省秘書長和辦公廳主任會議精神的是哪位？")  # the 143rd's: 负责 refused nothing
    '传达'
    """
    q = fold(question)
    m = _WHO_DOES.search(q)
    if m is None:  # 传达…会议精神的是谁: the verb opening the clause before 的是谁
        doer = _DOER.search(q)
        words = list(tagged_words(re.split(r"[，,。：:；;]", q[: doer.start()])[-1], 2)) if doer else []
        words = words[1:] if len(words) > 1 and words[0][0] == "负责" else words  # 负责传达…的是哪位: 传达
        return words[0][0] if words and words[0][1] == "v" and len(words[0][0]) >= 2 else ""
    if m.group(1)[0] in "是的" and q[: m.start(1)].endswith("负责"):
        return "负责"  # 谁对谁负责是怎么规定的: 负责, not 是怎 (the 75th blind reader's was refused)
    if m.group(1)[0] == "的":  # 要追究谁的责任: whose; what is done to them is the verb before (the 78th's)
        verbs = [w for w, pos in tagged_words(re.split(r"[，,。：:；;]", q[: m.start()])[-1]) if pos[:1] == "v"]
        verb = verbs[-1] if verbs and len(verbs[-1]) >= 2 else ""
        return "说" if verb in ("引自", "出自", "源自", "来自", "引用") else verb  # 引自谁的发言: who said it
    if m.group(1)[0] in _PREPOSITIONS and re.match(r"[^，。？?！!]*?[说讲提][的过了出]", q[m.start(1) :]):
        return "说"  # 哪个单位在交流发言里讲的: who said it, after where
    if m.group(1)[0] in _PREPOSITIONS or re.match(_LIGHT, m.group(1)):  # 谁来(给大家)做业务培训: 培训, at the end
        clause = re.match(r"[^，。？?！!；;]*", q[m.start(1) :])
        said = clause.group(0) if clause else ""
        if re.match(r"把[^关]{0,3}关", said):  # 把一遍关, 把好关: 把关, the verb split by what it takes
            return "把关"
        return "".join(re.findall(r"[\u4e00-\u9fff]", said)[-2:])
    return "说" if _SAID.match(m.group(1)) else m.group(1)


_DOER = re.compile(r"的(?:人|同志|领导)?(?:是|为)(?:谁|哪位|哪个部门|哪个单位)")  # 传达…精神的是谁
_PREPOSITIONS = "在从于对向给跟与为替把被"
_LIGHT = "[做作搞]|进行|开展"  # a verb that says nothing of its own: the thing done follows it (做业务培训)


_SAID = re.compile(r"^[说讲提][的过了出]$")  # 谁说的, 谁讲过: whoever said it, in any word for saying
SAYING_VERBS = "说|讲|指出|强调|提出|认为"  # the words for saying (around.py reads them too)


# who takes part, as a text may say it: 这次培训对象涵盖了县级部门分管领导… (the 128th blind reader's 这次培训都有
# 谁参加 was refused: no sentence said 参加)
_TAKING_PART = "参加|参与|出席|参会|参训|(?:培训|参训|参会)对象"  # not 学习对象: whom one learns from


def _verb(action: str) -> str:
    """The action as a text may say it: for 说 any word for saying, for 参加 any for taking part (培训对象); a
    two-character one also in the long form it is short for, its object between the halves (追责: 追究一把手
    责任, the 84th blind reader's)."""
    if action == "说":
        return SAYING_VERBS
    if action in ("参加", "参与", "出席"):
        return _TAKING_PART
    alike = "".join(f"|{re.escape(a)}" for a in ALIKE.get(action, ()))  # 谁同意: 必须归口…秘书长批准 (`synonyms.ALIKE`)
    if len(action) != 2:
        return re.escape(action) + alike
    a, b = map(re.escape, action)
    return rf"{a}{b}|{a}[\u4e00-\u9fff][^，,。；;：:]{{0,4}}?{b}[\u4e00-\u9fff]" + alike


# what a when-question asks when was done: the verb right after how it asks when, ending it (是哪一年印发的)
_WHEN_DONE = re.compile(
    rf"(?:{WHEN_AT})(?:开始|正式|首次|第一次)?(?![要该应需须得能会可]|几[号日])([\u4e00-\u9fff]{{2}})(?<![的了])[的了]?[？?。]?$"
)


def when_done(question: str) -> str:
    """What a when-question asks when was done (工作规则是哪一年印发的？ -> 印发), '' when it ends on no act: a
    sentence stating a year says nothing of that act unless it says the act (the 170th blind reader's near miss
    got 002's 2011年是建党90周年…, the 167th's OA…哪一年上线的 一年来,…).

    >>> when_done("县委办公室那份工作规则是哪一年印发的？"), when_done("OA办公系统是哪一年上线的"), when_done("哪天开会？")
    ('印发', '上线', '开会')
    >>> when_done("什么时候发声？"), when_done("信息要什么时候报？"), when_done("这篇文章是哪一年写的？")
    ('发声', '', '')
    >>> when_done("办公室应该怎么报告？最晚什么时候要报？"), when_done("什么时候要报送？")  # what is due: not asked as done
    ('', '')
    >>> when_done("讲党课是几月几号？")  # 几号 is the day asked, no act
    ''
    """
    m = _WHEN_DONE.search(fold(question))
    return m.group(1) if m else ""


_UNIT_OF = re.compile(r"(?:哪个|哪一个|哪一级|什么|哪家)(?:单位|部门|机关)")  # 杨红琼主任，是哪个单位的办公室主任
_BODY_BEFORE = (
    r"(?:办公室|办公厅|厅|局|委|部|处|室|院|校|中心|政府|办)(?:[\u4e00-\u9fff]{0,4}?(?:主任|处长|厅长|局长|秘书长))?"
)


def unit_of(question: str) -> str:
    """The person a question asks the body of (传达…精神的杨红琼主任，是哪个单位的办公室主任？ -> 杨红琼), or ''.

    >>> unit_of("传达全省秘书长会议精神的杨红琼主任，是哪个单位的办公室主任？"), unit_of("哪个单位的主任讲了话？")
    ('杨红琼', '')
    """
    people = names(question)
    return people[0] if people and _UNIT_OF.search(fold(question)) else ""


def unit_named(text: str, person: str) -> bool:
    """Whether `text` names the body `person` works in, right before them (督查一处处长陶致东; not 刚才杨红琼主任:
    the 171st blind reader's near miss was answered with the latter).

    >>> unit_named("省政府办公厅督查一处处长陶致东同志", "陶致东"), unit_named("刚才杨红琼主任传达了有关会议精神", "杨红琼")
    (True, False)
    """
    return bool(re.search(_BODY_BEFORE + re.escape(person), fold(text)))


def whom_named(question: str) -> Callable[[str], bool]:
    """Whether a text names whom a who-question asks: a person, asked for a name (全名叫什么: `names`), and the
    body a person the question names works in, asked for that (`unit_of`, `unit_named`); the question is read
    once, the texts one by one.

    >>> whom_named("陶致东处长是哪个单位的？")("省政府办公厅督查一处处长陶致东同志"), whom_named("主任叫什么名字？")("由主任签发")
    (True, False)
    >>> asked = whom_named("督办制具体由哪位副主任负责？")
    >>> asked("有专门部门负责管的一般的事不督"), asked("由一名副主任负责督办")
    (False, True)
    """
    person, by_name = unit_of(question), name_asked(question)
    role = m.group(1) if (m := _WHICH_ROLE.search(fold(question))) else ""  # 哪位副主任: one holding that post
    return lambda text: (
        (bool(names(text)) or not by_name) and (not person or unit_named(text, person)) and role in fold(text)
    )


# the post a who-question asks which holder of (由哪位副主任负责: the 201st blind reader's near miss got 篇12's 三不督)
_WHICH_ROLE = re.compile(r"哪一?[位个名](副?(?:主任|秘书长|书记|局长|县长|市长|科长|处长|部长|厅长))")


def does(text: str, action: str) -> bool:
    """Whether `text` says the `action` asked about (for 说, any word for saying: 习近平总书记讲).

    >>> does("习近平总书记讲,“没有督查就没有落实”", "说"), does("会议纪要由办公室主任签发", "签发"), does("要签字", "签发")
    (True, True, False)
    >>> does("发生泄密事件,就要追究一把手责任", "追责"), does("要追究,不负责", "追责")
    (True, False)
    >>> does("这次培训对象涵盖了县级部门分管领导", "参加"), does("服务对象是群众", "参加"), does("是学习对象", "参加")
    (True, False, False)
    >>> does("开展督查,必须归口市县党委秘书长(办公室主任)批准", "同意")  # said alike (`synonyms.ALIKE`)
    True
    """
    return bool(re.search(_verb(action), fold(text)))


def chained(text: str, action: str) -> bool:
    """Whether `text` says who does `action` (what `chain_asked` read of the question) to whom link by link,
    in two clauses or more (科员对分管主任负责,分管主任对主任负责…): the chain asked for, whatever words the
    question puts round it (一级一级, 一层层: two blind readers and held-out q329 were refused at 0.885).

    >>> chained("科员对分管主任负责,分管主任对主任负责", "负责"), chained("要对群众负责", "负责")
    (True, False)
    >>> chain_asked("一级一级是谁向谁负责?"), chain_asked("一层对一层负责，具体是怎么排的？")  # the 86th's, 88th's
    ('负责', '负责')
    """
    return bool(action) and len(re.findall(f"对[^，,。；;]{{1,10}}?{re.escape(action)}", fold(text))) >= 2


def chain_asked(question: str) -> str:
    """What a question asks who does to whom, link by link (谁向谁负责, 一层对一层负责, 责任…一级一级): the
    action, or ''.

    >>> chain_asked("谁对谁负责？"), chain_asked("工作責任是怎麼一級一級往上落的？"), chain_asked("一级一级抓落实")
    ('负责', '负责', '')
    """
    q = fold(question)
    action = action_asked(question) if re.search("谁[对向]谁", q) else ""  # 谁向谁负责 (the 86th's)
    return action or ("负责" if _LEVELS.search(q) and re.search("负责|责任", q) else "")  # 一层对一层负责


LEVEL_BY_LEVEL = "逐级"  # how the speeches say a chain of responsibility asked in any words (逐级负责的制度)
_LEVELS = re.compile(
    r"一级一级|一层一层|一层层|一级级|逐级|层层|一[层级][对向]一[层级]"
)  # responsibility level by level


_BODY_LEVEL = re.compile(r"[省市县区乡镇](?:委|政府|人大|政协)")  # a body of one level: 市政府, 县委


def other_level(text: str, weights: dict[str, float]) -> bool:
    """Whether `text` names bodies of another level than the one the question names (its `weights`' words),
    and not that one: 省政府…和县政府…的进展情况,每季度要上报一次 does not say how often 市政府工作报告's
    work is reported (the 157th blind reader's answer led with it and read 每季度; the speech says 每月).

    >>> other_level("其中省政府…和县政府…,每季度要上报一次", {"市政府": 2.8}), other_level("市政府…每月", {"市政府": 2.8})
    (True, False)
    """
    asked = {t for t in weights if _BODY_LEVEL.fullmatch(t)}
    said = set(_BODY_LEVEL.findall(fold(text)))
    return bool(asked and said) and not asked & said


def acts(text: str, action: str) -> str:
    """The clause of `text` in which someone (a person with a title, a body, a role) does `action`;
    "" when none does.

    >>> acts("会议期间,刚才杨红琼主任传达了会议精神,大家要领会", "传达"), acts("认真传达学习会议精神", "传达")
    ('刚才杨红琼主任传达了会议精神', '')
    """
    if not action:
        return ""
    folded = fold(text)
    reach = 10 if action == "说" else 3  # 市人社局交流发言里有一句话说的好
    m = re.search(_NAMED + f"[^，。；,]{{0,{reach}}}(?:{_verb(action)})", folded)
    if m is None:
        return ""
    start = max(folded.rfind(p, 0, m.start()) for p in "，。；,;:：") + 1
    ends = [i for i in (folded.find(p, m.end()) for p in "，。；,;") if i >= 0]
    return folded[start : min(ends, default=len(folded))]


# a person named with a title (杨红琼主任, 陶致东同志): a common surname and one or two characters of a
# given name (王县长 names no one: 王 is the whole of it); ambiguous surnames left out (党委, 和市委, 许多)
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔"
    "钟谭陆汪范金石廖贾夏韦付白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤温康施牛樊葛"
    "邢齐乔伍庞颜倪庄聂章鲁岳翟殷詹欧耿兰焦俞柳祝包宁尚舒阮柯纪梅童凌毕裴霍涂苗谷盛翁冉骆蓝游辛靳柴蒙鲍喻"
    "祁蒲滕屈饶牟艾尤穆卓缪简芦麦褚娄窦戚岑景宫费卜冷晏卫米柏瞿桂佟臧闵苟邬卞姬仇栾隋刁荣巫寇桑郎甄丛仲虞"
    "敖巩佘池麻苑迟邝"
)
_GIVEN = r"[^\W\d_的了和对于在是为与及等党委市县省区副正]"
PERSON = re.compile(
    f"[{SURNAMES}]{_GIVEN}{_GIVEN}?(?=同志|主任|书记|社长|秘书长|局长|厅长|省长|市长|县长|部长|处长|主席|总理|委员|副)"
)


def names(text: str) -> list[str]:
    """The people `text` names with a title (杨红琼主任 -> 杨红琼), not a title alone (王县长).

    >>> names("请原省教育厅厅长杨崇龙同志、督查一处处长陶致东同志授课"), names("王县长对这项工作提出了要求")
    (['杨崇龙', '陶致东'], [])
    >>> names("党委办公室和市委主任")  # 党委, 和市委: no one
    []
    """
    return [m.group(0) for m in PERSON.finditer(fold(text))]


# a title a speaker is named by (郭庚茂省长, 王书记; speaker.py reads these three too)
TITLES = "领导|秘书长|县长|市长|书记|厅长|局长|省长|部长|主席|处长|科长|司长|院长|校长"
_SPEAKER = "[\u4e00-\u9fffXxＸｘ×]"  # a letter stands for a masked name (X市长)
_TALK = "讲话|报告|发言|授课|培训|辅导"
_MANY = re.compile(r"各级|各位|各个|一些|有些|这些|那些|所有")
_SPEECH_ASKED = re.compile(
    rf"({_SPEAKER}{{1,3}})(?<![求望请让叫给对向])({TITLES})(?:在[^，。？?]{{0,20}})?(?:(?:关于|就|对)[^，。？?]{{2,16}}?)?的?(?:重要)?"
    rf"(?:[^，。？?]{{0,8}}(?:{_TALK})[，,]?)?"  # X市长后来所作的重要讲话，具体提出了…
    r"(?:具体|主要|都|还)?(?:讲话|发言|讲的|说的|讲了|说了|提了|提出|强调|要求)[^。？?]*?(?:什么|哪些|哪几|怎么说)"
    rf"|([\u4e00-\u9fff]{{2,3}})()(?:同志)?(?:在[^，。？?]{{0,12}}?会议?上)?在?(?:上午|下午|晚上)?"  # 朱轩堂在会上的报告
    r"(?:(?:给|为|向)[^，。？?]{0,6}?(?:作|做|进行)的?|(?<!工)(?:作|做|进行)的|(?<=同志|上午|下午|晚上|会上)的)"  # 修志工作的: no 修志工
    rf"[^，。？?]{{0,6}}(?:{_TALK})"
    r"[^。？?]*?(?:什么|哪些|哪几)"
    r"|([\u4e00-\u9fff]{2,10}?(?:大学|学院|学校|局|厅|委|镇|乡))()(?:办公室)?(?:的|在会上的?)?(?:同志)?(?:交流)?发言"
    r"[^。？?]*?(?:什么|哪些|哪几)"  # 昆明理工大学办公室交流发言具体讲了哪些做法: a body's
)
_ATTRIBUTES = "提出|强调|指出|要求|说|讲到|讲过|批示|指示|明确|分析"
_WHERE = r"(?:在[^，。；,;]{0,24}?(?:会议上|会上))"  # 何金平秘书长在全省…主任会议上分析了…
_LATER = "还要|还将|还邀请|随后|一会儿?|等一会儿?|稍后"


def announced(person: str, text: str) -> bool:
    """Whether `text` announces a talk by `person` still to come in the meeting (一会儿X市长还要作重要讲话,
    随后还将邀请…朱轩堂给大家作报告): the speech that says so does not hold that talk."""
    p = re.escape(person)
    return bool(
        re.search(rf"(?:{_LATER})[^。；;]{{0,32}}{p}[^。；;，,]{{0,48}}(?:{_TALK})", text)
        or re.search(rf"{p}(?:{_LATER})[^。；;]{{0,8}}(?:{_TALK})", text)
    )


def unattributed(question: str, texts: list[str]) -> bool:
    """Whether a question asks what a person with a title or a body said (新江秘书长的讲话具体提了哪些要求, 张县长讲话
    提了哪些要求, 昆明理工大学办公室交流发言讲了哪些做法) and the `texts` found name that person only around a speech (新江秘书长还要讲话, 以张县长
    讲的为准, 报张县长同意), none saying what the person asks or says (万书记要求…, 按照志刚书记的要求…), or
    announce that person's talk as still to come (一会儿X市长还要作重要讲话: what X市长 is said elsewhere to
    stress is not that talk): the speeches announce that talk but do not hold it (the 41st and 44th blind
    readers' near misses were answered with the announcement); a name is also looked for without its title,
    which the speech may say first (处长陶致东同志: the 50th's). False when no text names the person.

    >>> said = ["新江秘书长还要讲话,大家要相互借鉴", "特别是新江秘书长的讲话,大家要认真领会"]
    >>> unattributed("新江秘书长的讲话具体提了哪些要求？", said), unattributed("万书记提了哪些要求？", ["万书记要求办公室工作要细"])
    (True, False)
    >>> unattributed("张县长讲话提了哪些要求？", ["以李县长讲的为准"]), unattributed("张县长是谁？", said)
    (False, False)
    >>> later = ["一会儿X市长还要作重要讲话,大家要认真落实", "这是X市长反复强调的“说了算、定了干”"]
    >>> unattributed("X市长的重要讲话具体讲了哪些内容？", later), unattributed("X市长强调了什么？", later[1:])
    (True, False)
    >>> unattributed("会上X市长后来所作的重要讲话，具体提出了哪些要求？", later)  # the 95th's
    True
    >>> unattributed("朱轩堂给大家作的报告讲了哪些内容？", ["随后,我们还将邀请原副秘书长朱轩堂给大家作报告"])
    True
    >>> unattributed("原副秘书长朱轩堂在会上的报告讲了哪些内容？", ["随后,我们还将邀请原副秘书长朱轩堂给大家作报告"])
    True
    >>> unattributed("何金平秘书长在秘书长和办公厅主任会议上讲的“三大短板”分别是什么？",
    ...     ["何金平秘书长在全省政府系统秘书长和办公厅(室)主任会议上分析了办公室工作中还存在的“三大短板”"])
    False
    >>> said = ["下午,还邀请到原厅长杨崇龙同志、处长陶致东同志进行业务培训"]
    >>> unattributed("下午由杨崇龙同志做的业务培训讲了哪些内容？", said), unattributed("杨崇龙同志的业务培训讲了哪些？", said)
    (True, True)
    >>> unattributed("楊崇龍同志下午給辦公室人員做的業務培訓，具體講了哪些內容？", said)  # the 104th's
    True
    >>> unattributed("陶致东处长的业务培训讲了哪些内容？", ["还邀请到原厅长杨崇龙同志、督查一处处长陶致东同志进行业务培训"])
    True
    >>> unattributed("分管领导关于政务中心讲了哪些具体意见？", ["其他分管领导分别就政务中心讲了具体意见"])  # the 66th's
    True
    >>> spoke = ["昆明理工大学、昆明学院6家单位办公室同志围绕业务工作进行了很好的交流发言", "市人社局交流发言里有一句话说的好"]
    >>> unattributed("云南那次会上，昆明理工大学办公室交流发言具体讲了哪些做法？", spoke)  # the 170th's near miss
    True
    >>> unattributed("市人社局的交流发言讲了什么？", spoke), unattributed("哪几家单位作了交流发言？", spoke)
    (False, False)
    >>> unattributed("杨崇龙给大家做业务培训,他讲了哪些？", said), unattributed("业务工作培训,对象有哪些？", ["务工人员"])
    (True, False)
    >>> unattributed("杨崇龙同志下午的业务培训具体讲了哪些内容？", said)  # the 53rd's
    True
    >>> unattributed("原省教育厅厅长杨崇龙同志在下午的培训中具体讲了哪些内容？", said)  # the 59th's: 在下午
    True
    >>> unattributed("讲话要求领导对办公室同志在关心和要求上“一眼、一分、一层”,完整说法是什么?", ["这是对同志的要求。"])
    False
    >>> unattributed("讲话里要求各级领导对办公室同志既要多关心又要严格要求,用了…说法,原文怎么说?", ["各级领导要厚爱一分"])
    False
    >>> unattributed("省里讲修志工作的那篇讲话，为什么特别提到修志人员要注意身体？", ["全省修志工作开展20多年来"])  # the 101st's
    False
    >>> unattributed("民政局长要求各级领导对办公室同志既看重又严管，原话怎么说？", ["民政局办公室要做到", "主任对局长负责"])
    False
    >>> unattributed("民政局局长要求各级领导对办公室同志既看重又严管，原话怎么说？", ["民政部门的领导要", "主任对局长负责"])
    False
    """
    m = _SPEECH_ASKED.search(fold(question))
    if m is None:
        return False
    name, title = (m.group(1), m.group(2)) if m.group(1) else (m.group(3) or m.group(5), "")
    if _MANY.search(name):  # 要求各级领导对办公室同志…: leaders at every level, no one person (the 100th's)
        return False
    folded = [fold(t) for t in texts]
    if m.group(5):  # a body named whole, said to say what it says within its clause (市人社局交流发言里有一句话说的好)
        held = [t for t in folded if name in t]
        return bool(held) and not any(re.search(rf"{name}[^，。；,;]{{0,12}}?(?:{_ATTRIBUTES})", t) for t in held)
    titled = [name[-n:] + title for n in (3, 2, 1) if n <= len(name) and (title or n > 1)]
    # 民政局长, 民政局局长: the head of a body, no person's name to look for alone (the 112th's)
    body = title and (re.search(r"[局厅部委办府处科院校]$", name) or any(name + title[0] in t for t in folded))
    for person in titled + [name[-n:] for n in (3, 2) if title and n <= len(name) and not body]:  # 处长陶致东
        if any(person in t for t in folded):
            if any(announced(person, t) for t in folded):
                return True
            return not any(re.search(rf"{person}{_WHERE}?[^，。；,;]{{0,4}}?(?:{_ATTRIBUTES})", t) for t in folded)
    return False
