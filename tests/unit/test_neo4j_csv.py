"""Reading a neo4j-admin CSV export back (loaders/neo4j_csv.py): values typed by header and schema,
the export → records round trip, and one precise problem per bad cell."""
from datetime import date
from pathlib import Path

import pytest

from benchmarks.synthetic import generate, source_id, write_export
from graph.errors import ValidationError
from graph.exporters import export
from loaders.bundled import bundled_catalog
from loaders.dispatch import load_path, load_paths
from loaders.neo4j_csv import MAX_PROBLEMS, load_neo4j_csv

GOOD = Path(__file__).resolve().parents[1] / "fixtures" / "neo4j_csv" / "good"
NODES, RELS = (GOOD / "nodes.csv").read_text(encoding="utf-8"), (GOOD / "relationships.csv").read_text(encoding="utf-8")


def _same(a, b) -> None:
    assert a.nodes == b.nodes
    assert a.edges.keys() == b.edges.keys()
    for k, e in a.edges.items():
        assert (e.props, e.sources) == (b.edges[k].props, b.edges[k].sources), k


def test_the_bundled_dataset_comes_back_as_it_was_exported(tmp_path):
    ds = bundled_catalog()
    export(ds, "neo4j", "csv", tmp_path / "export")
    back = load_neo4j_csv(tmp_path / "export")
    _same(ds, back)
    assert back.check() == []
    campaign = back.nodes["campaign:忻州市/2017"].props
    assert campaign["as_of"] == date(2017, 11, 30) and campaign["year"] == 2017 and isinstance(campaign["target_yi"], float)


def test_a_zip_export_reads_as_the_directory_does(tmp_path):
    ds = bundled_catalog()
    export(ds, "neo4j", "csv", tmp_path / "export.zip")
    _same(ds, load_path(tmp_path / "export.zip"))


def test_the_synthetic_files_are_the_generated_set_and_stay_marked(tmp_path):
    summary = write_export(2_000, 7, tmp_path / "syn")
    assert summary.synthetic_sources == [source_id(2_000, 7)]
    assert "synthetic_data:IGNORE" in (tmp_path / "syn" / "nodes.csv").read_text(encoding="utf-8").splitlines()[0]
    back = load_neo4j_csv(tmp_path / "syn")
    _same(generate(2_000, 7), back)
    assert back.nodes[source_id(2_000, 7)].props["synthetic"] is True


def test_values_take_the_header_type_and_the_schema_type():
    ds = load_neo4j_csv(GOOD)
    project = ds.nodes["project:代县光伏项目"].props
    assert project == {"name": "代县光伏项目", "amount_yi": 12.5, "stage": "落地", "signed_on": date(2017, 5, 12),
                       "landed_on": "2017-09"}  # a partial date stays text of its precision
    chamber = ds.nodes["chamber:广东山西商会"]
    assert chamber.label == "Chamber" and chamber.props["aliases"] == ["广东省山西商会", "粤晋商会"]
    assert ds.nodes["company:晋粤投资有限公司"].props["fortune500"] is False
    assert ds.nodes["event:2017-05-12/忻州市"].props["attendance"] == 300
    assert ds.nodes["source:手写样例"].props["synthetic"] is True
    posts = sorted((e.props["title"], e.props["as_of"]) for e in ds.edges.values() if e.type == "HOLDS_POST")
    assert posts == [("会长", date(2017, 5, 1)), ("监事长", date(2017, 6, 1))]  # two facts, told apart by title
    attended = next(e for e in ds.edges.values() if e.type == "ATTENDED")
    assert attended.props == {"count": 12} and (attended.start_label, attended.end_label) == ("Chamber", "Event")
    assert all(e.sources == ("source:手写样例",) for e in ds.edges.values())
    assert ds.check() == []


