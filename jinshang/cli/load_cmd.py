"""`jinshang build` (the main job) and `jinshang load PATH…`."""
from __future__ import annotations

import time
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


def changes_table(changes) -> Table:
    """Field-level changes of nodes already in the database (graph.dry_run), `old → new`."""
    table = Table(title=f"Field changes: {len({(c.label, c.id) for c in changes})} node(s) would change")
    for col in ("node", "field", "old → new"):
        table.add_column(col)
    for c in changes:
        table.add_row(f"{c.name} ({c.label})", c.field, f"{_shown(c.old)} → {_shown(c.new)}")
    return table


def _shown(value) -> str:
    return "—" if value is None else str(value)


def _check_bulk_options(bulk: bool, replace: bool, dry_run: bool) -> None:
    if replace and not bulk:
        raise typer.BadParameter("--replace goes with --bulk", param_hint="--replace")
    if bulk and dry_run:
        raise typer.BadParameter("--dry-run does not go with --bulk (it plans writer changes)", param_hint="--bulk")


def bulk_load_command(ds: Dataset, replace: bool, resolved=frozenset(), no_auto=frozenset()):
    """`--bulk`: the offline importer into the empty local database (graph.bulk_import).

    Entity resolution first, as the writer's load does, but with nothing in the database to meet
    (it is empty, or replaced whole): records meet each other only, and the ids of an export
    (`resolved`) were settled where it was exported. The rule's merges are then recorded as
    judgements by `auto`, as after a written load."""
    from graph.bulk_import import bulk_load
    from graph.connection import open_driver
    from graph.settings import load_settings
    from jinshang.cli.resolve_cmd import print_resolution
    from jinshang.resolution import record_arrivals
    from loaders.resolution.apply import resolve

    settings = load_settings()
    began = time.perf_counter()
    resolution = resolve(ds, [], [], frozenset(no_auto), frozenset(resolved))
    resolving = time.perf_counter() - began
    summary = bulk_load(resolution.dataset, settings, replace=replace,
                        notify=lambda line: console.print(line, soft_wrap=True))
    summary.seconds = {"resolve": resolving, **summary.seconds}
    if resolution.auto_pairs:
        with open_driver(settings, start_local=False) as driver, \
                driver.session(database=settings.neo4j_database) as session:
            record_arrivals(session, resolution)
    print_resolution(resolution, done=True)
    return summary


