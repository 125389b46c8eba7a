"""The synthetic province: deterministic, schema-valid, marked synthetic, skewed and clustered."""
import csv
from collections import Counter

import pytest

from benchmarks.synthetic import generate, source_id, to_networkx, write_csv
from graph.schema import get_schema


@pytest.fixture(scope="module")
def small():
    return generate("S", seed=7)


def test_same_seed_same_records_other_seed_other_edges(small):
    again = generate("S", seed=7)
    assert list(again.nodes) == list(small.nodes)
    assert list(again.edges) == list(small.edges)
    assert [n.props for n in again.nodes.values()] == [n.props for n in small.nodes.values()]
    assert set(generate("S", seed=8).edges) != set(small.edges)


def test_size_and_density(small):
    assert len(small.nodes) == 10_000
    assert 4.5 <= len(small.edges) / len(small.nodes) <= 5.5


def test_schema_valid_and_every_record_from_the_synthetic_source(small):
    assert small.check() == []
    sid = source_id("S", 7)
    source = small.nodes[sid]
    assert source.label == "Source" and source.props["synthetic"] is True
    assert all(n.sources == (sid,) for n in small.nodes.values())
    assert all(e.sources == (sid,) for e in small.edges.values())
    schema = get_schema()
    assert {n.label for n in small.nodes.values()} == set(schema.labels)
    # Ids follow the schema's templates.
    for n in list(small.nodes.values())[::97]:
        template = schema.label(n.label).id_template
        assert n.id.split(":", 1)[0] == template.split(":", 1)[0]


def test_degrees_are_heavy_tailed(small):
    members = Counter(e.end for e in small.edges.values() if e.type == "MEMBER_OF")
    chambers = sum(1 for n in small.nodes.values() if n.label == "Chamber")
    mean = sum(members.values()) / chambers
    assert max(members.values()) >= 20 * mean  # hub chambers
    attended = Counter(e.end for e in small.edges.values() if e.type == "ATTENDED")
    assert max(attended.values()) >= 5 * sum(attended.values()) / len(attended)  # big fairs


def test_regional_communities_are_planted(small):
    city_of = {e.start: e.end for e in small.edges.values() if e.type == "BASED_IN"}
    member = [e for e in small.edges.values() if e.type == "MEMBER_OF"]
    same = sum(city_of[e.start] == city_of[e.end] for e in member) / len(member)
    assert same >= 0.75  # 85% drawn locally; far above the ~1/50 a random draw would give


def test_networkx_has_the_projection_shape(small):
    G = to_networkx(small)
    assert G.number_of_nodes() == len(small.nodes)
    assert G.graph["synthetic_sources"] == [source_id("S", 7)]
    hub = next(n for n in small.nodes.values() if n.label == "Chamber")
    attrs = G.nodes[hub.id]
    assert attrs["label"] == "Chamber" and attrs["labels"] == ("Chamber", "Organization")
    assert attrs["synthetic"] is True and attrs["name"] == hub.props["name"]
    post = next(e for e in small.edges.values() if e.type == "HOLDS_POST")
    assert G.edges[post.start, post.end, "HOLDS_POST"]["title"] == post.props["title"]


def test_csv_files_hold_every_record(small, tmp_path):
    specs = write_csv(small, tmp_path)
    rows = Counter()
    for spec in specs:
        with open(spec["path"], encoding="utf-8") as f:
            data = list(csv.DictReader(f))
        rows[spec["kind"]] += len(data)
        assert list(data[0]) == spec["columns"]
        assert data[0]["sources"] == source_id("S", 7)
    assert rows == {"nodes": len(small.nodes), "rels": len(small.edges)}
    company = next(s for s in specs if s.get("label") == "Company")
    with open(company["path"], encoding="utf-8") as f:
        assert next(csv.DictReader(f))["fortune500"] in ("true", "false")
