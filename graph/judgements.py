"""Judgements: a person's (or a rule's) word that two node ids are the same entity, or not.

They are data, kept in the database as `(:Judgement)` nodes outside the graph contract (no
relationships, no `sources`; the projection, counts and exports skip them), and exported to a
CSV file that a later `jinshang resolve --from-file` re-applies.

A Judgement holds `id`, `a`, `b` (node ids; for `same`, `a` is the one that survives), `label`,
`a_name`, `b_name`, `verdict` (same | different), `by`, `at` (ISO time), `reason`, `state`
(active | undone, with `undone_by`, `undone_at`) and, for a merge it made, `before` (a JSON
before-image: graph.merge) and `after_rels` (the elementIds of the survivor's relationships the
merge left). A pair has at most one active judgement.

>>> sorted(Judgement("j1", "chamber:珠海晋商会", "chamber:珠海山西商会", "same", "lee", "2024-01-01T00:00:00").pair)
['chamber:珠海山西商会', 'chamber:珠海晋商会']
"""
from __future__ import annotations

import getpass
import os
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone

from graph.errors import JinshangError
from graph.schema import Schema, get_schema

LABEL = "Judgement"
VERDICTS = ("same", "different")
EXPORT_COLUMNS = ("a", "b", "verdict", "label", "a_name", "b_name", "by", "at", "reason")

CONSTRAINTS = (
    "CREATE CONSTRAINT judgement_id IF NOT EXISTS FOR (j:Judgement) REQUIRE j.id IS UNIQUE",
    "CREATE INDEX judgement_b IF NOT EXISTS FOR (j:Judgement) ON (j.b)",
    "CREATE INDEX judgement_a IF NOT EXISTS FOR (j:Judgement) ON (j.a)",
)
_FIELDS = "j.id AS id, j.a AS a, j.b AS b, j.verdict AS verdict, j.by AS by, j.at AS at, j.reason AS reason, " \
          "j.label AS label, j.a_name AS a_name, j.b_name AS b_name, j.state AS state, " \
          "j.undone_by AS undone_by, j.undone_at AS undone_at, j.before IS NOT NULL AS reversible"
ACTIVE = f"MATCH (j:Judgement) WHERE j.state = 'active' RETURN {_FIELDS} ORDER BY j.at, j.id"
PAIR = (f"MATCH (j:Judgement) WHERE (j.a = $a AND j.b = $b) OR (j.a = $b AND j.b = $a) "
        f"RETURN {_FIELDS} ORDER BY j.at, j.id")
CREATE = ("CREATE (j:Judgement {id: $id, a: $a, b: $b, verdict: $verdict, by: $by, at: $at, reason: $reason, "
          "label: $label, a_name: $a_name, b_name: $b_name, state: 'active'}) "
          "SET j.before = $before, j.after_rels = $after_rels")
UNDO = ("MATCH (j:Judgement {id: $id}) WHERE j.state = 'active' "
        "SET j.state = 'undone', j.undone_by = $by, j.undone_at = $at RETURN j.id AS id")
# same-judgements touching any of $ids, to walk from a merged id to the node it lives on
SAME_AROUND = ("UNWIND $ids AS x MATCH (j:Judgement) WHERE (j.a = x OR j.b = x) AND j.verdict = 'same' "
               "AND j.state = 'active' RETURN DISTINCT j.a AS a, j.b AS b")


class JudgementError(JinshangError):
    """A judgement that cannot be recorded or undone as asked."""


@dataclass(frozen=True)
class Judgement:
    id: str
    a: str
    b: str
    verdict: str
    by: str
    at: str
    reason: str = ""
    label: str = ""
    a_name: str = ""
    b_name: str = ""
    state: str = "active"
    undone_by: str | None = None
    undone_at: str | None = None
    reversible: bool = False
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def pair(self) -> frozenset:
        return frozenset((self.a, self.b))

    def describe(self) -> str:
        word = {"same": "同一实体 / the same entity", "different": "不同实体 / different entities"}[self.verdict]
        line = f"{word}: judged by {self.by} at {self.at}" + (f" ({self.reason})" if self.reason else "")
        if self.state == "undone":
            line += f"; undone by {self.undone_by} at {self.undone_at}"
        return line


