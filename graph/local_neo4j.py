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
from contextlib import contextmanager, suppress
from pathlib import Path

from graph.errors import Neo4jServerError
from graph.settings import NEO4J_VERSION, Settings

SOURCE_DIR = Path(__file__).resolve().parent / "neo4j_server"
LAUNCHER = "jinshang.Launcher"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"  # `neo4j-admin`, in the same jars (neo4j-command-line)
PASSWORD_ENV = "JINSHANG_NEO4J_INITIAL_PASSWORD"  # read by Launcher.java; never on argv
START_MARK = "=== jinshang: starting Neo4j"
JVM_OPTIONS = SOURCE_DIR / "jvm.options"  # the module flags Neo4j needs on JDK 17, with reasons


class LocalNeo4j:
    """Prepare, start, stop and describe the local server. The constructor does no I/O.

    Layout under ``<JINSHANG_VAR>/neo4j``: data/ (store), logs/ (Neo4j's debug.log), neo4j.log
    (launcher output), neo4j.pid, password (0600) and, unless JINSHANG_NEO4J_LIB says
    otherwise, lib/ (the jars) with build/ and maven.log beside it.
    """

    def __init__(self, settings: Settings):
        self.settings = settings
        # Absolute, because the pid check matches it against the JVM's command line.
        self.home = Path(settings.var_dir).absolute() / "neo4j"
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
                    rc = "timed out after 1800 s"
            if rc != 0:
                raise Neo4jServerError(f"Maven failed (exit {rc}) fetching Neo4j {NEO4J_VERSION}; "
                                       f"last lines of {self.maven_log}:\n{_tail(self.maven_log)}")
            (partial / ".stamp").write_text(_source_stamp())
            # Swap in whole: a half-copied lib dir must never look current. The previous one is
            # kept until the next rebuild: a running JVM may still open jars from it lazily.
            old = self.lib_dir.with_name(self.lib_dir.name + ".old")
            shutil.rmtree(old, ignore_errors=True)
            if self.lib_dir.exists():
                self.lib_dir.rename(old)
            partial.rename(self.lib_dir)
        return self.lib_dir

    def is_prepared(self) -> bool:
        """True when the cached jars match this pom, launcher source and NEO4J_VERSION."""
        stamp = self.lib_dir / ".stamp"
        return (stamp.is_file() and stamp.read_text() == _source_stamp()
                and (self.lib_dir / "jinshang-neo4j-launcher.jar").is_file())

    def start(self, timeout: float = 180) -> str:
        """Start the server (a no-op when ours already answers) and return its Bolt URI."""
        deadline = time.monotonic() + timeout
        self.home.mkdir(parents=True, exist_ok=True)
        with _locked(self.home / ".start.lock"):  # two racing starts must not launch two JVMs
            pid = self._read_pid()
            if pid is not None:
                self._wait_ready(pid, None, deadline)
                return self.uri
            if _port_in_use(self.settings.local_port):
                raise Neo4jServerError(
                    f"port {self.settings.local_port} on 127.0.0.1 is in use by another program "
                    f"(not the Neo4j of {self.home}); stop it or set another JINSHANG_NEO4J_PORT")
            self.prepare()
            proc = self._launch()
            try:
                self._wait_ready(proc.pid, proc, deadline)
            except BaseException:
                self._terminate(proc.pid, 20)  # never leave a half-started server behind
                raise
        return self.uri

    def _launch(self) -> subprocess.Popen:
        s = self.settings
        cmd = [shutil.which("java"), f"-Xms{s.local_heap}", f"-Xmx{s.local_heap}",
               f"@{JVM_OPTIONS}", "-cp", f"{self.lib_dir}/*", LAUNCHER, "--home", str(self.home),
               "--port", str(s.local_port), "--pagecache", s.local_pagecache]
        env = dict(os.environ, **{PASSWORD_ENV: self.password()})
        with open(self.log_path, "ab") as log:
            log.write(f"\n{START_MARK} at {time.strftime('%Y-%m-%d %H:%M:%S')}\n".encode())
            log.flush()
            # Its own session: the JVM outlives this Python process and ignores its Ctrl-C.
            proc = subprocess.Popen(cmd, cwd=self.home, env=env, stdin=subprocess.DEVNULL,
                                    stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        self.pid_path.write_text(f"{proc.pid}\n")
        return proc

    def admin_command(self, *args: str) -> tuple[list[str], dict]:
        """``neo4j-admin ARGS`` on this server's jars and home: (java command line, environment).

        The admin tool finds the store from NEO4J_HOME (its data/ directory), as the launcher's
        DBMS does; it must only touch the store while the server is stopped.
        """
        (self.home / "conf").mkdir(parents=True, exist_ok=True)  # read, even when empty
        cmd = [_java(), f"-Xmx{self.settings.local_heap}", f"@{JVM_OPTIONS}", "-cp", f"{self.lib_dir}/*",
               ADMIN_TOOL, *args]
        return cmd, dict(os.environ, NEO4J_HOME=str(self.home), NEO4J_CONF=str(self.home / "conf"))

    def _wait_ready(self, pid: int, proc: subprocess.Popen | None, deadline: float) -> None:
        # Probing only after READY matters: a changed password file is applied just after Bolt
        # opens, and failed logins lock the user for a few seconds
        # (dbms.security.auth_max_failed_attempts).
        from neo4j.exceptions import AuthError

        while time.monotonic() < deadline:
            if proc.poll() is not None if proc else not _is_our_jvm(pid, self.home):
                self.pid_path.unlink(missing_ok=True)
                self._fail("exited before it was ready")
            if "READY bolt://" in _tail(self.log_path, START_MARK, lines=10_000):
                error = self._probe()
                # Someone else's failed logins as neo4j lock that user for a few seconds (and a
                # script guessing in a loop keeps it locked): Bolt answered, so it is up.
                if error is None or "AuthenticationRateLimit" in str(getattr(error, "code", "")):
                    return
                if isinstance(error, AuthError):
                    raise Neo4jServerError(f"the running Neo4j (pid {pid}) refuses this project's "
                                           "password; restart it: jinshang neo4j stop; ... start")
            time.sleep(0.5)
        self._fail(f"did not answer on {self.uri} in time")

    def _fail(self, what: str):
        raise Neo4jServerError(f"Neo4j {what}; last lines of {self.log_path}:\n"
                               + _tail(self.log_path, START_MARK))

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
        return pid is not None and self._terminate(pid, timeout)

    def _terminate(self, pid: int, timeout: float) -> bool:
        for sig, wait in ((signal.SIGTERM, timeout), (signal.SIGKILL, 10)):
            with suppress(ProcessLookupError):
                os.kill(pid, sig)
            end = time.monotonic() + wait
            while _alive(pid) and time.monotonic() < end:
                time.sleep(0.2)
            if not _alive(pid):
                break
        self.pid_path.unlink(missing_ok=True)
        return True

    def status(self) -> dict:
        """``running``, ``pid``, ``uri``, ``var_dir``, ``store_size`` (bytes), ``log``."""
        pid = self._read_pid()
        size = 0
        for root, _dirs, files in os.walk(self.data_dir):
            for name in files:
                with suppress(OSError):  # a running server rotates and deletes log files
                    size += os.lstat(os.path.join(root, name)).st_size
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

    def password(self) -> str:
        """The password in force: made once at random and kept in var/neo4j/password.

        NEO4J_PASSWORD is deliberately not read: it is for another server, and a `.env` copied
        from .env.example must not change this store's password behind the user's back. To
        change it, edit the file and restart; the launcher applies it on start.
        """
        if not self.password_path.exists():
            self.home.mkdir(parents=True, exist_ok=True)
            # O_EXCL and mode 0600 from birth: racing processes keep one value; nobody else reads it.
            with suppress(FileExistsError), os.fdopen(os.open(
                    self.password_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as f:
                f.write(secrets.token_urlsafe(24) + "\n")
        password = self.password_path.read_text(errors="replace").strip()
        if len(password) < 8:  # Neo4j's minimum; an emptied file must not mean "no password"
            raise Neo4jServerError(f"{self.password_path}: 密码少于 8 个字符; the password must have "
                                   "at least 8 characters (delete the file to get a new one)")
        return password

    def env_lines(self) -> list[str]:
        """Shell lines for ``eval "$(jinshang neo4j env)"``."""
        return [f"export NEO4J_URI={shlex.quote(self.uri)}", "export NEO4J_USER=neo4j",
                f"export NEO4J_PASSWORD={shlex.quote(self.password())}"]


def _java() -> str:
    java = shutil.which("java")
    out = java and subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    found = out and re.search(r'version "(?:1\.)?(\d+)', out.stderr + out.stdout)
    if not found or int(found.group(1)) < 17:
        raise Neo4jServerError(f"Neo4j {NEO4J_VERSION} needs Java 17 or newer on PATH; found "
                               + (f"{java}: {found.group(0) if found else 'unknown version'}"
                                  if java else "no java"))
    return java


def _source_stamp() -> str:
    """Hash of everything Maven's output depends on: the version, the pom, the launcher source."""
    h = hashlib.sha256(NEO4J_VERSION.encode())
    for path in [SOURCE_DIR / "pom.xml", *sorted((SOURCE_DIR / "src").rglob("*.java"))]:
        h.update(str(path.relative_to(SOURCE_DIR)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def _alive(pid: int) -> bool:
    """The process has not fully exited (our own exited child is reaped on the way)."""
    with suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
    try:
        os.kill(pid, 0)
        status = Path(f"/proc/{pid}/status").read_text()
    except ProcessLookupError:
        return False
    except OSError:  # not ours to signal, or no procfs (macOS): it exists
        return True
    # Trap: on SIGTERM the JVM's main thread exits first and the process shows state Z while
    # its other threads still shut Neo4j down; it is gone only when no thread is left.
    fields = dict(line.split(":\t", 1) for line in status.splitlines() if ":\t" in line)
    return not (fields.get("State", "").startswith("Z") and fields.get("Threads", "1") == "1")


def _is_our_jvm(pid: int, home: Path) -> bool:
    """Alive and really our launcher for this home (pids get reused)."""
    if not _alive(pid):
        return False
    try:
        args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return True  # no procfs: trust the pid file
    # An empty command line is that half-exited JVM again: the pid file is still right.
    return args == [b""] or (LAUNCHER.encode() in args and str(home).encode() in args)


def _port_in_use(port: int) -> bool:
    with socket.socket() as s:  # loopback: a free port refuses at once, no timeout needed
        return s.connect_ex(("127.0.0.1", port)) == 0


def _tail(path: Path, since: str | None = None, lines: int = 25) -> str:
    """The last `lines` lines of a log, only from the last `since` marker on."""
    text = path.read_text(errors="replace") if path.exists() else "(no log)"
    if since and since in text:
        text = text[text.rindex(since):]
    return "\n".join(text.splitlines()[-lines:])


@contextmanager
def _locked(path: Path):
    with open(path, "w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)  # released when the file closes
        yield
