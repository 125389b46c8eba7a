"""Chamber names parsed as [host][origin][企业]商会 (loaders/resolution/chamber_names.py)."""
import pytest

from loaders.resolution.chamber_names import parse_chamber
from loaders.resolution.places import lookup, short_form


@pytest.mark.parametrize(
    "name, host, host_level, origin, origin_level, enterprise",
    [
        ("珠海晋商会", "珠海", "city", "山西", "province", False),
        ("深圳市山西商会", "深圳", "city", "山西", "province", False),
        ("深圳山西商會", "深圳", "city", "山西", "province", False),
        ("山西省广东商会", "山西", "province", "广东", "province", False),
        ("广东省山西商会", "广东", "province", "山西", "province", False),
        ("北京山西企业商会", "北京", "municipality", "山西", "province", True),
        ("北京忻州企业商会", "北京", "municipality", "忻州", "city", True),
        ("北京原平商会", "北京", "municipality", "原平", "county", False),
        ("上海朔州商会", "上海", "municipality", "朔州", "city", False),
        ("吉林省山西商会", "吉林", "province", "山西", "province", False),
        ("吉林市山西商会", "吉林", "city", "山西", "province", False),
        ("吉林山西商会", "吉林", None, "山西", "province", False),
        ("内蒙古自治区山西商会", "内蒙古", "province", "山西", "province", False),
        ("香港山西商会", "香港", "province", "山西", "province", False),
        ("山西商会", None, None, "山西", "province", False),
        ("晋商会", None, None, "山西", "province", False),
        ("大连市山西商会(晋商俱乐部联合发起机构)", "大连", "city", "山西", "province", False),
    ],
)
def test_parts(name, host, host_level, origin, origin_level, enterprise):
    c = parse_chamber(name)
    assert c is not None, name
    assert (c.host, c.host_level, c.origin, c.origin_level, c.enterprise) == (
        host, host_level, origin, origin_level, enterprise)
    assert c.name == name  # the name as given is kept


def test_order_matters():
    a, b = parse_chamber("山西省广东商会"), parse_chamber("广东省山西商会")
    assert (a.host, a.origin) == (b.origin, b.host)
    assert a.key != b.key


def test_qualifier_kept_apart():
    c = parse_chamber("北京山西青年企业家商会")
    assert (c.qualifier, c.enterprise) == ("青年", True)
    assert c.key != parse_chamber("北京山西企业商会").key


@pytest.mark.parametrize("name", ["忻州市招商服务中心", "甘肃晋商商业联合会", "海南省新晋商联合会",
                                  "商会", "纽约山西商会", "中国智慧城市产业联盟"])
def test_other_names_are_not_parsed(name):
    assert parse_chamber(name) is None


def test_place_dictionary():
    assert [p.level for p in lookup("吉林")] == ["province", "city"]
    assert lookup("晋")[0].short == "山西" and lookup("粤")[0].short == "广东"
    assert lookup("代县")[0].level == "county"
    assert lookup("忻州市")[0].level == "city"
    assert short_form("county:忻州市/原平市") == "原平"
