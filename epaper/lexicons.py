"""Plain-text word lists in ``data/lexicons/`` that a researcher can edit.

Format: one entry per line; ``#`` starts a comment; blank lines are ignored.
A ``.tsv`` list has tab-separated columns.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from . import paths


def _lines(path: Path) -> list[str]:
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


@lru_cache(maxsize=None)
def words(name: str) -> tuple[str, ...]:
    """Entries of ``data/lexicons/<name>.txt`` in file order.

    >>> "本报" in words("news_sources")
    True
    """
    return tuple(_lines(paths.LEXICONS / f"{name}.txt"))


@lru_cache(maxsize=None)
def word_set(name: str) -> frozenset:
    """Every word of ``data/lexicons/<name>.txt``, where a line may hold several separated by spaces.

    >>> "书记" in word_set("title_words"), "专家" in word_set("generic_titles")
    (True, True)
    """
    return frozenset(" ".join(words(name)).split())


@lru_cache(maxsize=None)
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of ``data/lexicons/<name>.tsv`` split on tabs."""
    return tuple(tuple(c.strip() for c in line.split("\t")) for line in _lines(paths.LEXICONS / f"{name}.tsv"))


def clear_cache() -> None:
    """Forget loaded lists (after a researcher edits a file in a running session)."""
    import sys
    words.cache_clear()
    word_set.cache_clear()
    table.cache_clear()
    for mod in list(sys.modules.values()):
        if getattr(mod, "__name__", "").startswith("epaper."):
            for obj in vars(mod).values():
                if hasattr(obj, "cache_clear") and obj not in (words, word_set, table):
                    obj.cache_clear()
