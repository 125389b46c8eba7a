"""Keep a view under its node cap by summarising detail, and say what was summarised.

Projects are normally grouped before the cap (`group_projects`: one summary node per county or
event, the projects kept behind it for the page to expand). Steps, each applied only while the
view is still over the cap:
0. the projects kept behind summary nodes are dropped (the summaries stay);
1. projects not yet grouped collapse into one summary node per county (count, signed amount, funds in place);
2. leaves (nodes with one neighbour) collapse per (label, neighbour) into one summary node;
3. the least connected nodes are dropped.

>>> G = nx.MultiDiGraph()
>>> G.add_node("county:c", label="County", name="代县")
>>> for i in range(3):
...     G.add_node(f"project:{i}", label="Project", name=f"p{i}", amount_yi=1.0)
...     _ = G.add_edge(f"project:{i}", "county:c", key="LOCATED_IN", type="LOCATED_IN")
>>> H, notes = cap(G, max_nodes=2)
>>> sorted(H.nodes), H.nodes["summary:Project/county:c"]["members"]
(['county:c', 'summary:Project/county:c'], 3)
"""
from __future__ import annotations

from collections import defaultdict

import networkx as nx

from graph.schema import get_schema
from jinshang.views import activity

SUMMABLE = ("amount_yi", "funds_in_place_yi", "signed_total_yi")


def _label_name(label: str) -> str:
    """商会 from the schema's description '商会 — a chamber of commerce…'."""
    spec = get_schema().labels.get(label)
    return spec.description.split(" — ")[0] if spec else label


def _summary_attrs(G: nx.MultiDiGraph, members: list[str], label: str, name: str) -> dict:
    attrs = {"label": label, "labels": (label,), "aggregate": True, "name": name,
             "members": len(members), "member_names": sorted(str(G.nodes[m].get("name", m)) for m in members),
             "synthetic": any(G.nodes[m].get("synthetic") for m in members),
             "synthetic_members": sum(bool(G.nodes[m].get("synthetic")) for m in members),
             "sources": sorted({s for m in members for s in G.nodes[m].get("sources") or ()})}
    for prop in SUMMABLE:
        values = [G.nodes[m][prop] for m in members if G.nodes[m].get(prop) is not None]
        if values:
            attrs[prop] = round(sum(values), 4)
    if label == "Project":
        attrs["work"] = {"verb": "汇总", "projects": len(members),
                         "amount_yi": round(sum(activity._num(G.nodes[m].get("amount_yi")) for m in members), 4),
                         "funds_yi": round(sum(activity._num(G.nodes[m].get("funds_in_place_yi")) for m in members), 4),
                         "value_yi": round(sum(activity.project_value(G.nodes[m]) for m in members), 4)}
    return attrs


def _collapse(G: nx.MultiDiGraph, groups: dict[str, list[str]], label: str, names: dict[str, str],
              keep: bool = False, prefix: str = "summary") -> None:
    """Replace each group of nodes by one summary node, rewiring their other edges to it. With
    `keep` the members stay (marked `member_of`, for the page to hold hidden and expand on click)."""
    for key, members in groups.items():
        sid = f"{prefix}:{label}/{key}"
        G.add_node(sid, **_summary_attrs(G, members, label, names[key]), expandable=keep)
        counts: dict[tuple, list] = defaultdict(list)
        member_set = set(members)
        for m in members:
            for u, _, k, d in G.in_edges(m, keys=True, data=True):
                if u not in member_set:
                    counts[(u, sid, k)].append(d)
            for _, v, k, d in G.out_edges(m, keys=True, data=True):
                if v not in member_set:
                    counts[(sid, v, k)].append(d)
        if keep:
            for m in members:
                G.nodes[m]["member_of"] = sid
        else:
            G.remove_nodes_from(members)
        for (u, v, k), ds in counts.items():
            G.add_edge(u, v, key=k, type=ds[0].get("type", k), count=len(ds), summary=True,
                       synthetic=all(d.get("synthetic") for d in ds),
                       sources=sorted({s for d in ds for s in d.get("sources") or ()}))


def _event_of(G: nx.MultiDiGraph, project: str) -> str | None:
    """The event a project was signed at (the earliest id when several), else None."""
    events = sorted(u for u, _, t in G.in_edges(project, data="type") if t == "SIGNED")
    return events[0] if events else None


def _county_of(G: nx.MultiDiGraph, project: str) -> str | None:
    counties = sorted(v for _, v, t in G.out_edges(project, data="type") if t == "LOCATED_IN")
    return counties[0] if counties else None


GROUPINGS = {"county": (_county_of, "未定位"), "event": (_event_of, "未在活动签约")}


PLACE_CHARS = 12  # an event's full name is in the tooltip; on the node it would hide its neighbours


def group_label(where: str, n: int, amount: float) -> str:
    """代县 · 23 项目 · 45.6亿元"""
    where = where if len(where) <= PLACE_CHARS else where[: PLACE_CHARS - 1] + "…"
    return f"{where} · {n} 项目" + (f" · {amount:.1f}亿元" if amount else "")


