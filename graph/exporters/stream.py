"""Where exporters read the graph from: Neo4j, streamed record by record, or a Dataset in memory.

Both give the same three things, so every writer runs against either (the unit tests use a
Dataset, the integration tests Neo4j): `synthetic_sources()`, `nodes()` and `edges()`, the last
two as iterators of `NodeRecord` / `EdgeRecord` in id order, holding only schema properties with
plain Python values (Neo4j dates become `datetime.date`). Lists (`aliases`, `sources`) come
sorted, so every export of the same graph is the same file.

>>> from graph.records import Dataset, EdgeRecord, NodeRecord
>>> ds = Dataset()
>>> ds.add_node(NodeRecord("Chamber", "chamber:广东山西商会", {"name": "广东山西商会"}, ("source:a",)))
>>> ds.add_node(NodeRecord("City", "city:广州市", {"name": "广州市"}, ("source:a",)))
>>> ds.add_edge(EdgeRecord("BASED_IN", "chamber:广东山西商会", "city:广州市", {}, ("source:a",)))
>>> [n.label for n in DatasetStream(ds).nodes()]
['Chamber', 'City']
"""
from __future__ import annotations

from typing import Iterator, Protocol

from graph.records import Dataset, EdgeRecord, NodeRecord
from graph.schema import Schema, get_schema

NODES = "MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY n.id"
EDGES = ("MATCH (a)-[r]->(b) RETURN a.id AS start, type(r) AS type, b.id AS end, properties(r) AS props "
         "ORDER BY a.id, type(r), b.id{keys}")
SYNTHETIC = "MATCH (s:Source) WHERE s.synthetic = true RETURN s.id AS id ORDER BY id"
FETCH_SIZE = 2000  # records per Bolt pull: the client holds one batch, never the whole graph


class GraphStream(Protocol):
    def synthetic_sources(self) -> list[str]: ...
    def nodes(self) -> Iterator[NodeRecord]: ...
    def edges(self) -> Iterator[EdgeRecord]: ...


def _plain(value):
    to_native = getattr(value, "to_native", None)
    value = to_native() if callable(to_native) else value
    return sorted(value) if isinstance(value, list) else value


def primary_label(labels, schema: Schema) -> str | None:
    """The schema label of a node from its Neo4j labels; None when none is in the schema."""
    known = [x for x in labels if x in schema.labels]
    for name in known:
        if set(known) - {name} <= set(schema.label(name).also):
            return name
    return None


def clean_node(node_id, labels, props: dict, schema: Schema) -> NodeRecord | None:
    """Keep what the schema declares; nodes without an id or a schema label are not exported."""
    label = primary_label(labels, schema)
    if label is None or not node_id:
        return None
    spec = schema.label(label)
    keep = {k: _plain(v) for k, v in props.items()
            if v is not None and (k == "name" or k in spec.properties)}
    return NodeRecord(label, str(node_id), keep, tuple(sorted(props.get("sources") or ())))


def clean_edge(start, rtype, end, props: dict, schema: Schema) -> EdgeRecord | None:
    if rtype not in schema.relationships or not start or not end:
        return None
    spec = schema.rel(rtype)
    keep = {k: _plain(v) for k, v in props.items() if v is not None and k in spec.properties}
    return EdgeRecord(rtype, str(start), str(end), keep, tuple(sorted(props.get("sources") or ())))


def key_properties(schema: Schema) -> list[str]:
    """Every relationship key property of the schema: what tells same-type facts between the
    same two nodes apart, so ordering by them makes the export order total."""
    return sorted({k for spec in schema.relationships.values() for k in spec.key})


def edges_query(schema: Schema) -> str:
    # Property names come from the schema (identifiers checked below), never from data.
    keys = [k for k in key_properties(schema) if k.isidentifier()]
    return EDGES.format(keys="".join(f", r.{k}" for k in keys))


class Neo4jStream:
    """Reads through a driver it did not open; each call is one streaming read."""

    def __init__(self, driver, database: str = "neo4j", schema: Schema | None = None):
        self.driver, self.database = driver, database
        self.schema = schema or get_schema()

    def _run(self, query: str):
        with self.driver.session(database=self.database, default_access_mode="READ",
                                 fetch_size=FETCH_SIZE) as session:
            yield from session.run(query)

    def synthetic_sources(self) -> list[str]:
        return [r["id"] for r in self._run(SYNTHETIC)]

    def nodes(self) -> Iterator[NodeRecord]:
        for r in self._run(NODES):
            rec = clean_node(r["id"], r["labels"], r["props"], self.schema)
            if rec is not None:
                yield rec

    def edges(self) -> Iterator[EdgeRecord]:
        for r in self._run(edges_query(self.schema)):
            rec = clean_edge(r["start"], r["type"], r["end"], r["props"], self.schema)
            if rec is not None:
                yield rec


class DatasetStream:
    """The same interface over records already in memory (tests, or exporting before writing)."""

    def __init__(self, ds: Dataset, schema: Schema | None = None):
        self.ds, self.schema = ds, schema or get_schema()

    def synthetic_sources(self) -> list[str]:
        return sorted(n.id for n in self.ds.nodes.values() if n.label == "Source" and n.props.get("synthetic"))

    def nodes(self) -> Iterator[NodeRecord]:
        for n in sorted(self.ds.nodes.values(), key=lambda n: n.id):
            rec = clean_node(n.id, self.schema.label(n.label).labels, {**n.props, "sources": list(n.sources)},
                             self.schema)
            if rec is not None:
                yield rec

    def edges(self) -> Iterator[EdgeRecord]:
        keys = key_properties(self.schema)
        for e in sorted(self.ds.edges.values(),
                        key=lambda e: (e.start, e.type, e.end, *(str(e.props.get(k, "")) for k in keys))):
            rec = clean_edge(e.start, e.type, e.end, {**e.props, "sources": list(e.sources)}, self.schema)
            if rec is not None:
                yield rec
