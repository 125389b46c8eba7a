"""Every named query, run read-only on the bundled 2017 dataset, gives the article's answers."""
import shlex
from datetime import date

import pytest

from graph.read_query import fetch
from queries.library import list_queries, load_query, run, run_df
from queries.params import parse_assignment

ZHUHAI, ZHENJIANG = "忻商忻才回乡创业创新暨珠三角区域产业协同发展恳谈会", "长三角区域产业协同发展恳谈会暨忻州(镇江)招商会"
BEIJING_0802 = "忻商忻才回乡创业创新暨招商引资推介会"
AMBASSADORS = {"李建国", "赵文祥", "张再炜", "王建勇", "赵梅梅"}
ARTICLE = "source:忻州日报-2018-01-11"


@pytest.fixture(scope="module")
def seeded(driver, neo4j_server):
    """The bundled dataset, loaded once for this module: every test here only reads."""
    from graph.writer import Neo4jWriter
    from loaders.bundled import bundled_catalog
    from tests.conftest import wipe

    wipe(driver, neo4j_server.neo4j_database)
    Neo4jWriter(driver, neo4j_server.neo4j_database).write(bundled_catalog())
    return driver


def test_every_query_runs_with_its_example_and_returns_its_declared_columns(seeded):
    for q in list_queries():
        argv = shlex.split(q.example)
        params = dict(parse_assignment(argv[i + 1])[::2] for i, a in enumerate(argv) if a == "-p")
        keys, rows = fetch(seeded, q.text, q.bind(params))
        assert keys == list(q.columns), q.name
        # the bundled dataset has no monthly ledgers: the history queries are tested on two of them
        # in tests/integration/test_ledger_history.py
        assert rows or q.name in ("unreached_counties", "project_history", "stage_moves"), \
            f"{q.name}: its example returns nothing"


def test_events_ranked_by_signed_amount(seeded):
    rows = run(seeded, "events_by_signed_amount", year=2017)
    assert len(rows) == 9
    top = [(r["date"], r["city"], r["signed_count"], r["signed_total_yi"]) for r in rows[:3]]
    assert top == [(date(2017, 5, 12), "珠海市", 47, 307.0), (date(2017, 4, 8), "镇江市", 11, 57.0),
                   (date(2017, 8, 2), "北京市", 5, None)]  # 5 signed, amount not reported: after those with one
    assert rows[1]["chambers"] == 8 and rows[2]["signed_projects"] == 5
    assert run(seeded, "events_by_signed_amount", year=2016) == []
    assert len(run(seeded, "events_by_signed_amount", limit=2)) == 2


def test_chamber_profile(seeded):
    [r] = run(seeded, "chamber_profile", chamber="广东山西商会")
    assert (r["level"], r["based_in"]) == ("province", ["广东省"])
    assert sorted(r["posts"]) == ["高山 副会长 (2017-06-15)", "高山 监事长 (2017-05-12)"]
    assert r["members"] == ["广州世腾环保包装有限公司 副会长单位"]
    assert sorted(r["events"]) == [f"2017-05-12 {ZHUHAI}", "2017-06-15 忻州市赴广州考察"]
    [b] = run(seeded, "chamber_profile", chamber="chamber:北京山西企业商会")  # by id too
    assert len(b["projects_signed_where_attended"]) == 5 and "代县峪河源生态漂流旅游项目" in b["projects_signed_where_attended"]
    assert b["liaison_office_of"] == ["忻州市 (2017-08-02)"] and b["projects_introduced"] == []
    assert run(seeded, "chamber_profile", chamber="不存在商会") == []


def test_people_and_their_posts_over_time(seeded):
    rows = run(seeded, "people_posts", person="高山")
    assert [(r["title"], r["as_of"], r["organization"]) for r in rows] == [
        ("监事长", date(2017, 5, 12), "广东山西商会"), ("副会长", date(2017, 6, 15), "广东山西商会")]
    assert all(r["sources"] == [ARTICLE] for r in rows)
    everyone = run(seeded, "people_posts")
    assert [(r["person"], r["title"]) for r in everyone] == [("闫国军", "会长"), ("高山", "监事长"), ("高山", "副会长")]


def test_ambassadors_and_what_they_are_tied_to(seeded):
    rows = run(seeded, "ambassadors")
    assert {r["ambassador"] for r in rows} == AMBASSADORS
    for r in rows:
        assert r["appointed_on"] == date(2017, 8, 2) and r["native_of"] == ["山西省"]
        assert r["events"] == [f"2017-08-02 {BEIJING_0802}"]
    hometown = run(seeded, "people_by_hometown", place="山西省")
    assert {r["person"] for r in hometown} == AMBASSADORS and all(r["ambassador_of"] == ["忻州市"] for r in hometown)


