"""A graph's edges as numpy arrays: what the analyses' fast paths read instead of walking 10^6
edges in Python.

`EdgeArrays` holds, for the k-th edge of a walk of ``G.edges`` (start nodes in G's order, then
neighbours, then keys, as NetworkX yields them), the positions of its ends in ``ids`` and its
relationship type ``types[code[k]]``. `graph.projection.read_projection` builds them while it
reads (no second walk); `edge_arrays_of` builds them from any graph.

The arrays describe the graph at the moment they were made: a graph changed in place afterwards
needs new ones (`graph.projection.ProjectedGraph` is taken as unchanged; edit a copy).

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> _ = G.add_edge("a", "b", type="KNOWS"); _ = G.add_edge("b", "a", type="OWES")
>>> a = edge_arrays_of(G)
>>> a.src.tolist(), a.dst.tolist(), [a.types[c] for c in a.code]
([0, 1], [1, 0], ['KNOWS', 'OWES'])
"""
from __future__ import annotations

from array import array
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class EdgeArrays:
    """G's edges as arrays: ``src[k]``, ``dst[k]`` (positions in `ids`) and relationship type
    ``types[code[k]]`` of the k-th edge of a walk of ``G.edges``; ``pos`` maps id → position."""

    ids: list
    pos: dict
    src: np.ndarray
    dst: np.ndarray
    code: np.ndarray
    types: list


def edge_arrays_of(G) -> EdgeArrays:
    """`EdgeArrays` of G, from one walk of its edges (the ``type`` attribute is the type)."""
    ids = list(G)
    pos = {n: i for i, n in enumerate(ids)}
    codes: dict = {}
    src, dst, code = array("q"), array("q"), array("h")
    add_src, add_dst, add_code = src.append, dst.append, code.append
    # iter(): list() or len() would first count the edges, itself a full scan of a multigraph
    for u, v, t in iter(G.edges(data="type")):
        c = codes.get(t)
        if c is None:
            c = codes.setdefault(t, len(codes))
        add_src(pos[u])
        add_dst(pos[v])
        add_code(c)
    return EdgeArrays(ids, pos, np.frombuffer(src, dtype=np.int64), np.frombuffer(dst, dtype=np.int64),
                      np.frombuffer(code, dtype=np.int16), list(codes))


class EdgeArrayBuilder:
    """`EdgeArrays` made while a graph is read, start node by start node (`graph.projection`):
    ``add(i, rels)`` with all of start node i's out-relationships, ``(end id, type, ...)`` in the
    order they were added to the graph (keyed by type); `finish` returns None when the reading
    did not go as expected (a start node twice, an end not among the nodes)."""

    def __init__(self, ids: list, pos: dict):
        self.ids, self.pos, self.valid = ids, pos, True
        self.src, self.dst, self.code = array("q"), array("q"), array("h")
        self.codes: dict[str, int] = {}
        self.walked = bytearray(len(ids))

    def add(self, i: int, rels) -> None:
        if self.walked[i] or not self.valid:
            self.valid = False
            return
        self.walked[i] = 1
        # grouped as a MultiDiGraph holds them: each neighbour where it first came, its keys
        # (types) in the order they first came, a repeated type merged into its first place
        nbrs: dict = {}
        for rel in rels:
            keyed = nbrs.get(rel[0])
            if keyed is None:
                nbrs[rel[0]] = {rel[1]: None}
            else:
                keyed[rel[1]] = None
        pos, codes = self.pos, self.codes
        for v, keyed in nbrs.items():  # as G.edges walks them: neighbours, then keys, in order
            j = pos[v]
            for t in keyed:  # the key is the relationship type here
                c = codes.get(t)
                if c is None:
                    c = codes.setdefault(t, len(codes))
                self.src.append(i)
                self.dst.append(j)
                self.code.append(c)

    def finish(self, node_count: int) -> EdgeArrays | None:
        if not self.valid or len(self.ids) != node_count:
            return None
        src = np.frombuffer(self.src, dtype=np.int64)
        # rows come in the server's order; a walk of G goes node by node in G's order
        order = np.argsort(src, kind="stable")
        return EdgeArrays(self.ids, self.pos, src[order], np.frombuffer(self.dst, dtype=np.int64)[order],
                          np.frombuffer(self.code, dtype=np.int16)[order], list(self.codes))
