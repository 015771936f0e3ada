"""Realistic issues in layouts other than the sample's, rendered from People's Daily articles.

The fixture ``pd_excerpt.txt`` holds a few pages of the PKU-annotated People's
Daily (January 1998, building days only) exactly as distributed: GBK, CRLF.
Each layout is rendered with ``epaper.render`` and parsed back; the expected
table is the one it was rendered from.
"""
import re
from collections import Counter

import pytest

import helpers
from checks import items, parse_checked
from conftest import FIXTURES
from epaper import pfr, render


@pytest.fixture(scope="module")
def articles():
    df = pfr.read_pfr(FIXTURES / "pd_excerpt.txt")
    return render.suitable(df)


def _ns(s):
    return re.sub(r"\s", "", s) if isinstance(s, str) else ""


def _matches(expected, got):
    """Articles whose headline is found and whose dateline, byline and body hold the same characters."""
    by_head = {h: r for h, r in zip(got.headline, got.itertuples()) if isinstance(h, str)}
    ok = 0
    for r in expected.itertuples():
        g = by_head.get(r.headline)
        if g is None:
            continue
        want = Counter(_ns(r.dateline) + _ns(r.byline) + _ns(r.body))
        have = Counter(_ns(g.dateline) + _ns(g.byline) + _ns(g.body))
        ok += want == have
    return ok / len(expected)


# Floors per layout: the share of (easy) articles found exact in each issue. The two "before" layouts with a
# blank line after every paragraph are at 0.80 and 0.75 (0.85 and 0.76 today, 0.82 and 0.76 before the
# labeller's last four signals): there the line labeller reads a few
# short headlines over briefs without a dateline as intertitles (小标题) of the item before, which the rules alone
# did not (1.00 and 0.94 on one issue); the labeller trained on renderings that print a dash's subtitle on a line
# of its own reads one more so in the narrow layout (0.82 before; on every article of random layouts it finds
# more: README, "Limits, measured").
LAYOUTS = {
    "before, form feeds, wide columns": (render.Layout(headline="before", pages="formfeed", width=24, column_break=18), 0.80),
    "before, space-led pages, narrow, full-width digits": (
        render.Layout(headline="before", pages="space", width=12, column_break=20, fullwidth_digits=True, seed=1), 0.75),
    "before, no blank lines between paragraphs": (
        render.Layout(headline="before", pages="formfeed", width=30, paragraph_blank=False, seed=2), 0.85),
    "after, like the sample: narrow, doubled headlines, spaced lines": (
        render.Layout(headline="after", pages="space", width=13, column_break=15, fullwidth_digits=True,
                      spaced_lines=9, double_headlines=True, seed=3), 0.85),
    "after, form feeds, bylines inline": (
        render.Layout(headline="after", pages="formfeed", width=16, byline_line=False, seed=4), 0.85),
}


@pytest.mark.parametrize("name", list(LAYOUTS))
def test_rendered_layouts(tmp_path, articles, name):
    layout, floor = LAYOUTS[name]
    for issue_id, issue in articles.groupby("issue_id"):
        path = tmp_path / f"{issue_id}.txt"
        path.write_text(render.render_issue(issue, layout), encoding="gb18030", newline="\r\n")
        df = parse_checked(path)
        assert (df.layout == layout.headline).all(), issue_id
        assert df.newspaper.iloc[0] == "人民日报" and str(df.issue_date.iloc[0].date()) == issue_id[-10:]
        got = items(df)
        share = _matches(issue, got)
        assert share >= floor, f"{name} {issue_id}: {share:.2f} of articles exact"
        assert abs(len(got) - len(issue)) <= 0.15 * len(issue) + 1


def test_one_file_per_page(tmp_path, articles):
    issue_id, issue = next(iter(articles.groupby("issue_id")))
    folder = tmp_path / issue_id
    folder.mkdir()
    for k, text in enumerate(render.render_issue(issue, render.Layout(pages="files", width=18)), 1):
        (folder / f"{k:02d}.txt").write_text(text, encoding="utf-8")
    df = helpers.parse_issue(folder)
    assert sorted(set(items(df).page)) == sorted(set(range(1, issue.page.nunique() + 1)))
    assert _matches(issue, items(df)) >= 0.75      # the same layout as the first of LAYOUTS (see there)


def test_read_pfr_gold_names_and_columns(articles):
    df = pfr.read_pfr(FIXTURES / "pd_excerpt.txt")
    assert list(df.columns) == helpers.COLUMNS + ["gold_names"]
    first = df.iloc[0]
    assert first.issue_id == "人民日报_1998-01-05" and first.page == 1
    assert df.article_id.is_unique
    names = {n for ns in df.gold_names for n in ns}
    assert len(names) > 50 and all(2 <= len(n) <= 12 for n in names)
    assert "１" not in "".join(df.body)          # full-width digits folded
