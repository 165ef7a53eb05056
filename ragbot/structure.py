"""The speeches' own structure, read from their text: sentences, clauses, enumerations.

  sentence_pieces(text)  the text cut after each sentence end (。！？；… and line breaks; not inside “…”)
  sentence_spans(text)   the sentences as (start, end) offsets
  clauses(sentence)      the sentence cut at clause boundaries (，；、：), punctuation kept
  marker(text)           the enumeration marker a text opens with: 一是 / 二要 / 第三， / （四） / 五、 /
                         6. / 首先 … 其次 … 最后, as (family, number, length)
  unmarked(sentence, before)  the sentence without its 五是 / 第二, when the answer before shows no other point
  enumerations(text)     runs of items whose markers count up 1, 2, 3… in one family, each item with
                         its span and its key clause (what the point says, marker cut off)
  inline_points(text)    how many numbered clauses one sentence holds in a row (一要…,二要… -> 2);
  counted_in_full(text)  …and whether they are all the points it announces (主要就是两条,一要…,二要…)

These speeches enumerate everything, inline (`主要表现在：一是……；二是……`) and as sections
(`一、…` `（一）…` `1.…`). What it does not do: decide what answers a question (compose.py), or
fold scripts, nor cut a sentence to its answer (cuts.py; callers pass folded or original text as they need; markers are the same in both).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .quotes import CN_DIGITS, cn_number
from .script import fold

CN = "一二三四五六七八九十"
SENTENCE_END = re.compile(r"(?<=[。！？!?；;\n])")  # where a sentence may end; the index's sentence vectors split here
QUOTE_REACH = 160  # a quotation closing this many characters after a sentence end inside it is one sentence
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


def sentence_pieces(text: str) -> list[str]:
    """`text` cut after each sentence end, but not inside a quotation (“…。…”, closed within QUOTE_REACH
    characters on its line): a quoted saying of two sentences stays whole. The pieces join back to `text`.
    The index's sentence vectors (units.py) are still cut at every SENTENCE_END: cutting them so would
    re-embed their batches and shift every vector's int8 rounding (embed.py), moving 87 of the 531
    evaluation answers by that noise alone (2026-12-05).

    >>> sentence_pieces("他强调,“要实干。不实干,蓝图也只是镜中花”。我到办公室工作。")
    ['他强调,“要实干。不实干,蓝图也只是镜中花”。', '我到办公室工作。']
    >>> sentence_pieces("他说:“要实干。要落实。”我们要记住。")
    ['他说:“要实干。要落实。', '”我们要记住。']
    >>> sentence_pieces("要做“一根针。\\n下一段。")  # a quote not closed on its line does not hold the text
    ['要做“一根针。', '\\n', '下一段。']
    """
    out: list[str] = []
    at = 0
    for piece in SENTENCE_END.split(text):
        if out and out[-1].rfind("“") > out[-1].rfind("”") and _closes(text[at : at + QUOTE_REACH]):
            out[-1] += piece
        else:
            out.append(piece)
        at += len(piece)
    return [p for p in out if p]


def _closes(after: str) -> bool:
    """Whether a quotation open before `after` closes in it, on its line, not at its start (a closing quote
    right after a sentence end opens the next piece, as SENTENCE_END cuts it)."""
    close = after.find("”")
    return close > 0 and "\n" not in after[:close] and "“" not in after[:close]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence (sentence_pieces), blanks trimmed; empty ones dropped.

    >>> t = "一、总体要求\\n要做好督查。信息要快；文稿要精！"
    >>> [t[a:b] for a, b in sentence_spans(t)]
    ['一、总体要求', '要做好督查。', '信息要快；', '文稿要精！']
    """
    out, at = [], 0
    for piece in sentence_pieces(text):
        a, b = at, at + len(piece)
        at = b
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


