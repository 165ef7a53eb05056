"""The one entry point behind the CLI, the app and evaluation.

  ingest(paths)         paths -> Corpus (speeches, chunks, a report per file)
  build_index(paths)    ingest, then create or update the index folder incrementally
  Ragbot(config)        a session: loads the embedder and index once, then `search(query)`
  Answerer(bot)         questions -> Answers with checked citations (`ask`, or `stream`)

Library errors are raised as RagbotError subclasses; the CLI and app turn them into one-line
messages. Models and indexes load lazily, so commands that need neither stay fast.
"""

from __future__ import annotations

import hashlib
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any, cast

import numpy as np

from . import __version__, cite
from . import index as index_mod
from .chunk import ChunkSettings, chunk_speech
from .config import Config
from .embed import Embedder, fingerprint, make_embedder
from .errors import IndexInvalid, NothingToIngest, QueryError, SkipFile
from .generate import (
    WORDING,
    Candidate,
    ExtractiveGenerator,
    Generator,
    GeneratorError,
    Prompt,
    condense_messages,
    make_generator,
)
from .ingest import find_files, load_speeches, valid_unicode
from .lexical import tokenize
from .phrases import PhraseResult, counts, occurrences, similar_sentences
from .rerank import Reranker, make_reranker
from .retrieve import Filters, Mode, SearchSettings, search
from .script import detect_script, fold, to_script
from .types import Answer, BuildReport, Chunk, Citation, Corpus, FileReport, Hit, Script, SearchResult, Speech

Progress = Callable[[int, int, str], None]  # (done, total, what)


def chunk_settings(config: Config) -> ChunkSettings:
    return ChunkSettings(size=config.chunk_size, overlap=config.chunk_overlap)


def ingest(paths: Iterable[str | Path], config: Config, progress: Progress | None = None) -> Corpus:
    """Read, clean, split and chunk every supported file under `paths`.

    Files that cannot be used are reported with their reason and the rest go on. Raises
    NothingToIngest when not a single speech came out.
    """
    sources, passed = find_files(paths)
    reports = [FileReport(file=name, skipped=reason) for name, reason in passed]
    speeches: list[Speech] = []
    chunks: list[Chunk] = []
    settings = chunk_settings(config)
    for i, source in enumerate(sources):
        if progress:
            progress(i, len(sources), source.name)
        try:
            found = load_speeches(source, config.max_file_bytes)
        except SkipFile as e:
            reports.append(FileReport(file=source.name, skipped=str(e)))
            continue
        file_chunks = [c for s in found for c in chunk_speech(s, settings)]
        removed = {(r.start, r.end): r for s in found for r in s.removed}
        reports.append(
            FileReport(
                file=source.name,
                encoding=found[0].encoding,
                speeches=len(found),
                chunks=len(file_chunks),
                removed=len(removed),
                removed_chars=sum(r.end - r.start for r in removed.values()),
                sha256=hashlib.sha256(source.path.read_bytes()).hexdigest(),
            )
        )
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
    corpus: Corpus, config: Config, embedder_name: str, dim: int, fp: str, units: int, stats: dict[str, Any]
) -> index_mod.Manifest:
    s = chunk_settings(config)
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


