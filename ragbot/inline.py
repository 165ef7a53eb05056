"""A list question answered by one sentence that lists: the parts it names in a row (查处报告应包括
基本情况、…、见面情况四个方面), the formulations it quotes, the two clauses it numbers.

  inline(writer, evidence, weights, budget)   that sentence first, the next best after it (none when it
                                               spells out all the points asked: “四快”,即…快,…); False
                                               when none of the best sentences lists what is asked
  spelled_out(text)                            how many points a sentence spells out after 即
  semicolons(writer, evidence, weights, budget) a 哪些 question answered by the sentence whose clauses,
                                               separated by ；, are its points (…落实保密责任;坚持…;严格…)
  run_of(speech, at)                           that sentence around a position, when it is one
  named_in_a_row, formulations, enumerates, names_parts   how a sentence lists: quoted names in a row, quoted
                                               formulations, things named then counted (…四个方面), parts it
                                               includes (包括…、…、…); numbered clauses: structure.inline_points

compose.py decides when a question is a list question and reads the speeches' own enumerations.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .asks import POINTS, counted, includes_asked, items_asked, parts, points_asked
from .quotes import BOOK, CN_DIGITS, QUOTE, counted_quotes
from .script import fold
from .structure import han_count, inline_points
from .writer import Writer, options, rank, sentences

if TYPE_CHECKING:
    from .answer import Evidence


def named_in_a_row(text: str) -> int:
    """The most things `text` quotes in one row separated by 、 (“服务发展、服务决策、服务落实” -> 3).

    >>> named_in_a_row("做好“服务发展、服务决策、服务落实”的三服务工作"), named_in_a_row("涵盖了政治建设、思想建设、业务建设")
    (3, 0)
    """
    quoted = QUOTE.findall(fold(text))
    return max(
        (q.count("、") + 1 for q in quoted if re.fullmatch(r"[\u4e00-\u9fff]{2,12}(?:、[\u4e00-\u9fff]{2,12})+", q)),
        default=0,
    )


def formulations(text: str, question: str) -> int:
    """How many quoted formulations `text` names that the question does not quote itself.

    >>> formulations("“五个坚持”，“坚持绝对忠诚”是灵魂，“坚持大局意识”是前提", "「五个坚持」是哪五个？")
    2
    """
    asked = set(QUOTE.findall(fold(question)))
    return len({m for m in QUOTE.findall(fold(text)) + BOOK.findall(fold(text)) if m not in asked})


def enumerates(text: str, noun: str) -> bool:
    """Whether `text` names several things in a row and counts them in `noun` (…、…、…四个方面); one is no
    count of them (办文、办事、办会…任何一个环节出了问题: the 92nd blind reader's 卡在哪几个环节 got it).

    >>> enumerates("查处报告应包括基本情况、反映的问题及调查情况、处理情况、见面情况四个方面", "方面")
    True
    >>> enumerates("要从四个方面抓好落实", "方面"), enumerates("甲、乙、丙三种", "方面")
    (False, False)
    >>> enumerates("不论是办文、办事、办会,还是管理、服务、协调,任何一个环节出了问题", "环节")
    False
    >>> enumerates("要抓好五个方面的重点:一是市委、市政府的部署,包括全委会、全体会", "方面")  # announces them
    False
    """
    t = fold(text)
    m = re.search(rf"(?<![十百])[二三四五六七八九十两]个?{noun}|十[一二三四五六七八九]个?{noun}", t) if noun else None
    return m is not None and t[: m.start()].count("、") >= 2  # the things named before they are counted


_FIRST_POINT = re.compile(r"[:：]\s*(?:一是|一要|第一[,，、]|首先)")  # a list opening after its announcement


def names_parts(text: str) -> bool:
    """Whether `text` says what something includes, naming three parts or more (包括…、…、…), not inside the
    first point of a list it opens (五个方面的重点:一是…重大决策与部署,包括全委会、全体会、“两会”…: the 131st
    blind reader's 重点有哪几块 got that point alone).

    >>> names_parts("应包括基本情况、处理情况、见面情况等内容"), names_parts("包括全委会和全体会")
    (True, False)
    >>> names_parts("抓好五个方面的重点:一是重大决策与部署,包括全委会、全体会、“两会”提出的部署")
    False
    """
    m = re.search(r"(?:包括|包含)[^，。；,;]*、[^，。；,;]*、", t := fold(text))
    return m is not None and not _FIRST_POINT.search(t[: m.start()])


def inline(w: Writer, ev: Evidence, weights: dict[str, float], budget: int) -> bool:
    """A "which N aspects" question answered by one of its best sentences that names them in a row
    (查处报告应包括基本情况、…、见面情况四个方面), or a "which N" one by a sentence that quotes N
    formulations (哪五个: “坚持…”是灵魂，“坚持…”是前提…), a "which two" one by a sentence that numbers
    two clauses (主要就是两条,一要…,二要…) or quotes two in a row (“甲、乙”), a "what does it include" one by a sentence that names the parts
    (应包括基本情况、…、见面情况): that sentence leads, the next best follow; a "which three of a quoted
    word" one (哪三个“变”) by a sentence saying that shape (变…为… three times) among the RUN_REACH best.
    Formulations or 《titles》 a numbered formulation stands for (两刊一报: 《云南教育》…) are said from the
    first one named. False (nothing written) when none of the best sentences does."""
    noun, n, points = counted(ev.question), items_asked(ev.question), points_asked(ev.question)
    shapes = counted_quotes(ev.question)  # 哪三个“变”: 变…为…,变…为…,变…为…; 三个“苦”
    counted_quote = bool(shapes)
    includes = includes_asked(ev.question)
    if not noun and not n and not points and not includes and not counted_quote:
        return False
    choices = options(ev, w.index)
    ranked = sorted(choices, key=lambda o: -rank(o[0], weights))
    distinct = [o for k, o in enumerate(ranked) if all(o[0].text != p[0].text for p in ranked[:k])]
    top = distinct[:3]  # three sentences; one saying the counted shape asked for among RUN_REACH
    kind = named_kind(ev.question)  # what the N things are called, when the question says (意识)
    lead = [o for o in distinct[:RUN_REACH] if any(p.search(fold(o[0].text)) for p in shapes)] or [
        o
        for o in top
        if enumerates(o[0].text, noun)
        or (includes and names_parts(o[0].text))
        or (n and formulations(o[0].text, ev.question) >= n and kind in fold(o[0].text))
        or (
            points
            and points in (inline_points(t := o[0].text), named_in_a_row(t), spelled_out(t), summed_up(t))
            and kind in fold(o[0].text)
        )  # 哪三种意识: not “高看一眼、厚爱一分、严管一层” (the 73rd's)
    ]
    if not lead:
        return False
    rest = [o for o in choices if o[0].text != lead[0][0].text]
    gap = rank(top[0][0], weights) - rank(lead[0][0], weights) + 1e-3  # just above the best: it leads,
    lifted = (replace(lead[0][0], similarity=lead[0][0].similarity + gap), lead[0][1])  # the next best may follow
    # named in quotes or titles (《云南教育》《…》…《学生新报》), not in one clause's 、-run: cut from the first named
    named = n and formulations(t := lead[0][0].text, ev.question) >= n and not _listed(t, n)
    whole = points and spelled_out(lead[0][0].text) == points  # all the points asked: nothing after them
    chars = len(lead[0][0].text) if whole else budget
    sentences(w, [lifted, *rest], weights, "title" if named else "", chars, lift=gap)  # the next join by its meaning
    return bool(w.pieces)


_KIND_NAMED = re.compile(
    r"哪[“「\"]?[两二三四五六七八九十]+[个种项条点]?[“「\"]?([\u4e00-\u9fff]{1,4}?)(?:[”」\"]|[？?，,]|$)"
)


def named_kind(question: str) -> str:
    """What a "which N" question says the N things are (哪三种意识 -> 意识), '' when it says no more than N.

    >>> named_kind("要求在思想上加强哪三种意识?"), named_kind("「五个坚持」是哪五个？"), named_kind("哪五个坚持？")
    ('意识', '', '坚持')
    >>> named_kind("是哪三种苦?"), named_kind("要强化哪“三种意识”？")  # quoted after 哪 (`asks.points_asked` reads it)
    ('苦', '意识')

    """
    m = _KIND_NAMED.search(fold(question))
    return m.group(1) if m and m.group(1) not in "个种项条点" else ""  # 哪五个: no more than five


_SUMMED = re.compile(
    r"((?:[\u4e00-\u9fff]{1,8}、)+[\u4e00-\u9fff]{1,8})的?[“「\"]([两二三四五六七八九十])[\u4e00-\u9fff]{1,3}[”」\"]"
)


_SPLIT = re.compile(
    r"[“「\"]([两二三四五六七八九十])[\u4e00-\u9fff]{1,4}[”」\"][^。；;：:]{0,8}?分别[是为]([^。；;，,]+)"
)


def summed_up(text: str) -> int:
    """How many things a sentence names in a 、-run that a numbered formulation right before or after it sums
    up (辛苦、艰苦、清苦的“三苦”岗位 -> 3; “三大短板”,分别是能力的短板、机制的短板和责任心的短板 -> 3: the 175th blind
    reader's 三个方面的短板，是哪三个 got the speaker's own three), else 0.

    >>> summed_up("被誉为是一个辛苦、艰苦、清苦的“三苦”岗位。"), summed_up("辛苦、艰苦的“三苦”岗位")
    (3, 0)
    >>> summed_up("分析了存在的“三大短板”,分别是能力的短板、机制的短板和责任心的短板。"), summed_up("“两刊”分别是甲和乙丙")
    (3, 2)
    """
    for m in _SUMMED.finditer(t := fold(text)):
        if m.group(1).count("、") + 1 == CN_DIGITS[m.group(2)]:
            return CN_DIGITS[m.group(2)]
    for m in _SPLIT.finditer(t):
        if len(re.split(r"、|和|及|以及", m.group(2))) == CN_DIGITS[m.group(1)]:
            return CN_DIGITS[m.group(1)]
    return 0


_SPELLED = re.compile(r"([两二三四五六七八九十])([\u4e00-\u9fff])[”」\"]?[,，:：]?即")  # “四快”,即…


def spelled_out(text: str) -> int:
    """How many points a sentence spells out after naming their formulation: as many clauses after 即,
    each ending in its character, as its number says (信息报送要做到“四快”,即发现问题快,采编撰写快,送阅审批快,
    反馈落实快 -> 4), else 0.

    >>> spelled_out("要做到“四快”,即发现问题快,采编撰写快,送阅审批快,反馈落实快。"), spelled_out("做到“两快”,即快办。")
    (4, 0)
    """
    t = fold(text)
    m = _SPELLED.search(t)
    if not m:
        return 0
    n = CN_DIGITS[m.group(1)]
    clauses = [c for c in re.split(r"[,，、;；。]", t[m.end() :]) if c.strip()][:n]
    return n if len(clauses) == n and all(c.endswith(m.group(2)) for c in clauses) else 0


def _listed(text: str, n: int) -> bool:
    """Whether one clause of `text` names `n` things in a row (办文零差错、办会零纰漏、办事零失误的“三零目标”)."""
    return any(c.count("、") >= n - 1 for c in re.split(r"[，,；;。！？]", text))


RUN_PARTS = 3  # a sentence of at least this many ；-separated clauses lists what it says
RUN_MARGIN = 0.05  # ...and answers a list question when one of its parts ranks this close to the best sentence
RUN_REACH = 8  # ...among this many best sentences
_SENTENCE_END = "。！？!?\n"


def run_of(speech: str, at: int) -> tuple[int, int] | None:
    """The sentence of `speech` holding position `at` (from one 。！？ or line break to the next) when it
    runs RUN_PARTS or more clauses of at least 6 Han characters separated by ；, else None.

    >>> t = "保密无小事。我们必须加强制度建设，落实责任；坚持人防技防相结合；严格网络管理。谢谢。"
    >>> a, b = run_of(t, 30) or (0, 0); t[a:b]
    '我们必须加强制度建设，落实责任；坚持人防技防相结合；严格网络管理。'
    >>> run_of(t, 2), run_of("甲；乙；丙。", 1)
    (None, None)
    """
    lo = max(speech.rfind(e, 0, at) for e in _SENTENCE_END) + 1
    ends = [i for i in (speech.find(e, at) for e in _SENTENCE_END) if i >= 0]
    hi = min(ends) + 1 if ends else len(speech)
    text = speech[lo:hi]
    while text[:1].isspace():
        lo, text = lo + 1, text[1:]
    parts = [p for p in re.split(r"[；;]", text.rstrip("。！？!?\n")) if p.strip()]
    if len(parts) < RUN_PARTS or any(han_count(p) < 6 for p in parts):
        return None
    return lo, lo + len(text.rstrip("\n"))


def semicolons(w: Writer, ev: Evidence, weights: dict[str, float], budget: int) -> bool:
    """A list question answered by a sentence that lists its points as clauses separated by ；
    (我们当前必须加强保密管理制度建设,落实保密责任;坚持人防、技防相结合…;严格…;加强…): the
    whole sentence, when one of its clauses is among the RUN_REACH best sentences and ranks within
    RUN_MARGIN of the best, or sits in the best's paragraph (高校…保密工作应该采取哪些措施: 近年来,高等学校已成为
    …窃密的重要目标…难度进一步加大 ranks first, its paragraph's measures follow); False (nothing written) when
    none is."""
    ranked = sorted(options(ev, w.index), key=lambda o: -rank(o[0], weights))
    if not ranked or not POINTS.search(fold(ev.question)):
        return False
    top, best = rank(ranked[0][0], weights), ranked[0][1]
    listed = POINTS.search(fold(parts(ev.question)[0])) is not None
    speech = w.index.speeches[(best.file, best.speech)].text
    at = ranked[0][0].position
    lo, hi = speech.rfind("\n", 0, at) + 1, speech.find("\n", at)
    for c, hit in ranked[:RUN_REACH]:
        # in the best's paragraph, a run the best leads to, when points are what is asked first (not 为什么难度加大？)
        near = listed and lo <= c.position and (hi < 0 or c.position < hi)
        if hit != best or (rank(c, weights) < top - RUN_MARGIN and not near):
            continue
        span = run_of(speech, min(len(speech) - 1, c.position + len(c.text) // 2))
        if span and span[1] - span[0] <= budget:
            a, b = span
            return w.say(speech[a:b], w.cite(hit.file, hit.speech, a, b))
    return False
