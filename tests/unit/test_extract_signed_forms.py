"""The ways Chinese news states a signing tally, each as a short article written for this test: the (count,
amount in 亿元) `extract` gives for it, and the statements that are not a tally (targets, plans, promotions,
financing, parts of a total already told). Signed facts are Event or Campaign properties signed_count /
signed_total_yi; an amount in another currency (亿美元) is no 亿元 figure: the count stays, the amount is None."""
from __future__ import annotations

import pytest

from loaders.articles.extract import extract
from loaders.articles.facts import THRESHOLD
from loaders.articles.reading import parse_article

HEAD = "---\ntitle: 招商引资工作动态\ndate: 2021-06-20\n---\n"
EVENT = "6月8日，晋城市招商推介会在深圳举行。"  # a dated event in a city, for the sentences told at it


def tallies(body: str) -> list[tuple]:
    facts = extract(parse_article(HEAD + body, "signed.md"))
    return sorted((n.properties.get("signed_count"), n.properties.get("signed_total_yi"))
                  for n in facts.nodes.values() if n.label in ("Event", "Campaign")
                  and (n.properties.get("signed_count") is not None or n.properties.get("signed_total_yi") is not None))


FIRES = [
    # at a dated event: the common forms of count and amount
    (EVENT + "现场签约项目12个，总投资86.5亿元。", [(12, 86.5)]),
    ("5月20日，长治市在上海举办招商引资推介会，共签约15个项目、总金额120亿元。", [(15, 120.0)]),
    ("6月3日，运城市在广州举行经贸洽谈会，签约项目8宗，协议引资45.6亿元。", [(8, 45.6)]),
    ("6月5日，忻州市招商引资签约仪式在太原举行，20个项目集中签约，计划总投资156亿元。", [(20, 156.0)]),
    ("6月6日，吕梁市在杭州举办招商推介会，签约9个项目，涉及资金32亿元。", [(9, 32.0)]),
    (EVENT + "签约项目3个，总投资达8500万元。", [(3, 0.85)]),
    ("6月9日，晋中市举行招商引资项目集中签约仪式，投资总额60亿元的11个项目成功签约。", [(11, 60.0)]),
    (EVENT + "会上，31个签约项目总投资80.3亿元，拟引资51.9亿元。", [(31, 80.3)]),
    (EVENT + "共签约项目102项，投资1262.95亿元。", [(102, 1262.95)]),
    (EVENT + "签约项目23宗，签约金额98亿元。", [(23, 98.0)]),
    (EVENT + "签约项目4个，协议投资4800万元。", [(4, 0.48)]),
    (EVENT + "签约项目320个，总投资额1.2万亿元。", [(320, 12000.0)]),
    ("6月10日，长治市在郑州举办推介会，签订项目合作协议11个，总投资25亿元。", [(11, 25.0)]),
    ("6月12日，运城市在广州举办经济合作推介会，达成合作项目18项，总投资170.5亿元。", [(18, 170.5)]),
    ("6月15日，晋城市在深圳举办推介会，与20家企业正式签约，总投资101亿元。", [(20, 101.0)]),
    (EVENT + "签约项目12个，均为先进制造业项目，总投资30亿元。", [(12, 30.0)]),
    (EVENT + "签约项目共18个，签约总金额66亿元。", [(18, 66.0)]),
    # traditional script
    ("6月8日，臨汾市在廈門舉辦招商推介會，現場簽約項目14個，總投資72.3億元。", [(14, 72.3)]),
    ("6月1日，朔州市在蘇州舉行投資洽談會，共簽約10個項目、總金額25億元。", [(10, 25.0)]),
    ("6月2日，晉城市在深圳舉辦推介會，簽約項目6宗，協議引資18億元。", [(6, 18.0)]),
    # another currency: the count, and no 亿元 figure
    ("6月2日，大同市在天津举办推介会，签约项目5个，总投资3亿美元。", [(5, None)]),
    ("6月2日，大同市在天津舉辦推介會，簽約項目6個，總投資4.5億美元。", [(6, None)]),
    # an occasion named in the clause and not dated: the tally is kept on it
    ("在第十届“晋洽会”上，该市共签约3个项目，投资23.2亿元。", [(3, 23.2)]),
    ("首届世界晋商大会期间，该市签约95个项目，总投资510.47亿元。", [(95, 510.47)]),
    # each project's amount is no total
    ("在9月2日至7日召开的第二届中国-亚欧博览会上，该市签约两个项目，分别投资6.5亿元、5.2亿元。", [(2, None)]),
    # a tally with no event anywhere: kept (the article's occasion), not dropped
    ("12家山西企业与西安市进行视频“云签约”，涉及项目14项，投资总额74.25亿元。", [(14, 74.25)]),
    # a headline's tally and the event's: one occasion, one tally
    ("晋城签约17个项目 总投资72亿元\n6月8日，晋城市举行招商引资项目集中签约仪式，签约17个项目，总投资72亿元。",
     [(17, 72.0)]),
    # a list's total told with its amount after the list
    ("6月8日，晋城市在深圳举行项目签约仪式，24个项目集中签约。签约的有——\n甲乙新材料项目、\n丙丁物流园等24个项目，\n"
     "涵盖新材料、物流等领域，总投资35.7亿元。", [(24, 35.7)]),
    # told before the event is named, at 活动 referred back to, in numerals written out
    ("签约项目达12个，总投资56亿元。6月8日，晋城市招商推介会在深圳举行。", [(12, 56.0)]),
    (EVENT + "活动上，签约总投资45亿元的9个项目。", [(9, 45.0)]),
    (EVENT + "此次活动共签约项目7个，总投资 21.5 亿元。", [(7, 21.5)]),
    (EVENT + "共有15个项目现场签约，签约总额66亿元。", [(15, 66.0)]),
    (EVENT + "現場共有8個項目簽約，協議投資額達42億元。", [(8, 42.0)]),
    ("6月8日，晋城市在深圳举行招商推介会，成功签约项目十二个，总投资八十六亿元。", [(12, 86.0)]),
    ("據悉，本次活動共簽約項目9個，簽約金額19.8億元。", [(9, 19.8)]),
    (EVENT + "签约项目5个，总投资1.5亿美元，折合人民币约10亿元。", [(5, None)]),
    # a period's total is the campaign's, beside the event's own
    (EVENT + "签约项目12个，总投资86.5亿元。截至5月底，晋城市共签约项目126个，总投资额560.2亿元。",
     [(12, 86.5), (126, 560.2)]),
    (EVENT + "签约项目12个，总投资86.5亿元。2020年，晋城市共签约项目368个，总投资1326.67亿元。",
     [(12, 86.5), (368, 1326.67)]),
    ("1-9月，晋城市签约项目86个，总投资420亿元。", [(86, 420.0)]),
    ("今年一季度，晋城市共签约项目40个，总投资200亿元。", [(40, 200.0)]),
    # 签订N个项目(的合作) with 合同金额 after it
    (EVENT + "来自各地的客商与晋城市签订7个项目的合作，合同金额达15.2亿元。", [(7, 15.2)]),
    (EVENT + "会上签署了5个合作项目，总投资9.8亿元。", [(5, 9.8)]),
    # projects under contract (合同项目) are signed ones, beside the started and producing ones
    (EVENT + "此次活动，合同项目36个，总投资210亿元，开工项目20个，总投资95亿元。", [(36, 210.0)]),
    ("6月8日，晋城市在深圳举行招商推介会。現場合同項目共12個，總投資48億元。", [(12, 48.0)]),
    # the projects named, then their count: 签约X和Y两个项目
    (EVENT + "会上，高平市签约了光伏组件生产线和冷链物流园两个项目，总投资达6.2亿元。", [(2, 6.2)]),
    (EVENT + "共有14个项目进行了现场签约，总投资52亿元。", [(14, 52.0)]),
    # what the signed projects plan to invest: 计划投资额 / 签约投资额
    (EVENT + "签约项目9个，签约投资额21.5亿元。", [(9, 21.5)]),
    ("1-6月，晋城市共签约招商引资项目30个，签约项目计划投资额88.6亿元。", [(30, 88.6)]),
    # the amount in the next sentence, of 这些项目 / 上述项目
    (EVENT + "现场集中签约18个重点项目。这些项目聚焦新材料和高端装备制造，总投资73.4亿元。", [(18, 73.4)]),
    # a paragraph per venue of one day: the venue named as its first sentence's subject, then 其中
    ("6月8日，全省“三个一批”活动在各市同步举行，全省共签约120个项目。\n"
     "临汾市“三个一批”活动共推进项目30个，总投资60亿元。其中，“签约一批”项目12个，总投资21.5亿元。\n"
     "运城市举行“三个一批”活动。其中，签约项目9个，总投资14亿元。", [(9, 14.0), (12, 21.5), (120, None)]),
]


