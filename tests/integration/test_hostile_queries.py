"""Hostile statements and parameters against the read-only commands (issue 11, findings 3, 6, 11).

Every statement is tried through `jinshang cypher` (as an argument and on stdin) and through the
library call `jinshang query run` stands on (queries.library.fetch → graph.read_query.read_rows);
parameters through both `cypher -p` and `query run -p`. A refused case must print one `error:` line
naming what was refused and leave the database exactly as it was; an allowed read must return the
right rows — keywords inside strings, comments, backtick names or map keys are not refused.
"""
import json
import threading

import pytest

from graph.errors import DatabaseError, JinshangError
from graph.read_query import QueryTimeout, fetch, read_rows
from graph.reader import snapshot
from tests.integration.conftest import assert_one_line_error

DEEP_PARENS = "RETURN " + "(" * 5000 + "1" + ")" * 5000 + " AS n"
DEEP_LISTS = "RETURN " + "[" * 5000 + "]" * 5000 + " AS n"
# operators nest in the server's parser as brackets do: 600 in a row and it never answers
LONG_NOTS = "RETURN " + "NOT " * 600 + "true AS n"
LONG_SUM = "MATCH (c:County) RETURN c.name AS name, " + "1 + " * 600 + "1 AS n"
MANY_TOKENS = "RETURN [" + "1, " * 2500 + "1] AS n"

# (id, statement, the parts the one-line error must name)
REFUSED = [
    ("terminate", "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", ["refused", "TERMINATE", "administration"]),
    ("terminate-odd-case-comment", "terminate\n/* quietly */ TrAnSaCtIoNs", ["refused", "TERMINATE"]),
    ("terminate-after-comment", "// just a read\n   TERMINATE TRANSACTIONS", ["refused", "TERMINATE"]),
    ("show-settings", "  ShOw\tSETTINGS", ["refused", "SHOW", "administration"]),
    ("show-transactions", "SHOW TRANSACTIONS YIELD *", ["refused", "SHOW"]),
    ("show-procedures", "SHOW PROCEDURES", ["refused", "SHOW"]),
    ("show-users", "SHOW USERS", ["refused", "SHOW"]),
    ("create-user", "CREATE USER mallory SET PASSWORD 'secret-secret'", ["refused", "CREATE", "administration"]),
    ("create-index", "CREATE INDEX refused_idx FOR (n:Person) ON (n.name)", ["refused", "CREATE", "administration"]),
    ("grant", "GRANT ROLE admin TO mallory", ["refused", "GRANT"]),
    ("alter-user", "ALTER USER neo4j SET PASSWORD 'secret-secret'", ["refused", "ALTER"]),
    ("stop-database", "STOP DATABASE neo4j", ["refused", "STOP"]),
    ("drop-database", "DROP DATABASE neo4j", ["refused", "DROP"]),
    ("dbms-procedure", "CALL dbms.components()", ["refused", "dbms.components"]),
    ("dbms-in-union", "MATCH (c:County) RETURN c.name AS n UNION CALL dbms.showCurrentUser() YIELD username "
                      "RETURN username AS n", ["refused", "dbms.showCurrentUser"]),
    ("stats-stop", "CALL db.stats.stop('QUERIES')", ["refused", "db.stats.stop"]),
    ("stats-collect", "CALL db.stats.collect('QUERIES')", ["refused", "db.stats.collect"]),
    ("stats-retrieve", "CALL db.labels() YIELD label CALL db.stats.retrieve('QUERIES') YIELD data "
                       "RETURN label, data", ["refused", "db.stats.retrieve"]),
    ("stats-backticks", "call `db`.`stats`.`clear`('QUERIES')", ["refused", "db.stats.clear"]),
    ("resample-indexes", "CALL db.resampleOutdatedIndexes()", ["refused", "db.resampleOutdatedIndexes"]),
    ("prepare-replanning", "CALL db.prepareForReplanning()", ["refused", "db.prepareForReplanning"]),
    ("write-procedure", "CALL db.createLabel('Mallory')", ["refused", "db.createLabel"]),
    ("plugin-procedure", "MATCH (n) CALL apoc.do.it(n) YIELD value RETURN value", ["refused", "apoc.do.it"]),
    ("in-transactions", "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS",
     ["refused", "IN TRANSACTIONS"]),
    ("in-concurrent-transactions", "UNWIND [1] AS x CALL (x) {RETURN x AS y} IN 2 CONCURRENT TRANSACTIONS "
                                   "RETURN y", ["refused", "IN TRANSACTIONS"]),
    ("use-system", "USE system SHOW USERS", ["refused", "USE"]),
    ("use-in-subquery", "CALL { USE system RETURN 1 AS x } RETURN x", ["refused", "USE"]),
    ("load-csv", "LOAD CSV FROM 'file:///etc/hostname' AS line RETURN line", ["refused", "LOAD CSV"]),
    ("load-csv-mid-statement", "WITH 1 AS x LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
     ["refused", "LOAD CSV"]),
    ("write-in-subquery", "MATCH (c:County) CALL (c) { SET c.kind = '村' } RETURN c.name",
     ["refused", "would write"]),
    ("write-in-nested-subquery", "MATCH (c:County) CALL (c) { CALL (c) { CREATE (c)-[:PART_OF]->(c) } } "
                                 "RETURN count(*) AS n", ["refused", "would write"]),
    ("profile-write", "PROFILE MATCH (n:County) SET n.kind = '村' RETURN n", ["refused", "would write"]),
    ("explain-write", "EXPLAIN CREATE (n:Person {id: 'person:x', name: 'x'})", ["refused", "would write"]),
    ("explain-twice", "EXPLAIN EXPLAIN MATCH (n) RETURN n", ["refused", "EXPLAIN"]),
    ("fullwidth-show", "ＳＨＯＷ SETTINGS", ["refused", "a read begins with", "ＳＨＯＷ"]),
    ("cyrillic-o-show", "SH\u041eW SETTINGS", ["refused", "a read begins with"]),
    ("two-statements", "RETURN 1 AS x; SHOW SETTINGS", ["refused", "one statement at a time"]),
    ("unterminated-string", "RETURN 'a; TERMINATE TRANSACTIONS", ["refused", "unterminated string"]),
    ("unterminated-comment", "RETURN 1 /* TERMINATE TRANSACTIONS", ["refused", "unterminated comment"]),
    ("deep-parentheses", DEEP_PARENS, ["refused", "nested 5000 deep", "limit of 100"]),
    ("deep-lists", DEEP_LISTS, ["refused", "nested 5000 deep"]),
    ("long-not-chain", LONG_NOTS, ["refused", "chains 600 operators", "limit of 200"]),
    ("long-sum", LONG_SUM, ["refused", "chains 600 operators", "limit of 200"]),
    ("many-tokens", MANY_TOKENS, ["refused", "5,006 tokens", "limit of 4,000"]),
    ("huge-statement", "RETURN '" + "x" * 30_000 + "' AS n", ["refused", "characters long"]),
]

