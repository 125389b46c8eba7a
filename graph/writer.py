"""The Neo4j writer: the only code that writes to the database.

It takes a driver it did not open. Constraints first; then batched `UNWIND $rows … MERGE`,
per label and per (type, start label, end label), in managed transactions (the driver retries
transient failures). Loading the same records twice changes nothing; a fact confirmed by another
source gains that source's id in `sources`.

>>> from graph.connection import open_driver                      # doctest: +SKIP
>>> Neo4jWriter(open_driver(settings)).write(bundled_catalog())    # doctest: +SKIP
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable

from neo4j import Driver, ManagedTransaction
from neo4j.exceptions import Neo4jError, ServiceUnavailable

from graph import cypher_write as q
from graph.errors import DatabaseError, ValidationError, Problem
from graph.records import Dataset, EdgeRecord, NodeRecord
from graph.schema import Schema, get_schema

ATOMIC_LIMIT = 50_000  # rows; up to this a load is one transaction, so a failure leaves nothing


@dataclass
class WriteSummary:
    nodes_created: int = 0
    relationships_created: int = 0
    properties_set: int = 0
    labels_added: int = 0
    rows: Counter = field(default_factory=Counter)

    def add(self, counters) -> None:
        self.nodes_created += counters.nodes_created
        self.relationships_created += counters.relationships_created
        self.properties_set += counters.properties_set
        self.labels_added += counters.labels_added


def node_row(n: NodeRecord) -> dict:
    return {"id": n.id, "props": {k: v for k, v in n.props.items() if v is not None}, "sources": list(n.sources)}


def edge_row(e: EdgeRecord, schema: Schema) -> dict:
    spec = schema.rel(e.type)
    return {
        "start": e.start,
        "end": e.end,
        "key": {k: e.props.get(k) for k in spec.key},
        "props": {k: v for k, v in e.props.items() if v is not None},
        "sources": list(e.sources),
    }


def _batches(rows: list, size: int) -> Iterable[list]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


class Neo4jWriter:
    def __init__(self, driver: Driver, database: str = "neo4j", batch_size: int = 5000,
                 schema: Schema | None = None):
        self.driver = driver
        self.database = database
        self.batch_size = batch_size
        self.schema = schema or get_schema()

    def ensure_constraints(self) -> None:
        """Uniqueness constraints and indexes from the schema; safe to run any number of times."""
        with self.driver.session(database=self.database) as session:
            for statement in self.schema.constraint_statements():
                session.run(statement).consume()
            session.run("CALL db.awaitIndexes(300)").consume()

    def groups(self, ds: Dataset, known_ids: dict[str, str] | None = None):
        """(statement, plan statement, rows, name) per label and per relationship signature."""
        by_label: dict[str, list] = defaultdict(list)
        for n in ds.nodes.values():
            by_label[n.label].append(node_row(n))
        out = [(q.merge_nodes(lab, self.schema), q.plan_nodes(lab, self.schema), rows, lab)
               for lab, rows in sorted(by_label.items())]
        by_sig: dict[tuple, list] = defaultdict(list)
        for e in ds.with_end_labels(known_ids):
            by_sig[(e.type, e.start_label, e.end_label)].append(edge_row(e, self.schema))
        for (t, s, e), rows in sorted(by_sig.items()):
            out.append((q.merge_rels(t, s, e, self.schema), q.plan_rels(t, s, e, self.schema), rows,
                        f"{t} ({s}→{e})"))
        return out

    def check_external(self, ds: Dataset, known_ids: dict[str, str] | None) -> None:
        """Nodes a source points at but does not declare must already be in the database."""
        wanted: dict[str, set[str]] = defaultdict(set)
        for e in ds.edges.values():
            for end in (e.start, e.end):
                if end not in ds.nodes and known_ids and end in known_ids:
                    wanted[known_ids[end]].add(end)
        missing = []
        with self.driver.session(database=self.database) as session:
            for label, ids in wanted.items():
                found = {r["id"] for r in session.run(q.existing_ids(label, self.schema), ids=sorted(ids))}
                missing += sorted(ids - found)
        if missing:
            raise ValidationError([Problem("(database)", None, None, m,
                                           "referenced but not in the database; run `jinshang build` first")
                                   for m in missing])

    def write(self, ds: Dataset, known_ids: dict[str, str] | None = None,
              progress: Callable[[str, int], None] | None = None, atomic: bool | None = None) -> WriteSummary:
        """Write every record; atomic (one transaction) up to ATOMIC_LIMIT rows unless told."""
        problems = ds.check(self.schema, known_ids)
        if problems:
            raise ValidationError([Problem("(records)", None, None, None, p) for p in problems])
        self.ensure_constraints()
        self.check_external(ds, known_ids)
        groups = self.groups(ds, known_ids)
        total = sum(len(rows) for _, _, rows, _ in groups)
        atomic = total <= ATOMIC_LIMIT if atomic is None else atomic
        summary = WriteSummary()

        def run_groups(tx: ManagedTransaction, selected) -> list:
            results = []
            for statement, _, rows, name in selected:
                for batch in _batches(rows, self.batch_size):
                    results.append(tx.run(statement, rows=batch).consume().counters)
                    if progress and not atomic:
                        progress(name, len(batch))
            return results

        try:
            with self.driver.session(database=self.database) as session:
                if atomic:
                    for counters in session.execute_write(run_groups, groups):
                        summary.add(counters)
                    if progress:
                        for _, _, rows, name in groups:
                            progress(name, len(rows))
                else:
                    for statement, plan, rows, name in groups:
                        for batch in _batches(rows, self.batch_size):
                            for counters in session.execute_write(run_groups, [(statement, plan, batch, name)]):
                                summary.add(counters)
        except (Neo4jError, ServiceUnavailable) as exc:
            raise DatabaseError(f"writing to Neo4j failed: {exc}") from exc
        for _, _, rows, name in groups:
            summary.rows[name] += len(rows)
        return summary

    def plan(self, ds: Dataset, known_ids: dict[str, str] | None = None) -> dict[str, Counter]:
        """What `write` would do, per label/type: new, changed and unchanged rows. Reads only."""
        out: dict[str, Counter] = {}
        with self.driver.session(database=self.database) as session:
            for _, plan, rows, name in self.groups(ds, known_ids):
                states = Counter()
                for batch in _batches(rows, self.batch_size):
                    for r in session.execute_read(lambda tx, b=batch: list(tx.run(plan, rows=b))):
                        states[r["state"]] += r["n"]
                out[name] = states
        return out
