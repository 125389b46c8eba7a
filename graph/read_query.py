"""Run one user-supplied (or library) Cypher statement read-only, streaming its rows.

Two locks, both on the server's side: the statement is first planned with EXPLAIN (nothing runs)
and refused unless its plan is read-only (see queries.safe), then it runs in an explicit
transaction of a READ-mode session, which the server itself refuses to let write. Parameters are
always passed as Bolt parameters, never formatted into the text.

>>> with read_rows(driver, "MATCH (c:County) RETURN c.name AS name", {}) as rows:  # doctest: +SKIP
...     rows.keys, next(iter(rows))
(['name'], {'name': '忻府区'})
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from neo4j import READ_ACCESS, Driver
from neo4j.exceptions import DriverError, Neo4jError
from neo4j.graph import Node, Path, Relationship
from neo4j.spatial import Point
from neo4j.time import Date, DateTime, Duration, Time

from graph.errors import DatabaseError
from queries.safe import check_read_only, operator_names


def plain(value):
    """A driver value as plain Python: temporal → datetime types, nodes and relationships → dicts.

    Nodes become ``{"_labels": [...], **properties}``, relationships ``{"_type", "_start",
    "_end", **properties}`` (ends by their ``id``), paths ``{"nodes": [...], "relationships": [...]}``.
    """
    if isinstance(value, (Date, DateTime, Time)):
        return value.to_native()
    if isinstance(value, Duration):
        return str(value)
    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        start = value.start_node.get("id") if value.start_node is not None else None
        end = value.end_node.get("id") if value.end_node is not None else None
        return {"_type": value.type, "_start": start, "_end": end, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return {"nodes": [plain(n) for n in value.nodes], "relationships": [plain(r) for r in value.relationships]}
    if isinstance(value, Point):
        return list(value)
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def _one_line(exc: Exception) -> str:
    msg = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return " ".join(str(msg).split())


class Rows:
    """The streamed rows of one statement: ``keys`` and an iterator of dicts (read once)."""

    def __init__(self, result):
        self._result = result
        self.keys: list[str] = list(result.keys())

    def __iter__(self) -> Iterator[dict]:
        for record in self._result:  # the driver fetches in batches; nothing is kept here
            yield {k: plain(v) for k, v in zip(self.keys, record.values())}


def statement_text(query: str) -> str:
    """The statement as sent: surrounding blanks and one trailing ';' removed."""
    text = query.strip()
    return text[:-1].rstrip() if text.endswith(";") else text


def explain_read_only(session, query: str, params: dict) -> None:
    """Plan ``query`` with EXPLAIN (runs nothing) and raise ReadOnlyViolation unless it only reads."""
    try:
        with session.begin_transaction() as tx:
            summary = tx.run("EXPLAIN " + query, params).consume()
    except Neo4jError as exc:
        # the server quotes the statement it planned: show the user's text, not our prefix
        msg = _one_line(exc).replace('"EXPLAIN ', '"')
        raise DatabaseError(f"the query failed: {msg}") from exc
    check_read_only(summary.query_type, operator_names(summary.plan))


@contextmanager
def read_rows(driver: Driver, query: str, params: dict | None = None, *, database: str = "neo4j",
              check: bool = True) -> Iterator[Rows]:
    """Yield the rows of a read-only statement, streamed inside a READ transaction.

    Raises ReadOnlyViolation (before anything runs) for a statement that would write, and
    DatabaseError, in one line, for a statement the server rejects. ``check=False`` skips the
    EXPLAIN step (the READ transaction still refuses writes): only for tests of that second lock.
    """
    query, params = statement_text(query), dict(params or {})
    try:
        # Notifications (deprecations, performance hints) are for developers, not analysts' output.
        with driver.session(database=database, default_access_mode=READ_ACCESS,
                            notifications_min_severity="OFF") as session:
            if check:
                explain_read_only(session, query, params)
            with session.begin_transaction() as tx:
                yield Rows(tx.run(query, params))
                # a read has nothing to commit: leaving the block rolls the transaction back
    except (Neo4jError, DriverError) as exc:
        raise DatabaseError(f"the query failed: {_one_line(exc)}") from exc


def fetch(driver: Driver, query: str, params: dict | None = None, *, database: str = "neo4j"
          ) -> tuple[list[str], list[dict]]:
    """All rows at once, for small results: (keys, rows)."""
    with read_rows(driver, query, params, database=database) as rows:
        return rows.keys, list(rows)
