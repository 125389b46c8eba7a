"""Events whose year cannot be known: extracted with the stated month-day, below the threshold,
scored against MM-DD annotations only, loaded only with a reviewer's date (no database here)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from benchmarks import extract_quality as eq
from graph.errors import ValidationError
from loaders.articles import THRESHOLD, extract_path, extract_text
from loaders.articles.dates import find_dates, to_number, year_marks, yearless_dates
from loaders.articles.facts import UNDATED
from tests.review_sheets import mark
from loaders.articles.records import to_dataset
from loaders.articles.review import COLUMNS, DATE, read_review, write_review
from loaders.bundled import bundled_catalog

ARTICLES = Path(__file__).parents[1] / "fixtures" / "articles"
DALIAN = ARTICLES / "dalian-yearless.md"  # 5月9日, no date in front matter, no year in the text
EXPO = ARTICLES / "expo-undated.md"  # traditional script, no day at all, a tally told twice
LONGCHENG = ARTICLES / "longcheng-yearless.md"  # 8月20日 in 龙城 (太原), a Shanxi article
YEARLESS = "event:--05-09/大连市"


# ----- dates --------------------------------------------------------------------------------------

def test_a_day_without_a_knowable_year_is_a_month_day_and_never_a_date():
    text = "5月9日,签约仪式举行。2月29日座谈。12月中旬考察。11月底总结。10月8日讯 会议召开。"
    assert find_dates(text, None, marks=[]) == []  # find_dates never invents a year
    got = yearless_dates(text, None, [])
    assert [(d.md, d.approx, text[d.start:d.end]) for d in got] == [
        ("--05-09", False, "5月9日"), ("--02-29", False, "2月29日"), ("--12-11", True, "12月中旬"),
        ("--11-30", False, "11月底")]  # 10月8日讯 is a dateline, not an event's day


def test_a_month_day_with_a_year_in_context_or_a_publication_date_is_not_yearless():
    from datetime import date

    text = "5月9日,座谈会召开。2019年3月,推介会在太原举办;6月1日,签约。"
    marks = year_marks(text, None)
    assert [d.md for d in yearless_dates(text, None, marks)] == ["--05-09"]  # only the day before any year
    assert yearless_dates(text, date(2020, 1, 5), marks) == []
    assert [d.day.isoformat() for d in find_dates(text, None, marks=marks)] == ["2019-06-01"]


# ----- extraction ---------------------------------------------------------------------------------

def test_an_event_of_a_yearless_day_keeps_the_month_day_its_tally_and_waits_for_review():
    facts = extract_path(DALIAN)
    doc = facts.as_json()
    events = [n for n in doc["nodes"] if n["label"] == "Event"]
    assert [(e["id"], e["properties"]) for e in events] == [
        (YEARLESS, {"month_day": "--05-09", "kind": "签约仪式", "signed_count": 12, "signed_total_yi": 8.5})]
    event = events[0]
    assert "date" not in event["properties"] and event["confidence"] == UNDATED < THRESHOLD
    given = DALIAN.read_text(encoding="utf-8")
    spans = [given[e["start"]:e["end"]] for e in event["evidence"]]
    assert spans == ["5月9日,中山区招商大使聘任暨项目集中签约仪式", "12个合作项目集中签约", "协议投资总额8.5亿元"]
    held = [r for r in doc["relationships"] if r["type"] == "HELD_IN"]
    assert [(r["start"], r["end"], r["confidence"]) for r in held] == [(YEARLESS, "city:大连市", UNDATED)]


def test_the_same_article_with_a_publication_date_gives_a_dated_event():
    text = DALIAN.read_text(encoding="utf-8").replace("---\ntitle", "---\ndate: 2024-05-20\ntitle", 1)
    facts = extract_text(text, "dalian.md")
    events = {n.id: n for n in facts.nodes.values() if n.label == "Event"}
    assert list(events) == ["event:2024-05-09/大连市"]
    assert "month_day" not in events["event:2024-05-09/大连市"].properties
    assert events["event:2024-05-09/大连市"].confidence >= THRESHOLD


def test_an_undated_event_with_a_tally_is_kept_with_the_exact_total_and_the_city_its_name_says():
    facts = extract_path(EXPO)
    events = [n for n in facts.nodes.values() if n.label == "Event"]
    assert [(e.id, e.name, e.properties, e.confidence) for e in events] == [
        ("event:undated/第五屆中國(太原)國際煤炭博覽會", "第五屆中國(太原)國際煤炭博覽會",
         {"kind": "博览会", "signed_count": 320, "signed_total_yi": 2150.6}, UNDATED)]
    # 總投資超過2000億元 is a bound; 總投資額2150.6億元 the figure: both are the evidence
    given = EXPO.read_text(encoding="utf-8")
    assert [given[a:b] for a, b in events[0].evidence][-2:] == ["總投資超過2000億元", "總投資額2150.6億元"]
    assert [(r.start, r.end) for r in facts.rels.values() if r.type == "HELD_IN"] == [(events[0].id, "city:太原市")]


def test_a_bound_is_not_replaced_by_a_figure_far_above_it():
    facts = extract_text("在第五屆中國(太原)國際煤炭博覽會期間,共簽約項目320個,總投資超過2000億元。\n"
                         "全省項目總投資額9000億元。", "x.md")
    (event,) = [n for n in facts.nodes.values() if n.label == "Event"]
    assert event.properties["signed_total_yi"] == 2000.0


def test_longcheng_is_taiyuan_in_a_shanxi_article_only():
    facts = extract_path(LONGCHENG)
    assert [(r.start, r.end) for r in facts.rels.values() if r.type == "HELD_IN"] == [
        ("event:--08-20/太原市", "city:太原市")]
    elsewhere = extract_text("8月20日,历史悠久的龙城迎来了各地客商,第二届全球客商发展大会隆重召开。", "x.md")
    assert not [n for n in elsewhere.nodes.values() if n.label == "Event"]  # 龙城 of 常州? 柳州? not said


# ----- loading --------------------------------------------------------------------------------------

def test_load_never_writes_a_yearless_or_undated_event_whatever_the_threshold():
    for path in (DALIAN, EXPO):
        facts = extract_path(path)
        for threshold in (THRESHOLD, 0.0):
            sel = to_dataset([facts], base=bundled_catalog(), threshold=threshold)
            assert not [n for n in sel.dataset.nodes.values() if n.label == "Event"]
            assert not [e for e in sel.dataset.edges.values() if e.type == "HELD_IN"]
    sel = to_dataset([extract_path(DALIAN)], base=bundled_catalog())
    assert f"{YEARLESS}: confidence {UNDATED} < {THRESHOLD}" in sel.skipped
    assert ("HOLDS_POST", "person:王一鸣", "chamber:大连市山西商会", ("会长",)) in sel.dataset.edges


# ----- review -----------------------------------------------------------------------------------------

def _sheet(tmp_path, path=DALIAN):
    sheet = tmp_path / "review.xlsx"
    write_review(sheet, [(str(path), path.read_text(encoding="utf-8"), extract_path(path))])
    return sheet


def test_the_sheet_has_a_date_column_left_for_the_reviewer(tmp_path):
    ws = load_workbook(_sheet(tmp_path))["facts"]
    assert tuple(c.value for c in ws[1]) == COLUMNS and DATE in COLUMNS
    assert all(r[COLUMNS.index(DATE)].value is None for r in ws.iter_rows(min_row=2))
    event = next(r for r in ws.iter_rows(min_row=2) if r[COLUMNS.index("事实 fact id")].value == YEARLESS)
    assert event[0].value in (None, "")  # below the threshold: not pre-accepted
    assert json.loads(event[COLUMNS.index("属性 properties")].value)["month_day"] == "--05-09"


@pytest.mark.parametrize("written", ["2024-05-09", "2024/5/9", "2024年5月9日"])
def test_an_accepted_event_with_the_reviewers_date_is_loaded_under_its_dated_id(tmp_path, written):
    sheet = _sheet(tmp_path)
    mark(sheet, **{YEARLESS: ("是", written), f"HELD_IN {YEARLESS}→city:大连市": ("是", None)})
    facts, accepted = read_review(sheet)
    ds = to_dataset(facts, base=bundled_catalog(), accepted=accepted).dataset
    event = ds.nodes["event:2024-05-09/大连市"]
    assert str(event.props["date"]) == "2024-05-09" and "month_day" not in event.props
    assert (event.props["signed_count"], event.props["signed_total_yi"]) == (12, 8.5)
    assert ("HELD_IN", "event:2024-05-09/大连市", "city:大连市", ()) in ds.edges
    assert not [n for n in ds.nodes if n.startswith("event:--")]
    assert ds.check(known_ids={}) == []


def test_an_undated_event_takes_the_reviewers_date_and_the_city_of_its_name(tmp_path):
    sheet = _sheet(tmp_path, EXPO)
    eid = "event:undated/第五屆中國(太原)國際煤炭博覽會"
    mark(sheet, **{eid: ("是", "2019-09-05"), f"HELD_IN {eid}→city:太原市": ("是", None)})
    facts, accepted = read_review(sheet)
    ds = to_dataset(facts, base=bundled_catalog(), accepted=accepted).dataset
    assert ds.nodes["event:2019-09-05/太原市"].props["signed_total_yi"] == 2150.6


@pytest.mark.parametrize("accept, written, field_value, reason", [
    ("是", None, YEARLESS, "an accepted event needs a date"),
    ("是", "2024-06-09", "2024-06-09", "does not agree with the day the article states (--05-09)"),
    ("是", "九号", "九号", "not a date (YYYY-MM-DD)"),
    ("", "2024-13-09", "2024-13-09", "not a date (YYYY-MM-DD)"),
])
def test_an_event_without_a_good_date_is_refused_in_one_line(tmp_path, accept, written, field_value, reason):
    sheet = _sheet(tmp_path)
    row = mark(sheet, **{YEARLESS: (accept, written)})[YEARLESS]
    with pytest.raises(ValidationError) as exc:
        read_review(sheet)
    (problem,) = exc.value.problems
    line = str(problem)
    assert line.startswith(f"{sheet}: row {row}: field '{DATE}': value '{field_value}': ")
    assert reason in line
    chinese, english = problem.reason.split(" / ", 1)  # Chinese first, English after
    assert not chinese[0].isascii() and reason in english


def test_a_date_on_a_row_that_is_not_an_event_is_refused(tmp_path):
    sheet = _sheet(tmp_path)
    row = mark(sheet, **{"person:王一鸣": ("是", "2024-05-09")})["person:王一鸣"]
    with pytest.raises(ValidationError, match=rf"row {row}: field '{DATE}'.*only an event's row takes a date"):
        read_review(sheet)


def test_a_sheet_without_a_date_column_still_loads_as_before(tmp_path):
    """Sheets written before the 日期 date column: their accepted facts load the same."""
    sheet = tmp_path / "old.xlsx"
    approx = ARTICLES / "taiyuan-approx.md"
    write_review(sheet, [(str(approx), approx.read_text(encoding="utf-8"), extract_path(approx))])
    wb = load_workbook(sheet)
    ws = wb["facts"]
    ws.delete_cols(COLUMNS.index(DATE) + 1)
    for row in ws.iter_rows(min_row=2):
        if row[3].value == "event:2022-05-11/太原市":
            row[0].value = "是"
    wb.save(sheet)
    facts, accepted = read_review(sheet)
    assert "event:2022-05-11/太原市" in to_dataset(facts, base=bundled_catalog(), accepted=accepted).dataset.nodes


# ----- the scorer -----------------------------------------------------------------------------------

def test_the_scorer_matches_a_month_day_only_against_the_same_annotated_month_day():
    assert eq.same_date("05-09", "--05-09")
    assert not eq.same_date("05-19", "--05-09")
    assert not eq.same_date("2024-05-09", "--05-09")  # a known year is not matched by a yearless day
    assert eq.same_date("05-09", "2024-05-09") and eq.same_date(None, "--05-09")


def test_the_scorer_reads_month_day_events_and_the_tally_of_undated_ones():
    got = eq.facts_of(extract_path(DALIAN).as_json())
    assert [(e["date"], e["city"]) for e in got["events"]] == [("--05-09", "大连市")]
    assert got["signed"] == [{"event": "中山区招商大使聘任暨项目集中签约仪式", "count": 12, "amount_yi": 8.5}]
    gold = {"events": [{"date": "05-09", "city": "大连市"}], "signed": [{"count": 12, "amount_yi": 8.5}]}
    res = eq.score_article(gold, {}, got)
    assert (res["events"]["tp"], res["signed"]["tp"]) == (1, 1)
    undated = eq.facts_of(extract_path(EXPO).as_json())
    assert undated["events"] == []  # no day: not an event "with date and city"
    assert [(s["count"], s["amount_yi"]) for s in undated["signed"]] == [(320, 2150.6)]


def test_a_yearless_visit_to_a_chamber_told_with_dao_is_an_event_where_the_chamber_is():
    facts = extract_text("7月23日 示例山西商会副会长张三到北京山西企业商会进行学习研讨。", "x.md")
    assert [(n.id, n.name, n.properties, n.confidence) for n in facts.nodes.values() if n.label == "Event"] == [
        ("event:--07-23/北京市", "座谈会北京山西企业商会", {"month_day": "--07-23", "kind": "座谈会"}, UNDATED)]
    # 到 with nothing done there is a trip, not a visit
    assert not [n for n in extract_text("7月23日,张三到北京山西企业商会。", "y.md").nodes.values() if n.label == "Event"]


def test_a_bare_hundred_or_thousand_is_a_number_not_a_crash():
    # 总投资超百亿元: cn2an reads 一百 but refuses a bare 百
    assert [to_number(x) for x in ("百", "千", "十二", "两千")] == [100, 1000, 12, 2000]
    facts = extract_text("---\ndate: 2024-06-01\n---\n5月9日，某县招商推介会在太原市举行，现场签约项目12个，总投资超百亿元。\n",
                         "t.md")
    event = next(n for n in facts.nodes.values() if n.label == "Event")
    assert (event.properties["signed_count"], event.properties["signed_total_yi"]) == (12, 100.0)
