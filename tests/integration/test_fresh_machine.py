"""The first run on a new machine: `jinshang build` from a clean clone, with an empty home and no caches.

The clone is the repository's committed state (`git clone`), run with this venv's Python and the
clone first on PYTHONPATH. HOME, XDG_CACHE_HOME and MPLCONFIGDIR are empty directories, so
matplotlib builds its font cache from scratch; the Neo4j jars come from the suite's jar cache (no
network). The build must not depend on which fonts the machine has: charts keep their text as
text and the reader's browser draws the Chinese. A stale matplotlib font cache, listing no CJK font
although one is installed, must not matter either; raster charts, which do need a font, refresh it.
"""
from __future__ import annotations

import base64
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from jinshang.charts import CJK_FONTS

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
SHARED_LIB = os.environ.get("JINSHANG_NEO4J_LIB") or str(ROOT / "var" / "neo4j" / "lib")
CLI = [sys.executable, "-m", "jinshang.cli"]
SVG_TEXT = "{http://www.w3.org/2000/svg}text"
FUNNEL = {"signed": 3, "landed": 2, "started": 2, "in_production": 1,
          "signed_yi": 9.5, "landed_yi": 6.0, "started_yi": 6.0, "funds_yi": 2.1}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _base_env(home: Path) -> dict[str, str]:
    """A new user's environment: nothing of this shell's NEO4J_*, caches or config comes along."""
    env = {k: os.environ[k] for k in ("PATH", "JAVA_HOME", "LANG", "TMPDIR") if k in os.environ}
    for d in ("home", "cache", "mpl"):
        (home / d).mkdir(parents=True, exist_ok=True)
    env.update(HOME=str(home / "home"), XDG_CACHE_HOME=str(home / "cache"), MPLCONFIGDIR=str(home / "mpl"),
               # Maven only runs if the jar cache is out of date; it then finds its artefacts offline
               MAVEN_OPTS=f"-Dmaven.repo.local={Path.home() / '.m2' / 'repository'}")
    return env


def _stale_font_cache(mpl_dir: Path, env: dict[str, str]) -> Path:
    """A matplotlib font cache in `mpl_dir` listing every font of this machine but no CJK one."""
    mpl_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-c", "import matplotlib.font_manager"],
                   env={**env, "MPLCONFIGDIR": str(mpl_dir)}, check=True, timeout=300)
    [cache] = mpl_dir.glob("fontlist-*.json")
    data = json.loads(cache.read_text(encoding="utf-8"))
    data["ttflist"] = [f for f in data["ttflist"] if "CJK" not in f["name"] and f["name"] not in CJK_FONTS]
    cache.write_text(json.dumps(data), encoding="utf-8")
    return cache


def _cache_lists_cjk(cache: Path) -> bool:
    return any("CJK" in f["name"] for f in json.loads(cache.read_text(encoding="utf-8"))["ttflist"])


def _chart_texts(html: str) -> list[list[str]]:
    """The <text> of each inline SVG chart of a report."""
    srcs = re.findall(r'<img alt="[^"]*" src="data:image/svg\+xml;base64,([^"]+)"', html)
    return [["".join(t.itertext()) for t in ET.fromstring(base64.b64decode(s)).iter(SVG_TEXT)] for s in srcs]


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    """A clean clone, its own var, out and port, an empty home; its Neo4j stopped at the end."""
    base = tmp_path_factory.mktemp("fresh")
    clone = base / "clone"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True, timeout=300)
    env = _base_env(base)
    env.update(PYTHONPATH=str(clone), JINSHANG_VAR=str(base / "var"), JINSHANG_OUT=str(base / "out"),
               JINSHANG_NEO4J_PORT=str(_free_port()), JINSHANG_NEO4J_LIB=SHARED_LIB,
               JINSHANG_NEO4J_HEAP="512m", JINSHANG_NEO4J_PAGECACHE="64m", COLUMNS="200")

    def run(*args, extra=None, timeout=1500):
        return subprocess.run([*CLI, *args], cwd=clone, env={**env, **(extra or {})}, capture_output=True,
                              text=True, timeout=timeout)

    try:
        yield clone, base, env, run
    finally:
        stop = run("neo4j", "stop", timeout=120)
        assert stop.returncode == 0, stop.stderr


@pytest.fixture(scope="module")
def first_build(fresh):
    clone, base, env, run = fresh
    assert not any((base / "mpl").iterdir()) and not any((base / "home").iterdir())
    return run("build")


def test_runs_the_clones_code(fresh):
    clone, base, env, run = fresh
    where = subprocess.run([sys.executable, "-c", "import jinshang.cli; print(jinshang.cli.__file__)"], cwd=clone,
                           env=env, capture_output=True, text=True, check=True)
    assert Path(where.stdout.strip()).is_relative_to(clone)


