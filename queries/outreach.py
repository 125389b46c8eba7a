"""Outreach targeting: for a county, an industry or a project, whom to approach next, and why.

Candidates are chambers, people and companies. The score is a weighted sum of seven factors, each
in [0, 1], printed with every candidate (`WEIGHTS`):

- ``region``: track record in the county — projects credited to the candidate there (a chamber
  is credited with its network's projects: post-holders, member companies, linked ambassadors),
  log-scaled against the best candidate;
- ``industry``: the same in the industry;
- ``activity``: track record overall — all projects credited, log-scaled against the best
  candidate (the back-test shows volume predicts the next introducer best);
- ``hometown``: 籍贯 (NATIVE_OF) — 1 for the county itself, 0.6 for its city, 0.3 for the
  province; a chamber or company takes 0.8 × the best of its post-holders;
- ``warm_path``: 1 / (1 + hops) from the nearest of the city's ambassadors (AMBASSADOR_OF) and
  liaison offices (LIAISON_OFFICE_OF), through people, chambers, companies and events;
- ``link``: Adamic–Adar index between the candidate and the county (plus the industry) in the
  graph without geography hubs — shared events, projects and people, rare ones weighing more;
- ``recency``: 0.5 ** (days since the candidate's last signing or event / 180), counted back from
  the latest date in the graph.

Candidates with nothing credited yet but well connected are **untapped** and listed apart.
`backtest` hides each known introduction in turn and counts how often a true introducer is
ranked in the top 5.

>>> from loaders.bundled import bundled_catalog
>>> from queries.facts import from_dataset
>>> r = recommend(from_dataset(bundled_catalog()), county="代县", top=3)
>>> r.target.county
'county:忻州市/代县'
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

import numpy as np

from loaders.gazetteer import Gazetteer, load_aliases
from queries.evidence import node_words, say_path, shortest_path_words
from queries.facts import is_synthetic, name, nodes_of, out_by_type, project_facts
from queries.run import once_per_run, reads_once
from queries.outreach_index import OutreachIndex, Target

__all__ = ["WEIGHTS", "Candidate", "Outreach", "OutreachIndex", "Target", "backtest", "recommend", "rank"]
WEIGHTS = {"region": 0.20, "industry": 0.15, "activity": 0.20, "hometown": 0.10, "warm_path": 0.10,
           "link": 0.15, "recency": 0.10}
MAX_PATH_HOPS = 4  # longer chains are true but say little


@dataclass
class Candidate:
    id: str
    name: str
    label: str
    score: float
    factors: dict[str, float]
    contributions: dict[str, float]
    projects: int
    paths: list[str] = field(default_factory=list)
    synthetic: bool = False

    def as_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "label": self.label, "score": round(self.score, 4),
                "factors": {k: round(v, 4) for k, v in self.factors.items()},
                "contributions": {k: round(v, 4) for k, v in self.contributions.items()},
                "projects": self.projects, "paths": self.paths, "synthetic": self.synthetic}


@dataclass
class Outreach:
    target: Target
    candidates: list[Candidate]
    untapped: list[Candidate]
    synthetic: bool


def graph_gazetteer(G, labels: tuple[str, ...]) -> Gazetteer:
    """The gazetteer (with the bundled alias table) over the nodes of these labels in G, so
    names the demo ledger or later sources added resolve too (built once per
    run, `queries.run`, and labels: projects, 10^5 of them at L, only when asked)."""
    return once_per_run(G, ("gazetteer", labels), lambda: _graph_gazetteer(G, labels))


def _graph_gazetteer(G, labels: tuple[str, ...]) -> Gazetteer:
    gaz = Gazetteer(load_aliases())
    for n in nodes_of(G, *labels):
        gaz.add(n, G.nodes[n]["label"], name(G, n), G.nodes[n].get("aliases") or ())
    return gaz


def resolve_target(G, county=None, industry=None, project=None) -> Target:
    """Names (or ids) to node ids; unknown names raise ResolutionError with suggestions."""
    places = graph_gazetteer(G, ("County", "Industry"))
    t = Target(
        county=places.resolve(county, ("County",))[0] if county else None,
        industry=places.resolve(industry, ("Industry",))[0] if industry else None,
        project=graph_gazetteer(G, ("Project",)).resolve(project, ("Project",))[0] if project else None)
    if t.project:
        f = project_facts(G)[t.project]
        t.county = t.county or f.county
        t.industry = t.industry or (f.industries[0] if f.industries else None)
    return t


def rank(idx: OutreachIndex, target: Target, hidden=frozenset(), exclude=frozenset()):
    """(order, scores, factors, projects): candidate positions best first (ties by id)."""
    f = idx.factors(target, hidden)
    score = _score(f)
    projects = idx.last_projects
    order = np.lexsort((np.arange(len(idx.ids)), -score))
    if exclude:
        order = np.array([i for i in order if idx.ids[i] not in exclude], dtype=int)
    return order, score, f, projects


def _score(factors: dict[str, np.ndarray]) -> np.ndarray:
    """The weighted sum of the factor arrays: each candidate's score."""
    return sum(WEIGHTS[k] * factors[k] for k in WEIGHTS)


