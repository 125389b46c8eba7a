"""Views from the real Neo4j, opened from a local file in headless Chromium with the network
blocked: no console errors, no requests leave the file, the drawn counts match, injected markup
stays text, and a screenshot of each is kept in tests/artifacts (view-whole.png and view-ego.png
show the network `jinshang build` loads: the bundled dataset and the synthetic demo ledger)."""
import json
import math
import os
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from graph.records import Dataset, EdgeRecord, NodeRecord
from jinshang.views import load_view, write_html
from jinshang.views.demo import demo_graph
from jinshang.views.view import make_view

ROOT = Path(__file__).resolve().parents[2]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
XSS_CHAMBER = '<img src=x onerror="window.__xss=1;alert(1)">'
XSS_PERSON = "</script><script>window.__xss=2;alert(2)</script>"
XSS_SOURCE = "<svg onload=window.__xss=3>"
XSS_COUNTY = "<b onclick=window.__xss=5>县</b>"
XSS_PROJECT = '<img src=x onerror="window.__xss=6">'


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        yield b
        b.close()


class Opened:
    def __init__(self, page, logs, requests, dialogs):
        self.page, self.logs, self.requests, self.dialogs = page, logs, requests, dialogs

    def js(self, expr):
        return self.page.evaluate(expr)


def open_view(browser, path: Path, artifacts: Path, name: str) -> Opened:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    logs, requests, dialogs = [], [], []
    page.on("console", lambda m: logs.append((m.type, m.text)))
    page.on("pageerror", lambda e: logs.append(("pageerror", str(e))))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    def route(r):
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            requests.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(path.as_uri())
    # A selector wait, not wait_for_function: the page's CSP forbids eval, which that uses.
    page.wait_for_selector("body[data-ready='1']", state="attached", timeout=60_000)
    page.screenshot(path=str(artifacts / f"view-{name}.png"))
    return Opened(page, logs, requests, dialogs)


def assert_clean(o: Opened, view):
    errors = [m for m in o.logs if m[0] in ("error", "pageerror")]
    assert errors == [] and o.requests == [] and o.dialogs == []
    drawn = o.js("[Object.keys(jinshangView.network.body.nodes).length,"
                 " Object.keys(jinshangView.network.body.edges).length,"
                 " jinshangView.nodes.length, jinshangView.edges.length]")
    n, e = view.graph.number_of_nodes(), view.graph.number_of_edges()
    assert drawn == [n, e, n, e]
    assert o.js("typeof window.__xss") == "undefined"
    assert o.js("document.querySelectorAll('img, svg, iframe').length") == 0


@pytest.fixture(scope="module")
def hostile(driver, neo4j_server):
    """The bundled dataset plus a synthetic source whose names try to inject script, projected
    once for the module: (everything, only events of 2016)."""
    from graph.projection import project
    from graph.writer import Neo4jWriter
    from loaders.bundled import bundled_catalog
    from loaders.bundled import bundled_gazetteer

    db = neo4j_server.neo4j_database
    with driver.session(database=db) as s:  # as conftest.wipe: this module's data only
        s.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
    Neo4jWriter(driver, db).write(bundled_catalog())

    src = ("source:xss-test",)
    ds = Dataset()
    ds.add_node(NodeRecord("Source", "source:xss-test", {"name": "xss-test", "title": XSS_SOURCE,
                                                         "synthetic": True, "kind": "generated"}, src))
    ds.add_node(NodeRecord("Chamber", "chamber:xss", {"name": XSS_CHAMBER}, src))
    ds.add_node(NodeRecord("Person", "person:xss", {"name": XSS_PERSON}, src))
    ds.add_edge(EdgeRecord("BASED_IN", "chamber:xss", "city:北京市", {}, src, "Chamber", "City"))
    ds.add_edge(EdgeRecord("HOLDS_POST", "person:xss", "chamber:xss", {"title": "<b onmouseover=alert(4)>会长</b>"},
                           src, "Person", "Chamber"))
    ds.add_edge(EdgeRecord("HOLDS_POST", "person:xss", "chamber:广东山西商会", {"title": "顾问"}, src,
                           "Person", "Chamber"))
    # a project summary whose label is built from hostile names
    ds.add_node(NodeRecord("County", "county:忻州市/xss", {"name": XSS_COUNTY, "kind": "县"}, src))
    ds.add_node(NodeRecord("Project", "project:xss", {"name": XSS_PROJECT, "amount_yi": 3.0}, src))
    ds.add_edge(EdgeRecord("LOCATED_IN", "project:xss", "county:忻州市/xss", {}, src, "Project", "County"))
    ds.add_edge(EdgeRecord("INTRODUCED", "chamber:xss", "project:xss", {}, src, "Chamber", "Project"))
    Neo4jWriter(driver, db).write(ds, bundled_gazetteer().known_ids())
    return project(driver, db), project(driver, db, years=(2016, 2016))


