"""The review round trip: a sheet with one row per fact (its evidence quoted, an accept column),
and back from the sheet to the facts a reviewer accepted.

Rows at or above the threshold come with 接受 = 是 already filled in; the others are blank and
are loaded only if a reviewer writes 是 / yes / y / 1 / x / ✓ there. The `fact` column holds the
fact itself (JSON) so the load needs nothing but the sheet; the `sources` sheet holds each
article's Source.
"""
from __future__ import annotations

import json
from pathlib import Path

from graph.errors import Problem, ValidationError
from graph.spreadsheet import is_formula_like
from loaders.articles.facts import THRESHOLD, Facts, NodeFact, RelFact
from loaders.articles.records import rel_fact_id

COLUMNS = ("接受 accept", "置信度 confidence", "类型 kind", "事实 fact id", "名称 name", "属性 properties",
           "证据 evidence", "位置 offsets", "文件 file", "fact")
YES = {"是", "yes", "y", "1", "x", "✓", "true", "接受", "对"}
QUOTE_MAX = 200


def write_review(path, items: list[tuple[str, str, Facts]], threshold: float = THRESHOLD) -> int:
    """`items`: (file, text as given, facts). Returns the number of rows written."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "facts"
    ws.append(COLUMNS)
    rows = 0
    for file, given, facts in items:
        for f in list(facts.nodes.values()) + list(facts.rels.values()):
            is_node = isinstance(f, NodeFact)
            fact_json = {"source": facts.source["name"], **f.as_json()}
            row = ["是" if f.confidence >= threshold else "", f.confidence,
                   f.label if is_node else f.type, f.id if is_node else rel_fact_id(f),
                   f.name if is_node else "", json.dumps(fact_json["properties"], ensure_ascii=False),
                   " … ".join(given[s:e][:QUOTE_MAX] for s, e in f.evidence),
                   ", ".join(f"{s}-{e}" for s, e in f.evidence), file, json.dumps(fact_json, ensure_ascii=False)]
            ws.append(row)
            rows += 1
            for cell in ws[ws.max_row]:
                if is_formula_like(cell.value):  # text, never a formula
                    cell.data_type = "s"
    src = wb.create_sheet("sources")
    src.append(("name", "source"))
    for _file, _given, facts in items:
        src.append((facts.source["name"], json.dumps(facts.as_json()["source"], ensure_ascii=False)))
    ws.column_dimensions["G"].width = 60
    ws.freeze_panes = "A2"
    wb.save(path)
    return rows


def read_review(path) -> tuple[list[Facts], set]:
    """The facts of a review sheet and the (source name, fact id) pairs accepted in it."""
    from openpyxl import load_workbook

    path = Path(path)
    if not path.is_file():
        raise ValidationError([Problem(str(path), None, None, None, "文件不存在 / no such file")])
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook is one line
        raise ValidationError([Problem(str(path), None, None, None, f"不是可读的 xlsx / not a readable .xlsx ({type(exc).__name__})")])
    if "facts" not in wb.sheetnames or "sources" not in wb.sheetnames:
        raise ValidationError([Problem(str(path), None, None, None, "缺少 facts 或 sources 工作表 / not a review sheet of `jinshang extract --review`")])
    by_source: dict[str, Facts] = {}
    for n, (name, source) in enumerate(wb["sources"].iter_rows(min_row=2, values_only=True), start=2):
        try:
            by_source[str(name)] = Facts(json.loads(source))
        except (TypeError, ValueError):
            raise ValidationError([Problem(str(path), n, "source", source, "不是 JSON / not JSON (sheet sources)")])
    accepted, problems = set(), []
    header = None
    for n, row in enumerate(wb["facts"].iter_rows(values_only=True), start=1):
        if header is None:
            header = [str(c or "") for c in row]
            if "fact" not in header or COLUMNS[0] not in header:
                raise ValidationError([Problem(str(path), 1, None, None, "表头不符 / the header row is not the review sheet's")])
            continue
        cells = dict(zip(header, row))
        try:
            fact = json.loads(cells.get("fact") or "")
            facts = by_source[fact["source"]]
        except (TypeError, ValueError, KeyError):
            problems.append(Problem(str(path), n, "fact", cells.get("fact"), "无法读取事实 / not a fact of this sheet"))
            continue
        spans = [(e["start"], e["end"]) for e in fact["evidence"]]
        if "label" in fact:
            facts.nodes[fact["id"]] = NodeFact(fact["id"], fact["label"], fact["name"], fact["properties"], spans,
                                               fact["confidence"])
            fact_id = fact["id"]
        else:
            r = RelFact(fact["type"], fact["start"], fact["end"], fact["properties"], spans, fact["confidence"])
            facts.rels[r.key()] = r
            fact_id = rel_fact_id(r)
        if str(cells.get(COLUMNS[0]) or "").strip().lower() in YES:
            accepted.add((fact["source"], fact_id))
    wb.close()
    if problems:
        raise ValidationError(problems)
    return list(by_source.values()), accepted
