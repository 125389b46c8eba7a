"""Patterns that find where they can start before they try: a leading look-ahead of the characters a
match can begin with.

re's search tries a pattern at every position of the text. When a pattern begins with a literal or a
set of characters, re skips at once to where that character is; when it begins with anything else — a
look-behind (?<=[，。]), ^|…, an optional group (?:X)?, a repeat that may be empty — every position
runs the pattern's first steps. Most of the extractor's patterns begin so, and they are searched over
every sentence and over whole texts. `quicken` puts (?=[…]) before such a pattern, […] being every
character its match can begin with, worked out from the parsed pattern; a position whose character is
not one of them fails at that first step. The look-ahead consumes nothing and holds no group, so each
match, its groups and their positions are what they were: the pattern is the same, only sooner told
no. Where the first characters cannot be listed exactly (a match that may be empty, ., [^…], a back
reference, case-insensitive or verbose patterns), the pattern is returned unchanged.

>>> quicken(re.compile(r"(?<=[，,])(\\d+)个")).pattern
'(?=[\\\\d])(?:(?<=[，,])(\\\\d+)个)'
>>> quicken(re.compile(r"(?:省|市)?(商会)")).pattern
'(?=[省市商])(?:(?:省|市)?(商会))'
>>> quicken(re.compile(r"(?<=，)会长|(?<=，)理事")).pattern  # every alternative behind the look-ahead
'(?=[会理])(?:(?<=，)会长|(?<=，)理事)'
>>> quicken(re.compile(r"签约")).pattern  # begins with a literal: re skips to it already
'签约'
>>> quicken(re.compile(r"(?<=,)\\d*")).pattern  # may match nothing: unchanged
'(?<=,)\\\\d*'
"""
from __future__ import annotations

import re
from re import _constants as C
from re import _parser as sre


class _Unlisted(Exception):
    """The first characters of a match cannot be listed as a set."""


_SOURCE: dict[str, str] = {}  # quickened pattern → as written
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


def _first(items) -> tuple[list, bool]:
    """The set items (LITERAL / RANGE / CATEGORY) a match of `items` can begin with, and whether
    `items` can match without consuming a character."""
    out: list = []
    for op, av in items:
        if op is C.LITERAL:
            return out + [(C.LITERAL, av)], False
        if op is C.IN:
            if any(o is C.NEGATE for o, _ in av):
                raise _Unlisted
            return out + list(av), False
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # zero width: the character after it begins the match
        if op is C.SUBPATTERN:
            if av[1] or av[2]:  # flags set inside the group
                raise _Unlisted
            got, empty = _first(av[3])
        elif op is C.ATOMIC_GROUP:
            got, empty = _first(av)
        elif op is C.BRANCH:
            got, empty = [], False
            for branch in av[1]:
                g, e = _first(branch)
                got, empty = got + g, empty or e
        elif op in _REPEATS:
            got, empty = _first(av[2])
            empty = empty or av[0] == 0
        else:  # ANY, NOT_LITERAL, GROUPREF, GROUPREF_EXISTS …
            raise _Unlisted
        out += got
        if not empty:
            return out, False
    return out, True


def _already_quick(items) -> bool:
    """re's own search skips to the start already: the pattern begins with a literal or a set, or a
    choice of literals."""
    if not items:
        return False
    op, av = items[0]
    if op in (C.LITERAL, C.IN):
        return True
    if op is C.SUBPATTERN:
        return _already_quick(av[3].data)
    if op is C.BRANCH:
        return all(b.data and b.data[0][0] is C.LITERAL for b in av[1])
    return False


_CATEGORIES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_SPACE: r"\s", C.CATEGORY_WORD: r"\w"}


def _set_item(op, av) -> str:
    if op is C.LITERAL:
        return re.escape(chr(av))
    if op is C.RANGE:
        return f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}"
    if op is C.CATEGORY and av in _CATEGORIES:
        return _CATEGORIES[av]
    raise _Unlisted


def quicken(rx: re.Pattern) -> re.Pattern:
    """`rx` with a leading look-ahead of the characters its match can begin with (the module's doc);
    `rx` itself where that is not needed or cannot be said exactly."""
    if not isinstance(rx.pattern, str) or rx.flags & (re.IGNORECASE | re.VERBOSE):
        return rx
    try:
        parsed = sre.parse(rx.pattern, rx.flags)
        if parsed.state.flags & (re.IGNORECASE | re.VERBOSE) or _already_quick(parsed.data):
            return rx
        items, empty = _first(parsed.data)
        if empty or not items:
            return rx
        first = "".join(dict.fromkeys(_set_item(op, av) for op, av in items))
        quick = re.compile(f"(?=[{first}])(?:{rx.pattern})", rx.flags)  # (?:…): before every alternative
    except (_Unlisted, re.error):
        return rx
    _SOURCE[quick.pattern] = rx.pattern
    return quick


def source(rx: re.Pattern) -> str:
    """The pattern as written, without the look-ahead `quicken` put before it (tests read its parts)."""
    return _SOURCE.get(rx.pattern, rx.pattern)


def quicken_all(namespace: dict) -> None:
    """Every compiled pattern among a module's names, quickened (called at the end of a rule module,
    so patterns built from others' .pattern while the module loads use them as written). Written into
    another pattern later, X.pattern means what it did, except made optional ((?:…)? keeps the look-ahead
    out of the option): write source(X) there."""
    for name, value in list(namespace.items()):
        if isinstance(value, re.Pattern):
            namespace[name] = quicken(value)
