"""`jinshang cypher` and `jinshang query` only read: writes are refused before they run, the
database is unchanged, parameter values are inert data, and errors are one line with exit 1."""
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jinshang.cli.app import app
from graph.connection import resolve_target
from graph.errors import DatabaseError, ReadOnlyViolation
from graph.read_query import read_rows
from graph.reader import snapshot

ROOT = Path(__file__).resolve().parents[2]
JINSHANG = str(Path(sys.executable).with_name("jinshang"))
WRITES = [
    "CREATE (n:Person {id: 'person:x', name: 'x'})",
    "MERGE (n:County {id: 'county:忻州市/代县'}) SET n.name = '代州'",
    "MATCH (n:County) SET n.kind = '村'",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n:Person) REMOVE n.aliases",
    "CREATE INDEX refused_idx IF NOT EXISTS FOR (n:Person) ON (n.aliases)",
    "MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS",
    "LOAD CSV FROM 'file:///etc/hostname' AS line RETURN line",
    "MATCH (c:County) WITH c LIMIT 1 CREATE (c)-[:PART_OF]->(c)",
]


@pytest.fixture(scope="module")
def seeded(driver, neo4j_server):
    """The bundled dataset, loaded once for this module; each test checks it is left unchanged."""
    from graph.writer import Neo4jWriter
    from loaders.bundled import bundled_catalog
    from tests.conftest import wipe

    wipe(driver, neo4j_server.neo4j_database)
    Neo4jWriter(driver, neo4j_server.neo4j_database).write(bundled_catalog())
    return driver


def _cli(env, *args):
    """The installed `jinshang` script in a subprocess (for the tests that need a real process)."""
    return subprocess.run([JINSHANG, *args], env={**os.environ, **env}, capture_output=True,
                          text=True, cwd=ROOT, timeout=120)


def test_writes_are_refused_and_nothing_changes(seeded, neo4j_server, cli_env):
    before = snapshot(seeded)
    runner = CliRunner()
    for statement in WRITES:
        with pytest.raises(ReadOnlyViolation, match="refused"):
            with read_rows(seeded, statement, database=neo4j_server.neo4j_database):
                pass
        result = runner.invoke(app, ["cypher", statement], env=cli_env)
        assert result.exit_code == 1 and isinstance(result.exception, ReadOnlyViolation), statement
    assert snapshot(seeded) == before
    # the index was not created either
    with seeded.session() as s:
        assert s.run("SHOW INDEXES YIELD name WHERE name = 'refused_idx' RETURN name").data() == []


def test_the_read_transaction_is_a_second_lock(seeded, neo4j_server):
    """Even with the EXPLAIN check skipped, the server refuses a write in a READ transaction."""
    before = snapshot(seeded)
    with pytest.raises(DatabaseError, match="(?i)read"):
        with read_rows(seeded, "MATCH (n:County) SET n.kind = '村' RETURN n", check=False) as rows:
            list(rows)
    assert snapshot(seeded) == before


def test_injection_through_a_parameter_is_inert(seeded, cli, cli_env):
    before = snapshot(seeded)
    evil = "x'}) DETACH DELETE n //"
    code, out, err = cli("cypher", "MATCH (n:County {name: $name}) RETURN n.name AS name", "-p", f"name={evil}",
                         "--format", "json")
    assert code == 0, err
    assert json.loads(out) == []
    code, out, err = cli("query", "run", "chamber_profile", "-p", f"chamber={evil}", "--format", "json")
    assert code == 0 and json.loads(out) == []
    # through the installed script too: the value comes back verbatim, as data
    r = _cli(cli_env, "cypher", "RETURN $name AS name, $n AS n", "-p", f"name={evil}", "-p", "n=1 OR 1=1",
             "--format", "json")
    assert json.loads(r.stdout) == [{"name": evil, "n": "1 OR 1=1"}]
    assert snapshot(seeded) == before


