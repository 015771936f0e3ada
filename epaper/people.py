"""Stage 5, extract people: who is named in each item, with what title, and in what role.

Names come from the name model (``names.find_names``), completed by list rules
(区领导A、B、C参加会议: every element of a list that the model half-saw) and by
the researcher's roster (``data/officials.csv``). For each person the title is
the chain printed just before the name (示范区（高新区）党工委副书记、管委会主任),
and the role comes from what follows the name, or the list the name is in, up
to the end of the clause (``data/lexicons/role_verbs.tsv``): 主持 makes a chair,
讲话/强调/指出 a speaker, 参加/出席 an attendee, 带领/调研/督导 a leader,
表示/说 quoted (a speaker in an item that reports a meeting), 批示/重要讲话精神
mentioned. People without a public title who only speak or are named get the
role ``other``. The item's journalists are never listed.
"""
from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from . import bylines, few_collections, lexicons, names, paths
from .parse import ITEM_KINDS

ROLE_ORDER = ("chair", "leader", "speaker", "attendee", "quoted", "mentioned", "other")
PRESENT_ROLES = ("chair", "speaker", "attendee", "leader")
COLUMNS = ["article_id", "name", "role", "title", "title_inherited", "org", "evidence"]
ROSTER_COLUMNS = ["name", "title", "org", "aliases", "first_seen", "last_seen"]

_SENTENCE = re.compile(r"[^。！？!?\n]+(?:[。！？!?]+[”’」』]*)?|\n")
_CLAUSE_END = "，,；;：:。！？!?\n"
_LIST_SEP = "、和及与"


_GAP = "[^，。；！？\\n]{0,30}?"


@lru_cache(maxsize=None)
def _role_words():
    """The role words of ``role_verbs.tsv`` as one pattern, and the role of each of its groups.

    The role of a match is ``roles[m.lastindex - 1]``. An entry may hold ``…``
    for up to 30 characters of one clause (作…报告, 在主席台…就座). Entries are
    laid out as a trie (one branch per first character, so a failing position
    costs little); at each branch point ``…`` is tried first, then the longer
    continuations. A word followed by 组, 团, 员 or 人 names a group or a post
    (调研组, 发言人), not an act.
    """
    trie: dict = {}
    for w, r, *_ in lexicons.table("role_verbs"):
        node = trie
        for part in re.split("(…)", w):
            for tok in ([part] if part == "…" else list(part)):
                node = node.setdefault(tok, {})
        node.setdefault(None, (r, len(w.split("…")[0]) == 1 and "…" in w))
    roles: list[str] = []
    loose: set[int] = set()

    def depth(node) -> int:
        return max((1 + depth(v) for k, v in node.items() if k is not None), default=0)

    def emit(node) -> str:
        keys = sorted((k for k in node if k is not None), key=lambda k: (k != "…", -depth(node[k])))
        alts = [(_GAP if k == "…" else re.escape(k)) + emit(node[k]) for k in keys]
        if None in node:
            role, is_loose = node[None]
            if is_loose:
                loose.add(len(roles))
            roles.append(role)
            alts.append("()")
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    body = emit(trie)
    first = "".join(sorted(k for k in trie if k is not None))
    return re.compile("(?=[" + re.escape(first) + "])" + body + "(?![组团员人])"), roles, frozenset(loose)


