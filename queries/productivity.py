"""Network productivity: what each chamber and chamber network brought in, per event and per county.

Rules (DESIGN.md "Domain rules", docs/analytics.md):

1. **What arrived counts, not only what was signed**: projects signed, landed, started, in
   production and funds in place (到位资金), with conversion ratios.
2. **Project-level credit**: a project introduced (INTRODUCED) by members of several networks is
   shared equally among those networks (1/k of its count and amounts each), so the column totals
   equal the ledger's totals — nothing is counted twice.
3. **Event-level credit** (the seed gives only event totals): what an event reported beyond the
   projects recorded as first signed there, plus the recorded projects nobody introduced, is
   shared equally among the event's organizers (ORGANIZED) and attending chambers. The reported
   remainder is **signed only** (no stage or funds are known for it) and is kept in its own
   columns, `event_share_*`, labelled so everywhere.
4. A project is credited to the event of its first signing.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("chamber:甲", label="Chamber", name="甲商会")
>>> G.add_node("project:一", label="Project", name="一", amount_yi=10.0, stage="投产", funds_in_place_yi=4.0)
>>> _ = G.add_edge("chamber:甲", "project:一", key="INTRODUCED", type="INTRODUCED")
>>> df = chamber_productivity(G)
>>> df.loc["chamber:甲", ["projects", "signed_yi", "landed", "funds_yi"]].tolist()
[1.0, 10.0, 1.0, 4.0]
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date  # noqa: F401  (doctests)

import pandas as pd

from queries.edges import node_labels, sources_by_type
from queries.facts import ChamberNetwork, chamber_networks, event_label, name, nodes_of, project_facts
from queries.run import reads_once

METRICS = ("projects", "signed_yi", "landed", "started", "in_production", "funds_yi")
UNATTRIBUTED = "(unattributed)"


def _owners(nets: dict[str, ChamberNetwork], level: str) -> dict[str, set[str]]:
    """Member id → chambers whose network (or, at level 'chamber', who itself) it counts for."""
    owners: dict[str, set[str]] = defaultdict(set)
    for c, net in nets.items():
        for m in (net.members if level == "network" else {c}):
            owners[m].add(c)
    return owners


def project_credit(G, level: str = "network", facts=None, nets=None) -> dict[str, dict[str, float]]:
    """Project id → {credited chamber id: share}; shares of one project add up to 1.

    `level` is ``"network"`` (the chamber, its post-holders, member companies and linked
    ambassadors) or ``"chamber"`` (the chamber's own INTRODUCED edges only). Projects with no
    credited chamber map to {} (they go to event shares or stay unattributed).
    """
    owners = _owners(nets if nets is not None else chamber_networks(G), level)
    credit = {}
    for p, f in (facts if facts is not None else project_facts(G)).items():
        chambers = set().union(*(owners.get(i, set()) for i in (*f.introducers, *f.investors)))
        credit[p] = {c: 1 / len(chambers) for c in sorted(chambers)}
    return credit


def _event_sharers(G, e, labels: dict) -> list[str]:
    orgs = set(sources_by_type(G, e, "ORGANIZED"))
    chambers = {a for a in sources_by_type(G, e, "ATTENDED") if labels[a] == "Chamber"}
    return sorted(orgs | chambers)


def event_shares(G, facts=None, credit=None) -> dict[str, dict[str, float]]:
    """Sharer id → signed-only and unintroduced figures it gets from events (rule 3).

    Keys of the inner dict: ``event_share_projects``, ``event_share_yi`` (the reported remainder,
    signed only) and the METRICS of recorded projects nobody introduced.
    """
    facts = facts if facts is not None else project_facts(G)
    credit = credit if credit is not None else project_credit(G)
    out: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    by_event = _by_event(facts)
    labels = node_labels(G)
    for e in nodes_of(G, "Event"):
        d = G.nodes[e]
        recorded = by_event.get(e, [])
        rest_n = max(0, (d.get("signed_count") or 0) - len(recorded))
        rest_yi = max(0.0, (d.get("signed_total_yi") or 0.0) - sum(f.amount_yi for f in recorded))
        orphans = [f for f in recorded if not credit.get(f.id)]
        sharers = _event_sharers(G, e, labels) or [UNATTRIBUTED]
        share = 1 / len(sharers)
        for s in sharers:
            out[s]["event_share_projects"] += rest_n * share
            out[s]["event_share_yi"] += rest_yi * share
            for f in orphans:
                for m, v in _metrics(f).items():
                    out[s][m] += v * share
    return out


def _by_event(facts) -> dict[str, list]:
    out = defaultdict(list)
    for f in facts.values():
        if f.event is not None:
            out[f.event].append(f)
    return out


def _metrics(f) -> dict[str, float]:
    return {"projects": 1.0, "signed_yi": f.amount_yi, "landed": float(f.landed), "started": float(f.started),
            "in_production": float(f.in_production), "funds_yi": f.funds_yi}


@reads_once
def chamber_productivity(G, level: str = "network") -> pd.DataFrame:
    """One row per chamber, ranked by funds in place, then landed+started, then signed amount.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The projected graph.
    level : {"network", "chamber"}
        Credit the chamber's whole network, or only its own INTRODUCED edges.

    Returns
    -------
    pandas.DataFrame
        Indexed by chamber id: ``name``, ``network_size``, ``liaison_office``, the METRICS
        (project-level, shared), ``event_share_projects``/``event_share_yi`` (signed only),
        ``landed_rate``, ``started_rate``, ``funds_rate`` (funds / signed), ``events``,
        ``per_event_yi`` (all signed 亿元 per event attended or organized), ``counties``
        (distinct counties reached) and ``synthetic`` (a credited project is synthetic).

    Examples
    --------
    >>> import networkx as nx
    >>> chamber_productivity(nx.MultiDiGraph()).empty
    True
    """
    facts = project_facts(G)
    nets = chamber_networks(G)
    credit = project_credit(G, level, facts, nets)
    network_credit = credit if level == "network" else project_credit(G, "network", facts, nets)
    shares = event_shares(G, facts, network_credit)
    acc: dict[str, dict] = defaultdict(lambda: {"m": defaultdict(float), "counties": set(), "synthetic": False})
    for p, cs in credit.items():  # one pass over projects, not chambers × projects
        f = facts[p]
        for c, share in cs.items():
            a = acc[c]
            for m, v in _metrics(f).items():
                a["m"][m] += v * share
            a["counties"].add(f.county)
            a["synthetic"] |= f.synthetic
    rows = {}
    for c, net in nets.items():
        a = acc[c]
        row = {"name": name(G, c), "network_size": len(net.members), "liaison_office": net.liaison_office,
               **{m: a["m"][m] for m in METRICS}, "event_share_projects": 0.0, "event_share_yi": 0.0}
        for m, v in shares.get(c, {}).items():
            row[m] += v
        events = {v for _, v, t in G.out_edges(c, data="type") if t in ("ATTENDED", "ORGANIZED")}
        signed_all = row["signed_yi"] + row["event_share_yi"]
        row.update(
            landed_rate=row["landed"] / row["projects"] if row["projects"] else 0.0,
            started_rate=row["started"] / row["projects"] if row["projects"] else 0.0,
            funds_rate=row["funds_yi"] / row["signed_yi"] if row["signed_yi"] else 0.0,
            events=len(events), per_event_yi=signed_all / max(1, len(events)),
            counties=len(a["counties"] - {None}), synthetic=a["synthetic"])
        rows[c] = row
    df = pd.DataFrame.from_dict(rows, orient="index")
    if df.empty:
        return df
    df["_conv"] = df["landed"] + df["started"]
    df["_signed"] = df["signed_yi"] + df["event_share_yi"]
    df = df.sort_values(["funds_yi", "_conv", "_signed"], ascending=False, kind="mergesort")
    return df.drop(columns=["_conv", "_signed"])


@reads_once
def event_productivity(G) -> pd.DataFrame:
    """One row per event: reported figures beside the recorded projects first signed there.

    Columns: ``name``, ``label`` (date and city in words), ``reported_count``,
    ``reported_yi`` (as the source reports, signed only), the METRICS of recorded projects,
    ``attending_chambers``, ``yi_per_chamber`` (signed 亿元 per organizer or attending chamber —
    the event's efficiency) and ``synthetic``.

    Examples
    --------
    >>> import networkx as nx
    >>> event_productivity(nx.MultiDiGraph()).empty
    True
    """
    facts = project_facts(G)
    by_event = _by_event(facts)
    labels = node_labels(G)
    rows = {}
    for e in nodes_of(G, "Event"):
        d = G.nodes[e]
        row = {"name": name(G, e), "label": event_label(G, e), "date": d.get("date"),
               "reported_count": d.get("signed_count"), "reported_yi": d.get("signed_total_yi"),
               **{m: 0.0 for m in METRICS}}
        recorded = by_event.get(e, [])
        for f in recorded:
            for m, v in _metrics(f).items():
                row[m] += v
        sharers = _event_sharers(G, e, labels)
        signed = max(row["signed_yi"], row["reported_yi"] or 0.0)
        row.update(attending_chambers=sum(labels.get(s) == "Chamber" for s in sharers),
                   yi_per_chamber=signed / max(1, len(sharers)),
                   synthetic=any(f.synthetic for f in recorded))
        rows[e] = row
    df = pd.DataFrame.from_dict(rows, orient="index")
    return df.sort_values(["signed_yi", "date"], ascending=[False, True], kind="mergesort") if not df.empty else df


def funnel(G, year: int | None = None) -> dict[str, float]:
    """Signed → landed → started → in production, and funds in place, over the recorded projects.

    With a `year` (default: the latest campaign's year in G, as the published figures count a
    year), signed counts the year's signings and landed/started/in production the milestones
    dated within it, whenever the project was signed; without one (no campaign), the current
    stage of every signed project. Funds in place are the current values of every signed project.
    `as_of`: the latest report date the current values come from (None when undated).

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("p", label="Project", name="p", amount_yi=3.0, stage="开工", funds_in_place_yi=1.0)
    >>> funnel(G)["started"], funnel(G)["landed"]
    (1, 1)
    >>> G.nodes["p"].update(signed_on=date(2016, 9, 1), landed_on="2016-12", started_on="2017-03-02")
    >>> f = funnel(G, 2017)
    >>> f["signed"], f["landed"], f["started"], f["funds_yi"]
    (0, 0, 1, 1.0)
    """
    facts = [f for f in project_facts(G).values() if f.signed]
    if year is None:
        years = [G.nodes[c].get("year") for c in nodes_of(G, "Campaign")]
        year = max((y for y in years if y is not None), default=None)
    if year is None:
        signed, reached = facts, {m: [f for f in facts if getattr(f, m)] for m in ("landed", "started", "in_production")}
    else:
        signed = [f for f in facts if _signed_year(G, f) == year]
        reached = {m: [f for f in facts if f.reached_in(m, year)] for m in ("landed", "started", "in_production")}
    dates = [d for p in nodes_of(G, "Project") if (d := G.nodes[p].get("reported_as_of")) is not None]
    return {
        "year": year, "as_of": max(dates) if dates else None,
        "signed": len(signed), "signed_yi": round(sum(f.amount_yi for f in signed), 1),
        "landed": len(reached["landed"]), "started": len(reached["started"]),
        "in_production": len(reached["in_production"]),
        "funds_yi": round(sum(f.funds_yi for f in facts), 1),
        "landed_yi": round(sum(f.amount_yi for f in reached["landed"]), 1),
        "started_yi": round(sum(f.amount_yi for f in reached["started"]), 1),
    }


def _signed_year(G, f) -> int | None:
    """The year of signing: the ledger's date, else the date of the first signing event."""
    if f.signed_year is not None:
        return f.signed_year
    day = G.nodes[f.event].get("date") if f.event is not None else None
    return day.year if day is not None else None


def reported_campaigns(G) -> list[dict]:
    """The campaigns' reported totals (signed only where the source gives no more)."""
    keys = ("year", "signed_count", "signed_total_yi", "target_yi", "landed_count", "started_count",
            "funds_in_place_yi", "funds_target_yi")
    return [{"id": c, "name": name(G, c), **{k: G.nodes[c].get(k) for k in keys}}
            for c in nodes_of(G, "Campaign")]
