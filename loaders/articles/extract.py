"""Rules that turn an article's matching view into facts (loaders.articles.facts).

>>> from loaders.articles.reading import parse_article
>>> art = parse_article("---\\ndate: 2017-06-01\\n---\\n5月12日，珠海山西商会会长闫国军在珠海出席恳谈会。", "a.md")
>>> f = extract(art)
>>> sorted(r.properties["title"] for r in f.rels.values() if r.type == "HOLDS_POST")
['会长']
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from datetime import date
from functools import lru_cache

from loaders.articles import patterns as P
from loaders.articles import places
from loaders.articles.dates import (DateMention, MonthDay, amount_yi, find_dates, passing_years, to_number,
                                    year_marks, yearless_dates)
from loaders.articles.entities import (ChamberMention, Places, abbreviated_home, chamber_key, find_chambers,
                                       find_companies, run_left)
from loaders.articles.facts import UNDATED, Facts
from loaders.articles.lookahead import quicken_all
from loaders.articles.people import HIGH, LOW, MID, PeopleRules
from loaders.articles.project_lists import ProjectRules, a_class
from loaders.articles.reading import Article
from loaders.articles.resolve import Index, bundled_index
from loaders.articles.view import build_view

# after 项目: a count of the projects of a kind (高科技项目有12个, 农业类项目6个, 工业项目共28个)
_KIND_TALLY = re.compile(rf"(?:有|共|达|计|共有)?{P.NUMBER}个")
_SENT = re.compile(r"[^。！？!?\n]+[。！？!?]?")
_NAME_RUN = re.compile(rf"[{P.CJK}0-9A-Za-z()（）·]")
# after 与N家企业签约: the projects and their count (与3家企业签约项目4个 / 签约了4个项目), the tally rather than the companies
_PROJECTS_NEXT = r"(?!了?(?:项目|共|合作|投资)*[\d〇零一二三四五六七八九十百两]+[个项宗])(?!了?项目)"
# …or an agreement signed with them: 与12家企业签订合作协议 (not 与12家企业签订合作协议5份: a count of agreements;
# nor a chamber's agreements of membership, service, training or pairing: 与12家会员企业签订服务协议)
_SIGNS_AGREEMENT = (r"签[订署]了?(?:(?!会员|入会|服务|保密|培训|劳动|就业|用工|帮扶|结对|共建)[^，,。；;\d]){0,8}?(?:协议|合同)"
                    r"(?![^，,。；;]{0,3}?[\d〇零一二三四五六七八九十百两]+[个项份])")
_SIGNED_COUNT = re.compile(
    rf"签约[^，,。；;\d]{{0,10}}?项目{P.NUMBER}[个宗]|"
    # (双方 / 现场)签订合作项目6个 / 簽署投資項目12項: the verbs of signing a contract, before the projects and their count
    rf"签[订署]了?[^，,。；;\d]{{0,8}}?项目{P.NUMBER}[个项宗]|"
    rf"签约(?:的)?项目(?:总数|数量|数)?(?:达到了?|达|共计|共|计|为|合计|总计)?{P.NUMBER}[个项宗]|签约{P.NUMBER}[个项宗][^，,。；;\d]{{0,6}}?项目|"
    rf"{P.NUMBER}个[^，,。；;\d]{{0,6}}?项目(?:进行了?|成功|现场|集中|顺利|正式|当场|集体|同步){{0,3}}(?:签约|落户)|签约了?{P.NUMBER}[个项宗]|"
    # 现场签约的16个项目总投资X亿元 (not 签约的20个项目中, among them; not 签约的16个项目有：…, a list's head)
    rf"签约的{P.NUMBER}个[^，,。；;\d]{{0,6}}?项目(?![中有是为]|包括|分别)|"
    # 15个项目通过视频连线签约 / 以“云签约”方式签约: the way of signing between the projects and the verb
    rf"{P.NUMBER}个[^，,。；;\d]{{0,6}}?项目(?:通过|以)[^，,。；;\d]{{2,12}}?(?:现场|集中|成功)?签约|"
    # 签约X和Y两个项目 / 签约了A、B、C等三个项目: the projects named, then their count
    rf"签约了?(?:(?!仪式|活动|会|后|考察|参观|观摩)[^，,。；;\d]){{2,40}}?[和及、等]?{P.NUMBER}个项目|"
    # 31个签约项目 / 24个项目在X产业园集中签约 / N个项目集中签约 / 进行了“云签约”,涉及项目14项
    rf"{P.NUMBER}[个项宗](?:签约|已签约)项目|{P.NUMBER}[个项宗](?:重点|重大|招商引资|产业|合作)?项目在[^，,。；;\d]{{2,30}}?(?:集中|现场|成功|顺利|正式)?签约(?!仪式|活动|大会|会)|"
    # 签下16个项目 / 16个项目的负责人与X签订了投资协议
    rf"签下{P.NUMBER}[个项宗]|{P.NUMBER}个[^，,。；;\d]{{0,6}}?项目[^，,。；;\d]{{0,12}}?签[订署]了?[^，,。；;\d]{{0,6}}?(?:协议|合同)|"
    rf"签约[”\"]?[，,]?(?:共)?涉及(?:项目)?{P.NUMBER}[个项宗]|"
    # 达成合同或意向项目18项 / 达成合作项目12个 / 达成合作协议7个: agreements reached at the occasion (not 达成合作
    # 意向项目4个 / 达成投资意向: an intention reached is no signing, the sets' convention; 合同或意向 holds contracts)
    rf"达成(?:合同|协议|合作)(?!意向)[^，,。；;\d]{{0,6}}?(?:项目{P.NUMBER}[个项宗]|协议{P.NUMBER}[个项份])|"
    # 合同项目413个,总投资2800亿元: projects under contract, i.e. signed (not 履约 / 在建 contracts)
    rf"(?<!履约|在建|续建)合同项目(?:数)?(?:达到|达|共|计|为|共计)?{P.NUMBER}[个项宗]|"
    rf"等{P.NUMBER}个项目[^，,。；;\d]{{0,10}}?(?:签约|落户)|"  # a list's total: …等14个项目分两批进行了现场签约
    # 共签约项目102项 / 签署N个合同及协议 / 签订项目合作协议N个 / 就N项合作协议进行签约 / 总投资X亿元的N个项目…签约
    rf"签约项目{P.NUMBER}项|"
    # 与20家企业正式签约: the companies that signed, at one ceremony
    # (与京津冀地区12家企业签约: where the companies are from, before their count)
    rf"与(?:(?!签|项目)[^，,。；;\d]){{0,8}}?{P.NUMBER}家[^，,。；;\d]{{0,8}}?(?:企业|公司|单位|客商)[^，,。；;\d]{{0,6}}?"
    rf"(?:签约{_PROJECTS_NEXT}|{_SIGNS_AGREEMENT})|签[署订]{P.NUMBER}[个项份][^，,。；;\d]{{0,3}}?(?:合同|协议)|"
    # 15家企业现场签约: the companies that signed at the occasion (意向签约 is no signing: _NOT_SIGNED)
    rf"{P.NUMBER}家[^，,。；;\d]{{0,8}}?(?:企业|公司|客商)(?:现场|集中|成功|正式){{1,2}}签约{_PROJECTS_NEXT}|"
    # 12家企业代表与晋城市签订了投资合作协议: the companies that signed an agreement each
    rf"{P.NUMBER}家[^，,。；;\d]{{0,8}}?(?:企业|公司|客商)(?:代表|负责人)?[^，,。；;\d]{{0,8}}?{_SIGNS_AGREEMENT}|"
    # the amount first, then how many projects: 签约总金额62.8亿元，共15个项目
    rf"签约(?:总金额|金额|总额|额|资金|投资总额|总投资|投资额)[^，,。；;]{{0,12}}?元[，,]?(?:共|共计|涉及)(?:项目)?{P.NUMBER}[个项宗](?:项目)?|"
    # 与山西签订6个项目的合作 / 签署了12个合作项目
    rf"签[署订]了?{P.NUMBER}个(?:合作|投资|招商引资)?项目|"
    rf"签[署订][^，,。；;\d]{{0,6}}?(?:合同|协议){P.NUMBER}[个项份]|{P.NUMBER}项[^，,。；;\d]{{0,4}}?协议[^，,。；;\d]{{0,8}}?签约|"
    rf"总投资[\d.]+亿元的?{P.NUMBER}个项目[^，,。；;\d]{{0,10}}?签约|签约(?:了)?(?:的)?(?:总投资|投资总额|总金额)(?:达|约|为)?[\d.]+(?:亿|万)元的?{P.NUMBER}个项目")
# every form of _SIGNED_COUNT writes one of these words (tests/unit/test_extract_speed_gates.py checks
# each alternative of the pattern): a sentence with none of them need not be searched (16 µs a sentence)
_SIGN_WORDS = ("签", "落户", "达成", "合同项目")


# a project's aside naming who invests, then the amount: （X有限公司，5亿元）
_ASIDE_AMOUNT = re.compile(rf"[（(][^（()）]{{2,30}}?[，,](?:总投资|投资|计划投资)?(?:额)?(?:约)?{P.NUMBER}{P.UNIT}[)）]")


def _may_sign(s: str) -> bool:
    return any(w in s for w in _SIGN_WORDS)


# the words that say what signed projects total: 总投资 / 协议引资 / 签约金额 / 涉及资金 / 计划总投资 …
_AMOUNT_WORD = (r"(?:签约总金额|签约总额|签约金额|签约资金|签约额|协议投资总额|协议投资额|协议投资|协议引资|协议金额|协议资金|"
                r"计划总投资|总投资额|总投资|投资总额|总金额|总额|涉及资金|涉及金额|合同金额|合同投资|签约投资额|签约投资|拟投资|"
                # 签约项目计划投资额817.1亿元 / 签约投资额29.88亿元: what the signed projects plan to invest
                r"计划投资额|投资额|资金总额|引进资金|(?<!融资)金额|(?<!拟)引资|投资规模|总规模)")
# (总投资达到了120亿元 / 约合120亿元: the verb with 了, about as converted)
_AMOUNT_VERB = r"(?:达到了?|达|为|约合|约|超过了?|超|共计|共|计|逾|近|突破了?|高达|总计|合计)?"
_SIGNED_TOTAL = re.compile(rf"{_AMOUNT_WORD}{_AMOUNT_VERB}{P.NUMBER}{P.UNIT}")
_TOTAL_AFTER = re.compile(
    rf"[，,]?(?:{_AMOUNT_WORD[3:-1]}|投资)(?:达到了?|达|为|约合|约|超过了?|超|共计|共)?"
    rf"{P.NUMBER}{P.UNIT}")
# the amount a count's clause goes on to give, a few words on (签约项目12个,均为工业项目,总投资30亿元),
# or in another currency (总投资3亿美元: the tally keeps its count and no amount); not past 其中 (a part)
_AMOUNT_NEAR = re.compile(rf"[^。；;！？]{{0,24}}?(?P<w>(?:{_AMOUNT_WORD[3:-1]}|投资){_AMOUNT_VERB}{P.NUMBER}"
                          rf"(?:余|多)?({P.FOREIGN_UNIT}|{P.UNIT_WORDS}))")
# a count told again with its amount: …等24个项目,⏎涵盖了…,总投资350.73亿元 / 这24个项目总投资X亿元
_COUNT_AGAIN = re.compile(rf"(?:等|这|上述|以上|此次|本次)(?:签约的)?(\d+)个(?:签约)?项目[，,]?([^。；;]{{0,30}}?)"
                          rf"(?<!拟)(?:{_AMOUNT_WORD[3:-1]}){_AMOUNT_VERB}{P.NUMBER}{P.UNIT}")
# a count's sentence ends, and the next one gives those projects' amount: 签约33个重点项目。这些项目聚焦…,总投资X亿元
_THESE_AGAIN = (r"[个项宗][^。；;！？\n]{0,12}?[。！]\s*(?:(?:这些|上述|以上|这批)(?:签约)?|签约)项目((?:(?!其中|\d+个)[^。；;\n]){0,80}?)"
                rf"(?<!拟)(?:{_AMOUNT_WORD[3:-1]}){_AMOUNT_VERB}{P.NUMBER}{P.UNIT}")
_THESE_AGAIN_AT = re.compile(r"(\d+)" + _THESE_AGAIN)
# an amount with no count is an occasion's tally only where its word says it is what was signed (签约总金额 /
# 协议投资额 / 涉及资金), or the sentence speaks of the projects together (集中签约 / 一批 / 等 / 共 / 这些),
# not of one project (示例项目签约，总投资30亿元)
_SIGNED_AMOUNT_WORD = re.compile(r"签约|协议|合同|总金额|涉及")
# …or the verb of signing right before its word: 现场签约投资总额达16.76亿元 / 共签约总投资X亿元
_OFFICIAL = re.compile(r"(?:市|县|区)?(?:委|政府|人民政府|人大|政协)?(?:常委|常务)?副?(?:市长|县长|区长|书记|领导|主任|负责人)")
_OURS = re.compile(r"[我本全][县市]")
_TAKES_PART = re.compile(r"(?:委|政府)?[^，,。；;在赴于]{0,12}?(?:组团|组织[^，,。；;在赴于]{0,10}?参展|参展|参会|代表团)")
_HALL = re.compile(r"展厅|展区|展馆|展台|展位|馆")
_SIGNED_BEFORE = re.compile(r"签约(?:的)?(?:项目)?$")
_COLLECTIVE = re.compile(r"集中|签约(?:的)?项目(?![\d一二三四五六七八九十两]|名称)|一批|批次|第[一二三四五六七八九十\d]+批|等[\d一二三四五六七八九十两]*个?项目|共(?:签约|签订|签署|有)|"
                         r"总计|合计|累计|所有|全部|这些|上述|多个|[两几\d]+个|各类")
# a figure of the same span a year before, told for comparison: 去年同期,全市签约项目90个
# (or an earlier occasion's: 上届推介会共签约… / 去年推介会签约的20个项目)
_LAST_YEAR = re.compile(r"(?:去年|上年|上一年)同期")
# (in the count's own clause: 据介绍，上届推介会共签约… / 在去年推介会上签约的…; not 在历届的基础上，本届…)
_EARLIER_OCCASION = re.compile(r"上届|上一届|往届|(?:去年|前年)(?:举办|举行)?的?[^，,。；;\d]{0,12}?(?:会|活动|仪式)")
# a sentence telling what was signed before the occasion: 此前，双方已签订合作项目3个
_BEFOREHAND = re.compile(r"\s*(?:此前|之前|先前|早前|前期)[，,]")
# a clause giving a part of the total the sentence before told: 其中,签约项目19个
_PART_AFTER = re.compile(r"其中[，,：:]?")
# a paragraph that opens with its occasion as subject: 大同市“三个一批”活动共推进… / 吕梁市举行…“三个一批”活动。
_SUBJECT_OCCASION = re.compile(
    rf"\s*((?:(?P<place>[{P.CJK}]{{2,8}}?[省市县区])(?:举行了?|举办了?|召开了?))?(?P<rest>[^，,。；;！？\n]{{2,40}}?"
    rf"(?:”(?:系列)?活动|{'|'.join(sorted(P.EVENT_KINDS, key=len, reverse=True))})))(?=[。，,；;]|共|中|上|期间)")
_SENT_END = re.compile(r"[。！？]")
# _tallies' own, compiled once (it runs for every sentence that writes 签 and a count)
_PART_OR_KIND = re.compile(r"其中|[个项宗]项目")
# 签约项目16个、开工项目10个,总投资X: the amount of both, not the tally's (a breakdown of the signed ones,
# 包含建设类项目10项, 战略合作类项目4项, leaves the total the tally's)
_ANOTHER_COUNT = re.compile(r"(?:开工|投产|竣工|在谈|储备|推介|发布|续建|在建)[^，,。；;\d]{0,6}?\d+[个项宗]")
_ASIDE = re.compile(r"[(（][^()（）]*[)）]")  # (其中正式合同10个、意向协议6个): an aside, the total's parts
# a further signed kind in a list after a count: 、意向协议项目6个 (not 、开工项目10个: another tally's)
_LISTED_SIGNED = re.compile(rf"、(?=[^，,。；;\d、]{{0,12}}?(?:合同|协议|意向|签约|正式))(?![^，,。；;\d、]{{0,12}}?(?:开工|投产|竣工|在谈|储备|推介|发布|融资))"
                            rf"[^，,。；;\d、]{{0,12}}?{P.NUMBER}[个项宗](?:项目)?")
_NEXT_FIGURE = re.compile(r"、\d")
_FOREIGN = re.compile(P.FOREIGN_UNIT)
_TALLY_GATE = re.compile(r"[\d〇零一二三四五六七八九十百千两][个项宗家份]")
_AMOUNT_BEFORE = re.compile(rf"{_AMOUNT_WORD}{_AMOUNT_VERB}{P.NUMBER}{P.UNIT}的$")  # 投资总额60亿元的11个项目
_TALLY_AMOUNT = re.compile(rf"(?:{_AMOUNT_WORD[3:-1]}|投资){_AMOUNT_VERB}{P.NUMBER}{P.UNIT}")
# what is not yet signed: a target, a plan, a promotion (目标签约 / 计划引进 / 力争 / 推介 N 个项目)
_NOT_SIGNED = re.compile(r"目标|计划(?!总投资|投资)|力争|预计|任务|[拟将待]签[约订署]|意向签约|推介(?!会|大会)|发布(?!会)|储备|谋划|在谈|融资")
# an occasion a clause names as where its tally was signed: 在第十六届“厦洽会”上, / 首届世界晋商大会期间,
_OCCASION = re.compile(r"(?:^|[，,：:])(?:在|于)?((?:(?![在于，,。；;：:])[^，,。；;])*?(?:会|展|仪式|活动)[”\"]?)(?:上|期间|中|现场)[，,]?")


def _tallies(s: str) -> list[tuple[int, int, int, float | None, tuple | None]]:
    """The signed tallies a sentence states, in order: (start, end, count, amount in 亿元 or None, amount's
    span). A count in a clause that plans rather than reports (目标签约 / 计划引进 / 推介 N 个项目) is none."""
    out = []
    if "签" not in s and "达成" not in s and "合同项目" not in s or not _TALLY_GATE.search(s):  # every form says
        return out  # 签约 / 签署 / 签订, 达成 or 合同项目, and counts in 个 / 项 / 宗 / 家
    for m in _SIGNED_COUNT.finditer(s):
        cut = max(s.rfind(c, 0, m.start()) for c in "，,；;：:")
        clause = s[cut + 1:m.end()]
        if cut >= 0 and s[cut] in "：:":  # 全年目标：签约项目150个: the words before the colon say what it is
            clause = s[max(s.rfind(c, 0, cut) for c in "，,；;。") + 1:m.end()]
        if _NOT_SIGNED.search(clause) or _LAST_YEAR.search(s, 0, m.start()) or _EARLIER_OCCASION.search(clause):
            continue
        if s.startswith("月", m.end()) and s[m.end() - 1] == "个" or _BEFOREHAND.match(s):
            continue  # 签约项目12个月内开工: months, not projects; 此前，双方已签订…: signed before the occasion
        if m.group().startswith("合同项目") and len(re.findall("[(（]", s[:m.start()])) > len(re.findall("[)）]", s[:m.start()])):
            continue  # (协议项目22个,合同项目9个): a part of a total told before the brackets
        n = to_number(next(g for g in m.groups() if g))
        if not isinstance(n, int):
            continue
        end = m.end()
        # 签约正式合同项目10个、意向协议项目6个: the signed kinds listed one after another add up to the tally
        for more in iter(lambda: _LISTED_SIGNED.match(s, end), None):
            part = to_number(more.group(1))
            if not isinstance(part, int):
                break
            n, end = n + part, more.end()
        amount, span = None, None
        inside = _SIGNED_TOTAL.search(s, m.start(), m.end())  # 总投资X亿元的N个项目
        near = _AMOUNT_NEAR.match(s, end)
        before = _AMOUNT_BEFORE.search(s, max(0, m.start() - 30), m.start()) if s[m.start() - 1:m.start()] == "的" else None
        if inside:
            amount, span = amount_yi(inside.group(1), inside.group(2)), inside.span()
        elif near and not _PART_OR_KIND.search(_ASIDE.sub("", s[end:near.start("w")])) \
                and not _ANOTHER_COUNT.search(_ASIDE.sub("", s[end:near.start("w")])) \
                and not (_may_sign(s[end:near.end()]) and _SIGNED_COUNT.search(s, end, near.end())):
            if "分别" in s[end:near.start("w")] or _NEXT_FIGURE.match(s, near.end()):
                pass  # 分别投资6.5亿元、5.2亿元: each project's amount, no total
            elif not _FOREIGN.fullmatch(near.group(3)):
                amount, span = amount_yi(near.group(2), near.group(3)), near.span("w")
            else:
                span = ()  # told, in another currency: no amount, and no other to look for
        elif before:
            amount, span = amount_yi(before.group(1), before.group(2)), before.span()
        out.append((m.start(), end, n, amount, span))
    return out

# a signing told by its verb: …24个项目在X产业园集中签约 / …项目现场签约 (not 签约仪式, an event word)
_SIGNING_VERB = re.compile(r"项目(?:\d{1,2}月\d{1,2}[日号](?:上午|下午)?)?(在[^，,。；;]{2,30}?)?(集中|现场)签约(?![仪大活会])")
# …and a ground-breaking told the same way: 3月5日,沁源县今年第二批重点项目集中开工 (not 集中开工仪式 / 活动, an
# event word, nor 开工动员会 / 开工以来 / 开工建设的 / 开工情况 / 开工现场会, which speak of something else)
_STARTING_VERB = re.compile(r"项目(?:\d{1,2}月\d{1,2}[日号](?:上午|下午)?)?(在[^，,。；;]{2,30}?)?(集中)(?:开复工|开工|复工)"
                            r"(?![仪大活会典动以建的率情工进现])")
# the holder before a signing's or a start's verb when the name was cut there: 太谷区举行重点项目集中签约
_PLACE_HOLDS = re.compile(rf"([{P.CJK}]{{2,8}}?[县市区])(?:举行|举办|组织|开展)了?$")
# a sentence saying an event was held: 举办招商引资“云推介”暨签约仪式 / 举行了X推介会
_HOLDS = re.compile(rf"(?:举办|举行|召开)了?[^，,。；;]{{0,30}}?(?:{'|'.join(P.EVENT_KINDS)})")
# a meeting a county or city holds, by its verb: 芮城县邀请X和企业家代表座谈交流 (the place opens the clause)
_HOST_MEETING = re.compile(rf"(?:^|[，,]|[日号](?:上午|下午|晚上)?)([{P.CJK}]{{2,6}}?[县市区])(?:委|政府)?(?:邀请|召集)"
                           rf"([^，,。；;]{{4,30}}?)(?:进行|举行)?座谈(?:交流)?(?!会)")
# a dated visit to a chamber: 一行莅临我会 / 赴苏州市山西商会 / 看望了香港山西商会同仁
# (到 only where the clause says what they did there: 到X商会进行学习研讨)
_VISIT = re.compile(r"(莅临|到访|回访|走访|看望|拜会|拜访|赴|到(?=[^，,。；;]{4,30}?(?:学习|研讨|交流|座谈|考察|调研)))了?")
_VISIT_KIND = (("座谈", "座谈会"), ("调研", "调研"), ("考察", "考察"), ("拜会", "拜会"), ("拜访", "拜会"), ("回访", "拜会"),
               ("看望", "看望"), ("研讨", "座谈会"))
# a group's dated visit: <who>一行(20人)…来到/在/赴 <where>, then what they did there
# (or a chamber taking its members on a trip: X商会组织会员企业赴长治市考察)
_GROUP_VISIT = re.compile(r"(一行|组织(?:部分)?(?:会员企业|会员|企业家)?(?=赴|前往))(?:\d+人)?")
_GOES_TO = re.compile(r"(?:来到|前往|莅临|走进|在|到|赴)了?([^，,。；;]{2,20})")
_VISIT_VERB = re.compile(r"考察|参观|访问|调研|座谈")
# a chamber's own meeting: <chamber>党委理论学习中心组,组织座谈 / <chamber>秘书处召开座谈
# (not with another party or somewhere else: 与市工商联进行座谈 / 赴太原座谈)
_OWN_MEETING = re.compile(rf"((?:(?!与|和|同|赴|到|在|来|前往)[{P.CJK}]){{0,12}}?)[，,]?(?:组织|召开|举行|开展|进行)(?:了)?"
                          r"(?:专题)?座谈(?!会)")

# a signature's day and place (2024年10月11日于兰州): where the writer was that day
_LASTING = re.compile(r"为期(\d{1,2}|[两二三四五六七八九十])天")
# (闭幕 is left alone: a closing ceremony, where results are announced, is reported as that day's event)
_ENDED = re.compile(r"[^，,。；;！？]{0,24}?(?:结束|落下帷幕)")
# a leader's trip to a city to seek investment: 带队赴深圳开展招商引资活动 / 率团赴上海招商
_TRIP = re.compile(r"(?:带队|率队|率团|带团)赴([^，,。；;、]{2,8}?)(?:开展|进行|举办)?(?:招商引资|招商|经贸洽谈|双招双引)(?:活动|考察)?")
_SETTLES = re.compile(r"项目(?:正式|成功|顺利)?(?:签约)?(?:落地|落户)(?!后|以来)")  # …项目签约落户榆次区 too
_HELD_IN_PROVINCE = re.compile(r"(?:省|自治区)?(?:圆满|隆重|成功)?(?:举行|举办|召开)")
_CALLS = re.compile(r"(?:隆重)?(?:召开|举行|举办|组织)(?:了)?")
# a chamber's own rooms (在商会会议室召开 / 在我会三楼会议室): the meeting is in the chamber's city
_AT_HOME = r"在(?:商会|该会|我会|本会|秘书处)(?:\d+楼|[一二三四五六七八九十]楼)?(?:大|小|多功能)?(?:会议室|办公室|会所|会议厅|活动室|党建活动室|党群活动中心)"
# (or in a venue the text names by no place: 在凤展皇冠假日酒店召开2024年年会, in the chamber's city as
# 商会2024年年会在凤展皇冠假日酒店举行 is; a venue that names its place gives that place first)
_VENUE = r"在[^，,。；;在]{2,14}?(?:酒店|宾馆|饭店|会议中心|大厦|会堂|礼堂|会所)(?:[^，,。；;]{0,8}?[厅室])?"
_CALLS_HOME = re.compile("(?:" + _AT_HOME + "|" + _VENUE + r")?(?:隆重)?(?:召开|举行|举办|组织)(?:了)?")
# (a bare 商会 opening its clause is the publisher too: 6月1日，商会召开三届四次会长办公会)
_WE_CALL = re.compile(r"(?:我会|本会|(?<![^，,。；;\s])商会)(?:" + _AT_HOME + r")?(?:隆重)?(?:召开|举行|举办)了?$")
_HELD_HOME = re.compile(r"(?:”|\)|》)?" + _AT_HOME + r"(?:隆重)?(?:召开|举行|举办)")
_DATELINE = re.compile(r"[ \t]*(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日[ \t]*(?:电|讯)|讯)")  # (本报太原讯 too)
_DATED_PLACE = re.compile(r"\s*于")
# a paragraph opening on the event told of before: 这次山西省全省开发区“三个一批”活动,签约…
# a trip's total over the events told before, each with its own tally: 此次长三角之行，共签约项目23个 / 此行 /
# 本次招商活动期间共签约… (the article's own occasion, named by its title, for review)
_WHOLE_TRIP = re.compile(r"(?:此次|这次|本次)[^，,。；;]{0,12}?(?:之行|行程|招商活动)|此行")
# the verb that holds an event where a short name or nickname just said: 在鹏城(隆重)举行
_HOLDS_THERE = re.compile(r"(?:隆重|成功|盛大|圆满)?(?:举行|举办|召开|开幕|启幕)")
# a sentence during the event told before, named bare or as this one: 大会期间， / 本届能博会期间， / 会议期间，
_DURING_IT = re.compile(r"(?:(?:本次|此次|这次|本届|该)[^，,。；;]{0,12}?|大会|会议|展会|博览会|活动)期间[，,]")
_THIS_EVENT = re.compile(r"(?:这次|此次|本次)[^，,。；;]{0,30}?(?:活动|大会|会议)[，,]")
# a sentence opening at an event: 集中签约仪式上, / 在X推介会上, (本次大会上 is the one told of before)
_AT_EVENT = re.compile(rf"^(?!在?(?:本次|此次|这次|该|会议))(?:在)?[^，,。；;]{{0,30}}?(?:{'|'.join(P.EVENT_KINDS)})上[，,]")
# …or at or during an event (在X会上, / 于X会上, / X博览会期间,), to be dated by the sentence before it
_AT_PARAGRAPH_EVENT = re.compile(rf"^(?!(?:在|于)?(?:本次|此次|这次|本届|该|会议|大会|活动))(?:在|于)?[^，,。；;]{{0,30}}?"
                                 rf"(?:{'|'.join(P.EVENT_KINDS)})(?:上|期间)[，,]")
# a place trigger right before a place, or before a province's name and the place (在山西省太原市):
# every trigger in one pattern, compiled once (_triggered runs for each place of each event sentence)
_TRIGGERED = re.compile(rf"(?:{'|'.join(P.PLACE_TRIGGER)})(?:\Z|[{P.CJK}]{{0,3}}(?:省|自治区)$)")
# a head count at an event: 200余人 / 30位 / 120人的代表团 (event_details; compiled once)
_HEADCOUNT = re.compile(rf"{P.NUMBER}(多|余)?(?:位|名|人)(的)?(代表团)?")
# what a sentence does with the event it names: the one held here, not the one it happened during
# a short name (招商推介会) is one event where the clause says where it was held just before it:
# 晋中市在杭州举办文旅推介会 / 代表团5月13日赴苏州举办招商推介会 (not one still planned: 将在… / 拟赴…)
_HELD_THERE = re.compile(r"(?<![将拟要])(?:在|赴)[^，,。；;在赴将拟了]{1,12}?(?:隆重)?(?P<v>举办|举行|召开|参加|出席)[了的]?\Z")
_PLANNED_BEFORE = re.compile(r"(?:将|拟|要|计划|准备|定)(?:于[^，,。；;在]{0,6})?$")
_HOLDER_VERB = re.compile(r"(?:举办|举行|召开)了?\Z")
# …or where the name is followed by its day and where it was held: 示例推介会5月9日在太原举行 / 于5月9日在广州成功举办
# (the day may be a range, 于5月9日至11日 / 9—11日, or relative, 于昨日; the name may close a quote or 《》)
_DAY_RANGE = r"(?:[至到\-—–~～〜](?:\d{1,2}月)?\d{1,2}[日号])?"
_HELD_ON = re.compile(r"(?:”|\)|》)?(?P<day>(?:将|定|拟)?于?(?:\d{4}年)?\d{1,2}月\d{1,2}[日号]?" + _DAY_RANGE + r"(?:上午|下午|晚上?)?|于?\d{1,2}[日号]"
                      + _DAY_RANGE + r"|于?(?:昨日|昨天|昨晚|今天|今日|日前|近日))?"
                      r"(?:(?<=[日号午晚上])将)?(?:[在于][^，,。；;]{0,16}?)?(?:召开|举行|举办|开幕|启动|隆重)")
# (于北京召开 as 在北京召开)
_HELD = re.compile(r"(?:”|\)|》)?(?:[在于][^，,。]{0,12}?)?(?:召开|举行|举办|开幕|启动|隆重)")


# the sentence rules' own patterns, compiled once (sentence() runs for every sentence; re's cache
# look-up for an inline pattern string costs more than the search of a short sentence)
_EVENT_COUNT = re.compile(rf"共(?:举办|开展|组织){P.NUMBER}[场次]")
_PROVINCE_WORD = re.compile(r"全省|我省|省属")
_SIGNED_PROJECT_N = re.compile(r"签约项目\d")
_YEARLY = re.compile(r"(?:^|[，,：:])\d{4}年(?:全年)?[，,]")
# (签订 / 签署 too: 累计签订合作项目126个 / 共签署投资协议126份)
_CAMPAIGN_WORDS = re.compile(r"签约[^，,。；;\d]{0,10}?项目|签[订署][^，,。；;\d]{0,10}?(?:项目|协议|合同)|到位资金|开工项目")
_CAMPAIGN_MORE = re.compile(r"(?:落地|开工)项目\d+个|到位资金\d")
_THEN = re.compile(r"(?:随后|随即|紧接着)[，,]")
# event_details', projects' and campaign_totals' own (run for every event or campaign sentence)
# a bare event word its organisers open, held where the clause says: 由X市人民政府主办的招商推介会在深圳举行
_ORGANISED_BY = re.compile(r"(?:主办|承办|协办|举办)的\Z")
_ORGANISER_ROLE = re.compile(r"(主办|承办|协办|举办的)")
_CITY_ORGANISER = re.compile(r"(?:市委|市政府|市人民政府|我市|市)$")
_PROVINCE_ORGANISER = re.compile(r"(?:省委|省政府|省人民政府)$")
_CITY_HOSTED = re.compile(r"我市[^，,。]{0,20}举办了")
_DELEGATION = re.compile(r"组团|代表团")
_CHAMBER_DELEGATION = re.compile(r"商会$|商會$")
_TODAY = re.compile(r"今天|今日")
_ATTENDING = re.compile(r"参加|出席|到会|参会|与会|负责人|县区|县、区|应邀")
_SIGNS_OR_STARTS = re.compile(r"签约|开工|签署")
_PROJECT_WORD = re.compile(r"项目|工程(?=[、，,。等]|的?奠基)")
_AS_OF_MONTH = re.compile(r"截[至止](?:(\d{4})年|(去年|今年))?(\d{1,2})月(?:底|末)")
# (全区 on a district's page, 全市 on a county-level city's: the word's 县 / 区 / 市 is the county's own)
_OUR_COUNTY = re.compile(r"[全我本][县区市]")
_AS_OF_NOW = re.compile(r"截[至止]目前|截[至止]今天|目前为止")


# what follows an event's name when the sentence is about something of it, not it held: its bodies, its
# preparation, its documents (论坛组委会在太原成立 / 推介会筹备工作 / 博览会参展指南)
_EVENT_BODY = re.compile(r"(?:组委会|筹委会|执委会|组织委员会|秘书处|办公室|筹备|方案|指南|手册|章程|参展|会徽|吉祥物)")
# events counted, not one held: 共举办招商推介会12场 / 推介会3次
_COUNTED = re.compile(r"\s?(?:\d+|[一二三四五六七八九十两]+)(?:场|次)")


def extract(article: Article, index: Index | None = None, places_: Places | None = None) -> Facts:
    index = index or _default_index()
    places_ = places_ or _default_places(index)
    return _Extractor(article, index, places_).run()


_CACHE: dict = {}


def _default_index() -> Index:
    if "index" not in _CACHE:
        _CACHE["index"] = bundled_index()
    return _CACHE["index"]


def _default_places(index: Index) -> Places:
    key = ("places", id(index))
    if key not in _CACHE:
        _CACHE[key] = Places(index)
    return _CACHE[key]


def source_name(article: Article) -> str:
    from pathlib import Path

    return str(article.meta.get("source") or Path(article.path).stem)


class _Extractor(PeopleRules, ProjectRules):
    def __init__(self, article: Article, index: Index, places_: Places):
        self.a, self.index, self.places = article, index, places_
        self.v = build_view(article.pieces)
        self.t = self.v.text
        published = article.meta.get("date")
        if published is None:
            given = [d for d in find_dates(self.t, None, marks=[]) if d.year_given]
            published = given[0].day if given else None
        self.published = published
        marks = year_marks(self.t, published)
        if published is None and not marks:
            marks = passing_years(self.t)
            marks = [(-1, marks[0][1])] + marks if marks else marks  # the first also covers the lines before it
        self.dates = find_dates(self.t, published, marks=marks)
        # days no year can be given (an undated article naming no year before them): events on them
        # keep the month-day as stated and wait for a reviewer's year (facts.UNDATED)
        self.yearless = yearless_dates(self.t, published, marks)
        self._yearless_starts = [d.start for d in self.yearless]
        self.marks = marks
        src = {"name": source_name(article), "title": article.meta.get("title") or source_name(article),
               "kind": "article", "synthetic": False}
        for k in ("publisher", "url", "author"):
            if article.meta.get(k):
                src[k] = article.meta[k]
        if published:
            src["date"] = published
        self.f = Facts(src)
        self.all_places = places_.find(self.t)
        self.chambers = sorted(find_chambers(self.t, places_, index), key=lambda c: c.start)
        self.companies = find_companies(self.t)
        self._date_starts = [d.start for d in self.dates]
        self._chamber_starts = [c.start for c in self.chambers]
        # the positions inside a chamber's name, for the rules asking whether one is (a set, not a scan)
        self._chamber_cover = frozenset(x for c in self.chambers for x in range(c.start, c.end))
        self.home = self._home_city()
        self.publisher_chamber = self._publisher_chamber()
        self.home_county = self._home_county()
        self.event: str | None = None
        self.last_event: str | None = None
        self.event_date: date | None = None
        self.campaign: str | None = None
        self._chamber_ids: dict[str, str] = {}
        self._chamber_done: dict[tuple, str | None] = {}  # chamber_node's answers (a call again adds nothing)
        self._full_names_first()
        self.home_province = self._home_province()
        self.listed_ends: set[int] = set()  # where projects a list rule named end
        self._lower_bound: set[str] = set()  # events whose signed total was told as 超过X
        self._told: set[int] = set()  # where the signed tallies a holder took begin
        self._fallback: set[str] = set()  # undated events lost_tallies made to hold a tally
        self._fold_cache: dict[str, str] = {}
        self._title_holders: set[str] = set()  # of those, the article's own occasion, named by its title
        self._tally_at: tuple = (-1, -1, [])
        self._events_at: tuple = (-1, -1, [])
        self._lede: tuple | None = None  # (day, end) of a dated opening sentence that named no event
        self._last_event_at = -1  # where the sentence that told of the last event begins

    # ----- helpers -------------------------------------------------------------------------
    def span(self, i: int, j: int) -> tuple[int, int]:
        return self.v.span(i, j)

    def written(self, i: int, j: int) -> str:
        """The view's characters i..j-1 as the article writes them (traditional stays traditional),
        without the pinyin noise the view left out."""
        out, given, v = [], self.a.given, self.v
        if j > i and v.ends[j - 1] - v.starts[i] == j - i:  # one to one: the slice as it stands
            return given[v.starts[i]:v.ends[j - 1]]
        for k in range(i, j):
            if k > i and v.starts[k] == v.starts[k - 1]:
                continue  # one written character that NFKC made several
            out.append(given[v.starts[k]] if v.ends[k] - v.starts[k] == 1 else self.t[k])
        return "".join(out)

    def place_node(self, place, i, j, conf=HIGH) -> str:
        kind = places.county_kind(place.name) if place.label == "County" else None
        props = {"kind": kind} if kind else {}
        return self.f.node(place.id, place.label, place.name, props, self.span(i, j), conf)

    def _home_city(self):
        """The city of 我市 / 本市: the publisher's or title's city, else the most named city."""
        for text in (self.a.meta.get("publisher") or "", self.a.meta.get("title") or ""):
            for p in self.places.find(_fold(text)):
                if p.label == "City":
                    return p
        counts: dict = {}
        for p in self.all_places if "我市" in self.t else ():  # (the text's places, found once in __init__)
            if p.label == "City" and "我市" in self.t:
                counts[p.id] = counts.get(p.id, (0, p))[0] + 1, p
        return max(counts.values(), key=lambda c: c[0])[1] if counts else None

    def _home_province(self):
        """全省 / 我省: the province the publisher or title names (山西日报, 河南日报 …); else 山西省 when
        the article names 山西 or 晋 at all (the corpus is about Shanxi); else none."""
        for text in (self.a.meta.get("publisher") or "", self.a.meta.get("title") or ""):
            for p in self.places.find(_fold(text)):
                if p.label == "Province" and p.name not in places.MUNICIPALITIES:
                    known = self.index.lookup(p.name, ("Province",))
                    return (known.id if known else p.id), p.name
        if any("山西" in _fold(x) or "晋" in _fold(x) for x in
               (self.a.meta.get("title") or "", self.a.meta.get("publisher") or "", self.t[:2000])):
            known = self.index.lookup("山西省", ("Province",))
            return (known.id if known else "province:山西省"), "山西省"
        return None

    def _home_county(self):
        """我县: the city of the county that publishes the page (sx-jc.gov.cn (交城县) → 吕梁市)."""
        for p in self.places.find(_fold(self.a.meta.get("publisher") or "")):
            if p.label == "County" and p.id.count("/") == 1:
                city = places.county_city(p.id)
                known = self.index.lookup(city, ("City",))
                return _place(p.start, p.end, known.id if known else f"city:{city}", city, bool(known))
        return None

    def _publisher_chamber(self):
        pub = self.a.meta.get("publisher") or ""
        if "商会" not in _fold(pub):
            return None
        known = self.index.lookup(pub, ("Chamber",))
        return (known.id, known.label, known.name) if known else (f"chamber:{pub}", "Chamber", pub)

    def home_node(self, i, j, conf=MID) -> str | None:
        if self.home is None:
            return None
        # the evidence of 我市 is the words that name it, where the clause has them
        m = re.search(r"我市|本市|全市|市政府|市委|" + re.escape(places.short(self.home.name)), self.t[i:j])
        span = self.span(i + m.start(), i + m.end()) if m else self.span(i, j)
        return self.f.node(self.home.id, "City", self.home.name, {}, span, conf)

    def chamber_node(self, c: ChamberMention, conf=HIGH) -> str | None:
        if c.generic:
            return None
        # the same mention at the same confidence again (rule after rule, sentence after sentence)
        # finds its node, place and BASED_IN there already, with this evidence: nothing to add
        key = (c, conf)  # (hashed once: a mention's hash walks its place and spans)
        cid = self._chamber_done.get(key, self)
        if cid is self:
            self._chamber_done[key] = cid = self._chamber_node(c, conf)
        return cid

    def _mention_name(self, c: ChamberMention) -> str:
        return (self.written(*c.prefix) if c.prefix else "") + self.written(c.start, c.end) + \
            (self.written(*c.suffix) if c.suffix else "")

    def _full_names_first(self) -> None:
        """晋城市河南商会 …… 晋城豫商会会长张某: one chamber, named by its full name, whichever rule meets a mention
        first (the abbreviated one, with its post, may be met before the full one in the final pass)."""
        # abbreviated (晋城豫商会) or named apart from the host they take (市河南商会 of 晋城市, entities._short_form)
        short = {chamber_key(w) for c in self.chambers if not c.generic
                 and (abbreviated_home(w := (self.t[c.prefix[0]:c.prefix[1]] if c.prefix else "") + c.written)
                      or c.prefix and c.prefix[1] != c.start)}
        if not short:
            return  # (most articles: nothing to do)
        for c in self.chambers:
            if not c.generic and not c.known and not c.prefix and not abbreviated_home(c.written):
                name = re.sub(r"\s+", "", self._mention_name(c))
                if chamber_key(name) in short:
                    self._chamber_ids.setdefault(chamber_key(name), f"chamber:{name}")

    def _chamber_node(self, c: ChamberMention, conf) -> str:
        span = self.span(c.start, c.end)
        if c.known:
            cid = self.f.node(c.known.id, "Chamber", c.known.name, {}, span, conf)
        else:
            props = {}
            if c.place:
                props["level"] = "province" if c.place.label == "Province" else "city"
            name = re.sub(r"\s+", "", self._mention_name(c))  # a line break or space the page set inside the name
            # 柬埔寨山西省商会 and later 柬埔寨山西商会: one chamber, named as the article first writes it (its full
            # name before an abbreviated one, _full_names_first)
            first = self._chamber_ids.setdefault(chamber_key(name), f"chamber:{name}")
            cid = self.f.node(first, "Chamber", first.removeprefix("chamber:"), props, span, conf if c.place else MID)
        if c.place:
            pid = self.place_node(c.place, c.place.start, c.place.end, conf)
            self.f.rel("BASED_IN", cid, pid, {}, span, conf if c.place.known else MID)
        return cid

    def person_node(self, i, j, conf=HIGH) -> str:
        name = self.written(i, j)
        known = self.index.lookup(name, ("Person",))
        if known:
            return self.f.node(known.id, "Person", known.name, {}, self.span(i, j), conf)
        return self.f.node(f"person:{name}", "Person", name, {}, self.span(i, j), conf)

    def company_node(self, i, j, conf=HIGH) -> str:
        name = self.written(i, j)
        known = self.index.lookup(name, ("Company",))
        if known:
            return self.f.node(known.id, "Company", known.name, {}, self.span(i, j), conf)
        return self.f.node(f"company:{name}", "Company", name, {}, self.span(i, j), MID)

    # ----- the pass over the text ------------------------------------------------------------
    def run(self) -> Facts:
        self.para_start = 0
        self.project_tables()  # before the sentences: a row is one project, not a sentence's
        for para in re.finditer(r"[^\n]+", self.t):
            self.event, self.para_start = None, para.start()
            for m in _SENT.finditer(para.group()):
                i, j = para.start() + m.start(), para.start() + m.end()
                self.sentence(i, j)
        self.line_lists()
        self.post_lines()
        self.spaced_post_lines()
        self.project_records()
        self.project_rows()
        self.we_chamber()
        self.merge_vague_events()
        self.drop_repeated_tallies()
        for c in self.chambers:  # every chamber named, whether or not a rule used it
            self.chamber_node(c, MID if c.listed else HIGH)
        return self.f

    def sentence(self, i: int, j: int) -> None:
        s = self.t[i:j]
        dates = _within(self.dates, self._date_starts, i, j)
        chambers = _within(self.chambers, self._chamber_starts, i, j)
        if self.campaign:
            m = _EVENT_COUNT.search(s)
            if m:
                self.f.nodes[self.campaign].properties["event_count"] = to_number(m.group(1))
                self.f.nodes[self.campaign].evidence.append(self.span(i + m.start(), i + m.end()))
        # 2024年,全省招商引资签约项目3132个 / 省属大企业…共签约项目203个: a province-wide total, told
        # with no event around it, is the province's campaign of that year
        province = self.event is None and bool(_PROVINCE_WORD.search(s)) and bool(_SIGNED_PROJECT_N.search(s)) \
            and not P.EVENT_RE.search(s) and self.home_province is not None
        # 2023年,X市共签约… (also after 记者获悉,): a year's total
        yearly = bool(_YEARLY.search(s))
        # (3月5日,平遥县一季度重点项目集中开工,共开工项目12个: a day's ground-breaking or signing, an event)
        day_of = any(isinstance(d, DateMention) and not d.approx for d in dates) and \
            bool(_STARTING_VERB.search(s) or _SIGNING_VERB.search(s))
        if (_CAMPAIGN_WORDS.search(s) and (yearly or P.CAMPAIGN_HINT.search(s)) and not day_of
                and not any(not _COUNTED.match(s, m.end()) for m in P.EVENT_RE.finditer(s))) or \
                (self.campaign and _CAMPAIGN_MORE.search(s)) or province:
            self.campaign_totals(i, j, dates, province)
            self.lost_tallies(i, j)
            return
        if dates and self.event is None and all(isinstance(d, DateMention) and d.approx and self.t[d.start:d.end] == "期间"
                                                for d in dates):
            # 9月20日,平遥国际摄影大展开幕。大展期间,X洽谈会举行: the period of what the paragraph dated before
            dates = self._paragraph_day(i) or dates
        if dates:
            before = self.event
            self.new_event(i, j, dates, chambers)
            if self.event == before is None:
                self.signing_event(i, j, dates)
            if self.event == before is None:
                self.host_meeting(i, j, dates)
            if self.event == before:
                self.visit(i, j, dates, chambers)
            if self.event == before:
                self.group_visit(i, j, dates)
            if self.event == before:
                self.chamber_meeting(i, j, dates, chambers)
            if self.event == before:
                self.promotion_trip(i, j, dates)
        elif self.event is None and _AT_PARAGRAPH_EVENT.match(s) and self._paragraph_day(i):
            # 9月20日,第23届平遥国际摄影大展开幕。在2024平遥古城招商洽谈会上,签约…: a sentence opening at an event,
            # in a paragraph dated by an earlier sentence that named none, is on that day
            self.new_event(i, j, self._paragraph_day(i), chambers)
        elif self.published and self.event is None and self.last_event is None and _AT_EVENT.match(s) \
                and not self._dated_paragraph(i) and not any(d.start < i and not d.approx for d in self.dates):
            # 集中签约仪式上,… in an article that dates nothing before it and has told of no event: the
            # publication date, approximate, as for 日前 (a report is written the day of the event or
            # just after). After a dated event, X仪式上 is rather that one, and is left alone.
            self.new_event(i, j, [DateMention(i, i, self.published, approx=True)], chambers)
        elif self.event is None and self.last_event is None and self._lede and self._lede[1] >= self.para_start - 1 \
                and _HOLDS.search(s):
            # 5月22日,…进行视频“云签约”。⏎…举办招商引资“云推介”暨签约仪式: the event the dated lede told of
            # without naming it, named in the next paragraph, takes the lede's day
            self.new_event(i, j, [DateMention(i, i, self._lede[0].day)], chambers)
        elif _within(self.yearless, self._yearless_starts, i, j):
            before = self.event
            yearless = _within(self.yearless, self._yearless_starts, i, j)
            self.new_event(i, j, yearless, chambers)
            if self.event == before is None:
                self.signing_event(i, j, yearless)
            if self.event == before is None:
                self.host_meeting(i, j, yearless)
            if self.event == before:
                self.visit(i, j, yearless, chambers)
        elif self.published is None and self.event is None and self.last_event is None and not self.yearless \
                and _may_sign(s) and _SIGNED_COUNT.search(s) and P.EVENT_RE.search(s):
            # 在第四届…博览会期间,共签约项目1123个 in an article dated nowhere: the event and its tally,
            # with no day; kept for a reviewer (facts.UNDATED) so the tally is not lost
            self.new_event(i, j, [None], chambers)
        if dates and self.event is None and self.last_event is None and self._lede is None \
                and isinstance(dates[0], DateMention) and not dates[0].approx:
            self._lede = (dates[0], j)  # a dated lede that named no event, and where it ends
        if self.event:
            self.last_event, self._last_event_at = self.event, i
        elif self.last_event and (_THIS_EVENT.match(s) or _THEN.match(s) or _DURING_IT.match(s)):
            self.event = self.last_event  # 这次…活动 / 随后,… in a later paragraph: the same occasion
        elif self.last_event and not dates and _may_sign(s) and _SIGNED_COUNT.search(s) and len(self.events_told()) == 1 \
                and "signed_count" not in self.f.nodes[self.last_event].properties:
            # an undated tally in a later paragraph of an article telling of one event is that event's
            self.event = self.last_event
        elif self.last_event and not dates and "签" in s and len(self.events_told()) == 1 \
                and "signed_total_yi" not in self.f.nodes[self.last_event].properties and self._signed_amount_only(s):
            # 此次签约的项目投资总额达4.5亿元 in a later paragraph of an article telling of one event: its amount
            self.event = self.last_event
        elif self.last_event and not dates and _SETTLES.search(s) and len(self.events_told()) == 1 \
                and self.f.nodes[self.last_event].properties.get("kind") == "签约仪式":
            # X项目落地霍州 in a later paragraph of an article telling of one signing: signed there
            self.event = self.last_event
        self.posts(i, j, chambers)
        self.profile_posts(i, j, chambers)
        self.elected(i, j)
        self.apposition(i, j, chambers)
        self.members(i, j, chambers)
        self.ambassadors(i, j, dates)
        self.liaison(i, j, dates, chambers)
        self.hometowns(i, j)
        self.project_lists(i, j)
        if self.event:
            self.event_details(i, j, chambers)
            self.projects(i, j)
        elif self.last_event in self._lower_bound:
            self.refine_total(i, j, self.f.nodes[self.last_event])
        self.lost_tallies(i, j)

    # ----- tallies no rule above took ------------------------------------------------------------
    def tallies_of(self, i, j) -> list:
        """_tallies of the sentence i..j, found once for the rules that ask."""
        if self._tally_at[:2] != (i, j):
            self._tally_at = (i, j, _tallies(self.t[i:j]))
        return self._tally_at[2]

    def events_in(self, i, j) -> list:
        """The event words (P.EVENT_RE) of the sentence i..j, found once for the rules that ask (new_event
        and event_details both read them; a scan costs more than most rules). Not to be changed."""
        if self._events_at[:2] != (i, j):
            self._events_at = (i, j, list(P.EVENT_RE.finditer(self.t[i:j])))
        return self._events_at[2]

    def _folded(self, name: str) -> str:
        if name not in self._fold_cache:
            self._fold_cache[name] = _fold(name)
        return self._fold_cache[name]

    def _these_again(self, count: int) -> list:
        """The non-overlapping matches, left to right, of `count` followed by _THESE_AGAIN (one compiled
        pattern tried at each place the count is written, not a pattern compiled for each count)."""
        out, word, k, last = [], str(count), self.t.find(str(count)), 0
        while k != -1:
            if k >= last and (k == 0 or self.t[k - 1] not in "0123456789."):
                m = _THESE_AGAIN_AT.match(self.t, k)
                if m and m.group(1) == word:
                    out.append(m)
                    last = m.end()
            k = self.t.find(word, k + 1)
        return out

    def drop_repeated_tallies(self) -> None:
        """A headline's tally (签约17个项目 总投资572亿元) told before the event is named made an undated
        holder; once an event or campaign holds the same figures, that holder is the same occasion told
        twice and goes (with its edges)."""
        def tally(n):
            return n.properties.get("signed_count"), n.properties.get("signed_total_yi")
        # a holder with a count and no amount: the same count told again with its amount, as a list's
        # total (…大同碳谷产业园等24个项目,⏎涵盖了…,总投资350.73亿元) or 这24个项目总投资X亿元
        for n in list(self.f.nodes.values()):
            c, t = tally(n)
            if n.label not in ("Event", "Campaign") or c is None or t is not None:
                continue
            for again in _COUNT_AGAIN.finditer(self.t):
                if int(again.group(1)) == c and not re.search(r"其中|\d+个", again.group(2)):
                    n.properties["signed_total_yi"] = amount_yi(again.group(3), again.group(4))
                    n.evidence.append(self.span(*again.span()))
                    break
            else:
                these = self._these_again(c)
                if len(these) == 1:
                    m = these[0]
                    n.properties["signed_total_yi"] = amount_yi(m.group(3), m.group(4))
                    n.evidence.append(self.span(m.start(3), m.end()))
        # a tally told before the one event the article names (the lede's, the headline's) is that event's
        own = [n for n in self.events_told() if n.id not in self._fallback]
        for eid in [e for e in self._fallback if e.startswith("event:undated/") and e in self._title_holders]:
            n = self.f.nodes.get(eid)
            if n is not None and len(own) == 1 and tally(own[0]) == (None, None):
                for k in ("signed_count", "signed_total_yi"):
                    if k in n.properties:
                        own[0].properties[k] = n.properties[k]
                own[0].evidence.extend(n.evidence[1:] if len(n.evidence) > 1 else n.evidence)
                self._fallback.discard(eid)
                del self.f.nodes[eid]
        held = [tally(n) for n in self.f.nodes.values() if n.id not in self._fallback and
                n.label in ("Event", "Campaign") and tally(n) != (None, None)]
        for eid in self._fallback:
            n = self.f.nodes.get(eid)
            if n is not None and any(tally(n)[0] == c and tally(n)[1] in (t, None) for c, t in held):
                del self.f.nodes[eid]
                for k in [k for k, r in self.f.rels.items() if eid in (r.start, r.end)]:
                    del self.f.rels[k]

    def merge_vague_events(self) -> None:
        """日前,晋城市招商推介会在深圳举行。…5月18日下午,晋城市招商推介会在深圳开幕: an event told first with a
        vague day (the publication's, approximate) and again with its own day in the same city is one event,
        on that day (within a month of the vague one: 日前 is recent); the vague one goes, its tally and edges
        moving to the dated one."""
        city = {r.start: r.end for r in self.f.rels.values() if r.type == "HELD_IN"}
        events = [n for n in self.f.nodes.values() if n.label == "Event" and n.id in city]
        for vague in [n for n in events if n.properties.get("date_approx") and "date" in n.properties]:
            same = [n for n in events if n is not vague and not n.properties.get("date_approx") and "date" in n.properties
                    and city[n.id] == city[vague.id] and abs((n.properties["date"] - vague.properties["date"]).days) <= 31
                    and (n.properties.get("kind") == vague.properties.get("kind")
                                                          or self._folded(vague.name) in self._folded(n.name)
                                                          or self._folded(n.name) in self._folded(vague.name))]
            if len(same) != 1:
                continue
            dated = same[0]
            for k in ("signed_count", "signed_total_yi"):
                if k in vague.properties:
                    dated.properties.setdefault(k, vague.properties[k])
            dated.evidence.extend(e for e in vague.evidence if e not in dated.evidence)
            for key, r in list(self.f.rels.items()):
                if vague.id in (r.start, r.end):
                    del self.f.rels[key]
                    start, end = (dated.id if r.start == vague.id else r.start), (dated.id if r.end == vague.id else r.end)
                    for span in r.evidence:
                        self.f.rel(r.type, start, end, r.properties, span, r.confidence)
            del self.f.nodes[vague.id]
            self._fallback.discard(vague.id)

    def lost_tallies(self, i, j) -> None:
        """A signed tally the sentence states plainly that no event or campaign rule took is not dropped:
        it goes to the occasion the clause names (在第十六届“厦洽会”上, / X大会期间,: that event, kept
        undated when no rule dated it), else to the event told of before if it has no tally yet, else,
        in an article that has told of no event, to the campaign of its total or to the article's own
        occasion (undated, named by its title). All of these wait for a reviewer (facts.UNDATED) unless
        the holder was already an event with its day and place. A holder that has its own tally keeps it:
        a second figure of one occasion is a part or a running total."""
        s = self.t[i:j]
        for a, b, n, amount, span in self.tallies_of(i, j):
            if i + a in self._told:
                continue
            self._told.add(i + a)
            if amount is None and any(n == x.properties.get("signed_count") for x in self.f.nodes.values()
                                      if x.label in ("Event", "Campaign")):
                continue  # 最终签约的50个项目,涉及…: a count told again with nothing new, not another tally
            # the occasion named last before the tally: 在X会上, / X期间, / 举行了X推介会,
            occasion = [(i + m.start(1), i + m.end(1)) for m in _OCCASION.finditer(s, 0, a) if m.end() <= a] + \
                [(self._name_start(i + m.start(), i), i + m.end()) for m in P.EVENT_RE.finditer(s, 0, a)
                 if not _COUNTED.match(s, m.end())]  # (推介会12场: events counted, not the occasion)
            holder, name = None, ""
            if occasion:
                start, end = max(occasion, key=lambda o: o[1])
                # the words before the name cut in the matching view (召開的 is 召开的 there)
                cut = re.match(r"^.*?(?:召开的|举行的|举办的|开幕的)|^(?:该市|我市|本市|全市|该县|我县|该区|我区)",
                               self.t[start:end])
                name = _unquote(self.written(start + (cut.end() if cut else 0), end))
            if len(_fold(name)) < 3:  # 会上, / 活动中,: the occasion told of before, as if none were named
                occasion = []
            strict = False
            if not occasion and _PART_AFTER.match(s) and self.event is None and (
                    self.last_event is None or "signed_count" in self.f.nodes[self.last_event].properties):
                # X市“三个一批”活动共推进项目58个…。其中,签约项目20个: the parts of an occasion that the
                # sentence before, opening its paragraph, names as its subject (one city's venue of a
                # province-wide day)
                back = len(self.t[:i].rstrip())
                prev = max(self.t.rfind(c, 0, back - 1) for c in "。！？\n") + 1
                lead = _SUBJECT_OCCASION.match(self.t, prev, i) if prev == 0 or self.t[prev - 1] == "\n" else None
                if lead and not _SENT_END.search(self.t, self.para_start, lead.end()):
                    start, end = lead.start(1), lead.end(1)
                    place, rest = lead.group("place") or "", lead.group("rest")
                    name = _unquote(self.written(start, start + len(place))
                                    + self.written(end - len(rest), end)) if place else _unquote(self.written(start, end))
                    occasion, strict = [(start, end)], True
            clause = s[max(s.rfind(c, 0, a) for c in "。；;") + 1:b]
            # a period's total (截至8月底 / 1-9月 / 全市累计) no campaign rule could place is no event's:
            # the campaign's told before, else the article's own occasion, for review
            period = bool(P.CAMPAIGN_HINT.search(clause)) and not occasion
            if occasion:
                key = _fold(name)
                same = [e for e in self.events_told() if key == self._folded(e.name) or not strict
                        and (key in self._folded(e.name) or self._folded(e.name) in key)]
                if same:
                    holder = same[-1]
                else:
                    kw = P.EVENT_RE.search(_fold(name))
                    eid = self.f.node(f"event:undated/{name}", "Event", name,
                                      {"kind": P.KIND_OF.get(kw.group(), kw.group()) if kw else "签约仪式"},
                                      self.span(start, end), UNDATED)
                    holder = self.f.nodes[eid]
                    self._fallback.add(eid)
            elif (self.event or self.last_event) and not period and not (
                    _WHOLE_TRIP.search(s, 0, a) and "signed_count" in self.f.nodes[self.event or self.last_event].properties):
                holder = self.f.nodes[self.event or self.last_event]
            elif self.campaign and not _WHOLE_TRIP.search(s, 0, a):
                holder = self.f.nodes[self.campaign]
            else:
                title = re.sub(r"^[\[【]|[\]】]$", "", str(self.a.meta.get("title") or "").strip()) or source_name(self.a)
                # (the title's own event word where it has one: …赴长三角开展招商活动 is a 招商会, not a signing)
                kw = P.EVENT_RE.search(_fold(title))
                eid = self.f.node(f"event:undated/{title}", "Event", title,
                                  {"kind": P.KIND_OF.get(kw.group(), kw.group()) if kw else "签约仪式"},
                                  self.span(i + a, i + b), UNDATED)
                holder = self.f.nodes[eid]
                self._fallback.add(eid)
                if not period:  # a period's total is never moved to an event
                    self._title_holders.add(eid)
            if holder is None:
                continue
            props = holder.properties
            if props.get("signed_count", n) != n or "signed_total_yi" in props or \
                    "signed_count" in props and amount is None:
                continue  # its own tally stays; the same count told again may bring its amount
            props["signed_count"] = n
            holder.evidence.append(self.span(i + a, i + b))
            if amount is not None:
                holder.properties["signed_total_yi"] = amount
                holder.evidence.append(self.span(i + span[0], i + span[1]))

    # ----- events ----------------------------------------------------------------------------
    def events_told(self) -> list:
        return [n for n in self.f.nodes.values() if n.label == "Event"]

    def _dated_paragraph(self, i) -> bool:
        end = self.t.find("\n", i)
        end = len(self.t) if end < 0 else end
        return bool(_within(self.dates, self._date_starts, self.para_start, end))

    def new_event(self, i, j, dates, chambers) -> None:
        s = self.t[i:j]
        matches = self.events_in(i, j)
        held = [m for m in matches if _HELD.match(self.t, i + m.end())]
        held += [m for m in matches if m not in held and (on := _HELD_ON.match(self.t, i + m.end()))
                 and on.group("day")]  # 推介会将于5月28日在深圳举行
        for m in held + [m for m in matches if m not in held]:
            kw_end = i + m.end()
            kw_start = kw_end - len(m.group())
            on = _HELD_ON.match(self.t, kw_end)  # held, and on which day where one is told: 推介会将于5月28日在深圳举行
            if self.t.rfind("《", i, kw_start) > self.t.rfind("》", i, kw_start) and not (
                    self.t.startswith("》", kw_end) and _HELD.match(self.t, kw_end)):
                continue  # 《示例推介会工作方案》: inside a book's or a plan's title, not the event (《X论坛》在太原举行 is one)
            if _EVENT_BODY.match(self.t, kw_end) or _COUNTED.match(self.t, kw_end):
                continue  # 论坛组委会 / 推介会筹备工作 / 推介会12场: a body or a count of the event, not the event held
            # a later keyword in the same name (恳谈会暨…招商会) makes the longer name
            rest = self.t[kw_end:j]
            nxt = P.EVENT_RE.search(rest)
            if nxt and re.fullmatch(rf"[{P.CJK}0-9A-Za-z()（）·]*", rest[:nxt.start()]) and not re.search(r"在|于|期间|举行|举办", rest[:nxt.start()]):
                continue
            kind = P.KIND_OF.get(m.group(), m.group())
            if kind in ("签约仪式", "开工仪式") and self.event:
                return
            start = self._name_start(kw_end - len(m.group()), i)
            if re.fullmatch(P.QUOTED_ACTIVITY, m.group()) and self.t[kw_end - len(m.group()) - 1] == "”":
                # “三个一批”活动: the quoted name is the event's
                start = self.t.rfind("“", i, kw_end)
            name_v = self.t[start:kw_end]
            quoted = re.search(r"“([^”]*)”(?:系列)?活动$", name_v) if kind == "活动" else None
            if quoted:  # “云签约”活动 / “云开工”活动: a signing or a ground-breaking, told by its quoted name
                kind = "签约仪式" if "签约" in quoted.group(1) else "开工仪式" if "开工" in quoted.group(1) else kind
            subject = re.search(r"(“[^”]{2,30}”活动)在[^，,。]{0,16}举行$", self.t[i:start])  # “X”活动在…举行启动典礼
            if subject:
                start, name_v = i + subject.start(1), subject.group(1) + m.group()
            elif (len(name_v) < 4 or not self._is_name(name_v)) and not (
                    (self._held_there(i, start, kw_end) or on and (name_v[:-len(m.group())] or on.group("day")
                                                                   or _ORGANISED_BY.search(self.t, i, start)))
                    and not re.fullmatch(r"本次|此次|这次|该|上述|本届|会议|活动|展会|大会", name_v[:-len(m.group())])):
                # a short name (示例推介会) is one where the clause holds it: …推介会在太原举行 / 在杭州举办推介会
                continue
            # the day stated last before the name, else after it; 日前 / …期间 only when none is stated
            written = _unquote(self.written(start, kw_end)) if not subject else \
                self.written(start, start + len(subject.group(1))) + self.written(kw_end - len(m.group()), kw_end)
            if dates == [None]:  # no day at all: where only if the name says (第四届中国(太原)…博览会)
                d, city = None, next((p for p in self.places_in(start, kw_end) if p.label == "City"), None)
            else:
                exact = [x for x in dates if not x.approx]
                # 推介会将于5月28日在深圳举行 / X会于9日在太原召开: the day told right after the name is its own
                own = [x for x in exact if on and kw_end <= x.start < on.end()]
                day = own or [x for x in exact if x.start < kw_end] or exact or [x for x in dates if x.start < kw_end] or dates
                d = day[-1]
                lasting = _LASTING.search(self.t, i, start)
                if lasting and isinstance(d, DateMention) and d.end_day is None and _ENDED.match(self.t, d.end, j):
                    # 为期两天的X会议…10日在大同结束: an event spanning days takes its first day
                    back = date.fromordinal(d.day.toordinal() - to_number(lasting.group(1)) + 1)
                    d = DateMention(d.start, d.end, back, d.day, d.approx, d.year_given)
                d = self._named_year(d, written)
                city = self._event_city(i, j, start, kw_end)
                if city is None and isinstance(d, DateMention):
                    # X商会召开会员代表会议, no place named: the meeting of a chamber is held in its city
                    # (or in its own rooms: X商会在商会会议室召开… / X商会第六次会长办公会议在商会办公室召开)
                    host = next((c for c in chambers if not c.generic and c.place is not None
                                 and (_CALLS_HOME.fullmatch(self.t, c.end, start)
                                      or start <= c.start and c.end <= kw_end and _HELD_HOME.match(self.t, kw_end))), None)
                    city = self._city_of(host.place, d.day) if host else None
                if city is None and isinstance(d, DateMention) and self.publisher_chamber and (
                        self.t.startswith(("我会", "本会"), start) or _WE_CALL.search(self.t, max(i, start - 30), start)):
                    # 我会2024年第一次会长办公会在商会会议室召开 / 我会召开…: on a chamber's own page, in its city
                    city = next((p for p in self.places.find(_fold(self.publisher_chamber[2])) if p.label == "City"), None)
                if city is None:
                    continue
            eid, props, conf = self._event_when(d, city, written)
            props["kind"] = kind
            if conf is None:
                conf = LOW if d.approx else (HIGH if city.known else MID)
            ev_span = self.span(min(d.start, start), kw_end) if d else self.span(start, kw_end)
            self.f.node(eid, "Event", written, props, ev_span, conf)
            if city is not None:
                cid = self.place_node(city, city.start, city.end, HIGH if city.known else MID)
                self.f.rel("HELD_IN", eid, cid, {}, self.span(min(city.start, start), max(city.end, kw_end)), conf)
            theme = re.search(r"以[“\"]([^”\"]{2,40})[”\"]为主题", s)
            if theme:
                self.f.nodes[eid].properties["theme"] = self.written(i + theme.start(1), i + theme.end(1))
            self.event, self.event_date = eid, props.get("date")
            if self.event_date and self.campaign and self.f.nodes[self.campaign].properties.get("year") == d.day.year:
                self.f.rel("PART_OF", eid, self.campaign, {}, ev_span, MID)
            return

    def _paragraph_day(self, i) -> list:
        """The exact day an earlier sentence of this paragraph states last (before i), as a list for new_event;
        none where the paragraph has told of an event already (self.event)."""
        if self.event is not None:
            return []
        floors = [self.para_start]
        before = self.t.rfind("\n", 0, max(0, self.para_start - 1)) + 1
        if 0 < self.para_start and not _SENT_END.search(self.t, before, max(before, self.para_start - 2)):
            floors.append(before)  # else the paragraph before, when it is one sentence a page set on a line
        for floor in floors:
            floor = max(floor, self._last_event_at + 1)
            found = [d for d in _within(self.dates, self._date_starts, floor, i) if not d.approx] or \
                _within(self.yearless, self._yearless_starts, floor, i)
            if found:
                return found[-1:]
        return []

    def _signed_amount_only(self, s: str) -> bool:
        """The sentence gives an amount signed, with no count: 此次签约的项目投资总额达4.5亿元 / 签约金额X亿元."""
        total = _SIGNED_TOTAL.search(s)
        return bool(total) and not _TALLY_GATE.search(s) and not _NOT_SIGNED.search(s) \
            and not _LAST_YEAR.search(s) and not _EARLIER_OCCASION.search(s) \
            and bool(_SIGNED_AMOUNT_WORD.match(total.group()) or _SIGNED_BEFORE.search(s, max(0, total.start() - 6),
                                                                                      total.start()))

    def _named_year(self, d, name: str):
        """今年9月20日,在2013平遥古城招商洽谈会上: a day stated without a year is in the year the event's name
        opens with (2013…会, 2024年…大会; not 2023年度…, a year reviewed), rather than a year the text names in
        passing (从2006年起 …) or the year of a later repost's date; a name's year after the article's is a
        goal's, not the event's."""
        m = re.match(r"(?:第[^届]{1,4}届)?((?:19|20)\d{2})(?!年度|\d)", _fold(name))
        if m is None or self.published is not None and not self.published.year - 30 < int(m.group(1)) <= self.published.year:
            return d  # (2030碳达峰推进会 in a 2024 article: a goal's year, not the event's)
        year = int(m.group(1))
        try:
            if isinstance(d, MonthDay):
                return DateMention(d.start, d.end, date(year, d.month, d.day), None, d.approx, True)
            if isinstance(d, DateMention) and not d.year_given and d.day.year != year:
                end = d.end_day.replace(year=d.end_day.year + year - d.day.year) if d.end_day else None
                return DateMention(d.start, d.end, d.day.replace(year=year), end, d.approx, True)
        except ValueError:  # 2月29日 of a year without one
            pass
        return d

    def _held_there(self, i, start, kw_end) -> bool:
        """The clause before an event's name says where it was held (在杭州举办 / 赴苏州举办); one that
        attends (参加 / 出席) only right after a place (赴晋城参加, not 在太原会见了前来参加)."""
        m = _HELD_THERE.search(self.t, i, start)
        if m is not None and _PLANNED_BEFORE.search(self.t, max(i, m.start() - 10), m.start()):
            return False  # 拟于6月在深圳举办的推介会 / 将于下月在太原举办的: still to come, with no day of its own
        if m is None:
            # 平遥县举办招商推介会: a city or county holding it, the name ending the clause (not a routine
            # 座谈会 / 推进会 / 发布会 of a government, which the sets do not count as events)
            v = _HOLDER_VERB.search(self.t, i, start)
            if self.t[kw_end - 3:kw_end] in ("座谈会", "推进会", "发布会"):
                return False
            return bool(v) and re.match(r"[，,。；;]", self.t[kw_end:kw_end + 1]) is not None and any(
                p.end == v.start() and p.label in ("City", "County") for p in self.places_in(i, v.start()))
        if m.group("v") not in ("参加", "出席"):
            return True
        return any(p.start == m.start() + 1 and p.end == m.start("v") for p in self.places_in(m.start(), m.start("v")))

    def signing_event(self, i, j, dates) -> None:
        """A dated signing told by its verb, with no event word: 5月29日上午,X开发区招商引资24个项目在
        Y产业园集中签约 is the 签约仪式 "X开发区招商引资项目集中签约", where the clause says it was."""
        s = self.t[i:j]
        m = _SIGNING_VERB.search(self.t, i, j) if "签约" in s else None
        kind, verb = "签约仪式", "签约"
        if m is None and ("开工" in s or "复工" in s):
            m, kind, verb = _STARTING_VERB.search(self.t, i, j), "开工仪式", "开工"
        if m is None:
            return
        start = self._name_start(m.start(), i)
        subject = re.sub(r"\d+[个個]", "", self.written(start, m.start()))  # (個: as written)
        holder = _PLACE_HOLDS.search(self.t, i, start)
        if holder and any(p.start == holder.start(1) and p.end == holder.end(1) and p.label in ("City", "County")
                          for p in self.places_in(holder.start(1), holder.end(1))):
            # 太谷区举行重点项目集中签约: the place that holds it opens the name
            start, subject = holder.start(1), self.written(holder.start(1), holder.end(1)) + subject
        # (only with its count cut out: 古交市项目集中签约 leaves 古交市项目 to the project rules)
        whole_place = subject != self.written(start, m.start()) and any(p.start == start and self.written(p.start, p.end) == subject and p.label in ("City", "County")
                          for p in self.places_in(start, m.start()))  # 昔阳县12个项目集中签约: 昔阳县项目集中签约
        if not whole_place and (len(subject) < 4 or not self._is_name(subject + "项目")):
            return
        city = self._event_city(i, j, start, m.start())
        if city is None:
            return
        exact = [x for x in dates if not x.approx]
        d = ([x for x in exact if x.start < m.start()] or exact or dates)[-1]
        # the words as written (陽城縣重點項目集中簽約 stays traditional); 开复工 / 复工 named 开工
        said = self.written(m.end(2), m.end())
        name = subject + self.written(m.start(), m.start() + 2) + self.written(m.start(2), m.end(2)) + \
            (said if _fold(said) == verb else verb)
        eid, props, conf = self._event_when(d, city, name)
        props["kind"] = kind
        if conf is None:
            conf = LOW if d.approx else MID
        span = self.span(min(d.start, start), m.end())
        self.f.node(eid, "Event", name, props, span, conf)
        cid = self.place_node(city, city.start, city.end, HIGH if city.known else MID)
        self.f.rel("HELD_IN", eid, cid, {}, self.span(min(city.start, start), max(city.end, m.end())), conf)
        self.event, self.event_date = eid, props.get("date")

    def host_meeting(self, i, j, dates) -> None:
        """A dated meeting a place holds, told by its verb: 10月4日,芮城县邀请芮城在外商会和企业家代表座谈
        交流 is the 座谈会 "芮城在外商会和企业家代表座谈会" in that county's city."""
        s = self.t[i:j]
        m = _HOST_MEETING.search(self.t, i, j) if "座谈" in s and ("邀请" in s or "召集" in s) else None
        if m is None:
            return
        host = next((p for p in self.places_in(i, j) if p.start == m.start(1) and p.end == m.end(1)
                     and p.label in ("County", "City")), None)
        if host is None:
            return
        city = self._event_city(i, j, m.start(1), m.end(1)) if host.label == "County" else host
        if city is None:
            return
        exact = [x for x in dates if not x.approx]
        d = ([x for x in exact if x.start < m.start()] or exact or dates)[-1]
        name = self.written(m.start(2), m.end(2)) + "座谈会"
        eid, props, conf = self._event_when(d, city, name)
        props["kind"] = "座谈会"
        if conf is None:
            conf = LOW if d.approx else MID
        self.f.node(eid, "Event", name, props, self.span(min(d.start, m.start()), m.end()), conf)
        cid = self.place_node(city, city.start, city.end, HIGH if city.known else MID)
        self.f.rel("HELD_IN", eid, cid, {}, self.span(m.start(1), m.end(1)), conf)
        self.event, self.event_date = eid, props.get("date")

    def _event_when(self, d, city, name: str) -> tuple[str, dict, float | None]:
        """An event's id, date properties and, when its year is not known, its confidence
        (facts.UNDATED, so it is never loaded without a reviewer's date): a dated day gives
        event:2017-05-12/太原市; a day without a year the month-day as stated, event:--05-09/大连市
        (month_day: ISO gMonthDay; no id of a dated event starts with -); no day at all
        event:undated/<its name>."""
        if d is None:
            return f"event:undated/{name}", {}, UNDATED
        if isinstance(d, MonthDay):
            props = {"month_day": d.md}
            if d.approx:
                props["date_approx"] = True
            return f"event:{d.md}/{city.name}", props, UNDATED
        props = {"date": d.day}
        if d.end_day:
            props["end_date"] = d.end_day
        if d.approx:
            props["date_approx"] = True
        return f"event:{d.day.isoformat()}/{city.name}", props, None

    def visit(self, i, j, dates, chambers) -> None:
        """A dated visit to a chamber is an event where the chamber is: 5月23日,…一行莅临我会 /
        赴苏州市山西商会,拜会… / 看望了香港山西商会同仁并座谈. Its kind is what the sentence says
        they did there (座谈, 调研, 考察), else the verb (拜会, 看望), else 考察."""
        s = self.t[i:j]
        for m in _VISIT.finditer(s):
            at = i + m.end()
            chamber = next((c for c in chambers if c.start == at and not c.generic), None)
            we = self.publisher_chamber if s.startswith(("我会", "本会"), m.end()) else None
            if chamber is None and we is None:
                continue
            d = ([x for x in dates if not x.approx] or dates)[0]
            if chamber is not None:
                city, end = self._city_of(chamber.place, None if isinstance(d, MonthDay) else d.day), chamber.end
            else:
                found = [p for p in self.places.find(_fold(we[2])) if p.label == "City"]
                city, end = (found[0] if found else None), at + 2
            if city is None:
                continue
            cid = self.place_node(city, at, end, MID)
            kind = next((k for w, k in _VISIT_KIND if w in s[m.start():]), "考察")
            verb = kind if m.group(1) in ("赴", "到") else m.group(1)  # 赴/到 is the trip, not what was done there
            name = verb + (self.written(chamber.start, chamber.end) if chamber else we[2])
            eid, props, conf = self._event_when(d, city, name)
            props.pop("end_date", None)
            props["kind"] = kind
            if conf is None:
                conf = LOW if d.approx else MID
            self.f.node(eid, "Event", name, props, self.span(min(d.start, i + m.start()), end), conf)
            self.f.rel("HELD_IN", eid, cid, {}, self.span(i + m.start(), end), conf)
            self.event, self.event_date = eid, props.get("date")
            return

    def promotion_trip(self, i, j, dates) -> None:
        """A dated trip a leader leads to a city to seek investment: 2月22日至25日,X市市长甲带队赴深圳开展招商引资
        活动 / 率团赴上海招商 is a 招商考察 in that city, from the first day."""
        m = _TRIP.search(self.t, i, j)
        if m is None:
            return
        city = next((p for p in self.places_in(m.start(1), m.end(1)) if p.label == "City"), None)
        if city is None:
            return
        d = ([x for x in dates if not x.approx and x.start < m.start()] or [None])[0]
        if d is None or isinstance(d, MonthDay):
            return
        name = self.written(m.start(1) - 1, m.end())
        eid, props, conf = self._event_when(d, city, name)
        props["kind"] = "招商考察"
        conf = conf or (HIGH if city.known else MID)
        self.f.node(eid, "Event", name, props, self.span(d.start, m.end()), conf)
        self.f.rel("HELD_IN", eid, self.place_node(city, city.start, city.end, MID), {},
                   self.span(m.start(), m.end()), conf)
        self.event, self.event_date = eid, props.get("date")

    def group_visit(self, i, j, dates) -> None:
        """A dated visit told by its verbs: 9月21日,X商会会长甲一行来到我县,就…进行考察 / 8日,X同乡会一行
        20人…在山西太原、大同等地参观访问. The event is in the first city named where they went (我县 /
        我市: the publishing county's or city's), its kind what they did (座谈, 调研, else 考察)."""
        m = _GROUP_VISIT.search(self.t, i, j)
        if not m or not _VISIT_VERB.search(self.t, m.end(1), j):
            return
        city = None
        for to in _GOES_TO.finditer(self.t, m.end(1), j):  # 一行20人回到家乡,在山西太原…: the first place that is one
            a, b = to.span(1)
            city = self._visited_city(a, b)
            if city:
                break
        if city is None:
            return
        d = ([x for x in dates if not x.approx and x.start < a] or [x for x in dates if x.start < a] or dates)[0]
        kind = next((k for w, k in _VISIT_KIND if w in self.t[m.end(1):j]), "考察")
        kind = "考察" if kind in ("拜会", "看望") else kind
        subject = self.t[self._name_start(m.start(1), i):m.start(1)]
        subject = re.sub(rf"(?:{P.POST_RE})[{P.CJK}]{{2,3}}$", "", subject)  # X商会会长甲一行: X商会
        eid = f"event:{d.day.isoformat()}/{city.name}"
        props = {"date": d.day, "kind": kind}
        if d.approx:
            props["date_approx"] = True
        conf = LOW if d.approx else MID
        cid = self.f.node(f"city:{city.name}" if not city.known else city.id, "City", city.name, {}, self.span(a, b), MID)
        self.f.node(eid, "Event", subject + kind, props, self.span(min(d.start, m.start()), m.end()), conf)
        self.f.rel("HELD_IN", eid, cid, {}, self.span(a, b), conf)
        self.event, self.event_date = eid, d.day

    def chamber_meeting(self, i, j, dates, chambers) -> None:
        """2011年12月31日,X商会党委理论学习中心组组织座谈: a chamber (or a body of it: 党委, 党支部,
        秘书处) meeting by itself, told by the verb and 座谈 rather than an event's name; held in the
        chamber's city."""
        for c in chambers:
            if c.generic:
                continue
            m = _OWN_MEETING.match(self.t, c.end, j)
            if not m:
                continue
            d = ([x for x in dates if not x.approx] or dates)[0]
            city = self._city_of(c.place, d.day)
            if city is None:
                continue
            eid = f"event:{d.day.isoformat()}/{city.name}"
            props = {"date": d.day, "kind": "座谈会"}
            if d.approx:
                props["date_approx"] = True
            conf = LOW if d.approx else MID
            name = self.written(c.start, c.end + len(m.group(1))) + "座谈"
            self.f.node(eid, "Event", name, props, self.span(min(d.start, c.start), m.end()), conf)
            self.f.rel("HELD_IN", eid, self.place_node(city, c.start, c.end, MID), {}, self.span(c.start, c.end), conf)
            self.event, self.event_date = eid, d.day
            return

    def _visited_city(self, a, b):
        where = self.t[a:b]
        if where.startswith(("我县", "本县")):
            return self.home_county
        if where.startswith(("我市", "本市")):
            return self.home
        for p in self.places_in(a, b):
            if p.label == "City":
                return p
            if p.label == "County" and p.id.count("/") == 1:
                city = places.county_city(p.id)
                return _place(p.start, p.end, "city:" + city, city, False)
        return None

    def _city_of(self, place, day):
        """The city a chamber's place stands for: a city; a 直辖市 or 香港 as a city; a province
        only through a city the article places the writer in that day (…日于兰州)."""
        if place is None:
            return None
        if place.label == "City":
            return place
        as_city = self.places.at(self.t, place.start, ("City",))
        if as_city and as_city.name in places.MUNICIPALITIES + places.SARS:
            return as_city
        for d in self.dates:
            if d.day == day and not d.approx and _DATED_PLACE.match(self.t, d.end):
                city = self.places.at(self.t, _DATED_PLACE.match(self.t, d.end).end(), ("City",))
                if city:
                    return city
        return None

    def _name_start(self, kw_start: int, floor: int) -> int:
        t = self.t
        if kw_start > 0 and t[kw_start - 1:kw_start] in ("“", '"', "《") or False:
            return kw_start
        close = t.rfind("“", floor, kw_start)
        if close >= 0 and "”" not in t[close:kw_start]:
            return close + 1
        left = kw_start
        if t[kw_start - 1:kw_start] == "”":  # 阳泉市2019年“老乡回家”恳谈会: the quote is part of the name
            opened = t.rfind("“", floor, kw_start)
            left = opened if opened >= 0 else left
        while left > floor:
            if _NAME_RUN.match(t[left - 1]):
                left -= 1
            elif t[left - 1] == "”" and 0 <= t.rfind("“", floor, left - 1) >= left - 14:
                left = t.rfind("“", floor, left - 1)  # 吕梁市2020第二季“以商招商”项目恳谈会: a quoted word inside the name
            else:
                break
        run = t[left:kw_start]
        # words inside a quoted part do not cut the name: “迎老乡、回故乡”恳谈会
        if "“" in run:
            run = re.sub(r"“[^”]*”", lambda q: "“" + "Q" * (len(q.group()) - 2) + "”", run)
        cuts = list(P.NAME_CUT.finditer(run))
        start = left + (cuts[-1].end() if cuts else 0)
        lead = P.LEADING.match(t[start:kw_start])
        return start + (lead.end() if lead else 0)

    def _is_name(self, name: str) -> bool:
        return not re.fullmatch(r"(?:本次|此次|这次|该|会议|活动|展会|大会)?\w{0,2}", name[:-3] if len(name) > 3 else "")

    def _event_city(self, i, j, name_start, name_end):
        # (…推介会举行，会上签约…；14日，代表团赴深圳考察: a later clause's place is another day's)
        j = min((k for k in (self.t.find("；", name_end, j), self.t.find(";", name_end, j)) if k >= 0), default=j)
        capital = self._provincial_capital(i, j)
        if capital is not None:
            return capital
        # (吕梁展厅 / 晋城馆: an exhibitor's hall named after its city, inside a fair held elsewhere)
        found = [p for p in self.places_in(i, j) if not _HALL.match(self.t, p.end)]
        outside = [p for p in found if not (name_start <= p.start < name_end)
                   and not self._inside_entity(p.start)  # (inside a chamber's or company's name)
                   and self.t[p.start - 1:p.start] != "驻"  # 驻上海办事处 names an office, not the venue
                   and not _DATELINE.match(self.t, p.end)  # 新华网太原5月10日电: where the report was filed
                   # 吕梁市组织60家企业参展 / 晋城市组团参加: who took part, not where (unless 在/赴 … says so)
                   and not (_TAKES_PART.match(self.t, p.end) and not self._triggered(i, p))
                   # 晋城市副市长甲出席 / 晋城市委书记: an official's title, not where the event is
                   and not (_OFFICIAL.match(self.t, p.end) and not self._triggered(i, p))]
        away = outside
        if self.home:  # 我市 / 忻州市组团… names the travellers' city, not where the event is
            away = [p for p in outside if p.id != self.home.id or self._triggered(i, p)]
        counties = [p for p in found if p.label == "County" and p.id.count("/") == 1]
        via_county = [type(p)(p.start, p.end, "city:" + places.county_city(p.id), "City",
                              places.county_city(p.id), True) for p in counties]
        # 在上海举办的X推介会 is in 上海; else X市…推介会, a name opening with a city, is held there
        # (not in the city an organiser or a forum beside it is named after)
        triggered = [p for p in away if p.label == "City" and self._triggered(i, p)]
        opening = [p for p in found if p.label == "City" and p.start == name_start]
        # 晋城(深圳)招商推介会 / 山西(香港)投资洽谈会: the city in brackets inside the name is where it is held,
        # not the city the name opens with (the organiser's)
        bracketed = [p for p in found if p.label == "City" and name_start < p.start < name_end
                     and self.t[p.start - 1] in "(（" and self.t[p.end:p.end + 1] in (")", "）")]
        if not triggered and bracketed:
            return bracketed[0]
        # 太原市组团在平遥县参加推介会: a county the clause says it was held in (在/赴/于 …) before an untriggered
        # city (the travellers' or organisers'): the county's city
        at_county = [p for p in away if p.label == "County" and p.id.count("/") == 1 and self._triggered(i, p)]
        if not triggered and at_county:
            city = places.county_city(at_county[0].id)
            known = self.index.lookup(city, ("City",))
            return _place(at_county[0].start, at_county[0].end, known.id if known else f"city:{city}", city, bool(known))
        if not triggered and opening:
            # 晋城市招商推介会在鹏城举行 / 在深举行: the city the clause holds it in, by its short name or
            # nickname, over the one the name opens with
            return self._alias_city(name_end, j, triggered=True) or opening[0]
        if not triggered and any(p.label == "Province" and p.start >= name_end and self.t[p.start - 1:p.start] == "在"
                                 and _HELD_IN_PROVINCE.match(self.t, p.end) for p in found):
            return None  # X联席会在陕西圆满举办: the name's event is held in a province, in no city the sentence names
        if self.t.startswith("期间", name_end):
            # 在第七届进博会期间，灵石县与3家企业签约…: the county that signed during a fair, not where it was held
            via_county = [p for p in via_county if p.start < name_end]
        for pool in (away, [p for p in found if name_start <= p.start < name_end], outside, via_county):
            cities = [p for p in pool if p.label == "City"]
            triggered = [p for p in cities if self._triggered(i, p)]
            if triggered:
                return triggered[0]
            if cities:
                return cities[0]
        # 我县 / 我市 (全县 / 本市 …) holding it: the publishing county's city, the home city; not one that only
        # takes part (我市组织企业参展)
        # (in the clause of the name, before it or opening it: 全县…集中开工 / 我市举行…仪式)
        clause = max(i, max(self.t.rfind(c, i, name_start) for c in "，,；;") + 1)
        ours = _OURS.search(self.t, clause, name_end)
        if ours and not _TAKES_PART.match(self.t, ours.end()):
            home = self.home_county if ours.group()[1] == "县" else self.home
            if home is not None:
                return home
        return self._alias_city(i, j)

    def _alias_city(self, i, j, triggered=False):
        """A city the sentence i..j names by a short name or a nickname: 在京 / 赴沪 / 在并 (a one-character
        name, only right after 在/赴/抵/来), 在鹏城; 龙城 / 省城 untriggered only in an article about that
        province (Shanxi's 太原). With triggered, only one right after 在 / 赴 … and before the verb that holds
        the event there (在鹏城举行; not 在鹏城工作的企业家)."""
        short = _SHORT_CITY_RE.search(self.t, i, j)
        if short:
            full = _SHORT_CITY[short.group(1)]
            known = self.index.lookup(full, ("City",))
            a = short.start(1)
            return _place(a, a + 1, known.id if known else f"city:{full}", full, bool(known))
        nick = _NICKNAMES_RE.search(self.t, i, j)
        after_trigger = nick and _TRIGGERED.search(self.t, max(i, nick.start() - 3), nick.start())
        if nick and (_NICKNAMES[nick.group()][0] is None and after_trigger
                     or self.home_province and self.home_province[1] == _NICKNAMES[nick.group()][0]) \
                and (not triggered or after_trigger and _HOLDS_THERE.match(self.t, nick.end())):
            full = _NICKNAMES[nick.group()][1]
            known = self.index.lookup(full, ("City",))
            return _place(nick.start(), nick.end(), known.id if known else f"city:{full}", full, bool(known))
        return None

    def _provincial_capital(self, i, j):
        """在省城召开 / 赴省城参加: the capital of the article's province (a Shanxi paper's 省城 is 太原)."""
        m = re.search(r"(?:在|赴|抵|来|到|于)省城(?=举|召|参|开|出|[，,])", self.t[i:j])
        if not m or self.home_province is None or self.home_province[1] not in places.CAPITALS:
            return None
        full = places.CAPITALS[self.home_province[1]]
        known = self.index.lookup(full, ("City",))
        a = i + m.end() - 2
        return _place(a, a + 2, known.id if known else f"city:{full}", full, bool(known))

    def places_in(self, i, j) -> list:
        """Place mentions of the whole text (found once) within view positions i..j."""
        k = bisect_left(self._place_starts, i) if hasattr(self, "_place_starts") else None
        if k is None:
            self._place_starts = [p.start for p in self.all_places]
            k = bisect_left(self._place_starts, i)
        out = []
        while k < len(self.all_places) and self.all_places[k].start < j:
            out.append(self.all_places[k])
            k += 1
        return out

    def _triggered(self, i, p) -> bool:
        before = self.t[max(i, p.start - 8):p.start]
        return bool(_TRIGGERED.search(before))

    def event_details(self, i, j, chambers) -> None:
        s, eid = self.t[i:j], self.event
        ev = self.f.nodes[eid]
        # organisers: 由市政府主办，晋商会承办 / 省委、省政府举办的
        for m in _ORGANISER_ROLE.finditer(s):
            role = "主办" if m.group() == "举办的" else m.group()
            end = i + m.start()
            before = self.t[max(i, end - 12):end]
            org = None
            ch = [c for c in chambers if c.end == end or c.end == end - 1]
            if ch and not ch[0].generic:
                org = self.chamber_node(ch[0])
            elif _CITY_ORGANISER.search(before):
                # 晋中市人民政府承办: the city it names, not the publisher's (a chamber's page elsewhere); only
                # 市委 / 市政府 / 我市 with no name before them is the home city
                suffix = _CITY_ORGANISER.search(before)
                cut = end - len(suffix.group()) + suffix.group().find("市") + 1
                named = [p for p in self.places_in(max(i, end - 12), end) if p.end == cut]
                if named:
                    org = self.place_node(named[-1], named[-1].start, end, MID) if named[-1].label == "City" else None
                else:
                    org = self.home_node(end - 3, end)
            elif _PROVINCE_ORGANISER.search(before) and self.home:
                org = self.f.node("province:山西省", "Province", "山西省", {}, self.span(end - 3, end), MID)
            if org:
                self.f.rel("ORGANIZED", org, eid, {"role": role}, self.span(max(i, end - 8), i + m.end()), MID)
        if _CITY_HOSTED.search(s) and self.home:
            org = self.home_node(i, j)
            self.f.rel("ORGANIZED", org, eid, {"role": "主办"}, self.span(i, j), MID)
        # attendance and delegations
        for m in _HEADCOUNT.finditer(s) if "人" in s or "位" in s or "名" in s else ():  # its words, cheaply
            if "大使" in s:
                break
            n = to_number(m.group(1))
            if not isinstance(n, int):
                continue
            if m.group(4) and self.home:
                home = self.home_node(i + m.start(), i + m.end())
                self.f.rel("ATTENDED", home, eid, {"count": n, "role": "代表团"}, self.span(i + m.start(), i + m.end()),
                           HIGH)
            else:
                ev.properties.setdefault("attendance", n)
                ev.evidence.append(self.span(i + m.start(), i + m.end()))
        # (成都市山西商会代表团 / 商会率领商会代表团: the chamber's delegation, which attends as the chamber, not
        # the home city's)
        if self.home and any(not any(c.end <= i + d.start() <= c.end + 4 for c in chambers)
                             and not _CHAMBER_DELEGATION.search(s, max(0, d.start() - 4), d.start())
                             for d in _DELEGATION.finditer(s)):
            self.f.rel("ATTENDED", self.home_node(i, j), eid, {"role": "代表团"}, self.span(i, j), MID)
        # signed counts and amounts at the event, not at another one the sentence names (举行了X推介会,
        # …N个项目签约 is that earlier one's tally); 今天签约的… is the tally of the event the article opens with
        own = ev
        if _TODAY.search(s) and _SIGNED_COUNT.search(s):
            own = self.events_told()[0]
        # (大会期间，举行了项目集中签约仪式，共签约…: a signing held during the event is the event's tally)
        during = _DURING_IT.match(s)
        others = [m.group() for m in self.events_in(i, j) if m.group() not in _fold(own.name)
                  and not (during and P.KIND_OF.get(m.group(), m.group()) == "签约仪式")]
        tallies = [] if others else self.tallies_of(i, j)
        count = tallies[0] if tallies else None
        ev = own
        if count:
            ev.properties.setdefault("signed_count", count[2])  # the first tally told of the event is its own
            ev.evidence.append(self.span(i + count[0], i + count[1]))
            if ev.properties["signed_count"] == count[2]:  # taken; another figure is left for lost_tallies
                self._told.add(i + count[0])
        # the amount told with the count is that count's: 签约项目102项,投资1262.95亿元
        total = _TALLY_AMOUNT.match(s, count[4][0]) if count and count[4] else None
        if total is None and not (count and count[4] == ()):  # 3亿美元: told, and no 亿元 figure
            total = _SIGNED_TOTAL.search(s)
            if total and not count and re.search(r"\d+[个项宗]", s[:total.start()]):
                total = None  # 亿元以上项目12个,总投资30亿元: the amount of a count that is no tally (a part)
            if total and count and total.start() >= count[1] and (_PART_OR_KIND.search(s, count[1], total.start())
                                                                   or _ANOTHER_COUNT.search(s, count[1], total.start())):
                total = None  # 签约项目16个,其中亿元以上项目10个,总投资X亿元: the part's amount, not the tally's
        if total and not count and not (_SIGNED_AMOUNT_WORD.match(total.group()) or _COLLECTIVE.search(s)
                                        or "signed_count" not in ev.properties
                                        and _SIGNED_BEFORE.search(s, max(0, total.start() - 6), total.start())):
            total = None  # X项目签约，总投资30亿元: one project's amount, not the occasion's tally
        if total and not count and (_LAST_YEAR.search(s, 0, total.start()) or _EARLIER_OCCASION.search(s, 0, total.start())):
            total = None  # 去年同期签约投资总额X亿元 / 上届…签约总额: a figure for comparison, not this occasion's
        # (a plan told after the amount, 预计年产值…, leaves it the occasion's)
        if total and (count or "签约" in s and not _NOT_SIGNED.search(s, 0, total.end())) and not others:
            ev.properties.setdefault("signed_total_yi", amount_yi(total.group(1), total.group(2)))
            ev.evidence.append(self.span(i + total.start(), i + total.end()))
            if re.search(r"(?:超过|超|逾|突破)$", s[:total.start(1)]) and \
                    ev.properties["signed_total_yi"] == amount_yi(total.group(1), total.group(2)):
                self._lower_bound.add(ev.id)  # 总投资超过1万亿元: a later exact figure may refine it
        elif not others:
            self.refine_total(i, j, ev)
        # who attended: chambers, their people, counties, companies
        roles = None  # (the organisers, found by a scan of every relationship only once a chamber needs them;
        # chamber_node and ATTENDED add none)
        for c in chambers:
            cid = self.chamber_node(c, MID)
            if cid and roles is None:
                roles = {r.start for r in self.f.rels.values() if r.type == "ORGANIZED" and r.end == eid}
            if cid and cid not in roles:
                self.f.rel("ATTENDED", cid, eid, {}, self.span(c.start, c.end), MID)
        attending = _ATTENDING.search(s)
        for p in self.places_in(i, j) if attending else ():
            if p.label == "County" and not self._inside_entity(p.start) and not self._inside_project(s, p.start - i):
                cid = self.place_node(p, p.start, p.end, MID)
                self.f.rel("ATTENDED", cid, eid, {}, self.span(p.start, p.end), MID)
        for a, b, _ in self.companies:
            if i <= a < j and "单位" not in self.t[max(i, a - 2):a]:
                cid = self.company_node(a, b, MID)
                self.f.rel("ATTENDED", cid, eid, {}, self.span(a, b), MID)

    def refine_total(self, i, j, ev) -> None:
        """总投资超过1万亿元 … (later) 所有项目总投资额10696.75亿元: the exact figure of a total told
        first as a lower bound (超过, 逾) replaces it, if it is within a fifth above it."""
        if ev.id not in self._lower_bound:
            return
        s = self.t[i:j]
        total = _SIGNED_TOTAL.search(s)
        if total is None or re.search(r"(?:超过|超|逾|约|近)$", s[:total.start(1)]) or P.EVENT_RE.search(s):
            return
        exact, bound = amount_yi(total.group(1), total.group(2)), ev.properties["signed_total_yi"]
        if bound <= exact <= bound * 1.2:
            ev.properties["signed_total_yi"] = exact
            ev.evidence.append(self.span(i + total.start(), i + total.end()))
            self._lower_bound.discard(ev.id)

    def _inside_entity(self, k: int) -> bool:
        if not hasattr(self, "_entity_cover"):  # every position inside a chamber's or company's name, once
            self._entity_cover = {x for c in self.chambers for x in range(c.start, c.end)} | \
                {x for a, b, _ in self.companies for x in range(a, b)}
        return k in self._entity_cover

    def _inside_project(self, s: str, k: int) -> bool:
        end = s.find("项目", k)
        return end >= 0 and not re.search(r"[、，,。等]", s[k:end])

    # ----- projects --------------------------------------------------------------------------
    def projects(self, i, j) -> None:
        s = self.t[i:j]
        # 签约 / 开工 told in the sentence, or a project settling in a place at a signing (X项目落地霍州)
        if not _SIGNS_OR_STARTS.search(s) and not (self.f.nodes[self.event].properties.get("kind") == "签约仪式"
                                                    and _SETTLES.search(s)):
            return
        stage = "开工" if "开工" in s and "签约" not in s else "签约"
        for m in _PROJECT_WORD.finditer(s):  # 随着X工程的奠基,…集中开工
            end = i + m.end()
            if end in self.listed_ends:  # named already by a list rule
                continue
            run_end = end
            while run_end < j and run_end - end < 24 and _NAME_RUN.match(self.t[run_end]):
                run_end += 1
            kw = P.EVENT_RE.search(self.t, end, run_end)
            # X项目建设年3月份项目集中开工仪式(举行): the event's name, not a project (X项目签约仪式 is the project's)
            if kw and kw.start() > end and (kw.end() == run_end or _HELD.match(self.t, kw.end())) \
                    and not re.search(r"举行|举办|召开|现场|在|于", self.t[end:kw.start()]):
                continue
            left = run_left(self.t, i + m.start(), 30)
            cap = re.search(r"(?:[^\d.]|^)(年产[\d.]+)$", self.t[max(i, left - 12):left])  # 年产5万吨…: over its figure
            if cap:
                left -= len(cap.group(1))
                # who makes it, written before 年产 (聚义富康年产500万吨焦化项目), up to a company's name
                opened = run_left(self.t, left, 12)
                held = re.search(r"(?:公司|集团|厂)([^公集厂]*)$", self.t[opened:left])
                left = (left - len(held.group(1))) if held else opened
            run = self.t[left:end]
            # a company's name before the project ends the run too: X有限公司年产20万吨…项目
            cuts = list(P.PROJECT_CUT.finditer(run[:-len(m.group())])) + list(P.COMPANY_END.finditer(run[:-len(m.group())]))
            start = left + (max(c.end() for c in cuts) if cuts else 0)
            name_v = self.t[start:end]
            capacity = bool(re.match(r"[^\d]{0,12}年产", name_v))  # (X)年产5万吨…项目 is one project, digits and all
            if len(name_v) < 5 or (P.GENERIC_PROJECT.search(name_v) or re.search(r"\d", name_v)) and not capacity:
                continue
            if _KIND_TALLY.match(self.t, end):  # 高科技项目有12个 / 工业类项目63个: a kind counted, not one
                continue
            if a_class(name_v):  # 全县重点产业链招商项目 / 省市重点工程项目: whose or what for, not one
                continue
            name = self.written(start, end)
            tail = self._folded(name)
            if any(n.label == "Project" and n.name != name and self._folded(n.name).endswith(tail)
                   for n in self.f.nodes.values()):
                continue  # 来到X集团Y分公司…饲料厂建设项目一线: a project named in full before, its tail cut at 及
            pid = self.f.node(f"project:{name}", "Project", name, {"stage": stage}, self.span(start, end), MID)
            props = self.f.nodes[pid].properties
            if stage == "签约" and self.event_date:
                props.setdefault("signed_on", self.event_date)
            if stage == "签约":  # the schema has no edge for "started at an event"; the stage says it
                self.f.rel("SIGNED", self.event, pid, {}, self.span(start, end), MID)
            amount = re.match(rf"(?:开工|签约|落地)?[，,]?(?:由[^，,。；;]{{2,30}}?)?(?:总投资|投资|计划投资)(?:额)?(?:达|为|约)?{P.NUMBER}{P.UNIT}",
                              self.t[end:j]) or _ASIDE_AMOUNT.match(self.t, end, j)  # …项目（X公司，5亿元）
            before = re.search(rf"(?:总投资|投资){P.NUMBER}{P.UNIT}的$", self.t[i:start])
            if amount or before:
                mm = amount or before
                props["amount_yi"] = amount_yi(mm.group(1), mm.group(2))
            # the county its name opens with, its clause names, it is placed in after it (落户/位于/在), its
            # sentence or paragraph names apart from another project's name; else the county named last
            # before it: 沁源县…集中开工…随着X工程的奠基
            county = self._project_place(i, j, start, end) or self._county_before(start)
            if county:
                cid = self.place_node(county, county.start, county.end, MID)
                self.f.rel("LOCATED_IN", pid, cid, {}, self.span(min(start, county.start), end), MID)
            for a, b, _ in self.companies:  # X公司投资建设的Y项目
                if i <= a < start and re.fullmatch(r"(?:投资|投资建设|出资建设|出资)的?", self.t[b:start]):
                    self.f.rel("INVESTS_IN", self.company_node(a, b), pid, {}, self.span(a, end), MID)
            self.investor(pid, i, start, end)  # X公司与Y县签约Z项目 / X有限公司Z项目 / Z项目…由X公司投资建设

    # ----- campaign totals ---------------------------------------------------------------------
    def _campaign_county(self, i, j):
        """The county whose total the sentence i..j tells: one it names before its first tally word, with no
        city named but its own right before it (平陆县 / 运城市平陆县 / 孝义市, a county-level city), else, on a county's page (灵石县人民政府) that names
        no city of its own, the publisher's county where the sentence says 全县 / 我县 / 本县 (全区 on a
        district's, 全市 / 我市 on a county-level city's)."""
        named = self.places_in(i, j)
        # (a city written right before a county of its own, 运城市平陆县, names the county's city, not another owner;
        # 运城市平陆县等地 is the city's total)
        heads = {(p.start, places.county_city(p.id)) for p in named
                 if p.label == "County" and self.t[p.end:p.end + 1] != "等"}
        if any(p.label == "City" and (p.end, p.name) not in heads for p in named):
            return None
        sign = min((k for k in (self.t.find(w, i, j) for w in ("签约", "签订", "签署")) if k >= 0), default=j)
        part = self.t.find("其中", i, j)  # 全年…，其中平陆县…: a part, not the owner
        county = next((p for p in named if p.label == "County" and p.id.count("/") == 1 and p.end <= sign
                       and (part < 0 or p.start < part)), None)
        ours = _OUR_COUNTY.search(self.t, i, sign) if county is None and self.home is None else None
        if ours:  # the publisher's county, its evidence the words 全县 / 我县
            pub = self.places.find(_fold(self.a.meta.get("publisher") or ""))
            county = next((replace(p, start=ours.start(), end=ours.end()) for p in pub
                           if p.label == "County" and p.id.count("/") == 1 and p.name[-1] == ours.group()[-1]), None)
        return county

    def campaign_totals(self, i, j, dates, province=False) -> None:
        s = self.t[i:j]
        # a county's own total, where the sentence names the county and no city (今年以来，平陆县累计签约… /
        # 截至8月底，孝义市今年累计…), or says 全县 / 我县 on a county's page: the county's campaign, not the
        # city's that holds it nor another city the article named before (its promotion's in 郑州)
        county = None if province else self._campaign_county(i, j)
        # whose total: 我市's, else the city the sentence names (2023年,大同市共签约…)
        home = county or self.home or next((p for p in self.places_in(i, j) if p.label == "City"), None) or \
            getattr(self, "campaign_city", None) or \
            next((p for p in self.all_places if p.label == "City" and p.start < i), None)
        # 全市 after a total of the city named before; else the city the article named first (晋城市招商推介会
        # 在深圳举行…截至目前，全市累计…: 晋城市's)
        if home is None and not province:
            return
        year = None
        asof = _AS_OF_MONTH.search(s)
        props: dict = {}
        if asof:
            import calendar

            if asof.group(1):
                year = int(asof.group(1))
            elif self.published:
                year = self.published.year - (1 if asof.group(2) == "去年" else 0)
            if year:
                mon = int(asof.group(3))
                props["as_of"] = date(year, mon, calendar.monthrange(year, mon)[1])
        if year is None and self.published and _AS_OF_NOW.search(s):
            year, props["as_of"] = self.published.year, self.published  # as of the day it was published
        if year is None:
            marks = [y for p, y in self.marks if p < j]  # the year in context, else a year in passing
            year = marks[-1] if marks else (self.published.year if self.published else None)
        if year is None:
            return
        def grab(rx, key, unit=False):
            m = re.search(rx, s)
            if m:
                g = [x for x in m.groups() if x]  # the alternative that matched
                props[key] = amount_yi(g[0], g[1]) if unit else to_number(g[0])
        # 共签约(省域外)招商引资项目196个 / 年初签约项目 19项
        grab(rf"签约[^，,。；;\d]{{0,10}}?项目达?{P.NUMBER}[个项]", "signed_count")
        grab(rf"项目总投资{P.NUMBER}{P.UNIT}|签约[^，,。；;\d]{{0,10}}?项目达?[ \d]+[个项][，,]"
             rf"(?:签约总金额|签约金额|签约额|拟投资|总投资|投资总额|投资)(?:达|约|为|超过|超)?"
             rf"{P.NUMBER}{P.UNIT}",
             "signed_total_yi", True)
        told = self.tallies_of(i, j)  # the general forms of a tally (总投资额 / 协议引资 / N宗 …) where those above say none
        if not told and "signed_count" in props:  # 目标签约项目100个: a target, not a total
            props.pop("signed_count")
            props.pop("signed_total_yi", None)
        if told and props.get("signed_count", told[0][2]) == told[0][2]:
            props.setdefault("signed_count", told[0][2])
            if told[0][3] is not None:
                props.setdefault("signed_total_yi", told[0][3])
        grab(rf"总投资[\d.]+亿元[，,]?完成[^，,。]*?目标任务{P.NUMBER}{P.UNIT}", "target_yi", True)
        # the year's target told on its own: 全年目标为签约项目150个、总投资600亿元 / 目标任务是签约总额600亿元
        if "target_yi" not in props and "目标" in s:
            grab(rf"目标(?:任务)?(?:为|是|：|:)?[^。；;]{{0,16}}?(?:总投资|签约总额|签约金额|投资总额|签约额)"
                 rf"(?:达到|达|为)?{P.NUMBER}{P.UNIT}", "target_yi", True)
        grab(rf"落地项目{P.NUMBER}个", "landed_count")
        grab(rf"开工项目{P.NUMBER}个", "started_count")
        grab(rf"到位资金{P.NUMBER}{P.UNIT}", "funds_in_place_yi", True)
        grab(rf"到位资金[\d.]+亿元[，,]?完成[^，,。]*?目标任务{P.NUMBER}{P.UNIT}", "funds_target_yi", True)
        for rx, key in ((r"\d+亿元以上项目", "large"), (r"500强[^，,。；;]*?项目", "fortune500_soe"),
                        (r"新[型兴]产业项目", "new_industry")):
            m = re.search(rf"{rx}{P.NUMBER}个[，,]总投资{P.NUMBER}{P.UNIT}", s)
            if m:
                props[f"{key}_count"] = to_number(m.group(1))
                props[f"{key}_total_yi"] = amount_yi(m.group(2), m.group(3))
        if not props:
            return
        if self.campaign and "as_of" not in props:
            year = self.f.nodes[self.campaign].properties["year"]
        props["year"] = year
        if province:
            m = re.search(r"全省|我省|省属", s)
            pid, owner = self.home_province
            home = self.f.node(pid, "Province", owner, {}, self.span(i + m.start(), i + m.end()), MID)
        elif county:
            home, owner = self.place_node(county, county.start, county.end, MID), county.name
        else:
            if self.home:
                home, owner = self.home_node(i, j), self.home.name
            else:
                home, owner, self.campaign_city = self.place_node(home, home.start, home.end, MID), home.name, home
        cid = f"campaign:{owner}/{year}"
        self.f.node(cid, "Campaign", f"{owner}{year}年招商引资", props, self.span(i, j), HIGH)
        self.f.rel("CAMPAIGN_OF", cid, home, {}, self.span(i, j), HIGH)
        self.campaign = cid
        if "signed_count" in props:
            self._told.update(i + a for a, *_ in told)


# nicknames of cities, each (the province an article must be about for it to mean that city, city)
# (None: a nickname any article uses, taken only right after 在 / 赴 / 于 …: 在鹏城举行)
_NICKNAMES = {"龙城": ("山西省", "太原市"), "并州": ("山西省", "太原市"), "省城": ("山西省", "太原市"),
              "鹏城": (None, "深圳市"), "羊城": (None, "广州市"), "花城": (None, "广州市"), "申城": (None, "上海市"),
              "榕城": (None, "福州市"), "蓉城": (None, "成都市"), "星城": (None, "长沙市"), "泉城": (None, "济南市"),
              "冰城": (None, "哈尔滨市"), "春城": (None, "昆明市"), "鹭岛": (None, "厦门市"), "金陵": (None, "南京市")}
# 在京 / 赴沪 / 在并: a city's one-character name, only right after 在/赴/抵/来 and before the verb that holds
# or attends (隆重 / 成功 … between): 在京隆重举行, 在榕召开
_SHORT_CITY = {"京": "北京市", "沪": "上海市", "津": "天津市", "渝": "重庆市", "穗": "广州市", "并": "太原市",
               "深": "深圳市", "港": "香港特别行政区", "澳": "澳门特别行政区", "蓉": "成都市", "杭": "杭州市",
               "榕": "福州市", "汉": "武汉市", "甬": "宁波市", "宁": "南京市", "厦": "厦门市", "锡": "无锡市",
               "郑": "郑州市", "邕": "南宁市", "筑": "贵阳市", "济": "济南市", "兰": "兰州市"}
_SHORT_CITY_RE = re.compile(rf"(?:在|赴|抵|来)([{''.join(_SHORT_CITY)}])(?=(?:隆重|成功|圆满|顺利|盛大|正式)?[举召参开出])")
_NICKNAMES_RE = re.compile("|".join(_NICKNAMES))
_QUOTES = {"“": "”", "《": "》", '"': '"'}


def _unquote(name: str) -> str:
    """A name without quote marks around it whole, or left open at one end; a quoted part keeps
    its marks.

    >>> [_unquote(n) for n in ("“老乡回家恳谈会”", '"老乡"会', "“三个一批”活动", "老乡恳谈会”", "《晋商论坛")]
    ['老乡回家恳谈会', '"老乡"会', '“三个一批”活动', '老乡恳谈会', '晋商论坛']
    """
    first = name[:1]
    if first in _QUOTES and name.endswith(_QUOTES[first]) and _QUOTES[first] not in name[1:-1] and len(name) > 2:
        return name[1:-1]
    if first in _QUOTES and _QUOTES[first] not in name[1:]:
        name = name[1:]  # opened, never closed
    opens = [o for o, c in _QUOTES.items() if c == name[-1:]]
    if opens and not any(o in name[:-1] for o in opens):
        name = name[:-1]  # closed, never opened
    return name


def _place(start, end, node_id, name, known):
    from loaders.articles.entities import Place

    return Place(start, end, node_id, "City", name, known)


def _within(items, starts, i, j) -> list:
    """The items (sorted by start) that start within i..j-1."""
    return items[bisect_left(starts, i):bisect_left(starts, j)]


@lru_cache(maxsize=8192)  # the same names are folded again and again, sentence after sentence
def _fold(text: str) -> str:
    from loaders.text import fold

    return fold(text)


quicken_all(globals())  # every pattern above: a leading look-ahead of where it can start (lookahead.py)