def _role_hits(text: str, pos: int = 0, endpos: int | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, role)`` of each role word in ``text[pos:endpos]``, left to right.

    A match that starts inside a word (作 of 工作 in 工作会议上的讲话) is passed
    over and the search goes on from its next character; 并 before it joins it
    to what was said before (出席会议并作重要讲话), whatever the dictionary holds.

    >>> [r for _, _, r in _role_hits("出席会议并作重要讲话")], [r for _, _, r in _role_hits("全市工作会议上的讲话")]
    (['attendee', 'speaker'], ['mentioned'])
    """
    role_re, role_of, loose = _role_words()
    words = names._dictionary()
    endpos = len(text) if endpos is None else endpos
    out = []
    while True:
        m = role_re.search(text, pos, endpos)
        if m is None:
            return out
        s = m.start()
        if m.lastindex - 1 in loose and s and text[s - 1] != "并" and text[s - 1:s + 1] in words:    # 并作 joins
            pos = s + 1
            continue
        out.append((s, m.end(), role_of[m.lastindex - 1]))
        pos = m.end()


@lru_cache(maxsize=None)
def _role_literals() -> frozenset:
    """The first word of every role entry (讲话, 作 of 作…报告 excluded when shorter than two characters)."""
    return frozenset(w.split("…")[0] for w, *_ in lexicons.table("role_verbs") if len(w.split("…")[0]) >= 2)


@lru_cache(maxsize=None)
def _title_re():
    ws = sorted(lexicons.word_set("title_words"), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, ws)) + ")$")


@lru_cache(maxsize=None)
def _word_tuple(name: str) -> tuple[str, ...]:
    """``lexicons.word_set(name)`` as a tuple, for ``str.startswith`` and ``str.endswith``, made once."""
    return tuple(lexicons.word_set(name))


@lru_cache(maxsize=None)
def _meeting_re():
    return re.compile(r"(?:召开|举行|举办|会上|会议上|座谈|主持召开).{0,40}?(?:" + "|".join(map(re.escape, lexicons.word_set("meeting_words"))) + ")|会上")


# ---------------------------------------------------------------- roster

def read_roster(path=None) -> pd.DataFrame:
    """The researcher's roster ``data/officials.csv`` (name, title, org, aliases, first_seen, last_seen).

    Optional and empty by default. ``aliases`` lists other forms of the name
    separated by ``;``. Every roster name is recognised wherever it occurs, and
    its title is used where the text prints none.
    """
    path = paths.ROSTER if path is None else path
    try:
        st = os.stat(path)
    except OSError:
        return pd.DataFrame(columns=ROSTER_COLUMNS)
    key = (str(path), st.st_size, st.st_mtime_ns)
    if key not in _ROSTERS:                 # read once per version of the file (extract_people runs per issue)
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        for col in ROSTER_COLUMNS:
            if col not in df:
                df[col] = ""
        _ROSTERS.clear()
        _ROSTERS[key] = df[ROSTER_COLUMNS]
    return _ROSTERS[key].copy()


_ROSTERS: dict = {}


def _roster_index(roster: pd.DataFrame | None) -> dict[str, dict]:
    out: dict[str, dict] = {}
    if roster is None or not len(roster):
        return out
    for _, r in roster.iterrows():
        name = str(r["name"]).strip()
        if not name:
            continue
        entry = {"name": name, "title": str(r.get("title", "") or ""), "org": str(r.get("org", "") or "")}
        out[name] = entry
        for alias in str(r.get("aliases", "") or "").split(";"):
            if alias.strip():
                out[alias.strip()] = entry
    return out


# ---------------------------------------------------------------- text forms

_HALF = str.maketrans(",:;()!?", "，：；（）！？")


_HALF_CHARS = re.compile("[,:;()!?]")


def fold_punctuation(text: str) -> str:
    """Half-width ``,:;()!?`` to their full-width forms, one character for one (offsets stay).

    Web pages and some e-papers print these half-width inside Chinese text; the
    rules below read the full-width forms only.

    >>> fold_punctuation("副市长李华,县长王强(代理)出席:")
    '副市长李华，县长王强（代理）出席：'
    """
    return text.translate(_HALF) if _HALF_CHARS.search(text) else text


# ---------------------------------------------------------------- mentions

@dataclass
class Mention:
    name: str
    start: int
    end: int
    canonical: str = ""
    title: str = ""
    title_inherited: bool = False
    group: str = ""
    roles: list[str] = field(default_factory=list)
    relayed: bool = False
    sentence: str = ""


def _starts_like_name(s: str) -> bool:
    single, compound, _ = bylines._surnames()
    return bool(s) and (s[0] in single or s[:2] in compound)


_HAN = re.compile(r"[\u4e00-\u9fff]+")
_COUNT = re.compile(r"[两二三四五六七八九十\d]+(?:位|名|人)")


def _list_element(text: str, i: int, any_surname: bool = False) -> int | None:
    """End of a name that starts at ``i`` as an element of a list (2-4 characters, then a separator,
    等, a count such as 两位, a role word or a word that follows names).

    ``any_surname``: the element stands between two list separators, so its
    first character need not be a known surname (问海俊, 凤子良), but it must
    not be a common word.
    """
    follow = _followers_re()
    for length in (3, 2, 4):
        j = i + length
        if j > len(text) or not _HAN.fullmatch(text, i, j):
            continue
        cand = text[i:j]
        if not _starts_like_name(cand) and not (any_surname and length <= 3 and cand not in names._dictionary()):
            continue
        if length == 3 and (text[j - 1] == "等" or follow.match(text, j - 1)):
            continue                                # 马骏等, 张明一行: the third character starts what follows
        rest = text[j:j + 6]
        if not rest or rest[0] in _LIST_SEP + _CLAUSE_END or rest.startswith(("等", "同志")) \
                or _COUNT.match(rest) or follow.match(rest):
            return j
    return None


def _complete_lists(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Add the elements of 、-lists around names already found, and lists after group labels."""
    found = sorted(set(spans))
    have = {s for s, _ in found}
    ends = {e for _, e in found}
    out = list(found)
    queue = list(found)
    while queue:
        s, e = queue.pop()
        # right neighbour: 、B
        if e < len(text) and text[e] in "、":
            j = _list_element(text, e + 1, any_surname=True)
            if j and (e + 1) not in have:
                have.add(e + 1)
                ends.add(j)
                out.append((e + 1, j))
                queue.append((e + 1, j))
        # left neighbour: A、
        if s >= 3 and text[s - 1] == "、" and (s - 1) not in ends:
            for length in (3, 2, 4):
                i = s - 1 - length
                if i >= 0 and i not in have and _list_element(text, i) == s - 1 \
                        and (i == 0 or not _HAN.match(text, i - 1) or _title_re().search(text, max(0, i - 6), i)
                             or _group_before(text, i, max(0, i - 6))):
                    have.add(i)
                    ends.add(s - 1)
                    out.append((i, s - 1))
                    queue.append((i, s - 1))
                    break
    labels = _labels_re()
    for m in (labels.finditer(text) if labels is not None else ()):
        i = m.end()
        while i < len(text):
            j = _list_element(text, i)
            if j is None:
                break
            if i not in have:
                have.add(i)
                out.append((i, j))
            if j < len(text) and text[j] == "、":
                i = j + 1
            else:
                break
    return _longest_first(out)


@lru_cache(maxsize=None)
def _labels_re():
    """The collective labels that open a list of names (领导 alone also opens 领导干部, so it is left out)."""
    labels = sorted((g for g in lexicons.word_set("group_labels") if len(g) >= 3), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, labels))) if labels else None


def _longest_first(spans) -> list[tuple[int, int]]:
    """Spans in text order, each dropped where it overlaps an earlier or longer one.

    >>> _longest_first([(0, 3), (0, 2), (2, 4), (5, 7)])
    [(0, 3), (5, 7)]
    """
    kept: list[tuple[int, int]] = []
    for s, e in sorted(spans, key=lambda x: (x[0], -(x[1] - x[0]))):
        if kept and s < kept[-1][1]:
            continue
        kept.append((s, e))
    return kept


