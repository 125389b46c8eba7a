"""Chambers that are not "<place>山西商会" (issue 15; benchmarks/devset/annotations.yaml's conventions: every named
chamber of commerce counts, with the city or province it is based in): a town's or a street's chamber, a
district's, a chamber of a dialect group, a community or a home region, a county-level city's own, another
province's chamber in a Shanxi city written with 山西 first, a province hosting another province's chamber, and a
city's trade chambers; and the mentions that name no one chamber. Every sentence is written for this table.

A chamber's host is the place it is based in, as a district's or a town's city: the city its name leads with
(中山市小榄镇商会 → 中山市); for a town or district named alone, the city the place table gives it
(places.TOWNS: the towns of 东莞 and 中山, which have no counties; places.CHAMBER_HOST_COUNTIES) or else the city
the sentence named before it (温州市领导走访了柳市镇商会 → 温州市). A county-level city of places.COUNTY_CITIES is
its own host (义乌市商会), as it is for 昆山山西商会.

总商会: the conventions leave a place's 总商会 (a 工商联 body) open — optional wherever annotated (annotations.yaml
a02 山西省总商会, a09 原平市总商会, dev2 山东省总商会, test4 y09 中山市总商会). A city's is named as before (the
trades' 总, see entities._TRADES); a district's or a town's, like a Shanxi county's (entities._county_own), is
left out (LEFT_OPEN)."""
from __future__ import annotations

import pytest

from loaders.articles import extract_text
from loaders.text import fold


def named(text: str) -> dict[str, str | None]:
    """Chamber name (matching form) → the name of the place it is BASED_IN (None when none)."""
    facts = extract_text(text, "t.md")
    based = {r.start: facts.nodes[r.end].name for r in facts.rels.values() if r.type == "BASED_IN"}
    return {fold(n.name): based.get(n.id) for n in facts.nodes.values() if n.label == "Chamber"}


