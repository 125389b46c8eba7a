"""Monthly ledgers kept as history: each report as of a date, the latest holding a project's
current values whatever the order of loading, named queries over the reports, the dry run's
field changes. Ledgers written here: October (as of the file name) and November (--as-of)."""
from __future__ import annotations

from datetime import date

import pytest

from graph.writer import Neo4jWriter
from loaders.bundled import bundled_catalog
from queries.library import run
from tests.conftest import wipe

HEAD = "项目名称,所属县区,总投资(亿元),阶段,到位资金(亿元),状态"
OCTOBER = [  # name, county, amount, stage, funds, status
    ("原平市同川梨深加工项目", "原平市", 3.2, "签约", 0, ""),
    ("代县光伏扶贫电站", "代县", 5, "签约", 0, ""),
    ("定襄法兰产业园", "定襄县", 8, "签约", 0, ""),
    ("五台县台蘑加工厂", "五台县", 1.5, "落地", 0.3, ""),
    ("繁峙县矿山修复项目", "繁峙县", 2.4, "落地", 0.4, ""),
    ("宁武县芦芽山民宿集群", "宁武县", 1.2, "签约", 0, ""),
    ("保德县红枣饮品厂", "保德县", 0.8, "开工", 0.3, ""),
    ("偏关县风电项目", "偏关县", 12, "落地", 1.0, ""),
    ("河曲县物流园", "河曲县", 4, "签约", 0, ""),
    ("静乐县藜麦深加工项目", "静乐县", 2, "开工", 0.5, ""),
]
# November: six moved (three 签约→落地, two 落地→开工, one 签约→开工), funds up, 偏关 terminated,
# 河曲 left out (not terminated by that), 保德 as it was. 开工时间 dates two of the starts.
NOVEMBER = [
    ("原平市同川梨深加工项目", "原平市", 3.2, "落地", 0.5, "", ""),
    ("代县光伏扶贫电站", "代县", 5, "落地", 1.0, "", ""),
    ("定襄法兰产业园", "定襄县", 8, "开工", 2.0, "", "2018年11月"),
    ("五台县台蘑加工厂", "五台县", 1.5, "开工", 0.6, "", ""),
    ("繁峙县矿山修复项目", "繁峙县", 2.4, "开工", 0.9, "", "2018-11-08"),
    ("宁武县芦芽山民宿集群", "宁武县", 1.2, "落地", 0.2, "", ""),
    ("保德县红枣饮品厂", "保德县", 0.8, "开工", 0.3, "", ""),
    ("偏关县风电项目", "偏关县", 12, "落地", 1.0, "终止", ""),
    ("静乐县藜麦深加工项目", "静乐县", 2, "开工", 0.8, "", ""),
]


@pytest.fixture
def ledgers(tmp_path):
    oct_path = tmp_path / "忻州市项目台账-2018-10.csv"  # the as-of date is in the file name
    oct_path.write_text("\n".join([HEAD] + [f"{n},{c},{a},{s},{f},{st}" for n, c, a, s, f, st in OCTOBER]) + "\n", encoding="gb18030")
    nov_path = tmp_path / "忻州市项目台账-最新.csv"  # no date in the name: --as-of gives it
    nov_path.write_text("\n".join([HEAD + ",开工时间"] + [f"{n},{c},{a},{s},{f},{st},{d}"
                                                       for n, c, a, s, f, st, d in NOVEMBER]) + "\n", encoding="utf-8")
    return {"oct": [str(oct_path)], "nov": [str(nov_path), "--as-of", "2018-11-30"]}


def reseed(driver):
    wipe(driver)
    Neo4jWriter(driver).write(bundled_catalog())


def state(driver) -> tuple[dict, list]:
    """Every ledger project's properties (no sources) and every report, as plain values."""
    with driver.session() as s:
        projects = {r["id"]: {k: (v.iso_format() if hasattr(v, "iso_format") else v)
                              for k, v in r["props"].items() if k != "sources"}
                    for r in s.run("MATCH (p:Project)-[:REPORTED]->() RETURN DISTINCT p.id AS id, properties(p) AS props")}
        reports = sorted((r["p"], r["s"], str(r["as_of"]), r["stage"], r["amount"], r["funds"], r["status"])
                         for r in s.run("MATCH (p:Project)-[r:REPORTED]->(s:Source) RETURN p.id AS p, s.id AS s, "
                                        "r.as_of AS as_of, r.stage AS stage, r.amount_yi AS amount, "
                                        "r.funds_in_place_yi AS funds, r.status AS status"))
    return projects, reports


def load(cli, *args):
    code, out, err = cli("load", *args, env={"COLUMNS": "250"})
    assert code == 0, err
    return out


