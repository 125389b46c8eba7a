"""The one step that reads the graph out of Neo4j into NetworkX; analyses never talk to Neo4j.

Nodes are keyed by `id` and carry `label` (their schema label), `labels` and every property;
edges carry `type` and every property. `G.graph["synthetic_sources"]` lists the Source ids marked
synthetic, and each node and edge has `synthetic=True` when all its sources are synthetic, so every
output built on the projection can say which of its figures are generated.

`read_projection` returns the same graph in a `ProjectedGraph`, with its edges as arrays
(`graph.edge_arrays`) made while reading: what the analyses' fast paths read.

>>> G = project(driver, years=(2017, 2017))                  # doctest: +SKIP
>>> G.nodes["chamber:广东山西商会"]["label"]                 # doctest: +SKIP
'Chamber'
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterable

import networkx as nx
import neo4j.time
from neo4j import Driver

from graph.cypher_write import RUN_KEY
from graph.edge_arrays import EdgeArrayBuilder, EdgeArrays, edge_arrays_of
from graph.schema import get_schema

# Nodes and their outgoing relationships come CHUNK start nodes to a record: each Bolt record
# costs the Python driver far more than a list item in it (the M benchmark graph, 520,202
# relationships: 18 s of client CPU one relationship a record, 4 s one start node a record,
# under 3 s in chunks).
CHUNK = 2000
# A load's bookkeeping (graph.load_runs) and the judgements (graph.judgements) are no part of the graph: its nodes are skipped, and so
# is what a load not yet complete has created (a journaled load in progress, or one interrupted
# and not yet rolled back).
NODES = """
MATCH (n)
WHERE NOT n:LoadRun AND NOT n:LoadUndo AND NOT n:Judgement AND NOT coalesce(n._load_run, '') IN $unfinished
  AND ($labels IS NULL OR any(l IN labels(n) WHERE l IN $labels))
WITH collect(n) AS matched
UNWIND range(0, size(matched) - 1, $chunk) AS i
RETURN [n IN matched[i..i + $chunk] | [n.id, labels(n), properties(n)]] AS rows
"""
EDGES = """
MATCH (a)
WHERE NOT a:LoadRun AND NOT a:LoadUndo AND NOT a:Judgement AND NOT coalesce(a._load_run, '') IN $unfinished
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


def _event_filter(G: nx.MultiDiGraph, years: tuple[int, int] | None, event_kinds: set[str] | None) -> bool:
    """Drop events outside the years/kinds, and projects signed or discussed only at dropped
    events; whether any node was dropped."""
    if years is None and event_kinds is None:
        return False
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
    return bool(drop)


class ProjectedGraph:
    """The projected graph and its edge arrays (`graph.edge_arrays.EdgeArrays`), made once.

    ``graph`` is a plain NetworkX MultiDiGraph, yours to use; ``arrays`` are its edges as numpy
    arrays, what the analyses' fast paths read (`queries.summary.run_analysis` takes either a
    ProjectedGraph or a plain graph). `read_projection` fills them while it reads; otherwise
    they are made from one walk of the graph the first time they are asked for. Both are taken
    as unchanged from then on: to change the graph, change a copy (``P.graph.copy()``).

    >>> from graph.records import Dataset, EdgeRecord, NodeRecord
    >>> ds = Dataset()
    >>> ds.add_node(NodeRecord("Chamber", "chamber:广东山西商会", {"name": "广东山西商会"}, ("source:a",)))
    >>> ds.add_node(NodeRecord("City", "city:广州市", {"name": "广州市"}, ("source:a",)))
    >>> ds.add_edge(EdgeRecord("BASED_IN", "chamber:广东山西商会", "city:广州市", {}, ("source:a",)))
    >>> P = ProjectedGraph(from_dataset(ds))
    >>> len(P.arrays.src) == P.graph.number_of_edges(), P.arrays.ids == list(P.graph)
    (True, True)
    """

    def __init__(self, graph: nx.MultiDiGraph, arrays: EdgeArrays | None = None):
        self.graph = graph
        self._arrays = arrays

    @property
    def arrays(self) -> EdgeArrays:
        if self._arrays is None:
            self._arrays = edge_arrays_of(self.graph)
        return self._arrays

    @property
    def has_arrays(self) -> bool:
        """Whether the arrays are made already (by the reading, or asked for once)."""
        return self._arrays is not None


