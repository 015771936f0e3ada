"""Batch: every raw issue in ``data/raw/`` -> the tables in ``data/processed/``.

A bad file never stops a build: it is recorded in ``problems.csv`` with the
reason, and the rest proceeds. Outputs are written to a temporary file and
renamed into place, so an interrupted build leaves the previous outputs whole.
"""
from __future__ import annotations

import csv
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import lines, paths, storage
from .storage import write_atomic, write_parquet
from .inputs import SUFFIXES, is_input, read_input
from .parse import COLUMNS, ITEM_KINDS, PARSER_VERSION, conservation
from .people import COLUMNS as PEOPLE_COLUMNS
from .people import PRESENT_ROLES, extract_people
from .topics import classify_topics
from .read import ParseError


def raw_issues(raw_dir=None) -> list[Path]:
    """The inputs in a raw folder (``inputs.is_input``): each ``*.txt``, ``*.docx`` or ``*.pdf`` issue (or
    labelled export), each sub-folder of page files (text, Word or PDF), each table of articles (``.csv``,
    ``.tsv``, ``.jsonl``, ``.xlsx``, ``.parquet``; ``issues.csv`` is the manifest) and each saved web page
    of one article (``.html``). The files it leaves out are ``unread_files``."""
    raw_dir = Path(raw_dir or paths.RAW)
    out = []
    for p in sorted(raw_dir.iterdir()):
        if p.name.startswith(".") or p.name == paths.MANIFEST.name:
            continue
        if is_input(p):
            out.append(p)
    return out


def unread_files(raw_dir=None) -> list[dict]:
    """The files of a raw folder the build does not read (another type: .doc, .rtf, an image …), each with
    the reason, for ``problems.csv``: so nothing put there is passed over in silence."""
    raw_dir = Path(raw_dir or paths.RAW)
    kinds = ", ".join(SUFFIXES)
    return [{"file": p.name, "reason": f"not read: {p.suffix or 'a name without a suffix'} is no type the build reads "
                                      f"({kinds}; a .doc can be saved as .docx, scans need OCR first)"}
            for p in sorted(raw_dir.iterdir())
            if p.is_file() and not p.name.startswith(".") and p.name != paths.MANIFEST.name and not is_input(p)]


def read_manifest(raw_dir=None) -> dict[str, dict]:
    """``data/raw/issues.csv`` (columns file, newspaper, date): metadata for files whose names lack it."""
    path = Path(raw_dir or paths.RAW) / paths.MANIFEST.name
    if not path.exists():
        return {}
    with path.open(encoding="utf-8-sig", newline="") as f:
        return {row["file"].strip(): row for row in csv.DictReader(f) if row.get("file")}


TABLES = ("articles", "people", "topics", "issues")


def read_table(out_dir, name: str) -> pd.DataFrame:
    """One output table: its per-issue Parquet files concatenated in the order of the raw files
    (with the table's columns where there are none yet)."""
    return storage.read_table(out_dir, name, {"articles": COLUMNS, "people": PEOPLE_COLUMNS}.get(name, ["article_id"]))


@dataclass
class BuildResult:
    """What a build did (``counts``, ``problems``) and, read on demand, the tables it left."""

    out_dir: Path
    counts: dict = field(default_factory=dict)
    problems: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["file", "reason"]))
    totals: dict = field(default_factory=dict)

    def __getattr__(self, name):
        if name in TABLES:
            return read_table(self.out_dir, name)
        raise AttributeError(name)

    def summary(self) -> str:
        c, t = self.counts, self.totals
        return (f"issues: {t.get('issues', 0)} (added {c.get('added', 0)}, changed {c.get('changed', 0)}, "
                f"removed {c.get('removed', 0)}, reused {c.get('reused', 0)}), items: {t.get('items', 0)}, "
                f"officials: {t.get('officials', 0)}, problems: {len(self.problems)}"
                + "".join(f"\n{name}: no text on page(s) {pages} (images? they need OCR)"
                          for name, pages in sorted(t.get("empty_pages", {}).items())))


