"""Merge two nodes judged the same entity, and undo it exactly.

`merge` keeps everything: the survivor (`a`) keeps its id, gains the other's name and aliases in
`aliases` and its id (and any ids merged into it before) in `merged_ids`, and takes every
relationship of the other; a fact the survivor already has (same type, direction, other end and
key properties) gains the other's `sources`, a new one keeps its own. Properties the survivor
lacks are taken from the other; where both have one the survivor's stays.

Before anything changes, a before-image of both nodes and every relationship touching them is
stored (JSON) on the Judgement, with the elementIds of the survivor's relationships after the
merge. `undo` deletes those, restores both nodes' labels and properties and recreates every
relationship of the image: the graph is what it was (graph.reader.snapshot compares equal, the
Judgement log aside). Relationships that reached the survivor after the merge (a later load)
stay with it. Merges into one survivor are undone last first.

>>> with driver.session() as s:                                      # doctest: +SKIP
...     merge(s, "chamber:珠海晋商会", "chamber:珠海山西商会", by="lee", reason="same chamber")
"""
from __future__ import annotations

import json
from datetime import date, datetime

from neo4j.time import Date, DateTime

from graph import judgements as J
from graph.cypher_write import _ident
from graph.errors import JinshangError
from graph.schema import Schema, get_schema

JudgementError = J.JudgementError

NODE = "MATCH (n:{label} {{id: $id}}) RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS props"
RELS = ("MATCH (n) WHERE elementId(n) = $eid MATCH (n)-[r]-(o) "
        "RETURN DISTINCT elementId(r) AS rid, type(r) AS type, startNode(r) = n AS out, elementId(o) AS oid, "
        "o.id AS other, labels(o) AS other_labels, properties(r) AS props, startNode(r) = endNode(r) AS loop")
SAME_FACT = ("MATCH (s)-[r:{type}]->(o) WHERE elementId(s) = $s AND elementId(o) = $o "
             "RETURN elementId(r) AS rid, properties(r) AS props")
CREATE_REL = ("MATCH (s) WHERE elementId(s) = $s MATCH (o) WHERE elementId(o) = $o "
              "CREATE (s)-[r:{type}]->(o) SET r = $props RETURN elementId(r) AS rid")
SET_REL = "MATCH ()-[r]->() WHERE elementId(r) = $rid SET r = $props"
SET_NODE = "MATCH (n) WHERE elementId(n) = $eid SET n = $props"
DELETE_NODE = "MATCH (n) WHERE elementId(n) = $eid DETACH DELETE n"
DELETE_RELS = "UNWIND $rids AS rid MATCH ()-[r]->() WHERE elementId(r) = rid DELETE r"
SURVIVOR_RELS = "MATCH (n) WHERE elementId(n) = $eid MATCH (n)-[r]-() RETURN collect(DISTINCT elementId(r)) AS rids"


# ---------------------------------------------------------------- values in and out of JSON
def _enc(v):
    if isinstance(v, (Date, DateTime)):
        v = v.to_native()
    if isinstance(v, datetime):
        return {"$datetime": v.isoformat()}
    if isinstance(v, date):
        return {"$date": v.isoformat()}
    if isinstance(v, list):
        return [_enc(x) for x in v]
    return v


def _dec(v):
    if isinstance(v, dict) and "$date" in v:
        return date.fromisoformat(v["$date"])
    if isinstance(v, dict) and "$datetime" in v:
        return datetime.fromisoformat(v["$datetime"])
    if isinstance(v, list):
        return [_dec(x) for x in v]
    return v


def _props_enc(props: dict) -> dict:
    return {k: _enc(v) for k, v in props.items()}


def _props_dec(props: dict) -> dict:
    return {k: _dec(v) for k, v in props.items()}


# ---------------------------------------------------------------- reading
def _node(tx, node_id: str, schema: Schema) -> dict:
    label = J.label_of(node_id, schema)
    rec = tx.run(NODE.format(label=label), id=node_id).single() if label else None
    if rec is None:
        raise JudgementError(f"节点不存在 / no node with id {node_id!r} in the database")
    return {"eid": rec["eid"], "id": node_id, "label": label, "labels": sorted(rec["labels"]),
            "props": dict(rec["props"])}


