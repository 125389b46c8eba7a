"""The read-only rule for user-supplied Cypher: an allow-list, checked twice.

Before anything is sent, the statement's tokens (graph.cypher_lexer: strings, comments and
backtick names cannot hide or fake a keyword) must pass ``check_statement``: not too long, too
deeply nested or too long a chain of operators (the server's parser never replies to thousands of
nested brackets, nor to 600 operators in a row: ``1+1+…``, ``NOT NOT …``), beginning like a read (MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN or CALL, optionally
after EXPLAIN or PROFILE), with no administration (SHOW, TERMINATE, GRANT …), no USE, no LOAD CSV,
no ``CALL { } IN TRANSACTIONS``, and CALL only of the named read procedures below.

Then graph.read_query asks the server to EXPLAIN it (planning runs nothing) and ``check_plan``
holds the plan to the same rule, because the plan is what would really run: the query type must be
``r`` (read-only), every operator must be a known reading operator, and every ProcedureCall must
name an allowed procedure. ``TERMINATE TRANSACTIONS`` and ``SHOW SETTINGS`` are planned as type
``r``, which is why the type alone is not enough.

>>> check_statement("MATCH (n) WHERE n.name = 'CREATE' RETURN n // SHOW SETTINGS")
>>> check_statement("terminate /* x */ TRANSACTIONS")
Traceback (most recent call last):
...
graph.errors.ReadOnlyViolation: 拒绝执行：TERMINATE 是服务器管理命令，本命令只读图谱 (refused: TERMINATE is an administration command; this command only reads the graph) — nothing was run
>>> check_plan("r", [("ProduceResults@neo4j", ""), ("AllNodesScan@neo4j", "n")])
>>> check_plan("w", [("Create@neo4j", "(n)")])
Traceback (most recent call last):
...
graph.errors.ReadOnlyViolation: refused: the statement would write (query type 'w': writes); this command only reads — nothing was run
"""
from __future__ import annotations

from collections.abc import Iterable

from graph.errors import ReadOnlyViolation
from graph.cypher_lexer import Token, longest_chain, nesting_depth, tokens

MAX_CHARS = 20_000   # the longest named query is about 2,000 characters
MAX_DEPTH = 100      # brackets nested deeper than any real read; thousands crash the server's parser
MAX_CHAIN = 200      # operators in one expression (1+1+…, NOT NOT …): 600 hang the server as brackets do
MAX_TOKENS = 4_000   # the longest named query has about 400

