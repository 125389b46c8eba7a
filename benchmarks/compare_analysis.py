"""Every output of `queries.summary.run_analysis` on a synthetic graph, dumped canonically, and
two dumps compared field by field (floats exactly): the check that a refactoring of the
analyses changed no result.

    PYTHONHASHSEED=0 .venv/bin/python -m benchmarks.compare_analysis dump --size S /tmp/before-S.pkl
    ... change the code ...
    PYTHONHASHSEED=0 .venv/bin/python -m benchmarks.compare_analysis dump --size S /tmp/after-S.pkl
    .venv/bin/python -m benchmarks.compare_analysis compare /tmp/before-S.pkl /tmp/after-S.pkl

The graph is built without a database (`benchmarks.synthetic.to_networkx`), with the
benchmark's own settings (`benchmarks.analysis`: sampled betweenness above 5,000 nodes, five
outreach counties, a 100-project back-test). Timings are left out; everything else is kept.
"""
from __future__ import annotations

import argparse
import dataclasses
import math
import pickle
import sys

import numpy as np
import pandas as pd


def canonical(value):
    """Plain, comparable Python: dataclasses and frames become dicts and lists, sets sorted."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: canonical(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, pd.DataFrame):
        return {"columns": [str(c) for c in value.columns], "index": [canonical(i) for i in value.index],
                "dtypes": [str(t) for t in value.dtypes],
                "rows": [[canonical(x) for x in row] for row in value.itertuples(index=False, name=None)]}
    if isinstance(value, pd.Series):
        return {"index": [canonical(i) for i in value.index], "values": [canonical(x) for x in value.tolist()]}
    if isinstance(value, dict):
        return {canonical(k): canonical(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [canonical(x) for x in value]
    if isinstance(value, (set, frozenset)):
        return sorted((canonical(x) for x in value), key=repr)
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return [canonical(x) for x in value.tolist()]
    return value


def dump(size: str, path: str, seed: int = 42) -> None:
    from benchmarks.analysis import BACKTEST_SAMPLE, K, _counties
    from benchmarks.synthetic import generate, to_networkx
    from queries import brokers
    from queries.summary import run_analysis

    G = to_networkx(generate(size, seed=7))
    a = run_analysis(G, seed=seed, k=K if G.number_of_nodes() > brokers.EXACT_LIMIT else None,
                     outreach_counties=_counties(G), backtest_sample=BACKTEST_SAMPLE)
    out = canonical(a)
    out.pop("timings")
    with open(path, "wb") as f:
        pickle.dump(out, f)


def differences(a, b, where: str = "") -> list[str]:
    """Where `a` and `b` differ (NaN equals NaN; floats otherwise exactly; dict order counts)."""
    if isinstance(a, float) and isinstance(b, float):
        return [] if a == b or (math.isnan(a) and math.isnan(b)) else [f"{where}: {a!r} != {b!r}"]
    if type(a) is not type(b):
        return [f"{where}: {type(a).__name__} != {type(b).__name__}"]
    if isinstance(a, dict):
        if list(a) != list(b):
            return [f"{where}: keys differ ({len(a)} vs {len(b)})"]
        return [d for k in a for d in differences(a[k], b[k], f"{where}.{k}")]
    if isinstance(a, list):
        if len(a) != len(b):
            return [f"{where}: length {len(a)} != {len(b)}"]
        return [d for i, (x, y) in enumerate(zip(a, b)) for d in differences(x, y, f"{where}[{i}]")]
    return [] if a == b else [f"{where}: {a!r} != {b!r}"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--size", default="S")
    d.add_argument("--seed", type=int, default=42)
    d.add_argument("path")
    c = sub.add_parser("compare")
    c.add_argument("before")
    c.add_argument("after")
    args = ap.parse_args()
    if args.cmd == "dump":
        dump(args.size, args.path, args.seed)
        return
    with open(args.before, "rb") as f:
        before = pickle.load(f)
    with open(args.after, "rb") as f:
        after = pickle.load(f)
    diffs = differences(before, after)
    for line in diffs[:50]:
        print(line)
    print(f"{len(diffs)} differences" if diffs else "identical")
    sys.exit(1 if diffs else 0)


if __name__ == "__main__":
    main()
