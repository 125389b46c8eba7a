"""Hostile settings: bad URIs, ports, database names, credentials and `.env` files.

Each case runs the real `jinshang load` of the bundled catalog with the settings given (in the
environment, or in a `.env` in the working directory) and must end in one `error:` line per
problem naming the setting and the reason, exit non-zero, no traceback, no secret in the output
and the database unchanged.
"""
from __future__ import annotations

import logging

import pytest

from graph.reader import snapshot
from graph.settings import PROJECT_ROOT
from tests.integration.conftest import assert_one_line_error

CATALOG = PROJECT_ROOT / "loaders" / "data" / "xinzhou-2017.yaml"
ODD_PASSWORD = "p@ss:w'rd \"$(id)` 晋商;--"


def case(id, env, dotenv, parts, secrets=(), lines=1):
    """environment (None: unset), .env bytes (or None), the parts the error names, the secrets
    it must not show, and how many problems (one line each) it reports."""
    return pytest.param(env, dotenv, parts, secrets, lines, id=id)


CASES = [
    case("uri-with-password-and-bad-port", {"NEO4J_URI": "bolt://neo4j:secretpw@host:notaport"}, None,
         ["NEO4J_URI", "bolt://***@host:notaport", "NEO4J_PASSWORD"], ["secretpw"]),
    case("uri-http", {"NEO4J_URI": "http://x"}, None, ["NEO4J_URI", "'http://x'", "scheme 'http'"]),
    case("uri-nonsense", {"NEO4J_URI": "nonsense"}, None, ["NEO4J_URI", "'nonsense'", "scheme"]),
    case("uri-port-out-of-range", {"NEO4J_URI": "bolt://db:99999"}, None,
         ["NEO4J_URI", "'bolt://db:99999'", "1 to 65535"]),
    case("uri-no-host", {"NEO4J_URI": "bolt://"}, None, ["NEO4J_URI", "no host"]),
    case("uri-with-path", {"NEO4J_URI": "neo4j://db:7687/graph"}, None, ["NEO4J_URI", "no path"]),
    case("uri-broken-ipv6", {"NEO4J_URI": "bolt://[::1"}, None, ["NEO4J_URI", "IPv6"]),
    case("port-not-a-number", {"JINSHANG_NEO4J_PORT": "abc"}, None,
         ["JINSHANG_NEO4J_PORT", "'abc'", "1 to 65535"]),
    case("port-too-large", {"JINSHANG_NEO4J_PORT": "99999"}, None,
         ["JINSHANG_NEO4J_PORT", "'99999'", "1 to 65535"]),
    case("port-negative", {"JINSHANG_NEO4J_PORT": "-1"}, None, ["JINSHANG_NEO4J_PORT", "'-1'"]),
    case("heap-not-a-size", {"JINSHANG_NEO4J_HEAP": "lots"}, None,
         ["JINSHANG_NEO4J_HEAP", "'lots'", "memory size"]),
    case("database-system", {"NEO4J_DATABASE": "system"}, None,
         ["NEO4J_DATABASE", "'system'", "users and privileges"]),
    case("database-bad-name", {"NEO4J_DATABASE": "no such!"}, None,
         ["NEO4J_DATABASE", "'no such!'", "not a Neo4j database name"]),
    case("database-unknown", {"NEO4J_DATABASE": "nosuchdb"}, None,
         ["NEO4J_DATABASE", "'nosuchdb'", "no such database"]),
    # Unknown users, never user neo4j: failed logins lock a user for seconds, and the other
    # tests of the session log in as neo4j.
    case("user-unknown", {"NEO4J_USER": "nobody-here"}, None,
         ["nobody-here", "NEO4J_USER and NEO4J_PASSWORD", "unauthorized"]),
    case("user-empty", {"NEO4J_USER": ""}, None, ["NEO4J_USER", "user name is empty"]),
    case("password-odd-characters", {"NEO4J_USER": "odd-user", "NEO4J_PASSWORD": ODD_PASSWORD}, None,
         ["odd-user", "NEO4J_PASSWORD"], [ODD_PASSWORD, "晋商;--"]),
    case("password-empty", {"NEO4J_USER": "empty-password-user", "NEO4J_PASSWORD": ""}, None,
         ["empty-password-user", "NEO4J_PASSWORD"]),
    case("dotenv-gbk", {}, "NEO4J_DATABASE=忻州\n".encode("gbk"), [".env", "UTF-8"]),
    case("dotenv-nul", {}, b"JINSHANG_OUT=out\x00put\n", ["JINSHANG_OUT", "NUL"]),
    case("dotenv-escape-sequence", {}, b"JINSHANG_OUT=\x1b[31mred\n", ["JINSHANG_OUT", "control"]),
    case("dotenv-uri-with-password", {"NEO4J_URI": None},
         b"NEO4J_URI=bolt://admin:hunter2secret@db:notaport\n",
         ["NEO4J_URI", "bolt://***@db:notaport"], ["hunter2secret"]),
    case("two-bad-settings-two-lines", {"JINSHANG_NEO4J_PORT": "abc", "NEO4J_DATABASE": "system"}, None,
         ["JINSHANG_NEO4J_PORT", "NEO4J_DATABASE"], lines=2),
]


