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
from dataclasses import dataclass

import numpy as np

from queries.edges import edge_index, grouped, label_mask, node_labels, sources_by_type
from queries.facts import ACTOR_LABELS, chamber_networks, nodes_of, out_by_type, project_facts

HALF_LIFE_DAYS = 180
_NO_HUBS = ("Source", "Campaign", "Province", "City")
_NONE = (np.zeros(0, dtype=np.int64), np.zeros(0))


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
        self._projects = list(self.facts)
        self._project_row = {p: j for j, p in enumerate(self._projects)}
        self.credit = self._credit_matrix()  # projects (facts order) × candidates, 1 = credited
        by_candidate = self.credit.T.tocsr()  # candidate → credited projects
        self._by_candidate = (by_candidate.indptr, by_candidate.indices)
        self.activity = np.asarray(self.credit.sum(axis=0), dtype=float).ravel()
        self.county_counts = self._counts_by(lambda f: (f.county,) if f.county else ())
        self.industry_counts = self._counts_by(lambda f: f.industries)
        last = self._last_signed()
        # events attended count as activity dates too
        self.attended = grouped(G, "ATTENDED", "src", label_mask(G, *ACTOR_LABELS))
        date_of = {e: d for e in nodes_of(G, "Event") if (d := G.nodes[e].get("date"))}
        for c, events in self.attended.items():
            i = self.pos[c]
            latest = max((date_of[e] for e in events if e in date_of), default=None)
            if latest and (last[i] is None or latest > last[i]):
                last[i] = latest
        self.last = last
        dates = [f.signed_on for f in self.facts.values() if f.signed_on] + list(date_of.values())
        self.as_of = max(dates, default=None)
        recency = {d: self._recency(d) for d in set(last)}  # a few hundred distinct dates
        self.recency = np.array([recency[d] for d in last])
        # the graph without geography hubs (as arrays): for links and evidence paths
        self.U, self._hubless = _without_hubs(G)
        self.warm, self.warm_from = self._warm_paths()
        self.warm_vec = np.array([1 / (1 + self.warm[c]) if c in self.warm else 0.0 for c in self.ids])
        self._candidate_at = np.full(len(self.U.ids), -1, dtype=np.int64)  # edge_index position → candidate
        self._candidate_at[[self.U.pos[c] for c in self.ids]] = np.arange(len(self.ids))
        self._link: dict[str, tuple] = {}  # target → `_link_table`
        self._hometown: dict[str | None, np.ndarray] = {}

    def _credit_matrix(self):
        """Who is credited with each project: its introducers and investors, and the chambers
        whose network counts them (post-holders, member companies, linked ambassadors)."""
        from scipy.sparse import csr_array

        pos, n, m = self.pos, len(self.ids), len(self.facts)
        rows, cols = [], []
        for j, f in enumerate(self.facts.values()):
            for a in (*f.introducers, *f.investors):
                if a in pos:
                    rows.append(j)
                    cols.append(pos[a])
        direct = csr_array((np.ones(len(rows)), (rows, cols)), shape=(m, n))
        rows, cols = [], []
        for c, net in chamber_networks(self.G).items():
            for member in net.members - {c}:
                if member in pos:
                    rows.append(pos[member])
                    cols.append(pos[c])
        owner = csr_array((np.ones(len(rows)), (rows, cols)), shape=(n, n))
        credit = (direct + direct @ owner).tocsr()
        credit.data[:] = 1.0
        credit.sort_indices()
        return credit

    def credited_by(self, p: str) -> np.ndarray:
        """Positions of the candidates credited with project `p`, ascending."""
        j = self._project_row[p]
        return self.credit.indices[self.credit.indptr[j]:self.credit.indptr[j + 1]]

    def projects_of(self, i: int) -> list[str]:
        """The projects credited to candidate position `i`."""
        indptr, rows = self._by_candidate
        return [self._projects[j] for j in rows[indptr[i]:indptr[i + 1]]]

    def _counts_by(self, keys_of) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """key (county or industry) → (candidate positions, projects credited to each there)."""
        from scipy.sparse import csr_array

        keys: dict[str, int] = {}
        rows, cols = [], []
        for j, f in enumerate(self.facts.values()):
            for key in keys_of(f):
                rows.append(keys.setdefault(key, len(keys)))
                cols.append(j)
        if not keys:
            return {}
        K = csr_array((np.ones(len(rows)), (rows, cols)), shape=(len(keys), len(self.facts)))
        counts = (K @ self.credit).tocsr()
        return {key: (counts.indices[counts.indptr[r]:counts.indptr[r + 1]].astype(np.int64),
                      counts.data[counts.indptr[r]:counts.indptr[r + 1]])
                for key, r in keys.items()}

    def _last_signed(self) -> list:
        """Per candidate, the latest signing date among its credited projects (None if none)."""
        signed = [f.signed_on for f in self.facts.values()]
        days = sorted({d for d in signed if d is not None})
        if not days:
            return [None] * len(self.ids)
        rank = {d: r for r, d in enumerate(days)}
        project_rank = np.array([rank[d] if d is not None else -1 for d in signed])
        coo = self.credit.tocoo()
        best = np.full(len(self.ids), -1)
        np.maximum.at(best, coo.col, project_rank[coo.row])
        return [days[r] if r >= 0 else None for r in best.tolist()]

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
        sources = {*grouped(G, "AMBASSADOR_OF", "src"), *grouped(G, "LIAISON_OFFICE_OF", "src")}
        keep = (*ACTOR_LABELS, "Event", "Organization")
        ids, _, _, _ = edge_index(G)
        labels = node_labels(G)
        in_u, _, ends, others = self._hubless
        wanted = in_u & np.fromiter((labels[n] in keep for n in ids), dtype=bool, count=len(ids))
        nodes = [ids[x] for x in np.flatnonzero(wanted).tolist()]  # U's order
        if not sources or not nodes:
            return {}, _Paths({}, [], None)
        at = {n: i for i, n in enumerate(nodes)}
        local = np.cumsum(wanted) - 1
        # each undirected pair once, from its lower end, in U's neighbour order
        ok = wanted[ends] & wanted[others]
        i, j = local[ends[ok]], local[others[ok]]
        i, j = i[j > i], j[j > i]
        A = csr_array((np.ones(2 * len(i)), (np.concatenate([i, j]), np.concatenate([j, i]))),
                      shape=(len(nodes), len(nodes)))
        dist, pred, _ = dijkstra(A, unweighted=True, indices=sorted(at[s] for s in sources if s in at),
                                 min_only=True, return_predecessors=True)
        found = np.flatnonzero(np.isfinite(dist))
        reach = dict(zip([nodes[k] for k in found.tolist()], dist[found].astype(int).tolist()))
        return reach, _Paths(at, nodes, pred, reach)

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
            for p in sources_by_type(self.G, place, "NATIVE_OF"):  # a province has 10^4 natives at L
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
            at, k = self.county_counts.get(target.county, _NONE)
            region[at] = k
        if target.industry:
            at, k = self.industry_counts.get(target.industry, _NONE)
            industry[at] = k
        for t in (target.county, target.industry):
            if t:
                link += self._link_sums(t, hidden)
        recency = self.recency.copy()
        for p in hidden:
            f = self.facts[p]
            for i in self.credited_by(p).tolist():
                activity[i] -= 1
                region[i] -= f.county == target.county and target.county is not None
                industry[i] -= target.industry in f.industries
                recency[i] = self._recency_without(i, p)
        self.last_projects = activity  # raw counts behind `activity`, for the tapped/untapped split
        return {"region": _log_scaled(region), "industry": _log_scaled(industry),
                "activity": _log_scaled(activity), "hometown": self.hometown(target.county),
                "warm_path": self.warm_vec, "link": _log_scaled(link), "recency": recency}


    def _link_sums(self, target: str, hidden) -> np.ndarray:
        """Adamic–Adar sums with `target` per candidate: over the common neighbours w of the
        candidate and `target` in the hub-free graph, 1 / log(degree of w), leaving out common
        neighbours in `hidden`. The sums over all neighbours are kept; only candidates that share
        a hidden neighbour are summed again, in the same order (so the same floats)."""
        if target not in self._link:
            self._link[target] = self._link_table(target)
        full, row_of, weights, k, cand, by_cand, cand_starts = self._link[target]
        rows = {row_of[h] for h in hidden if h in row_of}
        if not rows:
            return full
        touched = {i for r in rows
                   for i in cand[np.searchsorted(k, r):np.searchsorted(k, r, side="right")].tolist()}
        out = full.copy()
        for i in touched:
            mine = k[by_cand[cand_starts[i]:cand_starts[i + 1]]].tolist()
            out[i] = sum(weights[r] for r in mine if r not in rows)
        return out

    def _link_table(self, target: str) -> tuple:
        """Every (common neighbour w, candidate) pair with `target`, w by w in the hub-free graph's
        neighbour order and each w's neighbours in theirs, as arrays (`k`: w's row, `cand`), and
        each candidate's sum over them."""
        full = np.zeros(len(self.ids))
        none = np.zeros(0, dtype=np.int64)
        if target not in self.U:
            return full, {}, [], none, none, none, np.zeros(len(self.ids) + 1, dtype=np.int64)
        _, starts, _, others = self._hubless
        t = self.U.pos[target]
        ws = others[starts[t]:starts[t + 1]]
        degree = starts[ws + 1] - starts[ws]
        weights = [1 / math.log(d) if d > 1 else 0.0 for d in degree.tolist()]
        row_of = {self.U.ids[w]: r for r, w in enumerate(ws.tolist())}
        within = np.arange(degree.sum()) - np.repeat(np.cumsum(degree) - degree, degree)
        c = others[np.repeat(starts[ws], degree) + within]
        k = np.repeat(np.arange(len(ws)), degree)
        cand = self._candidate_at[c]
        ok = (cand >= 0) & (c != t)
        k, cand = k[ok], cand[ok]
        np.add.at(full, cand, np.asarray(weights, dtype=float)[k])  # in order: the same floats as sum()
        by_cand = np.argsort(cand, kind="stable")
        cand_starts = np.searchsorted(cand[by_cand], np.arange(len(self.ids) + 1))
        return full, row_of, weights, k, cand, by_cand, cand_starts

    def _recency_without(self, i: int, hidden: str) -> float:
        c = self.ids[i]
        dates = [self.facts[p].signed_on for p in self.projects_of(i) if p != hidden] \
            if self.last[i] == self.facts[hidden].signed_on else [self.last[i]]
        dates += [self.G.nodes[e].get("date") for e in self.attended.get(c, ())]
        return self._recency(max((d for d in dates if d is not None), default=None))


