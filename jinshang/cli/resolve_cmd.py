"""``jinshang resolve``: one node per real entity, by judgements stored, explained and reversible.

    $ jinshang resolve candidates --label Chamber --format xlsx -o review.xlsx
    $ jinshang resolve same chamber:珠海晋商会 chamber:珠海山西商会 --reason "same chamber, two names"
    $ jinshang resolve explain chamber:珠海晋商会 chamber:珠海山西商会
    $ jinshang resolve undo chamber:珠海晋商会 chamber:珠海山西商会
    $ jinshang resolve export judgements.csv && jinshang resolve --from-file judgements.csv
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from graph import judgements as J
from graph.errors import Problem, ValidationError
from jinshang.cli.app import app
from jinshang.cli.common import console, driver_for

resolve_app = typer.Typer(help="Entity resolution: candidates, judgements (same / different / undo), review, "
                               "explain; judgements are stored in the database and re-applied on every load.",
                          invoke_without_command=True)
app.add_typer(resolve_app, name="resolve")

CANDIDATE_COLUMNS = ["a", "b", "label", "a_name", "b_name", "score", "auto", "reasons_for", "reasons_against",
                     "answer"]
SAME_ANSWERS = {"same", "s", "y", "yes", "是", "相同", "同一", "合并"}
DIFFERENT_ANSWERS = {"different", "d", "n", "no", "否", "不同", "不是"}
BY = typer.Option(None, "--by", help="Who judges (default: $JINSHANG_USER, $USER).")
REASON = typer.Option("", "--reason", help="Why, in a few words; kept with the judgement.")


@resolve_app.callback()
def resolve_main(ctx: typer.Context,
                 from_file: Path = typer.Option(None, "--from-file", exists=True, dir_okay=False,
                                                help="Apply judgements from a CSV/XLSX: one exported by `resolve "
                                                     "export`, or a sheet from `candidates --format xlsx` with its "
                                                     "`answer` column filled (same/different, 是/否)."),
                 by: str = BY) -> None:
    """Entity resolution: one node per real chamber, person, company, project and event."""
    if ctx.invoked_subcommand is not None:
        if from_file:
            raise typer.BadParameter("--from-file goes without a subcommand")
        return
    if from_file is None:
        console.print(ctx.get_help())
        raise typer.Exit(0)
    rows = read_judgement_file(from_file, J.who(by))
    from graph.merge import apply_all

    with driver_for() as (driver, settings), driver.session(database=settings.neo4j_database) as s:
        done = apply_all(s, rows)
    console.print(f"{from_file}: {done['same']} merged, {done['different']} kept apart, "
                  f"{done['pending']} recorded for nodes not loaded yet, {done['unchanged']} already in force",
                  soft_wrap=True, markup=False)


# ------------------------------------------------------------------ judgements
@resolve_app.command("same")
def same(a: str, b: str, by: str = BY, reason: str = REASON) -> None:
    """Judge A and B the same entity: B is merged into A (names, ids and every fact with its sources kept)."""
    from graph.merge import merge

    with driver_for() as (driver, settings), driver.session(database=settings.neo4j_database) as s:
        a, b = J.resolve_id(s, a), J.resolve_id(s, b)
        j = merge(s, a, b, by=J.who(by), reason=reason)
    console.print(f"merged {j.b} ({j.b_name}) into {j.a} ({j.a_name}); by {j.by} at {j.at}. "
                  f"`jinshang resolve undo {j.a} {j.b}` splits them back.", soft_wrap=True, markup=False)


@resolve_app.command("different")
def different(a: str, b: str, by: str = BY, reason: str = REASON) -> None:
    """Judge A and B different entities: the pair is never proposed or merged again."""
    from graph.merge import record_different

    with driver_for() as (driver, settings), driver.session(database=settings.neo4j_database) as s:
        j = s.execute_write(lambda tx: record_different(tx, a, b, by=J.who(by), reason=reason))
    console.print(f"kept apart: {j.a} / {j.b}; by {j.by} at {j.at}", soft_wrap=True, markup=False)


@resolve_app.command("undo")
def undo(a: str, b: str, by: str = BY) -> None:
    """Withdraw the judgement on A and B; a merge is split back into exactly the nodes and facts before it."""
    from graph.merge import undo as undo_merge

    with driver_for() as (driver, settings), driver.session(database=settings.neo4j_database) as s:
        j = undo_merge(s, a, b, by=J.who(by))
    what = f"split {j.b} back out of {j.a}" if j.verdict == "same" else f"withdrew 'different' on {j.a} / {j.b}"
    console.print(f"{what}; by {j.undone_by} at {j.undone_at}", soft_wrap=True, markup=False)


@resolve_app.command("export")
def export(path: Path = typer.Argument(..., help="CSV file to write.")) -> None:
    """Write the judgements in force to a CSV that `jinshang resolve --from-file` re-applies."""
    from jinshang.output import write_csv

    with driver_for() as (driver, settings), driver.session(database=settings.neo4j_database) as s:
        rows = J.active(s)
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        n = write_csv(list(J.EXPORT_COLUMNS), [{c: getattr(j, c) for c in J.EXPORT_COLUMNS} for j in rows], f)
    console.print(f"{path}: {n} judgement(s)", markup=False)


# ------------------------------------------------------------------ candidates, review, explain
def _entities(session, label: str | None):
    from graph.entity_context import RESOLVABLE, entity_rows
    from loaders.resolution.apply import entity_of_row

    if label is not None and label not in RESOLVABLE:
        raise typer.BadParameter(f"--label must be one of {', '.join(RESOLVABLE)}")
    return [entity_of_row(r) for r in entity_rows(session, [label] if label else None)]


def open_candidates(session, label: str | None = None) -> list[tuple]:
    """(candidate, names by id) for the pairs not yet judged."""
    from loaders.resolution.candidates import candidates

    entities = _entities(session, label)
    names = {e.id: e.name for e in entities}
    verdicts = J.verdicts(J.active(session))
    found = [c for c in candidates(entities, verdicts, label) if frozenset((c.a, c.b)) not in verdicts]
    return [(c, names) for c in found]


def candidate_row(c, names: dict) -> dict:
    return {"a": c.a, "b": c.b, "label": c.label, "a_name": names.get(c.a, ""), "b_name": names.get(c.b, ""),
            "score": round(float(c.score), 3), "auto": bool(c.auto), "reasons_for": "; ".join(c.reasons_for),
            "reasons_against": "; ".join(c.reasons_against), "answer": ""}


@resolve_app.command("candidates")
def candidates_command(
        label: str = typer.Option(None, "--label", help="Chamber, Person, Company, Organization, Project or Event."),
        fmt: str = typer.Option("table", "--format", help="table, csv, json or xlsx (xlsx needs --output)."),
        output: Path = typer.Option(None, "--output", "-o", help="Write to this file instead of the terminal.")) -> None:
    """Pairs of nodes that may be one entity, with a score and the evidence for and against, in words."""
    from jinshang.output import build_table, write_csv, write_json

    if fmt not in ("table", "csv", "json", "xlsx"):
        raise typer.BadParameter("--format must be table, csv, json or xlsx")
    with driver_for() as (driver, settings), driver.session(database=settings.neo4j_database) as s:
        rows = [candidate_row(c, names) for c, names in open_candidates(s, label)]
    if fmt == "xlsx":
        if output is None:
            raise typer.BadParameter("--format xlsx needs --output FILE.xlsx")
        _write_xlsx(rows, output)
        console.print(f"{output}: {len(rows)} candidate pair(s); fill the `answer` column (same / different) and "
                      f"run `jinshang resolve --from-file {output}`", markup=False, soft_wrap=True)
        return
    out = open(output, "w", encoding="utf-8-sig" if fmt == "csv" else "utf-8", newline="") if output else sys.stdout
    try:
        if fmt == "csv":
            write_csv(CANDIDATE_COLUMNS, rows, out)
        elif fmt == "json":
            write_json(rows, out)
        else:
            table, shown, total = build_table(CANDIDATE_COLUMNS[:-1], rows, 200, "candidates / 候选重复")
            console.print(table)
            console.print(f"{total} candidate pair(s)")
    finally:
        if output:
            out.close()


def _write_xlsx(rows: list[dict], path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "candidates"
    ws.append(CANDIDATE_COLUMNS)
    for r in rows:
        # every cell as a value, never a formula: names come from sources
        ws.append([r[c] for c in CANDIDATE_COLUMNS])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
    wb.save(path)


def read_judgement_file(path: Path, by: str) -> list[dict]:
    """Rows {a, b, verdict, by, at, reason} from an exported CSV or a reviewed candidates sheet;
    every bad row is reported (file, row, field, value, reason) before anything is applied."""
    import pandas as pd

    try:
        if path.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
            df = pd.read_excel(path, dtype=str, engine="calamine")
        else:
            df = pd.read_csv(path, dtype=str, encoding="utf-8-sig")
    except Exception as exc:  # noqa: BLE001 - a file pandas cannot read: one line naming it
        raise ValidationError([Problem(str(path), None, None, None, f"cannot read: {exc}")]) from exc
    df = df.fillna("")
    column = "verdict" if "verdict" in df.columns else "answer" if "answer" in df.columns else None
    problems, rows = [], []
    for field in ("a", "b"):
        if field not in df.columns:
            problems.append(Problem(str(path), None, field, None, "缺少列 / column missing"))
    if column is None:
        problems.append(Problem(str(path), None, "verdict", None, "缺少 verdict 或 answer 列 / needs a "
                                                                    "`verdict` or an `answer` column"))
    if problems:
        raise ValidationError(problems)
    for i, r in enumerate(df.to_dict("records"), start=2):  # row 1 is the header
        answer = str(r[column]).strip().lower()
        if not answer or answer in ("skip", "k", "?"):
            continue
        verdict = "same" if answer in SAME_ANSWERS else "different" if answer in DIFFERENT_ANSWERS else None
        if verdict is None:
            problems.append(Problem(str(path), i, column, r[column], "应为 same/different（是/否）/ must be same or "
                                                                   "different (是/否)"))
            continue
        for field in ("a", "b"):
            if J.label_of(str(r[field]).strip()) is None:
                problems.append(Problem(str(path), i, field, r[field], "不是节点 id / not a node id "
                                                                     "(e.g. chamber:珠海晋商会)"))
        rows.append({"a": str(r["a"]).strip(), "b": str(r["b"]).strip(), "verdict": verdict,
                     "by": str(r.get("by") or "").strip() or by, "at": str(r.get("at") or "").strip() or None,
                     "reason": str(r.get("reason") or "").strip(), "row": i})
    if problems:
        raise ValidationError(problems)
    return rows


@resolve_app.command("review")
def review(label: str = typer.Option(None, "--label", help="Only pairs of this label."), by: str = BY) -> None:
    """Walk the open candidates in the terminal: s(ame), d(ifferent), k (skip) or q(uit) for each."""
    from graph.merge import merge, record_different

    who = J.who(by)
    counts = {"same": 0, "different": 0, "skipped": 0}
    with driver_for() as (driver, settings), driver.session(database=settings.neo4j_database) as s:
        pending = open_candidates(s, label)
        console.print(f"{len(pending)} open candidate pair(s)")
        for n, (c, names) in enumerate(pending, start=1):
            console.print(f"[{n}/{len(pending)}] {c.label}: {c.a} ({names.get(c.a)})  ⟷  {c.b} ({names.get(c.b)})  "
                          f"score {float(c.score):.2f}", markup=False, soft_wrap=True)
            for why in c.reasons_for:
                console.print(f"  + {why}", markup=False)
            for why in c.reasons_against:
                console.print(f"  − {why}", markup=False)
            console.print("same / different / skip / quit? [s/d/k/q] ", end="", markup=False)
            line = sys.stdin.readline()
            answer = line.strip().lower()
            console.print(answer, markup=False)
            if not line or answer in ("q", "quit"):
                break
            if answer in ("s", "same"):
                a, b = J.resolve_id(s, c.a), J.resolve_id(s, c.b)
                if a != b:  # (an earlier answer may have merged them already)
                    merge(s, a, b, by=who, reason="review")
                counts["same"] += 1
            elif answer in ("d", "different"):
                s.execute_write(lambda tx: record_different(tx, c.a, c.b, by=who, reason="review"))
                counts["different"] += 1
            else:
                counts["skipped"] += 1
    console.print(f"{counts['same']} merged, {counts['different']} kept apart, {counts['skipped']} skipped")


@resolve_app.command("explain")
def explain_command(a: str, b: str,
                    fmt: str = typer.Option("text", "--format", help="text or json.")) -> None:
    """Why A and B were merged or kept apart: the judgements on them (who, when, why) and the matcher's evidence."""
    from graph.entity_context import entity_rows
    from loaders.resolution.apply import entity_of_row
    from loaders.resolution.candidates import explain

    with driver_for() as (driver, settings), driver.session(database=settings.neo4j_database) as s:
        history = J.for_pair(s, a, b)
        living = {x: J.resolve_id(s, x) for x in (a, b)}
        labels = {J.label_of(x) for x in living.values()} - {None}
        rows = {r["id"]: r for r in entity_rows(s, sorted(labels))} if labels else {}
    out = {"a": a, "b": b, "judgements": [j.describe() for j in history], "now": None, "evidence": None}
    if living[a] == living[b] and living[a] in rows:
        out["now"] = f"同一节点 / one node: both resolve to {living[a]}"
    elif all(x in rows for x in living.values()):
        out["now"] = f"两个节点 / two nodes: {living[a]} and {living[b]}"
    else:
        missing = [x for x in (a, b) if living[x] not in rows]
        out["now"] = f"不在数据库中 / not in the database: {', '.join(missing)}"
    if living[a] != living[b] and all(x in rows for x in living.values()):
        c = explain(entity_of_row(rows[living[a]]), entity_of_row(rows[living[b]]))
        out["evidence"] = {"score": round(float(c.score), 3), "auto": bool(c.auto),
                           "for": list(c.reasons_for), "against": list(c.reasons_against)}
    if fmt == "json":
        console.print_json(json.dumps(out, ensure_ascii=False))
        return
    console.print(f"{a} ⟷ {b}", markup=False)
    console.print(f"  {out['now']}", markup=False, soft_wrap=True)
    if not history:
        console.print("  无判断 / no judgement recorded", markup=False)
    for line in out["judgements"]:
        console.print(f"  {line}", markup=False, soft_wrap=True)
    ev = out["evidence"]
    if ev:
        verdict = "would merge automatically" if ev["auto"] else "would wait for a person"
        console.print(f"  matcher: score {ev['score']:.2f}, {verdict}", markup=False)
        for why in ev["for"]:
            console.print(f"    + {why}", markup=False)
        for why in ev["against"]:
            console.print(f"    − {why}", markup=False)


# ------------------------------------------------------------------ load time (see jinshang/resolution.py)
def print_resolution(resolution, done: bool = False) -> None:
    """The merges a load makes (or would make) and the candidates it leaves for a person."""
    from rich.table import Table

    if resolution.merges:
        table = Table(title="merged on arrival / 导入时合并" if done else "merges the load would make / 将合并")
        for col in ("record", "into", "why"):
            table.add_column(col, overflow="fold")
        for m in resolution.merges:
            table.add_row(f"{m.record_id} ({m.name})", m.into, m.why)
        console.print(table)
    if resolution.open:
        console.print(f"{len(resolution.open)} candidate pair(s) left open for a person / 待人工判断: "
                      "`jinshang resolve review`", markup=False)
        for c in resolution.open[:20]:
            console.print(f"  {_cid(c.a)} ⟷ {_cid(c.b)} (score {float(c.score):.2f})", markup=False)


def _cid(x) -> str:
    return getattr(x, "id", x)
