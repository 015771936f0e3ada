"""The PKU-annotated People's Daily corpus (``199801.txt``) as an article table.

The corpus is distributed in GBK with CRLF line ends and stray CRs. Each line
is one paragraph, ``19980101-01-001-002/m  中共中央/nt  总书记/n …``: the id is
date-page-article-paragraph, paragraph 001 is the headline, person names are
tagged ``/nr`` with surname and given name as consecutive tokens, and
``[…]nt`` brackets a compound. ``read_pfr`` gives the same columns as
``parse_issue`` plus ``gold_names``, the people named in each article (a
lone surname, as in 老赵, is not counted as a name).
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd

from . import bylines, clean
from .parse import COLUMNS
from .read import read_text

_TOKEN = re.compile(r"^\[?(?P<word>.+?)/(?P<tag>[A-Za-z]+)\]?(?:[a-z]+)?$")


def parse_pfr_line(line: str):
    """``(paragraph id, [(word, tag), …])`` of one corpus line, or None for a blank line.

    >>> parse_pfr_line("19980101-01-001-002/m  中共中央/nt  [中央/n  人民/n]nt  江/nr  泽民/nr")
    ('19980101-01-001-002', [('中共中央', 'nt'), ('中央', 'n'), ('人民', 'n'), ('江', 'nr'), ('泽民', 'nr')])
    """
    parts = line.split()
    if not parts:
        return None
    pid = parts[0].split("/")[0]
    toks = []
    for t in parts[1:]:
        t = t.lstrip("[")
        t = re.sub(r"\][a-z]+$", "", t)
        word, _, tag = t.rpartition("/")
        if word:
            toks.append((word, tag))
    return pid, toks


def name_spans(tokens) -> list[tuple[int, int]]:
    """Character spans of the gold names in one paragraph's tokens.

    A surname token tagged ``nr`` joins the given-name token after it; a lone
    one-character ``nr`` (a surname alone, as in 老赵) is not a name.

    >>> name_spans([("孟", "nr"), ("建安", "nr"), ("王", "nr"), ("晓媛", "nr"), ("说", "v")])
    [(0, 3), (3, 6)]
    """
    single, compound, _ = bylines._surnames()
    offs, pos = [], 0
    for w, _ in tokens:
        offs.append(pos)
        pos += len(w)
    out, i = [], 0
    while i < len(tokens):
        w, tag = tokens[i]
        if tag == "nr":
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if nxt is not None and nxt[1] == "nr" and (len(w) == 1 or w in compound) and 1 <= len(nxt[0]) <= 2:
                out.append((offs[i], offs[i] + len(w) + len(nxt[0])))
                i += 2
                continue
            if len(w) >= 2:
                out.append((offs[i], offs[i] + len(w)))
        i += 1
    return out


def gold_names(tokens) -> list[str]:
    """Person names from ``nr`` tokens (see ``name_spans``).

    >>> gold_names([("孟", "nr"), ("建安", "nr"), ("王", "nr"), ("晓媛", "nr"), ("说", "v")])
    ['孟建安', '王晓媛']
    >>> gold_names([("阿依古丽", "nr"), ("演唱", "v")])
    ['阿依古丽']
    """
    text = "".join(w for w, _ in tokens)
    return [text[s:e] for s, e in name_spans(tokens)]


def read_pfr_paragraphs(path) -> pd.DataFrame:
    """One row per corpus paragraph: ``pid``, ``date``, ``page``, ``article``, ``para``, ``text``, ``names``."""
    rows = []
    for line in read_text(path).split("\n"):
        parsed = parse_pfr_line(line)
        if not parsed:
            continue
        pid, toks = parsed
        m = re.match(r"^(\d{8})-(\d{2})-(\d{3})-(\d{3})$", pid)
        if not m:
            continue
        rows.append({"pid": pid, "date": m.group(1), "page": int(m.group(2)), "article": int(m.group(3)),
                     "para": int(m.group(4)), "text": "".join(w for w, _ in toks), "names": gold_names(toks)})
    return pd.DataFrame(rows)


def read_pfr(path, *, days: tuple[str, str] | None = None) -> pd.DataFrame:
    """The corpus as an article table with the columns of ``parse_issue`` plus ``gold_names``.

    ``days`` keeps only ``(first, last)`` dates, e.g. ``("19980101", "19980121")``.
    Paragraph 001 is the headline; a short paragraph 002 without a sentence
    end is the subheadline; a dateline or byline opening the body fills the
    journalist columns.
    """
    paras = read_pfr_paragraphs(path)
    if days:
        paras = paras[(paras.date >= days[0]) & (paras.date <= days[1])]
    out = []
    for (date, page, art), g in paras.groupby(["date", "page", "article"], sort=True):
        texts = [clean.fold_width(t) for t in g.sort_values("para").text]
        names = list(dict.fromkeys(n for ns in g.names for n in ns if len(n) >= 2))
        headline, rest = texts[0], texts[1:]
        sub = None
        if rest and len(rest[0]) <= 60 and not clean.ends_sentence(rest[0]) and bylines.parse_dateline(rest[0]) is None \
                and bylines.parse_byline(rest[0]) is None:
            sub, rest = rest[0], rest[1:]
        body = "\n".join(rest)
        dateline = byline = None
        credits = bylines.Credits()
        d = bylines.parse_dateline(body) if body else None
        if d is not None:
            dateline, credits, body = d.text, d.credits, body[d.end:]
        elif rest and bylines.parse_byline(rest[0]) is not None:
            byline, credits = rest[0], bylines.parse_byline(rest[0])
            body = "\n".join(rest[1:])
        day = dt.date(int(date[:4]), int(date[4:6]), int(date[6:]))
        out.append({
            "article_id": f"pd{date}-{page:02d}-{art:03d}", "issue_id": f"人民日报_{day.isoformat()}",
            "newspaper": "人民日报", "issue_date": pd.Timestamp(day), "issue_date_inferred": False,
            "page": page, "page_title": None, "seq": art,
            "kind": "news" if dateline else "feature", "headline": headline, "subheadline": sub,
            "dateline": dateline, "byline": byline, "reporters": credits.reporters,
            "correspondents": credits.correspondents, "photographers": credits.photographers,
            "credit": None, "event_date": pd.Timestamp(day) if dateline else pd.NaT, "body": body,
            "n_chars": len(re.sub(r"\s", "", body)), "start_line": None, "end_line": None,
            "headline_raw": headline, "layout": "corpus", "source": Path(path).name, "gold_names": names,
        })
    df = pd.DataFrame(out, columns=COLUMNS + ["gold_names"])
    for col in ("issue_date", "event_date"):
        df[col] = pd.to_datetime(df[col]).astype("datetime64[ms]")
    return df
