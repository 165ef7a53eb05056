"""A number asked for that another speech states too (去年人大代表建议和政协委员提案一共办了多少件? 淇县's speech:
建议56件,提案89件; 光山's: 185件), when the question names no speech and the two rank nearly alike: each
speech's sentence under its name (`source_label`, template words), so that no figure reads as the only
one. The 76th and 77th blind readers got one county's figures, with nothing saying whose they were.
compose.py calls `other_figure` after the answer to a quantity question is written.
"""

from __future__ import annotations

from collections.abc import Sequence

from .amounts import numbers
from .around import cited
from .cuts import cut
from .script import fold
from .writer import OTHER_SPEECH_MARGIN, TYPED_CHARS, Option, Writer, rank


def other_figure(w: Writer, choices: Sequence[Option], weights: dict[str, float], units: tuple[str, ...]) -> None:
    """When the answer's first sentence states a number in `units` and another speech's sentence states one
    too, ranking within OTHER_SPEECH_MARGIN of the first speech's best and holding every question word the
    first holds (the same thing counted): that sentence after the answer, and each speech's name before its sentences."""
    if not units or not (first := cited(w)):
        return
    here = (first.file, first.speech)
    stated = [(rank(c, weights), c, h) for c, h in choices if numbers(c.text, units)]
    best = max(((r, c) for r, c, h in stated if (h.file, h.speech) == here), default=None, key=lambda o: o[0])
    others = [(r, c, h) for r, c, h in stated if (h.file, h.speech) != here]
    if best is None or not others:
        return
    r, c, hit = max(others, key=lambda o: o[0])
    if r < best[0] - OTHER_SPEECH_MARGIN or not _held(best[1].text, weights) <= _held(c.text, weights):
        return  # 多长时间内公开: not 最迟…2小时 for reporting news, which lacks 公开
    piece = cut(c.text, weights, "quantity", TYPED_CHARS)
    piece = piece if numbers(piece, units) else c.text.strip()
    speech = w.index.speeches[(hit.file, hit.speech)].text
    at = speech.find(piece)
    if at < 0 or any(fold(piece) in fold(p) for p in w.pieces):
        return
    mark = w.mark()
    w.label(hit)
    if not w.say(piece, w.cite(hit.file, hit.speech, at, at + len(piece))):
        w.undo(mark)
        return
    w.label(first)
    w.pieces.insert(0, w.pieces.pop().lstrip("\n"))


def _held(text: str, weights: dict[str, float]) -> set[str]:
    """The question's words `text` holds."""
    folded = fold(text)
    return {t for t in weights if t in folded}
