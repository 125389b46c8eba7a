"""Ledger benchmark: a SYNTHETIC 50,000-row workbook of 10 county sheets (title row, two-row header,
序号, 合计 and 注 rows), read and validated by loaders.ledger, then written; against the plain
writer on the same records, in the same run, on a fresh store each.

    .venv/bin/python -m benchmarks.ledger                 # 50,000 rows, read + validate + write
    .venv/bin/python -m benchmarks.ledger --no-write      # read + validate only

The workbook is generated into a temporary directory (deleted afterwards); its title says it is
synthetic and its Source is marked `synthetic: true`.
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

import openpyxl

from loaders.ledger import load_ledger

COUNTIES = ("忻府区", "原平市", "定襄县", "五台县", "代县", "繁峙县", "宁武县", "静乐县", "神池县", "五寨县")
STAGES = ("签约", "落地", "开工", "投产", "在谈")
INDUSTRIES = ("文化旅游", "新能源", "农产品加工", "现代物流", "装备制造")


def write_workbook(path: Path, rows: int, sheets: int = 10, seed: int = 7) -> None:
    rng = random.Random(seed)
    wb = openpyxl.Workbook(write_only=True)
    per = rows // sheets
    for s in range(sheets):
        county = COUNTIES[s % len(COUNTIES)]
        ws = wb.create_sheet(county)
        ws.append([f"{county}招商引资项目台账（合成数据 / SYNTHETIC）"])
        ws.append(["序号", "项目名称", "总投资", "项目进展", None, "产业", "签约时间", "联系人", "备注"])
        ws.append([None, None, "万元", "阶段", "到位资金(万元)", None, None, None, None])
        total = 0
        for i in range(per):
            amount = rng.randrange(100, 500_000)
            total += amount
            ws.append([i + 1, f"合成{county}项目{s:02d}{i:05d}", amount, rng.choice(STAGES),
                       rng.randrange(0, amount + 1), rng.choice(INDUSTRIES),
                       f"2018-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}", "某某", None])
        ws.append(["合计", None, total, None, None, None, None, None, None])
        ws.append(["注：本表为合成数据。"])
    wb.save(path)


def _timed(fn):
    """(result, wall seconds, CPU seconds of this process): the machine is shared, so the CPU
    time says what the code costs and the wall time what a user waits."""
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=50_000)
    ap.add_argument("--no-write", action="store_true", help="read and validate only")
    args = ap.parse_args()
    import logging
    import os

    from loaders.bundled import bundled_gazetteer

    logging.getLogger("loaders").setLevel(logging.ERROR)  # the per-sheet warnings are not timed output
    load1 = os.getloadavg()[0]
    print(f"machine: {os.cpu_count()} cores, load average {load1:.1f}")
    bundled_gazetteer()  # read once per process, by any loader: not the ledger's cost
    with tempfile.TemporaryDirectory() as tmp:  # the workbook lives until the end: generating it is slow
        _run(args, Path(tmp) / "synthetic-ledger.xlsx")


def _run(args, path: Path) -> None:
    import os

    import pandas as pd

    from loaders.bundled import bundled_gazetteer

    t = time.perf_counter()
    write_workbook(path, args.rows)
    print(f"generated {args.rows:,} rows in 10 sheets ({path.stat().st_size / 1e6:.1f} MB) in "
          f"{time.perf_counter() - t:.1f} s (not timed)")
    # the floor, same file, same run: pandas reading every sheet through calamine, no validation
    _, floor_wall, floor_cpu = _timed(lambda: pd.read_excel(path, sheet_name=None, header=None,
                                                            engine="calamine"))
    ds, read_s, read_cpu = _timed(lambda: load_ledger(path, synthetic=True, source_name="synthetic-ledger"))
    projects = sum(1 for n in ds.nodes.values() if n.label == "Project")
    print(f"baseline, pandas.read_excel(sheet_name=None, engine='calamine'): {floor_wall:.2f} s wall, "
          f"{floor_cpu:.2f} s CPU")
    print(f"read + validate: {read_s:.2f} s wall, {read_cpu:.2f} s CPU for {projects:,} projects "
          f"({projects / read_s:,.0f} rows/s wall); {read_s / floor_wall:.1f}× the pandas read (wall), "
          f"{read_cpu / floor_cpu:.1f}× (CPU)")
    print(f"aim ≤ 10 s for 50,000 rows: wall {'met' if read_s * 50_000 / args.rows <= 10 else 'NOT met'}, "
          f"CPU {'met' if read_cpu * 50_000 / args.rows <= 10 else 'NOT met'}"
          + ("" if args.rows == 50_000 else f" (scaled ×{50_000 / args.rows:g} from {args.rows:,} rows)"))
    print(f"records: {len(ds.nodes):,} nodes, {len(ds.edges):,} relationships")
    if args.no_write:
        return
    from benchmarks.common import DATA, BenchServer
    from graph.writer import Neo4jWriter
    from loaders.bundled import bundled_catalog

    known = bundled_gazetteer().known_ids()
    records = len(ds.nodes) + len(ds.edges)
    with BenchServer(DATA / "var-ledger", heap="1g", pagecache="512m") as srv:
        def seeded():  # each phase on a fresh store holding the bundled dataset the ledger names
            srv.fresh()
            Neo4jWriter(srv.driver).write(bundled_catalog())

        seeded()
        _, plain_s, _ = _timed(lambda: Neo4jWriter(srv.driver).write(ds, known))
        seeded()

        def ledger_load():  # the whole path: workbook → records → Neo4j
            again = load_ledger(path, synthetic=True, source_name="synthetic-ledger")
            Neo4jWriter(srv.driver).write(again, known)

        _, ledger_s, _ = _timed(ledger_load)
    print(f"plain writer, same records: {plain_s:.1f} s ({records / plain_s:,.0f} records/s)")
    print(f"ledger load (read + validate + write): {ledger_s:.1f} s ({records / ledger_s:,.0f} records/s)")
    ratio = plain_s / ledger_s
    print(f"ledger load rate / plain writer rate: {ratio:.2f}× (aim ≥ 0.8×: {'met' if ratio >= 0.8 else 'NOT met'})")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
