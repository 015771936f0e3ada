"""Stage 3, segment: a page's lines -> items (articles, photos, captions, page text).

The page is cut into *blocks* (runs of non-blank lines; a dateline or byline
line always starts a new block). Each block is classified (dateline, byline,
credit, page credit, note, photo caption, text), short standalone text blocks
without a sentence end become *headline candidates*, and blocks are assembled
into items. Whether headlines follow their article (as in some e-paper
exports) or precede it is decided once per file from the file itself: by how
much each candidate shares with the lead of the article before it and after
it, and by candidates left at the end of a page.
"""
from __future__ import annotations

import operator
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from . import bylines, clean, lexicons, read
from .bylines import Credits

MAX_HEADLINE_CHARS = 48
MAX_HEADLINE_LINES = 3
SHORT_ITEM_CHARS = 160       # photo captions and notes are shorter than this


@dataclass
class Block:
    """Consecutive non-blank lines of a page, cleaned and joined."""

    lines: list[tuple[int, str]]           # (line number, raw text)
    text: str = ""                          # cleaned, joined with no space
    gaps: frozenset = frozenset()           # positions in text where whitespace was removed
    breaks: tuple = ()                      # positions in text where a raw line ended
    widths: tuple = ()                      # characters each raw line contributes to text
    kind: str = "text"                      # dateline, byline, continued (上接…版), credit, page_credit, page_header,
                                            # note, photo, text
    head: bool = False                      # a headline candidate
    dateline: bylines.Dateline | None = None
    credits: Credits | None = None
    byline_end: int = 0                     # where a byline opening the block ends in text (kind byline)
    titles: bool = False                    # a headline block the line labeller found (several title lines)
    size: float = 0.0                       # a title's type size, where the input gives it (PDF)
    centred: bool = False                   # its lines set in as titles are centred (``centred``)
    rule: str = ""                          # a line the labeller reads apart: "long", a drawn rule (————),
                                            # "ornaments" (＊＊＊, ※ ※ ※), "editors" (责任编辑：某某), "facts"
                                            # (a web page's 发布时间：… 来源：…)

    @property
    def first(self) -> int:
        return self.lines[0][0]

    @property
    def last(self) -> int:
        return self.lines[-1][0]


def make_block(lines: list[tuple[int, str]]) -> Block:
    """Clean and join a block's lines, remembering where spaces and line ends were.

    >>> b = make_block([(1, "本报记者 赵 敏")]); b.text, sorted(b.gaps)
    ('本报记者赵敏', [4, 5])
    """
    parts: list[str] = []
    gaps: list[int] = []
    breaks: list[int] = []
    widths: list[int] = []
    n = 0
    last = ""
    for k, (_, raw) in enumerate(lines):
        start = n
        if k > 0:
            breaks.append(n)
        folded = clean.fold_width(raw)
        # a space before the first piece counts only after a line end or leading spaces
        pending = k > 0 or folded[:1].isspace()
        for seg in folded.split():
            if pending and n:
                first = seg[0]
                if last.isascii() and first.isascii() and _latin(last) and _latin(first) \
                        and (last.isalpha() and first.isalpha() or n != start):
                    parts.append(" ")
                    n += 1
                gaps.append(n)
            pending = True
            parts.append(seg)
            n += len(seg)
            last = seg[-1]
        widths.append(n - start)
    return Block(lines=lines, text="".join(parts), gaps=frozenset(gaps), breaks=tuple(breaks), widths=tuple(widths))


def _latin(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in ".,;:!?%)]'\"(")


# ---------------------------------------------------------------- classification

@lru_cache(maxsize=None)
def _prefix_re(name: str):
    return re.compile("|".join(re.escape(w) for w in sorted(lexicons.words(name), key=len, reverse=True)))


def _starts_with_any(text: str, name: str) -> bool:
    """Whether text starts with an entry of the word list ``name``."""
    return _prefix_re(name).match(text) is not None


@lru_cache(maxsize=None)
def _jump_re(end: str):
    words = sorted((r[0] for r in lexicons.table("jump_words") if len(r) >= 2 and r[1] == end), key=len, reverse=True)
    mark = (rf"[（(]\s*(?:{'|'.join(map(re.escape, words))})\s*(?:第\s*)?(?P<page>[0-9A-Za-z一二三四五六七八九十]{{1,4}})\s*版"
            rf"[^（()）]{{0,16}}[）)]")
    return re.compile(rf"^{mark}" if end == "from" else rf"{mark}\s*$")


def continued_from(text: str) -> bool:
    """Whether a cleaned text opens with a jump line saying it continues an article from another page
    (（上接第1版）, ``data/lexicons/jump_words.tsv``).

    >>> continued_from("（上接第1版）会议强调"), continued_from("（上接A1版）"), continued_from("（一）会议强调")
    (True, True, False)
    """
    return _jump(text, "from") is not None


def continues_elsewhere(text: str) -> bool:
    """Whether a cleaned text ends with a jump line saying its article goes on on another page (（下转第2版）).

    >>> continues_elsewhere("形成合力。（下转第2版）"), continues_elsewhere("（转A3版）"), continues_elsewhere("（张三摄）")
    (True, True, False)
    """
    return _jump(text, "to") is not None


def _jump(text: str, end: str):
    """The jump line at the start (``end`` "from") or the end ("to") of a cleaned text, as a match; the
    cheap test of its bracket first."""
    if end == "from":
        return _jump_re(end).match(text) if text[:1] in "（(" else None
    return _jump_re(end).search(text) if text[-1:] in "）)" else None


def _jump_page(text: str, end: str, pages: dict[str, int]) -> int | None:
    """The page a jump line at the start (``end`` "from") or the end ("to") of a cleaned text names (None
    without one): the page whose header prints it (``pages``: ``read.page_key`` → page), else its number
    (第2版, 2版, 第二版: 2)."""
    m = _jump(text, end)
    if m is None:
        return None
    key = read.page_key(m.group("page"))
    return pages.get(key, int(key) if key.isdigit() else None)


def join_jumps(rows: list[dict]) -> list[dict]:
    """Join to its article each part of it continued on a later page: an item whose text ends with a jump
    to page M (…（下转第2版）) and one on page M whose text opens with a jump from the first one's page
    (（上接第1版）…), without a title or under the article's title printed again, pages named as their
    headers print them (A2版) or by number. Its text follows the article's in ``body`` (both jump lines as
    printed), a title printed again the article's ``headline_raw``, an author or credit closing it (（某某）,
    …摄) the article's ``byline`` or ``credit``, its journalists the article's; the row keeps the lines of
    the article's first part (``start_line``, ``end_line``). Which part goes with which article:
    ``_pair_jumps``.

    >>> rows = [{"page": 1, "kind": "news", "headline": "甲", "dateline": "本报讯", "byline": None, "body": "会议召开。（下转第2版）",
    ...          "reporters": ["王伟"], "correspondents": [], "photographers": []},
    ...         {"page": 2, "kind": "news", "headline": None, "dateline": None, "byline": None, "body": "（上接第1版）会议强调。",
    ...          "reporters": [], "correspondents": [], "photographers": []}]
    >>> [r["body"] for r in join_jumps(rows)]
    ['会议召开。（下转第2版）\\n（上接第1版）会议强调。']
    """
    pages: dict[str, int] = {}                       # pages as their headers print them (A2版, 第二版)
    for r in rows:
        if r["kind"] == "page_header" and (mark := read.page_mark(r.get("body") or "")) is not None:
            pages.setdefault(read.page_key(mark), r["page"])
    sent: dict[tuple[int, int], list[int]] = {}
    taken: dict[tuple[int, int], list[int]] = {}
    for i, r in enumerate(rows):
        body = r.get("body") or ""
        if r["kind"] in ("page_header", "page_title", "credit") or not body:
            continue
        if (to := _jump_page(body, "to", pages)) is not None and to != r["page"]:
            sent.setdefault((r["page"], to), []).append(i)
        if (frm := _jump_page(body, "from", pages)) is not None and frm != r["page"]:
            taken.setdefault((frm, r["page"]), []).append(i)
    dropped = set()
    for key, parts in taken.items():
        for o, c in _pair_jumps(rows, sent.get(key, []), parts):
            first, rest = rows[o], rows[c]
            first["body"] = first["body"] + "\n" + rest["body"]
            if rest.get("headline_raw"):                 # the article's title printed again over the part
                first["headline_raw"] = "\n".join(filter(None, (first.get("headline_raw"), rest["headline_raw"])))
            for col in ("byline", "credit"):             # an author or a photo credit closing the article
                if rest.get(col):
                    first[col] = f"{first[col]} {rest[col]}" if first.get(col) else rest[col]
            for col in ("reporters", "correspondents", "photographers"):
                first[col] = list(dict.fromkeys(list(first.get(col) or []) + list(rest.get(col) or [])))
            dropped.add(c)
    return [r for i, r in enumerate(rows) if i not in dropped] if dropped else rows


def _pair_jumps(rows: list[dict], origins: list[int], parts: list[int]) -> list[tuple[int, int]]:
    """Which article (of ``origins``, rows that jump to a page) each part on that page (``parts``) continues.
    A part under a title goes only with an article whose title holds at least half of its character pairs
    (the title printed again, perhaps shortened). Else one and one go together; among several, a part and an
    article go together where each shares with the other more than with any other: the title's character
    pairs for a part under one, the text's (and the article's title, jump lines left out) for one without,
    so that a part whose article was not found, or that two articles share as much, is left alone."""
    if not origins or not parts:
        return []

    def text(i):                                    # the jump lines left out: every part and article has them
        body = _jump_re("from").sub("", _jump_re("to").sub("", rows[i]["body"]))
        return _bigrams(f"{rows[i].get('headline') or ''}{body}")

    titles = {i: _bigrams(f"{rows[i].get('headline') or ''}{rows[i].get('subheadline') or ''}") for i in origins + parts}
    words = {i: text(i) for i in origins + parts}
    score = {}
    for c in parts:
        if rows[c].get("headline"):
            own = titles[c]
            for o in origins:
                share = len(own & titles[o]) / (len(own) or 1)
                score[o, c] = share if share >= 0.5 else 0.0
        else:
            for o in origins:
                score[o, c] = 1.0 if len(origins) == len(parts) == 1 else len(words[o] & words[c]) / (len(words[c]) or 1)
    return [(o, c) for (o, c), v in score.items()          # each the other's only best: no ties
            if v > 0 and all(v > score[o, x] for x in parts if x != c) and all(v > score[x, c] for x in origins if x != o)]


_PAGE_HEADER = re.compile(r"^(?:第[0-9一二三四五六七八九十]{1,3}版|[A-Z]?[0-9]{1,2}版)")
_PAGE_NUMBER = re.compile(r"^(?:[-－—–·•=_*#~]+[0-9]{1,3}[-－—–·•=_*#~]+|第[0-9]{1,3}页|[0-9]{1,3}/[0-9]{1,3})$")   # - 3 -, === 3 ===, 第3页, 3/16
_PAPER_HEADER = re.compile(r"^(?P<paper>[\u4e00-\u9fff]{2,10}(?:日报|晚报|时报|商报|都市报|报))(?P<y>(?:19|20)[0-9]{2})年(?P<m>[0-9]{1,2})月(?P<d>[0-9]{1,2})日")


TOP_LINES = 8       # the lines at a page's top that may print its masthead or header without a blank line
_SEPARATOR = re.compile(r"^[-－—–─━=＝_＿*＊※~～★☆◆◇●○■□▲△◎#＃·•]{3,}$")


def _facts_line(raw: str) -> bylines.Dateline | None:
    """The line of facts a web page prints under a title (发布时间：… 来源：…: ``bylines.web_meta``) that a raw
    line is, as a dateline, or None; the cheap tests first."""
    return bylines.web_meta(raw) if ("：" in raw or ":" in raw) and len(raw.split()) >= 2 else None