def who(by: str | None = None) -> str:
    """Who judges: `--by`, else $JINSHANG_USER, $USER, the login name."""
    if by:
        return by
    for var in ("JINSHANG_USER", "USER", "USERNAME"):
        if os.environ.get(var):
            return os.environ[var]
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in a container: say so rather than fail
        return "unknown"


def now() -> str:
    return datetime.now(timezone.utc).isoformat()  # microseconds: judgements order by it


def new_id() -> str:
    return f"judgement:{uuid.uuid4()}"


def _from_row(r) -> Judgement:
    return Judgement(r["id"], r["a"], r["b"], r["verdict"], r["by"], r["at"], r["reason"] or "", r["label"] or "",
                     r["a_name"] or "", r["b_name"] or "", r["state"], r["undone_by"], r["undone_at"],
                     bool(r["reversible"]))


def ensure_constraints(session) -> None:
    have = {r["name"] for r in session.run("SHOW CONSTRAINTS YIELD name")}
    have |= {r["name"] for r in session.run("SHOW INDEXES YIELD name")}
    for statement in CONSTRAINTS:
        if statement.split()[2] not in have:
            session.run(statement).consume()


def active(session) -> list[Judgement]:
    """Every judgement in force, oldest first."""
    return [_from_row(r) for r in session.run(ACTIVE)]


def for_pair(session, a: str, b: str) -> list[Judgement]:
    """Every judgement ever made on the pair, in force or undone, oldest first."""
    return [_from_row(r) for r in session.run(PAIR, a=a, b=b)]


def verdicts(judgements) -> dict[frozenset, str]:
    """{pair: verdict} of the judgements in force: what the matcher must respect."""
    return {j.pair: j.verdict for j in judgements if j.state == "active"}


def create(tx, j: Judgement, before: str | None = None, after_rels: list[str] | None = None) -> None:
    tx.run(CREATE, id=j.id, a=j.a, b=j.b, verdict=j.verdict, by=j.by, at=j.at, reason=j.reason, label=j.label,
           a_name=j.a_name, b_name=j.b_name, before=before, after_rels=after_rels).consume()


def mark_undone(tx, judgement_id: str, by: str, at: str) -> None:
    if tx.run(UNDO, id=judgement_id, by=by, at=at).single() is None:
        raise JudgementError(f"judgement {judgement_id} is no longer in force")


def same_component(session, node_id: str, limit: int = 1000) -> set[str]:
    """Every id joined to `node_id` by same-judgements in force (itself included)."""
    seen, frontier = {node_id}, [node_id]
    while frontier and len(seen) < limit:
        found = set()
        for r in session.run(SAME_AROUND, ids=frontier):
            found |= {r["a"], r["b"]}
        frontier = sorted(found - seen)
        seen |= found
    return seen


def label_of(node_id: str, schema: Schema | None = None) -> str | None:
    """The label whose id prefix `node_id` carries (`chamber:…` → Chamber), or None."""
    schema = schema or get_schema()
    if not isinstance(node_id, str):
        return None
    for spec in schema.labels.values():
        if node_id.startswith(spec.id_prefix) and node_id != spec.id_prefix:
            return spec.name
    return None


def node_exists(session, node_id: str, schema: Schema | None = None) -> bool:
    label = label_of(node_id, schema)
    if label is None:
        return False
    return session.run(f"MATCH (n:{label} {{id: $id}}) RETURN count(n) AS n", id=node_id).single()["n"] > 0


def resolve_id(session, node_id: str, schema: Schema | None = None) -> str:
    """The id of the node `node_id` now lives on: itself while it exists, else the surviving node
    of its merge (following merges of merges). An id nobody merged is returned as it is."""
    if label_of(node_id, schema) is None or node_exists(session, node_id, schema):
        return node_id
    others = same_component(session, node_id) - {node_id}
    living = sorted(x for x in others if node_exists(session, x, schema))
    return living[0] if len(living) == 1 else node_id


def resolve_params(session, params: dict, schema: Schema | None = None) -> dict:
    """`params` with every text value that is a merged node id replaced by its survivor's id
    (lists of ids too), so a merged id keeps answering in named queries and `jinshang cypher`."""
    def one(v):
        if isinstance(v, str) and label_of(v, schema) is not None:
            return resolve_id(session, v, schema)
        if isinstance(v, list):
            return [one(x) for x in v]
        return v
    return {k: one(v) for k, v in params.items()}
