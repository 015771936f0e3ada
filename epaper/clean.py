"""Stage 2, clean: undo what PDF export does to Chinese text.

Every function here only removes whitespace, folds full-width digits and Latin
letters to ASCII, or (``undouble``) drops the second copy of text that bold
printing doubled; nothing else is changed, which is what lets the parser prove
that no character is lost (see ``conservation``).
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

# full-width digits, Latin letters and the symbols that live inside numbers and Latin words
_WIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}
_WIDTH.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)})
_WIDTH.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)})
_WIDTH.update({"％": "%", "＋": "+", "＝": "=", "＠": "@", "＃": "#", "＆": "&", "＜": "<", "＞": ">",
               "\u3000": " ", "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u200b": ""})
_WIDTH_TABLE = str.maketrans(_WIDTH)
_FW_DOT = re.compile(r"(?<=[0-9])．(?=[0-9])")
_TO_FOLD = re.compile("[" + re.escape("".join(_WIDTH)) + "]")


def fold_width(text: str) -> str:
    """Full-width digits, Latin letters and %+=@#&<> to ASCII; odd spaces to a plain space.

    Chinese punctuation (，。（）“”) stays full-width.

    >>> fold_width("１２月３１日　ＧＤＰ增长８．５％，")
    '12月31日 GDP增长8.5%，'
    """
    if _TO_FOLD.search(text) is not None:          # cheap test first: most lines need no folding
        text = text.translate(_WIDTH_TABLE)
    return _FW_DOT.sub(".", text) if "．" in text else text


def fold_char(ch: str) -> str:
    """``fold_width`` of one character.

    >>> fold_char("Ａ"), fold_char("本")
    ('A', '本')
    """
    return _WIDTH.get(ch, ch)


_KEEP_SPACE = re.compile(r"(?<=[A-Za-z0-9.,;:!?%)\]'\"])[ \t]+(?=[A-Za-z0-9(\['\"])")
_WS = re.compile(r"[ \t\v]+")


def strip_spaces(text: str) -> str:
    """Remove spaces except a single one between two Latin words or numbers.

    >>> strip_spaces("生 产 和 防 灾")
    '生产和防灾'
    >>> strip_spaces("开发区 （保税区） 管委会")
    '开发区（保税区）管委会'
    >>> strip_spaces("11 月 14 日 New  York 2 000")
    '11月14日New York 2 000'
    """
    marked = _KEEP_SPACE.sub("\x00", text)
    return _WS.sub("", marked).replace("\x00", " ")


def clean_line(text: str) -> str:
    """``fold_width`` then ``strip_spaces`` on one line of raw text."""
    return strip_spaces(fold_width(text))


_CLOSERS = "”’」』）)】》〉\"'"
_SENTENCE_END = set("。！？!?…；;")


def left_open(text: str) -> bool:
    """Whether a text opens more round brackets than it closes.

    >>> left_open("（新华社记者张三、"), left_open("（张三摄）"), left_open("会议")
    (True, False, False)
    """
    return ("（" in text or "(" in text) and text.count("（") + text.count("(") > text.count("）") + text.count(")")


BULLETS = "■□●◆◇◎★☆▪◼►▶"
"""Marks that lead a paragraph of a column of short news (■3月4日，…), or a byline (■本报记者 某某); ○ too
where no numeral follows it (Chinese numerals print it as a zero: 二○○四年). Not ▲, which leads a photo's
caption."""
_NUMERALS = "○〇零一二三四五六七八九十0123456789"


def bullet(text: str) -> str:
    """The bullet (``BULLETS``, or ○ before no numeral) a text opens with, or ``""``.

    >>> bullet("■3月4日，市长到高新区调研。"), bullet("○意大利总理说"), bullet("○○四年"), bullet("会议指出")
    ('■', '○', '', '')
    """
    if not text:
        return ""
    if text[0] in BULLETS or text[0] == "○" and text[1:2] and text[1] not in _NUMERALS:
        return text[0]
    return ""


def ends_sentence(text: str) -> bool:
    """Whether text ends a sentence (。！？…；, possibly inside closing quotes).

    >>> ends_sentence("他说：“好。”"), ends_sentence("家庭教育“云课堂”"), ends_sentence("工作")
    (True, False, False)
    """
    end = len(text)                     # by index: a block's text can be long, and copies cost
    while end and text[end - 1].isspace():
        end -= 1
    while end and text[end - 1] in _CLOSERS:
        end -= 1
    return end > 0 and text[end - 1] in _SENTENCE_END


def undouble(text: str, bold: bool = False) -> str:
    """Restore text that bold printing extracted twice, run by run.

    Applies only when the whole string splits into runs each printed twice and
    at least one run is longer than one character and the result has four
    characters or more, or is two or three different Chinese characters printed
    twice as one run (an author's name, 林涛林涛, 编者按编者按) or three as two runs
    (致读致读者者), so real
    reduplication such as 谢谢, 天天天天 or 看一看看一看 is left alone. Text with
    every character printed twice (全全市市召召开开…, as some PDFs draw bold) is
    restored where it holds three different characters or more (高高兴兴 is
    left alone). ``bold``: the text stands with titles printed so (``by_character``), so that two
    characters each printed twice (林林涛涛, an author under such a title) are read once too.

    >>> undouble("市青联市青联““邻里互助队邻里互助队””成立成立")
    '市青联“邻里互助队”成立'
    >>> undouble("谢谢"), undouble("林涛林涛"), undouble("天天天天"), undouble("A4A4")
    ('谢谢', '林涛', '天天天天', 'A4A4')
    >>> undouble("林林涛涛"), undouble("林林涛涛", bold=True)
    ('林林涛涛', '林涛')
    >>> undouble("致读致读者者"), undouble("看一看看一看"), undouble("谢谢你谢谢你")
    ('致读者', '看一看看一看', '谢谢你谢谢你')
    """
    n = len(text)
    if bold and by_character(text):
        return text[0::2]
    if n < 4 or n % 2 or n > 400:
        return text
    return _undouble(text)


def by_character(text: str) -> bool:
    """Whether every character of a text is printed twice, as some PDFs draw bold (全全市市…).

    >>> by_character("全全市市召召开开"), by_character("林林涛涛"), by_character("全市全市")
    (True, True, False)
    """
    return len(text) >= 4 and len(text) % 2 == 0 and text[0::2] == text[1::2]


@lru_cache(maxsize=8192)
def _undouble(text: str) -> str:
    n = len(text)
    # cheap test first: a doubled text starts with a run printed twice
    k = text.find(text[0], 1, n // 2 + 1)
    while k != -1 and text[:k] != text[k:2 * k]:
        k = text.find(text[0], k + 1, n // 2 + 1)
    if k == -1:
        return text
    if k == 1 and by_character(text):                   # every character twice: bold drawn twice over itself
        return text[0::2] if len(set(text[0::2])) >= 3 else text
    if n == 6:                                          # three characters, all different: one run or two
        once = text[:3] if k == 3 else "".join(_split_doubled(text) or ()) if k == 2 else ""
        return once if len(once) == 3 and len(set(once)) == 3 and all("\u4e00" <= c <= "\u9fff" for c in once) \
            else text
    if n == 4:                                          # two different characters: an author's name
        return text[:2] if k == 2 and text[0] != text[1] and all("\u4e00" <= c <= "\u9fff" for c in text) else text
    runs = _split_doubled(text)
    if runs is None or max(len(r) for r in runs) < 2 or n // 2 < 4:
        return text
    return "".join(runs)


def _split_doubled(s: str):
    @lru_cache(maxsize=None)
    def solve(i: int):
        if i == len(s):
            return ()
        for length in range((len(s) - i) // 2, 0, -1):
            if s[i:i + length] == s[i + length:i + 2 * length]:
                rest = solve(i + 2 * length)
                if rest is not None:
                    return (s[i:i + length],) + rest
        return None

    out = solve(0)
    return list(out) if out is not None else None


def visible_len(text: str) -> int:
    """Characters of text other than whitespace.

    >>> visible_len("本报讯 甲\\n乙")
    5
    """
    return sum(map(len, text.split()))


def codes(text: str):
    """Code points of the non-whitespace characters of text, width-folded (a numpy array).

    >>> [chr(c) for c in codes("甲 １乙")]
    ['甲', '1', '乙']
    """
    return np.frombuffer("".join(fold_width(text).split()).encode("utf-32-le"), dtype=np.uint32)


_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_CN_DIGITS.update({"零": 0, "两": 2})


def cn_number(s: str) -> int | None:
    """Small numbers in Arabic or Chinese numerals (up to 99).

    >>> cn_number("12"), cn_number("十二"), cn_number("三十一"), cn_number("二十")
    (12, 12, 31, 20)
    """
    if s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, ones = s.partition("十")
        t = _CN_DIGITS.get(tens, None) if tens else 1
        o = _CN_DIGITS.get(ones, None) if ones else 0
        if t is None or o is None:
            return None
        return t * 10 + o
    if len(s) == 1 and s in _CN_DIGITS:
        return _CN_DIGITS[s]
    return None
