"""Resolve a Dataset at load time: new records against the database and against each other.

Pure: the caller reads the database (graph.entity_context rows, graph.judgements) and passes
them in; nothing here opens a driver. A record whose id is new is merged on arrival when

- a judgement in force says it is the same as a node (its id was merged before, or someone
  judged the pair), or
- the matcher (loaders.resolution.candidates) merges the pair automatically (rules that
  cannot be wrong, such as the same normalised chamber name and the same host place) and the
  pair is not two records of one source (a source that declares two nodes means two),

and the component it falls in holds at most one node already in the database (two database
nodes are never merged by a load: that waits for a person). Its id is rewritten to the
survivor's, its name goes into the survivor's `aliases`, its id into `merged_ids`, and its
relationships follow it. Pairs judged different are never proposed. What the rules do not
settle is returned as open candidates.

>>> res = resolve(ds, existing_rows, judgements)                   # doctest: +SKIP
>>> [(m.record_id, m.into) for m in res.merges]                    # doctest: +SKIP
[('chamber:珠海山西商会', 'chamber:珠海晋商会')]
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from graph.entity_context import BY_NAME, CONTEXT, RESOLVABLE
from graph.judgements import Judgement, label_of, verdicts
from graph.records import Dataset, NodeRecord
from loaders.resolution.candidates import Candidate, Entity, candidates


@dataclass(frozen=True)
class Merge:
    record_id: str  # the id the record arrived with
    into: str  # the id of the node it now lives on
    label: str
    name: str
    why: str


@dataclass
class Resolution:
    dataset: Dataset
    merges: list[Merge] = field(default_factory=list)
    open: list[Candidate] = field(default_factory=list)
    auto_pairs: list[tuple[str, str, str]] = field(default_factory=list)  # (survivor, merged, reason)


class _Sets:
    """Union-find over ids."""

    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def entity_of_row(row: dict) -> Entity:
    return Entity(row["id"], row["label"], row["name"], tuple(row.get("aliases") or ()),
                  {k: frozenset(v) for k, v in (row.get("context") or {}).items()})


def dataset_rows(ds: Dataset, labels=RESOLVABLE) -> dict[str, dict]:
    """The resolvable nodes of `ds` as entity rows, context from its own edges."""
    rows = {n.id: {"id": n.id, "label": n.label, "name": n.props.get("name", ""),
                   "aliases": list(n.props.get("aliases") or ()), "merged_ids": list(n.props.get("merged_ids") or ()),
                   "context": {}} for n in ds.nodes.values() if n.label in labels}
    for e in ds.edges.values():
        for key, rtype, direction, other in CONTEXT:
            if e.type != rtype:
                continue
            me, them = (e.start, e.end) if direction == "out" else (e.end, e.start)
            if me in rows and (other is None or _label(ds, them) == other):
                if key in BY_NAME:  # by name, as the database rows have them
                    them = ds.nodes[them].props.get("name", them) if them in ds.nodes else them.split(":", 1)[-1]
                rows[me]["context"].setdefault(key, set()).add(them)
    return rows


def _label(ds: Dataset, node_id: str) -> str | None:
    n = ds.nodes.get(node_id)
    return n.label if n else label_of(node_id)


def resolve(ds: Dataset, existing: list[dict], judgements: list[Judgement],
            no_auto: frozenset[str] = frozenset(), resolved: frozenset[str] | set = frozenset()) -> Resolution:
    """Rewrite `ds` so that records of entities already known land on their nodes. Labels in
    `no_auto` merge by judgement only: the user said to keep their look-alikes apart (`jinshang
    load --duplicates keep`); the rule's pairs are then left open. Ids in `resolved` arrived
    already resolved among themselves (an export of a database, where a person may have judged
    two look-alikes different): no rule pairs two of them, but judgements and earlier merges
    still apply, and the rules still pair them with the database's nodes and other records."""
    db = {r["id"]: r for r in existing}
    new = {n.id for n in ds.nodes.values() if n.label in RESOLVABLE and n.id not in db}
    if not new:
        return Resolution(_rewrite(ds, {}, db))
    labels = {ds.nodes[i].label for i in new}
    in_db = any(r["label"] in labels and r["id"] not in new for r in existing)
    rules = in_db or not new <= resolved  # some pair the rules may join: not two resolved records
    joins = any(j.state == "active" and j.verdict == "same" for j in judgements) or \
        any(r.get("merged_ids") for r in existing)
    if not rules and not joins:  # nothing can merge: an export restored into an empty database
        return Resolution(_rewrite(ds, {}, db))
    mine = dataset_rows(ds)
    sets = _Sets()
    why: dict[frozenset, str] = {}
    for j in judgements:
        if j.state == "active" and j.verdict == "same":
            sets.join(j.a, j.b)
            why[j.pair] = f"judged same by {j.by} at {j.at}" + (f" ({j.reason})" if j.reason else "")
    for r in existing:
        for m in r.get("merged_ids") or ():
            sets.join(m, r["id"])
            why.setdefault(frozenset((m, r["id"])), f"{m} was merged into {r['id']} before")
    # the matcher sees the database's nodes of the labels arriving, and the new records
    pool = [entity_of_row(r) for r in existing if r["label"] in labels and r["id"] not in new]
    pool += [entity_of_row({**mine[i], "context": {k: sorted(v) for k, v in mine[i]["context"].items()}})
             for i in sorted(new)]
    found = candidates(pool, verdicts(judgements)) if rules else []
    auto_reason: dict[frozenset, str] = {}
    # two database nodes: for `resolve review`; two resolved records: settled where they came from
    relevant = [c for c in found if (c.a in new or c.b in new) and not (c.a in resolved and c.b in resolved)]
    for c in relevant:
        # two records one source declares apart were meant apart (a catalog writes an `id` for
        # homonyms): the rule merges across sources and into the database, a person within one
        if c.auto and c.label not in no_auto and not (c.a in new and c.b in new and set(ds.nodes[c.a].sources) & set(ds.nodes[c.b].sources)):
            sets.join(c.a, c.b)
            auto_reason[frozenset((c.a, c.b))] = "rule: " + "; ".join(c.reasons_for)
    # a survivor per component: its one database node, else its first-judged or smallest new id
    members: dict[str, list[str]] = {}
    for i in set(sets.parent) | new:
        members.setdefault(sets.find(i), []).append(i)
    target: dict[str, str] = {}
    for ids in members.values():
        arriving = [i for i in ids if i in new]
        if len(ids) < 2 or not arriving:
            continue
        living = sorted(i for i in ids if i in db)
        if len(living) > 1:
            continue
        if living:
            survivor = living[0]
        else:
            preferred = [j.a for j in judgements if j.state == "active" and j.verdict == "same" and j.a in arriving]
            survivor = preferred[0] if preferred else min(arriving)
        for i in arriving:
            if i != survivor and mine[i]["label"] == (db.get(survivor) or mine.get(survivor, {})).get("label"):
                target[i] = survivor
    out = _rewrite(ds, target, db)
    merges, auto_pairs = [], []
    for i, t in sorted(target.items()):
        pair = frozenset((i, t))
        reason = why.get(pair) or auto_reason.get(pair) or _via(i, t, why, auto_reason)
        merges.append(Merge(i, t, mine[i]["label"], mine[i]["name"], reason))
        if pair in auto_reason and pair not in why:
            auto_pairs.append((t, i, auto_reason[pair]))
    # what the load leaves for a person: whatever it did not merge (automatic pairs too, where
    # the record would have joined two database nodes)
    still_open = [c for c in relevant if target.get(c.a, c.a) != target.get(c.b, c.b)]
    return Resolution(out, merges, still_open, auto_pairs)


