"""Projects named without an amount in a county's or city's signing or start article (issue 15): the kinds of
sentence that name them — what a meeting heard of (会议听取A项目、B项目情况介绍), what an official or a company
presented (介绍了…), what the signed or started projects include (包括 / 涉及 / 有 / 为 / 是), lists before the
verb (A项目、B项目现场签约), names holding 与 / 和 / 及 (稀土与锂资源…项目) or opening with a capacity
(年产5000吨精制木糖项目), and the named examples of a 集中开工 day (其中X项目总投资…). Short paragraphs written
for this test, names invented (示例 marks them); matched as tests/unit/test_extract_project_forms.py matches.

Conventions (benchmarks/devset: annotations.yaml's header, test3.yaml and test4.yaml): a scored project is a
named one signed or started at the occasion the article tells of, with its amount in 亿元 (null when not stated)
and its county (the one its name opens with, its clause names, else the article's one county). A class
(一批项目, 重点项目, 招商项目, 签约项目), a kind counted (工业项目8个), sectors (新材料、新能源等领域),
companies, a capacity or output told as a figure (年产5000吨 / 年产值3亿元) and projects heard of at a meeting
that signs or starts nothing are none."""
from __future__ import annotations

import pytest

from tests.unit.test_extract_project_forms import _projects, unmatched

SIGNING = "3月6日，沁县举行2025年招商引资项目签约仪式。"
STARTING = "5月8日，左权县举行2025年第二季度项目集中开工仪式。"

