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
    # chambers' joint meeting (联席会) where the sentence holds it; a later day alone (27日) of the month told before
    ("---\ndate: 2019-11-02\n---\n10月27日下午，第十届省级商会会长联席会在太原市示例大厦隆重召开，由太原示例商会承办。",
     {("联席会", "2019-10-27", "太原市")}),
    ("---\ntitle: 示例\n---\n10月25日，示例商会考察团抵达长治。\n26日，考察团参观了示例产业园。\n"
     "27日，第六届商会会长联席会议在长治市举行。",
     {("联席会", "None", "长治市")}),
]


@pytest.mark.parametrize("text,want", FORMS)
def test_each_form_gives_its_event(text, want):
    assert _events(text) == want


def test_a_joint_meeting_named_as_a_body_is_no_event():
    # 联席会 as the standing body of chambers, not a meeting held
    assert _events("---\ndate: 2019-11-02\n---\n10月27日，代表们讨论了商会会长联席会成立的目的和意义。") == set()


def test_an_event_held_in_a_province_is_not_in_a_city_named_elsewhere_in_its_sentence():
    text = "---\ndate: 2019-11-02\n---\n10月25日至27日，北京省级商会赴陕西考察暨第六届商会会长联席会在陕西圆满举办。"
    assert _events(text) == set()
    # a city the clause holds it in still is its city
    text = "---\ndate: 2019-11-02\n---\n10月27日，第六届商会会长联席会在陕西省宝鸡市举行。"
    assert _events(text) == {("联席会", "2019-10-27", "宝鸡市")}


def test_a_day_alone_before_its_month_day_in_an_undated_article_is_none():
    facts = extract_text("---\ntitle: 示例\n---\n27日，第六届商会会长联席会议在长治市举行。\n10月25日，考察团抵达。", "x.md")
    assert [n for n in facts.nodes.values() if n.label == "Event"] == []


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


# ----- genre coverage: the ways a report names, dates and places an event ---------------------------
# Short paragraphs written for this test (invented names), each with the events it states. An article of
# 2024-05-20 unless its front matter says otherwise.

def _doc(body: str, pub: str = "2024-05-20") -> str:
    return f"---\ndate: {pub}\n---\n{body}"