def _editors_alone(raw: str) -> bool:
    """Whether a raw line holds editors' credits only (责任编辑：某某, （编辑：某某 审核：某某）): page-level text
    wherever it stands, a block of its own (the cheap test first: what such a line opens with).

    >>> _editors_alone("责任编辑：王强"), _editors_alone("（编辑：王强 审核：李明）"), _editors_alone("编辑 赵六 校对 孙七")
    (True, True, True)
    >>> _editors_alone("编辑杨某同志申明，文稿依照当时发")    # a sentence that a line break left opening with 编辑
    False
    """
    head = raw.lstrip().lstrip("（(【[")[:1]
    if not head or head not in _first_chars("editor_markers"):
        return False
    t = clean.clean_line(raw)                       # credits set apart by a colon or spaces, no clause in them
    return "，" not in t and "。" not in t and _editor_line(t, len(raw.split()) > 1)


@lru_cache(maxsize=None)
def _navigation_words() -> tuple[re.Pattern, frozenset, frozenset]:
    """``site_navigation.txt`` as a pattern of its entries (longest first), the entries that make a line
    alone (those not marked *) and the characters they open with."""
    entries = lexicons.word_set("site_navigation")
    strong = frozenset(w for w in entries if not w.endswith("*"))
    alternatives = sorted({w.rstrip("*") for w in entries}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, alternatives))), strong, frozenset(w[0] for w in entries)


_NAV_SPACING = re.compile(r"[\s：:|｜/／·•【】\[\]（）()<>《》〈〉「」]+")


def navigation_line(raw: str) -> bool:
    """Whether a raw line is a site's navigation (``site_navigation.txt``: 上一篇 下一篇, 【字体：大 中 小】 打印本页
    关闭窗口, 上一篇：某某标题): page-level text wherever it stands, a block of its own that closes the item
    before it (the cheap test first: the lists' first characters, or a bracket or bar).

    >>> [navigation_line(t) for t in ("上一篇  下一篇", "【字体：大 中 小】  打印本页  关闭窗口", "上一篇：全县开展植树活动",
    ...                                "分享到：微信 微博", "打印 | 关闭", "返回目录")]
    [True, True, True, True, True, True]
    >>> [navigation_line(t) for t in ("收藏", "返回", "上一篇文章写到，全县开展植树活动。", "打印机厂扩大生产", "关闭小煤窑")]
    [False, False, False, False, False]
    """
    pattern, strong, first_chars = _navigation_words()
    head = raw.lstrip()[:1]
    if not head or head not in first_chars and head not in "【[（(|｜<《〈「":
        return False
    t = _NAV_SPACING.sub("", clean.clean_line(raw))
    first = pattern.match(t)
    if first and first.group() in strong and raw.lstrip().lstrip("【[（(<《〈「").startswith(first.group()) \
            and re.match(r"^\s*[:：]", raw.lstrip().lstrip("【[（(<《〈「")[len(first.group()):]):
        return True                                 # 上一篇：某某标题, 分享到：微信 微博
    found = pattern.findall(t)
    return bool(found) and not pattern.sub("", t) and (bool(strong & set(found)) or len(set(found)) >= 2)