@pytest.mark.parametrize("env, dotenv, parts, secrets, lines", CASES)
def test_a_bad_setting_is_one_line_naming_it(env, dotenv, parts, secrets, lines, cli, cli_env,
                                             empty_db, neo4j_server, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a .env of the developer's never counts; the case's own does
    if dotenv is not None:
        (tmp_path / ".env").write_bytes(dotenv)
    for name, value in env.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
    before = snapshot(empty_db, neo4j_server.neo4j_database)

    code, out, err = cli("load", CATALOG, env={k: v for k, v in env.items() if v is not None})

    assert code == 1, (out, err)
    assert_one_line_error(err, *parts)
    for secret in [*secrets, cli_env["NEO4J_PASSWORD"]]:
        assert secret not in out + err
    assert len([line for line in err.splitlines() if line.strip()]) == lines, err
    assert snapshot(empty_db, neo4j_server.neo4j_database) == before


def test_an_unexpected_error_is_one_masked_line(cli, cli_env, monkeypatch, tmp_path):
    """The catch-all at the CLI edge: type and message, with passwords and URI userinfo masked."""
    from jinshang.cli import neo4j_cmd

    monkeypatch.chdir(tmp_path)
    secret = cli_env["NEO4J_PASSWORD"]

    def broken(*_args, **_kwargs):
        raise RuntimeError(f"boom at bolt://neo4j:{secret}@db:7687 with\n{secret}")

    monkeypatch.setattr(neo4j_cmd, "load_settings", broken)
    code, out, err = cli("neo4j", "status")
    assert code == 1
    assert err.strip() == "error: internal error: RuntimeError: boom at bolt://***@db:7687 with ***"
    assert secret not in out + err


def test_usage_errors_stay_typers_own(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _out, err = cli("load", "--no-such-option")
    assert code == 2 and "No such option" in err


def test_driver_log_records_go_to_a_file_not_the_terminal(cli, tmp_path, monkeypatch):
    """The driver's retry warnings used to reach the terminal through Python's last resort."""
    from jinshang.cli import neo4j_cmd

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("JINSHANG_VAR", str(tmp_path / "var"))
    real = neo4j_cmd.load_settings

    def settings_after_a_retry():
        logging.getLogger("neo4j").warning("Transaction failed and will be retried in 1.0s (x)")
        return real()

    monkeypatch.setattr(neo4j_cmd, "load_settings", settings_after_a_retry)
    code, out, err = cli("neo4j", "env")
    assert code == 0 and "retried" not in out + err
    log = (tmp_path / "var" / "log" / "neo4j-driver.log").read_text(encoding="utf-8")
    assert "WARNING neo4j: Transaction failed and will be retried" in log
