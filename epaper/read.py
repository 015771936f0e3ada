"""Stage 1, read: bytes on disk -> decoded text split into pages of numbered lines."""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path

from . import clean


class ParseError(Exception):
    """A raw issue that cannot be read as text (empty, binary, undecodable).

    The message always names the file and the reason; ``path`` and ``reason``
    hold them separately, so a batch can record the problem and go on.
    """

    def __init__(self, path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


@dataclass
class Page:
    """One page of an issue: its 1-based number and its ``(line_no, text)`` lines."""

    number: int
    lines: list[tuple[int, str]] = field(default_factory=list)
    source: str = ""


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),   # checked before UTF-16 LE, whose BOM is a prefix
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = {"\n", "\r", "\t", "\f", "\v"}
# characters outside the common ranges of Chinese text; only these are checked one by one
_UNUSUAL = re.compile(r"[^\n\r\t\f\v\u0020-\u007e\u00a0-\u024f\u2000-\u2bff\u3000-\u9fff\uff00-\uffef]")


EMPTY = "empty file"         # the reason given for a file without text


def decode_bytes(data: bytes, path="<bytes>") -> tuple[str, str]:
    """Decode raw bytes of an issue; returns ``(text, encoding)``.

    UTF-8 (with or without BOM), UTF-16/32 with BOM, and GB18030 (a superset of
    GBK and GB2312) are accepted. Raises :class:`ParseError` for empty, binary or
    undecodable input.

    >>> decode_bytes("本报讯".encode("gbk"))
    ('本报讯', 'gb18030')
    """
    if not data.strip(b" \t\r\n\f\v\x00"):
        raise ParseError(path, f"{EMPTY} (no text)")
    text = enc = None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text, enc = data.decode(name), name
            except UnicodeDecodeError as e:
                raise ParseError(path, f"starts with a {name} byte-order mark but does not decode as {name}: {e.reason} at byte {e.start}") from None
            break
    if text is None:
        if b"\x00" in data:
            raise ParseError(path, "binary file: contains NUL bytes and no UTF-16 byte-order mark")
        for name in ("utf-8", "gb18030"):
            try:
                text, enc = data.decode(name), name
                break
            except UnicodeDecodeError:
                continue
        else:
            raise ParseError(path, "undecodable: neither UTF-8 nor GB18030/GBK (nor UTF-16 with a byte-order mark)")
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise ParseError(path, f"{EMPTY} (only whitespace)")
    bad = sum(1 for ch in _UNUSUAL.findall(text) if _is_garbage(ch))
    if bad > max(2, 0.02 * len(text)):
        raise ParseError(path, f"binary or corrupt: {bad} of {len(text)} characters are control or unassigned code points after decoding as {enc}")
    return text, enc


def _is_garbage(ch: str) -> bool:
    if ch in _ALLOWED_CONTROLS:
        return False
    cat = unicodedata.category(ch)
    return cat in ("Cc", "Cn", "Co", "Cs") or ch == "\ufffd"


_NEWLINES = re.compile(r"\r\n|\r")
_LINE_END_SPACES = re.compile(r"[ \t\u3000]+(?=[\n\f]|$)")


def read_text(path) -> str:
    """Read one raw file as text with ``\\n`` line ends (CRLF and lone CR converted); a Word document
    (``.docx``) as its text, a paragraph a line (``word.word_text``).

    Raises :class:`ParseError` naming the file when it is missing, empty,
    binary or undecodable.
    """
    p = Path(path)
    if p.suffix.lower() == ".docx":
        from .word import word_text

        text = word_text(p)
        if not text.strip():
            raise ParseError(p, f"{EMPTY} (a Word document without text)")
        return text
    try:
        data = p.read_bytes()
    except OSError as e:
        raise ParseError(p, f"cannot be read: {e.strerror or e}") from None
    text, _ = decode_bytes(data, p)
    return _NEWLINES.sub("\n", text)