COVERAGE = [
    # <date>，<event>在<city><venue>举行 / 召开 / 开幕, simplified and traditional
    (_doc("5月16日，2024示例文旅产业推介会在太原市迎泽宾馆举行。"), {("推介会", "2024-05-16", "太原市")}),
    (_doc("5月16日，示例投資合作洽談會在大同市召開。"), {("洽谈会", "2024-05-16", "大同市")}),
    (_doc("5月16日，示例招商推介會在太原舉行，簽約項目12個。"), {("推介会", "2024-05-16", "太原市")}),
    (_doc("5月8日，第三届示例能源峰会在晋城开幕。"), {("峰会", "2024-05-08", "晋城市")}),
    (_doc("2023年11月8日，示例能源论坛在太原举行。"), {("论坛", "2023-11-08", "太原市")}),
    # a dateline names where the report was filed, not the venue
    (_doc("示例社太原5月18日电 5月17日，示例招商推介会在上海举行。"), {("推介会", "2024-05-17", "上海市")}),
    (_doc("示例报北京5月18日讯 5月17日，晋城市在深圳举办招商推介会。"), {("推介会", "2024-05-17", "深圳市")}),
    (_doc("示例社太原5月18日电（记者甲乙）17日，示例产业推介会在西安举行。"), {("推介会", "2024-05-17", "西安市")}),
    (_doc("太原5月18日电 示例推介会17日在北京举行。"), {("推介会", "2024-05-17", "北京市")}),
    (_doc("本报太原5月18日讯（记者 甲）5月17日，示例推介会在北京举行。"), {("推介会", "2024-05-17", "北京市")}),
    (_doc("太原，5月18日电 5月17日，示例推介会在北京举行。"), {("推介会", "2024-05-17", "北京市")}),
    # a part of the day
    (_doc("5月15日上午，示例产业发展论坛在晋中市开幕。"), {("论坛", "2024-05-15", "晋中市")}),
    (_doc("5月15日下午，示例企业家座谈会在阳泉召开。"), {("座谈会", "2024-05-15", "阳泉市")}),
    (_doc("5月15日晚，示例商会年会在运城市举行。"), {("年会", "2024-05-15", "运城市")}),
    # ranges
    (_doc("5月10日至12日，第五届示例博览会在太原举办。"), {("博览会", "2024-05-10", "太原市")}),
    (_doc("4月28日至5月2日，示例美食博览会在大同举办。"), {("博览会", "2024-04-28", "大同市")}),
    (_doc("5月16日-18日，示例商品交易会在郑州举行。"), {("交易会", "2024-05-16", "郑州市")}),
    # the day after the name: 第N届…博览会于<date>在<city>开幕 / <event><date>在<city>举行
    (_doc("第八届示例能源博览会于5月9日在太原开幕。"), {("博览会", "2024-05-09", "太原市")}),
    (_doc("由示例市人民政府主办、示例商会承办的2024示例投资洽谈会5月12日在临汾市举行。"),
     {("洽谈会", "2024-05-12", "临汾市")}),
    # vague days stand for the publication date
    (_doc("近日，示例商会恳谈会在长治市举行。"), {("恳谈会", "2024-05-20", "长治市")}),
    (_doc("示例招商推介会日前在忻州市举行。"), {("推介会", "2024-05-20", "忻州市")}),
    # relative days
    (_doc("昨天，示例招商推介会在晋城举行。"), {("推介会", "2024-05-19", "晋城市")}),
    (_doc("示例投资洽谈会昨日在运城开幕。"), {("洽谈会", "2024-05-19", "运城市")}),
    (_doc("今天上午，示例项目签约仪式在太原举行。"), {("签约仪式", "2024-05-20", "太原市")}),
    # a delegation that goes to another city to hold a promotion: held there
    (_doc("朔州市政府代表团5月13日赴苏州举办招商推介会。"), {("推介会", "2024-05-13", "苏州市")}),
    (_doc("5月16日，晋中市在杭州举办文旅推介会。"), {("推介会", "2024-05-16", "杭州市")}),
    # a city's one-character name
    (_doc("5月11日，示例省文旅推介会在京举行。"), {("推介会", "2024-05-11", "北京市")}),
    (_doc("5月11日，示例产业合作恳谈会在沪召开。"), {("恳谈会", "2024-05-11", "上海市")}),
    (_doc("5月11日，示例晋商论坛在并举行。"), {("论坛", "2024-05-11", "太原市")}),
    (_doc("5月11日，示例经贸交流会在穗举办。"), {("交流会", "2024-05-11", "广州市")}),
    (_doc("5月11日，示例项目签约仪式在深举行。"), {("签约仪式", "2024-05-11", "深圳市")}),
    (_doc("5月11日，示例商会年会在津召开。"), {("年会", "2024-05-11", "天津市")}),
    (_doc("5月11日，示例投资推介会在渝举行。"), {("推介会", "2024-05-11", "重庆市")}),
    (_doc("5月11日，示例经贸洽谈会在港举行。"), {("洽谈会", "2024-05-11", "香港特别行政区")}),
    # a venue only
    (_doc("5月14日，示例招商推介会在太原迎泽宾馆举行。"), {("推介会", "2024-05-14", "太原市")}),
    (_doc("5月14日，示例经贸合作推介会在北京人民大会堂举行。"), {("推介会", "2024-05-14", "北京市")}),
    (_doc("5月14日，示例电子博览会在深圳会展中心开幕。"), {("博览会", "2024-05-14", "深圳市")}),
    # a county or a district: its city
    (_doc("5月14日，示例文化旅游推介会在平遥县举行。"), {("推介会", "2024-05-14", "晋中市")}),
    (_doc("5月14日，示例项目签约仪式在迎泽区举行。"), {("签约仪式", "2024-05-14", "太原市")}),
    (_doc("5月16日，示例文化旅遊推介會在平遙縣舉辦。"), {("推介会", "2024-05-16", "晋中市")}),
    (_doc("5月8日，示例新材料项目开工仪式在长治市潞州区举行。"), {("开工仪式", "2024-05-08", "长治市")}),
    # Chinese numerals, full-width digits
    (_doc("二〇二三年五月九日，示例晋商大会在太原召开。"), {("大会", "2023-05-09", "太原市")}),
    (_doc("５月１６日，示例投资恳谈会在长治举行。"), {("恳谈会", "2024-05-16", "长治市")}),
    # 12日 after a month named earlier in the paragraph
    (_doc("5月10日，示例商会年会在太原举行。12日，示例项目推介会在大同举行。", "2024-06-20"),
     {("年会", "2024-05-10", "太原市"), ("推介会", "2024-05-12", "大同市")}),
    # a short name the clause holds (an organiser's or a subject's), and where
    (_doc("5月9日，晋中市在杭州举办推介会。"), {("推介会", "2024-05-09", "杭州市")}),
    (_doc("5月9日，示例推介会在太原市小店区举行。"), {("推介会", "2024-05-09", "太原市")}),
    (_doc("5月9日，示例推介会在介休市举行。"), {("推介会", "2024-05-09", "晋中市")}),
    (_doc("5月9日，示例推介会在山西省太原市举行。"), {("推介会", "2024-05-09", "太原市")}),
    (_doc("5月9日至11日，示例博览会在太原国际会展中心举办。"), {("博览会", "2024-05-09", "太原市")}),
    (_doc("5月9日上午9时，示例恳谈会在太原召开。"), {("恳谈会", "2024-05-09", "太原市")}),
    (_doc("5月上旬，示例推介会在太原举行。"), {("推介会", "2024-05-01", "太原市")}),
    (_doc("记者从示例局获悉，5月9日，示例推介会在晋城举行。"), {("推介会", "2024-05-09", "晋城市")}),
    (_doc("示例社太原5月18日電 17日，示例推介會在西安舉行。"), {("推介会", "2024-05-17", "西安市")}),
    (_doc("５月９日，示例峰会在运城召开。"), {("峰会", "2024-05-09", "运城市")}),
    (_doc("２０２３年５月９日，示例推介会在太原举行。"), {("推介会", "2023-05-09", "太原市")}),
    (_doc("5月9日，示例論壇在太原舉辦，來自全國的300名嘉賓參加。"), {("论坛", "2024-05-09", "太原市")}),
    (_doc("昨晚，示例恳谈会在太原举行。"), {("恳谈会", "2024-05-19", "太原市")}),
    (_doc("5月9日，示例推介会在蓉举行。"), {("推介会", "2024-05-09", "成都市")}),
    (_doc("5月9日，示例推介会在太原举行。5月10日，示例恳谈会在大同举行。"),
     {("推介会", "2024-05-09", "太原市"), ("恳谈会", "2024-05-10", "大同市")}),
    (_doc("示例推介会5月9日在太原举行。"), {("推介会", "2024-05-09", "太原市")}),
    # announced with its day (the convention: an announced event with a day and a city is one)
    (_doc("示例推介会5月9日将在太原举行。", "2024-05-06"), {("推介会", "2024-05-09", "太原市")}),
    (_doc("示例市人民政府主办的示例推介会于5月9日在广州成功举办。"), {("推介会", "2024-05-09", "广州市")}),
    (_doc("5月9日，省长甲出席在太原举行的示例推介会。"), {("推介会", "2024-05-09", "太原市")}),
    (_doc("5月9日，示例县代表团在上海参加示例博览会。"), {("博览会", "2024-05-09", "上海市")}),
    (_doc("5月9日，示例商会赴晋城参加示例恳谈会。"), {("恳谈会", "2024-05-09", "晋城市")}),
    (_doc("5月9日，平遥县2024年招商引资项目集中签约仪式举行。"), {("签约仪式", "2024-05-09", "晋中市")}),
    (_doc("5月9日，2024中国（太原）示例博览会开幕。"), {("博览会", "2024-05-09", "太原市")}),
    (_doc("12月28日，示例年会在太原举行。", "2024-01-05"), {("年会", "2023-12-28", "太原市")}),
    (_doc("5月9日—11日，示例博览会在太原举行。"), {("博览会", "2024-05-09", "太原市")}),
    (_doc("五月九日，示例推介会在太原举行。"), {("推介会", "2024-05-09", "太原市")}),
    (_doc("5月20日讯（记者甲）近日，示例恳谈会在太原举行。"), {("恳谈会", "2024-05-20", "太原市")}),
    (_doc("5月9日，示例峰会在位于太原的山西国际会展中心开幕。"), {("峰会", "2024-05-09", "太原市")}),
    (_doc("2024年5月9日，香港山西商會第五屆會員大會在香港會議展覽中心隆重舉行。"),
     {("会员大会", "2024-05-09", "香港特别行政区")}),
    (_doc("5月9日，示例（大同）推介会举行。"), {("推介会", "2024-05-09", "大同市")}),
    (_doc("5月9日，在太原举行的示例推介会上，共签约项目10个，总金额20亿元。"), {("推介会", "2024-05-09", "太原市")}),
    (_doc("5月9日，示例推介会在太原举行。会上，还举行了示例项目签约仪式。"), {("推介会", "2024-05-09", "太原市")}),
    # a city or county holding a promotion with no other place named: its own
    (_doc("5月9日，平遥县举办招商推介会。"), {("推介会", "2024-05-09", "晋中市")}),
    (_doc("5月9日，大同市举办“晋商回家”恳谈会。"), {("恳谈会", "2024-05-09", "大同市")}),
    # a day told relative to the day before it, or to the publication's month
    (_doc("5月9日，示例推介会在太原举行。当天下午，示例座谈会在大同召开。"),
     {("推介会", "2024-05-09", "太原市"), ("座谈会", "2024-05-09", "大同市")}),
    (_doc("5月9日，示例推介会在太原举行。次日，示例座谈会在大同召开。"),
     {("推介会", "2024-05-09", "太原市"), ("座谈会", "2024-05-10", "大同市")}),
    (_doc("5月9日，示例推介会在太原举行。同日，示例恳谈会在大同召开。"),
     {("推介会", "2024-05-09", "太原市"), ("恳谈会", "2024-05-09", "大同市")}),
    (_doc("本月9日，示例推介会在太原举行。"), {("推介会", "2024-05-09", "太原市")}),
    (_doc("上月9日，示例推介会在太原举行。"), {("推介会", "2024-04-09", "太原市")}),
    # 会上 tells of the same event, not a new one
    (_doc("5月16日，示例招商推介会在太原举行。会上，10个项目现场签约。"), {("推介会", "2024-05-16", "太原市")}),
]