def _rels(tx, eid: str) -> list[dict]:
    return [dict(r) for r in tx.run(RELS, eid=eid)]


def _primary(labels, schema: Schema) -> str:
    known = [x for x in labels if x in schema.labels]
    for name in known:
        if set(known) - {name} <= set(schema.label(name).also):
            return name
    raise JudgementError(f"a node labelled {':'.join(labels)} is outside the schema")


def _image(node: dict, rels: list[dict], schema: Schema) -> dict:
    return {"id": node["id"], "label": node["label"], "labels": node["labels"], "props": _props_enc(node["props"]),
            "rels": [{"type": r["type"], "out": r["out"], "other": r["other"],
                      "other_label": _primary(r["other_labels"], schema), "props": _props_enc(r["props"]),
                      "loop": r["loop"]} for r in rels]}


def _union(*lists) -> list:
    return list(dict.fromkeys(x for xs in lists for x in (xs or [])))


# ---------------------------------------------------------------- merge
def merge(session, a: str, b: str, *, by: str, reason: str = "", at: str | None = None,
          schema: Schema | None = None) -> J.Judgement:
    """Merge node `b` into node `a` in one transaction and record the judgement; returns it."""
    J.ensure_constraints(session)
    return session.execute_write(merge_tx, a, b, by=by, reason=reason, at=at, schema=schema)


def merge_tx(tx, a: str, b: str, *, by: str, reason: str = "", at: str | None = None,
             schema: Schema | None = None) -> J.Judgement:
    """`merge` inside a transaction the caller holds (several merges, all or nothing)."""
    schema = schema or get_schema()
    if a == b:
        raise JudgementError(f"{a} 已是同一节点 / {a}: already one node (merged before, or the same id twice)")
    judgement = J.Judgement(J.new_id(), a, b, "same", by, at or J.now(), reason)
    sa, sb = _node(tx, a, schema), _node(tx, b, schema)
    if sa["label"] != sb["label"]:
        raise JudgementError(f"{a} is a {sa['label']} and {b} a {sb['label']}: only nodes of one label merge")
    _refuse_if_judged(tx, a, b)
    ra, rb = _rels(tx, sa["eid"]), _rels(tx, sb["eid"])
    before = {"survivor": _image(sa, ra, schema), "merged": _image(sb, rb, schema)}
    for r in rb:
        _move(tx, r, sa["eid"], sb["eid"], schema)
    pa, pb = sa["props"], sb["props"]
    props = {**pb, **pa}
    props["aliases"] = [x for x in _union(pa.get("aliases"), [pb.get("name")], pb.get("aliases"))
                        if x and x != pa.get("name")]
    props["merged_ids"] = _union(pa.get("merged_ids"), [b], pb.get("merged_ids"))
    props["sources"] = _union(pa.get("sources"), pb.get("sources"))
    tx.run(DELETE_NODE, eid=sb["eid"]).consume()
    tx.run(SET_NODE, eid=sa["eid"], props=props).consume()
    after = tx.run(SURVIVOR_RELS, eid=sa["eid"]).single()["rids"]
    j = J.Judgement(judgement.id, a, b, "same", by, judgement.at, reason, sa["label"],
                    pa.get("name", ""), pb.get("name", ""), reversible=True)
    J.create(tx, j, before=json.dumps(before, ensure_ascii=False), after_rels=list(after))
    return j


def _refuse_if_judged(tx, a: str, b: str) -> None:
    for r in tx.run(J.PAIR, a=a, b=b):
        if r["state"] == "active":
            raise JudgementError(f"{a} 与 {b} 已有判断 / already judged {r['verdict']} by {r['by']} at {r['at']}; "
                                 f"`jinshang resolve undo {a} {b}` first")


