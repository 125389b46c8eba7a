"""`jinshang export --format ttl|jsonld|nt|graphml|gexf|csv -o FILE`: the graph out of Neo4j.

    $ jinshang export -f ttl -o out/graph.ttl
    $ jinshang export -f gexf -o out/graph.gexf        # open in Gephi
    $ jinshang export -f csv -o out/csv                # nodes.csv + relationships.csv for neo4j-admin
"""
from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from jinshang.cli.app import app
from jinshang.cli.common import console, driver_for


class ExportFormat(str, Enum):
    ttl = "ttl"
    jsonld = "jsonld"
    nt = "nt"
    graphml = "graphml"
    gexf = "gexf"
    csv = "csv"


@app.command("export")
def export_command(
    output: Path = typer.Option(..., "--output", "-o", help="File to write, replaced whole if it exists (csv: a directory, or a .zip)."),
    format: ExportFormat = typer.Option(None, "--format", "-f",
                                        help="ttl, jsonld, nt, graphml, gexf or csv (default: from the file name). "
                                             "csv is for neo4j-admin import and kept exact: cells starting "
                                             "with = + - @ are not defused, so do not open it in Excel/WPS."),
) -> None:
    """Export the whole graph from Neo4j, streamed: RDF (Turtle, JSON-LD, N-Triples) in the
    project vocabulary, GraphML/GEXF for Gephi, or neo4j-admin import CSV."""
    from jinshang.cli.paths import output_file, output_folder, replacing
    from graph.exporters import export, format_for, formula_note

    fmt = format_for(output, format.value if format else None)
    # before any work: a bad path is refused at once. csv is a folder of files unless it is a .zip
    if fmt == "csv" and output.suffix.lower() != ".zip":
        output_folder(output)
        with driver_for() as (driver, settings):
            summary = export(driver, settings.neo4j_database, fmt, output)
    else:
        output_file(output)
        with driver_for() as (driver, settings), replacing(output) as tmp:
            summary = export(driver, settings.neo4j_database, fmt, tmp)
        summary.path = output
    extra = f", {summary.triples} triples" if summary.triples is not None else ""
    console.print(f"wrote {summary.path} ({summary.format}): {summary.nodes} nodes, "
                  f"{summary.relationships} relationships{extra}")
    if summary.synthetic_sources:
        console.print(f"contains SYNTHETIC data from {', '.join(summary.synthetic_sources)} (marked in the file)")
    if formula_note(summary):
        console.print(formula_note(summary), markup=False, soft_wrap=True)
