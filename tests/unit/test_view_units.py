"""Views without a browser or a database: selection, resolution, caps, layout files, escaping."""
import html
import json
import math
import re

import networkx as nx
import pytest

from graph.errors import ResolutionError
from graph.schema import get_schema
from jinshang.views import make_view, render_html
from jinshang.views.aggregate import cap
from jinshang.views.demo import demo_graph
from jinshang.views.layout import complete_layout, read_positions, write_positions
from jinshang.views.render import network
from jinshang.views.subgraph import ViewError
from graph.projection import from_dataset
from loaders.bundled import bundled_catalog

XSS = '<img src=x onerror="window.__xss=1;alert(1)">'


@pytest.fixture(scope="module")
def G():
    return from_dataset(bundled_catalog())


def test_whole_view_holds_projects_behind_one_summary_per_county(G):
    v = make_view(G)
    H = v.graph
    sources = sum(1 for _, d in G.nodes(data=True) if d["label"] == "Source")
    projects = {n for n, d in G.nodes(data=True) if d["label"] == "Project"}
    groups = {n: d for n, d in H.nodes(data=True) if d.get("aggregate")}
    # every drawable node is in the page, plus one summary per county with projects (and one for
    # the projects with no county); every project sits behind exactly one summary
    assert H.number_of_nodes() == G.number_of_nodes() - sources + len(groups) == 95 + 3
    assert {n: d["members"] for n, d in groups.items()} == {
        "group:Project/county:忻州市/代县": 2, "group:Project/county:忻州市/五台县": 1, "group:Project/none": 9}
    assert {n for n, d in H.nodes(data=True) if d.get("member_of")} == projects
    assert groups["group:Project/county:忻州市/代县"]["name"] == "代县 · 2 项目"  # the catalog gives no amounts
    # shown at first: the merchant network, no single project, no province, industry or campaign
    shown = {H.nodes[n]["label"] for n in v.shown()}
    assert shown == {"Chamber", "Person", "Company", "Organization", "Event", "County", "City", "Project"}
    assert not projects & set(v.shown())
    assert v.physics and not v.notes and not v.synthetic
    summary = [(u, w, d) for u, w, d in H.edges(data=True) if d.get("summary")]
    assert H.number_of_edges() == G.number_of_edges() + len(summary)
    assert H.edges["group:Project/county:忻州市/代县", "county:忻州市/代县", "LOCATED_IN"]["count"] == 2


def test_summary_label_carries_count_and_amount():
    G = nx.MultiDiGraph()
    G.add_node("county:忻州市/代县", label="County", name="代县")
    G.add_node("event:e", label="Event", name="珠海招商会")
    for i, amount in enumerate((10.0, 20.5, 15.1)):
        G.add_node(f"project:{i}", label="Project", name=f"p{i}", amount_yi=amount, funds_in_place_yi=1.0,
                   synthetic=True)
        G.add_edge(f"project:{i}", "county:忻州市/代县", key="LOCATED_IN", type="LOCATED_IN")
        if i < 2:
            G.add_edge("event:e", f"project:{i}", key="SIGNED", type="SIGNED")
    H = make_view(G).graph
    d = H.nodes["group:Project/county:忻州市/代县"]
    assert d["name"] == "代县 · 3 项目 · 45.6亿元" and d["synthetic_members"] == 3 and d["expandable"]
    assert H.edges["event:e", "group:Project/county:忻州市/代县", "SIGNED"]["count"] == 2
    by_event = make_view(G, projects="event").graph
    assert by_event.nodes["group:Project/event:e"]["name"] == "珠海招商会 · 2 项目 · 30.5亿元"
    assert by_event.nodes["group:Project/none"]["name"] == "未在活动签约 · 1 项目 · 15.1亿元"
    from jinshang.views.aggregate import group_label
    assert group_label("长三角区域产业协同发展恳谈会暨忻州(镇江)招商会", 1, 10.1) == "长三角区域产业协同发展… · 1 项目 · 10.1亿元"
    each = make_view(G, projects="each")
    assert not any(d.get("aggregate") for _, d in each.graph.nodes(data=True)) and len(each.shown()) == 5
    tip = [n for n in network(make_view(G)).nodes if n["id"] == "group:Project/county:忻州市/代县"][0]["title"]
    assert "其中 3 个来自合成数据" in tip and "点击展开" in tip and "签约额 45.6亿元" in tip and "县：代县" in tip


