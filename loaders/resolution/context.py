"""Entities for the matcher from graph records: each node with the context its relationships give.

A node's context is what the rules compare: the host place of a chamber or company (BASED_IN), of
a project (LOCATED_IN) or an event (HELD_IN); a person's chambers and companies (HOLDS_POST) and
hometown (NATIVE_OF); the events anyone attended or organized; projects and the companies
investing in them; a chamber's or company's officers (by name, so that officers recorded as two
person nodes still meet).

>>> from graph.records import Dataset, EdgeRecord, NodeRecord
>>> ds = Dataset()
>>> ds.add_node(NodeRecord("Chamber", "chamber:珠海晋商会", {"name": "珠海晋商会"}, ("s",)))
>>> ds.add_node(NodeRecord("City", "city:珠海市", {"name": "珠海市"}, ("s",)))
>>> ds.add_node(NodeRecord("Person", "person:张三", {"name": "张三"}, ("s",)))
>>> ds.add_edge(EdgeRecord("BASED_IN", "chamber:珠海晋商会", "city:珠海市", {}, ("s",), "Chamber", "City"))
>>> ds.add_edge(EdgeRecord("HOLDS_POST", "person:张三", "chamber:珠海晋商会", {"title": "会长"}, ("s",),
...                        "Person", "Chamber"))
>>> e = {x.id: x for x in entities_from_dataset(ds)}
>>> sorted(e["chamber:珠海晋商会"].ctx("host")), sorted(e["chamber:珠海晋商会"].ctx("officers"))
(['city:珠海市'], ['张三'])
>>> sorted(e["person:张三"].ctx("chambers"))
['chamber:珠海晋商会']
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from loaders.resolution.candidates import Entity

# the labels the matcher looks at (places, industries and sources are not resolved by it)
LABELS = ("Chamber", "Company", "Person", "Project", "Event", "Organization")

_GROUP = {"Chamber": "chambers", "Company": "companies", "Organization": "companies",
          "Event": "events", "Project": "projects"}


def _add_edge(ctx: dict, names: dict[str, str], labels: dict[str, str], kind: str, start: str, end: str) -> None:
    s, e = labels.get(start, ""), labels.get(end, "")
    if kind in ("BASED_IN", "LOCATED_IN", "HELD_IN"):
        ctx[start]["host"].add(end)
    elif kind == "NATIVE_OF":
        ctx[start]["hometown"].add(end)
    elif kind == "HOLDS_POST":
        ctx[start][_GROUP.get(e, "companies")].add(end)
        ctx[end]["officers"].add(names.get(start, start))
    elif kind in ("ATTENDED", "ORGANIZED"):
        ctx[start]["events"].add(end)
    elif kind in ("SIGNED", "DISCUSSED"):
        ctx[end]["events"].add(start)
        ctx[start]["projects"].add(end)
    elif kind in ("INVESTS_IN", "INTRODUCED", "MEMBER_OF"):
        ctx[start][_GROUP.get(e, "projects")].add(end)
        if s in _GROUP:
            ctx[end][_GROUP[s]].add(start)


def entities_from_records(nodes: Iterable, edges: Iterable) -> list[Entity]:
    """Entities of the matched labels from NodeRecord-like (label, id, props) and EdgeRecord-like
    (type, start, end) values, e.g. a Dataset's or a database's."""
    nodes = [n for n in nodes]
    labels = {n.id: n.label for n in nodes}
    names = {n.id: str(n.props.get("name", n.id)) for n in nodes}
    ctx: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in edges:
        _add_edge(ctx, names, labels, r.type, r.start, r.end)
    out = []
    for n in nodes:
        if n.label not in LABELS:
            continue
        aliases = tuple(str(a) for a in (n.props.get("aliases") or ()))
        context = {k: frozenset(v) for k, v in ctx.get(n.id, {}).items() if v}
        out.append(Entity(n.id, n.label, names[n.id], aliases, context))
    return out


def entities_from_dataset(ds) -> list[Entity]:
    """Entities of a graph.records.Dataset (the records a load is about to write)."""
    return entities_from_records(ds.nodes.values(), ds.edges.values())
