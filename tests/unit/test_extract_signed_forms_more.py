"""More ways Chinese news states a signing tally (issue 15), beyond test_extract_signed_forms.py: the
amount's many names (签约金额 / 总金额 / 涉及资金 / 协议投资额 / 合同金额 …) joined by 、 or ，, 万元 and
decimal or full-width 亿元 figures, counts before or after 项目, online and video signings, campaign totals
with their targets (累计 …, 完成年度目标的X%), and statements that are no tally: targets and plans, intents
not signed, last year's figures (去年同期), growth rates, a single project's amount, another currency,
population and area. Short articles written for this test (invented where it matters); each gives the
(count, amount in 亿元) of every Event or Campaign that holds a tally, as test_extract_signed_forms.tallies."""
from __future__ import annotations

import pytest

from tests.unit.test_extract_signed_forms import tallies

EVENT = "6月8日，晋城市招商推介会在深圳举行。"  # a dated event in a city, for the sentences told at it

FIRES = [
    # the amount's names, after a count joined by 、 or ，
    (EVENT + "现场签约项目15个、签约金额62.8亿元。", [(15, 62.8)]),
    (EVENT + "共签约15个项目，总金额62.8亿元。", [(15, 62.8)]),
    (EVENT + "共签约项目15个，涉及资金62.8亿元。", [(15, 62.8)]),
    (EVENT + "签约项目15个，协议投资额62.8亿元。", [(15, 62.8)]),
    (EVENT + "签约项目15个，协议投资总额62.8亿元。", [(15, 62.8)]),
    (EVENT + "共签约15个项目，签约总额达62.8亿元。", [(15, 62.8)]),
    (EVENT + "共签订投资合作协议15个，协议总金额62.8亿元。", [(15, 62.8)]),
    (EVENT + "签约项目15个，签约总投资62.8亿元。", [(15, 62.8)]),
    (EVENT + "签约项目15个，计划投资62.8亿元。", [(15, 62.8)]),
    (EVENT + "现场签约项目15个，合同金额62.8亿元。", [(15, 62.8)]),
    (EVENT + "现场签约15个项目，总投资额达62.8亿元。", [(15, 62.8)]),
    (EVENT + "集中签约项目15个，投资总额62.8亿元。", [(15, 62.8)]),
    (EVENT + "现场共签约合作项目15个，总金额达62.8亿元。", [(15, 62.8)]),
    (EVENT + "签约项目15个，总投资62.8亿元人民币。", [(15, 62.8)]),
    (EVENT + "签约项目15个，签约资金62.8亿元。", [(15, 62.8)]),
    # 万元, decimals, full-width digits, about / over, numerals written out
    (EVENT + "现场签约项目8个，签约金额8600万元。", [(8, 0.86)]),
    (EVENT + "签约项目8个，签约资金18600万元。", [(8, 1.86)]),
    (EVENT + "签约项目１５个，总投资１２．５亿元。", [(15, 12.5)]),
    (EVENT + "签约项目15个，总投资62.85亿元。", [(15, 62.85)]),
    (EVENT + "签约项目15个，总投资约62亿元。", [(15, 62.0)]),
    (EVENT + "签约项目15个，总投资超62亿元。", [(15, 62.0)]),
    (EVENT + "签约项目十五个，总投资六十二亿元。", [(15, 62.0)]),
    # the count after its projects: 共有N个项目签约 / N个项目现场签约 / 集中签约了N个项目 / 签约落地
    (EVENT + "共有15个项目签约，总投资62.8亿元。", [(15, 62.8)]),
    (EVENT + "15个项目现场签约，总投资62.8亿元。", [(15, 62.8)]),
    (EVENT + "会上，15个项目集中签约，签约总金额62.8亿元。", [(15, 62.8)]),
    (EVENT + "会上集中签约了15个项目，总投资62.8亿元。", [(15, 62.8)]),
    (EVENT + "签约仪式上，15个项目成功签约，协议引资62.8亿元。", [(15, 62.8)]),
    (EVENT + "推介会上共签约15个项目，签约总额62.8亿元。", [(15, 62.8)]),
    (EVENT + "15个项目签约落地，总投资62.8亿元。", [(15, 62.8)]),
    # the parts and what the projects will yield are no total of their own
    (EVENT + "签约项目15个，总投资62.8亿元，其中亿元以上项目10个。", [(15, 62.8)]),
    (EVENT + "共签约项目15个（含合同项目9个、协议项目6个），总投资62.8亿元。", [(15, 62.8)]),
    (EVENT + "签约项目15个，总投资额62.8亿元，预计年产值120亿元。", [(15, 62.8)]),
    # online, video and ceremony signings with their tally in the same sentence
    ("6月8日，晋城市重点项目云签约仪式在太原举行，15个项目通过视频连线签约，总投资62.8亿元。", [(15, 62.8)]),
    ("6月8日，长治市举行招商引资项目线上签约活动，共签约项目15个，总投资62.8亿元。", [(15, 62.8)]),
    ("6月8日，晋城市招商引资项目集中签约仪式在晋城举行，现场签约项目15个、签约金额62.8亿元。", [(15, 62.8)]),
    # traditional script
    ("6月8日，晉城市招商推介會在深圳舉行，現場簽約項目15個、簽約金額62.8億元。", [(15, 62.8)]),
    ("6月8日，晉城市招商推介會在深圳舉行，共簽約15個項目，總金額62.8億元。", [(15, 62.8)]),
    # another currency beside the count: the count, no 亿元 figure
    (EVENT + "签约项目15个，总投资5亿美元。", [(15, None)]),
    # campaign totals over a period, with or without their targets
    ("截至5月底，晋城市累计签约项目126个，总投资560.2亿元，完成年度目标的63%。", [(126, 560.2)]),
    ("今年以来，晋城市累计签约项目126个，总投资560.2亿元。", [(126, 560.2)]),
    ("1至5月，晋城市共签约招商引资项目126个，签约金额560.2亿元。", [(126, 560.2)]),
    ("截至目前，晋城市今年已累计签约项目126个，协议投资额560.2亿元，完成全年目标任务的56%。", [(126, 560.2)]),
    ("今年以来，晋城市新签约项目126个，总投资560.2亿元，其中亿元以上项目48个。", [(126, 560.2)]),
    ("上半年，晋城市共签约项目86个，总投资420亿元，完成年度目标任务的52%。", [(86, 420.0)]),
    ("2020年，晋城市全年签约项目368个，总投资1326.67亿元。", [(368, 1326.67)]),
    # the amount first and the count after it; the amount in the next sentence, of 签约项目
    (EVENT + "签约总金额62.8亿元，共15个项目。", [(15, 62.8)]),
    (EVENT + "共签约项目15个。签约项目总投资62.8亿元。", [(15, 62.8)]),
    (EVENT + "会上签约金额62.8亿元的15个项目集中签约。", [(15, 62.8)]),
    # more words for the amount and the count: 金额 / 引资 / 资金总额 / 总签约额; 项 / 份 / 总数
    (EVENT + "共签约项目15个，金额62.8亿元。", [(15, 62.8)]),
    (EVENT + "签约项目15个，引资62.8亿元。", [(15, 62.8)]),
    (EVENT + "签约15个项目，签约资金总额62.8亿元。", [(15, 62.8)]),
    (EVENT + "签约项目15个，总签约额62.8亿元。", [(15, 62.8)]),
    (EVENT + "签约15项，签约金额62.8亿元。", [(15, 62.8)]),
    (EVENT + "共签署合作协议15份，协议金额62.8亿元。", [(15, 62.8)]),
    (EVENT + "签约项目总数15个，总投资62.8亿元。", [(15, 62.8)]),
    # about: 60余亿元 / 60多亿元 / 超百亿元 (the figure as stated)
    (EVENT + "签约项目15个，总投资60余亿元。", [(15, 60.0)]),
    (EVENT + "签约项目15个，总投资60多亿元。", [(15, 60.0)]),
    (EVENT + "签约项目15个，总投资超百亿元。", [(15, 100.0)]),
    # the companies that signed at the occasion
    (EVENT + "15家企业现场签约，总投资62.8亿元。", [(15, 62.8)]),
    # two events in one sentence, each with its own tally: the first is the dated one's
    ("6月8日，晋城市在深圳举办招商推介会，签约15个项目，总投资62.8亿元。", [(15, 62.8)]),
    # 签约的N个项目 with its amount; a part's amount after 其中 is not the tally's
    (EVENT + "现场签约的16个项目总投资128.6亿元。", [(16, 128.6)]),
    (EVENT + "此次签约的16个项目涵盖新能源等领域，总投资128.6亿元。", [(16, 128.6)]),
    (EVENT + "现场签约重点项目16个，其中亿元以上项目10个，总投资128.6亿元。", [(16, None)]),
    # 投资规模 / 总规模; 签下; 在会上签约; the projects' people signing the agreements
    (EVENT + "签约项目16个，投资规模128.6亿元。", [(16, 128.6)]),
    (EVENT + "签约项目16个，总规模128.6亿元。", [(16, 128.6)]),
    (EVENT + "会上共签下16个项目，总投资128.6亿元。", [(16, 128.6)]),
    (EVENT + "共有16个项目在会上签约，总投资128.6亿元。", [(16, 128.6)]),
    (EVENT + "现场，16个项目的负责人与晋城市签订了投资协议，总投资128.6亿元。", [(16, 128.6)]),
    # the signing ceremony of a promotion, told in its own sentence
    ("6月8日，晋城市在深圳举办招商推介会暨项目签约仪式。推介会上，市长甲推介了晋城。签约仪式上，16个项目现场签约，"
     "总投资128.6亿元。", [(16, 128.6)]),
    # 意向: projects signed with an intended amount are signed; intent agreements signed are signed
    (EVENT + "签约项目16个，意向投资额128.6亿元。", [(16, 128.6)]),
    (EVENT + "共签订投资意向协议16个，意向投资额128.6亿元。", [(16, 128.6)]),
    # the signed kinds listed one after another add up; an aside or a breakdown keeps the total the tally's
    (EVENT + "现场签约正式合同项目10个、意向协议项目6个，总投资128.6亿元。", [(16, 128.6)]),
    (EVENT + "现场签约项目16个（其中正式合同10个、意向协议6个），总投资128.6亿元。", [(16, 128.6)]),
    (EVENT + "视频签约涉及项目14项，包含建设类项目10项，战略合作类项目4项，投资总额74.25亿元。", [(14, 74.25)]),
    # earlier editions named in another clause leave this one's tally alone
    (EVENT + "在历届推介会的基础上，本届推介会共签约项目16个，总投资128.6亿元。", [(16, 128.6)]),
    # a count told again with nothing new is the same tally
    (EVENT + "现场签约项目16个，总投资128.6亿元。\n最终签约的16个项目，涉及新能源、新材料等领域。", [(16, 128.6)]),
    # the event's tally, then last year's for comparison: only this year's
    (EVENT + "签约项目15个，总投资62.8亿元。去年同期签约项目10个，总投资40亿元。", [(15, 62.8)]),
]

