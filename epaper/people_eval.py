"""Scoring ``extract_people`` against a labelled set of reports (``python -m epaper.people evaluate``).

A labelled set is a JSON Lines file with one report per line, in the schema of
the attendance development set: ``id``, ``text``, ``people`` (name -> list of
roles), ``journalists`` (names), ``titles`` (name -> the title printed just
before the name). Each text goes through the whole pipeline as a one-page
issue (``parse_pages``: datelines, bylines and credits are found as for any
issue), then ``extract_people``; the people of all its items are pooled.

Every record is scored; none is left out. The measures:

- presence: a person is present when any of their roles is chair, speaker,
  attendee or leader; precision and recall of the present people per record;
- primary role: among people present in both, the first of their roles in
  ``ROLE_ORDER`` (chair, leader, speaker, attendee) is the same;
- titles: among people present in both, the title printed before the name is
  the labelled one (none where the label has none). Titles shared over a list
  (``title_inherited``) count as no title here, as the labels give a shared
  title to the first name only; punctuation width and spaces are ignored;
- journalists: labelled journalists that appear in the people table at all.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from . import people as _people
from .parse import parse_pages
from .read import split_pages

_WIDTH = str.maketrans("，：；（）！？", ",:;()!?")
_SPACE = re.compile(r"\s+")


def _norm(s) -> str:
    return _SPACE.sub("", s or "").translate(_WIDTH)


def read_set(path) -> list[dict]:
    """The records of a labelled JSON Lines file."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def predict(text: str, record_id: str = "report") -> pd.DataFrame:
    """The people table for one report's text, parsed as a one-page issue.

    >>> predict("本报讯 县长李华主持会议。").loc[:, ["name", "role"]].values.tolist()   # doctest: +SKIP
    [['李华', 'chair']]
    """
    articles = parse_pages(split_pages(text, f"{record_id}.txt"), Path(f"{record_id}.txt"))
    return _people.extract_people(articles)


def _present(roles) -> bool:
    return any(r in _people.PRESENT_ROLES for r in roles)


def _primary(roles) -> str:
    return min(roles, key=_people.ROLE_ORDER.index)


def score(records: list[dict]) -> dict:
    """Scores over ``records``, with every miss listed (``misses``: one line each)."""
    tot = dict(tp=0, pred=0, gold=0, role_ok=0, title_ok=0, pairs=0, journalists=0, n_journalists=0)
    misses: list[str] = []
    for rec in records:
        table = predict(rec["text"], rec.get("id", "report"))
        pred: dict[str, list[str]] = {}
        title: dict[str, str] = {}
        for row in table.itertuples(index=False):
            pred.setdefault(row.name, []).append(row.role)
            own = row.title if isinstance(row.title, str) and not getattr(row, "title_inherited", False) else ""
            title.setdefault(row.name, own)
        gold = {_norm(k): v for k, v in rec["people"].items()}
        gold_titles = {_norm(k): v for k, v in rec.get("titles", {}).items()}
        g_present = {n for n, r in gold.items() if _present(r)}
        p_present = {n for n, r in pred.items() if _present(r)}
        rid = rec.get("id", "?")
        tot["tp"] += len(g_present & p_present)
        tot["pred"] += len(p_present)
        tot["gold"] += len(g_present)
        for n in sorted(g_present - p_present):
            misses.append(f"{rid}\tmissed\t{n}\t{'/'.join(gold[n])}\tpredicted: {'/'.join(pred.get(n, [])) or '-'}")
        for n in sorted(p_present - g_present):
            misses.append(f"{rid}\tspurious\t{n}\t{'/'.join(pred[n])}\tgold: {'/'.join(gold.get(n, [])) or '-'}")
        for n in sorted(g_present & p_present):
            tot["pairs"] += 1
            if _primary(gold[n]) == _primary(pred[n]):
                tot["role_ok"] += 1
            else:
                misses.append(f"{rid}\trole\t{n}\tgold {'/'.join(gold[n])}\tpredicted {'/'.join(pred[n])}")
            want, got = _norm(gold_titles.get(n, "")), _norm(title.get(n, ""))
            if want == got:
                tot["title_ok"] += 1
            else:
                misses.append(f"{rid}\ttitle\t{n}\tgold {want or '-'}\tpredicted {got or '-'}")
        for j in rec.get("journalists", []):
            tot["n_journalists"] += 1
            if _norm(j) in pred:
                tot["journalists"] += 1
                misses.append(f"{rid}\tjournalist\t{j}\t{'/'.join(pred[_norm(j)])}")
    p = tot["tp"] / tot["pred"] if tot["pred"] else 1.0
    r = tot["tp"] / tot["gold"] if tot["gold"] else 1.0
    return {
        "records": len(records), "present_gold": tot["gold"], "present_predicted": tot["pred"],
        "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "primary_role": tot["role_ok"] / tot["pairs"] if tot["pairs"] else 1.0,
        "titles": tot["title_ok"] / tot["pairs"] if tot["pairs"] else 1.0,
        "journalists_present": tot["journalists"], "journalists": tot["n_journalists"],
        "misses": misses,
    }


def main(argv=None) -> int:
    import argparse

    p = argparse.ArgumentParser(prog="python -m epaper.people")
    p.add_argument("command", choices=["evaluate"])
    p.add_argument("--set", required=True, help="a labelled JSON Lines file (the attendance set's schema)")
    p.add_argument("--quiet", action="store_true", help="figures only, without the list of misses")
    a = p.parse_args(argv)
    r = score(read_set(a.set))
    if not a.quiet:
        for line in r["misses"]:
            print(line)
    print(f"{a.set}: {r['records']} records, {r['present_gold']} people present: "
          f"presence precision {r['precision']:.3f}, recall {r['recall']:.3f}, F1 {r['f1']:.3f}; "
          f"primary role {r['primary_role']:.3f}; titles {r['titles']:.3f}; "
          f"journalists present {r['journalists_present']} of {r['journalists']}")
    return 0
