"""Render an article table as e-paper PDF pages, for the tests and benchmarks of PDF input.

Each page of the corpus becomes one or more PDF pages (reportlab), with a
layout drawn at random per page: two to five columns, body text of 8.5 to 11
points, headlines 1.6 to 2.6 times as large and the other title lines (引题,
副题, an author) 1.2 to 1.45 times, printed above or below the headline; a
page header (人民日报 1998年1月22日 第3版) and a section title (要闻) on some
pages; paragraphs indented or not. Articles are set either in **bands** (an
article's titles across the columns it spans, its text balanced over them,
short articles side by side) or in **columns** (everything flows down one
column after the other, an article running on into the next column).

Two fonts, as Chinese PDFs come: ``truetype`` embeds a TrueType subset
(SimHei, which mplfonts ships), ``cid`` names Adobe's STSong-Light with a
Unicode CMap and embeds nothing (the reader's own font shows it).

    render_issue_pdf(issue, "cid", "out.pdf", seed=3)
"""
from __future__ import annotations

import math
import random
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import render

FAMILIES = ("truetype", "cid")
PAGE = (842.0, 1191.0)          # A3 portrait, points
MARGIN = 36.0


@lru_cache(maxsize=None)
def font(family: str) -> str:
    """The reportlab font of a family, registered once."""
    from reportlab.pdfbase import pdfmetrics

    if family == "truetype":
        import mplfonts
        from reportlab.pdfbase.ttfonts import TTFont

        pdfmetrics.registerFont(TTFont("SimHei", str(Path(mplfonts.__file__).parent / "fonts" / "SimHei.ttf")))
        return "SimHei"
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


@dataclass
class PdfLayout:
    columns: int = 4
    body: float = 10.0              # body type size
    leading: float = 1.45           # line pitch / body size
    head: float = 2.0               # headline size / body size
    sub: float = 1.3                # other title lines / body size
    gutter: float = 1.5             # between columns, in body ems
    flow: str = "bands"             # "bands" or "columns"
    indent: bool = True
    kicker_above: float = 0.5       # how often the first other title line stands above the headline
    header: bool = True
    section: bool = False


def draw_pdf_layout(rng: random.Random) -> PdfLayout:
    return PdfLayout(columns=rng.randint(2, 5), body=rng.choice((8.5, 9.0, 9.5, 10.0, 10.5, 11.0)),
                     leading=rng.uniform(1.3, 1.7), head=rng.uniform(1.6, 2.6), sub=rng.uniform(1.2, 1.45),
                     gutter=rng.uniform(1.0, 2.5), flow=rng.choice(("bands", "columns")),
                     indent=rng.random() < 0.8, kicker_above=rng.random() * 0.8, header=rng.random() < 0.6,
                     section=rng.random() < 0.3)


