"""Bureau ledgers as bureaus lay them out, through `jinshang load` into the real Neo4j (issue 13):
each layout loads the right projects with the right amounts, 合计 and 注 rows never become
projects, a unit is never guessed, `--sheet` picks one sheet, names resolve against what the
database already holds, and duplicates are merged (exact) or put to the user (near).

The layout fixtures are in tests/fixtures/ledgers/layouts/ (written by its make.py); the small
ledgers and the catalog below are written here. Every name and figure is made up (synthetic).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from graph.reader import snapshot
from tests.integration.conftest import assert_one_line_error

LAYOUTS = Path(__file__).resolve().parents[1] / "fixtures" / "ledgers" / "layouts"

COUNTY_SHEETS = {  # county-sheets.xlsx: one sheet per county, title, two-row header, 合计, 注, 填报人
    "测试代县光伏项目": ({"amount_yi": 12.0, "funds_in_place_yi": 3.0, "signed_in": "2018-05", "stage": "开工"},
                   "county:忻州市/代县"),
    "测试代县杂粮加工项目": ({"amount_yi": 2.0, "amount_approx": True, "signed_on": "2018-05-12", "stage": "签约"},
                     "county:忻州市/代县"),
    "测试代县物流园项目": ({"amount_min_yi": 1.0, "amount_max_yi": 2.0, "amount_yi": None, "stage": "在谈"},
                    "county:忻州市/代县"),
    "测试五台文旅项目": ({"amount_yi": 8.0, "funds_in_place_yi": 0.12, "signed_in": "2018-07", "stage": "落地"},
                   "county:忻州市/五台县"),  # the sheet is named 五臺縣
    "测试五台中药材项目": ({"amount_yi": 2.5, "signed_on": "2018-09-12", "stage": "签约"}, "county:忻州市/五台县"),
}
MONTHLY = {  # monthly-*.csv: title, 单位：万元 row, 序号, 合计, 注; counties written three ways
    "测试忻府区数据中心项目": ({"amount_yi": 5.6, "stage": "签约"}, "county:忻州市/忻府区"),     # "56,000" 万元
    "测试忻府区冷链物流项目": ({"amount_yi": 0.5, "stage": "落地"}, "county:忻州市/忻府区"),
    "测试宋家沟民宿项目": ({"amount_yi": 0.08, "stage": "开工"}, "county:忻州市/岢岚县"),    # 岢岚县（宋家沟乡）
}
LAYOUT_CASES = [("county-sheets.xlsx", COUNTY_SHEETS), ("monthly-gbk.csv", MONTHLY), ("monthly-utf8.csv", MONTHLY)]
NOT_PROJECTS = ("合计", "总计", "小计", "注", "说明", "填报", "审核", "单位")

CATALOG = """\
sources:
  - {name: 测试商会名录, title: 测试用商会名录（合成数据）, kind: catalog, synthetic: true}
source: 测试商会名录
City:
  - {name: 测试苏州市, part_of: 江苏省}
Chamber:
  - {name: 测试苏州山西商会, based_in: 测试苏州市, level: city}
"""


def projects(driver, names) -> dict[str, dict]:
    """name → the stored project's properties and county ids, for the projects named."""
    with driver.session() as s:
        return {r["name"]: {**r["props"], "counties": sorted(r["counties"])} for r in s.run(
            "MATCH (p:Project) WHERE p.name IN $names "
            "OPTIONAL MATCH (p)-[:LOCATED_IN]->(c:County) "
            "RETURN p.name AS name, properties(p) AS props, collect(c.id) AS counties", names=list(names))}


def project_names(driver) -> set[str]:
    with driver.session() as s:
        return {r["name"] for r in s.run("MATCH (p:Project) RETURN p.name AS name")}


