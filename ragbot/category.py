"""Under which point of a speech's list something a question tells falls (讲话把这算作哪方面的毛病？).

  filed_under(w, ev, weights, budget)   the point naming a fault that holds one of the best sentences, then
                                        that sentence (and one for each further case the question tells),
                                        then the speech's verdict when the question asks for one, and
                                        the point's reason when it asks why
  cases(question)                       the cases a question tells one after another (…往上一交、转个文件…)

compose.py decides when a question asks this (`asks.category_asked`); writer.py writes the sentences.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .around import gives_reason
from .asks import coverage, parts, why_asked
from .context import advice_asked
from .padding import usable
from .points import lists_of, point_of
from .script import fold
from .structure import han_count, sentence_spans
from .terms import term_weights
from .writer import Option, Writer, options, rank, sentences

if TYPE_CHECKING:
    from .answer import Evidence
    from .types import Hit

_FAULT = re.compile(r"不够|不强|不实|不紧|不足|不高|不到位|不力|问题|毛病|缺乏|淡薄|欠缺|滞后|薄弱")  # a fault named


def filed_under(w: Writer, ev: Evidence, weights: dict[str, float], budget: int) -> bool:
    """Under which point something falls (讲话把这算作哪方面的毛病？): the point of the speech's list that
    holds one of the best sentences (the innermost; a list's last point runs to the end of its
    paragraph) and names a fault (`_FAULT`), then that sentence; False (nothing written) when none does."""
    found = options(ev, w.index)  # the sentences retrieved, read once
    for c, hit in sorted(found, key=lambda o: -rank(o[0], weights))[:3]:
        text = w.index.speeches[(hit.file, hit.speech)].text
        around = [
            i
            for e in lists_of(text)
            for i in e.items
            if i.start <= c.position < (i.end if i != e.items[-1] else max(i.end, (text + "\n").find("\n", i.start)))
        ]
        if not around:
            continue
        item = min(around, key=lambda i: i.end - i.start)
        told: list[tuple[Option, dict[str, float]]] = []
        point, at = point_of(text, item)
        point = point.split("\n")[0]  # a section's point is its heading line
        if not _FAULT.search(fold(point)):  # 办公室…代表着政府的形象 files no fault under it (the 74th's)
            continue
        for case in cases(ev.question):  # 接到通知原样往上一交、转文件问起情况说不上来: each case told
            own = term_weights(w.index, case)
            best = max(found, key=lambda o: rank(o[0], own))  # the case's best, told under the point
            said = [c.position, *(b[0].position for b, _ in told)]  # a sentence told once: the verdict follows it
            if coverage(point + c.text, own) < 0.5 and best[1] == hit and item.start <= best[0].position < item.end:
                told += [(best, own)] if best[0].position not in said else []
        w.lead("讲话把它归入：")
        w.say(point, w.cite(hit.file, hit.speech, at, at + len(point)))
        verdict = advice_asked(ev.question)  # …这是极端危险的: after the last case told
        sentences(w, [(c, hit)], weights, "", budget, verdict=verdict and not told)
        for i, (best, own) in enumerate(told):
            sentences(w, [best], own, "", budget, verdict=verdict and i == len(told) - 1)
        if any(why_asked(p) for p in parts(ev.question)):  # …算哪方面的问题？为什么不好？ 这种做法为什么被批评？
            _reason_in(w, hit, text, item.start, item.end)
        return True
    return False


def _reason_in(w: Writer, hit: Hit, text: str, start: int, end: int) -> None:
    """The first sentence of a point giving a reason (由于作风不实,致使情况不明,最后工作被动。 the 112th blind
    reader's …为什么不好？ got the point and the case alone), when it is not said yet."""
    for a, b in sentence_spans(text[start:end]):
        said = text[start + a : start + b].strip()
        if gives_reason(said) and usable(said, ()) and w.say(said, w.cite(hit.file, hit.speech, start + a, start + b)):
            return


def cases(question: str) -> list[str]:
    """The cases a question tells one after another before asking (接到开会通知原样往上一交、转文件问起情况说不上来,
    讲话怎么评价), each four Han characters or more; [] when it tells one.

    >>> cases("接到开会通知原样往上一交、转文件问起情况说不上来,讲话怎么评价?"), cases("推诿扯皮算哪方面的毛病?")
    (['接到开会通知原样往上一交', '转文件问起情况说不上来'], [])
    """
    told = re.split(r"[，,；;。？?]", fold(question))[0]
    cases = [c for c in told.split("、") if han_count(c) >= 4]
    return cases if len(cases) >= 2 else []
