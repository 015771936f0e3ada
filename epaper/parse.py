"""read -> clean -> segment -> annotate, for one issue: ``parse_issue``."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from . import annotate, clean, few_collections
from .pdf import PdfIssue, is_pdf_input, read_pdf_issue
from .read import ParseError, empty_pages, page_mark, read_pages
from .tabular import read_labelled_file
from .segment import _PAPER_HEADER, segment_pages, without_editors

PARSER_VERSION = "10"  # 2: people lists, shared titles; 3: headlines right after text, ？！ headlines; 4: the line labeller;
                       # 5: PDF input, the bbox column; 6: pages without text (empty page files too) keep their
                       # numbers, empty_pages; datelines broken over lines, sources in brackets cut by a line end;
                       # 7: bylines with their organisation (新华社记者…, 本报驻东京记者…), over two lines too;
                       # jump lines: an article's part on a later page (（上接第1版）) joined to it; pages
                       # cut at their header lines in text with no other page marks; 8: columns of short
                       # news (简讯 / ■…。 / ■…。), an item each, kind ``brief``; mastheads and editors' lines
                       # as page rows; titles of documents (关于…的公告); the labeller trained anew; 9: page_label;
                       # 10: columns side by side (pdftotext -layout) read column by column, column_pages; bylines
                       # running into their text (本报记者 某某 国家…)

COLUMNS = [
    "article_id", "issue_id", "newspaper", "issue_date", "issue_date_inferred", "page", "page_label", "page_title", "seq",
    "kind", "headline", "subheadline", "dateline", "byline", "reporters", "correspondents", "photographers",
    "credit", "event_date", "body", "n_chars", "start_line", "end_line", "bbox", "headline_raw", "layout", "source",
]
ITEM_KINDS = ("news", "feature", "brief", "photo", "caption")
PAGE_KINDS = ("page_title", "page_header", "credit")
CONSERVED_FIELDS = ("headline_raw", "dateline", "byline", "credit", "body")


def _as_date(value) -> dt.date | None:
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return pd.Timestamp(value).date()


def parse_issue(path, *, date=None, newspaper=None) -> pd.DataFrame:
    """Parse one raw issue (a text file or an e-paper PDF, or a folder of one such file per page) into an
    article table.

    One row per item in reading order: ``kind`` is ``news``, ``feature``,
    ``photo`` or ``caption`` for items, and ``page_title``, ``page_header`` or
    ``credit`` for text printed for the whole page. See ``COLUMNS`` and the
    README for every column. Raises :class:`ParseError` naming the file and
    the reason when it is empty, binary or undecodable, or a PDF that is not
    one, is damaged or encrypted, has no text layer or fonts without a
    Unicode map.

    >>> df = parse_issue("data/raw/000_75661ba705b5605c.txt", newspaper="焦作日报")   # doctest: +SKIP
    >>> df.loc[df.kind == "news", ["page", "headline", "reporters"]].head(2)          # doctest: +SKIP
    """
    with few_collections():
        labelled = read_labelled_file(path, newspaper=newspaper, date=date)
        if labelled is not None:
            return labelled[0]                          # a database's export: its articles as labelled
        pages, pdf = read_issue(path)
        return parse_pages(pages, path, date=date, newspaper=newspaper, pdf=pdf)


def read_issue(path) -> tuple[list, PdfIssue | None]:
    """An issue's pages of numbered lines: from text (``read_pages``) or from PDF (``pdf.read_pdf_issue``,
    which also gives each line's label, type size and box)."""
    if is_pdf_input(path):
        pdf = read_pdf_issue(path)
        return pdf.pages, pdf
    return read_pages(path), None


