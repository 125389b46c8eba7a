"""The rules about people and the bodies they belong to: posts in chambers (also after 我会 /
本会), member companies, investment ambassadors, liaison offices and hometowns. A mixin of the
extractor (loaders/articles/extract.py), whose state (`t`, `f`, `event`, …) it reads."""
from __future__ import annotations

import re
from bisect import bisect_left

from loaders.articles import patterns as P
from loaders.articles.entities import Place, chamber_key, name_after_post, name_at, name_ends, names_list_at
from loaders.articles.lookahead import quicken_all
from loaders.articles.places import MUNICIPALITIES
from loaders.text import fold

HIGH, MID, LOW = 0.9, 0.75, 0.6  # confidence: an exact pattern; a likely reading; a guess
# what may stand before a bare 山西商会 that is the chamber named before (据山西商会秘书长…): nothing or
# a function word; 外省 / 各地 / 多家 山西商会 are many chambers
_BARE_BEFORE = ("", "据", "经", "由", "与", "和", "向", "对", "在", "为", "该", "本", "是", "即")


# posts given by a vote: 选举王某为会长 / 王某当选会长
_VOTE = re.compile(rf"(?:选举|推选|选出|聘任|聘请|任命|增补)(?:产生)?(?:了)?|"
                   rf"(?<![曾原历前经拟])(?:再次|再度|继续|全票|高票|顺利|正式|光荣|连续|一致|均)?(?:当选(?:为)?|获选(?:担任|为)?|(?:被|受|获)聘(?:为|担任|任)?|(?:连|留|续|改|转)任|(?:担|出|继|接|兼)?任)"
                   rf"(?=(?:新一届|新一任|新任|首任|首届|第[一二三四五六七八九十\d]+[届任])?(?:{P.POST_RE}))")
# a liaison office: 联络处, or a 工作站 / 联络站 / 服务站 / 联络点 of investment promotion
_ASIDE = re.compile(r"[（(][^（()）]{2,20}[)）]")
# what the one appointed is told to have been (受聘为 / 被聘 / 获聘 / 被授予…“招商大使”称号 / 获颁…聘书), up to the title
_APPOINTED = r"(?:受聘|被聘|获聘|被授予|荣获|获授|获颁|接过|获得|被[^，,。；;聘]{2,12}?聘(?:任|请)?)(?:请)?(?:担任|为|成为)?[^，,。；;]{0,8}"
_POST = re.compile(P.POST_RE)
# the patterns of the rules run for every sentence, compiled once (re's cache look-up for an inline
# pattern string costs more than the search of a short sentence)
_REFERRING = re.compile(r"该商会|该会|商会|我会|本会")
_WE = re.compile(r"我会|本会|商会")  # the publishing chamber, on its own page
# a federation of commerce's post right before a bare 商会 (县工商联主席、商会会长某): the federation's chamber (a
# county's 工商联 is its 总商会), not the one named before
_FEDERATION_BEFORE = re.compile(r"工商联[^，,。；;、]{0,6}、$")
# posts in other bodies told first in a bracket after a name, before the chamber's (王某（X公司董事长、商会会长）)
_POSTS_IN_ASIDE = re.compile(r"(?:[^（()）、，,。]{2,30}?(?:董事长|总经理|总裁|董事|创始人|主席|主任|会长|理事长)、)+")
# the heading of a roll of a chamber's office holders (第三届理事会领导成员名单 / 领导班子)
_ROLL = re.compile(r"名单|领导班子|领导成员|组成人员")
# the words that make a post opening a clause the current or new one (现任会长甲 / 新当选的副会长乙 / 新任秘书长丙),
# or the term it is of (第三届理事会会长甲 / 新一届监事会监事长乙)
_NEW_LEAD = re.compile(r"(?:现任|新任|新当选|新晋|(?:第[一二三四五六七八九十\d]+届|新一届)(?:理事会|监事会)?)$")
# between a name set apart by a comma and the chamber whose post closes the clause: what the profile tells
# first (男，山西平遥人，), then a verb and the posts held in other bodies (现任X公司董事长、)
_APPOSED = re.compile(r"[，,]?(?:[^，,]*[，,])*(?:(?:现任|现为|系|是|任|为|兼任)"
                      r"(?:[^，,。；;、]{2,30}?(?:董事长|总经理|总裁|董事|创始人|主席|主任|会长)、)*)?")
# the names told of more (白云飞等18人当选常务副会长): the ones named hold the post too
_FORMER_POST = re.compile(rf"(?:原|前任|上届|上一届)(?:{P.POST_RE})")
# a two-character post padded with spaces at a line's start, then a colon (会　长： / 理  事：)
_SPACED_POST = re.compile(r"^[ \t\u3000|｜]*(会|理|监)[ \t\u3000]{1,3}(长|事)[ \t\u3000]*[:：][ \t\u3000]*", re.M)
_ROW_END = re.compile(r"[ \t\u3000]*(?:[（(]兼[)）])?[ \t\u3000]*(?:\n|$)")
_LEGAL_REP = re.compile(r"法定代表人|法人代表")
_MANY_AFTER = re.compile(r"等[\d一二三四五六七八九十两]+[人名位]")
_MANY_BEFORE = re.compile(r"等[\d一二三四五六七八九十两几多]+[人名位]$")
# what joins the one elected or hired to the post (选举王某为会长 / 聘任王某担任商会秘书长)
_AS_POST = re.compile(r"为|担任|出任")
# another body's post after 兼, between a chamber's post and the name (副会长兼党支部组织委员王某 / 常务副会长兼
# 女企业家委员会主任李某): the name holds the chamber's post
_ALSO_OTHER = re.compile(rf"(?<=兼)(?:任)?[{P.CJK}]{{1,14}}?(?:主任|委员|部长|书记|主席|组长|董事长|总经理|总裁|理事长)")
_AMBASSADOR_TITLE = re.compile(r"(?:招商|投资|引资|引智)[^，,。；;]{0,8}?(?:大使|顾问)")
_CITY_LAST = re.compile(rf"([{P.CJK}]{{2,5}}?市)$")
_APPOINTED_AFTER_POST = re.compile(r"[^，,。；;]{0,16}" + _APPOINTED)
_APPOINTED_AFTER_NAME = re.compile(rf"(?:先生|女士|同志|{P.POST_RE})?(?:[（(][^（()）]{{2,20}}[)）])?"
                                   rf"(?:等?[\d一二三四五六七八九十两几多]+[人位名](?:{P.POST_RE})?)?" + _APPOINTED)
# a district right before an investment title that the place list does not know (和平区“招商大使”)
_DISTRICT_BEFORE = re.compile(r"[\u4e00-\u9fff]{1,3}区[“\"「『]?$")
_TITLE_AFTER_PLACE = re.compile(r"(?:首批|第[一二三四五六七八九十\d]+批|新一批|新聘|新任)?(?:招商|投资|引资)[^，,。；;]{0,8}?(?:大使|顾问)")
_CLAUSE_MARK = re.compile("[，,；;]")
_AT_OCCASION = re.compile(r"会上|仪式上|活动上|活动中|现场|当天|当日|同时|随后")
_WORD_AFTER = ("分别", "先后", "共同", "一同", "同时")  # words after a list of names whose first character a name may take
_COUNT_DIGITS = "二两三四五六七八九十"  # a figure a name's last character may be taken for (赵强三位会长)
_APPOINTS = re.compile(r"聘书|聘为|聘请|聘任|受聘|授予|颁发|授牌")
# what sets up a liaison office (a plaque handed over, hung or unveiled, an office set up)
_SETS_UP = re.compile(r"授牌|挂牌|授予|获授|荣获|设立|设在|设于|揭牌|成立|成为|颁发|确定为|命名为|认定为|落户|共建|承担|"
                      r"委托[^，,。；;]{0,10}作为")
# an office followed by a person's title is where someone works (驻津联络处主任李某致辞), not one set up
_OFFICE_STAFF = re.compile(r"(?:副?主任|负责人|工作人员|处长|站长)")
# the place an office is named for, right before its name: 忻州市招商引资联络处 / 吉林省驻津招商联络处
_NAMED_OFFICE = re.compile(r"[市县区省](?:驻[\u4e00-\u9fff]{1,3}?)?(?:招商引资|招商|投资促进)?(?:与招才引智)?(?:工作)?"
                           r"(?:联络处|工作站|联络站|服务站|联络点)")
_OFFICE_OWNERS = ("City", "County", "Province")
# a company, then the link to the chamber whose member it is (A公司是/系/也是/当选为/作为<chamber>副会长单位; 增补A公司为
# 商会副会长单位; A公司加入商会，成为我会会员单位)
# (A公司等5家企业为会员单位 / 为A公司、B公司等10家优秀会员单位颁奖: the ones named of several)
_MEMBER_LINK = re.compile(r"(?:等[\d一二三四五六七八九十两几多]+家(?:企业|公司|单位)?)?"
                          r"(?:加入(?:商会|我会|本会|该会)[，,]?(?:并)?)?(?:也|均|都|已|正式|被|并)?"
                          r"(?:是|系|为|成为|当选为|当选|作为|评为|增补为|吸纳为|接纳为|列为)$|"
                          r"等(?:[\d一二三四五六七八九十两几多]+家)?(?:优秀|新)?$")
# what may stand between a member's title and the companies told after it
_MEMBERS_TOLD = re.compile(r"(?:[（(][^（()）\n]{0,12}(?:排序|为序|排名|先后|排列|笔画|拼音)[^（()）\n]{0,6}[)）])?"
                           r"(?:有|分别是|分别为|包括)?[:：]?")
# the words before a member's title that make the companies told the new ones (新增会员单位：A / 新当选的副会长单位有：B)
_NEW_MEMBERS = re.compile(r"(?:新增|新晋|新加入的?|新入会的?|新当选的?)$")
# 商会 / 该会 / 我会 / 本会 right before a member's title (作为商会副会长单位 / 系我会常务副会长单位)
_MEMBER_REF = re.compile(r"(?:该商会|该会|我会|本会|商会)$")
# what may stand right before a member's title told alone: a boundary, or a visit's 了 (走访了会员企业X)
_BEFORE_TITLE_ALONE = frozenset(P.NAME_BOUNDARY | {"了", ""})
# 向<chamber>会长王某颁发…聘书 / 为甲、乙等5人颁发“招商大使”聘书 / 为甲、乙颁发聘书，聘任二人为…大使
_HANDED = re.compile(r"(?:等[\d一二三四五六七八九十两]+[人位名])?(?:颁发|颁授|授予)了?"
                     r"(?:聘书[，,]?(?:聘任|聘请|聘)(?:[二两三四五\d]+[人位]|他们|其|他|她)?(?:为|担任))?[^，,。；;]{0,8}")
