"""RDF round trip through the real Neo4j: export, load into an emptied database, export again.

The two exports are isomorphic RDF graphs, the database ends as it began (lists compared as sets:
RDF has no order, and the loader sorts them), the export conforms to the generated shapes, and a
non-conforming file changes nothing.
"""
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from graph.errors import ValidationError
from graph.exporters import export
from graph.reader import counts, snapshot
from graph.writer import Neo4jWriter
from loaders.dispatch import load_path
from loaders.bundled import bundled_gazetteer
from loaders.ledger import load_ledger
from loaders.rdf import load_rdf, parse, validate

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PARSE = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}
OX = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}


def _wipe(driver, database):
    with driver.session(database=database) as s:
        s.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def _unordered(snap):
    """A snapshot with list values compared as sorted lists (RDF keeps no order)."""
    def fix(props):
        out = []
        for k, v in props:
            if v.startswith("["):
                v = repr(sorted(eval(v)))  # reprs of lists of strings, from graph.reader.snapshot
            out.append((k, v))
        return out
    nodes, rels = snap
    return [sorted((i, labels, fix(p)) for i, labels, p in nodes), sorted((a, t, b, fix(p)) for a, t, b, p in rels)]


@pytest.fixture
def seeded_with_synthetic(seeded, neo4j_server):
    """The bundled dataset plus a ledger loaded as synthetic data."""
    ds = load_ledger(FIXTURES / "ledgers" / "good.csv", synthetic=True, source_name="演示台账")
    Neo4jWriter(seeded, neo4j_server.neo4j_database).write(ds, bundled_gazetteer().known_ids())
    return seeded


def test_round_trip_through_an_emptied_database(seeded_with_synthetic, neo4j_server, tmp_path):
    driver, db = seeded_with_synthetic, neo4j_server.neo4j_database
    before_counts, before = counts(driver, db), snapshot(driver, db)
    first = export(driver, db, "ttl", tmp_path / "first.ttl")
    assert first.synthetic_sources == ["source:演示台账"]
    assert (first.nodes, first.relationships) == (_node_count(driver, db),
                                                 sum(before_counts["relationships"].values()))
    g1 = parse(first.path)
    assert validate(g1, "first.ttl") == []  # pySHACL against the generated shapes
    ds = load_path(first.path)

    _wipe(driver, db)
    assert counts(driver, db) == {"nodes": {}, "relationships": {}}
    Neo4jWriter(driver, db).write(ds, bundled_gazetteer().known_ids())
    second = export(driver, db, "ttl", tmp_path / "second.ttl")

    assert isomorphic(g1, parse(second.path))
    assert first.path.read_bytes() == second.path.read_bytes()
    assert counts(driver, db) == before_counts
    after = snapshot(driver, db)
    assert _unordered(after) == _unordered(before)

    # A second round is exact, list order included: the loader's sorted lists come back sorted.
    _wipe(driver, db)
    Neo4jWriter(driver, db).write(load_rdf(second.path), bundled_gazetteer().known_ids())
    assert snapshot(driver, db) == after


def _node_count(driver, db) -> int:
    # counts() counts a Chamber under both of its labels; the export counts each node once.
    with driver.session(database=db) as s:
        return s.run("MATCH (n) RETURN count(n) AS n").single()["n"]


def test_every_rdf_format_from_neo4j_parses_independently_and_agrees(seeded_with_synthetic, neo4j_server,
                                                                    tmp_path):
    driver, db = seeded_with_synthetic, neo4j_server.neo4j_database
    ttl = Graph().parse(export(driver, db, "ttl", tmp_path / "g.ttl").path, format="turtle")
    assert len(set(ox.parse(path=str(tmp_path / "g.ttl"), format=OX["ttl"]))) == len(ttl) > 1500
    for fmt in ("nt", "jsonld"):
        path = export(driver, db, fmt, tmp_path / f"g.{fmt}").path
        assert isomorphic(Graph().parse(path, format=PARSE[fmt]), ttl), fmt
        assert len(set(ox.parse(path=str(path), format=OX[fmt]))) == len(ttl), fmt


def test_non_conforming_rdf_leaves_the_database_unchanged(seeded, neo4j_server):
    before = snapshot(seeded, neo4j_server.neo4j_database)
    with pytest.raises(ValidationError) as info:
        load_path(FIXTURES / "rdf" / "bad.ttl")
    assert len(info.value.problems) == 5
    assert snapshot(seeded, neo4j_server.neo4j_database) == before
