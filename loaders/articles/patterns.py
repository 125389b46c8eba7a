"""The words the rules look for, in simplified Chinese (the matching view is simplified)."""
from __future__ import annotations

import re

from loaders.articles.lookahead import quicken_all

CJK = r"\u3400-\u9fff"
POSTS = ("永久名誉会长", "永久荣誉会长", "名誉会长", "荣誉会长", "驻会副会长", "监事会主席", "创始会长", "执行会长", "常务副会长", "副会长", "会长", "常务副秘书长", "副秘书长",
         "秘书长", "监事长", "副监事长", "常务理事", "理事", "党支部书记", "党委书记", "监事", "会员部部长", "执行秘书长",
         # more of the titles chambers give: rotating, chief, founding, lifelong; party deputies
         "轮值会长", "首席会长", "常务会长", "创会会长", "终身名誉会长", "党委副书记", "党支部副书记", "监事会副主席",
         "执行副会长", "名誉副会长", "荣誉副会长", "常务监事",
         # a post held for now (代理会长; not 候任会长, one not yet held); an executive supervisor, a resident
         # secretary-general
         "代理会长", "代理秘书长", "执行监事长", "驻会秘书长", "常务副监事长",
         # an executive president in turn (轮值执行会长), as 轮值会长
         "轮值执行会长")
POST_RE = "|".join(sorted(POSTS, key=len, reverse=True))
# a post or several joined by 兼 (副会长兼常务副秘书长) or 、 (会长、党支部书记)
# a company post between a chamber post and the name: 秘书长、X有限公司董事长孙旭峰
COMPANY_POST = re.compile(r"(?:董事长|总经理|总裁|董事|创始人)+")
POSTS_AT = re.compile(rf"(?:的)?((?:{POST_RE})(?:[兼、](?:{POST_RE}))*)")
# the term a post is of, between the chamber and the post: 商会第三届会长 / 新一届会长 / 现任会长
# (or the chamber's organ a post is in: 商会监事会监事长 / 理事会副会长 / 秘书处秘书长; not 监事会主席, a post itself)
POST_TERM = re.compile(r"(?:(?:第[一二三四五六七八九十\d]+届|新一届|新一任|新任|现任|新当选的?)(?:理事会|监事会)?|"
                       r"监事会(?=(?:副|常务)?监事)|理事会(?=(?:常务|执行)?(?:副)?会长|(?:常务)?理事)|秘书处(?=(?:常务)?(?:副)?秘书长))的?")
# the first or n-th one to hold a post (首任会长 / 首届会长 / 第二任会长): a past holder, unless told as elected to it
# (获选担任该商会首任会长: the post is 会长)
FIRST_TERM = re.compile(r"(?:首任|首届|第[一二三四五六七八九十\d]+任)(?:理事会)?的?")
NAME_BOUNDARY = set("，,、。；;：: \n“”\"(（)）由和与及对向请为")
MEMBER_AT = re.compile(rf"(?:的)?(?:新的?|优秀)?((?:{POST_RE}|会员)单位|会员企业)")  # (成为商会新的副会长单位)
EVENT_KINDS = ("招商引资推介会", "招商推介会", "推介会", "恳谈会", "招商会", "招商大会", "博览会", "交易会", "洽谈会",
               "签约仪式", "开工仪式", "开复工仪式", "开工启动仪式", "开复工启动仪式", "开工活动", "开复工活动", "签约大会", "会员大会", "换届大会", "对接会", "座谈会", "启动大会", "推介大会", "论坛", "峰会", "年会",
               "展览会", "石油展", "签约活动", "成立大会", "会员代表大会", "会员代表会议", "开幕大会", "大会", "启动典礼", "典礼", "庆典",
               "展销周", "展销会", "交流会", "见面会", "发布会", "推进会", "对接活动", "双招双引活动", "招商活动", "签约会",
               "签约落地仪式", "奠基仪式", "开工奠基仪式",
               # gatherings chambers and promoters hold beside those: New Year receptions, seminars, briefings,
               # launches, unveilings of a plaque, opening ceremonies, a week of promotion
               "团拜会", "研讨会", "说明会", "茶话会", "启动仪式", "揭牌仪式", "授牌仪式", "开幕式", "招商周",
               # a signing told as its signatures (签字仪式), a plant's completion and start of production, a
               # county's tour of its projects (项目观摩会)
               "签字仪式", "竣工投产仪式", "投产仪式", "竣工仪式", "观摩会",
               # a season's gathering of a chamber's members (a bare 联谊会 names a body as often: HELD_GATHERING)
               "新春联谊会", "迎春联谊会", "新年联谊会", "中秋联谊会", "年终联谊会")
