"""Cutting a sentence to the clauses that answer (the speech's own characters, never rewritten).

  cut(sentence, weights)  the sentence from the clause where the answer begins (see `cut`)
  sets_up(clause)         whether a clause opens a pair or sets up the next (如果没有这一点,), ending no cut

A cut keeps a prohibition's negation, a pair's first half and a quotation whole; structure.py reads the
sentences and clauses it works on.
"""

from __future__ import annotations

import re

from .asks import coverage
from .kinds import states
from .script import fold
from .structure import CLAUSE, QUOTED, TRIM, han_count

# 担负着…, 发挥着…: going on from the subject before (办公室是…,…发挥着…作用,担负着…职责), as 是… and 往往… do
# (领导批示交办的事项,往往是一些急事、难事: the 218th's got 往往是… without what is)
_LEANS = re.compile(
    r"^(是|即(?!使|便)|往往|总(?=[是放在要把会爱拿])|才|就|也|又|而|但|却|并|或|甚至|乃至|以致|以至|从而|进而|因此|所以|否则|使|以便|以免|决定了|说明|这|那|其|此|来(?![自到了往])|让(?!我们)|(?:逐渐|渐渐|慢慢|逐步)?被(?!动)|(?:担负|承担|肩负|发挥|起|扮演|承载|履行)着"
    r"|(?:直接|将|会|都)?(?:影响|关系|关乎|决定)(?:到|着))"  # 其政治素质的高低,直接影响到…: what does (the 211th's)
)
# a clause cut from a longer sentence shorter than this (Han characters) reads as a fragment (窃取党和国家
# 机密。): the whole sentence is used instead. A blind reader preferred that in 8 of the 8 answers it changed
CLAUSE_MIN = 12
_NAMELY = re.compile(r"即(?!使|便)")
_PAIRED = re.compile(r"既|不仅|不但|一方面")  # a clause holding the first half of a pair (办公室既是…,…,也是…)
# _LEANS: a clause leaning on the one before cannot open a cut; _OPENS: one opening a pair or setting up cannot end it
_OPENS = re.compile(
    r"^(只有(?!.+才)|如果(?!.+就)|若|(?:虽然|尽管)(?!.+[但却])|(?:不仅|不但|既)(?!.+(?:又|也|而且))|一方面|为了"
    r"|(?:正是|正)?因为|由于|无论|不管|凡是)|.*(?:情况下|的时候|之际|的同时)[，,；;：:]?$"  # 只有终生学习才够用一辈子 closes its own pair
    r"|^(?:同时|此外|另外|并且|而且|然后|其次|其中)[，,；;：:]?$"  # a bare link: …进行集中督查,同时,对…
)


