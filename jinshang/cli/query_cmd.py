"""`jinshang query list|show|run` (the named-query library) and `jinshang cypher` (ad-hoc reads).

Both only read: each statement must pass the read-only allow-list (graph.read_only) on its text and
on the server's EXPLAIN plan, then runs in a READ transaction with a time limit (graph.read_query).
Values given with -p are Bolt parameters, never text.
"""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer
from rich.table import Table

from jinshang.cli.app import app
from jinshang.cli.common import console, driver_for, err_console
from graph.errors import JinshangError

query_app = typer.Typer(help="The library of named Cypher queries (queries/*.cypher).", no_args_is_help=True)
app.add_typer(query_app, name="query")

HISTORY_FILE = "cypher_history"
PROMPT, MORE = "cypher> ", "   ...> "


class Format(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


PARAM_HELP = "A parameter, key=value (repeatable); typed from the query's header."
LIMIT_HELP = "Rows shown by the table view (csv and json stream every row)."
TIMEOUT_HELP = "Seconds a statement may run before it is abandoned."
DEFAULT_TIMEOUT = 120.0


@query_app.command("list")
def list_command() -> None:
    """List the named queries with their questions."""
    from queries.library import list_queries

    table = Table(title="Named queries (jinshang query run NAME)")
    for col in ("name", "question", "parameters"):
        table.add_column(col, overflow="fold")
    for q in list_queries():
        params = ", ".join(f"{p.name}:{p.type}" + ("" if p.required else f"={_show(p.default)}") for p in q.params)
        table.add_row(q.name, f"{q.question_zh}\n{q.question_en}", params or "—")
    console.print(table)


@query_app.command("show")
def show_command(name: str = typer.Argument(..., help="The query's name.")) -> None:
    """Print a named query: its header and its Cypher."""
    from queries.library import load_query

    typer.echo(load_query(name).text, nl=False)


@query_app.command("run")
def run_command(
    name: str = typer.Argument(..., help="The query's name (see `jinshang query list`)."),
    param: list[str] = typer.Option(None, "--param", "-p", help=PARAM_HELP),
    format: Format = typer.Option(Format.table, "--format", "-f", help="table, csv or json."),
    limit: int = typer.Option(200, "--limit", min=1, help=LIMIT_HELP),
    timeout: float = typer.Option(DEFAULT_TIMEOUT, "--timeout", min=0.1, help=TIMEOUT_HELP),
) -> None:
    """Run a named query read-only, e.g. `jinshang query run ambassadors --format csv`."""
    from queries.library import load_query
    from queries.params import ParameterError, parse_assignment

    q = load_query(name)
    given = {}
    for a in param or []:
        key, type_, raw = parse_assignment(a)
        if type_ is not None:
            raise ParameterError(f"parameter {key!r}: named queries take their types from the header; "
                                 f"write {key}=value")
        given[key] = raw
    bound = q.bind(given)
    with driver_for() as (driver, settings):
        _emit(driver, settings.neo4j_database, q.text, bound, format, limit, timeout, title=q.name)


@app.command("cypher")
def cypher_command(
    query: str = typer.Argument(None, help="A read-only Cypher statement; none: read it from "
                                           "stdin, or an interactive prompt on a terminal."),
    param: list[str] = typer.Option(None, "--param", "-p",
                                    help="key=value (type inferred: int, float, bool, date "
                                         "YYYY-MM-DD, null, else string) or key:type=value."),
    format: Format = typer.Option(Format.table, "--format", "-f", help="table, csv or json."),
    limit: int = typer.Option(200, "--limit", min=1, help=LIMIT_HELP),
    timeout: float = typer.Option(DEFAULT_TIMEOUT, "--timeout", min=0.1, help=TIMEOUT_HELP),
) -> None:
    """Run an ad-hoc read-only Cypher statement: plain reads only (EXPLAIN shows the plan);
    writes, administration and other procedures are refused."""
    from queries.params import parse_adhoc

    params = parse_adhoc(param or [])
    if query is None and not sys.stdin.isatty():
        query = sys.stdin.read()
    with driver_for() as (driver, settings):
        if query is not None:
            if not query.strip():
                raise JinshangError("no Cypher statement given")
            _emit(driver, settings.neo4j_database, query, params, format, limit, timeout)
            return
        _interactive(driver, settings, params, format, limit, timeout)


def _emit(driver, database: str, text: str, params: dict, format: Format, limit: int,
          timeout: float = DEFAULT_TIMEOUT, title: str | None = None) -> None:
    from graph.read_query import read_rows
    from jinshang.output import build_table, write_csv, write_json

    with read_rows(driver, text, params, database=database, timeout=timeout) as rows:
        if format is Format.csv:
            write_csv(rows.keys, rows, sys.stdout)
        elif format is Format.json:
            write_json(rows, sys.stdout)
        else:
            table, shown, total = build_table(rows.keys, rows, limit, title=title)
            console.print(table)
            cut = f"; {total - shown} more not shown (--limit {limit}; use --format csv or json for all)" \
                if total > shown else ""
            console.print(f"{total} row(s){cut}")


def _interactive(driver, settings, params: dict, format: Format, limit: int, timeout: float) -> None:
    """A prompt with history (GNU readline when available); a statement ends with ';' or a blank line."""
    history = Path(settings.var_dir) / HISTORY_FILE
    try:
        import readline
    except ImportError:  # not on every platform: the prompt still works, without history
        readline = None
    if readline is not None:
        history.parent.mkdir(parents=True, exist_ok=True)
        try:
            readline.read_history_file(history)
        except OSError:
            pass
    console.print("Read-only Cypher. End a statement with ';' or a blank line; :quit or Ctrl-D to leave.")
    try:
        while True:
            statement = _read_statement()
            if statement is None:
                break
            if not statement:
                continue
            try:
                _emit(driver, settings.neo4j_database, statement, params, format, limit, timeout)
            except JinshangError as exc:  # one line, then the next statement
                err_console.print(f"[red]error:[/red] {exc}")
    finally:
        if readline is not None:
            readline.set_history_length(1000)
            try:
                readline.write_history_file(history)
            except OSError:
                pass


def _read_statement() -> str | None:
    lines: list[str] = []
    while True:
        try:
            line = input(MORE if lines else PROMPT)
        except EOFError:
            typer.echo("")
            return None if not lines else "\n".join(lines)
        except KeyboardInterrupt:
            typer.echo("")
            return ""
        if not lines and line.strip() in (":quit", ":exit", ":q"):
            return None
        if not line.strip():
            if lines:
                return "\n".join(lines)
            continue
        lines.append(line)
        if line.rstrip().endswith(";"):
            return "\n".join(lines)


def _show(value) -> str:
    return "null" if value is None else str(value)
