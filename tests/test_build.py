"""The batch build and the command line: a bad file never stops a run."""
import os
import shutil
import subprocess
import sys

import pandas as pd

import helpers
from conftest import ROOT, SAMPLE

ISSUE = ("全市春耕备耕工作有序推进\n\n本报讯（记者王国庆） 3月6日，记者从市农业农村局获悉，"
         "全市春耕备耕工作有序推进，各类农资储备充足。\n")


def _raw(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SAMPLE, raw / SAMPLE.name)
    (raw / "某某日报_2023-03-07.txt").write_bytes(ISSUE.encode("gbk"))
    (raw / "noise.txt").write_bytes(os.urandom(4096))
    (raw / "empty.txt").write_bytes(b"")
    (raw / "issues.csv").write_text(f"file,newspaper,date\n{SAMPLE.name},焦作日报,\n", encoding="utf-8")
    pages = raw / "某某日报_2023-03-08"
    pages.mkdir()
    (pages / "1.txt").write_text(ISSUE.replace("3月6日", "3月7日"), encoding="utf-8")
    return raw


def test_build_records_bad_files_and_goes_on(tmp_path):
    raw, out = _raw(tmp_path), tmp_path / "out"
    result = helpers.build(raw, out, progress=False)
    problems = pd.read_csv(out / "problems.csv")
    assert sorted(problems.file) == ["empty.txt", "noise.txt"]
    assert all(problems.reason.str.len() > 5)
    articles = helpers.read_table(out, "articles")
    assert sorted(articles.issue_id.unique()) == ["000_75661ba705b5605c", "某某日报_2023-03-07", "某某日报_2023-03-08"]
    assert set(articles.loc[articles.issue_id == "000_75661ba705b5605c", "newspaper"]) == {"焦作日报"}
    assert articles.article_id.is_unique
    issues = helpers.read_table(out, "issues")
    assert (issues.conserved == 1.0).all()
    assert result.summary() == "issues: 3 (added 5, changed 0, removed 0, reused 0), items: 28, officials: 18, problems: 2"


def test_build_twice_gives_identical_tables(tmp_path):
    raw = _raw(tmp_path)
    helpers.build(raw, tmp_path / "a", progress=False)
    helpers.build(raw, tmp_path / "b", progress=False)
    a = helpers.read_table(tmp_path / "a", "articles")
    b = helpers.read_table(tmp_path / "b", "articles")
    pd.testing.assert_frame_equal(a, b)


def test_command_line_build(tmp_path):
    raw, out = _raw(tmp_path), tmp_path / "out"
    run = subprocess.run([sys.executable, "helpers.py", "build", "--raw", str(raw), "--out", str(out)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == \
        "issues: 3 (added 5, changed 0, removed 0, reused 0), items: 28, officials: 18, problems: 2"
    assert "problem: noise.txt:" in run.stderr and "problem: empty.txt: empty file" in run.stderr
    assert len(list((out / "articles").glob("*.parquet"))) == 3


def test_command_line_names_a_missing_raw_folder(tmp_path):
    run = subprocess.run([sys.executable, "helpers.py", "build", "--raw", str(tmp_path / "nowhere"),
                          "--out", str(tmp_path / "out")], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert "nowhere: no such folder of raw issues" in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "out").exists()


def test_workers_start_from_a_fork_server_where_threads_run(tmp_path):
    """In a process with other threads (a Jupyter kernel) workers come from a fork server; same tables."""
    import threading

    from epaper import build as build_mod

    raw = _raw(tmp_path)
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    try:
        assert build_mod._context().get_start_method() == "forkserver"
        helpers.build(raw, tmp_path / "threads", progress=False, workers=2)
    finally:
        stop.set()
        thread.join()
    assert build_mod._context().get_start_method() == "fork"
    helpers.build(raw, tmp_path / "one", progress=False, workers=1)
    for name in ("articles", "people", "topics", "issues"):
        pd.testing.assert_frame_equal(helpers.read_table(tmp_path / "threads", name),
                                      helpers.read_table(tmp_path / "one", name))


def _tables(out):
    return {name: helpers.read_table(out, name) for name in ("articles", "people", "topics", "issues")}


def test_incremental_build_reuses_adds_changes_and_removes(tmp_path):
    raw, out = _raw(tmp_path), tmp_path / "out"
    helpers.build(raw, out, progress=False)
    first = _tables(out)
    again = helpers.build(raw, out, progress=False)
    assert again.counts == {"added": 0, "changed": 0, "removed": 0, "reused": 5}
    for name, df in _tables(out).items():
        pd.testing.assert_frame_equal(df, first[name])
    # a new issue is parsed alone and its rows appear in file order
    (raw / "某某日报_2023-03-09.txt").write_text(ISSUE.replace("3月6日", "3月8日"), encoding="utf-8")
    added = helpers.build(raw, out, progress=False)
    assert added.counts == {"added": 1, "changed": 0, "removed": 0, "reused": 5}
    assert "某某日报_2023-03-09" in set(added.articles.issue_id)
    # a changed issue is parsed again; a removed one drops its rows
    (raw / "某某日报_2023-03-07.txt").write_text(ISSUE.replace("王国庆", "李国庆"), encoding="utf-8")
    (raw / "某某日报_2023-03-09.txt").unlink()
    changed = helpers.build(raw, out, progress=False)
    assert changed.counts == {"added": 0, "changed": 1, "removed": 1, "reused": 4}
    assert "某某日报_2023-03-09" not in set(changed.articles.issue_id)
    assert ["李国庆"] in [list(r) for r in changed.articles.reporters]
    # the incremental tables equal a build from scratch
    fresh = tmp_path / "fresh"
    helpers.build(raw, fresh, progress=False)
    for name, df in _tables(fresh).items():
        pd.testing.assert_frame_equal(_tables(out)[name], df, check_dtype=False)


def test_a_killed_build_leaves_the_previous_outputs_whole(tmp_path):
    import signal
    import time

    raw, out = _raw(tmp_path), tmp_path / "out"
    helpers.build(raw, out, progress=False)
    before = _tables(out)
    for k in range(12):                                   # enough work that a kill lands mid-run
        shutil.copy(SAMPLE, raw / f"copy{k:02d}.txt")
    for delay in (0.5, 1.5, 3.0):
        proc = subprocess.Popen([sys.executable, "helpers.py", "build", "--raw", str(raw), "--out", str(out)],
                                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(delay)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        tables = _tables(out)                             # every table still reads, every issue in it whole
        ids, old_ids = set(tables["articles"].issue_id), set(before["articles"].issue_id)
        assert old_ids <= ids <= old_ids | {f"copy{k:02d}" for k in range(12)}
        for issue_id, rows in tables["articles"].groupby("issue_id"):
            assert list(rows.seq) == list(range(1, len(rows) + 1)), issue_id
    result = helpers.build(raw, out, progress=False)      # the next run completes, and clears what a kill left
    assert not list(out.glob(".*.tmp"))
    assert {f"copy{k:02d}" for k in range(12)} <= set(result.articles.issue_id)
    assert pd.read_csv(out / "problems.csv").file.tolist() == ["empty.txt", "noise.txt"]


def test_choosing_the_rules_alone_parses_every_issue_again(tmp_path, monkeypatch):
    raw, out = _raw(tmp_path), tmp_path / "out"
    helpers.build(raw, out, progress=False)
    monkeypatch.setenv("EPAPER_SEGMENTATION", "rules")
    assert helpers.build(raw, out, progress=False).counts == {"added": 0, "changed": 5, "removed": 0, "reused": 0}
    assert helpers.build(raw, out, progress=False).counts["reused"] == 5
