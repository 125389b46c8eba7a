"""Hostile catalogs: each is refused with one error line (file, line, field, value, reason) and
leaves the database as it was, or loads exactly what it says.

Issue 11, findings 5 (YAML alias bombs), 7 (catalog values) and 8 (tracebacks where a one-line
error belongs). The bombs run in a child process under a timeout, so a regression fails the test
instead of hanging the suite.
"""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from graph.reader import snapshot
from tests.integration.conftest import assert_one_line_error

HEAD = "sources:\n  - {name: hostile-test, title: 测试目录, synthetic: true}\nsource: hostile-test\n"
LOL = "[" + ", ".join(["lol"] * 10) + "]"


def _bomb(levels: int, field: str = "aliases") -> str:
    """Billion laughs: each level a list of ten aliases of the level below."""
    rows = [f"  - name: 炸弹{i}\n    {field}: &l{i} " + ("[" + ", ".join([f"*l{i - 1}"] * 10) + "]" if i else LOL)
            for i in range(levels)]
    return HEAD + "Industry:\n" + "\n".join(rows) + "\n"


def _based_in_bomb() -> str:
    levels = [f"      - &b{i} " + ("[" + ", ".join([f"*b{i - 1}"] * 10) + "]" if i else LOL) for i in range(9)]
    return (HEAD + "Chamber:\n  - name: 炸弹商会\n    aliases:\n" + "\n".join(levels)
            + "\n    based_in: *b8\n")


def _deep_json(depth: int) -> str:
    return ('{"sources": [{"name": "hostile-test", "title": "t", "synthetic": true}], "source": "hostile-test", '
            '"Industry": [{"name": ' + "[" * depth + "]" * depth + "}]}")


