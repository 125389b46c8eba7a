"""All Cypher text the writer sends, in one place.

Labels and relationship types are composed into the text only after `_ident` has checked them
against the schema (they are identifiers, not values, and Cypher cannot take them as
parameters in MERGE on 5.x); every value travels as a Bolt parameter (`$rows`).
"""
from __future__ import annotations

import re

from graph.schema import Schema, get_schema

_IDENT = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


def _ident(name: str, allowed) -> str:
    if name not in allowed or not _IDENT.match(name):
        raise ValueError(f"{name!r} is not a schema identifier")
    return name


def _changed(var: str, props: str) -> str:
    # Rows whose node/relationship already holds every property and source are dropped before
    # MERGE, so reloading unchanged data reads but never writes.
    return (f"{var} IS NULL OR any(k IN keys({props}) WHERE {var}[k] IS NULL OR {var}[k] <> {props}[k]) "
            f"OR any(s IN $sources WHERE NOT s IN coalesce({var}.sources, []))")


_SET = ("ON CREATE SET {v} += {p}, {v}.sources = $sources{extra} "
        "ON MATCH SET {v} += {p}, "
        "{v}.sources = coalesce({v}.sources, []) + [s IN $sources WHERE NOT s IN coalesce({v}.sources, [])]")

# Rows are lists, not maps, and the sources travel once per batch (`$sources`): the driver packs
# every value of every row, and map keys repeated per row were most of the bytes and the time.


def merge_nodes(label: str, schema: Schema | None = None) -> str:
    """`$rows`: [[id, props]], `$sources`: [source id] → MERGE on the label's key, stacking its
    extra labels."""
    schema = schema or get_schema()
    spec = schema.label(_ident(label, schema.labels))
    extra = "".join(f", n:{_ident(x, schema.labels)}" for x in spec.also)
    return (
        f"UNWIND $rows AS row OPTIONAL MATCH (o:{label} {{id: row[0]}}) WITH row, o WHERE {_changed('o', 'row[1]')} "
        f"MERGE (n:{label} {{id: row[0]}}) " + _SET.format(v="n", p="row[1]", extra=extra)
    )


def plan_nodes(label: str, schema: Schema | None = None) -> str:
    """Read-only: classify `$rows` as new, changed or unchanged (for --dry-run)."""
    schema = schema or get_schema()
    _ident(label, schema.labels)
    return (
        f"UNWIND $rows AS row OPTIONAL MATCH (o:{label} {{id: row[0]}}) "
        f"RETURN CASE WHEN o IS NULL THEN 'new' WHEN {_changed('o', 'row[1]')} THEN 'changed' "
        f"ELSE 'unchanged' END AS state, count(*) AS n"
    )


def _rel_parts(rtype: str, start: str, end: str, schema: Schema):
    spec = schema.rel(_ident(rtype, schema.relationships))
    _ident(start, schema.labels), _ident(end, schema.labels)
    # Key properties are among the row's props (row[2]); they tell facts between the same ends apart.
    key = ", ".join(f"{k}: row[2].{_ident(k, spec.properties)}" for k in spec.key)
    key = f" {{{key}}}" if key else ""
    where_key = " AND ".join(f"o.{k} = row[2].{k}" for k in spec.key)
    return key, (f" WHERE {where_key}" if where_key else "")


def merge_rels(rtype: str, start: str, end: str, schema: Schema | None = None) -> str:
    """`$rows`: [[start id, end id, props]], `$sources` → MERGE one fact per (ends, key properties)."""
    schema = schema or get_schema()
    key, where_key = _rel_parts(rtype, start, end, schema)
    return (
        f"UNWIND $rows AS row MATCH (a:{start} {{id: row[0]}}) MATCH (b:{end} {{id: row[1]}}) "
        f"OPTIONAL MATCH (a)-[o:{rtype}]->(b){where_key} WITH row, a, b, o WHERE {_changed('o', 'row[2]')} "
        f"MERGE (a)-[r:{rtype}{key}]->(b) " + _SET.format(v="r", p="row[2]", extra="")
    )


def plan_rels(rtype: str, start: str, end: str, schema: Schema | None = None) -> str:
    schema = schema or get_schema()
    _, where_key = _rel_parts(rtype, start, end, schema)
    return (
        f"UNWIND $rows AS row OPTIONAL MATCH (a:{start} {{id: row[0]}}) OPTIONAL MATCH (b:{end} {{id: row[1]}}) "
        f"OPTIONAL MATCH (a)-[o:{rtype}]->(b){where_key} "
        f"RETURN CASE WHEN a IS NULL OR b IS NULL THEN 'new' WHEN o IS NULL THEN 'new' "
        f"WHEN {_changed('o', 'row[2]')} THEN 'changed' ELSE 'unchanged' END AS state, count(*) AS n"
    )


def existing_ids(label: str, schema: Schema | None = None) -> str:
    schema = schema or get_schema()
    return f"UNWIND $ids AS id MATCH (n:{_ident(label, schema.labels)} {{id: id}}) RETURN n.id AS id"


COUNT_LABELS = "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label"
COUNT_TYPES = "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type"
