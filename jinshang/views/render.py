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

from jinshang.views import activity, present
from jinshang.views.view import View

VIS_DIR = "vis-9.1.2"
INSIDE_LABEL = ("box", "ellipse", "circle", "database")
EDGE_LABELS_SHOWN = 60  # shown edges up to which every edge is labelled on screen


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
    own = resources.files("jinshang.views").joinpath("assets")
    return {
        "vis_js": _script_safe((lib / "vis-network.min.js").read_text(encoding="utf-8")),
        "vis_css": (lib / "vis-network.css").read_text(encoding="utf-8"),
        "view_js": _script_safe(own.joinpath("view.js").read_text(encoding="utf-8")),
        "view_css": own.joinpath("view.css").read_text(encoding="utf-8"),
    }


@lru_cache(maxsize=1)
def _template():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    folder = str(resources.files("jinshang.views").joinpath("assets"))
    env = Environment(loader=FileSystemLoader(folder), autoescape=True, undefined=StrictUndefined)
    return env.get_template("page.html")


def options(view: View) -> dict:
    """vis-network options: bounded forceAtlas2 stabilisation for small views; for large ones a
    precomputed layout with physics off and edges hidden while dragging or zooming."""
    large = not view.physics
    physics = {"enabled": False}
    if view.physics:
        physics = {"enabled": True, "solver": "forceAtlas2Based",
                   "forceAtlas2Based": {"gravitationalConstant": -250, "centralGravity": 0.08,
                                        "springLength": 80, "springConstant": 0.02, "damping": 0.6,
                                        "avoidOverlap": 1.0},
                   "maxVelocity": 60, "minVelocity": 1.5, "timestep": 0.5,
                   "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 50, "fit": True}}
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


EGO_BORDER = "#ffd600"  # the ego's border: no label's colour in the schema is this yellow


def _node_opts(view: View, n: str, d: dict, name: str, largest: float) -> dict:
    """Everything vis-network needs for one node, beyond its id and label."""
    G = view.graph
    label = d.get("label", "")
    style = present.style_of(label)
    opts = {"title": present.tooltip(n, d, view.source_titles, view.synthetic_sources),
            "size": present.node_size(d, largest), "name": name, "kind": label, "borderWidth": 1.5,
            "shape": style["shape"]}
    # Labels grow with their node, so the names of those who did most are the first to read.
    opts["font"] = {"size": round(13 + 9 * (opts["size"] - present.MIN_SIZE) / (present.MAX_SIZE - present.MIN_SIZE))}
    if style["shape"] in INSIDE_LABEL:  # the label sits on the fill: white reads on the schema's dark fills
        opts["font"].update(color="#ffffff", strokeWidth=0)
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
        if d.get("expandable"):
            opts["members"] = sorted(m for m, s in G.nodes(data="member_of") if s == n)
    if d.get("member_of"):  # held behind its summary until the summary is clicked
        opts.update(hidden=True, physics=False, memberOf=d["member_of"])
    elif label in view.hidden_labels:
        opts["hidden"] = True
    if n == G.graph.get("focus"):
        opts["borderWidth"] = 5
        if view.rings:  # the ego: pinned at the centre, larger, in a yellow ring
            opts.update(x=0.0, y=0.0, fixed={"x": True, "y": True}, size=present.MAX_SIZE + 8, borderWidth=8,
                        shadow={"enabled": True, "color": "rgba(0,0,0,0.45)", "size": 14, "x": 0, "y": 0},
                        font={"size": 20, "bold": True, "color": "#000000", "strokeWidth": 4,
                              "strokeColor": "#ffffff", "vadjust": -6})
            color = {"background": style["color"], "border": EGO_BORDER,
                     "highlight": {"background": style["color"], "border": EGO_BORDER}}
    opts["color"] = color
    return opts


def network(view: View):
    """The pyvis Network holding the view's nodes and edges (styles from the schema)."""
    from pyvis.network import Network

    G = view.graph
    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    names = {n: str(d.get("name", n)) for n, d in G.nodes(data=True)}
    # Scaled to what the page shows (and the projects it holds): a campaign's reported totals,
    # unticked at first, must not shrink everyone else.
    largest = max((activity.value(d) for _, d in G.nodes(data=True) if d.get("label") not in view.hidden_labels),
                  default=0.0)
    for n, d in G.nodes(data=True):
        # A summary's label is its message (代县 · 23 项目 · 45.6亿元): never cut it short.
        text = names[n] if d.get("aggregate") else present.short(names[n])
        net.add_node(n, label=text, **_node_opts(view, n, d, names[n], largest))
    # Thousands of edge labels cost the browser seconds to measure and draw; a large view shows a
    # relationship's type on the edges of the selected node(s) instead (the page script does it).
    # Past a few dozen, edge labels on screen are a grey fog: then only an ego's own relationships
    # carry theirs, and the rest show on selecting a node.
    shown = set(view.shown())
    few = sum(1 for u, v in G.edges() if u in shown and v in shown) <= EDGE_LABELS_SHOWN
    focus = G.graph.get("focus") if view.rings else None
    seen: Counter = Counter()
    for i, (u, v, _, d) in enumerate(G.edges(keys=True, data=True)):
        pair = tuple(sorted((u, v)))
        seen[pair] += 1
        label_key = "label" if few or focus in (u, v) else "typeLabel"
        opts = {label_key: present.edge_label(d), "title": present.edge_tooltip(u, v, d, names, view.source_titles,
                                                                              view.synthetic_sources),
                "rel": d.get("type", ""), "id": f"e{i}"}
        if focus is not None and focus not in (u, v):  # the ego's own lines stand out from the rest
            opts["color"] = {"color": "rgba(144,164,174,0.45)", "highlight": "#37474f", "hover": "#37474f"}
        if seen[pair] > 1:  # parallel facts (two posts in one chamber) fan out instead of overlapping
            opts["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.15 * seen[pair]}
        if d.get("synthetic"):
            opts["dashes"] = True
        if d.get("count", 1) > 1:
            opts["width"] = min(6.0, 1.0 + d["count"] ** 0.5 / 2)
        if d.get("summary") and d.get("type") == "LOCATED_IN":  # a county's projects sit beside the county
            opts["length"] = 30
        net.add_edge(u, v, **opts)
    net.options = options(view)
    return net


def legend(view: View) -> list[dict]:
    counts = Counter(d.get("label", "") for _, d in view.graph.nodes(data=True)
                     if not d.get("member_of") and not d.get("aggregate"))
    groups = Counter(d.get("label", "") for _, d in view.graph.nodes(data=True) if d.get("aggregate"))
    members = Counter(view.graph.nodes[m].get("label", "") for m, s in view.graph.nodes(data="member_of") if s)
    return [{"label": lab, "name": present.label_name(lab), "count": counts[lab] + members[lab],
             "groups": groups[lab], **present.style_of(lab), "hidden": lab in view.hidden_labels}
            for lab in sorted(set(counts) | set(groups))]


def render_html(view: View) -> str:
    """The whole page as a string."""
    net = network(view)
    shown = set(view.shown())
    types = Counter(d.get("type", "") for *_, d in view.graph.edges(data=True))
    payload = {"nodes": net.nodes, "edges": net.edges, "options": net.options,
               "meta": {"title": view.title, "physics": view.physics, "synthetic": view.synthetic,
                        "legend": legend(view),
                        "types": [{"type": t, "name": present.type_name(t), "count": c}
                                  for t, c in sorted(types.items())],
                        "counts": {"nodes": len(net.nodes), "edges": len(net.edges),
                                   "shown": len(shown), "shownEdges": sum(1 for u, v in view.graph.edges()
                                                                           if u in shown and v in shown)},
                        "size": present.SIZE_MEANS,
                        "focus": view.graph.graph.get("focus"),
                        "ego": _ego_meta(view)}}
    notes = list(view.notes)
    return _template().render(title=view.title, notes=notes, synthetic=view.synthetic,
                              data=json_for_html(payload), **_assets())


def _ego_meta(view: View) -> dict | None:
    """What the page needs to draw an ego view's rings and say what they are."""
    if not view.rings:
        return None
    focus = view.graph.graph["focus"]
    return {"id": focus, "name": str(view.graph.nodes[focus].get("name", focus)), "R": view.rings,
            "rings": max(view.hops.values(), default=0)}


def write_html(view: View, path: Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(view), encoding="utf-8")
    return path
