"""Attendance on real reports: the labelled development set, scored whole (skipped where it is absent),
and the evaluator's command line on a small labelled file written here."""
import json
import subprocess
import sys

import pytest

from conftest import ROOT
from epaper import people_eval

DEV = ROOT.parent / "shared" / "dev" / "attendance_dev.jsonl"


@pytest.fixture(scope="module")
def dev_scores():
    if not DEV.exists():
        pytest.skip(f"the attendance development set is not at {DEV}")
    return people_eval.score(people_eval.read_set(DEV))


def test_every_record_is_scored(dev_scores):
    assert dev_scores["records"] == 45 and dev_scores["present_gold"] == 326


def test_presence_precision_and_recall(dev_scores):
    assert dev_scores["precision"] >= 0.97, dev_scores["misses"]
    assert dev_scores["recall"] >= 0.95, dev_scores["misses"]


def test_primary_roles_and_titles(dev_scores):
    assert dev_scores["primary_role"] >= 0.95, dev_scores["misses"]
    assert dev_scores["titles"] >= 0.93, dev_scores["misses"]


def test_no_journalist_is_a_person(dev_scores):
    assert dev_scores["journalists"] == 35 and dev_scores["journalists_present"] == 0


RECORDS = [
    {"id": "t1", "text": "本报讯(记者 景浩)3月1日,县委书记易建国主持召开县委常委会议。县领导钱海波、吕桂芝出席会议。",
     "people": {"易建国": ["chair"], "钱海波": ["attendee"], "吕桂芝": ["attendee"], "佟东升": ["attendee"]},
     "journalists": ["景浩"], "titles": {"易建国": "县委书记", "钱海波": "县领导"}},
    {"id": "t2", "text": "村民张玉林在地里忙着。", "people": {}, "journalists": [], "titles": {}},
]


def test_scores_and_misses_of_a_small_set():
    r = people_eval.score(RECORDS)
    # 3 of 4 labelled people present found, nobody spurious; one title wrong (a group label is no title)
    assert (r["present_gold"], r["present_predicted"]) == (4, 3)
    assert r["precision"] == 1.0 and r["recall"] == 0.75
    assert r["primary_role"] == 1.0 and r["titles"] == pytest.approx(2 / 3)
    assert r["journalists"] == 1 and r["journalists_present"] == 0
    assert any(line.startswith("t1\tmissed\t佟东升") for line in r["misses"])
    assert any(line.startswith("t1\ttitle\t钱海波") for line in r["misses"])


def test_evaluate_command(tmp_path):
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "epaper.people", "evaluate", "--set", str(path)], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    assert "t1\tmissed\t佟东升" in out
    assert "presence precision 1.000, recall 0.750" in out and "journalists present 0 of 1" in out
