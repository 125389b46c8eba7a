"""More ways news tells of a liaison office, an investment ambassador and a member company (issue 15),
beyond the first table (tests/unit/test_extract_post_forms.py, whose readers these share): a plaque
handed over (颁发 / 授予 / 为…揭牌), an office set up in a chamber (设立…驻…联络处), a county's or a
province's office, ambassadors appointed by a government (被X聘为 / 聘请…担任), lists of ambassadors with
their chambers, the dates they hold from (since / appointed_on from the article's date), member
companies (副会长单位) told company first. Short sentences written for this test, names invented.

Conventions decided here (benchmarks/devset/annotations.yaml: ambassadors person → place, liaison offices
chamber → place): 招商大使, 招商引资大使 and 招商顾问 / 招商引资顾问 are ambassadors; an 经济顾问 or 法律顾问 is not
(no investment promotion); a 联络员 (a person), a chamber's own 联络部 and a government's 办事处 are no
liaison office."""
from __future__ import annotations

import pytest

from loaders.articles import extract_text
from loaders.text import fold
from tests.unit.test_extract_post_forms import TJ, SZ, ambassadors_of, liaisons_of, members_of

SH = "上海市山西商会"

LIAISONS = [
    ("大同市人民政府向天津市山西商会授予“大同市招商引资联络处”牌匾。", {(TJ, "大同市")}),
    ("长治市副市长李明为天津市山西商会颁发“长治市招商引资联络处”牌匾。", {(TJ, "长治市")}),
    ("会上，朔州市为苏州山西商会揭牌“朔州市驻苏州招商联络站”。", {(SZ, "朔州市")}),
    ("忻州市在苏州山西商会设立驻苏州招商引资联络处。", {(SZ, "忻州市")}),
    ("吕梁市招商引资联络处在上海市山西商会揭牌成立。", {(SH, "吕梁市")}),
    ("天津市山西商会正式挂牌“运城市招商引资联络处”。", {(TJ, "运城市")}),
    ("晋中市在苏州山西商会设立“晋中市驻苏州投资促进联络处”。", {(SZ, "晋中市")}),
    ("大同市人民政府向天津市山西商會授予「大同市招商引資聯絡處」牌匾。", {(TJ, "大同市")}),
    ("太原市投资促进局在天津市山西商会挂牌设立招商联络处。", {(TJ, "太原市")}),
    ("晋城市为天津市山西商会、苏州山西商会授予晋城市招商引资联络处牌匾。", {(TJ, "晋城市"), (SZ, "晋城市")}),
    ("临汾市商务局局长李明为苏州山西商会授牌，苏州山西商会成为临汾市招商引资联络处。", {(SZ, "临汾市")}),
    ("天津市山西商会被授予“阳泉市招商引资工作联络站”牌匾。", {(TJ, "阳泉市")}),
    ("吉林省人民政府为天津市吉林商会授予“吉林省驻津招商联络处”牌匾。", {("天津市吉林商会", "吉林省")}),
    ("平遥县在天津市山西商会设立招商引资联络处。", {(TJ, "平遥县")}),
    ("活动中，运城市人民政府与天津市山西商会签约，在该会设立运城市招商联络处。", {(TJ, "运城市")}),
    ("随后，大同市副市长李明和天津市山西商会会长王德明共同为“大同市招商引资联络处”揭牌。", {(TJ, "大同市")}),
    # a check written after the rules above
    ("忻州市人民政府在天津市山西商会挂牌成立忻州市驻津招商引资服务站。", {(TJ, "忻州市")}),
    ("天津市山西商会获授“朔州市招商引资联络处”牌匾。", {(TJ, "朔州市")}),
    ("天津市山西商会被确定为晋城市招商引资联络处。", {(TJ, "晋城市")}),
    ("运城市招商引资天津联络处落户天津市山西商会。", {(TJ, "运城市")}),
    ("苏州山西商会受托成为长治市驻苏州招商联络处。", {(SZ, "长治市")}),
    ("临汾市在上海市山西商会设立临汾市驻沪招商引资工作站。", {(SH, "临汾市")}),
    ("大同市副市长李明与天津市山西商会会长王德明共同为大同市驻天津招商联络处揭牌。", {(TJ, "大同市")}),
    ("朔州市在蘇州山西商會設立招商聯絡處。", {(SZ, "朔州市")}),
    # a third check written after the rules (all 6 passed at once)
    ("天津市山西商会被大同市人民政府授予“招商引资联络处”牌匾。", {(TJ, "大同市")}),
    ("大同市在天津市山西商会设立“大同市招商引资（天津）联络处”。", {(TJ, "大同市")}),
    ("晋城市驻沪招商联络站在上海市山西商会挂牌。", {(SH, "晋城市")}),
    ("朔州市招商引资工作联络处授牌仪式在天津市山西商会举行。", {(TJ, "朔州市")}),
    ("天津市山西商会被授予晋中市招商引资联络处，商会会长王德明接受牌匾。", {(TJ, "晋中市")}),
    ("天津市山西商會被授予「晉中市招商引資聯絡處」牌匾。", {(TJ, "晋中市")}),
]

