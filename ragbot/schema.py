"""The public JSON shapes, built in one place: what `--json`, the app's API, feedback and the load test see.

    hit(h)            {"rank", "score", "chunk_id", "file", "speech", "title", "headings", "start", "end", "text"}
    search(r)         {"query", "hits": [hit…]} (+ "notice")
    answer(a)         {"question", "answer", "refused", "script", "generator", "citation_precision",
                       "sentences", "citations": [citation…], "hits": [hit…], "timings_ms"} (+ "notice")
    speech(s, chunks) {"file", "speech", "title", "script", "encoding", "start", "end", "gaps", "text",
                       "removed", "chunks"}
    speech_entry(s, n) {"file", "speech", "title", "script", "chars", "chunks"}: one line of /api/speeches
    phrases(r)        {"query", "exact", "counts", "similar"}
    ingest(c, b)      {"files": [file report…], "speeches", "chunks", "index": build report or null}
    feedback(a, …)    one line of data/feedback.jsonl (feedback_record: the same from an answer's JSON)
    stored(answers)   a conversation as the browser keeps it across reloads; restored(value) reads it back

`problems(value, FIELDS)` says how a decoded JSON value departs from a shape (used by the load test and
the API's tests); the builders are tested against the same field lists, so the two cannot drift.
What it does not do: the index's on-disk format (index.py owns that) or printing tables (cli.py).
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from typing import Any

from .phrases import PhraseResult
from .types import Answer, AnswerSentence, BuildReport, Chunk, Citation, Corpus, FileReport, Hit, SearchResult, Speech

Json = dict[str, Any]

_EXCERPT: Mapping[str, type | tuple[type, ...]] = {
    "chunk_id": str,
    "file": str,
    "speech": int,
    "title": str,
    "headings": list,
    "start": int,
    "end": int,
    "text": str,
}
HIT: Mapping[str, type | tuple[type, ...]] = {"rank": int, "score": (int, float), **_EXCERPT}
CITATION: Mapping[str, type | tuple[type, ...]] = {"n": int, **_EXCERPT, "sentences": list}
ANSWER: Mapping[str, type | tuple[type, ...]] = {
    "question": str,
    "answer": str,
    "refused": bool,
    "script": str,
    "generator": str,
    "citation_precision": (int, float),
    "sentences": list,
    "citations": list,
    "hits": list,
    "timings_ms": dict,
}


def hit(h: Hit) -> Json:
    return {
        "rank": h.rank,
        "score": round(h.score, 6),
        "chunk_id": h.chunk_id,
        "file": h.file,
        "speech": h.speech,
        "title": h.title,
        "headings": list(h.headings),
        "start": h.start,
        "end": h.end,
        "text": h.text,
    }


def search(r: SearchResult) -> Json:
    out: Json = {"query": r.query, "hits": [hit(h) for h in r.hits]}
    if r.notice:
        out["notice"] = r.notice
    return out


def citation(c: Citation) -> Json:
    return {
        "n": c.n,
        "chunk_id": c.chunk_id,
        "file": c.file,
        "speech": c.speech,
        "title": c.title,
        "headings": list(c.headings),
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "sentences": list(c.sentences),
    }


def answer(a: Answer) -> Json:
    out: Json = {
        "question": a.question,
        "answer": a.text,
        "refused": a.refused,
        "script": a.script,
        "generator": a.generator,
        "citation_precision": round(a.citation_precision, 3),
        "sentences": [{"text": s.text, "citations": list(s.citations), "supported": s.supported} for s in a.sentences],
        "citations": [citation(c) for c in a.citations],
        "hits": [hit(h) for h in a.hits],
        "timings_ms": {k: round(v * 1000, 1) for k, v in a.timings},
    }
    if a.notice:
        out["notice"] = a.notice
    return out


def speech(s: Speech, chunks: Sequence[Chunk]) -> Json:
    return {
        "file": s.file,
        "speech": s.speech,
        "title": s.title,
        "script": s.script,
        "encoding": s.encoding,
        "start": s.start,
        "end": s.end,
        "gaps": list(s.gaps),
        "text": s.text,
        "removed": [{"start": r.start, "end": r.end, "text": r.text, "rule": r.rule} for r in s.removed],
        "chunks": [
            {"id": c.id, "start": c.start, "end": c.end, "text": c.text, "headings": list(c.headings)} for c in chunks
        ],
    }


def speech_entry(s: Speech, chunks: int) -> Json:
    """A speech as the API lists it: where it is, its title and script, its size."""
    return {
        "file": s.file,
        "speech": s.speech,
        "title": s.title,
        "script": s.script,
        "chars": len(s.text),
        "chunks": chunks,
    }


def phrases(r: PhraseResult) -> Json:
    return {
        "query": r.query,
        "exact": [asdict(o) for o in r.exact],
        "counts": [{"file": f, "speech": n, "title": t, "count": k} for f, n, t, k in r.counts],
        "similar": [asdict(s) for s in r.similar],
    }


def ingest(files: Sequence[FileReport], corpus: Corpus | None = None, built: BuildReport | None = None) -> Json:
    """The ingest summary; `corpus` and `built` are None when nothing could be ingested."""
    return {
        "files": [asdict(f) for f in files],
        "speeches": len(corpus.speeches) if corpus else 0,
        "chunks": len(corpus.chunks) if corpus else 0,
        "index": asdict(built) if built else None,
    }


RATINGS = ("up", "down", "comment")


def feedback(a: Answer, rating: str, comment: str = "", settings: Mapping[str, Any] | None = None) -> Json:
    """One line of the feedback log, for feedback on answer `a` (rating: up, down or comment)."""
    return feedback_record(answer(a), rating, comment, settings)


def feedback_record(given: Json, rating: str, comment: str = "", settings: Mapping[str, Any] | None = None) -> Json:
    """One line of the feedback log, for feedback on an answer as `answer()` shaped it (the app keeps
    the Answer; an API client sends back the JSON it got). ValueError for a bad rating or answer."""
    if rating not in RATINGS:
        raise ValueError(f"rating must be up, down or comment, got {rating!r}")
    bad = answer_problems(given)
    if bad:
        raise ValueError(f"not an answer as /api/ask returns it: {bad[0]}")
    said = [s.get("text", "") if isinstance(s, dict) else "" for s in given["sentences"]]
    return {
        "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "rating": rating,
        "comment": comment[:2000],
        "question": given["question"],
        "answer": given["answer"],
        "refused": given["refused"],
        "script": given["script"],
        "generator": given["generator"],
        "citations": [
            {
                "n": c["n"],
                "chunk_id": c["chunk_id"],
                "file": c["file"],
                "speech": c["speech"],
                "text": c["text"],
                "sentences": [said[i] for i in c["sentences"] if isinstance(i, int) and 0 <= i < len(said)],
            }
            for c in given["citations"]
        ],
        "settings": dict(settings or {}),
    }


def stored(answers: Sequence[Answer]) -> list[Json]:
    """A conversation as the browser keeps it across reloads (the app's gr.BrowserState): every
    Answer in full, so the display switch, follow-ups and feedback work on it as before."""
    return [asdict(a) for a in answers]


def restored(value: Any) -> list[Answer]:
    """The Answers `stored` kept; [] for anything else (an older shape, a value edited by hand)."""
    try:
        return [_answer_from(d) for d in value]
    except (TypeError, KeyError, ValueError, AttributeError):
        return []


def _answer_from(d: Mapping[str, Any]) -> Answer:
    if d["script"] not in ("simplified", "traditional"):
        raise ValueError(f"unknown script {d['script']!r}")
    return Answer(
        question=str(d["question"]),
        text=str(d["text"]),
        refused=bool(d["refused"]),
        script=d["script"],
        sentences=tuple(
            AnswerSentence(
                str(s["text"]), tuple(int(n) for n in s["citations"]), bool(s["supported"]), float(s["support"])
            )
            for s in d["sentences"]
        ),
        citations=tuple(
            Citation(**{**c, "headings": tuple(c["headings"]), "sentences": tuple(c["sentences"])})
            for c in d["citations"]
        ),
        hits=tuple(
            Hit(**{**h, "chunk_ids": tuple(h["chunk_ids"]), "headings": tuple(h["headings"])}) for h in d["hits"]
        ),
        generator=str(d["generator"]),
        citation_precision=float(d["citation_precision"]),
        timings=tuple((str(k), float(v)) for k, v in d["timings"]),
        notice=str(d["notice"]),
    )


def problems(value: Any, fields: Mapping[str, type | tuple[type, ...]], what: str = "reply") -> list[str]:
    """How a decoded JSON `value` departs from a shape: missing keys and wrong types (empty: it fits).

    >>> problems({"n": 1}, {"n": int, "text": str}), problems([], {"n": int})
    (["'text' missing or not str"], ['reply is a list, not an object'])
    """
    if not isinstance(value, dict):
        return [f"{what} is a {type(value).__name__}, not an object"]
    out = []
    for key, kind in fields.items():
        v = value.get(key)
        if not isinstance(v, kind) or (kind is int and isinstance(v, bool)):
            name = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            out.append(f"'{key}' missing or not {name}")
    return out


def answer_problems(value: Any) -> list[str]:
    """Why a decoded JSON value is not a well-formed answer (shape, citations, refusal); empty when it is."""
    found = problems(value, ANSWER)
    if found:
        return found
    if not value["answer"].strip():
        found.append("empty answer")
    for c in value["citations"]:
        bad = problems(c, CITATION, "citation")
        if bad:
            found.append(f"malformed citation {str(c)[:80]}: {bad[0]}")
        elif not c["text"] or not 0 <= c["start"] < c["end"]:
            found.append(f"citation {c['n']} has no text or a bad span")
    if value["refused"] and value["citations"]:
        found.append("refused but cites excerpts")
    return found
