"""The cheap word checks that let the extractor skip a costly pattern must stay true to that pattern:
every alternative of _SIGNED_COUNT must write one of _SIGN_WORDS, or a sentence without them would lose
a tally. A new form without those words fails here, loudly, rather than going unmatched."""
from __future__ import annotations

import re._parser as sre

from loaders.articles import extract as E


def _required(items) -> list[str]:
    """The literal runs a parsed pattern cannot match without (each a string that must appear)."""
    out, run = [], ""
    for op, av in items:
        if op is sre.LITERAL:
            run += chr(av)
            continue
        if run:
            out.append(run)
            run = ""
        if op is sre.SUBPATTERN:
            out += _required(av[-1])
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
            out += _required(av[2])
        elif op is sre.BRANCH and all(_writes_a_sign_word(b) for b in av[1]):
            out.append(E._SIGN_WORDS[0])  # every branch writes one: as good as one written here
    if run:
        out.append(run)
    return out


def _writes_a_sign_word(items) -> bool:
    return any(w in r for r in _required(items) for w in E._SIGN_WORDS)


def test_every_signed_count_form_writes_a_sign_word():
    top = sre.parse(E._SIGNED_COUNT.pattern)
    assert len(top) == 1 and top[0][0] is sre.BRANCH
    branches = top[0][1][1]
    assert len(branches) > 10  # the pattern's alternatives (18 today), each checked
    for b in branches:
        assert _writes_a_sign_word(b), f"a _SIGNED_COUNT form without {E._SIGN_WORDS}: extend the gate"


def test_the_check_sees_a_form_without_the_words():
    assert not _writes_a_sign_word(sre.parse(r"(?:签约)?项目\d+个"))
    assert _writes_a_sign_word(sre.parse(r"\d+个项目(?:落户|签约)"))
    assert not _writes_a_sign_word(sre.parse(r"\d+个项目(?:落户|开工)"))


def test_may_sign():
    assert E._may_sign("共签约项目12个") and E._may_sign("5个项目落户忻州") and E._may_sign("达成合作项目3个")
    assert not E._may_sign("12个项目开工")
