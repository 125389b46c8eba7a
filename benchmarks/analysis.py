"""Analysis benchmark: the full merchant-network analysis on the synthetic graphs, against the
straightforward all-NetworkX version, with the quality gates.

One run per size (benchmarks.synthetic.generate(size, seed=7), ~5 relationships per node):

1. projection (with ``--projection``): the dataset is written to a private local Neo4j
   (benchmarks.common.BenchServer, fresh store; the load is not timed here — see
   benchmarks/load.py) and read back with graph.projection.project, timed on its own;
2. fast     — queries.summary.run_analysis: productivity, communities (igraph Leiden),
              brokers (scipy PageRank, igraph betweenness, k sampled sources above 5,000 nodes),
              coverage, outreach for 5 counties and a 100-project back-test;
3. reference (unless ``--no-reference``) — the same analysis with the kernels NetworkX ships:
              louvain_communities, pagerank, betweenness_centrality (the same k and seed; exact
              betweenness does not finish at these sizes in pure Python);
4. gates    — modularity(Leiden) >= modularity(NetworkX Louvain) - 0.005; Spearman rank
              correlation of PageRank and of betweenness against NetworkX >= 0.99.

    .venv/bin/python -m benchmarks.analysis --size S --size M
    .venv/bin/python -m benchmarks.analysis --size M --projection --json benchmarks/data/analysis-M.json
"""
from __future__ import annotations

import argparse
import json
import time

import networkx as nx
from scipy.stats import spearmanr

from benchmarks.common import DATA, PeakMemory, machine
from benchmarks.synthetic import generate, node_count, to_networkx
from queries import brokers, communities
from queries.facts import merchant_graph
from queries.summary import run_analysis

K = brokers.DEFAULT_K
OUTREACH_COUNTIES = 5
BACKTEST_SAMPLE = 100


def _counties(G) -> list[str]:
    return sorted(n for n, d in G.nodes(data=True) if d.get("label") == "County")[:OUTREACH_COUNTIES]


def fast(G, seed: int) -> dict:
    with PeakMemory(None) as mem:
        began = time.perf_counter()
        a = run_analysis(G, seed=seed, k=K if G.number_of_nodes() > brokers.EXACT_LIMIT else None,
                         outreach_counties=_counties(G), backtest_sample=BACKTEST_SAMPLE)
        total = time.perf_counter() - began
    return {"seconds": total, "python_peak_mb": mem.python_mb, "steps": a.timings,
            "modularity": a.modularity, "communities": len(set(a.communities.values())),
            "backtest_top5": a.backtest["rate"], "backtest_baseline": a.backtest["baseline_rate"],
            "_analysis": a}


def reference(G, seed: int, shared_seconds: float) -> dict:
    """NetworkX's own kernels; the rest of the analysis is the same code as `fast` (already
    plain Python), so its time is counted once as `shared_seconds`."""
    H = merchant_graph(G)
    k = K if H.number_of_nodes() > brokers.EXACT_LIMIT else None
    t = time.perf_counter()
    louvain = nx.community.louvain_communities(H, weight="weight", seed=seed)
    t_louvain = time.perf_counter() - t
    t = time.perf_counter()
    pr = nx.pagerank(H, weight="weight")
    t_pr = time.perf_counter() - t
    t = time.perf_counter()
    bc = nx.betweenness_centrality(H, k=k, seed=seed)
    t_bc = time.perf_counter() - t
    kernels = t_louvain + t_pr + t_bc
    return {"seconds": shared_seconds + kernels, "kernels": {"louvain": t_louvain, "pagerank": t_pr,
            "betweenness": t_bc}, "modularity": nx.community.modularity(H, louvain, weight="weight"),
            "_pr": pr, "_bc": bc, "_H": H}


