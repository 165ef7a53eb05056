"""What the Milvus store's collections hold (store_milvus.py): their schemas, their rows, and the rows'
stable ids, so that an update writes only what changed.

  schemas(dim, exact)        the `_u` (vector units) and `_t` (chunks' tokens for BM25) collections
  unit_rows / chunk_rows     the rows of a catalogue, in batches, skipping those kept in place
  expression(chunks, …)      a search filter as an exact expression over the rows' file, speech and title
  Ids                        a catalogue's row ids (ids.npz in the index folder); Lookup: id -> row
  Update                     an update in place: the ids it inserts, and those it leaves to delete

Each chunk's row (`_t`) and each vector unit's row (`_u`) has a 63-bit id derived from what the row
holds, not from its place in the catalogue: a chunk's from its file, speech, folded title and folded
text, a unit's from its chunk's, its position in the chunk and its cache key (units.py: the text and
the model's fingerprint). A second, independent 64-bit value (`check`) comes from the same content; a
row is kept in place only when id and check both match. A repeated id (the same chunk twice in a
file, or a hash collision) is salted, in catalogue order, and so is an id the previous catalogue
gives other content, so a collision cannot make a build keep a wrong row.

The index folder records them in `ids.npz` (one entry per catalogue row and chunk, in catalogue order);
search results (ids) map back to rows through it, and ids it does not know (rows of an unfinished
build, or replaced rows not yet deleted) are not the live index's. An index written before stable ids
has none: its ids are its row numbers (`Ids.numbered`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import IndexInvalid
from .script import fold
from .store import Filters

if TYPE_CHECKING:
    from .types import Chunk

FILE = "ids.npz"
LAYOUT = "stable-1"  # the manifest's store entry says which ids the collections use
MAX_TEXT = 65535  # bytes in a VARCHAR
BATCH = 1000  # rows per insert
Rows = list[dict[str, Any]]
_MASK = np.uint64((1 << 63) - 1)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser, elementwise on uint64 (wrapping arithmetic)."""
    x = x.astype(np.uint64, copy=True)
    x ^= x >> np.uint64(30)
    x *= np.uint64(0xBF58476D1CE4E5B9)
    x ^= x >> np.uint64(27)
    x *= np.uint64(0x94D049BB133111EB)
    x ^= x >> np.uint64(31)
    return x


def schemas(dim: int, exact: bool) -> tuple[Any, Any, Any, Any]:
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


