"""Read, for saved web pages of single articles (``.html``): headline, subheadline, body, date, page.

E-paper sites and papers' news sites give each article a page of its own, with
navigation, page lists and footers around it. ``read_webpage`` parses the file
with lxml, drops what is never article text (scripts, styles, navigation,
headers, footers, forms), takes the headline from the ``<h1>`` (else the page's
``og:title`` or ``<title>``), a subheadline from the heading right below it,
and the body from the element whose own paragraphs hold the most text (the
way readability-style extractors find the main text). The date and page come
from the page's meta tags or text (发布日期, 第03版) or from its URL
(``/2018-11/07/``, ``node_3.htm``). It returns the article table's columns, so
people, topics and notebooks work unchanged; ``build`` picks ``.html`` files up
from ``data/raw/``.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd

from . import clean
from .read import ParseError, decode_bytes
from .tabular import article_row, article_table

HTML_SUFFIXES = (".html", ".htm")
_DROP = ("script", "style", "noscript", "nav", "header", "footer", "form", "iframe", "aside", "select", "button")
_DATE = re.compile(r"((?:19|20)\d{2})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})-?(\d{2})[/-]?(\d{2})/")
_PAGE = re.compile(r"第\s*([0-9０-９]{1,3})\s*版|([A-Z]?[0-9]{1,2})\s*版[:：]|node_(\d{1,3})\.htm")
_NOISE = re.compile(r"(?:分享到|责任编辑|编辑[:：]|版权所有|上一篇|下一篇|返回目录|打印本页|关闭窗口)")


def _text(el) -> str:
    return re.sub(r"\s+", " ", el.text_content()).strip()


def _paragraphs(el) -> list[str]:
    """The paragraphs of the main-text element: its ``<p>`` (or text split at ``<br>``) in order."""
    ps = [re.sub(r"\s+", "", _text(p)) for p in el.iter("p")]
    ps = [p for p in ps if p]
    if ps:
        return ps
    parts = []
    for piece in el.itertext():
        piece = re.sub(r"\s+", "", piece)
        if piece:
            parts.append(piece)
    return parts


def _main_text(root):
    """The element whose own paragraphs hold the most text, and its paragraphs."""
    best, best_score = None, 0
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "body", "p"):
            continue
        own = [c for c in el if isinstance(c.tag, str) and c.tag in ("p", "br", "div", "span", "font")]
        if not own:
            continue
        score = sum(len(re.sub(r"\s+", "", c.text_content())) for c in el if isinstance(c.tag, str) and c.tag == "p")
        if not score:
            score = len(re.sub(r"\s+", "", "".join(t for t in el.xpath("text()")))) + \
                sum(len(re.sub(r"\s+", "", c.tail or "")) for c in el if isinstance(c.tag, str) and c.tag == "br")
        if score > best_score:
            best, best_score = el, score
    return best, (_paragraphs(best) if best is not None else [])


def _meta(root, *names) -> str | None:
    for n in names:
        for attr in ("property", "name", "itemprop"):
            v = root.xpath(f"//meta[translate(@{attr}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
                           f"='{n.lower()}']/@content")
            if v and v[0].strip():
                return v[0].strip()
    return None


def _date(*texts) -> dt.date | None:
    for t in texts:
        if not t:
            continue
        m = _URL_DATE.search(t) or _DATE.search(t)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
    return None


def read_webpage(path, *, url: str | None = None, newspaper: str | None = None, date=None) -> pd.DataFrame:
    """A saved web page of one article as a one-row article table (see the module's docstring).

    ``url`` is where the page came from when the file does not say (a
    ``<link rel="canonical">`` or ``og:url`` does); ``newspaper`` and ``date``
    fill in what the page does not give. A page without article text raises
    :class:`ParseError` naming the file.

    >>> helpers.read_webpage("tests/fixtures/article_page.html")[["issue_date", "page", "headline"]]  # doctest: +SKIP
    """
    from lxml import html as lhtml

    path = Path(path)
    if not path.exists():
        raise ParseError(path, "no such file")
    text, _ = decode_bytes(path.read_bytes(), path)
    try:
        root = lhtml.document_fromstring(text)
    except Exception as e:                                  # lxml's own parse errors
        raise ParseError(path, f"cannot be parsed as HTML: {e}") from None
    url = url or _meta(root, "og:url") or next(iter(root.xpath("//link[@rel='canonical']/@href")), None)
    page_title = next(iter(root.xpath("//title")), None)
    page_title = _text(page_title) if page_title is not None else ""
    for el in list(root.iter(*_DROP)):
        el.drop_tree()
    h1 = next(iter(root.iter("h1")), None)
    headline = _text(h1) if h1 is not None and _text(h1) else (_meta(root, "og:title") or page_title.split("_")[0]
                                                                  .split(" - ")[0].strip() or None)
    sub = None
    if h1 is not None:
        nxt = h1.getnext()
        while nxt is not None and not (isinstance(nxt.tag, str) and _text(nxt)):
            nxt = nxt.getnext()
        if nxt is not None and nxt.tag in ("h2", "h3") and len(_text(nxt)) <= 60:
            sub = _text(nxt)
    all_text = _text(root)
    main, paras = _main_text(root)
    paras = [clean.fold_width(p) for p in paras if not _NOISE.search(p) and p not in (headline, sub)]
    body = "\n".join(paras)
    if not body:
        raise ParseError(path, "no article text found in the page")
    issue_date = _date(date if isinstance(date, str) else None, url, _meta(root, "article:published_time", "publishdate",
                                                                            "pubdate", "publish_date"), all_text[:400])
    if date is not None and not isinstance(date, str):
        issue_date = pd.Timestamp(date).date()
    m = _PAGE.search(all_text) or (_PAGE.search(url) if url else None)
    page = int(clean.fold_width(next(g for g in m.groups() if g)).lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) if m else 1
    paper = newspaper or _meta(root, "og:site_name") or (page_title.split("_")[-1].strip() if "_" in page_title else None)
    return article_table([article_row(
        path, 1, headline=headline, subheadline=sub, body=body, byline=None, newspaper=paper,
        issue_date=pd.Timestamp(issue_date) if issue_date else pd.NaT, page=page, layout="webpage",
        issue_id=path.stem)])
