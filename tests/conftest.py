"""Fixtures shared by the whole suite.

Integration tests run against one real local Neo4j, started once per test session on a free
port with its own store under a temporary directory (the Maven jar cache is shared with the
developer's default one, so it is fetched once per machine).
"""
from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def neo4j_settings(tmp_path_factory):
    from graph.settings import Settings

    if os.environ.get("JINSHANG_TEST_NEO4J_URI"):  # run the suite against another server instead
        return Settings(_env_file=None, NEO4J_URI=os.environ["JINSHANG_TEST_NEO4J_URI"],
                        NEO4J_USER=os.environ.get("JINSHANG_TEST_NEO4J_USER", "neo4j"),
                        NEO4J_PASSWORD=os.environ.get("JINSHANG_TEST_NEO4J_PASSWORD", ""))
    return Settings(
        _env_file=None,
        NEO4J_URI=None,  # never a server the developer's shell points at (`eval "$(jinshang neo4j env)"`)
        NEO4J_PASSWORD=None,
        JINSHANG_VAR=tmp_path_factory.mktemp("var"),
        JINSHANG_NEO4J_PORT=_free_port(),
        JINSHANG_NEO4J_LIB=ROOT / "var" / "neo4j" / "lib",
        JINSHANG_OUT=tmp_path_factory.mktemp("out"),
    )


@pytest.fixture(scope="session")
def neo4j_server(neo4j_settings):
    """The running server's settings; started once, stopped at the end of the session."""
    from graph.errors import Neo4jServerError
    from graph.local_neo4j import LocalNeo4j

    if not neo4j_settings.uses_local_server:
        yield neo4j_settings
        return
    server = LocalNeo4j(neo4j_settings)
    try:
        server.start(timeout=300)
    except Neo4jServerError:
        # One more try: a first JVM start on a cold machine can miss the deadline.
        server.stop()
        server.start(timeout=300)
    yield neo4j_settings
    server.stop()


@pytest.fixture(scope="session")
def driver(neo4j_server):
    from graph.connection import open_driver

    d = open_driver(neo4j_server, start_local=False)
    yield d
    d.close()


def wipe(driver, database="neo4j") -> None:
    with driver.session(database=database) as s:
        s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


@pytest.fixture
def empty_db(driver, neo4j_server):
    wipe(driver, neo4j_server.neo4j_database)
    return driver


@pytest.fixture
def seeded(driver, neo4j_server):
    """A database holding exactly the bundled 2017 Xinzhou dataset."""
    from graph.writer import Neo4jWriter
    from loaders.bundled import bundled_catalog

    wipe(driver, neo4j_server.neo4j_database)
    Neo4jWriter(driver, neo4j_server.neo4j_database).write(bundled_catalog())
    return driver


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
