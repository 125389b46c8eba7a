"""People with posts in the chamber that publishes the page (issue 15): a bare 商会 / 该会 on a chamber's own
page that names no chamber before it is the publisher (商会执行会长陈某、副会长赵某…), as 我会 / 本会 are; lists
会长A，执行会长B、C，副会长D…; posts given by a vote or a hiring (连任 / 留任 / 改任, 聘任王某担任商会秘书长,
选举王某为我会会长, 董事长王某为商会副会长。); another body's post after 兼 between the chamber's post and the
name (副会长兼党支部组织委员王某); names right after a post that open with a place's word (会长韩国强); and a
surname of Shanxi (渠); a post after the term it is of (第三届理事会会长); a profile (王某，男，…，现任X公司
董事长、商会会长。). Negatives that must give no post: officials and other bodies' people on county pages,
张某会长 after a visiting chamber on another chamber's page, 为 as "for" (县长李某为商会会长颁发…), 商会 with a
place of its own, a past post. Sentences written for this test (names and chambers invented); compared in the
matching form (loaders.text.fold)."""
from __future__ import annotations

import pytest

from loaders.articles import extract_text
from loaders.text import fold

NB = "宁波市山西商会"
HK = "香港山西商會"
GZ = "广州市山西商会"
TJ = "天津市山西商会"
OURS = "---\npublisher: 宁波市山西商会\ndate: 2025-05-16\n---\n"
HK_PAGE = "---\npublisher: 香港山西商會\ndate: 2025-06-12\n---\n"
CITY = "---\npublisher: 平遥县人民政府\ndate: 2025-05-16\n---\n"
PLAIN = "---\ndate: 2025-05-16\n---\n"


def posts_of(text):
    f = extract_text(text, "t.md")
    return {(fold(f.nodes[r.start].name), fold(f.nodes[r.end].name), fold(r.properties["title"]))
            for r in f.rels.values() if r.type == "HOLDS_POST"}


def N(*pairs, chamber=NB):
    return {(p, chamber, t) for p, t in pairs}


