"""The speeches' own structure, read from their text: sentences, clauses, enumerations, cuts.

  sentence_spans(text)   sentences as (start, end) offsets (。！？；… and line breaks end one)
  clauses(sentence)      the sentence cut at clause boundaries (，；、：), punctuation kept
  marker(text)           the enumeration marker a text opens with: 一是 / 二要 / 第三， / （四） / 五、 /
                         6. / 首先 … 其次 … 最后, as (family, number, length)
  enumerations(text)     runs of items whose markers count up 1, 2, 3… in one family, each item with
                         its span and its key clause (what the point says, marker cut off)
  cut(sentence, weights) the sentence from the clause where the answer begins (see `cut`)
  sets_up(clause)        whether a clause opens a pair or sets up the next (如果没有这一点,), ending no cut
  parallel(a, b)         whether two sentences are the halves of one antithesis (言当其时…；言背其时…)
  balanced(sentence)     whether a sentence holds such an antithesis (不是中心,但影响中心;不是决策,…)

These speeches enumerate everything, inline (`主要表现在：一是……；二是……`) and as sections
(`一、…` `（一）…` `1.…`). What it does not do: decide what answers a question (compose.py), or
fold scripts (callers pass folded or original text as they need; markers are the same in both).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .amounts import states
from .asks import coverage
from .quotes import cn_number
from .script import fold

CN = "一二三四五六七八九十"
SENTENCE_END = re.compile(r"(?<=[。！？!?；;\n])")  # the index's sentence vectors split here too
_CLAUSE_END = re.compile(r"(?<=[，,；;、：:。！？!?])")
_HAN = re.compile(r"[\u4e00-\u9fff]")
TRIM = "，,、：:；; \n"  # what a cut clause loses at its end
CLOSERS = "”’」』）)"  # a closing quote after 。 belongs to the sentence before
SEQUENCE = {"首先": 1, "其次": 2, "再其次": 3, "再次": 3, "再者": 3, "最后": 99}

# (family, pattern): the number is group 1 (Chinese or Arabic); each must open the text
_MARKERS = (
    ("是", re.compile(rf"([{CN}]{{1,2}})(是|要|抓|靠|看|讲)")),  # the family is the verb: 一是… and 一要… differ
    ("第", re.compile(rf"第([{CN}]{{1,2}})(?:[，,、：:]|(?=[是要条点个方]))")),
    ("其", re.compile(rf"其([{CN}])(?:是)?(?=[^{CN}个])")),  # 其一是…其二是…
    ("、", re.compile(rf"([{CN}]{{1,2}})、")),
    ("（）", re.compile(rf"[（(]([{CN}]{{1,2}})[）)]")),
    ("1.", re.compile(r"([0-9]{1,2})(?:[.．、](?![0-9])|\s)")),
    ("(1)", re.compile(r"[（(]([0-9]{1,2})[）)]")),
)


@dataclass(frozen=True)
class Marker:
    family: str  # "是" (一是…), "要" (一要…) and the like, "第", "、" (一、), "（）" (（一）), "1.", "(1)", "首先"
    number: int
    length: int  # characters the marker takes


def marker(text: str) -> Marker | None:
    """The enumeration marker `text` opens with (after blanks), if any.

    >>> marker("一是加强学习"), marker("（三）督查督办"), marker("第二，要落实"), marker("统一思想")
    (Marker(family='是', number=1, length=2), Marker(family='（）', number=3, length=3), Marker(family='第', number=2, length=3), None)
    >>> marker("其次，要提高效率").number, marker("12. 会议").family, marker("统一是基础"), marker("其二是人员不到位").number
    (2, '1.', None, 2)
    """
    t = text.lstrip()
    lead = len(text) - len(t)
    for word, order in SEQUENCE.items():
        if t.startswith(word):
            return Marker("首先", order, lead + len(word) + (1 if t[len(word) : len(word) + 1] in "，,：:" else 0))
    for family, pattern in _MARKERS:
        m = pattern.match(t)
        if m and (n := cn_number(m.group(1))) is not None:
            return Marker(m.group(2) if family == "是" else family, n, lead + m.end())
    return None


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, blanks trimmed; empty ones dropped.

    >>> t = "一、总体要求\\n要做好督查。信息要快；文稿要精！"
    >>> [t[a:b] for a, b in sentence_spans(t)]
    ['一、总体要求', '要做好督查。', '信息要快；', '文稿要精！']
    """
    out, at = [], 0
    for piece in SENTENCE_END.split(text):
        a, b = at, at + len(piece)
        at = b
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def clauses(sentence: str) -> list[str]:
    """The sentence cut after each clause boundary, punctuation kept.

    >>> clauses("要做好会务，会前充分准备、会中严密组织；确保落实。")
    ['要做好会务，', '会前充分准备、', '会中严密组织；', '确保落实。']
    """
    return [c for c in _CLAUSE_END.split(sentence) if c.strip()]


