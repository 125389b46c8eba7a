"""Place names an article may use for a chamber's home or an event's city, beyond the graph's own.

The graph (bundled dataset + database) is asked first; this list only lets the extractor tell a
place from the verb before it ("向北京山西企业商会" → 北京) and give a new chamber its host.
Short forms (珠海) and full forms (珠海市) both match; the full form is what a node is named.

The places come from the resolution package's place dictionary (loaders/resolution/places.tsv, GB/T
2260, read only through loaders.resolution.places): every province, municipality and SAR, every
prefecture-level city (盟, 地区 and 自治州 too), and a few county-level cities chambers are named after.
A short form that is an everyday word (来宾, 白银, 安康) is AMBIGUOUS: the extractor takes it only where
the context makes it a place (see AMBIGUOUS).

>>> PROVINCES["广东"]
'广东省'
>>> CITIES["苏州"], CITIES["遂宁"], CITIES["恩施州"]
('苏州市', '遂宁市', '恩施土家族苗族自治州')
>>> "吉林" in CITIES, CITIES["吉林市"]
(False, '吉林市')
"""
from __future__ import annotations

from functools import lru_cache

from graph.schema import get_schema
from loaders.resolution import places as dictionary

_PROVINCE_LEVEL = dictionary.divisions("province", "municipality")
_PREFECTURES = dictionary.divisions("city")

# 直辖市: province-level, and also the city events are held in (see the bundled catalog's header).
MUNICIPALITIES = tuple(p.full for p, _ in _PROVINCE_LEVEL if p.level == "municipality")
# 香港 / 澳门 likewise: province-level, and the city an event in them is held in
SARS = tuple(p.full for p, _ in _PROVINCE_LEVEL if p.full.endswith("特别行政区"))
# County-level cities that chambers and events are named after, beyond the prefecture-level ones.
COUNTY_CITIES = ("义乌市", "昆山市", "常熟市", "张家港市", "江阴市", "慈溪市", "余姚市")

# Short forms of prefecture-level cities that are also everyday words, brands or other places'
# names, so that alone they are no place: 与会来宾, 白银价格, 岁岁安康, 阿里巴巴, 登黄山, 普洱茶, 中山路 /
# 中山大学, 大理石, 北海公园 / 北海道, 朝阳区 (Beijing) / 朝阳产业, 三明治, 日照充足, 周年大庆, 四平八稳,
# 文山会海, 天南海北 / 海西经济区, 哈密瓜, 和田玉, 宁德时代, 广安门, 小兴安岭, 红河 / 怒江 (rivers),
# 玉树临风, 山南海北, 白山黑水, 平安顺利, 华东营销, 集中卫生, 决定西部, 新乡村; and a short form ending in 山
# that would take the 山 of 山西 (确保山西, 欢乐山西). The full form (来宾市, 大理州) always matches; the short form matches only
# right after its own province (广西来宾, 甘肃白银) or as the host of a chamber of another place's
# people (来宾山西商会, 黄山浙江商会) — see loaders/articles/entities.Places.
AMBIGUOUS = frozenset(
    "来宾 白银 安康 黄山 阿里 普洱 中山 大理 北海 朝阳 三明 日照 大庆 四平 文山 红河 怒江 玉树 山南 海北 海西 "
    "海东 白山 哈密 和田 宁德 广安 兴安 安顺 东营 中卫 定西 新乡 保山 乐山".split())


def _short(name: str) -> str:
    for suffix in ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


PROVINCES = {p.short: p.full for p, _ in _PROVINCE_LEVEL}


def _city_forms() -> dict[str, str]:
    """Written form → full name. A city whose short form is a province's (吉林市, 海南藏族自治州) is
    matched only in full, as before; an autonomous prefecture also as <short>州 (恩施州, 大理州)."""
    forms: dict[str, str] = {}
    for place, _ in _PREFECTURES:
        forms[place.full] = place.full
        if place.short not in PROVINCES:
            forms.setdefault(place.short, place.full)
        if place.full.endswith("自治州"):
            forms[place.short + "州"] = place.full
    for full in COUNTY_CITIES:
        forms[full] = forms[_short(full)] = full
    for full in MUNICIPALITIES + SARS:
        forms[dictionary.lookup(full)[0].short] = full
    return forms