def group_projects(G: nx.MultiDiGraph, by: str = "county", context: nx.MultiDiGraph | None = None) -> int:
    """Add one summary node per county (or per signing event) standing for its projects, which
    stay in `G` marked `member_of` the summary. Every project is grouped, a lone one too, so the
    view shows no single project until asked. Returns how many summary nodes were made.

    `context` (the whole graph `G` was cut from) says where a project is when its county or
    event lies outside `G`, as in an ego view one hop deep."""
    context = G if context is None else context
    key_of, nowhere = GROUPINGS[by]
    groups: dict[str, list[str]] = defaultdict(list)
    for n, d in G.nodes(data=True):
        if d.get("label") == "Project" and not d.get("aggregate") and not d.get("member_of"):
            groups[key_of(context, n) or "none"].append(n)
    names = {}
    for key, members in groups.items():
        where = str(context.nodes[key].get("name", key)) if key != "none" else nowhere
        amount = sum(activity._num(G.nodes[m].get("amount_yi")) for m in members)
        names[key] = group_label(where, len(members), amount)
    _collapse(G, groups, "Project", names, keep=True, prefix="group")
    for key in groups:
        G.nodes[f"group:Project/{key}"].update(grouped_by=by, grouped_in=str(context.nodes[key].get("name", key))
                                              if key != "none" else nowhere)
    return len(groups)


def drop_members(G: nx.MultiDiGraph) -> int:
    """Remove the projects held behind summary nodes (the summaries stay, no longer expandable)."""
    members = [n for n, m in G.nodes(data="member_of") if m]
    G.remove_nodes_from(members)
    for n, d in G.nodes(data=True):
        if d.get("expandable"):
            d["expandable"] = False
    return len(members)


def collapse_projects(G: nx.MultiDiGraph) -> int:
    """Projects → one summary per county (or one for projects without a county). Returns how many
    summary nodes were made."""
    groups: dict[str, list[str]] = defaultdict(list)
    names: dict[str, str] = {}
    for n, d in G.nodes(data=True):
        if d.get("label") != "Project" or d.get("aggregate"):
            continue
        counties = sorted(v for _, v, t in G.out_edges(n, data="type") if t == "LOCATED_IN")
        key = counties[0] if counties else "none"
        groups[key].append(n)
        where = G.nodes[key].get("name", key) if counties else "未定位"
        names[key] = f"{where}: {{n}} 个项目"
    groups = {k: v for k, v in groups.items() if len(v) > 1}
    names = {k: names[k].format(n=len(groups[k])) for k in groups}
    _collapse(G, groups, "Project", names)
    return len(groups)


def collapse_leaves(G: nx.MultiDiGraph) -> int:
    """Nodes with a single neighbour → one summary per (label, neighbour) when there are two or more."""
    U = G.to_undirected(as_view=True)
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for n, d in G.nodes(data=True):
        if d.get("aggregate"):
            continue
        neighbours = set(U.neighbors(n)) - {n}
        if len(neighbours) == 1:
            groups[(d.get("label", ""), neighbours.pop())].append(n)
    made = 0
    by_label: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for (label, nb), members in groups.items():
        if len(members) > 1 and nb in G:
            by_label[label][nb] = members
    for label, gs in by_label.items():
        names = {nb: f"{G.nodes[nb].get('name', nb)}: {len(m)} 个{_label_name(label)}" for nb, m in gs.items()}
        _collapse(G, gs, label, names)
        made += len(gs)
    return made


def cap(G: nx.MultiDiGraph, max_nodes: int = 1500) -> tuple[nx.MultiDiGraph, list[str]]:
    """A copy of `G` with at most `max_nodes` nodes, and notes (in Chinese) saying what was summarised."""
    H = G.copy()
    notes: list[str] = []
    if H.number_of_nodes() <= max_nodes:
        return H, notes
    start = H.number_of_nodes()
    held = drop_members(H)
    if held:
        notes.append(f"{held} 个项目只以汇总节点显示，不能在页面中逐个展开")
    made = collapse_projects(H) if H.number_of_nodes() > max_nodes else 0
    if made:
        notes.append(f"项目按县汇总为 {made} 个汇总节点")
    if H.number_of_nodes() > max_nodes:
        made = collapse_leaves(H)
        if made:
            notes.append(f"只有一个关联的节点按类型汇总为 {made} 个汇总节点")
    if H.number_of_nodes() > max_nodes:
        focus = H.graph.get("focus")
        ranked = sorted(H.degree, key=lambda nd: (nd[0] != focus, -nd[1], str(nd[0])))
        drop = [n for n, _ in ranked[max_nodes:]]
        H.remove_nodes_from(drop)
        notes.append(f"另略去关联最少的 {len(drop)} 个节点")
    notes.insert(0, f"原有 {start} 个节点，超过上限 {max_nodes}，已聚合为 {H.number_of_nodes()} 个")
    return H, notes
