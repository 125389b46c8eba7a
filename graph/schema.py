"""The schema as data: read `schema.yaml` once and answer questions about it.

>>> s = get_schema()
>>> s.label("Chamber").labels
('Chamber', 'Organization')
>>> s.rel("HOLDS_POST").allows("Person", "Chamber")
True
>>> s.label("County").make_id({"part_of": "忻州市", "name": "代县"})
'county:忻州市/代县'
"""
from __future__ import annotations

import math
import re
import string
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from importlib import resources

import yaml

from graph.errors import SchemaError

IMPLIED_NODE_PROPERTIES = ("id", "name", "sources")
PROPERTY_TYPES = ("string", "int", "float", "bool", "date", "partial_date", "list[string]")
# A date of year, month or day precision as ISO text ('2018', '2018-05', '2018-05-12'): a month
# the ledger gives stays a month, never an invented day, and text of one precision sorts with
# the others (string order is date order, a coarser date before the finer ones inside it).
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(\d{2}))?)?$")

# Limits on every value a record may carry, whatever loader made it. Names are shown in tables,
# views and terminals and form ids, so they are short and on one line; other text may be longer.
NAME_MAX = 200  # characters in a name, an alias, an English name or an id
TEXT_MAX = 10_000  # characters in any other text
NAME_LIKE = frozenset({"id", "name", "aliases", "name_en"})
INT_MIN, INT_MAX = -(2**63), 2**63 - 1  # what Bolt (and Neo4j) can store as an integer
# Bidirectional overrides make text read differently from what it holds (Trojan Source).
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_TEXT_BREAKS = frozenset("\t\n\r")
# Every character check_text may refuse (categories Cc and Cs, and _BIDI): text with none of them,
# nearly all text, passes with one regex search instead of a look at each character.
_SUSPECT = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


@dataclass(frozen=True)
class PropertySpec:
    name: str
    type: str
    required: bool = False
    enum: tuple[str, ...] = ()
    description: str = ""
    min: float | None = None

    def coerce(self, value):
        """Turn an already-parsed value into this property's type, or raise ValueError."""
        return self.check(coerce_value(self.type, value, self.enum))

    def check(self, value):
        """`value` (already of this type) within the limits every record keeps; returned as is.

        >>> PropertySpec("amount_yi", "float", min=0).check(float("nan"))
        Traceback (most recent call last):
        ...
        ValueError: 不是有限数 / not a finite number
        """
        if value is None:
            return None
        if value.__class__ is str:  # most values: only the text checks below apply
            check_text(value, self.name)
            return value
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError("不是有限数 / not a finite number")
        if isinstance(value, int) and not isinstance(value, bool) and not INT_MIN <= value <= INT_MAX:
            raise ValueError("超出整数范围 / too large a whole number to store (at most 2**63-1)")
        if self.min is not None and isinstance(value, (int, float)) and not isinstance(value, bool) \
                and value < self.min:
            raise ValueError("不能为负数 / must not be negative" if self.min == 0 else f"不能小于 {self.min:g} / must be at least {self.min:g}")
        for text in (value if isinstance(value, list) else [value]):
            if isinstance(text, str):
                check_text(text, self.name)
        return value


NAME_SPEC = PropertySpec("name", "string", required=True, description="The node's name, as written.")


def check_text(text: str, field: str) -> str:
    """Refuse text no source should carry: control characters (a tab or line break only outside
    names), bidirectional overrides, lone surrogates, and text longer than the field's limit.

    >>> check_text("代县", "name")
    '代县'
    >>> check_text("代县\\x1b[31m", "name")
    Traceback (most recent call last):
    ...
    ValueError: 含控制字符 / a control character (U+001B)
    """
    name_like = field in NAME_LIKE
    limit = NAME_MAX if name_like else TEXT_MAX
    if len(text) > limit:
        raise ValueError(f"过长 / too long: {len(text)} characters (at most {limit})")
    if _SUSPECT.search(text) is None:
        return text
    for ch in text:
        if ch in _TEXT_BREAKS and not name_like:
            continue
        category = unicodedata.category(ch)
        if category == "Cc" or ch in _BIDI:
            what = "换行或制表符 / a line break or tab" if ch in _TEXT_BREAKS else "控制字符 / a control character"
            raise ValueError(f"含{what} (U+{ord(ch):04X})")
        if category == "Cs":
            raise ValueError(f"含孤立代理码位 / a lone surrogate (U+{ord(ch):04X}), not text")
    return text


