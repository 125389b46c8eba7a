"""The RDF vocabulary, ontology and SHACL shapes, all generated from the schema (no database)."""
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD

from graph.rdf_shapes import ontology, shapes
from graph.rdf_vocab import get_vocab, iri_escape, load_mapping
from graph.schema import get_schema

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("node_id", [
    "county:忻州市/代县", "event:2017-05-12/珠海市", "person:高山", "company:A&B 公司 (北京)",
    "project:100%#?<x>\"{|}`^\\", "chamber:𠀀商会", "no-prefix-id", "rel:looks-like-a-relationship",
    "Upper:Case", "org:名字:带冒号",
])
def test_node_ids_and_iris_round_trip_and_are_valid_iris(node_id):
    v = get_vocab()
    iri = v.node_iri(node_id)
    assert v.node_id(iri) == node_id
    # An independent, strict parser accepts the IRI in N-Triples.
    triples = list(ox.parse(f"<{iri}> <http://x/p> \"v\" .\n".encode(), format=ox.RdfFormat.N_TRIPLES))
    assert triples[0].subject.value == str(iri)


HOSTILE_IDS = ["project:../../etc", "project:..", "project:.", "project:./x", "project:a/../b", "project:/abs",
               "project:a//b/", "project:?q=1#f", "project:tab\there", "project:new\nline", "project:\u202eevil",
               "project:\u3000全角空格", "project:%2E%2E", "project:%zz", "../x", "rel:../x"]


@pytest.mark.parametrize("node_id", HOSTILE_IDS)
def test_hostile_ids_cannot_change_the_iris_structure(node_id):
    v = get_vocab()
    iri = str(v.node_iri(node_id))
    assert v.node_id(iri) == node_id
    path = iri[len(v.id_base):]
    assert not re.search(r"[?#\s\u202e\u3000]", path)                # no query, fragment, space or hidden character
    assert not [seg for seg in path.split("/") if seg in (".", "..")]   # no dot segment to climb with
    assert ox.NamedNode(iri).value == iri


def test_only_the_iri_an_id_gives_names_that_id():
    v = get_vocab()
    base = v.id_base
    for other in (base + "project/../../etc", base + "project/a%2Fb", base + "project/%E4%BB%A3",
                  base + "project/%FF", base + "county/忻州市%2F代县"):
        assert v.node_id(other) is None, other
    assert v.node_id(base + "project/a/b") == "project:a/b"


def test_chinese_stays_readable_in_iris():
    assert str(get_vocab().node_iri("county:忻州市/代县")) == "https://jinshang.example.org/id/county/忻州市/代县"
    assert iri_escape("a b") == "a%20b"


def test_relationship_iris_are_deterministic_and_tell_keyed_facts_apart():
    v = get_vocab()
    a = v.rel_iri("HOLDS_POST", "person:高山", "chamber:广东山西商会", {"title": "监事长"})
    b = v.rel_iri("HOLDS_POST", "person:高山", "chamber:广东山西商会", {"title": "副会长"})
    again = v.rel_iri("HOLDS_POST", "person:高山", "chamber:广东山西商会", {"title": "监事长", "as_of": "x"})
    assert a != b and a == again
    assert str(a).startswith("https://jinshang.example.org/id/rel/HOLDS_POST/")


def test_mapping_names_only_what_the_schema_has():
    s, m = get_schema(), load_mapping()
    assert set(m["labels"]) <= set(s.labels)
    assert set(m["relationships"]) <= set(s.relationships)
    props = {p for spec in s.labels.values() for p in spec.properties}
    props |= {p for spec in s.relationships.values() for p in spec.properties}
    assert set(m["properties"]) <= props
    for t, entry in m["relationships"].items():
        assert set(entry.get("properties", {})) <= set(s.rel(t).properties), t


def test_standard_vocabularies_are_reused():
    v = get_vocab()
    assert str(v.classes["Person"]) == "http://xmlns.com/foaf/0.1/Person"
    assert str(v.classes["Organization"]) == "http://www.w3.org/ns/org#Organization"
    assert str(v.classes["Event"]) == "https://schema.org/Event"
    assert str(v.classes["City"]) == "https://schema.org/City"
    assert str(v.node_terms["Event"]["date"].iri) == "https://schema.org/startDate"
    assert str(v.node_terms["Event"]["end_date"].iri) == "https://schema.org/endDate"
    assert str(v.node_terms["Person"]["name"].iri) == "http://xmlns.com/foaf/0.1/name"
    assert str(v.sources_pred) == "http://www.w3.org/ns/prov#wasDerivedFrom"
    assert str(v.rels["HOLDS_POST"].start) == "http://www.w3.org/ns/org#member"
    assert str(v.rels["HELD_IN"].direct) == "https://schema.org/location"
    assert v.node_terms["County"]["name_en"].lang == "en" and v.node_terms["County"]["name"].lang == "zh"