NONE = [
    # targets and plans
    (EVENT + "今年全市计划签约项目200个，总投资1000亿元。", []),
    (EVENT + "全年目标是签约项目200个、投资额1000亿元。", []),
    ("全年招商引资目标为签约项目200个，总投资1000亿元。", []),
    ("截至5月底，晋城市完成年度签约目标的63%。", []),
    # intents not signed, projects promoted, in talks, introduced
    (EVENT + "拟签约项目15个，意向投资62.8亿元。", []),
    (EVENT + "现场达成投资意向15个，意向投资额62.8亿元。", []),
    (EVENT + "全市在谈项目45个，意向投资额200亿元。", []),
    (EVENT + "会上发布了总投资500亿元的120个招商项目。", []),
    # last year's figures and growth rates
    (EVENT + "去年同期，全市签约项目90个，总投资300亿元。", []),
    (EVENT + "签约项目同比增长20%，总投资同比增长35%。", []),
    (EVENT + "签约项目数比去年同期增加15个，投资额增加62.8亿元。", []),
    # an earlier occasion's tally, and what became of it
    (EVENT + "据介绍，上届推介会共签约项目20个，总投资100亿元。", []),
    (EVENT + "此前，在去年推介会上签约的20个项目中，已有15个开工建设。", []),
    # 意向签约 or an intent reached is no signing
    (EVENT + "意向签约项目16个，意向投资额128.6亿元。", []),
    (EVENT + "会上，16个项目达成投资意向，意向投资额128.6亿元。", []),
    # an amount told after signed and started counts together is neither's
    (EVENT + "签约项目16个、开工项目10个，总投资128.6亿元。", [(16, None)]),
    # projects shown at a signing ceremony are not signed by that
    (EVENT + "16个项目在签约仪式上亮相。", []),
    # a single project's amount is the project's, not the event's tally
    (EVENT + "其中，总投资最大的项目为示例新材料项目，投资额30亿元。", []),
    (EVENT + "示例公司与晋城市签约建设示例新材料项目，总投资30亿元。", []),
    (EVENT + "示例新材料项目签约，总投资30亿元，占地200亩。", []),
    # started, financing, companies settled: no signing
    (EVENT + "已开工项目15个，总投资62.8亿元。", []),
    (EVENT + "现场签约融资项目8个，融资金额20亿元。", []),
    (EVENT + "该市与示例银行签署战略合作协议，授信额度200亿元。", []),
    (EVENT + "截至目前，已有120家企业入驻园区，总投资60亿元。", []),
    # financing is no signed amount; a plan's amount beside a signed count is not taken
    (EVENT + "签约项目5个，融资金额20亿元。", [(5, None)]),
    (EVENT + "会上，31个签约项目总投资80.3亿元，拟引资51.9亿元。", [(31, 80.3)]),
    # figures of a place
    (EVENT + "晋城市常住人口219万人，总面积9490平方公里。", []),
]


@pytest.mark.parametrize("body, expected", FIRES + NONE)
def test_a_tally_as_news_states_it(body, expected):
    assert tallies(body) == expected


def test_the_tables_hold_enough_forms():
    assert len(FIRES + NONE) >= 50