def project(driver: Driver, database: str = "neo4j", *, years: tuple[int, int] | None = None,
            event_kinds: Iterable[str] | None = None, labels: Iterable[str] | None = None,
            types: Iterable[str] | None = None, chunk: int = CHUNK) -> nx.MultiDiGraph:
    """Read nodes and relationships (optionally only some labels/types, events of some years or
    kinds) into a MultiDiGraph. Neo4j temporal values become `datetime.date`. `chunk` start
    nodes travel in one Bolt record. `read_projection` gives the same graph with its edge arrays."""
    return read_projection(driver, database, years=years, event_kinds=event_kinds, labels=labels,
                           types=types, chunk=chunk).graph


def read_projection(driver: Driver, database: str = "neo4j", *, years: tuple[int, int] | None = None,
                    event_kinds: Iterable[str] | None = None, labels: Iterable[str] | None = None,
                    types: Iterable[str] | None = None, chunk: int = CHUNK) -> ProjectedGraph:
    """`project`'s graph with its edge arrays, made while reading it (no second walk of its
    edges: 15 s at L); what the report and `jinshang analyze` hand to `run_analysis`."""
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
        for (rows,) in s.run(NODES, labels=labels, chunk=chunk, unfinished=unfinished):
            batch = []
            for node_id, names, props in rows:
                props = _plain_props(props)
                if untag:  # a load's tag, until its clean-up has removed it
                    props.pop(RUN_KEY, None)
                names = tuple(names)
                if names not in label_of:
                    label_of[names] = primary_label(names)
                props["label"], props["labels"] = label_of[names], names
                if node_id not in pos:
                    pos[node_id] = len(ids)
                    ids.append(node_id)
                batch.append((ids[pos[node_id]], mark(props)))  # a node read twice: its properties merge
            G.add_nodes_from(batch)
        arrays = EdgeArrayBuilder(ids, pos)
        # NetworkX's public add_edge, one call per relationship: filling its storage directly (as
        # an earlier version did) read M's 520,202 relationships in ~2/3 of the time, but reached
        # into private attributes; add_edges_from was slower still (views made per edge)
        add_edge = G.add_edge
        for (rows,) in s.run(EDGES, labels=labels, types=types, chunk=chunk, unfinished=unfinished):
            for start, out in rows:
                i = pos.get(start)
                if i is not None:
                    start = ids[i]
                for end, rtype, props in out:
                    j = pos.get(end)
                    if i is None or j is None:  # cannot happen for a consistent read; add_edge adds the node
                        arrays.valid = False
                    else:
                        end = ids[j]
                    # the key is the type: parallel relationships of one type merge into one edge
                    data = mark({"type": rtype, **_plain_props(props)})
                    if untag:  # a load's tag, until its clean-up has removed it
                        data.pop(RUN_KEY, None)
                    if "key" in data or "u_for_edge" in data or "v_for_edge" in data:  # add_edge's own names
                        G.add_edges_from([(start, end, rtype, data)])
                    else:
                        add_edge(start, end, rtype, **data)
                if i is not None:
                    arrays.add(i, out)
        held = arrays.finish(len(G))
    G.graph["synthetic_sources"] = sorted(synthetic)
    if _event_filter(G, years, set(event_kinds) if event_kinds is not None else None):
        held = None  # nodes were dropped: the arrays no longer describe G
    return ProjectedGraph(G, held)


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

    >>> from graph.records import Dataset, NodeRecord
    >>> ds = Dataset()
    >>> ds.add_node(NodeRecord("Chamber", "chamber:广东山西商会", {"name": "广东山西商会"}, ("source:a",)))
    >>> G = from_dataset(ds)
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
