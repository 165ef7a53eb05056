"""A list's points in an answer: what each says, and the points said numbered and cited.

  lists_of(text)                  a speech's enumerations (`structure.enumerations`), cached
  point_of(text, item, explain)   what a listed point says and where: its first sentence without the marker,
                                  cut at clause boundaries (a bare one explained by its next sentence)
  say_points(writer, lists, cap)  the points of one list or more (labelled by speech), numbered, led in by
                                  the list's own announcement (办公室人员要…强化“三种意识”:) or a template lead-in
  topic_of(text, start)           what a list is about: the sentence or heading right before it
  say_point(writer, hit, item)    one point's own sentences, cut to what answers
  defines(question, sentence)     whether a sentence says what the thing asked is (…的中心任务就是…): no list then
  counted_asked(question, lead)   whether a question asks which points a list announces by their count (哪几点要求)
  headings_over(text, e)          the headings of the sections a list is in
  remedies_asked(question)        whether a question asks what is done about failings (哪几条改进措施), not for them
  failings(text, e), remedy(text, e)  whether a list is announced as failings; whether it goes on from such a list
  goes_on_from(f, e)              whether list e is the one a speech goes on with after list f
  outer_list(question, w, options, weights)  the best list, or, asked of a matter, the list on it holding it
  point_first(writer, choices, weights, question)  asked what is required or what is wrong with a practice, the
                                  point the best sentence elaborates, before it

Used by compose.py (list answers) and multi.py (the measures after a list of problems).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .asks import aspect_asked, coverage, on_aspect
from .chunk import Heading, find_headings, heading_path
from .context import says_what_to_do
from .cuts import CLAUSE_MIN, cut, sets_up
from .padding import padding
from .script import fold
from .structure import (
    CLAUSE,
    LEAD_IN,
    TRIM,
    Enumeration,
    Item,
    enumerations,
    han_count,
    marker,
    sentence_spans,
)
from .terms import topical
from .types import Hit
from .writer import Option, Writer, rank

SECTIONS = ("、",)  # "一、…": a speech's top sections are its outline, not an answer's points


@lru_cache(maxsize=64)
def lists_of(text: str) -> tuple[Enumeration, ...]:
    """`structure.enumerations` of a speech's text, kept for the speeches asked about last."""
    return tuple(enumerations(text))


def held_by(text: str, e: Enumeration) -> str:
    """The key of the innermost point of another list that holds list `e` (第三,要健全机制抓落实。… 一是综合考核制度…
    四是…: 要健全机制抓落实), or ''."""
    holding = [
        i for o in lists_of(text) if o.family != e.family for i in o.items if i.start < e.start and e.end <= i.end
    ]
    return max(holding, key=lambda i: i.start).key if holding else ""


POINT_CHARS = 70
BARE_POINT = 10  # asked for ways of doing: a point shorter than this (Han characters) comes with its next sentence


def point_of(text: str, item: Item, explain: bool = False) -> tuple[str, int]:
    """What a listed point says and where: its first sentence without the marker, cut at clause
    boundaries to about POINT_CHARS characters (never shorter than its key clause)."""
    m = marker(text[item.start : item.end])
    at = item.start + (m.length if m else 0)
    while at < item.end and text[at] in "，,：: ":
        at += 1
    first = next(iter(sentence_spans(text[at : item.end])), (0, item.end - at))
    sentence = text[at : at + first[1]]
    parts = [c for c in CLAUSE.split(sentence) if c.strip()]
    n = len(parts)
    while len(parts) > 1 and (len("".join(parts)) > POINT_CHARS or (len(parts) < n and sets_up(parts[-1]))):
        parts.pop()  # cut short: not ending on 如果没有这一点, or 正是因为有好的基础 (the 65th reader's)
    point = "".join(parts).rstrip(TRIM)
    if explain and han_count(point) < BARE_POINT and len(parts) == 1:
        point = _explained(text, at, item.end, point)
    return (point if len(point) >= len(item.key) else item.key), at


def _explained(text: str, at: int, end: int, point: str) -> str:
    """A bare point (四是要临阵磨枪。) run on through the next of its sentences that says what to do
    (…领受材料任务后,要多到网上找一些相关材料), at most two on and 2 * POINT_CHARS characters; or
    through the next one; as it stands when it has no more."""
    spans = sentence_spans(text[at:end])[1:3]
    doing = [b for a, b in spans if says_what_to_do(text[at + a : at + b])]
    for b in doing[:1] or [b for _, b in spans[:1]]:
        if b <= 2 * POINT_CHARS:
            return text[at : at + b].rstrip()
    return point


