"""Brokers: PageRank and betweenness of people and chambers, and what they bridge.

Both run on the merchant view (`queries.merchant_view`). The kernels are native where
NetworkX is slow at size, behind the same functions and checked against NetworkX in the tests:

- PageRank: power iteration on a scipy sparse matrix (what ``nx.pagerank_scipy`` used to do),
  same damping, tolerance and dangling-node rule as ``nx.pagerank``.
- Betweenness: igraph (C). Exact up to `EXACT_LIMIT` nodes; above it, Brandes' source sampling
  with `k` sources drawn by a seeded ``random.Random(seed).sample`` (the draw NetworkX's
  ``betweenness_centrality(k=, seed=)`` makes), scaled the same way — so with the same seed the
  two give the same figures. Within `queries.summary.run_analysis` it is started early in a
  forked worker (`prefetch_betweenness`) and runs beside the other analyses on the second core.

>>> import networkx as nx
>>> b = betweenness(nx.path_graph(3))
>>> b[1], b[0]
(1.0, 0.0)
"""
from __future__ import annotations

import random
from collections import Counter

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from queries.communities import to_igraph
from queries.edges import edge_arrays, edges_of
from queries.facts import name
from queries.merchant_view import merchant_view
from queries.run import current_run, reads_once

EXACT_LIMIT = 5_000
DEFAULT_K = 100


