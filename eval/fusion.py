"""Fusion settings (dense weight, RRF k, depth) chosen by cross-validation over the question set.

    .venv/bin/python eval/fusion.py [--index index]

Every answerable question is embedded and tokenised once; hybrid search (`ragbot.retrieve.search`,
the function answering uses) then runs for each setting of a grid, and hit@5, MRR@10 and hit in the
first 1,500 characters are scored as `ragbot eval` scores them (`ragbot.evaluate`). The BM25 weight
stays 1 (only the ratio matters). It prints the current settings, the best on the dev split (and how
that does on the held-out split), and a 5-fold cross-validation over all answerable questions: the
setting with the best hit in 1,500 characters + MRR on four folds, measured on the fifth, against the
current settings on the same folds. Ties keep the current settings. The defaults in ragbot/config.py
are the cross-validated choice.

The criterion is hit in 1,500 characters, not hit@5: deeper candidate lists let more touching chunks
join the top excerpts (`retrieve.merge_groups`), so the top five grow longer and hold the gold more
often without being ranked better (depth 100: 22% more characters, hit@5 up, hit in 1,500 characters
down).
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ragbot.config import Config  # noqa: E402
from ragbot.evaluate import hit_at, hit_within, load_questions, reciprocal_rank  # noqa: E402
from ragbot.lexical import tokenize  # noqa: E402
from ragbot.pipeline import Ragbot  # noqa: E402
from ragbot.retrieve import SearchSettings, search  # noqa: E402
from ragbot.script import fold  # noqa: E402

Setting = tuple[float, float, int]  # dense weight, rrf k, depth
GRID: list[Setting] = list(
    itertools.product([0.5, 0.75, 1.0, 1.25, 1.5, 2.0], [10.0, 30.0, 60.0, 100.0], [20, 30, 50, 100, 150])
)
FOLDS = 5


def score_grid(config: Config, grid: Sequence[Setting]) -> tuple[dict[Setting, np.ndarray], np.ndarray]:
    """(per setting: hit@5, reciprocal rank and hit in 1,500 characters of every answerable question,
    each question's split)."""
    bot = Ragbot(config)
    questions = [q for q in load_questions(ROOT / "eval" / "questions.jsonl") if q.answerable]
    queries = [(bot.embedder.embed_query(fold(q.question)), tokenize(q.question)) for q in questions]
    out = {}
    for dense, k0, depth in grid:
        settings = SearchSettings(
            10,
            "hybrid",
            depth,
            dense,
            1.0,
            k0,
            config.merge_max_chars,
            config.synonyms,
            config.anchor_weight,
            config.section_weight,
        )
        rows = []
        for q, (qvec, tokens) in zip(questions, queries):
            texts = [h.text for h in search(bot.index, qvec, tokens, settings, query=q.question)]
            quotes = [g.quote for g in q.gold]
            rows.append((hit_at(texts, quotes, 5), reciprocal_rank(texts, quotes), hit_within(texts, quotes, 1500)))
        out[(dense, k0, depth)] = np.array(rows)
    return out, np.array([q.split for q in questions])


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", default="index")
    args = ap.parse_args(argv)
    config = Config.load(index=args.index)
    current: Setting = (config.dense_weight / config.bm25_weight, config.rrf_k, config.depth)
    grid = sorted(set(GRID) | {current})
    scores, split = score_grid(config, grid)

    def value(s: Setting, mask: np.ndarray) -> tuple[float, bool]:
        m = scores[s][mask].mean(0)
        return float(m[1] + m[2]), s == current  # MRR + hit in 1,500 characters; ties keep the current

    def line(label: str, s: Setting) -> str:
        d, h = scores[s][split == "dev"].mean(0), scores[s][split == "heldout"].mean(0)
        return (
            f"| {label} | {s[0]:g} | {s[1]:g} | {s[2]} | {d[0]:.3f} | {d[1]:.3f} | {d[2]:.3f} "
            f"| {h[0]:.3f} | {h[1]:.3f} | {h[2]:.3f} |"
        )

    print(
        "| settings | dense weight | rrf k | depth | dev hit@5 | dev MRR | dev hit in 1,500 chars "
        "| held-out hit@5 | held-out MRR | held-out hit in 1,500 chars |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    print(line("current", current))
    print(line("best on dev", max(grid, key=lambda s: value(s, split == "dev"))))
    order = list(range(len(split)))
    random.Random(0).shuffle(order)
    chosen, cv, base = [], [], []
    for f in range(FOLDS):
        test = np.zeros(len(split), bool)
        test[order[f::FOLDS]] = True
        pick = max(grid, key=lambda s: value(s, ~test))
        chosen.append(pick)
        cv.append(scores[pick][test].mean(0))
        base.append(scores[current][test].mean(0))
    c, b = np.mean(cv, 0), np.mean(base, 0)
    print(f"\n{FOLDS}-fold cross-validation, chosen per fold: {', '.join(f'{s[0]:g}/{s[1]:g}/{s[2]}' for s in chosen)}")
    print(
        f"hit@5 {c[0]:.3f}, MRR {c[1]:.3f}, hit in 1,500 chars {c[2]:.3f} on the held-out folds "
        f"(current settings: {b[0]:.3f}, {b[1]:.3f}, {b[2]:.3f})"
    )


if __name__ == "__main__":
    main()