KIND_OF = {"会长办公（扩大）会议": "会长办公会", "会长办公(扩大)会议": "会长办公会", "会长（扩大）会议": "会长办公会",
           "会长(扩大)会议": "会长办公会", "会长办公（扩大）会": "会长办公会", "会长办公(扩大)会": "会长办公会",
           "新春联谊会": "联谊会", "迎春联谊会": "联谊会", "新年联谊会": "联谊会", "中秋联谊会": "联谊会", "年终联谊会": "联谊会",
           "会长办公会议": "会长办公会", "秘书长办公会议": "秘书长办公会", "理事会议": "理事会", "常务理事会议": "常务理事会",
           "监事会议": "监事会", "会长会议": "会长办公会",
           "签字仪式": "签约仪式", "竣工投产仪式": "投产仪式", "竣工仪式": "投产仪式", "推介活动": "推介会",
           "招商引资推介会": "推介会", "招商推介会": "推介会", "推介大会": "推介会", "招商大会": "招商会",
           "签约大会": "签约仪式", "会员代表会议": "会员代表大会", "开复工仪式": "开工仪式", "开工启动仪式": "开工仪式", "开复工启动仪式": "开工仪式",
           "开工活动": "开工仪式", "开复工活动": "开工仪式", "展览会": "博览会", "石油展": "博览会",
           "签约活动": "签约仪式", "联席会议": "联席会", "签约会": "签约仪式", "签约落地仪式": "签约仪式", "奠基仪式": "开工仪式", "开工奠基仪式": "开工仪式", "揭牌仪式": "授牌", "授牌仪式": "授牌", "启动仪式": "启动大会", "洽会": "洽谈会", "博会": "博览会", "广交会": "交易会", "高交会": "交易会", "双招双引活动": "招商会", "招商活动": "招商会", "启动典礼": "启动大会", "展销周": "博览会", "展销会": "博览会"}
# a quoted name's 活动 is one event where the sentence is at it: 在“三个一批”活动上 / 这次“X”活动,
# (or held: 项目“云签约”活动举行 / …活动在X启动; not …活动在X举行启动典礼, the ceremony's name)
QUOTED_ACTIVITY = (r"(?<=”)(?:系列)?活动(?=上|期间|中|[,，。;；]|(?:在[^，,。；;]{0,12}?)?(?:隆重|圆满|成功)?"
                   r"(?:举行|举办|启动|开幕)(?![^，,。；;]{0,6}?(?:典礼|仪式|大会)))")
# a quoted name that ends in 活动, then its day and where it was held or ended: “X考察活动”10日在大同结束
QUOTED_HELD_ACTIVITY = r"活动(?=”(?:\d{1,2}[日号](?:上午|下午|晚上)?)?在[^，,。；;]{0,20}?(?:举行|举办|召开|开幕|闭幕|结束|启动))"
# 联谊会 names a body as often as a gathering (同乡联谊会, 台湾同胞投资企业联谊会): a gathering where the
# sentence holds it (秘书长联谊会在清徐县隆重举行 / 新春联谊会召开)
HELD_GATHERING = r"联谊会(?=在[^，,。；;]{0,12}?(?:隆重)?(?:举行|举办|召开)|(?:隆重)?(?:举行|举办|召开|开幕))"
# 联席会(议) names a standing body of chambers as often as its meeting (会长联席会成立的目的): a meeting where the
# sentence holds it (第十四届省级商会会长联席会在宝鸡市举行 / …联席会在X大厦隆重召开)
HELD_JOINT_MEETING = r"联席会(?:议)?(?=在[^，,。；;]{0,12}?(?:隆重|圆满)?(?:举行|举办|召开)|(?:隆重|圆满)?(?:举行|举办|召开|开幕))"
# the short names of fairs and talks (投洽会 / 晋洽会, 中博会 / 进博会, 广交会) name the fair held only where the
# sentence holds it there (第十三届中博会在太原开幕 / 投洽会9月8日在厦门举行), not one it happened during
# (在广交会期间亮相 / 此次中博会前后)
HELD_FAIR = (r"(?:洽会|博会|广交会|高交会)(?=(?:(?:\d{1,2}月)?\d{1,2}日(?:上午|下午|晚上?)?)?(?:在[^，,。；;]{0,12}?)?"
             r"(?:隆重|圆满|盛大|正式)?(?:举行|举办|召开|开幕|启幕))")
