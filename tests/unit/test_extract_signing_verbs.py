"""Signed tallies told by the verbs of a contract (issue 15), beyond test_extract_signed_forms*.py: 签订 / 签署 /
达成 before the projects or agreements and their count (双方签订合作项目6个 / 现场签署投资项目12项 / 达成合作协议7个),
in either script, with 会上 / 会后 / 活动中 / 双方 / 现场 before them; the projects' count over the companies'
(与3家企业签约项目4个 is 4; 与京津冀地区12家企业签约 / 与12家企业签订合作协议 is 12 where no count of projects or
agreements follows); 正式 / 当场 between the count and 签约; 总额 / 引进资金 as the amount's word, 达到了 / 约合 as
its verb; a Chinese-numeral fraction (三十五点六亿元) and 亿 with 万 (86亿5000万元); a signing held during the event
told before (大会期间，举行了…签约仪式) as that event's; a trip's total over its events' own (此次…之行). Not
tallies: an intention reached (达成合作意向项目4个 / 达成投资意向, the sets' convention), a plan or a target
(拟签订 / 计划签订 / 力争 / 全年目标：签订…), months (12个月内), a signing before the occasion (此前，…). Short
articles written for this test with invented names; each gives the (count, amount in 亿元) of every Event or
Campaign that holds a tally."""
from __future__ import annotations

import pytest

from tests.unit.test_extract_signed_forms import tallies

EVENT = "6月16日上午，吕梁市在离石区召开甬晋合作项目对接会。"  # a dated event in a city, for the sentences told at it
HELD = "6月16日上午，吕梁市在离石区召开甬晋合作项目对接会，"  # the same, its tally in the same sentence

