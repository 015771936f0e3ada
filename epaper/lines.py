"""The line labeller: which lines of a page start an item, which are headlines.

The segmentation rules (``segment``) are exact where the text says what a line
is (a dateline, a byline, a photo credit or caption marker, a page header) but
have to guess where it does not: whether a short line is a headline or a
paragraph's end, whether a sentence ends an article or one of its paragraphs.
Those guesses are learnt here, the way GROBID segments scholarly PDFs: a
linear-chain CRF over the lines of a page labels each

- ``HS`` a headline line that starts an item (headlines printed before their articles, or an item that is a
  headline alone), ``HT`` another title line (引题/主题/副题, or the headline of an article whose headline
  follows it), ``HC`` a headline line continuing a title;
- ``BS`` a body line that starts an item, ``B`` any other body line;
- ``X`` a page header or page title;

from features of the line and its neighbours: its length against its column's
width (and whether it is two characters short, the paragraph indent that PDF
text loses, or opens with spaces), whether the column narrows or widens there
(articles set in columns of their own), what it starts and ends with (a list
number, an author or a source in brackets closing a brief, （李文）, （本报专电）,
a time near its start as a news lead opens, 3月4日, 日前, or a word that goes on
with the text before, 会议强调, 他说, 此外), blank lines around it and how
often the page puts blank lines after paragraphs, its position on the page,
whether it is bold (printed twice) or letter-spaced, how much it shares with
the lines before and after it (a headline echoes its article's lead), whether
the text from it on turns to another subject than the text before it (the pairs
of characters they share, the commonest characters of ``common_chars.txt`` left
out: a new item seldom goes on with the words of the one before), whether
the page-title list holds it, and what the rules made of it (the kind of its
block, whether it is headline-shaped, whether the rules open an item there: a
dateline, byline, photo marker, note, caption); and some of these in pairs
(what a line ends with and how full it is, what the next one opens with).

Lines are labelled in *units* (``page_units``): a paragraph's first line, then
the lines that run on from a full line of the column without a paragraph end.
What the exact rules know is imposed on the decoding (``constraints``): a
dateline, byline, note, photo marker or caption opens an item (a caption's block
may begin with a title: its own where headlines come first, the item before's where
they follow their items; where headlines come first a caption may also continue an
article), a page header is ``X``, a credit belongs to its
caption, no headline holds a full stop, a unit that closes a bracket the unit before it left open
continues it (``python -m epaper.segment_eval --audit`` checks each rule against true labels).

Trained on People's Daily building days rendered ten times in every layout
family, a layout drawn per page (``render.render_issue_labelled``; six renderings
did better than three, ten as well as six): ``python -m epaper.lines train``. There is
one model for each layout the rules detect (headlines before or after their
articles), ``data/models/line_labels_{before,after}.crfsuite``, each trained on
the pages of the files detected so (rightly or not), and for each one for pages
without a blank line (``unspaced``: ``line_labels_{before,after}_unspaced.crfsuite``,
trained on the same renderings with every blank line dropped). Decoding does not use
python-crfsuite: the models' weights are read once into arrays, every page of an
issue is scored at once (the weight rows of each unit's feature values summed in
compiled code), and a compiled Viterbi finds the best labels (``Labeller``);
python-crfsuite only trains (and is the reference in the tests). Feature values
are computed a template at a time as arrays of indices into ``VALUES``, for
every page of an issue at once (``issue_columns``); the echo of character pairs
is compiled too (``_echoes``).
"""
from __future__ import annotations

import bisect
import operator
import os
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import numpy as np

from . import bylines, clean, lexicons, paths, segment
from .tagger import _compile                            # numba's njit (cached, without the GIL) where installed


UNSPACED = "-unspaced"
MODELS = {"before": paths.MODELS / "line_labels_before.crfsuite",   # one model for each layout the rules detect
          "after": paths.MODELS / "line_labels_after.crfsuite",
          # and for each, one for pages without a blank line (``unspaced``), as PDF libraries print text
          "before" + UNSPACED: paths.MODELS / "line_labels_before_unspaced.crfsuite",
          "after" + UNSPACED: paths.MODELS / "line_labels_after_unspaced.crfsuite"}
LABELS = ("HS", "HT", "HC", "BS", "B", "X")
BUILD_DAYS = ("19980101", "19980121")

_NUMBERED = re.compile(r"^(?:(?P<d>[0-9]{1,2})(?:[、．]|\.(?![0-9]))|(?P<c>[一二三四五六七八九十]{1,3})、"
                       r"|[（(](?P<p>[0-9一二三四五六七八九十]{1,3})[）)]|(?P<o>[①-⑳]))")


def list_number(text: str) -> tuple[str, int] | None:
    """The list number a cleaned text opens with (``_NUMBERED``), as its style and its value (None: none).

    >>> list_number("2、新春走基层"), list_number("（十二）节日市场"), list_number("③通知"), list_number("2012年")
    (('d、', 2), ('p', 12), ('o', 3), None)
    """
    m = _NUMBERED.match(text)
    if m is None:
        return None
    if m["o"]:
        return "o", ord(m["o"]) - ord("①") + 1
    style, num = ("d" + m[0][-1], m["d"]) if m["d"] else ("c", m["c"]) if m["c"] else ("p", m["p"])
    value = clean.cn_number(num)
    return None if value is None else (style, value)


def continues_list(texts: list[str]) -> list[bool]:
    """For each of a page's texts, whether its list number goes on a list a text before it opened (2、 after
    1、, （三） after （二）: the next number, in the same style).

    >>> continues_list(["1、甲", "乙", "2、丙", "4、丁", "二、戊", "十一、己", "十二、庚"])
    [False, False, True, False, False, False, True]
    """
    out, seen = [], set()
    for t in texts:
        n = list_number(t)
        out.append(n is not None and (n[0], n[1] - 1) in seen)
        seen.add(n)
    return out


_PHOTO_HEAD = re.compile(r"[（(]附?图片[0-9一二三四五六七八九十]*张?[）)]$")
_CLASSES = {}
for _chars, _name in (("。！？!?…；;", "E"), ("，、,", "C"), ("：:", "K"), ("）)】]", "R"), ("（(【[", "O"),
                      ("“‘「『《〈\"", "Q"), ("”’」』》〉", "q"), ("0123456789", "D"), ("—-－", "-"), ("·•●■□◎◇◆○", "M")):
    for _c in _chars:
        _CLASSES[_c] = _name


def char_class(ch: str) -> str:
    """A character's class for the features: E sentence end, C comma, K colon, R/O closing/opening bracket,
    Q/q opening/closing quote, D digit, L Latin, H Chinese, M a bullet, P other.

    >>> [char_class(c) for c in "。，甲1a（"]
    ['E', 'C', 'H', 'D', 'L', 'O']
    """
    if not ch:
        return "_"
    c = _CLASSES.get(ch)
    if c:
        return c
    if "\u4e00" <= ch <= "\u9fff":
        return "H"
    if ch.isascii() and ch.isalpha():
        return "L"
    return "P"


_BUCKETS = [str(b) for b in (1, 2, 3, 4, 6, 6, 8, 8, 10, 10, 12, 12, 15, 15, 15, 19, 19, 19, 19, 24, 24, 24, 24, 24,
                             30, 30, 30, 30, 30, 30, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40)]


def _bucket(n: int) -> str:
    return _BUCKETS[n - 1] if 0 < n <= 40 else ("0" if n <= 0 else "41" if n <= 60 else "61" if n <= 120 else "121")


def _relative(n: int, width: int) -> str:
    if not width:
        return "?"
    if abs(n - width) <= 1:
        return "full"
    if n > width:
        return "over" if n < 1.6 * width else "wide"
    q = n / width
    return "9" if q >= 0.9 else "7" if q >= 0.7 else "5" if q >= 0.5 else "3" if q >= 0.3 else "0"


