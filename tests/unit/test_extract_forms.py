"""Ways of writing facts first met in the second test set (issue 15), each on an article written for
the test (tests/fixtures/articles/) and on short sentences of the same kind."""
from __future__ import annotations

from pathlib import Path

import pytest

from loaders.articles import extract_path, extract_text

ARTICLES = Path(__file__).parents[1] / "fixtures" / "articles"


def projects(facts):
    county = {r.start: facts.nodes[r.end].name for r in facts.rels.values() if r.type == "LOCATED_IN"}
    return {(n.name, n.properties.get("amount_yi"), county.get(n.id))
            for n in facts.nodes.values() if n.label == "Project"}


def projects_of(text):
    return projects(extract_text(text, "t.md"))


@pytest.fixture(scope="module")
def project_article():
    return extract_path(ARTICLES / "projects.md")


def test_projects_after_their_county_or_zone_and_de_in_a_list_opened_by_baokuo(project_article):
    # 包括<county>的A、<zone>的B…等…项目N个, after the paragraph told of signing: each a signed project there;
    # a class counted (新材料项目有8个, 农业类项目6个) and the bodies that spoke after 重点推介, are none
    assert projects(project_article) == {("古城文旅综合体", None, "平遥县"),
                                         ("年产5万吨碳纤维", None, "榆次经济技术开发区"),
                                         ("智慧冷链物流园", None, "太谷区")}


def test_a_list_after_zhongdian_tuijie_runs_straight_on_from_it():
    # the names right after 重点推介 are presented projects; after a comma the clause says who spoke next
    assert {p[0] for p in projects_of("会上重点推介甲乙文旅园、丙丁物流园和戊己储能电站等3个项目。")} == \
        {"甲乙文旅园", "丙丁物流园", "戊己储能电站"}
    assert projects_of("市长作了重点推介，省商务厅、示例新区管委会、市投资促进中心等单位负责人先后发言。") == set()
    # 重点推介了: the same list after 了; what is presented is projects only where its clause says so
    assert {p[0] for p in projects_of("会上重点推介了甲乙文旅园、丙丁物流园和戊己储能电站等3个项目。")} == \
        {"甲乙文旅园", "丙丁物流园", "戊己储能电站"}
    assert projects_of("会上重点推介了全市的产业布局和营商环境，并签约了3个项目。") == set()


def test_a_kind_of_project_counted_is_not_a_project():
    text = ("---\ndate: 2024-05-04\n---\n5月3日，平遥县招商引资项目签约仪式举行。本次签约的高新技术项目有5个，"
            "服务业项目共12个，文旅类项目3个。现场，示例能源有限公司签约光伏储能电站项目，总投资3亿元。")
    # the kinds counted are none; the project named in full still is one
    assert projects_of(text) == {("光伏储能电站项目", 3.0, "平遥县")}


def test_a_baokuo_list_needs_two_placed_items_and_signing_told_before_it():
    # nothing signed in the paragraph: the list is of places of interest, not projects
    assert projects_of("全县景点包括平遥县的古城墙景区、太谷区的孔祥熙宅园景区等著名文旅项目。") == set()
    # one placed item is no list
    assert projects_of("共签约项目9个。其中，包括平遥县的古城文旅综合体等投资额5亿元以上项目3个。") == set()


def chambers(facts):
    return {n.name for n in facts.nodes.values() if n.label == "Chamber"}


def posts(facts):
    return {(facts.nodes[r.start].name, facts.nodes[r.end].name, r.properties["title"])
            for r in facts.rels.values() if r.type == "HOLDS_POST"}


def test_a_chamber_named_after_its_host_and_its_members_home_province_and_city():
    facts = extract_path(ARTICLES / "chambers.md")
    assert chambers(facts) == {"上海市河南信阳商会", "北京浙江温州企业商会", "深圳市湖北商会", "山西省商业联合会"}
    based = {facts.nodes[r.start].name: facts.nodes[r.end].name for r in facts.rels.values() if r.type == "BASED_IN"}
    # hosted where the name opens, not in the members' home
    assert based["上海市河南信阳商会"] == "上海市" and based["深圳市湖北商会"] == "深圳市"
    assert posts(facts) == {("钱立本", "山西省商业联合会", "会长"), ("孙大海", "上海市河南信阳商会", "会长")}


def test_a_middle_that_is_not_all_places_makes_no_chamber():
    text = "上海市示例行业商会与北京创新企业商会到会。"
    assert chambers(extract_text(text, "t.md")) == set()


