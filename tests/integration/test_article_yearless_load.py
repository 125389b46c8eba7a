"""An event whose year the article does not give, into the real Neo4j: never by `load article.md`,
only through the review sheet with the reviewer's date; an accepted one without a date is refused."""
from __future__ import annotations

from pathlib import Path

from graph.reader import snapshot
from loaders.articles.review import DATE
from tests.integration.conftest import assert_one_line_error
from tests.review_sheets import mark

ARTICLES = Path(__file__).parents[1] / "fixtures" / "articles"
DALIAN = ARTICLES / "dalian-yearless.md"
YEARLESS = "event:--05-09/大连市"
HELD = f"HELD_IN {YEARLESS}→city:大连市"


def _review(cli, tmp_path, **rows) -> tuple[Path, dict]:
    """`extract --review`, then the reviewer's (accept, date) on the rows of these fact ids."""
    sheet = tmp_path / "review.xlsx"
    code, _, err = cli("extract", DALIAN, "--review", sheet)
    assert code == 0, err
    return sheet, mark(sheet, **rows)


def _events(db) -> list:
    with db.session() as s:
        return s.run("MATCH (e:Event) WHERE e.id CONTAINS '大连市' OR e.id STARTS WITH 'event:-' "
                     "OR e.id STARTS WITH 'event:undated' RETURN e.id AS id ORDER BY id").value()


def test_load_of_the_article_writes_no_yearless_event(cli, seeded):
    code, out, err = cli("load", DALIAN)
    assert code == 0, err
    assert "below the confidence threshold" in out
    assert _events(seeded) == []
    with seeded.session() as s:  # the facts that need no year are loaded
        assert s.run("MATCH (:Person {id: 'person:王一鸣'})-[r:HOLDS_POST {title: '会长'}]->"
                     "(:Chamber {id: 'chamber:大连市山西商会'}) RETURN count(r)").single()[0] == 1


def test_load_reviewed_writes_the_accepted_event_with_the_reviewers_date(cli, seeded, tmp_path):
    sheet, _ = _review(cli, tmp_path, **{YEARLESS: ("是", "2024-05-09"), HELD: ("是", None)})
    code, out, err = cli("load", "--reviewed", sheet)
    assert code == 0, err
    assert _events(seeded) == ["event:2024-05-09/大连市"]
    with seeded.session() as s:
        rec = s.run("MATCH (e:Event {id: 'event:2024-05-09/大连市'})-[:HELD_IN]->(c:City) "
                    "RETURN e.date AS date, e.month_day AS md, e.signed_count AS n, e.signed_total_yi AS yi, "
                    "e.kind AS kind, c.id AS city, e.sources AS src").single()
    assert (rec["date"].iso_format(), rec["md"], rec["n"], rec["yi"], rec["kind"], rec["city"], rec["src"]) == (
        "2024-05-09", None, 12, 8.5, "签约仪式", "city:大连市", ["source:dalian-yearless"])
    snap = snapshot(seeded)  # idempotent
    code, _, err = cli("load", "--reviewed", sheet)
    assert code == 0, err
    assert snapshot(seeded) == snap


def test_an_accepted_event_without_a_date_is_refused_and_nothing_is_written(cli, seeded, tmp_path):
    sheet, where = _review(cli, tmp_path, **{YEARLESS: ("是", None), HELD: ("是", None),
                                             "person:王一鸣": ("是", None)})
    before = snapshot(seeded)
    code, _, err = cli("load", "--reviewed", sheet)
    assert code == 1
    assert_one_line_error(err, "review.xlsx", f"row {where[YEARLESS]}", DATE, YEARLESS,
                          "已接受的活动没有日期", "an accepted event needs a date")
    assert snapshot(seeded) == before
