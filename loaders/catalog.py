"""Catalog loader: YAML/JSON catalogs (format in loaders/FORMAT.md) to validated records.

Pure: a path in, a Dataset out, or a ValidationError listing every problem of the file.

>>> ds = bundled_catalog()
>>> ds.nodes["county:忻州市/代县"].props["admin_code"]
'140923'
"""
from __future__ import annotations

import copy
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from graph.errors import Problem, ResolutionError, ValidationError
from graph.records import Dataset, EdgeRecord, NodeRecord
from graph.schema import IMPLIED_NODE_PROPERTIES, PropertySpec, Schema, get_schema
from loaders.gazetteer import Gazetteer, load_aliases
from loaders.values import parse_amount_yi, parse_date

BUNDLED = "data/xinzhou-2017.yaml"
_LINE = "__line__"
_RECORD_KEYS = {"id", "sources", _LINE}


class _LineLoader(yaml.SafeLoader):
    """Keeps each mapping's line so errors can point at it."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping[_LINE] = node.start_mark.line + 1
        return mapping


def coerce_property(spec: PropertySpec, value):
    """Schema coercion, with the Chinese forms sources use for amounts and dates."""
    if value is None:
        return None
    if spec.type == "float" and spec.name.endswith("_yi"):
        return parse_amount_yi(value)
    if spec.type == "date" and not hasattr(value, "year"):
        return parse_date(value)
    return spec.coerce(value)


def rel_fields(schema: Schema, label: str) -> dict[str, tuple[str, str]]:
    """Relationship fields a record of `label` may carry: field → (type, 'out' | 'in')."""
    out = {}
    for t, spec in schema.relationships.items():
        if label in spec.start_labels:
            out[t.lower()] = (t, "out")
        if label in spec.end_labels:
            out[t.lower() + "_by"] = (t, "in")
    return out


def _read(path: Path) -> dict:
    text = path.read_text(encoding="utf-8-sig")
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise ValidationError([Problem(str(path), line, None, None, f"not valid YAML: {exc.problem}", "line")])
    except json.JSONDecodeError as exc:
        raise ValidationError([Problem(str(path), exc.lineno, None, None, f"not valid JSON: {exc.msg}", "line")])
    if not isinstance(data, dict):
        raise ValidationError([Problem(str(path), None, None, None, "a catalog must be a mapping")])
    return data


def load_catalog(path, gazetteer: Gazetteer | None = None, schema: Schema | None = None) -> Dataset:
    """Read one catalog file; references resolve in the file first, then in `gazetteer`
    (the bundled one by default)."""
    from loaders.gazetteer import bundled_gazetteer

    path = Path(path)
    schema = schema or get_schema()
    outer = gazetteer if gazetteer is not None else bundled_gazetteer()
    data = _read(path)
    return _Catalog(str(path), data, schema, outer).build()


class _Catalog:
    def __init__(self, file: str, data: dict, schema: Schema, outer: Gazetteer):
        self.file, self.data, self.schema, self.outer = file, data, schema, outer
        self.problems: list[Problem] = []
        self.ds = Dataset()
        self.local = Gazetteer(outer.aliases)
        self.pending: list[tuple] = []

    def problem(self, line, field, value, reason):
        self.problems.append(Problem(self.file, line, field, value, reason, "line"))

    def build(self) -> Dataset:
        self._sources()
        default = self._source_ref(self.data.get("source"), self.data.get(_LINE), "source")
        if self.data.get("source") is None:
            self.problem(None, "source", None, "the file names no default source")
        for key, records in self.data.items():
            if key in ("sources", "source", _LINE):
                continue
            if key not in self.schema.labels or key == "Source":
                self.problem(None, key, None, f"unknown section; expected one of {', '.join(self.schema.labels)}")
                continue
            if not isinstance(records, list):
                self.problem(None, key, None, "a section must be a list of records")
                continue
            for i, rec in enumerate(records):
                self._node(key, i, rec, default)
        for args in self.pending:
            self._edges(*args)
        if not self.problems:
            for reason in self.ds.check(self.schema, self.outer.known_ids()):
                self.problem(None, None, None, reason)
        if self.problems:
            raise ValidationError(self.problems)
        return self.ds

    def _sources(self):
        for rec in self.data.get("sources") or []:
            if not isinstance(rec, dict):
                self.problem(None, "sources", rec, "a source must be a mapping")
                continue
            self._node("Source", 0, rec, None)

    def _source_ref(self, ref, line, field) -> tuple[str, ...]:
        if ref is None:
            return ()
        refs = ref if isinstance(ref, list) else [ref]
        out = []
        for r in refs:
            sid = r if str(r).startswith("source:") else f"source:{r}"
            if self.local.label_of(sid) != "Source" and self.outer.label_of(sid) != "Source":
                self.problem(line, field, r, "no such source is declared in this file or the bundled data")
            out.append(sid)
        return tuple(out)

    def _node(self, label: str, index: int, rec, default_sources):
        spec = self.schema.label(label)
        if not isinstance(rec, dict):
            self.problem(None, f"{label}[{index}]", rec, "a record must be a mapping")
            return
        line = rec.get(_LINE)
        where = f"{label} {rec.get('name', f'#{index + 1}')}"
        rels = rel_fields(self.schema, label)
        props, id_values = {}, {}
        for field, value in rec.items():
            if field in _RECORD_KEYS:
                continue
            if field in rels:
                if rels[field][1] == "out":
                    first = value[0] if isinstance(value, list) and value else value
                    first = first.get("ref") if isinstance(first, dict) else first
                    if first is not None:
                        ends = self.schema.rel(rels[field][0]).end_labels
                        ref = str(first)
                        prefixes = tuple(self.schema.label(e).id_template.split(":", 1)[0] + ":" for e in ends)
                        id_values[field] = ref.split(":", 1)[1] if ref.startswith(prefixes) \
                            else self.local.canonical(ref, ends)
                continue
            pspec = spec.properties.get(field) or (PropertySpec("name", "string", True) if field == "name" else None)
            if pspec is None:
                known = sorted([*spec.properties, *rels, "name", "id", "sources"])
                self.problem(line, f"{where}: {field}", value, f"not a property or relationship of {label} "
                             f"(known: {', '.join(known)})")
                continue
            try:
                props[field] = coerce_property(pspec, value)
            except ValueError as exc:
                self.problem(line, f"{where}: {field}", value, str(exc))
        if not props.get("name"):
            self.problem(line, where, None, "a record needs a name")
            return
        id_values.update(props)
        try:
            node_id = str(rec["id"]) if rec.get("id") else spec.make_id(id_values)
        except KeyError as exc:
            self.problem(line, where, None, f"cannot make its id: {exc.args[0]!r} is missing (template {spec.id_template})")
            return
        if label == "Source":
            sources = (node_id,)
        else:
            sources = self._source_ref(rec["sources"], line, f"{where}: sources") if rec.get("sources") else default_sources
        if node_id in self.ds.nodes and label != "Source" and self.ds.nodes[node_id].label != label:
            self.problem(line, where, node_id, f"id already used by a {self.ds.nodes[node_id].label}")
            return
        self.ds.add_node(NodeRecord(label, node_id, props, tuple(sources or ())))
        self.local.add(node_id, label, props["name"], props.get("aliases") or ())
        for field, (rtype, direction) in rels.items():
            if field in rec:
                self.pending.append((node_id, label, where, line, field, rtype, direction, rec[field], sources))

    def _resolve(self, ref, labels):
        try:
            return self.local.resolve(ref, labels)
        except ResolutionError as local_error:
            try:
                return self.outer.resolve(ref, labels)
            except ResolutionError as outer_error:
                # "ambiguous" says more than "unknown here"; otherwise the local error is the truth.
                raise (outer_error if "ambiguous" in str(outer_error) else local_error) from None

    def _edges(self, node_id, label, where, line, field, rtype, direction, value, sources):
        rspec = self.schema.rel(rtype)
        items = value if isinstance(value, list) else [value]
        for item in items:
            item_line = line
            props, item_sources = {}, sources
            if isinstance(item, dict):
                item_line = item.get(_LINE, line)
                ref = item.get("ref")
                for k, v in item.items():
                    if k in ("ref", _LINE):
                        continue
                    if k == "sources":
                        item_sources = self._source_ref(v, item_line, f"{where}: {field}.sources")
                        continue
                    pspec = rspec.properties.get(k)
                    if pspec is None:
                        self.problem(item_line, f"{where}: {field}.{k}", v, f"not a property of {rtype}")
                        continue
                    try:
                        props[k] = coerce_property(pspec, v)
                    except ValueError as exc:
                        self.problem(item_line, f"{where}: {field}.{k}", v, str(exc))
            else:
                ref = item
            if ref is None:
                self.problem(item_line, f"{where}: {field}", item, "names no node (use ref:)")
                continue
            allowed = tuple(e for s, e in rspec.ends if s == label) if direction == "out" \
                else tuple(s for s, e in rspec.ends if e == label)
            try:
                other, _ = self._resolve(str(ref), allowed)
            except ResolutionError as exc:
                self.problem(item_line, f"{where}: {field}", ref, str(exc).split(": ", 1)[-1])
                continue
            for k, pspec in rspec.properties.items():
                if pspec.required and props.get(k) is None:
                    self.problem(item_line, f"{where}: {field}", ref, f"{rtype} needs {k!r}")
            start, end = (node_id, other) if direction == "out" else (other, node_id)
            self.ds.add_edge(EdgeRecord(rtype, start, end, props, tuple(item_sources or ())))


@lru_cache(maxsize=1)
def _bundled() -> Dataset:
    return load_catalog(bundled_path(), gazetteer=Gazetteer(load_aliases()))


def bundled_catalog() -> Dataset:
    """The bundled 2017 Xinzhou dataset (reference data and the seed article's facts).

    Parsed once; each caller gets its own copy, so extending it cannot change anyone else's.
    """
    return copy.deepcopy(_bundled())


def bundled_path() -> Path:
    return Path(str(resources.files("loaders").joinpath(BUNDLED)))


__all__ = ["load_catalog", "bundled_catalog", "bundled_path", "rel_fields", "coerce_property",
           "IMPLIED_NODE_PROPERTIES"]
