"""Coverage gaps on a hand-built graph, and on the seed alone (where no project has an introducer)."""
from __future__ import annotations

import networkx as nx

from queries.coverage import county_coverage, industry_coverage
from queries.summary import offline_graph


def tiny() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for n, label in [("k1", "County"), ("k2", "County"), ("k3", "County"), ("A", "Chamber"), ("B", "Chamber"),
                     ("P", "Person"), ("E", "Event"), ("p", "Project"), ("i1", "Industry"), ("i2", "Industry")]:
        G.add_node(n, label=label, name=n)
    for u, v, t in [("A", "p", "INTRODUCED"), ("p", "k1", "LOCATED_IN"), ("p", "i1", "IN_INDUSTRY"),
                    ("P", "k1", "NATIVE_OF"), ("k1", "E", "ATTENDED"), ("B", "E", "ATTENDED"),
                    ("k2", "E", "ATTENDED")]:
        G.add_edge(u, v, key=t, type=t)
    return G


def test_county_ties_and_status():
    df = county_coverage(tiny())
    assert df.loc["k1", ["introducers", "natives", "event_ties", "ties"]].tolist() == [1, 1, 1, 3]
    assert df.loc["k1", "status"] == "covered"
    assert df.loc["k2", "ties"] == 1 and df.loc["k2", "status"] == "weak"
    assert df.loc["k3", "status"] == "gap"
    assert list(df.index) == ["k3", "k2", "k1"]  # weakest first


def test_industry_status():
    df = industry_coverage(tiny())
    assert df.loc["i1", "ties"] == 1 and df.loc["i1", "status"] == "weak"
    assert df.loc["i2", "status"] == "gap"


def test_seed_alone():
    df = county_coverage(offline_graph(with_demo=False))
    assert len(df) == 16
    # 五寨, 岢岚 and 保德 attended only the 珠海 event, where 2 chambers and 2 people were: 4 ties
    assert df.loc["county:忻州市/五寨县", "ties"] == 4
    assert (df["introducers"] == 0).all()  # the article names no introducer
