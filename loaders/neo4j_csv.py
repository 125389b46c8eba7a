"""A neo4j-admin CSV export (`jinshang export -f csv`) read back into records.

The directory (or .zip) holds `nodes.csv` and `relationships.csv` as graph/exporters/csv.py writes
them: typed headers (`id:ID`, `:LABEL`, `amount_yi:double`, `signed_on:date`, `aliases:string[]`,
`:START_ID`, `:END_ID`, `:TYPE`), list items joined with ";", a column per property of any label,
empty where a node has none, and `synthetic_data:IGNORE` (derived from the sources; skipped, as the
importer skips it). Reading it back makes export → load a round trip: a database restored into an
empty one (`jinshang load --bulk DIR`), or merged into another (`jinshang load DIR`).

Every value is typed twice: by its header (a `:long` cell must be a whole number) and by the
schema for its node's label or relationship's type (`graph/schema.yaml`; a column without a type
holds text, or a value of a type two labels disagree on, read by the label's own type). The Source
nodes keep `synthetic`, so a synthetic set stays marked. Bad input is refused with the file, line,
column, value and reason (Chinese first), and nothing is returned; reading stops after
`MAX_PROBLEMS` problems, so a wholly wrong file of millions of rows says so quickly.

Built for size: the L synthetic set (10^6 nodes, 5.4×10^6 relationships, ≈ 700 MB) is read with
the csv module row by row, records built directly (no per-record merge), ids and sources shared
between the records that repeat them.

>>> ds = load_neo4j_csv("out/export")                      # doctest: +SKIP
>>> ds.nodes["chamber:广东山西商会"].label                  # doctest: +SKIP
'Chamber'
"""
from __future__ import annotations

import csv
import io
import zipfile
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable, Iterator

from graph.errors import Problem, ValidationError
from graph.exporters.csv import ARRAY_DELIMITER
from graph.exporters.stream import primary_label
from graph.records import Dataset, EdgeRecord, NodeRecord
from graph.schema import NAME_SPEC, PropertySpec, Schema, check_text, get_schema, partial_date

NODES, RELATIONSHIPS = "nodes.csv", "relationships.csv"
MAX_PROBLEMS = 20
# neo4j-admin's header types → the schema type a value of it is read as
HEADER_TYPES = {"": "string", "string": "string", "char": "string", "long": "int", "int": "int",
                "short": "int", "byte": "int", "double": "float", "float": "float", "boolean": "bool",
                "date": "date", "string[]": "list[string]"}
# which schema types a header type may carry (a whole number fits a float property; a date a partial one)
FITS = {"string": {"string", "partial_date", "int", "float", "bool", "date", "list[string]"},
        "int": {"int", "float"}, "float": {"float"}, "bool": {"bool"}, "date": {"date", "partial_date"},
        "list[string]": {"list[string]"}}
_NO_PROPS: dict = {}  # shared by the relationships without properties (records are read-only)


def is_neo4j_csv(path) -> bool:
    """A directory holding nodes.csv, or a .zip: what `jinshang export -f csv` writes."""
    path = Path(path)
    return (path.is_dir() and (path / NODES).is_file()) or (path.suffix.lower() == ".zip" and path.is_file())


class _Stop(Exception):
    """Enough problems: stop reading."""


@dataclass(frozen=True)
class _Column:
    index: int
    name: str  # the property
    header: str  # the header cell, as written (for messages)
    type: str  # the schema type the header declares (HEADER_TYPES)


