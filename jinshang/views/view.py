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

from jinshang.views import DEFAULT_MAX_NODES, subgraph
from jinshang.views import activity
from jinshang.views.aggregate import GROUPINGS, cap, group_projects
from jinshang.views.layout import complete_layout, read_positions, ring_layout

PHYSICS_MAX_NODES = 300  # above this the browser's physics takes seconds; lay out in Python instead
PROJECTS = ("county", "event", "each")  # how projects are shown: grouped per county or event, or one by one
# Held in the whole view's page but unticked at first: provinces, industries and campaigns say where and what, not
# who met whom, and would pull every project summary towards a few hubs.
BACKGROUND_LABELS = ("Province", "Industry", "Campaign")


@dataclass
class View:
    graph: nx.MultiDiGraph  # exactly what is drawn
    title: str
    notes: list[str] = field(default_factory=list)
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    physics: bool = True  # stabilise in the browser (small views without saved positions)
    source_titles: dict[str, str] = field(default_factory=dict)
    synthetic_sources: set[str] = field(default_factory=set)
    hidden_labels: tuple[str, ...] = ()  # in the page, but their filter box starts unticked
    rings: float = 0.0  # an ego view's ring spacing R (hop k at radius k·R); 0 for other views
    hops: dict[str, int] = field(default_factory=dict)  # an ego view: each drawn node's hops from the ego

    def shown(self) -> list[str]:
        """The nodes the page shows when it opens: not those behind a summary, not unticked labels."""
        return [n for n, d in self.graph.nodes(data=True)
                if not d.get("member_of") and d.get("label") not in self.hidden_labels]

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
              max_nodes: int = DEFAULT_MAX_NODES, positions: dict | None = None, projects: str | None = None) -> View:
    """Select, cap and lay out a view of the projected graph `G` (at most one of ego, event,
    county, community; none means the whole network). `year` only goes into the title: filter
    events by year when projecting (`graph.projection.project(years=…)`).

    `projects`: "county" or "event" shows one summary node per county or signing event, the page
    holding the projects behind it (a click expands it); "each" draws every project. The default
    is "county", and "event" in a county view (where all projects share the county)."""
    chosen = [k for k, v in (("--ego", ego), ("--event", event), ("--county", county),
                             ("--community", community)) if v is not None]
    if len(chosen) > 1:
        raise subgraph.ViewError(f"choose one of {', '.join(chosen)}")
    if max_nodes < 1:
        raise subgraph.ViewError(f"--max-nodes must be at least 1, not {max_nodes}")
    projects = projects or ("event" if county is not None else "county")
    if projects not in PROJECTS:
        raise subgraph.ViewError(f"--projects 只能是 {'、'.join(PROJECTS)} (must be one of {', '.join(PROJECTS)}), "
                                 f"not {projects!r}")
    D = subgraph.drawable(G)
    activity.annotate(D)  # before selecting: a node's size says what it did in the whole graph
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
    H = H.copy()
    if projects in GROUPINGS:
        group_projects(H, projects, context=D)
    H, notes = cap(H, max_nodes)
    hidden = BACKGROUND_LABELS if event is None and county is None and community is None else ()
    view = View(H, title, notes, source_titles=_source_titles(G),
                synthetic_sources=set(G.graph.get("synthetic_sources", ())), hidden_labels=hidden)
    shown = H.subgraph(view.shown())
    known = positions or {}
    if ego is not None:  # always on its rings, saved positions or not: the ego is the centre
        drawn = H.subgraph(n for n, m in H.nodes(data="member_of") if not m)
        held = [n for n, d in drawn.nodes(data=True) if d.get("label") in hidden]
        view.positions, view.hops, view.rings = ring_layout(drawn, H.graph["focus"], held)
        view.physics = False  # the rings are the layout; the browser must not move them
    else:
        view.physics = not known and shown.number_of_nodes() <= PHYSICS_MAX_NODES
        view.positions = complete_layout(shown, known)
    return view


def load_view(driver, database: str = "neo4j", *, year: int | None = None,
              positions_file: Path | None = None, **selection) -> View:
    """Project the graph out of Neo4j (events of `year` only, when given) and make a view of it.

    >>> v = load_view(driver, ego="广东山西商会", hops=2)        # doctest: +SKIP
    """
    from graph.projection import project

    G = project(driver, database, years=(year, year) if year is not None else None)
    known = read_positions(positions_file) if positions_file else None
    return make_view(G, year=year, positions=known, **selection)
