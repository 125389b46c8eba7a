"""The main job behind `jinshang build`: load the bundled data and make the standard outputs.

Each step is a plain function of (driver, settings); later capabilities add theirs to STEPS.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field

from neo4j import Driver

from graph.settings import Settings

CAMPAIGN_FIGURES = """
MATCH (c:Campaign)-[:CAMPAIGN_OF]->(city:City)
OPTIONAL MATCH (e:Event)-[:PART_OF]->(c)
RETURN city.name AS city, c.year AS year, c.signed_count AS signed, c.signed_total_yi AS total,
       c.target_yi AS target, c.funds_in_place_yi AS funds, count(e) AS events
ORDER BY year
"""


@dataclass
class BuildResult:
    uri: str
    lines: list[str] = field(default_factory=list)
    bulk: object = None  # graph.bulk_import.BulkSummary when `build --bulk` imported the dataset first


def load_bundled(driver: Driver, settings: Settings, result: BuildResult) -> None:
    from graph.writer import Neo4jWriter
    from jinshang.resolution import record_arrivals, resolve_for_load
    from loaders.bundled import bundled_catalog

    if result.bulk is not None:  # already in, through neo4j-admin (jinshang build --bulk)
        result.lines.append(f"bundled 2017 Xinzhou dataset: {result.bulk.nodes} nodes and "
                            f"{result.bulk.relationships} relationships imported by neo4j-admin (--bulk)")
    else:
        # judgements in force apply to the bundled dataset too: a merged name stays merged
        with driver.session(database=settings.neo4j_database, default_access_mode="READ",
                            notifications_min_severity="OFF") as session:
            resolution = resolve_for_load(session, bundled_catalog())
        summary = Neo4jWriter(driver, settings.neo4j_database).write(resolution.dataset)
        with driver.session(database=settings.neo4j_database) as session:
            record_arrivals(session, resolution)
        result.lines.append(f"bundled 2017 Xinzhou dataset: {summary.nodes_created} nodes and "
                            f"{summary.relationships_created} relationships created (0 and 0 means it was already loaded)")
    with driver.session(database=settings.neo4j_database, default_access_mode="READ") as s:
        for r in s.run(CAMPAIGN_FIGURES):
            result.lines.append(
                f"{r['city']} {r['year']}: {r['events']} events, {r['signed']} projects signed for "
                f"{r['total']}亿元 (target {r['target']}亿元), {r['funds']}亿元 of funds in place")


# In order. Named as "module:function" and imported when the build runs, so importing this
# module (and every other command of the CLI) does not pay for matplotlib, pyvis or rdflib.
STEPS = [
    "jinshang.build:load_bundled",
    "jinshang.report:load_demo_step",     # the synthetic demo ledger (marked as such)
    "jinshang.views.outputs:write_views",
    "graph.exporters:write_graph_ttl",
    "jinshang.report:report_step",
]


def _step(ref: str):
    module, name = ref.split(":")
    return getattr(importlib.import_module(module), name)


def build(driver: Driver, settings: Settings, bulk=None) -> BuildResult:
    """`bulk`: the summary of a `--bulk` import of the bundled dataset done just before."""
    from graph.connection import resolve_target

    result = BuildResult(uri=resolve_target(settings)[0], bulk=bulk)
    for ref in STEPS:
        _step(ref)(driver, settings, result)
    return result