# where a heading that lost its line break runs on into the text: a sentence opening (二、…来推进为什么要…?因为…;
# 一、…的重要性我曾在…; 三、…与规律要做好…), at least RUN_ON characters in
_RUNS_ON = re.compile(r"我|为什么|为何|如何|怎样|怎么|(?<![重需主紧首只])要(?!求)")
RUN_ON = 8
TOP_HEADING = re.compile(r"[一二三四五六七八九十]+、")  # a speech's top-level heading opens so


def runs_on(heading: str) -> int:
    """Where a heading whose page lost its line breaks runs on into the text, or 0.

    >>> runs_on("二、一切要围绕抓落实来推进为什么要把抓落实作为核心?"), runs_on("一、提高认识,增强做好办公室工作的责任感")
    (13, 0)
    >>> runs_on("第二,要突出重点抓落实。毛泽东同志讲过“弹钢琴”的方法,就是要讲配合")  # a heading ends its sentence
    0
    """
    end = next((i for i, c in enumerate(heading[:40]) if c in "。！？!?"), 40)  # in its first sentence
    return m.start() if (m := _RUNS_ON.search(heading, RUN_ON, end)) else 0


def unheaded(sentence: str) -> str:
    """A sentence, stripped, without the top-level heading that runs on into it (二、…来推进为什么要…? -> 为什么要…?).

    >>> unheaded("二、一切要围绕抓落实来推进为什么要把抓落实作为核心?"), unheaded("二、要加强学习。")
    ('为什么要把抓落实作为核心?', '二、要加强学习。')
    """
    s = sentence.strip()
    return s[runs_on(s) :] if TOP_HEADING.match(s) else s


def unmarked(sentence: str, before: str = "") -> str:
    """A sentence without the marker of its point (一是, 第二,) when the answer `before` it shows no other point of
    its list; a marker 要 keeps its 要, and a saying (一是一,二是二) is no marker.

    >>> unmarked("五是领导批示交办的事项"), unmarked("四要认真做好落实"), unmarked("一是一,二是二"), unmarked("(一)会务")
    ('领导批示交办的事项', '要认真做好落实', '一是一,二是二', '(一)会务')
    >>> unmarked("二是各级政府办公室都有一支高素质的干部队伍", "最大的体会有两点:一是多年来…")  # its list is shown
    '二是各级政府办公室都有一支高素质的干部队伍'
    """
    m = marker(sentence)
    if not m or m.family not in _OTHER_POINT or sentence[m.length :][:1] in CN_DIGITS:
        return sentence
    return sentence if _OTHER_POINT[m.family].search(before) else sentence[m.length - (m.family == "要") :]


_NUMERAL = f"[{''.join(CN_DIGITS)}]"
_OTHER_POINT = {
    "是": re.compile(f"{_NUMERAL}是"),
    "要": re.compile(f"{_NUMERAL}要"),
    "第": re.compile(f"第{_NUMERAL}[,，、]"),
}


_COUNTED_CLAUSE = re.compile(r"(?:^|[,，;；:：])\s*([一二三四五六七八九十])(是|要|靠|抓|看|在|有|把|讲)")


def inline_points(text: str) -> int:
    """How many numbered clauses one sentence holds in a row (主要就是两条,一要…,二要… -> 2).

    >>> inline_points("主要就是两条,一要有扎实的文字功底,二要有兢兢业业的工作作风。"), inline_points("一要学习。")
    (2, 0)
    """
    found = [(CN_DIGITS[m.group(1)], m.group(2)) for m in _COUNTED_CLAUSE.finditer(fold(text))]
    n = 0
    for number, verb in found:
        if number == n + 1 and (n == 0 or verb == found[0][1]):
            n = number
    return n if n >= 2 else 0


_ANNOUNCED = re.compile(r"([两二三四五六七八九十])(?:条|点|个方面|项|件事)")


