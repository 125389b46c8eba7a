"""Open the Neo4j driver the rest of the project is handed: the edges (CLI, notebooks, test
fixtures) call this once and pass the driver in.

>>> from graph.settings import Settings
>>> resolve_target(Settings(_env_file=None, NEO4J_URI="bolt://db:7687", NEO4J_PASSWORD="s3cret"))
('bolt://db:7687', 'neo4j', 's3cret', 'neo4j')
>>> driver = open_driver(Settings())  # doctest: +SKIP
>>> driver.execute_query("RETURN 1 AS one").records[0]["one"]  # doctest: +SKIP
1
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from graph.errors import DatabaseError
from graph.local_neo4j import LocalNeo4j
from graph.settings import Settings

if TYPE_CHECKING:
    import neo4j


def names_local_server(settings: Settings) -> bool:
    """True when there is no NEO4J_URI, or it is exactly the URI ``jinshang neo4j env`` exports.

    Only the exact string counts, so that a docker-compose Neo4j at ``bolt://localhost:7687``
    stays external (never started or stopped by us).

    >>> names_local_server(Settings(_env_file=None, NEO4J_URI="bolt://127.0.0.1:7687"))
    True
    """
    return not settings.neo4j_uri or settings.neo4j_uri.rstrip("/") == settings.local_uri


def resolve_target(settings: Settings) -> tuple[str, str, str, str]:
    """``(uri, user, password, database)``: NEO4J_* when NEO4J_URI is set, else the local server.

    Resolving the local server's password may create it (var/neo4j/password) on first use.
    """
    if settings.neo4j_uri:
        password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else ""
        return settings.neo4j_uri, settings.neo4j_user, password, settings.neo4j_database
    local = LocalNeo4j(settings)
    # Launcher.java sets the password of user neo4j, whatever NEO4J_USER says.
    return local.uri, "neo4j", local.password(), settings.neo4j_database


def open_driver(settings: Settings, *, start_local: bool = True) -> neo4j.Driver:
    """A driver whose connectivity (and credentials) have been verified.

    Without NEO4J_URI the local server is started first (unless ``start_local`` is False).
    Raises DatabaseError with one line naming the URI, never the password.
    """
    from neo4j import GraphDatabase

    uri, user, password, _database = resolve_target(settings)
    if start_local and not settings.neo4j_uri:
        LocalNeo4j(settings).start()
    driver = GraphDatabase.driver(uri, auth=(user, password))
    try:
        driver.verify_connectivity()  # authenticates too: a wrong password fails here, not later
    except Exception as exc:
        driver.close()
        hint = ""
        if names_local_server(settings):
            hint = " (is the local server running? `jinshang neo4j start`)"
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise DatabaseError(f"cannot connect to Neo4j at {uri} as {user}: {reason}{hint}") from exc
    return driver
