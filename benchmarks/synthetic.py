"""A seeded synthetic province shaped like the domain, for benchmarks and analytics at scale.

Sizes: S = 10^4, M = 10^5, L = 10^6 nodes, with about five relationships per node. Degrees
are heavy-tailed (Pareto weights make hub chambers, counties, industries and events) and
regional communities are planted: each chamber, company, person, project and event belongs to
a city, and 85% of its links stay inside that city's region. Every record carries the one
Source `source:合成数据-<size>-<seed>`, which has `synthetic: true`, so any output built on it can
say that its figures are generated. Ids follow the schema's templates and depend only on
(size, seed).

>>> ds = generate(2_000, seed=7)
>>> ds.check()
[]
>>> ds.nodes[source_id(2_000, 7)].props["synthetic"]
True
>>> G = to_networkx(ds)                         # the shape graph.projection.project returns
>>> G.graph["synthetic_sources"] == [source_id(2_000, 7)]
True

As files, in the form `jinshang export -f csv` writes a graph (neo4j-admin CSV: nodes.csv and
relationships.csv, every row marked synthetic), for `jinshang load [--bulk] DIR`:

    python -m benchmarks.synthetic --size L --seed 7 --out out/synthetic-L
    jinshang load --bulk out/synthetic-L
"""
from __future__ import annotations

import argparse
import csv
import sys
from datetime import date, timedelta
from pathlib import Path

import networkx as nx
import numpy as np

from graph.projection import from_dataset
from graph.records import Dataset, EdgeRecord, NodeRecord
from graph.schema import get_schema

SIZES = {"S": 10_000, "M": 100_000, "L": 1_000_000}
LOCAL = 0.85  # share of links that stay inside the source's region (the planted communities)
_NO_PROPS: dict = {}  # shared by every edge without properties (records are read-only); saves ~1 GB at L
_DAY0 = date(2012, 1, 1)
_TITLES = ("会长", "副会长", "秘书长", "监事长", "常务副会长", "董事长", "总经理")
_KINDS = ("招商会", "恳谈会", "推介会", "博览会", "考察", "座谈会")


def node_count(size) -> int:
    return SIZES[size] if size in SIZES else int(size)  # "S", "M", "L" or a count, also as text


def source_id(size, seed: int = 7) -> str:
    return f"source:合成数据-{node_count(size)}-{seed}"


def _pareto(rng, n: int, a: float) -> np.ndarray:
    return rng.pareto(a, n) + 1.0


class _Picker:
    """Draw targets in proportion to weight, in the source's own region with probability LOCAL."""

    def __init__(self, region: np.ndarray, weight: np.ndarray, n_regions: int):
        self.order = np.argsort(region, kind="stable")
        self.cum = np.concatenate([[0.0], np.cumsum(weight[self.order])])
        sorted_region = region[self.order]
        self.lo = np.searchsorted(sorted_region, np.arange(n_regions), "left")
        self.hi = np.searchsorted(sorted_region, np.arange(n_regions), "right")

    def __call__(self, rng, src_region: np.ndarray, local: float = LOCAL) -> np.ndarray:
        n = len(src_region)
        lo, hi = self.lo[src_region], self.hi[src_region]
        stay = (rng.random(n) < local) & (hi > lo)
        lo = np.where(stay, lo, 0)
        hi = np.where(stay, hi, len(self.order))
        u = self.cum[lo] + rng.random(n) * (self.cum[hi] - self.cum[lo])
        pos = np.clip(np.searchsorted(self.cum, u, "right") - 1, lo, hi - 1)
        return self.order[pos]


def _repeat(rng, n: int, mean: float, at_least: int = 0) -> np.ndarray:
    """Index of each source repeated 0+ times (Poisson), for one-to-many links."""
    return np.repeat(np.arange(n), at_least + rng.poisson(mean, n))


