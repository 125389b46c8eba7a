"""Finding the named things of an article in its matching view: places, chambers, companies,
people's names. Each finder returns (start, end, …) positions in the view."""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

import ahocorasick

from loaders.articles import places
from loaders.articles.lookahead import quicken_all
from loaders.articles.patterns import (CJK, POST_RE, COMPANY_CUT, COMPANY_END, STOP_AFTER_NAME, SURNAMES,
                                       VERB_AFTER_NAME)
from loaders.articles.resolve import Index, Known
from loaders.resolution.places import ABBREVIATIONS, lookup_folded, parent
from loaders.text import fold

_CJK = re.compile(rf"[{CJK}]")
_POST_START = re.compile(rf"(?:常务|{POST_RE}|单位)")


@dataclass(frozen=True)
class Place:
    start: int
    end: int
    id: str
    label: str
    name: str
    known: bool


def _moved(p: Place, start: int, end: int) -> Place:
    """Place p at start..end, the same as Place(start, end, p.id, …) but made without the frozen class's
    field-by-field __init__ (the place finder makes over a hundred an article)."""
    q = object.__new__(Place)
    q.__dict__.update(p.__dict__, start=start, end=end)
    return q


@dataclass(frozen=True)
class ChamberMention:
    start: int
    end: int
    written: str  # as the view reads it
    place: Place | None
    known: Known | None
    generic: bool = False
    listed: bool = False  # named by its place only: 镇江、南京…等地的山西商会
    prefix: tuple[int, int] | None = None  # a federation's name the mention leaves out: 芮城总商会 of 、南京商会
    suffix: tuple[int, int] | None = None  # a listed chamber's words after its place: 山西商会 of 北京、天津山西商会


# …等省市的山西商会, or without 的 right after 等 (江苏、浙江等地山西商会)
_LIST_END = re.compile(r"(?:(?:等|以及)?(?:省市|省|市|地|城市|地区)?的|(?:等|以及)(?:省市|省|市|地|城市|地区)?)$")


def _listed_places(text: str, at: int, places_: "Places") -> list:
    """镇江、南京以及湖北、浙江等省市的山西商会 → the places listed before 等…的."""
    head = text[max(0, at - 60):at]
    tail = _LIST_END.search(head.removesuffix("山西").removesuffix("晋"))
    if not tail or "等" not in head[-8:]:
        return []
    base = max(0, at - 60)
    stop = base + head.rfind("等")
    out, k = [], stop
    while True:
        # walk back over one list item and its separator
        j = k
        while j > 0 and re.match(rf"[{CJK}]", text[j - 1]) and text[j - 2:j] != "以及" and text[j - 1] not in "、和及":
            j -= 1
        item = text[j:k]
        place = None
        for n in range(len(item)):
            place = places_.at(text, j + n, ("City", "Province"))
            if place and place.end == k:
                break
            place = None
        if place is None:
            break
        out.append((place, place.start, place.end))
        if text[j - 2:j] == "以及":
            k = j - 2
        elif j > 0 and text[j - 1] in "、和及":
            k = j - 1
        else:
            break
    return list(reversed(out))

class Places:
    """An Aho-Corasick automaton of place names (the graph's and places.py's), longest match first."""

    def __init__(self, index: Index):
        self.keys: dict[str, list[Place]] = {}
        self._candidates: dict[str, tuple[Place, ...]] = {}
        for label in ("City", "Province", "County"):
            for key, knowns in index.names(label).items():
                for k in knowns:
                    for form in {key, places.short(key)} if label != "County" or len(places.short(key)) >= 2 else {key}:
                        if label == "County" and form != key and form.endswith(("县", "区")):
                            continue
                        self._add(form, Place(0, 0, k.id, label, k.name, True))
            if label == "County":
                for key, knowns in index.names(label).items():
                    short = key[:-1] if key.endswith(("县", "区")) and len(key) >= 3 else None
                    for k in knowns:
                        if short:
                            self._add(short, Place(0, 0, k.id, label, k.name, True))
        for full, short, city in places.shanxi_counties():  # 曲沃县 / 平遥 → its city, for an event's place
            county = Place(0, 0, f"county:{city}/{full}", "County", full, False)
            self._add(full, county)
            if full.endswith("县") and len(short) >= 2 and short not in self.keys:
                self._add(short, county)
        for short, full in places.PROVINCES.items():
            for form in (short, full):
                self._add(form, Place(0, 0, f"province:{full}", "Province", full, False))
        for short, full in places.CITIES.items():
            for form in (short, full):
                self._add(form, Place(0, 0, f"city:{full}", "City", full, False))
        # a short form that is also an everyday word (来宾, 白银) is a place only in context: after its
        # province's name, or as a chamber's host (see places.AMBIGUOUS). Its own automaton keeps it
        # from taking the characters of the place it runs into (确保山西: 保山 must not hide 山西).
        self.contextual = {key: _province_forms(places.CITIES[key]) for key in places.AMBIGUOUS
                           if key in self.keys}
        self.auto = _automaton(k for k in self.keys if k not in self.contextual)
        self.auto_contextual = _automaton(self.contextual)
        self.firsts = frozenset(k[:1] for k in self.keys)  # at() gives up at once where no name starts

    def _add(self, key: str, place: Place) -> None:
        found = self.keys.setdefault(key, [])
        if all(p.id != place.id for p in found):
            # a node the graph knows wins over the built-in list's guess of the same place
            found.append(place)

    def candidates(self, key: str) -> tuple[Place, ...]:
        if key not in self._candidates:  # the keys are fixed once built: each key's answer is found once
            out = self.keys.get(key, [])
            known = {p.id for p in out if p.known}
            self._candidates[key] = tuple(p for p in out if p.known or p.id not in known)
        return self._candidates[key]

    def find(self, text: str) -> list[Place]:
        """Longest non-overlapping place mentions; where a key names both a City and a Province
        (北京, 吉林) both are returned at the same position."""
        out = []
        for end, key in self.auto.iter_long(text):
            start = end - len(key) + 1
            for p in self._candidates.get(key) or self.candidates(key):
                out.append(_moved(p, start, end + 1))
        if self.contextual:
            taken = [(p.start, p.end) for p in out]
            extra = []
            for end, key in self.auto_contextual.iter(text):
                start = end - len(key) + 1
                if (self._in_context(text, start, end + 1, key)
                        and not any(a < end + 1 and start < b for a, b in taken)):
                    extra.extend(Place(start, end + 1, p.id, p.label, p.name, p.known) for p in self.candidates(key))
            if extra:
                out = sorted(out + extra, key=lambda p: p.start)
        return out

    def at(self, text: str, i: int, labels=("City", "Province")) -> Place | None:
        """The longest place name starting at text[i] (City before Province on a tie)."""
        if 0 <= i < len(text) and text[i] not in self.firsts:
            return None  # most positions asked about start no place name (_branch asks at each one)
        for n in range(min(8, len(text) - i), 1, -1):
            if text[i:i + n] not in self.keys:
                continue
            if text[i:i + n] in self.contextual and not self._in_context(text, i, i + n, text[i:i + n]):
                continue
            cands = [p for p in self.candidates(text[i:i + n]) if p.label in labels]
            if cands:
                cands.sort(key=lambda p: (labels.index(p.label), not p.known))
                p = cands[0]
                return Place(i, i + n, p.id, p.label, p.name, p.known)
        return None

    def _in_context(self, text: str, start: int, end: int, key: str) -> bool:
        """An ambiguous short form is a place right after its own province (广西来宾, 甘肃省白银), or as the
        host of a chamber of Shanxi's or another province's people that no word runs into (来宾山西商会,
        ，黄山浙江商会 — not 与会来宾山西商会会长), or before one of its own towns (中山小榄镇商会)."""
        if text.endswith(self.contextual[key], 0, start):
            return True
        if start > 0 and _CJK.match(text[start - 1]):
            return False
        return bool(_CHAMBER_AFTER.match(text, end)) or text.startswith(_TOWNS_OF.get(places.CITIES[key], ()), end)


# a city's towns, written in full (中山 → 小榄镇 …) or by their short form after the city (东莞虎门商会)
_TOWNS_OF: dict[str, tuple[str, ...]] = {}
for _town, _city in places.TOWNS.items():
    _TOWNS_OF[_city] = _TOWNS_OF.get(_city, ()) + (_town,)


def _automaton(keys) -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for key in keys:
        auto.add_word(key, key)
    if len(auto):
        auto.make_automaton()
    return auto


