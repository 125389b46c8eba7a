"""`jinshang export` against the real Neo4j: GraphML/GEXF read back with NetworkX, CSV in
neo4j-admin shape, synthetic data marked, the CLI and the `jinshang build` step.

The database is seeded once for the module (bundled dataset + a ledger loaded as synthetic);
every test here only reads it.
"""
import csv
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph

from graph.exporters import export
from graph.reader import counts, snapshot
from graph.settings import PROJECT_ROOT
from graph.writer import Neo4jWriter
from loaders.bundled import bundled_catalog
from loaders.bundled import bundled_gazetteer
from loaders.ledger import load_ledger

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CLI = [sys.executable, "-c", "from jinshang.cli import main; main()"]
SYN = "source:演示台账"


@pytest.fixture(scope="module")
def graph_db(driver, neo4j_server):
    db = neo4j_server.neo4j_database
    with driver.session(database=db) as s:
        s.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
    writer = Neo4jWriter(driver, db)
    writer.write(bundled_catalog())
    writer.write(load_ledger(FIXTURES / "ledgers" / "good.csv", synthetic=True, source_name="演示台账"),
                 bundled_gazetteer().known_ids())
    with driver.session(database=db) as s:
        total = s.run("MATCH (n) RETURN count(n) AS n").single()["n"]
    return driver, db, total, counts(driver, db)


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_gephi_formats_from_neo4j_read_back_with_networkx(graph_db, tmp_path, fmt, reader):
    driver, db, total, c = graph_db
    summary = export(driver, db, fmt, tmp_path / f"g.{fmt}")
    G = reader(summary.path)
    assert G.number_of_nodes() == summary.nodes == total
    assert G.number_of_edges() == summary.relationships == sum(c["relationships"].values())
    by_label = {}
    for _, d in G.nodes(data=True):
        by_label[d["schema_label"]] = by_label.get(d["schema_label"], 0) + 1
    assert by_label["County"] == c["nodes"]["County"] and by_label["Project"] == c["nodes"]["Project"]
    county = G.nodes["county:忻州市/代县"]
    assert (county["label"], county["name_en"], county["admin_code"], county["kind"]) == ("代县", "Dai County", "140923", "县")
    event = G.nodes["event:2017-05-12/珠海市"]
    assert (event["date"], event["signed_count"], event["signed_total_yi"]) == ("2017-05-12", 47, 307.0)
    hot_spring = G.nodes["project:测试温泉小镇项目"]
    assert hot_spring["amount_yi"] == 12.5 and hot_spring["new_industry"] is True
    assert hot_spring["synthetic"] is True and event["synthetic"] is False
    types = {d["type"] for _, _, d in G.edges(data=True)}
    assert types == set(c["relationships"])


def test_graphml_and_gexf_say_they_hold_synthetic_data(graph_db, tmp_path):
    driver, db, *_ = graph_db
    G = nx.read_graphml(export(driver, db, "graphml", tmp_path / "g.graphml").path)
    assert G.graph["synthetic_data"] is True and G.graph["synthetic_sources"] == SYN
    text = export(driver, db, "gexf", tmp_path / "g.gexf").path.read_text(encoding="utf-8")
    assert f"CONTAINS SYNTHETIC (generated) DATA from: {SYN}" in text


def test_csv_from_neo4j_in_neo4j_admin_shape(graph_db, tmp_path):
    driver, db, total, c = graph_db
    export(driver, db, "csv", tmp_path / "csv")
    nodes = list(csv.DictReader(open(tmp_path / "csv" / "nodes.csv", encoding="utf-8", newline="")))
    rels = list(csv.DictReader(open(tmp_path / "csv" / "relationships.csv", encoding="utf-8", newline="")))
    assert len(nodes) == total and len(rels) == sum(c["relationships"].values())
    labels = {}
    for r in nodes:
        for label in r[":LABEL"].split(";"):
            labels[label] = labels.get(label, 0) + 1
    assert labels == c["nodes"]  # stacked labels included, as neo4j-admin would create them
    row = next(r for r in nodes if r["id:ID"] == "project:测试温泉小镇项目")
    assert (row["amount_yi:double"], row["signed_on:date"], row["synthetic_data:IGNORE"]) == ("12.5", "2017-05-12", "true")
    types = {}
    for r in rels:
        types[r[":TYPE"]] = types.get(r[":TYPE"], 0) + 1
    assert types == c["relationships"]


def _cli_env(settings) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    if settings.uses_local_server:
        env.update(JINSHANG_VAR=str(settings.var_dir), JINSHANG_NEO4J_PORT=str(settings.local_port))
        if settings.local_lib:
            env["JINSHANG_NEO4J_LIB"] = str(settings.local_lib)
    else:
        env.update(NEO4J_URI=settings.neo4j_uri, NEO4J_USER=settings.neo4j_user,
                   NEO4J_PASSWORD=settings.neo4j_password.get_secret_value() if settings.neo4j_password else "")
    env["PYTHONPATH"] = str(PROJECT_ROOT)
    return env


def test_cli_exports_and_refuses_a_non_conforming_file(graph_db, neo4j_server, tmp_path):
    driver, db, total, _ = graph_db
    env = _cli_env(neo4j_server)
    out = subprocess.run([*CLI, "export", "-f", "nt", "-o", str(tmp_path / "g.nt")], env=env, cwd=tmp_path,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert f"{total} nodes" in out.stdout and "SYNTHETIC" in out.stdout
    assert len(Graph().parse(tmp_path / "g.nt", format="nt")) > 1500
    before = snapshot(driver, db)
    bad = subprocess.run([*CLI, "load", str(FIXTURES / "rdf" / "bad.ttl")], env=env, cwd=tmp_path,
                         capture_output=True, text=True)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert "5 problem(s); nothing was written" in bad.stderr
    assert "field 'kind'" in bad.stderr and "must be one of 区, 市, 县, 开发区, 风景区" in bad.stderr
    assert snapshot(driver, db) == before


def test_build_step_writes_graph_ttl(graph_db, neo4j_server, tmp_path):
    from jinshang.build import STEPS, BuildResult
    from graph.exporters import write_graph_ttl

    driver, db, total, _ = graph_db
    assert "graph.exporters:write_graph_ttl" in STEPS
    settings = neo4j_server.model_copy(update={"out_dir": tmp_path})
    result = BuildResult(uri="bolt://test")
    write_graph_ttl(driver, settings, result)
    assert (tmp_path / "graph.ttl").is_file()
    assert f"({total} nodes" in result.lines[-1] and "SYNTHETIC" in result.lines[-1]
    assert len(Graph().parse(tmp_path / "graph.ttl", format="turtle")) > 1500
