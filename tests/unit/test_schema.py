import re
from pathlib import Path

import pytest
import yaml

from graph.cypher_write import INTERNAL_LABELS
from graph.schema import coerce_value, get_schema, parse_schema
from graph.errors import SchemaError

ROOT = Path(__file__).resolve().parents[2]
DESIGN_LABELS = {"Province", "City", "County", "Chamber", "Person", "Company", "Organization", "Project",
                 "Industry", "Event", "Campaign", "Source"}
DESIGN_TYPES = {"PART_OF", "CAMPAIGN_OF", "BASED_IN", "HOLDS_POST", "AMBASSADOR_OF", "LIAISON_OFFICE_OF",
                "MEMBER_OF", "ORGANIZED", "ATTENDED", "HELD_IN", "SIGNED", "DISCUSSED", "LOCATED_IN",
                "INVESTS_IN", "INTRODUCED", "NATIVE_OF", "IN_INDUSTRY"}


def test_schema_covers_the_design_contract():
    s = get_schema()
    assert set(s.labels) == DESIGN_LABELS
    assert set(s.relationships) == DESIGN_TYPES


def test_every_type_and_property_is_described():
    s = get_schema()
    assert all(spec.description for spec in s.labels.values())
    assert all(spec.description for spec in s.relationships.values())


def test_stacked_labels_and_ids():
    s = get_schema()
    assert s.label("Chamber").labels == ("Chamber", "Organization")
    assert s.label("Event").make_id({"date": "2017-05-12", "held_in": "珠海市"}) == "event:2017-05-12/珠海市"
    with pytest.raises(KeyError):
        s.label("County").make_id({"name": "代县"})


def test_constraints_are_idempotent_ddl():
    statements = get_schema().constraint_statements()
    assert all("IF NOT EXISTS" in st for st in statements)
    assert any("FOR (n:Chamber) REQUIRE n.id IS UNIQUE" in st for st in statements)


def test_schema_rejects_unknown_end_label():
    raw = yaml.safe_load((ROOT / "graph/schema.yaml").read_text(encoding="utf-8"))
    raw["relationships"]["PART_OF"]["ends"].append(["County", "Planet"])
    with pytest.raises(SchemaError, match="Planet"):
        parse_schema(raw)


@pytest.mark.parametrize("type_, value, expected", [
    ("int", "47", 47), ("float", "307", 307.0), ("bool", "是", True), ("bool", "否", False),
    ("list[string]", "晋商会", ["晋商会"]),
])
def test_coerce(type_, value, expected):
    assert coerce_value(type_, value) == expected


def test_enum_is_enforced():
    with pytest.raises(ValueError, match="must be one of"):
        coerce_value("string", "村", ("区", "县"))


def _mentioned(text: str) -> tuple[set[str], set[str]]:
    # `(n:Label`, `n:Label:Other`, `[r:TYPE`: CamelCase after a colon is a label, UPPER_SNAKE a type.
    labels = set(re.findall(r"[(\s\w]:([A-Z][a-z]\w*)", text))
    types = set(re.findall(r"-\[\w*:([A-Z_]{3,})", text))  # `-[r:TYPE`, not a Python slice `x[:N]`
    return labels, types


def test_code_and_docs_mention_only_schema_labels_and_types():
    """Habit 1: a label or relationship type the schema lacks must not appear in Cypher we ship."""
    s = get_schema()
    files = [p for d in ("graph", "loaders", "queries", "benchmarks") for p in (ROOT / d).rglob("*")
             if p.suffix in (".py", ".cypher") and p.is_file()]
    files += [ROOT / "README.md"]
    bad = []
    for path in files:
        labels, types = _mentioned(path.read_text(encoding="utf-8"))
        # the writer's load-run bookkeeping is declared once, outside the contract (graph.cypher_write)
        bad += [f"{path.name}: label {x}" for x in labels - set(s.labels) - set(INTERNAL_LABELS)]
        bad += [f"{path.name}: type {x}" for x in types - set(s.relationships)]
    assert not bad, bad
