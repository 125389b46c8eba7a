"""Benchmark plumbing: a private local Neo4j with a fresh store per phase, and peak memory.

>>> with BenchServer(ROOT / "benchmarks/data/var", heap="2g", pagecache="1g") as srv:  # doctest: +SKIP
...     srv.fresh()                                   # empty store, server (re)started
...     with PeakMemory(srv.pid) as mem:
...         ...                                       # the timed work
...     mem.python_mb, mem.jvm_mb
"""
from __future__ import annotations

import os
import platform
import resource
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import psutil

from graph.connection import open_driver
from graph.local_neo4j import LocalNeo4j
from graph.settings import NEO4J_VERSION, Settings

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class BenchServer:
    """A local Neo4j of its own (own var dir and port, the shared jar cache), so a benchmark
    never touches the developer's or the tests' database."""

    def __init__(self, var_dir: Path, heap: str, pagecache: str):
        self.settings = Settings(_env_file=None, JINSHANG_VAR=var_dir, JINSHANG_NEO4J_PORT=free_port(),
                                 JINSHANG_NEO4J_LIB=ROOT / "var" / "neo4j" / "lib",
                                 JINSHANG_NEO4J_HEAP=heap, JINSHANG_NEO4J_PAGECACHE=pagecache)
        self.server = LocalNeo4j(self.settings)
        self.driver = None

    def fresh(self) -> None:
        """Stop, delete the store, start: every phase begins from the same empty database."""
        self.close_driver()
        self.server.stop()
        shutil.rmtree(self.server.data_dir, ignore_errors=True)
        self.server.start(timeout=600)
        self.driver = open_driver(self.settings, start_local=False)

    def reuse(self) -> None:
        """Start on the store as it is (a store left by an earlier run with `--keep-store`)."""
        self.close_driver()
        self.server.start(timeout=600)
        self.driver = open_driver(self.settings, start_local=False)

    @property
    def import_dir(self) -> Path:
        """The only place the server's LOAD CSV may read from (set by the launcher)."""
        return self.server.home / "import"

    @property
    def pid(self) -> int | None:
        return self.server.status()["pid"]

    def store_mb(self) -> float:
        return self.server.status()["store_size"] / 2**20

    def close_driver(self) -> None:
        if self.driver is not None:
            self.driver.close()
            self.driver = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close_driver()
        self.server.stop()


class PeakMemory:
    """Samples the RSS of this Python process and of the JVM every 0.2 s while the block runs."""

    def __init__(self, jvm_pid: int | None, every: float = 0.2):
        self.every = every
        self.me = psutil.Process()
        self.jvm = psutil.Process(jvm_pid) if jvm_pid else None
        self.python_mb = self.jvm_mb = 0.0
        self._stop = threading.Event()

    def _sample(self) -> None:
        self.python_mb = max(self.python_mb, self.me.memory_info().rss / 2**20)
        if self.jvm is not None:
            try:
                self.jvm_mb = max(self.jvm_mb, self.jvm.memory_info().rss / 2**20)
            except psutil.Error:
                pass

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self._sample()

    def __enter__(self):
        self._sample()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self._sample()


def python_peak_mb() -> float:
    """Peak RSS of this process over its whole life (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine() -> str:
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    return (f"{platform.platform()}, {os.cpu_count()} cores ({platform.processor() or platform.machine()}), "
            f"{psutil.virtual_memory().total / 2**30:.0f} GiB RAM, load average "
            f"{' '.join(f'{x:.1f}' for x in os.getloadavg())} at start; Python {platform.python_version()}, "
            f"{java[0] if java else 'java ?'}, Neo4j {NEO4J_VERSION} Community (embedded launcher)")


class Clock:
    """`with Clock() as c: ...; c.seconds`."""

    def __enter__(self):
        self.t0 = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.t0
