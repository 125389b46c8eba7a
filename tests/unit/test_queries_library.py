"""The named-query library without a server: headers complete, parameters typed, rules kept."""
import io
import json
import re
import shlex
from datetime import date
from pathlib import Path

import pytest

from graph.errors import ReadOnlyViolation
from queries.library import QUERY_DIR, HeaderError, QueryNotFound, list_queries, load_query, parse_header
from jinshang.output import build_table, write_csv, write_json
from queries.params import ParameterError, infer_value, parse_adhoc, parse_assignment, typed_value
from graph.read_only import check_read_only, operator_names

CJK = re.compile(r"[\u4e00-\u9fff]")
# The questions the issue asks the library to answer, by query name.
REQUIRED = {"events_by_signed_amount", "chamber_profile", "people_posts", "ambassadors", "liaison_offices",
            "county_projects_by_stage", "campaign_vs_targets", "unreached_counties", "co_attendance",
            "warm_path", "chamber_companies_at_events", "conflicting_facts", "source_facts", "fact_provenance"}
FILES = sorted(QUERY_DIR.glob("*.cypher"))


def test_at_least_twenty_queries_cover_the_required_questions():
    names = {q.name for q in list_queries()}
    assert len(FILES) >= 20 and len(names) == len(FILES)
    assert REQUIRED <= names


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_header_is_complete(path: Path):
    """Habit 9: every .cypher file has a complete header, consistent with its body."""
    q = load_query(path.stem)
    text = path.read_text(encoding="utf-8")
    assert q.name == path.stem
    assert CJK.search(q.question_zh), "the Chinese question must be in Chinese"
    assert re.search(r"[A-Za-z]{3,}.*\?", q.question_en) or q.question_en.endswith("."), q.question_en
    assert q.columns and all(re.fullmatch(r"[a-z_][a-z0-9_]*", c) for c in q.columns)
    body = "\n".join(line for line in text.splitlines() if not line.startswith("//"))
    assert body.strip(), "a query body follows the header"
    # every column is a returned alias, every declared parameter is used and every used one declared
    for c in q.columns:
        assert re.search(rf"\bAS {c}\b", body), f"column {c} is not returned"
    used = set(re.findall(r"\$([A-Za-z_]\w*)", body))
    assert used == {p.name for p in q.params}
    for p in q.params:
        assert p.doc, f"${p.name} has no description"
    # the example is a runnable command naming only declared parameters, with every required one
    argv = shlex.split(q.example)
    assert argv[:4] == ["jinshang", "query", "run", q.name]
    given = {parse_assignment(argv[i + 1])[0] for i, a in enumerate(argv) if a == "-p"}
    assert given <= {p.name for p in q.params}
    assert {p.name for p in q.params if p.required} <= given


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_plain_cypher_5(path: Path):
    text = path.read_text(encoding="utf-8").lower()
    assert "apoc." not in text and "gds." not in text
    assert not re.search(r"\b(create|merge|delete|set|remove|load csv)\b",
                         "\n".join(l for l in text.splitlines() if not l.startswith("//")))


def test_queries_package_never_imports_the_driver():
    """STYLE: only graph/ imports neo4j; queries/ reaches the server through graph.read_query."""
    for path in Path(QUERY_DIR).rglob("*.py"):
        assert not re.search(r"^\s*(import neo4j|from neo4j\b)", path.read_text(encoding="utf-8"), re.M), path


def test_header_errors_are_precise():
    with pytest.raises(HeaderError, match="malformed parameter"):
        parse_header("// name: x\n// params:\n//   $year int 2017\nRETURN 1", "x.cypher")
    with pytest.raises(HeaderError, match="unknown type"):
        parse_header("// name: x\n// params:\n//   $year: integer32 — y\nRETURN 1", "x.cypher")
    with pytest.raises(QueryNotFound, match="did you mean: chamber_profile"):
        load_query("chamber_profil")


def test_bind_types_defaults_and_errors():
    q = load_query("events_by_signed_amount")
    assert q.bind({}) == {"year": None, "limit": 20}
    assert q.bind({"year": "2017", "limit": "5"}) == {"year": 2017, "limit": 5}
    assert load_query("event_profile").bind({"date": "2017-05-12"})["date"] == date(2017, 5, 12)
    with pytest.raises(ParameterError, match="unknown parameter.*colour"):
        q.bind({"colour": "red"})
    with pytest.raises(ParameterError, match="missing required parameter.*chamber"):
        load_query("chamber_profile").bind({})
    with pytest.raises(ParameterError, match="'limit'.*not a valid int"):
        q.bind({"limit": "lots"})


@pytest.mark.parametrize("raw, value", [
    ("5", 5), ("-3", -3), ("2.5", 2.5), ("1e3", 1000.0), ("true", True), ("False", False),
    ("2017-05-12", date(2017, 5, 12)), ("null", None), ("代县", "代县"), ("2017-13-45", "2017-13-45"),
    ("x'}) DETACH DELETE n //", "x'}) DETACH DELETE n //"),
])
def test_infer_value(raw, value):
    assert infer_value(raw) == value and type(infer_value(raw)) is type(value)


def test_adhoc_parameters():
    assert parse_adhoc(["n:int=5", "code:string=140923", "d=2017-08-02", "name=a=b"]) == {
        "n": 5, "code": "140923", "d": date(2017, 8, 2), "name": "a=b"}
    for bad, msg in [(["x"], "key=value"), (["1x=2"], "identifier"), (["x:blob=1"], "unknown type"),
                     (["n:int=five"], "not a valid int"), (["a=1", "a=2"], "twice")]:
        with pytest.raises(ParameterError, match=msg):
            parse_adhoc(bad)
    assert typed_value("bool", "是") is True


@pytest.mark.parametrize("query_type", ["w", "rw", "s", None, "dbms"])
def test_only_read_plans_pass(query_type):
    with pytest.raises(ReadOnlyViolation, match="refused"):
        check_read_only(query_type, ["ProduceResults@neo4j"])


def test_load_csv_is_refused_even_when_it_only_reads():
    plan = {"operatorType": "ProduceResults@neo4j", "children": [{"operatorType": "LoadCSV@neo4j", "children": []}]}
    assert operator_names(plan) == ["ProduceResults@neo4j", "LoadCSV@neo4j"]
    with pytest.raises(ReadOnlyViolation, match="LOAD CSV"):
        check_read_only("r", operator_names(plan))
    check_read_only("r", ["ProduceResults@neo4j", "NodeByLabelScan@neo4j"])


def test_writers_stream_rows_once():
    rows = [{"name": "代县", "codes": ["140923"], "on": date(2017, 8, 2), "x": None},
            {"name": "五台县", "codes": [], "on": None, "x": True}]
    out = io.StringIO()
    assert write_csv(["name", "codes", "on", "x"], iter(rows), out) == 2
    assert out.getvalue().splitlines() == ["name,codes,on,x", '代县,"[""140923""]",2017-08-02,', "五台县,[],,true"]
    out = io.StringIO()
    assert write_json(iter(rows), out) == 2
    assert json.loads(out.getvalue())[0] == {"name": "代县", "codes": ["140923"], "on": "2017-08-02", "x": None}
    out = io.StringIO()
    write_json(iter([]), out)
    assert json.loads(out.getvalue()) == []
    # the table keeps `limit` rows and counts the rest; markup in data stays literal
    table, shown, total = build_table(["name"], ({"name": f"[bold]{i}"} for i in range(500)), 200)
    assert (shown, total, table.row_count) == (200, 500, 200)
