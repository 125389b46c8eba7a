"""A load too large for one transaction is still all or nothing: killed mid-way (client or
server), the next load rolls it back; the database is then as before or as after, never between.

The atomic limit and batch size are lowered (JINSHANG_ATOMIC_LIMIT, JINSHANG_BATCH_SIZE) so a
demo ledger of about a thousand rows is written in many small journaled batches.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph import load_runs
from graph.reader import snapshot
from graph.writer import Neo4jWriter
from loaders.demo_ledger import write_demo_ledger
from loaders.bundled import bundled_gazetteer
from loaders.ledger import load_ledger
from tests.conftest import wipe
from tests.integration.conftest import assert_one_line_error

ROOT = Path(__file__).resolve().parents[2]
JINSHANG = Path(sys.executable).parent / "jinshang"
LEDGERS = ROOT / "tests" / "fixtures" / "ledgers"
SMALL = {"JINSHANG_ATOMIC_LIMIT": "100", "JINSHANG_BATCH_SIZE": "10"}
BOOKKEEPING = ("MATCH (n) WHERE n:LoadRun OR n:LoadUndo OR n._load_run IS NOT NULL RETURN count(n) AS n "
               "UNION ALL MATCH ()-[r]->() WHERE r._load_run IS NOT NULL RETURN count(r) AS n")


def _count(driver, query) -> int:
    with driver.session() as s:
        return sum(r["n"] for r in s.run(query))


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    return write_demo_ledger(tmp_path_factory.mktemp("demo") / "demo.csv", seed=2017)


def _start_load(cli_env, *args) -> subprocess.Popen:
    env = dict(os.environ, **cli_env, **SMALL)
    return subprocess.Popen([str(JINSHANG), "load", *map(str, args)], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for_batches(driver, proc, at_least: int = 50, timeout: float = 120) -> None:
    """Until the load has committed some batches (its tags and before-images are in the database)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if _count(driver, BOOKKEEPING) >= at_least:
            return
        if proc.poll() is not None:
            pytest.fail(f"the load ended before it could be interrupted: {proc.communicate()}")
        time.sleep(0.05)
    pytest.fail("the load committed no batch in time")


def _reference(driver, *datasets) -> list:
    """The snapshot of the seed plus `datasets`, each written in one transaction."""
    from loaders.bundled import bundled_catalog

    wipe(driver)
    Neo4jWriter(driver).write(bundled_catalog())
    for ds in datasets:
        Neo4jWriter(driver).write(ds, bundled_gazetteer().known_ids(), atomic=True)
    return snapshot(driver)