def split_pages(text: str, source: str = "", *, space_rule: bool = True) -> list[Page]:
    """Split an issue's text into pages of numbered lines.

    Pages are separated by a form feed (what ``pdftotext`` writes) or, when the
    text has none, by a line that begins with exactly one space: in exports
    that mark pages that way such lines are rare, so the rule is used only
    when at most three lines, or fewer than one non-blank line in 40, begin
    so (otherwise leading spaces are paragraph indents). Text with neither is
    cut before its page header lines (第2版：要闻, 某某日报 2024年3月5日 第2版) where
    there are two or more (``page_mark``). Line numbers are 1-based lines of the file.

    Spaces ending a line are dropped first: they print nothing, and some tools pad every line with them.

    >>> [p.number for p in split_pages("a\\n\\fb\\nc")]
    [1, 2]
    """
    text = _LINE_END_SPACES.sub("", text)
    if "\f" in text:
        # each piece between form feeds is a page, numbered as printed: a page without text (a page of
        # images, say) stays in the issue empty, so the pages after it keep their numbers and
        # ``empty_pages`` can name it; after the last form feed a page only where text follows. A line cut
        # by a form feed keeps its number on both pages; its part before the form feed is kept only when
        # it is not empty
        chunks = text.split("\f")
        no = 1
        pages: list[Page] = []
        for k, chunk in enumerate(chunks):
            lines = chunk.split("\n")
            numbered = list(zip(range(no, no + len(lines)), lines))
            if k < len(chunks) - 1 and not lines[-1]:
                numbered.pop()
            no += len(lines) - 1
            if k < len(chunks) - 1 or _has_text(numbered):
                pages.append(Page(k + 1, numbered, source=source))
        return pages
    pages = [Page(1, source=source)]
    raw_lines = text.split("\n")
    # line numbers (0-based) of the non-blank lines and of the lines that begin with exactly one space
    nonblank = _line_numbers(text, _NONBLANK_LINE)
    cuts = _line_numbers(text, _SPACE_LED_LINE)
    starters = [c for c in cuts if nonblank and c != nonblank[0]]
    use_space_rule = space_rule and 0 < len(starters) and (len(starters) * 40 <= len(nonblank) or len(starters) <= 3)
    numbered = list(enumerate(raw_lines, 1))
    if not use_space_rule:
        # no form feeds and no space-led pages: pages begin at their header lines (text copied page by page)
        return _split_at_headers(numbered, source) or [Page(1, numbered, source=source)]
    start = 0
    for c in starters:                       # a new page at each, the text before it being a page already
        pages[-1].lines.extend(numbered[start:c])
        pages.append(Page(len(pages) + 1, source=source))
        start = c
    pages[-1].lines.extend(numbered[start:])
    return pages


_CN = "一二三四五六七八九十"
_SECTION = r"(?:(?:\s*[:：·|丨]\s*|\s+)[\u4e00-\u9fff]{2,8})?"
_MARK_LINE = re.compile(rf"^(?:第\s*(?P<n>[0-9]{{1,2}}|[{_CN}]{{1,3}})\s*[版页]|(?P<letter>[A-Z])\s*(?P<ln>[0-9]{{1,2}})\s*版"
                        rf"|(?P<vn>[0-9]{{1,2}})\s*版|(?i:page|p\.)\s*(?P<pn>[0-9]{{1,3}}))"
                        rf"(?:\s*(?:/|(?i:of))?\s*共\s*[0-9]{{1,3}}\s*[页版]|\s*(?:/|(?i:of))\s*[0-9]{{1,3}})?{_SECTION}$")
_DECOR = "=-—–_*#~·•<>《》〈〉[]【】()|｜ \t"      # what conversion scripts print around a page's mark (=== 第2页 ===)
_PAPER_LINE = re.compile(rf"^[\u4e00-\u9fff]{{2,10}}报\s*(?:19|20)[0-9]{{2}}\s*年\s*[0-9]{{1,2}}\s*月\s*[0-9]{{1,2}}\s*日"
                         rf"[^。，；！？]{{0,12}}?(?:第\s*(?P<n>[0-9]{{1,2}}|[{_CN}]{{1,3}})\s*版|(?P<letter>[A-Z])\s*(?P<ln>[0-9]{{1,2}})"
                         rf"(?![0-9]))")