# (id, statement, parameters, the rows it must return)
ALLOWED = [
    ("keywords-in-strings", "MATCH (c:Chamber) WHERE c.name <> 'CREATE' AND c.name <> 'SHOW SETTINGS' "
                            "RETURN count(c) AS n", {}, [{"n": 11}]),
    ("keywords-as-values-and-names", "RETURN 'TERMINATE TRANSACTIONS' AS `SHOW`, \"LOAD CSV\" AS `CALL db.stats.stop()`",
     {}, [{"SHOW": "TERMINATE TRANSACTIONS", "CALL db.stats.stop()": "LOAD CSV"}]),
    ("keywords-in-comments", "MATCH (c:County) // SHOW SETTINGS\n/* TERMINATE TRANSACTIONS; USE system */ "
                             "RETURN count(c) AS n", {}, [{"n": 16}]),
    ("keywords-as-map-keys", "WITH {show: 1, terminate: 2, create: 3, use: 4} AS m "
                             "RETURN m.show + m.terminate + m.create + m.use AS n", {}, [{"n": 10}]),
    ("keyword-as-variable", "MATCH (`TERMINATE`:County {name: '代县'}) RETURN `TERMINATE`.name AS name", {},
     [{"name": "代县"}]),
    ("keywords-in-a-parameter", "MATCH (p:Person) WHERE p.name = $name RETURN p.name AS name",
     {"name": "x'; TERMINATE TRANSACTIONS //"}, []),
    ("db-labels", "CALL db.labels() YIELD label WHERE label = 'Chamber' RETURN label", {}, [{"label": "Chamber"}]),
    ("db-relationship-types", "CALL db.relationshipTypes() YIELD relationshipType AS t WHERE t = 'HOLDS_POST' "
                              "RETURN t", {}, [{"t": "HOLDS_POST"}]),
    ("db-schema", "CALL db.schema.nodeTypeProperties() YIELD nodeLabels WHERE 'County' IN nodeLabels "
                  "RETURN count(*) > 0 AS ok", {}, [{"ok": True}]),
    ("read-subquery", "MATCH (c:Chamber {name: '广东山西商会'}) CALL (c) { MATCH (c)<-[:HOLDS_POST]-(p) "
                      "RETURN count(DISTINCT p) AS people } RETURN people > 0 AS ok", {}, [{"ok": True}]),
    ("comprehensions-and-subqueries", "MATCH (c:County {name: '代县'}) RETURN [x IN [1, 2, 3] WHERE x > 1 | x * 10] "
                                      "AS xs, EXISTS { (c)-[:PART_OF]->(:City) } AS part, "
                                      "CASE WHEN COUNT { (c)--() } > 0 THEN 'linked' ELSE 'alone' END AS linked",
     {}, [{"xs": [20, 30], "part": True, "linked": "linked"}]),
    ("union-of-reads", "MATCH (c:County {name: '代县'}) RETURN c.name AS name UNION "
                       "MATCH (c:Chamber {name: '广东山西商会'}) RETURN c.name AS name", {},
     [{"name": "代县"}, {"name": "广东山西商会"}]),
    ("profile-read", "PROFILE MATCH (c:Chamber) RETURN count(c) AS n", {}, [{"n": 11}]),
    ("nesting-within-limit", "RETURN " + "(" * 50 + "1" + ")" * 50 + " AS n", {}, [{"n": 1}]),
    ("largest-bolt-integer", "RETURN $n AS n", {"n": 2**63 - 1}, [{"n": 2**63 - 1}]),
]