def test_either_order_gives_the_same_current_values_and_history(driver, neo4j_server, cli, ledgers):
    reseed(driver)
    load(cli, *ledgers["oct"])
    load(cli, *ledgers["nov"])
    forward = state(driver)
    reseed(driver)
    load(cli, *ledgers["nov"])
    load(cli, *ledgers["oct"])  # October after November: nothing current changes
    backward = state(driver)
    assert forward == backward
    projects, reports = forward
    assert len(projects) == 10 and len(reports) == 19
    p = lambda name: projects[f"project:{name}"]  # noqa: E731
    assert p("原平市同川梨深加工项目") == {
        "id": "project:原平市同川梨深加工项目", "name": "原平市同川梨深加工项目", "amount_yi": 3.2, "stage": "落地", "funds_in_place_yi": 0.5,
        "reported_as_of": "2018-11-30", "landed_on": "2018-11-30"}
    # milestones: the ledger's own date (a month stays a month), else the first report reaching it
    assert (p("定襄法兰产业园")["landed_on"], p("定襄法兰产业园")["started_on"]) == ("2018-11-30", "2018-11")
    assert (p("繁峙县矿山修复项目")["landed_on"], p("繁峙县矿山修复项目")["started_on"]) == ("2018-10-31", "2018-11-08")
    assert (p("五台县台蘑加工厂")["landed_on"], p("五台县台蘑加工厂")["started_on"]) == ("2018-10-31", "2018-11-30")
    assert p("静乐县藜麦深加工项目")["funds_in_place_yi"] == 0.8
    # terminated: recorded with the stage it reached; left out of November: as October had it
    assert (p("偏关县风电项目")["status"], p("偏关县风电项目")["stage"]) == ("终止", "落地")
    hequ = p("河曲县物流园")
    assert "status" not in hequ and (hequ["stage"], hequ["reported_as_of"]) == ("签约", "2018-10-31")
    with driver.session() as s:
        sources = {r["id"]: str(r["as_of"]) for r in s.run(
            "MATCH (s:Source) WHERE s.kind = 'ledger' RETURN s.id AS id, s.as_of AS as_of")}
    assert sources == {"source:忻州市项目台账-2018-10": "2018-10-31", "source:忻州市项目台账-最新": "2018-11-30"}


def test_project_history_and_stage_moves(driver, neo4j_server, cli, ledgers):
    reseed(driver)
    load(cli, *ledgers["nov"])
    load(cli, *ledgers["oct"])
    rows = run(driver, "project_history", project="偏关县风电项目")
    assert [(str(r["as_of"]), r["source"], r["stage"], r["amount_yi"], r["funds_in_place_yi"], r["status"])
            for r in rows] == [
        ("2018-10-31", "source:忻州市项目台账-2018-10", "落地", 12.0, 1.0, None),
        ("2018-11-30", "source:忻州市项目台账-最新", "落地", 12.0, 1.0, "终止")]
    assert [r["stage"] for r in run(driver, "project_history", project="project:代县光伏扶贫电站")] == ["签约", "落地"]
    moves = run(driver, "stage_moves", since=date(2018, 10, 31), until=date(2018, 11, 30))
    assert [(r["project"], r["from_stage"], r["to_stage"]) for r in moves] == [  # in stage order
        ("代县光伏扶贫电站", "签约", "落地"), ("原平市同川梨深加工项目", "签约", "落地"),
        ("宁武县芦芽山民宿集群", "签约", "落地"), ("定襄法兰产业园", "签约", "开工"),
        ("五台县台蘑加工厂", "落地", "开工"), ("繁峙县矿山修复项目", "落地", "开工")]
    assert {r["county"] for r in moves} >= {"代县", "定襄县"}
    assert all((str(r["from_as_of"]), str(r["to_as_of"])) == ("2018-10-31", "2018-11-30") for r in moves)
    # before November's report there were no moves; from the CLI the same query runs by name
    assert run(driver, "stage_moves", since=date(2018, 10, 1), until=date(2018, 11, 1)) == []
    code, out, err = cli("query", "run", "stage_moves", "-p", "since=2018-10-31", "-p", "until=2018-11-30",
                         "--format", "csv")
    assert code == 0, err
    assert "定襄法兰产业园" in out and "签约,开工" in out


