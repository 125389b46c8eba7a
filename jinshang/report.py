"""The analysis report: one self-contained HTML file (inline SVG charts, no external URL).

Every data value is HTML-escaped (Jinja2 autoescape; tables by pandas with ``escape=True``), and
a banner heads the page whenever the graph holds synthetic data.

>>> from loaders.bundled import bundled_catalog
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

from jinshang import charts
from queries.outreach import WEIGHTS
from queries.summary import Analysis, run_analysis

SHARED = "（分摊 shared）"
SIGNED_ONLY = "（仅签约 signed only）"

# Per table: column -> (header, kind). Headers are Chinese first, then English, as in the rest of
# the report. Kinds say how a value reads: "count" a whole number; "shared" a count split equally
# among networks or organizers (at most one decimal, header marked 分摊 shared); "yi" an amount in
# 亿元 (one decimal, as the sources give them); "rate" a share of 1 as a percentage; "score" a
# centrality; "bool" 是/否; "status" a coverage status; "text" as is.
COLUMNS = {
    "chambers": {
        "name": ("商会网络 network", "text"), "network_size": ("成员数 size", "count"),
        "liaison_office": ("联络处 liaison office", "bool"),
        "projects": ("项目数 projects" + SHARED, "shared"), "signed_yi": ("签约额 signed 亿元" + SHARED, "yi"),
        "landed": ("落地 landed" + SHARED, "shared"), "started": ("开工 started" + SHARED, "shared"),
        "in_production": ("投产 in production" + SHARED, "shared"),
        "funds_yi": ("到位资金 funds 亿元" + SHARED, "yi"), "landed_rate": ("落地率 landed %", "rate"),
        "funds_rate": ("资金到位率 funds / signed", "rate"),
        "event_share_projects": ("活动项目 event share: projects" + SHARED + SIGNED_ONLY, "shared"),
        "event_share_yi": ("活动签约额 event share: 亿元" + SHARED + SIGNED_ONLY, "yi"),
        "per_event_yi": ("场均签约额 亿元 per event", "yi"), "counties": ("覆盖县区 counties reached", "count"),
        "synthetic": ("合成 synthetic", "bool")},
    "events": {
        "label": ("活动 event", "text"), "name": ("名称 name", "text"),
        "reported_count": ("报道项目数 reported count" + SIGNED_ONLY, "count"),
        "reported_yi": ("报道签约额 reported 亿元" + SIGNED_ONLY, "yi"),
        "projects": ("记录项目数 recorded projects", "count"), "signed_yi": ("签约额 signed 亿元", "yi"),
        "landed": ("落地 landed", "count"), "started": ("开工 started", "count"),
        "funds_yi": ("到位资金 funds 亿元", "yi"), "attending_chambers": ("参会商会 chambers", "count"),
        "yi_per_chamber": ("每个主办方或商会 亿元 per organizer/chamber" + SHARED, "yi"),
        "synthetic": ("合成 synthetic", "bool")},
    "communities": {
        "size": ("规模 size", "count"), "chambers": ("商会 chambers", "count"), "people": ("人物 people", "count"),
        "companies": ("企业 companies", "count"), "events": ("活动 events", "count"),
        "projects": ("项目 projects", "count"), "signed_yi": ("签约额 signed 亿元", "yi"),
        "landed": ("落地 landed", "count"), "started": ("开工 started", "count"),
        "funds_yi": ("到位资金 funds 亿元", "yi"), "top_members": ("核心成员 best-connected members", "text"),
        "synthetic": ("合成 synthetic", "bool")},
    "brokers": {
        "name": ("名称 name", "text"), "label": ("类型 kind", "text"),
        "betweenness": ("中介中心度 betweenness", "score"), "pagerank": ("影响力 PageRank", "score"),
        "communities": ("连接社区数 communities bridged", "count"), "bridges": ("连接的社区 which", "text"),
        "regions": ("所在地区 regions around", "text")},
    "counties": {
        "name": ("县区 county", "text"), "status": ("状态 status", "status"), "ties": ("联系 ties", "count"),
        "introducers": ("引荐人 introducers", "count"), "natives": ("本籍人物 natives", "count"),
        "event_ties": ("活动结识 met at events", "count"), "projects": ("项目 projects", "count"),
        "signed_yi": ("签约额 signed 亿元", "yi"), "funds_yi": ("到位资金 funds 亿元", "yi"),
        "synthetic": ("合成 synthetic", "bool")},
    "industries": {
        "name": ("产业 industry", "text"), "status": ("状态 status", "status"), "ties": ("联系 ties", "count"),
        "introducers": ("引荐人 introducers", "count"), "companies": ("企业 companies", "count"),
        "projects": ("项目 projects", "count"), "signed_yi": ("签约额 signed 亿元", "yi"),
        "synthetic": ("合成 synthetic", "bool")},
}
STATUS = {"gap": "缺口 gap", "weak": "薄弱 weak", "covered": "已覆盖 covered"}
FACTORS = {"region": "本县记录 region", "industry": "本产业记录 industry", "activity": "总体记录 activity",
           "hometown": "籍贯 hometown", "warm_path": "引荐路径 warm path", "link": "关联 link",
           "recency": "近期 recency"}


def _one_decimal(v: float) -> str:
    """At most one decimal: 46.94 -> '46.9', 69.0 -> '69'."""
    text = f"{v:,.1f}"
    return text[:-2] if text.endswith(".0") else text


FORMATS = {
    "count": lambda v: f"{round(v):,}",
    "shared": _one_decimal,
    "yi": lambda v: f"{v:,.1f}",
    "rate": lambda v: f"{100 * v:.1f}%",
    "score": lambda v: f"{v:.3f}",
    "bool": lambda v: "是" if v else "否",
    "status": lambda v: STATUS.get(v, v),
    "text": str,
}


def format_cell(value, kind: str) -> str:
    """One table value as the reader sees it; a missing one is "—"."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "—"
    return FORMATS[kind](value)


