"""The bulk first load: records → neo4j-admin import CSV → the offline importer → the local server.

For a first load of a large set (10^6 nodes), `neo4j-admin database import full` builds the
store directly, an order of magnitude faster than any transactional write. It only works on a
stopped server and an empty database, so `bulk_load`:

1. checks the records (`Dataset.check`, nothing is written if they fail);
2. refuses a server named by NEO4J_URI (the importer needs that server's own disk) and a
   non-empty database (unless `replace`);
3. writes one CSV per label and per relationship type (`write_import_csv`);
4. stops the local server, moves its store aside, runs `org.neo4j.cli.AdminTool database import
   full` from the same jars, and puts the old store back if the import fails;
5. starts the server, creates the schema's constraints and indexes (`Neo4jWriter.ensure_constraints`).

The graph is the writer's: the same labels (stacked `also` labels included), properties with the
same types (dates, lists, booleans, numbers), `sources` in the same order, relationships with
their key properties; tests/integration/test_bulk_import.py compares snapshots.

>>> from graph.records import Dataset, NodeRecord
>>> ds = Dataset()
>>> ds.add_node(NodeRecord("Chamber", "chamber:广东山西商会", {"name": "广东山西商会"}, ("source:a",)))
>>> import tempfile; files = write_import_csv(ds, Path(tempfile.mkdtemp()))
>>> files.nodes, files.node_count
([(('Chamber', 'Organization'), 'nodes-Chamber.csv')], 1)
>>> shell_command(files, "neo4j")  # doctest: +ELLIPSIS
'neo4j-admin database import full --nodes=Chamber:Organization=nodes-Chamber.csv ... neo4j'
"""
from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

from graph.errors import JinshangError, Problem, ValidationError
from graph.local_neo4j import LocalNeo4j
from graph.records import Dataset
from graph.schema import NAME_SPEC, Schema, get_schema
from graph.settings import Settings, mask_uri

ADMIN_TYPES = {"string": "", "int": ":long", "float": ":double", "bool": ":boolean", "date": ":date",
               "partial_date": "", "list[string]": ":string[]"}
# Between list items. U+001F (unit separator) is a control character, which no stored text may
# hold (graph.schema.check_text), so no list item can contain it, unlike ";" or "|".
ARRAY_DELIMITER = "\x1f"
# The importer's off-heap memory (its id map and caches); its default, 90% of RAM, is not
# something to take on a machine the server and other programs share.
OFF_HEAP = "2G"


class BulkImportError(JinshangError):
    """The bulk import cannot or may not run; the message says why and what to do instead."""


@dataclass
class ImportFiles:
    """What `write_import_csv` wrote: file names relative to `directory`."""

    directory: Path
    nodes: list[tuple[tuple[str, ...], str]] = field(default_factory=list)  # (labels, file)
    relationships: list[tuple[str, str]] = field(default_factory=list)  # (type, file)
    node_count: int = 0
    relationship_count: int = 0
    multiline: bool = False  # some text holds a line break: the importer must be told


@dataclass
class BulkSummary:
    nodes: int
    relationships: int
    properties: int
    seconds: dict = field(default_factory=dict)  # check, csv, import, start, constraints
    replaced: int = 0  # nodes that were in the database before (with `replace`)


def _quoted(text: str) -> str:
    # Every string is quoted, so an empty string ("") stays an empty string and only an empty
    # cell means "no property", as in the writer (which never stores None).
    return '"' + text.replace('"', '""') + '"'


def _cell(value, type_: str) -> str:
    if value is None:
        return ""
    if type_ == "list[string]":
        return _quoted(ARRAY_DELIMITER.join(value))
    if type_ in ("string", "partial_date"):  # a partial date is ISO text
        return _quoted(value)
    if type_ == "bool":
        return "true" if value else "false"
    if type_ == "date" and isinstance(value, date):
        return value.isoformat()
    return repr(value) if isinstance(value, float) else str(value)  # repr: the shortest exact form


def _has_break(row: list[str]) -> bool:
    return any("\n" in c or "\r" in c for c in row)


def _file_name(kind: str, name: str) -> str:
    return f"{kind}-{name}.csv"  # labels and types are schema identifiers: safe file names


