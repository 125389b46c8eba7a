"""One analysis run: what several analyses read (edge arrays, project facts, chamber networks,
the merchant view) is made once per run and kept in an explicit `Run`, not on the graph.

A `Run` is entered with ``with run_cache(G) as run:`` (G a NetworkX graph or a
`graph.projection.ProjectedGraph`, whose edge arrays it then uses); within the block the graph is
taken as unchanged and helpers that take ``G`` find the run through `current_run(G)`. Outside
any run every call computes afresh, as a plain function of G. Public analyses are wrapped in
`reads_once`, so one call is one run (or joins the run it is called in).

>>> import networkx as nx
>>> G = nx.MultiDiGraph([("a", "b")])
>>> with run_cache(G) as run:
...     once_per_run(G, "n", lambda: object()) is once_per_run(G, "n", lambda: object())
True
>>> current_run(G) is None
True
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps

from graph.projection import ProjectedGraph

# The runs entered in this thread, innermost last (a run over another graph may nest in one).
_ACTIVE: ContextVar[tuple["Run", ...]] = ContextVar("jinshang_analysis_runs", default=())


class Run:
    """The shared reads of one analysis run over one graph (``graph``, taken as unchanged
    while the run lasts): ``projected`` holds its edge arrays, ``cache`` the rest by key."""

    def __init__(self, G):
        self.projected = G if isinstance(G, ProjectedGraph) else ProjectedGraph(G)
        self.graph = self.projected.graph
        self.cache: dict = {}
        self._token = None

    def once(self, key, make):
        """`make()` the first time `key` is asked for in this run; the kept value after."""
        if key not in self.cache:
            self.cache[key] = make()
        return self.cache[key]

    def __enter__(self) -> "Run":
        self._token = _ACTIVE.set(_ACTIVE.get() + (self,))
        return self

    def __exit__(self, *exc) -> None:
        _ACTIVE.reset(self._token)


def current_run(G) -> Run | None:
    """The run entered over G (the very graph object), if any."""
    for run in reversed(_ACTIVE.get()):
        if run.graph is G:
            return run
    return None


@contextmanager
def run_cache(G):
    """Enter a `Run` over G (a graph or a ProjectedGraph), or join the one already entered
    over it; yields the run (its ``graph`` is the plain NetworkX graph)."""
    graph = G.graph if isinstance(G, ProjectedGraph) else G
    run = current_run(graph)
    if run is not None:
        yield run
        return
    with Run(G) as run:
        yield run


def reads_once(fn):
    """Runs ``fn(G, ...)`` inside ``run_cache(G)``: the edge arrays, facts and networks it
    reads through several helpers are made once per call (once per run inside one). G may be a
    `graph.projection.ProjectedGraph`; ``fn`` gets its plain graph."""
    @wraps(fn)
    def within(G, *args, **kwargs):
        with run_cache(G) as run:
            return fn(run.graph, *args, **kwargs)
    return within


def once_per_run(G, key, make):
    """`make()` once per run over G; every call outside one."""
    run = current_run(G)
    return make() if run is None else run.once(key, make)
