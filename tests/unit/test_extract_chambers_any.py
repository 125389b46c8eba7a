"""Named chambers without a Shanxi tie (issue 15's annotation convention: every named chamber of commerce
counts, with its host): <host><home|企业|trade>商会 and <place>商业联合会, while generic mentions, list
context and names that leave the host open stay out."""
from __future__ import annotations

from pathlib import Path

import pytest

from loaders.articles import extract_path, extract_text
from loaders.articles.entities import find_chambers
from loaders.articles.extract import _default_index, _default_places

ARTICLES = Path(__file__).parents[1] / "fixtures" / "articles"


@pytest.fixture(scope="module")
def article():
    return extract_path(ARTICLES / "named-chambers.md")


def chambers(facts):
    """name → (level, the place it is BASED_IN)."""
    based = {r.start: facts.nodes[r.end].id for r in facts.rels.values() if r.type == "BASED_IN"}
    return {n.name: (n.properties.get("level"), based.get(n.id)) for n in facts.nodes.values() if n.label == "Chamber"}


def posts(facts):
    return {(facts.nodes[r.start].name, facts.nodes[r.end].name, r.properties["title"])
            for r in facts.rels.values() if r.type == "HOLDS_POST"}


def found(text):
    index = _default_index()
    return [(c.written, c.generic) for c in find_chambers(text, _default_places(index), index)]


def test_named_chambers_of_any_home_with_their_host_and_level(article):
    assert chambers(article) == {
        "北京浙江商会": ("province", "province:北京市"),  # a 直辖市 is province-level, as for Shanxi chambers
        "上海市河北唐山商会": ("province", "province:上海市"),  # home: a province and its city
        "深圳市湖南商会": ("city", "city:深圳市"),
        "广东省江西商会": ("province", "province:广东省"),
        "天津市福建商会": ("province", "province:天津市"),
        "北京河南企业商会": ("province", "province:北京市"),
        "重慶市浙江商會": ("province", "province:重庆市"),  # traditional script, stored as written
    }


def test_the_people_with_posts_in_them_follow(article):
    assert posts(article) == {
        ("林小舟", "北京浙江商会", "常务副会长"), ("方大川", "上海市河北唐山商会", "会长"),
        ("罗一帆", "深圳市湖南商会", "秘书长"), ("胡青山", "广东省江西商会", "副会长"),
        ("陈海生", "天津市福建商会", "会长"), ("贾中原", "北京河南企业商会", "执行会长"),
        ("葉明遠", "重慶市浙江商會", "会长")}  # the title in its matching form, as for every post


def test_same_contract_as_a_shanxi_chamber_of_the_same_host():
    facts = extract_text("北京山西商会与北京浙江商会、深圳市山西商会与深圳市湖南商会签署合作协议。", "t.md")
    got = chambers(facts)
    assert got["北京浙江商会"] == got["北京山西商会"] == ("province", "province:北京市")
    assert got["深圳市湖南商会"] == got["深圳市山西商会"] == ("city", "city:深圳市")


@pytest.mark.parametrize("text", [
    "兄弟商会", "各地商会", "异地商会", "山西异地商会", "北京市异地商会", "省外商会", "各省级商会", "相关商会", "该商会",
    "全球陕西商会", "各地河南商会", "海内外河南商会", "上海地市商会会长联合会", "北京企业商会", "山西省工商业联合会",
    "苏州、无锡等地的浙江商会",  # named by places in a list: not one chamber
    "北京参加河南商会", "深圳举办了湖南商会",  # a verb is not part of a name
    "河北唐山商会",  # 唐山 is in 河北: the home, with the host not named
    "深圳广东商会", "北京北京商会",  # one place twice, or the host's own province as its home
    "青年企业家商会", "省青年企业家商会", "各地女企业家商会", "该市青年企业家商会",  # entrepreneurs of no named place
])
def test_generic_mentions_lists_and_open_hosts_are_no_named_chamber(text):
    assert [name for name, generic in found(text) if not generic] == []


def test_generic_shanxi_mentions_stay_generic():
    assert found("外省山西商会和兄弟商会") == [("外省山西商会", True)]


OTHER_NAMED = [
    ("山西商业联合会会长", "山西商业联合会", "山西省"),  # a place's federation of commerce
    ("深圳市总商会", "深圳市总商会", "深圳市"),
    ("上海市服装商会", "上海市服装商会", "上海市"),  # a trade's chamber of one city
    ("湖南省长沙市浙江商会", "湖南省长沙市浙江商会", "长沙市"),  # the province's city is the host
    ("四川遂宁浙江商会", "四川遂宁浙江商会", "遂宁市"),  # also where the built-in city list leaves it out
    ("长沙市益阳商会", "长沙市益阳商会", "长沙市"),  # a home in the host's own province
    ("广州浙商商会", "广州浙商商会", "广州市"),  # 浙商: Zhejiang's merchants as the home
    ("深圳市湖南青年企业家商会", "深圳市湖南青年企业家商会", "深圳市"),
    # a place's own (young, women) entrepreneurs, no home named: a chamber like any other, with its host
    ("省里号召后，山西省青年企业家商会捐款8万元", "山西省青年企业家商会", "山西省"),
    ("晋中市女企业家商会会长", "晋中市女企业家商会", "晋中市"),
]


@pytest.mark.parametrize("text, name, host", OTHER_NAMED)
def test_other_named_forms(text, name, host):
    index = _default_index()
    (c,) = find_chambers(text, _default_places(index), index)
    assert (c.written, c.place.name, c.generic) == (name, host, False)


def test_shanxi_tied_forms_are_unchanged():
    assert found("芮城总商会北京商会会长甲、南京商会会长乙") == [("芮城总商会北京商会", False), ("南京商会", False)]
    assert found("泰国山西省商会") == [("泰国山西省商会", False)]
    index = _default_index()
    listed = find_chambers("镇江、南京以及湖北、浙江等省市的山西商会", _default_places(index), index)
    assert [(c.written, c.listed) for c in listed] == [("镇江山西商会", True), ("南京山西商会", True),
                                                       ("湖北山西商会", True), ("浙江山西商会", True)]


def test_shaanxi_as_traditional_pages_set_it():
    """陜 (U+965C) for 陝 in 陜西, as many traditional pages' fonts set it: the province's chamber, stored as written."""
    facts = extract_text("---\ndate: 2016-11-13\n---\n北京湖南企業商會會長李文東與北京陜西企業商會名譽會長陳明等合影。", "t.md")
    assert chambers(facts) == {"北京湖南企業商會": ("province", "province:北京市"),
                               "北京陜西企業商會": ("province", "province:北京市")}
    assert posts(facts) == {("李文東", "北京湖南企業商會", "会长"), ("陳明", "北京陜西企業商會", "名誉会长")}
