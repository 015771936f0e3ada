"""Read, for tables of articles already cut into items: CSV, JSON Lines, Excel, Parquet.

Scrapers and database exports give one row per article with a headline, a
body, a date, a page and a paper. ``read_articles`` maps their columns onto the
article table (``data/lexicons/article_columns.tsv``: 标题/headline, 正文/body,
日期/date, 版次/page, 报纸/newspaper, …, or ``columns=``), finds datelines and
bylines in the body as the parser does, and returns the same columns as
``parse_issue``, so people, topics, networks and notebooks work unchanged.
``build`` picks such files up from ``data/raw/`` like issues.
"""
from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd

from . import annotate, bylines, clean, lexicons
from .read import ParseError, decode_bytes

TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".xlsx", ".parquet")
_KEY = re.compile(r"[\s_\-]+")


def _key(name) -> str:
    return _KEY.sub("", str(name)).lower()


def column_map(names, columns: dict | None = None) -> dict:
    """Which column of a file gives which column of the article table.

    >>> column_map(["标题", "正文", "日期", "版次", "来源"])
    {'标题': 'headline', '正文': 'body', '日期': 'issue_date', '版次': 'page'}
    """
    if columns:
        return {k: v for k, v in columns.items() if k in list(names)}
    wanted = {}
    for name, target, *_ in lexicons.table("article_columns"):
        wanted.setdefault(_key(name), target)
    out, taken = {}, set()
    for n in names:
        target = wanted.get(_key(n))
        if target and target not in taken:
            out[n] = target
            taken.add(target)
    return out


def _load(path: Path) -> pd.DataFrame:
    suffix = path.suffix.lower()
    try:
        if suffix in (".csv", ".tsv", ".jsonl", ".ndjson"):
            text, _ = decode_bytes(path.read_bytes(), path)          # UTF-8 (BOM or not), GB18030, UTF-16/32
            if suffix in (".jsonl", ".ndjson"):
                return pd.read_json(io.StringIO(text), lines=True, dtype=False)
            return pd.read_csv(io.StringIO(text), sep="\t" if suffix == ".tsv" else ",", dtype=str,
                               keep_default_na=False)
        if suffix == ".xlsx":
            return pd.read_excel(path, dtype=str).fillna("")
        if suffix == ".parquet":
            return pd.read_parquet(path)
    except ParseError:
        raise
    except Exception as e:                      # a table that its reader cannot read: say which and why
        raise ParseError(path, f"cannot be read as a {suffix[1:]} table: {type(e).__name__}: {e}") from None
    raise ParseError(path, f"not an article table ({suffix or 'no suffix'}; tables are {', '.join(TABLE_SUFFIXES)})")


def _text(v) -> str:
    return "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v).strip()


def _page(v) -> int:
    m = re.search(r"\d+", clean.fold_width(_text(v)))
    return int(m.group()) if m else 1


def read_articles(path, *, columns: dict | None = None, newspaper: str | None = None, date=None) -> pd.DataFrame:
    """An article table (CSV in UTF-8 or GB18030, TSV, JSON Lines, Excel, Parquet) as the project's article table.

    ``columns`` maps the file's column names to the article table's
    (``{"内容": "body"}``) where the default list does not know them; a file
    without a body column raises :class:`ParseError` naming the columns it has.
    ``newspaper`` and ``date`` fill in where the file has no such column. Each
    row's ``start_line`` and ``end_line`` are its row number in the file (the
    header not counted), ``source`` the file's name.

    >>> helpers.read_articles("tests/fixtures/articles.csv")[["issue_date", "page", "headline"]]   # doctest: +SKIP
    """
    path = Path(path)
    if not path.exists():
        raise ParseError(path, "no such file")
    raw = _load(path)
    cmap = column_map(list(raw.columns), columns)
    if "body" not in cmap.values():
        raise ParseError(path, f"no body column: the columns are {', '.join(map(str, raw.columns))}; "
                               "name one with columns={'<name>': 'body'}")
    df = raw.rename(columns=cmap)
    rows = []
    for k, r in enumerate(df.to_dict("records"), 1):
        when = r.get("issue_date") if _text(r.get("issue_date")) else date
        rows.append(article_row(
            path, k, headline=_text(r.get("headline")) or None, subheadline=_text(r.get("subheadline")) or None,
            body=_text(r.get("body")), byline=_text(r.get("byline")) or None,
            newspaper=_text(r.get("newspaper")) or newspaper,
            issue_date=pd.to_datetime(when, errors="coerce") if when is not None else pd.NaT,
            page=_page(r.get("page")), layout="table"))
    if not rows:
        raise ParseError(path, "no rows")
    return article_table(rows)


def article_row(path: Path, k: int, *, headline, subheadline, body: str, byline, newspaper, issue_date, page: int,
                layout: str, issue_id: str | None = None) -> dict:
    """One item read from an input already cut into items, as a row of the article table.

    A dateline opening the body (本报讯（记者…）) becomes ``dateline`` and its
    journalists, as in a parsed issue; else the ``byline``'s names are the
    journalists. ``k`` is the item's row in the file (``start_line``, ``end_line``).
    """
    body = clean.fold_width(body)
    d = bylines.parse_dateline(body)
    dateline = credits = None
    if d is not None:
        dateline, credits, body = d.text, d.credits, bylines.text_after(d, body).lstrip("\n")
    if credits is None and byline:
        credits = bylines.parse_credits(byline)
    day = issue_date.date() if not pd.isna(issue_date) else None
    return {
        "article_id": f"{path.name}-{k:05d}",
        "issue_id": issue_id or (f"{path.stem}_{day.isoformat()}" if day else path.stem),
        "newspaper": newspaper, "issue_date": issue_date, "issue_date_inferred": False, "page": page,
        "page_title": None, "seq": k, "kind": "news" if dateline else "feature", "headline": headline,
        "subheadline": subheadline, "dateline": dateline, "byline": byline,
        "reporters": list(credits.reporters) if credits else [],
        "correspondents": list(credits.correspondents) if credits else [],
        "photographers": list(credits.photographers) if credits else [], "credit": None,
        "event_date": annotate.event_date(body, day, d.month_day if d else None) if day else None,
        "body": body, "n_chars": clean.visible_len(body), "start_line": k, "end_line": k,
        "headline_raw": "\n".join(x for x in (headline, subheadline) if x) or None, "layout": layout,
        "source": path.name,
    }


def article_table(rows: list[dict]) -> pd.DataFrame:
    """Rows made by ``article_row`` as an article table (the columns and date types of ``parse_issue``)."""
    from .parse import COLUMNS

    out = pd.DataFrame({c: [r.get(c) for r in rows] for c in COLUMNS}, columns=COLUMNS)
    for col in ("issue_date", "event_date"):
        out[col] = pd.to_datetime(out[col]).astype("datetime64[ms]")
    return out


def source_text(path, *, columns: dict | None = None) -> str:
    """The text an article table holds (headlines, subheadlines, bodies, bylines), for ``conservation``."""
    raw = _load(Path(path))
    cmap = column_map(list(raw.columns), columns)
    keep = [c for c, t in cmap.items() if t in ("headline", "subheadline", "body", "byline")]
    return "\n".join(_text(v) for c in keep for v in raw[c].tolist())