@pytest.fixture(scope="module")
def graph(driver, neo4j_server):
    """The bundled dataset, loaded once for this module; every case checks it is left unchanged."""
    from graph.writer import Neo4jWriter
    from loaders.bundled import bundled_catalog
    from tests.conftest import wipe

    wipe(driver, neo4j_server.neo4j_database)
    Neo4jWriter(driver, neo4j_server.neo4j_database).write(bundled_catalog())
    return driver


@pytest.mark.parametrize("statement, parts", [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED])
def test_refused_statements(graph, neo4j_server, cli, statement, parts):
    before = snapshot(graph)
    code, out, err = cli("cypher", statement)
    assert code == 1 and out == ""
    assert_one_line_error(err, *parts)
    assert len(err.strip().splitlines()) == 1
    code, out, err = cli("cypher", "-f", "json", input=statement)  # the same text on stdin
    assert code == 1
    assert_one_line_error(err, *parts)
    # the library path `query run` and notebooks use refuses it the same way
    with pytest.raises(JinshangError, match="refused"):
        fetch(graph, statement, database=neo4j_server.neo4j_database)
    assert snapshot(graph) == before


@pytest.mark.parametrize("statement, params, rows", [c[1:] for c in ALLOWED], ids=[c[0] for c in ALLOWED])
def test_allowed_reads(graph, neo4j_server, cli, statement, params, rows):
    before = snapshot(graph)
    assert sorted(fetch(graph, statement, params, database=neo4j_server.neo4j_database)[1],
                  key=json.dumps) == sorted(rows, key=json.dumps)
    if not params:
        code, out, err = cli("cypher", statement, "-f", "json")
        assert code == 0, err
        assert sorted(json.loads(out), key=json.dumps) == sorted(rows, key=json.dumps)
    assert snapshot(graph) == before


def test_explain_shows_the_plan_and_runs_nothing(graph, cli):
    code, out, err = cli("cypher", "EXPLAIN MATCH (c:Chamber) RETURN count(c) AS n", "-f", "json")
    assert code == 0, err
    plan = json.loads(out)
    assert [r["operator"].strip() for r in plan] == ["ProduceResults", "NodeCountFromCountStore"]
    assert plan[1]["operator"].startswith("  ")  # a child, indented
    assert set(plan[0]) == {"operator", "details", "estimated_rows", "identifiers"}


# (id, command args, the parts the one-line error must name)
BAD_PARAMETERS = [
    ("cypher-int-too-big", ["cypher", "RETURN $n AS n", "-p", "n=99999999999999999999"],
     ["'n'", "99999999999999999999", "64-bit"]),
    ("cypher-int-too-small", ["cypher", "RETURN $n AS n", "-p", "n=-9223372036854775809"],
     ["'n'", "-9223372036854775809", "64-bit"]),
    ("cypher-typed-int-too-big", ["cypher", "RETURN $n AS n", "-p", "n:int=9223372036854775808"],
     ["'n'", "9223372036854775808", "64-bit"]),
    ("query-run-int-too-big", ["query", "run", "events_by_signed_amount", "-p", "year=100000000000000000000"],
     ["'year'", "100000000000000000000", "64-bit"]),
    ("query-run-required-null", ["query", "run", "chamber_profile", "-p", "chamber=null"],
     ["'chamber'", "may not be null"]),
    ("query-run-required-NULL", ["query", "run", "event_profile", "-p", "date= NULL "],
     ["'date'", "may not be null"]),
    ("query-run-write-in-a-value", ["query", "run", "events_by_signed_amount", "-p",
                                    "year=2017}) DETACH DELETE n //"], ["'year'", "not a valid int"]),
]


