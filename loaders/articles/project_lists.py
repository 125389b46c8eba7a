"""Projects named one by one, with or without an event around them: lists after 分别是 / 重点推介,
a county signing a quoted project with its planned amount, and the county each one is in. A mixin of
the extractor (loaders/articles/extract.py), whose state (`t`, `f`, `places`, …) it reads.

The general form (`amount_projects`): a name ending in 项目/工程/基地/园/厂 with its amount right before
it (总投资X亿元的…) or right after it (…（总投资X亿元）, …，计划总投资X亿元, …落户<county>，总投资…), in an
article that tells of projects signed or started; its place is the county or zone its name opens with,
its clause names, it is placed in after it (落户/位于/在…, （<county>）), its sentence or paragraph names
(not one opening another project's name), else the article's only one. Also 项目名称/投资额/建设地点
records and tables of projects one a row. Amounts in 万元 become 亿元; 亿美元 gives none (the sets'
conventions); classes (农业项目6个, 亿元以上项目, 全县重点…项目) and published-only projects are none.

Who invests (`investor`): the company right before a project's name, the one company that signs or builds it
in its clause (X公司与Y县签约Z项目), the one told after it (由X公司投资建设 / 投资方为X公司 / （X公司，5亿元）).
Lists told 分别 pair their parties, projects and amounts in order (`paired_parties`, `settled_apart`); a
project a line with its cells apart by spaces (`project_rows`) and tables with an investor's column too.

Names listed without amounts (`named_lists`) at a signing or start the article tells of: what its meeting heard
of (会议听取A项目、B项目情况介绍), what the signed or started projects include (签约项目包括…), the names after
the verb (签约了…) or before it (A项目、B项目现场签约); each in its county, else the article's one county."""
from __future__ import annotations

import re
from functools import lru_cache

from loaders.articles import patterns as P
from loaders.articles import places
from loaders.articles.dates import amount_yi, to_number
from loaders.articles.entities import Place
from loaders.articles.lookahead import quicken_all
from loaders.text import fold

MID = 0.75

# the list opens: 签约的5个项目分别是: / 项目分别是: / 重点推介A、B和C等4个项目. 重点推介 opens a list only
# where the names run straight on from it: after a comma (…进行了重点推介，省工信厅、X管委会等单位负责人…)
# the clause goes on to who spoke, not to what was presented
_LIST_OPEN = re.compile(r"项目(?:分别)?(?:是|为|包括)[:：]|重点推介了?(?![，,。；;:：、\s])")
_ITEM_SPLIT = re.compile(r"、|；|;|以及|和(?=[^、]*等\d+个项目)")
# the parties before the project: X人民政府和Y有限公司签署(的)
_PARTIES = re.compile(r"^.*?(?:签署了|签署|签约了|签约|签订)(?:的)?")
_AMOUNT_AFTER = re.compile(rf"^[”\"]?[，,]?(?:由[^，,。；;]{{2,30}}?)?(?:拟投资|计划投资|总投资|投资)(?:金额|额)?(?:约|达|为)?{P.NUMBER}{P.UNIT}")
# <county>与<party>签约“<name>”,拟投资4850万元; 签署《<name>项目投资合作协议》
_QUOTED = re.compile(r"(?:签约|签署|签订)(?:了)?(?:“([^”]{4,40})”|《([^》]{4,40}?项目)[^》]{0,10}协议》"
                     r"|《([^》]{4,40}?)(?:框架|合作|战略|投资)*协议》)")
# the agreement's amount in the sentence after it: 。根据协议本次…总投资约200亿元
_AMOUNT_NEXT = re.compile(rf"^[。，,]?[^。；;]{{0,24}}?总投资(?:额)?(?:约|达|为)?{P.NUMBER}{P.UNIT}")
# 我们将投资约20亿元,建设<name>项目
_BUILD = re.compile(rf"投资(?:约|达)?{P.NUMBER}{P.UNIT}[，,]建设([^，,。；;]{{4,40}}?项目)")
# the zones the national and provincial lists name; a project list also knows parks and pilot zones
_DEV_ZONES = r"经济技术开发区|经济开发区|高新技术产业开发区|高新技术开发区|高新区"
# a city's development zone signing through its committee: 吕梁经济技术开发区管委会和…签署
_ZONE = re.compile(rf"[\u4e00-\u9fff]{{0,4}}?(?:{_DEV_ZONES}|开发区)(?=管委会|管理委员会)")
# a district the place list does not know, opening the clause that signs: 矿区与…, 城区区委…与
_DISTRICT = re.compile(rf"([{P.CJK}]{{1,3}}?区)(?=区委|区政府|人民政府|政府|与|和)")


# a list of projects each named after the zone or county it is in, ended by 等N个项目 and a signing:
# <zone>X项目,<zone>Y项目,…等14个项目…签约
_ZONE_SUFFIX = rf"{_DEV_ZONES}|产业集聚区|工业园区|产业园区|[{P.CJK}]{{0,8}}?示范区|开发区"
_ZONE_ITEM = re.compile(rf"([{P.CJK}]{{2,3}}?(?:{_ZONE_SUFFIX}))([^，,。；;]{{2,40}}?项目)(?=等\d+个项目|[，,。；;]|$)")
_COUNTY_ITEM = re.compile(r"[^，,。；;]{2,40}?项目")
# the items: split at commas, and at 、 only where a zone opens the next one (a name may hold 、)
_PIECE = re.compile(rf"(?:[^，,；;。、]|、(?![{P.CJK}]{{2,3}}?(?:{_ZONE_SUFFIX})))+")
_LIST_TOTAL = re.compile(r"等\d+个项目[^。；;]{0,12}?(?:签约|开工|落户|签署)")


# a list one project a line, each ended by 、, the last closed by 等N个项目, after 签约的有—— / 签约的项目是:
# 包括高新区的A、城区的B、X开发区的C等…项目: projects each after the county or zone it is in and 的, the
# list closed by 等…项目 (a tally of the kind: 等投资额10亿元以上项目10个)
_INCLUDING = re.compile(r"包括([^。；;]{6,300}?)等[^。；;，,]{0,20}?项目")
# (a place by its name: not 我县 / 本区 / 全市 / 该县)
_AT_PLACE = re.compile(rf"((?![我本全该各])[{P.CJK}]{{1,6}}?(?:{_DEV_ZONES}|开发区|示范区|园区|[县区]))的([^的]{{4,30}})")


# a project named without quotes right after the verb that signs it or builds it, the clause naming the
# county that is a party: X商会与浑源县政府签订花岗岩园区项目, / 阳高县与X有限公司投资建设Y项目。
# (digits only as a capacity: 签约200兆瓦风力发电项目 / 20000吨染料…项目)
_SIGNED_NAMED = re.compile(r"(?:签订|签署|签约)了?((?:[^，,。；;“”《》、的\d]|\d+(?:\.\d+)?(?=万?(?:兆瓦|千瓦|吨|MW|GW|头|只)))"
                           r"{4,30}?项目)(?=[，,。；;]|$)")
_TWO_NAMES = re.compile(r"(?:项目|工程)(?:和|及|与|以及)")
_BUILT_WITH = re.compile(r"(?:投资建设|合作建设|共同建设|联合建设)([^，,。；;“”《》、的\d]{4,30}?项目)(?=[，,。；;]|$)")


_LINE_LIST = re.compile(r"(?:签约|开工)的(?:项目)?(?:有|是|包括)[—\-:：]*[ \t]*\n((?:[^\n、]{2,40}、[ \t]*\n)+)"
                        r"([^\n、]{2,40}?)等(\d+)个项目")
_ZONE_NAME = re.compile(rf"[{P.CJK}]{{2,3}}?(?:{_ZONE_SUFFIX})")


# a word one of the project-list rules needs in its sentence
_PROJECT_WORD = re.compile(r"项目|工程|投资|签|建|开工|落户|落地|亿|万元")


