"""The ledger loader on small files: encodings, headers, units, and every class of bad input."""
from datetime import date
from pathlib import Path

import pytest

from graph.errors import ValidationError
from loaders.ledger import load_ledger

LEDGERS = Path(__file__).resolve().parents[1] / "fixtures" / "ledgers"


@pytest.mark.parametrize("name", ["good.csv", "good-gbk.csv", "good-bom.csv"])
def test_encodings_give_the_same_records(name):
    ds = load_ledger(LEDGERS / name, source_name="test-ledger")
    reference = load_ledger(LEDGERS / "good.csv", source_name="test-ledger")
    assert {k: v for k, v in ds.nodes.items() if v.label != "Source"} == \
        {k: v for k, v in reference.nodes.items() if v.label != "Source"}
    assert ds.edges == reference.edges


def test_good_ledger_values_and_links():
    ds = load_ledger(LEDGERS / "good.csv")
    spa = ds.nodes["project:测试温泉小镇项目"].props
    assert spa["amount_yi"] == pytest.approx(12.5)          # full-width digits with 亿元
    assert spa["signed_on"] == date(2017, 5, 12)            # 2017年5月12日
    assert spa["stage"] == "落地"                            # 已落地
    assert spa["new_industry"] is True and spa["fortune500_or_central_soe"] is False
    grain = ds.nodes["project:测试杂粮深加工项目"].props
    assert grain["amount_yi"] == pytest.approx(0.8)          # 8000万元
    edges = {(e.type, e.start, e.end) for e in ds.edges.values()}
    assert ("LOCATED_IN", "project:测试温泉小镇项目", "county:忻州市/定襄县") in edges  # alias 定襄
    assert ("SIGNED", "event:2017-05-12/珠海市", "project:测试温泉小镇项目") in edges    # event by date
    assert ("INTRODUCED", "chamber:广东山西商会", "project:测试温泉小镇项目") in edges
    assert ("INTRODUCED", "person:高山", "project:测试温泉小镇项目") in edges
    assert ("INVESTS_IN", "company:华为技术有限公司", "project:测试杂粮深加工项目") in edges  # known company
    assert ("INVESTS_IN", "company:测试农业科技有限公司", "project:测试杂粮深加工项目") in edges  # new company
    assert ("LOCATED_IN", "project:测试数据中心项目", "county:忻州市/忻州经济开发区") in edges
    assert ds.nodes["source:good"].props["synthetic"] is False


def test_english_headers_and_wan():
    ds = load_ledger(LEDGERS / "english.csv")
    p = ds.nodes["project:Test hot-spring town"].props
    assert p["amount_yi"] == pytest.approx(0.5) and p["funds_in_place_yi"] == pytest.approx(0.1)
    assert p["stage"] == "签约"


def test_xlsx_with_ids_dates_and_wan():
    ds = load_ledger(LEDGERS / "good.xlsx", synthetic=True)
    p = ds.nodes["project:XLSX-001"].props
    assert p["name"] == "测试光伏电站项目" and p["amount_yi"] == pytest.approx(25.0)
    assert p["signed_on"] == date(2017, 4, 8) and p["funds_in_place_yi"] == pytest.approx(5.0)
    assert ds.nodes["project:XLSX-002"].props["amount_yi"] == pytest.approx(1.2)
    assert ds.nodes["source:good"].props["synthetic"] is True


def test_every_bad_row_is_reported_together():
    with pytest.raises(ValidationError) as info:
        load_ledger(LEDGERS / "bad.csv")
    problems = info.value.problems
    by_row = {p.where: p for p in problems}
    assert set(by_row) == {3, 4, 5, 6, 7, 8, 9}
    assert by_row[3].field == "所属县区" and by_row[3].value == "代州" and "代县" in by_row[3].reason
    assert by_row[4].field == "总投资(亿元)" and by_row[4].value == "十亿多"
    assert by_row[5].field == "签约时间" and "date" in by_row[5].reason
    assert by_row[6].field == "阶段" and "stage" in by_row[6].reason
    assert by_row[7].field == "引荐商会" and by_row[7].value == "火星山西商会"
    assert by_row[8].field == "签约活动" and by_row[8].value == "2016-01-01"
    assert "row 2" in by_row[9].reason                       # duplicate project
    text = str(info.value)
    assert "bad.csv: row 3: field '所属县区': value '代州'" in text


def test_header_problems(caplog):
    ds = load_ledger(LEDGERS / "unknown-column.csv")  # an unknown column is named once, not loaded
    assert set(ds.nodes["project:某项目"].props) == {"name"}
    assert [r.message for r in caplog.records if "unknown columns" in r.message][0].endswith(
        "未知的列，未读取 / unknown columns, not loaded: 颜色")
    with pytest.raises(ValidationError, match="required column is missing"):
        load_ledger(LEDGERS / "no-name-column.csv")


def test_undecodable_file(tmp_path):
    path = tmp_path / "binary.csv"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(ValidationError, match="binary.csv"):
        load_ledger(path)
