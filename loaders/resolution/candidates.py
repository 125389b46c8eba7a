"""Pairs of entities that may be one, each with a score and the evidence for and against, in words.

Pure functions over `Entity` values (no database). `candidates` finds pairs by blocking (never all
pairs): the same matching key, the same chamber host and origin, a person's name or pinyin together
with a shared context item, and — for companies, projects and other names — rare character bigrams
(prefix filtering) verified with rapidfuzz. `explain` scores any one pair, candidate or not.

>>> a = Entity("chamber:珠海晋商会", "Chamber", "珠海晋商会")
>>> b = Entity("chamber:珠海山西商会", "Chamber", "珠海山西商会")
>>> c = explain(a, b)
>>> c.auto, c.reasons_for[0]
(True, '名称规范化后相同 same name after normalisation: 珠海山西商会')
>>> explain(Entity("chamber:山西省广东商会", "Chamber", "山西省广东商会"),
...         Entity("chamber:广东省山西商会", "Chamber", "广东省山西商会")).reasons_against
['所在地不同 different host: 山西 vs 广东', '来源地不同 different origin: 广东 vs 山西']
>>> [(x.a, x.b, x.auto) for x in candidates([a, b])]
[('chamber:珠海山西商会', 'chamber:珠海晋商会', True)]
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from rapidfuzz import fuzz

from loaders.resolution.blocking import blocked_pairs
from loaders.resolution.chamber_names import ChamberName, parse_chamber
from loaders.resolution.normalize import BRANCH, company_core, context_key, match_key, pinyin_key, project_phase
from loaders.resolution.places import LEVEL_ZH, short_form

MIN_SCORE = 0.5  # below this a pair is not proposed
AUTO_SCORE = 0.97  # automatic merges score at least this; nothing else reaches it
SIMILAR = 80  # rapidfuzz ratio (0-100) of matching keys from which names count as similar

CONTEXT_KINDS = ("host", "chambers", "companies", "events", "projects", "hometown", "officers")
_CONTEXT_WORDS = {
    "officers": "共同会长 shared officer",
    "chambers": "同属商会 shared chamber",
    "companies": "同一公司 shared company",
    "events": "同场活动 shared event",
    "projects": "共同项目 shared project",
    "hometown": "同乡 same hometown",
    "host": "同一所在地 same host city",
}
# a person's context that is strong enough to merge two same-named people without a person's review
_STRONG_PERSON_CONTEXT = ("chambers", "companies", "projects")


@dataclass(frozen=True)
class Entity:
    """One node as the matcher sees it. `context` maps a kind (CONTEXT_KINDS) to node ids or names."""

    id: str
    label: str
    name: str
    aliases: tuple[str, ...] = ()
    context: Mapping[str, frozenset[str]] = field(default_factory=dict, hash=False, compare=False)

    # cached_property writes the instance __dict__ directly, so it works on a frozen dataclass;
    # the matcher asks for these once per pair, so computing them once per entity matters at 10^5
    @cached_property
    def names(self) -> tuple[str, ...]:
        return (self.name, *(a for a in self.aliases if a != self.name))

    @cached_property
    def keys(self) -> frozenset[str]:
        """The matching keys of every name the entity goes by."""
        return frozenset(match_key(self.label, n) for n in self.names)

    @cached_property
    def hosts(self) -> frozenset[str]:
        """Short forms of the host places the context gives (city:珠海市 → 珠海)."""
        return frozenset(short_form(h) for h in self.ctx("host"))

    def ctx(self, kind: str) -> frozenset[str]:
        return self._context_sets.get(kind, frozenset())

    def ctx_keys(self, kind: str) -> dict[str, str]:
        """The context items of one kind by comparable form (normalize.context_key) → as given."""
        return self._context_keys.get(kind, {})

    @cached_property
    def _context_sets(self) -> dict[str, frozenset[str]]:
        return {k: frozenset(v) for k, v in self.context.items() if v}

    @cached_property
    def _context_keys(self) -> dict[str, dict[str, str]]:
        return {k: {context_key(x): x for x in sorted(v)} for k, v in self._context_sets.items()}


@dataclass
class Candidate:
    """A pair (a < b by id) that may be one entity; `auto` means safe to merge without review."""

    a: str
    b: str
    label: str
    score: float
    auto: bool
    reasons_for: list[str] = field(default_factory=list)
    reasons_against: list[str] = field(default_factory=list)


@dataclass
class _Evidence:
    score: float = 0.0
    auto: bool = False
    veto: bool = False  # evidence that the two are different: no automatic merge, a low score
    reasons_for: list[str] = field(default_factory=list)
    reasons_against: list[str] = field(default_factory=list)

    def against(self, reason: str, veto: bool = False) -> None:
        self.reasons_against.append(reason)
        self.auto = False
        self.veto = self.veto or veto


def _keys(e: Entity) -> frozenset[str]:
    return e.keys


def _shown(item: str) -> str:
    """A context item for reading: the name part of a node id (chamber:珠海晋商会 → 珠海晋商会)."""
    if ":" in item and item.split(":", 1)[0].isascii():
        return item.split(":", 1)[1]
    return item


def _hosts(e: Entity) -> frozenset[str]:
    return e.hosts


def _similarity(a: Entity, b: Entity) -> tuple[float, str, str]:
    """The best rapidfuzz ratio (0..1) between the two entities' keys, with the keys compared."""
    return max(((fuzz.ratio(ka, kb) / 100, ka, kb) for ka in sorted(_keys(a)) for kb in sorted(_keys(b))),
               key=lambda t: t[0])


