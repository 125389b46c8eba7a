"""The project's own Neo4j 5.26 Community: fetched from Maven Central, run as a detached JVM.

The server is the embedded DBMS plus its Bolt connector (graph/neo4j_server), listening on
127.0.0.1 only, with its store, log, pid file and password under ``<JINSHANG_VAR>/neo4j``.

>>> from graph.settings import Settings
>>> server = LocalNeo4j(Settings(_env_file=None, JINSHANG_VAR="/tmp/v", JINSHANG_NEO4J_PORT=7699))
>>> server.uri, server.home.as_posix()
('bolt://127.0.0.1:7699', '/tmp/v/neo4j')
>>> server.start()  # doctest: +SKIP
'bolt://127.0.0.1:7699'
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from graph.errors import Neo4jServerError
from graph.settings import NEO4J_VERSION, Settings

SOURCE_DIR = Path(__file__).resolve().parent / "neo4j_server"
LAUNCHER = "jinshang.Launcher"
PASSWORD_ENV = "JINSHANG_NEO4J_INITIAL_PASSWORD"  # read by Launcher.java; never on argv
START_MARK = "=== jinshang: starting Neo4j"
# What Neo4j's own neo4j.conf passes on JDK 17+, minus -XX:+TrustFinalNonStaticFields (which that
# file says to drop in embedded mode). Without the --add-opens, Netty and the page cache fall
# back to slower paths or fail on illegal reflective access.
JVM_OPTIONS = [
    "-XX:+UseG1GC", "-XX:-OmitStackTraceInFastThrow", "-XX:+DisableExplicitGC",
    "-XX:+ExitOnOutOfMemoryError", "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true", "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED",
]


class LocalNeo4j:
    """Prepare, start, stop and describe the local server. The constructor does no I/O."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.home = Path(settings.var_dir) / "neo4j"
        self.data_dir = self.home / "data"
        self.log_path = self.home / "neo4j.log"
        self.pid_path = self.home / "neo4j.pid"
        self.password_path = self.home / "password"
        self.lib_dir = Path(settings.local_lib) if settings.local_lib else self.home / "lib"
        # Build output and Maven's log live beside the jar cache they produce (one lock guards all).
        self.build_dir = self.lib_dir.parent / "build"
        self.maven_log = self.lib_dir.parent / "maven.log"

    @property
    def uri(self) -> str:
        return self.settings.local_uri

    # -- preparing -------------------------------------------------------------------------
    def prepare(self) -> Path:
        """Check Java and Maven; fetch and build the launcher unless the cached jars are current."""
        java = _java()
        if self.is_prepared():
            return self.lib_dir
        mvn = shutil.which("mvn")
        if not mvn:
            raise Neo4jServerError("Maven ('mvn') is not on PATH; it is needed once to fetch "
                                   f"Neo4j {NEO4J_VERSION} from Maven Central (java: {java})")
        self.lib_dir.parent.mkdir(parents=True, exist_ok=True)
        with _locked(self.lib_dir.parent / f".{self.lib_dir.name}.lock"):
            if self.is_prepared():  # another process built it while we waited
                return self.lib_dir
            partial = self.lib_dir.with_name(self.lib_dir.name + ".partial")
            shutil.rmtree(partial, ignore_errors=True)
            cmd = [mvn, "-B", "-ntp", "-f", str(SOURCE_DIR / "pom.xml"),
                   f"-Dneo4j.version={NEO4J_VERSION}", f"-Djinshang.build.dir={self.build_dir}",
                   f"-Djinshang.lib.dir={partial}", "package"]
            with open(self.maven_log, "wb") as log:
                try:
                    rc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=log,
                                        stderr=subprocess.STDOUT, timeout=1800).returncode
                except subprocess.TimeoutExpired:
                    rc = "timeout after 1800 s"
            if rc != 0:
                raise Neo4jServerError(f"Maven failed ({rc}); last lines of {self.maven_log}:\n"
                                       + _tail(self.maven_log))
            (partial / ".stamp").write_text(_source_stamp())
            # Swap in whole: a half-copied lib dir must never look current.
            old = self.lib_dir.with_name(self.lib_dir.name + ".old")
            shutil.rmtree(old, ignore_errors=True)
            if self.lib_dir.exists():
                self.lib_dir.rename(old)
            partial.rename(self.lib_dir)
            shutil.rmtree(old, ignore_errors=True)
        return self.lib_dir

    def is_prepared(self) -> bool:
        """True when the cached jars match this pom, launcher source and NEO4J_VERSION."""
        stamp = self.lib_dir / ".stamp"
        return (stamp.is_file() and stamp.read_text() == _source_stamp()
                and (self.lib_dir / "jinshang-neo4j-launcher.jar").is_file())

    # -- running ---------------------------------------------------------------------------
    def start(self, timeout: float = 180) -> str:
        """Start the server (a no-op when ours already answers) and return its Bolt URI."""
        deadline = time.monotonic() + timeout
        pid = self._read_pid()
        if pid is not None:  # ours; possibly still starting in another process
            self._wait_ready(pid, None, deadline)
            return self.uri
        if _port_in_use(self.settings.local_port):
            raise Neo4jServerError(
                f"port {self.settings.local_port} on 127.0.0.1 is in use by another program (not "
                f"the Neo4j of {self.home}); stop it or choose another JINSHANG_NEO4J_PORT")
        self.prepare()
        java = shutil.which("java")
        self.home.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ, **{PASSWORD_ENV: self.password()})
        heap = self.settings.local_heap
        cmd = [java, f"-Xms{heap}", f"-Xmx{heap}", *JVM_OPTIONS, "-cp", f"{self.lib_dir}/*",
               LAUNCHER, "--home", str(self.home), "--port", str(self.settings.local_port),
               "--pagecache", self.settings.local_pagecache]
        with open(self.log_path, "ab") as log:
            log.write(f"\n{START_MARK} at {time.strftime('%Y-%m-%d %H:%M:%S')}\n".encode())
            log.flush()
            # Its own session: the JVM outlives this Python process and ignores its Ctrl-C.
            proc = subprocess.Popen(cmd, cwd=self.home, env=env, stdin=subprocess.DEVNULL,
                                    stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        self.pid_path.write_text(f"{proc.pid}\n")
        try:
            self._wait_ready(proc.pid, proc, deadline)
        except BaseException:
            self._terminate(proc.pid, 20)  # never leave a half-started server behind
            raise
        return self.uri

    def _wait_ready(self, pid: int, proc: subprocess.Popen | None, deadline: float) -> None:
        # Probing only after READY matters: Bolt opens before the password is set, and failed
        # logins lock the user for a few seconds (dbms.security.auth_max_failed_attempts).
        from neo4j.exceptions import AuthError

        while True:
            gone = proc.poll() is not None if proc else not _is_our_jvm(pid, self.home)
            if gone:
                self.pid_path.unlink(missing_ok=True)
                raise Neo4jServerError(f"Neo4j exited before it was ready; last lines of "
                                       f"{self.log_path}:\n{_tail(self.log_path, START_MARK)}")
            if "READY bolt://" in _tail(self.log_path, START_MARK, lines=10_000):
                error = self._probe()
                if error is None:
                    return
                if isinstance(error, AuthError):
                    raise Neo4jServerError(f"the running Neo4j (pid {pid}) refuses the password "
                                           "this project has; restart it (jinshang neo4j stop, "
                                           "then start) so that it takes the current one")
            if time.monotonic() > deadline:
                raise Neo4jServerError(f"Neo4j did not answer on {self.uri} in time; last lines "
                                       f"of {self.log_path}:\n{_tail(self.log_path, START_MARK)}")
            time.sleep(0.5)

    def _probe(self) -> Exception | None:
        """An authenticated ``RETURN 1``; the error instead of raising it."""
        from neo4j import GraphDatabase

        try:
            with GraphDatabase.driver(self.uri, auth=("neo4j", self.password()),
                                      connection_timeout=5) as driver:
                driver.execute_query("RETURN 1", database_="neo4j")
            return None
        except Exception as exc:  # noqa: BLE001 - any failure means "not answering yet"
            return exc

    def stop(self, timeout: float = 60) -> bool:
        """SIGTERM (clean shutdown), then SIGKILL after `timeout`; False if it was not running."""
        pid = self._read_pid()
        if pid is not None:
            self._terminate(pid, timeout)
        return pid is not None

    def _terminate(self, pid: int, timeout: float) -> None:
        for sig, wait in ((signal.SIGTERM, timeout), (signal.SIGKILL, 10)):
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                break
            end = time.monotonic() + wait
            while _is_our_jvm(pid, self.home) and time.monotonic() < end:
                time.sleep(0.2)
            if not _is_our_jvm(pid, self.home):
                break
        self.pid_path.unlink(missing_ok=True)

    def status(self) -> dict:
        """``running``, ``pid``, ``uri``, ``var_dir``, ``store_size`` (bytes), ``log``."""
        pid = self._read_pid()
        size = sum(p.stat().st_size for p in self.data_dir.rglob("*") if p.is_file())
        return {"running": pid is not None, "pid": pid, "uri": self.uri,
                "var_dir": str(self.home), "store_size": size, "log": str(self.log_path)}

    def _read_pid(self) -> int | None:
        """The pid of our running JVM; a stale pid file (process gone or pid reused) is removed."""
        try:
            pid = int(self.pid_path.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        if _is_our_jvm(pid, self.home):
            return pid
        self.pid_path.unlink(missing_ok=True)
        return None

    # -- credentials -----------------------------------------------------------------------
    def password(self) -> str:
        """NEO4J_PASSWORD if set, else a random one made once and kept in var/neo4j/password."""
        if self.settings.neo4j_password is not None:
            return self.settings.neo4j_password.get_secret_value()
        if self.password_path.exists():
            return self.password_path.read_text().strip()
        self.home.mkdir(parents=True, exist_ok=True)
        try:  # O_EXCL: if two processes race, one writes and both read the same value
            fd = os.open(self.password_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return self.password_path.read_text().strip()
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_urlsafe(24) + "\n")
        return self.password_path.read_text().strip()

    def env_lines(self) -> list[str]:
        """Shell lines for ``eval "$(jinshang neo4j env)"``."""
        return [f"export NEO4J_URI={shlex.quote(self.uri)}", "export NEO4J_USER=neo4j",
                f"export NEO4J_PASSWORD={shlex.quote(self.password())}"]


def names_local_server(settings: Settings) -> bool:
    """True when there is no NEO4J_URI, or it is exactly the URI ``env_lines`` exports.

    Only the exact string counts, so a docker-compose Neo4j at ``bolt://localhost:7687`` is
    still treated as external.
    """
    return not settings.neo4j_uri or settings.neo4j_uri.rstrip("/") == settings.local_uri


def _java() -> str:
    java = shutil.which("java")
    if not java:
        raise Neo4jServerError("Java is not on PATH; Neo4j 5.26 needs Java 17 or newer")
    out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    found = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    major = int(found.group(1)) if found else 0
    if major == 1 and found.group(2):  # "1.8.0" style
        major = int(found.group(2))
    if major < 17:
        raise Neo4jServerError(f"{java} is Java {major or '(unknown version)'}; Neo4j "
                               f"{NEO4J_VERSION} needs Java 17 or newer")
    return java


def _source_stamp() -> str:
    """Hash of everything Maven's output depends on: the version, the pom, the launcher source."""
    h = hashlib.sha256(NEO4J_VERSION.encode())
    for path in sorted(p for p in SOURCE_DIR.rglob("*") if p.is_file() and "target" not in p.parts):
        h.update(str(path.relative_to(SOURCE_DIR)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def _is_our_jvm(pid: int, home: Path) -> bool:
    try:  # reap it if it is our own exited child, so it stops looking alive
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass
    proc = Path(f"/proc/{pid}")
    if not Path("/proc/self").exists():  # no procfs (macOS): trust the pid file
        try:
            os.kill(pid, 0)
            return True
        except (ProcessLookupError, PermissionError):
            return False
    try:
        if (proc / "stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
            return False
        args = (proc / "cmdline").read_bytes().split(b"\0")
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False
    return LAUNCHER.encode() in args and str(home).encode() in args


def _port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _tail(path: Path, since: str | None = None, lines: int = 25) -> str:
    """The last `lines` lines of a log, only from the last `since` marker on."""
    try:
        text = path.read_text(errors="replace")
    except FileNotFoundError:
        return "(no log)"
    if since and since in text:
        text = text[text.rindex(since):]
    return "\n".join(text.splitlines()[-lines:])


@contextmanager
def _locked(path: Path):
    with open(path, "w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)  # released when the file closes
        yield
