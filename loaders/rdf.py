"""RDF loader: Turtle, N-Triples or JSON-LD in the project's vocabulary to validated records.

Pure (no driver): the file is parsed, checked against the SHACL shapes generated from the schema
(graph/rdf_shapes.py) with pySHACL, then read back into a Dataset — nodes from resources typed
with a label's class, relationships from relationship resources (the plain shortcut triples
beside them are ignored). Every SHACL violation becomes one Problem in plain words (file, focus
node, property, value, reason) and nothing is returned: a ValidationError is raised.

>>> ds = load_rdf("out/graph.ttl")                              # doctest: +SKIP
>>> ds.nodes["county:忻州市/代县"].props["admin_code"]           # doctest: +SKIP
'140923'
"""
from __future__ import annotations

import logging
from contextlib import contextmanager
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import RDF, SH

from graph.errors import Problem, ValidationError
from graph.rdf_shapes import shapes_graph
from graph.rdf_vocab import Term, Vocabulary, from_literal, get_vocab
from graph.records import Dataset, EdgeRecord, NodeRecord

FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld"}


@contextmanager
def _quiet_rdflib():
    # rdflib logs a traceback for each ill-typed literal; SHACL reports those in plain words.
    log = logging.getLogger("rdflib.term")
    old = log.level
    log.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        log.setLevel(old)


def parse(path: Path) -> Graph:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValidationError([Problem(str(path), None, None, path.suffix, "not an RDF file (.ttl, .nt, .jsonld)")])
    g = Graph()
    try:
        g.parse(str(path), format=fmt)
    except Exception as exc:  # rdflib raises many unrelated types for bad syntax
        line = getattr(exc, "lines", None)
        raise ValidationError([Problem(str(path), line, None, None, f"not valid {fmt}: {exc}".split("\n")[0],
                                       "line")]) from None
    return g


def load_rdf(path, vocab: Vocabulary | None = None) -> Dataset:
    """Records from one RDF file that conforms to the shapes; ValidationError otherwise."""
    path = Path(path)
    vocab = vocab or get_vocab()
    with _quiet_rdflib():
        g = parse(path)
        _stack_classes(g, vocab)
        problems = validate(g, str(path), vocab)
        if problems:
            raise ValidationError(problems)
        return _Reader(g, str(path), vocab).dataset()


def _stack_classes(g: Graph, vocab: Vocabulary) -> None:
    """A Chamber given only its own class is an Organization too (as its stacked Neo4j labels say)."""
    for label, cls in vocab.classes.items():
        also = vocab.schema.label(label).also
        for s in list(g.subjects(RDF.type, cls)):
            for extra in also:
                g.add((s, RDF.type, vocab.classes[extra]))


def validate(g: Graph, file: str, vocab: Vocabulary | None = None) -> list[Problem]:
    """pySHACL against the generated shapes; one plain-words Problem per violation."""
    import pyshacl

    vocab = vocab or get_vocab()
    conforms, report, _ = pyshacl.validate(g, shacl_graph=shapes_graph(), advanced=False, allow_warnings=True)
    if conforms:
        return []
    words = _Words(g, vocab)
    problems = [words.problem(report, r, file) for r in report.subjects(RDF.type, SH.ValidationResult)]
    return sorted(problems, key=lambda p: (str(p.where), str(p.field), str(p.value), p.reason))


