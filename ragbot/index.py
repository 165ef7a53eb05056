"""The index on disk: a versioned folder of plain files, written atomically, loaded with checks.

  index/manifest.json   format, ragbot version, embedder (name, dimension, weights fingerprint),
                        embedding recipe (units.py: sentence vectors separate or pooled),
                        chunking settings, sha256 of every corpus file, build time, counts, kind
  index/chunks.jsonl    one chunk per line, with the hashes of its embedded units, in vector order
  index/speeches.jsonl  one speech per line: cleaned text, title, script, offset map
  index/vectors.faiss   normalised vectors, inner product: exact IndexFlatIP, or HNSW above
                        `hnsw_threshold` vectors. Each chunk has several: its whole text and
                        each of its sentences (see units.py); a chunk scores its best one
  index/lexical.npz     the BM25 postings as flat arrays (see lexical.py)
  index/README.md       what this folder is

A build writes everything into a temporary sibling folder, fsyncs it, then swaps it in with one
atomic rename (renameat2 RENAME_EXCHANGE), so a crash or Ctrl-C at any moment leaves the previous
index whole and loadable. Builds take a lock file, and clear temp folders left by killed builds.
Vectors are reused from the previous index when a unit's text (and the model) is unchanged, so
updating one file re-embeds only its chunks. No pickle anywhere.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from .config import Config
from .embed import is_tuned
from .errors import IndexInvalid, IndexMissing, IndexWriteError
from .lexical import BM25, tokenize
from .types import Chunk, OffsetMap, Segment, Speech
from .units import EMBED_RECIPE, embed_units, recipe_name

FORMAT = 2  # 2: lexical.npz (BM25 postings as arrays) replaced lexical.json
README = """\
This folder holds ragbot's search index: `manifest.json` (what built it, from which files),
`chunks.jsonl`, `speeches.jsonl`, `vectors.faiss` and `lexical.npz`.
It is generated, not committed: `make run` (or `ragbot ingest`) builds it when it is missing or
stale, and replaces it atomically. Delete the folder to force a full rebuild.
"""


@dataclass(frozen=True)
class Manifest:
    format: int
    ragbot_version: str
    embedder: str
    dim: int
    fingerprint: str
    chunking: dict[str, int]
    files: dict[str, str]
    skipped: dict[str, str]
    built_at: str
    chunks: int
    units: int
    speeches: int
    kind: str
    embed_recipe: str = EMBED_RECIPE
    stats: dict[str, Any] = field(default_factory=dict)


class Vectors(Protocol):
    """What ragbot uses of a faiss index (IndexFlatIP or IndexHNSWFlat; faiss ships no type information)."""

    ntotal: int
    d: int

    def search(self, x: np.ndarray, k: int, *, params: Any = None) -> tuple[np.ndarray, np.ndarray]: ...

    def reconstruct_n(self, i0: int, ni: int) -> np.ndarray: ...


class Index:
    """A loaded index: chunks, speeches, the vector index (several rows per chunk) and BM25."""

    def __init__(
        self,
        folder: Path,
        manifest: Manifest,
        chunks: list[Chunk],
        unit_keys: list[list[str]],
        speeches: list[Speech],
        vectors: Vectors,
        bm25: BM25,
    ) -> None:
        self.folder = folder
        self.manifest = manifest
        self.chunks = chunks
        self.unit_keys = unit_keys
        self.speeches = {(s.file, s.speech): s for s in speeches}
        self.vectors = vectors
        self.bm25 = bm25
        counts = np.array([len(k) for k in unit_keys], dtype=np.int64)
        self.unit_start = np.concatenate([[0], np.cumsum(counts)])  # chunk i owns rows [start[i], start[i+1])
        self.owner = np.repeat(np.arange(len(chunks)), counts)  # row -> chunk
        self.by_id = {c.id: i for i, c in enumerate(chunks)}
        self._matrix: np.ndarray | None = None
        self._matrix_lock = threading.Lock()

    def sentences(self, ci: int) -> list[tuple[int, str, int]]:
        """(vector row, the sentence as the file has it, its position in the chunk text) for each
        sentence unit of chunk `ci` (the whole chunk when it is a single sentence)."""
        chunk = self.chunks[ci]
        units = embed_units(chunk)
        rows = range(int(self.unit_start[ci]), int(self.unit_start[ci + 1]))
        pairs = list(zip(units[1:], rows[1:])) or [(units[0], rows[0])]
        out = []
        for unit, row in pairs:
            at = chunk.folded.find(unit)  # folding keeps positions, so the original is at the same place
            out.append((row, chunk.text[at : at + len(unit)] if at >= 0 else unit, max(at, 0)))
        return out

    @property
    def matrix(self) -> np.ndarray:
        """All vectors as one array (read once from FAISS, kept for sentence scoring)."""
        if self._matrix is None:
            with self._matrix_lock:  # concurrent first askers wait for one copy instead of each making one
                if self._matrix is None:
                    self._matrix = self.vector_matrix()
        return self._matrix

    def vector_matrix(self) -> np.ndarray:
        """All stored vectors, in row order."""
        n = self.vectors.ntotal
        return np.asarray(self.vectors.reconstruct_n(0, n)) if n else np.zeros((0, self.manifest.dim), np.float32)


# ---------------------------------------------------------------- serialisation
def _chunk_json(c: Chunk, keys: list[str]) -> dict[str, Any]:
    return {**asdict(c), "headings": list(c.headings), "units": keys}


def _chunk_from(d: dict[str, Any]) -> tuple[Chunk, list[str]]:
    keys = d.pop("units")
    d["headings"] = tuple(d["headings"])
    return Chunk(**d), keys


def _speech_json(s: Speech) -> dict[str, Any]:
    d = asdict(s)
    d["offsets"] = [[g.clean_start, g.clean_end, g.orig_start, g.orig_end, int(g.copied)] for g in s.offsets.segments]
    d["removed"] = [[r.start, r.end, r.rule] for r in s.removed]
    d["gaps"] = list(s.gaps)
    return d


def _speech_from(d: dict[str, Any]) -> Speech:
    from .types import Removal

    d["offsets"] = OffsetMap(tuple(Segment(a, b, c, e, bool(f)) for a, b, c, e, f in d["offsets"]))
    d["removed"] = tuple(Removal(a, b, "", rule) for a, b, rule in d["removed"])
    d["gaps"] = tuple(d["gaps"])
    return Speech(**d)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write(path: Path, data: str | Iterable[str]) -> None:
    """Write and fsync one file: text, or lines as they are made."""
    with open(path, "wb") as f:
        if isinstance(data, str):
            f.write(data.encode("utf-8"))
        else:
            for line in data:
                f.write(line.encode("utf-8"))
        f.flush()
        os.fsync(f.fileno())


def _exchange(a: Path, b: Path) -> None:
    """Atomically swap two folders (Linux renameat2 RENAME_EXCHANGE); raises OSError where unsupported."""
    libc = ctypes.CDLL(None, use_errno=True)
    fn = getattr(libc, "renameat2", None)
    if fn is None:
        raise OSError(errno.ENOSYS, "renameat2 not available")
    at_fdcwd, rename_exchange = -100, 2
    if fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) != 0:
        e = ctypes.get_errno()
        raise OSError(e, os.strerror(e))


def _is_replaceable(folder: Path) -> bool:
    """True for a folder we may replace: missing, empty, only our README, or a ragbot index."""
    if not folder.exists():
        return True
    if not folder.is_dir():
        return False
    names = {p.name for p in folder.iterdir()}
    return names <= {"README.md"} or "manifest.json" in names


@contextlib.contextmanager
def build_lock(folder: Path) -> Iterator[None]:
    """An exclusive lock for building `folder` (waits for another build to finish)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    with open(folder.parent / f".{folder.name}.lock", "a+") as f:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f.fileno(), fcntl.LOCK_UN)


