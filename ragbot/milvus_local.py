"""The embedded Milvus engine: milvus-lite's C++ core run as a child process on one `.db` file.

`milvus:///path/file.db` stores use it. ragbot starts the `milvus` binary that the milvus-lite
wheel ships (the real Milvus core: jieba/whitespace analyzers, BM25, FLAT and IVF indexes) itself,
rather than through `milvus_lite`'s Python wrapper, because:
  - the wrapper imports `pkg_resources`, which setuptools 82 removed, so it breaks in a current
    environment; the binary needs nothing from Python;
  - its engine writes log lines to the terminal; here they go to `<file>.logs/` beside the db.
It speaks gRPC on a private Unix socket (or on a loopback address, for tests of the server path).
One process at a time may open a file: the lock `.<file>.lock` beside it (milvus-lite's own
convention) is held while the engine runs, and releasing it stops the engine.
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import importlib.util
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import IO

from .errors import ConfigError, StoreError

INSTALL = "pip install 'ragbot[milvus]'  (pymilvus and milvus-lite==2.5.1)"
_NAME = re.compile(r"^[A-Za-z0-9._-]{1,35}$")  # what the engine accepts as a file name
KEEP_LOGS = 30  # the engine leaves a few log files per start; older ones are removed


def binary() -> Path:
    """The `milvus` executable in the installed milvus-lite wheel, or StoreError saying how to get it."""
    spec = importlib.util.find_spec("milvus_lite")
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        exe = Path(folder) / "lib" / "milvus"
        if exe.is_file():
            return exe
    raise StoreError(
        f"the embedded Milvus engine is not installed; run {INSTALL}, or use --store index",
        zh="未安装嵌入式 Milvus 引擎；请执行 pip install 'ragbot[milvus]'，或改用 --store index",
    )


class Engine:
    """One running engine on `db`: on a private socket (`uri` is unix:…), or on `address` (host:port)."""

    def __init__(self, db: Path, address: str | None = None) -> None:
        self.db = db.absolute()
        if not _NAME.match(self.db.name):
            raise ConfigError(
                f"an embedded Milvus file name must be at most 35 letters, digits, '.', '-' or '_', "
                f"got '{self.db.name}'; choose another name, e.g. milvus:///{self.db.parent}/ragbot.db"
            )
        if not self.db.parent.is_dir():
            raise ConfigError(f"folder {self.db.parent} does not exist; create it or choose another store path")
        self.logs = self.db.parent / f"{self.db.name}.logs"
        self._sockdir = tempfile.mkdtemp(prefix="ragbot-milvus-")
        self.uri = f"http://{address}" if address else f"unix:{self._sockdir}/engine.sock"
        self._lock: IO[str] | None = open(self.db.parent / f".{self.db.name}.lock", "a")  # noqa: SIM115 - held while the engine runs
        try:
            fcntl.lockf(self._lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self._lock.close()
            self._lock = None
            shutil.rmtree(self._sockdir, ignore_errors=True)
            raise StoreError(
                f"{self.db} is open in another process (a running `ragbot serve`?); stop it first, "
                "or let both reach one Milvus server over http (docs/scale.md)",
                zh=f"{self.db.name} 正被另一个进程使用（可能是正在运行的 ragbot serve）；请先停止它",
            ) from None
        self.logs.mkdir(exist_ok=True)
        _prune(self.logs)
        exe = binary()
        env = {**os.environ, "LD_LIBRARY_PATH": str(exe.parent), "GLOG_log_dir": str(self.logs)}
        where = address or self.uri
        args = [str(exe), str(self.db), where, "ERROR"] + ([] if address else [self._lock.name])
        with open(self.logs / "engine.log", "ab") as out:
            self._proc: subprocess.Popen[bytes] | None = subprocess.Popen(
                args, env=env, cwd=str(self.db.parent), stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
            )
        self._wait_ready(address)

    def _wait_ready(self, address: str | None) -> None:
        import socket

        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            assert self._proc is not None
            if self._proc.poll() is not None:
                self.stop()
                raise StoreError(
                    f"the embedded Milvus engine on {self.db} exited at start (code {self._proc_rc}); "
                    f"see {self.logs}/engine.log"
                )
            if address is None and Path(self.uri[5:]).exists():
                return
            if address is not None:
                host, port = address.rsplit(":", 1)
                with socket.socket() as s, contextlib.suppress(OSError):
                    s.settimeout(0.2)
                    s.connect((host, int(port)))
                    return
            time.sleep(0.05)
        self.stop()
        raise StoreError(f"the embedded Milvus engine on {self.db} did not start in 20 s; see {self.logs}/engine.log")

    @property
    def _proc_rc(self) -> int | None:
        return self._proc.returncode if self._proc else None

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def stop(self) -> None:
        """Release the lock (the engine then exits by itself), wait a little, then make sure."""
        if self._lock is not None:
            fcntl.lockf(self._lock.fileno(), fcntl.LOCK_UN)
            self._lock.close()
            self._lock = None
        proc, self._proc = self._proc, None
        if proc is not None:
            if proc.poll() is None and self.uri.startswith("http"):
                proc.terminate()  # an address-mode engine holds no lock to watch
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)
        shutil.rmtree(self._sockdir, ignore_errors=True)
        with contextlib.suppress(OSError):
            (self.db.parent / f".{self.db.name}.lock").unlink()


def _prune(logs: Path) -> None:
    files = sorted((p for p in logs.glob("milvus.*") if p.is_file() and not p.is_symlink()), key=os.path.getmtime)
    for p in files[:-KEEP_LOGS]:
        with contextlib.suppress(OSError):
            p.unlink()


_engines: dict[Path, Engine] = {}
_engines_lock = threading.Lock()


def engine_for(db: str) -> Engine:
    """The running engine of this process on `db`, started on first use and stopped at exit."""
    path = Path(db).absolute()
    with _engines_lock:
        found = _engines.get(path)
        if found is None or not found.running:
            if found is not None:
                found.stop()
            found = _engines[path] = Engine(path)
        return found


def release(db: str) -> None:
    """Stop this process's engine on `db`, if any (tests; a folder about to be removed)."""
    with _engines_lock:
        found = _engines.pop(Path(db).absolute(), None)
    if found is not None:
        found.stop()


@atexit.register
def _stop_all() -> None:
    with _engines_lock:
        for e in _engines.values():
            e.stop()
        _engines.clear()