QUERY_TYPES = {
    "r": "read-only",
    "w": "writes",
    "rw": "reads and writes",
    "s": "schema or administration writes",
}
READ_STARTS = ("MATCH", "OPTIONAL", "WITH", "UNWIND", "RETURN", "CALL")
WRITE_CLAUSES = ("CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "FOREACH", "INSERT")
ADMIN_WORDS = ("SHOW", "TERMINATE", "ALTER", "DROP", "GRANT", "DENY", "REVOKE", "START", "STOP",
               "ENABLE", "RENAME", "DEALLOCATE", "REALLOCATE", "DRYRUN", "FINISH")
# CREATE followed by one of these is administration, not a write of the graph's data.
CREATE_ADMIN = ("INDEX", "CONSTRAINT", "USER", "ROLE", "DATABASE", "ALIAS", "COMPOSITE", "OR", "FULLTEXT",
                "TEXT", "POINT", "RANGE", "LOOKUP", "VECTOR", "BTREE", "SERVER", "IMMUTABLE")

# The read procedures a query may CALL: they describe the graph's schema, nothing about the server.
# (Neo4j 5 has no db.indexes; use the schema procedures.) Every other db.* and all dbms.* are refused.
READ_PROCEDURES = (
    "db.labels", "db.relationshipTypes", "db.propertyKeys", "db.schema.visualization",
    "db.schema.nodeTypeProperties", "db.schema.relTypeProperties",
)
_PROCEDURES = {p.casefold() for p in READ_PROCEDURES}

# The operators of Neo4j 5.26 plans that only read the graph (names without '@db' and '(…)').
# Anything else — ShowSettings, TerminateTransactions, TransactionForeach, LoadCSV, Create … — is refused.
READ_OPERATORS = frozenset("""
    ProduceResults Argument EmptyResult Eager Filter Projection CacheProperties PreserveOrder
    ArgumentTracker NullifyMetadata NonFuseable
    AllNodesScan NodeByLabelScan IntersectionNodeByLabelsScan UnionNodeByLabelsScan
    SubtractionNodeByLabelsScan NodeByIdSeek NodeByElementIdSeek NodeIndexSeek NodeUniqueIndexSeek
    NodeIndexSeekByRange NodeUniqueIndexSeekByRange MultiNodeIndexSeek AssertingMultiNodeIndexSeek
    NodeIndexScan NodeIndexContainsScan NodeIndexEndsWithScan NodeCountFromCountStore
    DirectedRelationshipIndexSeek UndirectedRelationshipIndexSeek DirectedRelationshipUniqueIndexSeek
    UndirectedRelationshipUniqueIndexSeek DirectedRelationshipIndexSeekByRange
    UndirectedRelationshipIndexSeekByRange DirectedRelationshipUniqueIndexSeekByRange
    UndirectedRelationshipUniqueIndexSeekByRange AssertingMultiRelationshipIndexSeek
    DirectedRelationshipIndexScan UndirectedRelationshipIndexScan DirectedRelationshipIndexContainsScan
    UndirectedRelationshipIndexContainsScan DirectedRelationshipIndexEndsWithScan
    UndirectedRelationshipIndexEndsWithScan DirectedRelationshipByIdSeek UndirectedRelationshipByIdSeek
    DirectedRelationshipByElementIdSeek UndirectedRelationshipByElementIdSeek DirectedAllRelationshipsScan
    UndirectedAllRelationshipsScan DirectedRelationshipTypeScan UndirectedRelationshipTypeScan
    DirectedUnionRelationshipTypesScan UndirectedUnionRelationshipTypesScan RelationshipCountFromCountStore
    Expand OptionalExpand VarLengthExpand ShortestPath StatefulShortestPath PathPropagatingBFS Repeat
    BidirectionalRepeat ProjectEndpoints TriadicSelection TriadicBuild TriadicFilter
    Aggregation EagerAggregation OrderedAggregation Distinct OrderedDistinct Sort PartialSort Top
    Top1WithTies PartialTop Limit ExhaustiveLimit Skip Unwind Optional Anti
    Apply SemiApply AntiSemiApply LetSemiApply LetAntiSemiApply SelectOrSemiApply SelectOrAntiSemiApply
    LetSelectOrSemiApply LetSelectOrAntiSemiApply ConditionalApply AntiConditionalApply RollUpApply
    CartesianProduct NodeHashJoin NodeLeftOuterHashJoin NodeRightOuterHashJoin ValueHashJoin
    Union OrderedUnion ProcedureCall
""".split())


def _refuse(zh: str, en: str) -> ReadOnlyViolation:
    return ReadOnlyViolation(f"拒绝执行：{zh} (refused: {en}) — nothing was run")


def _admin(word: str) -> ReadOnlyViolation:
    return _refuse(f"{word} 是服务器管理命令，本命令只读图谱",
                   f"{word} is an administration command; this command only reads the graph")


def split_mode(text: str) -> tuple[str | None, str]:
    """A leading EXPLAIN or PROFILE, and the statement after it: ``("PROFILE", "MATCH …")``."""
    toks = tokens(text)
    if toks and toks[0].word in ("EXPLAIN", "PROFILE"):
        rest = text[toks[1].pos:] if len(toks) > 1 else ""
        return toks[0].word, rest
    return None, text


def check_statement(text: str) -> None:
    """Raise ReadOnlyViolation, before anything is sent, unless the text reads like a plain read."""
    if len(text) > MAX_CHARS:
        raise _refuse(f"语句有 {len(text):,} 个字符，超过上限 {MAX_CHARS:,}",
                      f"the statement is {len(text):,} characters long, over the limit of {MAX_CHARS:,}")
    toks = tokens(text)
    depth = nesting_depth(toks)
    if depth > MAX_DEPTH:
        raise _refuse(f"括号嵌套 {depth} 层，超过上限 {MAX_DEPTH}",
                      f"brackets nested {depth} deep, over the limit of {MAX_DEPTH}")
    chain = longest_chain(toks)
    if chain > MAX_CHAIN:
        raise _refuse(f"一个表达式里有 {chain} 个运算符，超过上限 {MAX_CHAIN}",
                      f"one expression chains {chain} operators, over the limit of {MAX_CHAIN}")
    if len(toks) > MAX_TOKENS:
        raise _refuse(f"语句有 {len(toks):,} 个词法单元，超过上限 {MAX_TOKENS:,}",
                      f"the statement has {len(toks):,} tokens, over the limit of {MAX_TOKENS:,}")
    if not toks:
        raise _refuse("没有语句", "the statement is empty")
    _check_start(toks)
    for i, t in enumerate(toks):
        _check_token(toks, i, t)


def _check_start(toks: list[Token]) -> None:
    first = toks[0]
    word = first.word
    if word in READ_STARTS:
        return
    nxt = toks[1].word if len(toks) > 1 else ""
    if word in ADMIN_WORDS or (word == "CREATE" and nxt in CREATE_ADMIN):
        raise _admin(word)
    if word == "USE":
        raise _refuse("USE 会切换到另一个数据库", "USE switches to another database")
    if word == "LOAD":
        raise _refuse("LOAD CSV 会在服务器上读取文件或网址", "LOAD CSV reads files or URLs on the server")
    if word in WRITE_CLAUSES:
        raise ReadOnlyViolation(f"refused: the statement would write (it begins with {word}); "
                                "this command only reads — nothing was run")
    if word in ("EXPLAIN", "PROFILE"):
        raise _refuse(f"{word} 只能出现一次，且在最前面", f"{word} may come once, at the very start")
    raise _refuse(f"读取语句以 MATCH、OPTIONAL MATCH、WITH、UNWIND、RETURN 或 CALL 开头，而不是 {first.text!r}",
                  f"a read begins with MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN or CALL, not {first.text!r}")


def _check_token(toks: list[Token], i: int, t: Token) -> None:
    prev = toks[i - 1] if i else None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if prev is not None and prev.kind == "punct" and prev.text in ".:":
        return  # a property key or label spelled like a keyword
    if t.text == ";" and t.kind == "punct":
        raise _refuse("一次只能执行一条语句", "one statement at a time (a ';' inside the text)")
    word = t.word
    if word == "LOAD" and nxt is not None and nxt.word == "CSV":
        raise _refuse("LOAD CSV 会在服务器上读取文件或网址", "LOAD CSV reads files or URLs on the server")
    if word == "USE" and (prev is None or prev.text == "{" or prev.word in ("UNION", "ALL")):
        raise _refuse("USE 会切换到另一个数据库", "USE switches to another database")
    if word == "IN" and prev is not None and prev.text == "}" and \
            any(x.word == "TRANSACTIONS" for x in toks[i + 1:i + 4]):
        raise _refuse("CALL { } IN TRANSACTIONS 会分批提交写入",
                      "CALL { } IN TRANSACTIONS commits in batches of its own")
    if word == "CALL" and nxt is not None and nxt.kind in ("word", "quoted"):
        name = _dotted_name(toks, i + 1)
        if name.casefold() not in _PROCEDURES:
            raise _procedure(name)


def _dotted_name(toks: list[Token], i: int) -> str:
    parts = [toks[i].name]
    while i + 2 < len(toks) and toks[i + 1].text == "." and toks[i + 2].kind in ("word", "quoted"):
        parts.append(toks[i + 2].name)
        i += 2
    return ".".join(parts)


def _procedure(name: str) -> ReadOnlyViolation:
    allowed = ", ".join(READ_PROCEDURES)
    return _refuse(f"不允许调用过程 {name}，只允许读取图谱结构的过程",
                   f"CALL {name} is not one of the read procedures this command allows ({allowed})")


def plan_operators(plan: dict | None) -> list[tuple[str, str]]:
    """Every (operatorType, Details) in a plan tree (the driver's ``summary.plan`` dict), depth first."""
    out: list[tuple[str, str]] = []
    stack = [plan] if plan else []
    while stack:
        node = stack.pop()
        out.append((str(node.get("operatorType", "")), str((node.get("args") or {}).get("Details", ""))))
        stack.extend(reversed(node.get("children", []) or []))
    return out


def operator_names(plan: dict | None) -> list[str]:
    """Every operatorType in a plan tree, depth first."""
    return [op for op, _ in plan_operators(plan)]


def base_operator(op: str) -> str:
    """``Expand(All)@neo4j`` → ``Expand``."""
    return op.split("@", 1)[0].split("(", 1)[0]


def check_plan(query_type: str | None, operators: Iterable[tuple[str, str]] = ()) -> None:
    """Raise ReadOnlyViolation unless the server's plan only reads the graph."""
    if query_type != "r":
        what = QUERY_TYPES.get(query_type or "", "not read-only")
        raise ReadOnlyViolation(
            f"refused: the statement would write (query type {query_type!r}: {what}); "
            "this command only reads — nothing was run")
    for op, details in operators:
        base = base_operator(op)
        if base == "LoadCSV":
            raise _refuse("LOAD CSV 会在服务器上读取文件或网址", "LOAD CSV reads files or URLs on the server")
        if base not in READ_OPERATORS:
            raise _refuse(f"执行计划含有操作 {base}，不是只读图谱的操作",
                          f"the server would run operator {base}, which is not a read of the graph")
        if base == "ProcedureCall":
            name = details.split("(", 1)[0].strip()
            if name.casefold() not in _PROCEDURES:
                raise _procedure(name)


def check_read_only(query_type: str | None, operators: Iterable[str] = ()) -> None:
    """The plan check from operator names alone (no procedure details): kept for callers of old."""
    check_plan(query_type, [(op, "") for op in operators if base_operator(op) != "ProcedureCall"])
