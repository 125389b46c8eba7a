"""Catalog loader: YAML/JSON catalogs (format in loaders/FORMAT.md) to validated records.

Pure: a path in, a Dataset out, or a ValidationError listing every problem of the file.

>>> from loaders.bundled import bundled_catalog   # the bundled dataset, parsed once
>>> ds = bundled_catalog()
>>> ds.nodes["county:忻州市/代县"].props["admin_code"]
'140923'
"""
from __future__ import annotations

from pathlib import Path

from graph.errors import Problem, ResolutionError, ValidationError
from graph.records import Dataset, EdgeRecord, NodeRecord
from graph.schema import IMPLIED_NODE_PROPERTIES, NAME_SPEC, PropertySpec, Schema, check_text, get_schema
from loaders.catalog_file import line_of, read_catalog_file
from loaders.gazetteer import Gazetteer
from loaders.values import parse_amount_yi, parse_date

_RECORD_KEYS = {"id", "sources"}


def coerce_property(spec: PropertySpec, value):
    """Schema coercion, with the Chinese forms sources use for amounts and dates."""
    if value is None:
        return None
    if spec.type == "float" and spec.name.endswith("_yi"):
        return spec.check(parse_amount_yi(value))
    if spec.type == "date" and not hasattr(value, "year"):
        if isinstance(value, (dict, list)):
            raise ValueError("expected a date like 2017-05-12")
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


def load_catalog(path, gazetteer: Gazetteer, schema: Schema | None = None) -> Dataset:
    """Read one catalog file; references resolve in the file first, then in `gazetteer`
    (for a user's catalog, `loaders.bundled.bundled_gazetteer()`: the bundled names)."""
    path = Path(path)
    schema = schema or get_schema()
    data = read_catalog_file(path)
    return _Catalog(str(path), data, schema, gazetteer).build()


def _record_name(label: str, index: int, rec) -> str:
    """How errors name a record: `Chamber 珠海山西商会`, or `Chamber #3` when its name cannot be shown."""
    name = rec.get("name") if isinstance(rec, dict) else None
    try:
        shown = check_text(name, "name") if isinstance(name, str) and name.strip() else None
    except ValueError:
        shown = None
    return f"{label} {shown}" if shown else f"{label} #{index + 1}"


