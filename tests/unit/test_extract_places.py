"""The extractor's places: every province and prefecture-level city of the resolution package's place
dictionary (one reader of places.tsv), with short forms that are everyday words (来宾, 白银, 安康, 阿里,
黄山, 中山 …) taken as places only where the context makes them one. The sentences are written for
these tests."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from loaders.articles import extract_text, places
from loaders.articles.entities import find_chambers
from loaders.articles.extract import _default_index, _default_places
from loaders.resolution import places as dictionary
from loaders.text import fold

ROOT = Path(__file__).parents[2]


def found(text: str) -> list[tuple[str, str]]:
    """(written form, node id) of every place the extractor finds in text."""
    t = fold(text)
    return [(t[p.start:p.end], p.id) for p in _default_places(_default_index()).find(t)]


def ids(text: str) -> set[str]:
    return {i for _, i in found(text)}


def chambers(text: str) -> dict[str, str | None]:
    """written chamber name → its host's node id (None for a generic mention)."""
    index = _default_index()
    return {c.written: (c.place.id if c.place else None) for c in find_chambers(fold(text), _default_places(index), index)}


def test_every_prefecture_of_the_dictionary_is_a_city():
    prefectures = [p.full for p, _ in dictionary.divisions("city")]
    assert len(prefectures) >= 330
    assert set(prefectures) <= set(places.CITIES.values())
    # the county-level cities chambers are named after stay, and so do 直辖市 and SARs
    for full in ("义乌市", "昆山市", "北京市", "香港特别行政区"):
        assert full in places.CITIES.values()
    assert places.PROVINCES["内蒙古"] == "内蒙古自治区" and len(places.PROVINCES) == 34
    assert places.SHANXI_CITIES == ("太原", "大同", "阳泉", "长治", "晋城", "朔州", "晋中", "运城", "忻州", "临汾", "吕梁")
    assert ("曲沃县", "曲沃", "临汾市") in places.shanxi_counties()
    # every ambiguous short form is a prefecture's, so its province is known
    assert all(places.CITY_PROVINCE.get(places.CITIES[s]) for s in places.AMBIGUOUS)


def test_the_place_dictionary_has_one_reader():
    readers = [p.relative_to(ROOT).as_posix() for p in (ROOT / "loaders").rglob("*.py")
               if re.search(r"""["']places\.tsv["']""", p.read_text(encoding="utf-8"))]
    assert readers == ["loaders/resolution/places.py"]
    assert dictionary.parent("遂宁市") == "四川省" and dictionary.parent("四川省") is None


CITY_FORMS = [
    ("推介会在绵阳市举行", "city:绵阳市"),
    ("赣州客商代表团到访", "city:赣州市"),
    ("周口、遂宁两地", "city:周口市"),
    ("恩施州招商局", "city:恩施土家族苗族自治州"),
    ("大理白族自治州", "city:大理白族自治州"),
    ("来宾市政府", "city:来宾市"),
    ("广西来宾投资环境", "city:来宾市"),      # right after its own province
    ("甘肃省白银考察", "city:白银市"),
]


@pytest.mark.parametrize("text, place", CITY_FORMS)
def test_cities_outside_the_old_hand_list(text, place):
    assert place in ids(text)


@pytest.mark.parametrize("text", [
    "与会来宾参观了展馆",       # guests
    "白银价格连日上涨",         # silver
    "祝全体会员新春快乐、岁岁安康",  # a wish
    "与阿里巴巴集团签约",        # Alibaba
    "企业家们登上黄山远眺",       # the mountain (黄山市 is the city)
    "中山路上的办事处",          # a road
    "普洱茶和大理石展位",         # tea and marble
    "北京市朝阳区",             # Beijing's district, not Liaoning's 朝阳市
    "前海东方储能项目",          # 海东 inside two words
])
def test_ambiguous_short_forms_alone_are_no_place(text):
    assert not {i for i in ids(text) if i.startswith("city:") and i not in ("city:北京市",)}


def test_an_ambiguous_short_form_hides_no_other_place():
    # 保山 / 中山 would take the 山 of 山西 / 山阴县
    assert ("山西", "province:山西省") in found("确保山西经济平稳")
    assert [w for w, i in found("其中山阴县签约项目3个")] == ["山阴县"]


def test_jilin_stays_the_province_unless_written_as_the_city():
    assert ids("吉林客商") == {"province:吉林省"}
    assert "city:吉林市" in ids("吉林市客商")
    assert "海南" in places.PROVINCES and ids("海南客商") == {"province:海南省"}


def test_chambers_hosted_in_cities_outside_the_old_list():
    assert chambers("来宾市山西商会举行年会") == {"来宾市山西商会": "city:来宾市"}
    assert chambers("，白银山西商会会长") == {"白银山西商会": "city:白银市"}
    assert chambers("赣州市山西商会成立") == {"赣州市山西商会": "city:赣州市"}
    assert chambers("遂宁浙江商会会长") == {"遂宁浙江商会": "city:遂宁市"}
    # the whole name is one chamber; which of its two places is the host is find_chambers' convention
    # (today the leading one, 四川省), but 遂宁 is now a place the extractor knows
    assert list(chambers("四川遂宁山西商会会长")) == ["四川遂宁山西商会"]
    assert found("四川遂宁山西商会") == [("四川", "province:四川省"), ("遂宁", "city:遂宁市"), ("山西", "province:山西省")]


def test_guests_before_a_chamber_name_are_no_host():
    # 与会来宾 + 山西商会: the guests are no 来宾市
    assert "city:来宾市" not in chambers("与会来宾山西商会会长致辞").values()


ARTICLE = """---
title: 山西（绵阳）招商推介会举行
date: 2024-05-10
---
2024年5月10日，山西（绵阳）招商推介会在绵阳市举行。来宾市山西商会、赣州市山西商会会长出席。与会来宾品尝了普洱茶，
白银价格、阿里巴巴的物流项目也是交流话题。
"""


def test_an_article_with_new_cities_and_ambiguous_words():
    facts = extract_text(ARTICLE)
    cities = {n.id for n in facts.nodes.values() if n.label == "City"}
    assert {"city:绵阳市", "city:来宾市", "city:赣州市"} <= cities
    assert not cities & {"city:普洱市", "city:白银市", "city:阿里地区"}
    held = {facts.nodes[r.end].id for r in facts.rels.values() if r.type == "HELD_IN"}
    assert held == {"city:绵阳市"}
    based = {facts.nodes[r.start].name: facts.nodes[r.end].id for r in facts.rels.values() if r.type == "BASED_IN"}
    assert based == {"来宾市山西商会": "city:来宾市", "赣州市山西商会": "city:赣州市"}
