"""The look-ahead the rule modules' patterns get (loaders/articles/lookahead.py) changes no match: the
first characters it lists are exactly those a match can begin with, and where they cannot be listed
the pattern is left as written."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from benchmarks.extract_speed import article
from loaders.articles import dates, entities, extract, patterns, people, project_lists, view
from loaders.articles.lookahead import quicken, source
from loaders.articles.reading import parse_article
from loaders.articles.view import build_view

FIXTURES = Path(__file__).parents[1] / "fixtures" / "articles"
MODULES = (dates, entities, extract, patterns, people, project_lists, view)


def _quickened():
    return [(m.__name__, k, v) for m in MODULES for k, v in vars(m).items()
            if isinstance(v, re.Pattern) and source(v) != v.pattern]


@pytest.mark.parametrize("pattern,first", [
    (r"(?<=[，,])(\d+)个", r"\d"),
    (r"(?:省|市)?(商会)", "省市商"),
    (r"(?<=，)会长|(?<=，)理事", "会理"),
    (r"(?:^|(?<=[。，]))(?:当天|次日)(?=[,，])", "当次"),
    (r"[,，]?(\d+|[一二三]+)[,，]?个", r",，\d一二三"),
    (r"(?>a|b)c", "ab"),
])
def test_the_lookahead_lists_the_first_characters(pattern, first):
    assert quicken(re.compile(pattern)).pattern == f"(?=[{first}])(?:{pattern})"
    assert source(quicken(re.compile(pattern))) == pattern


@pytest.mark.parametrize("pattern,flags", [
    ("签约", 0),  # a literal first: re skips to it on its own
    ("[签开]工", 0),  # a set first: likewise
    ("签约|开工", 0),  # a choice of literals first: likewise
    (r"(?<=,)\d*", 0),  # may match nothing
    (r"(?<=,).个", 0),  # any character first
    (r"(?<=,)[^，]个", 0),  # a negated set first
    (r"(?<=,)(a)?\1b", 0),  # a back reference
    (r"(?<=,)ab", re.IGNORECASE),  # case-insensitive
    (r"(?s)(?<=,)ab", 0),  # a global flag that must stay first
    (r"(?<=,) a b", re.VERBOSE),
])
def test_a_pattern_whose_start_is_known_or_unlistable_stays_as_written(pattern, flags):
    rx = re.compile(pattern, flags)
    assert quicken(rx) is rx


def test_the_rule_modules_patterns_are_quickened():
    names = {(m, k) for m, k, _ in _quickened()}
    assert ("loaders.articles.dates", "_DATE") in names and ("loaders.articles.view", "_PANGU") in names
    assert len(names) > 40  # most begin with a look-behind, an optional part or a choice of sets


def _texts():
    """Our fixture articles and the speed benchmark's synthetic ones, in their matching view."""
    rng = random.Random(3)
    given = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.md"))] + [article(rng) for _ in range(20)]
    return [build_view(parse_article(t, "t.md").pieces).text for t in given]


def test_every_quickened_pattern_finds_what_it_found_as_written():
    texts = _texts()
    for module, name, rx in _quickened():
        written = re.compile(source(rx), rx.flags)
        for t in texts:
            assert [(m.span(), m.groups()) for m in rx.finditer(t)] == \
                [(m.span(), m.groups()) for m in written.finditer(t)], f"{module}.{name}"
            for i in range(0, len(t), 97):  # and a search from inside the text, up to a bound
                a, b = rx.search(t, i, i + 60), written.search(t, i, i + 60)
                assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), f"{module}.{name}"
