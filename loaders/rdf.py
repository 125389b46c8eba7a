"""RDF loader: Turtle, N-Triples or JSON-LD in the project's vocabulary to validated records.

Pure (no driver): the file is parsed without reaching outside it (loaders/rdf_syntax.py), every
triple is checked to be one the loader reads (`unread`: nothing is dropped silently), the graph
is checked against the SHACL shapes generated from the schema (graph/rdf_shapes.py) with
pySHACL, then read back into a Dataset — nodes from resources typed with a label's class, at the
IRI their id gives; relationships from relationship resources (the plain shortcut triples beside
them must match one). Every problem becomes one Problem in plain words (file, focus node,
property, value, reason) and nothing is returned: a ValidationError is raised.

>>> ds = load_rdf("out/graph.ttl")                              # doctest: +SKIP
>>> ds.nodes["county:忻州市/代县"].props["admin_code"]           # doctest: +SKIP
'140923'
"""
from __future__ import annotations

import logging
import re
from contextlib import contextmanager
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import RDF, SH

from graph.errors import Problem, ValidationError
from graph.rdf_shapes import shapes_graph
from graph.rdf_vocab import Term, Vocabulary, from_literal, get_vocab
from graph.records import Dataset, EdgeRecord, NodeRecord
from loaders.rdf_syntax import FORMATS, parse

# Text longer than this is refused: no name or title is this long, and Neo4j cannot index it.
MAX_TEXT = 2000


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


def load_rdf(path, vocab: Vocabulary | None = None) -> Dataset:
    """Records from one RDF file that conforms to the shapes; ValidationError otherwise."""
    path = Path(path)
    vocab = vocab or get_vocab()
    with _quiet_rdflib():
        g = parse(path, vocab)
        _stack_classes(g, vocab)
        problems = unread(g, str(path), vocab) + validate(g, str(path), vocab)
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


def unread(g: Graph, file: str, vocab: Vocabulary | None = None) -> list[Problem]:
    """Every triple the loader would not read, and every text it should not write, as a Problem.

    The loader reads nodes, relationship resources and the export resource, each through the
    terms of its class; anything else said about them (an unknown or misspelt predicate, a class
    outside the vocabulary, a shortcut triple with no relationship resource behind it) and any
    subject that is none of them would be dropped, so it is refused instead.
    """
    vocab = vocab or get_vocab()
    words = _Words(g, vocab)
    problems: list[Problem] = []

    def problem(s, field, value, reason):
        shown = None if value is None else _shown(value, vocab)
        problems.append(Problem(file, words.focus(s), field, shown, reason, "node"))

    shortcuts = {r.direct for r in vocab.rels.values()}
    implied = set()
    for cls, rtype in vocab.type_of_class.items():
        rel = vocab.rels[rtype]
        for r in g.subjects(RDF.type, cls):
            a, b = g.value(r, rel.start), g.value(r, rel.end)
            implied.add((b, rel.direct, a) if rel.inverse else (a, rel.direct, b))
    for s in sorted(set(g.subjects()), key=str):
        types = set(g.objects(s, RDF.type))
        label = vocab.primary_label(types)
        read = _read_by_loader(vocab, label, words.rel_type(s), types)
        if read is None:
            shown = ", ".join(sorted(words._short(t) for t in types)) or None
            problem(s, "rdf:type", shown, "不是本项目词汇中的节点、关系或导出记录，其内容会被丢弃 / no node, "
                                          "relationship or export class of the vocabulary: all said about it would "
                                          "be dropped")
            continue
        classes, allowed, kind = read
        for t in sorted(types - classes, key=str):
            problem(s, "rdf:type", words._short(t), f"不是 {kind} 的类 / not a class of a {kind}: it would be dropped")
        for p, o in sorted(g.predicate_objects(s), key=str):
            if p in allowed or (label and p in shortcuts and (s, p, o) in implied):
                continue
            if label and p in shortcuts:
                reason = ("捷径三元组没有对应的关系资源 / a shortcut triple with no relationship resource behind it "
                          "(the loader reads relationships only as resources, see docs/rdf.md): it would be dropped")
            else:
                reason = f"未知谓词，会被丢弃 / unknown predicate for a {kind}: it would be dropped"
            problem(s, words._short(p), o, reason)
    for s, p, o in g:
        if isinstance(o, Literal) and (len(o) > MAX_TEXT or _CONTROL.search(o)):
            reason = (f"文本超过 {MAX_TEXT:,} 个字符 / text longer than {MAX_TEXT:,} characters ({len(o):,})"
                      if len(o) > MAX_TEXT else "含控制字符 / holds a control character")
            term = words.terms_of(s).get(p)
            problem(s, term.name if term else words._short(p), o, reason)
    return problems


