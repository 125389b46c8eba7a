"""Every export format from an in-memory Dataset (the same writers the Neo4j export streams into):
RDF round trips exactly, conforms to the shapes and parses with pyoxigraph; GraphML/GEXF read back
with NetworkX; CSV has neo4j-admin headers; synthetic data is marked everywhere."""
import copy
import csv
import io
import zipfile
from datetime import date
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pyshacl
import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic

from graph.errors import ValidationError
from graph.exporters import export
from graph.rdf_shapes import shapes
from graph.rdf_vocab import get_vocab
from graph.records import Dataset, EdgeRecord, NodeRecord
from loaders.bundled import bundled_catalog
from loaders.dispatch import load_path
from loaders.rdf import load_rdf

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "rdf"
RDF_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}
SYN = "source:演示台账"


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    """The bundled dataset plus a synthetic source and facts drawn from it."""
    ds = Dataset()
    ds.extend(bundled_catalog())
    ds.add_node(NodeRecord("Source", SYN, {"name": "演示台账", "title": "演示用的生成数据", "synthetic": True,
                                            "kind": "generated", "date": date(2024, 1, 2)}, (SYN,)))
    ds.add_node(NodeRecord("Company", "company:演示能源有限公司",
                           {"name": "演示能源有限公司", "aliases": ["演示能源", "Demo Energy Ltd"], "fortune500": False,
                            "central_soe": True, "name_en": "Demo Energy"}, (SYN,)))
    ds.add_node(NodeRecord("Project", "project:演示光伏电站",
                           {"name": "演示光伏电站", "amount_yi": 12.5, "stage": "签约", "signed_on": date(2017, 5, 12),
                            "new_industry": True}, (SYN,)))
    ds.add_edge(EdgeRecord("INVESTS_IN", "company:演示能源有限公司", "project:演示光伏电站", {}, (SYN,)))
    ds.add_edge(EdgeRecord("LOCATED_IN", "project:演示光伏电站", "county:忻州市/代县", {}, (SYN,)))
    return ds


def _canon(ds: Dataset):
    def props(p):
        return sorted((k, sorted(v) if isinstance(v, list) else v) for k, v in p.items())
    nodes = sorted((n.id, n.label, props(n.props), sorted(n.sources)) for n in ds.nodes.values())
    edges = sorted((k, props(e.props), sorted(e.sources)) for k, e in ds.edges.items())
    return nodes, edges


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_rdf_round_trip_is_exact(dataset, tmp_path, fmt):
    path = tmp_path / f"graph.{fmt}"
    summary = export(dataset, "neo4j", fmt, path)
    assert (summary.nodes, summary.relationships) == (len(dataset.nodes), len(dataset.edges))
    loaded = load_path(path)  # the dispatcher picks loaders.rdf by suffix
    assert _canon(loaded) == _canon(dataset)
    again = tmp_path / f"again.{fmt}"
    export(loaded, "neo4j", fmt, again)
    fmt_name = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}[fmt]
    assert isomorphic(Graph().parse(path, format=fmt_name), Graph().parse(again, format=fmt_name))
    assert path.read_bytes() == again.read_bytes()  # deterministic, byte for byte


def test_values_keep_their_types(dataset, tmp_path):
    loaded = load_rdf(export(dataset, "neo4j", "ttl", tmp_path / "g.ttl").path)
    project = loaded.nodes["project:演示光伏电站"].props
    assert project["signed_on"] == date(2017, 5, 12) and project["amount_yi"] == 12.5
    assert project["new_industry"] is True
    assert loaded.nodes["company:演示能源有限公司"].props["aliases"] == ["Demo Energy Ltd", "演示能源"]
    assert loaded.nodes["event:2017-05-12/珠海市"].props["signed_count"] == 47
    assert loaded.nodes["chamber:广东山西商会"].label == "Chamber"
    posts = {e.props["title"]: e.props.get("as_of") for e in loaded.edges.values()
             if e.type == "HOLDS_POST" and e.start == "person:高山"}
    assert posts == {"监事长": date(2017, 5, 12), "副会长": date(2017, 6, 15)}


def test_literals_are_tagged_and_typed(dataset, tmp_path):
    g = Graph().parse(export(dataset, "neo4j", "ttl", tmp_path / "g.ttl").path, format="turtle")
    v = get_vocab()
    daixian = v.node_iri("county:忻州市/代县")
    assert Literal("代县", lang="zh") in set(g.objects(daixian, v.node_terms["County"]["name"].iri))
    assert set(g.objects(daixian, v.node_terms["County"]["name_en"].iri)) == {Literal("Dai County", lang="en")}
    event = v.node_iri("event:2017-05-12/珠海市")
    assert g.value(event, v.node_terms["Event"]["date"].iri).datatype == Literal(date(2017, 5, 12)).datatype
    assert str(g.value(event, v.node_terms["Event"]["signed_total_yi"].iri).datatype).endswith("#double")


