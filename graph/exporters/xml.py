"""GraphML and GEXF (1.2) exports for Gephi, yEd, Cytoscape and NetworkX, written as a stream.

Attributes are declared up front from the schema (the union of every label's / relationship
type's properties), then each node and edge is written as it arrives. Conventions Gephi reads:
node `label` is the display name (the node's `name`), edge `label` its relationship type; the
schema label is `schema_label`, the stacked Neo4j labels `labels` ("Chamber;Organization").
Dates are ISO text (2017-05-12), lists are joined with ";", numbers and booleans are typed.
`synthetic` on a node or edge is true when all its sources are synthetic; the graph itself says
whether anything synthetic is in it (GraphML: graph data `synthetic_data`; GEXF: the meta
description and keywords). GEXF nodes carry the schema's colour (`viz:color`).

>>> from graph.records import Dataset, EdgeRecord, NodeRecord
>>> ds = Dataset()
>>> ds.add_node(NodeRecord("Chamber", "chamber:广东山西商会", {"name": "广东山西商会"}, ("source:a",)))
>>> ds.add_node(NodeRecord("City", "city:广州市", {"name": "广州市"}, ("source:a",)))
>>> ds.add_edge(EdgeRecord("BASED_IN", "chamber:广东山西商会", "city:广州市", {}, ("source:a",)))
>>> from graph.exporters.stream import DatasetStream
>>> import io; buf = io.StringIO()
>>> write_graphml(DatasetStream(ds), buf)
(2, 1)
"""
from __future__ import annotations

import re
from datetime import date
from typing import TextIO
from xml.sax.saxutils import XMLGenerator

from graph.exporters.stream import GraphStream
from graph.rdf_vocab import get_vocab
from graph.records import EdgeRecord, NodeRecord
from graph.schema import Schema, get_schema

_XML_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML 1.0
GRAPHML_TYPES = {"string": "string", "int": "long", "float": "double", "bool": "boolean",
                 "date": "string", "partial_date": "string", "list[string]": "string"}
GEXF_TYPES = {"string": "string", "int": "long", "float": "double", "bool": "boolean",
              "date": "string", "partial_date": "string", "list[string]": "string"}
LIST_SEP = ";"


def attribute_types(schema: Schema) -> tuple[dict[str, str], dict[str, str]]:
    """(node attributes, edge attributes) → schema type, in a stable order, from the schema."""
    nodes = {"schema_label": "string", "labels": "string", "name": "string"}
    for spec in schema.labels.values():
        for p, ps in spec.properties.items():
            if nodes.setdefault(p, ps.type) != ps.type:
                nodes[p] = "string"  # one name, two types across labels: text holds both
    nodes.update({"sources": "list[string]", "synthetic": "bool"})
    edges = {"type": "string"}
    for spec in schema.relationships.values():
        for p, ps in spec.properties.items():
            if edges.setdefault(p, ps.type) != ps.type:
                edges[p] = "string"
    edges.update({"sources": "list[string]", "synthetic": "bool"})
    return nodes, edges


def text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return LIST_SEP.join(str(v) for v in value)
    return _XML_BAD.sub("", str(value))


def node_values(n: NodeRecord, synthetic: set[str], schema: Schema) -> dict:
    values = {"schema_label": n.label, "labels": LIST_SEP.join(schema.label(n.label).labels), **n.props,
              "sources": list(n.sources), "synthetic": _synthetic(n.sources, synthetic)}
    if n.label == "Source":  # the Source's own flag is the truth for it
        values["synthetic"] = bool(n.props.get("synthetic"))
    return values


def edge_values(e: EdgeRecord, synthetic: set[str]) -> dict:
    return {"type": e.type, **e.props, "sources": list(e.sources), "synthetic": _synthetic(e.sources, synthetic)}


def _synthetic(sources, synthetic: set[str]) -> bool:
    return bool(sources) and set(sources) <= synthetic


class _Xml:
    def __init__(self, out: TextIO):
        self.x = XMLGenerator(out, encoding="utf-8", short_empty_elements=True)

    def open(self, tag, attrs=None, depth=0):
        self.x.ignorableWhitespace("\n" + "  " * depth)
        self.x.startElement(tag, {k: text(v) for k, v in (attrs or {}).items()})

    def close(self, tag, depth=0, newline=True):
        if newline:
            self.x.ignorableWhitespace("\n" + "  " * depth)
        self.x.endElement(tag)

    def leaf(self, tag, attrs=None, body=None, depth=0):
        self.open(tag, attrs, depth)
        if body is not None:
            self.x.characters(text(body))
        self.close(tag, depth, newline=False)


