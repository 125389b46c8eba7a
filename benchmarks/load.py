"""Load benchmark: graph.writer.Neo4jWriter against a naive per-row MERGE and server-side LOAD CSV.

One run, one private local Neo4j, a fresh store per phase (same settings, same database):

1. writer   — `Neo4jWriter.write` of the whole synthetic dataset (benchmarks.synthetic), then the
              same write again (a re-load of unchanged data, which must change nothing);
2. load_csv — the same records as CSV files, `LOAD CSV … CALL { MERGE … } IN TRANSACTIONS`;
3. naive    — one auto-committed `MERGE` statement per row, on an evenly spread slice.

It prints nodes/s and relationships/s for each, the ratios, and peak memory of Python and the JVM.

    .venv/bin/python -m benchmarks.load --size S
    .venv/bin/python -m benchmarks.load --size L --heap 4g --pagecache 2g --json benchmarks/data/L.json
"""
from __future__ import annotations

import argparse
import json
import time
from urllib.parse import quote

from benchmarks.common import DATA, BenchServer, Clock, PeakMemory, machine, python_peak_mb
from benchmarks.synthetic import generate, node_count, write_csv
from graph.records import Dataset
from graph.schema import Schema, get_schema
from graph.writer import Neo4jWriter

_CONVERT = {"int": "toInteger({})", "float": "toFloat({})", "bool": "toBoolean({})", "date": "date({})",
            "list[string]": "split({}, '|')", "string": "{}"}


def _sets(var: str, columns, props: dict, skip=()) -> str:
    # Column names come from the schema (write_csv writes only schema properties), never from data.
    out = [f"{var}.sources = split(row.sources, '|')"]
    for c in columns:
        if c in ("id", "start", "end", "sources") or c in skip:
            continue
        ptype = props[c].type if c in props else "string"  # `name` is implied and a string
        out.append(f"{var}.{c} = " + _CONVERT[ptype].format(f"row.{c}"))
    return ", ".join(out)


def load_csv_statement(spec: dict, schema: Schema, rows_per_tx: int = 10_000) -> str:
    """The server-side reference: the same MERGE semantics as the writer, without its pre-filter."""
    if spec["kind"] == "nodes":
        label = schema.label(spec["label"])
        extra = "".join(f"n:{x}, " for x in label.also)
        body = f"MERGE (n:{label.name} {{id: row.id}}) SET {extra}{_sets('n', spec['columns'], label.properties)}"
    else:
        rel = schema.rel(spec["type"])
        s, e = schema.label(spec["start"]).name, schema.label(spec["end"]).name
        key = ", ".join(f"{k}: row.{k}" for k in rel.key)
        body = (f"MATCH (a:{s} {{id: row.start}}) MATCH (b:{e} {{id: row.end}}) "
                f"MERGE (a)-[r:{rel.type}{' {' + key + '}' if key else ''}]->(b) "
                f"SET {_sets('r', spec['columns'], rel.properties, rel.key)}")
    return (f"LOAD CSV WITH HEADERS FROM $url AS row CALL (row) {{ {body} }} "
            f"IN TRANSACTIONS OF {rows_per_tx} ROWS")


def run_writer(srv: BenchServer, ds: Dataset, batch_size: int) -> dict:
    """First load (nodes and relationships timed apart through the progress callback), then a re-load."""
    writer = Neo4jWriter(srv.driver, batch_size=batch_size)
    writer.ensure_constraints()  # untimed, as for the other paths: DDL is not loading
    marks = {}

    def progress(name: str, n: int) -> None:
        if "(" not in name:  # node groups are named by label, relationship groups "TYPE (A→B)"
            marks["nodes_done"] = time.perf_counter()

    with PeakMemory(srv.pid) as mem, Clock() as first:
        summary = writer.write(ds, progress=progress, atomic=False)
    with Clock() as again:
        second = writer.write(ds, atomic=False)
    node_s = marks["nodes_done"] - first.t0
    return {"nodes_s": node_s, "rels_s": first.seconds - node_s, "total_s": first.seconds,
            "reload_s": again.seconds, "created": [summary.nodes_created, summary.relationships_created],
            "reload_changes": [second.nodes_created, second.relationships_created, second.properties_set],
            "python_mb": mem.python_mb, "jvm_mb": mem.jvm_mb, "store_mb": srv.store_mb()}


