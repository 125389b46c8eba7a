"""The one step that reads the graph out of Neo4j into NetworkX; analyses never talk to Neo4j.

Nodes are keyed by `id` and carry `label` (their schema label), `labels` and every property;
edges carry `type` and every property. `G.graph["synthetic_sources"]` lists the Source ids marked
synthetic, and each node and edge has `synthetic=True` when all its sources are synthetic, so every
output built on the projection can say which of its figures are generated.

>>> G = project(driver, years=(2017, 2017))                  # doctest: +SKIP
>>> G.nodes["chamber:广东山西商会"]["label"]                 # doctest: +SKIP
'Chamber'
"""
from __future__ import annotations

import gc
from array import array
from contextlib import contextmanager
from typing import Iterable

import networkx as nx
import neo4j.time
import numpy as np
from neo4j import Driver

from graph.cypher_write import RUN_KEY
from graph.schema import get_schema

# Nodes and their outgoing relationships come CHUNK start nodes to a record: each Bolt record
# costs the Python driver far more than a list item in it (the M benchmark graph, 520,202
# relationships: 18 s of client CPU one relationship a record, 4 s one start node a record,
# under 3 s in chunks).
CHUNK = 2000
# A load's bookkeeping (graph.load_runs) is no part of the graph: its nodes are skipped, and so
# is what a load not yet complete has created (a journaled load in progress, or one interrupted
# and not yet rolled back).
NODES = """
MATCH (n)
WHERE NOT n:LoadRun AND NOT n:LoadUndo AND NOT coalesce(n._load_run, '') IN $unfinished
  AND ($labels IS NULL OR any(l IN labels(n) WHERE l IN $labels))
WITH collect(n) AS matched
UNWIND range(0, size(matched) - 1, $chunk) AS i
RETURN [n IN matched[i..i + $chunk] | [n.id, labels(n), properties(n)]] AS rows
"""
EDGES = """
MATCH (a)
WHERE NOT a:LoadRun AND NOT a:LoadUndo AND NOT coalesce(a._load_run, '') IN $unfinished
  AND ($labels IS NULL OR any(l IN labels(a) WHERE l IN $labels))
WITH collect(a) AS starts
UNWIND range(0, size(starts) - 1, $chunk) AS i
RETURN [a IN starts[i..i + $chunk] |
        [a.id, [(a)-[r]->(b) WHERE ($types IS NULL OR type(r) IN $types)
                                AND NOT coalesce(r._load_run, '') IN $unfinished
                                AND ($labels IS NULL OR any(l IN labels(b) WHERE l IN $labels))
                | [b.id, type(r), properties(r)]]]] AS rows
"""
SYNTHETIC = "MATCH (s:Source) WHERE s.synthetic = true RETURN collect(s.id) AS ids"
LOAD_RUNS = ("OPTIONAL MATCH (r:LoadRun) "
             "RETURN collect(CASE WHEN r.state <> 'complete' THEN r.id END) AS unfinished, count(r) AS runs")


def primary_label(labels: Iterable[str]) -> str:
    """The schema label a node was written as (`Chamber` for `:Organization:Chamber`).

    >>> primary_label(["Organization", "Chamber"])
    'Chamber'
    """
    schema = get_schema()
    labels = list(labels)
    for name in labels:
        if name in schema.labels and set(labels) - {name} <= set(schema.label(name).also):
            return name
    return labels[0] if labels else ""


def _event_filter(G: nx.MultiDiGraph, years: tuple[int, int] | None, event_kinds: set[str] | None) -> None:
    """Drop events outside the years/kinds, and projects signed or discussed only at dropped events."""
    if years is None and event_kinds is None:
        return
    drop = set()
    for n, d in G.nodes(data=True):
        if d["label"] != "Event":
            continue
        year = d.get("date").year if d.get("date") is not None else None
        if years is not None and (year is None or not years[0] <= year <= years[1]):
            drop.add(n)
        elif event_kinds is not None and d.get("kind") not in event_kinds:
            drop.add(n)
    for n, d in G.nodes(data=True):
        if d["label"] == "Project":
            events = [u for u, _, t in G.in_edges(n, data="type") if t in ("SIGNED", "DISCUSSED")]
            signed = d.get("signed_on")
            if events and all(u in drop for u in events):
                drop.add(n)
            elif not events and years is not None and signed is not None and not years[0] <= signed.year <= years[1]:
                drop.add(n)
    G.remove_nodes_from(drop)