def cut(sentence: str, weights: dict[str, float], wanted: str = "", max_chars: int = 100) -> str:
    """`sentence` from the clause where the answer begins to its end (cut at ，；：, never inside a 、
    list): leading clauses that hold none of the question's words are dropped, since the words that
    answer usually follow the ones that restate the question. Too long, it loses clauses at the end,
    never the one that states what a typed question wants. A wording question's formulation is the
    quoted one in the clauses its words pick out, when there is one there, said without what follows.
    A cut never opens with a clause that leans on the one before (才…, 因此…; one saying what that one
    names, 即…, opens with that one) or that a prohibition before it governs (决不能…,就…,乱发牢骚), nor
    ends with one that opens a pair (只有…, 既…); one from the case a sentence singles out (特别是…) is
    the whole sentence, when it fits (the 69th blind reader's 该讲的话一定要讲 lost 敢于和善于向领导讲真话). A list or
    untyped question's cut does not start inside a run of clauses saying what must be done (…要认真思考,站位要高,…).

    >>> cut("为加强管理，每车每月油耗上限为一百五十升，超出部分自行承担。", {"油耗": 1.0, "上限": 1.0}, "quantity")
    '每车每月油耗上限为一百五十升，超出部分自行承担。'
    >>> cut("我到办公室工作三个多月了,最大的体会有两点:一是同志们是卓有成效的。", {"办公室": 1.0}, "quantity")
    '我到办公室工作三个多月了'
    >>> cut("过去一些问题,领导开个办公会就定下来了,现在所有的政府文件必须经过法制办审核把关。", {"审核": 1.0}, "who")
    '现在所有的政府文件必须经过法制办审核把关。'
    >>> cut("近年来工作量很大，市直各部门接待上级领导，一定要向“两办”报告。", {"接待": 1.0, "上级": 1.0})
    '市直各部门接待上级领导，一定要向“两办”报告。'
    >>> cut("“甲项工作”是灵魂，“乙项工作”是前提，“丙项工作”是保障。", {"甲项": 1.0}, max_chars=16)
    '“甲项工作”是灵魂，“乙项工作”是前提，“丙项工作”是保障。'
    >>> cut("我们常说“上边千条线,下头一根针”,办公室承担着上传下达的任务,承接的决策很多。", {"上传下达": 1.0}, "wording", 30)
    '我们常说“上边千条线,下头一根针”,办公室承担着上传下达的任务'
    >>> cut("思路是:以搞好“三个服务”为核心,实现办文零差错、办会零纰漏的“两零目标”,为发展做贡献。", {"办文": 2, "目标": 2}, "wording")
    '实现办文零差错、办会零纰漏的“两零目标”'
    >>> cut("在工作中,领导性子急了,或者你哪件事没做好,批评几句。", {"没做好": 1.0})  # never from 或者
    '在工作中,领导性子急了,或者你哪件事没做好,批评几句。'
    >>> cut("在班子里,担任班长的人,既要加强自身建设,成为合格的一把手,又要团结好一班人。", {"一把手": 1.0})
    '担任班长的人,既要加强自身建设,成为合格的一把手,又要团结好一班人。'
    >>> cut("办公室既是各种事务的交汇点,领导与基层的联络点,也是各种矛盾的聚焦点。", {"领导": 1.0})  # a pair whole
    '办公室既是各种事务的交汇点,领导与基层的联络点,也是各种矛盾的聚焦点。'
    >>> cut("近年来,窃密活动不断增多,保密工作难度进一步加大。", {"难度": 1.0, "加大": 1.0}, "why")  # the cause
    '近年来,窃密活动不断增多,保密工作难度进一步加大。'
    >>> cut("多年来同志们是卓有成效的,如果没有这一点,我们很难在经济下行的情况下,保持大局的稳定。", {"成效": 1.0}, max_chars=40)
    '多年来同志们是卓有成效的'
    >>> cut("到了工业经济时代,读十几年书就够;到了知识经济时代,只有终生学习才够用一辈子。", {"时代": 1.0})
    '到了工业经济时代,读十几年书就够;到了知识经济时代,只有终生学习才够用一辈子。'
    >>> cut("决不能因为工作辛苦,就怨天忧人,乱发牢骚,必须把平凡的工作同建设联系起来。", {"乱": 1.0}, max_chars=20)
    '决不能因为工作辛苦,就怨天忧人,乱发牢骚'
    >>> cut("決不準因為工作辛苦,就怨天憂人,亂髮牢騷。", {"乱": 1.0})  # Traditional: read folded
    '決不準因為工作辛苦,就怨天憂人,亂髮牢騷。'
    >>> cut("必须及时分送,不准积压,对其它单位违反程序上报的公文一律退回。", {"程序": 1.0})  # a rule of its own
    '对其它单位违反程序上报的公文一律退回。'
    >>> cut("四是部分干部纪律性差,制度执行不严,存在迟到早退、上网聊天下棋等现象。", {"聊天": 1.0, "下棋": 1.0})
    '四是部分干部纪律性差,制度执行不严,存在迟到早退、上网聊天下棋等现象。'
    >>> cut("办公室好比一部机器,档案、财务等各项工作,都是这部机器上的零部件。", {"档案": 1.0, "财务": 1.0})
    '办公室好比一部机器,档案、财务等各项工作,都是这部机器上的零部件。'
    >>> cut("在此基础上,落实逐级负责的制度,即科员对分管主任负责,主任对局长负责,全局对局党组负责。", {"科员": 2, "党组": 1.5})
    '落实逐级负责的制度,即科员对分管主任负责,主任对局长负责,全局对局党组负责。'
    >>> cut("我们应敢于和善于向领导讲真话,特别是在一些重大问题上,该讲的话一定要讲,不能看着决策出偏差。", {"该讲": 1, "偏差": 1})
    '我们应敢于和善于向领导讲真话,特别是在一些重大问题上,该讲的话一定要讲,不能看着决策出偏差。'
    >>> cut("我们应敢于和善于向领导讲真话,特别是在一些重大问题上,该讲的话一定要讲,不能看着决策出偏差,以致造成损失。", {"决策": 1, "偏差": 1})
    '我们应敢于和善于向领导讲真话,特别是在一些重大问题上,该讲的话一定要讲,不能看着决策出偏差,以致造成损失。'
    >>> cut("真正做到“事业留人,感情留人”,让人员在付出努力的同时,感受组织的温暖,得到实惠。", {"留人": 1}, "wording")
    '真正做到“事业留人,感情留人”,让人员在付出努力的同时,感受组织的温暖'
    >>> cut("办公室接触机密多,其政治素质的高低,直接影响到政策的执行,也影响到领导的形象。", {"执行": 1.0})  # what does
    '办公室接触机密多,其政治素质的高低,直接影响到政策的执行,也影响到领导的形象。'
    >>> cut("有的就事论事,接到会议通知直接呈报,不与上级部门主动沟通。", {"通知": 1.0, "直接": 1.0})  # who does it
    '有的就事论事,接到会议通知直接呈报,不与上级部门主动沟通。'
    >>> cut("三是要把握处理标准,对反映多个问题的信访件,要对反映的问题逐一调查,作出处理。", {"逐一": 1.0})
    '对反映多个问题的信访件,要对反映的问题逐一调查,作出处理。'
    >>> cut("因此,信息报送要做到“四快”,即发现问题快,采编撰写快,送阅审批快,反馈落实快。", {"发现": 1, "四快": 2}, "wording")
    '信息报送要做到“四快”,即发现问题快,采编撰写快,送阅审批快,反馈落实快。'
    >>> cut("今后办公室选人,除了政治上过硬以外,主要就是两条,一要有扎实的文字功底,二要有勤恳的作风。", {"主要": 1, "条件": 1})
    '今后办公室选人,除了政治上过硬以外,主要就是两条,一要有扎实的文字功底,二要有勤恳的作风。'
    >>> cut("每季度对7项重点项目建设进行集中督查,同时,对30多项临时性重点工作进行了专项督查,定期通报工作进展情况,全年共印发《政府督查通知》26期。", {"督查": 1.0}, max_chars=24)
    '每季度对7项重点项目建设进行集中督查'
    >>> cut("在领导身边服务的同志,要做到“三不”:不该讲的不讲、不该问的不问;还要严守纪律。", {"身边": 1, "做到": 1}, "wording")
    '在领导身边服务的同志,要做到“三不”:不该讲的不讲、不该问的不问'
    >>> cut("大家要围绕部署,一项一项抓落实,一件一件求突破,为了工作不计得失,做到“说了就算”。", {"大家": 1, "说了就算": 4}, "wording")
    '做到“说了就算”。'
    >>> cut("所谓“万金油干部”,对办公室的同志来讲,不是贬义,而是工作要求。", {"贬义": 1.0})  # the 165th's
    '所谓“万金油干部”,对办公室的同志来讲,不是贬义,而是工作要求。'
    >>> cut("我感觉文稿工作是一个薄弱环节,如果说党委办公室的薄弱环节在哪里?", {"党委": 2, "薄弱": 4, "哪里": 5})
    '我感觉文稿工作是一个薄弱环节,如果说党委办公室的薄弱环节在哪里?'
    >>> cut("一些同志处理不及时,总放在“待办”上,问题没有解决。", {"处理": 2, "待办": 5})  # whoever 总 leans on
    '一些同志处理不及时,总放在“待办”上,问题没有解决。'
    """
    parts = _within_quotes([c for c in CLAUSE.split(sentence.strip()) if c.strip()])
    if len(parts) <= 1:
        return sentence.strip().rstrip(TRIM)
    covers = [coverage(p, weights) for p in parts]
    top = max(covers)
    typed = _typed(parts, covers, wanted)
    # a formulation among the clauses the question's words pick out is the one asked for, not those before it
    quoted_top = wanted == "wording" and any(QUOTED.search(p) and c >= top / 2 > 0 for p, c in zip(parts, covers))
    starts = [  # one saying what the clause before names (落实逐级负责的制度,即科员对分管主任负责) starts with it
        i - 1 if i and _NAMELY.match(fold(parts[i]).lstrip()) else i
        for i, c in enumerate(covers)
        if (c >= top / 2 or (wanted == "wording" and not quoted_top and QUOTED.search(parts[i])))
        and (i == 0 or not _LEANS.match(fold(parts[i]).lstrip()) or _NAMELY.match(fold(parts[i]).lstrip()))
    ]
    start = min([*starts, *typed[:1]], default=0) if (top > 0 or typed) and wanted != "why" else 0
    start -= 1 if start and _LEANS.match(fold(parts[start]).lstrip()) else 0  # 规范,就是要…: not from 就是要
    at = next((i for i, c in enumerate(covers) if QUOTED.search(parts[i]) and c >= top / 2), 0) if quoted_top else 0
    start = at if at - start > 2 and not any(covers[start + 1 : at]) else start  # 大家要…,一项一项…,…,做到“说了就算…”
    pair = next((i for i in range(start) if _PAIRED.search(fold(parts[i])) and not _OPENS.match(fold(parts[i]))), None)
    if pair is not None and any(_LEANS.match(fold(p).lstrip()) for p in parts[start + 1 :]):
        start = pair if len("".join(parts[pair:])) <= max_chars else start  # the pair whole, or as it was
    end = len(parts)
    if quoted_top:  # …“三零目标”: the clauses after the formulation asked for say something else
        # …unless quoted and a third as asked for (做好领导的“顺风耳”和“千里眼”,多下“及时雨”,不放“马后炮”: the 256th's)
        end = max(i for i, c in enumerate(covers) if c >= top / 2 or (QUOTED.search(parts[i]) and c >= top / 3)) + 1
        while (
            end < len(parts)
            and (
                _LEANS.match(fold(parts[end]).lstrip())
                or _OPENS.match(fold(parts[end - 1]).lstrip())
                or _TOPIC.match(fold(parts[end - 1]).strip())  # 对办公室的同志来讲,不是贬义
                or han_count("".join(parts[start:end])) < CLAUSE_MIN
                or parts[end - 1].rstrip().endswith((":", "："))  # 要做到“三不”:不该讲的不讲、…: what it announces
            )
        ):
            end += 1  # …,即…; or a clause too short to read alone (可以说是“5+2”、“白+黑”,…)
        end = _named_out(parts, end)  # “四快”,即发现问题快,采编撰写快,…: what it names, whole (the 109th's)
    end = _announced(parts, covers, typed[0], end) if typed else end
    keep = max([start, *typed[:1], covers.index(top)])
    while end > keep + 1 and (
        len("".join(parts[start:end])) > max_chars or _OPENS.match(fold(parts[end - 1]).lstrip())
    ):
        end -= 1
    while (
        start < keep
        and len("".join(parts[start:end])) > max_chars
        and not _LEANS.match(fold(parts[start + 1]).lstrip())
        and not (wanted == "wording" and QUOTED.search(parts[start]))  # the formulation asked for stays
    ):
        start += 1
    while (
        end < len(parts)
        and _series(parts[end - 1], parts[end])
        and len("".join(parts[start : end + 1])) <= 2 * max_chars
    ):
        end += 1  # a series of quoted formulations is not cut short (“五个坚持” are five)
    singled = any(_SINGLES_OUT.match(fold(p).lstrip()) for p in parts[max(0, start - 1) : start + 1])
    if start and (singled or _EXISTS.match(fold(parts[start]).lstrip())) and len("".join(parts[:end])) <= max_chars:
        start = 0  # 存在迟到早退…等现象: what has them is said before (部分干部职工组织纪律性差, the 64th's); 特别是…
    start = _besides(parts, start, end, max_chars)
    if start and _TOPIC.match(fold(parts[start - 1]).strip()) and len("".join(parts[start - 1 : end])) <= max_chars:
        start -= 1  # 对反映多个问题的信访件,要…逐一调查: what the rule is for (dev q473 lost it)
    elif start >= 2 and _FORBIDDEN.match(fold(parts[start]).lstrip()) and len("".join(parts[:end])) <= max_chars:
        # 特别是在一些重大问题上,该讲的话一定要讲,不能看着决策出偏差: the case singled out whole (the 97th's)
        start = 0 if _SINGLES_OUT.match(fold(parts[start - 2]).lstrip()) else start
    if start and start == len(parts) - 1 and parts[start].rstrip().endswith(("？", "?")):
        start -= 1  # 如果说…薄弱环节在哪里?: a question the speech asks itself; what it says comes before it
    start = _referent(parts, start, end, max_chars)
    start = _run_start(parts, start) if wanted in ("list", "fact") else start
    start = _subjects(parts, start)
    start -= 1 if start and _SOME.match(fold(parts[start - 1]).strip()) else 0  # 有的就事论事,接到会议通知直接呈报
    start = 0 if start and _FEW.match(fold(parts[0]).lstrip()) and len("".join(parts[:end])) <= max_chars else start
    start = _saying_start(parts, start, end, max_chars)
    start -= 1 if start and _brings_in(fold(parts[start - 1]).strip()) else 0  # 所谓“万金油干部”,…不是贬义: its term
    return "".join(parts[_negated(parts, _paired_start(parts, start, end)) : end]).strip().rstrip(TRIM)


