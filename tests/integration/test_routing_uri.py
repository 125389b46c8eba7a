"""The commands through a `neo4j://` routing URI, the form a cluster or Aura is reached by
(docs/SCALING.md): the driver first asks the server for a routing table, then sends reads and
writes where the table says. A single local server answers that request with itself, so the
same `jinshang load` and `jinshang query` run here as they would against a cluster.
"""
from __future__ import annotations

import json

import pytest

from graph.connection import open_driver, resolve_target
from graph.reader import counts, snapshot
from graph.settings import PROJECT_ROOT, Settings
from loaders.bundled import bundled_catalog

pytestmark = pytest.mark.integration

CATALOG = PROJECT_ROOT / "loaders" / "data" / "xinzhou-2017.yaml"


@pytest.fixture
def routing_env(neo4j_server) -> dict:
    _uri, user, password, database = resolve_target(neo4j_server)
    return {"NEO4J_URI": f"neo4j://127.0.0.1:{neo4j_server.local_port}", "NEO4J_USER": user,
            "NEO4J_PASSWORD": password, "NEO4J_DATABASE": database}


def test_the_driver_routes(routing_env):
    settings = Settings(_env_file=None, **routing_env)
    with open_driver(settings, start_local=False) as driver:
        # neo4j:// gives the routing driver, which has fetched a routing table from the server
        assert type(driver).__name__ == "Neo4jDriver"
        assert driver.execute_query("RETURN 1 AS one", routing_="r").records[0]["one"] == 1


def test_load_and_query_through_a_routing_uri(cli, empty_db, routing_env):
    code, out, err = cli("load", CATALOG, env=routing_env)
    assert code == 0, err
    assert "96 nodes and 173 relationships created" in out
    expected = bundled_catalog().counts()
    got = counts(empty_db)
    assert got["relationships"] == dict(expected["relationships"])
    assert got["nodes"]["Chamber"] == expected["nodes"]["Chamber"]

    code, out, err = cli("query", "run", "chamber_profile", "-p", "chamber=广东山西商会", "-f", "json",
                         env=routing_env)
    assert code == 0, err
    rows = json.loads(out)
    assert [r["chamber"] for r in rows] == ["广东山西商会"]

    code, out, err = cli("cypher", "MATCH (c:Chamber) RETURN count(c) AS n", "-f", "json", env=routing_env)
    assert code == 0, err
    assert json.loads(out) == [{"n": expected["nodes"]["Chamber"]}]

    # loading again through the routing URI changes nothing (the writer's promise, unchanged)
    before = snapshot(empty_db)
    code, out, err = cli("load", CATALOG, env=routing_env)
    assert code == 0, err
    assert "0 nodes and 0 relationships created" in out
    assert snapshot(empty_db) == before