CITIES = _city_forms()
SHANXI_CITIES = tuple(p.short for p, up in _PREFECTURES if up == "山西省")
_SHANXI_CITY_NAMES = frozenset(p.full for p, up in _PREFECTURES if up == "山西省")
# The province each city is in (苏州市 → 江苏省): where an ambiguous short form is safe (广西来宾).
CITY_PROVINCE = {p.full: up for p, up in _PREFECTURES}

# 省城 (the province's capital) in an article of that province: 在省城召开 in a Shanxi paper is in 太原
CAPITALS = {
    "河北省": "石家庄市", "山西省": "太原市", "辽宁省": "沈阳市", "吉林省": "长春市", "黑龙江省": "哈尔滨市",
    "江苏省": "南京市", "浙江省": "杭州市", "安徽省": "合肥市", "福建省": "福州市", "江西省": "南昌市",
    "山东省": "济南市", "河南省": "郑州市", "湖北省": "武汉市", "湖南省": "长沙市", "广东省": "广州市",
    "海南省": "海口市", "四川省": "成都市", "贵州省": "贵阳市", "云南省": "昆明市", "陕西省": "西安市",
    "甘肃省": "兰州市", "青海省": "西宁市", "内蒙古自治区": "呼和浩特市", "广西壮族自治区": "南宁市",
    "西藏自治区": "拉萨市", "宁夏回族自治区": "银川市", "新疆维吾尔自治区": "乌鲁木齐市"}

# Countries a chamber of Shanxi people abroad is named after (晋商加拿大总商会, 柬埔寨山西商会). The
# schema has no Country label: such a chamber gets no BASED_IN, only its name.
COUNTRIES = tuple(
    "加拿大 美国 英国 法国 德国 意大利 西班牙 荷兰 比利时 瑞士 瑞典 挪威 丹麦 芬兰 奥地利 匈牙利 捷克 波兰 希腊 葡萄牙 爱尔兰 "
    "俄罗斯 乌克兰 白俄罗斯 哈萨克斯坦 乌兹别克斯坦 吉尔吉斯斯坦 蒙古 日本 韩国 朝鲜 新加坡 马来西亚 印度尼西亚 泰国 越南 "
    "柬埔寨 老挝 缅甸 菲律宾 印度 巴基斯坦 阿联酋 沙特 土耳其 以色列 埃及 南非 尼日利亚 肯尼亚 埃塞俄比亚 安哥拉 "
    "澳大利亚 新西兰 巴西 阿根廷 智利 秘鲁 墨西哥 古巴 欧洲 非洲 北美 南美 东南亚 澳洲 中东".split())


# Cities abroad that chambers of Shanxi people are named after as well as countries (纽约山西商会, 悉尼晋商会):
# like a country, a name and no BASED_IN.
CITIES_ABROAD = tuple(
    "纽约 洛杉矶 旧金山 芝加哥 休斯敦 西雅图 华盛顿 波士顿 温哥华 多伦多 蒙特利尔 伦敦 巴黎 柏林 法兰克福 汉堡 慕尼黑 "
    "罗马 米兰 马德里 巴塞罗那 阿姆斯特丹 布鲁塞尔 维也纳 布拉格 华沙 布达佩斯 莫斯科 圣彼得堡 基辅 明斯克 阿拉木图 "
    "东京 大阪 首尔 釜山 仁川 乌兰巴托 曼谷 吉隆坡 雅加达 马尼拉 河内 胡志明市 金边 万象 仰光 迪拜 阿布扎比 "
    "悉尼 墨尔本 布里斯班 珀斯 奥克兰 约翰内斯堡 开罗 内罗毕 圣保罗 布宜诺斯艾利斯".split())


