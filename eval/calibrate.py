"""Calibration of the refusal thresholds (and of cite.py's support threshold) on the question set.

    .venv/bin/python eval/calibrate.py [--index index] [--calibrate] [--calibrate-support] [--set KEY=VALUE …]

Refusal thresholds (the default, or --calibrate): every question's best-evidence score and whether it
asks for a quantity come from `Answerer.evidence`, the very function answering decides on. The
thresholds are swept over a grid; refusal accuracy (unanswerable questions refused) and false
refusals (answerable ones refused) are scored by `ragbot.evaluate`, as `ragbot eval` scores them.
It recommends the (general, quantity) pair with the most refusals of unanswerable questions at
no more than 5% false refusals on the calibration split (`--split`, dev by default), then reports
that pair on the questions not used for calibration (the held-out split) and the figures of a
5-fold cross-validation over all questions (thresholds chosen on four folds, measured on the fifth).

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

    def __call__(self, refused: Sequence[bool] | np.ndarray) -> tuple[float, float]:
        return self.among(refused, [True] * len(refused))

    def among(self, refused: Sequence[bool] | np.ndarray, keep: Sequence[bool] | np.ndarray) -> tuple[float, float]:
        """(refusal accuracy, false refusals) over the questions `keep` marks."""
        agg = aggregate([self._score(i, bool(r)) for i, (r, k) in enumerate(zip(refused, keep)) if k])
        return agg.get("refusal") or 0.0, agg.get("false_refusal") or 0.0


def _best_pair(
    found: Sequence[Evidence], questions: Sequence[Question], rates: Rates, keep: np.ndarray, max_false: float
) -> tuple[float, float, float, float] | None:
    """The (general, quantity) thresholds with the most refusals of unanswerable questions among `keep`
    at no more than `max_false` false refusals there: (general, quantity, refusal accuracy, false refusals)."""
    s = np.array([e.best for e in found])
    qty = np.array([e.quantity for e in found])
    best: tuple[float, float, float, float] | None = None
    for tg in GRID:
        for tq in GRID:
            refused = np.where(qty, s < tq, s < tg)
            ra, fr = rates.among(refused, keep)
            if fr <= max_false and (best is None or (ra, -fr) > (best[2], -best[3])):
                best = (float(tg), float(tq), ra, fr)
    return best


def calibrate(
    questions: Sequence[Question], found: Sequence[Evidence], split: str = "dev", max_false: float = MAX_FALSE_REFUSALS
) -> None:
    """Thresholds calibrated on `split`, reported on the other questions and cross-validated."""
    s = np.array([e.best for e in found])
    qty = np.array([e.quantity for e in found])
    ok = np.array([q.answerable for q in questions])
    on = np.array([q.split == split for q in questions])
    rates = Rates(questions)
    print(
        f"calibrating on the {split} split: answerable n={(ok & on).sum()} (quantity {int((qty & ok & on).sum())}), "
        f"unanswerable n={(~ok & on).sum()} (quantity {int((qty & ~ok & on).sum())})\n"
    )
    print("| general | quantity | refusal accuracy | false refusals |\n|---|---|---|---|")
    for t in GRID[::5]:
        ra, fr = rates.among(s < t, on)
        print(f"| {t:.3f} | {t:.3f} | {ra:.3f} | {fr:.3f} |")
    best = _best_pair(found, questions, rates, on, max_false)
    if best is None:
        print(f"\nno thresholds keep false refusals at or under {max_false:.0%} on {split}")
        return
    refused = np.where(qty, s < best[1], s < best[0])
    ra, fr = rates.among(refused, ~on)
    print(
        f"\nrecommended: refusal_threshold = {best[0]:.3f}, refusal_threshold_quantity = {best[1]:.3f} "
        f"(on {split}: refusal accuracy {best[2]:.3f}, false refusals {best[3]:.3f}; on the other "
        f"{(~on).sum()} questions: refusal accuracy {ra:.3f}, false refusals {fr:.3f})"
    )
    folds = np.arange(len(questions)) % 5
    np.random.default_rng(0).shuffle(folds)
    outs = []
    for k in range(5):
        pair = _best_pair(found, questions, rates, folds != k, max_false)
        if pair is not None:
            outs.append(rates.among(np.where(qty, s < pair[1], s < pair[0]), folds == k))
    if outs:
        print(
            f"5-fold cross-validation: refusal accuracy {np.mean([o[0] for o in outs]):.3f}, "
            f"false refusals {np.mean([o[1] for o in outs]):.3f} (mean over the held-out folds)"
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
    ap.add_argument("--split", default="dev", help="calibrate on this split; report on the others (default dev)")
    ap.add_argument("--set", nargs="*", default=[], metavar="KEY=VALUE", help="configuration overrides")
    args = ap.parse_args(argv)
    config = Config.load().with_overrides(index=args.index, **dict(kv.split("=", 1) for kv in args.set))
    bot = Ragbot(config)
    questions = load_questions(args.questions)
    if args.calibrate or not args.calibrate_support:
        calibrate(questions, evidence(bot, questions), args.split)
    if args.calibrate_support:
        calibrate_support(bot, questions)


if __name__ == "__main__":
    main()
