"""People, roles, titles and the co-attendance network on the sample, against its annotation."""
from itertools import combinations

import pytest

import helpers

PRESENT = set(helpers.PRESENT_ROLES)
MAIN_ORDER = ("chair", "leader", "speaker", "attendee")


@pytest.fixture(scope="module")
def items(sample_table):
    return sample_table[sample_table.kind.isin(helpers.ITEM_KINDS)].reset_index(drop=True)


@pytest.fixture(scope="module")
def people(items):
    return helpers.extract_people(items, roster=helpers.read_roster("/nonexistent.csv"))


def _by_item(people, article_id):
    out = {}
    for r in people[people.article_id == article_id].itertuples():
        out.setdefault(r.name, []).append(r.role)
    return out


def _main(roles):
    present = [r for r in MAIN_ORDER if r in roles]
    return present[0] if present else None


def test_every_present_person_with_main_role(items, people, gold):
    for (_, row), g in zip(items.iterrows(), gold["items"]):
        got = _by_item(people, row.article_id)
        want_present = {n: _main(r) for n, r in g["people"].items() if set(r) & PRESENT}
        got_present = {n: _main(r) for n, r in got.items() if set(r) & PRESENT}
        assert got_present == want_present, g["id"]


def test_every_annotated_role(items, people, gold):
    """All roles of every annotated person; the model may also list people the annotation leaves out,
    but only as mentioned."""
    for (_, row), g in zip(items.iterrows(), gold["items"]):
        got = _by_item(people, row.article_id)
        for name, roles in g["people"].items():
            assert sorted(got.get(name, [])) == sorted(roles), (g["id"], name)
        for name in set(got) - set(g["people"]):
            assert got[name] == ["mentioned"], (g["id"], name, got[name])


def test_titles(people, gold):
    titles = {}
    for r in people.itertuples():
        if isinstance(r.title, str):
            titles.setdefault(r.name, r.title)
    for name, title in gold["titles"].items():
        assert titles.get(name) == title, name


def test_no_journalist_is_a_person(items, people):
    journalists = {n for col in ("reporters", "correspondents", "photographers") for ns in items[col] for n in ns}
    assert journalists and not journalists & set(people.name)


def test_network_edges_and_weights_as_annotated(items, people, gold):
    g = helpers.attendance_network(people)
    want = {}
    for (_, row), item in zip(items.iterrows(), gold["items"]):
        present = sorted(n for n, r in item["people"].items() if set(r) & PRESENT)
        for a, b in combinations(present, 2):
            want.setdefault((a, b), []).append(row.article_id)
    got = {tuple(sorted((a, b))): d["articles"] for a, b, d in g.edges(data=True)}
    assert got == {k: v for k, v in want.items()}
    assert all(d["weight"] == len(d["articles"]) for _, _, d in g.edges(data=True))
    ever_present = {n for item in gold["items"] for n, r in item["people"].items() if set(r) & PRESENT}
    never_present = {n for item in gold["items"] for n in item["people"]} - ever_present
    assert never_present and not never_present & set(g.nodes)
    assert set(g.nodes) == ever_present
    assert g.nodes["吕沛"]["n_events"] == 3 and g.nodes["吕沛"]["n_chair"] == 2


def test_network_tables_and_exports(tmp_path, people):
    g = helpers.attendance_network(people)
    c = helpers.centrality(g)
    assert list(c.columns) == ["name", "title", "n_events", "degree", "weighted_degree", "betweenness", "eigenvector"]
    assert c.name.iloc[0] in {"宫卫红", "吕沛"}
    comm = helpers.communities(g)
    assert set(comm.name) == set(g.nodes)
    assert comm.equals(helpers.communities(g))              # fixed seed: the same every run
    out = helpers.export_network(g, tmp_path)
    import networkx as nx
    back = nx.read_graphml(out["graphml"])
    assert back.number_of_edges() == g.number_of_edges()
    assert nx.read_gexf(out["gexf"]).number_of_nodes() == g.number_of_nodes()
    assert out["edges"].read_text(encoding="utf-8").startswith("source,target,weight,articles")
    assert helpers.attendance_network(people, min_weight=2).number_of_edges() < g.number_of_edges()


