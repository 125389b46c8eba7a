"""Candidates, scores, reasons and judgements (loaders/resolution/candidates.py, blocking.py)."""
from collections import Counter

import pytest

from benchmarks.resolution import load_pairs, synthetic_entities
from loaders.resolution.blocking import blocked_pairs
from loaders.resolution.candidates import Entity, candidates, explain

HARD = [p for p in load_pairs() if p["hard"]]


def E(id_, label, name, **context):
    return Entity(id_, label, name, context={k: frozenset(v) for k, v in context.items()})


@pytest.mark.parametrize("pair", HARD, ids=[f"{p['a'].name}|{p['b'].name}" for p in HARD])
def test_hard_negatives_are_never_automatic(pair):
    c = explain(pair["a"], pair["b"])
    assert not c.auto
    assert c.reasons_against, "a hard negative must say what speaks against it"
    assert all(not x.auto for x in candidates([pair["a"], pair["b"]]))


def test_same_chamber_two_spellings_is_automatic_with_reasons():
    c = explain(E("chamber:珠海晋商会", "Chamber", "珠海晋商会"), E("chamber:珠海山西商会", "Chamber", "珠海山西商会"))
    assert c.auto and c.score >= 0.97
    assert (c.a, c.b) == ("chamber:珠海山西商会", "chamber:珠海晋商会")  # a < b
    assert c.reasons_for == ["名称规范化后相同 same name after normalisation: 珠海山西商会",
                             "同一所在地 same host city: 珠海"]
    assert c.reasons_against == []


def test_reversal_says_why_not():
    c = explain(E("c:1", "Chamber", "山西省广东商会"), E("c:2", "Chamber", "广东省山西商会"))
    assert not c.auto and c.score < 0.5
    assert "所在地不同 different host: 山西 vs 广东" in c.reasons_against
    assert "来源地不同 different origin: 广东 vs 山西" in c.reasons_against


def test_host_unknown_means_no_automatic_merge():
    # 晋商会 and 山西商会 share a key, but with no host place they could be any two Shanxi chambers
    c = explain(E("c:1", "Chamber", "晋商会"), E("c:2", "Chamber", "山西商会"))
    assert not c.auto and "所在地不明 host place unknown" in c.reasons_against
    # the record's host (e.g. the city of the event) supplies it
    c = explain(E("c:1", "Chamber", "晋商会", host={"city:珠海市"}), E("c:2", "Chamber", "山西商会", host={"珠海"}))
    assert c.auto


def test_people_need_shared_context():
    alone = [E("person:1", "Person", "王建勇"), E("person:2", "Person", "王建勇")]
    assert candidates(alone) == []
    c = explain(*alone)
    assert not c.auto and "同名但无共同关系" in c.reasons_against[0]
    together = [E("person:1", "Person", "王建勇", chambers={"chamber:北京忻州企业商会"}),
                E("person:2", "Person", "王建勇", chambers={"北京市忻州企业商会"})]
    [c] = candidates(together)
    assert not c.auto  # one shared chamber: a person decides
    assert "同属商会 shared chamber: 北京忻州企业商会" in c.reasons_for  # the id shown as its name
    both = [E("person:1", "Person", "曾建新", chambers={"山西省广东商会"}, companies={"山西粤商投资有限公司"}),
            E("person:2", "Person", "曾建新", chambers={"山西省广东商会"}, companies={"山西粤商投资股份有限公司"})]
    assert candidates(both)[0].auto  # a shared chamber and a shared company
    apart = [E("person:1", "Person", "张新", chambers={"苏州市山西商会"}, companies={"x"}, hometown={"临汾市"}),
             E("person:2", "Person", "张新", chambers={"苏州市山西商会"}, companies={"x"}, hometown={"长治市"})]
    assert not explain(*apart).auto  # different hometowns speak against


def test_pinyin_alone_is_weak():
    a = E("person:1", "Person", "王建勇", chambers={"北京忻州企业商会"})
    b = E("person:2", "Person", "王建永", chambers={"北京忻州企业商会"})
    [c] = candidates([a, b])
    assert not c.auto and c.score < 0.7
    assert any("拼音相同" in r for r in c.reasons_for)
    assert candidates([E("person:1", "Person", "王建勇"), E("person:2", "Person", "王建永")]) == []


def test_judgements_are_obeyed():
    a = E("chamber:珠海晋商会", "Chamber", "珠海晋商会")
    b = E("chamber:珠海山西商会", "Chamber", "珠海山西商会")
    c = E("chamber:镇江山西商会", "Chamber", "镇江山西商会")
    different = {frozenset((a.id, b.id)): "different"}
    assert candidates([a, b], different) == []
    assert explain(a, b, different).reasons_against[0] == "已判定为不同 judged different by a person"
    same = {frozenset((a.id, c.id)): "same"}  # a pair blocking would never propose
    found = {(x.a, x.b): x for x in candidates([a, b, c], same)}
    assert found[("chamber:珠海晋商会", "chamber:镇江山西商会")].auto
    assert found[("chamber:珠海晋商会", "chamber:镇江山西商会")].reasons_for[0] == "已判定为同一 judged the same by a person"


def test_label_filter_and_kinds_kept_apart():
    es = [E("chamber:a", "Chamber", "珠海山西商会"), E("chamber:b", "Chamber", "珠海晋商会"),
          E("project:a", "Project", "温泉小镇项目"), E("project:b", "Project", "温泉小镇")]
    assert {c.label for c in candidates(es)} == {"Chamber", "Project"}
    assert {c.label for c in candidates(es, label="Project")} == {"Project"}
    assert not explain(E("x:1", "Company", "通威集团"), E("x:2", "Project", "通威集团")).auto


def test_generic_project_names_in_two_places_are_two_projects():
    a = E("project:1", "Project", "温泉小镇项目", host={"city:忻州市"})
    b = E("project:2", "Project", "温泉小镇项目", host={"city:晋中市"})
    assert candidates([a, b]) == []
    assert "所在地不同 different host: 忻州 vs 晋中" in explain(a, b).reasons_against


def test_explain_works_for_any_pair():
    c = explain(E("company:1", "Company", "华为技术有限公司"), E("company:2", "Company", "通威集团"))
    assert c.score < 0.5 and not c.auto and c.reasons_against


def test_blocking_compares_a_small_share_of_all_pairs():
    entities = synthetic_entities(3000, seed=3)
    stats = Counter()
    pairs = blocked_pairs(entities, stats)
    assert stats["all_pairs"] == 3 * (1000 * 999 // 2)
    assert 0 < len(pairs) < stats["all_pairs"] / 100
    # every pair that shares a matching key is among them (blocking loses no exact match)
    from loaders.resolution.normalize import match_key
    by_key = Counter((e.label, match_key(e.label, e.name)) for e in entities if e.label != "Person")
    assert sum(n * (n - 1) // 2 for n in by_key.values()) <= len(pairs)


def test_bundled_seed_has_no_duplicates_to_propose():
    # the seed catalog is clean (its aliases already join 珠海晋商会 and 珠海山西商会): nothing to propose
    from loaders.bundled import bundled_catalog
    from loaders.resolution.context import entities_from_dataset

    entities = entities_from_dataset(bundled_catalog())
    assert {e.label for e in entities} >= {"Chamber", "Person", "Project", "Company"}
    assert candidates(entities) == []
    chamber = next(e for e in entities if e.name == "珠海山西商会")
    assert chamber.ctx("host") == {"city:珠海市"} and "闫国军" in chamber.ctx("officers")
    assert "event:2017-05-12/珠海市" in chamber.ctx("events")
