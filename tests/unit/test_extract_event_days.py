"""The many ways a page dates a promotion event (issue 15): the day written with or without its year, in digits
(full-width too), Chinese numerals or ISO form; with a weekday, an hour or a part of the day; ranges (至 / - / —);
relative to the publication (本月 / 上月 / 昨天 / 前天 / 上周二 / 日前 / 近日 / 6月上旬, approximate where no day is
stated); and a day referred back to from the sentence before (当天 / 同日 / 次日 / 翌日 / 第二天 / 隔天 / 19日). Short
paragraphs written for this test, with invented names, on a page published 2023-06-20; each gives the set of
(date, end date, city) of its one event."""
from __future__ import annotations

import pytest

from loaders.articles import extract_text

PROMOTION = "晋城市招商推介会在深圳举行。"


def days(body: str) -> set:
    facts = extract_text(f"---\ndate: 2023-06-20\npublisher: 示例日报\n---\n{body}", "d.md")
    city = {r.start: facts.nodes[r.end].name for r in facts.rels.values() if r.type == "HELD_IN"}
    return {(str(n.properties.get("date")), str(n.properties.get("end_date", "")), city.get(n.id))
            for n in facts.nodes.values() if n.label == "Event"}


ON_18 = {("2023-06-18", "", "深圳市")}
FORMS = [
    # the day as written: year or not, digits, full-width, Chinese numerals, ISO, with weekday / hour / part of day
    ("6月18日，" + PROMOTION, ON_18),
    ("6月18号，" + PROMOTION, ON_18),
    ("2023年6月18日，" + PROMOTION, ON_18),
    ("2023-06-18，" + PROMOTION, ON_18),
    ("2023.6.18，" + PROMOTION, ON_18),
    ("六月十八日，" + PROMOTION, ON_18),
    ("二〇二三年六月十八日，" + PROMOTION, ON_18),
    ("６月１８日，" + PROMOTION, ON_18),
    ("2023年6月18日（星期日），" + PROMOTION, ON_18),
    ("6月18日（周日）上午，" + PROMOTION, ON_18),
    ("6月18日9时，" + PROMOTION, ON_18),
    ("6月18日上午9点，" + PROMOTION, ON_18),
    ("6月18日晚间，" + PROMOTION, ON_18),
    ("18日上午，" + PROMOTION, ON_18),
    ("晋城市招商推介会6月18日在深圳举行。", ON_18),
    ("晋城市招商推介会于6月18日在深圳市福田区举行。", ON_18),
    ("2023年6月18日，晉城市招商推介會在深圳舉行。", ON_18),
    # ranges
    ("6月18日至20日，" + PROMOTION, {("2023-06-18", "2023-06-20", "深圳市")}),
    ("6月18-20日，" + PROMOTION, {("2023-06-18", "2023-06-20", "深圳市")}),
    ("6月18日—20日，" + PROMOTION, {("2023-06-18", "2023-06-20", "深圳市")}),
    ("5月30日至6月2日，" + PROMOTION, {("2023-05-30", "2023-06-02", "深圳市")}),
    # relative to the publication (2023-06-20, a Tuesday)
    ("本月18日，" + PROMOTION, ON_18),
    ("上月18日，" + PROMOTION, {("2023-05-18", "", "深圳市")}),
    ("昨天上午，" + PROMOTION, {("2023-06-19", "", "深圳市")}),
    ("前天，" + PROMOTION, ON_18),
    ("上周二下午，" + PROMOTION, {("2023-06-13", "", "深圳市")}),
    ("近日，" + PROMOTION, {("2023-06-20", "", "深圳市")}),
    ("6月上旬，" + PROMOTION, {("2023-06-01", "", "深圳市")}),
    # a day referred back to from the sentence before
    ("6月18日，晋城市代表团抵达深圳。当天下午，" + PROMOTION, ON_18),
    ("6月18日，晋城市代表团抵达深圳。同日，" + PROMOTION, ON_18),
    ("6月17日，晋城市代表团抵达深圳。次日，" + PROMOTION, ON_18),
    ("6月17日，晋城市代表团抵达深圳。翌日，" + PROMOTION, ON_18),
    ("6月17日，晋城市代表团抵达深圳。第二天，" + PROMOTION, ON_18),
    ("6月17日，晋城市代表团抵达深圳。隔天上午，" + PROMOTION, ON_18),
    ("6月17日，晋城市代表团抵达深圳。18日上午，" + PROMOTION, ON_18),
]


@pytest.mark.parametrize("body, want", FORMS)
def test_each_way_of_dating_an_event(body, want):
    assert days(body) == want


NONE = [
    # a day of the event (博览会第二天) is not the day after the one told before: no second event dated by it
    "6月17日，示例博览会在深圳开幕。博览会第二天，晋城市组织企业参观。",
    # 6.18 alone is no day
    "6.18，" + PROMOTION,
]


@pytest.mark.parametrize("body", NONE)
def test_no_day_made_up(body):
    assert {d for d in days(body) if d[0] not in ("2023-06-17", "None")} == set()


def test_the_tables_hold_enough_forms():
    assert len(FORMS) >= 30 and len(NONE) >= 2
