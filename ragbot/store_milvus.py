"""The Milvus vector store: a Milvus server or cluster (`http(s)://host:19530`), or the embedded
engine on one file (`milvus:///path/file.db`, milvus_local.py). Needs `pip install 'ragbot[milvus]'`.

Each build writes two new collections, `ragbot_<folder>_<build>_u` and `…_t`:
  _u  one row per vector unit: id (the row number), dense (FLOAT_VECTOR, inner product; FLAT when
      the build is exact, AUTOINDEX above `hnsw_threshold`), chunk, file, speech, title (folded)
  _t  one row per chunk for BM25 in the engine: text is ragbot's own jieba tokens (lexical.py: the
      office-jargon dictionary, Simplified-folded) joined by spaces under a whitespace analyzer, so
      the engine scores the same terms as ragbot's BM25 (k1 1.5, b 0.75); Milvus's analyzers take
      no user dictionary, and they do not fold scripts
The manifest names the build's collections, so switching to a new build is the folder swap
(index.py); the replaced build's collections are dropped after it, and a killed build's are swept
by the next one (Milvus Lite has no aliases). Every call has a timeout: a misconfigured request
otherwise retries for minutes. Errors name the store's location, never its token.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np

from .errors import IndexInvalid, RagbotError, StoreError
from .script import fold
from .store import Filters, StoreSpec

if TYPE_CHECKING:
    from .index import Manifest
    from .types import Chunk

INSTALL = "pip install 'ragbot[milvus]'"
TIMEOUT = 30.0  # seconds for one search, insert or schema call
CONNECT = 10.0  # seconds to reach the store
BATCH = 1000  # rows per insert
PAGE = 500  # rows per query when reading vectors back (Milvus Lite: 500 take 0.05 s, 2,000 1.1 s, 8,000 78 s)
MAX_TEXT = 65535  # bytes in a VARCHAR
T = TypeVar("T")


def _client(spec: StoreSpec) -> Any:
    # gRPC's own log lines (keepalive notices while the engine is busy) would reach the user's terminal;
    # failures reach them as StoreError instead
    os.environ.setdefault("GRPC_VERBOSITY", "NONE")
    try:
        from pymilvus import MilvusClient
    except ImportError:
        raise StoreError(f"the Milvus store needs pymilvus; run {INSTALL}") from None
    uri = spec.uri
    if spec.embedded:
        from .milvus_local import engine_for

        uri = engine_for(spec.uri).uri
    # a connection of its own: pymilvus otherwise shares one per address, and keeps a broken one after the
    # server restarts
    alias = f"ragbot-{uuid.uuid4().hex}"
    try:
        return _call(spec, "connect", lambda: MilvusClient(uri=uri, token=spec.token, timeout=CONNECT, alias=alias))
    except StoreError:
        from pymilvus import connections

        with contextlib.suppress(Exception):
            connections.disconnect(alias)
        raise


def _call(spec: StoreSpec, what: str, fn: Callable[[], T]) -> T:
    """`fn()`, with any failure of the client (unreachable, timeout, refused token, bad request)
    as one StoreError naming the store without credentials."""
    try:
        return fn()
    except RagbotError:
        raise
    except Exception as e:  # pymilvus raises MilvusException and grpc errors alike
        text = " ".join(str(getattr(e, "message", "") or e).split())
        if spec.token:
            text = text.replace(spec.token, "***")
        auth = any(w in text.lower() for w in ("auth", "credential", "token", "unauthenticated", "permission"))
        hint = f"check RAGBOT_MILVUS_TOKEN for {spec.shown}" if auth else f"is the Milvus store at {spec.shown} up?"
        raise StoreError(
            f"Milvus {what} failed at {spec.shown} ({type(e).__name__}: {text[:160]}); {hint}",
            zh="向量库认证失败，请告知管理员检查 RAGBOT_MILVUS_TOKEN" if auth else StoreError.ZH,
        ) from None


def _prefix(folder: Path) -> str:
    """Collections of the index at `folder` start with this (several indexes may share one server)."""
    return "ragbot_" + hashlib.sha256(str(folder.absolute()).encode()).hexdigest()[:10] + "_"


def _quote(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


class MilvusStore:
    """One build's two collections, open for searching."""

    lexical = True

    def __init__(self, spec: StoreSpec, client: Any, name: str, dim: int, chunks: Sequence[Chunk] | None) -> None:
        self.spec = spec
        self.client = client
        self.name = name
        self._dim = dim
        self.chunks = chunks

    @property
    def dim(self) -> int:
        return self._dim

    def _run(self, what: str, fn: Callable[[Any], T]) -> T:
        """`fn(client)`; when it fails, once more on a new connection with the collections loaded again
        (a server that restarted drops its clients and comes back with them released). A store still
        down fails again, as one StoreError."""
        try:
            return _call(self.spec, what, lambda: fn(self.client))
        except StoreError:
            with contextlib.suppress(Exception):  # pymilvus shares one connection per address: drop the broken one
                self.client.close()
            client = _client(self.spec)
            for suffix in ("_u", "_t"):
                _call(self.spec, "load", lambda s=suffix: client.load_collection(self.name + s, timeout=TIMEOUT))  # type: ignore[misc]
            self.client = client
            return _call(self.spec, what, lambda: fn(client))

    def count(self) -> int:
        """Asked of the engine each time, so a health check sees a store that went down."""
        rows = self._run(
            "count", lambda c: c.query(self.name + "_u", filter="", output_fields=["count(*)"], timeout=TIMEOUT)
        )
        return int(rows[0]["count(*)"])

    def expression(self, filters: Filters | None) -> str | None:
        """The filter as a Milvus expression over file, speech and title ("" when there is none; None
        when nothing can match). Names are matched here as ragbot matches them (store.allowed_ids),
        against the catalogue's own file names and titles, then sent as exact values."""
        if not filters:
            return ""
        chunks = self.chunks or ()
        parts = []
        if filters.files:
            files = sorted(
                {c.file for c in chunks if any(c.file == f or c.file.endswith("/" + f) for f in filters.files)}
            )
            if not files:
                return None
            parts.append(f"file in [{', '.join(map(_quote, files))}]")
        if filters.speeches:
            parts.append(
                "(" + " or ".join(f"(file == {_quote(f)} and speech == {int(n)})" for f, n in filters.speeches) + ")"
            )
        if filters.title:
            want = fold(filters.title)
            titles = sorted({fold(c.title) for c in chunks if want in fold(c.title)})
            if not titles:
                return None
            parts.append(f"title in [{', '.join(map(_quote, titles))}]")
        return " and ".join(parts)

    def search(self, qvec: np.ndarray, n: int, filters: Filters | None) -> list[tuple[int, float]]:
        expr = self.expression(filters)
        if expr is None or n <= 0:
            return []
        found = self._run(
            "search",
            lambda c: c.search(
                self.name + "_u",
                data=[np.asarray(qvec, np.float32).tolist()],
                anns_field="dense",
                limit=min(n, 16384),
                filter=expr,
                search_params={"metric_type": "IP"},
                timeout=TIMEOUT,
            ),
        )
        return [(int(h["id"]), float(h["distance"])) for h in found[0]]

    def lexical_search(self, tokens: Sequence[str], n: int, filters: Filters | None) -> list[tuple[int, float]]:
        expr = self.expression(filters)
        terms = list(dict.fromkeys(tokens))
        if expr is None or not terms or n <= 0:
            return []
        found = self._run(
            "BM25 search",
            lambda c: c.search(
                self.name + "_t",
                data=[" ".join(terms)],
                anns_field="sparse",
                limit=min(n, 16384),
                filter=expr,
                search_params={"metric_type": "BM25"},
                timeout=TIMEOUT,
            ),
        )
        hits = [(int(h["id"]), float(h["distance"])) for h in found[0]]
        return sorted(hits, key=lambda x: (-x[1], x[0]))  # ties in chunk order, as ragbot's BM25

    def vectors(self) -> np.ndarray:
        total = self.count()
        out = np.zeros((total, self.dim), np.float32)
        for lo in range(0, total, PAGE):
            rows = self._run(
                "read",
                lambda c, lo=lo: c.query(  # type: ignore[misc]
                    self.name + "_u",
                    filter=f"id >= {lo} and id < {lo + PAGE}",
                    output_fields=["id", "dense"],
                    timeout=TIMEOUT,
                ),
            )
            for r in rows:
                out[int(r["id"])] = r["dense"]
        return out

    def close(self) -> None:
        self.client = None


