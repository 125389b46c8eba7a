"""Name resolution: names, aliases and ids to node ids, scoped by the labels a field allows.

>>> g = Gazetteer(aliases={"County": {"忻府": "忻府区"}})
>>> g.add("county:忻州市/忻府区", "County", "忻府区")
>>> g.resolve("忻府", ("County",))
('county:忻州市/忻府区', 'County')
"""
from __future__ import annotations

import difflib
from collections import defaultdict
from importlib import resources

import yaml

from graph.errors import ResolutionError
from graph.records import Dataset
from loaders.values import normalize_text


def load_aliases() -> dict[str, dict[str, str]]:
    """The bundled alias table: label → {alias: canonical name}."""
    path = resources.files("loaders").joinpath("data/aliases.yaml")
    if not path.is_file():
        return {}
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {label: {str(k): str(v) for k, v in (table or {}).items()} for label, table in raw.items()}


class Gazetteer:
    """An index of node names; `resolve` is the only way loaders turn text into node ids."""

    def __init__(self, aliases: dict[str, dict[str, str]] | None = None):
        self.aliases = aliases if aliases is not None else {}
        self._by_name: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        self._labels: dict[str, str] = {}
        self._names: dict[str, str] = {}
        self._event_dates: dict[str, list[str]] = defaultdict(list)

    def add(self, node_id: str, label: str, name: str, aliases=()) -> None:
        self._labels[node_id] = label
        self._names[node_id] = name
        for n in (name, *aliases):
            self._by_name[label][normalize_text(n)].add(node_id)

    def add_dataset(self, ds: Dataset) -> "Gazetteer":
        for n in ds.nodes.values():
            self.add(n.id, n.label, n.props["name"], n.props.get("aliases") or ())
            if n.label == "Event" and n.props.get("date"):
                self._event_dates[n.props["date"].isoformat()].append(n.id)
        return self

    def events_on(self, day) -> list[str]:
        """Ids of the events that started on `day`."""
        return list(self._event_dates.get(day.isoformat(), ()))

    def label_of(self, node_id: str) -> str | None:
        return self._labels.get(node_id)

    def name_of(self, node_id: str) -> str | None:
        return self._names.get(node_id)

    def names_of(self, label: str) -> list[tuple[str, str]]:
        """(id, name) of every node of `label` the gazetteer knows."""
        return [(i, self._names[i]) for i, lab in self._labels.items() if lab == label]

    def add_known(self, rows) -> "Gazetteer":
        """Nodes read from a database: rows of (id, label, name, aliases)."""
        for node_id, label, name, aliases in rows:
            if node_id not in self._labels and name:
                self.add(node_id, label, name, aliases or ())
        return self

    def copy(self) -> "Gazetteer":
        other = Gazetteer(self.aliases)
        for label, table in self._by_name.items():
            for key, ids in table.items():
                other._by_name[label][key] = set(ids)
        other._labels, other._names = dict(self._labels), dict(self._names)
        other._event_dates = defaultdict(list, {k: list(v) for k, v in self._event_dates.items()})
        return other

    def known_ids(self) -> dict[str, str]:
        return dict(self._labels)

    def canonical(self, name: str, labels: tuple[str, ...]) -> str:
        """The canonical name for `name` under the first of `labels` that has it as an alias."""
        text = normalize_text(name)
        for label in labels:
            if text in self.aliases.get(label, {}):
                return self.aliases[label][text]
        return text

    def resolve(self, ref: str, labels: tuple[str, ...]) -> tuple[str, str]:
        """(id, label) of the one node `ref` names among `labels`; ResolutionError otherwise."""
        text = normalize_text(ref)
        if not text:
            raise ResolutionError(text, "empty reference")
        if ":" in text and text.split(":", 1)[0].isascii():
            label = self._labels.get(text)
            if label is None:
                raise ResolutionError(text, "no node has this id", self._suggest(text.split(":", 1)[1], labels))
            if label not in labels:
                raise ResolutionError(text, f"is a {label}, expected {' or '.join(labels)}")
            return text, label
        hits: set[tuple[str, str]] = set()
        for label in labels:
            for candidate in {text, self.canonical(text, (label,))}:
                hits |= {(i, label) for i in self._by_name[label].get(candidate, ())}
        if len(hits) == 1:
            return hits.pop()
        if not hits:
            raise ResolutionError(text, f"no {' or '.join(labels)} of that name", self._suggest(text, labels))
        ids = ", ".join(sorted(i for i, _ in hits))
        raise ResolutionError(text, f"is ambiguous between {ids}; use the id")

    def _suggest(self, text: str, labels: tuple[str, ...]) -> list[str]:
        names = {n for label in labels for n in self._by_name[label]}
        names |= {a for label in labels for a in self.aliases.get(label, {})}
        close = difflib.get_close_matches(text, sorted(names), n=3, cutoff=0.5)
        contains = sorted(n for n in names if text and (text in n or n in text))[:3]
        return list(dict.fromkeys(close + contains))[:5]
