"""More ways Chinese news and chamber pages state a person's post in a chamber (issue 15), beyond those of
test_extract_post_forms.py: name lists with other separators, posts after a colon or on a line of their
own (名单 blocks, table rows), name-then-post with a page's spacing, more verbs of election and hiring,
honorifics, two- and four-character names (复姓), names with ·, 作为<chamber><post>，<name>, 我会 / 本会 /
该会 with a name before the post; and negatives that must give no person or no post: other bodies' people in
the same sentence, post words used as attributes (会长单位, 会长办公会, 各位会长, 历任会长), past and proposed
posts, a verb after a two-character name read as its third character. Sentences written for this test
(names and chambers invented); compared in the matching form (loaders.text.fold)."""
from __future__ import annotations

import pytest

from loaders.articles import extract_text
from loaders.text import fold

TJ = "天津市山西商会"
SZ = "苏州山西商会"
SH = "上海山西商会"
FRONT = "---\ndate: 2024-05-10\n---\n"
PUBLISHER = "---\npublisher: 天津市山西商会\ndate: 2024-05-10\n---\n"


def posts_of(text, path="t.md"):
    f = extract_text(text if text.startswith("---") else FRONT + text, path)
    return {(fold(f.nodes[r.start].name), fold(f.nodes[r.end].name), fold(r.properties["title"]))
            for r in f.rels.values() if r.type == "HOLDS_POST"}


def people_of(text):
    f = extract_text(text if text.startswith("---") else FRONT + text, "t.md")
    return {fold(n.name) for n in f.nodes.values() if n.label == "Person"}


