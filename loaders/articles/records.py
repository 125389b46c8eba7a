"""Facts → records the writer takes: the article as the Source, each fact's evidence as
`evidence` strings ``source:<name>#<start>-<end>`` (offsets into the article as given).

Facts below the confidence threshold are left out unless a reviewer accepted them; a node the
graph already knows keeps the graph's values (the article only fills what is missing).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from graph.errors import Problem, ValidationError
from graph.records import Dataset, EdgeRecord, NodeRecord
from graph.schema import get_schema
from loaders.articles import places
from loaders.articles.facts import THRESHOLD, Facts

SOURCE_PROPS = ("title", "publisher", "author", "date", "url", "kind", "synthetic")


@dataclass
class Selection:
    dataset: Dataset
    skipped: list[str] = field(default_factory=list)  # facts left out, and why


def source_id(facts: Facts) -> str:
    return f"source:{facts.source['name']}"


def to_dataset(all_facts: list[Facts], *, base: Dataset | None = None, known: dict[str, str] | None = None,
               threshold: float = THRESHOLD, accepted: set | None = None, where: str = "") -> Selection:
    """`accepted`: (source name, fact id) pairs a reviewer accepted — then only those are taken,
    whatever their confidence. `base`: the records the graph already has (bundled dataset), whose
    values a known node keeps; `known`: ids → labels of nodes already in the graph."""
    schema = get_schema()
    ds, skipped, known = Dataset(), [], dict(known or {})
    if base is not None:
        known.update({i: n.label for i, n in base.nodes.items()})
    problems = []
    for facts in all_facts:
        sid = source_id(facts)
        src = {"name": facts.source["name"]}
        for k in SOURCE_PROPS:
            if facts.source.get(k) is not None:
                src[k] = schema.label("Source").properties[k].coerce(facts.source[k])
        ds.add_node(NodeRecord("Source", sid, src, (sid,)))

        def checked(fact, fact_id: str, spec) -> dict | None:
            """The fact's properties the schema knows, coerced; None when it is not taken (below
            the threshold, or not accepted by the reviewer) or a value does not fit."""
            if accepted is not None and (facts.source["name"], fact_id) not in accepted:
                return None
            if accepted is None and fact.confidence < threshold:
                skipped.append(f"{fact_id}: confidence {fact.confidence} < {threshold}")
                return None
            try:
                return {k: spec.properties[k].coerce(v) for k, v in fact.properties.items() if k in spec.properties}
            except ValueError as exc:
                problems.append(Problem(where or sid, None, fact_id, fact.properties, str(exc)))
                return None

        for n in facts.nodes.values():
            spec = schema.label(n.label)
            props = checked(n, n.id, spec)
            if props is None:
                continue
            if base is not None and n.id in base.nodes:
                props = {**props, **base.nodes[n.id].props}
            props = {**props, "name": props.get("name") or n.name, "evidence": _evidence(sid, n.evidence)}
            if any(ps.required and props.get(p) is None for p, ps in spec.properties.items()):
                if n.id in known:  # a node the graph has: point at it, do not rewrite it
                    continue
                skipped.append(f"{n.id}: a required property is missing")
                continue
            ds.add_node(NodeRecord(n.label, n.id, props, (sid,)))
        for n in facts.nodes.values():
            if n.label == "County" and n.id in ds.nodes and n.id not in known:
                # a county new to the graph is of the city its id names (the place table's: 平陆县 of 运城市)
                city = "city:" + places.county_city(n.id)
                if city in ds.nodes or city in known:
                    ds.add_edge(EdgeRecord("PART_OF", n.id, city, {"evidence": ds.nodes[n.id].props["evidence"]}, (sid,)))
        for r in facts.rels.values():
            fact_id = rel_fact_id(r)
            props = checked(r, fact_id, schema.rel(r.type))
            if props is None:
                continue
            ends = [e for e in (r.start, r.end) if e not in ds.nodes and e not in known]
            if ends:
                skipped.append(f"{fact_id}: {ends[0]} is not loaded")
                continue
            ds.add_edge(EdgeRecord(r.type, r.start, r.end, {**props, "evidence": _evidence(sid, r.evidence)}, (sid,)))
    if problems:
        raise ValidationError(problems)
    return Selection(ds, skipped)


def rel_fact_id(r) -> str:
    """A relationship fact's name in review sheets: TYPE start→end[title/role]."""
    key = "/".join(str(r.properties[k]) for k in get_schema().rel(r.type).key if r.properties.get(k) is not None)
    return f"{r.type} {r.start}→{r.end}" + (f" [{key}]" if key else "")


def _evidence(sid: str, spans) -> list[str]:
    return [f"{sid}#{s}-{e}" for s, e in spans]