# (case id, file name, content: str (written as UTF-8) or bytes, expected error parts)
REFUSED = [
    ("alias-bomb-list", "bomb.yaml", _bomb(9), ["line 12", "Industry[3].aliases[7]", "'*l2'", "aliases expand to more than"]),
    ("alias-bomb-based_in", "bomb2.yaml", _based_in_bomb(),
     ["line 10", "Chamber[0].aliases[3][7]", "'*b2'", "aliases expand to more than"]),
    ("alias-count", "aliases.yaml",
     HEAD + "Industry:\n  - {name: 多别名, aliases: [&x 晋, " + ", ".join(["*x"] * 150) + "]}\n",
     ["line 5", "Industry[0].aliases[101]", "'*x'", "more than 100 YAML aliases"]),
    ("alias-recursive", "recursive.yaml", HEAD + "Industry:\n  - {name: 环, aliases: &r [a, *r]}\n",
     ["line 5", "Industry[0].aliases[1]", "'*r'", "alias inside the value it names"]),
    ("deep-yaml", "deep.yaml", HEAD + "Industry:\n  - name: " + "[" * 60 + "]" * 60 + "\n",
     ["line 5", "Industry[0].name", "nested more than 20 levels"]),
    ("deep-json", "deep.json", _deep_json(60), ["deep.json", "nested more than 20 levels"]),
    ("deep-json-100k", "deeper.json", _deep_json(100_000), ["deeper.json", "nested more than 20 levels"]),
    ("oversize", "big.yaml", HEAD + "# " + "x" * (21 * 1024 * 1024) + "\n", ["big.yaml", "at most 20 MB"]),
    ("nan-amount", "nan.yaml", HEAD + "Project:\n  - {name: 空项目, amount_yi: .nan}\n",
     ["line 5", "Project 空项目: amount_yi", "nan", "not a finite number"]),
    ("inf-amount", "inf.yaml", HEAD + "Project:\n  - name: 无穷项目\n    amount_yi: .inf\n",
     ["line 6", "Project 无穷项目: amount_yi", "inf", "not a finite number"]),
    ("inf-amount-text", "inf2.yaml", HEAD + "Project:\n  - {name: 无穷项目2, funds_in_place_yi: 'Infinity'}\n",
     ["line 5", "funds_in_place_yi", "'Infinity'", "expected an amount"]),
    ("nan-json", "nan.json",
     '{"sources": [{"name": "hostile-test", "title": "t", "synthetic": true}], "source": "hostile-test",\n'
     ' "Project": [{"name": "空项目", "amount_yi": NaN}]}', ["nan.json", "Project 空项目: amount_yi", "not a finite number"]),
    ("negative-amount", "neg.yaml", HEAD + "Project:\n  - {name: 负项目, amount_yi: -5}\n",
     ["line 5", "amount_yi", "-5", "must not be negative"]),
    ("negative-amount-text", "neg2.yaml", HEAD + "Project:\n  - {name: 负项目2, amount_yi: '-5000万元'}\n",
     ["line 5", "amount_yi", "-5000万元", "must not be negative"]),
    ("negative-count", "negc.yaml",
     HEAD + "Event:\n  - {name: 负会, date: 2017-06-01, held_in: 忻州市, signed_count: -3}\n",
     ["line 5", "Event 负会: signed_count", "-3", "must not be negative"]),
    ("id-of-another-label", "steal.yaml", HEAD + "Chamber:\n  - {name: 代县商会, id: 'county:忻州市/代县'}\n",
     ["line 5", "Chamber 代县商会: id", "county:忻州市/代县", "must begin with 'chamber:'"]),
    ("conflicting-duplicate", "dup.yaml",
     HEAD + "Project:\n  - {name: 重复项目, amount_yi: 3}\n  - {name: 重复项目, amount_yi: 4}\n",
     ["line 6", "Project 重复项目: amount_yi", "4", "conflicts with the record of the same id", "line 5"]),
    ("conflicting-edge", "dupedge.yaml",
     HEAD + "Event:\n  - {name: 重复会, date: 2017-06-02, held_in: 忻州市,\n"
            "     attended_by: [{ref: 定襄县, count: 3}, {ref: 定襄县, count: 4}]}\n",
     ["line 6", "attended_by.count", "4", "conflicts with the same ATTENDED"]),
    ("10mb-name", "longname.yaml", HEAD + "Industry:\n  - name: " + "a" * 10_000_000 + "\n",
     ["line 5", "Industry #1: name", "10000000 characters", "too long"]),
    ("long-text", "longtext.yaml", HEAD + "Event:\n  - {name: 长会, date: 2017-06-03, held_in: 忻州市, theme: "
     + "长" * 10_001 + "}\n", ["line 5", "Event 长会: theme", "too long: 10001 characters"]),
    ("binary-tag", "binary.yaml", HEAD + "Industry:\n  - name: !!binary aGVsbG8=\n",
     ["line 5", "Industry[0].name", "!!binary", "YAML tags"]),
    ("set-tag", "set.yaml", HEAD + "Industry:\n  - name: !!set {a, b}\n",
     ["line 5", "Industry[0].name", "!!set", "YAML tags"]),
    ("python-tag", "python.yaml", HEAD + "Industry:\n  - name: !!python/object:os.system [ls]\n",
     ["line 5", "Industry[0].name", "!!python/object:os.system", "YAML tags"]),
    ("local-tag", "local.yaml", HEAD + "Industry:\n  - !mine {name: 自定义}\n",
     ["line 5", "Industry[0]", "'!mine'", "YAML tags"]),
    ("nul-in-name", "nul.yaml", HEAD + 'Industry:\n  - {name: "晋\\0商"}\n',
     ["line 5", "Industry #1: name", "\\x00", "control character (U+0000)"]),
    ("ansi-in-name", "ansi.yaml", HEAD + 'Chamber:\n  - {name: "\\e[31m红色商会\\e[0m"}\n',
     ["line 5", "Chamber #1: name", "\\x1b[31m", "control character (U+001B)"]),
    ("c1-in-text", "c1.yaml", HEAD + 'Organization:\n  - {name: 机构, kind: "政府\\x9b部门"}\n',
     ["line 5", "Organization 机构: kind", "\\x9b", "control character (U+009B)"]),
    ("bidi-in-name", "bidi.yaml", HEAD + 'Person:\n  - {name: "王\\u202e五"}\n',
     ["line 5", "name", "\\u202e", "control character (U+202E)"]),
    ("newline-in-name", "nl.yaml", HEAD + 'Person:\n  - {name: "王\\n五"}\n',
     ["line 5", "Person #1: name", "a line break or tab (U+000A)"]),
    ("raw-control-byte", "raw.yaml", (HEAD + "Industry:\n  - {name: 晋\x1b商}\n").encode(),
     ["line 5", "\\x1b", "control character YAML does not allow"]),
    ("invalid-date", "date.yaml", HEAD + "Event:\n  - {name: 错日会, date: 2017-13-45, held_in: 忻州市}\n",
     ["line 5", "Event 错日会: date", "2017-13-45", "not a calendar date"]),
    ("int-too-large", "bigint.yaml",
     HEAD + "Event:\n  - {name: 大数会, date: 2017-06-04, held_in: 忻州市, attendance: 99999999999999999999}\n",
     ["line 5", "Event 大数会: attendance", "99999999999999999999", "too large a whole number"]),
    ("top-level-list", "list.yaml", "- {name: 甲}\n", ["list.yaml", "a catalog must be a mapping (this one is a list)"]),
    ("empty-file", "empty.yaml", "", ["empty.yaml", "a catalog must be a mapping (this one is empty)"]),
    ("unknown-label", "planet.yaml", HEAD + "Planet:\n  - {name: 火星}\n",
     ["line 4", "Planet", "unknown section"]),
    ("unknown-field", "field.yaml", HEAD + "Industry:\n  - name: 颜色产业\n    color: red\n",
     ["line 6", "Industry 颜色产业: color", "'red'", "not a property or relationship of Industry"]),
    ("wrong-type-bool", "bool.yaml", HEAD + "Company:\n  - {name: 某公司, fortune500: maybe}\n",
     ["line 5", "Company 某公司: fortune500", "'maybe'", "expected yes/no"]),
    ("wrong-type-int", "int.yaml",
     HEAD + "Event:\n  - {name: 多会, date: 2017-06-05, held_in: 忻州市, signed_count: many}\n",
     ["line 5", "Event 多会: signed_count", "'many'", "expected a whole number"]),
    ("wrong-type-mapping-name", "mapname.yaml", HEAD + "Industry:\n  - name: {a: 1}\n",
     ["line 5", "Industry #1: name", "{'a': 1}", "expected text"]),
    ("duplicate-key", "dupkey.yaml", HEAD + "Project:\n  - name: 键项目\n    amount_yi: 3\n    amount_yi: 4\n",
     ["line 7", "amount_yi", "duplicate key in one mapping (first at line 6)"]),
    ("duplicate-key-json", "dupkey.json",
     '{"sources": [{"name": "hostile-test", "title": "t", "synthetic": true}], "source": "hostile-test",'
     ' "Project": [{"name": "键项目", "amount_yi": 3, "amount_yi": 4}]}',
     ["dupkey.json", "amount_yi", "duplicate key in one JSON object"]),
    ("unknown-node", "unknown.yaml", HEAD + "Chamber:\n  - {name: 火星山西商会, based_in: 火星市}\n",
     ["line 5", "Chamber 火星山西商会: based_in", "'火星市'"]),
    ("undeclared-source", "nosource.yaml", HEAD + "Industry:\n  - {name: 无源产业, sources: [别处]}\n",
     ["line 5", "Industry 无源产业: sources", "'别处'", "no such source"]),
    ("not-utf8", "latin.yaml", HEAD.encode() + "Industry:\n  - {name: caf\xe9 \xfc\xf1\xee\xe7\xf8d\xe9}\n".encode("cp1252"),
     ["latin.yaml", "save the catalog as UTF-8"]),
]

