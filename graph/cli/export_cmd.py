"""`jinshang export --format ttl|jsonld|nt|graphml|gexf|csv -o FILE`: the graph out of Neo4j.

    $ jinshang export -f ttl -o out/graph.ttl
    $ jinshang export -f gexf -o out/graph.gexf        # open in Gephi
    $ jinshang export -f csv -o out/csv                # nodes.csv + relationships.csv for neo4j-admin
"""
from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from graph.cli.app import app
from graph.cli.common import console, driver_for


class ExportFormat(str, Enum):
    ttl = "ttl"
    jsonld = "jsonld"
    nt = "nt"
    graphml = "graphml"
    gexf = "gexf"
    csv = "csv"


@app.command("export")
def export_command(
    output: Path = typer.Option(..., "--output", "-o", help="File to write (csv: a directory, or a .zip)."),
    format: ExportFormat = typer.Option(None, "--format", "-f",
                                        help="ttl, jsonld, nt, graphml, gexf or csv (default: from the file name). "
                                             "csv is for neo4j-admin import and kept exact: cells starting "
                                             "with = + - @ are not defused, so do not open it in Excel/WPS."),
) -> None:
    """Export the whole graph from Neo4j, streamed: RDF (Turtle, JSON-LD, N-Triples) in the
    project vocabulary, GraphML/GEXF for Gephi, or neo4j-admin import CSV."""
    from graph.exporters import export, formula_note

    with driver_for() as (driver, settings):
        summary = export(driver, settings.neo4j_database, format.value if format else None, output)
    extra = f", {summary.triples} triples" if summary.triples is not None else ""
    console.print(f"wrote {summary.path} ({summary.format}): {summary.nodes} nodes, "
                  f"{summary.relationships} relationships{extra}")
    if summary.synthetic_sources:
        console.print(f"contains SYNTHETIC data from {', '.join(summary.synthetic_sources)} (marked in the file)")
    if formula_note(summary):
        console.print(formula_note(summary), markup=False, soft_wrap=True)