def test_county_view_groups_projects_per_event(G):
    H = make_view(G, county="代县").graph
    groups = [d for _, d in H.nodes(data=True) if d.get("aggregate")]
    assert groups and all(d["grouped_by"] == "event" for d in groups)
    with pytest.raises(ViewError, match=r"--projects 只能是 county、event、each \(must be one of county, event, each\), not 'city'"):
        make_view(G, projects="city")


def test_node_size_says_what_a_node_did():
    G = nx.MultiDiGraph()
    for c in ("chamber:大", "chamber:小", "chamber:无"):
        G.add_node(c, label="Chamber", name=c)
    for i, (by, amount) in enumerate((("chamber:大", 40.0), ("chamber:大", 24.0), ("chamber:小", 4.0))):
        G.add_node(f"project:{i}", label="Project", name=f"p{i}", amount_yi=amount)
        G.add_edge(by, f"project:{i}", key="INTRODUCED", type="INTRODUCED")
        G.add_edge("chamber:无", by, key="MEMBER_OF", type="MEMBER_OF")  # degree alone says nothing
    v = make_view(G, projects="each")
    assert v.graph.nodes["chamber:大"]["work"] == {"verb": "引荐", "projects": 2, "amount_yi": 64.0,
                                                   "funds_yi": 0.0, "value_yi": 64.0}
    size = {n["id"]: n["size"] for n in network(v).nodes}
    # area proportional to money: the largest (64亿元) gets MAX_SIZE, 4亿元 a quarter of the way up
    assert size["chamber:大"] == 50.0 and size["chamber:小"] == pytest.approx(12 + 38 * (4 / 64) ** 0.5, abs=0.05)
    assert size["chamber:无"] == 12.0  # the most connected node, and it introduced nothing
    assert "大小 = 项目资金" in render_html(v)


def test_ego_view_puts_the_ego_at_the_centre_and_hops_on_rings(G):
    v = make_view(G, ego="广东山西商会", hops=2)
    H = v.graph
    focus = H.graph["focus"]
    assert v.positions[focus] == (0.0, 0.0) and not v.physics and v.rings >= 240
    drawn = H.subgraph(n for n, m in H.nodes(data="member_of") if not m)
    hops = nx.single_source_shortest_path_length(drawn.to_undirected(as_view=True), focus)
    assert v.hops == hops and set(hops.values()) == {0, 1, 2}
    for n, k in hops.items():
        assert math.dist(v.positions[n], (0, 0)) == pytest.approx(k * v.rings, abs=0.2)
    ego = [n for n in network(v).nodes if n["id"] == focus][0]
    assert ego["fixed"] == {"x": True, "y": True} and (ego["x"], ego["y"]) == (0.0, 0.0)
    assert ego["color"]["border"] == "#ffd600" and ego["borderWidth"] == 8 and ego["size"] == 58.0
    data = json.loads(re.search(r'id="js-data">(.*?)</script>', render_html(v), re.S).group(1))
    assert data["meta"]["ego"] == {"id": focus, "name": "广东山西商会", "R": v.rings, "rings": 2}


def test_the_page_holds_projects_hidden_behind_their_summary(G):
    net = network(make_view(G))
    nodes = {n["id"]: n for n in net.nodes}
    summary = nodes["group:Project/county:忻州市/代县"]
    assert summary["members"] == sorted(n for n, d in nodes.items() if d.get("memberOf") == summary["id"])
    assert len(summary["members"]) == 2 and not summary.get("hidden")
    for m in summary["members"]:
        assert nodes[m]["hidden"] is True and nodes[m]["physics"] is False
    assert all(nodes[n]["hidden"] for n in nodes if nodes[n]["kind"] in ("Province", "Industry", "Campaign"))


