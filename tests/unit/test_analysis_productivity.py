"""Productivity rules on a small hand-built graph with known answers, and on seed + demo ledger."""
from __future__ import annotations

from datetime import date

import networkx as nx
import pytest

from queries.facts import from_dataset, project_facts
from queries.productivity import chamber_productivity, event_productivity, event_shares, funnel


def tiny() -> nx.MultiDiGraph:
    """Chambers A and B attend event E (organized by city X, reported 5 projects / 50亿).
    p1 (10亿, 投产, funds 4) is introduced by A and B and signed at E, then again at E2;
    p2 (6亿, 开工, funds 1) is introduced by P, who holds a post in A; p3 (4亿, 落地) is signed
    at E and introduced by nobody."""
    G = nx.MultiDiGraph()
    nodes = [("A", "Chamber"), ("B", "Chamber"), ("P", "Person"), ("C", "Company"), ("X", "City"),
             ("E", "Event"), ("E2", "Event"), ("p1", "Project"), ("p2", "Project"), ("p3", "Project")]
    for n, label in nodes:
        G.add_node(n, label=label, name=f"名{n}")
    G.nodes["E"].update(date=date(2017, 5, 12), signed_count=5, signed_total_yi=50.0)
    G.nodes["E2"].update(date=date(2017, 8, 2))
    G.nodes["p1"].update(amount_yi=10.0, stage="投产", funds_in_place_yi=4.0)
    G.nodes["p2"].update(amount_yi=6.0, stage="开工", funds_in_place_yi=1.0)
    G.nodes["p3"].update(amount_yi=4.0, stage="落地")
    edges = [("P", "A", "HOLDS_POST"), ("C", "A", "MEMBER_OF"), ("X", "E", "ORGANIZED"), ("A", "E", "ATTENDED"),
             ("B", "E", "ATTENDED"), ("A", "p1", "INTRODUCED"), ("B", "p1", "INTRODUCED"), ("P", "p2", "INTRODUCED"),
             ("E", "p1", "SIGNED"), ("E2", "p1", "SIGNED"), ("E", "p3", "SIGNED")]
    for u, v, t in edges:
        G.add_edge(u, v, key=t, type=t)
    return G


def test_first_signing_gets_the_credit():
    facts = project_facts(tiny())
    assert facts["p1"].event == "E" and facts["p3"].event == "E" and facts["p2"].event is None


def test_network_credit_is_shared_and_event_remainder_is_signed_only():
    df = chamber_productivity(tiny(), "network")
    a = df.loc["A"]
    assert a["projects"] == pytest.approx(0.5 + 1 + 1 / 3)
    assert a["signed_yi"] == pytest.approx(5 + 6 + 4 / 3)
    assert a["landed"] == pytest.approx(0.5 + 1 + 1 / 3)  # p1 (投产) half, p2 (开工: stages are ordered, so landed), p3 (落地) a third
    assert a["started"] == pytest.approx(0.5 + 1)
    assert a["funds_yi"] == pytest.approx(2 + 1)
    assert a["event_share_projects"] == pytest.approx(1)    # (5 - 2) reported projects over X, A, B
    assert a["event_share_yi"] == pytest.approx(12)         # (50 - 14)亿 over three
    assert a["network_size"] == 3                           # A, its post-holder P, member company C
    assert list(df.index) == ["A", "B"]                     # ranked by funds in place


def test_chamber_level_credits_own_introductions_only():
    df = chamber_productivity(tiny(), "chamber")
    assert df.loc["A", "projects"] == pytest.approx(0.5 + 1 / 3)
    assert df.loc["A", "signed_yi"] == pytest.approx(5 + 4 / 3)


def test_nothing_is_counted_twice():
    G = tiny()
    net = chamber_productivity(G)
    shares = event_shares(G)
    total = net["projects"].sum() + shares["X"]["projects"]
    assert total == pytest.approx(3)
    assert net["signed_yi"].sum() + shares["X"]["signed_yi"] == pytest.approx(20)
    reported_rest = net["event_share_yi"].sum() + shares["X"]["event_share_yi"]
    assert reported_rest == pytest.approx(50 - 14)


def test_events_and_funnel():
    G = tiny()
    ev = event_productivity(G)
    assert ev.loc["E", "projects"] == 2 and ev.loc["E", "signed_yi"] == 14 and ev.loc["E2", "projects"] == 0
    assert ev.loc["E", "yi_per_chamber"] == pytest.approx(50 / 3)
    f = funnel(G)  # p2 has no event but a stage past 签约, so it counts as signed; no campaign: current stages
    assert (f["signed"], f["signed_yi"], f["landed"], f["started"], f["in_production"], f["funds_yi"]) == (
        3, 20.0, 3, 2, 1, 5.0)


@pytest.fixture(scope="module")
def demo_graph(tmp_path_factory):
    from graph.records import Dataset
    from loaders.bundled import bundled_catalog
    from loaders.demo_ledger import load_demo_ledger

    ds = Dataset()  # bundled_catalog() is cached: never extend it in place
    ds.extend(bundled_catalog())
    ds.extend(load_demo_ledger(tmp_path_factory.mktemp("demo") / "demo.xlsx"))
    return from_dataset(ds)


def test_seed_and_demo_give_the_published_totals(demo_graph):
    f = funnel(demo_graph)
    assert (f["signed"], f["signed_yi"], f["landed"], f["started"], f["funds_yi"]) == (208, 1121.6, 140, 192, 364.0)
    ev = event_productivity(demo_graph)
    assert ev.loc["event:2017-05-12/珠海市", "projects"] == 47
    assert round(ev.loc["event:2017-05-12/珠海市", "signed_yi"], 1) == 307.0
    assert ev.loc["event:2017-04-08/镇江市", "projects"] == 11
    assert round(ev.loc["event:2017-04-08/镇江市", "signed_yi"], 1) == 57.0


def test_seed_only_event_totals_are_shared(demo_graph):
    from loaders.bundled import bundled_catalog

    df = chamber_productivity(from_dataset(bundled_catalog()))
    # 珠海: 47 projects / 307亿 shared by 忻州市 (主办), 珠海山西商会 and 广东山西商会
    assert df.loc["chamber:广东山西商会", "event_share_projects"] == pytest.approx(47 / 3)
    assert df.loc["chamber:广东山西商会", "event_share_yi"] == pytest.approx(307 / 3)
    assert df.loc["chamber:广东山西商会", "signed_yi"] == 0  # nothing project-level: signed only
    # 珠海山西商会 also attended 镇江 (11 / 57亿 over 忻州市, 镇江山西商会 (承办) and the 8 chambers)
    assert df.loc["chamber:珠海山西商会", "event_share_yi"] == pytest.approx(307 / 3 + 57 / 9)
    # once the demo ledger records 珠海's 47 projects, its event remainder is zero
    demo = chamber_productivity(demo_graph)
    assert demo["event_share_yi"].sum() == pytest.approx(0)
