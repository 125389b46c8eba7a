"""Parsing of the values Chinese sources write: amounts in 亿元/万元, dates, full-width digits.

>>> parse_amount_yi("５０００万元")
0.5
>>> parse_amount_yi("1121.6亿元")
1121.6
>>> parse_date("2017年5月12日")
datetime.date(2017, 5, 12)
>>> parse_amount("约2亿"), parse_amount("1-2亿元")
(Amount(low=2.0, high=2.0, approx=True), Amount(low=1.0, high=2.0, approx=False))
>>> parse_partial_date("2018年5月"), parse_partial_date(43232)
('2018-05', '2018-05-12')
"""
from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime, timedelta
from typing import NamedTuple

import cn2an

_DATE_PATTERNS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
)
_AMOUNT = re.compile(r"^([-+]?\d+(?:\.\d+)?)\s*(亿元|亿|万元|万|元)?$")
_UNIT_TO_YI = {"亿元": 1.0, "亿": 1.0, "万元": 1e-4, "万": 1e-4, "元": 1e-8}
_DIGITS_AND_SEPARATORS = re.compile(r"[\d,，.]+")


def normalize_text(value) -> str:
    """NFKC folds full-width digits, letters and spaces into their ASCII forms.

    >>> normalize_text(" ２０１７ ")
    '2017'
    """
    text = unicodedata.normalize("NFKC", str(value)).strip()
    return text.replace(",", "").replace("，", "") if _DIGITS_AND_SEPARATORS.fullmatch(text) else text


def _finite(value) -> float:
    """A float that JSON, Neo4j's reports and sums can hold: NaN and ±Infinity are refused.

    >>> _finite(float("inf"))
    Traceback (most recent call last):
    ...
    ValueError: 不是有限数 / not a finite number
    """
    try:
        out = float(value)
    except OverflowError:
        raise ValueError("不是有限数 / not a finite number") from None
    if not math.isfinite(out):
        raise ValueError("不是有限数 / not a finite number")
    return out