def han_count(text: str) -> int:
    return len(_HAN.findall(text))


@dataclass(frozen=True)
class Item:
    """One point of an enumeration: its span in the text (marker included) and its key clause."""

    number: int
    start: int
    end: int
    key: str  # what the point says, marker cut off: its first clause, or two when the first is short


@dataclass(frozen=True)
class Enumeration:
    family: str
    items: tuple[Item, ...]
    intro: tuple[int, int] | None  # the sentence that announces the list (主要表现在：…), when there is one

    @property
    def start(self) -> int:
        return self.items[0].start

    def holds(self, at: int) -> bool:
        """Whether position `at` lies within the list's points."""
        return self.start <= at < self.end

    @property
    def end(self) -> int:
        return self.items[-1].end


def key_clause(text: str) -> str:
    """What an item says: its first clause without the marker, two clauses when the first is very short.

    >>> key_clause("一是办文办会高标准。全县政府系统办公室严格执行公文办理制度"), key_clause("二要严，严格把关，不出差错")
    ('办文办会高标准', '严，严格把关')
    """
    m = marker(text)
    body = text[m.length if m else 0 :].lstrip("，,：: ")
    parts = clauses(body)
    if not parts:
        return ""
    key = parts[0]
    if han_count(key) < 4 and len(parts) > 1 and key.rstrip()[-1:] not in "。！？!?；;":  # never past a sentence
        key += parts[1]
    return key.rstrip("，,；;、：:。！？!? \n")


LEAD_IN = re.compile(  # a speaker's opening clause before what they say (我想，首先要…)
    r"(?:下一步|今后|今後|為此|为此|我想|我认为|我看|我觉得|我以为|我們認為|具体来说|具体地说|具體來說"
    r"|我总结了一下|我總結了一下)[，,]\s*"
)


def _openings(text: str) -> list[tuple[int, Marker]]:
    """Every place a marker opens a sentence (after a speaker's lead-in: 我想，首先要…), a line, or a
    clause after ：or ；."""
    found = []
    for a, _ in sentence_spans(text):
        lead = LEAD_IN.match(text, a)
        a = lead.end() if lead else a
        m = marker(text[a:])
        if m:
            found.append((a, m))
    for hit in re.finditer(r"[：:；;]\s*", text):
        at = hit.end()
        m = marker(text[at:])
        if m and m.family not in ("、", "（）") and not any(a == at for a, _ in found):
            found.append((at, m))
    return sorted(found, key=lambda x: x[0])


def _item_end(text: str, start: int, family: str) -> int:
    """Where the last item of a list ends: its paragraph for sections; for inline lists its sentence,
    or the rest of its paragraph when that sentence only names the point (POINT_HEADING)."""
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    if family in ("、", "（）"):
        return line_end
    spans = [s for s in sentence_spans(text[start:line_end])]
    if spans and han_count(text[start : start + spans[0][1]]) <= POINT_HEADING:
        return line_end  # 二是要解决“不会写”的问题。写好文章还是那几句话:…: a point announced, then made
    return start + (spans[0][1] if spans else line_end - start)


POINT_HEADING = 16  # a last point's first sentence this short only names it: the point runs to its paragraph's end


def _line_start(text: str, at: int) -> bool:
    """Whether `at` opens a line (spaces before it aside)."""
    line = text.rfind("\n", 0, at) + 1
    return not text[line:at].strip()


def _verb_switch(m: Marker, m2: Marker, at: int, at2: int, opens: list[tuple[int, Marker]]) -> bool:
    """一要…二要…三要…四是…: a speaker may switch the verb; not to a list of its own started since."""
    verbs = "是要抓靠看讲"
    return (
        m.family in verbs and m2.family in verbs and not any(at <= a < at2 and k.family == m2.family for a, k in opens)
    )


