"""The ways Chinese news states a project (issue 15): short paragraphs written for this test, in both
scripts, each with the projects it states as (name, amount in 亿元, county), matched as the quality
benchmark matches them (names equal after folding or one containing the other with at least four
characters, amounts within rounding, the county without its 县/区/市). A list of counties means any of
them is right (a development zone or the city it is named after). Negatives state no project."""
from __future__ import annotations

import re

import pytest

from pathlib import Path

from loaders.articles import extract_path, extract_text
from loaders.text import fold

ARTICLES = Path(__file__).parents[1] / "fixtures" / "articles"
HEAD = "---\ndate: 2024-06-18\n---\n"

FORMS = [
    # <county>的<name>项目（总投资X亿元）; a 项目 word in the event's name is no project
    ("6月8日，平遥县招商引资项目集中签约仪式举行。平遥县的古城民宿集群项目（总投资3.2亿元）现场签约。",
     {("古城民宿集群项目", 3.2, "平遥县")}),
    # <company>投资X亿元的<name>项目落户<county>
    ("示例新能源有限公司投资12亿元的光伏储能基地项目落户介休市。", {("光伏储能基地项目", 12, "介休市")}),
    # 总投资X亿元的<name>项目在<county>开工
    ("总投资8.5亿元的年产10万吨特种钢材项目在孝义市开工。", {("年产10万吨特种钢材项目", 8.5, "孝义市")}),
    # 一是…；二是…
    ("此次签约的项目中，一是清徐县的醋文化产业园项目，总投资5亿元；二是阳曲县的智能仓储物流项目，总投资3亿元。",
     {("醋文化产业园项目", 5, "清徐县"), ("智能仓储物流项目", 3, "阳曲县")}),
    # numbered lines: 1. <name>，总投资X亿元，位于<county>
    ("6月10日，晋中市集中开工项目如下：\n1. 高端装备制造产业园项目，总投资6亿元，位于榆次区。\n"
     "2. 冷链物流中心项目，总投资2.4亿元，位于太谷区。",
     {("高端装备制造产业园项目", 6, "榆次区"), ("冷链物流中心项目", 2.4, "太谷区")}),
    # 签约项目有：A（X亿元）、B（Y亿元）, the county named once before them
    ("汾阳市签约项目有：汾酒文化小镇项目（15亿元）、杏花村康养基地项目（4亿元）。",
     {("汾酒文化小镇项目", 15, "汾阳市"), ("杏花村康养基地项目", 4, "汾阳市")}),
    # 项目名称：… 投资额：… 建设地点：…, one a line
    ("本次签约项目情况如下。\n项目名称：煤层气综合利用项目\n投资额：7.6亿元\n建设地点：沁县",
     {("煤层气综合利用项目", 7.6, "沁县")}),
    # 开工项目 with 计划总投资; 集中开工项目12个 is a count
    ("6月1日，襄垣县集中开工项目12个，其中煤矸石综合利用项目计划总投资4.5亿元。",
     {("煤矸石综合利用项目", 4.5, "襄垣县")}),
    # 万元 → 亿元
    ("洪洞县与示例农业公司签约的有机旱作农业示范基地项目，总投资8000万元。",
     {("有机旱作农业示范基地项目", 0.8, "洪洞县")}),
    # 亿美元 is not 亿元: the project without an amount
    ("示例国际集团在屯留区投资1.5亿美元建设的新能源汽车零部件项目正式签约。",
     {("新能源汽车零部件项目", None, "屯留区")}),
    # full-width digits
    ("长子县的青铜文化旅游区项目，总投资２．６亿元，当日签约。", {("青铜文化旅游区项目", 2.6, "长子县")}),
    # 约 / 超 / 逾
    ("在签约仪式上，武乡县红色文旅综合体项目总投资约9亿元，成功签约。", {("红色文旅综合体项目", 9, "武乡县")}),
    ("总投资超20亿元的氢能重卡产业园项目落户怀仁市。", {("氢能重卡产业园项目", 20, "怀仁市")}),
    ("投资逾5亿元的高标准农田建设项目在应县开工。", {("高标准农田建设项目", 5, "应县")}),
    # development zones: the zone as written, or its city
    ("晋中经济技术开发区的智能制造产业园项目，总投资10亿元，现场签约。",
     {("智能制造产业园项目", 10, ("晋中经济技术开发区", "晋中市"))}),
    ("长治高新区签约的半导体封装测试项目投资额为6亿元。", {("半导体封装测试项目", 6, ("长治高新区", "长治市"))}),
    ("山西综改区的数字经济产业园项目签约，总投资18亿元。", {("数字经济产业园项目", 18, ("山西综改区", "太原市"))}),
    # a county named once for several projects in a sentence
    ("在曲沃县，晋都古城修复项目总投资3亿元，民宿集聚区项目总投资2亿元，均已签约。",
     {("晋都古城修复项目", 3, "曲沃县"), ("民宿集聚区项目", 2, "曲沃县")}),
    ("小店区的人工智能算力中心项目，总投资25亿元，正式签约。", {("人工智能算力中心项目", 25, "小店区")}),
    ("原平市的农产品精深加工项目计划总投资3.8亿元，当天开工。", {("农产品精深加工项目", 3.8, "原平市")}),
    # traditional script
    ("平遙縣的古城文旅綜合體項目（總投資3.2億元）現場簽約。", {("古城文旅綜合體項目", 3.2, "平遙縣")}),
    ("示例能源有限公司投資12億元的風電裝備基地項目落戶代縣。", {("風電裝備基地項目", 12, "代縣")}),
    ("總投資6億元的高端鑄造產業園項目在繁峙縣開工。", {("高端鑄造產業園項目", 6, "繁峙縣")}),
    ("集中簽約項目：\n1、五臺山康養度假區項目，總投資20億元，位於五臺縣。",
     {("五臺山康養度假區項目", 20, "五臺縣")}),
    ("定襄縣簽約的法蘭鍛造廠項目，總投資5000萬元。", {("法蘭鍛造廠項目", 0.5, "定襄縣")}),
    ("此次簽約的項目中，一是靈丘縣的石材加工項目，總投資2億元；二是廣靈縣的食用菌產業項目，總投資1.5億元。",
     {("石材加工項目", 2, "靈丘縣"), ("食用菌產業項目", 1.5, "廣靈縣")}),
    # names ending in 工程 / 基地 / 厂 / 园 with no 项目
    ("总投资4亿元的引水灌溉工程在偏关县开工。", {("引水灌溉工程", 4, "偏关县")}),
    ("河曲县的万亩沙棘种植基地，总投资2亿元，当日签约。", {("万亩沙棘种植基地", 2, "河曲县")}),
    ("保德县签约建设的年产30万吨红枣饮料厂，总投资1.2亿元。", {("年产30万吨红枣饮料厂", 1.2, "保德县")}),
    ("岢岚县的杂粮产业园总投资3亿元，现场签约。", {("杂粮产业园", 3, "岢岚县")}),
    # items each after its own county
    ("签约项目包括：山阴县乳业加工项目（6亿元）、右玉县生态旅游项目（4亿元）。",
     {("乳业加工项目", 6, "山阴县"), ("生态旅游项目", 4, "右玉县")}),
    # the project's own clause between it and its amount: 落户<county>， / 占地…， / 项目总投资
    ("示例药业有限公司的中药饮片加工项目落户绛县，总投资3亿元。", {("中药饮片加工项目", 3, "绛县")}),
    ("在闻喜县，镁合金精深加工项目正式签约，占地200亩，总投资6亿元。", {("镁合金精深加工项目", 6, "闻喜县")}),
    ("夏县的光伏农业示范项目，项目总投资1.6亿元，当日签约。", {("光伏农业示范项目", 1.6, "夏县")}),
    # a figure in the name that is not a count: 5G
    ("垣曲县签约的5G智慧矿山项目，总投资2.2亿元。", {("5G智慧矿山项目", 2.2, "垣曲县")}),
    # thousands in 万元
    ("稷山县签约的板枣深加工项目，总投资12,000万元。", {("板枣深加工项目", 1.2, "稷山县")}),
    # <county>与<company>签约<name>项目，总投资X亿元
    ("万荣县与示例文旅集团签约黄河文化旅游项目，总投资7亿元。", {("黄河文化旅游项目", 7, "万荣县")}),
    # no amount: the county it settles in (落户) after it, not one named before for another reason
    ("6月8日，晋中市重点项目集中签约仪式举行，平遥县代表发言。仪式上，智能家居产业园项目签约落户榆次区。",
     {("智能家居产业园项目", None, "榆次区")}),
    # the county in brackets after the name; 投资规模 / 估算总投资; who builds it between it and its amount
    ("签约项目：\n1. 古陶镇民俗文化园项目（平遥县），总投资2.8亿元。\n2. 绵山康养小镇项目（介休市），投资规模12亿元。",
     {("古陶镇民俗文化园项目", 2.8, "平遥县"), ("绵山康养小镇项目", 12, "介休市")}),
    ("襄汾县签约的陶寺遗址公园项目由示例文旅集团投资建设，估算总投资4亿元。", {("陶寺遗址公园项目", 4, "襄汾县")}),
    # written after the rules, as a check of how general they are (9 of 10 passed at once; the miss was
    # a figure in the name, 1亿立方米, taken for an amount)
    ("4月2日，沁水县举行项目集中签约活动，共签约项目6个。其中，示例煤层气公司年产1亿立方米煤层气液化项目总投资5.5亿元。",
     {("年产1亿立方米煤层气液化项目", 5.5, "沁水县")}),
    ("阳城县蟒河生态旅游度假区项目成功签约，项目计划总投资3亿元。", {("蟒河生态旅游度假区项目", 3, "阳城县")}),
    ("太谷区签约的示例种业研发中心项目，总投资额约1.8亿元。", {("示例种业研发中心项目", 1.8, "太谷区")}),
    ("在集中开工仪式上，大同经济技术开发区新能源汽车电池项目开工，总投资30亿元。",
     {("新能源汽车电池项目", 30, ("大同经济技术开发区", "大同市"))}),
    ("芮城縣與示例光伏集團簽約的200兆瓦光伏發電項目，總投資8億元。", {("200兆瓦光伏發電項目", 8, "芮城縣")}),
    ("永济市签约项目3个：电机制造产业园项目（总投资6亿元）、黄河滩涂生态农业项目（总投资1亿元）和蒲津渡文旅项目"
     "（总投资2亿元）。",
     {("电机制造产业园项目", 6, "永济市"), ("黄河滩涂生态农业项目", 1, "永济市"), ("蒲津渡文旅项目", 2, "永济市")}),
    ("当天，总投资15.6亿元的寿阳县抽水蓄能电站工程开工建设。", {("抽水蓄能电站工程", 15.6, "寿阳县")}),
    ("昔阳县大寨红色教育基地提升项目投资4500万元，现场签约。", {("大寨红色教育基地提升项目", 0.45, "昔阳县")}),
    # a second check written after the rules (4 of 8 passed at once: 第三代 read as a rank, a zone named
    # 太原中北高新区, 投资X亿元，建设<name>, and the article's verb 实施)
    ("5月20日，太原中北高新区举行集中签约，示例芯片公司的第三代半导体衬底项目落户该区，计划投资20亿元。",
     {("第三代半导体衬底项目", 20, ("太原中北高新区", "太原市"))}),
    ("吕梁市离石区与示例集团签署协议，双方将合作建设年产50万吨焦炉煤气制甲醇项目，总投资约18亿元。",
     {("年产50万吨焦炉煤气制甲醇项目", 18, "离石区")}),
    ("灵石县此次签约的5个项目中，总投资最大的是示例精密铸造项目，投资8亿元。", {("示例精密铸造项目", 8, "灵石县")}),
    ("晋城市泽州县巴公装备制造工业园区内，示例重工齿轮箱项目总投资3.3亿元，当天开工。",
     {("示例重工齿轮箱项目", 3.3, "泽州县")}),
    ("壶关县太行山大峡谷景区提质升级项目，总投资5亿元，由示例文旅公司实施。", {("太行山大峡谷景区提质升级项目", 5, "壶关县")}),
    ("当天举行了集中签约仪式。高平市：示例食品公司高平黄梨深加工项目，投资1.2亿元；示例丝绸公司丝绸文化产业园项目，"
     "投资2亿元。", {("高平黄梨深加工项目", 1.2, "高平市"), ("丝绸文化产业园项目", 2, "高平市")}),
    ("签约仪式上，示例集团董事长表示，集团将在忻府区投资10亿元，建设现代农业产业园。", {("现代农业产业园", 10, "忻府区")}),
    # amounts 分别 in the order of the names
    ("蒲县签约的煤矸石制砖项目、中药材种植基地项目和乡村民宿项目总投资分别为1.5亿元、8000万元和6000万元。",
     {("煤矸石制砖项目", 1.5, "蒲县"), ("中药材种植基地项目", 0.8, "蒲县"), ("乡村民宿项目", 0.6, "蒲县")}),
    # （1）…；（2）…
    ("现场签约项目：（1）左云县的新型建材项目，总投资2亿元；（2）浑源县的黄芪深加工项目，总投资1.5亿元。",
     {("新型建材项目", 2, "左云县"), ("黄芪深加工项目", 1.5, "浑源县")}),
    # the amount in the next sentence after what it first says of the project (该项目位于…，总投资…), the
    # county that sentence puts it in; a capacity written with × is part of the name
    ("6月3日，签约仪式举行。阳高县与示例能源公司签订的阳高县2×50MW风力发电项目。该项目位于阳高县示例工业园区，"
     "总投资9.5亿元。", {("阳高县2×50MW风力发电项目", 9.5, "阳高县")}),
    ("6月3日，签约仪式举行。市政府与示例医药公司签订的中药材康养小镇建设项目。该项目采取企业加农户的模式，"
     "在中药材主产区灵丘县建设，预计总投资12亿元。", {("中药材康养小镇建设项目", 12, "灵丘县")}),
    # a list of 总投资X亿元的<name>: each amount opens the name after it (not the one before), and the whole run
    # after its 的 is the name, company and 及 with it; the first named again later, cut at 及, is no new one
    ("4月2日，沁县举行重大项目集中开工仪式，副县长宣布项目开工。开工项目分别是总投资2.5亿元的示例牧业沁县分场"
     "肉牛养殖及饲草加工项目，总投资0.4亿元的沁县示例机械公司农机配件生产线项目，总投资0.6亿元的城区道路改造工程。"
     "仪式结束后，肉牛养殖及饲草加工项目随即开工建设。",
     {("示例牧业沁县分场肉牛养殖及饲草加工项目", 2.5, "沁县"), ("沁县示例机械公司农机配件生产线项目", 0.4, "沁县"),
      ("城区道路改造工程", 0.6, "沁县")}),
    # a series of 与<company>签约<name>项目 clauses after ；: the county of the first goes on; a capacity's digits
    ("5月16日，在太原举行的灵石县招商推介会上，灵石县与示例化工有限公司签约精细化工中间体项目；"
     "与示例能源有限公司签约100兆瓦光伏发电项目；与示例物流有限公司签约冷链仓储中心项目。",
     {("精细化工中间体项目", None, "灵石县"), ("100兆瓦光伏发电项目", None, "灵石县"), ("冷链仓储中心项目", None, "灵石县")}),
    # 签约A和B两个项目: the names, as many as the count says; the total after them is the tally's, not theirs
    ("12月3日，在太原举办的招商座谈会上，孝义市成功签约煤矸石综合利用产业园和特色果蔬冷链物流中心两个项目，总投资达4.6亿元。",
     {("煤矸石综合利用产业园", None, "孝义市"), ("特色果蔬冷链物流中心", None, "孝义市")}),
    # a zone named in its own right that a project settles in (落地X高新区 / 落户X产业新城): the article's city's
    ("6月8日，在太原市重点项目集中签约仪式上，储能电池生产基地项目，总投资30亿元，落地汾东高新区；"
     "智能装备制造项目，总投资12亿元，落户汾北产业新城。",
     {("储能电池生产基地项目", 30, "汾东高新区"), ("智能装备制造项目", 12, "汾北产业新城")}),
    # 以A、B、C等项目为代表: the examples named of a total started or signed, each in the county it opens with
    ("7月2日，晋中市重点项目集中开工仪式举行。此次集中开工的36个项目以榆社县示例化工新材料产业园、和顺县示例冷链物流园、"
     "左权县示例康养小镇建设工程等项目为代表，总投资达到98亿元。",
     {("榆社县示例化工新材料产业园", None, "榆社县"), ("和顺县示例冷链物流园", None, "和顺县"),
      ("左权县示例康养小镇建设工程", None, "左权县")}),
    # a development zone that holds the signing (晋中开发区举行…项目签约仪式) is the project's place
    ("2月23日，山西转型综改示范区晋中开发区举行2018年首批招商引资项目签约仪式，示例建投集团装配式建筑产业化基地项目完成"
     "现场签约。", {("装配式建筑产业化基地项目", None, "晋中开发区")}),
]

