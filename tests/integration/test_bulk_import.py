"""The bulk first load (graph.bulk_import, `jinshang load --bulk`, `jinshang build --bulk`)
against a real local Neo4j of its own: the bulk path stops and restarts its server, so it must
never be the session's shared one.

The promise tested: neo4j-admin gives exactly the graph the writer gives (snapshots equal, at S
synthetic size and for the bundled dataset), it only runs into an empty database unless told
to replace, and it refuses a server named by NEO4J_URI with the two ways forward. And an export
(`jinshang export -f csv`) loaded into an empty database, by --bulk or by the writer, is the
database again; a bad one is refused in one line naming file, line, column and value.
"""
from __future__ import annotations

import os
import socket
from datetime import date

import pytest

from benchmarks.synthetic import generate, source_id
from graph.bulk_import import bulk_load
from graph.connection import open_driver
from graph.local_neo4j import LocalNeo4j
from graph.reader import counts, snapshot
from graph.settings import PROJECT_ROOT, Settings
from graph.writer import Neo4jWriter
from loaders.bundled import bundled_catalog
from tests.conftest import wipe
from tests.integration.conftest import assert_one_line_error

pytestmark = pytest.mark.integration

SHARED_LIB = os.environ.get("JINSHANG_NEO4J_LIB") or str(PROJECT_ROOT / "var" / "neo4j" / "lib")
CATALOG = PROJECT_ROOT / "loaders" / "data" / "xinzhou-2017.yaml"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def bulk_settings(tmp_path_factory) -> Settings:
    return Settings(_env_file=None, NEO4J_URI=None, NEO4J_PASSWORD=None,
                    JINSHANG_VAR=tmp_path_factory.mktemp("bulk-var"), JINSHANG_NEO4J_PORT=_free_port(),
                    JINSHANG_NEO4J_LIB=SHARED_LIB, JINSHANG_NEO4J_HEAP="768m", JINSHANG_NEO4J_PAGECACHE="128m",
                    JINSHANG_OUT=tmp_path_factory.mktemp("bulk-out"))


@pytest.fixture(scope="module")
def server(bulk_settings):
    local = LocalNeo4j(bulk_settings)
    local.start(timeout=300)
    yield local
    local.stop()  # also after a failed test: never leave a JVM behind


@pytest.fixture(scope="module")
def cli_env(bulk_settings, server):
    """Overrides the suite's: the CLI talks to this module's own server (no NEO4J_URI)."""
    return {"NEO4J_URI": "", "NEO4J_PASSWORD": "", "JINSHANG_VAR": str(bulk_settings.var_dir),
            "JINSHANG_NEO4J_PORT": str(bulk_settings.local_port), "JINSHANG_NEO4J_LIB": SHARED_LIB,
            "JINSHANG_NEO4J_HEAP": bulk_settings.local_heap,
            "JINSHANG_NEO4J_PAGECACHE": bulk_settings.local_pagecache, "JINSHANG_OUT": str(bulk_settings.out_dir)}


def _snapshot(settings):
    with open_driver(settings, start_local=False) as driver:
        return snapshot(driver)


def _write_with_writer(settings, ds) -> list:
    with open_driver(settings, start_local=False) as driver:
        wipe(driver)
        Neo4jWriter(driver).write(ds)
        return snapshot(driver)


def test_build_bulk_on_an_empty_store(cli, bulk_settings, server):
    # First in this module: the store is the brand-new one the server made.
    assert _snapshot(bulk_settings) == [[], []]
    code, out, err = cli("build", "--bulk")
    assert code == 0, err
    out = " ".join(out.split())  # the console wraps long lines
    assert "imported by neo4j-admin (--bulk)" in out
    assert "neo4j-admin import: 96 nodes, 173 relationships" in out
    with open_driver(bulk_settings, start_local=False) as driver:
        got = counts(driver)
        names = {r["name"] for r in driver.execute_query("SHOW CONSTRAINTS YIELD name").records}
    expected = bundled_catalog().counts()
    # the rest of the build (the synthetic demo ledger) then adds through the writer
    assert all(got["nodes"][label] >= n for label, n in expected["nodes"].items())
    assert {"chamber_id", "organization_id", "project_id"} <= names


