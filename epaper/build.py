"""Batch: every raw issue in ``data/raw/`` -> ``data/processed/articles.parquet``.

A bad file never stops a build: it is recorded in ``problems.csv`` with the
reason, and the rest proceeds. Outputs are written to a temporary file and
renamed into place, so an interrupted build leaves the previous outputs whole.
"""
from __future__ import annotations

import csv
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import paths
from .parse import COLUMNS, ITEM_KINDS, PARSER_VERSION, conservation, parse_issue
from .people import COLUMNS as PEOPLE_COLUMNS
from .people import PRESENT_ROLES, extract_people
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
    topics: pd.DataFrame = field(default_factory=pd.DataFrame)
    counts: dict = field(default_factory=dict)

    def summary(self) -> str:
        items = int(self.articles.kind.isin(ITEM_KINDS).sum()) if len(self.articles) else 0
        officials = self.people.loc[self.people.role.isin(PRESENT_ROLES), "name"].nunique() if len(self.people) else 0
        c = self.counts
        delta = f" (added {c.get('added', 0)}, changed {c.get('changed', 0)}, removed {c.get('removed', 0)}, " \
                f"reused {c.get('reused', 0)})" if c else ""
        return f"issues: {len(self.issues)}{delta}, items: {items}, officials: {officials}, problems: {len(self.problems)}"


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


STATE = "state.json"


def fingerprint() -> str:
    """What decides an issue's rows besides its own bytes: the parser's version, the word lists,
    the name model and the roster. A change to any of them re-parses every issue."""
    h = hashlib.sha256(PARSER_VERSION.encode())
    files = sorted(paths.LEXICONS.glob("*")) + sorted((paths.DATA / "models").glob("*")) + [paths.ROSTER]
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


def _previous(out_dir: Path):
    """The last build's state and tables, or None when any of them is missing or unreadable."""
    try:
        state = json.loads((out_dir / STATE).read_text(encoding="utf-8"))
        tables = {name: pd.read_parquet(out_dir / f"{name}.parquet") for name in ("articles", "people", "topics", "issues")}
    except (OSError, ValueError, KeyError):
        return None
    return state, tables