class _Words:
    """Turns one SHACL result into a Problem a person can act on."""

    def __init__(self, g: Graph, vocab: Vocabulary):
        self.g, self.vocab = g, vocab

    def focus(self, node) -> str:
        ident = self.g.value(node, self.vocab.id_pred)
        if isinstance(ident, Literal):
            return str(ident)
        rtype = self.rel_type(node)
        if rtype:  # a relationship reads better as its type and ends than as its hashed IRI
            rel = self.vocab.rels[rtype]
            ends = [self.g.value(node, p) for p in (rel.start, rel.end)]
            shown = [self.focus(x) if x is not None else "?" for x in ends]
            return f"{rtype} {shown[0]} → {shown[1]}"
        return self.vocab.node_id(node) or str(node)

    def rel_type(self, node) -> str | None:
        for t in self.g.objects(node, RDF.type):
            if t in self.vocab.type_of_class:
                return self.vocab.type_of_class[t]
        return None

    def terms_of(self, node) -> dict:
        types = set(self.g.objects(node, RDF.type))
        label = self.vocab.primary_label(types)
        if label:
            return {t.iri: t for t in self.vocab.node_terms[label].values()}
        rtype = self.rel_type(node)
        return {t.iri: t for t in self.vocab.rels[rtype].props.values()} if rtype else {}

    def problem(self, report: Graph, r, file: str) -> Problem:
        focus = report.value(r, SH.focusNode)
        path = report.value(r, SH.resultPath)
        value = report.value(r, SH.value)
        component = report.value(r, SH.sourceConstraintComponent)
        shape = report.value(r, SH.sourceShape)
        name = report.value(shape, SH.name) if shape is not None else None
        term = self.terms_of(focus).get(path)
        field = str(name) if name is not None else (term.name if term else self._short(path))
        shown = None if value is None else (self.vocab.node_id(value) or str(value))
        reason = self._reason(component, term, report, r, shape)
        rtype = self.rel_type(focus)
        if rtype and field in ("from", "to") and str(component).endswith(("#ClassConstraintComponent",
                                                                          "#OrConstraintComponent")):
            spec = self.vocab.schema.rel(rtype)
            allowed = spec.start_labels if field == "from" else spec.end_labels
            reason = f"{rtype} {'starts at' if field == 'from' else 'ends at'} a {' or '.join(allowed)} node"
            label = self.vocab.primary_label(set(self.g.objects(value, RDF.type))) if value is not None else None
            reason += f"; this is {'a ' + label if label else 'no node of this file'}"
        return Problem(file, self.focus(focus), field, shown, reason, "node")

    def _short(self, iri) -> str | None:
        if iri is None:
            return None
        try:
            return self.vocab.namespace_manager().normalizeUri(iri)
        except Exception:
            return str(iri)

    def _reason(self, component, term: Term | None, report: Graph, r, shape) -> str:
        local = str(component).rsplit("#", 1)[-1].replace("ConstraintComponent", "")
        if local == "MinCount":
            return "required, but missing"
        if local == "MaxCount":
            return "has more than one value; one is allowed"
        if local == "Datatype" and term is not None:
            if term.lang:
                return f"expected text tagged @{term.lang}"
            return f"expected a {term.type} ({self._short(term.datatype)})"
        if local == "LanguageIn" and term is not None:
            return f"text must be tagged @{term.lang}"
        if local == "In" and term is not None:
            return f"must be one of {', '.join(term.spec.enum)}"
        if local in ("Class", "Or"):
            return "points at a node of a kind this relationship does not allow at that end (or at nothing)"
        if local == "NodeKind":
            return "must be a resource (an IRI), not a literal"
        return str(report.value(r, SH.resultMessage) or local)


class _Reader:
    """Graph → Dataset, once the graph conforms to the shapes."""

    def __init__(self, g: Graph, file: str, vocab: Vocabulary):
        self.g, self.file, self.vocab = g, file, vocab
        self.problems: list[Problem] = []
        self.ids: dict = {}

    def problem(self, where, field, value, reason):
        self.problems.append(Problem(self.file, where, field, value, reason, "node"))

    def ref(self, iri) -> str | None:
        return self.ids.get(iri) or self.vocab.node_id(iri)

    def dataset(self) -> Dataset:
        from loaders.gazetteer import bundled_gazetteer

        ds = Dataset()
        nodes = []
        for s in set(self.g.subjects(RDF.type, None)):
            label = self.vocab.primary_label(set(self.g.objects(s, RDF.type)))
            if label is None:
                continue
            ident = self.g.value(s, self.vocab.id_pred)
            derived = self.vocab.node_id(s)
            node_id = str(ident) if ident is not None else derived
            if derived is not None and ident is not None and derived != str(ident):
                self.problem(str(ident), "id", str(s), "the IRI and the id disagree")
            self.ids[s] = node_id
            nodes.append((s, label, node_id))
        for s, label, node_id in nodes:
            props = self.props(s, node_id, self.vocab.node_terms[label])
            ds.add_node(NodeRecord(label, node_id, props, self.sources(s)))
        for cls, rtype in self.vocab.type_of_class.items():
            rel = self.vocab.rels[rtype]
            for r in self.g.subjects(RDF.type, cls):
                start, end = self.ref(self.g.value(r, rel.start)), self.ref(self.g.value(r, rel.end))
                if start is None or end is None:
                    self.problem(str(r), "from" if start is None else "to", None, "names no node of this graph")
                    continue
                props = self.props(r, str(r), rel.props)
                ds.add_edge(EdgeRecord(rtype, start, end, props, self.sources(r)))
        if not self.problems:
            for reason in ds.check(self.vocab.schema, bundled_gazetteer().known_ids()):
                self.problem(None, None, None, reason)
        if self.problems:
            raise ValidationError(self.problems)
        return ds

    def props(self, s, where: str, terms: dict[str, Term]) -> dict:
        out = {}
        for name, term in terms.items():
            values = list(self.g.objects(s, term.iri))
            if not values:
                continue
            try:
                converted = [from_literal(term, v) for v in values]
            except ValueError as exc:
                self.problem(where, name, ", ".join(str(v) for v in values), str(exc))
                continue
            out[name] = sorted(converted) if term.many else converted[0]
        return out

    def sources(self, s) -> tuple[str, ...]:
        return tuple(sorted(x for x in (self.ref(o) for o in self.g.objects(s, self.vocab.sources_pred))
                            if x is not None))


__all__ = ["load_rdf", "validate", "parse", "FORMATS"]
