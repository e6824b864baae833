"""notebooks/retrain.ipynb runs top to bottom on a small sample (so it cannot rot)."""

import nbformat
from nbclient import NotebookClient

from .conftest import ROOT


def test_retrain_notebook_runs(tmp_path, monkeypatch):
    notebook = nbformat.read(ROOT / "notebooks" / "retrain.ipynb", as_version=4)
    monkeypatch.setenv("SMRISK_NOTEBOOK_SAMPLE", "600")
    monkeypatch.setenv("SMRISK_NOTEBOOK_OUTPUT", str(tmp_path / "model"))
    NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(ROOT / "notebooks")}},
    ).execute()
    assert (tmp_path / "model" / "SHA256SUMS").is_file()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("macro-F1" in o.get("text", "") for o in outputs)
