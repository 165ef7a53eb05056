"""What-if questions: the condition a question puts (要是学校对安全问题掉以轻心, 可能会出什么事?) and the
speeches' sentences that put a condition and say what follows from it (如果不时刻绷紧安全这根弦,就往往容易
酿成更大的事端). compose.py puts such a sentence first (`conditions_first`) when it ranks nearly as high as
the best one and its condition shares a word with the question's: the consequence the question asks for.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .asks import why_asked
from .script import fold
from .writer import Option, rank

_IF = re.compile(r"要是|如果|万一|假如|假使|倘若|一旦|若是|稍有|稍一")
_CLAUSE = re.compile(r"[^,，;；:：。！？!?]+")
# what follows from the condition: 就…, 会…, 将…, 往往…, 难以…
_THEN = re.compile(r"就|便|会|将|势必|必然|往往|难以|无法|不能|致使|导致")
_TO_DO = re.compile(r"可|要|应|须|必须|请|务必")  # 如果尚未掌握有关情况,可先口头报告: what to do then
# 大局观不够,事情就办不好: a condition without an if, then its consequence
_BARE = re.compile(r"[,，][^,，]{0,12}就")


def condition_asked(question: str) -> str:
    """The condition a why or what-if question puts, as written (folded), or "" when it puts none:
    after 要是/如果/万一… up to the clause's end, or, asked why X就Y (大局观不够,事情就办不好),
    what comes before the consequence.

    >>> condition_asked("要是办公室这一环掉链子,上级出台的政策会落到什么下场?")
    '办公室这一环掉链子'
    >>> condition_asked("凭什么说办公室的人大局观不够,事情就办不好?")
    '凭什么说办公室的人大局观不够'
    >>> condition_asked("为什么要加强学习?"), condition_asked("如果有人打听,该怎么说?")
    ('', '')
    """
    q = fold(question)
    if not why_asked(q):
        return ""
    if m := _IF.search(q):
        clause = _CLAUSE.match(q, m.end())
        return clause.group() if clause else ""
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
    >>> condition_of("如果尚未掌握有关情况,可先口头或书面报告初步情况。"), condition_of("稍有时间,学习。")
    ('', '')
    """
    t = fold(sentence)
    for m in _IF.finditer(t):
        clause = next(c for c in _CLAUSE.finditer(t) if c.start() <= m.start() < c.end())
        then = _CLAUSE.search(t, clause.end())
        if re.search("就|便", t[m.end() : clause.end()]):  # 稍有不慎就会出错: in one clause
            return clause.group()
        if then is None or _TO_DO.match(then.group()):
            continue
        if m.group() not in ("稍有", "稍一") or _THEN.match(then.group()):
            return clause.group()
    return ""


CONDITION_MARGIN = 0.035  # a conditional sentence this much below the best one still leads


def conditions_first(question: str, choices: Sequence[Option], weights: dict[str, float]) -> list[Option]:
    """`choices` with the best sentence whose condition shares a question word with the question's
    condition (要是学校对安全问题掉以轻心: 如果不时刻绷紧安全这根弦,就…) raised just above the best one, when it
    ranks within CONDITION_MARGIN of it; unchanged for a question putting no condition."""
    asked = condition_asked(question)
    if not asked or not choices:
        return list(choices)
    ranks = [rank(c, weights) for c, _ in choices]
    top = max(ranks)
    words = [w for w in weights if w in asked]
    near = [i for i, r in enumerate(ranks) if r >= top - CONDITION_MARGIN]  # ranked nearly as high
    near.sort(key=lambda i: -ranks[i])
    best = next((i for i in near if any(w in condition_of(choices[i][0].text) for w in words)), None)
    if best is None:
        return list(choices)
    c, hit = choices[best]
    raised = replace(c, similarity=c.similarity + top - ranks[best] + 0.001)
    return [*choices[:best], (raised, hit), *choices[best + 1 :]]
