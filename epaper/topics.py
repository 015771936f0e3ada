"""Stage 6b, topics: tokens, dictionary topics, topic discovery and word frequencies.

Tokenization has jieba's segmentation semantics on the fast jieba-rs backend
(``rjieba``), with a domain dictionary that keeps organisations, policy terms
and officials' names whole (``data/lexicons/userdict.txt``, the roster, the
officials in the last build's people table, and names passed to ``add_words``), and a stopword list of function words and
officialese (``data/lexicons/stopwords.txt``). Dictionary topics come from
``data/lexicons/topics.csv`` (topic, keyword, weight): transparent (each
item lists the keywords that fired) and editable without touching code.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import lexicons, paths
from .parse import ITEM_KINDS

_WORD = re.compile(r"[\u3400-\u9fffA-Za-z]")
_NUMBER = re.compile(r"^[\d.,%·:：/\-—]+$|^[\d]+[年月日号时分秒%]?$")


class Tokenizer:
    """jieba-rs with the domain dictionary; ``add_words`` keeps more words whole."""

    def __init__(self):
        try:
            import rjieba
            self._jieba = rjieba.Jieba()
            self.backend = "rjieba"
        except ImportError:  # jieba-rs missing: plain jieba, same semantics, slower
            import jieba
            self._jieba = jieba.Tokenizer()
            self.backend = "jieba"
        self.words: set[str] = set()
        for line in lexicons.words("userdict"):
            parts = line.split()
            self.add_word(parts[0], int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 2000)
        for name in _roster_names() + _known_officials():
            self.add_word(name)

    def add_word(self, word: str, freq: int = 2000) -> None:
        word = str(word).strip()
        if word and word not in self.words:
            self.words.add(word)
            if self.backend == "rjieba":
                self._jieba.add_word(word, freq, None)
            else:
                self._jieba.add_word(word, freq)

    def cut(self, text: str) -> list[str]:
        if self.backend == "rjieba":
            return self._jieba.cut(text, True)
        return self._jieba.lcut(text)


def _known_officials() -> list[str]:
    """Names of the officials the last build found (present at an event, or with a title)."""
    from .storage import read_table

    if not paths.PEOPLE.exists():
        return []
    people = read_table(paths.PROCESSED, "people")
    if not len(people):
        return []
    keep = people.role.isin(["chair", "speaker", "attendee", "leader"]) | people.title.notna()
    return sorted(set(people.loc[keep, "name"]))


def _roster_names() -> list[str]:
    from .people import read_roster

    roster = read_roster()
    names = [n for n in roster.name if n]
    for aliases in roster.aliases:
        names.extend(a.strip() for a in str(aliases).split(";") if a.strip())
    return names


@lru_cache(maxsize=1)
def tokenizer() -> Tokenizer:
    """The project's tokenizer (one per process)."""
    return Tokenizer()


def add_words(words) -> int:
    """Keep these words (officials' names found by ``extract_people``, say) whole from now on."""
    tok = tokenizer()
    before = len(tok.words)
    for w in words:
        tok.add_word(w)
    return len(tok.words) - before


def stopwords() -> frozenset:
    """The stopword list (``data/lexicons/stopwords.txt``)."""
    return lexicons.word_set("stopwords")


def tokenize(text: str, *, keep_stopwords: bool = False, keep_numbers: bool = False, min_len: int = 2) -> list[str]:
    """Words of ``text`` (jieba semantics), without punctuation, and by default without stopwords,
    numbers and single characters.

    >>> tokenize("区长张三主持召开安全生产工作会议，强调要加强疫情防控。")   # doctest: +SKIP
    ['区长', '张三', '主持', '召开', '安全生产', '疫情防控']
    """
    stops = stopwords()
    out = []
    for w in tokenizer().cut(text or ""):
        w = w.strip()
        if not w or not _WORD.search(w) and not (keep_numbers and _NUMBER.match(w)):
            continue
        if not keep_numbers and _NUMBER.match(w):
            continue
        if len(w) < min_len or (not keep_stopwords and w in stops):
            continue
        out.append(w)
    return out