def test_export_conforms_to_the_generated_shapes(dataset, tmp_path):
    g = Graph().parse(export(dataset, "neo4j", "ttl", tmp_path / "g.ttl").path, format="turtle")
    conforms, _, text = pyshacl.validate(g, shacl_graph=shapes())
    assert conforms, text


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_pyoxigraph_parses_every_rdf_format(dataset, tmp_path, fmt):
    path = export(dataset, "neo4j", fmt, tmp_path / f"g.{fmt}").path
    quads = set(ox.parse(path=str(path), format=RDF_FORMATS[fmt]))
    rdflib_count = len(Graph().parse(path, format={"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}[fmt]))
    assert len(quads) == rdflib_count > 1500
    names = {q.object.value for q in quads if q.predicate.value == "http://xmlns.com/foaf/0.1/name"}
    assert "忻州市" in names and "演示光伏电站" in names


def test_synthetic_data_is_marked_in_every_format(dataset, tmp_path):
    v = get_vocab()
    for fmt in RDF_FORMATS:
        path = export(dataset, "neo4j", fmt, tmp_path / f"g.{fmt}").path
        g = Graph().parse(path, format={"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}[fmt])
        assert g.value(v.export_iri, v.JSG.containsSyntheticData) == Literal(True)
        assert set(g.objects(v.export_iri, v.JSG.syntheticSource)) == {v.node_iri(SYN)}
        if fmt != "jsonld":
            assert "CONTAINS SYNTHETIC" in path.read_text(encoding="utf-8").splitlines()[1]
    G = nx.read_graphml(export(dataset, "neo4j", "graphml", tmp_path / "g.graphml").path)
    assert G.graph["synthetic_data"] is True and G.graph["synthetic_sources"] == SYN
    assert G.nodes["project:演示光伏电站"]["synthetic"] is True and G.nodes["city:忻州市"]["synthetic"] is False
    gexf = export(dataset, "neo4j", "gexf", tmp_path / "g.gexf").path.read_text(encoding="utf-8")
    assert "<description>CONTAINS SYNTHETIC (generated) DATA from: source:演示台账</description>" in gexf
    assert nx.read_gexf(tmp_path / "g.gexf").nodes["company:演示能源有限公司"]["synthetic"] is True
    export(dataset, "neo4j", "csv", tmp_path / "csv")
    rows = {r["id:ID"]: r for r in csv.DictReader(open(tmp_path / "csv" / "nodes.csv", encoding="utf-8"))}
    assert rows["project:演示光伏电站"]["synthetic_data:IGNORE"] == "true"
    assert rows["city:忻州市"]["synthetic_data:IGNORE"] == "false"
    assert rows[SYN]["synthetic:boolean"] == "true"


def test_real_only_exports_say_so(tmp_path):
    v = get_vocab()
    path = export(bundled_catalog(), "neo4j", "nt", tmp_path / "g.nt").path
    assert "contains no synthetic data" in path.read_text(encoding="utf-8")
    g = Graph().parse(path, format="nt")
    assert g.value(v.export_iri, v.JSG.containsSyntheticData) == Literal(False)


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_gephi_formats_read_back_with_networkx(dataset, tmp_path, fmt, reader):
    G = reader(export(dataset, "neo4j", fmt, tmp_path / f"g.{fmt}").path)
    assert (G.number_of_nodes(), G.number_of_edges()) == (len(dataset.nodes), len(dataset.edges))
    event = G.nodes["event:2017-05-12/珠海市"]
    assert event["label"] == "忻商忻才回乡创业创新暨珠三角区域产业协同发展恳谈会"  # Gephi's display label
    assert event["schema_label"] == "Event" and event["date"] == "2017-05-12"
    assert event["signed_count"] == 47 and event["signed_total_yi"] == 307.0
    chamber = G.nodes["chamber:广东山西商会"]
    assert chamber["labels"] == "Chamber;Organization"
    assert G.nodes["company:演示能源有限公司"]["central_soe"] is True
    posts = [d for _, _, d in G.edges("person:高山", data=True) if d["type"] == "HOLDS_POST"]
    assert sorted((d["title"], d["as_of"]) for d in posts) == [("副会长", "2017-06-15"), ("监事长", "2017-05-12")]
    if fmt == "gexf":
        assert event["viz"]["color"] == {"r": 0xF9, "g": 0xA8, "b": 0x25, "a": 1.0}


def test_csv_has_neo4j_admin_headers(dataset, tmp_path):
    export(dataset, "neo4j", "csv", tmp_path / "g.zip")
    with zipfile.ZipFile(tmp_path / "g.zip") as z:
        nodes = list(csv.reader(io.TextIOWrapper(z.open("nodes.csv"), encoding="utf-8")))
        rels = list(csv.reader(io.TextIOWrapper(z.open("relationships.csv"), encoding="utf-8")))
    assert nodes[0][:3] == ["id:ID", ":LABEL", "name"]
    assert {"signed_on:date", "amount_yi:double", "aliases:string[]", "fortune500:boolean", "signed_count:long",
            "sources:string[]"} <= set(nodes[0])
    assert rels[0][:3] == [":START_ID", ":END_ID", ":TYPE"] and "as_of:date" in rels[0]
    assert (len(nodes) - 1, len(rels) - 1) == (len(dataset.nodes), len(dataset.edges))
    by_id = {r[0]: dict(zip(nodes[0], r)) for r in nodes[1:]}
    assert by_id["chamber:广东山西商会"][":LABEL"] == "Chamber;Organization"
    assert by_id["project:演示光伏电站"]["signed_on:date"] == "2017-05-12"


def test_csv_refuses_a_list_item_holding_the_array_delimiter(dataset, tmp_path):
    from graph.exporters import ExportError

    ds = copy.deepcopy(dataset)
    ds.add_node(NodeRecord("Company", "company:演示能源有限公司", {"aliases": ["Demo Energy; Ltd"]}, (SYN,)))
    with pytest.raises(ExportError, match="array delimiter"):
        export(ds, "neo4j", "csv", tmp_path / "csv")


def test_non_conforming_rdf_is_reported_in_plain_words():
    with pytest.raises(ValidationError) as info:
        load_rdf(FIXTURES / "bad.ttl")
    got = {(p.where, p.field, p.value, p.reason) for p in info.value.problems}
    assert got == {
        ("county:忻州市/某村", "kind", "村", "must be one of 区, 市, 县, 开发区, 风景区"),
        ("event:2017-13-40/忻州市", "date", "2017-13-40", "expected a date (xsd:date)"),
        ("person:无名", "name", None, "required, but missing"),
        ("HOLDS_POST person:无名 → city:忻州市", "title", None, "required, but missing"),
        ("HOLDS_POST person:无名 → city:忻州市", "to", "city:忻州市",
         "HOLDS_POST ends at a Chamber or Company or Organization node; this is a City"),
    }
    assert str(info.value).startswith("5 problem(s); nothing was written")
    assert "bad.ttl: node person:无名: field 'name': required, but missing" in str(info.value)


def test_rdf_syntax_errors_name_the_file(tmp_path):
    bad = tmp_path / "broken.ttl"
    bad.write_text("<https://x/a> <https://x/p> \"unterminated .\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="broken.ttl: line 1: not valid Turtle: Unexpected end of file \\(column 29\\)"):
        load_rdf(bad)


def test_a_foreign_property_in_our_namespace_is_not_silently_lost(dataset, tmp_path):
    # The schema's own checks run on what is read (unknown predicates are refused: test_hostile_rdf.py).
    path = export(dataset, "neo4j", "ttl", tmp_path / "g.ttl").path
    text = path.read_text(encoding="utf-8").replace('"代县"@zh', '"代县"')
    (tmp_path / "plain.ttl").write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError, match="field 'name'.*expected text tagged @zh"):
        load_rdf(tmp_path / "plain.ttl")


def test_classes_the_ontology_implies_are_accepted_and_others_refused(dataset, tmp_path):
    v = get_vocab()
    path = export(dataset, "neo4j", "ttl", tmp_path / "g.ttl").path
    daixian = v.node_iri("county:忻州市/代县")
    (tmp_path / "implied.ttl").write_text(path.read_text(encoding="utf-8")
                                          + f"\n<{daixian}> a <https://schema.org/AdministrativeArea> .\n",
                                          encoding="utf-8")
    assert load_rdf(tmp_path / "implied.ttl").nodes["county:忻州市/代县"].label == "County"
    (tmp_path / "other.ttl").write_text(path.read_text(encoding="utf-8")
                                        + f"\n<{daixian}> a <https://schema.org/Person> .\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="node county:忻州市/代县: field 'rdf:type': value 'schema:Person': "
                                              ".*not a class of a County"):
        load_rdf(tmp_path / "other.ttl")
