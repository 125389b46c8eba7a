"""Liaison offices and investment ambassadors as a probe of chamber and government news found them missed
(issue 15): the publishing chamber told as 我会 / 本会 / a bare 商会 (on its own page, the front matter's
publisher) receiving the plaque, and ambassadors handed their letters of appointment as a list (为甲会长A、
乙会长B等5人颁发“招商大使”聘书 / 颁发聘书，聘任二人为…大使), given the title with its city (授予…“吕梁市
招商大使”称号) or asked to serve (聘请…担任…顾问). Short sentences written for this test, names invented."""
from __future__ import annotations

from datetime import date

import pytest

from loaders.articles import extract_text
from tests.unit.test_extract_post_forms import ambassadors_of, liaisons_of

OURS = "---\ndate: 2024-05-10\npublisher: 宁波市山西商会\n---\n"  # a chamber's own page
PAPER = "---\ndate: 2024-05-10\npublisher: 吕梁日报\n---\n"  # a daily's: 我会 is nobody here
NB = "宁波市山西商会"

WE_OFFICES = [
    ("对接会上，吕梁市向我会授予“吕梁市招商引资联络处”牌匾。", {(NB, "吕梁市")}),
    ("吕梁市在本会设立招商引资联络处。", {(NB, "吕梁市")}),
    ("会上，吕梁市为本会揭牌“吕梁市驻宁波招商联络处”。", {(NB, "吕梁市")}),
    ("我会被授予“吕梁市招商引资联络处”牌匾。", {(NB, "吕梁市")}),
    ("我会正式挂牌成为晋中市驻甬招商联络处。", {(NB, "晋中市")}),
    ("晋中市驻宁波招商工作站在我会揭牌。", {(NB, "晋中市")}),
    ("会上，吕梁市人民政府为商会授予“吕梁市招商引资联络处”牌匾。", {(NB, "吕梁市")}),
    ("長治市向本會授予「長治市駐上海招商聯絡處」牌匾。", {(NB, "长治市")}),
    ("本会荣获“平遥县招商引资联络处”称号。", {(NB, "平遥县")}),
    ("平遥县驻甬招商引资联络处在我会正式挂牌。", {(NB, "平遥县")}),
    ("会上，平遥县县长李明为商会授牌，商会成为平遥县驻甬招商联络处。", {(NB, "平遥县")}),
]

# the office set in a chamber named in full
OFFICES = [
    ("平遥县驻天津招商联络处设在天津市山西商会。", {("天津市山西商会", "平遥县")}),
    ("平遥县在天津市山西商会设立招商服务工作站。", {("天津市山西商会", "平遥县")}),
    ("吕梁市与天津市山西商会共建吕梁市驻津招商联络处。", {("天津市山西商会", "吕梁市")}),
    ("吕梁市人民政府与天津市山西商会签署协议，委托商会作为吕梁市驻津招商联络处。", {("天津市山西商会", "吕梁市")}),
    ("天津市山西商会承担吕梁市驻津招商联络处职能。", {("天津市山西商会", "吕梁市")}),
]


# who receives the office among the chambers a sentence names: not a guest told after it
AMONG = [
    (OURS, "吕梁市向我会授予“吕梁市招商引资联络处”牌匾，天津市山西商会会长王德明出席。", {(NB, "吕梁市")}),
    (OURS, "我会与天津市山西商会同时被授予“吕梁市招商引资联络处”牌匾。", {(NB, "吕梁市"), ("天津市山西商会", "吕梁市")}),
    (OURS, "天津市山西商会会长王德明与我会会长张建国共同为“吕梁市招商引资联络处”揭牌。", {(NB, "吕梁市")}),
    (OURS, "吕梁市招商引资联络处在我会揭牌，天津市山西商会等兄弟商会到场祝贺。", {(NB, "吕梁市")}),
    (PAPER, "吕梁市在天津市山西商会设立招商引资联络处，苏州山西商会会长李红到场祝贺。", {("天津市山西商会", "吕梁市")}),
]


@pytest.mark.parametrize("head,text,expected", AMONG)
def test_the_chamber_that_receives_the_office_not_a_guest(head, text, expected):
    assert liaisons_of(head + text) == expected


@pytest.mark.parametrize("text,expected", OFFICES)
def test_an_office_set_in_a_chamber(text, expected):
    assert liaisons_of(PAPER + text) == expected