def _snap_to_list(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Names that the model cut short inside a list take the whole element.

    An element is what stands between a list separator and the next separator,
    role word or word that follows names: 、麦万和、 where the model saw 万和,
    、丁一苇列席 where it saw 丁一.
    """
    follow = _followers_re()
    out = []
    compound = bylines._surnames()[1]
    for s, e in spans:
        if s >= 1 and text[s - 1:s + 1] in compound and not _title_re().search(text, max(0, s - 6), s):
            s -= 1                                  # 上官明远 where the model saw 官明远 (not 市长孙某)
        elif s >= 2 and e - s == 2 and text[s - 2:s] in compound and not _title_re().search(text, max(0, s - 7), s - 1):
            s -= 2                                  # 上官明远 where it saw 明远
        if "·" in text[s:e] and e - text.rfind("·", s, e) <= 2:
            m = _DOTTED.match(text, s)              # 吐尔逊·阿 for 吐尔逊·阿布都拉: up to the words after it
            f = follow.search(text, e, m.end() + 4) if m else None
            if f and f.start() - e <= 6:
                e = f.start()
            out.append((s, e))
            continue
        if s >= 2 and text[s - 2] == "、" and _HAN.fullmatch(text, s - 1, s) and text[s - 1] not in _FUNCTION_END and e - s == 2 \
                and text[e:e + 1] in "、":
            s -= 1                                  # 、麦万和、
        elif s >= 1 and text[s - 1] == "、" and e - s == 2 and e + 1 <= len(text) and _HAN.fullmatch(text, e, e + 1) \
                and (text[e + 1:e + 2] in "、，。；" or follow.match(text, e + 1)) and not follow.match(text, e):
            e += 1                                  # 、丁一苇列席
        out.append((s, e))
    return out


_DOTTED = re.compile(r"[\u4e00-\u9fff]{1,8}(?:·[\u4e00-\u9fff]{1,10})+")


@lru_cache(maxsize=None)
def _followers_re():
    words = sorted(lexicons.word_set("name_followers") | _role_literals(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def _trim_names(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut three-character names back to two where the third character starts the words after the name.

    The third character and what follows read as a word that follows names
    (李华主持 -> 李华 + 主持; ``name_followers.txt`` and the role words).
    """
    follow = _followers_re()
    words = names._dictionary()
    out = []
    for s, e in spans:
        if e - s == 3 and follow.match(text, s + 2):
            e = s + 2
            if s and text[s - 1:s + 1] in words:
                continue                            # 出席并在 read as a name: 席 closes 出席
        elif s and text[s - 1:s + 1] in words and text[s - 1:e] in words:
            continue                                # 官方微博 read as 方微博
        out.append((s, e))
    return out


_NAME_OR_JOINER = frozenset("为和")      # a character that ends given names and is a word of its own: 周大为, 张大和


def _extend_names(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Give a two-character name back its third character where the model read it as a word of its own:
    为 or 和 right before a mark of a clause or a list (…主任孔德为，副主任…: no copula or conjunction stands
    there), or before a role word that no 的 makes part of a noun (孔德为主持会议). Not before
    为出席会议的代表颁奖, 和主持人, 和调研组.

    >>> t = "会议由副市长孔德为主持。"
    >>> [t[s:e] for s, e in _extend_names(t, [(6, 8)])]
    ['孔德为']
    >>> t = "市人大常委会主任季文和，市政协主席赵小明出席。"
    >>> [t[s:e] for s, e in _extend_names(t, [(8, 10)])]
    ['季文和']
    >>> t = "市长孔德为出席会议的劳模颁奖。"
    >>> [t[s:e] for s, e in _extend_names(t, [(2, 4)])]
    ['孔德']
    """
    out = []
    for s, e in spans:
        if e - s == 2 and e < len(text) and text[e] in _NAME_OR_JOINER and _name_closed(text, e + 1):
            e += 1
        out.append((s, e))
    return out


def _name_closed(text: str, i: int) -> bool:
    """Whether what stands at ``i``, right after 为 or 和, shows these closed a name rather than being a copula or
    a conjunction: a mark of a clause or a list, or a role word, a word that follows names of two characters
    or more (一行, 带队) or 到 that no 的 makes part of a noun (为到会的代表 …)."""
    if text[i:i + 1] in ("，", "、", "。", "；"):
        return True
    if "的" in text[i:_clause_end(text, i)]:
        return False
    hits = _role_hits(text, i, min(len(text), i + 8))
    if hits and hits[0][0] == i:
        return hits[0][2] != "mentioned" and text[hits[0][1]:hits[0][1] + 1] not in _NOUN_ENDS
    return text[i:i + 1] == "到" or bool(_word_after_re().match(text, i))


_NOUN_ENDS = frozenset("人员者组团队方")       # 主持人, 陪同人员, 调研组: the role word is part of a noun


_TITLED = re.compile(r"(?=[总委同副书主部局专常省市县区镇乡])(?:总书记|总理|委员长|同志|委员(?!会)|副?(?:书记|主任|主席|部长|局长|专员)(?![处会团室])"
                     r"|(?:常务)?副?[省市县区镇乡]长)")
_TITLE_AFTER = re.compile(r"(?:总书记|同志|总理|委员长|委员|主席|书记|市长|省长|县长|区长|部长|局长|主任|专员|副)")
_NOT_NAME_END = ("委", "政", "府", "局", "国", "部", "的", "会", "区", "市", "县", "省", "镇", "乡", "村", "党", "总", "副")
_FUNCTION_END = frozenset("和与及同向对在将为是被把从而等也都就")     # 苏文为副省长, 崔永三和当选: not part of the name


def _titled_names(text: str) -> list[tuple[int, int]]:
    """Names printed with a title or 同志 after them: 习近平总书记, 赵敏副区长, 李华同志, 王强委员."""
    out = []
    words = names._dictionary()
    for m in _TITLED.finditer(text):
        e = m.start()
        s = max(0, e - 3)
        while e - s >= 2 and not _HAN.fullmatch(text, s, e):
            s += 1
        if e - s < 2:
            continue
        for k in (s, s + 1) if e - s == 3 else (s,):
            cand = text[k:e]
            bad_end = cand.endswith(_NOT_NAME_END) and not (cand[-1] == "国" and not text.startswith(("总", "委员长"), e))
            if len(cand) >= 2 and _starts_like_name(cand) and not bad_end \
                    and not (len(cand) == 3 and cand[-1] in _FUNCTION_END) \
                    and cand not in words and cand[:2] not in words \
                    and (k == 0 or not _HAN.match(text, k - 1) or _BEFORE_TITLED.search(text, max(0, k - 2), k)):
                out.append((k, e))
                break
    return out


_BEFORE_TITLED = re.compile(r"(?:任命|免去|同意|由|同|与|和|及|向|请|邀请|听取)$")


@lru_cache(maxsize=None)
def _anchor_re():
    titles = sorted(lexicons.word_set("title_words") - lexicons.word_set("generic_titles"), key=len, reverse=True)
    after = sorted(_role_literals() | lexicons.word_set("name_followers") | {"重要"}, key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, titles)) + r")([\u4e00-\u9fff]{2,4}?)(?=" +
                      "|".join(map(re.escape, after)) + "|[，、。；（])")


def _title_anchored(text: str) -> list[tuple[int, int]]:
    """Names standing between a title and a role word: 副市长雷黄文君参加…, 镇党委书记党爱民主持….

    This is how local dailies name officials; it finds names a model trained on
    other text may cut short (four-character and rare-surname names).

    >>> t = "副市长雷黄文君参加。孔德昌书记强调，要抓好落实。"
    >>> [t[s:e] for s, e in _title_anchored(t)]
    ['雷黄文君']
    """
    out = []
    words = names._dictionary()
    for m in _anchor_re().finditer(text):
        s, e = m.span(1)
        cand = text[s:e]
        if not _starts_like_name(cand) or (cand[:2] in words and cand[2:] in words
                                           and cand[:2] not in bylines._surnames()[1]):
            continue
        if len(cand) == 4 and text[e:e + 1] in "，、。；" and cand[:2] not in bylines._surnames()[1]:
            continue
        if (len(cand) >= 3 and cand[-1] in _FUNCTION_END and not (cand[-1] in _NAME_OR_JOINER and _name_closed(text, e))) \
                or cand[-1] in "的了着地得":
            continue                                # 苏文为副省长: 为 is no part of the name; 县长某某为到县: it is
        if _word_after_re().match(text, s):
            continue                                # 某某书记强调，: a role word right after the title, no name
        if (len(cand) == 4 or text[e] == "到") and text[e - 1:e + 1] in words and not _word_after_re().match(text, e):
            continue                                # 部长某某上将, 主任某某谈到: 上将, 谈到 are words
        out.append((s, e))
    return out


@lru_cache(maxsize=None)
def _word_after_re():
    """The role words and words that follow names of two characters or more (强调, 一行, 深入)."""
    words = sorted((w for w in _role_literals() | lexicons.word_set("name_followers") if len(w) >= 2),
                   key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def _prefer_anchored(spans, anchored):
    """Title-anchored names replace model names that overlap them."""
    if not anchored:
        return spans
    keep = [sp for sp in spans if not any(sp[0] < e and s < sp[1] for s, e in anchored)]
    return keep + anchored


_NAME_CHARS = re.compile(r"[\u4e00-\u9fff·]+")


def _everywhere(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A name found once in an item is found wherever else the item prints it (会议由戴骏主持)."""
    if not spans:
        return spans
    taken = sorted(spans)
    starts = [s for s, _ in taken]
    extra = []
    inner = set()
    found = sorted({text[s:e] for s, e in spans if e - s >= 2}, key=len, reverse=True)
    if not found:
        return spans
    have = {}
    for s, e in spans:
        have[text[s:e]] = have.get(text[s:e], 0) + 1
    for name in found:
        if text.count(name) == have[name]:
            continue                                # printed only where it was found
        s = text.find(name)
        while s >= 0:
            e = s + len(name)
            k = bisect.bisect_right(starts, s)
            j = k
            while j < len(taken) and taken[j][0] < e:
                j += 1
            covered = taken[k:j] + ([taken[k - 1]] if k and taken[k - 1][1] > s else [])
            if not any(a < s or b > e for a, b in covered):     # no overlap with a name it does not contain
                inner.update(sp for sp in covered if sp != (s, e))   # 明远 inside a later 上官明远
                if (s, e) not in covered:
                    extra.append((s, e))
            s = text.find(name, e)
    if not extra:
        return spans
    return _longest_first((set(spans) - inner) | set(extra))


def find_mentions(text: str, roster_index: dict | None = None, model=None, found=None) -> list[Mention]:
    """Every person named in ``text`` with where the name stands.

    ``found``: the name model's names in ``text`` when the caller has them
    already (``names.find_names_in`` decodes many texts in one pass).
    """
    spans = [(s, e) for s, e, _ in (names.find_names(text, model) if found is None else found)]
    for alias in (roster_index or {}):
        for m in re.finditer(re.escape(alias), text):
            spans.append((m.start(), m.end()))
    spans = _prefer_anchored(spans + _titled_names(text), _title_anchored(text))
    spans = _complete_lists(text, _snap_to_list(text, _extend_names(text, _trim_names(text, spans))))
    spans = _everywhere(text, spans)
    bad = _word_tuple("not_names")
    out = []
    for s, e in spans:
        name = text[s:e]
        if name.startswith(bad) or not _NAME_CHARS.fullmatch(name):
            continue
        canonical = (roster_index or {}).get(name, {}).get("name", name)
        out.append(Mention(name, s, e, canonical))
    return out


# ---------------------------------------------------------------- journalists in the text

@lru_cache(maxsize=None)
def _credit_words() -> str:
    """The words that credit a journalist before a name (journalist_roles.tsv, credit_words.txt), as a pattern."""
    words = sorted({w for w, _ in bylines._roles()} | lexicons.word_set("credit_words"), key=len, reverse=True)
    return "|".join(map(re.escape, words))


@lru_cache(maxsize=None)
def _credit_before_re():
    return re.compile("(?:" + _credit_words() + r")[：\s]*$")


@lru_cache(maxsize=None)
def _credit_hint_re():
    return re.compile(_credit_words() + "|摄|/|／|供稿|报道")


_CREDIT_AFTER = re.compile(r"[/／]?(?:摄影?(?=$|[^\u4e00-\u9fff]|报道)|[/／](?:文|图)|供稿|报道(?![了的]))")
_JOIN_CREDIT = re.compile(r"[、，\s/／]*")


def credited_names(text: str, mentions: list[Mention]) -> set[str]:
    """Names that the text itself credits as journalists, not people at the event.

    记者:A B, (本报记者 A), 全媒体记者A、B, A 摄, A/文, 供稿:A, and a
    bracket of names alone ending a paragraph ((A B C)).

    >>> ms = find_mentions("副市长李华出席。（记者王明远 赵小红）")
    >>> sorted(credited_names("副市长李华出席。（记者王明远 赵小红）", ms))
    ['王明远', '赵小红']
    """
    out: set[str] = set()
    before = _credit_before_re()
    prev_credit = False
    near = mentions if _credit_hint_re().search(text) else []    # no credit word, 摄 or slash: brackets only
    for k, m in enumerate(near):
        credit = before.search(text, max(0, m.start - 8), m.start) is not None \
            or _CREDIT_AFTER.match(text, m.end) is not None
        if not credit and prev_credit and _JOIN_CREDIT.fullmatch(text, near[k - 1].end, m.start):
            credit = True
        if credit:
            out.add(m.canonical)
        prev_credit = credit
    # a run of names printed after a credited one, up to the end of the credit (记者A B C)
    for k in range(len(near) - 2, -1, -1):
        a, b = near[k], near[k + 1]
        if b.canonical in out and _JOIN_CREDIT.fullmatch(text, a.end, b.start) and _CREDIT_AFTER.match(text, b.end):
            out.add(a.canonical)
    # （A B C） ending a paragraph: an author list
    for m in _BRACKET_NAMES.finditer(text):
        inside = [x for x in mentions if m.start() < x.start and x.end <= m.end()]
        rest = m.group(1)
        for x in inside:
            rest = rest.replace(x.name, "")
        if inside and not _JOIN_CREDIT.sub("", rest):
            out.update(x.canonical for x in inside)
    for m in _bracket_credit_re().finditer(text):          # （供稿：市局办公室 刘斌）
        out.update(x.canonical for x in mentions if m.start() < x.start and x.end <= m.end())
    return out


_BRACKET_NAMES = re.compile(r"（([\u4e00-\u9fff·、，\s]{2,40})）(?=\s*(?:$|\n|。))")


@lru_cache(maxsize=None)
def _bracket_credit_re():
    return re.compile("（(?:" + _credit_words() + r")[^（）]{0,40}）")


# ---------------------------------------------------------------- titles and roles

_TITLE_STOP = re.compile(r".*(?:[了的在对向和与将为是由把被从到于给让请邀并及等受]|会上|传达|学习|贯彻|召开|邀请|听取|审议|任命|决定|还有|也有)")
_BRACKETED = re.compile(r"（[^（）]*）")


def title_before(text: str, start: int, floor: int) -> str:
    """The title chain printed just before a name (from ``floor``, the end of the previous name or clause).

    A collective label (区领导, ``group_labels.txt``) is no title. A bracket
    closing the chain is part of it: 无党派人士（某大学副院长）.

    >>> title_before("会上，传达了市委书记李华重要批示", 10, 3)
    '市委书记'
    >>> title_before("，无党派人士（某大学副院长）刘明", 14, 0)
    '无党派人士（某大学副院长）'
    """
    left = text[floor:start]
    if left.endswith("）"):
        core = _BRACKETED.sub(lambda b: "（" + "口" * (len(b.group()) - 2) + "）", left)
        ok = _title_re().search(left[:core.rfind("（")]) or _title_re().search(left.rstrip("）"))
    else:
        core = left
        ok = _title_re().search(left)
    if not ok:
        return ""
    stop = _TITLE_STOP.match(core)
    if stop and not (stop.end() == 1 and core[0] == "和" and (floor == 0 or text[floor - 1] in _CLAUSE_END)):
        left = left[stop.end():]                # (a clause that opens with 和 starts a place: 和田地委…)
    left = left.lstrip("，、：；”’」』")
    if left.startswith("以及"):
        left = left[2:]
    return left if len(left) <= 40 else left[-40:]


def _group_before(text: str, start: int, floor: int) -> str:
    """The collective label just before a name (区领导, 区政府领导: ``group_labels.txt``)."""
    labels, lengths = _group_labels()
    return next((text[start - n:start] for n in lengths if start - n >= floor and text[start - n:start] in labels), "")


@lru_cache(maxsize=None)
def _group_labels() -> tuple[frozenset, tuple[int, ...]]:
    labels = lexicons.word_set("group_labels")
    return labels, tuple(sorted({len(g) for g in labels}, reverse=True))


def _org_of(title: str) -> str:
    m = _title_re().search(title.split("、")[0])
    return title.split("、")[0][:m.start()] if m else ""


def _is_official(title: str, name: str, roster_index: dict) -> bool:
    if name in roster_index:
        return True
    t = _QUOTED.sub("", title) if "“" in title else title     # a quoted name (“青年邻里帮帮团”) is no office
    if t.endswith(_word_tuple("generic_titles")):
        return False                                            # 村民, 专家: a kind of person, not an office
    return _markers_re().search(t) is not None


_QUOTED = re.compile(r"“[^”]*”")


@lru_cache(maxsize=None)
def _markers_re():
    markers = sorted(lexicons.word_set("official_markers"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, markers))) if markers else re.compile(r"(?!)")


def _roles_in(predicate: str) -> list[str]:
    """Roles said by the words after a name: the first role word, plus one joined by 并.

    Where the words relay someone's instruction or speech (批示, 讲话精神) the
    person is only mentioned. A role word that names a group (调研组, 考察团)
    says nothing.

    >>> _roles_in("主持会议并讲话"), _roles_in("出席会议并讲话"), _roles_in("参加调研督导"), _roles_in("重要批示要求")
    (['chair', 'speaker'], ['speaker'], ['attendee'], ['mentioned'])
    >>> _roles_in("向视察组介绍情况")
    ['speaker']
    """
    return _decide(_role_hits(predicate), predicate, len(predicate))


def _decide(hits, text: str, stop: int) -> list[str]:
    """``_roles_in`` from the role words ``hits`` (start, end, role) of ``text`` before ``stop``."""
    if not hits:
        return []
    if any(r == "mentioned" for _, _, r in hits):
        return ["mentioned"]        # their instruction or speech is relayed: not at the event
    first_pos, _, first = hits[0]
    roles = [first]
    k = text.find("并", first_pos, stop)
    if k >= 0:
        later = [r for p, _, r in hits if p > k]
        if later:
            if first == "attendee" and later[0] == "speaker":
                roles = ["speaker"]
            elif later[0] not in roles:
                roles.append(later[0])
    return roles


class _RoleIndex:
    """The role words of stretches of one text, each stretch searched once."""

    def __init__(self, text: str):
        self.text = text
        self.seen: dict[tuple[int, int], list] = {}

    def hits(self, a: int, b: int) -> list[tuple[int, int, str]]:
        got = self.seen.get((a, b))
        if got is None:
            got = self.seen[(a, b)] = _role_hits(self.text, a, b) if a < b else []
        return got

    def roles(self, a: int, b: int) -> list[str]:
        return _decide(self.hits(a, b), self.text, b)


@lru_cache(maxsize=None)
def _clause_end_re():
    return re.compile("[" + re.escape("".join(sorted(_CLAUSE_END))) + "]")


def _clause_end(text: str, i: int) -> int:
    m = _clause_end_re().search(text, i)
    return m.start() if m else len(text)


_JOINERS = frozenset("、和及与")          # one of these alone between two names joins them in a list
_CLAUSE_MARK = re.compile("[，,；;：:。！？!?\n]")
_GAP_SEP = re.compile(r"(?:以及|[、，；和及与])")
_GAP_BREAK = re.compile("[。！？\n：]|" + _TITLE_STOP.pattern[2:])
_BARE = re.compile(r"(?:等|同志|们|一行|领导|人员|人|[两二三四五六七八九十\d]+(?:位|名|人))*")
_HEADER_END = re.compile(r"(?:的(?:还|也)?(?:有|是|为|包括)|(?:分别)?(?:是|为|有)|：)：?$")


_LEADING_BRACKET = re.compile(r"^（[^（）]{1,8}）")


def _joined(index: _RoleIndex, a: Mention, b: Mention) -> bool:
    """Whether ``b`` continues the list ``a`` is in: only a separator and ``b``'s own title stand between.

    市政协主席A，副市长B、C；区领导D: every gap is a separator, then a title or a collective label.
    """
    gap = index.text[a.end:b.start]
    if gap.startswith("（"):
        gap = _LEADING_BRACKET.sub("", gap)          # A（女）、B; A（回族），副县长B
    at = b.start - len(gap)
    if gap in _JOINERS or gap == "，":
        return True
    m = _GAP_SEP.match(gap)
    if not m or len(gap) > 45:
        return False
    rest = gap[m.end():]
    core = _BRACKETED.sub("", rest)
    if _GAP_BREAK.search(core) or index.hits(at + m.end(), b.start):
        return False
    return bool(_title_re().search(core.rstrip("（）")) or _group_before(rest, len(rest), 0)
                or core.endswith(_word_tuple("generic_titles")))


def _chains(index: _RoleIndex, mentions: list[Mention]) -> list[list[int]]:
    """Mentions grouped into lists (indices into ``mentions``), in text order."""
    chains: list[list[int]] = []
    for k, m in enumerate(mentions):
        if k and _joined(index, mentions[k - 1], m):
            chains[-1].append(k)
        else:
            chains.append([k])
    return chains


def _clause_start(text: str, start: int, stop: int, marks: str = "，；。！？\n") -> int:
    """Where the clause that ends at ``stop`` begins: after the last of ``marks`` before it, not before ``start``."""
    return max(start, max(text.rfind(c, start, stop) for c in marks) + 1)


def _header_roles(index: _RoleIndex, start: int, stop: int) -> list[str]:
    """Roles given by words that open a list (``index.text[start:stop]``): 在主席台就座的有：, 出席会议的还有,
    执行主席是：."""
    text = index.text
    if stop <= start or text[stop - 1] not in "有是为括：":
        return []                                   # the cheap test first: a header ends so
    cut = _clause_start(text, start, stop)
    clause = text[cut:stop]
    if not clause or not _HEADER_END.search(clause):
        return []
    hits = [r for _, _, r in index.hits(cut, stop)]
    return hits[-1:] if hits and hits[-1] != "mentioned" else []


_ESCORTED = re.compile(r"在[^，。；！？\n]{1,40}?(?:陪同|陪伴|带领|率领|引领)下，?")


def _chain_roles(index: _RoleIndex, mentions: list[Mention], chain: list[int], starts: list[int],
                 sentence_start: int) -> tuple[list[str], bool]:
    """Roles of a list: the words after its last name to the end of the clause; where only 等/同志
    stand there, the next clauses of the sentence that name no one else (…，以及各部门负责人列席会议);
    else the words that opened the list (在主席台就座的有：), and whether they did."""
    text = index.text
    end = mentions[chain[-1]].end
    ce = _clause_end(text, end)
    k = bisect.bisect_right(starts, end - 1)
    own = min(ce, starts[k]) if k < len(starts) else ce
    roles = index.roles(end, own)
    escorted = _ESCORTED.match(text, end)
    if escorted:                                    # A在B陪同下，到开发区调研: A's role follows 下, B's is 陪同
        roles = index.roles(escorted.end(), _clause_end(text, escorted.end()))
    elif not roles and own < ce:
        roles = [r for r in index.roles(end, ce) if r != "mentioned"]   # A与B座谈; not B's 讲话精神
    if not roles and _BARE.fullmatch(text, end, ce):
        j = ce
        for _ in range(8):
            if j >= len(text) or text[j] not in "，；":
                break
            nxt = _clause_end(text, j + 1)
            k = bisect.bisect_right(starts, j)
            if k < len(starts) and starts[k] < nxt:
                break                                   # another subject
            roles = index.roles(j + 1, nxt)
            if roles:
                break
            j = nxt
    first = mentions[chain[0]]
    header_end = first.start - len(first.title) - len(first.group)
    if not roles and not text.startswith("的", end) and _clause_start(text, 0, header_end) == header_end:
        roles = _next_predicate(index, ce, starts)      # 市长A到城东街道，检查节后上班情况
    if not roles:
        roles = _header_roles(index, sentence_start, header_end) or _group_roles(index, sentence_start, header_end)
        return roles, bool(roles)
    return roles, False


def _next_predicate(index: _RoleIndex, ce: int, starts: list[int]) -> list[str]:
    """Roles of the clause after ``ce`` where it opens with a role word and so goes on without a subject of its
    own: the list that opened the clause before it (its subject) did what it says.

    >>> t = "市长孔德昌到城东街道，检查节后上班情况。"
    >>> _next_predicate(_RoleIndex(t), t.index("，"), [2])
    ['leader']
    >>> t = "市长孔德昌到城东街道，居民检查了门窗。"      # the clause has a subject of its own
    >>> _next_predicate(_RoleIndex(t), t.index("，"), [2])
    []
    """
    text = index.text
    if ce >= len(text) or text[ce] != "，":
        return []
    nxt = _clause_end(text, ce + 1)
    hits = index.hits(ce + 1, nxt)
    if not hits or hits[0][2] == "mentioned" or (hits[0][0] > ce + 1 and text[ce + 1:hits[0][0]]
                                                 not in lexicons.word_set("predicate_openers")):
        return []                                   # no role word opens it (but 并, 实地, 他: predicate_openers)
    k = bisect.bisect_right(starts, ce)
    if k < len(starts) and starts[k] < hits[0][0]:
        return []                                   # a name before the role word: its own subject
    return index.roles(ce + 1, nxt)


_LIST_BREAK = re.compile("[。！？\n：:]")


def _list_goes_on(index: _RoleIndex, a: int, b: int) -> bool:
    """Whether the text between two lists (``index.text[a:b]``) only sets the next name apart with its
    own words, as a list opened by a header does (…分别是：A，校长、作家B，退休干部C): a separator
    first, no sentence's end, no role word."""
    gap = index.text[a:b]
    return gap[:1] in ("，", "、", "；") and len(gap) <= 45 and not _LIST_BREAK.search(gap) and not index.hits(a, b)


_GROUP_HEADER = re.compile(r"(?:这|以上|上述)?[0-9０-９一二三四五六七八九十两百]*(?:名|位|个)?(?P<group>[\u4e00-\u9fff]{2,10}?)"
                           r"(?:分别|依次)?(?:是|为)[：:]?")


def _group_roles(index: _RoleIndex, start: int, stop: int) -> list[str]:
    """Roles of a list whose opening words name a group and no role (5名劳动模范分别是：A、B): what an
    earlier clause that names the group says it did, where that is a presence (特意邀请5名劳动模范揭牌).

    >>> t = "会上，特意邀请3名劳动模范揭牌。3名劳动模范分别是：孔德昌、季文华、赵小明。"
    >>> _group_roles(_RoleIndex(t), t.index("3名劳动"), t.index("孔德昌"))
    ['attendee']
    >>> t = "会议表彰了3名劳动模范。3名劳动模范分别是：孔德昌、季文华、赵小明。"
    >>> _group_roles(_RoleIndex(t), t.index("3名劳动"), t.index("孔德昌"))
    []
    """
    text = index.text
    if stop <= start or text[stop - 1] not in "是为：:":
        return []                                   # the cheap test first: a header ends so
    cut = _clause_start(text, start, stop)
    m = _GROUP_HEADER.fullmatch(text, cut, stop)
    if m is None:
        return []
    j = text.rfind(m.group("group"), 0, cut)
    if j < 0:
        return []
    opens = _clause_start(text, 0, j, "，,；;：:。！？\n")
    roles = [r for r in index.roles(opens, _clause_end(text, j)) if r in PRESENT_ROLES]
    return roles[:1]


EVIDENCE_WHOLE = 160       # a sentence up to this long is the evidence as it stands
EVIDENCE_HEAD, EVIDENCE_AROUND = 40, 50     # else its first characters and those around the name


def evidence(text: str, start: int, end: int, name_start: int, name_end: int) -> str:
    """The sentence ``text[start:end]`` that names someone at ``name_start:name_end``, as evidence.

    A sentence longer than ``EVIDENCE_WHOLE`` characters (a list of hundreds of
    names, a paragraph without a full stop) is cut to its first
    ``EVIDENCE_HEAD`` characters, which hold the words that give the role
    (出席会议的有：…), and ``EVIDENCE_AROUND`` characters either side of the
    name, with …… where text is left out.

    >>> evidence("会议由张三主持。", 0, 8, 4, 6)
    '会议由张三主持。'
    >>> s = "当选的代表有：" + "、".join(["赵某某"] * 60) + "、钱某某、" + "、".join(["孙某某"] * 60) + "。"
    >>> e = evidence(s, 0, len(s), s.index("钱"), s.index("钱") + 3)
    >>> e.startswith("当选的代表有：") and "……" in e and "钱某某" in e and len(e) < 160
    True
    """
    end = min(end, len(text))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start <= EVIDENCE_WHOLE:
        return text[start:end]
    head = start + EVIDENCE_HEAD
    lo, hi = max(name_start - EVIDENCE_AROUND, head), min(name_end + EVIDENCE_AROUND, end)
    around = text[lo:hi] + ("……" if hi < end else "")
    return text[start:lo] + around if lo <= head else text[start:head] + "……" + around


_ALIAS = re.compile(r"[老小][\u4e00-\u9fff]")      # 老张, 小李: someone named in full elsewhere


def people_in_text(text: str, journalists=(), roster_index=None, model=None, found=None,
                   folded: str | None = None) -> list[Mention]:
    """People named in one item's text, with title and roles, journalists left out.

    Names are grouped into lists (A、B，副市长C、D等); a list takes the role words
    that close it, or the words that open it (在主席台就座的有：A、B). A title
    printed once before several names of a 、-list goes to each of them, marked
    ``title_inherited``.
    """
    roster_index = roster_index or {}
    norm = fold_punctuation(text) if folded is None else folded      # ``folded``: the caller folded it already
    mentions = find_mentions(norm, roster_index, model, found)
    credited = set(journalists) | credited_names(norm, mentions)
    mentions = [m for m in mentions if m.canonical not in credited and not _ALIAS.fullmatch(m.name)]
    if not mentions:
        return mentions
    meeting = bool(_meeting_re().search(norm))
    clause_marks = [x.start() for x in _CLAUSE_MARK.finditer(norm)]
    sentence_marks = [i for i in clause_marks if norm[i] in "。！？\n"]       # one pass over the text
    starts = [o.start for o in mentions]
    index = _RoleIndex(norm)
    opened = None                       # the sentence, roles and end of a list its opening words gave roles
    for chain in _chains(index, mentions):
        for pos, k in enumerate(chain):
            m = mentions[k]
            before = bisect.bisect_left(clause_marks, m.start)
            clause_start = clause_marks[before - 1] + 1 if before else 0
            floor = max(clause_start if pos == 0 else 0, mentions[k - 1].end if k > 0 else 0)
            title = title_before(norm, m.start, floor)
            m.title = text[m.start - len(title):m.start] if title else ""
            m.group = _group_before(norm, m.start, floor)
            prev = mentions[chain[pos - 1]] if pos else None
            if not m.title and prev is not None and prev.title and norm[prev.end:m.start] in _JOINERS:
                m.title, m.title_inherited = prev.title, True      # 县政协副主席A、B、C
            if prev is not None and not m.group and prev.group and norm[prev.end:m.start] in _JOINERS:
                m.group = prev.group
        head = mentions[chain[0]]
        s_before = bisect.bisect_left(sentence_marks, head.start)
        sentence_start = sentence_marks[s_before - 1] + 1 if s_before else 0
        roles, by_header = _chain_roles(index, mentions, chain, starts, sentence_start)
        if not roles and opened is not None and opened[0] == sentence_start \
                and _list_goes_on(index, opened[2], head.start):
            roles, by_header = list(opened[1]), True    # …分别是：A，作家B: the list its opening words gave roles
        opened = (sentence_start, roles, mentions[chain[-1]].end) if by_header else None
        # words that continue the sentence without a new subject (…调研督导安全生产工作，强调要…)
        end = mentions[chain[-1]].end
        j = _clause_end(norm, end)
        while j < len(norm) and norm[j] == "，":
            seg_end = _clause_end(norm, j + 1)
            nxt_name = bisect.bisect_right(starts, j)
            if nxt_name < len(starts) and starts[nxt_name] < seg_end:
                break
            extra = index.roles(j + 1, j + 5)
            if extra and extra[0] == "speaker" and "speaker" not in roles and roles and roles != ["mentioned"]:
                roles.append("speaker")
            j = seg_end
        if meeting:
            roles = ["speaker" if r == "quoted" else r for r in roles]
        for k in chain:
            m = mentions[k]
            m.roles = list(roles)
            m.relayed = roles == ["mentioned"]
            before = bisect.bisect_left(sentence_marks, m.start)
            s0 = sentence_marks[before - 1] + 1 if before else 0
            after = bisect.bisect_left(sentence_marks, m.end)
            s1 = sentence_marks[after] if after < len(sentence_marks) else len(norm)
            m.sentence = evidence(text, s0, s1 + 1, m.start, m.end)
    # officials vs others
    by_name: dict[str, list[Mention]] = {}
    for m in mentions:
        by_name.setdefault(m.canonical, []).append(m)
    for name, ms in by_name.items():
        first = next((m for m in ms if m.title), None)
        title = first.title if first else roster_index.get(name, {}).get("title", "")
        official = _is_official(title, name, roster_index) or any(m.group for m in ms) \
            or any(_TITLE_AFTER.match(norm, m.end) for m in ms)
        for m in ms:
            if not m.title:
                m.title, m.title_inherited = title, bool(first and first.title_inherited)
            if not m.roles:
                m.roles = ["mentioned" if official else "other"]
            elif not official:
                m.roles = [r if r in PRESENT_ROLES else "other" for r in m.roles]
    return mentions


def extract_people(articles: pd.DataFrame, roster: pd.DataFrame | None = None, model=None) -> pd.DataFrame:
    """One row per item, person and role: ``article_id``, ``name``, ``role``, ``title``, ``org``, ``evidence``.

    Roles: chair, speaker, attendee, leader, quoted, mentioned, other (see the
    module's docstring); a person may hold several roles in one item. Rows are
    in the order people are first named, roles in the order chair, leader,
    speaker, attendee, quoted, mentioned, other.

    >>> people = extract_people(helpers.load_articles())          # doctest: +SKIP
    """
    with few_collections():
        return _extract_people(articles, roster, model)


def _extract_people(articles: pd.DataFrame, roster: pd.DataFrame | None, model) -> pd.DataFrame:
    roster = read_roster() if roster is None else roster
    index = _roster_index(roster)
    rows = []
    items = articles[articles.kind.isin(ITEM_KINDS)] if "kind" in articles else articles

    def column(name):
        return items[name].tolist() if name in items else [()] * len(items)

    bodies = [b if isinstance(b, str) else "" for b in column("body")]
    folded = [fold_punctuation(b) for b in bodies]
    found_in = names.find_names_in(folded, model)          # the name model over every item at once
    for article_id, body, norm, found, *credited in zip(column("article_id"), bodies, folded, found_in,
                                                        column("reporters"), column("correspondents"),
                                                        column("photographers")):
        journalists = [n for names_ in credited if names_ is not None and not isinstance(names_, float)
                       for n in names_]
        mentions = people_in_text(body, journalists, index, model, found, norm)
        seen: dict[str, dict] = {}
        order: list[str] = []
        for m in mentions:
            d = seen.get(m.canonical)
            if d is None:
                d = seen[m.canonical] = {"roles": [], "title": m.title, "inherited": m.title_inherited,
                                         "evidence": m.sentence, "relayed": False}
                order.append(m.canonical)
            d["relayed"] = d["relayed"] or m.relayed
            for role in m.roles:
                if role not in d["roles"]:
                    d["roles"].append(role)
                    if ROLE_ORDER.index(role) < min(ROLE_ORDER.index(x) for x in d["roles"]):
                        d["evidence"] = m.sentence
            if (not d["title"] or d["inherited"]) and m.title and not m.title_inherited:
                d["title"], d["inherited"] = m.title, False      # a title printed for this person wins
        for name in order:
            d = seen[name]
            roles = sorted(d["roles"], key=ROLE_ORDER.index)
            if d["relayed"] and not any(x in ("chair", "leader", "attendee") for x in roles):
                roles = ["mentioned"]      # words of someone whose instruction is relayed, not said at the event
            elif any(x in PRESENT_ROLES or x == "quoted" for x in roles):
                roles = [x for x in roles if x not in ("mentioned", "other")]
            for role in roles:
                rows.append({"article_id": article_id, "name": name, "role": role, "title": d["title"] or None,
                             "title_inherited": bool(d["title"]) and d["inherited"],
                             "org": _org_of(d["title"]) or None, "evidence": d["evidence"]})
    if not rows:
        return pd.DataFrame(rows, columns=COLUMNS)
    return pd.DataFrame({c: [r[c] for r in rows] for c in COLUMNS}, columns=COLUMNS)


def suggest_roster(people: pd.DataFrame, articles: pd.DataFrame | None = None, min_items: int = 1) -> pd.DataFrame:
    """Roster entries proposed from the data, for the researcher to review and save as ``data/officials.csv``.

    One row per person with a public title: the most frequent title and org,
    first and last issue date seen, and the number of items.
    """
    if not len(people):
        return pd.DataFrame(columns=ROSTER_COLUMNS + ["items"])
    df = people
    if articles is not None and "issue_date" in articles:
        df = df.merge(articles[["article_id", "issue_date"]], on="article_id", how="left")
    rows = []
    for name, g in df.groupby("name", sort=True):
        titles = g.title.dropna()
        titles = titles[titles != ""]
        title = titles.value_counts().index[0] if len(titles) else ""
        if not _is_official(title, name, {}) and not g.role.isin(PRESENT_ROLES).any():
            continue
        if g.article_id.nunique() < min_items:
            continue
        orgs = g.org.dropna()
        orgs = orgs[orgs != ""]
        dates = g.issue_date.dropna() if "issue_date" in g else pd.Series(dtype="datetime64[ns]")
        rows.append({"name": name, "title": title, "org": orgs.value_counts().index[0] if len(orgs) else "",
                     "aliases": "", "first_seen": dates.min().date().isoformat() if len(dates) else "",
                     "last_seen": dates.max().date().isoformat() if len(dates) else "",
                     "items": int(g.article_id.nunique())})
    return pd.DataFrame(rows, columns=ROSTER_COLUMNS + ["items"]).sort_values(["items", "name"], ascending=[False, True]).reset_index(drop=True)


def role_table(people: pd.DataFrame) -> pd.DataFrame:
    """Each person with the number of items per role and the titles printed before the name."""
    if not len(people):
        return pd.DataFrame(columns=["name", "titles", *ROLE_ORDER, "items"])
    counts = people.pivot_table(index="name", columns="role", values="article_id", aggfunc="nunique", fill_value=0)
    for role in ROLE_ORDER:
        if role not in counts:
            counts[role] = 0
    counts = counts[list(ROLE_ORDER)]
    counts["items"] = people.groupby("name").article_id.nunique()
    titles = people.dropna(subset=["title"]).groupby("name").title.agg(lambda s: "；".join(dict.fromkeys(s)))
    counts.insert(0, "titles", titles)
    counts["titles"] = counts["titles"].fillna("")
    return counts.sort_values(["items", "chair", "speaker"], ascending=False)


def appearances(people: pd.DataFrame, articles: pd.DataFrame, name: str, roles=PRESENT_ROLES) -> pd.DataFrame:
    """Items per issue date in which ``name`` is present (in ``roles``), by role."""
    df = people[(people.name == name) & people.role.isin(roles)].merge(
        articles[["article_id", "issue_date", "headline"]], on="article_id", how="left")
    if not len(df):
        return pd.DataFrame(columns=["issue_date", *roles])
    return df.pivot_table(index="issue_date", columns="role", values="article_id", aggfunc="nunique", fill_value=0)


if __name__ == "__main__":
    from .people_eval import main as _evaluate_main
    raise SystemExit(_evaluate_main())