# what may stand between the one given a title and the title: its quote and the place it is of (授予<chamber>
# 会长王某“吕梁市招商大使”称号)
_TITLE_OPENS = re.compile(rf"[“\"「『]?(?:[{P.CJK}]{{2,6}}?[市县区省])?")
_LISTED_AFTER = re.compile(r"(?:名单(?:如下)?|有|是|为|包括|如下)[:：]")
# one name a line after a list's opening (首批招商大使名单如下：⏎王某  <chamber>会长⏎李某 …)
_NAME_LINE_START = re.compile(r"\n[ \t\u3000]*(?:\d+[.、．]|[（(]\d+[)）])?[ \t\u3000]*")
_CHAIN = re.compile(rf"、[^、，,。；;：:]{{0,24}}?(?:{P.POST_RE})")  # 、<chamber><post> between two appointed
_SURNAME = re.compile("[" + "".join(sorted(P.SURNAMES)) + "]")
_OFFICE = re.compile(r"联络处|(?<=招商|引资|投资|工作)(?:工作站|联络站|服务站|联络点)|(?<=招商服务)工作站")
# a sentence about the publishing place's own people (我市统战部副部长…，商会执行会长某某): its unnamed 商会
# is that city's (county's), not a chamber of a province or a county named before
_OUR_CITY = re.compile(r"我市|本市")
_OUR_COUNTY = re.compile(r"我县|我区|本县|本区")
# a chamber founded without its name (解县成立商会，张某任会长): the posts told next are of that one
_CJK = re.compile(rf"[{P.CJK}]")
# two characters before 商会 at a clause's start that are no place (全体商会会员: the chamber named before)
_NOT_PLACE = ("全体", "整个", "各个", "我们", "这个", "这家", "该会", "本届", "新的")
_FOUNDED = re.compile(r"(?:成立|组建|筹建|创立)了?商会(?=[，,。；;])")
# <chamber>一行在监事长林某(的)带领下 / 由会长王某率领: the post of the one leading the chamber's group
_LED_BY = re.compile(rf"(?<=[在由])((?:{P.POST_RE})(?:[兼、](?:{P.POST_RE}))*)")
# a chamber's leader taking its other office holders along (会长甲带领执行会长乙 / 率商会副会长丙): theirs too
# (or taken along by them: 秘书长甲陪同会长乙 / 会长甲在副会长乙陪同下)
_LED_BACK = re.compile(rf"(?:{P.POST_RE})(?:带领|率领|率|携|偕同|陪同)了?$")
_LEADS_OWN = re.compile(r"(?:带领|率领|率|携|偕同|偕|陪同)了?(?:商会|该会|本会|我会)?|在(?=[^，,。；;]{3,16}?陪同下)")
_LEADS = re.compile(r"(?:的)?(?:带领|率领)下|(?:带领|率领|带队|率队)")
# many chambers at once (来自28家在京省级商会…, 各地商会): after it, "商会" alone is no longer the one named before
_MANY = re.compile(r"(?:\d+|[一二三四五六七八九十两几多数]+)家[^。；;!！?？\n]{0,16}?商会|各(?:地|省|市|省市|兄弟)?商会")
_SENTENCE_END = re.compile("[。；;!！?？\n]")
# 会长为王德明 / 副会长分别是甲、乙: the post said of names that close the clause
_SAID_TO_BE = re.compile(r"(?:分别)?(?:为|是)")
_CLAUSE_END = ("", "，", ",", "。", "；", ";", "\n")
_HONORIFICS = ("先生", "女士", "同志")
# the verb between a name and the chamber whose post it is given (王德明当选/连任/被推选为/受聘担任<chamber>会长;
# 王德明2020年起担任…: since a year),
# not a past one (曾任, 原任, 卸任)
_ELECTED_BEFORE = re.compile(
    r"(?<![曾原历前经卸])(?:\d{4}年(?:\d{1,2}月)?起)?(?:再次|再度|继续|全票|高票|顺利|正式|成功|光荣|连续|一致|首次)?"
    r"(?:当选(?:为)?|获选(?:担任|为)?|连任|增补为|(?:被|获)(?:推选|推举|选举|选|聘请?|任命|增补)为|受聘(?:担任|为)?|被聘请?担任|"
    r"(?:现|兼|出|担|荣|继|接|改|转|留|续)?任|系|是|为)(?:为)?"
    r"(?:新一届|新一任|新任|第[一二三四五六七八九十\d]+届)?$")
# a line, in the post_lines pass; what may close a line holding a post alone (副会长名单：)
_LINE = re.compile(r"[^\n]+")
_ORDER_NOTE = re.compile(r"[（(][^（()）\n]{0,12}(?:排序|为序|排名|排列|笔画|拼音)[^（()）\n]{0,6}[)）]")
_COLON = re.compile(r"[ \t\u3000]*[:：]")
_LINE_TAIL = re.compile(r"(?:名单)?(?:" + _ORDER_NOTE.pattern + r")?[ \t\u3000]*[:：]?[ \t\u3000|｜]*")
_SENTENCE_STOP = re.compile("[。！？!?]")
# bodies whose posts have the chambers' names (会长, 秘书长)
_ASSOCIATION = re.compile(r"协会|促进会|研究会|基金会|联谊会|同乡会|校友会|俱乐部|(?<![晋工])(?:商业)?联合会|工商联|总商会")
_IN_ASIDE = re.compile(r"[（(][^）)]*$")
# another body and one of its titles, in one clause (协会会长, 工商联副主席, 人民政府副市长, 集团董事长)
_OTHER_HOLDER = re.compile(
    r"(?:协会|联合会|工商联|促进会|研究会|基金会|委员会|政府|集团|公司|局|厅|管委会|大学|学院|银行|医院|联谊会|同乡会|校友会|"
    r"俱乐部|总商会|省委|市委|县委|区委|人大|政协|统战部)[^，,。；;、\n]{0,6}?"
    r"(?:会长|主席|秘书长|主任|书记|市长|县长|区长|局长|厅长|部长|董事长|总经理|总裁|理事长|校长|院长|行长)")
# what may stand right before a bare 商会 that is the chamber named before: a boundary, or a word that
# points at it (受商会会长…委托, 走访了商会副会长, 当选商会会长, 我们商会, 选举商会副会长某为…, 邀请商会会长…,
# 出席的有商会会长…);
# any other word names another chamber (兄弟商会, 友好商会, 示例县商会, 行业商会)
_BEFORE_BARE_CHAMBER = frozenset(P.NAME_BOUNDARY | set("了受据经由与和向对在为是即表到访入加们的选任系举请有") | {""})
# words for the group a list of people is told as (商会领导王某会长、李某秘书长)
_GROUP_WORDS = ("领导", "嘉宾", "代表")
# words before a chamber that make the post told after it a past one
_PAST_BEFORE = re.compile(r"曾|原任|历任|前任|卸任|原$")
# posts one person holds at a time: after them 和 or a comma does not go on with the same post
_ONE_HOLDER = re.compile(r"(?:会长|秘书长|监事长|执行秘书长|首席会长|创会会长|创始会长|党支部书记|党委书记|监事会主席)")
_JOINED = re.compile(r"以及|和|及|与")
_OTHER_TITLES = (rf"{P.POST_RE}|董事长|总经理|总裁|董事|创始人|副主任|主任|副主席|主席|副理事长|理事长|执委|常委|委员|代表|"
                 r"合伙人|所长|院长|校长|行长")
# a body (a chamber, an association, a firm, an office) and one person's post in it, up to the name that follows
_OTHER_BODY_POST = re.compile(
    rf"([{P.CJK}A-Za-z0-9（）()]{{2,24}}?(?:商会|协会|促进会|联合会|工商联|研究会|基金会|联谊会|同乡会|公司|集团|事务所|"
    rf"委员会|中心|银行|医院|学院|大学|研究院|厂|政协|人大))(?:第[一二三四五六七八九十\d]+届)?"
    rf"(?:(?:{_OTHER_TITLES})(?:兼(?:{_OTHER_TITLES}))*)")
_ATTEND = re.compile(r"[，,。；;、\n]|$|等|出席|参加|陪同|一行|到会|列席|莅临|参会|一同出席|共同出席|分别|参观|考察|走访|调研|看望|慰问")


