"""The RDF vocabulary: graph/schema.yaml read through graph/rdf_mapping.yaml.

Answers "which IRI does this label/property/relationship take", turns node ids into IRIs and
back, and converts values to RDF literals and back. The ontology and the SHACL shapes built from
it are in graph/rdf_shapes.py; exporters and loaders/rdf.py use both.

>>> v = get_vocab()
>>> str(v.node_iri("county:忻州市/代县"))
'https://jinshang.example.org/id/county/忻州市/代县'
>>> v.node_id(v.node_iri("event:2017-05-12/珠海市"))
'event:2017-05-12/珠海市'
>>> str(v.node_iri("project:../../etc"))                         # a dot segment cannot climb
'https://jinshang.example.org/id/project/%2E%2E/%2E%2E/etc'
>>> str(v.classes["Person"])
'http://xmlns.com/foaf/0.1/Person'
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from urllib.parse import unquote

import yaml
from rdflib import XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import NamespaceManager

from graph.errors import SchemaError
from graph.schema import PropertySpec, Schema, get_schema

XSD_OF = {"string": XSD.string, "int": XSD.integer, "float": XSD.double, "bool": XSD.boolean,
          "date": XSD.date, "partial_date": XSD.string, "list[string]": XSD.string}
# Characters kept as they are in an IRI path segment (RFC 3987 iunreserved + sub-delims + ":@");
# every other ASCII character, `%` and `/` included, is percent-encoded so the id comes back exactly
# and no id can add a segment, a query (`?`) or a fragment (`#`) to its IRI.
_KEEP_ASCII = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@")
# Non-ASCII characters that are allowed in an IRI but invisible or misleading when read: controls,
# format characters (bidi overrides, zero-width), and spaces or line/paragraph separators.
_HIDDEN = {"Cc", "Cf", "Zs", "Zl", "Zp"}
_PREFIX = re.compile(r"^[a-z][a-z0-9_-]*$")


def _ucschar(cp: int) -> bool:
    """RFC 3987 ucschar: the non-ASCII characters an IRI may carry unencoded (CJK included)."""
    ranges = ((0xA0, 0xD7FF), (0xF900, 0xFDCF), (0xFDF0, 0xFFEF))
    if any(a <= cp <= b for a, b in ranges):
        return True
    return cp >= 0x10000 and (cp & 0xFFFF) <= 0xFFFD and cp < 0xF0000


def iri_escape(text: str) -> str:
    """Percent-encode what an IRI path segment may not hold; Chinese stays readable.

    >>> iri_escape("代县 100%#x/y")
    '代县%20100%25%23x%2Fy'
    """
    out = []
    for ch in text:
        cp = ord(ch)
        if ch in _KEEP_ASCII or (cp > 0x7F and _ucschar(cp) and unicodedata.category(ch) not in _HIDDEN):
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8"))
    return "".join(out)


def _segment(text: str) -> str:
    # `.` and `..` are dot segments: RFC 3986 resolution removes them (`a/../b` is `b`), so an id
    # segment made only of dots is written as `%2E`s, which resolution leaves alone.
    return "%2E" * len(text) if text and set(text) == {"."} else iri_escape(text)


def id_path(rest: str) -> str:
    """An id's text after its prefix as IRI path segments: its `/` separate segments (as in
    `忻州市/代县`), every segment is escaped on its own.

    >>> id_path("../a b/./c?d#e")
    '%2E%2E/a%20b/%2E/c%3Fd%23e'
    """
    return "/".join(_segment(part) for part in rest.split("/"))


@dataclass(frozen=True)
class Term:
    """One property's RDF form: predicate, XSD datatype and language tag (None: plain)."""

    name: str
    iri: URIRef
    type: str
    lang: str | None
    datatype: URIRef
    many: bool
    spec: PropertySpec

    def literals(self, value) -> list[Literal]:
        """The literal(s) for a Python value (lists give one literal per item, sorted)."""
        if value is None:
            return []
        items = sorted(value) if self.many else [value]
        return [to_literal(self, v) for v in items]


