"""Stage 1, read, for e-paper PDFs: characters with their type size and place -> lines in reading order.

A PDF keeps what plain extracted text throws away: how large each character is
set and where it stands. Here every character is read with its size and box
(pypdfium2, the PDFium engine of Chromium: BSD-3-Clause / Apache-2.0, fast
because compiled; pdfplumber's pdfminer is pure Python and several times
slower on a full newspaper page, PyMuPDF is AGPL), gathered into lines, and
the lines put in reading order by where they stand (``reading_order``: rows
of articles top to bottom, columns left to right; not the order the PDF
happens to draw them in).

A page's body size is the size most of its running text is set in
(``body_size``). A line set clearly larger (``HEAD_RATIO``) is a title line:
the titles standing together make an item's headline block, the largest of
them its headline and the others (引题 above it, 副题 below it) its
subheadline, as printed. Every other line is read as text; datelines,
bylines, photo credits and captions are found in it by the same rules as in
text issues (``segment``), and white space and columns tell where an item
without a headline starts (``label_pages``). The result is the issue's text
(``PdfIssue.pages``: what ``parse_issue`` reads, one line a printed line),
each line's label (``lines.LABELS``), size and box.

A PDF that cannot be read this way is refused with a :class:`ParseError`
naming the file and the reason: not a PDF, damaged, encrypted, no text layer
(scanned pages: images only), or fonts without a Unicode map (characters that
come out as private-use or control codes, or that PDFium flags as unmapped:
more than ``UNREADABLE_SHARE`` of them).
"""
from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .read import Page, ParseError

PDF_SUFFIXES = (".pdf",)
HEAD_RATIO = 1.15           # a title line is set at least this much larger than the page's body text
UNREADABLE_SHARE = 0.02     # refuse a PDF when more of its characters than this have no Unicode meaning
MIN_COLUMN = 5.0            # a column is at least this many ems wide (a narrower white gap is an indent)
BAND_GAP = 1.2              # a white gap across a page this many body ems high separates rows of articles


@dataclass
class PdfLine:
    """A printed line: its text (spaces where the PDF leaves a gap), box in points from the page's top
    left, and the size most of its characters are set in."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    core: float = 0.0       # right edge without punctuation hanging into the margin (0: x1)

    @property
    def right(self) -> float:
        return self.core or self.x1


@dataclass
class PdfIssue:
    """An issue read from PDF: its pages of numbered lines (blank lines between blocks) and the size each
    page's running text is set in, and for each line number its type size, box ``(x0, top, x1, bottom)``
    with its page, and place. Labels its lines for ``segment.segment_pages`` as the line labeller does
    (``label_issue``)."""

    pages: list[Page]
    bodies: list[float]                                              # each page's running-text size
    sizes: dict[int, float] = field(default_factory=dict)
    boxes: dict[int, tuple] = field(default_factory=dict)
    above: dict[int, float | None] = field(default_factory=dict)    # white above a block's first line
    foot: dict[int, float] = field(default_factory=dict)             # where the column of each line ends
    column: dict[int, int] = field(default_factory=dict)             # which column (region) each line is in

    def label_issue(self, pages_blocks, layout: str = "before") -> list[dict[int, str]]:
        """Each page's line labels (``label_pages``) from its blocks (``segment.split_blocks``)."""
        return label_pages(self, pages_blocks)


# ---------------------------------------------------------------- characters -> lines

_HANGING = frozenset("。，、；：！？）》」』”’…—.,;:!?)")      # punctuation a line may hang into the gutter


def _unreadable(cp: int) -> bool:
    return cp < 0x20 or 0xE000 <= cp <= 0xF8FF or 0xF0000 <= cp or cp == 0xFFFD or 0xD800 <= cp <= 0xDFFF


