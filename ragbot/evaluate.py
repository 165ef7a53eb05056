"""Evaluation: the question set and retrieval metrics, as pure functions.

A question (eval/questions.jsonl, schema 2) has gold quotes: short strings copied exactly from a
file. A retrieved excerpt "contains" a quote when the quote's folded, whitespace-free form is a
substring of the excerpt's, so the check is fair across scripts. Metrics are per question and
averaged over the answerable ones:

  hit@k     1 if any gold quote is inside one of the top k excerpts
  recall@k  share of the gold quotes inside the top k excerpts
  MRR       1 / rank of the first excerpt holding a gold quote (0 if none in the list)
  nDCG@k    binary gain for excerpts holding a gold quote, ideal = as many at the top as quotes
  hit@1500c a gold quote inside the first 1,500 characters of excerpts, in rank order (fair
            across chunk sizes: long excerpts spend the budget faster)
  ROUGE-L   character-level longest-common-subsequence F1 of an answer against the reference

`score` turns one configuration's Outcome on one question into these figures plus the answer
metrics (refusals, evidence recall, citation precision, unsupported sentences, script, latency);
`aggregate` averages a group of them, each figure over the questions it applies to; `percentile`
is the one percentile of the project (evaluation, benchmark, load test) and `machine` the one
description of the computer a measurement ran on.
"""

from __future__ import annotations

import json
import math
import os
import platform
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .script import detect_script, to_simplified
from .types import Outcome

TYPES = ("duty", "wording", "fact", "paraphrase", "multi", "unanswerable")
SPLITS = ("dev", "heldout")  # dev: thresholds were calibrated on it; heldout: written afterwards
SCHEMA = 2
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Gold:
    file: str
    speech: int
    quote: str


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    script: str
    type: str
    gold: tuple[Gold, ...]
    answer: str = ""
    split: str = "dev"
    checked: tuple[str, ...] = ()
    schema: int = SCHEMA

    @property
    def answerable(self) -> bool:
        return bool(self.gold)


def load_questions(path: str | Path) -> list[Question]:
    out = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        d = json.loads(line)
        if d.get("schema") != SCHEMA:
            raise ValueError(f"{path}:{n}: schema {d.get('schema')!r}, expected {SCHEMA}")
        try:
            gold = tuple(Gold(g["file"], int(g["speech"]), g["quote"]) for g in d.pop("gold"))
            checked = tuple(d.pop("checked", ()))
            out.append(Question(gold=gold, checked=checked, **d))
        except (KeyError, TypeError) as e:
            raise ValueError(f"{path}:{n}: not a schema-{SCHEMA} question ({e})") from None
    return out


def norm(text: str) -> str:
    """Mainland Simplified (`to_simplified`: 著→着, 程式→程序), whitespace removed: the form quotes,
    excerpts and answers are compared in, whichever script and regional wording each has."""
    return _SPACE.sub("", to_simplified(text))


def contains(excerpt: str, quote: str) -> bool:
    """True when the folded, whitespace-free quote is inside the excerpt.

    >>> contains("辦公室 担负上情下达", "办公室担负")
    True
    """
    return norm(quote) in norm(excerpt)


def first_rank(excerpts: Sequence[str], quotes: Iterable[str]) -> int:
    """1-based rank of the first excerpt holding any quote; 0 when none does."""
    qs = [norm(q) for q in quotes]
    for rank, text in enumerate(excerpts, start=1):
        t = norm(text)
        if any(q in t for q in qs):
            return rank
    return 0


def hit_at(excerpts: Sequence[str], quotes: Sequence[str], k: int) -> float:
    r = first_rank(excerpts[:k], quotes)
    return 1.0 if r else 0.0


def recall_at(excerpts: Sequence[str], quotes: Sequence[str], k: int) -> float:
    if not quotes:
        return 0.0
    joined = [norm(t) for t in excerpts[:k]]
    return sum(any(norm(q) in t for t in joined) for q in quotes) / len(quotes)


def reciprocal_rank(excerpts: Sequence[str], quotes: Sequence[str]) -> float:
    r = first_rank(excerpts, quotes)
    return 1.0 / r if r else 0.0


def ndcg_at(excerpts: Sequence[str], quotes: Sequence[str], k: int = 10) -> float:
    """Normalised DCG with binary gains.

    >>> round(ndcg_at(["无关", "甲乙丙丁戊"], ["甲乙丙"], k=10), 3)
    0.631
    """
    if not quotes:
        return 0.0
    qs = [norm(q) for q in quotes]
    gains = [1.0 if any(q in norm(t) for q in qs) else 0.0 for t in excerpts[:k]]
    dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sum(1 / math.log2(i + 2) for i in range(min(len(quotes), k)))
    return dcg / ideal if ideal else 0.0


