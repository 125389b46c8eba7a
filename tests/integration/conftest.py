import io
import sys

import pytest


def pytest_collection_modifyitems(items):
    for item in items:
        if "/integration/" in str(item.fspath):
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="module")
def cli_env(neo4j_server):
    """The environment a `jinshang` process needs to reach the test server."""
    from graph.connection import resolve_target

    uri, user, password, database = resolve_target(neo4j_server)
    return {"NEO4J_URI": uri, "NEO4J_USER": user, "NEO4J_PASSWORD": password, "NEO4J_DATABASE": database}


@pytest.fixture
def cli(cli_env, monkeypatch, capsys):
    """Run the real `jinshang` entry point (jinshang.cli.main) in-process: (exit code, stdout, stderr)."""
    from jinshang.cli import main

    for k, v in cli_env.items():
        monkeypatch.setenv(k, v)

    def invoke(*args, input=None, env=None):
        for k, v in (env or {}).items():
            monkeypatch.setenv(k, v)
        monkeypatch.setattr(sys, "argv", ["jinshang", *map(str, args)])
        if input is not None:
            monkeypatch.setattr(sys, "stdin", io.StringIO(input))
        code = 0
        try:
            main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return invoke


@pytest.fixture(scope="module")
def seeded_once(driver, neo4j_server):
    """The bundled dataset, written once for the module."""
    from graph.writer import Neo4jWriter
    from loaders.bundled import bundled_catalog
    from tests.conftest import wipe

    wipe(driver, neo4j_server.neo4j_database)
    Neo4jWriter(driver, neo4j_server.neo4j_database).write(bundled_catalog())
    return driver


@pytest.fixture
def bundled_db(seeded_once):
    """The module's seeded database; whatever a test adds is removed after it, so cases that
    reuse names cannot pass on an earlier case's nodes and relationships (a refusal must leave
    the bundled data as it was)."""
    with seeded_once.session() as s:
        ids = s.run("MATCH (n) RETURN collect(n.id) AS ids").single()["ids"]
    yield seeded_once
    with seeded_once.session() as s:
        s.run("MATCH (n) WHERE NOT n.id IN $ids DETACH DELETE n", ids=ids).consume()


def assert_one_line_error(err: str, *parts: str) -> None:
    """A refusal as the project promises it: one `error:` line naming every part, no traceback."""
    assert "Traceback" not in err, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines and lines[0].startswith("error:"), err
    text = " ".join(lines)
    for part in parts:
        assert str(part) in text, f"{part!r} not in {err!r}"