def counted_in_full(text: str) -> bool:
    """Whether a sentence announces how many points it makes and numbers them all (主要就是两条,一要…,二要…):
    nothing need follow it (the 146th blind reader's 办公室挑人…看重哪些条件 got 篇2's 一定要做思想者 after).

    >>> counted_in_full("主要就是两条,一要有扎实的文字功底,二要有兢兢业业的工作作风。"), counted_in_full("一要学,二要干。")
    (True, False)
    """
    m = _ANNOUNCED.search(fold(text))
    return m is not None and inline_points(text) == CN_DIGITS[m.group(1)]


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
    >>> key_clause("(三)要始终重视队伍建设\\n强调,人才竞争")
    '要始终重视队伍建设'
    """
    m = marker(text)
    body = text[m.length if m else 0 :].lstrip("，,：: ")
    parts = clauses(body.split("\n", 1)[0] or body)  # a heading's line ends it: (三)要重视队伍建设\n强调,…
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
    clause after ：or ；(首先 after a comma too)."""
    found = []
    for a, _ in sentence_spans(text):
        lead = LEAD_IN.match(text, a)
        a = lead.end() if lead else a
        m = marker(text[a:])
        if m:
            found.append((a, m))
    for hit in re.finditer(r"[：:；;]\s*|[，,]\s*(?=首先)", text):  # 主要分为三个方面来看,首先,…
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


def _counted_on(text: str, m: Marker, m2: Marker, span: tuple[int, int], want: int) -> bool:
    """首先…其次…第三: a speaker may count on from 首先 and 其次 with 第, in the paragraph (the 97th blind reader's
    三是面临更复杂的环境。…首先,…；其次,…；第三,…: no list was found)."""
    return m.family == "首先" and m2.family == "第" and want >= 3 and "\n" not in text[span[0] : span[1]]


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
    >>> [i.number for i in enumerations("主要有三个方面:首先,期望越来越高;其次,媒体发展迅猛;第三,事故时有发生。")[0].items]
    [1, 2, 3]
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
            switch = _verb_switch(m, m2, at, at2, opens) or _counted_on(text, m, m2, (at, at2), want)
            if (m2.family == m.family or switch) and (m2.number == want or (m.family == "首先" and m2.number == 99)):
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


BARE = 7  # a sentence of at most this many characters, its one clause, is a bare point (要快速及时。)


def _alike(f: str, g: str, sf: str, sg: str) -> bool:
    """Whether two sentences' opening clauses `f`, `g` open a series: they begin with the same two characters,
    end with the same one and are about as long; or both are bare points, whole sentences of at most BARE
    characters beginning with the same one (要快速及时。…要真实准确。…要可靠有用。: the 161st blind reader's)."""
    if g[:2] == f[:2] and g[-1:] == f[-1:] and abs(len(g) - len(f)) <= 2:
        return True
    bare = all(len(x) <= BARE and x == s.strip().rstrip("。！!") for x, s in ((f, sf), (g, sg)))
    return bare and f[:1] == g[:1] and abs(len(g) - len(f)) <= 1


def _series_of(text: str, max_gap: int) -> list[Enumeration]:
    """Unnumbered series within a paragraph: three or more sentences whose opening clauses (four Han
    characters or more, no marker) begin with the same two characters, end with the same one and are
    about as long, each at most five sentences after the one before.

    >>> t = "要让日常工作顺起来,做好公文。要让重点工作统起来,合力攻坚。要让应急反应快起来,及时处置。"
    >>> [(i.number, i.key) for e in enumerations(t) for i in e.items]
    [(1, '要让日常工作顺起来'), (2, '要让重点工作统起来'), (3, '要让应急反应快起来')]
    >>> t = "信息报送要讲求实效。要快速及时。古人讲…。要真实准确。真实主要是…。要可靠有用。我们…。"  # bare points
    >>> [i.key for e in enumerations(t) for i in e.items]
    ['要快速及时', '要真实准确', '要可靠有用']
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
            if _alike(f, g, text[slice(*spans[i])], text[slice(*spans[j])]) and not marker(g):
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


# clause boundaries and quotations, which cuts.py cuts at and keeps whole
CLAUSE = re.compile(r"(?<=[，,；;：:])")
QUOTED = re.compile(r"[“「\"][^”」\"]{2,40}[”」\"]")
