"""Ledgers as bureaus lay them out (tests/fixtures/ledgers/layouts, written by make.py there):
every sheet, headers under titles, two-row headers, 合计 and 注 rows, units never guessed,
values as written, county forms, duplicates and references."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from graph.errors import ValidationError
from graph.records import Dataset, NodeRecord
from loaders.bundled import bundled_gazetteer
from loaders.ledger import LedgerOptions, load_ledger

LAYOUTS = Path(__file__).resolve().parents[1] / "fixtures" / "ledgers" / "layouts"


def projects(ds):
    return {n.id.removeprefix("project:"): n.props for n in ds.nodes.values() if n.label == "Project"}


def located(ds):
    return {(e.start.removeprefix("project:"), e.end) for e in ds.edges.values() if e.type == "LOCATED_IN"}


def warnings(caplog):
    return [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]


def workbook(path: Path, sheets: dict[str, list], merges: dict[str, list[str]] | None = None) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
        for rng in (merges or {}).get(name, []):
            ws.merge_cells(rng)
    wb.save(path)
    return path


def test_county_workbook_every_sheet_two_row_header_totals_and_notes(caplog):
    ds = load_ledger(LAYOUTS / "county-sheets.xlsx")
    p = projects(ds)
    assert set(p) == {"测试代县光伏项目", "测试代县杂粮加工项目", "测试代县物流园项目", "测试五台文旅项目", "测试五台中药材项目"}
    assert p["测试代县光伏项目"]["amount_yi"] == 12 and p["测试代县光伏项目"]["stage"] == "开工"   # 总投资 / 亿元, 项目进展 / 阶段
    assert p["测试代县光伏项目"]["funds_in_place_yi"] == pytest.approx(3.0)              # 到位资金(万元) 30000
    assert p["测试五台文旅项目"]["funds_in_place_yi"] == pytest.approx(0.12)             # "1,200" 万元
    assert p["测试五台中药材项目"]["amount_yi"] == pytest.approx(2.5)                    # full-width ２．５
    # a sheet named after a county (traditional 五臺縣 too) is its rows' county
    assert located(ds) == {(n, "county:忻州市/代县") for n in p if "代县" in n} | \
        {(n, "county:忻州市/五台县") for n in p if "五台" in n}
    assert not any("合计" in k or "注" in k or "填报" in k for k in p)                    # totals and notes are never projects
    # contacts are never stored; unknown columns named once per sheet
    assert all(not ({"contact", "联系人", "联系电话", "备注"} & set(props)) for props in p.values())
    lines = warnings(caplog)
    assert any("'填表说明' is hidden: skipped" in w for w in lines)
    assert any("'空表' is empty: skipped" in w for w in lines)
    assert sum("unknown columns, not loaded: 备注" in w and "never stored: 联系人, 联系电话" in w for w in lines) == 2
    skipped = next(w for w in lines if "'代县'" in w and "skipped 3 row(s)" in w)
    assert "第8行 '合计'" in skipped and "第9行 '注：" in skipped and "第10行 '填报人" in skipped
    assert all("\n" not in w for w in lines)


def test_values_as_written():
    p = projects(load_ledger(LAYOUTS / "county-sheets.xlsx"))
    assert p["测试代县光伏项目"]["signed_in"] == "2018-05" and "signed_on" not in p["测试代县光伏项目"]  # no invented day
    assert p["测试五台文旅项目"]["signed_in"] == "2018-07"                                      # 2018.7
    assert p["测试代县杂粮加工项目"]["signed_on"] == date(2018, 5, 12)                           # Excel serial 43232
    assert p["测试代县杂粮加工项目"]["amount_yi"] == 2 and p["测试代县杂粮加工项目"]["amount_approx"] is True  # 约2
    ranged = p["测试代县物流园项目"]
    assert (ranged["amount_min_yi"], ranged["amount_max_yi"]) == (1, 2) and "amount_yi" not in ranged   # 1-2 亿元


def test_one_sheet_by_name():
    ds = load_ledger(LAYOUTS / "county-sheets.xlsx", options=LedgerOptions(sheet="五臺縣"))
    assert set(projects(ds)) == {"测试五台文旅项目", "测试五台中药材项目"}
    with pytest.raises(ValidationError, match="no sheet named '忻府区'"):
        load_ledger(LAYOUTS / "county-sheets.xlsx", options=LedgerOptions(sheet="忻府区"))


@pytest.mark.parametrize("name", ["monthly-gbk.csv", "monthly-utf8.csv"])
def test_csv_with_title_unit_line_total_and_note(name, caplog):
    ds = load_ledger(LAYOUTS / name)
    p = projects(ds)
    assert {k: v["amount_yi"] for k, v in p.items()} == pytest.approx(
        {"测试忻府区数据中心项目": 5.6, "测试忻府区冷链物流项目": 0.5, "测试宋家沟民宿项目": 0.08})  # 单位：万元 in the title
    assert ("测试忻府区数据中心项目", "county:忻州市/忻府区") in located(ds)     # 忻州市忻府区
    assert ("测试宋家沟民宿项目", "county:忻州市/岢岚县") in located(ds)        # 岢岚县（宋家沟乡）
    assert not any("differs" in w for w in warnings(caplog))                  # 61800万元 = the sum


def test_bare_unit_is_refused_never_guessed():
    with pytest.raises(ValidationError) as info:
        load_ledger(LAYOUTS / "bare-unit.csv")
    (problem,) = info.value.problems
    assert problem.field == "总投资" and "亿元 or 万元" in problem.reason and "--unit" in problem.reason
    ds = load_ledger(LAYOUTS / "bare-unit.csv", options=LedgerOptions(unit="万元"))
    assert projects(ds)["测试甲项目"]["amount_yi"] == pytest.approx(0.5)


def test_bare_unit_with_every_value_carrying_its_unit(tmp_path):
    path = tmp_path / "l.csv"
    path.write_text("项目名称,总投资\n测试甲项目,5000万元\n测试乙项目,约3亿元\n", encoding="utf-8")
    p = projects(load_ledger(path))
    assert p["测试甲项目"]["amount_yi"] == pytest.approx(0.5) and p["测试乙项目"]["amount_approx"] is True


def test_plausibility_bounds_name_the_row(tmp_path):
    path = tmp_path / "l.csv"
    path.write_text("项目名称,总投资(亿元)\n测试甲项目,56000\n测试乙项目,3\n", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        load_ledger(path)
    (problem,) = info.value.problems
    assert problem.where == 2 and problem.value == "56000" and "check the unit" in problem.reason
    path.write_text("项目名称,总投资(亿元)\n测试甲项目,9\n测试乙项目,3\n合计,5\n", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        load_ledger(path)
    assert [p.where for p in info.value.problems] == [2] and "own total" in info.value.problems[0].reason


def test_total_mismatch_warns(tmp_path, caplog):
    path = tmp_path / "l.csv"
    path.write_text("项目名称,总投资(亿元)\n测试甲项目,9\n测试乙项目,3\n合 计,13\n", encoding="utf-8")
    assert len(projects(load_ledger(path))) == 2
    (line,) = [w for w in warnings(caplog) if "differs" in w]
    assert "row 4" in line and "13" in line and "12" in line and line.index("合计") < line.index("differs")


def test_totals_and_notes_wherever_they_stand(tmp_path):
    path = workbook(tmp_path / "l.xlsx", {"台账": [
        ["（单位：万元）"],
        ["序号", "项目名称", "所属县区", "总投资"],
        ["一、签约项目", None, None, None],
        [1, "测试甲项目", "代县", 3000],
        [None, "代县小计", None, 3000],
        ["二、在谈项目", None, None, None],
        [2, "测试乙项目", "定襄县", 2000],
        [None, "总计", None, 5000],
        ["备注：无", None, None, None],
    ]}, {"台账": ["B9:D9"]})
    ds = load_ledger(path)
    assert {k: v["amount_yi"] for k, v in projects(ds).items()} == pytest.approx({"测试甲项目": 0.3, "测试乙项目": 0.2})


def test_merged_across_columns_in_a_project_row_is_still_refused(tmp_path):
    path = workbook(tmp_path / "l.xlsx", {"台账": [["项目名称", "所属县区", "总投资(亿元)"], ["测试甲项目", "代县", 1]]},
                    {"台账": ["A2:B2"]})
    with pytest.raises(ValidationError, match="cells merged across columns"):
        load_ledger(path)


@pytest.mark.parametrize("written, county", [
    ("五臺縣", "county:忻州市/五台县"), ("代　县", "county:忻州市/代县"), ("忻州市忻府区", "county:忻州市/忻府区"),
    ("岢岚县（宋家沟乡）", "county:忻州市/岢岚县"), ("定襄", "county:忻州市/定襄县"), (" 原平市 ", "county:忻州市/原平市"),
])
def test_county_forms(tmp_path, written, county):
    path = tmp_path / "l.csv"
    path.write_text(f"项目名称,所属县区\n测试甲项目,{written}\n", encoding="utf-8")
    assert located(load_ledger(path)) == {("测试甲项目", county)}


def test_ambiguous_zone_is_a_question(tmp_path):
    path = tmp_path / "l.csv"
    path.write_text("项目名称,所属县区\n测试甲项目,经济技术开发区\n", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        load_ledger(path)
    (problem,) = info.value.problems
    assert problem.reason.startswith("是哪一个开发区") and "忻州经济开发区" in problem.reason


def test_exact_duplicate_row_is_merged_near_duplicate_reported(tmp_path, caplog):
    path = tmp_path / "l.csv"
    path.write_text("项目名称,所属县区,总投资(亿元)\n原平市同川梨深加工,原平市,2\n原平市同川梨深加工,原平市,2\n"
                    "原平市同川梨深加工项目 ,原平市,2\n", encoding="utf-8")
    ds = load_ledger(path)
    assert set(projects(ds)) == {"原平市同川梨深加工", "原平市同川梨深加工项目"}
    lines = warnings(caplog)
    assert any("row 3" in w and "the same row as row 2: merged" in w for w in lines)
    assert any("row 4" in w and "probable duplicate of project:原平市同川梨深加工" in w for w in lines)
    with pytest.raises(ValidationError, match="--duplicates keep"):
        load_ledger(path, options=LedgerOptions(duplicates="refuse"))
    merged = load_ledger(path, options=LedgerOptions(duplicates="merge"))
    assert set(projects(merged)) == {"原平市同川梨深加工"}
    assert set(projects(load_ledger(path, options=LedgerOptions(duplicates="keep")))) == set(projects(ds))


def test_near_duplicate_against_known_projects(tmp_path, caplog):
    gaz = bundled_gazetteer().copy().add_known([("project:测试梨深加工项目", "Project", "测试梨深加工项目", [])])
    path = tmp_path / "l.csv"
    path.write_text("项目名称\n测试梨深加工\n", encoding="utf-8")
    load_ledger(path, gazetteer=gaz)
    assert any("probable duplicate of project:测试梨深加工项目" in w for w in warnings(caplog))


def test_references_to_the_database_and_unknown_chamber(tmp_path):
    gaz = bundled_gazetteer().copy().add_known([("chamber:测试山西商会", "Chamber", "测试山西商会", ["测试晋商会"])])
    path = tmp_path / "l.csv"
    path.write_text("项目名称,引荐商会\n测试甲项目,测试晋商会\n", encoding="utf-8")
    ds = load_ledger(path, gazetteer=gaz)
    assert ("INTRODUCED", "chamber:测试山西商会", "project:测试甲项目") in {(e.type, e.start, e.end) for e in ds.edges.values()}
    path.write_text("项目名称,引荐商会\n测试甲项目,测试山西商汇\n", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        load_ledger(path, gazetteer=gaz)
    (problem,) = info.value.problems
    assert problem.reason.startswith("未知商会 / ") and "测试山西商会" in problem.reason


def test_other_file_of_the_same_load(tmp_path):
    from loaders.dispatch import load_paths

    catalog = tmp_path / "c.yaml"
    catalog.write_text("sources:\n  - {name: 测试目录, title: 测试, synthetic: true}\nsource: 测试目录\n"
                       "Chamber:\n  - {name: 测试新疆山西商会, level: province}\n", encoding="utf-8")
    ledger = tmp_path / "l.csv"
    ledger.write_text("项目名称,引荐商会\n测试甲项目,测试新疆山西商会\n", encoding="utf-8")
    ds = load_paths([ledger, catalog], gazetteer=bundled_gazetteer())
    assert "chamber:测试新疆山西商会" in ds.nodes and \
        ("INTRODUCED", "chamber:测试新疆山西商会", "project:测试甲项目") in {(e.type, e.start, e.end) for e in ds.edges.values()}


def test_messages_name_file_sheet_row_column_value_chinese_first(tmp_path):
    path = workbook(tmp_path / "l.xlsx", {"代县": [["项目名称", "总投资(亿元)", "阶段"], ["测试甲项目", 1, "快落地了"]],
                                          "定襄县": [["项目名称"], ["测试乙项目"]]})
    with pytest.raises(ValidationError) as info:
        load_ledger(path)
    line = str(info.value).splitlines()[1]
    assert line.startswith(f"{path}: 工作表/sheet '代县': row 2: field '阶段': value '快落地了': 未知阶段 / unknown stage")
