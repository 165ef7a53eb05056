"""The index on disk: a versioned folder of plain files, written atomically, loaded with checks.

  index/manifest.json   format, ragbot version, embedder (name, dimension, weights fingerprint),
                        embedding recipe (units.py: sentence vectors separate or pooled),
                        chunking settings, sha256 of every corpus file, build time, counts, kind
  index/chunks.jsonl    one chunk per line, with the hashes of its embedded units, in vector order
  index/speeches.jsonl  one speech per line: cleaned text, title, script, offset map
  the vectors           in the store the manifest names (store.py): by default index/vectors.faiss
                        (store_faiss.py), or a Milvus collection (store_milvus.py). Each chunk has
                        several: its whole text and each of its sentences (see units.py); a chunk
                        scores its best one
  index/lexical.npz     the BM25 postings as flat arrays (see lexical.py)
  index/ids.npz         with Milvus: each row's and chunk's stable id in the collections (milvus_rows.py)
  index/README.md       what this folder is

A build writes everything into a temporary sibling folder, fsyncs it, then swaps it in with one
atomic rename (renameat2 RENAME_EXCHANGE), so a crash or Ctrl-C at any moment leaves the previous
index whole and loadable; a store outside the folder writes new collections first, or updates the
live ones in place with rows the live catalogue does not know (store_milvus.py), and what the old
index used and the new one does not is dropped only after the swap (a failure after the swap leaves
it to the next build). Builds take a lock file, and clear temp folders left by killed builds.
Vectors are reused from the previous index when a unit's text (and the model) is unchanged, so
updating one file re-embeds only its chunks; an update of a Milvus collection in place reads back only
the vectors of rows it writes anew (a moved or re-cut chunk's unchanged sentences), none of the rows it
keeps (reuse.py). No pickle anywhere.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar, cast

import numpy as np

from .config import Config
from .embed import is_tuned
from .errors import IndexInvalid, IndexMissing, IndexWriteError, RagbotError
from .folder import exchange, fsync_dir, is_replaceable, stray_temp_folders, write
from .lexical import BM25, tokenize
from .store import FOLDER, StoreSpec, VectorStore, backend, spec_of
from .types import Chunk, OffsetMap, Segment, Speech
from .units import EMBED_RECIPE, recipe_name, split_units

T = TypeVar("T")

log = logging.getLogger(__name__)
FORMAT = 4  # 4: folding writes 網路 as 网络 (script.fold); 3: 著 as 着; 2: lexical.npz replaced lexical.json
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
    store: dict[str, str] = field(default_factory=lambda: {"backend": "faiss"})  # where the vectors are


class Index:
    """A loaded index: chunks, speeches, the vector store (several rows per chunk) and BM25."""

    def __init__(
        self,
        folder: Path,
        manifest: Manifest,
        chunks: list[Chunk],
        unit_keys: list[list[str]],
        speeches: list[Speech],
        store: VectorStore,
        bm25: BM25,
        unit_start: np.ndarray,
    ) -> None:
        self.folder = folder
        self.manifest = manifest
        self.chunks = chunks
        self.unit_keys = unit_keys
        self.speeches = {(s.file, s.speech): s for s in speeches}
        self.store = store
        self.bm25 = bm25
        self.unit_start = unit_start  # chunk i owns rows [start[i], start[i+1])
        self.owner = np.repeat(np.arange(len(chunks)), np.diff(unit_start))  # row -> chunk
        self.by_id = {c.id: i for i, c in enumerate(chunks)}
        self._derived: dict[str, object] = {}
        self._lock = threading.RLock()

    def sentences(self, ci: int) -> list[tuple[int, str, int]]:
        """(vector row, the sentence as the file has it, its position in the chunk text) for each
        sentence unit of chunk `ci` (the whole chunk when it is a single sentence)."""
        chunk = self.chunks[ci]
        units = split_units(chunk.folded)  # where `embed_units` has them: no chunk folded again per question
        rows = range(int(self.unit_start[ci]), int(self.unit_start[ci + 1]))
        pairs = list(zip(units[1:], rows[1:])) or [(units[0], rows[0])]
        out = []
        for unit, row in pairs:
            at = chunk.folded.find(unit)  # folding keeps positions, so the original is at the same place
            out.append((row, chunk.text[at : at + len(unit)] if at >= 0 else unit, max(at, 0)))
        return out

    def derived(self, key: str, make: Callable[[], T]) -> T:
        """What is made from this index once and kept with it (`key` names it: the vector matrix, the
        sections, sentence rows, text frequencies). An update loads a new Index, so nothing goes stale;
        concurrent first askers wait for one copy instead of each making one."""
        if key not in self._derived:
            with self._lock:
                if key not in self._derived:
                    self._derived[key] = make()
        return cast(T, self._derived[key])

    @property
    def matrix(self) -> np.ndarray:
        """All vectors as one array (read once from the store, kept for sentence scoring)."""
        return self.derived("matrix", self.vector_matrix)

    def vector_matrix(self) -> np.ndarray:
        """All stored vectors, in row order."""
        return self.store.vectors()


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


def unit_starts(unit_keys: Sequence[list[str]]) -> np.ndarray:
    """Where each chunk's rows start (and, last, the number of rows): chunk i owns [s[i], s[i+1])."""
    counts = np.array([len(k) for k in unit_keys], dtype=np.int64)
    return np.concatenate([[0], np.cumsum(counts)])


