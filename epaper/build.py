"""Batch: every raw issue in ``data/raw/`` -> ``data/processed/articles.parquet``.

A bad file never stops a build: it is recorded in ``problems.csv`` with the
reason, and the rest proceeds. Outputs are written to a temporary file and
renamed into place, so an interrupted build leaves the previous outputs whole.
"""
from __future__ import annotations

import csv
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import paths
from .parse import COLUMNS, ITEM_KINDS, conservation, parse_issue
from .people import COLUMNS as PEOPLE_COLUMNS
from .people import extract_people
from .topics import classify_topics
from .read import ParseError, read_pages


def raw_issues(raw_dir=None) -> list[Path]:
    """The issues in a raw folder: each ``*.txt`` file and each sub-folder of page files."""
    raw_dir = Path(raw_dir or paths.RAW)
    out = []
    for p in sorted(raw_dir.iterdir()):
        if p.name.startswith("."):
            continue
        if p.is_dir() or (p.is_file() and p.suffix.lower() == ".txt"):
            out.append(p)
    return out


def read_manifest(raw_dir=None) -> dict[str, dict]:
    """``data/raw/issues.csv`` (columns file, newspaper, date): metadata for files whose names lack it."""
    path = Path(raw_dir or paths.RAW) / paths.MANIFEST.name
    if not path.exists():
        return {}
    with path.open(encoding="utf-8-sig", newline="") as f:
        return {row["file"].strip(): row for row in csv.DictReader(f) if row.get("file")}


@dataclass
class BuildResult:
    articles: pd.DataFrame
    issues: pd.DataFrame
    problems: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["file", "reason"]))
    people: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=PEOPLE_COLUMNS))

    def summary(self) -> str:
        items = int(self.articles.kind.isin(ITEM_KINDS).sum()) if len(self.articles) else 0
        return f"issues: {len(self.issues)}, items: {items}, problems: {len(self.problems)}"


def parse_one(path: Path, manifest: dict | None = None) -> tuple[pd.DataFrame, dict]:
    """Parse one issue with the manifest's metadata; also measure how much text it kept."""
    meta = (manifest or {}).get(path.name, {})
    df = parse_issue(path, date=meta.get("date") or None, newspaper=meta.get("newspaper") or None)
    raw = "\n".join(t for pg in read_pages(path) for _, t in pg.lines)
    cons = conservation(raw, df)
    info = {
        "issue_id": df.issue_id.iloc[0], "source": path.name, "newspaper": df.newspaper.iloc[0],
        "issue_date": df.issue_date.iloc[0], "issue_date_inferred": bool(df.issue_date_inferred.iloc[0]),
        "pages": int(df.page.max()), "items": int(df.kind.isin(ITEM_KINDS).sum()), "rows": len(df),
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


def build(raw_dir=None, out_dir=None, progress: bool = True, workers: int | None = None) -> BuildResult:
    """Parse every issue under ``raw_dir`` and write the tables to ``out_dir``.

    Writes ``articles.parquet`` (one row per item), ``people.parquet`` (one row
    per item, person and role), ``topics.parquet`` (each item's dictionary
    topic), ``issues.parquet`` (one row per issue: pages,
    items, layout, characters conserved) and ``problems.csv`` (files that
    could not be parsed, with the reason). Issues are processed in parallel
    on ``workers`` processes (default: every core); the tables come out in
    the order of the files, whatever the number of workers.

    >>> result = build()                     # doctest: +SKIP
    >>> print(result.summary())              # doctest: +SKIP
    issues: 1, items: 26, problems: 0
    """
    import os
    from concurrent.futures import ProcessPoolExecutor

    from tqdm.auto import tqdm

    from .people import read_roster

    raw_dir = Path(raw_dir or paths.RAW)
    out_dir = Path(out_dir or paths.PROCESSED)
    manifest = read_manifest(raw_dir)
    roster = read_roster()
    files = raw_issues(raw_dir)
    workers = max(1, min(workers or os.cpu_count() or 1, len(files)))
    bar = tqdm(total=len(files), desc="parse", unit="issue", disable=not progress)
    results = []
    if workers == 1:
        for path in files:
            results.append(process_issue(path, manifest, roster))
            bar.update()
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            chunk = max(1, len(files) // (workers * 8))
            for res in pool.map(process_issue, files, [manifest] * len(files), [roster] * len(files), chunksize=chunk):
                results.append(res)
                bar.update()
    bar.close()
    frames = [r[0] for r in results if r[0] is not None]
    infos = [r[1] for r in results if r[0] is not None]
    problems = [r[1] for r in results if r[0] is None]
    people_frames = [r[2] for r in results if r[0] is not None]
    articles = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=COLUMNS)
    people = pd.concat(people_frames, ignore_index=True) if people_frames else pd.DataFrame(columns=PEOPLE_COLUMNS)
    issues = pd.DataFrame(infos)
    problems_df = pd.DataFrame(problems, columns=["file", "reason"])
    out_dir.mkdir(parents=True, exist_ok=True)
    write_parquet(articles, out_dir / paths.ARTICLES.name)
    write_parquet(people, out_dir / paths.PEOPLE.name)
    write_parquet(classify_topics(articles) if len(articles) else pd.DataFrame(columns=["article_id", "topic"]),
                  out_dir / paths.TOPICS.name)
    write_parquet(issues, out_dir / "issues.parquet")
    write_atomic(out_dir / paths.PROBLEMS.name, problems_df.to_csv(index=False))
    return BuildResult(articles, issues, problems_df, people)


def write_atomic(path: Path, data) -> None:
    """Write text or bytes to a temporary file beside ``path`` and rename it into place."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_parquet(df: pd.DataFrame, path: Path) -> None:
    """Write a DataFrame as Parquet, atomically."""
    import io
    buf = io.BytesIO()
    df.to_parquet(buf, index=False)
    write_atomic(path, buf.getvalue())


def load_articles(path=None, rebuild_if_missing: bool = True) -> pd.DataFrame:
    """The article table; builds it first when it does not exist yet."""
    path = Path(path or paths.ARTICLES)
    if not path.exists() and rebuild_if_missing:
        build(progress=False)
    return pd.read_parquet(path)


def load_people(path=None) -> pd.DataFrame:
    """The people table (``extract_people`` over every item), built when missing."""
    path = Path(path or paths.PEOPLE)
    if not path.exists():
        build(progress=False)
    return pd.read_parquet(path)


def load_topics(path=None) -> pd.DataFrame:
    """The dictionary-topic table (``classify_topics`` over every item), built when missing."""
    path = Path(path or paths.TOPICS)
    if not path.exists():
        build(progress=False)
    return pd.read_parquet(path)


def load_issues(path=None) -> pd.DataFrame:
    """The per-issue table written by ``build``."""
    path = Path(path or paths.PROCESSED / "issues.parquet")
    if not path.exists():
        build(progress=False)
    return pd.read_parquet(path)


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
    """Per issue: inferred dates, items without headline or date, text not in an article, characters kept.

    "Outside articles" counts the rows of page-level text (page titles,
    credits, headers) and notes; "conserved" is the share of the input's
    characters found in the table.
    """
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
            "page_level_rows": int((~df.kind.isin(ITEM_KINDS)).sum()),
        })
    out = pd.DataFrame(rows)
    if issues is not None and len(out):
        out = out.merge(issues[["issue_id", "conserved", "missing_chars"]], on="issue_id", how="left")
    return out