@pytest.mark.parametrize("args, parts", [c[1:] for c in BAD_PARAMETERS], ids=[c[0] for c in BAD_PARAMETERS])
def test_bad_parameters(graph, cli, args, parts):
    before = snapshot(graph)
    code, out, err = cli(*args)
    assert code == 1 and out == ""
    assert_one_line_error(err, *parts)
    assert len(err.strip().splitlines()) == 1
    assert snapshot(graph) == before


def test_an_optional_parameter_may_be_null(graph, cli):
    code, out, err = cli("query", "run", "events_by_signed_amount", "-p", "year=null", "-f", "json")
    assert code == 0, err
    assert len(json.loads(out)) > 0


def test_another_sessions_transaction_survives_terminate_attempts(graph, neo4j_server, cli):
    """A transaction of another session, open and mid-read, is still alive after every attempt to
    end it through the read-only commands: it reads again and commits afterwards."""
    database = neo4j_server.neo4j_database
    opened, attempts_done, outcome = threading.Event(), threading.Event(), {}

    def other_session():
        with graph.session(database=database) as session:
            tx = session.begin_transaction()
            try:
                outcome["first"] = tx.run("MATCH (c:Chamber) RETURN count(c) AS n").single()["n"]
                opened.set()
                attempts_done.wait(300)
                outcome["second"] = tx.run("MATCH (c:County) RETURN count(c) AS n").single()["n"]
                tx.commit()
                outcome["committed"] = True
            except Exception as exc:  # reported below, in the test's own thread
                outcome["error"] = repr(exc)
                opened.set()

    worker = threading.Thread(target=other_session)
    worker.start()
    try:
        assert opened.wait(120), "the other session did not start"
        with graph.session(database="system") as s:  # the test may look: the commands may not
            ids = [r["transactionId"] for r in s.run("SHOW TRANSACTIONS YIELD transactionId, currentQuery "
                                                     "WHERE currentQuery <> '' OR true RETURN transactionId")]
        assert ids
        for statement in ["TERMINATE TRANSACTIONS " + ", ".join(f"'{i}'" for i in ids),
                          "terminate /* all */ transactions $ids", "SHOW TRANSACTIONS",
                          "CALL dbms.killTransactions($ids)"]:
            code, out, err = cli("cypher", statement, "-p", f"ids={ids[0]}")
            assert code == 1
            assert_one_line_error(err, "refused")
    finally:
        attempts_done.set()
        worker.join(300)
    assert outcome == {"first": 11, "second": 16, "committed": True}


def test_a_long_read_is_abandoned_at_the_time_limit(graph, cli):
    code, out, err = cli("cypher", "UNWIND range(1, 100000000000) AS x RETURN count(x) AS n", "--timeout", "1")
    assert code == 1
    assert_one_line_error(err, "took longer than 1 s", "--timeout")


def test_a_time_limit_holds_off_the_main_thread_too(graph, neo4j_server):
    """Off the main thread (no timer signal) the server's transaction timeout still ends it."""
    result = {}

    def run():
        try:
            fetch(graph, "UNWIND range(1, 100000000000) AS x RETURN count(x) AS n", timeout=1,
                  database=neo4j_server.neo4j_database)
        except DatabaseError as exc:
            result["error"] = exc

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(300)
    assert isinstance(result.get("error"), QueryTimeout), result


def test_a_server_that_never_answers_cannot_hang_the_command(graph, neo4j_server):
    """Finding 6: the server's parser never answers 5,000 nested brackets. With the text checks
    skipped, the client's own time limit still ends the wait, and the server answers the next one."""
    with pytest.raises(QueryTimeout, match="took longer than 5 s"):
        with read_rows(graph, DEEP_PARENS, check=False, timeout=5, database=neo4j_server.neo4j_database) as rows:
            list(rows)
    assert fetch(graph, "MATCH (c:Chamber) RETURN count(c) AS n", database=neo4j_server.neo4j_database)[1] == \
        [{"n": 11}]
