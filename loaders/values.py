"""Parsing of the values Chinese sources write: amounts in 亿元/万元, dates, full-width digits.

>>> parse_amount_yi("５０００万元")
0.5
>>> parse_amount_yi("1121.6亿元")
1121.6
>>> parse_date("2017年5月12日")
datetime.date(2017, 5, 12)
"""
from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime

import cn2an

_DATE_PATTERNS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
)
_AMOUNT = re.compile(r"^([-+]?\d+(?:\.\d+)?)\s*(亿元|亿|万元|万|元)?$")
_UNIT_TO_YI = {"亿元": 1.0, "亿": 1.0, "万元": 1e-4, "万": 1e-4, "元": 1e-8}


def normalize_text(value) -> str:
    """NFKC folds full-width digits, letters and spaces into their ASCII forms.

    >>> normalize_text(" ２０１７ ")
    '2017'
    """
    text = unicodedata.normalize("NFKC", str(value)).strip()
    return text.replace(",", "").replace("，", "") if re.fullmatch(r"[\d,，.]+", text) else text


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
        raise ValueError("expected an amount")
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
        raise ValueError("expected an amount such as 57, 57亿元 or 5000万元") from None
