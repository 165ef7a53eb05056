"""Ingest, build and search: the stages behind the CLI, the app and evaluation (answering is answer.py).

  ingest(paths)         paths -> Corpus (speeches, chunks, a report per file)
  build_index(paths)    ingest, then create or update the index folder incrementally
  Ragbot(config)        a session: loads the embedder and index once, then `search(query)`, `phrases(query)`

Library errors are raised as RagbotError subclasses; the CLI and app turn them into one-line
messages. Models and indexes load lazily, so commands that need neither stay fast.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from . import __version__, reuse, scale, units
from . import folder as folder_mod
from . import index as index_mod
from .chunk import ChunkSettings, chunk_speech
from .config import Config, Mode
from .embed import DEFAULT, Embedder, fingerprint, is_tuned, make_embedder
from .errors import ConfigError, IndexInvalid, NothingToIngest, RagbotError, SkipFile
from .ingest import Source, find_files, load_speeches
from .lexical import tokenize
from .phrases import PhraseResult, counts, occurrences, similar_sentences
from .rerank import Reranker, make_reranker
from .retrieve import SearchSettings, embedded, prepare_query, search
from .script import fold_chars
from .store import Filters, spec_of
from .tune import TUNED, ensure_tuned
from .types import BuildReport, Chunk, Corpus, FileReport, Progress, SearchResult, Speech, Tuned

FileResult = tuple[FileReport, tuple[Speech, ...], tuple[Chunk, ...]]
Mapper = Callable[[Callable[[Source], FileResult], Sequence[Source]], Iterable[FileResult]]


def read_file(source: Source, config: Config) -> FileResult:
    """Read, clean, split and chunk one file: its report (with the reason when it cannot be used),
    its speeches and their chunks. A plain function, so a cluster can map it over files (scale.py)."""
    try:
        found = load_speeches(source, config.max_file_bytes)
    except SkipFile as e:
        return FileReport(file=source.name, skipped=str(e)), (), ()
    settings = ChunkSettings.of(config)
    file_chunks = tuple(c for s in found for c in chunk_speech(s, settings))
    removed = {(r.start, r.end): r for s in found for r in s.removed}
    report = FileReport(
        file=source.name,
        encoding=found[0].encoding,
        speeches=len(found),
        chunks=len(file_chunks),
        removed=len(removed),
        removed_chars=sum(r.end - r.start for r in removed.values()),
        sha256=hashlib.sha256(source.path.read_bytes()).hexdigest(),
    )
    return report, tuple(found), file_chunks


def ingest(
    paths: Iterable[str | Path], config: Config, progress: Progress | None = None, mapper: Mapper | None = None
) -> Corpus:
    """Read, clean, split and chunk every supported file under `paths` (`read_file` on each, in this
    process, or through `mapper`, which keeps their order: scale.py's runs them on Ray).

    Files that cannot be used are reported with their reason and the rest go on. Raises
    NothingToIngest when not a single speech came out.
    """
    sources, passed = find_files(paths)
    reports = [FileReport(file=name, skipped=reason) for name, reason in passed]
    speeches: list[Speech] = []
    chunks: list[Chunk] = []

    def here(fn: Callable[[Source], FileResult], items: Sequence[Source]) -> Iterator[FileResult]:
        for i, source in enumerate(items):
            if progress:
                progress(i, len(items), source.name)
            yield fn(source)

    for report, found, file_chunks in (mapper or here)(lambda s: read_file(s, config), sources):
        reports.append(report)
        speeches += found
        chunks += file_chunks
    if progress:
        progress(len(sources), len(sources), "")
    corpus = Corpus(tuple(speeches), tuple(chunks), tuple(reports))
    if not speeches:
        why = "; ".join(f"{r.file}: {r.skipped}" for r in reports[:3]) or "no paths given"
        raise NothingToIngest(
            f"nothing could be ingested ({why}); pass .txt/.md/.docx/.pdf/.html files or folders", corpus.files
        )
    return corpus


# ---------------------------------------------------------------- building
def _manifest(
    corpus: Corpus,
    config: Config,
    embedder_name: str,
    dim: int,
    fp: str,
    units: int,
    stats: dict[str, Any],
    recipe: str = units.EMBED_RECIPE,
) -> index_mod.Manifest:
    s = ChunkSettings.of(config)
    return index_mod.Manifest(
        format=index_mod.FORMAT,
        ragbot_version=__version__,
        embedder=embedder_name,
        dim=dim,
        fingerprint=fp,
        chunking={"size": s.size, "overlap": s.overlap, "min_size": s.min_size},
        files={f.file: f.sha256 for f in corpus.files if not f.skipped},
        skipped={f.file: f.skipped for f in corpus.files if f.skipped},
        built_at=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        chunks=len(corpus.chunks),
        units=units,
        speeches=len(corpus.speeches),
        kind="hnsw" if units > config.hnsw_threshold else "flat",
        embed_recipe=recipe,
        stats=stats,
    )


def _same_build(old: index_mod.Manifest, new: index_mod.Manifest) -> bool:
    keys = (
        "format",
        "embedder",
        "fingerprint",
        "chunking",
        "files",
        "skipped",
        "kind",
        "embed_recipe",
        "chunks",
        "units",
    )
    a, b = asdict(old), asdict(new)
    return all(a[k] == b[k] for k in keys)


def tune_corpus(corpus: Corpus, retrain: bool = False, progress: Progress | None = None) -> Tuned:
    """e5-small tuned on `corpus` as it is: cached, or trained now (`retrain`: always trained), or the
    base model with a notice when training fails (tune.ensure_tuned)."""
    speeches = {(s.file, s.speech): s for s in corpus.speeches}
    files = {f.file: f.sha256 for f in corpus.files if not f.skipped}
    return ensure_tuned(corpus.chunks, speeches, files, retrain=retrain, progress=progress)


def _tuned(config: Config, corpus: Corpus, progress: Progress | None) -> Tuned:
    """The model for `embedder = "tuned"`: the tuned model the index was built with (updates keep it;
    `ragbot tune` moves an index to the corpus as it is now), else tune_corpus."""
    try:
        built = index_mod.read_manifest(Path(config.index)).embedder
    except RagbotError:  # no index yet, or one this version cannot read: it is rebuilt anyway
        built = ""
    if built and is_tuned(Path(built)):
        return Tuned(built, False)
    tuned = tune_corpus(corpus, progress=progress)
    return replace(tuned, notice=f"{tuned.notice}; the index uses {DEFAULT}") if tuned.notice else tuned


def build_index(
    paths: Iterable[str | Path],
    config: Config,
    embedder: Embedder | None = None,
    progress: Progress | None = None,
    rebuild: bool = False,
    hook: Callable[[str], None] | None = None,
) -> tuple[Corpus, BuildReport]:
    """Ingest `paths` and bring the index up to date with them (`_build`), in this process or, with
    `workers = "ray"`, reading and embedding on a Ray cluster (scale.py)."""
    actors = scale.parse_workers(config.workers)
    if actors is None:
        return _build(paths, config, embedder, progress, rebuild, hook)
    if units.mode(config, embedder) == "pooled":
        raise ConfigError("sentence_vectors = pooled builds in one process; use separate or only with --workers ray")
    with scale.Ray(actors) as ray:
        return _build(paths, config, embedder, progress, rebuild, hook, ray)


def _build(
    paths: Iterable[str | Path],
    config: Config,
    embedder: Embedder | None = None,
    progress: Progress | None = None,
    rebuild: bool = False,
    hook: Callable[[str], None] | None = None,
    ray: scale.Ray | None = None,
) -> tuple[Corpus, BuildReport]:
    """Ingest `paths` and bring the index folder up to date with them.

    Vectors of unchanged units are reused from the existing index (unless `rebuild`): rows a Milvus
    update keeps in place are not read at all, others are read back for just those rows (reuse.py); the
    model (default: `make_embedder(config.embedder)`) is loaded only when something has to be
    embedded. With `embedder = "tuned"` the model is chosen by `_tuned`.
    """
    t0 = time.perf_counter()
    corpus = ingest(paths, config, mapper=ray.map_files if ray else None)
    folder = Path(config.index)
    tuned = _tuned(config, corpus, progress) if config.embedder == TUNED and embedder is None else None
    if tuned is not None:
        config = replace(config, embedder=tuned.embedder)
    loaded: list[Embedder] = [embedder] if embedder is not None else []

    def model() -> Embedder:
        if not loaded:
            loaded.append(make_embedder(config.embedder))
        return loaded[0]

    name = embedder.name if embedder is not None else config.embedder
    fp = embedder.fingerprint if embedder is not None else fingerprint(config.embedder)
    recipe = units.mode(config, embedder)
    pool = recipe == "pooled"
    unit_texts = [units.embed_units(c) for c in corpus.chunks]
    unit_keys = [units.unit_keys(c, fp, recipe) for c in corpus.chunks]
    flat_keys = [k for keys in unit_keys for k in keys]
    with folder_mod.build_lock(folder):
        old_rows: dict[str, int] = {}  # key -> row of the previous index's vectors
        old_manifest = None
        previous = None if rebuild else reuse.previous_keys(folder)
        if previous is not None:
            old_manifest, old_keys = previous
            if old_manifest.fingerprint == fp and old_manifest.embedder == name:
                old_rows = {k: i for i, k in enumerate(old_keys)}
            del previous, old_keys
        dim = old_manifest.dim if old_manifest and old_rows else model().dim
        # rows an update in place keeps (Milvus): no vector to read, make or write for them
        skipped = None
        if old_rows:
            draft = _manifest(corpus, config, name, dim, fp, len(flat_keys), {}, units.embed_recipe(recipe))
            skipped = reuse.kept_rows(folder, config.store_spec, draft, corpus.chunks, unit_keys)
        at: dict[str, list[int]] = {}  # key -> the rows that need its vector (a text repeated has several)
        for i, k in enumerate(flat_keys):
            if skipped is None or not skipped[i]:
                at.setdefault(k, []).append(i)
        vectors = units.Rows(len(flat_keys), dim)
        if old_manifest is not None and not reuse.fill(folder, old_manifest, old_rows, at, vectors):
            old_rows = {}  # the store lost them: they are embedded again
        missing = at.keys() - old_rows.keys()
        if ray is not None:
            todo = scale.todo_of(unit_texts, unit_keys, missing)
            embedded, read = ray.embed(name, todo, progress, lambda k, v: vectors.put(at.get(k, ()), v))
        else:
            embedded, read = units.embed_missing(
                model,
                corpus.chunks,
                unit_texts,
                unit_keys,
                missing,
                pool,
                progress,
                lambda k, v: vectors.put(at.get(k, ()), v),  # a pooled pass also makes kept rows' vectors
            )
        at.clear()  # what embedding needed goes before the index is written, and a model this build
        del unit_texts, missing  # loaded itself (a caller's embedder stays the caller's)
        loaded.clear()
        reused = sum((skipped is not None and bool(skipped[i])) or k in old_rows for i, k in enumerate(flat_keys))
        stats = {"embedded": embedded, "reused": reused, "embedded_chars": read}
        manifest = _manifest(corpus, config, name, dim, fp, len(flat_keys), stats, units.embed_recipe(recipe))
        report = BuildReport(
            str(folder),
            len(corpus.chunks),
            len(flat_keys),
            embedded,
            reused,
            manifest.kind,
            0.0,
            embedded_chars=read,
        )
        same_store = old_manifest is not None and spec_of(old_manifest.store) == config.store_spec
        if (
            old_manifest is not None
            and not embedded
            and not rebuild
            and same_store
            and _same_build(old_manifest, manifest)
        ):
            index_mod.tidy(folder)  # a store a killed build left rows in is cleared even when nothing changed
            return corpus, replace(report, seconds=time.perf_counter() - t0, up_to_date=True, tuned=tuned)
        index_mod.save(
            folder,
            manifest,
            corpus.chunks,
            unit_keys,
            corpus.speeches,
            vectors.drain(),
            hook,
            config.store_spec,
            reuse=not rebuild,
            skipped=skipped,
        )
    return corpus, replace(report, seconds=time.perf_counter() - t0, tuned=tuned)


# ---------------------------------------------------------------- searching
class Ragbot:
    """A search session over one index: the embedder and the index load once, on first use."""

    def __init__(self, config: Config, embedder: Embedder | None = None, reranker: Reranker | None = None) -> None:
        self.config = config
        self._embedder = embedder
        self._index: index_mod.Index | None = None
        self._reranker = reranker
        self._reranker_loaded = reranker is not None
        self._sentence_rows: list[tuple[int, str, int, str, str]] | None = None
        self._lock = threading.RLock()  # the app's threads share one session: load each part once

    @property
    def index(self) -> index_mod.Index:
        if self._index is None:
            with self._lock:
                if self._index is None:
                    self._index = self._load_index()
        return self._index

    def _load_index(self) -> index_mod.Index:
        """The index, checked once against the embedder that will query it (name, weights, vector size)
        and against the recipe the settings ask for."""
        want = self._embedder.name if self._embedder else self._embedder_name()
        recipe = units.embed_recipe(units.mode(self.config, self._embedder))
        if self._embedder:
            fp, dim = self._embedder.fingerprint, self._embedder.dim
        else:  # without loading the model: its name and weights identity imply its vector size
            manifest = index_mod.read_manifest(Path(self.config.index))
            index_mod.check_embedder(manifest, Path(self.config.index), want, recipe=recipe)
            fp, dim = fingerprint(want), None
        return index_mod.load(
            Path(self.config.index), want, fp, dim, self.config.ef_search, recipe, self.config.store_spec
        )

    def _embedder_name(self) -> str:
        """The configured embedder; for `tuned`, the one the index was built with (pipeline._tuned)."""
        if self.config.embedder != TUNED:
            return self.config.embedder
        built = index_mod.read_manifest(Path(self.config.index)).embedder
        if built != DEFAULT and not is_tuned(Path(built)):
            raise IndexInvalid(
                f"the embedder setting is '{TUNED}', but the index at {self.config.index}/ was built with "
                f"'{built}'; run `ragbot tune`, or use --embedder {built}"
            )
        return built

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            with self._lock:
                if self._embedder is None:
                    self._embedder = make_embedder(self._embedder_name())
        return self._embedder

    @property
    def reranker(self) -> Reranker | None:
        if not self._reranker_loaded:
            with self._lock:
                if not self._reranker_loaded:
                    self._reranker = make_reranker(self.config.reranker)
                    self._reranker_loaded = True
        return self._reranker

    def phrases(self, query: str, k: int = 10) -> PhraseResult:
        """Precedent wording: exact occurrences of a phrase (either script) and similar sentences."""
        q, _ = prepare_query(query, self.config.max_query_chars)
        index = self.index
        found = occurrences(q, list(index.speeches.values()))
        if self._sentence_rows is None:
            self._sentence_rows = [
                (row, c.file, c.speech, c.title, text)
                for ci, c in enumerate(index.chunks)
                for row, text, _ in index.sentences(ci)
            ]
        sims = similar_sentences(self.embedder.embed_query(fold_chars(q)), index.matrix, self._sentence_rows, k)
        return PhraseResult(q, tuple(found), tuple(counts(found)), tuple(sims))

    def search(
        self, query: str, k: int | None = None, mode: Mode | None = None, filters: Filters | None = None
    ) -> SearchResult:
        t0 = time.perf_counter()
        mode = mode or self.config.mode
        q, notice = prepare_query(query, self.config.max_query_chars)
        index = self.index
        qvec = self.embedder.embed_query(embedded(index, q)) if mode in ("hybrid", "dense") else None
        hits = search(index, qvec, tokenize(q), SearchSettings.of(self.config, k, mode), filters, self.reranker, q)
        return SearchResult(q, tuple(hits), notice, time.perf_counter() - t0)
