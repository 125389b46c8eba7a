"""A view as one self-contained HTML page: pyvis builds the vis-network nodes, edges and options;
our template inlines vis-network (from pyvis's own package files) and the page's script and
style, so the file opens with no network at all.

Safety: every data value reaches the page either through Jinja's autoescaping (title, notes) or
inside one JSON block whose `<`, `>` and `&` are escaped, and the page script puts names and
tooltips into the DOM with `textContent` only.

>>> "</script>" in json_for_html({"name": "</script><img src=x>"})
False
"""
from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from importlib import resources
from pathlib import Path

from graph.views import present
from graph.views.view import View

VIS_DIR = "vis-9.1.2"
INSIDE_LABEL = ("box", "ellipse", "circle", "database")
EDGE_LABELS_MAX = 1000  # the vis-network build pyvis 0.3.2 ships and its own templates use


def json_for_html(value) -> str:
    """JSON safe inside a <script> element: no `</script>`, `<!--` or `&` can end or bend it."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _script_safe(code: str) -> str:
    # Inlined library code must not contain a literal end tag, or the HTML parser cuts it short.
    return code.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")


@lru_cache(maxsize=1)
def _assets() -> dict[str, str]:
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib" / VIS_DIR
    own = resources.files("graph.views").joinpath("assets")
    return {
        "vis_js": _script_safe((lib / "vis-network.min.js").read_text(encoding="utf-8")),
        "vis_css": (lib / "vis-network.css").read_text(encoding="utf-8"),
        "view_js": _script_safe(own.joinpath("view.js").read_text(encoding="utf-8")),
        "view_css": own.joinpath("view.css").read_text(encoding="utf-8"),
    }


@lru_cache(maxsize=1)
def _template():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    folder = str(resources.files("graph.views").joinpath("assets"))
    env = Environment(loader=FileSystemLoader(folder), autoescape=True, undefined=StrictUndefined)
    return env.get_template("page.html")


def options(view: View) -> dict:
    """vis-network options: bounded forceAtlas2 stabilisation for small views; for large ones a
    precomputed layout with physics off and edges hidden while dragging or zooming."""
    large = not view.physics
    physics = {"enabled": False}
    if view.physics:
        physics = {"enabled": True, "solver": "forceAtlas2Based",
                   "forceAtlas2Based": {"gravitationalConstant": -60, "centralGravity": 0.01,
                                        "springLength": 110, "springConstant": 0.08, "damping": 0.6,
                                        "avoidOverlap": 0.3},
                   "maxVelocity": 60, "minVelocity": 1.5, "timestep": 0.5,
                   "stabilization": {"enabled": True, "iterations": 250, "updateInterval": 50, "fit": True}}
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 42},
        "nodes": {"font": {"face": present.FONT_STACK, "size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1.5},
        "edges": {"font": {"face": present.FONT_STACK, "size": 10, "color": "#555555", "strokeWidth": 3,
                           "strokeColor": "#ffffff", "align": "middle"},
                  "color": {"color": "#9e9e9e", "highlight": "#37474f", "hover": "#37474f"},
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "smooth": False if large else {"enabled": True, "type": "continuous", "roundness": 0.3}},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": large, "hideEdgesOnZoom": large,
                        "multiselect": True},
        "physics": physics,
    }


def network(view: View):
    """The pyvis Network holding the view's nodes and edges (styles from the schema)."""
    from pyvis.network import Network

    G = view.graph
    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    names = {n: str(d.get("name", n)) for n, d in G.nodes(data=True)}
    synthetic = view.synthetic_sources
    for n, d in G.nodes(data=True):
        label = d.get("label", "")
        style = present.style_of(label)
        opts = {"title": present.tooltip(n, d, view.source_titles, synthetic), "size": present.node_size(d),
                "name": names[n], "kind": label, "borderWidth": 1.5}
        if style["shape"] in INSIDE_LABEL:  # the label sits on the fill: white reads on the schema's dark fills
            opts["font"] = {"color": "#ffffff", "strokeWidth": 0}
        if n in view.positions:
            opts["x"], opts["y"] = view.positions[n]
        color = {"background": style["color"], "border": "#37474f",
                 "highlight": {"background": style["color"], "border": "#000000"}}
        if d.get("synthetic"):
            opts["shapeProperties"] = {"borderDashes": [6, 4]}
            opts["borderWidth"] = 3
            color["border"] = "#000000"
        if d.get("aggregate"):
            opts["borderWidth"] = 4
        if n == G.graph.get("focus"):
            opts["borderWidth"] = 5
        net.add_node(n, label=present.short(names[n]), shape=style["shape"], color=color, **opts)
    # Thousands of edge labels cost the browser seconds to measure and draw; a large view shows a
    # relationship's type on the edges of the selected node(s) instead (the page script does it).
    label_key = "label" if G.number_of_edges() <= EDGE_LABELS_MAX else "typeLabel"
    seen: Counter = Counter()
    for i, (u, v, _, d) in enumerate(G.edges(keys=True, data=True)):
        pair = tuple(sorted((u, v)))
        seen[pair] += 1
        opts = {label_key: present.edge_label(d), "title": present.edge_tooltip(u, v, d, names, view.source_titles,
                                                                              synthetic),
                "rel": d.get("type", ""), "id": f"e{i}"}
        if seen[pair] > 1:  # parallel facts (two posts in one chamber) fan out instead of overlapping
            opts["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.15 * seen[pair]}
        if d.get("synthetic"):
            opts["dashes"] = True
        if d.get("count", 1) > 1:
            opts["width"] = min(8.0, 1.0 + d["count"] ** 0.5)
        net.add_edge(u, v, **opts)
    net.options = options(view)
    return net


def legend(view: View) -> list[dict]:
    counts = Counter(d.get("label", "") for _, d in view.graph.nodes(data=True))
    return [{"label": lab, "name": present.label_name(lab), "count": c, **present.style_of(lab)}
            for lab, c in sorted(counts.items())]


def render_html(view: View) -> str:
    """The whole page as a string."""
    net = network(view)
    types = Counter(d.get("type", "") for *_, d in view.graph.edges(data=True))
    payload = {"nodes": net.nodes, "edges": net.edges, "options": net.options,
               "meta": {"title": view.title, "physics": view.physics, "synthetic": view.synthetic,
                        "legend": legend(view),
                        "types": [{"type": t, "name": present.type_name(t), "count": c}
                                  for t, c in sorted(types.items())],
                        "counts": {"nodes": len(net.nodes), "edges": len(net.edges)}}}
    notes = list(view.notes)
    if view.graph.number_of_edges() > EDGE_LABELS_MAX:
        notes.append(f"关系较多（{view.graph.number_of_edges()} 条）：点击节点显示其关系的类型标签")
    return _template().render(title=view.title, notes=notes, synthetic=view.synthetic,
                              data=json_for_html(payload), **_assets())


def write_html(view: View, path: Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(view), encoding="utf-8")
    return path