FIRES = [
    # 签订 / 签署 + (合作 / 投资 / 招商) 项目 + count, with or without 双方 / 现场 / 会上 before
    (EVENT + "会上，双方签订合作项目6个，总投资18.6亿元。", [(6, 18.6)]),
    (HELD + "现场签订合作项目6个，总投资18.6亿元。", [(6, 18.6)]),
    (EVENT + "会上，双方共签订合作项目6个，签约金额18.6亿元。", [(6, 18.6)]),
    (EVENT + "会后，双方签订合作项目6个，总投资18.6亿元。", [(6, 18.6)]),
    (EVENT + "活动中，双方签订合作项目6个，总投资18.6亿元。", [(6, 18.6)]),
    (EVENT + "会上，双方签订项目6个，总投资18.6亿元。", [(6, 18.6)]),
    (HELD + "现场签订招商项目6个，总投资18.6亿元。", [(6, 18.6)]),
    (HELD + "现场签订招商引资项目6个，总投资18.6亿元。", [(6, 18.6)]),
    (HELD + "现场签署投资项目6项，总投资18.6亿元。", [(6, 18.6)]),
    (HELD + "双方签署了合作项目6个，协议金额18.6亿元。", [(6, 18.6)]),
    (HELD + "现场签订合作项目六个，总投资十八亿元。", [(6, 18.0)]),
    (HELD + "现场签订合作项目６个，总投资１８．６亿元。", [(6, 18.6)]),
    (HELD + "现场签订合作项目6个，总投资18600万元。", [(6, 1.86)]),
    (EVENT + "会上，吕梁市与宁波企业签订合作项目6宗，总投资18.6亿元。", [(6, 18.6)]),
    ("6月10日，運城市經貿合作洽談會在深圳市福田區舉行。會上，運城市與深圳企業現場簽訂合作項目12個，總投資達47.3億元。",
     [(12, 47.3)]),
    ("6月10日，運城市經貿合作洽談會在深圳舉行，雙方簽署投資項目12項，總金額47.3億元。", [(12, 47.3)]),
    # the relatives already told, kept: 签约合作项目N个 / N个项目成功签约 / 共签约N个项目 / 签订了N个合作项目
    (HELD + "会上签约合作项目6个，总投资18.6亿元。", [(6, 18.6)]),
    (HELD + "6个项目成功签约，总投资18.6亿元。", [(6, 18.6)]),
    (HELD + "共签约6个项目，总投资18.6亿元。", [(6, 18.6)]),
    (EVENT + "会上，双方签订了6个合作项目，总投资18.6亿元。", [(6, 18.6)]),
    (EVENT + "会上，签订合作项目协议6个，总投资18.6亿元。", [(6, 18.6)]),
    # 达成 an agreement or a contract (not an intention): 达成合作协议N个 / 达成合同或意向项目N项
    (HELD + "达成合作协议7个，协议金额15.2亿元。", [(7, 15.2)]),
    ("7月12日，忻州市文旅康养产业推介会在天津举行。活动中，忻州市与天津企业达成合作协议7个，协议金额15.2亿元。",
     [(7, 15.2)]),
    (HELD + "达成协议项目7个，总投资15.2亿元。", [(7, 15.2)]),
    (HELD + "初步达成合同或意向项目18项，总投资170.5亿元。", [(18, 170.5)]),
    # the projects' count over the companies' (与N家企业签约项目M个), and companies counted where no projects are
    ("11月6日，灵石县招商推介会在上海举行，灵石县与3家企业签约项目4个，总投资12.6亿元。", [(4, 12.6)]),
    ("10月18日，大同市文化旅游招商推介会在北京举办。推介会期间，大同市共与18家企业签约项目21个，签约总金额达到156.8亿元。",
     [(21, 156.8)]),
    (HELD + "吕梁市与5家企业签约了6个项目，总投资18.6亿元。", [(6, 18.6)]),
    (HELD + "5家企业现场签约项目6个，总投资18.6亿元。", [(6, 18.6)]),
    (HELD + "吕梁市与20家企业正式签约，总投资101亿元。", [(20, 101.0)]),
    ("10月30日，长治市与京津冀企业对接会在北京举行。对接会上，长治市与京津冀地区12家企业签约，签约项目总投资达68亿元。",
     [(12, 68.0)]),
    (HELD + "吕梁市与长三角地区8家企业签约，总投资18.6亿元。", [(8, 18.6)]),
    # companies counted where each signed an agreement (与N家企业签订合作协议 / N家企业代表…签订了…协议); 引进资金
    (HELD + "吕梁市与12家企业签订合作协议，协议总投资86.5亿元。", [(12, 86.5)]),
    (HELD + "现场，12家企业代表与吕梁市签订了投资合作协议，总投资86.5亿元。", [(12, 86.5)]),
    (HELD + "吕梁市与12家企业签订合作协议5份，协议总投资86.5亿元。", [(5, 86.5)]),
    (HELD + "现场签约项目12个，引进资金86.5亿元。", [(12, 86.5)]),
    # a signing ceremony held during the event told before (大会期间，举行了…签约仪式): the event's tally, not a
    # part told after it (我会会员企业签约项目3个)
    ("10月9日至10日，2023晋商大会在太原举行。\n\n大会期间，举行了项目集中签约仪式，共签约项目86个，总投资1120.5亿元。"
     "我会会员企业签约项目3个，投资额8.6亿元。", [(86, 1120.5)]),
    ("10月9日至10日，2023晉商大會在太原舉行。\n\n大會期間，舉行了項目集中簽約儀式，共簽約項目86個，總投資1120.5億元。",
     [(86, 1120.5)]),
    ("9月24日，第六届示例能源博览会在太原开幕。\n\n本届博览会期间，举行了重点项目签约仪式，签约项目31个，签约金额286亿元。",
     [(31, 286.0)]),
    # a tally during a fair, at a county's promotion there: the fair's (not an undated promotion of its own)
    ("10月14日，在广州举行的第十九届中国国际中小企业博览会上，河津市组织了专场招商推介活动，现场签约项目4个，总投资额为9.8亿元。",
     [(4, 9.8)]),
    # a trip's total over its events' own tallies (此次…之行 / 此行): kept, on the article's occasion
    ("4月12日上午，晋城（上海）投资推介会在上海举行，签约项目15个，总投资112亿元。\n\n"
     "4月13日，晋城（杭州）产业合作恳谈会在杭州召开，双方签订合作项目8个，总投资46.3亿元。\n\n"
     "此次长三角之行，晋城市共签约项目23个，总投资158.3亿元。", [(8, 46.3), (15, 112.0), (23, 158.3)]),
    # 正式 / 当场 / 集体 between the count and 签约; 总额 as the amount's word; a Chinese-numeral fraction
    (HELD + "12个项目正式签约，总投资达35亿元。", [(12, 35.0)]),
    (HELD + "12个重点项目当场签约，总投资达35亿元。", [(12, 35.0)]),
    (HELD + "12个项目集体签约，总投资达35亿元。", [(12, 35.0)]),
    (HELD + "签约项目12个，总额35亿元。", [(12, 35.0)]),
    (HELD + "签约项目数量达12个，总投资35亿元。", [(12, 35.0)]),
    (HELD + "签约项目合计12个，总投资35亿元。", [(12, 35.0)]),
    (HELD + "12个项目签约，总投资三十五点六亿元。", [(12, 35.6)]),
    (HELD + "签约项目十二个，签约金额一百零八点五亿元。", [(12, 108.5)]),
    # 亿 and 万 together, one amount (86亿5000万元 / 八十六億五千萬元)
    (HELD + "现场签约项目12个，总投资86亿5000万元。", [(12, 86.5)]),
    ("7月12日，忻州市文旅康養產業推介會在天津舉行。會上，雙方簽約合作項目十二個，總投資八十六億五千萬元。", [(12, 86.5)]),
    (HELD + "现场签约项目12个，总投资1亿2000万。", [(12, 1.2)]),
    # the amount's verb with 了, or about as converted (约合)
    (HELD + "现场签约项目12个，总投资达到了120亿元。", [(12, 120.0)]),
    (HELD + "现场签约项目12个，总投资约合120亿元。", [(12, 120.0)]),
    (HELD + "现场签约项目12个，签约总额突破了120亿元。", [(12, 120.0)]),
]

