"""Stage 4, annotate: issue metadata and the day each item reports.

The issue date and newspaper come from the caller, else from the file name
(``<paper>_<YYYY-MM-DD>.txt``), else from a header line printed on a page
(``焦作日报 2022年11月29日``), else they are inferred from the text: the year
most often written in full, and the latest day an item reports. Inferred
dates are flagged.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

from .bylines import DATE_MD, month_day

_FILE_NAME = re.compile(r"^(?P<paper>.+?)[_\-](?P<date>(?:19|20)\d{2}-?\d{2}-?\d{2})(?:[_\-].*)?$")
_FULL_DATE = re.compile(r"((?:19|20)[0-9]{2})年([0-9]{1,2})月([0-9]{1,2})[日号]")
_YEAR = re.compile(r"((?:19|20)[0-9]{2})年")
_MD = re.compile(rf"(?:((?:19|20)[0-9]{{2}})年)?({DATE_MD})")
LEAD_CHARS = 400


def from_file_name(path) -> tuple[str | None, dt.date | None]:
    """Paper and date from a name like ``焦作日报_2022-11-29.txt`` (or ``…_20221129``).

    >>> from_file_name("data/raw/焦作日报_2022-11-29.txt")
    ('焦作日报', datetime.date(2022, 11, 29))
    >>> from_file_name("000_75661ba705b5605c.txt")
    (None, None)
    """
    stem = Path(path).stem if Path(path).suffix else Path(path).name
    m = _FILE_NAME.match(stem)
    if not m:
        return None, None
    digits = m.group("date").replace("-", "")
    try:
        return m.group("paper"), dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None, None


def explicit_dates(text: str, limit: int = LEAD_CHARS):
    """``(year or None, month, day)`` for each date written in the first ``limit`` characters.

    >>> explicit_dates("近日，…11月18日上午，由市青联组建的")
    [(None, 11, 18)]
    """
    out = []
    lead = text[:limit]
    if "月" not in lead:
        return out                                  # cheap test first: every date here has 月
    for m in _MD.finditer(lead):
        md = month_day(m.group(2))
        if md:
            out.append((int(m.group(1)) if m.group(1) else None, *md))
    return out


def resolve(year_hint: int, month: int, day: int, issue_date: dt.date | None) -> dt.date | None:
    """A month and day as a date: the issue's year, or the year before for a month after the issue's."""
    year = year_hint
    if issue_date is not None and month > issue_date.month + 1:
        year = issue_date.year - 1
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def event_date(body: str, issue_date: dt.date | None, dateline_md=None, year: int | None = None) -> dt.date | None:
    """The day an item reports: the first full date in its lead (first 400 characters).

    With no date written there, a dateline's date (本报北京1月4日讯), moved a day
    back when the lead says 昨天. Missing (None) where the text says only 近日 or 今年.

    >>> event_date("近日，市科技局发来贺信", dt.date(2022, 11, 29)) is None
    True
    >>> event_date("11月28日上午，开发区召开", dt.date(2022, 11, 29))
    datetime.date(2022, 11, 28)
    """
    base_year = year or (issue_date.year if issue_date else None)
    for y, mo, d in explicit_dates(body):
        if y is not None:
            try:
                return dt.date(y, mo, d)
            except ValueError:
                continue
        if base_year is None:
            return None
        got = resolve(base_year, mo, d, issue_date)
        if got:
            return got
    if dateline_md and base_year is not None:
        got = resolve(base_year, *dateline_md, issue_date)
        if got and re.search(r"昨[天日晚]", body[:120]):
            got -= dt.timedelta(days=1)
        return got
    return None


def infer_issue_date(texts) -> dt.date | None:
    """Infer an issue's date from its items' text: the latest day reported, in the likeliest year.

    The year is the one most often written with a full date (2022年11月28日),
    else the most often written year (2022年), ties going to the later year.
    """
    full, years, mds = Counter(), Counter(), []
    for t in texts:
        for m in _FULL_DATE.finditer(t):
            full[int(m.group(1))] += 1
        for m in _YEAR.finditer(t):
            years[int(m.group(1))] += 1
        mds.extend((mo, d) for _, mo, d in explicit_dates(t))
    pool = full or years
    if not pool:
        return None
    year = max(pool.items(), key=lambda kv: (kv[1], kv[0]))[0]
    if not mds:
        return None
    dates = []
    for mo, d in mds:
        try:
            dates.append(dt.date(year, mo, d))
        except ValueError:
            pass
    return max(dates) if dates else None
