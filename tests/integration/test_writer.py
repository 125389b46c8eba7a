"""The writer against the real database: idempotence, provenance merging, all-or-nothing loads."""
from pathlib import Path

import pytest

from graph.errors import ValidationError
from graph.reader import counts, snapshot
from graph.writer import Neo4jWriter
from loaders.bundled import bundled_catalog
from loaders.dispatch import load_paths
from loaders.bundled import bundled_gazetteer
from loaders.ledger import load_ledger

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
