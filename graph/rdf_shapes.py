"""The ontology and the SHACL shapes, generated from the schema through graph/rdf_vocab.py.

Shapes follow the schema one to one: a node shape per label (target: the label's class) and per
relationship type (target: its relationship class); required properties → `sh:minCount 1`,
single values → `sh:maxCount 1`, types → `sh:datatype`, Chinese/English text → `sh:languageIn`,
enums → `sh:in`, relationship ends → `sh:class` (`sh:or` of them when several labels are allowed).

>>> g, s = shapes(), get_vocab().schema
>>> from rdflib.namespace import SH
>>> len(set(g.subjects(SH.targetClass, None))) == len(s.labels) + len(s.relationships)
True
"""
from __future__ import annotations

from functools import lru_cache

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD

from graph.rdf_vocab import Term, Vocabulary, get_vocab, to_literal

ONTOLOGY_IRI = "https://jinshang.example.org/ns"


def _bind(g: Graph, vocab: Vocabulary) -> Graph:
    for p, ns in vocab.ns.items():
        g.bind(p, ns, override=True, replace=True)
    return g


def _declare(g: Graph, iri: URIRef, kind: URIRef, label: str, comment: str, vocab: Vocabulary) -> None:
    """Declare a term only when it is ours: other vocabularies' terms are reused, never redefined."""
    if str(iri).startswith(str(vocab.JSG)):
        g.add((iri, RDF.type, kind))
        g.add((iri, RDFS.label, Literal(label)))
        if comment:
            g.add((iri, RDFS.comment, Literal(comment)))
        g.add((iri, RDFS.isDefinedBy, URIRef(ONTOLOGY_IRI)))


def ontology(vocab: Vocabulary | None = None) -> Graph:
    """Classes and properties in the project namespace, and how they hang on ORG, schema.org,
    FOAF and PROV-O. `jsg:neo4jLabel` / `jsg:neo4jType` say which schema name a class stands for."""
    vocab = vocab or get_vocab()
    schema, J = vocab.schema, vocab.JSG
    g = _bind(Graph(), vocab)
    onto = URIRef(ONTOLOGY_IRI)
    g.add((onto, RDF.type, OWL.Ontology))
    g.add((onto, RDFS.label, Literal("Jinshang Graph (晋商图谱) vocabulary", lang="en")))
    g.add((onto, RDFS.comment, Literal("Generated from graph/schema.yaml and graph/rdf_mapping.yaml.")))
    for iri, label, comment in (
        (J.Relationship, "Relationship", "A relationship of the graph as a resource, with its properties and sources."),
        (J.Export, "Export", "One export of the graph; says whether it contains synthetic (generated) data."),
    ):
        _declare(g, iri, OWL.Class, label, comment, vocab)
    for iri, kind, label, comment in (
        (J["from"], OWL.ObjectProperty, "from", "The start node of a relationship."),
        (J.to, OWL.ObjectProperty, "to", "The end node of a relationship."),
        (J.neo4jLabel, OWL.AnnotationProperty, "neo4jLabel", "The Neo4j label a class stands for."),
        (J.neo4jType, OWL.AnnotationProperty, "neo4jType", "The Neo4j relationship type a class stands for."),
        (J.containsSyntheticData, OWL.DatatypeProperty, "containsSyntheticData",
         "True when the export holds facts from a Source marked synthetic (generated data)."),
        (J.syntheticSource, OWL.ObjectProperty, "syntheticSource", "A Source of the export marked synthetic."),
    ):
        _declare(g, iri, kind, label, comment, vocab)
    for label, spec in schema.labels.items():
        cls = vocab.classes[label]
        _declare(g, cls, OWL.Class, label, spec.description, vocab)
        g.add((cls, J.neo4jLabel, Literal(label)))
        if str(cls).startswith(str(J)):
            for extra in (*(vocab.classes[a] for a in spec.also), *vocab.broader[label]):
                g.add((cls, RDFS.subClassOf, extra))
        for term in vocab.node_terms[label].values():
            _declare_property(g, term, vocab)
    for t, spec in schema.relationships.items():
        rel = vocab.rels[t]
        _declare(g, rel.cls, OWL.Class, t, spec.description, vocab)
        g.add((rel.cls, J.neo4jType, Literal(t)))
        for b in rel.broader:
            g.add((rel.cls, RDFS.subClassOf, b))
        _declare(g, rel.direct, OWL.ObjectProperty, rel.direct.split("#")[-1],
                 f"Shortcut for {t}: the plain {'end→start' if rel.inverse else 'start→end'} link.", vocab)
        for term in rel.props.values():
            _declare_property(g, term, vocab)
    return g


