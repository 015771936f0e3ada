"""Execute the project's notebooks headless (papermill), as ``python helpers.py run`` does."""
from __future__ import annotations

from pathlib import Path

from . import paths

CELL_TIMEOUT = 300   # seconds one cell may run before the notebook counts as failed


def notebook_paths(names=None) -> list[Path]:
    """The notebooks in ``notebooks/`` in order, or those named."""
    all_nbs = sorted(paths.NOTEBOOKS.glob("[0-9]*.ipynb"))
    if not names:
        return all_nbs
    wanted = {Path(n).stem for n in names}
    return [p for p in all_nbs if p.stem in wanted]


def run_notebooks(names=None, parameters: dict | None = None, out_dir=None, progress: bool = True) -> list[Path]:
    """Execute notebooks with papermill; executed copies go to ``data/processed/notebooks/``.

    The sources in ``notebooks/`` stay free of outputs so that their history
    stays readable; ``parameters`` are injected into a cell tagged
    ``parameters`` where a notebook has one, with ``interactive=False``: the
    notebooks then call their functions with the default choice instead of
    showing ipywidgets controls, which need a browser.
    """
    import papermill as pm

    out_dir = Path(out_dir or paths.EXECUTED_NOTEBOOKS)
    out_dir.mkdir(parents=True, exist_ok=True)
    done = []
    for nb in notebook_paths(names):
        target = out_dir / nb.name
        for attempt in (1, 2):
            try:
                pm.execute_notebook(str(nb), str(target), parameters={"interactive": False, **(parameters or {})},
                                    cwd=str(nb.parent),
                                    kernel_name="python3", progress_bar=progress, log_output=False,
                                    execution_timeout=CELL_TIMEOUT, start_timeout=120)
                break
            except TimeoutError:
                # a lost kernel message leaves the client waiting (seen with ipykernel 7, hence
                # the pin to 6.29); the notebook then gets one more try
                if attempt == 2:
                    raise
        done.append(target)
    return done
