"""Where a ledger sheet's header is and which rows are projects: title rows, blank rows and a merged
title above the header; a two-row header (总投资 over 亿元, 项目进展 over 阶段) joined into one; 合计 /
小计 rows, 注 / 填报人 footers and 一、 section headings skipped wherever they stand; cells merged down
a block of rows filled in. What a project row means is loaders.ledger's.

>>> from loaders.ledger_table import Sheet
>>> s = Sheet("代县", [["2018年招商引资项目台账"], [], ["序号", "项目名称", "总投资"], [None, None, "万元"],
...                   [1, "甲", 5000], ["合计", None, 5000], ["填报人：张三"]], merged=[(3, 1, 4, 1), (3, 2, 4, 2)])
>>> lay = find_layout("l.xlsx", s)
>>> lay.header_row, lay.header, lay.rows
(3, ['序号', '项目名称', '总投资(万元)'], [(5, [1, '甲', 5000])])
>>> [(n, kind) for n, kind, _ in lay.skipped]
[(6, 'total'), (7, 'footer')]
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from graph.errors import Problem
from loaders.ledger_reports import REPORT_COLUMNS
from loaders.ledger_table import Sheet
from loaders.text import fold, to_simplified

# canonical column → accepted headers without their unit (compared after _norm_header).
COLUMNS: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "序", "no.", "no"),
    "id": ("项目编号", "编号", "id", "project_id"),
    "name": ("项目名称", "项目", "名称", "name", "project"),
    "county": ("所属县区", "县区", "所在县区", "县(市、区)", "县(市,区)", "县市区", "所属县(市、区)", "county"),
    "amount": ("总投资", "投资额", "计划总投资", "项目总投资", "投资总额", "协议投资额", "amount"),
    "industry": ("产业", "所属产业", "行业", "所属行业", "产业类别", "industry"),
    "signed_on": ("签约时间", "签约日期", "signed_on", "signed"),
    "event": ("签约活动", "活动", "event"),
    "chamber": ("引荐商会", "商会", "introduced_by_chamber", "chamber"),
    "person": ("引荐人", "introduced_by_person", "introducer"),
    "investor": ("投资方", "投资企业", "投资主体", "投资商", "签约企业", "investor"),
    "stage": ("阶段", "项目阶段", "进展", "项目进展", "stage"),
    "funds": ("到位资金", "累计到位资金", "实际到位资金", "资金到位", "funds_in_place"),
    "fortune500_or_central_soe": ("500强/央企", "500强或央企", "世界500强/央企", "fortune500_or_central_soe"),
    "new_industry": ("新兴产业", "新型产业", "new_industry"),
    **REPORT_COLUMNS,  # status and milestone dates: what a report says over time (loaders.ledger_reports)
    # personal contact data: recognised so that it is named in the warning, never loaded
    "contact": ("联系人", "联系电话", "电话", "手机", "联系方式", "手机号码", "项目联系人", "企业联系人",
                "contact", "phone"),
}
# English headers that carry their unit in the name
_UNIT_NAMES = {"amount_yi": ("amount", "亿元"), "amount_wan": ("amount", "万元"),
               "funds_in_place_yi": ("funds", "亿元"), "funds_in_place_wan": ("funds", "万元")}
UNITS = ("亿元", "万元")
_UNIT_SUFFIX = re.compile(r"^(.+?)[(/]?(?:单位[:：])?(亿元|万元|亿|万)\)?$")
_UNIT_ONLY = re.compile(r"^\(?(?:单位[:：]?)?(亿元|万元|亿|万)\)?$")
_UNIT_HINT = re.compile(r"(?:单位(?:为|是)?[:：]?|以|[(])(亿元|万元)")

_TOTAL = re.compile(r"^(合计|总计|共计|总合计|累计合计)|(合计|总计)$")
_SUBTOTAL = re.compile(r"^小计|小计$")
_FOOTER = re.compile(r"^((注\d*|说明|备注|附注)[:：]|(填报人|审核人|填表人|制表人|填报单位|单位负责人|负责人|统计人|"
                     r"填报日期|制表日期|分管领导|主要领导))")
_SECTION = re.compile(r"^([一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）])")
HEADER_SCAN = 30  # rows looked at for the header


def norm_header(h) -> str:
    return unicodedata.normalize("NFKC", str(h)).strip().lower().replace(" ", "").replace("\u3000", "") \
        .replace("（", "(").replace("）", ")").replace("\n", "")


_INDEX = {norm_header(h): col for col, hs in COLUMNS.items() for h in hs}


def match_header(text) -> tuple[str, str | None] | None:
    """(canonical column, unit or None) of a header, or None for a column the project does not know.

    >>> match_header("总投资（万元）"), match_header("到位资金"), match_header("联系电话")
    (('amount', '万元'), ('funds', None), ('contact', None))
    """
    if text is None or str(text).strip() == "":
        return None
    key = norm_header(text)
    if key in _UNIT_NAMES:
        return _UNIT_NAMES[key]
    if key in _INDEX:
        return _INDEX[key], None
    m = _UNIT_SUFFIX.match(key)
    if m and m[1].rstrip("(/") in _INDEX and _INDEX[m[1].rstrip("(/")] in ("amount", "funds"):
        return _INDEX[m[1].rstrip("(/")], m[2] if m[2].endswith("元") else m[2] + "元"
    return None


@dataclass
class Layout:
    header_row: int = 0
    header: list[str] = field(default_factory=list)
    header_rows: int = 1
    rows: list[tuple[int, list]] = field(default_factory=list)
    skipped: list[tuple[int, str, str]] = field(default_factory=list)  # (row, kind, text)
    totals: list[tuple[int, list]] = field(default_factory=list)       # 合计/总计 rows, for the check
    title: list[str] = field(default_factory=list)
    unit_hint: str | None = None    # a unit the title or a note gives for the whole sheet
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


_SPACES = re.compile(r"\s+")
_SEP = "\x00"  # joins texts for one OpenCC call; no dictionary entry holds it, so no phrase spans two texts


class Folds(dict):
    """`loaders.text.fold` of many texts, remembered, and computed for a batch in one OpenCC call:
    a 50,000-row ledger folds every project name (to spot 合计 rows, then duplicates), and one call
    over all of them costs a fraction of 50,000 calls.

    >>> f = Folds()
    >>> f.prime(["五臺縣", "代　县 ", "深圳山西商會"])
    >>> [f(t) for t in ("五臺縣", "代　县 ", "深圳山西商會")] == [fold(t) for t in ("五臺縣", "代　县 ", "深圳山西商會")]
    True
    """

    def prime(self, texts) -> None:
        todo = list(dict.fromkeys(t for t in texts if isinstance(t, str) and t not in self))
        if not todo:
            return
        nfkc = [unicodedata.normalize("NFKC", t) for t in todo]
        parts = None
        if not any(_SEP in t for t in nfkc):
            parts = _SPACES.sub("", to_simplified(_SEP.join(nfkc))).split(_SEP)
        if parts is None or len(parts) != len(todo):  # never expected; the one-by-one form is the reference
            parts = [fold(t) for t in todo]
        self.update(zip(todo, parts))

    def __call__(self, text) -> str:
        hit = self.get(text)
        if hit is None:
            hit = self[text] = fold(text)
        return hit


def _filled(v) -> bool:
    return v is not None and (v.strip() != "" if isinstance(v, str) else str(v).strip() != "")


def find_layout(file: str, sheet: Sheet, folds: Folds | None = None) -> Layout:
    """`folds` may be shared with the caller, which folds the same names again."""
    folds = Folds() if folds is None else folds
    lay = Layout()
    rows = sheet.rows
    first = sheet.first_row
    width = max((len(r) for r in rows), default=0)
    if sheet.csv and rows:
        width = 0  # a CSV row may not outrun its header: the header decides the width below
    top = _header_index(rows)
    if top is None:
        return lay
    lay.header_row = first + top
    head = list(rows[top]) + [None] * (max(width, len(rows[top])) - len(rows[top]))
    width = len(head)
    hmerged = [m for m in sheet.merged if m[0] == lay.header_row and m[3] > m[1]]
    for r1, c1, r2, c2 in hmerged:  # a group header (项目进展 over two columns) stands over each
        for c in range(c1 + 1, min(c2, width) + 1):
            if not _filled(head[c - 1]):
                head[c - 1] = head[c1 - 1]
    lay.header = ["" if not _filled(v) else str(v).strip() for v in head]
    below = top + 1
    if below < len(rows) and _is_subheader(lay.header, rows[below], sheet, lay.header_row):
        sub = list(rows[below]) + [None] * (width - len(rows[below]))
        lay.header = [_join(t, sub[i] if i < len(sub) else None) for i, t in enumerate(lay.header)]
        lay.header_rows = 2
        below += 1
    for r in rows[:top]:
        lay.title += [str(v).strip() for v in r if _filled(v)]
    name_at = next((i for i, h in enumerate(lay.header) if (match_header(h) or ("",))[0] == "name"), None)
    data_merged = [m for m in sheet.merged if m[0] >= first + below]
    skipped_rows: set[int] = set()
    hints: list[str] = []
    body: list[tuple[int, list, object]] = []  # (row number, cells, first filled cell)
    for i in range(below, len(rows)):
        cells = list(rows[i])
        number = first + i
        lead = next((v for v in cells if _filled(v)), None)
        if lead is None:
            continue  # a blank line
        if sheet.csv and len(cells) > width:
            if any(_filled(v) for v in cells[width:]):
                lay.problems.append(Problem(file, number, None, None,
                                            f"字段过多 / too many fields ({len(cells)}, header has {width})"))
                continue
        cells = (cells + [None] * width)[:width] if sheet.csv or len(cells) < width else cells
        body.append((number, cells, lead))
    folds.prime(v for _, cells, lead in body
                for v in (lead, cells[name_at] if name_at is not None and name_at < len(cells) else None))
    for number, cells, lead in body:
        kind, text = _classify(cells, name_at, lead, folds)
        if kind:
            lay.skipped.append((number, kind, text))
            skipped_rows.add(number)
            if kind == "total":
                lay.totals.append((number, cells))
            if kind in ("footer", "total", "subtotal"):
                hints += _UNIT_HINT.findall(fold(text))
            continue
        lay.rows.append((number, cells))
    for t in lay.title:
        hints += _UNIT_HINT.findall(fold(t))
    if len(set(hints)) == 1:
        lay.unit_hint = hints[0]
    _fill_down(file, lay, data_merged, skipped_rows)
    return lay


def _header_index(rows) -> int | None:
    """The first of the top rows with two known headers (or the 项目名称 column); else the first row
    with any value, so that a header of unknown columns is still reported as one."""
    first_filled = None
    for i, r in enumerate(rows[:HEADER_SCAN]):
        if not any(_filled(v) for v in r):
            continue
        if first_filled is None:
            first_filled = i
        hits = [m[0] for v in r if (m := match_header(v))]
        if len(hits) >= 2 or "name" in hits:
            return i
    return first_filled


def _is_subheader(header: list[str], row: list, sheet: Sheet, header_row: int) -> bool:
    """The row under the header is a second header row when it holds only units or header words
    (no number, nothing under the 项目名称 column but a merged cell)."""
    values = [v for v in row if _filled(v)]
    if not values or any(not isinstance(v, str) for v in values):
        return False
    known = 0
    for i, v in enumerate(row):
        if not _filled(v):
            continue
        if _UNIT_ONLY.match(norm_header(v)) or match_header(v) or \
                (i < len(header) and match_header(_join(header[i], v))):
            known += 1
        else:
            return False
    return known > 0


def _join(top: str, bottom) -> str:
    """One header from two rows: 总投资 / 亿元 → 总投资(亿元); 项目进展 / 阶段 → 阶段."""
    if not _filled(bottom) or str(bottom).strip() == top:
        return top
    bottom = str(bottom).strip()
    unit = _UNIT_ONLY.match(norm_header(bottom))
    if unit:
        u = unit[1] if unit[1].endswith("元") else unit[1] + "元"
        return f"{top}({u})" if top else bottom
    if match_header(bottom):
        return bottom
    if top and match_header(top + bottom):
        return top + bottom
    return f"{top}/{bottom}" if top else bottom


def _classify(cells: list, name_at: int | None, first, folds: Folds) -> tuple[str | None, str]:
    """Why a row is not a project ('total', 'subtotal', 'footer', 'section'), or None. `first` is
    the row's first filled cell."""
    candidates = [first] + ([cells[name_at]] if name_at is not None and name_at < len(cells) else [])
    for v in candidates:
        t = folds(v) if isinstance(v, str) else ""
        if not t:
            continue
        if _SUBTOTAL.search(t):
            return "subtotal", str(v).strip()
        if _TOTAL.search(t):
            return "total", str(v).strip()
        if _FOOTER.match(t):
            return "footer", " ".join(str(c).strip() for c in cells if _filled(c))
    t = folds(first) if isinstance(first, str) else ""
    if t and _SECTION.match(t) and len({str(v) for v in cells if _filled(v)}) <= 2:
        return "section", str(first).strip()
    return None, ""


