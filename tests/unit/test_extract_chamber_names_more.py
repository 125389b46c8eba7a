"""More ways news and chamber pages name a chamber (issue 15; benchmarks/devset/annotations.yaml's conventions):
a Shanxi county's (district's, former county's) own chamber named by the county alone, hometown chambers of
Shanxi's cities and counties elsewhere, lists that share one chamber's words, 晋商 federations, hosts named
with a suffix the built-in list does not hold, full names with 自治区 / 特别行政区 / 州 / 盟, chambers
abroad, traditional script, names a line break or a space cuts, names in brackets or quotes or followed by a
body of the chamber; and the mentions that are no one chamber. Every sentence is written for this table.

A chamber's host is the place it is based in: the leading place of its name; for a Shanxi county's or
city's own chamber named by it alone (平遥商会, 运城商会), that county's city; for a former county
(安邑商会, places.FORMER_COUNTIES), the city it is part of today; none where the name's place is a
district the built-in list does not hold (宝安区山西商会) or a country."""
from __future__ import annotations

import pytest

from loaders.articles import extract_text
from loaders.articles.places import FORMER_COUNTIES, shanxi_counties
from loaders.text import fold


def named(text: str) -> dict[str, str | None]:
    """Chamber name (matching form) → the name of the place it is BASED_IN (None when none)."""
    facts = extract_text(text, "t.md")
    based = {r.start: facts.nodes[r.end].name for r in facts.rels.values() if r.type == "BASED_IN"}
    return {fold(n.name): based.get(n.id) for n in facts.nodes.values() if n.label == "Chamber"}