def _write(tmp_path, nodes=NODES, rels=RELS) -> Path:
    d = tmp_path / "case"
    d.mkdir(exist_ok=True)
    (d / "nodes.csv").write_text(nodes, encoding="utf-8")
    if rels is not None:
        (d / "relationships.csv").write_text(rels, encoding="utf-8")
    return d


def test_an_untyped_column_is_read_by_each_label_s_type_and_a_whole_number_fits_a_float(tmp_path):
    nodes = NODES.replace("amount_yi:double", "amount_yi:long").replace(",12.5,", ",12,") \
                 .replace("year:long", "year").replace("signed_on:date", "signed_on")
    ds = load_neo4j_csv(_write(tmp_path, nodes))
    assert ds.nodes["campaign:忻州市/2017"].props["year"] == 2017
    project = ds.nodes["project:代县光伏项目"].props
    assert project["amount_yi"] == 12.0 and isinstance(project["amount_yi"], float)
    assert project["signed_on"] == date(2017, 5, 12)


def _problem(path):
    with pytest.raises(ValidationError) as info:
        load_path(path)
    return info.value.problems


P = "project:代县光伏项目,Project,代县光伏项目,,,,,12.5,落地,2017-05-12,2017-09,"


@pytest.mark.parametrize("nodes, rels, file, line, field, value, reason", [
    (NODES.replace(",12.5,落地,", ",12.5.1,落地,"), RELS, "nodes.csv", 11, "amount_yi:double", "12.5.1", "不是数 / not a number"),
    (NODES.replace(",落地,", ",落成,"), RELS, "nodes.csv", 11, "stage", "落成", "must be one of 推介"),
    (NODES.replace(",2017-05-12,2017-09,", ",2017-13-12,2017-09,"), RELS, "nodes.csv", 11, "signed_on:date", "2017-13-12",
     "不是日期 / not a date"),
    (NODES.replace(",2017-09,", ",2017-9,"), RELS, "nodes.csv", 11, "landed_on", "2017-9", "not a date like 2018"),
    (NODES.replace(",false,", ",no,"), RELS, "nodes.csv", 10, "fortune500:boolean", "no", "not true or false"),
    (NODES.replace(",300,", ",三百,"), RELS, "nodes.csv", 12, "attendance:long", "三百", "not a whole number"),
    (NODES.replace(",12.5,", ",-1.0,"), RELS, "nodes.csv", 11, "amount_yi:double", "-1.0", "must not be negative"),
    (NODES.replace("person:王德明,Person,王德明,,,,,", "person:王德明,Person,王德明,,,,,3.0"), RELS, "nodes.csv", 9,
     "amount_yi:double", "3.0", "Person has no property 'amount_yi'"),
    (NODES.replace("county:忻州市/代县,County,代县,县,", "county:忻州市/代县,County,代县,,"), RELS, "nodes.csv", 7, "kind", None,
     "County needs 'kind'"),
    (NODES.replace("person:王德明,Person", "people:王德明,Person"), RELS, "nodes.csv", 9, "id:ID", "people:王德明",
     "must begin with 'person:'"),
    (NODES.replace("person:王德明,Person", "person:王德明,Chamber;Person"), RELS, "nodes.csv", 9, ":LABEL", "Chamber;Person",
     "未知标签"),
    (NODES.replace("山西省,,,,,,,,,,,,,,source:手写样例,", "山西省,,,,,,,,,,,,,,,"), RELS, "nodes.csv", 3,
     "sources:string[]", None, "缺少来源 / no sources"),
    (NODES.replace(",忻州市,,,,", ",忻州市,,,", 1), RELS, "nodes.csv", 5, None, None, "17 cells where the header has 18"),
    (NODES.replace("year:long", "year:date"), RELS, "nodes.csv", 1, "year:date", None,
     "the header declares date and the schema types Campaign.year as int"),
    (NODES.replace("level,", "rank,"), RELS, "nodes.csv", 1, "rank", None, "no property of that name in the schema"),
    (NODES.replace("level,", "level:point,"), RELS, "nodes.csv", 1, "level:point", None, "a column type the schema has no use for"),
    (NODES + "person:王德明,Person,王德明,,,,,,,,,,,,,,source:别处,true\n", RELS, "nodes.csv", 14, "id:ID", "person:王德明",
     "the same id as line 9 with different values"),
    (NODES, RELS.replace("city:广州市,province:广东省,PART_OF", "person:王德明,province:广东省,PART_OF"), "relationships.csv",
     4, ":TYPE", "PART_OF", "the schema has no PART_OF from a Person to a Province"),
    (NODES, RELS.replace(",主办,", ",,"), "relationships.csv", 9, "role", None, "ORGANIZED needs 'role'"),
    (NODES, RELS.replace(",主办,", ",主持,"), "relationships.csv", 9, "role", "主持", "must be one of 主办, 承办, 协办"),
    (NODES, RELS.replace(",12,", ",12.5,"), "relationships.csv", 10, "count:long", "12.5", "not a whole number"),
    (NODES, RELS.replace("SIGNED,,,,,", "SIGNED,,,,7,"), "relationships.csv", 14, "count:long", "7",
     "SIGNED has no property 'count'"),
    (NODES, RELS.replace("监事长,2017-06-01", "会长,2017-06-01"), "relationships.csv", 8, ":TYPE", "HOLDS_POST",
     "the same HOLDS_POST from person:王德明 to chamber:广东山西商会 as line 7 with different values"),
    (NODES, ":START_ID,:TYPE,sources:string[]\n", "relationships.csv", 1, None, ":START_ID,:TYPE,sources:string[]",
     "the header has no :END_ID column"),
    (NODES, "", "relationships.csv", 1, None, None, "an empty file"),
    (NODES, 'a,"b\n', "relationships.csv", 1, None, None, "not valid CSV"),
])
def test_each_bad_cell_is_one_problem_naming_file_line_column_value_and_reason(
        tmp_path, nodes, rels, file, line, field, value, reason):
    problems = _problem(_write(tmp_path, nodes, rels))
    assert len(problems) == 1, problems
    p = problems[0]
    assert (p.file, p.where, p.field, p.value) == (str(tmp_path / "case" / file), line, field, value)
    assert reason in p.reason
    assert p.unit == "line"