def say_points(w: Writer, lists: Sequence[tuple[Hit, Enumeration]], cap: int, explain: bool = False) -> bool:
    """The points of `lists` (at most `cap` of each: a second speech's list is not cut short by the first's,
    the 92nd blind reader got three of 001's four 不够 after 篇4's five), numbered, each speech's from 1 under
    its label (the 79th read 003's five and 篇8's three, numbered on to 8, as eight points of one list), led in
    by the first list's own announcement or a template lead-in; False (nothing written) when fewer than two
    points could be said."""
    start = w.mark()
    if len(lists) > 1 or not _announce(w, *lists[0]):
        w.lead("讲话对此提出：")
    points = 0
    for n, (hit, e) in enumerate(lists):
        text = w.index.speeches[(hit.file, hit.speech)].text
        before, had, prior = w.mark(), points, len(w.grams)
        if len(lists) > 1:  # which speech says which points
            w.label(hit)
        for item in e.items[:cap]:  # one list's points never repeat each other (要有较强的组织能力,
            point, at = point_of(text, item, explain)  # 要有较强的文字处理能力…): only what was said before it
            cited = w.cite(hit.file, hit.speech, at, at + len(point))
            if not w.repeats(point, upto=prior) and w.say(point, cited, numbered=points - had + 1, again=True):
                points += 1
        if n and points - had < 2:  # a later speech's label over one point not said before: not at all
            w.undo(before)
            points = had
    if points < 2:
        w.undo(start)
    return points >= 2


def _announce(w: Writer, hit: Hit, e: Enumeration) -> bool:
    """Lead a list answer with the speech's own sentence announcing the list (办公室人员要从思想认识上,
    强化“三种意识”:), cited, when it says something (six Han characters or more, not padding); False
    (nothing written) when the list has no such sentence."""
    if e.intro is None:
        return False
    text = w.index.speeches[(hit.file, hit.speech)].text
    a, b = e.intro
    m = marker(text[a:b])  # 三、主要任务：… opens with its own number: the number is not the claim
    a += m.length if m else 0
    while a < b and text[a] in "，,：: ":
        a += 1
    lead = LEAD_IN.match(text, a, b)  # 我总结了一下，…: the speaker, not the claim
    a = lead.end() if lead else a
    intro = text[a:b].rstrip()
    if han_count(intro) < 6 or padding(intro, ()) not in ("", "ahead"):  # 要抓好以下几点: leads its own points
        return False
    return w.say(intro, w.cite(hit.file, hit.speech, a, a + len(intro)))


def topic_of(text: str, start: int, reach: int = 160) -> tuple[int, str]:
    """What a list is about, and where it starts: the sentence or heading right before it (within `reach`)."""
    lo = max(0, start - reach)
    before = sentence_spans(text[lo:start])
    while len(before) > 1 and han_count(text[lo + before[-1][0] : lo + before[-1][1]]) <= 4:  # 我想，首先…
        before.pop()
    return (lo + before[-1][0], text[lo + before[-1][0] : lo + before[-1][1]]) if before else (start, "")


_ASIDE = re.compile(r"(?:关于|对于|至于)([^，,。]{2,12})[，,]")  # 关于领导批示件,…: a point's other matter
ASIDE_WEIGHT = 1.0  # …unless it names a question word weighing this much (the 187th's 帮领导回复留言 got it)


def say_point(w: Writer, hit: Hit, item: Item, weights: dict[str, float], budget: int) -> bool:
    """One listed point's own sentences, in the speech's order, each cut to what answers, up to `budget`
    characters (not fragments, padding, nor a sentence turning to another matter the question does not name);
    False (nothing written) when it says nothing."""
    text = w.index.speeches[(hit.file, hit.speech)].text
    start, used = w.mark(), 0
    spans = [(item.start + a, item.start + b) for a, b in sentence_spans(text[item.start : item.end])]
    for (a, b), (_, after) in zip(spans, [*spans[1:], (item.end, item.end)]):
        sub = marker(text[a:b])
        piece = cut(text[a + (sub.length if sub else 0) : b].lstrip("，,：: "), weights, "", 120)
        if han_count(piece) < CLAUSE_MIN or (used and used + len(piece) > budget) or padding(piece, ()):
            continue
        if not used and not coverage(piece, weights) and coverage(text[b:after], weights):
            continue  # 我们常讲,党政机关首先是政治机关…: not before the sentence on the matter asked
        aside = _ASIDE.match(fold(text[a:b]))  # by a word that weighs (关于领导批示件: not 领导, said everywhere)
        if aside and not coverage(aside.group(1), {t: v for t, v in weights.items() if v >= ASIDE_WEIGHT}):
            continue
        at = text.find(piece, a)
        if w.say(piece, w.cite(hit.file, hit.speech, at, at + len(piece))):
            used += len(piece)
    if len(w.pieces) - start[0] < 1:
        w.undo(start)
        return False
    return True


