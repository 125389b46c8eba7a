"""Catalog loader: YAML/JSON catalogs (format in loaders/FORMAT.md) to validated records.

Pure: a path in, a Dataset out, or a ValidationError listing every problem of the file.

>>> from loaders.bundled import bundled_catalog   # the bundled dataset, parsed once
>>> ds = bundled_catalog()
>>> ds.nodes["county:忻州市/代县"].props["admin_code"]
'140923'
"""
from __future__ import annotations

import codecs
import json
from pathlib import Path

import yaml
from charset_normalizer import from_bytes

from graph.errors import Problem, ResolutionError, ValidationError
from graph.records import Dataset, EdgeRecord, NodeRecord
from graph.schema import IMPLIED_NODE_PROPERTIES, NAME_SPEC, PropertySpec, Schema, check_text, get_schema
from loaders.gazetteer import Gazetteer
from loaders.values import parse_amount_yi, parse_date

_RECORD_KEYS = {"id", "sources"}

# Limits on a catalog file. A catalog is a few levels deep (section → record → relationship →
# item → sources) and rarely needs a YAML alias; these bounds stop alias bombs ("billion
# laughs"), stack exhaustion and memory exhaustion long before they could start.
MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 20
MAX_ALIASES = 100
MAX_ALIAS_EXPANSION = 10_000  # values an alias may stand for, counted over the whole file
# Tags that only say what plain YAML would infer anyway; !!binary, !!set, !!omap, !!python/… and
# local tags make values no catalog field holds.
_PLAIN_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "seq", "map",
                                                  "timestamp")}


class _Refused(Exception):
    """A catalog refused while it is read: (line, field, value, reason)."""


class Located(dict):
    """A mapping read from YAML that remembers its line and each key's line (kept beside the
    data, never in it)."""

    line: int | None = None
    key_lines: dict = {}

    def line_of(self, key=None) -> int | None:
        return self.key_lines.get(key, self.line) if key is not None else self.line


def line_of(rec, key=None) -> int | None:
    return rec.line_of(key) if isinstance(rec, Located) else None


def _dotted(steps) -> str | None:
    """`Chamber`, `[0]`, `based_in` → `Chamber[0].based_in`."""
    out = ""
    for step in steps:
        out += step if step.startswith("[") or not out else "." + step
    return out or None


if yaml.__with_libyaml__:  # libyaml scans a 10 MB scalar in a second, pure Python in half a minute
    from yaml._yaml import CParser

    _PARSING: tuple = (CParser,)
else:  # pragma: no cover - PyYAML built without libyaml
    _PARSING = (yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser)


