"""Member companies (副会长单位, 常务副会长单位, 会员单位, 会员企业 → MEMBER_OF) in the everyday ways chamber
pages and city news state them (issue 15): the companies before the title after a link (作为 / 是 / 系 / 也是 /
当选为 / 成为 / 增补…为), the chamber named, or 商会 / 该会 / 我会 / 本会 standing for it, or the title alone on
the chamber's own page; the companies after the title (会员单位：A、B / 走访了会员企业A). And negatives that must
give no member: another body's members (工商联会员单位), a visiting chamber's bare 商会 on another chamber's
page, 我会 with no publisher, a title with no company by it. Sentences written for this test (names and
companies invented); compared in the matching form (loaders.text.fold)."""
from __future__ import annotations

import pytest

from loaders.articles import extract_text
from loaders.text import fold

NB = "宁波市山西商会"
TJ = "天津市山西商会"
HUA = "宁波华晋贸易有限公司"
YUAN = "宁波晋源五金制品有限公司"
OURS = "---\npublisher: 宁波市山西商会\ndate: 2025-05-16\n---\n"
CITY = "---\npublisher: 平遥县人民政府\ndate: 2025-05-16\n---\n"
PLAIN = "---\ndate: 2025-05-16\n---\n"


def members_of(text):
    f = extract_text(text, "t.md")
    return {(fold(f.nodes[r.start].name), fold(f.nodes[r.end].name), fold(r.properties["title"]))
            for r in f.rels.values() if r.type == "MEMBER_OF"}


def V(*companies, chamber=NB, title="副会长单位"):
    return {(c, chamber, title) for c in companies}