def _short_line(raw: str, lines: list[tuple[int, str]]) -> bool:
    """Whether a raw line is shorter than most lines of its page (by two characters or more): no text wrapped
    from it to the next line."""
    sizes = sorted(clean.visible_len(t) for _, t in lines if t.strip())
    return clean.visible_len(raw) < sizes[len(sizes) // 2] - 1


def separator_line(text: str) -> bool:
    """Whether a line is a rule or a row of ornaments set between items (———, ※ ※ ※, * * *, ========), as
    text copied from web pages and documents has them: three such characters or more and nothing else but
    spaces (- 3 - is a page number).

    >>> separator_line("————————"), separator_line("※　※　※"), separator_line("* * *"), separator_line("- 3 -")
    (True, True, True, False)
    >>> separator_line("■■"), separator_line("——本报记者")
    (False, False)
    """
    t = text.strip()
    return bool(t) and t[0] in _SEPARATOR_CHARS and _SEPARATOR.match("".join(t.split())) is not None


_SEPARATOR_CHARS = frozenset("-－—–─━=＝_＿*＊※~～★☆◆◇●○■□▲△◎#＃·•")
_LONG_RULE = re.compile(r"^[-－—–─━=＝_＿~～]{6,}$")


def long_rule(text: str) -> bool:
    """Whether a separator line (``separator_line``) is a drawn rule of six characters or more (————————,
    ========): such a rule stands between items, where a row of ornaments (＊＊＊, ※ ※ ※) may also part the
    sections of one article.

    >>> long_rule("——————————"), long_rule("＊＊＊＊＊＊"), long_rule("———")
    (True, False, False)
    """
    return _LONG_RULE.match("".join(text.split())) is not None


_STANDING = re.compile(r"^[\u4e00-\u9fff]{2,16}机关报$")                     # 中共某某市委机关报
_NAMEPLATE = re.compile(r"^(?:[\u4e00-\u9fff]{2,8}(?:日报|晚报|早报|时报|商报|都市报|周报)"    # 滨江日报, BINJIANG DAILY
                        r"|[A-Z][A-Z.&'\-]+(?: [A-Z][A-Z.&'\-]+)+)$")


def _foot_start(lines: list[tuple[int, str]]) -> int:
    """The index of the first of a page's last ``TOP_LINES`` lines that are not blank."""
    seen = 0
    for k in range(len(lines) - 1, -1, -1):
        if lines[k][1].strip():
            seen += 1
            if seen == TOP_LINES:
                return k
    return 0


def _editor_line(t: str, spaced: bool = False) -> bool:
    """Whether a cleaned line is editors' credits only (``_editors_re``), its markers set apart from the names
    by a colon or (``spaced``) by spaces: 责任编辑：某某, 编辑 某某 校对 某某; not a title that opens with such a
    word (审核制度改革, 统筹推进城乡发展, 编辑部的故事).

    >>> _editor_line("责任编辑：王强"), _editor_line("编辑王强校对李明", spaced=True), _editor_line("审核制度改革")
    (True, True, False)
    """
    return ("：" in t or ":" in t or spaced) and _starts_with_any(t.lstrip("（(【["), "editor_markers") \
        and _editors_re().match(t) is not None


def document_title(text: str) -> bool:
    """Whether a line is the title of an official document a paper prints whole: 关于…的<kind>, a kind of
    ``document_kinds.txt`` (公告, 通知, 决定 …), no punctuation of a sentence inside.

    >>> document_title("关于开展2024年度企业年报工作的公告"), document_title("【关于表彰先进集体的决定】")
    (True, True)
    >>> document_title("关于这个问题的通知，大家都看了。"), document_title("会议通过了关于人事任免的决定")
    (False, False)
    """
    return _document_title_re().match(text.strip().strip("【】[]")) is not None


@lru_cache(maxsize=None)
def _document_title_re():
    kinds = "|".join(sorted(lexicons.words("document_kinds"), key=len, reverse=True))
    return re.compile(rf"^关于[^。！？；，,;!?]{{2,48}}的(?:{kinds})$")


def masthead_line(text: str) -> bool:
    """A line of a page's header (``header_line``) or of a front page's masthead: also the paper's name alone
    (滨江日报, BINJIANG DAILY) or its standing (中共某某市委机关报). ``split_blocks`` asks it of a page's first
    lines only.

    >>> [masthead_line(t) for t in ("中共滨江市委机关报", "邮发代号35-12", "滨江日报", "BINJIANG DAILY")]
    [True, True, True, True]
    >>> [masthead_line(t) for t in ("人民日报是中共中央机关报。", "关于安全生产的通报", "GDP")]
    [False, False, False]
    """
    return bool(_STANDING.match(text) or _NAMEPLATE.match(text)) or header_line(text) or _header_and_editors(text)


def without_editors(text: str) -> str:
    """A line's part before the editors' credits it ends with (2综合新闻2024年3月9日 / 责任编辑：某某), or the
    whole line where none stands after its first character.

    >>> without_editors("2综合新闻2024年3月9日责任编辑：吴芳"), without_editors("责任编辑：吴芳")
    ('2综合新闻2024年3月9日', '责任编辑：吴芳')
    """
    m = _prefix_re("editor_markers").search(text)
    return text[:m.start()] if m is not None and m.start() else text


def _header_and_editors(text: str) -> bool:
    """A header line that ends with the page's editors (2　综合新闻　2024年3月9日　星期六　责任编辑：某某).

    >>> _header_and_editors("2综合新闻2024年3月9日星期六责任编辑：吴芳"), _header_and_editors("会议指出责任编辑：吴芳")
    (True, False)
    """
    head = without_editors(text)
    return head != text and header_line(head) and _editor_line(text[len(head):], spaced=True)


def header_line(text: str) -> bool:
    """A page's header or footer line in any order of its parts: a page (第3版, A3, 3版, 第3页), a date
    (2024年3月5日, 2024.03.05) with its weekday (星期二, 周二), a paper's or section's name, separators; it
    names a page (not between two characters of a name: 全县第3版宣传册 is a title), or a date and its
    weekday, and holds no more than 16 other characters (names); a front page's masthead line too: a
    paper's codes (国内统一连续出版物号 CN41-0012, 邮发代号 35-12), or a date with the lunar date, the pages
    of the day or the issue's number.

    >>> [header_line(t) for t in ("人民日报·要闻第三版", "A3要闻2024.03.05", "2024年3月5日星期二", "2024年3月5日第03版国内新闻")]
    [True, True, True, True]
    >>> [header_line(t) for t in ("2024年3月7日星期四农历甲辰年正月廿七今日8版第12345期", "国内统一连续出版物号CN41-0012邮发代号35-12")]
    [True, True]
    >>> [header_line(t) for t in ("2024年3月5日", "全县第3版宣传册印发", "会议要求各地抓好落实", "第12345期")]
    [False, False, False, False]
    """
    parts = read.header_parts(text)
    if parts is None:
        return False
    kinds = {k for k, _ in parts}
    return "page" in kinds or {"date", "week"} <= kinds or "code" in kinds or \
        ("date" in kinds and bool(kinds & {"lunar", "count", "issue"}))         # a front page's masthead


@lru_cache(maxsize=None)
def _block_starters() -> frozenset:
    """The characters a dateline or byline opens with, and their full-width forms (the cheap test of
    ``_may_start``)."""
    words = list(bylines._sources()) + [w for w, _ in bylines._roles()] + ["据", "综合", "文", "图", "作者", "○", "（", "(",
                                                                         "【", "["]     # 【本报讯】
    starters = frozenset(w[0] for w in words) | frozenset(clean.BULLETS)
    return starters | frozenset(c for c in map(chr, range(0xFF01, 0xFF5F)) if clean.fold_char(c) in starters)


def starts_block(line_text: str, after: tuple[str, ...] = ()) -> bool:
    """Whether a raw line starts a new block even without a blank line before it: it opens a dateline, a
    byline, the part of an article continued from another page (（上接第1版）) or a paragraph led by a bullet
    (■…, ``clean.BULLETS``). ``after``: the lines that follow it, for a dateline that a narrow column breaks
    over lines.

    >>> starts_block("新华社北京1月4日电（记者王伟）今天"), starts_block("新华社北京1月", ("4日电（记者王伟）", "今天"))
    (True, True)
    >>> starts_block("新华社北京1月"), starts_block("会议指出，要抓好", ("落实。",))
    (False, False)
    """
    return bool(_opening(line_text, after))


def _opening(line_text: str, after: tuple[str, ...] = ()) -> str:
    """What a raw line opens (``starts_block``): ``"dateline"``, ``"continued"``, ``"byline"``, ``"run-in byline"``
    (one the paragraph's text follows on its line), ``"bullet"``, ``"broken dateline"`` (one that goes on in the
    lines ``after`` it) or ``""``."""
    if not _may_start(line_text):
        return ""
    t = clean.clean_line(line_text)
    if not t:
        return ""
    if bylines.parse_dateline(t) is not None:
        return "dateline"
    if continued_from(t):
        return "continued"
    gaps = _line_gaps(line_text)
    if bylines.parse_byline(t, gaps) is not None:
        return "byline"
    if gaps and bylines.run_in_byline(t + clean.clean_line(after[0]) if after else t, gaps, len(t)) is not None:
        return "run-in byline"                  # 本报记者 王政 国家技术监督局日前…
    if after and not gaps and len(t) <= BROKEN_BYLINE and bylines.opens_with_organisation(t):
        nxt = clean.clean_line(after[0])        # a byline a narrow column broke: 本报驻东京记者 / 张明远, or its
        if bylines.parse_byline(t + nxt) is not None:                 # name too: 本报记者张 / 明远 今天上午，…
            return "byline"
        more = clean.clean_line(after[1]) if len(after) > 1 else ""
        if bylines.run_in_byline(t + nxt + more, frozenset(len(t) + g for g in _line_gaps(after[0])),
                                 len(t) + len(nxt)) is not None:
            return "run-in byline"
    if clean.bullet(t) and len(t) > 1 and t[1] not in clean.BULLETS:
        return "bullet"                         # ■3月4日，…: a paragraph of a column of short news
    if not after or len(t) >= DATELINE_SPAN or not bylines.may_open_dateline(t):
        return ""
    joined = t
    for raw in after[:3]:                       # a dateline broken over narrow lines: 新华社北京一月 / 十七日电
        if len(joined) >= DATELINE_SPAN or not raw.strip():
            break
        joined += clean.clean_line(raw)
        if bylines.parse_dateline(joined) is not None:
            return "broken dateline"
    return ""


BROKEN_BYLINE = 16      # characters of a byline's first line where a narrow column broke it: its organisation (and role)
DATELINE_SPAN = 24      # characters a dateline's opening (source, place, date, 电/讯) may run to over broken lines


def _dateline_goes_on(lines: list[tuple[int, str]]) -> bool:
    """Whether the lines of a block so far hold a dateline and hardly more: the reporters that follow on
    the next line (本报南京1月17日电新华社 / 记者甲、本报记者乙报道：) are its own, not a byline.

    >>> _dateline_goes_on([(1, "本报南京1月17日电新华社")]), _dateline_goes_on([(1, "本报讯 今天，全市召开会议。")])
    (True, False)
    """
    text = clean.clean_line("".join(t for _, t in lines))
    d = bylines.parse_dateline(text)
    return d is not None and len(text) - d.end <= 4


_GOES_ON = ("、", "，", ",")        # a line ending so goes on into the next: 记者甲、 / 新华社记者乙


def _byline_begun(before: list[str], raw: str) -> int:
    """Where a line that opens a byline, or a dateline broken over lines (``_opening``), begins its block,
    given the raw lines before it in the block (up to three): 0 there; 1 on the line before, which prints the byline's organisation (本报驻东京 /
    记者张三); -1 it begins nothing, going on inside a bracket those lines left open (（新华社记者甲、中央
    电视台 / 记者乙）), after a line that goes on (记者甲、 / 新华社记者乙) or after the organisation of a
    dateline's reporters (本报北京1月1日讯中央电视台 / 记者甲).

    >>> _byline_begun(["本报驻东京"], "记者张明远"), _byline_begun(["（记者王伟、", "李强、中央电视台"], "记者李晓红）")
    (1, -1)
    >>> _byline_begun(["本报北京1月1日讯中央电视台"], "记者王伟、新华社"), _byline_begun(["记者王伟、"], "新华社记者李强")
    (-1, -1)
    >>> _byline_begun(["会议开幕。"], "本报记者张明远")
    0
    """
    t = clean.clean_line(raw)
    p = clean.clean_line(before[-1])
    if p.endswith(_GOES_ON) or clean.left_open(clean.clean_line("".join(before))):
        return -1
    if len(p) <= BROKEN_BYLINE and bylines.parse_byline(p + t) is not None:
        return 1
    return -1 if t.startswith(("记者", "通讯员")) and bylines.ends_with_organisation(p) else 0


@lru_cache(maxsize=None)
def _first_chars(name: str) -> frozenset:
    """The characters the entries of the word list ``name`` open with: the cheap test before ``_prefix_re``."""
    return frozenset(w[0] for w in lexicons.words(name))


def _marker(raw: str, name: str) -> str:
    """The entry of the word list ``name`` (photo or note markers) that a raw line opens with, or ``""``; the
    cheap test first (``_first_chars``)."""
    head = raw.lstrip()[:1]
    if not head or head not in _first_chars(name):
        return ""
    m = _prefix_re(name).match(clean.clean_line(raw))
    return m.group() if m else ""


def _note_after_end(raw: str, before: list[tuple[int, str]]) -> bool:
    """Whether a raw line opens a note (a marker of ``note_markers.txt``: 扫码, 扫图…) right after a line that
    ends a sentence, with no blank line between: a note printed under an article, not its text.

    >>> _note_after_end("扫图二维码观看视频。", [(1, "同学们纷纷表示受益匪浅。")])
    True
    >>> _note_after_end("扫图二维码观看视频。", [(1, "同学们纷纷表示，今后要")]), _note_after_end("扫地的老人", [(1, "好。")])
    (False, False)
    >>> _note_after_end("扫图②二维码观看视频。", [(1, "扫图①二维码观看视频。")])         # the same note goes on
    False
    """
    return bool(_marker(raw, "note_markers")) and clean.ends_sentence(before[-1][1].rstrip()) \
        and not any(_starts_with_any(clean.clean_line(t), "note_markers") for _, t in before)   # a note's next


def _photo_after_end(raw: str, before: list[tuple[int, str]]) -> bool:
    """Whether a raw line opens a photo caption (a marker of ``photo_markers.txt``) right after the end of
    a paragraph, with no blank line between. A marker that points at a picture (an arrow, ➡; a side, 上图)
    opens one after any line that ends a sentence. Others open one only under another caption that opens
    with a marker, after a line shorter than the lines before it (or than this one): 图为 and 图① say what
    a picture shows, which a caption may go on to say after its first sentence (湖面结了一层薄冰…。
    / 图为…), and triangles lead the points of a list too (▲检查设备…。 / ▲清点物资…).

    >>> _photo_after_end("⬇居民在社区广场跳舞。", [(1, "全县各乡镇组织群众开展了"), (2, "文体活动，热闹非凡。")])
    True
    >>> _photo_after_end("图为志愿者在门口登记车", [(1, "➡志愿者为老人测量血"), (2, "压、讲解知识。")])
    True
    >>> _photo_after_end("图为孩子们在冰上滑冰车", [(1, "入冬以来，北湖湖面结了"), (2, "一层薄冰。")])
    False
    >>> _photo_after_end("上图志愿者在门口登记车", [(1, "➡志愿者为老人测量血"), (2, "压、讲解知识，")])
    False
    >>> _photo_after_end("⬇居民在社区广场跳舞。", [(1, "各乡镇组织群众开展了文体"), (2, "活动，热闹非凡。"), (3, "全县文体活动丰富")])
    True
    """
    marker = _marker(raw, "photo_markers")
    if not marker:
        return False
    if not clean.ends_sentence(before[-1][1].rstrip()):
        return _points(marker) and _title_above(before)         # ➡ under a title the article before it ends with
    if _points(marker):
        return True                                 # ➡, 上图: a picture's caption
    if not _starts_with_any(clean.clean_line(before[0][1]), "photo_markers"):
        return False
    last = len(clean.clean_line(before[-1][1]))
    width = max([len(clean.clean_line(r)) for _, r in before[-3:-1]] or [len(raw.strip())])
    return last < width


_MID_SENTENCE_END = re.compile(r"[，、；：,;:]$")      # a line ending so goes on: no title's


def _title_above(before: list[tuple[int, str]]) -> bool:
    """Whether the last of some raw lines may be a title's line that a paragraph's end stands before (where
    headlines follow their articles): it ends no clause (，、；：) and the line before it ends a paragraph,
    or it is shorter than the widest of the three lines before it by a fifth and one of them ends one.

    >>> _title_above([(1, "各乡镇组织群众开展了文体"), (2, "活动，热闹非凡。"), (3, "全县文体活动丰富")])
    True
    >>> _title_above([(1, "活动，热闹非凡。"), (2, "全县各乡镇文体活动丰富多彩"), (3, "群众乐享")])     # two lines
    True
    >>> _title_above([(1, "各乡镇组织群众开展文体活"), (2, "动。全县各乡镇文体活动"), (3, "丰富多彩")])
    False
    >>> _title_above([(1, "各乡镇组织群众开展了文体"), (2, "活动，热闹非凡，"), (3, "全县文体活动")])
    False
    """
    if len(before) < 2:
        return False
    last = clean.clean_line(before[-1][1])
    if not last or _MID_SENTENCE_END.search(last):
        return False
    if _closes(before[-2][1]):
        return True
    return any(_closes(r) for _, r in before[-5:-2]) \
        and len(last) < 0.8 * max(len(clean.clean_line(r)) for _, r in before[-4:-1])


def _after_pointing_caption(raw: str, before: list[tuple[int, str]]) -> bool:
    """Whether a raw line opens what follows a caption that opens with a marker pointing at its picture
    (➡, 上图) and ends a sentence where its line ends, with no blank line between. Such a caption is one
    paragraph, so the line opens another item (a caption without a marker under another picture, an
    article's text), unless it is the caption's photo credit or opens with a marker itself (上图 opens a
    caption of its own, ``_photo_after_end``; the caption may go on to say 图为…).

    >>> _after_pointing_caption("社区医生为居民义诊。", [(1, "➡志愿者为老人测量血"), (2, "压、讲解知识。")])
    True
    >>> _after_pointing_caption("本报记者 张三 摄", [(1, "➡志愿者为老人测量血压。")])
    False
    >>> _after_pointing_caption("讲解知识。", [(1, "➡志愿者为老人测量血压，")])
    False
    >>> _after_pointing_caption("近日，全市开展活动。", [(1, "图为志愿者为老人测量血压。")])    # 图为 says what it shows
    False
    """
    if not _points(_marker(before[0][1], "photo_markers")) or not clean.ends_sentence(before[-1][1].rstrip()):
        return False
    t = clean.clean_line(raw)
    return not t.startswith(("（", "(")) and not _starts_with_any(t, "photo_markers") \
        and bylines.find_credit(t, _line_gaps(raw)) is None


def _points(marker: str) -> bool:
    """Whether a photo marker points at a picture: an arrow (its character's Unicode name says so) or a
    word for a side ending in 图 (上图, 左图), not 图为, a triangle or the title's picture (题图, which an
    article's text follows).

    >>> [_points(m) for m in ("➡", "↓", "上图", "▲", "图为", "图①", "题图")]
    [True, True, True, False, False, False, False]
    """
    if len(marker) == 1:
        return "ARROW" in unicodedata.name(marker, "")
    return len(marker) == 2 and marker[0] in "上下左右中" and marker[1] == "图"


def _may_start(line_text: str) -> bool:
    """The cheap test of ``starts_block``: the line opens with a character that a dateline or byline opens
    with, or with a paper's name before 讯 (``bylines.may_open_paper_dateline``)."""
    head = line_text[:1]
    if head.isspace():
        head = line_text.lstrip()[:1]
    return bool(head) and (head in _block_starters() or bylines.may_open_paper_dateline(line_text))


def _line_gaps(raw: str) -> frozenset:
    if len(raw.split(None, 1)) < 2:
        return frozenset()              # one piece: no gap (the common case, without building a block)
    return make_block([(0, raw)]).gaps


CENTRED = 6         # columns of space opening a line set in further than a paragraph's indent: centred
_SET_IN = re.compile(r"[ \u3000][ \u3000]")


def lead_width(raw: str) -> int:
    """The columns of space opening a line of text (a full-width space counts two; 0 for a blank line).

    >>> lead_width("　　会议指出"), lead_width("        市委召开会议"), lead_width("会议")
    (4, 8, 0)
    """
    body = raw.lstrip()
    lead = raw[:len(raw) - len(body)]
    return len(lead) + lead.count("\u3000") if body else 0


def centred(lines: list[tuple[int, str]]) -> frozenset:
    """The numbers of a page's lines set in by ``CENTRED`` columns or more: titles, as text taken from a
    PDF's layout centres them; none where most of the page's lines are set in so (the page is shifted, not
    its titles).

    >>> sorted(centred([(1, "          市委召开会议"), (2, "　　本报讯 会议指出，要抓好落实。"), (3, "    会议要求")]))
    [1]
    """
    if not any(map(_SET_IN.match, map(operator.itemgetter(1), lines))):
        return frozenset()                          # the cheap test first: most pages set nothing in so far
    widths = [(no, lead_width(raw)) for no, raw in lines if raw.strip()]
    out = frozenset(no for no, w in widths if w >= CENTRED)
    return out if 2 * len(out) <= len(widths) else frozenset()


BRIEF_LABEL_CHARS = 10      # a column name of short news (政务快讯, 县域动态) runs to so many characters


def brief_label(text: str) -> bool:
    """Whether a line is the name of a column of short news: it ends with a word of ``brief_labels.txt``
    and holds ``BRIEF_LABEL_CHARS`` characters or fewer, 【】 or [] around it allowed.

    >>> [brief_label(t) for t in ("简讯", "【政务快讯】", "县域动态")]
    [True, True, True]
    >>> [brief_label(t) for t in ("会议要求各地抓好落实", "简讯：市长到高新区调研", "全市经济运行平稳发展动态良好")]
    [False, False, False]
    """
    t = text.strip().strip("【】[]").strip()
    return 2 <= len(t) <= BRIEF_LABEL_CHARS and t.endswith(_brief_labels())


@lru_cache(maxsize=None)
def _brief_labels() -> tuple[str, ...]:
    return tuple(lexicons.words("brief_labels"))


LEAD_CHARS = 24     # a short news item's lead names its time within so many characters
_DAY = re.compile(r"[0-9一二三四五六七八九十两]+[日号]")


def news_lead(text: str) -> bool:
    """Whether a paragraph opens as a news item's lead does: its time (a day, 3月4日, 四日, or a word of
    ``brief_lead_words.txt``: 日前, 近日, 昨天) within its first ``LEAD_CHARS`` characters.

    >>> news_lead("■瑞典警方四日上午同新纳粹分子发生冲突。"), news_lead("◆市政协日前召开主席会议。")
    (True, True)
    >>> news_lead("●住房公积金制度初步建立。目前，这项制度已覆盖全市。")
    False
    """
    lead = text[:LEAD_CHARS]
    return bool(_DAY.search(lead)) or _lead_words_re().search(lead) is not None


@lru_cache(maxsize=None)
def _lead_words_re():
    """The words of ``brief_lead_words.txt`` as one pattern."""
    words = sorted(lexicons.words("brief_lead_words"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)) if words else "(?!)")


