"""What an update can take over from the live index, and what it need not touch.

  previous_keys(folder)          the live manifest and each row's key (texts and vectors stay where they are)
  kept_rows(folder, spec, …)     rows of the new catalogue the store keeps in place: an update of a Milvus
                                 collection keeps every row whose stable id and content are unchanged
                                 (milvus_rows.py), so the build neither reads, makes nor writes their vectors
  fill(folder, …)                the rows the build does write whose text the live index has: their vectors,
                                 read back for just those rows (Milvus: pages of 500 ids; the folder store
                                 reads its file whole, as before)

So a one-file update on Milvus reads back at most the changed file's rows (those of its chunks that moved
or were re-cut but kept a sentence), not every live vector. The catalogue's sentence matrix
(`Index.matrix`, for answering and phrase search) is another matter: it is read whole, once, by the first
question an index answers, not by the build (see docs/scale.md).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .config import Config
from .errors import RagbotError
from .index import Manifest, read_manifest
from .store import StoreSpec, backend, spec_of
from .types import Chunk
from .units import Rows


def previous_keys(folder: Path) -> tuple[Manifest, list[str]] | None:
    """What an update can reuse of the index at `folder`: its manifest and each row's key (no vector,
    text, speech or BM25); None when it is missing or unreadable."""
    try:
        manifest = read_manifest(folder)
        keys: list[str] = []
        with open(folder / "chunks.jsonl", encoding="utf-8") as f:
            for line in f:
                keys.extend(json.loads(line)["units"])
    except (RagbotError, OSError, ValueError, KeyError, TypeError):
        return None
    return (manifest, keys) if len(keys) == manifest.units else None


def previous_vectors(folder: Path, manifest: Manifest, rows: np.ndarray) -> np.ndarray | None:
    """The vectors of rows `rows` (distinct) of the index at `folder`, in that order; None when its store
    does not hold its catalogue. The folder store reads its file whole; Milvus reads just these rows."""
    if not len(rows):
        return np.zeros((0, manifest.dim), np.float32)
    try:
        spec = spec_of(manifest.store)
        store = backend(spec.backend).open(spec, folder, manifest, None, np.zeros(1, np.int64), Config.ef_search)
        try:
            if store.count() != manifest.units or store.dim != manifest.dim:
                return None
            return store.take(rows)
        finally:
            store.close()
    except (RagbotError, OSError, ValueError, KeyError, TypeError, RuntimeError):
        return None


def kept_rows(
    folder: Path, spec: StoreSpec, manifest: Manifest, chunks: Sequence[Chunk], unit_keys: Sequence[list[str]]
) -> np.ndarray | None:
    """Rows of the catalogue being built that store `spec` keeps in place from the index at `folder` (an
    update of a Milvus collection: same id, same content), whose vectors the build need not read or
    make; None when every row is written (the folder store, a new collection, a store out of reach)."""
    try:
        return backend(spec.backend).kept(spec, folder, manifest, chunks, unit_keys)
    except RagbotError:
        return None


def fill(folder: Path, manifest: Manifest, old_rows: dict[str, int], at: dict[str, list[int]], vectors: Rows) -> bool:
    """Fill the rows in `at` whose key the index at `folder` has with its vectors, read back from its
    store for just those rows (each read once, then dropped); False when its store cannot give them."""
    wanted = np.array(sorted({old_rows[k] for k in at if k in old_rows}), np.int64)
    found = previous_vectors(folder, manifest, wanted)
    if found is None:
        return False
    place = {int(r): j for j, r in enumerate(wanted)}
    for k, rows in at.items():
        if k in old_rows:
            vectors.put(rows, found[place[old_rows[k]]])
    return True
