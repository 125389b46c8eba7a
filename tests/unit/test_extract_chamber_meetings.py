"""People with posts and meetings as the news pages of chambers of other provinces' people in Shanxi cities
(山西浙江商会, 太原市温州商会, 晋城市河南商会 …) tell them (issue 15): a chamber's own meetings (会长办公会议,
二届三次理事会, 三届二次监事会), held in the chamber's city when they sit in its own rooms (在商会会议室召开); the
office holders its leader takes along (会长甲带领执行会长乙、副会长丙 / 率 / 率领商会…); a post given 由 someone
(秘书长由钱某担任); a given name ending in 和 (陈永和、…); the surname 楼. Negatives that must give nothing: 理事会
and 监事会 as bodies (商会理事会会长, 监事会成员), a meeting in a room of no named place's chamber, a leader taking
officials or member companies along, 由 … 主持. Sentences written for this test (names and chambers invented);
compared in the matching form (loaders.text.fold)."""
from __future__ import annotations

import pytest

from loaders.text import fold
from tests.unit.test_extract_event_forms import _events
from tests.unit.test_extract_publisher_posts import posts_of

DT = "大同市福建商会"
OURS = "---\npublisher: 大同市福建商会\ndate: 2024-09-20\n---\n"
PLAIN = "---\ndate: 2024-09-20\n---\n"


def N(*pairs, chamber=DT):
    return {(p, chamber, t) for p, t in pairs}