def _province_forms(city: str) -> tuple[str, ...]:
    province = places.CITY_PROVINCE.get(city)
    return (province, places.short(province)) if province else ()


# what follows a chamber host's short form: <home province or 山西/晋>…商会 (白银山西商会, 黄山浙江商会)
_CHAMBER_AFTER = re.compile(rf"市?(?:山西|晋|{'|'.join(sorted(places.PROVINCES, key=len, reverse=True))})[{CJK}]{{0,8}}?商会")


def run_left(text: str, end: int, limit: int = 24, chars=_CJK) -> int:
    """Where the run of `chars` (a pattern of one character) ending at `end` starts, at most `limit` back."""
    run = _RUNS.get((chars, limit))
    if run is None:  # one search from the farthest start, in C, not a step per character
        run = _RUNS[(chars, limit)] = re.compile(rf"(?:{chars.pattern}){{0,{limit}}}\Z", chars.flags)
    return run.search(text, max(0, end - limit), end).start()


_RUNS: dict = {}


_MIDDLE_VERB = re.compile("了|举行|举办|组织|召开|成立|参加|出席|来到|前往|拜访|走访|拜会|看望|慰问|考察|参观|调研|到访|莅临|[向驻赴给]")
_OVERSEAS = re.compile(rf"(?:晋商)?(?:{'|'.join(sorted(places.COUNTRIES + places.CITIES_ABROAD, key=len, reverse=True))})"
                       r"(?:山西省?|晋商|晋)?总?")


def _overseas(text: str, k: int, at: int) -> bool:
    """晋商加拿大总商会 / 柬埔寨山西省商会 / 俄罗斯晋商总商会 / 新加坡晋商会: a chamber of Shanxi people
    in a country."""
    m = _OVERSEAS.fullmatch(text, k, at)
    return bool(m) and (text.startswith("晋商", k) or "山西" in m.group() or "晋" in m.group())


def _branch(text: str, left: int, at: int, places_: "Places") -> tuple[int, "Place"] | None:
    """芮城总商会北京商会: a county's (or city's) federation of chambers and its branch in a place."""
    if "总商会" not in text[left:at]:
        return None  # the federation's 总商会 lies within left..at; most 商会 have none before them
    for k in range(left, at):
        fed = places_.at(text, k, ("County", "City"))
        if fed and text.startswith("总商会", fed.end):
            place = places_.at(text, fed.end + 3, ("City", "Province"))
            if place and place.end == at:
                return k, place
    return None


# a page's line break or spacing inside a chamber's name (深圳市山西⏎商会, 深圳市 山西商会): at most one line
# break, between two Chinese characters, with 商会 (联合会) at most six characters on
_GAP_IN_NAME = re.compile(rf"(?<=[{CJK}])(?:[ \t\u3000\xa0]+\n?|\n)[ \t\u3000\xa0]*"
                          rf"(?=[{CJK}]{{0,6}}?(?:商会|联合会|总会))")


def find_chambers(text: str, places_: Places, index: Index) -> list[ChamberMention]:
    """Chambers named in full, known chambers by name, and generic mentions. A full name is <host>…商会
    with a Shanxi tie (深圳市山西商会, 山西省广东商会) or any other name of the annotation convention's form
    <host><home|企业|trade>商会 (北京浙江商会, see _named_middle); the host is the leading place. A district's or
    town's chamber (中山市东区商会, 小榄镇商会, see _local_tail and _local_own) is based in its city; a home may be a
    dialect group or region (中山市客家商会, places.COMMUNITIES). A name a line break or a space cuts is read without
    it; its span in `text` runs over the gap."""
    # a line break only where the words around it tie the name to Shanxi (深圳市山西⏎商会), not after a
    # heading that ends in a place (走进忻州⏎商会会长…)
    gaps = [g.span() for g in _GAP_IN_NAME.finditer(text)
            if "\n" not in g.group() or re.search("山西|晋", text[max(0, g.start() - 4):g.end() + 8])]
    if not gaps:
        return _find_chambers(text, places_, index)
    keep, at = [], 0
    for a, b in gaps:
        keep.extend(range(at, a))
        at = b
    keep.extend(range(at, len(text)))
    joined = "".join(text[k] for k in keep)

    def start(i: int) -> int:
        return keep[i] if i < len(keep) else len(text)

    def end(i: int) -> int:
        return keep[i - 1] + 1 if i > 0 else 0

    def place(p: Place | None) -> Place | None:
        return p and _moved(p, start(p.start), end(p.end))

    return [ChamberMention(start(c.start), end(c.end), c.written, place(c.place), c.known, c.generic, c.listed,
                           c.prefix and (start(c.prefix[0]), end(c.prefix[1])),
                           c.suffix and (start(c.suffix[0]), end(c.suffix[1])))
            for c in _find_chambers(joined, places_, index)]


def _find_chambers(text: str, places_: Places, index: Index) -> list[ChamberMention]:
    out: list[ChamberMention] = []
    # 甘肃晋商商业联合会; 山西商业联合会 (a place's federation of commerce, not its 工商业联合会); 香港晋商总会
    for m in re.finditer("商会|(?<=晋商)(?:商业)?联合会|(?<![晋工])商业联合会|(?<=晋商)总会", text):
        q = m.end()
        if text.startswith("联合会", q) and m.group() == "商会":
            continue  # 山西省浙江商会联合会: a federation of such chambers, not the chamber its name begins with
        left = run_left(text, m.start())
        if out and m.start() - out[-1].end <= 10 and _SHARED_SEP.match(text, out[-1].end) and \
                (shared := _shared_host(text, m, out[-1], index, shanxi=True)):
            out.append(shared)  # 北京平遥商会、介休商会 (before the county's own chamber, 介休商会, is read)
            continue
        found = None
        branch = _branch(text, left, m.start(), places_)
        if branch:
            k, place = branch
            out.append(ChamberMention(k, q, text[k:q], place, index.lookup(text[k:q], ("Chamber",))))
            continue
        if "驻" in text[left:m.start()]:
            stationed = _stationed(text, left, m, places_, index)
            if stationed:
                out.append(stationed)
                continue
        sibling = _sibling(text, left, m.start(), out, places_)
        if sibling:
            out.append(ChamberMention(left, q, text[left:q], sibling[1], None, prefix=sibling[0]))
            continue
        for k in range(left, m.start()):
            if _overseas(text, k, m.start()):
                found = ChamberMention(k, q, text[k:q], None, index.lookup(text[k:q], ("Chamber",)))
                break
            place = places_.at(text, k, ("Province", "City"))
            county_host = False
            if place is None:
                place = _county_host(text, k, index)
                if place is None:
                    continue
                county_host = True
            middle = text[place.end:m.start()].lstrip("省市")
            if len(middle) > 8 or re.search("[等的和与、及以是在为]|商会", middle) or _MIDDLE_VERB.search(middle):
                continue
            if county_host and not re.match("山西|晋", middle) and (middle or text[place.end - 1] not in "市区县旗"):
                continue  # 神木山西商会, 晋江晋商会: a chamber of Shanxi people; 晋江市商会, 顺德区商会: the place's own
            if not _shanxi_tie(place, middle):
                named = _named_middle(text, place, m.start() - len(middle), m, places_)
                if named is None:
                    continue
                place = named
            elif place.name == "山西省" and middle:
                # 山西运城商会, 山西平遥商会: Shanxi's city (county) and its own chamber, as 运城商会; 山西省太原市浙江商会:
                # the province's city is the host when another home follows it (as _named_middle's 湖南省长沙市)
                place = _shanxi_own(text, m.start() - len(middle), m, index) or place
            elif place.label == "Province" and middle:
                # 内蒙古包头市山西商会, 江苏苏州山西商会: the province's city is the host
                city = places_.at(text, m.start() - len(middle), ("City",)) or \
                    _county_host(text, m.start() - len(middle), index)  # 福建晋江山西商会
                if city and places.CITY_PROVINCE.get(city.name) == place.name:
                    place = city
            if k - 2 >= left and text.startswith("中国", k - 2) and place.name in _CHINA_PREFIXED:
                k -= 2  # 中国香港山西商会, 中國臺灣山西商會: the name begins with 中国
            written = text[k:q]
            # province-level when the place is a province or a 直辖市
            if place.label == "City" and place.name in places.MUNICIPALITIES:
                place = places_.at(text, place.start, ("Province",)) or place
            known = index.lookup(written, ("Chamber",))
            if known is None and written.startswith("中国"):
                known = index.lookup(written[2:], ("Chamber",))  # the graph's 香港山西商会
            found = ChamberMention(k, q, written, place, known)
            break
        if found is None:
            known = _known_ending_at(text, q, index)
            if out and not known and (shared := _shared_host(text, m, out[-1], index)):
                out.append(shared)
                continue
            if known:
                found = known
            elif own := _county_own(text, left, m, index):
                found = own
            elif local := _local_own(text, left, m, places_, index):
                found = local
            elif text[left:q].endswith(("山西商会", "晋商会", "晋商商会", "山西企业商会")):
                listed = _listed_places(text, m.start(), places_)
                if listed:
                    at = m.start() - len("山西") if text.endswith("山西", 0, m.start()) else \
                        m.start() - len("晋") if text.endswith("晋", 0, m.start()) else m.start()
                    for place, a, b in listed:
                        name = f"{text[a:b]}{text[at:q]}"
                        out.append(ChamberMention(a, b, name, place, index.lookup(name, ("Chamber",)), listed=True,
                                                  suffix=(at, q)))
                    continue
                found = _district_host(text, left, m) or ChamberMention(left, q, text[left:q], None, None, generic=True)
            elif out and m.start() > left:
                found = _short_form(text, left, m, out)
        if found:
            out.extend(_listed_before(text, found, places_, index) or _listed_locals(text, found, places_, index))
            out.append(found)
    return out


