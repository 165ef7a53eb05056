"""What a dangling answer sentence refers back to (这个程序, 这项工作…), from the speech around it.

  past_reference(...)   a typed question's clauses after the one that refers back (any question's, past a clause
                        saying only that a demand was made of it: demanded(text))
  antecedent(...)       the sentence before a dangling one, when it can be said
  referent(before, said) what it refers to in that sentence: its last clauses

writer.py says them with the sentence; context.py reads what else a sentence needs from its paragraph.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .asks import TYPED
from .context import SERIES_CHARS
from .cuts import cut
from .kinds import states
from .padding import padding
from .structure import CLAUSE, han_count, sentence_spans
from .types import Hit

if TYPE_CHECKING:
    from .generate import Candidate
    from .index import Index


def past_reference(text: str, titles: tuple[str, ...], how: tuple[dict[str, float], str, int], first: bool) -> str:
    """The clauses of `text` after the one that refers back, when they state on their own what a typed
    question wants (這項工作越往上越重要,中辦六十多人,… -> 中辦六十多人,…; its `first` sentence only), or
    anything past a clause saying only that a demand was made (`demanded`); else ''."""
    if not ((how[1] in TYPED and first) or demanded(text)):
        return ""
    parts = [p for p in CLAUSE.split(text) if p.strip()]
    for i in range(1, len(parts)):
        rest = "".join(parts[i:])
        if not padding(rest, titles):
            piece = cut(rest, *how)
            return piece if not padding(piece, titles) and (states(piece, how[1]) or how[1] not in TYPED) else ""
    return ""


_DEMANDED = re.compile(
    r"^[^，,；;。]{0,12}对(?:这|這)[项項个個些][^，,；;。]{1,6}(?:提出|作出|做出)了?[^，,；;。]{0,6}(?:要求|指示)[，,：:]"
)


def demanded(text: str) -> bool:
    """Whether a sentence opens with a clause saying only that a demand was made of what it refers to:
    the demand follows, and says on its own what is wanted (the 84th reader's 按什么顺序走).

    >>> demanded("王县长对这项工作提出了明确要求,政府公文要力求规范、高质量。"), demanded("这项工作要抓紧,必须按时完成。")
    (True, False)
    """
    return bool(_DEMANDED.match(text.strip()))


def antecedent(index: Index, hit: Hit, c: Candidate, titles: tuple[str, ...]) -> str:
    """The sentence before a dangling one (what 这个程序 refers to), when it is usable or only refers back
    itself (王县长对这项工作提出了明确要求,…凡是上报县长的审签材料,…), else ''."""
    text = index.speeches[(hit.file, hit.speech)].text
    spans = [s for s in sentence_spans(text) if s[1] <= c.position]
    if not spans:
        return ""
    a, b = spans[-1]
    for x, y in reversed(spans[:-1]):  # …管用一辈子;到了工业经济时代,…;到了知识经济时代,…。这个观点: all three
        if text[x:y].rstrip()[-1:] not in ("；", ";") or b - x > SERIES_CHARS:
            break
        a = x
    before = text[a:b]
    return before if padding(before, titles) in ("", "dangling") else ""


REFERENT_HAN = 50  # what 这个程序 refers to: the antecedent's last clauses, up to this many Han characters


def referent(before: str, said: str) -> str:
    """What a dangling sentence refers to in the sentence `before` it: its clauses from the end while they
    hold at most REFERENT_HAN Han characters, or `said` (the part of it cut to the question) when longer.
    The steps of a procedure come last: cut to the question, 必须由办公室文字把关后 was lost (held-out q406).

    >>> said = "由主任和县政府分管领导签出意见后再报县长审签。"
    >>> referent("王县长对这项工作提出了明确要求,政府公文要力求规范、高质量,凡是上报县长的审签材料,必须由办公室文字把关后," + said, said)
    '凡是上报县长的审签材料,必须由办公室文字把关后,由主任和县政府分管领导签出意见后再报县长审签。'
    """
    parts = [p for p in re.split(r"(?<=[，,；;：:])", before.strip()) if p]
    at = len(parts) - 1
    while at > 0 and han_count("".join(parts[at - 1 :])) <= REFERENT_HAN:
        at -= 1
    tail = "".join(parts[at:])
    return tail if len(tail) > len(said) else said
