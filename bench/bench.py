"""Speed benchmark: the pipeline against a plain ``jieba.lcut`` pass over the same text, in one run.

Not a test: it measures and prints a table. The corpus is the People's Daily
of January 1998 (``../shared/corpora/pd199801/199801.txt``, or ``--corpus``),
rendered as e-paper text, one file per day, by ``epaper.render``.

    python bench/bench.py                 # building days 1998-01-01 … 01-21
    python bench/bench.py --days 5        # a quicker run on the first five days
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(fn):
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "pd199801" / "199801.txt"))
    p.add_argument("--days", type=int, default=21, help="how many building days to render (1-21)")
    a = p.parse_args(argv)
    if not Path(a.corpus).exists():
        print(f"no corpus at {a.corpus}: nothing to measure", file=sys.stderr)
        return 1

    import jieba

    import helpers
    from epaper import render
    from epaper.parse import ITEM_KINDS

    last = f"199801{a.days:02d}"
    articles = helpers.read_pfr(a.corpus, days=("19980101", last))
    tmp = Path(tempfile.mkdtemp(prefix="bench-"))
    paths = []
    for k, (issue_id, issue) in enumerate(articles.groupby("issue_id")):
        path = tmp / f"{issue_id}.txt"
        path.write_text(render.render_issue(issue, render.Layout(width=16, column_break=20, seed=k)), encoding="utf-8")
        paths.append(path)
    text = "".join(pth.read_text(encoding="utf-8") for pth in paths)
    n = len(text)
    jieba.lcut("预热")                    # load jieba's dictionary outside the timing
    helpers.extract_people(helpers.parse_issue(paths[0]).head(3))  # load the name model likewise
    helpers.tokenize("预热")              # and the tokenizer

    rows = []
    _, t_jieba = timed(lambda: jieba.lcut(text))
    rows.append(("jieba.lcut (reference)", t_jieba))
    tables, t_parse = timed(lambda: [helpers.parse_issue(pth) for pth in paths])
    rows.append(("parse", t_parse))
    import pandas as pd
    allart = pd.concat(tables, ignore_index=True)
    items = allart[allart.kind.isin(ITEM_KINDS)]
    _, t_people = timed(lambda: helpers.extract_people(items))
    rows.append(("extract people", t_people))
    rows.append(("parse + extract people", t_parse + t_people))
    _, t_tok = timed(lambda: [helpers.tokenize(t) for t in items.body])
    rows.append(("tokenize (jieba-rs)", t_tok * n / max(1, int(items.n_chars.sum()))))
    import os
    workers = os.cpu_count() or 1
    _, t_build = timed(lambda: helpers.build(tmp, tmp / "out", progress=False, workers=workers))
    rows.append((f"the same, {workers} processes", t_build))

    print(f"corpus: {len(paths)} issues, {n:,} characters, {len(items):,} items (People's Daily 1998-01-01 … {last})")
    print(f"{'stage':<26}{'seconds':>9}{'chars/s':>12}{'× jieba.lcut':>14}")
    for name, secs in rows:
        print(f"{name:<26}{secs:>9.2f}{n / secs:>12,.0f}{t_jieba / secs:>14.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
