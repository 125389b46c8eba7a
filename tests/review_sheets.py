"""Filling in a `jinshang extract --review` sheet the way a reviewer does, for the tests of the review
round trip (unit and integration alike)."""
from __future__ import annotations

from openpyxl import load_workbook

from loaders.articles.review import COLUMNS, DATE


def mark(sheet, **rows) -> dict:
    """rows: fact id → (accept, date) written into the sheet's facts; returns fact id → sheet row."""
    wb = load_workbook(sheet)
    col = {h: i for i, h in enumerate(COLUMNS)}
    found = {}
    for row in wb["facts"].iter_rows(min_row=2):
        fid = row[col["事实 fact id"]].value
        if fid in rows:
            row[col["接受 accept"]].value, row[col[DATE]].value = rows[fid]
            found[fid] = row[0].row
    wb.save(sheet)
    assert set(found) == set(rows), f"no row for {set(rows) - set(found)}"
    return found
