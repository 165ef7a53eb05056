"""Fine-tune e5-small on the corpus (ragbot.tune) and compare retrieval with the default model's.

    python eval/tune.py --index index/ [--tuned-index DIR] [--retrain]

Tunes e5-small on the corpus as `ragbot tune` does (pipeline.tune_corpus: the model cached per corpus
in ~/.cache/ragbot/tuned/, about 6 minutes of training on the seed corpus, 2 cores), builds
`--tuned-index` with it, and prints hit@5 / MRR@10 per split and question type for dense and hybrid
search, both indexes side by side. Only answerable questions count; pairs never come from the question set.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

from ragbot import pipeline, render
from ragbot.config import Config
from ragbot.evaluate import hit_at, load_questions, reciprocal_rank

QUESTIONS = Path(__file__).with_name("questions.jsonl")


def retrieval(bots: dict[str, pipeline.Ragbot]) -> str:
    """A markdown table: hit@5 / MRR per split and type, one column per index, for dense and hybrid."""
    scores: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    questions = [q for q in load_questions(QUESTIONS) if q.answerable]
    for name, bot in bots.items():
        for mode in ("dense", "hybrid"):
            for q in questions:
                found = [h.text for h in bot.search(q.question, 10, mode).hits]
                quotes = [g.quote for g in q.gold]
                for key in (q.split, f"{q.split}/{q.type}"):
                    scores[(name, mode, key)].append((hit_at(found, quotes, 5), reciprocal_rank(found, quotes)))
    keys = sorted({k[2] for k in scores}, key=lambda k: (k.split("/")[0], "/" in k, k))
    lines = []
    for mode in ("dense", "hybrid"):
        lines += [
            f"\n{mode}: hit@5 / MRR@10\n",
            "| questions | n | " + " | ".join(bots) + " |",
            "|---|---|" + "---|" * len(bots),
        ]
        for key in keys:
            cells = [scores[(name, mode, key)] for name in bots]
            figures = " | ".join(
                f"{sum(h for h, _ in c) / len(c):.3f} / {sum(m for _, m in c) / len(c):.3f}" for c in cells
            )
            lines.append(f"| {key} | {len(cells[0])} | {figures} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", default="index", help="an index built with the default model")
    ap.add_argument("--tuned-index", default="/tmp/ragbot-tuned-index", help="the index built with the tuned model")
    ap.add_argument("--retrain", action="store_true", help="train again even if the cache has this corpus's model")
    args = ap.parse_args()
    base = pipeline.Ragbot(Config.load(index=args.index))
    config = Config.load(index=args.tuned_index)
    tuned = pipeline.tune_corpus(pipeline.ingest([config.corpus], config), args.retrain, render.progress_bar(True))
    if tuned.notice:
        sys.exit(f"eval/tune.py: {tuned.notice}")
    how = f"trained on {tuned.pairs} pairs in {tuned.seconds:.0f} s" if tuned.trained else "found in the cache"
    print(f"tuned model {tuned.embedder} ({how})", file=sys.stderr)
    config = config.with_overrides(embedder=tuned.embedder)
    t1 = time.perf_counter()
    pipeline.build_index([Path(config.corpus)], config)
    print(f"tuned index built in {time.perf_counter() - t1:.1f} s", file=sys.stderr)
    print(retrieval({"default": base, "tuned": pipeline.Ragbot(config)}))


if __name__ == "__main__":
    main()
