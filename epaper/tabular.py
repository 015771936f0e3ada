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
from .read import ParseError, decode_bytes, page_mark

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
    # spaces out, as in a parsed issue's text (孔德昌 季文华 赵小明 is a list of names, 宋 峰 one name)
    body = "\n".join(clean.clean_line(line) for line in body.split("\n"))
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


_LABEL = re.compile(r"^[ \t\u3000]*(?:【(?P<b>[^】\n]{1,10})】|\[(?P<s>[^\]\n]{1,10})\]"
                    r"|\{(?P<e>[^}\n]{1,20})\}[ \t\u3000]*[：:]?|(?P<c>[^\s：:【】\[\]{}]{1,16})[ \t\u3000]*[：:])"
                    r"[ \t\u3000]*")


def _label_of(line: str, known: dict[str, str]) -> tuple[str, str, int] | None:
    """The key, the column (``""`` for a field left out) and the end of the label opening a line, or None
    where it opens with no field's label: 【标题】, 标题：, [正文], {Title}:, and a label in two languages,
    Title-题名: or 题名/Title:."""
    m = _LABEL.match(line)
    if m is None:
        return None
    name = m.group("b") or m.group("s") or m.group("e") or m.group("c")
    for part in (name, *re.split(r"[-－/／]", name)):
        target = known.get(_key(part))
        if target is not None:
            return _key(part), target, m.end()
    return None


PREAMBLE = 8     # lines a database's export may print above its first record (its name, the search, the count)
_FIELDS = ("headline", "subheadline", "byline", "body", "issue_date", "page", "newspaper")


def _labels() -> dict[str, str]:
    """Field labels by key (``_key``): the columns of ``article_columns.tsv``, and ``""`` for the other fields
    of a database's export (``record_labels.txt``)."""
    out = {_key(w): "" for w in lexicons.words("record_labels")}
    for name, target, *_ in lexicons.table("article_columns"):
        out[_key(name)] = target
    return out


def labelled_records(text: str) -> list[dict[str, str]] | None:
    """The articles of a text that a newspaper database exports, each field opened by its label on a line
    of its own or before its text (【标题】全市经济工作会议召开, 标题：…, [正文], {Title}: …, Title-题名: …):
    one dict per article, by column of the article table (``article_columns.tsv``: 标题 → headline,
    副标题/引题 → subheadline, 作者 → byline, 正文 → body, 日期, 版次, 报纸; other fields,
    ``record_labels.txt``: 栏目, 来源, 关键词 …, are left out). A field runs on to the next label; an
    article begins where a field of the one before comes again. Up to ``PREAMBLE`` lines before the first
    label (the database's name, the search, the count) are kept as a first dict ``{"preamble": …}``. None
    where the text is no such export: more lines before the first label, or no title or no body.

    >>> labelled_records("【标题】甲乙丙\\n【正文】\\n　　第一段。\\n第二段。\\n【标题】丁戊\\n【正文】己庚。")
    [{'headline': '甲乙丙', 'body': '\\n　　第一段。\\n第二段。'}, {'headline': '丁戊', 'body': '己庚。'}]
    >>> labelled_records("全市召开会议\\n作者：某某\\n正文：……") is None
    True
    >>> labelled_records("某某新闻数据库\\n标题：甲乙丙\\n正文：丁戊。")
    [{'preamble': '某某新闻数据库'}, {'headline': '甲乙丙', 'body': '丁戊。'}]
    """
    known = _labels()
    preamble: list[str] = []
    records: list[dict[str, str]] = []
    cur: dict[str, str] | None = None
    seen: set[str] = set()
    field = ""
    for line in text.splitlines():
        label = _label_of(line, known)
        if label is not None:
            key, target, end = label
            name = target or key
            if cur is None or name in seen:
                cur, seen = {}, set()
                records.append(cur)
            seen.add(name)
            field = target
            if field:
                cur[field] = cur.get(field, "") + line[end:]
            continue
        if cur is None:
            if line.strip():
                if len(preamble) >= PREAMBLE:
                    return None                         # text before the first label: no export of records
                preamble.append(line)
            continue
        if field:
            cur[field] += "\n" + line
    if not records or not any("headline" in r for r in records) or not any("body" in r for r in records):
        return None
    return ([{"preamble": "\n".join(preamble)}] if preamble else []) + records