class ProjectRules:
    def line_lists(self) -> None:
        """Projects listed one a line (此次集中签约的有——\nA、\nB、\nC等24个项目): each is signed, in the
        zone the article's tally of as many projects names (X开发区招商引资24个项目…签约), else in the
        county named last before the list."""
        for m in _LINE_LIST.finditer(self.t):
            stage = "开工" if m.group().startswith("开工") else "签约"
            tally = re.search(rf"({_ZONE_NAME.pattern})[^。，,；;\n]{{0,8}}?{m.group(3)}个项目[^。；;\n]{{0,30}}?签约",
                              self.t[:m.start()])
            zone = self._named_zone(tally.start(1), tally.end(1)) if tally else None
            spans = [(x.start(), x.end()) for x in re.finditer(r"[^\n、]+(?=、)", self.t[m.start(1):m.end(1)])]
            spans = [(m.start(1) + a, m.start(1) + b) for a, b in spans] + [(m.start(2), m.end(2))]
            for a, b in spans:
                a += len(self.t[a:b]) - len(self.t[a:b].lstrip())
                if b - a < 4 or _generic(self.t[a:b]):
                    continue
                self._project(a, b, a, stage, b, zone or None)
                self.listed_ends.add(b)

    def zone_list(self, i, j) -> None:
        """<zone>X项目,<zone>Y项目,…等14个项目…签约: each project in its zone (a county-level 开发区
        of the zone's city) or its county (洪洞县X项目), at least three items, the list closed by
        等N个项目 and the signing."""
        s = self.t[i:j]
        total = _LIST_TOTAL.search(s) if "个项目" in s else None  # its words, cheaply
        if not total:
            return
        items = []
        head = s[:total.start() + 1]
        for piece in _PIECE.finditer(head):
            text = piece.group().removesuffix("等")
            at = i + piece.start()
            m = _ZONE_ITEM.fullmatch(text)
            if m:
                items.append((at + m.start(1), at + m.end(1), at + m.end(2), None))
                continue
            # or after its county, written in full: 洪洞县X项目
            county = next((p for p in self.places_in(at, at + 1) if p.start == at and p.label == "County"
                           and self.t[p.end - 1] in "县区市"), None)
            m = county and _COUNTY_ITEM.fullmatch(self.t, county.end, at + len(text))
            if m:
                items.append((at, county.end, m.end(), county))
        if len(items) < 3:
            return
        stage = "开工" if "开工" in total.group() else "签约"
        for a, z, b, county in items:
            place = county or self._named_zone(a, z)
            self._project(z, b, i, stage, b, place or False)
            self.listed_ends.add(b)

    def _named_zone(self, a, z):
        """洪洞经济技术开发区 / 尧都高新区: a county-level 开发区 of the city its place is in (the article's
        city when the place is not known)."""
        place = next((p for p in self.places_in(a, z) if p.start == a), None)
        city = None
        if place is not None and place.label == "County" and place.id.count("/") == 1:
            city = places.county_city(place.id)
        elif place is not None and place.label == "City":
            city = place.name
        elif self.home is not None:
            city = self.home.name
        if city is None:
            return None
        name = self.written(a, z)
        zone = Place(a, z, f"county:{city}/{name}", "County", name, False)
        self.f.node(zone.id, "County", name, {"kind": "开发区"}, self.span(a, z), MID)
        return zone

    def including_list(self, i, j) -> None:
        """包括高新区的A、城区的B、屯留开发区的C等…项目: at least two items, each <county or zone>的<name>;
        signed (or started) when the paragraph has told of signing (or starting) by then."""
        m = _INCLUDING.search(self.t, i, j)
        if not m:
            return
        told = self.t[self.para_start:m.start()]
        if not re.search(r"签约|签署|签订|开工", told):
            return
        stage = "开工" if "开工" in told and "签" not in told else "签约"
        items, k = [], m.start(1)
        for piece in self.t[m.start(1):m.end(1)].split("、"):
            it = _AT_PLACE.fullmatch(piece)
            if it and not _generic(it.group(2)):
                items.append((k, k + it.end(1), k + it.start(2), k + it.end(2)))
            k += len(piece) + 1
        if len(items) < 2:
            return
        for a, z, b, e in items:
            county = next((p for p in self.places_in(a, z) if p.start == a and p.end == z and p.label == "County"),
                          None) or self._named_zone(a, z)
            self._project(b, e, i, stage, e, county or False)
            self.listed_ends.add(e)

    def named_after_verb(self, i, j) -> None:
        """X商会与浑源县政府签订花岗岩园区项目 / 阳高县与X公司投资建设Y项目: a project the clause's
        county signs or builds with another party (与); in that county."""
        if self.t.find("与", i, j) < 0:
            return  # (each project found needs 与 in its clause, inside the sentence: no scan without one)
        for rx in (_SIGNED_NAMED, _BUILT_WITH):
            last = None
            for m in rx.finditer(self.t, i, j):
                a, b = m.span(1)
                if b in self.listed_ends or _generic(self.t[a:b]) or _TWO_NAMES.search(self.t, a, b):
                    continue  # (签约A项目和B项目: two names, their counties told 分别, not one project)
                clause = max(i, max(self.t.rfind(x, i, m.start()) for x in "；;。，,:：") + 1)
                if "与" not in self.t[clause:m.start()]:
                    continue
                counties = [p for p in self.places_in(clause, m.start()) if p.label == "County"
                            and not self._inside_entity(p.start)]
                if not counties and last and self.t[clause:m.start()].startswith("与") \
                        and self.t[clause - 1] in "；;":
                    counties = [last]  # X市与A公司签约P项目；与B公司签约Q项目: the series' county goes on
                if not counties:
                    continue
                last = counties[-1]
                pid = self._project(a, b, i, "签约", b, counties[-1])
                self.listed_ends.add(b)
                if rx is _SIGNED_NAMED and self.event:  # signed at the sentence's event
                    self.f.rel("SIGNED", self.event, pid, {}, self.span(a, b), MID)

    def counted_names(self, i, j) -> None:
        """签约A和B两个项目 / 签约A、B、C三个项目: the names, as many as the count after them says; the total
        after them is the tally's, no one project's amount."""
        if "个项目" not in self.t[i:j]:
            return
        for m in _COUNTED_NAMES.finditer(self.t, i, j):
            pieces = list(re.finditer(r"[^、和]+", m.group(1)))
            n = to_number(m.group(2))
            if n != len(pieces) or n < 2 or any(len(x.group()) < 4 or _generic(x.group()) for x in pieces):
                continue
            for x in pieces:
                a, b = m.start(1) + x.start(), m.start(1) + x.end()
                # (no text after it to take an amount from: len(self.t))
                self._project(a, b, i, "签约", len(self.t), self._project_place(i, j, a, b) or False)
                self.listed_ends.add(b)
            self.listed_ends.add(m.end())

    def representative_list(self, i, j) -> None:
        """此次集中开工的49个项目以A、B、C等项目为代表: the projects named as the total's examples, where
        the clause before says they were signed or started; each in the county its name opens with."""
        if "为代表" not in self.t[i:j]:
            return
        m = _REPRESENTED.search(self.t, i, j)
        if not m or not _SIGNS_OR_STARTS_WORD.search(self.t, i, m.start()):
            return
        stage = "开工" if "开工" in self.t[i:m.start()] and "签" not in self.t[i:m.start()] else "签约"
        pieces = [x for x in re.finditer(r"[^、，,]+", m.group(1))]
        names = [(m.start(1) + x.start(), m.start(1) + x.end()) for x in pieces
                 if re.search(r"(?:项目|工程|基地|园区|园|厂)$", x.group())]
        if len(names) < 2 or len(names) != len(pieces) or any(len(self.t[a:b]) < 5 or _generic(self.t[a:b])
                                                                 for a, b in names):
            return
        for a, b in names:
            self._project(a, b, i, stage, len(self.t), self._project_place_from(a, b, at_start=True) or False)
            self.listed_ends.add(b)

    def project_lists(self, i, j) -> None:
        if not _PROJECT_WORD.search(self.t, i, j):
            return  # (most sentences name no project: one look for its words instead of a dozen rules' patterns)
        if "分别" in self.t[i:j]:
            self.paired_parties(i, j)
            self.settled_apart(i, j)
        self.zone_list(i, j)
        self.including_list(i, j)
        self.named_after_verb(i, j)
        self.counted_names(i, j)
        self.representative_list(i, j)
        s = self.t[i:j]
        opened = _LIST_OPEN.search(s)
        # what is 重点推介(了) is projects only where the clause says so (…等4个项目): not 重点推介了营商环境
        if opened and opened.group().startswith("重点推介") and "项目" not in re.split(r"[，,；;。]", s[opened.end():])[0]:
            opened = None
        if opened:
            # (开工项目分别是：… were started, not signed)
            stage = "推介" if opened.group().startswith("重点推介") else _stage_of(self.t[i:i + opened.end()])
            k = i + opened.end()
            items = _ITEM_SPLIT.split(self.t[k:j])
            # when the items name who signed, an item without them is not one (a list cut short)
            with_parties = any(_PARTIES.match(x) for x in items)
            for item in items:
                a = self.t.find(item, k)
                k = a + len(item)
                if with_parties and not _PARTIES.match(item):
                    continue
                self._listed_project(a, k, i, stage)
        for m in _QUOTED.finditer(s):
            g = next(k for k in (1, 2, 3) if m.group(k))
            a, b = i + m.start(g), i + m.end(g)
            if _generic(self.t[a:b]):
                continue
            clause = i + max(s.rfind(x, 0, m.start()) for x in "；;。，,:：") + 1  # 矿区与…签约“…”
            county = self._county_at(clause, a) or self._district(clause, a) or False
            self._project(a, b, i, "签约", i + m.end(), county)
        for m in _BUILD.finditer(s):
            a, b = i + m.start(3), i + m.end(3)
            if not _generic(self.t[a:b]):
                self._project(a, b, i, "签约", b, False, amount=amount_yi(m.group(1), m.group(2)))
        self.named_lists(i, j)
        self.respective_amounts(i, j)
        self.amount_projects(i, j)

    def paired_parties(self, i, j) -> None:
        """A、B分别与C、D签约P项目、Q项目(，投资额分别为X、Y): the parties, the projects (and their amounts)
        paired in order, one side the counties, the other (may be) the companies; as many of each, or none."""
        for m in _PAIRED.finditer(self.t, i, j):
            clause = max(i, max(self.t.rfind(x, i, m.start()) for x in "，,；;。：:\n") + 1)
            sides = [_items(self.t, clause, m.start()), _items(self.t, m.start(1), m.end(1))]
            names = _items(self.t, m.start(2), m.end(2), _NAMES_APART)
            counties = next((x for x in ([self._county_cell(a, b) for a, b in side] for side in sides) if all(x)), None)
            if not counties or len(counties) != len(names) or any(not _ROW_NAME.search(self.t, a, b) or
                                                                  a_class(self.t[a:b]) for a, b in names):
                continue
            other = sides[1] if counties[0].start == sides[0][0][0] else sides[0]
            companies = [next(((a, b) for a, b, _ in self.companies if (a, b) == x), None) for x in other]
            companies = companies * len(names) if len(companies) == 1 else companies  # 分别与X公司签约A、B
            companies = companies if len(companies) == len(names) else [None] * len(names)
            amounts = self._amounts_apart(m.end(), j, len(names))
            for (a, b), county, company, amount in zip(names, counties, companies, amounts):
                pid = self._project(a, b, i, "签约", b, county, amount=amount)
                self.listed_ends.add(b)
                if company:
                    self.f.rel("INVESTS_IN", self.company_node(*company), pid, {}, self.span(company[0], b), MID)
                if self.event:
                    self.f.rel("SIGNED", self.event, pid, {}, self.span(a, b), MID)

    def settled_apart(self, i, j) -> None:
        """(X公司)P项目、(Y公司)Q项目分别落户A县、B县(，投资额分别为…): each project its county (and amount,
        and the company opening its item), in order; as many of each, or none."""
        for m in _SETTLED_APART.finditer(self.t, i, j):
            clause = max(i, max(self.t.rfind(x, i, m.start()) for x in "，,；;。：:\n") + 1)
            items = _items(self.t, clause, m.start(), _NAMES_APART)
            counties = [self._county_cell(a, b) for a, b in _items(self.t, m.start(1), m.end(1))]
            if len(items) < 2 or len(counties) != len(items) or not all(counties):
                continue
            firms = [next(((x, y) for x, y, _ in self.companies if x == a and y < b), None) for a, b in items]
            names = [(f[1] if f else a, b) for (a, b), f in zip(items, firms)]
            if any(not _ROW_NAME.search(self.t, a, b) or len(self.t[a:b]) < 4 or a_class(self.t[a:b]) for a, b in names):
                continue
            amounts = self._amounts_apart(m.end(), j, len(names))
            stage = _stage_of(self.t[self.para_start:j])
            for (a, b), county, firm, amount in zip(names, counties, firms, amounts):
                pid = self._project(a, b, i, stage, b, county, amount=amount)
                self.listed_ends.add(b)
                if firm:
                    self.f.rel("INVESTS_IN", self.company_node(*firm), pid, {}, self.span(firm[0], b), MID)
                if self.event and stage == "签约":
                    self.f.rel("SIGNED", self.event, pid, {}, self.span(a, b), MID)

    def _amounts_apart(self, k, j, n) -> list:
        """The n amounts told 分别 after k in its sentence (，投资额分别为8.6亿元、6亿元), each 亿元 or None."""
        stop = min([j] + [x for x in (self.t.find(c, k, j) for c in "；;。") if x >= 0])
        told = _RESPECTIVE.search(self.t, k, stop)
        found = list(re.finditer(rf"(?:{P.NUMBER}){_CURRENCY}", self.t[told.end():stop])) if told else []
        return [_amount(x.group(1), x.group(2)) for x in found] if len(found) == n else [None] * n

    def _county_cell(self, a, b):
        """The county that a..b names, wholly (not one inside a longer name)."""
        return next((p for p in self.places_in(a, b) if p.label == "County" and (p.start, p.end) == (a, b)), None)

    # ----- projects named in a list, with no amount --------------------------------------------
    def named_lists(self, i, j) -> None:
        """Projects named one after another without amounts at a signing or a start: what the meeting heard
        of (会议听取A项目、B项目情况介绍 / 介绍了…的基本情况), what the signed or started projects include
        (签约项目包括 / 开工的有 / 其中包括), what was signed or started (签约了A项目、B项目), or the names
        before the verb (A项目、B项目进行了现场签约). The list splits only after a name's 项目 or 工程, so
        a name may hold 与 / 和 / 及 (稀土与锂资源…项目) and open with a capacity (年产5000吨…项目); every
        item must be one project's name, or none is taken. Each in the county its name opens with, its
        clause or sentence names, else the article's one county."""
        s = self.t[i:j]
        if "项目" not in s and "工程" not in s:
            return
        occasion = self.event or (self.last_event if len(self.events_told()) == 1 else None)
        if occasion is None:
            return
        kind = self.f.nodes[occasion].properties.get("kind") or ""
        signs = _NAMES_DONE.search(s)
        lists = []
        if kind in ("签约仪式", "开工仪式") or _NAMES_DONE.search(self.f.nodes[occasion].name):
            for m in _NAMES_HEARD.finditer(self.t, i, j):  # 会议听取… / 介绍了…: what the occasion presented
                lists.append((m.end(), _HEARD_TAIL, "开工" if kind == "开工仪式" else "签约", None))
        if signs:
            for m in _NAMES_HEAD.finditer(self.t, i, j):  # 签约项目包括… / 开工的有… / 签约了…
                done = self.t[i:m.end()]
                if _NAMES_DONE.search(done):  # (项目包括…: the items may end in 园 / 厂 / 基地 …)
                    wide = _ITEM_ENDS_WIDE if m.group().startswith(("项目", "工程")) else None
                    lists.append((m.end(), _NAMES_TAIL, _stage_of(done), wide))
            for c in [i] + [k + 1 for k in range(i, j) if self.t[k] in "，,：:；;"]:
                lists.append((c, _VERB_TAIL, None, None))  # A项目、B项目进行了现场签约
        for start, tail, stage, ends in lists:
            items, end = self._name_list(start, j, tail, ends)
            if not items:
                continue
            # one name before a bare verb (…按照项目开工建设) is too weak: two names, or a word of the occasion
            # between (现场 / 同时 / 正式 / 在仪式上 …); the event's own project rule reads the rest
            if tail is _VERB_TAIL and len(items) < 2 and not _AT_OCCASION.search(self.t, items[-1][1], end):
                continue
            if stage is None:  # the verb after the names says what was done
                stage = _stage_of(self.t[end:j])
            if "分别" in self.t[end:j]:
                continue  # A项目、B项目，总投资分别为…: each its amount (respective_amounts)
            last = items[-1][1]
            if _AMOUNT_BY.match(self.t, last, j) or self.t[j - 1:j] == "。" and _THIS_ONE.match(self.t, j):
                items = items[:-1]  # …项目，总投资X亿元 / …项目成功签约。该项目总投资…: the amount rule's
            for a, b in items:
                place = self._project_place(i, j, a, b) or self._only_place(a) or False
                pid = self._project(a, b, i, stage, len(self.t), place)  # (no amount looked for after it)
                self.listed_ends.update(x.end() for x in _ITEM_END.finditer(self.t, a, b))  # (…项目生产项目: one)
                if stage == "签约":
                    self.f.rel("SIGNED", occasion, pid, {}, self.span(a, b), MID)

    def _name_list(self, k, j, tail, ends=None):
        """The names from k, joined by 、 / 和 / 及 / 与 / ；, the list ended by `tail`: (the spans, where the
        list ends), or ([], k) when any item is no project's name. Each name ends at the first 项目 or 工程
        (or, after a head that says 项目, 园 / 厂 / 基地 / 中心 …: `ends`) that a separator and another name,
        or the list's end, follows; so a name may hold 与 / 和 / 及. An item with its amount attached
        (A项目（总投资2亿元）) is left to the amount rule; a list that opens its line's end (开工的项目有：)
        runs on over the lines after it, one name a line."""
        ends = ends or _ITEM_END
        items = []
        if tail is not _VERB_TAIL and re.match(r"[:：]?[ \t]*\n", self.t[k:j + 1]) and j < len(self.t):
            return self._name_lines(j)
        at = k
        while True:
            a = at + len(_ITEM_LEAD.match(self.t, at, j).group())
            stop = _ITEM_STOP.search(self.t, a, j)
            stop = stop.start() if stop else j
            for m in ends.finditer(self.t, a, stop):
                b = m.end()
                if b - a < 5:
                    continue
                aside = _ITEM_ASIDE.match(self.t, b, j)
                after = aside.end() if aside else b
                sep = _ITEM_SEP.match(self.t, after, j)
                nxt = sep and _ITEM_STOP.search(self.t, sep.end(), j)
                if sep and ends.search(self.t, sep.end(), nxt.start() if nxt else j):
                    break  # another name follows
                ended = tail.match(self.t, after, j)
                if ended:
                    sep = None
                    break
            else:
                return [], k
            if b in self.listed_ends or not self._one_name(a, b):
                return [], k
            attached = _AMOUNT_BY.match(self.t, b, j) if aside else None
            if not attached and not _AMOUNT_OF.search(self.t, max(k, a - 30), a):
                items.append((a, b))
            if sep:
                at = sep.end()
                continue
            return items, ended.end()

    def _name_lines(self, j):
        """开工的项目有：⏎1. A项目⏎2. B工程: the names one a line after the head, numbered or not."""
        items, k = [], j
        while k < len(self.t) and self.t[k] == "\n":
            m = _NAME_LINE.match(self.t, k + 1)
            if not m:
                break
            a, b = m.span(1)
            if b in self.listed_ends or not self._one_name(a, b):
                return [], j
            items.append((a, b))
            k = m.end()
        if (tail := _LINE_TAIL.match(self.t, k)) and _AMOUNT_OPENS_LINE.match(self.t, tail.end()):
            return [], j  # the names, then a line with their total: the amount rule's call (none of them)
        return (items, j) if len(items) >= 2 else ([], j)

    def _one_name(self, a, b) -> bool:
        """Is t[a:b] one project's name (not a class, a kind counted, a clause or figures)?"""
        name = self.t[a:b]
        core = name[:-len(_ITEM_WIDE.search(name).group())]
        if len(name) < 5 or not re.search(rf"[{P.CJK}]", core) or core[-1] in "、和及与的" \
                or _NOT_IN_NAME.search(name) or _NOT_NAME_START.match(name) or a_class(name) or _NOT_ONE.search(name):
            return False
        return not re.search(r"\d", _CAPACITY.sub("", name))

    def _listed_project(self, a, b, i, stage) -> None:
        item = self.t[a:b]
        parties = _PARTIES.match(item)
        start = a + (parties.end() if parties else 0)
        end = start + len(re.sub(r"(?:等\d+个项目)?[。；;，,]*$", "", self.t[start:b]))
        comma = re.search(r"[，,]", self.t[start:end])  # A项目，投资5亿元: the name ends at its comma
        end = start + comma.start() if comma else end
        # A（6亿元）: the item's amount in brackets after its name
        amount, told = None, re.search(rf"[（(][约超逾]?(?:{P.NUMBER}){_CURRENCY}[)）]$", self.t[start:end])
        if told:
            end, amount = start + told.start(), _amount(told.group(1), told.group(2))
        firm = next(((x, y) for x, y, _ in self.companies if x == start and y < end), None)
        start = firm[1] if firm else start  # X有限公司Y项目，…: the company invests, the name is Y项目 (investor)
        name = self.t[start:end]
        if len(name) < 4 or _generic(name) or not re.search(rf"[{P.CJK}]", name):
            return
        county = (self._county_at(a, start) or False) if parties else None
        if firm and not parties:  # …项目，投资8.6亿元，落户高平市: where the item places it
            county = self._project_place(a, b, start, end)
        self._project(start, end, i, stage, end, county, amount=amount)

    def _county_at(self, a, b):
        """The county that signs (平鲁区人民政府和…签署) or whose company signs (介休市志尧碳素…)."""
        for p in self.places_in(a, b):
            if p.start == a and p.label == "County":
                return p
        return self._zone(a, b)

    def _zone(self, a, b):
        """A development zone named after its city (吕梁经济技术开发区管委会): a county-level
        division of kind 开发区 of that city. A zone named after no city gives none."""
        city = self.places.at(self.t, a, ("City",))
        m = city and _ZONE.match(self.t, city.end, b)
        if not m or city.name in places.MUNICIPALITIES + places.SARS:
            return None
        name = self.written(a, m.end())
        zone = Place(a, m.end(), f"county:{city.name}/{name}", "County", name, False)
        self.f.node(zone.id, "County", name, {"kind": "开发区"}, self.span(a, m.end()), MID)
        return zone

    def _district(self, a, b):
        """矿区 / 城区 of the article's city: a district the place list does not know (old names)."""
        m = _DISTRICT.match(self.t, a, b)
        if not m or self.places_in(a, m.end()):
            return None
        cities = [p for p in self.places_in(self.para_start, a) if p.label == "City"]
        city = cities[-1] if cities else self.home
        if city is None:
            return None
        return Place(a, m.end(), f"county:{city.name}/{m.group(1)}", "County", m.group(1), False)

    def _county_before(self, at):
        """The county named last before the project (in the name, its sentence or before)."""
        counties = [p for p in self.places_in(max(self.para_start - 400, 0), at) if p.label == "County"]
        return counties[-1] if counties else None

    def _project(self, start, end, i, stage, after, county=None, amount=None) -> str:
        name = self.written(start, end)
        pid = self._told_before(name) or f"project:{name}"
        pid = self.f.node(pid, "Project", name, {"stage": stage}, self.span(start, end), MID)
        props = self.f.nodes[pid].properties
        found = _AMOUNT_AFTER.match(self.t[after:after + 24]) or _AMOUNT_NEXT.match(self.t[after:after + 48])
        if found and amount is None:
            amount = amount_yi(found.group(1), found.group(2))
        if amount is not None and "amount_yi" not in props:
            props["amount_yi"] = amount
        if stage == "签约" and self.event_date:
            props.setdefault("signed_on", self.event_date)
        inside = [p for p in self.places_in(start, end) if p.label == "County" and p.start == start]
        if not county:  # False: the parties are named and none is a county; the name's own may be
            county = inside[0] if inside else None if county is False else self._county_before(start)
        if county:
            cid = self.place_node(county, county.start, county.end, MID)
            self.f.rel("LOCATED_IN", pid, cid, {}, self.span(min(start, county.start), max(end, county.end)), MID)
        self.investor(pid, i, start, end)
        return pid

    def investor(self, pid, i, start, end) -> None:
        """The company that invests in the project named at start..end: its name right before the project's
        (X有限公司(的)Y项目); the one company of its clause (or the clause before) that signs or builds it
        (X公司与Y县签约Z项目 / Y县与X公司签订Z项目 / X公司与Y县签约，投资5亿元建设Z项目 / X公司计划投资5亿元在
        Y县建设Z项目); or the one told after it that builds it (Z项目，总投资…，由X公司投资建设 / 投资方为X公司), or in
        brackets (Z项目（X公司，5亿元）)."""
        if not self.companies:
            return
        clause = max(i, max(self.t.rfind(x, i, start) for x in "，,；;。：:\n") + 1)
        prev = max(i, max(self.t.rfind(x, i, clause - 1) for x in "，,；;。：:\n") + 1) \
            if clause > i and self.t[clause - 1] in "，," else clause
        stop = min(k for k in [len(self.t)] + [self.t.find(x, end) for x in "；;。\n"] if k >= 0)
        firms = [(a, b) for a, b, _ in self.companies if prev <= a and b <= start]
        for a, b in firms:  # (one company only: not 甲公司、乙公司分别与…签约)
            if clause <= a and self.t[b:start] in ("", "的") or len(firms) == 1 and _SIGNS_IT.fullmatch(self.t, b, start):
                self.f.rel("INVESTS_IN", self.company_node(a, b), pid, {}, self.span(a, end), MID)
        for a, b, _ in self.companies:
            if end <= a < stop and (self.t[a - 1:a] == "由" and _BUILDS.match(self.t, b) or _INVESTOR_IS.search(self.t, end, a)
                                    or a == end + 1 and self.t[end] in "（(") \
                    and not _NAME_END.search(self.t, end, a):
                self.f.rel("INVESTS_IN", self.company_node(a, b), pid, {}, self.span(start, b), MID)

    def _told_before(self, name: str) -> str | None:
        """The project a shorter retelling names: 聚义富康500万吨焦化项目 after 聚义富康年产500万吨焦化项目."""
        key = _retold(name)
        return next((n.id for n in self.f.nodes.values() if n.label == "Project" and n.name != name
                     and _retold(n.name) == key), None)

    def _another_name_after(self, end: int, j: int) -> bool:
        """Does the sentence name another project after `end`? Not where a clause says where it is or what
        it is (，位于X产业园，是省市重点项目)."""
        for m in _NAME_END.finditer(self.t, end, j):
            clause = max(self.t.rfind(x, end, m.start()) for x in "，,") + 1
            if not _DESCRIBES.match(self.t, clause if clause > 0 else end):
                return True
        return False

    # ----- a project named with its amount next to it -------------------------------------------
    def amount_projects(self, i, j) -> None:
        """<name>项目（总投资X亿元） / 总投资X亿元的<name>项目 / …项目，计划总投资X亿元: a name ending in
        项目/工程/基地/园/厂 with its amount right before or after it is one project, wherever the
        article says projects were signed or started; in the county or zone its clause names."""
        s = self.t[i:j]
        if not hasattr(self, "_tells_done"):  # once an article: does it tell of projects signed or started
            self._tells_done = bool(_DONE.search(self.t))
        if not self._tells_done or _PUBLISHED.search(s) and not _DONE.search(s) or not _NAME_END.search(s):
            return
        told = self.t[self.para_start:j]  # what the paragraph says was done, else what the article says
        told = told if _DONE_TOLD.search(told) else self.t
        stage = "开工" if "开工" in told and not _SIGNED_TOLD.search(told if told is self.t else s) else "签约"
        for m in _NAME_END.finditer(self.t, i, j):
            end = m.end()
            if end in self.listed_ends or not _NAME_STOP.match(self.t, end) or _KIND_COUNT.match(self.t, end):
                continue
            after = _AMOUNT_BY.match(self.t, end, j)
            if after and _OPENS_NEXT.match(self.t, after.end()):
                after = None  # A项目,总投资0.6亿元的B项目: the amount is B's, told before its name
            if not after:  # 示例X项目（孝义市）⏎总投资12亿元: a name ending its line, its amount opening the next
                line = _LINE_TAIL.match(self.t, end)  # (not a record's field: project_records reads those)
                field = _FIELD_NAME.match(self.t, self.t.rfind("\n", 0, end) + 1)
                home = self.t.rfind("\n", 0, end)  # (not the last of names one a line: the amount is their total)
                listed = home > 0 and _BARE_NAME_LINE.fullmatch(self.t, self.t.rfind("\n", 0, home) + 1, home)
                after = line and not field and not listed and _AMOUNT_OPENS_LINE.match(self.t, line.end())
            if not after and not self._another_name_after(end, j) and self.t[j - 1:j] == "。":
                after = _THIS_ONE.match(self.t, j)  # …项目现场。该项目总投资6.2亿元
            if not after and not _FIGURE_OF.search(self.t, max(i, m.start() - 50), m.start()):
                continue  # no amount after it, none before it (…亿元…的…): the name is not worth finding
            start = self._project_name_start(i, m.start())
            lead = None
            if not after:
                # 总投资5.5亿元的X集团Y分公司Z及W项目: the whole run after the amount's 的 is the name, its
                # company and 及 with it (one name of a list of 总投资…的… items)
                clause = max(i, max(self.t.rfind(x, i, m.start()) for x in "，,；;。：:") + 1)
                lead = next(reversed(list(_AMOUNT_LEADS.finditer(self.t, clause, m.start()))), None)
                if lead and (m.start() - lead.end() > 40 or "的" in self.t[lead.end():m.start()]
                             or lead.end() >= start):
                    lead = None
                start = lead.end() if lead else start
            if _WHERE.search(self.t, max(i, start - 4), start):
                continue
            name = self.t[start:end]
            if _PLACED_INSIDE.search(name):
                continue  # 总投资8亿元的X项目在Y县Z工业园: the name is X项目, the rest where it is
            if len(name) - len(m.group()) < 3 or a_class(name) or _NOT_ONE.search(name) \
                    or re.search(r"\d+(?:\.\d+)?(?:个|项|批|亿元|万元|元|亿(?![立千吨度方]))", name):
                continue
            before = None if after else lead or _AMOUNT_OF.search(self.t, max(i, start - 30), start)
            found = after or before
            if not found:
                continue
            amount = _amount(found.group(1), found.group(2))
            place = self._project_place(i, j, start, end)
            if not place and found.start() >= j:  # 该项目…在浑源县建设…: the place the next sentence puts it in
                place = next((p for p in self.places_in(j, found.end()) if p.label == "County"
                              and _PLACED_AT.search(self.t, max(j, p.start - 12), p.start)), None)
            pid = self._project(start, end, i, stage, end, place or False, amount=amount)
            self.listed_ends.add(end)
            # as the event's own project rule does; a paragraph that opens by going on with the one before
            # (其中，… on a line of its own), or any in an article telling of one signing, is at that one's event
            event = self.event or (self.last_event if self.last_event and (
                _GOES_ON.match(self.t, self.para_start) or len(self.events_told()) == 1
                and self.f.nodes[self.last_event].properties.get("kind") == "签约仪式") else None)
            if stage == "签约" and event:
                self.f.rel("SIGNED", event, pid, {}, self.span(start, end), MID)
            for a, b, _ in self.companies:  # X公司投资建设的Y项目 / X公司投资12亿元的Y项目
                if i <= a < start and _INVESTS.fullmatch(self.t, b, start):
                    self.f.rel("INVESTS_IN", self.company_node(a, b), pid, {}, self.span(a, end), MID)

    def respective_amounts(self, i, j) -> None:
        """A项目、B项目和C项目总投资分别为3亿元、2亿元和1亿元: each name its amount, in order, where the
        names and the amounts are as many."""
        if "分别" not in self.t[i:j]:
            return
        for m in _RESPECTIVE.finditer(self.t, i, j):
            clause = max(i, max(self.t.rfind(x, i, m.start()) for x in "；;。，,:：") + 1)
            upto = m.start()
            done = _DONE_APART.search(self.t, i, m.start()) if clause == m.start() else None
            if done and done.end() == m.start():  # A项目、B项目分别签约，总投资分别为…
                upto = done.start()
                clause = max(i, max(self.t.rfind(x, i, upto) for x in "；;。，,:：") + 1)
            ends = [e.end() for e in _NAME_END.finditer(self.t, clause, upto)
                    if re.match(r"[、和及与]|$", self.t[e.end():upto]) or e.end() == upto]
            stop = min([j] + [k for k in (self.t.find(x, m.end(), j) for x in "；;。，,") if k >= 0])
            amounts = list(re.finditer(rf"(?:{P.NUMBER}){_CURRENCY}", self.t[m.end():stop]))
            if len(ends) < 2 or len(ends) != len(amounts) or any(e in self.listed_ends for e in ends):
                continue
            starts = [clause] + ends[:-1]  # (each name from the end of the one before)
            names = []
            for a, e in zip(starts, ends):
                a = self._project_name_start(a, e - 2 if self.t[e - 2:e] in ("项目", "工程", "基地", "园区") else e - 1)
                a += len(re.match(r"[、和及与]?", self.t[a:e]).group())
                names.append((a, e))
            if any(len(self.t[a:e]) < 5 or a_class(self.t[a:e]) for a, e in names):
                continue
            told = self.t[self.para_start:j]
            stage = "开工" if "开工" in told and not re.search("签[约署订]", told) else "签约"
            for (a, e), amount in zip(names, amounts):
                pid = self._project(a, e, i, stage, e, self._project_place(i, j, a, e) or False,
                                    amount=_amount(amount.group(1), amount.group(2)))
                self.listed_ends.add(e)
                if stage == "签约" and self.event:  # (at the sentence's event, as the other list rules)
                    self.f.rel("SIGNED", self.event, pid, {}, self.span(a, e), MID)

    def _project_name_start(self, i, k) -> int:
        """Where the name ending at k begins: the run of name characters before it, after the last
        word that links it to the clause (的, 在, 签约, 其中, 一是…) or the company before it."""
        left = k
        while left > i and k - left < 40 and _NAME_CHAR.match(self.t[left - 1]):
            left -= 1
        run = self.t[left:k]
        cuts = [c.end() for rx in (P.PROJECT_CUT, P.COMPANY_END, _NAME_CUT) for c in rx.finditer(run)]
        # a cut inside a place's name is none (和顺县, 和林格尔县: 和 opens the county, links nothing)
        held = [(p.start, p.end) for p in self.places_in(left, k)]
        cuts = [next((a - left for a, b in held if a < left + c < b), c) for c in cuts]
        start = left + max(cuts, default=0)
        lead = re.match(r"[\d.]+(?![\d.]*[万吨亩米])", self.t[start:k])  # 1.高端… (a list's number)
        return start + (lead.end() if lead else 0)

    def _project_place(self, i, j, start, end):
        """The county or zone of a project: the one its name begins with; else the last one named in
        its clause before it; else the one it is placed in after it (落户介休市, 在孝义市开工, 位于…);
        else the last one named before it in its sentence, then its paragraph."""
        prefix = self._project_place_from(start, end, at_start=True)
        if prefix:
            return prefix
        clause = max(i, max(self.t.rfind(x, i, start) for x in "；;。，,:：") + 1)
        here = self._project_place_from(clause, start)
        if here:
            return here
        stop = min([j] + [k for k in (self.t.find(x, end, j) for x in "；;。") if k >= 0])
        aside = _ASIDE_AFTER.match(self.t, end)  # …项目（总投资：3亿元；建设地点：阳曲县）: the brackets are its
        stop = max(stop, end + aside.end()) if aside else stop
        for p in self.places_in(end, stop):
            placed = _PLACED.search(self.t, end, p.start) or self.t[end:p.start] in ("（", "(")  # …项目（平遥县）
            if p.label == "County" and placed and not self._inside_entity(p.start):
                return p
        for a, z in self._project_zones(end, stop):  # …项目落户阳泉经济技术开发区: the zone it is placed in
            if _PLACED.search(self.t, end, a) and not self._inside_entity(a):
                named = self._named_zone(a, z)
                if named:
                    return named
        zone = _SETTLES_IN_ZONE.search(self.t, end, stop)
        if zone and not self.places_in(zone.start(1), zone.end(1)):
            # …项目，总投资91亿元，落地中北高新区: a zone of its own name, in the article's city, else in the
            # city its paragraph named last, else in the only city the article named before it
            named = self._named_zone(zone.start(1), zone.end(1))
            cities = [] if named else [p for p in self.places_in(0, end) if p.label == "City"]
            city = next((p for p in reversed(cities) if p.start >= self.para_start), None) or \
                (cities[-1] if len({p.id for p in cities}) == 1 else None)  # else the one city the article named
            if city is not None:
                name = self.written(zone.start(1), zone.end(1))
                named = Place(zone.start(1), zone.end(1), f"county:{city.name}/{name}", "County", name, False)
                self.f.node(named.id, "County", name, {"kind": "开发区"}, self.span(named.start, named.end), MID)
            return named
        return self._project_place_from(i, start, names=False) or \
            self._project_place_from(self.para_start, i, names=False) or self._only_place(start)

    def _only_place(self, at):
        """The county or zone of an article that has named only that one before `at` (临猗县…集中开工
        in its first paragraph, the projects in a later one); a county with zones named after it is
        that county."""
        counties = [p for p in self.places_in(0, at) if p.label == "County" and not self._inside_entity(p.start)]
        ids = {p.id for p in counties}
        zones = self._project_zones(0, at)
        if len(ids) == 1:
            county = counties[-1]
            named_after = all(any(p.start == z[0] and p.id == county.id for p in counties) for z in zones)
            return county if named_after else None
        if not ids and len({self.t[a:z] for a, z in zones}) == 1:
            return self._named_zone(*zones[-1])
        return None

    def _project_zones(self, a, b):
        """The development zones named in a..b after a place: 晋中经济技术开发区, 长治高新区, 山西综改区."""
        out = []
        for p in self.places_in(a, b):
            m = _ZONE_TAIL.match(self.t, p.end)
            if m and m.end() <= b:
                out.append((p.start, m.end()))
        return out

    def _project_place_from(self, a, b, at_start=False, names=True):
        """The county or development zone named last in a..b (or the one at a, with at_start); without
        `names`, not one that opens another project's name (临猗开发区新型建材产业园项目)."""
        found = [p for p in self.places_in(a, b) if p.label == "County" and p.end <= b
                 and not self._inside_entity(p.start)]
        zones = self._project_zones(a, b)
        if not names:
            found = [p for p in found if not _OPENS_NAME.match(self.t, p.end)]
            zones = [z for z in zones if not _OPENS_NAME.match(self.t, z[1])]
        if at_start:
            found = [p for p in found if p.start == a and self.t[p.end - 1] in "县区市"]  # not 五台山…
            zones = [z for z in zones if z[0] == a]
        best = max(found, key=lambda p: p.end, default=None)
        zone = max(zones, key=lambda z: z[1], default=None)
        if zone and (best is None or zone[1] > best.end):
            return self._named_zone(*zone) or self._project_province_zone(*zone)
        return best

    def _project_province_zone(self, a, z):
        """山西综改区: a zone named after the province, a county-level division of it."""
        place = next((p for p in self.places_in(a, z) if p.start == a and p.label == "Province"), None)
        if place is None:
            return None
        name = self.written(a, z)
        zone = Place(a, z, f"county:{place.name}/{name}", "County", name, False)
        self.f.node(zone.id, "County", name, {"kind": "开发区"}, self.span(a, z), MID)
        return zone

    def project_tables(self) -> None:
        """A table of projects, one a row (Markdown | or tab cells), under a header naming the project,
        its investment (in 亿元 or 万元, as the header says) and where it is built."""
        if "|" not in self.t and "\t" not in self.t and "  " not in self.t and "\u3000" not in self.t:
            return
        lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", self.t)]
        self._rows_signed = []
        k = 0
        while k < len(lines):
            head = _cells(*lines[k])
            cols = {key: next((c for c, (_, _, text) in enumerate(head) if rx.search(text)), None)
                    for key, rx in _COLUMNS.items()}
            k += 1
            if len(head) < 2 or cols["name"] is None or cols["amount"] is None:
                continue
            unit = "万元" if "万" in head[cols["amount"]][2] else "亿元"
            before = self.t[max(0, lines[k - 1][0] - 300):lines[k - 1][0]]
            stage = "开工" if "开工" in before and not re.search("签[约署订]", before) else "签约"
            while k < len(lines) and len(row := _row(_cells(*lines[k]), head)) == len(head):
                k += 1
                a, b, name = row[cols["name"]]
                figure = re.search(rf"(?:{P.NUMBER})({_CURRENCY[1:-1]})?", row[cols["amount"]][2])
                if re.fullmatch(r"[-:\s|]*", name) or len(name) < 4 or _generic(name) or b in self.listed_ends:
                    continue
                amount = _amount(figure.group(1), figure.group(2) or unit) if figure else None
                place = self._only_place(a) or False  # no place column: the one county the article names
                if cols["place"] is not None:
                    pa, pb, _ = row[cols["place"]]
                    place = self._project_place_from(pa, pb) or False
                pid = self._project(a, b, a, stage, b, place, amount=amount)
                self.listed_ends.add(b)
                if stage == "签约":
                    self._rows_signed.append((pid, a, b))  # (at the article's one event: known after the pass)
                if cols["company"] is not None:  # the investor's column: the company the cell names
                    ca, cb, _ = row[cols["company"]]
                    firm = next(((x, y) for x, y, _ in self.companies if ca <= x and y <= cb), None)
                    if firm:
                        self.f.rel("INVESTS_IN", self.company_node(*firm), pid, {}, self.span(*firm), MID)

    def project_rows(self) -> None:
        """A project a line, its cells apart by spaces and with no header (陕西甲公司 侯马市 年产3万吨碳纤维项目
        10亿元): a cell that is a project's name, one that is its amount with its unit, and one that is its
        county or its company, in any order; signed at the one event the article tells of (as the rows of
        project_tables are)."""
        events = [n for n in self.events_told()]
        for pid, a, b in getattr(self, "_rows_signed", ()):  # project_tables' rows
            self._signed_at_one(events, pid, a, b)
        if not _DONE.search(self.t):
            return
        for line in _SPACED_ROW.finditer(self.t):
            cells = [(m.start(), m.end()) for m in _CELL.finditer(self.t, line.start(1), line.end(1))]
            name = amount = county = company = None
            for a, b in cells:
                cell = self.t[a:b]
                if _ROW_AMOUNT.fullmatch(cell):
                    amount = amount or (a, b)
                elif any(c[0] == a and c[1] == b for c in self.companies):
                    company = company or (a, b)
                elif (p := next((p for p in self.places_in(a, b) if p.label == "County" and (p.start, p.end) == (a, b)), None)):
                    county = county or p
                elif _ROW_NAME.search(cell) and len(cell) >= 4:
                    name = name or (a, b)
            if not (name and amount and (county or company)) or name[1] in self.listed_ends:
                continue
            a, b = name
            if a_class(self.t[a:b]) or _NOT_ONE.search(self.t[a:b]) or re.search(r"\d", _CAPACITY.sub("", self.t[a:b])):
                continue
            found = _ROW_AMOUNT.fullmatch(self.t[amount[0]:amount[1]])
            stage = _stage_of(self.t[max(0, line.start() - 300):line.start()])
            pid = self._project(a, b, a, stage, b, county or self._project_place_from(a, b, at_start=True) or False,
                                amount=_amount(found.group(1), found.group(2)))
            self.listed_ends.add(b)
            if company:
                self.f.rel("INVESTS_IN", self.company_node(*company), pid, {}, self.span(min(a, company[0]), max(b, company[1])), MID)
            if stage == "签约":
                self._signed_at_one(events, pid, a, b)

    def _signed_at_one(self, events, pid, a, b) -> None:
        """A row's project signed at the one event the article tells of, on its day (when not approximate)."""
        if len(events) != 1:
            return
        self.f.rel("SIGNED", events[0].id, pid, {}, self.span(a, b), MID)
        if events[0].properties.get("date") and not events[0].properties.get("date_approx"):
            self.f.nodes[pid].properties.setdefault("signed_on", events[0].properties["date"])

    def project_records(self) -> None:
        """项目名称：X / 投资额：7.6亿元 / 建设地点：沁县, one field a line: one project."""
        for m in _RECORD.finditer(self.t):
            a, b = m.span(1)
            b -= len(m.group(1)) - len(m.group(1).rstrip())
            if b in self.listed_ends or _generic(self.t[a:b]):
                continue
            place = self._project_place_from(m.start(4), m.end(4), at_start=True) or False
            self._project(a, b, a, "开工" if "开工" in self.t[max(0, m.start() - 200):m.start()] else "签约", b,
                          place, amount=_amount(m.group(2), m.group(3)))
            self.listed_ends.add(b)