# (sentence, {chamber as named: host})
NAMED = [
    # a town's (street's) chamber with its city before it
    ("中山市小榄镇商会召开第五届会员大会。", {"中山市小榄镇商会": "中山市"}),
    ("东莞市长安镇商会组织会员企业赴晋考察。", {"东莞市长安镇商会": "东莞市"}),
    ("中山市东区街道商会举行揭牌仪式。", {"中山市东区街道商会": "中山市"}),
    ("江门市蓬江区杜阮镇商会成立大会隆重召开。", {"江门市蓬江区杜阮镇商会": "江门市"}),
    ("昆山市周市镇商会举行新春联谊会。", {"昆山市周市镇商会": "昆山市"}),
    ("中山市古镇镇灯饰商会会长出席开幕式。", {"中山市古镇镇灯饰商会": "中山市"}),
    ("中山市小欖鎮商會會長一行來晉參觀。", {"中山市小榄镇商会": "中山市"}),  # traditional script
    ("平遥县古陶镇商会举办迎春茶话会。", {"平遥县古陶镇商会": "晋中市"}),  # a Shanxi county's town
    # a town named alone: the town table's city …
    ("小榄镇商会执行会长欧某出席座谈。", {"小榄镇商会": "中山市"}),
    ("古镇镇商会组织灯饰企业参加展会。", {"古镇镇商会": "中山市"}),
    ("虎门镇商会与太原市签订合作协议。", {"虎门镇商会": "东莞市"}),
    ("会后，代表团走访了塘厦镇商会。", {"塘厦镇商会": "东莞市"}),
    # … or the city the sentence named before it
    ("佛山市工商联副主席、北滘镇商会会长陈某出席。", {"北滘镇商会": "佛山市"}),
    ("昨天，温州市领导走访了柳市镇商会。", {"柳市镇商会": "温州市"}),
    ("嘉兴市工商联组织王店镇商会等基层商会参加培训。", {"王店镇商会": "嘉兴市"}),
    # a district's chamber with its city before it
    ("中山市东区商会秘书长刘某参加了交流活动。", {"中山市东区商会": "中山市"}),
    ("深圳市宝安区商会举办新春团拜会。", {"深圳市宝安区商会": "深圳市"}),
    ("广州市天河区商会会长带队赴晋考察。", {"广州市天河区商会": "广州市"}),
    ("北京市朝阳区商会与山西省工商联座谈。", {"北京市朝阳区商会": "北京市"}),
    ("天津市滨海新区商会成立十周年。", {"天津市滨海新区商会": "天津市"}),
    ("成都市武侯区商会会长一行考察园区。", {"成都市武侯区商会": "成都市"}),
    ("广东省深圳市南山区商会在深圳举行年会。", {"广东省深圳市南山区商会": "深圳市"}),
    ("深圳市龙华区服装商会正式成立。", {"深圳市龙华区服装商会": "深圳市"}),
    ("上海浦东新区商会代表团来访。", {"上海浦东新区商会": "上海市"}),
    ("太原市小店区商会召开理事会。", {"太原市小店区商会": "太原市"}),
    # a district named alone: the place table's city, or the city the sentence named before it
    ("宝安区商会组织会员参观产业园。", {"宝安区商会": "深圳市"}),
    ("顺德区商会组织企业参加博览会。", {"顺德区商会": "佛山市"}),
    ("杭州市领导出席了余杭区商会换届大会。", {"余杭区商会": "杭州市"}),
    # a dialect group's, a community's or a home region's chamber
    ("中山市客家商会秘书长梁某出席。", {"中山市客家商会": "中山市"}),
    ("深圳潮汕商会会长在签约仪式上致辞。", {"深圳潮汕商会": "深圳市"}),
    ("厦门闽南商会组织会员赴太原考察。", {"厦门闽南商会": "厦门市"}),
    ("上海市潮汕商会与晋中市签订战略合作协议。", {"上海市潮汕商会": "上海市"}),
    ("广东省客家商会会长率团来访。", {"广东省客家商会": "广东省"}),
    ("苏州市苏北商会组织会员回乡投资。", {"苏州市苏北商会": "苏州市"}),
    ("西安市陕北商会成立大会举行。", {"西安市陕北商会": "西安市"}),
    ("天津市东北商会会长出席恳谈会。", {"天津市东北商会": "天津市"}),
    ("北京闽东商会举办联谊会。", {"北京闽东商会": "北京市"}),
    ("佛山市潮汕商会青年委员会成立。", {"佛山市潮汕商会": "佛山市"}),
    ("深圳市潮汕商會會長致辭。", {"深圳市潮汕商会": "深圳市"}),  # traditional script
    ("太原市客家商会举行成立大会。", {"太原市客家商会": "太原市"}),
    ("山西吕梁潮汕商会召开会员大会。", {"山西吕梁潮汕商会": "吕梁市"}),
    ("东莞市赣南商会与长治市签约。", {"东莞市赣南商会": "东莞市"}),
    # a city as the home
    ("北京温州商会会长一行来晋洽谈。", {"北京温州商会": "北京市"}),
    ("广州梅州商会举行第三届理事会。", {"广州梅州商会": "广州市"}),
    ("中山市梅州商会会长李某致辞。", {"中山市梅州商会": "中山市"}),
    ("长沙市湘西商会成立。", {"长沙市湘西商会": "长沙市"}),
    ("深圳市莆田商会组团参加推介会。", {"深圳市莆田商会": "深圳市"}),
    # a home province, then one of its counties or a home region in it
    ("深圳市湖南邵东商会会长出席。", {"深圳市湖南邵东商会": "深圳市"}),
    ("东莞市江西于都商会组团来晋考察。", {"东莞市江西于都商会": "东莞市"}),
    ("上海市河南固始县商会会长出席。", {"上海市河南固始县商会": "上海市"}),
    ("广东省湖南临湘商会召开理事会。", {"广东省湖南临湘商会": "广东省"}),
    ("深圳市广东潮汕商会成立。", {"深圳市广东潮汕商会": "深圳市"}),
    # a county-level city's own chamber, and a chamber in one
    ("义乌市商会组团来晋考察。", {"义乌市商会": "义乌市"}),
    ("常熟市商会会长出席签约仪式。", {"常熟市商会": "常熟市"}),
    ("晋江市商会与运城市签订合作协议。", {"晋江市商会": "泉州市"}),
    ("昆山山西商会会长出席活动。", {"昆山山西商会": "昆山市"}),
    ("张家港市服装商会组织会员参展。", {"张家港市服装商会": "张家港市"}),
    # another province's chamber in a Shanxi city, written with 山西 first: the city is the host
    ("山西长治河南商会副会长高某发言。", {"山西长治河南商会": "长治市"}),
    ("山西太原浙江商会举行年会。", {"山西太原浙江商会": "太原市"}),
    ("山西大同福建商会会长出席。", {"山西大同福建商会": "大同市"}),
    ("山西晋中温州商会正式成立。", {"山西晋中温州商会": "晋中市"}),
    ("山西运城河南商会组织会员参观。", {"山西运城河南商会": "运城市"}),
    ("山西省临汾市浙江商会召开会员大会。", {"山西省临汾市浙江商会": "临汾市"}),
    # … and in a Shanxi county or county-level city: the county's city is the host
    ("平遥县浙江商会会长出席。", {"平遥县浙江商会": "晋中市"}),
    ("孝义市河南商会组织会员参观。", {"孝义市河南商会": "吕梁市"}),
    ("山西平遥浙江商会举办年会。", {"山西平遥浙江商会": "晋中市"}),
    ("山西孝义河南商会正式成立。", {"山西孝义河南商会": "吕梁市"}),
    # a province hosting another province's chamber: the province is the host
    ("内蒙古山东商会成立二十周年庆典举行。", {"内蒙古山东商会": "内蒙古自治区"}),
    ("新疆河南商会会长出席开幕式。", {"新疆河南商会": "新疆维吾尔自治区"}),
    ("广西福建商会组织会员考察。", {"广西福建商会": "广西壮族自治区"}),
    ("宁夏浙江商会举行换届大会。", {"宁夏浙江商会": "宁夏回族自治区"}),
    ("云南省江西商会会长带队考察。", {"云南省江西商会": "云南省"}),
    ("黑龙江浙江商会与太原市签约。", {"黑龙江浙江商会": "黑龙江省"}),
    # a city's (district's, town's) trade chambers
    ("中山市服装商会会长出席。", {"中山市服装商会": "中山市"}),
    ("中山市灯饰商会组织企业参展。", {"中山市灯饰商会": "中山市"}),
    ("佛山市陶瓷商会与晋城市签约。", {"佛山市陶瓷商会": "佛山市"}),
    ("东莞市家具商会会长出席。", {"东莞市家具商会": "东莞市"}),
    ("东莞市大朗镇毛织商会组团考察。", {"东莞市大朗镇毛织商会": "东莞市"}),
    # a town of 东莞 or 中山 after its city: by its short form too; 中山 (alone an everyday word) before its town
    ("东莞虎门商会会长出席座谈会。", {"东莞虎门商会": "东莞市"}),
    ("中山小榄镇商会会长带队考察。", {"中山小榄镇商会": "中山市"}),
    # a city's district, town, county, or a district then its town, with the province or city before it
    ("佛山市顺德区北滘镇商会成立。", {"佛山市顺德区北滘镇商会": "佛山市"}),
    ("河南省许昌市襄城县商会成立。", {"河南省许昌市襄城县商会": "许昌市"}),
    ("重庆市渝中区商会会长出席。", {"重庆市渝中区商会": "重庆市"}),
    ("中山市青年商会举行换届大会。", {"中山市青年商会": "中山市"}),  # a place's young merchants
    # lists of districts or towns that share one chamber's words: each has its own chamber
    ("深圳市宝安区、龙岗区商会负责人出席。", {"宝安区商会": "深圳市", "龙岗区商会": "深圳市"}),
    ("小榄镇、古镇镇商会会长出席。", {"小榄镇商会": "中山市", "古镇镇商会": "中山市"}),
    ("广州市天河区、越秀区和海珠区商会联合举办活动。",
     {"天河区商会": "广州市", "越秀区商会": "广州市", "海珠区商会": "广州市"}),
    ("中山市东区、西区服装商会会长出席。", {"东区服装商会": "中山市", "西区服装商会": "中山市"}),
    # two kinds in one sentence
    ("中山市东区商会秘书长、中山市客家商会秘书长一同参加。",
     {"中山市东区商会": "中山市", "中山市客家商会": "中山市"}),
]