def to_literal(term: Term, value) -> Literal:
    if term.type == "float":
        return Literal(float(value), datatype=XSD.double)
    if term.type == "int":
        return Literal(int(value), datatype=XSD.integer)
    if term.type == "bool":
        return Literal(bool(value))
    if term.type == "date":
        return Literal(value if isinstance(value, date) else date.fromisoformat(str(value)))
    if term.lang:
        return Literal(str(value), lang=term.lang)
    if term.datatype != XSD.string:
        return Literal(str(value), datatype=term.datatype)
    return Literal(str(value))


def from_literal(term: Term, lit) -> object:
    """A literal back to the schema's Python type; ValueError with a short reason."""
    if not isinstance(lit, Literal):
        raise ValueError("expected a literal value, found a resource")
    if term.type in ("string", "list[string]"):
        return str(lit)
    value = lit.toPython()
    if isinstance(value, Literal) or getattr(lit, "ill_typed", False):  # toPython gives up: ill-typed
        raise ValueError(f"not a valid {term.type}")
    return term.spec.coerce(value if term.type != "float" else float(value))


@dataclass(frozen=True)
class RelTerms:
    type: str
    cls: URIRef
    broader: tuple[URIRef, ...]
    start: URIRef
    end: URIRef
    direct: URIRef
    inverse: bool
    props: dict[str, Term]


