"""A campaign's target for signed investment (issue 15; Campaign.target_yi): told with the total as its share
(总投资560.2亿元，完成年度目标任务600亿元的93.4%), or on its own in a sentence of the year's aims (全年目标为签约项目
150个、总投资600亿元 / 目标任务是…签约总额600亿元), which is no signed total itself. A share with no figure of the
target (完成年度目标任务的93.4%) and a target of another kind (到位资金) give no target_yi. Short articles written for
this test on a city paper's page; each gives the target_yi and signed (count, amount) of the city's campaign."""
from __future__ import annotations

import pytest

from loaders.articles import extract_text


def campaign(body: str) -> tuple | None:
    facts = extract_text(f"---\ndate: 2023-12-20\npublisher: 晋城日报\n---\n{body}", "t.md")
    found = [n.properties for n in facts.nodes.values() if n.label == "Campaign"]
    return (found[0].get("target_yi"), found[0].get("signed_count"), found[0].get("signed_total_yi")) if found else None


FORMS = [
    # the target as the total's share
    ("今年以来，全市累计签约项目126个，总投资560.2亿元，完成年度目标任务600亿元的93.4%。", (600.0, 126, 560.2)),
    # the target on its own, then the total
    ("今年全市招商引资目标为签约项目150个、总投资600亿元。截至目前，已签约项目126个，总投资560.2亿元。", (600.0, 126, 560.2)),
    ("今年，全市招商引资目标任务是签约项目150个，签约总额600亿元。今年以来，全市累计签约项目126个，总投资560.2亿元。",
     (600.0, 126, 560.2)),
    ("全市全年目标：签约项目150个，签约总额达到600亿元。今年以来，全市累计签约项目126个，总投资560.2亿元。", (600.0, 126, 560.2)),
    # the target alone: a campaign with no signed total
    ("2023年，全市招商引资目标任务是签约项目150个，签约总额600亿元。", (600.0, None, None)),
    # no figure of the target; a target of funds in place, not of signed investment
    ("今年以来，全市累计签约项目126个，总投资560.2亿元，完成年度目标任务的93.4%。", (None, 126, 560.2)),
    ("今年以来，全市累计签约项目126个，总投资560.2亿元，占年度目标的93.4%。", (None, 126, 560.2)),
    ("今年以来，全市累计签约项目126个，总投资560.2亿元；到位资金120.6亿元，完成目标任务150亿元的80.4%。",
     (None, 126, 560.2)),
]


@pytest.mark.parametrize("body, want", FORMS)
def test_a_campaigns_target(body, want):
    assert campaign(body) == want


def test_the_tables_hold_enough_forms():
    assert len(FORMS) >= 8