def test_cap_drops_the_projects_held_behind_summaries():
    G = nx.MultiDiGraph()
    G.add_node("county:c", label="County", name="代县")
    for i in range(50):
        G.add_node(f"project:{i}", label="Project", name=f"p{i}", amount_yi=1.0)
        G.add_edge(f"project:{i}", "county:c", key="LOCATED_IN", type="LOCATED_IN")
    v = make_view(G, max_nodes=10)
    assert sorted(v.graph) == ["county:c", "group:Project/county:c"]
    d = v.graph.nodes["group:Project/county:c"]
    assert d["members"] == 50 and not d["expandable"] and "50 个项目只以汇总节点显示" in v.notes[1]


def test_styles_come_from_the_schema(G):
    net = network(make_view(G))
    schema = get_schema()
    for node in net.nodes:
        style = schema.label(node["kind"]).style
        assert (node["color"]["background"], node["shape"]) == (style["color"], style["shape"])
    assert {e["rel"] for e in net.edges} <= set(schema.relationships)


def test_event_view_by_day_has_the_event_and_its_attendees(G):
    v = make_view(G, event="2017-05-12")
    H = v.graph
    assert H.graph["focus"] == "event:2017-05-12/珠海市"
    counties = [n for n, d in H.nodes(data=True) if d["label"] == "County"]
    assert len(counties) == 16
    assert {"chamber:广东山西商会", "chamber:珠海山西商会", "city:珠海市"} <= set(H)
    assert "2017-05-12" in v.title


def test_event_view_includes_project_context(G):
    H = make_view(G, event="event:2017-08-02/北京市").graph
    projects = [n for n, d in H.nodes(data=True) if d["label"] == "Project"]
    assert projects
    for p in projects:  # each project comes with where it is
        assert any(t == "LOCATED_IN" for _, _, t in H.out_edges(p, data="type")) or \
            not any(t == "LOCATED_IN" for _, _, t in G.out_edges(p, data="type"))


def test_ego_hops_and_aliases(G):
    one = make_view(G, ego="广东山西商会", hops=1).graph
    two = make_view(G, ego="广东山西商会", hops=2).graph
    assert set(one) < set(two)
    assert "person:高山" in one  # holds a post in the chamber
    assert make_view(G, ego="忻州", hops=0).graph.number_of_nodes() == 1  # alias of 忻州市


def test_county_view(G):
    H = make_view(G, county="代县").graph
    assert H.graph["focus"] == "county:忻州市/代县"
    assert "project:代县峪河源生态漂流旅游项目" in H


def test_unknown_name_suggests(G):
    with pytest.raises(ResolutionError) as err:
        make_view(G, ego="广东商会")
    assert "广东山西商会" in err.value.suggestions
    with pytest.raises(ResolutionError):
        make_view(G, county="代州")  # the alias table refuses the historical name


def test_names_only_in_the_graph_resolve(G):
    H = G.copy()
    H.add_node("chamber:测试新商会", label="Chamber", name="测试新商会", sources=["source:x"])
    H.add_edge("chamber:测试新商会", "city:北京市", key="BASED_IN", type="BASED_IN")
    assert set(make_view(H, ego="测试新商会").graph) == {"chamber:测试新商会", "city:北京市"}


def test_cap_collapses_projects_per_county():
    G = nx.MultiDiGraph()
    for c in ("代县", "定襄县"):
        G.add_node(f"county:忻州市/{c}", label="County", name=c)
    for i in range(300):
        c = "代县" if i % 3 else "定襄县"
        G.add_node(f"project:p{i}", label="Project", name=f"p{i}", amount_yi=1.5, synthetic=i == 0)
        G.add_edge(f"project:p{i}", f"county:忻州市/{c}", key="LOCATED_IN", type="LOCATED_IN")
        G.add_edge("event:e", f"project:p{i}", key="SIGNED", type="SIGNED")
    G.nodes["event:e"].update(label="Event", name="e")
    H, notes = cap(G, max_nodes=100)
    assert H.number_of_nodes() == 5
    dai = H.nodes["summary:Project/county:忻州市/代县"]
    assert dai["members"] == 200 and dai["amount_yi"] == pytest.approx(300.0)
    assert H.nodes["summary:Project/county:忻州市/定襄县"]["synthetic_members"] == 1
    assert H.edges["event:e", "summary:Project/county:忻州市/代县", "SIGNED"]["count"] == 200
    assert "超过上限 100" in notes[0] and "2 个汇总节点" in notes[1]
    assert "超过上限 100" in render_html(make_view(G, max_nodes=100))