def build(raw_dir=None, out_dir=None, progress: bool = True, workers: int | None = None) -> BuildResult:
    """Parse the issues under ``raw_dir`` that are new or changed and write the tables to ``out_dir``.

    Writes ``articles.parquet`` (one row per item), ``people.parquet`` (one row
    per item, person and role), ``topics.parquet`` (each item's dictionary
    topic), ``issues.parquet`` (one row per issue: pages, items, layout,
    characters conserved), ``problems.csv`` (files that could not be parsed,
    with the reason) and ``state.json`` (each raw file's cache key).

    Incremental: an issue whose bytes, manifest row, parser version, word
    lists, name model and roster are unchanged keeps its rows from the last
    build; a removed file drops its rows. New and changed issues are processed
    in parallel on ``workers`` processes (default: every core). Rows come out
    in the order of the files, so the same inputs give the same tables
    whatever was cached. Every output is written to a temporary file and
    renamed into place, ``state.json`` last: a build killed at any moment
    leaves the previous outputs whole, and the next build completes.

    >>> result = build()                     # doctest: +SKIP
    >>> print(result.summary())              # doctest: +SKIP
    issues: 1 (added 1, changed 0, removed 0, reused 0), items: 26, officials: 18, problems: 0
    """
    import os
    from concurrent.futures import ProcessPoolExecutor

    from tqdm.auto import tqdm

    from .people import read_roster

    raw_dir = Path(raw_dir or paths.RAW)
    out_dir = Path(out_dir or paths.PROCESSED)
    manifest = read_manifest(raw_dir)
    files = raw_issues(raw_dir)
    fp = fingerprint()
    keys = {f.name: issue_key(f, manifest.get(f.name, {}), fp) for f in files}
    prev = _previous(out_dir)
    old = prev[0].get("files", {}) if prev else {}
    todo = [f for f in files if old.get(f.name, {}).get("key") != keys[f.name]]
    reused = {f.name for f in files} - {f.name for f in todo}

    roster = read_roster()
    workers = max(1, min(workers or os.cpu_count() or 1, len(todo) or 1))
    bar = tqdm(total=len(todo), desc="parse", unit="issue", disable=not progress)
    results = {}
    if workers == 1:
        for f in todo:
            results[f.name] = process_issue(f, manifest, roster)
            bar.update()
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            chunk = max(1, len(todo) // (workers * 8))
            for f, res in zip(todo, pool.map(process_issue, todo, [manifest] * len(todo), [roster] * len(todo),
                                             chunksize=chunk)):
                results[f.name] = res
                bar.update()
    bar.close()

    order = {f.name: i for i, f in enumerate(files)}
    art_parts, people_parts, topic_parts, issue_parts = [], [], [], []
    if prev and reused:
        t = prev[1]
        kept = t["articles"][t["articles"].source.isin(reused)]
        art_parts.append(kept)
        people_parts.append(t["people"][t["people"].article_id.isin(kept.article_id)])
        topic_parts.append(t["topics"][t["topics"].article_id.isin(kept.article_id)])
        issue_parts.append(t["issues"][t["issues"].source.isin(reused)])
    problems, state_files = [], {}
    for f in files:
        if f.name in results:
            df, info, people = results[f.name]
            if df is None:
                problems.append(info)
                state_files[f.name] = {"key": keys[f.name], "problem": info["reason"]}
                continue
            art_parts.append(df)
            people_parts.append(people)
            topic_parts.append(classify_topics(df))
            issue_parts.append(pd.DataFrame([info]))
        elif old.get(f.name, {}).get("problem"):
            problems.append({"file": f.name, "reason": old[f.name]["problem"]})
            state_files[f.name] = {"key": keys[f.name], "problem": old[f.name]["problem"]}
            continue
        state_files[f.name] = {"key": keys[f.name], "problem": None}

    articles = _concat(art_parts, COLUMNS)
    if len(articles):
        articles = articles.assign(_o=articles.source.map(order)).sort_values(["_o", "seq"], kind="stable") \
            .drop(columns="_o").reset_index(drop=True)
    rank = {a: i for i, a in enumerate(articles.article_id)}
    people = _sorted_by(_concat(people_parts, PEOPLE_COLUMNS), rank)
    topics = _sorted_by(_concat(topic_parts, ["article_id", "topic"]), rank)
    issues = _concat(issue_parts, [])
    if len(issues):
        issues = issues.assign(_o=issues.source.map(order)).sort_values("_o", kind="stable").drop(columns="_o") \
            .reset_index(drop=True)
    problems_df = pd.DataFrame(problems, columns=["file", "reason"])

    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in out_dir.glob(".*.tmp"):                  # left by a build that was killed while writing
        stale.unlink(missing_ok=True)
    write_parquet(articles, out_dir / paths.ARTICLES.name)
    write_parquet(people, out_dir / paths.PEOPLE.name)
    write_parquet(topics, out_dir / paths.TOPICS.name)
    write_parquet(issues, out_dir / "issues.parquet")
    write_atomic(out_dir / paths.PROBLEMS.name, problems_df.to_csv(index=False))
    write_atomic(out_dir / STATE, json.dumps({"fingerprint": fp, "files": state_files}, ensure_ascii=False,
                                             indent=1, sort_keys=True))
    names = set(order)
    counts = {"added": sum(1 for f in todo if f.name not in old), "changed": sum(1 for f in todo if f.name in old),
              "removed": sum(1 for n in old if n not in names), "reused": len(reused)}
    return BuildResult(articles, issues, problems_df, people, topics, counts)


def _concat(parts, columns) -> pd.DataFrame:
    parts = [p for p in parts if p is not None and len(p)]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)


def _sorted_by(df: pd.DataFrame, rank: dict) -> pd.DataFrame:
    if not len(df):
        return df
    return df.assign(_o=df.article_id.map(rank)).sort_values("_o", kind="stable").drop(columns="_o").reset_index(drop=True)


def write_atomic(path: Path, data) -> None:
    """Write text or bytes to a temporary file beside ``path`` and rename it into place."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o666 & ~_umask())        # the permissions a plain open() would give
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


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
