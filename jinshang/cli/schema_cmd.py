"""`jinshang schema`: the graph contract, printed from the schema itself."""
from __future__ import annotations

from enum import Enum

import typer
from rich.markup import escape
from rich.table import Table

from jinshang.cli.app import app
from jinshang.cli.common import console
from graph.schema_docs import label_rows, relationship_rows, to_markdown


class SchemaFormat(str, Enum):
    table = "table"
    markdown = "markdown"
    ttl = "ttl"
    shacl = "shacl"


@app.command("schema")
def schema_command(
    format: SchemaFormat = typer.Option(SchemaFormat.table, "--format", "-f",
                                      help="table, markdown, ttl (RDF ontology) or shacl (SHACL shapes)."),
) -> None:
    """Print the graph schema: labels, their properties, relationship types and their ends (as tables, Markdown, or as an RDF ontology / SHACL shapes in Turtle)."""
    if format in (SchemaFormat.ttl, SchemaFormat.shacl):
        from graph.rdf_shapes import ontology, shapes

        graph = ontology() if format is SchemaFormat.ttl else shapes()
        typer.echo(graph.serialize(format="turtle"), nl=False)
        return
    if format is SchemaFormat.markdown:
        typer.echo(to_markdown(), nl=False)
        return
    labels = Table(title="Labels", show_lines=False)
    for col in ("labels", "id", "properties (* required)", "meaning"):
        labels.add_column(col, overflow="fold")
    for row in label_rows():
        labels.add_row(*map(escape, row))  # `list[string]` is not Rich markup
    rels = Table(title="Relationships")
    for col in ("type", "from → to", "properties", "meaning"):
        rels.add_column(col, overflow="fold")
    for row in relationship_rows():
        rels.add_row(*map(escape, row))
    console.print(labels)
    console.print(rels)