LIAISON_NEGATIVES = [
    "天津市山西商会秘书长郭文斌担任大同市招商联络员。",
    "天津市山西商会设立了联络部，负责与会员企业的日常联络。",
    "大同市人民政府驻天津办事处主任李明出席了天津市山西商会的年会。",
    "晋城市驻天津联络处主任李明到天津市山西商会走访。",
    "天津市山西商会党支部揭牌成立。",
    "山西省人民政府驻北京办事处在北京揭牌。",
    "天津市山西商会与太原市商务局建立了常态化联络机制。",
    "天津市山西商会成立了会员服务中心，为会员企业提供法律咨询。",
    "天津市山西商会与大同市驻天津联络处开展了座谈。",
    "天津市山西商会秘书处设立了会员联络部。",
    "大同市驻津办事处揭牌成立。",
    "天津市山西商会成立了青年企业家联络委员会。",
    "天津市山西商会成立大会上，大同市驻津联络处主任李明致辞。",
]

AMBASSADORS = [
    ("大同市聘请天津市山西商会会长王德明为大同市招商大使，并颁发聘书。", {("王德明", "大同市")}),
    ("朔州市为王德明、李文华、赵志强颁发“招商引资大使”聘书。",
     {("王德明", "朔州市"), ("李文华", "朔州市"), ("赵志强", "朔州市")}),
    ("平遥县聘请王德明为招商顾问。", {("王德明", "平遥县")}),
    ("活动中，王德明被晋中市人民政府聘为招商大使。", {("王德明", "晋中市")}),
    ("王德明被太原市聘为招商引资顾问。", {("王德明", "太原市")}),
    ("王德明（天津市山西商会会长）被聘为太原市招商大使。", {("王德明", "太原市")}),
    ("大同市聘請王德明為招商大使。", {("王德明", "大同市")}),
    ("王德明、李文华被聘为晋城市招商大使。", {("王德明", "晋城市"), ("李文华", "晋城市")}),
    ("晋城市市长李明向王德明颁发招商大使聘书。", {("王德明", "晋城市")}),
    ("运城市聘请王德明担任运城市招商引资顾问。", {("王德明", "运城市")}),
    ("长治市新聘任的招商大使有：天津市山西商会会长王德明、苏州山西商会会长李文华、上海市山西商会会长赵志强。",
     {("王德明", "长治市"), ("李文华", "长治市"), ("赵志强", "长治市")}),
    ("长治市聘请天津市山西商会会长王德明、苏州山西商会会长李文华为长治市招商大使。",
     {("王德明", "长治市"), ("李文华", "长治市")}),
    ("授予王德明“太原市招商大使”称号。", {("王德明", "太原市")}),
    ("太原市授予王德明、李文华“招商引资大使”称号。", {("王德明", "太原市"), ("李文华", "太原市")}),
    ("臨汾市為王德明頒發「招商大使」聘書。", {("王德明", "临汾市")}),
    # a check written after the rules above
    ("王德明受聘担任长治市招商大使。", {("王德明", "长治市")}),
    ("王德明被聘请为大同市“招商引资大使”。", {("王德明", "大同市")}),
    ("会上，晋中市聘任王德明为晋中市招商顾问。", {("王德明", "晋中市")}),
    ("大同市委书记李明向天津市山西商会会长王德明颁发招商大使聘书。", {("王德明", "大同市")}),
    ("王德明获聘朔州市招商引资大使。", {("王德明", "朔州市")}),
    ("王德明被授予临汾市首批“招商大使”称号。", {("王德明", "临汾市")}),
    ("王德明、李文华、赵志强等三人被聘为朔州市招商大使。",
     {("王德明", "朔州市"), ("李文华", "朔州市"), ("赵志强", "朔州市")}),
    ("王德明会长被聘为大同市招商大使。", {("王德明", "大同市")}),
    ("天津市山西商会会长王德明等5位企业家受聘担任晋城市招商大使。", {("王德明", "晋城市")}),
    ("王德明受聘擔任長治市招商大使。", {("王德明", "长治市")}),
    # a third check written after the rules (3 of 5 passed at once)
    ("大同市人民政府授予天津市山西商会会长王德明“招商大使”称号。", {("王德明", "大同市")}),
    ("王德明被聘为大同市第二届招商大使。", {("王德明", "大同市")}),
    ("王德明被聘为大同市人民政府招商顾问。", {("王德明", "大同市")}),
    ("王德明同志被聘为晋城市招商引资顾问。", {("王德明", "晋城市")}),
    ("晋城市为天津市山西商会会长王德明、副会长李文华颁发了招商大使聘书。", {("王德明", "晋城市"), ("李文华", "晋城市")}),
]

