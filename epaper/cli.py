"""Command line: ``python helpers.py build`` and ``python helpers.py run``."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import paths


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python helpers.py", description="Local-daily e-paper issues as data.")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="parse every issue in data/raw/ into data/processed/")
    b.add_argument("--raw", default=str(paths.RAW), help="folder of raw issues (default: data/raw)")
    b.add_argument("--out", default=str(paths.PROCESSED), help="output folder (default: data/processed)")
    r = sub.add_parser("run", help="the main job: build, then execute every notebook headless")
    r.add_argument("--notebook", action="append", help="execute only this notebook (repeatable)")
    r.add_argument("--newspaper", help="notebooks look at this paper only")
    r.add_argument("--start", help="notebooks look at issues from this date (YYYY-MM-DD)")
    r.add_argument("--end", help="notebooks look at issues up to this date (YYYY-MM-DD)")
    r.add_argument("--pfr-corpus", help="notebook 05 reads this People's Daily corpus file instead of the build's tables")
    args = parser.parse_args(argv)

    from .build import build
    raw = getattr(args, "raw", None) or str(paths.RAW)
    if not Path(raw).is_dir():
        parser.error(f"{raw}: no such folder of raw issues")
    if args.command == "build":
        result = build(args.raw, args.out)
        print(result.summary())
        for _, p in result.problems.iterrows():
            print(f"problem: {p.file}: {p.reason}", file=sys.stderr)
        return 0
    if args.command == "run":
        result = build()
        print(result.summary())
        for _, p in result.problems.iterrows():
            print(f"problem: {p.file}: {p.reason}", file=sys.stderr)
        from .notebooks import run_notebooks
        params = {k: v for k, v in (("newspaper", args.newspaper), ("start", args.start), ("end", args.end),
                                    ("pfr_corpus", args.pfr_corpus and str(Path(args.pfr_corpus).resolve()))) if v}
        done = run_notebooks(args.notebook, parameters=params)
        print(f"notebooks executed: {len(done)} -> {paths.EXECUTED_NOTEBOOKS.relative_to(paths.ROOT)}/")
        return 0
    return 2
