"""Every notebook executes headless, as `python helpers.py run` executes it."""
import pytest

from epaper import notebooks


@pytest.mark.parametrize("nb", [p.stem for p in notebooks.notebook_paths()])
def test_notebook_executes(tmp_path, nb):
    import nbformat
    done = notebooks.run_notebooks([nb], out_dir=tmp_path, progress=False)
    assert [p.name for p in done] == [f"{nb}.ipynb"]
    executed = nbformat.read(done[0], as_version=4)
    errors = [o for c in executed.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors
    assert sum(1 for c in executed.cells if c.cell_type == "code" and c.get("outputs")) >= 3


@pytest.mark.parametrize("nb", [p.stem for p in notebooks.notebook_paths()])
def test_notebook_is_in_jupyterlabs_own_form(tmp_path, nb):
    """Opening a notebook in JupyterLab and saving it unchanged rewrites nothing: the file is what
    Jupyter's contents manager (the one JupyterLab saves through) writes, byte for byte, with cell ids
    (nbformat 4.5), a kernelspec and language_info, and no outputs."""
    import shutil

    import nbformat
    from jupyter_server.services.contents.filemanager import FileContentsManager

    src = notebooks.notebook_paths()[[p.stem for p in notebooks.notebook_paths()].index(nb)]
    raw = src.read_bytes()
    nbk = nbformat.reads(raw.decode("utf-8"), as_version=4)
    assert (nbk.nbformat, nbk.nbformat_minor) == (4, 5) and all("id" in c for c in nbk.cells)
    assert set(nbk.metadata) >= {"kernelspec", "language_info"}
    assert nbk.metadata.kernelspec.name == "python3" and nbk.metadata.language_info.name == "python"
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in nbk.cells if c.cell_type == "code")
    shutil.copy(src, tmp_path / src.name)
    cm = FileContentsManager(root_dir=str(tmp_path))
    model = cm.get(src.name, content=True)
    cm.save(model, src.name)
    assert (tmp_path / src.name).read_bytes() == raw