def write_graphml(stream: GraphStream, out: TextIO, schema: Schema | None = None) -> tuple[int, int]:
    """GraphML; returns (nodes, edges) written."""
    schema = schema or get_schema()
    synthetic = stream.synthetic_sources()
    syn = set(synthetic)
    node_attrs, edge_attrs = attribute_types(schema)
    w = _Xml(out)
    w.x.startDocument()
    w.open("graphml", {"xmlns": "http://graphml.graphdrawing.org/xmlns"})
    w.leaf("key", {"id": "g_synthetic_data", "for": "graph", "attr.name": "synthetic_data", "attr.type": "boolean"}, depth=1)
    w.leaf("key", {"id": "g_synthetic_sources", "for": "graph", "attr.name": "synthetic_sources",
                   "attr.type": "string"}, depth=1)
    w.leaf("key", {"id": "n_label", "for": "node", "attr.name": "label", "attr.type": "string"}, depth=1)
    for name, t in node_attrs.items():
        w.leaf("key", {"id": f"n_{name}", "for": "node", "attr.name": name, "attr.type": GRAPHML_TYPES[t]}, depth=1)
    w.leaf("key", {"id": "e_label", "for": "edge", "attr.name": "label", "attr.type": "string"}, depth=1)
    for name, t in edge_attrs.items():
        w.leaf("key", {"id": f"e_{name}", "for": "edge", "attr.name": name, "attr.type": GRAPHML_TYPES[t]}, depth=1)
    w.open("graph", {"id": "jinshang", "edgedefault": "directed"}, 1)
    w.leaf("data", {"key": "g_synthetic_data"}, bool(synthetic), 2)
    w.leaf("data", {"key": "g_synthetic_sources"}, synthetic, 2)
    nodes = edges = 0
    for n in stream.nodes():
        w.open("node", {"id": n.id}, 2)
        w.leaf("data", {"key": "n_label"}, n.props.get("name", n.id), 3)
        for k, v in node_values(n, syn, schema).items():
            if v is not None and k in node_attrs:
                w.leaf("data", {"key": f"n_{k}"}, v, 3)
        w.close("node", 2)
        nodes += 1
    vocab = get_vocab()
    for e in stream.edges():
        eid = str(vocab.rel_iri(e.type, e.start, e.end, e.props)).rsplit("/", 2)[-1]
        w.open("edge", {"id": f"{e.type}/{eid}", "source": e.start, "target": e.end}, 2)
        w.leaf("data", {"key": "e_label"}, e.type, 3)
        for k, v in edge_values(e, syn).items():
            if v is not None and k in edge_attrs:
                w.leaf("data", {"key": f"e_{k}"}, v, 3)
        w.close("edge", 2)
        edges += 1
    w.close("graph", 1)
    w.close("graphml", 0)
    w.x.endDocument()
    out.write("\n")
    return nodes, edges


def _rgb(color: str) -> dict:
    c = color.lstrip("#")
    return {"r": int(c[0:2], 16), "g": int(c[2:4], 16), "b": int(c[4:6], 16)}


def write_gexf(stream: GraphStream, out: TextIO, schema: Schema | None = None) -> tuple[int, int]:
    """GEXF 1.2; returns (nodes, edges) written."""
    schema = schema or get_schema()
    synthetic = stream.synthetic_sources()
    syn = set(synthetic)
    node_attrs, edge_attrs = attribute_types(schema)
    node_ids = {name: str(i) for i, name in enumerate(node_attrs)}
    edge_ids = {name: str(i) for i, name in enumerate(edge_attrs)}
    w = _Xml(out)
    w.x.startDocument()
    w.open("gexf", {"xmlns": "http://www.gexf.net/1.2draft", "xmlns:viz": "http://www.gexf.net/1.2draft/viz",
                    "version": "1.2"})
    w.open("meta", {}, 1)
    w.leaf("creator", {}, "Jinshang Graph (晋商图谱)", 2)
    w.leaf("keywords", {}, "synthetic" if synthetic else "real", 2)
    w.leaf("description", {}, ("CONTAINS SYNTHETIC (generated) DATA from: " + ", ".join(synthetic))
           if synthetic else "contains no synthetic data", 2)
    w.close("meta", 1)
    w.open("graph", {"defaultedgetype": "directed", "mode": "static"}, 1)
    for cls, attrs, ids in (("node", node_attrs, node_ids), ("edge", edge_attrs, edge_ids)):
        w.open("attributes", {"class": cls, "mode": "static"}, 2)
        for name, t in attrs.items():
            w.leaf("attribute", {"id": ids[name], "title": name, "type": GEXF_TYPES[t]}, depth=3)
        w.close("attributes", 2)
    w.open("nodes", {}, 2)
    nodes = edges = 0
    for n in stream.nodes():
        w.open("node", {"id": n.id, "label": n.props.get("name", n.id)}, 3)
        w.open("attvalues", {}, 4)
        for k, v in node_values(n, syn, schema).items():
            if v is not None and k in node_ids:
                w.leaf("attvalue", {"for": node_ids[k], "value": v}, depth=5)
        w.close("attvalues", 4)
        color = schema.label(n.label).style.get("color")
        if color:
            w.leaf("viz:color", _rgb(color), depth=4)
        w.close("node", 3)
        nodes += 1
    w.close("nodes", 2)
    w.open("edges", {}, 2)
    vocab = get_vocab()
    for e in stream.edges():
        eid = str(vocab.rel_iri(e.type, e.start, e.end, e.props)).rsplit("/", 2)[-1]
        w.open("edge", {"id": f"{e.type}/{eid}", "source": e.start, "target": e.end, "label": e.type}, 3)
        w.open("attvalues", {}, 4)
        for k, v in edge_values(e, syn).items():
            if v is not None and k in edge_ids:
                w.leaf("attvalue", {"for": edge_ids[k], "value": v}, depth=5)
        w.close("attvalues", 4)
        w.close("edge", 3)
        edges += 1
    w.close("edges", 2)
    w.close("graph", 1)
    w.close("gexf", 0)
    w.x.endDocument()
    out.write("\n")
    return nodes, edges