# sentences that name no one chamber: a kind of chamber, a body that is not a 商会, a building, a verb's object
NOT_ONE = [
    "各商会要积极组织会员参加。",
    "异地商会要发挥桥梁纽带作用。",
    "兄弟商会代表应邀出席。",
    "商会会员企业踊跃捐款。",
    "中山市工商联召开执委会。",
    "东莞市工商业联合会组织企业家学习。",
    "中山市服装协会会长出席。",
    "深圳市民营经济促进会举办论坛。",
    "活动在中山市商会大厦举行。",
    "乡镇商会建设取得新进展。",
    "各镇商会负责人参加培训。",
    "该镇商会成立于2010年。",
    "全市各区商会负责人参加会议。",
    "特色小镇商会服务工作会召开。",
    "中山市各异地商会会长参加会议。",
    "东莞市已启动商会换届工作。",
    "东莞市有8家省市县域商会。",
    "深圳市级商会负责人参加培训。",
    "中山市工商联副主席陈振区商会工作汇报会上发言。",  # a person's name ending in 区 before 商会
    "中山市副市长李新镇商会调研时指出。",  # … and in 镇
    "该区商会组织会员学习。",
    "本镇商会会员大会召开。",
    "开发区商会与高新区商会联合举办活动。",
    "城区商会和郊区商会代表参加。",
    "广东客家人在各地成立商会。",
    "潮汕商人遍布各地。",
    "中山市的商会组织发展迅速。",
    "东区商会组织会员学习。",  # a district no place table holds, no city in the sentence: not placed
    "会长李东区、王西区商会会员出席。",
    "深圳市湖南各地商会负责人出席。",
    "北京浙江异地商会代表参加。",
    "深圳市湖南籍商会会员参加活动。",
    "北京河南驻京商会联合会召开会议。",
    "深圳广东商会成立。",  # one place twice: no name  # names, not a list of districts
    "中山市工商联组织交流活动。小榄商会会长发言。",  # a town's short form alone is no place
]

# bodies the conventions leave open: a district's or a town's 总商会 (a 工商联 body)
LEFT_OPEN = [
    "深圳市福田区总商会举办活动。",
    "小榄镇总商会会长出席。",
    "中山市小榄镇总商会召开会议。",
]


@pytest.mark.parametrize("text, want", NAMED)
def test_named_chambers_with_their_hosts(text, want):
    assert named(text) == {fold(k): v for k, v in want.items()}


@pytest.mark.parametrize("text", NOT_ONE + LEFT_OPEN)
def test_mentions_that_name_no_one_chamber(text):
    assert named(text) == {}


def test_town_table_places_every_town_in_its_city():
    from loaders.articles.places import CITIES, TOWNS

    assert len(TOWNS) >= 40
    assert set(TOWNS.values()) == {"东莞市", "中山市"} and all(c in CITIES.values() for c in TOWNS.values())
    assert all(t.endswith(("镇", "街道")) for t in TOWNS)
