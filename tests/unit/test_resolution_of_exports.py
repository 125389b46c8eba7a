"""An export's records arrive resolved (loaders.resolution.apply, `resolved`): the rules never pair
two of them, a person's judgements and the database's nodes still apply, and a load with nothing
to merge hands its records on untouched."""
from __future__ import annotations

from graph.judgements import Judgement
from graph.records import Dataset, EdgeRecord, NodeRecord
from loaders.resolution.apply import resolve


def chamber(ds, name, sources):
    ds.add_node(NodeRecord("Chamber", f"chamber:{name}", {"name": name}, sources))
    ds.add_edge(EdgeRecord("BASED_IN", f"chamber:{name}", "city:珠海市", {}, sources))


def lookalikes() -> Dataset:
    """Two look-alikes of two sources: the rule would merge them were they new records."""
    ds = Dataset()
    chamber(ds, "珠海晋商会", ("source:a",))
    chamber(ds, "珠海山西商会", ("source:b",))
    return ds


def test_the_rule_merges_them_as_new_records_and_not_as_an_export():
    assert len(resolve(lookalikes(), [], []).merges) == 1
    ds = lookalikes()
    res = resolve(ds, [], [], resolved=set(ds.nodes))
    assert res.merges == [] and res.open == [] and res.auto_pairs == []
    assert res.dataset is ds  # nothing moved: the records as they came (no copy of 10^6 nodes)


def test_a_judgement_in_the_database_still_merges_two_exported_records():
    ds = lookalikes()
    j = Judgement("judgement:1", "chamber:珠海山西商会", "chamber:珠海晋商会", "same", "lee", "2024-01-01")
    res = resolve(ds, [], [j], resolved=set(ds.nodes))
    assert [(m.record_id, m.into) for m in res.merges] == [("chamber:珠海晋商会", "chamber:珠海山西商会")]
    assert res.auto_pairs == []


def test_an_exported_record_still_meets_the_database_s_node_by_rule():
    ds = Dataset()
    chamber(ds, "珠海晋商会", ("source:a",))
    row = {"id": "chamber:珠海山西商会", "label": "Chamber", "name": "珠海山西商会", "aliases": [], "merged_ids": [],
           "context": {"host": ["city:珠海市"]}}
    res = resolve(ds, [row], [], resolved=set(ds.nodes))
    assert [(m.record_id, m.into) for m in res.merges] == [("chamber:珠海晋商会", "chamber:珠海山西商会")]


def test_an_exported_record_meets_another_file_s_record_by_rule():
    ds = Dataset()
    chamber(ds, "珠海晋商会", ("source:export",))
    exported = set(ds.nodes)
    chamber(ds, "珠海山西商会", ("source:catalog",))
    res = resolve(ds, [], [], resolved=exported)
    assert len(res.merges) == 1 and len(res.auto_pairs) == 1
