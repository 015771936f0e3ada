"""The line labeller: which lines of a page start an article, which are headlines.

The segmentation rules (``segment``) are exact where the text says what a line
is (a dateline, a byline, a photo credit, a page header) but have to guess where
it does not: whether a short line is a headline or a paragraph's end, whether a
sentence ends an article or one of its paragraphs. Those guesses are learnt
here, the way GROBID segments scholarly PDFs: a linear-chain CRF over the
non-blank lines of a page labels each line

- ``HS`` a headline line that starts an item (headlines printed before their articles, or an item that is a
  headline alone), ``HT`` a headline line that starts another title line (引题/主题/副题, or the headline of
  an article whose headline follows it), ``HC`` a headline line continuing a title line;
- ``BS`` a body line that starts an item, ``B`` any other body line;
- ``X`` a page header;

from features of the line and its neighbours: its length against the page's
usual line width, what it starts and ends with, blank lines around it, its
position on the page, whether it is bold (printed twice) or letter-spaced, how
much it shares with the lines around it (a headline echoes its article's lead),
and what the rules made of it (the kind of its block, whether the rules start
an item or a headline there, which layout the file has). Trained on People's
Daily building days rendered in random layouts (``render.render_issue_labelled``):
``python -m epaper.lines train``. There is one model for each layout the rules detect (headlines before or after
their articles), ``data/models/line_labels_{before,after}.crfsuite``, each
trained on the pages of the files detected so (rightly or not).

Decoding does not use python-crfsuite: the model's weights are read once into
arrays, the features of a page become integer ids, and a compiled Viterbi finds
the best labels (``Labeller``); python-crfsuite only trains.
"""
from __future__ import annotations

import operator
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import numpy as np

from . import bylines, clean, paths

MODELS = {"before": paths.MODELS / "line_labels_before.crfsuite",   # one model for each layout the rules detect
          "after": paths.MODELS / "line_labels_after.crfsuite"}
LABELS = ("HS", "HT", "HC", "BS", "B", "X")
BUILD_DAYS = ("19980101", "19980121")

_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]")
_PHOTO_HEAD = re.compile(r"[（(]附?图片[0-9一二三四五六七八九十]*张?[）)]$")
_CLASSES = {}
for _chars, _name in (("。！？!?…；;", "E"), ("，、,", "C"), ("：:", "K"), ("）)】]", "R"), ("（(【[", "O"),
                      ("“‘「『《〈\"", "Q"), ("”’」』》〉", "q"), ("0123456789", "D"), ("—-－", "-"), ("·•●■□◎◇◆○", "M")):
    for _c in _chars:
        _CLASSES[_c] = _name
_PARA_END = frozenset("。！？!?…；;）)】")
_QUOTE_END = frozenset("”’」』")


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


@lru_cache(maxsize=65536)
def _pairs(s: str) -> frozenset:
    s = _NOT_HAN.sub("", s)
    return frozenset(map(operator.add, s[:-1], s[1:]))


def _share(pairs: frozenset, around: list[frozenset]) -> str:
    hit = sum(1 for p in pairs if any(p in a for a in around))
    q = hit / len(pairs)
    return "0" if q == 0 else "1" if q < 0.25 else "2" if q < 0.5 else "3"


def _ends_paragraph(text: str) -> bool:
    if not text:
        return True
    c = text[-1]
    return c in _PARA_END or (c in _QUOTE_END and len(text) > 1 and text[-2] in _PARA_END)


def page_width(widths) -> int:
    """The commonest length of a page's full lines (0 when fewer than three agree).

    >>> page_width([5, 5, 5, 3, 9])
    5
    """
    c = Counter(w for w in widths if w >= 4)
    if not c:
        return 0
    w, n = c.most_common(1)[0]
    return w if n >= 3 else 0


class Unit:
    """Lines of a page the labeller labels as one: the first line of a paragraph stands alone (it may be a
    headline of the page's width); the lines after it run on while each follows a full line of the page's
    width that ends no paragraph, with no blank line between."""

    __slots__ = ("lines", "text", "first_len", "last_len", "block", "block_start", "blanks_before", "raw")

    def __init__(self, lines, text, first_len, last_len, block, block_start, blanks_before, raw):
        self.lines, self.text, self.first_len, self.last_len = lines, text, first_len, last_len
        self.block, self.block_start, self.blanks_before, self.raw = block, block_start, blanks_before, raw


