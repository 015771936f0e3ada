"""Every article, a layout drawn for each page: the harness that scores the article table honestly.

Rendered from the People's Daily excerpt in ``tests/fixtures`` (building days only). These tests
check the harness itself (every article rendered and scored, every character kept, layouts that
differ from page to page, the same text for the same seed) and guard today's figures against
regressions; the evaluation-day figures are in the README (``python -m epaper.segment_eval``).
"""
from collections import Counter

import pytest

from checks import parse_checked
from conftest import FIXTURES
from epaper import pfr, render, segment_eval


@pytest.fixture(scope="module")
def corpus():
    return pfr.read_pfr(FIXTURES / "pd_excerpt.txt")


def _visible(text):
    return Counter(segment_eval._chars(text))


@pytest.mark.parametrize("family", list(render.FAMILIES))
def test_every_article_is_rendered_and_scored(tmp_path, corpus, family):
    for k, (issue_id, issue) in enumerate(corpus.groupby("issue_id")):
        text = render.render_issue_random(issue, family, seed=k, page_headers=0.0)
        want, heads = Counter(), Counter()
        for r in issue.itertuples(index=False):
            want.update(segment_eval.expected_text(r))
            heads.update(segment_eval._chars(*render.headline_block(r)))
        have = _visible(text)
        assert not want - have                              # every article, every character
        assert not (have - want) - heads                    # and nothing else but bold headlines printed twice
        path = tmp_path / f"{issue_id}.txt"
        path.write_text(text, encoding="utf-8")
        s = segment_eval.score_issue(issue, parse_checked(path))
        assert s["articles"] == len(issue) and s["exact"] + sum(m[0] == "extent" for m in s["misses"]) == len(issue)


def test_layouts_are_drawn_per_page_and_reproducible(corpus):
    issue = next(g for _, g in corpus.groupby("issue_id") if g.page.nunique() >= 2)
    a = render.render_issue_random(issue, "after, form feeds", seed=7)
    assert a == render.render_issue_random(issue, "after, form feeds", seed=7)
    assert a != render.render_issue_random(issue, "after, form feeds", seed=8)
    import random
    rng = random.Random(3)
    widths = {render.draw_layout(rng, "before", "formfeed").width for _ in range(20)}
    assert len(widths) > 5 and min(widths) >= 8 and max(widths) <= 30


def test_a_sentence_without_body_is_printed_as_text():
    row = next(pfr.read_pfr(FIXTURES / "pd_excerpt.txt").itertuples(index=False))
    short = row._replace(headline="我国去年新增电话用户二千二百万户。", subheadline=None, body="")
    assert render.headless(short) and render.headline_block(short) == []
    assert segment_eval.expected_text(short) == "我国去年新增电话用户二千二百万户。"


def test_score_counts_exact_extents_and_headlines():
    import pandas as pd
    exp = pd.DataFrame([{"article_id": "a", "headline": "甲乙丙", "subheadline": None, "dateline": None,
                         "byline": None, "body": "一二三。"},
                        {"article_id": "b", "headline": "丁戊", "subheadline": None, "dateline": None,
                         "byline": None, "body": "四五六。"}])
    got = pd.DataFrame([{"kind": "news", "headline": "甲乙丙", "subheadline": None, "dateline": None, "byline": None,
                         "credit": None, "body": "一二三。"},
                        {"kind": "news", "headline": None, "subheadline": None, "dateline": None, "byline": None,
                         "credit": None, "body": "丁戊四五六。"}])
    s = segment_eval.score_issue(exp, got)
    assert (s["articles"], s["items"], s["exact"], s["headlines"]) == (2, 2, 2, 1)
    merged = got.iloc[:1].assign(body="一二三。丁戊四五六。")
    assert segment_eval.score_issue(exp, merged)["exact"] == 0
