"""Scoring the article table on rendered People's Daily days: every article, layouts drawn per page.

``python -m epaper.segment_eval`` renders the evaluation days (1998-01-22 … 31)
of the corpus in each layout family (``render.FAMILIES``: headlines before or
after their articles, form feeds or space-led pages), with a layout drawn at
random for each page (``render.render_issue_random``), parses each rendered
issue with ``parse_issue`` and scores it against the articles it was rendered
from. Every article of the corpus is rendered, and every one is scored but
those a paper prints as several items (``render.several_items``): several
stories under one headline (a paragraph after the first opens with a dateline
or byline) and photo captions inside an article's text (a paragraph opening
with a photo marker such as 图为 or ▲, or ending with a photo credit). The parse
makes an item of each piece, as papers print them, so the corpus's article is
counted as ``unscored`` (73 of 1,008 articles on the evaluation days), and so
are the items parsed inside it. Photo items, captions with credits,
commentary, name lists and headline blocks of several lines are all scored.

- exact extent: a parsed item holds exactly the characters of one article
  (headline block, dateline, byline, body; whitespace ignored, full-width digits
  and letters folded); precision over parsed items, recall over articles, F1;
- headline exact: of the articles found with their exact extent, the parsed
  headline and subheadline hold the characters of the article's headline block;
- title lines exact: and they are split into the same title lines (``headline``
  the first, ``subheadline`` the others, one a line).

``python -m epaper.segment_eval --oracle labels`` gives the parse the renderer's
own line labels in place of the labeller's (``RenderedLabels``): the ceiling of
any labeller on these renderings; ``--oracle unmarked`` hides the starts of items
that nothing on the page marks, the ceiling of a labeller that reads layout and
not meaning.

``python -m epaper.segment_eval --audit`` checks the rules the line labeller's
decoding keeps to (``lines.constraints``) against the renderer's labels on the
building days: how often each is wrong (``audit``).

``python -m epaper.segment_eval --variant double-spaced`` (``centred-titles``,
``ascii-indents``, ``bare-credits``, ``editor-lines``, ``half-width-punctuation``,
``page-numbers``, ``script-page-marks``, ``no-blank-lines``, ``other-headers``, ``trailing-spaces``,
``tab-indents``) changes the
renderings as other tools and hands print pages and the renderer does not
(``render.VARIANTS``): how far the parse holds up on what it was not tuned on.

``python -m epaper.segment_eval --pdf`` scores PDF input the same way: each day
is rendered as an e-paper PDF (``render_pdf.render_issue_pdf``, a layout drawn
for each page: two to five columns, articles in rows or running down columns,
title sizes and positions, page headers) in each font family (an embedded
TrueType subset, a non-embedded CID font) and read back with ``parse_issue``.
"""
from __future__ import annotations

import random
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

import pandas as pd

from . import clean, lines, paths, render
from .parse import ITEM_KINDS, parse_issue

EVAL_DAYS = ("19980122", "19980131")
BUILD_DAYS = ("19980101", "19980121")
CORPUS = paths.ROOT.parent / "shared" / "corpora" / "pd199801" / "199801.txt"
_WS = re.compile(r"\s+")


def _chars(*parts) -> str:
    return _WS.sub("", clean.fold_width("".join(p for p in parts if isinstance(p, str))))


def expected_text(row) -> str:
    return _chars(row.headline, row.subheadline, row.dateline, row.byline, row.body)


def parsed_text(row) -> str:
    return _chars(row.headline, row.subheadline, row.dateline, row.byline, row.credit, row.body)


def without_printed_over(parsed: pd.DataFrame, variant: str) -> pd.DataFrame:
    """A parse without what the variant printed over the articles and the articles do not hold
    (``render.PRINTED_OVER``: a web page's line of facts in the datelines), ready to score."""
    if variant in render.PRINTED_OVER:
        col, strip = render.PRINTED_OVER[variant]
        parsed = parsed.assign(**{col: parsed[col].map(strip)})
    return parsed


