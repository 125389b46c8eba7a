"""Shared reading of the projected graph: project facts, names, networks, the merchant view.

Every analysis module reads the NetworkX graph that `graph.projection.project` returns (nodes keyed
by id with `label`, edges keyed by `type`) through these helpers, so the domain rules live once:

- **landed** = stage in {落地, 投产}, **started** = stage in {开工, 投产}, **in production** = 投产
  (the article's 140 landed < 192 started means its two counts are independent milestones; see
  loaders/demo_ledger.py for the reading and docs/analytics.md);
- a project is credited to the event of its **first** signing (earliest SIGNED event by date).

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("e", label="Event", name="会", date=None)
>>> G.add_node("p", label="Project", name="甲", amount_yi=2.5, stage="投产")
>>> _ = G.add_edge("e", "p", key="SIGNED", type="SIGNED")
>>> f = project_facts(G)["p"]
>>> (f.landed, f.started, f.event)
(True, True, 'e')
"""
from __future__ import annotations

from array import array
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import wraps

import networkx as nx
import numpy as np

from graph.projection import EDGE_ARRAYS
from graph.projection import from_dataset  # noqa: F401  (re-exported: analyses' callers import it from here)

LANDED = frozenset({"落地", "投产"})
STARTED = frozenset({"开工", "投产"})
SIGNED_STAGES = frozenset({"签约", "落地", "开工", "投产"})
# Labels kept in the merchant graph: the actors and what they do together. Geography (County,
# City, Province), Industry, Campaign and Source are left out because they are hubs that would
# join every community into one.
MERCHANT_LABELS = frozenset({"Chamber", "Person", "Company", "Organization", "Event", "Project"})
ACTOR_LABELS = ("Chamber", "Person", "Company")


@dataclass
class ProjectFact:
    id: str
    name: str
    amount_yi: float
    stage: str | None
    funds_yi: float
    county: str | None
    industries: tuple[str, ...]
    event: str | None  # event of first signing
    signed_on: date | None
    introducers: tuple[str, ...]
    investors: tuple[str, ...]
    synthetic: bool

    @property
    def signed(self) -> bool:
        return self.stage in SIGNED_STAGES or self.event is not None

    @property
    def landed(self) -> bool:
        return self.stage in LANDED

    @property
    def started(self) -> bool:
        return self.stage in STARTED

    @property
    def in_production(self) -> bool:
        return self.stage == "投产"


@contextmanager
def run_cache(G):
    """Within the block G is taken as unchanged: what several analyses read (typed edge list,
    project facts, chamber networks, merchant view) is computed once; outside, as before.

    >>> G = nx.MultiDiGraph([("a", "b")])
    >>> with run_cache(G):
    ...     typed_edges(G) is typed_edges(G)
    True
    """
    own = "_run_cache" not in G.graph
    if own:
        G.graph["_run_cache"] = {}
    try:
        yield G.graph["_run_cache"]
    finally:
        if own:
            G.graph.pop("_run_cache", None)


def reads_once(fn):
    """Runs ``fn(G, ...)`` inside ``run_cache(G)``: the edge arrays, facts and networks it
    reads through several helpers are made once per call (once per run inside one)."""
    @wraps(fn)
    def within(G, *args, **kwargs):
        with run_cache(G):
            return fn(G, *args, **kwargs)
    return within


def _cached(G, key: str, make):
    """`make()` once per `run_cache` block; every call outside one."""
    cache = G.graph.get("_run_cache")
    if cache is None:
        return make()
    if key not in cache:
        cache[key] = make()
    return cache[key]


def typed_edges(G) -> list[tuple]:
    """`list(G.edges(data="type"))`, read once per `run_cache` block (a NetworkX edge scan
    costs seconds at 10^5 nodes)."""
    return _cached(G, "typed_edges", lambda: _typed_edges(G))


def _typed_edges(G) -> list[tuple]:
    if G.is_directed() and G.is_multigraph():  # what the edge view yields, walked directly
        return [(u, v, d.get("type")) for u, nbrs in G._adj.items() for v, keyed in nbrs.items()
                for d in keyed.values()]
    # iter(): list() would first ask the view its length, itself a full scan of a MultiDiGraph
    return list(iter(G.edges(data="type")))


def edge_index(G) -> tuple[list, dict, np.ndarray, np.ndarray]:
    """``(ids, pos, src, dst)``: the nodes in G's order, id → position, and every edge of
    `typed_edges` (same order) as the positions of its ends — for numpy work over 10^6 edges
    (once per `run_cache` block)."""
    a = edge_arrays(G)
    return a.ids, a.pos, a.src, a.dst


@dataclass(frozen=True)
class EdgeArrays:
    """G's edges as arrays: ``src[k]``, ``dst[k]`` (positions in `ids`) and relationship type
    ``types[code[k]]`` of the k-th edge of `typed_edges`."""

    ids: list
    pos: dict
    src: np.ndarray
    dst: np.ndarray
    code: np.ndarray
    types: list