_HEADER_TOKEN = re.compile(
    r"(?P<date>(?:19|20)[0-9]{2}(?:年[0-9]{1,2}月[0-9]{1,2}日|([.\-/])[0-9]{1,2}\2[0-9]{1,2}))"
    r"|(?P<week>(?:星期|周)[一二三四五六日天])"
    r"|(?P<page>第(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})[版页]|[A-Z][0-9]{1,2}(?:版)?|[0-9]{1,2}版)"
    # what a front page's masthead prints besides: the lunar date, the pages of the day, the number,
    # the paper's registration and postal codes
    r"|(?P<lunar>农历(?:[\u4e00-\u9fff]{2}年)?[正冬腊一二三四五六七八九十]{1,2}月(?:初|十|廿|卅|二十|三十)?[一二三四五六七八九十]?)"
    r"|(?P<count>(?:今日|本期|共)(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})版)"
    r"|(?P<issue>总?第[0-9]{1,6}期|总[0-9]{1,6}期)"
    r"|(?P<code>(?:国内统一连续出版物号|国内统一刊号|统一刊号|邮发代号|刊号)[:：]?\s*(?:CN)?\s*[0-9]{1,2}[-－][0-9]{1,4}(?:/[A-Z]+)?)"
    r"|(?P<num>(?<![0-9])[0-9]{1,2}(?![0-9]))"                # a page's bare number: 2　综合新闻　2024年3月9日
    r"|(?P<word>[\u4e00-\u9fff])"
    r"|(?P<sep>[\s·•|｜:：/、\-—－]+)")
_HEADER_HINT = re.compile(r"[0-9版页]|星期|周[一二三四五六日天]")


def header_parts(text: str) -> list[tuple[str, str]] | None:
    """A page's header or footer line cut into its parts in any order (``(kind, text)``: ``page`` 第3版, A3,
    3版, 第3页; ``date`` 2024年3月5日, 2024.03.05; ``week`` 星期二, 周二; a masthead's ``lunar`` date
    农历甲辰年正月廿七, ``count`` of pages 今日8版, ``issue`` number 第12345期 and ``code`` 邮发代号 35-12;
    ``word`` a character of a paper's or section's name; ``sep``), a page not counted between two characters
    of a name (全县第3版宣传册 is a title's words), or None where the line is not made of such parts only or
    holds more than 16 characters of names.

    >>> [k for k, _ in header_parts("A3 要闻 2024.03.05") if k != "sep"]
    ['page', 'word', 'word', 'date']
    >>> header_parts("会议要求各地抓好落实") is None, [k for k, _ in header_parts("全县第3版宣传册")].count("page")
    (True, 0)
    """
    if len(text) > 60 or not _HEADER_HINT.search(text):     # the cheap tests first: most lines are neither
        return None
    pos, parts = 0, []
    for m in _HEADER_TOKEN.finditer(text):
        if m.start() != pos:
            return None
        pos = m.end()
        parts.append((m.lastgroup, m.group()))
    if pos != len(text) or sum(1 for kind, _ in parts if kind == "word") > 16:
        return None
    kinds = [kind for kind, _ in parts]
    # a page between two names' characters is a title's words (全县第3版宣传册), not a header's part
    return [("word" if kind == "page" and 0 < k < len(kinds) - 1 and kinds[k - 1] == kinds[k + 1] == "word"
             else kind, part) for k, (kind, part) in enumerate(parts)]


_MARK_HINT = re.compile(rf"[0-9０-９]|第\s*[{_CN}]")
_PAGE_PART = re.compile(r"第(?P<n>.+)[版页]|(?P<letter>[A-Z])(?P<ln>[0-9]{1,2})版?|(?P<vn>[0-9]{1,2})版")


def _header_page(t: str) -> str | None:
    """The page a header line in any order of its parts names (``header_parts``: A3 要闻 2024.03.05,
    2024年3月5日 星期二 第03版 国内新闻), where it names a date besides."""
    parts = header_parts(t)
    if parts is None:
        return None
    pages = [p for kind, p in parts if kind == "page"]
    if "date" not in {k for k, _ in parts}:
        return None                     # a page and words alone may be text (详见第3页): the date says header
    if not pages:                       # a bare number opening or closing it: 2　综合新闻　2024年3月9日
        ends = [k for k, _ in parts if k != "sep"]
        bare = [p for k, p in parts if k == "num"]
        return str(int(bare[0])) if len(bare) == 1 and "num" in (ends[0], ends[-1]) else None
    if len(pages) != 1:
        return None
    return _printed_page(_PAGE_PART.fullmatch(pages[0]))


