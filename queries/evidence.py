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


def shortest_path_words(G, U: nx.Graph, source: str, target: str, max_hops: int | None = None,
                        avoid=frozenset()) -> str | None:
    """The shortest path from `source` to `target` in `U` (skipping nodes in `avoid`), in words;
    None when there is none of at most `max_hops` edges."""
    if source not in U or target not in U:
        return None
    view = nx.subgraph_view(U, filter_node=lambda n: n not in avoid) if avoid else U
    try:
        path = nx.shortest_path(view, source, target)
        return say_path(G, path) if max_hops is None or len(path) - 1 <= max_hops else None
    except nx.NetworkXNoPath:
        return None
