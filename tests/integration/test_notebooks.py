"""Every notebook runs top to bottom against the test server, in a kernel on this venv's Python."""
import sys
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from nbclient import NotebookClient

from graph.connection import resolve_target

NOTEBOOK_DIR = Path(__file__).resolve().parents[2] / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))


def test_the_python3_kernel_runs_this_venv():
    """jupyter_client swaps a spec's bare `python` for sys.executable; any other interpreter
    would run the notebooks without this project installed."""
    argv = KernelSpecManager().get_kernel_spec("python3").argv
    assert argv[0] in ("python", "python3", sys.executable), argv


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_executes(path, seeded, neo4j_server, monkeypatch):
    uri, user, password, database = resolve_target(neo4j_server)
    # the kernel inherits this environment: load_settings() in the notebook finds the test server
    for key, value in {"NEO4J_URI": uri, "NEO4J_USER": user, "NEO4J_PASSWORD": password,
                       "NEO4J_DATABASE": database, "JINSHANG_OUT": str(neo4j_server.out_dir)}.items():
        monkeypatch.setenv(key, value)
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name="python3", timeout=300,
                            resources={"metadata": {"path": str(NOTEBOOK_DIR)}})
    client.execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    if path.name == "01-cypher-exploration.ipynb":
        text = "\n".join(str(o.get("data", {}).get("text/plain", "")) for c in nb.cells
                         if c.cell_type == "code" for o in c.outputs)
        assert "307.0" in text and "珠海市" in text  # the top event
        assert "北京山西企业商会" in text and "赵梅梅" in text