def run_load_csv(srv: BenchServer, specs: list[dict]) -> dict:
    schema = get_schema()
    Neo4jWriter(srv.driver).ensure_constraints()  # the same constraints and indexes as the writer's
    took = {"nodes": 0.0, "rels": 0.0}
    with PeakMemory(srv.pid) as mem, srv.driver.session() as session:
        for spec in specs:
            with Clock() as c:
                # The server reads only under its import root, so the URL is relative to it.
                rel = spec["path"].resolve().relative_to(srv.import_dir.resolve()).as_posix()
                session.run(load_csv_statement(spec, schema), url="file:///" + quote(rel)).consume()
            took[spec["kind"]] += c.seconds
    return {"nodes_s": took["nodes"], "rels_s": took["rels"], "jvm_mb": mem.jvm_mb}


def _naive_rows(session, statement_rows, budget_s: float) -> tuple[int, float]:
    done, t0 = 0, time.perf_counter()
    for statement, params in statement_rows:
        session.run(statement, **params).consume()  # auto-commit: one transaction per row
        done += 1
        if time.perf_counter() - t0 > budget_s:
            break
    return done, time.perf_counter() - t0


def run_naive(srv: BenchServer, ds: Dataset, rows: int, budget_s: float) -> dict:
    """Per-row MERGE (constraints in place) on an evenly spread slice of nodes, then of edges."""
    schema = get_schema()
    writer = Neo4jWriter(srv.driver)
    writer.ensure_constraints()
    nodes = list(ds.nodes.values())[:: max(1, len(ds.nodes) // rows)][:rows]
    edges = list(ds.edges.values())[:: max(1, len(ds.edges) // rows)][:rows]

    def node_stmt(n):
        extra = "".join(f" SET n:{x}" for x in schema.label(n.label).also)
        return (f"MERGE (n:{n.label} {{id: $id}}){extra} SET n += $props, n.sources = $sources",
                {"id": n.id, "props": n.props, "sources": list(n.sources)})

    def edge_stmt(e):
        key = ", ".join(f"{k}: $props.{k}" for k in schema.rel(e.type).key)
        return (f"MATCH (a:{e.start_label} {{id: $start}}) MATCH (b:{e.end_label} {{id: $end}}) "
                f"MERGE (a)-[r:{e.type}{' {' + key + '}' if key else ''}]->(b) "
                f"SET r += $props, r.sources = $sources",
                {"start": e.start, "end": e.end, "props": e.props, "sources": list(e.sources)})

    with srv.driver.session() as session:
        n_done, n_s = _naive_rows(session, map(node_stmt, nodes), budget_s)
        ends = Dataset()  # the slice's end nodes, loaded by the writer (untimed)
        for e in edges:
            for i in (e.start, e.end):
                ends.nodes[i] = ds.nodes[i]
        writer.write(ends, atomic=False)
        r_done, r_s = _naive_rows(session, map(edge_stmt, edges), budget_s)
    return {"nodes": n_done, "nodes_s": n_s, "rels": r_done, "rels_s": r_s}


def report(size, ds_n: int, ds_r: int, gen_s: float, w: dict, c: dict | None, nv: dict | None) -> list[str]:
    rate = lambda n, s: n / s if s else float("nan")  # noqa: E731
    w_n, w_r = rate(ds_n, w["nodes_s"]), rate(ds_r, w["rels_s"])
    lines = [f"size {size}: {ds_n:,} nodes, {ds_r:,} relationships (synthetic; generated in {gen_s:.1f} s)",
             "| path | nodes/s | relationships/s | total s |", "|---|---:|---:|---:|",
             f"| writer (first load) | {w_n:,.0f} | {w_r:,.0f} | {w['total_s']:.1f} |"]
    if c:
        lines.append(f"| LOAD CSV … IN TRANSACTIONS | {rate(ds_n, c['nodes_s']):,.0f} | "
                     f"{rate(ds_r, c['rels_s']):,.0f} | {c['nodes_s'] + c['rels_s']:.1f} |")
    if nv:
        lines.append(f"| naive per-row MERGE (slice {nv['nodes']:,} + {nv['rels']:,} rows) | "
                     f"{rate(nv['nodes'], nv['nodes_s']):,.0f} | {rate(nv['rels'], nv['rels_s']):,.0f} | "
                     f"{nv['nodes_s'] + nv['rels_s']:.1f} |")
    lines.append(f"re-load of unchanged data: {w['reload_s']:.1f} s, {w['total_s'] / w['reload_s']:.2f}× faster "
                 f"than the first load; changes on re-load {w['reload_changes']}")
    if nv:
        lines.append(f"writer ÷ naive: nodes {w_n / rate(nv['nodes'], nv['nodes_s']):.0f}×, "
                     f"relationships {w_r / rate(nv['rels'], nv['rels_s']):.0f}×")
    if c:
        lines.append(f"writer ÷ LOAD CSV: nodes {c['nodes_s'] / w['nodes_s']:.2f}×, relationships "
                     f"{c['rels_s'] / w['rels_s']:.2f}×, total {(c['nodes_s'] + c['rels_s']) / w['total_s']:.2f}×")
    lines.append(f"peak memory: Python {w['python_mb']:,.0f} MB during the writer load "
                 f"({python_peak_mb():,.0f} MB over the whole run, dataset included); JVM RSS "
                 f"{w['jvm_mb']:,.0f} MB (writer), {c['jvm_mb'] if c else float('nan'):,.0f} MB (LOAD CSV); "
                 f"store after the writer load {w['store_mb']:,.0f} MB")
    return lines


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--size", default="S", help="S, M, L or a node count")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--batch-size", type=int, default=5000)
    p.add_argument("--heap", default=None, help="JVM heap (default 2g; 4g for L)")
    p.add_argument("--pagecache", default=None, help="page cache (default 1g; 2g for L)")
    p.add_argument("--phases", default="writer,load_csv,naive")
    p.add_argument("--naive-rows", type=int, default=2000)
    p.add_argument("--naive-budget", type=float, default=60.0, help="seconds per naive slice at most")
    p.add_argument("--json", default=None, help="also write the figures here")
    a = p.parse_args(argv)
    big = node_count(a.size) >= 500_000
    phases = a.phases.split(",")
    print(machine(), flush=True)
    with Clock() as g:
        ds = generate(a.size, a.seed)
    n_nodes, n_rels = len(ds.nodes), len(ds.edges)
    print(f"generated {n_nodes:,} nodes, {n_rels:,} relationships in {g.seconds:.1f} s", flush=True)
    results = {"size": a.size, "nodes": n_nodes, "rels": n_rels, "generate_s": g.seconds}
    with BenchServer(DATA / f"var-{a.size}", a.heap or ("4g" if big else "2g"),
                     a.pagecache or ("2g" if big else "1g")) as srv:
        specs = write_csv(ds, srv.import_dir / f"csv-{a.size}") if "load_csv" in phases else None
        for phase in phases:
            srv.fresh()
            print(f"{phase} …", flush=True)
            if phase == "writer":
                results["writer"] = run_writer(srv, ds, a.batch_size)
            elif phase == "load_csv":
                results["load_csv"] = run_load_csv(srv, specs)
            elif phase == "naive":
                results["naive"] = run_naive(srv, ds, a.naive_rows, a.naive_budget)
            print(json.dumps(results[phase]), flush=True)
    if "writer" not in results:
        return
    lines = report(a.size, n_nodes, n_rels, g.seconds, results["writer"], results.get("load_csv"),
                   results.get("naive"))
    print("\n".join(lines))
    if a.json:
        with open(a.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