def test_liaison_offices(seeded):
    rows = run(seeded, "liaison_offices")
    assert [(r["office"], r["kind"], r["since"], r["based_in"]) for r in rows] == [
        ("北京山西企业商会", "Chamber", date(2017, 8, 2), ["北京市"])]


def test_projects_of_a_county_by_stage(seeded):
    rows = run(seeded, "county_projects_by_stage", county="代县")
    assert [(r["stage"], r["project"]) for r in rows] == [
        ("在谈", "电解水在农林牧渔方面的应用项目"), ("签约", "代县峪河源生态漂流旅游项目")]
    assert rows[1]["signed_at"] == [f"2017-08-02 {BEIJING_0802}"] and rows[1]["signed_on"] == date(2017, 8, 2)
    assert rows[0]["discussed_at"] == ["2017-11-17 山西省(深圳市)重点产业项目对接座谈会"]
    assert [r["project"] for r in run(seeded, "county_projects_by_stage", county="代县", stage="签约")] == [
        "代县峪河源生态漂流旅游项目"]
    funnel = {(r["county"], r["stage"]): r["projects"] for r in run(seeded, "stage_funnel_by_county")}
    assert funnel == {("五台县", "签约"): 1, ("代县", "在谈"): 1, ("代县", "签约"): 1, (None, "在谈"): 6, (None, "签约"): 3}


def test_campaign_totals_against_targets(seeded):
    [r] = run(seeded, "campaign_vs_targets", year=2017)
    assert (r["signed_total_yi"], r["target_yi"], r["signed_pct"]) == (pytest.approx(1121.6), 752, 149)
    assert (r["funds_in_place_yi"], r["funds_target_yi"], r["funds_pct"]) == (364, 251, 145)
    assert (r["signed_count"], r["landed_count"], r["started_count"]) == (208, 140, 192)
    assert r["events_reported"] == r["events_recorded"] == 9


def test_county_reach_and_unreached_counties(seeded):
    reach = {r["county"]: r for r in run(seeded, "county_reach")}
    assert len(reach) == 16
    # every county attended the 5-12 Zhuhai event: none is unreached in 2017
    assert run(seeded, "unreached_counties") == [] and run(seeded, "unreached_counties", year=2017) == []
    # the five reached only there, by its two chambers, come first
    least = [r["county"] for r in run(seeded, "county_reach")][:5]
    assert sorted(least) == sorted(["五台山风景区", "五寨县", "保德县", "原平市", "岢岚县"])
    assert all((reach[c]["events"], reach[c]["chambers"], reach[c]["ambassadors"]) == (1, 2, 0) for c in least)
    # 代县: Zhuhai, its project signed in Beijing (ambassadors, liaison office) and discussed in Shenzhen
    d = reach["代县"]
    assert d["event_dates"] == ["2017-05-12", "2017-08-02", "2017-11-17"]
    assert set(d["chamber_names"]) == {"珠海山西商会", "广东山西商会", "北京山西企业商会"}
    assert set(d["ambassador_names"]) == AMBASSADORS
    assert (reach["五台县"]["chambers"], reach["忻府区"]["events"]) == (10, 3)
    # a year with no events leaves all 16 unreached, in admin-code order (uncoded last)
    rows = run(seeded, "unreached_counties", year=2016)
    assert len(rows) == 16 and rows[0]["county"] == "忻府区" and rows[13]["county"] == "原平市"
    assert {r["county"] for r in rows[14:]} == {"忻州经济开发区", "五台山风景区"}


def test_co_attendance(seeded):
    rows = run(seeded, "co_attendance", name="高山")
    shared = {r["other"]: r["shared_events"] for r in rows}
    assert shared["广东山西商会"] == 2 and shared["忻府区"] == 2 and shared["闫国军"] == 1
    assert shared["广州世腾环保包装有限公司"] == 1 and shared["忻州市"] == 1
    assert len(rows) == 21  # 5-12: 2 chambers, 闫国军, 16 counties; 6-15: adds 忻州市 and 广州世腾
    chambers = run(seeded, "co_attendance", name="高山", label="Chamber")
    assert [(r["other"], r["shared_events"]) for r in chambers] == [("广东山西商会", 2), ("珠海山西商会", 1)]


