"""Fast inference for the name model: the same CRF, its features and Viterbi compiled with numba.

``names.features`` builds a list of feature strings for every character and
python-crfsuite scores them: about 5 µs a character, most of it in Python.
Here the model's weights are read once from the ``.crfsuite`` file into hash
tables keyed by the characters' code points, and one compiled function
computes every feature, scores it and decodes the best B/I/O path clause by
clause, as ``names.find_names`` did (same clauses, same padding, same
features; tests compare the two tag by tag). Without numba the module is
unavailable and ``names`` falls back to python-crfsuite.
"""
from __future__ import annotations

import numpy as np

try:
    from numba import njit
except ImportError:                                     # pragma: no cover - numba is in the requirements
    njit = None

FORMAT = 2                                              # of the arrays a Model stores
_FILTER_BITS = 20                                       # bits of the first-character-pair filter
# feature templates over the padded clause (offset of each character from the current one)
_UNIGRAMS = {"c": 0, "a": -1, "b": 1, "x": -2, "y": 2}
_BIGRAMS = {"A": (-1, 0), "B": (0, 1), "M": (-1, 1), "L": (-2, -1)}
_FLAGS = ("S", "SS", "aS", "lc", "rc", "nc", "w2", "w3", "e2", "e3", "m3")
# membership bits of the word table
SURNAME, COMPOUND, LEFT, RIGHT, WORD = 1, 2, 4, 8, 16
_ENDS = np.array([ord(c) for c in "。！？；"], dtype=np.int64)


def pack(s: str) -> int:
    """One to three characters as one integer (21 bits a character).

    >>> pack("王") == ord("王"), pack("王伟") == (ord("王") << 21) | ord("伟")
    (True, True)
    """
    key = 0
    for ch in s:
        key = (key << 21) | ord(ch)
    return key


class Model:
    """The CRF's weights as arrays for the compiled decoder."""

    def __init__(self, path: str, words: dict[str, int]):
        """``words``: each word of one to three characters with its membership bits
        (SURNAME, COMPOUND, LEFT, RIGHT, WORD)."""
        import pycrfsuite

        t = pycrfsuite.Tagger()
        t.open(path)
        info = t.info()
        self.labels = list(t.labels())
        index = {lab: k for k, lab in enumerate(self.labels)}
        L = len(self.labels)
        self.trans = np.zeros((L, L))
        for (a, b), w in info.transitions.items():
            self.trans[index[a], index[b]] = w
        self.flags = np.zeros((len(_FLAGS), L))
        chars: dict[str, int] = {"": 0}               # vocabulary id 0: a character with no weights
        pairs: dict[int, int] = {}
        unigrams, bigrams, skips = {}, {}, {}
        for (attr, label), w in info.state_features.items():
            if attr in _FLAGS:
                self.flags[_FLAGS.index(attr), index[label]] += w
            elif attr[0] in _UNIGRAMS and len(attr) == 2:
                unigrams[attr[0], chars.setdefault(attr[1], len(chars)), index[label]] = w
            elif attr[0] in _BIGRAMS and len(attr) == 3:
                key = pack(attr[1:])
                if attr[0] == "M":
                    skips[pairs.setdefault(key, len(pairs)), index[label]] = w
                else:
                    bigrams[pairs.setdefault(key, len(pairs)), "ABL".index(attr[0]), index[label]] = w
        # unigram weights by template (c a b x y) and vocabulary id; pair weights by template (A B L) and skip (M)
        self.vocab = np.zeros(0x110000, dtype=np.int32)
        for ch, k in chars.items():
            if ch:
                self.vocab[ord(ch)] = k
        self.uni = np.zeros((len(_UNIGRAMS), len(chars), L))
        for (tpl, k, lab), w in unigrams.items():
            self.uni["cabxy".index(tpl), k, lab] += w
        self.pair = np.zeros((max(1, len(pairs)), 3, L))
        self.skip = np.zeros((max(1, len(pairs)), L))
        for (k, t_, lab), w in bigrams.items():
            self.pair[k, t_, lab] += w
        for (k, lab), w in skips.items():
            self.skip[k, lab] += w
        self.pkeys, self.pvals = table(np.array(list(pairs), dtype=np.int64),
                                       np.array(list(pairs.values()), dtype=np.int64))
        # membership bits: single characters in a dense array, two and three characters hashed
        self.member1 = np.zeros(0x110000, dtype=np.int8)
        multi = {}
        for w, bits in words.items():
            if len(w) == 1:
                self.member1[ord(w)] |= bits
            elif 2 <= len(w) <= 3:
                multi[pack(w)] = multi.get(pack(w), 0) | bits
        self.wkeys, self.wvals = table(np.array(list(multi), dtype=np.int64),
                                       np.array(list(multi.values()), dtype=np.int64), np.int8)
        # a bit per hashed pair of first characters: most character pairs start no word and skip the table
        self.wfilter = np.zeros(1 << (_FILTER_BITS - 3), dtype=np.uint8)
        for w in words:
            if 2 <= len(w) <= 3:
                b = _filter_bit(pack(w[:2]))
                self.wfilter[b >> 3] |= 1 << (b & 7)
        self.outside = index.get("O", 0)
        self.begin = index.get("B", 1)
        self.inside = index.get("I", 2)


    _ARRAYS = ("trans", "flags", "vocab", "uni", "pair", "skip", "pkeys", "pvals", "member1", "wkeys", "wvals",
               "wfilter")

    def save(self, path) -> None:
        """Store the arrays (``.npz``), written to a temporary file and renamed into place."""
        import os
        import tempfile
        from pathlib import Path

        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                os.fchmod(f.fileno(), 0o644)
                np.savez(f, labels=np.array(self.labels), **{k: getattr(self, k) for k in self._ARRAYS})
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)

    @classmethod
    def load(cls, path) -> "Model":
        """A model stored by ``save``."""
        m = cls.__new__(cls)
        with np.load(path) as z:
            for k in cls._ARRAYS:
                setattr(m, k, z[k])
            m.labels = [str(x) for x in z["labels"]]
        index = {lab: k for k, lab in enumerate(m.labels)}
        m.outside, m.begin, m.inside = index.get("O", 0), index.get("B", 1), index.get("I", 2)
        return m