# a promotion told as an activity is one event where the sentence holds it there (“晋城周”招商推介活动在深圳启幕),
# not one a county organised during a fair (在X博览会上，河津市组织了专场推介活动: the fair's tally)
HELD_PROMOTION = (r"推介活动(?=”?(?:(?:\d{1,2}月)?\d{1,2}日(?:上午|下午|晚上?)?)?(?:在[^，,。；;]{0,12}?)?"
                  r"(?:隆重|圆满|成功|盛大|正式)?(?:举行|举办|召开|开幕|启幕|启动))")
# a chamber's own meetings: 会长办公会(议) is always a meeting; 理事会 / 监事会 name the body as often (理事会会长),
# the meeting only where its session is counted before it (二届三次理事会 / 第六次常务理事会议)
BOARD_MEETING = r"(?:会长|秘书长)办公(?:[（(]扩大[)）])?会(?:议)?|会长[（(]扩大[)）]会议|(?<=次)(?:常务)?(?:理事会|监事会)(?:议)?|(?<=次)(?:会长|常务理事|理事|监事)会议"
EVENT_RE = re.compile("|".join(sorted(EVENT_KINDS, key=len, reverse=True)) + "|" + BOARD_MEETING + "|" + QUOTED_ACTIVITY + "|" + QUOTED_HELD_ACTIVITY
                      + "|" + HELD_GATHERING + "|" + HELD_JOINT_MEETING + "|" + HELD_FAIR + "|" + HELD_PROMOTION)
# words after which an event's or a project's name begins
NAME_CUT = re.compile(r"参加了|参加|举办了|举办|举行了|举行|召开了|召开|出席了|出席|组织了|开幕的|的|了|在|赴|于|即|是|、")
LEADING = re.compile(r"^(?:\d{1,2}月\d{1,2}[日号](?:上午|下午|晚上|晚)?|我市|我县|我省|本市|市|县|全市)+")
NAME_CHARS = re.compile(rf"[{CJK}0-9A-Za-z()（）·]")
PLACE_TRIGGER = ("在", "赴", "于", "到", "来到", "前往", "齐聚")
# two characters after a surname and one more that are a verb or a word of address, not a name's
# last character: 兰勇接受采访 / 兰勇常说 are 兰勇, then the verb
VERB_AFTER_NAME = ("接受", "常说", "还说", "曾说", "认为", "表示", "介绍", "谈到", "坦言", "指出", "强调", "希望", "告诉",
                   "透露", "回忆", "推荐", "先生", "女士", "同志", "一行", "带领", "担任", "主持", "会见", "看望", "考察",
                   "现任", "感谢", "提出", "称赞", "热情", "随后", "首先", "最后", "曾任",
                   "受邀", "委托", "获得", "荣获", "带队", "兼任", "创办", "牵头", "还表", "称，", "称,", "称:", "称：")
