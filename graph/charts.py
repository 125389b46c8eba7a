"""Charts for the analysis report, rendered by matplotlib as base64 PNG (so the HTML opens offline).

Chinese labels need a CJK font: Debian's fonts-noto-cjk (Noto Sans CJK). `use_cjk_font` finds
it and raises JinshangError when none is installed, rather than drawing empty boxes.

>>> use_cjk_font()            # doctest: +SKIP
'Noto Sans CJK JP'
"""
from __future__ import annotations

import base64
import io
from functools import lru_cache

import matplotlib

matplotlib.use("Agg")  # no display; must precede pyplot
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import font_manager  # noqa: E402

from graph.errors import JinshangError  # noqa: E402

CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK TC", "Noto Sans CJK KR",
             "Noto Serif CJK SC", "WenQuanYi Zen Hei", "Source Han Sans SC")
SYNTHETIC_NOTE = "含合成演示数据（非真实）"


@lru_cache(maxsize=1)
def use_cjk_font() -> str:
    """Configure matplotlib to draw Chinese with an installed CJK font; its family name."""
    installed = {f.name for f in font_manager.fontManager.ttflist}
    for family in CJK_FONTS:
        if family in installed:
            matplotlib.rcParams["font.family"] = "sans-serif"
            matplotlib.rcParams["font.sans-serif"] = [family, "DejaVu Sans"]
            matplotlib.rcParams["axes.unicode_minus"] = False
            return family
    raise JinshangError("no CJK font found for charts (install fonts-noto-cjk: Noto Sans CJK); "
                        "Chinese labels would be drawn as empty boxes")


def _png(fig) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def _title(ax, text: str, synthetic: bool) -> None:
    ax.set_title(text + (f"\n（{SYNTHETIC_NOTE}）" if synthetic else ""), fontsize=11)


def productivity_chart(chambers, synthetic: bool, top: int = 12) -> str:
    """Horizontal bars per chamber network: signed (project-level and event share) and funds."""
    use_cjk_font()
    df = chambers.head(top).iloc[::-1]
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(df) + 1.5))
    y = range(len(df))
    ax.barh(y, df["signed_yi"], color="#ef6c00", label="签约 signed (project-level)")
    ax.barh(y, df["event_share_yi"], left=df["signed_yi"], color="#ffcc80", hatch="//",
            label="签约 signed only (event share)")
    ax.barh(y, df["funds_yi"], height=0.35, color="#2e7d32", label="到位资金 funds in place")
    ax.set_yticks(list(y), df["name"])
    ax.set_xlabel("亿元")
    ax.legend(loc="lower right", fontsize=8)
    _title(ax, "商会网络产出 Chamber-network productivity", synthetic)
    return _png(fig)


def funnel_chart(funnel: dict, synthetic: bool) -> str:
    """Signed → landed → started → in production (counts) and signed / funds (亿元)."""
    use_cjk_font()
    fig, (a, b) = plt.subplots(1, 2, figsize=(9, 3.4))
    steps = ["签约\nsigned", "落地\nlanded", "开工\nstarted", "投产\nin production"]
    counts = [funnel["signed"], funnel["landed"], funnel["started"], funnel["in_production"]]
    a.bar(steps, counts, color=["#ef6c00", "#f9a825", "#00838f", "#2e7d32"])
    for i, v in enumerate(counts):
        a.text(i, v, str(v), ha="center", va="bottom", fontsize=9)
    a.set_ylabel("项目数 projects")
    a.tick_params(axis="x", labelsize=8)
    money = [funnel["signed_yi"], funnel["landed_yi"], funnel["started_yi"], funnel["funds_yi"]]
    labels = ["签约额", "落地项目额", "开工项目额", "到位资金"]
    b.bar(labels, money, color=["#ef6c00", "#f9a825", "#00838f", "#2e7d32"])
    for i, v in enumerate(money):
        b.text(i, v, f"{v:g}", ha="center", va="bottom", fontsize=9)
    b.set_ylabel("亿元")
    _title(a, "项目转化 Funnel", synthetic)
    _title(b, "金额 Amounts", synthetic)
    return _png(fig)


def events_chart(events, synthetic: bool) -> str:
    """Signed amount per event: recorded projects beside the amount the source reports."""
    use_cjk_font()
    df = events.iloc[::-1]
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(df) + 1.5))
    y = list(range(len(df)))
    ax.barh([i + 0.2 for i in y], df["signed_yi"], height=0.4, color="#ef6c00", label="recorded projects")
    ax.barh([i - 0.2 for i in y], df["reported_yi"].fillna(0), height=0.4, color="#9e9e9e",
            label="reported by the source (signed only)")
    ax.set_yticks(y, df["label"])
    ax.set_xlabel("亿元")
    ax.legend(loc="lower right", fontsize=8)
    _title(ax, "活动签约 Signed per event", synthetic)
    return _png(fig)


def coverage_chart(counties, synthetic: bool) -> str:
    """Ties per county, coloured by status (gap / weak / covered)."""
    use_cjk_font()
    df = counties.iloc[::-1]
    colors = {"gap": "#c62828", "weak": "#f9a825", "covered": "#2e7d32"}
    fig, ax = plt.subplots(figsize=(7, 0.35 * len(df) + 1.5))
    ax.barh(range(len(df)), df["ties"], color=[colors[s] for s in df["status"]])
    ax.set_yticks(range(len(df)), df["name"])
    ax.set_xlabel("network ties (distinct chambers and people)")
    _title(ax, "县区覆盖 County coverage", synthetic)
    return _png(fig)