def test_warm_path(seeded):
    [p] = run(seeded, "warm_path", {"from": "闫国军", "county": "代县"})
    assert p["hops"] == 2
    assert p["node_ids"] == ["person:闫国军", "event:2017-05-12/珠海市", "county:忻州市/代县"]
    [b] = run(seeded, "warm_path", {"from": "北京山西企业商会", "county": "代县"})
    assert b["hops"] == 3 and b["node_ids"][2] == "project:代县峪河源生态漂流旅游项目"
    assert "-[SIGNED]->" in b["path"] and "-[LOCATED_IN]->" in b["path"]
    # 吉林省山西商会 met only the city's own delegation: no warm path without passing through a city
    assert run(seeded, "warm_path", {"from": "吉林省山西商会", "county": "代县"}) == []


def test_chamber_companies_at_events(seeded):
    rows = run(seeded, "chamber_companies_at_events", chamber="广东山西商会", year=2017)
    assert [(r["company"], r["membership"], r["event_date"], r["role"]) for r in rows] == [
        ("广州世腾环保包装有限公司", "副会长单位", date(2017, 6, 15), "考察对象")]
    assert run(seeded, "chamber_companies_at_events", chamber="广东山西商会", year=2018) == []


def test_provenance_queries(seeded):
    [c] = run(seeded, "conflicting_facts")
    assert (c["type"], c["start"], c["end"]) == ("HOLDS_POST", "高山", "广东山西商会")
    assert sorted(c["fact_a"]) == ["as_of=2017-05-12", "title=监事长"] and "title=副会长" in c["fact_b"]
    assert c["same_sources"] is True and c["sources_a"] == [ARTICLE]
    assert run(seeded, "conflicting_facts", type="ATTENDED") == []
    says = run(seeded, "source_facts", source="忻州日报-2018-01-11")
    assert sum(r["kind"] == "node" for r in says) == 95 and sum(r["kind"] == "relationship" for r in says) == 173
    assert not any(r["synthetic"] for r in says)
    assert len(run(seeded, "source_facts", source=ARTICLE, kind="node")) == 95
    prov = run(seeded, "fact_provenance", node="高山", type="HOLDS_POST")
    assert [r["fact"] for r in prov][0] == "person:高山" and len(prov) == 3
    assert {r["source"] for r in prov} == {ARTICLE} and prov[0]["date"] == date(2018, 1, 11)
    [o] = run(seeded, "sources_overview")
    assert (o["nodes"], o["relationships"], o["synthetic"]) == (95, 173, False)


def test_event_profile_chambers_and_calendar(seeded):
    rows = run(seeded, "event_profile", date="2017-08-02")
    signed = [r["name"] for r in rows if r["relation"] == "SIGNED"]
    assert len(signed) == 5 and rows[0]["relation"] == "HELD_IN" and rows[0]["name"] == "北京市"
    assert {r["name"] for r in rows if r["relation"] == "ATTENDED"} == AMBASSADORS | {"北京山西企业商会"}
    ranked = run(seeded, "chambers_by_events")
    assert (ranked[0]["chamber"], ranked[0]["events"], ranked[0]["signed_total_yi_at_events"]) == ("珠海山西商会", 2, 364.0)
    assert (ranked[1]["chamber"], ranked[1]["signed_total_yi_at_events"]) == ("广东山西商会", 307.0)
    cal = run(seeded, "events_calendar", year=2017)
    assert [r["date"].month for r in cal] == [3, 4, 5, 5, 6, 8, 8, 11, 11]
    assert cal[1]["organizers"] and set(cal[1]["organizers"]) == {"忻州市 主办", "镇江山西商会 承办"}


def test_pipeline_members_and_industries(seeded):
    pipeline = run(seeded, "discussed_not_signed")
    assert len(pipeline) == 7 and all(r["stage"] == "在谈" for r in pipeline)
    [d] = run(seeded, "discussed_not_signed", county="代县")
    assert "广州仪健电器有限公司" in d["counterparts"] and "代县招商中心" in d["counterparts"]
    assert [(r["chamber"], r["company"]) for r in run(seeded, "chamber_members")] == [
        ("广东山西商会", "广州世腾环保包装有限公司")]
    [t] = run(seeded, "projects_by_industry", industry="文化旅游")
    assert (t["projects"], t["signed_or_beyond"], t["negotiating"], t["counties"]) == (3, 2, 1, ["代县"])


def test_dataframe_for_notebooks(seeded):
    df = run_df(seeded, "events_by_signed_amount", {"year": 2017}, limit=3)
    assert list(df.columns) == list(load_query("events_by_signed_amount").columns)
    assert df["signed_total_yi"].tolist()[:2] == [307.0, 57.0] and len(df) == 3
