"""News articles → graph facts with evidence (issue 15).

    article file ─ reading ─→ Article (text as given, front matter, text runs with offsets)
                 ─ view ────→ matching view (simplified, NFKC, pinyin noise out, offsets kept)
                 ─ extract ─→ Facts (nodes, relationships; evidence spans; confidence)
                 ─ records ─→ Dataset for the writer (article as Source, `evidence` strings)
                 ─ review ──→ a sheet to accept facts by hand, and back

>>> facts = extract_text("---\\ndate: 2019-03-02\\npublisher: 深圳市山西商会\\n---\\n我会会长王德明出席。", "n.md")
>>> [(r.type, r.start, r.end, r.properties["title"]) for r in facts.rels.values()]
[('HOLDS_POST', 'person:王德明', 'chamber:深圳市山西商会', '会长')]
"""
from __future__ import annotations

from loaders.articles.facts import THRESHOLD, Facts
from loaders.articles.reading import SUFFIXES, parse_article, read_article


def extract_path(path, index=None) -> Facts:
    """The facts of one article file, resolved against `index` (default: the bundled dataset)."""
    from loaders.articles.extract import extract

    return extract(read_article(path), index)


def extract_text(text: str, path: str = "article.md", index=None) -> Facts:
    from loaders.articles.extract import extract

    return extract(parse_article(text, path), index)


def load_article(path, index=None, threshold: float = THRESHOLD):
    """Records of one article's facts at or above `threshold`, next to the bundled dataset."""
    from loaders.articles.records import to_dataset
    from loaders.bundled import bundled_catalog

    return to_dataset([extract_path(path, index)], base=bundled_catalog(), threshold=threshold,
                      where=str(path)).dataset


__all__ = ["THRESHOLD", "Facts", "SUFFIXES", "extract_path", "extract_text", "load_article"]


def graph_index(rows=()):
    """The bundled dataset's names plus the database's (rows of graph.reader.known_nodes)."""
    from loaders.articles.resolve import bundled_index

    return bundled_index().add_rows(rows)


def articles_dataset(paths, index=None, threshold: float = THRESHOLD, known: dict | None = None):
    """Records of several articles at once (all or nothing), resolved against `index`."""
    from graph.errors import ValidationError
    from loaders.articles.records import to_dataset
    from loaders.bundled import bundled_catalog

    facts, problems = [], []
    for p in paths:
        try:
            facts.append(extract_path(p, index))
        except ValidationError as exc:
            problems += exc.problems
    if problems:
        raise ValidationError(problems)
    return to_dataset(facts, base=bundled_catalog(), known=known, threshold=threshold)


def reviewed_dataset(path, known: dict | None = None):
    """Records of the facts a reviewer accepted in a sheet written by `extract --review`."""
    from loaders.articles.records import to_dataset
    from loaders.articles.review import read_review
    from loaders.bundled import bundled_catalog

    facts, accepted = read_review(path)
    return to_dataset(facts, base=bundled_catalog(), known=known, accepted=accepted, where=str(path))


def is_article(path) -> bool:
    from pathlib import Path

    from loaders.dispatch import ARTICLE, _has_front_matter

    p = Path(path)
    return p.suffix.lower() in ARTICLE or (p.suffix.lower() == ".txt" and p.is_file() and _has_front_matter(p))