AMBASSADOR_NEGATIVES = [
    "王德明担任天津市山西商会招商联络员。",
    "会议邀请了示例律师事务所法律顾问李明出席。",
    "王德明是示例集团的经济顾问。",
    "大同市聘请王德明为经济顾问。",
    "大同市招商大使座谈会在天津召开，与会人员交流了招商经验。",
    "太原市招商大使工作办法印发实施。",
    "会议总结了招商大使工作经验，李明主持会议。",
    "李明介绍了太原市聘请招商大使的有关规定。",
    "王德明担任示例集团投资顾问。",
]

MEMBERS = [
    ("示例能源有限公司是天津市山西商会副会长单位。", {("示例能源有限公司", TJ, "副会长单位")}),
    ("作为天津市山西商会常务副会长单位，示例能源有限公司积极参与公益。", {("示例能源有限公司", TJ, "常务副会长单位")}),
    ("示例能源有限公司系天津市山西商会会员单位。", {("示例能源有限公司", TJ, "会员单位")}),
    ("天津市山西商会副会长单位示例能源有限公司参加展会。", {("示例能源有限公司", TJ, "副会长单位")}),
    # a check written after the rules (1 of 4 passed at once): lists of companies, 当选
    ("天津市山西商会副会长单位：示例能源有限公司、示例化工有限公司。",
     {("示例能源有限公司", TJ, "副会长单位"), ("示例化工有限公司", TJ, "副会长单位")}),
    ("天津市山西商会常务副会长单位示例能源有限公司、示例化工有限公司参加展会。",
     {("示例能源有限公司", TJ, "常务副会长单位"), ("示例化工有限公司", TJ, "常务副会长单位")}),
    ("示例能源有限公司、示例化工有限公司为天津市山西商会副会长单位。",
     {("示例能源有限公司", TJ, "副会长单位"), ("示例化工有限公司", TJ, "副会长单位")}),
    ("示例能源有限公司当选天津市山西商会副会长单位。", {("示例能源有限公司", TJ, "副会长单位")}),
]