@dataclass(frozen=True)
class LabelSpec:
    name: str
    description: str
    id_template: str
    also: tuple[str, ...]
    style: dict
    properties: dict[str, PropertySpec]

    @property
    def labels(self) -> tuple[str, ...]:
        """All labels a node of this type carries, its own first."""
        return (self.name, *self.also)

    @property
    def id_prefix(self) -> str:
        """What every id of this label begins with (`chamber:`), so no two labels share an id."""
        return self.id_template.split(":", 1)[0] + ":"

    @property
    def id_fields(self) -> tuple[str, ...]:
        return tuple(f for _, f, _, _ in string.Formatter().parse(self.id_template) if f)

    def make_id(self, values: dict) -> str:
        """The deterministic id from the natural key; missing fields raise KeyError."""
        parts = {}
        for f in self.id_fields:
            v = values.get(f)
            if v is None or v == "":
                raise KeyError(f)
            parts[f] = v.isoformat() if isinstance(v, date) else str(v)
        return self.id_template.format(**parts)


@dataclass(frozen=True)
class RelSpec:
    type: str
    description: str
    ends: tuple[tuple[str, str], ...]
    key: tuple[str, ...]
    properties: dict[str, PropertySpec]

    def allows(self, start: str, end: str) -> bool:
        return (start, end) in self.ends

    @property
    def start_labels(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s for s, _ in self.ends))

    @property
    def end_labels(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e for _, e in self.ends))


@dataclass(frozen=True)
class Schema:
    labels: dict[str, LabelSpec]
    relationships: dict[str, RelSpec]
    all_labels: tuple[str, ...] = field(default=())

    def label(self, name: str) -> LabelSpec:
        try:
            return self.labels[name]
        except KeyError:
            raise SchemaError(f"unknown label {name!r}; the schema has {', '.join(self.labels)}") from None

    def rel(self, type_: str) -> RelSpec:
        try:
            return self.relationships[type_]
        except KeyError:
            raise SchemaError(
                f"unknown relationship type {type_!r}; the schema has {', '.join(self.relationships)}"
            ) from None

    def constraint_statements(self) -> list[str]:
        """Idempotent DDL: a uniqueness constraint on `id` and an index on `name` per label.

        Labels come from the schema (never from data), so composing them into DDL is safe.
        """
        out = []
        for name in self.all_labels:
            low = name.lower()
            out.append(f"CREATE CONSTRAINT {low}_id IF NOT EXISTS FOR (n:{name}) REQUIRE n.id IS UNIQUE")
            out.append(f"CREATE INDEX {low}_name IF NOT EXISTS FOR (n:{name}) ON (n.name)")
        out.append("CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date)")
        out.append("CREATE INDEX project_stage IF NOT EXISTS FOR (n:Project) ON (n.stage)")
        return out