def write_csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name, expected", LAYOUT_CASES, ids=[c[0] for c in LAYOUT_CASES])
def test_each_layout_loads_its_projects_with_their_amounts(name, expected, bundled_db, cli, caplog):
    before = project_names(bundled_db)
    code, out, err = cli("load", LAYOUTS / name)
    assert code == 0, err
    added = project_names(bundled_db) - before
    assert added == set(expected), "exactly the ledger's projects: no 合计, 注 or 填报人 row among them"
    stored = projects(bundled_db, expected)
    for pname, (props, county) in expected.items():
        for key, value in props.items():
            got = stored[pname].get(key)
            if key == "signed_on" and got is not None:
                got = got.iso_format()
            assert got == (pytest.approx(value) if isinstance(value, float) else value), (pname, key)
        assert stored[pname]["counties"] == [county], pname
    assert not any(word in p for p in added for word in NOT_PROJECTS)
    # the skipped rows are said, by row and reason; the contact columns are named and not stored
    assert "跳过" in caplog.text and "合计" in caplog.text
    with bundled_db.session() as s:
        keys = s.run("MATCH (p:Project) WHERE p.name IN $names UNWIND keys(p) AS k RETURN collect(DISTINCT k) AS k",
                     names=list(expected)).single()["k"]
    assert not {"联系人", "联系电话", "contact", "phone", "备注"} & set(keys)


def test_a_workbook_sums_to_its_own_totals(bundled_db, cli, caplog):
    """Each county sheet's 合计 equals what was loaded from it, so no total-mismatch warning."""
    code, _, err = cli("load", LAYOUTS / "county-sheets.xlsx")
    assert code == 0, err
    with bundled_db.session() as s:
        sums = {r["c"]: r["total"] for r in s.run(
            "MATCH (p:Project)-[:LOCATED_IN]->(c:County) WHERE p.name STARTS WITH '测试' "
            "RETURN c.id AS c, sum(coalesce(p.amount_yi, 0)) AS total")}
    assert sums == {"county:忻州市/代县": pytest.approx(14.0), "county:忻州市/五台县": pytest.approx(10.5)}
    assert "不符" not in caplog.text  # the range 1-2亿 stops the 代县 check; 五台 sums to 10.5 exactly


def test_a_bare_amount_column_is_never_given_a_unit(bundled_db, cli):
    path = LAYOUTS / "bare-unit.csv"
    before = snapshot(bundled_db)
    code, _, err = cli("load", path)
    assert code != 0
    assert_one_line_error(err, "bare-unit.csv", "总投资", "没有单位", "亿元 or 万元", "--unit")
    assert err.index("没有单位") < err.index("no unit")  # Chinese first, English after
    assert snapshot(bundled_db) == before
    # read as 亿元, 5000 is beyond any one project: refused naming the row, not stored as 5000亿元
    code, _, err = cli("load", path, "--unit", "亿元")
    assert code != 0
    assert_one_line_error(err, "bare-unit.csv", "row 2", "总投资", "5000", "请检查单位")
    assert snapshot(bundled_db) == before
    # the user says which: 5000万元 is 0.5亿元
    code, _, err = cli("load", path, "--unit", "万元")
    assert code == 0, err
    assert projects(bundled_db, ["测试甲项目"])["测试甲项目"]["amount_yi"] == pytest.approx(0.5)


def test_sheet_picks_one_sheet(bundled_db, cli):
    code, _, err = cli("load", LAYOUTS / "county-sheets.xlsx", "--sheet", "五臺縣")
    assert code == 0, err
    loaded = {n for n in project_names(bundled_db) if n.startswith("测试")}
    assert loaded == {"测试五台文旅项目", "测试五台中药材项目"}
    before = snapshot(bundled_db)
    code, _, err = cli("load", LAYOUTS / "county-sheets.xlsx", "--sheet", "繁峙县")
    assert code != 0
    assert_one_line_error(err, "county-sheets.xlsx", "繁峙县", "no sheet named", "代县")
    assert snapshot(bundled_db) == before


def chamber_ledger(tmp_path: Path, chamber: str) -> Path:
    return write_csv(tmp_path / "chamber.csv",
                     f"项目名称,所属县区,总投资(亿元),引荐商会\n测试苏州引荐项目,代县,3,{chamber}\n")


def introduced_by(driver, project: str) -> list[str]:
    with driver.session() as s:
        return [r["c"] for r in s.run("MATCH (c:Chamber)-[:INTRODUCED]->(p:Project {name: $p}) RETURN c.id AS c",
                                      p=project)]


def test_a_chamber_known_only_to_the_database_resolves(bundled_db, cli, tmp_path):
    catalog = tmp_path / "chambers.yaml"
    catalog.write_text(CATALOG, encoding="utf-8")
    code, _, err = cli("load", catalog)
    assert code == 0, err
    # a later, separate load: the chamber is in neither the bundled dataset nor this file
    code, _, err = cli("load", chamber_ledger(tmp_path, "测试苏州山西商会"))
    assert code == 0, err
    assert introduced_by(bundled_db, "测试苏州引荐项目") == ["chamber:测试苏州山西商会"]


