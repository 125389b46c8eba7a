"""The ways Chinese news names and dates an event (issue 15): short paragraphs written for this test, each
with the events it states as (kind, date, city). Negatives state no event (or not that one)."""
from __future__ import annotations

from datetime import date

import pytest

from loaders.articles import extract_text
from loaders.articles.dates import find_dates


def _events(text: str) -> set:
    facts = extract_text(text, "x.md")
    nodes = facts.nodes
    city = {r.start: nodes[r.end].name for r in facts.rels.values() if r.type == "HELD_IN"}
    return {(n.properties.get("kind"), str(n.properties.get("date")), city.get(n.id))
            for n in nodes.values() if n.label == "Event"}


FORMS = [
    # a ceremony of projects started or restarted together: 开复工仪式 / 开复工启动仪式 / 开工活动
    ("---\ndate: 2024-04-02\n---\n3月28日上午，2024年长治市一季度重点项目集中开复工仪式在长治市高新区举行。",
     {("开工仪式", "2024-03-28", "长治市")}),
    ("---\ndate: 2024-04-02\n---\n3月29日，晋城市2024年重大项目集中開復工啟動儀式在晋城经济技术开发区举行。",
     {("开工仪式", "2024-03-29", "晋城市")}),
    ("---\ndate: 2024-04-02\n---\n3月30日，吕梁市首批重大项目集中开工活动在吕梁、离石两地同步举行。",
     {("开工仪式", "2024-03-30", "吕梁市")}),
    # a signing told as projects settling (落地): 签约落地仪式 (落地签约仪式 holds 签约仪式), held by a county (its city)
    ("---\ndate: 2024-06-01\n---\n5月22日，灵丘举行示范园区暨项目签约落地仪式，8个项目现场签约。",
     {("签约仪式", "2024-05-22", "大同市")}),
    ("---\ndate: 2024-06-01\n---\n5月20日，晋中市舉行第二批重點項目落地簽約儀式。",
     {("签约仪式", "2024-05-20", "晋中市")}),
]


@pytest.mark.parametrize("text,want", FORMS)
def test_each_form_gives_its_event(text, want):
    assert _events(text) == want


def test_projects_settling_without_a_ceremony_is_no_event():
    # 签约落地 with no 仪式: a word in passing, or a tally over months (kept only as an undated holder of
    # the tally for a reviewer, never a dated event in a city)
    text = "---\ndate: 2024-06-01\n---\n5月22日，灵丘县举办招商培训班，介绍了项目签约落地的流程。"
    assert _events(text) == set()
    text = "---\ndate: 2024-06-01\n---\n5月以来，灵丘县共有12个项目签约落地，总投资30亿元。"
    assert {e for e in _events(text) if e[1] != "None" or e[2] is not None} == set()


def test_a_started_count_without_a_ceremony_is_no_event():
    # 开工 told as a tally, with no ceremony, activity or place of holding
    text = "---\ndate: 2024-04-02\n---\n今年以来，全市开复工项目120个，总投资300亿元。"
    assert _events(text) == set()


# ----- a day told as still to come keeps the article's year --------------------------------------

def test_a_day_announced_with_jiang_keeps_the_articles_year():
    pub = date(2024, 5, 6)
    text = "5月20日至22日，第十届示例博览会将在武汉举行。"
    assert [d.day for d in find_dates(text, pub)] == [date(2024, 5, 20)]
    text = "5月28日，我省将走进上海，举办产业合作推介会。"
    assert [d.day for d in find_dates(text, pub)] == [date(2024, 5, 28)]


def test_a_day_far_ahead_told_as_past_is_last_years():
    # a report of May on 12月 with no 将: the December before
    pub = date(2024, 5, 6)
    assert [d.day for d in find_dates("12月8日，示例推介会在广州举行。", pub)] == [date(2023, 12, 8)]
    # 将 in another sentence does not carry the day forward
    assert [d.day for d in find_dates("12月8日，推介会在广州举行。明年将继续举办。", pub)] == [date(2023, 12, 8)]
    # the day's event told as held, then what will follow
    assert [d.day for d in find_dates("12月8日，推介会在广州举行，下届将在太原举办。", pub)] == [date(2023, 12, 8)]


def test_an_announced_event_is_dated_in_the_articles_year():
    text = "---\ndate: 2024-05-06\n---\n5月28日至30日，我省将在上海举办产业合作推介会。"
    assert _events(text) == {("推介会", "2024-05-28", "上海市")}