def parse_pages(pages, path, *, date=None, newspaper=None, pdf: PdfIssue | None = None) -> pd.DataFrame:
    """``parse_issue`` on pages already read (``read_issue``) from ``path``."""
    path = Path(path)
    rows, evidence = segment_pages(pages, pdf, sizes=pdf.sizes) if pdf is not None else segment_pages(pages)
    if not rows:
        raise ParseError(path, "no text found")
    issue_id = path.name if path.is_dir() else path.stem

    fn_paper, fn_date = annotate.from_file_name(path)
    hdr_paper = hdr_date = None
    for r in rows:
        if r["kind"] == "page_header":
            m = _PAPER_HEADER.match(r["body"])
            if m:
                hdr_paper = m.group("paper")
                hdr_date = dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
                break
    newspaper = newspaper or fn_paper or hdr_paper
    issue_date = _as_date(date) or fn_date
    inferred = False
    if issue_date is None and hdr_date is not None:
        issue_date, inferred = hdr_date, True
    if issue_date is None:
        issue_date = annotate.infer_issue_date(r["body"] for r in rows if r["kind"] in ITEM_KINDS)
        inferred = issue_date is not None

    labels = page_labels(rows)
    out = []
    for seq, r in enumerate(rows, 1):
        ev = None
        if r["kind"] in ITEM_KINDS:
            ev = annotate.event_date(r["body"], issue_date, r.get("dateline_month_day"))
        out.append({
            **{k: v for k, v in r.items() if k != "dateline_month_day"},
            "article_id": f"{issue_id}-{r['page']:02d}-{seq:03d}",
            "issue_id": issue_id,
            "newspaper": newspaper,
            "issue_date": issue_date,
            "issue_date_inferred": inferred,
            "seq": seq,
            "page_label": labels.get(r["page"]),
            "event_date": ev,
            "n_chars": clean.visible_len(r["body"] or ""),
            "layout": evidence["layout"],
            "source": str(path.name),
            "bbox": pdf_boxes(pdf, r["start_line"], r["end_line"]) if pdf is not None else None,
        })
    df = pd.DataFrame({c: [r.get(c) for r in out] for c in COLUMNS}, columns=COLUMNS)
    for col in ("issue_date", "event_date"):
        df[col] = pd.to_datetime(df[col]).astype("datetime64[ms]")   # the unit Parquet keeps
    df.attrs["pages"] = max((p.number for p in pages), default=0)   # as printed, pages without text too
    df.attrs["empty_pages"] = empty_pages(pages)
    df.attrs["column_pages"] = evidence.get("column_pages", [])    # read column by column (side by side)
    return df


def page_labels(rows: list[dict]) -> dict[int, str]:
    """Each page's number as its header or footer prints it (``read.page_mark``: ``"3"`` for 第3版, ``"A3"``),
    from the first of its page-level rows that names it; pages whose header names none are left out.

    >>> page_labels([{"page": 1, "kind": "page_header", "body": "滨江日报 2024年3月5日 星期二 A3 要闻"},
    ...              {"page": 1, "kind": "news", "body": "第3版刊登"}, {"page": 2, "kind": "page_header", "body": "2024年3月5日"},
    ...              {"page": 3, "kind": "page_header", "body": "3综合新闻2024年3月9日星期六责任编辑：吴芳"}])
    {1: 'A3', 3: '3'}
    """
    out: dict[int, str] = {}
    for r in rows:
        if r["kind"] == "page_header" and r["page"] not in out and r["body"]:
            mark = page_mark(without_editors(r["body"]))        # 2 综合新闻 2024年3月9日 责任编辑：某某
            if mark is not None:
                out[r["page"]] = mark
    return out


def pdf_boxes(pdf: PdfIssue, start: int, end: int) -> str:
    """Where a row's lines stand on its PDF page: one box ``x0,top,x1,bottom`` (points from the page's top
    left) for each run of lines in one column, joined by ``;``.

    >>> pdf = PdfIssue([], [], boxes={1: (1, 10, 20, 100, 30), 2: (1, 10, 32, 90, 42), 3: (1, 120, 20, 210, 30)})
    >>> pdf_boxes(pdf, 1, 3)
    '10,20,100,42;120,20,210,30'
    """
    pieces: list[list[float]] = []
    for no in range(start, end + 1):
        b = pdf.boxes.get(no)
        if b is None:
            continue
        _, x0, top, x1, bottom = b
        last = pieces[-1] if pieces else None
        if last and x0 < last[2] and x1 > last[0] and top >= last[1]:
            last[:] = [min(last[0], x0), last[1], max(last[2], x1), max(last[3], bottom)]
        else:
            pieces.append([x0, top, x1, bottom])
    return ";".join(",".join(f"{v:g}" for v in p) for p in pieces) or None


def conservation(raw_text: str, articles: pd.DataFrame) -> dict:
    """How much of an input's text the table holds.

    Compares non-whitespace characters (full-width digits and letters folded)
    of the raw text with those of the fields that carry text as printed
    (``CONSERVED_FIELDS``). ``ratio`` is the share of input characters found;
    ``missing`` and ``extra`` list what differs.

    >>> import pandas as pd
    >>> conservation("本报讯 甲乙", pd.DataFrame({"body": ["本报讯甲乙"]}))["ratio"]
    1.0
    """
    raw = clean.codes(raw_text)
    kept = clean.codes("\n".join(v for col in CONSERVED_FIELDS if col in articles
                                 for v in articles[col].tolist() if isinstance(v, str)))
    size = int(max(raw.max(initial=0), kept.max(initial=0))) + 1
    want, have = np.bincount(raw, minlength=size), np.bincount(kept, minlength=size)
    total = int(want.sum())
    found = int(np.minimum(want, have).sum())
    missing = {chr(c): int(want[c] - have[c]) for c in np.flatnonzero(want > have)}
    extra = {chr(c): int(have[c] - want[c]) for c in np.flatnonzero(have > want)}
    return {"ratio": found / total if total else 1.0, "input_chars": total,
            "missing": dict(missing), "extra": dict(extra)}