def _generic(name: str) -> bool:
    """A class of projects (重点项目, 个项目), not one; 年产2万吨… is one."""
    return not name.startswith("年产") and bool(P.GENERIC_PROJECT.search(name))


# a class of projects by whose they are or what they are for: 全县重点产业链招商项目, 省市重点工程项目,
# 重大工程项目, 民生项目; a batch of them (一批新能源项目)
_CLASS = re.compile(r"^(?:全县|全市|全区|全省|全国|省市|市县|县乡|我[县市区省]|本[县市区省])|^(?:一|两|几|多|若干|数)[批些类]|"
                    r"(?:重点|重大|招商|产业链|民生)(?:工程)?项目$|^(?:重点|重大)?工程项目$")


# a sector's or a stage's projects, named by nothing else: 基础设施项目, 社会事业项目, 储备项目, 在建项目
_SECTOR = re.compile(r"^(?:重点|重大)?(?:基础设施|社会事业|社会民生|公共服务|工业|农业|服务业|文旅|文化旅游|新能源|新材料|高新技术"
                     r"|现代农业|产业|技改|城建|交通|水利|教育|卫生|医疗|环保|生态|推介|储备|谋划|在建|续建|新建|拟建|备选"
                     r"|意向|入库|对接|合作|投资|引进|落地|投产|竣工)(?:类)?(?:工程)?项目$")