def test_a_repeated_identical_row_is_the_same_record(tmp_path):
    lines = NODES.splitlines(keepends=True)
    ds = load_neo4j_csv(_write(tmp_path, NODES + lines[5], RELS + RELS.splitlines(keepends=True)[3]))
    _same(load_neo4j_csv(GOOD), ds)


def test_files_that_are_not_an_export(tmp_path):
    (p,) = _problem(_write(tmp_path, rels=None))
    assert p.value == "relationships.csv" and "no relationships.csv" in p.reason
    (tmp_path / "empty").mkdir()
    (p,) = _problem(tmp_path / "empty")
    assert p.file == str(tmp_path / "empty") and "holds no nodes.csv" in p.reason
    (tmp_path / "x.zip").write_bytes(b"PK not a zip")
    (p,) = _problem(tmp_path / "x.zip")
    assert "not a zip archive" in p.reason
    d = _write(tmp_path, NODES)
    (d / "nodes.csv").write_bytes(NODES.encode("gb18030"))
    (p,) = _problem(d)
    assert "not UTF-8" in p.reason and p.file.endswith("nodes.csv")


def test_a_wholly_wrong_file_stops_after_a_few_problems(tmp_path):
    rows = "".join(f"person:某{i},Person,某{i},,,,,,,,,,,,,,,true\n" for i in range(500))  # no sources
    problems = _problem(_write(tmp_path, NODES + rows))
    assert len(problems) == MAX_PROBLEMS + 1 and "stopped reading after" in problems[-1].reason


def test_export_ids_are_reported_as_resolved_to_the_caller(tmp_path):
    resolved: set = set()
    ds = load_paths([GOOD], resolved=resolved)
    assert resolved == set(ds.nodes)