POSTS = [
    # --- a list after one post, with other separators: 和 / 及 / 与 / 以及 closing a 、 list, a comma list
    # closed by 等 or running on, a page's spaces
    ("天津市山西商会副会长王德明、李文华和赵小燕出席。",
     {("王德明", TJ, "副会长"), ("李文华", TJ, "副会长"), ("赵小燕", TJ, "副会长")}),
    ("天津市山西商会副会长王德明、李文华以及赵小燕参加座谈。",
     {("王德明", TJ, "副会长"), ("李文华", TJ, "副会长"), ("赵小燕", TJ, "副会长")}),
    ("天津市山西商会常务副会长孙建国与周志强陪同考察。", {("孙建国", TJ, "常务副会长"), ("周志强", TJ, "常务副会长")}),
    ("天津市山西商会副会长王德明，李文华，赵小燕等出席。",
     {("王德明", TJ, "副会长"), ("李文华", TJ, "副会长"), ("赵小燕", TJ, "副会长")}),
    ("天津市山西商会理事王德明，李文华等参加。", {("王德明", TJ, "理事"), ("李文华", TJ, "理事")}),
    ("天津市山西商会副会长 王德明 李文华 赵小燕 出席会议。",
     {("王德明", TJ, "副会长"), ("李文华", TJ, "副会长"), ("赵小燕", TJ, "副会长")}),
    # (after one name, 与 / 和 may bring in the other party: 乙 is no 副会长 unless told as attending with 甲)
    ("天津市山西商会常务副会长王德明与李明共同签约。", {("王德明", TJ, "常务副会长")}),
    ("天津市山西商会副会长王德明和李明一起为项目揭牌。", {("王德明", TJ, "副会长")}),
    ("天津市山西商会副会长王德明、李文华与李明共同签约。", {("王德明", TJ, "副会长"), ("李文华", TJ, "副会长")}),
    # (会长 is one person: 会长甲和乙 does not make 乙 the 会长)
    ("天津市山西商会会长王德明和李文华一同出席。", {("王德明", TJ, "会长")}),
    # --- the post after 为 / 是 / 分别是 / 分别为 / a colon, the names closing the clause
    ("天津市山西商会新一届会长为王德明，秘书长为郭文斌。", {("王德明", TJ, "会长"), ("郭文斌", TJ, "秘书长")}),
    ("天津市山西商会新当选的副会长分别是王德明、李文华、赵小燕。",
     {("王德明", TJ, "副会长"), ("李文华", TJ, "副会长"), ("赵小燕", TJ, "副会长")}),
    ("天津市山西商会副会长分别为王德明、李文华。", {("王德明", TJ, "副会长"), ("李文华", TJ, "副会长")}),
    ("天津市山西商会现任会长是王德明。", {("王德明", TJ, "会长")}),
    ("天津市山西商会秘书长：郭文斌。", {("郭文斌", TJ, "秘书长")}),
    ("天津市山西商会会长为李文华颁发了荣誉证书。", set()),
    # --- the name before the post, with a page's spacing, an honorific, after 该会 / 我会 / 本会
    ("天津市山西商会 王德明 会长出席会议。", {("王德明", TJ, "会长")}),
    ("天津市山西商会会长王德明先生、秘书长郭文斌女士出席。", {("王德明", TJ, "会长"), ("郭文斌", TJ, "秘书长")}),
    ("天津市山西商会副会长王德明先生、李文华女士出席。", {("王德明", TJ, "副会长"), ("李文华", TJ, "副会长")}),
    ("天津市山西商会成立十周年。该会王德明会长表示，将继续服务会员。", {("王德明", TJ, "会长")}),
    (PUBLISHER + "5月9日，我会王德明会长带队赴太原考察。", {("王德明", TJ, "会长")}),
    (PUBLISHER + "本会郭文斌秘书长主持会议。", {("郭文斌", TJ, "秘书长")}),
    (PUBLISHER + "我会副会长王德明、李文华和赵小燕参加。",
     {("王德明", TJ, "副会长"), ("李文华", TJ, "副会长"), ("赵小燕", TJ, "副会长")}),
    (PUBLISHER + "我会名誉会长黄国平先生，会长王德明先生出席。", {("黄国平", TJ, "名誉会长"), ("王德明", TJ, "会长")}),
    # a chamber's own page that names no chamber before the post: the publisher's; after another chamber is
    # named, 会长某 may be either's; not after our city's people (我市…)
    (PUBLISHER + "5月9日，会长王德明带队赴太原考察，秘书长郭文斌陪同。", {("王德明", TJ, "会长"), ("郭文斌", TJ, "秘书长")}),
    (PUBLISHER + "5月9日，苏州山西商会会长李文华来访，会长王德明接待。", {("李文华", SZ, "会长")}),
    (PUBLISHER + "太原市工商联主席李明，秘书长赵强出席。", set()),
    (PUBLISHER + "我市统战部副部长李明，会长王德明出席。", set()),
    ("5月9日，会长王德明带队赴太原考察。", set()),
    (PUBLISHER + "5月9日，王德明会长带队赴太原考察。", {("王德明", TJ, "会长")}),
    (PUBLISHER + "原会长王德明、王德明先生出席。", set()),
    ("天津市山西商会领导王德明会长、郭文斌秘书长出席。", {("王德明", TJ, "会长"), ("郭文斌", TJ, "秘书长")}),
    ("天津市山西商会举办年会。示例区委书记李明，秘书长赵强出席。", set()),
    ("天津市山西商会举办年会。示例餐饮协会同日成立，李明会长致辞，秘书长赵强主持。", set()),
    # --- the post in brackets after the name, the chamber named before in the sentence
    ("天津市山西商会王德明（会长）、郭文斌（秘书长）出席。", {("王德明", TJ, "会长"), ("郭文斌", TJ, "秘书长")}),
    ("王德明先生（天津市山西商会会长）出席会议。", {("王德明", TJ, "会长")}),
    # --- 作为 / 身为 <chamber><post>，<name>
    ("作为天津市山西商会会长，王德明多次带队回乡考察。", {("王德明", TJ, "会长")}),
    ("身为苏州山西商会秘书长，郭文斌常年奔走。", {("郭文斌", SZ, "秘书长")}),
    # --- more verbs of election, hiring and appointment; adverbs before 当选
    ("王德明连任天津市山西商会会长。", {("王德明", TJ, "会长")}),
    ("王德明再次当选天津市山西商会会长。", {("王德明", TJ, "会长")}),
    ("王德明全票当选为天津市山西商会第四届会长。", {("王德明", TJ, "会长")}),
    ("王德明被推选为天津市山西商会会长。", {("王德明", TJ, "会长")}),
    ("郭文斌被聘为天津市山西商会秘书长。", {("郭文斌", TJ, "秘书长")}),
    ("郭文斌受聘担任天津市山西商会秘书长。", {("郭文斌", TJ, "秘书长")}),
    ("王德明增补为天津市山西商会副会长。", {("王德明", TJ, "副会长")}),
    ("天津市山西商会增补王德明、李文华为副会长。", {("王德明", TJ, "副会长"), ("李文华", TJ, "副会长")}),
    ("天津市山西商会聘任郭文斌为秘书长。", {("郭文斌", TJ, "秘书长")}),
    ("大会选举王德明为天津市山西商会会长。", {("王德明", TJ, "会长")}),
    ("会议推选李文华为苏州山西商会执行会长。", {("李文华", SZ, "执行会长")}),
    ("天津市山西商会换届，王德明当选会长，李文华、赵小燕当选副会长。",
     {("王德明", TJ, "会长"), ("李文华", TJ, "副会长"), ("赵小燕", TJ, "副会长")}),
    # … past and stepping down: nothing
    ("王德明卸任天津市山西商会会长一职。", set()),
    ("王德明曾担任天津市山西商会会长。", set()),
    ("天津市山西商会历任会长王德明、李文华出席。", set()),
    ("天津市山西商会第一任会长王德明出席。", set()),
    # --- <chamber><post>的<name> (担任…会长的王某), 的 between the chamber and a name before its post, more posts
    ("担任天津市山西商会会长的王德明表示，将继续努力。", {("王德明", TJ, "会长")}),
    ("现任苏州山西商会秘书长的郭文斌介绍了情况。", {("郭文斌", SZ, "秘书长")}),
    ("曾任天津市山西商会会长的王德明出席。", set()),
    ("天津市山西商会会长的讲话很精彩。", set()),
    ("天津市山西商会的王德明会长出席。", {("王德明", TJ, "会长")}),
    ("天津市山西商会执行副会长王德明、名誉副会长李文华出席。", {("王德明", TJ, "执行副会长"), ("李文华", TJ, "名誉副会长")}),
    # --- 第X届理事会 before the post and a list
    ("天津市山西商会第三届理事会会长王德明、副会长李文华出席。", {("王德明", TJ, "会长"), ("李文华", TJ, "副会长")}),
    ("苏州山西商会第二届监事会监事长韩立新作报告。", {("韩立新", SZ, "监事长")}),
    # --- 名单 blocks: a post heading on a line of its own, the names on the lines after it
    ("天津市山西商会第三届理事会名单\n会长\n王德明\n副会长\n李文华、赵小燕\n秘书长\n郭文斌\n",
     {("王德明", TJ, "会长"), ("李文华", TJ, "副会长"), ("赵小燕", TJ, "副会长"), ("郭文斌", TJ, "秘书长")}),
    ("天津市山西商会副会长名单：\n王德明\n李文华\n赵小燕\n",
     {("王德明", TJ, "副会长"), ("李文华", TJ, "副会长"), ("赵小燕", TJ, "副会长")}),
    ("天津市山西商会领导班子\n会长：王德明\n副会长：李文华 赵小燕 孙建国\n",
     {("王德明", TJ, "会长"), ("李文华", TJ, "副会长"), ("赵小燕", TJ, "副会长"), ("孙建国", TJ, "副会长")}),
    ("天津市山西商会第三届理事会名单\n副会长（按姓氏笔画排序）：\n王德明、李文华\n",
     {("王德明", TJ, "副会长"), ("李文华", TJ, "副会长")}),
    ("天津市山西商会第三届理事会名单\n副会长（以姓氏笔画为序）：王德明、李文华\n秘书长 ：郭文斌\n",
     {("王德明", TJ, "副会长"), ("李文华", TJ, "副会长"), ("郭文斌", TJ, "秘书长")}),
    # --- table rows: Markdown and HTML
    ("天津市山西商会领导班子\n\n| 职务 | 姓名 |\n| --- | --- |\n| 会长 | 王德明 |\n| 副会长 | 李文华、赵小燕 |\n| 秘书长 | 郭文斌 |\n",
     {("王德明", TJ, "会长"), ("李文华", TJ, "副会长"), ("赵小燕", TJ, "副会长"), ("郭文斌", TJ, "秘书长")}),
    ("天津市山西商会领导班子\n\n| 姓名 | 职务 |\n| --- | --- |\n| 王德明 | 会长 |\n| 郭文斌 | 秘书长 |\n",
     {("王德明", TJ, "会长"), ("郭文斌", TJ, "秘书长")}),
    # --- two-character names before verbs the third character must not be read into
    ("天津市山西商会会长张伟出席并致辞。", {("张伟", TJ, "会长")}),
    ("天津市山西商会会长王强表示，将组织会员回乡投资。", {("王强", TJ, "会长")}),
    ("天津市山西商会秘书长李明致辞。", {("李明", TJ, "秘书长")}),
    ("天津市山西商会副会长赵刚带队考察。", {("赵刚", TJ, "副会长")}),
    ("天津市山西商会会长王强会见了考察团一行。", {("王强", TJ, "会长")}),
    ("天津市山西商会会长刘军莅临指导。", {("刘军", TJ, "会长")}),
    ("天津市山西商会会长陈刚走访了会员企业。", {("陈刚", TJ, "会长")}),
    ("天津市山西商会副会长杨帆调研了园区。", {("杨帆", TJ, "副会长")}),
    ("天津市山西商会秘书长周敏汇报了工作。", {("周敏", TJ, "秘书长")}),
    ("天津市山西商会会长马超还表示，商会将搭建平台。", {("马超", TJ, "会长")}),
    ("天津市山西商会会长胡军上午会见了客人。", {("胡军", TJ, "会长")}),
    ("天津市山西商会会长孙强赴太原参加推介会。", {("孙强", TJ, "会长")}),
    ("天津市山西商会会长朱丹颁发了证书。", {("朱丹", TJ, "会长")}),
    ("天津市山西商会会长郑洁参观了展馆。", {("郑洁", TJ, "会长")}),
    ("天津市山西商会会长高峰亲切看望了会员。", {("高峰", TJ, "会长")}),
    # --- compound surnames (复姓), a name with ·, a three-character name ending in a character that opens verbs
    ("天津市山西商会副会长欧阳明华出席。", {("欧阳明华", TJ, "副会长")}),
    ("天津市山西商会秘书长司马晓东主持会议。", {("司马晓东", TJ, "秘书长")}),
    ("天津市山西商会常务副会长上官云出席。", {("上官云", TJ, "常务副会长")}),
    ("天津市山西商会会长诸葛文、副会长欧阳红出席。", {("诸葛文", TJ, "会长"), ("欧阳红", TJ, "副会长")}),
    ("天津市山西商会副会长阿布都·热合曼出席。", {("阿布都·热合曼", TJ, "副会长")}),
    # --- traditional script
    ("天津市山西商會副會長王德明、李文華和趙小燕出席。",
     {("王德明", TJ, "副会长"), ("李文华", TJ, "副会长"), ("赵小燕", TJ, "副会长")}),
    ("王德明連任天津市山西商會會長。", {("王德明", TJ, "会长")}),
    ("蘇州山西商會新一屆會長為王德明。", {("王德明", SZ, "会长")}),
    ("天津市山西商會會長王強表示，將組織會員回鄉投資。", {("王强", TJ, "会长")}),
    # --- other bodies' people in the same sentence get no chamber post
    ("天津市山西商会会长王德明、示例集团董事长李文华出席。", {("王德明", TJ, "会长")}),
    ("太原市市长李明会见了天津市山西商会会长王德明一行。", {("王德明", TJ, "会长")}),
    ("天津市山西商会会长王德明，市商务局局长李明，区委书记赵强出席。", {("王德明", TJ, "会长")}),
    ("天津市山西商会副会长王德明、李文华，太原市副市长赵强，市政府秘书长孙丽出席。",
     {("王德明", TJ, "副会长"), ("李文华", TJ, "副会长")}),
    ("天津市山西商会秘书长郭文斌与示例有限公司总经理王强签约。", {("郭文斌", TJ, "秘书长")}),
    ("天津市山西商会会长王德明与太原市委书记李明座谈。", {("王德明", TJ, "会长")}),
    ("市委书记李明，天津市山西商会会长王德明，副市长赵强出席。", {("王德明", TJ, "会长")}),
    ("天津市山西商会会长王德明、太原市工商联主席李明和示例集团董事长赵强出席。", {("王德明", TJ, "会长")}),
    ("天津市山西商会会长王德明和县长李明共同为项目揭牌。", {("王德明", TJ, "会长")}),
    # --- post words used as attributes, meetings, generic groups: no person
    ("天津市山西商会副会长单位示例实业有限公司参加展会。", set()),
    ("天津市山西商会常务副会长单位、示例实业有限公司董事长王德明出席。", set()),
    ("天津市山西商会召开会长办公会，王德明主持。", set()),
    ("天津市山西商会会长办公会议在太原召开。", set()),
    ("天津市山西商会召开会长会议，研究下半年工作。", set()),
    ("天津市山西商会召开年会，各位会长、副会长出席。", set()),
    ("天津市山西商会各位副会长、理事出席了会议。", set()),
    ("天津市山西商会历任会长出席了庆典。", set()),
    ("天津市山西商会示例集团王德明会长出席。", set()),
    ("天津市山西商会会长会员企业示例有限公司参加。", set()),
    ("天津市山西商会秘书处工作人员出席。", set()),
    ("天津市山西商会会长办公室主任王德明出席。", set()),
    ("天津市山西商会副会长候选人王德明作表态发言。", set()),
    # --- an ordinary word after a post is no name (a surname's character opens many words), nor a surname
    # with a word of address (王会长, 李书记)
    ("天津市山西商会会长高度评价了这次活动。", set()),
    ("天津市山西商会会长全面总结了一年的工作。", set()),
    ("天津市山西商会会长任期三年，可连选连任。", set()),
    ("天津市山西商会会长和大家一起参观了展厅。", set()),
    ("天津市山西商会会长和秘书长出席。", set()),
    ("天津市山西商会会长和副会长出席。", set()),
    ("天津市山西商会会长于会上致辞。", set()),
    ("天津市山西商会会长向大家介绍了商会情况。", set()),
    ("天津市山西商会副会长高兴地说，回乡投资正当其时。", set()),
    ("天津市山西商会会长常年奔走于两地之间。", set()),
    ("天津市山西商会会长金融服务专委会成立。", set()),
    ("天津市山西商会会长包括王德明在内共五人。", set()),
    ("天津市山西商会秘书长毕业于山西大学。", set()),
    ("天津市山西商会会长应邀出席。", set()),
    ("天津市山西商会会长文明城市创建座谈会召开。", set()),
    ("天津市山西商会会长宁波考察之行圆满结束。", set()),
    ("天津市山西商会召开年会，王会长致辞，李书记讲话。", set()),
    ("天津市山西商会副会长司机王强出席。", set()),
    # --- another body's office holders told after the chamber, in the post's sentence: their 秘书长 is theirs
    ("天津市山西商会会长王德明出席。山西省企业家协会会长李明，秘书长赵强致辞。", {("王德明", TJ, "会长")}),
    ("天津市山西商会会长王德明出席。示例市工商联主席李明，副主席赵强，秘书长孙丽出席。", {("王德明", TJ, "会长")}),
    ("天津市山西商会会长王德明。太原市人民政府副市长李明，秘书长赵强出席。", {("王德明", TJ, "会长")}),
    ("天津市山西商会会长、示例有限公司董事长王德明，秘书长郭文斌出席。", {("王德明", TJ, "会长"), ("郭文斌", TJ, "秘书长")}),
    # --- a bare 商会 after a word of its own is another chamber (兄弟商会, 示例县商会), not the one named before
    ("天津市山西商会举办年会。示例县商会会长李明致辞。", set()),
    ("天津市山西商会举办年会，兄弟商会会长李明致辞。", set()),
    ("天津市山西商会举办年会，友好商会会长李明、秘书长赵强出席。", set()),
    ("天津市山西商会举办年会。天津市餐饮行业商会会长李明致辞。", set()),
    # (a district's chamber is a chamber of its own: its 会长 is its post, test_extract_chamber_kinds.py)
    ("天津市山西商会举办年会。天津市红桥区商会会长李明致辞。", {("李明", "天津市红桥区商会", "会长")}),
    ("天津市山西商会举办年会，各兄弟商会会长、秘书长出席。", set()),
    ("天津市山西商会举办年会。晋城市女企业家协会会长李明致辞。", set()),
    ("天津市山西商会举办年会，山西大学校友会会长李明致辞。", set()),
    # … but a bare 商会 after a verb or a boundary is the chamber named before
    ("天津市山西商会召开会员大会，王德明当选商会会长。", {("王德明", TJ, "会长")}),
    ("天津市山西商会举办年会。据商会秘书长郭文斌介绍，今年新增会员50家。", {("郭文斌", TJ, "秘书长")}),
    # --- past and to-come posts in a list keep only the present ones
    ("天津市山西商会举办年会，名誉会长王德明、会长李文华、原秘书长赵强出席。",
     {("王德明", TJ, "名誉会长"), ("李文华", TJ, "会长")}),
    ("天津市山西商会举办年会，候任会长王德明出席。", set()),
    ("天津市山西商会会长王德明与夫人李明出席。", {("王德明", TJ, "会长")}),
]


