"""What-if questions: the condition a question puts (要是学校对安全问题掉以轻心, 可能会出什么事?) and the
speeches' sentences that put a condition and say what follows from it (如果不时刻绷紧安全这根弦,就往往容易
酿成更大的事端). compose.py puts such a sentence first (`conditions_first`) when it ranks nearly as high as
the best one and its condition shares a word with the question's: the consequence the question asks for.
Asked what comes of conduct the question describes (不爱动脑筋、只会把文件转来转去,最后会落得什么结果), the
sentence saying what came of it (由于作风不实,致使情况不明,最后工作被动) leads when the sentences before it in
its excerpt tell that conduct. Asked why of what a point says (为什么要强化政治意识), the sentence after
the point's bare lead gives its reason (`points_reasons`). A best sentence putting the condition asked
(`states_condition`) answers before any list near it is read as the reasons (compose._reasons). A sentence of
the shape that answers in any words (目的是…, 一个重要原因是…) ranks higher when it is of the matter asked
(`stated_first`). Asked where a problem lies, the failing told leads over what to do about it (`fault_first`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from .asks import IF, coverage, short_form, why_asked
from .context import after_in_paragraph, bare_lead, says_what_to_do
from .index import Index
from .meanings import stated_as_asked
from .script import fold
from .structure import han_count, marker, sentence_spans
from .writer import Option, rank

_CLAUSE = re.compile(r"[^,，;；:：。！？!?]+")
# what follows from the condition: 就…, 会…, 将…, 往往…, 难以…
_THEN = re.compile(r"就|便|会|将|势必|必然|往往|难以|无法|不能|致使|导致")
_TO_DO = re.compile(r"可|要|应|须|必须|请|务必")  # 如果尚未掌握有关情况,可先口头报告: what to do then
# 大局观不够,事情就办不好: a condition without an if, then its consequence
_BARE = re.compile(r"[,，][^,，]{0,12}就")
_FOR_THOSE = re.compile(r"(对(?:于)?[^,，;；。]{2,24}的)[,，]")  # 对出现迟报…的,将追究: of those who do so, then


def condition_asked(question: str) -> str:
    """The condition a why or what-if question puts, as written (folded), or "" when it puts none:
    after 要是/如果/万一… up to the clause's end, or, asked why X就Y (大局观不够,事情就办不好),
    what comes before the consequence.

    >>> condition_asked("要是办公室这一环掉链子,上级出台的政策会落到什么下场?")
    '办公室这一环掉链子'
    >>> condition_asked("凭什么说办公室的人大局观不够,事情就办不好?")
    '凭什么说办公室的人大局观不够'
    >>> condition_asked("为什么说办公室人员如果不顾全大局就干不好工作")  # the 115th blind reader's
    '不顾全大局'
    >>> condition_asked("为什么要加强学习?"), condition_asked("如果有人打听,该怎么说?")
    ('', '')
    """
    q = fold(question)
    if not why_asked(q):
        return ""
    if m := IF.search(q):
        clause = _CLAUSE.match(q, m.end())  # 如果不顾全大局就干不好工作: up to 就, what follows from it
        return re.split(r"就|便", clause.group())[0] if clause else ""
    bare = _BARE.search(q)
    return q[: bare.start()] if bare else ""


def condition_of(sentence: str) -> str:
    """A sentence's condition (the clause putting it, folded) when the sentence goes on to say what
    follows from it, not what to do then, else "".

    >>> condition_of("安全事故的发生往往较为突然,如果不时刻绷紧安全这根弦,就往往容易酿成更大的事端。")
    '如果不时刻绷紧安全这根弦'
    >>> condition_of("办公室承担着办文办会等重要职责,稍有疏忽,就有可能酿成大错。")
    '稍有疏忽'
    >>> condition_of("如果办公室工作做不好,任何政策、决策都只是写在文件上、停在口头上。")
    '如果办公室工作做不好'
    >>> condition_of("稍有不慎就会出现重大失误。")
    '稍有不慎就会出现重大失误'
    >>> condition_of("习近平总书记讲,“没有督查就没有落实”,光督查不追责,这个督查就是无力的。")  # only one, not the other
    '光督查不追责'
    >>> condition_of("如果尚未掌握有关情况,可先口头或书面报告初步情况。"), condition_of("稍有时间,学习。")
    ('', '')
    >>> condition_of("对出现迟报、漏报、瞒报的,将严肃追究有关责任人员的责任。"), condition_of("对迟报的,要及时纠正。")
    ('对出现迟报、漏报、瞒报的', '')
    """
    t = fold(sentence)
    if (m := _FOR_THOSE.match(t)) and _THEN.match(t[m.end() :]):  # 对出现迟报、漏报、瞒报的,将严肃追究…
        return m.group(1)
    for m in IF.finditer(t):
        clause = next(c for c in _CLAUSE.finditer(t) if c.start() <= m.start() < c.end())
        then = _CLAUSE.search(t, clause.end())
        if re.search("就|便", t[m.end() : clause.end()]):  # 稍有不慎就会出错: in one clause
            return clause.group()
        if then is None or _TO_DO.match(then.group()):
            continue
        if m.group() not in ("稍有", "稍一") or _THEN.match(then.group()):
            return clause.group()
    return ""


# 0.035 until 2026-12-07, when 要是 became scaffolding: dev q506 (要是没第一时间…,后果是什么) then had its gold at 0.035
CONDITION_MARGIN = 0.04  # a conditional sentence this much below the best one still leads


def conditions_first(
    question: str, choices: Sequence[Option], weights: dict[str, float], held: Callable[[str], bool] = bool
) -> list[Option]:
    """`choices` with the best sentence whose condition shares a question word with the question's
    condition (要是学校对安全问题掉以轻心: 如果不时刻绷紧安全这根弦,就…) raised just above the best one, when it
    ranks within CONDITION_MARGIN of it; first, asked what comes of conduct the question describes, the
    sentence saying what came of it after the sentences telling that conduct (`_told_outcome`; `held`: whether
    chunks hold a word); unchanged for a question putting no condition."""
    asked = condition_asked(question)
    if not asked or not choices:
        return list(choices)
    ranks = [rank(c, weights) for c, _ in choices]
    top = max(ranks)
    # the conduct's telling words: 转来转去 is said nowhere, 办公室工作没做好 tells no conduct (办公室, 工作, 做好)
    said = {w: x for w, x in weights.items() if w in asked and x >= TOLD_IDF and held(w)}
    if (told := _told_outcome(question, choices, said, ranks.index(top))) is not None:
        return lead_with(choices, told, ranks)
    words = [w for w in weights if w in asked]
    near = [i for i, r in enumerate(ranks) if r >= top - CONDITION_MARGIN]  # ranked nearly as high
    near.sort(key=lambda i: -ranks[i])
    words += [s for w in words if (s := short_form(w))]  # 不追究责任: 光督查不追责
    best = next((i for i in near if any(w in condition_of(choices[i][0].text) for w in words)), None)
    if best is None:
        return list(choices)
    return lead_with(choices, best, ranks)


STATED_SHARE = 0.5  # a sentence states the condition asked when its own holds this share of that one's words' weight


def states_condition(question: str, sentence: str, weights: dict[str, float]) -> bool:
    """Whether `sentence` puts the condition the question puts (要是…错了一个字或者标点,会有什么后果: 如果写错一个
    字、用错一个标点,大家就会说…), holding at least STATED_SHARE of the weight of its words.

    >>> w = {"政府": 1.2, "文件": 3.2, "错": 3.0, "一个": 1.6, "标点": 5.6, "后果": 4.7}
    >>> q = "要是政府发的文件里错了一个字或者标点,会有什么后果?"
    >>> states_condition(q, "如果写错一个字、用错一个标点,大家就会说这个政府工作水平很低", w)
    True
    >>> states_condition(q, "每一份文件都代表的是政府", w), states_condition("文件有什么后果?", "如果写错一个字", w)
    (False, False)
    """
    asked = condition_asked(question)
    words = {w: x for w, x in weights.items() if w in asked}
    held = sum(x for w, x in words.items() if w in condition_of(sentence))
    return bool(words) and held >= STATED_SHARE * sum(words.values())


def lead_with(choices: Sequence[Option], i: int, ranks: Sequence[float]) -> list[Option]:
    """`choices` with the `i`th raised just above the best of `ranks` (`writer.rank` of each), so that it leads."""
    c, hit = choices[i]
    raised = replace(c, similarity=c.similarity + max(ranks) - ranks[i] + 0.001)
    return [*choices[:i], (raised, hit), *choices[i + 1 :]]


_FAULT_ASKED = re.compile(r"(?:问题|毛病|症结)[^，,。？?]{0,4}出在哪")  # 问题一般出在哪里


def fault_first(question: str, choices: Sequence[Option], weights: dict[str, float]) -> list[Option]:
    """Asked where a problem lies (拟办意见领导老是不采纳…问题一般出在哪里), `choices` with the best sentence telling
    the failing (有的在处理公文的时候,提的意见太空洞…领导不易采纳,说明…) raised above a best one saying what to do
    about it (这就要求…要从全局的角度思考并提出拟办意见: the 162nd blind reader's), when it ranks within
    CONDITION_MARGIN of it."""
    if not _FAULT_ASKED.search(fold(question)) or not choices:
        return list(choices)
    ranks = [rank(c, weights) for c, _ in choices]
    if not says_what_to_do(choices[ranks.index(max(ranks))][0].text):
        return list(choices)
    near = [i for i, r in enumerate(ranks) if r >= max(ranks) - CONDITION_MARGIN]
    told = sorted((i for i in near if not says_what_to_do(choices[i][0].text)), key=lambda i: -ranks[i])
    return lead_with(choices, told[0], ranks) if told else list(choices)


# what a question asks comes of the conduct it describes (最后会落得什么结果), and a sentence saying what came of it
_OUTCOME_ASKED = re.compile(r"结果|后果|下场|地步|会怎么?样|会(?:落得|落到|变成|导致|造成)")
_CAME_OF = re.compile(r"致使|以致|以至于|导致|造成|最后|最终|结果")
_CAME_AFTER = re.compile(r"致使|以致|以至于|导致|最后|最终")  # …what came of the conduct the sentences before tell
TOLD_BEFORE = 5  # sentences of its excerpt before a sentence saying what came of it that may tell the conduct
TOLD_MIN = 0.5  # …holding at least this share of the words of the question's condition that chunks hold
TOLD_LEAD = 0.2  # …and this much more of them than the best choice with the sentences before it
TOLD_IDF = 2.5  # the words of a condition that tell conduct weigh this much (机械 4.7, 文件 3.2; 做好 1.4)


def _told_outcome(question: str, choices: Sequence[Option], weights: dict[str, float], top: int) -> int | None:
    """Asked what comes of conduct the question describes (要是不爱动脑筋、只会把文件转来转去,最后会落得什么结果),
    the choice saying what came of it (由于作风不实,致使情况不明,最后工作被动) whose excerpt tells that conduct
    in the TOLD_BEFORE sentences before it (不愿意多动脑筋…有的机械式转办文件批示…): with them it holds TOLD_MIN
    of the condition's `weights` and TOLD_LEAD more than the best choice with its own. The best choice (如果办公室
    工作做不好,…) puts a condition of its own (dev q504 and the 80th blind reader's). Or the first such choice
    whose TOLD_BEFORE sentences hold the best choice, when it holds as much (`_tells_before`)."""
    if len(weights) < 2 or not _OUTCOME_ASKED.search(fold(question)):
        return None
    told = [_told(c.text, hit.text, weights) for c, hit in choices]
    came = [i for i, (c, _) in enumerate(choices) if _CAME_OF.search(fold(c.text)) and i != top]
    after = [
        i for i in came if told[i] >= told[top] and _tells_before(choices[top], choices[i], fold(choices[i][0].text))
    ]
    if after:  # the best choice tells the conduct, in the sentences before what came of it
        return after[0]
    best = max((i for i in came if told[i] >= TOLD_MIN), key=lambda i: told[i], default=None)
    return best if best is not None and told[best] >= told[top] + TOLD_LEAD else None


def _tells_before(conduct: Option, outcome: Option, said: str) -> bool:
    """Whether a choice is one of the TOLD_BEFORE sentences before a sentence saying what came of it, in
    one excerpt: the best choice then only tells the conduct asked about (接到会议通知直接呈报,…: the 81st
    blind reader's), and what came of it (致使情况不明,最后工作被动) answers."""
    if not _CAME_AFTER.search(said):  # 就是因为结果运用了: 结果 is no outcome of what was told before
        return False
    (c, hit), (o, other) = conduct, outcome
    at, then = hit.text.find(c.text.strip()), hit.text.find(o.text.strip())
    return hit.text == other.text and 0 <= at < then and len(sentence_spans(hit.text[at:then])) <= TOLD_BEFORE


def _told(sentence: str, excerpt: str, weights: dict[str, float]) -> float:
    """The share of the question's words a sentence and the TOLD_BEFORE sentences before it in its excerpt hold."""
    at = excerpt.find(sentence.strip())
    if at < 0:
        return coverage(sentence, weights)
    spans = [(a, b) for a, b in sentence_spans(excerpt[:at])][-TOLD_BEFORE:]
    return coverage(excerpt[spans[0][0] if spans else at : at + len(sentence)], weights)


POINT_COVER = 0.99  # asked why of a point: its bare lead holds every word of the question
STATED_LEAD = 25  # …or its lead stating it, of at most this many Han characters (not a point that says why too)


def points_reasons(question: str, choices: Sequence[Option], weights: dict[str, float], index: Index) -> list[Option]:
    """Asked why of what a point of a list says (为什么要强化政治意识), `choices` with each bare lead holding
    every word of the question (一是要强化政治意识。) followed by the next sentence of its paragraph, which
    gives the point's reason (没有政治上的坚定性就没有…统一性; 这是做好办公室工作的前提): that sentence ranks
    with the lead's meaning and words. The lead itself is a heading, no answer (为什么要强化政治意识, left
    open by the forty-sixth session, got 概况起来就是要强化"七种意识" alone); so is a short lead stating what is
    asked (为什么说办公室的工作人员代表着政府的形象: 第三,办公室及其工作人员代表着政府的形象。, the 155th's)."""
    if not why_asked(question) or condition_asked(question):
        return list(choices)
    out = list(choices)
    for c, hit in choices:
        lead = c.text.strip()
        stated = marker(lead) and han_count(lead) <= STATED_LEAD  # 第三,办公室及其工作人员代表着政府的形象。
        if not (bare_lead(lead) or stated) or coverage(lead, weights) < POINT_COVER:
            continue
        speech = index.speeches[(hit.file, hit.speech)].text
        after = after_in_paragraph(speech, c.position + len(c.text))
        if not after or speech[c.position : c.position + len(c.text)] != c.text:
            continue
        x, y = after[0]
        out = [o for o in out if o[0].text.strip() not in (speech[x:y].strip(), lead)]  # the lead says it again
        out.append((replace(c, text=speech[x:y], position=x, lead=lead), hit))
    return out


STATED_BONUS = 0.1  # a sentence of the shape that answers in any words (`meanings.stated_as_asked`) ranks higher
ABOUT_WEIGHT = 2.0  # …when its paragraph holds a question word weighing this much (not only 一个, 办公室)…
ABOUT_SHARE = 0.15  # …or this share of the question's words (网络, 文件, 县政府, 处理: none weighs 2)


def stated_first(question: str, choices: Sequence[Option], weights: dict[str, float], index: Index) -> list[Option]:
    """`choices` with each sentence of the shape that answers in any words (`meanings.stated_as_asked`: 调研图的是
    什么, 调查研究…目的是把事情的真相和全貌调查清楚) STATED_BONUS higher, when the paragraphs it spans (同志们:
    then …主要目的是…) hold a question word weighing ABOUT_WEIGHT or ABOUT_SHARE of them all (县政府用网络发下来
    的文件…出了事会怎样: 002's 凡接收信息后处理不及时…将追究相关责任人的责任): a reason stated of another matter answers
    nothing (为什么说公文里写错一个字…不是小事: the 152nd blind reader's got 篇8's 一个重要原因是从事文字工作逼着
    你去学习 second, which is of writing 材料)."""
    shaped = stated_as_asked(question)
    if shaped is None:
        return list(choices)
    weighty = {w: x for w, x in weights.items() if x >= ABOUT_WEIGHT}
    out = []
    for c, hit in choices:
        speech = index.speeches[(hit.file, hit.speech)].text
        lo, hi = speech.rfind("\n", 0, c.position) + 1, speech.find("\n", c.position + len(c.text.rstrip()))
        paragraph = speech[lo : len(speech) if hi < 0 else hi]
        about = coverage(paragraph, weighty) > 0 or coverage(paragraph, weights) >= ABOUT_SHARE  # 决定: 决策 too
        out.append(
            (replace(c, similarity=c.similarity + STATED_BONUS), hit)
            if about and shaped.search(fold(c.text))
            else (c, hit)
        )
    return out
