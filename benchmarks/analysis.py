"""Analysis benchmark: the full merchant-network analysis on the synthetic graphs, against the
straightforward all-NetworkX version, with the quality gates.

One run per size (benchmarks.synthetic.generate(size, seed=7), ~5 relationships per node):

1. projection (with ``--projection``): the dataset is written to a private local Neo4j
   (benchmarks.common.BenchServer, fresh store; the load is not timed here — see
   benchmarks/load.py) and read back with graph.projection.project, timed on its own;
2. fast     — queries.summary.run_analysis: productivity, communities (igraph Leiden),
              brokers (scipy PageRank, igraph betweenness, k sampled sources above 5,000 nodes),
              coverage, outreach for 5 counties and a 100-project back-test;
3. reference — the same analysis with the kernels NetworkX ships: louvain_communities, pagerank
              and betweenness_centrality, timed twice over:
              * ``same``: betweenness with the same k sampled sources and seed as `fast` (like
                for like: only the kernels differ);
              * ``exact`` (``--reference exact``, the default up to 20,000 merchant-view nodes):
                exact betweenness, what a plain NetworkX analysis would call — the issue's
                "straightforward all-NetworkX version (exact algorithms where it can finish)".
              The rest of the analysis is counted at `fast`'s own time (already plain Python),
              which favours the reference;
4. gates    — modularity(Leiden) >= modularity(NetworkX Louvain) - 0.005; Spearman rank
              correlation of PageRank and of betweenness against NetworkX >= 0.99 (same call);
              with the exact reference, the sampled estimate's rank correlation with exact
              betweenness is reported too (all nodes, and the people and chambers the broker
              table lists).

    .venv/bin/python -m benchmarks.analysis --size S --json /tmp/benchS.json
    .venv/bin/python -m benchmarks.analysis --size M --reference same
    .venv/bin/python -m benchmarks.analysis --size L --reference none --projection
"""
from __future__ import annotations

import argparse
import json
import time

import networkx as nx
from scipy.stats import spearmanr

from benchmarks.common import DATA, PeakMemory, machine
from benchmarks.synthetic import generate, node_count, to_networkx
from graph.projection import ProjectedGraph
from queries import brokers, communities
from queries.merchant_view import merchant_graph
from queries.summary import run_analysis

K = brokers.DEFAULT_K
OUTREACH_COUNTIES = 5
BACKTEST_SAMPLE = 100


def _counties(G) -> list[str]:
    return sorted(n for n, d in G.nodes(data=True) if d.get("label") == "County")[:OUTREACH_COUNTIES]


def fast(P: ProjectedGraph, seed: int) -> dict:
    G = P.graph
    with PeakMemory(None) as mem:
        began = time.perf_counter()
        a = run_analysis(P, seed=seed, k=K if G.number_of_nodes() > brokers.EXACT_LIMIT else None,
                         outreach_counties=_counties(G), backtest_sample=BACKTEST_SAMPLE)
        total = time.perf_counter() - began
    return {"seconds": total, "python_peak_mb": mem.python_mb, "steps": a.timings,
            "modularity": a.modularity, "communities": len(set(a.communities.values())),
            "backtest_top5": a.backtest["rate"], "backtest_baseline": a.backtest["baseline_rate"],
            "_analysis": a}


EXACT_REFERENCE_LIMIT = 20_000  # merchant-view nodes: NetworkX's exact betweenness takes ~15 min at S


def reference(G, seed: int, shared_seconds: float, exact: bool) -> dict:
    """NetworkX's own kernels; the rest of the analysis is the same code as `fast` (already
    plain Python), so its time is counted once as `shared_seconds`."""
    H = merchant_graph(G)
    k = brokers.sampled_sources(H)  # the k `fast` used (None: exact)
    t = time.perf_counter()
    louvain = nx.community.louvain_communities(H, weight="weight", seed=seed)
    t_louvain = time.perf_counter() - t
    t = time.perf_counter()
    pr = nx.pagerank(H, weight="weight")
    t_pr = time.perf_counter() - t
    t = time.perf_counter()
    bc = nx.betweenness_centrality(H, k=k, seed=seed)
    t_bc = time.perf_counter() - t
    out = {"seconds_same": shared_seconds + t_louvain + t_pr + t_bc,
           "kernels": {"louvain": t_louvain, "pagerank": t_pr, "betweenness_same_k": t_bc},
           "betweenness_k": k, "modularity": nx.community.modularity(H, louvain, weight="weight"),
           "_pr": pr, "_bc": bc, "_H": H}
    if exact and k is not None:
        t = time.perf_counter()
        out["_bc_exact"] = nx.betweenness_centrality(H)
        out["kernels"]["betweenness_exact"] = time.perf_counter() - t
        out["seconds_exact"] = shared_seconds + t_louvain + t_pr + out["kernels"]["betweenness_exact"]
    return out