def _by_similarity(a: Entity, b: Entity, ev: _Evidence) -> None:
    r, ka, kb = _similarity(a, b)
    short, long_ = sorted((ka, kb), key=len)
    if len(short) >= 4 and short in long_:
        ev.score = max(0.6, r * 0.75)
        ev.reasons_for.append(f"一名包含另一名 one name contains the other: {short} / {long_}")
    elif r * 100 >= SIMILAR:
        ev.score = 0.5 + (r - SIMILAR / 100) * 1.5
        ev.reasons_for.append(f"名称相近 similar names ({r:.2f}): {ka} / {kb}")
    else:
        ev.score = r * 0.5
        ev.reasons_against.append(f"名称不同 different names ({r:.2f}): {ka} / {kb}")


def _host_conflict(a: Entity, b: Entity, ev: _Evidence) -> None:
    ha, hb = _hosts(a), _hosts(b)
    if ha and hb and not ha & hb:
        ev.against(f"所在地不同 different host: {'、'.join(sorted(ha))} vs {'、'.join(sorted(hb))}", veto=True)


def _level(level: str | None) -> str:
    return LEVEL_ZH.get(level or "", "?")


def _chamber(a: Entity, b: Entity, ev: _Evidence) -> None:
    pa, pb = parse_chamber(a.name), parse_chamber(b.name)
    if pa is None or pb is None:
        _by_similarity(a, b, ev)
        _host_conflict(a, b, ev)
        return
    _chamber_parts(pa, pb, a, b, ev)


def _chamber_parts(pa: ChamberName, pb: ChamberName, a: Entity, b: Entity, ev: _Evidence) -> None:
    ha = {pa.host} if pa.host else _hosts(a)
    hb = {pb.host} if pb.host else _hosts(b)
    if ha and hb and not ha & hb:
        ev.against(f"所在地不同 different host: {'、'.join(sorted(ha))} vs {'、'.join(sorted(hb))}", veto=True)
    elif pa.host and pa.host == pb.host and pa.host_level and pb.host_level and pa.host_level != pb.host_level:
        ev.against(
            f"所在地级别不同 host level differs: {pa.host}{_level(pa.host_level)} vs "
            f"{pb.host}{_level(pb.host_level)}",
            veto=True,
        )
    elif pa.host and pa.host == pb.host and (pa.host_level is None) != (pb.host_level is None):
        ev.against(f"所在地级别未写明 host level not stated: {pa.host_written} / {pb.host_written}")
    if pa.origin != pb.origin:
        ev.against(f"来源地不同 different origin: {pa.origin} vs {pb.origin}", veto=True)
    elif pa.origin_level and pb.origin_level and pa.origin_level != pb.origin_level:
        ev.against(f"来源地级别不同 origin level differs: {pa.origin} ({pa.origin_level} vs {pb.origin_level})", veto=True)
    if pa.qualifier != pb.qualifier:
        ev.against(f"会员限定不同 different members: {pa.qualifier or '-'} vs {pb.qualifier or '-'}", veto=True)
    if pa.enterprise != pb.enterprise:
        ev.against("仅一方为企业商会 only one is an enterprise chamber (企业商会)")
    if ev.veto:
        ev.score = 0.1
        return
    same_host = ha & hb
    if _keys(a) & _keys(b):
        ev.reasons_for.append(f"名称规范化后相同 same name after normalisation: {pa.key}")
        if same_host:
            ev.reasons_for.append(f"同一所在地 same host city: {'、'.join(sorted(same_host))}")
            ev.score, ev.auto = AUTO_SCORE, not ev.reasons_against
        else:
            ev.against("所在地不明 host place unknown")
            ev.score = 0.75
        return
    ev.reasons_for.append(f"所在地与来源地相同 same host and origin: {'、'.join(sorted(same_host)) or '?'} / {pa.origin}")
    ev.score = 0.7 if same_host else 0.55