# (sentence, {chamber as named: host})
NAMED = [
    # a Shanxi county's, district's or county-level city's own chamber, named by it alone: host its city
    ("定襄商会会长李福生在座谈会上发言。", {"定襄商会": "忻州市"}),
    ("2019年，平遥商会正式挂牌成立。", {"平遥商会": "晋中市"}),
    ("榆次区商会举办迎新春茶话会。", {"榆次区商会": "晋中市"}),
    ("原平市商会会长刘志强介绍了商会的发展情况。", {"原平市商会": "忻州市"}),
    ("本次推介会由太谷商会承办。", {"太谷商会": "晋中市"}),
    ("洪洞县商会向受灾群众捐款20万元。", {"洪洞县商会": "临汾市"}),
    ("县领导一行莅临临县商会调研指导。", {"临县商会": "吕梁市"}),
    ("孝义市女企业家商会召开座谈会。", {"孝义市女企业家商会": "吕梁市"}),
    ("他当选为介休商会第三届会长。", {"介休商会": "晋中市"}),
    ("祁县商会组织会员企业参加招聘会。", {"祁县商会": "晋中市"}),
    # the same, with 山西 before the county or city: still that city's own chamber
    ("山西平遥商会会长一行考察了园区。", {"山西平遥商会": "晋中市"}),
    ("山西运城商会在盐湖区召开年会。", {"山西运城商会": "运城市"}),
    # a chamber named after a former county (places.FORMER_COUNTIES): host the city it is part of today
    ("民国初年，安邑商会在城内成立。", {"安邑商会": "运城市"}),
    ("1938年，解县商会改选，推举张某为会长。", {"解县商会": "运城市"}),
    ("虞乡商会会长捐资修建了学堂。", {"虞乡商会": "运城市"}),
    ("崞县商会旧址位于县城东街。", {"崞县商会": "忻州市"}),
    ("赵城商会与洪洞商会于1954年合并。", {"赵城商会": "临汾市", "洪洞商会": "临汾市"}),
    ("光绪年间，临晋商会捐银修桥。", {"临晋商会": "运城市"}),
    ("襄陵县商会的账簿保存至今。", {"襄陵县商会": "临汾市"}),
    ("忻县商会会长王某出席了大会。", {"忻县商会": "忻州市"}),
    # lists that share one chamber's words: each place has its own chamber
    ("新中国成立初期，三人分别担任解县、安邑、运城商会主席。",
     {"解县商会": "运城市", "安邑商会": "运城市", "运城商会": "运城市"}),
    ("清源、徐沟商会先后成立。", {"清源商会": "太原市", "徐沟商会": "太原市"}),
    ("北京、天津山西商会负责人出席签约仪式。", {"北京山西商会": "北京市", "天津山西商会": "天津市"}),
    ("深圳、香港山西商会联合举办投资论坛。", {"深圳山西商会": "深圳市", "香港山西商会": "香港特别行政区"}),
    ("江苏、浙江等地山西商会代表参加了对接会。", {"江苏山西商会": "江苏省", "浙江山西商会": "浙江省"}),
    ("锦州、丹东等地的山西商会发来贺信。", {"锦州山西商会": "锦州市", "丹东山西商会": "丹东市"}),
    # hometown chambers of Shanxi's cities and counties elsewhere: the host leads the name
    ("苏州市忻州商会秘书长赵文出席活动。", {"苏州市忻州商会": "苏州市"}),
    ("天津运城商会组织会员返乡考察。", {"天津运城商会": "天津市"}),
    ("北京临县商会成立大会在京举行。", {"北京临县商会": "北京市"}),
    ("上海市孝义商会与孝义市政府签订合作协议。", {"上海市孝义商会": "上海市"}),
    ("太原市定襄商会召开第二届会员大会。", {"太原市定襄商会": "太原市"}),
    ("西安市晋城商会会长一行回乡考察。", {"西安市晋城商会": "西安市"}),
    ("杭州长治商会举行换届大会。", {"杭州长治商会": "杭州市"}),
    ("北京安邑商会成立于1920年代。", {"北京安邑商会": "北京市"}),  # a former county as the home
    # a city's chamber of one trade (as 上海市服装商会)
    ("上海市酒业商会会长出席品鉴会。", {"上海市酒业商会": "上海市"}),
    ("深圳市五金商会组织企业参展。", {"深圳市五金商会": "深圳市"}),
    ("广州市跨境电商商会与运城市签约。", {"广州市跨境电商商会": "广州市"}),
    # a province, then its city: the city is the host (as 湖南省长沙市浙江商会)
    ("内蒙古包头市山西商会会长致辞。", {"内蒙古包头市山西商会": "包头市"}),
    ("江苏苏州山西商会组团回乡。", {"江苏苏州山西商会": "苏州市"}),
    ("陕西榆林山西商会与家乡签约。", {"陕西榆林山西商会": "榆林市"}),
    ("山西省晋城市陕西商会会员大会召开。", {"山西省晋城市陕西商会": "晋城市"}),
    # chambers of other provinces' people in Shanxi: the host leads; its city when one follows the province
    ("山西省太原市浙江商会会长出席。", {"山西省太原市浙江商会": "太原市"}),
    ("大同市浙江商会向山区学校捐赠图书。", {"大同市浙江商会": "大同市"}),
    ("长治市福建商会组织会员参观。", {"长治市福建商会": "长治市"}),
    # 晋商 federations and 晋商会 forms
    ("香港晋商总会会长出席了开幕式。", {"香港晋商总会": "香港特别行政区"}),
    ("深圳晋商联合会第二届理事会召开。", {"深圳晋商联合会": "深圳市"}),
    ("广州市晋商会组织会员回乡考察。", {"广州市晋商会": "广州市"}),
    ("成都晋商商会与当地企业座谈。", {"成都晋商商会": "成都市"}),
    # a county-level city, district or banner outside Shanxi (places.CHAMBER_HOST_COUNTIES): host its city
    ("近日，宝安区山西商会举办年会。", {"宝安区山西商会": "深圳市"}),
    ("代表团走访了准格尔旗山西商会。", {"准格尔旗山西商会": "鄂尔多斯市"}),
    ("神木山西商会向灾区捐款。", {"神木山西商会": "榆林市"}),
    ("晋江晋商会组织会员回乡考察。", {"晋江晋商会": "泉州市"}),
    ("浦东新区山西商会会长出席。", {"浦东新区山西商会": "上海市"}),
    ("福建晋江山西商会成立。", {"福建晋江山西商会": "泉州市"}),
    ("深圳市龙岗区山西商会成立。", {"深圳市龙岗区山西商会": "深圳市"}),
    # … and one named with its suffix that the list does not hold: named, with no host
    ("滨海新区山西商会会长一行来访。", {"滨海新区山西商会": None}),
    ("达拉特旗山西商会成立。", {"达拉特旗山西商会": None}),
    ("余杭区山西商会召开理事会。", {"余杭区山西商会": None}),
    # full names with 自治区, 特别行政区, 自治州, 盟
    ("内蒙古自治区山西商会召开会长办公会。", {"内蒙古自治区山西商会": "内蒙古自治区"}),
    ("广西壮族自治区山西商会会长出席。", {"广西壮族自治区山西商会": "广西壮族自治区"}),
    ("香港特别行政区山西商会成立十周年。", {"香港特别行政区山西商会": "香港特别行政区"}),
    ("恩施州山西商会组织会员座谈。", {"恩施州山西商会": "恩施土家族苗族自治州"}),
    ("锡林郭勒盟山西商会会长发言。", {"锡林郭勒盟山西商会": "锡林郭勒盟"}),
    ("鄂尔多斯市山西商会秘书处发出通知。", {"鄂尔多斯市山西商会": "鄂尔多斯市"}),
    # chambers abroad: a name, no host in the graph
    ("澳大利亚山西商会会长来晋考察。", {"澳大利亚山西商会": None}),
    ("新西兰晋商会与家乡企业签约。", {"新西兰晋商会": None}),
    ("日本山西商会会长出席推介会。", {"日本山西商会": None}),
    ("纽约山西商会会长回乡考察。", {"纽约山西商会": None}),  # a city abroad, as a country
    ("悉尼晋商会向家乡学校捐款。", {"悉尼晋商会": None}),
    ("莫斯科晋商总商会成立。", {"莫斯科晋商总商会": None}),
    # 中国 before 香港, 澳门, 台湾 is part of the name
    ("中国香港山西商会会长出席。", {"中国香港山西商会": "香港特别行政区"}),
    ("中國澳門山西商會代表團來晉。", {"中国澳门山西商会": "澳门特别行政区"}),
    # traditional script, stored as written (compared here in the matching form)
    ("澳門山西商會會長出席推介會。", {"澳门山西商会": "澳门特别行政区"}),
    ("太原市平遙商會舉行年會。", {"太原市平遥商会": "太原市"}),
    ("安邑商會會長捐資辦學。", {"安邑商会": "运城市"}),
    ("美國山西總商會代表團來訪。", {"美国山西总商会": None}),
    # a page's line break or space inside the name
    ("深圳市山西\n商会会长出席。", {"深圳市山西商会": "深圳市"}),
    ("苏州市 山西商会举行年会。", {"苏州市山西商会": "苏州市"}),
    ("广州市\n山西商会会长出席。", {"广州市山西商会": "广州市"}),
    ("福建省山西 商会召开理事会。", {"福建省山西商会": "福建省"}),
    # in brackets, quotes or a heading, or followed by a body of the chamber: the chamber is still named
    ("“北京山西企业商会”会员企业参加展会。", {"北京山西企业商会": "北京市"}),
    ("《天津山西商会会刊》第十期出版。", {"天津山西商会": "天津市"}),
    ("【重庆山西商会】2024年会员大会召开", {"重庆山西商会": "重庆市"}),
    ("苏州市山西商会青年委员会成立。", {"苏州市山西商会": "苏州市"}),
    ("宁波山西商会党支部开展主题党日活动。", {"宁波山西商会": "宁波市"}),
    ("海南省山西商会女企业家分会召开座谈会。", {"海南省山西商会": "海南省"}),
    ("大连市山西商会秘书处组织学习。", {"大连市山西商会": "大连市"}),
]

