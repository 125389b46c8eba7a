"""Further ways news states an event's kind, day and place (issue 15), beyond test_extract_event_forms*.py:
a sentence at an event (在X会上 / 于X会上 / X期间) dated by the sentence before it in the paragraph; names that
open with a year (2024晋商大会, 2013平遥古城招商洽谈会), which give the year of a day an undated article states
without one; a county's day of projects started or signed together told by the verb (沁源县第二批重点项目集中开工 /
灵石县招商引资项目集中签约) with the county's city as the place; events held in a county (在平遥县举行: the
county's city); and statements that place no event: an exhibitor's hall named after its city (吕梁展厅), a city
that only takes part (组团 / 参展 / 代表团), a report's dateline, a 开工 rate, plans, a single project started.
Short paragraphs written for this test, with invented names (示例…); an article of 2024-09-30 unless its front
matter says otherwise (None: an article with no date). Each gives the set of (kind, date, city) it states."""
from __future__ import annotations

import pytest

from tests.unit.test_extract_event_forms import _events


def _doc(body: str, pub: str | None = "2024-09-30", publisher: str | None = None) -> str:
    head = "".join(f"{k}: {v}\n" for k, v in (("date", pub), ("publisher", publisher)) if v)
    return f"---\n{head}---\n{body}" if head else body