# County-level cities, districts and banners outside Shanxi that chambers of Shanxi people are named after
# (神木山西商会, 晋江晋商会, 顺德山西商会), with the prefecture-level city they belong to (GB/T 2260): the
# chamber's host, as a district resolves to its city. Only a chamber's host: the built-in city list (and so an
# event's city) leaves them out.
CHAMBER_HOST_COUNTIES = {
    "神木": "榆林市", "府谷": "榆林市", "靖边": "榆林市", "定边": "榆林市", "韩城": "渭南市",
    "晋江": "泉州市", "石狮": "泉州市", "南安": "泉州市", "太仓": "苏州市", "宜兴": "无锡市",
    "东阳": "金华市", "永康": "金华市", "温岭": "台州市", "乐清": "温州市", "瑞安": "温州市", "海宁": "嘉兴市",
    "桐乡": "嘉兴市", "诸暨": "绍兴市", "顺德": "佛山市", "南海": "佛山市", "番禺": "广州市", "宝安": "深圳市",
    "龙岗": "深圳市", "浦东": "上海市", "库尔勒": "巴音郭楞蒙古自治州", "满洲里": "呼伦贝尔市",
    "二连浩特": "锡林郭勒盟", "锡林浩特": "锡林郭勒盟", "霍林郭勒": "通辽市", "准格尔": "鄂尔多斯市",
    "伊金霍洛": "鄂尔多斯市", "东胜": "鄂尔多斯市", "格尔木": "海西蒙古族藏族自治州", "敦煌": "酒泉市",
    "迁安": "唐山市", "武安": "邯郸市", "任丘": "沧州市", "涿州": "保定市", "三河": "廊坊市", "寿光": "潍坊市",
    "龙口": "烟台市", "胶州": "青岛市", "即墨": "青岛市", "黄岛": "青岛市", "滕州": "枣庄市", "邹城": "济宁市",
    "巩义": "郑州市", "新郑": "郑州市", "禹州": "许昌市", "仁怀": "遵义市", "景洪": "西双版纳傣族自治州",
}


# Towns and streets (镇, 街道) of the two prefecture-level cities that have no counties, 东莞 and 中山 (GB/T 2260
# township level, with towns merged since whose chambers keep their names: 东升镇 into 小榄, 民众镇 and 南朗镇
# now streets): a chamber named by its town alone (小榄镇商会, 虎门镇商会) is based in the town's city. Other towns'
# chambers take their city from their name (江门市蓬江区杜阮镇商会) or from the sentence that names it first.
TOWNS = {
    **{f"{t}镇": "中山市" for t in "小榄 古镇 港口 黄圃 东凤 东升 南头 阜沙 三角 横栏 沙溪 大涌 三乡 坦洲 板芙 神湾 民众 南朗".split()},
    **{f"{t}街道": "中山市" for t in "石岐 东区 西区 南区 五桂山 民众 南朗 中山港 火炬开发区".split()},
    **{f"{t}镇": "东莞市" for t in "石碣 石龙 茶山 石排 企石 横沥 桥头 谢岗 东坑 常平 寮步 樟木头 大朗 黄江 清溪 塘厦 凤岗 "
                                 "大岭山 长安 虎门 厚街 沙田 道滘 洪梅 麻涌 望牛墩 中堂 高埗".split()},
    **{f"{t}街道": "东莞市" for t in "莞城 南城 东城 万江".split()},
}

# Dialect groups, communities and home regions that chambers of their people elsewhere are named after (中山市客家
# 商会, 深圳潮汕商会, 厦门闽南商会, 苏州市苏北商会), beyond the provinces and cities of the place dictionary: a home
# like 浙江 or 温州 in such a name. Parts of a province named by its abbreviation and a direction (苏北, 陕北, 赣南).
COMMUNITIES = tuple(
    "客家 潮汕 潮梅 闽南 闽东 闽西 闽北 闽中 莆仙 兴化 海陆丰 雷州 粤东 粤西 粤北 桂东 桂南 桂北 湘南 湘中 湘东 赣南 赣东北 "
    "赣西 鄂西 鄂东 鄂北 豫南 豫东 豫北 豫西 皖北 皖南 皖西 皖江 苏北 苏南 苏中 浙南 浙东 浙西 浙北 川南 川东 川北 川西 "
    "黔东 黔南 黔北 滇西 滇南 陕北 陕南 关中 胶东 鲁南 鲁西南 鲁西 冀中 冀南 冀东 辽西 辽南 东北 西北 江淮 温台".split())


def short(name: str) -> str:
    """A place's name without its 省/市/自治区 suffix: 吉林省 → 吉林; a prefecture's short form from the
    dictionary: 恩施土家族苗族自治州 → 恩施."""
    if CITY_PROVINCE.get(name) and not name.endswith("市"):
        return dictionary.lookup(name)[0].short
    return _short(name)


