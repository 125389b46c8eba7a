"""Bulk benchmark: `graph.bulk_import.bulk_load` (neo4j-admin) against the writer and LOAD CSV,
in the same run, on one private local Neo4j (benchmarks.common.BenchServer), then the projection.

Per size (benchmarks.synthetic.generate(size, seed=7)):

1. bulk     — the whole dataset, end to end: CSV written, server stopped, neo4j-admin import,
              server started, the schema's constraints and indexes created (all timed);
              then graph.projection.project of the loaded store (time, Python memory) and the
              store size on disk;
2. writer   — `Neo4jWriter.write` on a fresh store, of the whole dataset or (``--sample N``) of
              the same generator's N-node province, whose records/s stand for the whole (an
              extrapolation, said in the output; the writer slows as the store grows, so it
              flatters the writer);
3. load_csv — `LOAD CSV … IN TRANSACTIONS` (benchmarks/load.py's statements) of the same records
              the writer phase wrote, on a fresh store.

Records/s counts nodes + relationships. Peak RSS of this Python process and of the server JVM is
sampled every 0.2 s (psutil); the importer's own JVM is sampled too during phase 1.

    .venv/bin/python -m benchmarks.bulk --sizes S,M --sample 20000 --json benchmarks/results/bulk-SM.json
    .venv/bin/python -m benchmarks.bulk --sizes L --sample 20000 --heap 3g --pagecache 2g
"""
from __future__ import annotations

import argparse
import json
import shutil
import time

import psutil

from benchmarks.common import DATA, BenchServer, Clock, PeakMemory, machine
from benchmarks.load import run_load_csv
from benchmarks.synthetic import generate, node_count, write_csv
from graph.bulk_import import bulk_load
from graph.projection import project
from graph.records import Dataset
from graph.writer import Neo4jWriter


class _ChildPeak(PeakMemory):
    """PeakMemory that also follows the JVMs this process starts (neo4j-admin) and the server."""

    def __init__(self, srv: BenchServer):
        super().__init__(None)
        self.srv, self.server_mb, self.admin_mb = srv, 0.0, 0.0

    def _sample(self) -> None:
        super()._sample()
        for child in self.me.children(recursive=True):
            try:
                mb = child.memory_info().rss / 2**20
                cmd = " ".join(child.cmdline())
            except psutil.Error:
                continue
            if "AdminTool" in cmd:
                self.admin_mb = max(self.admin_mb, mb)
            elif "jinshang.Launcher" in cmd:
                self.server_mb = max(self.server_mb, mb)


def run_bulk(srv: BenchServer, ds: Dataset, projection: bool = True) -> dict:
    srv.fresh()
    srv.close_driver()
    with _ChildPeak(srv) as mem, Clock() as c:
        summary = bulk_load(ds, srv.settings, replace=True, notify=lambda line: print("  " + line, flush=True))
    srv.reuse()
    store_mb = srv.store_mb()
    out = {"total_s": c.seconds, **{f"{k}_s": v for k, v in summary.seconds.items()},
           "nodes": summary.nodes, "rels": summary.relationships, "properties": summary.properties,
           "python_mb": mem.python_mb, "server_mb": mem.server_mb, "admin_mb": mem.admin_mb,
           "store_mb": store_mb}
    print(json.dumps(out), flush=True)
    if projection:
        with PeakMemory(srv.pid) as pmem, Clock() as p:
            G = project(srv.driver)  # a networkx.MultiDiGraph
        out.update(projection_s=p.seconds, projection_python_mb=pmem.python_mb,
                   projected=[G.number_of_nodes(), G.number_of_edges()])
        del G
    return out


def run_writer(srv: BenchServer, ds: Dataset, batch_size: int) -> dict:
    srv.fresh()
    writer = Neo4jWriter(srv.driver, batch_size=batch_size)
    writer.ensure_constraints()  # untimed, as for LOAD CSV
    with PeakMemory(srv.pid) as mem, Clock() as c:
        writer.write(ds, atomic=False)
    return {"total_s": c.seconds, "records": len(ds.nodes) + len(ds.edges), "python_mb": mem.python_mb,
            "server_mb": mem.jvm_mb}


def run_csv(srv: BenchServer, ds: Dataset, size) -> dict:
    srv.fresh()
    target = srv.import_dir / f"csv-{size}"
    shutil.rmtree(target, ignore_errors=True)
    specs = write_csv(ds, target)
    r = run_load_csv(srv, specs)
    return {"total_s": r["nodes_s"] + r["rels_s"], "records": len(ds.nodes) + len(ds.edges),
            "server_mb": r["jvm_mb"]}