def page_lines(textpage, height: float) -> tuple[list[PdfLine], int, int]:
    """A page's characters gathered into lines, in the order the PDF draws them; also how many characters
    it has and how many of them have no Unicode meaning."""
    import pypdfium2.raw as raw

    n = raw.FPDFText_CountChars(textpage)
    box = raw.FS_RECTF()
    lines: list[PdfLine] = []
    chars: list[str] = []
    cur = None                  # the line being gathered: [x0, top, x1, bottom, first bottom, sizes, core right]
    bad = total = 0

    seen: dict[str, list] = {}

    def close():
        if cur is not None and chars:
            text = "".join(chars)
            size = Counter(cur[5]).most_common(1)[0][0]
            if any(abs(x - cur[0]) < 0.3 * size and abs(y - cur[3]) < 0.3 * size for x, y in seen.get(text, ())):
                return                                          # bold faked by printing a line twice
            seen.setdefault(text, []).append((cur[0], cur[3]))
            lines.append(PdfLine(text, round(cur[0], 1), round(cur[1], 1), round(cur[2], 1), round(cur[3], 1),
                                 size, round(cur[6], 1)))

    space = False                           # a space character since the last character
    last_x0 = 0.0
    for i in range(n):
        if raw.FPDFText_IsGenerated(textpage, i):
            continue
        cp = raw.FPDFText_GetUnicode(textpage, i)
        if cp in (0x20, 0xA0, 0x3000, 0x0A, 0x0D, 0x09):
            space = space or cp not in (0x0A, 0x0D)
            continue
        size = round(raw.FPDFText_GetFontSize(textpage, i) * 2) / 2
        raw.FPDFText_GetLooseCharBox(textpage, i, box)
        x0, x1, top, bottom = box.left, box.right, height - box.top, height - box.bottom
        em = size or 1.0
        if cur is not None and chars and chars[-1] == chr(cp) and abs(x0 - last_x0) < 0.3 * em \
                and abs(bottom - cur[4]) < 0.3 * em:
            continue                                            # bold faked by printing a character twice
        last_x0 = x0
        total += 1
        if _unreadable(cp) or raw.FPDFText_HasUnicodeMapError(textpage, i) == 1:
            bad += 1
        if cur is not None and (abs(bottom - cur[4]) > 0.4 * em or x0 < cur[2] - 0.5 * em
                                or x0 - cur[2] > 1.5 * em):
            close()
            cur = None
            chars = []
        if cur is None:
            cur = [x0, top, x1, bottom, bottom, [], x0]
        elif space or x0 - cur[2] > 0.3 * em:
            chars.append(" ")                                   # a space, or a gap the PDF leaves without one
        space = False
        chars.append(chr(cp))
        cur[5].append(size)
        cur[0], cur[1], cur[2], cur[3] = min(cur[0], x0), min(cur[1], top), max(cur[2], x1), max(cur[3], bottom)
        if chr(cp) not in _HANGING:
            cur[6] = max(cur[6], x1)
    close()
    return lines, total, bad