def page_units(blocks) -> tuple[list[Unit], int]:
    """A page's blocks (``segment.split_blocks``) cut into units, in order, and the page's line width."""
    widths = [w for b in blocks for w in b.widths]
    width = page_width(widths)
    units: list[Unit] = []
    prev_last = None
    for b in blocks:
        text = b.text
        bounds = (0, *b.breaks, len(text))
        m = len(b.lines)
        k0 = 0
        blanks = (b.lines[0][0] - prev_last - 1) if prev_last is not None else 0
        para_start = True
        for k in range(m):
            end = bounds[k + 1]
            ends = _ends_paragraph(text[bounds[k]:end])
            if k < m - 1 and not para_start and width and b.widths[k] >= width - 1 and not ends:
                continue                                  # line k + 1 continues this unit
            para_start = ends
            units.append(Unit([no for no, _ in b.lines[k0:k + 1]], text[bounds[k0]:end], b.widths[k0], b.widths[k],
                              b, k0 == 0, blanks if k0 == 0 else 0, b.lines[k0][1]))
            k0 = k + 1
        prev_last = b.lines[-1][0]
    return units, width


# the templates copied from the neighbours (offsets -2..2) of a unit
NEIGHBOUR = ("n", "nl", "T", "r", "e", "bb", "kb", "ri", "dbl")
OFFSETS = (-2, -1, 1, 2)


def unit_values(units: list[Unit], rule: dict[int, str], width: int) -> list[dict[str, str]]:
    """The base feature values of each unit (template -> value).

    ``rule`` maps a line number to its place in the rules' items (``S`` starts
    an item, ``SH`` starts one with a headline, ``H`` a headline line, ``P``
    page-level text).
    """
    out = []
    n_units = len(units)
    prev_e = "_"
    prev_last = 0
    for k, u in enumerate(units):
        t = u.text
        n = len(t)
        short = n <= 96
        und = clean.undouble(t) if short else t
        b = u.block
        ba = units[k + 1].blanks_before if k + 1 < n_units else 9
        e = char_class(und[-1:])
        f = char_class(und[:1])
        first_len = u.first_len
        v = {
            "n": _bucket(first_len), "nl": str(min(len(u.lines), 5)), "T": _bucket(len(und)),
            "r": _relative(u.last_len, width), "r0": _relative(first_len, width), "e": e, "f": f,
            "e2": und[-2:] if e == "R" else char_class(und[-2:-1]) + e,
            "bb": str(min(u.blanks_before, 2)), "ba": str(min(ba, 2)),
            "kb": b.kind + ("+" if b.head else "") + ("^" if u.block_start else ""),
            "ri": rule.get(u.lines[0], "-"), "dbl": "1" if und != t else "0",
            "sp": "1" if u.raw.count(" ") > 2 else "0",
            "pos": "first" if k == 0 else "last" if k == n_units - 1 else "mid",
            "dp": "=" if abs(prev_last - first_len) <= 1 else "<" if prev_last < first_len else ">",
            "pe": prev_e + str(min(u.blanks_before, 1)) + f, "eba": e + str(min(ba, 1)),
        }
        if short:
            v["cm"] = ("。" if "。" in und[:-1] else "") + ("，" if "，" in und else "") + \
                ("p" if _PHOTO_HEAD.search(und) else "")
            if n <= 60 and e != "E":
                pairs = _pairs(und)
                if pairs:
                    v["sa"] = _share(pairs, [_pairs(x.text[:60]) for x in units[k + 1:k + 4]])
                    v["sb"] = _share(pairs, [_pairs(x.text[-60:]) for x in units[max(0, k - 3):k]])
        out.append(v)
        prev_e, prev_last = e, u.last_len
    return out


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


