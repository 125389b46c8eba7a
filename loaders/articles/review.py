"""The review round trip: a sheet with one row per fact (its evidence quoted, an accept column),
and back from the sheet to the facts a reviewer accepted.

Rows at or above the threshold come with 接受 = 是 already filled in; the others are blank and
are loaded only if a reviewer writes 是 / yes / y / 1 / x / ✓ there. The `fact` column holds the
fact itself (JSON) so the load needs nothing but the sheet; the `sources` sheet holds each
article's Source.

日期 date is the reviewer's date of an event (YYYY-MM-DD): the graph needs one, and an article
that states a day but no year (month_day --05-09) or no day at all gives none. It must agree with
the month-day the article states (its month, where the day was approximate); the event's id is
then made from it and the city as usual (event:2019-05-09/大连市), and its relationships follow.
An accepted event with no date, or a date on a row that is not an event, is refused.
"""
from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path

from graph.errors import Problem, ValidationError
from graph.spreadsheet import is_formula_like
from loaders.articles.facts import THRESHOLD, Facts, NodeFact, RelFact
from loaders.articles.records import rel_fact_id

DATE = "日期 date"
COLUMNS = ("接受 accept", "置信度 confidence", "类型 kind", "事实 fact id", "名称 name", DATE, "属性 properties",
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
                   f.name if is_node else "", None, json.dumps(fact_json["properties"], ensure_ascii=False),
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
    from openpyxl.utils import get_column_letter

    ws.column_dimensions[get_column_letter(COLUMNS.index("证据 evidence") + 1)].width = 60
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
    problems, rows = [], []  # rows: (row number, source name, the fact, accepted?, the reviewer's date)
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
            f = NodeFact(fact["id"], fact["label"], fact["name"], fact["properties"], spans, fact["confidence"])
            facts.nodes[f.id] = f
        else:
            f = RelFact(fact["type"], fact["start"], fact["end"], fact["properties"], spans, fact["confidence"])
            facts.rels[f.key()] = f
        rows.append((n, fact["source"], f, str(cells.get(COLUMNS[0]) or "").strip().lower() in YES, cells.get(DATE)))
    wb.close()
    renames: dict[str, dict[str, str]] = {}
    for n, source, f, yes, given in rows:
        problem = _date_event(f, given, yes, by_source[source], renames.setdefault(source, {}))
        if problem:
            shown = given if given not in (None, "") else getattr(f, "id", None)  # the date, else the event
            problems.append(Problem(str(path), n, DATE, shown, problem))
    if problems:
        raise ValidationError(problems)
    for source, moved in renames.items():
        if moved:
            _rename(by_source[source], moved)
    accepted = {(source, f.id if isinstance(f, NodeFact) else rel_fact_id(f)) for _n, source, f, yes, _ in rows if yes}
    return list(by_source.values()), accepted


def _date_event(f, given, accepted: bool, facts: Facts, renames: dict) -> str | None:
    """Give an event the reviewer's date (and so its id: event:<date>/<city>); the reason it cannot,
    or None. An accepted event needs a date, from the article or the reviewer."""
    is_event = isinstance(f, NodeFact) and f.label == "Event"
    if given in (None, "") or (isinstance(given, str) and not given.strip()):
        if is_event and accepted and not f.properties.get("date"):
            stated = f.properties.get("month_day")
            return (f"已接受的活动没有日期(文中只有 {stated}),请在此列填写 YYYY-MM-DD / an accepted event needs a date: "
                    f"the article states {stated} but no year; write the date in this column" if stated else
                    "已接受的活动没有日期,请在此列填写 YYYY-MM-DD / an accepted event needs a date: the article states "
                    "no day; write the date in this column")
        return None
    if not is_event:
        return "只有活动行可填日期 / only an event's row takes a date"
    day = _as_date(given)
    if day is None:
        return "不是日期,应为 YYYY-MM-DD / not a date (YYYY-MM-DD)"
    stated = f.properties.get("month_day")
    if stated and (stated[2:4] != f"{day.month:02d}" if f.properties.get("date_approx") else stated != day.strftime("--%m-%d")):
        return f"与文中所述的 {stated} 不符 / does not agree with the day the article states ({stated})"
    city = next((facts.nodes[r.end].name if r.end in facts.nodes else r.end.split(":", 1)[-1]
                 for r in facts.rels.values() if r.type == "HELD_IN" and r.start == f.id), None)
    if city is None:
        return "活动没有举办城市,无法确定其 id / the event has no city it was held in, so no id can be made for it"
    for k in ("month_day", "date_approx"):  # the reviewer's date is the day
        f.properties.pop(k, None)
    f.properties["date"] = day.isoformat()
    new = f"event:{day.isoformat()}/{city}"
    if new != f.id:
        renames[f.id] = new
    return None


def _as_date(value):
    """A reviewer's date: a spreadsheet date, or text 2019-05-09 / 2019/5/9 / 2019年5月9日."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    m = re.fullmatch(r"\s*(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?\s*", str(value))
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
    except ValueError:
        return None


def _rename(facts: Facts, moved: dict[str, str]) -> None:
    """Events given new ids: the nodes and the relationships at their ends (one fact where the new
    id is one the sheet has already)."""
    nodes = {}
    for node in facts.nodes.values():
        node.id = moved.get(node.id, node.id)
        if node.id in nodes:
            _merge(nodes[node.id], node)
        else:
            nodes[node.id] = node
    facts.nodes = nodes
    rels = {}
    for r in facts.rels.values():
        r.start, r.end = moved.get(r.start, r.start), moved.get(r.end, r.end)
        if r.key() in rels:
            _merge(rels[r.key()], r)
        else:
            rels[r.key()] = r
    facts.rels = rels


def _merge(old, new) -> None:
    """As facts._absorb: the first value of each property stays, evidence is added, the higher
    confidence kept."""
    for k, v in new.properties.items():
        old.properties.setdefault(k, v)
    old.evidence += [span for span in new.evidence if span not in old.evidence]
    old.confidence = max(old.confidence, new.confidence)