class _Reader:
    def __init__(self, where: Path, schema: Schema):
        self.where, self.schema = where, schema
        self.problems: list[Problem] = []
        self.file = ""

    def problem(self, line, field, value, reason) -> None:
        self.problems.append(Problem(self.file, line, field, value, reason, "line"))
        if len(self.problems) >= MAX_PROBLEMS:
            raise _Stop

    def refuse(self, line, field, value, reason):
        self.problem(line, field, value, reason)
        raise _Stop

    # ---- headers ----------------------------------------------------------------------------
    def header(self, row: list[str], required: tuple[str, ...], known: dict[str, str],
               owners: str) -> tuple[dict, list[_Column], list[int]]:
        """(positions of the required columns, property columns, ignored columns) of a header;
        `known` maps every property of any of the `owners` (labels, relationship types) to its type."""
        missing = [c for c in required if c not in row]
        if missing:
            self.refuse(1, None, ",".join(row)[:120], f"不是 neo4j-admin CSV / not neo4j-admin import CSV as "
                        f"`jinshang export -f csv` writes it: the header has no {' and no '.join(missing)} column")
        fixed, props, ignored, seen = {}, [], [], set()
        for i, cell in enumerate(row):
            name, _, kind = cell.partition(":")
            if cell in required:
                fixed[cell] = i
                continue
            if kind == "IGNORE":
                ignored.append(i)
                continue
            if kind not in HEADER_TYPES:
                self.refuse(1, cell, None, f"不支持的列类型 / a column type the schema has no use for ({kind or cell!r}); "
                                           f"expected one of {', '.join(t for t in HEADER_TYPES if t)}, or none (text)")
            if name not in known:
                self.refuse(1, cell, None, f"不是模式中的属性 / no property of that name in the schema "
                                           f"(graph/schema.yaml) for any {owners}")
            if name in seen:
                self.refuse(1, cell, None, "列重复 / the same property in two columns")
            seen.add(name)
            props.append(_Column(i, name, cell, HEADER_TYPES[kind]))
        return fixed, props, ignored

    def columns_for(self, owner: str, specs: dict[str, PropertySpec], props: list[_Column]) -> list:
        """(index, property, header cell, parser) of the columns a label or type has, types checked against the schema."""
        out = []
        for col in props:
            spec = specs.get(col.name)
            if spec is None:
                continue
            if spec.type not in FITS[col.type]:
                self.refuse(1, col.header, None, f"列类型与模式不符 / the header declares {col.type} and the schema "
                                                 f"types {owner}.{col.name} as {spec.type}")
            out.append((col.index, col.name, col.header, _parser(col.type, spec)))
        return out

    # ---- rows -------------------------------------------------------------------------------
    @contextmanager
    def reading(self, fh):
        """A csv reader over `fh` (its `line_num` is the line of a problem); broken CSV or text
        that is not UTF-8 becomes a problem at the line where it stands."""
        reader = csv.reader(fh, strict=True)
        try:
            yield reader
        except csv.Error as exc:
            self.refuse(reader.line_num, None, None, f"不是有效的 CSV / not valid CSV: {exc}")
        except UnicodeDecodeError:
            self.refuse(reader.line_num + 1, None, None, "不是 UTF-8 文本 / not UTF-8 text")

    def header_row(self, reader) -> list[str]:
        first = next(reader, None)
        if first is None:
            self.refuse(1, None, None, "空文件 / an empty file: no header")
        return first

    def values(self, line: int, row: list[str], cols, props: dict, ncells: int, all_props: list[_Column],
               owner: str) -> bool:
        """Parse `cols` of `row` into `props`; False (and a problem) if any cell is bad or a cell
        outside `cols` holds something (a property `owner` does not have)."""
        filled = 0
        ok = True
        for i, name, header, parse in cols:
            text = row[i]
            if not text:
                continue
            filled += 1
            try:
                value = parse(text)
            except ValueError as exc:
                self.problem(line, header, text, str(exc))
                ok = False
                continue
            if value is not None:
                props[name] = value
        if filled != ncells:
            mine = {c[0] for c in cols}
            for col in all_props:
                if col.index not in mine and row[col.index]:
                    self.problem(line, col.header, row[col.index], f"{owner} 没有此属性 / {owner} has no property "
                                                                   f"{col.name!r} in the schema")
                    return False
        return ok


# a number column's conversion and, when it fails, the reason the error line gives
_NUMBERS = {"int": (int, "不是整数 / not a whole number"), "float": (float, "不是数 / not a number")}