NEGATIVES = [
    "本次签约的农业项目6个，工业项目12个，总投资50亿元。",  # kinds counted
    "重点围绕新能源、新材料等领域开展招商，签约金额达80亿元。",  # sectors and a total
    "签约项目18个，签约金额120亿元。",  # a tally
    "今年计划引进项目30个，计划总投资100亿元。",  # a plan
    "示例集团有限公司投资5亿元，与阳高县签约。",  # a company, no project
    "会上发布了文旅康养招商项目20个，总投资60亿元。",  # published, not signed
    "会上发布了古城保护利用项目（总投资10亿元）等一批招商项目。",  # published, not signed
    "6月10日，平遥县重点项目集中签约仪式举行，签约总额30亿元。",  # 项目 in the event's name
    "其中总投资10亿元以上项目5个，均已开工。",  # a size class counted
    "本次簽約的新材料項目有8個，總投資20億元。",  # traditional: a kind counted
    "签约的35个项目总投资180亿元。",  # a tally
    "大同市招商引资项目推介会上，签约项目总投资超100亿元。",  # an event's name, a total
    "2024年开工项目总投资达到300亿元，均已开工。",  # a year's projects
    "示例能源公司签约，计划在临猗县投资5亿元建设一批光伏项目。",  # 一批: not one
    "全县投资亿元以上项目总投资达到80亿元，均已签约。",  # a size class
    "本次签约项目总投资56亿元，涉及新材料、现代农业等领域。",  # a total and sectors
    "和顺县签约风电项目2个，总投资12亿元。",  # a kind counted
    "会上，各县区共签约项目42个，签约金额326亿元，其中平定县签约项目5个，签约金额20亿元。",  # tallies
    # where the project is (位于X园区), with the amount after it, is no project
    "6月3日，集中签约仪式举行。该项目位于左云县示例工业园区，总投资3亿元。",
    # 项目 inside an event's name (…项目攻坚年二季度项目集中开工仪式) is no project
    "4月8日，长治市举行产业转型项目攻坚年二季度项目集中开工仪式，共开工项目80个。",
    "4月8日，吕梁市优化营商项目推进年重大项目集中签约仪式在吕梁举行。",
    # classes in a row (大项目好项目), and what a leader announces (宣布…项目开工) are no project
    "6月3日，集中签约仪式举行。近年来一批大项目好项目签约落地，总投资超百亿元。",
    "6月3日，平遥县集中开工仪式举行，县长宣布全县转型发展项目开工，总投资20亿元。",
    # examples that are fields, not projects' names: none
    "7月2日，晋中市重点项目集中开工仪式举行。此次集中开工的36个项目以新材料、现代物流、文化旅游等项目为代表，总投资98亿元。",
    # names that are fewer than the count (a list cut short, or a class): none
    "12月3日，在太原举办的招商座谈会上，孝义市成功签约煤矸石综合利用产业园和特色果蔬冷链物流中心等五个项目。",
    # a series broken by a full stop does not carry its county on; a figure that is no capacity is no name
    "5月16日，推介会在太原举行。灵石县与示例化工有限公司签约。与示例物流有限公司签约冷链仓储中心项目。",
]


