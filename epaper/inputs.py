"""One dispatch by file type: any input a researcher has -> the article table, and the text it holds.

    text issue (.txt, or a folder of page files)  -> parse.parse_pages on read.read_pages
    Word document (.docx) of an issue or an export -> the same, on its text (word.word_text)
    database export of labelled articles (.txt: 【标题】… 【正文】…) -> tabular.read_labelled
    e-paper PDF (.pdf, or a folder of page PDFs)   -> parse.parse_pages on pdf.read_pdf_issue
    table of articles (.csv .tsv .jsonl .xlsx .parquet) -> tabular.read_articles
    saved web page of one article (.html .htm)     -> webpage.read_webpage

Each reader lives in its own module and returns the same columns (``parse.COLUMNS``).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .parse import parse_pages, read_issue
from .pdf import PDF_SUFFIXES
from .tabular import TABLE_SUFFIXES, read_articles, read_labelled_file, source_text
from .webpage import HTML_SUFFIXES, read_webpage
from .word import WORD_SUFFIXES

SUFFIXES = (".txt", *WORD_SUFFIXES, *PDF_SUFFIXES, *TABLE_SUFFIXES, *HTML_SUFFIXES)


def is_input(path) -> bool:
    """Whether a path is an input: a folder (of page files) or a file of a type in ``SUFFIXES``."""
    p = Path(path)
    return p.is_dir() or (p.is_file() and p.suffix.lower() in SUFFIXES)


def read_input(path, *, date=None, newspaper=None) -> tuple[pd.DataFrame, str]:
    """The article table of one input, whatever its type, and the text it was made from (what
    ``parse.conservation`` checks the table against). Raises ``read.ParseError`` for a bad file.

    >>> df, text = read_input("tests/fixtures/articles.csv")     # doctest: +SKIP
    """
    path = Path(path)
    suffix = path.suffix.lower() if path.is_file() else ""
    if suffix in TABLE_SUFFIXES:
        return read_articles(path, date=date, newspaper=newspaper), source_text(path)
    if suffix in HTML_SUFFIXES:
        df = read_webpage(path, date=date, newspaper=newspaper)
        return df, "\n".join(v for c in ("headline_raw", "dateline", "body") for v in df[c] if isinstance(v, str))
    labelled = read_labelled_file(path, newspaper=newspaper, date=date)
    if labelled is not None:
        return labelled
    pages, pdf = read_issue(path)
    df = parse_pages(pages, path, date=date, newspaper=newspaper, pdf=pdf)
    return df, "\n".join(t for pg in pages for _, t in pg.lines)
