"""Typed records passed from loaders to writers: nodes and edges with provenance.

>>> ds = Dataset()
>>> ds.add_node(NodeRecord("Industry", "industry:文化旅游", {"name": "文化旅游"}, ("source:demo",)))
>>> ds.add_node(NodeRecord("Industry", "industry:文化旅游", {"name": "文化旅游"}, ("source:other",)))
>>> ds.nodes["industry:文化旅游"].sources
('source:demo', 'source:other')
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from graph.errors import SchemaError
from graph.schema import IMPLIED_NODE_PROPERTIES, NAME_SPEC, Schema, check_text, get_schema


@dataclass(frozen=True)
class NodeRecord:
    label: str
    id: str
    props: dict  # includes `name`; never `id` or `sources`
    sources: tuple[str, ...]


@dataclass(frozen=True)
class EdgeRecord:
    type: str
    start: str  # node id
    end: str  # node id
    props: dict
    sources: tuple[str, ...]
    start_label: str = ""
    end_label: str = ""

    def key(self, schema: Schema | None = None) -> tuple:
        """What makes this fact the same fact: type, ends and the type's key properties."""
        spec = (schema or get_schema()).rel(self.type)
        return (self.type, self.start, self.end, tuple(self.props.get(k) for k in spec.key))


# A project's reported values (schema.yaml: Project, REPORTED) belong to the latest report by
# as-of date, whatever order the reports arrive in: October after November changes nothing
# current. Undated values count as older than any report. A milestone keeps its earliest date.
# graph/cypher_write.py applies the same rule in the database (`reported_guard`).
AS_OF = "reported_as_of"
REPORTED_FIELDS = ("stage", "amount_yi", "funds_in_place_yi", "status")
MILESTONES = ("landed_on", "started_on", "in_production_on")


def merge_props(old: dict, new: dict) -> dict:
    """Properties of one node seen twice: the later record wins, except for reported values
    (the later *report* wins) and milestone dates (the earliest wins).

    >>> merge_props({"stage": "开工", AS_OF: "2018-11-30"}, {"stage": "签约", AS_OF: "2018-10-31"})
    {'stage': '开工', 'reported_as_of': '2018-11-30'}
    >>> merge_props({"status": "暂停", AS_OF: "2018-10-31"}, {"stage": "开工", AS_OF: "2018-11-30"})
    {'reported_as_of': '2018-11-30', 'stage': '开工'}
    """
    if AS_OF not in old and AS_OF not in new:
        out = {**old, **new}
    elif new.get(AS_OF) is not None and (old.get(AS_OF) is None or new[AS_OF] >= old[AS_OF]):
        out = {**{k: v for k, v in old.items() if k != "status"}, **new}  # a report's status is its own
    else:
        out = {**old, **{k: v for k, v in new.items() if k not in REPORTED_FIELDS and k != AS_OF}}
    for m in MILESTONES:
        if old.get(m) is not None and new.get(m) is not None:
            out[m] = min(old[m], new[m])
        elif old.get(m) is not None:
            out[m] = old[m]
    return out


def _merge_sources(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(a + b))