def _ends(text: str, m: Marker, m2: Marker, at: int, at2: int, first_one: dict[str, int]) -> bool:
    """Whether the list `m` opened ends before `m2`: 第二，… on a line of its own is the next point of a list around
    it; 一是… again starts a list of its own (体会有两点：一是…二是… ……重点：一是…三是…: the 65th reader's)."""
    around = m2.family != m.family and m2.number >= 2 and first_one.get(m2.family, at) < at and _line_start(text, at2)
    return around or (m2.family == m.family and m2.number == 1)


def enumerations(text: str, max_gap: int = 1200) -> list[Enumeration]:
    """Runs of items numbered 1, 2, 3… in one family (a family's count may restart elsewhere); items
    of an inline list lie at most `max_gap` characters apart, sections (一、 （一）) any distance.

    >>> t = "主要表现在：一是管理欠规范；二是素质跟不上；三是调研欠深入。下面讲第二点。"
    >>> [(i.number, i.key) for i in enumerations(t)[0].items]
    [(1, '管理欠规范'), (2, '素质跟不上'), (3, '调研欠深入')]
    >>> [i.key for i in enumerations("一要掌握情况。二要有功底。三要懂技巧。四是要临阵磨枪。")[0].items]
    ['掌握情况', '有功底', '懂技巧', '要临阵磨枪']
    """
    opens = _openings(text)
    first_one: dict[str, int] = {}  # where each family first counts 1
    for a, mk in (o for o in opens if o[1].number == 1):
        first_one.setdefault(mk.family, a)
    out: list[Enumeration] = []
    used: set[int] = set()
    for i, (at, m) in enumerate(opens):
        if i in used or m.number != 1:
            continue
        run = [(at, m)]
        used.add(i)
        want = 2
        for j in range(i + 1, len(opens)):
            at2, m2 = opens[j]
            if at2 - run[-1][0] > max_gap and m.family not in ("、", "（）"):
                break
            if _ends(text, m, m2, at, at2, first_one):
                break
            if (m2.family == m.family or _verb_switch(m, m2, at, at2, opens)) and (
                m2.number == want or (m.family == "首先" and m2.number == 99)
            ):
                run.append((at2, m2))
                used.add(j)
                want += 1
                if m2.number == 99:
                    break
        if len(run) < 2:
            continue
        items = []
        for k, (a, mk) in enumerate(run):
            b = run[k + 1][0] if k + 1 < len(run) else _item_end(text, a, m.family)
            items.append(Item(mk.number, a, b, key_clause(text[a:b])))
        intro = next(
            ((s, e) for s, e in sentence_spans(text[: run[0][0]])[-1:] if text[s:e].rstrip()[-1:] in "：:"), None
        )
        out.append(Enumeration(m.family, tuple(items), intro))
    return out + _series_of(text, max_gap)


SERIES = "排比"  # the family of an unnumbered series: 要让日常工作顺起来…要让重点工作统起来…要让应急反应快起来


def _opening_clause(text: str) -> str:
    parts = clauses(text)
    return parts[0].rstrip(TRIM + "。！？!?") if parts else ""


def _series_of(text: str, max_gap: int) -> list[Enumeration]:
    """Unnumbered series within a paragraph: three or more sentences whose opening clauses (four Han
    characters or more, no marker) begin with the same two characters, end with the same one and are
    about as long, each at most five sentences after the one before.

    >>> t = "要让日常工作顺起来,做好公文。要让重点工作统起来,合力攻坚。要让应急反应快起来,及时处置。"
    >>> [(i.number, i.key) for e in enumerations(t) for i in e.items]
    [(1, '要让日常工作顺起来'), (2, '要让重点工作统起来'), (3, '要让应急反应快起来')]
    """
    spans = sentence_spans(text)
    firsts = [_opening_clause(text[a:b]) for a, b in spans]
    out: list[Enumeration] = []
    i = 0
    while i < len(spans):
        f, run = firsts[i], [i]
        ok = han_count(f) >= 4 and not marker(f) and _HAN.match(f[-1:] or " ")
        j = i + 1
        while ok and j < len(spans) and j - run[-1] <= 5 and "\n" not in text[spans[run[-1]][0] : spans[j][0]]:
            g = firsts[j]
            if g[:2] == f[:2] and g[-1:] == f[-1:] and abs(len(g) - len(f)) <= 2 and not marker(g):
                run.append(j)
            j += 1
        if len(run) < 3 or spans[run[-1]][0] - spans[run[0]][0] > max_gap:
            i += 1
            continue
        items = tuple(
            Item(k + 1, spans[r][0], spans[run[k + 1]][0] if k + 1 < len(run) else spans[r][1], firsts[r])
            for k, r in enumerate(run)
        )
        intro = next(((a, b) for a, b in spans[:i][-1:] if text[a:b].rstrip()[-1:] in "：:"), None)
        out.append(Enumeration(SERIES, items, intro))
        i = run[-1] + 1
    return out