def _wrap(text: str, width: float, fontname: str, size: float, first: float = 0.0) -> list[str]:
    """Greedy lines of at most ``width`` points (the first ``first`` narrower, for an indent); punctuation
    that may not open a line stays on the line before."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, cur, w = [], "", first
    for ch in text:
        cw = stringWidth(ch, fontname, size)
        if cur and w + cw > width and ch not in render._NO_LINE_START:
            lines.append(cur)
            cur, w = "", 0.0
        cur += ch
        w += cw
    if cur:
        lines.append(cur)
    return lines


@dataclass
class _Piece:
    """A line to draw: text, size, x offset within its column or band, and a gap before it (points)."""

    text: str
    size: float
    indent: float = 0.0
    before: float = 0.0


def _title_pieces(row, lay: PdfLayout, width: float, fontname: str, rng: random.Random) -> list[_Piece]:
    titles = render.headline_block(row)
    if not titles:
        return []
    head, subs = titles[0], titles[1:]
    order = [(head, lay.head)] + [(s, lay.sub) for s in subs]
    if subs and rng.random() < lay.kicker_above:
        order = [(subs[0], lay.sub), (head, lay.head)] + [(s, lay.sub) for s in subs[1:]]
    out = []
    for k, (t, ratio) in enumerate(order):
        size = lay.body * ratio
        for j, line in enumerate(_wrap(t, width, fontname, size)):
            out.append(_Piece(line, size, before=size * 0.3 if k and not j else 0.0))
    return out


def _paragraphs(row, byline_line: bool) -> list[str]:
    """The paragraphs an article prints under its titles (``render.printed_paragraphs``), its dateline
    opening the first, its byline on a line of its own or opening the first too."""
    paras = [p.strip() for p in render.printed_paragraphs(row) if p.strip()]
    first = row.dateline if isinstance(row.dateline, str) and row.dateline else ""
    lead = []
    if isinstance(row.byline, str) and row.byline:
        if byline_line:
            lead = [render.byline_line(row)]
        else:
            first = row.byline + " " + first
    if first:
        paras = [first + (paras[0] if paras else "")] + paras[1:]
    return lead + paras


def _body_pieces(row, lay: PdfLayout, width: float, fontname: str, rng: random.Random) -> list[_Piece]:
    out = []
    em = lay.body
    paras = _paragraphs(row, rng.random() < 0.7)
    for p in paras:
        ind = 2 * em if lay.indent else 0.0
        for j, line in enumerate(_wrap(p, width, fontname, em, first=ind)):
            out.append(_Piece(line, em, indent=ind if not j else 0.0,
                              before=em * 0.4 if not j and not lay.indent and out else 0.0))
    return out


class _Canvas:
    """A reportlab canvas that starts pages as they fill (each with the corpus page's header), pages of
    ``height`` points; with ``path`` None it only counts the pages it would start."""

    def __init__(self, path, fontname: str):
        from reportlab.pdfgen import canvas

        self.c = canvas.Canvas(str(path), pagesize=PAGE, invariant=1) if path is not None else None
        self.fontname, self.header, self.section, self.lay = fontname, None, None, PdfLayout()
        self.height = PAGE[1]
        self.started = False
        self.pages = 0

    def new_page(self) -> float:
        """Start a page; returns the top of its text area (points from the top)."""
        if self.started and self.c is not None:
            self.c.showPage()
        if self.c is not None:
            self.c.setPageSize((PAGE[0], self.height))
        self.started = True
        self.pages += 1
        y = MARGIN
        if self.header:
            size = self.lay.body * 0.85
            self.draw(self.header, size, MARGIN, y + size)
            y += size * 2.2
        if self.section:
            size = self.lay.body * 2.4
            self.draw(self.section, size, MARGIN, y + size)
            y += size * 1.8
        return y

    def draw(self, text: str, size: float, x: float, baseline: float) -> None:
        if self.c is not None:
            self.c.setFont(self.fontname, size)
            self.c.drawString(x, self.height - baseline, text)

    def save(self) -> None:
        self.c.save()


def _column_geometry(lay: PdfLayout) -> tuple[float, float]:
    usable = PAGE[0] - 2 * MARGIN
    gutter = lay.gutter * lay.body
    return (usable - gutter * (lay.columns - 1)) / lay.columns, gutter


def _draw_stack(cv: _Canvas, pieces: list[_Piece], x: float, y: float, lay: PdfLayout) -> float:
    """Draw pieces down from ``y``; returns the y below the last."""
    for p in pieces:
        y += p.before + p.size * (lay.leading if p.size <= lay.body else 1.25)
        cv.draw(p.text, p.size, x + p.indent, y)
    return y


def _height(pieces: list[_Piece], lay: PdfLayout) -> float:
    return sum(p.before + p.size * (lay.leading if p.size <= lay.body else 1.25) for p in pieces)


def _render_bands(cv: _Canvas, rows, lay: PdfLayout, rng: random.Random) -> None:
    col_w, gutter = _column_geometry(lay)
    bottom = cv.height - MARGIN
    pitch = lay.body * lay.leading
    top = y = cv.new_page()
    band: list[tuple[int, list[_Piece], list[list[_Piece]]]] = []
    used = 0

    def flush():
        nonlocal y, band, used, top
        if not band:
            return
        height = max(_height(t, lay) + (lay.body * 0.6 if t else 0) + max(_height(c, lay) for c in cols)
                     for _, t, cols in band)
        if y + height > bottom and y > top:
            top = y = cv.new_page()
        x = MARGIN
        for span, titles, cols in band:
            yy = _draw_stack(cv, titles, x, y, lay) + (lay.body * 0.6 if titles else 0)
            for k, col in enumerate(cols):
                _draw_stack(cv, col, x + k * (col_w + gutter), yy, lay)
            x += span * (col_w + gutter)
        y += height + lay.body * 1.8
        band, used = [], 0

    def columns(lines: list[_Piece], span: int) -> list[list[_Piece]]:
        per = math.ceil(len(lines) / span) if lines else 0
        return [lines[k * per:(k + 1) * per] for k in range(span)] if per else [[]]

    for row in rows:
        body = _body_pieces(row, lay, col_w, cv.fontname, rng)
        span = max(1, min(lay.columns, math.ceil(len(body) / rng.randint(6, 14))))
        titles = _title_pieces(row, lay, span * col_w + (span - 1) * gutter, cv.fontname, rng)
        # an article taller than a page: a page of its own for each part that fills one
        room = int((bottom - top - _height(titles, lay) - lay.body * 4) / pitch) * span
        while len(body) > room > 0:
            flush()
            band.append((span, titles, columns(body[:room], span)))
            used = lay.columns
            flush()
            titles, body = [], body[room:]
            room = int((bottom - top - lay.body * 4) / pitch) * span
        if used + span > lay.columns:
            flush()
        band.append((span, titles, columns(body, span)))
        used += span
    flush()


def _render_columns(cv: _Canvas, rows, lay: PdfLayout, rng: random.Random) -> None:
    col_w, gutter = _column_geometry(lay)
    bottom = cv.height - MARGIN
    top = cv.new_page()
    col, y = 0, top
    for row in rows:
        pieces = _title_pieces(row, lay, col_w, cv.fontname, rng)
        body = _body_pieces(row, lay, col_w, cv.fontname, rng)
        if body and pieces:
            body[0].before += lay.body * 0.6
        seq = pieces + body
        if seq and y > top:
            seq[0].before += lay.body * 1.6
        for k, p in enumerate(seq):
            step = p.before + p.size * (lay.leading if p.size <= lay.body else 1.25)
            if y + step > bottom or (k == 0 and pieces and y + _height(seq[:len(pieces) + 2], lay) > bottom):
                col += 1
                if col == lay.columns:
                    col, top = 0, cv.new_page()
                y = top
                step = p.size * (lay.leading if p.size <= lay.body else 1.25)
            y += step
            cv.draw(p.text, p.size, MARGIN + col * (col_w + gutter) + p.indent, y)


def render_issue_pdf(articles: pd.DataFrame, family: str, path, seed: int = 0) -> Path:
    """Every article of an issue as a PDF (``family``: ``truetype`` or ``cid``), a layout drawn for each
    corpus page."""
    path = Path(path)
    rng = random.Random(seed)
    fontname = font(family)
    cv = _Canvas(path, fontname)
    for page_no, page in articles.groupby("page", sort=True):
        lay = draw_pdf_layout(rng)
        d = page.issue_date.iloc[0]
        header = f"人民日报 {d.year}年{d.month}月{d.day}日 第{page_no}版" if lay.header else None
        section = rng.choice(render._section_names()) if lay.section else None
        rows = list(page.itertuples(index=False))
        draw = _render_bands if lay.flow == "bands" else _render_columns
        page_seed = rng.randint(0, 2 ** 31)
        height = PAGE[1]
        for _ in range(4):                      # a page tall enough for the corpus page (as printed: one page)
            dry = _Canvas(None, fontname)
            dry.header, dry.section, dry.lay, dry.height = header, section, lay, height
            draw(dry, rows, lay, random.Random(page_seed))
            if dry.pages <= 1:
                break
            height = round(height * 1.4)
        cv.header, cv.section, cv.lay, cv.height = header, section, lay, height
        if cv.started:
            cv.c.showPage()
            cv.started = False
        draw(cv, rows, lay, random.Random(page_seed))
    cv.save()
    return path