FORMS = [
    # what the meeting heard of: 会议听取A项目、B项目情况介绍 / 听取了…的情况汇报 / 听取关于…的汇报
    (SIGNING + "会议听取示例钒与钛资源综合利用项目、年产3000吨木糖醇项目情况介绍。",
     {("示例钒与钛资源综合利用项目", None, "沁县"), ("年产3000吨木糖醇项目", None, "沁县")}),
    (SIGNING + "会上，与会人员听取了示例光伏制氢项目和示例冷链物流园项目的情况汇报。",
     {("示例光伏制氢项目", None, "沁县"), ("示例冷链物流园项目", None, "沁县")}),
    (SIGNING + "仪式上听取了关于示例数字经济产业园项目的汇报。", {("示例数字经济产业园项目", None, "沁县")}),
    (STARTING + "会议听取了示例铝材深加工项目、示例污水处理厂提标改造工程建设情况汇报。",
     {("示例铝材深加工项目", None, "左权县"), ("示例污水处理厂提标改造工程", None, "左权县")}),
    ("2月20日，壶关县举行招商引资项目集中签约仪式，签约总额12亿元。会议听取示例太行山旅游度假区项目、"
     "示例羊肚菌种植项目及示例饮用水厂项目情况介绍。",
     {("示例太行山旅游度假区项目", None, "壶关县"), ("示例羊肚菌种植项目", None, "壶关县"),
      ("示例饮用水厂项目", None, "壶关县")}),
    # what an official or the company presented: 介绍了A项目、B项目的基本情况
    (SIGNING + "县发改局负责人介绍了示例生物质热电联产项目、示例中药材加工项目的基本情况。",
     {("示例生物质热电联产项目", None, "沁县"), ("示例中药材加工项目", None, "沁县")}),
    (SIGNING + "签约企业代表介绍了示例碳化硅新材料项目和示例石墨烯导热膜项目。",
     {("示例碳化硅新材料项目", None, "沁县"), ("示例石墨烯导热膜项目", None, "沁县")}),
    (STARTING + "县住建局局长介绍了示例城区集中供热管网改造工程。",
     {("示例城区集中供热管网改造工程", None, "左权县")}),
    # what the signed or started projects include: 包括 / 涉及 / 有 / 为 / 是 / 分别是
    (SIGNING + "此次签约的项目涉及示例氢能重卡项目、示例光伏组件项目等。",
     {("示例氢能重卡项目", None, "沁县"), ("示例光伏组件项目", None, "沁县")}),
    (STARTING + "此次开工的15个项目包括示例农贸市场建设项目、示例乡村道路提升工程等。",
     {("示例农贸市场建设项目", None, "左权县"), ("示例乡村道路提升工程", None, "左权县")}),
    (STARTING + "当天开工的项目有示例煤矸石发电项目、示例陶瓷产业园项目。",
     {("示例煤矸石发电项目", None, "左权县"), ("示例陶瓷产业园项目", None, "左权县")}),
    (STARTING + "集中开工的重点项目为示例智能制造产业园项目、示例物流园项目。",
     {("示例智能制造产业园项目", None, "左权县"), ("示例物流园项目", None, "左权县")}),
    (SIGNING + "签约的三个项目是：示例保健食品项目、示例药材种植项目、示例民宿集群项目。",
     {("示例保健食品项目", None, "沁县"), ("示例药材种植项目", None, "沁县"), ("示例民宿集群项目", None, "沁县")}),
    (STARTING + "此次集中开工的项目共8个，其中包括示例固废综合利用项目和示例铁路专用线工程。",
     {("示例固废综合利用项目", None, "左权县"), ("示例铁路专用线工程", None, "左权县")}),
    (SIGNING + "签约项目主要有示例精细化工项目、示例再生资源回收项目、示例冷链仓储项目。",
     {("示例精细化工项目", None, "沁县"), ("示例再生资源回收项目", None, "沁县"), ("示例冷链仓储项目", None, "沁县")}),
    # names before the verb: A项目、B项目进行了现场签约 / 同时开工 / 在仪式上签约
    (SIGNING + "仪式上，示例风力发电项目、示例分布式光伏项目进行了现场签约。",
     {("示例风力发电项目", None, "沁县"), ("示例分布式光伏项目", None, "沁县")}),
    (STARTING + "示例果品深加工项目和示例气调冷库项目同时开工。",
     {("示例果品深加工项目", None, "左权县"), ("示例气调冷库项目", None, "左权县")}),
    (SIGNING + "示例重卡换电站项目、示例充电桩建设项目在仪式上签约。",
     {("示例重卡换电站项目", None, "沁县"), ("示例充电桩建设项目", None, "沁县")}),
    (SIGNING + "其中，示例黄花菜深加工项目、示例杂粮加工项目由县领导现场签约。",
     {("示例黄花菜深加工项目", None, "沁县"), ("示例杂粮加工项目", None, "沁县")}),
    # names that hold 与 / 和 / 及 (the list splits only after a name's 项目 or 工程)
    (SIGNING + "会上签约了示例煤与煤层气共采项目。", {("示例煤与煤层气共采项目", None, "沁县")}),
    (SIGNING + "签约项目包括示例农业与旅游融合发展项目、示例产学研与孵化基地建设项目。",
     {("示例农业与旅游融合发展项目", None, "沁县"), ("示例产学研与孵化基地建设项目", None, "沁县")}),
    (STARTING + "当天开工的有示例污水收集及处理工程、示例供热管网改造项目。",
     {("示例污水收集及处理工程", None, "左权县"), ("示例供热管网改造项目", None, "左权县")}),
    (SIGNING + "会议听取示例废旧电池和锂资源回收项目、示例医养结合项目情况介绍。",
     {("示例废旧电池和锂资源回收项目", None, "沁县"), ("示例医养结合项目", None, "沁县")}),
    # a capacity opens the name: 年产N吨 / N兆瓦 / NGWh
    (SIGNING + "会上签约了年产10万吨再生铝项目、年产2000吨石墨烯粉体项目。",
     {("年产10万吨再生铝项目", None, "沁县"), ("年产2000吨石墨烯粉体项目", None, "沁县")}),
    (STARTING + "开工的项目包括年产30万吨饲料项目、年产5万吨有机肥项目。",
     {("年产30万吨饲料项目", None, "左权县"), ("年产5万吨有机肥项目", None, "左权县")}),
    (SIGNING + "年产5万吨精制盐项目和年产1万吨酵素项目同时签约。",
     {("年产5万吨精制盐项目", None, "沁县"), ("年产1万吨酵素项目", None, "沁县")}),
    (SIGNING + "会议听取了200兆瓦渔光互补项目、5GWh储能电池项目情况介绍。",
     {("200兆瓦渔光互补项目", None, "沁县"), ("5GWh储能电池项目", None, "沁县")}),
    # a 集中开工 day: its count and total a tally, the named ones (其中X项目总投资…) projects
    (STARTING + "此次开工的15个项目总投资36亿元，其中示例铝镁合金压铸项目总投资5亿元，示例康养小镇项目总投资3亿元。",
     {("示例铝镁合金压铸项目", 5, "左权县"), ("示例康养小镇项目", 3, "左权县")}),
    (STARTING + "开工项目中，示例新型建材项目计划投资2亿元，示例高标准农田项目计划投资1.2亿元。",
     {("示例新型建材项目", 2, "左权县"), ("示例高标准农田项目", 1.2, "左权县")}),
    # the county from the clause or the name, in a city's article
    ("4月2日，长治市举行重点项目集中签约仪式。会上，潞城区签约示例化工新材料项目、示例精密铸件项目。",
     {("示例化工新材料项目", None, "潞城区"), ("示例精密铸件项目", None, "潞城区")}),
    ("4月2日，晋城市举行重点项目集中签约仪式。签约项目包括高平市示例丝绸产业园项目、陵川县示例康养小镇项目。",
     {("高平市示例丝绸产业园项目", None, "高平市"), ("陵川县示例康养小镇项目", None, "陵川县")}),
    ("4月2日，忻州市举行重点项目集中开工仪式。会议听取了定襄县示例法兰锻造项目、原平市示例农产品加工项目的情况汇报。",
     {("定襄县示例法兰锻造项目", None, "定襄县"), ("原平市示例农产品加工项目", None, "原平市")}),
    # the article's one county, named in an earlier paragraph
    ("3月1日，交口县举行招商引资项目签约仪式。\n仪式上，县长介绍了县情和营商环境。\n"
     "会议听取了示例铁矿石精选项目和示例光伏治沙项目情况介绍。",
     {("示例铁矿石精选项目", None, "交口县"), ("示例光伏治沙项目", None, "交口县")}),
    ("3月1日，石楼县举行重点项目集中开工活动。\n县委书记宣布项目开工。\n"
     "此次开工的项目包括示例黄河民宿项目、示例红枣加工项目。",
     {("示例黄河民宿项目", None, "石楼县"), ("示例红枣加工项目", None, "石楼县")}),
    # one name, after 听取 or with the verb
    (SIGNING + "会议听取了示例稀土永磁材料项目情况介绍。", {("示例稀土永磁材料项目", None, "沁县")}),
    (STARTING + "示例抽水蓄能电站项目当天正式开工。", {("示例抽水蓄能电站项目", None, "左权县")}),
    # a semicolon list; a numbered list without amounts
    (SIGNING + "签约项目有：示例精密轴承项目；示例再生纸项目；示例冷链仓储项目。",
     {("示例精密轴承项目", None, "沁县"), ("示例再生纸项目", None, "沁县"), ("示例冷链仓储项目", None, "沁县")}),
    (STARTING + "当天开工的项目有：\n1. 示例农产品交易中心项目\n2. 示例城区污水处理工程",
     {("示例农产品交易中心项目", None, "左权县"), ("示例城区污水处理工程", None, "左权县")}),
    # traditional script
    ("3月6日，沁縣舉行招商引資項目簽約儀式。會議聽取示例稀土永磁項目、年產2000噸木糖醇項目情況介紹。",
     {("示例稀土永磁項目", None, "沁縣"), ("年產2000噸木糖醇項目", None, "沁縣")}),
    ("5月8日，左權縣舉行項目集中開工儀式。此次開工的項目包括示例物流園項目和示例污水處理工程。",
     {("示例物流園項目", None, "左權縣"), ("示例污水處理工程", None, "左權縣")}),
    # an amount told with one of the names
    (SIGNING + "会议听取了示例酒店项目（总投资2亿元）、示例民宿项目情况介绍。",
     {("示例酒店项目", 2, "沁县"), ("示例民宿项目", None, "沁县")}),
    # the agreement signed for a named project (签署了X项目合作协议)
    (SIGNING + "县长与示例集团董事长签署了示例焦炉煤气综合利用项目合作协议。",
     {("示例焦炉煤气综合利用项目", None, "沁县")}),
    # written after the rules, as a check of how general they are (11 of 12 passed at once; the miss was
    # 等4个项目 between the names heard of and 情况介绍)
    (SIGNING + "签约仪式上，县领导分别与企业代表签订了示例煤矸石制砖项目、示例羊绒加工项目投资协议。",
     {("示例煤矸石制砖项目", None, "沁县"), ("示例羊绒加工项目", None, "沁县")}),
    (SIGNING + "会议听取了示例甲项目、示例乙工程、示例丙项目、示例丁项目等4个项目情况介绍。",
     {("示例甲项目", None, "沁县"), ("示例乙工程", None, "沁县"), ("示例丙项目", None, "沁县"), ("示例丁项目", None, "沁县")}),
    (SIGNING + "会上，示例能源公司、示例农业公司分别介绍了示例光热发电项目和示例谷子加工项目。",
     {("示例光热发电项目", None, "沁县"), ("示例谷子加工项目", None, "沁县")}),
    (SIGNING + "签约项目为示例风光储一体化项目。", {("示例风光储一体化项目", None, "沁县")}),
    ("3月6日，沁縣舉行招商引資項目簽約儀式。會議聽取了示例光伏治沙項目和示例肉牛養殖項目的情況匯報。",
     {("示例光伏治沙項目", None, "沁縣"), ("示例肉牛養殖項目", None, "沁縣")}),
    (STARTING + "据悉，此次开工的项目包括示例陶瓷项目、示例城区管网工程等10个项目。",
     {("示例陶瓷项目", None, "左权县"), ("示例城区管网工程", None, "左权县")}),
    (SIGNING + "集中签约的项目有示例冷链物流项目（签约方：示例物流公司）、示例中药饮片项目。",
     {("示例冷链物流项目", None, "沁县"), ("示例中药饮片项目", None, "沁县")}),
    ("4月2日，吕梁市举行重点项目集中开工仪式。其中，孝义市开工了示例铝镁合金项目，汾阳市开工了示例酒文化小镇项目。",
     {("示例铝镁合金项目", None, "孝义市"), ("示例酒文化小镇项目", None, "汾阳市")}),
    (SIGNING + "会议还听取了示例硅材料项目、示例数据中心项目的进展情况。",
     {("示例硅材料项目", None, "沁县"), ("示例数据中心项目", None, "沁县")}),
    (SIGNING + "随后，县长介绍了此次签约的示例碳纤维项目和示例康养基地项目。",
     {("示例碳纤维项目", None, "沁县"), ("示例康养基地项目", None, "沁县")}),
    (SIGNING + "仪式现场，示例光伏玻璃项目与示例智能温室项目进行了集中签约。",
     {("示例光伏玻璃项目", None, "沁县"), ("示例智能温室项目", None, "沁县")}),
    (STARTING + "当天开工的项目有示例年产50万吨水泥粉磨项目、示例供水工程。",
     {("示例年产50万吨水泥粉磨项目", None, "左权县"), ("示例供水工程", None, "左权县")}),
    # after a head that says 项目 (项目包括 / 项目有), names ending in 园 / 厂 / 中心 / 小镇 / 基地; a 项目 inside a
    # name followed by more of it (…园区道路项目) is no end
    (STARTING + "此次开工的项目包括示例物流园、示例污水处理厂和示例康养小镇。",
     {("示例物流园", None, "左权县"), ("示例污水处理厂", None, "左权县"), ("示例康养小镇", None, "左权县")}),
    (SIGNING + "签约项目有示例数据中心、示例新材料产业园。",
     {("示例数据中心", None, "沁县"), ("示例新材料产业园", None, "沁县")}),
    (SIGNING + "签约项目有示例园区道路项目和示例中药材种植基地。",
     {("示例园区道路项目", None, "沁县"), ("示例中药材种植基地", None, "沁县")}),
    (SIGNING + "签约项目有示例园区道路项目和示例高碱棉项目生产线改造项目。",
     {("示例园区道路项目", None, "沁县"), ("示例高碱棉项目生产线改造项目", None, "沁县")}),
]