def parse_one(path: Path, manifest: dict | None = None) -> tuple[pd.DataFrame, dict]:
    """Parse one issue (or read one table of articles) with the manifest's metadata; also measure how much
    text it kept."""
    meta = (manifest or {}).get(path.name, {})
    df, raw = read_input(path, date=meta.get("date") or None, newspaper=meta.get("newspaper") or None)
    cons = conservation(raw, df)
    info = {
        "issue_id": df.issue_id.iloc[0], "source": path.name, "newspaper": df.newspaper.iloc[0],
        "issue_date": df.issue_date.iloc[0], "issue_date_inferred": bool(df.issue_date_inferred.iloc[0]),
        "pages": int(df.attrs.get("pages") or df.page.max()),
        "empty_pages": ", ".join(map(str, df.attrs.get("empty_pages", []))),      # pages without text (images)
        "column_pages": ", ".join(map(str, df.attrs.get("column_pages", []))),    # columns side by side: read so
        "items": int(df.kind.isin(ITEM_KINDS).sum()), "rows": len(df),
        "layout": df.layout.iloc[0], "input_chars": cons["input_chars"], "conserved": round(cons["ratio"], 6),
        "missing_chars": "".join(sorted(cons["missing"])),
    }
    return df, info


def process_issue(path: Path, manifest: dict | None = None, roster: pd.DataFrame | None = None):
    """Everything done per issue: parse, measure conservation, extract people.

    Returns ``(articles, info, people)``, or ``(None, problem, None)`` for a
    file that cannot be parsed; runs in a worker process during ``build``.
    """
    try:
        df, info = parse_one(path, manifest)
    except ParseError as e:
        return None, {"file": path.name, "reason": e.reason}, None
    people = extract_people(df, roster=roster)
    return df, info, people


def write_issue(path: Path, out_dir: Path, manifest: dict | None = None, roster: pd.DataFrame | None = None) -> dict:
    """``process_issue`` plus the item topics, written as the issue's file in each table folder.

    Runs in a worker process during ``build``; returns the issue's entry for
    ``state.json`` (without its key): the problem, or the items and officials.
    """
    df, info, people = process_issue(path, manifest, roster)
    if df is None:
        for t in TABLES:
            (out_dir / t / f"{path.name}.parquet").unlink(missing_ok=True)
        return {"problem": info["reason"]}
    tables = {"articles": df, "people": people, "topics": classify_topics(df), "issues": pd.DataFrame([info])}
    for t, table in tables.items():
        write_parquet(table, out_dir / t / f"{path.name}.parquet", sync=False)     # synced before state.json
    return {"problem": None, "items": int(df.kind.isin(ITEM_KINDS).sum()),
            "officials": sorted(set(people.loc[people.role.isin(PRESENT_ROLES), "name"])),
            "empty_pages": info["empty_pages"]}


STATE = "state.json"


