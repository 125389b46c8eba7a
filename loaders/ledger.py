"""Project ledger loader: CSV (UTF-8, UTF-8 with BOM, GBK/GB18030) or XLSX to validated records.

Headers may be Chinese or English (see COLUMNS and README "Project ledgers"); full-width digits,
amounts in 亿元 or 万元 and dates as 2017-05-12, 2017/5/12 or 2017年5月12日 are accepted. County,
chamber and event names resolve through the gazetteer and alias table; people, companies and
industries a ledger names for the first time become new nodes. Every problem of the file is
reported together, with row, column, value and reason.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "l.csv"
>>> _ = p.write_text("项目名称,所属县区,总投资(万元)\\n温泉小镇,定襄,５０００\\n", encoding="gb18030")
>>> ds = load_ledger(p)
>>> ds.nodes["project:温泉小镇"].props["amount_yi"]
0.5
"""
from __future__ import annotations

import gc
import logging
import re
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from types import SimpleNamespace

from graph.errors import Problem, ResolutionError, ValidationError
from graph.records import Dataset, EdgeRecord, NodeRecord
from graph.schema import get_schema
from loaders.bundled import bundled_gazetteer
from loaders import ledger_reports as reports
from loaders.gazetteer import Gazetteer
from loaders.ledger_layout import COLUMNS, UNITS, Folds, Layout, find_layout, match_header, norm_header
from loaders.ledger_table import read_workbook
from loaders.resolution.normalize import project_key
from loaders.text import fold, to_simplified
from loaders.values import Amount, normalize_text, parse_amount, parse_date, parse_partial_date

log = logging.getLogger(__name__)