def _projects(text):
    return _listed(extract_text(HEAD + text, "t.md"))


def _listed(facts):
    county = {r.start: facts.nodes[r.end].name for r in facts.rels.values() if r.type == "LOCATED_IN"}
    return [(n.name, n.properties.get("amount_yi"), county.get(n.id))
            for n in facts.nodes.values() if n.label == "Project"]


def _key(name):
    return re.sub(r"项目$", "", fold(name))


def _place(name):
    key = fold(name or "")
    bare = re.sub(r"(市|省|县|区)$", "", key)
    return bare if len(bare) >= 2 else key


def _same(want, got) -> bool:
    (wn, wa, wc), (gn, ga, gc) = want, got
    a, b = _key(wn), _key(gn)
    if not (a == b or (min(len(a), len(b)) >= 4 and (a in b or b in a))):
        return False
    if (wa is None) != (ga is None) or (wa is not None and abs(wa - ga) > max(0.01, 0.005 * wa)):
        return False
    options = wc if isinstance(wc, tuple) else [wc]
    return gc is not None and _place(gc) in {_place(c) for c in options}


def unmatched(text, want):
    """(the expected projects not found, the found ones not expected), matched one to one."""
    got = _projects(text)
    missing = []
    for w in want:
        hit = next((g for g in got if _same(w, g)), None)
        if hit is None:
            missing.append(w)
        else:
            got.remove(hit)
    return missing, got


