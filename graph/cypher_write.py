"""All Cypher text the writer sends, in one place.

Labels and relationship types are composed into the text only after `_ident` has checked them
against the schema (they are identifiers, not values, and Cypher cannot take them as
parameters in MERGE on 5.x); every value travels as a Bolt parameter (`$rows`).
"""
from __future__ import annotations

import re

from graph.records import AS_OF, MILESTONES, REPORTED_FIELDS
from graph.schema import Schema, get_schema

_IDENT = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


def _ident(name: str, allowed) -> str:
    if name not in allowed or not _IDENT.match(name):
        raise ValueError(f"{name!r} is not a schema identifier")
    return name


def _changed(var: str, props: str) -> str:
    # A row whose node/relationship already holds every property and source is dropped before
    # SET, so reloading unchanged data reads but never writes.
    return (f"{var} IS NULL OR any(k IN keys({props}) WHERE {var}[k] IS NULL OR {var}[k] <> {props}[k]) "
            f"OR any(s IN $sources WHERE NOT s IN coalesce({var}.sources, []))")


# MERGE first, then SET only where something changed. A node MERGE has just created already holds
# the row (ON CREATE), so the filter drops it; one lookup per row, where a "changed?" OPTIONAL MATCH
# before the MERGE made two, and made the planner put an Eager (read, then write the same label)
# between them, which buffered each batch (benchmarks/writer.py; BENCHMARKS.md "Writer profile").
_ON_CREATE = "ON CREATE SET {v} += {p}, {v}.sources = $sources{extra} "
_ON_CHANGE = ("SET {v} += {p}, "
              "{v}.sources = coalesce({v}.sources, []) + [s IN $sources WHERE NOT s IN coalesce({v}.sources, [])]")

# Rows are lists, not maps, and the sources travel once per batch (`$sources`): the driver packs
# every value of every row, and map keys repeated per row were most of the bytes and the time.


# A load too large for one transaction is journaled (graph.load_runs): what a batch creates is
# tagged with the run id (ON CREATE only), and what it is about to change gets a before-image
# (a LoadUndo node) in the same transaction, so an interrupted run can be undone exactly. A node
# or relationship this run created carries the tag and needs no image (the rollback deletes it).
RUN_KEY = "_load_run"
INTERNAL_LABELS = ("LoadRun", "LoadUndo", "Judgement")  # bookkeeping, outside the graph contract (graph.judgements)
_UNDO = ("WITH {keep}, CASE WHEN {v}.{run} = $run THEN null ELSE {v} END AS o "
         "WITH {keep}, o, CASE WHEN o IS NULL THEN 0 ELSE size(keys(o)) + 2 END AS undo_props "
         "FOREACH (y IN CASE WHEN o IS NULL THEN [] ELSE [o] END | CREATE (u:LoadUndo) "
         "SET u = properties(y), u._undo_run = $run, u.{ref} = elementId(y)) ")
# What the journal itself wrote, so the summary counts only the data (graph.writer); what the
# run tagged is what it created, which the counters tell.
_JOURNALED = " RETURN count(o) AS undone, sum(undo_props) AS undo_props"


def reported_guard(keys, p: str = "row[1]", v: str = "n") -> str:
    """The map to SET on a node with reported values (`keys`: its label's properties), merged as
    graph.records.merge_props merges them: a newer report replaces them (its status too), an
    older or undated one leaves them; a milestone keeps its earliest date. A key the row lacks
    keeps the node's value (`+=` with null would remove it). Cypher maps cannot drop keys without
    APOC, hence one entry per property."""
    older = f"({v}.{AS_OF} IS NOT NULL AND ({p}.{AS_OF} IS NULL OR {p}.{AS_OF} < {v}.{AS_OF}))"
    parts = []
    for k in ("name", *keys):
        _ident(k, (k,))
        if k in MILESTONES:
            e = f"CASE WHEN {v}.{k} IS NULL OR {p}.{k} < {v}.{k} THEN {p}.{k} ELSE {v}.{k} END"
        elif k == "status":
            e = f"CASE WHEN {older} THEN {v}.{k} WHEN {p}.{AS_OF} IS NOT NULL THEN {p}.{k} ELSE coalesce({p}.{k}, {v}.{k}) END"
        elif k in REPORTED_FIELDS or k == AS_OF:
            e = f"CASE WHEN {older} THEN {v}.{k} ELSE coalesce({p}.{k}, {v}.{k}) END"
        else:
            e = f"coalesce({p}.{k}, {v}.{k})"
        parts.append(f"{k}: {e}")
    return "{" + ", ".join(parts) + "}"


