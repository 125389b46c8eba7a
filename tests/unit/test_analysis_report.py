"""The HTML report: self-contained, escaped, bannered when synthetic, readable tables, charts whose
text stays text, and readable in real Chromium."""
from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from jinshang.charts import SYNTHETIC_NOTE, chart_bytes
from jinshang.report import format_cell, write_report
from queries.summary import offline_graph, run_analysis

EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//|https?://""", re.I)
HOSTILE = """广东山西商会<script>alert(1)</script>&"'"""
TEX = r"珠海山西商会 $\frac{$"  # matplotlib would read $…$ as TeX and fail on it
SVG = "{http://www.w3.org/2000/svg}"


class _Page(HTMLParser):
    """Tables (rows of cell texts, entities decoded) and <img> sources of an HTML page."""

    def __init__(self, html: str):
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self.images: list[str] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self._row = []
            self.tables[-1].append(self._row)
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag == "img":
            self.images.append(dict(attrs)["src"])

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)

    def table(self, first_header: str) -> list[dict[str, str]]:
        """The table whose first header is `first_header`, as one dict per row."""
        [rows] = [t for t in self.tables if t and t[0] and t[0][0] == first_header]
        return [dict(zip(rows[0], r)) for r in rows[1:]]


def _chart_texts(src: str) -> list[str]:
    root = ET.fromstring(chart_bytes(src))
    assert not list(root.iter(f"{SVG}script")) and not list(root.iter("script"))
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


@pytest.fixture(scope="module")
def html(tmp_path_factory) -> str:
    G = offline_graph()
    # hostile names must come out as text, never as markup, in tables and charts alike
    G.nodes["chamber:广东山西商会"]["name"] = HOSTILE
    G.nodes["chamber:珠海山西商会"]["name"] = TEX
    return write_report(run_analysis(G), tmp_path_factory.mktemp("report")).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def page(html) -> _Page:
    return _Page(html)


def test_banner_chinese_and_figures(html):
    assert 'id="synthetic-banner"' in html and "合成演示数据" in html and "source:demo-ledger-2017" in html
    assert "北京山西企业商会" in html and "代县" in html
    assert ">1121.6<" in html and ">208<" in html and ">364.0<" in html


def test_no_external_urls(html):
    assert not EXTERNAL.search(html)


def test_values_are_escaped(html, page):
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    names = [r["商会网络 network"] for r in page.table("商会网络 network")]
    assert HOSTILE in names and TEX in names


def test_charts_are_svg_with_chinese_text(page):
    assert len(page.images) == 4 and all(s.startswith("data:image/svg+xml;base64,") for s in page.images)
    texts = [_chart_texts(src) for src in page.images]
    assert all(any("签约" in t or "县区" in t for t in chart) for chart in texts)
    assert all(any(SYNTHETIC_NOTE in t for t in chart) for chart in texts)  # each chart says synthetic
    productivity = texts[1]
    assert HOSTILE in productivity and TEX in productivity  # drawn as given, neither markup nor TeX
    svg = chart_bytes(page.images[0]).decode()
    assert "font-family:" in svg and "'Noto Sans CJK SC'" in svg and "sans-serif" in svg


def _header_ok(header: str) -> bool:
    """Chinese first, then English: the header opens with a CJK character (or is the rank #)."""
    return header == "#" or unicodedata.east_asian_width(header[0]) == "W"


def test_headers_chinese_first(page):
    headers = [h for t in page.tables for h in t[0] if h]
    assert len(headers) > 60
    assert [h for h in headers if not _header_ok(h)] == []
    assert "签约额 signed 亿元" in headers


INTEGER = re.compile(r"^\d{1,3}(,\d{3})*$")
AT_MOST_ONE_DECIMAL = re.compile(r"^\d{1,3}(,\d{3})*(\.\d)?$")


