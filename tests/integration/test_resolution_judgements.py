"""Judgements against the real Neo4j: merge and undo, stored judgements re-applied on load,
merged ids still resolving, `different` pairs never proposed, explain, review, files."""
from __future__ import annotations

import csv
import json
from datetime import date

import pytest

from graph.reader import snapshot
from graph.records import Dataset, EdgeRecord, NodeRecord
from graph.writer import Neo4jWriter
from loaders.bundled import bundled_path
from tests.integration.conftest import assert_one_line_error

SRC = "source:测试-镇江晋商会"
SURVIVOR, MERGED = "chamber:镇江晋商会", "chamber:镇江山西商会"  # the second is the bundled dataset's
EVENT = "event:2017-04-08/镇江市"  # the bundled 镇江 event 镇江山西商会 attended

FIXTURE = """\
sources:
  - {name: 测试-镇江晋商会, title: 测试来源（合成）, publisher: 测试, date: 2024-01-01, synthetic: true}
source: 测试-镇江晋商会
Chamber:
  - {name: 镇江晋商会, based_in: 镇江市, level: city}
Person:
  - name: 测试甲
    holds_post: [{ref: 镇江晋商会, title: 秘书长}]
"""


def without_judgements(snap):
    nodes, rels = snap
    return [[n for n in nodes if "Judgement" not in n[1]], rels]


def zhenjiang(driver) -> Dataset:
    """A second name for the bundled 镇江山西商会, written straight through the writer (no
    load-time resolution), with a post of its own and the same attendance fact from another source."""
    ds = Dataset()
    ds.add_node(NodeRecord("Source", SRC, {"name": "测试-镇江晋商会", "title": "测试来源（合成）", "synthetic": True}, (SRC,)))
    ds.add_node(NodeRecord("Chamber", SURVIVOR, {"name": "镇江晋商会", "level": "city", "aliases": ["镇江市晋商会"]}, (SRC,)))
    ds.add_node(NodeRecord("Person", "person:测试甲", {"name": "测试甲"}, (SRC,)))
    ds.add_edge(EdgeRecord("HOLDS_POST", "person:测试甲", SURVIVOR, {"title": "秘书长", "as_of": date(2024, 1, 1)}, (SRC,)))
    ds.add_edge(EdgeRecord("ATTENDED", SURVIVOR, EVENT, {}, (SRC,)))
    ds.add_edge(EdgeRecord("BASED_IN", SURVIVOR, "city:镇江市", {}, (SRC,)))
    Neo4jWriter(driver).write(ds, known_ids={EVENT: "Event", "city:镇江市": "City"})
    return ds


def node(driver, node_id):
    with driver.session() as s:
        rec = s.run("MATCH (n {id: $id}) RETURN properties(n) AS p", id=node_id).single()
    return dict(rec["p"]) if rec else None


def rels(driver, node_id):
    with driver.session() as s:
        return sorted((r["t"], r["other"], tuple(sorted(r["sources"])))
                      for r in s.run("MATCH (n {id: $id})-[r]-(o) RETURN type(r) AS t, o.id AS other, "
                                     "r.sources AS sources", id=node_id))


@pytest.fixture
def two_names(seeded):
    zhenjiang(seeded)
    return seeded


def test_merge_keeps_names_ids_and_sources_and_undo_restores_the_snapshot(two_names, cli):
    before = snapshot(two_names)
    merged_rels = rels(two_names, MERGED)
    code, out, err = cli("resolve", "same", SURVIVOR, MERGED, "--by", "tester", "--reason", "two names")
    assert code == 0, err
    assert node(two_names, MERGED) is None
    s = node(two_names, SURVIVOR)
    assert s["name"] == "镇江晋商会"
    assert s["aliases"] == ["镇江市晋商会", "镇江山西商会"]
    assert s["merged_ids"] == [MERGED]
    # every relationship of the merged node is on the survivor, with its sources; the attendance
    # both had is one fact with both sources
    after = rels(two_names, SURVIVOR)
    attended = [r for r in after if r[0] == "ATTENDED" and r[1] == EVENT]
    assert len(attended) == 1 and set(attended[0][2]) == {SRC, "source:忻州日报-2018-01-11"}
    for t, other, sources in merged_rels:
        assert any(r[0] == t and r[1] == other and set(sources) <= set(r[2]) for r in after), (t, other)

    code, out, err = cli("resolve", "undo", SURVIVOR, MERGED, "--by", "tester2")
    assert code == 0, err
    assert without_judgements(snapshot(two_names)) == before
    with two_names.session() as sess:
        log = sess.run("MATCH (j:Judgement) RETURN j.state AS state, j.by AS by, j.undone_by AS undone_by").data()
    assert log == [{"state": "undone", "by": "tester", "undone_by": "tester2"}]