def _company(a: Entity, b: Entity, ev: _Evidence) -> None:
    ka, kb = _keys(a), _keys(b)
    branch_a = {k for k in ka if BRANCH.search(k)}
    branch_b = {k for k in kb if BRANCH.search(k)}
    if bool(branch_a) != bool(branch_b):
        ev.against("分公司不是总公司 a branch (分公司) is not its parent company", veto=True)
    elif branch_a and not (ka & kb):
        ev.against("不同分公司 different branches", veto=True)
    if ev.veto:
        ev.score = 0.2
        return
    if ka & kb:
        ev.reasons_for.append(f"名称规范化后相同 same name after normalisation: {min(ka & kb)}")
        ev.score, ev.auto = AUTO_SCORE, True
        _host_conflict(a, b, ev)
        if ev.veto:  # one registered name in two places: a move or a slip, for a person to decide
            ev.score = 0.6
        return
    _by_similarity(a, b, ev)
    cores = {company_core(n) for n in a.names} & {company_core(n) for n in b.names}
    if cores and (ka & cores or kb & cores):  # one name is the other's without its leading place
        core = min(cores)
        ev.reasons_for.append(f"去掉地名后相同 same name once the leading place is dropped: {core}")
        ev.score = max(ev.score, 0.65)
    _host_conflict(a, b, ev)
    if ev.veto:
        ev.score = min(ev.score, 0.45)


def _project(a: Entity, b: Entity, ev: _Evidence) -> None:
    phases_a = {project_phase(n) for n in a.names}
    phases_b = {project_phase(n) for n in b.names}
    pa, pb = project_phase(a.name), project_phase(b.name)
    if pa and pb and pa != pb and not (phases_a & phases_b):
        ev.against(f"期数不同 different phase: {pa} vs {pb}", veto=True)
        ev.score = 0.2
        return
    if _keys(a) & _keys(b):
        ev.reasons_for.append(f"名称规范化后相同 same name after normalisation: {min(_keys(a) & _keys(b))}")
        ev.score, ev.auto = AUTO_SCORE, True
        _host_conflict(a, b, ev)
        if ev.veto:  # a generic name (温泉小镇项目) in two places: two projects
            ev.score = 0.4
        return
    _by_similarity(a, b, ev)
    if bool(pa) != bool(pb):
        ev.against(f"仅一方注明期数 phase stated on one side only: {pa or pb}")
    _host_conflict(a, b, ev)
    if ev.veto:
        ev.score = min(ev.score, 0.4)


def _shared(a: Entity, b: Entity, kind: str) -> list[str]:
    """The context items of `kind` the two share, as `a` gives them."""
    if kind == "host":
        return sorted(_hosts(a) & _hosts(b))
    ka, kb = a.ctx_keys(kind), b.ctx_keys(kind)
    return sorted(ka[k] for k in ka.keys() & kb.keys())


def _person(a: Entity, b: Entity, ev: _Evidence) -> None:
    shared = {k for k in ("chambers", "companies", "events", "projects", "hometown") if _shared(a, b, k)}
    ha, hb = a.ctx("hometown"), b.ctx("hometown")
    if ha and hb and not _shared(a, b, "hometown"):
        ev.against(f"籍贯不同 different hometown: {'、'.join(sorted(ha))} vs {'、'.join(sorted(hb))}", veto=True)
    if _keys(a) & _keys(b):
        ev.reasons_for.append(f"姓名相同 same name: {a.name}")
        if not shared:
            ev.against("同名但无共同关系 same name, no shared chamber, company, event or hometown")
            ev.score = 0.3
        else:
            ev.score = 0.7
            # two distinct strong ties (a chamber and a company or project) make a namesake implausible
            strong = {k for k in shared if k in _STRONG_PERSON_CONTEXT}
            ev.auto = len(strong) >= 2 and "chambers" in strong and not ev.veto
            if ev.auto:
                ev.score = AUTO_SCORE
    elif pinyin_key(a.name) == pinyin_key(b.name):
        ev.reasons_for.append(f"拼音相同 same pinyin (weak): {pinyin_key(a.name)}")
        ev.score = 0.55 if shared else 0.25
        if not shared:
            ev.against("无共同关系 no shared context")
    else:
        ev.score = 0.1
        ev.reasons_against.append(f"姓名不同 different names: {a.name} vs {b.name}")
    ca, cb = a.ctx("chambers"), b.ctx("chambers")
    if ca and cb and "chambers" not in shared:
        # one person may sit in two chambers, so this only weighs against
        ev.against(f"所属商会不同 different chambers: {'、'.join(sorted(map(_shown, ca)))} vs "
                   f"{'、'.join(sorted(map(_shown, cb)))}")
        ev.score -= 0.1
    if ev.veto:
        ev.score = min(ev.score, 0.2)