def opens_brief(text: str) -> str:
    """The bullet of a paragraph that may be an item of a column of short news, or ``""``: it opens with a
    bullet (``clean.BULLETS``) and holds a sentence, not a title (■坚持高位推动) nor a byline.

    >>> opens_brief("■3月4日，市长到高新区调研科技创新工作。（记者 陈某）"), opens_brief("◆近日，市政协召开主席会议。")
    ('■', '◆')
    >>> opens_brief("■坚持高位推动"), opens_brief("■本报记者 张明远"), opens_brief("会议指出，要抓好落实。")
    ('', '', '')
    """
    b = clean.bullet(text)
    return b if b and ("。" in text or ends_paragraph(text)) and len(text) > 12 else ""


def lead_title(b: Block) -> int:
    """Where the title that a short news item prints before its text, on its first line, ends (the first
    space after the bullet: ■市政协召开主席会议　近日，…), or 0: the text before the space is 6 to 30
    characters with no punctuation of a sentence and no date (■3月4日 市长… has no title).

    >>> lead_title(make_block([(1, "■市政协召开主席会议　近日，市政协召开会议。")])), lead_title(make_block([(1, "■3月4日 市长到高新区调研。")]))
    (10, 0)
    >>> lead_title(make_block([(1, "■中国政府向马达加斯加政府"), (2, "赠送药品。")]))         # a line's end is no space
    0
    """
    first_line = b.breaks[0] if b.breaks else len(b.text)
    for g in sorted(g for g in b.gaps if g < first_line):     # spaces in the first line, not its end
        if g <= 2:
            continue                                # the space after the bullet: ■ 市政协召开…
        t = b.text[1:g]
        if 6 <= len(t) <= 30 and not _SENTENCE_MARKS.search(t) and not _DAY.search(t):
            return g
        break
    return 0


_SENTENCE_MARKS = re.compile(r"[，。；：！？、,;:!?（()）]")


def _under_brief_label(item) -> bool:
    """Whether an item has no title or only a column's name of short news (简讯)."""
    return not item.heads or len(item.heads) == 1 and brief_label(item.heads[0].text)


def split_blocks(lines: list[tuple[int, str]]) -> list[Block]:
    """Cut a page into blocks at blank lines, before datelines (one that a narrow column breaks over lines
    too) and bylines, but not before the reporters of a dateline that ends the line before, before a bullet
    (■…) that follows the end of a paragraph, where centred lines (titles: ``centred``) begin and end,
    around each of the page's first ``TOP_LINES`` lines that is a masthead's or header's (``masthead_line``)
    and around each of its last ``TOP_LINES`` that is one, a page number or editors' credits."""
    blocks: list[list[tuple[int, str]]] = []
    cur: list[tuple[int, str]] = []
    mid = centred(lines)
    top = TOP_LINES                                 # the page's first lines: a masthead's or header's lines
    foot = _foot_start(lines)                       # and its last: editors, a footer, a page number
    mast: set[int] = set()
    for k, (no, raw) in enumerate(lines):
        if not raw.strip():
            if cur:
                blocks.append(cur)
                cur = []
            continue
        if (separator_line(raw) and (not cur or _closes(cur[-1][1]) or _short_line(cur[-1][1], lines))) \
                or _editors_alone(raw) or navigation_line(raw) or _facts_line(raw) is not None:
            if cur:                                 # (not a long dash a full line wrapped: 热闹极了——— / ———)
                blocks.append(cur)
            blocks.append([(no, raw)])              # a rule between items: a block of its own, ending the one before
            cur = []
            continue
        if top or k >= foot:
            top = max(0, top - 1)
            t = clean.clean_line(raw)
            if masthead_line(t) or (k >= foot and (_PAGE_NUMBER.match(t) or _editor_line(t, len(raw.split()) > 1))):
                if cur:
                    blocks.append(cur)
                blocks.append([(no, raw)])          # a block of its own, whatever stands around it
                cur = []
                mast.add(no)
                continue
        if mid and cur and (no in mid) != (cur[-1][0] in mid):
            blocks.append(cur)
            cur = []
        opens = _opening(raw, tuple(t for _, t in lines[k + 1:k + 4])) if cur and _may_start(raw) else ""
        if opens == "bullet" and not _closes(cur[-1][1]):
            opens = ""                              # a bullet opens a paragraph after the end of one only
        elif opens == "run-in byline" and not (raw[:1].isspace() or _closes(cur[-1][1])
                                               or not _SENTENCE_MARKS.search(cur[-1][1])):
            opens = ""                              # and a byline running into text, a paragraph's (or after a title)
        if not opens and cur and _photo_after_end(raw, cur):
            opens = "photo"                         # 上图…, ➡…: a caption after the end of a paragraph
        elif not opens and cur and _note_after_end(raw, cur):
            opens = "note"                          # 扫码…: a note after the end of a paragraph
        elif not opens and cur and _after_pointing_caption(raw, cur):
            opens = "photo"                         # ➡…。 / 某某…: a caption is one paragraph
        if opens and not _dateline_goes_on(cur):
            back = 0 if opens in ("dateline", "continued", "photo", "note") \
                else _byline_begun([t for _, t in cur[-3:]], raw)
            if back == 0:
                blocks.append(cur)
                cur = []
            elif back == 1 and len(cur) > 1:
                blocks.append(cur[:-1])
                cur = cur[-1:]
        cur.append((no, raw))
        if len(cur) > 1 and raw.strip() in bylines._CREDIT_ENDS:
            blocks.append(cur)                      # a credit's verb a narrow column wrapped (某某 / 摄) ends it
            cur = []
    if cur:
        blocks.append(cur)
    out: list[Block] = []
    for b in blocks:
        k = _trailing_head(b)
        if k:
            out.append(classify(make_block(b[:k])))
            out[-1].centred = bool(mid) and b[0][0] in mid
            b = b[k:]
        out.append(classify(make_block(b)))
        out[-1].centred = bool(mid) and b[0][0] in mid
        if len(b) == 1 and out[-1].kind == "page_header" and separator_line(b[0][1]):
            out[-1].rule = "long" if long_rule(b[0][1]) else "ornaments"
            if out[-1].rule == "ornaments":
                out[-1].kind = "text"               # the line labeller reads it (an article's sections, or items)
        elif len(b) == 1 and out[-1].kind == "page_header" and (_editors_alone(b[0][1]) or navigation_line(b[0][1])):
            out[-1].rule = "editors"                # 责任编辑：王某, 上一篇 下一篇 after an article: it ends there
        elif out[-1].dateline is not None and out[-1].dateline.web:
            out[-1].rule = "facts"                  # 发布时间：… 来源：…: the item's, no unit of the labeller's
        if b[0][0] in mast and out[-1].kind == "text":
            out[-1].kind, out[-1].head = "page_header", False     # the paper's name at the page's top
    for b, after in zip(out, out[1:]):
        if b.kind == "note" and after.kind in ("dateline", "byline") and _titled_note(b):
            b.kind, b.head = "text", _head_shape(b)  # 扫码点餐成为新风尚 / 本报讯…: the title of the item it opens
    return out


def _titled_note(b: Block) -> bool:
    """Whether a block that opens with a note's marker (扫码, 扫一扫) reads as a title: one line without a
    clause, a colon or a link (a note under an article points somewhere: 扫码看视频：…)."""
    return len(b.lines) == 1 and not _CAPTION_MARKS.search(b.text) and not _POINTS_SOMEWHERE.search(b.text)


_POINTS_SOMEWHERE = re.compile(r"[：:/]|二维码")


_PHOTO_HEAD = re.compile(r"[（(]附?图片[0-9一二三四五六七八九十]*张?[）)]\s*$")


def _trailing_head(lines: list[tuple[int, str]]) -> int:
    """Where a headline printed right after the end of the text before it starts in a block (0: none).

    A block whose last one to four lines follow a line that ends a paragraph
    (a sentence end or a closing bracket: 。, （某某）, （某某摄）) and themselves
    end no sentence holds the next item's headline (or, where headlines follow
    their articles, the headline closing this one): no blank line was printed
    between them. A line ending with （图片） counts as such a headline line.
    """
    n = len(lines)
    if n < 2:
        return 0
    tail = lines[-1][1].rstrip()
    if not tail or tail[-1] in "。！？!?…；;":
        return 0                                        # the cheap test first: most blocks end a sentence
    for k in range(n - 1, max(0, n - 5), -1):           # k: first line of the trailing run
        prev = lines[k - 1][1]
        run = [t for _, t in lines[k:]]
        last = run[-1].rstrip()
        if any("。" in t or "，" in t for t in run[:-1]) or (_closes(last) and not _PHOTO_HEAD.search(last)):
            return 0
        if _closes(prev) and not _PHOTO_HEAD.search(prev):
            text = clean.undouble(clean.clean_line("".join(run)))
            return k if 2 <= len(text) <= MAX_HEADLINE_CHARS and "。" not in text else 0
    return 0


