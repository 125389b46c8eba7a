"""Matching forms of Chinese text. Names are stored as written; these forms are for comparing only.

>>> to_simplified("五臺縣")
'五台县'
>>> fold("代　县 ")
'代县'
>>> fold("深圳山西商會")
'深圳山西商会'
>>> fold("北京陜西企業商會")
'北京陕西企业商会'
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _hk2s():
    import opencc  # the official OpenCC binding: its dictionaries ship in the wheel, no download

    # hk2s is t2s with Hong Kong's variant characters first mapped to the standard traditional ones
    # (衞 → 衛 → 卫, 綫 → 線 → 线), which Hong Kong and Macau chambers' pages use; t2s alone leaves 衞
    return opencc.OpenCC("hk2s")


# 陜 (U+965C, a character of its own) is set for 陝 (Shaanxi) by many traditional pages' fonts and input
# methods (北京陜西企業商會); OpenCC leaves it, so the province's name is mended first (same length)
_SHAANXI = "陜西"


def to_simplified(text: str) -> str:
    """Traditional → simplified characters (OpenCC's hk2s: t2s, Hong Kong variants too); other text is
    unchanged."""
    if not text:
        return text
    if _SHAANXI in text:
        text = text.replace(_SHAANXI, "陝西")
    return _hk2s().convert(text)


def fold(text: str) -> str:
    """The matching key of a piece of text: NFKC (full-width forms → half-width), traditional →
    simplified, every space (including the ideographic one) removed."""
    return _SPACES.sub("", to_simplified(unicodedata.normalize("NFKC", str(text))))
