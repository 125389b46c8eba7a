"""`jinshang extract FILE…`: the facts an article states, printed, never written."""
from __future__ import annotations

import json
from enum import Enum
from pathlib import Path

import typer
from rich.table import Table

from jinshang.cli.app import app
from jinshang.cli.common import console


class ExtractFormat(str, Enum):
    json = "json"
    table = "table"


@app.command("extract")
def extract_command(
    paths: list[Path] = typer.Argument(..., help="Articles: plain text (.txt), Markdown (.md) or HTML (.html), with optional front matter (title, date, publisher, url)."),
    fmt: ExtractFormat = typer.Option(ExtractFormat.table, "--format", help="json: one object per file {source, nodes, relationships}, one line each; table: one row per fact."),
    review: Path = typer.Option(None, "--review", help="Also write FILE.xlsx: one row per fact with its evidence quoted and an accept column; load the accepted ones with `jinshang load --reviewed FILE.xlsx`."),
    threshold: float = typer.Option(None, "--threshold", help="Facts at or above this confidence are pre-accepted in the review sheet (default 0.7)."),
) -> None:
    """Print the facts of news articles (events, chambers, people and posts, ambassadors, liaison offices, signings, projects), each with its evidence offsets and confidence. Writes nothing to the database."""
    from loaders.articles import THRESHOLD
    from loaders.articles.extract import extract
    from loaders.articles.reading import read_article

    threshold = THRESHOLD if threshold is None else threshold
    results = []
    for path in paths:
        article = read_article(path)
        results.append((str(path), article.given, extract(article)))
    if fmt is ExtractFormat.json:
        for _, _, facts in results:  # one object per file, one file per line (JSON Lines)
            typer.echo(json.dumps(facts.as_json(), ensure_ascii=False))
    else:
        for file, given, facts in results:
            console.print(_table(file, given, facts, threshold))
    if review is not None:
        from loaders.articles.review import write_review

        n = write_review(review, results, threshold)
        (console if fmt is ExtractFormat.table else _stderr()).print(f"review sheet: {review} ({n} facts)")


def _stderr():
    from jinshang.cli.common import err_console

    return err_console


def _table(file: str, given: str, facts, threshold: float) -> Table:
    from loaders.articles.records import rel_fact_id

    src = facts.source
    table = Table(title=f"{file} — {src.get('title', '')} ({src.get('date', '?')})")
    for col in ("fact", "properties", "conf.", "evidence"):
        table.add_column(col, overflow="fold")
    for f in list(facts.nodes.values()) + list(facts.rels.values()):
        name = f"{f.label} {f.id}" if hasattr(f, "label") else rel_fact_id(f)
        props = ", ".join(f"{k}={v}" for k, v in f.as_json()["properties"].items())
        quote = " … ".join(f"{given[s:e]} [{s}-{e}]" for s, e in f.evidence[:2])
        conf = f"{f.confidence:.2f}" + ("" if f.confidence >= threshold else " (review)")
        table.add_row(name, props, conf, quote)
    return table
