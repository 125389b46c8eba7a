"""How nodes and edges look: colour and shape from the schema's `style`, size from money, label
text and plain-text tooltips (never HTML: the page puts them in the DOM with `textContent`).

>>> style_of("Chamber")
{'color': '#c62828', 'shape': 'diamond'}
>>> node_size({"label": "Project", "funds_in_place_yi": 16.0}, largest=64.0)
31.0
>>> print(tooltip("project:温泉小镇项目", {"label": "Project", "name": "温泉小镇项目", "amount_yi": 12.5}, {}))
温泉小镇项目
项目 Project · project:温泉小镇项目
amount_yi: 12.5
"""
from __future__ import annotations

import math
from datetime import date, datetime

from graph.schema import get_schema
from jinshang.views import activity

FONT_STACK = ('"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", '
              '"Microsoft YaHei", "PingFang SC", sans-serif')
# Attributes the projection or aggregation adds that are not properties of the fact itself.
INTERNAL = {"id", "label", "labels", "name", "sources", "synthetic", "aggregate", "members", "member_names",
            "synthetic_members", "type", "count", "work", "member_of", "expandable", "grouped_by", "grouped_in", "summary"}
MONEY = ("funds_in_place_yi", "amount_yi", "signed_total_yi")  # in place first: what arrived counts
LABEL_CHARS = 14
MAX_MEMBERS_SHOWN = 20


def style_of(label: str) -> dict:
    """The schema's style for a label (grey dot for anything the schema lacks)."""
    spec = get_schema().labels.get(label)
    style = dict(spec.style) if spec else {}
    return {"color": style.get("color", "#9e9e9e"), "shape": style.get("shape", "dot")}


def label_name(label: str) -> str:
    """The Chinese name a label's schema description starts with: 商会 for Chamber."""
    spec = get_schema().labels.get(label)
    return spec.description.split(" — ")[0] if spec else label


def type_name(type_: str) -> str:
    """The Chinese gloss of a relationship type where its description has one (签约 for SIGNED)."""
    spec = get_schema().relationships.get(type_)
    head = spec.description.split(" — ")[0] if spec and " — " in spec.description else ""
    return head


def money(d: dict) -> float | None:
    for prop in MONEY:
        v = d.get(prop)
        if isinstance(v, (int, float)) and not isinstance(v, bool) and v > 0:
            return float(v)
    return None


MIN_SIZE, MAX_SIZE = 12.0, 50.0
SIZE_MEANS = ("大小 = 项目资金（亿元，到位资金，无则签约额）：商会、人物引荐的，活动签约的，企业投资的，"
              "县落地的，项目本身的 · size = money of the projects a node introduced, signed, invested in "
              "or hosts (funds in place, else signed)")


def node_size(d: dict, largest: float) -> float:
    """Area grows with what the node did (`activity.value`, 亿元): MIN_SIZE for nothing, MAX_SIZE
    for the view's `largest`; √ so that area, not radius, is proportional."""
    v = activity.value(d)
    if not v or largest <= 0:
        return MIN_SIZE
    return round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt(min(v, largest) / largest), 1)


def short(text: str, n: int = LABEL_CHARS) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def fmt(value) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "、".join(fmt(v) for v in value)
    return str(value)


def source_text(ids, titles: dict[str, str], synthetic: set[str]) -> str:
    parts = []
    for s in ids or ():
        t = titles.get(s) or s
        parts.append(f"{t}（合成数据）" if s in synthetic else t)
    return "；".join(parts)


def tooltip(node_id: str, d: dict, titles: dict[str, str], synthetic: set[str] = frozenset()) -> str:
    """Plain text: name, label and id, every property, then the sources."""
    label = d.get("label", "")
    lines = [str(d.get("name", node_id)), f"{label_name(label)} {label} · {node_id}"]
    if d.get("aggregate"):
        lines.append(f"汇总节点：{d['members']} 个{label_name(label)}")
        names = d.get("member_names") or []
        more = f" 等 {len(names)} 个" if len(names) > MAX_MEMBERS_SHOWN else ""
        lines.append("包括：" + "、".join(names[:MAX_MEMBERS_SHOWN]) + more)
        if d.get("synthetic_members"):
            lines.append(f"其中 {d['synthetic_members']} 个来自合成数据")
    elif d.get("synthetic"):
        lines.append("合成数据 (synthetic)")
    if d.get("grouped_in"):
        lines.append(("县：" if d.get("grouped_by") == "county" else "签约活动：") + d["grouped_in"])
    if d.get("expandable"):
        lines.append("点击展开其中的项目 · click to show its projects")
    w = d.get("work")
    if w:
        lines.append(f"{w['verb']}项目 {w['projects']} 个 · 签约额 {w['amount_yi']:g}亿元 · 到位资金 {w['funds_yi']:g}亿元")
    return "\n".join(lines + _details(d, titles, synthetic))


def _details(d: dict, titles: dict[str, str], synthetic) -> list[str]:
    """Every shown property, then where it comes from: the tail of node and edge tooltips."""
    lines = [f"{k}: {fmt(d[k])}" for k in sorted(d) if k not in INTERNAL and d[k] is not None and d[k] != ""]
    src = source_text(d.get("sources"), titles, synthetic)
    return lines + ([f"来源: {src}"] if src else [])


def edge_label(d: dict) -> str:
    """SIGNED, HOLDS_POST 会长, ORGANIZED 主办, or SIGNED ×5 for a summary edge."""
    text = d.get("type", "")
    for k in ("title", "role"):
        if d.get(k):
            text += f" {d[k]}"
            break
    if d.get("count", 1) > 1:
        text += f" ×{d['count']}"
    return text


def edge_tooltip(u: str, v: str, d: dict, names: dict[str, str], titles: dict[str, str],
                 synthetic: set[str] = frozenset()) -> str:
    t = d.get("type", "")
    gloss = type_name(t)
    lines = [f"{names.get(u, u)} —{t}{(' ' + gloss) if gloss else ''}→ {names.get(v, v)}"]
    if d.get("count", 1) > 1:
        lines.append(f"汇总：{d['count']} 条关系")
    if d.get("synthetic"):
        lines.append("合成数据 (synthetic)")
    return "\n".join(lines + _details(d, titles, synthetic))
