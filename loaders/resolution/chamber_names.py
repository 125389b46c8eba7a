"""Chamber names parsed, not compared as strings: [host place][origin place][企业]商会.

Order matters: 山西省广东商会 is Guangdong merchants' chamber *in* Shanxi, 广东省山西商会 a Shanxi
merchants' chamber *in* Guangdong. One place before 商会 is the origin (山西商会, 晋商会); the host is
then unknown from the name alone.

>>> c = parse_chamber("珠海晋商会")
>>> c.host, c.origin, c.enterprise, c.key
('珠海', '山西', False, '珠海山西商会')
>>> c = parse_chamber("山西省广东商会")
>>> c.host, c.host_level, c.origin, c.origin_level
('山西', 'province', '广东', 'province')
>>> parse_chamber("北京忻州企业商会").key, parse_chamber("北京山西企业商会").key
('北京忻州企业商会', '北京山西企业商会')
>>> parse_chamber("深圳市山西商會").key == parse_chamber("深圳山西商会").key
True
>>> parse_chamber("吉林省山西商会").key, parse_chamber("吉林山西商会").key
('吉林省山西商会', '吉林山西商会')
>>> parse_chamber("忻州市招商服务中心") is None
True
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from loaders.resolution.places import ABBREVIATIONS, Place, is_ambiguous, lookup_folded
from loaders.text import fold

# Words between the origin and 商会 that name the kind of members. 企业/企业家 mark an enterprise
# chamber; the others (青年, 女) make a different body, so they are kept in the key.
_MEMBERS = re.compile(r"(青年|女)?(企业家|企业)?$")
_TRAILING_NOTE = re.compile(r"\([^()]*\)$")  # 山西省广东商会(晋商俱乐部联合发起机构)


@dataclass(frozen=True)
class ChamberName:
    name: str  # as given
    host: str | None  # short form of the host place (珠海), None when the name gives none
    host_level: str | None  # province | municipality | city | county; None when the name leaves it open
    origin: str  # short form of the merchants' home place (山西)
    origin_level: str | None
    enterprise: bool  # 企业商会 / 企业家商会
    qualifier: str = ""  # other member words kept apart: 青年, 女 …
    host_written: str = ""  # the host as written, folded (吉林省)

    @property
    def key(self) -> str:
        """The matching key: 市/省 omitted where the short form names one place, 晋 → 山西."""
        host = _key_form(self.host, self.host_level, self.host_written) if self.host else ""
        return f"{host}{self.origin}{self.qualifier}{'企业' if self.enterprise else ''}商会"


def _key_form(short: str, level: str | None, written: str) -> str:
    if not is_ambiguous(short):
        return short
    return written if level else short  # 吉林省 / 吉林市 stay apart; a bare 吉林 stays bare


def _one(written: str, allow_abbreviation: bool) -> tuple[Place | None, bool]:
    """(place, level-known) for one written token; (None, False) when it names no place."""
    if not written or (len(written) == 1 and not allow_abbreviation):
        return None, False
    if len(written) == 1 and written not in ABBREVIATIONS:
        return None, False
    found = lookup_folded(written)
    if not found:
        return None, False
    return found[0], len(found) == 1


@lru_cache(maxsize=262144)
def parse_chamber(name: str) -> ChamberName | None:
    """The parts of a chamber's name, or None when it is not of the form [host][origin][企业]商会."""
    text = _TRAILING_NOTE.sub("", fold(name))
    if not text.endswith("商会") or len(text) < 3:
        return None
    body = text[:-2]
    members = _MEMBERS.search(body)
    qualifier, kind = (members.group(1) or ""), (members.group(2) or "")
    places = body[: members.start()] if members.group(0) else body
    # every split into host + origin where both are places (the host may be absent); prefer a host
    splits = []
    for i in range(len(places) - 1, -1, -1):
        host_text, origin_text = places[:i], places[i:]
        origin, origin_known = _one(origin_text, allow_abbreviation=True)
        if origin is None:
            continue
        host, host_known = _one(host_text, allow_abbreviation=False) if host_text else (None, False)
        if host_text and host is None:
            continue
        splits.append((host_text == "", host, host_known, host_text, origin, origin_known))
    if not splits:
        return None
    _, host, host_known, host_text, origin, origin_known = min(splits, key=lambda s: s[0])
    return ChamberName(
        name=name,
        host=host.short if host else None,
        host_level=host.level if host and host_known else None,
        origin=origin.short,
        origin_level=origin.level if origin_known else None,
        enterprise=bool(kind),
        qualifier=qualifier,
        host_written=host_text,
    )
