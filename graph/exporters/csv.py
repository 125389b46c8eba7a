"""neo4j-admin import CSV: `nodes.csv` + `relationships.csv`, in a directory or a .zip.

Headers follow `neo4j-admin database import` (`id:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`,
typed columns such as `amount_yi:double`, `signed_on:date`, `aliases:string[]`); list items are
joined with ";" (the tool's default array delimiter). `synthetic_data:IGNORE` says, per row,
whether all its sources are synthetic; the import skips it, so the database stays schema-only.

    neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv neo4j

These files are written EXACTLY, for the importer: a value starting with `=`, `+`, `-` or `@`
stays as it is (a `'` in front would become part of the data in Neo4j). Spreadsheets would take
such a cell for a formula, so these files are not for opening in Excel or WPS; the cells are
counted (`CsvWritten.formula_cells`) and `jinshang export` says so when there are any. CSV meant
for people (`jinshang query run/cypher --format csv`) defuses them (graph/spreadsheet.py).

>>> attribute_header("signed_on", "date"), attribute_header("aliases", "list[string]")
('signed_on:date', 'aliases:string[]')
"""
from __future__ import annotations

import csv
import io
import zipfile
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from graph.errors import JinshangError
from graph.exporters.stream import GraphStream
from graph.exporters.xml import attribute_types, edge_values, node_values
from graph.schema import Schema, get_schema
from graph.spreadsheet import is_formula_like

ADMIN_TYPES = {"string": "", "int": ":long", "float": ":double", "bool": ":boolean", "date": ":date",
               "partial_date": "", "list[string]": ":string[]"}
ARRAY_DELIMITER = ";"


class ExportError(JinshangError):
    """A value cannot be written in the chosen format."""


@dataclass
class CsvWritten:
    """What write_csv wrote: rows, and the cells a spreadsheet would take for formulas."""

    nodes: int = 0
    relationships: int = 0
    formula_cells: int = 0
    first_formula: str | None = None  # where the first one is, e.g. "node company:x, name"

    def count(self, text: str, where: str) -> str:
        if is_formula_like(text):
            self.formula_cells += 1
            self.first_formula = self.first_formula or where
        return text


def attribute_header(name: str, type_: str) -> str:
    return name + ADMIN_TYPES[type_]


def _cell(value, type_: str, where: str) -> str:
    if value is None:
        return ""
    if type_ == "list[string]":
        items = [str(v) for v in value]
        bad = [v for v in items if ARRAY_DELIMITER in v]
        if bad:
            raise ExportError(f"{where}: list item {bad[0]!r} holds the array delimiter {ARRAY_DELIMITER!r}")
        return ARRAY_DELIMITER.join(items)
    if type_ == "bool":
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def write_csv(stream: GraphStream, target: Path, schema: Schema | None = None) -> CsvWritten:
    """Write nodes.csv and relationships.csv into directory `target`, or into `target` as a zip
    when it ends in .zip; returns the rows written and the formula-like cells among them."""
    schema = schema or get_schema()
    synthetic = set(stream.synthetic_sources())
    node_attrs, edge_attrs = attribute_types(schema)
    node_cols = {k: t for k, t in node_attrs.items() if k not in ("schema_label", "labels", "synthetic")}
    edge_cols = {k: t for k, t in edge_attrs.items() if k not in ("type", "synthetic")}
    # Source.synthetic is a real property (boolean column); the row-level flag is separate.
    node_cols["synthetic"] = "bool"
    written = CsvWritten()
    with ExitStack() as stack:
        if target.suffix.lower() == ".zip":
            target.parent.mkdir(parents=True, exist_ok=True)
            zf = stack.enter_context(zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED))
            # A zip takes one member at a time: each file is closed before the next is opened.
            open_ = lambda name: io.TextIOWrapper(zf.open(name, "w"), encoding="utf-8", newline="")
        else:
            target.mkdir(parents=True, exist_ok=True)
            open_ = lambda name: open(target / name, "w", encoding="utf-8", newline="")
        with open_("nodes.csv") as fh:
            written.nodes = _write_nodes(csv.writer(fh), stream, node_cols, synthetic, schema, written)
        with open_("relationships.csv") as fh:
            written.relationships = _write_rels(csv.writer(fh), stream, edge_cols, synthetic, written)
    return written


def _write_nodes(out, stream: GraphStream, cols: dict, synthetic: set[str], schema: Schema,
                 written: CsvWritten) -> int:
    out.writerow(["id:ID", ":LABEL"] + [attribute_header(k, t) for k, t in cols.items()] + ["synthetic_data:IGNORE"])
    count = 0
    for n in stream.nodes():
        values = node_values(n, synthetic, schema)
        row = [written.count(n.id, f"node {n.id}, id"), ARRAY_DELIMITER.join(schema.label(n.label).labels)]
        for k, t in cols.items():
            v = n.props.get("synthetic") if k == "synthetic" else values.get(k)
            where = f"node {n.id}, {k}"
            cell = _cell(v, t, where)
            row.append(written.count(cell, where) if t in ("string", "list[string]") else cell)
        out.writerow(row + [_cell(values["synthetic"], "bool", n.id)])
        count += 1
    return count


def _write_rels(out, stream: GraphStream, cols: dict, synthetic: set[str], written: CsvWritten) -> int:
    out.writerow([":START_ID", ":END_ID", ":TYPE"] + [attribute_header(k, t) for k, t in cols.items()]
                 + ["synthetic_data:IGNORE"])
    count = 0
    for e in stream.edges():
        values = edge_values(e, synthetic)
        row = [written.count(e.start, f"{e.type} {e.start} → {e.end}, start"),
               written.count(e.end, f"{e.type} {e.start} → {e.end}, end"), e.type]
        for k, t in cols.items():
            where = f"{e.type} {e.start} → {e.end}, {k}"
            cell = _cell(values.get(k), t, where)
            row.append(written.count(cell, where) if t in ("string", "list[string]") else cell)
        out.writerow(row + [_cell(values["synthetic"], "bool", e.start)])
        count += 1
    return count