def edge_arrays(G) -> EdgeArrays:
    """`EdgeArrays` of G (once per `run_cache` block).

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("a", "b", type="KNOWS"); _ = G.add_edge("b", "a", type="OWES")
    >>> a = edge_arrays(G)
    >>> a.src.tolist(), a.dst.tolist(), [a.types[c] for c in a.code]
    ([0, 1], [1, 0], ['KNOWS', 'OWES'])
    """
    return _cached(G, "edge_arrays", lambda: _held_edge_arrays(G) or _edge_arrays(G))


def _held_edge_arrays(G) -> EdgeArrays | None:
    """The arrays `graph.projection.project` left in NetworkX's cache, if G is unchanged since."""
    held = (getattr(G, "__networkx_cache__", None) or {}).get(EDGE_ARRAYS)
    return EdgeArrays(*held) if held is not None else None


def _edge_arrays(G) -> EdgeArrays:
    ids = list(G)
    pos = {n: i for i, n in enumerate(ids)}
    codes: dict = {}
    src, dst, code = array("q"), array("q"), array("h")
    if G.is_directed() and G.is_multigraph():
        # one walk of the adjacency straight into arrays: no list of 10^6 tuples to make and free
        add_src, add_dst, add_code = src.append, dst.append, code.append
        for u, nbrs in G._adj.items():
            i = pos[u]
            for v, keyed in nbrs.items():
                j = pos[v]
                for d in keyed.values():
                    t = d.get("type")
                    c = codes.get(t)
                    if c is None:
                        c = codes.setdefault(t, len(codes))
                    add_src(i)
                    add_dst(j)
                    add_code(c)
    else:
        for u, v, t in typed_edges(G):
            src.append(pos[u])
            dst.append(pos[v])
            code.append(codes.setdefault(t, len(codes)))
    return EdgeArrays(ids, pos, np.frombuffer(src, dtype=np.int64), np.frombuffer(dst, dtype=np.int64),
                      np.frombuffer(code, dtype=np.int16), list(codes))


def edges_of(G, *rtypes: str) -> tuple[np.ndarray, np.ndarray]:
    """``(src, dst)`` positions (see `edge_index`) of the edges of these types, in
    `typed_edges` order.

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edges_from([("a", "b"), ("b", "c")], type="X")
    >>> [x.tolist() for x in edges_of(G, "X")], [x.tolist() for x in edges_of(G, "Y")]
    ([[0, 1], [1, 2]], [[], []])
    """
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


def sources_by_type(G, v, rtype: str) -> list[str]:
    """`in_by_type(G, v, rtype)` as a set would hold it (order not kept): within a `run_cache`
    block read from one index per type instead of a walk of v's in-edges."""
    if "_run_cache" not in G.graph:
        return in_by_type(G, v, rtype)
    starts, sources = _cached(G, ("in_index", rtype), lambda: _in_index(G, rtype))
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


def label(G, n) -> str:
    return G.nodes[n].get("label", "")


def node_labels(G) -> dict:
    """Node id → label, for loops over many nodes (read once per `run_cache` block)."""
    return _cached(G, "labels", lambda: {n: d.get("label", "") for n, d in G.nodes(data=True)})


def degrees(G) -> dict:
    """Node id → ``G.degree(n)``, all at once (once per `run_cache` block)."""
    return _cached(G, "degrees", lambda: _degrees(G))


def _degrees(G) -> dict:
    a = edge_arrays(G)
    n = len(a.ids)
    # a self-loop counts twice, as in NetworkX
    out = np.bincount(a.src, minlength=n) + np.bincount(a.dst, minlength=n)
    return dict(zip(a.ids, out.tolist()))


def name(G, n) -> str:
    """A node's display name (its id when it has none)."""
    return str(G.nodes[n].get("name") or n) if n in G else str(n)


def nodes_of(G, *labels: str) -> list[str]:
    return sorted(n for n, d in G.nodes(data=True) if d.get("label") in labels)


def out_by_type(G, n, rtype: str) -> list[str]:
    return [v for _, v, t in G.out_edges(n, data="type") if t == rtype]


def in_by_type(G, n, rtype: str) -> list[str]:
    return [u for u, _, t in G.in_edges(n, data="type") if t == rtype]


def event_label(G, e) -> str:
    """`2017-05-12 珠海市 event` — how an event is named in words."""
    d = G.nodes[e]
    city = next((name(G, c) for c in out_by_type(G, e, "HELD_IN")), "")
    day = d.get("date")
    return f"{day.isoformat() if day else '?'} {city} event".replace("  ", " ")


def project_facts(G) -> dict[str, ProjectFact]:
    """One ProjectFact per Project node; amounts default to 0 where unknown.

    Cached on the graph (``G.graph``) until its node or edge count changes, since every analysis
    asks for it.
    """
    if "_run_cache" in G.graph:  # the count below is itself a full edge scan on a MultiDiGraph
        return _cached(G, "project_facts", lambda: _project_facts(G))
    key = (G.number_of_nodes(), G.number_of_edges())
    cached = G.graph.get("_project_facts")
    if cached is not None and cached[0] == key:
        return cached[1]
    out = _project_facts(G)
    G.graph["_project_facts"] = (key, out)
    return out


