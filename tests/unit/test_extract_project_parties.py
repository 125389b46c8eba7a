"""Projects with the company that invests in them, their county, amount and signing, as a probe of city
and county news found them missed (issue 15): the company right before the project's name (X有限公司Y项目 /
X公司的Y项目), a party to the signing (X公司与Y县签约Z项目 / Y县与X公司签订… / X公司与Y县签约，投资…建设Z项目),
the builder told after it (…，由X公司投资建设), lists paired in order (甲公司、乙公司分别与A县、B县签约P项目、Q项目，
投资额分别为…), a project a line with its cells apart by spaces (公司 县 项目 金额), 投资金额, and a company
not opened by the words before it (其中 / 包括 / 的是). Short texts written for this test, names invented.

Conventions decided here: a company is an investor only where the sentence ties it to that one project; two
companies before one 签约 (甲公司、乙公司分别与…) tie none by that rule; a line is a project only with its name,
its amount with the unit, and its county or company."""
from __future__ import annotations

from datetime import date

import pytest

from loaders.articles import extract_text
from loaders.text import fold

HEAD = "---\ndate: 2024-05-10\npublisher: 示例日报\n---\n5月9日，晋城市签约仪式举行。"


def told(text):
    """{(project, amount in 亿元, county, (investing companies…), at the event)} as folded names."""
    f = extract_text(HEAD + text, "t.md")
    n = f.nodes
    county = {r.start: n[r.end].name for r in f.rels.values() if r.type == "LOCATED_IN"}
    firms: dict = {}
    for r in f.rels.values():
        if r.type == "INVESTS_IN":
            firms.setdefault(r.end, set()).add(fold(n[r.start].name))
    signed = {r.end for r in f.rels.values() if r.type == "SIGNED"}
    return {(fold(p.name), p.properties.get("amount_yi"), county.get(k), tuple(sorted(firms.get(k, ()))), k in signed)
            for k, p in n.items() if p.label == "Project"}


HR, TC = "苏州恒瑞光电有限公司", "苏州天成机械有限公司"