# Templates whose values are computed as arrays: each value is an index into the template's strings.
_CLASS_NAMES = ("_", "E", "C", "K", "R", "O", "Q", "q", "D", "-", "M", "H", "L", "P")
_CLASS_CODE = np.full(0x10000 + 2, _CLASS_NAMES.index("P"), dtype=np.int64)   # a code point's class
_CLASS_CODE[0x10000] = 0                                                       # no character
_CLASS_CODE[0x4E00:0xA000] = _CLASS_NAMES.index("H")
_CLASS_CODE[[ord(c) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"]] = _CLASS_NAMES.index("L")
for _c, _name in _CLASSES.items():
    _CLASS_CODE[ord(_c)] = _CLASS_NAMES.index(_name)
_LEN_TOP = 121
_LEN_VALUES = tuple(dict.fromkeys(_bucket(x) for x in range(_LEN_TOP + 1)))
_LEN_INDEX = np.array([_LEN_VALUES.index(_bucket(x)) for x in range(_LEN_TOP + 1)])
_REL_VALUES = ("?", "full", "over", "wide", "9", "7", "5", "3", "0")
_NC = len(_CLASS_NAMES)
VALUES = {
    "n": _LEN_VALUES, "T": _LEN_VALUES, "nl": tuple("012345"), "r": _REL_VALUES, "r0": _REL_VALUES,
    "e": _CLASS_NAMES, "f": _CLASS_NAMES, "bb": tuple("012"), "ba": tuple("012"), "pos": ("first", "mid", "last"),
    "dp": ("=", "<", ">"),
    "pe": tuple(a + b + c for a in _CLASS_NAMES for b in "01" for c in _CLASS_NAMES),
    "eba": tuple(a + b for a in _CLASS_NAMES for b in "01"),
    "pgb": tuple(a + b + c for a in "0123" for b in "01" for c in "01"),
}
_KINDS = ("text", "dateline", "byline", "credit", "page_credit", "page_header", "note", "photo", "intertitle", "continued")
_SHARE_VALUES = ("-", "0", "1", "2", "3")      # no echo taken, or the share of pairs echoed in four steps
VALUES.update({
    "kb": tuple(k + h + s for k in _KINDS for h in ("", "+") for s in ("", "^")),    # block kind, head, start
    "dbl": ("0", "1"), "sp": ("0", "1"), "pt": ("0", "1"), "ta": ("0", "1", "2"),
    "op": ("", "d", "b", "n", "p", "c", "j", "r"),                                    # ``opening``
    "cm": tuple(a + b + c for a in ("", "。") for b in ("", "，") for c in ("", "p")),   # 。 before the end, ，, 图片
    "sa": _SHARE_VALUES, "sb": _SHARE_VALUES,                                        # echo after it, before it
    "ab": tuple(a + b for a in _SHARE_VALUES for b in _SHARE_VALUES),                # both
    "sw": tuple(a + b for a in _SHARE_VALUES for b in _SHARE_VALUES),                # both, further on
    "wc": ("?", "=", "<", ">"),                        # the column keeps, narrows or widens its width
    "gap": ("?", "-", "0", "1", "2", "3", "4", "5+"),  # the column's width less the unit's first line
    "ind": ("0", "1", "2"),                            # spaces opening the unit's first raw line
    "nm": ("0", "1", "2"),          # a name alone (an author under a title), or after a post or organisation
    "en": ("0", "1"),                                  # opens with a list number: 一、 2. （三） ①
    "ld": ("0", "1"),                                  # a paragraph opening as a news lead: its time first
    "co": _SHARE_VALUES,                               # what the text from it on shares with the text before
    "cn": ("0", "1"),                                  # a paragraph opening with a word that goes on (会议强调)
})
VALUES.update({                                        # pairs
    "er": tuple(a + b + c for a in _CLASS_NAMES for b in _REL_VALUES for c in "01"),    # e, r, blank after
    "pw": tuple(a + b for a in VALUES["pe"] for b in VALUES["wc"]),                    # pe, wc
    "nx": tuple(a + b + c for a in _CLASS_NAMES for b in "012" for c in _CLASS_NAMES),  # e, ba, the next unit's f
    "gi": tuple(a + b for a in VALUES["gap"] for b in "012"),                          # gap, how often the page
                                                                                       # indents two characters
    "hb": tuple(a + b + c for a in "012" for b in "01" for c in "012"),                # bb, dbl, ba
})
_KIND_CODE = {k: i for i, k in enumerate(_KINDS)}
_LED = ("dateline", "byline")                   # blocks whose text goes on with their item's lead
_OPEN_CODE = {v: i for i, v in enumerate(VALUES["op"])}
_PAIRS = tuple(a + b for a in _CLASS_NAMES for b in _CLASS_NAMES)


def _lengths(x: np.ndarray) -> np.ndarray:
    return _LEN_INDEX[np.clip(x, 0, _LEN_TOP)]


def _relatives(n: np.ndarray, width: np.ndarray) -> np.ndarray:
    """``_relative`` of arrays, as indices into ``_REL_VALUES``."""
    w = np.maximum(width, 1)
    q = n / w
    return np.select([width == 0, np.abs(n - width) <= 1, (n > width) & (n < 1.6 * width), n > width,
                      q >= 0.9, q >= 0.7, q >= 0.5, q >= 0.3], np.arange(8), 8)


def _classes(cps: np.ndarray, starts: np.ndarray, at: int) -> np.ndarray:
    """The class (index into ``_CLASS_NAMES``) of each text's character at ``at`` (-1 last, 0 first, -2), from
    the texts' code points (``_codes``)."""
    need = at + 1 if at >= 0 else -at
    pos = starts[:-1] + at if at >= 0 else starts[1:] + at
    padded = np.append(cps, 0)                              # no text at all: nothing to index
    code = np.where(np.diff(starts) >= need, padded[np.clip(pos, 0, len(cps))], 0x10000)
    return _CLASS_CODE[np.minimum(code, 0x10000 + 1)]


def _codes(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The code points of texts one after another, and where each text starts (and the last ends)."""
    starts = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum([len(t) for t in texts], out=starts[1:])
    return np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32).astype(np.int64), starts


@_compile
def _slot(keys, code):
    """Where ``code`` stands in an open-addressing table of pairs (``keys``, its size a power of two, -1 for
    a free slot), or the free slot where it would go."""
    size = len(keys)
    h = (code * 2654435761) & (size - 1)
    while keys[h] != -1 and keys[h] != code:
        h = (h + 1) & (size - 1)
    return h


@_compile
def _mark_pairs(cps, a, b, prev, keys, found):
    """How many pairs of characters of ``cps[a:b]`` (the first with ``prev`` before it, -1 for none) the
    table ``keys`` holds that ``found`` has not marked yet, marking them; and the last character."""
    hits = 0
    for i in range(a, b):
        c = cps[i]
        if prev >= 0:
            code = prev * 65536 + c
            h = _slot(keys, code)
            if keys[h] == code and not found[h]:
                found[h] = True
                hits += 1
        prev = c
    return hits, prev


@_compile
def _echoes(cps, starts, und, und_starts, which, page_start, page_end, span=60, near=3):
    """How many of a unit's pairs of Chinese characters (once each, other characters left out) the text
    around it holds, in four steps (0 none, 1 under a quarter, 2 under half, 3 more), for the units
    ``which`` marks (-1 for the others and for units without such a pair): after it (the first ``span``
    characters of each of the ``near`` units after it, joined), and before it (the last ``span`` of each
    of the ``near`` units before it), on its page (``page_start``/``page_end``: the first and last unit of
    each unit's page). ``cps``/``starts``: the units' texts (``_codes``); ``und``/``und_starts``: the same
    read once where printed twice."""
    n = len(which)
    after = np.full(n, -1, dtype=np.int64)
    before = np.full(n, -1, dtype=np.int64)
    size = 512
    keys = np.full(size, -1, dtype=np.int64)            # open addressing: the unit's pairs
    found = np.zeros(size, dtype=np.bool_)
    han = np.empty(256, dtype=np.int64)
    mine = np.empty(256, dtype=np.int64)
    for k in range(n):
        if not which[k]:
            continue
        m = 0                                            # the unit's Chinese characters, then its pairs
        for i in range(und_starts[k], und_starts[k + 1]):
            c = und[i]
            if 0x4E00 <= c <= 0x9FFF and m < 256:
                han[m] = c
                m += 1
        p = 0
        for i in range(m - 1):
            code = han[i] * 65536 + han[i + 1]
            h = _slot(keys, code)
            if keys[h] == -1:
                keys[h] = code
                mine[p] = h
                p += 1
        if p == 0:
            continue
        for side in range(2):
            for j in range(p):
                found[mine[j]] = False
            hits = 0
            prev = -1
            lo, hi = (k + 1, min(page_end[k] + 1, k + 1 + near)) if side == 0 else (max(page_start[k], k - near), k)
            for q in range(lo, hi):
                a, b = starts[q], starts[q + 1]
                a, b = (a, min(b, a + span)) if side == 0 else (max(a, b - span), b)
                got, prev = _mark_pairs(cps, a, b, prev, keys, found)
                hits += got
                if hits == p:
                    break
            level = 0 if hits == 0 else 1 if 4 * hits < p else 2 if 2 * hits < p else 3
            if side == 0:
                after[k] = level
            else:
                before[k] = level
        for j in range(p):
            keys[mine[j]] = -1
    return after, before


@_compile
def _shift(cps, starts, common, which, page_start, page_end, ahead=150, behind=300):
    """How much the text from each unit on shares with the text before it on its page, in four steps (0 under
    3%, 1 under 7%, 2 under 15%, 3 more; -1 where ``which`` is false, at a page's first unit, or where the text
    ahead holds fewer than three pairs): the share of the distinct pairs of Chinese characters in the first
    ``ahead`` characters from the unit's start, leaving out pairs with a character ``common`` marks, that the
    last ``behind`` characters before the unit hold. A paragraph or title that opens a new item turns to
    another subject; one inside an article goes on with its words. ``cps``/``starts``: the units' texts
    (``_codes``)."""
    n = len(which)
    out = np.full(n, -1, dtype=np.int64)
    size = 512
    keys = np.full(size, -1, dtype=np.int64)            # open addressing: the pairs ahead
    found = np.zeros(size, dtype=np.bool_)
    mine = np.empty(size, dtype=np.int64)
    for k in range(n):
        if not which[k] or k == page_start[k]:
            continue
        p = 0
        prev = -1
        end = min(starts[page_end[k] + 1], starts[k] + ahead)
        for i in range(starts[k], end):
            c = cps[i]
            if not (0x4E00 <= c <= 0x9FFF) or common[c - 0x4E00]:
                prev = -1
                continue
            if prev >= 0:
                code = prev * 65536 + c
                h = _slot(keys, code)
                if keys[h] == -1:
                    keys[h] = code
                    found[h] = False
                    mine[p] = h
                    p += 1
            prev = c
        if p >= 3:
            hits, _ = _mark_pairs(cps, max(starts[page_start[k]], starts[k] - behind), starts[k], -1, keys, found)
            share = hits / p
            out[k] = 0 if share < 0.03 else 1 if share < 0.07 else 2 if share < 0.15 else 3
        for j in range(p):
            keys[mine[j]] = -1
    return out


@lru_cache(maxsize=None)
def _continuation_words() -> tuple[str, ...]:
    return tuple(lexicons.words("continuation_words"))


@lru_cache(maxsize=None)
def _common_chars() -> np.ndarray:
    """Which of the CJK unified ideographs ``data/lexicons/common_chars.txt`` lists (``_shift``)."""
    out = np.zeros(0x9FFF - 0x4E00 + 1, dtype=np.bool_)
    for c in "".join(lexicons.words("common_chars")):
        if 0x4E00 <= ord(c) <= 0x9FFF:
            out[ord(c) - 0x4E00] = True
    return out


def _width_change(first: np.ndarray, nlines: np.ndarray, page_start=None, page_end=None) -> np.ndarray:
    """Whether the column narrows or widens at each unit (an index into ``VALUES["wc"]``): the width of the
    unit's lines (of the next unit of several lines where it has one line) against that of the last unit of
    several lines before it, on its page (``page_start``/``page_end``: the first and last unit of each unit's
    page; one page by default). Articles set in columns of their own change width where one ends.

    >>> _width_change(np.array([9, 9, 5, 14, 14]), np.array([3, 2, 1, 2, 4])).tolist()
    [0, 1, 3, 3, 1]
    >>> _width_change(np.array([9, 9, 5, 14, 14]), np.array([3, 2, 1, 2, 4]), np.array([0, 0, 2, 2, 2]),
    ...               np.array([1, 1, 4, 4, 4])).tolist()
    [0, 1, 0, 0, 1]
    """
    n = len(first)
    index = np.arange(n)
    if page_start is None:
        page_start, page_end = np.zeros(n, dtype=np.int64), np.full(n, n - 1)
    multi = nlines >= 2
    before = np.maximum.accumulate(np.where(multi, index, -1))
    before = np.append(-1, before[:-1])                     # the last unit of several lines before each
    after = np.minimum.accumulate(np.where(multi, index, n)[::-1])[::-1]
    own = np.where(multi, first, np.where(after <= page_end, first[np.minimum(after, n - 1)], 0))
    prev = np.where(before >= page_start, first[np.maximum(before, 0)], 0)
    return np.select([(own == 0) | (prev == 0), np.abs(own - prev) <= 1, own < prev], [0, 1, 2], 3)


def page_width(widths) -> int:
    """The commonest length of a page's full lines (0 when fewer than three agree).

    >>> page_width([5, 5, 5, 3, 9])
    5
    """
    c = Counter(widths)
    for w in range(4):
        c.pop(w, None)
    if not c:
        return 0
    w, n = max(c.items(), key=_second)                 # the first of the commonest, as Counter.most_common
    return w if n >= 3 else 0


_LINE_CLOSERS = frozenset("）)】")
_QUOTES_CLOSE = frozenset(clean._CLOSERS)
_SENT_END = frozenset(clean._SENTENCE_END)


def _closes_at(text: str, start: int, end: int) -> bool:
    """``segment._closes(text[start:end])``, without the copy."""
    while end > start and text[end - 1].isspace():
        end -= 1
    if end == start:
        return False
    if text[end - 1] in _LINE_CLOSERS:
        return True
    if text[end - 1] in "摄影" and text.endswith(("摄", "摄影"), start, end):    # a credit without brackets
        return bylines.find_credit(clean.clean_line(text[start:end])) is not None
    while end > start and text[end - 1] in _QUOTES_CLOSE:
        end -= 1
    return end > start and text[end - 1] in _SENT_END


class Unit:
    """Lines of a page the labeller labels as one: the first line of a paragraph stands alone (it may be a
    headline as wide as the column); the lines after it run on while each follows a full line of the column's
    width that ends no paragraph, with no blank line between."""

    __slots__ = ("lines", "text", "first_len", "last_len", "block", "block_start", "blanks_before", "raw", "width",
                 "closes", "after_rule")

    def __init__(self, lines, text, first_len, last_len, block, block_start, blanks_before, raw, width, closes,
                 after_rule=""):
        self.lines, self.text, self.first_len, self.last_len = lines, text, first_len, last_len
        self.block, self.block_start, self.blanks_before, self.raw = block, block_start, blanks_before, raw
        self.width, self.closes = width, closes
        self.after_rule = after_rule                # "long" or "editors": a drawn rule (————) or editors'
                                                    # credits (责任编辑：某某) stand right before it


def block_width(widths, page: int) -> int:
    """The column width of a block: the commonest width of its lines but the last where two agree (articles
    are set in columns of their own), else the page's.

    >>> block_width((9, 9, 4), 14), block_width((9, 12, 4), 14)
    (9, 14)
    """
    if len(widths) >= 3:
        counts: dict[int, int] = {}
        for w in widths[:-1]:
            counts[w] = counts.get(w, 0) + 1
        w, n = max(counts.items(), key=_second)        # the first of the commonest, as Counter.most_common
        if n >= 2 and w >= 4:
            return w
    return page


_second = operator.itemgetter(1)


def page_units(blocks) -> list[Unit]:
    """A page's blocks (``segment.split_blocks``) cut into units, in order. A drawn rule between items (————)
    or a line of editors' credits is no unit: it counts as a blank line, and the unit after it is marked
    ``after_rule``; nor is a web page's line of facts under a title (发布时间：…), which counts as nothing."""
    page = page_width([w for b in blocks for w in b.widths if not b.rule])
    units: list[Unit] = []
    prev_last = None
    ruled = ""
    skipped = 0
    for b in blocks:
        if b.rule in ("long", "editors"):
            ruled = ruled or (b.rule if units else "")   # the unit after it starts an item
            continue
        if b.rule == "facts":
            skipped += len(b.lines)
            continue
        text, widths, lines = b.text, b.widths, b.lines
        bounds = (0, *b.breaks, len(text))
        m = len(lines)
        width = block_width(widths, page) if m >= 3 else page
        first_no = lines[0][0]
        numbers = range(first_no, first_no + m) if lines[-1][0] - first_no == m - 1 else [no for no, _ in lines]
        k0 = 0
        blanks = (first_no - prev_last - 1 - skipped) if prev_last is not None else 0
        skipped = 0
        para_start = True
        # a dateline's text goes on after it: a line that the dateline fills (本报讯（记者张三）) ends no unit
        dateline_end = b.dateline.end if b.kind == "dateline" and b.dateline is not None else 0
        for k in range(m):
            start, end = bounds[k], bounds[k + 1]
            c = text[end - 1] if end > start else ""
            # ``_closes_at`` where the last character does not settle it
            ends = c in _ENDS or ((c in _QUOTE_ENDS or c.isspace()) and _closes_at(text, start, end))
            if ends and end <= dateline_end and k < m - 1:
                para_start = False
                continue
            if k < m - 1 and not para_start and width and widths[k] >= width - 1 and not ends:
                continue                                  # line k + 1 continues this unit
            para_start = ends
            units.append(Unit(numbers[k0:k + 1], text[bounds[k0]:end], widths[k0], widths[k],
                              b, k0 == 0, blanks if k0 == 0 else 0, lines[k0][1], width, ends, ruled))
            ruled = ""
            k0 = k + 1
        prev_last = lines[-1][0]
    return units


_ENDS = _LINE_CLOSERS | _SENT_END                       # a line ending with one of these closes a paragraph
_QUOTE_ENDS = _QUOTES_CLOSE - _ENDS                     # ... with one of these, it may


# the templates copied from the neighbours (offsets -2..2) of a unit
NEIGHBOUR = ("n", "nl", "T", "r", "e", "bb", "kb", "dbl", "pgb", "op", "wc", "ta", "ld", "co", "cn", "nm")
OFFSETS = (-2, -1, 1, 2)
_FULL_WIDTH = str.maketrans(":;()!?", "：；（）！？")
_HALF_PUNCT = re.compile(r"[:;()!?]")


def unit_columns(units: list[Unit], opens: list[str] | None = None) -> dict[str, list[str] | np.ndarray]:
    """The feature values of a page's units, template by template: for the templates of ``VALUES`` an array
    of indices into their values, for the others a list of strings (``unit_values`` gives the strings);
    ``opens``: ``opening(units)``."""
    return issue_columns([units], None if opens is None else [opens])


def issue_columns(pages_units: list[list[Unit]], pages_opens: list[list[str]] | None = None) -> dict:
    """``unit_columns`` of every page of an issue at once, the pages' units one after another: what hangs on
    the units around a unit (neighbours, echoes, widths) or on its page (how often it puts blank lines after
    paragraphs or indents) is taken within the unit's page."""
    units = [u for us in pages_units for u in us]
    n_units = len(units)
    if not n_units:
        return {a: (np.zeros(0, dtype=np.int64) if a in VALUES else []) for a in TEMPLATES}
    if pages_opens is None:
        pages_opens = [opening(us) for us in pages_units]
    opens = [o for op in pages_opens for o in op]
    sizes = np.array([len(us) for us in pages_units if us], dtype=np.int64)
    page_of = np.repeat(np.arange(len(sizes)), sizes)
    page_start = np.repeat(np.cumsum(sizes) - sizes, sizes)     # each unit's page's first and last unit
    page_end = page_start + np.repeat(sizes, sizes) - 1
    index = np.arange(n_units)
    first_of_page, last_of_page = index == page_start, index == page_end
    titles = frozenset(lexicons.words("page_titles"))
    texts = [u.text for u in units]
    und = [clean.undouble(t) if 4 <= len(t) <= 96 and t.find(t[0], 1, len(t) // 2 + 1) > 0 else t for t in texts]
    # one form of :;()!? for the features, as the corpus prints them (the cheap test first: most have none)
    und = [t.translate(_FULL_WIDTH) if _HALF_PUNCT.search(t) else t for t in und]
    # a page's titles in brackets (【全市经济工作会议召开】, broken over lines or not: ``_bracketed_spans``) read as
    # the titles inside them, as the corpus prints titles (the cheap test first: most pages hold no bracket)
    offset = 0
    for us in pages_units:
        if any(u.text.startswith("【") for u in us):
            for start, end in _bracketed_spans(us).items():
                for k in range(offset + start, offset + end + 1):
                    und[k] = _unbracketed(und[k])
        offset += len(us)
    nlines = np.array([len(u.lines) for u in units])
    first = np.array([u.first_len for u in units])
    last = np.array([u.last_len for u in units])
    width = np.array([u.width for u in units])
    bb = np.array([u.blanks_before for u in units])
    ba = np.where(last_of_page, 9, np.append(bb[1:], 9))
    und_codes = _codes(und)
    ee, ff, e_before = (_classes(*und_codes, at) for at in (-1, 0, -2))
    # how often a paragraph end is followed by a blank line on each page: where seldom, a blank line says more
    closes = np.array([u.closes for u in units], dtype=bool) & ~last_of_page     # and a unit follows on its page
    n_pages = len(sizes)
    ended = np.bincount(page_of[closes], minlength=n_pages)
    blank = np.bincount(page_of[closes], weights=(np.append(bb[1:], 0) > 0)[closes], minlength=n_pages)
    q = np.where(ended > 0, blank / np.maximum(ended, 1), 0.5)
    pgb = np.select([q < 0.1, q < 0.4, q < 0.8], [0, 1, 2], 3)[page_of]
    b1, a1 = np.minimum(bb, 1), np.minimum(ba, 1)
    prev_e = np.where(first_of_page, 0, np.append(0, ee[:-1]))
    prev_last = np.where(first_of_page, 0, np.append(0, last[:-1]))
    pos = np.where(first_of_page, 0, np.where(last_of_page, 2, 1))
    r_class = _CLASS_NAMES.index("R")
    doubled = np.array([len(a) != len(b) for a, b in zip(und, texts)], dtype=np.int64)   # printed twice (bold)
    wc = _width_change(first, nlines, page_start, page_end)
    # paragraphs' first lines two characters short: the indent that text taken from PDFs loses
    gap = np.where(width == 0, 0, np.where(first > width, 1, 2 + np.clip(width - first, 0, 5)))
    after_end = np.append(False, closes[:-1])
    n_after = np.bincount(page_of[after_end], minlength=n_pages)
    n_dropped = np.bincount(page_of[after_end], weights=(gap[after_end] == 4), minlength=n_pages)
    dropped = np.where(n_after > 0, n_dropped / np.maximum(n_after, 1), 0.0)
    pgi = np.select([dropped < 0.2, dropped < 0.5], [0, 1], 2)[page_of]
    rel = _relatives(last, width)
    pe = (prev_e * 2 + b1) * _NC + ff
    next_f = np.where(last_of_page, 0, np.append(ff[1:], 0))
    cols = {
        "n": _lengths(first), "nl": np.minimum(nlines, 5), "T": _lengths(np.diff(und_codes[1])),
        "r": rel, "r0": _relatives(first, width), "e": ee, "f": ff,
        "e2": [t[-2:] if e == r_class else _PAIRS[c * _NC + e] for t, e, c in zip(und, ee.tolist(), e_before.tolist())],
        "bb": np.minimum(bb, 2), "ba": np.minimum(ba, 2),
        "kb": np.array([_KIND_CODE[u.block.kind] * 4 + u.block.head * 2 + u.block_start for u in units],
                       dtype=np.int64),
        "dbl": doubled,
        "gap": gap, "gi": gap * 3 + pgi,
        "en": np.array([_NUMBERED.match(t) is not None for t in und], dtype=np.int64),
        # (3月4日, 昨天, 日前 near its start: ``segment.news_lead``), where a paragraph opens, but not the
        # lead that follows its own dateline or byline in their block (本报讯（记者某某） / 昨天，全市…)
        "ld": np.array([(u.block_start or (k and units[k - 1].closes and u.block.kind not in _LED))
                        and segment.news_lead(t) for k, (u, t) in enumerate(zip(units, und))], dtype=np.int64),
        # (a line short of its column: not the first line of a paragraph that a narrow column broke)
        "nm": np.array([1 if len(t) <= 4 and bylines.looks_like_name(t)
                        else 2 if len(u.lines) == 1 and (u.first_len <= u.width - 3 or not u.width) and bylines.author_line(t)
                        else 0
                        for u, t in zip(units, und)], dtype=np.int64),
        # 0 none (or a centred title, ``segment.centred``: set in by a PDF's layout, not indented), 1 one space
        # (as a space-led page's first line has), 2 an indent (two spaces or more, a tab, a full-width space)
        "ind": np.array([0 if not u.raw[:1].isspace() or u.block.centred
                         else 1 if u.raw[0] == " " and not u.raw[1:2].isspace() else 2 for u in units],
                        dtype=np.int64),
        "sp": np.array([u.raw.count(" ") > 2 for u in units], dtype=np.int64),
        "pos": pos,
        "dp": np.where(np.abs(prev_last - first) <= 1, 0, np.where(prev_last < first, 1, 2)),
        "pe": pe, "eba": ee * 2 + a1, "pgb": pgb * 4 + b1 * 2 + a1,
        "er": (ee * len(_REL_VALUES) + rel) * 2 + a1, "pw": pe * 4 + wc,
        "nx": (ee * 3 + np.minimum(ba, 2)) * _NC + next_f,
        "hb": (np.minimum(bb, 2) * 2 + doubled) * 3 + np.minimum(ba, 2),
        "op": np.fromiter(map(_OPEN_CODE.__getitem__, opens), dtype=np.int64, count=n_units),
        "pt": np.array([len(t) <= 96 and u in titles for t, u in zip(texts, und)], dtype=np.int64),
        "wc": wc,
        "ta": np.zeros(n_units, dtype=np.int64),
    }
    for k in np.flatnonzero(ee == r_class).tolist():    # a closing bracket ends it: an author in brackets (1)
        cols["ta"][k] = 1 if bylines.parse_trailing_author(texts[k]) is not None \
            else 2 if bylines.trailing_source(texts[k]) else 0                        # or a source (2)?
    text_codes = _codes(texts)
    text_len = np.diff(text_codes[1])
    cm = np.zeros(n_units, dtype=np.int64)
    short = [k for k, t in enumerate(texts) if len(t) <= 96]
    cm[short] = [("。" in und[k][:-1]) * 4 + ("，" in und[k]) * 2 + (_PHOTO_HEAD.search(und[k]) is not None)
                 for k in short]
    plain = np.isin(ee, [_CLASS_NAMES.index(c) for c in "ECK"])
    echo = (text_len <= 48) & (nlines <= 3) & ~plain    # short lines that may be titles: their echo
    after = before = wide_after = wide_before = np.full(n_units, -1, dtype=np.int64)
    if echo.any():
        codes = (*text_codes, *und_codes, echo, page_start, page_end)
        after, before = _echoes(*codes)
        wide_after, wide_before = _echoes(*codes, 100, 8)       # the same over more of the text around
    cols["cm"], cols["sa"], cols["sb"] = cm, after + 1, before + 1
    cols["ab"] = (after + 1) * len(_SHARE_VALUES) + before + 1
    cols["sw"] = (wide_after + 1) * len(_SHARE_VALUES) + wide_before + 1
    # where a paragraph or a title may start: does the text from there on turn to another subject?
    starts_here = np.array([u.block_start for u in units], dtype=bool) | np.append(False, closes[:-1])
    cols["co"] = _shift(*und_codes, _common_chars(), starts_here, page_start, page_end) + 1
    # and does it open with a word that goes on with the text before it (``continuation_words.txt``)?
    cols["cn"] = np.array([bool(s) and t.startswith(_continuation_words()) for s, t in zip(starts_here, und)],
                          dtype=np.int64)
    return cols


def unit_values(units: list[Unit], opens: list[str] | None = None) -> list[dict[str, str]]:
    """The feature values of each unit of a page (template -> value): ``unit_columns`` unit by unit."""
    cols = {a: [VALUES[a][i] for i in c] if a in VALUES else c for a, c in unit_columns(units, opens).items()}
    return [{a: cols[a][k] for a in TEMPLATES} for k in range(len(units))]


TEMPLATES = ("n", "nl", "T", "r", "r0", "e", "f", "e2", "bb", "ba", "kb", "dbl", "sp", "pos", "dp", "pe", "eba",
             "pgb", "cm", "sa", "sb", "op", "pt", "wc", "ta", "er", "pw", "nx", "hb", "ab",
             "gap", "gi", "ind", "en", "nm", "sw", "ld", "co", "cn")


def features(values: list[dict[str, str]]) -> list[list[str]]:
    """The CRF's attributes of each unit: its own values and its neighbours'."""
    out = []
    n = len(values)
    for k, v in enumerate(values):
        feats = ["bias", *(f"{a}={x}" for a, x in v.items())]
        for off in OFFSETS:
            j = k + off
            if 0 <= j < n:
                g = values[j]
                feats.extend(f"{off}{a}={g[a]}" for a in NEIGHBOUR)
            else:
                feats.append(f"{off}none")
        out.append(feats)
    return out


_FRESH_KINDS = {"dateline": "d", "byline": "b", "note": "n", "photo": "p", "continued": "j"}   # and their ``opening``


def opening(units: list[Unit]) -> list[str]:
    """What the rules say opens an item at each unit: ``d``, ``b``, ``n``, ``p`` or ``j`` a block that opens
    with a dateline, a byline (not a second byline line), a note (扫码…), a photo marker (上图, ➡…)
    or a jump line (（上接第1版）: the part of an article continued from another page);
    ``c`` a photo's caption (a block followed by a photo credit, or ending with one); ``r`` an item of a
    column of short news (``brief``); ``""`` none."""
    out = []
    for k, u in enumerate(units):
        b = u.block
        if not u.block_start:
            out.append("")
        elif b.kind == "byline" and k and units[k - 1].block.kind == "byline":
            out.append("")                          # a second byline line (记者 甲 / 记者 乙)
        elif b.kind in _FRESH_KINDS:
            out.append(_FRESH_KINDS[b.kind])
        elif b.kind != "text" or b.head:
            out.append("")
        else:
            j = k + 1
            while j < len(units) and units[j].block is b:
                j += 1
            caption = j < len(units) and units[j].block.kind == "credit" or bylines.find_credit(b.text, b.gaps)
            out.append("c" if caption else "r" if brief(units, k, j, out) else "")
    return out


def brief(units: list[Unit], k: int, end: int, opens: list[str]) -> bool:
    """Whether the block of text at unit ``k`` (its units up to ``end``) is an item of a column of short news:
    a paragraph led by a bullet that holds a sentence (``segment.opens_brief``: ■3月4日，市长…。) under the
    column's name (简讯, ``segment.brief_label``), after another such item led by the same bullet (or a
    dateline so led), or after the end of a paragraph (not a colon's) where one of the two closes with its
    author or source in brackets (…。（记者 某某）, …。（本报专电）) or where it and the next block, led by the
    same bullet, open as news leads do (``segment.news_lead``: ■瑞典警方四日上午… / ■尼日尔警方日前…).
    Points an article lists, each led by a bullet, do not count: under the article's title (内容提要 / ●…。 /
    ●…。) or its intertitle, after a colon, or opening with no time (●住房公积金制度初步建立。目前，…).
    ``opens``: ``opening`` of the units before ``k``."""
    mark = segment.opens_brief(units[k].block.text)
    if not mark or not k:
        return False
    prev = units[k - 1].block
    if prev.head:
        return len(prev.lines) == 1 and segment.brief_label(prev.text)
    i = k - 1
    while i and units[i - 1].block is prev:
        i -= 1
    if opens[i] in ("r", "d") and clean.bullet(prev.text) == mark:
        return True
    text = units[k].block.text
    if not segment.ends_paragraph(prev.text) or prev.text.endswith(("：", ":")):
        return False
    if _noted(prev.text) or _noted(text):
        return True
    return segment.news_lead(text) and end < len(units) and segment.opens_brief(units[end].block.text) == mark \
        and segment.news_lead(units[end].block.text)


def _noted(text: str) -> bool:
    """Whether a text closes with its author or its source in brackets: …。（记者 某某）, …。（本报专电）."""
    t = text.rstrip()
    return t.endswith(("）", ")")) and (bylines.parse_trailing_author(t) is not None or bylines.trailing_source(t))


def constraints(units: list[Unit], layout: str, opens: list[str] | None = None,
                rules: list | None = None) -> tuple[list[int], list[bool]]:
    """What the exact rules say of each unit, as the labels it may take (a bit mask over ``LABELS``) and
    whether it must start an item unless a headline stands right before it.

    A unit that opens an item by the rules (``opening``: a dateline, a byline, a note, a photo marker)
    starts one (in the "before" layout the headline before it may have started it); a caption (text a photo
    credit follows or ends) starts one too where headlines follow their items, unless its block begins with
    the title of the item before (``HT``) or its number goes on a numbered photo series (``continues_list``:
    1、…（摄） / 2、…（摄）), and where headlines come first it may start one, under its own
    title at its block's top (``HS``: 某地冰雕展 / 游客在…。（某某摄）), or continue the body before it,
    with or without a headline right before it (photo stories end with their credit, photos inside an
    article have their captions in it), but where headlines come first a paragraph inside a block that
    follows a sentence's end, opens with its day (``segment.news_lead``: 3月6日，…) and ends with a photo
    credit in brackets (or a credit follows it: ``_photo_news``) is photo news of its own and starts an
    item; a
    headline-shaped block of one line (``segment.classify``) standing between the end of a paragraph and an
    item's opening is a headline: of the article before it where headlines follow their articles (``HT``),
    else of the item it opens; a page header (第3版, 某某日报 2022年…) is ``X``; a photo credit is body
    (of the item it closes); no headline holds a full stop; the unit after a caption (上图…, 扫码…) that ends a
    sentence does not continue its item's body, and after a photo credit no title runs on (the text may: a
    numbered photo series, 1、…（摄）2、…, or a photo inside an article); nothing after a page-wide photo
    credit continues what stands before it, nor after a jump to another page (…（下转第2版）); a unit that
    closes a bracket the unit before it left open (a credit or a title that a column break or a blank line
    cut: （新华社记者某某 / 摄）) continues it; where headlines come first, a line over a paragraph that opens
    with a word going on with the text before it (``continuation_words.txt``: 会议强调…, 他说…) heads no
    item (an intertitle, or an author's name under a title).

    ``rules``, when given a list, gets for each unit the rules that applied to it, as ``(rule, labels it
    allows, whether it must start an item)`` (``segment_eval --audit`` checks each against true labels).
    """
    every = (1 << len(LABELS)) - 1
    x, b, hs, hc, ht, bs = (1 << LABELS.index(lab) for lab in ("X", "B", "HS", "HC", "HT", "BS"))
    opens = opening(units) if opens is None else opens
    heads = sum(1 << LABELS.index(lab) for lab in ("HS", "HT", "HC"))
    allowed, fresh = [], []
    closed = page_closed = credited = jumped = False
    top = True                                      # no item has started on the page yet
    keep = rules is not None
    no_x, no_title = ("below the top: no X", every & ~x), ("a full stop: no title", every & ~heads)
    after_page_credit = ("after a page-wide credit: nothing goes on", every & ~(b | hc | ht))
    after_caption = ("after a caption's end: nothing goes on", every & ~(b | hc))
    after_jump = ("after a jump to another page: nothing goes on", every & ~(b | hc))
    after_credit = ("after a photo credit: no title goes on", every & ~hc)
    bracket = ("closing a bracket left open: goes on", b | hc)
    after_rule = ("after a drawn rule or editors' credits (————, 责任编辑：某某): an item starts", hs | bs)
    after_end = ("after an article's end mark（完）: an item starts", hs | bs)
    after_end_after = ("after an article's end mark（完）, a drawn rule or editors' credits: its headline, or an "
                       "item starts", hs | ht | bs)
    goes_on = ("before a paragraph that goes on (会议强调…): heads no item", every & ~hs)
    bracketed = _bracketed_titles(units)
    listed = continues_list([u.text for u in units]) if layout == "after" and "c" in opens else []
    a_line_each = 5 * sum(1 for u in units if len(u.lines) == 1) >= 4 * len(units)    # a paragraph a line
    indented = long_lines = False                   # what the flush-title rule asks of such a page only
    if a_line_each:
        indented = 10 * sum(1 for u in units if u.raw[:1].isspace() and not u.block.centred) >= 3 * len(units)
        paragraphs = sorted(len(u.text) for u in units if _CLAUSE_MARKS.search(u.text))
        long_lines = bool(paragraphs) and paragraphs[len(paragraphs) // 2] >= 30
    for k, u in enumerate(units):
        kind = u.block.kind
        m, f = every, False
        applied: list = []
        top = top and (kind == "page_header" or u.block.head or (k and units[k - 1].block is u.block))
        if u.block_start and kind == "page_header":
            m, rule = x, "a page header is X"
        elif kind == "credit" or (kind in ("photo", "note") and not u.block_start):
            # a photo credit belongs to the item it closes, a caption's lines to the caption
            m, rule = b, "a credit, a caption's lines are body"
        elif u.block.rule:
            m, rule = b | x, "a row of ornaments (＊＊＊): a break in a body, or page-level"
        elif k and _end_marker(u.text) == len(u.text):
            m, rule = b, "an article's end mark alone on its line（完）: its body's last line"
        elif opens[k] == "c":                   # a caption: see above
            if layout != "after":
                m, rule = hs | bs | b, "a caption"
            elif listed[k]:
                m, rule = bs | ht | b, "a caption going on a numbered list (1、…（摄）2、…)"
            else:
                m, rule = bs | ht, "a caption"
        elif layout != "after" and k and not u.block_start and units[k - 1].block is u.block \
                and clean.ends_sentence(units[k - 1].text) and segment.news_lead(u.text) and _photo_news(units, k):
            m, rule = hs | bs, "photo news after a paragraph's end (3月4日，…。（某某摄）) opens an item"
        elif opens[k]:
            if layout == "after":
                m = bs
            else:
                m, f = bs | b, True
            rule = f"an opening ({opens[k]}) starts an item"
        elif u.block.head and u.block_start and k + 1 < len(units) and opens[k + 1] \
                and units[k + 1].block is not u.block \
                and (k == 0 or units[k - 1].block.kind == "credit" or segment._closes(units[k - 1].text)):
            m = ht if layout == "after" else heads  # a title between a paragraph's end and an item's opening
            rule = "a title before an opening"
        elif u.block.head and u.block.centred:
            m, rule = heads | x, "a centred title"   # a headline-shaped block set in as text from PDFs centres titles
        elif len(u.lines) == 1 and (u.text.strip("【】[]") in _column_labels() or segment.brief_label(u.text)):
            m, rule = heads, "a column's name is a title"   # 短评, 今日谈 above an item's title (a kicker), 简讯
        elif u.block_start and "关于" in u.text[:3] and (segment.document_title(u.text)
                                                        or u.block.head and segment.document_title(u.block.text)):
            m, rule = (ht if layout == "after" else hs | ht), "a document's title (关于…的公告) is a title"
        elif k in bracketed and k and segment._closes(units[k - 1].text):
            m, rule = hs | ht, "a title in brackets as the page's first is a title"     # 【标题】 a title each
        elif a_line_each and k and k + 1 < len(units) \
                and _flush_title(u, units[k - 1], units[k + 1], opens[k + 1], indented, long_lines):
            m, rule = (ht if layout == "after" else hs | ht), "a flush title over a news lead"
        else:
            rule = ""
        if keep and rule:
            applied.append((rule, m, f))
        # the rules below narrow what the ones above allow, where they leave something: page headers and
        # titles open the page; no headline holds a full stop; nothing continues across a page-wide credit,
        # nor across a caption's end (上图…。, 扫码…。); no title runs on across a photo credit (text may); a
        # unit that closes the bracket the unit before it left open continues it
        narrow = []
        if not top and not (u.block_start and kind == "page_header"):
            narrow.append(no_x)
        if "。" in u.text:
            narrow.append(no_title)
        if page_closed:
            narrow.append(after_page_credit)
        elif closed:
            narrow.append(after_caption)
        elif jumped:
            narrow.append(after_jump)
        elif credited:
            narrow.append(after_credit)
        if k and clean.left_open(units[k - 1].text) and _closes_first(u.text):
            narrow.append(bracket)
            f = False
        if u.after_rule:                            # (where headlines follow their articles, editors' credits
            narrow.append(after_end_after if layout == "after" and u.after_rule == "editors" else after_rule)
                                                    # may stand over the headline of the article they close)
        if k and _end_marker(units[k - 1].text) and not _end_marker(u.text) == len(u.text):
            narrow.append(after_end_after if layout == "after" else after_end)
        if layout != "after" and k + 1 < len(units) and not u.closes \
                and units[k + 1].text.startswith(_continuation_words()) and _CLAUSE_MARKS.search(units[k + 1].text):
            narrow.append(goes_on)                  # 狠抓项目建设 / 会议强调，…: an intertitle, not a headline
        for rule, mask in narrow:
            if m & mask:
                m &= mask
                if keep:
                    applied.append((rule, mask, False))
        if keep:
            rules.append(applied)
        allowed.append(m)
        fresh.append(f)
        last_of_block = k + 1 == len(units) or units[k + 1].block is not u.block
        page_closed = kind == "page_credit"
        closed = last_of_block and kind in ("photo", "note") and clean.ends_sentence(u.block.text)
        credited = last_of_block and kind == "credit"
        jumped = segment.continues_elsewhere(u.text)
    return allowed, fresh


def _end_marker(text: str) -> int:
    """The length of the mark that ends an article a text closes with (``end_markers.txt``: （完）, (完),
    【完】), 0 for none.

    >>> _end_marker("会议持续了三天。（完）"), _end_marker("（完）"), _end_marker("会议完")
    (3, 3, 0)
    """
    t = text.rstrip()
    markers, last_chars = _end_markers()
    return next((len(w) for w in markers if t.endswith(w)), 0) if t[-1:] in last_chars else 0


@lru_cache(maxsize=None)
def _end_markers() -> tuple[tuple[str, ...], frozenset]:
    """The marks of ``end_markers.txt``, longest first, and the characters they end with (the cheap test)."""
    markers = tuple(sorted(lexicons.word_set("end_markers"), key=len, reverse=True))
    return markers, frozenset(w[-1] for w in markers)


def _photo_news(units: list[Unit], k: int) -> bool:
    """Whether the paragraph that unit ``k`` opens (its units up to the first that closes, in its block) ends
    with a photo credit in brackets (…。（本报记者某某摄）) or a photo credit follows it as a block of its own."""
    parts = []
    for j in range(k, min(len(units), k + 12)):
        if units[j].block is not units[k].block:
            return False
        parts.append(units[j].text)
        if units[j].closes:
            break
    text = "".join(parts)
    found = bylines.find_credit(text) if text.endswith(("摄）", "摄)", "摄影）", "摄影)")) else None
    if found is not None:
        return text[found[0]] in "（("
    if j + 1 >= len(units):
        return False
    after = units[j + 1]                            # …。 / （本报记者某某摄）: the credit on a line of its own
    return after.block.kind == "credit" or (after.text[:1] in "（(" and bylines.find_credit(after.text, whole=True)
                                            is not None)


_IN_BRACKETS = re.compile(r"【[^【】]{2,40}】")
_CLAUSE_MARKS = re.compile(r"[，。、；：！？,;:!?…]")


def _flush_title(u: Unit, before: Unit, after: Unit, after_opens: str, indented: bool,
                 long_lines: bool = False) -> bool:
    """Whether a unit is a title set flush (``constraints``, on a page of a paragraph a line, as text
    copied from web pages prints it): a line of its own, not indented, after a paragraph's end, shaped as a
    title (4 to 30 characters, no punctuation, no author in brackets, no byline), over a paragraph that
    opens an item or opens as a news lead does (a day, 近日 …: ``segment.news_lead``): indented, where the
    page indents its paragraphs, else (nothing indented) with blank lines above and below the title, or
    without them where the page's paragraphs run long (``long_lines``: half its lines that hold
    punctuation 30 characters or more, no column a narrow one wraps). An article's intertitle goes on
    with its text."""
    t = u.text
    if indented:
        set_apart = after.raw[:1].isspace()
    else:
        set_apart = not after.raw[:1].isspace() and (long_lines or u.blanks_before > 0 and after.blanks_before > 0)
    return (set_apart and len(u.lines) == 1 and not u.raw[:1].isspace() and (u.block.kind == "text" or not u.block_start)
            and 4 <= len(t) <= 30
            and _CLAUSE_MARKS.search(t) is None and not segment._BRACKETED.match(t) and segment._closes(before.text)
            and (bool(after_opens) or segment.news_lead(after.text)) and bylines.parse_byline(t) is None)


def _unbracketed(text: str) -> str:
    """A unit's text without the 【】 that enclose it, or open or close it where a title in brackets is
    broken over lines.

    >>> _unbracketed("【全市经济工作会议召开】"), _unbracketed("【全市经济工作"), _unbracketed("会议召开】"), _unbracketed("【甲】乙")
    ('全市经济工作会议召开', '全市经济工作', '会议召开', '【甲】乙')
    """
    if text.startswith("【") and text.endswith("】") and text.count("【") == 1 and text.count("】") == 1:
        return text[1:-1]
    if text.startswith("【") and "】" not in text:
        return text[1:]
    if text.endswith("】") and "【" not in text:
        return text[:-1]
    return text


def _bracketed_titles(units: list[Unit]) -> set[int]:
    """The units of a page that start titles in brackets (``_bracketed_spans``)."""
    return set(_bracketed_spans(units))


def _bracketed_spans(units: list[Unit]) -> dict[int, int]:
    """The titles in brackets of a page where the page prints its first title so, two of them at least
    (【全市经济工作会议召开】 / 　　本报讯…, as text copied from web pages prints every title), as their first unit and their last (a
    narrow column may break one over lines); none where the page's first text, or its first title, is no
    such title and none of them stands over an item's opening (an article's intertitles in brackets under a
    title printed plain, as WeChat articles print them, stay its own)."""
    found = {}
    for k, u in enumerate(units):
        if not u.text.startswith("【"):
            continue
        text, j = u.text, k                          # a title in brackets a narrow column broke over lines
        while not text.endswith("】") and j + 1 < len(units) and j < k + 3 and units[j + 1].block is u.block:
            j += 1
            text += units[j].text
        if _IN_BRACKETS.fullmatch(text) is not None:
            found[k] = j
    if not found:
        return {}
    titles = frozenset(lexicons.words("page_titles"))
    first = next((k for k, u in enumerate(units) if u.block.kind != "page_header"
                  and not (k == 0 and u.text in titles)), None)         # a page's listed title (要闻) aside
    first_title = next((k for k, u in enumerate(units) if u.block.head and u.text not in titles), None)
    if len(found) >= 2 and min(found) in (first, first_title):
        return found
    # or where one of them stands over an item's opening: a dateline, a byline, a news lead (3月6日，…)
    over = any(j + 1 < len(units) and (units[j + 1].block.kind in ("dateline", "byline")
                                       or segment.news_lead(units[j + 1].text)) for j in found.values())
    return found if over else {}


@lru_cache(maxsize=None)
def _column_labels() -> frozenset:
    return frozenset(lexicons.words("column_labels"))


def _closes_first(text: str) -> bool:
    """Whether a text closes a bracket before it opens one: （新华社记者某某 / 摄）, （附图 / 片1张）."""
    n = len(text)

    def at(ch: str) -> int:
        i = text.find(ch)
        return i if i >= 0 else n

    close = min(at("）"), at(")"))
    return close < n and close < min(at("（"), at("("))


def unit_labels(units: list[Unit], tags, blocks=()) -> dict[int, str]:
    """Each line's label from its unit's: the first line takes it, the lines continuing a headline ``HC``, the
    others ``B`` (``X`` in a page header). Of the lines among ``blocks`` that are no unit's, a drawn rule (————)
    and editors' credits (责任编辑：某某) are ``X`` (page-level) and a web page's line of facts (发布时间：…)
    takes the item's start from the unit after it, or ``B``. A row of ornaments (＊＊＊) is ``X`` unless the
    body it stands in goes on after it (a break between an article's sections): one labelled as starting an
    item gives that to the unit after it."""
    out = {}
    for u, tag in zip(units, tags):
        out[u.lines[0]] = tag
        rest = "HC" if tag in ("HS", "HT", "HC") else "X" if tag == "X" else "B"
        for no in u.lines[1:]:
            out[no] = rest
    out.update((no, "X") for b in blocks if b.rule in ("long", "editors") for no, _ in b.lines)
    facts = [b for b in blocks if b.rule == "facts"]
    starts = sorted(out) if facts else []
    for b in facts:     # a web page's line of facts (发布时间：…): the item's under its title, or its start where
        k = bisect.bisect_right(starts, b.last)     # the text under it starts one
        nxt = starts[k] if k < len(starts) else None
        lab = "B"
        if nxt is not None and out[nxt] == "BS":
            lab, out[nxt] = "BS", "B"
        out.update((no, lab) for no, _ in b.lines)
    for k, (u, tag) in enumerate(zip(units, tags)):
        if u.block.rule and u.block_start:
            nxt = units[k + 1].lines[0] if k + 1 < len(units) else None
            if tag == "B" and nxt is not None and out[nxt] == "B":
                continue                            # inside an article: its sections' break
            if tag == "BS" and nxt is not None and out[nxt] == "B":
                out[nxt] = "BS"                     # the item starts after it
            out.update((no, "X") for no in u.lines)
    return out


# ---------------------------------------------------------------- training

UNSPACED_LINES = 20     # lines of text a page without blank lines needs for its own models (its column widths)


def unspaced(pages_blocks) -> list[bool]:
    """Whether each page (its blocks, ``segment.split_blocks``) holds no blank line between its lines of text,
    as PDF libraries print text, and ``UNSPACED_LINES`` lines or more: such pages are labelled by the models
    for pages without blank lines (a few lines alone tell too little of the page).

    >>> page = [(k, "会议要求各地抓好落实。") for k in range(1, 25)]
    >>> unspaced([segment.split_blocks(page), segment.split_blocks(page[:12] + [(12, "")] + page[13:]),
    ...           segment.split_blocks(page[:5])])
    [True, False, False]
    """
    return [sum(len(b.lines) for b in blocks) >= UNSPACED_LINES
            and all(b.first - a.last == 1 for a, b in zip(blocks, blocks[1:])) for blocks in pages_blocks]


def rendered_pages(articles, families=None, seeds=(0,), offset: int = 0, without_blanks: bool = False):
    """(layout detected, units, true labels) of every page of ``articles`` rendered in each layout family
    with each seed (issue ``k`` of family ``fi``: seed ``seed * 1000 + fi * 100 + k + offset``), pages
    without units left out; ``without_blanks``: every blank line dropped (``render.without_blanks``) and
    only the pages so left without one (``unspaced``) given."""
    from . import render
    from .read import split_pages
    from .segment import rule_blocks

    families = list(families or render.FAMILIES)
    for seed in seeds:
        for fi, family in enumerate(families):
            for k, (_, issue) in enumerate(articles.groupby("issue_id", sort=True)):
                text, labels = render.render_issue_labelled(issue, family, seed=seed * 1000 + fi * 100 + k + offset)
                if without_blanks:
                    text, labels = render.without_blanks(text, labels)
                pages_blocks, layout, _ = rule_blocks(split_pages(text))
                if without_blanks:
                    pages_blocks = [b for b, u in zip(pages_blocks, unspaced(pages_blocks)) if u]
                for blocks in pages_blocks:
                    units = page_units(blocks)
                    if units:
                        yield layout, units, [labels[u.lines[0] - 1] or "B" for u in units]


def labelled_pages(articles, families=None, seeds=(0,), without_blanks: bool = False):
    """(model, features, labels) of every page of ``articles`` rendered in each layout family with each seed
    (``rendered_pages``, seeds apart from the evaluation's): the model is the layout detected, or with
    ``without_blanks`` its model for pages without blank lines."""
    for layout, units, labels in rendered_pages(articles, families, seeds, offset=7, without_blanks=without_blanks):
        yield layout + (UNSPACED if without_blanks else ""), features(unit_values(units)), labels


def train(corpus, out=None, days=BUILD_DAYS, seeds=tuple(range(10)), iterations: int = 200,
          verbose: bool = False) -> dict[str, Path]:
    """Train the line labellers (one for each detected layout) on the building days of the People's Daily
    corpus, rendered in every layout family with each seed; ``out`` maps a layout to its model file."""
    import pycrfsuite

    from .pfr import read_pfr

    out = {k: Path(v) for k, v in (out or MODELS).items()}
    articles = read_pfr(corpus, days=days)
    trainers = {k: pycrfsuite.Trainer(verbose=verbose) for k in out}
    for without_blanks in (False, True):
        if not any(k.endswith(UNSPACED) == without_blanks for k in out):
            continue
        for model, feats, labs in labelled_pages(articles, seeds=seeds, without_blanks=without_blanks):
            if model in trainers:
                trainers[model].append(feats, labs)
    for layout, trainer in trainers.items():
        trainer.set_params({"c1": 0.05, "c2": 0.01, "max_iterations": iterations,
                            "feature.possible_transitions": True})
        out[layout].parent.mkdir(parents=True, exist_ok=True)
        trainer.train(str(out[layout]))
    return out


# ---------------------------------------------------------------- labelling

class Labeller:
    """The line labeller: the CRFs' weights as arrays, every page of an issue scored at once with numpy and
    decoded with a compiled Viterbi that keeps to what the exact rules say (``constraints``)."""

    def __init__(self, models=None):
        import pycrfsuite

        self.models = {}
        for layout, path in (models or _present()).items():
            t = pycrfsuite.Tagger()
            t.open(str(path))
            info = t.info()
            trans = np.full((len(LABELS), len(LABELS)), 0.0)
            for (a, b), w in info.transitions.items():
                if a in LABELS and b in LABELS:
                    trans[LABELS.index(a), LABELS.index(b)] = w
            attrs: dict[str, int] = {}
            rows: list[np.ndarray] = [np.zeros(len(LABELS))]
            for (attr, lab), w in info.state_features.items():
                if lab not in LABELS:
                    continue
                k = attrs.get(attr)
                if k is None:
                    k = attrs[attr] = len(rows)
                    rows.append(np.zeros(len(LABELS)))
                rows[k][LABELS.index(lab)] = w
            W = np.vstack(rows)
            # each template's values as codes (0: unseen), and for each offset the row of each code
            codes: dict[str, dict[str, int]] = {a: {} for a in TEMPLATES}
            for attr in attrs:
                off, a, v = _split_attr(attr)
                if a in codes and v not in codes[a]:
                    codes[a][v] = len(codes[a]) + 1
            tables = {}
            for a, vocab in codes.items():
                for off in (0, *OFFSETS):
                    if off and a not in NEIGHBOUR:
                        continue
                    prefix = f"{a}=" if off == 0 else f"{off}{a}="
                    tab = np.zeros(len(vocab) + 1, dtype=np.int64)
                    for v, c in vocab.items():
                        tab[c] = attrs.get(prefix + v, 0)
                    tables[off, a] = tab
            none = {off: attrs.get(f"{off}none", 0) for off in OFFSETS}
            # templates computed as arrays (``VALUES``): the code of each value index
            coded = {a: np.array([codes[a].get(v, 0) for v in VALUES[a]], dtype=np.int64) for a in VALUES}
            self.models[layout] = (W, trans, codes, tables, attrs.get("bias", 0), none, coded)

    def scores(self, columns: dict[str, list[str]], page_of: np.ndarray, layout: str) -> np.ndarray:
        """The state scores of every unit (rows) for every label (columns) from the units' feature values
        (``issue_columns``, the pages one after another); ``page_of`` numbers each unit's page, so that
        neighbours are taken within a page."""
        W, _, codes, tables, bias, none, coded = self.models[layout]
        n = len(page_of)
        index = np.arange(n)
        rows = [np.full(n, bias)]                       # the weight rows to add up for each unit
        near = {}                                       # each offset: the neighbour's index, and whether it is one
        for off in OFFSETS:
            j = np.clip(index + off, 0, n - 1)
            near[off] = j, (index + off >= 0) & (index + off < n) & (page_of[j] == page_of)
            rows.append(np.where(near[off][1], 0, none[off]))
        for a in TEMPLATES:
            if a in coded:
                c = coded[a][columns[a]]
            else:
                get = codes[a].get
                c = np.fromiter([get(v, 0) for v in columns[a]], dtype=np.int64, count=n)
            rows.append(tables[0, a][c])
            if a in NEIGHBOUR:
                for off in OFFSETS:
                    j, ok = near[off]
                    rows.append(np.where(ok, tables[off, a][c[j]], 0))
        return _sum_rows(W, np.stack(rows, axis=1))

    def label_issue(self, pages_blocks, layout: str, constrained: bool = True) -> list[dict[int, str]]:
        """Each page's line labels (``{line number: label}``) for an issue's blocks."""
        units = [page_units(blocks) for blocks in pages_blocks]
        if not any(units):
            return [unit_labels([], [], blocks) for blocks in pages_blocks]
        opens = [opening(us) for us in units]
        columns = issue_columns(units, opens)
        page_of = np.repeat(np.arange(len(units)), [len(us) for us in units])
        # pages without a blank line have models of their own, where given: each model scores the issue once,
        # and only where some of its pages need it
        bare = unspaced(pages_blocks) if layout + UNSPACED in self.models else [False] * len(units)
        if bare and all(bare):
            E = self.scores(columns, page_of, layout + UNSPACED)
        else:
            E = self.scores(columns, page_of, layout)
            if any(bare):
                rows = np.isin(page_of, np.flatnonzero(bare))
                E = np.where(rows[:, None], self.scores(columns, page_of, layout + UNSPACED), E)
        heads = np.array([lab in ("HS", "HT", "HC") for lab in LABELS])
        out, k = [], 0
        for us, op, no_blank, blocks in zip(units, opens, bare, pages_blocks):
            if not us:
                out.append(unit_labels([], [], blocks))
                continue
            trans = self.models[layout + UNSPACED if no_blank else layout][1]
            if constrained:
                allowed, fresh = constraints(us, layout, op)
            else:
                allowed, fresh = [(1 << len(LABELS)) - 1] * len(us), [False] * len(us)
            tags = _viterbi(E[k:k + len(us)], trans, np.array(allowed, dtype=np.int64), np.array(fresh),
                            heads, LABELS.index("B"))
            out.append(unit_labels(us, [LABELS[t] for t in tags], blocks))
            k += len(us)
        return out


def _split_attr(attr: str) -> tuple[int, str, str]:
    """``-1kb=text`` -> (-1, "kb", "text"); ``n=4`` -> (0, "n", "4")."""
    name, _, value = attr.partition("=")
    m = re.match(r"^(-?[0-9]+)(.*)$", name)
    return (int(m.group(1)), m.group(2), value) if m else (0, name, value)


@_compile
def _sum_rows(W, rows):
    """Each unit's state scores: the sum of the rows of ``W`` that ``rows`` (units x features) names."""
    n, f = rows.shape
    L = W.shape[1]
    E = np.zeros((n, L))
    for k in range(n):
        for i in range(f):
            r = rows[k, i]
            for j in range(L):
                E[k, j] += W[r, j]
    return E


@_compile
def _viterbi(E, trans, allowed, fresh, heads, b):
    """The best labels of a page's units: state scores ``E``, transition scores ``trans``; unit k may take
    label j only where bit j of ``allowed[k]`` is set, and label ``b`` where ``fresh[k]`` only after a
    headline label (``heads``)."""
    n, L = E.shape
    neg = -1e300
    back = np.zeros((n, L), dtype=np.int64)
    prev = np.empty(L)
    cur = np.empty(L)
    for j in range(L):
        prev[j] = E[0, j] if (allowed[0] >> j) & 1 else neg
    for k in range(1, n):
        for j in range(L):
            if not (allowed[k] >> j) & 1:
                cur[j] = neg
                continue
            best = neg
            arg = 0
            for i in range(L):
                if fresh[k] and j == b and not heads[i]:
                    continue
                sc = prev[i] + trans[i, j]
                if sc > best:
                    best = sc
                    arg = i
            cur[j] = best + E[k, j]
            back[k, j] = arg
        for j in range(L):
            prev[j] = cur[j]
    out = np.zeros(n, dtype=np.int64)
    best = neg
    for j in range(L):
        if prev[j] > best:
            best = prev[j]
            out[n - 1] = j
    for k in range(n - 1, 0, -1):
        out[k - 1] = back[k, out[k]]
    return out


class CrfsuiteLabeller:
    """Labels with python-crfsuite, without the rules' constraints: the reference the compiled labeller is
    tested against (``Labeller.label_issue(..., constrained=False)`` gives the same labels)."""

    def __init__(self, models=None):
        import pycrfsuite

        self.taggers = {}
        for layout, path in (models or _present()).items():
            self.taggers[layout] = pycrfsuite.Tagger()
            self.taggers[layout].open(str(path))

    def label_issue(self, pages_blocks, layout: str) -> list[dict[int, str]]:
        out = []
        for blocks, no_blank in zip(pages_blocks, unspaced(pages_blocks)):
            units = page_units(blocks)
            tagger = self.taggers.get(layout + UNSPACED) if no_blank else None
            tagger = tagger or self.taggers[layout]
            out.append(unit_labels(units, tagger.tag(features(unit_values(units))) if units else [], blocks))
        return out


_LABELLER: list = []
_OVERRIDE: dict = {}
SWITCH = "EPAPER_SEGMENTATION"          # "rules": segment with the rules alone


def chosen() -> str:
    """The segmentation the environment asks for (``SWITCH``; "" for the default)."""
    return os.environ.get(SWITCH, "")


def labeller():
    """The line labeller of ``MODELS``; None (the rules alone segment) when a model file is missing or the
    environment sets ``EPAPER_SEGMENTATION=rules`` (about twice as fast, far fewer articles right on layouts
    other than the sample's: README)."""
    if "model" in _OVERRIDE:
        return _OVERRIDE["model"]
    if chosen() == "rules":
        return None
    if not _LABELLER:
        _LABELLER.append(Labeller() if all(p.exists() for p in _present().values()) else None)
    return _LABELLER[0]


def _present() -> dict:
    """``MODELS``: the models for each layout the rules detect, and those for pages without blank lines where
    their files are present (without them, such pages are labelled by their layout's model)."""
    return {k: p for k, p in MODELS.items() if not k.endswith(UNSPACED) or p.exists()}


def main(argv=None) -> int:
    import argparse

    p = argparse.ArgumentParser(prog="python -m epaper.lines",
                                description="train the line labeller (score it with python -m epaper.segment_eval)")
    p.add_argument("command", choices=["train"])
    p.add_argument("--corpus", default=str(paths.ROOT.parent / "shared" / "corpora" / "pd199801" / "199801.txt"))
    p.add_argument("--seeds", type=int, default=10, help="renderings of the building days in every layout family")
    p.add_argument("--iterations", type=int, default=200)
    a = p.parse_args(argv)
    for layout, path in train(a.corpus, seeds=tuple(range(a.seeds)), iterations=a.iterations).items():
        print(layout, path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