def _short_form(text: str, left: int, m: re.Match, out: list) -> ChamberMention | None:
    """山西浙江商会 …… 浙商会与温州商会同根同源: a home and 商会 with no host (浙商会, 豫商会: a province by its
    abbreviation; 温州商会, 浙江商会: a home by name), after the one chamber named earlier whose home it is, is that
    chamber (its host + the short form is its key, chamber_key). Not after a word that makes it generic (各地浙商会)
    or runs into it (在晋浙商会), and not where two such chambers were named."""
    for n in range(min(6, m.start() - left), 0, -1):
        a = m.start() - n
        word = text[a:m.start()]
        if not (word in _ONE_CHAR_HOMES if n == 1 else _other_people(word) and _home(word)[0] == n):
            continue
        if text[a - 1:a] in ("省", "市") and a - 1 >= left:
            a -= 1  # 市河南商会: the host's level kept, its name left out
        before = text[left:a]
        if before and not (_NAME_OPENS.search(before) and _NAME_OPENS.search(before).end() == len(before)) \
                or _NOT_ONE_BEFORE.search(before):
            return None
        break
    else:
        return None
    province = ABBREVIATIONS[word] if n == 1 else None
    hosts = {}
    for c in out:
        if c.generic or c.listed or c.place is None or not c.written.endswith("商会"):
            continue
        if c.prefix:
            host, words = c.prefix, text[c.start:c.end - 2]
        elif c.start <= c.place.start < c.end:
            host, words = (c.start, c.place.end), text[c.place.end:c.end - 2]
        else:
            continue
        words = words.lstrip("省市")
        if a < m.start() - n and text[host[1] - 1] != text[a]:
            continue  # 市河南商会 is a city's, not 山西省河南商会
        if words == word or province and (words.startswith(province) or words.startswith(word + "商")):
            hosts[chamber_key(text[host[0]:host[1]] + text[a:m.end()])] = (host, c)
    if len(hosts) != 1:
        return None
    (host, c), = hosts.values()
    return ChamberMention(a, m.end(), text[a:m.end()], c.place, c.known, prefix=host)


_COUNTY_FORMS = places.shanxi_county_forms()
_COUNTY_FIRSTS = frozenset(k[:1] for k in _COUNTY_FORMS)
# where a chamber's name may begin inside a run of characters: after a list's separator, a preposition or a
# verb that takes the chamber as its object (任安邑商会会长, 莅临临县商会) — so that 莅临县商会 (visited the
# county's chamber) or 响应县商会 is not 临县 / 应县's chamber
_NAME_OPENS = re.compile("(?:[、和及与同在任赴到由为是对向的了]|成立|参加|出席|走访|看望|拜访|组建|筹建|加入|举办|召开|担任|当选|莅临|"
                         "来到|前往|考察|调研|携手|联合|访问|慰问|接待|邀请|组织|支持|代表|推动|感谢)$")


_NOT_ONE_BEFORE = re.compile("(?:异地|外地|各地|各|在外|驻外|全国|海内外|省外|其他|其它|首家|一家|一个|多家|这个|那个|该|本|我)$")


def _county_own(text: str, left: int, m: re.Match, index: Index) -> ChamberMention | None:
    """平遥商会, 榆次区商会, 安邑商会 (a former county): a Shanxi county's (district's) own chamber, named by the
    county alone; its host is the county's city (today's, for a former county; places.FORMER_COUNTIES). A
    one-character county (临县, 应县) or a former one starts the run or follows a word that opens a name."""
    if m.group() != "商会":
        return None
    at = m.start()
    for k in range(left, at - 1):
        if text[k] not in _COUNTY_FIRSTS:
            continue
        for n in range(min(5, at - k), 1, -1):
            hit = _COUNTY_FORMS.get(text[k:k + n])
            # (not a county's 总商会, its federation of industry and commerce: the convention leaves it open)
            if hit is None or "总" in text[k + n:at] or not (
                    _TRADE_TAIL.fullmatch(text, k + n, at) or _other_home(text[k + n:at])):
                continue
            full, city, former = hit
            if (former or len(full) == 2) and k > left and not _NAME_OPENS.search(text, left, k):
                continue
            if _NOT_ONE_BEFORE.search(text, left, k):
                return None  # 一个异地武乡商会, 各平遥商会: a kind of chamber, not one
            written = text[k:m.end()]
            return ChamberMention(k, m.end(), written, _city_place(k, k + n, city, index),
                                  index.lookup(written, ("Chamber",)))
    return None


_HOST_COUNTY = re.compile("(?:%s)(?:市|区|县|旗|新区)?" % "|".join(sorted(places.CHAMBER_HOST_COUNTIES, key=len, reverse=True)))


def _other_home(words: str) -> bool:
    """浙江, 河南企业家 after a Shanxi county (平遥县浙江商会, 孝义市河南商会): a chamber of another place's people there."""
    i, home = _home(words)
    return bool(home) and home != "山西省" and home not in _SHANXI_CITY_FULL and home not in _SHANXI_COUNTIES \
        and _parent(home) not in ("山西省", *_SHANXI_CITY_FULL) and bool(_TRADE_TAIL.fullmatch(words, i))


def _county_host(text: str, k: int, index: Index) -> Place | None:
    """神木 (神木市), 顺德区, 准格尔旗 at text[k]: a county-level place outside Shanxi (places.CHAMBER_HOST_COUNTIES),
    as the place of its city."""
    h = _HOST_COUNTY.match(text, k)
    if h is None:
        return None
    name = h.group().rstrip("市区县旗").removesuffix("新")
    city = places.CHAMBER_HOST_COUNTIES[name]
    if city in places.MUNICIPALITIES:  # 浦东新区: a 直辖市's district, province-level as the 直辖市's chambers
        known = index.lookup(city, ("Province",))
        return Place(k, h.end(), known.id if known else f"province:{city}", "Province", city, bool(known))
    return _city_place(k, h.end(), city, index)


def _shanxi_own(text: str, at: int, m: re.Match, index: Index) -> Place | None:
    """The city of the Shanxi city or county that fills the words between 山西 and 商会 (山西运城商会 → 运城市,
    山西平遥商会 → 晋中市), or None."""
    words = text[at:m.start()]
    city = places.CITIES.get(words)
    if city and places.short(city) in places.SHANXI_CITIES:
        return _city_place(at, m.start(), city, index)
    hit = _COUNTY_FORMS.get(words)
    if hit:
        return _city_place(at, m.start(), hit[1], index)
    for n in range(min(len(words) - 2, 4), 1, -1):  # 太原市浙江: a city of Shanxi, then the home
        city = places.CITIES.get(words[:n])
        if city in _SHANXI_CITY_FULL and _home(words[n:].lstrip("市"))[1]:
            return _city_place(at, at + n, city, index)
        hit = _COUNTY_FORMS.get(words[:n])  # 平遥浙江, 孝义市河南: a county of Shanxi, then the home
        if hit and _other_home(words[n:]):
            return _city_place(at, at + n, hit[1], index)
    return None