def _parser(header_type: str, spec: PropertySpec) -> Callable[[str], object]:
    """Text → the schema type of `spec`, read as the header declares it; ValueError with a reason."""
    target = spec.type
    if target == "string":
        enum = spec.enum

        def parse(text):
            if enum and text not in enum:
                raise ValueError(f"不在取值范围内 / must be one of {', '.join(enum)}")
            return spec.check(text)
    elif target == "partial_date":
        def parse(text):
            try:
                return partial_date(text)
            except ValueError:
                raise ValueError("不是日期 / not a date like 2018, 2018-05 or 2018-05-12") from None
    elif target in _NUMBERS:
        convert, reason = _NUMBERS[target]

        def parse(text):
            try:
                value = convert(text)
            except ValueError:
                raise ValueError(reason) from None
            return spec.check(value)
    elif target == "bool":
        def parse(text):
            low = text.lower()
            if low == "true":
                return True
            if low == "false":
                return False
            raise ValueError("不是 true/false / not true or false")
    elif target == "date":
        def parse(text):
            try:
                return date.fromisoformat(text)
            except ValueError:
                raise ValueError("不是日期 / not a date like 2017-05-12") from None
    elif target == "list[string]":
        def parse(text):
            return spec.check([item for item in text.split(ARRAY_DELIMITER) if item]) or None
    else:  # a schema type this reader does not know: the schema grew; say so rather than guess
        raise AssertionError(f"no parser for schema type {target!r}")
    return parse


@contextmanager
def _opened(path: Path) -> Iterator[Callable[[str], io.TextIOBase | None]]:
    """A function from a member name to its open text (None when absent), for a directory or a zip."""
    with ExitStack() as stack:
        if path.is_dir():
            def open_(name):
                f = path / name
                return stack.enter_context(open(f, encoding="utf-8-sig", newline="")) if f.is_file() else None
        else:
            try:
                zf = stack.enter_context(zipfile.ZipFile(path))
            except (zipfile.BadZipFile, OSError) as exc:
                raise ValidationError([Problem(str(path), None, None, None,
                                               f"不是 zip 文件 / not a zip archive: {exc}")]) from None
            names = set(zf.namelist())

            def open_(name):
                if name not in names:
                    return None
                return stack.enter_context(io.TextIOWrapper(zf.open(name), encoding="utf-8-sig", newline=""))
        yield open_


def load_neo4j_csv(path, schema: Schema | None = None) -> Dataset:
    """Records from a neo4j-admin CSV export (directory or .zip); ValidationError if anything in it is wrong."""
    path = Path(path)
    schema = schema or get_schema()
    r = _Reader(path, schema)
    ds = Dataset()
    try:
        with _opened(path) as open_:
            for name in (NODES, RELATIONSHIPS):
                fh = open_(name)
                r.file = str(path / name)
                if fh is None:
                    r.file = str(path)
                    r.refuse(None, None, name, f"缺少 {name} / no {name}: an export (`jinshang export -f csv`) "
                                               f"holds {NODES} and {RELATIONSHIPS}")
                (_read_nodes if name == NODES else _read_relationships)(r, fh, ds)
                if r.problems:  # relationships of refused nodes would only repeat the problem
                    break
    except _Stop:
        pass
    if r.problems:
        if len(r.problems) >= MAX_PROBLEMS:
            r.problems.append(Problem(r.file, None, None, None, f"在 {MAX_PROBLEMS} 个问题后停止读取 / stopped "
                                                               f"reading after {MAX_PROBLEMS} problems"))
        raise ValidationError(r.problems)
    return ds


def _read_nodes(r: _Reader, fh, ds: Dataset) -> None:
    schema = r.schema
    known = {"name": "string"}
    for spec in schema.labels.values():
        known.update({p: s.type for p, s in spec.properties.items()})
    with r.reading(fh) as reader:
        _node_rows(r, reader, r.header_row(reader), known, ds)


def _ignored_count(ignored: list[int]):
    """How many of the ignored cells of a row hold something, as cheap as can be for the usual one column."""
    if len(ignored) == 1:
        at = ignored[0]
        return lambda row: row[at] != ""
    return lambda row: sum(1 for i in ignored if row[i])


