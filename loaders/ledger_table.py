"""A ledger file as sheets of cells, with row numbers as a spreadsheet shows them. CSV and XLSX are
read here (XLSX through python-calamine: every visible sheet, hidden and empty ones skipped and
said so); where the header is and what the cells mean is loaders.ledger_layout's and loaders.ledger's.

Every way a file can be unreadable ends as a Problem naming the file and the reason, never as a
traceback: a damaged, encrypted or old-format (.xls) workbook, XML that declares entities (an
"XML bomb"), a workbook that unpacks to more than a bound.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
>>> _ = p.write_text('项目名称;所属县区\\n"温泉\\n小镇";定襄\\n', encoding="utf-8")
>>> read_workbook(p).sheets[0].rows
[['项目名称', '所属县区'], ['温泉\\n小镇', '定襄']]
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

from graph.errors import Problem, ValidationError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File: encrypted OOXML and old .xls alike
MAX_XLSX_UNPACKED = 1 << 30  # bytes of XML a workbook may unpack to; a "zip bomb" is refused before parsing
CSV_FIELD_LIMIT = 1 << 20    # characters in one CSV field (csv's default, 128 KiB, is too tight for notes)


@dataclass
class Sheet:
    """One sheet's cells as the file holds them: rows[i] is spreadsheet row first_row + i (CSV: record
    number), blank rows included; `merged` ranges are (min_row, min_col, max_row, max_col), 1-based."""
    name: str | None
    rows: list[list]
    first_row: int = 1
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    csv: bool = False
    uncomputed: list[tuple[int, int, str]] = field(default_factory=list)  # formulas with no saved result


@dataclass
class Workbook:
    sheets: list[Sheet]
    notes: list[str] = field(default_factory=list)   # sheets skipped, and why


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


def read_workbook(path: Path, sheet: str | None = None) -> Workbook:
    """The sheets of a .csv/.txt or .xlsx/.xlsm ledger (one, if `sheet` names it); raises
    ValidationError if the file cannot be read."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet)
    if suffix in (".csv", ".txt"):
        return Workbook([_read_csv(path)])
    _refuse(path, "台账须为 .csv 或 .xlsx / a ledger must be .csv or .xlsx")


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


def _read_csv(path: Path) -> Sheet:
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
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter("\n".join(text.split("\n", 10)[:10])),
                        skipinitialspace=True)
    records: list[list[str]] = []
    try:
        for rec in reader:
            records.append(rec)
    except csv.Error as exc:
        raise ValidationError([Problem(str(path), reader.line_num, None, None,
                                       f"CSV 无法解析 / cannot parse the CSV: {exc}", unit="line")]) from None
    return Sheet(None, records, csv=True)


def _read_xlsx(path: Path, only: str | None) -> Workbook:
    """python-calamine reads the values (fast, and its XML reader expands no entities); openpyxl is
    asked only when a sheet holds formulas, to refuse those with no saved result."""
    from python_calamine import CalamineWorkbook, SheetVisibleEnum

    formulas = _check_container(path)
    try:
        wb = CalamineWorkbook.from_path(str(path))
        meta = wb.sheets_metadata
    except Exception as exc:  # calamine raises its own errors for damaged parts
        _refuse(path, _unreadable(exc))
    out = Workbook([])
    names = [m.name for m in meta]
    if only is not None and only not in names:
        _refuse(path, f"没有名为 {only!r} 的工作表 / no sheet named {only!r}; the workbook has "
                      f"{', '.join(names)}")
    for m in meta:
        if only is not None and m.name != only:
            continue
        if m.visible != SheetVisibleEnum.Visible:
            out.notes.append(f"{path}: 工作表 {m.name!r} 已隐藏，未读取 / sheet {m.name!r} is hidden: skipped")
            continue
        try:
            ws = wb.get_sheet_by_name(m.name)
            rows = ws.to_python(skip_empty_area=True)
        except Exception as exc:  # noqa: BLE001 - a damaged sheet part
            _refuse(path, _unreadable(exc))
        top, left = ws.start or (0, 0)
        pad = [None] * left
        rows = [pad + [v if v.__class__ is not float and v != "" else _cell(v) for v in r] for r in rows]
        while rows and not any(_filled(v) for v in rows[-1]):
            rows.pop()
        if not any(any(_filled(v) for v in r) for r in rows):
            out.notes.append(f"{path}: 工作表 {m.name!r} 是空的，未读取 / sheet {m.name!r} is empty: skipped")
            continue
        merged = [(a + 1, b + 1, c + 1, d + 1) for (a, b), (c, d) in (ws.merged_cell_ranges or [])]
        out.sheets.append(Sheet(m.name, rows, top + 1, merged))
    if formulas:
        _refuse_uncomputed(path, out)
    if not out.sheets and only is None and not any("empty" in n for n in out.notes):
        _refuse(path, "没有可见的工作表 / the workbook has no visible worksheet")
    return out


