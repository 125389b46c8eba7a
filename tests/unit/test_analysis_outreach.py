"""Outreach scoring on a hand-built graph with a known best candidate, evidence paths in words,
resolution errors, the back-test, and determinism on the seed + demo ledger."""
from __future__ import annotations

from datetime import date

import networkx as nx
import pytest

from graph.errors import ResolutionError
from queries.outreach import WEIGHTS, backtest, recommend
from queries.summary import offline_graph


def tiny() -> nx.MultiDiGraph:
    """Chamber A introduced two projects in 甲县 (文化旅游); chamber B met 甲县 at an event and
    has nothing signed; ambassador L is native of 甲县 and holds a post in B."""
    G = nx.MultiDiGraph()
    nodes = [("county:市/甲县", "County", "甲县"), ("county:市/乙县", "County", "乙县"), ("city:市", "City", "市"),
             ("chamber:A", "Chamber", "A商会"), ("chamber:B", "Chamber", "B商会"), ("person:L", "Person", "李"),
             ("event:E", "Event", "恳谈会"), ("industry:文化旅游", "Industry", "文化旅游"),
             ("project:1", "Project", "一号"), ("project:2", "Project", "二号"), ("project:3", "Project", "三号")]
    for n, label, name in nodes:
        G.add_node(n, label=label, name=name)
    G.nodes["event:E"]["date"] = date(2017, 5, 12)
    for p in ("project:1", "project:2", "project:3"):
        G.nodes[p].update(amount_yi=1.0, stage="签约", signed_on=date(2017, 6, 1))
    edges = [("chamber:A", "project:1", "INTRODUCED", {}), ("chamber:A", "project:2", "INTRODUCED", {}),
             ("chamber:A", "project:3", "INTRODUCED", {}),
             ("project:1", "county:市/甲县", "LOCATED_IN", {}), ("project:2", "county:市/甲县", "LOCATED_IN", {}),
             ("project:3", "county:市/甲县", "LOCATED_IN", {}),
             ("project:1", "industry:文化旅游", "IN_INDUSTRY", {}), ("project:3", "industry:文化旅游", "IN_INDUSTRY", {}),
             ("chamber:B", "event:E", "ATTENDED", {}), ("county:市/甲县", "event:E", "ATTENDED", {}),
             ("person:L", "county:市/甲县", "NATIVE_OF", {}), ("person:L", "chamber:B", "HOLDS_POST", {"title": "副会长"}),
             ("person:L", "city:市", "AMBASSADOR_OF", {}), ("county:市/甲县", "city:市", "PART_OF", {})]
    for u, v, t, props in edges:
        G.add_edge(u, v, key=t, type=t, **props)
    return G


def test_best_candidate_and_factors():
    r = recommend(tiny(), county="甲县", industry="文化旅游")
    assert r.target.county == "county:市/甲县" and r.target.industry == "industry:文化旅游"
    best = r.candidates[0]
    assert best.id == "chamber:A" and best.projects == 3
    assert set(best.factors) == set(WEIGHTS)
    assert best.factors["region"] == 1.0 and best.factors["industry"] == 1.0
    assert best.score == pytest.approx(sum(WEIGHTS[f] * v for f, v in best.factors.items()))
    assert "A商会 — introduced 一号 — located in 甲县" in best.paths


def test_untapped_are_listed_apart_with_their_reasons():
    r = recommend(tiny(), county="甲县")
    untapped = {c.id: c for c in r.untapped}
    assert set(untapped) == {"person:L", "chamber:B"}
    l = untapped["person:L"]
    assert l.factors["hometown"] == 1.0 and l.factors["warm_path"] == 1.0
    assert "李 — native of 甲县" in l.paths
    b = untapped["chamber:B"]
    assert b.factors["hometown"] == pytest.approx(0.8) and b.factors["warm_path"] == pytest.approx(0.5)
    assert "B商会 — attended the 2017-05-12 event — attended by 甲县" in b.paths[0].replace("  ", " ")


def test_project_target_leaves_out_its_introducers():
    r = recommend(tiny(), project="二号")
    assert r.target.county == "county:市/甲县"
    assert "chamber:A" not in {c.id for c in r.candidates + r.untapped}


def test_unknown_names_resolve_with_suggestions():
    with pytest.raises(ResolutionError) as exc:
        recommend(tiny(), county="甲")
    assert "甲县" in exc.value.suggestions
    with pytest.raises(ResolutionError) as exc:
        recommend(offline_graph(with_demo=False), industry="文化旅")
    assert "文化旅游" in exc.value.suggestions
    # aliases from the bundled table resolve: 文旅 is 文化旅游
    assert recommend(offline_graph(with_demo=False), industry="文旅").target.industry == "industry:文化旅游"


def test_backtest_known_answer():
    r = backtest(tiny(), top=1)
    assert (r["projects"], r["hits"], r["rate"]) == (3, 3, 1.0)


@pytest.fixture(scope="module")
def demo():
    return offline_graph()


def test_demo_ranking_is_deterministic_and_explained(demo):
    a = recommend(demo, county="代县", industry="文化旅游", top=5)
    b = recommend(demo, county="代县", industry="文化旅游", top=5)
    assert [c.as_dict() for c in a.candidates] == [c.as_dict() for c in b.candidates]
    assert a.synthetic and len(a.candidates) == 5
    assert all(c.paths for c in a.candidates)
    assert any("代县" in p for c in a.candidates for p in c.paths)


def test_demo_backtest(demo):
    r = backtest(demo)
    assert r["projects"] == 245  # the ledger's projects with an introducer (all have a county)
    assert 0.5 < r["rate"] <= 1 and r["synthetic"]
    assert r == backtest(demo)


def test_evidence_paths_are_the_ones_networkx_finds():
    """Outreach holds the hub-free graph as arrays and runs NetworkX's bidirectional search over
    them: the same neighbours in the same order, the same path among equally short ones, and
    none longer than the hop limit."""
    import random

    from queries.evidence import shortest_path
    from queries.outreach_index import _without_hubs

    for seed in range(40):
        rnd = random.Random(seed)
        M = nx.MultiDiGraph(nx.gnm_random_graph(50, rnd.randint(40, 120), seed=seed).edges())
        M.add_edges_from([(v, u) for u, v in list(M.edges())[::3]])  # some pairs both ways
        R = nx.Graph(M.edges())  # what the arrays stand for
        U, _ = _without_hubs(M)
        assert all(U[n] == list(R.adj[n]) and U.degree(n) == R.degree(n) for n in R)
        for _ in range(15):
            s, t = rnd.choice(list(R)), rnd.choice(list(R))
            try:
                ref = nx.shortest_path(R, s, t)
            except nx.NetworkXNoPath:
                ref = None
            for hops in (None, 2, 4):
                want = ref if ref is not None and (hops is None or len(ref) - 1 <= hops) else None
                assert shortest_path(U, s, t, hops) == want
