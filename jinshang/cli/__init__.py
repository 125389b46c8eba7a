"""The `jinshang` command: a thin Typer layer over the library.

Errors the library raises on purpose become one message on stderr (no traceback) and exit 1;
so does anything unexpected (``error: internal error: <type>: <message>``). Every message is
masked first: the password of the server in use and any ``user:password@`` in a URI never reach
the terminal. Usage errors are Typer's own (exit 2).
"""
from __future__ import annotations

import logging
import os
import sys
from contextlib import suppress
from pathlib import Path

from jinshang.cli.app import app
from graph.errors import JinshangError
from graph.settings import SettingsError

DRIVER_LOG = "neo4j-driver.log"  # under <JINSHANG_VAR>/log/


def main() -> None:
    _route_driver_logs()
    try:
        app()
    except SettingsError as exc:  # one problem per line, each a complete message
        for line in str(exc).splitlines():
            _print_error(line)
        sys.exit(1)
    except JinshangError as exc:
        _print_error(str(exc))
        sys.exit(1)
    except Exception as exc:  # noqa: BLE001 - the edge: one masked line, never a traceback
        from pydantic import ValidationError

        if isinstance(exc, ValidationError):  # settings built outside load_settings
            from graph.settings import describe_validation_error

            for line in describe_validation_error(exc).splitlines():
                _print_error(line)
        else:
            message = " ".join(str(exc).split())
            _print_error(f"internal error: {type(exc).__name__}" + (f": {message}" if message else ""))
        sys.exit(1)


def _print_error(message: str) -> None:
    from rich.console import Console
    from rich.markup import escape

    Console(stderr=True, highlight=False, soft_wrap=True).print(
        f"[red]error:[/red] {escape(mask(message))}")


def mask(text: str) -> str:
    """`text` without NEO4J_PASSWORD's value, the local server's password or URI userinfo."""
    from graph.connection import mask_secrets

    return mask_secrets(text, *_known_secrets())


def _known_secrets() -> list[str]:
    """Best effort, from the sources themselves: settings may be what is broken."""
    found = [os.environ.get("NEO4J_PASSWORD", "")]
    var = os.environ.get("JINSHANG_VAR")
    with suppress(Exception):
        from dotenv import dotenv_values

        dotenv = dotenv_values(".env")
        found.append(dotenv.get("NEO4J_PASSWORD") or "")
        var = var or dotenv.get("JINSHANG_VAR")
    with suppress(Exception):
        from graph.settings import PROJECT_ROOT

        found.append((Path(var or PROJECT_ROOT / "var") / "neo4j" / "password").read_text().strip())
    # Longest first, so that a password containing a shorter one is masked whole.
    return sorted({s for s in found if len(s) >= 3}, key=len, reverse=True)


class _DriverLogFile(logging.Handler):
    """The driver's log records (retries, server notices) go to a file, never the terminal.

    The file is found at the first record, from the settings then in force; nothing is opened
    when the driver has nothing to say.
    """

    def emit(self, record: logging.LogRecord) -> None:
        with suppress(Exception):  # a log that cannot be written must not fail the command
            from graph.settings import PROJECT_ROOT, load_settings

            try:
                var = load_settings().var_dir
            except Exception:  # noqa: BLE001
                var = PROJECT_ROOT / "var"
            path = Path(var) / "log" / DRIVER_LOG
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "a", encoding="utf-8") as f:
                f.write(mask(self.format(record)) + "\n")


def _route_driver_logs() -> None:
    log = logging.getLogger("neo4j")
    log.propagate = False  # else Python's last-resort handler prints warnings raw on stderr
    if not any(isinstance(h, _DriverLogFile) for h in log.handlers):
        handler = _DriverLogFile()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)


__all__ = ["app", "main"]