def _unique_pairs(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    # A fact is (type, ends[, key]): drawing with replacement repeats pairs; keep each once.
    code = np.unique(a.astype(np.int64) << 32 | b.astype(np.int64))
    return code >> 32, code & 0xFFFFFFFF


def generate(size="S", seed: int = 7) -> Dataset:
    """The synthetic province as a validated-shape Dataset (call `.check()` to confirm)."""
    n = node_count(size)
    rng = np.random.default_rng(seed)
    sid = source_id(size, seed)
    src = (sid,)
    ds = Dataset()

    def nodes(label: str, names, props_of=None) -> list[str]:
        template = get_schema().label(label).id_template  # "person:{name}" and the like
        out = []
        for i, name in enumerate(names):
            nid = template.format(name=name)
            ds.nodes[nid] = NodeRecord(label, nid, {"name": name, **(props_of(i) if props_of else {})}, src)
            out.append(nid)
        return out

    n_city = max(8, round(n ** 0.5 / 2))
    n_prov = max(2, round(n ** 0.5 / 25))
    n_county = n_city * 8
    n_ind = 40
    rest = n - 1 - n_prov - n_city - n_county - n_ind
    n_event = max(20, int(rest * 0.03))
    n_chamber, n_org = max(10, int(rest * 0.015)), max(5, int(rest * 0.01))
    n_project, n_company = int(rest * 0.20), int(rest * 0.30)

    ds.nodes[sid] = NodeRecord("Source", sid, {
        "name": sid.split(":", 1)[1], "title": f"合成数据（{n} 个节点，种子 {seed}）",
        "kind": "generated", "synthetic": True}, src)
    prov = nodes("Province", [f"合成省{i:03d}" for i in range(n_prov)], lambda i: {"country": "中国"})
    city_names = [f"合成市{i:04d}" for i in range(n_city)]
    city = nodes("City", city_names, lambda i: {"country": "中国"})
    kinds = ("区", "市", "县", "开发区", "风景区")
    county = [f"county:{city_names[i // 8]}/合成县{i % 8}" for i in range(n_county)]
    for i, cid in enumerate(county):
        ds.nodes[cid] = NodeRecord("County", cid, {"name": f"合成县{i % 8}", "kind": kinds[i % 5]}, src)
    ind = nodes("Industry", [f"合成产业{i:02d}" for i in range(n_ind)])

    # Regions are cities; their sizes are themselves heavy-tailed (a few big cities).
    city_w = _pareto(rng, n_city, 1.5)
    p_city = city_w / city_w.sum()
    region = lambda k: rng.choice(n_city, k, p=p_city)  # noqa: E731
    r_chamber, r_org, r_event = rng.integers(0, n_city, n_chamber), region(n_org), region(n_event)
    r_project, r_company = region(n_project), region(n_company)

    # Events: unique (date, city) by numbering each city's events in date order.
    order = np.argsort(r_event, kind="stable")
    first = np.searchsorted(r_event[order], r_event[order], "left")
    day = np.empty(n_event, np.int64)
    day[order] = np.arange(n_event) - first
    day = day * 3 + rng.integers(0, 3, n_event)
    ev_date = [_DAY0 + timedelta(days=int(d)) for d in day]
    ev_kind = rng.integers(0, len(_KINDS), n_event)
    event = []
    for i in range(n_event):
        c = city_names[r_event[i]]
        eid = f"event:{ev_date[i].isoformat()}/{c}"
        ds.nodes[eid] = NodeRecord("Event", eid, {
            "name": f"{c}{_KINDS[ev_kind[i]]}{ev_date[i].isoformat()}", "date": ev_date[i],
            "kind": _KINDS[ev_kind[i]], "attendance": int(20 + day[i] % 480)}, src)
        event.append(eid)
    years = np.array([d.year for d in ev_date])
    camp_code, ev_camp = np.unique(r_event * 10_000 + years, return_inverse=True)
    camp = []
    for code in camp_code:
        c, y = city_names[code // 10_000], int(code % 10_000)
        cid = f"campaign:{c}/{y}"
        ds.nodes[cid] = NodeRecord("Campaign", cid, {"name": f"{c}{y}年招商", "year": y}, src)
        camp.append(cid)
    n_person = n - len(ds.nodes) - n_chamber - n_org - n_project - n_company

    lvl = rng.random(n_chamber) < 0.1
    chamber = nodes("Chamber", [f"合成商会{i:06d}" for i in range(n_chamber)],
                    lambda i: {"level": "province" if lvl[i] else "city"})
    org = nodes("Organization", [f"合成机构{i:06d}" for i in range(n_org)], lambda i: {"kind": "招商服务中心"})
    f500 = rng.random(n_company) < 0.01
    soe = rng.random(n_company) < 0.02
    company = nodes("Company", [f"合成企业{i:07d}" for i in range(n_company)],
                    lambda i: {"fortune500": bool(f500[i]), "central_soe": bool(soe[i])})
    amount = np.round(rng.lognormal(1.0, 1.2, n_project), 2)
    stage = rng.integers(0, 6, n_project)
    stages = get_schema().label("Project").properties["stage"].enum
    signed = rng.integers(0, 14 * 365, n_project)
    newind = rng.random(n_project) < 0.3
    project = nodes("Project", [f"合成项目{i:07d}" for i in range(n_project)], lambda i: {
        "amount_yi": float(amount[i]), "stage": stages[stage[i]], "new_industry": bool(newind[i]),
        "signed_on": _DAY0 + timedelta(days=int(signed[i]))})
    person = nodes("Person", [f"合成人物{i:07d}" for i in range(n_person)])
    r_person = region(n_person)

    pick_chamber = _Picker(r_chamber, _pareto(rng, n_chamber, 1.1), n_city)
    pick_company = _Picker(r_company, _pareto(rng, n_company, 1.5), n_city)
    pick_event = _Picker(r_event, _pareto(rng, n_event, 1.2), n_city)
    pick_county = _Picker(np.arange(n_county) // 8, _pareto(rng, n_county, 1.2), n_city)
    pick_person = _Picker(r_person, _pareto(rng, n_person, 2.0), n_city)
    ind_p = _pareto(rng, n_ind, 1.5)
    ind_p /= ind_p.sum()

    def link(rtype, s_ids, s_label, e_ids, e_label, a, b, props=None):
        a, b = _unique_pairs(a, b)
        edges = ds.edges
        if props is None:  # the common case, kept lean: 5 million iterations at L
            for i, j in zip(a.tolist(), b.tolist()):
                s, e = s_ids[i], e_ids[j]
                edges[(rtype, s, e, ())] = EdgeRecord(rtype, s, e, _NO_PROPS, src, s_label, e_label)
            return
        for k, (i, j) in enumerate(zip(a.tolist(), b.tolist())):
            p = props(k, i, j) if props else _NO_PROPS
            key = (rtype, s_ids[i], e_ids[j], tuple(p[x] for x in keys[rtype]) if rtype in keys else ())
            edges[key] = EdgeRecord(rtype, s_ids[i], e_ids[j], p, src, s_label, e_label)

    keys = {t: spec.key for t, spec in get_schema().relationships.items() if spec.key}
    ar = np.arange
    link("PART_OF", county, "County", city, "City", ar(n_county), ar(n_county) // 8)
    link("PART_OF", city, "City", prov, "Province", ar(n_city), rng.integers(0, n_prov, n_city))
    link("PART_OF", event, "Event", camp, "Campaign", ar(n_event), ev_camp)
    link("CAMPAIGN_OF", camp, "Campaign", city, "City", ar(len(camp)), camp_code // 10_000)
    link("HELD_IN", event, "Event", city, "City", ar(n_event), r_event)
    host = {"role": "主办"}, {"role": "承办"}, {"role": "协办"}
    link("ORGANIZED", city, "City", event, "Event", r_event, ar(n_event), lambda k, i, j: host[0])
    e = np.flatnonzero(rng.random(n_event) < 0.5)
    link("ORGANIZED", chamber, "Chamber", event, "Event", pick_chamber(rng, r_event[e]), e, lambda k, i, j: host[1])
    e = np.flatnonzero(rng.random(n_event) < 0.2)
    link("ORGANIZED", org, "Organization", event, "Event", rng.integers(0, n_org, len(e)), e, lambda k, i, j: host[2])
    link("BASED_IN", chamber, "Chamber", city, "City", ar(n_chamber), r_chamber)
    link("BASED_IN", org, "Organization", city, "City", ar(n_org), r_org)
    link("BASED_IN", company, "Company", city, "City", ar(n_company), r_company)
    c = np.flatnonzero(rng.random(n_chamber) < 0.05)
    link("LIAISON_OFFICE_OF", chamber, "Chamber", city, "City", c, rng.integers(0, n_city, len(c)))
    s = _repeat(rng, n_company, 0.8, 1)
    link("MEMBER_OF", company, "Company", chamber, "Chamber", s, pick_chamber(rng, r_company[s]))
    link("IN_INDUSTRY", company, "Company", ind, "Industry", ar(n_company), rng.choice(n_ind, n_company, p=ind_p))
    for who, label, r, mean in ((person, "Person", r_person, 2.9), (company, "Company", r_company, 1.8),
                                (chamber, "Chamber", r_chamber, 3.0), (org, "Organization", r_org, 1.0)):
        s = _repeat(rng, len(who), mean)
        link("ATTENDED", who, label, event, "Event", s, pick_event(rng, r[s]))
    titles = [{"title": t} for t in _TITLES]
    s = _repeat(rng, n_person, 1.1, 1)
    to_chamber = rng.random(len(s)) < 0.3
    for mask, targets, label, picker in ((to_chamber, chamber, "Chamber", pick_chamber),
                                         (~to_chamber, company, "Company", pick_company)):
        link("HOLDS_POST", person, "Person", targets, label, s[mask], picker(rng, r_person[s[mask]]),
             lambda k, i, j: titles[(i + j) % len(titles)])
    link("NATIVE_OF", person, "Person", county, "County", ar(n_person), pick_county(rng, r_person))
    p = np.flatnonzero(rng.random(n_person) < 0.005)
    link("AMBASSADOR_OF", person, "Person", city, "City", p, r_person[p])
    link("LOCATED_IN", project, "Project", county, "County", ar(n_project), pick_county(rng, r_project))
    link("IN_INDUSTRY", project, "Project", ind, "Industry", ar(n_project), rng.choice(n_ind, n_project, p=ind_p))
    s = _repeat(rng, n_project, 0.5, 1)
    link("INVESTS_IN", company, "Company", project, "Project", pick_company(rng, r_project[s]), s)
    p = np.flatnonzero(stage >= 2)
    link("SIGNED", event, "Event", project, "Project", pick_event(rng, r_project[p]), p)
    p = np.flatnonzero(stage < 2)
    link("DISCUSSED", event, "Event", project, "Project", pick_event(rng, r_project[p]), p)
    p = np.flatnonzero(rng.random(n_project) < 0.4)
    link("INTRODUCED", chamber, "Chamber", project, "Project", pick_chamber(rng, r_project[p]), p)
    p = np.flatnonzero(rng.random(n_project) < 0.2)
    link("INTRODUCED", person, "Person", project, "Project", pick_person(rng, r_project[p]), p)
    return ds


def to_networkx(ds: Dataset) -> nx.MultiDiGraph:
    """The dataset as graph.projection.project would read it back (see `from_dataset`)."""
    return from_dataset(ds)


def _cell(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "|".join(value)
    return "" if value is None else value.isoformat() if isinstance(value, date) else str(value)


def write_csv(ds: Dataset, directory) -> list[dict]:
    """One CSV per label and per (type, start label, end label), for `LOAD CSV WITH HEADERS`.

    Returns one spec per file: ``{"kind": "nodes"|"rels", "path", "label" | "type"/"start"/"end",
    "columns"}``. Columns are `id` (or `start`, `end`), the properties present, then `sources`
    (joined with `|`, as are lists); booleans are `true`/`false`, dates ISO 8601.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    groups: dict[tuple, list] = {}
    for n in ds.nodes.values():
        groups.setdefault(("nodes", n.label), []).append(n)
    for e in ds.edges.values():
        groups.setdefault(("rels", e.type, e.start_label, e.end_label), []).append(e)
    specs = []
    for group, recs in sorted(groups.items()):
        props = list(dict.fromkeys(k for r in recs for k in r.props))
        if group[0] == "nodes":
            spec = {"kind": "nodes", "label": group[1], "path": directory / f"nodes-{group[1]}.csv"}
            head, rows = ["id"], ([r.id] for r in recs)
        else:
            _, t, s, e = group
            spec = {"kind": "rels", "type": t, "start": s, "end": e, "path": directory / f"rels-{t}-{s}-{e}.csv"}
            head, rows = ["start", "end"], ([r.start, r.end] for r in recs)
        spec["columns"] = head + props + ["sources"]
        with open(spec["path"], "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(spec["columns"])
            w.writerows(row + [_cell(r.props.get(k)) for k in props] + [_cell(r.sources)]
                        for row, r in zip(rows, recs))
        specs.append(spec)
    return specs


def write_export(size="S", seed: int = 7, out="synthetic"):
    """The synthetic set written as `jinshang export -f csv` writes a graph (graph.exporters over a
    DatasetStream): `out`/nodes.csv and `out`/relationships.csv; returns the ExportSummary."""
    from graph.exporters import export

    return export(generate(size, seed), "neo4j", "csv", Path(out))


def _size(text: str) -> str:
    try:
        node_count(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: S, M, L or a number of nodes") from None
    return text if text in SIZES else str(int(text))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.synthetic",
        description="Write the seeded synthetic province as neo4j-admin CSV (the form `jinshang export -f csv` "
                    "writes), for `jinshang load [--bulk] DIR`. Every record is marked synthetic.")
    parser.add_argument("--size", type=_size, default="S", help="S (10^4 nodes), M (10^5), L (10^6) or a node count")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True, help="directory to write nodes.csv and relationships.csv into")
    args = parser.parse_args(argv)
    summary = write_export(args.size, args.seed, args.out)
    print(f"{summary.nodes:,} nodes, {summary.relationships:,} relationships in {summary.path} "
          f"(SYNTHETIC data: {', '.join(summary.synthetic_sources)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