KINDS = {
    "whole": {},
    "ego": {"ego": "广东山西商会", "hops": 2},
    "event": {"event": "2017-05-12"},
    "county": {"county": "代县"},
    "year-2016": {"year": 2016},
    "capped": {"max_nodes": 30},
    "xss": {"ego": XSS_CHAMBER, "hops": 1},
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_of_view_opens_offline(kind, hostile, browser, artifacts, tmp_path):
    args = dict(KINDS[kind])
    view = make_view(hostile[1] if args.get("year") == 2016 else hostile[0], **args)
    o = open_view(browser, write_html(view, tmp_path / f"{kind}.html"), artifacts, f"kind-{kind}")
    assert_clean(o, view)
    assert o.js("jinshangView.data.meta.title") == view.title == o.js("document.getElementById('js-title').textContent")
    synthetic = o.js("!!document.getElementById('js-synthetic')")
    assert synthetic == view.synthetic
    if kind == "year-2016":
        assert not any(d["label"] == "Event" for _, d in view.graph.nodes(data=True))
    if kind == "capped":
        assert view.graph.number_of_nodes() <= 30
        assert "超过上限 30" in o.js("document.querySelector('.js-note').textContent")
    if kind in ("xss", "ego"):
        assert synthetic  # the hostile chamber's source is marked synthetic


def test_community_view(hostile, browser, artifacts, tmp_path):
    pytest.importorskip("queries.communities", reason="queries.communities is not in this checkout yet")
    view = make_view(hostile[0], community=0)
    o = open_view(browser, write_html(view, tmp_path / "community.html"), artifacts, "community")
    assert_clean(o, view)


def _screen(o: Opened, node_id: str) -> tuple[float, float]:
    """Where a node is drawn, in page pixels."""
    return o.js(f"(() => {{ const n = jinshangView.network; const p = n.getPositions([{json.dumps(node_id)}])"
                f"[{json.dumps(node_id)}]; const d = n.canvasToDOM(p);"
                " const r = document.getElementById('js-network').getBoundingClientRect();"
                " return [d.x + r.left, d.y + r.top]; })()")


def _click(o: Opened, node_id: str, double: bool = False) -> None:
    x, y = _screen(o, node_id)
    (o.page.mouse.dblclick if double else o.page.mouse.click)(x, y)
    o.page.wait_for_timeout(300)  # vis-network tells a click from a double click after a short delay


def _hover(o: Opened, node_id: str) -> str:
    xy = o.js(f"(() => {{ const n = jinshangView.network; const p = n.getPositions([{json.dumps(node_id)}])"
              f"[{json.dumps(node_id)}]; const d = n.canvasToDOM(p);"
              " const r = document.getElementById('js-network').getBoundingClientRect();"
              " return [d.x + r.left, d.y + r.top]; })()")
    o.page.mouse.move(xy[0] + 1, xy[1] + 1)
    o.page.mouse.move(xy[0], xy[1])
    o.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=10_000)
    return o.js("document.querySelector('div.vis-tooltip').textContent")


def test_hostile_names_in_a_project_summary_stay_text(hostile, browser, artifacts, tmp_path):
    view = make_view(hostile[0], ego="chamber:xss", hops=1)
    o = open_view(browser, write_html(view, tmp_path / "xss-summary.html"), artifacts, "xss-summary")
    assert_clean(o, view)
    summary = "group:Project/county:忻州市/xss"
    assert o.js(f"jinshangView.nodes.get({json.dumps(summary)}).label") == f"{XSS_COUNTY[:11]}… · 1 项目 · 3.0亿元"
    assert f"县：{XSS_COUNTY}" in o.js(f"jinshangView.nodes.get({json.dumps(summary)}).title.textContent")
    _click(o, summary)
    assert o.js("jinshangView.nodes.get('project:xss').hidden") is False
    assert o.js("jinshangView.nodes.get('project:xss').name") == XSS_PROJECT
    assert o.js("typeof window.__xss") == "undefined" and o.dialogs == []
    assert o.js("document.querySelectorAll('img, svg, iframe, b').length") == 0


