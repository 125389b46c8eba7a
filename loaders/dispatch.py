"""Pick the loader for a path by its suffix, and load several files as one all-or-nothing set."""
from __future__ import annotations

from pathlib import Path

from graph.errors import Problem, ValidationError
from graph.records import Dataset

CATALOG = (".yaml", ".yml", ".json")
LEDGER = (".csv", ".xlsx", ".xlsm", ".txt")
RDF = (".ttl", ".jsonld", ".nt")
ARTICLE = (".md", ".markdown", ".html", ".htm")  # and a .txt that opens with front matter (---)


def load_path(path, *, synthetic: bool = False, source_name: str | None = None) -> Dataset:
    """Records from one source file, validated; raises ValidationError."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ValidationError([Problem(str(path), None, None, None, "no such file")])
    if suffix in CATALOG:
        from loaders.bundled import bundled_gazetteer
        from loaders.catalog import load_catalog

        return load_catalog(path, bundled_gazetteer())
    if suffix in ARTICLE or (suffix == ".txt" and _has_front_matter(path)):
        from loaders.articles import load_article

        return load_article(path)
    if suffix in LEDGER:
        from loaders.ledger import load_ledger

        return load_ledger(path, synthetic=synthetic, source_name=source_name)
    if suffix in RDF:
        try:
            from loaders.rdf import load_rdf
        except ImportError:
            raise ValidationError([Problem(str(path), None, None, None, "RDF loading is not available yet")])
        return load_rdf(path)
    raise ValidationError([Problem(str(path), None, None, suffix,
                                   f"unknown kind of source; expected {', '.join(CATALOG + LEDGER + RDF + ARTICLE)}")])


def _has_front_matter(path: Path) -> bool:
    """A .txt is a ledger (tab- or comma-separated) unless it opens with an article's front matter."""
    with open(path, "rb") as f:
        head = f.read(8)
    return head.lstrip(b"\xef\xbb\xbf").startswith(b"---")


def load_paths(paths, **options) -> Dataset:
    """Every file validated before anything is returned; all files' problems reported together."""
    merged, problems = Dataset(), []
    for path in paths:
        try:
            merged.extend(load_path(path, **options))
        except ValidationError as exc:
            problems += exc.problems
    if problems:
        raise ValidationError(problems)
    return merged
