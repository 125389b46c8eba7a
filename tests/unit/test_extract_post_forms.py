"""The ways news writes a person's post in a chamber, an investment ambassador and a liaison office
(issue 15): short sentences written for this test (names and chambers invented), each with the facts it
states and nothing more. Simplified and traditional; compared in the matching form (loaders.text.fold)."""
from __future__ import annotations

import pytest

from loaders.articles import extract_text
from loaders.text import fold

TJ = "天津市山西商会"
SZ = "苏州山西商会"


def _facts(text):
    return extract_text(text if text.startswith("---") else "---\ndate: 2024-05-10\n---\n" + text, "t.md")


def posts_of(text):
    f = _facts(text)
    return {(fold(f.nodes[r.start].name), fold(f.nodes[r.end].name), fold(r.properties["title"]))
            for r in f.rels.values() if r.type == "HOLDS_POST"}


def ambassadors_of(text):
    f = _facts(text)
    return {(fold(f.nodes[r.start].name), f.nodes[r.end].name) for r in f.rels.values() if r.type == "AMBASSADOR_OF"}


def liaisons_of(text):
    f = _facts(text)
    return {(fold(f.nodes[r.start].name), f.nodes[r.end].name) for r in f.rels.values() if r.type == "LIAISON_OFFICE_OF"}


def members_of(text):
    f = _facts(text)
    return {(fold(f.nodes[r.start].name), fold(f.nodes[r.end].name), r.properties.get("title"))
            for r in f.rels.values() if r.type == "MEMBER_OF"}