def test_client_killed_mid_load_is_rolled_back_by_the_next_load(seeded, cli, cli_env, demo, tmp_path):
    # before: the seed and the demo ledger; the interrupted load confirms every fact of the
    # ledger under another source name, so it changes existing nodes and creates a Source
    writer = Neo4jWriter(seeded)
    writer.write(load_ledger(demo), bundled_gazetteer().known_ids())
    before = snapshot(seeded)
    proc = _start_load(cli_env, demo, "--source-name", "第二份台账")
    _wait_for_batches(seeded, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert snapshot(seeded) != before  # half-written, as the issue found it
    with seeded.session() as s:
        [run] = load_runs.runs(s)
    assert run.state == "running" and not run.client_alive()

    code, out, err = cli("load", LEDGERS / "good.csv")
    assert code == 0, err
    [line] = [x for x in out.splitlines() if "rolled back" in x]
    assert line.startswith("已回滚一次中断的导入") and "source:第二份台账" in line
    after = snapshot(seeded)
    assert _count(seeded, BOOKKEEPING) == 0
    assert after == _reference(seeded, load_ledger(demo), load_ledger(LEDGERS / "good.csv"))


def test_server_killed_mid_load_is_rolled_back_after_restart(seeded, cli, cli_env, demo, neo4j_server):
    from graph.local_neo4j import LocalNeo4j

    if not neo4j_server.uses_local_server:
        pytest.skip("the server is not this test session's own")
    before = snapshot(seeded)
    server = LocalNeo4j(neo4j_server)
    proc = _start_load(cli_env, demo)
    _wait_for_batches(seeded, proc)
    jvm = server.status()["pid"]
    try:
        os.kill(jvm, signal.SIGKILL)
        try:
            os.waitpid(jvm, 0)  # our child: reap it, or its pid would still look alive
        except ChildProcessError:
            pass
        _, err = proc.communicate(timeout=180)  # the driver retries for 30 s, then gives up
        assert proc.returncode != 0
        assert "rolls back" in err or "rolled back" in err, err
    finally:
        if proc.poll() is None:
            proc.kill()
        server.start(timeout=300)  # the session's server: always left running
    code, out, err = cli("load", demo)
    assert code == 0, err
    assert "rolled back an interrupted load" in out
    assert _count(seeded, BOOKKEEPING) == 0
    after = snapshot(seeded)
    assert after != before
    assert after == _reference(seeded, load_ledger(demo))


def test_a_journaled_load_equals_an_atomic_one_and_reloads_change_nothing(seeded, demo):
    known = bundled_gazetteer().known_ids()
    journaled = Neo4jWriter(seeded, atomic_limit=100, batch_size=10)
    first = journaled.write(load_ledger(demo), known)
    assert first.nodes_created > 0
    assert _count(seeded, BOOKKEEPING) == 0  # the contract stays clean after success
    after = snapshot(seeded)
    again = journaled.write(load_ledger(demo), known)
    assert (again.nodes_created, again.relationships_created, again.properties_set) == (0, 0, 0)
    assert snapshot(seeded) == after
    assert after == _reference(seeded, load_ledger(demo))
    # a journaled load that changes existing facts reports what an atomic one reports
    second = load_ledger(demo, source_name="第二份台账")
    atomic = Neo4jWriter(seeded).write(second, known, atomic=True)
    _reference(seeded, load_ledger(demo))
    changed = journaled.write(load_ledger(demo, source_name="第二份台账"), known)
    assert _count(seeded, BOOKKEEPING) == 0
    assert [getattr(changed, k) for k in ("nodes_created", "relationships_created", "properties_set",
                                          "labels_added")] == \
        [getattr(atomic, k) for k in ("nodes_created", "relationships_created", "properties_set", "labels_added")]
    assert snapshot(seeded) == _reference(seeded, load_ledger(demo), load_ledger(demo, source_name="第二份台账"))


def test_a_load_stopped_in_the_client_rolls_itself_back(seeded, demo):
    Neo4jWriter(seeded).write(load_ledger(LEDGERS / "good.csv"), bundled_gazetteer().known_ids())
    before = snapshot(seeded)
    seen = []

    def stop_after_some(name, n):
        seen.append(n)
        if len(seen) == 30:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        Neo4jWriter(seeded, atomic_limit=100, batch_size=10).write(
            load_ledger(demo), bundled_gazetteer().known_ids(), progress=stop_after_some)
    assert snapshot(seeded) == before


def test_a_load_whose_client_is_alive_is_not_rolled_back(seeded, cli):
    before = snapshot(seeded)
    with seeded.session() as s:
        run = load_runs.start(s, ["source:另一个导入"], 200_000)  # this process: alive
    try:
        code, out, err = cli("load", LEDGERS / "good.csv")
        assert code != 0
        assert_one_line_error(err, "另一个导入正在进行", "another load is running", str(os.getpid()))
        with seeded.session() as s:
            assert [r.id for r in load_runs.runs(s)] == [run]
    finally:
        with seeded.session() as s:
            load_runs.roll_back(s, run)
    assert snapshot(seeded) == before


def test_analyses_and_counts_do_not_see_an_unfinished_load(seeded, cli_env, demo):
    from graph.projection import project
    from graph.reader import counts

    G_before = project(seeded)
    proc = _start_load(cli_env, demo)
    _wait_for_batches(seeded, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    G = project(seeded)
    assert sorted(G.nodes) == sorted(G_before.nodes) and G.number_of_edges() == G_before.number_of_edges()
    assert all("_load_run" not in d for _, d in G.nodes(data=True))
    assert not set(counts(seeded)["nodes"]) & {"LoadRun", "LoadUndo"}
    with seeded.session() as s:
        load_runs.settle(s, notify=lambda line: None)
    assert _count(seeded, BOOKKEEPING) == 0
