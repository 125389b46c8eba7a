"""The read-only allow-list on a statement's tokens and on a plan, without a server."""
import pytest

from graph.errors import ReadOnlyViolation
from graph.cypher_lexer import longest_chain, nesting_depth, tokens
from queries.params import ParameterError, infer_value, typed_value
from graph.read_only import check_plan, check_statement, plan_operators, split_mode


def test_strings_comments_and_backticks_are_read_whole():
    toks = tokens("MATCH (n) /* SHOW */ WHERE n.x = 'it''s \\' TERMINATE' // USE system\n"
                  "RETURN `a``b` AS `CALL dbms.x()`, \"x\\\"y\" AS s, $`p q` AS p")
    assert [t.kind for t in toks if t.kind in ("string", "quoted", "param")] == \
        ["string", "string", "quoted", "quoted", "string", "param"]
    assert [t.word for t in toks if t.word] == ["MATCH", "N", "WHERE", "N", "X", "RETURN", "AS", "AS", "S", "AS", "P"]
    assert [t.name for t in toks if t.kind == "quoted"] == ["a`b", "CALL dbms.x()"]


@pytest.mark.parametrize("text, depth, chain", [
    ("RETURN [(1), {a: [2]}] AS x", 3, 0),
    ("RETURN '((((' AS x", 0, 0),
    ("RETURN 1 + 2 * 3, NOT true AND false", 0, 2),
    ("RETURN (1 + (2 + 3)) + 4", 2, 1),
])
def test_depth_and_chain(text, depth, chain):
    toks = tokens(text)
    assert (nesting_depth(toks), longest_chain(toks)) == (depth, chain)


@pytest.mark.parametrize("text, mode, rest", [
    ("PROFILE MATCH (n) RETURN n", "PROFILE", "MATCH (n) RETURN n"),
    ("  explain /* plan */ RETURN 1", "EXPLAIN", "RETURN 1"),
    ("RETURN 'PROFILE'", None, "RETURN 'PROFILE'"),
])
def test_split_mode(text, mode, rest):
    assert split_mode(text) == (mode, rest)


@pytest.mark.parametrize("text, message", [
    ("SHOW SETTINGS", "SHOW is an administration command"),
    ("CREATE CONSTRAINT c FOR (n:X) REQUIRE n.id IS UNIQUE", "CREATE is an administration command"),
    ("CREATE (n)", "the statement would write (it begins with CREATE)"),
    ("CALL db.stats.retrieve('QUERIES')", "CALL db.stats.retrieve is not one of the read procedures"),
    ("CALL DB.LABELS()", None),
    ("MATCH (n) RETURN n.use AS use, n.show AS show", None),
    ("UNWIND [1] AS x CALL (x) { RETURN x AS y } IN TRANSACTIONS RETURN y", "IN TRANSACTIONS"),
    ("", "the statement is empty"),
])
def test_check_statement(text, message):
    if message is None:
        check_statement(text)
    else:
        with pytest.raises(ReadOnlyViolation, match=message.replace("(", r"\(").replace(")", r"\)")):
            check_statement(text)


def test_the_plan_is_held_to_the_same_allow_list():
    plan = {"operatorType": "ProduceResults@neo4j", "args": {"Details": "x"}, "children": [
        {"operatorType": "TerminateTransactions@neo4j", "args": {"Details": "transactions(x)"}, "children": []}]}
    # TERMINATE TRANSACTIONS is planned as query type 'r': the type alone lets it through
    with pytest.raises(ReadOnlyViolation, match="operator TerminateTransactions"):
        check_plan("r", plan_operators(plan))
    with pytest.raises(ReadOnlyViolation, match="db.stats.retrieve"):
        check_plan("r", [("ProcedureCall@neo4j", "db.stats.retrieve($a) :: (section :: STRING)")])
    check_plan("r", [("ProcedureCall@neo4j", "db.labels() :: (label :: STRING)"), ("Expand(All)@neo4j", "")])


def test_parameters_are_64_bit_integers():
    assert infer_value("-9223372036854775808") == -2**63
    for bad in ("9223372036854775808", "-9223372036854775809"):
        with pytest.raises(ParameterError, match=f"'n'.*{bad}.*64-bit"):
            infer_value(bad, "n")
        with pytest.raises(ParameterError, match="64-bit"):
            typed_value("int", bad, name="n")
