"""Calibration of the refusal thresholds (and of cite.py's support threshold) on the question set.

    .venv/bin/python eval/calibrate.py [--index index] [--calibrate] [--calibrate-support] [--set KEY=VALUE …]

Refusal thresholds (the default, or --calibrate): every question's best-evidence score and whether it
asks for a quantity come from `Answerer.evidence`, the very function answering decides on. The
thresholds are swept over a grid; refusal accuracy (unanswerable questions refused) and false
refusals (answerable ones refused) are scored by `ragbot.evaluate`, as `ragbot eval` scores them.
It recommends the (general, quantity) pair with the most refusals of unanswerable questions at
no more than 5% false refusals.

--calibrate-support sweeps cite.py's support threshold on reference-answer sentences against their
gold passage (should support) and against other retrieved passages (should not).

Answer quality (refusals, evidence recall, citation precision, latency …) is `ragbot eval`'s report.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ragbot.answer import Answerer, Evidence  # noqa: E402
from ragbot.cite import markers, split_sentences, support  # noqa: E402
from ragbot.config import Config  # noqa: E402
from ragbot.evaluate import Question, aggregate, contains, load_questions, score  # noqa: E402
from ragbot.pipeline import Ragbot  # noqa: E402
from ragbot.types import Outcome  # noqa: E402

MAX_FALSE_REFUSALS = 0.05
GRID = np.round(np.arange(0.850, 0.941, 0.002), 3)


def evidence(bot: Ragbot, questions: Sequence[Question]) -> list[Evidence]:
    """What answering weighs for each question (its best evidence, whether it asks for a quantity)."""
    answerer = Answerer(bot)
    return [answerer.evidence(q.question) for q in questions]


class Rates:
    """(refusal accuracy, false refusals) of a refusal decision per question, scored by ragbot.evaluate."""

    def __init__(self, questions: Sequence[Question]) -> None:
        self.questions = questions
        self._scores: dict[tuple[int, bool], dict[str, float | None]] = {}

    def _score(self, i: int, refused: bool) -> dict[str, float | None]:
        key = (i, refused)
        if key not in self._scores:
            q = self.questions[i]
            self._scores[key] = score(q, Outcome(q.id, "calibrate", (), (), 0.0, answered=True, refused=refused))
        return self._scores[key]

    def __call__(self, refused: Sequence[bool]) -> tuple[float, float]:
        agg = aggregate([self._score(i, bool(r)) for i, r in enumerate(refused)])
        return agg.get("refusal") or 0.0, agg.get("false_refusal") or 0.0


def calibrate(questions: Sequence[Question], found: Sequence[Evidence], max_false: float = MAX_FALSE_REFUSALS) -> None:
    """Grid over (general, quantity) thresholds: the most refusals of unanswerable questions
    with at most `max_false` false refusals of answerable ones."""
    s = np.array([e.best for e in found])
    qty = np.array([e.quantity for e in found])
    ok = np.array([q.answerable for q in questions])
    rates = Rates(questions)
    print(
        f"answerable n={ok.sum()} (quantity {int((qty & ok).sum())}), unanswerable n={(~ok).sum()} "
        f"(quantity {int((qty & ~ok).sum())})\n"
    )
    best: tuple[float, float, float, float] | None = None
    print("| general | quantity | refusal accuracy | false refusals |\n|---|---|---|---|")
    for tg in GRID:
        for tq in GRID:
            ra, fr = rates(np.where(qty, s < tq, s < tg))
            if fr <= max_false and (best is None or (ra, -fr) > (best[2], -best[3])):
                best = (float(tg), float(tq), ra, fr)
    for t in GRID[::5]:
        ra, fr = rates(s < t)
        print(f"| {t:.3f} | {t:.3f} | {ra:.3f} | {fr:.3f} |")
    if best:
        print(
            f"\nrecommended: refusal_threshold = {best[0]:.3f}, refusal_threshold_quantity = {best[1]:.3f} "
            f"(refusal accuracy {best[2]:.3f}, false refusals {best[3]:.3f})"
        )


def calibrate_support(bot: Ragbot, questions: Sequence[Question]) -> None:
    """Reference-answer sentences (written in other words, like an LLM's) against the passage
    holding their gold quote (should support) and against retrieved passages without it (should not)."""
    pos, neg = [], []
    for q in (q for q in questions if q.answerable):
        gold = [c.text for c in bot.index.chunks if any(contains(c.text, g.quote) for g in q.gold)]
        others = [
            h.text for h in bot.search(q.question, k=5).hits if not any(contains(h.text, g.quote) for g in q.gold)
        ]
        for sentence in split_sentences(q.answer):
            text, _ = markers(sentence)
            pos.append(max(support(text, g) for g in gold))
            if others:
                neg.append(max(support(text, o) for o in others[:2]))
    p, n = np.array(pos), np.array(neg)
    print(
        f"{len(p)} supported pairs, {len(n)} unsupported pairs\n\n| threshold | kept (true) | accepted (false) |\n|---|---|---|"
    )
    for t in np.arange(0.30, 0.71, 0.05):
        print(f"| {t:.2f} | {(p >= t).mean():.3f} | {(n >= t).mean():.3f} |")


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", default=str(ROOT / "index"))
    ap.add_argument("--questions", default=str(ROOT / "eval" / "questions.jsonl"))
    ap.add_argument("--calibrate", action="store_true", help="sweep the refusal thresholds (the default)")
    ap.add_argument("--calibrate-support", action="store_true", help="sweep the citation support threshold")
    ap.add_argument("--set", nargs="*", default=[], metavar="KEY=VALUE", help="configuration overrides")
    args = ap.parse_args(argv)
    config = Config.load().with_overrides(index=args.index, **dict(kv.split("=", 1) for kv in args.set))
    bot = Ragbot(config)
    questions = load_questions(args.questions)
    if args.calibrate or not args.calibrate_support:
        calibrate(questions, evidence(bot, questions))
    if args.calibrate_support:
        calibrate_support(bot, questions)


if __name__ == "__main__":
    main()
