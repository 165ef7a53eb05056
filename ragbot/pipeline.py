"""The one entry point behind the CLI, the app and evaluation.

For now it covers ingestion: paths -> `Corpus` (speeches, chunks, a report per file). Later
stages (index, retrieval, answers) hang off the same module. Library errors are raised as
RagbotError subclasses; the CLI and app turn them into one-line messages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from .chunk import ChunkSettings, chunk_speech
from .config import Config
from .errors import NothingToIngest, SkipFile
from .ingest import find_files, load_speeches
from .types import Chunk, Corpus, FileReport, Speech

Progress = Callable[[int, int, str], None]  # (files done, files in all, current file)


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
