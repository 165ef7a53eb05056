"""Answer quality on the development question set, and calibration of the refusal threshold.

    .venv/bin/python eval/answers.py [--index index] [--generator extractive] [--calibrate]

Per question it asks the pipeline (the same Answerer the CLI and app use) and measures:
refusal accuracy on unanswerable questions, false refusals on answerable ones, evidence recall
(a gold quote inside the cited excerpts), citation precision (as the generator wrote them),
unsupported-sentence rate, answers in the asker's script, and latency p50/p95.
--calibrate sweeps the refusal thresholds over the best-evidence scores and prints both error
rates; it recommends the pair with the most refusals of unanswerable questions at no more than 5%
false refusals. --calibrate-support sweeps cite.py's support threshold on reference-answer
sentences against their gold passage and against other retrieved passages.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ragbot.config import Config  # noqa: E402
from ragbot.evaluate import Question, contains, load_questions, rouge_l  # noqa: E402
from ragbot.lexical import tokenize  # noqa: E402
from ragbot.pipeline import Answerer, Ragbot, candidates, evidence, prepare_query  # noqa: E402
from ragbot.script import detect_script, fold  # noqa: E402


def evidence_scores(bot: Ragbot, questions: list[Question]) -> list[tuple[float, bool]]:
    from ragbot.retrieve import search

    out = []
    for q in questions:
        text, _ = prepare_query(q.question, bot.config.max_query_chars)
        qvec = bot.embedder.embed_query(fold(text))
        tokens = tokenize(text)
        hits = search(bot.index, qvec, tokens, bot.settings(), None, None, text)
        out.append(evidence(text, candidates(bot.index, hits, qvec, tokens), hits, tokens))
    return out


def calibrate(scores: list[tuple[float, bool]], answerable: list[bool], max_false: float = 0.05) -> None:
    """Grid over (general, quantity) thresholds: the most refusals of unanswerable questions
    with at most `max_false` false refusals of answerable ones."""
    s = np.array([x for x, _ in scores])
    qty = np.array([k for _, k in scores])
    ok = np.array(answerable)
    print(
        f"answerable n={ok.sum()} (quantity {int((qty & ok).sum())}), unanswerable n={(~ok).sum()} "
        f"(quantity {int((qty & ~ok).sum())})\n"
    )
    grid = np.round(np.arange(0.850, 0.941, 0.002), 3)
    best: tuple[float, float, float, float] | None = None
    print("| general | quantity | refusal accuracy | false refusals |\n|---|---|---|---|")
    for tg in grid:
        for tq in grid:
            refused = np.where(qty, s < tq, s < tg)
            ra, fr = float(refused[~ok].mean()), float(refused[ok].mean())
            if fr <= max_false and (best is None or (ra, -fr) > (best[2], -best[3])):
                best = (float(tg), float(tq), ra, fr)
    for t in grid[::5]:
        refused = s < t
        print(f"| {t:.3f} | {t:.3f} | {refused[~ok].mean():.3f} | {refused[ok].mean():.3f} |")
    if best:
        print(
            f"\nrecommended: refusal_threshold = {best[0]:.3f}, refusal_threshold_quantity = {best[1]:.3f} "
            f"(refusal accuracy {best[2]:.3f}, false refusals {best[3]:.3f})"
        )


def calibrate_support(bot: Ragbot, questions: list[Question]) -> None:
    """Reference-answer sentences (written in other words, like an LLM's) against the passage
    holding their gold quote (should support) and against retrieved passages without it (should not)."""
    from ragbot.cite import markers, split_sentences, support

    pos, neg = [], []
    for q in (q for q in questions if q.answerable):
        gold = [c.text for c in bot.index.chunks if any(contains(c.text, g.quote) for g in q.gold)]
        others = [
            h.text for h in bot.search(q.question, k=5).hits if not any(contains(h.text, g.quote) for g in q.gold)
        ]
        for s in split_sentences(q.answer):
            text, _ = markers(s)
            pos.append(max(support(text, g) for g in gold))
            if others:
                neg.append(max(support(text, o) for o in others[:2]))
    p, n = np.array(pos), np.array(neg)
    print(
        f"{len(p)} supported pairs, {len(n)} unsupported pairs\n\n| threshold | kept (true) | accepted (false) |\n|---|---|---|"
    )
    for t in np.arange(0.30, 0.71, 0.05):
        print(f"| {t:.2f} | {(p >= t).mean():.3f} | {(n >= t).mean():.3f} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", default=str(ROOT / "index"))
    ap.add_argument("--questions", default=str(ROOT / "eval" / "questions.jsonl"))
    ap.add_argument("--generator", default="extractive")
    ap.add_argument("--calibrate", action="store_true", help="sweep the refusal thresholds")
    ap.add_argument("--calibrate-support", action="store_true", help="sweep the citation support threshold")
    ap.add_argument("--set", nargs="*", default=[], metavar="KEY=VALUE")
    args = ap.parse_args()
    config = Config.load().with_overrides(
        index=args.index, generator=args.generator, **dict(kv.split("=", 1) for kv in args.set)
    )
    bot = Ragbot(config)
    questions = load_questions(args.questions)
    if args.calibrate:
        calibrate(evidence_scores(bot, questions), [q.answerable for q in questions])
        return
    if args.calibrate_support:
        calibrate_support(bot, questions)
        return
    answerer = Answerer(bot)
    answerer.ask(questions[0].question)  # warm up: model, index, jieba
    lat, refused_u, refused_a, recall, precision, unsupported, in_script, rouge = [], [], [], [], [], [], [], []
    for q in questions:
        t = time.perf_counter()
        a = answerer.ask(q.question)
        lat.append((time.perf_counter() - t) * 1000)
        in_script.append(detect_script(a.text) == q.script or not a.text)
        if not q.answerable:
            refused_u.append(a.refused)
            continue
        refused_a.append(a.refused)
        if a.refused:
            continue
        cited = [c.text for c in a.citations]
        recall.append(any(contains(t, g.quote) for t in cited for g in q.gold))
        precision.append(a.citation_precision)
        rouge.append(rouge_l(a.text, q.answer))
        unsupported.append(sum(not s.supported for s in a.sentences) / max(1, len(a.sentences)))
    print(f"## Answers ({args.generator}) on {len(questions)} questions\n")
    print("| metric | value |\n|---|---|")
    print(f"| refusal accuracy (unanswerable, n={len(refused_u)}) | {statistics.mean(refused_u):.3f} |")
    print(f"| false refusals (answerable, n={len(refused_a)}) | {statistics.mean(refused_a):.3f} |")
    print(f"| evidence recall (gold quote in cited excerpts) | {statistics.mean(recall):.3f} |")
    print(f"| citation precision | {statistics.mean(precision):.3f} |")
    print(f"| unsupported sentences | {statistics.mean(unsupported):.3f} |")
    print(f"| answered in the asker's script | {statistics.mean(in_script):.3f} |")
    print(f"| ROUGE-L F (characters) against the reference answer | {statistics.mean(rouge):.3f} |")
    print(f"| ask latency p50 / p95 ms | {statistics.median(lat):.1f} / {float(np.percentile(lat, 95)):.1f} |")


if __name__ == "__main__":
    main()