def a_class(name: str) -> bool:
    """A class of projects, not one (what the event's project rule and the amount rule leave out)."""
    return _generic(name) or bool(_CLASS.search(name)) or bool(_SECTOR.search(name))


# ----- a project named with its amount next to it (the general form) ------------------------------
# what a project's name ends in; 园 / 厂 / 基地 / 工程 name one without the word 项目 (杂粮产业园, 饮料厂)
_NAME_END = re.compile(r"项目|工程|基地|园区|园|厂")
# where a name ends: what follows it is punctuation, its amount, its place or what was done with it
# (not more name: the 园 of 产业园项目 ends nothing)
_NAME_STOP = re.compile(r"[，,。；;：:（(、\s]|$|由|分别|同时|也|将|正在|建成|(?:投资|合作|框架|战略)*(?:协议|合同)|和|在|落户|落地|位于|选址|投产|竣工|总投资|预计|建设总投资|首期|一期|先期|签约金额|计划|投资|拟投资|开工|签约|签署|成功|正式|现场|"
                        r"当日|当天|均|已|于|顺利|集中")
_NAME_CHAR = re.compile(rf"[{P.CJK}0-9A-Za-z.·×]")  # × of a capacity: 2×30MW发电项目
# what a name never holds: verbs and links before it (PROJECT_CUT), a company that invests, list marks
_NAME_CUT = re.compile(r"^(?:主要|用于)?(?:建设|新建|兴建)|^在[^，,。；;]{2,10}?(?:建设|新建|兴建|打造)|[亿万]元?(?:在[^，,。；;]{2,10}?)?(?:建设|新建|兴建|打造)|公司(?!总部)|其中|位于|落户|[一二三四五六七八九十]是|首先|此外|另外|以及|打造|推进|实施|引进|围绕|依托|推动|加快")
# the amount: 总投资约9亿元 / 计划总投资4.5亿元 / 投资额为6亿元; 亿美元 and 万美元 are not 亿元
_INVEST = r"(?:(?:计划|预计|估算|建设)?总投资|投资总额|投资规模|投资金额|投资额|拟投资|计划投资|预计投资|协议投资|协议金额|签约金额|投资)(?:额)?(?:为|达到|达|约|超过|超|逾|近)?[:：]?"
_CURRENCY = r"(万亿元|亿元|万元|亿美元|万美元|亿(?!美))"
# right after the name: …项目（总投资3.2亿元） / …项目，总投资5亿元 / …项目（15亿元） / …项目计划总投资4.5亿元
# and after what the project's own clause says of it: …项目落户绛县，总投资3亿元 / …项目正式签约，占地200亩，
# 总投资6亿元 / …项目，项目总投资1.6亿元
_DONE_WITH = r"(?:(?:投资|合作|框架|战略)*(?:协议|合同)书?)?(?:正式|成功|现场|顺利|集中)?(?:(?:签约|开工|落地|落户|开建|竣工投产|竣工|投产)(?:仪式|活动)?)?"
_AMOUNT_BY = re.compile(
    rf"[ \t\u3000]*(?:[（(][^（()）项目]{{2,12}}[)）])?"  # …项目（平遥县），总投资… / 1. X项目 总投资5亿元
    rf"(?:(?:[，,]?{_DONE_WITH}(?:落户|落地|位于|在|选址)[^，,。；;（(]{{2,12}}?)?{_DONE_WITH}[（(，,：:])?"
    rf"(?:(?:首期|一期|先期)[^，,。；;]{{2,14}}[，,])?"  # 首期投资2亿元，总投资10亿元: the whole, not its first part
    rf"(?:(?:占地|用地|建筑面积|规划面积|规划用地)[^，,。；;]{{1,15}}[，,]"
    rf"|由[^，,。；;]{{2,30}}?(?:投资建设|投资|建设|实施|投建|承建)[^，,。；;]{{0,4}}[，,]"
    rf"|(?:是|系)[^，,。；;]{{2,30}}?[，,])?(?:该项目|项目)?"  # …项目，是集…于一体的综合项目，总投资…
    rf"(?:由[^，,。；;]{{2,30}}?(?=投资))?"  # …项目由X公司投资5亿元建设
    rf"(?:{_INVEST}|[（(][约超逾]?(?=[\d.]+[亿万]))(?:{P.NUMBER}){_CURRENCY}")
