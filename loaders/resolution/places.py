"""The place dictionary that chamber names are parsed against (data: places.tsv beside this file).

A written place is looked up by its full name (吉林省, 原平市), its short form (吉林, 原平) or, for a
province, its one-character abbreviation (晋 = 山西). A short form that names two places (吉林: the
province and the city) gives the level only when the written form states it.

>>> lookup("珠海市")
(Place(short='珠海', level='city', full='珠海市'),)
>>> [p.level for p in lookup("吉林")]
['province', 'city']
>>> lookup("晋")
(Place(short='山西', level='province', full='山西省'),)
>>> lookup("纽约")
()
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from loaders.text import fold

LEVELS = ("province", "municipality", "city", "county")
LEVEL_ZH = {"province": "省", "municipality": "直辖市", "city": "市", "county": "县/区"}

# The provinces' one-character abbreviations as used in chamber names (晋商会, 豫商会, 粤商会 …).
ABBREVIATIONS = {
    "晋": "山西", "冀": "河北", "豫": "河南", "鲁": "山东", "陕": "陕西", "秦": "陕西", "甘": "甘肃",
    "陇": "甘肃", "蒙": "内蒙古", "辽": "辽宁", "吉": "吉林", "黑": "黑龙江", "苏": "江苏", "浙": "浙江",
    "皖": "安徽", "徽": "安徽", "闽": "福建", "赣": "江西", "鄂": "湖北", "湘": "湖南", "粤": "广东",
    "桂": "广西", "琼": "海南", "川": "四川", "蜀": "四川", "渝": "重庆", "黔": "贵州", "滇": "云南",
    "藏": "西藏", "青": "青海", "宁": "宁夏", "新": "新疆", "京": "北京", "津": "天津", "沪": "上海",
    "港": "香港", "澳": "澳门", "台": "台湾",
}


@dataclass(frozen=True)
class Place:
    short: str  # the short form, 珠海
    level: str  # one of LEVELS
    full: str  # the full name, 珠海市


@dataclass(frozen=True)
class _Index:
    by_full: dict[str, Place]
    by_short: dict[str, tuple[Place, ...]]
    rows: tuple[tuple[Place, str | None], ...]  # every row in code order, with its parent's full name


@lru_cache(maxsize=1)
def _index() -> _Index:
    text = resources.files("loaders.resolution").joinpath("places.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    by_full: dict[str, Place] = {}
    by_short: dict[str, list[Place]] = {}
    order: list[tuple[Place, str | None]] = []
    for row in rows:
        place = Place(row["short"], row["level"], row["name"])
        order.append((place, row["parent"] or None))
        by_full.setdefault(place.full, place)
        same = by_short.setdefault(place.short, [])
        if all(p.level != place.level for p in same):
            same.append(place)
    return _Index(by_full, {k: tuple(v) for k, v in by_short.items()}, tuple(order))


def lookup(written: str) -> tuple[Place, ...]:
    """The places a written form may name: one when it is unambiguous, none when it is no place."""
    return lookup_folded(fold(written))


@lru_cache(maxsize=262144)
def lookup_folded(text: str) -> tuple[Place, ...]:
    """`lookup` for text already folded (loaders.text.fold): the parser's inner loop."""
    index = _index()
    if text in index.by_full:
        return (index.by_full[text],)
    if text in index.by_short:
        return index.by_short[text]
    if text in ABBREVIATIONS:
        return index.by_short[ABBREVIATIONS[text]][:1]
    return ()


def divisions(*levels: str) -> tuple[tuple[Place, str | None], ...]:
    """Every place of the dictionary at the given levels (all when none is given), in GB/T 2260 code
    order, each with its parent's full name (None for a province or municipality). The one reader of
    places.tsv: the article extractor's place list (loaders/articles/places.py) is built from it.

    >>> [(p.full, parent) for p, parent in divisions("city")][:2]
    [('石家庄市', '河北省'), ('唐山市', '河北省')]
    """
    return tuple(row for row in _index().rows if not levels or row[0].level in levels)


@lru_cache(maxsize=1)
def _parents() -> dict[str, str]:
    parents: dict[str, str] = {}
    for place, up in _index().rows:
        if up:
            parents.setdefault(place.full, up)
    return parents


def parent(full: str) -> str | None:
    """The full name of the place a city or county belongs to: 唐山市 → 河北省, 曲沃县 → 临汾市; None for a
    province, a municipality or a name the dictionary does not hold. A county name that several cities
    share (城区) gives the first.

    >>> parent("唐山市"), parent("山西省")
    ('河北省', None)
    """
    return _parents().get(full)


def is_ambiguous(short: str) -> bool:
    """True when a short form names more than one place (吉林, 海南)."""
    return len(_index().by_short.get(short, ())) > 1


@lru_cache(maxsize=65536)
def short_form(text: str) -> str:
    """A place reference (a name, a full name or a node id such as `city:珠海市`) → its short form;
    text that names no known place comes back folded.

    >>> short_form("city:珠海市"), short_form("珠海"), short_form("county:忻州市/原平市")
    ('珠海', '珠海', '原平')
    """
    text = fold(text)
    if ":" in text and text.split(":", 1)[0].isascii():
        text = text.split(":", 1)[1].rsplit("/", 1)[-1]
    found = lookup(text)
    return found[0].short if found else text