def test_a_period_total_after_an_event_is_the_campaigns_not_the_events():
    body = EVENT + "截至目前，全市累计签约项目60个，总投资300亿元。"
    facts = extract(parse_article(HEAD + body, "signed.md"))
    held = {n.id: (n.properties.get("signed_count"), n.properties.get("signed_total_yi"))
            for n in facts.nodes.values() if n.label in ("Event", "Campaign")}
    assert held == {"event:2021-06-08/深圳市": (None, None), "campaign:晋城市/2021": (60, 300.0)}

NONE = [
    # targets, plans and promotions are not signed
    (EVENT + "今年全市目标签约项目100个，总投资500亿元。", []),
    (EVENT + "计划引进项目30个，总投资80亿元。", []),
    ("6月8日，晋城市招商推介会在深圳举行，会上发布招商项目120个，总投资900亿元。", []),
    (EVENT + "会上重点推介了50个项目，总投资300亿元。", []),
    (EVENT + "拟签约项目20个，总投资90亿元。", []),
    (EVENT + "在谈项目15个，总投资60亿元。", []),
    (EVENT + "意向签约项目8个。", []),
    (EVENT + "双方计划签订10个项目，总投资50亿元。", []),
    # financing agreements are not projects
    (EVENT + "全市企业与金融机构签署融资协议97项，协议融资51.3亿元。", []),
    # contracts being carried out or built are no signing: 履约 / 在建 / 续建合同项目
    (EVENT + "全市在建合同项目40个，总投资120亿元。", []),
    (EVENT + "履约合同项目18个，总投资60亿元。", []),
    # a count after 签约仪式后 is what was visited, not signed; a plan named so is no signing
    (EVENT + "签约仪式后考察了两个项目。", []),
    (EVENT + "拟签约光伏和储能两个项目。", []),
]

