"""Entity resolution around a load: read the database, resolve the records, record the rule's merges.

The glue between the database (graph.entity_context, graph.judgements) and the pure resolver
(loaders.resolution.apply); `jinshang load` and `jinshang build` call it before they write.

>>> with driver.session() as s:                                    # doctest: +SKIP
...     res = resolve_for_load(s, ds)
>>> Neo4jWriter(driver).write(res.dataset)                          # doctest: +SKIP
"""
from __future__ import annotations

from graph import judgements as J


def resolve_for_load(session, ds, no_auto=frozenset(), resolved=frozenset()):
    """The load's records resolved against the database (loaders.resolution.apply); labels in
    `no_auto` merge by judgement only; ids in `resolved` (an export's) are not paired by rule
    with each other."""
    from graph.entity_context import RESOLVABLE, entity_rows
    from loaders.resolution.apply import resolve

    labels = sorted({n.label for n in ds.nodes.values() if n.label in RESOLVABLE})
    if not labels:
        from loaders.resolution.apply import Resolution

        return Resolution(ds)
    return resolve(ds, entity_rows(session, labels), J.active(session), frozenset(no_auto), frozenset(resolved))


def record_arrivals(session, resolution) -> None:
    """After the write: the automatic merges of the load, as judgements by `auto` (explainable)."""
    from graph.merge import record_arrival

    if resolution.auto_pairs:
        J.ensure_constraints(session)
        session.execute_write(lambda tx: [record_arrival(tx, a, b, reason) for a, b, reason in resolution.auto_pairs])
