"""Write streamed query rows as CSV, JSON or a Rich table, without holding them twice.

CSV and JSON are written row by row as the rows arrive; the table keeps at most ``limit`` rows
and counts the rest, so a large result never sits in memory.

>>> import io
>>> out = io.StringIO()
>>> write_json([{"name": "代县", "n": 2}], out)
1
>>> out.getvalue()
'[\\n{"name": "代县", "n": 2}\\n]\\n'
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import date, datetime, time
from typing import TextIO

from rich.table import Table
from rich.text import Text

FORMATS = ("table", "csv", "json")


def json_default(value):
    if isinstance(value, (date, datetime, time)):
        return value.isoformat()
    if isinstance(value, (set, tuple)):
        return list(value)
    return str(value)


def cell_text(value) -> str:
    """One value as text for a CSV cell or a table cell: null → empty, lists and maps → JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (date, datetime, time)):
        return value.isoformat()
    if isinstance(value, (list, dict, tuple)):
        return json.dumps(value, ensure_ascii=False, default=json_default)
    return str(value)


def write_csv(keys: list[str], rows: Iterable[dict], out: TextIO) -> int:
    """A header line and one line per row; returns the number of rows written."""
    w = csv.writer(out, lineterminator="\n")
    w.writerow(keys)
    n = 0
    for row in rows:
        w.writerow([cell_text(row.get(k)) for k in keys])
        n += 1
    return n


def write_json(rows: Iterable[dict], out: TextIO) -> int:
    """A JSON list of one object per row, one row per line; returns the number of rows."""
    out.write("[")
    n = 0
    for row in rows:
        out.write(",\n" if n else "\n")
        out.write(json.dumps(row, ensure_ascii=False, default=json_default))
        n += 1
    out.write("\n]\n" if n else "]\n")
    return n


def build_table(keys: list[str], rows: Iterable[dict], limit: int, title: str | None = None
                ) -> tuple[Table, int, int]:
    """(table of the first ``limit`` rows, rows shown, total rows); the rest are counted, not kept."""
    table = Table(title=title, show_lines=False)
    for k in keys:
        table.add_column(k, overflow="fold")
    shown = total = 0
    for row in rows:
        total += 1
        if shown < limit:
            # Rich markup in data must print literally: cells are plain Text, not markup
            table.add_row(*[Text(cell_text(row.get(k))) for k in keys])
            shown += 1
    return table, shown, total
