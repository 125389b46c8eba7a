"""A random graph shaped like ours (schema labels and relationship types with allowed ends), for
view benchmarks and size tests. Everything in it is marked synthetic, as generated data must be.

>>> G = demo_graph(200, 600, seed=1)
>>> G.number_of_nodes(), G.number_of_edges(), G.graph["synthetic_sources"]
(200, 600, ['source:demo-graph'])
"""
from __future__ import annotations

import random

import networkx as nx

from graph.schema import get_schema

SOURCE = "source:demo-graph"
# Rough proportions of a grown network: many projects, companies and people, fewer of the rest.
MIX = {"Project": 30, "Company": 20, "Person": 15, "Chamber": 8, "Event": 6, "Industry": 4,
       "Organization": 4, "County": 3, "City": 3}


def demo_graph(n_nodes: int = 1000, n_edges: int = 5000, seed: int = 42) -> nx.MultiDiGraph:
    """`n_nodes` nodes and `n_edges` distinct facts, each between labels the schema allows."""
    rng = random.Random(seed)
    schema = get_schema()
    labels = list(MIX)
    G = nx.MultiDiGraph(synthetic_sources=[SOURCE])
    by_label: dict[str, list[str]] = {lab: [] for lab in labels}
    for i in range(n_nodes):
        lab = labels[i] if i < len(labels) else rng.choices(labels, weights=[MIX[x] for x in labels])[0]
        nid = f"{lab.lower()}:演示{lab}{i}"
        props = {"label": lab, "labels": schema.label(lab).labels, "name": f"演示{i}号",
                 "sources": [SOURCE], "synthetic": True}
        if lab == "Project":
            props["amount_yi"] = round(rng.uniform(0.1, 30), 1)
        G.add_node(nid, **props)
        by_label[lab].append(nid)
    pairs = [(t, s, e) for t, spec in schema.relationships.items() for s, e in spec.ends
             if by_label.get(s) and by_label.get(e)]
    # Preferential attachment on one end, so degrees are skewed as in the real network.
    while G.number_of_edges() < n_edges:
        t, s, e = rng.choice(pairs)
        u = rng.choice(by_label[s])
        v = by_label[e][min(int(rng.paretovariate(1.2)) - 1, len(by_label[e]) - 1)] if rng.random() < 0.5 \
            else rng.choice(by_label[e])
        if u != v and not G.has_edge(u, v, key=t):
            G.add_edge(u, v, key=t, type=t, sources=[SOURCE], synthetic=True)
    return G