def stray_temp_folders(folder: Path) -> list[Path]:
    return sorted(folder.parent.glob(f".{folder.name}.tmp-*"))


def save(
    folder: Path,
    manifest: Manifest,
    chunks: Sequence[Chunk],
    unit_keys: Sequence[list[str]],
    speeches: Sequence[Speech],
    vectors: Iterable[np.ndarray],
    hook: Callable[[str], None] | None = None,
) -> None:
    """Write a complete index into a temp sibling folder, then swap it in atomically.

    `vectors`: every row in index order, in blocks, read once (units.Rows.drain() frees each
    block as the vector index takes it).

    `hook(stage)` is called between steps (tests use it to simulate a failure mid-build).
    Call inside `build_lock(folder)`.
    """
    if not _is_replaceable(folder):
        raise IndexInvalid(
            f"{folder} exists and is not a ragbot index (no manifest.json); choose another --index folder"
        )
    for stray in stray_temp_folders(folder):  # left by a killed build; we hold the lock
        shutil.rmtree(stray, ignore_errors=True)
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.tmp-", dir=folder.parent))
    except OSError as e:
        raise IndexWriteError(
            f"cannot create a folder beside {folder} ({e.strerror}); the previous index is unchanged. "
            "Fix permissions or free disk space, then run `ragbot ingest` again",
            e,
        ) from None
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o777 & ~umask)  # mkdtemp makes it private; an index is as shareable as any folder
    try:
        _write_all(tmp, manifest, chunks, unit_keys, speeches, vectors, hook)
        if folder.exists():
            try:
                _exchange(tmp, folder)  # tmp now holds the old index
            except OSError:
                old = Path(tempfile.mkdtemp(prefix=f".{folder.name}.tmp-old-", dir=folder.parent))
                os.rename(folder, old / "x")
                os.rename(tmp, folder)
                shutil.rmtree(old, ignore_errors=True)
        else:
            os.rename(tmp, folder)
        _fsync_dir(folder.parent)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _write_all(
    tmp: Path,
    manifest: Manifest,
    chunks: Sequence[Chunk],
    unit_keys: Sequence[list[str]],
    speeches: Sequence[Speech],
    vectors: Iterable[np.ndarray],
    hook: Callable[[str], None] | None,
) -> None:
    """Every file of the index into `tmp`, fsynced. A failed write (disk full, quota, permissions)
    becomes IndexWriteError; the caller has not touched the live index yet."""
    import faiss

    try:
        # line by line: no second copy of the corpus as one string
        _write(
            tmp / "chunks.jsonl",
            (json.dumps(_chunk_json(c, k), ensure_ascii=False) + "\n" for c, k in zip(chunks, unit_keys)),
        )
        if hook:
            hook("chunks")
        _write(tmp / "speeches.jsonl", (json.dumps(_speech_json(s), ensure_ascii=False) + "\n" for s in speeches))
        # written through our own file object, so a failed write is an OSError that names its cause,
        # and streamed: no serialised copy of the index in memory
        with open(tmp / "vectors.faiss", "wb") as f:
            faiss.write_index(_faiss_index(vectors, manifest), faiss.PyCallbackIOWriter(f.write))  # type: ignore[attr-defined]
            f.flush()
            os.fsync(f.fileno())
        bm25 = BM25.build(tokenize(c.folded, folded=True) for c in chunks)
        bm25.save(tmp / "lexical.npz")
        if hook:
            hook("vectors")
        _write(tmp / "README.md", README)
        _write(tmp / "manifest.json", json.dumps(asdict(manifest), ensure_ascii=False, indent=2))
        with open(tmp / "lexical.npz", "rb") as f:
            os.fsync(f.fileno())
        _fsync_dir(tmp)
    except (OSError, RuntimeError) as e:  # faiss reports a failed fwrite as RuntimeError
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e).strip().splitlines()[0][:200]
        raise IndexWriteError(
            f"could not write the new index ({reason}); the previous index is unchanged. "
            f"Free disk space or fix permissions in {tmp.parent}, then run `ragbot ingest` again",
            e if isinstance(e, OSError) else None,
        ) from None
    if hook:
        hook("swap")