def fingerprint() -> str:
    """What decides an issue's rows besides its own bytes: the parser's version, the segmentation chosen
    (``lines.SWITCH``), the word lists, the models (names, line labels) and the roster. A change to any of
    them re-parses every issue."""
    h = hashlib.sha256(PARSER_VERSION.encode())
    h.update(lines.chosen().encode())                                 # rules alone, or the line labeller
    files = sorted(paths.LEXICONS.glob("*")) + sorted(paths.MODELS.glob("*")) + [paths.ROSTER]
    for f in files:
        if f.is_file():
            h.update(f.name.encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def issue_key(path: Path, meta: dict, fp: str) -> str:
    """A raw issue's cache key: its bytes (every page file of a folder), its manifest row, ``fingerprint``."""
    h = hashlib.sha256(fp.encode())
    h.update(json.dumps(meta, sort_keys=True, ensure_ascii=False).encode())
    for f in sorted(path.iterdir()) if path.is_dir() else [path]:
        if f.is_file():
            h.update(f.name.encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:24]


def build(raw_dir=None, out_dir=None, progress: bool = True, workers: int | None = None) -> BuildResult:
    """Parse the issues under ``raw_dir`` that are new or changed and update the tables in ``out_dir``.

    The tables are folders with one Parquet file per raw issue (read them with
    ``read_table`` or the ``load_*`` functions): ``articles/`` (one row per
    item), ``people/`` (one row per item, person and role), ``topics/`` (each
    item's dictionary topic) and ``issues/`` (pages, items, layout, characters
    conserved); beside them ``problems.csv`` (files that could not be parsed,
    with the reason) and ``state.json`` (each raw file's cache key).

    Incremental: an issue whose bytes, manifest row, parser version, word
    lists, name model and roster are unchanged keeps its files; a removed raw
    file loses them. New and changed issues are processed in parallel on
    ``workers`` processes (default: every core), each written as soon as it is
    done, so memory holds one issue at a time. Every file is written to a
    temporary file and renamed into place, ``state.json`` last: a build killed
    at any moment leaves every table readable, and the next build completes.

    >>> result = build()                     # doctest: +SKIP
    >>> print(result.summary())              # doctest: +SKIP
    issues: 1 (added 1, changed 0, removed 0, reused 0), items: 26, officials: 18, problems: 0
    """
    import os
    from concurrent.futures import ProcessPoolExecutor

    from .people import read_roster

    raw_dir = Path(raw_dir or paths.RAW)
    out_dir = Path(out_dir or paths.PROCESSED)
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in list(out_dir.glob(".*.tmp")) + list(out_dir.glob("*/.*.tmp")):   # left by a killed build
        stale.unlink(missing_ok=True)
    for legacy in TABLES:                                  # single-file tables of earlier versions
        (out_dir / f"{legacy}.parquet").unlink(missing_ok=True)
    manifest = read_manifest(raw_dir)
    files = raw_issues(raw_dir)
    fp = fingerprint()
    keys = {f.name: issue_key(f, manifest.get(f.name, {}), fp) for f in files}
    try:
        old = json.loads((out_dir / STATE).read_text(encoding="utf-8")).get("files", {})
    except (OSError, ValueError):
        old = {}

    def complete(name: str) -> bool:
        entry = old.get(name, {})
        return entry.get("key") == keys[name] and (entry.get("problem") or
                                                  all((out_dir / t / f"{name}.parquet").exists() for t in TABLES))

    todo = [f for f in files if not complete(f.name)]
    state = {f.name: old[f.name] for f in files if f.name not in {t.name for t in todo}}
    removed = [n for n in old if n not in keys]
    for name in removed:
        for t in TABLES:
            (out_dir / t / f"{name}.parquet").unlink(missing_ok=True)

    roster = read_roster()
    workers = max(1, min(workers or os.cpu_count() or 1, len(todo) or 1))
    for t in TABLES:
        (out_dir / t).mkdir(exist_ok=True)

    def store(f: Path, entry: dict) -> None:
        state[f.name] = {"key": keys[f.name], **entry}
        bar.update()

    bar = _bar(len(todo), progress)
    if workers == 1:
        for f in todo:
            store(f, write_issue(f, out_dir, manifest, roster))
    else:
        with ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=_worker_init,
                                 initargs=(lines.chosen(),)) as pool:
            chunk = max(1, len(todo) // (workers * 8))
            n = len(todo)
            results = pool.map(write_issue, todo, [out_dir] * n, [manifest] * n, [roster] * n, chunksize=chunk)
            for f, entry in zip(todo, results):
                store(f, entry)
    bar.close()

    state = {f.name: state[f.name] for f in files}
    problems = pd.DataFrame([{"file": n, "reason": e["problem"]} for n, e in state.items() if e.get("problem")]
                            + unread_files(raw_dir), columns=["file", "reason"])
    if todo and hasattr(os, "sync"):
        os.sync()           # the workers' files reach the disk before state.json says they are there
    write_atomic(out_dir / paths.PROBLEMS.name, problems.to_csv(index=False))
    write_atomic(out_dir / STATE, json.dumps({"fingerprint": fp, "files": state}, ensure_ascii=False, indent=1,
                                             sort_keys=True))
    ok = [e for e in state.values() if not e.get("problem")]
    totals = {"issues": len(ok), "items": sum(e.get("items", 0) for e in ok),
              "officials": len({n for e in ok for n in e.get("officials", [])}),
              "empty_pages": {n: e["empty_pages"] for n, e in state.items() if e.get("empty_pages")}}
    counts = {"added": sum(1 for f in todo if f.name not in old), "changed": sum(1 for f in todo if f.name in old),
              "removed": len(removed), "reused": len(files) - len(todo)}
    return BuildResult(out_dir, counts, problems, totals)


def _bar(total: int, progress: bool):
    """The progress bar of a build (tqdm), without tqdm's monitor thread: a process with one thread
    can fork its workers (see ``_context``)."""
    from tqdm.auto import tqdm

    class Bar(tqdm):
        monitor_interval = 0

    return Bar(total=total, desc="parse", unit="issue", disable=not progress)


def _context():
    """How worker processes start.

    A process with one thread (``python helpers.py run``) forks: workers are
    copies of it, with the pipeline imported and the name model loaded. Where
    other threads run (a Jupyter kernel has several) forking can deadlock, so
    a fork server starts the workers instead; it imports the pipeline and
    loads the model once for all of them.
    """
    import multiprocessing
    import threading

    from . import names

    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        names.warm()                                          # once, before the copies
        if threading.active_count() == 1:
            return multiprocessing.get_context("fork")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["epaper.warm"])
    return ctx


