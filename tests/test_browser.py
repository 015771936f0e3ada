"""The notebooks as a researcher sees them: JupyterLab in headless Chromium, every cell run.

Marked ``browser``. It needs Debian's ``chromium`` (``apt-get install chromium fonts-noto-cjk``)
and the ``playwright`` package (no browser download: Chromium is launched from
``/usr/bin/chromium``); where either is missing it skips and says why. Run it alone with
``pytest -m browser``. Screenshots go to ``data/processed/browser/``.
"""
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.browser

try:
    import playwright.sync_api  # noqa: F401
    _HAVE_PLAYWRIGHT = True
except ImportError:
    _HAVE_PLAYWRIGHT = False

SHOTS = ROOT / "data" / "processed" / "browser"
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9]*.ipynb"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium is not installed ({CHROMIUM}): apt-get install chromium fonts-noto-cjk")
    if not _HAVE_PLAYWRIGHT:
        pytest.skip("the playwright package is not installed (pip install playwright; no browser download needed)")
    subprocess.run([sys.executable, "helpers.py", "build"], cwd=ROOT, check=True, capture_output=True)
    port, token = _free_port(), "epaper-test"
    settings = tmp_path_factory.mktemp("lab-settings")
    env = {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(settings), "JUPYTERLAB_WORKSPACES_DIR": str(settings)}
    proc = subprocess.Popen([sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}",
                             "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}",
                             "--LabApp.expose_app_in_browser=True", "--allow-root", "--ServerApp.root_dir=" + str(ROOT)],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("JupyterLab did not start")
    yield base, token
    proc.terminate()
    proc.wait(timeout=30)


@pytest.fixture(scope="module")
def browser(lab):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync"])
        yield b
        b.close()


def _run_all(page, base, token, notebook):
    page.goto(f"{base}/lab/tree/notebooks/{notebook}?token={token}&reset")
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell.currentWidget "
                           "&& window.jupyterapp.shell.currentWidget.sessionContext "
                           "&& window.jupyterapp.shell.currentWidget.sessionContext.session "
                           "&& window.jupyterapp.shell.currentWidget.sessionContext.session.kernel", timeout=120_000)
    page.wait_for_function("() => window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === 'idle'",
                           timeout=120_000)
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    # every code cell has run: none waits or runs ([*]) and the last one has an execution count
    page.wait_for_function("""() => {
        const nb = window.jupyterapp.shell.currentWidget.content;
        const cells = nb.widgets.filter(c => c.model.type === 'code');
        return cells.length && cells.every(c => c.model.executionCount !== null && c.promptNode
               && !c.promptNode.textContent.includes('*'));
    }""", timeout=300_000)
    page.wait_for_timeout(2500)          # widgets and tables draw after the last reply


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_in_jupyterlab(lab, browser, notebook):
    base, token = lab
    page = browser.new_page(viewport={"width": 1500, "height": 9000})    # tall: the screenshot shows the whole notebook
    _run_all(page, base, token, notebook)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{Path(notebook).stem}.png"), full_page=True)
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count()
    tracebacks = page.locator(".jp-RenderedText[data-mime-type='application/vnd.jupyter.error']").count()
    assert errors == 0 and tracebacks == 0, f"{notebook}: {errors} stderr and {tracebacks} error outputs"
    assert "Error displaying widget" not in page.content()
    images = page.locator(".jp-RenderedImage img").count()
    assert images >= (0 if notebook.startswith("01") else 2), f"{notebook}: {images} figures"   # 01 has tables only
    if notebook.startswith(("01", "02", "03", "05")):
        page.wait_for_selector("table.dataTable", timeout=30_000)       # interactive tables drawn
    if notebook.startswith(("02", "03", "04", "05")):
        select = page.locator(".widget-dropdown select").first
        select.wait_for(timeout=30_000)
        options = select.locator("option").all_inner_texts()
        if len(options) > 1:
            out = page.locator(".widget-interact .jp-OutputArea").first
            before = out.inner_html()
            select.select_option(label=options[1])
            page.wait_for_function("(b) => document.querySelector('.widget-interact .jp-OutputArea').innerHTML !== b",
                                   arg=before, timeout=60_000)
    if notebook.startswith("03"):
        frame = page.frame_locator("iframe").first
        frame.locator("#count").wait_for(timeout=30_000)
        assert "人" in frame.locator("#count").inner_text()
    page.close()