class _CatalogLoader(yaml.composer.Composer, *_PARSING, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
    """PyYAML's safe loader, bounded: alias count and expansion, nesting depth and plain tags
    are checked while the document is composed (PyYAML's Python composer, on events from
    libyaml where it is built), before any value is built."""

    def __init__(self, text: str):
        _PARSING[0].__init__(self, text)
        for base in _PARSING[1:]:
            base.__init__(self)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)
        self._aliases = self._expansion = 0
        self._weight: dict[int, int] = {}  # id(node) → how many values it stands for, expanded
        self._path: list[str] = []

    def _field(self) -> str | None:
        return _dotted(p for p in self._path if p)

    def compose_node(self, parent, index):
        event = self.peek_event()
        line = event.start_mark.line + 1
        step = index.value if isinstance(index, yaml.ScalarNode) else f"[{index}]" if isinstance(index, int) else "?"
        self._path.append(str(step) if parent is not None else "")
        try:
            return self._compose_bounded(event, line, parent, index)
        finally:
            self._path.pop()

    def _compose_bounded(self, event, line, parent, index):
        if isinstance(event, yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise _Refused(line, self._field(), f"*{event.anchor}",
                               f"YAML 别名过多 / more than {MAX_ALIASES} YAML aliases (&/*) in one catalog")
            node = super().compose_node(parent, index)
            weight = self._weight.get(id(node))
            if weight is None:
                raise _Refused(line, self._field(), f"*{event.anchor}",
                               "YAML 别名指向自身 / a YAML alias inside the value it names")
            self._expansion += weight
            if self._expansion > MAX_ALIAS_EXPANSION:
                raise _Refused(line, self._field(), f"*{event.anchor}",
                               f"YAML 别名展开过大 / YAML aliases expand to more than {MAX_ALIAS_EXPANSION} values")
            return node
        tag = getattr(event, "tag", None)
        if tag not in (None, "!") and tag not in _PLAIN_TAGS:
            raise _Refused(line, self._field(), tag.replace("tag:yaml.org,2002:", "!!"),
                           "不支持 YAML 标签 / YAML tags such as !!binary or !!set are not allowed; write plain values")
        if len(self._path) > MAX_DEPTH:
            raise _Refused(line, self._field(), None,
                           f"嵌套过深 / nested more than {MAX_DEPTH} levels deep")
        node = super().compose_node(parent, index)
        if isinstance(node, yaml.ScalarNode):
            weight = 1
        elif isinstance(node, yaml.SequenceNode):
            weight = 1 + sum(self._weight.get(id(v), 1) for v in node.value)
        else:
            weight = 1 + sum(self._weight.get(id(k), 1) + self._weight.get(id(v), 1) for k, v in node.value)
        self._weight[id(node)] = weight
        return node

    def construct_yaml_map(self, node):
        data = Located()
        data.line = node.start_mark.line + 1
        yield data
        seen = {}
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                key = self.construct_object(key_node)
                if key in seen:
                    raise _Refused(key_node.start_mark.line + 1, str(key), None,
                                   f"键重复 / duplicate key in one mapping (first at line {seen[key]})")
                seen[key] = key_node.start_mark.line + 1
        data.update(self.construct_mapping(node))
        data.key_lines = seen

    def construct_yaml_int(self, node):
        # Thousands of digits are more than int() reads; as text, the field's own check names it.
        try:
            return super().construct_yaml_int(node)
        except ValueError:
            return self.construct_scalar(node)

    def construct_yaml_timestamp(self, node):
        # An impossible date such as 2017-13-45 stays text, so the field's own check names it.
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_CatalogLoader.add_constructor("tag:yaml.org,2002:map", _CatalogLoader.construct_yaml_map)
_CatalogLoader.add_constructor("tag:yaml.org,2002:int", _CatalogLoader.construct_yaml_int)
_CatalogLoader.add_constructor("tag:yaml.org,2002:timestamp", _CatalogLoader.construct_yaml_timestamp)


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


def _decode(raw: bytes) -> str:
    """UTF-8 (a BOM is fine), UTF-16/32 with a BOM, GBK/GB18030, or Big5 as charset-normalizer
    detects it; anything else is refused, naming what it looks like."""
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return raw.decode(encoding)
    for encoding in ("utf-8-sig", "gb18030"):  # as the ledger loader reads CSV
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    best = from_bytes(raw).best()
    encoding = best.encoding if best is not None else None
    if encoding in ("big5", "big5hkscs", "cp950"):
        return str(best)
    raise _Refused(None, None, encoding,
                   "文本编码无法识别 / not UTF-8 (nor GBK/GB18030 or Big5): save the catalog as UTF-8")


def _depth(data) -> int:
    """Nesting depth of parsed JSON, without recursion."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, depth = stack.pop()
        deepest = max(deepest, depth)
        if depth > MAX_DEPTH:
            break
        if isinstance(value, dict):
            stack += [(v, depth + 1) for v in value.values()]
        elif isinstance(value, list):
            stack += [(v, depth + 1) for v in value]
    return deepest


def _json_object(pairs):
    out = {}
    for key, value in pairs:
        if key in out:
            raise _Refused(None, key, None, "键重复 / duplicate key in one JSON object")
        out[key] = value
    return out


def _parse(path: Path):
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise _Refused(None, None, None, f"文件过大 / {size:,} bytes; a catalog may hold at most "
                                         f"{MAX_BYTES // (1024 * 1024)} MB")
    text = _decode(path.read_bytes())
    if path.suffix.lower() != ".json":
        raw_control = yaml.reader.Reader.NON_PRINTABLE.search(text)
        if raw_control:
            raise _Refused(text.count("\n", 0, raw_control.start()) + 1, None, raw_control.group(),
                           "含控制字符 / a control character YAML does not allow")
        loader = _CatalogLoader(text)
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
    too_deep = _Refused(None, None, None, f"嵌套过深 / nested more than {MAX_DEPTH} levels deep")
    try:
        data = json.loads(text, object_pairs_hook=_json_object)
    except json.JSONDecodeError as exc:
        raise _Refused(exc.lineno, None, None, f"not valid JSON: {exc.msg}") from None
    except RecursionError:  # nested far too deep even for the parser
        raise too_deep from None
    except ValueError as exc:  # an integer of thousands of digits
        raise _Refused(None, None, None, f"not valid JSON: {exc}") from None
    if _depth(data) > MAX_DEPTH:
        raise too_deep
    return data


def _read(path: Path) -> dict:
    try:
        data = _parse(path)
    except _Refused as exc:
        line, field, value, reason = exc.args
        raise ValidationError([Problem(str(path), line, field, value, reason, "line")]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise ValidationError([Problem(str(path), line, None, None,
                                       f"not valid YAML: {exc.problem or exc.context}", "line")]) from None
    except yaml.YAMLError as exc:
        raise ValidationError([Problem(str(path), None, None, None, f"not valid YAML: {exc}", "line")]) from None
    if not isinstance(data, dict):
        what = "empty" if data is None else f"a {type(data).__name__}"
        raise ValidationError([Problem(str(path), None, None, None,
                                       f"目录须为映射 / a catalog must be a mapping (this one is {what})")])
    return data


def load_catalog(path, gazetteer: Gazetteer, schema: Schema | None = None) -> Dataset:
    """Read one catalog file; references resolve in the file first, then in `gazetteer`
    (for a user's catalog, `loaders.bundled.bundled_gazetteer()`: the bundled names)."""
    path = Path(path)
    schema = schema or get_schema()
    data = _read(path)
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
