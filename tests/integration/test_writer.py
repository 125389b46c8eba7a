"""The writer against the real database: idempotence, provenance merging, all-or-nothing loads."""
from collections import defaultdict
from pathlib import Path

import pytest

from graph.errors import ValidationError
from graph.reader import counts, snapshot
from graph.writer import Neo4jWriter
from loaders.bundled import bundled_catalog
from loaders.dispatch import load_paths
from loaders.bundled import bundled_gazetteer
from loaders.ledger import load_ledger
from tests.conftest import wipe

LEDGERS = Path(__file__).resolve().parents[1] / "fixtures" / "ledgers"


def test_loading_twice_changes_nothing(seeded):
    before = snapshot(seeded)
    summary = Neo4jWriter(seeded).write(bundled_catalog())
    assert (summary.nodes_created, summary.relationships_created, summary.properties_set) == (0, 0, 0)
    assert snapshot(seeded) == before


def test_counts_match_the_records(seeded):
    ds = bundled_catalog()
    c = counts(seeded)
    for label, n in ds.counts()["nodes"].items():
        assert c["nodes"][label] >= n
    assert c["relationships"] == dict(ds.counts()["relationships"])
    assert sum(c["relationships"].values()) == len(ds.edges)


def test_ledger_load_is_idempotent_and_links_to_the_seed(seeded):
    gaz = bundled_gazetteer()
    ds = load_ledger(LEDGERS / "good.csv")
    writer = Neo4jWriter(seeded)
    first = writer.write(ds, gaz.known_ids())
    assert first.nodes_created == len(ds.nodes)  # 华为 and 高山 resolve to the seed's nodes, not new ones
    assert "person:高山" not in ds.nodes and "company:华为技术有限公司" not in ds.nodes
    after_first = snapshot(seeded)
    again = writer.write(load_ledger(LEDGERS / "good.csv"), gaz.known_ids())
    assert (again.nodes_created, again.relationships_created, again.properties_set) == (0, 0, 0)
    assert snapshot(seeded) == after_first
    with seeded.session() as s:
        rec = s.run("""MATCH (:Chamber {name: '广东山西商会'})-[:INTRODUCED]->(p:Project)-[:LOCATED_IN]->(c:County)
                       RETURN p.name AS p, c.name AS c""").single()
    assert (rec["p"], rec["c"]) == ("测试温泉小镇项目", "定襄县")


def test_second_source_confirming_a_fact_adds_its_id(seeded, tmp_path):
    catalog = tmp_path / "confirm.yaml"
    catalog.write_text("""
sources:
  - {name: 第二来源, title: 另一份报道, publisher: 测试, date: 2018-02-01, synthetic: false}
source: 第二来源
Person:
  - name: 高山
    holds_post: [{ref: 广东山西商会, title: 监事长, as_of: 2017-05-12}]
""", encoding="utf-8")
    ds = load_paths([catalog])
    Neo4jWriter(seeded).write(ds, bundled_gazetteer().known_ids())
    with seeded.session() as s:
        r = s.run("""MATCH (p:Person {name: '高山'})-[h:HOLDS_POST {title: '监事长'}]->()
                     RETURN p.sources AS ps, h.sources AS hs, count(*) AS n""").single()
    assert r["n"] == 1
    assert r["hs"] == ["source:忻州日报-2018-01-11", "source:第二来源"]
    assert r["ps"] == ["source:忻州日报-2018-01-11", "source:第二来源"]


# (an unknown column is now a warning, not a refusal (issue 13): a bare amount column takes its place)
@pytest.mark.parametrize("name", ["bad.csv", "layouts/bare-unit.csv", "no-name-column.csv"])
def test_bad_ledger_leaves_the_database_exactly_as_it_was(seeded, name):
    before = snapshot(seeded)
    with pytest.raises(ValidationError):
        load_paths([LEDGERS / "good.csv", LEDGERS / name])
    assert snapshot(seeded) == before


def test_writer_refuses_records_that_break_the_contract(seeded):
    from graph.records import Dataset, EdgeRecord

    ds = Dataset()
    ds.add_edge(EdgeRecord("SIGNED", "county:忻州市/代县", "event:2017-05-12/珠海市", {}, ("source:x",)))
    before = snapshot(seeded)
    with pytest.raises(ValidationError, match="not allowed by the schema"):
        Neo4jWriter(seeded).write(ds, bundled_gazetteer().known_ids())
    assert snapshot(seeded) == before


