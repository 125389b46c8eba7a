"""The read-only rule for user-supplied Cypher, as a pure function of the server's plan.

graph.read_query asks the server to EXPLAIN a statement (planning it without running it) and
hands the plan's query type and operators here. Only plain reads pass: the query type must be
``r`` (read-only); ``w`` (writes), ``rw`` (reads and writes), ``s`` (schema or admin writes) and
anything else are refused. LOAD CSV plans as ``r`` but reads files or URLs from the server's
side, so its operator is refused too.

>>> check_read_only("r", ["ProduceResults@neo4j", "AllNodesScan@neo4j"])
>>> check_read_only("w", ["Create@neo4j"])
Traceback (most recent call last):
...
graph.errors.ReadOnlyViolation: refused: the statement would write (query type 'w': writes); this command only reads — nothing was run
"""
from __future__ import annotations

from collections.abc import Iterable

from graph.errors import ReadOnlyViolation

QUERY_TYPES = {
    "r": "read-only",
    "w": "writes",
    "rw": "reads and writes",
    "s": "schema or administration writes",
}
# Operators refused even in a read-only plan: they reach outside the graph.
REFUSED_OPERATORS = {"LoadCSV": "LOAD CSV reads files or URLs on the server"}


def operator_names(plan: dict | None) -> list[str]:
    """Every operatorType in a plan tree (the driver's ``summary.plan`` dict), depth first."""
    out: list[str] = []
    stack = [plan] if plan else []
    while stack:
        node = stack.pop()
        out.append(str(node.get("operatorType", "")))
        stack.extend(reversed(node.get("children", []) or []))
    return out


def check_read_only(query_type: str | None, operators: Iterable[str] = ()) -> None:
    """Raise ReadOnlyViolation unless the plan only reads the graph."""
    if query_type != "r":
        what = QUERY_TYPES.get(query_type or "", "not read-only")
        raise ReadOnlyViolation(
            f"refused: the statement would write (query type {query_type!r}: {what}); "
            "this command only reads — nothing was run")
    for op in operators:
        base = op.split("@", 1)[0]
        if base in REFUSED_OPERATORS:
            raise ReadOnlyViolation(f"refused: {REFUSED_OPERATORS[base]}; this command only reads the graph "
                                    "— nothing was run")
