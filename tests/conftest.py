"""Shared fixtures: the seed corpus ingested once per session, the real models and one real index.

Shared code (fakes, file makers, paths) is in helpers.py; this file holds fixtures only."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

# tests never reach a model hub: a missing model must fail fast, not wait on the network
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
# under xdist each worker (and the servers and commands it starts) runs models on its share of the
# cores (embed.threads reads OMP_NUM_THREADS, as torch does): two workers each running ONNX Runtime on
# every core spun against each other (the suite on 2 cores: 556 s so, 457 s with a thread each)
os.environ.setdefault(
    "OMP_NUM_THREADS", str(max(1, (os.cpu_count() or 1) // int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))))
)

from ragbot import pipeline
from ragbot.config import Config
from ragbot.embed import DEFAULT, Embedder, make_embedder
from ragbot.testing import Served, serve
from ragbot.types import Corpus

from .helpers import CORPUS, KeywordEmbedder, chromium, make_workdir

if TYPE_CHECKING:
    from playwright.sync_api import Browser

# A test that needs one of these builds a real index, loads the torch model, or starts a server or a
# browser: it is `slow` (make test-fast skips it; make test and CI run everything). Tests slow for
# other reasons (SIGKILL trials, long fuzz runs, subprocesses) carry the mark themselves.
SLOW_FIXTURES = {
    "real_index",
    "real_bot",
    "e5",
    "workdir",
    "server",
    "shared_server",
    "browser",
    "page",
    "lan",
    "e5file",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def seed_corpus() -> Corpus:
    """The five seed files, ingested once for the whole session."""
    return pipeline.ingest([CORPUS], Config())


@pytest.fixture(scope="session")
def e5() -> Embedder:
    """The converted model in fp32 through sentence-transformers/torch, loaded once per session."""
    return make_embedder("e5-small")


@pytest.fixture(scope="session")
def default_embedder() -> Embedder:
    """The default embedder as shipped (e5-small, int8 ONNX), loaded once per session."""
    return make_embedder(DEFAULT)


@pytest.fixture(scope="session")
def real_index(tmp_path_factory: pytest.TempPathFactory, default_embedder: Embedder, worker_id: str) -> Config:
    """One real index of the seed corpus (the default model, real FAISS, real BM25) for the test run:
    under xdist the first worker builds it in the run's own folder while the others wait for it (two
    builds at once took each about twice as long); tests only read it (those that write copy it)."""
    if worker_id == "master":  # one process: a folder of its own
        folder = tmp_path_factory.mktemp("real") / "index"
        pipeline.build_index([CORPUS], Config(index=folder), embedder=default_embedder)
        return Config(index=folder)
    run = tmp_path_factory.getbasetemp().parent  # this run's folder, shared by its workers
    folder = run / "real" / "index"
    with open(run / "real.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, also if the build fails
        if not (folder / "manifest.json").is_file():  # on every core: the other workers wait for it
            pipeline.build_index([CORPUS], Config(index=folder), embedder=every_core(DEFAULT))
    return Config(index=folder)


def every_core(name: str) -> Embedder:
    """The embedder `name` running on all the machine's cores, whatever this worker's share is."""
    share = os.environ.get("OMP_NUM_THREADS")
    os.environ["OMP_NUM_THREADS"] = str(os.cpu_count() or 1)
    try:
        return make_embedder(name)
    finally:
        if share is None:
            del os.environ["OMP_NUM_THREADS"]
        else:
            os.environ["OMP_NUM_THREADS"] = share


@pytest.fixture(scope="session")
def real_bot(real_index: Config, default_embedder: Embedder) -> pipeline.Ragbot:
    """A search session on the real index, sharing the session's model."""
    return pipeline.Ragbot(real_index, embedder=default_embedder)


@pytest.fixture(scope="session")
def keyword_bot(tmp_path_factory: pytest.TempPathFactory) -> pipeline.Ragbot:
    """The seed corpus indexed with the fake keyword vectors (real FAISS and BM25): relevance predictable."""
    config = Config(index=tmp_path_factory.mktemp("keywords") / "index")
    emb = KeywordEmbedder()
    pipeline.build_index([CORPUS], config, embedder=emb)
    return pipeline.Ragbot(config, embedder=emb)


@pytest.fixture(scope="session")
def originals() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}


# CI runs the fuzz tests with a fixed seed: the same examples every run, so a red build is reproducible
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    _hypothesis_settings.load_profile("ci")


@pytest.fixture(scope="session")
def shared_server(real_index: Config, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """One `ragbot serve` (no login, no token) over a copy of the session's index and corpus, for tests
    that only read: the precedent tab and the HTTP API. Tests that upload or remove start their own."""
    work = make_workdir(real_index, tmp_path_factory.mktemp("shared-app"))
    with serve(work / "index", work) as app:
        yield app


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """A headless Chromium for a module's browser tests (each test opens its own page). Per module:
    Playwright's sync API runs one instance at a time, and test_serve.py starts its own."""
    with chromium() as b:
        yield b
