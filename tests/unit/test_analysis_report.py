"""The HTML report: self-contained, escaped, bannered when synthetic, and readable in real Chromium."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.charts import use_cjk_font
from graph.report import write_report
from queries.summary import offline_graph, run_analysis

EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//|https?://""", re.I)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    G = offline_graph()
    # a hostile name must come out as text, never as markup
    G.nodes["chamber:广东山西商会"]["name"] = "广东山西商会<script>alert(1)</script>"
    return write_report(run_analysis(G), tmp_path_factory.mktemp("report"))


def test_cjk_font_is_configured():
    assert "CJK" in use_cjk_font() or "Hei" in use_cjk_font()


def test_banner_chinese_and_figures(report):
    html = report.read_text(encoding="utf-8")
    assert 'id="synthetic-banner"' in html and "合成演示数据" in html and "source:demo-ledger-2017" in html
    assert "北京山西企业商会" in html and "代县" in html
    assert ">1121.6<" in html and ">208<" in html and ">364.0<" in html
    assert html.count("data:image/png;base64,") == 4


def test_no_external_urls(report):
    assert not EXTERNAL.search(report.read_text(encoding="utf-8"))


def test_values_are_escaped(report):
    html = report.read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_seed_only_report_has_no_banner(tmp_path):
    html = write_report(run_analysis(offline_graph(with_demo=False), backtest=False), tmp_path).read_text("utf-8")
    assert 'id="synthetic-banner"' not in html and "signed only" in html


def test_opens_offline_in_chromium(report):
    sync_api = pytest.importorskip("playwright.sync_api")
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
