"""Where the vectors live: a small `VectorStore` protocol, the `store` setting, and the backends' registry.

An index is a catalogue folder (manifest, chunks, speeches, ragbot's BM25; see index.py) plus the
vector store its manifest names. Two backends:

  faiss    the default folder store: `vectors.faiss` inside the index folder (store_faiss.py)
  milvus   a Milvus collection: `milvus:///path/file.db` runs the embedded engine (milvus-lite's
           core, on a private socket), `http(s)://host:19530` a Milvus server or cluster, with the
           token from RAGBOT_MILVUS_TOKEN (store_milvus.py). Milvus also runs BM25 in the engine.

Rows are numbered in the catalogue's order (chunk i owns rows [unit_start[i], unit_start[i+1])),
and searches answer in row numbers, so only the backend knows how it stores and searches them (Milvus
keeps stable ids of its own, which the catalogue maps to rows). Optional dependencies are imported
inside the backend; a missing one names the install command.
"""

from __future__ import annotations

import importlib
import os
import urllib.parse
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from .errors import ConfigError
from .script import fold

if TYPE_CHECKING:
    from pathlib import Path

    from .index import Manifest
    from .types import Chunk

TOKEN_ENV = "RAGBOT_MILVUS_TOKEN"  # never printed, never stored in the manifest


@dataclass(frozen=True)
class Filters:
    """Restrict a search to some files, speeches (file, number) or titles (substring, either script)."""

    files: tuple[str, ...] = ()
    speeches: tuple[tuple[str, int], ...] = ()
    title: str = ""

    def __bool__(self) -> bool:
        return bool(self.files or self.speeches or self.title)


def allowed_ids(chunks: Sequence[Chunk], filters: Filters | None) -> set[int] | None:
    """Indices of the chunks a filter lets through; None when there is no filter.

    A file filter matches the file name or its path ending (`004.txt` or `sub/004.txt`).
    """
    if not filters:
        return None
    title = fold(filters.title) if filters.title else ""
    out = set()
    for i, c in enumerate(chunks):
        if filters.files and not any(c.file == f or c.file.endswith("/" + f) for f in filters.files):
            continue
        if filters.speeches and (c.file, c.speech) not in filters.speeches:
            continue
        if title and title not in fold(c.title):
            continue
        out.add(i)
    return out


@dataclass(frozen=True)
class StoreSpec:
    """A parsed `store` setting: the backend and where it is (`uri` is "" for the folder store)."""

    backend: str
    uri: str = ""

    @property
    def embedded(self) -> bool:
        return self.backend == "milvus" and not self.uri.startswith(("http://", "https://"))

    @property
    def shown(self) -> str:
        """The location as messages and the manifest show it: never a password or token."""
        if self.backend == "faiss":
            return "index folder"
        if self.embedded:
            return f"milvus://{self.uri}"
        parts = urllib.parse.urlsplit(self.uri)
        host = parts.hostname or ""
        return f"{parts.scheme}://{host}{f':{parts.port}' if parts.port else ''}{parts.path.rstrip('/')}"

    @property
    def token(self) -> str:
        return os.environ.get(TOKEN_ENV, "") if not self.embedded else ""


def parse_store(value: str) -> StoreSpec:
    """The `store` setting as a StoreSpec, or a ConfigError naming the forms it takes.

    >>> parse_store(""), parse_store("milvus:///tmp/r.db"), parse_store("http://m.lan:19530").shown
    (StoreSpec(backend='faiss', uri=''), StoreSpec(backend='milvus', uri='/tmp/r.db'), 'http://m.lan:19530')
    """
    v = value.strip()
    if v in ("", "index", "index/", "faiss"):
        return StoreSpec("faiss")
    if v.startswith("milvus://"):
        path = v[len("milvus://") :]
        if path.endswith(".db") and len(path) > 3:
            return StoreSpec("milvus", os.path.abspath(path))
    elif v.startswith(("http://", "https://")) and urllib.parse.urlsplit(v).hostname:
        parts = urllib.parse.urlsplit(v)
        if parts.username or parts.password:
            raise ConfigError(
                f"store URLs carry no credentials; put the token in {TOKEN_ENV} and use "
                f"{parts.scheme}://{parts.hostname}{f':{parts.port}' if parts.port else ''}"
            )
        return StoreSpec("milvus", v.rstrip("/"))
    raise ConfigError(
        f"store expects index (vectors in the index folder, the default), milvus:///path/to/file.db "
        f"(embedded Milvus) or http(s)://host:19530 (a Milvus server), got '{value}'"
    )