def score_issue(expected: pd.DataFrame, parsed: pd.DataFrame) -> dict:
    """Counts for one issue: articles, parsed items, exact extents, exact headlines, and the misses.

    Articles a paper prints as several items (``render.several_items``: stories under one headline, captions
    inside an article) are parsed as one item a piece, so they are not scored: they and the parsed items
    inside them count neither way (``unscored``).
    """
    items = parsed[parsed.kind.isin(ITEM_KINDS)]
    several = expected.apply(render.several_items, axis=1) if len(expected) else pd.Series([], dtype=bool)
    unscored = [expected_text(r) for r in expected[several].itertuples(index=False)]
    expected = expected[~several]
    rows = list(items.itertuples(index=False))              # one pass: ``matched`` holds positions in it
    texts = [parsed_text(r) for r in rows]
    have: dict[str, list] = {}
    for k, t in enumerate(texts):
        have.setdefault("".join(sorted(t)), []).append(k)
    exact = heads = lines = 0
    misses = []
    matched: set[int] = set()
    for r in expected.itertuples(index=False):
        key = "".join(sorted(expected_text(r)))
        got = have.get(key)
        if got:
            k = got.pop(0)
            g = rows[k]
            matched.add(k)
            exact += 1
            want = _chars(*render.headline_block(r))
            heads += _chars(g.headline, g.subheadline) == want
            got_lines = [_chars(t) for t in [g.headline, *(g.subheadline.split("\n") if isinstance(g.subheadline, str)
                                                             else [])] if isinstance(t, str) and t]
            lines += got_lines == [_chars(t) for t in render.headline_block(r)]
            if _chars(g.headline, g.subheadline) != want:
                misses.append(("headline", r.article_id, "".join(render.headline_block(r)),
                               f"{g.headline} | {g.subheadline}"))
        else:
            misses.append((_why(expected_text(r), texts), r.article_id, "".join(render.headline_block(r))[:30],
                           expected_text(r)[:40]))
    pools = [(u, Counter(u)) for u in unscored]
    inside = sum(1 for k, t in enumerate(texts) if k not in matched and _inside(rows[k], t, pools))
    return {"articles": len(expected), "items": len(items) - inside, "exact": exact, "headlines": heads,
            "title_lines": lines, "unscored": len(unscored), "misses": misses}


def _inside(row, text: str, pools: list[tuple[str, Counter]]) -> bool:
    """Whether a parsed item is a piece of an unscored article: its characters are among the article's and
    the opening of its longest field (its body, as a rule) stands in the article's text."""
    probe = max((_chars(f) for f in (row.body, row.headline, row.dateline, row.credit)), key=len)[:12]
    return any(probe in u and not Counter(text) - pool for u, pool in pools)


def _why(want: str, texts: list[str]) -> str:
    """Why an article was not found whole: ``merged`` (the item holding its opening holds more than it),
    ``cut`` (that item holds less), or ``other`` (its opening is not at the start of any item's text)."""
    probe = want[:12]
    for t in texts:
        k = t.find(probe)
        if k >= 0:
            return "merged" if len(t) > len(want) and (k > 0 or len(t) - k > len(want)) else "cut"
    return "other"


class RenderedLabels:
    """A stand-in for the line labeller that gives each line the label the renderer printed it with
    (``render.render_issue_labelled``): what the parse makes of perfect labels, the ceiling of any labeller
    on these renderings. With ``unmarked`` it does not see where an item without a headline starts when
    nothing on the page marks it: the first line of an item that follows body text, that the rules do
    not open (no dateline, byline, note, photo marker or caption) and where the column keeps its width
    (``lines.unit_columns``' ``wc``), is labelled as body; a labeller that reads no meaning cannot tell
    it from the next paragraph."""

    def __init__(self, unmarked: bool = False):
        self.unmarked = unmarked
        self.labels: list[str] = []

    def label_issue(self, pages_blocks, layout: str, constrained: bool = True) -> list[dict[int, str]]:
        from . import lines

        out = []
        for blocks in pages_blocks:
            labels = {no: self.labels[no - 1] or "B" for b in blocks for no, _ in b.lines}
            if self.unmarked:
                units = lines.page_units(blocks)
                opens = lines.opening(units)
                wc = lines.unit_columns(units, opens)["wc"]
                before = None
                for k, u in enumerate(units):
                    label = labels[u.lines[0]]
                    if label == "BS" and before == "B" and not opens[k] and lines.VALUES["wc"][wc[k]] in "?=":
                        labels[u.lines[0]] = "B"
                    before = "B" if label == "BS" else label
            out.append(labels)
        return out