NONE = [
    # an intention reached is no signing (the sets' convention); a plan to sign, a signing to come
    (HELD + "现场达成合作意向项目4个，意向投资额6.5亿元。", []),
    (HELD + "达成合作意向6个，意向投资18.6亿元。", []),
    (HELD + "达成合作意向协议6个。", []),
    (HELD + "双方计划签订合作项目6个。", []),
    (HELD + "双方拟签订合作项目6个，总投资18.6亿元。", []),
    (HELD + "力争签订合作项目6个。", []),
    (EVENT + "吕梁市全年目标：签订合作项目60个，总投资186亿元。", []),
    # signing without a count; a count of companies that only attended; numbers that are no tally
    (EVENT + "会上，双方签订了战略合作协议。", []),
    (EVENT + "会上，12家企业参加对接，双方签订了战略合作协议。", []),
    (EVENT + "会上，双方签订合作协议，约定十点前完成对接。", []),
    (EVENT + "重点签约项目将于下月开工。", []),
    (EVENT + "12家企业参加对接，吕梁市与示例集团签订合作协议。", []),
    # a chamber's agreements of membership, service or pairing with companies: no investment signed
    (EVENT + "会上，商会与12家会员企业签订了服务协议。", []),
    (EVENT + "会后，商会与15家企业签订入会协议。", []),
    (EVENT + "会上，吕梁市与8家企业签订结对帮扶协议。", []),
    # months, not projects; what was signed before the occasion
    (EVENT + "双方签订的合作项目12个月内开工建设。", []),
    (EVENT + "签约项目12个月内开工建设。", []),
    (EVENT + "此前，双方已签订合作项目3个。", []),
]


@pytest.mark.parametrize("body, expected", FIRES + NONE)
def test_a_signing_verb_gives_its_tally(body, expected):
    assert tallies(body) == expected


def test_the_tables_hold_enough_forms():
    assert len(FIRES) >= 35 and len(NONE) >= 10