def _city_place(a: int, b: int, city: str, index: Index) -> Place:
    known = index.lookup(city, ("City",))
    return Place(a, b, known.id if known else f"city:{city}", "City", city, bool(known))


def _listed_before(text: str, found: ChamberMention, places_: "Places", index: Index) -> list[ChamberMention]:
    """解县、安邑、运城商会 / 北京、天津山西商会: places listed before a chamber's own place share the words after
    it; each is a chamber of its own (listed, as _listed_places). Items are places of the chamber's kind: Shanxi
    counties and cities for a county's own chamber, cities and provinces for a chamber of Shanxi people."""
    k = found.start
    if k < 2 or text[k - 1] not in "、和及" or found.place is None or found.prefix or found.generic:
        return []
    place = found.place
    tail_at = place.end if found.start <= place.start < found.end else None
    if tail_at is None:
        return []
    tail = text[tail_at:found.end].lstrip("省市县区")
    own = not re.search("山西|晋", tail)  # 运城商会, 安邑商会: a Shanxi place's own chamber
    if own and not (place.name in _SHANXI_CITY_FULL or text[place.start:place.end] in _COUNTY_FORMS):
        return []
    out = []
    while k >= 2 and text[k - 1] in "、和及":
        sep = k - 1
        j = run_left(text, sep, 12)
        item = None
        for a in range(j, sep - 1):
            if own:
                hit = _COUNTY_FORMS.get(text[a:sep])
                city = places.CITIES.get(text[a:sep])
                if hit:
                    item = (a, _city_place(a, sep, hit[1], index))
                elif city and city in _SHANXI_CITY_FULL:
                    item = (a, _city_place(a, sep, city, index))
            else:
                p = places_.at(text, a, ("City", "Province"))
                if p and p.end == sep:
                    if p.label == "City" and p.name in places.MUNICIPALITIES:
                        p = places_.at(text, a, ("Province",)) or p
                    item = (a, p)
            if item:
                break
        if item is None:
            break
        a, p = item
        name = text[a:sep] + text[tail_at:found.end]
        out.append(ChamberMention(a, sep, name, p, index.lookup(name, ("Chamber",)), listed=True,
                                  suffix=(tail_at, found.end)))
        k = a
    return list(reversed(out))


# a district, county or banner named with its suffix, as a chamber's host the built-in list does not hold
# (宝安区山西商会, 滨海新区山西商会, 准格尔旗山西商会); not a common noun's 区 (开发区, 园区, 老区, 地区 …)
_DISTRICT = re.compile(rf"[{CJK}]{{1,5}}?(?:新区|区|县|旗)")
# (after its city a district's name may end as a common noun does — 南山区, 东城区, 神农架林区 — so _NOT_DISTRICT_IN_CITY
# leaves out the endings 城 山 矿 营 林 and the common nouns' 县)
_COMMON_AREAS = ("地 园 开发 社 小 景 片 郊 辖 市 县 灾 老 特 试验 示范 自贸 功能 保税 校 街 商 牧 高新 产业 经济 工业 自治 行政 "
                 "民族 贫困").split()
_NOT_ONE_PLACE = "^[各该本我全辖此其每等多外异某]"
_NOT_DISTRICT = re.compile(f"(?:{'|'.join(_COMMON_AREAS + '城 矿 山 营 林'.split())})区$|(?:贫困|重点|兄弟|邻近|周边)县$|{_NOT_ONE_PLACE}")


def _district_host(text: str, left: int, m: re.Match) -> ChamberMention | None:
    """<district|county|banner>山西商会, the place named with its suffix at the start of the name (or after a word
    that opens one): a named chamber whose host the extractor cannot place."""
    tail = re.search("(?:山西|晋)(?:企业|商)?$", text[left:m.start()])
    if tail is None:
        return None
    at = left + tail.start()
    for k in range(at - 3, left - 1, -1):  # the shortest name first: 走访了宝安区 is 宝安区 after a verb
        if k > left and not _NAME_OPENS.search(text, left, k):
            continue
        d = _DISTRICT.fullmatch(text, k, at)
        if d and len(d.group()) >= 3 and not _NOT_DISTRICT.search(d.group()):
            written = text[k:m.end()]
            return ChamberMention(k, m.end(), written, None, None)
    return None


# a district's, county's, banner's, town's or street's name (东区, 宝安区, 小榄镇, 东区街道; 蓬江区杜阮镇: a district,
# then its town) between a city and 商会 or named alone; not a common noun's (乡镇, 城镇, 特色小镇, 古镇 alone, 开发区 …)
_LOCAL = re.compile(rf"(?:[{CJK}]{{1,3}}?(?:新区|区|县|旗))?[{CJK}]{{1,3}}?(?:新区|街道|区|镇|县|旗)")
_NOT_TOWN = re.compile("(?:乡|城|集|小|古|名|重|强|专业|特色|建制|中心|村|县|区|全|各|该|本|我|每|一|这|那)镇$|^市镇$|"
                       "^[各该本我全辖此其每等多外异某一这那]|湾区$")
_NOT_DISTRICT_IN_CITY = re.compile(f"(?:{'|'.join(_COMMON_AREAS)})区$|{_NOT_ONE_PLACE}")
# a title in the words before 商会 (中山市副市长李镇商会…): a person's, not a place's
_NOT_LOCAL_WORD = re.compile("书记|主任|局长|市长|县长|区长|部长|处长|科长|主席|镇长|委员|常委|执委|副")


def _local_word(word: str, in_city: bool = False) -> bool:
    """Whether `word` (…区, …镇, …街道, a district then its town) names one district, county, banner, town or
    street; `in_city`: written after its city's name, where fewer words are common nouns (南山区, 东城区)."""
    if not _LOCAL.fullmatch(word) or _NOT_LOCAL_WORD.search(word) or _POST_START.search(word):
        return False
    if word in places.TOWNS:
        return True
    not_district = _NOT_DISTRICT_IN_CITY if in_city else _NOT_DISTRICT
    return not any(not_district.search(part) or _NOT_TOWN.search(part)
                   for part in re.findall(r".+?(?:新区|街道|区|镇|县|旗)", word))


def _local_tail(words: str) -> bool:
    """The words between a city and 商会 are a district's or town's name and a trade's (东区, 小榄镇, 古镇镇灯饰,
    龙华区服装) — not its 总商会, which the conventions leave open (as a Shanxi county's, _county_own)."""
    for j in range(2, len(words) + 1):
        if _local_word(words[:j], in_city=True) and _TRADE_TAIL.fullmatch(words, j) and "总" not in words[j:]:
            return True
    return False


def _listed_locals(text: str, found: ChamberMention, places_: "Places", index: Index) -> list[ChamberMention]:
    """深圳市宝安区、龙岗区商会 / 小榄镇、古镇镇商会: districts or towns listed before a district's or town's chamber
    share the words after it; each is a chamber of its own (listed), in the town table's city or the chamber's."""
    k = found.start
    if k < 2 or text[k - 1] not in "、和及" or found.place is None or found.prefix or found.generic:
        return []
    end = next((j for j in range(k + 2, found.end - 1) if _local_word(text[k:j])
                and _TRADE_TAIL.fullmatch(text, j, found.end - 2)), None)
    if end is None:
        return []
    out = []
    while k >= 2 and text[k - 1] in "、和及":
        sep = k - 1
        j = run_left(text, sep, 8)
        a = next((a for a in range(j, sep - 1) if _local_word(text[a:sep]) and text[a] not in "市省"
                  and (a == j or _NAME_OPENS.search(text, j, a) or _ends_place(text, j, a, places_))), None)
        if a is None:
            break
        word = text[a:sep]
        town = places.TOWNS.get(word)
        place = _city_place(a, sep, town, index) if town else found.place
        name = word + text[end:found.end]
        out.append(ChamberMention(a, sep, name, place, index.lookup(name, ("Chamber",)), listed=True,
                                  suffix=(end, found.end)))
        k = a
    return list(reversed(out))


def _ends_place(text: str, j: int, a: int, places_: "Places") -> bool:
    """Whether a city's or province's name ends at `a` (深圳市|宝安区)."""
    return any((p := places_.at(text, b, ("City", "Province"))) and p.end == a for b in range(max(j, a - 8), a))


_SENTENCE_END = re.compile("[。！？!?；;\n]")


