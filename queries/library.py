"""The library of named Cypher queries: one ``queries/<name>.cypher`` file per question.

Each file opens with a header of ``//`` comment lines::

    // name: events_by_signed_amount
    // question_zh: 哪些招商活动签约金额最高？
    // question_en: Which promotion events signed the most investment?
    // params:
    //   $year: int = null — only events of this year (null: every year)
    // columns: date, event, city, signed_count, signed_total_yi
    // example: jinshang query run events_by_signed_amount -p year=2017

A parameter without ``= default`` is required; ``params: none`` says there are none.

>>> q = load_query("events_by_signed_amount")
>>> [p.name for p in q.params], list(q.columns[:2])
(['year', 'limit'], ['date', 'event'])
>>> q.bind({"year": "2017"})
{'year': 2017, 'limit': 20}
>>> rows = run(driver, "ambassadors")  # doctest: +SKIP
>>> df = run_df(driver, "campaign_vs_targets", year=2017)  # doctest: +SKIP
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph.errors import JinshangError
from queries.params import TYPES, ParameterError, typed_value

QUERY_DIR = Path(__file__).resolve().parent
HEADER_KEYS = ("name", "question_zh", "question_en", "params", "columns", "example")
_PARAM = re.compile(r"^\$(?P<name>[A-Za-z_]\w*)\s*:\s*(?P<type>\w+)\s*(?:=\s*(?P<default>.*?))?\s*(?:—|--)\s*(?P<doc>.+)$")


class QueryNotFound(JinshangError):
    """No named query has that name."""


class HeaderError(JinshangError):
    """A ``.cypher`` file's header is incomplete or malformed."""


@dataclass(frozen=True)
class ParamSpec:
    name: str
    type: str
    required: bool
    default: object = None
    doc: str = ""


@dataclass(frozen=True)
class NamedQuery:
    name: str
    question_zh: str
    question_en: str
    params: tuple[ParamSpec, ...]
    columns: tuple[str, ...]
    example: str
    text: str
    path: Path

    def param(self, name: str) -> ParamSpec | None:
        return next((p for p in self.params if p.name == name), None)

    def bind(self, given: dict | None = None) -> dict:
        """The full parameter dict: given values typed by the header, defaults for the rest.

        Raises ParameterError naming every unknown or missing parameter.
        """
        given = dict(given or {})
        unknown = sorted(set(given) - {p.name for p in self.params})
        if unknown:
            known = ", ".join(p.name for p in self.params) or "none"
            raise ParameterError(f"query {self.name!r}: unknown parameter(s) {', '.join(unknown)} "
                                 f"(its parameters: {known})")
        missing = [p.name for p in self.params if p.required and given.get(p.name) is None]
        if missing:
            raise ParameterError(f"query {self.name!r}: missing required parameter(s) {', '.join(missing)} "
                                 f"(e.g. {self.example})")
        out = {}
        for p in self.params:
            out[p.name] = typed_value(p.type, given[p.name], name=p.name) if p.name in given else p.default
            if p.required and out[p.name] is None:  # `-p chamber=null` is not a value
                raise ParameterError(f"参数 {p.name!r} 必填，不能为 null (query {self.name!r}: required parameter "
                                     f"{p.name!r} may not be null; e.g. {self.example})")
        return out


def parse_header(text: str, path: Path | str = "<text>") -> dict:
    """The header fields of a ``.cypher`` text: name, questions, params, columns, example."""
    fields: dict[str, object] = {}
    params: list[ParamSpec] = []
    current = None
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        body = line[2:].strip()
        if current == "params" and body.startswith("$"):
            m = _PARAM.match(body)
            if not m:
                raise HeaderError(f"{path}: malformed parameter line {body!r} "
                                  "(expected: $name: type [= default] — description)")
            params.append(_param_spec(m, path))
            continue
        key, sep, value = body.partition(":")
        if sep and key.strip() in HEADER_KEYS:
            current = key.strip()
            fields[current] = value.strip()
        elif body:
            current = None  # free comment lines after the header fields
    if "params" in fields:
        if fields["params"] not in ("", "none"):
            raise HeaderError(f"{path}: 'params:' takes 'none' or parameter lines below it")
        if fields["params"] == "" and not params:
            raise HeaderError(f"{path}: 'params:' lists no parameter (write 'params: none')")
        fields["params"] = tuple(params)
    return fields


def _param_spec(m: re.Match, path) -> ParamSpec:
    name, type_, default = m["name"], m["type"], m["default"]
    if type_ not in TYPES:
        raise HeaderError(f"{path}: parameter ${name}: unknown type {type_!r} (use {', '.join(TYPES)})")
    if default is None:
        return ParamSpec(name, type_, True, None, m["doc"].strip())
    try:
        value = typed_value(type_, default, name=name)
    except ParameterError as exc:
        raise HeaderError(f"{path}: default of ${name}: {exc}") from None
    return ParamSpec(name, type_, False, value, m["doc"].strip())


def read_query_file(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    h = parse_header(text, path.name)
    missing = [k for k in HEADER_KEYS if not h.get(k) and not (k == "params" and k in h)]
    if missing:
        raise HeaderError(f"{path.name}: header lacks {', '.join(missing)}")
    if h["name"] != path.stem:
        raise HeaderError(f"{path.name}: header name {h['name']!r} differs from the file name")
    columns = tuple(c.strip() for c in str(h["columns"]).split(",") if c.strip())
    return NamedQuery(str(h["name"]), str(h["question_zh"]), str(h["question_en"]), h["params"], columns,
                      str(h["example"]), text, path)


@lru_cache(maxsize=1)
def _all(directory: Path = QUERY_DIR) -> dict[str, NamedQuery]:
    return {p.stem: read_query_file(p) for p in sorted(directory.glob("*.cypher"))}


def list_queries() -> list[NamedQuery]:
    """Every named query, sorted by name."""
    return list(_all().values())


def load_query(name: str) -> NamedQuery:
    """One named query; QueryNotFound (with suggestions) for an unknown name."""
    queries = _all()
    if name in queries:
        return queries[name]
    close = difflib.get_close_matches(name, queries, n=3, cutoff=0.5)
    hint = f" (did you mean: {', '.join(close)}?)" if close else " (see `jinshang query list`)"
    raise QueryNotFound(f"no query named {name!r}{hint}")


def run(driver, name: str, params: dict | None = None, /, *, database: str = "neo4j", **kw) -> list[dict]:
    """Run a named query read-only; rows as dicts. Parameters by dict or keyword (a parameter
    named like a Python keyword, e.g. ``from``, goes in the dict)."""
    from graph.read_query import fetch

    q = load_query(name)
    return fetch(driver, q.text, q.bind({**(params or {}), **kw}), database=database)[1]


def run_df(driver, name: str, params: dict | None = None, /, *, database: str = "neo4j", **kw):
    """Run a named query read-only; a pandas DataFrame with the query's columns in order."""
    import pandas as pd
    from graph.read_query import fetch

    q = load_query(name)
    keys, rows = fetch(driver, q.text, q.bind({**(params or {}), **kw}), database=database)
    return pd.DataFrame(rows, columns=keys)