# right before it: 总投资8.5亿元的… / 投资12亿元的… / 投资1.5亿美元建设的…
_AMOUNT_OF = re.compile(rf"{_INVEST}(?:{P.NUMBER}){_CURRENCY}(?:(?:建设|兴建|打造|实施)?的|[，,]?(?:主要|用于)?(?:在[^，,。；;]{{2,10}}?)?(?:建设|新建|兴建))$")
# an amount told before a name, ending in its 的 (_AMOUNT_OF without the anchor)
_AMOUNT_LEADS = re.compile(rf"{_INVEST}(?:{P.NUMBER}){_CURRENCY}(?:建设|兴建|打造|实施)?的")
# 签约A和B两个项目 / 签约了A、B、C三个项目 (names without a 的, a figure or a comma in them)
_COUNTED_NAMES = re.compile(r"签约了?((?:(?!仪式|活动|会|后)[^，,。；;的\d“”]){4,40}?(?:[、和](?:[^，,。；;、和的\d“”]){4,40}?)+)"
                            r"([两二三四五六七八九]|\d+)个项目")
# a zone a project settles in, named in its own right (not after a known place): 落地中北高新区 / 落户大盂产业新城
_SETTLES_IN_ZONE = re.compile(rf"[，,](?:落地|落户|位于|选址)([{P.CJK}]{{2,6}}?(?:高新区|开发区|产业新城|新区|产业园区))")
# 以A、B、C等项目为代表: the examples of a total of projects
_REPRESENTED = re.compile(r"以([^。；;：:“”的]{8,120}?)等(?:\d+个)?(?:重点|重大)?项目为代表")
_SIGNS_OR_STARTS_WORD = re.compile(r"签约|开工|签署|签订")
# what follows an amount that belongs to the name after it: 总投资0.6亿元的B项目 / 投资2亿元建设的
_OPENS_NEXT = re.compile(r"(?:建设|兴建|打造|实施)?的")
# a figure and then 的 before a name: what _AMOUNT_OF needs, cheap to look for first
_FIGURE_OF = re.compile(r"[亿万][美元]*(?:[^，,。；;]{0,4}的|[，,]?(?:主要|用于)?(?:在[^，,。；;]{2,10}?)?(?:建设|新建|兴建))")
# what makes a place a development zone after it (晋中经济技术开发区, 长治高新区, 山西综改区)
_ZONE_TAIL = re.compile(rf"(?:(?![在的与和举召于对])[{P.CJK}]){{0,4}}?(?:{_DEV_ZONES}|综改示范区|综改区|开发区)")
# a place that opens a project's name rather than a clause: 临猗经济技术开发区新型建材产业园项目
# (not across a verb: 晋中开发区举行…项目签约仪式 is the zone holding the event, not a project's name)
_OPENS_NAME = re.compile(r"(?:(?!举行|举办|召开)[^、，,。；;：:等的与和及在]){2,30}?(?:项目|工程)")
# where the project is, after it: …落户介休市 / …在孝义市开工 / …，位于榆次区
_PLACED = re.compile(r"(?:[，,]?(?:位于|落户|落地|在|建于|选址)(?:于|在)?|[，,]?(?:建设地点|项目地点)[:：]?)$")
# a paragraph of fields: 项目名称：X \n 投资额：7.6亿元 \n 建设地点：沁县
_FIELD_SEP = r"(?:[ \t]*[；;][ \t]*|[ \t\u3000]+|[^\n]*\n(?:[^\n]*\n){0,3}?[ \t]*)"  # one field a line, or ；between them
_RECORD = re.compile(rf"项目名称[:：][ \t]*([^\n，,。；;]{{4,40}}?)[ \t]*(?:[；;][ \t]*|(?<=[ \t\u3000])|\n(?:[^\n]*\n){{0,3}}?[ \t]*)"
                     rf"(?:计划|预计)?(?:总投资|投资总额|投资额|投资)"
                     rf"[:：]?[ \t]*(?:约|超过|超|逾)?(?:{P.NUMBER}){_CURRENCY}{_FIELD_SEP}"
                     r"(?:建设地点|项目地点|所在地|落户地)[:：][ \t]*([^\n，,。；;]{2,20})")
