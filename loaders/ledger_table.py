"""A ledger file as a table of cells: header on row 1, one list of cells per row, with row numbers
as a spreadsheet shows them. CSV and XLSX are read here; what the cells mean is loaders.ledger's.

Every way a file can be unreadable ends as a Problem naming the file and the reason, never as a
traceback: a damaged, encrypted or old-format (.xls) workbook, XML that declares entities (an
"XML bomb"), a CSV row with more fields than its header. Merged cells are filled in: the value of
a range spanning several rows is put into every row of it, as the spreadsheet shows it, and a
note says so.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
>>> _ = p.write_text('项目名称;所属县区\\n"温泉\\n小镇";定襄\\n', encoding="utf-8")
>>> t = read_table(p)
>>> t.header, t.rows
(['项目名称', '所属县区'], [(2, ['温泉\\n小镇', '定襄'])])
"""
from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes
from openpyxl.utils import get_column_letter

from graph.errors import Problem, ValidationError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File: encrypted OOXML and old .xls alike
MAX_XLSX_UNPACKED = 1 << 30  # bytes of XML a workbook may unpack to; a "zip bomb" is refused before parsing
CSV_FIELD_LIMIT = 1 << 20    # characters in one CSV field (csv's default, 128 KiB, is too tight for notes)


@dataclass
class Table:
    header: list[str]
    rows: list[tuple[int, list]]             # (row number as the file shows it, cells)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    header_row: int = 1


def decode(raw: bytes) -> tuple[str, str]:
    """Text and encoding of a CSV file: UTF-8 (with or without BOM), else GB18030, else detected."""
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(enc), enc
        except UnicodeDecodeError:
            continue
    best = from_bytes(raw).best()
    if best is None:
        raise ValueError("cannot tell the text encoding (expected UTF-8 or GBK/GB18030)")
    return str(best), best.encoding


def read_table(path: Path) -> Table:
    """The cells of a .csv/.txt or .xlsx/.xlsm ledger; raises ValidationError if it cannot be read."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix in (".csv", ".txt"):
        return _read_csv(path)
    _refuse(path, "a ledger must be .csv or .xlsx")


def _refuse(path: Path, reason: str):
    raise ValidationError([Problem(str(path), None, None, None, reason)])


def _delimiter(first_line: str) -> str:
    """Comma, unless the header has none and is clearly tab- or semicolon-separated (Excel's
    "Unicode text" and some locales' CSV export)."""
    if "," in first_line:
        return ","
    for d in ("\t", ";"):
        if d in first_line:
            return d
    return ","


def _read_csv(path: Path) -> Table:
    try:
        data = path.read_bytes()
    except OSError as exc:
        _refuse(path, f"cannot read the file: {exc.strerror or exc}")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:  # GB18030 would read the BOM as "锘" and go on in silence
            line = data[:exc.start].count(b"\n") + 1
            raise ValidationError([Problem(str(path), line, None, None,
                                           "编码混用 / starts with a UTF-8 byte-order mark but is not UTF-8: "
                                           "save it again in one encoding", unit="line")]) from None
    try:
        text, _ = decode(data)
    except ValueError as exc:
        _refuse(path, str(exc))
    csv.field_size_limit(CSV_FIELD_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text.split("\n", 1)[0]),
                        skipinitialspace=True)
    records: list[list[str]] = []
    try:
        for rec in reader:
            records.append(rec)
    except csv.Error as exc:
        raise ValidationError([Problem(str(path), reader.line_num, None, None,
                                       f"CSV 无法解析 / cannot parse the CSV: {exc}", unit="line")]) from None
    table = Table([], [])
    top = next((i for i, rec in enumerate(records) if any(c.strip() for c in rec)), None)
    if top is None:
        return table
    table.header, table.header_row = [c.strip() for c in records[top]], top + 1
    width = len(table.header)
    # record numbers, not physical lines: a quoted newline stays inside one row, as in a spreadsheet
    for number, rec in enumerate(records[top + 1:], start=top + 2):
        if len(rec) > width and any(c.strip() for c in rec[width:]):
            table.problems.append(Problem(str(path), number, None, None,
                                          f"字段过多 / too many fields ({len(rec)}, header has {width})"))
            continue
        table.rows.append((number, (rec + [""] * width)[:width]))
    return table


