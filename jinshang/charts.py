"""Charts for the analysis report, drawn by matplotlib as SVG whose text stays text.

With ``svg.fonttype: none`` every label is a ``<text>`` element naming CJK font families with a
generic ``sans-serif`` fallback, so the reader's browser draws the Chinese: the server needs no
CJK font and the report stays one offline file (the SVG goes into an ``<img>`` as a data: URI,
where no script can run; matplotlib escapes ``<``, ``>`` and ``&`` in text).

A raster image (``fmt="png"``) does need a font on this machine. matplotlib builds its font cache
once and never looks again, so a CJK font installed afterwards is added to the cache here the first
time a raster chart is drawn; with none installed, a warning is printed once and the chart is still
drawn (Chinese as empty boxes).

>>> svg = funnel_chart({"signed": 3, "landed": 2, "started": 2, "in_production": 1,
...                     "signed_yi": 9.5, "landed_yi": 6.0, "started_yi": 6.0, "funds_yi": 2.1}, False)
>>> svg.startswith("data:image/svg+xml;base64,") and "签约".encode() in chart_bytes(svg)
True
"""
from __future__ import annotations

import base64
import io
import sys
import warnings
from contextlib import contextmanager, suppress
from functools import lru_cache
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display; must precede pyplot
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import font_manager  # noqa: E402

# Families a reader's browser or this machine may have, best first; the browser falls back to its
# own sans-serif, which draws Chinese on every desktop and phone.
CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans CJK JP", "Noto Sans CJK TC",
             "Noto Sans CJK KR", "Noto Serif CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei",
             "PingFang SC", "Hiragino Sans GB", "SimHei")
SYNTHETIC_NOTE = "含合成演示数据（非真实）"
NO_FONT_WARNING = ("警告：未找到中文字体，位图中的汉字将显示为方框（安装 fonts-noto-cjk 即可）。"
                   "warning: no CJK font found; Chinese in raster charts is drawn as empty boxes "
                   "(install fonts-noto-cjk)")
# A missing glyph in matplotlib's fallback font is the browser's job in SVG, not a problem here.
_GLYPH_WARNING = r"Glyph .* missing from font"


def known_cjk_font() -> str | None:
    """The first CJK family of CJK_FONTS that matplotlib's font cache knows, or None."""
    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((family for family in CJK_FONTS if family in installed), None)


def _style() -> dict:
    family = known_cjk_font()
    return {
        "font.family": "sans-serif",
        # Layout is measured with the first family installed here, else with DejaVu Sans, whose
        # missing-glyph box (1.15 em) is wider than a CJK glyph: a browser's Chinese always fits.
        "font.sans-serif": [*CJK_FONTS, "DejaVu Sans"] if family is None else [family, *CJK_FONTS, "DejaVu Sans"],
        "axes.unicode_minus": False,
        "svg.fonttype": "none",
        "svg.hashsalt": "jinshang",  # stable ids: the same data gives the same file
    }


def refresh_font_cache() -> int:
    """Add to matplotlib's font cache the fonts installed after it was built; how many files.

    matplotlib lists the system's fonts once, into ``fontlist-*.json`` under its cache dir, and
    never looks again. The cache is updated in place (other matplotlib modules hold the same
    FontManager) and written back, so the next process starts with the font.
    """
    fm = font_manager.fontManager
    known = {f.fname for f in fm.ttflist}
    new = [p for p in font_manager.findSystemFonts() if p not in known]
    for path in new:
        with suppress(Exception):  # a broken font file must not break a chart
            fm.addfont(path)
    if new:
        with suppress(OSError):  # a read-only cache dir: this process still has the fonts
            font_manager.json_dump(fm, Path(matplotlib.get_cachedir(), f"fontlist-v{fm.__version__}.json"))
    return len(new)


@lru_cache(maxsize=1)
def raster_cjk_font() -> str | None:
    """A CJK family for raster charts, refreshing a stale font cache once; None (warned once) if none."""
    family = known_cjk_font()
    if family is None and refresh_font_cache():
        family = known_cjk_font()
    if family is None:
        print(NO_FONT_WARNING, file=sys.stderr)
    return family