def test_fresh_build_writes_the_report_with_chinese_charts(fresh, first_build):
    clone, base, env, run = fresh
    assert first_build.returncode == 0, first_build.stderr[-3000:]
    assert "Traceback" not in first_build.stderr
    out = " ".join(first_build.stdout.split())
    assert "bundled 2017 Xinzhou dataset: 96 nodes and 173 relationships created" in out
    assert "忻州市 2017: 9 events, 208 projects signed for 1121.6亿元 (target 752.0亿元), 364.0亿元 of funds in place" in out
    assert "demo ledger (SYNTHETIC, source:demo-ledger-2017): 268 projects" in out
    assert f"analysis report: {base / 'out' / 'report.html'} — includes SYNTHETIC data" in out
    html = (base / "out" / "report.html").read_text(encoding="utf-8")
    assert 'id="synthetic-banner"' in html and "合成演示数据" in html
    charts = _chart_texts(html)
    assert len(charts) == 4
    assert any("签约" in t for t in charts[0]) and any("北京山西企业商会" in t for t in charts[1])
    assert all(any("含合成演示数据" in t for t in chart) for chart in charts)  # the synthetic note, in each


def test_build_with_a_stale_font_cache(fresh, first_build):
    """The cache lists no CJK font although one may be installed: the build does not care."""
    clone, base, env, run = fresh
    assert first_build.returncode == 0
    stale = _stale_font_cache(base / "mpl-stale", env)
    assert not _cache_lists_cjk(stale)
    again = run("build", extra={"MPLCONFIGDIR": str(stale.parent), "JINSHANG_OUT": str(base / "out2")})
    assert again.returncode == 0, again.stderr[-3000:]
    out = " ".join(again.stdout.split())
    assert "bundled 2017 Xinzhou dataset: 0 nodes and 0 relationships created" in out
    charts = _chart_texts((base / "out2" / "report.html").read_text(encoding="utf-8"))
    assert len(charts) == 4 and any("签约" in t for t in charts[0])
    assert "字体" not in again.stderr  # SVG charts need no font here, so nothing to warn about


def _cjk_font_installed() -> bool:
    if not shutil.which("fc-list"):
        return False
    return bool(subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout.strip())


DRAW_PNG = f"""
from jinshang import charts
print(charts.known_cjk_font())
png = charts.chart_bytes(charts.funnel_chart({FUNNEL!r}, False, fmt="png"))
png2 = charts.chart_bytes(charts.funnel_chart({FUNNEL!r}, True, fmt="png"))
assert png.startswith(b"\\x89PNG") and png2.startswith(b"\\x89PNG")
print(charts.known_cjk_font())
"""


@pytest.mark.skipif(not _cjk_font_installed(),
                    reason="no CJK font on this machine (fonts-noto-cjk: `bash .ci/system-deps` as root)")
def test_raster_charts_refresh_a_stale_font_cache(tmp_path):
    env = {**_base_env(tmp_path), "PYTHONPATH": str(ROOT)}
    stale = _stale_font_cache(tmp_path / "mpl", env)
    drawn = subprocess.run([sys.executable, "-c", DRAW_PNG], env=env, capture_output=True, text=True, timeout=300)
    assert drawn.returncode == 0, drawn.stderr
    before, after = drawn.stdout.splitlines()
    assert before == "None" and after in CJK_FONTS
    assert "no CJK font" not in drawn.stderr and "Glyph" not in drawn.stderr
    assert _cache_lists_cjk(stale)  # written back: the next process starts with the font
    known = subprocess.run([sys.executable, "-c", "from jinshang import charts; print(charts.known_cjk_font())"],
                           env=env, capture_output=True, text=True, check=True, timeout=300)
    assert known.stdout.strip() == after


def test_raster_charts_without_any_cjk_font_warn_once(tmp_path):
    """No CJK font at all (matplotlib told to ignore the system's fonts): drawn anyway, one warning."""
    env = {**_base_env(tmp_path), "PYTHONPATH": str(ROOT), "MPL_IGNORE_SYSTEM_FONTS": "1"}
    _stale_font_cache(tmp_path / "mpl", env)
    drawn = subprocess.run([sys.executable, "-c", DRAW_PNG], env=env, capture_output=True, text=True, timeout=300)
    assert drawn.returncode == 0, drawn.stderr
    assert drawn.stdout.splitlines() == ["None", "None"]
    warnings = [line for line in drawn.stderr.splitlines() if "no CJK font found" in line]
    assert len(warnings) == 1 and warnings[0].startswith("警告：未找到中文字体"), drawn.stderr
    assert "Glyph" not in drawn.stderr