def add_tokens(articles: pd.DataFrame, **kw) -> pd.DataFrame:
    """The items with a ``tokens`` column (headline and body)."""
    items = articles[articles.kind.isin(ITEM_KINDS)].copy()
    items["tokens"] = [tokenize(f"{h if isinstance(h, str) else ''}\n{b or ''}", **kw)
                       for h, b in zip(items.headline, items.body)]
    return items


# ---------------------------------------------------------------- dictionary topics

def read_topics(path=None) -> pd.DataFrame:
    """The topic dictionary: ``topic``, ``keyword``, ``weight``."""
    return _read_topics(*_file_key(path)).copy()


def _file_key(path=None) -> tuple[str, int, int]:
    """The topic file and its time and size: what the cached readers below are keyed by."""
    path = Path(path or paths.LEXICONS / "topics.csv")
    st = path.stat()
    return str(path), st.st_mtime_ns, st.st_size


@lru_cache(maxsize=8)
def _read_topics(path: str, mtime_ns: int, size: int) -> pd.DataFrame:
    """``read_topics``, read again only when the file changes."""
    df = pd.read_csv(path, dtype={"topic": str, "keyword": str}, comment="#", encoding="utf-8-sig")
    df["weight"] = df["weight"].astype(float)
    return df


HEADLINE_WEIGHT = 2.0


def _keyword_index(topic, keyword, weight) -> tuple[list[str], dict]:
    """Topic names in file order, and keywords by their first character as
    ``(topic number, row number, keyword, weight)``."""
    names = list(dict.fromkeys(topic))
    order = {t: k for k, t in enumerate(names)}
    by_first: dict[str, list] = {}
    for pos, (t, kw, w) in enumerate(zip(topic, keyword, weight)):
        if isinstance(kw, str) and kw:
            by_first.setdefault(kw[0], []).append((order[t], pos, kw, float(w)))
    return names, by_first


@lru_cache(maxsize=8)
def _file_index(path: str, mtime_ns: int, size: int):
    df = _read_topics(path, mtime_ns, size)
    return _keyword_index(df.topic.tolist(), df.keyword.tolist(), df.weight.tolist())


def _candidates(by_first: dict, body: str, head: str) -> list:
    """The keywords that may occur in body or head (their first character does), in topic then file order."""
    hits = []
    firsts = by_first.keys()
    chars = firsts & set(body)
    if head:
        chars |= firsts & set(head)
    for ch in chars:
        hits.extend(by_first[ch])
    return sorted(hits)


def classify_topics(articles: pd.DataFrame, topics: pd.DataFrame | None = None) -> pd.DataFrame:
    """The primary topic of each item from the topic dictionary.

    Each keyword counts its occurrences in the body, and twice in the
    headline, times its weight. Returns ``article_id``, ``topic`` (the top
    score; missing where no keyword fired), ``score`` (its share of all
    scores), one score column per topic, and ``keywords`` (what fired, with
    counts).
    """
    if topics is None:
        names, index = _file_index(*_file_key())
    else:
        names, index = _keyword_index(topics.topic.tolist(), topics.keyword.tolist(), topics.weight.tolist())
    items = articles[articles.kind.isin(ITEM_KINDS)] if "kind" in articles else articles
    ids = items.article_id.tolist()
    if not ids:
        return pd.DataFrame(columns=["article_id", "topic", "score", *names, "keywords"])
    best_topic, best_share, keywords = [], [], []
    columns: list[list[float]] = [[] for _ in names]
    for head, body in zip(items.headline.tolist(), items.body.tolist()):
        head = head if isinstance(head, str) else ""
        body = body if isinstance(body, str) else ""
        totals = [0.0] * len(names)
        fired = Counter()
        for ti, _, kw, w in _candidates(index, body, head):
            nb, nh = body.count(kw), head.count(kw)
            if nb or nh:
                totals[ti] += w * (nb + HEADLINE_WEIGHT * nh)
                fired[kw] += nb + nh
        scores = [round(x, 3) for x in totals]
        best = max(range(len(names)), key=lambda k: (scores[k], -k)) if names else None
        total = sum(scores)
        best_topic.append(names[best] if best is not None and scores[best] > 0 else None)
        best_share.append(round(scores[best] / total, 3) if total else 0.0)
        keywords.append("、".join(f"{k}×{n}" for k, n in fired.most_common()))
        for k, x in enumerate(scores):
            columns[k].append(x)
    data = {"article_id": ids, "topic": best_topic, "score": best_share,
            **{t: columns[k] for k, t in enumerate(names)}, "keywords": keywords}
    return pd.DataFrame(data, columns=["article_id", "topic", "score", *names, "keywords"])