def test_dry_run_shows_field_changes_only(driver, neo4j_server, cli, ledgers):
    reseed(driver)
    load(cli, *ledgers["oct"])
    out = load(cli, "--dry-run", *ledgers["nov"])
    assert "Field changes: 8 node(s) would change" in out
    lines = [" ".join(line.replace("│", " ").split()) for line in out.splitlines()]
    assert "原平市同川梨深加工项目 (Project) stage 签约 → 落地" in lines
    assert "原平市同川梨深加工项目 (Project) funds_in_place_yi 0.0 → 0.5" in lines
    assert "原平市同川梨深加工项目 (Project) landed_on — → 2018-11-30" in lines
    assert "偏关县风电项目 (Project) status — → 终止" in lines
    assert "定襄法兰产业园 (Project) started_on — → 2018-11" in lines
    assert not any("保德县红枣饮品厂" in line for line in lines)  # a new source alone is no change
    assert "Project 0 8 1" in lines  # new, changed, unchanged
    assert "LOCATED_IN (Project→County) 0 0 9" in lines  # the same county from another source: no change
    assert "REPORTED (Project→Source) 9 0 0" in lines
    load(cli, *ledgers["nov"])
    again = load(cli, "--dry-run", *ledgers["nov"])
    assert "Field changes" not in again and "Project 0 0 9" in [" ".join(l.replace("│", " ").split()) for l in again.splitlines()]
    older = load(cli, "--dry-run", *ledgers["oct"])  # an older report changes nothing current
    assert "Field changes" not in older


def test_as_of_refused_when_not_a_date(cli, ledgers):
    from tests.integration.conftest import assert_one_line_error

    code, _, err = cli("load", *ledgers["oct"], "--as-of", "2018-13-01")
    assert code != 0
    assert_one_line_error(err, "--as-of", "2018-13-01", "YYYY-MM-DD")


def test_demo_ledger_milestones_by_cypher(driver, neo4j_server, tmp_path):
    """The seed's 2017 counts from the (SYNTHETIC) demo ledger in Neo4j: milestone dates within
    the year, whenever the project was signed (192 started > 140 landed)."""
    from loaders.bundled import bundled_gazetteer
    from loaders.demo_ledger import load_demo_ledger

    reseed(driver)
    Neo4jWriter(driver).write(load_demo_ledger(tmp_path / "demo.xlsx"), bundled_gazetteer().known_ids())
    with driver.session() as s:
        r = s.run("""MATCH (p:Project)-[:REPORTED]->(:Source {id: 'source:demo-ledger-2017', as_of: date('2017-12-31')})
                     RETURN sum(CASE WHEN p.landed_on STARTS WITH '2017' THEN 1 ELSE 0 END) AS landed,
                            sum(CASE WHEN p.started_on STARTS WITH '2017' THEN 1 ELSE 0 END) AS started,
                            sum(CASE WHEN p.started_on STARTS WITH '2017' AND p.signed_on.year = 2016
                                     THEN 1 ELSE 0 END) AS started_signed_2016,
                            sum(CASE WHEN p.signed_on.year = 2017 THEN 1 ELSE 0 END) AS signed""").single()
    assert (r["signed"], r["landed"], r["started"], r["started_signed_2016"]) == (208, 140, 192, 60)


def test_one_load_of_both_files_in_either_order_merges_the_same(ledgers):
    """Records meet before the database does (one `load` of several files): the same rule."""
    from graph.records import Dataset
    from loaders.ledger import load_ledger

    october = load_ledger(ledgers["oct"][0])
    november = load_ledger(ledgers["nov"][0], as_of=date(2018, 11, 30))
    forward, backward = Dataset(), Dataset()
    for ds in (october, november):
        forward.extend(ds)
    for ds in (november, october):
        backward.extend(ds)
    assert {i: n.props for i, n in forward.nodes.items()} == {i: n.props for i, n in backward.nodes.items()}
    assert forward.nodes["project:偏关县风电项目"].props["status"] == "终止"
    assert forward.nodes["project:五台县台蘑加工厂"].props["landed_on"] == "2018-10-31"


def test_as_of_from_the_title_or_the_reader(tmp_path):
    from loaders.ledger import load_ledger
    from loaders.ledger_reports import report_as_of

    path = tmp_path / "台账.csv"
    path.write_text("项目名称,所属县区,阶段\n代县光伏扶贫电站,代县,签约\n", encoding="utf-8")
    ds = load_ledger(path, title="2018年11月忻州市招商引资项目台账")
    assert ds.nodes["source:台账"].props["as_of"] == date(2018, 11, 30)
    assert ds.nodes["project:代县光伏扶贫电站"].props["reported_as_of"] == date(2018, 11, 30)
    assert "as_of" not in load_ledger(path).nodes["source:台账"].props  # no date anywhere: undated, said so

    class Table:  # a reader that keeps the rows above the header (the title row) as `title`
        title = ["忻州市招商引资项目台账（截至2018年10月31日）"]

    assert report_as_of(path, None, None, Table()) == (date(2018, 10, 31), "title row")
    assert report_as_of(path, date(2018, 9, 30), "2018年11月", Table()) == (date(2018, 9, 30), "--as-of")