def pagerank(G, alpha: float = 0.85, tol: float = 1.0e-6, max_iter: int = 100) -> dict[str, float]:
    """PageRank on the merchant view (weighted, undirected), as ``nx.pagerank`` computes it.

    >>> pr = pagerank(nx.star_graph(3))
    >>> max(pr, key=pr.get)
    0
    """
    g, nodes = to_igraph(G)  # the merchant view's edges and weights (cached within a run)
    n = len(nodes)
    if n == 0:
        return {}
    ends = np.asarray(g.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    w = np.asarray(g.es["weight"], dtype=float) if g.ecount() else np.zeros(0)
    # undirected: both directions (no duplicates, so the CSR form does not depend on order)
    A = sp.csr_array((np.concatenate([w, w]), (np.concatenate([ends[:, 0], ends[:, 1]]),
                                               np.concatenate([ends[:, 1], ends[:, 0]]))), shape=(n, n))
    out = np.asarray(A.sum(axis=1)).ravel()
    inv = np.divide(1.0, out, out=np.zeros(n), where=out != 0)
    P = sp.diags(inv) @ A  # row-stochastic where a node has edges
    dangling = out == 0
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        prev = x
        x = alpha * (prev @ P + prev[dangling].sum() / n) + (1 - alpha) / n
        if np.abs(x - prev).sum() < n * tol:
            break
    return dict(zip(nodes, (x / x.sum()).tolist()))


def betweenness(G, k: int | None = None, seed: int = 42, normalized: bool = True) -> dict[str, float]:
    """Betweenness centrality on the merchant view (unweighted shortest paths).

    Exact when ``k`` is None and the graph has at most EXACT_LIMIT nodes; otherwise estimated
    from ``k`` (default DEFAULT_K) sampled sources, seeded. Matches
    ``nx.betweenness_centrality(H, k=k, seed=seed, normalized=normalized)``.

    Examples
    --------
    >>> b = betweenness(nx.star_graph(4), normalized=False)
    >>> b[0]
    6.0
    """
    run = current_run(G)
    pending = run.cache.pop(("betweenness", k, seed, normalized), None) if run is not None else None
    if pending is not None:  # started by `prefetch_betweenness` on this very graph
        try:
            return dict(zip(merchant_view(G).nodes, pending.result()))
        except Exception:  # noqa: BLE001 — the worker died (e.g. out of memory): compute here
            pass
        finally:
            pending.executor.shutdown(wait=False, cancel_futures=True)
    return _betweenness(G, k, seed, normalized)


# The job a forked worker runs: set just before the fork, read by the child (never pickled).
_FORK_JOB: tuple | None = None


def _forked_betweenness() -> list[float]:
    run, k, seed, normalized = _FORK_JOB
    with run:  # the parent's run, copied by the fork: its merchant view is not made again
        return list(_betweenness(run.graph, k, seed, normalized).values())


def prefetch_betweenness(G, k: int | None = None, seed: int = 42, normalized: bool = True) -> bool:
    """Start ``betweenness(G, k, seed, normalized)`` in a forked worker, so that it runs beside
    the other analyses on a second core (igraph holds the GIL, so a thread would not overlap).
    The same call later takes the result: the figures are the very same floats. Only within a
    run (`queries.run`), and only where fork exists; returns
    whether a worker was started.
    """
    global _FORK_JOB
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    run = current_run(G)
    if run is None or "fork" not in mp.get_all_start_methods() or len(merchant_view(G).nodes) <= EXACT_LIMIT:
        return False
    import igraph  # noqa: F401 — imported before the fork, so the child takes no import lock

    _FORK_JOB = (run, k, seed, normalized)
    try:
        executor = ProcessPoolExecutor(max_workers=1, mp_context=mp.get_context("fork"))
        future = executor.submit(_forked_betweenness)  # the worker is forked here
    finally:
        _FORK_JOB = None
    future.executor = executor
    run.cache[("betweenness", k, seed, normalized)] = future
    return True


def sampled_sources(G, k: int | None = None) -> int | None:
    """How many sampled sources `betweenness(G, k)` estimates from; None when it is exact.

    >>> sampled_sources(nx.path_graph(10)), sampled_sources(nx.path_graph(10), k=4)
    (None, 4)
    """
    n = len(merchant_view(G).nodes)
    if k is None:
        k = DEFAULT_K if n > EXACT_LIMIT else None
    return k if k is not None and k < n else None


def _betweenness(G, k: int | None, seed: int, normalized: bool) -> dict[str, float]:
    g, nodes = to_igraph(G)
    n = len(nodes)
    if n == 0:
        return {}
    k = sampled_sources(G, k)
    if n < 3:
        return dict.fromkeys(nodes, 0.0)
    if k is None:
        # igraph counts each unordered pair once; NetworkX's raw sum runs over ordered pairs.
        raw = 2 * np.asarray(g.betweenness(directed=False))
        scale = np.full(n, 1 / ((n - 1) * (n - 2)) if normalized else 0.5)
    else:
        sampled = random.Random(seed).sample(nodes, k)
        index = {v: i for i, v in enumerate(nodes)}
        sources = [index[v] for v in sampled]
        # Σ over sampled sources s of Brandes' dependency δ_s(v): the ordered pairs (s, t).
        # igraph's undirected subset betweenness counts each (s, t) path once: twice that is the
        # ordered-pair sum (checked against a mutual directed copy in the tests' cross-check).
        raw = 2 * np.asarray(g.betweenness(directed=False, sources=sources))
        # NetworkX's rescaling for sampled sources (networkx 3.6 `_rescale`, endpoints=False):
        # a sampled source cannot lie on its own paths, so it is scaled by k - 1.
        is_source = np.zeros(n, dtype=bool)
        is_source[sources] = True
        if normalized:
            src, non = 1 / ((k - 1) * (n - 2)) if k > 1 else np.nan, 1 / (k * (n - 2))
        else:
            src, non = (n - 1) / ((k - 1) * 2) if k > 1 else np.nan, (n - 1) / (k * 2)
        scale = np.where(is_source, src, non)
    return dict(zip(nodes, (raw * scale).tolist()))


@reads_once
def brokers(G, parts: dict[str, int] | None = None, k: int | None = None, seed: int = 42,
            labels=("Person", "Chamber"), top: int | None = 500) -> pd.DataFrame:
    """People and chambers ranked by betweenness, with PageRank and what they bridge.

    Columns: ``name``, ``label``, ``pagerank``, ``betweenness``, ``communities`` (distinct
    communities among the node and its neighbours), ``bridges`` (their numbers),
    ``regions`` (provinces/cities the node's neighbours are based in or held events in),
    ``synthetic``. Only the `top` by betweenness (then PageRank) are listed (None: all).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> for n, l in [("p", "Person"), ("a", "Chamber"), ("b", "Chamber")]:
    ...     G.add_node(n, label=l, name=n)
    >>> _ = G.add_edge("p", "a", key="HOLDS_POST", type="HOLDS_POST")
    >>> _ = G.add_edge("p", "b", key="HOLDS_POST", type="HOLDS_POST")
    >>> brokers(G).index[0]
    'p'
    """
    from queries.communities import detect_communities

    view = merchant_view(G)
    if parts is None:
        parts = detect_communities(G, seed=seed)
    pr, bc = pagerank(G), betweenness(G, k=k, seed=seed)
    places = _places(G)
    rows = {}
    chosen = [n for n in view.nodes if G.nodes[n].get("label", "Person") in labels]
    chosen.sort(key=lambda n: (-bc[n], -pr[n], str(n)))
    for n in chosen[:top] if top is not None else chosen:
        d = G.nodes[n]
        around = [n, *view.neighbors(n)]
        comms = sorted({parts[m] for m in around if m in parts})
        rows[n] = {"name": name(G, n), "label": d.get("label", ""),
                   "pagerank": pr[n], "betweenness": bc[n], "communities": len(comms),
                   "bridges": ",".join(map(str, comms)), "regions": "、".join(_regions(G, around, places)),
                   "synthetic": bool(d.get("synthetic"))}
    df = pd.DataFrame.from_dict(rows, orient="index")
    if df.empty:
        return df
    df["_id"] = df.index
    return df.sort_values(["betweenness", "pagerank", "_id"], ascending=[False, False, True]).drop(columns="_id")


def _places(G) -> dict[str, list[str]]:
    """Node → names of the places it is based in (BASED_IN) or was held in (HELD_IN), one pass."""
    out: dict[str, list[str]] = {}
    if G.is_directed():
        ids = edge_arrays(G).ids
        for u, v in zip(*(x.tolist() for x in edges_of(G, "BASED_IN", "HELD_IN"))):
            out.setdefault(ids[u], []).append(name(G, ids[v]))
    return out


def _regions(G, around, places) -> list[str]:
    """The places around a node (its own and its neighbours'), most frequent first."""
    counts = Counter(p for m in around for p in places.get(m, ()))
    return [p for p, _ in counts.most_common(6)]