def _node_rows(r: _Reader, reader, first: list[str], known: dict, ds: Dataset) -> None:
    schema = r.schema
    fixed, props, ignored = r.header(first, ("id:ID", ":LABEL"), {**known, "sources": "list[string]"}, "label")
    id_at, label_at = fixed["id:ID"], fixed[":LABEL"]
    sources_col = next((c for c in props if c.name == "sources"), None)
    if sources_col is None or sources_col.type != "list[string]":
        r.refuse(1, None, None, "缺少 sources:string[] 列 / the header needs a sources:string[] column: every node "
                                "has its sources")
    props = [c for c in props if c.name != "sources"]
    width = len(first)
    also = _ignored_count(ignored)
    per_label: dict[str, tuple] = {}  # label → (columns, required, id prefix)
    labels_seen: dict[str, str | None] = {}  # the :LABEL cell → the schema label
    sources_seen: dict[str, tuple] = {}
    nodes = ds.nodes
    for row in reader:
        line = reader.line_num
        if len(row) != width:
            if row:  # a blank line is nothing
                r.problem(line, None, None, f"单元格数不符 / {len(row)} cells where the header has {width}")
            continue
        cell = row[label_at]
        label = labels_seen.get(cell, "?")
        if label == "?":
            label = labels_seen[cell] = _label(cell, schema)
        if label is None:
            r.problem(line, ":LABEL", cell, "未知标签 / labels the schema does not have or stack so (graph/schema.yaml "
                                            f"has {', '.join(schema.labels)}; a Chamber is also an Organization)")
            continue
        spec = per_label.get(label)
        if spec is None:
            lspec = schema.label(label)
            cols = r.columns_for(label, {"name": NAME_SPEC, **lspec.properties}, props)
            required = ["name", *(p for p, ps in lspec.properties.items() if ps.required)]
            spec = per_label[label] = (cols, required, lspec.id_prefix)
        cols, required, prefix = spec
        node_id = row[id_at]
        if not node_id.startswith(prefix) or node_id == prefix:
            r.problem(line, "id:ID", node_id, f"id 须以 {prefix} 开头 / a {label} id must begin with {prefix!r}")
            continue
        try:
            check_text(node_id, "id")
        except ValueError as exc:
            r.problem(line, "id:ID", node_id, str(exc))
            continue
        values: dict = {}
        source_text = row[sources_col.index]
        filled = width - row.count("") - 2 - (source_text != "") - also(row)
        if not r.values(line, row, cols, values, filled, props, label):
            continue
        if _missing(r, line, required, values, label):
            continue
        sources = sources_seen.get(source_text) or _sources(r, line, sources_col.header, source_text, sources_seen)
        if not sources:
            continue
        rec = NodeRecord(label, node_id, values, sources)
        old = nodes.get(node_id)
        if old is not None and old != rec:
            r.problem(line, "id:ID", node_id, f"id 重复且值不同 / the same id as line {_first_line(r, id_at, node_id)} "
                                              "with different values")
            continue
        nodes[node_id] = old or rec


def _label(cell: str, schema: Schema) -> str | None:
    """The schema label of a `:LABEL` cell ("Chamber;Organization" → Chamber); None when the cell
    names a label the schema lacks (it would be lost) or labels no schema label stacks."""
    labels = [x for x in cell.split(ARRAY_DELIMITER) if x]
    if not labels or any(x not in schema.labels for x in labels):
        return None
    return primary_label(labels, schema)


def _missing(r: _Reader, line: int, required: list[str], values: dict, owner: str) -> bool:
    """True (and the problem told) when a required property of the label or type has no value."""
    missing = next((p for p in required if values.get(p) is None), None)
    if missing is not None:
        r.problem(line, missing, None, f"缺少必填属性 / {owner} needs {missing!r}")
    return missing is not None


def _sources(r: _Reader, line: int, header: str, text: str, seen: dict[str, tuple]) -> tuple:
    """The sources of a `sources:string[]` cell not seen before, checked; () after telling the problem.
    Good ones go into `seen`, so one tuple is shared by every record with these sources."""
    items = tuple(s for s in text.split(ARRAY_DELIMITER) if s)
    if not items:
        r.problem(line, header, None, "缺少来源 / no sources: every record says where it comes from")
        return ()
    for s in items:
        try:
            NAME_SPEC.check(s)
        except ValueError as exc:
            r.problem(line, header, s, str(exc))
            return ()
    seen[text] = items
    return items