def test_tooltips_show_markup_as_text(hostile, browser, artifacts, tmp_path):
    view = make_view(hostile[0], ego="chamber:xss", hops=1)
    o = open_view(browser, write_html(view, tmp_path / "tip.html"), artifacts, "tooltip")
    text = _hover(o, "chamber:xss")
    o.page.screenshot(path=str(artifacts / "view-tooltip-hover.png"))
    assert XSS_CHAMBER in text and XSS_SOURCE in text and "合成数据" in text
    assert o.js("document.querySelectorAll('div.vis-tooltip *:not(.js-tip)').length") == 0
    assert o.js("typeof window.__xss") == "undefined" and o.dialogs == []


def test_search_and_filters(seeded, neo4j_server, browser, artifacts, tmp_path):
    view = load_view(seeded, neo4j_server.neo4j_database)  # the whole path: Neo4j → projection → view
    o = open_view(browser, write_html(view, tmp_path / "all.html"), artifacts, "search")
    o.page.fill("#js-search", "山西商会")
    chambers = [n for n, d in view.graph.nodes(data=True) if "山西商会" in str(d.get("name"))]
    assert o.page.text_content("#js-found") == f"{len(chambers)} 个匹配"
    assert sorted(o.js("jinshangView.network.getSelectedNodes()")) == sorted(chambers)
    before = o.js("jinshangView.nodes.get({filter: n => n.hidden}).length")
    o.page.get_by_label("商会 Chamber").uncheck()
    hidden = o.js("jinshangView.nodes.get({filter: n => n.hidden}).length") - before
    assert hidden == sum(1 for _, d in view.graph.nodes(data=True) if d["label"] == "Chamber") == 11
    assert o.js("jinshangView.nodes.get({filter: n => n.hidden && n.kind === 'Chamber'}).length") == 11
    o.page.get_by_text("ATTENDED 参加", exact=False).click()
    attended = sum(1 for *_, t in view.graph.edges(data="type") if t == "ATTENDED")
    assert o.js("jinshangView.edges.get({filter: e => e.hidden}).length") == attended


def test_large_view_uses_the_precomputed_layout(browser, artifacts, tmp_path):
    view = make_view(demo_graph(1000, 5000))
    assert not view.physics
    o = open_view(browser, write_html(view, tmp_path / "large.html"), artifacts, "large")
    assert_clean(o, view)
    some = sorted(view.graph)[:20]
    drawn = o.js(f"jinshangView.network.getPositions({json.dumps(some)})")
    # vis reports whole pixels
    assert all(drawn[n]["x"] == pytest.approx(view.positions[n][0], abs=1) for n in some)
    assert all(drawn[n]["y"] == pytest.approx(view.positions[n][1], abs=1) for n in some)
    assert o.js("jinshangView.network.physics.physicsEnabled") is False
    assert o.page.is_visible("#js-synthetic")


def _cli_env(settings, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "JINSHANG_"))}
    if settings.uses_local_server:
        env.update(JINSHANG_VAR=str(settings.var_dir), JINSHANG_NEO4J_PORT=str(settings.local_port),
                   JINSHANG_NEO4J_LIB=str(settings.local_lib), JINSHANG_OUT=str(tmp_path / "out"))
    else:
        env.update(NEO4J_URI=settings.neo4j_uri, NEO4J_USER=settings.neo4j_user,
                   NEO4J_PASSWORD=settings.neo4j_password.get_secret_value() if settings.neo4j_password else "")
    return env


def jinshang(args, settings, tmp_path):
    return subprocess.run([str(Path(sys.executable).with_name("jinshang")), *args], cwd=tmp_path, text=True,
                          capture_output=True, env=_cli_env(settings, tmp_path), timeout=300)


