"""Answer quality on the development question set, and calibration of the refusal threshold.

    .venv/bin/python eval/answers.py [--index index] [--generator extractive] [--calibrate]

Per question it asks the pipeline (the same Answerer the CLI and app use) and measures:
refusal accuracy on unanswerable questions, false refusals on answerable ones, evidence recall
(a gold quote inside the cited excerpts), citation precision (as the generator wrote them),
unsupported-sentence rate, answers in the asker's script, and latency p50/p95.
--calibrate sweeps the refusal threshold over the best-evidence scores and prints, for each,
both error rates; it recommends the highest threshold whose false-refusal rate is at most 5%.
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
from ragbot.evaluate import Question, contains, load_questions  # noqa: E402
from ragbot.lexical import tokenize  # noqa: E402
from ragbot.pipeline import Answerer, Ragbot, candidates, prepare_query  # noqa: E402
from ragbot.script import detect_script, fold  # noqa: E402


def evidence_scores(bot: Ragbot, questions: list[Question]) -> list[float]:
    out = []
    for q in questions:
        text, _ = prepare_query(q.question, bot.config.max_query_chars)
        qvec = bot.embedder.embed_query(fold(text))
        tokens = tokenize(text)
        from ragbot.retrieve import search

        hits = search(bot.index, qvec, tokens, bot.settings(), None, None, text)
        out.append(max((c.similarity for c in candidates(bot.index, hits, qvec, tokens)), default=0.0))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", default=str(ROOT / "index"))
    ap.add_argument("--questions", default=str(ROOT / "eval" / "questions.jsonl"))
    ap.add_argument("--generator", default="extractive")
    ap.add_argument("--calibrate", action="store_true")
    ap.add_argument("--set", nargs="*", default=[], metavar="KEY=VALUE")
    args = ap.parse_args()
    config = Config.load().with_overrides(
        index=args.index, generator=args.generator, **dict(kv.split("=", 1) for kv in args.set)
    )
    bot = Ragbot(config)
    questions = load_questions(args.questions)
    if args.calibrate:
        scores = evidence_scores(bot, questions)
        ans = np.array([s for s, q in zip(scores, questions) if q.answerable])
        una = np.array([s for s, q in zip(scores, questions) if not q.answerable])
        print(
            f"answerable n={len(ans)} evidence min {ans.min():.3f} p5 {np.percentile(ans, 5):.3f} median {np.median(ans):.3f}"
        )
        print(f"unanswerable n={len(una)} evidence max {una.max():.3f} median {np.median(una):.3f}")
        print("| threshold | refusal accuracy (unanswerable) | false refusals (answerable) |\n|---|---|---|")
        best = None
        for t in np.arange(0.850, 0.950, 0.002):
            ra, fr = float((una < t).mean()), float((ans < t).mean())
            print(f"| {t:.3f} | {ra:.3f} | {fr:.3f} |")
            if fr <= 0.05:
                best = (t, ra, fr)
        if best:
            print(
                f"\nrecommended refusal_threshold = {best[0]:.3f} (refusal accuracy {best[1]:.3f}, false refusals {best[2]:.3f})"
            )
        return
    answerer = Answerer(bot)
    answerer.ask(questions[0].question)  # warm up: model, index, jieba
    lat, refused_u, refused_a, recall, precision, unsupported, in_script = [], [], [], [], [], [], []
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
        unsupported.append(sum(not s.supported for s in a.sentences) / max(1, len(a.sentences)))
    print(f"## Answers ({args.generator}) on {len(questions)} questions\n")
    print("| metric | value |\n|---|---|")
    print(f"| refusal accuracy (unanswerable, n={len(refused_u)}) | {statistics.mean(refused_u):.3f} |")
    print(f"| false refusals (answerable, n={len(refused_a)}) | {statistics.mean(refused_a):.3f} |")
    print(f"| evidence recall (gold quote in cited excerpts) | {statistics.mean(recall):.3f} |")
    print(f"| citation precision | {statistics.mean(precision):.3f} |")
    print(f"| unsupported sentences | {statistics.mean(unsupported):.3f} |")
    print(f"| answered in the asker's script | {statistics.mean(in_script):.3f} |")
    print(f"| ask latency p50 / p95 ms | {statistics.median(lat):.1f} / {float(np.percentile(lat, 95)):.1f} |")


if __name__ == "__main__":
    main()