def gates(fast_r: dict, ref: dict, seed: int) -> dict:
    H = ref["_H"]
    nodes = list(H)
    k = brokers.sampled_sources(H)  # the k `fast` used (None: exact)
    pr, bc = brokers.pagerank(H), brokers.betweenness(H, k=k, seed=seed)
    rho_pr = spearmanr([pr[n] for n in nodes], [ref["_pr"][n] for n in nodes]).statistic
    rho_bc = spearmanr([bc[n] for n in nodes], [ref["_bc"][n] for n in nodes]).statistic
    out = {"modularity_fast": fast_r["modularity"], "modularity_networkx_louvain": ref["modularity"],
           "modularity_ok": bool(fast_r["modularity"] >= ref["modularity"] - 0.005),
           "spearman_pagerank": rho_pr, "spearman_betweenness": rho_bc,
           "centrality_ok": bool(rho_pr >= 0.99 and rho_bc >= 0.99)}
    if "_bc_exact" in ref:  # how good the sampled estimate is, not a gate on the kernel
        exact = ref["_bc_exact"]
        listed = [n for n in nodes if H.nodes[n].get("label") in ("Person", "Chamber")]
        out["spearman_betweenness_vs_exact"] = spearmanr([bc[n] for n in nodes], [exact[n] for n in nodes]).statistic
        out["spearman_betweenness_vs_exact_people_chambers"] = spearmanr(
            [bc[n] for n in listed], [exact[n] for n in listed]).statistic
        top = lambda d: set(sorted(listed, key=lambda n: (-d[n], str(n)))[:100])  # noqa: E731
        out["top100_brokers_shared_with_exact"] = len(top(bc) & top(exact))
    return out


def projection(ds, size: str, heap: str, pagecache: str, keep_store: bool) -> tuple[ProjectedGraph, dict]:
    """Write `ds` to a fresh private Neo4j (untimed) and time `read_projection` reading it back
    (the graph with its edge arrays, as the report and `jinshang analyze` read it). With
    `keep_store`, a store this benchmark left for the same size, holding as many nodes and
    relationships as `ds`, is read as it is (the L load takes a quarter of an hour)."""
    from benchmarks.common import BenchServer
    from graph.projection import read_projection
    from graph.writer import Neo4jWriter

    with BenchServer(DATA / f"var-analysis-{size}", heap=heap, pagecache=pagecache) as srv:
        load = None
        if keep_store and (srv.server.data_dir / "databases").exists():
            srv.reuse()
            with srv.driver.session() as s:
                held = s.run("MATCH (n) RETURN count(n) AS n").single()["n"], \
                    s.run("MATCH ()-[r]->() RETURN count(r) AS r").single()["r"]
            if held != (len(ds.nodes), len(ds.edges)):
                srv.fresh()
            else:
                load = "kept"
        else:
            srv.fresh()
        if load is None:
            t = time.perf_counter()
            Neo4jWriter(srv.driver).write(ds)
            load = time.perf_counter() - t
        with PeakMemory(srv.pid) as mem:
            t = time.perf_counter()
            P = read_projection(srv.driver)
            seconds = time.perf_counter() - t
    return P, {"seconds": seconds, "load_seconds_untimed_part": load, "python_peak_mb": mem.python_mb,
               "jvm_peak_mb": mem.jvm_mb, "nodes": P.graph.number_of_nodes(), "edges": P.graph.number_of_edges()}


def run(size: str, seed: int, with_projection: bool, ref_mode: str, heap: str, pagecache: str,
        keep_store: bool = False) -> dict:
    t = time.perf_counter()
    ds = generate(size, seed=7)
    out = {"size": size, "nodes": node_count(size), "generate_seconds": time.perf_counter() - t}
    if with_projection:
        P, out["projection"] = projection(ds, size, heap, pagecache, keep_store)
    else:
        P = ProjectedGraph(to_networkx(ds))  # its edge arrays are made in the run, as `fast` times
    del ds
    G = P.graph
    out["graph"] = {"nodes": G.number_of_nodes(), "edges": G.number_of_edges()}
    f = fast(P, seed)
    out["fast"] = {k: v for k, v in f.items() if not k.startswith("_")}
    if ref_mode != "none":
        shared = sum(v for k, v in f["steps"].items() if k not in ("communities", "brokers"))
        shared += f["steps"]["communities"] + f["steps"]["brokers"] - _fast_kernel_seconds(G, seed)
        exact = ref_mode == "exact" or (ref_mode == "auto" and
                                        merchant_graph(G).number_of_nodes() <= EXACT_REFERENCE_LIMIT)
        ref = reference(G, seed, shared, exact)
        out["reference"] = {k: v for k, v in ref.items() if not k.startswith("_")}
        out["speedup_same_algorithms"] = ref["seconds_same"] / f["seconds"]
        if "seconds_exact" in ref:
            out["speedup_vs_exact_networkx"] = ref["seconds_exact"] / f["seconds"]
        out["gates"] = gates(f, ref, seed)
    return out


def _fast_kernel_seconds(G, seed: int) -> float:
    """The native kernels' own time (Leiden, PageRank, betweenness) inside `fast`, re-measured."""
    H = merchant_graph(G)
    k = brokers.sampled_sources(H)  # the k `fast` used (None: exact)
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
    ap.add_argument("--reference", choices=("auto", "exact", "same", "none"), default="auto",
                    help="the all-NetworkX run: exact betweenness too (auto: up to "
                         f"{EXACT_REFERENCE_LIMIT:,} merchant-view nodes), same algorithms only, or none")
    ap.add_argument("--keep-store", action="store_true",
                    help="with --projection: keep the store for the next run, and read one kept earlier")
    ap.add_argument("--heap", default="2g")
    ap.add_argument("--pagecache", default="1g")
    ap.add_argument("--json", default=None)
    args = ap.parse_args()
    results = {"machine": machine(), "runs": []}
    for size in args.size or ["S"]:
        r = run(size, args.seed, args.projection, args.reference, args.heap, args.pagecache, args.keep_store)
        results["runs"].append(r)
        print(json.dumps(r, ensure_ascii=False, indent=1, default=float), flush=True)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(results, f, ensure_ascii=False, indent=1, default=float)


if __name__ == "__main__":
    main()