def _closes(line: str) -> bool:
    """``ends_paragraph`` for one raw line, a closing 【】 bracket included, or a photo credit without brackets
    closing it (…。　　新华社记者某某 摄)."""
    t = line.rstrip()
    return ends_paragraph(t) or t.endswith("】") or (t.endswith(("摄", "摄影"))
                                                    and bylines.find_credit(clean.clean_line(t)) is not None)


def classify(b: Block) -> Block:
    """Set ``kind`` (and ``head`` for headline candidates) of a block."""
    t = b.text
    pc = bylines.parse_page_credit(t, b.gaps)
    if pc is not None:
        b.kind, b.credits = "page_credit", pc
        return b
    d = bylines.parse_dateline(t, b.gaps)
    if d is None and len(b.lines) == 1 and (d := _facts_line(b.lines[0][1])) is not None:
        d.end = len(t)                              # a web page's line of facts, the whole block
    if d is not None:
        b.kind, b.dateline, b.credits = "dateline", d, d.credits
        return b
    if continued_from(t):
        b.kind = "continued"
        return b
    cr = bylines.find_credit(t, b.gaps, whole=True)
    if cr is not None and len(t) <= 30:
        b.kind, b.credits = "credit", cr[1]
        return b
    cut = b.breaks[0] if b.breaks else len(t)      # the first line alone, as make_block(b.lines[:1]) gives it
    by = bylines.parse_byline(t[:cut], frozenset(g for g in b.gaps if g < cut) if b.breaks else b.gaps)
    if by is None and b.breaks and cut <= BROKEN_BYLINE and bylines.opens_with_organisation(t[:cut]):
        cut = b.breaks[1] if len(b.breaks) > 1 else len(t)          # 本报驻东京 / 记者张三: two lines
        by = bylines.parse_byline(t[:cut], frozenset(g for g in b.gaps if g < cut))
    if by is None and b.gaps:
        run_in = bylines.run_in_byline(t, b.gaps, b.breaks[0] if b.breaks else len(t))
        if run_in is None and len(b.breaks) > 1 and b.breaks[0] <= BROKEN_BYLINE \
                and bylines.opens_with_organisation(t[:b.breaks[0]]):
            # its name broken by the line's end (本报驻东京记者张 / 明远 今天上午，…): no gap there
            run_in = bylines.run_in_byline(t, b.gaps - {b.breaks[0]}, b.breaks[1])
        if run_in is not None:
            by, cut = run_in                        # 本报记者 王政 国家技术监督局日前…: the text goes on
    if by is not None:
        b.kind, b.credits, b.byline_end = "byline", by, cut
        return b
    if _PAGE_HEADER.match(t) or _PAPER_HEADER.match(t) or _PAGE_NUMBER.match(t) or header_line(t) or _STANDING.match(t) \
            or separator_line(t) \
            or (len(t) <= 80 and _header_and_editors(t)) \
            or (len(t) <= 48 and read.page_mark(t) is not None):     # === 第2页 ===, --- Page 2 ---
        b.kind = "page_header"
        return b
    if _editor_line(t, bool(b.gaps)) or (len(b.lines) == 1 and navigation_line(b.lines[0][1])):
        b.kind = "page_header"                      # 责任编辑：某某 美术编辑：某某, 上一篇 下一篇: the page's
        return b
    if _starts_with_any(t, "note_markers"):
        b.kind = "note"
        return b
    if _photo_marked(t, b.gaps):
        b.kind = "photo"
        return b
    b.kind = "text"
    b.head = _head_shape(b)
    return b


_AFTER_MARKER = frozenset("：:，,、")
_CAPTION_MARKS = re.compile(r"[，。！？；]")       # a clause or a sentence's end: what a caption holds, a title not


def _photo_marked(t: str, gaps=frozenset()) -> bool:
    """Whether a block's text opens with a photo marker (``photo_markers.txt``) as a caption does: a sign
    (➡, ▲, 图①) whatever follows, a word (上图, 图为, 组图) only where a colon, a comma or a space follows it,
    or the text holds a clause or ends with a photo credit; not a title that opens with such characters
    (上图书馆…, 图为民服务…).

    >>> [_photo_marked(t) for t in ("上图：春耕忙", "图为游客在湖面滑冰。", "➡春耕忙", "上图书馆成为新时尚", "图为民服务办实事")]
    [True, True, True, False, False]
    """
    m = _prefix_re("photo_markers").match(t)
    if m is None:
        return False
    if not "\u4e00" <= m.group()[-1] <= "\u9fff":
        return True                                 # a sign: ➡, ▲, 图①
    return t[m.end():m.end() + 1] in _AFTER_MARKER or m.end() in gaps or _CAPTION_MARKS.search(t) is not None \
        or bylines.find_credit(t, gaps) is not None


@lru_cache(maxsize=None)
def _editors_re():
    """A block made only of editor credits (``editor_markers``), each marker followed by names: 责任编辑：张三
    美术编辑：李四, （本版编辑：王五）, 编辑 赵六 校对 孙七."""
    marker = "|".join(re.escape(w) for w in sorted(lexicons.words("editor_markers"), key=len, reverse=True))
    names = rf"[{bylines.CJK}·、，,/／\s]{{2,24}}?"
    return re.compile(rf"^[（(【\[]?(?:(?:{marker})\s*[:：]?\s*{names}\s*)+[）)】\]]?$")


_DATE_START = re.compile(r"^[0-9]{1,2}月[0-9]{1,2}日")
_DATE_END = re.compile(r"(?:19|20)[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日$")
_BRACKETED = re.compile(r"^[（(][^（()）]*[）)]$")


def ends_paragraph(text: str) -> bool:
    """A sentence end, or a bracketed note closing an item (（记者 王晓媛）, （均据新华社）).

    >>> ends_paragraph("……作出贡献。"), ends_paragraph("鸣媛）"), ends_paragraph("抓实抓细安全生产")
    (True, True, False)
    """
    t = text.rstrip()
    return clean.ends_sentence(t) or t.endswith(("）", ")"))


def _not_headline_end() -> frozenset:
    return frozenset("".join(lexicons.words("not_headline_end")).replace(" ", ""))


def _head_shape(b: Block) -> bool:
    t = clean.undouble(b.text)
    if len(b.lines) > MAX_HEADLINE_LINES * (2 if t != b.text else 1):
        return False
    if not (2 <= len(t) <= MAX_HEADLINE_CHARS):
        return False
    if clean.ends_sentence(t) and not (t.rstrip("”’」』").endswith(("？", "！", "?", "!")) and len(t) <= 24
                                       and len(b.lines) <= 2 and "。" not in t):
        return False                # a question or exclamation standing alone may be a headline (…还有必要吗？)
    if t[-1] in "，、：:,（(“‘《" or _DATE_START.match(t) or _BRACKETED.match(t) or _DATE_END.search(t):
        return False                # …, a date's line or a signature (某某局 / 2024年3月8日): no title
    if t[-1] in _not_headline_end() or "。" in t:
        return False
    return True


# ---------------------------------------------------------------- items

@dataclass
class Item:
    """An item being assembled from blocks."""

    page: int
    origin: str                       # dateline, byline, text, photo, note, headline
    heads: list[Block] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    credits_blocks: list[Block] = field(default_factory=list)
    closed: bool = False              # headline-after layout: the headline has been seen
    article: bool = False             # headline-after layout: text that a headline further on will close

    def blocks(self) -> list[Block]:
        return self.heads + self.body + self.credits_blocks

    def text_len(self) -> int:
        return sum(len(b.text) for b in self.body)


@dataclass
class PageText:
    """Page-level text: a page title (with subtitle), a page-wide credit, a header."""

    page: int
    kind: str                         # page_title, credit, page_header
    blocks: list[Block]


@lru_cache(maxsize=16384)
def _bigrams(s: str) -> frozenset:
    s = _NOT_HAN.sub("", s)
    return frozenset(map(operator.add, s[:-1], s[1:]))


_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]")


def _lead(blocks: list[Block]) -> str:
    text = "".join(b.text[b.dateline.end:] if b.dateline else b.text for b in blocks)
    return text[:200]


def _groups(blocks: list[Block], layout: str | None = None, strict: bool = False) -> list[list[Block]]:
    """Runs of consecutive headline candidates become one group; other blocks stand alone.

    A candidate is turned back into text (unless it is centred) when it cannot be a headline:
    it follows text that ends mid-sentence (a column break), or it has a comma
    inside and is not the second line of a headline (a body fragment such as
    大家一致认为，习近平总书记对新). With ``layout="after"`` a headline must
    also be followed by something that can start an item: a dateline or byline,
    a photo, note or credit, another candidate, the end of the page, or text
    that starts with a date, ends with a photo credit, or is followed by one;
    other text may follow only where the candidate echoes the lead of the
    article it closes, and never in a ``strict`` file (one where most
    headlines sit next to a dateline).
    """
    has_page_credit = any(b.kind == "page_credit" for b in blocks)
    width = column_width(blocks)
    for i, b in enumerate(blocks):
        if not b.head or b.centred:                 # a centred title is one, whatever stands around it
            continue
        prev = blocks[i - 1] if i > 0 else None
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if width and nxt is not None and nxt.kind == "text" and not nxt.head \
                and width <= b.widths[0] <= width + 2 and clean.undouble(b.text) == b.text \
                and not (prev is not None and prev.head) and _echo(blocks, i, layout) < STRONG_ECHO:
            # a full column line standing alone before more text: a paragraph cut by a column break,
            # unless it echoes the lead of its article as a headline does
            b.head = False
            continue
        if prev is not None and prev.kind in ("text", "dateline", "byline", "photo", "note") and not prev.head \
                and not _closes(prev.text):         # (a photo credit without brackets closes its caption)
            b.head = False
        elif "，" in clean.undouble(b.text) and not (prev is not None and prev.head):
            b.head = False
        elif layout == "after":
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if nxt is not None and nxt.kind == "text" and not nxt.head and not _starts_item(blocks, i + 1, has_page_credit) \
                    and _similarity(b.text, _lead(_open_article(blocks, i))) < HEADLINE_LEAD_SIMILARITY:
                b.head = False
                b.kind = "intertitle"
    out: list[list[Block]] = []
    for b in blocks:
        if b.head and out and out[-1][0].head:
            out[-1].append(b)
        else:
            out.append([b])
    return out


HEADLINE_LEAD_SIMILARITY = 0.35


def _similarity(head: str, lead: str) -> float:
    """Share of a headline's character bigrams found in a lead."""
    hb = _bigrams(clean.undouble(head))
    return len(hb & _bigrams(lead)) / len(hb) if hb else 0.0


STRONG_ECHO = 0.5


def _echo(blocks: list[Block], i: int, layout: str | None) -> float:
    """How strongly candidate ``i`` echoes the lead of the article it would head (or close)."""
    after = _similarity(blocks[i].text, _lead(_open_article(blocks, i)))
    nxt: list[Block] = []
    for b in blocks[i + 1:]:
        if b.head or b.kind not in ("text", "dateline", "byline", "intertitle") or (nxt and b.kind in ("dateline", "byline")):
            break
        nxt.append(b)
    before = _similarity(blocks[i].text, _lead(nxt))
    return {"after": after, "before": before}.get(layout, max(after, before))


def _open_article(blocks: list[Block], i: int) -> list[Block]:
    """The blocks of the item that block ``i`` would close in the "after" layout."""
    out: list[Block] = []
    for b in reversed(blocks[:i]):
        if b.head or b.kind in ("credit", "page_credit", "page_header", "note", "photo"):
            break
        out.insert(0, b)
        if b.kind in ("dateline", "byline"):
            break
    return out