class PeopleRules:
    # ----- people, posts, members --------------------------------------------------------------
    def _ours(self, c, a) -> bool:
        """Whether the sentence up to `a` is about our city's or county's people, with no chamber named in it,
        and `c` (the chamber named before) cannot be that place's: a province's, or any for 我县."""
        k = max(self.t.rfind(x, 0, a) for x in "。；;\n!！?？") + 1
        if c.start >= k:
            return False
        if _OUR_COUNTY.search(self.t, k, a):
            return True
        # a city's chamber (天津 a city as well) may be our city's; a province's may not
        return bool(_OUR_CITY.search(self.t, k, a)) and not (c.place and (c.place.label == "City" or c.place.name in MUNICIPALITIES))

    def _ambiguous(self, c, a) -> bool:
        """Whether a post told at `a` without its chamber's name cannot be taken as `c`'s (the one named last):
        many chambers were spoken of between (来自28家省级商会会长…), or `c` was one of several chambers named
        in an earlier sentence (A商会会长甲、B商会会长乙发言。受商会会长丙委托…: which one?)."""
        if _MANY.search(self.t, c.end, a) or any(x.generic and c.end <= x.start and x.end <= a for x in self.chambers):
            return True
        if not _SENTENCE_END.search(self.t, c.end, a):
            return False
        k = max(self.t.rfind(x, 0, c.start) for x in "。；;!！?？\n") + 1
        m = _SENTENCE_END.search(self.t, c.end)
        e = m.start() if m else len(self.t)
        same = re.sub("[省市]", "", c.written)
        return any(not x.generic and k <= x.start < e and re.sub("[省市]", "", x.written) != same for x in self.chambers)

    def posts(self, i, j, chambers) -> None:
        for c in chambers:
            # 原天津市山西商会会长 / 前任…: a past post
            if not c.generic and not (self.t[c.start - 1:c.start] == "原" and self.t[c.start - 2:c.start - 1] in P.NAME_BOUNDARY | {""}
                                      or self.t[c.start - 2:c.start] == "前任"):
                self.posts_after(c.start, c.end, j, lambda c=c: self.chamber_node(c))
        # the chambers named so far: 会长王建勇 / 王利明会长 in a later clause or paragraph is of the last one
        named = [c for c in self.chambers[:bisect_left(self._chamber_starts, j)] if not c.generic]  # (sorted by start)
        self.referring(i, j, named)
        for m in P.POSTS_AT.finditer(self.t, i, j):  # a post opening a clause: 名誉会长张再炜,会长王建勇
            p = m.start()
            before = [c for c in named if c.end <= p]
            # 前任会长甲、现任会长乙: the current one; 新当选的副会长甲、乙 / 新任秘书长丙: the new ones
            new = _NEW_LEAD.search(self.t, max(0, p - 8), p)
            lead = new.start() if new else p
            # (会议由会长王某主持: 由 before the post; …，以及监事长杨某、副秘书长郝某: 及 / 和 / 与; 图为会长王某（中）)
            if self.t[lead - 1:lead] not in "，,;；:：\n 、。！？!?由及和与" and self.t[lead - 2:lead] != "图为" \
                    or (lead == p and self.t[p - 1:p] == "、"):
                continue
            if not before:
                # a chamber's own page that names no chamber before the post (5月9日，会长王某带队…): the publisher's;
                # an article whose title names the one chamber it names: that one
                if not any(c.start < p for c in self.chambers) and not self._other_holder(0, p) \
                        and not _OUR_CITY.search(self.t, 0, p) and not _OUR_COUNTY.search(self.t, 0, p):
                    if self.publisher_chamber:
                        self.posts_after(p, p, j, self._publisher_node(p, m.end()), conf=MID)
                    elif (c := self._title_chamber()) is not None:
                        self.posts_after(p, p, j, lambda c=c: self.chamber_node(c), conf=MID)
                continue
            if before[-1].end == p:
                continue
            c = before[-1]
            if self.publisher_chamber and not self._is_publisher(c):
                continue  # a chamber's own page: 会长某 after a visiting chamber is named may be either's
            if self._ours(c, p) or self._unnamed_between(c.end, p) or self._ambiguous(c, p) or self._other_holder(c.end, p):
                continue
            self.posts_after(p, p, j, lambda c=c: self.chamber_node(c), conf=MID)
        for m in _LED_BY.finditer(self.t, i, j):
            before = [c for c in named if c.end < m.start()]
            people = names_list_at(self.t, m.end())
            if not before or len(people) != 1 or people[0][0] != m.end() or not _LEADS.match(self.t, people[0][1]):
                continue
            c = before[-1]
            # the chamber named in the same sentence, with no other body's 商会 between
            if re.search("[。；;!！?？\n]", self.t[c.end:m.start()]) or self._ours(c, m.start()) \
                    or self._unnamed_between(c.end, m.start()):
                continue
            self._holds(c.start, people, re.split("、", m.group(1)), self.chamber_node(c), MID)
        for m in _POST.finditer(self.t[i:j]):
            p = i + m.start()
            before = [c for c in named if c.end <= p]
            if self.t[p - 1:p] in ("副", "务", "誉", "会"):
                continue
            end = p + len(m.group())
            if not before:
                self._publisher_post_before(p, end, m.group())
                continue
            # 王德明 会长 (a page's spacing), 王德明（会长）, 王德明先生: where the name ends
            if self.t[p - 1:p] in ("（", "(") and self.t[end:end + 1] in ("）", ")"):
                p -= 1
            else:
                while self.t[p - 1:p] in (" ", "\u3000", "|", "｜") and p - 1 > before[-1].end:  # | 王德明 | 会长 |
                    p -= 1
            if self.t[p - 2:p] in _HONORIFICS:
                p -= 2
            for n in (5, 4, 3, 2):
                a = p - n
                span = names_list_at(self.t, a)
                if n > 3 and not (span and span[0] == (a, p)):
                    continue  # (a two-character surname's name, or one with ·)
                # 该会王德明会长 / 我会王德明会长: the chamber named before (我会: the publisher's, in we_chamber)
                if span and span[0] == (a, p) and self.t[a - 2:a] in ("该会", "本会", "我会"):
                    if self.t[a - 2:a] != "该会" and self.publisher_chamber:
                        break
                    c = before[-1]
                    if not (self._ours(c, a) or self._unnamed_between(c.end, a) or self._ambiguous(c, a)
                            or self.t[a - 2:a] == "该会" and self._body_between(c.end, a)):
                        self._post_before(a, p, end, m.group(), c)
                    break
                # 王利明会长 after a boundary; or right after the chamber's name: 宁波晋商会刘某会长等 /
                # 天津市山西商会王某会长出席
                # (天津市山西商会的王某会长: 的 between)
                right_after = a - (self.t[a - 1:a] == "的") == before[-1].end and not self.t.startswith("单位", end)
                if self._place_not_name(a, p, end):
                    break
                # (周某会长带领王某副会长: a post holder taking one along, 带领 / 率 / 陪同 right before the name)
                if span and span[0] == (a, p) and (a > before[-1].end and (self.t[a - 1] in P.NAME_BOUNDARY
                                                                           or self.t[a - 2:a] in _GROUP_WORDS
                                                                           or _LED_BACK.search(self.t, max(0, a - 12), a))
                                                   or right_after):
                    c = before[-1]
                    if not right_after and (self._ours(c, a) or self._unnamed_between(c.end, a) or self._ambiguous(c, a)
                                            or self._other_holder(c.end, a)
                                            # a chamber's own page: 张某会长 after a visiting chamber is named may
                                            # be either's
                                            or self.publisher_chamber and not self._is_publisher(c)):
                        break
                    self._post_before(a, p, end, m.group(), c)
                    break

    def _publisher_post_before(self, p, end, title) -> None:
        """王德明会长带队… on a chamber's own page that names no chamber before it: the publisher's post (in an
        article whose title names the one chamber it names: that one's)."""
        if not (self.publisher_chamber or self._title_chamber()) or any(c.start < p for c in self.chambers) \
                or self._other_holder(0, p) or _OUR_CITY.search(self.t, 0, p) or _OUR_COUNTY.search(self.t, 0, p) \
                or self.t.startswith("单位", end):
            return
        for n in (5, 4, 3, 2):
            a = p - n
            span = names_list_at(self.t, a)
            # (商会王德明会长: the chamber the page is about, named bare)
            if span and span[0] == (a, p) and (a == 0 or self.t[a - 1] in P.NAME_BOUNDARY
                                               or self.t[a - 2:a] == "商会" and self.t[a - 3:a - 2] in _BEFORE_BARE_CHAMBER
                                               and self.publisher_chamber):
                props = {"title": title}
                if self.published:
                    props["as_of"] = self.published
                if self.publisher_chamber:
                    cid, label, name = self.publisher_chamber
                    node = self.f.node(cid, label, name, {}, self.span(a, end), MID)
                else:
                    node = self.chamber_node(self._title_chamber())
                self.f.rel("HOLDS_POST", self.person_node(a, p, MID), node, props, self.span(a, end), MID)
                return

    def _title_chamber(self):
        """The chamber an article is about: its title names it and the text names no other (its first mention)."""
        if not hasattr(self, "_title_chamber_found"):
            named = [c for c in self.chambers if not c.generic]
            title = chamber_key(str(self.a.meta.get("title") or ""))
            one = len({chamber_key(c.written) for c in named}) == 1 and chamber_key(named[0].written) in title
            self._title_chamber_found = named[0] if one and not any(x.generic for x in self.chambers) else None
        return self._title_chamber_found

    def _title_subject(self):
        """The one chamber the title names among those the text names (its first mention), else None."""
        if not hasattr(self, "_title_subject_found"):
            title = chamber_key(str(self.a.meta.get("title") or ""))
            named = {}
            for c in self.chambers:
                if not c.generic and chamber_key(c.written) in title:
                    named.setdefault(chamber_key(c.written), c)
            self._title_subject_found = next(iter(named.values())) if len(named) == 1 and title else None
        return self._title_subject_found

    def _is_publisher(self, c) -> bool:
        cid, _, name = self.publisher_chamber
        return bool(c.known and c.known.id == cid) or chamber_key(c.written) == chamber_key(name)

    def _publisher_node(self, a, b):
        cid, label, name = self.publisher_chamber
        return lambda: self.f.node(cid, label, name, {}, self.span(a, b), MID)

    def _other_holder(self, lo, hi) -> bool:
        """…，山西省企业家协会会长李明，秘书长赵强 / 市工商联主席甲，副主席乙，秘书长丙: another body's office
        holder, or a body with posts of the same names (协会, 联合会), told in the post's sentence after the
        chamber named before; the post is rather that body's. (A chamber the finder knows is no other body.)"""
        lo = max([lo] + [self.t.rfind(x, lo, hi) + 1 for x in "。；;!！?？\n"])  # in the post's sentence
        # 示例协会成立，李某会长致辞: a body with posts of the same names (会长, 秘书长) named in the sentence
        # (not one in an aside: 副会长甲(晋商俱乐部发起理事), 商会(中国晋商俱乐部联合发起机构))
        for m in _ASSOCIATION.finditer(self.t, lo, hi):
            if m.start() not in self._chamber_cover and not _IN_ASIDE.search(self.t, lo, m.start()):
                return True
        for m in _OTHER_HOLDER.finditer(self.t, lo, hi):
            if m.start() in self._chamber_cover:
                continue
            # (商会会长、示例有限公司董事长王某: a chamber's post before the company's, in that clause, is one person's)
            clause = max(self.t.rfind(x, lo, m.start()) for x in "，,。；;\n") + 1
            if not _POST.search(self.t, max(clause, lo), m.start()):
                return True
        return False

    def _body_between(self, lo, hi) -> bool:
        """Whether another body with posts of the chambers' names (示例协会, 联合会) is named between lo and hi,
        outside any chamber's name: 该会 after it is that body."""
        return any(m.start() not in self._chamber_cover for m in _ASSOCIATION.finditer(self.t, lo, hi))

    def _post_before(self, a, b, end, title, c) -> None:
        """王德明会长: the name at a..b, the post ending at `end`, of chamber `c`."""
        props = {"title": title}
        if self.published:
            props["as_of"] = self.published
        self.f.rel("HOLDS_POST", self.person_node(a, b, MID), self.chamber_node(c), props, self.span(a, end), MID)

    def post_lines(self) -> None:
        """A 名单 block or a table (one cell a line): a line that is a post alone (会长 / 副会长名单： /
        <chamber>副会长名单), then lines of names only (王德明 / 李文华、赵小燕 / 赵某 孙某), of the chamber
        named before in the block's heading, with no sentence ended between."""
        for line in _LINE.finditer(self.t):
            a, b = line.start(), line.end()
            m = P.POSTS_AT.search(self.t, a, b)
            if not m or m.group().startswith("的") or not _LINE_TAIL.fullmatch(self.t, m.end(), b):
                continue
            # before the post: nothing, or the chamber (and its term: 第三届理事会) and nothing else
            head = self.t[a:m.start()]
            lead = a + len(head) - len(head.lstrip(" \t\u3000|｜"))
            if lead < m.start() and not any(c.start == lead and not c.generic and (c.end == m.start() or P.POST_TERM.fullmatch(
                    self.t, c.end, m.start())) for c in self.chambers):
                continue
            before = [c for c in self.chambers if c.end <= m.start()]
            roll = _ROLL.search(self.t, max(0, a - 60), a) if not before and self.publisher_chamber else None
            if roll and not _SENTENCE_STOP.search(self.t, roll.end(), a):
                # a chamber's own page: a roll (领导成员名单) that names no chamber is the publisher's
                lo, owner = a, self._publisher_node(m.start(), m.end())
            elif not before or before[-1].generic or _SENTENCE_STOP.search(self.t, before[-1].end, a) \
                    or self._unnamed_between(before[-1].end, m.start()):
                continue
            else:
                lo, owner = before[-1].end, (lambda c=before[-1]: self.chamber_node(c))
            people, k = [], b
            between = self.t[lo:a]
            name_first = not head and "姓名" in between and between.find("姓名") < max(between.find("职务"), between.find("职位"))
            while not name_first:
                nxt = _LINE.search(self.t, k)
                if not nxt or nxt.group().strip(" \t\u3000|｜") == "":
                    break
                row = self._names_line(nxt.start(), nxt.end())
                if not row:
                    break
                people += row
                k = nxt.end()
            if name_first:
                # a table of 姓名 | 职务 columns, one cell a line: the name on the line before the post
                prev = [x for x in _LINE.finditer(self.t, lo, a) if x.group().strip(" \t\u3000|｜")]
                people = self._names_line(prev[-1].start(), prev[-1].end()) if prev else []
                people = people if len(people) == 1 else []
            if people:
                self._holds(m.start(), people, m.group(1).split("、"), owner(), MID)

    def spaced_post_lines(self) -> None:
        """会　长：周某 / 理　事：甲、乙: a roll that pads a two-character post to the width of the longer ones
        (a space in the post, which POSTS_AT does not read), of the chamber a post opening a clause would be
        of (the one named before, else the publishing chamber on its own page)."""
        if "长" not in self.t and "事" not in self.t:
            return
        named = [c for c in self.chambers if not c.generic]
        for m in _SPACED_POST.finditer(self.t):
            p = m.start(1)
            people, k = names_list_at(self.t, m.end()), m.end()
            while people and self.t[people[-1][1]:people[-1][1] + 1] in (" ", "\u3000"):  # 王海　陈晓燕
                k = people[-1][1]
                while self.t[k:k + 1] in (" ", "\u3000"):
                    k += 1
                more = names_list_at(self.t, k)
                if not more:
                    break
                people += more
            if not people or not _ROW_END.match(self.t, people[-1][1]):
                continue
            before = [c for c in named if c.end <= p]
            if not before:
                if any(c.start < p for c in self.chambers) or not self.publisher_chamber or self._other_holder(0, p) \
                        or _ASSOCIATION.search(self.t, max(0, p - 80), p):  # (another body's roll: 促进会名单)
                    continue
                owner = self._publisher_node(p, m.end(2))
            else:
                c = before[-1]
                if self.publisher_chamber and not self._is_publisher(c) or self._ours(c, p) \
                        or self._unnamed_between(c.end, p) or self._ambiguous(c, p) or self._other_holder(c.end, p) \
                        or _ASSOCIATION.search(self.t, c.end, p):
                    continue
                owner = lambda c=c: self.chamber_node(c)  # noqa: E731
            self._holds(p, people, [m.group(1) + m.group(2)], owner(), MID)

    def _names_line(self, a, b) -> list:
        """The names of a line that holds names only (王德明 / 李文华、赵小燕 / 赵某 孙某 周某), else []."""
        k = a
        while self.t[k:k + 1] in (" ", "\t", "\u3000", "|", "｜"):
            k += 1
        out = []
        while k < b:
            span = name_at(self.t, k)
            if not span:
                return []
            out.append(span)
            k = self._past_honorific(span[1])
            while k < b and self.t[k] in " \t\u3000、，,;；。|｜":
                k += 1
        return out

    def _unnamed_between(self, lo, hi) -> bool:
        """，安邑商会改选，由某某任会长: a chamber the finder does not know (a place it does not know, then 商会)
        opens a clause between the chamber named before and the post; the post is that one's."""
        q = lo - 1
        while (q := self.t.find("商会", q + 1, hi)) >= 0:
            if q in self._chamber_cover:
                continue
            word = self.t[q - 2:q]
            # (更是商会建设的展示 / 推动了商会发展: a word that ends as a verb or a function word points at the
            # chamber named before, it names no place)
            if len(word) == 2 and all(_CJK.match(x) for x in word) and self.t[q - 3:q - 2] in P.NAME_BOUNDARY | {""} \
                    and word not in _NOT_PLACE and word[1] not in _BEFORE_BARE_CHAMBER:
                return True
        return False

    def _place_not_name(self, a, p, e) -> bool:
        """运城会长为周某，安邑会长是王某，解县会长 是杨某: before the post a chamber's place, not a person — a
        place's name, one ending as places do, or any word when the post is told of a name after 为/是."""
        if self.t[p - 1] in "县市区省镇乡村" or any(x.start == a and x.end == p for x in self.places_in(a, p)):
            return True
        k = e + (1 if self.t[e:e + 1] in (" ", "\u3000") else 0)
        after = names_list_at(self.t, k + 1) if self.t[k:k + 1] in ("为", "是") else []
        # (王某会长为李某颁发证书: 王某 is the one; 会长为李某。 names who holds the post)
        return bool(after) and self.t[after[-1][1]:after[-1][1] + 1] in ("", "，", ",", "。", "；", ";", "\n")

    def apposition(self, i, j, chambers) -> None:
        """王某，(男，山西平遥人，)(现任X公司董事长、)<chamber or 商会 / 我会>会长。: a sentence opening with a name
        set apart by a comma, then the chamber and post closing a clause, with no past (曾任, 原) between."""
        if self.t[i:i + 1] not in P.SURNAMES:
            return
        head = names_list_at(self.t, i)
        if len(head) != 1 or self.t[head[0][1]:head[0][1] + 1] not in ("，", ","):
            return
        for a, b, chamber in self._bodies(i, j, chambers):
            if a - head[0][1] > 40:
                continue
            q = P.POST_TERM.match(self.t, b)
            m = P.POSTS_AT.match(self.t, q.end() if q else b)
            between = self.t[head[0][1]:a]
            if not m or m.end() > j or self.t[m.end():m.end() + 1] not in ("，", ",", "。", "；", ";", "、") \
                    or re.search(r"[。；;]|曾|原|历任|前任|任职", between) or not _APPOSED.fullmatch(between):
                continue
            self._holds(a, head, m.group(1).split("、"), chamber(), MID)

    def _bodies(self, i, j, chambers) -> list:
        """The chambers named in i..j, and 商会 / 该会 / 我会 / 本会 there standing for one, as (start, end,
        node maker), in the order written."""
        out = [(c.start, c.end, lambda c=c: self.chamber_node(c)) for c in chambers if not c.generic]
        for m in _REFERRING.finditer(self.t, i, j):
            a = m.start()
            if a in self._chamber_cover or m.group() == "商会" and self.t[a - 1:a] not in _BEFORE_BARE_CHAMBER:
                continue  # (兄弟商会 / 总商会: another body)
            owner = self._chamber_referred(a, m.group())
            if owner:
                out.append((a, m.end(), owner))
        return sorted(out, key=lambda x: x[0])

    def elected(self, i, j) -> None:
        """<chamber>…选举王某为会长，李某为执行会长 / 王某当选会长: posts given by a vote, in the chamber
        named last before them."""
        s = self.t[i:j]
        if "选" not in s and "任" not in s and "增补" not in s and "聘" not in s:  # its words, cheaply
            return
        named = None
        for v in _VOTE.finditer(s):
            if named is None:
                named = [c for c in self.chambers if not c.generic and c.start < j]
            a = i + v.start()
            if v.group().startswith(("选", "推", "聘", "任命", "增补")) and self._vote_for_named(a, i + v.end(), j, named):
                continue
            before = [c for c in named if c.end <= a]
            if before:
                c = before[-1]
                if _FOUNDED.search(self.t, c.end, a) or self._unnamed_between(c.end, a):  # 解县成立商会，张某任会长:
                    continue  # not the chamber named before
                owner = lambda c=c: self.chamber_node(c)  # noqa: E731
            elif self.publisher_chamber and not any(x.start < a for x in self.chambers):
                owner = self._publisher_node(a, i + v.end())  # a chamber's own page that names no chamber before
            else:
                continue
            if not v.group().startswith(("选", "推", "聘", "任命", "增补")):  # 王某当选会长 / 王某任会长: the name right before
                many = _MANY_BEFORE.search(self.t, max(0, a - 6), a)  # 白云飞等18人当选常务副会长
                a = many.start() if many else a
                for n in (5, 4, 3, 2):
                    span = names_list_at(self.t, a - n)
                    # (…公司总经理王某当选为副会长: a company's post before the name)
                    # (原会长王某被聘为名誉会长: a post before the name, the one it is given after)
                    if span and span[-1] == (a - n, a) and (a - n == 0 or self.t[a - n - 1] in P.NAME_BOUNDARY
                                                            or self.t[a - n - 2:a - n] in ("董事", "事长", "经理", "总裁", "会长", "书长")):
                        q = P.POST_TERM.match(self.t, i + v.end()) or P.FIRST_TERM.match(self.t, i + v.end())
                        m = P.POSTS_AT.match(self.t, q.end() if q else i + v.end())
                        if m and m.end() <= j and not self.t.startswith(("单位", "长"), m.end()):
                            people = self._list_before(span[-1])  # 李某、赵某当选副会长
                            self._holds(people[0][0], people, [m.group(1)], owner(), MID)
                        break
                continue
            k = i + v.end()
            while True:  # 王某为会长，李某、赵某为副会长
                former = _FORMER_POST.match(self.t, k)  # 聘请原会长王某为名誉会长: the post held before, aside
                people = names_list_at(self.t, former.end() if former else k)
                many = _MANY_AFTER.match(self.t, people[-1][1]) if people else None  # 吴某等5人为常务副会长
                said = _AS_POST.match(self.t, many.end() if many else people[-1][1]) if people else None  # 为 / 担任 / 出任
                if not said:
                    break
                at, who = said.end(), owner
                ref = _REFERRING.match(self.t, at)  # 聘任王某为商会秘书长 / 选举王某为我会会长
                if ref:
                    at = ref.end()
                    if ref.group() in ("我会", "本会"):
                        if not self.publisher_chamber:
                            break
                        who = self._publisher_node(ref.start(), ref.end())
                q = P.POST_TERM.match(self.t, at) or P.FIRST_TERM.match(self.t, at)
                m = P.POSTS_AT.match(self.t, q.end() if q else at)
                if not m or m.end() > j or self.t.startswith(("单位", "长"), m.end()):
                    break
                self._holds(people[0][0], people, m.group(1).split("、"), who(), MID)
                k = m.end()
                if self.t[k:k + 1] not in ("，", ",", "、", "；", ";"):
                    break
                k += 1

    def _vote_for_named(self, a, k, j, named) -> bool:
        """大会选举王德明为<chamber>会长: the names after the verb, then 为 and the chamber whose post follows."""
        people = names_list_at(self.t, k)
        if not people or not self.t.startswith("为", people[-1][1]):
            return False
        c = next((c for c in named if c.start == people[-1][1] + 1), None)
        if c is None:
            return False
        q = P.POST_TERM.match(self.t, c.end) or P.FIRST_TERM.match(self.t, c.end)  # (选举王某为<chamber>首届会长)
        m = P.POSTS_AT.match(self.t, q.end() if q else c.end)
        if not m or m.end() > j or self.t.startswith(("单位", "长"), m.end()):
            return False
        self._holds(people[0][0], people, m.group(1).split("、"), self.chamber_node(c), MID, m.end())
        return True

    def profile_posts(self, i, j, chambers) -> None:
        """现任/现为…、<chamber or 商会>会长、…: the posts a profile lists after 现任, held by the one it is about —
        the name right before 现任, or the name opening the paragraph (樊建川，山西兴县人，…。现为…)."""
        if "现" not in self.t[i:j] and "目前" not in self.t[i:j]:  # its words, cheaply
            return
        for a, b, chamber in self._bodies(i, j, chambers):
            m = P.POSTS_AT.match(self.t, b)
            if not m or m.end() > j or self.t[m.end():m.end() + 1] not in "、，,。；;":
                continue
            verb = None
            for verb in re.finditer(r"现任|现为|现担任|现兼任|目前担任", self.t[i:a]):
                pass
            if verb is None or re.search(r"[。；;]|曾任|原任|历任", self.t[i + verb.end():a]):
                continue
            at = i + verb.start()
            who = next((s for n in (3, 2) for s in names_list_at(self.t, at - n)[:1]
                        if s[1] == at and self.t[at - n - 1:at - n] in P.NAME_BOUNDARY), None)
            if who is None and at == i:  # a sentence opening with 现任: the paragraph's subject
                head = names_list_at(self.t, self.para_start)[:1]
                who = head[0] if head and self.t[head[0][1]:head[0][1] + 1] in "，," else None
            if who:
                self._holds(a, [who], m.group(1).split("、"), chamber(), MID)

    def posts_after(self, c_start, k, j, chamber, conf=HIGH) -> None:
        """会长王德明、常务副会长李文华、秘书长赵小燕 after a chamber's name (or 我会); also after the term
        (商会第三届会长 / 新一届会长) and across a colon (会长：王德明, a list one a line)."""
        first = True
        aside = _ASIDE.match(self.t, k)  # 商会（晋商俱乐部联合发起机构）会长…
        if aside and P.POSTS_AT.match(self.t, aside.end()):
            k = aside.end()
        while True:
            q = P.POST_TERM.match(self.t, k) if first else None
            if first and not q and P.FIRST_TERM.match(self.t, k) and _ELECTED_BEFORE.search(self.t[max(0, c_start - 16):c_start]):
                q = P.FIRST_TERM.match(self.t, k)  # 获选担任<chamber>首任会长: elected the first one
            m = P.POSTS_AT.match(self.t, q.end() if q else k)
            first = False
            if not m or m.end() > j or self.t.startswith(("单位", "长"), m.end()):  # 理事长 is no 理事
                return
            # 副会长（按姓氏笔画排序）：甲、乙 / 秘书长 ：丙: an ordering note, the page's spacing, before the colon
            order = _ORDER_NOTE.match(self.t, m.end())
            colon = _COLON.match(self.t, order.end() if order else m.end())
            at = colon.end() if colon else m.end()
            while self.t[at:at + 1] in (" ", "\u3000", "|", "｜"):  # 会长 王德明: a page's spacing; | 会长 | 王德明 |
                at += 1
            said = _SAID_TO_BE.match(self.t, at)  # 会长为王德明。 / 副会长分别是甲、乙: the names closing the clause
            if said and at == m.end():
                people = self._extend(names_list_at(self.t, said.end()), m.group(1))
                if people and self.t[self._past_honorific(people[-1][1]):][:1] in _CLAUSE_END:
                    self._holds(c_start, people, m.group(1).split("、"), chamber(), conf)
                    k = self._past_honorific(people[-1][1])
                    if self.t[k:k + 1] in ("，", ",", "；", ";") and P.POSTS_AT.match(self.t, k + 1):
                        k += 1
                        continue
                return
            people = names_list_at(self.t, at)
            if not people and at == m.end() and self.t.startswith("由", at):  # 秘书长由钱某担任: the name after 由
                by = names_list_at(self.t, at + 1)
                people = by if by and self.t.startswith(("担任", "出任", "兼任"), self._past_honorific(by[-1][1])) else []
                if people:
                    self._holds(c_start, people, m.group(1).split("、"), chamber(), conf)
                    return
            if not people and (first := name_after_post(self.t, at)):  # 会长韩国强、监事长…
                people = [first] + (names_list_at(self.t, first[1] + 1) if self.t[first[1]:first[1] + 1] == "、" else [])
            while people and at > m.end() and self.t[people[-1][1]:people[-1][1] + 1] in (" ", "\u3000"):
                more = names_list_at(self.t, people[-1][1] + 1)  # 副会长：赵某 孙某 周某
                if not more:
                    break
                people += more
            if people and at > m.end() and self.t[people[-1][1]:people[-1][1] + 1] not in ("", "\n", "，", ",", "；", ";", "。", " ",
                                                                                     "（", "("):
                people = []  # 会长：我们… is someone speaking, not a list of names (会长：王某（X公司董事长） is one)
            if people and not name_ends(self.t, self._past_honorific(people[-1][1])):
                people = people[:-1]  # 会长金融服务 / 会长文明城市: a word, not a name
            if not people:
                people = self._after_company_post(m.end())
            if not people and self.t.startswith("兼", m.end()):
                people = self._after_other_post(m.end() + 1)
            if not people and self.t[m.end():m.end() + 1] == "的" and not _PAST_BEFORE.search(self.t, max(0, c_start - 6), c_start):
                # 担任天津市山西商会会长的王德明表示…: the name after 的, closed (not 会长的讲话); not 曾任…会长的王某
                people = names_list_at(self.t, m.end() + 1)
                people = people if people and name_ends(self.t, self._past_honorific(people[-1][1])) else []
            if not people:
                self._elected(c_start, m, chamber, conf) or self._bracketed(c_start, m, chamber, conf) \
                    or self._as_post(c_start, m, chamber, conf)
                return
            people = self._extend(people, m.group(1))
            # 副会长兼常务副秘书长 is one post as written; 会长、党支部书记 two
            self._holds(c_start, people, m.group(1).split("、"), chamber(), conf)
            k = self._past_honorific(people[-1][1])
            if P.POSTS_AT.match(self.t, k) and not self.t.startswith("的", k):  # 赵晋川副秘书长杨庆华
                continue
            led = _LEADS_OWN.match(self.t, k)  # 会长甲带领执行会长乙、副会长丙: the leader's own chamber's people
            if led and P.POSTS_AT.match(self.t, led.end()):
                k = led.end()
                continue
            if self.t[k:k + 1] not in ("、", ",", "，", "和", "及", "与") or not P.POSTS_AT.match(self.t, k + 1):
                return
            k += 1

    def _after_other_post(self, k) -> list:
        """副会长兼党支部组织委员王某 / 常务副会长兼女企业家委员会主任李某: the name after another body's post
        told after 兼 (from `k`, past 兼), the shortest reading whose name closes."""
        for n in range(k + 3, min(k + 20, len(self.t)) + 1):  # (委员 in 委员会主任: read on)
            also = _ALSO_OTHER.fullmatch(self.t, k, n)
            if also and not _POST.search(also.group()):
                people = names_list_at(self.t, n)[:1]
                if people and self._closes(people[0][1]):
                    return people
        return []

    def _past_honorific(self, k) -> int:
        """Past 先生 / 女士 / 同志 after a name ending at `k`."""
        return k + 2 if self.t.startswith(_HONORIFICS, k) else k

    def _extend(self, people, title) -> list:
        """The names after one post beyond a list joined by 、: past an honorific (甲先生、乙女士), closed by
        和 / 及 / 与 / 以及 (甲、乙和丙), or joined by commas (甲，乙，丙等). A post one person holds (会长,
        秘书长) takes no more after 和 or a comma: 会长甲和乙 is not two 会长."""
        if not people:
            return people
        people = list(people)
        shared = not _ONE_HOLDER.fullmatch(title)
        while True:
            k = self._past_honorific(people[-1][1])
            if self.t[k:k + 1] == "、" and (more := names_list_at(self.t, k + 1)):
                people += more
                continue
            joined = _JOINED.match(self.t, k)
            if joined and (shared or len(people) > 1):
                span = name_at(self.t, joined.end())
                # (副会长甲与乙共同签约: 与 / 和 may bring in the other party, not one more holder; so only where
                # they are told as attending: 甲、乙和丙出席 / 甲及乙等)
                if span and self._closes(span[1]) and _ATTEND.match(self.t, self._past_honorific(span[1])):
                    people.append(span)
                    continue
            if self.t[k:k + 1] in ("，", ",") and shared:
                run, q = [], k
                while self.t[q:q + 1] in ("，", ","):
                    span = name_at(self.t, q + 1)
                    if not span or not self._closes(span[1]):
                        break
                    run.append(span)
                    q = self._past_honorific(span[1])
                    if self.t[q:q + 1] == "等":
                        break
                if run and (len(run) > 1 or self.t[q:q + 1] == "等"):
                    people += run
                    continue
            return people

    def _closes(self, k) -> bool:
        """Whether a name ending at `k` ends there: a boundary, an honorific, 等 or a verb's first character
        follows it, not more of a word (张家口市) nor a post (李明副会长)."""
        k = self._past_honorific(k)
        return name_ends(self.t, k) and not P.POSTS_AT.match(self.t, k)

    def _after_company_post(self, k) -> list:
        """常务副会长兼秘书长、X有限公司董事长孙旭峰: the name after the company's post."""
        if self.t[k:k + 1] != "、":
            return []
        legal = _LEGAL_REP.match(self.t, k + 1)  # 会长、法定代表人王某: the chamber's own legal representative
        if legal:
            people = names_list_at(self.t, legal.end())[:1]
            return people if people and self._closes(people[0][1]) else []
        for a, b, _ in self.companies:
            if a == k + 1:
                m = P.COMPANY_POST.match(self.t, b)
                if m and self.t[m.end():m.end() + 1] not in "和及与兼":
                    return names_list_at(self.t, m.end())[:1]
        # a company named without 有限公司: 会长、重庆示例实业总裁陈某 (a short run, then the company's post)
        m = re.match(rf"[{P.CJK}]{{2,14}}?(?:{P.COMPANY_POST.pattern})", self.t[k + 1:k + 20])
        if m and not re.search(rf"{P.POST_RE}|商会|[的和与及在]", m.group()[:-2]):
            at = k + 1 + m.end()
            if self.t[at:at + 1] not in "和及与兼":
                return names_list_at(self.t, at)[:1]
        # 会长、中山市客家文化促进会会长李某 / 副会长、山西示例律师事务所主任高某: the one person's post in
        # another body, then the name, which closes there
        m = _OTHER_BODY_POST.match(self.t, k + 1)
        if m and not re.search(r"[的和与及在是为]", m.group(1)):
            people = names_list_at(self.t, m.end())[:1]
            if people and self._closes(people[0][1]) and self.t[people[0][1]:people[0][1] + 1] not in ("和", "及", "与", "兼", "、"):
                return people
        return []

    def _elected(self, c_start, m, chamber, conf) -> bool:
        """曾建新当选为新一届<chamber>会长 / 王某担任<chamber>会长: the name before the verb, the post after
        the chamber (not 曾任 / 原任: a past post)."""
        before = _ELECTED_BEFORE.search(self.t[max(0, c_start - 16):c_start])
        if not before or before.group() == "为" and self.t[m.end():m.end() + 1] not in _CLAUSE_END:
            return False  # (县长李某为<chamber>会长颁发…: 为 is "for"; 董事长王某为商会副会长。 names the post)
        at = c_start - (len(self.t[max(0, c_start - 16):c_start]) - before.start())
        if self.t[at - 2:at] in _HONORIFICS:  # 王德明先生当选…
            at -= 2
        for n in (5, 4, 3, 2):
            span = names_list_at(self.t, at - n)
            if span and span[-1][1] == at and span[-1][0] == at - n \
                    and (at == n or self.t[at - n - 1:at - n] in P.NAME_BOUNDARY | set("长事理")):
                self._holds(c_start, self._list_before(span[-1]), [m.group(1)], chamber(), conf, m.end())
                return True
        return False

    def _as_post(self, c_start, m, chamber, conf) -> bool:
        """作为<chamber>会长，王德明…: the name opening the clause after the post."""
        if self.t[c_start - 2:c_start] not in ("作为", "身为") or self.t[c_start - 3:c_start - 2] not in P.NAME_BOUNDARY | {""} \
                or self.t[m.end():m.end() + 1] not in ("，", ","):
            return False
        people = names_list_at(self.t, m.end() + 1)[:1]
        if not people or not self._closes(people[0][1]) and not _CJK.match(self.t[people[0][1]:people[0][1] + 1]):
            return False
        self._holds(c_start, people, m.group(1).split("、"), chamber(), conf)
        return True

    def _list_before(self, last) -> list:
        """企业家胡某、郑某出任<chamber>副会长: the names joined by 、 that end with `last`, when the list opens
        after a boundary or after the word for what they are (企业家, 董事长); else `last` alone."""
        people = [last]
        while self.t[people[0][0] - 1:people[0][0]] == "、":
            end = people[0][0] - 1
            span = next((s for n in (3, 2) for s in names_list_at(self.t, end - n)[:1] if s == (end - n, end)), None)
            if span is None:
                break
            people.insert(0, span)
        a = people[0][0]
        if len(people) > 1 and (a == 0 or self.t[a - 1] in P.NAME_BOUNDARY or self.t[max(0, a - 3):a] in ("企业家", "董事长")):
            return people
        return [last]

    def _bracketed(self, c_start, m, chamber, conf) -> bool:
        """王德明（<chamber>会长）: the name right before the bracket the chamber and post stand in."""
        if self.t[m.end():m.end() + 1] not in ("）", ")", "、", "，", ","):
            return False
        at = c_start - 1
        if self.t[at:c_start] not in ("（", "("):  # 王德明（X公司董事长、<chamber>会长）: other posts first
            at = max(self.t.rfind("（", max(0, c_start - 32), c_start), self.t.rfind("(", max(0, c_start - 32), c_start))
            if at < 0 or not _POSTS_IN_ASIDE.fullmatch(self.t, at + 1, c_start):
                return False
        if self.t[at - 2:at] in _HONORIFICS:  # 王德明先生（…会长）
            at -= 2
        for n in (3, 2):
            span = names_list_at(self.t, at - n)
            # (出席的有王德明（…会长）: 有 before the name)
            if span and span[-1][1] == at and (at - n == 0 or self.t[at - n - 1] in P.NAME_BOUNDARY or self.t[at - n - 1] == "有"):
                self._holds(c_start, span[-1:], [m.group(1)], chamber(), conf, m.end())
                return True
        return False

    def referring(self, i, j, named) -> None:
        """商会 / 该商会 / 我会 followed by posts: the publishing chamber (我会) or the last one named."""
        for m in _REFERRING.finditer(self.t[i:j]):
            a, b = i + m.start(), i + m.end()
            q = P.POST_TERM.match(self.t, b)  # 当选商会第二届理事会会长
            if not q and P.FIRST_TERM.match(self.t, b) and _ELECTED_BEFORE.search(self.t[max(0, a - 16):a]):
                q = P.FIRST_TERM.match(self.t, b)  # 获选担任该商会首任会长
            if not P.POSTS_AT.match(self.t, q.end() if q else b):
                continue
            inside = [c for c in self.chambers if c.start <= a < c.end]
            # 据山西商会秘书长朱某介绍: a chamber written without its place is the one named before,
            # unless the words before it make it many (外省山西商会, 各地山西商会)
            if inside and not (inside[0].generic and inside[0].end == b and self.t[a - 2:a] == "山西"
                               and self.t[inside[0].start:a - 2] in _BARE_BEFORE):
                continue
            if m.group() in ("我会", "本会") and self.publisher_chamber:
                continue  # we_chamber() gives these the publisher
            if m.group() == "商会" and not inside and (self.t[a - 1:a] == "总"
                                                       or _FEDERATION_BEFORE.search(self.t, max(0, a - 14), a)):
                continue  # 工商联副主席、(总)商会副会长: the federation of commerce, not the chamber named before
            before = [c for c in named if c.end <= a]
            place = next((p for p in self.places_in(a - 4, a) if p.end == a), None)
            if place and m.group() == "商会":  # 北京商会会长: the chamber named with that place, or none
                before = [c for c in before if self.t[place.start:place.end] in self.t[c.start:c.end]]
            if m.group() == "商会" and not inside and self.t[a - 2:a] == "企业":
                continue  # <place>企业商会 the finder did not read (北京陜西企业商会): a chamber of its own
            if m.group() == "商会" and not inside and self.t[a - 1:a] not in _BEFORE_BARE_CHAMBER:
                continue  # 兄弟商会 / 示例县商会 / 餐饮行业商会会长: a chamber of its own, not the one named before
            if before and m.group() == "该会" and self._body_between(before[-1].end, a):
                continue  # <chamber>与示例协会签约。该会会长…: the body named last, not the chamber
            if before and not (m.group() == "商会" and (self._ours(before[-1], a) or self._ambiguous(before[-1], a))):
                c = before[-1]
                self.posts_after(a, b, j, lambda c=c: self.chamber_node(c), conf=MID)
            elif before and m.group() == "商会" and not place and not self.publisher_chamber \
                    and (c := self._title_subject()) is not None and not self._ours(before[-1], a):
                # 晋中市温州商会举行庆典 (the title) … 太原市温州商会会长甲、大同市温州商会会长乙到场祝贺。商会
                # 秘书长丙主持: many chambers named, the bare 商会 is the one the title is about
                self.posts_after(a, b, j, lambda c=c: self.chamber_node(c), conf=MID)
            elif self.publisher_chamber and not place and not any(c.start < a for c in self.chambers):
                # a chamber's own page that names no chamber before (5月9日，商会执行会长陈某…): the publisher's
                self.posts_after(a, b, j, self._publisher_node(a, b), conf=MID)

    def _holds(self, c_start, people, titles, cid, conf=HIGH, end=None) -> None:
            for a, b in people:
                pid = self.person_node(a, b, conf)
                for title in titles:
                    props = {"title": title}
                    if self.published:
                        props["as_of"] = self.published
                    # the chamber first (商会会长王某), or the person first (王某出任<chamber>会长: up to
                    # the post's `end`)
                    self.f.rel("HOLDS_POST", pid, cid, props, self.span(*((c_start, b) if c_start < b else (a, end or c_start))), conf)
                if self.event:
                    self.f.rel("ATTENDED", pid, self.event, {}, self.span(a, b), MID)

    def members(self, i, j, chambers) -> None:
        """Member companies (副会长单位, 会员单位, 会员企业) of the chamber named right before the title, of the
        one 商会 / 该会 / 我会 / 本会 stands for, or, with the title alone after a link (作为 / 是 / 系 / 成为…) or a
        visit (走访会员企业…), of the chamber the page is about: the companies after it (<chamber>副会长单位：A公司、
        B公司) or before it (A公司、B公司作为/是/当选为<chamber>副会长单位)."""
        s = self.t[i:j]
        if "单位" not in s and "会员企业" not in s:  # its words, cheaply
            return
        for m in P.MEMBER_AT.finditer(self.t, i, j):
            k = m.start()
            c = next((c for c in chambers if c.end == k), None)
            conf = MID  # (the chamber read from 商会 / 我会 or the page: a likely reading)
            if c is not None:
                if c.generic:
                    continue
                c_start, owner, conf = c.start, (lambda c=c: self.chamber_node(c)), HIGH
            elif (ref := _MEMBER_REF.search(self.t, max(0, k - 3), k)) is not None:
                c_start = ref.start()
                if ref.group() != "商会" or self.t[c_start - 1:c_start] in _BEFORE_BARE_CHAMBER:
                    owner = self._chamber_referred(c_start, ref.group())
                else:
                    owner = None  # 兄弟商会 / 行业商会: a chamber of its own
            elif self.t[k - 1:k] in _BEFORE_TITLE_ALONE or _MEMBER_LINK.search(self.t, max(0, k - 12), k) \
                    or _NEW_MEMBERS.search(self.t, max(0, k - 4), k):
                # the title alone (作为副会长单位 / 走访了会员企业), not after another body (工商联会员单位)
                c_start, owner = k, self._chamber_referred(k, "")
            else:
                continue
            if owner is None:
                continue
            self._members_of(c_start, m, owner, conf)

    def _members_of(self, c_start, m, owner, conf) -> None:
        """The companies told as members under the title `m` of the chamber named (or referred to) at c_start."""
        told = _MEMBERS_TOLD.match(self.t, m.end())  # (副会长单位（排名不分先后）：A / 副会长单位有：A / 分别是A)
        comp = self._company_run(told.end(), forward=True)
        if not comp:
            link = _MEMBER_LINK.search(self.t, max(0, c_start - 12), c_start)
            comp = self._company_run(link.start(), forward=False) if link else []
        if not comp and self.t[c_start - 1:c_start] in "（(" and self.t[m.end():m.end() + 1] in "）)":
            comp = self._company_run(c_start - 1, forward=False)[-1:]  # A公司（商会副会长单位）
        if not comp and self.t[c_start - 2:c_start] == "作为" and self.t[m.end():m.end() + 1] in "，,":
            comp = self._company_run(m.end() + 1, forward=True)[:1]  # 作为<chamber>副会长单位，A公司…
        cid = owner() if comp else None
        for a, b, _ in comp if cid else ():
            self.f.rel("MEMBER_OF", self.company_node(a, b), cid, {"title": m.group(1)},
                       self.span(min(a, c_start), max(b, m.end())), conf)

    def _chamber_referred(self, a, word):
        """What 商会 / 该会 / 我会 / 本会 at `a` (or a member's title alone) stands for, as a node maker: the
        publisher on its own page (我会 always; 商会 when no chamber is named before, or the one named last is
        the publisher); elsewhere the chamber named last, unless the sentence is about our city's people, many
        chambers were spoken of, or another chamber was named between; else None."""
        if word in ("我会", "本会"):
            return self._publisher_node(a, a + 2) if self.publisher_chamber else None
        named = [c for c in self.chambers if not c.generic and c.end <= a]
        if self.publisher_chamber and not named:
            return self._publisher_node(a, a + len(word))
        if not named:
            return None
        c = named[-1]
        if self.publisher_chamber and not self._is_publisher(c):
            return None  # a visiting chamber named last: either's
        if word == "该会" and self._body_between(c.end, a):
            return None  # 该会 after another body named (示例协会): that body
        if self._ours(c, a) or self._ambiguous(c, a) or self._unnamed_between(c.end, a):
            return None
        return lambda c=c: self.chamber_node(c)

    def _company_run(self, k, forward=True):
        """The companies named one after another (、 / 和 / 及 between them) from k on, or up to k."""
        out = []
        while True:
            x = next((x for x in self.companies if (x[0] if forward else x[1]) == k), None)
            if x is None:
                return out
            out.append(x)
            if forward and self.t[x[1]:x[1] + 1] in ("、", "和", "及"):
                k = x[1] + 1
            elif not forward and x[0] > 0 and self.t[x[0] - 1] in "、和及":
                k = x[0] - 1
            else:
                return out

    def ambassadors(self, i, j, dates) -> None:
        """…被聘为太原市招商大使，…被聘为太原市招商顾问: each title named, with the people told of since the
        one before it."""
        s = self.t[i:j]
        seen: set = set()
        lo = i
        for m in _AMBASSADOR_TITLE.finditer(s) if "大使" in s or "顾问" in s else ():  # its words, cheaply
            self._ambassador(lo, i, j, m, dates, seen)
            lo = i + m.end()

    def _ambassador(self, lo, i, j, m, dates, seen) -> None:
        s = self.t[i:j]
        city = None
        pre = _CITY_LAST.search(self.t[lo:i + m.start()])
        if pre:
            city = self.places.at(self.t, lo + pre.start(1), ("City",))
        if city is None:
            city = self._ambassador_place(lo, i + m.start())
        city_id = self.place_node(city, city.start, city.end) if city else self.home_node(i, j)
        if city_id is None:
            return
        day = self._appointed_day(i, dates)
        native = "山西籍" in s
        # 商会会长于学义应邀出席…并受聘担任中山区“招商大使” / 王某被聘为…大使 / 聘请<chamber>会长王某为…顾问:
        # the names after a post or a boundary, before 受聘 (被聘, 获聘), or before 为 after 聘请
        post_ends = {pm.end() for pm in _POST.finditer(self.t, lo, i + m.start())}
        for sm in _SURNAME.finditer(self.t, lo, i + m.start()):  # where a name may start
            k = sm.start()
            after_post = k in post_ends
            if k in seen or not (after_post or k == 0 or self.t[k - 1] in P.NAME_BOUNDARY
                                 or self.t[k - 2:k] in ("我会", "本会", "该会")):  # 我会王某会长受聘…
                continue
            span = self._people_only(names_list_at(self.t, k))
            if not span:
                continue
            tail = self.t[span[-1][1]:i + m.start()]
            # after a post the clause may tell more before 受聘 (应邀出席活动并受聘…); a name after a mere
            # boundary is the one appointed only when 受聘 follows it (王某被聘为…), not a chamber's place
            before = self.t[lo:span[0][0]]  # 向<chamber>会长王某颁发…聘书 / 授予<chamber>会长王某“招商大使”称号
            handed = after_post and (_HANDED.fullmatch(tail) and re.search("[向为给]", before)
                                     or _TITLE_OPENS.fullmatch(tail) and "授予" in before)
            if handed or (_APPOINTED_AFTER_POST if after_post else _APPOINTED_AFTER_NAME).fullmatch(tail) or \
                    (re.fullmatch(r"(?:先生|女士|同志)?(?:为|担任|作为)[^，,。；;]{0,8}", tail) and re.search(r"聘请|聘任|聘", self.t[lo:span[0][0]])):
                for a, b in span:
                    seen.update(range(a, b + 1))
                    self.f.rel("AMBASSADOR_OF", self.person_node(a, b, MID), city_id,
                               {"appointed_on": day} if day else {}, self.span(a, i + m.end()), MID)
        # 聘请<chamber>会长王某、<chamber>会长李某为…大使: the ones before the one appointed, each after a post
        # and linked to the next by 、<chamber><post>; 新聘任的招商大使有：<chamber>会长王某、…: the ones after
        chained = sorted(k for k in post_ends if k not in seen and name_at(self.t, k))
        for k in reversed(chained):
            b = name_at(self.t, k)[1]
            nxt = _CHAIN.match(self.t, b)
            if nxt and nxt.end() in seen and nxt.end() < i + m.start():
                seen.update(range(k, b + 1))
                self.f.rel("AMBASSADOR_OF", self.person_node(k, b, MID), city_id,
                           {"appointed_on": day} if day else {}, self.span(k, i + m.end()), MID)
        listed = _LISTED_AFTER.match(self.t, i + m.end())
        if listed and ("聘" in self.t[lo:i + m.start()] or listed.group().startswith("名单")):
            starts = [listed.end()]
            starts += [pm.end() for pm in _POST.finditer(self.t, starts[0], j)]
            k = listed.end()
            while (line := _NAME_LINE_START.match(self.t, k)) and names_list_at(self.t, line.end()):
                starts.append(line.end())  # a name a line: each line's first name
                k = self.t.find("\n", line.end())
                k = len(self.t) if k < 0 else k
            for k in starts:
                for a, b in self._people_only(names_list_at(self.t, k))[:1 if k > j else None]:
                    if a not in seen:
                        seen.update(range(a, b + 1))
                        self.f.rel("AMBASSADOR_OF", self.person_node(a, b, MID), city_id,
                                   {"appointed_on": day} if day else {}, self.span(i + m.start(), b), MID)
        # 向/聘请/为 X、Y…: the looser reading, only for the first title the sentence names
        for k in (sm.start() for sm in _SURNAME.finditer(self.t, i, j)) if lo == i else ():
            if self.t[k - 1:k + 1] in ("聘任", "聘请"):
                continue
            if k in seen or self.t[k - 1:k] not in ("向", "聘请", "聘", "、", "授予", "为", "请")[:7] and self.t[k - 2:k] not in ("聘请", "聘任", "授予"):
                continue
            for a, b in self._people_only(names_list_at(self.t, k)):
                if b > i + m.start() or not _APPOINTS.search(s):
                    break
                seen.update(range(a, b + 1))
                pid = self.person_node(a, b, MID)
                props = {"appointed_on": day} if day else {}
                self.f.rel("AMBASSADOR_OF", pid, city_id, props, self.span(a, i + m.end()), MID)
                if native:
                    prov = self.f.node("province:山西省", "Province", "山西省", {}, self.span(i + s.find("山西籍"), i + s.find("山西籍") + 2), MID)
                    self.f.rel("NATIVE_OF", pid, prov, {}, self.span(a, i + s.find("山西籍") + 3), MID)

    def _appointed_day(self, i, dates):
        """The day an ambassador or an office is told of at `i`: the sentence's, the event's, the dated opening's
        for a sentence at the occasion (3月20日，…挂牌成立。⏎会上，…聘请…) or in its paragraph, else the article's."""
        if dates:
            return dates[-1].day
        if self.event_date:
            return self.event_date
        if self._lede and (_AT_OCCASION.match(self.t, i) or self._lede[1] > self.para_start):  # (or its paragraph)
            return self._lede[0].day
        return self.published

    def _people_only(self, span):
        """A list of names up to the first that opens a chamber's name (王某、苏州山西商会…: 苏州山 is none); the
        last without a count's figure after it (甲、乙、赵强三位会长: 赵强)."""
        inside = next((n for n, (a, _) in enumerate(span) if a in self._chamber_cover), None)
        span = span if inside is None else span[:inside]
        if span and span[-1][1] - span[-1][0] == 3 and (
                self.t[span[-1][1] - 1] in _COUNT_DIGITS and self.t[span[-1][1]:span[-1][1] + 1] in ("位", "名", "人")
                or self.t[span[-1][1] - 1:span[-1][1] + 1] in _WORD_AFTER):  # 李红分别被聘为…: 李红
            span = span[:-1] + [(span[-1][0], span[-1][1] - 1)]
        return span

    def _ambassador_place(self, i, p):
        """The county or city named last before 招商大使 (迎泽区为…招商大使授牌); a district the place list
        does not know (中山区, not 中山市) stands for the city of a chamber named in the sentence."""
        named = [x for x in self.places_in(i, p) if x.label in ("County", "City") and x.end <= p]
        # a place that is no chamber's host (晋城市聘请天津市山西商会会长…为招商顾问: 晋城市), nor the place an
        # office is in (在我会设立驻宁波招商联络处，聘请…为招商顾问)
        named = [x for x in named if x.start not in self._chamber_cover and self.t[x.start - 1:x.start] != "驻"]
        if not named:
            # 我县 on a county's page: that county (天津市山西商会会长王某受聘为我县招商顾问: not 天津市)
            ours = self._our_county(i, p)
            if ours:
                return ours
            # 平遥县首批招商大使聘任仪式举行。受聘的招商大使为：…: the place whose title the paragraph named before
            titled = [x for x in self.places_in(self.para_start, i) if x.label in ("County", "City")
                      and x.start not in self._chamber_cover and _TITLE_AFTER_PLACE.match(self.t, x.end)]
            if titled:
                return titled[-1]
            if not _DISTRICT_BEFORE.search(self.t, i, p):
                return None  # (我市, or none named: the page's city, in the caller)
            # 受聘担任和平区“招商大使”: a district the place list does not know, of the chamber's city
            cities = [c.place for c in self.chambers if i <= c.start < p and c.place and c.place.label == "City"]
            return cities[-1] if cities else None
        place = named[-1]
        if place.label == "City" and self.t[place.end:place.end + 1] in ("区", "县"):
            cities = [c.place for c in self.chambers if i <= c.start < p and c.place and c.place.label == "City"]
            return cities[-1] if cities else None
        return place

    def _our_county(self, i, j):
        """The county of 我县 / 本县 / 我区 / 本区 in i..j, on a page a county publishes (平遥县人民政府)."""
        m = _OUR_COUNTY.search(self.t, i, j)
        if m is None:
            return None
        pub = next((x for x in self.places.find(fold(self.a.meta.get("publisher") or "")) if x.label == "County"), None)
        return Place(m.start(), m.end(), pub.id, pub.label, pub.name, pub.known) if pub else None

    def liaison(self, i, j, dates, chambers) -> None:
        s = self.t[i:j]
        m = _OFFICE.search(s) if "联络" in s or "站" in s else None
        if m and _OFFICE_STAFF.match(s, m.end()):
            m = None
        if not m or not _SETS_UP.search(s):
            return
        # the place that names the office: 授予忻州市招商引资联络处 / 吉林省驻津招商联络处 / 平遥县…工作联络站
        pre = _NAMED_OFFICE.search(s)
        city = next((p for p in self.places_in(i, j) if pre and p.label in _OFFICE_OWNERS
                     and p.end == i + pre.start() + 1), None)

        if city is None:  # 大同市在<chamber>设立招商联络处 / 晋城市驻天津招商联络处: the city named first in
            # the clause, not a chamber's host nor the place after 驻
            clause = i + max((k.end() for k in re.finditer(r"[，,；;：:]", s[:m.start()])), default=0)
            city = next((p for p in self.places_in(clause, i + m.start()) if p.label in _OFFICE_OWNERS
                         and not any(c.start <= p.start < c.end for c in chambers) and self.t[p.start - 1:p.start] != "驻"), None)
        city = city or self._our_county(i, i + m.start())  # 我县驻天津招商联络处 on a county's page
        city_id = self.place_node(city, city.start, city.end) if city else self.home_node(i, j)
        day = self._appointed_day(i, dates)
        props = {"since": day} if day else {}
        # a chamber (or 我会) told in a clause after the office's that sets nothing up is a guest (…牌匾，天津市
        # 山西商会会长王某出席 / …揭牌，兄弟商会到场祝贺)
        chambers = [c for c in chambers if self._office_clause(i, j, i + m.end(), c.start)]
        we = self._we_at(i, j) if city_id else None
        we = we if we and self._office_clause(i, j, i + m.end(), we[0]) else None
        if we:  # beside 我会, a chamber told with its person's post is that person's (A商会会长甲与我会会长乙共同揭牌)
            chambers = [c for c in chambers if not P.POSTS_AT.match(self.t, c.end)]
        for c in chambers:
            cid = self.chamber_node(c)
            if cid and city_id:
                self.f.rel("LIAISON_OFFICE_OF", cid, city_id, props, self.span(min(c.start, i + m.start()), max(c.end, i + m.end())), HIGH)
        if we:  # 吕梁市向我会授予“吕梁市招商引资联络处”牌匾: the publishing chamber
            cid, label, name = self.publisher_chamber
            node = self.f.node(cid, label, name, {}, self.span(*we), MID)
            self.f.rel("LIAISON_OFFICE_OF", node, city_id, props, self.span(min(we[0], i + m.start()), max(we[1], i + m.end())), MID)

    def _office_clause(self, i, j, office_end, k) -> bool:
        """Whether the mention at k may receive the office ending at office_end: it is told before the clause
        after the office's ends, or in a clause that sets one up itself."""
        after = _CLAUSE_MARK.search(self.t, office_end, j)
        if after is None or k < after.start():
            return True
        lo = max(self.t.rfind(x, i, k) for x in "，,；;") + 1
        hi = _CLAUSE_MARK.search(self.t, k, j)
        return bool(_SETS_UP.search(self.t, lo, hi.start() if hi else j))

    def _we_at(self, i, j):
        """Where 我会 / 本会, or a bare 商会 before any chamber is named (为商会授予…), stands between i and j
        on a chamber's own page: the publishing chamber (the people rules read 我会 so in we_chamber)."""
        if not self.publisher_chamber:
            return None
        for m in _WE.finditer(self.t, i, j):
            a = m.start()
            if m.group() != "商会" or (a not in self._chamber_cover and self.t[a - 1:a] in _BEFORE_BARE_CHAMBER
                                       and not any(c.start < a for c in self.chambers)):
                return a, m.end()
        return None

    def hometowns(self, i, j) -> None:
        s = self.t[i:j]
        for m in re.finditer(r"(?:籍贯|祖籍)[:：为是]?", s) if "籍" in s else ():  # its word, cheaply
            before = re.search(rf"([{P.CJK}]{{2,3}})[,，]?(?:男|女)?[,，]?$", s[:m.start()])
            place = self.places.at(self.t, i + m.end(), ("County", "City", "Province"))
            while place and place.label != "County":  # 忻州市五台县: the most exact place named
                finer = self.places.at(self.t, place.end, ("County", "City"))
                if finer is None:
                    break
                place = finer
            if before and place:
                spans = names_list_at(self.t, i + before.start(1))
                if spans:
                    pid = self.person_node(*spans[0], MID)
                    self.f.rel("NATIVE_OF", pid, self.place_node(place, place.start, place.end, MID), {},
                               self.span(spans[0][0], place.end), MID)

    def we_chamber(self) -> None:
        """我会 / 本会: the publishing chamber, when the front matter or page names it."""
        if not self.publisher_chamber:
            return
        cid, label, name = self.publisher_chamber
        self.event = None  # run after the pass: which event a 我会 sentence is about is not known here
        for m in re.finditer(r"我会|本会", self.t):
            end = self.t.find("\n", m.end())
            node = lambda m=m: self.f.node(cid, label, name, {}, self.span(m.start(), m.end()), HIGH)  # noqa: E731
            self.posts_after(m.start(), m.end(), len(self.t) if end < 0 else end, node)
            # 我会王德明会长: the name, then the post (past an honorific)
            span = names_list_at(self.t, m.end())[:1]
            if span:
                post = P.POSTS_AT.match(self.t, self._past_honorific(span[0][1]))
                if post and not post.group().startswith("的") and not self.t.startswith(("单位", "长"), post.end()):
                    self._holds(m.start(), span, post.group(1).split("、"), node(), MID, post.end())


quicken_all(globals())  # every pattern above: a leading look-ahead of where it can start (lookahead.py)
