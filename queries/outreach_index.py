"""The outreach scores' inputs, computed once per graph and scored as numpy vectors.

Every candidate (chamber, person, company) is a position in the arrays; a target (county and/or
industry) fills the target-specific factors from precomputed counters, so ranking 10^5
candidates takes milliseconds and the back-test can rank once per hidden project. Hiding a
project removes its credit (region, industry, activity), its part in the link score and in
recency — as if its INTRODUCED edges were not there.

>>> from queries.summary import offline_graph
>>> idx = OutreachIndex(offline_graph(with_demo=False))
>>> float(idx.factors(Target("county:忻州市/代县"))["hometown"].max())   # natives of 山西省
0.3
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

import networkx as nx
import numpy as np

from queries.facts import (ACTOR_LABELS, chamber_networks, in_by_type, nodes_of, out_by_type, project_facts,
                           typed_edges)

HALF_LIFE_DAYS = 180
_NO_HUBS = ("Source", "Campaign", "Province", "City")


@dataclass
class Target:
    county: str | None = None
    industry: str | None = None
    project: str | None = None


class OutreachIndex:
    """Everything the scores need; `factors(target, hidden)` gives one array per factor."""

    def __init__(self, G):
        self.G = G
        self.facts = project_facts(G)
        self.ids = nodes_of(G, *ACTOR_LABELS)  # sorted: position = tie-break order
        self.pos = {c: i for i, c in enumerate(self.ids)}
        n = len(self.ids)
        owners: dict[str, set[str]] = defaultdict(set)  # member → chambers whose network counts it
        for c, net in chamber_networks(G).items():
            for m in net.members - {c}:
                owners[m].add(c)
        self.credited_by: dict[str, list[int]] = {}
        self.county_counts: dict[str, Counter] = defaultdict(Counter)
        self.industry_counts: dict[str, Counter] = defaultdict(Counter)
        self.activity = np.zeros(n)
        self.projects_of: dict[int, list[str]] = defaultdict(list)
        last = [None] * n
        for p, f in self.facts.items():
            who = {a for a in (*f.introducers, *f.investors) if a in self.pos}
            who |= {c for a in who for c in owners.get(a, ())}
            idx = sorted(self.pos[a] for a in who)
            self.credited_by[p] = idx
            for i in idx:
                self.activity[i] += 1
                self.projects_of[i].append(p)
                if f.county:
                    self.county_counts[f.county][i] += 1
                for ind in f.industries:
                    self.industry_counts[ind][i] += 1
                if f.signed_on and (last[i] is None or f.signed_on > last[i]):
                    last[i] = f.signed_on
        # events attended count as activity dates too (one pass over the edges, in the order
        # out_by_type would give them)
        self.attended: dict[str, list[str]] = defaultdict(list)
        pos = self.pos
        for u, v, t in typed_edges(G):
            if t == "ATTENDED" and u in pos:
                self.attended[u].append(v)
        for c, events in self.attended.items():
            i = pos[c]
            for e in events:
                d = G.nodes[e].get("date")
                if d and (last[i] is None or d > last[i]):
                    last[i] = d
        self.last = last
        dates = [f.signed_on for f in self.facts.values() if f.signed_on]
        dates += [d["date"] for _, d in G.nodes(data=True) if d.get("label") == "Event" and d.get("date")]
        self.as_of = max(dates, default=None)
        self.recency = np.array([self._recency(d) for d in last])
        self.U = _without_hubs(G)  # the graph without geography hubs: for links and evidence paths
        self.warm, self.warm_from = self._warm_paths()
        self.warm_vec = np.array([1 / (1 + self.warm[c]) if c in self.warm else 0.0 for c in self.ids])
        self._aa: dict[str, dict[int, dict[str, float]]] = {}
        self._link: dict[str, tuple] = {}  # target → (link sums, common neighbour → positions)
        self._counts: dict[tuple, tuple] = {}  # (kind, target) → (positions, counts) arrays
        self._hometown: dict[str | None, np.ndarray] = {}

    def _recency(self, d) -> float:
        if d is None or self.as_of is None:
            return 0.0
        return 0.5 ** (max(0, (self.as_of - d).days) / HALF_LIFE_DAYS)

    def _warm_paths(self):
        """Hops from the nearest ambassador or liaison office, not through projects or places:
        one multi-source BFS (scipy csgraph); `warm_from[c]` is the path from that source to c."""
        from scipy.sparse import csr_array
        from scipy.sparse.csgraph import dijkstra

        G = self.G
        sources = {u for u, _, t in typed_edges(G) if t in ("AMBASSADOR_OF", "LIAISON_OFFICE_OF")}
        keep = (*ACTOR_LABELS, "Event", "Organization")
        nodes = [n for n in self.U if G.nodes[n].get("label") in keep]
        if not sources or not nodes:
            return {}, _Paths({}, [], None)
        at = {n: i for i, n in enumerate(nodes)}
        # each undirected pair once (the CSR form below sorts them, so the order does not matter)
        pairs = [(i, at[v]) for u, i in at.items() for v in self.U._adj[u] if v in at and at[v] > i]
        rows = [a for a, b in pairs] + [b for a, b in pairs]
        cols = [b for a, b in pairs] + [a for a, b in pairs]
        A = csr_array((np.ones(len(rows)), (rows, cols)), shape=(len(nodes), len(nodes)))
        dist, pred, _ = dijkstra(A, unweighted=True, indices=sorted(at[s] for s in sources if s in at),
                                 min_only=True, return_predecessors=True)
        reach = {nodes[i]: int(d) for i, d in enumerate(dist) if np.isfinite(d)}
        return reach, _Paths(at, nodes, pred, reach)

    def _adamic_adar(self, target: str) -> dict[int, dict[str, float]]:
        """Candidate position → {common neighbour: 1/log(degree)} with `target`, cached."""
        if target not in self._aa:
            out: dict[int, dict[str, float]] = defaultdict(dict)
            if target in self.U:
                for w in self.U[target]:
                    weight = 1 / math.log(self.U.degree(w)) if self.U.degree(w) > 1 else 0.0
                    for c in self.U[w]:
                        if c != target and c in self.pos:
                            out[self.pos[c]][w] = weight
            self._aa[target] = out
        return self._aa[target]

    def hometown(self, county: str | None) -> np.ndarray:
        """1 native of the county, 0.6 of its city, 0.3 of its province; chambers and companies
        0.8 × the best of their post-holders."""
        if county not in self._hometown:  # the back-test asks for the same counties again and again
            self._hometown[county] = self._hometown_of(county)
        return self._hometown[county].copy()

    def _hometown_of(self, county: str | None) -> np.ndarray:
        h = np.zeros(len(self.ids))
        if county is None or county not in self.G:
            return h
        city = next(iter(out_by_type(self.G, county, "PART_OF")), None)
        province = next(iter(out_by_type(self.G, city, "PART_OF")), None) if city else None
        for place, value in ((province, 0.3), (city, 0.6), (county, 1.0)):
            if place is None:
                continue
            for p in in_by_type(self.G, place, "NATIVE_OF"):
                if p in self.pos:
                    h[self.pos[p]] = max(h[self.pos[p]], value)
        for i in np.flatnonzero(h):
            for org in out_by_type(self.G, self.ids[i], "HOLDS_POST"):
                if org in self.pos:
                    j = self.pos[org]
                    h[j] = max(h[j], 0.8 * h[i])
        return h

    def factors(self, target: Target, hidden=frozenset()) -> dict[str, np.ndarray]:
        """One array per factor (before weighting), each in [0, 1]."""
        n = len(self.ids)
        region, industry, activity = np.zeros(n), np.zeros(n), self.activity.copy()
        link = np.zeros(n)
        if target.county:
            at, k = self._count_arrays("county", target.county, self.county_counts)
            region[at] = k
        if target.industry:
            at, k = self._count_arrays("industry", target.industry, self.industry_counts)
            industry[at] = k
        for t in (target.county, target.industry):
            if t:
                link += self._link_sums(t, hidden)
        recency = self.recency.copy()
        for p in hidden:
            f = self.facts[p]
            for i in self.credited_by.get(p, ()):
                activity[i] -= 1
                region[i] -= f.county == target.county and target.county is not None
                industry[i] -= target.industry in f.industries
                recency[i] = self._recency_without(i, p)
        self.last_projects = activity  # raw counts behind `activity`, for the tapped/untapped split
        return {"region": _log_scaled(region), "industry": _log_scaled(industry),
                "activity": _log_scaled(activity), "hometown": self.hometown(target.county),
                "warm_path": self.warm_vec, "link": _log_scaled(link), "recency": recency}

    def _count_arrays(self, kind: str, target: str, counts: dict) -> tuple[np.ndarray, np.ndarray]:
        if (kind, target) not in self._counts:
            c = counts.get(target, {})
            self._counts[kind, target] = (np.fromiter(c.keys(), dtype=np.int64, count=len(c)),
                                          np.fromiter(c.values(), dtype=float, count=len(c)))
        return self._counts[kind, target]

    def _link_sums(self, target: str, hidden) -> np.ndarray:
        """Adamic–Adar sums with `target` per candidate, leaving out common neighbours in
        `hidden`. The sums over all neighbours are kept; only candidates that share a hidden
        neighbour are summed again (in the same order, so the figures are the same floats)."""
        if target not in self._link:
            aa = self._adamic_adar(target)
            full = np.zeros(len(self.ids))
            via: dict[str, list[int]] = defaultdict(list)
            for i, common in aa.items():
                full[i] = sum(v for w, v in common.items())
                for w in common:
                    via[w].append(i)
            self._link[target] = (full, via)
        full, via = self._link[target]
        touched = {i for w in hidden for i in via.get(w, ())}
        if not touched:
            return full
        out, aa = full.copy(), self._adamic_adar(target)
        for i in touched:
            out[i] = sum(v for w, v in aa[i].items() if w not in hidden)
        return out

    def _recency_without(self, i: int, hidden: str) -> float:
        c = self.ids[i]
        dates = [self.facts[p].signed_on for p in self.projects_of.get(i, ()) if p != hidden] \
            if self.last[i] == self.facts[hidden].signed_on else [self.last[i]]
        dates += [self.G.nodes[e].get("date") for e in self.attended.get(c, ())]
        return self._recency(max((d for d in dates if d is not None), default=None))


def _without_hubs(G) -> nx.Graph:
    """Undirected simple graph of G without the `_NO_HUBS` labels or self-loops; the same
    graph (nodes and neighbour order) as ``add_edges_from(G.edges())``, filled in one pass."""
    U = nx.Graph()
    U.add_nodes_from(n for n, d in G.nodes(data=True) if d.get("label") not in _NO_HUBS)
    adj = U._adj  # NetworkX's own adjacency: both ends share one (empty) edge-data dict
    for u, v, _ in typed_edges(G):
        if u != v and u in adj and v in adj:
            nbrs = adj[u]
            if v not in nbrs:
                nbrs[v] = adj[v][u] = {}
    return U


class _Paths:
    """`paths[c]`: the node ids from the nearest source to `c`, rebuilt from BFS predecessors."""

    def __init__(self, at, nodes, pred, reach=None):
        self.at, self.nodes, self.pred, self.reach = at, nodes, pred, reach or {}

    def __contains__(self, c) -> bool:
        return c in self.reach

    def __getitem__(self, c) -> list[str]:
        i, path = self.at[c], []
        while i >= 0:
            path.append(self.nodes[i])
            i = self.pred[i]
        return path[::-1]


def _log_scaled(x: np.ndarray) -> np.ndarray:
    """log1p(x) / log1p(max x): the best candidate gets 1."""
    top = x.max() if len(x) else 0
    return np.log1p(np.maximum(x, 0)) / math.log1p(top) if top > 0 else np.zeros_like(x)