_WHICH_POINTS = re.compile(r"哪(?:几|些)([点条项])")
_NOUN_ASKED = re.compile(r"(?:什么|哪些)(要求|措施|建议|意见)")


def counted_asked(question: str, announcement: str) -> bool:
    """Whether a question asks which points (提了哪几点要求) a list announces by their count (我在这里提三点要求:):
    all of them, not the one that names what is asked (第一,严格按照行文规范上报查处报告…: the 220th blind reader's).

    >>> counted_asked("对查处报告提了哪几点要求？", "我在这里提三点要求:"), counted_asked("有哪几点？", "有三个方面:")
    (True, False)
    >>> counted_asked("写调查处理报告有什么要求？", "我在这里提三点要求:"), counted_asked("有什么要求？", "要求如下:")
    (True, False)
    """
    q, said = fold(question), fold(announcement)
    if (m := _WHICH_POINTS.search(q)) and re.search(f"[两二三四五六七八九十]{m[1]}", said):
        return True
    n = _NOUN_ASKED.search(q)  # 有什么要求 of 提三点要求 (the 288th's got 第二,…逐一调查 alone)
    return bool(n and re.search(f"[两二三四五六七八九十][点条项个]{n[1]}", said))


_WHAT_IS = re.compile(r"([\u4e00-\u9fff]{4,16}?)(?:究竟|到底)?(?:是|指)(?:什么|哪些|啥)")
DEFINED_MIN = 4  # the asked thing's last characters a sentence must say before its 是 (中心任务)


def defines(question: str, sentence: str) -> bool:
    """Whether `sentence` says what the thing a question asks about is, in the question's words (移民工作的中心
    任务是什么: 移民工作的中心任務就是發展移民經濟、維護社會穩定): it answers, not the list after it (the 105th
    blind reader's got one point of the 一是…四是 that follows, 要把擴大移民工作影響作為重要方面).

    >>> defines("移民工作的中心任務是什麼?", "移民工作的中心任務就是發展移民經濟、維護社會穩定")
    True
    >>> defines("移民工作的中心任務是什麼?", "一是要把宣傳貫徹黨的移民方針政策作為首要任務"), defines("有哪些要求？", "要求是")
    (False, False)
    """
    m = _WHAT_IS.search(fold(question))
    if m is None:
        return False
    asked, said = m.group(1), fold(sentence)
    return any(
        re.search(re.escape(asked[-k:]) + "(?:就|便|也)?是", said) for k in range(len(asked), DEFINED_MIN - 1, -1)
    )


@lru_cache(maxsize=64)
def _headings(text: str) -> tuple[Heading, ...]:
    return tuple(find_headings(text))


def headings_over(text: str, e: Enumeration) -> tuple[str, ...]:
    """The headings of the sections list `e` is in (not its own first point)."""
    return tuple(heading_path(list(_headings(text)), e.start - 1))


REMEDY_ASKED = re.compile(  # 下一步准备怎么做 (the 183rd's got the 四个不到位 alone); 哪几条改进措施 (the 245th's)
    r"(?:怎么|怎样|如何)(?:改进|改善|解决|整改|办)|(?:哪些|什么|哪几条?)[^，,。？?]{0,4}(?:措施|对策|举措)|"
    r"(?:打算|准备)(?:怎么|怎样|如何)|下一步"
)
_FAILINGS_ASKED = re.compile(r"(?:哪些|哪几|什么|啥)[^，,。？?]{0,6}(?:问题|不到位|不足|差距|毛病)")
_FAILINGS = re.compile(r"存在[^。]{0,30}(?:问题|不足|差距)|问题比较突出|突出问题|不到位")  # a list announced so
REMEDY_GAP = 200  # characters at most between a list of failings and the measures the speech goes on with


def remedies_asked(question: str) -> bool:
    """Whether a question asks what is done about failings, and not which they are.

    >>> remedies_asked("针对信息工作存在的问题,讲话提出了哪几条改进措施?"), remedies_asked("存在哪些问题?怎么解决?")
    (True, False)
    """
    return bool(REMEDY_ASKED.search(q := fold(question))) and not _FAILINGS_ASKED.search(q)


def failings(text: str, e: Enumeration) -> bool:
    """Whether list `e` of a speech's `text` is announced as failings (存在四个不到位问题: 其一是…; …还存在着一些不容
    忽视的突出问题…。主要表现在: 一是…)."""
    at, _ = topic_of(text, e.start)
    return e.intro is not None and bool(_FAILINGS.search(text[topic_of(text, at, 80)[0] : e.start]))


