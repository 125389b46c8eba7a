"""The cheap word checks that let the extractor skip a costly pattern must stay true to that pattern:
every alternative of the pattern must write one of the gate's words, or a text without them would lose
a match. A new form without those words fails here, loudly, rather than going unmatched."""
from __future__ import annotations

import re._parser as sre

from loaders.articles import dates as D
from loaders.articles import extract as E
from loaders.articles import view as V
from loaders.articles.lookahead import source


def _writes(items, words) -> bool:
    """Whether the parsed pattern cannot match without writing one of `words` (a literal run holding one,
    a set of characters each a word, a group or a repeat of at least one that writes one, or a choice
    whose every branch writes one)."""
    run = ""
    for op, av in items:
        if op is sre.LITERAL:
            run += chr(av)
            if any(w in run for w in words):
                return True
            continue
        run = ""
        if op is sre.IN and all(o is sre.LITERAL for o, _ in av) and all(chr(v) in words for _, v in av):
            return True
        if op is sre.SUBPATTERN and _writes(av[-1], words):
            return True
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1 and _writes(av[2], words):
            return True
        if op is sre.BRANCH and all(_writes(b, words) for b in av[1]):
            return True
    return False


def test_every_signed_count_form_writes_a_sign_word():
    top = sre.parse(source(E._SIGNED_COUNT))
    assert len(top) == 1 and top[0][0] is sre.BRANCH
    branches = top[0][1][1]
    assert len(branches) > 10  # the pattern's alternatives (18 today), each checked
    for b in branches:
        assert _writes(b, E._SIGN_WORDS), f"a _SIGNED_COUNT form without {E._SIGN_WORDS}: extend the gate"


def test_every_date_pattern_writes_its_gate_words():
    assert _writes(sre.parse(source(D._YEAR)), ("年",))
    assert _writes(sre.parse(source(D._BRACKET_YEAR)), ("(", "（"))
    assert _writes(sre.parse(source(D._RELATIVE)), tuple(D._RELATIVE_DAYS))
    assert _writes(sre.parse(source(D._VAGUE)), D._VAGUE_WORDS)
    assert _writes(sre.parse(source(D._SAME_DAY)), D._SAME_DAY_WORDS)


def test_every_view_pattern_writes_its_gate_words():
    assert _writes(sre.parse(source(V._PINYIN)), ("(", "（"))
    assert _writes(sre.parse(source(V._PANGU)), tuple(V._GAP_CHARS))


def test_the_check_sees_a_form_without_the_words():
    assert not _writes(sre.parse(r"(?:签约)?项目\d+个"), E._SIGN_WORDS)
    assert _writes(sre.parse(r"\d+个项目(?:落户|签约)"), E._SIGN_WORDS)
    assert not _writes(sre.parse(r"\d+个项目(?:落户|开工)"), E._SIGN_WORDS)
    assert not _writes(sre.parse(r"日前|近日|下周"), D._VAGUE_WORDS)
    assert not _writes(sre.parse(r"\d年[(（\[]"), ("(", "（"))


def test_may_sign():
    assert E._may_sign("共签约项目12个") and E._may_sign("5个项目落户忻州") and E._may_sign("达成合作项目3个")
    assert not E._may_sign("12个项目开工")


# ----- the speed pass's equivalents: each shortcut gives what the plain code gave ------------------
def test_run_left_is_the_run_found_character_by_character():
    import random

    from loaders.articles import entities as N

    def stepwise(text, end, limit, chars):
        i = end
        while i > 0 and end - i < limit and chars.match(text[i - 1]):
            i -= 1
        return i

    rng = random.Random(5)
    for _ in range(20000):
        text = "".join(rng.choice("山西商会有限公司a1 ，。\n（)·") for _ in range(rng.randint(0, 40)))
        end, limit, chars = rng.randint(0, len(text)), rng.choice((8, 12, 24, 30)), rng.choice((N._CJK, N._COMPANY_CHAR))
        assert N.run_left(text, end, limit, chars) == stepwise(text, end, limit, chars), (text, end, limit)


def test_the_dot_check_knows_every_dot():
    from loaders.articles import entities as N

    assert all(N._DOT.fullmatch(c) for c in N._DOTS) and not N._DOT.search("王建国、李明")


def test_names_list_at_hands_each_caller_a_list_of_its_own():
    from loaders.articles.entities import names_list_at

    text = "会长王建国、李文华出席"
    first = names_list_at(text, 2)
    first += [(0, 1)]  # a caller extends its list (posts_after does): the next caller is not to see it
    assert names_list_at(text, 2) == [(2, 5), (6, 9)]


def test_a_moved_place_is_the_place_built_there():
    from loaders.articles.entities import Place, _moved

    p = Place(0, 0, "city:太原市", "City", "太原市", True)
    q = _moved(p, 3, 5)
    assert q == Place(3, 5, "city:太原市", "City", "太原市", True) and hash(q) == hash(Place(3, 5, "city:太原市", "City", "太原市", True))
    assert (p.start, p.end) == (0, 0)
