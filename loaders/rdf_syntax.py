"""Reading an RDF file (Turtle, N-Triples, JSON-LD) into an rdflib Graph without reaching outside it.

Loading never fetches or opens anything but the file the user named. Turtle and N-Triples have
nothing to fetch. JSON-LD does: a `@context` (or `@import`) given as a URL, a file path or a
relative reference would be fetched by rdflib. So the JSON is walked before parsing, and only
inline contexts and the project's own context IRI (`Vocabulary.context_iri`, put in place from
the vocabulary, never fetched) are accepted; anything else is refused with one message that does
not depend on whether the target exists. As a second guard, rdflib's one loading hook
(`Context._fetch_context`) refuses while a file is parsed.

A syntax error is one Problem: file, line, and the parser's own reason. Turtle and N-Triples
are checked first by Oxigraph's strict parser (already a dependency), which gives both.

>>> parse(Path("out/graph.ttl"))                                     # doctest: +SKIP
<Graph identifier=... (<class 'rdflib.graph.Graph'>)>
"""
from __future__ import annotations

import json
import re
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from rdflib.plugins.parsers.notation3 import BadSyntax
from rdflib.plugins.shared.jsonld.context import Context

from graph.errors import Problem, ValidationError
from graph.rdf_vocab import Vocabulary, get_vocab

FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld"}
NAMES = {"turtle": "Turtle", "nt": "N-Triples", "json-ld": "JSON-LD"}
STRICT = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}
# "Parser error at line 4 between columns 2 and 15: …", "… at line 3 column 1: …",
# "… between line 1 column 29 and line 2 column 1: …", each ending in " (line N)"
_OX_ERROR = re.compile(r"Parser error (?:at|between) line \d+ (?:between columns|column) (?P<col>\d+)[^:]*: "
                       r"(?P<why>.*?)(?: \(line \d+\))?$", re.S)


def parse(path: Path, vocab: Vocabulary | None = None) -> Graph:
    """The file's triples; ValidationError (one problem) when it cannot be read or parsed."""
    path = Path(path)
    vocab = vocab or get_vocab()
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValidationError([Problem(str(path), None, None, path.suffix, "not an RDF file (.ttl, .nt, .jsonld)")])
    text = _read_text(path)
    base = path.resolve().as_uri()  # relative IRIs become file: IRIs — names only, never opened
    g = Graph()
    if fmt == "json-ld":
        doc = _contained_jsonld(path, text, vocab)
        with _no_fetching(path, vocab):
            _parse_or_explain(g, path, json.dumps(doc, ensure_ascii=False), fmt, base)
    else:
        _parse_or_explain(g, path, text, fmt, base)
    return g


def _problem(path: Path, line, field, value, reason: str) -> ValidationError:
    return ValidationError([Problem(str(path), line, field, value, reason, "line")])


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _problem(path, None, None, None, f"无法读取 / cannot read: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise _problem(path, line, None, None, "不是 UTF-8 文本 / not UTF-8 text") from None


def _parse_or_explain(g: Graph, path: Path, text: str, fmt: str, base: str) -> None:
    if fmt in STRICT:
        _check_syntax(path, text, fmt, base)
    try:
        g.parse(data=text, format=fmt, publicID=base)
    except ValidationError:
        raise
    except BadSyntax as exc:  # Turtle: rdflib counts lines from 0, its message puts the reason second
        raise _problem(path, exc.lines + 1, None, None, f"not valid {NAMES[fmt]}: {exc._why}") from None
    except RecursionError:
        raise _problem(path, None, None, None, f"not valid {NAMES[fmt]}: nested too deeply") from None
    except Exception as exc:  # rdflib raises many unrelated types for bad syntax
        # rdflib's N-Triples error replaces the one that said why: show that one
        inner = exc.__context__ if exc.__context__ is not None else exc
        raise _problem(path, None, None, None, f"not valid {NAMES[fmt]}: {_first_line(inner)[:200]}") from None


def _check_syntax(path: Path, text: str, fmt: str, base: str) -> None:
    """Oxigraph's parser first: it follows the grammar strictly (rdflib takes `\\q` in a string, or
    a space in an IRI) and says where and why, e.g. "A dot is expected at the end of statements"."""
    try:
        for _ in ox.parse(text.encode("utf-8"), format=STRICT[fmt], base_iri=base, without_named_graphs=True):
            pass
    except SyntaxError as exc:
        m = _OX_ERROR.match(str(exc))
        reason = f"{m['why']} (column {m['col']})" if m else _first_line(exc)
        raise _problem(path, exc.lineno, None, None, f"not valid {NAMES[fmt]}: {reason}") from None


def _first_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split("\n")[:1]).strip()
    return text or type(exc).__name__


# --- JSON-LD: contexts ------------------------------------------------------------------------

def _refused(path: Path, text: str, key: str, value, vocab: Vocabulary) -> ValidationError:
    # The same words whatever the value points at: nothing is looked up, so nothing is revealed.
    reason = (f"只接受内联上下文或本项目的上下文 {vocab.context_iri}，未访问任何文件或网址 / only an inline "
              f"context or the project's own ({vocab.context_iri}) is accepted; nothing was fetched or opened")
    if key == "@import":
        reason = ("不接受 @import，请把上下文写在文件内 / @import is not accepted (it would fetch a context); "
                  "write the context inline")
    return _problem(path, _line_of(text, value), key, value if isinstance(value, str) else json.dumps(value),
                    reason)


def _line_of(text: str, value) -> int | None:
    """The line where a refused value is first written, when it can be found in the text."""
    if not isinstance(value, str):
        return None
    for form in (json.dumps(value, ensure_ascii=False), json.dumps(value)):
        at = text.find(form)
        if at >= 0:
            return text.count("\n", 0, at) + 1
    return None


def _contained_jsonld(path: Path, text: str, vocab: Vocabulary):
    """The JSON document with every @context checked (anywhere: top level, node objects, scoped
    contexts in term definitions) and the project's context IRI replaced by its content."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _problem(path, exc.lineno, None, None, f"not valid JSON-LD: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise _problem(path, None, None, None, "not valid JSON-LD: nested too deeply") from None

    def one(value):  # an item of a context array: null, a map, or a reference
        if value is None or isinstance(value, dict):
            return value
        if isinstance(value, str) and value == vocab.context_iri:
            return vocab.jsonld_context()
        raise _refused(path, text, "@context", value, vocab)

    def context(value):
        return [one(v) for v in value] if isinstance(value, list) else one(value)

    stack = [doc]  # iterative: a document deep enough for json.loads is not too deep for this walk
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            if "@import" in item:
                raise _refused(path, text, "@import", item["@import"], vocab)
            if "@context" in item:
                item["@context"] = context(item["@context"])
            stack.extend(item.values())
    return doc


@contextmanager
def _no_fetching(path: Path, vocab: Vocabulary):
    """While parsing, rdflib's context loader refuses instead of fetching (the walk above should
    leave it nothing to fetch; this holds if rdflib finds a way we did not foresee)."""
    original = Context._fetch_context

    def refuse(self, source, base, referenced_contexts):
        raise _refused(path, "", "@context", source, vocab)

    Context._fetch_context = refuse
    try:
        yield
    finally:
        Context._fetch_context = original


__all__ = ["parse", "FORMATS"]
