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