def _best(score: np.ndarray, top: int) -> list[int]:
    """The first `top` positions of ``np.lexsort((positions, -score))``, without sorting all:
    only the scores at or above the top-th best can be among them."""
    if len(score) <= top:
        return np.lexsort((np.arange(len(score)), -score)).tolist()
    at = np.flatnonzero(score >= np.partition(score, len(score) - top)[len(score) - top])
    return at[np.lexsort((at, -score[at]))][:top].tolist()


def _candidate(idx: OutreachIndex, i: int, score, f, projects) -> Candidate:
    factors = {k: float(f[k][i]) for k in WEIGHTS}
    c = idx.ids[i]
    return Candidate(c, name(idx.G, c), idx.G.nodes[c]["label"], float(score[i]), factors,
                     {k: WEIGHTS[k] * v for k, v in factors.items()}, int(projects[i]),
                     synthetic=bool(idx.G.nodes[c].get("synthetic")))


def explain(idx: OutreachIndex, cand: Candidate, target: Target, limit: int = 3) -> list[str]:
    """Evidence paths in words: to the county, to the industry, from the city's people, hometown."""
    G, paths = idx.G, []
    for t in (target.county, target.industry):
        if t is not None and (words := shortest_path_words(G, idx.U, cand.id, t, MAX_PATH_HOPS)):
            paths.append(words)
    if cand.id in idx.warm_from:
        warm = list(idx.warm_from[cand.id])
        role = "招商引资大使" if out_by_type(G, warm[0], "AMBASSADOR_OF") else "招商引资联络处"
        paths.append(f"{node_words(G, warm[0])} (the city's {role})" +
                     (" — " + say_path(G, warm).split(" — ", 1)[1] if len(warm) > 1 else ""))
    for place in out_by_type(G, cand.id, "NATIVE_OF"):
        paths.append(say_path(G, [cand.id, place]))
    return list(dict.fromkeys(paths))[:limit]


@reads_once
def recommend(G, county=None, industry=None, project=None, top: int = 10, index: OutreachIndex | None = None) -> Outreach:
    """Ranked candidates for a county, industry or project, with factors and evidence paths.

    For a project, its county and industry are the target and its own introducers are left out
    (they are already on it). Names resolve through the gazetteer (ResolutionError otherwise).

    Examples
    --------
    >>> from loaders.bundled import bundled_catalog
    >>> from queries.facts import from_dataset
    >>> r = recommend(from_dataset(bundled_catalog()), county="代县", industry="文化旅游", top=2)
    >>> r.candidates          # the seed names no introducer: nobody has a track record yet
    []
    >>> [c.name for c in r.untapped], sorted(r.untapped[0].factors) == sorted(WEIGHTS)
    (['广东山西商会', '高山'], True)
    """
    if not (county or industry or project):
        raise ValueError("give a county, an industry or a project")
    target = resolve_target(G, county, industry, project)
    idx = index or OutreachIndex(G)
    exclude = set(idx.facts[target.project].introducers) if target.project else set()
    order, score, f, projects = rank(idx, target, exclude=exclude)
    tapped = [_candidate(idx, i, score, f, projects) for i in order[projects[order] > 0][:top]]
    # untapped: nothing credited yet; by score, then by how connected they are
    pool = order[projects[order] == 0]
    degree = np.array([idx.U.degree(idx.ids[i]) if idx.ids[i] in idx.U else 0 for i in pool[: top * 20]])
    best = pool[: top * 20][np.lexsort((np.arange(len(degree)), -degree, -score[pool[: top * 20]]))][:top]
    untapped = [_candidate(idx, i, score, f, projects) for i in best]
    for c in tapped + untapped:
        c.paths = explain(idx, c, target)
    return Outreach(target, tapped, untapped, is_synthetic(G))


@reads_once
def backtest(G, top: int = 5, sample: int | None = None, seed: int = 42, index: OutreachIndex | None = None) -> dict:
    """Hide each known introduction (a project's INTRODUCED edges) in turn, rank candidates for
    the project's county and industry, and count how often a true introducer is in the top `top`.

    Returns ``{"projects", "hits", "rate", "baseline_rate", "top"}``; the baseline ranks by the
    number of projects credited (popularity), with the same hiding.

    Examples
    --------
    >>> from loaders.bundled import bundled_catalog
    >>> from queries.facts import from_dataset
    >>> backtest(from_dataset(bundled_catalog()))["projects"]   # the seed names no introducer
    0
    """
    idx = index or OutreachIndex(G)
    tests = sorted(p for p, f in idx.facts.items() if f.introducers and f.county)
    if sample is not None and len(tests) > sample:
        tests = sorted(random.Random(seed).sample(tests, sample))
    hits = base_hits = 0
    for p in tests:
        f = idx.facts[p]
        target = Target(f.county, f.industries[0] if f.industries else None)
        score = _score(idx.factors(target, hidden={p}))
        true = {idx.pos[i] for i in f.introducers if i in idx.pos}
        hits += bool(true & set(_best(score, top)))
        base_hits += bool(true & set(_best(idx.last_projects, top)))
    n = len(tests)
    return {"projects": n, "hits": hits, "rate": hits / n if n else 0.0,
            "baseline_rate": base_hits / n if n else 0.0, "top": top, "synthetic": is_synthetic(G)}
