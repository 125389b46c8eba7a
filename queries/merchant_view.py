"""The merchant view: the actors and what they do together, as one undirected weighted graph
(parallel and opposite edges add up), for communities and brokers. The kernels read it as arrays
(`merchant_view`); `merchant_graph` builds it as a NetworkX graph for your own work.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("p", label="Person"); G.add_node("c", label="Chamber"); G.add_node("x", label="County")
>>> _ = G.add_edge("p", "c", key="HOLDS_POST", type="HOLDS_POST")
>>> _ = G.add_edge("c", "p", key="KNOWS", type="KNOWS"); _ = G.add_edge("c", "x", key="BASED_IN", type="BASED_IN")
>>> sorted(merchant_graph(G).edges(data="weight"))
[('c', 'p', 2)]
"""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np

from queries.edges import edge_index, node_labels
from queries.run import once_per_run

# Labels kept in the merchant graph: the actors and what they do together. Geography (County,
# City, Province), Industry, Campaign and Source are left out because they are hubs that would
# join every community into one.
MERCHANT_LABELS = frozenset({"Chamber", "Person", "Company", "Organization", "Event", "Project"})


@dataclass
class MerchantView:
    """The merchant view as arrays, what the native kernels read: vertex ``i`` is
    ``nodes[i]``; edge ``k`` joins ``a[k]`` and ``b[k]`` with ``weight[k]``. Node data and
    neighbours come from `graph` (the projection, or a simple graph taken as the view)."""

    nodes: list
    a: np.ndarray
    b: np.ndarray
    weight: np.ndarray
    graph: object
    _csr: tuple | None = None

    def neighbors(self, n) -> list:
        """`n`'s neighbours in the view, in the order ``merchant_graph(G).neighbors(n)`` gives."""
        G = self.graph
        if not G.is_directed() and not G.is_multigraph():
            return list(G.neighbors(n))
        if self._csr is None:
            ends = np.concatenate([self.a, self.b])
            order = np.argsort(ends, kind="stable")
            self._csr = (np.searchsorted(ends[order], np.arange(len(self.nodes) + 1)),
                         np.concatenate([self.b, self.a])[order], {m: i for i, m in enumerate(self.nodes)})
        starts, others, at = self._csr
        i = at[n]
        # merchant_graph adds pairs in (lo, hi) order, so each node's neighbours come ascending
        return [self.nodes[j] for j in np.sort(others[starts[i]:starts[i + 1]]).tolist()]


def merchant_view(G) -> MerchantView:
    """The merchant view (see `merchant_graph`) without building a NetworkX graph: for the
    kernels, which read arrays. A simple undirected graph is taken as the view itself, its
    edges in ``G.edges()`` order. Once per run (`queries.run`)."""
    return once_per_run(G, "merchant_view", lambda: _merchant_view(G))


def _merchant_view(G) -> MerchantView:
    if G.is_directed() or G.is_multigraph():
        return _projected_view(G)
    nodes = list(G)
    index = {n: i for i, n in enumerate(nodes)}
    a, b, weight, seen = [], [], [], set()
    for u, nbrs in G.adj.items():  # G.edges(data="weight") walked directly: same order, faster
        for v, d in nbrs.items():
            if v not in seen:
                a.append(index[u])
                b.append(index[v])
                weight.append(float(d.get("weight", 1)))
        seen.add(u)
    return MerchantView(nodes, np.array(a, dtype=np.int64), np.array(b, dtype=np.int64),
                        np.array(weight, dtype=float), G)


def _projected_view(G) -> MerchantView:
    """The kept nodes sorted, each joined pair once (lo < hi, sorted), weight = edges between."""
    if G.number_of_nodes() and all("label" not in d for _, d in G.nodes(data=True)):
        keep = list(G)
    else:
        keep = [n for n, v in node_labels(G).items() if v in MERCHANT_LABELS]
    # Sorted, not in set or load order: Leiden's result depends on node and edge order, and a
    # ranking must come out the same in every process and whatever order the data was loaded in.
    nodes = sorted(keep) if all(type(n) is str for n in keep) else sorted(keep, key=str)
    lo, hi, weight = _merchant_pairs(G, nodes)
    return MerchantView(nodes, lo, hi, weight, G)


def merchant_graph(G) -> nx.Graph:
    """Undirected, weighted (parallel edges add up) view of the actors and their events and
    projects. A graph without `label` attributes (hand-built, benchmark) is used as it is.
    The analyses' kernels read the same view as arrays (`merchant_view`)."""
    return once_per_run(G, "merchant_graph", lambda: _merchant_graph(G))


def _merchant_graph(G) -> nx.Graph:
    view = merchant_view(G) if G.is_directed() or G.is_multigraph() else _projected_view(G)
    H = nx.Graph()
    H.add_nodes_from((n, G.nodes[n]) for n in view.nodes)
    nodes = view.nodes
    H.add_edges_from((nodes[i], nodes[j], {"weight": w})
                     for i, j, w in zip(view.a.tolist(), view.b.tolist(), view.weight.tolist()))
    return H


def _merchant_pairs(G, nodes: list) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each unordered pair of distinct kept nodes joined in G, once, as positions in `nodes`
    (lo < hi), sorted, with the number of edges between them (parallel and opposite ones add)."""
    _, pos, src, dst = edge_index(G)
    local = np.full(len(pos), -1, dtype=np.int64)
    local[np.fromiter((pos[n] for n in nodes), dtype=np.int64, count=len(nodes))] = np.arange(len(nodes))
    a, b = local[src], local[dst]
    ok = (a >= 0) & (b >= 0) & (a != b)
    a, b = a[ok], b[ok]
    codes, weight = np.unique(np.minimum(a, b) * len(nodes) + np.maximum(a, b), return_counts=True)
    lo, hi = np.divmod(codes, max(1, len(nodes)))
    return lo, hi, weight
