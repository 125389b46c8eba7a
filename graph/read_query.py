"""Run one user-supplied (or library) Cypher statement read-only, streaming its rows.

Three locks. Before anything is sent, the statement's tokens must read like a plain read (an
allow-list of clauses and read procedures; too long or too deeply nested text is refused too: see
graph.read_only). Then the server plans it with EXPLAIN (nothing runs) and the plan must hold to the
same allow-list. Then it runs in an explicit transaction of a READ-mode session, which the server
itself refuses to let write. Parameters are always Bolt parameters, never formatted into the text.
A parameter holding the id of a node merged into another (graph.merge) is read as the survivor's
id; an id written literally inside the Cypher text is not rewritten.

A leading ``PROFILE`` runs the read as usual and returns its rows; a leading ``EXPLAIN`` runs
nothing and returns the plan, one row per operator. Every statement has a time limit: the server
ends the transaction after ``timeout`` seconds, and on the main thread the client gives up too (a
server that never answers cannot hang the command).

>>> with read_rows(driver, "MATCH (c:County) RETURN c.name AS name", {}) as rows:  # doctest: +SKIP
...     rows.keys, next(iter(rows))
(['name'], {'name': '忻府区'})
"""
from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from neo4j import READ_ACCESS, Driver
from neo4j.exceptions import DriverError, Neo4jError
from neo4j.graph import Node, Path, Relationship
from neo4j.spatial import Point
from neo4j.time import Date, DateTime, Duration, Time

from graph.errors import DatabaseError
from graph.judgements import resolve_params
from graph.read_only import check_plan, check_statement, plan_operators, split_mode

DEFAULT_TIMEOUT_S = 120.0  # a read of this project's graph takes seconds; a hung server, forever


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


class QueryTimeout(DatabaseError):
    """A statement ran past its time limit (or the server stopped answering)."""


class PlanRows:
    """The rows of ``EXPLAIN``: one per operator of the plan, indented by depth; nothing ran."""

    keys = ["operator", "details", "estimated_rows", "identifiers"]

    def __init__(self, plan: dict | None):
        self._plan = plan

    def __iter__(self) -> Iterator[dict]:
        stack = [(self._plan, 0)] if self._plan else []
        while stack:
            node, depth = stack.pop()
            args = node.get("args") or {}
            rows = args.get("EstimatedRows")
            yield {"operator": "  " * depth + str(node.get("operatorType", "")).split("@", 1)[0],
                   "details": str(args.get("Details", "")),
                   "estimated_rows": round(rows, 1) if isinstance(rows, float) else rows,
                   "identifiers": ", ".join(node.get("identifiers") or [])}
            stack.extend((child, depth + 1) for child in reversed(node.get("children") or []))


def statement_text(query: str) -> str:
    """The statement as sent: surrounding blanks and one trailing ';' removed."""
    text = query.strip()
    return text[:-1].rstrip() if text.endswith(";") else text


def explain_read_only(session, query: str, params: dict, timeout: float | None = None) -> dict | None:
    """Plan ``query`` with EXPLAIN (runs nothing); raise ReadOnlyViolation unless the plan only
    reads the graph. Returns the plan."""
    try:
        with session.begin_transaction(timeout=timeout) as tx:
            summary = tx.run("EXPLAIN " + query, params).consume()
    except Neo4jError as exc:
        # the server quotes the statement it planned: show the user's text, not our prefix
        msg = _one_line(exc).replace('"EXPLAIN ', '"')
        raise DatabaseError(f"the query failed: {msg}") from exc
    check_plan(summary.query_type, plan_operators(summary.plan))
    return summary.plan


class _Deadline(BaseException):
    """Raised by the timer inside whatever the main thread is doing (a socket read, usually).
    A BaseException, so no ``except Exception`` in the driver turns it into something else."""


@contextmanager
def _client_deadline(seconds: float | None) -> Iterator[None]:
    """On the main thread, raise _Deadline after ``seconds`` (SIGALRM); elsewhere do nothing: the
    server's transaction timeout is then the only limit."""
    usable = seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    driver_log = logging.getLogger("neo4j")
    was_disabled = driver_log.disabled

    def fire(signum, frame):
        driver_log.disabled = True  # its complaints about the connection cut here are expected noise
        raise _Deadline()

    previous = signal.signal(signal.SIGALRM, fire)
    # It fires again every half second after the first time: the driver's clean-up (rolling the
    # transaction back) waits on the same silent server, and must be cut short too.
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.5)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        driver_log.disabled = was_disabled


def _drop_connection(session) -> None:
    """Close the connection a deadline cut mid-answer. Returned to the pool as it is, the next
    statement would read the stale answer, or wait for it. (The driver has no public call for this.)"""
    connection = getattr(session, "_connection", None)
    if connection is not None:
        connection.kill()


def _timed_out(timeout: float | None) -> QueryTimeout:
    return QueryTimeout(f"查询超过 {timeout:g} 秒未完成，已放弃 (the query took longer than {timeout:g} s and was "
                        "abandoned; narrow it, or give more time with --timeout)")


@contextmanager
def read_rows(driver: Driver, query: str, params: dict | None = None, *, database: str = "neo4j",
              check: bool = True, timeout: float | None = DEFAULT_TIMEOUT_S) -> Iterator[Rows | PlanRows]:
    """Yield the rows of a read-only statement, streamed inside a READ transaction.

    Raises ReadOnlyViolation (before anything runs) for a statement outside the read-only
    allow-list, QueryTimeout past ``timeout`` seconds, and DatabaseError, in one line, for a
    statement the server rejects. ``check=False`` skips both checks (the READ transaction still
    refuses writes): only for tests of that last lock.
    """
    query, params = statement_text(query), dict(params or {})
    mode = None
    if check:
        mode, query = split_mode(query)
        check_statement(query)
    try:
        # Notifications (deprecations, performance hints) are for developers, not analysts' output.
        with _client_deadline(timeout), driver.session(
                database=database, default_access_mode=READ_ACCESS, notifications_min_severity="OFF") as session:
            try:
                # a merged node's id keeps answering: parameters name the node it lives on now
                params = resolve_params(session, params)
                plan = explain_read_only(session, query, params, timeout) if check else None
                if mode == "EXPLAIN":
                    yield PlanRows(plan)
                    return
                with session.begin_transaction(timeout=timeout) as tx:
                    yield Rows(tx.run(query, params))
                    # a read has nothing to commit: leaving the block rolls the transaction back
            except _Deadline:
                _drop_connection(session)
                raise
    except _Deadline:
        raise _timed_out(timeout) from None
    except (Neo4jError, DriverError) as exc:
        if "TimedOut" in str(getattr(exc, "code", "") or ""):  # the server's transaction timeout
            raise _timed_out(timeout) from exc
        raise DatabaseError(f"the query failed: {_one_line(exc)}") from exc


def fetch(driver: Driver, query: str, params: dict | None = None, *, database: str = "neo4j",
          timeout: float | None = DEFAULT_TIMEOUT_S) -> tuple[list[str], list[dict]]:
    """All rows at once, for small results: (keys, rows)."""
    with read_rows(driver, query, params, database=database, timeout=timeout) as rows:
        return rows.keys, list(rows)