def _move(tx, r: dict, survivor: str, merged: str, schema: Schema) -> None:
    """One relationship of the merged node, onto the survivor (merged with an equal fact there)."""
    rtype = _ident(r["type"], schema.relationships)
    other = survivor if r["oid"] == merged else r["oid"]
    start, end = (survivor, other) if r["out"] else (other, survivor)
    keys = schema.rel(rtype).key
    props = dict(r["props"])
    for existing in tx.run(SAME_FACT.format(type=rtype), s=start, o=end):
        ep = dict(existing["props"])
        if all(ep.get(k) == props.get(k) for k in keys):
            merged_props = {**props, **ep, "sources": _union(ep.get("sources"), props.get("sources"))}
            tx.run(SET_REL, rid=existing["rid"], props=merged_props).consume()
            return
    tx.run(CREATE_REL.format(type=rtype), s=start, o=end, props=props).consume()


# ---------------------------------------------------------------- undo
def undo(session, a: str, b: str, *, by: str, at: str | None = None, schema: Schema | None = None) -> J.Judgement:
    """Withdraw the judgement in force on the pair; for a merge, split the nodes back exactly."""
    return session.execute_write(undo_tx, a, b, by=by, at=at, schema=schema)


def undo_tx(tx, a: str, b: str, *, by: str, at: str | None = None, schema: Schema | None = None) -> J.Judgement:
    schema = schema or get_schema()
    at = at or J.now()
    current = [r for r in tx.run(J.PAIR, a=a, b=b) if r["state"] == "active"]
    if not current:
        raise JudgementError(f"{a} 与 {b} 没有有效的判断 / no judgement in force on {a} and {b}")
    j = J._from_row(current[-1])
    if j.verdict == "same":
        _split(tx, j, schema)
    J.mark_undone(tx, j.id, by, at)
    return J.Judgement(j.id, j.a, j.b, j.verdict, j.by, j.at, j.reason, j.label, j.a_name, j.b_name,
                       "undone", by, at, j.reversible)


LATER_MERGES = ("MATCH (j:Judgement) WHERE j.a = $a AND j.verdict = 'same' AND j.state = 'active' "
                "AND j.id <> $id AND j.at > $at AND j.before IS NOT NULL RETURN j.b AS b ORDER BY j.at DESC")


def _split(tx, j: J.Judgement, schema: Schema) -> None:
    rec = tx.run("MATCH (j:Judgement {id: $id}) RETURN j.before AS before, j.after_rels AS after", id=j.id).single()
    if rec["before"] is None:
        raise JudgementError(f"{j.b} 是导入时合并的，无法拆分 / {j.b} was merged into {j.a} on arrival (no "
                             f"before-image): record `jinshang resolve different` on them and reload that source")
    later = [r["b"] for r in tx.run(LATER_MERGES, a=j.a, id=j.id, at=j.at)]
    if later:
        raise JudgementError(f"{j.a} 之后又合并了 {later[0]} / {later[0]} was merged into {j.a} after {j.b}: "
                             f"undo that first (`jinshang resolve undo {j.a} {later[0]}`)")
    before = json.loads(rec["before"])
    surv, gone = before["survivor"], before["merged"]
    s = _node(tx, surv["id"], schema)
    if J.node_exists(tx, gone["id"], schema):
        raise JudgementError(f"{gone['id']} exists again (loaded after the merge): nothing to split back into")
    tx.run(DELETE_RELS, rids=list(rec["after"] or [])).consume()
    tx.run(SET_NODE, eid=s["eid"], props=_props_dec(surv["props"])).consume()
    labels = ":".join(_ident(x, schema.labels) for x in gone["labels"])
    tx.run(f"CREATE (n:{labels}) SET n = $props", props=_props_dec(gone["props"])).consume()
    for owner in (surv, gone):
        for r in owner["rels"]:
            here = (owner["label"], owner["id"])
            there = (r["other_label"], r["other"])
            # a relationship between the two nodes is in both images: recreate it once
            if owner is gone and r["other"] == surv["id"]:
                continue
            start, end = (here, there) if r["out"] else (there, here)
            _create_by_id(tx, r["type"], start, end, _props_dec(r["props"]), schema)


def _create_by_id(tx, rtype: str, start: tuple, end: tuple, props: dict, schema: Schema) -> None:
    t = _ident(rtype, schema.relationships)
    sl, el = _ident(start[0], schema.labels), _ident(end[0], schema.labels)
    done = tx.run(f"MATCH (s:{sl} {{id: $s}}) MATCH (o:{el} {{id: $o}}) CREATE (s)-[r:{t}]->(o) SET r = $props "
                  "RETURN count(r) AS n", s=start[1], o=end[1], props=props).single()["n"]
    if done != 1:
        raise JudgementError(f"cannot restore {rtype} {start[1]} → {end[1]}: an end is gone")