def test_the_posts_a_profile_lists_after_xianren_are_held_by_the_one_it_is_about():
    facts = extract_path(ARTICLES / "profile.md")
    # 现任…、<chamber>常务副会长、…: the paragraph's subject; a post held once (曾任) is not a post now
    assert posts(facts) == {("周新民", "四川省山西商会", "常务副会长")}
    # the name right before 现任
    assert posts(extract_text("深圳山西商会成立于2009年。会上，钱立本现任深圳山西商会会长、示例集团董事长。", "t.md")) == \
        {("钱立本", "深圳山西商会", "会长")}
    # 现任 with no name before it and no profile opening the paragraph: no one
    assert posts(extract_text("他在会上介绍了家乡。现任四川省山西商会会长，负责会务。", "t.md")) == set()


def nodes_of(facts, label):
    return {n.id: n.properties for n in facts.nodes.values() if n.label == label}


def test_a_ceremonys_tally_of_companies_signed_and_figures_set_between_spaces():
    facts = extract_path(ARTICLES / "signed.md")
    # 与国内15家知名企业正式签约，总投资达 86.5 亿元: the ceremony's tally
    event = nodes_of(facts, "Event")["event:2021-09-27/晋中市"]
    assert (event["signed_count"], event["signed_total_yi"]) == (15, 86.5)
    # 年初签约项目 12项 after 今年以来: the year's tally, not the ceremony's
    assert nodes_of(facts, "Campaign")["campaign:晋中市/2021"] == \
        {"signed_count": 12, "signed_total_yi": 140.2, "year": 2021}


def test_a_years_total_with_a_qualifier_between_qianyue_and_xiangmu():
    facts = extract_path(ARTICLES / "campaign.md")
    camp = nodes_of(facts, "Campaign")["campaign:吕梁市/2023"]
    assert (camp["signed_count"], camp["signed_total_yi"]) == (150, 980.4)


def test_the_provincial_capital_is_where_a_meeting_in_shengcheng_is():
    # 在省城召开 in a Shanxi paper: 太原, not the city the event is named after
    facts = extract_path(ARTICLES / "capital.md")
    assert list(nodes_of(facts, "Event")) == ["event:2019-09-12/太原市"]
    # a Henan paper's 省城 is 郑州
    text = "---\ntitle: 河南示例日报\ndate: 2019-09-15\n---\n9月12日，示例招商推介会在省城召开。"
    assert list(nodes_of(extract_text(text, "t.md"), "Event")) == ["event:2019-09-12/郑州市"]


def test_a_chambers_own_meeting_told_by_its_verb_and_zuotan_is_in_the_chambers_city():
    facts = extract_path(ARTICLES / "meeting.md")
    events = nodes_of(facts, "Event")
    assert list(events) == ["event:2023-03-18/深圳市"]
    assert events["event:2023-03-18/深圳市"]["kind"] == "座谈会"
    assert facts.nodes["event:2023-03-18/深圳市"].name == "深圳山西商会党支部座谈"
    # a chamber of a province meets in no city the article gives: no event
    text = "2023年3月18日，四川省山西商会秘书处召开座谈，总结工作。"
    assert nodes_of(extract_text(text, "t.md"), "Event") == {}


def test_a_project_named_right_after_the_verb_that_signs_or_builds_it_is_in_the_county_party():
    facts = extract_path(ARTICLES / "named-projects.md")
    assert projects(facts) == {("石材加工园区项目", None, "灵丘县"), ("万头肉牛养殖项目", None, "天镇县")}
    # no county among the parties, or no second party: none
    assert projects_of("示例集团投资建设光伏储能电站项目。") == set()
    assert projects_of("示例商会与示例集团签订光伏储能电站项目。") == set()


def test_a_lianyihui_held_is_a_gathering_and_one_named_as_a_body_is_not():
    facts = extract_path(ARTICLES / "gathering.md")
    events = {n.id: (n.name, n.properties["kind"]) for n in facts.nodes.values() if n.label == "Event"}
    assert events == {"event:2023-04-10/晋中市": ("首届晋中市异地商会会长联谊会", "联谊会")}


def test_own_meeting_and_baokuo_list_leave_other_parties_and_our_county_alone():
    # a chamber meeting with another party is no meeting of its own
    text = "2023年3月18日，深圳山西商会与市工商联进行座谈，交流工作。"
    assert nodes_of(extract_text(text, "t.md"), "Event") == {}
    # 我县的X is no named place
    assert projects_of("共签约项目9个。其中，包括我县的古城文旅综合体、本区的智慧物流园等投资额5亿元以上项目3个。") == set()