POSTS = [
    # --- the title before the name, after the chamber
    ("天津市山西商会会长王德明出席会议并致辞。", {("王德明", TJ, "会长")}),
    ("5月9日，天津市山西商会执行会长李文华一行到访。", {("李文华", TJ, "执行会长")}),
    # --- the name before the title
    ("天津市山西商会王德明会长出席会议并致辞。", {("王德明", TJ, "会长")}),
    ("苏州山西商会常务副会长赵小燕女士介绍了商会情况。", {("赵小燕", SZ, "常务副会长")}),
    # --- the post in brackets after the name
    ("王德明（天津市山西商会会长）出席会议。", {("王德明", TJ, "会长")}),
    ("会上，李文华(苏州山西商会秘书长)作了发言。", {("李文华", SZ, "秘书长")}),
    # --- a company's post between the chamber's post and the name
    ("天津市山西商会会长、示例实业有限公司董事长王德明出席。", {("王德明", TJ, "会长")}),
    # --- elected
    ("王德明当选为天津市山西商会第三届会长。", {("王德明", TJ, "会长")}),
    ("王德明当选天津市山西商会新一届会长。", {("王德明", TJ, "会长")}),
    ("天津市山西商会召开第三届会员大会，选举王德明为会长，李文华为执行会长。",
     {("王德明", TJ, "会长"), ("李文华", TJ, "执行会长")}),
    # --- 担任 / 任
    ("王德明担任天津市山西商会会长。", {("王德明", TJ, "会长")}),
    # --- a list sharing a title, and several posts in a row
    ("天津市山西商会会长王德明、执行会长李文华、常务副会长赵小燕、孙建国、周志强出席。",
     {("王德明", TJ, "会长"), ("李文华", TJ, "执行会长"), ("赵小燕", TJ, "常务副会长"), ("孙建国", TJ, "常务副会长"),
      ("周志强", TJ, "常务副会长")}),
    ("天津市山西商会副会长张伟、刘洋、陈静等参加了活动。",
     {("张伟", TJ, "副会长"), ("刘洋", TJ, "副会长"), ("陈静", TJ, "副会长")}),
    ("天津市山西商会会长王德明，副会长赵小燕、孙建国陪同考察。",
     {("王德明", TJ, "会长"), ("赵小燕", TJ, "副会长"), ("孙建国", TJ, "副会长")}),
    ("出席活动的有天津市山西商会会长王德明、秘书长郭文斌。", {("王德明", TJ, "会长"), ("郭文斌", TJ, "秘书长")}),
    # --- other posts
    ("会议由天津市山西商会秘书长郭文斌主持。", {("郭文斌", TJ, "秘书长")}),
    ("天津市山西商会名誉会长黄国平致辞。", {("黄国平", TJ, "名誉会长")}),
    ("天津市山西商会监事长韩立新作监事会工作报告。", {("韩立新", TJ, "监事长")}),
    ("天津市山西商会党支部书记冯建华讲了党课。", {("冯建华", TJ, "党支部书记")}),
    ("天津市山西商会副会长兼秘书长高志远主持会议。", {("高志远", TJ, "副会长兼秘书长")}),
    ("天津市山西商会党支部书记、会长王德明讲话。", {("王德明", TJ, "党支部书记"), ("王德明", TJ, "会长")}),
    ("天津市山西商会会长王德明先生在会上发言。", {("王德明", TJ, "会长")}),
    # --- the chamber referred to: 该会 / 商会 / 我会 / 本会
    ("天津市山西商会于2010年成立。该会会长王德明表示，将组织会员回乡投资。", {("王德明", TJ, "会长")}),
    ("天津市山西商会举办年会。商会会长王德明作工作报告。", {("王德明", TJ, "会长")}),
    ("天津市山西商会举办年会。\n会上，会长王德明作了工作报告，秘书长郭文斌主持。",
     {("王德明", TJ, "会长"), ("郭文斌", TJ, "秘书长")}),
    ("---\npublisher: 天津市山西商会\ndate: 2024-05-10\n---\n5月9日，我会会长王德明带队考察。", {("王德明", TJ, "会长")}),
    ("---\npublisher: 天津市山西商会\ndate: 2024-05-10\n---\n本会秘书长郭文斌出席会议。", {("郭文斌", TJ, "秘书长")}),
    # --- titles before a list across a colon, and one per line
    ("天津市山西商会新一届领导班子：会长王德明，执行会长李文华，秘书长郭文斌。",
     {("王德明", TJ, "会长"), ("李文华", TJ, "执行会长"), ("郭文斌", TJ, "秘书长")}),
    ("天津市山西商会第三届理事会领导成员名单\n会长：王德明\n执行会长：李文华\n副会长：赵小燕、孙建国\n秘书长：郭文斌\n",
     {("王德明", TJ, "会长"), ("李文华", TJ, "执行会长"), ("赵小燕", TJ, "副会长"), ("孙建国", TJ, "副会长"),
      ("郭文斌", TJ, "秘书长")}),
    # --- 晋商会, other chambers, traditional
    ("天津晋商会会长王德明出席会议。", {("王德明", "天津晋商会", "会长")}),
    ("天津市山西商會會長王德明出席會議並致辭。", {("王德明", TJ, "会长")}),
    ("蘇州山西商會常務副會長趙小燕、秘書長郭文斌出席。", {("赵小燕", SZ, "常务副会长"), ("郭文斌", SZ, "秘书长")}),
    ("天津市山西商會王德明會長出席會議。", {("王德明", TJ, "会长")}),
    ("天津市福建商会会长林志强出席会议。", {("林志强", "天津市福建商会", "会长")}),
    # --- posts joined by 和 / 及, commas between groups, a list after a colon set apart by spaces
    ("天津市山西商会会长王德明和秘书长郭文斌出席。", {("王德明", TJ, "会长"), ("郭文斌", TJ, "秘书长")}),
    ("天津市山西商会会长王德明及副会长赵小燕出席。", {("王德明", TJ, "会长"), ("赵小燕", TJ, "副会长")}),
    ("天津市山西商会会长王德明，常务副会长赵小燕，副会长孙建国、周志强，秘书长郭文斌参加。",
     {("王德明", TJ, "会长"), ("赵小燕", TJ, "常务副会长"), ("孙建国", TJ, "副会长"), ("周志强", TJ, "副会长"),
      ("郭文斌", TJ, "秘书长")}),
    ("天津市山西商会副会长：赵小燕 孙建国 周志强\n",
     {("赵小燕", TJ, "副会长"), ("孙建国", TJ, "副会长"), ("周志强", TJ, "副会长")}),
    # --- 当选 after a vote told before, in the same sentence or the next
    ("天津市山西商会第三届理事会第一次会议选举产生了新一届领导班子，王德明当选会长，李文华当选执行会长。",
     {("王德明", TJ, "会长"), ("李文华", TJ, "执行会长")}),
    ("天津市山西商会换届大会召开。大会选举王德明为第三届会长。", {("王德明", TJ, "会长")}),
    ("天津市山西商会于2010年成立，王德明任会长，李文华任秘书长。", {("王德明", TJ, "会长"), ("李文华", TJ, "秘书长")}),
    ("天津市山西商会于2010年成立，王德明曾任会长。", set()),
    ("天津市山西商会召开会员大会。会上，示例置业有限公司董事长王德明当选商会第二届理事会会长。", {("王德明", TJ, "会长")}),
    # 拟任: proposed, not yet held
    ("天津市山西商会召开会长会议；会长王德明，拟任常务副会长赵小燕、孙建国参加。", {("王德明", TJ, "会长")}),
    ("天津市山西商会召开会长会议，王德明拟任常务副会长。", set()),
    # --- more posts
    ("天津市山西商会常务理事马志刚、理事杜文海出席。", {("马志刚", TJ, "常务理事"), ("杜文海", TJ, "理事")}),
    ("天津市山西商会驻会副会长侯建新主持会议。", {("侯建新", TJ, "驻会副会长")}),
    ("天津市山西商会荣誉会长、示例集团董事长黄国平出席。", {("黄国平", TJ, "荣誉会长")}),
    ("会议听取了天津市山西商会会长王德明的报告。", {("王德明", TJ, "会长")}),
    # --- the person first, the post told of them: 系 / 是, and set apart by a comma (a profile's opening)
    ("王德明系天津市山西商会会长。", {("王德明", TJ, "会长")}),
    ("王德明是天津市山西商会常务副会长。", {("王德明", TJ, "常务副会长")}),
    ("王德明，男，山西平遥人，天津市山西商会会长，示例集团董事长。", {("王德明", TJ, "会长")}),
    ("王德明，天津市山西商会会长、党支部书记。", {("王德明", TJ, "会长"), ("王德明", TJ, "党支部书记")}),
    ("王德明，曾任天津市山西商会会长。", set()),
    ("王德明，苏州山西商会秘书长郭文斌等出席。", {("郭文斌", SZ, "秘书长")}),
    # --- the name before the title in a later sentence, of the chamber named before
    ("天津市山西商会举办座谈会。王德明会长表示，商会将继续服务会员。", {("王德明", TJ, "会长")}),
    # --- a page's spacing, an aside in brackets after the chamber, more titles, chambers of other provinces' people
    ("天津市山西商会会长 王德明 出席会议。", {("王德明", TJ, "会长")}),
    ("天津市山西商会（晋商俱乐部联合发起机构）会长王德明出席。", {("王德明", TJ, "会长")}),
    ("天津市山西商会轮值会长王德明、首席会长李文华出席。", {("王德明", TJ, "轮值会长"), ("李文华", TJ, "首席会长")}),
    ("天津市山西商会党委副书记冯建华出席。", {("冯建华", TJ, "党委副书记")}),
    ("天津市山西商会常务副会长兼秘书长、示例有限公司总经理高志远出席。", {("高志远", TJ, "常务副会长兼秘书长")}),
    ("山西省浙江商会会长周志强出席。", {("周志强", "山西省浙江商会", "会长")}),
    # surnames common in Shanxi
    ("天津市山西商会会长阎立新、副会长畅海波、秘书长栗文军出席。",
     {("阎立新", TJ, "会长"), ("畅海波", TJ, "副会长"), ("栗文军", TJ, "秘书长")}),
    ("天津市山西商会会长王德明，秘书长郭文斌；苏州山西商会会长李文华出席。",
     {("王德明", TJ, "会长"), ("郭文斌", TJ, "秘书长"), ("李文华", SZ, "会长")}),
    # --- negatives: a post outside the chamber, generic chambers
    ("天津市山西商会会长王德明当选为天津市工商联副主席。", {("王德明", TJ, "会长")}),
    ("各地山西商会会长齐聚太原，外省山西商会会长王德明等出席。", set()),
    ("原天津市山西商会会长王德明出席。", set()),
    # --- negatives: government posts, past posts, another chamber, member companies
    ("太原市副市长王大勇、天津市山西商会会长王德明出席。", {("王德明", TJ, "会长")}),
    ("示例区商务局局长李明、区投资促进中心主任刘强出席会议。", set()),
    ("天津市山西商会秘书长郭文斌主持，市商务局副局长孙建国致辞。", {("郭文斌", TJ, "秘书长")}),
    ("天津市山西商会原会长王德明出席会议。", set()),
    ("王德明曾任天津市山西商会会长。", set()),
    ("天津市山西商会前任会长王德明、现任会长李文华出席。", {("李文华", TJ, "会长")}),
    ("天津市山西商会会长王德明会见了苏州山西商会会长李文华一行。", {("王德明", TJ, "会长"), ("李文华", SZ, "会长")}),
    ("天津市山西商会与示例市餐饮协会签约。协会会长李明表示欢迎。", set()),
    ("天津市山西商会会长单位示例能源有限公司参加展会。", set()),
    ("示例文化博览会组委会主任王德明出席。", set()),
    # another body's posts after the chamber is named: an association, the federation of commerce (总商会)
    ("天津市山西商会会长王德明和山西省企业家协会会长李明出席。", {("王德明", TJ, "会长")}),
    ("天津市山西商会举办年会，天津市工商联副主席、总商会副会长李明致辞。", set()),
    ("天津市山西商会举办年会。会上，天津市委统战部副部长李明、市工商联副主席赵强先后致辞。", set()),
    # the bare 商会 after a verb is the chamber named before
    ("天津市山西商会举办座谈会。会后，一行走访了商会副会长赵小燕的企业。", {("赵小燕", TJ, "副会长")}),
    # --- the publishing place's own people invited to another province's chamber: 我市…，商会执行会长某某 is
    # our city's (county's) chamber, which the page does not name
    ("2023年4月9日，江苏省浙江商会召开会员大会。我市统战部副部长李明，商会执行会长王德明，执行秘书长赵强应邀参加。",
     set()),
    ("江苏省浙江商會召開會員大會。我縣工商聯主席李明、商會王德明會長應邀參加。", set()),
    ("天津市山西商会召开会员大会。我县商会会长王德明到会祝贺。", set()),
    # … but the city's own chamber named before, or the chamber named in that sentence, keeps its posts
    ("天津市山西商会召开会员大会。我市统战部副部长李明，商会执行会长王德明出席。", {("王德明", TJ, "执行会长")}),
    ("我市统战部副部长李明，天津市山西商会执行会长王德明，秘书长赵强出席。",
     {("王德明", TJ, "执行会长"), ("赵强", TJ, "秘书长")}),
    ("江苏省浙江商会召开会员大会。商会执行会长王德明主持。", {("王德明", "江苏省浙江商会", "执行会长")}),
    # --- several names before 出任 / 当选, joined by 、
    ("企业家王德明、李文华出任天津市山西商会副会长。", {("王德明", TJ, "副会长"), ("李文华", TJ, "副会长")}),
    ("永嘉籍企業家胡建國、鄭文華出任太原市溫州商會副會長。",
     {("胡建國", "太原市溫州商會", "副會長"), ("鄭文華", "太原市溫州商會", "副會長")}),
    ("会上，王德明、李文华当选为天津市山西商会副会长。", {("王德明", TJ, "副会长"), ("李文华", TJ, "副会长")}),
    # (a list that opens after a word of no boundary keeps only the name next to the verb)
    ("示例大学校友王德明、李文华出任天津市山西商会副会长。", {("李文华", TJ, "副会长")}),
    # --- a chamber's history: 某年某人任<chamber>会长; a chamber founded without its name is none of the
    # chamber named before; 理事长 is not 理事
    ("1998年(戊寅)王德明任天津市山西商会会长，2003年李文华递任。", {("王德明", TJ, "会长")}),
    ("2001年，天津市山西商会改选，由李文华任会长。", {("李文华", TJ, "会长")}),
    ("2001年，天津市山西商会改选。2005年，滨海成立商会，李文华任会长。", set()),
    ("2001年，天津市山西商会成立，李文华任会长。", {("李文华", TJ, "会长")}),
    ("天津市山西商会召开大会，推选出理事7人，李文华任理事长。", set()),
    # a Shanxi city's own chamber (a gazetteer's history); a chamber the finder does not know, opening a
    # clause after the one named before, takes the post from it
    ("1939年3月，运城商会成立，王德明任会长。", {("王德明", "运城商会", "会长")}),
    ("1939年3月，运城商会成立。1941年9月，青石商会改选，由李文华任会长。", set()),
    ("1939年3月，运城商会成立。1941年9月，青石商会改选，会长李文华，副会长王德明。", set()),
    ("天津市山西商会召开大会，全体商会会员选举王德明为会长。", {("王德明", TJ, "会长")}),
    ("天津市山西商会理事长李文华致辞。", set()),
    ("天津市山西商会召开大会，选举李文华为理事长，王德明为监事长。", set()),
    # --- before a post, a chamber's place is no person (运城会长为某某: the place's chamber, named by its
    # place only), nor a surname alone (王会长)
    ("天津市山西商会成立后，运城会长为王德明，安邑会长是李文华，滨海县会长 是赵强。", set()),
    ("天津市山西商会召开年会，王会长致辞，李秘书长主持。", set()),
    ("天津市山西商会王德明会长为李文华颁发证书。", {("王德明", TJ, "会长")}),
    ("天津市山西商会召开年会，王德明会长是大会主持人。", {("王德明", TJ, "会长")}),
    # --- the one leading the chamber's group: 在<post><name>(的)带领下 / 由<post><name>率领, in the sentence
    # that names the chamber; not across a sentence, not another body's post, not a leader with no post
    ("天津市山西商会一行十余人在监事长王德明带领下，前往灾区慰问。", {("王德明", TJ, "监事长")}),
    ("天津市山西商會一行在常務副會長李文華的帶領下參觀了園區。", {("李文华", TJ, "常务副会长")}),
    ("天津市山西商会考察团由秘书长赵强率领，抵达长治。", {("赵强", TJ, "秘书长")}),
    ("天津市山西商会举办年会。代表团在副会长王德明带领下参观了园区。", set()),
    ("天津市山西商会一行在县长王德明带领下参观了园区。", set()),
    ("天津市山西商会一行在王德明带领下参观了园区。", set()),
    # --- a given name opening with 在 (田在明), closed by a boundary; 王在会上 stays a surname and a verb
    ("天津市山西商会会长田在明、秘书长赵强出席。", {("田在明", TJ, "会长"), ("赵强", TJ, "秘书长")}),
    ("图3 天津市山西商会会长田在明\n会议上，大家踊跃发言。", {("田在明", TJ, "会长")}),
    ("天津市山西商会召开年会，会长王在会上致辞。", set()),
    # --- 陜西 as many traditional pages set it (陜 for 陝): the province's chamber, named and holding posts
    ("北京湖南企業商會會長李文東與北京陜西企業商會名譽會長陳明等合影。",
     {("李文东", "北京湖南企业商会", "会长"), ("陈明", "北京陕西企业商会", "名誉会长")}),
    # --- 受商会会长某某委托: a two-character name before 委托; the chamber named before when it is the only one
    ("天津市山西商会召开年会。受商会会长郑志委托，常务副会长曾杰致辞。", {("郑志", TJ, "会长"), ("曾杰", TJ, "常务副会长")}),
    # … but after many chambers (来自28家商会), or after a sentence naming several, a bare 商会 is none of them
    ("由天津市山西商会承办的联席会在京召开，来自28家在京商会的会长参加。\n受商会会长郑志委托，常务副会长曾杰代表商会出席。",
     set()),
    ("会上，北京江西企业商会会长刘明、天津市山西商会会长王德明先后发言。\n受商会会长郑志委托，常务副会长曾杰代表商会出席。",
     {("刘明", "北京江西企业商会", "会长"), ("王德明", TJ, "会长")}),
    ("会上，北京江西企业商会会长刘明、天津市山西商会会长王德明先后发言。各商会秘书长赵强、孙丽列席。",
     {("刘明", "北京江西企业商会", "会长"), ("王德明", TJ, "会长")}),
    # (one chamber named twice is still one: the bare 商会 after it is that one)
    ("天津市山西商会召开年会，天津市山西商会会长王德明致辞。\n商会秘书长赵强主持。", {("王德明", TJ, "会长"), ("赵强", TJ, "秘书长")}),
]


