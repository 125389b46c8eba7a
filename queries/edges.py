"""The analyses' reads of a graph's edges as arrays (`graph.edge_arrays.EdgeArrays`): only the
relationship types a step needs, grouped or indexed with numpy instead of a Python pass over
every edge. Within a run (`queries.run`) the arrays come from its `ProjectedGraph` (made while
projecting, or from one walk of the graph) and what is built from them is made once.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> _ = G.add_edges_from([("a", "b"), ("b", "c")], type="X")
>>> [x.tolist() for x in edges_of(G, "X")], [x.tolist() for x in edges_of(G, "Y")]
([[0, 1], [1, 2]], [[], []])
"""
from __future__ import annotations

import numpy as np

from graph.edge_arrays import EdgeArrays, edge_arrays_of
from queries.run import current_run, once_per_run


def edge_arrays(G) -> EdgeArrays:
    """`EdgeArrays` of G: within a run, those of its `ProjectedGraph` (made once); outside,
    from a walk of G."""
    run = current_run(G)
    return edge_arrays_of(G) if run is None else run.projected.arrays


def typed_edges(G) -> list[tuple]:
    """`list(G.edges(data="type"))`, read once per run (a NetworkX edge scan costs seconds at
    10^5 nodes).

    >>> import networkx as nx
    >>> typed_edges(nx.MultiDiGraph([("a", "b", {"type": "X"})]))
    [('a', 'b', 'X')]
    """
    # iter(): list() would first ask the view its length, itself a full scan of a MultiDiGraph
    return once_per_run(G, "typed_edges", lambda: list(iter(G.edges(data="type"))))


def edge_index(G) -> tuple[list, dict, np.ndarray, np.ndarray]:
    """``(ids, pos, src, dst)``: the nodes in G's order, id → position, and every edge of
    `typed_edges` (same order) as the positions of its ends — for numpy work over 10^6 edges."""
    a = edge_arrays(G)
    return a.ids, a.pos, a.src, a.dst


def edges_of(G, *rtypes: str) -> tuple[np.ndarray, np.ndarray]:
    """``(src, dst)`` positions (see `edge_index`) of the edges of these types, in
    `typed_edges` order."""
    a = edge_arrays(G)
    mask = np.isin(a.code, [a.types.index(t) for t in rtypes if t in a.types])
    return a.src[mask], a.dst[mask]


def label_mask(G, *labels: str) -> np.ndarray:
    """Over `edge_index` positions: whether the node's label is one of `labels`."""
    ids, names = edge_arrays(G).ids, node_labels(G)
    wanted = frozenset(labels)
    return np.fromiter((names[n] in wanted for n in ids), dtype=bool, count=len(ids))


def grouped(G, rtype: str, by: str, where: np.ndarray | None = None) -> dict[str, list[str]]:
    """Edges of `rtype` grouped by one end: ``by="dst"`` gives target → sources, ``by="src"``
    source → targets, each list in `typed_edges` order; `where` (see `label_mask`) keeps
    the groups whose key it marks."""
    ids = edge_arrays(G).ids
    src, dst = edges_of(G, rtype)
    key, value = (dst, src) if by == "dst" else (src, dst)
    if where is not None:
        keep = where[key]
        key, value = key[keep], value[keep]
    out: dict[str, list[str]] = {}
    for k, v in zip(key.tolist(), value.tolist()):
        group = out.get(ids[k])
        if group is None:
            out[ids[k]] = [ids[v]]
        else:
            group.append(ids[v])
    return out


def in_by_type(G, n, rtype: str) -> list[str]:
    return [u for u, _, t in G.in_edges(n, data="type") if t == rtype]


def sources_by_type(G, v, rtype: str) -> list[str]:
    """`in_by_type(G, v, rtype)` as a set would hold it (order not kept): within a run read
    from one index per type instead of a walk of v's in-edges."""
    run = current_run(G)
    if run is None:
        return in_by_type(G, v, rtype)
    starts, sources = run.once(("in_index", rtype), lambda: _in_index(G, rtype))
    a = edge_arrays(G)
    i = a.pos.get(v)
    if i is None:
        return []
    return [a.ids[x] for x in sources[starts[i]:starts[i + 1]].tolist()]


def _in_index(G, rtype: str) -> tuple[np.ndarray, np.ndarray]:
    """The sources of `rtype` edges sorted by target (CSR): target i's at ``[starts[i]:starts[i + 1]]``."""
    src, dst = edges_of(G, rtype)
    order = np.argsort(dst, kind="stable")
    return np.searchsorted(dst[order], np.arange(len(edge_arrays(G).ids) + 1)), src[order]


def node_labels(G) -> dict:
    """Node id → label, for loops over many nodes (read once per run)."""
    return once_per_run(G, "labels", lambda: {n: d.get("label", "") for n, d in G.nodes(data=True)})


def degrees(G) -> dict:
    """Node id → ``G.degree(n)``, all at once (once per run)."""
    return once_per_run(G, "degrees", lambda: _degrees(G))


def _degrees(G) -> dict:
    a = edge_arrays(G)
    n = len(a.ids)
    # a self-loop counts twice, as in NetworkX
    out = np.bincount(a.src, minlength=n) + np.bincount(a.dst, minlength=n)
    return dict(zip(a.ids, out.tolist()))