@pytest.mark.parametrize("text,want", FORMS, ids=[f"form{k:02d}" for k in range(len(FORMS))])
def test_a_form_of_stating_projects(text, want):
    assert unmatched(text, want) == ([], [])


@pytest.mark.parametrize("text", NEGATIVES, ids=[f"none{k:02d}" for k in range(len(NEGATIVES))])
def test_no_project_where_none_is_named(text):
    assert _projects(text) == []


@pytest.mark.parametrize("said", ["县长介绍了全县重点产业链招商项目情况。", "县发改局负责人介绍了省市重点工程项目推进情况。",
                                  "副县长解读了支持民营企业参与重大工程项目的政策。"])
def test_a_class_of_projects_said_at_a_signing_is_none(said):
    assert _projects("6月8日，平遥县招商引资项目集中签约仪式举行。签约仪式上，" + said) == []


def test_the_company_that_invests_in_a_project():
    facts = extract_text(HEAD + "示例新能源有限公司投资12亿元的光伏储能基地项目落户介休市。", "t.md")
    rels = {(r.start, r.end) for r in facts.rels.values() if r.type == "INVESTS_IN"}
    assert rels == {("company:示例新能源有限公司", "project:光伏储能基地项目")}


def test_the_evidence_of_a_project_is_its_name():
    text = HEAD + "河曲县的万亩沙棘种植基地，总投资2亿元，当日签约。"
    facts = extract_text(text, "t.md")
    node = facts.nodes["project:万亩沙棘种植基地"]
    assert [text[a:b] for a, b in node.evidence] == ["万亩沙棘种植基地"]


