"""The article extractor on articles written for the tests (tests/fixtures/articles)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from loaders.articles import extract_path, extract_text
from loaders.articles.dates import find_dates
from loaders.articles.reading import read_article
from loaders.text import fold

ARTICLES = Path(__file__).parents[1] / "fixtures" / "articles"


@pytest.fixture(scope="module")
def retold():
    return extract_path(ARTICLES / "xinzhou-2017-retold.md")


def rels(facts, type_):
    return {(r.start, r.end): r for r in facts.rels.values() if r.type == type_}


def test_retold_seed_gives_back_its_events_with_date_city_and_kind(retold):
    events = {n.id: n for n in retold.nodes.values() if n.label == "Event"}
    assert set(events) == {
        "event:2017-03-16/北京市", "event:2017-04-08/镇江市", "event:2017-05-12/珠海市",
        "event:2017-05-17/合肥市", "event:2017-08-02/北京市", "event:2017-08-31/长春市"}
    assert events["event:2017-04-08/镇江市"].name == "长三角区域产业协同发展恳谈会暨忻州(镇江)招商会"
    assert events["event:2017-04-08/镇江市"].properties["kind"] == "招商会"
    assert events["event:2017-08-02/北京市"].properties["kind"] == "推介会"
    assert events["event:2017-05-17/合肥市"].name == "第十届中国中部投资贸易博览会"
    assert {(s, e) for s, e in rels(retold, "HELD_IN")} == {(i, "city:" + i.split("/")[1]) for i in events}


def test_retold_seed_gives_back_signed_counts_amounts_and_campaign_totals(retold):
    ev = {n.id: n.properties for n in retold.nodes.values() if n.label == "Event"}
    assert (ev["event:2017-04-08/镇江市"]["signed_count"], ev["event:2017-04-08/镇江市"]["signed_total_yi"]) == (11, 57.0)
    assert (ev["event:2017-05-12/珠海市"]["signed_count"], ev["event:2017-05-12/珠海市"]["signed_total_yi"]) == (47, 307.0)
    assert ev["event:2017-08-02/北京市"]["signed_count"] == 5
    assert ev["event:2017-04-08/镇江市"]["attendance"] == 110
    assert ev["event:2017-05-12/珠海市"]["attendance"] == 120  # 120多位: the lower bound
    camp = retold.nodes["campaign:忻州市/2017"].properties
    assert camp == {"year": 2017, "as_of": date(2017, 11, 30), "signed_count": 208, "signed_total_yi": 1121.6,
                    "target_yi": 752.0, "large_count": 6, "large_total_yi": 238.0, "fortune500_soe_count": 19,
                    "fortune500_soe_total_yi": 182.4, "new_industry_count": 69, "new_industry_total_yi": 455.1,
                    "landed_count": 140, "started_count": 192, "funds_in_place_yi": 364.0, "funds_target_yi": 251.0,
                    "event_count": 9}
    delegation = rels(retold, "ATTENDED")[("city:忻州市", "event:2017-05-17/合肥市")]
    assert delegation.properties == {"count": 80, "role": "代表团"}


def test_retold_seed_gives_back_chambers_people_posts_members(retold):
    chambers = {n.id for n in retold.nodes.values() if n.label == "Chamber"}
    assert chambers == {"chamber:珠海山西商会", "chamber:广东山西商会", "chamber:北京山西企业商会", "chamber:吉林省山西商会",
                        "chamber:镇江山西商会", "chamber:南京山西商会", "chamber:湖北山西商会", "chamber:浙江山西商会"}
    # 外省山西商会 is many chambers, not one
    assert not any("外省" in c for c in chambers)
    posts = {(r.start, r.end, r.properties["title"]) for r in retold.rels.values() if r.type == "HOLDS_POST"}
    assert posts == {("person:闫国军", "chamber:珠海山西商会", "会长"), ("person:高山", "chamber:广东山西商会", "监事长")}
    assert all(r.properties["as_of"] == date(2018, 1, 11) for r in retold.rels.values() if r.type == "HOLDS_POST")
    based = rels(retold, "BASED_IN")
    assert ("chamber:北京山西企业商会", "province:北京市") in based and ("chamber:珠海山西商会", "city:珠海市") in based
    member = rels(retold, "MEMBER_OF")[("company:广州世腾环保包装有限公司", "chamber:广东山西商会")]
    assert member.properties == {"title": "副会长单位"}


def test_retold_seed_gives_back_ambassadors_hometowns_liaison_office_and_projects(retold):
    amb = rels(retold, "AMBASSADOR_OF")
    assert {s for s, _ in amb} == {f"person:{n}" for n in ("李建国", "赵文祥", "张再炜", "王建勇", "赵梅梅")}
    assert {e for _, e in amb} == {"city:忻州市"}
    assert {r.properties["appointed_on"] for r in amb.values()} == {date(2017, 8, 2)}
    assert set(rels(retold, "NATIVE_OF")) == {(s, "province:山西省") for s, _ in amb}
    liaison = rels(retold, "LIAISON_OFFICE_OF")
    assert list(liaison) == [("chamber:北京山西企业商会", "city:忻州市")]
    assert liaison[("chamber:北京山西企业商会", "city:忻州市")].properties == {"since": date(2017, 8, 2)}
    signed = {e for s, e in rels(retold, "SIGNED") if s == "event:2017-08-02/北京市"}
    assert signed == {"project:牧马河景观工程项目", "project:五台县佛光文化创意产业园区建设项目", "project:代县峪河源生态漂流旅游项目"}
    assert ("project:代县峪河源生态漂流旅游项目", "county:忻州市/代县") in rels(retold, "LOCATED_IN")
    organized = {(r.start, r.end, r.properties["role"]) for r in retold.rels.values() if r.type == "ORGANIZED"}
    assert ("province:山西省", "event:2017-03-16/北京市", "主办") in organized


def test_evidence_offsets_point_at_the_characters_of_the_fact(retold):
    given = (ARTICLES / "xinzhou-2017-retold.md").read_text(encoding="utf-8")
    post = rels(retold, "HOLDS_POST")[("person:闫国军", "chamber:珠海山西商会")]
    assert [given[s:e] for s, e in post.evidence] == ["珠海山西商会会长闫国军"]
    liaison = rels(retold, "LIAISON_OFFICE_OF")[("chamber:北京山西企业商会", "city:忻州市")]
    assert "北京山西企业商会" in given[liaison.evidence[0][0]:liaison.evidence[0][1]]
    for n in retold.nodes.values():
        if n.label in ("Chamber", "Person", "Company", "Project"):
            # a chamber named by its place only (镇江、南京…的山西商会) points at the place
            assert any(fold(n.name) in (fold(given[s:e]), fold(given[s:e]) + "山西商会") for s, e in n.evidence), n.id
    for node in retold.nodes.values():
        for s, e in node.evidence:
            assert 0 <= s <= e <= len(given)


def test_json_has_the_contract_shape(retold):
    out = retold.as_json()
    assert set(out) == {"source", "nodes", "relationships"}
    assert out["source"]["date"] == "2018-01-11" and out["source"]["kind"] == "article"
    assert all(set(n) == {"id", "label", "name", "properties", "evidence", "confidence"} for n in out["nodes"])
    assert all(set(r) == {"type", "start", "end", "properties", "evidence", "confidence"} for r in out["relationships"])
    assert all(set(e) == {"start", "end"} for n in out["nodes"] for e in n["evidence"])


def test_traditional_article_matches_in_simplified_and_keeps_names_as_written():
    facts = extract_path(ARTICLES / "shenzhen-traditional.md")
    given = (ARTICLES / "shenzhen-traditional.md").read_text(encoding="utf-8")
    posts = {(r.start, r.properties["title"]) for r in facts.rels.values()
             if r.type == "HOLDS_POST" and r.end == "chamber:深圳市山西商會"}
    assert posts == {("person:王德明", "会长"), ("person:李文華", "常务副会长"), ("person:趙小燕", "秘书长"),
                     # 本會 is the publishing chamber; a combined title is one post, as written
                     ("person:張志強", "副会长兼常务副秘书长")}
    assert facts.nodes["person:趙小燕"].name == "趙小燕"
    assert ("person:王德明", "county:忻州市/五台县") in rels(facts, "NATIVE_OF")
    assert facts.nodes["event:2019-06-18/深圳市"].properties["kind"] == "会员大会"
    we = rels(facts, "HOLDS_POST")[("person:張志強", "chamber:深圳市山西商會")]
    assert given[we.evidence[0][0]:we.evidence[0][1]] == "本會副會長兼常務副秘書長張志強"


def test_hong_kong_variant_characters_match_and_names_stay_as_written():
    # 衞 is Hong Kong's form of 衛 (卫): OpenCC's t2s alone leaves it, so 王衞東 and 王卫东 were two people
    text = "---\ndate: 2021-03-02\n---\n香港山西商會會長王衞東出席。\n"
    facts = extract_text(text, "hk.md")
    assert fold("王衞東") == fold("王卫东") == "王卫东"
    (person,) = [n for n in facts.nodes.values() if n.label == "Person"]
    assert person.name == "王衞東"
    assert [(r.start, r.properties["title"]) for r in facts.rels.values() if r.type == "HOLDS_POST"] == [
        (person.id, "会长")]


def test_pinyin_noise_is_read_through_and_chinese_numerals_are_numbers():
    facts = extract_path(ARTICLES / "suzhou-pinyin.txt")
    given = (ARTICLES / "suzhou-pinyin.txt").read_text(encoding="utf-8")
    ev = facts.nodes["event:2020-09-08/太原市"]
    assert ev.name == "山西投资贸易洽谈会"  # stored without the pinyin
    assert (ev.properties["signed_count"], ev.properties["signed_total_yi"]) == (12, 85.0)
    assert any(given[s:e].startswith("签(qiān)约项(xiàng)目十二个") for s, e in ev.evidence)
    assert rels(facts, "BASED_IN")[("chamber:苏州山西商会", "city:苏州市")]


def test_html_offsets_are_into_the_markup_and_scripts_are_not_read():
    path = ARTICLES / "zhuhai-news.html"
    given = path.read_text(encoding="utf-8")
    art = read_article(path)
    assert art.meta["date"] == date(2021, 4, 2) and art.meta["publisher"] == "珠海山西商会"
    facts = extract_path(path)
    post = rels(facts, "HOLDS_POST")
    assert given[slice(*post[("person:闫国军", "chamber:珠海山西商会")].evidence[0])] == "珠海山西商会会长闫国军"
    assert given[slice(*post[("person:周晓梅", "chamber:珠海山西商会")].evidence[0])] == "本会秘书长周晓梅"
    assert "person:张三丰" not in facts.nodes  # in a <script>, not in the text


def test_generic_mentions_and_unknown_names():
    facts = extract_text("---\ndate: 2018-03-01\n---\n3月1日,外省山西商会和各地晋商会代表在太原参加春季晋商恳谈会。", "g.md")
    assert not [n for n in facts.nodes.values() if n.label == "Chamber"]
    assert "event:2018-03-01/太原市" in facts.nodes


def test_dates_take_the_named_year_else_the_article_year_and_keep_ranges_and_approximations():
    published = date(2018, 1, 11)
    # no year named: 11月 would fall after publication, so it is the year before
    (d,) = find_dates("11月12日至17日", published)
    assert (d.day, d.end_day, d.approx) == (date(2017, 11, 12), date(2017, 11, 17), False)
    (d,) = find_dates("2016年,开局。5月中旬", published)
    assert (d.day, d.approx) == (date(2016, 5, 11), True)
    (d,) = find_dates("2010年以来成效显著。1月5日", published)  # a year in passing sets no context
    assert d.day == date(2018, 1, 5)
    (d,) = find_dates("本报讯 27日,晋中市举行签约仪式", date(2019, 2, 28))  # a day alone: the article's month
    assert d.day == date(2019, 2, 27)
    (d,) = find_dates("二〇一九年三月二日", published)
    assert d.day == date(2019, 3, 2)
    (d,) = find_dates("1月5日", published)
    assert d.day == date(2018, 1, 5)


def test_date_from_the_text_when_there_is_no_front_matter():
    facts = extract_text("2019年4月3日 本报讯\n4月2日,太原山西商会……在太原召开春季晋商恳谈会。", "n.txt")
    assert facts.source["date"] == date(2019, 4, 3)
    assert "event:2019-04-02/太原市" in facts.nodes


def test_signed_count_and_amount_in_other_wordings_and_the_event_held_not_the_one_around_it():
    facts = extract_text("---\ndate: 2019-09-10\n---\n9月9日,2019厦门国际投资贸易洽谈会暨丝路投资大会启幕第二天,"
                         "山西省投资环境推介会暨项目对接会在厦门召开。8个项目进行现场签约,总投资额96.4亿元。", "x.md")
    (event,) = [n for n in facts.nodes.values() if n.label == "Event"]
    assert event.name == "山西省投资环境推介会暨项目对接会" and event.id == "event:2019-09-09/厦门市"
    assert (event.properties["signed_count"], event.properties["signed_total_yi"]) == (8, 96.4)
    facts = extract_text("---\ndate: 2018-10-29\n---\n9月27日,在北京举办了绿色沁源招商引资推介暨项目签约仪式,"
                         "共签约项目32个,签约资金125.5亿元。", "y.md")
    (event,) = [n for n in facts.nodes.values() if n.label == "Event"]
    assert (event.properties["signed_count"], event.properties["signed_total_yi"]) == (32, 125.5)
    assert not [n for n in facts.nodes.values() if n.label == "Project"]  # "…推介暨项目" is no project


def test_projects_started_with_amount_county_and_investor():
    facts = extract_text("---\ndate: 2019-03-06\npublisher: 忻州日报\n---\n"
                         "3月5日,忻州市重点项目集中开工仪式在忻州举行。"
                         "由山西晋源新材料有限公司投资建设的代县新材料产业园项目开工,总投资12亿元。", "k.md")
    event = facts.nodes["event:2019-03-05/忻州市"]
    assert event.properties["kind"] == "开工仪式"
    project = facts.nodes["project:代县新材料产业园项目"]
    assert project.properties == {"stage": "开工", "amount_yi": 12.0}
    assert ("project:代县新材料产业园项目", "county:忻州市/代县") in rels(facts, "LOCATED_IN")
    assert ("company:山西晋源新材料有限公司", "project:代县新材料产业园项目") in rels(facts, "INVESTS_IN")
    assert not rels(facts, "SIGNED")  # started, not signed


def events_of(text):
    return {n.id: n for n in extract_text(text, "t.md").nodes.values() if n.label == "Event"}


def test_event_city_through_a_shanxi_county_and_the_dateline_day_left_out():
    ev = events_of("---\ndate: 2020-06-03\n---\n6月2日讯 6月1日，榆社县举行特色农业招商推介会。")
    assert list(ev) == ["event:2020-06-01/晋中市"]
    assert ev["event:2020-06-01/晋中市"].properties["kind"] == "推介会"


def test_yesterday_is_the_day_before_the_article_and_a_year_in_passing_serves_when_nothing_else_does():
    assert list(events_of("---\ndate: 2020-06-03\n---\n昨日，湖北山西商会恳谈会在长治市举行。")) == \
        ["event:2020-06-02/长治市"]
    assert list(events_of("9月9日，阳泉市2019年“老乡回家”恳谈会在市区举行。")) == ["event:2019-09-09/阳泉市"]


def test_signed_count_of_projects_settling_with_a_total_over_an_amount():
    ev = events_of("---\ndate: 2020-06-03\n---\n6月1日，小店区举行项目集中签约活动，总投资额超20亿元的7个重点项目落户。")
    props = ev["event:2020-06-01/太原市"].properties
    assert (props["signed_count"], props["signed_total_yi"]) == (7, 20.0)


def test_no_project_named_by_an_event_or_a_class_of_projects():
    facts = extract_text("---\ndate: 2020-06-03\n---\n6月1日，平遥县举行古城建设重点项目集中签约活动，恳谈会暨项目签约同日进行。", "t.md")
    assert [n.name for n in facts.nodes.values() if n.label == "Project"] == []


def posts_of(text):
    facts = extract_text(text, "t.md")
    return {(facts.nodes[r.start].name, facts.nodes[r.end].name, r.properties["title"])
            for r in facts.rels.values() if r.type == "HOLDS_POST"}


def test_posts_without_separators_after_a_company_post_and_on_election():
    posts = posts_of("湖北山西商会常务副会长钱立鸣副秘书长孙二平到访,北京山西企业商会会员部部长周三元接待。")
    assert {("钱立鸣", "湖北山西商会", "常务副会长"), ("孙二平", "湖北山西商会", "副秘书长"),
            ("周三元", "北京山西企业商会", "会员部部长")} <= posts
    assert ("郑四海", "广州山西商会", "副会长兼秘书长") in posts_of(
        "广州山西商会副会长兼秘书长、示例科技(广州)有限公司董事长郑四海先生来访。")
    assert ("冯五岳", "山西省河南商会", "会长") in posts_of("大会上,副会长冯五岳当选为新一届山西省河南商会会长。")


def test_posts_of_a_chamber_named_earlier_a_bare_shang_hui_and_a_jinshang_federation():
    posts = posts_of("宁夏晋商商业联合会举行年会。\n商会执行会长卫六合主持。\n陈七星会长致辞。")
    assert {("卫六合", "宁夏晋商商业联合会", "执行会长"), ("陈七星", "宁夏晋商商业联合会", "会长")} <= posts
    assert ("褚八方", "杭州山西商会", "会长") in posts_of("客人到访杭州山西商会,我会会长褚八方接待。")


def ambassadors_of(text):
    facts = extract_text(text, "t.md")
    return {(facts.nodes[r.start].name, facts.nodes[r.end].name)
            for r in facts.rels.values() if r.type == "AMBASSADOR_OF"}


def test_ambassadors_who_took_the_post_and_those_given_a_plaque_by_a_county():
    assert ambassadors_of("5月2日，沈阳市山西商会会长蒋立群应邀出席活动并受聘担任和平区“招商大使”。") == \
        {("蒋立群", "沈阳市")}  # 和平区 is not in the place list: the chamber's city stands for it
    assert ambassadors_of("5月2日，活动中，平遥县负责人为韩子明等6位招商大使授牌。") == {("韩子明", "平遥县")}
    assert ambassadors_of("5月2日，运城市聘请杨文远会长为运城市招商引资大使。") == {("杨文远", "运城市")}


def projects_of(text):
    facts = extract_text(text, "t.md")
    county = {r.start: facts.nodes[r.end].name for r in facts.rels.values() if r.type == "LOCATED_IN"}
    return {(n.name, n.properties.get("amount_yi"), county.get(n.id))
            for n in facts.nodes.values() if n.label == "Project"}


def test_projects_listed_after_fen_bie_shi_with_the_county_of_the_signing_party_or_the_one_named():
    assert projects_of("5月3日，平遥县举行活动。签约的3个项目分别是：古城民宿改造项目、牛肉深加工项目、光伏储能项目。") == {
        ("古城民宿改造项目", None, "平遥县"), ("牛肉深加工项目", None, "平遥县"), ("光伏储能项目", None, "平遥县")}
    assert projects_of("项目分别是：榆次区人民政府和示例材料有限公司签署新型建材项目、"
                       "示例经济开发区管委会和示例医疗有限公司签署医疗器械生产项目。") == {
        ("新型建材项目", None, "榆次区"), ("医疗器械生产项目", None, None)}
    assert projects_of("代县县长重点推介雁门关文旅综合体、杂粮加工园和年产5万吨铸件生产基地等3个项目。") == {
        ("雁门关文旅综合体", None, "代县"), ("杂粮加工园", None, "代县"), ("年产5万吨铸件生产基地", None, "代县")}


def test_a_county_signing_a_quoted_project_an_agreement_and_a_company_building_one():
    got = projects_of("晋中市上周签约项目如下：昔阳县与示例农业有限公司签约“小米精深加工项目”，拟投资3200万元；"
                      "示范区与示例能源公司签约“储能电站项目”，拟投资2亿元。")
    assert got == {("小米精深加工项目", 0.32, "昔阳县"), ("储能电站项目", 2.0, "示范区")}
    assert projects_of("示例公司与山西省左权县政府签署《左权县物流园区项目投资合作协议》。") == \
        {("左权县物流园区项目", None, "左权县")}
    assert projects_of("“我们将投资约6亿元，建设氢能重卡及加氢站项目。”该公司总经理说。") == \
        {("氢能重卡及加氢站项目", 6.0, None)}


def test_a_recruitment_drive_in_the_county_where_the_guests_gather():
    ev = events_of("---\ndate: 2022-06-03\n---\n6月2日，50多家商会的代表齐聚山西省晋中市祁县，举办“引才聚智、以商招商”双招双引活动，现场签约项目6个，签约总金额达12.5亿元。")
    assert list(ev) == ["event:2022-06-02/晋中市"]
    props = ev["event:2022-06-02/晋中市"].properties
    assert (props["kind"], props["signed_count"], props["signed_total_yi"]) == ("招商会", 6, 12.5)


def test_an_opening_ceremony_named_by_the_quoted_campaign_held_before_it():
    ev = events_of("---\ndate: 2024-05-03\n---\n5月2日上午，由省工商联组织的“晋商老街寻访”活动在太原市博物馆举行启动典礼。")
    assert list(ev) == ["event:2024-05-02/太原市"]
    assert ev["event:2024-05-02/太原市"].name == "“晋商老街寻访”活动启动典礼"


def test_vague_dates_stand_for_the_publication_date_and_are_kept_approximate():
    ev = events_of("---\ndate: 2024-04-30\n---\n日前，示例县招商推介会在太原市举办，现场共签约6个项目，总投资12亿元。")
    (event,) = ev.values()
    assert event.id == "event:2024-04-30/太原市"
    assert (event.properties["date_approx"], event.properties["signed_count"], event.properties["signed_total_yi"]) == \
        (True, 6, 12.0)
    assert event.confidence < 0.7  # loaded only after review
    published = date(2024, 5, 15)  # a Wednesday
    assert [(d.day, d.approx) for d in find_dates("上周，本周，在博览会期间，十三五期间", published)] == [
        (date(2024, 5, 6), True), (date(2024, 5, 13), True), (date(2024, 5, 15), True)]
    # a day stated in the sentence wins over 期间
    ev = events_of("---\ndate: 2022-11-10\n---\n在示例博览会期间，示例商会推介会于11月8日在上海举行。")
    assert list(ev) == ["event:2022-11-08/上海市"] and "date_approx" not in ev["event:2022-11-08/上海市"].properties


def test_a_day_without_a_year_a_week_past_publication_is_last_years():
    assert [d.day for d in find_dates("6月2日将举办", date(2024, 5, 28))] == [date(2024, 6, 2)]
    assert [d.day for d in find_dates("12月20日举办", date(2024, 1, 5))] == [date(2023, 12, 20)]


def test_an_office_stationed_in_a_city_is_not_where_the_event_is():
    ev = events_of("---\ndate: 2019-05-22\n---\n近日，由示例省政府驻上海办事处主办的示例联盟南昌座谈会召开。")
    assert list(ev) == ["event:2019-05-22/南昌市"]


def test_a_dated_visit_to_a_chamber_is_an_event_where_the_chamber_is():
    ev = events_of("---\ndate: 2025-06-03\npublisher: 杭州市山西商会\n---\n"
                   "6月2日上午，示例省驻沪办事处一行莅临我会调研，我会会长周九州接待。")
    assert [(e.id, e.name, e.properties["kind"]) for e in ev.values()] == \
        [("event:2025-06-02/杭州市", "莅临杭州市山西商会", "调研")]
    ev = events_of("2022年3月8日，示例市投资促进局副局长赴宁波市山西商会，拜会商会会长。")
    assert [(e.id, e.name, e.properties["kind"]) for e in ev.values()] == \
        [("event:2022-03-08/宁波市", "拜会宁波市山西商会", "拜会")]
    ev = events_of("2023年9月1日，示例考察团访港，看望了香港山西商会同仁并座谈交流。")
    assert [(e.id, e.properties["kind"]) for e in ev.values()] == [("event:2023-09-01/香港特别行政区", "座谈会")]
    # a province-wide chamber: the city where the writer signs that day, else no event
    ev = events_of("---\ndate: 2024-09-20\n---\n9月18日上午，考察组一行莅临青海晋商商业联合会考察交流。\n赠诗一首\n2024年9月18日于西宁")
    assert list(ev) == ["event:2024-09-18/西宁市"]
    assert events_of("---\ndate: 2024-09-20\n---\n9月18日上午，考察组一行莅临青海晋商商业联合会考察交流。") == {}


def test_a_quoted_activity_is_an_event_and_this_activity_later_on_is_the_same_one():
    ev = events_of("---\ndate: 2021-01-06\n---\n1月1日，在示例省政府举办的“开门红”活动上，示例公司在长治分会场签约。\n"
                   "示例公司将建设物流园。\n这次“开门红”活动，签约项目120个、总投资600亿元，开工项目80个、总投资300亿元。")
    (event,) = ev.values()
    assert (event.id, event.name, event.properties["signed_count"], event.properties["signed_total_yi"]) == \
        ("event:2021-01-01/长治市", "“开门红”活动", 120, 600.0)
    # a quoted campaign held with a ceremony is still named by the ceremony
    ev = events_of("---\ndate: 2024-05-03\n---\n5月2日，“晋商老街寻访”活动在太原市举行启动典礼。")
    assert [e.name for e in ev.values()] == ["“晋商老街寻访”活动启动典礼"]


def test_a_year_opening_an_event_name_dates_an_article_that_has_no_other_year():
    facts = extract_text("---\ntitle: 晋城市春季行动签约项目20个\n---\n“春季行动”以来，晋城市累计签约项目20个，拟投资80.5亿元。\n"
                         "上周，市领导在2019广州山西商会项目推介会上与客商洽谈。\n共签约2018个座位的会场。", "t.md")
    camp = facts.nodes["campaign:晋城市/2019"].properties
    assert (camp["year"], camp["signed_count"], camp["signed_total_yi"]) == (2019, 20, 80.5)


def test_a_development_zone_named_after_its_city_is_the_county_of_the_project_it_signs():
    text = ("项目分别是：晋城经济技术开发区管委会和示例医疗有限公司签署医疗器械生产项目、"
            "示例高新区管委会和示例材料有限公司签署新型建材项目。")
    assert projects_of(text) == {("医疗器械生产项目", None, "晋城经济技术开发区"), ("新型建材项目", None, None)}
    zone = extract_text(text, "t.md").nodes["county:晋城市/晋城经济技术开发区"]
    assert zone.properties == {"kind": "开发区"}


def test_a_works_breaking_ground_at_a_county_start_up_meeting_is_a_started_project_of_that_county():
    text = ("---\ndate: 2018-10-29\n---\n武乡县2018秋季重点建设项目集中开工暨现场推进会日前在示例村举行。"
            "随着示例大桥工程的奠基，总投资30亿元的12个重点建设项目集中开工。")
    assert projects_of(text) == {("示例大桥工程", None, "武乡县")}
    (event,) = events_of(text).values()
    assert (event.id, event.properties["kind"], event.properties["date_approx"]) == ("event:2018-10-29/长治市", "推进会", True)


def chambers_of(text):
    return {n.name for n in extract_text(text, "t.md").nodes.values() if n.label == "Chamber"}


def test_a_name_ends_before_the_verb_after_it_and_may_open_with_a_verb_character():
    posts = posts_of("山西省河北商会会长兰军接受记者采访。山西省河北商会会长兰军常说，乡情难舍。")
    assert posts == {("兰军", "山西省河北商会", "会长")}
    # 向 and 先 open given names too, when a third character closes the name before a boundary or verb
    posts = posts_of("主任与深圳山西商会会长赵向东、珠海山西商会会长高先中签署协议。")
    assert posts == {("赵向东", "深圳山西商会", "会长"), ("高先中", "珠海山西商会", "会长")}
    assert posts_of("深圳山西商会会长王先后发言。") == set()
    assert posts_of("深圳山西商会会长王军称，家乡变化大。") == {("王军", "深圳山西商会", "会长")}


def test_a_chamber_name_does_not_open_with_a_place_and_a_verb():
    text = "---\ndate: 2025-10-11\n---\n2025年10月10日，山西省河南商会在太原举行商会成立二十周年庆典。陈某在重庆组织了山西商会。"
    assert chambers_of(text) == {"山西省河南商会"}
    (event,) = events_of(text).values()
    assert (event.id, event.name, event.properties["kind"]) == ("event:2025-10-10/太原市", "商会成立二十周年庆典", "庆典")


def test_a_county_federations_branches_and_the_branches_listed_after_the_first():
    text = ("座谈会上，平遥总商会北京商会会长王一鸣、南京商会会长李二强、成都商会会长张三丰、"
            "云南商会副会长、秘书长赵四海等代表发言。\n北京商会会长王一鸣说，家乡变化大。")
    assert chambers_of(text) == {"平遥总商会北京商会", "平遥总商会南京商会", "平遥总商会成都商会", "平遥总商会云南商会"}
    assert posts_of(text) == {("王一鸣", "平遥总商会北京商会", "会长"), ("李二强", "平遥总商会南京商会", "会长"),
                              ("张三丰", "平遥总商会成都商会", "会长"), ("赵四海", "平遥总商会云南商会", "副会长"),
                              ("赵四海", "平遥总商会云南商会", "秘书长")}
    # or by commas
    assert posts_of("平遥总商会北京商会会长王一鸣，南京商会会长李二强发言。") == \
        {("王一鸣", "平遥总商会北京商会", "会长"), ("李二强", "平遥总商会南京商会", "会长")}
    # a branch list ends with its sentence
    assert chambers_of("平遥总商会北京商会成立。会上，南京商会会长李二强发言。") == {"平遥总商会北京商会"}


def test_chambers_of_shanxi_people_abroad_are_named_after_a_country():
    text = ("主任与晋商德国总商会会长钱多多、泰国山西省商会会长孙二宝、日本晋商总商会会长周五福签署协议。"
            "泰国山西商会会长孙二宝发言。")
    assert chambers_of(text) == {"晋商德国总商会", "泰国山西省商会", "日本晋商总商会"}  # 泰国山西商会 is the same one
    assert posts_of(text) == {("钱多多", "晋商德国总商会", "会长"), ("孙二宝", "泰国山西省商会", "会长"),
                              ("周五福", "日本晋商总商会", "会长")}
    assert chambers_of("新加坡晋商会会长钱多多来访。德国客商来访。") == {"新加坡晋商会"}


def test_a_company_post_between_the_chamber_post_and_the_name_and_the_chamber_without_its_place():
    posts = posts_of("他推荐了深圳山西商会会长、深圳示例实业总裁陈明远。")
    assert posts == {("陈明远", "深圳山西商会", "会长")}
    posts = posts_of("深圳山西商会成立于2009年。据山西商会秘书长朱小鹏介绍，会员逐年增加。")
    assert posts == {("朱小鹏", "深圳山西商会", "秘书长")}
    # 外省 / 多家 山西商会 are many chambers: their people are no one chamber's
    assert posts_of("深圳山西商会成立于2009年。外省山西商会会长钱多多也到会。") == set()
    assert posts_of("深圳山西商会成立于2009年。多家山西商会会长钱多多等到会。") == set()


def test_projects_listed_each_after_its_development_zone_and_closed_by_a_total():
    text = ("---\ntitle: 晋中市开发区项目集中签约\ndate: 2023-04-02\n---\n"
            "集中签约仪式上，榆次经济技术开发区示例材料项目，平遥高新区古城文旅、民宿改造项目，"
            "示例现代农业产业示范区果品冷链项目，介休产业集聚区200兆瓦储能项目等4个项目分两批进行了现场签约。")
    assert projects_of(text) == {("示例材料项目", None, "榆次经济技术开发区"), ("古城文旅、民宿改造项目", None, "平遥高新区"),
                                 ("果品冷链项目", None, "示例现代农业产业示范区"), ("200兆瓦储能项目", None, "介休产业集聚区")}
    facts = extract_text(text, "t.md")
    assert facts.nodes["county:晋中市/平遥高新区"].properties == {"kind": "开发区"}
    # a ceremony the article dates nowhere: the publication date, approximate, in the city of its places
    (event,) = events_of(text).values()
    assert (event.id, event.name, event.properties["signed_count"], event.properties["date_approx"]) == \
        ("event:2023-04-02/晋中市", "集中签约仪式", 4, True)
    # items joined by 、 where each opens with its zone
    assert projects_of("---\ntitle: 晋中市项目签约\n---\n榆次经济技术开发区甲乙项目、平遥高新区丙、丁项目、介休产业集聚区戊己项目等3个项目集中签约。") == \
        {("甲乙项目", None, "榆次经济技术开发区"), ("丙、丁项目", None, "平遥高新区"), ("戊己项目", None, "介休产业集聚区")}
    # or each after its county
    assert projects_of("平遥县甲乙项目，介休市丙丁项目，榆次区戊己项目等3个项目集中签约。") == \
        {("甲乙项目", None, "平遥县"), ("丙丁项目", None, "介休市"), ("戊己项目", None, "榆次区")}
    # two items are not a list; 本次大会上 is the event told of before, not a new one
    assert projects_of("平遥高新区甲乙项目，介休产业集聚区丙丁项目等2个项目签约。") == set()
    assert events_of("---\ndate: 2023-04-02\n---\n在本次会员代表大会上，会长作了报告。") == {}
    # after a dated event, an undated 推介会上 is no new event
    ev = events_of("---\ndate: 2023-04-02\n---\n3月30日，晋中市招商推介会在深圳举行。\n推介会上，会长作了发言。")
    assert list(ev) == ["event:2023-03-30/深圳市"]


def test_a_province_wide_total_without_an_event_is_the_provinces_campaign_of_that_year():
    facts = extract_text("---\ntitle: 示例省报：山西招商成绩单\ndate: 2025-02-19\n---\n"
                         "2月17日，记者从全省工作会议获悉，2024年，全省招商引资签约项目3000个，签约金额达1.2万亿元。\n"
                         "数据显示，2024年，全省招商引资签约项目达3000个。", "t.md")
    camp = facts.nodes["campaign:山西省/2024"]
    assert (camp.name, camp.properties["signed_count"], camp.properties["signed_total_yi"]) == \
        ("山西省2024年招商引资", 3000, 12000.0)
    assert {(r.start, r.end) for r in facts.rels.values() if r.type == "CAMPAIGN_OF"} == {("campaign:山西省/2024", "province:山西省")}
    assert not [n for n in facts.nodes.values() if n.label == "Event"]
    # the signing of 省属 companies, counted with 共 and no event word
    facts = extract_text("---\ndate: 2011-10-13\n---\n此次中博会前后，山西省属企业分批签约，共签约项目200个，投资总额为7000亿元。", "t.md")
    assert facts.nodes["campaign:山西省/2011"].properties["signed_total_yi"] == 7000.0
    # the province of the publisher or title, where it names one
    facts = extract_text("---\npublisher: 河南日报\ndate: 2025-02-19\n---\n山西省河南商会来访。2024年，全省签约项目900个。", "t.md")
    assert [n.id for n in facts.nodes.values() if n.label == "Campaign"] == ["campaign:河南省/2024"]


def test_a_groups_dated_visit_told_by_its_verbs_is_an_event_where_they_went():
    # 我县: the county that publishes the page; the event is in its city
    ev = events_of("---\ndate: 2020-09-23\npublisher: 示例网 (平遥县)\n---\n"
                   "9月21日，苏州晋中商会会长王大同一行来到我县，就产业发展等情况进行考察。")
    assert [(e.id, e.name, e.properties["kind"]) for e in ev.values()] == \
        [("event:2020-09-21/晋中市", "苏州晋中商会考察", "考察")]
    # a wire report's day after the reporter's name; the first place that is one, after 回到家乡
    ev = events_of("---\ndate: 2011-07-08\n---\n示例社太原7月8日电(记者甲)8日，香港山西同乡会一行30人回到家乡，"
                   "在山西大同、晋中等地参观访问。")
    assert [(e.id, e.properties["kind"]) for e in ev.values()] == [("event:2011-07-08/大同市", "考察")]
    # no verb of a visit, or nowhere known: no event
    assert events_of("---\ndate: 2020-09-23\n---\n9月21日，商会一行来到我县。") == {}
    assert events_of("---\ndate: 2020-09-23\n---\n9月21日，商会一行在示例村考察。") == {}


def test_a_company_name_does_not_open_with_the_development_zone_before_it():
    from loaders.articles.entities import find_companies

    assert [c for _, _, c in find_companies("平遥高新区示例化工集团迁建项目签约。")] == ["示例化工集团"]


# ----- h15k: signing tallies and events in the wordings of the third development set (own sentences) -----

def campaigns_of(text):
    return {n.id: n.properties for n in extract_text(text, "c.md").nodes.values() if n.label == "Campaign"}


def test_a_tally_in_items_and_the_amount_told_right_after_the_count_not_a_later_one():
    ev = events_of("---\ndate: 2015-10-20\n---\n10月8日，忻州市农产品招商推介会在长沙举行，忻州市共签约项目21项，投资88.8亿元。"
                   "此外，该市在另一展会上签约5个项目，总投资9亿元。")
    props = ev["event:2015-10-08/长沙市"].properties
    assert (props["signed_count"], props["signed_total_yi"]) == (21, 88.8)


def test_contracts_and_agreements_signed_are_counted():
    ev = events_of("---\ndate: 2016-05-03\n---\n5月2日，晋中市文旅恳谈会在成都举行，双方共签署二十六个合同及合作协议。")
    assert ev["event:2016-05-02/成都市"].properties["signed_count"] == 26
    ev = events_of("---\ndate: 2016-05-03\n---\n5月2日，晋中市文旅恳谈会在成都举行，当地企业与晋中市就9项合作协议进行了签约。")
    assert ev["event:2016-05-02/成都市"].properties["signed_count"] == 9


def test_todays_tally_is_the_opening_events_and_a_tally_beside_another_events_name_is_not_claimed():
    ev = events_of("---\ndate: 2021-06-12\n---\n6月10日，由长治市政府主办的长治市2021年“晋商回乡”项目恳谈暨网络签约会举行。\n"
                   "6月5日，长治市举行了首届小米产业大会。此前还举行了春季网上签约推介会，总投资50亿元的12个项目签约。"
                   "今天成功签约的总投资120亿元30个项目，将得到全程服务。")
    main = ev["event:2021-06-10/长治市"]
    assert main.name == "长治市2021年“晋商回乡”项目恳谈暨网络签约会"
    assert (main.properties["signed_count"], main.properties["signed_total_yi"]) == (30, 120.0)
    assert "signed_count" not in ev["event:2021-06-05/长治市"].properties
    assert "signed_total_yi" not in ev["event:2021-06-05/长治市"].properties


def test_a_year_total_of_the_city_the_sentence_names_and_one_as_of_the_day_of_publication():
    camps = campaigns_of("---\ndate: 2022-04-15\n---\n2021年，晋城市共签约招商引资项目210个，签约金额880.5亿元。"
                         "截至目前，全市共签约招商引资项目31个，签约金额120.25亿元。")
    assert camps["campaign:晋城市/2021"] == {"year": 2021, "signed_count": 210, "signed_total_yi": 880.5}
    assert camps["campaign:晋城市/2022"] == {"year": 2022, "as_of": date(2022, 4, 15), "signed_count": 31,
                                             "signed_total_yi": 120.25}


def test_a_total_over_an_amount_of_a_year_of_signing():
    camps = campaigns_of("---\ndate: 2023-01-10\npublisher: 临汾日报\n---\n全年签约项目300个，签约总金额超1500亿元。")
    assert camps["campaign:临汾市/2023"]["signed_total_yi"] == 1500.0


def test_a_quoted_activity_before_a_semicolon_and_yesterday_after_a_quoted_name():
    ev = events_of("---\ndate: 2022-09-08\n---\n9月6日，忻州市举行开发区第三次“三个一批”活动；其中定襄县“签约一批”项目4个，总投资8.5亿元。")
    props = ev["event:2022-09-06/忻州市"].properties
    assert (props["signed_count"], props["signed_total_yi"]) == (4, 8.5)
    ev = events_of("---\ndate: 2008-06-20\n---\n为期五天的“山西(澳门)经贸洽谈会”昨日正式闭幕。")
    assert [e for e in ev if e.startswith("event:2008-06-19/")]


def test_projects_listed_one_a_line_are_in_the_zone_of_the_tally_and_a_class_after_qizhong_is_none():
    facts = extract_text("---\ndate: 2021-07-02\n---\n7月1日上午，晋城经济技术开发区招商引资6个项目在晋城市集中签约。\n"
                         "此次集中签约的有——\n光伏组件智造基地、\n晋城数字物流港、\n氢能重卡示范线、\n"
                         "康养度假小镇等6个项目，总投资60.5亿元。\n其中新能源项目占一半。", "l.md")
    located = rels(facts, "LOCATED_IN")
    names = {"光伏组件智造基地", "晋城数字物流港", "氢能重卡示范线", "康养度假小镇"}
    assert {s for s, _ in located} == {f"project:{n}" for n in names}
    assert {e for _, e in located} == {"county:晋城市/晋城经济技术开发区"}
    facts = extract_text("---\ndate: 2021-07-02\n---\n7月1日，长治市招商推介会在上海举行，签约项目5个，其中新材料项目占多数。", "q.md")
    assert facts.nodes["event:2021-07-01/上海市"].properties["signed_count"] == 5
    assert not [n for n in facts.nodes.values() if n.label == "Project"]


def test_a_project_after_its_company_with_a_capacity_and_then_the_same_occasion_in_a_later_paragraph():
    facts = extract_text("---\ndate: 2022-09-08\n---\n9月6日，忻州市举行开发区第三次“三个一批”活动。\n"
                         "随后，在山西晋北新材料有限公司年产5万吨高纯氧化铝生产线项目现场举行开工仪式。", "p.md")
    (project,) = [n for n in facts.nodes.values() if n.label == "Project"]
    assert project.name == "年产5万吨高纯氧化铝生产线项目"


def test_a_name_and_post_right_after_the_chambers_name():
    facts = extract_text("---\ndate: 2012-05-20\n---\n甘肃晋商会副会长王某某、温州晋商会陈立新会长等代表发言。", "n.md")
    held = {(facts.nodes[s].name, facts.nodes[e].name, r.properties["title"]) for (s, e), r in rels(facts, "HOLDS_POST").items()}
    assert ("陈立新", "温州晋商会", "会长") in held


def test_a_quoted_part_holding_commas_stays_whole_in_an_events_name():
    ev = events_of("---\ndate: 2021-05-21\n---\n5月20日，晋中市2021年“念乡情、助发展”恳谈会暨项目签约仪式在平遥县举行。")
    (event,) = ev.values()
    assert event.name == "晋中市2021年“念乡情、助发展”恳谈会暨项目签约仪式"