def table(keys: np.ndarray, values: np.ndarray, dtype=np.int64) -> tuple[np.ndarray, np.ndarray]:
    """An open-addressing hash table (linear probing) of int64 keys as two arrays; empty slots hold -1."""
    size = 1
    while size < 2 * max(1, len(keys)):
        size *= 2
    tk = np.full(size, -1, dtype=np.int64)
    tv = np.zeros(size, dtype=dtype)
    _fill(keys, values, tk, tv)
    return tk, tv


def _filter_bit(key: int) -> int:
    return (((key * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF) >> (64 - _FILTER_BITS))


def tag(model: Model, text: str) -> np.ndarray:
    """Label index of every character of ``text`` (clauses of fewer than two characters are left 0)."""
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    out = np.full(len(codes), model.outside, dtype=np.int64)
    if len(codes):
        _decode(codes, _ENDS, model.vocab, model.uni, model.pkeys, model.pvals, model.pair, model.skip,
                model.member1, model.wkeys, model.wvals, model.wfilter, model.flags, model.trans, out)
    return out


def spans(model: Model, text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each name of two or more characters in ``text``."""
    tags = tag(model, text)
    starts = np.flatnonzero(tags == model.begin)
    out = []
    n = len(tags)
    for s in starts.tolist():
        e = s + 1
        while e < n and tags[e] == model.inside:
            e += 1
        if e - s >= 2:
            out.append((s, e))
    return out


def _compile(fn):
    return njit(cache=True, nogil=True)(fn) if njit is not None else fn


@_compile
def _slot(keys, key):
    mask = len(keys) - 1
    x = np.uint64(key) * np.uint64(0x9E3779B97F4A7C15)
    h = np.int64(((x >> np.uint64(29)) ^ x) & np.uint64(mask))
    while keys[h] != -1 and keys[h] != key:
        h = (h + 1) & mask
    return h


@_compile
def _fill(keys, values, tk, tv):
    for i in range(len(keys)):
        h = _slot(tk, keys[i])
        tk[h] = keys[i]
        tv[h] |= values[i]


@_compile
def _lookup(keys, vals, key):
    h = _slot(keys, key)
    return vals[h] if keys[h] == key else -1


@_compile
def _decode(codes, ends, vocab, uni, pkeys, pvals, pair, skip, member1, wkeys, wvals, wfilter, flags, trans, out):
    n = len(codes)
    L = trans.shape[0]
    # the padded clause: 3 '^' before, 5 '$' after (room for every window below)
    buf = np.empty(n + 8, dtype=np.int64)
    vid = np.empty(n + 8, dtype=np.int64)
    m1 = np.empty(n + 8, dtype=np.int64)
    m2 = np.zeros(n + 8, dtype=np.int64)
    m3 = np.zeros(n + 8, dtype=np.int64)
    prow = np.empty(n + 8, dtype=np.int64)
    score = np.empty((n, L))
    back = np.zeros((n, L), dtype=np.int64)
    emit = np.empty((n, L))
    i = 0
    while i < n:
        # a clause: a run of characters other than 。！？；and newline, with the end mark that follows it
        if codes[i] == 10 or _is_end(codes[i], ends):
            i += 1
            continue
        s = i
        while i < n and codes[i] != 10 and not _is_end(codes[i], ends):
            i += 1
        if i < n and codes[i] != 10:
            i += 1
        e = i
        m = e - s
        if m < 2:
            continue
        for k in range(3):
            buf[k] = 94
        for k in range(m):
            buf[3 + k] = codes[s + k]
        for k in range(5):
            buf[3 + m + k] = 36
        for q in range(m + 8):
            vid[q] = vocab[buf[q]]
            m1[q] = member1[buf[q]]
        for q in range(m + 7):
            key = (buf[q] << 21) | buf[q + 1]
            prow[q] = _lookup(pkeys, pvals, key)
            m2[q] = 0
            m3[q] = 0
            bit = np.int64((np.uint64(key) * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(64 - _FILTER_BITS))
            if wfilter[bit >> 3] & (1 << (bit & 7)):      # words (of 2 or 3) may start here
                v = _lookup(wkeys, wvals, key)
                m2[q] = v if v > 0 else 0
                if q < m + 6:
                    v = _lookup(wkeys, wvals, (key << 21) | buf[q + 2])
                    m3[q] = v if v > 0 else 0
        for p in range(m):
            j = p + 3
            for lab in range(L):
                emit[p, lab] = (uni[0, vid[j], lab] + uni[1, vid[j - 1], lab] + uni[2, vid[j + 1], lab]
                                + uni[3, vid[j - 2], lab] + uni[4, vid[j + 2], lab])
            if prow[j - 1] >= 0:                        # A: previous + current
                for lab in range(L):
                    emit[p, lab] += pair[prow[j - 1], 0, lab]
            if prow[j] >= 0:                            # B: current + next
                for lab in range(L):
                    emit[p, lab] += pair[prow[j], 1, lab]
            if prow[j - 2] >= 0:                        # L: the two before
                for lab in range(L):
                    emit[p, lab] += pair[prow[j - 2], 2, lab]
            r = _lookup(pkeys, pvals, (buf[j - 1] << 21) | buf[j + 1])
            if r >= 0:                                  # M: previous + next
                for lab in range(L):
                    emit[p, lab] += skip[r, lab]
            # flags, in the order of _FLAGS
            if m1[j] & 1:
                _flag(emit, p, flags, 0)
            if m2[j] & 2:
                _flag(emit, p, flags, 1)
            if (m1[j - 1] & 1) or buf[j - 1] == 83:       # "a" + "S" reads as the flag aS
                _flag(emit, p, flags, 2)
            if (m3[j - 3] & 4) or (m2[j - 2] & 4) or (m1[j - 1] & 4):
                _flag(emit, p, flags, 3)
            if (m2[j + 1] & 8) or (m1[j + 1] & 8) or (m2[j + 2] & 8) or (m2[j + 3] & 8):
                _flag(emit, p, flags, 4)
            if not (0x3400 <= buf[j] <= 0x9FFF):
                _flag(emit, p, flags, 5)
            if m2[j] & 16:
                _flag(emit, p, flags, 6)
            if m3[j] & 16:
                _flag(emit, p, flags, 7)
            if m2[j - 1] & 16:
                _flag(emit, p, flags, 8)
            if m3[j - 2] & 16:
                _flag(emit, p, flags, 9)
            if m3[j - 1] & 16:
                _flag(emit, p, flags, 10)
        # Viterbi
        for lab in range(L):
            score[0, lab] = emit[0, lab]
        for p in range(1, m):
            for lab in range(L):
                best, arg = -1e300, 0
                for prev in range(L):
                    v = score[p - 1, prev] + trans[prev, lab]
                    if v > best:
                        best, arg = v, prev
                score[p, lab] = best + emit[p, lab]
                back[p, lab] = arg
        best, arg = -1e300, 0
        for lab in range(L):
            if score[m - 1, lab] > best:
                best, arg = score[m - 1, lab], lab
        for p in range(m - 1, -1, -1):
            out[s + p] = arg
            arg = back[p, arg]


@_compile
def _is_end(c, ends):
    for k in range(len(ends)):
        if c == ends[k]:
            return True
    return False


@_compile
def _flag(emit, p, flags, f):
    for lab in range(emit.shape[1]):
        emit[p, lab] += flags[f, lab]