def test_a_chamber_declared_by_another_file_of_the_same_load_resolves(bundled_db, cli, tmp_path):
    catalog = tmp_path / "chambers.yaml"
    catalog.write_text(CATALOG, encoding="utf-8")
    code, _, err = cli("load", catalog, chamber_ledger(tmp_path, "测试苏州山西商会"))
    assert code == 0, err
    assert introduced_by(bundled_db, "测试苏州引荐项目") == ["chamber:测试苏州山西商会"]


def test_an_unknown_chamber_is_refused_with_close_names(bundled_db, cli, tmp_path):
    catalog = tmp_path / "chambers.yaml"
    catalog.write_text(CATALOG, encoding="utf-8")
    assert cli("load", catalog)[0] == 0
    before = snapshot(bundled_db)
    code, _, err = cli("load", chamber_ledger(tmp_path, "测试苏州山西总商会"))
    assert code != 0
    assert_one_line_error(err, "chamber.csv", "row 2", "引荐商会", "测试苏州山西总商会", "未知商会",
                          "did you mean", "测试苏州山西商会")
    assert snapshot(bundled_db) == before


def test_an_exact_duplicate_row_is_merged_with_a_warning(bundled_db, cli, tmp_path, caplog):
    row = "测试重复行项目,代县,3,签约\n"
    path = write_csv(tmp_path / "twice.csv", "项目名称,所属县区,总投资(亿元),阶段\n" + row + "测试另一项目,代县,1,在谈\n" + row)
    code, _, err = cli("load", path)
    assert code == 0, err
    assert "row 4" in caplog.text and "与第 2 行完全相同，已合并" in caplog.text
    with bundled_db.session() as s:
        n = s.run("MATCH (p:Project) WHERE p.name STARTS WITH '测试重复行' RETURN count(p) AS n").single()["n"]
    assert n == 1
    assert projects(bundled_db, ["测试重复行项目"])["测试重复行项目"]["amount_yi"] == 3.0


def test_a_near_duplicate_is_put_to_the_user(bundled_db, cli, tmp_path, caplog):
    first = write_csv(tmp_path / "october.csv", "项目名称,所属县区,总投资(亿元)\n测试原平市同川梨深加工项目,原平市,2\n")
    assert cli("load", first)[0] == 0
    later = write_csv(tmp_path / "november.csv", "项目名称,所属县区,总投资(亿元)\n测试原平市同川梨深加工 ,原平市,2.5\n")
    before = snapshot(bundled_db)
    # the dry run reports it as a probable duplicate of the project already in the database
    code, out, err = cli("load", later, "--dry-run")
    assert code == 0, err
    assert "疑似" in caplog.text and "probable duplicate of project:测试原平市同川梨深加工项目" in caplog.text
    assert "november.csv" in caplog.text and "row 2" in caplog.text
    assert "Dry run" in out
    assert snapshot(bundled_db) == before
    # a load stops until the user decides
    code, _, err = cli("load", later)
    assert code != 0
    assert_one_line_error(err, "november.csv", "疑似重复", "--duplicates keep", "--duplicates merge")
    assert snapshot(bundled_db) == before
    # merge: the row updates the project it resembles, whose name stays as first written
    code, _, err = cli("load", later, "--duplicates", "merge")
    assert code == 0, err
    near = {n for n in project_names(bundled_db) if n.startswith("测试原平市同川梨")}
    assert near == {"测试原平市同川梨深加工项目"}
    assert projects(bundled_db, near)["测试原平市同川梨深加工项目"]["amount_yi"] == 2.5


def test_a_near_duplicate_kept_apart_when_the_user_says_so(bundled_db, cli, tmp_path):
    first = write_csv(tmp_path / "october.csv", "项目名称,所属县区,总投资(亿元)\n测试原平市同川梨深加工项目,原平市,2\n")
    assert cli("load", first)[0] == 0
    later = write_csv(tmp_path / "november.csv", "项目名称,所属县区,总投资(亿元)\n测试原平市同川梨深加工,原平市,2.5\n")
    code, _, err = cli("load", later, "--duplicates", "keep")
    assert code == 0, err
    near = {n for n in project_names(bundled_db) if n.startswith("测试原平市同川梨")}
    assert near == {"测试原平市同川梨深加工项目", "测试原平市同川梨深加工"}