def test_projects_of_a_county_started_together():
    # the zone that opens one name is that project's place only; the others are the county's, the one
    # article names; 集中开工项目共12个，总投资38.6亿元 is a tally
    got = {(n, a, c, ) for n, a, c in _listed(extract_path(ARTICLES / "projects-started-in-a-county.md"))}
    assert got == {("年产5万吨果汁饮品项目", 6.2, "临猗县"),
                   ("临猗经济技术开发区新型建材产业园项目", 8.0, "临猗经济技术开发区"),
                   ("苹果冷链物流中心项目", 3.5, "临猗县"), ("北辛乡万亩设施农业项目", 2.0, "临猗县")}


def test_projects_of_a_zone_signed_together():
    facts = extract_path(ARTICLES / "projects-signed-in-a-zone.md")
    assert set(_listed(facts)) == {("光电显示模组项目", 10.0, "晋城经济技术开发区"),
                                   ("氢燃料电池电堆项目", 15.0, "晋城经济技术开发区"),
                                   ("智能农机装备项目", 5.0, "晋城经济技术开发区"),
                                   ("煤化工新材料项目", 20.0, "泽州县")}
    stages = {n.properties["stage"] for n in facts.nodes.values() if n.label == "Project"}
    assert stages == {"签约"}


def test_a_table_of_projects_one_a_row():
    # the header's 万元 gives each row's unit; a table of county tallies names no project
    got = set(_listed(extract_path(ARTICLES / "projects-table.md")))
    assert got == {("年产2万吨碳化硅材料项目", 3.5, "孝义市"), ("城乡供水一体化工程", 1.28, "汾阳市"),
                   ("文峪河湿地公园", 0.6, "文水县")}