def _schemas(dim: int, exact: bool) -> tuple[Any, Any, Any, Any]:
    from pymilvus import DataType, Function, FunctionType, MilvusClient

    def payload(s: Any) -> None:
        s.add_field("file", DataType.VARCHAR, max_length=1024)
        s.add_field("speech", DataType.INT64)
        s.add_field("title", DataType.VARCHAR, max_length=1024)

    units = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
    units.add_field("id", DataType.INT64, is_primary=True)
    units.add_field("dense", DataType.FLOAT_VECTOR, dim=dim)
    units.add_field("chunk", DataType.INT64)
    payload(units)
    u_index = MilvusClient.prepare_index_params()
    u_index.add_index("dense", index_type="FLAT" if exact else "AUTOINDEX", metric_type="IP")
    text = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
    text.add_field("id", DataType.INT64, is_primary=True)
    text.add_field(
        "text", DataType.VARCHAR, max_length=MAX_TEXT, enable_analyzer=True, analyzer_params={"tokenizer": "whitespace"}
    )
    text.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
    payload(text)
    text.add_function(
        Function(
            name="bm25", function_type=FunctionType.BM25, input_field_names=["text"], output_field_names=["sparse"]
        )
    )
    t_index = MilvusClient.prepare_index_params()
    t_index.add_index(
        "sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25", params={"bm25_k1": 1.5, "bm25_b": 0.75}
    )
    return units, u_index, text, t_index