# a name that is a class, not one project: 所有引资项目, 一个项目, 两个项目, 第三产业项目, 各类项目
_NOT_ONE = re.compile(r"^(?:所有|全部|这些|这个|该|此|各|本|其他|其余|第(?![一二三四五六七八九十\d]代)|\d{4}年)|以上|以下|[\d一二两三四五六七八九十几多]+[个批类项]")
# what lies between a company and the project it invests in: 投资建设的 / 在屯留区投资1.5亿美元建设的
_INVESTS = re.compile(rf"(?:在[^，,。；;]{{0,10}}?)?(?:投资|出资)(?:建设|兴建)?(?:约|超|逾)?(?:{P.NUMBER}{_CURRENCY})?"
                      r"(?:建设|兴建|打造)?的?")
# A、B分别与C、D签约P、Q: two lists of parties and the projects, paired in order (paired_parties)
_PAIRED = re.compile(r"分别与([^，,。；;：:]{2,80}?)(?:正式|现场|集中)?(?:签约|签订|签署)了?([^，,。；;：:]{4,120}?)(?=[，,。；;]|$)")
_APART = re.compile(r"、|以及|和|及|与")
# P项目、Q项目分别落户A县、B县 (settled_apart)
_SETTLED_APART = re.compile(r"分别(?:签约)?(?:落户|落地|位于|选址)(?:于|在)?([^，,。；;]{2,60}?)(?=[，,。；;]|$)")
_NAMES_APART = re.compile(r"(?<=项目|工程)(?:、|以及|和|及|与)|(?<=基地|园区)、")