def test_a_project_that_names_its_own_ceremony_is_one():
    # X项目签约仪式: the ceremony is the project's, which stays a project
    got = _projects("4月8日，示例新能源电池项目签约仪式在太原举行。")
    assert [n for n, _, _ in got] == ["示例新能源电池项目"]


def test_a_project_settling_in_a_county_in_a_later_paragraph_of_a_signing():
    # X项目落地<county>, after the paragraph telling of the one signing: signed there, in that county
    text = "6月3日，代县2024年第二批招商引资项目集中签约。\n继数据中心之后，示例重工集团高端铸造产业园项目落地代县。"
    assert [(n, a, c) for n, a, c in _projects(text)] == [("高端铸造产业园项目", None, "代县")]


def test_a_project_settling_after_a_promotion_or_after_it_settled_is_none():
    # a promotion signs nothing; 落地后 tells what follows, not a signing
    assert _projects("6月3日，代县招商推介会在太原举行。\n示例铸造产业园项目落地代县。") == []
    assert _projects("6月3日，代县2024年第二批招商引资项目集中签约。\n示例铸造产业园项目落地后将带动就业。") == []


def test_a_project_retold_shorter_is_the_same_one_with_its_amount_and_place():
    # X年产N万吨…项目 at the ceremony, then X N万吨…项目 retold with where it is and 该项目总投资
    text = ("3月18日，晋中市举行重点项目集中开工仪式，示例焦化年产300万吨焦化项目等50个项目开工建设。\n"
            "当天开工的示例焦化300万吨焦化项目，位于介休市义安工业园区，是省重点项目。该项目总投资45亿元。")
    got = _projects(text)
    assert len(got) == 1 and got[0][0] == "示例焦化年产300万吨焦化项目" and got[0][1] == 45
    assert _place(got[0][2]) == _place("介休市")


def test_a_project_named_after_another_takes_the_next_sentences_amount_not_the_first():
    # 该项目 is the last one named; a clause naming another project (not where or what it is) stops the first
    text = ("3月18日，晋中市举行重点项目集中开工仪式。当天开工的示例焦化项目，与示例物流园项目同时奠基。"
            "该项目总投资45亿元。")
    assert {n: a for n, a, _ in _projects(text)}.get("示例焦化项目") is None


def test_a_years_share_in_the_next_sentence_is_not_the_projects_amount():
    # 该项目今年计划投资 is this year's part of it, not what the project costs
    got = _projects("6月3日，签约仪式举行。广灵县与示例牧业公司签订的肉牛养殖项目。该项目今年计划投资1.4亿元。")
    assert [(n, a) for n, a, _ in got if n == "肉牛养殖项目"] in ([], [("肉牛养殖项目", None)])


def test_the_set_is_large_enough():
    assert len(FORMS) + len(NEGATIVES) >= 40
