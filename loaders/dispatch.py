"""Pick the loader for a path by its suffix, and load several files as one all-or-nothing set."""
from __future__ import annotations

from pathlib import Path

from graph.errors import Problem, ValidationError
from graph.records import Dataset

CATALOG = (".yaml", ".yml", ".json")
LEDGER = (".csv", ".xlsx", ".xlsm", ".txt")
RDF = (".ttl", ".jsonld", ".nt")
ARTICLE = (".md", ".markdown", ".html", ".htm")  # and a .txt that opens with front matter (---)


def load_path(path, *, synthetic: bool = False, source_name: str | None = None, gazetteer=None,
              ledger_options=None, as_of=None) -> Dataset:
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

        return load_ledger(path, synthetic=synthetic, source_name=source_name, gazetteer=gazetteer,
                           options=ledger_options, as_of=as_of)
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


def load_paths(paths, gazetteer=None, **options) -> Dataset:
    """Every file validated before anything is returned; all files' problems reported together.

    A ledger may name what the database holds (`gazetteer`, when given, knows it) or what another
    file of the same set declares: catalogs and RDF are read first, and every file's nodes are
    known to the ledgers read after it."""
    merged, problems = Dataset(), []
    gaz = gazetteer.copy() if gazetteer is not None else None
    paths = [Path(p) for p in paths]
    ordered = sorted(paths, key=lambda p: p.suffix.lower() in LEDGER)  # stable: ledgers last
    for path in ordered:
        try:
            ds = load_path(path, gazetteer=gaz, **options) if path.suffix.lower() in LEDGER \
                else load_path(path, **options)
        except ValidationError as exc:
            problems += exc.problems
            continue
        merged.extend(ds)
        if gaz is not None:
            known = gaz.known_ids()
            gaz.add_dataset(Dataset(nodes={k: n for k, n in ds.nodes.items() if k not in known}))
    if problems:
        raise ValidationError(problems)
    return merged
