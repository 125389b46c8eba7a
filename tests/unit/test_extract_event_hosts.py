"""Events told with their hosts and venues (issue 15), beyond test_extract_event_*.py: a bare event word opened
by its organisers (由X市人民政府主办的招商推介会在深圳举行); a venue given by a city's short name or nickname
(在鹏城 / 在深 / 在沪 举行) over the city the name opens with; a county that signed during a fair held elsewhere
(在第七届进博会期间，灵石县…签约) that is not the fair's place; the city an organiser names (晋中市人民政府承办)
rather than the publisher's; the kinds 签字仪式 (a signing), 竣工投产仪式 / 投产仪式, 项目观摩会, 推介活动 (where
the sentence holds it there); and a delegation as its sender's: the home city's (晋城市代表团 / 我市组团), a
chamber's (商会代表团) the chamber's, not its city's. Short paragraphs written for this test, with invented
names; an article of 2023-06-20 unless its front matter says otherwise. Each gives the set of (kind, date, city)
it states, the organisers (role, name) or the attending (label, name, role)."""
from __future__ import annotations

import pytest

from loaders.articles import extract_text
from tests.unit.test_extract_event_forms import _events


def _doc(body: str, publisher: str | None = None) -> str:
    return f"---\ndate: 2023-06-20\n{f'publisher: {publisher}' + chr(10) if publisher else ''}---\n{body}"


FORMS = [
    # a bare event word its organisers open: held where the clause says
    (_doc("6月18日，由晋城市人民政府主办的招商推介会在深圳五洲宾馆举行。"), {("推介会", "2023-06-18", "深圳市")}),
    (_doc("6月18日，晋城市主办的招商推介会在深圳举行。"), {("推介会", "2023-06-18", "深圳市")}),
    (_doc("6月18日，由晋城市政府主办、深圳市山西商会承办的招商推介会在深圳举行。"), {("推介会", "2023-06-18", "深圳市")}),
    (_doc("6月18日，由山西省商务厅主办的洽谈会在厦门举行。"), {("洽谈会", "2023-06-18", "厦门市")}),
    (_doc("6月18日，由晋城市人民政府举办的恳谈会于北京召开。"), {("恳谈会", "2023-06-18", "北京市")}),
    # a city's short name or nickname after 在 / 赴 is the venue, over the city the name opens with
    (_doc("6月18日，晋城市招商推介会在鹏城举行。"), {("推介会", "2023-06-18", "深圳市")}),
    (_doc("6月18日，晋城市招商推介会在深举行。"), {("推介会", "2023-06-18", "深圳市")}),
    (_doc("6月18日，晋城市投资说明会在沪隆重举行。"), {("说明会", "2023-06-18", "上海市")}),
    (_doc("6月18日，晋城市文旅推介会在羊城举办。"), {("推介会", "2023-06-18", "广州市")}),
    (_doc("6月18日，晋城市招商推介会在深圳举行。"), {("推介会", "2023-06-18", "深圳市")}),
    (_doc("6月18日，晋城市招商推介会举行。"), {("推介会", "2023-06-18", "晋城市")}),
    # …but not a short name or nickname that says where people live or work (在京晋城籍企业家 / 在鹏城工作的)
    (_doc("6月18日，晋城市招商推介会举行，在京晋城籍企业家参加。"), {("推介会", "2023-06-18", "晋城市")}),
    (_doc("6月18日，晋城市招商推介会举行，在鹏城工作的晋城籍企业家参加。"), {("推介会", "2023-06-18", "晋城市")}),
    # a place in a later clause past ；is another day's, not the venue (the bracketed city is)
    (_doc("6月13日下午，长治（广州）产业合作推介会举行，会上集中签约项目10个；14日，代表团一行赴深圳考察企业。"),
     {("推介会", "2023-06-13", "广州市")}),
    (_doc("6月13日，晋城市招商推介会在杭州举行；6月14日，代表团赴上海考察。"), {("推介会", "2023-06-13", "杭州市")}),
    # a quoted activity held (“云签约”活动举行 / “晋城日”活动在太原举行): a signing where its quote says so
    (_doc("6月18日，阳城县招商引资项目“云签约”活动举行，8个项目通过视频连线签约。"), {("签约仪式", "2023-06-18", "晋城市")}),
    (_doc("6月18日，“晋城日”活动在太原举行，签约项目8个。"), {("活动", "2023-06-18", "太原市")}),
    # a fair's county inside its name is still its place (2024平遥古城招商洽谈会期间)
    (_doc("9月20日，在2023平遥古城招商洽谈会期间，签约项目15个。"), {("洽谈会", "2023-09-20", "晋中市")}),
    # the kinds: 签字仪式 is a signing; 竣工投产仪式 / 投产仪式; 项目观摩会; 推介活动 a promotion
    (_doc("6月18日，晋城市招商引资项目签字仪式在太原举行，签约项目5个，总投资20亿元。"), {("签约仪式", "2023-06-18", "太原市")}),
    (_doc("6月18日，晋城市与示例集团战略合作签字仪式在深圳举行。"), {("签约仪式", "2023-06-18", "深圳市")}),
    (_doc("6月18日，晋城市重点项目竣工投产仪式在泽州县举行。"), {("投产仪式", "2023-06-18", "晋城市")}),
    (_doc("6月18日，阳泉市示例公司投产仪式在阳泉经济技术开发区举行。"), {("投产仪式", "2023-06-18", "阳泉市")}),
    (_doc("6月18日，晋城市二季度重点项目观摩会在泽州县举行。"), {("观摩会", "2023-06-18", "晋城市")}),
    (_doc("6月18日，晋城市招商推介活动在深圳举行，签约项目5个，总投资20亿元。"), {("推介会", "2023-06-18", "深圳市")}),
    (_doc("6月18日，“晋城周”招商推介活动在深圳启幕。"), {("推介会", "2023-06-18", "深圳市")}),
    # …not one a county organised during a fair, whose day and place are the fair's
    (_doc("6月14日，在广州举行的第十九届中国国际中小企业博览会上，河津市组织了专场招商推介活动，现场签约项目4个。"),
     {("博览会", "2023-06-14", "广州市")}),
    (_doc("6月18日，簡易市示例項目簽字儀式在太原舉行。"), {("签约仪式", "2023-06-18", "太原市")}),
]