def _generic(a: Entity, b: Entity, ev: _Evidence) -> None:
    """Events, organisations and other labels: names only, never automatic."""
    if _keys(a) & _keys(b):
        ev.reasons_for.append(f"名称规范化后相同 same name after normalisation: {min(_keys(a) & _keys(b))}")
        ev.score = 0.8
    else:
        _by_similarity(a, b, ev)
    _host_conflict(a, b, ev)
    if ev.veto:
        ev.score = min(ev.score, 0.3)


_SCORERS = {"Chamber": _chamber, "Company": _company, "Project": _project, "Person": _person}


def _context(a: Entity, b: Entity, ev: _Evidence) -> None:
    """Shared context as reasons; each kind shared adds a little to a score short of automatic."""
    kinds = 0
    present = a._context_sets.keys() & b._context_sets.keys()
    for kind in (k for k in CONTEXT_KINDS if k in present):
        if kind == "host" and a.label == "Chamber":
            continue  # the chamber rules read the host themselves
        common = _shared(a, b, kind)
        if common:
            kinds += 1
            shown = "、".join(sorted(_shown(c) for c in common)[:3])
            ev.reasons_for.append(f"{_CONTEXT_WORDS[kind]}: {shown}")
    if kinds and not ev.veto and not ev.auto:
        ev.score = min(AUTO_SCORE - 0.02, ev.score + 0.05 * min(kinds, 3))


def explain(a: Entity, b: Entity, judgements: Mapping[frozenset, str] | None = None) -> Candidate:
    """Why two entities are, or are not, one: a Candidate for any pair, proposed or not."""
    if b.id < a.id:
        a, b = b, a
    ev = _Evidence()
    if a.label != b.label:
        ev.against(f"类别不同 different kinds: {a.label} vs {b.label}", veto=True)
    else:
        _SCORERS.get(a.label, _generic)(a, b, ev)
        _context(a, b, ev)
    judged = (judgements or {}).get(frozenset((a.id, b.id)))
    if judged == "same":
        ev.reasons_for.insert(0, "已判定为同一 judged the same by a person")
        ev.score, ev.auto = 1.0, True
    elif judged == "different":
        ev.reasons_against.insert(0, "已判定为不同 judged different by a person")
        ev.score, ev.auto = 0.0, False
    return Candidate(a.id, b.id, a.label, round(ev.score, 3), ev.auto, ev.reasons_for, ev.reasons_against)


def candidates(
    entities: Iterable[Entity],
    judgements: Mapping[frozenset, str] | None = None,
    label: str | None = None,
    min_score: float = MIN_SCORE,
) -> list[Candidate]:
    """Pairs that may be one entity, best first. Pairs judged 'different' never come back; pairs
    judged 'same' always do, with auto=True."""
    pool = [e for e in entities if label is None or e.label == label]
    judgements = judgements or {}
    found: dict[tuple[str, str], Candidate] = {}
    for i, j in blocked_pairs(pool):
        c = explain(pool[i], pool[j], judgements)
        if judgements.get(frozenset((c.a, c.b))) == "different":
            continue
        if c.score >= min_score or c.auto:
            found[(c.a, c.b)] = c
    by_id = {e.id: e for e in pool}
    for pair, verdict in judgements.items():
        ids = sorted(pair)
        if verdict == "same" and len(ids) == 2 and all(i in by_id for i in ids) and tuple(ids) not in found:
            found[tuple(ids)] = explain(by_id[ids[0]], by_id[ids[1]], judgements)
    return sorted(found.values(), key=lambda c: (-c.score, c.label, c.a, c.b))

