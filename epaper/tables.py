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


_NO_SENTENCE_START = tuple("，。、；：！？）》」』”’…,.;:!?)")
FLAGS = {
    "no_headline": "a news or feature item without a headline",
    "inner_dateline": "a second dateline or byline inside the body: likely two items merged",
    "inner_bullet": "a short news item (brief) with a second paragraph led by a bullet (■…): likely two merged",
    "long": "more than four times as long as the issue's median news or feature item: likely a merge",
    "mid_sentence": "starts mid-sentence, or the item before it on the page stops mid-sentence: likely a cut",
    "unjoined_part": "an article's part from another page (（上接第1版）…) not joined to its article: its first "
                     "part was not found, or could not be told from another's",
}


def quality_flags(articles: pd.DataFrame) -> pd.DataFrame:
    """Items that look wrongly segmented, one row per item and flag (``flag``, ``why``), for a researcher to check.

    Flags (``FLAGS``): ``no_headline``, ``inner_dateline``, ``inner_bullet`` and ``long`` (likely
    merges), ``mid_sentence`` (likely cuts), ``unjoined_part`` (a part continued
    from another page left on its own). Columns: ``article_id``,
    ``issue_id``, ``page``, ``kind``, ``headline``, ``n_chars``, ``flag``,
    ``why``, ``start`` (the body's first 30 characters).

    >>> quality_flags(h.load_articles()).flag.value_counts()       # doctest: +SKIP
    """
    from . import bylines, clean, segment

    cols = ["article_id", "issue_id", "page", "kind", "headline", "n_chars", "flag", "why", "start"]
    rows = []
    for issue_id, df in articles.groupby("issue_id", sort=True):
        items = df[df.kind.isin(ITEM_KINDS)]
        texts = items[items.kind.isin(["news", "feature"])].n_chars
        median = float(texts.median()) if len(texts) else 0.0
        prev_end: dict[int, str] = {}
        for r in items.itertuples(index=False):
            body = r.body if isinstance(r.body, str) else ""
            flags = []
            if r.kind in ("news", "feature") and not isinstance(r.headline, str):
                flags.append("no_headline")
            paras = body.split("\n")[1:]
            if any(bylines.parse_dateline(p) is not None or bylines.parse_byline(p[:30]) is not None for p in paras):
                flags.append("inner_dateline")
            elif r.kind == "brief" and any(clean.bullet(p) for p in paras):
                flags.append("inner_bullet")
            if r.kind in ("news", "feature") and median and r.n_chars > 4 * median and r.n_chars > 800:
                flags.append("long")
            before = prev_end.get(r.page)
            if body.startswith(_NO_SENTENCE_START) or (before is not None and before and not clean.ends_sentence(before)
                                                        and not before.endswith(("）", ")"))):
                flags.append("mid_sentence")
            if segment.continued_from(body):
                flags.append("unjoined_part")
            if r.kind in ("news", "feature"):
                prev_end[r.page] = body.rstrip()
            for f in flags:
                rows.append({"article_id": r.article_id, "issue_id": issue_id, "page": r.page, "kind": r.kind,
                             "headline": r.headline, "n_chars": r.n_chars, "flag": f, "why": FLAGS[f],
                             "start": body[:30]})
    return pd.DataFrame(rows, columns=cols)


# ---------------------------------------------------------------- interactive tables (itables, offline)

KEEP_WORDS = ("keywords", "titles", "title", "headline", "topic", "name")     # columns whose words must not break
_TABLE_CSS = ("<style>.epaper-keep{word-break:keep-all}"
              "table.dataTable.epaper-table td{vertical-align:top}"
              "table.dataTable.epaper-table td:not(.dt-type-numeric),"
              "table.dataTable.epaper-table th:not(.dt-type-numeric){text-align:left !important}</style>")


def init_tables() -> None:
    """Turn on interactive tables in a notebook: the DataTables library is put into the notebook itself
    (itables' offline mode), so nothing is fetched from the internet, now or when the notebook is opened."""
    import itables
    from IPython.display import HTML, display

    itables.init_notebook_mode(all_interactive=False, connected=False)
    display(HTML(_TABLE_CSS))


def table_html(df: pd.DataFrame, caption: str | None = None, *, page_length: int = 10) -> str:
    """A table as sortable, searchable, scrollable HTML (DataTables through itables, offline).

    Floats show three decimals in every column; long text (evidence, bodies)
    wraps, while names, titles, headlines and keyword lists break only at
    spaces and punctuation, never inside a word (安全生产). The first rows
    are also printed as a plain HTML table, which shows where JavaScript is off.

    >>> "安全生产" in table_html(pd.DataFrame({"keywords": ["安全生产×3"], "score": [0.5]}))
    True
    """
    from itables import javascript

    if df.index.name is None and not isinstance(df.index, pd.MultiIndex) and pd.api.types.is_integer_dtype(df.index):
        df = df.reset_index(drop=True)              # row numbers of a filtered table say nothing
    elif not isinstance(df.index, pd.RangeIndex):
        df = df.reset_index()                       # a named index (name, period) is a column of its own
    keep = [k for k, c in enumerate(df.columns) if str(c) in KEEP_WORDS or str(c).endswith(("_name", "keywords"))]
    defs = [{"className": "epaper-keep", "targets": keep}] if keep else []
    with pd.option_context("display.float_format", "{:.3f}".format):
        return javascript.to_html_datatable(
            df, caption=caption, connected=False, classes="display compact epaper-table", scrollX=True,
            pageLength=page_length, lengthMenu=[10, 25, 50, 100, 500], columnDefs=defs, maxBytes="1MB",
            layout={"topStart": "pageLength", "topEnd": "search", "bottomStart": "info", "bottomEnd": "paging"})


def show_table(df: pd.DataFrame, caption: str | None = None, **kw) -> None:
    """Display ``table_html(df)`` in a notebook (after ``init_tables()``)."""
    from IPython.display import HTML, display

    display(HTML(table_html(df, caption, **kw)))
