"""Place names an article may use for a chamber's home or an event's city, beyond the graph's own.

The graph (bundled dataset + database) is asked first; this list only lets the extractor tell a
place from the verb before it ("向北京山西企业商会" → 北京) and give a new chamber its host.
Short forms (珠海) and full forms (珠海市) both match; the full form is what a node is named.

>>> PROVINCES["广东"]
'广东省'
>>> CITIES["苏州"]
'苏州市'
"""
from __future__ import annotations

_PROVINCES = (
    "河北省 山西省 辽宁省 吉林省 黑龙江省 江苏省 浙江省 安徽省 福建省 江西省 山东省 河南省 湖北省 湖南省 "
    "广东省 海南省 四川省 贵州省 云南省 陕西省 甘肃省 青海省 台湾省 内蒙古自治区 广西壮族自治区 西藏自治区 "
    "宁夏回族自治区 新疆维吾尔自治区 香港特别行政区 澳门特别行政区"
)
# 直辖市: province-level, and also the city events are held in (see the bundled catalog's header).
MUNICIPALITIES = ("北京市", "上海市", "天津市", "重庆市")
# 香港 / 澳门 likewise: province-level, and the city an event in them is held in
SARS = ("香港特别行政区", "澳门特别行政区")
_CITIES = (
    "太原市 大同市 阳泉市 长治市 晋城市 朔州市 晋中市 运城市 忻州市 临汾市 吕梁市 "
    "石家庄市 唐山市 保定市 邯郸市 廊坊市 沈阳市 大连市 长春市 哈尔滨市 南京市 苏州市 无锡市 常州市 "
    "镇江市 扬州市 南通市 盐城市 徐州市 泰州市 淮安市 连云港市 宿迁市 杭州市 宁波市 温州市 嘉兴市 湖州市 "
    "绍兴市 金华市 台州市 义乌市 合肥市 芜湖市 福州市 厦门市 泉州市 南昌市 济南市 青岛市 烟台市 潍坊市 "
    "郑州市 洛阳市 武汉市 长沙市 广州市 深圳市 珠海市 佛山市 东莞市 中山市 惠州市 汕头市 江门市 海口市 "
    "三亚市 成都市 贵阳市 昆明市 西安市 兰州市 西宁市 银川市 乌鲁木齐市 呼和浩特市 包头市 鄂尔多斯市 "
    "南宁市 拉萨市 淄博市 威海市 日照市 临沂市 济宁市 大连市 鞍山市 秦皇岛市 张家口市 邢台市 沧州市 衡水市 "
    "承德市 呼伦贝尔市 赤峰市 乌海市 榆林市 宝鸡市 咸阳市 渭南市 延安市 安阳市 新乡市 焦作市 三门峡市 开封市 "
    "石嘴山市 克拉玛依市 柳州市 桂林市 昆山市 常熟市 张家港市 江阴市 慈溪市 余姚市"
)

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


def _short(name: str) -> str:
    for suffix in ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


PROVINCES = {_short(p): p for p in _PROVINCES.split()} | {_short(m): m for m in MUNICIPALITIES}
CITIES = {_short(c): c for c in _CITIES.split()} | {_short(m): m for m in MUNICIPALITIES + SARS}
SHANXI_CITIES = tuple(_short(c) for c in _CITIES.split()[:11])


def short(name: str) -> str:
    """A place's name without its 省/市/自治区 suffix: 吉林省 → 吉林."""
    return _short(name)


def shanxi_counties() -> list[tuple[str, str, str]]:
    """(full name, short form, city) of Shanxi's counties, districts and county-level cities, from
    the resolution package's place dictionary (GB/T 2260): 迎泽区 → 太原市, 曲沃县 → 临汾市."""
    import csv
    from importlib import resources

    text = resources.files("loaders.resolution").joinpath("places.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((ln for ln in text.splitlines() if not ln.startswith("#")), delimiter="\t")
    return [(r["name"], r["short"], r["parent"]) for r in rows
            if r["level"] == "county" and r["code"].startswith("14") and r["parent"]]