# ---------------------------------------------------------------- cutting a sentence to its answer
CLAUSE = re.compile(r"(?<=[，,；;：:])")
QUOTED = re.compile(r"[“「\"][^”」\"]{2,40}[”」\"]")
_LEANS = re.compile(
    r"^(是|即(?!使|便)|才|就|也|又|而|但|却|并|或|甚至|乃至|以致|以至|从而|进而|因此|所以|否则|使|以便|以免|决定了|说明|这|那|其|此|来(?![自到了往]))"
)
_PAIRED = re.compile(r"既|不仅|不但|一方面")  # a clause holding the first half of a pair (办公室既是…,…,也是…)
# _LEANS: a clause leaning on the one before cannot open a cut; _OPENS: one opening a pair or setting up cannot end it
_OPENS = re.compile(
    r"^(只有(?!.+才)|如果(?!.+就)|若|(?:虽然|尽管)(?!.+[但却])|(?:不仅|不但|既)(?!.+(?:又|也|而且))|一方面|为了"
    r"|(?:正是|正)?因为|由于|无论|不管|凡是)|.*(?:情况下|的时候|之际)[，,；;：:]?$"  # 只有终生学习才够用一辈子 closes its own pair
)


def cut(sentence: str, weights: dict[str, float], wanted: str = "", max_chars: int = 100) -> str:
    """`sentence` from the clause where the answer begins to its end (cut at ，；：, never inside a 、
    list): leading clauses that hold none of the question's words are dropped, since the words that
    answer usually follow the ones that restate the question. Too long, it loses clauses at the end,
    never the one that states what a typed question wants. A cut never opens with a clause that leans
    on the one before (才…, 因此…) or that a prohibition before it governs (决不能…,就…,乱发牢骚), nor ends
    with one that opens a pair (只有…, 既…).

    >>> cut("为加强管理，每车每月油耗上限为一百五十升，超出部分自行承担。", {"油耗": 1.0, "上限": 1.0}, "quantity")
    '每车每月油耗上限为一百五十升，超出部分自行承担。'
    >>> cut("近年来工作量很大，市直各部门接待上级领导，一定要向“两办”报告。", {"接待": 1.0, "上级": 1.0})
    '市直各部门接待上级领导，一定要向“两办”报告。'
    >>> cut("“甲项工作”是灵魂，“乙项工作”是前提，“丙项工作”是保障。", {"甲项": 1.0}, max_chars=16)
    '“甲项工作”是灵魂，“乙项工作”是前提，“丙项工作”是保障。'
    >>> cut("我们常说“上边千条线,下头一根针”,办公室承担着上传下达的任务,承接的决策很多。", {"上传下达": 1.0}, "wording", 30)
    '我们常说“上边千条线,下头一根针”,办公室承担着上传下达的任务'
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
    >>> cut("四是部分干部纪律性差,制度执行不严,存在迟到早退、上网聊天下棋等现象。", {"聊天": 1.0, "下棋": 1.0})
    '四是部分干部纪律性差,制度执行不严,存在迟到早退、上网聊天下棋等现象。'
    """
    parts = _within_quotes([c for c in CLAUSE.split(sentence.strip()) if c.strip()])
    if len(parts) <= 1:
        return sentence.strip().rstrip(TRIM)
    covers = [coverage(p, weights) for p in parts]
    typed = [i for i, p in enumerate(parts) if wanted and states(p, wanted)]
    top = max(covers)
    starts = [
        i
        for i, c in enumerate(covers)
        if (c >= top / 2 or (wanted == "wording" and QUOTED.search(parts[i])))
        and (i == 0 or not _LEANS.match(parts[i].lstrip()))
    ]
    start = min([*starts, *typed[:1]], default=0) if (top > 0 or typed) and wanted != "why" else 0
    start -= 1 if start and _LEANS.match(parts[start].lstrip()) else 0  # 规范,就是要…: not from 就是要
    pair = next((i for i in range(start) if _PAIRED.search(parts[i]) and not _OPENS.match(parts[i])), None)
    if pair is not None and any(_LEANS.match(p.lstrip()) for p in parts[start + 1 :]):
        start = pair if len("".join(parts[pair:])) <= max_chars else start  # the pair whole, or as it was
    end = len(parts)
    keep = max([start, *typed[:1], covers.index(top)])
    while end > keep + 1 and (len("".join(parts[start:end])) > max_chars or _OPENS.match(parts[end - 1].lstrip())):
        end -= 1
    while (
        start < keep
        and len("".join(parts[start:end])) > max_chars
        and not _LEANS.match(parts[start + 1].lstrip())
        and not (wanted == "wording" and QUOTED.search(parts[start]))  # the formulation asked for stays
    ):
        start += 1
    while (
        end < len(parts)
        and _series(parts[end - 1], parts[end])
        and len("".join(parts[start : end + 1])) <= 2 * max_chars
    ):
        end += 1  # a series of quoted formulations is not cut short (“五个坚持” are five)
    if start and _EXISTS.match(fold(parts[start]).lstrip()) and len("".join(parts[:end])) <= max_chars:
        start = 0  # 存在迟到早退…等现象: what has them is said before (部分干部职工组织纪律性差, the 64th's)
    return "".join(parts[_negated(parts, _paired_start(parts, start, end)) : end]).strip().rstrip(TRIM)