def _local_own(text: str, left: int, m: re.Match, places_: "Places", index: Index) -> ChamberMention | None:
    """小榄镇商会, 北滘镇商会, 余杭区商会, 平遥县古陶镇商会: a town's (street's, district's) chamber named by the place
    alone, its name starting the run or after a word that opens one, or after its Shanxi county. Its host: the
    town's city (places.TOWNS), the Shanxi county's city, or else the city the sentence named before it; none
    known, no chamber (东区商会 alone)."""
    if m.group() != "商会":
        return None
    at = m.start()
    for k in range(at - 2, left - 1, -1):  # the shortest name first: 走访了柳市镇 is 柳市镇 after a verb
        for j in range(k + 2, at + 1):
            if _local_word(text[k:j]) and _TRADE_TAIL.fullmatch(text, j, at) and "总" not in text[j:at]:
                break
        else:
            continue
        word = text[k:j]
        start, host = k, None
        county = next(((a, _COUNTY_FORMS[text[a:k]]) for a in range(max(left, k - 5), k - 1)
                       if text[a:k] in _COUNTY_FORMS and (a == left or _NAME_OPENS.search(text, left, a))), None)
        if county and word.endswith(("镇", "街道")):
            start, host = county[0], _city_place(county[0], k, county[1][1], index)  # 平遥县古陶镇商会
        elif k > left and not _NAME_OPENS.search(text, left, k):
            continue
        if _NOT_ONE_BEFORE.search(text, left, start):
            return None
        if host is None and word in places.TOWNS:
            host = _city_place(k, j, places.TOWNS[word], index)
        if host is None and word.endswith(("镇", "街道", "区")):
            host = _sentence_city(text, start, places_, shanxi=not word.endswith("区"))
        if host is None:
            return None
        written = text[start:m.end()]
        return ChamberMention(start, m.end(), written, host, index.lookup(written, ("Chamber",)))
    return None


def _sentence_city(text: str, at: int, places_: "Places", shanxi: bool) -> Place | None:
    """The last city (直辖市) the sentence names before `at`: a town's or district's city where its chamber is
    named by it alone (温州市领导走访了柳市镇商会). Not a Shanxi city for a district (`shanxi` False): Shanxi's
    districts are all known (entities._county_own), so one that is not is in another city."""
    start = max((s.end() for s in _SENTENCE_END.finditer(text, max(0, at - 200), at)), default=max(0, at - 200))
    cities = [p for p in places_.find(text[start:at])
              if p.label == "City" or (p.label == "Province" and p.name in places.MUNICIPALITIES)]
    if not cities:
        return None
    p = cities[-1]
    if not shanxi and p.name in _SHANXI_CITY_FULL:
        return None
    place = _moved(p, start + p.start, start + p.end)
    if place.label == "City" and place.name in places.MUNICIPALITIES:
        place = places_.at(text, place.start, ("Province",)) or place
    return place


_CHINA_PREFIXED = frozenset(places.SARS + ("台湾省",))
_SHANXI_CITY_FULL = frozenset(places.CITIES[c] for c in places.SHANXI_CITIES)


def _sibling(text: str, left: int, at: int, out: list, places_: "Places"):
    """…芮城总商会北京商会会长甲、南京商会会长乙 (or ，): a place's 商会 listed after a federation's branch in the
    same sentence is another branch of that federation. Returns (the federation's span, the place)."""
    if text[left - 1:left] not in ("、", "，", ",") or not out:
        return None  # (asked first: cheap, and most 商会 are not listed after another)
    place = places_.at(text, left, ("City", "Province"))
    if place is None or place.end != at:
        return None
    last = out[-1]
    if last.prefix and not text.endswith("总商会", 0, last.prefix[1]):
        return None  # a host shared by a list (太原市 of 、台州商会, see _shared_host), not a federation
    fed = last.prefix or (_branch(text, last.start, last.end - 2, places_) and (last.start, text.find("总商会", last.start) + 3))
    if not fed or re.search("[。；;!！?？\n]", text[last.end:left]):
        return None
    return fed, place


# the place after 驻 in a chamber's name: a province's one-character abbreviation (驻晋, 驻京) or a place's name
_STATIONED_AT = re.compile(rf"驻([{''.join(ABBREVIATIONS)}])?$")


def _stationed(text: str, left: int, m: re.Match, places_: "Places", index: Index) -> ChamberMention | None:
    """河南省驻晋商会, 浙江省温州市驻太原商会: <home>驻<host>商会 names one chamber based in the place after 驻 (驻晋 is
    山西省), not the host's own chamber (太原商会). The home is a province or city right before 驻."""
    d = text.rfind("驻", left, m.start())
    words = text[d + 1:m.start()]
    if len(words) == 1:
        if words not in ABBREVIATIONS:
            return None
        p = places_.at(ABBREVIATIONS[words], 0, ("Province",))
        host = p and Place(d + 1, d + 2, p.id, p.label, p.name, p.known)
    else:
        host = places_.at(text, d + 1, ("City", "Province"))
        if host and host.end != m.start():
            host = None
    if host is None or text.startswith(("联合会", "联谊会", "联席会"), m.end()):
        return None  # 北京河南驻京商会联合会: a federation of such chambers, no one chamber
    for k in range(left, d):
        home = places_.at(text, k, ("Province", "City"))
        if home is None:
            continue
        inner = home.end != d and places_.at(text, home.end, ("City",))  # 浙江省温州市: a province, then its city
        if home.name == host.name or not (home.end == d or inner and inner.end == d):
            return None  # the first place of the run is not the home (北京河南驻京商会)
        if host.label == "City" and host.name in places.MUNICIPALITIES:
            host = places_.at(text, host.start, ("Province",)) or host
        return ChamberMention(k, m.end(), text[k:m.end()], host, index.lookup(text[k:m.end()], ("Chamber",)))
    return None


_SHARED_SEP = re.compile("、|和|及|以及")


def _other_people(words: str) -> bool:
    """Whether `words` (between a host and 商会) are another province's or place's people, not Shanxi's: 浙江,
    温州, 河北唐山, 潮汕, 浙江企业."""
    if "山西" in words or "晋" in words or words in _SHANXI_COUNTIES:
        return False
    i, home = _home(words)
    return home is not None and home != "山西省" and _TRADE_TAIL.fullmatch(words, i) is not None and "总" not in words


def _shanxi_place(words: str) -> bool:
    """Whether `words` are a Shanxi city or county as a chamber's home (平遥, 介休, 运城市)."""
    return words in _SHANXI_COUNTIES or words.removesuffix("市") in places.SHANXI_CITIES


def _shared_host(text: str, m: re.Match, last: ChamberMention, index: Index,
                 shanxi: bool = False) -> ChamberMention | None:
    """太原市温州商会、台州商会、丽水商会 / 山西省福建商会、浙江商会: chambers of other places' people listed right
    after one named with its host share that host (太原市台州商会), as the conventions list distributive names. Only
    after a chamber of another home than Shanxi: a bare 河南商会 after 深圳市山西商会 is left open. With `shanxi`:
    Shanxi cities' and counties' chambers outside Shanxi (北京平遥商会、介休商会 → 北京介休商会), not the county's
    own chamber."""
    kind = _shanxi_place if shanxi else _other_people
    sep = _SHARED_SEP.match(text, last.end)
    if sep is None or last.place is None or last.generic or last.listed or not last.written.endswith("商会"):
        return None
    item = text[sep.end():m.start()]
    level = item[:1] if item[:1] in ("省", "市") else ""  # 大同市浙江商会和市福建商会: the host's 市 written again
    if not 2 <= len(item) - len(level) <= 8 or not kind(item[len(level):]):
        return None
    if shanxi and (last.place.name == "山西省" or places.short(last.place.name) in places.SHANXI_CITIES):
        return None  # 太原市平遥商会、介休商会: in Shanxi, the county's own chamber may be meant
    if last.prefix:
        host_at, home_at = last.prefix, last.start
    elif last.start <= last.place.start < last.end:
        home_at = last.place.end
        while text[home_at] in "省市":
            home_at += 1
        host_at = (last.start, home_at)
    else:
        return None
    home = text[home_at:last.end - 2].lstrip("省市")
    if not kind(home) or home == item[len(level):] or \
            not shanxi and _home(item[len(level):])[1] in (last.place.name, _home(home)[1]):
        return None
    if level and last.prefix and text[last.start] == level:
        pass  # 、市福建商会、市河南商会: the host without its 市, as the item before took it
    elif level:
        if text[host_at[1] - 1] != level:
            return None  # 山西浙江商会、市福建商会: not the host's level
        host_at = (host_at[0], host_at[1] - 1)
    name = text[host_at[0]:host_at[1]] + text[sep.end():m.end()]
    return ChamberMention(sep.end(), m.end(), text[sep.end():m.end()], last.place, index.lookup(name, ("Chamber",)),
                          prefix=host_at)


