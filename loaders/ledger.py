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

import logging
import re
import unicodedata
from datetime import date
from pathlib import Path

import pandas as pd

from graph.errors import Problem, ResolutionError, ValidationError
from graph.records import Dataset, EdgeRecord, NodeRecord
from graph.schema import get_schema
from loaders.bundled import bundled_gazetteer
from loaders import ledger_reports as reports
from loaders.gazetteer import Gazetteer
from loaders.ledger_table import read_table
from loaders.values import normalize_text, parse_amount_yi, parse_date

log = logging.getLogger(__name__)

# canonical column → accepted headers (compared after NFKC, lower case, spaces removed).
COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("项目编号", "编号", "id", "project_id"),
    "name": ("项目名称", "项目", "name", "project"),
    "county": ("所属县区", "县区", "所在县区", "县(市、区)", "county"),
    "amount_yi": ("总投资(亿元)", "总投资", "投资额(亿元)", "amount_yi", "amount"),
    "amount_wan": ("总投资(万元)", "投资额(万元)", "amount_wan"),
    "industry": ("产业", "所属产业", "行业", "industry"),
    "signed_on": ("签约时间", "签约日期", "signed_on", "signed"),
    "event": ("签约活动", "活动", "event"),
    "chamber": ("引荐商会", "商会", "introduced_by_chamber", "chamber"),
    "person": ("引荐人", "introduced_by_person", "introducer"),
    "investor": ("投资方", "投资企业", "投资主体", "investor"),
    "stage": ("阶段", "项目阶段", "进展", "stage"),
    "funds_yi": ("到位资金(亿元)", "到位资金", "funds_in_place_yi", "funds_in_place"),
    "funds_wan": ("到位资金(万元)", "funds_in_place_wan"),
    "fortune500_or_central_soe": ("500强/央企", "500强或央企", "世界500强/央企", "fortune500_or_central_soe"),
    "new_industry": ("新兴产业", "新型产业", "new_industry"),
    **reports.REPORT_COLUMNS,  # status and milestone dates: what a report says over time
}
STAGES = reports.STAGES
_SPLIT = re.compile(r"[、,，;；/]")
_DATE_IN_TEXT = re.compile(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?")


def _norm_header(h) -> str:
    return unicodedata.normalize("NFKC", str(h)).strip().lower().replace(" ", "").replace("（", "(").replace("）", ")")


_HEADER_INDEX = {_norm_header(h): col for col, hs in COLUMNS.items() for h in hs}


def load_ledger(path, *, source_name: str | None = None, synthetic: bool = False,
                title: str | None = None, publisher: str | None = None,
                gazetteer: Gazetteer | None = None, as_of: date | None = None) -> Dataset:
    """Read one ledger; the whole file is one Source (`source:{source_name or file stem}`), a
    report as of `as_of` (else the date its title or file name gives; loaders.ledger_reports)."""
    path = Path(path)
    file = str(path)
    gaz = gazetteer if gazetteer is not None else bundled_gazetteer()
    table = read_table(path)
    for note in table.notes:
        log.warning("note: %s", note)
    columns, problems = _columns(file, table)
    if not problems and not table.rows and not table.problems:
        problems.append(Problem(file, None, None, None, "没有项目行 / no project rows under the header"))
    if problems or table.problems:
        raise ValidationError(problems + table.problems)

    sid = f"source:{source_name or path.stem}"
    as_of, said_by = reports.report_as_of(path, as_of, title, table)
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
    seen: dict[str, int] = {}
    for number, cells in table.rows:
        row = {header: cells[index] for col, (header, index) in columns.items()}
        _Row(file, number, row, {col: header for col, (header, _) in columns.items()},
             gaz, ds, src, problems, seen, as_of).build()
    for reason in ([] if problems else ds.check(get_schema(), gaz.known_ids())):
        problems.append(Problem(file, None, None, None, reason))
    if problems:
        raise ValidationError(problems)
    return ds


def _columns(file: str, table) -> tuple[dict[str, tuple[str, int]], list[Problem]]:
    """Canonical column → (its header, its index); each header problem once, with column numbers."""
    if not table.header:
        return {}, [Problem(file, None, None, None, "空文件 / the file is empty: no header row")]
    columns: dict[str, tuple[str, int]] = {}
    first: dict[str, int] = {}
    problems: list[Problem] = []
    row = table.header_row
    for index, header in enumerate(table.header):
        if not header:
            if any(_has_value(cells[index]) for _, cells in table.rows):
                problems.append(Problem(file, row, None, None,
                                        f"第 {index + 1} 列有数据但没有列名 / column {index + 1} has values but no header"))
            continue
        key = _norm_header(header)
        if key in first:
            problems.append(Problem(file, row, header, None, f"重复的列 / duplicate column {header} "
                                                             f"(columns {first[key] + 1} and {index + 1})"))
            continue
        first[key] = index
        col = _HEADER_INDEX.get(key)
        if col is None:
            problems.append(Problem(file, row, header, None,
                                    "unknown column; see README 'Project ledgers' for the accepted headers"))
        elif col in columns:
            other, at = columns[col]
            problems.append(Problem(file, row, header, None, f"duplicates column {other!r} "
                                                             f"(columns {at + 1} and {index + 1})"))
        else:
            columns[col] = (header, index)
    if "name" not in columns:
        problems.append(Problem(file, row, "项目名称", None, "required column is missing"))
    return columns, problems


def _has_value(v) -> bool:
    return v is not None and str(v).strip() != ""


EXCEL_SERIALS = (18264, 73051)  # 1950-01-01 … 2099-12-31 as Excel day numbers


def _date(value) -> date:
    """A date as parse_date reads it, or an Excel day number (a date cell that lost its format)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if EXCEL_SERIALS[0] <= value <= EXCEL_SERIALS[1] and float(value).is_integer():
            from openpyxl.utils.datetime import from_excel

            return from_excel(value).date()
    return parse_date(value)


class _Row:
    def __init__(self, file, line, row, columns, gaz, ds, src, problems, seen, as_of=None):
        self.file, self.line, self.row, self.columns = file, line, row, columns
        self.gaz, self.ds, self.src, self.problems, self.seen = gaz, ds, src, problems, seen
        self.as_of = as_of

    def cell(self, col: str):
        if col not in self.columns:
            return None
        v = self.row.get(self.columns[col])
        if v is None or (isinstance(v, float) and pd.isna(v)):
            return None
        if isinstance(v, str):
            v = normalize_text(v)
            return v or None
        return v

    def bad(self, col: str, value, reason: str):
        self.problems.append(Problem(self.file, self.line, self.columns.get(col, col), value, reason))

    def parse(self, col: str, fn):
        value = self.cell(col)
        if value is None:
            return None
        try:
            return fn(value)
        except ValueError as exc:
            self.bad(col, value, str(exc))
            return None

    def resolve(self, col: str, value: str, labels: tuple[str, ...]) -> str | None:
        try:
            return self.gaz.resolve(value, labels)[0]
        except ResolutionError as exc:
            self.bad(col, value, str(exc).split(": ", 1)[-1])
            return None

    def build(self) -> None:
        name = self.cell("name")
        if name is None:
            if any(self.cell(c) is not None for c in self.columns):
                self.bad("name", None, "a project needs a name")
            return
        name = str(name)
        pid = f"project:{self.cell('id') or name}"
        if pid in self.seen:
            self.bad("name", name, f"the same project is already on row {self.seen[pid]}")
            return
        self.seen[pid] = self.line
        props = {"name": name}
        amount = self.parse("amount_yi", parse_amount_yi)
        wan = self.parse("amount_wan", lambda v: parse_amount_yi(v, "万元"))
        props["amount_yi"] = amount if amount is not None else wan
        funds = self.parse("funds_yi", parse_amount_yi)
        funds_wan = self.parse("funds_wan", lambda v: parse_amount_yi(v, "万元"))
        props["funds_in_place_yi"] = funds if funds is not None else funds_wan
        for value in (props["amount_yi"], props["funds_in_place_yi"]):
            if value is not None and value < 0:
                self.bad("amount_yi", value, "an amount cannot be negative")
        props["signed_on"] = self.parse("signed_on", _date)
        props["stage"], props["status"] = self.parse("stage", reports.stage_or_status) or (None, None)
        if self.cell("status") is not None:
            props["status"] = self.parse("status", reports.parse_status)
        for flag in ("fortune500_or_central_soe", "new_industry"):
            props[flag] = self.parse(flag, lambda v: get_schema().label("Project").properties[flag].coerce(v))
        given = {m: self.parse(m, lambda v: reports.partial_date(v, _date)) for m in reports.MILESTONE_OF}
        props.update(reports.milestones(props["stage"], self.as_of, given))
        if self.as_of is not None:
            props[reports.AS_OF] = self.as_of
        self.ds.add_node(NodeRecord("Project", pid, {k: v for k, v in props.items() if v is not None}, self.src))
        self._edge("REPORTED", pid, self.src[0], reports.reported(props, self.as_of))
        self._links(pid, props)

    def _edge(self, rtype, start, end, props=None):
        self.ds.add_edge(EdgeRecord(rtype, start, end, props or {}, self.src))

    def _new(self, label: str, name: str) -> str:
        nid = get_schema().label(label).make_id({"name": name})
        self.ds.add_node(NodeRecord(label, nid, {"name": name}, self.src))
        return nid

    def _links(self, pid: str, props: dict) -> None:
        county = self.cell("county")
        if county is not None and (cid := self.resolve("county", str(county), ("County",))):
            self._edge("LOCATED_IN", pid, cid)
        event = self.cell("event")
        if event is not None and (eid := self._event(str(event))):
            discussed = props.get("stage") in ("推介", "在谈")
            self._edge("DISCUSSED" if discussed else "SIGNED", eid, pid)
        for part in self._split("industry"):
            self._edge("IN_INDUSTRY", pid, self._known_or_new("Industry", part))
        for part in self._split("chamber"):
            if cid := self.resolve("chamber", part, ("Chamber",)):
                self._edge("INTRODUCED", cid, pid)
        for part in self._split("person"):
            self._edge("INTRODUCED", self._known_or_new("Person", part), pid)
        for part in self._split("investor"):
            self._edge("INVESTS_IN", self._known_or_new("Company", part), pid)

    def _split(self, col: str) -> list[str]:
        value = self.cell(col)
        return [p.strip() for p in _SPLIT.split(str(value)) if p.strip()] if value is not None else []

    def _known_or_new(self, label: str, name: str) -> str:
        try:
            return self.gaz.resolve(name, (label,))[0]
        except ResolutionError:
            return self._new(label, name)

    def _event(self, text: str) -> str | None:
        """An event by id, name or alias, or by the one event held on a date the text gives."""
        try:
            return self.gaz.resolve(text, ("Event",))[0]
        except ResolutionError as exc:
            m = _DATE_IN_TEXT.search(text)
            if m:
                try:
                    day: date = parse_date(m.group(0))
                except ValueError:
                    day = None
                hits = self.gaz.events_on(day) if day else []
                if len(hits) == 1:
                    return hits[0]
                if len(hits) > 1:
                    self.bad("event", text, f"{len(hits)} events on {day}; name the event or its id")
                    return None
            self.bad("event", text, str(exc).split(": ", 1)[-1])
            return None
