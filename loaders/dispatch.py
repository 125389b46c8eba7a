"""Pick the loader for a path by its suffix, and load several files as one all-or-nothing set.

A directory (or a .zip) is a neo4j-admin CSV export, as `jinshang export -f csv` writes it
(loaders/neo4j_csv.py): a whole graph whose entities were resolved where it was exported.
"""
from __future__ import annotations

from pathlib import Path

from graph.errors import Problem, ValidationError
from graph.records import Dataset

CATALOG = (".yaml", ".yml", ".json")
LEDGER = (".csv", ".xlsx", ".xlsm", ".txt")
RDF = (".ttl", ".jsonld", ".nt")
ARTICLE = (".md", ".markdown", ".html", ".htm")  # and a .txt that opens with front matter (---)
EXPORT = (".zip",)  # and a directory: neo4j-admin CSV (nodes.csv, relationships.csv)


def is_export(path) -> bool:
    """A neo4j-admin CSV export (a directory or a .zip), read by loaders/neo4j_csv.py."""
    path = Path(path)
    return path.is_dir() or path.suffix.lower() in EXPORT


def load_path(path, *, synthetic: bool = False, source_name: str | None = None, gazetteer=None,
              ledger_options=None, as_of=None) -> Dataset:
    """Records from one source file, validated; raises ValidationError."""
    path = Path(path)
    suffix = path.suffix.lower()
    if is_export(path) and path.exists():
        from loaders.neo4j_csv import NODES, is_neo4j_csv, load_neo4j_csv

        if not is_neo4j_csv(path):
            raise ValidationError([Problem(str(path), None, None, None,
                                           f"目录中没有 {NODES} / a directory is read as a neo4j-admin CSV export "
                                           f"(`jinshang export -f csv`), and this one holds no {NODES}")])
        return load_neo4j_csv(path)
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
                                   f"unknown kind of source; expected {', '.join(CATALOG + LEDGER + RDF + ARTICLE + EXPORT)} "
                                   f"or a directory exported with `jinshang export -f csv`")])


def _has_front_matter(path: Path) -> bool:
    """A .txt is a ledger (tab- or comma-separated) unless it opens with an article's front matter."""
    with open(path, "rb") as f:
        head = f.read(8)
    return head.lstrip(b"\xef\xbb\xbf").startswith(b"---")


def _is_ledger(path: Path) -> bool:
    return path.suffix.lower() in LEDGER and not path.is_dir()


def load_paths(paths, gazetteer=None, resolved: set | None = None, **options) -> Dataset:
    """Every file validated before anything is returned; all files' problems reported together.

    A ledger may name what the database holds (`gazetteer`, when given, knows it) or what another
    file of the same set declares: catalogs and RDF are read first, and every file's nodes are
    known to the ledgers read after it. `resolved`, when given, receives the ids of the nodes that
    came from exports: already resolved among themselves (loaders.resolution.apply)."""
    merged, problems = None, []
    gaz = gazetteer.copy() if gazetteer is not None else None
    paths = [Path(p) for p in paths]
    ordered = sorted(paths, key=_is_ledger)  # stable: ledgers last
    ledgers_left = sum(map(_is_ledger, ordered))
    for path in ordered:
        ledger = _is_ledger(path)
        ledgers_left -= ledger
        try:
            ds = load_path(path, gazetteer=gaz, **options) if ledger else load_path(path, **options)
        except ValidationError as exc:
            problems += exc.problems
            continue
        if resolved is not None and is_export(path):
            resolved.update(ds.nodes)
        if merged is None:  # the first file's records as they are: an export of 10^6 nodes is not copied
            merged = ds
        else:
            merged.extend(ds)
        if gaz is not None and ledgers_left:  # only a ledger still to read looks names up in it
            known = gaz.known_ids()
            gaz.add_dataset(Dataset(nodes={k: n for k, n in ds.nodes.items() if k not in known}))
    if problems:
        raise ValidationError(problems)
    return merged if merged is not None else Dataset()