@pytest.mark.parametrize("text,want", POSTS, ids=[f"posts{n}" for n in range(len(POSTS))])
def test_posts(text, want):
    assert posts_of(text) == {(fold(p), fold(c), fold(t)) for p, c, t in want}


def test_a_member_company_is_no_person():
    assert members_of("天津市山西商会会长单位示例能源有限公司参加展会。") == {("示例能源有限公司", TJ, "会长单位")}
    assert members_of("天津市山西商会会员企业示例能源有限公司参加展会。") == {("示例能源有限公司", TJ, "会员企业")}
    assert posts_of("天津市山西商会会员企业示例能源有限公司参加展会。") == set()


AMBASSADORS = [
    ("天津市山西商会会长王德明被聘为太原市招商大使。", {("王德明", "太原市")}),
    ("王德明受聘为大同市招商引资大使。", {("王德明", "大同市")}),
    ("大同市聘请王德明、李文华为招商大使。", {("王德明", "大同市"), ("李文华", "大同市")}),
    ("会上，大同市政府为王德明颁发了招商大使聘书。", {("王德明", "大同市")}),
    # (晋城市聘请天津市山西商会… makes the chamber finder read one chamber 晋城市聘请天津市山西商会: the
    # chamber finder's part, so the government is named in full here)
    ("晋城市人民政府聘请天津市山西商会会长王德明为招商顾问。", {("王德明", "晋城市")}),
    ("天津市山西商會會長王德明受聘為太原市招商大使。", {("王德明", "太原市")}),
    ("天津市山西商会会长王德明被聘为太原市招商大使，秘书长郭文斌被聘为大同市招商顾问。",
     {("王德明", "太原市"), ("郭文斌", "大同市")}),
    ("大同市为王德明、李文华等5人颁发了招商大使聘书。", {("王德明", "大同市"), ("李文华", "大同市")}),
    ("王德明被授予太原市“招商大使”称号。", {("王德明", "太原市")}),
    ("天津市山西商会会长王德明荣获太原市“招商引资大使”称号。", {("王德明", "太原市")}),
    ("王德明等3人受聘为太原市招商顾问。", {("王德明", "太原市")}),
    # the mayor who hands over the letters is none
    ("太原市市长李明为王德明、李文华颁发“招商大使”聘书。", {("王德明", "太原市"), ("李文华", "太原市")}),
    ("临汾市投资促进局副局长李明赴天津市山西商会，聘请王德明会长为临汾市招商引资与招才引智大使。", {("王德明", "临汾市")}),
]


