"""What a load would change, field by field: `old → new` per node and property. Reads only.

The writer's plan (graph.writer.Neo4jWriter.plan) counts rows as new, changed or unchanged, and a
row counts as changed when it only adds its source to a node. Here a change is a property whose
value would differ after the load, as the writer merges it: a project's reported values only
move for a report newer than the one the node holds (graph.records.merge_props), so loading
October after November shows nothing, and a source that confirms what is there is no change.

>>> changes_of("Project", "project:甲", "甲", {"name": "甲", "stage": "签约", "sources": ["source:a"]},
...            {"stage": "开工", "name": "甲"})
[FieldChange(label='Project', id='project:甲', name='甲', field='stage', old='签约', new='开工')]
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from neo4j import Driver

from graph.records import AS_OF, Dataset, merge_props
from graph.schema import Schema, get_schema

# Provenance and bookkeeping, not the node's values: a newer report that repeats what the node
# holds moves only `reported_as_of`, and that is no change.
IGNORED = frozenset({"sources", "_load_run", AS_OF})
BATCH = 5000


@dataclass(frozen=True)
class FieldChange:
    label: str
    id: str
    name: str
    field: str
    old: object
    new: object


def _native(value):
    """Driver temporal values as Python ones, so a date compares with a date."""
    return value.to_native() if hasattr(value, "to_native") else value


def changes_of(label: str, node_id: str, name: str, old: dict, new: dict) -> list[FieldChange]:
    """The real changes of one existing node: its properties after the merge against before."""
    before = {k: _native(v) for k, v in old.items()}
    after = merge_props(before, new)
    out = []
    for key in sorted((set(before) | set(after)) - IGNORED):
        a, b = before.get(key), after.get(key)
        if a != b:
            out.append(FieldChange(label, node_id, name, key, a, b))
    return out


def field_changes(driver: Driver, ds: Dataset, database: str = "neo4j",
                  schema: Schema | None = None) -> list[FieldChange]:
    """Every property of a node already in the database that the load would change, by id and
    field. New nodes are not listed (the plan counts them)."""
    schema = schema or get_schema()
    by_label: dict[str, list] = {}
    for n in ds.nodes.values():
        by_label.setdefault(n.label, []).append(n)
    out: list[FieldChange] = []
    with driver.session(database=database, default_access_mode="READ") as session:
        for label, records in sorted(by_label.items()):
            schema.label(label)  # a schema label, so it may stand in the query text
            query = f"UNWIND $ids AS id MATCH (n:{label} {{id: id}}) RETURN n.id AS id, properties(n) AS props"
            for i in range(0, len(records), BATCH):
                batch = {r.id: r for r in records[i:i + BATCH]}
                found = session.execute_read(lambda tx: list(tx.run(query, ids=list(batch))))
                for row in found:
                    rec = batch[row["id"]]
                    out += changes_of(label, rec.id, rec.props.get("name", rec.id), row["props"], rec.props)
    return sorted(out, key=lambda c: (c.label, c.id, c.field))


def changed_relationships(driver: Driver, ds: Dataset, known_ids: dict[str, str] | None = None,
                          database: str = "neo4j", schema: Schema | None = None) -> Counter:
    """Relationships already in the database whose properties the load would change, per plan
    row name (`LOCATED_IN (Project→County)`); one that only gains a source is not counted."""
    schema = schema or get_schema()
    labels = {**(known_ids or {}), **{i: n.label for i, n in ds.nodes.items()}}
    groups: dict[tuple, list] = {}
    for e in ds.edges.values():
        groups.setdefault((e.type, labels.get(e.start), labels.get(e.end)), []).append(e)
    out: Counter = Counter()
    with driver.session(database=database, default_access_mode="READ") as session:
        for (rtype, start, end), edges in sorted(groups.items(), key=str):
            if start is None or end is None:
                continue
            spec = schema.rel(rtype)
            schema.label(start), schema.label(end)  # schema names, so they may stand in the query text
            query = (f"UNWIND $rows AS row MATCH (a:{start} {{id: row[0]}})-[r:{rtype}]->(b:{end} {{id: row[1]}}) "
                     "RETURN row[0] AS a, row[1] AS b, properties(r) AS props")
            for i in range(0, len(edges), BATCH):
                batch = edges[i:i + BATCH]
                have: dict[tuple, list[dict]] = {}
                for row in session.execute_read(lambda tx: list(tx.run(query, rows=[[e.start, e.end] for e in batch]))):
                    have.setdefault((row["a"], row["b"]), []).append(
                        {k: _native(v) for k, v in row["props"].items() if k not in IGNORED})
                for e in batch:
                    same_key = [p for p in have.get((e.start, e.end), [])
                                if all(p.get(k) == e.props.get(k) for k in spec.key)]
                    if same_key and {**same_key[0], **_present(e.props)} != same_key[0]:
                        out[f"{rtype} ({start}→{end})"] += 1
    return out


def _present(props: dict) -> dict:
    return {k: v for k, v in props.items() if v is not None}


def corrected_plan(plan: dict[str, Counter], changes: list[FieldChange],
                   relationships: Counter | None = None) -> dict[str, Counter]:
    """The writer's plan with `changed` counting only nodes (and, given `relationships`, from
    changed_relationships, relationships) whose values change: one that only gains a source
    moves to `unchanged`."""
    changed = Counter(label for label, _ in {(c.label, c.id) for c in changes})
    changed.update(relationships or {})
    out = {}
    for name, states in plan.items():
        states = Counter(states)
        if " (" not in name or relationships is not None:  # node rows are named by their label
            total = states["changed"] + states["unchanged"]
            states["changed"] = changed.get(name, 0)
            states["unchanged"] = total - states["changed"]
        out[name] = states
    return out
