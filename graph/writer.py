"""The Neo4j writer: the only code that writes to the database.

It takes a driver it did not open. Constraints first; then batched `UNWIND $rows … MERGE`,
per label and per (type, start label, end label), in managed transactions (the driver retries
transient failures). Loading the same records twice changes nothing; a fact confirmed by another
source gains that source's id in `sources`.

Every write is all or nothing. Up to `atomic_limit` rows it is one transaction. Above it, each
batch commits on its own under a load-run journal (graph.load_runs): if the client or the server
dies mid-way, the next write rolls the unfinished run back before it starts, and says so.

>>> from graph.connection import open_driver                      # doctest: +SKIP
>>> Neo4jWriter(open_driver(settings)).write(bundled_catalog())    # doctest: +SKIP
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable

from neo4j import Driver, ManagedTransaction
from neo4j.exceptions import DriverError, Neo4jError

import sys

from graph import cypher_write as q
from graph import load_runs
from graph.errors import DatabaseError, ValidationError, Problem
from graph.records import Dataset, EdgeRecord, NodeRecord
from graph.schema import Schema, get_schema

ATOMIC_LIMIT = 50_000  # rows; up to this a load is one transaction; above it, journaled batches


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

    def discount(self, journal, counters) -> None:
        """Leave out what the load-run journal wrote: before-image nodes and run tags (one on
        each node or relationship the batch created)."""
        tagged = counters.nodes_created - journal["undone"] + counters.relationships_created
        self.nodes_created -= journal["undone"]
        self.labels_added -= journal["undone"]
        self.properties_set -= journal["undo_props"] + tagged


def _present(props: dict) -> dict:
    # Nulls are never stored; most records have none, so skip the copy then (millions of rows).
    return props if None not in props.values() else {k: v for k, v in props.items() if v is not None}


def node_row(n: NodeRecord) -> list:
    """`[id, props]`; the sources travel once per batch (see graph.cypher_write)."""
    return [n.id, _present(n.props)]


def edge_row(e: EdgeRecord) -> list:
    """`[start id, end id, props]`; key properties are among the props."""
    return [e.start, e.end, _present(e.props)]


def _batches(rows: list, size: int) -> Iterable[list]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def _try_roll_back(session, run: str) -> bool:
    try:
        load_runs.roll_back(session, run)
        return True
    except Exception:  # the server is gone: the next write rolls the run back
        return False


class Neo4jWriter:
    def __init__(self, driver: Driver, database: str = "neo4j", batch_size: int = 5000,
                 schema: Schema | None = None, atomic_limit: int = ATOMIC_LIMIT,
                 notify: Callable[[str], None] | None = None):
        self.driver = driver
        self.database = database
        self.batch_size = batch_size
        self.schema = schema or get_schema()
        self.atomic_limit = atomic_limit
        # where "an interrupted load was rolled back" goes; the CLI passes its console
        self.notify = notify or (lambda line: print(line, file=sys.stderr))

    def ensure_constraints(self) -> None:
        """Uniqueness constraints and indexes from the schema; safe to run any number of times."""
        with self.driver.session(database=self.database) as session:
            # Each DDL statement is its own schema transaction (seconds on a busy machine), so
            # only the missing ones run; the names are the schema's own (`person_id`, …).
            have = {r["name"] for r in session.run("SHOW CONSTRAINTS YIELD name")}
            have |= {r["name"] for r in session.run("SHOW INDEXES YIELD name")}
            missing = [s for s in self.schema.constraint_statements() if s.split()[2] not in have]
            for statement in missing:
                session.run(statement).consume()
            if missing:
                session.run("CALL db.awaitIndexes(300)").consume()

    def groups(self, ds: Dataset, known_ids: dict[str, str] | None = None, journal: bool = False) -> list[tuple]:
        """(statement, plan statement, rows, name, sources) per label or relationship signature
        and per sources tuple (usually one per source file)."""
        by_label: dict[tuple, list] = defaultdict(list)
        for n in ds.nodes.values():
            by_label[(n.label, n.sources)].append(node_row(n))
        out = [(q.merge_nodes(lab, self.schema, journal), q.plan_nodes(lab, self.schema), rows, lab, list(src))
               for (lab, src), rows in sorted(by_label.items())]
        labels = {i: n.label for i, n in ds.nodes.items()}
        labels.update({k: v for k, v in (known_ids or {}).items() if k not in labels})
        by_sig: dict[tuple, list] = defaultdict(list)
        for e in ds.edges.values():  # no per-edge copies: at 10^6 nodes there are 5·10^6 edges
            by_sig[(e.type, labels[e.start], labels[e.end], e.sources)].append(edge_row(e))
        statements = {}
        for (t, s, e, src), rows in sorted(by_sig.items()):
            if (t, s, e) not in statements:
                statements[(t, s, e)] = (q.merge_rels(t, s, e, self.schema, journal),
                                         q.plan_rels(t, s, e, self.schema))
            out.append((*statements[(t, s, e)], rows, f"{t} ({s}→{e})", list(src)))
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
        """Write every record, all or nothing: one transaction up to `atomic_limit` rows (unless
        told), journaled batches above it."""
        problems = ds.check(self.schema, known_ids)
        if problems:
            raise ValidationError([Problem("(records)", None, None, None, p) for p in problems])
        self.ensure_constraints()
        self.check_external(ds, known_ids)
        total = len(ds.nodes) + len(ds.edges)
        atomic = total <= self.atomic_limit if atomic is None else atomic
        groups = self.groups(ds, known_ids, journal=not atomic)
        summary = WriteSummary()
        try:
            # the journal's labels and keys do not exist until a large load: no "does not exist" notices
            with self.driver.session(database=self.database, notifications_min_severity="OFF") as session:
                # what an interrupted load left is undone first, whatever the size of this one
                load_runs.settle(session, self.notify)
                if atomic:
                    self._write_atomic(session, groups, summary, progress)
                else:
                    self._write_journaled(session, groups, summary, progress, total)
        except (Neo4jError, DriverError) as exc:
            raise DatabaseError(f"writing to Neo4j failed: {exc}") from exc
        for _, _, rows, name, _ in groups:
            summary.rows[name] += len(rows)
        return summary

    def _write_atomic(self, session, groups, summary: WriteSummary, progress) -> None:
        def run_all(tx: ManagedTransaction) -> list:
            return [tx.run(statement, rows=batch, sources=sources).consume().counters
                    for statement, _, rows, _, sources in groups for batch in _batches(rows, self.batch_size)]

        for counters in session.execute_write(run_all):
            summary.add(counters)
        if progress:
            for _, _, rows, name, _ in groups:
                progress(name, len(rows))

    def _write_journaled(self, session, groups, summary: WriteSummary, progress, total: int) -> None:
        sources = sorted({s for g in groups for s in g[4]})
        run = load_runs.start(session, sources, total)

        def run_batch(tx: ManagedTransaction, statement, batch, sources) -> object:
            load_runs.beat(tx, run)  # fails the batch if another client rolled this run back
            result = tx.run(statement, rows=batch, sources=sources, run=run)
            journal = result.single()
            return result.consume().counters, journal

        try:
            for statement, _, rows, name, sources in groups:
                for batch in _batches(rows, self.batch_size):
                    counters, journal = session.execute_write(run_batch, statement, batch, sources)
                    summary.add(counters)
                    summary.discount(journal, counters)
                    if progress:
                        progress(name, len(batch))
            load_runs.complete(session, run)
        except load_runs.RunAborted:
            raise
        except (Neo4jError, DriverError) as exc:
            done = _try_roll_back(session, run)
            raise DatabaseError(f"writing to Neo4j failed: {exc}; " + (
                "已写入的部分已回滚; what was written is rolled back" if done else
                "已写入的部分将在下次导入时回滚; the next load rolls back what was written")) from exc
        except BaseException:  # Ctrl-C too: leave nothing half-written if the server lets us
            _try_roll_back(session, run)
            raise
        # The data is in and the run complete: its bookkeeping goes. Should that fail, the load
        # still succeeded, and the next write finishes the clean-up (load_runs.settle).
        try:
            load_runs.clean_up(session, run)
        except (Neo4jError, DriverError):
            pass

    def plan(self, ds: Dataset, known_ids: dict[str, str] | None = None) -> dict[str, Counter]:
        """What `write` would do, per label/type: new, changed and unchanged rows. Reads only."""
        out: dict[str, Counter] = {}
        with self.driver.session(database=self.database) as session:
            for _, plan, rows, name, sources in self.groups(ds, known_ids):
                states = out.setdefault(name, Counter())
                for batch in _batches(rows, self.batch_size):
                    for r in session.execute_read(
                            lambda tx, b=batch: list(tx.run(plan, rows=b, sources=sources))):
                        states[r["state"]] += r["n"]
        return out