class Vocabulary:
    """The schema's RDF names. Built from the schema and the mapping; no I/O of its own."""

    def __init__(self, schema: Schema, mapping: dict):
        self.schema = schema
        self.ns = {p: Namespace(u) for p, u in mapping["namespaces"].items()}
        self.JSG = self.ns["jsg"]
        self.base = mapping["base"]
        self.id_base = self.base + "id/"
        self.export_iri = URIRef(self.id_base + "export")
        # The one @context a JSON-LD file may name by IRI: it is never fetched, loaders/rdf_syntax.py
        # puts jsonld_context() in its place (JSON-LD 1.1 lets a context be given by reference).
        self.context_iri = self.base + "context.jsonld"
        self._mapping = mapping
        implied = mapping["implied"]
        self.id_pred = self.curie(implied["id"])
        self.sources_pred = self.curie(implied["sources"])
        self.classes: dict[str, URIRef] = {}
        self.broader: dict[str, tuple[URIRef, ...]] = {}
        self.node_terms: dict[str, dict[str, Term]] = {}
        name_spec = PropertySpec("name", "string", True, (), "The name as written (simplified Chinese).")
        for label, spec in schema.labels.items():
            m = (mapping.get("labels") or {}).get(label) or {}
            self.classes[label] = self.curie(m.get("class", f"jsg:{label}"))
            self.broader[label] = tuple(self.curie(b) for b in m.get("broader", ()))
            overrides = m.get("properties") or {}
            terms = {"name": self._term(name_spec, implied["name"])}
            for p, ps in spec.properties.items():
                terms[p] = self._term(ps, overrides.get(p, (mapping.get("properties") or {}).get(p)))
            self.node_terms[label] = terms
        self.label_of_class = {c: lab for lab, c in self.classes.items()}
        if len(self.label_of_class) != len(self.classes):
            raise SchemaError("rdf_mapping.yaml gives two labels the same class")
        defaults = mapping["relationship_defaults"]
        self.rels: dict[str, RelTerms] = {}
        for t, spec in schema.relationships.items():
            m = (mapping.get("relationships") or {}).get(t) or {}
            camel = "".join(w.capitalize() for w in t.split("_"))
            props = {p: self._term(ps, (m.get("properties") or {}).get(p, (mapping.get("properties") or {}).get(p)))
                     for p, ps in spec.properties.items()}
            self.rels[t] = RelTerms(
                t, self.curie(m.get("class", f"jsg:{camel}")),
                tuple(self.curie(b) for b in m.get("broader", defaults["broader"])),
                self.curie(m.get("from", defaults["from"])), self.curie(m.get("to", defaults["to"])),
                self.curie(m.get("direct", f"jsg:{camel[0].lower()}{camel[1:]}")), bool(m.get("inverse")), props)
        self.type_of_class = {r.cls: t for t, r in self.rels.items()}
        if len(self.type_of_class) != len(self.rels) or set(self.type_of_class) & set(self.label_of_class):
            raise SchemaError("rdf_mapping.yaml gives two labels or relationship types the same class")

    def curie(self, text: str) -> URIRef:
        prefix, _, local = str(text).partition(":")
        if prefix not in self.ns:
            raise SchemaError(f"rdf_mapping.yaml: unknown prefix in {text!r}")
        return self.ns[prefix][local]

    def _term(self, spec: PropertySpec, entry) -> Term:
        if isinstance(entry, str):
            entry = {"iri": entry}
        entry = dict(entry or {})
        camel = "".join(w.capitalize() for w in spec.name.split("_"))
        iri = self.curie(entry.get("iri", f"jsg:{camel[0].lower()}{camel[1:]}"))
        is_text = spec.type in ("string", "list[string]")
        lang = entry.get("lang", "zh") if is_text else None
        datatype = self.curie(entry["datatype"]) if entry.get("datatype") else XSD_OF[spec.type]
        return Term(spec.name, iri, spec.type, lang, datatype, spec.type == "list[string]", spec)

    def jsonld_context(self) -> dict:
        """The project's JSON-LD context: its prefixes (`jsg:`, `foaf:`, `schema:` …).

        >>> get_vocab().jsonld_context()["jsg"]
        'https://jinshang.example.org/ns#'
        """
        return {p: str(ns) for p, ns in self.ns.items()}

    def namespace_manager(self) -> NamespaceManager:
        nm = NamespaceManager(Graph(), bind_namespaces="none")
        for p, ns in self.ns.items():
            nm.bind(p, ns, override=True, replace=True)
        return nm

    # --- IRIs -----------------------------------------------------------------------------
    def node_iri(self, node_id: str) -> URIRef:
        """`county:忻州市/代县` → …/id/county/忻州市/代县; ids without a clean prefix go under `_`."""
        prefix, sep, rest = node_id.partition(":")
        if not sep or not _PREFIX.match(prefix) or prefix == "rel":
            prefix, rest = "_", node_id
        return URIRef(f"{self.id_base}{prefix}/{id_path(rest)}")

    def node_id(self, iri) -> str | None:
        """The node id an IRI of ours stands for, or None for anyone else's IRI — and for an IRI
        under our base that `node_iri` would not write (`…/project/a%2Fb` next to `…/project/a/b`,
        a raw `..`), so that one id has exactly one IRI."""
        text = str(iri)
        if not text.startswith(self.id_base):
            return None
        prefix, sep, rest = text[len(self.id_base):].partition("/")
        if not sep or prefix == "rel" or not rest:
            return None
        try:
            node_id = unquote(rest, errors="strict")
        except UnicodeDecodeError:  # `%FF`: no text of ours encodes to it
            return None
        node_id = node_id if prefix == "_" else f"{prefix}:{node_id}"
        return node_id if str(self.node_iri(node_id)) == text else None

    def rel_iri(self, rtype: str, start: str, end: str, props: dict) -> URIRef:
        """Deterministic: the same fact (type, ends, key properties) always gets the same IRI."""
        key = [rtype, start, end] + [_plain(props.get(k)) for k in self.schema.rel(rtype).key]
        digest = hashlib.sha1(json.dumps(key, ensure_ascii=False).encode("utf-8")).hexdigest()[:20]
        return URIRef(f"{self.id_base}rel/{rtype}/{digest}")

    def node_classes(self, label: str) -> list[URIRef]:
        """rdf:type values of a node: its label's class and those of its stacked labels."""
        return [self.classes[x] for x in self.schema.label(label).labels]

    def primary_label(self, classes) -> str | None:
        """The schema label a set of rdf:type values stands for (`Chamber` for Chamber+Organization)."""
        labels = [self.label_of_class[c] for c in classes if c in self.label_of_class]
        for name in labels:
            if set(labels) - {name} <= set(self.schema.label(name).also):
                return name
        return None


def _plain(v):
    return v.isoformat() if isinstance(v, date) else v


@lru_cache(maxsize=1)
def load_mapping() -> dict:
    text = resources.files("graph").joinpath("rdf_mapping.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@lru_cache(maxsize=1)
def get_vocab() -> Vocabulary:
    """The project's vocabulary, built on first use."""
    return Vocabulary(get_schema(), load_mapping())