def reading_order(lines: list[PdfLine], body: float | None = None) -> list[list[PdfLine]]:
    """Lines in reading order, in the regions the page is cut into.

    A page is cut (recursive XY-cut) along a white gap across it between rows
    of articles, top before bottom: a gap wider than the space between lines
    (``BAND_GAP``) where every column above it opens with a title (set larger
    than the ``body`` size) or with text level with a title's text beside it;
    else along its widest gutter (a white
    gap from top to bottom), left before right; else along its widest gap
    across; and each part again, until a part is one column of lines (top to
    bottom). A gap across that only happens to cross columns of running text
    is not a row's end: the text runs on from the foot of one column to the
    head of the next. A narrow gap across is cut last because it may run
    between a row of articles' headlines and their texts.

    >>> L = lambda t, x, y: PdfLine(t, x, y, x + 40, y + 10, 10)
    >>> [[l.text for l in r] for r in reading_order([L("b1", 60, 20), L("a1", 0, 20), L("a2", 0, 32), L("b2", 60, 32)])]
    [['a1', 'a2'], ['b1', 'b2']]
    """
    out: list[list[PdfLine]] = []
    if body is None:
        body = body_size([[lines]])
    title = body * HEAD_RATIO

    def gaps(spans):
        found, reach = [], None
        for a, b in sorted(spans):
            if reach is not None and a > reach:
                found.append((a - reach, (a + reach) / 2))
            reach = b if reach is None else max(reach, b)
        return found

    def columns_open_with_titles(part: list[PdfLine], em: float) -> bool:
        """Whether every column of a part opens with a title, with text level with the text under a title
        beside it (an article's second column under a short headline), or with an indented paragraph at
        the top of the row (an item without a headline beside the others); without titles, whether its
        columns all start level (a row of text without a headline)."""
        cuts = sorted(at for w, at in gaps([(l.x0, l.right) for l in part]) if w >= 0.5 * em)
        cols: dict[int, list[PdfLine]] = {}
        for line in part:
            if line.size < 0.95 * body:
                continue                            # a page header, a caption: set smaller than the text
            cols.setdefault(sum(1 for at in cuts if line.x0 > at), []).append(line)
        starts, plain, opened = [], [], []
        for col in cols.values():
            col.sort(key=lambda l: l.top)
            if col[0].size >= title:
                text = next((l for l in col if l.size < title), None)
                if text is not None:
                    starts.append(text.top)
            else:
                plain.append(col[0].top)
                if len(col) > 1 and col[0].x0 >= min(l.x0 for l in col[1:]) + 0.8 * em:
                    opened.append(col[0].top)       # it opens with an indented paragraph
        if not starts:                              # no title: a row of text whose columns start level
            return len(plain) >= 2 and len(cols) == len(plain) and max(plain) - min(plain) <= 0.5 * em
        row_top = min(l.top for l in part)
        return all(any(abs(t - s) <= 0.5 * em for s in starts) or (t in opened and t - row_top <= 0.5 * em)
                   for t in plain)

    def cut(part: list[PdfLine]):
        if len(part) <= 1:
            if part:
                out.append(part)
            return
        em = body or sorted(l.size for l in part)[len(part) // 2]     # gaps are measured in the text size
        left = min(l.x0 for l in part)
        v = [g for g in gaps([(l.x0, l.right) for l in part]) if g[0] >= 0.5 * em
             and min(l.x0 for l in part if l.x0 > g[1]) - left >= MIN_COLUMN * em]   # not a paragraph's indent
        if not v:                                   # one column: top to bottom, cut where a block ends
            col = sorted(part, key=lambda l: (l.top, l.x0))
            h = [g for g in gaps([(l.top, l.bottom) for l in col]) if g[0] > 0]
            if not h or len(part) == len(h) + 1 and max(g[0] for g in h) < 1.5 * em:
                out.append(col)
                return
            width, at = max(h)
            cut([l for l in col if l.bottom <= at])
            cut([l for l in col if l.bottom > at])
            return
        for width, at in sorted((g for g in gaps([(l.top, l.bottom) for l in part]) if g[0] >= BAND_GAP * em),
                                reverse=True):      # rows of articles, one above the other
            above = [l for l in part if l.bottom <= at]
            below = [l for l in part if l.bottom > at]
            if columns_open_with_titles(above, em):
                cut(above)
                cut(below)
                return
        width, at = max(v)                          # then columns: a clear gutter splits no article
        cut([l for l in part if l.right <= at])
        cut([l for l in part if l.right > at])

    cut(lines)
    return out


# ---------------------------------------------------------------- a PDF -> pages of lines, labels

def pdf_files(path) -> list[Path]:
    """The PDF files of an input: the file itself, or a folder's ``*.pdf`` in natural order of their names."""
    from .read import _natural_key

    p = Path(path)
    if p.is_dir():
        files = sorted((f for f in p.iterdir() if f.is_file() and f.suffix.lower() in PDF_SUFFIXES),
                       key=_natural_key)
        if not files:
            raise ParseError(p, "folder holds no .pdf page files")
        return files
    return [p]


def is_pdf_input(path) -> bool:
    """Whether an input is a PDF file or a folder of page PDFs."""
    p = Path(path)
    if p.is_dir():
        return any(f.suffix.lower() in PDF_SUFFIXES for f in p.iterdir() if f.is_file())
    return p.suffix.lower() in PDF_SUFFIXES


# where PDFium looks for fonts on Linux by default (its fx_linux_impl), and the CJK fonts of mplfonts
_FONT_DIRS = ("/usr/share/fonts", "/usr/share/X11/fonts/Type1", "/usr/share/X11/fonts/TTF", "/usr/local/share/fonts")
_FONTS_SET: list = []


def _pdfium():
    """pypdfium2, with PDFium told once to look for fonts in the CJK font directory of mplfonts too.

    A PDF that names a CJK font without embedding it (STSong-Light, SimSun) is read with a font of the
    machine in its place; on a machine without a CJK font PDFium dropped text drawn twice a character at a
    time (faked bold) from the page's text, so the same file gave other text on another machine. With the
    fonts that come with the requirements in its search path there is always a CJK font to stand in. PDFium takes
    its font directories only when it starts, so it is started again, before any document is open (on
    Linux; elsewhere the system's font lookup is left as it is)."""
    import pypdfium2 as pdfium

    if not _FONTS_SET and sys.platform.startswith("linux"):
        import ctypes

        import pypdfium2.raw as raw
        from pypdfium2 import _library_scope
        from pypdfium2.internal import bases

        from .figures import cjk_font_path

        dirs = [d for d in _FONT_DIRS if Path(d).is_dir()] + [str(cjk_font_path().parent)]
        paths = (ctypes.c_char_p * (len(dirs) + 1))(*[d.encode() for d in dirs], None)
        field = dict(raw.FPDF_LIBRARY_CONFIG._fields_)["m_pUserFontPaths"]
        config = raw.FPDF_LIBRARY_CONFIG(version=2, m_pIsolate=None, m_v8EmbedderSlot=0,
                                         m_pUserFontPaths=ctypes.cast(paths, field))
        _library_scope.destroy_lib()
        raw.FPDF_InitLibraryWithConfig(config)
        bases.LIBRARY_AVAILABLE = True
        _FONTS_SET.append(paths)                # the paths must outlive the library's use of them
    return pdfium


def read_pdf(path) -> list[tuple[list[list[PdfLine]], float]]:
    """Every page of a PDF file as regions of lines in reading order (``reading_order``), with the size
    its running text is set in (``body_size``).

    Raises :class:`ParseError` (naming the file and the reason) for a file that is not a PDF, is damaged
    or encrypted, has no text layer, or whose fonts have no Unicode map.
    """
    pdfium = _pdfium()
    path = Path(path)
    with open(path, "rb") as f:
        head = f.read(1024)
    if b"%PDF-" not in head:
        raise ParseError(path, "not a PDF file (no %PDF- header)")
    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        reason = str(e)
        if "password" in reason.lower():
            raise ParseError(path, "encrypted PDF: it needs a password to be read") from None
        raise ParseError(path, f"damaged PDF that cannot be opened ({reason})") from None
    pages, total, bad, images = [], 0, 0, 0
    try:
        for k in range(len(doc)):
            page = doc[k]
            textpage = page.get_textpage()
            lines, n, b = page_lines(textpage, page.get_height())
            total, bad = total + n, bad + b
            if not n:
                images += sum(1 for obj in page.get_objects() if obj.type == 3)   # FPDF_PAGEOBJ_IMAGE
            body = body_size([[lines]])
            pages.append((reading_order(lines, body), body))
            textpage.close()
            page.close()
    finally:
        doc.close()
    if not total:
        what = f"{len(pages)} page(s) of images" if images else f"{len(pages)} page(s)"
        raise ParseError(path, f"no text layer ({what}, no characters): a scanned PDF needs OCR first")
    if bad / total > UNREADABLE_SHARE:
        raise ParseError(path, f"fonts without a Unicode map: {bad / total:.0%} of {total} characters come out "
                               "as private-use or control codes")
    return pages


def body_size(regions_pages) -> float:
    """The size most of an issue's running text (or the pages given) is set in: characters of lines that
    hold a comma or a full stop, or of every line where none does.

    >>> body_size([[[PdfLine("人民日报 第2版", 0, 0, 80, 8, 8.0), PdfLine("本报讯 开会。", 0, 10, 60, 20, 10.0)]]])
    10.0
    """
    c: Counter = Counter()
    every: Counter = Counter()
    for regions in regions_pages:
        for region in regions:
            for line in region:
                every[line.size] += len(line.text)
                if "，" in line.text or "。" in line.text:
                    c[line.size] += len(line.text)
    c = c or every
    return c.most_common(1)[0][0] if c else 0.0


def read_pdf_issue(path) -> PdfIssue:
    """An issue from a PDF (one page or many) or a folder of page PDFs: its text as pages of numbered
    lines (a blank line where a block ends: a new region, a gap, a change of size), each line's type size,
    box and place (``PdfIssue.label_issue`` labels them)."""
    read = [page for f in pdf_files(path) for page in read_pdf(f)]
    regions_pages = [regions for regions, _ in read]
    issue_body = body_size(regions_pages)
    bodies = []                                 # each page's body size (the issue's where a page has little text)
    for regions, body in read:
        chars = sum(len(line.text) for region in regions for line in region)
        bodies.append(body if chars >= 300 else issue_body)
    pages: list[Page] = []
    sizes: dict[int, float] = {}
    boxes: dict[int, tuple] = {}
    above: dict[int, float | None] = {}
    foot: dict[int, float] = {}
    column: dict[int, int] = {}
    regions_read = 0
    no = 0
    for k, regions in enumerate(regions_pages, 1):
        page = Page(k, source=Path(path).name)
        body = bodies[k - 1]
        prev = None
        every = [line for region in regions for line in region]
        for region in regions:
            for line in region:
                if prev is not None and _block_ends(prev, line):
                    no += 1
                    page.lines.append((no, ""))
                no += 1
                if prev is None or page.lines[-1][1] == "":
                    above[no] = _white_above(line, every)
                indent = "\u3000\u3000" if _indented(line, region, body) else ""
                page.lines.append((no, indent + line.text))
                sizes[no] = line.size
                boxes[no] = (k, line.x0, line.top, line.x1, line.bottom)
                foot[no] = region[-1].bottom
                column[no] = regions_read
                prev = line
            prev = None
            regions_read += 1
            if page.lines and page.lines[-1][1]:
                no += 1
                page.lines.append((no, ""))                     # a region ends a block
        while page.lines and not page.lines[-1][1]:
            page.lines.pop()
            no -= 1
        pages.append(page)
    return PdfIssue(pages, bodies, sizes, boxes, above, foot, column)


def _white_above(line: PdfLine, every: list[PdfLine]) -> float | None:
    """The white space between a line and the nearest line above it that shares some of its width
    (None: nothing above it on the page)."""
    best = None
    for o in every:
        if o.bottom <= line.top + 0.5 and o.x0 < line.x1 and o.x1 > line.x0:
            gap = line.top - o.bottom
            best = gap if best is None or gap < best else best
    return best


def _block_ends(prev: PdfLine, line: PdfLine) -> bool:
    """Whether a blank line stands between two lines of a region: a gap wider than the leading, or a
    change of type size."""
    em = max(prev.size, line.size)
    if abs(prev.size - line.size) > 0.05 * em:
        return True
    return line.top - prev.bottom > 0.8 * em


def _indented(line: PdfLine, region: list[PdfLine], body: float) -> bool:
    """A body line that starts clearly right of its column's left edge (a paragraph's first line)."""
    if line.size > body * HEAD_RATIO:
        return False
    left = min(l.x0 for l in region if abs(l.size - line.size) <= 0.05 * line.size)
    return line.x0 - left >= 0.8 * line.size and line.x0 - left <= 4 * line.size


def label_pages(issue: PdfIssue, pages_blocks) -> list[dict[int, str]]:
    """Each line's label (``lines.LABELS``) from its type size, its place and the rules.

    Title lines (set ``HEAD_RATIO`` larger than the body) standing together are one item's headline block:
    its first line ``HS``, the first line of each further title (a title is a run of lines of one size)
    ``HT``, the others ``HC``; white space as high as a title line ends a block. Text lines are ``B``,
    except that an item starts (``BS``) other than right under a headline where the rules open one (a
    dateline, a byline, a note, a photo marker, a caption: ``lines.opening``; a caption not in the middle
    of a sentence, nothing after a comma or an opening bracket), or where a paragraph opens after the
    text before it has ended one and white space wider than ``BAND_GAP`` stands above it (an item without
    a headline), unless it is the top of a column the item's text runs on into (``_next_column``). A page
    header (第3版, 某某日报 2024年…) or section title (要闻, from the page-title list) above everything else
    on its page is ``X``.
    """
    from . import lexicons
    from . import lines as line_labeller
    from .segment import _closes

    titles = lexicons.words("page_titles")
    out = []
    for page, body, blocks in zip(issue.pages, issue.bodies, pages_blocks):
        labels: dict[int, str] = {}
        units = line_labeller.page_units(blocks)
        opens = line_labeller.opening(units)
        opens_at = {u.lines[0]: op for u, op in zip(units, opens)}
        kind_at = {no: b.kind for b in blocks for no, _ in b.lines}
        starts = [no for no, text in page.lines if text and no in issue.above]     # where blocks start
        prev_lab, prev_size, prev_no, prev_text = None, None, None, ""
        body_top = None                             # where the current item's text starts on the page
        top = True
        for no, text in page.lines:
            if not text:
                continue
            size = issue.sizes.get(no, body)
            head = size >= body * HEAD_RATIO
            box = issue.boxes.get(no)
            white = issue.above.get(no)
            if top and (kind_at.get(no) == "page_header" or head and text.strip() in titles):
                lab = "X"                               # a page header, or the page's section title (要闻)
            elif head:
                apart = no in issue.above and (white is None or white >= max(BAND_GAP * body, 0.8 * size))
                if prev_lab in ("HS", "HT", "HC") and not apart:
                    lab = "HC" if size == prev_size and prev_no == no - 1 else "HT"
                else:
                    lab = "HS"
            elif prev_lab in ("HS", "HT", "HC"):
                lab = "B"
            elif opens_at.get(no) and (_closes(prev_text) if opens_at[no] == "c"
                                       else prev_text[-1:] not in _RUNS_ON):
                lab = "BS"          # (a caption opens no item mid-sentence, nothing opens one after a comma or（)
            elif white is not None and white >= BAND_GAP * size and _closes(prev_text) \
                    and not (box and body_top is not None and abs(box[2] - body_top) <= 0.5 * size
                             and _next_column(issue, no, prev_no, size, starts)):
                lab = "BS"
            else:
                lab = "B"
            if lab in ("BS",) or lab == "B" and prev_lab in ("HS", "HT", "HC"):
                body_top = box[2] if box else None
            top = top and lab == "X"
            labels[no] = lab
            prev_lab, prev_size, prev_no, prev_text = lab, size, no, text
        out.append(labels)
    return out


_RUNS_ON = frozenset("，、：（(“‘《〈【—")     # text ending with one of these goes on in the next line


def _next_column(issue: PdfIssue, no: int, prev_no: int, size: float, starts: list[int]) -> bool:
    """Whether the column starting at line ``no`` can run on from the column ending at ``prev_no``: an
    article's columns are balanced, so it ends no lower than that one, and where it ends more than a line
    higher it is the article's last, with no column level with it after it."""
    foot, prev_foot = issue.foot.get(no, 0.0), issue.foot.get(prev_no, 0.0)
    if foot > prev_foot + size:
        return False
    if foot >= prev_foot - 2 * size:
        return True
    k = starts.index(no) if no in starts else -1
    after = next((n for n in starts[k + 1:] if issue.column.get(n) != issue.column.get(no)), None) \
        if k >= 0 else None
    return after is None or abs(issue.boxes[after][2] - issue.boxes[no][2]) > 0.5 * size


def pdf_text(path) -> str:
    """An issue's PDF text as ``parse_issue`` reads it: pages separated by form feeds, lines in reading
    order (to look at, or to keep beside the PDF)."""
    issue = read_pdf_issue(path)
    return "\f".join("\n".join(t for _, t in p.lines) for p in issue.pages) + "\n"