def write_import_csv(ds: Dataset, directory: Path, schema: Schema | None = None) -> ImportFiles:
    """One CSV per label and one per relationship type, typed from the schema, in `directory`.

    Each file has its own header (`id:ID`, then `name`, the label's properties, `sources:string[]`;
    `:START_ID`, `:END_ID`, the type's properties, `sources:string[]`), so a property name that two
    labels type differently keeps each type. Labels and types are given on the command line.
    """
    schema = schema or get_schema()
    directory.mkdir(parents=True, exist_ok=True)
    files = ImportFiles(directory)
    by_label: dict[str, list] = {}
    for n in ds.nodes.values():
        by_label.setdefault(n.label, []).append(n)
    for label in sorted(by_label):
        spec = schema.label(label)
        props = {"name": NAME_SPEC.type, **{k: p.type for k, p in spec.properties.items() if k != "name"}}
        name = _file_name("nodes", label)
        with open(directory / name, "w", encoding="utf-8", newline="") as out:
            out.write(",".join(["id:ID", *(k + ADMIN_TYPES[t] for k, t in props.items()), "sources:string[]"]) + "\n")
            for n in by_label[label]:
                get = n.props.get
                row = [_quoted(n.id), *(_cell(get(k), t) for k, t in props.items()),
                       _quoted(ARRAY_DELIMITER.join(n.sources))]
                files.multiline = files.multiline or _has_break(row)
                out.write(",".join(row) + "\n")
        files.nodes.append((spec.labels, name))
        files.node_count += len(by_label[label])
    by_type: dict[str, list] = {}
    for e in ds.edges.values():
        by_type.setdefault(e.type, []).append(e)
    for rtype in sorted(by_type):
        props = {k: p.type for k, p in schema.rel(rtype).properties.items()}
        name = _file_name("relationships", rtype)
        with open(directory / name, "w", encoding="utf-8", newline="") as out:
            out.write(",".join([":START_ID", ":END_ID", *(k + ADMIN_TYPES[t] for k, t in props.items()),
                                "sources:string[]"]) + "\n")
            for e in by_type[rtype]:
                get = e.props.get
                row = [_quoted(e.start), _quoted(e.end), *(_cell(get(k), t) for k, t in props.items()),
                       _quoted(ARRAY_DELIMITER.join(e.sources))]
                files.multiline = files.multiline or _has_break(row)
                out.write(",".join(row) + "\n")
        files.relationships.append((rtype, name))
        files.relationship_count += len(by_type[rtype])
    return files


def admin_arguments(files: ImportFiles, database: str, *, relative: bool = False) -> list[str]:
    """The arguments after `neo4j-admin`; file paths absolute, or as named in `files.directory`."""
    where = (lambda f: f) if relative else (lambda f: str(files.directory / f))
    args = ["database", "import", "full"]
    args += [f"--nodes={':'.join(labels)}={where(f)}" for labels, f in files.nodes]
    args += [f"--relationships={t}={where(f)}" for t, f in files.relationships]
    args += ["--array-delimiter=U+001F", "--bad-tolerance=0", "--skip-bad-relationships=false",
             "--skip-duplicate-nodes=false"]
    if files.multiline:
        args.append("--multiline-fields=true")
    return args + [database]


def shell_command(files: ImportFiles, database: str) -> str:
    """The command to run on another server, from inside the CSV directory (no credentials:
    the importer needs none, only the server's disk)."""
    return shlex.join(["neo4j-admin", *admin_arguments(files, database, relative=True)])


@dataclass
class ImportCounts:
    nodes: int
    relationships: int
    properties: int
    output: str


_COUNT = re.compile(r"^\s*([\d,.]+)\s+(nodes|relationships|properties)\s*$", re.M)


def parse_counts(output: str) -> dict[str, int]:
    """The counts in the importer's closing report ("Imported: 3 nodes 2 relationships …").

    >>> parse_counts("IMPORT DONE in 1s 2ms.\\nImported:\\n  3 nodes\\n  2 relationships\\n  9 properties\\n")
    {'nodes': 3, 'relationships': 2, 'properties': 9}
    """
    tail = output[output.rfind("Imported:"):] if "Imported:" in output else ""
    return {kind: int(re.sub(r"\D", "", n)) for n, kind in _COUNT.findall(tail)}