def save(
    folder: Path,
    manifest: Manifest,
    chunks: Sequence[Chunk],
    unit_keys: Sequence[list[str]],
    speeches: Sequence[Speech],
    vectors: Iterable[np.ndarray],
    hook: Callable[[str], None] | None = None,
    spec: StoreSpec = FOLDER,
    reuse: bool = True,
    skipped: np.ndarray | None = None,
) -> None:
    """Write a complete index into a temp sibling folder, then swap it in atomically.

    `vectors`: every row in index order, in blocks, read once (units.Rows.drain() frees each
    block as the vector index takes it). They go to the store `spec` names; a store outside the
    folder gets new storage or, with `reuse`, may update the live index's in place (Milvus), and
    what the replaced index stored that the new one does not use is retired after the swap.
    `skipped`: rows the store keeps in place (reuse.kept_rows), whose vectors `vectors` leaves zero.

    `hook(stage)` is called between steps (tests use it to simulate a failure mid-build).
    Call inside `build_lock(folder)`.
    """
    if not is_replaceable(folder):
        raise IndexInvalid(
            f"{folder} exists and is not a ragbot index (no manifest.json); choose another --index folder"
        )
    for stray in stray_temp_folders(folder):  # left by a killed build; we hold the lock
        shutil.rmtree(stray, ignore_errors=True)
    try:
        old: Manifest | None = read_manifest(folder)
    except RagbotError:
        old = None
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
    new_store = backend(spec.backend)
    written: dict[str, str] | None = None
    swapped = False
    try:
        written = _write_all(folder, tmp, manifest, chunks, unit_keys, speeches, vectors, hook, spec, reuse, skipped)
        if folder.exists():
            try:
                exchange(tmp, folder)  # tmp now holds the old index
                swapped = True
            except OSError:
                old_tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.tmp-old-", dir=folder.parent))
                os.rename(folder, old_tmp / "x")
                os.rename(tmp, folder)
                swapped = True
                shutil.rmtree(old_tmp, ignore_errors=True)
        else:
            os.rename(tmp, folder)
            swapped = True
        fsync_dir(folder.parent)
    except BaseException:
        if written is not None and not swapped:  # the folder swap failed: the new storage is nobody's
            with contextlib.suppress(Exception):
                new_store.retire(spec, folder, written, None)
        raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if old is not None:
        _retire(folder, old.store, written)


def tidy(folder: Path) -> None:
    """Best effort: what the store of the index at `folder` holds beyond its catalogue (rows of a build
    killed midway) goes; an index that is up to date is otherwise not written at all."""
    with contextlib.suppress(RagbotError):
        info = read_manifest(folder).store
        _retire(folder, info, info)


def discard(folder: Path) -> None:
    """Remove the index at `folder` for good: its folder, and its store's storage outside it (a
    temporary index, such as an evaluation variant's)."""
    with contextlib.suppress(RagbotError):  # no index there (a build that failed): only the folder
        _retire(folder, read_manifest(folder).store, None)
    shutil.rmtree(folder, ignore_errors=True)


def _retire(folder: Path, info: dict[str, str], keep: dict[str, str] | None) -> None:
    """Best effort: the replaced index's storage outside the folder (a Milvus collection) goes; a store
    that cannot be reached now keeps it, and the next build there sweeps it."""
    try:
        backend(spec_of(info).backend).retire(spec_of(info), folder, info, keep)
    except RagbotError as e:
        log.warning("could not remove the replaced index's vectors (%s); the next build retries", e)