def _faiss_index(blocks: Iterable[np.ndarray], manifest: Manifest) -> Any:
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


# ---------------------------------------------------------------- loading
def previous_vectors(folder: Path) -> tuple[Manifest, list[str], np.ndarray] | None:
    """What an update can reuse of the index at `folder`: its manifest, each vector's key and the
    vectors (without its texts, speeches or BM25); None when it is missing or unusable."""
    import faiss

    try:
        manifest = read_manifest(folder)
        keys: list[str] = []
        with open(folder / "chunks.jsonl", encoding="utf-8") as f:
            for line in f:
                keys.extend(json.loads(line)["units"])
        vectors: Any = faiss.read_index(str(folder / "vectors.faiss"))
    except (IndexInvalid, OSError, ValueError, KeyError, TypeError, RuntimeError):
        return None
    if not len(keys) == vectors.ntotal == manifest.units or vectors.d != manifest.dim:
        return None
    matrix = np.asarray(vectors.reconstruct_n(0, len(keys))) if keys else np.zeros((0, manifest.dim), np.float32)
    return manifest, keys, matrix


def read_manifest(folder: Path) -> Manifest:
    path = folder / "manifest.json"
    if not path.is_file():
        raise IndexMissing(f"no index at {folder}/; run `ragbot ingest` to build it")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise IndexInvalid(
                f"index at {folder}/ has format {data.get('format')}, this ragbot reads {FORMAT}; "
                "run `ragbot ingest --rebuild`"
            )
        return Manifest(**data)
    except (ValueError, TypeError) as e:
        raise IndexInvalid(
            f"index at {folder}/ has an unreadable manifest ({e}); run `ragbot ingest --rebuild`"
        ) from None