def _via(i: str, t: str, why: dict, auto_reason: dict) -> str:
    """A merge reached through a chain: name the links that touch the record."""
    links = [w for pair, w in {**auto_reason, **why}.items() if i in pair]
    return "; ".join(links) or f"joined to {t} through other merges"


def _rewrite(ds: Dataset, target: dict[str, str], db: dict[str, dict]) -> Dataset:
    if not target and not any(n.props.get("aliases") and db[n.id]["aliases"] for n in ds.nodes.values() if n.id in db):
        return ds  # nothing moves and no merged names to keep: the records as they are (10^6 at L)
    out = Dataset()
    gathered: dict[str, list[NodeRecord]] = {}
    for n in ds.nodes.values():
        t = target.get(n.id, n.id)
        if t != n.id or t in target.values():
            gathered.setdefault(t, []).append(n)
        elif n.id in db and n.props.get("aliases") and db[n.id]["aliases"]:
            # a reload must not drop the names a merge gave the node (`SET n += props` replaces lists)
            aliases = [a for a in dict.fromkeys([*db[n.id]["aliases"], *n.props["aliases"]]) if a != n.props.get("name")]
            out.add_node(replace(n, props={**n.props, "aliases": aliases}))
        else:
            out.add_node(n)
    for t, recs in gathered.items():
        own = next((r for r in recs if r.id == t), None)
        row = db.get(t)
        name = row["name"] if row else (own.props["name"] if own else recs[0].props["name"])
        props: dict = {}
        for r in sorted(recs, key=lambda r: r.id == t):  # the survivor's own record last: its values win
            props.update(r.props)
        aliases = list(row["aliases"]) if row else []
        merged = list(row["merged_ids"]) if row else []
        for r in recs:
            aliases += [r.props.get("name"), *(r.props.get("aliases") or ())]
            merged += [*(r.props.get("merged_ids") or ()), *([r.id] if r.id != t else [])]
        props["name"] = name
        props["aliases"] = [a for a in dict.fromkeys(aliases) if a and a != name]
        props["merged_ids"] = list(dict.fromkeys(merged))
        if not props["merged_ids"]:
            del props["merged_ids"]
        if not props["aliases"]:
            del props["aliases"]
        sources = tuple(dict.fromkeys(s for r in recs for s in r.sources))
        out.add_node(NodeRecord(recs[0].label, t, props, sources))
    for e in ds.edges.values():
        out.add_edge(replace(e, start=target.get(e.start, e.start), end=target.get(e.end, e.end)))
    return out
