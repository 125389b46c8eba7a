"""Writer benchmark: graph.writer.Neo4jWriter against a bare `UNWIND $rows … MERGE … SET += props`
on the same records, in the same run; and the writer as it was (a git ref) against the writer now.

One private local Neo4j; before each phase the store is deleted and the server restarted, and the
schema's constraints and indexes are created untimed, so every path starts from the same empty,
indexed database:

- bare   — per label `UNWIND $rows AS r MERGE (n:L {id: r.id}) SET n += r.props`, per relationship
           signature `UNWIND $rows AS r MATCH (a:A {id: r.start}) MATCH (b:B {id: r.end})
           MERGE (a)-[x:T {key: r.props.key}]->(b) SET x += r.props`; no sources, no extra labels, no
           journal; one transaction per batch of the same size as the writer's.
- old    — `Neo4jWriter.write` of the records as the writer was at `--old-ref` (its writer.py,
           cypher_write.py and load_runs.py from git, beside today's records and schema code).
- new    — today's `Neo4jWriter.write` of the records.

Each writer load is followed by a re-load of the same records (which must change nothing), and the
old and new stores are compared property by property (`graph.reader.snapshot`).

    .venv/bin/python -m benchmarks.writer --size S
    .venv/bin/python -m benchmarks.writer --size M --phases bare,new
"""
from __future__ import annotations

import argparse
import hashlib
import importlib
import re
import subprocess
import sys
import time
from collections import defaultdict

from benchmarks.common import DATA, ROOT, BenchServer, Clock, machine
from benchmarks.synthetic import generate
from graph.reader import snapshot
from graph.records import Dataset
from graph.schema import get_schema
from graph.writer import Neo4jWriter

# The commit before the faster writer (issue 16): the "before" of the before/after figures.
OLD_REF = "bd9baa0"


def _present(props: dict) -> dict:
    return {k: v for k, v in props.items() if v is not None}


def bare_groups(ds: Dataset) -> list[tuple[str, list, str]]:
    """(statement, rows as maps, kind) per label and per (type, start label, end label)."""
    schema = get_schema()
    nodes, rels = defaultdict(list), defaultdict(list)
    for n in ds.nodes.values():
        nodes[n.label].append({"id": n.id, "props": _present(n.props)})
    labels = {i: n.label for i, n in ds.nodes.items()}
    for e in ds.edges.values():
        rels[(e.type, labels[e.start], labels[e.end])].append(
            {"start": e.start, "end": e.end, "props": _present(e.props)})
    # Labels and types are the schema's own (the synthetic set uses no other); values are parameters.
    out = [(f"UNWIND $rows AS r MERGE (n:{schema.label(lab).name} {{id: r.id}}) SET n += r.props", rows, "nodes")
           for lab, rows in sorted(nodes.items())]
    for (t, s, e), rows in sorted(rels.items()):
        spec = schema.rel(t)
        key = ", ".join(f"{k}: r.props.{k}" for k in spec.key)
        out.append((f"UNWIND $rows AS r MATCH (a:{schema.label(s).name} {{id: r.start}}) "
                    f"MATCH (b:{schema.label(e).name} {{id: r.end}}) "
                    f"MERGE (a)-[x:{spec.type}{' {' + key + '}' if key else ''}]->(b) SET x += r.props", rows, "rels"))
    return out


def run_bare(srv: BenchServer, ds: Dataset, batch_size: int) -> dict:
    took = {"nodes": 0.0, "rels": 0.0}
    with srv.driver.session() as session:
        for statement, rows, kind in bare_groups(ds):
            with Clock() as c:
                for i in range(0, len(rows), batch_size):
                    batch = rows[i: i + batch_size]
                    session.execute_write(lambda tx, b=batch: tx.run(statement, rows=b).consume())
            took[kind] += c.seconds
    return {"nodes_s": took["nodes"], "rels_s": took["rels"], "total_s": took["nodes"] + took["rels"]}