STOP_AFTER_NAME = set("等带在和与、,，。表致一率出参先女为向对说指介主讲应代及同也就陪发作宣签任当是于从将把被的了着共;；:：(（）)")
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪"
    "范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞"
    "颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻"
    "祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇"
    "栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝郜冀"
    # more surnames, several common in Shanxi (阎, 畅, 栗, 亢, 薄); not those that open common words (智能, 续签, 战略)
    "阎禹仝郗扈薄逯储郄弓亢贠茹尉郇杭栗邸畅訾荆琚渠"
    # surnames common among Zhejiang and Fujian merchants (楼, 竺, 诸)
    "楼竺")
COMPANY_END = re.compile(r"股份有限公司|有限责任公司|集团有限公司|有限公司|集团")
# what opens no company's name, before it: 其中X公司 / 签约项目包括X公司 / 投资最大的是X公司 / 投资方为X公司 /
# X项目（Y公司，5亿元） and the words of membership, visits and lists (同意 / 增补 / 吸纳 / 推荐 A公司为会员单位: the
# decision, not the name; 大会为A公司颁奖: the 为 of a giving, after 会 or 上 only: 华为 is a name)
COMPANY_CUT = re.compile(r"其中|包括|的是|的为|(?:项目|工程)[（(]|(?:投资方|投资主体|建设单位|实施主体)(?:为|是)|产业集聚区|开发区|高新区|示范区|副会长单位|会长单位|会员单位|理事单位|会员企业|单位|邀请|考察|走访|参观|组织|带领|同意|增补|吸纳|接纳|批准|推荐|(?<=[会上])为|分别是|分别为|以及|与|和|及|向|赴|对|了|的|在|由|就|等|、")
# 宣布项目开工 / 宣布全市…项目开工: the words of a ceremony, not a name
PROJECT_CUT = re.compile(r"随着|宣布|签约了|签约|开工了|开工|举行了|举行|签署了|签署|签订了|签订|包括|就|了|的|等|和|与|及|为|是|对|将|在|有|、")
# 其中X项目 is a class within a total told before it, not one project; nor 大项目好项目, classes in a row
GENERIC_PROJECT = re.compile(r"^[个年批类名项暨]|^其中|招商引资|(?:会|暨|建设重点|重点建设|重点|重大)项目$|^(?:(?:签约|开工|落地|在谈|新型产业|新兴产业|重点|重大|招商|合作|大型央企|央企|具体|好|大|新|各类|\d+亿元以上)*项目)+$")
# a tally over a span of the year, not at one event: 全年 / 截至 / 今年以来 / 年初签约项目19项 / 上半年
# (and the months or quarters of a year: 1-9月 / 1至5月 / 一季度 / 首季度 / 前两季度 / 上月 / 本月)
CAMPAIGN_HINT = re.compile(r"全市|全县|全区|全年|累计|截至|截止|今年以来|年初|上半年|下半年|前三季度|"
                           r"\d{1,2}\s?[-—–~至到]\s?\d{1,2}月(?!\d{1,2}[日号])|[一二三四1-4]季度|首季度|前[两二三]季度|上月|本月|当月")
# a figure, with the space some sites set around it (总投资达 101 亿元, 签约项目 19项)
# (a Chinese-numeral fraction too: 三十五点六亿元)
NUMBER = r"[ \t\u3000\xa0]?(\d+(?:,\d{3})*(?:\.\d+)?|[〇零一二三四五六七八九十百千万两]+(?:点[〇零一二三四五六七八九]+)?)[ \t\u3000\xa0]?"
# 亿 alone is 亿元 (3.5亿), never 亿美元 / 亿港元: another currency is not 亿元 (the sets' conventions)
# (60余亿元 / 60多亿元: about, the figure as stated)
# (86亿5000万元 / 八十六亿五千万元: 亿 and 万 together, one amount)
UNIT_WORDS = r"万亿元|亿元|万元|亿(?:\d{1,4}|[零〇一二三四五六七八九十百千两]+)万元?|亿(?![美港欧日英])"
UNIT = rf"(?:余|多)?({UNIT_WORDS})"
# an amount in another currency, which a signed tally keeps as no amount at all
FOREIGN_UNIT = r"(?:万|亿)(?:美元|港元|港币|欧元|日元|英镑)"


quicken_all(globals())  # every pattern above: a leading look-ahead of where it can start (lookahead.py)