def _first_line(r: _Reader, at: int, value: str, at2: int | None = None, value2: str | None = None) -> int | None:
    """The line where `value` first stands in column `at` (only on the error path: read again)."""
    with _opened(r.where) as open_, r.reading(open_(Path(r.file).name)) as reader:
        for row in reader:
            if reader.line_num > 1 and len(row) > at and row[at] == value and (at2 is None or row[at2] == value2):
                return reader.line_num
    return None


def _read_relationships(r: _Reader, fh, ds: Dataset) -> None:
    known = {}
    for spec in r.schema.relationships.values():
        known.update({p: s.type for p, s in spec.properties.items()})
    with r.reading(fh) as reader:
        _relationship_rows(r, reader, r.header_row(reader), known, ds)


def _relationship_rows(r: _Reader, reader, first: list[str], known: dict, ds: Dataset) -> None:
    fixed, props, ignored = r.header(first, (":START_ID", ":END_ID", ":TYPE"), {**known, "sources": "list[string]"},
                                     "relationship type")
    start_at, end_at, type_at = fixed[":START_ID"], fixed[":END_ID"], fixed[":TYPE"]
    sources_col = next((c for c in props if c.name == "sources"), None)
    if sources_col is None or sources_col.type != "list[string]":
        r.refuse(1, None, None, "缺少 sources:string[] 列 / the header needs a sources:string[] column: every "
                                "relationship has its sources")
    props = [c for c in props if c.name != "sources"]
    width = len(first)
    also = _ignored_count(ignored)
    relationships = r.schema.relationships
    per_type: dict[str, tuple] = {}
    sources_seen: dict[str, tuple] = {}
    nodes, edges = ds.nodes, ds.edges
    for row in reader:
        line = reader.line_num
        if len(row) != width:
            if row:  # a blank line is nothing
                r.problem(line, None, None, f"单元格数不符 / {len(row)} cells where the header has {width}")
            continue
        rtype = row[type_at]
        spec = per_type.get(rtype)
        if spec is None:
            rspec = relationships.get(rtype)
            if rspec is None:
                r.problem(line, ":TYPE", rtype, "未知关系类型 / a relationship type the schema does not have "
                                                f"(graph/schema.yaml has {', '.join(relationships)})")
                continue
            cols = r.columns_for(rtype, rspec.properties, props)
            required = [p for p, ps in rspec.properties.items() if ps.required]
            spec = per_type[rtype] = (rspec, frozenset(rspec.ends), rspec.key, cols, required)
        rspec, ends, key_props, cols, required = spec
        start, end = nodes.get(row[start_at]), nodes.get(row[end_at])
        if start is None or end is None:
            at, field = (start_at, ":START_ID") if start is None else (end_at, ":END_ID")
            r.problem(line, field, row[at], f"{NODES} 中没有此 id 的节点 / no node with this id in {NODES}")
            continue
        if (start.label, end.label) not in ends:
            r.problem(line, ":TYPE", rtype, f"模式不允许 / the schema has no {rtype} from a {start.label} "
                                            f"to a {end.label}")
            continue
        source_text = row[sources_col.index]
        filled = width - row.count("") - 3 - (source_text != "") - also(row)
        values: dict = {}
        if filled and not r.values(line, row, cols, values, filled, props, rtype):
            continue
        if required and _missing(r, line, required, values, rtype):
            continue
        sources = sources_seen.get(source_text) or _sources(r, line, sources_col.header, source_text, sources_seen)
        if not sources:
            continue
        key = (rtype, start.id, end.id, tuple([values.get(k) for k in key_props]) if key_props else ())
        rec = EdgeRecord(rtype, start.id, end.id, values or _NO_PROPS, sources, start.label, end.label)
        old = edges.get(key)
        if old is not None and old != rec:
            r.problem(line, ":TYPE", rtype, f"关系重复且值不同 / the same {rtype} from {start.id} to {end.id} as line "
                                            f"{_first_line(r, start_at, start.id, end_at, end.id)} with different values")
            continue
        edges[key] = old or rec
