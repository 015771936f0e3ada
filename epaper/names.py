"""Person names in running text: a character CRF (python-crfsuite) trained on the People's Daily.

The model tags each character B (a name begins), I (inside a name) or O. Its
features are the character and its neighbours, whether a character is a
known surname (``data/lexicons/surnames.txt``) and whether the words beside
it are ones that stand next to names (``data/lexicons/name_context.tsv``:
书记 before, 指出 after). It is trained by ``python -m epaper.names train``
on the building days of the PKU People's Daily corpus (1998-01-01 … 01-21)
and shipped as ``data/models/person_names.crfsuite``; nothing is downloaded.
``python -m epaper.names evaluate`` measures it on the evaluation days
(1998-01-22 … 01-31) against the corpus' gold ``/nr`` names.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from pathlib import Path

from . import bylines, clean, lexicons, paths

MODEL = paths.MODELS / "person_names.crfsuite"
BUILD_DAYS = ("19980101", "19980121")
EVAL_DAYS = ("19980122", "19980131")
_CJK = re.compile(r"[\u3400-\u9fff]")


@lru_cache(maxsize=None)
def _context() -> tuple[frozenset, frozenset]:
    rows = lexicons.table("name_context")
    left = frozenset(w for w, side, *_ in rows if side == "left")
    right = frozenset(w for w, side, *_ in rows if side == "right")
    return left, right


def _jieba_dict() -> Path:
    """jieba's dictionary file (found without importing jieba)."""
    import importlib.util

    spec = importlib.util.find_spec("jieba")
    return Path(spec.origin).parent / "dict.txt"