NONE = [
    # a bare event word with no organiser before it, no venue, or not yet held
    _doc("6月18日，招商推介会在深圳举行。"),
    _doc("6月18日，由晋城市人民政府主办的招商推介会将于下月举行。"),
    # a county signing during a fair held elsewhere (not named): no place for the fair
    _doc("11月6日，在第七届中国国际进口博览会期间，灵石县与3家企业签约项目4个，总投资12.6亿元。"),
    _doc("9月8日，在第二十届投洽会期间，岢岚县签约项目2个。"),
    # a ceremony's word inside something else: a plan, a count of them
    _doc("6月18日，晋城市印发《重点项目观摩会工作方案》。"),
    _doc("今年以来，晋城市共举办推介活动12场。"),
]


@pytest.mark.parametrize("text, want", FORMS)
def test_each_form_gives_its_event(text, want):
    assert _events(text) == want


@pytest.mark.parametrize("text", NONE)
def test_each_negative_gives_no_dated_event_with_a_place(text):
    assert {e for e in _events(text) if e[1] != "None" and e[2]} == set()


def _organisers(text: str) -> set:
    facts = extract_text(text, "o.md")
    return {(r.properties.get("role"), facts.nodes[r.start].name) for r in facts.rels.values() if r.type == "ORGANIZED"}


ORGANISERS = [
    # the city an organiser names, not the publisher's city (a chamber's page elsewhere)
    (_doc("2023年9月15日，由山西省商务厅主办、晋中市人民政府承办的第八届晋商产业合作对接会在晋中市榆次区召开。",
          publisher="成都市山西商会"), {("承办", "晋中市")}),
    (_doc("6月18日，由晋城市政府主办的第三届示例推介会在深圳举行。", publisher="深圳市山西商会"), {("主办", "晋城市")}),
    # 市政府 / 我市 with no name before them: the home city
    (_doc("6月18日，由市政府主办的第三届示例推介会在深圳举行。", publisher="晋城市人民政府"), {("主办", "晋城市")}),
    (_doc("6月18日，我市主办的第三届示例推介会在深圳举行。", publisher="晋城日报"), {("主办", "晋城市")}),
    # a county government organising: no city organiser (the schema's organisers are no counties)
    (_doc("6月18日，由平遥县人民政府主办的第三届示例推介会在深圳举行。", publisher="晋中日报"), set()),
]


@pytest.mark.parametrize("text, want", ORGANISERS)
def test_the_organiser_named_is_the_organiser(text, want):
    assert _organisers(text) == want


def test_the_tables_hold_enough_forms():
    assert len(FORMS) >= 20 and len(NONE) >= 6 and len(ORGANISERS) >= 5


def test_a_signing_told_by_its_verb_is_named_as_written():
    facts = extract_text(_doc("6月18日，陽城縣重點項目集中簽約，共簽約項目8個，總投資16億元。"), "w.md")
    assert [n.name for n in facts.nodes.values() if n.label == "Event"] == ["陽城縣重點項目集中簽約"]
    facts = extract_text(_doc("6月18日，沁源县第二批重点项目集中开复工，共开工项目12个。"), "w.md")
    assert [n.name for n in facts.nodes.values() if n.label == "Event"] == ["沁源县第二批重点项目集中开工"]


def _attending(text: str) -> set:
    facts = extract_text(text, "a.md")
    return {(facts.nodes[r.start].label, facts.nodes[r.start].name, r.properties.get("role"))
            for r in facts.rels.values() if r.type == "ATTENDED"}


DELEGATIONS = [
    # the home city's delegation (代表团 / 组团 on a city paper's page)
    (_doc("6月18日，示例博览会在深圳举行，晋城市代表团参会。", publisher="晋城日报"), {("City", "晋城市", "代表团")}),
    (_doc("6月18日，示例博览会在深圳举行，我市组团参加。", publisher="晋城日报"), {("City", "晋城市", "代表团")}),
    # a chamber's delegation on the chamber's page: the chamber attends, not its city
    (_doc("9月15日，第八届示例对接会在晋中市召开。成都市山西商会率领商会代表团一行12人参会。",
          publisher="成都市山西商会"), {("Chamber", "成都市山西商会", None)}),
    (_doc("9月15日，第八届示例对接会在晋中市召开，成都市山西商会代表团参会。", publisher="成都市山西商会"),
     {("Chamber", "成都市山西商会", None)}),
]


@pytest.mark.parametrize("text, want", DELEGATIONS)
def test_a_delegation_is_its_senders(text, want):
    assert _attending(text) == want
