"""neo4j-admin import CSV: `nodes.csv` + `relationships.csv`, in a directory or a .zip.

Headers follow `neo4j-admin database import` (`id:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`,
typed columns such as `amount_yi:double`, `signed_on:date`, `aliases:string[]`); list items are
joined with ";" (the tool's default array delimiter). `synthetic_data:IGNORE` says, per row,
whether all its sources are synthetic; the import skips it, so the database stays schema-only.

    neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv neo4j

>>> attribute_header("signed_on", "date"), attribute_header("aliases", "list[string]")
('signed_on:date', 'aliases:string[]')
"""
from __future__ import annotations

import csv
import io
import zipfile
from contextlib import ExitStack
from pathlib import Path

from graph.errors import JinshangError
from graph.exporters.stream import GraphStream
from graph.exporters.xml import attribute_types, edge_values, node_values
from graph.schema import Schema, get_schema

ADMIN_TYPES = {"string": "", "int": ":long", "float": ":double", "bool": ":boolean", "date": ":date",
               "list[string]": ":string[]"}
ARRAY_DELIMITER = ";"


class ExportError(JinshangError):
    """A value cannot be written in the chosen format."""


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


def write_csv(stream: GraphStream, target: Path, schema: Schema | None = None) -> tuple[int, int]:
    """Write nodes.csv and relationships.csv into directory `target`, or into `target` as a zip
    when it ends in .zip; returns (nodes, relationships)."""
    schema = schema or get_schema()
    synthetic = set(stream.synthetic_sources())
    node_attrs, edge_attrs = attribute_types(schema)
    node_cols = {k: t for k, t in node_attrs.items() if k not in ("schema_label", "labels", "synthetic")}
    edge_cols = {k: t for k, t in edge_attrs.items() if k not in ("type", "synthetic")}
    # Source.synthetic is a real property (boolean column); the row-level flag is separate.
    node_cols["synthetic"] = "bool"
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
            nodes = _write_nodes(csv.writer(fh), stream, node_cols, synthetic, schema)
        with open_("relationships.csv") as fh:
            rels = _write_rels(csv.writer(fh), stream, edge_cols, synthetic)
    return nodes, rels


def _write_nodes(out, stream: GraphStream, cols: dict, synthetic: set[str], schema: Schema) -> int:
    out.writerow(["id:ID", ":LABEL"] + [attribute_header(k, t) for k, t in cols.items()] + ["synthetic_data:IGNORE"])
    count = 0
    for n in stream.nodes():
        values = node_values(n, synthetic, schema)
        row = [n.id, ARRAY_DELIMITER.join(schema.label(n.label).labels)]
        for k, t in cols.items():
            v = n.props.get("synthetic") if k == "synthetic" else values.get(k)
            row.append(_cell(v, t, f"node {n.id}, {k}"))
        out.writerow(row + [_cell(values["synthetic"], "bool", n.id)])
        count += 1
    return count


def _write_rels(out, stream: GraphStream, cols: dict, synthetic: set[str]) -> int:
    out.writerow([":START_ID", ":END_ID", ":TYPE"] + [attribute_header(k, t) for k, t in cols.items()]
                 + ["synthetic_data:IGNORE"])
    count = 0
    for e in stream.edges():
        values = edge_values(e, synthetic)
        out.writerow([e.start, e.end, e.type]
                     + [_cell(values.get(k), t, f"{e.type} {e.start} → {e.end}, {k}") for k, t in cols.items()]
                     + [_cell(values["synthetic"], "bool", e.start)])
        count += 1
    return count