def hit_within(excerpts: Sequence[str], quotes: Sequence[str], budget: int = 1500) -> float:
    """1 if a gold quote lies whole inside the first `budget` characters of the excerpts.

    >>> hit_within(["x" * 1490, "甲乙丙丁"], ["甲乙丙"], budget=1500), hit_within(["x" * 1499, "甲乙丙"], ["甲乙丙"])
    (1.0, 0.0)
    """
    left = budget
    qs = [norm(q) for q in quotes]
    for text in excerpts:
        if left <= 0:
            break
        part = norm(text)[:left]
        if any(q in part for q in qs):
            return 1.0
        left -= len(norm(text))
    return 0.0


_MARKER = re.compile(r"\[\d+\]")
_CONTENT = re.compile(r"[\w\u4e00-\u9fff]")


def rouge_l(candidate: str, reference: str) -> float:
    """Character-level ROUGE-L F1 (folded, markers, punctuation and spaces ignored).

    >>> round(rouge_l("办公室要做好督查[1]。", "辦公室要做好督查督辦工作"), 3)
    0.8
    """
    a = [c for c in to_simplified(_MARKER.sub("", candidate)) if _CONTENT.match(c)]
    b = [c for c in to_simplified(reference) if _CONTENT.match(c)]
    if not a or not b:
        return 0.0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b, start=1):
            cur.append(prev[j - 1] + 1 if x == y else max(prev[j], cur[j - 1]))
        prev = cur
    lcs = prev[-1]
    if not lcs:
        return 0.0
    p, r = lcs / len(a), lcs / len(b)
    return 2 * p * r / (p + r)


def _content(text: str) -> str:
    """Folded, markers, punctuation and spaces removed: the characters answers are compared by."""
    return "".join(c for c in to_simplified(_MARKER.sub("", text)) if _CONTENT.match(c))


def longest_run(a: str, b: str) -> int:
    """Length of the longest common substring.

    >>> longest_run("办公室要做好督查工作", "要做好督查督办")
    5
    """
    best, prev = 0, [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b, start=1):
            cur.append(prev[j - 1] + 1 if x == y else 0)
        best = max(best, max(cur))
        prev = cur
    return best


def carries(text: str, quotes: Sequence[str], share: float = 0.8) -> bool:
    """Whether `text` itself states a gold quote: at least `share` of the quote's characters as one run
    (folded, markers, punctuation and spaces ignored; a list marker opening the quote, 一是 or 第一, is
    numbering, which carries no claim: the answer numbers its points itself).

    >>> carries("讲话提出：做到件件有着落、事事有回音。[1]", ["做到件件有着落，事事有回音"]), carries("要做好督查。", ["件件有着落"])
    (True, False)
    >>> carries("1. 要强化政治意识。[1]", ["一是要强化政治意识"])
    True
    """
    from .structure import marker

    t = _content(text)
    for quote in quotes:
        m = marker(quote)
        q = _content(quote[m.length :] if m else quote)
        if q and longest_run(t, q) >= share * len(q):
            return True
    return False


def answer_sentences(answer: str) -> list[str]:
    """The sentences of an answer that make claims (markers, numbering and template lead-ins off)."""
    from .cite import claim, split_sentences

    out = [claim(_MARKER.sub("", s)) for s in split_sentences(answer)]
    return [s for s in out if _CONTENT.search(s)]


def padding_rate(answer: str, titles: Sequence[str] = ()) -> float:
    """Share of an answer's claim sentences that are padding (padding.padding: titles, salutations,
    closings, bare headings, fragments, announcements, dangling references); a listed point may be short,
    and a sentence pointing at points ahead (要抓好以下几点) leads them when the answer lists some."""
    from .padding import padding

    sentences = answer_sentences(answer)
    numbered = re.compile(r"^\s*(?:[0-9]{1,2}[.、．]|[（(][0-9]{1,2}[）)])")
    points = {s for s in split_points(answer) if numbered.match(s)}
    why = {s: padding(s, tuple(titles)) for s in sentences}
    bad = [s for s in sentences if why[s] and not any(s in p for p in points) and not (why[s] == "ahead" and points)]
    return len(bad) / len(sentences) if sentences else 0.0


def split_points(answer: str) -> list[str]:
    """The lines of an answer (a numbered point is a line of its own)."""
    return [x for x in _MARKER.sub("", answer).split("\n") if x.strip()]


# ---------------------------------------------------------------- per question, per group
METRICS = {  # key: (label, applies to)
    "hit": ("hit@k", "answerable"),
    "recall": ("recall@k", "answerable"),
    "mrr": ("MRR@10", "answerable"),
    "ndcg": ("nDCG@10", "answerable"),
    "budget": ("hit in 1,500 chars", "answerable"),
    "refusal": ("refusal accuracy", "unanswerable"),
    "false_refusal": ("false refusals", "answerable"),
    "evidence": ("evidence recall", "answered"),
    "precision": ("citation precision", "answered"),
    "unsupported": ("unsupported sentences", "answered"),
    "in_script": ("in the asker's script", "all"),
    "twin": ("same top-k in the other script", "all"),
    "rouge": ("ROUGE-L F", "answered"),
    "carries": ("answer carries the evidence", "answered"),
    "first": ("first sentence carries it (fact)", "answered"),
    "padding": ("padding sentences", "answered"),
    "length": ("answer characters (median)", "answered"),
}
LOWER_IS_BETTER = {"false_refusal", "unsupported", "padding", "length"}
MEDIAN = {"length"}  # aggregated as the median, not the mean


