"""loaders.resolution.apply without a database: what a load does with records of known entities."""
from __future__ import annotations

from graph.judgements import Judgement
from graph.records import Dataset, EdgeRecord, NodeRecord
from loaders.resolution.apply import resolve

SRC = ("source:t",)


def chamber(ds, name, city="city:珠海市", aliases=None, sources=SRC):
    props = {"name": name, **({"aliases": aliases} if aliases else {})}
    ds.add_node(NodeRecord("Chamber", f"chamber:{name}", props, sources))
    ds.add_edge(EdgeRecord("BASED_IN", f"chamber:{name}", city, {}, sources))


def row(name, aliases=(), merged=(), city="city:珠海市"):
    return {"id": f"chamber:{name}", "label": "Chamber", "name": name, "aliases": list(aliases),
            "merged_ids": list(merged), "context": {"host": [city]}}


def test_two_new_records_of_one_source_are_left_to_a_person():
    ds = Dataset()
    chamber(ds, "珠海晋商会")
    chamber(ds, "珠海山西商会")
    res = resolve(ds, [], [])
    assert res.merges == [] and len(res.dataset.nodes) == 2
    assert [(c.a, c.b, c.auto) for c in res.open] == [("chamber:珠海山西商会", "chamber:珠海晋商会", True)]


def test_two_new_records_of_two_sources_merge_by_rule_and_edges_follow():
    ds = Dataset()
    chamber(ds, "珠海晋商会", sources=("source:other",))
    chamber(ds, "珠海山西商会")
    res = resolve(ds, [], [])
    assert [(m.record_id, m.into) for m in res.merges] == [("chamber:珠海晋商会", "chamber:珠海山西商会")]
    node = res.dataset.nodes["chamber:珠海山西商会"]
    assert node.props["aliases"] == ["珠海晋商会"] and node.props["merged_ids"] == ["chamber:珠海晋商会"]
    assert "chamber:珠海晋商会" not in res.dataset.nodes
    assert [(e.start, e.end, e.sources) for e in res.dataset.edges.values()] == [
        ("chamber:珠海山西商会", "city:珠海市", ("source:other", "source:t"))]
    assert res.auto_pairs and res.auto_pairs[0][:2] == ("chamber:珠海山西商会", "chamber:珠海晋商会")


def test_the_database_node_survives_and_keeps_its_name():
    ds = Dataset()
    chamber(ds, "珠海晋商会")
    res = resolve(ds, [row("珠海山西商会", aliases=["珠海市山西商会"])], [])
    node = res.dataset.nodes["chamber:珠海山西商会"]
    assert node.props["name"] == "珠海山西商会"
    assert node.props["aliases"] == ["珠海市山西商会", "珠海晋商会"]


def test_a_pair_judged_different_is_not_merged():
    ds = Dataset()
    chamber(ds, "珠海晋商会")
    j = Judgement("judgement:1", "chamber:珠海山西商会", "chamber:珠海晋商会", "different", "lee", "2024-01-01")
    res = resolve(ds, [row("珠海山西商会")], [j])
    assert res.merges == [] and "chamber:珠海晋商会" in res.dataset.nodes
    assert res.open == []


def test_a_judged_same_name_merges_on_arrival_even_unlike_by_rule():
    ds = Dataset()
    chamber(ds, "珠江口晋商联谊会")
    j = Judgement("judgement:1", "chamber:珠海山西商会", "chamber:珠江口晋商联谊会", "same", "lee", "2024-01-01")
    res = resolve(ds, [row("珠海山西商会")], [j])
    assert [(m.into, m.why.startswith("judged same by lee")) for m in res.merges] == [("chamber:珠海山西商会", True)]
    assert res.auto_pairs == []  # a person's judgement, not the rule's: nothing new to record


def test_two_database_nodes_are_never_merged_by_a_load():
    ds = Dataset()
    chamber(ds, "珠海晋商会")
    res = resolve(ds, [row("珠海山西商会"), row("珠海市山西商会")], [])
    assert res.merges == [] and "chamber:珠海晋商会" in res.dataset.nodes
    assert {frozenset((c.a, c.b)) for c in res.open} == {
        frozenset(("chamber:珠海晋商会", "chamber:珠海山西商会")), frozenset(("chamber:珠海晋商会", "chamber:珠海市山西商会"))}


def test_a_reload_keeps_the_names_a_merge_gave():
    ds = Dataset()
    chamber(ds, "珠海山西商会", aliases=["珠海市山西商会"])
    res = resolve(ds, [row("珠海山西商会", aliases=["珠海晋商会"], merged=["chamber:珠海晋商会"])], [])
    assert res.dataset.nodes["chamber:珠海山西商会"].props["aliases"] == ["珠海晋商会", "珠海市山西商会"]
