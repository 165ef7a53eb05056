"""Retrieval quality on the development question set: hit@k, recall@k and MRR per search mode.

    .venv/bin/python eval/retrieval.py [--index index] [--k 5] [--modes bm25 dense hybrid]
                                       [--set dense_weight=1.2 ...] [--misses]

Uses the built index (run `ragbot ingest` first) and the same Ragbot session the app uses.
Answerable questions only; MRR looks at the top 10. Prints markdown tables: overall, then by
question type and by question script.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ragbot.config import Config  # noqa: E402
from ragbot.evaluate import RetrievalScores, load_questions  # noqa: E402
from ragbot.pipeline import Ragbot  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", default=str(ROOT / "index"))
    ap.add_argument("--questions", default=str(ROOT / "eval" / "questions.jsonl"))
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--modes", nargs="+", default=["bm25", "dense", "hybrid"])
    ap.add_argument("--set", nargs="*", default=[], metavar="KEY=VALUE", help="config overrides")
    ap.add_argument("--misses", action="store_true", help="list the questions hybrid missed")
    args = ap.parse_args()
    overrides = dict(kv.split("=", 1) for kv in args.set)
    config = Config.load().with_overrides(index=args.index, **overrides)
    bot = Ragbot(config)
    questions = [q for q in load_questions(args.questions) if q.answerable]
    overall: dict[str, RetrievalScores] = {}
    by_type: dict[tuple[str, str], RetrievalScores] = defaultdict(RetrievalScores)
    by_script: dict[tuple[str, str], RetrievalScores] = defaultdict(RetrievalScores)
    for mode in args.modes:
        overall[mode] = RetrievalScores()
        for q in questions:
            hits = bot.search(q.question, k=10, mode=mode).hits
            texts = [h.text for h in hits]
            quotes = [g.quote for g in q.gold]
            for s in (overall[mode], by_type[(mode, q.type)], by_script[(mode, q.script)]):
                s.add(q.id, texts, quotes, args.k)
    k = args.k
    print(f"## Retrieval on {len(questions)} answerable questions (k={k})\n")
    print(f"| mode | hit@{k} | recall@{k} | MRR@10 | nDCG@10 | hit in 1,500 chars |\n|---|---|---|---|---|---|")
    for mode, s in overall.items():
        m = s.means()
        print(f"| {mode} | {m['hit']:.3f} | {m['recall']:.3f} | {m['mrr']:.3f} | {m['ndcg']:.3f} | {m['budget']:.3f} |")
    for title, table in (("type", by_type), ("script", by_script)):
        groups = sorted({g for _, g in table})
        print(f"\n### hit@{k} by question {title}\n")
        print("| mode | " + " | ".join(f"{g} (n={table[(args.modes[0], g)].n})" for g in groups) + " |")
        print("|---|" + "---|" * len(groups))
        for mode in args.modes:
            print(f"| {mode} | " + " | ".join(f"{table[(mode, g)].means()['hit']:.2f}" for g in groups) + " |")
    if args.misses:
        mode = args.modes[-1]
        byid = {q.id: q for q in questions}
        print(f"\n### {mode} misses\n")
        for qid in overall[mode].misses:
            q = byid[qid]
            print(
                f"- {qid} [{q.type}/{q.script}] {q.question}  gold: {q.gold[0].file}#{q.gold[0].speech} {q.gold[0].quote}"
            )


if __name__ == "__main__":
    main()