def column_width(blocks: list[Block]) -> int | None:
    """The commonest length of a full body line on a page (lines that do not end a paragraph).

    >>> column_width([make_block([(1, "一二三四五"), (2, "六七八九十"), (3, "甲乙丙丁戊"), (4, "十一。")])])
    5
    """
    counts: Counter = Counter()
    for b in blocks:
        if len(b.lines) >= 3 and b.kind in ("text", "dateline"):
            counts.update(b.widths[:-1])
    if not counts:
        return None
    width, n = counts.most_common(1)[0]
    return width if n >= 3 else None


def _starts_item(blocks: list[Block], j: int, has_page_credit: bool) -> bool:
    b = blocks[j]
    if _DATE_START.match(b.text) or bylines.find_credit(b.text, b.gaps) is not None:
        return True
    after = blocks[j + 1] if j + 1 < len(blocks) else None
    if after is not None and after.kind == "credit":
        return True
    return has_page_credit and len(b.text) <= SHORT_ITEM_CHARS and clean.ends_sentence(b.text)


def detect_layout(pages_blocks: list[list[Block]]) -> tuple[str, dict]:
    """Decide whether headlines follow (``"after"``) or precede (``"before"``) their articles.

    Returns the layout and the evidence: for each headline candidate that sits
    between two pieces of text, how many of its character bigrams occur in the
    lead of the text before it and after it; plus candidates stranded at the
    end of a page after an article that share words with it (only the "after"
    layout leaves those) and
    candidates at the top of a page followed by an article.
    """
    score = {"after": 0.0, "before": 0.0}
    n_cands = 0
    for blocks in pages_blocks:
        groups = _groups(blocks)
        for gi, g in enumerate(groups):
            if not g[0].head:
                continue
            n_cands += 1
            hb = _bigrams("".join(clean.undouble(b.text) for b in g))
            if not hb:
                continue
            prev: list[Block] = []
            for pg in reversed(groups[:gi]):
                if pg[0].rule == "facts":
                    continue                        # a web page's line of facts: read past it
                if pg[0].head or pg[0].kind in ("credit", "page_credit", "page_header", "note", "photo"):
                    break
                prev.insert(0, pg[0])
                if pg[0].kind in ("dateline", "byline"):
                    break
            nxt: list[Block] = []
            for ng in groups[gi + 1:]:
                if ng[0].rule == "facts":
                    continue
                if ng[0].head or ng[0].kind in ("credit", "page_credit", "page_header", "note", "photo"):
                    break
                if nxt and ng[0].kind in ("dateline", "byline"):
                    break
                nxt.append(ng[0])
            if prev:
                score["after"] += len(hb & _bigrams(_lead(prev))) / len(hb)
            if nxt:
                score["before"] += len(hb & _bigrams(_lead(nxt))) / len(hb)
            if prev and not nxt and gi == len(groups) - 1 and hb & _bigrams(_lead(prev)):
                score["after"] += 1.0               # a title of the article before it (not a weather box)
            if not prev and nxt and gi == 0 and nxt[0].kind in ("dateline", "byline"):
                score["before"] += 0.5
    layout = "after" if score["after"] > score["before"] else "before"
    return layout, {"after": round(score["after"], 2), "before": round(score["before"], 2), "candidates": n_cands}


MAX_INTERTITLE_CHARS = 9


def dateline_rate(pages_blocks: list[list[Block]]) -> float:
    """Share of headline candidates that a dateline or byline follows at once.

    Where most do (a local daily), a short candidate followed by plain text
    inside an open article is an intertitle (小标题) rather than a new headline.
    """
    heads = followed = 0
    for blocks in pages_blocks:
        groups = _groups(blocks)
        for gi, g in enumerate(groups):
            if g[0].head:
                heads += 1
                if gi + 1 < len(groups) and groups[gi + 1][0].kind in ("dateline", "byline"):
                    followed += 1
    return followed / heads if heads else 0.0


def _headline_ahead(groups: list[list[Block]], gi: int) -> bool:
    """In the "after" layout: whether a headline closes the text starting at group ``gi``
    before anything else (a dateline, byline, photo, note or credit) starts an item."""
    for g in groups[gi + 1:]:
        if g[0].head:
            return True
        if g[0].kind not in ("text", "intertitle"):
            return False
    return False


_PHOTO_ONLY = re.compile(r"[（(]图片[）)]$")


def _after_photo(items: list[Item], prev: Block | None) -> bool:
    """Whether the block just before a headline (headlines after their articles) is the credit that closed a
    photo item."""
    return bool(items) and prev is not None and items[-1].origin == "photo" and not items[-1].heads \
        and bool(items[-1].credits_blocks) and items[-1].credits_blocks[-1] is prev


def _close_photo(items: list[Item], heads: list[Block]) -> None:
    """A headline after a photo's credit: the photo item's own (…（图片）), or, where the article before it
    still waits for its headline, the article's, with the photo's caption and credit back in it (…（附图片1张）)."""
    photo = items[-1]
    text = "".join(clean.undouble(h.text) for h in heads)
    article = items[-2] if len(items) > 1 else None
    if _PHOTO_ONLY.search(text) or article is None or article.closed or article.heads \
            or article.origin not in ("dateline", "byline", "text"):
        photo.heads.extend(heads)
        photo.closed = True
        return
    items.pop()
    article.body.extend(photo.body + photo.credits_blocks)
    article.heads.extend(heads)
    article.closed = True


def assemble(page: int, blocks: list[Block], layout: str, strict: bool = False) -> tuple[list[Item], list[PageText]]:
    """Assemble one page's blocks into items and page-level text, in the given layout.

    ``strict`` (most headlines are followed by a dateline): in the "before"
    layout a short candidate followed by text inside an open article is kept
    in the article as an intertitle.
    """
    items: list[Item] = []
    page_text: list[PageText] = []
    cur: Item | None = None
    groups = _groups(blocks, layout, strict)
    titles = lexicons.words("page_titles")

    def close():
        nonlocal cur
        if cur is not None:
            items.append(cur)
        cur = None

    def page_level(group, kind="page_title"):
        if kind == "page_title" and page_text and page_text[-1].kind == "page_title" and page_text[-1].blocks[-1] is _prev_block[0]:
            page_text[-1].blocks.extend(group)
        else:
            page_text.append(PageText(page, kind, list(group)))

    # a page title at the top of a page stands alone, whatever candidates follow it
    if groups and groups[0][0].head and len(groups[0]) > 1 and clean.undouble(groups[0][0].text) in titles:
        groups[0:1] = [[groups[0][0]], groups[0][1:]]
    _prev_block = [None]
    for gi, g in enumerate(groups):
        b = g[0]
        nxt = groups[gi + 1][0] if gi + 1 < len(groups) else None
        if b.head:
            is_title = (gi == 0 or all(x[0].kind in ("page_header",) for x in groups[:gi])) and \
                clean.undouble(b.text) in titles
            if is_title:
                page_level(g)
            elif layout == "after":
                if cur is not None and cur.origin in ("dateline", "byline", "text") and not cur.closed and cur.body \
                        and not (cur.origin == "text" and cur.text_len() < 40):
                    cur.heads.extend(g)
                    cur.closed = True
                    close()
                elif cur is not None and cur.origin == "text" and not cur.closed and cur.body and nxt is not None \
                        and nxt.kind in ("dateline", "byline"):
                    cur.heads.extend(g)
                    cur.closed = True
                    close()
                elif cur is None and _after_photo(items, _prev_block[0]):
                    _close_photo(items, g)
                else:
                    close()
                    page_level(g)
            else:  # before
                if nxt is None or nxt.kind in ("credit", "page_credit", "page_header") or (nxt.head):
                    close()
                    page_level(g)
                elif strict and cur is not None and cur.origin in ("dateline", "byline", "headline") and cur.body \
                        and nxt.kind == "text" and len(g) == 1 and len(clean.undouble(b.text)) <= MAX_INTERTITLE_CHARS:
                    b.head, b.kind = False, "intertitle"
                    cur.body.append(b)
                else:
                    close()
                    cur = Item(page, "headline", heads=list(g))
            _prev_block[0] = g[-1]
            continue
        if b.kind in ("dateline", "byline", "continued"):
            if layout == "before" and cur is not None and cur.origin == "headline" and not cur.body:
                cur.origin = b.kind
                cur.body.append(b)
            else:
                close()
                cur = Item(page, b.kind, body=[b])
        elif b.kind == "page_credit":
            close()
            page_level([b], "credit")
        elif b.kind == "page_header":
            close()
            page_level([b], "page_header")
        elif b.kind == "credit":
            if cur is not None and cur.origin in ("photo", "text", "note") and not cur.credits_blocks:
                cur.credits_blocks.append(b)
                cur.origin = "photo"
                close()
            elif cur is not None and cur.origin in ("dateline", "byline", "headline") and cur.body and not cur.closed:
                # a photo caption printed at the end of an article: split its last paragraph off
                last = cur.body[-1]
                if len(cur.body) > 1 and len(last.text) <= SHORT_ITEM_CHARS and clean.ends_sentence(cur.body[-2].text):
                    cur.body.pop()
                    close()
                    cur = Item(page, "photo", body=[last], credits_blocks=[b])
                    close()
                else:
                    close()
                    page_level([b], "credit")
            else:
                close()
                page_level([b], "credit")
        elif b.kind == "note":
            if cur is not None and cur.origin == "note" and not clean.ends_sentence(cur.body[-1].text):
                cur.body.append(b)
            else:
                close()
                cur = Item(page, "note", body=[b])
        elif b.kind == "photo":
            close()
            cur = Item(page, "photo", body=[b])
        else:  # text
            if cur is not None and cur.origin in ("dateline", "byline", "headline", "continued") and not cur.closed:
                cur.body.append(b)
            elif cur is not None and cur.origin in ("photo", "note", "text") and cur.body \
                    and not clean.ends_sentence(cur.body[-1].text):
                cur.body.append(b)
            elif cur is not None and cur.origin == "text" and layout == "after" and not cur.closed \
                    and (cur.article or cur.text_len() >= SHORT_ITEM_CHARS):
                cur.body.append(b)
            else:
                close()
                cur = Item(page, "text", body=[b], article=layout == "after" and _headline_ahead(groups, gi))
        if layout == "before" and cur is not None and cur.body and cur.body[-1] is b and continues_elsewhere(b.text):
            close()                                 # …（下转第2版）: the article goes on on another page
        _prev_block[0] = g[-1]
    close()
    return items, page_text


# ---------------------------------------------------------------- items -> rows

_INDENT = re.compile(r"^(?:\u3000|\s{2,})")


_LIST_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])")
_LIST_FIRST = frozenset("一二三四五六七八九十（(")


def _block_paragraphs(b: Block, start: int = 0, stop: int | None = None) -> str:
    """A block's text from ``start`` to ``stop`` with ``\\n`` where a paragraph ends.

    A paragraph ends after a line that ends a sentence and is clearly shorter
    than its neighbours, before a line indented with spaces, and before a line
    that opens with a Chinese list number (二、, （三）) after one that ends a sentence.

    >>> _block_paragraphs(make_block([(1, "　　全会认为，过去一年取得新成效。"), (2, "二、科学部署今年任务"), (3, "　　全会强调，要稳中求进。")]))
    '全会认为，过去一年取得新成效。\\n二、科学部署今年任务\\n全会强调，要稳中求进。'
    """
    text = b.text
    stop = len(text) if stop is None else stop
    bounds = [0, *b.breaks, len(text)]
    sizes = [bounds[k + 1] - bounds[k] for k in range(len(bounds) - 1)]
    cut_after = set()
    for k in range(len(sizes) - 1):
        width = max(sizes[k - 1] if k > 0 else 0, sizes[k + 1])
        # cheap tests first: a short line, a line starting with a space
        if sizes[k] < 0.8 * width and clean.ends_sentence(text[bounds[k]:bounds[k + 1]]):
            cut_after.add(bounds[k + 1])
        nxt = b.lines[k + 1][1]
        if nxt[:1].isspace() and _INDENT.match(nxt):
            cut_after.add(bounds[k + 1])
        elif nxt[:1] in _LIST_FIRST and _LIST_NUMBER.match(nxt) and clean.ends_sentence(text[bounds[k]:bounds[k + 1]]):
            cut_after.add(bounds[k + 1])            # …成效。 / 二、科学部署今年任务: a numbered part opens
    cuts = sorted(c for c in cut_after if start < c < stop)
    pieces, prev = [], start
    for c in cuts:
        pieces.append(text[prev:c])
        prev = c
    pieces.append(text[prev:stop])
    return "\n".join(pieces)