class _Catalog:
    def __init__(self, file: str, data: dict, schema: Schema, outer: Gazetteer):
        self.file, self.data, self.schema, self.outer = file, data, schema, outer
        self.problems: list[Problem] = []
        self.ds = Dataset()
        self.local = Gazetteer(outer.aliases)
        self.pending: list[tuple] = []
        self.declared: dict[str, tuple] = {}  # node id → (line, props) of its first record
        self.edge_lines: dict[tuple, int | None] = {}

    def problem(self, line, field, value, reason):
        self.problems.append(Problem(self.file, line, field, value, reason, "line"))

    def build(self) -> Dataset:
        self._sources()
        default = self._source_ref(self.data.get("source"), line_of(self.data, "source"), "source")
        if self.data.get("source") is None:
            self.problem(None, "source", None, "the file names no default source")
        for key, records in self.data.items():
            if key in ("sources", "source"):
                continue
            if key not in self.schema.labels or key == "Source":
                self.problem(line_of(self.data, key), key, None,
                             f"unknown section; expected one of {', '.join(self.schema.labels)}")
                continue
            if not isinstance(records, list):
                self.problem(line_of(self.data, key), key, None, "a section must be a list of records")
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
        records = self.data.get("sources") or []
        if not isinstance(records, list):
            self.problem(line_of(self.data, "sources"), "sources", None, "a list of source records is expected")
            return
        for i, rec in enumerate(records):
            if not isinstance(rec, dict):
                self.problem(line_of(self.data, "sources"), f"sources[{i}]", rec, "a source must be a mapping")
                continue
            self._node("Source", i, rec, None)

    def _source_ref(self, ref, line, field) -> tuple[str, ...]:
        if ref is None:
            return ()
        refs = ref if isinstance(ref, list) else [ref]
        out = []
        for r in refs:
            if not isinstance(r, str):
                self.problem(line, field, r, "a source is named by its name or source: id")
                continue
            sid = r if r.startswith("source:") else f"source:{r}"
            if self.local.label_of(sid) != "Source" and self.outer.label_of(sid) != "Source":
                self.problem(line, field, r, "no such source is declared in this file or the bundled data")
            out.append(sid)
        return tuple(out)

    def _node(self, label: str, index: int, rec, default_sources):
        spec = self.schema.label(label)
        if not isinstance(rec, dict):
            self.problem(line_of(self.data, label), f"{label}[{index}]", rec, "a record must be a mapping")
            return
        line = line_of(rec)
        where = _record_name(label, index, rec)
        rels = rel_fields(self.schema, label)
        props, id_values, bad = {}, {}, set()
        for field, value in rec.items():
            if field in _RECORD_KEYS:
                continue
            if field in rels:
                if rels[field][1] == "out":
                    first = value[0] if isinstance(value, list) and value else value
                    first = first.get("ref") if isinstance(first, dict) else first
                    if isinstance(first, (str, int)):
                        ends = self.schema.rel(rels[field][0]).end_labels
                        ref = str(first)
                        prefixes = tuple(self.schema.label(e).id_prefix for e in ends)
                        id_values[field] = ref.split(":", 1)[1] if ref.startswith(prefixes) \
                            else self.local.canonical(ref, ends)
                continue
            pspec = spec.properties.get(field) or (NAME_SPEC if field == "name" else None)
            if pspec is None:
                known = sorted([*spec.properties, *rels, "name", "id", "sources"])
                self.problem(line_of(rec, field), f"{where}: {field}", value,
                             f"not a property or relationship of {label} (known: {', '.join(known)})")
                continue
            try:
                props[field] = coerce_property(pspec, value)
            except ValueError as exc:
                self.problem(line_of(rec, field), f"{where}: {field}", value, str(exc))
                bad.add(field)
        if not props.get("name"):
            if "name" not in bad:
                self.problem(line, where, None, "a record needs a name")
            return
        id_values.update(props)
        if rec.get("id") is not None:
            node_id = self._own_id(rec, where, spec)
            if node_id is None:
                return
        else:
            try:
                node_id = spec.make_id(id_values)
            except KeyError as exc:
                if exc.args[0] in bad:  # already reported: its value was wrong, not missing
                    return
                self.problem(line, where, None,
                             f"cannot make its id: {exc.args[0]!r} is missing (template {spec.id_template})")
                return
        if label == "Source":
            sources = (node_id,)
        else:
            sources = self._source_ref(rec["sources"], line_of(rec, "sources"), f"{where}: sources") \
                if rec.get("sources") else default_sources
        if node_id in self.ds.nodes and self.ds.nodes[node_id].label != label:
            self.problem(line, where, node_id, f"id already used by a {self.ds.nodes[node_id].label}")
            return
        if not self._same_as_before(node_id, line, where, props):
            return
        self.ds.add_node(NodeRecord(label, node_id, props, tuple(sources or ())))
        self.local.add(node_id, label, props["name"], props.get("aliases") or ())
        for field, (rtype, direction) in rels.items():
            if field in rec:
                self.pending.append((node_id, label, where, line_of(rec, field), field, rtype, direction,
                                     rec[field], sources))

    def _own_id(self, rec, where: str, spec) -> str | None:
        """An `id:` the record gives itself: text, within limits, with its own label's prefix."""
        node_id, line = rec["id"], line_of(rec, "id")
        if not isinstance(node_id, str):
            self.problem(line, f"{where}: id", node_id, "an id must be text")
            return None
        try:
            check_text(node_id, "id")
        except ValueError as exc:
            self.problem(line, f"{where}: id", node_id, str(exc))
            return None
        if not node_id.startswith(spec.id_prefix) or node_id == spec.id_prefix:
            self.problem(line, f"{where}: id", node_id,
                         f"id 前缀须为 {spec.id_prefix} / a {spec.name} id must begin with {spec.id_prefix!r}")
            return None
        return node_id

    def _same_as_before(self, node_id: str, line, where: str, props: dict) -> bool:
        """A second record of one id may repeat or add values, never change them."""
        first = self.declared.get(node_id)
        if first is None:
            self.declared[node_id] = (line, dict(props))
            return True
        first_line, before = first
        clashes = [k for k in props if k in before and before[k] != props[k]]
        for k in clashes:
            at = f"line {first_line}" if first_line else "an earlier record"
            self.problem(line, f"{where}: {k}", props[k],
                         f"与同一 id 的记录冲突 / conflicts with the record of the same id {node_id!r} "
                         f"at {at} ({before[k]!r})")
        before.update({k: v for k, v in props.items() if k not in before})
        return not clashes

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
                item_line = line_of(item) or line
                ref = item.get("ref")
                for k, v in item.items():
                    if k == "ref":
                        continue
                    if k == "sources":
                        item_sources = self._source_ref(v, line_of(item, k), f"{where}: {field}.sources")
                        continue
                    pspec = rspec.properties.get(k)
                    if pspec is None:
                        self.problem(line_of(item, k), f"{where}: {field}.{k}", v, f"not a property of {rtype}")
                        continue
                    try:
                        props[k] = coerce_property(pspec, v)
                    except ValueError as exc:
                        self.problem(line_of(item, k), f"{where}: {field}.{k}", v, str(exc))
            else:
                ref = item
            if ref is None:
                self.problem(item_line, f"{where}: {field}", item, "names no node (use ref:)")
                continue
            if not isinstance(ref, (str, int)):
                self.problem(item_line, f"{where}: {field}", ref, "a reference is a name or an id")
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
            edge = EdgeRecord(rtype, start, end, props, tuple(item_sources or ()))
            key = edge.key(self.schema)
            old = self.ds.edges.get(key)
            clashes = [k for k in props if old is not None and k in old.props and old.props[k] != props[k]]
            for k in clashes:
                self.problem(item_line, f"{where}: {field}.{k}", props[k],
                             f"与同一关系冲突 / conflicts with the same {rtype} at line {self.edge_lines.get(key)} "
                             f"({old.props[k]!r})")
            if not clashes:
                self.edge_lines.setdefault(key, item_line)
                self.ds.add_edge(edge)


__all__ = ["load_catalog", "rel_fields", "coerce_property",
           "IMPLIED_NODE_PROPERTIES"]
