"""The index build on Ray Data: `ragbot ingest --workers ray` (needs `pip install 'ragbot[scale]'`).

The build is a chain of plain functions (pipeline.py): read → clean → chunk (`read_file`, one
file at a time) → embed (`Embedder.embed_documents`, a batch at a time) → write (index.py and the
store). With `workers = "local"` they run in this process, as always. With `ray` (every CPU Ray
offers) or `ray:N` (N embedder actors), Ray Data maps `read_file` over the files and runs the
embedding as `map_batches` with one embedder actor per worker (`compute=ActorPoolStrategy`, one
CPU each); the driver streams the vectors into the build and writes the index, so the catalogue and
the store stay atomic as in a local build. Vectors of unchanged texts are reused as before: only
what is missing goes to the cluster.

Ray joins the cluster at RAY_ADDRESS when it is set; otherwise it starts one on this machine,
listening on loopback only, without usage reporting, and stops it when the build ends.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import ConfigError, RagbotError

if TYPE_CHECKING:
    from .ingest import Source
    from .pipeline import FileResult
    from .types import Progress

INSTALL = "pip install 'ragbot[scale]'"
HELP = "local (this process, the default), ray or ray:N: read and embed on Ray, at RAY_ADDRESS or on this machine"
BATCH = 64  # texts per embedding call, as in a local build (units.embed_missing)
_WORKERS = re.compile(r"^(local|ray)(?::([1-9][0-9]*))?$")


def parse_workers(value: str) -> int | None:
    """None for a local build; for Ray, the number of embedder actors (0: one per CPU Ray offers).

    >>> parse_workers("local"), parse_workers("ray"), parse_workers("ray:8")
    (None, 0, 8)
    """
    m = _WORKERS.match(value.strip())
    if not m or (m.group(1) == "local" and m.group(2)):
        raise ConfigError(
            f"workers expects local (this process), ray (one embedder per CPU of the Ray cluster) or ray:N "
            f"(N embedders), got '{value}'"
        )
    return None if m.group(1) == "local" else int(m.group(2) or 0)


class _Embed:
    """A Ray actor: loads the model `MODEL` once, then embeds batches of texts."""

    MODEL = ""

    def __init__(self) -> None:
        from .embed import make_embedder

        self.model = make_embedder(self.MODEL)

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        """Each row is one whole batch, formed by the driver exactly as a local build forms it: the
        int8 model quantises activations per batch, so other batches would give other vectors."""
        keys, vectors, chars = [], [], []
        for ks, ts in zip(batch["keys"], batch["texts"]):
            texts = [str(t) for t in ts]
            keys += [str(k) for k in ks]
            vectors.append(np.asarray(self.model.embed_documents(texts), dtype=np.float32))
            chars += [len(t) for t in texts]
        return {"key": np.array(keys), "vector": np.concatenate(vectors), "chars": np.array(chars)}


class Ray:
    """One build's use of Ray: joins or starts a cluster on entry, stops the one it started on exit."""

    def __init__(self, actors: int) -> None:
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
        if not os.environ.get("RAY_ADDRESS"):  # a cluster of this machine only: every listener on 127.0.0.1
            os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")  # read when ray is imported
        try:
            import ray
        except ImportError:
            raise ConfigError(f"--workers ray needs Ray; run {INSTALL}, or build with --workers local") from None
        self.ray: Any = ray
        self.actors = actors
        self.started = False

    def __enter__(self) -> Ray:
        if not self.ray.is_initialized():
            address = os.environ.get("RAY_ADDRESS") or None
            local: dict[str, Any] = {} if address else {"_node_ip_address": "127.0.0.1"}
            self.ray.init(address=address, include_dashboard=False, log_to_driver=False, logging_level="ERROR", **local)
            self.started = True
        for name in ("ray", "ray.data"):  # its notes on pickled columns, plans and retries
            logging.getLogger(name).setLevel(logging.ERROR)
        ctx = self.ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False
        ctx.verbose_progress = False
        return self

    def __exit__(self, *exc: object) -> None:
        if self.started:
            self.ray.shutdown()

    @property
    def size(self) -> int:
        """Embedder actors: as asked, or one per CPU the cluster offers."""
        return self.actors or max(1, int(self.ray.cluster_resources().get("CPU", 1)))

    @contextlib.contextmanager
    def _failures(self, stage: str) -> Iterator[None]:
        """A failed task (a worker killed, out of memory, an error in the model) as one line."""
        try:
            yield
        except self.ray.exceptions.RayError as e:
            first = next((line for line in str(e).splitlines() if line.strip()), type(e).__name__)[:200]
            raise RagbotError(
                f"the Ray build failed while {stage} ({type(e).__name__}: {first}); the previous index is "
                "unchanged. Ray's logs: /tmp/ray/session_latest/logs",
                zh="分布式构建失败，原有索引未受影响",
            ) from None

    def map_files(self, fn: Callable[[Source], FileResult], sources: Sequence[Source]) -> Iterator[FileResult]:
        """`fn` over the files on the cluster, results in the files' order."""
        if not sources:
            return iter(())
        ds = self.ray.data.from_items([{"i": i, "source": s} for i, s in enumerate(sources)])
        with self._failures("reading files"):
            done = ds.map(lambda row: {"i": row["i"], "out": fn(row["source"])}).take_all()
        return (row["out"] for row in sorted(done, key=lambda r: r["i"]))

    def embed(
        self,
        name: str,
        todo: dict[str, str],
        progress: Progress | None,
        store: Callable[[str, np.ndarray], None],
    ) -> tuple[int, int]:
        """Embed every text of `todo` (key -> text) with model `name` on the cluster, handing each
        vector to `store(key, vector)` as it arrives; returns (texts embedded, characters read)."""
        if not todo:
            return 0, 0
        keys = sorted(todo, key=lambda k: len(todo[k]))  # as units.embed_missing: similar lengths share a batch
        parts = [keys[b : b + BATCH] for b in range(0, len(keys), BATCH)]
        ds = self.ray.data.from_items([{"keys": p, "texts": [todo[k] for k in p]} for p in parts])
        actor = type("Embed", (_Embed,), {"MODEL": name})  # the name travels with the class, not the object store
        vectors = ds.map_batches(
            actor,
            compute=self.ray.data.ActorPoolStrategy(size=self.size),
            batch_size=1,
            batch_format="numpy",
            num_cpus=1,
        )
        done = read = 0
        stage = f"embedding on Ray · {self.size} workers"
        if progress:
            progress(0, len(keys), stage)
        with self._failures("embedding"):
            for batch in vectors.iter_batches(batch_size=None, batch_format="numpy"):
                for k, v in zip(batch["key"], batch["vector"]):
                    store(str(k), v)
                done += len(batch["key"])
                read += int(batch["chars"].sum())
                if progress:
                    progress(done, len(keys), stage)
        return done, read


def todo_of(unit_texts: Iterable[list[str]], unit_keys: Iterable[list[str]], missing: set[str]) -> dict[str, str]:
    """The texts of the `missing` keys, each once."""
    return {k: t for texts, keys in zip(unit_texts, unit_keys) for t, k in zip(texts, keys) if k in missing}