def goes_on_from(f: Enumeration, e: Enumeration) -> bool:
    """Whether list `e` is the one a speech goes on with after list `f`: of another kind, opening after `f`'s last
    point opens (a last point may run on over it) and within REMEDY_GAP of `f`'s end."""
    return f.family != e.family and f.items[-1].start < e.start <= f.end + REMEDY_GAP


def remedy(text: str, e: Enumeration) -> bool:
    """Whether list `e` goes on from a list of failings in the same section (…其四是奖惩措施不到位。…下一步,一要加强
    信息工作领导…: the 245th and 248th blind readers' 哪几条改进措施 got the failings)."""
    heads = headings_over(text, e)
    return any(goes_on_from(f, e) and failings(text, f) and headings_over(text, f) == heads for f in lists_of(text))


def outer_list(
    question: str, w: Writer, options: list[tuple[float, Hit, Enumeration]], weights: dict[str, float]
) -> tuple[float, Hit, Enumeration]:
    """The best list, or, asked of a matter, the list on it (under 二、关于教育宣传工作: its four (一)…(四)) that
    holds the best one in one of its points (首先…其次… under (三); the 83rd blind reader's got those two), unless
    the best one's lead says more of what is asked beyond the matter (在抓落实方面…重点抓哪几个方面: 抓好五个方面的
    重点, not 关于抓落实,我重点讲三个方面: the 153rd's got the three)."""
    _, hit, e = options[0]
    text = w.index.speeches[(hit.file, hit.speech)].text
    matter = aspect_asked(question)
    beyond = {t: v for t, v in topical(weights).items() if not any(t in a for a in matter)}
    own = coverage(topic_of(text, e.start)[1], beyond)
    outer = [o for o in options if o[1] == hit and o[2] != e and o[2].start <= e.start and e.end <= o[2].end]
    for o in outer:
        about = headings_over(text, o[2])
        if on_aspect(question, about) and coverage(" ".join(about), beyond) >= own:
            return o
    return options[0]


_DEMANDED = re.compile(r"要求|怎么做|该怎么|如何做|怎样做")  # not 措施 (gaps._DEMANDS has it): 为什么…？哪些措施？
# a point naming a failing (工作作风还不够实), not a task (精益求精地做好拟文办会工作: the 209th's 自己安排接待就行了吗 led with it)
_FAILING = re.compile(r"不够|不足|不强|不实|不高|不严|不到位|欠|差|缺|弱|偏|问题|毛病|短板|现象")
_WRONG = re.compile(
    r"不妥|(?:什么|哪里)不对|什么不好|(?:这样|这么)做?[^，,。？?]{0,4}什么问题|错在哪|哪里错|什么毛病|就(?:行|完事)了?[吗么吧]"
    r"|(?:是不是|是否)[^，,。？?]{0,12}就(?:行|可以|完事)了?"  # 直接转给领导是不是就可以了 (the 212th's, 214th's)
)  # what is wrong with it


def point_first(w: Writer, choices: list[Option], weights: dict[str, float], question: str) -> None:
    """Asked what is required (对他们的身体有没有提什么要求), when the best sentence, which
    says nothing to do, elaborates a point of a list (not of a speech's sections) that says what to do,
    holds a question word and starts in its paragraph (再其次,要保证身体健康,提高身体素质。…不关心自己的
    身体是不行的), the point leads: the requirement, then why (the 68th blind reader got only the latter).
    Asked what is wrong with a practice (收到会议通知就原样转给领导,有什么不妥), the point naming the failing it
    is told under leads in any words (二是工作作风还不够实。…接到会议通知直接呈报: the 178th's got the practice
    alone)."""
    demanded, wrong = _DEMANDED.search(q := fold(question)), _WRONG.search(q)
    if not (demanded or wrong) or not choices:
        return
    c, hit = max(choices, key=lambda o: rank(o[0], weights))
    text = w.index.speeches[(hit.file, hit.speech)].text
    around = [i for e in lists_of(text) if e.family not in SECTIONS for i in e.items if i.start < c.position < i.end]
    if not around or (demanded and says_what_to_do(c.text)):
        return
    point, at = point_of(text, min(around, key=lambda i: i.end - i.start))
    told = says_what_to_do(point) and coverage(point, weights) if demanded else bool(_FAILING.search(fold(point)))
    if at < c.position and "\n" not in text[at : c.position] and told:
        w.say(point, w.cite(hit.file, hit.speech, at, at + len(point)))