def score(q: Question, o: Outcome, k: int = 5) -> dict[str, float | None]:
    """Every figure for one question and one configuration; None where it does not apply.

    >>> q = Question("x", "办公室做什么？", "simplified", "duty", (Gold("f", 1, "承上启下"),))
    >>> s = score(q, Outcome("x", "v", ("无关", "承上啟下的枢纽"), ("f#1", "f#1"), 1.0))
    >>> s["hit"], s["mrr"], s["refusal"], s["evidence"]
    (1.0, 0.5, None, None)
    """
    quotes = [g.quote for g in q.gold]
    ex = list(o.excerpts)
    out: dict[str, float | None] = dict.fromkeys(METRICS)
    if q.answerable:
        out.update(
            hit=hit_at(ex, quotes, k),
            recall=recall_at(ex, quotes, k),
            mrr=reciprocal_rank(ex, quotes),
            ndcg=ndcg_at(ex, quotes, 10),
            budget=hit_within(ex, quotes, 1500),
        )
    out["twin"] = o.twin
    if o.answered:
        out["in_script"] = float(detect_script(o.answer) == q.script or not o.answer.strip())
        if not q.answerable:
            out["refusal"] = float(o.refused)
        else:
            out["false_refusal"] = float(o.refused)
            if not o.refused:
                out["evidence"] = float(any(contains(t, g) for t in o.cited for g in quotes))
                out["precision"] = o.citation_precision
                out["unsupported"] = o.unsupported
                out["rouge"] = rouge_l(o.answer, q.answer)
                out["carries"] = float(carries(o.answer, quotes))
                sentences = answer_sentences(o.answer)
                if q.type == "fact":
                    out["first"] = float(bool(sentences) and carries(sentences[0], quotes))
                out["padding"] = padding_rate(o.answer)
                out["length"] = float(len(_content(o.answer)))
    return out


def percentile(xs: Sequence[float], p: float) -> float:
    """Linear-interpolated percentile (numpy's default), 0 for no data.

    >>> percentile([1, 2, 3, 4], 50), percentile([5], 95)
    (2.5, 5.0)
    """
    if not xs:
        return 0.0
    s = sorted(xs)
    at = (len(s) - 1) * p / 100
    lo = math.floor(at)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (at - lo)


def aggregate(scores: Sequence[dict[str, float | None]]) -> dict[str, float | None]:
    """Mean of each figure over the questions it applies to (None when it applies to none; the median
    for the MEDIAN figures), with the count of those questions under "n_<key>".

    >>> aggregate([{"hit": 1.0, "refusal": None}, {"hit": 0.0, "refusal": 1.0}])
    {'hit': 0.5, 'n_hit': 2, 'refusal': 1.0, 'n_refusal': 1}
    """
    out: dict[str, float | None] = {}
    for key in dict.fromkeys(k for s in scores for k in s):
        vals = [v for s in scores if (v := s.get(key)) is not None]
        if key in MEDIAN:
            out[key] = percentile(vals, 50) if vals else None
        else:
            out[key] = sum(vals) / len(vals) if vals else None
        out[f"n_{key}"] = len(vals)
    return out


def machine() -> dict[str, str]:
    """The computer a measurement runs on: CPU model and SIMD flags, cores, clock, memory, OS, Python, load."""
    info = {"python": platform.python_version(), "cores": f"{os.cpu_count()}"}
    if hasattr(os, "sched_getaffinity"):
        info["cores"] += f" ({len(os.sched_getaffinity(0))} usable by this process)"
    try:
        cpu = Path("/proc/cpuinfo").read_text()
        model = re.search(r"^(?:model name|Hardware|cpu model)\s*:\s*(.+)$", cpu, re.M)
        info["cpu"] = model.group(1).strip() if model else "unknown"
        flags = next((line for line in cpu.splitlines() if line.startswith("flags")), "")
        info["simd"] = " ".join(f for f in ("avx2", "avx512f", "avx512_vnni", "amx_int8") if f" {f}" in flags)
        mhz = [float(line.split(":")[1]) for line in cpu.splitlines() if line.startswith("cpu MHz")]
        info["mhz"] = f"{max(mhz):.0f}" if mhz else "?"
    except OSError:
        pass
    info["memory"] = f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.1f} GiB"
    info["os"] = f"{platform.system()} {platform.release()}"
    info["load average"] = " / ".join(f"{x:.2f}" for x in os.getloadavg()) + " (1 / 5 / 15 min)"
    return info