# (case id, file name, content, {node id: expected properties (a subset)})
ACCEPTED = [
    ("bom-crlf", "bom.yaml", ("\ufeff" + HEAD + "Industry:\n  - {name: 换行产业}\n").replace("\n", "\r\n"),
     {"industry:换行产业": {"name": "换行产业"}}),
    ("traditional-script", "trad.yaml",
     HEAD + "Chamber:\n  - {name: 臺灣山西商會, level: province}\nPerson:\n  - {name: 張國樑}\n",
     {"chamber:臺灣山西商會": {"name": "臺灣山西商會"}, "person:張國樑": {"name": "張國樑"}}),
    ("full-width-amount", "fullwidth.yaml", HEAD + "Project:\n  - {name: 全角项目, amount_yi: ５７亿元}\n",
     {"project:全角项目": {"amount_yi": 57.0}}),
    ("units", "units.yaml",
     HEAD + "Project:\n  - {name: 万元项目, amount_yi: 5000万元, funds_in_place_yi: 1.5亿元}\n",
     {"project:万元项目": {"amount_yi": 0.5, "funds_in_place_yi": 1.5}}),
    ("merge-keys", "merge.yaml",
     HEAD + "Project:\n  - &p {name: 甲合并项目, stage: 签约, amount_yi: 3}\n  - {<<: *p, name: 乙合并项目}\n",
     {"project:甲合并项目": {"stage": "签约"}, "project:乙合并项目": {"stage": "签约", "amount_yi": 3.0}}),
    ("very-long-line", "longline.yaml",
     HEAD + "Event:\n  - {name: 长行会, date: 2017-06-06, held_in: 忻州市, theme: " + "晋" * 9000 + "}\n",
     {"event:2017-06-06/忻州市": {"name": "长行会", "theme": "晋" * 9000}}),
    ("gbk", "gbk.yaml", (HEAD + "Industry:\n  - {name: 国标编码产业}\n").encode("gbk"),
     {"industry:国标编码产业": {"name": "国标编码产业"}}),
    ("identical-duplicate", "same.yaml",
     HEAD + "Project:\n  - {name: 同项目, amount_yi: 2}\n  - {name: 同项目, amount_yi: 2, stage: 签约}\n",
     {"project:同项目": {"amount_yi": 2.0, "stage": "签约"}}),
    ("json", "ok.json",
     '{"sources": [{"name": "hostile-test", "title": "t", "synthetic": true}], "source": "hostile-test",'
     ' "Project": [{"name": "JSON项目", "amount_yi": "５０００万元"}]}',
     {"project:JSON项目": {"amount_yi": 0.5}}),
    ("own-id", "ownid.yaml", HEAD + "Chamber:\n  - {name: 同名商会, id: 'chamber:同名商会(太原)'}\n",
     {"chamber:同名商会(太原)": {"name": "同名商会"}}),
    ("text-with-line-break", "multiline.yaml",
     HEAD + "Event:\n  - name: 多行会\n    date: 2017-06-07\n    held_in: 忻州市\n    theme: |\n      第一行\n      第二行\n",
     {"event:2017-06-07/忻州市": {"theme": "第一行\n第二行"}}),
    ("plain-tag", "strtag.yaml", HEAD + "City:\n  - {name: 标签市, admin_code: !!str 149999, part_of: 山西省}\n",
     {"city:标签市": {"admin_code": "149999"}}),
    ("a-few-aliases", "fewaliases.yaml",
     HEAD + "Company:\n  - {name: 别名公司, aliases: &names [别名甲, 别名乙]}\n  - {name: 别名公司二, aliases: *names}\n",
     {"company:别名公司二": {"aliases": ["别名甲", "别名乙"]}}),
]