def _shanxi_tie(place, middle: str) -> bool:
    """A chamber of Shanxi people elsewhere (深圳市山西商会, 上海朔州商会, 北京忻州企业商会), or of
    another province's people in Shanxi (山西省广东商会, 太原武乡商会)."""
    if "山西" in middle or "晋" in middle or any(c in middle for c in places.SHANXI_CITIES):
        return True
    in_shanxi = place.name == "山西省" or places.short(place.name) in places.SHANXI_CITIES
    home = middle.removesuffix("企业")
    if place.name == "山西省" and any(_COUNTY_FORMS.get(middle[:n]) and _other_home(middle[n:]) for n in range(2, 5)):
        return True  # 山西平遥浙江商会: a Shanxi county, then another place's people
    # the people's home province or county: 广东, 河南, 武乡 — not 异地, 各异地, 建立
    return in_shanxi and 2 <= len(home) <= 3 and not re.search("[地各建立新老总联]", home)


# What may stand between a chamber's home and 商会 (北京河南企业商会, 深圳市湖南青年企业家商会), and the trades
# a chamber of one place's businesses may be named after (深圳市总商会, 上海市服装商会). 异地 is not one:
# 山西异地商会 is the convention's generic mention.
_MEMBERS = "(?:青年|女)?(?:企业家|企业)?"
_TRADES = ("总", "工商", "国际", "进出口", "外商投资企业", "民营企业", "个体私营企业", "服装", "餐饮", "汽车", "建材", "石材",
           "钢铁", "煤炭", "能源", "新能源", "物流", "电子", "电子商务", "房地产", "农业", "文化", "旅游", "医药", "科技",
           "互联网", "金融", "酒店", "茶叶", "家具", "纺织", "珠宝",
           # more of the trades chambers are named after
           "酒业", "陶瓷", "五金", "机电", "化工", "塑料", "皮革", "鞋业", "服饰", "家居", "装饰", "建筑", "建筑装饰", "会展",
           "教育", "健康", "养老", "食品", "粮油", "农产品", "中医药", "光伏", "半导体", "人工智能", "数字经济", "跨境电商",
           "供应链", "航运", "保险", "投资", "融资担保", "广告", "家电", "电器", "眼镜", "钟表", "玩具", "印刷", "包装",
           "水泥", "玻璃", "铝业", "焦化", "冶金", "矿业", "商贸", "物业", "美容美发", "烹饪", "汽车用品", "环保", "节能",
           # the trades of towns' and districts' chambers (中山市古镇镇灯饰商会, 东莞市大朗镇毛织商会)
           "灯饰", "照明", "毛织", "红木", "家纺", "内衣", "模具", "卫浴", "花木", "水产", "小家电", "五金机电")
_TRADE = re.compile("|".join(sorted(_TRADES, key=len, reverse=True)))
_TRADE_TAIL = re.compile(rf"{_MEMBERS}(?:{_TRADE.pattern})?")
# 浙商 / 豫商 / 粤商: a province's merchants as a chamber's home (not 新/青, which open other words)
_MERCHANTS = re.compile(rf"[{''.join(a for a in ABBREVIATIONS if a not in '新青晋')}]商")


def _named_middle(text: str, host: "Place", at: int, m: re.Match, places_: "Places") -> "Place | None":
    """A chamber named <host><home?><members?><trade?>商会 with no Shanxi tie (北京浙江商会, 上海市河北唐山商会,
    北京河南企业商会, 深圳市总商会, 山西省青年企业家商会), or a place's 商业联合会 (山西商业联合会); `at` is where the words after the
    host begin, `m` the 商会 that ends the name. Returns the host, None when those words are no name (外省,
    各地, 异地, 企业, a verb) or leave the host open (河北唐山商会: 唐山 is in 河北, the host is not named)."""
    middle = text[at:m.start()]
    if len(middle) == 1 and middle in _ONE_CHAR_HOMES:
        # 晋城市豫商会, 太原浙商会: the home province by its abbreviation (as 浙商 is, _MERCHANTS), not the host's own
        return host if not host.name.startswith(ABBREVIATIONS[middle]) and m.group() == "商会" else None
    if not middle:
        # 运城商会: a Shanxi city's own chamber (a gazetteer's history of the city's chambers); 义乌市商会, 晋江市商会,
        # 顺德区商会: a county-level place's own, written with its 市 / 区 (not 义乌商会: a chamber of 义乌 people)
        own = text[at - 1:at] in ("市", "区", "县", "旗") and (
            text[host.start:at] in places.COUNTY_CITIES or bool(_HOST_COUNTY.fullmatch(text, host.start, at)))
        if text[host.start - 1:host.start] == "驻":
            return None  # 驻太原商会 with no home before it (see _stationed): not 太原's own chamber
        return host if own or m.group() == "商业联合会" or places.short(host.name) in places.SHANXI_CITIES else None
    if (host.label == "City" or host.name in places.MUNICIPALITIES) and _local_tail(middle):
        return host  # 中山市东区商会, 中山市小榄镇商会, 深圳市龙华区服装商会: a district's or town's, in its city
    town = next((t for t in _TOWNS_OF.get(host.name, ()) if middle.startswith(t.removesuffix("镇").removesuffix("街道"))), None)
    if town and _TRADE_TAIL.fullmatch(middle, len(town.removesuffix("镇").removesuffix("街道"))) and "总" not in middle:
        return host  # 东莞虎门商会: a town of the city by its short form
    i, home = _home(middle)
    if home and _parent(home) == host.name:
        # 湖南省长沙市浙江商会: the province's city is the host when another home follows it
        j, home2 = _home(middle[i:])
        if host.label == "City" and home2 is not None:
            # 晋中市平遥县浙江商会, 大同市云冈区福建商会: the city's county or district, then the home — based in
            # the city, as 平遥县浙江商会 is (a district resolves to its city)
            return host if _TRADE_TAIL.fullmatch(middle, i + j) and "总" not in middle[i + j:] else None
        city = places_.at(text, at, ("City",))
        if city is None or city.end != at + i:  # a city the built-in list leaves out (四川遂宁浙江商会)
            city = Place(at, at + i, f"city:{home}", "City", home, False)
        if home2 is None:
            # 广东省深圳市南山区商会: the province's city, then its district or town
            return city if _local_tail(middle[i:]) else None
        host, i, home = city, i + j, home2
    if home and (home == host.name or _parent(host.name) == home):
        # 北京北京商会, 深圳广东商会: one place twice, no name; 深圳市广东潮汕商会: the province, then the home in it
        j, home2 = _home(middle[i:])
        return host if home2 and _TRADE_TAIL.fullmatch(middle, i + j) and "总" not in middle else None
    tail = _TRADE_TAIL.fullmatch(middle, i)
    if tail is None:
        # 深圳市湖南邵东商会, 上海市河南固始商会: a home province, then one of its counties the place list leaves out
        return host if home in _PROVINCE_NAMES and _county_of_home(middle[i:]) else None
    # 山西省青年企业家商会, 太原市女企业家商会: a place's (young, women) entrepreneurs are members enough
    return host if home or _TRADE.search(tail.group()) or "企业家" in tail.group() or tail.group() == "青年" else None


_COMMUNITIES = frozenset(places.COMMUNITIES)
_PROVINCE_NAMES = frozenset(places.PROVINCES.values())
# a county's (county-level city's) name after its province, with or without its suffix: 邵东, 固始县, 晋江市 — not
# a word of kind or place (异地, 各地, 驻京, 籍, 同乡 …), nor one that runs into another chamber or body
_HOME_COUNTY = re.compile(rf"[{CJK}]{{2,3}}(?:县|市|区|旗)?")
_NOT_HOME_COUNTY = re.compile("[各异地籍外省等的和与及在为是了驻京沪津渝商会企业青年女总工行协乡联同镇街村]")


def _county_of_home(words: str) -> bool:
    """Whether `words` are a county's name and the chamber's members or trade (邵东, 固始县企业家)."""
    for n in range(2, min(len(words), 4) + 1):
        if _HOME_COUNTY.fullmatch(words, 0, n) and not _NOT_HOME_COUNTY.search(words[:n]) \
                and _TRADE_TAIL.fullmatch(words, n) and "总" not in words[n:]:
            return True
    return False


