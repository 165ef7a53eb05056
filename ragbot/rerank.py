"""Rerankers: a one-method Protocol and a registry; off by default.

No Chinese cross-encoder ships its weights on PyPI, so ragbot runs without one unless the user
names a sentence-transformers CrossEncoder they have (e.g. `BAAI/bge-reranker-v2-m3` with
internet, or a local folder). The interface follows AnswerDotAI/rerankers' `rank(query, docs)`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from .errors import ConfigError


class Reranker(Protocol):
    def rank(self, query: str, docs: Sequence[str]) -> list[float]:
        """A relevance score per document (higher is better)."""
        ...


class CrossEncoderReranker:
    """A sentence-transformers CrossEncoder by Hugging Face id or local folder."""

    def __init__(self, model: str) -> None:
        from sentence_transformers import CrossEncoder

        try:
            self.model = CrossEncoder(model, device="cpu")
        except Exception as e:
            raise ConfigError(
                f"cannot load reranker '{model}' ({type(e).__name__}); give a local CrossEncoder folder "
                "or a Hugging Face id with internet access, or leave the reranker off"
            ) from None

    def rank(self, query: str, docs: Sequence[str]) -> list[float]:
        if not docs:
            return []
        return [float(s) for s in self.model.predict([(query, d) for d in docs])]


# one entry per backend (a kind), every list of reranker kinds comes from here; a bare model is the first kind
REGISTRY: dict[str, Callable[[str], Reranker]] = {"cross-encoder": CrossEncoderReranker}


def make_reranker(spec: str) -> Reranker | None:
    """'' -> None (off); 'cross-encoder:MODEL' or a bare model id/folder -> a CrossEncoder."""
    if not spec:
        return None
    kind, _, model = spec.partition(":")
    if model:
        if kind not in REGISTRY:
            raise ConfigError(f"unknown reranker kind '{kind}'; valid kinds: {', '.join(REGISTRY)}")
        return REGISTRY[kind](model)
    return next(iter(REGISTRY.values()))(spec)