def _items(text: str, a: int, b: int, apart=_APART) -> list[tuple[int, int]]:
    """The spans of a..b's items, apart at `apart`."""
    out, k = [], a
    for m in apart.finditer(text, a, b):
        out.append((k, m.start()))
        k = m.end()
    out.append((k, b))
    return [(x, y) for x, y in out if y > x]


# a line of three to five cells apart by spaces (a list number before them may), none holding a clause's mark
_SPACED_ROW = re.compile(r"^[ \t\u3000]*(?:\d+[.、．]|[（(]\d+[)）]|[①-⑳])?[ \t\u3000]*"
                         r"([^\s，,。；;：:]+(?:[ \t\u3000]+[^\s，,。；;：:]+){2,4})[ \t\u3000]*$", re.M)
_CELL = re.compile(r"[^\s]+")
_ROW_NAME = re.compile(r"(?:项目|工程|基地|园区|园|厂)$")
_ROW_AMOUNT = re.compile(rf"(?:{_INVEST})?(?:约)?(\d+(?:\.\d+)?){_CURRENCY}")
# between a company and the project it signs for: 与Y县签约 / 签订了总投资5亿元的 (Y县与X公司签约Z项目)
_SIGNS_IT = re.compile(
    rf"(?:(?:董事长|总经理|总裁|负责人|代表)[{P.CJK}]{{2,3}})?"  # X公司董事长王某与Y县县长李某…签约
    rf"(?:与[^，,。；;、]{{2,16}}?就|"  # 与Y县就Z项目签约
    rf"(?:(?:与[^，,。；;、]{{2,16}}?)?(?:正式|现场|成功|集中)?(?:签约|签订|签署)了?的?(?:(?:投资|合作|框架|战略)*(?:协议|合同)书?)?"
    rf"[，,]?)?"  # 与Y县签约(，) / 签订了投资协议，
    rf"(?:将|并)?"
    rf"(?:(?:计划|拟|将|预计)?(?:在[^，,。；;]{{2,10}}?)?(?:投资|出资)(?:约)?(?:{P.NUMBER}{_CURRENCY})?[，,]?"  # 投资5亿元在Y县建设
    rf"(?:在[^，,。；;]{{2,10}}?)?(?:建设|兴建|新建|打造)?的?|{_INVEST}(?:{P.NUMBER}){_CURRENCY}(?:建设|兴建|打造|实施)?的)?)")
# the company named after the project as its investor: …项目投资方为X公司 / ，投资主体是X公司
_INVESTOR_IS = re.compile(r"(?:投资方|投资主体|投资企业|投资单位|建设单位|实施主体)(?:为|是)$")
# what the company told after a project does with it: 由X公司投资建设 / 负责实施
_BUILDS = re.compile(r"(?:负责)?(?:投资|建设|投建|实施|承建|出资)")
# the columns of a table of projects: its name, its investment, where it is built
_COLUMNS = {"name": re.compile(r"项目名称|^项目$"),
            # (the amount's column, not the investor's: 投资企业 / 投资方 / 投资主体)
            "amount": re.compile(r"投资(?!企业|方|主体|单位|人|商)"),
            "place": re.compile(r"建设地点|项目地点|所在地|实施地点|落地|县|区|地点"),
            "company": re.compile(r"投资(?:企业|方|主体|单位|商)|签约(?:企业|单位|方)|企业名称|建设单位|实施主体")}


def _row(cells: list, head: list) -> list:
    """A row's cells as many as its header's: the reading view joins a row's number to the next cell
    (1<tab>光伏组件项目 reads 1光伏组件项目), which a 序号 column splits again."""
    if len(cells) == len(head) - 1 and cells and head[0][2] in ("序号", "编号", "序"):
        a, b, text = cells[0]
        n = re.match(r"\d+[.、．]?", text)
        if n:
            return [(a, a + n.end(), n.group()), (a + n.end(), b, text[n.end():])] + cells[1:]
    return cells


_GAP = re.compile(r"[ \u3000]{2,}|\u3000")