def test_bulk_equals_the_writer_for_the_bundled_dataset(bulk_settings, server):
    ds = bundled_catalog()
    by_writer = _write_with_writer(bulk_settings, ds)
    summary = bulk_load(ds, bulk_settings, replace=True, notify=lambda line: None)
    assert (summary.nodes, summary.relationships) == (96, 173)
    by_bulk = _snapshot(bulk_settings)
    assert by_bulk == by_writer
    nodes = {n[0]: (n[1], dict(n[2])) for n in by_bulk[0]}
    # the stacked labels of the schema's `also`, and typed values (a date, lists)
    assert all(labels == ["Chamber", "Organization"] for i, (labels, _) in nodes.items() if i.startswith("chamber:"))
    campaign = nodes["campaign:忻州市/2017"][1]
    assert campaign["as_of"] == repr(_neo4j_date(2017, 11, 30)) and campaign["year"] == "2017"


def _neo4j_date(y, m, d):
    from neo4j.time import Date

    return Date(y, m, d)


def test_bulk_equals_the_writer_at_S(bulk_settings, server):
    ds = generate("S", seed=7)
    by_writer = _write_with_writer(bulk_settings, ds)
    summary = bulk_load(ds, bulk_settings, replace=True, notify=lambda line: None)
    assert (summary.nodes, summary.relationships) == (len(ds.nodes), len(ds.edges))
    by_bulk = _snapshot(bulk_settings)
    assert len(by_bulk[0]) == 10_000 and len(by_bulk[1]) == len(ds.edges)
    assert by_bulk == by_writer
    # synthetic marking and provenance kept
    source = {n[0]: dict(n[2]) for n in by_bulk[0]}[source_id("S", 7)]
    assert source["synthetic"] == "True" and source["kind"] == "'generated'"
    assert all(dict(n[2])["sources"] == repr([source_id("S", 7)]) for n in by_bulk[0])
    project = next(dict(n[2]) for n in by_bulk[0] if n[0].startswith("project:"))
    assert project["signed_on"].startswith("neo4j.time.Date(") and project["new_industry"] in ("True", "False")


def test_load_bulk_refuses_a_database_that_is_not_empty(cli, bulk_settings, server):
    before = _snapshot(bulk_settings)
    assert before[0], "the earlier tests leave data in"
    code, out, err = cli("load", "--bulk", CATALOG)
    assert code == 1
    assert_one_line_error(err, "不是空的", "not empty", "--replace", "without --bulk")
    assert err.index("不是空的") < err.index("not empty")  # Chinese first
    assert _snapshot(bulk_settings) == before


def test_load_bulk_replace_replaces(cli, bulk_settings, server):
    code, out, err = cli("load", "--bulk", "--replace", CATALOG)
    assert code == 0, err
    out = " ".join(out.split())
    assert "96 nodes, 173 relationships" in out
    with open_driver(bulk_settings, start_local=False) as driver:
        got = counts(driver)
    assert got["nodes"] == {k: v for k, v in _stacked(bundled_catalog().counts()["nodes"]).items()}


def _stacked(by_label: dict) -> dict:
    out = dict(by_label)
    out["Organization"] = out.get("Organization", 0) + out.get("Chamber", 0)  # Chamber is also Organization
    return out


def test_load_bulk_refuses_a_server_named_by_neo4j_uri(cli, bulk_settings, server, tmp_path):
    before = _snapshot(bulk_settings)
    secret = "bulk-Secret-9x"
    code, out, err = cli("load", "--bulk", CATALOG, env={
        "NEO4J_URI": "neo4j://graph.example.org:7687", "NEO4J_USER": "ops", "NEO4J_PASSWORD": secret,
        "JINSHANG_OUT": str(tmp_path)})
    assert code == 1
    assert_one_line_error(err, "NEO4J_URI=neo4j://graph.example.org:7687", "另一台服务器", "without --bulk",
                          "neo4j-admin database import full", "--nodes=Chamber:Organization=nodes-Chamber.csv",
                          str(tmp_path / "bulk-import"))
    assert secret not in out + err
    assert (tmp_path / "bulk-import" / "nodes-Chamber.csv").is_file()  # what the printed command imports
    assert _snapshot(bulk_settings) == before


