"""Speed and memory benchmark: each stage against a plain ``jieba.lcut`` over the same text, in one run.

Not a test: it measures and prints a table (Markdown, for the README). The
corpus is a year-sized set of issues made from the People's Daily of January
1998 (``../shared/corpora/pd199801/199801.txt`` or ``--corpus``): each day is
rendered as e-paper text by ``epaper.render`` several times, in different
layouts and under different dates, until there are ``--issues`` issues.

    python bench/bench.py                   # 250 issues, about 15 million characters
    python bench/bench.py --issues 20       # a quick run
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import shutil
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


def make_corpus(corpus: str, n_issues: int, out: Path) -> list[Path]:
    """Render the corpus's days as ``n_issues`` issues (人民日报_<date>.txt) under ``out``."""
    from epaper import pfr, render

    articles = pfr.read_pfr(corpus)
    days = [g for _, g in articles.groupby("issue_id", sort=True)]
    layouts = [render.Layout(headline="before", pages="formfeed", width=16, column_break=24),
               render.Layout(headline="after", pages="space", width=13, column_break=30, fullwidth_digits=True),
               render.Layout(headline="before", pages="formfeed", width=22, paragraph_blank=False),
               render.Layout(headline="after", pages="formfeed", width=18, double_headlines=True)]
    paths, start = [], dt.date(1998, 1, 1)
    for k in range(n_issues):
        issue = days[k % len(days)]
        layout = layouts[(k // len(days)) % len(layouts)]
        layout.seed = k
        path = out / f"人民日报_{(start + dt.timedelta(days=k)).isoformat()}.txt"
        path.write_text(render.render_issue(issue, layout), encoding="utf-8")
        paths.append(path)
    return paths


def pdf_speed(corpus: str, out: Path, days: int = 5) -> dict:
    """Seconds to parse the first ``days`` days of the corpus rendered as PDFs, with their pages and
    characters, for each font family (``epaper.render_pdf``)."""
    from epaper import pfr, render_pdf
    from epaper.parse import parse_issue

    out.mkdir(parents=True, exist_ok=True)
    articles = pfr.read_pfr(corpus, days=("19980101", f"199801{days:02d}"))
    result = {}
    for family in render_pdf.FAMILIES:
        paths = [render_pdf.render_issue_pdf(issue, family, out / f"{iid}_{family}.pdf", seed=k)
                 for k, (iid, issue) in enumerate(articles.groupby("issue_id", sort=True))]
        parse_issue(paths[0])                           # the PDF engine loads outside the timing
        t0 = time.perf_counter()
        tables = [parse_issue(p) for p in paths]
        secs = time.perf_counter() - t0
        result[family] = (secs, sum(int(t.page.max()) for t in tables),
                          sum(int(t.n_chars.sum()) for t in tables))
    return result


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "pd199801" / "199801.txt"))
    p.add_argument("--issues", type=int, default=250)
    p.add_argument("--notebooks", action="store_true", help="also time executing the notebooks on the corpus")
    p.add_argument("--repeat", type=int, default=3, help="rounds of every stage (the fastest run of each counts)")
    a = p.parse_args(argv)
    if not Path(a.corpus).exists():
        print(f"no corpus at {a.corpus}: nothing to measure", file=sys.stderr)
        return 1
    tmp = Path(tempfile.mkdtemp(prefix="epaper-bench-"))
    raw, out = tmp / "raw", tmp / "processed"
    raw.mkdir()
    os.environ["EPAPER_PROCESSED"] = str(out)
    os.environ["EPAPER_FIGURES"] = str(tmp / "figures")

    import jieba
    import pandas as pd

    import helpers
    from epaper.paths import CACHE
    from epaper.parse import ITEM_KINDS

    paths = make_corpus(a.corpus, a.issues, raw)
    text = "".join(pth.read_text(encoding="utf-8") for pth in paths)
    n = len(text)
    workers = os.cpu_count() or 1

    import subprocess
    cmd = [sys.executable, str(ROOT / "helpers.py"), "build", "--raw", str(raw), "--out", str(out)]

    def build_from_scratch():           # the name model's cache (out/cache) is kept, as after a first run
        for child in out.iterdir() if out.exists() else []:
            if child.name != CACHE.name:
                shutil.rmtree(child) if child.is_dir() else child.unlink()
        subprocess.run(cmd, check=True, capture_output=True)

    # a first build (it also writes the caches), then one new issue added to the year
    subprocess.run(cmd, check=True, capture_output=True)
    extra = raw / "人民日报_2099-01-01.txt"
    shutil.copy(paths[0], extra)
    rebuilt, t_add = timed(lambda: subprocess.run(cmd, check=True, capture_output=True, text=True))
    assert "(added 1, changed 0, removed 0" in rebuilt.stdout, rebuilt.stdout
    extra.unlink()
    # the largest process of those builds (measured now: children forked later from this process, which
    # then holds the reference's big word list, would count that memory as theirs for an instant)
    build_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    n_items = int(helpers.read_table(out, "articles").kind.isin(ITEM_KINDS).sum())
    jieba.lcut("预热")                      # dictionaries and models load outside the timings
    helpers.extract_people(helpers.parse_issue(paths[0]).head(3))
    helpers.tokenize("预热")

    def parse_all():
        return [len(helpers.parse_issue(pth)) for pth in paths]

    def parse_and_people():                 # issue by issue, as the build does
        return [len(helpers.extract_people(helpers.parse_issue(pth))) for pth in paths]

    items = pd.concat([helpers.parse_issue(pth) for pth in paths], ignore_index=True)
    bodies = items.loc[items.kind.isin(ITEM_KINDS), "body"].tolist()
    del items
    n_body = sum(map(len, bodies))
    # a.repeat rounds of every stage, the reference among them; the fastest run of each counts
    # (the machine's speed drifts over minutes, so each round measures everything close together)
    best: dict[str, float] = {}
    build_name = f"full build: `python helpers.py build` (parse, people, topics, tables), {workers} processes"
    stages = [("jieba.lcut (reference), 1 process", lambda: jieba.lcut(text)),
              ("parse, 1 process", parse_all),
              ("parse + people, 1 process", parse_and_people),
              ("tokenize (jieba-rs), 1 process", lambda: [helpers.tokenize(b) for b in bodies]),
              (build_name, build_from_scratch)]
    for _ in range(a.repeat):
        for name, fn in stages:
            out_, secs = timed(fn)
            del out_
            best[name] = min(best.get(name, secs), secs)
    best["tokenize (jieba-rs), 1 process"] *= n / max(1, n_body)       # per character of the whole text
    t_jieba = best["jieba.lcut (reference), 1 process"]
    rows = list(best.items())
    if a.notebooks:
        from epaper.notebooks import run_notebooks
        _, t_nb = timed(lambda: run_notebooks(out_dir=tmp / "notebooks", progress=False))
    print(f"corpus: {len(paths)} issues, {n:,} characters, {n_items:,} items; {workers} cores")
    print()
    print("| stage | seconds | characters a second | × jieba.lcut |")
    print("| --- | ---: | ---: | ---: |")
    for name, secs in rows:
        print(f"| {name} | {secs:.1f} | {n / secs:,.0f} | {t_jieba / secs:.2f} |")
    print(f"| add one issue and rebuild: `python helpers.py build` | {t_add:.2f} | | |")
    if a.notebooks:
        print(f"| execute the four notebooks on the corpus | {t_nb:.1f} | | |")
    print(f"| peak memory of the build (largest of its processes) | {build_peak:,.0f} MB | | |")
    for family, (secs, pages, chars) in pdf_speed(a.corpus, tmp / "pdf").items():
        print(f"| parse a PDF issue ({family} font), per page: {pages} pages, {chars:,} characters | "
              f"{secs / pages:.3f} | {chars / secs:,.0f} | |")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