def _home(middle: str) -> tuple[int, str | None]:
    """The home place at the start of the words between a host and 商会: 浙江, 河北唐山 (a province and its
    city), 武乡 (a county), 美国, 浙商, 客家 / 潮汕 / 苏北 (a dialect group or home region, places.COMMUNITIES).
    Returns (its length, its full name or the written form)."""
    if _MERCHANTS.match(middle):
        return 2, middle[:2]
    for n in range(min(len(middle), 8), 1, -1):
        word = middle[:n]
        found = lookup_folded(word)
        if found:
            full = found[0].full
            for m in range(min(len(middle) - n, 8), 1, -1):  # 河北唐山: the province, then its city
                inner = lookup_folded(middle[n:n + m])
                if inner and _parent(inner[0].full) == full:
                    return n + m, inner[0].full
            return n, full
        if word in places.COUNTRIES or word in _SHANXI_COUNTIES or word in _COMMUNITIES:
            return n, word
    return 0, None


# a Shanxi county as the home (北京平遥商会); a district's short form (城区, 迎泽) is no home
_SHANXI_COUNTIES = frozenset(f for full, short, _ in places.shanxi_counties()
                             for f in ((full, short) if full.endswith(("县", "市")) else (full,)) if len(f) >= 2) | \
    frozenset(f for f, (_, _, former) in _COUNTY_FORMS.items() if former)  # 北京安邑商会


def _parent(full: str) -> str | None:
    """A prefecture-level city's province (唐山市 → 河北省), from the resolution package's place dictionary
    (GB/T 2260), which also lets find_chambers read 河北唐山 as one home."""
    return parent(full)


def _known_ending_at(text: str, q: int, index: Index) -> ChamberMention | None:
    for n in range(min(q, 20), 3, -1):
        known = index.lookup(text[q - n:q], ("Chamber",))
        if known:
            return ChamberMention(q - n, q, text[q - n:q], None, known)
    return None


_COMPANY_CHAR = re.compile(rf"[{CJK}()（）A-Za-z0-9]")


def find_companies(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in COMPANY_END.finditer(text):
        if m.group() == "集团" and text[m.end():m.end() + 4].startswith(("有限公司", "股份")):
            continue
        left = run_left(text, m.start(), 30, _COMPANY_CHAR)
        run = text[left:m.start()]
        cuts = list(COMPANY_CUT.finditer(run))
        start = left + (cuts[-1].end() if cuts else 0)
        if m.end() - start >= 6 and not text[start:m.end()].startswith(("山西商会", "商会")):
            out.append((start, m.end(), text[start:m.end()]))
    return out


_NAME_TOO = set("一向先为应同发宣作从将当和在")  # stop characters that also open given names (田在玮)
_NOT_NAME = ("先后", "为了", "应邀", "同志", "发言", "发表", "作为", "将在", "当选", "向他", "向她", "为其", "和他", "向大",
             "为大", "同时", "从事", "作了", "发出", "宣布", "当地", "将于", "应该", "同样", "一行", "一起", "一同", "一直",
             "一道", "一致", "一再", "一是", "一方", "一次", "一个", "一些")


# two-character words that follow a name: when the character after a surname and one more opens one of
# these, that character is not the name's third (王强会见 / 刘军莅临 / 胡军上午 are 王强, 刘军, 胡军). Not
# words whose first character often ends a given name (来到: 王德来; 高度: 李志高; 建议: 王德建)
_VERB_AFTER = VERB_AFTER_NAME + (
    "莅", "赴", "走访", "走进", "调研", "汇报", "颁发", "颁奖", "上午", "下午", "中午", "晚上", "亲切", "亲自", "亲临",
    "会见", "会晤", "会同", "会后", "会上", "会前", "视察", "接见", "接待", "到会", "到场", "到访", "到达", "前往",
    "专程", "特地", "特意", "特别", "随即", "随同", "再次", "还", "则", "又", "已", "便", "即", "此次", "这次", "本次",
    "现场", "总结", "回顾", "解读", "讲解", "详细", "简要", "通报", "传达", "寄语", "祝贺", "捐赠", "捐款", "捐资",
    "获评", "获颁", "获奖", "获聘", "获选", "荣膺", "领取", "受聘", "受到", "谈及", "听取", "观看", "深入", "实地",
    "鼓励", "勉励", "赞扬", "点评", "呼吁", "倡议", "连任", "卸任", "增补", "夫妇", "积极", "充分", "认真", "全票",
    "高票", "顺利", "光荣", "正式", "再度", "继续", "已经", "曾经", "首次", "视频", "线上", "通过",
    "接牌", "接过", "公布", "致辞",
    # what those holding posts do in a chamber's news (副会长兼秘书长李某协助… / 秘书长王某负责…)
    "协助", "协调", "负责", "分管", "主管", "宣读", "留任", "改任", "转任", "续任", "列席")
# two-character surnames (复姓): the given name is the one or two characters after them (欧阳明华, 上官云)
_COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "司徒", "皇甫", "令狐", "夏侯", "慕容", "公孙", "尉迟", "端木",
                      "宇文", "呼延", "澹台", "轩辕", "独孤", "申屠", "淳于", "钟离")
# a name of parts joined by a middle dot (阿布都·热合曼, 迪丽拜尔·买买提): each part up to a character that
# cannot be in it
_DOTS = "·・•‧"
_DOT = re.compile(f"[{_DOTS}]")
_DOT_NAME = re.compile(rf"[{CJK}]{{1,5}}(?:[{_DOTS}][{CJK}]{{1,8}})+")


# common words that open with a surname's character (高度评价, 全面总结, 任期三年, 包括, 项目): no name starts
# there. Not words that open given names as often (高峰, 文明 aside: 王文明 starts at 王)
_COMMON_WORDS = frozenset("""
和大 和各 和全 和与 和我 和他 和她 和会 和企 和社 和谐 和广 向大 向各 向全 向与 向社 向他 向她 向我 向广 向来 向前
于会 于是 于此 于今 任期 任上 任内 任务 任何 任职 时表 时间 时任 时期 时候 时代 时刻 时至 高度 高兴 高新 高层 高管
高级 高质 高效 高票 高端 高速 高水 高规 高位 高校 高铁 严格 严肃 严重 简要 简单 简短 全面 全体 全力 全票 全程 全省
全市 全县 全国 全部 全年 全新 全球 全方 全心 明确 明年 明天 明显 万分 万元 万人 常年 常态 常委 常住 常驻 关心 关于
关注 关键 关系 关爱 关怀 方面 方式 方案 方向 方法 方针 包括 包含 包装 贺信 贺电 贺词 齐心 齐聚 齐全 华丽 华北 华东
华南 华中 华夏 应邀 应对 应用 应该 应当 党建 党员 党委 党组 党支 党政 党的 党中 文化 文件 文旅 文艺 文章 文字 连续
连日 连同 连接 连锁 路过 路线 路演 毕业 单独 单位 单纯 安排 安全 安置 安装 金融 金额 金属 司机 司法 成为 成立 成功
成员 成果 成本 成效 车间 车辆 管理 管委 管道 计划 计算 易于 石油 石化 龙头 史上 施工 施行 章程 申请 申报 焦点 左右
祝贺 祝福 祝愿 尚未 尚有 符合 纪念 纪律 纪委 凌晨 季度 苗木 盛会 盛大 盛情 盛典 蓝图 游客 游览 辛苦 房地 房屋 房产
解决 解读 解放 解答 尤其 阳光 农业 农村 农民 农产 古城 古代 吉祥 项目 景区 景点 费用 卫生 宗旨 师生 师范 商务 商会
商业 商贸 商品 商家 沙龙 荣获 荣誉 荣幸 查看 余人 余家 余位 余年 余名 余个 何时 许多 许可 马上 周边 周年 周末 周期
周到 周围 曾经 董事 程序 范围 陆续 谢谢 付出 顾问 顾客 温暖 康养 庞大 殷切 卓越 冷链 席位 边境 巩固 薄弱 储备 储能
畅通 畅谈 杜绝 欧洲 夏季 白天 陶瓷 牛年 乔迁 颜色 黎明 孔子 甘肃 梅花 童年 谷物 柳树 武装 邢台 吕梁 霍州 阳泉 宁波
宁夏 苏州 唐山 沈阳 温州 杭州 桂林 兰州 柳州 武汉 成都 安阳 江苏 江西 江南 蒙古 吉林 韩国 黄河 林业 梁山
渠道 楼宇 楼盘 楼层 楼房 楼上 楼下 楼顶
""".split())
# the common words above that name a place and open given names as well (韩国强, 吉林华, 江南春): right
# after a post (会长韩国强出席) a three-character name that closes there is read
_PLACE_WORDS = frozenset("""
邢台 吕梁 霍州 阳泉 宁波 宁夏 苏州 唐山 沈阳 温州 杭州 桂林 兰州 柳州 武汉 成都 安阳 江苏 江西 江南 蒙古 吉林 韩国 黄河
梁山 甘肃
""".split())
# titles said after a surname alone (王会长, 李书记, 赵总经理): a way of address, not a name
_TITLE_AFTER_SURNAME = ("书记", "主任", "局长", "市长", "县长", "区长", "部长", "处长", "科长", "主席", "校长", "院长",
                        "厂长", "经理", "老师", "教授", "博士", "委员", "省长", "镇长", "乡长", "村长", "队长", "组长",
                        "行长", "社长", "所长", "站长", "馆长", "团长", "总经理", "总裁", "董事长", "老板", "师傅")