def report(size, n: int, r: int, b: dict, w: dict, c: dict | None, sampled: bool) -> list[str]:
    rec = n + r
    bulk_rate = rec / b["total_s"]
    w_rate = w["records"] / w["total_s"]
    lines = [f"size {size}: {n:,} nodes, {r:,} relationships ({rec:,} records, synthetic)",
             "| path | records | s | records/s | ÷ writer |", "|---|---:|---:|---:|---:|",
             f"| bulk (neo4j-admin), end to end incl. constraints | {rec:,} | {b['total_s']:.1f} | "
             f"{bulk_rate:,.0f} | {bulk_rate / w_rate:.1f}× |",
             f"| writer{' (sample, extrapolated)' if sampled else ''} | {w['records']:,} | {w['total_s']:.1f} | "
             f"{w_rate:,.0f} | 1.0× |"]
    if c:
        c_rate = c["records"] / c["total_s"]
        lines.append(f"| LOAD CSV … IN TRANSACTIONS{' (same sample)' if sampled else ''} | {c['records']:,} | "
                     f"{c['total_s']:.1f} | {c_rate:,.0f} | {c_rate / w_rate:.2f}× |")
    lines.append(f"bulk phases: CSV {b['csv_s']:.1f} s, import {b['import_s']:.1f} s, server start "
                 f"{b['start_s']:.1f} s, constraints and indexes {b['constraints_s']:.1f} s; importer "
                 f"{rec / b['import_s']:,.0f} records/s")
    if sampled:
        lines.append(f"writer for all {rec:,} records at its sample rate: ≈ {rec / w_rate:,.0f} s")
    lines.append(f"peak RSS: Python {b['python_mb']:,.0f} MB (dataset included), neo4j-admin JVM "
                 f"{b['admin_mb']:,.0f} MB, server JVM {max(b['server_mb'], w['server_mb']):,.0f} MB "
                 f"(writer phase {w['server_mb']:,.0f} MB); store {b['store_mb']:,.0f} MB")
    if "projection_s" in b:
        lines.append(f"projection of the loaded store: {b['projection_s']:.1f} s, Python peak "
                     f"{b['projection_python_mb']:,.0f} MB, {b['projected'][0]:,} nodes / {b['projected'][1]:,} edges")
    return lines


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="S,M")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--sample", type=int, default=0, help="writer/LOAD CSV on this many nodes (0: all)")
    p.add_argument("--no-load-csv", action="store_true")
    p.add_argument("--no-projection", action="store_true", help="skip reading the loaded store back")
    p.add_argument("--batch-size", type=int, default=5000)
    p.add_argument("--heap", default="2g")
    p.add_argument("--pagecache", default="1g")
    p.add_argument("--json", default=None)
    a = p.parse_args(argv)
    print(machine(), flush=True)
    results, lines = {}, []
    for size in a.sizes.split(","):
        with Clock() as g:
            ds = generate(size, a.seed)
        n, r = len(ds.nodes), len(ds.edges)
        print(f"{size}: generated {n:,} nodes, {r:,} relationships in {g.seconds:.1f} s", flush=True)
        sampled = bool(a.sample) and a.sample < n
        # The sample is a smaller province of the same shape (the same generator), not a slice:
        # a slice of nodes keeps too few of the relationships between them.
        part = generate(a.sample, a.seed) if sampled else ds
        with BenchServer(DATA / f"var-bulk-{size}", a.heap, a.pagecache) as srv:
            print("bulk …", flush=True)
            b = run_bulk(srv, ds, projection=not a.no_projection)
            print(json.dumps(b), flush=True)
            print(f"writer on {len(part.nodes):,} nodes / {len(part.edges):,} relationships …", flush=True)
            w = run_writer(srv, part, a.batch_size)
            print(json.dumps(w), flush=True)
            c = None
            if not a.no_load_csv:
                print("LOAD CSV …", flush=True)
                c = run_csv(srv, part, size)
                print(json.dumps(c), flush=True)
        results[size] = {"nodes": n, "rels": r, "bulk": b, "writer": w, "load_csv": c, "sampled": sampled,
                         "generate_s": g.seconds, "node_count": node_count(size)}
        lines += report(size, n, r, b, w, c, sampled) + [""]
        print("\n".join(lines), flush=True)
        del ds, part
    if a.json:
        with open(a.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