def html_table(df: pd.DataFrame, columns: dict[str, tuple[str, str]], rows: int | None = None) -> Markup:
    """A DataFrame as an escaped HTML table with readable headers and values (see COLUMNS)."""
    if df is None or df.empty:
        return Markup("<p class='note'>(无 none)</p>")
    out = df[[c for c in columns if c in df.columns]]
    if rows is not None:
        out = out.head(rows)
    out = pd.DataFrame({columns[c][0]: [format_cell(v, columns[c][1]) for v in out[c]] for c in out.columns})
    return Markup(out.to_html(index=False, escape=True, border=0))


def render_report(a: Analysis, uri: str = "", seed: int = 42) -> str:
    """The report's HTML text for one Analysis."""
    env = Environment(loader=PackageLoader("jinshang", "templates"), autoescape=select_autoescape(["html", "j2"]))
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
        a=a, charts=chart_src, tables=tables, outreach=outreach, weights=WEIGHTS, factors=FACTORS, seed=seed,
        uri=uri,
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))


def write_report(G_or_analysis, out_dir, uri: str = "", seed: int = 42) -> Path:
    """Analyse (unless given an Analysis) and write ``out_dir/report.html``; returns its path."""
    a = G_or_analysis if isinstance(G_or_analysis, Analysis) else run_analysis(G_or_analysis, seed=seed)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "report.html"
    path.write_text(render_report(a, uri, seed), encoding="utf-8")
    return path


# --- `jinshang build` steps (jinshang/build.py STEPS) -------------------------------------------

def ensure_demo_ledger(driver, database: str = "neo4j", path=None) -> int:
    """Write the SYNTHETIC demo ledger unless its Source is already in the database.

    Returns the number of nodes created (0 when it was there). Notebooks call this so they work
    whether or not `jinshang build` has loaded it.
    """
    from graph.writer import Neo4jWriter
    from loaders.demo_ledger import SOURCE_NAME, load_demo_ledger
    from loaders.bundled import bundled_gazetteer

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
    from loaders.bundled import bundled_gazetteer

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