MEMBER_NEGATIVES = [
    "示例能源有限公司与天津市山西商会签订了合作协议。",
    "天津市山西商会副会长、示例能源有限公司董事长王德明出席。",
    "示例能源有限公司天津市山西商会副会长单位名单公布。",  # no link between them: not read
    "示例能源有限公司赞助了天津市山西商会年会。",
]


@pytest.mark.parametrize("text,want", LIAISONS, ids=[f"liaison{n}" for n in range(len(LIAISONS))])
def test_a_further_form_of_a_liaison_office(text, want):
    assert {(fold(a), b) for a, b in liaisons_of(text)} == {(fold(a), b) for a, b in want}


# a city right before 向 / 驻 and a chamber is the subject, not the start of the chamber's name
@pytest.mark.parametrize("text,want", [
    ("大同市向天津市山西商会授予“大同市招商引资联络处”牌匾。", {(TJ, "大同市")}),
    ("6月8日，晋城市驻天津市山西商会招商联络处揭牌仪式举行。", {(TJ, "晋城市")}),
])
def test_a_city_before_xiang_and_a_chamber(text, want):
    assert liaisons_of(text) == want


@pytest.mark.parametrize("text", LIAISON_NEGATIVES, ids=[f"noliaison{n}" for n in range(len(LIAISON_NEGATIVES))])
def test_no_liaison_office_where_none_is_set_up(text):
    assert liaisons_of(text) == set()


@pytest.mark.parametrize("text,want", AMBASSADORS, ids=[f"ambassador{n}" for n in range(len(AMBASSADORS))])
def test_a_further_form_of_an_ambassador(text, want):
    assert {(fold(a), fold(b)) for a, b in ambassadors_of(text)} == {(fold(a), fold(b)) for a, b in want}


@pytest.mark.parametrize("text", AMBASSADOR_NEGATIVES, ids=[f"noambassador{n}" for n in range(len(AMBASSADOR_NEGATIVES))])
def test_no_ambassador_where_none_is_appointed(text):
    assert ambassadors_of(text) == set()


@pytest.mark.parametrize("text,want", MEMBERS, ids=[f"member{n}" for n in range(len(MEMBERS))])
def test_a_further_form_of_a_member_company(text, want):
    assert members_of(text) == {(fold(a), fold(b), t) for a, b, t in want}


@pytest.mark.parametrize("text", MEMBER_NEGATIVES, ids=[f"nomember{n}" for n in range(len(MEMBER_NEGATIVES))])
def test_no_member_company_where_none_is_told(text):
    assert members_of(text) == set()


def test_the_dates_are_the_articles():
    # a plaque and a letter of appointment handed over at a dated event hold from that day; else the article's
    text = "---\ndate: 2024-05-10\n---\n5月9日，大同市在天津举办推介会，为天津市山西商会授予“大同市招商引资联络处”牌匾，并聘请王德明为招商大使。"
    f = extract_text(text, "t.md")
    got = {(r.type, str(r.properties.get("since") or r.properties.get("appointed_on"))) for r in f.rels.values()
           if r.type in ("LIAISON_OFFICE_OF", "AMBASSADOR_OF")}
    assert got == {("LIAISON_OFFICE_OF", "2024-05-09"), ("AMBASSADOR_OF", "2024-05-09")}
    undated = "---\ndate: 2024-05-10\n---\n大同市聘请王德明为招商大使。"
    f = extract_text(undated, "t.md")
    assert [str(r.properties.get("appointed_on")) for r in f.rels.values() if r.type == "AMBASSADOR_OF"] == ["2024-05-10"]


def test_the_tables_are_large_enough():
    assert len(LIAISONS) + len(AMBASSADORS) >= 30
