"""A list question answered by one sentence that lists: the parts it names in a row (查处报告应包括
基本情况、…、见面情况四个方面), the formulations it quotes, the two clauses it numbers.

  inline(writer, evidence, weights, budget)   that sentence first, the next best after it; False when
                                               none of the best sentences lists what is asked

compose.py decides when a question is a list question and reads the speeches' own enumerations.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .asks import (
    counted,
    enumerates,
    formulations,
    includes_asked,
    inline_points,
    items_asked,
    named_in_a_row,
    names_parts,
    points_asked,
)
from .writer import Writer, options, rank, sentences

if TYPE_CHECKING:
    from .answer import Evidence


def inline(w: Writer, ev: Evidence, weights: dict[str, float], budget: int) -> bool:
    """A "which N aspects" question answered by one of its best sentences that names them in a row
    (查处报告应包括基本情况、…、见面情况四个方面), or a "which N" one by a sentence that quotes N
    formulations (哪五个: “坚持…”是灵魂，“坚持…”是前提…), a "which two" one by a sentence that numbers
    two clauses (主要就是两条,一要…,二要…) or quotes two in a row (“甲、乙”), a "what does it include" one by a sentence that names the parts
    (应包括基本情况、…、见面情况): that sentence leads, the next best follow;
    False (nothing written) when none of the best sentences does."""
    noun, n, points = counted(ev.question), items_asked(ev.question), points_asked(ev.question)
    includes = includes_asked(ev.question)
    if not noun and not n and not points and not includes:
        return False
    choices = options(ev, w.index)
    top = sorted(choices, key=lambda o: -rank(o[0], weights))[:3]
    lead = [
        o
        for o in top
        if enumerates(o[0].text, noun)
        or (includes and names_parts(o[0].text))
        or (n and formulations(o[0].text, ev.question) >= n)
        or (points and points in (inline_points(o[0].text), named_in_a_row(o[0].text)))
    ]
    if not lead:
        return False
    rest = [o for o in choices if o[0].text != lead[0][0].text]
    gap = rank(top[0][0], weights) - rank(lead[0][0], weights) + 1e-3  # just above the best: it leads,
    lifted = (replace(lead[0][0], similarity=lead[0][0].similarity + gap), lead[0][1])  # the next best may follow
    sentences(w, [lifted, *rest], weights, "", budget)
    return bool(w.pieces)
