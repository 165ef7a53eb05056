"""The default vector store: one FAISS file, `vectors.faiss`, inside the index folder.

Normalised vectors, inner product: exact IndexFlatIP, or HNSW when the manifest's kind says so
(above `hnsw_threshold` units). It is written into the build's temporary folder and swapped in
with the rest of the index, so it needs no cleanup of its own. Lexical search stays ragbot's BM25
(`lexical.npz` in the same folder). The only module that imports faiss.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import IndexInvalid
from .store import Filters, StoreSpec, allowed_ids

if TYPE_CHECKING:
    from .index import Manifest
    from .types import Chunk

FILE = "vectors.faiss"


class FaissStore:
    """A loaded `vectors.faiss`: dense search over rows, filtered by the chunks' rows."""

    lexical = False

    def __init__(
        self, spec: StoreSpec, index: Any, kind: str, chunks: Sequence[Chunk] | None, unit_start: np.ndarray
    ) -> None:
        self.spec = spec
        self.index = index
        self.kind = kind
        self.chunks = chunks
        self.unit_start = unit_start  # chunk i owns rows [unit_start[i], unit_start[i+1])

    @property
    def dim(self) -> int:
        return int(self.index.d)

    def count(self) -> int:
        return int(self.index.ntotal)

    def search(self, qvec: np.ndarray, n: int, filters: Filters | None) -> list[tuple[int, float]]:
        import faiss as _faiss

        faiss: Any = _faiss  # its stubs lack the search-parameter classes
        total = self.count()
        allowed = allowed_ids(self.chunks, filters) if self.chunks is not None else None
        if total == 0 or (allowed is not None and not allowed):
            return []
        params = None
        pool = total
        if allowed is not None:
            start = self.unit_start
            rows = np.concatenate([np.arange(start[c], start[c + 1]) for c in sorted(allowed)])
            pool = len(rows)
            sel = faiss.IDSelectorBatch(rows.astype(np.int64))
            params = (
                faiss.SearchParametersHNSW(sel=sel, efSearch=max(128, n * 8))
                if self.kind == "hnsw"
                else faiss.SearchParameters(sel=sel)
            )
        scores, ids = self.index.search(qvec[None, :].astype(np.float32), min(pool, n), params=params)
        return [(int(r), float(s)) for r, s in zip(ids[0], scores[0]) if r >= 0]

    def lexical_search(self, tokens: Sequence[str], n: int, filters: Filters | None) -> list[tuple[int, float]]:
        raise NotImplementedError("the folder store leaves BM25 to lexical.npz")

    def vectors(self) -> np.ndarray:
        n = self.count()
        return np.asarray(self.index.reconstruct_n(0, n)) if n else np.zeros((0, self.dim), np.float32)

    def take(self, rows: np.ndarray) -> np.ndarray:
        """The vectors of rows `rows`, in that order (the file is read whole, as `vectors`)."""
        return self.vectors()[np.asarray(rows, np.int64)]

    def close(self) -> None:
        self.index = None


class FaissBackend:
    def write(
        self,
        spec: StoreSpec,
        folder: Path,
        tmp: Path,
        manifest: Manifest,
        chunks: Sequence[Chunk],
        unit_keys: Sequence[Sequence[str]],
        blocks: Iterable[np.ndarray],
        reuse: bool = True,
        skipped: np.ndarray | None = None,
    ) -> dict[str, str]:
        import faiss

        if skipped is not None and skipped.any():  # the file holds every row: a build never skips one here
            raise ValueError("the folder store writes every vector; none can be skipped")

        # written through our own file object, so a failed write is an OSError that names its cause,
        # and streamed: no serialised copy of the index in memory
        with open(tmp / FILE, "wb") as f:
            faiss.write_index(_filled(blocks, manifest), faiss.PyCallbackIOWriter(f.write))  # type: ignore[attr-defined]
            f.flush()
            os.fsync(f.fileno())
        return {"backend": "faiss"}

    def kept(
        self,
        spec: StoreSpec,
        folder: Path,
        manifest: Manifest,
        chunks: Sequence[Chunk],
        unit_keys: Sequence[Sequence[str]],
    ) -> np.ndarray | None:
        """None: the file is written whole, every row's vector with it."""
        return None

    def open(
        self,
        spec: StoreSpec,
        folder: Path,
        manifest: Manifest,
        chunks: Sequence[Chunk] | None,
        unit_start: np.ndarray,
        ef_search: int,
    ) -> FaissStore:
        import faiss

        try:
            index: Any = faiss.read_index(str(folder / FILE))
        except RuntimeError as e:  # missing or truncated: faiss says so only in its message
            raise IndexInvalid(
                f"index at {folder}/ has an unreadable {FILE} ({str(e).strip().splitlines()[-1][:80]}); "
                "run `ragbot ingest --rebuild`"
            ) from None
        if manifest.kind == "hnsw":
            index.hnsw.efSearch = ef_search
        return FaissStore(spec, index, manifest.kind, chunks, unit_start)

    def retire(self, spec: StoreSpec, folder: Path, info: dict[str, str], keep: dict[str, str] | None) -> None:
        """Nothing to do: the file went with the replaced folder."""


def _filled(blocks: Iterable[np.ndarray], manifest: Manifest) -> Any:
    """The vector index of `manifest.kind`, filled block by block."""
    import faiss

    dim = manifest.dim
    index: Any
    if manifest.kind == "hnsw":
        index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 200
    else:
        index = faiss.IndexFlatIP(dim)
    for block in blocks:
        if len(block):
            index.add(np.ascontiguousarray(block, dtype=np.float32))
    return index


BACKEND = FaissBackend()