MEMBERS = [
    # --- companies, then 作为 <chamber / 商会 / 我会 / 本会 / nothing> 副会长单位, then a verb
    (OURS + f"{HUA}、{YUAN}作为商会副会长单位随团考察。", V(HUA, YUAN)),
    (OURS + f"{HUA}作为宁波市山西商会副会长单位随团考察。", V(HUA)),
    (PLAIN + f"{HUA}作为宁波市山西商会副会长单位随团考察。", V(HUA)),
    (OURS + f"{HUA}和{YUAN}作为我会副会长单位参加了活动。", V(HUA, YUAN)),
    (OURS + f"{HUA}作为本会常务副会长单位参展。", V(HUA, title="常务副会长单位")),
    (OURS + f"{HUA}、{YUAN}作为副会长单位上台领牌。", V(HUA, YUAN)),
    (CITY + f"成都晋蓉实业有限公司作为成都市山西商会常务副会长单位参加了座谈。",
     {("成都晋蓉实业有限公司", "成都市山西商会", "常务副会长单位")}),
    # --- companies, then 是 / 系 / 也是 / 当选为 / 成为 <…> 副会长单位
    (OURS + f"{HUA}是商会常务副会长单位。", V(HUA, title="常务副会长单位")),
    (OURS + f"据悉，{HUA}系我会副会长单位。", V(HUA)),
    (OURS + f"{HUA}也是商会常务副会长单位。", V(HUA, title="常务副会长单位")),
    (OURS + f"{HUA}、{YUAN}当选为商会副会长单位。", V(HUA, YUAN)),
    (PLAIN + f"宁波市山西商会召开换届大会。{HUA}当选为商会副会长单位。", V(HUA)),
    (OURS + f"会议同意{HUA}加入商会，成为我会会员单位。", V(HUA, title="会员单位")),
    (OURS + f"会议同意增补{HUA}、{YUAN}为副会长单位。", V(HUA, YUAN)),
    (OURS + f"理事会增补{HUA}为商会副会长单位。", V(HUA)),
    # --- the title, then the companies: a colon list, a visit
    (OURS + f"新增会员单位：{HUA}、{YUAN}。", V(HUA, YUAN, title="会员单位")),
    (OURS + f"8月7日，会长张建平一行走访了会员单位{HUA}。", V(HUA, title="会员单位")),
    (OURS + f"商会领导走访了会员企业{HUA}、{YUAN}。", V(HUA, YUAN, title="会员企业")),
    (PLAIN + f"天津市山西商会会长王德明一行走访了会员企业天津太行机械有限公司。",
     {("天津太行机械有限公司", TJ, "会员企业")}),
    (PLAIN + f"天津市山西商会副会长单位：天津晋商投资有限公司、天津太行机械有限公司。",
     {("天津晋商投资有限公司", TJ, "副会长单位"), ("天津太行机械有限公司", TJ, "副会长单位")}),
    (OURS + f"常务副会长单位（排名不分先后）：{HUA}、{YUAN}。", V(HUA, YUAN, title="常务副会长单位")),
    (OURS + f"新当选的副会长单位有：{HUA}、{YUAN}。", V(HUA, YUAN)),
    (OURS + f"副会长单位分别是{HUA}、{YUAN}。", V(HUA, YUAN)),
    (OURS + f"会议通过。副会长单位包括{HUA}。", V(HUA)),
    (OURS + f"{HUA}、{YUAN}等副会长单位负责人参加。", V(HUA, YUAN)),
    (OURS + f"{HUA}被评为商会优秀会员企业。", V(HUA, title="会员企业")),
    (OURS + f"{HUA}（商会副会长单位）总经理王强介绍了经验。", V(HUA)),
    (OURS + f"{HUA}是我会执行会长单位。", V(HUA, title="执行会长单位")),
    # (the decision's words before the company are not its name; nor a giving's 大会为)
    (OURS + f"会议同意{HUA}为副会长单位。", V(HUA)),
    (OURS + f"会议推荐{HUA}为常务副会长单位。", V(HUA, title="常务副会长单位")),
    # --- the ones named of several (等N家), a new member (新的)
    (OURS + f"会议同意接纳{HUA}等5家企业为会员单位。", V(HUA, title="会员单位")),
    (OURS + f"大会为{HUA}、{YUAN}等10家优秀会员单位颁奖。", V(HUA, YUAN, title="会员单位")),
    (OURS + f"{HUA}、{YUAN}成为商会新的副会长单位。", V(HUA, YUAN)),
    ("---\npublisher: 上海山西商會\ndate: 2025-09-18\n---\n上海晉申物流有限公司成為商會新的副會長單位。",
     {("上海晉申物流有限公司", "上海山西商會", "副会长单位")}),
    # --- negatives: another body's members; a visiting chamber's bare 商会 on another chamber's page; 我会 with
    # no publisher; a title with no company by it
    (OURS + f"{HUA}是市工商联会员单位。", set()),
    (OURS + f"{HUA}作为市工商联常务副会长单位参加。", set()),
    (OURS + f"苏州山西商会一行来访。{HUA}是商会副会长单位。", set()),
    (PLAIN + f"{HUA}系我会副会长单位。", set()),
    (PLAIN + f"{HUA}作为副会长单位上台领牌。", set()),
    (OURS + "商会现有会员企业500余家，其中副会长单位36家。", set()),
    (OURS + f"{HUA}作为兄弟商会副会长单位参加。", set()),
    (OURS + f"{HUA}是宁波市工商联会员企业。", set()),
    (OURS + f"{HUA}（宁波市工商联会员企业）总经理王强介绍了经验。", set()),
    (OURS + f"{HUA}等企业负责人参加。", set()),
    (CITY + f"{HUA}作为商会副会长单位参加。", set()),
]


@pytest.mark.parametrize("text,want", MEMBERS, ids=[f"members{n}" for n in range(len(MEMBERS))])
def test_members(text, want):
    assert members_of(text) == {(fold(c), fold(ch), fold(t)) for c, ch, t in want}


def test_a_member_company_points_at_the_words_that_tell_it():
    text = OURS + f"{HUA}作为商会副会长单位随团考察。"
    f = extract_text(text, "t.md")
    (member,) = [r for r in f.rels.values() if r.type == "MEMBER_OF"]
    (a, b), = member.evidence  # (offsets into the text as given, front matter and all)
    assert text[a:b] == f"{HUA}作为商会副会长单位"


def test_a_member_of_a_chamber_read_from_the_page_is_a_likely_reading():
    named = extract_text(PLAIN + f"{HUA}作为宁波市山西商会副会长单位随团考察。", "t.md")
    ours = extract_text(OURS + f"{HUA}作为商会副会长单位随团考察。", "t.md")
    assert [r.confidence for r in named.rels.values() if r.type == "MEMBER_OF"] == [0.9]
    assert [r.confidence for r in ours.rels.values() if r.type == "MEMBER_OF"] == [0.75]
