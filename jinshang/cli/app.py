"""The Typer application; each command group lives in its own module and registers here."""
from __future__ import annotations

import typer

app = typer.Typer(
    name="jinshang",
    help="Jinshang Graph (晋商图谱): Shanxi merchants' investment networks in Neo4j.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register() -> None:
    # Imported for their side effect of adding commands to `app`.
    from jinshang.cli import analyze_cmd, export_cmd, extract_cmd, load_cmd, neo4j_cmd, query_cmd, schema_cmd, view_cmd  # noqa: F401
    from jinshang.cli import resolve_cmd  # noqa: F401


_register()