@pytest.mark.parametrize("text,want", POSTS, ids=[f"more_posts{n}" for n in range(len(POSTS))])
def test_more_post_forms(text, want):
    assert posts_of(text) == {(fold(p), fold(c), fold(t)) for p, c, t in want}


def test_an_html_table_row_gives_its_post():
    html = ("<p>天津市山西商会领导班子</p><table><tr><th>职务</th><th>姓名</th></tr>"
            "<tr><td>会长</td><td>王德明</td></tr><tr><td>副会长</td><td>李文华、赵小燕</td></tr></table>")
    assert posts_of(html, "t.html") == {("王德明", TJ, "会长"), ("李文华", TJ, "副会长"), ("赵小燕", TJ, "副会长")}


def test_an_html_table_of_name_then_post_columns_gives_its_posts():
    html = ("<p>天津市山西商会领导班子</p><table><tr><th>姓名</th><th>职务</th><th>企业</th></tr>"
            "<tr><td>王德明</td><td>会长</td><td>示例集团</td></tr><tr><td>郭文斌</td><td>秘书长</td><td>示例有限公司</td></tr>"
            "</table>")
    assert posts_of(html, "t.html") == {("王德明", TJ, "会长"), ("郭文斌", TJ, "秘书长")}
    two_columns = ("<p>天津市山西商会领导班子</p><table><tr><th>姓名</th><th>职务</th></tr>"
                   "<tr><td>王德明</td><td>会长</td></tr><tr><td>郭文斌</td><td>秘书长</td></tr></table>")
    assert posts_of(two_columns, "t.html") == {("王德明", TJ, "会长"), ("郭文斌", TJ, "秘书长")}


@pytest.mark.parametrize("text,name", [
    ("天津市山西商会会长张伟出席并致辞。", "张伟"),
    ("天津市山西商会会长王强会见了考察团一行。", "王强"),
    ("天津市山西商会会长刘军莅临指导。", "刘军"),
    ("天津市山西商会副会长杨帆调研了园区。", "杨帆"),
    ("天津市山西商会秘书长周敏汇报了工作。", "周敏"),
])
def test_a_verb_after_a_two_character_name_is_no_third_character(text, name):
    assert people_of(text) == {name}
