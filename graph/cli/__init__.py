"""The `jinshang` command: a thin Typer layer over the library.

Errors the library raises on purpose become one message on stderr (no traceback) and exit 1;
usage errors are Typer's own (exit 2).
"""
from __future__ import annotations

import sys

from graph.cli.app import app
from graph.errors import JinshangError


def main() -> None:
    try:
        app()
    except JinshangError as exc:
        from rich.console import Console
        from rich.markup import escape

        Console(stderr=True, highlight=False, soft_wrap=True).print(f"[red]error:[/red] {escape(str(exc))}")
        sys.exit(1)


__all__ = ["app", "main"]