COVERAGE_NONE = [
    # only planned, with no day
    _doc("示例博览会将于近期在太原举行。"),
    _doc("下一步，我市将在深圳举办招商推介会。"),
    # a history without a day
    _doc("该商会曾多次在太原举办推介会，影响广泛。"),
    # the publication line is not the event's day
    "---\ntitle: 示例\n---\n发布时间：2024-05-20\n示例商会积极筹办推介会，欢迎各界参与。",
    _doc("2024-05-09 10:20 来源：示例网\n示例商会推介会在太原举行。"),
    _doc("5月17日 来源：示例网\n示例商会推介会在太原举行。"),
    # an event's name inside a book title or a plan's name
    _doc("5月16日，示例出版社在太原发布《晋商博览会史话》一书。"),
    _doc("5月16日，太原市印发《示例招商推介会工作方案》。"),
    # a day, but the event only planned, referred back to, or held online
    _doc("5月16日，晋中市召开会议，部署将在杭州举办推介会的工作。"),
    _doc("5月9日，本次推介会在太原举行。"),
    _doc("会上，推介会在太原举行。"),
    _doc("5月9日，示例推介会以视频形式举行。"),
    _doc("5月9日，省长甲出席将在太原举行的示例推介会筹备会。"),
    _doc("据了解，示例博览会每年5月在太原举办。"),
    _doc("示例推介会计划于6月在深圳举办。"),
    _doc("5月9日，记者从示例推介会筹备办获悉，各项工作进展顺利。"),
    # a short name attended by someone met or interviewed somewhere is not held there
    _doc("5月9日，示例商会会长甲在太原会见了前来参加推介会的客商。"),
    _doc("5月9日，记者在太原采访了参加示例推介会的企业家。"),
    _doc("5月9日，甲在太原会见了来晋举办推介会的客商。"),
    _doc("5月9日，大同市召开推介会筹备会。"),
    _doc("5月9日，平遥县召开座谈会，研究招商工作。"),
    # a county the gazetteer does not know gives no city
    _doc("5月9日，示例项目签约仪式在示例县举行。"),
]


@pytest.mark.parametrize("text,want", COVERAGE)
def test_coverage_each_form_gives_its_event(text, want):
    assert _events(text) == want


@pytest.mark.parametrize("text", COVERAGE_NONE)
def test_coverage_negatives_give_no_event(text):
    assert _events(text) == set()


def _event_props(text: str) -> list[dict]:
    return [n.properties for n in extract_text(text, "x.md").nodes.values() if n.label == "Event"]


def test_coverage_a_range_keeps_its_last_day():
    (p,) = _event_props(_doc("4月28日至5月2日，示例美食博览会在大同举办。"))
    assert (str(p["date"]), str(p["end_date"])) == ("2024-04-28", "2024-05-02")


def test_coverage_a_vague_day_is_approximate():
    for body in ("近日，示例商会恳谈会在长治市举行。", "示例招商推介会日前在忻州市举行。"):
        (p,) = _event_props(_doc(body))
        assert p.get("date_approx") is True
    (p,) = _event_props(_doc("昨天，示例招商推介会在晋城举行。"))
    assert not p.get("date_approx")