BOMBS = {"alias-bomb-list", "alias-bomb-based_in", "alias-count", "deep-json-100k", "oversize", "10mb-name"}


@pytest.fixture(scope="module")
def loaded_once(driver, neo4j_server):
    """The bundled dataset, written once: refused cases must leave it exactly as it is."""
    from graph.writer import Neo4jWriter
    from loaders.bundled import bundled_catalog
    from tests.conftest import wipe

    wipe(driver, neo4j_server.neo4j_database)
    Neo4jWriter(driver, neo4j_server.neo4j_database).write(bundled_catalog())
    return driver


def _write(tmp_path, name, content):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))  # exactly these bytes: no newline translation
    return path


def _load_in_child(cli_env, path) -> tuple[int, str, str]:
    """`jinshang load PATH` in a child process that may not run for minutes."""
    env = {**os.environ, **cli_env}
    done = subprocess.run([sys.executable, "-c", "from jinshang.cli import main; main()", "load", str(path)],
                          env=env, capture_output=True, text=True, timeout=120)
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize("case, name, content, parts", REFUSED, ids=[r[0] for r in REFUSED])
def test_hostile_catalog_is_refused(case, name, content, parts, tmp_path, cli, cli_env, loaded_once,
                                    neo4j_server):
    path = _write(tmp_path, name, content)
    before = snapshot(loaded_once, neo4j_server.neo4j_database)
    code, out, err = _load_in_child(cli_env, path) if case in BOMBS else cli("load", path)
    assert code != 0, out
    assert_one_line_error(err, str(path), *parts)
    assert len([line for line in err.splitlines() if line.strip()]) <= 2, err  # the head and the one problem
    assert snapshot(loaded_once, neo4j_server.neo4j_database) == before


@pytest.mark.parametrize("case, name, content, expected", ACCEPTED, ids=[r[0] for r in ACCEPTED])
def test_awkward_catalog_loads_as_written(case, name, content, expected, tmp_path, cli, loaded_once,
                                          neo4j_server):
    path = _write(tmp_path, name, content)
    code, out, err = cli("load", path)
    assert code == 0, err
    with loaded_once.session(database=neo4j_server.neo4j_database) as session:
        for node_id, props in expected.items():
            row = session.run("MATCH (n {id: $id}) RETURN properties(n) AS p", id=node_id).single()
            assert row is not None, f"{node_id} was not written"
            assert {k: row["p"].get(k) for k in props} == props
            assert "__line__" not in row["p"]
