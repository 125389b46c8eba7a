"""What each node did, measured in projects and money, so a view can size nodes by deeds rather
than by how many lines touch them.

A chamber or person counts the projects it introduced (引荐), an event those signed at it (签约),
a company those it invests in (投资), a county those located in it (落地). Each project counts
its funds in place (到位资金) when it reports any, else its signed amount: what arrived counts,
and a project only signed still counts for what was signed.

>>> G = nx.MultiDiGraph()
>>> G.add_node("chamber:c", label="Chamber", name="c")
>>> G.add_node("project:a", label="Project", name="a", amount_yi=10.0, funds_in_place_yi=4.0)
>>> G.add_node("project:b", label="Project", name="b", amount_yi=2.5)
>>> for p in ("project:a", "project:b"):
...     _ = G.add_edge("chamber:c", p, key="INTRODUCED", type="INTRODUCED")
>>> annotate(G)
>>> G.nodes["chamber:c"]["work"]
{'verb': '引荐', 'projects': 2, 'amount_yi': 12.5, 'funds_yi': 4.0, 'value_yi': 6.5}
"""
from __future__ import annotations

import networkx as nx

# relationship type → (the verb a tooltip uses, whether the project is the relationship's end)
TIES = {"INTRODUCED": ("引荐", True), "SIGNED": ("签约", True), "INVESTS_IN": ("投资", True),
        "LOCATED_IN": ("落地", False)}


def _num(v) -> float:
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) and v > 0 else 0.0


def project_value(d: dict) -> float:
    """亿元 a project counts for: funds in place when it reports any, else its signed amount."""
    return _num(d.get("funds_in_place_yi")) or _num(d.get("amount_yi"))


def annotate(G: nx.MultiDiGraph) -> None:
    """Give every node tied to projects a `work` attribute: the verb, how many projects, their
    signed amount, funds in place and value (see `project_value`), all in 亿元."""
    tied: dict[str, tuple[str, set[str]]] = {}
    for u, v, t in G.edges(data="type"):
        if t not in TIES:
            continue
        verb, project_is_end = TIES[t]
        project, other = (v, u) if project_is_end else (u, v)
        if G.nodes[project].get("label") != "Project" or G.nodes[other].get("label") == "Project":
            continue
        tied.setdefault(other, (verb, set()))[1].add(project)
    for n, (verb, projects) in tied.items():
        ds = [G.nodes[p] for p in projects]
        G.nodes[n]["work"] = {"verb": verb, "projects": len(ds),
                              "amount_yi": round(sum(_num(d.get("amount_yi")) for d in ds), 4),
                              "funds_yi": round(sum(_num(d.get("funds_in_place_yi")) for d in ds), 4),
                              "value_yi": round(sum(project_value(d) for d in ds), 4)}


def value(d: dict) -> float:
    """The 亿元 a drawn node stands for: its projects' value, a project's own, or (for an event
    with no project rows) the total it reported."""
    if d.get("work"):
        return d["work"]["value_yi"]
    if d.get("label") == "Project":
        return project_value(d)
    return _num(d.get("funds_in_place_yi")) or _num(d.get("signed_total_yi"))
