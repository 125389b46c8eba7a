"""The run context and the projected graph: the edge arrays and the per-run reads live in explicit
objects (`graph.projection.ProjectedGraph`, `queries.run.Run`), nothing is left on the graph, and
an analysis gives the same figures from a ProjectedGraph as from the plain graph."""
from __future__ import annotations

import networkx as nx
import pytest

from benchmarks.compare_analysis import canonical, differences
from graph.edge_arrays import EdgeArrayBuilder, edge_arrays_of
from graph.projection import ProjectedGraph
from queries.brokers import brokers
from queries.edges import edge_arrays, node_labels
from queries.facts import project_facts
from queries.productivity import chamber_productivity
from queries.run import Run, current_run, once_per_run, run_cache
from queries.summary import offline_graph, run_analysis


@pytest.fixture(scope="module")
def demo():
    return offline_graph(with_demo=True)


def test_a_run_over_a_projected_graph_gives_the_same_analysis_and_leaves_the_graph_as_it_was(demo):
    before = dict(demo.graph)
    plain = canonical(run_analysis(demo, outreach_counties=None, backtest_sample=50))
    projected = canonical(run_analysis(ProjectedGraph(demo), outreach_counties=None, backtest_sample=50))
    for a in (plain, projected):
        a.pop("timings")
    assert differences(plain, projected) == []
    assert plain["funnel"]["signed"] == 208 and plain["modularity"] > 0.3
    assert demo.graph == before  # no cache or arrays stashed on the graph
    assert current_run(demo) is None


def test_within_a_run_the_projected_graphs_arrays_are_read_and_shared_reads_made_once(demo):
    P = ProjectedGraph(demo, edge_arrays_of(demo))
    with run_cache(P) as run:
        assert run.graph is demo and current_run(demo) is run
        assert edge_arrays(demo) is P.arrays
        assert project_facts(demo) is project_facts(demo) and node_labels(demo) is node_labels(demo)
        with run_cache(demo) as inner:  # a run over the same graph joins the one entered
            assert inner is run
        other = nx.MultiDiGraph([("a", "b")])
        with run_cache(other) as nested:  # a run over another graph nests and ends on its own
            assert nested is not run and current_run(demo) is run and current_run(other) is nested
        assert current_run(other) is None
    assert current_run(demo) is None
    # outside a run every call reads afresh, a plain function of the graph
    assert project_facts(demo) is not project_facts(demo)
    assert once_per_run(demo, "x", list) is not once_per_run(demo, "x", list)


def test_public_analyses_take_a_projected_graph_as_well(demo):
    """Those that read through `reads_once` (one call is one run)."""
    assert chamber_productivity(ProjectedGraph(demo)).equals(chamber_productivity(demo))
    assert brokers(ProjectedGraph(demo)).equals(brokers(demo))


def test_arrays_are_those_of_a_walk_and_made_once():
    G = nx.MultiDiGraph()
    G.add_edge("a", "b", key="X", type="X")
    G.add_edge("a", "b", key="Y", type="Y")
    G.add_edge("b", "c", key="X", type="X")
    P = ProjectedGraph(G)
    assert not P.has_arrays
    a = P.arrays
    assert P.arrays is a and P.has_arrays
    assert (a.ids, a.src.tolist(), a.dst.tolist(), [a.types[c] for c in a.code]) == (
        ["a", "b", "c"], [0, 0, 1], [1, 1, 2], ["X", "Y", "X"])
    with Run(P) as run:
        assert run.projected is P and edge_arrays(G) is a


def test_arrays_made_while_reading_are_those_of_a_walk_of_the_graph_read():
    """Relationships as `read_projection` meets them, start node by start node: a neighbour
    met again, a type repeated (one edge), a self-loop, a node with none."""
    rows = [("a", [("b", "X"), ("c", "Y"), ("b", "Z"), ("b", "X"), ("a", "Y")]),
            ("c", []), ("b", [("a", "X"), ("c", "X")])]
    ids = ["a", "b", "c"]
    G = nx.MultiDiGraph()
    G.add_nodes_from(ids)
    builder = EdgeArrayBuilder(ids, {n: i for i, n in enumerate(ids)})
    for start, rels in rows:
        for end, rtype in rels:
            G.add_edge(start, end, rtype, type=rtype)
        builder.add(ids.index(start), rels)
    held, walked = builder.finish(len(G)), edge_arrays_of(G)
    assert held.src.tolist() == walked.src.tolist() == [0, 0, 0, 0, 1, 1]
    assert held.dst.tolist() == walked.dst.tolist() == [1, 1, 2, 0, 0, 2]
    assert [held.types[c] for c in held.code] == [walked.types[c] for c in walked.code] == ["X", "Z", "Y", "Y", "X", "X"]
    builder.add(0, [])  # a start node read twice: the arrays cannot be trusted
    assert builder.finish(len(G)) is None
