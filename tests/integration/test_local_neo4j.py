"""The local Neo4j runner against a real server of its own (not the session one: these tests stop it).

It runs on a free port with a temporary var dir; the Maven jar cache is the developer's default
one (or JINSHANG_NEO4J_LIB), so Maven runs at most once per machine.
"""
from __future__ import annotations

import os
import shlex
import socket
import subprocess
import sys
import threading
import time

import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ClientError, ServiceUnavailable

from graph.connection import open_driver
from graph.errors import DatabaseError, Neo4jServerError
from graph.local_neo4j import LocalNeo4j
from graph.settings import PROJECT_ROOT, Settings

pytestmark = pytest.mark.integration

SHARED_LIB = os.environ.get("JINSHANG_NEO4J_LIB") or str(PROJECT_ROOT / "var" / "neo4j" / "lib")
CLI = [sys.executable, "-c", "from jinshang.cli import main; main()"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _settings(var, port, **extra) -> Settings:
    # NEO4J_URI/NEO4J_PASSWORD=None: a developer's exported variables must not leak in.
    return Settings(_env_file=None, NEO4J_URI=None, NEO4J_PASSWORD=None, JINSHANG_VAR=var,
                    JINSHANG_NEO4J_PORT=port, JINSHANG_NEO4J_LIB=SHARED_LIB,
                    JINSHANG_NEO4J_HEAP="512m", JINSHANG_NEO4J_PAGECACHE="64m", **extra)


def _cli_env(settings: Settings) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update(JINSHANG_VAR=str(settings.var_dir), JINSHANG_NEO4J_PORT=str(settings.local_port),
               JINSHANG_NEO4J_LIB=SHARED_LIB, PYTHONPATH=str(PROJECT_ROOT))
    return env


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    local = LocalNeo4j(_settings(tmp_path_factory.mktemp("var"), _free_port()))
    local.start(timeout=300)
    yield local
    local.stop()  # also after a failed test: never leave a JVM behind


def test_start_used_the_shared_jar_cache(server):
    assert str(server.lib_dir) == SHARED_LIB
    assert not (server.home / "maven.log").exists()


def test_second_start_is_a_no_op(server):
    pid = server.status()["pid"]
    began = time.monotonic()
    assert server.start() == server.uri
    assert server.status()["pid"] == pid
    assert time.monotonic() - began < 5


def test_bolt_answers_the_password_and_merges_once(server):
    with GraphDatabase.driver(server.uri, auth=("neo4j", server.password())) as driver:
        for _ in range(2):
            driver.execute_query("MERGE (:Smoke {id: $id})", id="smoke-1")
        records = driver.execute_query("MATCH (n:Smoke) RETURN count(n) AS n").records
    assert records[0]["n"] == 1


def test_bolt_refuses_a_wrong_password(server):
    with GraphDatabase.driver(server.uri, auth=("neo4j", "not-" + server.password())) as driver:
        with pytest.raises(AuthError):
            driver.verify_connectivity()


def test_password_file_is_private(server):
    assert server.password_path.stat().st_mode & 0o777 == 0o600


def test_listens_only_on_loopback(server):
    psutil = pytest.importorskip("psutil")
    listening = [c.laddr for c in psutil.Process(server.status()["pid"]).net_connections("inet")
                 if c.status == psutil.CONN_LISTEN]
    assert server.settings.local_port in {addr.port for addr in listening}
    assert {addr.ip for addr in listening} <= {"127.0.0.1", "::ffff:127.0.0.1"}


def test_status_and_env_lines(server):
    info = server.status()
    assert info["running"] and info["uri"] == server.uri and info["store_size"] > 0
    assert info["var_dir"] == str(server.home)
    exported = dict(shlex.split(line.removeprefix("export "))[0].split("=", 1)
                    for line in server.env_lines())
    assert exported == {"NEO4J_URI": server.uri, "NEO4J_USER": "neo4j",
                        "NEO4J_PASSWORD": server.password()}


def test_cli_status_and_env(server):
    env = _cli_env(server.settings)
    status = subprocess.run([*CLI, "neo4j", "status"], env=env, capture_output=True, text=True)
    assert status.returncode == 0, status.stderr
    assert status.stdout.splitlines()[0] == server.uri
    assert str(server.status()["pid"]) in status.stdout
    exported = subprocess.run([*CLI, "neo4j", "env"], env=env, capture_output=True, text=True)
    shell = f'{exported.stdout}\nprintf "%s" "$NEO4J_PASSWORD"'
    assert subprocess.run(["bash", "-c", shell], capture_output=True, text=True).stdout \
        == server.password()


def test_open_driver_connects_and_reports_failures_in_one_line(server):
    with open_driver(server.settings, start_local=False) as driver:
        assert driver.execute_query("RETURN 1 AS one").records[0]["one"] == 1
    wrong = Settings(_env_file=None, NEO4J_URI=server.uri, NEO4J_PASSWORD="wrong-secret")
    with pytest.raises(DatabaseError) as caught:
        open_driver(wrong)
    message = str(caught.value)
    assert server.uri in message and "wrong-secret" not in message and "\n" not in message


def test_a_port_taken_by_another_program_is_a_clear_error(tmp_path):
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        with pytest.raises(Neo4jServerError, match=f"port {port} .* in use"):
            LocalNeo4j(_settings(tmp_path, port)).start(timeout=30)


def test_a_stale_pid_file_is_ignored_and_removed(tmp_path):
    local = LocalNeo4j(_settings(tmp_path, _free_port()))
    dead = subprocess.Popen(["true"])
    dead.wait()
    local.home.mkdir(parents=True)
    local.pid_path.write_text(f"{dead.pid}\n")
    assert local.status()["running"] is False
    assert not local.pid_path.exists()
    assert local.stop() is False


class _Knocker(threading.Thread):
    """Tries to log in as neo4j/neo4j every ~100 ms, as a local script racing the first start would."""

    def __init__(self, uri: str):
        super().__init__(daemon=True)
        self.uri, self.accepted, self.refused = uri, 0, 0
        self.halt = threading.Event()

    def run(self):
        while not self.halt.is_set():
            try:
                with GraphDatabase.driver(self.uri, auth=("neo4j", "neo4j"),
                                          connection_timeout=2) as driver:
                    driver.verify_connectivity()
                self.accepted += 1
            except (AuthError, ClientError):  # wrong password, or locked by the failures before
                self.refused += 1
            except (ServiceUnavailable, OSError):  # Bolt not listening yet
                pass
            self.halt.wait(0.1)


def _login_when_unlocked(uri: str, password: str, tries: int = 60) -> int:
    """Log in as neo4j once the knocker's failures no longer lock the user (Neo4j locks it for
    a few seconds after 3 failed logins); the answer of `RETURN 1`."""
    for _ in range(tries):
        try:
            with GraphDatabase.driver(uri, auth=("neo4j", password)) as driver:
                return driver.execute_query("RETURN 1 AS one").records[0]["one"]
        except ClientError as exc:
            if "AuthenticationRateLimit" not in (exc.code or ""):
                raise
            time.sleep(1)
    raise AssertionError("user neo4j stayed locked")


def test_a_new_store_never_accepts_the_builtin_password(tmp_path):
    """Finding 2: the first start used to open Bolt while neo4j/neo4j still worked (~17 s).

    Started as a user does, by the CLI, from a directory holding a `.env` copied from
    .env.example (finding 9): its NEO4J_PASSWORD must not become the local server's password.
    """
    settings = _settings(tmp_path / "var", _free_port())
    env = _cli_env(settings)
    (tmp_path / ".env").write_text((PROJECT_ROOT / ".env.example").read_text(encoding="utf-8"),
                                   encoding="utf-8")
    example_password = "change-me-please"
    assert f"NEO4J_PASSWORD={example_password}" in (tmp_path / ".env").read_text(encoding="utf-8")
    local = LocalNeo4j(settings)
    knocker = _Knocker(local.uri)
    knocker.start()
    try:
        started = subprocess.run([*CLI, "neo4j", "start", "--timeout", "300"], env=env,
                                 cwd=tmp_path, capture_output=True, text=True)
        assert started.returncode == 0, started.stderr
        for _ in range(600):  # until it has reached Bolt at least once (and was refused)
            if knocker.refused:
                break
            time.sleep(0.1)
        knocker.halt.set()
        knocker.join()
        assert knocker.accepted == 0
        assert knocker.refused > 0

        exported = subprocess.run([*CLI, "neo4j", "env"], env=env, cwd=tmp_path,
                                  capture_output=True, text=True)
        assert exported.returncode == 0, exported.stderr
        shell = f'{exported.stdout}\nprintf "%s" "$NEO4J_PASSWORD"'
        printed = subprocess.run(["bash", "-c", shell], capture_output=True, text=True).stdout
        assert printed == local.password() != example_password
        assert _login_when_unlocked(local.uri, printed) == 1
        with GraphDatabase.driver(local.uri, auth=("neo4j", example_password)) as driver:
            with pytest.raises(AuthError):
                driver.verify_connectivity()
    finally:
        knocker.halt.set()
        local.stop()


def test_the_local_uri_with_a_stale_password_still_uses_the_password_file(server, tmp_path,
                                                                          monkeypatch):
    """`eval "$(jinshang neo4j env)"` then a .env with another NEO4J_PASSWORD: still one password."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("NEO4J_PASSWORD=change-me-please\n", encoding="utf-8")
    settings = Settings(NEO4J_URI=server.uri, JINSHANG_VAR=server.settings.var_dir,
                        JINSHANG_NEO4J_PORT=server.settings.local_port)
    assert settings.neo4j_password.get_secret_value() == "change-me-please"
    with open_driver(settings, start_local=False) as driver:
        assert driver.execute_query("RETURN 1 AS one").records[0]["one"] == 1
    env = {**_cli_env(server.settings), "NEO4J_URI": server.uri}
    exported = subprocess.run([*CLI, "neo4j", "env"], env=env, cwd=tmp_path,
                              capture_output=True, text=True)
    assert f"export NEO4J_PASSWORD={shlex.quote(server.password())}" in exported.stdout


def test_a_changed_password_file_is_in_force_after_a_restart(server):
    """var/neo4j/password is the password: edited, it is applied by the next start."""
    old = server.password()
    server.stop()
    server.password_path.write_text("a-new-local-password-0123\n")
    server.start(timeout=300)
    assert _login_when_unlocked(server.uri, "a-new-local-password-0123") == 1
    with GraphDatabase.driver(server.uri, auth=("neo4j", old)) as driver:
        with pytest.raises(AuthError):
            driver.verify_connectivity()


def test_stop_then_status_says_not_running(server):  # last: it stops the module's server
    pid = server.status()["pid"]
    assert server.stop() is True
    info = server.status()
    assert info["running"] is False and info["pid"] is None
    assert not server.pid_path.exists()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert server.stop() is False
    status = subprocess.run([*CLI, "neo4j", "status"], env=_cli_env(server.settings),
                            capture_output=True, text=True)
    assert status.returncode == 3
    assert "running:    no" in status.stdout
