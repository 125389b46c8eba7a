"""Output paths of the commands that write files (`export -o`, `analyze --out`, `view -o`).

Checked before any work is done, so a bad path costs the user no wait and gives one line:

- a folder that cannot be created, or a parent that is a file, not a folder;
- a folder where a file is expected (or a file where a folder is expected);
- a folder that cannot be written (permissions, a read-only file system).

An existing file is replaced, as `-o` means everywhere, but never half-written: the new content
goes to a temporary file beside it and is renamed over it only when complete (`replacing`).

>>> import tempfile
>>> d = Path(tempfile.mkdtemp())
>>> with replacing(output_file(d / "new" / "view.html")) as tmp:
...     _ = tmp.write_text("<html></html>")
>>> (d / "new" / "view.html").read_text()
'<html></html>'
>>> output_file(d / "new")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
jinshang.cli.paths.OutputPathError: ...: 这是一个文件夹 / is a folder: give a file name
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from graph.errors import JinshangError


class OutputPathError(JinshangError):
    """An output path that cannot be written as asked."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")


def output_file(path) -> Path:
    """`path` checked as a file to write (its folders created); raises OutputPathError."""
    path = Path(path)
    if path.is_dir():
        raise OutputPathError(path, "这是一个文件夹 / is a folder: give a file name")
    _writable_folder(path, path.parent)
    if path.exists() and not os.access(path, os.W_OK):
        raise OutputPathError(path, "文件只读 / the file exists and is read-only")
    return path


def output_folder(path) -> Path:
    """`path` checked as a folder to write files into (created if missing); raises OutputPathError."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise OutputPathError(path, "这是一个文件，不是文件夹 / is a file, not a folder")
    _writable_folder(path, path)
    return path


def _writable_folder(path: Path, folder: Path) -> None:
    for parent in (folder, *folder.parents):  # the nearest part of the path that exists
        if parent.exists():
            if not parent.is_dir():
                raise OutputPathError(path, f"上级路径 {parent} 是一个文件 / its parent {parent} is a file, not a folder")
            break
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputPathError(path, f"无法创建文件夹 / cannot create the folder {folder}: "
                                    f"{exc.strerror or exc}") from None
    try:  # a real probe: os.access says yes to root and knows nothing of read-only mounts
        fd, probe = tempfile.mkstemp(dir=folder, prefix=".jinshang-probe-")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise OutputPathError(path, f"文件夹不可写 / cannot write in the folder {folder}: "
                                    f"{exc.strerror or exc}") from None


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary path beside `path`; renamed over `path` if the block succeeds, removed if not."""
    # the suffix stays last: writers that pick a format from the name (.zip, .ttl) see the real one
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=f".part{path.suffix}")
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, _mode_for(path))  # mkstemp makes it 0600; the file is for others to read too
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _mode_for(path: Path) -> int:
    """The replaced file's mode, or what a plain open() would have given a new file."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