def build_index(
    paths: Iterable[str | Path],
    config: Config,
    embedder: Embedder | None = None,
    progress: Progress | None = None,
    rebuild: bool = False,
    hook: Callable[[str], None] | None = None,
) -> tuple[Corpus, BuildReport]:
    """Ingest `paths` and bring the index folder up to date with them.

    Vectors of unchanged units are reused from the existing index (unless `rebuild`); the
    model (default: `make_embedder(config.embedder)`) is loaded only when something has to be
    embedded.
    """
    t0 = time.perf_counter()
    corpus = ingest(paths, config)
    folder = Path(config.index)
    loaded: list[Embedder] = [embedder] if embedder is not None else []

    def model() -> Embedder:
        if not loaded:
            loaded.append(make_embedder(config.embedder))
        return loaded[0]

    name = embedder.name if embedder is not None else config.embedder
    fp = embedder.fingerprint if embedder is not None else fingerprint(config.embedder)
    unit_texts = [index_mod.embed_units(c) for c in corpus.chunks]
    unit_keys = [[index_mod.text_key(t, fp) for t in texts] for texts in unit_texts]
    flat_texts = [t for texts in unit_texts for t in texts]
    flat_keys = [k for keys in unit_keys for k in keys]
    with index_mod.build_lock(folder):
        old_vectors: dict[str, np.ndarray] = {}
        old_manifest = None
        if not rebuild:
            try:
                old = index_mod.load(folder)
                old_manifest = old.manifest
                if old.manifest.fingerprint == fp and old.manifest.embedder == name:
                    matrix = old.vector_matrix()
                    old_keys = [k for keys in old.unit_keys for k in keys]
                    old_vectors = {k: matrix[i] for i, k in enumerate(old_keys)}
            except IndexInvalid:
                pass  # missing or unusable: build from scratch
        todo = sorted({k: i for i, k in reversed(list(enumerate(flat_keys))) if k not in old_vectors}.values())
        dim = old_manifest.dim if old_manifest and old_vectors else model().dim
        fresh: dict[str, np.ndarray] = {}
        batch = 64
        for b in range(0, len(todo), batch):
            if progress:
                progress(b, len(todo), "embedding")
            rows = todo[b : b + batch]
            for i, v in zip(rows, model().embed_documents([flat_texts[i] for i in rows])):
                fresh[flat_keys[i]] = v
        if progress and todo:
            progress(len(todo), len(todo), "embedding")
        vectors = np.zeros((len(flat_keys), dim), np.float32)
        for i, k in enumerate(flat_keys):
            vectors[i] = fresh[k] if k in fresh else old_vectors[k]
        embedded_chars = sum(len(flat_texts[i]) for i in todo)
        reused = sum(k in old_vectors for k in flat_keys)
        stats = {"embedded": len(todo), "reused": reused, "embedded_chars": embedded_chars}
        manifest = _manifest(corpus, config, name, dim, fp, len(flat_keys), stats)
        report = BuildReport(
            str(folder),
            len(corpus.chunks),
            len(flat_keys),
            len(todo),
            reused,
            manifest.kind,
            0.0,
            embedded_chars=embedded_chars,
        )
        if old_manifest is not None and not todo and not rebuild and _same_build(old_manifest, manifest):
            return corpus, replace(report, seconds=time.perf_counter() - t0, up_to_date=True)
        index_mod.save(folder, manifest, corpus.chunks, unit_keys, corpus.speeches, vectors, hook=hook)
    return corpus, replace(report, seconds=time.perf_counter() - t0)


# ---------------------------------------------------------------- searching
_HAS_WORD = re.compile(r"[\w\u4e00-\u9fff]", re.UNICODE)


def prepare_query(query: str, max_chars: int) -> tuple[str, str]:
    """(query to search, notice) — a clear error for an empty query, truncation of a long one."""
    q = " ".join(valid_unicode(query).split())
    if not _HAS_WORD.search(q):
        raise QueryError("the query is empty or only punctuation; type a question or a phrase to search for")
    if len(q) > max_chars:
        return q[:max_chars], f"the query was {len(q)} characters; only the first {max_chars} were searched"
    return q, ""


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
        manifest = index_mod.read_manifest(Path(self.config.index))
        want = self._embedder.name if self._embedder else self.config.embedder
        if manifest.embedder != want:
            raise IndexInvalid(
                f"index at {self.config.index}/ was built with embedder '{manifest.embedder}', not '{want}'; "
                f"run `ragbot ingest --rebuild` or use --embedder {manifest.embedder}"
            )
        fp = self._embedder.fingerprint if self._embedder else fingerprint(want)
        return index_mod.load(Path(self.config.index), want, fp, None, self.config.ef_search)

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            with self._lock:
                if self._embedder is None:
                    self._embedder = make_embedder(self.config.embedder)
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
        sims = similar_sentences(self.embedder.embed_query(fold(q)), index.matrix, self._sentence_rows, k)
        return PhraseResult(q, tuple(found), tuple(counts(found)), tuple(sims))

    def settings(self, k: int | None = None, mode: Mode | None = None) -> SearchSettings:
        c = self.config
        return SearchSettings(
            k=k or c.top_k,
            mode=mode or cast(Mode, c.mode),
            depth=max(c.depth, (k or c.top_k) * 3),
            dense_weight=c.dense_weight,
            bm25_weight=c.bm25_weight,
            rrf_k=c.rrf_k,
            merge_max_chars=c.merge_max_chars,
        )

    def search(
        self, query: str, k: int | None = None, mode: Mode | None = None, filters: Filters | None = None
    ) -> SearchResult:
        t0 = time.perf_counter()
        mode = mode or cast(Mode, self.config.mode)
        q, notice = prepare_query(query, self.config.max_query_chars)
        index = self.index
        qvec = None
        if mode in ("hybrid", "dense"):
            qvec = self.embedder.embed_query(fold(q))
            if qvec.shape[0] != index.manifest.dim:
                raise IndexInvalid(
                    f"index holds {index.manifest.dim}-d vectors, the embedder makes {qvec.shape[0]}-d; "
                    "run `ragbot ingest --rebuild`"
                )
        hits = search(index, qvec, tokenize(q), self.settings(k, mode), filters, self.reranker, q)
        return SearchResult(q, tuple(hits), notice, time.perf_counter() - t0)


