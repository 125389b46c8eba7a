"""Typed query parameters: from a named query's header types, or inferred for ad-hoc Cypher.

Values always travel to Neo4j as Bolt parameters; this module only turns the text a user typed
(``-p key=value``) into a Python value of the right type.

>>> typed_value("int", "2017")
2017
>>> infer_value("2017-05-12")
datetime.date(2017, 5, 12)
>>> parse_assignment("year:int=2017")
('year', 'int', '2017')
>>> parse_assignment("name=x'}) DETACH DELETE n //")
('name', None, "x'}) DETACH DELETE n //")
"""
from __future__ import annotations

import re
from datetime import date

from graph.errors import JinshangError

TYPES = ("string", "int", "float", "bool", "date")
ALIASES = {"str": "string", "integer": "int", "boolean": "bool", "number": "float"}
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_INT = re.compile(r"^[+-]?\d+$")
_FLOAT = re.compile(r"^[+-]?(\d+\.\d*|\.\d+|\d+(\.\d*)?[eE][+-]?\d+)$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TRUE, _FALSE = {"true", "yes", "是"}, {"false", "no", "否"}
BOLT_INT_MIN, BOLT_INT_MAX = -2**63, 2**63 - 1  # Bolt integers are 64-bit


class ParameterError(JinshangError):
    """A query parameter is missing, unknown, badly written or of the wrong type."""


def parse_assignment(text: str) -> tuple[str, str | None, str]:
    """``key=value`` or ``key:type=value`` → (key, type or None, raw value). Splits at the first '='."""
    key, sep, raw = text.partition("=")
    if not sep:
        raise ParameterError(f"parameter {text!r} must be written key=value (or key:type=value)")
    key, _, type_ = key.strip().partition(":")
    if not _NAME.match(key):
        raise ParameterError(f"parameter name {key!r} is not a valid identifier")
    type_ = type_.strip() or None
    if type_ is not None:
        type_ = ALIASES.get(type_, type_)
        if type_ not in TYPES:
            raise ParameterError(f"parameter {key!r}: unknown type {type_!r}; use one of {', '.join(TYPES)}")
    return key, type_, raw


def typed_value(type_: str, raw, *, name: str = "value"):
    """Convert ``raw`` (text, or an already-typed value) to ``type_``; ``null`` text means None."""
    if raw is None or (isinstance(raw, str) and raw.strip().lower() == "null"):
        return None
    if not isinstance(raw, str):
        raw_ok = {"string": str, "int": int, "float": (int, float), "bool": bool, "date": date}[type_]
        if isinstance(raw, raw_ok) and not (type_ in ("int", "float") and isinstance(raw, bool)):
            return float(raw) if type_ == "float" else bolt_int(raw, name) if type_ == "int" else raw
        raw = str(raw)
    text = raw.strip()
    try:
        if type_ == "string":
            return raw
        if type_ == "int" and _INT.match(text):
            return bolt_int(int(text), name)
        if type_ == "float" and (_INT.match(text) or _FLOAT.match(text)):
            return float(text)
        if type_ == "bool" and text.lower() in _TRUE | _FALSE:
            return text.lower() in _TRUE
        if type_ == "date" and _DATE.match(text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise ParameterError(f"parameter {name!r}: {raw!r} is not a valid {type_}")


def bolt_int(value: int, name: str = "value") -> int:
    """``value`` if Bolt can carry it (64-bit), else ParameterError naming the parameter.

    >>> bolt_int(2**63, "n")
    Traceback (most recent call last):
    ...
    queries.params.ParameterError: 参数 'n' 的值 9223372036854775808 超出 64 位整数范围 (parameter 'n': 9223372036854775808 is outside the 64-bit integer range Neo4j accepts, -9223372036854775808 to 9223372036854775807)
    """
    if not BOLT_INT_MIN <= value <= BOLT_INT_MAX:
        raise ParameterError(f"参数 {name!r} 的值 {value} 超出 64 位整数范围 (parameter {name!r}: {value} is outside "
                             f"the 64-bit integer range Neo4j accepts, {BOLT_INT_MIN} to {BOLT_INT_MAX})")
    return value


def infer_value(raw: str, name: str = "value"):
    """For ad-hoc Cypher: int, float, bool, date (YYYY-MM-DD) or null when the text says so, else string."""
    text = raw.strip()
    if _INT.match(text):
        return bolt_int(int(text), name)
    if _FLOAT.match(text):
        return float(text)
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    if text.lower() == "null":
        return None
    if _DATE.match(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            return raw
    return raw


def parse_adhoc(assignments: list[str]) -> dict:
    """``-p`` options of ``jinshang cypher`` → a parameter dict (types inferred or given)."""
    out = {}
    for a in assignments or []:
        key, type_, raw = parse_assignment(a)
        if key in out:
            raise ParameterError(f"parameter {key!r} given twice")
        out[key] = typed_value(type_, raw, name=key) if type_ else infer_value(raw, key)
    return out