def name_ends(text: str, k: int) -> bool:
    """Whether a name may end at `k`: what follows is no more of a word (金融服务, 任期三年) — a boundary, a
    character that closes names (等, 在, 出…), a verb or word of address, an honorific or a post."""
    c = text[k:k + 1]
    return c == "" or not _CJK.match(c) or c in STOP_AFTER_NAME or c in _OPENS_AFTER_NAME \
        or text.startswith(_VERB_AFTER, k) or bool(_POST_START.match(text, k))


# single characters that open what is said after a name (王某携夫人, 王某到会, 王某用…, 王某还…)
_OPENS_AFTER_NAME = frozenset("偕携到来用以给做都更回领亲深再已还又则便即曾让请送赴莅首随热现详重特专分正均率亦虽因但不没很非始一多")


def _dot_name(text: str, i: int) -> tuple[int, int] | None:
    m = _DOT_NAME.match(text, i)
    if not m:
        return None
    parts = re.split(f"[{_DOTS}]", m.group())
    if any(c in STOP_AFTER_NAME for c in "".join(parts[:-1])) or any(_POST_START.search(p) for p in parts[:-1]):
        return None
    last, k = parts[-1], 0
    while k < len(last) and last[k] not in STOP_AFTER_NAME and not _POST_START.match(last, k) \
            and not (k >= 2 and last.startswith(_VERB_AFTER, k)):
        k += 1
    if k < 2:
        return None
    return (i, m.end() - len(last) + k)


def _compound(text: str, i: int) -> tuple[int, int] | None:
    """欧阳明华 / 上官云: a two-character surname and one or two characters."""
    j = i + 2
    if j >= len(text) or not _CJK.match(text[j]) or text[j] in STOP_AFTER_NAME or _POST_START.match(text, j):
        return None
    if j + 1 < len(text) and _CJK.match(text[j + 1]) and text[j + 1] not in STOP_AFTER_NAME \
            and not _POST_START.match(text, j + 1) and not text.startswith(_VERB_AFTER, j + 1):
        return (i, j + 2)
    return (i, j + 1)


def name_at(text: str, i: int) -> tuple[int, int] | None:
    """A person's name (surname + one or two characters; a two-character surname + one or two; parts
    joined by ·) starting at text[i], or None."""
    if i < len(text) and _DOT.search(text, i + 1, i + 7):  # (a ·, ・, • or ‧ in the next six characters)
        dotted = _dot_name(text, i)
        if dotted:
            return dotted
    if text.startswith(_COMPOUND_SURNAMES, i):
        return _compound(text, i)
    if i >= len(text) or text[i] not in SURNAMES or _POST_START.match(text, i):
        return None
    if text[i:i + 2] in _COMMON_WORDS or _POST_START.match(text, i + 1) or text.startswith(_TITLE_AFTER_SURNAME, i + 1):
        return None  # 高度评价 / 王会长 / 李书记
    # 成都商会 / 高平市商会: a chamber's place (not 王强任商会副秘书长 / 王强为商会监事长: a name, then a verb)
    if text.startswith("商会", i + 2) or text.startswith("商会", i + 3) and text[i + 2:i + 3] not in STOP_AFTER_NAME:
        return None
    if i + 1 >= len(text) or not _CJK.match(text[i + 1]):
        return None
    if text[i + 1] in STOP_AFTER_NAME:
        # 赵向东、 / 高先中签署: a given name that opens with a character that is also a verb, when a
        # third character closes the name before a boundary or a verb
        if text[i + 1] in _NAME_TOO and i + 3 < len(text) and _CJK.match(text[i + 2]) \
                and text[i + 2] not in STOP_AFTER_NAME and (text[i + 3] in STOP_AFTER_NAME or text[i + 3] == "\n"
                                                        or text.startswith(_VERB_AFTER, i + 3) or bool(_POST_START.match(text, i + 3))) \
                and not text.startswith(_NOT_NAME, i + 1):
            return (i, i + 3)
        return None
    if text[i + 2:i + 3] == "和" and text[i + 3:i + 4] in ("、", "，", ",", "。", "；", ";", "）", ")") \
            and text[i + 1:i + 2] not in STOP_AFTER_NAME:
        return (i, i + 3)  # 陈永和、…: a given name that ends in 和, closed by a boundary (not 甲和乙: a name follows)
    if i + 2 < len(text) and _CJK.match(text[i + 2]) and text[i + 2] not in STOP_AFTER_NAME \
            and not _POST_START.match(text, i + 2) \
            and not text.startswith(_VERB_AFTER, i + 2):  # 张新会长 / 兰勇接受: 张新 / 兰勇, then the post or verb
        return (i, i + 3)
    return (i, i + 2)


def name_after_post(text: str, i: int) -> tuple[int, int] | None:
    """A name right after a post (会长王某): as name_at reads it, or three characters whose first two name a
    place (会长韩国强出席), when a boundary, a verb or a post closes them there."""
    span = name_at(text, i)
    if span or text[i:i + 2] not in _PLACE_WORDS or i + 3 > len(text) or not _CJK.match(text[i + 2]) \
            or text[i + 2] in STOP_AFTER_NAME or text[i + 2] in "地得省市县区":
        return span
    k = i + 3
    c = text[k:k + 1]
    if c == "" or not _CJK.match(c) or c in "、等出在和与及" or text.startswith(_VERB_AFTER, k) or _POST_START.match(text, k):
        return (i, k)
    return None


def names_list_at(text: str, i: int) -> list[tuple[int, int]]:
    """Names separated by 、 starting at text[i]: 李建国、赵文祥、张再炜."""
    out = []
    while True:
        span = name_at(text, i)
        if span is None:
            break
        out.append(span)
        if span[1] < len(text) and text[span[1]] == "、" and name_at(text, span[1] + 1):
            i = span[1] + 1
            continue
        break
    return out


@lru_cache(maxsize=4096)
def chamber_key(name: str) -> str:
    """A chamber's matching key within an article: its folded name, 省 and 市 aside (柬埔寨山西省商会 is
    柬埔寨山西商会, 深圳山西商会 深圳市山西商会)."""
    key = re.sub("[省市]", "", fold(name))
    m = _abbreviated(key)
    return key[:m.start()] + ABBREVIATIONS[m.group(1)] + "商会" if m else key  # 晋城豫商会 is 晋城河南商会


@lru_cache(maxsize=4096)
def abbreviated_home(name: str) -> bool:
    """Whether a chamber's name gives its home province by abbreviation (晋城豫商会, 太原浙商会)."""
    return _abbreviated(re.sub("[省市]", "", fold(name))) is not None


def _abbreviated(key: str) -> re.Match | None:
    m = _ABBREVIATED_HOME.search(key) if key.endswith("商会") else None
    # not the last character of a place's name (上海江苏商会, 太原西宁商会)
    return None if m is None or any(lookup_folded(key[m.start() - n:m.end(1)]) for n in (1, 2)) else m


# a province's people by its one-character abbreviation, after a host: 晋城市豫商会, 太原浙商会, 山西浙商商会 (not 晋:
# 北京晋商会 keeps its own key; not 新/青/台, which open other words: 新商会, 台商会)
_ONE_CHAR_HOMES = "".join(a for a in ABBREVIATIONS if a not in "晋新青台")
_ABBREVIATED_HOME = re.compile(rf"(?<=[{CJK}]{{2}})([{_ONE_CHAR_HOMES}])商?商会$")


quicken_all(globals())  # every pattern above: a leading look-ahead of where it can start (lookahead.py)