def test_cap_is_a_hard_limit():
    v = make_view(demo_graph(900, 2000, seed=5), max_nodes=150)
    assert v.graph.number_of_nodes() <= 150 and v.notes


def test_positions_file_round_trip(tmp_path, G):
    v = make_view(G)
    f = tmp_path / "pos.json"
    write_positions(f, v.positions)
    write_positions(f, {"elsewhere:x": (1.0, 2.0)})  # merged, not replaced
    known = read_positions(f)
    assert known["elsewhere:x"] == (1.0, 2.0) and len(known) == len(v.positions) + 1 == len(v.shown()) + 1
    again = make_view(G, positions=known)
    assert not again.physics
    assert all(again.positions[n] == pytest.approx(v.positions[n]) for n in v.positions)


def test_new_nodes_go_next_to_their_neighbours():
    G = nx.path_graph(["a", "b", "c"])
    pos = complete_layout(G, {"a": (0.0, 0.0), "b": (100.0, 0.0)})
    assert pos["a"] == (0.0, 0.0) and pos["b"] == (100.0, 0.0)
    assert abs(pos["c"][0] - 100.0) < 80


def test_every_data_value_is_escaped(G):
    H = G.copy()
    H.add_node("chamber:x", label="Chamber", name=XSS, sources=["source:s"], level="</script><script>alert(2)</script>")
    H.add_node("source:s", label="Source", name="s", title="<svg onload=alert(3)>", synthetic=True)
    H.add_edge("chamber:x", "city:北京市", key="BASED_IN", type="BASED_IN", sources=["source:s"])
    page = render_html(make_view(H, ego=XSS))
    assert "<img" not in page and "<svg onload" not in page
    assert page.count("</script>") == 3  # data, vis-network, the page script: nothing else closes one
    data = re.search(r'<script type="application/json" id="js-data">(.*?)</script>', page, re.S).group(1)
    nodes = {n["id"]: n for n in json.loads(data)["nodes"]}
    assert nodes["chamber:x"]["name"] == XSS  # the value survives as text
    assert "<svg onload=alert(3)>" in nodes["chamber:x"]["title"]


def test_title_is_escaped_in_html():
    G = nx.MultiDiGraph()
    G.add_node("event:x", label="Event", name="<b>会</b>")
    page = render_html(make_view(G, event="event:x"))
    assert "<b>会</b>" not in page and html.escape("<b>会</b>") in page


def test_page_loads_nothing_from_anywhere(G):
    from html.parser import HTMLParser

    page = render_html(make_view(G))
    links = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag, attrs):
            links.extend((tag, k, v) for k, v in attrs if k in ("src", "href", "action", "data", "srcset"))

    Tags().feed(page)  # script bodies are raw text to the parser, so only real tags are seen
    assert links == []
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", page, re.I)
    assert "<link" not in page and "@import" not in page
    assert "vis.Network" in page and "Noto Sans CJK SC" in page


def test_synthetic_data_is_marked():
    v = make_view(demo_graph(50, 100))
    page = render_html(v)
    assert v.synthetic and "includes synthetic data" in page
    net = network(v)
    assert all(n["shapeProperties"]["borderDashes"] for n in net.nodes)
    assert all(e["dashes"] for e in net.edges)


def test_notebook_iframe_holds_the_same_page(G):
    from jinshang.views.notebook import display_view, iframe_html

    v = make_view(G, county="代县")
    frame = iframe_html(v)
    assert frame.startswith("<iframe srcdoc=\"") and "<script" not in frame
    assert html.unescape(frame.split('srcdoc="', 1)[1].split('" style=', 1)[0]) == render_html(v)
    assert display_view(v).data == frame


def test_one_selection_at_a_time(G):
    with pytest.raises(ViewError, match="choose one"):
        make_view(G, ego="代县", county="代县")
