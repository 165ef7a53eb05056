"""Follow-ups in extractive mode: deeper than the previous answer, never the same again.

  follow_up(writer, evidence, previous, weights, budget)   after a list answer, each point's detail (the
                                                          sentence that follows it within its item), numbered
                                                          as the points were; otherwise the sentences that
                                                          follow what it said and the best ones retrieved for
                                                          the conversation, whichever answer it better

Used by compose.py when a question follows up an answer (那具体应该怎么做？, 还有呢？).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .cuts import cut
from .generate import Candidate
from .points import lists_of
from .script import fold, folded_speech
from .structure import han_count, marker, sentence_spans
from .types import Answer
from .writer import Option, Writer, options, sentences, similarity

if TYPE_CHECKING:
    from .answer import Evidence


def _following(w: Writer, ev: Evidence, previous: Answer, reach: int = 3) -> list[Option]:
    """The sentences that follow what `previous` said, in its speeches (the next points, the details)."""
    out: list[Option] = []
    for cite in previous.citations:
        hit = next((h for h in previous.hits if h.chunk_id == cite.chunk_id), None)
        if hit is None or (hit.file, hit.speech) not in w.index.speeches:
            continue
        text = w.index.speeches[(hit.file, hit.speech)].text
        folded = folded_speech(text)
        for i in cite.sentences:
            claim = fold(previous.sentences[i].text.lstrip("0123456789. ")).rstrip("。")
            at = folded.find(claim[:12]) if claim else -1
            for a, b in [s for s in sentence_spans(text) if at >= 0 and s[0] >= at + len(claim) - 1][:reach]:
                sim = similarity(w.index, ev, hit, a)
                out.append((Candidate(0, text[a:b], 0.0, a, sim if sim is not None else 0.0), hit))
    return out


_NUMBERED = re.compile(r"^\s*[0-9]{1,2}[.、．]\s*")


def _details(w: Writer, previous: Answer, weights: dict[str, float]) -> bool:
    """After a list answer: each point's detail, the sentence that follows it within its item, numbered
    as the points were. False (nothing written) when fewer than two points have one."""
    start = w.mark()
    w.lead("具体来说：")
    done = 0
    for s in [s for s in previous.sentences if _NUMBERED.match(s.text) and s.citations]:
        cite = next((c for c in previous.citations if c.n == s.citations[0]), None)
        hit = next((h for h in previous.hits if cite and h.chunk_id == cite.chunk_id), None)
        if hit is None or (hit.file, hit.speech) not in w.index.speeches:
            continue
        text = w.index.speeches[(hit.file, hit.speech)].text
        point = fold(_NUMBERED.sub("", s.text)).rstrip("。")
        at = folded_speech(text).find(point[:12])
        item = (
            next((it for e in lists_of(text) for it in e.items if it.start <= at < it.end), None) if at >= 0 else None
        )
        after = [(a, b) for a, b in sentence_spans(text) if at + len(point) <= a and (item is None or b <= item.end)]
        for a, b in after[:2]:
            sub = marker(text[a:b])
            a += sub.length if sub else 0  # the detail's own 一是… is not the answer's numbering
            piece = cut(text[a:b].lstrip("，,：: "), weights, "", 80)
            if han_count(piece) >= 6 and w.say(
                piece, w.cite(hit.file, hit.speech, a, a + len(piece)), numbered=done + 1
            ):
                done += 1
                break
    if done < 2:
        w.undo(start)
    return done >= 2


def follow_up(w: Writer, ev: Evidence, previous: Answer, weights: dict[str, float], budget: int) -> None:
    """Deeper than `previous`: after a list, the details of its points; otherwise the sentences that
    follow what it said and the best ones retrieved for the conversation, whichever answer it better,
    never what it already said."""
    if not _details(w, previous, weights):
        sentences(w, [*_following(w, ev, previous), *options(ev, w.index)], weights, "", budget)