def test_judgement_survives_a_reload_of_the_source_it_merged(two_names, cli):
    assert cli("resolve", "same", SURVIVOR, MERGED, "--by", "tester")[0] == 0
    merged = snapshot(two_names)
    code, out, err = cli("load", bundled_path())
    assert code == 0, err
    assert "镇江山西商会" in out  # the merge on arrival is listed
    assert snapshot(two_names) == merged  # no node came back, nothing changed


def test_judgement_applies_to_a_new_source(two_names, cli, tmp_path):
    # judged before the new source arrives; the new source names the merged chamber
    assert cli("resolve", "same", SURVIVOR, MERGED, "--by", "tester")[0] == 0
    path = tmp_path / "new.yaml"
    path.write_text(FIXTURE.replace("镇江晋商会", "镇江山西商会").replace("测试甲", "测试乙"), encoding="utf-8")
    code, out, err = cli("load", path)
    assert code == 0, err
    assert node(two_names, MERGED) is None
    assert ("HOLDS_POST", "person:测试乙", ("source:测试-镇江山西商会",)) in rels(two_names, SURVIVOR)
    assert node(two_names, SURVIVOR)["aliases"] == ["镇江市晋商会", "镇江山西商会"]


def test_load_merges_by_rule_and_dry_run_lists_it(seeded, cli, tmp_path):
    path = tmp_path / "zj.yaml"
    path.write_text(FIXTURE, encoding="utf-8")
    before = snapshot(seeded)
    code, out, err = cli("load", "--dry-run", path)
    assert code == 0, err
    assert snapshot(seeded) == before
    assert "chamber:镇江晋商会" in out and "chamber:镇江山西商会" in out and "Dry run" in out
    code, out, err = cli("load", path)
    assert code == 0, err
    assert node(seeded, SURVIVOR) is None  # the database's node survives; the record became it
    s = node(seeded, MERGED)
    assert s["aliases"] == ["镇江晋商会"] and s["merged_ids"] == [SURVIVOR]
    assert ("HOLDS_POST", "person:测试甲", ("source:测试-镇江晋商会",)) in rels(seeded, MERGED)
    # the rule's merge is recorded, so explain can tell who (the rule) and when
    code, out, err = cli("resolve", "explain", SURVIVOR, MERGED)
    assert code == 0, err
    assert "judged by auto" in out and "one node" in out


def test_different_pair_is_never_proposed_nor_merged_on_load(seeded, cli, tmp_path):
    path = tmp_path / "zj.yaml"
    path.write_text(FIXTURE, encoding="utf-8")
    code, out, err = cli("resolve", "different", SURVIVOR, MERGED, "--by", "tester", "--reason", "two chambers")
    assert code == 0, err
    assert cli("load", path)[0] == 0
    assert node(seeded, SURVIVOR) is not None and node(seeded, MERGED) is not None
    code, out, err = cli("resolve", "candidates", "--label", "Chamber", "--format", "json")
    assert code == 0, err
    pairs = {frozenset((r["a"], r["b"])) for r in json.loads(out)}
    assert frozenset((SURVIVOR, MERGED)) not in pairs
    code, out, err = cli("resolve", "explain", SURVIVOR, MERGED)
    assert "judged by tester" in out and "two chambers" in out and "two nodes" in out
    assert "matcher: score" in out and "same name after normalisation" in out  # the rule a person overrode