def coerce_value(type_: str, value, enum: tuple[str, ...] = ()):
    """Coerce one value to a schema type; raises ValueError with a short reason.

    >>> coerce_value("float", "12.5")
    12.5
    >>> coerce_value("date", "2017-05-12")
    datetime.date(2017, 5, 12)
    >>> coerce_value("partial_date", "2018-05")
    '2018-05'
    """
    if value is None:
        return None
    if type_ == "string":
        if isinstance(value, (dict, list)):
            raise ValueError("expected text")
        out = str(value).strip()
        if enum and out not in enum:
            raise ValueError(f"must be one of {', '.join(enum)}")
        return out
    if type_ == "int":
        if isinstance(value, bool):
            raise ValueError("expected a whole number")
        if isinstance(value, float) and not value.is_integer():
            raise ValueError("expected a whole number")
        text = str(value).strip() if not isinstance(value, float) else None
        try:
            return int(text) if text is not None else int(value)
        except ValueError:
            if text and text.lstrip("+-").isdigit():  # thousands of digits: more than int() reads
                raise ValueError("超出整数范围 / too large a whole number to store (at most 2**63-1)") from None
            raise ValueError("expected a whole number") from None
    if type_ == "float":
        if isinstance(value, bool):
            raise ValueError("expected a number")
        try:
            return float(value)
        except OverflowError:
            raise ValueError("不是有限数 / not a finite number") from None
        except (TypeError, ValueError):
            raise ValueError("expected a number") from None
    if type_ == "bool":
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("true", "yes", "y", "1", "是", "√", "✓"):
            return True
        if text in ("false", "no", "n", "0", "否", ""):
            return False
        raise ValueError("expected yes/no (是/否, true/false)")
    if type_ == "date":
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            raise ValueError("expected a date like 2017-05-12") from None
    if type_ == "partial_date":
        return partial_date(value)
    if type_ == "list[string]":
        items = value if isinstance(value, (list, tuple)) else [value]
        if any(isinstance(v, (dict, list, tuple)) for v in items):
            raise ValueError("expected a list of text")
        return [str(v).strip() for v in items if str(v).strip()]
    raise SchemaError(f"unknown property type {type_!r}")


def partial_date(value) -> str:
    """A partial date as ISO text; a `date` becomes its day.

    >>> partial_date("2018-05"), partial_date(date(2018, 5, 12))
    ('2018-05', '2018-05-12')
    """
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    m = _PARTIAL_DATE.match(text)
    if not m:
        raise ValueError("expected a date like 2018, 2018-05 or 2018-05-12")
    if m.group(3):
        date.fromisoformat(text)  # a real day (raises ValueError on 2018-02-30)
    return text


def _props(raw: dict | None, where: str) -> dict[str, PropertySpec]:
    out = {}
    for name, spec in (raw or {}).items():
        if spec.get("type") not in PROPERTY_TYPES:
            raise SchemaError(f"{where}.{name}: type must be one of {PROPERTY_TYPES}")
        out[name] = PropertySpec(
            name=name,
            type=spec["type"],
            required=bool(spec.get("required", False)),
            enum=tuple(spec.get("enum", ())),
            description=spec.get("description", ""),
            min=spec.get("min"),
        )
    return out


def parse_schema(data: dict) -> Schema:
    # properties any fact may carry whatever its label or type (the evidence of an extracted fact)
    common = _props(data.get("fact_properties"), "fact_properties")
    labels = {}
    for name, spec in data["labels"].items():
        if not spec.get("description"):
            raise SchemaError(f"label {name} has no description")
        labels[name] = LabelSpec(
            name=name,
            description=spec["description"],
            id_template=spec["id"],
            also=tuple(spec.get("also", ())),
            style=dict(spec.get("style", {})),
            properties={**_props(spec.get("properties"), name), **common},
        )
    rels = {}
    for type_, spec in data["relationships"].items():
        if not spec.get("description"):
            raise SchemaError(f"relationship {type_} has no description")
        ends = tuple((s, e) for s, e in spec["ends"])
        for s, e in ends:
            if s not in labels or e not in labels:
                raise SchemaError(f"relationship {type_}: end {s}→{e} names a label the schema lacks")
        props = {**_props(spec.get("properties"), type_), **common}
        key = tuple(spec.get("key", ()))
        if any(k not in props for k in key):
            raise SchemaError(f"relationship {type_}: key {key} names an undeclared property")
        rels[type_] = RelSpec(type_, spec["description"], ends, key, props)
    for spec in labels.values():
        for extra in spec.also:
            if extra not in labels:
                raise SchemaError(f"label {spec.name}: also-label {extra} is not in the schema")
    return Schema(labels=labels, relationships=rels, all_labels=tuple(labels))


@lru_cache(maxsize=1)
def get_schema() -> Schema:
    """The project's schema, read from package data on first use."""
    text = resources.files("graph").joinpath("schema.yaml").read_text(encoding="utf-8")
    return parse_schema(yaml.safe_load(text))