def _tokens_text(c: Chunk) -> str:
    from .lexical import tokenize

    text = " ".join(tokenize(c.folded, folded=True))
    while len(text.encode("utf-8")) > MAX_TEXT:  # a chunk is a few hundred characters; this never cuts in practice
        text = text[: len(text) * 9 // 10].rsplit(" ", 1)[0]
    return text


class MilvusBackend:
    def write(
        self,
        spec: StoreSpec,
        folder: Path,
        tmp: Path,
        manifest: Manifest,
        chunks: Sequence[Chunk],
        unit_start: np.ndarray,
        blocks: Iterable[np.ndarray],
    ) -> dict[str, str]:
        client = _client(spec)
        self._sweep(spec, client, folder)
        name = _prefix(folder) + time.strftime("%Y%m%d%H%M%S") + f"{time.time_ns() % 1_000_000:06d}"
        info = {"backend": "milvus", "uri": spec.uri, "collection": name}
        units, u_index, text, t_index = _schemas(manifest.dim, manifest.kind != "hnsw")
        try:
            for suffix, schema, index in (("_u", units, u_index), ("_t", text, t_index)):
                _call(
                    spec,
                    "create collection",
                    lambda s=suffix, sc=schema, ix=index: client.create_collection(  # type: ignore[misc]
                        name + s, schema=sc, index_params=ix, timeout=TIMEOUT
                    ),
                )
            owner = np.repeat(np.arange(len(chunks)), np.diff(unit_start))
            row = 0
            for block in blocks:
                for lo in range(0, len(block), BATCH):
                    part = block[lo : lo + BATCH]
                    rows = []
                    for i, v in enumerate(part, start=row + lo):
                        c = chunks[int(owner[i])]
                        rows.append(
                            {
                                "id": i,
                                "dense": v.astype(np.float32).tolist(),
                                "chunk": int(owner[i]),
                                "file": c.file,
                                "speech": c.speech,
                                "title": fold(c.title),
                            }
                        )
                    _call(spec, "insert", lambda r=rows: client.insert(name + "_u", r, timeout=TIMEOUT))  # type: ignore[misc]
                row += len(block)
            for lo in range(0, len(chunks), BATCH):
                rows = [
                    {"id": i, "text": _tokens_text(c), "file": c.file, "speech": c.speech, "title": fold(c.title)}
                    for i, c in enumerate(chunks[lo : lo + BATCH], start=lo)
                ]
                _call(spec, "insert", lambda r=rows: client.insert(name + "_t", r, timeout=TIMEOUT))  # type: ignore[misc]
            for suffix in ("_u", "_t"):
                _call(spec, "flush", lambda s=suffix: client.flush(name + s, timeout=TIMEOUT * 4))  # type: ignore[misc]
            stored = MilvusStore(spec, client, name, manifest.dim, chunks).count()
            if stored != row or row != manifest.units:
                raise StoreError(f"Milvus at {spec.shown} holds {stored} of {manifest.units} vectors after the build")
        except BaseException:
            self._drop(spec, client, name)
            raise
        return info

    def open(
        self,
        spec: StoreSpec,
        folder: Path,
        manifest: Manifest,
        chunks: Sequence[Chunk] | None,
        unit_start: np.ndarray,
        ef_search: int,
    ) -> MilvusStore:
        client = _client(spec)
        name = manifest.store.get("collection", "")
        have = set(_call(spec, "list collections", lambda: client.list_collections(timeout=TIMEOUT)))
        if not name or not {name + "_u", name + "_t"} <= have:
            raise IndexInvalid(
                f"index at {folder}/ keeps its vectors in collection '{name}' at {spec.shown}, which is not there; "
                f"run `ragbot ingest --rebuild --store {spec.shown}`"
            )
        info = _call(spec, "describe", lambda: client.describe_collection(name + "_u", timeout=TIMEOUT))
        dims = [int(f.get("params", {}).get("dim", 0)) for f in info["fields"] if f["name"] == "dense"]
        for suffix in ("_u", "_t"):  # a restarted server keeps collections released until loaded
            _call(spec, "load", lambda s=suffix: client.load_collection(name + s, timeout=TIMEOUT * 4))  # type: ignore[misc]
        return MilvusStore(spec, client, name, dims[0] if dims else 0, chunks)

    def retire(self, spec: StoreSpec, folder: Path, info: dict[str, str], keep: dict[str, str] | None) -> None:
        name = info.get("collection", "")
        if name and (keep is None or keep.get("collection") != name):
            self._drop(spec, _client(spec), name)

    def _drop(self, spec: StoreSpec, client: Any, name: str) -> None:
        for suffix in ("_u", "_t"):
            _call(spec, "drop", lambda s=suffix: client.drop_collection(name + s, timeout=TIMEOUT))  # type: ignore[misc]

    def _sweep(self, spec: StoreSpec, client: Any, folder: Path) -> None:
        """Drop this index's collections that no manifest names: those of a build killed midway."""
        from .index import read_manifest

        try:
            live = read_manifest(folder).store.get("collection", "")
        except RagbotError:
            live = ""
        prefix = _prefix(folder)
        for c in _call(spec, "list collections", lambda: client.list_collections(timeout=TIMEOUT)):
            if c.startswith(prefix) and c[:-2] != live:
                _call(spec, "drop", lambda c=c: client.drop_collection(c, timeout=TIMEOUT))  # type: ignore[misc]


BACKEND = MilvusBackend()
