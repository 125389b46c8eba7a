"""The bundled 2017 dataset, loaded into a real Neo4j, gives back the article's figures by Cypher."""
import pytest


def one(driver, query, **params):
    with driver.session(default_access_mode="READ") as s:
        return s.run(query, **params).single()


def test_campaign_totals_and_targets(seeded):
    r = one(seeded, """
        MATCH (c:Campaign {year: 2017})-[:CAMPAIGN_OF]->(:City {name: '忻州市'})
        OPTIONAL MATCH (e:Event)-[:PART_OF]->(c)
        RETURN c.signed_count AS n, c.signed_total_yi AS total, c.target_yi AS target,
               c.landed_count AS landed, c.started_count AS started, c.funds_in_place_yi AS funds,
               c.funds_target_yi AS funds_target, count(e) AS events""")
    assert r["events"] == 9
    assert r["n"] == 208
    assert r["total"] == pytest.approx(1121.6) and r["target"] == pytest.approx(752)
    assert (r["landed"], r["started"]) == (140, 192)
    assert r["funds"] == pytest.approx(364) and r["funds_target"] == pytest.approx(251)


def test_campaign_breakdowns(seeded):
    r = one(seeded, "MATCH (c:Campaign {year: 2017}) RETURN c")["c"]
    assert (r["large_count"], r["large_total_yi"]) == (6, pytest.approx(238))
    assert (r["fortune500_soe_count"], r["fortune500_soe_total_yi"]) == (19, pytest.approx(182.4))
    assert (r["new_industry_count"], r["new_industry_total_yi"]) == (69, pytest.approx(455.1))


def test_zhuhai_event(seeded):
    r = one(seeded, """
        MATCH (e:Event {date: date('2017-05-12')})-[:HELD_IN]->(c:City {name: '珠海市'})
        OPTIONAL MATCH (county:County)-[:ATTENDED]->(e)
        RETURN e.signed_count AS n, e.signed_total_yi AS total, count(DISTINCT county) AS counties""")
    assert (r["n"], r["total"]) == (47, pytest.approx(307))
    assert r["counties"] == 16  # the 14 county-level divisions, the development zone and the scenic area


def test_zhenjiang_event_chambers_from_eight_places(seeded):
    r = one(seeded, """
        MATCH (e:Event {date: date('2017-04-08')})-[:HELD_IN]->(:City {name: '镇江市'})
        MATCH (ch:Chamber)-[:ATTENDED]->(e)
        MATCH (ch)-[:BASED_IN]->(place)
        RETURN e.signed_count AS n, e.signed_total_yi AS total, count(DISTINCT ch) AS chambers,
               count(DISTINCT place) AS places, e.attendance AS attendance""")
    assert (r["n"], r["total"]) == (11, pytest.approx(57))
    assert r["chambers"] == 8 and r["places"] == 8
    assert r["attendance"] == 110


def test_beijing_event_ambassadors_and_projects(seeded):
    r = one(seeded, """
        MATCH (e:Event {date: date('2017-08-02')})-[:HELD_IN]->(:City {name: '北京市'})
        MATCH (e)-[:SIGNED]->(p:Project)
        WITH e, collect(p.name) AS projects
        MATCH (amb:Person)-[a:AMBASSADOR_OF]->(:City {name: '忻州市'}) WHERE a.appointed_on = e.date
        RETURN projects, collect(amb.name) AS ambassadors""")
    assert sorted(r["ambassadors"]) == sorted(["李建国", "赵文祥", "张再炜", "王建勇", "赵梅梅"])
    assert len(r["projects"]) == 5
    assert "代县峪河源生态漂流旅游项目" in r["projects"]
    office = one(seeded, """MATCH (c:Chamber)-[l:LIAISON_OFFICE_OF]->(:City {name: '忻州市'})
                            RETURN c.name AS name, l.since AS since""")
    assert office["name"] == "北京山西企业商会" and str(office["since"]) == "2017-08-02"


def test_one_person_two_posts_kept_as_two_facts(seeded):
    rows = []
    with seeded.session() as s:
        rows = s.run("""MATCH (:Person {name: '高山'})-[h:HOLDS_POST]->(c:Chamber {name: '广东山西商会'})
                        RETURN h.title AS title, toString(h.as_of) AS as_of, h.sources AS sources
                        ORDER BY as_of""").data()
    assert [(r["title"], r["as_of"]) for r in rows] == [("监事长", "2017-05-12"), ("副会长", "2017-06-15")]
    assert all(r["sources"] == ["source:忻州日报-2018-01-11"] for r in rows)


def test_gazetteer_and_stacked_labels(seeded):
    r = one(seeded, """MATCH (c:County)-[:PART_OF]->(:City {admin_code: '140900'})-[:PART_OF]->(p:Province)
                       RETURN count(c) AS counties, collect(DISTINCT p.admin_code) AS provinces,
                              sum(CASE WHEN c.admin_code IS NULL THEN 1 ELSE 0 END) AS uncoded""")
    assert (r["counties"], r["provinces"], r["uncoded"]) == (16, ["140000"], 2)
    assert one(seeded, "MATCH (n:Organization:Chamber) RETURN count(n) AS n")["n"] == 11
    assert one(seeded, "MATCH (n) WHERE n.sources IS NULL OR n.id IS NULL OR n.name IS NULL RETURN count(n) AS n")["n"] == 0
    assert one(seeded, "MATCH ()-[r]->() WHERE r.sources IS NULL RETURN count(r) AS n")["n"] == 0


def test_load_csv_cannot_read_outside_the_import_directory(driver, neo4j_server):
    """Anyone with the password could otherwise read any file the JVM can read."""
    from neo4j.exceptions import ClientError

    if not neo4j_server.uses_local_server:
        pytest.skip("a property of the project's own launcher")
    with driver.session() as s:
        with pytest.raises(ClientError):
            s.run("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN count(row)").consume()
