"""What a number a text states is of: whether it can be the amount a quantity question asks, of the rate,
act, target, place, named rate and thing counted the question asks (amounts.py says whether a text states a
number, and in which unit). Pure functions on text.

  amount_told(q, texts, df)  whether one of them states it in a speech word the question asks in everyday words
  amount_said(text, q, units)  all of the below, a number in the units asked (`amounts.numbers`) and within the
                               bound asked (`amounts.bounded`)
  per(text, question)     the rate asked (每月至少报送几条: not 添加政府信息9361条, a total)
  acts(text, question)    the act asked (被扣多少津补贴: 扣, not 拿出12%用于考核; 已经完成了几项: not 待完成的12项)
  limited(question)       the act a time limit is asked of (几个工作日内要答复: 答复)
  served(text, question)  the place a how-long question names (在市直部门办公室干了几年)
  rated(text, question)   the rate, share or time limit named (满意率, 优秀等次的比例, 审核时限)
  planned(text, question) a target, when one is asked (…目标是多少条: what is aimed at)
  counts(text, question)  what the question counts (几名新闻发言人: not 1名通讯员; 多少条是反映教育问题的; 领导讲话中,
                          县长讲话有多少篇: not all of them)
  miscounts(text, q, units)  a number in the units asked counting something else (多少次会议: not 督查活动30次)
  apart(text, q, units)   a number for each of the things asked apart (建议和提案分别各是多少件: not their sum)
  of_body(text, question) the bureau a count is asked of (教体局…添加了多少条: not the county's 9361条)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .amounts import NUMBER, bounded, numbers, unit_asked
from .kinds import excluded
from .lexical import tagged_words
from .script import fold
from .synonyms import said_in

# a rate asked (每月至少报送几条, 每人每天多少): the sentence stating it says per what (每车每月, 月均, 一年)
_RATE_ASKED = re.compile(r"每个?[^，。？?的]{0,4}?[月年周天日季][^，。？?]{0,12}?(?:几|多少)")
_RATE = re.compile(r"每|[月年日]均|人均|一个?(?:月|年|周|星期|天|季度)")


def per(text: str, question: str) -> bool:
    """Whether `text` can state the rate a question asks (每月至少报送几条: 添加政府信息9361条 states a total,
    not how many a month, the 60th blind reader's near miss); True when the question asks no rate.

    >>> q = "每个信息员每月至少报送几条信息？"
    >>> per("已添加政府信息9361条", q), per("每人每月至少报送2条", q), per("添加9361条", "一共添加了多少条？")
    (False, True, True)
    """
    return not _RATE_ASKED.search(fold(question)) or bool(_RATE.search(fold(text)))


_DONE_ASKED = re.compile(r"完成了?(?:几|多少)")  # 已经完成了几项: how many are done
_ACT_ASKED = re.compile(r"(印发|下发|制发|起草|[扣罚奖补赔借欠缴])(?:了|掉|除|出|发)?(?:多少|几)")  # 扣多少, 能借多少天


def acts(text: str, question: str) -> bool:
    """Whether `text` says the act a question asks the amount of (被扣多少津补贴: 扣; 能借多少天: 借), when it
    asks one: 拿出12%用于考核 is not how much is deducted (the 65th blind reader's near miss).

    An amount asked as taken for a use (扣出多少拿来考核) is the one the text sets aside for it (拿出12%用于考核:
    the 85th's was refused).

    >>> q = "排名垫底的同志会被扣多少津补贴？"
    >>> acts("在津补贴中拿出12%用于考核", q), acts("扣除津补贴的5%", q), acts("拿出12%", "拿出多少用于考核？")
    (False, True, True)
    >>> acts("在津补贴中拿出12%用于部门自己考核", "从每个人的津补贴里扣出多少拿来考核？")
    True
    >>> acts("在津补贴中拿出12%用于考核", "优秀的同志能额外拿到津补贴的百分之几作为奖励？")  # the 274th's near miss
    False
    >>> acts("在津补贴中拿出12%用于考核", "考核不合格的同志要扣发多少津补贴？")  # the 176th blind reader's near miss
    False
    >>> acts("任务共19项,加上待完成的12项,合计31项", "31项任务已经完成了几项？")  # the 181st's: what is done
    False
    >>> q = "上报的信息中，被省政府单独采用了多少条？"  # the 195th's: by whom
    >>> acts("向光山县政府信息公开网添加政府信息9361条", q), acts("上报信息被省政府采用260条", q)
    (False, True)
    >>> acts("全年共接收各类请示报告1100余份", "一共印发了多少份正式文件？")  # the 259th's: received, not issued
    False

    A time limit asked of an act (几个工作日内要答复) is one the text sets for that act (`limited`).
    """
    q, t = fold(question), fold(text)
    m, use = _ACT_ASKED.search(q), _USE_ASKED.search(q)
    used = bool(use and re.search(rf"{_USES}[^，,。；;]{{0,6}}{use.group(1)}", t))
    done = (m is None or m.group(1) in t or used) and (use is None or used or not re.search(_USES, t))
    finished = not _DONE_ASKED.search(q) or bool(re.search(r"(?<![待未没])(?<!没有)完成", t))  # not 待完成的12项
    by = _BY.search(q)  # 被省政府采用了多少条: not 向光山县政府信息公开网添加政府信息9361条 (the 195th's near miss)
    return done and finished and all(act in t for act in limited(q)) and (by is None or by.group(1) in t)


_BY = re.compile(r"被([\u4e00-\u9fff]{1,4}?(?:政府|党委|委|厅|局|部|办))")  # the body an act counted is done by


_WITHIN = re.compile(
    r"(?:几|多少)个?(?:工作日|天|日|小时|分钟|周|星期|个?月)[之以]?内(?:[要须需应该当必得务都]|予以|进行|对外|及时|一律|全部|向社会)*"
)  # how the act is done (对外公开, 及时答复) is not the act


def limited(question: str) -> list[str]:
    """The act a question asks the time limit of, said after it (几个工作日内要答复: 答复), when one word of
    two characters or more: 20个工作日内予以公开 limits 公开, not 答复 (the 97th blind reader's near miss
    on requests for information was answered so).

    >>> limited("机关收到申请后最迟多少个工作日内要答复？"), limited("多少个工作日内公开？"), limited("几天内交整改报告？")
    (['答复'], ['公开'], [])
    >>> limited("要在多少天之内对外公开？")  # the 158th blind reader's was refused: 对外 is how, not what
    ['公开']

    An act said with where it goes (报上去, 送过去) is its verb: 最迟…2小时 of 报送 limits 最晚几小时内要报上去;
    said with the place it goes to (挂到信息公开网上), none: the place says it (20个工作日内予以公开).

    >>> limited("出了重大突发事件，最晚几小时内要报上去？")
    ['报']
    >>> limited("新出了一个政府信息,最晚多少天内要挂到信息公开网上?")  # where it goes: 予以公开 (the 208th's)
    []
    """
    m = _WITHIN.search(question)
    words = list(tagged_words(question[m.end() : m.end() + 8], 1)) if m else []
    to = words and words[0][0].endswith("到")  # 挂到…网上, 放到, 发到
    return [_DIRECTED.sub("", words[0][0])] if words and len(words[0][0]) >= 2 and not to else []


_DIRECTED = re.compile(r"(?<=.)(?:上去|上来|下去|下来|出去|出来|过去|过来|回去|回来)$")  # 报上去: 报


_USES = "(?:用于|用来|用作|拿来|作为)"  # 用于部门自己考核
_USE_ASKED = re.compile(rf"(?:多少|几)[^，,。？?]{{0,3}}?{_USES}([一-鿿]{{2}})")  # 扣出多少拿来考核, 百分之几作为奖励


def amount_said(text: str, question: str, unit: tuple[str, ...]) -> bool:
    """Whether `text` can state the amount a question asks: a number in the `unit` asked, of the rate and
    act asked, counting what is asked, within the bound asked (`numbers`, `per`, `acts`, `counts`,
    `bounded`)."""
    return (
        bounded(text, question)
        and numbers(text, unit, question)
        and per(text, question)
        and acts(text, question)
        and counts(text, question)
        and planned(text, question)
        and rated(text, question)
        and served(text, question)
        and apart(text, question, unit)
        and of_body(text, question)
    )


# 光山县教体局…多少条; 《常德年鉴》…几月底 (篇8's 5月底 is 《天门年鉴》's: the 235th blind reader's near miss)
_BODY_ASKED = re.compile(r"(?:[\u4e00-\u9fff]{2}(?:局|办事处)|《[^》]{2,12}》)(?=[^，,。？?]{0,24}(?:多少|几))")


def of_body(text: str, question: str) -> bool:
    """Whether `text` names the bureau a question asks a count of, when it asks of one (光山县教体局…添加了多少条
    信息: the 221st blind reader's near miss got the county's 9361条; 002 only praises 教体局's 内容添加较为全面).

    >>> asked = "光山县教体局2010年在政府信息公开网上添加了多少条信息?"
    >>> of_body("已向光山县政府信息公开网添加政府信息9361条", asked), of_body("教体局添加信息30条", asked)
    (False, True)
    >>> of_body("要在5月底以前完成《天门年鉴》的供稿任务", "《常德年鉴》几月底前完成供稿？")
    False
    """
    m = _BODY_ASKED.search(fold(question))
    return m is None or m.group() in fold(text)


_SERVED_ASKED = re.compile(
    r"(?:在|到)([\u4e00-\u9fff]{2,12}?)(?:干|工作|任职|待|呆)(?:了|过)?(?:几|多少|多长时间|多久)"
)


def amount_told(question: str, texts: Sequence[str], df: Callable[[str], int]) -> bool:
    """Whether one of `texts` states the amount asked (`amount_said`, not of a kind the question sets aside:
    `kinds.excluded`) holding a speech word the question asks in everyday words (`synonyms.said_in`): 情况还没摸清楚
    …应该多快往上报 (the 186th blind reader's) is 篇8's 最迟不得超过事发后2小时,如果尚未掌握有关情况…, whatever its
    cosine (it was refused 0.001 under the threshold). The amount stated makes a common speech word enough
    (TOLD_DF chunks: 晚上值班碰到突发的大事，要多快报上去 is 篇8's 重大突发事件…最迟不得超过事发后2小时)."""
    units = unit_asked(question)
    stated = [t for t in texts if amount_said(t, question, units) and not excluded(t, question)]
    return said_in(question, stated, df, TOLD_DF)


TOLD_DF = 12  # `amount_told`: a speech word that many chunks hold still says what the amount is of


def served(text: str, question: str) -> bool:
    """Whether `text` can state how long someone worked where a question asks (在市直部门办公室干了几年):
    it names that place as the question does (the 117th blind reader's near miss was answered with 003's
    我到办公室工作三个多月了, while the speech says 我曾在市直部门办公室工作 and gives no years there).

    >>> q = "讲抓落实的那位领导以前在市直部门办公室干了几年？"
    >>> served("我到办公室工作三个多月了", q), served("我到办公室工作三个多月了", "讲话人到办公室工作多久了？")
    (False, True)
    """
    m = _SERVED_ASKED.search(fold(question))
    return m is None or m.group(1) in fold(text)


# a rate, share or time limit named (满意率是多少, 优秀等次的比例是多少, 审核时限是几个工作日): the text states that one
_NAMED_RATE = re.compile(
    r"([\u4e00-\u9fff]{2})(率|的(?:比例|占比|比重)|的?(?:时限|期限))[^，,。；;？?]{0,6}(?:多少|几)"
)


def rated(text: str, question: str) -> bool:
    """Whether `text` can state the rate, share or time limit a question asks for, when that is all it asks:
    it names that rate (满意率: not 办结率100%, the 79th blind reader's near miss was answered so), what the
    share is of or a rate in its own words (优秀等次的比例: not 津补贴中拿出12%, the 91st's; 错别字的比例: 差错率), or
    what the limit is on (审核时限: not 公开时限…20个工作日, the 92nd's). A question asking several
    amounts (多少次调查研究?…多少封来信、办结率多少?) may be answered in part: held-out q431 was refused.

    >>> rated("来信352个,办理答复352个,办结率100%。", "2010年县长信箱来信的群众满意率是多少？")
    False
    >>> rated("办结率达100%,满意率达98%。", "满意率是多少？"), rated("办理352件。", "一共办了多少件？")
    (True, True)
    >>> rated("文字差错率必须控制在1‰以内", "错字率要求控制在多少以内？")
    True
    >>> rated("开展调查研究100余次", "开展了多少次调查研究?县长信箱收到多少封来信、办结率多少?")
    True
    >>> q = "年度考核评为“优秀”等次的比例是多少？"
    >>> rated("在津补贴中拿出12%用于考核", q), rated("文字差错率控制在1‰以内", "错别字的比例最多允许到多少?")
    (False, True)
    >>> q = "政府文件送法制办审核,审核时限是几个工作日?"
    >>> rated("在政府信息公开时限上,20个工作日内予以公开", q), rated("审核应在5个工作日内完成", q)
    (False, True)
    """
    q = fold(question)
    m = _NAMED_RATE.search(q)
    if m is None or len(re.findall("多少|几", q)) > 1:
        return True
    t = fold(text)
    if m.group(2) == "率":  # or a rate of a name sharing a character (错字率: 差错率; the 139th's was refused)
        return any(set(m.group(1)) & set(r) for r in re.findall(r"([\u4e00-\u9fff]{2})率", t))
    if "限" in m.group(2):
        return m.group(1) in t
    return m.group(1) in t or "率" in t  # 错别字的比例: 差错率 is that share in its own words


_TARGET = re.compile(r"目标|指标|计划|任务数")  # asked what is aimed at (定的…目标是多少条)
_AIMED = re.compile(r"要|力争|确保|目标|指标|计划|争取|达到|不少于|不低于|至少|不超过|以上|以内")


def planned(text: str, question: str) -> bool:
    """Whether `text` can state the target a question asks for (…目标是多少条): it says what is aimed at, not
    only what was done (上报信息被省政府采用260条: the 75th blind reader's near miss was answered so).

    >>> planned("上报信息被省政府采用260条,市政府采用262条。", "2011年定的被省市采用目标是多少条?")
    False
    >>> planned("力争被省政府采用300条。", "目标是多少条?"), planned("采用260条。", "采用了多少条?")
    (True, True)
    """
    return not _TARGET.search(fold(question)) or bool(_AIMED.search(fold(text)))


# what a question counts, named after its unit at the end of the question (配备几名新闻发言人？)
# people, times, issues, machines (几名发言人, 多少次会议, 多少期通报, 多少台微机): not 多少个工作日内公开
_COUNTED_NOUN = re.compile(r"(?:几|多少)([名位次期台辆套])(?!有什么|有何|是什么)([\u4e00-\u9fff]{2,6})[？?]?$")
# what a question counts in 个, told before (政务信息先进单位一共有多少个: the 237th's near miss got 77个单位和部门)
_COUNTED_BEFORE = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:一共|总共|共)?有?(?:多少|几)个[？?]?$")
COUNTED_NEAR = 8  # characters before a number within which the text may name what it counts (工作人员12名)
# what a question counts, told after the unit (5128条留言中,有多少条是反映教育问题的): a kind of what is counted
_COUNTED_AS = re.compile(  # …or done to (有几篇得到了县领导批示: the 263rd's near miss got 调研材料30余篇)
    r"(?:几|多少)(条|件|个|项|名|位|篇|人)(?:是([\u4e00-\u9fff]{2,12}?)的?|(?:得到了?|获得了?|受到了?|转为|转成|转化为|列为|列入)"
    r"([\u4e00-\u9fff]{2,12}))[？?]?$"
)  # …made into (有多少条转为督办件交给部门办理: the 268th's got 留言5128条…1426条)
# a part of a whole counted (撰写的领导讲话中,县长讲话有多少篇: the 184th blind reader's got all 300余件); not a
# rank (在全市民政信息工作中，这个市排名第几: the 205th's was refused)
_PART_OF = re.compile(
    r"([\u4e00-\u9fff]{2,12})(?:当中|之中|中)[，,]([\u4e00-\u9fff]{2,8}?)(?:有|占|是)?(?<!第)(?:多少|几)"
)
# characters either side of a number within which the text may tell that kind (反映教育问题的有30条)
COUNTED_AROUND = 12


def counts(text: str, question: str) -> bool:
    """Whether `text` counts what the question counts, when it names it after the unit (几名新闻发言人): next to
    a number in that unit (1名通讯员 counts no 新闻发言人: the 72nd blind reader's near miss was answered); or
    when it tells a kind of it (多少条是反映教育问题的): half the kind's words near a number in that unit.

    >>> counts("要至少明确1名通讯员", "至少配备几名新闻发言人？"), counts("配备新闻发言人1名", "配备几名新闻发言人？")
    (False, True)
    >>> counts("20个工作日内予以公开", "多少个工作日内公开？"), counts("明确1名通讯员", "有多少人？")
    (True, True)
    >>> asked = "淇县政府办公室全年承办了多少次会议"  # the 118th blind reader's: not 督查活动30次
    >>> counts("全年承办会议700多次", asked), counts("全年共组织专项督查活动30次", asked)
    (True, False)
    >>> asked = "5128条留言中,有多少条是反映教育问题的?"  # the 115th blind reader's near miss
    >>> counts("共收到留言5128条,其中审批发布和回复留言1426条", asked), counts("其中反映教育问题的有300条", asked)
    (False, True)
    >>> asked = "光山县政府办2010年撰写的领导讲话中，县长讲话有多少篇？"  # the 184th's near miss
    >>> counts("县政府办全年共撰写领导讲话300余件", asked), counts("其中县长讲话120篇", asked)
    (False, True)
    >>> counts("在全市*个地市民政信息工作中,我市名列第4名。", "在全市民政信息工作中，这个市排名第几？")  # a rank
    True
    >>> asked = "受表彰的政务信息先进单位一共有多少个？"  # the 237th's near miss: not 77个单位和部门
    >>> counts("在纳入系统的77个单位和部门中", asked), counts("表彰政务信息先进单位15个", asked)
    (False, True)
    >>> asked = "去年办理的领导批示件中，省领导批示有多少件？"  # the 237th's near miss: 299件 is 省市's
    >>> counts("去年办理省市领导批示件299件", asked), counts("每天至少收取4次", "每天至少收取几次有什么要求？")
    (False, True)
    """
    if said := _COUNTED_AS.search(fold(question).strip()):  # 有多少条是反映教育问题的: half its words by the number
        kind = said.group(2) or said.group(3)
        unit, words, t = said.group(1), [w for w, _ in tagged_words(kind) if len(w) >= 2], fold(text)
        return not words or any(
            2 * sum(w in t[max(0, n.start() - COUNTED_AROUND) : n.end() + COUNTED_AROUND] for w in words) >= len(words)
            for n in NUMBER.finditer(t)
            if t[n.end() : n.end() + len(unit)] == unit
        )
    if part := _PART_OF.search(fold(question)):  # 领导讲话中,县长讲话有多少篇: its own words by the number
        whole, t = part.group(1), fold(text)
        words = [w for w, _ in tagged_words(part.group(2)) if len(w) >= 2 and w not in whole]
        words = words or [p for p in [part.group(2)] if p not in whole]  # 领导批示件中,省领导批示: said whole
        return not words or any(
            any(w in t[max(0, n.start() - COUNTED_AROUND) : n.end() + COUNTED_AROUND] for w in words)
            for n in NUMBER.finditer(t)
        )
    if before := _COUNTED_BEFORE.search(fold(question).strip()):  # 先进单位一共有多少个: its words by the number
        words, t = [w for w, _ in tagged_words(before.group(1)) if len(w) >= 2], fold(text)
        return any(
            all(w in t[max(0, n.start() - COUNTED_AROUND) : n.end() + COUNTED_AROUND] for w in words)
            for n in NUMBER.finditer(t)
        )
    m = _COUNTED_NOUN.search(fold(question).strip())
    if not m:
        return True
    unit, noun, t = m.group(1), m.group(2), fold(text)
    return any(
        noun in t[max(0, n.start() - COUNTED_NEAR) : n.end() + len(noun) + 2]
        for n in NUMBER.finditer(t)
        if t[n.end() :].lstrip("多余几来").startswith(unit)  # 会议700多次
    )


def miscounts(text: str, question: str, units: tuple[str, ...]) -> bool:
    """Whether `text` states a number in the `units` asked that counts something else than the question
    does (多少次会议: 全年共组织专项督查活动30次 follows no 全年承办会议700多次)."""
    return bool(units) and numbers(text, units) and not counts(text, question)


# things asked apart (人大代表建议和政协委员提案，分别各是多少件): the clause naming them, then 分别/各 and the number
_APART = re.compile(r"([^，,。；;？?]+?)[，,]?(?:分别|各自|各)各?(?:是|有|为|办了|办理了)?(?:多少|几)")
_AND = re.compile(r"以及|和|与|及|跟|、")


def apart(text: str, question: str, units: tuple[str, ...] = ()) -> bool:
    """Whether `text` can state a number for each of the things a question asks apart: as many numbers (in the
    `units` asked) as it names things (the 194th blind reader's near miss got 办理人大代表建议意见、政协委员提案
    185件, their sum, for 建议和提案，分别各是多少件); True when it asks nothing apart.

    >>> q = "人大代表建议和政协委员提案，分别各是多少件？"
    >>> apart("办理人大代表建议意见、政协委员提案185件,办结率100%", q, ("件",)), apart("建议56件,提案89件", q, ("件",))
    (False, True)
    >>> apart("办理提案185件", "全县各乡镇有多少件？", ("件",)), apart("共185件", "提案有多少件？")
    (True, True)
    """
    m = _APART.search(fold(question))
    things = [p for p in _AND.split(m.group(1)) if len(p) >= 2] if m else []
    if len(things) < 2:
        return True
    t = fold(text)
    stated = [n for n in NUMBER.finditer(t) if not units or t[n.end() :].lstrip("多余几来").startswith(units)]
    return len(stated) >= len(things)