@app.command("load")
def load_command(
    paths: list[Path] = typer.Argument(None, help="Catalog (.yaml/.json), ledger (.csv/.xlsx), RDF (.ttl/.jsonld) or article (.md/.html) files, or directories (or .zip) written by `jinshang export -f csv`."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Validate and show what would be created or changed; write nothing."),
    synthetic: bool = typer.Option(False, "--synthetic", help="Mark a ledger's Source as generated data."),
    source_name: str = typer.Option(None, "--source-name", help="Name of a ledger's Source (default: the file name)."),
    sheet: str = typer.Option(None, "--sheet", help="Read only this sheet of a ledger workbook (default: every visible sheet)."),
    unit: str = typer.Option(None, "--unit", help="Unit of a ledger's bare 总投资/到位资金 columns when neither header nor title says: 亿元 or 万元."),
    duplicates: str = typer.Option("ask", "--duplicates", help="Probable duplicate projects (原平市同川梨深加工 vs …项目): ask (shown in --dry-run, a load stops), keep (separate projects) or merge (update the existing one)."),
    as_of: str = typer.Option(None, "--as-of", metavar="YYYY-MM-DD",
                              help="The date the ledgers of this command report as of (default: each from its title row or file name, e.g. 2018年11月)."),
    bulk: bool = typer.Option(False, "--bulk", help="First load into an EMPTY local database through neo4j-admin import (stops and restarts the local server); see docs/SCALING.md."),
    replace: bool = typer.Option(False, "--replace", help="With --bulk: replace everything in a non-empty database."),
    reviewed: Path = typer.Option(None, "--reviewed", help="A review sheet from `jinshang extract --review`: load the facts accepted in it."),
) -> None:
    """Validate source files and write them to Neo4j, all or nothing; loading twice changes nothing. A load that was interrupted (client or server killed) is rolled back first, and said so."""
    from graph.errors import ValidationError, Problem
    from graph.reader import known_nodes
    from loaders.dispatch import load_paths
    from loaders.bundled import bundled_gazetteer
    from loaders.ledger import LedgerOptions

    from jinshang.cli.resolve_cmd import print_resolution
    from loaders.articles import is_article
    from jinshang.resolution import record_arrivals, resolve_for_load

    if unit is not None and unit not in ("亿元", "万元") or duplicates not in ("ask", "keep", "merge"):
        raise ValidationError([Problem("--unit/--duplicates", None, None, unit if unit not in (None, "亿元", "万元") else duplicates,
                                       "须为 亿元|万元 与 ask|keep|merge / must be 亿元 or 万元, and ask, keep or merge")])
    options = LedgerOptions(sheet=sheet, unit=unit,
                            duplicates={"ask": "warn" if dry_run else "refuse"}.get(duplicates, duplicates))
    paths = list(paths or [])
    if not paths and reviewed is None:
        raise typer.BadParameter("give files to load, or --reviewed FILE.xlsx")
    articles = [p for p in paths if is_article(p)]
    files = [p for p in paths if p not in articles]
    _check_bulk_options(bulk, replace, dry_run)
    if bulk and (articles or reviewed is not None):
        raise typer.BadParameter("--bulk takes catalogs, ledgers, RDF and CSV exports; load articles after it",
                                 param_hint="--bulk")
    report_date = _as_of(as_of)
    no_auto = {"Project"} if duplicates == "keep" else set()
    resolved: set[str] = set()  # ids from exports: resolved where they were exported
    if bulk:  # into an empty database: names resolve against the bundled data and the other files
        began = time.perf_counter()
        ds = load_paths(files, gazetteer=bundled_gazetteer().copy(), resolved=resolved, synthetic=synthetic,
                        source_name=source_name, ledger_options=options, as_of=report_date)
        reading = time.perf_counter() - began
        console.print(f"read {len(ds.nodes)} nodes, {len(ds.edges)} relationships from {len(files)} source(s) "
                      f"({reading:.1f} s)")
        summary = bulk_load_command(ds, replace, resolved, no_auto)
        phases = ", ".join(f"{k} {v:.1f}" for k, v in {"read": reading, **summary.seconds}.items())
        console.print(f"loaded {len(paths)} file(s) with neo4j-admin import: {summary.nodes} nodes, "
                      f"{summary.relationships} relationships, {summary.properties} properties "
                      f"(seconds: {phases})", soft_wrap=True)
        return
    with driver_for() as (driver, settings):
        if not dry_run:  # an interrupted load is rolled back before its nodes could pass for known ones
            from graph.load_runs import settle

            with driver.session(database=settings.neo4j_database, notifications_min_severity="OFF") as session:
                settle(session, lambda line: console.print(line, soft_wrap=True))
        # names resolve against the bundled gazetteer, the database, and the other files of this load
        in_db = known_nodes(driver, settings.neo4j_database)
        gaz = bundled_gazetteer().copy().add_known(in_db)
        ds = load_paths(files, gazetteer=gaz, resolved=resolved, synthetic=synthetic, source_name=source_name,
                        ledger_options=options, as_of=report_date)
        known = gaz.known_ids()
        if articles or reviewed is not None:
            ds.extend(_article_records(in_db, articles, reviewed, known))
        # entity resolution next: records of entities already known land on their nodes
        with driver.session(database=settings.neo4j_database, default_access_mode="READ",
                            notifications_min_severity="OFF") as session:
            # `--duplicates keep`: the user keeps look-alike projects apart, so no rule merges them
            resolution = resolve_for_load(session, ds, no_auto, resolved)
        ds = resolution.dataset
        if dry_run:
            from graph.dry_run import changed_relationships, corrected_plan, field_changes
            from graph.writer import Neo4jWriter

            changes = field_changes(driver, ds, settings.neo4j_database)
            rels = changed_relationships(driver, ds, known, settings.neo4j_database)
            plan = Neo4jWriter(driver, settings.neo4j_database).plan(ds, known)
            console.print(plan_table(corrected_plan(plan, changes, rels)))
            if changes:
                console.print(changes_table(changes))
            print_resolution(resolution)
            return
        summary = write_with_progress(driver, settings, ds, known)
        with driver.session(database=settings.neo4j_database) as session:
            record_arrivals(session, resolution)
        print_resolution(resolution, done=True)
        console.print(f"loaded {len(paths) + (reviewed is not None)} file(s): {summary.nodes_created} nodes and "
                      f"{summary.relationships_created} relationships created, "
                      f"{summary.properties_set} properties set")


def _as_of(text: str | None):
    if text is None:
        return None
    from datetime import date

    from graph.errors import Problem, ValidationError

    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError([Problem("--as-of", None, "--as-of", text,
                                       "日期无效 / not a date: write it as YYYY-MM-DD, e.g. 2018-11-30")]) from None


def _article_records(rows, articles, reviewed, known) -> Dataset:
    """Articles' facts resolved against the bundled data and the database; below the confidence
    threshold only what a reviewer accepted (loaders/articles)."""
    from loaders.articles import articles_dataset, graph_index, reviewed_dataset

    known.update({r[0]: r[1] for r in rows if r[0] not in known})
    ds = Dataset()
    if articles:
        sel = articles_dataset(articles, graph_index(rows), known=known)
        ds.extend(sel.dataset)
        low = [x for x in sel.skipped if ": confidence " in x]
        if low:
            console.print(f"{len(low)} 条事实置信度低于阈值，未载入，可用 `jinshang extract --review FILE.xlsx` 审核 / "
                          f"{len(low)} fact(s) below the confidence threshold were not loaded; "
                          "review them with `jinshang extract --review FILE.xlsx`")
        rest = [x for x in sel.skipped if ": confidence " not in x]
        if rest:  # (a node the graph lacks and the article cannot make: said fact by fact)
            console.print(f"{len(rest)} 条事实未载入（所需节点既不在图中，也未随之载入）/ {len(rest)} fact(s) not loaded "
                          "(a node they need is neither in the graph nor loaded with them):", markup=False)
            for x in rest:
                console.print(f"  {x}", markup=False)
    if reviewed is not None:
        ds.extend(reviewed_dataset(reviewed, known=known).dataset)
    return ds


@app.command("build")
def build_command(
    bulk: bool = typer.Option(False, "--bulk", help="Load the bundled dataset into an EMPTY local database through neo4j-admin import."),
    replace: bool = typer.Option(False, "--replace", help="With --bulk: replace everything in a non-empty database."),
) -> None:
    """The main job: start the local Neo4j (unless NEO4J_URI is set), load the bundled 2017 Xinzhou dataset, write the standard outputs and print a summary."""
    from jinshang.build import build

    _check_bulk_options(bulk, replace, False)
    bulk_summary = None
    if bulk:
        from loaders.bundled import bundled_catalog

        bulk_summary = bulk_load_command(bundled_catalog(), replace)
    with driver_for() as (driver, settings):
        result = build(driver, settings, bulk=bulk_summary)
        console.print(counts_table(driver, settings, f"Jinshang Graph at {result.uri}"))
        for line in result.lines:
            console.print(line)