def test_cli_outputs(seeded, cli):
    code, out, err = cli("query", "run", "people_posts", "-p", "person=高山", "--format", "csv")
    assert code == 0, err
    assert out.splitlines() == [
        "person,title,organization,organization_kind,as_of,sources",
        '高山,监事长,广东山西商会,Chamber,2017-05-12,"[""source:忻州日报-2018-01-11""]"',
        '高山,副会长,广东山西商会,Chamber,2017-06-15,"[""source:忻州日报-2018-01-11""]"']
    code, out, err = cli("cypher", "MATCH (c:County)-[:PART_OF]->(:City {name: $city}) WHERE c.admin_code > $code "
             "RETURN c.name AS name, c.admin_code AS code ORDER BY code LIMIT $n",
             "-p", "city=忻州市", "-p", "code:string=140980", "-p", "n=5", "-f", "json")
    assert json.loads(out) == [{"name": "原平市", "code": "140981"}]
    code, out, err = cli("cypher", "RETURN date($d) = date('2017-05-12') AS same, $b AS b, $f AS f",
             "-p", "d=2017-05-12", "-p", "b=true", "-p", "f=2.5", "-f", "json")
    assert json.loads(out) == [{"same": True, "b": True, "f": 2.5}]
    # the table view cuts at --limit and says how many rows were left out
    code, out, err = cli("cypher", "MATCH (c:County) RETURN c.name AS name", "--limit", "3")
    assert code == 0 and "16 row(s); 13 more not shown (--limit 3" in out
    # a statement piped on stdin
    code, out, err = cli("cypher", "-f", "json", input="MATCH (c:Chamber) RETURN count(c) AS n;\n")
    assert json.loads(out) == [{"n": 11}]
    code, out, err = cli("query", "list")
    assert code == 0 and "warm_path" in out and "ambassadors" in out
    code, out, err = cli("query", "show", "ambassadors")
    assert out.startswith("// name: ambassadors")


@pytest.mark.parametrize("args, message", [
    (["cypher", "CREATE (n:Person {id: 'p', name: 'p'})"], "refused: the statement would write"),
    (["cypher", "MATCH (n RETURN n"], "the query failed: Invalid input"),
    (["query", "run", "chamber_profile"], "missing required parameter(s) chamber"),
    (["query", "run", "ambassadors", "-p", "colour=red"], "unknown parameter(s) colour"),
    (["query", "run", "events_by_signed_amount", "-p", "year=twenty"], "'year': 'twenty' is not a valid int"),
    (["query", "run", "chamber_profil"], "no query named 'chamber_profil' (did you mean: chamber_profile"),
    (["query", "show", "nope"], "no query named 'nope'"),
    (["cypher", "RETURN 1", "-p", "oops"], "must be written key=value"),
])
def test_errors_are_one_line_with_exit_1(seeded, cli, args, message):
    code, out, err = cli(*args)
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("error: ")
    assert message in err, err
    assert "Traceback" not in err


def test_interactive_prompt_on_a_terminal_keeps_history(seeded, cli_env, tmp_path):
    """Without a query, on a terminal (a real pty), `cypher` prompts; statements end at ';' or a
    blank line, errors do not end the session, and the history is saved under JINSHANG_VAR."""
    import pty
    import select

    master, slave = pty.openpty()
    env = {**os.environ, **cli_env, "JINSHANG_VAR": str(tmp_path), "COLUMNS": "120"}
    proc = subprocess.Popen([JINSHANG, "cypher", "-f", "json"], stdin=slave, stdout=slave, stderr=slave,
                            env=env, cwd=ROOT, close_fds=True)
    os.close(slave)
    os.write(master, "MATCH (c:Chamber)\nRETURN count(c) AS n;\nCREATE (x:Person)\n\n:quit\n".encode())
    out = b""
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    proc.wait(timeout=60)
    os.close(master)
    text = out.decode("utf-8", "replace")
    assert proc.returncode == 0, text
    assert '{"n": 11}' in text and "refused" in text
    history = (tmp_path / "cypher_history").read_text(encoding="utf-8")
    assert "RETURN count(c) AS n;" in history