def _saying_start(parts: list[str], start: int, end: int, max_chars: int) -> int:
    """Where a cut inside a saying the sentence gives (我要送一句话,就是既要…,也要…,不能因…心灰意冷) starts: at the
    clause giving it, when the saying fits (the 235th blind reader's got 不能因一时一事不如意就心灰意冷 alone).

    >>> _saying_start(["对于这些同志,", "我要送一句话,", "就是既要有勇气,", "也要有胸怀,", "不能心灰意冷。"], 4, 5, 100)
    1
    """
    for j in range(1, start + 1):
        if _GIVES.search(fold(parts[j - 1])) and fold(parts[j]).lstrip().startswith("就是"):
            return j - 1 if len("".join(parts[j - 1 : end])) <= max_chars else start
    return start


_GIVES = re.compile(r"(?:送|讲|说|提)(?:大家)?一句话[，,]$")  # …a saying given (我要送一句话,就是…)


def _typed(parts: list[str], covers: list[float], wanted: str) -> list[int]:
    """The clauses stating what a typed question wants; asked who, those of them holding the question's words when
    any do (哪个部门…审核把关: 所有的政府文件必须经过法制办审核把关, not 领导开个办公会 before it; a count stays
    as it was: 我到办公室工作三个多月了 answers 多久 though 最大的体会有两点 holds more, dev q102)."""
    typed = [i for i, p in enumerate(parts) if wanted and states(p, wanted)]
    top = max(covers, default=0.0)
    if wanted != "who":
        return typed
    return [i for i in typed if covers[i] >= top / 2 > 0] or typed