@pytest.mark.parametrize("text,want", AMBASSADORS, ids=[f"ambassador{n}" for n in range(len(AMBASSADORS))])
def test_ambassadors(text, want):
    assert ambassadors_of(text) == want


LIAISONS = [
    ("太原市为天津市山西商会授牌“太原市招商引资联络处”。", {(TJ, "太原市")}),
    ("大同市在天津市山西商会设立招商联络处。", {(TJ, "大同市")}),
    ("天津市山西商会被授予“晋城市招商引资工作站”牌匾。", {(TJ, "晋城市")}),
    ("晋城市驻天津招商联络处在天津市山西商会揭牌。", {(TJ, "晋城市")}),
    ("太原市為天津市山西商會授牌「太原市招商引資聯絡處」。", {(TJ, "太原市")}),
    ("天津市山西商会成为大同市招商引资联络处。", {(TJ, "大同市")}),
    ("天津市山西商会被授予“临汾市招商引资与招才引智工作联络处”牌匾。", {(TJ, "临汾市")}),
    ("长治市驻天津招商引资工作站在天津市山西商会挂牌成立。", {(TJ, "长治市")}),
    ("大同市商务局局长李明为天津市山西商会授予“大同市驻津招商联络处”牌匾。", {(TJ, "大同市")}),
    ("5月9日，我市在天津举办推介会，向天津市山西商会授予晋城市招商引资联络处牌匾。", {(TJ, "晋城市")}),
]


@pytest.mark.parametrize("text,want", LIAISONS, ids=[f"liaison{n}" for n in range(len(LIAISONS))])
def test_liaison_offices(text, want):
    assert liaisons_of(text) == want


@pytest.mark.parametrize("body,want", [
    ("企业家王德明、李文华出任天津市山西商会副会长。",
     {"王德明": "王德明、李文华出任天津市山西商会副会长", "李文华": "李文华出任天津市山西商会副会长"}),
    ("王德明（天津市山西商会会长）出席会议。", {"王德明": "王德明（天津市山西商会会长"}),
])
def test_a_post_told_person_first_has_evidence_from_the_name_to_the_post(body, want):
    text = "---\ndate: 2024-05-10\n---\n" + body
    f = extract_text(text, "t.md")
    quoted = {f.nodes[r.start].name: [text[s:e] for s, e in r.evidence] for r in f.rels.values() if r.type == "HOLDS_POST"}
    assert quoted == {name: [q] for name, q in want.items()}