WE_OFFICE_NEGATIVES = [
    "晋中市驻宁波办事处主任李明来我会走访。",  # an office's head visiting, no office set up
    "我会设立了联络部，负责会员联络。",  # the chamber's own department
    "兄弟商会被授予“吕梁市招商引资联络处”牌匾。",  # another chamber, unnamed
    "吕梁市驻宁波招商联络处主任李明出席我会年会。",
    "我会设立会员服务工作站，方便会员办事。",  # no investment promotion
    "我会荣获“五好商会”称号。",
    "吕梁市驻津招商联络处负责人李明到天津市山西商会走访。",
    "天津市山西商会与吕梁市驻津招商联络处签订合作协议。",
]


@pytest.mark.parametrize("text,expected", WE_OFFICES)
def test_the_publishing_chamber_told_as_we_receives_the_office(text, expected):
    assert liaisons_of(OURS + text) == expected


@pytest.mark.parametrize("text", [t for t, _ in WE_OFFICES])
def test_we_on_a_page_no_chamber_publishes_is_no_office_holder(text):
    assert liaisons_of(PAPER + text) == set()


@pytest.mark.parametrize("text", WE_OFFICE_NEGATIVES)
def test_no_office_from_these(text):
    assert liaisons_of(OURS + text) == set()


AMBASSADORS = [
    # the publishing chamber's people
    ("吕梁市聘请我会会长张建国为吕梁市招商大使。", {("张建国", "吕梁市")}),
    ("会上，吕梁市为我会会长张建国、常务副会长刘明远颁发“招商大使”聘书。", {("张建国", "吕梁市"), ("刘明远", "吕梁市")}),
    ("吕梁市人民政府授予我会会长张建国“吕梁市招商大使”称号。", {("张建国", "吕梁市")}),
    ("我会会长张建国、执行会长李红受聘担任晋中市招商顾问。", {("张建国", "晋中市"), ("李红", "晋中市")}),
    # letters handed to a list, the title told after them
    ("晋城市人民政府为苏州市山西商会会长赵德胜、执行会长李红颁发聘书，聘任二人为晋城市招商引资形象大使。",
     {("赵德胜", "晋城市"), ("李红", "晋城市")}),
    ("大同市为深圳市山西商会会长马振华、上海市山西商会会长何立群等5人颁发“大同市招商大使”聘书。",
     {("马振华", "大同市"), ("何立群", "大同市")}),
    ("晋城市向苏州市山西商会会长赵德胜颁发了聘书，聘请其为晋城市招商顾问。", {("赵德胜", "晋城市")}),
    ("平遥县聘请天津市山西商会会长王德明担任平遥县招商顾问。", {("王德明", "平遥县")}),
    ("晋城市副市长王立新为苏州市山西商会会长赵德胜颁发“招商引资形象大使”证书。", {("赵德胜", "晋城市")}),
    # names told before their count and post, after 我会, or with an honorific before 为
    ("王德明、李红、赵强三位会长受聘为平遥县招商大使。", {("王德明", "平遥县"), ("李红", "平遥县"), ("赵强", "平遥县")}),
    ("我会王德明会长受聘担任平遥县招商顾问。", {("王德明", "平遥县")}),
    ("聘任天津市山西商会会长王德明同志为平遥县招商大使。", {("王德明", "平遥县")}),
    ("天津市山西商会会长王德明获颁平遥县招商大使聘书。", {("王德明", "平遥县")}),
    ("天津市山西商会会长王德明接过平遥县招商大使聘书。", {("王德明", "平遥县")}),
    ("商会会长王德明、秘书长李红分别被聘为平遥县招商大使和招商顾问。", {("王德明", "平遥县"), ("李红", "平遥县")}),
    # the title without its place: the place that appoints, not the one an office is in (驻宁波)
    ("平遥县在我会设立驻宁波招商联络处，聘请我会会长王德明为招商顾问。", {("王德明", "平遥县")}),
    ("平遙縣向天津市山西商會會長王德明頒發「招商大使」聘書。", {("王德明", "平遥县")}),
]

AMBASSADOR_NEGATIVES = [
    "会上，晋城市委书记王立新为新聘任的12名招商大使颁发聘书。",  # no names
    "晋城市人民政府授予苏州市山西商会会长赵德胜“优秀企业家”称号。",  # no investment title
    "大同市为深圳市山西商会会长马振华颁发荣誉证书，并聘任其为经济顾问。",  # no investment promotion
    "天津市山西商会会长王德明当选为平遥县招商引资促进会会长。",  # a post in an association, no title given
    "会议向受聘的招商大使颁发了聘书，王德明代表招商大使发言。",  # who spoke, not who was appointed
    "天津市山西商会会长王德明被聘为平遥县文化旅游推广大使。",  # no investment promotion
    "天津市山西商会会长王德明被聘为平遥县经济发展顾问。",
]