def project(driver: Driver, database: str = "neo4j", *, years: tuple[int, int] | None = None,
            event_kinds: Iterable[str] | None = None, labels: Iterable[str] | None = None,
            types: Iterable[str] | None = None, chunk: int = CHUNK) -> nx.MultiDiGraph:
    """Read nodes and relationships (optionally only some labels/types, events of some years or
    kinds) into a MultiDiGraph. Neo4j temporal values become `datetime.date`. `chunk` start
    nodes travel in one Bolt record."""
    labels = sorted(labels) if labels is not None else None
    types = sorted(types) if types is not None else None
    G = nx.MultiDiGraph()
    # notices off: the journal's label and key (LOAD_RUNS, NODES) exist only while a large load runs
    with _gc_paused(), driver.session(database=database, default_access_mode="READ",
                                      notifications_min_severity="OFF") as s:
        synthetic = set(s.run(SYNTHETIC).single()["ids"])
        load_runs = s.run(LOAD_RUNS).single()
        unfinished, untag = load_runs["unfinished"], load_runs["runs"] > 0
        # a million nodes share a handful of label sets and source lists: each is worked out once
        label_of: dict[tuple, str] = {}
        is_synthetic: dict[tuple, bool] = {}

        def mark(props: dict) -> dict:
            sources = tuple(props.get("sources") or ())
            if sources not in is_synthetic:
                is_synthetic[sources] = bool(sources) and set(sources) <= synthetic
            props["synthetic"] = is_synthetic[sources]
            return props

        # each id once in memory: the driver makes a new string for every occurrence (10.7 million
        # edge ends at L), and the graph would keep them all; ids[pos[x]] is the one kept
        ids: list[str] = []
        pos: dict[str, int] = {}
        # NetworkX's own storage filled directly, as `add_node`/`add_edge` would fill it: their
        # checks and copies per call were a quarter of the client's time at L (5.4M relationships)
        node, succ, pred = G._node, G._succ, G._pred
        for (rows,) in s.run(NODES, labels=labels, chunk=chunk, unfinished=unfinished):
            for node_id, names, props in rows:
                props = _plain_props(props)
                if untag:  # a load's tag, until its clean-up has removed it
                    props.pop(RUN_KEY, None)
                names = tuple(names)
                if names not in label_of:
                    label_of[names] = primary_label(names)
                props["label"], props["labels"] = label_of[names], names
                if node_id in node:
                    node[node_id].update(mark(props))
                else:
                    pos[node_id] = len(ids)
                    ids.append(node_id)
                    node[node_id], succ[node_id], pred[node_id] = mark(props), {}, {}
        arrays = _EdgeArrays(ids, pos)
        for (rows,) in s.run(EDGES, labels=labels, types=types, chunk=chunk, unfinished=unfinished):
            for start, out in rows:
                i = pos.get(start)
                if i is not None:
                    start = ids[i]
                    nbrs = succ[start]
                for end, rtype, props in out:
                    j = pos.get(end)
                    data = mark({"type": rtype, **_plain_props(props)})
                    if untag:
                        data.pop(RUN_KEY, None)
                    if i is None or j is None:  # cannot happen for a consistent read; add_edge adds the node
                        arrays.valid = False
                        G.add_edge(start, end, key=rtype, **data)
                        continue
                    end = ids[j]
                    keyed = nbrs.get(end)
                    if keyed is None:
                        nbrs[end] = pred[end][start] = {rtype: data}
                    elif rtype in keyed:  # parallel relationships of one type: one edge, as add_edge merges
                        keyed[rtype].update(data)
                    else:
                        keyed[rtype] = data
                if i is not None:
                    arrays.add(i, nbrs)
        arrays.keep(G)
    G.graph["synthetic_sources"] = sorted(synthetic)
    _event_filter(G, years, set(event_kinds) if event_kinds is not None else None)
    return G


