"""The analysis report: one self-contained HTML file (inline PNG charts, no external URL).

Every data value is HTML-escaped (Jinja2 autoescape; tables by pandas with ``escape=True``), and
a banner heads the page whenever the graph holds synthetic data.

>>> from loaders.catalog import bundled_catalog
>>> from queries.facts import from_dataset
>>> import tempfile
>>> p = write_report(from_dataset(bundled_catalog()), tempfile.mkdtemp())   # doctest: +SKIP
>>> p.name                                                                   # doctest: +SKIP
'report.html'
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from graph import charts
from queries.outreach import WEIGHTS
from queries.summary import Analysis, run_analysis

COLUMNS = {
    "chambers": {"name": "network", "network_size": "size", "liaison_office": "联络处", "projects": "projects",
                 "signed_yi": "signed 亿元", "landed": "landed", "started": "started",
                 "in_production": "in production", "funds_yi": "funds 亿元", "landed_rate": "landed %",
                 "funds_rate": "funds / signed", "event_share_projects": "event share: projects (signed only)",
                 "event_share_yi": "event share: 亿元 (signed only)", "per_event_yi": "亿元 per event",
                 "counties": "counties reached", "synthetic": "data"},
    "events": {"label": "event", "name": "name", "reported_count": "reported count (signed only)",
               "reported_yi": "reported 亿元 (signed only)", "projects": "recorded projects", "signed_yi": "signed 亿元",
               "landed": "landed", "started": "started", "funds_yi": "funds 亿元",
               "attending_chambers": "chambers", "yi_per_chamber": "亿元 per organizer/chamber", "synthetic": "data"},
    "communities": {"size": "size", "chambers": "chambers", "people": "people", "companies": "companies",
                    "events": "events", "projects": "projects", "signed_yi": "signed 亿元", "landed": "landed",
                    "started": "started", "funds_yi": "funds 亿元", "top_members": "best-connected members",
                    "synthetic": "data"},
    "brokers": {"name": "name", "label": "kind", "betweenness": "betweenness", "pagerank": "PageRank",
                "communities": "communities bridged", "bridges": "which", "regions": "regions around"},
    "counties": {"name": "county", "status": "status", "ties": "ties", "introducers": "introducers",
                 "natives": "natives", "event_ties": "met at events", "projects": "projects",
                 "signed_yi": "signed 亿元", "funds_yi": "funds 亿元", "synthetic": "data"},
    "industries": {"name": "industry", "status": "status", "ties": "ties", "introducers": "introducers",
                   "companies": "companies", "projects": "projects", "signed_yi": "signed 亿元", "synthetic": "data"},
}


def html_table(df: pd.DataFrame, columns: dict[str, str], rows: int | None = None) -> Markup:
    """A DataFrame as an escaped HTML table with readable headers; `synthetic` shows as 合成."""
    if df is None or df.empty:
        return Markup("<p class='note'>(none)</p>")
    out = df[[c for c in columns if c in df.columns]].copy()
    if "synthetic" in out:
        out["synthetic"] = out["synthetic"].map(lambda s: "合成 synthetic" if s else "")
    if rows is not None:
        out = out.head(rows)
    out = out.rename(columns=columns)
    return Markup(out.to_html(index=False, escape=True, float_format=lambda v: f"{v:,.2f}", border=0,
                              na_rep="—"))


def render_report(a: Analysis, uri: str = "", seed: int = 42) -> str:
    """The report's HTML text for one Analysis."""
    env = Environment(loader=PackageLoader("graph", "templates"), autoescape=select_autoescape(["html", "j2"]))
    s = a.synthetic
    chart_src = {
        "funnel": charts.funnel_chart(a.funnel, s),
        "productivity": charts.productivity_chart(a.chambers, s),
        "events": charts.events_chart(a.events, s),
        "coverage": charts.coverage_chart(a.counties, s),
    }
    tables = {
        "chambers": html_table(a.chambers, COLUMNS["chambers"]),
        "events": html_table(a.events, COLUMNS["events"]),
        "communities": html_table(a.community_table, COLUMNS["communities"], rows=15),
        "brokers": html_table(a.brokers, COLUMNS["brokers"], rows=20),
        "counties": html_table(a.counties, COLUMNS["counties"]),
        "industries": html_table(a.industries, COLUMNS["industries"]),
    }
    outreach = [(r.target.county.split("/")[-1] if r.target.county else key, r) for key, r in a.outreach.items()]
    return env.get_template("report.html.j2").render(
        a=a, charts=chart_src, tables=tables, outreach=outreach, weights=WEIGHTS, seed=seed, uri=uri,
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))


def write_report(G_or_analysis, out_dir, uri: str = "", seed: int = 42) -> Path:
    """Analyse (unless given an Analysis) and write ``out_dir/report.html``; returns its path."""
    a = G_or_analysis if isinstance(G_or_analysis, Analysis) else run_analysis(G_or_analysis, seed=seed)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "report.html"
    path.write_text(render_report(a, uri, seed), encoding="utf-8")
    return path


# --- `jinshang build` steps (graph/build.py STEPS) -------------------------------------------

def ensure_demo_ledger(driver, database: str = "neo4j", path=None) -> int:
    """Write the SYNTHETIC demo ledger unless its Source is already in the database.

    Returns the number of nodes created (0 when it was there). Notebooks call this so they work
    whether or not `jinshang build` has loaded it.
    """
    from graph.writer import Neo4jWriter
    from loaders.demo_ledger import SOURCE_NAME, load_demo_ledger
    from loaders.gazetteer import bundled_gazetteer

    with driver.session(database=database, default_access_mode="READ") as s:
        there = s.run("MATCH (s:Source {id: $id}) RETURN count(s) AS n", id=f"source:{SOURCE_NAME}").single()["n"]
    if there:
        return 0
    ds = load_demo_ledger(path)
    return Neo4jWriter(driver, database).write(ds, bundled_gazetteer().known_ids()).nodes_created


def load_demo_step(driver, settings, result) -> None:
    """Build step: write the synthetic demo ledger (after the bundled dataset); idempotent."""
    from graph.writer import Neo4jWriter
    from loaders.demo_ledger import SOURCE_NAME, load_demo_ledger
    from loaders.gazetteer import bundled_gazetteer

    ds = load_demo_ledger(Path(settings.out_dir) / f"{SOURCE_NAME}.xlsx")
    summary = Neo4jWriter(driver, settings.neo4j_database).write(ds, bundled_gazetteer().known_ids())
    result.lines.append(f"demo ledger (SYNTHETIC, source:{SOURCE_NAME}): "
                        f"{sum(1 for n in ds.nodes.values() if n.label == 'Project')} projects; "
                        f"{summary.nodes_created} nodes and {summary.relationships_created} relationships created")


def report_step(driver, settings, result) -> None:
    """Build step: project the graph, analyse it and write out_dir/report.html."""
    from graph.connection import resolve_target
    from graph.projection import read_projection

    G = read_projection(driver, settings.neo4j_database)  # the graph with its edge arrays
    a = run_analysis(G)
    path = write_report(a, settings.out_dir, uri=resolve_target(settings)[0])
    note = " — includes SYNTHETIC data" if a.synthetic else ""
    result.lines.append(f"analysis report: {path}{note}")
