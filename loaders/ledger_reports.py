"""A ledger as a report as of a date: its as-of date, the values it reports per project, and
the milestone dates they imply. loaders.ledger reads the cells; this module says what a report
means over time (docs/SCHEMA.md, REPORTED).

- The as-of date comes from `--as-of`, else the title (2018年11月… → 2018-11-30: a month's
  report speaks for its last day), else the file name (台账-2018-11.xlsx, ledger_20181130.csv).
- Each project row gives a REPORTED edge Project→Source with the report's as_of, stage,
  amount_yi, funds_in_place_yi and status, and the Project node the same values with
  `reported_as_of`: the latest report wins when records meet (graph.records.merge_props) and in
  the database (graph.cypher_write.reported_guard).
- Stages are ordered (推介 < 在谈 < 签约 < 落地 < 开工 < 投产). A report at 落地 or later dates the
  落地 milestone (`landed_on`): the ledger's 落地时间 when it has one, else the report's as-of
  date; likewise 开工 (`started_on`) and 投产 (`in_production_on`). The earliest date wins.
- 终止, 暂停 and 停滞 are statuses (in a 状态 column, or written in the stage column); a project
  a later ledger leaves out keeps its status.

>>> as_of_from_text("2018年11月忻州市招商引资项目台账")
datetime.date(2018, 11, 30)
>>> stage_or_status("已终止"), stage_or_status("已开工")
((None, '终止'), ('开工', None))
>>> milestones("开工", date(2018, 11, 30), {"landed_on": "2018-05"})
{'landed_on': '2018-05', 'started_on': '2018-11-30'}
"""
from __future__ import annotations

import calendar
import re
from datetime import date
from pathlib import Path

from graph.records import AS_OF  # noqa: F401  (the Project property holding its report's date)

# Ledger columns this module reads (loaders.ledger adds them to its own COLUMNS).
REPORT_COLUMNS: dict[str, tuple[str, ...]] = {
    "status": ("状态", "项目状态", "status"),
    "landed_on": ("落地时间", "落地日期", "landed_on"),
    "started_on": ("开工时间", "开工日期", "started_on"),
    "in_production_on": ("投产时间", "投产日期", "in_production_on"),
}
STAGE_ORDER = ("推介", "在谈", "签约", "落地", "开工", "投产")
STAGES = {
    "推介": "推介", "promoted": "推介", "在谈": "在谈", "洽谈": "在谈", "negotiating": "在谈",
    "签约": "签约", "signed": "签约", "落地": "落地", "landed": "落地", "开工": "开工", "started": "开工",
    "投产": "投产", "in production": "投产", "in_production": "投产",
}
# A status is not a stage: a terminated project keeps the stage it reached. None: going on.
STATUSES = {
    "终止": "终止", "terminated": "终止", "取消": "终止", "暂停": "暂停", "paused": "暂停",
    "停滞": "停滞", "stalled": "停滞", "正常": None, "在建": None, "正常推进": None, "active": None,
}
MILESTONE_OF = {"landed_on": "落地", "started_on": "开工", "in_production_on": "投产"}

_CN_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
_SEP_DATE = re.compile(r"(?<!\d)(\d{4})[-_./](\d{1,2})(?:[-_./](\d{1,2}))?(?!\d)")
_RUN_DATE = re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})?(?!\d)")
_MONTH = re.compile(r"^\s*(\d{4})\s*(?:年\s*(\d{1,2})\s*月?|[-./](\d{1,2}))\s*$")


def as_of_from_text(text: str | None) -> date | None:
    """The report date a title or file name gives; a month alone means its last day.

    >>> as_of_from_text("台账-2018-10"), as_of_from_text("ledger_20181115"), as_of_from_text("台账")
    (datetime.date(2018, 10, 31), datetime.date(2018, 11, 15), None)
    """
    if not text:
        return None
    for pattern in (_CN_DATE, _SEP_DATE, _RUN_DATE):
        for m in pattern.finditer(text):
            year, month, day = int(m.group(1)), int(m.group(2)), m.group(3)
            if not (1990 <= year <= 2100 and 1 <= month <= 12):
                continue
            last = calendar.monthrange(year, month)[1]
            if day is None:
                return date(year, month, last)
            if 1 <= int(day) <= last:
                return date(year, month, int(day))
    return None


def report_as_of(path: Path, as_of: date | None, title: str | None, table=None) -> tuple[date | None, str]:
    """(as-of date, where it came from): the option, the title given, the sheet's title rows
    (when the reader keeps them as `table.title`), the file name; (None, "") when none says."""
    if as_of is not None:
        return as_of, "--as-of"
    for where, text in (("title", title), ("title row", getattr(table, "title", None)),
                        ("file name", path.stem)):
        found = as_of_from_text(text if isinstance(text, str) else " ".join(map(str, text or ())))
        if found is not None:
            return found, where
    return None, ""


def stage_or_status(value) -> tuple[str | None, str | None]:
    """A stage cell: (stage, None), or (None, status) when it gives a status such as 终止."""
    text = str(value).strip().lower().removeprefix("已")
    if text in STAGES:
        return STAGES[text], None
    if text in STATUSES:
        return None, STATUSES[text]
    raise ValueError(f"未知阶段 / unknown stage; use one of {', '.join(STAGE_ORDER)} "
                     f"(or a status: {', '.join(sorted({s for s in STATUSES.values() if s}))})")


def parse_status(value) -> str | None:
    text = str(value).strip().lower().removeprefix("已")
    if text not in STATUSES:
        raise ValueError("未知状态 / unknown status; use 终止, 暂停, 停滞 or 正常")
    return STATUSES[text]


def partial_date(value, full_date) -> str:
    """A milestone cell as an ISO partial date: a month stays a month (2018年5月, 2018.7 →
    2018-05, 2018-07); anything else is read by `full_date` (loaders.ledger's date reader)."""
    if isinstance(value, str) and (m := _MONTH.match(value)):
        month = int(m.group(2) or m.group(3))
        if not 1 <= month <= 12:
            raise ValueError("月份无效 / not a month")
        return f"{int(m.group(1)):04d}-{month:02d}"
    return full_date(value).isoformat()


def reached(stage: str | None, milestone: str) -> bool:
    """Whether a project at `stage` has passed `milestone` (stages are ordered)."""
    return stage in STAGE_ORDER and STAGE_ORDER.index(stage) >= STAGE_ORDER.index(milestone)


def milestones(stage: str | None, as_of: date | None, given: dict) -> dict[str, str]:
    """Milestone dates of one report's row: the ledger's own, else the as-of date for every
    milestone the stage has reached."""
    out = {}
    for key, milestone in MILESTONE_OF.items():
        if given.get(key) is not None:
            out[key] = given[key]
        elif as_of is not None and reached(stage, milestone):
            out[key] = as_of.isoformat()
    return out


def reported(props: dict, as_of: date | None) -> dict:
    """The REPORTED edge's properties for a project row's values (no Nones)."""
    out = {"as_of": as_of, **{k: props.get(k) for k in ("stage", "amount_yi", "funds_in_place_yi", "status")}}
    return {k: v for k, v in out.items() if v is not None}
