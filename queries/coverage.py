"""Coverage gaps: counties and industries that the merchant networks reach weakly or not at all.

A county's **ties** are the distinct chambers and people linked to it by at least one of:
introducing a project located there (INTRODUCED → LOCATED_IN), being native of it (NATIVE_OF),
or attending an event the county attended (ATTENDED, both ends). An industry's ties are the
distinct chambers and people who introduced a project in it, and the companies in it. A place
or industry with no tie is a **gap**; one with fewer than `weak_below` ties is **weak**.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("county:x/甲县", label="County", name="甲县")
>>> county_coverage(G).loc["county:x/甲县", "status"]
'gap'
"""
from __future__ import annotations

from collections import defaultdict

import pandas as pd

from queries.edges import node_labels, sources_by_type
from queries.facts import name, nodes_of, out_by_type, project_facts
from queries.run import reads_once

TIE_LABELS = ("Chamber", "Person")


def _status(ties: int, weak_below: int) -> str:
    return "gap" if ties == 0 else "weak" if ties < weak_below else "covered"


@reads_once
def county_coverage(G, weak_below: int = 3) -> pd.DataFrame:
    """One row per county, weakest first.

    Columns: ``name``, ``projects``, ``signed_yi``, ``funds_yi``, ``introducers`` (distinct),
    ``natives``, ``event_ties`` (chambers and people met at events the county attended),
    ``ties`` (distinct over the three), ``status`` (gap / weak / covered), ``synthetic``.

    Examples
    --------
    >>> import networkx as nx
    >>> county_coverage(nx.MultiDiGraph()).empty
    True
    """
    facts, labels = project_facts(G), node_labels(G)
    by_county = defaultdict(list)
    for f in facts.values():
        if f.county:
            by_county[f.county].append(f)
    rows = {}
    for c in nodes_of(G, "County"):
        projects = by_county.get(c, [])
        intro = {i for f in projects for i in f.introducers if labels[i] in TIE_LABELS}
        natives = set(sources_by_type(G, c, "NATIVE_OF"))
        met = set()
        for e in out_by_type(G, c, "ATTENDED"):
            met |= {a for a in sources_by_type(G, e, "ATTENDED") + sources_by_type(G, e, "ORGANIZED")
                    if labels[a] in TIE_LABELS}
        ties = len(intro | natives | met)
        rows[c] = {"name": name(G, c), "projects": len(projects),
                   "signed_yi": round(sum(f.amount_yi for f in projects), 1),
                   "funds_yi": round(sum(f.funds_yi for f in projects), 1), "introducers": len(intro),
                   "natives": len(natives), "event_ties": len(met), "ties": ties,
                   "status": _status(ties, weak_below), "synthetic": any(f.synthetic for f in projects)}
    return _weakest_first(rows)


@reads_once
def industry_coverage(G, weak_below: int = 3) -> pd.DataFrame:
    """One row per industry, weakest first.

    Columns: ``name``, ``projects``, ``signed_yi``, ``introducers``, ``companies``, ``ties``,
    ``status``, ``synthetic``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("industry:大数据", label="Industry", name="大数据")
    >>> industry_coverage(G)["status"].tolist()
    ['gap']
    """
    facts, labels = project_facts(G), node_labels(G)
    by_industry = defaultdict(list)
    for f in facts.values():
        for i in f.industries:
            by_industry[i].append(f)
    rows = {}
    for ind in nodes_of(G, "Industry"):
        projects = by_industry.get(ind, [])
        intro = {i for f in projects for i in f.introducers if labels[i] in TIE_LABELS}
        companies = {c for c in sources_by_type(G, ind, "IN_INDUSTRY") if labels[c] == "Company"}
        ties = len(intro | companies)
        rows[ind] = {"name": name(G, ind), "projects": len(projects),
                     "signed_yi": round(sum(f.amount_yi for f in projects), 1), "introducers": len(intro),
                     "companies": len(companies), "ties": ties, "status": _status(ties, weak_below),
                     "synthetic": any(f.synthetic for f in projects)}
    return _weakest_first(rows)


def _weakest_first(rows: dict) -> pd.DataFrame:
    df = pd.DataFrame.from_dict(rows, orient="index")
    if df.empty:
        return df
    df["_id"] = df.index
    return df.sort_values(["ties", "projects", "_id"]).drop(columns="_id")