def test_roster_suggestion_and_use(tmp_path, items, people, sample_table):
    sug = helpers.suggest_roster(people, sample_table)
    row = sug[sug.name == "宫卫红"].iloc[0]
    assert row.title == "示范区（高新区）党工委副书记、管委会主任" and row["items"] == 4
    assert row.first_seen == row.last_seen == "2022-11-28"
    assert "刘雨晴" not in set(sug.name)                     # not an official
    # the roster gives a title where the text prints none, and an alias resolves to the name
    roster = sug[["name", "title", "org", "aliases", "first_seen", "last_seen"]].copy()
    roster.loc[roster.name == "宫卫红", "aliases"] = "宫主任"
    p = helpers.extract_people(items.assign(body=items.body.str.replace("宫卫红主持", "宫主任主持")), roster=roster)
    assert "宫主任" not in set(p.name)


def test_network_picture_is_the_same_in_every_process():
    """The layout of every component, small ones included, does not depend on Python's string hashing
    (which changes from one process to the next): the same table gives the same picture."""
    import subprocess
    import sys

    from conftest import ROOT

    code = ("import sys, hashlib; sys.path.insert(0, '.'); import helpers as h; from epaper.figures import component_layout;"
            "df = h.parse_issue(h.RAW / '000_75661ba705b5605c.txt'); "
            "p = h.extract_people(df[df.kind.isin(h.ITEM_KINDS)], roster=h.read_roster('/nonexistent.csv'));"
            "pos = component_layout(h.attendance_network(p));"
            "print(hashlib.md5(repr(sorted((k, round(x, 6), round(y, 6)) for k, (x, y) in pos.items())).encode()).hexdigest())")
    outs = set()
    for seed in ("1", "2", "3"):
        env = {"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"}
        r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
        outs.add(r.stdout.strip())
    assert len(outs) == 1


def test_interactive_network_page(tmp_path, people):
    """figures/attendance_network.html: one self-contained page (no script or style fetched from anywhere),
    every person and tie with size, community colour and hover text, the filters, the same bytes every time."""
    import json
    import re

    g = helpers.attendance_network(people)
    comm = helpers.communities(g)
    path = helpers.export_network_html(g, comm, out_dir=tmp_path)
    page = path.read_text(encoding="utf-8")
    assert not re.findall(r"""<(?:script|link)[^>]+(?:src|href)=""", page)          # everything inline
    assert "vis.Network" in page and 'id="minw"' in page and 'class="role"' in page and 'id="comm"' in page
    data = json.loads(re.search(r"const DATA = (\{.*?\});\n", page, re.S).group(1))
    assert {n["id"] for n in data["nodes"]} == set(g) and len(data["edges"]) == g.number_of_edges()
    node = next(n for n in data["nodes"] if n["id"] == "宫卫红")
    assert node["value"] == g.nodes["宫卫红"]["n_events"] and "示范区（高新区）党工委副书记、管委会主任" in node["title"]
    assert "讲话" in node["title"] and len({n["color"] for n in data["nodes"]}) == comm.community.nunique()
    assert all(e["value"] == g[e["from"]][e["to"]]["weight"] for e in data["edges"])
    assert helpers.network_html(g, comm) == page


def test_showing_the_network_writes_nothing_to_stderr(people, capsys):
    """In a notebook, show_network's output must not come with a warning (a pink box in JupyterLab)."""
    import warnings

    g = helpers.attendance_network(people)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        helpers.show_network(g, helpers.communities(g))
    assert capsys.readouterr().err == ""


def test_ego_panel_shows_who_was_chosen(people):
    """Two officials of the same leadership group have the same ego network; the chosen one is drawn
    apart (red, ringed, with their ties), so choosing another official changes the picture."""
    import io

    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np
    from PIL import Image

    g = helpers.attendance_network(people)
    a, b = "赵俊生", "许海玲"
    assert set(helpers.ego(g, a)) == set(helpers.ego(g, b))

    def pixels(name):
        fig = helpers.draw_network(helpers.ego(g, a), title="同场出席", highlight=name)
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=60)
        plt.close(fig)
        return np.asarray(Image.open(buf).convert("RGB"), dtype=int)

    pa, pb, plain = pixels(a), pixels(b), pixels(None)
    assert np.abs(pa - pb).sum() > 0 and np.abs(pa - plain).sum() > 0
    red = (pa[..., 0] > 200) & (pa[..., 1] < 110) & (pa[..., 2] < 110)
    assert red.sum() > 20 and not ((plain[..., 0] > 200) & (plain[..., 1] < 110) & (plain[..., 2] < 110)).sum()