def _join_blocks(parts: list[tuple[Block, str]]) -> str:
    body = ""
    prev_kind = None
    for b, piece in parts:
        if not piece:
            continue
        if body:
            last = body.rstrip("\n")
            brk = clean.ends_sentence(last) or b.kind == "intertitle" or prev_kind == "intertitle"
            body = last + ("\n" if brk else "")
        body += piece
        prev_kind = b.kind
    return body.strip("\n")


def finalize(item: Item, page_photographers: list[str], unwrapped: bool = False) -> dict:
    """Turn an assembled item into a row: kind, headline, credits, body, provenance (``unwrapped``: its page
    prints a paragraph a line, ``unwrapped_page``)."""
    credits = Credits()
    dateline = byline = credit = None
    lead = ""
    body_parts: list[tuple[Block, str]] = []
    blocks = list(item.body)
    brief = bool(blocks) and bool(opens_brief(blocks[0].text)) and _under_brief_label(item)
    # a web page's line of facts first (发布时间：… 来源：…): the dateline or byline under it is the item's too
    under_facts = bool(blocks) and blocks[0].dateline is not None and blocks[0].dateline.web
    for k, b in enumerate(blocks):
        start, stop = 0, None
        if k == 0 and b.kind == "text" and brief:
            start = lead_title(b)                   # ■市政协召开主席会议　近日，…: the item's own title
            lead = b.text[:start]
        elif (k == 0 or k == 1 and under_facts) and b.kind == "dateline" and b.dateline is not None:
            this = b.text[:b.dateline.end]
            if b.dateline.text.replace(" ", "") == this.replace(" ", ""):
                this = b.dateline.text              # as printed where it keeps spaces (发布时间：2024-03-05 08:30)
            dateline = (dateline + " " if dateline else "") + this
            credits.add(b.dateline.credits)
            start = b.dateline.end
        elif (k == 0 or k == 1 and under_facts) and b.kind == "byline":
            byline = b.text[:b.byline_end]
            if b.credits:
                credits.add(b.credits)
            start = b.byline_end
        if k == len(blocks) - 1:
            seg = b.text[start:]
            found = bylines.find_credit(b.text, b.gaps)
            if found is not None and found[0] >= start:
                stop = found[0]
                credit = b.text[found[0]:]
                credits.photographers.extend(n for n in found[1].photographers if n not in credits.photographers)
            elif seg and item.origin not in ("photo", "note"):     # text too: ■近日，…。（通讯员 某某）
                found = bylines.parse_trailing_author(b.text, b.gaps)
                if found is not None and found[0] > start:
                    stop = found[0]
                    byline = (byline + " " if byline else "") + b.text[found[0]:]
                    credits.add(found[1])
        body_parts.append((b, _block_paragraphs(b, start, stop)))
    for cb in item.credits_blocks:
        credit = (credit + " " if credit else "") + cb.text
        if cb.credits:
            credits.photographers.extend(n for n in cb.credits.photographers if n not in credits.photographers)
    body = _join_blocks(body_parts)
    if any(h.size for h in item.heads):             # type sizes known: a title a block, the largest the headline
        titles = [clean.undouble(h.text) for h in item.heads]
        main = max(range(len(titles)), key=lambda k: item.heads[k].size)
        heads = [titles[main], *titles[:main], *titles[main + 1:]]
    else:
        bold = any(clean.by_character(h.text) and clean.undouble(h.text) != h.text for h in item.heads)
        heads = [line for h in item.heads for line in title_lines(h, bold, unwrapped)]   # 林林涛涛 under a bold title
    kind = "brief" if brief else _kind(item, dateline, byline, credit, body, heads, page_photographers)
    if kind == "photo" and not credits.photographers:
        credits.photographers.extend(page_photographers)
    all_lines = [no for b in item.blocks() for no, _ in b.lines]
    if lead:
        heads.append(lead[1:])
    return {
        "page": item.page,
        "kind": kind,
        "headline": heads[0] if heads else None,
        "subheadline": "\n".join(heads[1:]) or None,
        "headline_raw": "\n".join([h.text for h in item.heads] + ([lead] if lead else [])) or None,
        "dateline": dateline,
        "byline": byline,
        "credit": credit,
        "reporters": credits.reporters,
        "correspondents": credits.correspondents,
        "photographers": credits.photographers,
        "body": body,
        "start_line": min(all_lines),
        "end_line": max(all_lines),
        "dateline_month_day": blocks[0].dateline.month_day if blocks and blocks[0].dateline else None,
    }


def title_lines(b: Block, bold: bool = False, unwrapped: bool = False) -> list[str]:
    """A headline block's title lines (引题, 主题, 副题, an author's name), restored from bold doubling.

    Lines wrapped from one title fill the block's width; a line clearly shorter
    than the widest one ends a title. Whatever the widths, a line opening with
    a dash (——) is a title of its own (副题), so is the line after a photo
    marker (（图片）, （附图片1张）) or after a bracket that closes a line
    (（中国画）, （3月5日20时—6日20时）) unless it opens with one, and a last line that holds person names
    alone (by the name model: ``names.find_names``), bracketed or not, is the
    author's. ``bold``: the item's other titles are printed bold by character
    (``clean.undouble``). ``unwrapped``: the page prints a paragraph a line
    (``unwrapped_page``), so nothing wraps a title either: each line is one.

    >>> title_lines(make_block([(1, "市长会见客商代表"), (2, "希望在互利共赢的基础上加快"), (3, "推进合作项目")]))
    ['市长会见客商代表', '希望在互利共赢的基础上加快推进合作项目']
    >>> title_lines(make_block([(1, "企业要练好内功"), (2, "林涛")]))
    ['企业要练好内功', '林涛']
    >>> title_lines(make_block([(1, "让绿水青山"), (2, "——记某县护林员")]))
    ['让绿水青山', '——记某县护林员']
    >>> block = make_block([(1, "全县春耕生产工作会议召开"), (2, "孔德昌出席并讲话")])
    >>> title_lines(block), title_lines(block, unwrapped=True)
    (['全县春耕生产工作会议召开孔德昌出席并讲话'], ['全县春耕生产工作会议召开', '孔德昌出席并讲话'])
    """
    text = clean.undouble(b.text, bold)
    if len(b.lines) < 2:
        return [text] if text else []
    if unwrapped:
        return [t for _, raw in b.lines if (t := clean.undouble(clean.clean_line(raw), bold))]
    scale = 2 if text != b.text else 1
    widths = [w / scale for w in b.widths]
    widest = max(widths)
    cuts, pos = set(), 0.0
    starts = [0]
    for k, w in enumerate(widths[:-1]):
        pos += w
        starts.append(round(pos))
        if w <= 0.8 * widest:
            cuts.add(round(pos))
    starts.append(len(text))
    for k in range(1, len(starts) - 1):
        prev, line = text[starts[k - 1]:starts[k]], text[starts[k]:starts[k + 1]]
        if (_DASH_LED.match(line) and not prev.endswith(_DASHES)) or _PHOTO_HEAD.search(prev) \
                or (_BRACKET_END.search(prev) and line[:1] not in "（("):
            cuts.add(starts[k])                 # ——记某县护林员 under its title; a title after 某某（附图片1张）, 某某（国画）
    if len(text) - starts[-2] and starts[-2] >= 4 and _names_alone(text, starts[-2]):
        cuts.add(starts[-2])                    # 企业要练好内功 / 林涛, 归山望月 / （李金山）
    out, prev = [], 0
    for c in sorted(cuts):
        if prev < c < len(text):
            out.append(text[prev:c])
            prev = c
    out.append(text[prev:])
    return [t for t in out if t]


_DASHES = ("—", "―", "－", "-")
_BRACKET_END = re.compile(r"[（(][^（()）]*[）)]$")
_DASH_LED = re.compile(r"(?:[—―]|－－|--)")
_BRACKETED = re.compile(r"[（(](.+)[）)]")
_MADE_BY = re.compile(r"(?:作|摄|绘|画|文|撰|供图|摄影)$")


def _names_alone(text: str, at: int) -> bool:
    """Whether ``text[at:]``, the last line of a title block, holds person names alone: names the name
    model finds in the whole title and that fill the line (bracketed, and with a verb of making after them, as
    （李金山）, （张某作）), with nothing but separators between them; the name model's, so that the end of a
    title a column wrapped (…发表 / 谈话) is none.

    >>> _names_alone("企业要练好内功林涛", 7), _names_alone("苏丹总统强调实现全国和解", 9)
    (True, False)
    """
    line = text[at:]
    m = _BRACKETED.fullmatch(line)
    start, end = (at + 1, len(text) - 1) if m else (at, len(text))
    if m and (made := _MADE_BY.search(m.group(1))) and end - len(made.group()) - start >= 2:
        end -= len(made.group())
    if not 2 <= end - start <= 16 or not any(map(bylines.looks_like_name, bylines.split_names(text[start:end]))):
        return False                            # the cheap test first: no name's shape, no name
    from . import names

    try:
        found = names.find_names(text)
    except FileNotFoundError:                   # no name model: a name's shape alone
        return all(map(bylines.looks_like_name, bylines.split_names(text[start:end])))
    covered = start
    for s, e, _ in found:
        if e <= start:
            continue
        if s < covered or _NAME_SEPARATORS.sub("", text[covered:s]):
            return False
        covered = e
    return covered == end


_NAME_SEPARATORS = re.compile(r"[\s、，,·]")


def _kind(item, dateline, byline, credit, body, heads, page_photographers) -> str:
    if item.origin == "dateline" or (item.origin == "headline" and dateline):
        return "news"
    if item.origin == "byline":
        return "feature"
    if item.origin == "note":
        return "caption"
    if item.origin == "continued":                  # an article's part from another page, not joined to it
        return "news" if clean.visible_len(body) >= 40 else "caption"
    if item.origin == "photo" or credit:
        return "photo"
    n = clean.visible_len(body)
    if heads:
        return "news" if n >= 40 else "caption"
    if n > SHORT_ITEM_CHARS:
        return "feature"
    return "photo" if page_photographers else "caption"


UNWRAPPED_WIDTH = 40    # no newspaper column is so wide: a line this long holds a paragraph
_SENTENCE_END = re.compile(r"[。！？!?…；;”」』）)]\s*$")


def unwrapped_page(blocks: list[Block]) -> bool:
    """Whether a page prints a paragraph a line (text copied from a web page, or a tool that joins a
    paragraph's lines): of its lines that hold a comma or a sentence's end, three or more, three in four end
    a sentence (wrapped lines end inside one) and the longest is ``UNWRAPPED_WIDTH`` characters or longer.

    >>> lead = "本报讯 今天，全县召开春耕生产工作会议，总结去年农业农村工作，部署今年的春耕生产。"
    >>> unwrapped_page([make_block([(1, lead)] + [(k, "会议要求，各乡镇抓好落实。") for k in range(2, 4)])])
    True
    >>> unwrapped_page([make_block([(k, "本报讯 今天，全县召开春耕") for k in range(1, 6)])])
    False
    """
    lines = [raw.strip() for b in blocks for _, raw in b.lines if _CAPTION_MARKS.search(raw)]
    return len(lines) >= 3 and max(map(len, lines)) >= UNWRAPPED_WIDTH \
        and 4 * sum(1 for t in lines if _SENTENCE_END.search(t)) >= 3 * len(lines)


