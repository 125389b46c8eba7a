"""The labelled set (tests/fixtures/resolution/pairs.yaml) and the figures the issue aims at."""
from collections import Counter

from benchmarks.resolution import evaluate, load_pairs

PAIRS = load_pairs()
FIGURES = evaluate(PAIRS)


def test_the_labelled_set_is_large_enough_and_covers_every_hard_kind():
    assert len(PAIRS) >= 150
    hard = Counter(p["kind"] for p in PAIRS if p["hard"])
    assert sum(hard.values()) >= 40
    for kind in ("chamber-reversal", "chamber-city-vs-province", "company-branch", "project-phase",
                 "person-namesake"):
        assert hard[kind] >= 5, kind
    assert all(p["label"] == "different" for p in PAIRS if p["hard"])
    assert {p["type"] for p in PAIRS} == {"Chamber", "Company", "Project", "Person"}


def test_automatic_merge_precision():
    assert FIGURES["overall"]["auto_precision"] >= 0.99
    assert FIGURES["overall"]["auto"] >= 100  # the rules do merge, not only abstain


def test_candidate_recall_on_same_pairs():
    assert FIGURES["overall"]["recall"] >= 0.9
    for label, figures in FIGURES["by_type"].items():
        assert figures["recall"] >= 0.85, label


def test_no_hard_negative_merged_automatically():
    assert FIGURES["overall"]["hard_auto"] == 0
    assert [r for r in FIGURES["rows"] if r["label"] == "different" and r["auto"]] == []
