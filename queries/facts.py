"""The domain read off the projected graph: project facts, chamber networks, names.

Every analysis module reads the NetworkX graph that `graph.projection.project` returns (nodes keyed
by id with `label`, edges keyed by `type`) through these helpers, so the domain rules live once
(the per-run cache is `queries.run`, the edge arrays `queries.edges`, the merchant view
`queries.merchant_view`; their names stay importable from here):

- stages are ordered, read as the latest report gives them (current values): **landed** = stage
  in {落地, 开工, 投产}, **started** = {开工, 投产}, **in production** = 投产; a year's counts read the
  milestone dates instead (`landed_on`, `started_on`, `in_production_on`: `ProjectFact.reached_in`),
  so a project signed in 2016 that started in 2017 counts as started in 2017 (the article's 140
  landed < 192 started; loaders/demo_ledger.py, loaders/ledger_reports.py);
- a project is credited to the event of its **first** signing (earliest SIGNED event by date).

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("e", label="Event", name="会", date=None)
>>> G.add_node("p", label="Project", name="甲", amount_yi=2.5, stage="投产")
>>> _ = G.add_edge("e", "p", key="SIGNED", type="SIGNED")
>>> f = project_facts(G)["p"]
>>> (f.landed, f.started, f.event)
(True, True, 'e')
>>> G.nodes["p"].update(started_on="2017-05", landed_on="2016-11-20")
>>> f = project_facts(G)["p"]
>>> f.reached_in("started", 2017), f.reached_in("landed", 2017)
(True, False)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np

from graph.edge_arrays import EdgeArrays  # noqa: F401  (re-exported, as the names below)
from graph.projection import from_dataset  # noqa: F401  (re-exported: analyses' callers import it from here)
from queries.edges import (degrees, edge_arrays, edge_index, edges_of, grouped, in_by_type,  # noqa: F401
                           label_mask, node_labels, sources_by_type, typed_edges)
from queries.merchant_view import MERCHANT_LABELS, MerchantView, merchant_graph, merchant_view  # noqa: F401
from queries.run import Run, current_run, once_per_run, reads_once, run_cache  # noqa: F401

LANDED = frozenset({"落地", "开工", "投产"})
STARTED = frozenset({"开工", "投产"})
SIGNED_STAGES = frozenset({"签约", "落地", "开工", "投产"})
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
    milestones: dict = field(default_factory=dict)  # landed/started/in_production → ISO (partial) date

    def reached_in(self, milestone: str, year: int) -> bool:
        """Whether the milestone ("landed", "started", "in_production") is dated within `year`."""
        return str(self.milestones.get(milestone) or "").startswith(f"{year:04d}")

    @property
    def signed_year(self) -> int | None:
        return self.signed_on.year if self.signed_on else None

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


def label(G, n) -> str:
    return G.nodes[n].get("label", "")


def name(G, n) -> str:
    """A node's display name (its id when it has none)."""
    return str(G.nodes[n].get("name") or n) if n in G else str(n)


def nodes_of(G, *labels: str) -> list[str]:
    return sorted(n for n, d in G.nodes(data=True) if d.get("label") in labels)


def out_by_type(G, n, rtype: str) -> list[str]:
    return [v for _, v, t in G.out_edges(n, data="type") if t == rtype]


def event_label(G, e) -> str:
    """`2017-05-12 珠海市 event` — how an event is named in words."""
    d = G.nodes[e]
    city = next((name(G, c) for c in out_by_type(G, e, "HELD_IN")), "")
    day = d.get("date")
    return f"{day.isoformat() if day else '?'} {city} event".replace("  ", " ")


def project_facts(G) -> dict[str, ProjectFact]:
    """One ProjectFact per Project node; amounts default to 0 where unknown (made once per
    run, `queries.run`, since every analysis asks for it)."""
    return once_per_run(G, "project_facts", lambda: _project_facts(G))


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
            investors=tuple(sorted(invests.get(p, ()))), synthetic=bool(d.get("synthetic")),
            milestones={m: d.get(f"{m}_on") for m in ("landed", "started", "in_production") if d.get(f"{m}_on")})
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
    return once_per_run(G, "chamber_networks", lambda: _chamber_networks(G))


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


def is_synthetic(G) -> bool:
    """True when any synthetic source is in the graph: every output must then say so."""
    return bool(G.graph.get("synthetic_sources"))