def finalize_page_text(pt: PageText) -> dict:
    """A page title (with subtitle), page-wide credit or page header as a row."""
    texts = [t for b in pt.blocks for t in (title_lines(b) if b.titles else [clean.undouble(b.text)])]
    all_lines = [no for b in pt.blocks for no, _ in b.lines]
    row = {
        "page": pt.page, "kind": pt.kind, "headline": None, "subheadline": None, "headline_raw": None,
        "dateline": None, "byline": None, "credit": None, "reporters": [], "correspondents": [],
        "photographers": [], "body": "", "start_line": min(all_lines), "end_line": max(all_lines),
        "dateline_month_day": None,
    }
    if pt.kind == "page_title":
        row["headline"] = texts[0]
        row["subheadline"] = "\n".join(texts[1:]) or None
        row["headline_raw"] = "\n".join(b.text for b in pt.blocks)
    elif pt.kind == "credit":
        row["credit"] = " ".join(b.text for b in pt.blocks)
        for b in pt.blocks:
            if b.credits:
                row["photographers"].extend(n for n in b.credits.photographers if n not in row["photographers"])
    else:
        row["body"] = "\n".join(texts)
    return row


def rule_blocks(pages) -> tuple[list[list[Block]], str, dict]:
    """Every page of an issue cut into classified blocks, the layout and its evidence."""
    pages_blocks = [split_blocks(p.lines) for p in pages]
    layout, evidence = detect_layout(pages_blocks)
    rate = dateline_rate(pages_blocks)
    evidence["dateline_rate"] = round(rate, 2)
    evidence["layout"] = layout
    return pages_blocks, layout, evidence


def labelled_items(page: int, lines: list[tuple[int, str]], labels: dict[int, str],
                   blocks: list[Block], layout: str, sizes: dict[int, float] | None = None
                   ) -> tuple[list[Item], list[PageText]]:
    """Assemble a page's items from the line labeller's labels (``lines.LABELS``).

    An item starts at each ``HS`` or ``BS`` line and runs to the next; its
    headline lines (``HS``/``HT``/``HC``) are its headline block, split into
    title lines by their widths (``title_lines``: the labeller's own title
    starts fit the corpus it learnt from but not papers that wrap titles
    narrower), its other lines are cut into blocks and classified as the
    rules do (datelines, bylines, credits, photo markers). ``X`` lines are
    page headers (or page titles). What the rules know for certain stays: a
    page-wide photo credit is page-level text, and a title at the top of a
    page is the page's title when the page-title list holds it or when, with
    headlines after their articles, there is no article before it to close
    and the labeller does not start an article's text with it (春天来了！);
    titles alone after a page-wide credit are the page's title too. Where
    ``sizes`` gives each line's type size (PDF), a title is a run of lines of
    one size, and the largest title is the headline (``finalize``).
    """
    block_at = {no: b for b in blocks for no, _ in b.lines}          # every labelled line is in a block
    titles = lexicons.words("page_titles")
    groups: list[list[tuple[int, str, str]]] = []
    headers: list[list[tuple[int, str]]] = []
    credits: list[list[tuple[int, str]]] = []
    for no, raw in lines:
        lab = labels.get(no)
        if lab is None:
            continue
        if block_at[no].kind == "page_credit":
            if credits and credits[-1][-1][0] == no - 1:
                credits[-1].append((no, raw))
            else:
                credits.append([(no, raw)])
            continue
        if lab == "X":
            if headers and headers[-1][-1][0] == no - 1 and block_at[no] is block_at[no - 1]:
                headers[-1].append((no, raw))
            else:
                headers.append([(no, raw)])
            continue
        if lab in ("HS", "BS") or not groups:
            groups.append([])
        groups[-1].append((no, raw, lab))
    items: list[Item] = []
    page_text: list[PageText] = []
    for h in headers:                                  # a header (第3版, 某某日报 …) or else the page's title
        b = classify(make_block(h))
        header = b.kind == "page_header" or block_at[h[0][0]].kind == "page_header"    # 滨江日报 at the top
        page_text.append(PageText(page, "page_header" if header else "page_title", [b]))
    page_text += [PageText(page, "credit", [classify(make_block(c))]) for c in credits]
    for gi, g in enumerate(groups):
        if gi == 0:
            # a page title at the top of the page (one block of one line), whatever the labeller made of it but
            # the start of an article's text (headlines after: 春天来了！, an article's first paragraph)
            top = [(no, raw) for no, raw, _ in g if block_at[no] is block_at[g[0][0]]]
            title = clean.undouble(clean.clean_line(top[0][1]))
            if len(top) > 1 and title in titles and len(g) > 1 and g[0][2] in ("HS", "HT", "HC") \
                    and g[1][2] in ("HT", "HC"):
                top = top[:1]                       # 要闻 over an article's title with no blank line between
            if len(top) == 1 and (title in titles or layout == "after" and block_at[top[0][0]].head
                                  and g[0][2] != "BS"):
                b = make_block(top)
                b.kind, b.head = "text", True
                page_text.append(PageText(page, "page_title", [b]))
                g = g[1:]
                if not g:
                    continue
        heads: list[tuple[int, str]] = []
        body: list[tuple[int, str]] = []
        for no, raw, lab in g:
            if lab in ("HS", "HT", "HC"):
                heads.append((no, raw))
            else:
                body.append((no, raw))
        runs: list[list[tuple[int, str]]] = []              # a blank line between title lines ends a title
        for no, raw in heads:
            if runs and runs[-1][-1][0] == no - 1 and (sizes is None or sizes.get(no) == sizes.get(no - 1)):
                runs[-1].append((no, raw))
            else:
                runs.append([(no, raw)])
        head_blocks = [make_block(r) for r in runs]
        for h, r in zip(head_blocks, runs):
            h.kind, h.head, h.titles = "text", True, sizes is None
            if sizes is not None:
                h.size = max(sizes.get(no, 0.0) for no, _ in r)
        if credits and credits[-1][-1][0] < g[0][0] and all(block_at[no].head for no, _, _ in g):
            # titles alone after a page-wide credit: the page's title, a title a block as the rules cut them
            by_block: dict[int, list[tuple[int, str]]] = {}
            for no, raw, _ in g:
                by_block.setdefault(id(block_at[no]), []).append((no, raw))
            page_text.append(PageText(page, "page_title", [make_block(r) for r in by_block.values()]))
            continue
        body_blocks = _body_blocks(body, block_at)
        it = Item(page, "headline" if head_blocks else "text", heads=head_blocks, body=body_blocks, closed=True)
        if body_blocks:
            first = body_blocks[0].kind
            if first in ("dateline", "byline", "photo", "note", "continued"):
                it.origin = first
            if len(body_blocks) > 1 and body_blocks[-1].kind == "credit":
                it.credits_blocks.append(body_blocks.pop())
                if it.origin in ("text", "headline"):
                    it.origin = "photo"
            elif it.origin in ("text", "headline") and bylines.find_credit(body_blocks[-1].text, body_blocks[-1].gaps):
                it.origin = "photo"
        items.append(it)
    return items, page_text


def _body_blocks(body: list[tuple[int, str]], block_at: dict[int, Block]) -> list[Block]:
    """An item's body lines as blocks: the page's own blocks where the item holds them whole, else the part
    it holds, cut and classified anew."""
    runs: list[list[tuple[int, str]]] = []
    for no, raw in body:
        if runs and block_at[runs[-1][-1][0]] is block_at[no]:
            runs[-1].append((no, raw))
        else:
            runs.append([(no, raw)])
    out = []
    for run in runs:
        whole = block_at[run[0][0]]
        out.append(whole if len(run) == len(whole.lines) else classify(make_block(run)))
    return out


def segment_pages(pages, labeller=None, *, sizes=None) -> tuple[list[dict], dict]:
    """Segment every page of an issue; returns rows in reading order and layout evidence.

    Items are found from each line's label, by the line labeller
    (``lines.labeller()``, or ``labeller``) where its model is present, else
    by the rules alone (``assemble``). A PDF labels its own lines from their
    type sizes (``labeller``: a ``pdf.PdfIssue``, with ``sizes``, each line's
    type size); its titles are read where they are printed, above their text.
    """
    from . import lines as line_labeller

    pages, numbers, side_by_side = _as_read(pages) if sizes is None else (pages, {}, [])
    pages_blocks, layout, evidence = rule_blocks(pages)
    evidence["column_pages"] = side_by_side
    if sizes is not None:
        layout = evidence["layout"] = "before"
    if (labeller := labeller or line_labeller.labeller()) is not None:
        labels = labeller.label_issue(pages_blocks, layout)
        assembled = [labelled_items(page.number, page.lines, page_labels, blocks, layout, sizes)
                     for page, blocks, page_labels in zip(pages, pages_blocks, labels)]
        evidence["segmentation"] = "type sizes" if sizes is not None else "line labeller"
    else:
        strict = evidence["dateline_rate"] >= 0.6
        assembled = [assemble(page.number, blocks, layout, strict=strict) for page, blocks in zip(pages, pages_blocks)]
        evidence["segmentation"] = "rules"
    rows: list[dict] = []
    for page, blocks, (items, page_text) in zip(pages, pages_blocks, assembled):
        photographers: list[str] = []
        for pt in page_text:
            if pt.kind == "credit" and len(pt.blocks) == 1 and pt.blocks[0].kind == "page_credit":
                photographers.extend(pt.blocks[0].credits.photographers)
        unwrapped = unwrapped_page(blocks)
        page_rows = [finalize(it, photographers, unwrapped) for it in items] + [finalize_page_text(pt) for pt in page_text]
        title = next((r["headline"] for r in page_rows if r["kind"] == "page_title"), None)
        for r in sorted(page_rows, key=lambda r: r["start_line"]):
            r["page_title"] = title
            rows.append(r)
    for r in rows if numbers else []:                  # pages read again: the file's line numbers, the
        if (page := numbers.get(r["page"])) is not None:                                # first and the last
            span = [page.get(k, k) for k in range(r["start_line"], r["end_line"] + 1)]  # of the lines it takes
            r["start_line"], r["end_line"] = min(span), max(span)
    return join_jumps(rows), evidence


_RENUMBERED = 10_000_000    # lines of a page read in another order are numbered from its number times this


def _as_read(pages) -> tuple[list, dict[int, dict[int, int]], list[int]]:
    """The pages with columns printed side by side read one after the other (``read.unstack_columns``) and
    the blank line that double-spaced text puts after every line dropped (``read.single_spaced``), their
    lines numbered on as if they had been printed so (the blank lines the rules and the labeller count are
    those left: from the page's first line, or where a page's columns give it more lines than it has, from
    its number times ``_RENUMBERED``, clear of every other page's), for each page so renumbered the
    file's number of each line, and the numbers of the pages read column by column."""
    out, numbers, side_by_side = [], {}, []
    for p in pages:
        unstacked = read.unstack_columns(p.lines)
        if unstacked is not p.lines:
            side_by_side.append(p.number)
        kept = read.single_spaced(unstacked)
        if kept is p.lines or kept == p.lines:
            out.append(p)
            continue
        first = p.lines[0][0] if len(kept) <= len(p.lines) else _RENUMBERED * p.number
        numbers[p.number] = {first + k: no for k, (no, _) in enumerate(kept)}
        out.append(read.Page(p.number, [(first + k, raw) for k, (_, raw) in enumerate(kept)], source=p.source))
    return out, numbers, side_by_side