# Where `project` leaves its graph's edges as arrays, in NetworkX's own cache, which every
# NetworkX call that adds or removes a node or an edge empties: `queries.facts.edge_arrays`
# reads them from there instead of walking 5.4M edges again (15 s at L). The value is
# ``(ids, pos, src, dst, code, types)``: node ids in G's order, id → position, and each
# edge's end positions and type (``types[code]``) in the order a walk of ``G.edges`` meets them.
EDGE_ARRAYS = "jinshang_edge_arrays"


class _EdgeArrays:
    """The projection's edges as they are read, start node by start node."""

    def __init__(self, ids: list, pos: dict):
        self.ids, self.pos, self.valid = ids, pos, True
        self.src, self.dst, self.code = array("q"), array("q"), array("h")
        self.codes: dict[str, int] = {}
        self.walked = bytearray(len(ids))

    def add(self, i: int, nbrs: dict) -> None:
        """Start node i's edges, once all of them are in (a start node comes in one row)."""
        if self.walked[i] or not self.valid:
            self.valid = False
            return
        self.walked[i] = 1
        pos, codes = self.pos, self.codes
        for v, keyed in nbrs.items():  # as G.edges walks them: neighbours, then keys, in order
            j = pos[v]
            for t in keyed:  # the key is the relationship type here
                c = codes.get(t)
                if c is None:
                    c = codes.setdefault(t, len(codes))
                self.src.append(i)
                self.dst.append(j)
                self.code.append(c)

    def keep(self, G) -> None:
        held = getattr(G, "__networkx_cache__", None)
        if held is None or not self.valid or len(self.ids) != len(G):
            return
        src = np.frombuffer(self.src, dtype=np.int64)
        # rows come in the server's order; a walk of G goes node by node in G's order
        order = np.argsort(src, kind="stable")
        held[EDGE_ARRAYS] = (
            self.ids, self.pos, src[order], np.frombuffer(self.dst, dtype=np.int64)[order],
            np.frombuffer(self.code, dtype=np.int16)[order], list(self.codes))


@contextmanager
def _gc_paused():
    """The cyclic garbage collector off while millions of property dicts are made, none of
    them garbage: its full passes over the growing graph cost more than the reading itself
    (M benchmark graph: 21.7 s with it, 8.5 s without)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # Everything made meanwhile sits in the youngest generation: re-enabled as it is, the
        # next allocation would walk all of it (10 s at L). Moved straight to the oldest
        # generation instead, it waits for the next full collection, which is no worse.
        gc.freeze()
        gc.unfreeze()
        if was_enabled:
            gc.enable()


def _plain(value):
    """Neo4j's Date/DateTime become the standard library's, so analyses need no driver types."""
    to_native = getattr(value, "to_native", None)
    return to_native() if callable(to_native) else value


_NEO4J_TEMPORAL = frozenset({neo4j.time.Date, neo4j.time.DateTime, neo4j.time.Time})  # what has to_native


def _plain_props(props: dict) -> dict:
    """`props` with `_plain` values; most have no temporal value, and that check runs in C."""
    if _NEO4J_TEMPORAL.isdisjoint(map(type, props.values())):
        return props
    return {k: _plain(v) for k, v in props.items()}


def from_dataset(ds, synthetic_sources=None) -> nx.MultiDiGraph:
    """The graph `project` would return after writing `ds`, without a database: for unit tests,
    notebooks without a server and benchmarks of the analyses alone.

    >>> from loaders.bundled import bundled_catalog
    >>> G = from_dataset(bundled_catalog())
    >>> G.nodes["chamber:广东山西商会"]["labels"], G.graph["synthetic_sources"]
    (('Chamber', 'Organization'), [])
    """
    schema = get_schema()
    if synthetic_sources is None:
        synthetic_sources = {i for i, n in ds.nodes.items() if n.label == "Source" and n.props.get("synthetic")}
    synthetic = set(synthetic_sources)
    G = nx.MultiDiGraph(synthetic_sources=sorted(synthetic))
    G.add_nodes_from((n.id, {**n.props, "id": n.id, "sources": list(n.sources), "label": n.label,
                             "labels": schema.label(n.label).labels,
                             "synthetic": bool(n.sources) and set(n.sources) <= synthetic})
                     for n in ds.nodes.values())
    G.add_edges_from((e.start, e.end, e.type, {**e.props, "type": e.type, "sources": list(e.sources),
                                               "synthetic": bool(e.sources) and set(e.sources) <= synthetic})
                     for e in ds.edges.values())
    return G
