"""Officials over time, table-driven on a small invented month, and notebook 05 on a month of the
People's Daily (skipped where the corpus is absent)."""
import pandas as pd
import pytest

import helpers
from conftest import PFR


@pytest.fixture()
def month():
    arts = pd.DataFrame({"article_id": ["a1", "a2", "a3", "a4"],
                         "issue_date": pd.to_datetime(["2024-03-01", "2024-03-04", "2024-03-12", "2024-03-26"]),
                         "headline": ["县委常委会召开", "县长调研春耕", "政协座谈会举行", "县委常委会召开"],
                         "body": ["会议由县委书记甲主持。", "县长乙到乡镇调研。", "丙主持座谈会。", "甲主持会议。"]})
    rows = [("a1", "甲", "chair", "县委书记"), ("a1", "乙", "attendee", "县长"), ("a1", "丙", "attendee", "县政协主席"),
            ("a2", "乙", "leader", "县长"), ("a2", "丁", "attendee", "副县长"),
            ("a3", "丙", "chair", "县政协主席"), ("a3", "乙", "attendee", "县委副书记、县长"),
            ("a4", "甲", "chair", "县委书记"), ("a4", "丁", "attendee", "县委常委、副县长"), ("a4", "戊", "mentioned", "省长")]
    people = pd.DataFrame([{"article_id": a, "name": n, "role": r, "title": t, "title_inherited": False, "org": None,
                            "evidence": ""} for a, n, r, t in rows])
    return arts, people


def test_appearances_per_week(month):
    arts, people = month
    m = helpers.appearance_matrix(people, arts, freq="W")
    assert list(m.columns) == ["2024-02-26", "2024-03-04", "2024-03-11", "2024-03-25"]
    assert m.loc["乙"].tolist() == [1, 1, 1, 0] and m.index[0] == "乙" and "戊" not in m.index   # mentioned: absent
    assert helpers.appearance_matrix(people, arts, freq="M").loc["甲"].tolist() == [2]


def test_ties_that_form_and_fade(month):
    arts, people = month
    periods = helpers.split_periods(arts, 2)
    assert [(a.day, b.day) for a, b in periods] == [(1, 4), (12, 26)]
    ties = helpers.tie_changes(people, arts, periods).set_index(["a", "b"])
    assert ties.loc[("丙", "乙"), "status"] == "kept" and ties.loc[("丙", "乙"), "items"] == 2
    assert ties.loc[("丁", "乙"), "status"] == "faded" and ties.loc[("丁", "甲"), "status"] == "new"
    assert ties.loc[("丁", "甲"), "first_seen"] == pd.Timestamp("2024-03-26")
    graphs = helpers.period_networks(people, arts, periods)
    assert sorted(graphs[0].nodes) == ["丁", "丙", "乙", "甲"] and sorted(graphs[1].nodes) == ["丁", "丙", "乙", "甲"]


def test_titles_as_printed_over_time(month):
    arts, people = month
    t = helpers.title_changes(people, arts)
    assert set(t.name) == {"乙", "丁"}                     # 甲 and 丙 keep one title
    assert t[t.name == "乙"].title.tolist() == ["县长", "县委副书记、县长"]


def test_meeting_types_and_one_issue(month):
    arts, people = month
    m = helpers.meeting_types(arts, freq="M")
    assert m.loc["2024-03-01"].to_dict() == {"常委会议": 2, "政协会议": 1, "调研视察": 1}   # the first listed type wins
    one = arts.iloc[:1]
    assert helpers.split_periods(one, 2) == [(one.issue_date.iloc[0], one.issue_date.iloc[0])]
    assert set(helpers.tie_changes(people[people.article_id == "a1"], one, helpers.split_periods(one, 2)).status) == {"once"}


@pytest.mark.skipif(not PFR.exists(), reason=f"the People's Daily corpus is not at {PFR}")
def test_notebook_05_on_a_month_of_the_peoples_daily(tmp_path):
    import nbformat

    from epaper import notebooks

    done = notebooks.run_notebooks(["05_officials_over_time"], parameters={"pfr_corpus": str(PFR)}, out_dir=tmp_path,
                                   progress=False)
    nb = nbformat.read(done[0], as_version=4)
    outs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outs if o.output_type == "error" or (o.output_type == "stream" and o.name == "stderr")]
    text = "".join(o.get("text", "") for o in outs if o.output_type == "stream")
    assert "31 issues from 1998-01-01 to 1998-01-31" in text
    images = [o for o in outs if "image/png" in o.get("data", {})]
    assert len(images) >= 4                      # heat map, one official's timeline, two periods, event kinds
    for name in ("officials_by_period", "network_periods", "meetings_by_type"):
        assert (helpers.FIGURES / f"{name}.png").exists()
