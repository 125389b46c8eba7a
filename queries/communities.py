"""Communities of the merchant graph, and what each community brought in.

`detect_communities` is the interface other code calls. It runs on the merchant view of the
projected graph (chambers, people, companies, organizations, events, projects; parallel edges
add up as weights — see `queries.merchant_view.merchant_graph`). The kernel is Leiden (igraph's C
implementation, modularity objective, `LEIDEN_ITERATIONS` passes) because it is fast at 10^5–10^6
nodes and never returns the badly connected communities Louvain can (on the S benchmark graph
it was 10× faster than leidenalg's and reached a higher modularity); NetworkX's Louvain stays available as the reference
(`method="louvain"`), and tests check Leiden's modularity against it.

>>> import networkx as nx
>>> G = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z"), ("c", "x")])
>>> parts = detect_communities(G, seed=1)
>>> parts["a"] == parts["b"] == parts["c"], parts["a"] != parts["x"]
(True, True)
"""
from __future__ import annotations

import random
from collections import Counter, defaultdict

import networkx as nx
import numpy as np
import pandas as pd

from queries.edges import degrees, node_labels
from queries.facts import name, project_facts
from queries.merchant_view import merchant_graph, merchant_view
from queries.run import once_per_run, reads_once

# igraph's default. Iterating until nothing moves (-1) took 8 passes on the M benchmark graph,
# 3.6× the time, for +0.00005 modularity (0.81650 → 0.81655).
LEIDEN_ITERATIONS = 2


def to_igraph(G):
    """(igraph.Graph, node list) of the merchant view of G (`queries.merchant_view`; a
    simple undirected graph is its own view); vertex i is nodes[i], edges carry `weight`.

    Built once per run (`queries.run`; communities, modularity, PageRank and
    betweenness all read it); callers must not modify it.
    """
    return once_per_run(G, "igraph", lambda: _to_igraph(merchant_view(G)))


def _to_igraph(view):
    import igraph as ig

    g = ig.Graph(n=len(view.nodes), edges=list(zip(view.a.tolist(), view.b.tolist())), directed=False)
    g.es["weight"] = view.weight.astype(float).tolist()
    return g, view.nodes


def _as_merchant(G) -> nx.Graph:
    """A simple undirected graph is taken as the merchant view already (or a plain graph); the
    projection (a MultiDiGraph) is turned into it — for NetworkX's own algorithms."""
    if not G.is_directed() and not G.is_multigraph():
        return G
    return merchant_graph(G)


def _number(groups: list[set]) -> dict[str, int]:
    """Community 0 is the largest; ties go to the one whose smallest member id sorts first."""
    ordered = sorted(groups, key=lambda g: (-len(g), min(map(str, g))))
    return {n: i for i, g in enumerate(ordered) for n in g}


def communities(G, seed: int = 42, method: str = "leiden") -> dict[str, int]:
    """Node id → community number with a choice of kernel: ``"leiden"`` (igraph) or
    ``"louvain"`` (networkx.community.louvain_communities, the reference).

    Examples
    --------
    >>> G = nx.barbell_graph(5, 0)
    >>> len(set(communities(G, method="louvain").values()))
    2
    """
    if not merchant_view(G).nodes:
        return {}
    if method == "louvain":
        groups = nx.community.louvain_communities(_as_merchant(G), weight="weight", seed=seed)
    elif method == "leiden":
        import igraph as ig

        g, nodes = to_igraph(G)
        # igraph draws from a Python RNG; a private seeded one makes the result depend on the
        # seed only, and the default is put back so no other igraph caller is affected.
        ig.set_random_number_generator(random.Random(seed))
        try:
            part = g.community_leiden(objective_function="modularity", weights="weight",
                                      n_iterations=LEIDEN_ITERATIONS)
        finally:
            ig.set_random_number_generator(random)
        groups = [{nodes[i] for i in members} for members in part]
    else:
        raise ValueError(f"unknown method {method!r}; use 'leiden' or 'louvain'")
    return _number([set(g) for g in groups])


def detect_communities(G, seed: int = 42) -> dict[str, int]:
    """Communities of the merchant graph: node id → community number (0 = largest).

    Deterministic for a seed. Nodes outside the merchant view (counties, industries, sources …)
    are not in the result.

    Parameters
    ----------
    G : networkx graph
        The projected graph (labels are used to build the merchant view), or any plain graph.
    seed : int
        Seed of the Leiden kernel.

    Examples
    --------
    >>> G = nx.barbell_graph(4, 1)
    >>> parts = detect_communities(G)
    >>> sorted(Counter(parts.values()).items())
    [(0, 5), (1, 4)]
    """
    return communities(G, seed=seed, method="leiden")


def modularity(G, parts: dict[str, int]) -> float:
    """Modularity of a partition of every node of the merchant view (weighted).

    >>> modularity(nx.barbell_graph(3, 0), {0: 0, 1: 0, 2: 0, 3: 1, 4: 1, 5: 1})
    0.3571428571428571
    """
    if not parts:
        return 0.0
    g, nodes = to_igraph(G)
    # igraph computes the same weighted modularity as networkx.community.modularity, in C
    return g.modularity([parts[n] for n in nodes], weights="weight")


@reads_once
def community_productivity(G, parts: dict[str, int]) -> pd.DataFrame:
    """One row per community: its members by label, the best-known members, and the projects in it.

    Columns: ``size``, ``chambers``, ``people``, ``companies``, ``events``, ``projects``,
    ``signed_yi``, ``landed``, ``started``, ``funds_yi``, ``top_members`` (chambers and people of
    highest degree, names), ``synthetic``.

    Examples
    --------
    >>> community_productivity(nx.MultiDiGraph(), {}).empty
    True
    """
    facts = project_facts(G)
    label_of, degree = node_labels(G), degrees(G)
    by_comm: dict[int, list[str]] = defaultdict(list)
    for n, c in parts.items():
        by_comm[c].append(n)
    rows = {}
    for c, members in sorted(by_comm.items()):
        labels = Counter(label_of[n] for n in members if n in label_of)
        projects = [facts[n] for n in members if n in facts]
        actors = [n for n in members if label_of.get(n) in ("Chamber", "Person")]
        actors.sort(key=lambda n: (-degree[n], n))
        rows[c] = {
            "size": len(members), "chambers": labels["Chamber"], "people": labels["Person"],
            "companies": labels["Company"], "events": labels["Event"], "projects": len(projects),
            "signed_yi": round(sum(f.amount_yi for f in projects), 1),
            "landed": sum(f.landed for f in projects), "started": sum(f.started for f in projects),
            "funds_yi": round(sum(f.funds_yi for f in projects), 1),
            "top_members": "、".join(name(G, n) for n in actors[:5]),
            "synthetic": any(f.synthetic for f in projects),
        }
    return pd.DataFrame.from_dict(rows, orient="index")