def _printed_page(m: re.Match) -> str:
    """The page a match of a page mark names (its group ``n``, ``vn`` or ``pn``, a number or a Chinese
    numeral; else ``letter`` and ``ln``), digits without leading zeros: ``"3"``, ``"三"``, ``"A3"``."""
    groups = m.groupdict()
    n = groups.get("n") or groups.get("vn") or groups.get("pn")
    if n:
        return str(int(n)) if n.isdigit() else n
    return m.group("letter") + str(int(m.group("ln")))


def page_mark(line: str) -> str | None:
    """The page a page header line names, as printed (``"3"``, ``"A3"``), or None: a line that is a paper,
    a date and a page (人民日报 1998年1月22日 第3版, 某某日报 2024年3月5日 星期二 A3) or a page and perhaps
    its section (第03版：要闻, A3版 国际). Full-width digits count as digits.

    >>> page_mark("人民日报 1998年1月22日 第3版"), page_mark("第０３版：要闻"), page_mark("滨江日报 2024年3月5日 星期二 A3 要闻")
    ('3', '3', 'A3')
    >>> page_mark("第三版"), page_mark("第3版刊登了本报"), page_mark("据本报2024年3月5日第3版报道，")
    ('三', None, None)

    Marks that conversion scripts print, set about with rules or brackets, count too:

    >>> page_mark("=== 第2页 ==="), page_mark("--- Page 12 ---"), page_mark("【02版：要闻】"), page_mark("=== 2 ===")
    ('2', '12', '2', None)
    >>> page_mark("Page 2 of 8"), page_mark("第2页/共8页"), page_mark("第2页 共8页")
    ('2', '2', '2')

    And header lines in any order of their parts (``header_parts``), where they name a date:

    >>> page_mark("A3 要闻 2024.03.05"), page_mark("2024年3月5日 星期二 第03版 国内新闻"), page_mark("全县第3版宣传册")
    ('A3', '3', None)
    >>> page_mark("2　综合新闻　2024年3月9日　星期六"), page_mark("综合新闻 2 版面 2024年3月9日")
    ('2', None)
    """
    if not _MARK_HINT.search(line):
        return None                     # the cheap test first: every mark names its page with a numeral
    t = unicodedata.normalize("NFKC", line).strip()
    if not t or len(t) > 40 or any(c in t for c in "。,;!?，；！？"):     # NFKC made ，；！？ ASCII
        return None
    t = t.strip(_DECOR) or t
    m = _MARK_LINE.match(t) or _PAPER_LINE.match(t)
    return _header_page(t) if m is None else _printed_page(m)


def page_key(mark: str) -> str:
    """A page as printed, in one spelling for comparing: ``"03"``, ``"３"`` and ``"三"`` are ``"3"``, ``"a03"`` is
    ``"A3"``.

    >>> page_key("03"), page_key("三"), page_key("a03"), page_key("十二")
    ('3', '3', 'A3', '12')
    """
    t = unicodedata.normalize("NFKC", mark).strip().upper()
    n = clean.cn_number(t)
    if n is not None:
        return str(n)
    m = re.fullmatch(r"([A-Z])0*([0-9]{1,2})", t)
    return m.group(1) + str(int(m.group(2) or 0)) if m else t


_NUMBER_RULE = re.compile(r"^\s*[=\-—–_*#~·•]{2,}\s*([0-9]{1,3})\s*[=\-—–_*#~·•]{2,}\s*$")


