"""RDF exports (Turtle, N-Triples, JSON-LD), written incrementally: one node or relationship at
a time becomes a handful of triples, which go straight to the file.

Each relationship is a resource of its relationship class (`jsg:` + UpperCamel of the type, or
the class rdf_mapping.yaml names) with start/end predicates, its properties and its sources
(`prov:wasDerivedFrom`); a plain start→end shortcut triple is written beside it. The export
itself is described by one resource (`…/id/export`) saying whether synthetic data is in it.

>>> from graph.records import Dataset, EdgeRecord, NodeRecord
>>> ds = Dataset()
>>> ds.add_node(NodeRecord("Chamber", "chamber:广东山西商会", {"name": "广东山西商会"}, ("source:a",)))
>>> ds.add_node(NodeRecord("City", "city:广州市", {"name": "广州市"}, ("source:a",)))
>>> ds.add_edge(EdgeRecord("BASED_IN", "chamber:广东山西商会", "city:广州市", {}, ("source:a",)))
>>> from graph.exporters.stream import DatasetStream
>>> import io; buf = io.StringIO()
>>> write_ntriples(DatasetStream(ds), buf) > 10
True
"""
from __future__ import annotations

import json
from typing import Iterator, TextIO

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from graph.exporters.stream import GraphStream
from graph.rdf_vocab import Vocabulary, get_vocab
from graph.records import EdgeRecord, NodeRecord

Triple = tuple


def node_triples(n: NodeRecord, vocab: Vocabulary) -> Iterator[Triple]:
    s = vocab.node_iri(n.id)
    for c in vocab.node_classes(n.label):
        yield s, RDF.type, c
    yield s, vocab.id_pred, Literal(n.id)
    terms = vocab.node_terms[n.label]
    for prop in sorted(n.props):
        term = terms.get(prop)
        if term is not None:
            for lit in term.literals(n.props[prop]):
                yield s, term.iri, lit
    for src in sorted(n.sources):
        yield s, vocab.sources_pred, vocab.node_iri(src)


def edge_triples(e: EdgeRecord, vocab: Vocabulary) -> Iterator[Triple]:
    rel = vocab.rels[e.type]
    r = vocab.rel_iri(e.type, e.start, e.end, e.props)
    a, b = vocab.node_iri(e.start), vocab.node_iri(e.end)
    yield r, RDF.type, rel.cls
    yield r, rel.start, a
    yield r, rel.end, b
    for prop in sorted(e.props):
        term = rel.props.get(prop)
        if term is not None:
            for lit in term.literals(e.props[prop]):
                yield r, term.iri, lit
    for src in sorted(e.sources):
        yield r, vocab.sources_pred, vocab.node_iri(src)
    yield (b, rel.direct, a) if rel.inverse else (a, rel.direct, b)


def header_triples(synthetic: list[str], vocab: Vocabulary) -> Iterator[Triple]:
    x = vocab.export_iri
    yield x, RDF.type, vocab.JSG.Export
    yield x, vocab.JSG.containsSyntheticData, Literal(bool(synthetic))
    for sid in synthetic:
        yield x, vocab.JSG.syntheticSource, vocab.node_iri(sid)


def groups(stream: GraphStream, vocab: Vocabulary) -> Iterator[list[Triple]]:
    """The export as groups of triples, one group per subject (the header, each node, each edge)."""
    yield list(header_triples(stream.synthetic_sources(), vocab))
    for n in stream.nodes():
        yield list(node_triples(n, vocab))
    for e in stream.edges():
        yield list(edge_triples(e, vocab))


def comment_lines(synthetic: list[str]) -> str:
    head = "# Jinshang Graph (晋商图谱) export; vocabulary https://jinshang.example.org/ns#\n"
    if synthetic:
        return head + ("# CONTAINS SYNTHETIC (generated) DATA from: " + ", ".join(synthetic) + "\n")
    return head + "# contains no synthetic data\n"


def write_ntriples(stream: GraphStream, out: TextIO, vocab: Vocabulary | None = None) -> int:
    """N-Triples, one line per triple; returns the number of triples."""
    vocab = vocab or get_vocab()
    synthetic = stream.synthetic_sources()
    out.write(comment_lines(synthetic))
    count = 0
    for group in groups(stream, vocab):
        for s, p, o in group:
            out.write(f"{s.n3()} {p.n3()} {o.n3()} .\n")
            count += 1
    return count


def write_turtle(stream: GraphStream, out: TextIO, vocab: Vocabulary | None = None) -> int:
    """Turtle: prefixes once, then one block per subject; node IRIs are written in full."""
    vocab = vocab or get_vocab()
    nm = vocab.namespace_manager()
    synthetic = stream.synthetic_sources()
    out.write(comment_lines(synthetic))
    for prefix, ns in vocab.ns.items():
        out.write(f"@prefix {prefix}: <{ns}> .\n")
    count = 0
    for group in groups(stream, vocab):
        out.write("\n" + _turtle_block(group, nm, vocab))
        count += len(group)
    return count


def _term(t, nm, vocab: Vocabulary) -> str:
    # Only vocabulary terms are shortened to prefixed names; node IRIs hold Chinese and `/`, which
    # a prefixed name's local part cannot always carry, so they stay <full>.
    if isinstance(t, URIRef) and not str(t).startswith(vocab.id_base):
        if t == RDF.type:
            return "a"
        return t.n3(nm)
    return t.n3(nm) if isinstance(t, Literal) else t.n3()


def _turtle_block(group: list[Triple], nm, vocab: Vocabulary) -> str:
    subject = group[0][0]
    by_pred: dict = {}
    for _, p, o in group:
        if _ != subject:  # the inverse shortcut triple has another subject
            continue
        by_pred.setdefault(p, []).append(o)
    lines = [f"    {_term(p, nm, vocab)} {', '.join(_term(o, nm, vocab) for o in objs)}"
             for p, objs in by_pred.items()]
    text = f"{subject.n3()}\n" + " ;\n".join(lines) + " .\n"
    for s, p, o in group:
        if s != subject:
            text += f"{s.n3()} {_term(p, nm, vocab)} {_term(o, nm, vocab)} .\n"
    return text


def write_jsonld(stream: GraphStream, out: TextIO, vocab: Vocabulary | None = None) -> int:
    """Expanded JSON-LD: a top-level array with one node object per subject, written as it comes."""
    vocab = vocab or get_vocab()
    out.write("[")
    count, first = 0, True
    for group in groups(stream, vocab):
        g = Graph()
        for t in group:
            g.add(t)
        count += len(group)
        for obj in json.loads(g.serialize(format="json-ld")):
            out.write(("\n" if first else ",\n") + json.dumps(obj, ensure_ascii=False, sort_keys=True))
            first = False
    out.write("\n]\n")
    return count


WRITERS = {"ttl": write_turtle, "nt": write_ntriples, "jsonld": write_jsonld}


def to_graph(stream: GraphStream, vocab: Vocabulary | None = None) -> Graph:
    """The whole export as one rdflib Graph (for tests and validation of small graphs)."""
    vocab = vocab or get_vocab()
    g = Graph()
    for group in groups(stream, vocab):
        for t in group:
            g.add(t)
    return g