def test_merged_id_resolves_in_named_queries_and_cypher_params(two_names, cli):
    from queries.library import run

    assert cli("resolve", "same", SURVIVOR, MERGED)[0] == 0
    rows = run(two_names, "chamber_profile", chamber=MERGED)
    assert rows and {r["chamber"] for r in rows} == {"镇江晋商会"}
    code, out, err = cli("cypher", "MATCH (c:Chamber {id: $id}) RETURN c.name AS name", "-p", f"id={MERGED}",
                         "--format", "json")
    assert code == 0, err
    assert json.loads(out) == [{"name": "镇江晋商会"}]


def test_review_walks_candidates_from_stdin(two_names, cli):
    code, out, err = cli("resolve", "candidates", "--label", "Chamber", "--format", "json")
    pairs = [frozenset((r["a"], r["b"])) for r in json.loads(out)]
    assert frozenset((SURVIVOR, MERGED)) in pairs
    first = json.loads(out)[0]
    code, out, err = cli("resolve", "review", "--label", "Chamber", "--by", "reviewer", input="s\nq\n")
    assert code == 0, err
    assert "1 merged" in out
    gone = first["b"] if node(two_names, first["a"]) else first["a"]
    assert node(two_names, gone) is None


def test_export_and_from_file_reapply_after_a_fresh_load(two_names, cli, tmp_path, driver):
    from tests.conftest import wipe

    assert cli("resolve", "same", SURVIVOR, MERGED, "--by", "tester", "--reason", "two names")[0] == 0
    path = tmp_path / "judgements.csv"
    code, out, err = cli("resolve", "export", path)
    assert code == 0, err
    rows = list(csv.DictReader(open(path, encoding="utf-8-sig")))
    assert [(r["a"], r["b"], r["verdict"], r["by"]) for r in rows] == [(SURVIVOR, MERGED, "same", "tester")]
    merged = without_judgements(snapshot(two_names))
    wipe(driver)
    Neo4jWriter(driver).write(__import__("loaders.bundled", fromlist=["x"]).bundled_catalog())
    zhenjiang(driver)
    code, out, err = cli("resolve", "--from-file", path)
    assert code == 0, err
    assert "1 merged" in out
    assert without_judgements(snapshot(driver)) == merged


def test_reviewed_xlsx_sheet_applies_its_answers(two_names, cli, tmp_path):
    from openpyxl import load_workbook

    sheet = tmp_path / "review.xlsx"
    assert cli("resolve", "candidates", "--label", "Chamber", "--format", "xlsx", "-o", sheet)[0] == 0
    wb = load_workbook(sheet)
    ws = wb.active
    head = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        pair = {row[head.index("a")].value, row[head.index("b")].value}
        row[head.index("answer")].value = "是" if pair == {SURVIVOR, MERGED} else "否"
    wb.save(sheet)
    code, out, err = cli("resolve", "--from-file", sheet)
    assert code == 0, err
    # the sheet's pair is in id order: the first (a) survives
    assert node(two_names, SURVIVOR) is None and node(two_names, MERGED)["merged_ids"] == [SURVIVOR]


def test_bad_answer_is_one_line_naming_file_row_field_value(two_names, cli, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(f"a,b,answer\n{SURVIVOR},{MERGED},maybe\n", encoding="utf-8")
    before = snapshot(two_names)
    code, out, err = cli("resolve", "--from-file", path)
    assert code == 1
    assert_one_line_error(err, "bad.csv", "2", "answer", "maybe")
    assert snapshot(two_names) == before


def test_undo_without_judgement_and_merge_across_labels_are_refused(two_names, cli):
    code, out, err = cli("resolve", "undo", SURVIVOR, MERGED)
    assert code == 1
    assert_one_line_error(err, SURVIVOR, MERGED, "no judgement")
    code, out, err = cli("resolve", "same", SURVIVOR, "person:测试甲")
    assert code == 1
    assert_one_line_error(err, "Chamber", "Person")


def test_judgements_stay_out_of_counts_and_projection(two_names, cli):
    from graph.projection import project
    from graph.reader import counts

    assert cli("resolve", "different", SURVIVOR, MERGED)[0] == 0
    assert "Judgement" not in counts(two_names)["nodes"]
    G = project(two_names)
    assert not any(str(n).startswith("judgement:") for n in G.nodes)
