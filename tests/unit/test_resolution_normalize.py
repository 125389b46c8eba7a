"""Matching keys, one normalisation at a time (loaders/resolution/normalize.py)."""
import pytest

from loaders.resolution.normalize import (
    company_core,
    context_key,
    match_key,
    pinyin_key,
    project_phase,
)


@pytest.mark.parametrize(
    "label, a, b",
    [
        # traditional → simplified
        ("Chamber", "深圳山西商會", "深圳山西商会"),
        ("Company", "華為技術有限公司", "华为技术有限公司"),
        ("Project", "溫泉小鎮項目", "温泉小镇项目"),
        ("Person", "陳明亮", "陈明亮"),
        # full- and half-width forms, spaces (the ideographic one too)
        ("Project", "忻定忻原大道ＰＰＰ项目", "忻定忻原大道PPP项目"),
        ("Company", "浩聿国际咨询（深圳）有限公司", "浩聿国际咨询(深圳)有限公司"),
        ("Chamber", "深圳市　山西商会", "深圳市山西商会"),
        ("Person", "景 苗军", "景苗军"),
        # 市 / 省 / 自治区 omitted in chamber names
        ("Chamber", "天津市山西商会", "天津山西商会"),
        ("Chamber", "广东省山西商会", "广东山西商会"),
        ("Chamber", "山西省河南商会", "山西河南商会"),
        ("Chamber", "内蒙古自治区山西商会", "内蒙古山西商会"),
        # 晋商会 ↔ 山西商会 within the same host place
        ("Chamber", "珠海晋商会", "珠海山西商会"),
        ("Chamber", "珠海市晋商会", "珠海山西商会"),
        ("Chamber", "晋商会", "山西商会"),
        # a note in brackets after the name
        ("Chamber", "山西省广东商会（晋商俱乐部联合发起机构）", "山西省广东商会"),
        # company legal forms
        ("Company", "山西粤商投资有限公司", "山西粤商投资股份有限公司"),
        ("Company", "北京广恒房地产开发有限责任公司", "北京广恒房地产开发有限公司"),
        ("Company", "上海文通钾盐（集团）有限公司", "上海文通钾盐集团有限公司"),
        ("Company", "通威集团", "通威集团有限公司"),
        ("Company", "国投煤炭总公司", "国投煤炭有限公司"),
        # project suffix 项目, the phase written either way
        ("Project", "原平市同川梨深加工", "原平市同川梨深加工项目"),
        ("Project", "忻州学苑府项目一期", "忻州学苑府一期项目"),
        ("Project", "晋能控股忻州10GW光伏基地一期", "晋能控股忻州10GW光伏基地项目（一期）"),
        ("Project", "汾河忻州段生态修复四期工程", "汾河忻州段生态修复第4期工程"),
    ],
)
def test_same_key(label, a, b):
    assert match_key(label, a) == match_key(label, b)


@pytest.mark.parametrize(
    "label, a, b",
    [
        # host/origin order matters
        ("Chamber", "山西省广东商会", "广东省山西商会"),
        # city vs province (吉林 names both)
        ("Chamber", "吉林市山西商会", "吉林省山西商会"),
        # a prefecture-city hometown chamber is not the provincial one
        ("Chamber", "北京忻州企业商会", "北京山西企业商会"),
        ("Chamber", "北京山西商会", "北京山西企业商会"),
        ("Chamber", "北京山西青年企业家商会", "北京山西企业商会"),
        # a branch is not its parent
        ("Company", "华为技术有限公司山西分公司", "华为技术有限公司"),
        ("Company", "华能集团山西分公司", "华能集团"),
        ("Company", "中国银行股份有限公司忻州分行", "中国银行股份有限公司"),
        # 二期 is another project than 一期; a stated phase is not the unphased name
        ("Project", "忻州学苑府一期", "忻州学苑府二期"),
        ("Project", "晋能控股忻州光伏基地2期", "晋能控股忻州光伏基地3期"),
        ("Project", "牧马河景观工程一期", "牧马河景观工程"),
        # people: the exact folded name, nothing looser
        ("Person", "王建勇", "王建永"),
        ("Person", "王建勇", "汪建勇"),
    ],
)
def test_different_key(label, a, b):
    assert match_key(label, a) != match_key(label, b)


def test_stored_names_are_not_changed():
    name = "深圳山西商會"
    match_key("Chamber", name)
    assert name == "深圳山西商會"


def test_other_labels_fold_only():
    assert match_key("Event", "長三角 恳谈会") == "长三角恳谈会"


def test_phase_numbers_read_either_way():
    assert project_phase("X第2期工程") == project_phase("X二期") == "二期"
    assert project_phase("X项目") is None


def test_pinyin_is_a_weak_signal_shared_by_homophones():
    assert pinyin_key("王建勇") == pinyin_key("汪建勇") == pinyin_key("王建永") == "wangjianyong"
    assert pinyin_key("張再炜") == pinyin_key("张再伟")
    assert pinyin_key("曾建新") != pinyin_key("景苗军")


def test_company_core_drops_only_a_leading_place():
    assert company_core("中国华能集团有限公司") == company_core("华能集团") == "华能"
    assert company_core("山西经建投集团有限公司") == "经建投"
    assert company_core("华为技术有限公司") == "华为技术"


def test_context_items_compare_by_key():
    assert context_key("chamber:重庆市山西商会") == context_key("重庆山西商會")
    assert context_key("city:忻州市") == context_key("忻州")
    assert context_key("company:山西粤商投资有限公司") == context_key("山西粤商投资股份有限公司")
    assert context_key("chamber:山西省广东商会") != context_key("广东省山西商会")
