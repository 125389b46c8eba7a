"""Seed + demo ledger written to the real Neo4j, projected back, analysed: the published totals
come back, and the report and the CLI say the data is synthetic."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import networkx as nx
import pytest

from graph.edge_arrays import edge_arrays_of
from graph.projection import ProjectedGraph, project, read_projection
from graph.writer import Neo4jWriter
from loaders.demo_ledger import SOURCE_NAME, load_demo_ledger
from loaders.bundled import bundled_gazetteer

pytestmark = pytest.mark.integration
CLI = [sys.executable, "-c", "from jinshang.cli import main; main()"]


@pytest.fixture(scope="module")
def demo_ds(tmp_path_factory):
    return load_demo_ledger(tmp_path_factory.mktemp("demo") / "demo.xlsx")


@pytest.fixture
def loaded(seeded, neo4j_server, demo_ds):
    Neo4jWriter(seeded, neo4j_server.neo4j_database).write(demo_ds, bundled_gazetteer().known_ids())
    return seeded


@pytest.fixture
def graph(loaded, neo4j_server):
    return project(loaded, neo4j_server.neo4j_database)


def test_projection_gives_the_published_totals(graph):
    from queries.productivity import event_productivity, funnel

    assert graph.graph["synthetic_sources"] == [f"source:{SOURCE_NAME}"]
    f = funnel(graph)
    assert (f["signed"], f["signed_yi"], f["landed"], f["started"], f["funds_yi"]) == (208, 1121.6, 140, 192, 364.0)
    ev = event_productivity(graph)
    zh = ev.loc["event:2017-05-12/珠海市"]
    assert (zh["projects"], round(zh["signed_yi"], 1), zh["reported_count"], zh["reported_yi"]) == (47, 307.0, 47, 307)
    assert ev.loc["event:2017-04-08/镇江市", "projects"] == 11
    # the five Beijing projects merged with the seed's nodes (both sources), so they are not synthetic-only
    p = graph.nodes["project:代县峪河源生态漂流旅游项目"]
    assert set(p["sources"]) == {"source:忻州日报-2018-01-11", f"source:{SOURCE_NAME}"} and not p["synthetic"]
    assert p["stage"] == "签约"
    demo_only = [n for n, d in graph.nodes(data=True)
                 if d["label"] == "Project" and d.get("sources") == [f"source:{SOURCE_NAME}"]]
    assert len(demo_only) == 208 + 60 - 5 and all(graph.nodes[n]["synthetic"] for n in demo_only)


def test_projection_in_small_chunks_reads_the_same_graph(graph, loaded, neo4j_server):
    read = read_projection(loaded, neo4j_server.neo4j_database, chunk=7)  # many Bolt records, some partial
    small = read.graph
    assert list(small.nodes(data=True)) == list(graph.nodes(data=True))
    assert sorted(small.edges(keys=True, data=True), key=repr) == sorted(graph.edges(keys=True, data=True), key=repr)
    assert small.number_of_edges() == graph.number_of_edges() > 900
    for g in (small, graph):
        assert sum(len(nbrs) for nbrs in g.pred.values()) == sum(len(nbrs) for nbrs in g.succ.values())
        h = nx.MultiDiGraph(**g.graph)  # the same graph built through NetworkX's own add_* calls
        h.add_nodes_from(g.nodes(data=True))
        h.add_edges_from(g.edges(keys=True, data=True))
        assert nx.utils.graphs_equal(g, h)
    # the edge arrays made while reading are those a walk of the graph gives
    for P in (read, read_projection(loaded, neo4j_server.neo4j_database)):
        g = P.graph
        assert P.has_arrays
        held, walked = P.arrays, edge_arrays_of(g)
        assert held.ids == walked.ids == list(g) and held.pos == walked.pos
        assert held.src.tolist() == walked.src.tolist() and held.dst.tolist() == walked.dst.tolist()
        assert [held.types[c] for c in held.code] == [walked.types[c] for c in walked.code]
    # a changed graph: a new ProjectedGraph walks it again
    small.add_edge("chamber:广东山西商会", "county:忻州市/代县", key="X", type="X")
    again = ProjectedGraph(small)
    assert not again.has_arrays and len(again.arrays.src) == graph.number_of_edges() + 1
    # events filtered out after reading: the arrays made while reading no longer fit, so none are kept
    assert not read_projection(loaded, neo4j_server.neo4j_database, years=(1900, 1900)).has_arrays


def test_analyses_on_the_projection(graph):
    from queries.communities import detect_communities
    from queries.coverage import county_coverage
    from queries.productivity import chamber_productivity

    df = chamber_productivity(graph)
    assert df["synthetic"].all() and df.iloc[0]["funds_yi"] > 0
    shares = round(df["signed_yi"].sum(), 1)
    assert 0 < shares <= 1121.6 + 300  # 2017's signings and the demo ledger's 2016 ones (300亿元)
    parts = detect_communities(graph)
    assert parts == detect_communities(graph) and parts["chamber:广东山西商会"] >= 0
    assert len(county_coverage(graph)) == 16


def test_report_file(graph, tmp_path):
    from jinshang.report import write_report

    html = write_report(graph, tmp_path, uri="bolt://test").read_text(encoding="utf-8")
    assert 'id="synthetic-banner"' in html and "商会网络" in html and "广东山西商会" in html
    assert not re.search(r"https?://", html)


def _cli_env(settings) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    if settings.neo4j_uri:
        env.update(NEO4J_URI=settings.neo4j_uri, NEO4J_USER=settings.neo4j_user,
                   NEO4J_PASSWORD=settings.neo4j_password.get_secret_value() if settings.neo4j_password else "")
    else:
        from graph.connection import resolve_target

        uri, user, password, _ = resolve_target(settings)
        env.update(NEO4J_URI=uri, NEO4J_USER=user, NEO4J_PASSWORD=password)
    env.update(JINSHANG_VAR=str(settings.var_dir), JINSHANG_OUT=str(settings.out_dir))
    return env


def test_cli_outreach_json_and_backtest(loaded, neo4j_server):
    env = _cli_env(neo4j_server)
    out = subprocess.run([*CLI, "outreach", "--county", "代县", "--industry", "文化旅游", "--top", "3",
                          "--format", "json"], env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    tapped = [r for r in rows if not r["untapped"]]
    assert len(tapped) == 3 and all(r["synthetic_data"] for r in rows)
    assert set(tapped[0]["factors"]) >= {"region", "industry", "hometown", "warm_path", "link", "recency"}
    assert tapped[0]["paths"] and all(isinstance(p, str) for p in tapped[0]["paths"])
    table = subprocess.run([*CLI, "outreach", "--county", "代县", "--top", "3"], env={**env, "COLUMNS": "200"},
                           capture_output=True, text=True)
    assert table.returncode == 0, table.stderr
    assert "SYNTHETIC" in table.stdout and "Untapped" in table.stdout and "warm_path" in table.stdout
    assert tapped[0]["name"] in table.stdout
    bt = subprocess.run([*CLI, "outreach", "--backtest"], env=env, capture_output=True, text=True)
    assert bt.returncode == 0, bt.stderr
    assert re.search(r"top 5 for \d+ of 245 hidden introductions = \d+\.\d%", bt.stdout) and "SYNTHETIC" in bt.stdout


def test_cli_unknown_county_is_one_line(seeded, neo4j_server):
    out = subprocess.run([*CLI, "outreach", "--county", "代州"], env=_cli_env(neo4j_server),
                         capture_output=True, text=True)
    assert out.returncode == 1
    assert "代县" in out.stderr and "Traceback" not in out.stderr


def test_cli_analyze_writes_the_report(loaded, neo4j_server, tmp_path):
    out = subprocess.run([*CLI, "analyze", "--out", str(tmp_path)], env=_cli_env(neo4j_server),
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "synthetic-banner" in html and "SYNTHETIC" in out.stdout