__all__ = ["COLUMNS", "load_ledger", "LedgerOptions"]
STAGES = reports.STAGES
MAX_PROJECT_YI = 2000.0  # more than this for one project is a unit mistake (万元 read as 亿元), not a project
_SPLIT = re.compile(r"[、,，;；/]")
_DATE_IN_TEXT = re.compile(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?")
_TOWNSHIP = re.compile(r"[(（][^()（）]*[)）]$")
_CITY_PREFIX = ("山西省忻州市", "忻州市", "山西省")
_PROJECT_SUFFIX = re.compile(r"(建设)?(项目|工程)$")
DUPLICATES = ("warn", "refuse", "keep", "merge")


class _HeaderIndex(dict):
    """Header → canonical column, units allowed (kept for callers of the old table)."""

    def __contains__(self, key) -> bool:
        return match_header(key) is not None

    def __getitem__(self, key) -> str:
        hit = match_header(key)
        if hit is None:
            raise KeyError(key)
        return hit[0]


_HEADER_INDEX = _HeaderIndex()
_norm_header = norm_header


class LedgerOptions:
    """How to read: one sheet, the unit of bare amount columns, and what to do with probable
    duplicates ('warn': say so; 'refuse': stop until the user decides; 'keep': separate projects;
    'merge': the row updates the project it resembles)."""

    def __init__(self, sheet: str | None = None, unit: str | None = None, duplicates: str = "warn"):
        if unit is not None and unit not in UNITS:
            raise ValueError(f"unit must be one of {', '.join(UNITS)}")
        if duplicates not in DUPLICATES:
            raise ValueError(f"duplicates must be one of {', '.join(DUPLICATES)}")
        self.sheet, self.unit, self.duplicates = sheet, unit, duplicates


def warn(line: str) -> None:
    """One warning, one line on the terminal (Chinese first)."""
    log.warning("%s", line.replace("\n", " "))


def duplicate_key(name: str, folder=fold) -> str:
    """Matching form for spotting the same project written twice: entity resolution's project
    key (loaders.resolution.normalize: 项目 dropped, 一期/二期 kept apart), without 工程 too.

    >>> duplicate_key("原平市同川梨深加工项目 ") == duplicate_key("原平市同川梨深加工")
    True
    >>> duplicate_key("云中物流园一期") == duplicate_key("云中物流园二期")
    False
    """
    return _PROJECT_SUFFIX.sub("", project_key(folder(name)))


def load_ledger(path, *, source_name: str | None = None, synthetic: bool = False,
                title: str | None = None, publisher: str | None = None,
                gazetteer: Gazetteer | None = None, options: LedgerOptions | None = None,
                as_of: date | None = None) -> Dataset:
    """Read one ledger (every visible sheet); the whole file is one Source
    (`source:{source_name or file stem}`), a report as of `as_of` (else the date its title or
    file name gives; loaders.ledger_reports)."""
    with _collector_paused():
        return _load_ledger(path, source_name=source_name, synthetic=synthetic, title=title,
                            publisher=publisher, gazetteer=gazetteer, options=options, as_of=as_of)


@contextmanager
def _collector_paused():
    """Python's cycle collector walks every live object again and again while a big ledger's
    records pile up, all of which live until the load ends: a quarter of the time at 50,000 rows.
    It runs again afterwards, as before."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _load_ledger(path, *, source_name, synthetic, title, publisher, gazetteer, options, as_of) -> Dataset:
    path = Path(path)
    file = str(path)
    opts = options or LedgerOptions()
    gaz = gazetteer if gazetteer is not None else bundled_gazetteer()
    book = read_workbook(path, opts.sheet)
    for note in book.notes:
        warn(note)
    problems: list[Problem] = []
    sheets: list[tuple[str, object, Layout, dict]] = []
    folds = Folds()
    for sheet in book.sheets:
        label = file if sheet.name is None else f"{file}: 工作表/sheet {sheet.name!r}"
        lay = find_layout(label, sheet, folds)
        if not lay.header:
            continue  # nothing but blank lines
        for note in lay.notes:
            warn(f"{label}: {note}")
        columns, found = _columns(label, lay, sheet, opts, multi=len(book.sheets) > 1)
        if columns is None:  # a sheet with no ledger header among others: said, and skipped
            continue
        problems += found + lay.problems
        for r, c, text in sheet.uncomputed:
            head = lay.header[c - 1] if c <= len(lay.header) and lay.header[c - 1] else f"column {c}"
            problems.append(Problem(label, r, head, text, "公式没有保存的计算结果 / a formula with no saved result: "
                                                          "open and save the file in Excel or WPS, or type the value"))
        sheets.append((label, sheet, lay, columns))
    if not problems and not sheets:
        problems.append(Problem(file, None, None, None, "空文件 / the file is empty: no header row"))
    if not problems and not any(lay.rows for _, _, lay, _ in sheets):
        problems.append(Problem(file, None, None, None, "没有项目行 / no project rows under the header"))
    if problems:
        raise ValidationError(problems)

    sid = f"source:{source_name or path.stem}"
    titles = SimpleNamespace(title=[t for _, _, lay, _ in sheets for t in lay.title])  # the sheets' title rows
    as_of, said_by = reports.report_as_of(path, as_of, title, titles)
    if as_of is None:
        log.warning("%s: 没有报告日期 / no as-of date (title, file name): use --as-of YYYY-MM-DD "
                    "so this report takes its place in the project's history", file)
    else:
        log.info("%s: as of %s (from the %s)", file, as_of, said_by)
    ds = Dataset()
    ds.add_node(NodeRecord("Source", sid, {
        "name": source_name or path.stem, "title": title or f"项目台账 {path.name}", "kind": "ledger",
        "synthetic": synthetic, **({"publisher": publisher} if publisher else {}),
        **({"as_of": as_of} if as_of else {}),
    }, (sid,)))
    src = (sid,)
    state = _LoadState(gaz, opts, folds)
    state.as_of = as_of
    for label, sheet, lay, columns in sheets:
        _report_skipped(label, lay)
        default_county = _sheet_county(gaz, sheet.name)
        headers = {col: header for col, (header, _, _) in columns.items()}
        units = {col: unit for col, (_, _, unit) in columns.items()}
        loaded: list[tuple[int, object]] = []
        order = [(col, index) for col, (_, index, _) in columns.items()]
        clean = state.clean
        for number, cells in lay.rows:
            width = len(cells)
            raw = tuple([cells[index] if index < width else None for _, index in order])
            values = {col: clean(v) for (col, _), v in zip(order, raw)}
            built = _Row(label, number, raw, values, headers, units, gaz, ds, src, problems, state,
                         default_county).build()
            if built is not None:
                loaded.append((number, built))
        _check_total(label, lay, columns, loaded, problems)
    for line in state.duplicate_lines:
        warn(line)
    if state.duplicate_lines and opts.duplicates == "refuse":
        problems.append(Problem(file, None, None, None,
                                f"{len(state.duplicate_lines)} 个疑似重复项目，请决定 / probable duplicate project(s): "
                                "check the dry run, then load with --duplicates keep (separate projects) or "
                                "--duplicates merge (update the existing one)"))
    for reason in ([] if problems else ds.check(get_schema(), gaz.known_ids())):
        problems.append(Problem(file, None, None, None, reason))
    if problems:
        raise ValidationError(problems)
    return ds


class _LoadState:
    """What the rows of one file share: ids seen, exact rows seen, the names for duplicates, and
    what was already worked out for a cell's text. A 50,000-row ledger repeats a few counties,
    stages, industries, dates and units again and again: each distinct text is cleaned, parsed,
    split and resolved once (an error found for it is still reported on every row that has it)."""

    def __init__(self, gaz: Gazetteer, opts: LedgerOptions, folds: Folds | None = None):
        self.opts = opts
        self.as_of = None  # the report date of the file (loaders.ledger_reports)
        self.folds = folds if folds is not None else Folds()
        self.seen: dict[str, tuple[str, int, tuple]] = {}   # project id → (label, row, cells)
        self.keys: dict[str, tuple[str, str]] = {}          # duplicate key → (project id, where)
        known = list(gaz.names_of("Project"))
        self.folds.prime(name for _, name in known)
        for pid, name in known:
            self.keys.setdefault(duplicate_key(name, self.folds),
                                 (pid, "数据库或同批文件 / the database or another file"))
        self.duplicate_lines: list[str] = []
        self.resolved: dict[tuple, tuple[str | None, str | None]] = {}  # (how, label, text) → (id, error)
        self.texts: dict[str, str] = {}        # cell text → its cleaned form ('' for blank)
        self.parsed: dict[tuple, tuple] = {}   # (column, unit, type, value) → (parsed value, error)
        self.splits: dict[str, list[str]] = {}  # a list cell (甲、乙) → its parts
        self.made: dict[tuple[str, str], str] = {}  # (label, name) → the id it resolved to or declared

    def clean(self, v):
        """A cell's value with full-width forms folded and spaces trimmed; None for blank or NaN."""
        if v is None:
            return None
        if isinstance(v, str):
            hit = self.texts.get(v)
            if hit is None:
                hit = self.texts[v] = normalize_text(v)
            return hit or None
        if isinstance(v, float) and v != v:
            return None
        return v

    def once(self, key: tuple, fn) -> tuple[str | None, str | None]:
        """A name is resolved once per file: a 50,000-row ledger names the same few counties,
        industries and chambers again and again (and a miss costs a fuzzy search)."""
        hit = self.resolved.get(key)
        if hit is None:
            try:
                hit = (fn(), None)
            except ResolutionError as exc:
                hit = (None, str(exc).split(": ", 1)[-1])
            self.resolved[key] = hit
        return hit


def _report_skipped(label: str, lay: Layout) -> None:
    if not lay.skipped:
        return
    why = {"total": "合计/total", "subtotal": "小计/subtotal", "footer": "注或签名/note or signature",
           "section": "分组标题/section heading"}
    parts = [f"第{n}行 {text[:20]!r} ({why[kind]})" for n, kind, text in lay.skipped]
    warn(f"{label}: 跳过 {len(parts)} 行，不是项目 / skipped {len(parts)} row(s) that are not projects: "
         + "; ".join(parts))


def _sheet_county(gaz: Gazetteer, name: str | None) -> str | None:
    """A sheet named after a county (代县, 五臺縣, 忻州市忻府区) is that county's sheet."""
    if not name:
        return None
    try:
        return resolve_county(gaz, name)
    except (ResolutionError, ValueError):
        return None


def resolve_county(gaz: Gazetteer, text: str) -> str:
    """A county id from the ways ledgers write counties: traditional characters, inner or full-width
    spaces, a 忻州市 prefix, a township in parentheses, the gazetteer's short forms.

    >>> g = bundled_gazetteer()
    >>> [resolve_county(g, t) for t in ("五臺縣", "代　县", "忻州市忻府区", "岢岚县（宋家沟乡）")]
    ['county:忻州市/五台县', 'county:忻州市/代县', 'county:忻州市/忻府区', 'county:忻州市/岢岚县']
    """
    key = fold(text)
    key = _TOWNSHIP.sub("", key) or key
    tries = [key] + [key[len(p):] for p in _CITY_PREFIX if key.startswith(p) and len(key) > len(p)]
    first_error = None
    for t in tries:
        try:
            return gaz.resolve(t, ("County",))[0]
        except ResolutionError as exc:
            first_error = first_error or exc
    raise first_error


def _columns(label: str, lay: Layout, sheet, opts: LedgerOptions, multi: bool):
    """Canonical column → (its header, its index, its unit); header problems once each. None when
    a sheet among several has no ledger header at all (an instructions sheet): it is skipped."""
    if not lay.header:
        return ({}, []) if not multi else (None, [])
    columns: dict[str, tuple[str, int, str | None]] = {}
    first: dict[str, int] = {}
    problems: list[Problem] = []
    unknown: list[str] = []
    contacts: list[str] = []
    row = lay.header_row
    if multi and not any(match_header(h) for h in lay.header):
        warn(f"{label}: 没有台账表头，已跳过 / no ledger header (项目名称 …): sheet skipped")
        return None, []
    for index, header in enumerate(lay.header):
        if not header:
            if any(index < len(cells) and _has_value(cells[index]) for _, cells in lay.rows):
                problems.append(Problem(label, row, None, None,
                                        f"第 {index + 1} 列有数据但没有列名 / column {index + 1} has values but no header"))
            continue
        key = norm_header(header)
        if key in first:
            problems.append(Problem(label, row, header, None, f"重复的列 / duplicate column {header} "
                                                              f"(columns {first[key] + 1} and {index + 1})"))
            continue
        first[key] = index
        hit = match_header(header)
        if hit is None:
            unknown.append(header)
            continue
        col, unit = hit
        if col == "contact":
            contacts.append(header)
        elif col == "seq":
            continue
        elif col in columns:
            other, at, _ = columns[col]
            problems.append(Problem(label, row, header, None, f"与列 {other!r} 重复 / duplicates column {other!r} "
                                                              f"(columns {at + 1} and {index + 1})"))
        else:
            columns[col] = (header, index, unit)
    if unknown or contacts:
        parts = []
        if unknown:
            parts.append(f"未知的列，未读取 / unknown columns, not loaded: {', '.join(unknown)}")
        if contacts:
            parts.append(f"个人联系信息，不保存 / personal contact data, never stored: {', '.join(contacts)}")
        warn(f"{label}: row {row}: " + "; ".join(parts))
    if "name" not in columns:
        problems.append(Problem(label, row, "项目名称", None, "缺少必需的列 / required column is missing"))
    for col in ("amount", "funds"):
        if col in columns and columns[col][2] is None:
            header, index, _ = columns[col]
            unit = lay.unit_hint or opts.unit
            if unit is None and not _every_value_has_unit(lay, index):
                problems.append(Problem(
                    label, row, header, None,
                    "没有单位：请在列名或标题中写明 亿元 或 万元，或加 --unit 亿元|万元 / no unit for this column "
                    "(亿元 or 万元?): write it in the header or title, or run with --unit 亿元|万元"))
            columns[col] = (header, index, unit or "亿元")  # the fallback applies only to values carrying their unit
    return columns, problems


def _every_value_has_unit(lay: Layout, index: int) -> bool:
    values = [cells[index] for _, cells in lay.rows if index < len(cells) and _has_value(cells[index])]
    return bool(values) and all(isinstance(v, str) and re.search(r"(亿|万)元?\s*$", v) for v in values)


def _has_value(v) -> bool:
    return v is not None and str(v).strip() != ""


def _check_total(label: str, lay: Layout, columns, loaded, problems: list[Problem]) -> None:
    """The ledger's own 合计 is a free consistency check of what was loaded."""
    if "amount" not in columns or not lay.totals:
        return
    header, index, unit = columns["amount"]
    number, cells = lay.totals[-1]
    try:
        total = parse_amount(cells[index], unit).high if index < len(cells) and _has_value(cells[index]) else None
    except ValueError:
        total = None
    if total is None:
        return
    points = [(n, a) for n, a in loaded if a is not None]
    for n, a in points:
        if a.high > total * 1.0001 + 1e-9:
            problems.append(Problem(label, n, header, a.high, f"单个项目超过台账合计 {total:g} 亿元（第 {number} 行）"
                                                              f"，可能单位有误 / more than the ledger's own total "
                                                              f"{total:g}亿元 (row {number}): check the unit"))
    exact = [a.low for _, a in points if not a.is_range]
    ranged = len(points) - len(exact)
    loaded_sum = sum(exact)
    if not ranged and abs(loaded_sum - total) > max(0.01, total * 0.001):
        warn(f"{label}: row {number}: field {header!r}: value {total:g}亿元: 合计与所载项目之和 {loaded_sum:g} 亿元不符 / "
             f"the ledger's total differs from the sum of the loaded projects, {loaded_sum:g}亿元")


class _Row:
    """One project row: `raw` its cells as read (in the columns' order), `values` canonical
    column → cleaned cell (None when blank)."""

    def __init__(self, file, line, raw, values, columns, units, gaz, ds, src, problems, state,
                 default_county=None):
        self.file, self.line, self.raw, self.values, self.columns, self.units = file, line, raw, values, columns, units
        self.gaz, self.ds, self.src, self.problems, self.state = gaz, ds, src, problems, state
        self.default_county = default_county

    def cell(self, col: str):
        return self.values.get(col)

    def bad(self, col: str, value, reason: str):
        self.problems.append(Problem(self.file, self.line, self.columns.get(col, col), value, reason))

    def parse(self, col: str, fn):
        """fn(cell) once per distinct value of a column (fn depends only on the value and the
        column's unit); its error is reported on every row that has the value."""
        value = self.cell(col)
        if value is None:
            return None
        key = (col, self.units.get(col), type(value), value)  # type: 1, 1.0 and True hash alike
        hit = self.state.parsed.get(key)
        if hit is None:
            try:
                hit = (fn(value), None)
            except ValueError as exc:
                hit = (None, str(exc))
            self.state.parsed[key] = hit
        if hit[1] is not None:
            self.bad(col, value, hit[1])
        return hit[0]

    def resolve(self, col: str, value: str, labels: tuple[str, ...]) -> str | None:
        found, error = self.state.once(("resolve", labels, value), lambda: self.gaz.resolve(value, labels)[0])
        if error is not None:
            self.bad(col, value, _unknown(labels[0]) + error)
        return found

    def _duplicate(self, pid: str, name: str) -> str | None:
        """The id to use, or None when the row repeats one already read (merged, with a warning)."""
        cells = self.raw
        if pid in self.state.seen:
            where, line, before = self.state.seen[pid]
            if before == cells:
                warn(f"{self.file}: row {self.line}: field {self.columns['name']!r}: value {name!r}: "
                     f"与第 {line} 行完全相同，已合并 / the same row as row {line}: merged")
            else:
                self.bad("name", name, f"同一项目已在第 {line} 行 / the same project is already on row {line}")
            return None
        self.state.seen[pid] = (self.file, self.line, cells)
        key = duplicate_key(name, self.state.folds)
        other = self.state.keys.get(key)
        if other is not None and other[0] != pid:
            self.state.duplicate_lines.append(
                f"{self.file}: row {self.line}: field {self.columns['name']!r}: value {name!r}: 疑似与 "
                f"{other[0]} 重复（{other[1]}）/ probable duplicate of {other[0]}")
            if self.state.opts.duplicates == "merge":
                return other[0]
        else:
            self.state.keys.setdefault(key, (pid, f"第 {self.line} 行 / row {self.line}"))
        return pid

    def _amount(self, col: str) -> Amount | None:
        amount = self.parse(col, lambda v: parse_amount(v, self.units[col]))
        if amount is None:
            return None
        if amount.low < 0:
            self.bad(col, self.cell(col), "金额不能为负 / an amount cannot be negative")
            return None
        if amount.high > MAX_PROJECT_YI:
            self.bad(col, self.cell(col), f"单个项目超过 {MAX_PROJECT_YI:g} 亿元，请检查单位（亿元/万元）/ more than "
                                          f"{MAX_PROJECT_YI:,.0f}亿元 for one project: check the unit (亿元 or 万元)")
            return None
        return amount

    def build(self) -> Amount | None:
        name = self.cell("name")
        if name is None:
            if any(self.cell(c) is not None for c in self.columns):
                self.bad("name", None, "缺少项目名称 / a project needs a name")
            return None
        name = str(name)
        own = f"project:{self.cell('id') or name}"
        pid = self._duplicate(own, name)
        if pid is None:
            return None
        if pid != own:
            name = self.gaz.name_of(pid) or self.ds.nodes[pid].props["name"]
        props = {"name": name}
        values = self.values  # a blank cell is None: its parsing is skipped, not just its value
        amount = self._amount("amount") if values.get("amount") is not None else None
        if amount is not None and amount.is_range:
            props["amount_min_yi"], props["amount_max_yi"] = amount.low, amount.high
        elif amount is not None:
            props["amount_yi"] = amount.low
        if amount is not None and amount.approx:
            props["amount_approx"] = True
        funds = self._amount("funds") if values.get("funds") is not None else None
        if funds is not None and funds.is_range:
            self.bad("funds", self.cell("funds"), "到位资金须为一个数 / funds in place must be one figure, not a range")
        elif funds is not None:
            props["funds_in_place_yi"] = funds.low
            if funds.approx:
                props["funds_in_place_approx"] = True
        signed = self.parse("signed_on", parse_partial_date) if values.get("signed_on") is not None else None
        if signed is not None and len(signed) == 10:
            props["signed_on"] = date.fromisoformat(signed)
        elif signed is not None:
            props["signed_in"] = signed  # a month or a year: never an invented day
        props["stage"], props["status"] = self.parse("stage", reports.stage_or_status) or (None, None)
        if values.get("status") is not None:
            props["status"] = self.parse("status", reports.parse_status)
        for flag in ("fortune500_or_central_soe", "new_industry"):
            if values.get(flag) is not None:
                props[flag] = self.parse(flag, lambda v: get_schema().label("Project").properties[flag].coerce(v))
        given = {m: self.parse(m, parse_partial_date) if values.get(m) is not None else None
                 for m in reports.MILESTONE_OF}
        props.update(reports.milestones(props["stage"], self.state.as_of, given))
        if self.state.as_of is not None:
            props[reports.AS_OF] = self.state.as_of
        self.ds.add_node(NodeRecord("Project", pid, {k: v for k, v in props.items() if v is not None}, self.src))
        self._edge("REPORTED", pid, self.src[0], reports.reported(props, self.state.as_of))
        self._links(pid, props)
        return amount

    def _edge(self, rtype, start, end, props=None):
        self.ds.add_edge(EdgeRecord(rtype, start, end, props or {}, self.src))

    def _new(self, label: str, name: str) -> str:
        nid = self.state.made.get((label, name))
        if nid is None:  # the same record again would change nothing: same name, same source
            nid = get_schema().label(label).make_id({"name": name})
            self.ds.add_node(NodeRecord(label, nid, {"name": name}, self.src))
            self.state.made[(label, name)] = nid
        return nid

    def _links(self, pid: str, props: dict) -> None:
        county = self.cell("county")
        if county is not None and (cid := self._county(str(county))):
            self._edge("LOCATED_IN", pid, cid)
        elif county is None and self.default_county:
            self._edge("LOCATED_IN", pid, self.default_county)
        values = self.values
        event = values.get("event")
        if event is not None and (eid := self._event(str(event))):
            discussed = props.get("stage") in ("推介", "在谈")
            self._edge("DISCUSSED" if discussed else "SIGNED", eid, pid)
        if values.get("industry") is not None:
            for part in self._split("industry"):
                self._edge("IN_INDUSTRY", pid, self._known_or_new("Industry", part))
        if values.get("chamber") is not None:
            for part in self._split("chamber"):
                if cid := self.resolve("chamber", part, ("Chamber",)):
                    self._edge("INTRODUCED", cid, pid)
        if values.get("person") is not None:
            for part in self._split("person"):
                self._edge("INTRODUCED", self._known_or_new("Person", part), pid)
        if values.get("investor") is not None:
            for part in self._split("investor"):
                self._edge("INVESTS_IN", self._known_or_new("Company", part), pid)

    def _county(self, text: str) -> str | None:
        found, reason = self.state.once(("county", text), lambda: resolve_county(self.gaz, text))
        if reason is None:
            return found
        if "开发区" in text or "新区" in text or "园区" in text:
            self.bad("county", text, f"是哪一个开发区？请写全称 / which zone is meant? name it in full; {reason}")
        else:
            self.bad("county", text, _unknown("County") + reason)
        return None

    def _split(self, col: str) -> list[str]:
        value = self.cell(col)
        if value is None:
            return []
        text = str(value)
        parts = self.state.splits.get(text)
        if parts is None:
            parts = self.state.splits[text] = [p.strip() for p in _SPLIT.split(text) if p.strip()]
        return parts

    def _known_or_new(self, label: str, name: str) -> str:
        nid = self.state.made.get((label, name))
        if nid is not None:
            return nid
        found, _ = self.state.once(("resolve", (label,), name), lambda: self.gaz.resolve(name, (label,))[0])
        if found is not None:
            self.state.made[(label, name)] = found
            return found
        return self._new(label, name)

    def _event(self, text: str) -> str | None:
        found, reason = self.state.parsed.get(("event", text)) or (None, None)
        if found is None and reason is None:
            found, reason = self.state.parsed[("event", text)] = self._find_event(text)
        if reason is not None:
            self.bad("event", text, reason)
        return found

    def _find_event(self, text: str) -> tuple[str | None, str | None]:
        """(id, None) of an event by id, name or alias, or of the one event held on a date the text
        gives; else (None, why not)."""
        try:
            return self.gaz.resolve(text, ("Event",))[0], None
        except ResolutionError as exc:
            m = _DATE_IN_TEXT.search(text)
            if m:
                try:
                    day: date = parse_date(m.group(0))
                except ValueError:
                    day = None
                hits = self.gaz.events_on(day) if day else []
                if len(hits) == 1:
                    return hits[0], None
                if len(hits) > 1:
                    return None, f"当天有 {len(hits)} 个活动 / {len(hits)} events on {day}; name the event or its id"
            return None, _unknown("Event") + str(exc).split(": ", 1)[-1]


_UNKNOWN = {"County": "未知县区", "Chamber": "未知商会", "Event": "未知活动", "Person": "未知人物", "Company": "未知企业"}


def _unknown(label: str) -> str:
    return f"{_UNKNOWN.get(label, '无法识别')} / "
