"""Read the nodes that may need resolving, each with the context the matcher weighs.

Context is what a node is tied to, by id (officers by name, as loaders.resolution.context has them): `host` (BASED_IN), `officers` (people holding posts in
it; for a person, the bodies they hold posts in, under `chambers` / `companies`), `events`
(ATTENDED / ORGANIZED), `projects` (INVESTS_IN, INTRODUCED, SIGNED, LOCATED_IN's county aside),
`companies` (MEMBER_OF, INVESTS_IN), `chambers` (MEMBER_OF, HOLDS_POST) and `hometown`
(NATIVE_OF). The matcher (loaders.resolution) turns a row into its `Entity`.

>>> rows = entity_rows(session, ["Chamber"])                       # doctest: +SKIP
>>> rows[0]["context"]["host"]                                    # doctest: +SKIP
['city:珠海市']
"""
from __future__ import annotations

from graph.cypher_write import _ident
from graph.schema import get_schema

RESOLVABLE = ("Chamber", "Person", "Company", "Organization", "Project", "Event")

# (context key, relationship type, direction seen from the node, label of the other end or None)
CONTEXT = (
    ("host", "BASED_IN", "out", None),
    ("hometown", "NATIVE_OF", "out", None),
    ("officers", "HOLDS_POST", "in", "Person"),
    ("chambers", "HOLDS_POST", "out", "Chamber"),
    ("companies", "HOLDS_POST", "out", "Company"),
    ("chambers", "MEMBER_OF", "out", "Chamber"),
    ("companies", "MEMBER_OF", "in", "Company"),
    ("events", "ATTENDED", "out", None),
    ("events", "ORGANIZED", "out", None),
    ("projects", "INVESTS_IN", "out", None),
    ("companies", "INVESTS_IN", "in", "Company"),
    ("projects", "INTRODUCED", "out", None),
    ("events", "SIGNED", "in", None),
    ("events", "DISCUSSED", "in", None),
    ("projects", "SIGNED", "out", None),
    ("host", "LOCATED_IN", "out", None),
    ("host", "HELD_IN", "out", None),
)

NODES = ("MATCH (n:{label}) RETURN n.id AS id, n.name AS name, coalesce(n.aliases, []) AS aliases, "
         "coalesce(n.merged_ids, []) AS merged_ids, labels(n) AS labels")
EDGES = "MATCH (n:{label})-[:{type}]->(o{other}) RETURN n.id AS id, o.id AS other, o.name AS other_name"
EDGES_IN = "MATCH (n:{label})<-[:{type}]-(o{other}) RETURN n.id AS id, o.id AS other, o.name AS other_name"
BY_NAME = ("officers",)  # by name, as the matcher compares them: one officer seen as two person nodes still meets


def _primary(labels, schema) -> str | None:
    known = [x for x in labels if x in schema.labels]
    return next((x for x in known if set(known) - {x} <= set(schema.label(x).also)), None)


def entity_rows(session, labels=None) -> list[dict]:
    """{id, label, name, aliases, merged_ids, context: {key: [ids]}} for every node of `labels`
    (default: every label the matcher resolves)."""
    schema = get_schema()
    out: dict[str, dict] = {}
    for label in labels or RESOLVABLE:
        label = _ident(label, schema.labels)
        for r in session.run(NODES.format(label=label)):
            if _primary(r["labels"], schema) != label:  # (:Organization) also finds the Chambers
                continue
            out[r["id"]] = {"id": r["id"], "label": label, "name": r["name"] or "", "aliases": list(r["aliases"]),
                            "merged_ids": list(r["merged_ids"]), "context": {}}
        for key, rtype, direction, other in CONTEXT:
            spec = schema.rel(rtype)
            ends = spec.start_labels if direction == "out" else spec.end_labels
            if label not in ends:
                continue
            text = (EDGES if direction == "out" else EDGES_IN).format(
                label=label, type=_ident(rtype, schema.relationships),
                other=f":{_ident(other, schema.labels)}" if other else "")
            for r in session.run(text):
                row = out.get(r["id"])
                if row is not None and row["label"] == label:
                    row["context"].setdefault(key, set()).add(r["other_name"] if key in BY_NAME else r["other"])
    for row in out.values():
        row["context"] = {k: sorted(v) for k, v in row["context"].items()}
    return list(out.values())