def _project_facts(G) -> dict[str, ProjectFact]:
    projects = {n for n, d in G.nodes(data=True) if d.get("label") == "Project"}
    is_project = label_mask(G, "Project")
    # only the few relationship types a fact needs are read, as arrays, not every edge
    signed, introduced, invests = (grouped(G, t, "dst", is_project) for t in ("SIGNED", "INTRODUCED", "INVESTS_IN"))
    located, industries = (grouped(G, t, "src", is_project) for t in ("LOCATED_IN", "IN_INDUSTRY"))
    out = {}
    for p in sorted(projects):
        d = G.nodes[p]
        events = signed.get(p)
        first = min(events, key=lambda e: (G.nodes[e].get("date") or date.max, e)) if events else None
        out[p] = ProjectFact(
            id=p, name=name(G, p), amount_yi=float(d.get("amount_yi") or 0.0), stage=d.get("stage"),
            funds_yi=float(d.get("funds_in_place_yi") or 0.0),
            county=min(located.get(p, ()), default=None), industries=tuple(sorted(industries.get(p, ()))),
            event=first, signed_on=d.get("signed_on"), introducers=tuple(sorted(introduced.get(p, ()))),
            investors=tuple(sorted(invests.get(p, ()))), synthetic=bool(d.get("synthetic")))
    return out


@dataclass
class ChamberNetwork:
    """A chamber and the people and companies around it."""

    chamber: str
    post_holders: set[str] = field(default_factory=set)
    companies: set[str] = field(default_factory=set)
    ambassadors: set[str] = field(default_factory=set)
    liaison_office: bool = False

    @property
    def members(self) -> set[str]:
        return {self.chamber} | self.post_holders | self.companies | self.ambassadors


def chamber_networks(G) -> dict[str, ChamberNetwork]:
    """Each chamber's network: post-holders (HOLDS_POST), member companies (MEMBER_OF), linked
    ambassadors and whether it is a liaison office (LIAISON_OFFICE_OF).

    A city's ambassador is *linked* to a chamber when they hold a post in it or attended an event
    the chamber attended or organized (the seed's 8-02 Beijing event handed the five letters of
    appointment where the chamber got its liaison-office plaque).
    """
    return _cached(G, "chamber_networks", lambda: _chamber_networks(G))


def _chamber_networks(G) -> dict[str, ChamberNetwork]:
    ambassadors = set(grouped(G, "AMBASSADOR_OF", "src"))
    nets = {c: ChamberNetwork(c) for c in nodes_of(G, "Chamber")}
    is_chamber = label_mask(G, "Chamber")
    for c, people in grouped(G, "HOLDS_POST", "dst", is_chamber).items():
        nets[c].post_holders.update(people)
    for c, companies in grouped(G, "MEMBER_OF", "dst", is_chamber).items():
        nets[c].companies.update(companies)
    for c in grouped(G, "LIAISON_OFFICE_OF", "src", is_chamber):
        nets[c].liaison_office = True
    events_of: dict[str, set] = {c: set() for c in nets}
    for t in ("ATTENDED", "ORGANIZED"):
        for c, events in grouped(G, t, "src", is_chamber).items():
            events_of[c].update(events)
    pos = edge_arrays(G).pos
    is_ambassador = np.zeros(len(pos), dtype=bool)
    is_ambassador[[pos[a] for a in ambassadors]] = True
    at_event: dict[str, set] = {}  # event → the ambassadors who attended it
    for a, events in grouped(G, "ATTENDED", "src", is_ambassador).items():
        for e in events:
            at_event.setdefault(e, set()).add(a)
    for c, net in nets.items():
        for e in events_of[c]:
            net.ambassadors |= at_event.get(e, set())
        net.ambassadors |= net.post_holders & ambassadors
    return nets


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
    edges in ``G.edges()`` order. Once per `run_cache` block."""
    return _cached(G, "merchant_view", lambda: _merchant_view(G))


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
    return _cached(G, "merchant_graph", lambda: _merchant_graph(G))


def _merchant_graph(G) -> nx.Graph:
    view = merchant_view(G) if G.is_directed() or G.is_multigraph() else _projected_view(G)
    H = nx.Graph()
    H.add_nodes_from((n, G.nodes[n]) for n in view.nodes)
    nodes, adj = view.nodes, H._adj  # what add_weighted_edges_from does for new pairs (each comes once), inline
    for i, j, w in zip(view.a.tolist(), view.b.tolist(), view.weight.tolist()):
        u, v = nodes[i], nodes[j]
        adj[u][v] = adj[v][u] = {"weight": w}
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


def is_synthetic(G) -> bool:
    """True when any synthetic source is in the graph: every output must then say so."""
    return bool(G.graph.get("synthetic_sources"))
