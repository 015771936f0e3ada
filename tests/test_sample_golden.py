"""The sample issue against its hand-made reference annotation (tests/fixtures/sample.gold.json)."""
import re

import pandas as pd
import pytest

import helpers
from conftest import SAMPLE


def _items(df):
    return df[df.kind.isin(helpers.ITEM_KINDS)].reset_index(drop=True)


def _nows(s):
    return re.sub(r"\s", "", s or "")


def test_every_item_found_with_kind_and_page(sample_table, gold):
    items = _items(sample_table)
    assert len(items) == len(gold["items"]) == 26
    assert list(items.kind) == [g["kind"] for g in gold["items"]]
    assert list(items.page) == [g["page"] for g in gold["items"]]


@pytest.mark.parametrize("field", ["reporters", "correspondents", "photographers"])
def test_journalists_exact(sample_table, gold, field):
    items = _items(sample_table)
    got = [list(x) for x in items[field]]
    assert got == [g[field] for g in gold["items"]]


def test_headlines_exact(sample_table, gold):
    items = _items(sample_table)
    got = [None if pd.isna(h) else h for h in items.headline]
    assert got == [g["headline"] for g in gold["items"]]
    assert sum(h is not None for h in got) == 15


def test_event_dates(sample_table, gold):
    items = _items(sample_table)
    got = [None if pd.isna(d) else d.strftime("%Y-%m-%d") for d in items.event_date]
    assert got == [g["event_date"] for g in gold["items"]]


def test_bodies_start_end_and_length(sample_table, gold):
    items = _items(sample_table)
    for (_, row), g in zip(items.iterrows(), gold["items"]):
        body = _nows(row.body)
        assert body.startswith(g["body_start"]), (g["id"], body[:20])
        assert body.endswith(g["body_end"]), (g["id"], body[-20:])
        assert row.n_chars == g["body_chars"] == len(body), g["id"]


def test_provenance_lines_cover_the_annotated_span(sample_table, gold):
    items = _items(sample_table)
    for (_, row), g in zip(items.iterrows(), gold["items"]):
        lo, hi = g["source_lines"]
        assert row.start_line == lo and row.end_line >= hi, g["id"]
    spans = sorted(zip(sample_table.start_line, sample_table.end_line))
    assert all(a[1] < b[0] for a, b in zip(spans, spans[1:])), "rows overlap"


def test_page_titles_and_subtitles(sample_table, gold):
    titles = sample_table[sample_table.kind == "page_title"]
    assert {str(p): t for p, t in zip(titles.page, titles.headline)} == gold["page_titles"]
    subs = {str(p): s for p, s in zip(titles.page, titles.subheadline) if isinstance(s, str)}
    assert subs == gold["page_subtitles"]
    for page, title in gold["page_titles"].items():
        assert set(sample_table.loc[sample_table.page == int(page), "page_title"]) == {title}


def _all_text(df):
    cols = ["page_title", "headline", "subheadline", "dateline", "byline", "body", "credit"]
    return "\n".join(str(v) for c in cols for v in df[c].dropna())


def test_must_and_must_not_strings(sample_table, gold):
    text = _all_text(sample_table)
    for s in gold["cleaned_text_must_contain"]:
        assert s in text, s
    for s in gold["cleaned_text_must_not_contain"]:
        assert s not in text, repr(s)


def test_characters_conserved(sample_table):
    report = helpers.conservation(helpers.read_text(SAMPLE), sample_table)
    assert report["ratio"] >= 0.999, report["missing"]
    assert not report["extra"]


def test_metadata_inferred_and_ids(sample_table):
    df = sample_table
    assert df.issue_date.nunique() == 1 and df.issue_date.iloc[0] == pd.Timestamp("2022-11-28")
    assert df.issue_date_inferred.all()
    assert df.article_id.is_unique
    assert list(df.seq) == list(range(1, len(df) + 1))
    assert (df.layout == "after").all()
    again = helpers.parse_issue(SAMPLE)
    assert list(again.article_id) == list(df.article_id)


def test_arguments_override_file_name_and_inference():
    df = helpers.parse_issue(SAMPLE, date="2022-11-29", newspaper="焦作日报")
    assert (df.newspaper == "焦作日报").all()
    assert df.issue_date.iloc[0] == pd.Timestamp("2022-11-29") and not df.issue_date_inferred.any()