FORMS = [
    # at an event (在X会上 / 于X会上 / X期间), dated by the sentence before it in the paragraph or by its own clause
    (_doc("9月20日，第23届平遥国际摄影大展开幕。在2024平遥古城招商洽谈会上，签约项目15个。"), {("洽谈会", "2024-09-20", "晋中市")}),
    (_doc("9月20日，平遥国际摄影大展开幕。大展期间，2024平遥古城招商洽谈会举行，签约项目15个。"), {("洽谈会", "2024-09-20", "晋中市")}),
    (_doc("9月20日，示例文化节开幕。于2024晋中招商推介会上，12个项目集中签约。"), {("推介会", "2024-09-20", "晋中市")}),
    (_doc("9月20日，平遥国际摄影大展开幕。在2024平遥古城招商洽谈会期间，签约项目15个。"), {("洽谈会", "2024-09-20", "晋中市")}),
    (_doc("9月20日，平遥国际摄影大展开幕。2024平遥古城招商洽谈会期间，共签约项目15个。"), {("洽谈会", "2024-09-20", "晋中市")}),
    (_doc("今年9月20日，在2024平遥古城招商洽谈会上，签约项目总数15个，投资总额达到308.6亿元。"), {("洽谈会", "2024-09-20", "晋中市")}),
    (_doc("据悉，9月20日，在2024年平遥古城招商洽谈会上，共签约项目15个。"), {("洽谈会", "2024-09-20", "晋中市")}),
    (_doc("9月20日，在太原举办的第七届示例博览会上，晋城市签约项目20个。"), {("博览会", "2024-09-20", "太原市")}),
    (_doc("9月20日，在平遥县举行的示例洽谈会上，12个项目签约。"), {("洽谈会", "2024-09-20", "晋中市")}),
    # a name that opens with a year; in an article with no date the year of a day stated without one
    (_doc("9月20日，2024晋商大会在太原开幕。"), {("大会", "2024-09-20", "太原市")}),
    (_doc("9月20日，2024中国（太原）煤炭交易会开幕。"), {("交易会", "2024-09-20", "太原市")}),
    (_doc("9月20日，2013平遥古城招商洽谈会在平遥县举行。", None), {("洽谈会", "2013-09-20", "晋中市")}),
    (_doc("2019年大同招商推介会于5月9日在北京举行。", None), {("推介会", "2019-05-09", "北京市")}),
    (_doc("平遥县从2006年起每年举办招商洽谈会。今年9月20日，在2013平遥古城招商洽谈会上，签约项目总数15个。", None),
     {("洽谈会", "2013-09-20", "晋中市")}),
    (_doc("9月20日，第八届2015平遥古城招商洽谈会在平遥县举行。", None), {("洽谈会", "2015-09-20", "晋中市")}),
    # a repost dated years later: the name's year; a name's year after the article's is a goal's, not the day's
    (_doc("9月20日，2013平遥古城招商洽谈会在平遥县举行。", "2015-12-01"), {("洽谈会", "2013-09-20", "晋中市")}),
    (_doc("9月20日，在2013平遥古城招商洽谈会上，签约项目总数15个。", "2015-12-01"), {("洽谈会", "2013-09-20", "晋中市")}),
    (_doc("9月20日，2030碳达峰示例论坛在太原举行。"), {("论坛", "2024-09-20", "太原市")}),
    # a county's (or a city's) projects started or signed together, told by the verb: in the county's city
    (_doc("3月5日，沁源县今年第二批重点项目集中开工。"), {("开工仪式", "2024-03-05", "长治市")}),
    (_doc("3月5日，平遥县2024年一季度重点项目集中开工，共开工项目12个。"), {("开工仪式", "2024-03-05", "晋中市")}),
    (_doc("3月5日上午，寿阳县第一批重大项目集中开复工。"), {("开工仪式", "2024-03-05", "晋中市")}),
    (_doc("3月5日，沁县15个重点项目集中开工，总投资25亿元。"), {("开工仪式", "2024-03-05", "长治市")}),
    (_doc("3月5日，灵石县招商引资项目集中签约，共签约项目12个。"), {("签约仪式", "2024-03-05", "晋中市")}),
    (_doc("3月5日，太谷区举行重点项目集中签约。"), {("签约仪式", "2024-03-05", "晋中市")}),
    (_doc("晋中市今年第二批重点项目3月5日集中开工。"), {("开工仪式", "2024-03-05", "晋中市")}),
    (_doc("3月5日，晋中市第二批重点项目在平遥县集中开工。"), {("开工仪式", "2024-03-05", "晋中市")}),
    (_doc("3月5日，平遥县举行2024年一季度重点项目集中开工仪式。"), {("开工仪式", "2024-03-05", "晋中市")}),
    (_doc("3月5日，襄垣县重点项目集中签约仪式举行。"), {("签约仪式", "2024-03-05", "长治市")}),
    (_doc("3月5日，高平市第一批重点项目集中开工。"), {("开工仪式", "2024-03-05", "晋城市")}),
    (_doc("3月5日，长治市沁源县第二批重点项目集中开工。"), {("开工仪式", "2024-03-05", "长治市")}),
    (_doc("3月5日上午，阳曲县2024年第一批招商引资项目集中签约。"), {("签约仪式", "2024-03-05", "太原市")}),
    (_doc("3月5日，榆社县举行招商引资项目集中签约活动。"), {("签约仪式", "2024-03-05", "晋中市")}),
    (_doc("3月5日，介休市举办重点项目集中开工活动。"), {("开工仪式", "2024-03-05", "晋中市")}),
    (_doc("3月5日，昔阳县12个项目集中签约，总投资30亿元。"), {("签约仪式", "2024-03-05", "晋中市")}),
    (_doc("3月5日，孝义市第二批招商引资项目现场签约。"), {("签约仪式", "2024-03-05", "吕梁市")}),
    (_doc("3月5日，沁源县今年第二批重点项目集中开工，此次开工的15个项目总投资25.16亿元。"), {("开工仪式", "2024-03-05", "长治市")}),
    (_doc("3月5日，晋中市2024年第一批重大项目集中开工活动在太谷区举行。"), {("开工仪式", "2024-03-05", "晋中市")}),
    (_doc("3月5日，武乡县举行2024年招商引资项目签约仪式，现场签约投资总额达16.76亿元。"), {("签约仪式", "2024-03-05", "长治市")}),
    # 我县 / 全县 / 我市 / 本市 on a county's or city's own page: the publisher's county's city, its city
    (_doc("3月5日，我县第二批重点项目集中开工。", publisher="沁源县融媒体中心"), {("开工仪式", "2024-03-05", "长治市")}),
    (_doc("3月5日，全县第二批重点项目集中开工。", publisher="平遥县人民政府"), {("开工仪式", "2024-03-05", "晋中市")}),
    (_doc("3月5日，我县举行招商引资项目集中签约仪式。", publisher="平遥县人民政府"), {("签约仪式", "2024-03-05", "晋中市")}),
    (_doc("5月9日，我市举行招商引资项目集中签约仪式。", publisher="晋城市人民政府"), {("签约仪式", "2024-05-09", "晋城市")}),
    (_doc("5月9日，本市第二批重点项目集中开工。", publisher="晋城市人民政府"), {("开工仪式", "2024-05-09", "晋城市")}),
    (_doc("5月9日，示例博览会在太原开幕，我市组织30家企业参展。", publisher="晋城市人民政府"), {("博览会", "2024-05-09", "太原市")}),
    # held in a county: the county's city, before a city that only travels or organises
    (_doc("5月9日，示例推介会在平遥县举行。"), {("推介会", "2024-05-09", "晋中市")}),
    (_doc("5月9日，太原市组团在平遥县参加示例推介会。"), {("推介会", "2024-05-09", "晋中市")}),
    (_doc("5月9日，示例恳谈会在山西省平遥县召开。"), {("恳谈会", "2024-05-09", "晋中市")}),
    (_doc("5月9日，示例洽谈会在长治市沁源县举行。"), {("洽谈会", "2024-05-09", "长治市")}),
    (_doc("5月9日，示例招商推介会在灵石县召开。"), {("推介会", "2024-05-09", "晋中市")}),
    (_doc("5月9日，示例商会在沁源县举办座谈会。"), {("座谈会", "2024-05-09", "长治市")}),
    (_doc("5月9日，平遥县在太原举办文旅推介会。"), {("推介会", "2024-05-09", "太原市")}),
    (_doc("5月9日，晋中市招商推介会在介休市举行。"), {("推介会", "2024-05-09", "晋中市")}),
    # a city that takes part, an official's city, a dateline: not where the event is
    (_doc("5月9日，示例推介会在太原举行，晋城市市长甲致辞。", publisher="晋城日报"), {("推介会", "2024-05-09", "太原市")}),
    (_doc("本报太原讯 5月9日，示例推介会在深圳举行。"), {("推介会", "2024-05-09", "深圳市")}),
    (_doc("5月9日，示例博览会在深圳开幕，吕梁市组织60家企业参展。"), {("博览会", "2024-05-09", "深圳市")}),
    (_doc("5月9日，晋城市组团赴深圳参加示例博览会。"), {("博览会", "2024-05-09", "深圳市")}),
]