def evaluate(corpus=CORPUS, days=EVAL_DAYS, families=None, seed: int = 0, pdf: bool = False,
             oracle: RenderedLabels | None = None, jumps: float = 0.0, variant: str = "", pdftotext: str = "") -> dict:
    """Exact-extent precision, recall and F1 and exact headlines per layout family and overall (``pdf``: of
    PDF input, per font family; ``oracle``: with the renderer's own line labels in place of the labeller's,
    text only; ``jumps``: the chance that an article of three paragraphs or more goes on on a later page,
    ``render.with_jumps``, each such article to be found whole: ``jumps`` and ``jumps_exact`` count them;
    ``variant``: the renderings changed as another tool or hand would print them, ``render.VARIANTS``, text
    only; ``pdftotext``: ``"layout"`` or ``"raw"``, the PDFs' text as poppler's ``pdftotext`` gives it, with
    ``-layout`` (columns side by side) or without, parsed as text)."""
    from . import lines
    from .pfr import read_pfr

    articles = read_pfr(corpus, days=days)
    change_articles, change_text = render.VARIANTS[variant] if variant else (None, None)
    if change_articles is not None:
        articles = change_articles(articles)
    if pdf or pdftotext:
        from . import render_pdf
        families = list(families or render_pdf.FAMILIES)
    else:
        families = list(families or render.FAMILIES)
    out: dict = {}
    total = Counter()
    saved = dict(lines._OVERRIDE)
    if oracle is not None:
        lines._OVERRIDE["model"] = oracle
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for fi, family in enumerate(families):
                c = Counter()
                misses = []
                for k, (issue_id, issue) in enumerate(articles.groupby("issue_id", sort=True)):
                    shown, gold = render.with_jumps(issue, seed * 1000 + fi * 100 + k, jumps) if jumps else (issue, issue)
                    if pdf or pdftotext:
                        path = render_pdf.render_issue_pdf(shown, family, Path(tmp) / f"{issue_id}.pdf",
                                                           seed=seed * 1000 + fi * 100 + k)
                        if pdftotext:
                            text_path = path.with_suffix(".txt")
                            subprocess.run(["pdftotext", "-enc", "UTF-8", *(["-layout"] if pdftotext == "layout" else []),
                                            str(path), str(text_path)], check=True)
                            path = text_path
                    else:
                        path = Path(tmp) / f"{issue_id}.txt"
                        text, labels = render.render_issue_labelled(shown, family, seed=seed * 1000 + fi * 100 + k)
                        if change_text is not None:
                            text = change_text(text, labels, random.Random(seed * 1000 + fi * 100 + k))
                        path.write_text(text, encoding="utf-8")
                        if oracle is not None:
                            oracle.labels = labels
                    s = score_issue(gold, without_printed_over(parse_issue(path), variant))
                    if jumps:                           # the articles cut in two: the whole differs from the part
                        jumped = set(gold.article_id[gold.body.fillna("").to_numpy() != issue.body.fillna("").to_numpy()])
                        missed = {m[1] for m in s["misses"] if m[0] != "headline"}
                        c.update(jumps=len(jumped), jumps_exact=len(jumped - missed))
                    misses += s.pop("misses")
                    c.update(s)
                out[family] = {**_figures(c), "misses": misses}
                total.update(c)
    finally:
        lines._OVERRIDE.clear()
        lines._OVERRIDE.update(saved)
    out["overall"] = _figures(total)
    out["overall"]["why"] = Counter(m[0] for f in families for m in out[f]["misses"])
    return out


def audit(corpus=CORPUS, days=BUILD_DAYS, families=None, seed: int = 0, examples: int = 3) -> pd.DataFrame:
    """How often each rule that the line labeller's decoding keeps to (``lines.constraints``) is wrong
    against the renderer's labels: the days rendered in each layout family, for each rule and layout
    detected the units it applied to and those whose true label it forbids or that it makes start an item
    when they do not (``wrong``), with examples (``true label: text``). Building days only: a rule found
    wrong is changed on what this shows.
    """
    from .pfr import read_pfr

    applied, wrong, shown = Counter(), Counter(), {}
    titles = ("HS", "HT", "HC")
    for layout, units, gold in lines.rendered_pages(read_pfr(corpus, days=days), families, seeds=(seed,)):
        rules: list = []
        lines.constraints(units, layout, rules=rules)
        for j, (u, unit_rules) in enumerate(zip(units, rules)):
            for rule, mask, must in unit_rules:
                ok = bool(mask >> lines.LABELS.index(gold[j]) & 1)
                if ok and must:
                    ok = gold[j] in ("BS", "HS") or (j > 0 and gold[j - 1] in titles)
                applied[rule, layout] += 1
                if not ok:
                    wrong[rule, layout] += 1
                    shown.setdefault((rule, layout), []).append(f"{gold[j]}: {u.text[:20]}")
    rows = [{"rule": rule, "layout": layout, "units": n, "wrong": wrong[rule, layout],
             "share wrong": round(wrong[rule, layout] / n, 4),
             "examples": " | ".join(shown.get((rule, layout), [])[:examples])}
            for (rule, layout), n in applied.items()]
    return pd.DataFrame(rows).sort_values(["rule", "layout"], ignore_index=True)


