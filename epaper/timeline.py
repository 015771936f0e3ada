"""Stage 6c, officials over time: appearances by period, ties that form and fade, titles as printed.

Each function takes the people table (``extract_people``) and the article
table (for the issue dates and headlines) and returns a DataFrame, or a graph
per period; notebook ``05_officials_over_time.ipynb`` draws them. With a
single issue there is one period, and the functions still return their
tables (one column, no ties that change).
"""
from __future__ import annotations

import networkx as nx
import pandas as pd

from . import lexicons
from .network import attendance_network
from .people import PRESENT_ROLES


def _present(people: pd.DataFrame, articles: pd.DataFrame, roles=PRESENT_ROLES) -> pd.DataFrame:
    df = people[people.role.isin(roles)]
    return df.merge(articles[["article_id", "issue_date", "headline"]], on="article_id", how="inner")


def period_of(dates: pd.Series, freq: str = "W") -> pd.Series:
    """The period each date falls in: ``W`` (weeks starting on Monday, labelled by that Monday) or ``M``
    (months, labelled by their first day).

    >>> period_of(pd.Series(pd.to_datetime(["1998-01-01", "1998-01-05"])), "W").dt.strftime("%Y-%m-%d").tolist()
    ['1997-12-29', '1998-01-05']
    """
    p = pd.to_datetime(dates).dt.to_period("W-SUN" if freq == "W" else "M")
    return p.dt.start_time


def appearance_matrix(people: pd.DataFrame, articles: pd.DataFrame, *, freq: str = "W", top: int = 30,
                      roles=PRESENT_ROLES) -> pd.DataFrame:
    """Items each official is present at, per period: officials (rows, most present first) × periods.

    >>> appearance_matrix(h.load_people(), h.load_articles(), freq="W").iloc[:5, :4]     # doctest: +SKIP
    """
    df = _present(people, articles, roles)
    if not len(df):
        return pd.DataFrame()
    df = df.assign(period=period_of(df.issue_date, freq))
    m = df.pivot_table(index="name", columns="period", values="article_id", aggfunc="nunique", fill_value=0)
    order = m.sum(axis=1).sort_values(ascending=False, kind="stable")
    m = m.loc[order.index[:top]]
    m.columns = [c.strftime("%Y-%m-%d") for c in m.columns]
    return m


def official_timeline(people: pd.DataFrame, articles: pd.DataFrame, name: str) -> pd.DataFrame:
    """Every item an official is named in, in date order: ``issue_date``, ``role``, ``title``, ``headline``."""
    df = people[people.name == name].merge(articles[["article_id", "issue_date", "headline"]], on="article_id")
    cols = ["issue_date", "article_id", "role", "title", "headline"]
    return df[cols].sort_values(["issue_date", "article_id"], kind="stable").reset_index(drop=True)


def split_periods(articles: pd.DataFrame, n: int = 2) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """The issue dates cut into ``n`` periods of about equal numbers of issues: ``[(first, last), …]``."""
    dates = sorted(pd.to_datetime(articles.issue_date.dropna().unique()))
    if not dates:
        return []
    n = max(1, min(n, len(dates)))
    size = -(-len(dates) // n)
    return [(dates[k], dates[min(k + size, len(dates)) - 1]) for k in range(0, len(dates), size)]


def period_networks(people: pd.DataFrame, articles: pd.DataFrame, periods) -> list[nx.Graph]:
    """The co-attendance network of each period ``(first, last)`` (issue dates, inclusive)."""
    out = []
    for first, last in periods:
        ids = articles.loc[(articles.issue_date >= first) & (articles.issue_date <= last), "article_id"]
        out.append(attendance_network(people[people.article_id.isin(ids)]))
    return out


def tie_changes(people: pd.DataFrame, articles: pd.DataFrame, periods) -> pd.DataFrame:
    """Ties (pairs present at the same item) with ``first_seen``, ``last_seen``, ``items``, the periods they
    appear in and ``status``: ``new`` (not in the first period), ``faded`` (not in the last), ``kept``
    (in both), ``once`` (one period only, where there is one)."""
    g = attendance_network(people)
    if not g.number_of_edges():
        return pd.DataFrame(columns=["a", "b", "items", "first_seen", "last_seen", "periods", "status"])
    dates = dict(zip(articles.article_id, pd.to_datetime(articles.issue_date)))
    rows = []
    for a, b, d in g.edges(data=True):
        when = sorted(dates[x] for x in d["articles"] if x in dates)
        seen = [k for k, (f, t) in enumerate(periods) if any(f <= w <= t for w in when)]
        if len(periods) < 2:
            status = "once"
        elif 0 in seen and len(periods) - 1 in seen:
            status = "kept"
        elif 0 in seen:
            status = "faded"
        else:
            status = "new"
        rows.append({"a": min(a, b), "b": max(a, b), "items": d["weight"], "first_seen": when[0] if when else pd.NaT,
                     "last_seen": when[-1] if when else pd.NaT, "periods": len(seen), "status": status})
    return pd.DataFrame(rows).sort_values(["items", "a", "b"], ascending=[False, True, True]).reset_index(drop=True)


def title_changes(people: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Officials printed with more than one title: each title as printed, with the first and last issue
    date it was printed and how many items (titles shared over a list left out)."""
    df = people.dropna(subset=["title"])
    if "title_inherited" in df:
        df = df[~df.title_inherited.fillna(False).astype(bool)]
    df = df[df.title != ""].merge(articles[["article_id", "issue_date"]], on="article_id")
    if not len(df):
        return pd.DataFrame(columns=["name", "title", "first_seen", "last_seen", "items"])
    g = df.groupby(["name", "title"]).agg(first_seen=("issue_date", "min"), last_seen=("issue_date", "max"),
                                          items=("article_id", "nunique")).reset_index()
    several = g.groupby("name").title.transform("nunique") > 1
    return g[several].sort_values(["name", "first_seen", "title"]).reset_index(drop=True)


def meeting_types(articles: pd.DataFrame, *, freq: str = "W") -> pd.DataFrame:
    """Items per period and kind of event, from the words of ``data/lexicons/meeting_types.tsv`` found in
    the headline or the first 80 characters of the body (the first type listed that matches; others:
    ``其他``)."""
    rows = lexicons.table("meeting_types")
    if not len(articles):
        return pd.DataFrame()

    def kind(text: str) -> str:
        return next((t for w, t, *_ in rows if w in text), "其他")

    text = articles.headline.fillna("") + " " + articles.body.fillna("").str[:80]
    df = articles.assign(type=text.map(kind), period=period_of(articles.issue_date, freq))
    m = df.pivot_table(index="period", columns="type", values="article_id", aggfunc="count", fill_value=0)
    m.index = [p.strftime("%Y-%m-%d") for p in m.index]
    return m
