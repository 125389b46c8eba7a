"""The layer contract (pyproject.toml [tool.importlinter], docs/LAYOUT.md): no layer imports upward.

`lint-imports` reads the import statements of graph, loaders, queries and jinshang (not their
docstrings) and fails when graph imports loaders, queries or jinshang, when loaders imports
queries or jinshang, when queries imports jinshang, or when the catalog loader and the gazetteer
import each other.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_no_layer_imports_upward():
    lint = Path(sys.executable).with_name("lint-imports")  # the venv's, installed with the test extras
    done = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "2 kept, 0 broken" in done.stdout, done.stdout[-2000:]
