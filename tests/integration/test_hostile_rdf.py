"""Hostile RDF, through the real `jinshang load` into the real Neo4j: one table, one row per case.

A refused case must print one line naming the file, the line where the syntax has one, the field
or predicate, the value and the reason; exit non-zero; leave the database snapshot unchanged; and
make no request to the local HTTP server that hostile contexts point at. An accepted case must
load what the file says. The files are built from an export of a small dataset of our own (so they
are valid to begin with), then spoiled one way each.
"""
from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

import pytest

from graph.exporters import export
from graph.rdf_vocab import get_vocab
from graph.reader import snapshot
from graph.records import Dataset, EdgeRecord, NodeRecord
from graph.writer import Neo4jWriter
from loaders.bundled import bundled_catalog
from tests.conftest import wipe

V = get_vocab()
SRC = "source:敌意测试来源"
HOSTILE_IDS = ["project:../../etc", "project:./当前", "project:a/../b?c=1#frag", "project:空 格　全角"]
FORMULA_NAME = '=HYPERLINK("http://127.0.0.1:9/x","点击")'


def _dataset() -> Dataset:
    ds = Dataset()
    ds.add_node(NodeRecord("Source", SRC, {"name": "敌意测试来源", "title": "自拟的测试数据", "synthetic": False}, (SRC,)))
    ds.add_node(NodeRecord("Company", "company:敌意能源", {"name": "敌意能源", "aliases": ["-3.5", "@SUM(A1)"]}, (SRC,)))
    ds.add_node(NodeRecord("Person", "person:赵敌意", {"name": "赵敌意"}, (SRC,)))
    ds.add_edge(EdgeRecord("HOLDS_POST", "person:赵敌意", "company:敌意能源", {"title": "+董事长"}, (SRC,)))
    for pid in HOSTILE_IDS:
        ds.add_node(NodeRecord("Project", pid, {"name": pid.split(":", 1)[1], "amount_yi": 3.5}, (SRC,)))
        ds.add_edge(EdgeRecord("INVESTS_IN", "company:敌意能源", pid, {}, (SRC,)))
    return ds


