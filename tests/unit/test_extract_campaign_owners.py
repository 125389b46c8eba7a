"""Whose campaign a period's signed total is (issue 15): a county's own total (今年以来，平陆县累计签约… / 截至8月底，
孝义市今年累计… (a county-level city) / 2023年全县累计… on a county's page, 全区 on a district's, 全市 on a
county-level city's) is that county's Campaign, CAMPAIGN_OF the county, not an undated event named after the
article, nor the campaign of another city the article named before (its promotion's venue) nor of the county's
prefecture; a city's total stays the city's, and a county named only as a part (其中) or beside a city leaves the
total to the city. Short articles written for this test; each gives the set of (campaign name, owner label,
owner name, signed_count, signed_total_yi)."""
from __future__ import annotations

import pytest

from loaders.articles import extract_text


def _doc(body: str, publisher: str = "示例日报", pub: str = "2022-11-09") -> str:
    return f"---\ndate: {pub}\npublisher: {publisher}\n---\n{body}"


def campaigns(text: str) -> set:
    facts = extract_text(text, "c.md")
    owner = {r.start: facts.nodes[r.end] for r in facts.rels.values() if r.type == "CAMPAIGN_OF"}
    return {(n.name, owner[n.id].label, owner[n.id].name, n.properties.get("signed_count"),
             n.properties.get("signed_total_yi")) for n in facts.nodes.values() if n.label == "Campaign"}


def undated(text: str) -> set:
    facts = extract_text(text, "c.md")
    return {n.name for n in facts.nodes.values() if n.label == "Event" and "date" not in n.properties}


PROMOTION = "11月8日下午，平陆县招商引资推介会在河南省郑州市举行，共签约项目9个，签约金额28600万元。\n\n"

FORMS = [
    # a county named in the total's clause, no city: the county's, not the promotion's venue (郑州市)
    (_doc(PROMOTION + "据悉，今年以来，平陆县已累计签约招商引资项目41个，总投资63.5亿元，完成年度目标任务的82%。"),
     {("平陆县2022年招商引资", "County", "平陆县", 41, 63.5)}),
    (_doc("截至8月底，孝义市今年累计签约项目53个，总投资296.4亿元。", publisher="孝义市融媒体中心"),
     {("孝义市2022年招商引资", "County", "孝义市", 53, 296.4)}),
    (_doc("今年1至10月，灵石县共签约项目37个，总投资158亿元。"),
     {("灵石县2022年招商引资", "County", "灵石县", 37, 158.0)}),
    (_doc("2021年，沁源县全年签约项目67个，签约总金额286亿元。"),
     {("沁源县2021年招商引资", "County", "沁源县", 67, 286.0)}),
    # 全县 / 我县 on a county's page: the publisher's county
    (_doc("12月27日下午，沁源县招商引资项目集中签约仪式在县委大会议室举行，共有9个项目成功签约。\n\n"
          "据悉，2022年全县累计签约项目67个，签约总金额达286亿元。", publisher="沁源县人民政府"),
     {("沁源县2022年招商引资", "County", "沁源县", 67, 286.0)}),
    (_doc("今年以来，我县累计签约项目37个，总投资158亿元。", publisher="灵石县人民政府"),
     {("灵石县2022年招商引资", "County", "灵石县", 37, 158.0)}),
    # 全区 on a district's page, 全市 / 我市 on a county-level city's
    (_doc("今年以来，全区累计签约项目37个，总投资158亿元。", publisher="上党区人民政府"),
     {("上党区2022年招商引资", "County", "上党区", 37, 158.0)}),
    (_doc("今年以来，我市累计签约项目37个，总投资158亿元。", publisher="孝义市融媒体中心"),
     {("孝义市2022年招商引资", "County", "孝义市", 37, 158.0)}),
    # a period's total told by 签订 / 签署
    (_doc("截至目前，晋城市今年已签订招商引资项目126个，总投资560.2亿元。"),
     {("晋城市2022年招商引资", "City", "晋城市", 126, 560.2)}),
    (_doc("今年以来，晋城市共签署投资协议126份，协议总金额560.2亿元。"),
     {("晋城市2022年招商引资", "City", "晋城市", 126, 560.2)}),
    (_doc("今年以来，平陆县累计签订合作项目41个，总投资63.5亿元。"),
     {("平陆县2022年招商引资", "County", "平陆县", 41, 63.5)}),
    # a city's total stays the city's, also where a county is named beside it or as a part
    (_doc("截至10月底，长治市共签约项目158个，总投资1235亿元。"),
     {("长治市2022年招商引资", "City", "长治市", 158, 1235.0)}),
    (_doc("今年以来，运城市平陆县累计签约项目41个，总投资63.5亿元。"),
     {("平陆县2022年招商引资", "County", "平陆县", 41, 63.5)}),
    (_doc("今年以来，运城市平陆县等地累计签约项目41个，总投资63.5亿元。"),
     {("运城市2022年招商引资", "City", "运城市", 41, 63.5)}),
    (_doc("今年以来，全市累计签约项目126个，总投资560.2亿元，其中平陆县签约项目41个。", publisher="运城日报"),
     {("运城市2022年招商引资", "City", "运城市", 126, 560.2)}),
]


@pytest.mark.parametrize("text, want", FORMS)
def test_a_periods_total_goes_to_its_owner(text, want):
    assert campaigns(text) == want


def test_a_countys_total_is_no_undated_event():
    text = _doc("截至8月底，孝义市今年累计签约项目53个，总投资296.4亿元。", publisher="孝义市融媒体中心")
    assert undated(text) == set()


NONE = [
    # a target, and a county's total with no figure signed
    _doc("今年，平陆县目标签约项目50个。"),
    _doc("今年以来，平陆县累计接待客商120批次。"),
    # 全市 on a county's page: not the county's (and no city is named to own it)
    _doc("今年以来，全市累计签约项目37个，总投资158亿元。", publisher="灵石县人民政府"),
]


@pytest.mark.parametrize("text", NONE)
def test_no_campaign_without_a_signed_total(text):
    assert campaigns(text) == set()


def test_the_tables_hold_enough_forms():
    assert len(FORMS) >= 14 and len(NONE) >= 3
