"""Corpora larger than one machine: the same per-issue work on Dask, writing partitioned Parquet.

Optional: needs ``dask[bag]`` and ``distributed`` (in requirements.txt). Each
Dask partition processes its issues with ``build.process_issue`` (parse,
conservation, people) and writes its own Parquet files, so nothing is
gathered on one machine::

    from dask.distributed import Client
    client = Client("tcp://scheduler:8786")          # or Client() for a local cluster
    build_dask(["/data/paper_a", "/data/paper_b"], "/data/out", client=client)
    articles = read_table("/data/out", "articles")
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd

from .build import process_issue, raw_issues, read_manifest
from .topics import classify_topics

TABLES = ("articles", "people", "topics", "issues")


def _partition(files: list[str], out_dir: str) -> list[dict]:
    from .people import read_roster

    roster = read_roster()
    frames: dict[str, list[pd.DataFrame]] = {t: [] for t in TABLES}
    problems = []
    manifests: dict[str, dict] = {}
    for name in files:
        path = Path(name)
        manifest = manifests.setdefault(str(path.parent), read_manifest(path.parent))
        df, info, people = process_issue(path, manifest, roster)
        if df is None:
            problems.append(info)
            continue
        frames["articles"].append(df)
        frames["people"].append(people)
        frames["topics"].append(classify_topics(df))
        frames["issues"].append(pd.DataFrame([info]))
    part = hashlib.sha256("\n".join(files).encode()).hexdigest()[:16]
    for table, parts in frames.items():
        parts = [p for p in parts if len(p)]
        if parts:
            target = Path(out_dir) / table
            target.mkdir(parents=True, exist_ok=True)
            tmp = target / f".part-{part}.parquet.tmp"
            pd.concat(parts, ignore_index=True).to_parquet(tmp, index=False)
            tmp.replace(target / f"part-{part}.parquet")
    return [{"partition": part, "issues": len(frames["issues"]), "problems": problems}]


def build_dask(raw_dirs, out_dir, client=None, files_per_partition: int = 20) -> dict:
    """Process every issue of one or more raw folders on Dask; returns a summary.

    Writes ``out_dir/<table>/part-<hash>.parquet`` for articles, people, topics
    and issues (read a table back with ``read_table(out_dir, table)``)
    and ``out_dir/problems.json``. With ``client=None`` the current Dask
    scheduler is used (local threads unless a ``distributed.Client`` exists).
    """
    import dask.bag as db

    dirs = [raw_dirs] if isinstance(raw_dirs, (str, Path)) else list(raw_dirs)
    files = [str(f) for d in dirs for f in raw_issues(d)]
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    chunks = [files[i:i + files_per_partition] for i in range(0, len(files), files_per_partition)]
    bag = db.from_sequence(chunks, npartitions=max(1, len(chunks)))
    parts = bag.map(_partition, str(out_dir)).flatten()
    done = parts.compute() if client is None else client.compute(parts).result()
    problems = [p for d in done for p in d["problems"]]
    (out_dir / "problems.json").write_text(json.dumps(problems, ensure_ascii=False, indent=1), encoding="utf-8")
    return {"issues": sum(d["issues"] for d in done), "problems": len(problems), "partitions": len(done)}


def read_table(out_dir, table: str) -> pd.DataFrame:
    """One table written by ``build_dask``, its parts concatenated in a stable order."""
    parts = sorted((Path(out_dir) / table).glob("part-*.parquet"))
    frames = [pd.read_parquet(p) for p in parts]
    frames = [f for f in frames if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
