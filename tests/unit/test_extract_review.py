"""The review sheet round trip and the confidence threshold, without a database."""
from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from loaders.articles import THRESHOLD, extract_path
from loaders.articles.records import to_dataset
from loaders.articles.review import COLUMNS, read_review, write_review
from loaders.bundled import bundled_catalog

ARTICLES = Path(__file__).parents[1] / "fixtures" / "articles"
APPROX = ARTICLES / "taiyuan-approx.md"


def test_a_fact_below_the_threshold_is_not_loaded_without_review():
    facts = extract_path(APPROX)
    event = facts.nodes["event:2022-05-11/太原市"]  # 5月中旬: approximate, kept as the 11th
    assert event.confidence < THRESHOLD
    ds = to_dataset([facts], base=bundled_catalog()).dataset
    assert "event:2022-05-11/太原市" not in ds.nodes
    assert not [e for e in ds.edges.values() if e.type == "HELD_IN"]  # its relationships wait too
    post = [e for e in ds.edges.values() if e.type == "HOLDS_POST"]
    assert [(e.start, e.end, e.props["title"]) for e in post] == [("person:郭明亮", "chamber:太原山西商会", "会长")]
    start = APPROX.read_text(encoding="utf-8").index("太原山西商会会长郭明亮")
    assert post[0].props["evidence"] == [f"source:taiyuan-approx#{start}-{start + 11}"]


def test_review_sheet_round_trip_loads_exactly_the_accepted_facts(tmp_path):
    facts = extract_path(APPROX)
    given = APPROX.read_text(encoding="utf-8")
    sheet = tmp_path / "review.xlsx"
    rows = write_review(sheet, [(str(APPROX), given, facts)])
    assert rows == len(facts.nodes) + len(facts.rels)

    wb = load_workbook(sheet)
    ws = wb["facts"]
    header = [c.value for c in ws[1]]
    assert tuple(header) == COLUMNS
    col = {h: i for i, h in enumerate(header)}
    by_id = {r[col["事实 fact id"]].value: r for r in ws.iter_rows(min_row=2)}
    event = by_id["event:2022-05-11/太原市"]
    assert event[col["接受 accept"]].value in (None, "")  # below the threshold: not pre-accepted
    assert event[col["证据 evidence"]].value.startswith("5月中旬,太原山西商会在太原举办春季晋商恳谈会")
    assert by_id["person:郭明亮"][col["接受 accept"]].value == "是"
    # the reviewer accepts the event and where it was held, and rejects the person's post
    event[col["接受 accept"]].value = "是"
    by_id["HELD_IN event:2022-05-11/太原市→city:太原市"][col["接受 accept"]].value = "yes"
    by_id["HOLDS_POST person:郭明亮→chamber:太原山西商会 [会长]"][col["接受 accept"]].value = "否"
    wb.save(sheet)

    all_facts, accepted = read_review(sheet)
    ds = to_dataset(all_facts, base=bundled_catalog(), accepted=accepted).dataset
    assert ds.nodes["event:2022-05-11/太原市"].props["kind"] == "恳谈会"
    assert ("HELD_IN", "event:2022-05-11/太原市", "city:太原市", ()) in ds.edges
    assert not [e for e in ds.edges.values() if e.type == "HOLDS_POST"]
    assert ds.nodes["source:taiyuan-approx"].props["title"] == "太原山西商会春季活动"
    assert ds.check(known_ids={}) == []
