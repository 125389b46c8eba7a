"""`jinshang view … -o FILE.html`: one self-contained, offline HTML view of the network."""
from __future__ import annotations

from pathlib import Path

import typer

from jinshang.cli.app import app
from jinshang.cli.common import console, driver_for
from jinshang.views import DEFAULT_MAX_NODES


@app.command("view")
def view_command(
    output: Path = typer.Option(..., "--output", "-o", help="HTML file to write (self-contained; opens offline)."),
    ego: str = typer.Option(None, "--ego", help="Centre on this node (name, alias or id) and show its neighbourhood."),
    hops: int = typer.Option(1, "--hops", help="With --ego: how many relationships away to go."),
    event: str = typer.Option(None, "--event", help="An event (id, name, or first day as 2017-05-12) and everything around it."),
    county: str = typer.Option(None, "--county", help="A county (name or alias, e.g. 代县) with its projects and people."),
    community: int = typer.Option(None, "--community", help="One community found by queries.communities (seed 42)."),
    year: int = typer.Option(None, "--year", help="Only events of this year (and the projects signed at them)."),
    max_nodes: int = typer.Option(DEFAULT_MAX_NODES, "--max-nodes", help="Node cap; above it detail is aggregated and the page says so."),
    positions: Path = typer.Option(None, "--positions", help="JSON file of node positions: read if it exists, then written back with this view's."),
    projects: str = typer.Option(None, "--projects", help="Projects as one summary node per 'county' (default) or "
                                 "'event' (default in a --county view), expanded by a click; or 'each' to draw every one."),
) -> None:
    """Write an interactive view of the whole network or one part of it (ego network, event, county,
    community), with legend, search and filters; no network access needed to open it."""
    from jinshang.cli.paths import output_file, replacing
    from jinshang.views.layout import write_positions
    from jinshang.views.render import write_html
    from jinshang.views.view import load_view

    output = output_file(output)  # before any work: a bad path is refused at once
    with driver_for() as (driver, settings):
        view = load_view(driver, settings.neo4j_database, year=year, positions_file=positions, ego=ego, hops=hops,
                         event=event, county=county, community=community, max_nodes=max_nodes, projects=projects)
    with replacing(output) as tmp:
        write_html(view, tmp)
    if positions is not None:
        write_positions(positions, view.positions)
    G = view.graph
    console.print(f"wrote {output}: {view.title} — {G.number_of_nodes()} nodes, {G.number_of_edges()} relationships"
                  + (" (includes synthetic data)" if view.synthetic else ""))
    for note in view.notes:
        console.print(note)
