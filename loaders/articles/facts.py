"""The facts an article yields, before they become records: each with evidence and confidence.

A fact found twice (the same node id, or the same relationship key) is one fact with both
pieces of evidence and the higher confidence.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from graph.schema import get_schema

THRESHOLD = 0.7  # below this a fact is loaded only after review (`--review` / `load --reviewed`)
# an event whose year is not known (month_day only) or whose day is not stated at all: the graph
# needs its date, which only a reviewer can supply, so it is always below the threshold
UNDATED = 0.5


@dataclass
class NodeFact:
    id: str
    label: str
    name: str
    properties: dict
    evidence: list[tuple[int, int]]
    confidence: float

    def as_json(self) -> dict:
        return {"id": self.id, "label": self.label, "name": self.name,
                "properties": {k: _plain(v) for k, v in self.properties.items()},
                "evidence": [{"start": s, "end": e} for s, e in self.evidence], "confidence": self.confidence}


@dataclass
class RelFact:
    type: str
    start: str
    end: str
    properties: dict
    evidence: list[tuple[int, int]]
    confidence: float
    start_label: str = ""
    end_label: str = ""

    def key(self) -> tuple:
        return _rel_key(self.type, self.start, self.end, self.properties)

    def as_json(self) -> dict:
        return {"type": self.type, "start": self.start, "end": self.end,
                "properties": {k: _plain(v) for k, v in self.properties.items()},
                "evidence": [{"start": s, "end": e} for s, e in self.evidence], "confidence": self.confidence}


def _rel_key(type_: str, start: str, end: str, props: dict) -> tuple:
    """What makes a relationship one fact: its type, ends and the schema's key properties."""
    key = _KEYS.get(type_)
    if key is None:  # the schema's key of each type, looked up once (an unknown type raises here)
        key = _KEYS[type_] = get_schema().rel(type_).key
    return (type_, start, end, tuple([props.get(k) for k in key]) if key else ())  # a list: faster


_KEYS: dict[str, tuple[str, ...]] = {}


def _plain(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


@dataclass
class Facts:
    source: dict
    nodes: dict[str, NodeFact] = field(default_factory=dict)
    rels: dict[tuple, RelFact] = field(default_factory=dict)

    def node(self, node_id, label, name, props, span, confidence) -> str:
        old = self.nodes.get(node_id)
        if old is None:
            self.nodes[node_id] = NodeFact(node_id, label, name, dict(props), [span], confidence)
        else:
            _absorb(old, props, span, confidence)
        return node_id

    def rel(self, type_, start, end, props, span, confidence) -> None:
        key = _rel_key(type_, start, end, props)
        old = self.rels.get(key)
        if old is None:  # most relationships are found again: the fact is built only when new
            self.rels[key] = RelFact(type_, start, end, dict(props), [span], confidence,
                                     self.nodes[start].label if start in self.nodes else "",
                                     self.nodes[end].label if end in self.nodes else "")
        else:
            _absorb(old, props, span, confidence)

    def as_json(self) -> dict:
        return {"source": {k: _plain(v) for k, v in self.source.items()},
                "nodes": [n.as_json() for n in self.nodes.values()],
                "relationships": [r.as_json() for r in self.rels.values()]}


def _absorb(old, props: dict, span, confidence: float) -> None:
    """A fact found again: the first value of each property stays, the new evidence is added and
    the higher confidence kept."""
    if props:
        for k, v in props.items():
            old.properties.setdefault(k, v)
    if span not in old.evidence:
        old.evidence.append(span)
    old.confidence = max(old.confidence, confidence)