def test_bulk_options_go_together(cli):
    code, _out, err = cli("load", "--replace", CATALOG)
    assert code == 2 and "--replace goes with --bulk" in err


# ---- export → load: a neo4j-admin CSV directory (loaders/neo4j_csv.py) back into a database -----

EXPORTS = PROJECT_ROOT / "tests" / "fixtures" / "neo4j_csv"
LEDGER = PROJECT_ROOT / "tests" / "fixtures" / "ledgers" / "good.csv"


def _wiped(settings) -> None:
    with open_driver(settings, start_local=False) as driver:
        wipe(driver)
        assert snapshot(driver) == [[], []]


def _unordered(snap):
    """A snapshot with list values compared as sorted lists: the export writes lists sorted
    (graph/exporters/stream.py), the writer keeps `sources` in the order they arrived."""
    def fix(props):
        return [(k, repr(sorted(eval(v))) if v.startswith("[") else v) for k, v in props]  # reprs of str lists
    nodes, rels = snap
    return [sorted((i, labels, fix(p)) for i, labels, p in nodes), sorted((a, t, b, fix(p)) for a, t, b, p in rels)]


@pytest.fixture(scope="module")
def exported_S(bulk_settings, server, tmp_path_factory):
    """The S set loaded, then exported as `jinshang export -f csv` does: (directory, snapshot)."""
    from graph.exporters import export

    bulk_load(generate("S", seed=7), bulk_settings, replace=True, notify=lambda line: None)
    target = tmp_path_factory.mktemp("export") / "S"
    with open_driver(bulk_settings, start_local=False) as driver:
        summary = export(driver, bulk_settings.neo4j_database, "csv", target)
        before = snapshot(driver)
    assert (summary.nodes, summary.relationships) == (len(before[0]), len(before[1]))
    assert summary.synthetic_sources == [source_id("S", 7)]
    return target, before


def test_an_export_loaded_with_bulk_into_an_empty_database_is_the_database_again(cli, bulk_settings, exported_S):
    directory, before = exported_S
    _wiped(bulk_settings)
    code, out, err = cli("load", "--bulk", directory)
    assert code == 0, err
    out = " ".join(out.split())
    assert f"neo4j-admin import: 10000 nodes, {len(before[1])} relationships" in out
    assert _snapshot(bulk_settings) == before  # list order included: one source each
    source = {n[0]: dict(n[2]) for n in before[0]}[source_id("S", 7)]
    assert source["synthetic"] == "True"


def test_an_export_loaded_by_the_writer_is_the_same_graph(cli, bulk_settings, exported_S):
    directory, before = exported_S
    _wiped(bulk_settings)
    code, out, err = cli("load", directory)
    assert code == 0, err
    assert "10000 nodes and" in " ".join(out.split())
    assert _snapshot(bulk_settings) == before


def test_real_data_round_trips_through_export_and_load_bulk(cli, bulk_settings, server, tmp_path):
    """The bundled dataset and a synthetic ledger, written by the writer (several sources per node,
    aliases, dates, partial dates, reported values), exported and restored by --bulk."""
    _wiped(bulk_settings)
    code, _, err = cli("load", CATALOG)
    assert code == 0, err
    code, _, err = cli("load", "--synthetic", "--source-name", "演示台账", LEDGER)
    assert code == 0, err
    before = _snapshot(bulk_settings)
    assert not [n for n in before[0] if "Judgement" in n[1]], "the export carries no judgements: none may be here"
    code, out, err = cli("export", "-f", "csv", "-o", tmp_path / "export")
    assert code == 0, err
    assert "SYNTHETIC data from source:演示台账" in " ".join(out.split())
    _wiped(bulk_settings)
    code, out, err = cli("load", "--bulk", tmp_path / "export")
    assert code == 0, err
    after = _snapshot(bulk_settings)
    assert _unordered(after) == _unordered(before)
    assert {n[0]: dict(n[2]) for n in after[0]}["source:演示台账"]["synthetic"] == "True"