POSTS = [
    # --- a bare 商会 / 该会 on the chamber's own page that names no chamber before: the publisher
    (OURS + "5月15日，商会执行会长陈永刚、副会长赵海、监事长孙宏亮等参加活动。",
     N(("陈永刚", "执行会长"), ("赵海", "副会长"), ("孙宏亮", "监事长"))),
    (OURS + "该会秘书长钱伟介绍情况。", N(("钱伟", "秘书长"))),
    (OURS + "商会党支部书记孔亮讲话。", N(("孔亮", "党支部书记"))),
    (OURS + "我会会长张建平，执行会长李强、王刚，副会长刘洋等出席。",
     N(("张建平", "会长"), ("李强", "执行会长"), ("王刚", "执行会长"), ("刘洋", "副会长"))),
    (OURS + "本会常务副会长马军主持。", N(("马军", "常务副会长"))),
    (OURS + "会长张建平，执行会长李强、王刚，副会长刘洋、孟欣等出席。",
     N(("张建平", "会长"), ("李强", "执行会长"), ("王刚", "执行会长"), ("刘洋", "副会长"), ("孟欣", "副会长"))),
    # (the publisher named before: the same chamber)
    (OURS + "宁波市山西商会赴太原考察。商会执行会长陈永刚参加。", N(("陈永刚", "执行会长"))),
    # --- a post opening a clause after 由, or after the words that make it the new one
    (OURS + "10月9日，会议由会长李振华主持。", N(("李振华", "会长"))),
    (OURS + "新当选的副会长郭永红、孙志强分别作表态发言。", N(("郭永红", "副会长"), ("孙志强", "副会长"))),
    (OURS + "会上，新任秘书长刘志刚作了表态发言。", N(("刘志刚", "秘书长"))),
    (OURS + "商会会长闫国军致辞。大会表彰了优秀会员企业，以及监事长杨丽、副秘书长郝强等5名优秀商会工作者。",
     N(("闫国军", "会长"), ("杨丽", "监事长"), ("郝强", "副秘书长"))),
    (OURS + "市委书记李明和会长张建平共同揭牌。", set()),
    (OURS + "3月19日，第三届理事会会长张建平作工作部署。", N(("张建平", "会长"))),
    (PLAIN + "宁波市山西商会召开大会。新一届监事会监事长赵丽华作报告。", N(("赵丽华", "监事长"))),
    # --- a profile: the name set apart by a comma, what it tells first, posts in other bodies, then the
    # chamber's (named, or 商会 / 我会 on its own page)
    (PLAIN + "张建平，男，山西平遥人，现任宁波华晋贸易有限公司董事长、宁波市山西商会会长。", N(("张建平", "会长"))),
    (OURS + "张建平，男，山西平遥人，现任宁波华晋贸易有限公司董事长、商会会长。", N(("张建平", "会长"))),
    (OURS + "张建平，现任商会会长、宁波华晋贸易有限公司董事长。", N(("张建平", "会长"))),
    (OURS + "张建平，男，1965年生，我会常务副会长。", N(("张建平", "常务副会长"))),
    (PLAIN + "张建平，男，山西平遥人，现任宁波华晋贸易有限公司董事长、商会会长。", set()),
    (OURS + "张建平，男，山西平遥人，曾任商会会长。", set()),
    # --- the name before the post, in a bracket (with other posts first), after 商会 or 有
    (OURS + "出席活动的有张建平（商会会长）、李秀梅（我会常务副会长）。", N(("张建平", "会长"), ("李秀梅", "常务副会长"))),
    (OURS + "商会张建平会长、李秀梅副会长出席。", N(("张建平", "会长"), ("李秀梅", "副会长"))),
    (OURS + "出席活动的有商会会长张建平、监事长赵丽华。", N(("张建平", "会长"), ("赵丽华", "监事长"))),
    (OURS + "张建平（宁波华晋贸易有限公司董事长、商会会长）发言。", N(("张建平", "会长"))),
    (PLAIN + "张建平（宁波华晋贸易有限公司董事长、宁波市山西商会会长）发言。", N(("张建平", "会长"))),
    (OURS + "兄弟商会张建平会长出席。", set()),
    (PLAIN + "商会张建平会长出席。", set()),
    # --- a roll on the chamber's own page that names no chamber (a post alone on a line, the names after)
    (OURS + "第三届理事会领导成员名单\n\n会长\n张建平\n\n执行会长\n李强、王刚\n",
     N(("张建平", "会长"), ("李强", "执行会长"), ("王刚", "执行会长"))),
    (PLAIN + "第三届理事会领导成员名单\n\n会长\n张建平\n", set()),
    (OURS + "商会领导班子\n会长：张建平（宁波华晋贸易有限公司董事长）\n执行会长：李强（宁波晋源五金制品有限公司总经理）\n",
     N(("张建平", "会长"), ("李强", "执行会长"))),
    (OURS + "会长：我们（商会）要团结。", set()),
    (OURS + "会议召开。\n会长\n张建平\n", set()),
    # --- posts given by a vote or a hiring
    (PLAIN + "宁波市山西商会召开换届大会，张建平当选会长，刘志刚连任秘书长。", N(("张建平", "会长"), ("刘志刚", "秘书长"))),
    (PLAIN + "宁波市山西商会召开理事会，赵强留任监事长。", N(("赵强", "监事长"))),
    (PLAIN + "宁波市山西商会召开理事会，周敏改任监事长。", N(("周敏", "监事长"))),
    (PLAIN + "广州市山西商会召开理事会，聘任武晓燕担任商会秘书长。", N(("武晓燕", "秘书长"), chamber=GZ)),
    (PLAIN + "杭州市山西商会召开理事会，聘任冀云飞为商会秘书长。", N(("冀云飞", "秘书长"), chamber="杭州市山西商会")),
    (OURS + "理事会选举张建平为我会会长。", N(("张建平", "会长"))),
    (PLAIN + "天津市山西商会召开大会。王德明再次当选会长；白云飞等18人当选常务副会长。",
     N(("王德明", "会长"), ("白云飞", "常务副会长"), chamber=TJ)),
    (PLAIN + "天津市山西商会召开大会。大会还聘请黄国平为名誉会长，聘请李国华为商会顾问。", N(("黄国平", "名誉会长"), chamber=TJ)),
    ("---\npublisher: 蘇州山西商會\ndate: 2025-01-20\n---\n蘇州山西商會黨支部召開組織生活會。商會監事長田麗娟列席會議。",
     N(("田丽娟", "监事长"), chamber="苏州山西商会")),
    (OURS + "会议选举郭永红、孙志强为副会长。", N(("郭永红", "副会长"), ("孙志强", "副会长"))),
    (OURS + "经研究，该公司董事长周建军为商会副会长。", N(("周建军", "副会长"))),
    # (a name, then 任 / 为 and 商会: not a place's chamber 成都商会)
    (OURS + "经会长办公会研究，王强任商会副秘书长。", N(("王强", "副秘书长"))),
    (OURS + "会议推选王强为商会监事长。", N(("王强", "监事长"))),
    (OURS + "王强2020年起担任商会秘书长。", N(("王强", "秘书长"))),
    (OURS + "王强2016年至2020年担任商会秘书长。", set()),
    (OURS + "成都商会会长王强来访。", set()),
    (OURS + "大会聘请赵国庆为我会名誉会长。", N(("赵国庆", "名誉会长"))),
    (OURS + "本会会员、宁波华晋贸易有限公司总经理王强当选为副会长。", N(("王强", "副会长"))),
    (OURS + "图为会长张建平（中）与考察团成员合影。", N(("张建平", "会长"))),
    (OURS + "王强当选为宁波市人大代表。", set()),
    # (该会 after another body named last: that body's)
    (PLAIN + "天津市山西商会与天津市企业家协会签约。该会会长李明表示，将加强合作。", set()),
    (PLAIN + "天津市山西商会与天津市企业家协会签约。该会李明会长表示，将加强合作。", set()),
    (PLAIN + "天津市山西商会成立于2005年。该会会长王德明表示，将服务会员。", N(("王德明", "会长"), chamber=TJ)),
    # --- another body's post after 兼, then the name: the chamber's post
    (OURS + "商会副会长兼党支部组织委员牛振东参加活动。", N(("牛振东", "副会长"))),
    (HK_PAGE + "本會常務副會長兼女企業家委員會主任郝秀英主持活動。", N(("郝秀英", "常务副会长"), chamber=HK)),
    (PLAIN + "天津市山西商会副会长兼天津晋商投资有限公司董事长石磊出席。", N(("石磊", "副会长"), chamber=TJ)),
    # --- names: after a post, one that opens with a place's word; a Shanxi surname; a verb after the name
    (HK_PAGE + "3月8日，商會會長韓國強、監事長溫麗華出席。", N(("韩国强", "会长"), ("温丽华", "监事长"), chamber=HK)),
    (PLAIN + "天津市山西商会会长吉林华出席。", N(("吉林华", "会长"), chamber=TJ)),
    (CITY + "天津市山西商会副会长、天津晋祁贸易有限公司总经理渠文华参加座谈。", N(("渠文华", "副会长"), chamber=TJ)),
    (HK_PAGE + "常務副會長梁志誠、副會長兼秘書長蘇美琪協助處理會務。",
     N(("梁志诚", "常务副会长"), ("苏美琪", "副会长兼秘书长"), chamber=HK)),
    # --- negatives: officials and other bodies' people; a visiting chamber before 张某会长 on another
    # chamber's page; 为 as "for"; 商会 with a place of its own; past posts; a post word that is no name's
    (CITY + "县委书记武建华会见了成都市山西商会会长梁国栋一行。县委常委、常务副县长张晓峰，县工商联主席李卫东参加会见。",
     N(("梁国栋", "会长"), chamber="成都市山西商会")),
    (HK_PAGE + "6月10日，廣州市山西商會常務副會長李文華來訪。張振東會長介紹了商會的發展歷程。",
     N(("李文华", "常务副会长"), chamber="广州市山西商会")),
    (PLAIN + "宁波市山西商会召开年会，县长李明为商会会长颁发证书。", set()),
    (OURS + "北京商会会长王德明来访。", set()),
    (CITY + "商会执行会长陈永刚参加活动。", set()),
    (OURS + "原会长赵国庆出席。", set()),
    (OURS + "商会会长高度评价了会员企业的贡献。", set()),
    (OURS + "商会会长全程陪同。", set()),
    (OURS + "商会副会长兼秘书处主任工作人员出席。", set()),
    (PLAIN + "商会渠道建设不断完善，会员企业合作深入。", set()),
    (OURS + "宁波市工商联副主席、市总商会副会长王立平，山西省工商联副主席、省总商会副会长赵振华到会祝贺。", set()),
    (OURS + "商会会员王晓东、李佳为副主任。商会顾问马德胜律师作专题讲座。", set()),
    (OURS + "海曙区温州商会会长林国强、宁波市浙江商会秘书长吴敏应邀出席。", set()),
    (CITY + "县工商联主席、县商会会长张永强参加。", set()),
    # (a federation's post before a bare 商会: the federation's chamber, not the visiting one named before)
    (CITY + "宁波市山西商会一行来我县考察。商会执行会长陈永刚参加。县工商联主席、商会会长张永强陪同。",
     N(("陈永刚", "执行会长"))),
    (CITY + "宁波市山西商会一行来我县考察。县工商联党组书记、商会会长张永强陪同。", set()),
    # (选举 / 邀请 before a bare 商会: the one the page is about)
    (OURS + "会议选举商会副会长郭永红为青年企业家委员会主任。", N(("郭永红", "副会长"))),
    (OURS + "活动邀请商会执行会长陈永刚作分享。", N(("陈永刚", "执行会长"))),
]


@pytest.mark.parametrize("text,want", POSTS, ids=[f"posts{n}" for n in range(len(POSTS))])
def test_posts(text, want):
    assert posts_of(text) == {(fold(p), fold(c), fold(t)) for p, c, t in want}