NEGATIVES = [
    # classes heard of or presented
    SIGNING + "会议听取了全县重点项目推进情况汇报。",
    SIGNING + "会上介绍了招商项目、签约项目情况。",
    SIGNING + "会议听取了重大项目和招商项目情况介绍。",
    SIGNING + "会议听取了项目建设情况汇报。",
    SIGNING + "县长介绍了县情和重点招商项目。",
    SIGNING + "县长介绍了营商环境和项目建设情况。",
    SIGNING + "企业代表介绍了公司的发展历程和投资项目。",
    # 一批, kinds counted, sectors
    SIGNING + "此次签约的项目包括一批新能源项目和一批农业项目。",
    SIGNING + "签约项目涉及新材料、新能源、现代农业等领域。",
    SIGNING + "签约项目包括新能源项目3个、农业项目2个。",
    STARTING + "此次开工的15个项目包括工业项目8个、基础设施项目7个。",
    STARTING + "当天开工的项目有15个，总投资36亿元。",
    SIGNING + "此次签约的重点项目、招商项目均已落地。",
    SIGNING + "项目涉及新材料与新能源两个领域。",
    # companies, not projects
    SIGNING + "签约企业有示例能源有限公司、示例化工有限公司。",
    # a capacity or output told as a figure, not a name
    SIGNING + "项目建成后可年产5000吨精制木糖，年产值3亿元。",
    SIGNING + "该企业年产5000吨，年产值达5亿元。",
    STARTING + "项目达产后年产各类饲料30万吨，实现年销售收入6亿元。",
    # projects heard of at a meeting that signs or starts nothing
    "3月6日，沁县招商引资工作座谈会召开。会议听取了示例煤层气项目、示例光伏项目推进情况汇报。",
    "3月6日，沁县县委常委会召开。会议听取了示例物流园项目和示例康养项目的情况汇报。",
    # planned or past projects in a signing article are not signed there
    SIGNING + "下一步将谋划储备一批物流园项目。",
    SIGNING + "先后引进了太行山示例酒厂、示例豆制品厂等企业。",
    # written after the rules (8 of 10 passed at once; the misses were sectors' projects, 基础设施项目)
    SIGNING + "会议听取了各乡镇项目建设情况汇报。",
    SIGNING + "县长介绍了全县招商引资和项目建设工作。",
    STARTING + "开工项目包括工业项目、基础设施项目和民生项目。",
    STARTING + "开工项目包括基础设施项目和社会事业项目。",
    SIGNING + "签约的项目有的已经开工。",
    STARTING + "当天开工的项目有力拉动了投资。",
    SIGNING + "会议听取了沁县2024年项目建设情况汇报。",
    SIGNING + "县长介绍了重点推介项目和招商引资政策。",
    "3月6日，沁县招商推介会在太原举行。会议听取了示例光伏项目、示例物流项目情况介绍。",
    SIGNING + "会上介绍了储备项目和在建项目情况。",
    SIGNING + "签约项目涉及示例物流园区和示例康养中心等领域。",
    STARTING + "开工项目包括示例产业园基础设施和配套工程等内容。",
]


@pytest.mark.parametrize("text,want", FORMS, ids=[f"kind{k:02d}" for k in range(len(FORMS))])
def test_a_kind_of_sentence_naming_projects(text, want):
    assert unmatched(text, want) == ([], [])


@pytest.mark.parametrize("text", NEGATIVES, ids=[f"nokind{k:02d}" for k in range(len(NEGATIVES))])
def test_no_project_where_a_kind_of_sentence_names_none(text):
    assert _projects(text) == []


def test_the_table_is_large_enough():
    assert len(FORMS) >= 40 and len(NEGATIVES) >= 20