def _read_xlsx(path: Path) -> Table:
    _check_container(path)
    import openpyxl
    from defusedxml import DefusedXmlException

    try:
        wb = openpyxl.load_workbook(path, data_only=False)
    except Exception as exc:  # openpyxl raises whatever its parsers met: KeyError, zlib.error, …
        cause = exc
        while cause is not None and not isinstance(cause, DefusedXmlException):
            cause = cause.__cause__ or cause.__context__  # openpyxl wraps its parsers' errors
        if cause is not None:
            _refuse(path, "工作簿的 XML 声明了实体，已拒绝 / the workbook's XML declares entities "
                          "(refused: a possible XML bomb)")
        _refuse(path, _unreadable(exc))
    sheets = [ws for ws in wb.worksheets if ws.sheet_state == "visible"]
    if not sheets:
        _refuse(path, "没有可见的工作表 / the workbook has no visible worksheet")
    ws = sheets[0]
    table = Table([], [])
    # Only the cells the file holds ({(row, column): cell}, 1-based): a stray styled cell at row
    # 1,048,576 costs one entry here, where iterating rows would make a million empty ones.
    held = ws._cells
    values = {at: cell.value for at, cell in held.items()}
    formulas = [at for at, cell in held.items() if cell.data_type == "f"]
    uncomputed = _cached_values(path, ws.title, values, formulas) if formulas else []
    _fill_merged(path, ws, values, table)
    filled = [at for at, v in values.items() if _filled(v)]
    if not filled:
        return table
    top, width, bottom = min(r for r, _ in filled), max(c for _, c in filled), max(r for r, _ in filled)
    table.header_row = top
    table.header = ["" if (v := values.get((top, c))) is None else str(v).strip() for c in range(1, width + 1)]
    data_rows = sorted({r for r, _ in filled if r > top})  # rows with no value are blank lines: skipped
    for r in data_rows:
        table.rows.append((r, [values.get((r, c)) for c in range(1, width + 1)]))
    for (r, c), text in uncomputed:
        name = table.header[c - 1] if c <= width and table.header[c - 1] else get_column_letter(c)
        table.problems.append(Problem(str(path), r, name, text,
                                      "公式没有保存的计算结果 / a formula with no saved result: open and save "
                                      "the file in Excel or WPS, or type the value"))
    return table


def _filled(v) -> bool:
    return v is not None and str(v).strip() != ""


def _unreadable(exc: Exception) -> str:
    detail = str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
    return f"不是可读的 XLSX（文件损坏或截断）/ not a readable XLSX workbook (damaged or truncated): {detail}"


def _check_container(path: Path) -> None:
    """Refuse what is not an ordinary XLSX zip before openpyxl sees it: each with its own reason."""
    try:
        with path.open("rb") as f:
            magic = f.read(8)
    except OSError as exc:
        _refuse(path, f"cannot read the file: {exc.strerror or exc}")
    if magic == OLE_MAGIC:
        _refuse(path, "加密或受密码保护的工作簿，或旧版 .xls 文件 / an encrypted or password-protected "
                      "workbook, or an old .xls file: remove the password and save it as .xlsx")
    if not magic.startswith(b"PK"):
        _refuse(path, "不是 XLSX 文件 / not an XLSX file (an XLSX is a zip; this file is not)")
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            names = {i.filename for i in infos}
            if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
                _refuse(path, "是 zip 但不是 XLSX 工作簿 / a zip file, but not an XLSX workbook")
            if sum(i.file_size for i in infos) > MAX_XLSX_UNPACKED:
                _refuse(path, f"解压后过大 / unpacks to more than {MAX_XLSX_UNPACKED:,} bytes (refused)")
            for info in infos:  # a DTD can only stand in the prolog, before the first element
                if info.filename.endswith((".xml", ".rels")):
                    with z.open(info) as part:
                        head = part.read(4096)
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        _refuse(path, f"工作簿的 XML 声明了实体，已拒绝 / {info.filename} declares a DTD or "
                                      "entities (refused: a possible XML bomb)")
    except zipfile.BadZipFile as exc:
        _refuse(path, _unreadable(exc))
    except (OSError, EOFError) as exc:
        _refuse(path, _unreadable(exc))


def _cached_values(path: Path, title: str, values: dict, formulas) -> list[tuple[tuple[int, int], str]]:
    """Formula cells take the value the spreadsheet last computed and saved. Returns the formulas
    never computed (the file was written by a program, not saved by Excel or WPS): those are refused,
    as a blank would silently drop the value the user sees."""
    import openpyxl

    try:
        saved = openpyxl.load_workbook(path, data_only=True)[title]._cells
    except Exception as exc:  # same file just read: only a damaged cache part gets here
        _refuse(path, _unreadable(exc))
    missing = []
    for at in formulas:
        formula = values[at]
        value = saved[at].value if at in saved else None
        if value is None:
            missing.append((at, str(getattr(formula, "text", formula))))  # ArrayFormula keeps its text apart
        values[at] = value
    return sorted(missing)


def _fill_merged(path: Path, ws, values: dict, table: Table) -> None:
    """Cells merged down several rows (a county written once for a block of projects) get the
    value in every row, as the spreadsheet shows it. Cells merged across columns have no such
    reading (which column holds the value?) and are refused."""
    last = max((r for (r, _), v in values.items() if _filled(v)), default=0)
    for rng in ws.merged_cells.ranges:
        if rng.min_col != rng.max_col:
            table.problems.append(Problem(str(path), rng.min_row, None, rng.coord,
                                          "单元格跨列合并 / cells merged across columns: unmerge them"))
            continue
        value = values.get((rng.min_row, rng.min_col))
        if not _filled(value) or rng.max_row == rng.min_row:
            continue
        for r in range(rng.min_row + 1, min(rng.max_row, last) + 1):  # a whole-column merge stops at the data
            values[(r, rng.min_col)] = value
        table.notes.append(f"{path}: 合并单元格 {rng.coord} 的值 {value!r} 已填入每一行 / merged cells "
                           f"{rng.coord}: {value!r} filled into each of rows {rng.min_row}–{rng.max_row}")
