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
from graph.settings import Settings, mask_uri

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
    """``(uri, user, password, database)``: NEO4J_* for another server, else the local server.

    The local server (no NEO4J_URI, or exactly its own URI) always uses its own password from
    var/neo4j/password, whatever NEO4J_PASSWORD says: the password in force and the one
    ``jinshang neo4j env`` prints are then always the same. Resolving it may create that file.
    """
    if not names_local_server(settings):
        password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else ""
        return settings.neo4j_uri, settings.neo4j_user, password, settings.neo4j_database
    local = LocalNeo4j(settings)
    # Launcher.java sets the password of user neo4j, whatever NEO4J_USER says.
    return local.uri, "neo4j", local.password(), settings.neo4j_database


def open_driver(settings: Settings, *, start_local: bool = True) -> neo4j.Driver:
    """A driver whose connectivity, credentials and database have been verified.

    Without NEO4J_URI the local server is started first (unless ``start_local`` is False).
    Raises DatabaseError with one line naming the URI, never the password.
    """
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError, ClientError

    uri, user, password, database = resolve_target(settings)
    if start_local and not settings.neo4j_uri:
        LocalNeo4j(settings).start()
    # Server notifications (deprecations, performance hints) are for query authors, not users:
    # off, so the driver never logs or warns them into the terminal.
    driver = GraphDatabase.driver(uri, auth=(user, password), notifications_min_severity="OFF")
    try:
        driver.verify_connectivity()  # authenticates too: a wrong password fails here, not later
        driver.execute_query("RETURN 1", database_=database)  # and the database exists
    except Exception as exc:
        driver.close()
        # A server error's own message; its str() adds GQL status fields nobody can act on.
        reason = " ".join((getattr(exc, "message", None) or str(exc)).split()) or type(exc).__name__
        if isinstance(exc, ClientError) and "DatabaseNotFound" in (exc.code or ""):
            raise DatabaseError(f"NEO4J_DATABASE={database!r}: {uri} 上没有这个数据库; no such "
                                f"database on {uri}") from exc
        hint = ""
        if isinstance(exc, AuthError):
            if names_local_server(settings):
                hint = (" (the local server's password is the one in var/neo4j/password; for "
                        "another server on this port write NEO4J_URI=bolt://localhost:PORT)"
                        if settings.neo4j_uri else "")
            else:
                hint = " (check NEO4J_USER and NEO4J_PASSWORD)"
        elif names_local_server(settings):
            hint = " (is the local server running? `jinshang neo4j start`)"
        raise DatabaseError(f"cannot connect to Neo4j at {mask_uri(uri)} as {user}: "
                            f"{mask_secrets(reason, password)}{hint}") from exc
    return driver


def mask_secrets(text: str, *secrets: str) -> str:
    """`text` with every secret and any URI ``user:pass@`` replaced by ``***``."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return mask_uri(text)