def test_counts_are_integers(page):
    events = {r["活动 event"]: r for r in page.table("活动 event")}
    zhuhai = events["2017-05-12 珠海市 event"]
    assert zhuhai["记录项目数 recorded projects"] == "47" and zhuhai["报道项目数 reported count（仅签约 signed only）"] == "47"
    assert events["2017-08-31 长春市 event"]["报道项目数 reported count（仅签约 signed only）"] == "—"
    count_columns = {"记录项目数 recorded projects", "落地 landed", "开工 started", "参会商会 chambers",
                     "成员数 size", "覆盖县区 counties reached", "规模 size", "项目 projects", "联系 ties"}
    tables = [page.table(h) for h in ("活动 event", "商会网络 network", "规模 size", "县区 county", "产业 industry")]
    cells = [v for t in tables for r in t for k, v in r.items() if k in count_columns]
    assert len(cells) > 100 and [v for v in cells if not INTEGER.match(v)] == []


def test_shared_credit_one_decimal_and_marked(page):
    chambers = {r["商会网络 network"]: r for r in page.table("商会网络 network")}
    shared = [k for k in next(iter(chambers.values())) if "分摊 shared" in k]
    assert {"项目数 projects（分摊 shared）", "活动项目 event share: projects（分摊 shared）（仅签约 signed only）",
            "活动签约额 event share: 亿元（分摊 shared）（仅签约 signed only）"} <= set(shared)
    assert chambers["北京山西企业商会"]["项目数 projects（分摊 shared）"] == "93"
    assert chambers[TEX]["项目数 projects（分摊 shared）"] == "55.9"  # 55.94…: a project shared among networks
    cells = [r[k] for r in chambers.values() for k in shared]
    assert [v for v in cells if not AT_MOST_ONE_DECIMAL.match(v)] == []


def test_booleans_read_yes_no(page):
    chambers = {r["商会网络 network"]: r for r in page.table("商会网络 network")}
    assert chambers["北京山西企业商会"]["联络处 liaison office"] == "是"
    assert chambers[TEX]["联络处 liaison office"] == "否"
    flags = {r[k] for r in chambers.values() for k in ("联络处 liaison office", "合成 synthetic")}
    assert flags == {"是", "否"}
    assert "True" not in str(page.tables) and "False" not in str(page.tables)


@pytest.mark.parametrize("value, kind, shown", [
    (47.0, "count", "47"),
    (1234, "count", "1,234"),
    (46.9444, "shared", "46.9"),
    (69.0, "shared", "69"),
    (0.0, "shared", "0"),
    (272.2833, "yi", "272.3"),
    (0.6449, "rate", "64.5%"),
    (0.34436, "score", "0.344"),
    (True, "bool", "是"),
    (False, "bool", "否"),
    ("gap", "status", "缺口 gap"),
    (float("nan"), "count", "—"),
    (None, "yi", "—"),
    ("<b>x</b>", "text", "<b>x</b>"),  # escaped later, by pandas' to_html(escape=True)
])
def test_format_cell(value, kind, shown):
    assert format_cell(value, kind) == shown


def test_seed_only_report_has_no_banner(tmp_path):
    html = write_report(run_analysis(offline_graph(with_demo=False), backtest=False), tmp_path).read_text("utf-8")
    assert 'id="synthetic-banner"' not in html and "signed only" in html
    charts = _Page(html).images
    assert len(charts) == 4 and not any(SYNTHETIC_NOTE in t for src in charts for t in _chart_texts(src))


def test_opens_offline_in_chromium(html, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("chromium is not installed (make test installs it as root: bash .ci/system-deps)")
    report = tmp_path / "report.html"
    report.write_text(html, encoding="utf-8")
    requests = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.goto(report.as_uri())
        assert page.locator("#synthetic-banner").is_visible()
        widths = page.eval_on_selector_all("img", "els => els.map(e => e.naturalWidth)")
        text = page.inner_text("body")
        browser.close()
    assert len(widths) == 4 and all(w > 100 for w in widths)  # every chart decoded
    assert "商会网络分析报告" in text
    assert all(u.startswith(("file:", "data:")) for u in requests)