def tokens_text(c: Chunk) -> str:
    from .lexical import tokenize

    text = " ".join(tokenize(c.folded, folded=True))
    while len(text.encode("utf-8")) > MAX_TEXT:  # a chunk is a few hundred characters; this never cuts in practice
        text = text[: len(text) * 9 // 10].rsplit(" ", 1)[0]
    return text


def unit_rows(
    chunks: Sequence[Chunk], ids: Ids, owner: np.ndarray, blocks: Iterable[np.ndarray], keep: np.ndarray
) -> Iterator[Rows]:
    """The `_u` rows not kept in place, in batches (`blocks`: the vectors in row order; `owner[r]`: row r's chunk).
    Kept rows cost one array test each: an update's work grows with the rows it writes."""
    row = 0
    for block in blocks:
        todo = np.flatnonzero(~keep[row : row + len(block)])
        for lo in range(0, len(todo), BATCH):
            batch = []
            for i in todo[lo : lo + BATCH].tolist():
                ci = int(owner[row + i])
                dense = block[i].astype(np.float32).tolist()
                batch.append(
                    {
                        "id": int(ids.units[row + i]),
                        "dense": dense,
                        "chunk": int(ids.chunks[ci]),
                        **_payload(chunks[ci]),
                    }
                )
            yield batch
        row += len(block)


def chunk_rows(chunks: Sequence[Chunk], ids: Ids, keep: np.ndarray) -> Iterator[Rows]:
    """The `_t` rows not kept in place, in batches."""
    todo = np.flatnonzero(~keep).tolist()
    for lo in range(0, len(todo), BATCH):
        yield [
            {"id": int(ids.chunks[i]), "text": tokens_text(chunks[i]), **_payload(chunks[i])}
            for i in todo[lo : lo + BATCH]
        ]


def _quote(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _payload(c: Chunk) -> dict[str, Any]:
    return {"file": c.file, "speech": c.speech, "title": fold(c.title)}


def expression(chunks: Sequence[Chunk], filters: Filters | None) -> str | None:
    """The filter as a Milvus expression over file, speech and title ("" when there is none; None
    when nothing can match). Names are matched here as ragbot matches them (store.allowed_ids),
    against the catalogue's own file names and titles, then sent as exact values."""
    if not filters:
        return ""
    parts = []
    if filters.files:
        files = sorted({c.file for c in chunks if any(c.file == f or c.file.endswith("/" + f) for f in filters.files)})
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


class Lookup:
    """id -> position in the catalogue (-1 when the catalogue does not know the id)."""

    def __init__(self, ids: np.ndarray, checks: np.ndarray) -> None:
        self.order = np.argsort(ids, kind="stable")
        self.sorted = ids[self.order]
        self.checks = checks[self.order]

    def __len__(self) -> int:
        return len(self.sorted)

    def _find(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        ids = np.asarray(ids, np.int64)
        pos = np.searchsorted(self.sorted, ids)
        inside = pos < len(self.sorted)
        pos = np.where(inside, pos, 0)
        found = inside & (self.sorted[pos] == ids) if len(self.sorted) else np.zeros(len(ids), bool)
        return pos, found

    def rows(self, ids: np.ndarray) -> np.ndarray:
        pos, found = self._find(ids)
        return np.where(found, self.order[pos] if len(self.sorted) else -1, -1)

    def same(self, ids: np.ndarray, checks: np.ndarray) -> np.ndarray:
        """Which (id, check) pairs this catalogue has: the same id for the same content."""
        pos, found = self._find(ids)
        return found & (self.checks[pos] == checks) if len(self.sorted) else found

    def clash(self, ids: np.ndarray, checks: np.ndarray) -> np.ndarray:
        """Which ids this catalogue gives other content."""
        pos, found = self._find(ids)
        return found & (self.checks[pos] != checks) if len(self.sorted) else found


def _settle(ids: np.ndarray, checks: np.ndarray, old: Lookup | None) -> np.ndarray:
    """`ids` made unique, and free of ids `old` gives other content, by salting the later duplicates."""
    salt = 0
    while True:
        order = np.argsort(ids, kind="stable")
        bad = np.zeros(len(ids), bool)
        bad[order[1:][ids[order][1:] == ids[order][:-1]]] = True
        if old is not None:
            bad |= old.clash(ids, checks)
        if not bad.any():
            return ids
        salt += 1
        step = np.uint64(salt * int(_GOLDEN) % (1 << 64))
        ids[bad] = (_mix(ids[bad].astype(np.uint64) + step) & _MASK).astype(np.int64)


@dataclass(frozen=True)
class Ids:
    """A catalogue's row ids: `units[r]` is row r's, `chunks[i]` chunk i's (with their check values)."""

    units: np.ndarray
    unit_checks: np.ndarray
    chunks: np.ndarray
    chunk_checks: np.ndarray

    @classmethod
    def numbered(cls, units: int, chunks: int) -> Ids:
        """An index written before stable ids: rows and chunks by number."""
        u, c = np.arange(units, dtype=np.int64), np.arange(chunks, dtype=np.int64)
        return cls(u, np.zeros(units, np.uint64), c, np.zeros(chunks, np.uint64))

    @classmethod
    def of(cls, chunks: Sequence[Chunk], unit_keys: Sequence[Sequence[str]], old: Ids | None = None) -> Ids:
        """The ids of a catalogue; `old` is the live one's, whose ids go to its content only."""
        heads = np.zeros((len(chunks), 2), np.uint64)
        for i, c in enumerate(chunks):
            digest = hashlib.sha256(f"{c.file}\0{c.speech}\0{fold(c.title)}\0{c.folded}".encode()).digest()
            heads[i] = np.frombuffer(digest[:16], np.uint64)
        counts = np.array([len(k) for k in unit_keys], np.int64)
        owner = np.repeat(np.arange(len(chunks)), counts)
        starts = np.concatenate([[0], np.cumsum(counts)[:-1]]) if len(counts) else np.zeros(0, np.int64)
        position = (np.arange(int(counts.sum())) - np.repeat(starts, counts)).astype(np.uint64)
        keys = np.array([[int(k[:16], 16), int(k[16:32], 16)] for ks in unit_keys for k in ks], np.uint64)
        keys = keys.reshape(-1, 2)
        unit = [_mix(_mix(heads[owner, h] + position * _GOLDEN) ^ keys[:, h]) for h in (0, 1)]
        chunk_ids = (_mix(heads[:, 0]) & _MASK).astype(np.int64)
        unit_ids = (unit[0] & _MASK).astype(np.int64)
        chunk_checks, unit_checks = _mix(heads[:, 1]), unit[1]
        return cls(
            _settle(unit_ids, unit_checks, old.unit_lookup() if old else None),
            unit_checks,
            _settle(chunk_ids, chunk_checks, old.chunk_lookup() if old else None),
            chunk_checks,
        )

    def kept(self, old: Ids | None) -> tuple[np.ndarray, np.ndarray]:
        """Which of these rows and chunks `old` has too (the same id for the same content)."""
        if old is None:
            return np.zeros(len(self.units), bool), np.zeros(len(self.chunks), bool)
        return old.unit_lookup().same(self.units, self.unit_checks), old.chunk_lookup().same(
            self.chunks, self.chunk_checks
        )

    def unit_lookup(self) -> Lookup:
        return Lookup(self.units, self.unit_checks)

    def chunk_lookup(self) -> Lookup:
        return Lookup(self.chunks, self.chunk_checks)

    def save(self, path: Path) -> None:
        with open(path, "wb") as f:
            np.savez(
                f, units=self.units, unit_checks=self.unit_checks, chunks=self.chunks, chunk_checks=self.chunk_checks
            )

    @classmethod
    def load(cls, folder: Path, units: int, chunks: int) -> Ids:
        """`ids.npz` of the index at `folder`, checked against its manifest's counts."""
        try:
            with np.load(folder / FILE, allow_pickle=False) as z:
                ids = cls(*(np.asarray(z[k]) for k in ("units", "unit_checks", "chunks", "chunk_checks")))
        except Exception as e:
            raise IndexInvalid(
                f"index at {folder}/ has an unreadable {FILE} ({type(e).__name__}: {str(e)[:80]}); "
                "run `ragbot ingest --rebuild`"
            ) from None
        if (
            not len(ids.units) == len(ids.unit_checks) == units
            or not len(ids.chunks) == len(ids.chunk_checks) == chunks
        ):
            raise IndexInvalid(
                f"index at {folder}/ is inconsistent ({FILE} has {len(ids.units)} row ids and {len(ids.chunks)} "
                f"chunk ids for {units} rows and {chunks} chunks); run `ragbot ingest --rebuild`"
            )
        return ids


@dataclass(frozen=True)
class Update:
    """An update in place of collections `name`: the (unit, chunk) ids it inserts, and those the swap leaves unknown."""

    name: str
    inserted: tuple[np.ndarray, np.ndarray]
    stale: tuple[np.ndarray, np.ndarray]


def lexicon() -> str:
    """What the `_t` rows' tokens depend on besides the text: a build whose lexicon differs rewrites them."""
    from importlib.metadata import version

    from . import lexical

    words = "\n".join(sorted(lexical.STOPWORDS))
    data = lexical.JARGON.read_bytes() + words.encode() + f"{lexical.FORMAT} {version('jieba')}".encode()
    return hashlib.sha256(data).hexdigest()[:16]


def prefix(folder: Path) -> str:
    """Collections of the index at `folder` start with this (several indexes may share one server)."""
    return "ragbot_" + hashlib.sha256(str(folder.absolute()).encode()).hexdigest()[:10] + "_"
