"""Blocking: which pairs the matcher compares at all (never all pairs).

Blocks, within one label:
- the same matching key (any name or alias);
- chambers: the same host and origin place (吉林山西商会 / 吉林省山西商会, 北京山西商会 / 北京山西企业商会);
- people: the same key or the same pinyin *together with* one shared context item (a same-named
  pair without shared context is never a candidate, so it need not be compared);
- names of other labels (companies, projects, unparsed chambers …): prefix filtering on character
  bigrams — each key indexed under its rarest bigrams, so two keys whose bigram sets overlap by at
  least `JACCARD` share an indexed bigram — and each block verified with rapidfuzz's `cdist`.

Why rapidfuzz and not recordlinkage or splink: the decisions here are rules that must be able to
say "never" (a different host, a 二期, a 分公司) and explain themselves in words; rapidfuzz gives
the C++ string scores and the block-wise `cdist` these rules need, with no model to train.
recordlinkage builds pandas pair indexes in memory (all pairs of a block at once) and has seen
little upkeep; splink's Fellegi–Sunter weights are learned, not rules one can state, and bring
DuckDB and an estimation step for a few thousand names.

>>> from loaders.resolution.candidates import Entity
>>> es = [Entity("c:1", "Company", "山西粤商投资有限公司"), Entity("c:2", "Company", "山西粤商投资股份有限公司"),
...       Entity("c:3", "Company", "华为技术有限公司")]
>>> sorted(blocked_pairs(es))
[(0, 1)]
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import combinations
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz import fuzz, process

from loaders.resolution.chamber_names import parse_chamber
from loaders.resolution.normalize import company_core, match_key, pinyin_key
from loaders.resolution.places import short_form

if TYPE_CHECKING:
    from loaders.resolution.candidates import Entity

JACCARD = 0.5  # bigram-set overlap the prefix filter guarantees to find
SIMILAR = 80  # rapidfuzz ratio that a fuzzy block pair must reach to be scored
MAX_BLOCK = 5000  # a bigram block larger than this is skipped (counted in stats): a stop-bigram
_PERSON_CONTEXT = ("chambers", "companies", "events", "projects", "hometown")


def _bigrams(key: str) -> set[str]:
    return {key[i : i + 2] for i in range(len(key) - 1)} or {key}


def _exact_blocks(pool: Sequence[Entity]) -> dict[tuple, list[int]]:
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, e in enumerate(pool):
        keys = {match_key(e.label, n) for n in e.names}
        if e.label == "Person":
            # same name or same pinyin, and one shared context item
            items = {(k, x) for k in _PERSON_CONTEXT for x in e.ctx_keys(k)}
            signals = keys | {"py:" + pinyin_key(n) for n in e.names}
            for s in signals:
                for item in items:
                    blocks[(e.label, s, item)].append(i)
            continue
        for k in keys:
            blocks[(e.label, "key", k)].append(i)
        if e.label == "Company":
            # a name without its leading place (中国华能 → 华能) meets the bare name only: pairing
            # every 北京X科技 with every 上海X科技 would be many pairs and no candidates
            for n in e.names:
                core = company_core(n)
                blocks[(e.label, "core", core)].append(i if core in keys else -1 - i)
        if e.label == "Chamber":
            parsed = parse_chamber(e.name)
            if parsed is not None:
                hosts = {parsed.host} if parsed.host else {short_form(h) for h in e.ctx("host")}
                for h in hosts:
                    blocks[(e.label, "chamber", h, parsed.origin)].append(i)
    return blocks


def _fuzzy_pool(pool: Sequence[Entity]) -> dict[str, list[tuple[int, str]]]:
    """(index, key) of the entities compared by bigrams, per label; parsed chambers and people are not."""
    out: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for i, e in enumerate(pool):
        if e.label == "Person" or (e.label == "Chamber" and parse_chamber(e.name) is not None):
            continue
        for k in {match_key(e.label, n) for n in e.names}:
            out[e.label].append((i, k))
    return out


def _fuzzy_pairs(rows: list[tuple[int, str]], stats: Counter) -> set[tuple[int, int]]:
    grams = [_bigrams(k) for _, k in rows]
    df = Counter(g for gs in grams for g in gs)
    index: dict[str, list[int]] = defaultdict(list)
    for r, gs in enumerate(grams):
        ordered = sorted(gs, key=lambda g: (df[g], g))
        prefix = len(ordered) - math.ceil(JACCARD * len(ordered)) + 1
        for g in ordered[:prefix]:
            index[g].append(r)
    pairs: set[tuple[int, int]] = set()
    for members in index.values():
        if len(members) < 2:
            continue
        if len(members) > MAX_BLOCK:
            stats["blocks_skipped"] += 1
            continue
        keys = [rows[r][1] for r in members]
        stats["string_comparisons"] += len(members) * (len(members) - 1) // 2
        scores = process.cdist(keys, keys, scorer=fuzz.ratio, score_cutoff=SIMILAR, dtype=np.uint8)
        for x, y in zip(*np.nonzero(np.triu(scores, k=1))):
            i, j = rows[members[x]][0], rows[members[y]][0]
            if i != j:
                pairs.add((min(i, j), max(i, j)))
    return pairs


def blocked_pairs(pool: Sequence[Entity], stats: Counter | None = None) -> set[tuple[int, int]]:
    """Index pairs (i < j) into `pool` worth scoring. `stats` (a Counter) receives the figures:
    pairs, all_pairs, string_comparisons, blocks_skipped."""
    stats = stats if stats is not None else Counter()
    pairs: set[tuple[int, int]] = set()
    for block, members in _exact_blocks(pool).items():
        if len(members) < 2:
            continue
        if block[1] == "core":  # bare names (>= 0) against all; prefixed names are stored as -1 - i
            bare = {m for m in members if m >= 0}
            every = bare | {-1 - m for m in members if m < 0}
            pairs.update((min(i, j), max(i, j)) for i in bare for j in every if i != j)
            continue
        pairs.update(combinations(sorted(set(members)), 2))
    for rows in _fuzzy_pool(pool).values():
        pairs |= _fuzzy_pairs(rows, stats)
    pairs = {(i, j) for i, j in pairs if i != j and pool[i].label == pool[j].label}
    per_label = Counter(e.label for e in pool)
    stats["all_pairs"] += sum(n * (n - 1) // 2 for n in per_label.values())
    stats["pairs"] += len(pairs)
    return pairs