def _fill_down(file: str, lay: Layout, merged, skipped_rows: set[int]) -> None:
    """Cells merged down several rows (a county written once for a block of projects) get the value
    in every row, as the spreadsheet shows it. Cells merged across the columns of a project row have
    no such reading (which column holds the value?) and are refused; in a 合计 or 注 row they are
    only layout."""
    by_number = {n: cells for n, cells in lay.rows}
    last = max(by_number, default=0)
    for r1, c1, r2, c2 in merged:
        if c2 != c1:
            if any(r in by_number for r in range(r1, r2 + 1)):
                from openpyxl.utils import get_column_letter

                coord = f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}"
                lay.problems.append(Problem(file, r1, None, coord,
                                            "单元格跨列合并 / cells merged across columns: unmerge them"))
            continue
        if r2 == r1 or r1 not in by_number or c1 > len(by_number[r1]):
            continue
        value = by_number[r1][c1 - 1]
        if not _filled(value):
            continue
        for r in range(r1 + 1, min(r2, last) + 1):  # a whole-column merge stops at the data
            if r in by_number and c1 <= len(by_number[r]):
                by_number[r][c1 - 1] = value
        from openpyxl.utils import get_column_letter

        coord = f"{get_column_letter(c1)}{r1}:{get_column_letter(c1)}{r2}"
        lay.notes.append(f"合并单元格 {coord} 的值 {value!r} 已填入第 {r1}–{min(r2, last)} 行 / merged cells "
                         f"{coord}: {value!r} filled into each of rows {r1}–{min(r2, last)}")
