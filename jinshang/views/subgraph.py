"""Which part of the projected graph a view shows: the whole network, an ego network, an event,
a county or a community — plain functions over the NetworkX projection, no database.

Names are resolved through the bundled gazetteer (with the alias table) first and, for anything
loaded later (ledgers, RDF), through an index of the projected graph itself; an unknown name
raises `ResolutionError` with suggestions.

>>> G = nx.MultiDiGraph()
>>> G.add_node("county:忻州市/代县", label="County", name="代县")
>>> G.add_node("project:漂流", label="Project", name="漂流")
>>> _ = G.add_edge("project:漂流", "county:忻州市/代县", key="LOCATED_IN", type="LOCATED_IN")
>>> sorted(ego(G, "代县", hops=1).nodes)
['county:忻州市/代县', 'project:漂流']
"""
from __future__ import annotations

import re
from datetime import date

import networkx as nx

from graph.errors import JinshangError, ResolutionError
from graph.schema import get_schema

# Labels a view draws; Source nodes are provenance, shown in tooltips rather than as nodes.
HIDDEN_LABELS = ("Source",)


class ViewError(JinshangError):
    """A view cannot be made as asked (e.g. community detection is not installed)."""


def drawable(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of `G` without the labels views never draw."""
    keep = [n for n, lab in G.nodes(data="label") if lab not in HIDDEN_LABELS]
    return G.subgraph(keep).copy()


def _graph_gazetteer(G: nx.MultiDiGraph, labels: tuple[str, ...]):
    from loaders.gazetteer import Gazetteer, load_aliases

    gaz = Gazetteer(load_aliases())
    for n, d in G.nodes(data=True):
        if d.get("label") in labels and d.get("name"):
            gaz.add(n, d["label"], str(d["name"]), d.get("aliases") or ())
    return gaz


def resolve(G: nx.MultiDiGraph, name: str, labels: tuple[str, ...] | None = None) -> str:
    """The id of the node of `G` that `name` (a name, an alias or an id) stands for.

    The bundled gazetteer answers first (it knows the alias table and the 2017 catalog); names it
    does not know, or nodes it knows that this graph lacks, are looked up among `G`'s own nodes.
    """
    labels = tuple(labels or [x for x in get_schema().labels if x not in HIDDEN_LABELS])
    if name in G and G.nodes[name].get("label") in labels:
        return name
    from loaders.bundled import bundled_gazetteer

    try:
        node_id, _ = bundled_gazetteer().resolve(name, labels)
        if node_id in G:
            return node_id
    except ResolutionError:
        pass
    try:
        node_id, _ = _graph_gazetteer(G, labels).resolve(name, labels)
    except ResolutionError as exc:
        what = " or ".join(labels) if len(labels) <= 3 else "node"
        reason = str(exc).split(": ", 1)[1].split(" (did you mean", 1)[0] if ": " in str(exc) else "not found"
        if reason.startswith("no ") and "of that name" in reason:
            reason = f"no {what} of that name in the graph"
        raise ResolutionError(name, reason, exc.suggestions) from None
    return node_id


def _induced(G: nx.MultiDiGraph, nodes) -> nx.MultiDiGraph:
    return G.subgraph(nodes).copy()


def ego(G: nx.MultiDiGraph, name: str, hops: int = 1) -> nx.MultiDiGraph:
    """Everything within `hops` relationships of the node `name`, in either direction."""
    if hops < 0:
        raise ViewError(f"--hops must be 0 or more, not {hops}")
    centre = resolve(G, name)
    nodes = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), centre, cutoff=hops)
    H = _induced(G, nodes)
    H.graph["focus"] = centre
    return H


def _with_project_context(G: nx.MultiDiGraph, seeds: set[str]) -> set[str]:
    """`seeds`, plus for each Project among them its county, industry, investors and introducers:
    an event's or a county's projects mean little without where they are and who brought them."""
    out = set(seeds)
    for n in seeds:
        if G.nodes[n].get("label") == "Project":
            out |= set(G.predecessors(n)) | set(G.successors(n))
    return out


def _events_on(G: nx.MultiDiGraph, text: str) -> list[str]:
    day = date.fromisoformat(text)
    return sorted(n for n, d in G.nodes(data=True) if d.get("label") == "Event" and d.get("date") == day)


def event(G: nx.MultiDiGraph, ref: str) -> nx.MultiDiGraph:
    """An event and everything around it: organizers, attendees, place, campaign, the projects
    signed or discussed there and those projects' counties, industries and investors.

    `ref` is an event id, its name, or its first day (2017-05-12) when only one event began then.
    """
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", ref.strip()):
        hits = _events_on(G, ref.strip())
        if len(hits) != 1:
            raise ResolutionError(ref, "no event began that day" if not hits else "several events began that day",
                                  hits)
        centre = hits[0]
    else:
        centre = resolve(G, ref, ("Event",))
    return _around(G, centre)


def _around(G: nx.MultiDiGraph, centre: str) -> nx.MultiDiGraph:
    """`centre`, its neighbours either way and the context of every project among them."""
    U = G.to_undirected(as_view=True)
    H = _induced(G, _with_project_context(G, {centre} | set(U.neighbors(centre))))
    H.graph["focus"] = centre
    return H


def county(G: nx.MultiDiGraph, name: str) -> nx.MultiDiGraph:
    """A county, its projects (with their events, investors, introducers and industries), the
    people native to it, bodies based in it and the events it attended."""
    centre = resolve(G, name, ("County",))
    return _around(G, centre)


def community(G: nx.MultiDiGraph, number: int) -> nx.MultiDiGraph:
    """The nodes `queries.communities.detect_communities(G, seed=42)` puts in community `number`."""
    try:
        from queries.communities import detect_communities
    except ImportError:
        raise ViewError("community views need queries.communities.detect_communities, "
                        "which is not installed in this checkout") from None
    parts = detect_communities(G, seed=42)
    members = [n for n, c in parts.items() if c == number and n in G]
    if not members:
        known = sorted(set(parts.values()))
        raise ResolutionError(str(number), "no such community",
                              [str(c) for c in known[:10]])
    H = _induced(G, members)
    H.graph["community"] = number
    return H
