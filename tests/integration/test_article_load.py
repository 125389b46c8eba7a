"""Articles into the real Neo4j: next to the bundled dataset, with evidence, idempotent, reviewed."""
from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook

from graph.reader import counts, snapshot
from queries.library import run
from tests.integration.conftest import assert_one_line_error

ARTICLES = Path(__file__).parents[1] / "fixtures" / "articles"
RETOLD = ARTICLES / "xinzhou-2017-retold.md"
APPROX = ARTICLES / "taiyuan-approx.md"


def test_extract_prints_json_and_writes_nothing(cli, seeded):
    before = snapshot(seeded)
    code, out, err = cli("extract", RETOLD, "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["source"]["title"].startswith("忻州市二〇一七年招商工作回顾")
    assert {"event:2017-05-12/珠海市", "chamber:北京山西企业商会", "campaign:忻州市/2017"} <= {n["id"] for n in doc["nodes"]}
    assert snapshot(seeded) == before
    code, out, _ = cli("extract", RETOLD)
    assert code == 0 and "HOLDS_POST" in out and "闫国军" in out and "0.90" in out


def test_loading_the_retold_seed_next_to_the_bundled_dataset_creates_no_duplicates(cli, seeded):
    before = counts(seeded)
    code, out, err = cli("load", RETOLD)
    assert code == 0, err
    after = counts(seeded)
    # every chamber, person, event, project and the campaign of the article is the bundled one
    for label in ("Chamber", "Person", "Event", "Project", "Campaign", "City", "Province", "County", "Company"):
        assert after["nodes"].get(label) == before["nodes"].get(label), label
    assert after["nodes"]["Source"] == before["nodes"]["Source"] + 1
    with seeded.session() as s:
        dupes = s.run("MATCH (n) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN id").values()
        assert dupes == []
        rec = s.run("MATCH (:Person {id: 'person:闫国军'})-[r:HOLDS_POST]->(:Chamber {id: 'chamber:珠海山西商会'}) "
                    "RETURN r.evidence AS ev, r.sources AS src").single()
    given = RETOLD.read_text(encoding="utf-8")
    (ev,) = rec["ev"]
    source, span = ev.split("#")
    start, end = map(int, span.split("-"))
    assert source == "source:xinzhou-2017-retold" and given[start:end] == "珠海山西商会会长闫国军"
    assert "source:xinzhou-2017-retold" in rec["src"]
    # loading again changes nothing
    snap = snapshot(seeded)
    code, _, err = cli("load", RETOLD)
    assert code == 0, err
    assert snapshot(seeded) == snap


def test_dry_run_writes_nothing(cli, seeded):
    before = snapshot(seeded)
    code, out, err = cli("load", RETOLD, "--dry-run")
    assert code == 0, err
    assert "Dry run" in out
    assert snapshot(seeded) == before


def test_review_round_trip_loads_the_accepted_low_confidence_fact(cli, seeded, tmp_path):
    code, out, err = cli("load", APPROX)
    assert code == 0, err
    with seeded.session() as s:
        assert s.run("MATCH (e:Event {id: 'event:2022-05-11/太原市'}) RETURN e").single() is None
        assert s.run("MATCH (:Person {id: 'person:郭明亮'})-[r:HOLDS_POST]->() RETURN r").single() is not None
    sheet = tmp_path / "review.xlsx"
    code, out, err = cli("extract", APPROX, "--review", sheet)
    assert code == 0, err
    wb = load_workbook(sheet)
    ws = wb["facts"]
    for row in ws.iter_rows(min_row=2):
        if row[3].value in ("event:2022-05-11/太原市", "HELD_IN event:2022-05-11/太原市→city:太原市"):
            row[0].value = "是"
    wb.save(sheet)
    code, out, err = cli("load", "--reviewed", sheet)
    assert code == 0, err
    with seeded.session() as s:
        rec = s.run("MATCH (e:Event {id: 'event:2022-05-11/太原市'})-[:HELD_IN]->(c:City) "
                    "RETURN e.kind AS kind, c.id AS city, e.sources AS src").single()
    assert (rec["kind"], rec["city"], rec["src"]) == ("恳谈会", "city:太原市", ["source:taiyuan-approx"])


def test_a_sheet_that_is_not_a_review_sheet_is_refused_in_one_line(cli, seeded, tmp_path):
    before = snapshot(seeded)
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    code, _, err = cli("load", "--reviewed", bad)
    assert code == 1
    assert_one_line_error(err, "bad.xlsx", "xlsx")
    assert snapshot(seeded) == before


def test_an_articles_county_new_to_the_graph_is_loaded_with_its_kind_and_city(cli, seeded):
    """平陆县 is no county of the bundled dataset: the article's facts about it (its own year's total, its
    attendance) load with it, a 县 of 运城市, instead of being dropped for a missing kind."""
    article = ARTICLES / "pinglu-county-campaign.md"
    code, out, err = cli("load", article)
    assert code == 0, err
    with seeded.session() as s:
        county = s.run("MATCH (c:County {id: 'county:运城市/平陆县'}) OPTIONAL MATCH (c)-[:PART_OF]->(city:City) "
                       "RETURN c.kind AS kind, c.name AS name, city.id AS city").single()
        total = s.run("MATCH (k:Campaign)-[:CAMPAIGN_OF]->(:County {id: 'county:运城市/平陆县'}) "
                      "RETURN k.signed_count AS n, k.signed_total_yi AS yi").single()
        attended = s.run("MATCH (c:County)-[:ATTENDED]->(:Event {id: 'event:2025-09-26/郑州市'}) "
                         "RETURN c.name AS name ORDER BY name").value()
    assert (county["kind"], county["name"], county["city"]) == ("县", "平陆县", "city:运城市")
    assert (total["n"], total["yi"]) == (20, 50.6)
    assert attended == ["夏县", "平陆县", "芮城县"]
    [row] = run(seeded, "campaign_vs_targets", city="平陆县")  # a county's own campaign, in the library's question
    assert (row["city"], row["year"], row["signed_count"], row["signed_total_yi"]) == ("平陆县", 2025, 20, 50.6)
    snap = snapshot(seeded)
    code, _, err = cli("load", article)
    assert code == 0, err
    assert snapshot(seeded) == snap