# ---------------------------------------------------------------- answering
_FOLLOW_UP = re.compile(
    r"^(那|这|它|其|他们|具体|还有|另外|那么|此外|然后|怎么做|如何做)|这个|那个|上述|刚才|上面|具体"
)


def is_follow_up(question: str, history: Sequence[tuple[str, str]]) -> bool:
    """A question that leans on the conversation ("那具体应该怎么做？")."""
    return bool(history) and (len(question) <= 12 or bool(_FOLLOW_UP.search(fold(question))))


def candidates(
    index: index_mod.Index, hits: Sequence[Hit], qvec: np.ndarray | None, tokens: Sequence[str]
) -> list[Candidate]:
    """Every sentence of the hits, scored against the question: cosine of its stored vector plus
    the IDF-weighted share of the question's terms it contains."""
    weights = {t: index.bm25.idf(t) for t in dict.fromkeys(tokens)}
    total = sum(weights.values()) or 1.0
    out: list[Candidate] = []
    for n, hit in enumerate(hits, start=1):
        seen: set[str] = set()
        for cid in hit.chunk_ids:
            ci = index.by_id[cid]
            for row, original, at in index.sentences(ci):
                if original in seen:
                    continue
                seen.add(original)
                cos = float(index.matrix[row] @ qvec) if qvec is not None else 0.0
                folded = fold(original)
                cover = sum(w for t, w in weights.items() if t in folded) / total
                out.append(Candidate(n, original, cos + 0.3 * cover, index.chunks[ci].text_start + at, cos))
    return out


QUANTITY = re.compile(r"多少|几[个项条种月年天次名位点]|多长|多久|第几|哪几|多大|百分之|比例")
_NUMERAL = re.compile(r"[0-9０-９]|[一二三四五六七八九十百千万两]+[个项条种件次名年月日天位%％]")


def evidence(
    question: str, cands: Sequence[Candidate], hits: Sequence[Hit] = (), tokens: Sequence[str] = ()
) -> tuple[float, bool]:
    """(best evidence similarity, whether the question asks for a quantity).

    A question asking how many / how long / which number needs a sentence that states one, so
    for those only sentences holding a numeral count as evidence (answer-type matching). When
    one excerpt holds every word of the question (two characters or more), the evidence is
    taken as certain: the speech says what was asked about in its own words.
    """
    quantity = bool(QUANTITY.search(fold(question)))
    pool = [c for c in cands if _NUMERAL.search(fold(c.text))] if quantity else list(cands)
    best = max((c.similarity for c in pool), default=0.0)
    words = [t for t in dict.fromkeys(tokens) if len(t) >= 2]
    if words and not quantity and any(all(w in fold(h.text) for w in words) for h in hits):
        best = max(best, 1.0)
    return best, quantity


