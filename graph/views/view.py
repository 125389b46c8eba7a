"""A view: which subgraph, capped and laid out, with its title and the notes the page must show.

>>> G = nx.MultiDiGraph()
>>> G.add_node("chamber:广东山西商会", label="Chamber", name="广东山西商会")
>>> v = make_view(G)
>>> v.title, v.physics, v.synthetic
('晋商图谱 全网络', True, False)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from graph.views import DEFAULT_MAX_NODES, subgraph
from graph.views.aggregate import cap
from graph.views.layout import complete_layout, read_positions

PHYSICS_MAX_NODES = 300  # above this the browser's physics takes seconds; lay out in Python instead


@dataclass
class View:
    graph: nx.MultiDiGraph  # exactly what is drawn
    title: str
    notes: list[str] = field(default_factory=list)
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    physics: bool = True  # stabilise in the browser (small views without saved positions)
    source_titles: dict[str, str] = field(default_factory=dict)
    synthetic_sources: set[str] = field(default_factory=set)

    @property
    def synthetic(self) -> bool:
        """Whether anything drawn comes (wholly or in part) from generated data."""
        G = self.graph
        return (any(d.get("synthetic") for _, d in G.nodes(data=True))
                or any(d.get("synthetic") for *_, d in G.edges(data=True)))


def _source_titles(G: nx.MultiDiGraph) -> dict[str, str]:
    out = {}
    for n, d in G.nodes(data=True):
        if d.get("label") == "Source":
            bits = [str(d.get("title") or d.get("name") or n)]
            bits += [str(d[k]) for k in ("publisher", "date") if d.get(k)]
            out[n] = "，".join(bits)
    return out


def make_view(G: nx.MultiDiGraph, *, ego: str | None = None, hops: int = 1, event: str | None = None,
              county: str | None = None, community: int | None = None, year: int | None = None,
              max_nodes: int = DEFAULT_MAX_NODES, positions: dict | None = None) -> View:
    """Select, cap and lay out a view of the projected graph `G` (at most one of ego, event,
    county, community; none means the whole network). `year` only goes into the title: filter
    events by year when projecting (`graph.projection.project(years=…)`)."""
    chosen = [k for k, v in (("--ego", ego), ("--event", event), ("--county", county),
                             ("--community", community)) if v is not None]
    if len(chosen) > 1:
        raise subgraph.ViewError(f"choose one of {', '.join(chosen)}")
    if max_nodes < 1:
        raise subgraph.ViewError(f"--max-nodes must be at least 1, not {max_nodes}")
    D = subgraph.drawable(G)
    suffix = f" {year}年" if year is not None else ""
    if ego is not None:
        H = subgraph.ego(D, ego, hops)
        title = f"{D.nodes[H.graph['focus']].get('name')} 的 {hops} 跳关系网络{suffix}"
    elif event is not None:
        H = subgraph.event(D, event)
        d = D.nodes[H.graph["focus"]]
        title = f"活动：{d.get('name')}（{d.get('date') or ''}）"
    elif county is not None:
        H = subgraph.county(D, county)
        title = f"县域：{D.nodes[H.graph['focus']].get('name')}{suffix}"
    elif community is not None:
        H = subgraph.community(D, community)
        title = f"社区 {community}{suffix}"
    else:
        H, title = D, f"晋商图谱 全网络{suffix}"
    H, notes = cap(H, max_nodes)
    known = positions or {}
    physics = not known and H.number_of_nodes() <= PHYSICS_MAX_NODES
    pos = complete_layout(H, known)
    return View(H, title, notes, pos, physics, _source_titles(G), set(G.graph.get("synthetic_sources", ())))


def load_view(driver, database: str = "neo4j", *, year: int | None = None,
              positions_file: Path | None = None, **selection) -> View:
    """Project the graph out of Neo4j (events of `year` only, when given) and make a view of it.

    >>> v = load_view(driver, ego="广东山西商会", hops=2)        # doctest: +SKIP
    """
    from graph.projection import project

    G = project(driver, database, years=(year, year) if year is not None else None)
    known = read_positions(positions_file) if positions_file else None
    return make_view(G, year=year, positions=known, **selection)