NONE = [
    # an exhibitor's hall, a dateline, a city that only takes part (also the publisher's own city)
    _doc("5月9日，示例博览会吕梁展厅人头攒动。"),
    _doc("5月9日，山西特色专业镇博览会晋城馆正式开馆。"),
    _doc("太原5月9日电 示例博览会开幕。"),
    _doc("5月9日，示例博览会开幕，吕梁市组织60家企业参展。"),
    _doc("5月9日，示例博览会开幕，晋城市代表团参会。"),
    _doc("5月9日，示例博览会开幕，晋城市60家企业参展。", publisher="晋城日报"),
    _doc("5月9日，示例博览会开幕，我市组织30家企业参展。", publisher="晋城市人民政府"),
    _doc("5月9日，第十届示例博览会开幕，全市各级领导参观。", publisher="晋城市人民政府"),
    # a city before an official's title (副市长 / 委书记 / 领导), a dateline written 太原讯, on a city paper's page
    _doc("5月9日，第十届示例博览会开幕，晋城市副市长甲出席。", publisher="晋城日报"),
    _doc("5月9日，第十届示例博览会开幕，晋城市委书记甲出席开幕式。", publisher="晋城日报"),
    _doc("5月9日，第十届示例博览会开幕，晋城市领导甲参观了展馆。", publisher="晋城日报"),
    _doc("太原讯 5月9日，第十届示例博览会开幕。", publisher="晋城日报"),
    # a meeting about starting, a plan, a rate, one project started, time since, planned with no day, no event
    _doc("3月5日，沁源县召开重点项目集中开工动员会。"),
    _doc("3月5日，沁源县计划今年集中开工项目30个。"),
    _doc("3月5日，记者从平遥县获悉，该县重点项目集中开工率达90%。"),
    _doc("3月5日，示例公司年产5万吨项目在平遥县开工。"),
    _doc("3月5日，平遥县重点项目集中开工以来，进展顺利。"),
    _doc("3月5日，沁源县重点项目集中开工建设的消息传来。"),
    _doc("沁源县第二批重点项目将于下月集中开工。"),
    _doc("3月5日，省委书记甲来到平遥县，调研重点项目集中开工情况。"),
    _doc("3月5日，平遥县与示例集团签订合作协议。"),
    _doc("9月20日，市长会见了示例公司董事长。"),
]


@pytest.mark.parametrize("text,want", FORMS)
def test_each_form_gives_its_event(text, want):
    assert _events(text) == want


@pytest.mark.parametrize("text", NONE)
def test_each_negative_gives_no_event(text):
    assert _events(text) == set()


def test_the_tables_hold_enough_forms():
    assert len(FORMS) >= 40 and len(NONE) >= 12