@lru_cache(maxsize=None)
def _dictionary() -> frozenset:
    """Common words of jieba's dictionary (not names), two to four characters long.

    Kept as a plain word list under ``data/processed/cache/`` (keyed by the
    dictionary file's size and time), which loads several times faster.
    """
    source = _jieba_dict()
    st = source.stat()
    cache = paths.CACHE / f"words-1-{st.st_size}-{st.st_mtime_ns}.txt"     # 1: this selection
    try:
        return frozenset(cache.read_text(encoding="utf-8").split("\n"))
    except OSError:
        pass
    words = set()
    with open(source, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3 and 2 <= len(parts[0]) <= 4 and int(parts[1]) >= 5 and not parts[2].startswith("nr"):
                words.add(parts[0])
    try:
        from .storage import write_atomic

        cache.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(cache, "\n".join(sorted(words)), sync=False)
    except OSError:
        pass                                         # a read-only place: work without the cache
    return frozenset(words)


def features(text: str) -> list[list[str]]:
    """CRF features of every character of ``text``.

    >>> features("王伟说")[0][:3]
    ['c王', 'a^', 'b伟']
    """
    single, compound, _ = bylines._surnames()
    left, right = _context()
    words = _dictionary()
    n = len(text)
    pad = "^^^" + text + "$$$"
    out = []
    for i in range(n):
        j = i + 3
        c, a, b = pad[j], pad[j - 1], pad[j + 1]
        a2, b2 = pad[j - 2], pad[j + 2]
        f = ["c" + c, "a" + a, "b" + b, "A" + a + c, "B" + c + b, "x" + a2, "y" + b2, "M" + a + b,
             "L" + a2 + a]
        if c in single:
            f.append("S")
        if pad[j:j + 2] in compound:
            f.append("SS")
        if a in single:
            f.append("aS")
        if pad[j - 3:j] in left or pad[j - 2:j] in left or a in left:
            f.append("lc")
        if pad[j + 1:j + 3] in right or b in right or pad[j + 2:j + 4] in right or pad[j + 3:j + 5] in right:
            f.append("rc")
        if not _CJK.match(c):
            f.append("nc")
        w = pad[j:j + 2] in words
        if w:
            f.append("w2")
        if pad[j:j + 3] in words:
            f.append("w3")
        if pad[j - 1:j + 1] in words:
            f.append("e2")
        if pad[j - 2:j + 1] in words:
            f.append("e3")
        if pad[j - 1:j + 2] in words:
            f.append("m3")
        out.append(f)
    return out


def spans_from_tags(tags) -> list[tuple[int, int]]:
    """``(start, end)`` of each name in a B/I/O tag sequence.

    >>> spans_from_tags(list("OBIIOBI"))
    [(1, 4), (5, 7)]
    """
    out, start = [], None
    for i, t in enumerate(list(tags) + ["O"]):
        if t != "I" and start is not None:
            out.append((start, i))
            start = None
        if t == "B":
            start = i
    return out


@lru_cache(maxsize=1)
def _tagger(model: str):
    import pycrfsuite

    if not Path(model).exists():
        raise FileNotFoundError(f"{model}: no name model; train one with `python -m epaper.names train`")
    t = pycrfsuite.Tagger()
    t.open(model)
    return t


@lru_cache(maxsize=4)
def _fast(model: str):
    """The compiled decoder for ``model`` (None without numba).

    Its arrays are kept in ``data/processed/cache/`` under a key of the model
    and the word lists it reads, so a process loads them in milliseconds.
    """
    import hashlib

    from . import tagger

    if tagger.njit is None:
        return None
    if not Path(model).exists():
        raise FileNotFoundError(f"{model}: no name model; train one with `python -m epaper.names train`")
    st = _jieba_dict().stat()
    h = hashlib.sha256(f"{tagger.FORMAT} {st.st_size} {st.st_mtime_ns}".encode())
    for f in (Path(model), paths.LEXICONS / "surnames.txt", paths.LEXICONS / "name_context.tsv"):
        h.update(f.read_bytes())
    cache = paths.CACHE / f"names-{h.hexdigest()[:16]}.npz"
    if cache.exists():
        try:
            return tagger.Model.load(cache)
        except (OSError, ValueError, KeyError):
            pass                                         # unreadable: build it again
    single, compound, _ = bylines._surnames()
    left, right = _context()
    words: dict[str, int] = {}
    for group, bit in ((single, tagger.SURNAME), (compound, tagger.COMPOUND), (left, tagger.LEFT),
                       (right, tagger.RIGHT), (_dictionary(), tagger.WORD)):
        for w in group:
            if 1 <= len(w) <= 3:
                words[w] = words.get(w, 0) | bit
    m = tagger.Model(model, words)
    try:
        m.save(cache)
        for stale in cache.parent.glob("names-*.npz"):  # left by earlier word lists or models
            if stale != cache:
                stale.unlink(missing_ok=True)
    except OSError:
        pass                                             # a read-only place: work without the cache
    return m


def warm(model=None) -> None:
    """Load the name model and its compiled decoder now (a process that starts workers does this once,
    so every worker has them). A missing model is left for the first real use to report."""
    try:
        find_names("市委书记王建华主持会议。", model)
    except FileNotFoundError:
        pass


_CLAUSE = re.compile(r"[^。！？；\n]+[。！？；]?")


def find_names(text: str, model=None) -> list[tuple[int, int, str]]:
    """Person names in ``text`` as ``(start, end, name)``.

    >>> [n for _, _, n in find_names("国务院总理李鹏今天会见了来访的客人。")]   # doctest: +SKIP
    ['李鹏']
    """
    fast = _fast(str(model or MODEL))
    if fast is not None:
        from . import tagger

        return [(s, e, text[s:e]) for s, e in tagger.spans(fast, text)]
    return find_names_crfsuite(text, model)


def find_names_in(texts: list[str], model=None) -> list[list[tuple[int, int, str]]]:
    """``find_names`` of each text, decoded in one pass (the texts joined by line ends, which end
    clauses, so each text is tagged as if alone).

    >>> [[n for _, _, n in found] for found in find_names_in(["", "市委书记王建华主持会议。"])]   # doctest: +SKIP
    [[], ['王建华']]
    """
    joined = "\n".join(texts)
    found = find_names(joined, model)
    out: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    for s, e, name in found:
        k = bisect.bisect_right(starts, s) - 1
        out[k].append((s - starts[k], e - starts[k], name))
    return out


def find_names_crfsuite(text: str, model=None) -> list[tuple[int, int, str]]:
    """``find_names`` through python-crfsuite (slower; the reference the compiled decoder is tested against)."""
    tagger = _tagger(str(model or MODEL))
    out = []
    for m in _CLAUSE.finditer(text):
        clause = m.group()
        if len(clause) < 2:
            continue
        tags = tagger.tag(features(clause))
        for s, e in spans_from_tags(tags):
            if e - s >= 2:
                out.append((m.start() + s, m.start() + e, clause[s:e]))
    return out


# ---------------------------------------------------------------- training and evaluation

def labelled_clauses(corpus, days):
    """``(clause, tags, article key)`` from the corpus paragraphs of the given days."""
    from . import pfr
    from .read import read_text

    for line in read_text(corpus).split("\n"):
        parsed = pfr.parse_pfr_line(line)
        if not parsed:
            continue
        pid, toks = parsed
        if not (days[0] <= pid[:8] <= days[1]):
            continue
        text = clean.fold_width("".join(w for w, _ in toks))
        tags = ["O"] * len(text)
        for s, e in pfr.name_spans(toks):
            tags[s] = "B"
            for k in range(s + 1, e):
                tags[k] = "I"
        for m in _CLAUSE.finditer(text):
            if len(m.group()) >= 2:
                yield m.group(), tags[m.start():m.end()], pid[:15]


def train(corpus, out=MODEL, days=BUILD_DAYS, iterations: int = 150, verbose: bool = False) -> Path:
    """Train the name model on the corpus' building days and save it to ``out``."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=verbose)
    for clause, tags, _ in labelled_clauses(corpus, days):
        trainer.append(features(clause), tags)
    trainer.set_params({"c1": 0.05, "c2": 0.01, "max_iterations": iterations, "feature.possible_transitions": True})
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    _tagger.cache_clear()
    _fast.cache_clear()
    return out


def evaluate(corpus, model=None, days=EVAL_DAYS, system: str = "full") -> dict:
    """Precision and recall of the names found per article against the gold names (sets per article).

    ``system="model"`` scores the CRF alone; ``"full"`` the recogniser that
    ``extract_people`` uses (the model plus title, list and roster rules).
    """
    import time
    from collections import defaultdict

    from . import people

    gold, pred = defaultdict(set), defaultdict(set)
    n_chars, seconds = 0, 0.0
    for clause, tags, key in labelled_clauses(corpus, days):
        gold[key].update(clause[s:e] for s, e in spans_from_tags(tags))
        t0 = time.perf_counter()
        if system == "model":
            found = [name for _, _, name in find_names(clause, model)]
        else:
            found = [m.name for m in people.find_mentions(clause, model=model)]
        seconds += time.perf_counter() - t0
        n_chars += len(clause)
        pred[key].update(found)
    tp = sum(len(gold[k] & pred[k]) for k in gold)
    n_pred = sum(len(v) for v in pred.values())
    n_gold = sum(len(v) for v in gold.values())
    return {"precision": tp / n_pred if n_pred else 0.0, "recall": tp / n_gold if n_gold else 0.0,
            "gold": n_gold, "predicted": n_pred, "correct": tp, "articles": len(gold),
            "chars_per_second": n_chars / seconds if seconds else 0.0}


def main(argv=None) -> int:
    import argparse

    p = argparse.ArgumentParser(prog="python -m epaper.names")
    p.add_argument("command", choices=["train", "evaluate"])
    p.add_argument("--corpus", default=str(paths.ROOT.parent / "shared" / "corpora" / "pd199801" / "199801.txt"))
    p.add_argument("--model", default=str(MODEL))
    p.add_argument("--iterations", type=int, default=150)
    p.add_argument("--system", choices=["full", "model"], default="full")
    a = p.parse_args(argv)
    if a.command == "train":
        print(train(a.corpus, a.model, iterations=a.iterations, verbose=False))
    else:
        r = evaluate(a.corpus, a.model, system=a.system)
        print(f"{a.system}: evaluation days {EVAL_DAYS[0]}-{EVAL_DAYS[1]}: precision {r['precision']:.3f}, recall {r['recall']:.3f} "
              f"({r['correct']} of {r['gold']} gold names in {r['articles']} articles, {r['predicted']} predicted); "
              f"{r['chars_per_second'] / 1000:.0f}k characters a second")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
