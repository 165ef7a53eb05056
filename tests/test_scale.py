"""The build on Ray Data (`--workers ray`) against the build in one process: a real Ray cluster of this
machine (2 CPUs, loopback), the real model, Milvus Lite; and the setting's forms."""

from __future__ import annotations

import importlib.util
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from ragbot import index as index_mod
from ragbot import milvus_local, pipeline
from ragbot.config import Config
from ragbot.embed import Embedder
from ragbot.errors import ConfigError, RagbotError
from ragbot.scale import parse_workers

from .helpers import CORPUS, KeywordEmbedder, PoolingKeywordEmbedder, need


def test_the_workers_setting_and_what_it_refuses() -> None:
    assert (parse_workers("local"), parse_workers(" ray "), parse_workers("ray:3")) == (None, 0, 3)
    for bad in ("ray:0", "local:2", "dask", "ray:x"):
        with pytest.raises(ConfigError, match="workers expects local"):
            parse_workers(bad)
    with pytest.raises(ConfigError, match="pooled builds in one process"):
        pipeline.build_index(
            [CORPUS], Config(workers="ray", sentence_vectors="pooled"), embedder=PoolingKeywordEmbedder()
        )


@pytest.fixture(scope="module")
def ray_cluster() -> Iterator[None]:
    """Ray on this machine: 2 CPUs, every listener on 127.0.0.1, its session files in a temp folder;
    afterwards nothing of Ray is left running, in /tmp or in the home folder."""
    need(importlib.util.find_spec("ray") is not None, "Ray", "-e '.[scale]'", "pip install")
    import ray

    token = Path.home() / ".ray" / "auth_token"
    had_token = token.exists()
    temp = tempfile.mkdtemp(prefix="ray-")  # short: Ray's socket paths must fit in 107 bytes
    os.environ["RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"] = "0"
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, _node_ip_address="127.0.0.1", _temp_dir=temp)
    try:
        yield
    finally:
        ray.shutdown()
        shutil.rmtree(temp, ignore_errors=True)
        if not had_token:
            token.unlink(missing_ok=True)
            if token.parent.exists() and not any(token.parent.iterdir()):
                token.parent.rmdir()


@pytest.mark.slow
def test_a_ray_build_makes_the_same_chunks_and_vectors_as_one_process(
    ray_cluster: None, default_embedder: Embedder, tmp_path: Path
) -> None:
    # the two smallest seed files (more than 100 texts to embed, batches for both actors; three files
    # until 2026-12-02, cut for CI's time): the build on Ray and the build in this process from scratch,
    # each into its own store
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("001_fd749822ffebb83b.txt", "004_92e2d7aa31a4f474.txt"):
        shutil.copy(CORPUS / name, corpus / name)
    db = tmp_path / "ray.db"
    config = Config(index=tmp_path / "index", store=f"milvus://{db}", workers="ray:2")
    try:
        _, report = pipeline.build_index([corpus], config, embedder=default_embedder)
        pipeline.build_index([corpus], Config(index=tmp_path / "local"), embedder=default_embedder)
        local = index_mod.load(tmp_path / "local")
        on_ray = index_mod.load(config.index, spec=config.store_spec)
        assert report.embedded == len(set(k for keys in local.unit_keys for k in keys)) > 100  # all of it, on Ray
        assert on_ray.chunks == local.chunks
        assert on_ray.unit_keys == local.unit_keys
        assert [s.text for s in on_ray.speeches.values()] == [s.text for s in local.speeches.values()]
        a, b = local.store.vectors(), on_ray.store.vectors()
        cos = (a * b).sum(1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)
        assert cos.min() >= 0.999, cos.min()
        # an update on Ray embeds only what changed
        changed = corpus / "004_92e2d7aa31a4f474.txt"
        changed.write_text(changed.read_text("utf-8") + "\n会议纪要由办公室主任审核后签发。\n", "utf-8")
        _, update = pipeline.build_index([corpus], config, embedder=default_embedder)
        assert 0 < update.embedded < 20
        assert update.reused == update.vectors - update.embedded
    finally:
        milvus_local.release(str(db))


@pytest.mark.slow
def test_a_failed_ray_build_is_one_line_and_leaves_the_index(ray_cluster: None, tmp_path: Path) -> None:
    config = Config(index=tmp_path / "index", workers="ray:1")
    pipeline.build_index([CORPUS], Config(index=config.index), embedder=KeywordEmbedder())
    before = (config.index / "manifest.json").read_text("utf-8")
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "new.txt").write_text("办公室要做好督查工作，确保各项决策落到实处。\n" * 3, "utf-8")
    # the fake model exists only in this process: the workers cannot load it, so every actor fails
    with pytest.raises(RagbotError, match=r"the Ray build failed while embedding .*previous index is unchanged") as e:
        pipeline.build_index([corpus], config, embedder=KeywordEmbedder())
    assert "\n" not in str(e.value)
    assert (config.index / "manifest.json").read_text("utf-8") == before