def _write_all(
    folder: Path,
    tmp: Path,
    manifest: Manifest,
    chunks: Sequence[Chunk],
    unit_keys: Sequence[list[str]],
    speeches: Sequence[Speech],
    vectors: Iterable[np.ndarray],
    hook: Callable[[str], None] | None,
    spec: StoreSpec,
    reuse: bool,
    skipped: np.ndarray | None = None,
) -> dict[str, str]:
    """Every file of the index into `tmp`, fsynced, and the vectors into the store; returns the
    manifest's store entry. A failed write (disk full, quota, permissions) becomes IndexWriteError;
    the caller has not touched the live index yet."""
    written: dict[str, str] | None = None
    try:
        # line by line: no second copy of the corpus as one string
        write(
            tmp / "chunks.jsonl",
            (json.dumps(_chunk_json(c, k), ensure_ascii=False) + "\n" for c, k in zip(chunks, unit_keys)),
        )
        if hook:
            hook("chunks")
        write(tmp / "speeches.jsonl", (json.dumps(_speech_json(s), ensure_ascii=False) + "\n" for s in speeches))
        written = backend(spec.backend).write(spec, folder, tmp, manifest, chunks, unit_keys, vectors, reuse, skipped)
        bm25 = BM25.build(tokenize(c.folded, folded=True) for c in chunks)
        bm25.save(tmp / "lexical.npz")
        if hook:
            hook("vectors")
        write(tmp / "README.md", README)
        manifest = replace(manifest, store=written)
        write(tmp / "manifest.json", json.dumps(asdict(manifest), ensure_ascii=False, indent=2))
        with open(tmp / "lexical.npz", "rb") as f:
            os.fsync(f.fileno())
        fsync_dir(tmp)
        if hook:
            hook("swap")
        return written
    except (OSError, RuntimeError) as e:  # faiss reports a failed fwrite as RuntimeError
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e).strip().splitlines()[0][:200]
        err = IndexWriteError(
            f"could not write the new index ({reason}); the previous index is unchanged. "
            f"Free disk space or fix permissions in {tmp.parent}, then run `ragbot ingest` again",
            e if isinstance(e, OSError) else None,
        )
    except BaseException:
        if written is not None:
            with contextlib.suppress(Exception):
                backend(spec.backend).retire(spec, folder, written, None)
        raise
    if written is not None:
        with contextlib.suppress(Exception):
            backend(spec.backend).retire(spec, folder, written, None)
    raise err


# ---------------------------------------------------------------- loading
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
    spec: StoreSpec | None = None,
) -> Index:
    """Load and check an index; `embedder_*` and `recipe` are what the caller will query with, `spec`
    the store the settings name (None: whichever the manifest names)."""
    manifest = read_manifest(folder)
    check_embedder(manifest, folder, embedder_name, fingerprint, dim, recipe)
    built = spec_of(manifest.store)
    if spec is not None and spec != built:
        raise IndexInvalid(
            f"index at {folder}/ keeps its vectors in {built.shown}, the settings name {spec.shown}; "
            f"run `ragbot ingest --rebuild` to build it there, or use --store {_flag(built)}"
        )
    try:
        pairs = [_chunk_from(json.loads(line)) for line in (folder / "chunks.jsonl").read_text("utf-8").splitlines()]
        speeches = [_speech_from(json.loads(x)) for x in (folder / "speeches.jsonl").read_text("utf-8").splitlines()]
        bm25 = BM25.load(folder / "lexical.npz")
    except Exception as e:  # truncated or edited files: one line, and what to run
        raise IndexInvalid(
            f"index at {folder}/ is corrupt ({type(e).__name__}: {str(e)[:80]}); run `ragbot ingest --rebuild`"
        ) from None
    chunks = [c for c, _ in pairs]
    starts = unit_starts([k for _, k in pairs])
    store = backend(built.backend).open(built, folder, manifest, chunks, starts, ef_search)
    units, count = int(starts[-1]), store.count()
    if not (len(pairs) == bm25.n == manifest.chunks and units == count == manifest.units) or store.dim != manifest.dim:
        store.close()
        raise IndexInvalid(
            f"index at {folder}/ is inconsistent ({len(pairs)} chunks, {units} units, {count} vectors "
            f"of {store.dim} dimensions in {built.shown}, {bm25.n} lexical rows); run `ragbot ingest --rebuild`"
        )
    return Index(folder, manifest, chunks, [k for _, k in pairs], speeches, store, bm25, starts)


def _flag(spec: StoreSpec) -> str:
    return "index" if spec.backend == "faiss" else spec.shown
