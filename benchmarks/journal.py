"""What the load-run journal costs: a load above the atomic limit, journaled (graph.load_runs:
run node, tags on what is created, before-images of what changes, clean-up), against the same
batches committed without it (the writer before the journal: a kill left them half-written).

Each path on a fresh store: a first load of the synthetic dataset, then a second load of it under
another Source id (every node and relationship changes, so every row saves a before-image).

    .venv/bin/python -m benchmarks.journal --size S
"""
from __future__ import annotations

import argparse
from dataclasses import replace

from benchmarks.common import DATA, BenchServer, Clock, machine
from benchmarks.synthetic import generate
from graph.records import Dataset
from graph.writer import Neo4jWriter, _batches


def plain_batches(writer: Neo4jWriter, ds: Dataset) -> None:
    """The old path: the same statements, each batch its own transaction, no journal."""
    with writer.driver.session(database=writer.database) as session:
        for statement, _, rows, _, sources in writer.groups(ds):
            for batch in _batches(rows, writer.batch_size):
                session.execute_write(lambda tx, b=batch, s=sources: tx.run(statement, rows=b, sources=s).consume())


def resourced(ds: Dataset, source: str) -> Dataset:
    out = Dataset()
    out.nodes = {i: replace(n, sources=(source,)) for i, n in ds.nodes.items()}
    out.edges = {k: replace(e, sources=(source,)) for k, e in ds.edges.items()}
    return out


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--size", default="S")
    p.add_argument("--batch-size", type=int, default=5000)
    a = p.parse_args(argv)
    print(machine(), flush=True)
    ds = generate(a.size)
    again = resourced(ds, "source:benchmark-second-report")
    rows = len(ds.nodes) + len(ds.edges)
    print(f"{len(ds.nodes):,} nodes, {len(ds.edges):,} relationships ({rows:,} rows)", flush=True)
    took = {}
    with BenchServer(DATA / f"var-journal-{a.size}", "2g", "1g") as srv:
        for name in ("plain", "journaled"):
            srv.fresh()
            writer = Neo4jWriter(srv.driver, batch_size=a.batch_size, atomic_limit=1)
            writer.ensure_constraints()
            for phase, data in (("create", ds), ("change", again)):
                with Clock() as c:
                    if name == "plain":
                        plain_batches(writer, data)
                    else:
                        writer.write(data)
                took[name, phase] = c.seconds
                print(f"{name} {phase}: {c.seconds:.1f} s", flush=True)
    for phase in ("create", "change"):
        print(f"{phase}: journaled {took['journaled', phase]:.1f} s ÷ plain {took['plain', phase]:.1f} s = "
              f"{took['journaled', phase] / took['plain', phase]:.2f}×")


if __name__ == "__main__":
    main()