SO_CALLED = re.compile(r"所谓[“\"「]([^”\"」]{2,12})[”\"」]")  # 所谓“万金油干部”,…: a term taken up (around, sayings)


def _brings_in(clause: str) -> bool:
    """Whether a folded clause only brings in the term the next is said of (所谓“万金油干部”,)."""
    return (m := SO_CALLED.match(clause)) is not None and clause[m.end() :] in (",", "，")


def _run_start(parts: list[str], start: int) -> int:
    """Where a list or untyped question's cut starts: at the first of a run of clauses saying what must be done
    (这就要求…要认真思考,站位要高,要从全局的角度思考…: the 158th blind reader's got the last alone, the 163rd's too,
    asking 拟办意见老被说太空…应该怎么改进)."""
    while start and all(_MUST.search(fold(p)) for p in parts[start - 1 : start + 1]):
        start -= 1
    return start


def _subjects(parts: list[str], start: int) -> int:
    """Where a cut starts when the clauses before `start` only name the bodies it is said of (各高等学校、省属中等
    职业学校,厅机关各处室,厅直属各单位(学校)要至少明确1名通讯员: the 161st blind reader's got the last body alone):
    at the first of them.

    >>> parts = ["各高等学校、省属中等职业学校,", "厅机关各处室,", "厅直属各单位(学校)要至少明确1名通讯员,", "并报厅办公室。"]
    >>> _subjects(parts, 2), _subjects(["要求高,", "厅机关各处室要明确1名通讯员。"], 1), _subjects(["为此,", "各处室要报送。"], 1)
    (0, 1, 1)
    """
    while start and _BODIES.match(fold(parts[start - 1]).strip()) and _BODIES.match(fold(parts[start]).strip()):
        start -= 1
    return start