def _read_by_loader(vocab: Vocabulary, label, rtype, types) -> tuple[set, set, str] | None:
    """(classes, predicates, kind) the loader reads of a subject; None when it reads nothing of it."""
    always = {RDF.type, vocab.sources_pred}
    if label:
        # classes the ontology implies (a County is an administrative area) lose nothing when dropped
        implied = (vocab.broader[x] for x in vocab.schema.label(label).labels)
        terms = {t.iri for t in vocab.node_terms[label].values()}
        return set(vocab.node_classes(label)).union(*implied), always | terms | {vocab.id_pred}, label
    if rtype:
        rel = vocab.rels[rtype]
        terms = {t.iri for t in rel.props.values()}
        return {rel.cls, *rel.broader}, always | terms | {rel.start, rel.end}, rtype
    if vocab.JSG.Export in types:
        return {vocab.JSG.Export}, {RDF.type, vocab.JSG.containsSyntheticData, vocab.JSG.syntheticSource}, "Export"
    return None


# C0 controls except tab and line breaks, DEL, and C1 controls: invisible, or terminal escapes.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _shown(value, vocab: Vocabulary) -> str:
    text = vocab.node_id(value) if not isinstance(value, Literal) else None
    text = text or str(value)
    return text if len(text) <= 60 else text[:60] + "…"


def validate(g: Graph, file: str, vocab: Vocabulary | None = None) -> list[Problem]:
    """pySHACL against the generated shapes; one plain-words Problem per violation."""
    import pyshacl

    vocab = vocab or get_vocab()
    conforms, report, _ = pyshacl.validate(g, shacl_graph=shapes_graph(), advanced=False, allow_warnings=True,
                                         do_owl_imports=False)  # owl:imports would fetch
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
            return "must be a resource (an IRI), not a blank node or a literal"
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
        from loaders.bundled import bundled_gazetteer

        ds = Dataset()
        nodes = []
        for s in set(self.g.subjects(RDF.type, None)):
            label = self.vocab.primary_label(set(self.g.objects(s, RDF.type)))
            if label is None:
                continue
            node_id = str(self.g.value(s, self.vocab.id_pred))  # the shapes require exactly one
            expected = self.vocab.node_iri(node_id)
            if s != expected:  # one id, one IRI: the IRI is the one the id gives, nothing else
                where = ("IRI 不在本项目的基址下 / IRI outside the project's base " + self.vocab.id_base
                         if not str(s).startswith(self.vocab.id_base) else "IRI 与 id 不符 / the IRI and the id disagree")
                self.problem(node_id, "id", str(s), f"{where}; this id's IRI is <{expected}>")
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
        out = []
        for o in self.g.objects(s, self.vocab.sources_pred):
            ref = self.ref(o)
            if ref is None:
                self.problem(self.ids.get(s, str(s)), "sources", str(o), "names no node of this graph")
            else:
                out.append(ref)
        return tuple(sorted(out))


__all__ = ["load_rdf", "validate", "unread", "parse", "FORMATS", "MAX_TEXT"]