def _cell(v):
    """Calamine gives every number as a float and an empty cell as ''; a whole number is an int
    (a 项目编号 of 1 is '1', not '1.0') and an empty cell None."""
    if isinstance(v, float) and v.is_integer() and abs(v) < 2**53:
        return int(v)
    return None if v == "" else v


def _filled(v) -> bool:
    return v is not None and str(v).strip() != ""


def _unreadable(exc: Exception) -> str:
    detail = str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
    return f"不是可读的 XLSX（文件损坏或截断）/ not a readable XLSX workbook (damaged or truncated): {detail}"


def _check_container(path: Path) -> bool:
    """Refuse what is not an ordinary XLSX zip before a reader sees it: each with its own reason.
    Returns whether a worksheet holds a formula (an `<f>` element)."""
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
            formulas = False
            for info in infos:  # every part read through: a DTD after a long comment is still found
                if info.filename.endswith((".xml", ".rels")):
                    found = _scan(z, info)
                    if b"<!" in found:
                        _refuse(path, f"工作簿的 XML 声明了实体，已拒绝 / the workbook's XML declares entities: "
                                      f"{info.filename} declares a DTD or entities (refused: a possible XML bomb)")
                    formulas |= b"f" in found and info.filename.startswith("xl/worksheets/")
            return formulas
    except zipfile.BadZipFile as exc:
        _refuse(path, _unreadable(exc))
    except (OSError, EOFError) as exc:
        _refuse(path, _unreadable(exc))


_MARKS = re.compile(rb"<!DOCTYPE|<!ENTITY|<(?:\w+:)?f[ >/]")


def _scan(z: zipfile.ZipFile, info) -> set[bytes]:
    """Which marks a part holds: b"<!" (a DTD or entity declaration), b"f" (a formula cell)."""
    found: set[bytes] = set()
    with z.open(info) as part:
        tail = b""
        while chunk := part.read(1 << 22):
            for m in _MARKS.finditer(tail + chunk):
                found.add(b"<!" if m[0].startswith(b"<!") else b"f")
                if b"<!" in found:
                    return found
            tail = chunk[-16:]
    return found


def _refuse_uncomputed(path: Path, book: Workbook) -> None:
    """Formula cells count with the value the spreadsheet last computed and saved (calamine reads
    that). A formula never computed (the file was written by a program, not saved by Excel or WPS)
    is refused, as a blank would silently drop the value the user sees."""
    import openpyxl
    from defusedxml import DefusedXmlException

    try:
        wb = openpyxl.load_workbook(path, data_only=False)
    except Exception as exc:  # openpyxl raises whatever its parsers met
        cause = exc
        while cause is not None and not isinstance(cause, DefusedXmlException):
            cause = cause.__cause__ or cause.__context__
        if cause is not None:
            _refuse(path, "工作簿的 XML 声明了实体，已拒绝 / the workbook's XML declares entities "
                          "(refused: a possible XML bomb)")
        _refuse(path, _unreadable(exc))
    for sheet in book.sheets:
        held = wb[sheet.name]._cells
        for (r, c), cell in sorted(held.items()):
            if cell.data_type != "f":
                continue
            i = r - sheet.first_row
            value = sheet.rows[i][c - 1] if 0 <= i < len(sheet.rows) and c <= len(sheet.rows[i]) else None
            if not _filled(value):
                sheet.uncomputed.append((r, c, str(getattr(cell.value, "text", cell.value))))
