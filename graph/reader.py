"""Small read-only helpers over the database: counts and id lookups for summaries and loaders."""
from __future__ import annotations

from neo4j import Driver

from graph import cypher_write as q


def counts(driver: Driver, database: str = "neo4j") -> dict[str, dict[str, int]]:
    """Nodes per label and relationships per type, as the database has them now."""
    with driver.session(database=database, default_access_mode="READ") as session:
        labels = {r["label"]: r["n"] for r in session.run(q.COUNT_LABELS)}
        types = {r["type"]: r["n"] for r in session.run(q.COUNT_TYPES)}
    return {"nodes": labels, "relationships": types}


def snapshot(driver: Driver, database: str = "neo4j") -> list:
    """Every node and relationship with all its properties, sorted: equal snapshots mean an
    unchanged database (used to prove idempotence and all-or-nothing loads)."""
    with driver.session(database=database, default_access_mode="READ") as session:
        nodes = sorted(
            (r["id"], sorted(r["labels"]), sorted((k, repr(v)) for k, v in r["props"].items()))
            for r in session.run("MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props")
        )
        rels = sorted(
            (r["a"], r["t"], r["b"], sorted((k, repr(v)) for k, v in r["props"].items()))
            for r in session.run(
                "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS props"
            )
        )
    return [nodes, rels]


def node_names(driver: Driver, database: str = "neo4j") -> list[tuple[str, str, str, list]]:
    """(id, label, name, aliases) of every node, its own label first (not `Organization` of a
    chamber): what an article's names are matched against (loaders/articles/resolve.py)."""
    with driver.session(database=database, default_access_mode="READ") as session:
        rows = session.run("MATCH (n) WHERE n.id IS NOT NULL "
                           "RETURN n.id AS id, labels(n) AS labels, n.name AS name, n.aliases AS aliases")
        out = []
        for r in rows:
            labels = [x for x in r["labels"] if x != "Organization"] or r["labels"]
            out.append((r["id"], labels[0], r["name"] or "", list(r["aliases"] or [])))
    return out