def test_dry_run_plan_reads_only(seeded):
    ds = load_ledger(LEDGERS / "good.csv")
    before = snapshot(seeded)
    plan = Neo4jWriter(seeded).plan(ds, bundled_gazetteer().known_ids())
    assert snapshot(seeded) == before
    assert plan["Project"]["new"] == 3
    assert sum(p["unchanged"] + p["changed"] for p in plan.values()) == 0
    Neo4jWriter(seeded).write(ds, bundled_gazetteer().known_ids())
    replan = Neo4jWriter(seeded).plan(ds, bundled_gazetteer().known_ids())
    assert sum(p["new"] + p["changed"] for p in replan.values()) == 0


def test_reference_to_missing_node_is_refused(empty_db):
    ds = load_ledger(LEDGERS / "good.csv")
    with pytest.raises(ValidationError, match="not in the database"):
        Neo4jWriter(empty_db).write(ds, bundled_gazetteer().known_ids())
    assert counts(empty_db)["nodes"] == {}


def _expected(schema, *datasets) -> tuple[dict, dict]:
    """What the writer promises, computed in Python: per node and per fact, later non-null
    values win, nulls are never stored, and sources are appended in the order first seen."""
    nodes, rels = {}, {}
    for ds in datasets:
        for n in ds.nodes.values():
            labels, props = nodes.setdefault(n.id, ([n.label, *schema.label(n.label).also], {"id": n.id}))
            props.update({k: v for k, v in n.props.items() if v is not None})
            props["sources"] = list(dict.fromkeys(props.get("sources", []) + list(n.sources)))
        for e in ds.edges.values():
            key = (e.type, e.start, e.end, tuple(e.props.get(k) for k in schema.rel(e.type).key))
            props = rels.setdefault(key, {})
            props.update({k: v for k, v in e.props.items() if v is not None})
            props["sources"] = list(dict.fromkeys(props.get("sources", []) + list(e.sources)))
    return nodes, rels


def _create(driver, nodes: dict, rels: dict) -> None:
    """The expected graph, CREATEd plainly (no MERGE, no filter), so both sides go through the
    same snapshot. Labels and types are the schema's own."""
    by_labels, by_type = defaultdict(list), defaultdict(list)
    for labels, props in nodes.values():
        by_labels[":".join(labels)].append(props)
    for (t, a, b, _), props in rels.items():
        by_type[(t, nodes[a][0][0], nodes[b][0][0])].append({"a": a, "b": b, "props": props})
    with driver.session() as s:
        for labels, rows in by_labels.items():
            s.run(f"UNWIND $rows AS p CREATE (n:{labels}) SET n = p", rows=rows).consume()
        for (t, la, lb), rows in by_type.items():
            s.run(f"UNWIND $rows AS r MATCH (a:{la} {{id: r.a}}) MATCH (b:{lb} {{id: r.b}}) "
                  f"CREATE (a)-[x:{t}]->(b) SET x = r.props", rows=rows).consume()


@pytest.mark.parametrize("mode", ["one transaction", "journaled batches"])
def test_the_written_graph_is_exactly_the_records_merged(empty_db, mode):
    """Two overlapping synthetic provinces (seeds 7 and 8 share most ids but not their properties,
    relationships or source) loaded one after the other, then the first again: the database holds
    exactly the records merged by the writer's rules, in either mode."""
    from benchmarks.synthetic import generate
    from graph.schema import get_schema

    first, second = generate(600, seed=7), generate(600, seed=8)
    assert len(first.nodes.keys() & second.nodes.keys()) > 400  # they overlap
    writer = (Neo4jWriter(empty_db) if mode == "one transaction" else
              Neo4jWriter(empty_db, atomic_limit=100, batch_size=97))
    for ds in (first, second, first):
        writer.write(ds)
    again = writer.write(first)  # the last one written: nothing changes
    assert (again.nodes_created, again.relationships_created, again.properties_set) == (0, 0, 0)
    written = snapshot(empty_db)
    wipe(empty_db)
    _create(empty_db, *_expected(get_schema(), first, second, first))
    assert written == snapshot(empty_db)
