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
    articles = pd.read_parquet(out / "articles.parquet")
    assert sorted(articles.issue_id.unique()) == ["000_75661ba705b5605c", "某某日报_2023-03-07", "某某日报_2023-03-08"]
    assert set(articles.loc[articles.issue_id == "000_75661ba705b5605c", "newspaper"]) == {"焦作日报"}
    assert articles.article_id.is_unique
    issues = pd.read_parquet(out / "issues.parquet")
    assert (issues.conserved == 1.0).all()
    assert result.summary() == "issues: 3, items: 28, problems: 2"


def test_build_twice_gives_identical_tables(tmp_path):
    raw = _raw(tmp_path)
    helpers.build(raw, tmp_path / "a", progress=False)
    helpers.build(raw, tmp_path / "b", progress=False)
    a = pd.read_parquet(tmp_path / "a" / "articles.parquet")
    b = pd.read_parquet(tmp_path / "b" / "articles.parquet")
    pd.testing.assert_frame_equal(a, b)


def test_command_line_build(tmp_path):
    raw, out = _raw(tmp_path), tmp_path / "out"
    run = subprocess.run([sys.executable, "helpers.py", "build", "--raw", str(raw), "--out", str(out)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "issues: 3, items: 28, problems: 2"
    assert "problem: noise.txt:" in run.stderr and "problem: empty.txt: empty file" in run.stderr
    assert (out / "articles.parquet").exists()