def merge_nodes(label: str, schema: Schema | None = None, journal: bool = False) -> str:
    """`$rows`: [[id, props]], `$sources`: [source id] → MERGE on the label's key, stacking its
    extra labels. Journaled (`$run`): created nodes are tagged, changed ones leave a before-image."""
    schema = schema or get_schema()
    spec = schema.label(_ident(label, schema.labels))
    extra = "".join(f", n:{_ident(x, schema.labels)}" for x in spec.also)
    extra += f", n.{RUN_KEY} = $run" if journal else ""
    on_change = _ON_CHANGE.format(v="n", p="row[1]")
    if AS_OF in spec.properties:  # a report older than the node's leaves its current values
        on_change = on_change.replace("SET n += row[1]", "SET n += " + reported_guard(spec.properties), 1)
    return (
        f"UNWIND $rows AS row MERGE (n:{label} {{id: row[0]}}) " + _ON_CREATE.format(v="n", p="row[1]", extra=extra)
        + f"WITH row, n WHERE {_changed('n', 'row[1]')} "
        + (_UNDO.format(keep="row, n", v="n", run=RUN_KEY, ref="_undo_node") if journal else "")
        + on_change
        + (_JOURNALED if journal else "")
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


def merge_rels(rtype: str, start: str, end: str, schema: Schema | None = None, journal: bool = False) -> str:
    """`$rows`: [[start id, end id, props]], `$sources` → MERGE one fact per (ends, key properties)."""
    schema = schema or get_schema()
    key, _ = _rel_parts(rtype, start, end, schema)
    return (
        f"UNWIND $rows AS row MATCH (a:{start} {{id: row[0]}}) MATCH (b:{end} {{id: row[1]}}) "
        f"MERGE (a)-[r:{rtype}{key}]->(b) "
        + _ON_CREATE.format(v="r", p="row[2]", extra=f", r.{RUN_KEY} = $run" if journal else "")
        + f"WITH row, r WHERE {_changed('r', 'row[2]')} "
        + (_UNDO.format(keep="row, r", v="r", run=RUN_KEY, ref="_undo_rel") if journal else "")
        + _ON_CHANGE.format(v="r", p="row[2]")
        + (_JOURNALED if journal else "")
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


# by name, not `n:LoadRun`: a label the database has never seen draws a notice on every count
COUNT_LABELS = ("MATCH (n) WHERE none(l IN labels(n) WHERE l IN ['LoadRun', 'LoadUndo', 'Judgement']) "
                "UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label")
COUNT_TYPES = "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type"

# The load-run journal (graph.load_runs). Clean-up and rollback run as auto-committed
# `CALL {…} IN TRANSACTIONS`: one scan, committed in slices, and each step can simply be run
# again if it is interrupted.
RUN_START = ("CREATE (r:LoadRun {id: $run, state: 'running', started: datetime(), heartbeat: datetime(), "
             "host: $host, pid: $pid, sources: $sources, rows: $rows})")
RUN_BEAT = ("MATCH (r:LoadRun {id: $run}) WHERE r.state = 'running' "
            "SET r.heartbeat = datetime() RETURN r.id AS id")
RUN_COMPLETE = ("MATCH (r:LoadRun {id: $run}) WHERE r.state = 'running' "
                "SET r.state = 'complete', r.heartbeat = datetime() RETURN r.id AS id")
RUN_ROLLING_BACK = "MATCH (r:LoadRun {id: $run}) SET r.state = 'rolling back' RETURN r.id AS id"
RUNS = ("MATCH (r:LoadRun) RETURN r.id AS id, r.state AS state, r.host AS host, r.pid AS pid, "
        "toString(r.started) AS started, r.sources AS sources, "
        "duration.inSeconds(r.heartbeat, datetime()).seconds AS idle ORDER BY r.started")
_SLICE = " IN TRANSACTIONS OF 10000 ROWS"
UNTAG_RELS = f"MATCH ()-[r]->() WHERE r.{RUN_KEY} = $run CALL (r) {{ REMOVE r.{RUN_KEY} }}" + _SLICE
UNTAG_NODES = f"MATCH (n) WHERE n.{RUN_KEY} = $run CALL (n) {{ REMOVE n.{RUN_KEY} }}" + _SLICE
DROP_UNDO = "MATCH (u:LoadUndo) WHERE u._undo_run = $run CALL (u) { DELETE u }" + _SLICE
DROP_RUN = "MATCH (r:LoadRun {id: $run}) DELETE r"
DELETE_CREATED_RELS = f"MATCH ()-[r]->() WHERE r.{RUN_KEY} = $run CALL (r) {{ DELETE r }}" + _SLICE
DELETE_CREATED_NODES = f"MATCH (n) WHERE n.{RUN_KEY} = $run CALL (n) {{ DETACH DELETE n }}" + _SLICE
# A before-image names its node or relationship by elementId: stable while the entity lives,
# and the writer never deletes one. SET x = image replaces every property, so whatever the run
# added is gone too; then the image's own bookkeeping keys are dropped.
RESTORE_BEFORE_IMAGES = (
    "MATCH (u:LoadUndo) WHERE u._undo_run = $run CALL (u) { "
    "OPTIONAL MATCH (n) WHERE elementId(n) = u._undo_node "
    "OPTIONAL MATCH ()-[r]->() WHERE elementId(r) = u._undo_rel "
    "FOREACH (x IN CASE WHEN n IS NULL THEN [] ELSE [n] END | SET x = properties(u) REMOVE x._undo_run, x._undo_node) "
    "FOREACH (x IN CASE WHEN r IS NULL THEN [] ELSE [r] END | SET x = properties(u) REMOVE x._undo_run, x._undo_rel) "
    "DELETE u }" + _SLICE)