def run_admin_import(server: LocalNeo4j, files: ImportFiles, database: str,
                     off_heap: str = OFF_HEAP, timeout: float = 3600) -> ImportCounts:
    """Run the importer from the server's own jars on its (stopped) home; its output is kept in
    `<home>/bulk-import.log`."""
    cmd, env = server.admin_command(*admin_arguments(files, database), f"--max-off-heap-memory={off_heap}",
                                    f"--report-file={server.home / 'bulk-import.report'}")
    log = server.home / "bulk-import.log"
    try:
        done = subprocess.run(cmd, cwd=server.home, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                              text=True, errors="replace", timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        raise BulkImportError(f"neo4j-admin import 超时; did not finish in {timeout:.0f} s") from exc
    output = done.stdout + done.stderr
    log.write_text(output)
    counts = parse_counts(output)
    if done.returncode != 0 or "nodes" not in counts:
        last = " | ".join(line.strip() for line in output.strip().splitlines()[-6:])
        raise BulkImportError(f"neo4j-admin import 失败 (exit {done.returncode}); the import failed, "
                              f"the database is as it was (full output: {log}): {last}")
    return ImportCounts(counts["nodes"], counts.get("relationships", 0), counts.get("properties", 0), output)


def refuse_remote(settings: Settings, files: ImportFiles) -> BulkImportError:
    """The refusal for a server named by NEO4J_URI, with the two ways forward."""
    return BulkImportError(
        f"NEO4J_URI={mask_uri(settings.neo4j_uri)} 指向另一台服务器：批量导入只能在服务器本机、停机、"
        f"空库时离线运行。可去掉 --bulk 用普通写入，或把 {files.directory} 复制到该服务器并在其中运行下面的命令 / "
        f"NEO4J_URI names another server, and the bulk importer works offline on that server's own disk. "
        f"Either load without --bulk (the transactional writer, over Bolt), or copy {files.directory} to "
        f"that server, stop it, run there (in that directory): {shell_command(files, settings.neo4j_database)} "
        f"— then start it and run any `jinshang load` once to create the constraints and indexes")


def _node_count(driver, database: str) -> int:
    return driver.execute_query("MATCH (n) RETURN count(n) AS n", database_=database,
                                routing_="r").records[0]["n"]


def _store_dirs(server: LocalNeo4j, database: str) -> list[Path]:
    data = server.data_dir
    return [data / "databases" / database, data / "transactions" / database]


def bulk_load(ds: Dataset, settings: Settings, *, replace: bool = False, csv_dir: Path | None = None,
              schema: Schema | None = None, notify: Callable[[str], None] = print,
              off_heap: str = OFF_HEAP) -> BulkSummary:
    """Load `ds` into an empty local database through neo4j-admin; see the module docstring."""
    from graph.connection import names_local_server, open_driver
    from graph.writer import Neo4jWriter

    schema = schema or get_schema()
    began = time.perf_counter()
    problems = ds.check(schema)
    if problems:
        raise ValidationError([Problem("(records)", None, None, None, p) for p in problems])
    database = settings.neo4j_database
    seconds = {"check": time.perf_counter() - began}
    if not names_local_server(settings):
        target = Path(csv_dir or Path(settings.out_dir) / "bulk-import")
        shutil.rmtree(target, ignore_errors=True)  # no stale file of an earlier set beside these
        raise refuse_remote(settings, write_import_csv(ds, target, schema))

    server = LocalNeo4j(settings)
    server.start()
    with open_driver(settings, start_local=False) as driver:
        before = _node_count(driver, database)
    if before and not replace:
        raise BulkImportError(
            f"数据库 {database} 不是空的（已有 {before} 个节点）：批量导入只用于首次导入。去掉 --bulk 用普通写入"
            f"（可重复导入，只增不删），或加 --replace 用这批数据整体替换现有数据 / the database {database!r} is not "
            f"empty ({before} nodes): the bulk import is for a first load. Load without --bulk (the writer "
            f"merges into what is there), or add --replace to replace everything in it with these records")

    began = time.perf_counter()
    work = Path(csv_dir) if csv_dir else server.home / "bulk-import"
    shutil.rmtree(work, ignore_errors=True)
    files = write_import_csv(ds, work, schema)
    seconds["csv"] = time.perf_counter() - began
    notify(f"CSV: {files.node_count} nodes, {files.relationship_count} relationships in {work} "
           f"({seconds['csv']:.1f} s; records checked in {seconds['check']:.1f} s); stopping Neo4j for the import")

    server.stop()
    aside = [(d, d.with_name(d.name + ".before-bulk")) for d in _store_dirs(server, database)]
    for d, old in aside:
        shutil.rmtree(old, ignore_errors=True)
        if d.exists():
            d.rename(old)
    began = time.perf_counter()
    try:
        counts = run_admin_import(server, files, database, off_heap=off_heap)
    except BaseException:
        for d, old in aside:  # nothing half-written: the store as it was
            shutil.rmtree(d, ignore_errors=True)
            if old.exists():
                old.rename(d)
        server.start()
        raise
    seconds["import"] = time.perf_counter() - began
    for _, old in aside:
        shutil.rmtree(old, ignore_errors=True)
    if not csv_dir:
        shutil.rmtree(work, ignore_errors=True)
    notify(f"neo4j-admin import: {counts.nodes} nodes, {counts.relationships} relationships, "
           f"{counts.properties} properties ({seconds['import']:.1f} s)")

    began = time.perf_counter()
    server.start(timeout=600)
    seconds["start"] = time.perf_counter() - began
    began = time.perf_counter()
    with open_driver(settings, start_local=False) as driver:
        Neo4jWriter(driver, database, schema=schema).ensure_constraints()
    seconds["constraints"] = time.perf_counter() - began
    if (counts.nodes, counts.relationships) != (files.node_count, files.relationship_count):
        raise BulkImportError(f"neo4j-admin imported {counts.nodes} nodes and {counts.relationships} "
                              f"relationships, not the {files.node_count} and {files.relationship_count} written")
    return BulkSummary(counts.nodes, counts.relationships, counts.properties, seconds, before)