def check_embedder(
    manifest: Manifest,
    folder: Path,
    name: str | None,
    fingerprint: str | None = None,
    dim: int | None = None,
    recipe: str | None = None,
) -> None:
    """IndexInvalid, saying what to run, unless the index was built by this embedder (name, weights,
    size) with this recipe (sentence vectors embedded on their own, or pooled from their chunk's pass)."""
    if recipe and manifest.embed_recipe != recipe:
        built, wanted = (recipe_name(r) for r in (manifest.embed_recipe, recipe))
        raise IndexInvalid(
            f"index at {folder}/ was built with sentence_vectors = {built}, the settings ask for {wanted}; "
            f"run `ragbot ingest --rebuild` or set sentence_vectors = {built} (--sentence-vectors {built})"
        )
    if name and manifest.embedder != name:
        use = "tuned" if is_tuned(Path(manifest.embedder)) else manifest.embedder  # a tuned model: by the setting
        raise IndexInvalid(
            f"index at {folder}/ was built with embedder '{manifest.embedder}', not '{name}'; "
            f"run `ragbot ingest --rebuild` or use --embedder {use}"
        )
    if fingerprint and manifest.fingerprint != fingerprint:
        raise IndexInvalid(
            f"index at {folder}/ was built with other weights of embedder '{manifest.embedder}' "
            f"({manifest.fingerprint}, not {fingerprint}); run `ragbot ingest --rebuild`"
        )
    if dim is not None and manifest.dim != dim:
        raise IndexInvalid(
            f"index at {folder}/ holds {manifest.dim}-d vectors, the embedder makes {dim}-d; "
            "run `ragbot ingest --rebuild`"
        )


def load(
    folder: Path,
    embedder_name: str | None = None,
    fingerprint: str | None = None,
    dim: int | None = None,
    ef_search: int = Config.ef_search,
    recipe: str | None = None,
) -> Index:
    """Load and check an index; `embedder_*` and `recipe` are what the caller will query with."""
    import faiss

    manifest = read_manifest(folder)
    check_embedder(manifest, folder, embedder_name, fingerprint, dim, recipe)
    try:
        pairs = [_chunk_from(json.loads(line)) for line in (folder / "chunks.jsonl").read_text("utf-8").splitlines()]
        speeches = [_speech_from(json.loads(x)) for x in (folder / "speeches.jsonl").read_text("utf-8").splitlines()]
        vectors: Any = faiss.read_index(str(folder / "vectors.faiss"))
        bm25 = BM25.load(folder / "lexical.npz")
    except Exception as e:  # truncated or edited files: one line, and what to run
        raise IndexInvalid(
            f"index at {folder}/ is corrupt ({type(e).__name__}: {str(e)[:80]}); run `ragbot ingest --rebuild`"
        ) from None
    units = sum(len(k) for _, k in pairs)
    if not (len(pairs) == bm25.n == manifest.chunks and units == vectors.ntotal == manifest.units) or (
        vectors.d != manifest.dim
    ):
        raise IndexInvalid(
            f"index at {folder}/ is inconsistent ({len(pairs)} chunks, {units} units, {vectors.ntotal} vectors, "
            f"{bm25.n} lexical rows); run `ragbot ingest --rebuild`"
        )
    if manifest.kind == "hnsw":
        vectors.hnsw.efSearch = ef_search
    chunks = [c for c, _ in pairs]
    return Index(folder, manifest, chunks, [k for _, k in pairs], speeches, vectors, bm25)
