"""Write streamed query rows as CSV, JSON or a Rich table, without holding them twice.

CSV and JSON are written row by row as the rows arrive; the table keeps at most ``limit`` rows
and counts the rest, so a large result never sits in memory.

CSV is for people, who open it in Excel or WPS: a text cell that a spreadsheet would take for a
formula (starting with `=`, `+`, `-`, `@`, tab or CR, or a full-width `＝＋－＠`) is written as
OWASP advises against CSV injection: a `'` in front and the cell quoted. Numbers stay numbers.

>>> import io
>>> out = io.StringIO()
>>> write_csv(["v"], [{"v": '=HYPERLINK("http://x")'}, {"v": -3.5}, {"v": "-3.5"}], out)
3
>>> print(out.getvalue(), end="")
v
"'=HYPERLINK(""http://x"")"
-3.5
"'-3.5"
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime, time
from typing import TextIO

from rich.table import Table
from rich.text import Text

from graph.spreadsheet import is_formula_like

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


def csv_field(value) -> str:
    """One CSV field: minimal quoting as the csv module does, and formula-like text defused.

    >>> print(csv_field("@SUM(A1)"), csv_field("a,b"), csv_field(-2), csv_field("代县"))
    "'@SUM(A1)" "a,b" -2 代县
    """
    text = cell_text(value)
    defuse = is_formula_like(text) and not isinstance(value, (int, float))
    if defuse:
        text = "'" + text
    # The csv module cannot quote one cell of a row and not the others, so quoting is done here.
    if defuse or any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def write_csv(keys: list[str], rows: Iterable[dict], out: TextIO) -> int:
    """A header line and one line per row; returns the number of rows written."""
    def line(fields):
        cells = [csv_field(f) for f in fields]
        return (",".join(cells) if cells != [""] else '""') + "\n"  # a lone empty field is not an empty line

    out.write(line(keys))
    n = 0
    for row in rows:
        out.write(line([row.get(k) for k in keys]))
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