def old_writer_class(ref: str):
    """`Neo4jWriter` as it was at `ref`: its three modules from git, imported as package `_writer_<ref>`
    (their `from graph import cypher_write / load_runs` pointed at each other, the rest shared)."""
    pkg = f"_writer_{re.sub(r'[^A-Za-z0-9]', '_', ref)}"
    where = DATA / "old-writer" / pkg
    where.mkdir(parents=True, exist_ok=True)
    (where / "__init__.py").write_text("")
    for name in ("writer", "cypher_write", "load_runs"):
        text = subprocess.run(["git", "show", f"{ref}:graph/{name}.py"], cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout
        text = re.sub(r"from graph import (cypher_write|load_runs)", rf"from {pkg} import \1", text)
        (where / f"{name}.py").write_text(text, encoding="utf-8")
    if str(where.parent) not in sys.path:
        sys.path.insert(0, str(where.parent))
    return importlib.import_module(f"{pkg}.writer").Neo4jWriter


def run_writer(srv: BenchServer, ds: Dataset, cls, batch_size: int, atomic: bool | None) -> dict:
    writer = cls(srv.driver, batch_size=batch_size)
    writer.ensure_constraints()
    marks = {}

    def progress(name: str, n: int) -> None:
        if "(" not in name:  # node groups are named by label, relationship groups "TYPE (A→B)"
            marks["nodes_done"] = time.perf_counter()

    with Clock() as first:
        summary = writer.write(ds, progress=progress, atomic=atomic)
    with Clock() as again:
        second = writer.write(ds, atomic=atomic)
    # In one transaction (atomic) progress comes only at the end: no split between nodes and rels.
    one_tx = len(ds.nodes) + len(ds.edges) <= writer.atomic_limit if atomic is None else atomic
    node_s = None if one_tx else marks["nodes_done"] - first.t0
    snap = snapshot(srv.driver)
    digest = hashlib.sha256(repr(snap).encode()).hexdigest()[:16]
    return {"nodes_s": node_s, "rels_s": None if node_s is None else first.seconds - node_s,
            "total_s": first.seconds, "reload_s": again.seconds,
            "created": [summary.nodes_created, summary.relationships_created, summary.properties_set],
            "reload_changes": [second.nodes_created, second.relationships_created, second.properties_set],
            "snapshot": digest, "graph": [len(snap[0]), len(snap[1])]}


def report(size, n: int, r: int, res: dict) -> list[str]:
    rate = lambda k, s: k / s if s else float("nan")  # noqa: E731
    lines = [f"size {size}: {n:,} nodes, {r:,} relationships (synthetic)",
             "| path | nodes/s | relationships/s | records/s | total s | re-load s |", "|---|---:|---:|---:|---:|---:|"]
    for name, x in res.items():
        lines.append(f"| {name} | {rate(n, x['nodes_s']):,.0f} | {rate(r, x['rels_s']):,.0f} | "
                     f"{rate(n + r, x['total_s']):,.0f} | {x['total_s']:.1f} | "
                     f"{x['reload_s']:.1f} |" if "reload_s" in x else
                     f"| {name} | {rate(n, x['nodes_s']):,.0f} | {rate(r, x['rels_s']):,.0f} | "
                     f"{rate(n + r, x['total_s']):,.0f} | {x['total_s']:.1f} | — |")
    bare = res.get("bare")
    for name in ("old", "new"):
        x = res.get(name)
        if x is None:
            continue
        lines.append(f"{name}: re-load changes {x['reload_changes']} (nodes, rels, properties); snapshot {x['snapshot']}")
        if bare:
            part = (f"nodes {bare['nodes_s'] / x['nodes_s']:.2f}×, relationships {bare['rels_s'] / x['rels_s']:.2f}×, "
                    if x["nodes_s"] else "")
            lines.append(f"{name} ÷ bare: {part}total {bare['total_s'] / x['total_s']:.2f}×")
    if "old" in res and "new" in res:
        o, w = res["old"], res["new"]
        lines.append(f"new ÷ old: total {o['total_s'] / w['total_s']:.2f}× faster, re-load "
                     f"{o['reload_s'] / w['reload_s']:.2f}×; same graph: "
                     f"{'yes' if o['snapshot'] == w['snapshot'] else 'NO'}")
    return lines


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--size", default="S", help="S, M, L or a node count")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--batch-size", type=int, default=5000)
    p.add_argument("--phases", default="bare,old,new", help="any of bare, old, new, in this order")
    p.add_argument("--old-ref", default=OLD_REF, help="git ref of the writer to compare with")
    p.add_argument("--atomic", choices=("auto", "yes", "no"), default="auto",
                   help="the writer's mode: auto (one transaction up to its limit, journaled above)")
    p.add_argument("--heap", default="2g")
    p.add_argument("--pagecache", default="1g")
    a = p.parse_args(argv)
    atomic = {"auto": None, "yes": True, "no": False}[a.atomic]
    print(machine(), flush=True)
    ds = generate(a.size, a.seed)
    n, r = len(ds.nodes), len(ds.edges)
    print(f"{n:,} nodes, {r:,} relationships", flush=True)
    res = {}
    with BenchServer(DATA / f"var-writer-{a.size}", a.heap, a.pagecache) as srv:
        for phase in a.phases.split(","):
            srv.fresh()
            Neo4jWriter(srv.driver).ensure_constraints()  # untimed: DDL is not loading
            print(f"{phase} …", flush=True)
            if phase == "bare":
                res[phase] = run_bare(srv, ds, a.batch_size)
            else:
                cls = Neo4jWriter if phase == "new" else old_writer_class(a.old_ref)
                res[phase] = run_writer(srv, ds, cls, a.batch_size, atomic)
            print(res[phase], flush=True)
    print("\n".join(report(a.size, n, r, res)))


if __name__ == "__main__":
    main()
