import re
from pathlib import Path

import pytest
import yaml

from graph.cypher_write import INTERNAL_LABELS
from graph.schema import check_text, coerce_value, get_schema, parse_schema
from graph.errors import SchemaError

ROOT = Path(__file__).resolve().parents[2]
DESIGN_LABELS = {"Province", "City", "County", "Chamber", "Person", "Company", "Organization", "Project",
                 "Industry", "Event", "Campaign", "Source"}
DESIGN_TYPES = {"PART_OF", "CAMPAIGN_OF", "BASED_IN", "HOLDS_POST", "AMBASSADOR_OF", "LIAISON_OFFICE_OF",
                "MEMBER_OF", "ORGANIZED", "ATTENDED", "HELD_IN", "SIGNED", "DISCUSSED", "LOCATED_IN",
                "INVESTS_IN", "INTRODUCED", "NATIVE_OF", "IN_INDUSTRY",
                "REPORTED"}  # DESIGN.md: a project's reported values "are kept per report" (issue 13)


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
    files = [p for d in ("graph", "loaders", "queries", "jinshang", "benchmarks") for p in (ROOT / d).rglob("*")
             if p.suffix in (".py", ".cypher") and p.is_file()]
    files += [ROOT / "README.md"]
    bad = []
    for path in files:
        labels, types = _mentioned(path.read_text(encoding="utf-8"))
        # the writer's load-run bookkeeping is declared once, outside the contract (graph.cypher_write)
        bad += [f"{path.name}: label {x}" for x in labels - set(s.labels) - set(INTERNAL_LABELS)]
        bad += [f"{path.name}: type {x}" for x in types - set(s.relationships)]
    assert not bad, bad


def test_amounts_and_counts_are_declared_non_negative():
    """Every number of the schema is an amount, a count or a year: `min: 0` says so, as data."""
    s = get_schema()
    numbers = [p for spec in [*s.labels.values(), *s.relationships.values()] for p in spec.properties.values()
               if p.type in ("int", "float")]
    assert numbers and all(p.min == 0 for p in numbers)
    with pytest.raises(ValueError, match="must not be negative"):
        s.label("Event").properties["signed_count"].coerce("-3")
    assert s.label("Project").properties["amount_yi"].coerce("0") == 0.0


@pytest.mark.parametrize("prop, value, reason", [
    ("amount_yi", float("nan"), "not a finite number"),
    ("amount_yi", float("inf"), "not a finite number"),
    ("amount_yi", -0.5, "must not be negative"),
    ("name_en", "x" * 201, "too long: 201 characters (at most 200)"),
    ("name_en", "a\tb", "a line break or tab"),
    ("name_en", "a\x00b", "control character (U+0000)"),
])
def test_values_outside_the_limits_are_refused(prop, value, reason):
    with pytest.raises(ValueError, match=re.escape(reason)):
        get_schema().label("Project").properties[prop].check(value)


def test_integers_beyond_bolt_are_refused():
    spec = get_schema().label("Event").properties["attendance"]
    assert spec.coerce(str(2**63 - 1)) == 2**63 - 1
    for big in (2**63, "9" * 5000):
        with pytest.raises(ValueError, match="too large a whole number"):
            spec.coerce(big)


def test_text_may_break_lines_where_names_may_not():
    assert check_text("第一行\n第二行\t", "theme") == "第一行\n第二行\t"
    for bad in ("\x1b[31m", "\x85", "\u202e", "\ud800"):
        with pytest.raises(ValueError):
            check_text(f"晋{bad}商", "theme")
    with pytest.raises(ValueError, match="too long"):
        check_text("晋" * 10_001, "theme")


def test_dataset_check_refuses_foreign_ids_and_bad_values_from_any_loader():
    from graph.records import Dataset, NodeRecord

    ds = Dataset()
    ds.add_node(NodeRecord("Chamber", "county:忻州市/代县", {"name": "代县商会"}, ("source:x",)))
    ds.add_node(NodeRecord("Project", "project:p", {"name": "p", "amount_yi": float("inf")}, ("source:x",)))
    ds.add_node(NodeRecord("Person", "person:\x1b", {"name": "\x1b"}, ("source:x",)))
    reasons = " | ".join(ds.check())
    assert "a Chamber id must begin with 'chamber:'" in reasons
    assert "'amount_yi': 不是有限数 / not a finite number" in reasons
    assert "person:\\x1b" in reasons and "\x1b" not in reasons  # shown escaped, never raw