# ---------------------------------------------------------------- judgements without a merge
def _names(tx, ids, schema: Schema) -> tuple[str, dict]:
    labels, names = set(), {}
    for x in ids:
        label = J.label_of(x, schema)
        if label is None:
            raise JudgementError(f"{x!r} 不是节点 id / is not a node id (e.g. chamber:珠海晋商会)")
        labels.add(label)
        rec = tx.run(f"MATCH (n:{label} {{id: $id}}) RETURN n.name AS name", id=x).single()
        names[x] = rec["name"] if rec else ""
    if len(labels) > 1:
        raise JudgementError(f"{' / '.join(ids)} are nodes of different labels: they are different already")
    return labels.pop(), names


def record_different(tx, a: str, b: str, *, by: str, reason: str = "", at: str | None = None,
                     schema: Schema | None = None) -> J.Judgement:
    """Record that `a` and `b` are different entities (nodes need not be loaded yet)."""
    schema = schema or get_schema()
    if a == b:
        raise JudgementError(f"{a!r}: a node is not different from itself")
    label, names = _names(tx, (a, b), schema)
    _refuse_if_judged(tx, a, b)
    j = J.Judgement(J.new_id(), a, b, "different", by, at or J.now(), reason, label, names[a], names[b])
    J.create(tx, j)
    return j


def record_same(tx, a: str, b: str, *, by: str, reason: str = "", at: str | None = None,
                schema: Schema | None = None) -> J.Judgement:
    """Record `same` for a pair not both in the database: the one arriving later is merged on
    arrival (loaders.resolution.apply). No before-image: there was nothing to merge yet."""
    schema = schema or get_schema()
    label, names = _names(tx, (a, b), schema)
    _refuse_if_judged(tx, a, b)
    j = J.Judgement(J.new_id(), a, b, "same", by, at or J.now(), reason, label, names[a], names[b])
    J.create(tx, j)
    return j


def record_arrival(tx, a: str, b: str, reason: str, schema: Schema | None = None) -> J.Judgement:
    """A load merged arriving record `b` into `a` by rule: recorded by `auto`, so `explain` can say so."""
    return record_same(tx, a, b, by="auto", reason=reason, schema=schema)


def apply_all(session, rows: list[dict], schema: Schema | None = None) -> dict:
    """Apply judgement rows ({a, b, verdict, by, at, reason}) in one transaction: all or nothing.
    A pair already judged the same way is left as it is; a contrary judgement in force is an error."""
    schema = schema or get_schema()
    J.ensure_constraints(session)

    def work(tx):
        done = {"same": 0, "different": 0, "pending": 0, "unchanged": 0}
        for r in rows:
            a, b = J.resolve_id(tx, r["a"], schema), J.resolve_id(tx, r["b"], schema)
            where = f"row {r['row']}: " if r.get("row") else ""
            in_force = [x for x in tx.run(J.PAIR, a=r["a"], b=r["b"]) if x["state"] == "active"]
            if a == b and r["verdict"] == "same" or in_force and in_force[-1]["verdict"] == r["verdict"]:
                done["unchanged"] += 1
                continue
            if a == b:
                raise JudgementError(f"{where}{r['a']} and {r['b']} are merged already: `jinshang resolve undo` first")
            try:
                if r["verdict"] == "different":
                    record_different(tx, a, b, by=r["by"], reason=r["reason"], at=r.get("at"), schema=schema)
                    done["different"] += 1
                elif J.node_exists(tx, a, schema) and J.node_exists(tx, b, schema):
                    merge_tx(tx, a, b, by=r["by"], reason=r["reason"], at=r.get("at"), schema=schema)
                    done["same"] += 1
                else:
                    record_same(tx, a, b, by=r["by"], reason=r["reason"], at=r.get("at"), schema=schema)
                    done["pending"] += 1
            except JudgementError as exc:
                raise JudgementError(f"{where}{exc}") from None
        return done

    return session.execute_write(work)