POSTS = [
    # the office holders a chamber's leader takes along: 带领 / 率 / 率领 / 携, with or without 商会 after it
    (PLAIN + "日前，大同市福建商会会长林国华带领执行会长陈志坚、副会长黄文斌、秘书长郑小燕一行走访会员企业。",
     N(("林国华", "会长"), ("陈志坚", "执行会长"), ("黄文斌", "副会长"), ("郑小燕", "秘书长"))),
    (PLAIN + "大同市福建商会会长林国华率执行会长陈志坚、副会长黄文斌一行赴阳高县考察。",
     N(("林国华", "会长"), ("陈志坚", "执行会长"), ("黄文斌", "副会长"))),
    (PLAIN + "大同市福建商会会长林国华率领商会副会长黄文斌一行赴阳高县考察。", N(("林国华", "会长"), ("黄文斌", "副会长"))),
    (OURS + "商会会长林国华带领执行会长陈志坚、副会长黄文斌走访会员企业。",
     N(("林国华", "会长"), ("陈志坚", "执行会长"), ("黄文斌", "副会长"))),
    (OURS + "会长林国华携副会长黄文斌、秘书长郑小燕走访会员企业。",
     N(("林国华", "会长"), ("黄文斌", "副会长"), ("郑小燕", "秘书长"))),
    (PLAIN + "晉城市河南商會會長王振東率常務副會長孫紅旗赴陽城縣考察。",
     N(("王振東", "会长"), ("孫紅旗", "常务副会长"), chamber="晉城市河南商會")),
    # or taken along by them: 陪同 / 在…陪同下; 偕同 after a name closes it
    (PLAIN + "大同市福建商会秘书长郑小燕陪同会长林国华出席。", N(("郑小燕", "秘书长"), ("林国华", "会长"))),
    (PLAIN + "大同市福建商会会长林国华在副会长黄文斌、秘书长郑小燕的陪同下走访企业。",
     N(("林国华", "会长"), ("黄文斌", "副会长"), ("郑小燕", "秘书长"))),
    (PLAIN + "大同市福建商會會長林國華偕同副會長黃文斌赴陽高縣考察。",
     N(("林國華", "会长"), ("黃文斌", "副会长"), chamber="大同市福建商會")),
    (PLAIN + "大同市福建商会会长林国华在会长办公会上讲话。", N(("林国华", "会长"))),
    (PLAIN + "大同市福建商会会长林国华在市工商联副主席黄文斌陪同下考察。", N(("林国华", "会长"))),
    (PLAIN + "大同市福建商会会长林国华陪同副市长黄文斌考察。", N(("林国华", "会长"))),
    # the name before the post, after the leader's 带领 / 率 (周某会长带领王某副会长); 轮值执行会长
    (PLAIN + "大同市福建商会林国华会长带领黄文斌副会长、郑小燕秘书长走访企业。",
     N(("林国华", "会长"), ("黄文斌", "副会长"), ("郑小燕", "秘书长"))),
    (PLAIN + "大同市福建商会林国华会长率黄文斌副会长走访企业。", N(("林国华", "会长"), ("黄文斌", "副会长"))),
    (PLAIN + "大同市福建商会林国华会长陪同黄文斌副市长考察。", N(("林国华", "会长"))),
    (PLAIN + "大同市福建商会轮值执行会长黄文斌主持会议。", N(("黄文斌", "轮值执行会长"))),
    # (whom the leader takes along that holds no post of the chamber: nothing more)
    (PLAIN + "大同市福建商会会长林国华带领会员企业赴阳高县考察。", N(("林国华", "会长"))),
    (PLAIN + "大同市福建商会会长林国华率市工商联副主席黄文斌一行赴阳高县考察。", N(("林国华", "会长"))),
    # a post given 由 someone: 秘书长由钱某担任 / 出任
    (PLAIN + "临汾市江苏商会成立，选举顾建平为首任会长，秘书长由钱文担任。",
     N(("顾建平", "会长"), ("钱文", "秘书长"), chamber="临汾市江苏商会")),
    (OURS + "商会秘书长由钱文担任。", N(("钱文", "秘书长"))),
    (PLAIN + "临汾市江苏商会秘书长由钱文主持会议。", set()),
    # a given name ending in 和, closed by a boundary; people of several chambers in one sentence
    (PLAIN + "运城市福建商会会长陈永和、运城市温州商会常务副会长张德才到会祝贺。",
     {("陈永和", "运城市福建商会", "会长"), ("张德才", "运城市温州商会", "常务副会长")}),
    (PLAIN + "运城市福建商会副会长陈永和李强出席。",
     N(("陈永", "副会长"), ("李强", "副会长"), chamber="运城市福建商会")),
    # a post given by an appointment after the name (被聘为 / 受聘担任), the one held before it aside
    (PLAIN + "山西浙江商会召开换届大会，叶永清被聘为名誉会长。", N(("叶永清", "名誉会长"), chamber="山西浙江商会")),
    (PLAIN + "山西浙江商会召开换届大会，原会长叶永清被聘为名誉会长。", N(("叶永清", "名誉会长"), chamber="山西浙江商会")),
    (PLAIN + "山西浙江商会召开换届大会，叶永清受聘担任名誉会长。", N(("叶永清", "名誉会长"), chamber="山西浙江商会")),
    (PLAIN + "陽泉市浙江商會召開大會，會議還聘請原會長錢志剛為名譽會長。",
     N(("錢志剛", "名誉会长"), chamber="陽泉市浙江商會")),
    (PLAIN + "山西浙江商会召开换届大会，曾被聘为名誉会长的叶永清出席。", set()),
    (PLAIN + "胡建华被聘为平遥县招商大使。", set()),
    # an elected list that counts its names (吴某等5人为常务副会长): the names told
    (PLAIN + "山西浙江商会召开换届大会，大会选举胡建华为会长，吴晓东、郑凯等5人为常务副会长，徐丽娟为秘书长。",
     N(("胡建华", "会长"), ("吴晓东", "常务副会长"), ("郑凯", "常务副会长"), ("徐丽娟", "秘书长"), chamber="山西浙江商会")),
    # a roll that pads a two-character post with spaces (会　长：), on the chamber's own page or after its name
    ("---\npublisher: 太原市溫州商會\ndate: 2025-03-18\n---\n名譽會長：葉永清\n會　長：周國棟\n執行會長：王海　陳曉燕\n"
     "理　事：黃海、吳曉峰\n",
     N(("葉永清", "名誉会长"), ("周國棟", "会长"), ("王海", "执行会长"), ("陳曉燕", "执行会长"), ("黃海", "理事"),
       ("吳曉峰", "理事"), chamber="太原市溫州商會")),
    (PLAIN + "大同市福建商会第三届理事会名单如下：\n会  长：林国华\n监  事：孙丽（兼）\n",
     N(("林国华", "会长"), ("孙丽", "监事"))),
    (PLAIN + "第三届理事会名单\n会　长：林国华\n", set()),
    (PLAIN + "大同市福建商会会长林国华出席。山西省温州经济促进会名单：\n会　长：王海\n", N(("林国华", "会长"))),
    (OURS + "会　长：林国华在会上讲话，要求……\n", set()),
    # a bare 商会 after several chambers' guests on a city daily's page: the one chamber the title names
    ("---\ntitle: 晋中市温州商会举行成立五周年庆典\ndate: 2024-10-15\n---\n晋中市温州商会迎来成立五周年。"
     "太原市温州商会会长周国栋，大同市温州商会会长叶文等兄弟商会负责人到场祝贺。商会常务副会长兼秘书长潘小燕主持。",
     {("周国栋", "太原市温州商会", "会长"), ("叶文", "大同市温州商会", "会长"),
      ("潘小燕", "晋中市温州商会", "常务副会长兼秘书长")}),
    ("---\ntitle: 晋中市温州商会与太原市温州商会联谊\ndate: 2024-10-15\n---\n10月12日，晋中市温州商会与太原市温州商会联谊。"
     "太原市温州商会会长周国栋，大同市温州商会会长叶文到场。商会秘书长潘小燕主持。",
     {("周国栋", "太原市温州商会", "会长"), ("叶文", "大同市温州商会", "会长")}),
    ("---\ntitle: 庆典举行\ndate: 2024-10-15\n---\n晋中市温州商会迎来成立五周年。"
     "太原市温州商会会长周国栋，大同市温州商会会长叶文到场。商会秘书长潘小燕主持。",
     {("周国栋", "太原市温州商会", "会长"), ("叶文", "大同市温州商会", "会长")}),
    # the chamber's legal representative between the post and the name
    (PLAIN + "大同市福建商会会长、法定代表人林国华出席。", N(("林国华", "会长"))),
    (PLAIN + "大同市福建商会会长、法人代表林国华出席。", N(("林国华", "会长"))),
    # the surname 楼 (common among Zhejiang merchants)
    (PLAIN + "长治市浙江商会执行会长金立、副会长楼小平参加考察。",
     N(("金立", "执行会长"), ("楼小平", "副会长"), chamber="长治市浙江商会")),
    (PLAIN + "长治市浙江商会会长金立参观了楼宇经济示范区。", N(("金立", "会长"), chamber="长治市浙江商会")),
]