class _Counter(BaseHTTPRequestHandler):
    hits: list = []

    def do_GET(self):  # a valid context, so that a fetch would succeed and be visible
        type(self).hits.append(self.path)
        body = json.dumps({"@context": {"jsg": "https://jinshang.example.org/ns#"}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/ld+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def web():
    """A local HTTP server on 127.0.0.1 that counts requests; shut down with the module."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    server.timeout = 1
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> dict:
    """The dataset exported as Turtle, N-Triples and JSON-LD text."""
    out = tmp_path_factory.mktemp("base")
    return {fmt: export(_dataset(), "neo4j", fmt, out / f"g.{fmt}").path.read_text(encoding="utf-8")
            for fmt in ("ttl", "nt", "jsonld")}


@pytest.fixture(scope="module")
def db(driver, neo4j_server):
    """The bundled dataset, written once for the module; each case checks its own before/after."""
    name = neo4j_server.neo4j_database
    wipe(driver, name)
    Neo4jWriter(driver, name).write(bundled_catalog())
    return driver, name


# --- the files ----------------------------------------------------------------------------------

def iri(node_id: str) -> str:
    return str(V.node_iri(node_id))


def ld(base: dict, context) -> str:
    """The JSON-LD export wrapped in a document with the given @context."""
    return json.dumps({"@context": context, "@graph": json.loads(base["jsonld"])}, ensure_ascii=False, indent=1)


def compact(context) -> str:
    """A hand-written compact JSON-LD document: one Source and one Company named by prefixes."""
    src = {"@id": iri(SRC), "@type": "jsg:Source", "schema:identifier": SRC,
           "foaf:name": {"@value": "敌意测试来源", "@language": "zh"},
           "schema:headline": {"@value": "自拟的测试数据", "@language": "zh"}, "jsg:synthetic": False,
           "prov:wasDerivedFrom": {"@id": iri(SRC)}}
    co = {"@id": iri("company:上下文公司"), "@type": "jsg:Company", "schema:identifier": "company:上下文公司",
          "foaf:name": {"@value": "上下文公司", "@language": "zh"}, "prov:wasDerivedFrom": {"@id": iri(SRC)}}
    return json.dumps({"@context": context, "@graph": [src, co]}, ensure_ascii=False, indent=1)


def ttl_plus(base: dict, extra: str) -> str:
    return base["ttl"] + "\n" + extra + "\n"


def ttl_line(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


@dataclass
class Case:
    name: str
    file: str                                   # file name, in a fresh directory per case
    make: Callable[[dict, str, Path], str | bytes]   # (base texts, web root, directory) → content
    parts: tuple | Callable = ()                # refused: parts of the one error line (callables get the text)
    check: Callable | None = None               # accepted: (driver, database, path) → asserts


def _names(driver, database, ids):
    with driver.session(database=database) as s:
        rows = s.run("MATCH (n) WHERE n.id IN $ids RETURN n.id AS id, n.name AS name", ids=list(ids))
        return {r["id"]: r["name"] for r in rows}


def _loaded(*ids):
    def check(driver, database, path):
        assert set(_names(driver, database, ids)) == set(ids)
    return check


def _hostile_ids_round_trip(driver, database, path):
    ours = re.findall(r"<(https://jinshang\.example\.org/id/[^>]*)>", path.read_text(encoding="utf-8"))
    assert str(V.node_iri("project:../../etc")).endswith("/id/project/%2E%2E/%2E%2E/etc")
    assert ours and not [i for i in ours if re.search(r"[?#\s]|/\.\.?(/|$)", i)]  # no query, fragment, dot segment
    names = _names(driver, database, HOSTILE_IDS)
    assert names == {pid: pid.split(":", 1)[1] for pid in HOSTILE_IDS}


CONTEXT_REFUSED = "nothing was fetched or opened"
BIG = "长" * 3000

CASES = [
    # JSON-LD contexts: nothing but the file is read
    Case("remote @context", "remote.jsonld", lambda b, w, d: ld(b, f"{w}/ctx.jsonld"),
         ("remote.jsonld", "line 2", "field '@context'", "/ctx.jsonld", CONTEXT_REFUSED)),
    Case("file:///etc/passwd as @context", "passwd.jsonld", lambda b, w, d: ld(b, "file:///etc/passwd"),
         ("passwd.jsonld", "field '@context'", "'file:///etc/passwd'", CONTEXT_REFUSED)),
    Case("an existing local file as @context", "local.jsonld",
         lambda b, w, d: (d / "ctx.jsonld").write_text('{"@context": {}}') and ld(b, (d / "ctx.jsonld").as_uri()),
         ("local.jsonld", "field '@context'", "ctx.jsonld", CONTEXT_REFUSED)),
    Case("a relative @context beside the file", "relative.jsonld",
         lambda b, w, d: (d / "ctx.jsonld").write_text('{"@context": {}}') and ld(b, "ctx.jsonld"),
         ("relative.jsonld", "field '@context'", "value 'ctx.jsonld'", CONTEXT_REFUSED)),
    Case("@context array: inline, then remote", "array.jsonld",
         lambda b, w, d: ld(b, [{"jsg": str(V.JSG)}, f"{w}/second.jsonld"]),
         ("array.jsonld", "field '@context'", "/second.jsonld", CONTEXT_REFUSED)),
    Case("@import in an inline context", "import.jsonld",
         lambda b, w, d: ld(b, {"@version": 1.1, "@import": f"{w}/imported.jsonld"}),
         ("import.jsonld", "field '@import'", "/imported.jsonld", "@import is not accepted")),
    Case("a remote @context nested in a node object", "nested.jsonld",
         lambda b, w, d: json.dumps([{**json.loads(b["jsonld"])[0], "@context": f"{w}/nested.jsonld"}]),
         ("nested.jsonld", "field '@context'", "/nested.jsonld", CONTEXT_REFUSED)),
    Case("a remote scoped context in a term definition", "scoped.jsonld",
         lambda b, w, d: ld(b, {"@version": 1.1, "x": {"@id": "https://x/p", "@context": f"{w}/scoped.jsonld"}}),
         ("scoped.jsonld", "field '@context'", "/scoped.jsonld", CONTEXT_REFUSED)),
    Case("@base on the web and a relative @context", "based.jsonld",
         lambda b, w, d: json.dumps({"@context": [{"@base": f"{w}/"}, "ctx"], "@graph": json.loads(b["jsonld"])}),
         ("based.jsonld", "field '@context'", "value 'ctx'", CONTEXT_REFUSED)),
    Case("JSON syntax error", "broken.jsonld", lambda b, w, d: b["jsonld"][:-4],
         ("broken.jsonld", "not valid JSON-LD", "Expecting")),
    Case("an inline context is read", "inline.jsonld",
         lambda b, w, d: compact(V.jsonld_context()), check=_loaded("company:上下文公司")),
    Case("the project's own context IRI is read, not fetched", "own.jsonld",
         lambda b, w, d: compact(V.context_iri), check=_loaded("company:上下文公司")),
    # syntax errors: line and the parser's reason
    Case("Turtle: a statement without its end", "syntax.ttl",
         lambda b, w, d: b["ttl"].replace('foaf:name "赵敌意"@zh ;', 'foaf:name "赵敌意"@zh', 1),
         lambda text: ("syntax.ttl", "line %d" % (ttl_line(text, '"赵敌意"@zh') + 1), "not valid Turtle",
                       "A dot is expected at the end of statements (column 5)")),
    Case("Turtle: an undeclared prefix", "prefix.ttl", lambda b, w, d: ttl_plus(b, "<https://x/a> nope:p 1 ."),
         lambda text: ("prefix.ttl", f"line {len(text.splitlines())}", "not valid Turtle",
                       "The prefix nope: has not been declared")),
    Case("Turtle: a space inside an IRI", "space.ttl", lambda b, w, d: ttl_plus(b, "<https://x/a b> <https://x/p> 1 ."),
         lambda text: ("space.ttl", f"line {len(text.splitlines())}", "not valid Turtle", "Invalid IRI code point ' '")),
    Case("N-Triples: a bad escape", "escape.nt",
         lambda b, w, d: b["nt"] + f'<{iri("person:赵敌意")}> <https://x/p> "bad \\q escape" .\n',
         lambda text: ("escape.nt", f"line {len(text.splitlines())}", "not valid N-Triples",
                       "Unexpected escape character '\\q'")),
    Case("N-Triples: bytes that are not UTF-8", "latin.nt",
         lambda b, w, d: b["nt"].encode() + f'<{iri("person:赵敌意")}> <https://x/p> "'.encode() + b'\xe9t\xe9" .\n',
         lambda text: ("latin.nt", f"line {len(text.splitlines())}", "not UTF-8 text")),
    # content: nothing dropped silently
    Case("an unknown predicate in the project namespace", "jsg.ttl",
         lambda b, w, d: ttl_plus(b, f'<{iri("person:赵敌意")}> jsg:favouriteColour "红"@zh .'),
         ("jsg.ttl", "node person:赵敌意", "field 'jsg:favouriteColour'", "value '红'", "unknown predicate for a Person")),
    Case("a predicate from outside the vocabulary", "foreign.ttl",
         lambda b, w, d: ttl_plus(b, f'<{iri("company:敌意能源")}> <http://example.org/secret> "x" .'),
         ("foreign.ttl", "node company:敌意能源", "http://example.org/secret", "unknown predicate for a Company")),
    Case("a misspelt class", "class.ttl",
         lambda b, w, d: ttl_plus(b, f'<{iri("person:钱")}> a jsg:Persn ; schema:identifier "person:钱" .'),
         ("class.ttl", "node person:钱", "field 'rdf:type'", "jsg:Persn", "no node, relationship or export class")),
    Case("a shortcut triple with no relationship resource", "shortcut.ttl",
         lambda b, w, d: ttl_plus(b, f'<{iri("person:赵敌意")}> jsg:investsIn <{iri("project:./当前")}> .'),
         ("shortcut.ttl", "node person:赵敌意", "field 'jsg:investsIn'", "value 'project:./当前'", "shortcut triple")),
    Case("a wrong datatype", "datatype.ttl",
         lambda b, w, d: b["ttl"].replace('"3.5"^^xsd:double', '"三点五"^^xsd:double', 1),
         ("datatype.ttl", "field 'amount_yi'", "三点五", "expected a float")),
    Case("a node IRI outside the project's base", "outside.ttl",
         lambda b, w, d: b["ttl"].replace(f'<{iri("person:赵敌意")}>', "<file:///etc/passwd>"),
         ("outside.ttl", "node person:赵敌意", "field 'id'", "file:///etc/passwd", "IRI outside the project's base")),
    Case("a raw `..` in a node IRI", "dots.ttl",
         lambda b, w, d: b["ttl"].replace("%2E%2E/%2E%2E/etc", "../../etc"),
         ("dots.ttl", "node project:../../etc", "field 'id'", "/id/project/../../etc", "the IRI and the id disagree")),
    Case("a blank-node subject", "blank.ttl",
         lambda b, w, d: b["ttl"].replace(f'<{iri("person:赵敌意")}>\n', "_:someone\n", 1).replace(
             f'jsg:from <{iri("person:赵敌意")}>', "jsg:from _:someone"),
         ("blank.ttl", "node person:赵敌意", "must be a resource (an IRI), not a blank node")),
    Case("a huge literal", "huge.ttl", lambda b, w, d: b["ttl"].replace('"赵敌意"@zh', f'"{BIG}"@zh', 1),
         ("huge.ttl", "node person:赵敌意", "field 'name'", "长" * 60 + "…", "text longer than 2,000 characters")),
    Case("a terminal escape in a name", "ansi.nt",
         lambda b, w, d: b["nt"].replace('"赵敌意"@zh', '"\\u001B[31m赵敌意"@zh', 1),
         ("ansi.nt", "node person:赵敌意", "field 'name'", "\\x1b[31m", "control character")),
    # accepted: hostile ids are only data, and come back exactly
    Case("ids with `../`, `?`, `#`, spaces and full-width spaces round-trip (a tab is refused by the record limits)", "ids.ttl", lambda b, w, d: b["ttl"],
         check=_hostile_ids_round_trip),
    Case("the same through N-Triples", "ids.nt", lambda b, w, d: b["nt"], check=_hostile_ids_round_trip),
]


def _error_line(err: str, parts) -> str:
    """The one `error:` line, and no traceback; returns the line that names every part."""
    assert "Traceback" not in err, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines and lines[0].startswith("error:"), err
    hits = [line for line in lines if all(str(p) in line for p in parts)]
    assert hits, f"no single line names all of {parts!r}:\n{err}"
    return hits[0]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_rdf(case, db, web, base, cli, tmp_path):
    driver, database = db
    content = case.make(base, web, tmp_path)
    path = tmp_path / case.file
    (path.write_bytes if isinstance(content, bytes) else lambda t: path.write_text(t, encoding="utf-8"))(content)
    before, hits = snapshot(driver, database), len(_Counter.hits)
    code, out, err = cli("load", path)
    assert len(_Counter.hits) == hits, f"fetched {_Counter.hits[hits:]}"
    if case.check is not None:
        assert code == 0, err
        case.check(driver, database, path)
        return
    assert code != 0, out
    text = content.decode("utf-8", "replace") if isinstance(content, bytes) else content
    parts = case.parts(text) if callable(case.parts) else case.parts
    _error_line(err, (str(path), *parts[1:]))
    assert snapshot(driver, database) == before


def test_the_refusal_does_not_say_whether_the_target_exists(db, cli, tmp_path, base):
    """An existing and a missing file as @context give the same words; neither is opened."""
    (tmp_path / "here.json").write_text('{"@context": {}}', encoding="utf-8")
    errors = []
    for target in ("here.json", "gone.json"):  # the same length: a long path is shortened alike
        path = tmp_path / "probe.jsonld"
        path.write_text(ld(base, (tmp_path / target).as_uri()), encoding="utf-8")
        code, out, err = cli("load", path)
        assert code != 0
        errors.append(_error_line(err, (str(path),)).replace(target, "TARGET"))
    assert errors[0] == errors[1]


def test_rdflibs_context_loader_is_switched_off_while_parsing(web, tmp_path):
    """The second guard alone: rdflib handed a remote context directly still fetches nothing."""
    from rdflib import Graph

    from graph.errors import ValidationError
    from loaders.rdf_syntax import _no_fetching

    hits = len(_Counter.hits)
    doc = json.dumps({"@context": f"{web}/direct.jsonld", "@id": "https://x/a", "https://x/p": "v"})
    with pytest.raises(ValidationError, match="field '@context'.*direct.jsonld.*nothing was fetched or opened"):
        with _no_fetching(tmp_path / "direct.jsonld", V):
            Graph().parse(data=doc, format="json-ld")
    assert len(_Counter.hits) == hits
    assert len(Graph().parse(data=doc, format="json-ld")) == 1 and len(_Counter.hits) == hits + 1  # the server works


def test_formula_values_are_defused_in_query_csv_and_kept_exact_for_neo4j_admin(db, cli, tmp_path, base):
    driver, database = db
    ds = Dataset()
    ds.extend(_dataset())
    ds.add_node(NodeRecord("Company", "company:公式公司", {"name": FORMULA_NAME, "aliases": ["+86 10", "-1", "@A1"]},
                           (SRC,)))
    path = export(ds, "neo4j", "ttl", tmp_path / "formula.ttl").path
    code, out, err = cli("load", path)
    assert code == 0, err
    code, out, err = cli("cypher", "MATCH (c:Company {id: $id}) RETURN c.name AS name, c.aliases[0] AS first, "
                         "c.aliases[1] AS second, -3.5 AS n, '\tTAB' AS tab", "-p", "id=company:公式公司", "-f", "csv")
    assert code == 0, err
    assert out.splitlines() == ["name,first,second,n,tab",
                                '"\'=HYPERLINK(""http://127.0.0.1:9/x"",""点击"")",' + "\"'+86 10\",\"'-1\",-3.5,\"'\tTAB\""]
    code, out, err = cli("query", "run", "people_posts", "-p", "person=赵敌意", "--format", "csv")
    assert code == 0, err
    assert out.splitlines()[1] == "赵敌意,\"'+董事长\",敌意能源,Company,,\"[\"\"source:敌意测试来源\"\"]\""
    code, out, err = cli("export", "-f", "csv", "-o", tmp_path / "csv")
    assert code == 0, err
    nodes = (tmp_path / "csv" / "nodes.csv").read_text(encoding="utf-8")
    assert '"=HYPERLINK(""http://127.0.0.1:9/x"",""点击"")"' in nodes  # exact, as neo4j-admin needs it
    note = next(line for line in out.splitlines() if "kept exact for neo4j-admin import" in line)
    assert "do not open these files in Excel or WPS" in note