def _worker_init(segmentation: str = "") -> None:
    """A build worker: segment as the build was asked to (``lines.SWITCH``, which a fork server started
    earlier would not know), collect garbage less often (it allocates many small objects and keeps few), and
    keep Arrow to one thread (the other cores run workers of their own)."""
    import gc

    if segmentation:
        os.environ[lines.SWITCH] = segmentation
    else:
        os.environ.pop(lines.SWITCH, None)

    import pyarrow as pa

    gc.set_threshold(50_000, 20, 100)
    pa.set_cpu_count(1)
    pa.set_io_thread_count(1)


def _load(name: str, rebuild_if_missing: bool = True) -> pd.DataFrame:
    if rebuild_if_missing and not ((paths.PROCESSED / STATE).exists() and (paths.PROCESSED / name).is_dir()):
        build(progress=False)
    return read_table(paths.PROCESSED, name)


def load_articles() -> pd.DataFrame:
    """The article table of the last build; builds it first when there is none."""
    return _load("articles")


def load_people() -> pd.DataFrame:
    """The people table (``extract_people`` over every item) of the last build."""
    return _load("people")


def load_topics() -> pd.DataFrame:
    """The dictionary-topic table (``classify_topics`` over every item) of the last build."""
    return _load("topics")


def load_issues() -> pd.DataFrame:
    """The per-issue table of the last build: pages, items, layout, characters conserved."""
    return _load("issues")


def corpus_overview(articles: pd.DataFrame) -> pd.DataFrame:
    """Items by issue and kind (with totals): the corpus at a glance.

    >>> corpus_overview(load_articles())      # doctest: +SKIP
    """
    items = articles[articles.kind.isin(ITEM_KINDS)]
    table = items.pivot_table(index=["issue_id"], columns="kind", values="article_id", aggfunc="count", fill_value=0)
    table["pages"] = articles.groupby("issue_id").page.max()
    table["chars"] = items.groupby("issue_id").n_chars.sum()
    return table


def data_quality(articles: pd.DataFrame, issues: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per issue: inferred dates, items without headline or date, likely merges and cuts, text not in an
    article, characters kept.

    ``likely_merged`` counts items with a second dateline inside or unusually
    long ones, ``likely_cut`` items that start mid-sentence, ``unjoined_parts``
    parts of articles continued from another page (（上接第1版）…) left on their
    own (``tables.quality_flags`` lists them one by one); "page_level_rows" counts the rows of page-level text
    (page titles, credits, headers); "conserved" is the share of the input's
    characters found in the table; "empty_pages" names the pages without any text
    (pages of images in a PDF, empty pages between form feeds, empty page files: their
    text needs OCR); "column_pages" the pages whose columns stood side by side in the text
    (``pdftotext -layout``) and were read column by column: their items are less sure.
    """
    from .tables import quality_flags

    flags = quality_flags(articles)
    merged = flags[flags.flag.isin(["inner_dateline", "inner_bullet", "long"])].groupby("issue_id").article_id.nunique()
    cut = flags[flags.flag == "mid_sentence"].groupby("issue_id").article_id.nunique()
    unjoined = flags[flags.flag == "unjoined_part"].groupby("issue_id").article_id.nunique()
    rows = []
    for issue_id, df in articles.groupby("issue_id", sort=True):
        items = df[df.kind.isin(ITEM_KINDS)]
        rows.append({
            "issue_id": issue_id,
            "issue_date": df.issue_date.iloc[0],
            "date_inferred": bool(df.issue_date_inferred.iloc[0]),
            "layout": df.layout.iloc[0],
            "items": len(items),
            "no_headline": int(items[items.kind.isin(["news", "feature"])].headline.isna().sum()),
            "no_event_date": int(items.event_date.isna().sum()),
            "no_journalist": int(sum(1 for _, r in items.iterrows()
                                     if r.kind in ("news", "feature") and len(r.reporters) + len(r.correspondents) == 0)),
            "likely_merged": int(merged.get(issue_id, 0)),
            "likely_cut": int(cut.get(issue_id, 0)),
            "unjoined_parts": int(unjoined.get(issue_id, 0)),
            "page_level_rows": int((~df.kind.isin(ITEM_KINDS)).sum()),
        })
    out = pd.DataFrame(rows)
    if issues is not None and len(out):
        kept = [c for c in ("conserved", "missing_chars", "empty_pages", "column_pages") if c in issues]  # tables
        out = out.merge(issues[["issue_id", *kept]], on="issue_id", how="left")     # built before may lack some
    return out
