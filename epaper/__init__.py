"""The pipeline behind ``helpers``: read -> clean -> segment -> annotate -> (people, topics, figures)."""
from __future__ import annotations

import contextlib
import gc

FEW_COLLECTIONS = (50_000, 20, 100)     # gc thresholds while parsing (Python's own: 700, 10, 10)


@contextlib.contextmanager
def few_collections():
    """Collect garbage less often inside the block, then as before.

    Parsing an issue makes millions of small objects (lines, blocks, matches)
    that live briefly and form no cycles; at Python's own thresholds the
    collector runs every 700 new objects and takes about a tenth of the
    parse. Thresholds set higher already (a build worker's) stay.

    >>> import gc
    >>> before = gc.get_threshold()
    >>> with few_collections():
    ...     gc.get_threshold()[0] >= 50_000
    True
    >>> gc.get_threshold() == before
    True
    """
    before = gc.get_threshold()
    gc.set_threshold(*(max(a, b) for a, b in zip(before, FEW_COLLECTIONS)))
    try:
        yield
    finally:
        gc.set_threshold(*before)
