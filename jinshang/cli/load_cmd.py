"""`jinshang build` (the main job) and `jinshang load PATH…`."""
from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from jinshang.cli.app import app
from jinshang.cli.common import console, driver_for
from graph.records import Dataset

PROGRESS_THRESHOLD = 20_000  # rows; smaller loads finish before a bar would be worth drawing


def write_with_progress(driver, settings, ds: Dataset, known_ids=None):
    from graph.writer import Neo4jWriter

    writer = Neo4jWriter(driver, database=settings.neo4j_database, batch_size=settings.batch_size,
                         atomic_limit=settings.atomic_limit,
                         notify=lambda line: console.print(line, soft_wrap=True))  # one line
    total = len(ds.nodes) + len(ds.edges)
    if total < PROGRESS_THRESHOLD:
        return writer.write(ds, known_ids)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=True) as bar:
        task = bar.add_task("writing", total=total)
        return writer.write(ds, known_ids, progress=lambda name, n: bar.update(task, advance=n, description=name))


def counts_table(driver, settings, title: str) -> Table:
    from graph.reader import counts

    c = counts(driver, settings.neo4j_database)
    table = Table(title=title)
    table.add_column("nodes", style="bold")
    table.add_column("count", justify="right")
    table.add_column("relationships", style="bold")
    table.add_column("count", justify="right")
    labels, types = sorted(c["nodes"].items()), sorted(c["relationships"].items())
    for i in range(max(len(labels), len(types))):
        a = labels[i] if i < len(labels) else ("", "")
        b = types[i] if i < len(types) else ("", "")
        table.add_row(a[0], str(a[1]), b[0], str(b[1]))
    return table


def plan_table(plan: dict) -> Table:
    table = Table(title="Dry run: nothing was written")
    for col in ("label / relationship", "new", "changed", "unchanged"):
        table.add_column(col, justify="right" if col != "label / relationship" else "left")
    for name, states in plan.items():
        table.add_row(name, str(states["new"]), str(states["changed"]), str(states["unchanged"]))
    return table


@app.command("load")
def load_command(
    paths: list[Path] = typer.Argument(None, help="Catalog (.yaml/.json), ledger (.csv/.xlsx), RDF (.ttl/.jsonld) or article (.md/.html) files."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Validate and show what would be created or changed; write nothing."),
    synthetic: bool = typer.Option(False, "--synthetic", help="Mark a ledger's Source as generated data."),
    source_name: str = typer.Option(None, "--source-name", help="Name of a ledger's Source (default: the file name)."),
    reviewed: Path = typer.Option(None, "--reviewed", help="A review sheet from `jinshang extract --review`: load the facts accepted in it."),
) -> None:
    """Validate source files and write them to Neo4j, all or nothing; loading twice changes nothing. A load that was interrupted (client or server killed) is rolled back first, and said so."""
    from loaders.dispatch import load_paths
    from loaders.bundled import bundled_gazetteer

    from loaders.articles import is_article

    paths = list(paths or [])
    if not paths and reviewed is None:
        raise typer.BadParameter("give files to load, or --reviewed FILE.xlsx")
    articles = [p for p in paths if is_article(p)]
    ds = load_paths([p for p in paths if p not in articles], synthetic=synthetic, source_name=source_name)
    known = bundled_gazetteer().known_ids()
    with driver_for() as (driver, settings):
        if articles or reviewed is not None:
            ds.extend(_article_records(driver, settings, articles, reviewed, known))
        if dry_run:
            from graph.writer import Neo4jWriter

            console.print(plan_table(Neo4jWriter(driver, settings.neo4j_database).plan(ds, known)))
            return
        summary = write_with_progress(driver, settings, ds, known)
        console.print(f"loaded {len(paths) + (reviewed is not None)} file(s): {summary.nodes_created} nodes and "
                      f"{summary.relationships_created} relationships created, "
                      f"{summary.properties_set} properties set")


def _article_records(driver, settings, articles, reviewed, known) -> Dataset:
    """Articles' facts resolved against the bundled data and the database; below the confidence
    threshold only what a reviewer accepted (loaders/articles)."""
    from graph.reader import node_names
    from loaders.articles import articles_dataset, graph_index, reviewed_dataset

    rows = node_names(driver, settings.neo4j_database)
    known.update({r[0]: r[1] for r in rows if r[0] not in known})
    ds = Dataset()
    if articles:
        sel = articles_dataset(articles, graph_index(rows), known=known)
        ds.extend(sel.dataset)
        if sel.skipped:
            console.print(f"{len(sel.skipped)} fact(s) below the confidence threshold were not loaded; "
                          "review them with `jinshang extract --review FILE.xlsx`")
    if reviewed is not None:
        ds.extend(reviewed_dataset(reviewed, known=known).dataset)
    return ds


@app.command("build")
def build_command() -> None:
    """The main job: start the local Neo4j (unless NEO4J_URI is set), load the bundled 2017 Xinzhou dataset, write the standard outputs and print a summary."""
    from jinshang.build import build

    with driver_for() as (driver, settings):
        result = build(driver, settings)
        console.print(counts_table(driver, settings, f"Jinshang Graph at {result.uri}"))
        for line in result.lines:
            console.print(line)