@pytest.mark.parametrize("text,expected", AMBASSADORS)
def test_ambassadors_handed_their_letters(text, expected):
    assert ambassadors_of(OURS + text) == expected


@pytest.mark.parametrize("text", AMBASSADOR_NEGATIVES)
def test_no_ambassador_from_these(text):
    assert ambassadors_of(OURS + text) == set()


def _days(text):
    f = extract_text(text, "t.md")
    return {(r.type, f.nodes[r.start].name): r.properties for r in f.rels.values()
            if r.type in ("AMBASSADOR_OF", "LIAISON_OFFICE_OF")}


def test_a_sentence_at_the_occasion_takes_the_day_of_the_dated_opening():
    # the opening dates the occasion without naming an event; 会上 in the next paragraph is that day
    text = PAPER.replace("吕梁日报", "平遥县人民政府").replace("2024-05-10", "2024-03-22") + \
        "3月20日，平遥县驻天津招商引资工作站在天津市山西商会挂牌成立。\n会上，平遥县聘请天津市山西商会副会长陈海波为平遥县招商顾问。\n"
    assert _days(text) == {("LIAISON_OFFICE_OF", "天津市山西商会"): {"since": date(2024, 3, 20)},
                           ("AMBASSADOR_OF", "陈海波"): {"appointed_on": date(2024, 3, 20)}}
    # not at the occasion: the article's date
    later = text.replace("会上，平遥县聘请", "此前，平遥县已聘请")
    assert _days(later)[("AMBASSADOR_OF", "陈海波")] == {"appointed_on": date(2024, 3, 22)}


COUNTY = "---\ndate: 2024-05-10\npublisher: 平遥县人民政府\n---\n"  # a county's page: 我县 is 平遥县
CITY = "---\ndate: 2024-05-10\npublisher: 晋城日报\n---\n"  # a city's daily: 我市 is 晋城市
NEWS = "---\ndate: 2024-05-10\npublisher: 示例新闻网\n---\n"  # a page of no place

OUR_PLACE = [
    (COUNTY, "会上，我县聘请天津市山西商会会长王德明为我县招商大使。", {("王德明", "平遥县")}, set()),
    (COUNTY, "天津市山西商会会长王德明受聘为我县招商顾问。", {("王德明", "平遥县")}, set()),
    (COUNTY, "我县驻天津招商联络处在天津市山西商会揭牌。", set(), {("天津市山西商会", "平遥县")}),
    (CITY, "天津市山西商会会长王德明受聘为我市招商大使。", {("王德明", "晋城市")}, set()),
    (CITY, "会上，市长李明为天津市山西商会会长王德明颁发招商大使聘书。", {("王德明", "晋城市")}, set()),
    # the chamber's host is never the place of the title (it was: 天津市)
    (NEWS, "天津市山西商会会长王德明受聘为招商大使。", set(), set()),
]


@pytest.mark.parametrize("head,text,ambassadors,offices", OUR_PLACE)
def test_our_county_or_city_and_never_the_chambers_host(head, text, ambassadors, offices):
    assert ambassadors_of(head + text) == ambassadors
    assert liaisons_of(head + text) == offices


LISTS = [
    # the title's place named in the paragraph's opening, the names listed after it
    ("5月9日，平遥县首批招商大使聘任仪式举行。受聘的招商大使为：天津市山西商会会长王德明，苏州山西商会执行会长李红。",
     {("王德明", "平遥县"), ("李红", "平遥县")}),
    # one name a line, the post beside it
    ("5月9日，平遥县首批招商大使聘任仪式举行。首批招商大使名单如下：\n王德明  天津市山西商会会长\n李红  苏州山西商会执行会长\n",
     {("王德明", "平遥县"), ("李红", "平遥县")}),
    ("5月9日，平遥县首批招商大使聘任仪式举行。首批招商大使名单如下：\n（名单附后）\n", set()),
]


@pytest.mark.parametrize("text,expected", LISTS)
def test_ambassadors_listed_after_the_title(text, expected):
    assert ambassadors_of(NEWS + text) == expected
    if expected:  # on the paragraph's day, not the article's
        assert {p["appointed_on"] for p in _days(NEWS + text).values()} == {date(2024, 5, 9)}
