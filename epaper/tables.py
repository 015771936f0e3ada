"""Tables for exploring the article table in notebooks."""
from __future__ import annotations

import pandas as pd

from .parse import ITEM_KINDS


def select_articles(articles: pd.DataFrame, newspaper=None, start=None, end=None, kinds=ITEM_KINDS) -> pd.DataFrame:
    """Rows of the given paper(s), issue dates and kinds (``None`` keeps all).

    >>> select_articles(articles, newspaper="焦作日报", start="2022-11-01")   # doctest: +SKIP
    """
    df = articles
    if kinds is not None:
        df = df[df.kind.isin(kinds)]
    if newspaper:
        papers = [newspaper] if isinstance(newspaper, str) else list(newspaper)
        df = df[df.newspaper.isin(papers)]
    if start is not None:
        df = df[df.issue_date >= pd.Timestamp(start)]
    if end is not None:
        df = df[df.issue_date <= pd.Timestamp(end)]
    return df


def items_by_page(articles: pd.DataFrame) -> pd.DataFrame:
    """Items by page and kind, with the page title, summed over issues."""
    items = articles[articles.kind.isin(ITEM_KINDS)]
    table = items.pivot_table(index="page", columns="kind", values="article_id", aggfunc="count", fill_value=0)
    titles = items.groupby("page").page_title.agg(lambda s: "、".join(sorted(set(s.dropna()))))
    table.insert(0, "page_title", titles)
    return table


def journalists(articles: pd.DataFrame) -> pd.DataFrame:
    """Each journalist with the number of items as reporter, correspondent and photographer.

    >>> journalists(articles).head()      # doctest: +SKIP
    """
    rows = []
    for col in ("reporters", "correspondents", "photographers"):
        for _, r in articles[articles.kind.isin(ITEM_KINDS)].iterrows():
            for name in r[col]:
                rows.append({"name": name, "as": col})
    if not rows:
        return pd.DataFrame(columns=["reporters", "correspondents", "photographers", "items"])
    df = pd.DataFrame(rows)
    table = df.pivot_table(index="name", columns="as", aggfunc="size", fill_value=0)
    for col in ("reporters", "correspondents", "photographers"):
        if col not in table:
            table[col] = 0
    table = table[["reporters", "correspondents", "photographers"]]
    table["items"] = table.sum(axis=1)
    return table.sort_values(["items", "reporters"], ascending=False)


def lengths(articles: pd.DataFrame) -> pd.DataFrame:
    """Body length (characters) by kind: count, median, mean, min, max."""
    items = articles[articles.kind.isin(ITEM_KINDS)]
    return items.groupby("kind").n_chars.agg(["count", "median", "mean", "min", "max"]).round(0)
