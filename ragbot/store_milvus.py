"""The Milvus vector store: a Milvus server or cluster (`http(s)://host:19530`), or the embedded
engine on one file (`milvus:///path/file.db`, milvus_local.py). Needs `pip install 'ragbot[milvus]'`.

An index keeps two collections named by its manifest: `…_u`, one row per vector unit (dense, chunk,
file, speech, title), and `…_t`, one row per chunk for BM25 in the engine over ragbot's own jieba
tokens (milvus_rows.py: schemas, rows, stable ids recorded in the folder's `ids.npz`). Search maps
ids to rows and ignores ids the catalogue does not know. An update works in place: rows the live
catalogue lacks are inserted and flushed, the folder swap (index.py) makes the new catalogue live,
then rows it no longer has are deleted by id; kept rows' vectors are never read back (`kept`,
reuse.py). A failed update deletes what it inserted; a killed one leaves only unknown ids (an index
opened meanwhile uses ragbot's own BM25, since they shift the engine's statistics), which the next
build deletes. A full build (`--rebuild`, another embedder, dimension, kind or tokens, an index from
before stable ids) writes new collections, switched to by the swap, and drops the old ones after it
(Milvus Lite has no aliases). Every call has a timeout; errors name the store, never its token.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np

from .errors import IndexInvalid, RagbotError, StoreError
from .milvus_rows import FILE, LAYOUT, Ids, Lookup, Update, chunk_rows, expression, lexicon, prefix, schemas, unit_rows
from .store import Filters, StoreSpec, spec_of

if TYPE_CHECKING:
    from .index import Manifest
    from .types import Chunk

INSTALL = "pip install 'ragbot[milvus]'"
TIMEOUT = 30.0  # seconds for one search, insert or schema call
CONNECT = 10.0  # seconds to reach the store
BATCH = 1000  # ids per delete
PAGE = 500  # rows per query when reading vectors back (Milvus Lite: 500 take 0.05 s, 2,000 1.1 s, 8,000 78 s)
LIMIT = 16384  # the most hits one search returns
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


def _total(spec: StoreSpec, client: Any, collection: str) -> int:
    """Rows in `collection`, as of now (strong consistency: deletes just made count)."""
    asked = {"filter": "", "output_fields": ["count(*)"], "consistency_level": "Strong", "timeout": TIMEOUT}
    return int(_call(spec, "count", lambda: client.query(collection, **asked))[0]["count(*)"])


def _all_ids(spec: StoreSpec, client: Any, collection: str) -> np.ndarray:
    """Every id in `collection` (only read when it holds rows its catalogue does not know)."""

    def read() -> np.ndarray:
        quiet = logging.getLogger("pymilvus")
        level = quiet.level
        quiet.setLevel(logging.ERROR)  # the iterator warns that it timestamps on the client side
        try:
            it = client.query_iterator(collection, batch_size=16384, filter="", output_fields=["id"], timeout=TIMEOUT)
            found: list[int] = []
            while batch := it.next():
                found.extend(int(r["id"]) for r in batch)
            it.close()
        finally:
            quiet.setLevel(level)
        return np.array(found, np.int64)

    return _call(spec, "list ids", read)


def _put(spec: StoreSpec, client: Any, collection: str, rows: list[dict[str, Any]]) -> None:
    _call(spec, "insert", lambda: client.insert(collection, rows, timeout=TIMEOUT))


def _delete(spec: StoreSpec, client: Any, collection: str, ids: np.ndarray) -> None:
    for lo in range(0, len(ids), BATCH):
        expr = f"id in [{', '.join(map(str, ids[lo : lo + BATCH].tolist()))}]"
        _call(spec, "delete", lambda e=expr: client.delete(collection, filter=e, timeout=TIMEOUT))  # type: ignore[misc]


def _tidy(spec: StoreSpec, client: Any, name: str, ids: Ids) -> None:
    """Delete the rows of `name` that catalogue `ids` does not know (a killed build's, or replaced rows
    an update did not get to delete); a clean collection costs one count each."""
    for suffix, known in (("_u", ids.units), ("_t", ids.chunks)):
        if _total(spec, client, name + suffix) != len(known):
            found = _all_ids(spec, client, name + suffix)
            _delete(spec, client, name + suffix, found[Lookup(known, known).rows(found) < 0])


class MilvusStore:
    """An index's two collections, open for searching; ids map to the catalogue's rows through `ids`."""

    def __init__(
        self, spec: StoreSpec, client: Any, name: str, dim: int, chunks: Sequence[Chunk] | None, ids: Ids | None = None
    ) -> None:
        self.spec = spec
        self.client = client
        self.name = name
        self._dim = dim
        self.chunks = chunks
        self.ids = ids or Ids.numbered(0, 0)
        self.unit_rows = self.ids.unit_lookup()
        self.chunk_rows = self.ids.chunk_lookup()
        self.lexical = True  # open() says False while `_t` holds rows the catalogue does not know
        self._counted = (-1, 0)  # (rows in _u, of them the catalogue's) when they last differed

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
        """The catalogue's rows the store holds, asked each time (a health check sees a store that went
        down); rows the catalogue does not know are not counted (listed once per total)."""
        total = self._run("count", lambda c: _total(self.spec, c, self.name + "_u"))
        if total != len(self.unit_rows) and self._counted[0] != total:
            found = self._run("list ids", lambda c: _all_ids(self.spec, c, self.name + "_u"))
            self._counted = (total, int((self.unit_rows.rows(found) >= 0).sum()))
        return total if total == len(self.unit_rows) else self._counted[1]

    def expression(self, filters: Filters | None) -> str | None:
        return expression(self.chunks or (), filters)

    def _hits(self, suffix: str, data: Any, n: int, expr: str, rows: Lookup) -> list[tuple[int, float]]:
        """(row, score) of the best `n` hits the catalogue knows, best first and ties in row order (as
        FAISS's exact search), whatever order the engine's segments give: a little more is asked for,
        and more again while unknown ids (an unfinished build's rows) or a tie run past the end."""
        field, metric = ("dense", "IP") if suffix == "_u" else ("sparse", "BM25")
        limit = min(n + max(16, n // 4), LIMIT)
        while True:
            found = self._run(
                "search" if suffix == "_u" else "BM25 search",
                lambda c, lim=limit: c.search(  # type: ignore[misc]
                    self.name + suffix,
                    data=[data],
                    anns_field=field,
                    limit=lim,
                    filter=expr,
                    search_params={"metric_type": metric},
                    timeout=TIMEOUT,
                ),
            )[0]
            at = rows.rows(np.array([int(h["id"]) for h in found], np.int64))
            hits = sorted(
                ((int(r), float(h["distance"])) for r, h in zip(at, found) if r >= 0), key=lambda x: (-x[1], x[0])
            )
            if len(found) < limit or limit >= LIMIT or (len(hits) >= n and hits[n - 1][1] > found[-1]["distance"]):
                return hits[:n]
            limit = min(limit * 4, LIMIT)

    def search(self, qvec: np.ndarray, n: int, filters: Filters | None) -> list[tuple[int, float]]:
        expr = self.expression(filters)
        if expr is None or n <= 0:
            return []
        return self._hits("_u", np.asarray(qvec, np.float32).tolist(), n, expr, self.unit_rows)

    def lexical_search(self, tokens: Sequence[str], n: int, filters: Filters | None) -> list[tuple[int, float]]:
        expr = self.expression(filters)
        terms = list(dict.fromkeys(tokens))
        if expr is None or not terms or n <= 0:
            return []
        return self._hits("_t", " ".join(terms), n, expr, self.chunk_rows)  # ties in chunk order, as ragbot's BM25

    def vectors(self) -> np.ndarray:
        return self.take(np.arange(len(self.ids.units)))

    def take(self, rows: np.ndarray) -> np.ndarray:
        """The vectors of catalogue rows `rows` (distinct), in that order: k rows cost k / PAGE queries."""
        rows = np.asarray(rows, np.int64)
        ids = self.ids.units[rows]
        at_row = Lookup(ids, self.ids.unit_checks[rows])  # id -> its place in `rows`
        out = np.zeros((len(ids), self.dim), np.float32)
        for lo in range(0, len(ids), PAGE):
            expr = f"id in [{', '.join(map(str, ids[lo : lo + PAGE].tolist()))}]"
            found = self._run(
                "read",
                lambda c, e=expr: c.query(self.name + "_u", filter=e, output_fields=["id", "dense"], timeout=TIMEOUT),  # type: ignore[misc]
            )
            at = at_row.rows(np.array([int(r["id"]) for r in found], np.int64))
            for i, r in zip(at, found):
                out[i] = r["dense"]
        return out

    def close(self) -> None:
        self.client = None


class MilvusBackend:
    def __init__(self) -> None:
        self._updates: dict[str, Update] = {}  # index folder -> its update in place, until retired

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
        client = _client(spec)
        self._sweep(spec, client, folder)
        live = self._live(spec, client, folder, manifest) if reuse else None
        name = live[0] if live else prefix(folder) + time.strftime("%Y%m%d%H%M%S") + f"{time.time_ns() % 1_000_000:06d}"
        old = live[1] if live else None
        ids = Ids.of(chunks, unit_keys, old)
        keep_u, keep_t = ids.kept(old)
        if skipped is not None and (old is None or (skipped & ~keep_u).any()):  # `blocks` lack rows this write needs
            raise StoreError(
                f"the live collections at {spec.shown} changed while the build ran; run `ragbot ingest` again"
            )
        update = None
        if old is not None:
            gone_u, gone_t = old.kept(ids)
            update = Update(name, (ids.units[~keep_u], ids.chunks[~keep_t]), (old.units[~gone_u], old.chunks[~gone_t]))
        try:
            if update is None:
                self._create(spec, client, name, manifest)
            owner = np.repeat(np.arange(len(chunks)), [len(k) for k in unit_keys])
            for suffix, batches in (
                ("_u", unit_rows(chunks, ids, owner, blocks, keep_u)),
                ("_t", chunk_rows(chunks, ids, keep_t)),
            ):
                for batch in batches:
                    _put(spec, client, name + suffix, batch)
            for suffix in ("_u", "_t"):
                _call(spec, "flush", lambda s=suffix: client.flush(name + s, timeout=TIMEOUT * 4))  # type: ignore[misc]
            # the catalogue's rows now there: the inserted ones, and the kept ones among the live rows
            gone = (len(old.units) - int(keep_u.sum()), len(old.chunks) - int(keep_t.sum())) if old else (0, 0)
            held = [_total(spec, client, name + s) - g for s, g in zip(("_u", "_t"), gone)]
            if held != [len(ids.units), len(ids.chunks)] or len(ids.units) != manifest.units:
                raise StoreError(f"Milvus at {spec.shown} holds {held[0]} of {manifest.units} vectors after the build")
            ids.save(tmp / FILE)
        except BaseException:
            if update is None:
                self._drop(spec, client, name)
            else:
                with contextlib.suppress(Exception):
                    self._undo(spec, client, update)
            raise
        if update is not None:
            self._updates[str(folder.absolute())] = update
        return {"backend": "milvus", "uri": spec.uri, "collection": name, "ids": LAYOUT, "lexicon": lexicon()}

    def kept(
        self,
        spec: StoreSpec,
        folder: Path,
        manifest: Manifest,
        chunks: Sequence[Chunk],
        unit_keys: Sequence[Sequence[str]],
    ) -> np.ndarray | None:
        """Which rows of this catalogue an update in place keeps (the live collections hold them, same id,
        same content), so the build needs no vector for them; None when the build writes new collections.
        Reads no vector: the live ids (ids.npz) and a count per collection (after deleting what a killed
        build left, as `write` does first anyway)."""
        client = _client(spec)
        live = self._live(spec, client, folder, manifest)
        if live is None:
            return None
        return Ids.of(chunks, unit_keys, live[1]).kept(live[1])[0]

    def _create(self, spec: StoreSpec, client: Any, name: str, manifest: Manifest) -> None:
        units, u_index, text, t_index = schemas(manifest.dim, manifest.kind != "hnsw")
        for suffix, schema, index in (("_u", units, u_index), ("_t", text, t_index)):
            _call(
                spec,
                "create collection",
                lambda s=suffix, sc=schema, ix=index: client.create_collection(  # type: ignore[misc]
                    name + s, schema=sc, index_params=ix, timeout=TIMEOUT
                ),
            )

    def _live(self, spec: StoreSpec, client: Any, folder: Path, manifest: Manifest) -> tuple[str, Ids] | None:
        """The live index's collections and ids when this build can update them in place (the same
        store, embedder, dimension, index kind and tokens, every catalogue row there), after deleting
        the rows its catalogue does not know (a killed build's); None when it writes new ones."""
        from .index import read_manifest

        try:
            old = read_manifest(folder)
        except RagbotError:
            return None
        info = old.store
        same = ("embedder", "fingerprint", "dim", "kind", "embed_recipe")
        if (
            info.get("backend") != "milvus"
            or spec_of(info) != spec
            or (info.get("ids"), info.get("lexicon")) != (LAYOUT, lexicon())
            or any(getattr(old, k) != getattr(manifest, k) for k in same)
        ):
            return None
        name = info.get("collection", "")
        if not {name + "_u", name + "_t"} <= set(_call(spec, "list", lambda: client.list_collections(timeout=TIMEOUT))):
            return None
        try:
            ids = Ids.load(folder, old.units, old.chunks)
        except IndexInvalid:
            return None
        for suffix in ("_u", "_t"):
            _call(spec, "load", lambda s=suffix: client.load_collection(name + s, timeout=TIMEOUT * 4))  # type: ignore[misc]
        _tidy(spec, client, name, ids)
        if (_total(spec, client, name + "_u"), _total(spec, client, name + "_t")) != (len(ids.units), len(ids.chunks)):
            return None  # some of the live rows are missing: the build writes them all anew
        return name, ids

    def _undo(self, spec: StoreSpec, client: Any, update: Update) -> None:
        _delete(spec, client, update.name + "_u", update.inserted[0])
        _delete(spec, client, update.name + "_t", update.inserted[1])

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
        ids = (
            Ids.load(folder, manifest.units, manifest.chunks)
            if manifest.store.get("ids") == LAYOUT
            else Ids.numbered(manifest.units, manifest.chunks)
        )
        info = _call(spec, "describe", lambda: client.describe_collection(name + "_u", timeout=TIMEOUT))
        dims = [int(f.get("params", {}).get("dim", 0)) for f in info["fields"] if f["name"] == "dense"]
        for suffix in ("_u", "_t"):  # a restarted server keeps collections released until loaded
            _call(spec, "load", lambda s=suffix: client.load_collection(name + s, timeout=TIMEOUT * 4))  # type: ignore[misc]
        store = MilvusStore(spec, client, name, dims[0] if dims else 0, chunks, ids)
        # rows of a killed build in _t would shift the engine's BM25 statistics: ragbot's BM25 until they go
        store.lexical = _total(spec, client, name + "_t") == len(ids.chunks)
        return store

    def retire(self, spec: StoreSpec, folder: Path, info: dict[str, str], keep: dict[str, str] | None) -> None:
        """A replaced build's collections are dropped; when `keep` names the same collections (updated in
        place), the rows the live catalogue does not know are deleted instead; an update in place
        abandoned before its swap (`keep` None) deletes what it inserted."""
        name = info.get("collection", "")
        update = self._updates.pop(str(folder.absolute()), None)
        if not name:
            return
        client = _client(spec)
        if keep is not None and keep.get("collection") == name:
            if update is not None and update.name == name:
                _delete(spec, client, name + "_u", update.stale[0])
                _delete(spec, client, name + "_t", update.stale[1])
            elif keep.get("ids") == LAYOUT:  # the live index itself: what a killed build left goes
                from .index import read_manifest

                live = read_manifest(folder)
                _tidy(spec, client, name, Ids.load(folder, live.units, live.chunks))
        elif keep is None and update is not None and update.name == name:
            self._undo(spec, client, update)
        else:
            self._drop(spec, client, name)

    def _drop(self, spec: StoreSpec, client: Any, name: str) -> None:
        for suffix in ("_u", "_t"):
            _call(spec, "drop", lambda s=suffix: client.drop_collection(name + s, timeout=TIMEOUT))  # type: ignore[misc]

    def _sweep(self, spec: StoreSpec, client: Any, folder: Path) -> None:
        """Drop this index's collections that no manifest names: those of a full build killed midway."""
        from .index import read_manifest

        try:
            live = read_manifest(folder).store.get("collection", "")
        except RagbotError:
            live = ""
        mine = prefix(folder)
        for c in _call(spec, "list collections", lambda: client.list_collections(timeout=TIMEOUT)):
            if c.startswith(mine) and c[:-2] != live:
                _call(spec, "drop", lambda c=c: client.drop_collection(c, timeout=TIMEOUT))  # type: ignore[misc]


BACKEND = MilvusBackend()