def read_labelled(path, records: list[dict[str, str]], *, newspaper: str | None = None, date=None) -> pd.DataFrame:
    """Articles of a text of labelled records (``labelled_records``) as the project's article table: each
    field's lines cleaned (a body's lines are its paragraphs), a dateline opening the body found as in a
    parsed issue, the paper and the date from the record, else from ``newspaper``/``date``, else from the
    file's name (``<paper>_<YYYY-MM-DD>.txt``); ``page_label`` the page as the record prints it (第01版 →
    1, A3). Each row's ``start_line`` and ``end_line`` are its record's number in the file, ``layout`` is
    ``"labelled"``."""
    from .annotate import from_file_name

    path = Path(path)
    fn_paper, fn_date = from_file_name(path)
    rows, labels = [], []
    for k, r in enumerate(records, 0 if records and "preamble" in records[0] else 1):
        # the export's own header is its body (page-level text, no article)
        fields = {f: [clean.clean_line(x) for x in r.get("preamble" if f == "body" and "preamble" in r else f,
                                                         "").splitlines()] for f in _FIELDS}
        one = {f: "".join(v) for f, v in fields.items()}
        when = one["issue_date"] or date or fn_date
        row = article_row(
            path, k, headline=one["headline"] or None, subheadline="\n".join(x for x in fields["subheadline"] if x) or None,
            body="\n".join(x for x in fields["body"] if x), byline=one["byline"] or None,
            newspaper=one["newspaper"] or newspaper or fn_paper,
            issue_date=pd.to_datetime(when, errors="coerce") if when else pd.NaT,
            page=_page(one["page"]), layout="labelled",
            issue_id=path.stem)
        if "preamble" in r:
            row.update(kind="page_header", event_date=None)
        rows.append(row)
        labels.append(page_mark(one["page"]) or one["page"] or None)
    out = article_table(rows)
    out["page_label"] = labels
    return out


def read_labelled_file(path, *, newspaper: str | None = None, date=None) -> tuple[pd.DataFrame, str] | None:
    """A text file (or a Word document) of labelled records (``labelled_records``) as the article table and
    the text it holds; None for any other input (a folder, another type, an issue's text, a file the readers
    refuse)."""
    from .read import read_text

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".txt", ".docx") or not path.is_file() or (suffix == ".txt" and not _opens_with_label(path)):
        return None
    try:
        records = labelled_records(read_text(path))
    except ParseError:
        return None                                     # the issue's reader says why
    if records is None:
        return None
    return read_labelled(path, records, newspaper=newspaper, date=date), labelled_text(records)


def _opens_with_label(path: Path) -> bool:
    """The cheap test of ``read_labelled_file``: whether one of the file's first lines of text (after at
    most ``PREAMBLE``), read from its first bytes in any encoding the reader takes, is a field's label."""
    try:
        with open(path, "rb") as f:
            head = f.read(2048)
    except OSError:
        return False
    known = _labels()
    for encoding in ("utf-8", "gb18030", "utf-16", "utf-32"):
        lines = [x for x in head.decode(encoding, errors="ignore").lstrip("\ufeff").splitlines() if x.strip()]
        if any(_label_of(line, known) is not None for line in lines[:PREAMBLE + 1]):
            return True
    return False


def labelled_text(records: list[dict[str, str]]) -> str:
    """The text labelled records hold (titles, bylines, bodies), for ``conservation``."""
    return "\n".join(r.get(f, "") for r in records for f in ("preamble", "headline", "subheadline", "byline", "body"))


def source_text(path, *, columns: dict | None = None) -> str:
    """The text an article table holds (headlines, subheadlines, bodies, bylines), for ``conservation``."""
    raw = _load(Path(path))
    cmap = column_map(list(raw.columns), columns)
    keep = [c for c, t in cmap.items() if t in ("headline", "subheadline", "body", "byline")]
    return "\n".join(_text(v) for c in keep for v in raw[c].tolist())
