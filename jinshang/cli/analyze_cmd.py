"""`jinshang outreach` (whom to approach next, and why) and `jinshang analyze` (the HTML report)."""
from __future__ import annotations

import csv
import io
import json
import os
from enum import Enum
from pathlib import Path

import typer

from jinshang.cli.app import app
from jinshang.cli.common import console, driver_for

SYNTHETIC_LINE = "⚠ includes SYNTHETIC data (合成演示数据，非真实): figures are generated, not real"


class Format(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


def _rows(result) -> list[dict]:
    return [{**c.as_dict(), "untapped": untapped} for untapped, group in ((False, result.candidates),
                                                                         (True, result.untapped)) for c in group]


def _print_candidates(title: str, candidates) -> None:
    """One block per candidate (factors on one line, then each evidence path on its own line):
    a table squeezes the paths into unreadable slivers on an 80-column terminal."""
    from rich.markup import escape

    from queries.outreach import WEIGHTS

    console.print(f"[bold]{escape(title)}[/bold]")
    if not candidates:
        console.print("  (none)")
    for i, c in enumerate(candidates, 1):
        console.print(f"{i:>3}. [bold]{escape(c.name)}[/bold] ({c.label})  score {c.score:.3f}")
        console.print("     " + " · ".join(f"{f} {c.factors[f]:.2f}" for f in WEIGHTS), style="dim")
        for path in c.paths:
            console.print(f"     ↳ {escape(path)}")
    console.print()


@app.command("outreach")
def outreach_command(
    county: str = typer.Option(None, "--county", help="County name or id, e.g. 代县."),
    industry: str = typer.Option(None, "--industry", help="Industry name or id, e.g. 文化旅游."),
    project_ref: str = typer.Option(None, "--project", help="Project name or id: its county and industry are the target."),
    top: int = typer.Option(10, "--top", min=1, help="Candidates to list (and untapped ones)."),
    fmt: Format = typer.Option(Format.table, "--format", help="table, csv or json (json: a list of candidates with factors and paths)."),
    backtest: bool = typer.Option(False, "--backtest", help="Hide each known introduction and report how often the true introducer ranks in the top 5."),
) -> None:
    """Rank chambers, people and companies to approach for a county, industry or project, with each score's factors and evidence paths."""
    from graph.projection import project
    from queries.outreach import backtest as run_backtest
    from queries.outreach import recommend

    if not (county or industry or project_ref or backtest):
        raise typer.BadParameter("give --county, --industry, --project or --backtest")
    with driver_for() as (driver, settings):
        G = project(driver, settings.neo4j_database)
    if backtest:
        r = run_backtest(G)
        if r["synthetic"]:
            typer.echo(SYNTHETIC_LINE)
        typer.echo(f"back-test: a true introducer ranked in the top {r['top']} for {r['hits']} of "
                      f"{r['projects']} hidden introductions = {100 * r['rate']:.1f}% "
                      f"(popularity baseline {100 * r['baseline_rate']:.1f}%)")
        if not (county or industry or project_ref):
            return
    result = recommend(G, county=county, industry=industry, project=project_ref, top=top)
    rows = _rows(result)
    if fmt is Format.json:
        # stdout stays valid JSON; the synthetic flag travels with every candidate
        typer.echo(json.dumps([{**r, "synthetic_data": result.synthetic} for r in rows], ensure_ascii=False, indent=2))
        return
    if fmt is Format.csv:
        buf = io.StringIO()
        w = csv.writer(buf)
        factors = list(rows[0]["factors"]) if rows else []
        w.writerow(["rank", "id", "name", "label", "untapped", "score", *factors, "paths", "synthetic_data"])
        for i, r in enumerate(rows, 1):
            w.writerow([i, r["id"], r["name"], r["label"], r["untapped"], r["score"],
                        *(r["factors"][f] for f in factors), " | ".join(r["paths"]), result.synthetic])
        typer.echo(buf.getvalue(), nl=False)
        return
    if result.synthetic:
        typer.echo(SYNTHETIC_LINE)
    t = result.target
    what = " · ".join(x.split(":", 1)[1] for x in (t.county, t.industry, t.project) if x)
    _print_candidates(f"Whom to approach: {what}", result.candidates)
    _print_candidates("Untapped (well connected, nothing signed yet)", result.untapped)


@app.command("analyze")
def analyze_command(
    out: Path = typer.Option(None, "--out", help="Directory for report.html (default: JINSHANG_OUT, ./out); an existing report is replaced whole."),
    seed: int = typer.Option(42, "--seed", help="Seed for communities, sampled betweenness and the back-test."),
) -> None:
    """Project the graph, run the merchant-network analyses and write a self-contained report.html."""
    import tempfile

    from jinshang.cli.paths import output_file, output_folder
    from graph.connection import resolve_target
    from graph.projection import read_projection
    from jinshang.report import write_report
    from graph.settings import load_settings
    from queries.summary import run_analysis

    settings = load_settings()
    folder = output_folder(out or settings.out_dir)  # before the analysis: a bad path is refused at once
    path = output_file(folder / "report.html")
    with driver_for(settings) as (driver, settings):
        G = read_projection(driver, settings.neo4j_database)  # the graph with its edge arrays
        uri = resolve_target(settings)[0]
    a = run_analysis(G, seed=seed)
    with tempfile.TemporaryDirectory(dir=folder, prefix=".report-") as staging:  # beside it: rename is atomic
        os.replace(write_report(a, staging, uri=uri, seed=seed), path)  # a complete report, or the old one
    if a.synthetic:
        typer.echo(SYNTHETIC_LINE)
    top = a.chambers.head(3)
    for cid, r in top.iterrows():
        console.print(f"{r['name']}: {r['projects']:.1f} projects, {r['signed_yi']:.1f}亿元 signed, "
                      f"{r['funds_yi']:.1f}亿元 funds in place")
    console.print(f"report: {path}")