def test_cli_view_with_positions_and_unknown_names(seeded, neo4j_server, tmp_path):
    pos = tmp_path / "pos.json"
    r = jinshang(["view", "--ego", "广东山西商会", "--hops", "2", "-o", "ego.html", "--positions", str(pos)],
                 neo4j_server, tmp_path)
    assert r.returncode == 0, r.stderr
    assert "广东山西商会 的 2 跳关系网络" in r.stdout and (tmp_path / "ego.html").stat().st_size > 400_000
    saved = json.loads(pos.read_text(encoding="utf-8"))["positions"]
    assert "chamber:广东山西商会" in saved
    r = jinshang(["view", "--ego", "广东山西商会", "--hops", "2", "-o", "again.html", "--positions", str(pos)],
                 neo4j_server, tmp_path)
    assert r.returncode == 0 and json.loads(pos.read_text(encoding="utf-8"))["positions"] == saved
    assert '"physics":false' in (tmp_path / "again.html").read_text(encoding="utf-8").replace(" ", "")
    r = jinshang(["view", "--ego", "广东商会", "-o", "x.html"], neo4j_server, tmp_path)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "广东山西商会" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_build_step_writes_the_standard_views(seeded, neo4j_server, tmp_path):
    from jinshang.build import BuildResult
    from jinshang.views.outputs import write_views

    settings = neo4j_server.model_copy(update={"out_dir": tmp_path / "out"})
    result = BuildResult(uri="test")
    write_views(seeded, settings, result)
    files = sorted(p.name for p in (tmp_path / "out" / "views").iterdir())
    assert len(files) == 9 and "event-2017-05-12-珠海市.html" in files
    assert (tmp_path / "out" / "network.html").exists() and "9 2017 event views" in result.lines[0]


@pytest.fixture(scope="module")
def merchant(driver, neo4j_server):
    """What `jinshang build` loads (the bundled dataset and the synthetic demo ledger), projected."""
    from graph.projection import project
    from graph.writer import Neo4jWriter
    from loaders.bundled import bundled_catalog, bundled_gazetteer
    from loaders.demo_ledger import load_demo_ledger
    from tests.conftest import wipe

    db = neo4j_server.neo4j_database
    wipe(driver, db)
    Neo4jWriter(driver, db).write(bundled_catalog())
    Neo4jWriter(driver, db).write(load_demo_ledger(), bundled_gazetteer().known_ids())
    return project(driver, db)


SUMMARY = re.compile(r"^.+ · (\d+) 项目( · \d+\.\d亿元)?$")


def _state(o: Opened) -> dict:
    """What the browser really shows: ids of the nodes and edges vis-network draws."""
    return o.js("({nodes: jinshangView.network.body.nodeIndices.slice(),"
                " edges: jinshangView.network.body.edgeIndices.length})")