FORMS = [
    # a party to the signing, either way round
    ("深圳华创能源有限公司与云冈区签约储能电站项目，总投资15亿元。",
     {("储能电站项目", 15.0, "云冈区", ("深圳华创能源有限公司",), True)}),
    ("广灵县与深圳博远科技有限公司签约智能制造基地项目，总投资9.8亿元。",
     {("智能制造基地项目", 9.8, "广灵县", ("深圳博远科技有限公司",), True)}),
    ("上海晋鑫实业有限公司与潞城区签约高端装备制造项目，投资金额3.5亿元。",
     {("高端装备制造项目", 3.5, "潞城区", ("上海晋鑫实业有限公司",), True)}),
    ("北京京晋能源有限公司与原平市签订光储一体化项目投资协议，项目总投资5亿元。",
     {("光储一体化项目", 5.0, "原平市", ("北京京晋能源有限公司",), True)}),
    ("原平市与北京京晋能源有限公司签订了总投资5亿元的光储一体化项目。",
     {("光储一体化项目", 5.0, "原平市", ("北京京晋能源有限公司",), True)}),
    (f"{HR}与高平市签约，投资8.6亿元建设光伏组件项目。", {("光伏组件项目", 8.6, "高平市", (HR,), True)}),
    (f"{HR}董事长王强与高平市市长李明分别代表双方签约光伏组件项目，总投资8.6亿元。",
     {("光伏组件项目", 8.6, "高平市", (HR,), True)}),
    ("蘇州恆瑞光電有限公司與高平市簽約光伏組件項目，總投資8.6億元。", {("光伏组件项目", 8.6, "高平市", (HR,), True)}),
    (f"{HR}与高平市就光伏组件项目正式签约，项目总投资8.6亿元。", {("光伏组件项目", 8.6, "高平市", (HR,), True)}),
    (f"现场，{HR}与高平市签订了投资协议，将投资8.6亿元建设光伏组件项目。", {("光伏组件项目", 8.6, "高平市", (HR,), True)}),
    (f"签约的项目有：{HR}与高平市签约的光伏组件项目，总投资8.6亿元；{TC}与泽州县签约的精密铸造项目，总投资6亿元。",
     {("光伏组件项目", 8.6, "高平市", (HR,), True), ("精密铸造项目", 6.0, "泽州县", (TC,), True)}),
    # the company right before the name, or 的 between
    (f"签约项目分别是：{HR}光伏组件项目，投资8.6亿元，落户高平市；{TC}精密铸造项目，投资6亿元，落户泽州县。",
     {("光伏组件项目", 8.6, "高平市", (HR,), True), ("精密铸造项目", 6.0, "泽州县", (TC,), True)}),
    (f"{HR}的光伏组件项目落户高平市，总投资8.6亿元。", {("光伏组件项目", 8.6, "高平市", (HR,), True)}),
    (f"签约项目如下：\n高平市：{HR}光伏组件项目，总投资8.6亿元；\n泽州县：{TC}精密铸造项目，总投资6亿元。",
     {("光伏组件项目", 8.6, "高平市", (HR,), True), ("精密铸造项目", 6.0, "泽州县", (TC,), True)}),
    # the builder after the name
    ("高平市光伏组件项目，总投资8.6亿元，由苏州恒瑞光电有限公司投资建设。",
     {("高平市光伏组件项目", 8.6, "高平市", (HR,), True)}),
    # words before a company are not its name
    (f"共签约项目3个，其中{HR}投资8亿元的光伏组件项目落户高平市。", {("光伏组件项目", 8.0, "高平市", (HR,), True)}),
    (f"签约项目中，投资最大的是{HR}在高平市投资建设的光伏组件项目，总投资8.6亿元。",
     {("光伏组件项目", 8.6, "高平市", (HR,), True)}),
    (f"签约项目包括{HR}投资5亿元的高平市光伏组件项目、{TC}投资8000万元的泽州县精密铸造项目。",
     {("高平市光伏组件项目", 5.0, "高平市", (HR,), True), ("泽州县精密铸造项目", 0.8, "泽州县", (TC,), True)}),
    (f"{HR}计划投资8.6亿元在高平市建设光伏组件项目。", {("光伏组件项目", 8.6, "高平市", (HR,), True)}),
    (f"{HR}投资8.6亿元，在高平市建设光伏组件项目。", {("光伏组件项目", 8.6, "高平市", (HR,), True)}),
    ("沁源县花坡景区提质升级项目，总投资1.5亿元，由山西花坡文旅开发有限公司负责实施。",
     {("沁源县花坡景区提质升级项目", 1.5, "沁源县", ("山西花坡文旅开发有限公司",), True)}),
    ("高平市光伏组件项目由苏州恒瑞光电有限公司投资8.6亿元建设。", {("高平市光伏组件项目", 8.6, "高平市", (HR,), True)}),
    (f"签约项目中，投资额最大的为{HR}投资的光伏组件项目，落户高平市。", {("光伏组件项目", None, "高平市", (HR,), True)}),
    (f"会上签约的高平市光伏组件项目总投资8.6亿元，投资方为{HR}。", {("高平市光伏组件项目", 8.6, "高平市", (HR,), True)}),
    # who invests and how much in brackets after each name
    (f"签约项目：高平市光伏组件项目（{HR}，8.6亿元）、泽州县精密铸造项目（{TC}，6亿元）。",
     {("高平市光伏组件项目", 8.6, "高平市", (HR,), True), ("泽州县精密铸造项目", 6.0, "泽州县", (TC,), True)}),
    # lists paired in order
    (f"会上，{HR}光伏组件项目、{TC}精密铸造项目分别落户高平市、泽州县，投资额分别为8.6亿元、6亿元。",
     {("光伏组件项目", 8.6, "高平市", (HR,), True), ("精密铸造项目", 6.0, "泽州县", (TC,), True)}),
    (f"{HR}、{TC}分别与高平市、泽州县签约光伏组件项目、精密铸造项目，投资额分别为8.6亿元、6亿元。",
     {("光伏组件项目", 8.6, "高平市", (HR,), True), ("精密铸造项目", 6.0, "泽州县", (TC,), True)}),
    (f"高平市、泽州县分别与{HR}、{TC}签约光伏组件项目和精密铸造项目，投资额分别为5亿元和8000万元。",
     {("光伏组件项目", 5.0, "高平市", (HR,), True), ("精密铸造项目", 0.8, "泽州县", (TC,), True)}),
    (f"高平市、泽州县分别与{HR}签约光伏组件项目和精密铸造项目。",
     {("光伏组件项目", None, "高平市", (HR,), True), ("精密铸造项目", None, "泽州县", (HR,), True)}),
    ("高平市光伏组件项目、泽州县精密铸造项目分别签约，总投资分别为8.6亿元、6亿元。",
     {("高平市光伏组件项目", 8.6, "高平市", (), True), ("泽州县精密铸造项目", 6.0, "泽州县", (), True)}),
    # a project a line, cells apart by spaces, in any order
    (f"现场签约项目2个，其中：\n{HR} 高平市 光伏组件项目 8.6亿元\n{TC} 泽州县 精密铸造项目 6000万元",
     {("光伏组件项目", 8.6, "高平市", (HR,), True), ("精密铸造项目", 0.6, "泽州县", (TC,), True)}),
    ("\n1. 高平市 光伏组件项目 总投资8.6亿元\n2. 泽州县 冷链物流园项目 总投资6亿元",
     {("光伏组件项目", 8.6, "高平市", (), True), ("冷链物流园项目", 6.0, "泽州县", (), True)}),
    # a table with a header: cells apart by tabs, bars or two spaces, its 序号 and investor's columns
    (f"签约项目一览：\n序号\t项目名称\t投资企业\t建设地点\t总投资（亿元）\n1\t光伏组件项目\t{HR}\t高平市\t8.6\n"
     f"2\t精密铸造项目\t{TC}\t泽州县\t6",
     {("光伏组件项目", 8.6, "高平市", (HR,), True), ("精密铸造项目", 6.0, "泽州县", (TC,), True)}),
    (f"签约项目一览：\n| 序号 | 项目名称 | 投资企业 | 建设地点 | 总投资（亿元） |\n|---|---|---|---|---|\n"
     f"| 1 | 光伏组件项目 | {HR} | 高平市 | 8.6 |\n| 2 | 精密铸造项目 | {TC} | 泽州县 | 6 |",
     {("光伏组件项目", 8.6, "高平市", (HR,), True), ("精密铸造项目", 6.0, "泽州县", (TC,), True)}),
    (f"\n序号  项目名称  投资企业  建设地点  总投资（万元）\n1  光伏组件项目  {HR}  高平市  86000\n"
     f"2  精密铸造项目  {TC}  泽州县  6000",
     {("光伏组件项目", 8.6, "高平市", (HR,), True), ("精密铸造项目", 0.6, "泽州县", (TC,), True)}),
]