class VectorStore(Protocol):
    """One built index's vectors (and, when `lexical`, its BM25), open for searching."""

    spec: StoreSpec
    lexical: bool  # True: the store runs BM25 itself (`lexical_search`); else ragbot's BM25 does

    @property
    def dim(self) -> int: ...

    def count(self) -> int: ...

    def search(self, qvec: np.ndarray, n: int, filters: Filters | None) -> list[tuple[int, float]]:
        """The `n` rows nearest `qvec` (inner product) among the filtered chunks' rows, best first."""
        ...

    def lexical_search(self, tokens: Sequence[str], n: int, filters: Filters | None) -> list[tuple[int, float]]:
        """The `n` best chunks by BM25 over ragbot's tokens, best first (only when `lexical`)."""
        ...

    def vectors(self) -> np.ndarray:
        """Every row's vector, in row order."""
        ...

    def take(self, rows: np.ndarray) -> np.ndarray:
        """The vectors of rows `rows` (distinct), in that order."""
        ...

    def close(self) -> None: ...


class Backend(Protocol):
    """How a store is written by a build, opened for searching, and retired when replaced."""

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
        """Store every row (in blocks, in row order; chunk i has `len(unit_keys[i])` rows) for the index
        being written to `tmp` (the sibling of `folder` that becomes it); returns what the manifest
        records to find them again. With `reuse`, storage outside the folder may be the live index's,
        updated in place, provided the live index answers as before until the swap. A failed write
        leaves the previous index whole. `skipped`: rows `kept` said stay in place, whose vectors
        `blocks` do not carry (zeros); the write fails if it would need one of them."""
        ...

    def kept(
        self,
        spec: StoreSpec,
        folder: Path,
        manifest: Manifest,
        chunks: Sequence[Chunk],
        unit_keys: Sequence[Sequence[str]],
    ) -> np.ndarray | None:
        """Which rows of the catalogue being built an update in place would keep in the live index's
        storage (a build need not supply their vectors); None when every row is written."""
        ...

    def open(
        self,
        spec: StoreSpec,
        folder: Path,
        manifest: Manifest,
        chunks: Sequence[Chunk] | None,
        unit_start: np.ndarray,
        ef_search: int,
    ) -> VectorStore:
        """The store of the index at `folder`, checked against its manifest (`chunks` and their rows
        `unit_start` serve filters; None when only `vectors()` will be read)."""
        ...

    def retire(self, spec: StoreSpec, folder: Path, info: dict[str, str], keep: dict[str, str] | None) -> None:
        """Remove what a replaced (or abandoned) build stored outside the folder; `keep` is the live one's.
        When `keep` names the same storage (updated in place), remove what the live catalogue does not use."""
        ...


FOLDER = StoreSpec("faiss")  # the default: vectors.faiss in the index folder
BACKENDS = {"faiss": "ragbot.store_faiss", "milvus": "ragbot.store_milvus"}


def backend(name: str) -> Backend:
    if name not in BACKENDS:
        raise ConfigError(f"unknown vector store '{name}'; valid ones: {', '.join(BACKENDS)}")
    module: Any = importlib.import_module(BACKENDS[name])
    found: Backend = module.BACKEND
    return found


def spec_of(info: dict[str, str]) -> StoreSpec:
    """The store a manifest's `store` entry names (older manifests have none: the folder store)."""
    return StoreSpec(info.get("backend", "faiss"), info.get("uri", ""))
