"""Further ways news states a signing tally (issue 15), beyond test_extract_signed_forms*.py: an amount with no
count at a signing ceremony or a promotion (现场签约投资总额 / 签约总投资 / 签约投资额 / 协议投资总额 / 签约项目总投资 /
签约金额 in 万元), the amount told before the count (签约投资总额X亿元,涉及项目N个), the tallies of a county's
projects signed together (灵石县招商引资项目集中签约 / 昔阳县12个项目集中签约) and of an event dated by the sentence
before it (在2021平遥古城招商洽谈会上 / 大展期间); and what is no tally: last year's or the last edition's figure, a
target, an intent, a plan, a single project's amount, projects started (开工), another currency. Short articles
written for this test, with invented figures; each gives the (count, amount in 亿元) of every Event or Campaign
that holds a tally, as test_extract_signed_forms.tallies."""
from __future__ import annotations

import pytest

from tests.unit.test_extract_signed_forms import tallies

FIRES = [
    # an amount with no count, its word saying it was signed
    ("6月8日，武乡县举行2021年招商引资项目签约仪式，现场签约投资总额达16.76亿元。", [(None, 16.76)]),
    ("6月8日，平遥县举行招商引资项目签约仪式，签约总投资45亿元。", [(None, 45.0)]),
    ("6月8日，平遥县举行招商引资项目签约仪式，签约投资额45亿元。", [(None, 45.0)]),
    ("6月8日，平遥县举行招商引资项目签约仪式，协议投资总额45亿元。", [(None, 45.0)]),
    ("6月8日，平遥县举行招商引资项目签约仪式，共签约总投资45亿元。", [(None, 45.0)]),
    ("6月8日，平遥县招商推介会在太原举行，签约金额共计45亿元。", [(None, 45.0)]),
    ("6月8日，平遥县招商推介会在太原举行，现场签约资金45亿元。", [(None, 45.0)]),
    ("6月8日，平遥县招商推介会在太原举行。会上签约总投资45亿元。", [(None, 45.0)]),
    ("6月8日，平遥县招商推介会在太原举行，签约项目总投资45亿元。", [(None, 45.0)]),
    ("6月8日，平遥县举行招商引资项目签约仪式，此次签约投资总额达4.5亿元。", [(None, 4.5)]),
    ("6月8日，平遥县举行招商引资项目签约仪式，签约的项目总投资4.5亿元。", [(None, 4.5)]),
    ("6月8日，平遥县举行招商引资项目签约仪式，现场签约的投资总额为4.5亿元。", [(None, 4.5)]),
    ("6月8日，平遥县举行招商引资项目签约仪式，协议引资4.5亿元。", [(None, 4.5)]),
    ("6月8日，平遥县举行招商引资项目签约仪式，签约金额4500万元。", [(None, 0.45)]),
    ("6月8日，在平遥县举行的招商引资项目签约仪式上，签约投资总额4.5亿元。", [(None, 4.5)]),
    # the amount's verbs (突破 / 高达 / 超百亿), the signed projects' amount, a plan told after it, the projects told
    # together (集中签约仪式 / 一批项目集中签约)
    ("6月8日，平遥县举行招商引资项目签约仪式，现场签约金额突破50亿元。", [(None, 50.0)]),
    ("6月8日，平遥县举行招商引资项目签约仪式，签约总额高达50亿元。", [(None, 50.0)]),
    ("6月8日，平遥县举行招商引资项目签约仪式，现场签约项目总投资超百亿元。", [(None, 100.0)]),
    ("6月8日，平遥县举行招商引资项目签约仪式，签约项目计划总投资50亿元。", [(None, 50.0)]),
    ("6月8日，平遥县举行招商引资项目签约仪式，签约项目投资总额50亿元，预计年产值80亿元。", [(None, 50.0)]),
    ("6月8日，平遥县举行招商引资项目签约仪式，签约项目涉及新能源、新材料等领域，总投资50亿元。", [(None, 50.0)]),
    ("6月8日，平遥县举行招商引资项目集中签约仪式，总投资50亿元。", [(None, 50.0)]),
    ("6月8日，平遥县举行招商引资项目签约仪式，一批项目集中签约，总投资50亿元。", [(None, 50.0)]),
    # the count and amount of an event dated by the sentence before, of a county's projects signed together
    ("6月8日，平遥国际摄影大展开幕。在2021平遥古城招商洽谈会上，签约项目总数15个，投资总额达到308.6亿元。", [(15, 308.6)]),
    ("6月8日，灵石县招商引资项目集中签约，共签约项目12个，总投资30亿元。", [(12, 30.0)]),
    ("6月8日，昔阳县12个项目集中签约，总投资30亿元。", [(12, 30.0)]),
    ("6月5日，晋中市二季度重点项目集中签约，共签约项目50个，总投资80亿元。", [(50, 80.0)]),
    ("6月8日，太谷区举行重点项目集中签约，12个项目现场签约，签约总额30亿元。", [(12, 30.0)]),
    ("6月8日，在平遥县举行的示例洽谈会上，12个项目签约，协议投资总额30亿元。", [(12, 30.0)]),
    ("6月8日，平遥县举行招商引资项目签约仪式，签约项目12个，签约总投资30亿元。", [(12, 30.0)]),
    ("6月8日，平遥县举行招商引资项目签约仪式，12个项目签约，签约投资额30亿元。", [(12, 30.0)]),
    ("6月8日，平遥县举行招商引资项目签约仪式，共有12个项目签约，协议总投资30亿元。", [(12, 30.0)]),
    ("6月8日，平遥县举行招商引资项目签约仪式，现场签约项目12个，签约投资总额达30亿元。", [(12, 30.0)]),
    # the amount first, then the count
    ("6月8日，平遥县举行招商引资项目签约仪式，签约投资总额30亿元，涉及项目12个。", [(12, 30.0)]),
    ("6月8日，平遥县举行招商引资项目签约仪式，签约总投资30亿元，共12个项目。", [(12, 30.0)]),
    # traditional script, and the period of what the paragraph dated
    ("6月8日，平遙縣舉行招商引資項目簽約儀式，現場簽約投資總額達16.76億元。", [(None, 16.76)]),
    ("6月8日，平遥国际摄影大展开幕。大展期间，2021平遥古城招商洽谈会举行，签约项目15个，总投资308.6亿元。", [(15, 308.6)]),
    ("6月8日，平遥县举行招商引资项目签约仪式。此次签约的项目投资总额达4.5亿元。", [(None, 4.5)]),
]
NONE = [
    # a figure for comparison, a target, a plan, an intent, one project, projects started, another currency
    "6月8日，平遥县举行招商引资项目签约仪式，去年同期签约投资总额4.5亿元。",
    "6月8日，平遥县举行招商引资项目签约仪式，目标签约投资总额45亿元。",
    "6月8日，平遥县举行招商引资项目签约仪式，拟签约投资总额45亿元。",
    "6月8日，平遥县举行招商引资项目签约仪式，意向签约投资总额45亿元。",
    "6月8日，平遥县招商推介会在太原举行，示例项目签约，总投资45亿元。",
    "6月8日，平遥县招商推介会在太原举行，计划总投资45亿元。",
    "6月8日，沁源县今年第二批重点项目集中开工，总投资25.16亿元。",
    "6月8日，沁县15个重点项目集中开工，总投资25亿元。",
    "6月8日，平遥县举行招商引资项目签约仪式，上届签约投资总额20亿元。",
    "6月8日，平遥县举行招商引资项目签约仪式，签约总投资3亿美元。",
    "6月8日，平遥县举行招商引资项目签约仪式，拟签约一批项目，总投资50亿元。",
    "6月8日，平遥县举行招商引资项目签约仪式，预计签约投资总额50亿元。",
    "6月8日，平遥县举行招商引资项目签约仪式，力争全年签约总投资突破100亿元。",
    "6月8日，平遥县举行招商引资项目签约仪式，示例公司年产5万吨项目签约，总投资5亿元。",
]


@pytest.mark.parametrize("body,expected", FIRES)
def test_a_tally_as_news_states_it(body, expected):
    assert tallies(body) == expected


@pytest.mark.parametrize("body", NONE)
def test_no_tally_where_none_is_signed(body):
    assert tallies(body) == []


def test_the_tables_hold_enough_forms():
    assert len(FIRES) >= 25 and len(NONE) >= 8