def rule_view(items, page_text) -> dict[int, str]:
    """Where the rules' items start, and which lines they made headlines: ``{line number: place}``."""
    view: dict[int, str] = {}
    for it in items:
        for h in it.heads:
            for no, _ in h.lines:
                view[no] = "H"
        first = min(no for b in it.blocks() for no, _ in b.lines)
        view[first] = "S" + view.get(first, "")
    for pt in page_text:
        for b in pt.blocks:
            for no, _ in b.lines:
                view[no] = "P"
    return view


def unit_labels(units: list[Unit], tags) -> dict[int, str]:
    """Each line's label from its unit's: the first line takes it, the lines continuing a headline ``HC``, the
    others ``B`` (``X`` in a page header)."""
    out = {}
    for u, tag in zip(units, tags):
        out[u.lines[0]] = tag
        rest = "HC" if tag in ("HS", "HT", "HC") else "X" if tag == "X" else "B"
        for no in u.lines[1:]:
            out[no] = rest
    return out


def page_data(blocks, items, page_text):
    """A page's units and the attributes of each."""
    units, width = page_units(blocks)
    return units, unit_values(units, rule_view(items, page_text), width)


# ---------------------------------------------------------------- training

def labelled_pages(articles, families=None, seeds=(0,)):
    """(layout detected, features, labels) of every page of ``articles`` rendered in each layout family with
    each seed."""
    from . import render
    from .read import split_pages
    from .segment import rule_pages

    families = list(families or render.FAMILIES)
    for seed in seeds:
        for fi, family in enumerate(families):
            for k, (_, issue) in enumerate(articles.groupby("issue_id", sort=True)):
                text, labels = render.render_issue_labelled(issue, family, seed=seed * 1000 + fi * 100 + k + 7)
                pages = split_pages(text)
                pages_blocks, layout, _, assembled = rule_pages(pages)
                for blocks, (items, page_text) in zip(pages_blocks, assembled):
                    units, values = page_data(blocks, items, page_text)
                    if units:
                        yield layout, features(values), [labels[u.lines[0] - 1] or "B" for u in units]


def train(corpus, out=None, days=BUILD_DAYS, seeds=(0, 1, 2), iterations: int = 200,
          verbose: bool = False) -> dict[str, Path]:
    """Train the line labellers (one for each detected layout) on the building days of the People's Daily
    corpus, rendered in every layout family with each seed; ``out`` maps a layout to its model file."""
    import pycrfsuite

    from .pfr import read_pfr

    out = {k: Path(v) for k, v in (out or MODELS).items()}
    articles = read_pfr(corpus, days=days)
    trainers = {k: pycrfsuite.Trainer(verbose=verbose) for k in out}
    for layout, feats, labs in labelled_pages(articles, seeds=seeds):
        trainers[layout].append(feats, labs)
    for layout, trainer in trainers.items():
        trainer.set_params({"c1": 0.05, "c2": 0.01, "max_iterations": iterations,
                            "feature.possible_transitions": True})
        out[layout].parent.mkdir(parents=True, exist_ok=True)
        trainer.train(str(out[layout]))
    return out


# ---------------------------------------------------------------- labelling

class CrfsuiteLabeller:
    """Labels with python-crfsuite (slow; the reference the compiled labeller is tested against)."""

    def __init__(self, models=None):
        import pycrfsuite

        self.taggers = {}
        for layout, path in (models or MODELS).items():
            self.taggers[layout] = pycrfsuite.Tagger()
            self.taggers[layout].open(str(path))

    def labels(self, blocks, items, page_text, layout) -> dict[int, str]:
        units, values = page_data(blocks, items, page_text)
        if not units:
            return {}
        return unit_labels(units, self.taggers[layout].tag(features(values)))


_LABELLER: list = []
_OVERRIDE: dict = {}


def labeller():
    """The line labeller of ``MODELS`` (None when a model file is missing: the rules alone segment)."""
    if "model" in _OVERRIDE:
        return _OVERRIDE["model"]
    if not _LABELLER:
        _LABELLER.append(CrfsuiteLabeller(MODELS) if all(p.exists() for p in MODELS.values()) else None)
    return _LABELLER[0]
