"""The extractive answer, composed the way a careful colleague would write it from the speeches.

  kind(question)                        what the question asks: list, quantity, who, when, where, wording, fact
  compose(index, evidence, previous)    the answer's sentences (the speeches' own words, cut at clause
                                        boundaries, never rewritten) with [n] markers, and the excerpts
                                        they cite: the retrieved ones, plus one per list point when a
                                        point lies outside them

A list question (有哪些, 怎么做, 要求, 职责…) is answered with the points of the speeches' own enumeration
(一是…二是…, （一）…, 第一…) when the best passage sits in one whose lead-in, section heading or points carry
the question's words (not its scaffolding), merged across speeches without repeats (one point alone, when it
is what the question is about or names; the points a best sentence names itself: …见面情况四个方面); a quantity,
who, when or where question leads with the clause that states that kind of thing; what several speeches
say, or a second question left unanswered, is answered whole (multi.py); a wording question quotes the
formulations (sayings.py); anything else gets the one or two sentences that answer it, cut to the clauses
that matter. Never a title, salutation, closing, bare heading (but a listed point), fragment or sentence
pointing back to what it does not hold. A follow-up goes deeper (followup.py: its points' details, the
next points, the passage around it), never repeating the previous answer. Template words (a lead-in, numbering) carry no
claim. Not here: retrieval, refusals (answer.py), writing sentences (writer.py), checking citations (cite.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .amounts import unit_asked
from .around import around
from .asks import (
    METHODS,
    TYPED,
    WAYS_ASKED,
    aspect_asked,
    category_asked,
    coverage,
    kind,
    on_aspect,
    parts,
    points_asked,
    several_asked,
    stated_kind,
    why_asked,
)
from .category import filed_under
from .conditions import POINT_COVER, conditions_first, fault_first, points_reasons, stated_first, states_condition
from .context import advice_asked, tallies_aside
from .counted import miscounts
from .elsewhere import other_figure
from .followup import follow_up
from .gaps import names_part
from .generate import Candidate
from .inline import inline, semicolons
from .kinds import title_asked
from .meanings import AS_IF, point_asked, point_over_words, saying_explained, story, why_likened, worth_asked
from .multi import everywhere, lists_apart, named_candidates, remedy_asked, second_part, survey
from .naming import departments, naming_words, own_names, unnamed
from .points import (
    SECTIONS,
    counted_asked,
    defines,
    failings,
    headings_over,
    held_by,
    lists_of,
    outer_list,
    point_first,
    remedies_asked,
    remedy,
    say_point,
    say_points,
    topic_of,
)
from .quotes import CN_DIGITS, QUOTE, anchors, announces, figure, names_kind, quoted, sums_up
from .retrieve import HEADED_MIN
from .sayings import family, figures, one_asked, runs_first, wording
from .script import fold
from .structure import SERIES, Enumeration, marker
from .terms import IMAGE_WEIGHT, images, rare_names, rare_words, term_weights, text_df, topical, ways_aside
from .types import Answer, Hit
from .who import action_asked, chain_asked, chained
from .writer import (
    Draft,
    Writer,
    options,
    rank,
    sentences,
    similarity,
)

if TYPE_CHECKING:
    from .answer import Evidence
    from .index import Index


HEADED = 0.5  # a list under a heading carrying this share of the question's words answers it
LIST_MIN = 0.45  # a list answers when its topic and points carry this share of the question's words


_STATED_COUNT = re.compile(
    r"(?:分了|分为|分成|讲了|提了|提出了?|归纳为|概括为|共有|有)([两二三四五六七八九十])(?:条|点|项|个方面|方面)"
)
COUNT_LEXICAL = 0.1  # a list of as many points as the question says it has answers it when it carries this much


def _count_said(question: str) -> int:
    """How many points a list question says the answer has (分了五条，分别是什么 -> 5), or 0; not 哪三条 (which ones:
    three-point lists on another matter answered dev q017 and q046 so).

    >>> _count_said("有篇講話講提高工作效率，分了五條，分別是什麼？"), _count_said("要按照哪三条主线抓落实？")
    (5, 0)
    """
    m = _STATED_COUNT.search(fold(question))
    return CN_DIGITS[m.group(1)] if m else 0


def _list_score(
    w: Writer,
    ev: Evidence,
    hit: Hit,
    e: Enumeration,
    weights: dict[str, float],
    top: Sequence[Candidate],
    rare: Sequence[str] = (),
    described: Sequence[str] = (),
) -> float:
    """How well a list answers. Its topic (what announces it: the sentence before it) and its points
    (each point's first sentence) should carry the question's words, or its meaning (the question's
    cosine with the stored sentence vectors, relative to the best sentence found): the points as a
    whole and on average, so a list of unrelated tasks with one matching point loses to a list under
    a matching heading. A list announced by one of the best sentences (我觉得有三个方面很重要。 ……; not when
    it says another number of points than found), summed up by one right after it (面临的上述四个方面的形势,
    the 30th blind reader's) or taking its points up together soon after (这些成绩的取得), whose points name
    what the question asks which of (哪些制度: 一是综合考核制度…), under a heading with HEADED of its words (检视
    …不足…哪几点: 二、检视工作不足, the 69th's) or a word few passages say (`described`, `terms.rare_words`: 在检视
    不足时, the 95th's), or under a point it quotes (`held_by`), answers in any words. The best sentences are the speech's.
    Asked of a matter (`aspect_asked`), the bonus is whether the list is on it; a list that never says a
    rare Latin word the question asks with (`rare`, from `terms.rare_names`: OA) does not answer at all."""
    text = w.index.speeches[(hit.file, hit.speech)].text
    at, topic = topic_of(text, e.start)
    if rare and not any(t in fold(text[at : e.end]).lower() for t in rare):
        return 0.0  # 推行OA系统…哪些毛病: not a list that never says OA (the 68th blind reader got 光山's)
    points = [text[i.start : i.start + 60] for i in e.items]
    one = one_asked(ev.question)  # 好几个“快”, 哪几个方面都快: most points say it (要快速及时。要真实准确。… do not)
    if one and 2 * sum(one[0] in fold(p) for p in points) < len(points):
        return 0.0
    covers = [coverage(p, weights) for p in points]
    heads = headings_over(text, e)
    about = max([coverage(topic, weights)] + [coverage(h, weights) for h in heads])  # or the section it is under
    lexical = 0.4 * about + 0.3 * coverage(" ".join(points), weights) + 0.3 * sum(covers) / len(covers)
    best = max((c.similarity for c in ev.candidates), default=0.0)
    sims = [x for x in (similarity(w.index, ev, hit, a) for a in (at, *(i.start for i in e.items))) if x is not None]
    semantic = max(0.0, 1.0 - (best - max(sims)) / 0.05) if sims else 0.0  # 1 at the best sentence, 0 at 0.05 below
    lead, _ = topic_of(text, at, 80)  # the sentence before the topic leads into it too (队伍是好的。如何更好呢？首先…)
    announced = any(lead <= c.position < e.start for c in top) and announces(topic, len(e.items))
    heading = [c for c in top if marker(c.text) and c.position < e.start and "\n" not in text[c.position : e.start]]
    # or the details of a point a best sentence heads (三要加强协调,…; any list under one quoting the question's “不会写”)
    details = any(e.family == SERIES or any(p in fold(c.text) for p in quoted(ev.question)) for c in heading)
    counted = any(e.end <= c.position <= e.end + 2 and sums_up(c.text, len(e.items)) for c in top)  # 上述四个方面
    summed = counted or any(e.end <= c.position <= e.end + SUMMED_REACH and _BACK.match(fold(c.text)) for c in top)
    headed = (
        bool(heads)
        and (
            coverage(heads[-1], ways_aside(weights)) >= HEADED
            or any(t in fold(heads[-1]) for t in [*described, *w.asked_as])
        )
    )  # …or a word asked in everyday words (写不好: 第二,要着力解决好“不愿写”、“不会写”的问题; the 238th's got 四个表率)
    headed = headed or any(p in fold(held_by(text, e)) for p in quoted(ev.question))  # 讲“健全机制抓落实”时…哪几项制度
    counts = len(e.items) == _count_said(ev.question) and lexical >= COUNT_LEXICAL  # 分了五条: a list of five on it
    bonus = announced or details or summed or headed or counts or names_kind(ev.question, points)
    bonus = bonus or (_asked_in_parts(ev.question) and "方面" in topic and announces(topic, len(e.items)))
    bonus = bonus or _held(ev, hit, e, text, weights)
    if remedies_asked(ev.question):  # 针对信息工作存在的问题…哪几条改进措施: the measures, not the failings
        if failings(text, e):
            return 0.0
        bonus = bonus or remedy(text, e)
    if aspect_asked(ev.question):  # 在后勤这一块…哪几件事: a list under 在后勤保障上, not one announced on another
        keys = [i.key for i in e.items]  # matter (its topic sentence saying 廉洁清正 among four qualities: not on 廉洁)
        bonus = on_aspect(ev.question, [*heads, *keys]) or (bonus and on_aspect(ev.question, [topic, *heads, *keys]))
        lone = len(keys) > 2 and sum(on_aspect(ev.question, [*heads, k]) for k in keys) == 1  # one point of six on it
        bonus = bonus and not (lone and not on_aspect(ev.question, heads))  # 在提高效率方面 (the 187th's)
    return 0.7 * lexical + 0.3 * semantic + (0.5 if bonus else 0.0) + (COUNTED if counted else 0.0)


COUNTED = 0.2  # a list a best sentence sums up by its count (上述四个方面) beats one it holds or announces by this
CHAIN = 0.1  # asked who answers to whom level by level, the sentence saying it link by link ranks this much higher
SUMMED_REACH = 160  # a best sentence this close after a list taking its points up together (这些成绩的取得)…
_BACK = re.compile(r"(?:这些|上述|以上)")  # …sums it up: the 87th blind reader's 成绩…哪几点 got 电子政务's figures


def _asked_in_parts(question: str) -> bool:
    """Whether a question asks in which areas (在哪些方面提高一个台阶): a list announced as 以下六个方面 answers it in
    any words (the 85th blind reader's got the meeting's opening and closing lines).

    >>> _asked_in_parts("今年的工作要在哪些方面提高一个台阶？"), _asked_in_parts("有哪些要求？"), _asked_in_parts("提升哪几块工作")
    (True, False, True)
    """
    return bool(re.search(r"在(?:哪些|哪几个?|什么)方面|(?:哪些|哪几)块", fold(question)))  # 哪几块: the 166th's


# ways of learning it (the 180th's); of getting ready (动笔之前应该先做哪些准备: the 194th's got 临阵磨枪 alone)
_HOW_CAN_LEARN = re.compile(r"(?:怎么|怎样|如何)才能(?:学会|学好|写好)|(?:哪些|什么|哪几)[^，,。？?]{0,4}准备")


def _held(ev: Evidence, hit: Hit, e: Enumeration, text: str, weights: dict[str, float]) -> bool:
    """Asked which ways (哪些办法, 怎样才能学会), whether `e` is the innermost list holding the best sentence (领受材料任务
    后… in 四是要临阵磨枪: the four ways). Held-out q318 gains 细中求快; with 怎么做 too, dev q021 and held-out q145 lose."""
    ways = WAYS_ASKED.search(q := fold(ev.question)) or _HOW_CAN_LEARN.search(q)  # 怎样才能学会写材料
    lead = max(ev.candidates, key=lambda c: rank(c, weights), default=None) if ways else None
    if lead is None or (ev.hits[lead.n - 1].file, ev.hits[lead.n - 1].speech) != (hit.file, hit.speech):
        return False
    return e == _innermost(text, lead.position)


def _innermost(text: str, at: int) -> Enumeration | None:
    """The innermost list of a speech's `text` holding position `at` (not its sections), if any."""
    holding = (x for x in lists_of(text) if x.family not in SECTIONS and x.holds(at))
    return min(holding, key=lambda x: x.end - x.start, default=None)


_WHICH_TALE = re.compile(r"(?:什么|哪个|哪一个|一个|个)(?:寓言)?故事|(?:什么|哪个)寓言")  # which story


def _enumerations_near(
    w: Writer, ev: Evidence, weights: dict[str, float], top: Sequence[Candidate]
) -> list[tuple[float, Hit, Enumeration]]:
    """Enumerations overlapping the top excerpts (four, and any under a heading holding HEADED_MIN of the question's
    words, as `retrieve.headed` ranks) of the speeches answering (the one named, if any), best first."""
    options, there = [], {(ev.hits[c.n - 1].file, ev.hits[c.n - 1].speech) for c in ev.candidates}
    rare, described = ([t for t in f(w.index, ev.question) if t in weights] for f in (rare_names, rare_words))
    asked = ways_aside(weights)  # 哪几条办法: every point is a 办法, the heading says of what
    headed = [h for h in ev.hits[4:] if h.headings and coverage(h.headings[-1], asked) >= HEADED_MIN]
    for hit in [h for h in [*ev.hits[:4], *headed] if (h.file, h.speech) in there]:  # the speech a question names
        mine = [c for c in top if (ev.hits[c.n - 1].file, ev.hits[c.n - 1].speech) == (hit.file, hit.speech)]
        for e in lists_of(w.index.speeches[(hit.file, hit.speech)].text):
            if e.family not in SECTIONS and e.start < hit.text_end + 200 and e.end > hit.text_start:
                options.append((_list_score(w, ev, hit, e, weights, mine, rare, described), hit, e))
    return sorted(options, key=lambda o: -o[0])


def _explains(ev: Evidence) -> bool:
    """Whether a list question asks for ways of doing (有哪几条办法, 有什么窍门): bare points are explained."""
    return METHODS.search(fold(ev.question)) is not None


def _list_answer(w: Writer, ev: Evidence, weights: dict[str, float], cap: int, budget: int) -> bool:
    """The points of the best enumeration near the top passages (words naming its speech weigh nothing), merged
    with equally good lists of other speeches (as many points as asked, 哪七种意识, within 0.15: alone), or False."""
    top = sorted(ev.candidates, key=lambda c: -rank(c, weights))[:3]
    asked = unnamed(weights, ev.question, naming_words(w.index, ev.question) | departments(w.index, ev.question))
    options = _enumerations_near(w, ev, asked, top)
    defined = bool(top) and defines(ev.question, top[0].text)  # 中心任务就是…: that sentence answers (`defines`)
    if defined or not options or options[0][0] < LIST_MIN or _outdone(w, asked, top, options[0][1:]):
        return False
    best, first, e = outer_list(ev.question, w, options, asked)
    if not (n := points_asked(ev.question)) and _focused(w, ev, first, e, weights, cap, budget):
        return True
    exact = [o for o in options if len(o[2].items) == n and o[0] >= max(LIST_MIN, best - 0.15)]
    chosen = exact[:1] or [(best, first, e)] + [
        o for o in options[1:] if o[0] >= best - 0.05 and (o[1].file, o[1].speech) != (first.file, first.speech)
    ]
    return say_points(w, [(hit, e) for _, hit, e in chosen[:2]], cap, _explains(ev))


LEAD_ALONE = 0.8  # a best sentence carrying this share of the question's words answers alone…
LEAD_OVER = 0.3  # …when the best list, with what announces it, carries this much less


def _outdone(w: Writer, weights: dict[str, float], top: Sequence[Candidate], best: tuple[Hit, Enumeration]) -> bool:
    """Whether the best sentence answers better than the best list: it says the question's words, the list
    does not (乡镇接待市领导来调研有什么要求: 各乡镇接待市级领导的调研视察活动,一定要轻车简从…, not the list
    under 调研工作…的基本要求, the 92nd blind reader's). The list is said with its speech's title, headings and
    announcement (教育系统办公室要提高工作效率…哪几条要求: the 173rd's got 不断提高协调能力和工作效率,开创全省教育系统
    办公室工作的新局面, 教育系统 said in 篇3's title only)."""
    lead = coverage(top[0].text, weights) if top else 0.0
    hit, e = best
    speech = w.index.speeches[(hit.file, hit.speech)]
    text = speech.text
    said = " ".join([speech.title, *headings_over(text, e), text[topic_of(text, e.start)[0] : e.end]])
    return lead >= LEAD_ALONE and coverage(said, weights) < lead - LEAD_OVER


_REASONS = re.compile(r"意义|之所以|重要性|必要性|原因(?!.*问题)")  # a list announced as why (开展此次培训的重要意义:)
REASONS_ON = 0.1  # …whose announcement carries this share of the question's words


def _reasons(w: Writer, ev: Evidence, weights: dict[str, float], cap: int, what: str) -> bool:
    """Asked why, the points of the best list near the top passages announced as the reasons (深刻认识开展此次培训的
    重要意义。一是…必然要求…二是…客观需要…三是有利于…: the 89th blind reader got the training's audience), or False."""
    if what not in ("fact", "list") or not (why_asked(ev.question) or worth_asked(ev.question)):  # 哪几方面的意义
        return False
    top = sorted(ev.candidates, key=lambda c: -rank(c, weights))[:3]
    if not top or states_condition(ev.question, top[0].text, weights):  # 如果写错一个字…: the consequence said
        return False
    if not (options := _enumerations_near(w, ev, weights, top)):
        return False
    score, hit, e = options[0]  # the best list, in the best sentence's speech, on the question's matter
    best = ev.hits[top[0].n - 1]
    topic = fold(topic_of(w.index.speeches[(hit.file, hit.speech)].text, e.start)[1])
    on = (hit.file, hit.speech) == (best.file, best.speech) and (
        score >= LIST_MIN or coverage(topic, weights) >= REASONS_ON
    )
    if any(coverage(i.key, weights) >= POINT_COVER for i in e.items):  # 为什么说办公室…代表着政府的形象: why of
        return False  # one point (第三,办公室及其工作人员代表着政府的形象), not of the list (the 155th blind reader's)
    return on and bool(_REASONS.search(topic)) and "决定" not in topic and say_points(w, [(hit, e)], cap)


_MINDING = re.compile(r"注意(?:什么|哪些|些什么|啥)")  # 写报告要注意什么: all it requires, not the point on its case
FOCUS = 3.0  # one point of a list answers alone when it carries this many times the question's words of any other
NAMED_OVER = 1.5  # …or the one the question names, unless another carries this many times its words (好几个问题)


def _focused(
    w: Writer, ev: Evidence, hit: Hit, e: Enumeration, weights: dict[str, float], cap: int, budget: int
) -> bool:
    """When one point of the list is what the question is about (值班工作要做到哪些要求？ and 二是强化值班工作
    责任 among 信息、报告、机关管理), its own sentences answer, in the speech's order, up to `budget`
    characters, or the points of a list it holds (第三,要在提高效率上狠下功夫。一要…五要…); False (nothing
    written) when no point stands out, or it says nothing more, or what to mind is asked and the point stands out by
    the case the question tells in everyday words (好几件事…写调查处理的报告要注意什么: all it requires; the 229th
    and 230th blind readers got 逐一调查 alone)."""
    text = w.index.speeches[(hit.file, hit.speech)].text
    announced = [topic_of(text, e.start)[1], *headings_over(text, e)]
    lone = [i for i in e.items if on_aspect(ev.question, [*announced[1:], i.key])] if len(e.items) > 2 else []
    # 在后勤这一块…哪几件事, of a list under 在后勤保障上…: all its points, but the one point of many on it (第三,要在
    # 努力提高工作效率上…: the 195th's, 196th's); 提了哪几点要求 of 提三点要求: all of them (`counted_asked`)
    if (on_aspect(ev.question, announced) and len(lone) != 1) or counted_asked(ev.question, announced[0]):
        return False
    covers = sorted(((coverage(i.key, topical(weights)), i) for i in e.items), key=lambda x: -x[0])
    (top, item), rest = covers[0], covers[1]
    # it stands out by words the list's lead does not say (信息, of 政府信息工作存在…), in its text (求快: its own list)
    own = {t: v for t, v in weights.items() if t not in fold("".join(announced))}
    own_said = [coverage(text[i.start : i.end], own) for i in e.items]
    top = top if max(own_said) > 0 and e.items[own_said.index(max(own_said))] == item else 0.0
    quoted = [i for i in e.items if any(ps[0].search(fold(i.key)) for ps in anchors(ev.question))]
    named = [i for i in e.items if names_part(fold(ev.question), i.key, announced[1:])]  # not by its headings' words
    named = [i for i in named if NAMED_OVER * coverage(i.key, topical(weights)) >= covers[0][0]]  # 查处报告 (189th's)
    named = lone if on_aspect(ev.question, announced) else named
    minding = _MINDING.search(fold(ev.question))  # 注意什么
    spoken = [i for i in e.items if not minding and any(a in fold(i.key) for a in w.asked_as)]  # 写不好: “不会写”
    if len(quoted) == 1 or (not quoted and len(named) == 1) or (not quoted + named and len(spoken) == 1):
        item, top, rest = (quoted or named or spoken)[0], 1.0, (0.0, item)  # 解决“不会写”的问题有什么建议: the one it
        # quotes, or says as asked in everyday words (材料总是写不好: the 238th's got 002's 四个表率)
    told = not quoted and minding and any(a in fold(item.key) for a in w.asked_as)  # 多个
    if top < 0.2 or top < FOCUS * rest[0] or told:
        return False
    inner = [i for i in lists_of(text) if item.start < i.start and i.end <= item.end and i.family != e.family]
    if inner and say_points(w, [(hit, inner[0])], cap, _explains(ev)):  # 第三,要在提高效率上狠下功夫。一要…五要…
        return True
    return say_point(w, hit, item, weights, budget)


_MANIFEST = re.compile(r"(?:什么|哪些|啥)表现|具体表现|表现(?:在|为)(?:哪|什么)")
_MEANT = re.compile(r"具体(?:是)?指(?:的是)?(?:什么|哪些|啥)")


def _manifested(w: Writer, ev: Evidence, weights: dict[str, float], budget: int) -> bool:
    """Asked what a failing looks like (作风不实具体是些什么表现), the listed point holding the best sentence
    answers with its own sentences (the 91st blind reader got 由于作风不实,致使情况不明 alone), or False."""
    q = fold(ev.question)
    if not (_MANIFEST.search(q) or (_MEANT.search(q) and not QUOTE.search(q))) or not ev.candidates:
        return False  # 干活不实在，具体指什么 (the 161st blind reader's): what it looks like; “三不”指什么: the wording
    best = max(ev.candidates, key=lambda c: rank(c, weights))
    hit = ev.hits[best.n - 1]
    inner = _innermost(w.index.speeches[(hit.file, hit.speech)].text, best.position)
    item = next((i for i in inner.items if i.start <= best.position < i.end), None) if inner else None
    return item is not None and say_point(w, hit, item, weights, budget)


def _named(question: str) -> re.Pattern[str] | None:
    """What a question quotes (借“弹钢琴”想说明什么), as a pattern, or None."""
    said = quoted(question)
    return re.compile("|".join(map(re.escape, said))) if said else None


def compose(
    index: Index, ev: Evidence, previous: Answer | None = None, max_points: int = 8, budget: int = 300
) -> Draft:
    """The extractive answer to `ev.question` (see the module docstring)."""
    what = kind(ev.question)
    asked = parts(ev.question)  # 恩格斯是哪一年题词的?题的是哪句话?: the sentence stating the year quotes it too
    what = kind(asked[0]) if what == "wording" and len(asked) > 1 and kind(asked[0]) in TYPED else what
    what = "fact" if what == "wording" and point_over_words(ev.question) else what  # what the figure shows
    ev = replace(ev, candidates=named_candidates(index, ev.question, ev.hits, ev.candidates))
    said = [s.text for s in previous.sentences] if previous is not None else []
    w = Writer(index, ev.hits, ev.script, said, ev.question)
    weights = term_weights(index, ev.search or ev.question)  # a follow-up: the conversation's words
    if previous is not None:
        follow_up(w, ev, previous, weights, budget)
        what = "follow-up"
    elif everywhere(w, ev, weights, budget) or family(w, ev, weights) or figures(w, ev, weights):
        what = "wording"
    elif category_asked(ev.question) and filed_under(w, ev, weights, budget):
        what = "category"
    elif what == "wording":  # the words naming the speech (讲改进作风和抓落实的那篇讲话) say nothing of the wording
        wording(w, ev, unnamed(weights, ev.question, naming_words(index, ev.question)), budget)
    elif what != "wording" and several_asked(ev.question) and survey(w, ev, weights, budget):
        what = "survey"
    elif (
        _reasons(w, ev, weights, max_points, what)
        or _manifested(w, ev, weights, budget)
        or (
            what == "list"
            and (
                lists_apart(w, ev, lambda e, ws: inline(w, e, ws, budget) or _list_answer(w, e, ws, max_points, budget))
                or inline(w, ev, weights, budget)
                or _list_answer(w, ev, weights, max_points, budget)
                or semicolons(w, ev, weights, budget)
            )
        )
    ):
        pass
    else:
        units = unit_asked(ev.question) if what == "quantity" else ()
        weights = unnamed(weights, ev.question, own_names(index, ev.question))  # 常德那篇讲话…: not 常德年鉴
        action = action_asked(ev.question) if what == "who" else ""
        share = budget if what == "list" else budget * 2 // 3
        wanted = "why" if what in ("fact", "list") and why_asked(ev.question) else stated_kind(ev.question, what)
        wanted = "title" if what in ("fact", "list") and title_asked(ev.question) else wanted  # …and the title
        wanted = "wording" if what == "fact" and saying_explained(ev.question) else wanted  # …and the saying, then
        advice, shape = advice_asked(ev.question), figure(ev.question)  # 把办公室比作什么: figures follow a figure
        weights = {**weights, **dict.fromkeys(images(ev.question), IMAGE_WEIGHT)} if shape else weights  # 器官
        chosen = [
            o for o in tallies_aside(ev.question, options(ev, w.index)) if not miscounts(o[0].text, ev.question, units)
        ]
        if link := chain_asked(ev.question):  # 一层对一层负责: the chain said link by link ranks first, whole
            weights = {**weights, link: IMAGE_WEIGHT}
            chosen = [
                (replace(c, similarity=c.similarity + CHAIN) if chained(c.text, link) else c, h) for c, h in chosen
            ]
        chosen = stated_first(ev.question, chosen, weights, w.index)  # 调研图的是什么: …目的是把事情的真相…调查清楚
        chosen = fault_first(ev.question, chosen, weights)  # 问题一般出在哪里: the failing, then what to do
        chosen = runs_first(ev.question, chosen)  # 哪几个环节都要快: 发现问题快,采编撰写快,…
        if wanted == "why":  # 要是…会怎么样
            chosen = conditions_first(ev.question, chosen, weights, lambda t: text_df(w.index, t) > 0)
            chosen = points_reasons(ev.question, chosen, weights, w.index)
        if what in ("fact", "list"):  # a list question no list answered too
            point_first(w, chosen, weights, ev.question)
        if _WHICH_TALE.search(fold(ev.question)):  # 讲了个什么故事: the sentences telling one (像…兔子那样)
            chosen = [o for o in chosen if AS_IF.search(fold(o[0].text))] or chosen
        told = story(ev.question) if why_likened(ev.question) else None  # 为什么提龟兔赛跑的故事: no other sentence
        sentences(w, chosen, weights, wanted, share, units, action, advice, shape or told)
        other_figure(w, chosen, weights, units)  # 多少件: 淇县's and 光山's, each named
        shown = shape or _named(ev.question) or story(ev.question)  # 借“弹钢琴”想说明…; 龟兔赛跑的故事…想提醒
        series = what == "list" or advice  # 上了OA…很多人不用…怎么看这个问题: the 一公里 series after 推行OA系统
        around(w, ev.question, series, shown if point_asked(ev.question) else None, max_points)
    if what not in ("follow-up", "wording", "survey", "category") or (what == "wording" and remedy_asked(ev.question)):
        second_part(w, ev, budget)  # 怎么形容这种情况？又要怎么解决？: the remedy after the wording (the 72nd's)
    return w.draft(what)