@pytest.mark.parametrize("text,expected", POSTS)
def test_posts_on_chamber_pages(text, expected):
    assert posts_of(text) == {tuple(fold(v) for v in x) for x in expected}


def _doc(body: str, pub: str = "2024-07-12") -> str:
    return f"---\ndate: {pub}\n---\n{body}"


MEETINGS = [
    # 会长办公会(议) is always a meeting; in the chamber's own rooms, in the chamber's city
    (_doc("7月10日上午，晋城市河南商会在商会会议室召开第二届第六次会长办公会议。"),
     {("会长办公会", "2024-07-10", "晋城市")}),
    (_doc("7月10日，晋城市河南商会第六次会长办公会议在商会会议室召开。"), {("会长办公会", "2024-07-10", "晋城市")}),
    (_doc("7月10日，晋城市河南商会召开2024年第三次会长办公会。"), {("会长办公会", "2024-07-10", "晋城市")}),
    (_doc("7月10日，太原市温州商会在我会三楼会议室召开二届五次理事会。"), {("理事会", "2024-07-10", "太原市")}),
    # a season's gathering (新春联谊会) however told; a visit returned (回访); members taken on a trip (组织…赴)
    (_doc("2月8日晚，太原市温州商会在太原市万达文华酒店举办2025年新春联谊会。", "2025-02-10"),
     {("联谊会", "2025-02-08", "太原市")}),
    (_doc("2月8日晚，太原市温州商会新春联谊会成功举办。", "2025-02-10"), {("联谊会", "2025-02-08", "太原市")}),
    (_doc("7月10日下午，大同市福建商会会长林国华率队回访晋城市河南商会。"), {("拜会", "2024-07-10", "晋城市")}),
    (_doc("7月10日至11日，太原市温州商会组织会员企业赴长治市考察。"), {("考察", "2024-07-10", "长治市")}),
    (_doc("7月10日，县委组织部赴太原考察学习。"), set()),
    (_doc("7月10日，晋城市河南商会在商会会议室召开会长办公（扩大）会议。"), {("会长办公会", "2024-07-10", "晋城市")}),
    (_doc("7月10日，晋城市河南商会第三届第五次会长（扩大）会议在晋城召开。"), {("会长办公会", "2024-07-10", "晋城市")}),
    # 我会 calling its own meeting, on the chamber's own page: in the publisher's city
    ("---\npublisher: 晋中市河南商会\ndate: 2024-03-08\n---\n3月6日，我会2024年第一次会长办公会在商会会议室召开。",
     {("会长办公会", "2024-03-06", "晋中市")}),
    ("---\npublisher: 晋中市河南商会\ndate: 2024-03-08\n---\n3月6日，我会召开三届二次理事会。",
     {("理事会", "2024-03-06", "晋中市")}),
    ("---\npublisher: 晋中市河南商会\ndate: 2024-03-08\n---\n3月6日，商会召开三届二次理事会。",
     {("理事会", "2024-03-06", "晋中市")}),
    ("---\npublisher: 晋中市河南商会\ndate: 2024-03-08\n---\n3月6日，山西福建商会召开三届二次理事会。", set()),
    ("---\npublisher: 晋中市河南商会\ndate: 2024-03-08\n---\n3月6日，兄弟商会召开三届二次理事会。", set()),
    (_doc("3月6日，我会召开三届二次理事会。"), set()),
    # a chamber holding its meeting in a venue that names no place: the chamber's city; a venue's place first
    (_doc("7月10日，晋城市河南商会在凤展皇冠假日酒店三楼宴会厅隆重召开2024年年会。"), {("年会", "2024-07-10", "晋城市")}),
    (_doc("7月10日，晋城市河南商会在太原迎泽宾馆召开第三届会员大会。"), {("会员大会", "2024-07-10", "太原市")}),
    # 理事会 / 监事会 counted as a session (二届三次), with a place
    (_doc("二〇二四年四月十二日，吕梁市安徽商会二届三次理事会在离石区召开。", "2024-04-15"),
     {("理事会", "2024-04-12", "吕梁市")}),
    (_doc("7月10日，晋城市河南商会第二届第三次常务理事会议在晋城市召开。"), {("常务理事会", "2024-07-10", "晋城市")}),
    (_doc("7月10日，晋城市河南商会三届二次监事会在泽州县召开。"), {("监事会", "2024-07-10", "晋城市")}),
    # the bodies, not meetings; a room of a chamber that names no place; no day
    (_doc("7月10日，晋城市河南商会理事会会长王振东出席活动。"), set()),
    (_doc("7月10日，晋城市河南商会监事会成员参加培训。"), set()),
    (_doc("7月10日，山西福建商会三届二次监事会在商会办公室召开。"), set()),
    (_doc("晋城市河南商会在商会会议室召开会长办公会议。"), set()),
    (_doc("7月10日，晋城市河南商会在太原召开会长办公会议。"), {("会长办公会", "2024-07-10", "太原市")}),
]


@pytest.mark.parametrize("text,expected", MEETINGS)
def test_chamber_meetings(text, expected):
    assert _events(text) == expected
