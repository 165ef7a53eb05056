"""The extractive answer, composed the way a careful colleague would write it from the speeches.

  kind(question)                        what the question asks for: list, quantity, who, when, where,
                                        wording, or fact
  compose(index, evidence, previous)    the answer's sentences (the speeches' own words, cut at clause
                                        boundaries, never rewritten) with [n] markers, and the excerpts
                                        they cite: the retrieved ones, plus one per list point when a
                                        point lies outside them

A list question (有哪些, 怎么做, 要求, 职责…) is answered with the points of the speeches' own
enumeration (一是…二是…, （一）…, 第一…) when the best passage sits in one, merged across speeches
without repeats; a quantity, who, when or where question leads with the clause that states that
kind of thing; a wording question quotes the formulations; anything else gets the one or two
sentences that answer it, cut to the clauses that matter. Titles, salutations, closings, bare
headings, fragments and sentences that point back to what they do not hold are never used (a
heading may be a listed point). A follow-up goes deeper than the previous answer (the details of
its points, the next points, the passage around it) and never repeats it. Template words (a
lead-in, list numbering) carry no claim. What it does not do: retrieval, refusals (answer.py),
or checking citations (cite.py checks what this writes, like any generator's output).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from .asks import coverage, kind, states
from .cite import bigrams
from .generate import Candidate
from .lexical import tokenize
from .script import fold, to_script
from .structure import CLAUSE, Enumeration, Item, cut, enumerations, han_count, marker, padding, sentence_spans
from .types import Answer, Hit, Script

if TYPE_CHECKING:
    from .answer import Evidence
    from .index import Index

_END = "。！？!?；;…"
_TRIM = "，,、：:；; \n"


@dataclass(frozen=True)
class Draft:
    """The composed answer: pieces of text with [n] markers (asker's script) and the excerpts they number."""

    pieces: tuple[str, ...]
    excerpts: tuple[Hit, ...]
    kind: str


@lru_cache(maxsize=64)
def _lists(text: str) -> tuple[Enumeration, ...]:
    return tuple(enumerations(text))


class _Writer:
    """One answer being written: the excerpts so far, the pieces, and what was already said."""

    def __init__(self, index: Index, hits: Sequence[Hit], script: Script, said: Sequence[str] = ()) -> None:
        self.index = index
        self.excerpts = list(hits)
        self.script = script
        self.pieces: list[str] = []
        self.grams: list[set[str]] = [bigrams(s) for s in said if s.strip()]
        self.quote = False  # wording answers quote each formulation: “…”

    def repeats(self, text: str) -> bool:
        g = bigrams(text)
        return not g or any(len(g & h) / max(1, min(len(g), len(h))) >= 0.6 for h in self.grams)

    def cite(self, file: str, speech: int, start: int, end: int) -> int:
        """The number of an excerpt holding speech text [start, end): a retrieved one, or a new one."""
        for n, h in enumerate(self.excerpts, start=1):
            if h.file == file and h.speech == speech and h.text_start <= start and end <= h.text_end:
                return n
        s = self.index.speeches[(file, speech)]
        lo, hi = _widen(s.text, start, end)
        a, b = s.offsets.span(lo, hi)
        near = min(
            (c for c in self.index.chunks if c.file == file and c.speech == speech),
            key=lambda c: abs(c.text_start - lo),
        )
        self.excerpts.append(
            Hit(
                len(self.excerpts) + 1,
                0.0,
                (near.id,),
                file,
                speech,
                s.title,
                near.headings,
                a,
                b,
                s.text[lo:hi],
                lo,
                hi,
            )
        )
        return len(self.excerpts)

    def say(self, text: str, n: int | None, numbered: int = 0) -> bool:
        """Add one sentence (cut text, the file's own characters) citing excerpt `n`; False if it repeats."""
        body = text.strip().rstrip(_TRIM)
        if not body or self.repeats(body):
            return False
        self.grams.append(bigrams(body))
        out = to_script(body, self.script)
        if self.quote:
            out = "“" + out.rstrip(_END) + "”。"
        elif out[-1] not in _END + "”’」":
            out += "。"
        prefix = f"\n{numbered}. " if numbered else ""
        self.pieces.append(prefix + out + (f"[{n}]" if n else ""))
        return True

    def lead(self, words: str) -> None:
        self.pieces.append(to_script(words, self.script))

    def mark(self) -> tuple[int, int, int]:
        return len(self.pieces), len(self.excerpts), len(self.grams)

    def undo(self, to: tuple[int, int, int]) -> None:
        """Forget everything written since `mark()`."""
        del self.pieces[to[0] :], self.excerpts[to[1] :], self.grams[to[2] :]

    def draft(self, what: str) -> Draft:
        return Draft(tuple(self.pieces), tuple(self.excerpts), what)


def _widen(text: str, start: int, end: int, limit: int = 240) -> tuple[int, int]:
    """[start, end) grown to whole sentences, at most about `limit` characters."""
    spans = sentence_spans(text)
    lo = max((a for a, b in spans if a <= start), default=start)
    hi = min((b for a, b in spans if b >= end), default=end)
    return lo, min(hi, max(end, lo + limit))


def _weights(index: Index, question: str) -> dict[str, float]:
    return {t: index.bm25.idf(t) for t in dict.fromkeys(tokenize(question)) if len(t) >= 2 or index.bm25.idf(t) > 3}


def _usable(text: str, titles: tuple[str, ...]) -> bool:
    return not padding(text, titles)


LIST_MIN = 0.45  # a list answers when its topic and points carry this share of the question's words
SECTIONS = ("、",)  # "一、…": a speech's top sections are its outline, not an answer's points


def _topic(text: str, start: int, reach: int = 160) -> tuple[int, str]:
    """What a list is about: the sentence or heading right before it (within `reach` characters), and
    where it starts."""
    lo = max(0, start - reach)
    before = sentence_spans(text[lo:start])
    return (lo + before[-1][0], text[lo + before[-1][0] : lo + before[-1][1]]) if before else (start, "")


_ANNOUNCES = re.compile(r"[：:]$|以下|如下|[几两三四五六七八九十]个?(方面|点|条|项|件|要|是)|分别是")


@lru_cache(maxsize=4)
def _unit_rows(index: Index) -> dict[tuple[str, int], dict[int, int]]:
    """Where each sentence vector's text starts in its speech: (file, speech) -> {position: row}."""
    out: dict[tuple[str, int], dict[int, int]] = {}
    for ci, c in enumerate(index.chunks):
        rows = out.setdefault((c.file, c.speech), {})
        for row, _, at in index.sentences(ci):
            rows.setdefault(c.text_start + at, row)
    return out


def _similarity(index: Index, ev: Evidence, hit: Hit, start: int) -> float | None:
    """Cosine of the question with the stored vector of the sentence that starts at `start`, if any."""
    row = _unit_rows(index).get((hit.file, hit.speech), {}).get(start)
    return float(index.matrix[row] @ ev.qvec) if row is not None and ev.qvec is not None else None


def _list_score(
    w: _Writer, ev: Evidence, hit: Hit, e: Enumeration, weights: dict[str, float], top: Sequence[Candidate]
) -> float:
    """How well a list answers. Its topic (what announces it: the sentence before it) and its points
    (each point's first sentence) should carry the question's words, or its meaning (the question's
    cosine with the stored sentence vectors, relative to the best sentence found): the points as a
    whole and on average, so a list of unrelated tasks with one matching point loses to a list under
    a matching heading. A list announced by one of the best sentences (我觉得有三个方面很重要。 ……)
    answers whatever words it uses."""
    text = w.index.speeches[(hit.file, hit.speech)].text
    at, topic = _topic(text, e.start)
    points = [text[i.start : i.start + 60] for i in e.items]
    covers = [coverage(p, weights) for p in points]
    lexical = (
        0.4 * coverage(topic, weights) + 0.3 * coverage(" ".join(points), weights) + 0.3 * sum(covers) / len(covers)
    )
    best = max((c.similarity for c in ev.candidates), default=0.0)
    sims = [x for x in (_similarity(w.index, ev, hit, a) for a in (at, *(i.start for i in e.items))) if x is not None]
    semantic = max(0.0, 1.0 - (best - max(sims)) / 0.05) if sims else 0.0  # 1 at the best sentence, 0 at 0.05 below
    announced = any(at <= c.position < e.start for c in top) and bool(_ANNOUNCES.search(topic.rstrip("。 ")))
    return 0.7 * lexical + 0.3 * semantic + (0.5 if announced else 0.0)


def _enumerations_near(
    w: _Writer, ev: Evidence, weights: dict[str, float], top: Sequence[Candidate]
) -> list[tuple[float, Hit, Enumeration]]:
    """Enumerations overlapping the top excerpts, best first."""
    options = []
    for hit in ev.hits[:4]:
        mine = [c for c in top if ev.hits[c.n - 1] == hit]
        for e in _lists(w.index.speeches[(hit.file, hit.speech)].text):
            if e.family not in SECTIONS and e.start < hit.text_end + 200 and e.end > hit.text_start:
                options.append((_list_score(w, ev, hit, e, weights, mine), hit, e))
    return sorted(options, key=lambda o: -o[0])


POINT_CHARS = 70


def _point(text: str, item: Item) -> tuple[str, int]:
    """What a listed point says and where: its first sentence without the marker, cut at clause
    boundaries to about POINT_CHARS characters (never shorter than its key clause)."""
    m = marker(text[item.start : item.end])
    at = item.start + (m.length if m else 0)
    while at < item.end and text[at] in "，,：: ":
        at += 1
    first = next(iter(sentence_spans(text[at : item.end])), (0, item.end - at))
    sentence = text[at : at + first[1]]
    parts = [c for c in CLAUSE.split(sentence) if c.strip()]
    while len(parts) > 1 and len("".join(parts)) > POINT_CHARS:
        parts.pop()
    point = "".join(parts).rstrip(_TRIM)
    return (point if len(point) >= len(item.key) else item.key), at


def _list_answer(w: _Writer, ev: Evidence, weights: dict[str, float], cap: int) -> bool:
    """The points of the best enumeration around the top passages, merged with equally good lists of
    other speeches without repeats; False (nothing written) when no list answers."""
    top = sorted(ev.candidates, key=lambda c: -_rank(c, weights))[:3]
    options = _enumerations_near(w, ev, weights, top)
    if not options or options[0][0] < LIST_MIN:
        return False
    best, first, _ = options[0]
    chosen = [options[0]] + [
        o for o in options[1:] if o[0] >= best - 0.05 and (o[1].file, o[1].speech) != (first.file, first.speech)
    ]
    start = w.mark()
    w.lead("讲话对此提出：")
    points = 0
    for _, hit, e in chosen[:2]:
        text = w.index.speeches[(hit.file, hit.speech)].text
        for item in e.items[: cap - points]:
            point, at = _point(text, item)
            if w.say(point, w.cite(hit.file, hit.speech, at, at + len(point)), numbered=points + 1):
                points += 1
    if points < 2:
        w.undo(start)
    return points >= 2


TYPED = ("quantity", "who", "when", "where")
FOLLOW_MARGIN = 0.06  # a further sentence joins the answer when it ranks this close to the first
MAX_SENTENCES = 3


def _rank(c: Candidate, weights: dict[str, float]) -> float:
    """How well a sentence answers: its vector's cosine to the question's plus the share of the
    question's words it holds, compound-aware (`_cover`). Against the retrieval-time score (which
    counts a compound and its parts separately), measured over all 170 answerable questions: answers
    carry their gold quote equally often (0.673 both), and cite the excerpt holding it more often
    (evidence recall 0.860 against 0.837)."""
    return c.similarity + 0.3 * coverage(c.text, weights)


Option = tuple[Candidate, Hit]  # a sentence that may answer, and the excerpt (file, speech) it comes from


def _options(ev: Evidence) -> list[Option]:
    return [(c, ev.hits[c.n - 1]) for c in ev.candidates]


def _sentences(w: _Writer, options: Sequence[Option], weights: dict[str, float], wanted: str, budget: int) -> None:
    """The best sentence first (for a typed question, the best one that states what is wanted), cut to
    the clauses that answer; then the next ones that rank nearly as high, within `budget` characters."""
    titles = tuple({h.title for _, h in options})
    cleaned = [(_unpadded(c, titles), h) for c, h in options]
    pool = [(c, h) for c, h in cleaned if c.text and (_usable(c.text, titles) or padding(c.text, titles) == "dangling")]
    ranked = sorted(pool, key=lambda o: -_rank(o[0], weights))
    if wanted in TYPED:
        ranked = [o for o in ranked if states(o[0].text, wanted)] + [o for o in ranked if not states(o[0].text, wanted)]
    top, used = None, 0
    for c, hit in ranked:
        if top is not None and (_rank(c, weights) < top - FOLLOW_MARGIN or len(w.pieces) >= MAX_SENTENCES):
            break
        text = c.text
        if padding(text, titles) == "dangling":  # bring what it refers to, or leave it out
            text = _with_antecedent(w.index, hit, c, titles)
            if not text:
                continue
        piece = cut(text, weights, wanted if top is None or wanted == "wording" else "", 150 if top is None else 100)
        if han_count(piece) < 6 or (top is not None and used + len(piece) > budget):
            continue
        speech = w.index.speeches[(hit.file, hit.speech)].text
        at = speech.find(piece, max(0, c.position - len(text)))
        if at >= 0 and w.say(piece, w.cite(hit.file, hit.speech, at, at + len(piece))):
            used += len(piece)
            top = _rank(c, weights) if top is None else top


def _unpadded(c: Candidate, titles: tuple[str, ...]) -> Candidate:
    """`c` without the title, salutation, closing or heading sentences its text carries along (a
    stored sentence unit may hold a short one next to a real one: 谢谢大家！ after the last point)."""
    spans = sentence_spans(c.text)
    keep = [
        (a, b) for a, b in spans if padding(c.text[a:b], titles) not in ("title", "salutation", "closing", "heading")
    ]
    if len(keep) == len(spans):
        return c
    if not keep:
        return replace(c, text="")
    a, b = keep[0][0], keep[-1][1]
    return replace(c, text=c.text[a:b], position=c.position + a)


def _with_antecedent(index: Index, hit: Hit, c: Candidate, titles: tuple[str, ...]) -> str:
    """A dangling sentence together with the sentence before it, when that one is usable."""
    text = index.speeches[(hit.file, hit.speech)].text
    spans = [s for s in sentence_spans(text) if s[1] <= c.position]
    if not spans:
        return ""
    a, b = spans[-1]
    before = text[a:b]
    return before + c.text if _usable(before, titles) else ""


def _wording(w: _Writer, ev: Evidence, weights: dict[str, float], budget: int) -> None:
    """The formulations: the best sentences' clauses that hold them, each quoted as the speech has it."""
    w.quote = True
    w.lead("讲话中的说法：")
    _sentences(w, _options(ev), weights, "wording", budget)
    if len(w.pieces) == 1:  # nothing quoted: no lead-in either
        w.pieces.clear()


def _following(w: _Writer, ev: Evidence, previous: Answer, reach: int = 3) -> list[Option]:
    """The sentences that follow what `previous` said, in its speeches (the next points, the details)."""
    out: list[Option] = []
    for cite in previous.citations:
        hit = next((h for h in previous.hits if h.chunk_id == cite.chunk_id), None)
        if hit is None or (hit.file, hit.speech) not in w.index.speeches:
            continue
        text = w.index.speeches[(hit.file, hit.speech)].text
        folded = fold(text)
        for i in cite.sentences:
            claim = fold(previous.sentences[i].text.lstrip("0123456789. ")).rstrip("。")
            at = folded.find(claim[:12]) if claim else -1
            for a, b in [s for s in sentence_spans(text) if at >= 0 and s[0] >= at + len(claim) - 1][:reach]:
                sim = _similarity(w.index, ev, hit, a)
                out.append((Candidate(0, text[a:b], 0.0, a, sim if sim is not None else 0.0), hit))
    return out


_NUMBERED = re.compile(r"^\s*[0-9]{1,2}[.、．]\s*")


def _details(w: _Writer, previous: Answer, weights: dict[str, float]) -> bool:
    """After a list answer: each point's detail, the sentence that follows it within its item, numbered
    as the points were. False (nothing written) when fewer than two points have one."""
    start = w.mark()
    w.lead("具体来说：")
    done = 0
    for s in previous.sentences:
        if not _NUMBERED.match(s.text) or not s.citations:
            continue
        cite = next((c for c in previous.citations if c.n == s.citations[0]), None)
        hit = next((h for h in previous.hits if cite and h.chunk_id == cite.chunk_id), None)
        if hit is None or (hit.file, hit.speech) not in w.index.speeches:
            continue
        text = w.index.speeches[(hit.file, hit.speech)].text
        point = fold(_NUMBERED.sub("", s.text)).rstrip("。")
        at = fold(text).find(point[:12])
        item = next((it for e in _lists(text) for it in e.items if it.start <= at < it.end), None) if at >= 0 else None
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


def _follow_up(w: _Writer, ev: Evidence, previous: Answer, weights: dict[str, float], budget: int) -> None:
    """Deeper than `previous`: after a list, the details of its points; otherwise the sentences that
    follow what it said and the best ones retrieved for the conversation, whichever answer it better,
    never what it already said."""
    if not _details(w, previous, weights):
        _sentences(w, [*_following(w, ev, previous), *_options(ev)], weights, "", budget)


def compose(
    index: Index, ev: Evidence, previous: Answer | None = None, max_points: int = 8, budget: int = 300
) -> Draft:
    """The extractive answer to `ev.question` (see the module docstring)."""
    what = kind(ev.question)
    said = [s.text for s in previous.sentences] if previous is not None else []
    w = _Writer(index, ev.hits, ev.script, said)
    weights = _weights(index, ev.search or ev.question)  # a follow-up: the conversation's words
    if previous is not None:
        _follow_up(w, ev, previous, weights, budget)
        what = "follow-up"
    elif what == "wording":
        _wording(w, ev, weights, budget)
    elif what == "list" and _list_answer(w, ev, weights, max_points):
        pass
    else:
        _sentences(w, _options(ev), weights, what, budget if what == "list" else budget * 2 // 3)
    return w.draft(what)