def sets_up(clause: str) -> bool:
    """Whether a clause opens a pair or sets up the next (如果没有这一点, …的情况下, 正是因为…; read folded).

    >>> sets_up("如果没有这一点,"), sets_up("正是因為有好的基礎"), sets_up("在經濟下行的情況下,"), sets_up("保持稳定")
    (True, True, True, False)
    """
    return _OPENS.match(fold(clause).lstrip()) is not None


_EXISTS = re.compile(r"存在|出现")  # a clause saying that something exists, of what the sentence opened with


_NEGATES = re.compile(r"不能|不要|不得|不可|不准|不许|切忌|严禁|禁止")  # its scope runs on past its clause
_DIRECTS = re.compile(r"要|必须|应|还要|更要|都要|做到")  # (both read folded: 不準, 嚴禁, 必須 too)


def _negated(parts: list[str], start: int) -> int:
    """Where a cut opening at `start` must open so that a prohibition it continues keeps its negation (决不能因为
    工作辛苦,…,就怨天忧人,乱发牢骚: not 乱发牢骚 alone, the 49th blind reader's): a clause up to three before,
    unless the cut's first clause negates or directs of its own (不能满足于…, 做到…)."""
    if _NEGATES.search(fold(parts[start])):
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
    leaning = any(_LEANS.match(p.lstrip()) for p in parts[start + 1 : end])
    opener = next((i for i in range(start - 1, max(-1, start - 3), -1) if _OPENS.match(parts[i].lstrip())), None)
    if not leaning or opener is None:
        return start
    return opener - 1 if opener > 0 and han_count(parts[opener - 1]) <= 8 else opener


def _within_quotes(parts: list[str]) -> list[str]:
    """Clauses with a quotation that spans a comma joined back into one (“上边千条线,下头一根针”)."""
    out: list[str] = []
    for p in parts:
        if out and any(out[-1].count(a) > out[-1].count(b) for a, b in (("“", "”"), ("「", "」"), ("『", "』"))):
            out[-1] += p
        else:
            out.append(p)
    return out


def _series(a: str, b: str) -> bool:
    """Whether clauses `a` and `b` are two items of one series of quoted formulations, each opening
    with its quote (“坚持…”是灵魂，“坚持…”是前提)."""
    return all(QUOTED.match(x.lstrip()) for x in (a, b))
