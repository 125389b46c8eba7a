"""Paths in words: how a chamber, person or company is tied to a county, an industry or the city.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("person:高山", label="Person", name="高山")
>>> G.add_node("chamber:广东山西商会", label="Chamber", name="广东山西商会")
>>> _ = G.add_edge("person:高山", "chamber:广东山西商会", key="HOLDS_POST", type="HOLDS_POST", title="监事长")
>>> say_path(G, ["person:高山", "chamber:广东山西商会"])
'高山 — 监事长 of 广东山西商会'
"""
from __future__ import annotations

import networkx as nx

from queries.facts import event_label, name

# type → (forward verb, backward verb); {title}/{role} come from the edge's properties.
VERBS = {
    "HOLDS_POST": ("{title} of", "has {title}"),
    "MEMBER_OF": ("member of", "has member"),
    "ATTENDED": ("attended", "attended by"),
    "ORGANIZED": ("organized ({role})", "organized by"),
    "INTRODUCED": ("introduced", "introduced by"),
    "SIGNED": ("signed", "signed at"),
    "DISCUSSED": ("discussed", "discussed at"),
    "LOCATED_IN": ("located in", "site of"),
    "NATIVE_OF": ("native of", "hometown of"),
    "IN_INDUSTRY": ("in industry", "industry of"),
    "INVESTS_IN": ("invests in", "invested in by"),
    "LIAISON_OFFICE_OF": ("招商引资联络处 of", "has 招商引资联络处"),
    "AMBASSADOR_OF": ("招商引资大使 of", "has 招商引资大使"),
    "BASED_IN": ("based in", "base of"),
    "HELD_IN": ("held in", "host of"),
    "PART_OF": ("part of", "includes"),
}


def node_words(G, n) -> str:
    """How a node is named in a sentence: events as `the 2017-05-12 珠海市 event`."""
    if G.nodes[n].get("label") == "Event":
        return "the " + event_label(G, n)
    return name(G, n)


def _verb(G, a, b) -> str:
    for u, v, forward in ((a, b, True), (b, a, False)):
        data = G.get_edge_data(u, v)
        if data:
            d = data[sorted(data)[0]]
            t = d.get("type", "")
            fwd, back = VERBS.get(t, (t.lower(), f"{t.lower()} by"))
            return (fwd if forward else back).format(title=d.get("title") or "post", role=d.get("role") or "")
    return "linked to"


def say_path(G, path: list[str]) -> str:
    """`A — verb B — verb C …` for a path of node ids in G (edges looked up in either direction)."""
    if not path:
        return ""
    words = [node_words(G, path[0])]
    for a, b in zip(path, path[1:]):
        words.append(f"{_verb(G, a, b)} {node_words(G, b)}")
    return " — ".join(words)


def shortest_path_words(G, U, source: str, target: str, max_hops: int | None = None,
                        avoid=frozenset()) -> str | None:
    """The shortest path from `source` to `target` in `U` (skipping nodes in `avoid`), in words;
    None when there is none of at most `max_hops` edges. `U` is an undirected NetworkX graph,
    or any mapping-like adjacency (``n in U``, ``U[n]`` listing n's neighbours)."""
    adj = U.adj if isinstance(U, nx.Graph) else U
    if source not in U or target not in U or source in avoid or target in avoid:
        return None
    path = shortest_path(adj, source, target, max_hops, avoid)
    return say_path(G, path) if path is not None else None


def shortest_path(adj, source, target, max_hops: int | None = None, avoid=frozenset()) -> list | None:
    """The path `nx.bidirectional_shortest_path` returns, found the same way step for step (so
    the same one of several equally short paths), over ``adj[v]`` (v's neighbours in order);
    None when there is no path of at most `max_hops` edges, found without searching further.

    >>> shortest_path(nx.path_graph(5).adj, 0, 4), shortest_path(nx.path_graph(5).adj, 0, 4, max_hops=3)
    ([0, 1, 2, 3, 4], None)
    """
    if source == target:
        return [source]
    pred, succ = {source: None}, {target: None}
    forward, reverse, hops = [source], [target], 0
    meet = None
    while forward and reverse and meet is None:
        if max_hops is not None and hops >= max_hops:
            return None
        hops += 1
        if len(forward) <= len(reverse):
            forward, meet = _next_level(adj, forward, pred, succ, avoid)
        else:
            reverse, meet = _next_level(adj, reverse, succ, pred, avoid)
    if meet is None:
        return None
    path, w = [], meet
    while w is not None:
        path.append(w)
        w = pred[w]
    path.reverse()
    w = succ[path[-1]]
    while w is not None:
        path.append(w)
        w = succ[w]
    return path


def _next_level(adj, level: list, mine: dict, theirs: dict, avoid) -> tuple[list, object]:
    """One breadth-first step from `level`; (the next level, the node where the two searches
    meet, or None)."""
    fringe = []
    for v in level:
        for w in adj[v]:
            if w in avoid:
                continue
            if w not in mine:
                fringe.append(w)
                mine[w] = v
            if w in theirs:
                return fringe, w
    return fringe, None