class Answerer:
    """Questions -> Answers over a Ragbot session (its model and index), with a chosen generator."""

    def __init__(self, bot: Ragbot, generator: Generator | None = None) -> None:
        self.bot = bot
        self.config = bot.config
        self._generator = generator

    @property
    def generator(self) -> Generator:
        if self._generator is None:
            self._generator = make_generator(self.config.generator, self.config)
        return self._generator

    def stream(
        self,
        question: str,
        history: Sequence[tuple[str, str]] = (),
        filters: Filters | None = None,
        k: int | None = None,
    ) -> Iterator[str | Answer]:
        """Pieces of the answer text as they come, then the checked Answer as the last item."""
        times: list[tuple[str, float]] = []
        t0 = time.perf_counter()
        q, notice = prepare_query(question, self.config.max_query_chars)
        script = detect_script(q)
        search_q = q
        generator = self.generator
        if is_follow_up(q, history):
            search_q = self._condense(q, history, generator)
        index = self.bot.index
        qvec = self.bot.embedder.embed_query(fold(search_q))  # also for bm25 mode: sentence scoring needs it
        tokens = tokenize(search_q)
        hits = search(index, qvec, tokens, self.bot.settings(k), filters, self.bot.reranker, search_q)
        times.append(("retrieve", time.perf_counter() - t0))
        t1 = time.perf_counter()
        cands = candidates(index, hits, qvec, tokens)
        best, quantity = evidence(q, cands, hits, tokens)  # thresholds calibrated by eval/answers.py --calibrate
        threshold = self.config.refusal_threshold_quantity if quantity else self.config.refusal_threshold
        if quantity:  # the sentence that states a number is the answer to "how many"
            cands = [replace(c, score=c.score + 0.1) if _NUMERAL.search(fold(c.text)) else c for c in cands]
        prompt = Prompt(
            question=q,
            script=script,
            excerpts=tuple(h.text for h in hits),
            titles=tuple(h.title for h in hits),
            history=tuple(history),
            candidates=tuple(cands),
            wording=bool(WORDING.search(fold(q))),
            budget=self.config.answer_chars,
        )
        refusal = to_script(cite.REFUSAL, script) + "。"
        if best < threshold or not hits:
            yield refusal
            times.append(("generate", time.perf_counter() - t1))
            yield self._answer(q, refusal, script, hits, "extractive", times, notice, refused=True)
            return
        pieces: list[str] = []
        used = generator.name
        try:
            for piece in generator.generate(prompt):
                pieces.append(piece)
                yield piece
        except GeneratorError as e:
            notice = f"{e}; showing the extractive answer instead" + (f" ({notice})" if notice else "")
            used = "extractive"
            pieces = list(ExtractiveGenerator().generate(prompt))
            yield "\n"
            yield from pieces
        times.append(("generate", time.perf_counter() - t1))
        yield self._answer(q, "".join(pieces), script, hits, used, times, notice)

    def ask(
        self,
        question: str,
        history: Sequence[tuple[str, str]] = (),
        filters: Filters | None = None,
        k: int | None = None,
    ) -> Answer:
        """The checked Answer (the stream, collected)."""
        for item in self.stream(question, history, filters, k):
            if isinstance(item, Answer):
                return item
        raise AssertionError("stream ended without an Answer")

    def _condense(self, q: str, history: Sequence[tuple[str, str]], generator: Generator) -> str:
        """A standalone question for retrieval: the LLM rewrites it, or the previous question leads."""
        complete = getattr(generator, "complete", None)
        if complete is not None:
            try:
                rewritten = str(complete(condense_messages(history, q))).strip()
                if rewritten:
                    return rewritten[: self.config.max_query_chars]
            except GeneratorError:
                pass
        return f"{history[-1][0]} {q}"[: self.config.max_query_chars]

    def _answer(
        self,
        q: str,
        text: str,
        script: Script,
        hits: Sequence[Hit],
        generator: str,
        times: list[tuple[str, float]],
        notice: str,
        refused: bool = False,
    ) -> Answer:
        t = time.perf_counter()
        sentences, precision = cite.check(text, [h.text for h in hits], self.config.support_threshold)
        refused = refused or (bool(sentences) and all(cite.is_refusal(s.text) for s in sentences))
        # renumber: the excerpts actually cited become [1], [2], … in order of first use
        order: dict[int, int] = {}
        for s in sentences:
            for n in s.citations:
                order.setdefault(n, len(order) + 1)
        sentences = [replace(s, citations=tuple(order[n] for n in s.citations)) for s in sentences]
        citations = []
        for old, new in order.items():
            h = hits[old - 1]
            used_by = tuple(i for i, s in enumerate(sentences) if new in s.citations)
            citations.append(
                Citation(new, h.chunk_id, h.file, h.speech, h.title, h.headings, h.start, h.end, h.text, used_by)
            )
        times.append(("cite", time.perf_counter() - t))
        return Answer(
            question=q,
            text=cite.render(sentences),
            refused=refused,
            script=script,
            sentences=tuple(sentences),
            citations=tuple(citations),
            hits=tuple(hits),
            generator=generator,
            citation_precision=precision,
            timings=tuple(times),
            notice=notice,
        )