def county_city(county_id: str) -> str:
    """The city a County node's id names: county:运城市/平陆县 → 运城市."""
    return county_id.split(":", 1)[1].split("/")[0]


def county_kind(name: str) -> str | None:
    """The kind of county-level division a name is (the contract's County.kind), told by its ending:
    曲沃县 → 县, 迎泽区 → 区, 孝义市 → 市, 忻州经济开发区 → 开发区; None when the ending tells none. An
    article's county then loads as a node of its own when the graph does not have it yet."""
    return next((k for k in _county_kinds() if name.endswith(k)), None)


@lru_cache(maxsize=1)
def _county_kinds() -> tuple[str, ...]:
    return tuple(sorted(get_schema().label("County").properties["kind"].enum, key=len, reverse=True))


def shanxi_counties() -> list[tuple[str, str, str]]:
    """(full name, short form, city) of Shanxi's counties, districts and county-level cities, from
    the resolution package's place dictionary (GB/T 2260): 迎泽区 → 太原市, 曲沃县 → 临汾市."""
    return [(p.full, p.short, up) for p, up in dictionary.divisions("county") if up in _SHANXI_CITY_NAMES]


# Former Shanxi counties, merged or renamed since the 1940s-1950s, with the county-level place (as named
# today) they are part of and its city. Chambers of the Republican era were named after them (安邑商会,
# 解县商会, as a city gazetteer's history of its chambers writes), so a chamber named <former county>商会
# is a chamber of today's city. Facts of Shanxi's administrative history: 安邑 and 解县 merged into 运城县
# (1958, now 盐湖区); 虞乡 into 永济 (1954); 荣河 and 万泉 into 万荣 (1954); 猗氏 and 临晋 into 临猗 (1954);
# 汾城 and 襄陵 into 襄汾 (1954); 赵城 into 洪洞 (1954); 徐沟 and 清源 into 清徐 (1952); 崞县 renamed 原平
# (1958); 辽县 renamed 左权 (1942); 忻县 and 朔县 became 忻州 and 朔州 (now 忻府区, 朔城区).
FORMER_COUNTIES = {
    "安邑县": ("盐湖区", "运城市"), "解县": ("盐湖区", "运城市"), "虞乡县": ("永济市", "运城市"),
    "荣河县": ("万荣县", "运城市"), "万泉县": ("万荣县", "运城市"), "猗氏县": ("临猗县", "运城市"),
    "临晋县": ("临猗县", "运城市"), "汾城县": ("襄汾县", "临汾市"), "襄陵县": ("襄汾县", "临汾市"),
    "赵城县": ("洪洞县", "临汾市"), "徐沟县": ("清徐县", "太原市"), "清源县": ("清徐县", "太原市"),
    "崞县": ("原平市", "忻州市"), "辽县": ("左权县", "晋中市"), "忻县": ("忻府区", "忻州市"),
    "朔县": ("朔城区", "朔州市"),
}

# District short forms that are everyday words or shared by many cities: no chamber's home alone.
_COMMON_DISTRICTS = frozenset({"城区", "郊区", "矿区", "小店"})


def shanxi_county_forms() -> dict[str, tuple[str, str, bool]]:
    """Written form → (the county's full name, its city, former) for every Shanxi county, district and
    county-level city, and every former county in FORMER_COUNTIES: a chamber named after one alone
    (平遥商会, 榆次商会, 安邑商会) is that place's chamber. A county's short form counts when it has two
    characters or more (平遥, 祁县 as written); a district's when it is no everyday word (城区, 小店)."""
    forms: dict[str, tuple[str, str, bool]] = {}
    for full, short_, city in shanxi_counties():
        forms[full] = (full, city, False)
        if len(short_) >= 2 and short_ not in _COMMON_DISTRICTS:
            forms.setdefault(short_, (full, city, False))
    for full, (_, city) in FORMER_COUNTIES.items():
        forms.setdefault(full, (full, city, True))
        if full.endswith("县") and len(full) >= 3:
            forms.setdefault(full[:-1], (full, city, True))
    return forms
