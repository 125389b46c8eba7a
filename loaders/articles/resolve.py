"""Names in an article → the graph's nodes, by folded name and the alias table.

This is the seam for issue 14's resolver (loaders/resolution/): anything with the method
``lookup(name, labels) -> Known | None`` can stand in for `Index`. Until then a name is the
graph's node when its folded form (loaders.text.fold) or an alias equals the node's.

>>> idx = Index().add("chamber:珠海山西商会", "Chamber", "珠海山西商会")
>>> idx.lookup("珠海山西商會", ("Chamber",)).id
'chamber:珠海山西商会'
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from graph.records import Dataset
from loaders.text import fold


@dataclass(frozen=True)
class Known:
    id: str
    label: str
    name: str


class Index:
    """Folded names and aliases of known nodes, by label."""

    def __init__(self, aliases: dict[str, dict[str, str]] | None = None):
        self._by: dict[str, dict[str, set[Known]]] = defaultdict(lambda: defaultdict(set))
        self._aliases = {label: {fold(k): fold(v) for k, v in table.items()} for label, table in (aliases or {}).items()}
        self.labels: dict[str, str] = {}
        self._cache: dict = {}

    def add(self, node_id: str, label: str, name: str, aliases=()) -> "Index":
        known = Known(node_id, label, name)
        self._cache.clear()
        self.labels[node_id] = label
        for n in (name, *(aliases or ())):
            if n:
                self._by[label][fold(n)].add(known)
        return self

    def add_dataset(self, ds: Dataset) -> "Index":
        for n in ds.nodes.values():
            self.add(n.id, n.label, n.props["name"], n.props.get("aliases") or ())
        return self

    def add_rows(self, rows) -> "Index":
        """Rows of (id, label, name, aliases) as read from the database."""
        for node_id, label, name, aliases in rows:
            self.add(node_id, label, name, aliases or ())
        return self

    def lookup(self, name: str, labels: tuple[str, ...]) -> Known | None:
        """The one known node `name` names among `labels`; None when none or several do."""
        cached = self._cache.get((name, labels), self)
        if cached is not self:
            return cached
        key = fold(name)
        hits: set[Known] = set()
        for label in labels:
            hits |= self._by[label].get(key, set())
            alias = self._aliases.get(label, {}).get(key)
            if alias:
                hits |= self._by[label].get(alias, set())
        found = next(iter(hits)) if len(hits) == 1 else None
        if len(self._cache) < 100_000:
            self._cache[(name, labels)] = found
        return found

    def names(self, label: str) -> dict[str, set[Known]]:
        """Folded name → nodes of `label` (aliases included), for building matchers."""
        out = {k: set(v) for k, v in self._by[label].items()}
        for alias, canonical in self._aliases.get(label, {}).items():
            if canonical in self._by[label]:
                out.setdefault(alias, set()).update(self._by[label][canonical])
        return out


def bundled_index() -> Index:
    """The bundled dataset's names with the alias table: what `extract` resolves against."""
    from loaders.bundled import bundled_catalog
    from loaders.gazetteer import load_aliases

    return Index(load_aliases()).add_dataset(bundled_catalog())