def _announced(parts: list[str], covers: list[float], stated: int, end: int) -> int:
    """Where a typed question's cut ends: before a clause after the one stating what is wanted that announces
    points and holds none of the question's words (我到办公室工作三个多月了,最大的体会有两点:一是…, the 113th
    blind reader's): they say something else (asked 最大的体会是什么 too, dev q102, they answer it)."""
    return next((i for i in range(stated + 1, end) if _ANNOUNCES.search(fold(parts[i])) and not covers[i]), end)


def _besides(parts: list[str], start: int, end: int, max_chars: int) -> int:
    """Where a cut starts when the clause before `start` says besides what (除了政治上过硬以外,主要就是两条): with
    it, or with the whole sentence when that fits."""
    if not start or not _BESIDES.match(fold(parts[start - 1]).strip()):
        return start
    return 0 if len("".join(parts[:end])) <= max_chars else start - 1


def sets_up(clause: str) -> bool:
    """Whether a clause opens a pair or sets up the next (如果没有这一点, …的情况下, 正是因为…; read folded).

    >>> sets_up("如果没有这一点,"), sets_up("正是因為有好的基礎"), sets_up("在經濟下行的情況下,"), sets_up("保持稳定")
    (True, True, True, False)
    """
    return _OPENS.match(fold(clause).lstrip()) is not None


