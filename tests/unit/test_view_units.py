"""Views without a browser or a database: selection, resolution, caps, layout files, escaping."""
import html
import json
import re

import networkx as nx
import pytest

from graph.errors import ResolutionError
from graph.schema import get_schema
from graph.views import make_view, render_html
from graph.views.aggregate import cap
from graph.views.demo import demo_graph
from graph.views.layout import complete_layout, read_positions, write_positions
from graph.views.render import network
from graph.projection import from_dataset
from loaders.catalog import bundled_catalog

XSS = '<img src=x onerror="window.__xss=1;alert(1)">'


@pytest.fixture(scope="module")
def G():
    return from_dataset(bundled_catalog())


def test_whole_view_draws_everything_but_sources(G):
    v = make_view(G)
    sources = sum(1 for _, d in G.nodes(data=True) if d["label"] == "Source")
    assert v.graph.number_of_nodes() == G.number_of_nodes() - sources == 95
    assert v.graph.number_of_edges() == G.number_of_edges() == 172
    assert v.physics and not v.notes and not v.synthetic


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
    assert known["elsewhere:x"] == (1.0, 2.0) and len(known) == 96
    again = make_view(G, positions=known)
    assert not again.physics
    assert all(again.positions[n] == pytest.approx(v.positions[n]) for n in v.graph)


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
    from graph.views.notebook import display_view, iframe_html

    v = make_view(G, county="代县")
    frame = iframe_html(v)
    assert frame.startswith("<iframe srcdoc=\"") and "<script" not in frame
    assert html.unescape(frame.split('srcdoc="', 1)[1].split('" style=', 1)[0]) == render_html(v)
    assert display_view(v).data == frame


def test_one_selection_at_a_time(G):
    from graph.views.subgraph import ViewError

    with pytest.raises(ViewError, match="choose one"):
        make_view(G, ego="代县", county="代县")