NEGATIVES = [
    "高平市、泽州县分别与客商代表签约。",  # no project named
    "\n工业项目 8个 30亿元\n农业项目 3个 5亿元",  # classes counted, not projects
    "\n出席嘉宾 王立新 李红 赵德胜\n签约地点 高平市 会议中心",  # a line of cells, no project
    "\n光伏组件项目 介绍 高平市",  # no amount on the line
    "签约的12个项目分别落户高平市、泽州县和阳城县。",  # no names to pair
]


@pytest.mark.parametrize("text,want", FORMS, ids=[f"form{k:02d}" for k in range(len(FORMS))])
def test_a_project_with_its_company_county_and_amount(text, want):
    assert told(text) == want


@pytest.mark.parametrize("text", NEGATIVES)
def test_no_project_from_these(text):
    assert told(text) == set()


def test_two_companies_before_one_signing_tie_neither_to_a_project_by_the_party_rule():
    got = told(f"{HR}、{TC}与高平市签约光伏组件项目，总投资8.6亿元。")
    assert got == {("光伏组件项目", 8.6, "高平市", (), True)}


def test_a_table_without_a_place_column_is_in_the_articles_one_county_and_signed_on_its_events_day():
    text = ("---\ndate: 2024-06-20\npublisher: 孝义市人民政府\n---\n6月18日，孝义市重点项目签约仪式举行。\n签约项目一览：\n"
            "序号  项目名称  投资企业  总投资（亿元）\n1  年产10万吨铝合金型材项目  山西华鑫铝业有限公司  12\n")
    f = extract_text(text, "t.md")
    (project,) = [n for n in f.nodes.values() if n.label == "Project"]
    assert (project.name, project.properties) == ("年产10万吨铝合金型材项目",
                                                  {"stage": "签约", "amount_yi": 12.0, "signed_on": date(2024, 6, 18)})
    assert {(r.type, f.nodes[r.start].name, f.nodes[r.end].name) for r in f.rels.values()
            if project.id in (r.start, r.end)} == {
        ("LOCATED_IN", project.name, "孝义市"), ("INVESTS_IN", "山西华鑫铝业有限公司", project.name),
        ("SIGNED", "孝义市重点项目签约仪式", project.name)}


def test_a_list_of_started_projects_is_started_not_signed():
    text = ("---\ndate: 2024-05-10\npublisher: 示例日报\n---\n5月9日，高平市重点项目集中开工仪式举行。开工项目分别是："
            f"{HR}光伏组件项目，总投资8.6亿元；{TC}精密铸造项目，总投资6000万元。")
    f = extract_text(text, "t.md")
    assert {(p.name, p.properties["stage"], p.properties["amount_yi"]) for p in f.nodes.values() if p.label == "Project"} == {
        ("光伏组件项目", "开工", 8.6), ("精密铸造项目", "开工", 0.6)}
    assert not [r for r in f.rels.values() if r.type == "SIGNED"]