def _declare_property(g: Graph, term: Term, vocab: Vocabulary) -> None:
    if not str(term.iri).startswith(str(vocab.JSG)) or (term.iri, RDF.type, None) in g:
        return
    _declare(g, term.iri, OWL.DatatypeProperty, term.iri.split("#")[-1], term.spec.description, vocab)
    g.add((term.iri, RDFS.range, RDF.langString if term.lang else term.datatype))


def _list(g: Graph, items) -> BNode:
    head = BNode()
    Collection(g, head, list(items))
    return head


def _property_shape(g: Graph, shape: URIRef, term: Term) -> None:
    p = BNode()
    g.add((shape, SH.property, p))
    g.add((p, SH.path, term.iri))
    g.add((p, SH.name, Literal(term.name)))
    if term.spec.required:
        g.add((p, SH.minCount, Literal(1)))
    if not term.many:
        g.add((p, SH.maxCount, Literal(1)))
    if term.lang:
        g.add((p, SH.datatype, RDF.langString))
        g.add((p, SH.languageIn, _list(g, [Literal(term.lang)])))
    else:
        g.add((p, SH.datatype, term.datatype))
    if term.spec.enum:
        g.add((p, SH["in"], _list(g, [to_literal(term, v) for v in term.spec.enum])))


def _ends_shape(g: Graph, shape: URIRef, path: URIRef, name: str, classes: list[URIRef]) -> None:
    p = BNode()
    g.add((shape, SH.property, p))
    for pred, obj in ((SH.path, path), (SH.name, Literal(name)), (SH.minCount, Literal(1)),
                      (SH.maxCount, Literal(1)), (SH.nodeKind, SH.IRI)):
        g.add((p, pred, obj))
    if len(classes) == 1:
        g.add((p, SH["class"], classes[0]))
    else:
        alternatives = []
        for c in classes:
            alt = BNode()
            g.add((alt, SH["class"], c))
            alternatives.append(alt)
        g.add((p, SH["or"], _list(g, alternatives)))


def _common(g: Graph, shape: URIRef, vocab: Vocabulary) -> None:
    p = BNode()
    g.add((shape, SH.property, p))
    for pred, obj in ((SH.path, vocab.sources_pred), (SH.name, Literal("sources")), (SH.minCount, Literal(1)),
                      (SH.nodeKind, SH.IRI)):
        g.add((p, pred, obj))


def shapes(vocab: Vocabulary | None = None) -> Graph:
    """SHACL shapes for every label and relationship type of the schema."""
    vocab = vocab or get_vocab()
    schema, J = vocab.schema, vocab.JSG
    g = _bind(Graph(), vocab)
    for label in schema.labels:
        shape = J[f"{label}Shape"]
        g.add((shape, RDF.type, SH.NodeShape))
        g.add((shape, SH.targetClass, vocab.classes[label]))
        g.add((shape, RDFS.label, Literal(label)))
        g.add((shape, SH.nodeKind, SH.IRI))
        ident = BNode()
        g.add((shape, SH.property, ident))
        for pred, obj in ((SH.path, vocab.id_pred), (SH.name, Literal("id")), (SH.minCount, Literal(1)),
                          (SH.maxCount, Literal(1)), (SH.datatype, XSD.string)):
            g.add((ident, pred, obj))
        _common(g, shape, vocab)
        for term in vocab.node_terms[label].values():
            _property_shape(g, shape, term)
    for t, spec in schema.relationships.items():
        rel = vocab.rels[t]
        shape = J[f"{rel.cls.split('#')[-1].split('/')[-1]}Shape"]
        g.add((shape, RDF.type, SH.NodeShape))
        g.add((shape, SH.targetClass, rel.cls))
        g.add((shape, RDFS.label, Literal(t)))
        _ends_shape(g, shape, rel.start, "from", [vocab.classes[x] for x in spec.start_labels])
        _ends_shape(g, shape, rel.end, "to", [vocab.classes[x] for x in spec.end_labels])
        _common(g, shape, vocab)
        for term in rel.props.values():
            _property_shape(g, shape, term)
    return g


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The shapes, built once per process (treat as read-only)."""
    return shapes()


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    return ontology()


__all__ = ["ontology", "shapes", "shapes_graph", "ontology_graph", "ONTOLOGY_IRI"]
