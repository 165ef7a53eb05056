"""Measure the tuned model's dense ranking fused beside the default one, as `ragbot eval` does.

    python eval/fused.py WEIGHT TUNED_INDEX -- eval --index index/ --config hybrid --out DIR

TUNED_INDEX is the index `eval/tune.py --tuned-index` built with the tuned model (same corpus, same
chunks). Every search then adds that index's dense ranking for the question, at WEIGHT times the dense
weight, to the reciprocal-rank fusion of the default index; the rest of `ragbot eval` runs unchanged,
so its rows compare with a plain run's (the thirty-sixth session's measurement in the README). A
measurement only: ragbot itself never searches two models.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from ragbot import answer, cli, pipeline, retrieve
from ragbot.config import Config


def main() -> None:
    if "--" not in sys.argv or len(sys.argv) < 4:
        sys.exit(__doc__)
    weight, tuned_dir, rest = float(sys.argv[1]), sys.argv[2], sys.argv[sys.argv.index("--") + 1 :]
    tuned = pipeline.Ragbot(Config.load(index=tuned_dir).with_overrides(embedder="tuned"))
    state: dict[str, Any] = {"query": "", "ranking": None}
    dense, rrf, search = retrieve.dense_ranking, retrieve.rrf, retrieve.search

    def searching(*args: Any, **kwargs: Any) -> list[Any]:
        state["query"] = kwargs.get("query", args[6] if len(args) > 6 else "")
        try:
            return search(*args, **kwargs)
        finally:
            state["ranking"] = None

    def ranking(index: Any, qvec: Any, n: int, filters: Any) -> list[tuple[int, float]]:
        if state["query"]:
            if [c.text for c in tuned.index.chunks] != [c.text for c in index.chunks]:
                sys.exit("eval/fused.py: the two indexes hold different chunks; build both from one corpus")
            vector = tuned.embedder.embed_query(state["query"])
            state["ranking"] = [i for i, _ in dense(tuned.index, vector, n, filters)]
        return dense(index, qvec, n, filters)

    def fused(rankings: Sequence[Sequence[int]], weights: Sequence[float], k0: float = Config.rrf_k) -> Any:
        if state["ranking"] is not None and len(rankings) >= 2:  # hybrid: dense and BM25 (and the rest)
            rankings, weights = [*rankings, state["ranking"]], [*weights, weight * weights[0]]
        return rrf(rankings, weights, k0)

    setattr(retrieve, "dense_ranking", ranking)  # noqa: B010 - patched for the measurement only
    setattr(retrieve, "rrf", fused)  # noqa: B010
    for module in (answer, pipeline, retrieve):  # each holds its own name for `search`
        setattr(module, "search", searching)  # noqa: B010
    sys.argv = ["ragbot", *rest]
    sys.exit(cli.main())


if __name__ == "__main__":
    main()