def _without_hubs(G) -> tuple["Adjacency", tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
    """Undirected simple graph of G without the `_NO_HUBS` labels or self-loops — the same
    graph (nodes and neighbour order) as ``nx.Graph(G.edges())`` would be, held as arrays (a
    NetworkX copy took 15 s at L) — and those arrays over `edge_index` positions:
    ``(kept, starts, ends, others)``, `kept` marking its nodes, each node's neighbours in that
    order at ``others[starts[x]:starts[x + 1]]``."""
    ids, pos, src, dst = edge_index(G)
    labels = node_labels(G)
    keep = np.fromiter((labels[n] not in _NO_HUBS for n in ids), dtype=bool, count=len(ids))
    ok = keep[src] & keep[dst] & (src != dst)
    a, b = src[ok], dst[ok]
    # each pair where the edge walk first meets it, as met (u, v): the order neighbours are added in
    _, first = np.unique(np.minimum(a, b) * len(ids) + np.maximum(a, b), return_index=True)
    first.sort()
    a, b = a[first], b[first]
    ends, others = np.empty(2 * len(a), dtype=np.int64), np.empty(2 * len(a), dtype=np.int64)
    ends[0::2], ends[1::2], others[0::2], others[1::2] = a, b, b, a
    order = np.argsort(ends, kind="stable")
    ends, others = ends[order], others[order]
    starts = np.searchsorted(ends, np.arange(len(ids) + 1))
    return Adjacency(ids, pos, keep, starts, others), (keep, starts, ends, others)


class Adjacency:
    """A simple undirected graph held as arrays, read as NetworkX's adjacency is read:
    ``n in U``, ``U[n]`` (n's neighbours, in order), ``U.degree(n)``.

    >>> import networkx as nx
    >>> U, _ = _without_hubs(nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("b", "a")]))
    >>> U["a"], U.degree("b"), "z" in U
    (['b', 'c'], 2, False)
    """

    def __init__(self, ids: list, pos: dict, kept: np.ndarray, starts: np.ndarray, others: np.ndarray):
        self.ids, self.pos, self.kept, self.starts, self.others = ids, pos, kept, starts, others

    def __contains__(self, n) -> bool:
        i = self.pos.get(n)
        return i is not None and bool(self.kept[i])

    def __getitem__(self, n) -> list:
        i = self.pos[n]
        return [self.ids[j] for j in self.others[self.starts[i]:self.starts[i + 1]].tolist()]

    def degree(self, n) -> int:
        i = self.pos[n]
        return int(self.starts[i + 1] - self.starts[i])


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
    """log1p(x) / log1p(max x): the best candidate gets 1 (only the non-zero entries are
    computed: most candidates have nothing in a county or an industry)."""
    top = x.max() if len(x) else 0
    out = np.zeros_like(x, dtype=float)
    if top > 0:
        nz = np.flatnonzero(x > 0)
        out[nz] = np.log1p(x[nz]) / math.log1p(top)
    return out