_MUST = re.compile(r"要(?![求点素件闻务])")  # a clause saying what must be done
_ANNOUNCES = re.compile(r"有[一二两三四五六七八九十几\d]+(?:点|个方面|条)[^，,；;]{0,6}[：:]\s*$")  # …有两点:
# a clause naming bodies only (各省辖市、省直管试点县(市)教育局,), or opening with them (厅直属各单位(学校)要…)
_BODY = r"(?:局|厅|委|办|学校|高校|学院|处室|单位|部门|机关)(?:[(（][^()（）]{1,6}[)）])?"
_BODIES = re.compile(
    rf"^(?:[^，,；;：:。要应须]{{0,30}}{_BODY}[，,]$|(?:[^，,；;：:。要应须]{{0,30}}{_BODY})+(?:要|应|必须))"
)
_TOPIC = re.compile(r"^(?:对于?|关于)[^，,；;：:]{2,24}[，,]$")  # a clause naming what the next one is said of
# besides what (除了政治上过硬以外,): what the clause after it counts goes with it (the 140th blind reader's 挑人…看重
# 哪些条件 got 主要就是两条,… without it)
# who of them does it (有的就事论事,接到会议通知直接呈报,…): the cut says it, or the fault reads as what to do (the
# 203rd blind reader's 开会通知直接转给领导就可以了吗 got 接到会议通知直接呈报,不与上级部门主动沟通 alone)
_SOME = re.compile(r"^有的[\u4e00-\u9fff]{1,8}[，,]$")
# …and a sentence opening with the few who fail (个别同志把办公室的工作看得非常简单,…,对交办的工作,不能按时完成: the
# 227th's 交办一件很急的事…怎么处理 got its last clauses, which read as a rule), whole when it fits
_FEW = re.compile(r"^(?:个别|有的|有些|少数|部分)(?:同志|干部|人员|单位|部门|人)")
_BESIDES = re.compile(r"^除了?[^，,；;]{1,20}(?:以外|之外|而外)[，,]$")
_EXISTS = re.compile(r"存在|出现")  # a clause saying that something exists, of what the sentence opened with
_SINGLES_OUT = re.compile(r"特别是|尤其是|特别在|尤其在")  # the case it singles out, of what the sentence said first