def parse_date(value) -> date:
    """A date from 2017-05-12, 2017/5/12, 2017.5.12, 2017年5月12日 or a spreadsheet date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = normalize_text(value)
    if " " in text:  # spreadsheets sometimes carry "2017-05-12 00:00:00"
        text = text.split(" ", 1)[0]
    for pattern in _DATE_PATTERNS:
        m = pattern.match(text)
        if m:
            try:
                return date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                raise ValueError(f"not a calendar date") from None
    raise ValueError("expected a date like 2017-05-12, 2017/5/12 or 2017年5月12日")


def parse_number(value) -> float:
    """A plain number, allowing full-width digits, thousands separators and Chinese numerals."""
    if isinstance(value, bool):
        raise ValueError("expected a number")
    if isinstance(value, (int, float)):
        return _finite(value)
    text = normalize_text(value).replace(",", "")
    try:
        number = float(text)
    except ValueError:
        try:
            number = float(cn2an.cn2an(text, "smart"))
        except (ValueError, KeyError, TypeError):
            raise ValueError("expected a number") from None
    return _finite(number)


def parse_amount_yi(value, default_unit: str = "亿元") -> float:
    """An amount in 亿元; text may carry its own unit (亿元, 亿, 万元, 万, 元)."""
    if isinstance(value, bool):
        raise ValueError("不是金额 / expected an amount")
    if isinstance(value, (int, float)):
        return _finite(round(_finite(value) * _UNIT_TO_YI[default_unit], 10))
    text = normalize_text(value).replace(",", "").replace(" ", "")
    m = _AMOUNT.match(text)
    if m:
        unit = m[2] or default_unit
        return _finite(round(float(m[1]) * _UNIT_TO_YI[unit], 10))
    for unit in _UNIT_TO_YI:  # Chinese numerals: 五千万元, 三十亿元
        if text.endswith(unit):
            number = text[: -len(unit)]
            break
    else:
        number, unit = text, default_unit
    try:
        return _finite(round(float(cn2an.cn2an(number, "smart")) * _UNIT_TO_YI[unit], 10))
    except (ValueError, KeyError, TypeError):
        raise ValueError("不是金额 / expected an amount such as 57, 57亿元 or 5000万元") from None


# "约2亿", "2亿左右", "近5000万" are a figure with a hedge: the figure is kept and marked approximate.
# "十亿多", "5亿以上", "逾2亿" give only a lower bound: they are refused, not stored as a point.
_APPROX_BEFORE = ("大约", "约合", "约", "近")
_APPROX_AFTER = ("左右", "上下", "许")
_RANGE = re.compile(r"^(.+?)\s*(?:-|~|—|–|至|到)\s*(.+)$")
_UNIT_AT_END = re.compile(r"(亿元|亿|万元|万|元)$")


class Amount(NamedTuple):
    """An amount in 亿元 as written: a point (low == high), a range, or an approximate figure."""
    low: float
    high: float
    approx: bool = False

    @property
    def is_range(self) -> bool:
        return self.low != self.high


def parse_amount(value, default_unit: str = "亿元") -> Amount:
    """An amount that may be approximate (约2亿, 5亿元左右) or a range (1-2亿, 3000~5000万元).

    >>> parse_amount("5亿元左右")
    Amount(low=5.0, high=5.0, approx=True)
    >>> parse_amount("3000~5000万元", "亿元")
    Amount(low=0.3, high=0.5, approx=False)
    """
    if not isinstance(value, str):
        v = parse_amount_yi(value, default_unit)
        return Amount(v, v)
    text = normalize_text(value).replace(",", "").replace(" ", "")
    approx = False
    for word in _APPROX_BEFORE:
        if text.startswith(word) and len(text) > len(word):
            text, approx = text[len(word):], True
            break
    unit = _UNIT_AT_END.search(text)
    bare = text[: unit.start()] if unit else text
    for word in _APPROX_AFTER:
        if bare.endswith(word) and len(bare) > len(word):
            text, approx = bare[: -len(word)] + (unit[1] if unit else ""), True
            break
    m = _RANGE.match(text) if not text.startswith(("-", "+")) else None
    if m:
        tail = _UNIT_AT_END.search(m[2])
        low_text = m[1] if _UNIT_AT_END.search(m[1]) or not tail else m[1] + tail[1]  # 1-2亿: 亿 for both
        low, high = parse_amount_yi(low_text, default_unit), parse_amount_yi(m[2], default_unit)
        if low > high:
            raise ValueError("范围的下限大于上限 / the range's low end is above its high end")
        return Amount(low, high, approx)
    v = parse_amount_yi(text, default_unit)
    return Amount(v, v, approx)


EXCEL_SERIALS = (18264, 73051)  # 1950-01-01 … 2099-12-31 as Excel day numbers
_EXCEL_EPOCH = date(1899, 12, 30)  # Excel's day 0 (after its 1900 leap-year bug, for days > 60)
_PARTIAL = (
    (re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$"), 3),
    (re.compile(r"^(\d{4})[-/.年](\d{1,2})月?(?:份)?$"), 2),
    (re.compile(r"^(\d{4})年?$"), 1),
)


def excel_day(value) -> date | None:
    """The date an Excel day number stands for (a date cell that lost its format), else None.

    >>> excel_day(43232)
    datetime.date(2018, 5, 12)
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer() \
            and EXCEL_SERIALS[0] <= value <= EXCEL_SERIALS[1]:
        return _EXCEL_EPOCH + timedelta(days=int(value))
    return None


def parse_partial_date(value) -> str:
    """A date at the precision written, as ISO 8601 text: 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'
    (sorts as text; a month is never given an invented day).

    >>> parse_partial_date("2018.7"), parse_partial_date("2018年"), parse_partial_date("2017/5/12")
    ('2018-07', '2018', '2017-05-12')
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if (day := excel_day(value)) is not None:
        return day.isoformat()
    if isinstance(value, float) and re.fullmatch(r"\d{4}\.\d{1,2}", repr(value)):
        if repr(value).endswith(".1"):  # the number 2018.10 reads back as 2018.1
            raise ValueError("2018.1 可能是1月或10月，请写成文本 / a number such as 2018.1 may mean January "
                             "or October: type it as text (2018.10) or as 2018年10月")
        value = repr(value)  # 2018.7 typed into a number cell
    text = normalize_text(value)
    if " " in text:
        text = text.split(" ", 1)[0]
    if isinstance(value, int) and not 1900 <= value <= 2100:
        raise ValueError("不是日期 / expected a date like 2018-05-12, 2018年5月 or 2018.7")
    for pattern, parts in _PARTIAL:
        m = pattern.match(text)
        if not m:
            continue
        try:
            if parts == 3:
                return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
            if parts == 2:
                if not 1 <= int(m[2]) <= 12:
                    raise ValueError
                return f"{int(m[1]):04d}-{int(m[2]):02d}"
            return f"{int(m[1]):04d}"
        except ValueError:
            raise ValueError("不是有效日期 / not a calendar date") from None
    raise ValueError("不是日期 / expected a date like 2018-05-12, 2018年5月 or 2018.7")
