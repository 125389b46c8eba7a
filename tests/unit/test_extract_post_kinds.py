"""Kinds of posts and the ways a post's chamber is told apart from the name (issue 15), beyond the tables of
test_extract_post_forms.py and test_extract_post_forms_more.py: posts held for now or by turns (代理会长,
轮值会长, 创会会长, 常务会长, 执行会长兼监事长 …), the first or n-th holder of a post (首任会长 is 会长), one
person's posts in two bodies told before the name (<chamber>会长、<association>会长王某 / <chamber>副会长、
<firm>董事长王某), a bare post opening a sentence in an article about one chamber, 该商会 / 该会 / 商会 after the
chamber was named, a list of many bodies' officials each with its chamber before its post; and negatives that
must give no post: two chambers named and a bare post after them, a government official's or an association's
post, a post not yet held. Sentences written for this test (names and chambers invented); compared in the
matching form (loaders.text.fold)."""
from __future__ import annotations

import pytest

from tests.unit.test_extract_post_forms_more import posts_of
from loaders.text import fold

TJ = "天津市山西商会"
SZ = "苏州山西商会"
SH = "上海山西商会"
ART = "---\ntitle: 天津市山西商会年会\ndate: 2024-05-10\n---\n"

POSTS = [
    # --- posts held for now, by turns, from the founding, or in standing: the post as written
    ("天津市山西商会代理会长王德明出席会议。", {("王德明", TJ, "代理会长")}),
    ("天津市山西商会代理会长王德明、秘书长赵小燕应邀参加。", {("王德明", TJ, "代理会长"), ("赵小燕", TJ, "秘书长")}),
    ("天津市山西商会代理秘书长郭文斌主持会议。", {("郭文斌", TJ, "代理秘书长")}),
    ("天津市山西商会轮值会长孙建国致辞。", {("孙建国", TJ, "轮值会长")}),
    ("天津市山西商会创会会长李文华出席活动。", {("李文华", TJ, "创会会长")}),
    ("天津市山西商会创始会长周志强发表讲话。", {("周志强", TJ, "创始会长")}),
    ("天津市山西商会常务会长吴海涛介绍了商会情况。", {("吴海涛", TJ, "常务会长")}),
    ("天津市山西商会首席会长冯立新参加座谈。", {("冯立新", TJ, "首席会长")}),
    ("天津市山西商会执行会长兼监事长孙建国公布了财务报告。", {("孙建国", TJ, "执行会长兼监事长")}),
    ("天津市山西商会执行监事长韩志刚出席。", {("韩志刚", TJ, "执行监事长")}),
    ("天津市山西商会驻会秘书长程丽娟主持。", {("程丽娟", TJ, "驻会秘书长")}),
    ("天津市山西商会常务副监事长杜永平参加会议。", {("杜永平", TJ, "常务副监事长")}),
    ("天津市山西商会执行副会长贾德胜、常务副会长白云峰出席。",
     {("贾德胜", TJ, "执行副会长"), ("白云峰", TJ, "常务副会长")}),
    ("天津市山西商会终身名誉会长闫国庆到会祝贺。", {("闫国庆", TJ, "终身名誉会长")}),
    ("天津市山西商会党委副书记任建华宣读决定。", {("任建华", TJ, "党委副书记")}),
    # --- elected the first or the n-th to hold a post: the post is the post (told without the vote, 首任会长 is
    # a past holder: negatives below)
    ("天津市山西商会于2019年成立，王德明获选担任该商会首任会长。", {("王德明", TJ, "会长")}),
    ("天津市山西商会成立，李文华获选为首任秘书长。", {("李文华", TJ, "秘书长")}),
    ("天津市山西商会成立大会召开，王德明当选为商会首任会长。", {("王德明", TJ, "会长")}),
    ("王德明当选天津市山西商会首任会长。", {("王德明", TJ, "会长")}),
    ("天津市山西商会换届，李文华当选第二任会长。", {("李文华", TJ, "会长")}),
    ("大会选举王德明为天津市山西商会首届会长。", {("王德明", TJ, "会长")}),
    # --- one person's posts in two bodies told before the name: the chamber's post
    ("天津市山西商会会长、天津市晋商文化促进会会长王德明在会上表示。", {("王德明", TJ, "会长")}),
    ("天津市山西商会副会长、示例律师事务所主任高志远发言。", {("高志远", TJ, "副会长")}),
    ("天津市山西商会常务副会长、天津示例实业有限公司董事长刘国栋致辞。", {("刘国栋", TJ, "常务副会长")}),
    ("天津市山西商会会长、示例集团董事长兼总裁王德明出席。", {("王德明", TJ, "会长")}),
    ("天津市山西商会秘书长、天津市晋商研究会副会长赵小燕主持。", {("赵小燕", TJ, "秘书长")}),
    ("天津市山西商会监事长、天津市示例行业协会会长陈立军参加。", {("陈立军", TJ, "监事长")}),
    ("天津市山西商会副会长、天津市示例区政协委员李文华发言。", {("李文华", TJ, "副会长")}),
    ("天津市山西商会执行会长、示例科技有限公司总经理孙建国介绍项目。", {("孙建国", TJ, "执行会长")}),
    ("天津市山西商会名誉会长、示例医院院长冯立新到会。", {("冯立新", TJ, "名誉会长")}),
    # --- a bare post opening a sentence in an article about one chamber: that chamber
    (ART + "天津市山西商会年会在天津举行。执行会长兼监事长孙建国公布了商会财务报告。",
     {("孙建国", TJ, "执行会长兼监事长")}),
    (ART + "天津市山西商会年会在天津举行。常务副会长王德明致辞。", {("王德明", TJ, "常务副会长")}),
    (ART + "天津市山西商会举办年会。活动是商会建设的展示。执行会长郭建民宣读了名单。",
     {("郭建民", TJ, "执行会长")}),
    (ART + "天津市山西商会举办年会。年会推动了商会发展。秘书长赵小燕作工作报告。",
     {("赵小燕", TJ, "秘书长")}),
    (ART + "天津市山西商会年会举行。会上，监事长陈立军作监事会报告！副会长李文华主持。",
     {("陈立军", TJ, "监事长"), ("李文华", TJ, "副会长")}),
    (ART + "天津市山西商会召开理事会。会长王德明总结了全年工作。", {("王德明", TJ, "会长")}),
    # (before the chamber is named in the text: the one the title names, when the text names no other)
    (ART + "5月9日，执行会长孙建国带队走访会员企业。天津市山西商会成立于2010年。", {("孙建国", TJ, "执行会长")}),
    (ART + "5月9日，孙建国会长带队走访会员企业。天津市山西商会成立于2010年。", {("孙建国", TJ, "会长")}),
    (ART + "常务副会长王德明主持年会。天津市山西商会会员二百余人参加。", {("王德明", TJ, "常务副会长")}),
    # --- 该商会 / 该会 / 商会 after the chamber was named: that one
    ("天津市山西商会获授牌匾，由该商会监事长陈立军接牌。", {("陈立军", TJ, "监事长")}),
    ("天津市山西商会获授牌匾，该商会会长王德明接过牌匾。", {("王德明", TJ, "会长")}),
    ("天津市山西商会成立十周年。该会秘书长赵小燕介绍了会务。", {("赵小燕", TJ, "秘书长")}),
    ("天津市山西商会召开年会。商会会长王德明致辞。", {("王德明", TJ, "会长")}),
    ("天津市山西商会走访企业，商会副会长李文华陪同。", {("李文华", TJ, "副会长")}),
    ("天津市山西商会举办论坛。该商会常务副会长孙建国主持论坛。", {("孙建国", TJ, "常务副会长")}),
    # --- a name whose second character is also a verb's, before a verb
    ("天津市山西商会监事长罗为礼接牌。", {("罗为礼", TJ, "监事长")}),
    ("天津市山西商会会长李向东获选连任。", {("李向东", TJ, "会长")}),
    ("天津市山西商会秘书长田在明公布了名单。", {("田在明", TJ, "秘书长")}),
    ("天津市山西商会副会长高先中致辞。", {("高先中", TJ, "副会长")}),
    # --- many bodies' officials in one list: each name with the chamber right before its post
    ("天津市工商联副主席王志国，天津市山西商会秘书长刘永明，苏州山西商会秘书长孙长青一同参加。",
     {("刘永明", TJ, "秘书长"), ("孙长青", SZ, "秘书长")}),
    ("出席的有天津市山西商会会长王德明、苏州山西商会会长李文华、上海山西商会会长赵永胜。",
     {("王德明", TJ, "会长"), ("李文华", SZ, "会长"), ("赵永胜", SH, "会长")}),
    ("天津市示例协会会长黄晓明，天津市山西商会执行会长欧志伦，苏州山西商会会长郭长青参加。",
     {("欧志伦", TJ, "执行会长"), ("郭长青", SZ, "会长")}),
    ("天津市山西商会副会长周志强；苏州山西商会监事长钱文军；上海山西商会秘书长孔德华。",
     {("周志强", TJ, "副会长"), ("钱文军", SZ, "监事长"), ("孔德华", SH, "秘书长")}),
    ("天津市工商联执委、天津市山西商会执行会长欧志伦，苏州山西商会会长郭长青出席。",
     {("欧志伦", TJ, "执行会长"), ("郭长青", SZ, "会长")}),
    ("天津市山西商会代理会长宋志海、苏州山西商会轮值会长梁永庆出席。",
     {("宋志海", TJ, "代理会长"), ("梁永庆", SZ, "轮值会长")}),
    # --- the chamber's organ between the chamber and the post (监事会 / 理事会 / 秘书处); 监事会主席 is a post
    ("天津市山西商会监事会监事长王德明出席。", {("王德明", TJ, "监事长")}),
    ("天津市山西商会秘书处秘书长赵小燕主持。", {("赵小燕", TJ, "秘书长")}),
    ("天津市山西商会理事会常务理事孙建国参加。", {("孙建国", TJ, "常务理事")}),
    ("天津市山西商会监事会主席陈立军出席。", {("陈立军", TJ, "监事会主席")}),
    ("天津市山西商会监事会副监事长杜永平出席。", {("杜永平", TJ, "副监事长")}),
    # --- the posts with an honorific, a term, or the name after the post's 的
    ("天津市山西商会代理会长王德明先生出席。", {("王德明", TJ, "代理会长")}),
    ("天津市山西商会新一届轮值会长孙建国致辞。", {("孙建国", TJ, "轮值会长")}),
    ("担任天津市山西商会创会会长的李文华表示，商会将继续服务会员。", {("李文华", TJ, "创会会长")}),
    ("王德明当选天津市山西商会常务会长。", {("王德明", TJ, "常务会长")}),
    ("大会选举王德明为天津市山西商会代理会长。", {("王德明", TJ, "代理会长")}),
    ("王德明（天津市山西商会轮值会长）出席。", {("王德明", TJ, "轮值会长")}),
    ("天津市山西商会轮值会长：孙建国。", {("孙建国", TJ, "轮值会长")}),
    ("天津市山西商会代理会长为王德明。", {("王德明", TJ, "代理会长")}),
    ("天津市山西商会创会会长王德明、会长李文华、秘书长赵小燕等出席。",
     {("王德明", TJ, "创会会长"), ("李文华", TJ, "会长"), ("赵小燕", TJ, "秘书长")}),
    ("天津市山西商会副会长兼驻会秘书长程丽娟主持。", {("程丽娟", TJ, "副会长兼驻会秘书长")}),
    ("天津市山西商会的代理会长王德明出席。", {("王德明", TJ, "代理会长")}),
    ("上海山西商会执行会长兼监事长钱文军发言。", {("钱文军", SH, "执行会长兼监事长")}),
    # --- negatives: no post, or no post of a chamber
    # (two chambers named, then a bare post: whose?)
    ("天津市山西商会与苏州山西商会签约。会长王德明致辞。", set()),
    ("天津市山西商会、苏州山西商会共同举办年会。执行会长孙建国公布了财务报告。", set()),
    # (a bare post before any chamber, and the title names none, or the text names two)
    ("---\ntitle: 年会\ndate: 2024-05-10\n---\n5月9日，执行会长孙建国带队走访会员企业。天津市山西商会成立于2010年。", set()),
    (ART + "5月9日，执行会长孙建国带队走访。天津市山西商会与苏州山西商会签约。", set()),
    (ART + "5月9日，孙建国会长带队走访。天津市山西商会与苏州山西商会签约。", set()),
    # (a government official, an association's or a federation's post in the sentence)
    ("天津市山西商会举办年会。天津市副市长王德明致辞。", set()),
    ("天津市山西商会举办年会。天津市示例协会会长王德明致辞。", set()),
    ("天津市山西商会举办年会，天津市晋商文化促进会会长李文华出席。", set()),
    ("天津市山西商会举办年会，市工商联主席王德明，秘书长赵小燕出席。", set()),
    ("天津市晋商文化促进会会长、天津市示例协会会长李文华出席。", set()),
    # (a post not yet held, a past one)
    ("天津市山西商会举办年会，候任会长王德明出席。", set()),
    ("天津市山西商会原代理会长王德明出席。", set()),
    ("王德明曾任天津市山西商会首任会长。", set()),
    ("天津市山西商会首任会长王德明出席庆典。", set()),
    ("天津市山西商会第二任会长李文华致辞。", set()),
    ("苏州山西商会首届会长赵永胜回顾了商会历程。", set()),
    # (the first chamber's post, a name after a firm's post in another clause)
    ("天津市山西商会会长王德明，示例有限公司董事长李文华出席。", {("王德明", TJ, "会长")}),
    # (an unknown town's chamber named between: its post)
    ("天津市山西商会举办年会。示例镇商会执行会长王德明出席。", set()),
    # (a committee of the chamber, its own posts; a member company's chairman)
    ("天津市山西商会青年委员会主任王德明出席。", set()),
    ("天津市山西商会副会长单位示例公司董事长王德明出席。", set()),
    # (the post of a company, not of a chamber)
    ("天津市山西商会举办年会。示例有限公司执行董事王德明发言。", set()),
]


@pytest.mark.parametrize("text,want", POSTS, ids=[f"post_kinds{n}" for n in range(len(POSTS))])
def test_post_kinds(text, want):
    assert posts_of(text) == {(fold(p), fold(c), fold(t)) for p, c, t in want}


def test_the_table_is_large():
    assert sum(1 for _, w in POSTS if w) >= 60 and sum(1 for _, w in POSTS if not w) >= 10