# its scope runs on past its clause (not 不可控性: the 241st blind reader's 不缺位…不失语 came with 要充分认识…不可控性)
_NEGATES = re.compile(r"不能|不要|不得|不可(?![控逆能分少缺替估])|不准|不许|切忌|严禁|禁止")
_FORBIDDEN = re.compile(rf"(?:决|绝|也|更|还)?(?:{_NEGATES.pattern})")  # a clause opening with a negation
_DIRECTS = re.compile(r"要|必须|应|还要|更要|都要|做到")  # (both read folded: 不準, 嚴禁, 必須 too)
_OWN_RULE = re.compile(r"(?:对于?|关于)[^，,；;]*?(?:一律|一概|必须|务必|应当)")  # 对…公文一律退回: a rule of its own


def _negated(parts: list[str], start: int) -> int:
    """Where a cut opening at `start` must open so that a prohibition it continues keeps its negation (决不能因为
    工作辛苦,…,就怨天忧人,乱发牢骚: not 乱发牢骚 alone, the 49th blind reader's): a clause up to three before,
    unless the cut's first clause negates or directs of its own (不能满足于…, 做到…, 对…公文一律退回: not after 不准积压,
    the 138th blind reader's)."""
    if _NEGATES.search(fold(parts[start])) or _OWN_RULE.match(fold(parts[start]).lstrip()):
        return start
    for i in range(start - 1, max(-1, start - 4), -1):
        if _DIRECTS.match(fold(parts[i + 1]).lstrip()):  # a directive of its own (要…) ends the scope
            return start
        if _NEGATES.search(fold(parts[i])):
            return i
    return start


def _paired_start(parts: list[str], start: int, end: int) -> int:
    """Where a cut opening at `start` must open instead so that a pair it holds the second half of
    (既要…,…,又要…) keeps its first, with the short topic clause before it (担任班长的人,既要…)."""
    leaning = any(_LEANS.match(fold(p).lstrip()) for p in parts[start + 1 : end])
    opener = next((i for i in range(start - 1, max(-1, start - 3), -1) if _OPENS.match(fold(parts[i]).lstrip())), None)
    if not leaning or opener is None:
        return start
    return opener - 1 if opener > 0 and han_count(parts[opener - 1]) <= 8 else opener


_THIS = re.compile(r"这(?:部|个|台|项|种|支|座)([\u4e00-\u9fff]{2})")  # 这部机器: what a clause before named


def _referent(parts: list[str], start: int, end: int, max_chars: int) -> int:
    """Where a cut opening at `start` must open so that what it points back at comes with it (…,都是这部机器上
    的零部件: from 办公室好比一部机器, the 81st blind reader's), when that fits in `max_chars`."""
    for m in _THIS.finditer(fold("".join(parts[start:end]))):
        named = next((i for i in range(start - 1, -1, -1) if m.group(1) in fold(parts[i])), None)
        if named is not None and len("".join(parts[named:end])) <= max_chars:
            start = named
    return start


def _within_quotes(parts: list[str]) -> list[str]:
    """Clauses with a quotation that spans a comma joined back into one (“上边千条线,下头一根针”)."""
    out: list[str] = []
    for p in parts:
        if out and any(out[-1].count(a) > out[-1].count(b) for a, b in (("“", "”"), ("「", "」"), ("『", "』"))):
            out[-1] += p
        else:
            out.append(p)
    return out


def _named_out(parts: list[str], end: int) -> int:
    """The end past the clauses of a series that a clause opening 即, the last before `end`, begins: those ending
    in the same character as it (即发现问题快,采编撰写快,送阅审批快,反馈落实快)."""
    if not end or not _NAMELY.match(fold(parts[end - 1]).lstrip()):
        return end
    last = parts[end - 1].rstrip(TRIM + "。！？!?")[-1:]
    while end < len(parts) and parts[end].rstrip(TRIM + "。！？!?")[-1:] == last:
        end += 1
    return end


def _series(a: str, b: str) -> bool:
    """Whether clauses `a` and `b` are two items of one series of quoted formulations, each opening
    with its quote (“坚持…”是灵魂，“坚持…”是前提)."""
    return all(QUOTED.match(x.lstrip()) for x in (a, b))
