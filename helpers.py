"""The one module the notebooks import: the pipeline, top-down.

    read -> clean -> segment -> annotate -> extract people -> network and topics -> figures

Each stage is a plain function over text or DataFrames; the work is done in the
small ``epaper`` package behind this module. From the command line:

    python helpers.py build   # parse new and changed issues of data/raw/ into data/processed/
    python helpers.py run     # the main job: build, then execute every notebook
"""
from __future__ import annotations

import sys

if __name__ == "__main__":      # the command line starts at once, without the notebook-side imports below
    from epaper.cli import main as _cli_main
    sys.exit(_cli_main())

from epaper.paths import ARTICLES, FIGURES, LEXICONS, NOTEBOOKS, PEOPLE, PROCESSED, RAW, ROOT  # noqa: F401

# 1. read: bytes -> text -> pages
from epaper.read import ParseError, decode_bytes, empty_pages, read_pages, read_text, split_pages  # noqa: F401
# ... or an e-paper PDF: characters with their type size and place -> lines in reading order
from epaper.pdf import pdf_text, read_pdf_issue  # noqa: F401

# 2. clean: what PDF export does to Chinese text
from epaper.clean import clean_line, ends_sentence, fold_width, strip_spaces, undouble  # noqa: F401

# 3. segment + 4. annotate: one issue -> article table
from epaper.parse import COLUMNS, ITEM_KINDS, PAGE_KINDS, conservation, parse_issue  # noqa: F401
# ... or a table of articles already cut into items (CSV, JSON Lines, Excel, Parquet) -> article table
from epaper.tabular import read_articles  # noqa: F401
from epaper.webpage import read_webpage  # noqa: F401
# ... any of them by its file type (text, PDF, table, web page), with the text it holds
from epaper.inputs import read_input  # noqa: F401

# batch: every raw issue -> the tables in data/processed/
from epaper.build import build, corpus_overview, data_quality, load_articles, load_issues, read_table  # noqa: F401

# exploring the article table
from epaper.tables import (init_tables, items_by_page, journalists, lengths, quality_flags,  # noqa: F401
                           select_articles, show_table, table_html)

# 5. extract people: who is named in each item, with title and role
from epaper.people import (PRESENT_ROLES, ROLE_ORDER, appearances, extract_people, read_roster,  # noqa: F401
                           role_table, suggest_roster)
from epaper.build import load_people  # noqa: F401

# 6. network: who appears with whom
from epaper.network import attendance_network, centrality, communities, core, ego, export_network  # noqa: F401
from epaper.interactive import export_network_html, network_html, show_network  # noqa: F401

# 6a. officials over time: appearances by period, ties that form and fade, titles as printed
from epaper.timeline import (appearance_matrix, meeting_types, official_timeline, period_networks,  # noqa: F401
                             split_periods, tie_changes, title_changes)

# 6b. topics: tokens, dictionary topics, discovered topics, word frequencies
from epaper.topics import (add_tokens, add_words, classify_topics, discover_topics, frequencies,  # noqa: F401
                           read_topics, stopwords, tokenize, topic_shares, topics_by_official)
from epaper.build import load_topics  # noqa: F401

# 7. figures: Chinese that renders right
from epaper.figures import (bar_table, draw_network, heatmap, save_figure, timeline_plot, use_cjk_font,  # noqa: F401
                            wordcloud, wordcloud_grid)

# other corpora
from epaper.pfr import read_pfr  # noqa: F401

