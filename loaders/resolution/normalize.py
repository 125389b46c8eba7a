"""Matching keys: one comparable form of a name per label. Stored names stay as written.

All keys start from loaders.text.fold (traditional → simplified, full-width → half-width, no
spaces); each label then drops what does not tell two entities apart.

>>> match_key("Chamber", "天津市山西商会") == match_key("Chamber", "天津山西商會")
True
>>> match_key("Chamber", "珠海晋商会") == match_key("Chamber", "珠海山西商会")
True
>>> match_key("Company", "山西建工（集团）有限公司"), match_key("Company", "山西建工集团有限公司")
('山西建工', '山西建工')
>>> match_key("Company", "华能集团山西分公司")
'华能集团山西分公司'
>>> match_key("Project", "原平市同川梨深加工项目"), match_key("Project", "X园区项目（二期）")
('原平市同川梨深加工', 'X园区二期')
>>> match_key("Person", "王 建勇")
'王建勇'
>>> pinyin_key("王建勇")
'wangjianyong'
"""
from __future__ import annotations

import re
from functools import lru_cache

from loaders.resolution.chamber_names import parse_chamber
from loaders.resolution.places import lookup_folded
from loaders.text import fold

# Legal forms carry no identity: 山西粤商投资有限公司 and 山西粤商投资股份有限公司 name one firm
# (a change of form keeps the firm). 分公司 is never stripped: a branch is not its parent.
_LEGAL_FORMS = re.compile(r"股份有限公司|有限责任公司|有限公司|\(集团\)|\(控股\)")
_TRAILING = re.compile(r"(?<!分)(总公司|公司|集团)$")
_BRACKETS = str.maketrans({"【": "(", "】": ")", "[": "(", "]": ")", "〔": "(", "〕": ")"})

_PHASE = re.compile(r"\(?第?([一二三四五六七八九十\d]+)期(工程)?\)?")
_NUMERALS = {str(i): c for i, c in enumerate("〇一二三四五六七八九十")}
_NUMERALS["10"] = "十"


@lru_cache(maxsize=262144)
def company_key(name: str) -> str:
    """A company's key: legal forms (有限公司, 有限责任公司, 股份有限公司, （集团）) dropped."""
    text = fold(name).translate(_BRACKETS)
    text = _LEGAL_FORMS.sub("", text)
    previous = None
    while previous != text and len(text) > 2:
        previous, text = text, _TRAILING.sub("", text)
    return text or fold(name)


@lru_cache(maxsize=262144)
def company_core(name: str) -> str:
    """A company's key without a leading place (中国, 山西, 深圳市 …): 中国华能集团有限公司 and 华能集团
    meet here. Only a hint for review, never a merge: 北京鸿腾科技 and 上海鸿腾科技 are two firms.

    >>> company_core("中国华能集团有限公司"), company_core("山西经建投集团有限公司"), company_core("华能集团")
    ('华能', '经建投', '华能')
    """
    key = company_key(name)
    for size in range(min(7, len(key) - 2), 1, -1):
        if key[:size] == "中国" or lookup_folded(key[:size]):
            return key[size:]
    return key


def project_phase(name: str) -> str | None:
    """The phase a project name states (一期, 二期 …), in Chinese numerals; None when it states none.

    >>> project_phase("X项目二期"), project_phase("X第2期工程"), project_phase("X项目")
    ('二期', '二期', None)
    """
    found = _PHASE.search(fold(name).translate(_BRACKETS))
    if not found:
        return None
    number = found.group(1)
    return f"{_NUMERALS.get(number, number)}期"


def project_key(name: str) -> str:
    """A project's key: 项目 dropped, the phase kept at the end (二期 is another project than 一期)."""
    text = fold(name).translate(_BRACKETS)
    phase = project_phase(text)
    base = _PHASE.sub("", text)
    base = re.sub(r"\(\)$", "", base)
    while base.endswith("项目") and len(base) > 2:
        base = base[:-2]
    return base + (phase or "")


def chamber_key(name: str) -> str:
    """A chamber's key from its parsed name; names of other forms fold, with 晋商会 read as 山西商会."""
    parsed = parse_chamber(name)
    if parsed is not None:
        return parsed.key
    text = fold(name)
    return re.sub(r"晋商会$", "山西商会", text)


@lru_cache(maxsize=262144)
def person_key(name: str) -> str:
    """A person's key: the folded name, with the middle-dot variants of transcribed names unified."""
    return re.sub(r"[•・‧∙]", "·", fold(name))


def context_key(item: str) -> str:
    """A context item (a node id or a name) in comparable form: 重庆山西商会 and chamber:重庆市山西商会
    name one chamber, city:忻州市 and 忻州 one place; other items fold.

    >>> context_key("chamber:重庆市山西商会") == context_key("重庆山西商会")
    True
    >>> context_key("city:忻州市") == context_key("忻州")
    True
    """
    text = fold(item)
    if ":" in text and text.split(":", 1)[0].isascii():
        text = text.split(":", 1)[1]
    if text.endswith("商会"):
        return "商会:" + chamber_key(text)
    place = lookup_folded(text.rsplit("/", 1)[-1])
    if place:
        return "地:" + place[0].short
    if "公司" in text or text.endswith("集团"):
        return "公司:" + company_key(text)
    return text


# a branch's name ends with one of these: a branch is never its parent
BRANCH = re.compile(r"(分公司|分行|支行|分厂|分店|分部|办事处)$")


_KEYS = {"Chamber": chamber_key, "Company": company_key, "Project": project_key, "Person": person_key}


@lru_cache(maxsize=262144)
def match_key(label: str, name: str) -> str:
    """The matching key of `name` for an entity of `label`; other labels use the folded name."""
    return _KEYS.get(label, fold)(name)


@lru_cache(maxsize=8192)
def _char_pinyin(char: str) -> str:
    from pypinyin import lazy_pinyin  # imported late: its dictionaries take a moment to load

    return "".join(lazy_pinyin(char)).lower()


@lru_cache(maxsize=262144)
def pinyin_key(name: str) -> str:
    """Toneless pinyin of a name, a weak signal only (王建勇 and 汪建勇 share it). Read character
    by character (a name is no phrase), each character in its most common reading."""
    return "".join(_char_pinyin(c) for c in person_key(name))


context_key = lru_cache(maxsize=262144)(context_key)
