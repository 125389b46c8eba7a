"""``jinshang neo4j start|stop|status|env``: the project's local Neo4j from the shell.

    $ jinshang neo4j start
    $ eval "$(jinshang neo4j env)"      # NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD for other tools
    $ jinshang neo4j status; echo $?    # 0 running, 3 not running
    $ jinshang neo4j stop

When NEO4J_URI names another server, start/stop leave it alone and status checks that one.
"""
from __future__ import annotations

import typer
from rich.console import Console

from jinshang.cli.app import app
from graph.connection import names_local_server
from graph.local_neo4j import LocalNeo4j
from graph.settings import NEO4J_VERSION, load_settings

NOT_RUNNING = 3  # like `systemctl status` / LSB: "program is not running"

neo4j_app = typer.Typer(help="Run the project's local Neo4j (fetched from Maven Central on "
                             "first use; listens on 127.0.0.1 only).", no_args_is_help=True)
app.add_typer(neo4j_app, name="neo4j")


def _console() -> Console:
    # markup off: paths and URIs are printed as they are, never read as Rich markup.
    return Console(highlight=False, markup=False, soft_wrap=True)


def _external(settings) -> bool:
    return not names_local_server(settings)


@neo4j_app.command()
def start(timeout: float = typer.Option(180, help="Seconds to wait for Bolt to answer.")) -> None:
    """Start the local Neo4j (no-op if it already runs); the first start runs Maven once."""
    settings = load_settings()
    if _external(settings):
        _console().print(f"NEO4J_URI is set: using the external server {settings.neo4j_uri}; "
                         "nothing to start")
        return
    server = LocalNeo4j(settings)
    was_running = server.status()["running"]
    if not was_running and not server.is_prepared():
        _console().print(f"Fetching Neo4j {NEO4J_VERSION} with Maven (once; log: "
                         f"{server.maven_log}) ...")
    uri = server.start(timeout=timeout)
    status = server.status()
    verb = "already running" if was_running else "started"
    _console().print(f"Neo4j {verb} at {uri} (pid {status['pid']}, {status['var_dir']})")


@neo4j_app.command()
def stop(timeout: float = typer.Option(60, help="Seconds to wait before SIGKILL.")) -> None:
    """Stop the local Neo4j cleanly (SIGTERM); a no-op when it is not running."""
    settings = load_settings()
    if _external(settings):
        _console().print(f"NEO4J_URI is set: the external server {settings.neo4j_uri} is not "
                         "ours to stop; nothing done")
        return
    stopped = LocalNeo4j(settings).stop(timeout=timeout)
    _console().print("Neo4j stopped" if stopped else "Neo4j was not running")


@neo4j_app.command()
def status() -> None:
    """Print the Bolt URI (first line), pid, var dir and store size; exit 3 if not running."""
    settings = load_settings()
    console = _console()
    if _external(settings):
        from graph.connection import open_driver
        from graph.errors import DatabaseError

        console.print(settings.neo4j_uri)
        try:
            open_driver(settings, start_local=False).close()
        except DatabaseError as exc:
            console.print(f"not answering: {exc}")
            raise typer.Exit(NOT_RUNNING) from None
        console.print("external server: answering")
        return
    info = LocalNeo4j(settings).status()
    console.print(info["uri"])
    console.print(f"running:    {'yes' if info['running'] else 'no'}")
    console.print(f"pid:        {info['pid'] or '-'}")
    console.print(f"var dir:    {info['var_dir']}")
    console.print(f"store size: {info['store_size'] / 2**20:.1f} MiB")
    console.print(f"log:        {info['log']}")
    if not info["running"]:
        raise typer.Exit(NOT_RUNNING)


@neo4j_app.command()
def env() -> None:
    """Print export lines for NEO4J_URI/USER/PASSWORD: eval "$(jinshang neo4j env)"."""
    settings = load_settings()
    if _external(settings):
        import shlex

        from graph.connection import resolve_target

        uri, user, password, _database = resolve_target(settings)
        lines = [f"export {name}={shlex.quote(value)}" for name, value in
                 (("NEO4J_URI", uri), ("NEO4J_USER", user), ("NEO4J_PASSWORD", password))]
    else:
        lines = LocalNeo4j(settings).env_lines()
    # Plain echo, not Rich: the lines are for a shell and must never be wrapped or styled.
    typer.echo("\n".join(lines))