# ---------------------------------------------------------------- discovery

def discover_topics(articles: pd.DataFrame, k: int = 6, *, method: str = "nmf", n_top: int = 12,
                    random_state: int = 0):
    """Topics found in the data: NMF (or LDA) on TF-IDF of the tokens, with scikit-learn.

    Returns ``(top_words, doc_topics)``: the ``n_top`` words of each topic,
    and each item's weight on each topic with its strongest topic. The same
    input gives the same output (fixed ``random_state``).
    """
    from sklearn.decomposition import NMF, LatentDirichletAllocation
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

    items = add_tokens(articles)
    items = items[items.tokens.map(len) > 0]
    docs = items.tokens.tolist()
    k = max(1, min(k, len(docs)))
    if method == "lda":
        vec = CountVectorizer(analyzer=lambda d: d, min_df=1)
        x = vec.fit_transform(docs)
        model = LatentDirichletAllocation(n_components=k, random_state=random_state, learning_method="batch")
    else:
        vec = TfidfVectorizer(analyzer=lambda d: d, min_df=1, sublinear_tf=True)
        x = vec.fit_transform(docs)
        model = NMF(n_components=k, random_state=random_state, init="nndsvda", max_iter=500)
    w = model.fit_transform(x)
    vocab = vec.get_feature_names_out()
    top = pd.DataFrame({f"topic_{t}": [vocab[i] for i in comp.argsort()[::-1][:n_top]]
                        for t, comp in enumerate(model.components_)})
    doc = pd.DataFrame(w.round(6), columns=[f"topic_{t}" for t in range(k)])
    doc.insert(0, "article_id", items.article_id.values)
    doc["topic"] = doc[[f"topic_{t}" for t in range(k)]].idxmax(axis=1)
    return top, doc


# ---------------------------------------------------------------- distributions and frequencies

def topic_shares(articles: pd.DataFrame, topics: pd.DataFrame, by: str = "issue_date") -> pd.DataFrame:
    """Share of items per primary topic, by ``issue_date``, ``page``, ``page_title`` or another column."""
    df = topics.dropna(subset=["topic"]).merge(articles[["article_id", by]], on="article_id")
    table = pd.crosstab(df[by], df.topic, normalize="index")
    return table


def topics_by_official(people: pd.DataFrame, topics: pd.DataFrame, roles=("chair", "speaker", "attendee", "leader"),
                       min_items: int = 1) -> pd.DataFrame:
    """For each official, the number of items per primary topic among the items they are present at."""
    present = people[people.role.isin(roles)][["article_id", "name"]].drop_duplicates()
    df = present.merge(topics[["article_id", "topic"]].dropna(), on="article_id")
    table = pd.crosstab(df.name, df.topic)
    table = table[table.sum(axis=1) >= min_items]
    return table.loc[table.sum(axis=1).sort_values(ascending=False).index]


def frequencies(texts, **kw) -> Counter:
    """Token frequencies over texts (stopwords, numbers and single characters dropped by default)."""
    c: Counter = Counter()
    for t in texts:
        c.update(tokenize(t, **kw))
    return c