PARTS = [
    # a part of a total already told is no tally of its own
    (EVENT + "签约项目20个，总投资100亿元，其中工业项目12个，总投资80亿元。", [(20, 100.0)]),
    (EVENT + "签约项目20个，总投资100亿元。签约绿色能源项目共6个。", [(20, 100.0)]),
    (EVENT + "签约项目中，亿元以上项目12个，总投资30亿元。", []),
    (EVENT + "签约项目20个（协议项目14个，合同项目6个），总投资100亿元。", [(20, 100.0)]),
    # a holiday is a period, not an occasion: with no campaign to hold it, the article's own, for review
    ("春节期间，全市签约项目10个，总投资20亿元。", [(10, 20.0)]),
    (EVENT + "会上，签约项目5个，总投资9亿元。", [(5, 9.0)]),
    # 活动中, with no event recognised before it: the article's own occasion holds it
    ("在“投资晋城 共赢未来”专场仪式上，30名企业家受聘。\n活动中，25个合作项目现场签约，协议投资总额13.44亿元。", [(25, 13.44)]),
    # the amount of some of 这些项目 is no total of them all
    (EVENT + "现场签约18个项目。这些项目中，8个项目总投资40亿元。", [(18, None)]),
]


@pytest.mark.parametrize("body, expected", FIRES + NONE + PARTS)
def test_a_tally_as_news_states_it(body, expected):
    assert tallies(body) == expected


def test_the_forms_cover_at_least_thirty_ways_of_writing():
    assert len(FIRES + NONE + PARTS) >= 30


def test_a_tally_held_by_an_occasion_no_rule_dated_waits_for_review():
    facts = extract(parse_article(HEAD + "在第十届“晋洽会”上，该市共签约3个项目，投资23.2亿元。", "signed.md"))
    [ev] = [n for n in facts.nodes.values() if n.label == "Event"]
    assert ev.id == "event:undated/第十届“晋洽会”" and "date" not in ev.properties
    assert ev.confidence < THRESHOLD
    given = HEAD + "在第十届“晋洽会”上，该市共签约3个项目，投资23.2亿元。"
    text = parse_article(given, "signed.md").given
    assert [text[a:b] for a, b in ev.evidence][-2:] == ["签约3个项目", "投资23.2亿元"]


def test_a_signing_told_by_its_verb_is_an_event_holding_its_tally():
    # no event word (签约仪式): 项目…集中签约 with its day and place is the signing ceremony
    body = "5月29日上午，晋城经济技术开发区招商引资12个项目在晋城市光机电产业园集中签约，总投资35亿元。"
    facts = extract(parse_article(HEAD + body, "signed.md"))
    [ev] = [n for n in facts.nodes.values() if n.label == "Event"]
    assert (ev.id, ev.name, ev.properties["kind"]) == (
        "event:2021-05-29/晋城市", "晋城经济技术开发区招商引资项目集中签约", "签约仪式")
    assert (ev.properties["signed_count"], ev.properties["signed_total_yi"]) == (12, 35.0)


def test_an_event_named_after_a_dated_lede_that_named_none_takes_its_day():
    body = ("5月22日，12家山西企业与西安市企业进行视频“云签约”，涉及项目14项，投资总额74.25亿元。\n"
            "省商务厅与西安市举办招商引资“云推介”暨签约仪式。")
    facts = extract(parse_article(HEAD + body, "signed.md"))
    held = {n.id: (n.name, n.properties.get("signed_count"), n.properties.get("signed_total_yi"))
            for n in facts.nodes.values() if n.label == "Event"}
    # the tally told before the one event the article names is that event's
    assert held == {"event:2021-05-22/西安市": ("招商引资“云推介”暨签约仪式", 14, 74.25)}


def test_a_meeting_a_county_holds_told_by_its_verb_is_an_event_in_its_city():
    body = "6月4日，平遥县邀请平遥在外商会和企业家代表座谈交流，共话家乡发展。"
    facts = extract(parse_article(HEAD + body, "signed.md"))
    [ev] = [n for n in facts.nodes.values() if n.label == "Event"]
    assert (ev.id, ev.name, ev.properties["kind"]) == ("event:2021-06-04/晋中市", "平遥在外商会和企业家代表座谈会", "座谈会")