def test_ontology_and_shapes_parse_with_an_independent_parser():
    for g in (ontology(), shapes()):
        text = g.serialize(format="turtle")
        assert len(list(ox.parse(text.encode(), format=ox.RdfFormat.TURTLE))) == len(g)
        assert len(Graph().parse(data=text, format="turtle")) == len(g)


def test_ontology_declares_project_classes_and_stacks_labels():
    g, v = ontology(), get_vocab()
    assert (v.classes["Chamber"], RDF.type, OWL.Class) in g
    assert (v.classes["Chamber"], RDFS.subClassOf, v.classes["Organization"]) in g
    # other vocabularies' terms are reused, never redefined
    assert (v.classes["Person"], RDF.type, OWL.Class) not in g
    labelled = {str(o) for o in g.objects(None, v.JSG.neo4jLabel)}
    typed = {str(o) for o in g.objects(None, v.JSG.neo4jType)}
    assert labelled == set(get_schema().labels) and typed == set(get_schema().relationships)


def _shape_of(g, target):
    return g.value(None, SH.targetClass, target)


def _prop(g, shape, path):
    for p in g.objects(shape, SH.property):
        if g.value(p, SH.path) == path:
            return p
    return None


def test_shapes_cover_every_label_and_relationship_type():
    g, v, s = shapes(), get_vocab(), get_schema()
    targets = set(g.objects(None, SH.targetClass))
    assert targets == set(v.classes.values()) | {r.cls for r in v.rels.values()}
    for label, spec in s.labels.items():
        shape = _shape_of(g, v.classes[label])
        for name, ps in spec.properties.items():
            p = _prop(g, shape, v.node_terms[label][name].iri)
            assert p is not None, (label, name)
            assert (g.value(p, SH.minCount) == Literal(1)) == ps.required, (label, name)


def test_shape_constraints_follow_the_schema_types():
    g, v = shapes(), get_vocab()
    event = _shape_of(g, v.classes["Event"])
    date = _prop(g, event, v.node_terms["Event"]["date"].iri)
    assert g.value(date, SH.datatype) == XSD.date and g.value(date, SH.minCount) == Literal(1)
    assert g.value(_prop(g, event, v.node_terms["Event"]["signed_total_yi"].iri), SH.datatype) == XSD.double
    assert g.value(_prop(g, event, v.node_terms["Event"]["signed_count"].iri), SH.datatype) == XSD.integer
    company = _shape_of(g, v.classes["Company"])
    assert g.value(_prop(g, company, v.node_terms["Company"]["fortune500"].iri), SH.datatype) == XSD.boolean
    aliases = _prop(g, company, v.node_terms["Company"]["aliases"].iri)
    assert g.value(aliases, SH.maxCount) is None  # a list: repeated values
    county = _shape_of(g, v.classes["County"])
    kinds = g.value(_prop(g, county, v.node_terms["County"]["kind"].iri), SH["in"])
    from rdflib.collection import Collection
    assert [str(x) for x in Collection(g, kinds)] == ["区", "市", "县", "开发区", "风景区"]
    posts = _shape_of(g, v.rels["HOLDS_POST"].cls)
    to = _prop(g, posts, v.rels["HOLDS_POST"].end)
    alternatives = Collection(g, g.value(to, SH["or"]))
    assert {g.value(a, SH["class"]) for a in alternatives} == {v.classes[x] for x in ("Chamber", "Company", "Organization")}
    assert g.value(_prop(g, posts, v.rels["HOLDS_POST"].props["title"].iri), SH.minCount) == Literal(1)


def test_docs_mention_only_schema_labels_and_types():
    # docs/rdf.md is merged into the README, which tests/unit/test_schema.py checks the same way.
    text = (ROOT / "docs" / "rdf.md").read_text(encoding="utf-8")
    labels = set(re.findall(r"[(\s\w]:([A-Z][a-z]\w*)", text))
    types = set(re.findall(r"\[\w*:([A-Z_]{3,})", text))
    assert labels <= set(get_schema().labels), labels - set(get_schema().labels)
    assert types <= set(get_schema().relationships)