def test_whole_view_shows_the_merchant_network(merchant, browser, artifacts, tmp_path):
    view = make_view(merchant)
    G = view.graph
    projects = [n for n, d in G.nodes(data=True) if d["label"] == "Project" and not d.get("aggregate")]
    summaries = {n: d for n, d in G.nodes(data=True) if d.get("aggregate")}
    assert len(projects) == 275 and len(summaries) == 17  # 16 counties, and the projects without one
    o = open_view(browser, write_html(view, tmp_path / "whole.html"), artifacts, "whole")
    assert_clean(o, view)
    drawn = _state(o)["nodes"]
    assert sorted(drawn) == sorted(view.shown()) and len(drawn) == 82
    kinds = o.js("Object.fromEntries(jinshangView.network.body.nodeIndices.map("
                 "id => [id, jinshangView.nodes.get(id).kind]))")
    assert set(kinds.values()) == {"Chamber", "Person", "Company", "Organization", "Event", "County", "City", "Project"}
    assert not set(drawn) & set(projects)  # no single project until asked
    labels = {n: o.js(f"jinshangView.nodes.get({json.dumps(n)}).label") for n in summaries}
    assert labels["group:Project/county:忻州市/代县"] == "代县 · 25 项目 · 117.3亿元"
    counts = {n: int(SUMMARY.match(t).group(1)) for n, t in labels.items()}
    assert counts == {n: d["members"] for n, d in summaries.items()} and sum(counts.values()) == 275
    assert o.page.text_content("#js-status").startswith("82 个节点")
    assert "大小 = 项目资金" in o.page.text_content("#js-size")

    # a click on 代县's summary brings its 20 projects out, around where it stood
    dai = "group:Project/county:忻州市/代县"
    at = o.js(f"jinshangView.network.getPositions([{json.dumps(dai)}])[{json.dumps(dai)}]")
    _click(o, dai)
    members = sorted(n for n, d in G.nodes(data=True) if d.get("member_of") == dai)
    now = set(_state(o)["nodes"])
    assert set(members) <= now and dai not in now and len(now) == 82 - 1 + 25
    pos = o.js(f"jinshangView.network.getPositions({json.dumps(members)})")
    assert all(math.dist((p["x"], p["y"]), (at["x"], at["y"])) < 150 for p in pos.values())
    o.page.mouse.move(5, 5)  # no tooltip over the picture
    o.page.screenshot(path=str(artifacts / "view-whole-expanded.png"))
    # and a double click on one (one drawn on top at its own centre) folds them back
    on_top = [m for m in members if o.js(f"(() => {{ const n = jinshangView.network;"
                                          f" const p = n.getPositions([{json.dumps(m)}])[{json.dumps(m)}];"
                                          f" return n.getNodeAt(n.canvasToDOM(p)); }})()") == m]
    _click(o, on_top[0], double=True)
    assert sorted(_state(o)["nodes"]) == sorted(drawn)

    # the tick box shows every project at once, and unticking it hides them again
    o.page.get_by_label("逐个显示项目 show each project").check()
    assert len(_state(o)["nodes"]) == 82 - 17 + 275
    o.page.get_by_label("逐个显示项目 show each project").uncheck()
    assert sorted(_state(o)["nodes"]) == sorted(drawn)

    # searching for a project opens its summary
    name = G.nodes[members[0]]["name"]
    assert o.js(f"jinshangView.find({json.dumps(name)})") == [members[0]]
    assert members[0] in _state(o)["nodes"]


def test_ego_view_has_the_ego_pinned_at_the_centre_and_rings_by_hop(merchant, browser, artifacts, tmp_path):
    view = make_view(merchant, ego="广东山西商会", hops=2)
    ego = "chamber:广东山西商会"
    o = open_view(browser, write_html(view, tmp_path / "ego.html"), artifacts, "ego")
    assert_clean(o, view)
    drawn = _state(o)["nodes"]
    assert sorted(drawn) == sorted(view.shown())
    pos = o.js(f"jinshangView.network.getPositions({json.dumps(drawn)})")
    assert (pos[ego]["x"], pos[ego]["y"]) == (0, 0)
    assert o.js(f"jinshangView.network.body.nodes[{json.dumps(ego)}].options.fixed") == {"x": True, "y": True}
    assert o.js(f"jinshangView.network.body.nodes[{json.dumps(ego)}].options.color.border") == "#ffd600"
    assert o.js("jinshangView.network.physics.physicsEnabled") is False
    # distances from the ego, grouped by hop in the drawn graph: one ring per hop, radius hop × R
    shown = view.graph.subgraph(n for n, m in view.graph.nodes(data="member_of") if not m)
    hops = {n: k for n, k in nx.single_source_shortest_path_length(shown.to_undirected(as_view=True), ego).items()
            if n in pos}
    rings: dict[int, list[float]] = {}
    for n, k in hops.items():
        rings.setdefault(k, []).append(math.dist((pos[n]["x"], pos[n]["y"]), (0, 0)))
    assert sorted(rings) == [0, 1, 2] and len(hops) == len(drawn)
    R = view.rings
    for k, ds in rings.items():
        assert max(ds) - min(ds) <= 2 and min(ds) == pytest.approx(k * R, abs=1.5)  # vis reports whole pixels
    # dragging the ego does not move it
    x, y = _screen(o, ego)
    o.page.mouse.move(x, y)
    o.page.mouse.down()
    o.page.mouse.move(x + 120, y + 80, steps=5)
    o.page.mouse.up()
    assert o.js(f"jinshangView.network.getPositions([{json.dumps(ego)}])[{json.dumps(ego)}]") == {"x": 0, "y": 0}
    assert o.page.text_content("#js-ego-name") == "广东山西商会" and o.page.is_visible("#js-ego-key")
