"""Output paths of `export -o`, `analyze --out` and `view -o`: a bad one is refused with one line
before any work (no database needed to show it), and an existing file is replaced whole or not at all.

Issue 11, finding 8 ("unwritable or existing output paths" gave tracebacks).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from jinshang.cli.paths import OutputPathError, output_file, output_folder, replacing

PROC = Path("/proc/self")  # a folder nobody, root included, can create files in


def run(*args, monkeypatch, capsys) -> tuple[int, str]:
    """The real entry point in-process; the database settings point nowhere, so any command that
    got past the path check would fail differently."""
    from jinshang.cli import main

    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")
    monkeypatch.setattr(sys, "argv", ["jinshang", *map(str, args)])
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    return code, capsys.readouterr().err


def bad_paths(tmp: Path) -> dict[str, tuple[Path, str]]:
    (tmp / "a-file").write_text("x")
    (tmp / "a-folder").mkdir()
    return {
        "parent-is-a-file": (tmp / "a-file" / "out.html", "its parent"),
        "folder-where-a-file-is-expected": (tmp / "a-folder", "is a folder: give a file name"),
        "folder-cannot-be-created": (PROC / "new" / "out.html", "cannot create the folder"),
        "read-only-folder": (PROC / "out.html", "cannot write in the folder"),
    }


CASES = ["parent-is-a-file", "folder-where-a-file-is-expected", "folder-cannot-be-created", "read-only-folder"]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("command", [["view", "-o"], ["export", "-f", "ttl", "-o"]])
def test_file_outputs_refused_in_one_line(command, case, tmp_path, monkeypatch, capsys):
    path, reason = bad_paths(tmp_path)[case]
    code, err = run(*command, path, monkeypatch=monkeypatch, capsys=capsys)
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and str(path) in err and reason in err, err
    assert "Traceback" not in err


@pytest.mark.parametrize("case, reason", [
    ("a-file", "is a file, not a folder"),
    ("a-file/below", "its parent"),
    ("/proc/self/new", "cannot create the folder"),
    ("/proc/self", "cannot write in the folder"),
])
def test_analyze_out_refused_in_one_line(case, reason, tmp_path, monkeypatch, capsys):
    (tmp_path / "a-file").write_text("x")
    out = Path(case) if case.startswith("/") else tmp_path / case
    code, err = run("analyze", "--out", out, monkeypatch=monkeypatch, capsys=capsys)
    assert code == 1 and len(err.strip().splitlines()) == 1 and reason in err, err


def test_report_html_that_is_a_folder(tmp_path, monkeypatch, capsys):
    (tmp_path / "report.html").mkdir()
    code, err = run("analyze", "--out", tmp_path, monkeypatch=monkeypatch, capsys=capsys)
    assert code == 1 and "report.html: 这是一个文件夹 / is a folder" in err, err


def test_csv_export_folder_that_is_a_file(tmp_path, monkeypatch, capsys):
    (tmp_path / "csv").write_text("x")
    code, err = run("export", "-f", "csv", "-o", tmp_path / "csv", monkeypatch=monkeypatch, capsys=capsys)
    assert code == 1 and "is a file, not a folder" in err, err


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes in a mode-0555 folder; /proc covers it above")
def test_mode_0555_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir(mode=0o555)
    with pytest.raises(OutputPathError, match="cannot write in the folder"):
        output_file(folder / "out.html")


def test_missing_folders_are_created(tmp_path):
    assert output_file(tmp_path / "a" / "b" / "v.html").parent.is_dir()
    assert output_folder(tmp_path / "c" / "d").is_dir()


def test_existing_file_is_replaced_whole(tmp_path):
    path = tmp_path / "view.html"
    path.write_text("old")
    os.chmod(path, 0o640)
    with replacing(output_file(path)) as tmp:
        assert tmp.parent == path.parent and tmp.suffix == ".html" and path.read_text() == "old"
        tmp.write_text("new")
    assert path.read_text() == "new" and (path.stat().st_mode & 0o777) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["view.html"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_text("old")
    with pytest.raises(RuntimeError):
        with replacing(path) as tmp:
            tmp.write_text("half of it")
            raise RuntimeError("the export failed half-way")
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]
