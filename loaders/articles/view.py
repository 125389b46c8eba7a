"""The matching view of an article: simplified, NFKC-folded text with every character's place in
the text as given, so a match found in the view is evidence in the original.

Inline pinyin (項(xiàng)目, as aggregator pages print it) is left out of the view; the evidence of
a match that spans it still runs from its first to its last original character.

>>> v = build_view([("項(xiàng)目在珠海簽約", 10, 24)])
>>> v.text
'项目在珠海签约'
>>> v.span(5, 7)
(22, 24)
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from loaders.articles.lookahead import quicken_all
from loaders.text import to_simplified

# a bracketed run of lower-case pinyin syllables, at least one with a tone mark or tone digit,
# right after a Chinese character: 項(xiàng)目, 项（xiang4）目
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ"
_PINYIN = re.compile(
    rf"(?<=[\u3400-\u9fff])[(（]\s*(?=[a-z{_TONED}\s]*[{_TONED}1-5])[a-z{_TONED}]+[1-5]?"
    rf"(?:\s+[a-z{_TONED}]+[1-5]?)*\s*[)）]")
# a page's spacing after a clause or a sentence ends, and its hard wrap after a clause (a line that
# ends in a comma goes on): no boundary of its own, so left out of the view like the pinyin
_GAP = r"[ \t\u3000\xa0]+"
_GAP_CHARS = " \t\u3000\xa0"  # one of them in every _PANGU match (its gap after the figure)
_LOOSE_SPACE = re.compile(rf"(?<=,)\s+|(?<=[、。;:]){_GAP}")
# … and its spacing around a figure or a Latin word set in Chinese (签约项目 12 个 / 6 月 8 日 / 1-9 月 /
# 2×50MW 风电项目): the gap after it, and the one before it where there is one; not a lone gap before a
# figure, nor the gap after a dateline's 电 / 讯 (新华社太原 5 月 18 日电 17 日: the dateline ends there)
_PANGU = re.compile(rf"(?:(?<=[\u3400-\u9fff])(?<![电讯電訊])({_GAP}))?(?<![0-9A-Za-z.\-/:×])"
                    rf"[0-9A-Za-z]+(?:[.,\-~×][0-9A-Za-z]+)*%?({_GAP})(?=[\u3400-\u9fff])")

# an ASCII full stop ending a Chinese sentence (亿元. / 项目(4亿元).) is the sentence's 。 (the same
# length, so offsets hold); a decimal point or a numbered line's 1. follows a digit and stays, and so does
# an ellipsis (…, which NFKC makes ...)
_FULL_STOP = re.compile(r"(?<=[\u3400-\u9fff)”」』])\.(?!\.)")


@dataclass
class View:
    text: str  # what the rules match
    starts: list[int]  # starts[i]: offset in the text as given of text[i]
    ends: list[int]  # ends[i]: offset just after it

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Offsets in the text as given of the view's characters i..j-1."""
        if j <= i:
            return (self.starts[i], self.starts[i]) if i < len(self.starts) else (self.ends[-1], self.ends[-1])
        return self.starts[i], self.ends[j - 1]


def build_view(pieces) -> View:
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for text, start, end in pieces:
        if end - start != len(text):  # an HTML reference: every character spans all of it
            for out in unicodedata.normalize("NFKC", text):
                chars.append(out)
                starts.append(start)
                ends.append(end)
            continue
        # the runs between pinyin noise; a run NFKC leaves the same length maps one to one
        # (scanned only where a word it cannot match without is written: test_extract_speed_gates.py)
        noise = _PINYIN.finditer(text) if "(" in text or "（" in text else ()
        cuts = [0] + [x for m in noise for x in m.span()] + [len(text)]
        for a, b in zip(cuts[::2], cuts[1::2]):
            run = text[a:b]
            norm = unicodedata.normalize("NFKC", run)
            if len(norm) == len(run):
                chars.append(norm)
                starts.extend(range(start + a, start + b))
                ends.extend(range(start + a + 1, start + b + 1))
                continue
            for i, ch in enumerate(run, start=a):
                for out in unicodedata.normalize("NFKC", ch):
                    chars.append(out)
                    starts.append(start + i)
                    ends.append(start + i + 1)
    folded = "".join(chars)
    gaps = [m.span() for m in _LOOSE_SPACE.finditer(folded)] + \
        [m.span(g) for m in (_PANGU.finditer(folded) if any(c in folded for c in _GAP_CHARS) else ())
         for g in (1, 2) if m.start(g) >= 0]
    if gaps:
        keep = [True] * len(folded)
        for a, b in gaps:
            keep[a:b] = [False] * (b - a)
        folded = "".join(c for c, k in zip(folded, keep) if k)
        starts = [s for s, k in zip(starts, keep) if k]
        ends = [e for e, k in zip(ends, keep) if k]
    simple = to_simplified(folded)
    if len(simple) != len(folded):  # OpenCC's phrase tables changed a length: go character by character
        simple = "".join(c if len(s := to_simplified(c)) != 1 else s for c in folded)
    if "." in simple:
        simple = _FULL_STOP.sub("。", simple)
    return View(simple, starts, ends)


quicken_all(globals())  # every pattern above: a leading look-ahead of where it can start (lookahead.py)