@pytest.mark.parametrize("case, file, line, field, value, chinese, english", [
    ("unknown_label", "nodes.csv", 9, ":LABEL", "Merchant", "未知标签", "labels the schema does not have"),
    ("bad_value", "nodes.csv", 11, "amount_yi:double", "十二点五", "不是数", "not a number"),
    ("missing_node", "relationships.csv", 6, ":END_ID", "city:太原市", "没有此 id 的节点", "no node with this id"),
    ("duplicate_id", "nodes.csv", 14, "id:ID", "person:王德明", "id 重复且值不同", "the same id as line 9"),
    ("unknown_type", "relationships.csv", 15, ":TYPE", "BUILT_IN", "未知关系类型", "a relationship type the schema does not have"),
    ("not_admin", "nodes.csv", 1, None, "项目名称", "不是 neo4j-admin CSV", "the header has no id:ID and no :LABEL column"),
])
@pytest.mark.parametrize("bulk", [True, False], ids=["bulk", "writer"])
def test_a_bad_export_is_refused_in_one_line_and_nothing_is_written(cli, bulk_settings, server, bulk, case, file,
                                                                    line, field, value, chinese, english):
    before = _snapshot(bulk_settings)
    code, out, err = cli("load", *(["--bulk", "--replace"] if bulk else []), EXPORTS / case)
    assert code == 1
    parts = [str(EXPORTS / case / file), f"line {line}", value, chinese, english] + ([f"field '{field}'"] if field else [])
    assert_one_line_error(err, *parts)
    text = " ".join(err.split())
    assert text.index(chinese) < text.index(english)  # Chinese first
    assert _snapshot(bulk_settings) == before


def test_the_good_fixture_loads_with_bulk(cli, bulk_settings, server):
    code, out, err = cli("load", "--bulk", "--replace", EXPORTS / "good")
    assert code == 0, err
    with open_driver(bulk_settings, start_local=False) as driver:
        got = counts(driver)
        row = driver.execute_query("MATCH (p:Project) RETURN p.amount_yi AS a, p.signed_on AS d, p.landed_on AS l").records[0]
    assert got["nodes"]["Organization"] == 1 and sum(got["relationships"].values()) == 15
    assert (row["a"], row["d"].to_native(), row["l"]) == (12.5, date(2017, 5, 12), "2017-09")


LOOKALIKE = """\
sources:
  - {name: 测试-镇江晋商会, title: 测试来源（合成）, publisher: 测试, date: 2024-01-01, synthetic: true}
source: 测试-镇江晋商会
Chamber:
  - {name: 镇江晋商会, based_in: 镇江市, level: city}
"""


def test_bulk_resolves_the_load_s_records_as_the_writer_s_load_does(cli, bulk_settings, server, tmp_path):
    """Two sources naming one chamber two ways (镇江山西商会 in the bundled catalog, 镇江晋商会 here):
    --bulk merges them by the same rule as a written load, and records the rule's judgement."""
    path = tmp_path / "zj.yaml"
    path.write_text(LOOKALIKE, encoding="utf-8")
    _wiped(bulk_settings)
    code, out, err = cli("load", CATALOG, path)
    assert code == 0, err
    by_writer = _snapshot(bulk_settings)
    code, out, err = cli("load", "--bulk", "--replace", CATALOG, path)
    assert code == 0, err
    assert "chamber:镇江晋商会" in out  # the merge is shown
    by_bulk = _snapshot(bulk_settings)

    def graph(snap):
        return [[n for n in snap[0] if "Judgement" not in n[1]], snap[1]]

    assert graph(by_bulk) == graph(by_writer)
    chamber = {n[0]: dict(n[2]) for n in by_bulk[0]}["chamber:镇江山西商会"]
    assert chamber["merged_ids"] == repr(["chamber:镇江晋商会"])
    judgements = [dict(n[2]) for n in by_bulk[0] if "Judgement" in n[1]]
    assert [(j["by"], j["verdict"]) for j in judgements] == [("'auto'", "'same'")]