def _numbered_rules(numbered: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Lines that are a page's number between rules (=== 1 ===), as page marks, where the text opens with
    the first (so they head their pages: a footer follows its page's text) and they count 1, 2, 3 … .

    >>> _numbered_rules(list(enumerate(["=== 1 ===", "甲。", "=== 2 ===", "乙。"])))
    [(0, '1'), (2, '2')]
    >>> _numbered_rules(list(enumerate(["甲。", "=== 1 ===", "乙。", "=== 2 ==="])))      # footers
    []
    """
    marks = [(i, m.group(1)) for i, (_, t) in enumerate(numbered) if (m := _NUMBER_RULE.match(t))]
    first = next((i for i, (_, t) in enumerate(numbered) if t.strip()), None)
    if not marks or marks[0][0] != first or [int(n) for _, n in marks] != list(range(1, len(marks) + 1)):
        return []
    return marks


def _split_at_headers(numbered: list[tuple[int, str]], source: str) -> list[Page] | None:
    """Pages cut before their page header lines (``page_mark``; page numbers between rules that head the
    pages, ``_numbered_rules``, where there are such) in text with no other page marks; None when fewer than
    two lines are headers. Pages take the numbers their headers print where each is a number
    and they rise (a researcher may have kept some pages only), else 1, 2, 3 … in order; text before the
    first header is a page of its own."""
    heads = _numbered_rules(numbered)                   # where they head the pages, they mark every page
    if len(heads) < 2:
        heads = [(i, m) for i, (_, t) in enumerate(numbered) if (m := page_mark(t)) is not None]
    if len(heads) < 2:
        return None
    numbers = [clean.cn_number(m) for _, m in heads]
    printed = all(n is not None for n in numbers) and all(a < b for a, b in zip(numbers, numbers[1:]))
    before = numbered[:heads[0][0]]
    pages = []
    if any(t.strip() for _, t in before):
        pages.append(Page(1, before, source=source))
        printed = printed and numbers[0] > 1
    elif before:
        heads[0] = (0, heads[0][1])                     # blank lines before the first header go with its page
    for k, (i, _) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else len(numbered)
        pages.append(Page(numbers[k] if printed else len(pages) + 1, numbered[i:end], source=source))
    return pages


def single_spaced(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A page's lines without the blank lines that double-spaced text adds (every line end doubled, as CR CR
    LF gives: a blank line after every line, blank ones too): where a blank line stands between 95% or
    more of its neighbouring lines of text and a third or more of those are lines as long as most (the
    median or longer) that end inside a sentence (wrapped lines: no column of real text breaks so often;
    titles over paragraphs a line apart do not count) or a tenth or more are runs of two blank lines or
    more (printed blank lines, doubled), a run of ``g`` blank lines keeps ``g // 2`` (one printed blank line
    doubled is three), so that only the blank lines printed remain. Other pages are returned as they are;
    the line numbers are the file's either way.

    >>> page = "全县召开春耕生产会议\\n\\n本报讯 今天，县政府召开\\n常务会议，研究部署\\n春耕生产工作。\\n\\n"
    >>> doubled = list(enumerate((page * 3).replace("\\n", "\\n\\n").split("\\n"), 1))
    >>> [raw for _, raw in single_spaced(doubled)][:6] == (page * 3).split("\\n")[:6]
    True
    >>> lines = list(enumerate(["甲。", "", "乙。", "", "丙。"] * 3, 1))
    >>> single_spaced(lines) == lines            # paragraphs a line apart: blank lines as printed
    True
    >>> lines = list(enumerate(["全县开展植树活动", "", "昨天，全县植树活动在城郊举行，干部群众参加。", ""] * 4, 1))
    >>> single_spaced(lines) == lines            # titles over paragraphs a line apart: as printed
    True
    """
    if 2 * list(map(itemgetter(1), lines)).count("") < len(lines) - 2:
        return lines                                # the cheap test first: blank lines are not half the page
    text_at = [k for k, (_, raw) in enumerate(lines) if raw.strip()]
    if len(text_at) < 8:
        return lines
    pairs = list(zip(text_at, text_at[1:]))
    spaced = [a for a, b in pairs if b > a + 1]
    if len(spaced) < 0.95 * len(pairs):
        return lines
    # lines as long as most that end inside a sentence: wrapped lines, which a printed blank line never follows
    # so often (titles, shorter than the paragraphs around them, do not count)
    sizes = sorted(len(lines[k][1].strip()) for k in text_at)
    median = sizes[len(sizes) // 2]
    inside = sum(1 for a in spaced if len(lines[a][1].strip()) >= median and not _ENDS.search(lines[a][1]))
    # or runs of two blank lines or more (printed blank lines, doubled): halved, they keep what they mark
    wide = sum(1 for a, b in pairs if b > a + 2)
    if 3 * inside < len(spaced) and 10 * wide < len(pairs):
        return lines
    drop: set[int] = set()
    for a, b in pairs:
        g = b - a - 1
        drop.update(range(a + 1, a + 1 + g - g // 2))
    drop.update(range(text_at[-1] + 1, len(lines)))           # after the last line of text: none printed
    return [ln for k, ln in enumerate(lines) if k not in drop]


_ENDS = re.compile(r"[。！？!?…；;：:）)」』”’】》]\s*$")

_GAP = re.compile(r"[ \u3000]+")
_MIN_GUTTER = 8         # a column starts this many characters or more into the line, and after the one before
_FULL_LINE = 12         # characters before one space that may end a column's line (the next column after it)
_SHARE = 20             # a column starts on one line in this many or more (near its start: a paragraph's indent)
_SLACK = 6              # characters a piece of a column may begin before the column's usual start


def column_starts(lines: list[tuple[int, str]]) -> list[int]:
    """Where the columns of a page printed side by side begin, as character positions in its lines
    (``pdftotext -layout`` and other tools that keep a page's layout print columns so): positions, 8 or
    more characters in and apart, at which text resumes after two spaces or more, or after one space that
    follows 12 characters or more without one (a column's full line), on many lines (five or more and one
    in twenty, three of them after text in the same line, as a rule four characters or more of it: the
    cells of a table or a list of names set in columns are no columns of text). ``[]`` for a page of one
    column.

    >>> row = "全市召开春耕生产会议，部署全年工作。      市委书记孔德昌出席会议并讲话，要求"
    >>> column_starts([(k, row) for k in range(8)])
    [24]
    >>> column_starts([(k, "　　全市召开春耕生产会议，部署全年工作。") for k in range(8)])
    []
    """
    if not any("  " in raw or "\u3000\u3000" in raw[6:] for _, raw in lines):
        return []                                       # the cheap test first: no wide space inside a line
    at, inside, rows = {}, {}, 0
    for _, raw in lines:
        if not raw.strip():
            continue
        rows += 1
        before = 0                                      # where the text before a space begins
        for m in _GAP.finditer(raw):
            if m.end() < len(raw) and m.end() >= _MIN_GUTTER and (
                    m.end() - m.start() >= 2 or m.start() - before >= _FULL_LINE):   # or one after a column's line
                at[m.end()] = at.get(m.end(), 0) + 1
                if raw[:m.start()].strip():
                    inside.setdefault(m.end(), []).append(m.start() - before)
            before = m.end()
    starts: list[int] = []
    # a column's paragraphs indent its lines by a few characters: the most used position near one counts
    for c in sorted(at, key=lambda c: (-at[c], c)):
        near = sum(at.get(c + d, 0) for d in range(-1, 4))
        if at[c] < 5 or _SHARE * near < rows:
            break
        lines_before = sorted(n for d in range(-1, 4) for n in inside.get(c + d, ()))
        if len(lines_before) < 3 or lines_before[len(lines_before) // 2] < _FULL_LINE // 3:
            continue                                    # the cells of a table (天气 / 晴 / 5～15℃), not columns
        if all(abs(c - s) >= _MIN_GUTTER for s in starts):
            starts.append(c)
    return sorted(starts)


def unstack_columns(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A page's lines in reading order where it prints columns side by side (``column_starts``): each line
    cut where the columns begin (after a space, or at the nearest space a few characters before or after,
    where a title's larger type or text running on past it shifts them), then the pieces read by an XY
    cut: across where two rows or more hold none of them, else down between columns that nothing runs
    across (left to right), else across the rows of pieces that run across columns. A piece keeps the
    number of the line it was cut from; a column gets a blank line where a blank line of the page follows
    a line of it that may end a paragraph or a title, and between the parts cut across; the spaces that
    open every line (a margin) are dropped. Pages of one column are returned as they are.

    >>> rows = [("市里召开春耕会议", "县里开展植树活动"), ("　　本报讯 今天，全", "　　本报讯 昨天，全"),
    ...         ("市召开春耕生产会议。", "县开展植树活动。"), ("会议要求抓好落实。", "活动持续一周。")] * 2
    >>> page = [(k, left.ljust(16) + right) for k, (left, right) in enumerate(rows, 1)]
    >>> [t for _, t in unstack_columns(page)][:5]
    ['市里召开春耕会议', '　　本报讯 今天，全', '市召开春耕生产会议。', '会议要求抓好落实。', '市里召开春耕会议']
    >>> [t for _, t in unstack_columns(page)][8:10]
    ['县里开展植树活动', '　　本报讯 昨天，全']
    """
    starts = column_starts(lines)
    if not starts:
        return lines
    margin = min(len(raw) - len(raw.lstrip(" ")) for _, raw in lines if raw.strip())
    if margin:                                          # a margin every line keeps is no indent
        lines = [(no, raw[margin:]) for no, raw in lines]
        starts = [c - margin for c in starts]
    bounds = [0, *starts]
    pieces = []                                         # (row, first column, last column, line number, text)
    for row, (no, raw) in enumerate(lines):
        for a, b in _cuts(raw.rstrip(), starts) if raw.strip() else ():
            text = raw[a:b].rstrip()
            if not text.strip():
                continue
            begin = a + len(text) - len(text.lstrip())
            first = _column_of(bounds, begin + _SLACK)
            last = _column_of(bounds, max(begin + _SLACK, a + len(text) - 1 - 8))   # 8 or more into the next
            pieces.append((row, first, max(first, last), no, text))
    blank_rows = {row for row, (_, raw) in enumerate(lines) if not raw.strip()}
    return _read_part(pieces, 0, len(bounds), blank_rows)


def _read_part(pieces: list[tuple], a: int, b: int, blank_rows: set[int]) -> list[tuple[int, str]]:
    """Lines of the pieces of columns ``a`` to ``b - 1`` of a page in reading order (``unstack_columns``);
    ``pieces``: ``(row, first column, last column, line number, text)``."""
    if not pieces:
        return []
    if b - a == 1:
        return _one_column(pieces, blank_rows)
    rows = sorted({p[0] for p in pieces})
    for r0, r1 in zip(rows, rows[1:]):
        if r1 - r0 > 2:                                 # two rows or more hold none of it: cut across
            upper = _read_part([p for p in pieces if p[0] <= r0], a, b, blank_rows)
            lower = _read_part([p for p in pieces if p[0] >= r1], a, b, blank_rows)
            return upper + [(lower[0][0], "")] + lower
    seams = [j for j in range(a + 1, b) if not any(p[1] < j <= p[2] for p in pieces)]
    if seams:                                           # columns nothing runs across: read them one by one
        out: list[tuple[int, str]] = []
        for lo, hi in zip([a, *seams], [*seams, b]):
            out += _read_part([p for p in pieces if lo <= p[1] < hi], lo, hi, blank_rows)
        return out
    across = sorted(p[0] for p in pieces if p[2] > p[1])    # rows of pieces that run across columns
    top = bottom = across[0]
    while bottom + 1 in across:
        bottom += 1
    middle = [(p[3], p[4]) for p in sorted((p for p in pieces if top <= p[0] <= bottom), key=lambda p: (p[0], p[1]))]
    return (_read_part([p for p in pieces if p[0] < top], a, b, blank_rows) + middle
            + _read_part([p for p in pieces if p[0] > bottom], a, b, blank_rows))


def _cuts(raw: str, starts: list[int]) -> list[tuple[int, int]]:
    """Where a line's pieces begin and end, cut where columns start (``unstack_columns``)."""
    gaps = [m for m in _GAP.finditer(raw) if 0 < m.end() < len(raw)]
    cuts = [0]
    for c in starts:
        if c >= len(raw):
            break
        if raw[c - 1] in (" ", "\u3000"):
            cut = c                                     # text resumes at the column's start, or indented
        else:                                           # a few characters early or late: the nearest space
            near = [m.end() for m in gaps if c - _SLACK <= m.end() <= c + 8]
            cut = min(near, key=lambda e: abs(e - c)) if near else None
        if cut is None or cut <= cuts[-1]:
            continue
        if raw[cuts[-1]:cut].strip():
            cuts.append(cut)
        else:
            cuts[-1] = cut                              # nothing before it: the line starts in this column
    return list(zip(cuts, [*cuts[1:], len(raw)]))


def _one_column(pieces: list[tuple], blank_rows: set[int]) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    prev = None
    widths = sorted(_ink(p[4]) for p in pieces)
    full = widths[len(widths) // 2] if len(widths) >= 5 else 0.0   # the column's line: most lines are full
    for row, _, _, no, text in sorted(pieces):
        if prev is not None and any(r in blank_rows for r in range(prev + 1, row)) \
                and _may_end(out[-1][1], full):
            out.append((no, ""))                        # white space across the page after a paragraph's end
        out.append((no, text))
        prev = row
    return out


def _may_end(text: str, full: float = 0.0) -> bool:
    """Whether a line may end a paragraph or a title: it ends a sentence or a bracket, or is short and
    holds no comma, and does not fill its column's line (``full``, in ``_ink``: a wrapped line does; 0:
    not known).

    >>> _may_end("证券知识。本期“财税"), _may_end("证券知识。本期“财税", full=10.0), _may_end("专版。", full=10.0)
    (True, False, True)
    """
    t = text.strip()
    return bool(_ENDS.search(t)) or (len(t) <= 30 and "，" not in t and not (full and _ink(t) >= full - 1))


def _ink(text: str) -> float:
    """How wide a line is printed, in Chinese characters: digits, Latin letters and half-width signs take half
    the room of a Chinese character (``pdftotext -layout`` gives each a place of its own all the same)."""
    t = text.strip()
    return len(t) - 0.5 * sum(1 for c in t if c < "\u2000")


def _column_of(bounds: list[int], pos: int) -> int:
    k = 0
    while k + 1 < len(bounds) and bounds[k + 1] <= pos:
        k += 1
    return k


def empty_pages(pages: list[Page]) -> list[int]:
    """The numbers of the pages that hold no text (pages of images, as a rule: their text needs OCR).

    >>> empty_pages(split_pages("第1版 甲。\\f\\f第3版 乙。\\f"))
    [2]
    """
    return [p.number for p in pages if not _has_text(p.lines)]


def _has_text(lines: list[tuple[int, str]]) -> bool:
    return any(t.strip() for _, t in lines)


def _line_numbers(text: str, pattern) -> list[int]:
    """0-based line numbers of the matches of ``pattern`` in ``text``."""
    out, line, pos = [], 0, 0
    for m in pattern.finditer(text):
        line += text.count("\n", pos, m.start())
        pos = m.start()
        out.append(line)
    return out


_NONBLANK_LINE = re.compile(r"^[^\S\n]*\S", re.M)
_SPACE_LED_LINE = re.compile(r"^ [^ \t\n]", re.M)  # exactly one space (two or more, or a tab, is an indent;
                                                    # a paragraph's ideographic indent may follow it)


def read_pages(path) -> list[Page]:
    """Read an issue from a file or from a folder holding one file per page.

    A folder's files (``*.txt``, ``*.docx``) are taken in natural order of their names
    (``page2`` before ``page10``); each file is one page, unless it contains
    form feeds. Line numbers then count within each page's file. An empty
    page file is a page without text (``empty_pages``); any other bad page
    file is the issue's error.
    """
    p = Path(path)
    if p.is_dir():
        files = sorted((f for f in p.iterdir() if f.is_file() and f.suffix.lower() in (".txt", ".docx")),
                       key=_natural_key)
        if not files:
            raise ParseError(p, "folder holds no .txt or .docx page files")
        pages: list[Page] = []
        for f in files:
            try:
                text = read_text(f)
            except ParseError as e:
                if not e.reason.startswith(EMPTY):
                    raise
                text = ""                       # a page without text (of images): kept, named by empty_pages
            for pg in split_pages(text, source=f.name, space_rule=False):
                pg.number = len(pages) + 1
                pages.append(pg)
        return pages
    return split_pages(read_text(p), source=p.name)


def _natural_key(path: Path):
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", path.name)]
