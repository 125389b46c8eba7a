"""The `jinshang` command: a thin Typer layer over the library.

Errors the library raises on purpose become one line on stderr and a non-zero exit.
"""
from __future__ import annotations

import sys

from graph.cli.app import app
from graph.errors import JinshangError


def main() -> None:
    try:
        app(standalone_mode=False)
    except JinshangError as exc:
        from rich.console import Console

        Console(stderr=True, highlight=False, soft_wrap=True).print(f"[red]error:[/red] {exc}", markup=True)
        sys.exit(1)
    except SystemExit:
        raise
    except Exception as exc:  # click's own usage errors arrive here in non-standalone mode
        import click

        if isinstance(exc, click.exceptions.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        if isinstance(exc, click.exceptions.Abort):
            sys.exit(130)
        raise


__all__ = ["app", "main"]
