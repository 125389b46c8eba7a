"""`jinshang export`: the graph out of Neo4j in standard forms, streamed.

Formats: ttl, nt, jsonld (RDF in the project vocabulary, see docs/rdf.md), graphml, gexf (Gephi),
csv (neo4j-admin import: a directory, or a .zip, holding nodes.csv and relationships.csv; kept
exact for the importer, formula-like cells included, which the summary counts — see csv.py).
Files are written to `<name>.part` and renamed when complete, so a failed export leaves no
half-written file behind.

>>> export(driver, "neo4j", "ttl", Path("out/graph.ttl"))           # doctest: +SKIP
ExportSummary(format='ttl', path=..., nodes=96, relationships=173, triples=1495, synthetic_sources=[])
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from graph.exporters.csv import ExportError, write_csv
from graph.exporters.rdf import write_jsonld, write_ntriples, write_turtle
from graph.exporters.stream import DatasetStream, GraphStream, Neo4jStream
from graph.exporters.xml import write_gexf, write_graphml

FORMATS = ("ttl", "jsonld", "nt", "graphml", "gexf", "csv")
SUFFIXES = {".ttl": "ttl", ".jsonld": "jsonld", ".nt": "nt", ".graphml": "graphml", ".gexf": "gexf",
            ".zip": "csv", "": "csv"}


@dataclass
class ExportSummary:
    format: str
    path: Path
    nodes: int = 0
    relationships: int = 0
    triples: int | None = None  # RDF statements written (RDF formats only)
    synthetic_sources: list[str] = field(default_factory=list)
    formula_cells: int = 0  # csv only: cells a spreadsheet would run as formulas, written as they are
    first_formula: str | None = None


class _Counting:
    """Counts what passes through, so every writer reports the same figures."""

    def __init__(self, inner: GraphStream):
        self.inner, self.nodes_seen, self.edges_seen = inner, 0, 0
        self._synthetic: list[str] | None = None

    def synthetic_sources(self) -> list[str]:
        if self._synthetic is None:
            self._synthetic = self.inner.synthetic_sources()
        return self._synthetic

    def nodes(self):
        for n in self.inner.nodes():
            self.nodes_seen += 1
            yield n

    def edges(self):
        for e in self.inner.edges():
            self.edges_seen += 1
            yield e


def format_for(path: Path, fmt: str | None) -> str:
    """The format named, or the one the file name implies."""
    if fmt:
        if fmt not in FORMATS:
            raise ExportError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
        return fmt
    try:
        return SUFFIXES[path.suffix.lower()]
    except KeyError:
        raise ExportError(f"cannot tell the format from {path.name!r}; pass --format "
                          f"({', '.join(FORMATS)})") from None


def export(source, database: str, fmt: str | None, path: Path) -> ExportSummary:
    """Export from a driver (streamed from Neo4j) or a Dataset to `path` in `fmt`."""
    from graph.records import Dataset

    path = Path(path)
    fmt = format_for(path, fmt)
    stream = _Counting(DatasetStream(source) if isinstance(source, Dataset) else Neo4jStream(source, database))
    summary = ExportSummary(fmt, path, synthetic_sources=stream.synthetic_sources())
    if fmt == "csv":
        written = write_csv(stream, path)
        summary.formula_cells, summary.first_formula = written.formula_cells, written.first_formula
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_name(path.name + ".part")
        try:
            with open(part, "w", encoding="utf-8", newline="\n") as out:
                if fmt in ("graphml", "gexf"):
                    (write_graphml if fmt == "graphml" else write_gexf)(stream, out)
                else:
                    summary.triples = {"ttl": write_turtle, "nt": write_ntriples, "jsonld": write_jsonld}[fmt](
                        stream, out)
            os.replace(part, path)
        finally:
            part.unlink(missing_ok=True)
    summary.nodes, summary.relationships = stream.nodes_seen, stream.edges_seen
    return summary


__all__ = ["export", "formula_note", "ExportSummary", "ExportError", "FORMATS", "format_for", "Neo4jStream", "DatasetStream"]


def formula_note(summary: ExportSummary) -> str | None:
    """What `jinshang export -f csv` prints when the import CSV holds formula-like cells."""
    if not summary.formula_cells:
        return None
    return (f"注意：{summary.formula_cells} 个单元格以 = + - @ 等开头，为 neo4j-admin 导入原样保留，请勿用 Excel/WPS "
            f"打开 / note: {summary.formula_cells} cell(s) start with =, +, -, @, tab or CR (first: "
            f"{summary.first_formula}); they are kept exact for neo4j-admin import, and a spreadsheet would run "
            f"them as formulas: do not open these files in Excel or WPS (use `jinshang query run … --format csv`)")


def write_graph_ttl(driver, settings, result) -> None:
    """`jinshang build` step: the whole graph as Turtle in `<out_dir>/graph.ttl`."""
    summary = export(driver, settings.neo4j_database, "ttl", Path(settings.out_dir) / "graph.ttl")
    marker = (f"; contains SYNTHETIC data from {', '.join(summary.synthetic_sources)}"
              if summary.synthetic_sources else "")
    result.lines.append(f"RDF: {summary.triples} triples ({summary.nodes} nodes, {summary.relationships} "
                        f"relationships) in {summary.path}{marker}")