def gates(fast_r: dict, ref: dict, seed: int) -> dict:
    H = ref["_H"]
    nodes = list(H)
    k = K if H.number_of_nodes() > brokers.EXACT_LIMIT else None
    pr, bc = brokers.pagerank(H), brokers.betweenness(H, k=k, seed=seed)
    rho_pr = spearmanr([pr[n] for n in nodes], [ref["_pr"][n] for n in nodes]).statistic
    rho_bc = spearmanr([bc[n] for n in nodes], [ref["_bc"][n] for n in nodes]).statistic
    return {"modularity_fast": fast_r["modularity"], "modularity_networkx_louvain": ref["modularity"],
            "modularity_ok": bool(fast_r["modularity"] >= ref["modularity"] - 0.005),
            "spearman_pagerank": rho_pr, "spearman_betweenness": rho_bc,
            "centrality_ok": bool(rho_pr >= 0.99 and rho_bc >= 0.99)}


def projection(ds, heap: str, pagecache: str) -> tuple[nx.MultiDiGraph, dict]:
    from benchmarks.common import BenchServer
    from graph.projection import project
    from graph.writer import Neo4jWriter

    with BenchServer(DATA / "var-analysis", heap=heap, pagecache=pagecache) as srv:
        srv.fresh()
        t = time.perf_counter()
        Neo4jWriter(srv.driver).write(ds)
        load = time.perf_counter() - t
        with PeakMemory(srv.pid) as mem:
            t = time.perf_counter()
            G = project(srv.driver)
            seconds = time.perf_counter() - t
    return G, {"seconds": seconds, "load_seconds_untimed_part": load, "python_peak_mb": mem.python_mb,
               "jvm_peak_mb": mem.jvm_mb, "nodes": G.number_of_nodes(), "edges": G.number_of_edges()}


def run(size: str, seed: int, with_projection: bool, with_reference: bool, heap: str, pagecache: str) -> dict:
    t = time.perf_counter()
    ds = generate(size, seed=7)
    out = {"size": size, "nodes": node_count(size), "generate_seconds": time.perf_counter() - t}
    if with_projection:
        G, out["projection"] = projection(ds, heap, pagecache)
    else:
        G = to_networkx(ds)
    del ds
    out["graph"] = {"nodes": G.number_of_nodes(), "edges": G.number_of_edges()}
    f = fast(G, seed)
    out["fast"] = {k: v for k, v in f.items() if not k.startswith("_")}
    if with_reference:
        shared = sum(v for k, v in f["steps"].items() if k not in ("communities", "brokers"))
        shared += f["steps"]["communities"] + f["steps"]["brokers"] - _fast_kernel_seconds(G, seed)
        ref = reference(G, seed, shared)
        out["reference"] = {k: v for k, v in ref.items() if not k.startswith("_")}
        out["speedup"] = ref["seconds"] / f["seconds"]
        out["gates"] = gates(f, ref, seed)
    return out


def _fast_kernel_seconds(G, seed: int) -> float:
    """The native kernels' own time (Leiden, PageRank, betweenness) inside `fast`, re-measured."""
    H = merchant_graph(G)
    k = K if H.number_of_nodes() > brokers.EXACT_LIMIT else None
    t = time.perf_counter()
    communities.detect_communities(H, seed=seed)
    brokers.pagerank(H)
    brokers.betweenness(H, k=k, seed=seed)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", action="append", default=None, help="S, M, L or a node count (repeatable)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--projection", action="store_true", help="write to a private Neo4j and time the projection")
    ap.add_argument("--no-reference", action="store_true", help="skip the all-NetworkX run (e.g. at L)")
    ap.add_argument("--heap", default="2g")
    ap.add_argument("--pagecache", default="1g")
    ap.add_argument("--json", default=None)
    args = ap.parse_args()
    results = {"machine": machine(), "runs": []}
    for size in args.size or ["S"]:
        r = run(size, args.seed, args.projection, not args.no_reference, args.heap, args.pagecache)
        results["runs"].append(r)
        print(json.dumps(r, ensure_ascii=False, indent=1, default=float), flush=True)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(results, f, ensure_ascii=False, indent=1, default=float)


if __name__ == "__main__":
    main()