@contextmanager
def _chart_style(fmt: str):
    with matplotlib.rc_context(_style()), warnings.catch_warnings():
        if fmt == "svg":
            warnings.filterwarnings("ignore", message=_GLYPH_WARNING)
        elif fmt == "png":
            family = raster_cjk_font()
            if family:
                matplotlib.rcParams["font.sans-serif"] = [family, "DejaVu Sans"]
            else:
                warnings.filterwarnings("ignore", message=_GLYPH_WARNING)  # said once already
        else:
            raise ValueError(f"chart format must be svg or png, not {fmt!r}")
        yield


def _encode(fig, fmt: str) -> str:
    buf = io.BytesIO()
    try:
        if fmt == "svg":
            fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
        else:
            fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    finally:
        plt.close(fig)
    mime = "image/svg+xml" if fmt == "svg" else "image/png"
    return f"data:{mime};base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def chart_bytes(data_uri: str) -> bytes:
    """The image file inside a chart's data: URI."""
    return base64.b64decode(data_uri.split(",", 1)[1])


def _title(ax, text: str, synthetic: bool) -> None:
    ax.set_title(text + (f"\n（{SYNTHETIC_NOTE}）" if synthetic else ""), fontsize=11)


def productivity_chart(chambers, synthetic: bool, top: int = 12, fmt: str = "svg") -> str:
    """Horizontal bars per chamber network: signed (project-level and event share) and funds."""
    with _chart_style(fmt):
        df = chambers.head(top).iloc[::-1]
        fig, ax = plt.subplots(figsize=(8, 0.45 * len(df) + 1.5))
        y = range(len(df))
        ax.barh(y, df["signed_yi"], color="#ef6c00", label="签约 signed (project-level)")
        ax.barh(y, df["event_share_yi"], left=df["signed_yi"], color="#ffcc80", hatch="//",
                label="签约 signed only (event share)")
        ax.barh(y, df["funds_yi"], height=0.35, color="#2e7d32", label="到位资金 funds in place")
        ax.set_yticks(list(y), df["name"], parse_math=False)  # names are data, not TeX
        ax.set_xlabel("亿元")
        ax.legend(loc="lower right", fontsize=8)
        _title(ax, "商会网络产出 Chamber-network productivity", synthetic)
        return _encode(fig, fmt)


def funnel_chart(funnel: dict, synthetic: bool, fmt: str = "svg") -> str:
    """Signed → landed → started → in production (counts) and signed / funds (亿元)."""
    with _chart_style(fmt):
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
        return _encode(fig, fmt)


def events_chart(events, synthetic: bool, fmt: str = "svg") -> str:
    """Signed amount per event: recorded projects beside the amount the source reports."""
    with _chart_style(fmt):
        df = events.iloc[::-1]
        fig, ax = plt.subplots(figsize=(8, 0.45 * len(df) + 1.5))
        y = list(range(len(df)))
        ax.barh([i + 0.2 for i in y], df["signed_yi"], height=0.4, color="#ef6c00", label="recorded projects")
        ax.barh([i - 0.2 for i in y], df["reported_yi"].fillna(0), height=0.4, color="#9e9e9e",
                label="reported by the source (signed only)")
        ax.set_yticks(y, df["label"], parse_math=False)
        ax.set_xlabel("亿元")
        ax.legend(loc="lower right", fontsize=8)
        _title(ax, "活动签约 Signed per event", synthetic)
        return _encode(fig, fmt)


def coverage_chart(counties, synthetic: bool, fmt: str = "svg") -> str:
    """Ties per county, coloured by status (gap / weak / covered)."""
    with _chart_style(fmt):
        df = counties.iloc[::-1]
        colors = {"gap": "#c62828", "weak": "#f9a825", "covered": "#2e7d32"}
        fig, ax = plt.subplots(figsize=(7, 0.35 * len(df) + 1.5))
        ax.barh(range(len(df)), df["ties"], color=[colors[s] for s in df["status"]])
        ax.set_yticks(range(len(df)), df["name"], parse_math=False)
        ax.set_xlabel("network ties (distinct chambers and people)")
        _title(ax, "县区覆盖 County coverage", synthetic)
        return _encode(fig, fmt)