def _figures(c: Counter) -> dict:
    p = c["exact"] / c["items"] if c["items"] else 0.0
    r = c["exact"] / c["articles"] if c["articles"] else 0.0
    return {"articles": c["articles"], "unscored": c["unscored"], "items": c["items"], "exact": c["exact"],
            "precision": p, "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "headlines": c["headlines"] / c["exact"] if c["exact"] else 0.0,
            "title_lines": c["title_lines"] / c["exact"] if c["exact"] else 0.0,
            "jumps": c["jumps"], "jumps_exact": c["jumps_exact"]}


def main(argv=None) -> int:
    import argparse

    p = argparse.ArgumentParser(prog="python -m epaper.segment_eval")
    p.add_argument("--corpus", default=str(CORPUS))
    p.add_argument("--days", choices=["evaluation", "building"], default="evaluation")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--misses", type=int, default=0, help="print this many misses per family")
    p.add_argument("--pdf", action="store_true", help="score PDF input (days rendered as e-paper PDFs)")
    p.add_argument("--pdftotext", choices=["layout", "raw"],
                   help="score the text poppler's pdftotext makes of the PDFs, with -layout (columns side by side) "
                        "or without (needs pdftotext: apt-get install poppler-utils)")
    p.add_argument("--oracle", choices=["labels", "unmarked"],
                   help="the renderer's own line labels in place of the labeller's (the ceiling of any labeller); "
                        "'unmarked': without the starts of items nothing marks (RenderedLabels)")
    p.add_argument("--jumps", type=float, default=0.0,
                   help="the chance that an article of three paragraphs or more goes on on a later page (jump lines)")
    p.add_argument("--audit", action="store_true",
                   help="how often each rule the line labeller's decoding keeps to is wrong (building days only)")
    p.add_argument("--variant", choices=sorted(render.VARIANTS),
                   help="the renderings changed as another tool or hand would print them (render.VARIANTS)")
    a = p.parse_args(argv)
    if a.variant and (a.pdf or a.pdftotext):
        p.error("--variant changes text renderings only")
    if a.pdftotext and shutil.which("pdftotext") is None:
        p.error("--pdftotext needs poppler's pdftotext (apt-get install poppler-utils)")
    if a.audit:
        table = audit(a.corpus, BUILD_DAYS, seed=a.seed)
        print("| rule | layout | units | wrong | share wrong | examples (true label: text) |")
        print("| --- | --- | ---: | ---: | ---: | --- |")
        for r in table.to_dict("records"):
            print(f"| {r['rule']} | {r['layout']} | {r['units']} | {r['wrong']} | {r['share wrong']:.4f} | "
                  f"{r['examples']} |")
        return 0
    days = EVAL_DAYS if a.days == "evaluation" else BUILD_DAYS
    if a.oracle and (a.pdf or a.pdftotext):
        p.error("--oracle scores text renderings only")
    oracle = RenderedLabels(unmarked=a.oracle == "unmarked") if a.oracle else None
    r = evaluate(a.corpus, days, seed=a.seed, pdf=a.pdf, oracle=oracle, jumps=a.jumps, variant=a.variant or "",
                 pdftotext=a.pdftotext or "")
    print("| layout family | articles scored | unscored | items | exact extent P | R | F1 | headlines exact "
          "| title lines exact |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for fam, f in r.items():
        print(f"| {fam} | {f['articles']} | {f['unscored']} | {f['items']} | {f['precision']:.3f} | {f['recall']:.3f} | "
              f"{f['f1']:.3f} | {f['headlines']:.3f} | {f['title_lines']:.3f} |")
    print("misses by kind:", dict(r["overall"]["why"]))
    if a.jumps:
        print("articles going on on a later page, found whole:",
              ", ".join(f"{fam} {f['jumps_exact']}/{f['jumps']}" for fam, f in r.items()))
    if a.misses:
        for fam, f in r.items():
            for m in f.get("misses", [])[:a.misses]:
                print(fam, *m, sep="\t")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