# ----- a quoted 活动 held on a day, a dateline, an event spanning days -----------------------------

def test_a_quoted_activity_told_with_its_day_and_where_it_ended():
    # 新华网太原…电 is where the report was filed; 为期两天的… 12日…结束 began the day before
    text = ("---\ndate: 2024-06-13\n---\n示例网太原6月12日电 为期两天的示例企业家协会理事会议暨“企业家晋北行--"
            "山西经贸考察活动”12日在山西北部城市大同结束。")
    assert _events(text) == {("活动", "2024-06-11", "大同市")}


def test_a_day_after_a_closing_quote_is_a_day():
    assert [d.day for d in find_dates("“示例考察活动”12日在大同举行。", date(2024, 6, 13))] == [date(2024, 6, 12)]


def test_a_quoted_activity_not_held_is_no_event():
    # “X活动” talked of, not held on a day somewhere
    text = "---\ndate: 2024-06-13\n---\n6月12日，市商务局部署了“投资晋城考察活动”的筹备工作。"
    assert _events(text) == set()


def test_an_event_told_without_a_span_keeps_its_day():
    text = "---\ndate: 2024-06-13\n---\n6月12日，示例招商推介会在大同结束。"
    assert _events(text) == {("推介会", "2024-06-12", "大同市")}


# ----- a year glossed in brackets; a members' congress called 会员代表会议 ---------------------------

def test_a_year_glossed_in_brackets_dates_the_days_after_it():
    # an undated chronicle: 民国20年(1931) gives the year of the day after it
    text = "---\ntitle: 示例商会志\n---\n民国20年(1931) 4月12日，示例商会在忻州召开会员代表会议，30名代表参加。"
    assert _events(text) == {("会员代表大会", "1931-04-12", "忻州市")}
    assert [d.day for d in find_dates("民国20年（1931年）4月12日开会。", None)] == [date(1931, 4, 12)]


def test_a_bracketed_figure_that_is_no_glossed_year_sets_nothing():
    # (2000) after a count, not after an era's year: the day keeps the article's year
    pub = date(2024, 6, 13)
    assert [d.day for d in find_dates("会员共2000人(2000)。6月12日开会。", pub)] == [date(2024, 6, 12)]
    assert find_dates("编号(1931) 4月12日开会。", None) == []


def test_a_members_congress_told_as_a_meeting():
    text = "---\ndate: 2024-06-13\n---\n6月12日，大同市示例商会在大同召开第三届会员代表会议。"
    assert _events(text) == {("会员代表大会", "2024-06-12", "大同市")}


# ----- a leader's trip to a city to seek investment --------------------------------------------

def test_a_trip_led_to_a_city_to_seek_investment_is_an_event_there():
    text = "---\ndate: 2024-03-20\n---\n3月12日至15日，朔州市市长甲乙丙带队赴杭州开展招商引资活动，对接企业6家。"
    assert _events(text) == {("招商考察", "2024-03-12", "杭州市")}
    text = "---\ndate: 2024-03-20\n---\n3月12日，忻州市副市长率团赴廣州招商。"
    assert _events(text) == {("招商考察", "2024-03-12", "广州市")}


def test_a_trip_for_something_else_or_undated_is_none():
    # 赴北京汇报工作 seeks no investment; a trip with no day is none
    assert _events("---\ndate: 2024-03-20\n---\n3月12日，朔州市市长带队赴北京汇报工作。") == set()
    assert _events("---\ndate: 2024-03-20\n---\n今年以来，朔州市多次带队赴杭州开展招商引资活动。") == set()


def test_a_span_that_closed_with_a_ceremony_keeps_the_closing_day():
    # 闭幕: the closing ceremony is the day's event (results announced there); 结束 takes the first day
    text = "---\ndate: 2024-06-13\n---\n为期三天的“示例经贸洽谈会”12日在大同正式闭幕。"
    assert {d for _, d, _ in _events(text)} == {"2024-06-12"}


def test_a_chambers_own_congress_with_no_place_named_is_in_its_city():
    text = "---\ndate: 2024-06-13\n---\n6月12日，太原市示例商会召开第三届会员代表会议，选举产生新一届理事会。"
    assert _events(text) == {("会员代表大会", "2024-06-12", "太原市")}
    # a chamber that only attends another's meeting gives it no city
    text = "---\ndate: 2024-06-13\n---\n6月12日，太原市示例商会会长出席了示例协会召开的会员代表会议。"
    assert _events(text) == set()