@dataclass
class Dataset:
    """Nodes by id and edges by fact key; adding the same fact twice merges its sources.

    Where two records of the same node disagree on a property the later one wins, which is
    what a reload of a corrected source should do; a project's reported values go to the
    latest report by as-of date instead (`merge_props`).
    """

    nodes: dict[str, NodeRecord] = field(default_factory=dict)
    edges: dict[tuple, EdgeRecord] = field(default_factory=dict)

    def add_node(self, rec: NodeRecord) -> None:
        old = self.nodes.get(rec.id)
        if old is None:
            self.nodes[rec.id] = rec
            return
        if old.label != rec.label:
            raise SchemaError(f"node {rec.id!r} is both {old.label} and {rec.label}")
        self.nodes[rec.id] = NodeRecord(
            rec.label, rec.id, merge_props(old.props, rec.props), _merge_sources(old.sources, rec.sources)
        )

    def add_edge(self, rec: EdgeRecord) -> None:
        key = rec.key()
        old = self.edges.get(key)
        if old is None:
            self.edges[key] = rec
        else:
            self.edges[key] = replace(old, props={**old.props, **rec.props},
                                      sources=_merge_sources(old.sources, rec.sources))

    def extend(self, other: "Dataset") -> None:
        for n in other.nodes.values():
            self.add_node(n)
        for e in other.edges.values():
            self.add_edge(e)

    def counts(self) -> dict[str, Counter]:
        return {
            "nodes": Counter(n.label for n in self.nodes.values()),
            "relationships": Counter(e.type for e in self.edges.values()),
        }

    def check(self, schema: Schema | None = None, known_ids: dict[str, str] | None = None) -> list[str]:
        """Contract checks every writer relies on; returns reasons (empty when fine).

        `known_ids` maps ids of nodes already in the database to their labels, so a source may
        point at nodes it does not itself declare.
        """
        schema = schema or get_schema()
        problems = []
        with_name: dict[str, dict] = {}  # label → its property specs and `name` (built once, not per node)
        required: dict[str, list] = {}   # label → its required properties
        for n in self.nodes.values():
            spec = schema.label(n.label)
            if n.label not in with_name:
                with_name[n.label] = {**spec.properties, "name": NAME_SPEC}
                required[n.label] = [p for p, ps in spec.properties.items() if ps.required]
            problems += _id_problems(n.id, n.label, spec.id_prefix)
            problems += _value_problems(f"node {n.id!r}", n.props, with_name[n.label])
            if not n.props.get("name"):
                problems.append(f"node {n.id}: no name")
            for p in n.props:
                if p not in spec.properties and p not in IMPLIED_NODE_PROPERTIES:
                    problems.append(f"node {n.id}: property {p!r} is not in the schema for {n.label}")
            for p in required[n.label]:
                if n.props.get(p) is None:
                    problems.append(f"node {n.id}: required property {p!r} is missing")
            if not n.sources:
                problems.append(f"node {n.id}: no source")
        labels = {i: n.label for i, n in self.nodes.items()}
        labels.update({k: v for k, v in (known_ids or {}).items() if k not in labels})
        for e in self.edges.values():
            spec = schema.rel(e.type)
            s, t = labels.get(e.start), labels.get(e.end)
            if s is None or t is None:
                missing = e.start if s is None else e.end
                problems.append(f"{e.type} {e.start} → {e.end}: node {missing} is not defined")
                continue
            if not spec.allows(s, t):
                problems.append(f"{e.type} {e.start} → {e.end}: {s}→{t} is not allowed by the schema")
            problems += _value_problems(f"{e.type} {e.start!r} → {e.end!r}", e.props, spec.properties)
            for p in e.props:
                if p not in spec.properties:
                    problems.append(f"{e.type} {e.start} → {e.end}: property {p!r} is not in the schema")
            if not e.sources:
                problems.append(f"{e.type} {e.start} → {e.end}: no source")
        return problems


def _id_problems(node_id, label: str, prefix: str) -> list[str]:
    """An id is text within the name limits and carries its own label's prefix, so two labels
    never share one id (nor one IRI in the RDF export)."""
    if not isinstance(node_id, str):
        return [f"node {node_id!r}: an id must be text"]
    try:
        check_text(node_id, "id")
    except ValueError as exc:
        return [f"node {node_id[:80]!r}: id {exc}"]
    if not node_id.startswith(prefix) or node_id == prefix:
        return [f"node {node_id!r}: a {label} id must begin with {prefix!r}"]
    return []


def _value_problems(where: str, props: dict, specs: dict) -> list[str]:
    """Every value within the limits of its property (finite, storable, short enough, printable)."""
    out = []
    for p, value in props.items():
        spec = specs.get(p)
        if spec is None:
            continue
        try:
            spec.check(value)
        except ValueError as exc:
            out.append(f"{where}: property {p!r}: {exc}")
    return out