# sentences that name no one chamber: a kind of chamber, a body that is not a 商会, a building, a verb's object
NOT_ONE = [
    "各商会要做好会员服务工作。",
    "异地商会是联系在外企业家的桥梁。",
    "外省山西商会积极参与家乡建设。",
    "全国各地山西商会负责人齐聚一堂。",
    "商会组织要发挥桥梁纽带作用。",
    "做好商会工作，服务会员企业。",
    "活动在商会大厦举行。",
    "定襄县工商联召开执委会议。",
    "平遥县工商业联合会组织企业家学习。",
    "北京山西企业家联谊会举办联谊活动。",
    "台湾山西同乡会访问团抵达太原。",
    "深圳晋商积极回乡投资。",
    "本县商会组织会员参加培训。",
    "各县商会负责人参加会议。",
    "乡镇商会和行业商会建设取得进展。",
    "武乡县首家异地商会，也是唯一一个异地武乡商会。",
    "县领导莅临县商会调研。",
    "企业家们积极响应县商会号召。",
    "京津冀山西商会联合发出倡议。",
    "经济开发区山西商会企业代表参加座谈。",
    "各区山西商会会长参加培训。",
    "自治区山西商会工作座谈会召开。",  # a kind of place, not one place
    "贫困县山西商会帮扶活动启动。",
    "多家异地山西商会发来贺信。",
    "兄弟商会代表应邀出席。",
    "他是多个地域商会的会员。",
    "领导莅临晋商会考察。",
    "中国山西商会发展论坛举行。",  # no host: 中国 is no chamber's place
    "走进忻州\n商会会长张三介绍了情况。",  # a heading's place, then a line that opens with 商会
]


@pytest.mark.parametrize("text, want", NAMED)
def test_named_chambers_with_their_hosts(text, want):
    assert named(text) == {fold(k): v for k, v in want.items()}


@pytest.mark.parametrize("text", NOT_ONE)
def test_mentions_that_name_no_one_chamber(text):
    assert named(text) == {}


def test_former_counties_are_part_of_a_county_of_shanxi_today():
    """The table's current places are Shanxi counties (districts, county-level cities) of the city it gives."""
    today = {full: city for full, _, city in shanxi_counties()}
    assert len(FORMER_COUNTIES) >= 15
    for former, (county, city) in FORMER_COUNTIES.items():
        assert today.get(county) == city, former
        assert former not in today  # no longer a county of that name