def _cells(at: int, line: str) -> list[tuple[int, int, str]]:
    """The cells of a table row, (start, end, text) stripped: | A | B |, A<tab>B or A  B (two spaces or more)."""
    sep = "|" if line.count("|") >= 2 else "\t" if line.count("\t") >= 1 else None
    if sep is None:  # cells apart by two spaces or more (a table a page set in spaces): 序号  项目名称  总投资
        gaps = list(_GAP.finditer(line))
        if len(gaps) < 2:
            return []
        starts = [0] + [g.end() for g in gaps]
        ends = [g.start() for g in gaps] + [len(line)]
        return [(at + x, at + y, line[x:y]) for x, y in zip(starts, ends) if line[x:y].strip()]
    out, k = [], 0
    for piece in line.split(sep):
        text = piece.strip()
        a = at + k + (len(piece) - len(piece.lstrip()))
        out.append((a, a + len(text), text))
        k += len(piece) + 1
    if sep == "|":  # | A | B |: the empty cells outside the bars are none
        out = out[1:] if not out[0][2] else out
        out = out[:-1] if out and not out[-1][2] else out
    return out


# 总投资分别为 / 投资额分别是: amounts in the order of the names before
_RESPECTIVE = re.compile(rf"(?:的)?{_INVEST}分别(?:为|是|达)?|分别(?:计划)?(?:总)?投资(?:为|是|达)?")
# a name that ends its line (its county in brackets after it may), and the amount that opens the next line
_PLACED_INSIDE = re.compile(r"(?:项目|工程)(?:在|落户|落地|位于|选址)")
_DONE_APART = re.compile(r"(?:分别|集中|同时|均)?(?:签约|开工|落地|落户)[，,]")
_ASIDE_AFTER = re.compile(r"[（(][^（()）\n]{2,40}[)）]")
_LINE_TAIL = re.compile(r"(?:[（(][^（()）\n]{2,12}[)）])?[ \t]*\n[ \t]*")
_BARE_NAME_LINE = re.compile(r"[ \t]*[^，,。；;：:\n]{2,40}(?:项目|工程|基地|园区|园|厂)[ \t]*")
_FIELD_NAME = re.compile(r"[ \t]*项目名称[:：]")
_AMOUNT_OPENS_LINE = re.compile(rf"(?:该项目|项目)?{_INVEST}(?:{P.NUMBER}){_CURRENCY}")
# the next sentence's amount of the one project the sentence before named
# (also after what the sentence first says of it: 该项目位于X园区,总投资11.5亿元 / 该项目采取…模式,…,预计总投资16亿元;
# not a year's share of it or what is done so far: 今年计划投资 / 年度投资 / 已完成投资)
_THIS_ONE = re.compile(rf"\s*(?:据悉|据了解|据介绍)?[，,]?该项目(?:(?:(?!项目|今年|年度|当年|完成|累计|已)[^。；;!！?？\n]){{0,60}}?[，,](?:预计)?)?(?:{_INVEST})(?:{P.NUMBER}){_CURRENCY}")
# a clause that says where a project is or what it is, after its name
_DESCRIBES = re.compile(r"[，,]?(?:位于|坐落于?|地处|是|系|属于|列入)")


@lru_cache(maxsize=8192)  # each project told is compared with every one before it: fold each name once
def _retold(name: str) -> str:
    """A project's name as a retelling may shorten it: folded, without 年产 and a trailing 项目."""
    return re.sub(r"年产|项目$", "", fold(name))


# a county the 该项目 sentence puts the project in: 位于X县 / 在…X县建设 / 落户X县
_PLACED_AT = re.compile(r"(?:位于|落户|落地|建于|选址|在)[^，,。；;]{0,10}$")
# a name right after 位于 / 坐落于 is where a project is (该项目位于X工业园区), not one
_WHERE = re.compile(r"(?:位于|坐落于|坐落在|地处|建于|选址于?|落户于?|落户在)$")
# after a name: a count of the projects of a kind (农业项目6个, 新材料项目有8个), not one project
_KIND_COUNT = re.compile(rf"(?:有|共|达|计|共有)?{P.NUMBER}个")
# the sentences that publish projects to be sought (发布…招商项目) sign none
_PUBLISHED = re.compile(r"发布")
_DONE = re.compile(r"签约|签署|签订|开工|落户|落地|奠基|开建|投产|竣工|实施")
_GOES_ON = re.compile(r"[ \t]*其中[，,：:]")
_DONE_TOLD = re.compile("开工|签[约署订]")  # (amount_projects' own, compiled once: it runs for every sentence)
_SIGNED_TOLD = re.compile("签[约署订]")


# ----- names in a list (named_lists) ----------------------------------------------------------
# what the occasion heard of or presented: 会议听取… / 介绍了… / 听取了关于…的汇报
_NAMES_HEARD = re.compile(r"(?:听取|介绍|汇报|通报)了?(?:关于)?")
# what opens a list of what was signed or started: 签约项目包括 / 开工的有 / 项目主要有 / 其中包括 / 签约了
_NAMES_HEAD = re.compile(r"(?:项目|工程|的)(?:主要|分别|还)?(?:包括|涉及|涵盖|有(?![力所关效序机])|为|是)[:：]?"
                         r"|其中(?:包括|有)[:：]?|(?:签约|开工|签署|签订)了?(?!仪式|活动|大会|会|项目|后|时|前|现场|金额|总额|额|资金"
                         r"|企业|单位|协议|合同|的|地|[，,。；;：:、])")
_NAMES_DONE = re.compile(r"签约|签署|签订|开工|开建")
# a name's last word: 项目 or 工程; after a head that says 项目, also what a project builds (园, 厂, 基地 …)
_ITEM_END = re.compile(r"项目|工程")
_ITEM_ENDS_WIDE = re.compile(r"项目|工程|产业园|园区|基地|厂|中心|小镇|园")
_ITEM_WIDE = re.compile(rf"(?:{_ITEM_ENDS_WIDE.pattern})$")
# a name holds no clause mark, no quote and no 、
_ITEM_STOP = re.compile(r"[，,。；;：:“”《》、\n]")
_ITEM_LEAD = re.compile(r"(?:了|关于|对)?[ \t]*")
_ITEM_SEP = re.compile(r"、|以及|和|及|与|[；;][ \t]*")
_ITEM_ASIDE = re.compile(r"[（(][^（()）\n]{2,20}[)）]")
_LIST_END = r"(?=[，,。；;！!]|$)"
# after the last name heard of: 情况介绍 / 的基本情况 / 建设情况汇报 / 的汇报
_HEARD_TAIL = re.compile(rf"(?:等(?:{P.NUMBER}个)?(?:项目)?)?(?:的)?(?:基本|建设|推进|进展|有关|相关|具体|总体|投资)?(?:情况)?(?:介绍|汇报)?{_LIST_END}")
# after the last name of what was signed or started: 等 / 等6个项目 / …项目合作协议
_NAMES_TAIL = re.compile(rf"(?:等(?:{P.NUMBER}个)?(?:项目)?)?(?:(?:投资|合作|框架|战略)*(?:协议|合同)书?)?{_LIST_END}")
# the names before the verb: A项目、B项目进行了现场签约 / 同时开工 / 在仪式上签约 / 由县领导现场签约
_VERB_TAIL = re.compile(r"(?:等(?:\d+个)?(?:项目)?)?(?:进行了?|在[^，,。；;]{1,12}?上|由[^，,。；;]{1,16}?|同时|现场|集中|正式|当天|当日"
                        r"|顺利|成功|均|已|也)*(?:签约|开工|签署|开建)(?!仪式|活动|大会)")
# one name a line after the list's head: 1. A项目 / （2）B工程 / ①C项目
_NAME_LINE = re.compile(r"[ \t\u3000]*(?:\d+[.、．]|[（(]\d+[)）]|[①-⑳]|[一二三四五六七八九十]+、)?[ \t]*"
                        r"([^，,。；;：:“”《》、\n]{3,40}?(?:项目|工程))[ \t]*[。；;，,]?[ \t]*(?=\n|$)")
# what a project's name never holds: a clause's words, a verb of the list's head
_NOT_IN_NAME = re.compile(r"[的了着将已均]|情况|领域|方面|包括|涉及|涵盖|签约|签署|开工|听取|介绍|汇报|宣布|举行|推进|谋划|储备")
# how a clause opens that is no name: adverbs, prepositions and verbs of a plan (进一步按照项目开工…)
_NOT_NAME_START = re.compile(r"进一步|按照|根据|通过|继续|加快|推动|确保|积极|全力|努力|围绕|依托|抓好|做好|聚焦|推进|实施|引进"
                             r"|打造|将(?!军)|把|让|使")
# the words of the occasion between names and their verb: 进行了现场签约 / 同时开工 / 在仪式上签约
_AT_OCCASION = re.compile(r"进行|在|由|同时|现场|集中|正式|当天|当日|顺利|成功|均|等")
# a capacity in a name (年产5000吨 / 200兆瓦 / 5GWh / 2×30MW), the only figures a name holds
_CAPACITY = re.compile(r"\d+(?:\.\d+)?(?:[×xX*]\d+(?:\.\d+)?)?(?:万|千|亿)?(?:吨|兆瓦|千瓦|瓦|MW|GW|MWh|GWh|Wh|千伏|kV|头|只|亩"
                       r"|辆|套|台|立方米|平方米|标准箱|张|件|条)|\d+G")


def _stage_of(told: str) -> str:
    return "开工" if ("开工" in told or "开建" in told) and not _SIGNED_TOLD.search(told) else "签约"


def _amount(number: str, unit: str):
    """亿元 from a figure; None for another currency (亿美元) or a figure that is not one (百亿)."""
    if "美" in unit:
        return None
    try:
        return amount_yi(number, unit)
    except ValueError:
        return None


quicken_all(globals())  # every pattern above: a leading look-ahead of where it can start (lookahead.py)
