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
import re
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from . import bylines, lexicons, names, paths
from .parse import ITEM_KINDS

ROLE_ORDER = ("chair", "leader", "speaker", "attendee", "quoted", "mentioned", "other")
PRESENT_ROLES = ("chair", "speaker", "attendee", "leader")
COLUMNS = ["article_id", "name", "role", "title", "org", "evidence"]
ROSTER_COLUMNS = ["name", "title", "org", "aliases", "first_seen", "last_seen"]

_SENTENCE = re.compile(r"[^。！？!?\n]+(?:[。！？!?]+[”’」』]*)?|\n")
_CLAUSE_END = "，,；;：:。！？!?\n"
_LIST_SEP = "、和及与"


@lru_cache(maxsize=None)
def _role_words():
    rows = [(w, r) for w, r, *_ in lexicons.table("role_verbs")]
    return re.compile("|".join(re.escape(w) for w, _ in sorted(rows, key=lambda x: -len(x[0])))), dict(rows)


@lru_cache(maxsize=None)
def _title_re():
    ws = sorted(set(" ".join(lexicons.words("title_words")).split()), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, ws)) + ")$")


@lru_cache(maxsize=None)
def _words_set(name: str) -> frozenset:
    return frozenset(" ".join(lexicons.words(name)).split())


@lru_cache(maxsize=None)
def _meeting_re():
    return re.compile(r"(?:召开|举行|举办|会上|会议上|座谈|主持召开).{0,40}?(?:" + "|".join(map(re.escape, _words_set("meeting_words"))) + ")|会上")


# ---------------------------------------------------------------- roster

def read_roster(path=None) -> pd.DataFrame:
    """The researcher's roster ``data/officials.csv`` (name, title, org, aliases, first_seen, last_seen).

    Optional and empty by default. ``aliases`` lists other forms of the name
    separated by ``;``. Every roster name is recognised wherever it occurs, and
    its title is used where the text prints none.
    """
    path = paths.ROSTER if path is None else path
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except FileNotFoundError:
        return pd.DataFrame(columns=ROSTER_COLUMNS)
    for col in ROSTER_COLUMNS:
        if col not in df:
            df[col] = ""
    return df[ROSTER_COLUMNS]


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


# ---------------------------------------------------------------- mentions

@dataclass
class Mention:
    name: str
    start: int
    end: int
    canonical: str = ""
    title: str = ""
    roles: list[str] = field(default_factory=list)
    sentence: str = ""


def _starts_like_name(s: str) -> bool:
    single, compound, _ = bylines._surnames()
    return bool(s) and (s[0] in single or s[:2] in compound)


_HAN = re.compile(r"[\u4e00-\u9fff]+")
_COUNT = re.compile(r"[两二三四五六七八九十\d]+(?:位|名|人)")


def _list_element(text: str, i: int) -> int | None:
    """End of a name that starts at ``i`` as an element of a list (2-4 characters, then a separator,
    等, a count such as 两位, or a role word)."""
    role_re, _ = _role_words()
    for length in (3, 2, 4):
        j = i + length
        if j > len(text) or not _HAN.fullmatch(text, i, j) or not _starts_like_name(text[i:j]):
            continue
        rest = text[j:j + 6]
        if not rest or rest[0] in _LIST_SEP + _CLAUSE_END or rest.startswith(("等", "同志")) \
                or _COUNT.match(rest) or role_re.match(rest):
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
        if e < len(text) and text[e] in "、" :
            j = _list_element(text, e + 1)
            if j and (e + 1) not in have:
                have.add(e + 1)
                ends.add(j)
                out.append((e + 1, j))
                queue.append((e + 1, j))
        # left neighbour: A、
        if s >= 3 and text[s - 1] == "、" and (s - 1) not in ends:
            for length in (3, 2, 4):
                i = s - 1 - length
                if i >= 0 and i not in have and _list_element(text, i) == s - 1:
                    have.add(i)
                    ends.add(s - 1)
                    out.append((i, s - 1))
                    queue.append((i, s - 1))
                    break
    for label in _words_set("group_labels"):
        if label not in text:
            continue
        for m in re.finditer(re.escape(label), text):
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
    # drop spans overlapping a longer one
    out.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    kept: list[tuple[int, int]] = []
    for s, e in out:
        if kept and s < kept[-1][1]:
            continue
        kept.append((s, e))
    return kept


@lru_cache(maxsize=None)
def _followers_re():
    role_re, role_of = _role_words()
    words = sorted(set(_words_set("name_followers")) | set(role_of), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def _trim_names(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut three-character names back to two where the third character starts the words after the name.

    The third character and what follows read as a word that follows names
    (李华主持 -> 李华 + 主持; ``name_followers.txt`` and the role words).
    """
    follow = _followers_re()
    out = []
    for s, e in spans:
        if e - s == 3 and follow.match(text, s + 2):
            e = s + 2
        out.append((s, e))
    return out


_TITLED = re.compile(r"([\u4e00-\u9fff]{2,3})(?=总书记|总理|委员长)")
_TITLE_AFTER = re.compile(r"(?:总书记|同志|总理|委员长|主席|书记|市长|省长|县长|区长|部长|局长|主任)")


def _titled_names(text: str) -> list[tuple[int, int]]:
    """Names printed with a title after them: 习近平总书记, 李鹏总理."""
    out = []
    if "总书记" not in text and "总理" not in text and "委员长" not in text:
        return out                                      # cheap test first
    for m in _TITLED.finditer(text):
        s, e = m.span(1)
        for k in (s, s + 1) if e - s == 3 else (s,):
            cand = text[k:e]
            if len(cand) >= 2 and _starts_like_name(cand) and not cand.endswith(("委", "政", "府", "局", "国", "部", "的")):
                out.append((k, e))
                break
    return out


@lru_cache(maxsize=None)
def _anchor_re():
    titles = sorted(set(" ".join(lexicons.words("title_words")).split()) - _words_set("generic_titles"), key=len, reverse=True)
    role_re, role_of = _role_words()
    after = sorted(set(role_of) | _words_set("name_followers") | {"重要"}, key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, titles)) + r")([\u4e00-\u9fff]{2,4}?)(?=" +
                      "|".join(map(re.escape, after)) + "|[，、。；])")


def _title_anchored(text: str) -> list[tuple[int, int]]:
    """Names standing between a title and a role word: 副市长雷黄文君参加…, 镇党委书记党爱民主持….

    This is how local dailies name officials; it finds names a model trained on
    other text may cut short (four-character and rare-surname names).
    """
    out = []
    words = names._dictionary()
    for m in _anchor_re().finditer(text):
        s, e = m.span(1)
        cand = text[s:e]
        if not _starts_like_name(cand) or (cand[:2] in words and cand[2:] in words):
            continue
        if len(cand) == 4 and text[e:e + 1] in "，、。；":
            continue
        out.append((s, e))
    return out


def _prefer_anchored(spans, anchored):
    """Title-anchored names replace model names that overlap them."""
    if not anchored:
        return spans
    keep = [sp for sp in spans if not any(sp[0] < e and s < sp[1] for s, e in anchored)]
    return keep + anchored


_NAME_CHARS = re.compile(r"[\u4e00-\u9fff·]+")


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
    spans = _complete_lists(text, _trim_names(text, spans))
    bad = tuple(_words_set("not_names"))
    out = []
    for s, e in spans:
        name = text[s:e]
        if name.startswith(bad) or not _NAME_CHARS.fullmatch(name):
            continue
        canonical = (roster_index or {}).get(name, {}).get("name", name)
        out.append(Mention(name, s, e, canonical))
    return out


# ---------------------------------------------------------------- titles and roles

_TITLE_STOP = re.compile(r".*(?:[了的在对向和与将为是由把被从到于给让请邀并及等]|会上|传达|学习|贯彻|召开|邀请)")


def title_before(text: str, start: int, floor: int) -> str:
    """The title chain printed just before a name (from ``floor``, the end of the previous name or clause).

    >>> title_before("会上，传达了市委书记李华重要批示", 10, 3)
    '市委书记'
    """
    left = text[floor:start]
    m = _title_re().search(left)
    if not m and not left.endswith(tuple(_words_set("group_labels"))):
        return ""
    stop = _TITLE_STOP.match(left)
    if stop:
        left = left[stop.end():]
    left = left.lstrip("，、：:”’」』")
    return left if len(left) <= 40 else left[-40:]


def _org_of(title: str) -> str:
    m = _title_re().search(title.split("、")[0])
    return title.split("、")[0][:m.start()] if m else ""


def _is_official(title: str, name: str, roster_index: dict) -> bool:
    if name in roster_index:
        return True
    t = _QUOTED.sub("", title) if "“" in title else title     # a quoted name (“青年邻里帮帮团”) is no office
    return _markers_re().search(t) is not None


_QUOTED = re.compile(r"“[^”]*”")


@lru_cache(maxsize=None)
def _markers_re():
    markers = sorted(_words_set("official_markers"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, markers))) if markers else re.compile(r"(?!)")


def _roles_in(predicate: str) -> list[str]:
    """Roles said by the words after a name: the first role word, plus one joined by 并.

    Where the words relay someone's instruction or speech (批示, 讲话精神) the
    person is only mentioned.

    >>> _roles_in("主持会议并讲话"), _roles_in("出席会议并讲话"), _roles_in("参加调研督导"), _roles_in("重要批示要求")
    (['chair', 'speaker'], ['speaker'], ['attendee'], ['mentioned'])
    """
    role_re, role_of = _role_words()
    hits = [(m.start(), role_of[m.group()]) for m in role_re.finditer(predicate)]
    if not hits:
        return []
    if any(r == "mentioned" for _, r in hits):
        return ["mentioned"]        # their instruction or speech is relayed: not at the event
    first_pos, first = hits[0]
    roles = [first]
    k = predicate.find("并", first_pos)
    if k >= 0:
        later = [r for p, r in hits if p > k]
        if later:
            if first == "attendee" and later[0] == "speaker":
                roles = ["speaker"]
            elif later[0] not in roles:
                roles.append(later[0])
    return roles


@lru_cache(maxsize=None)
def _clause_end_re():
    return re.compile("[" + re.escape("".join(sorted(_CLAUSE_END))) + "]")


def _clause_end(text: str, i: int) -> int:
    m = _clause_end_re().search(text, i)
    return m.start() if m else len(text)


_JOINERS = frozenset("、和及与")          # one of these alone between two names joins them in a list
_CLAUSE_MARK = re.compile("[，,；;。！？!?\n]")
_SENTENCE_MARK = re.compile("[。！？\n]")


def people_in_text(text: str, journalists=(), roster_index=None, model=None, found=None) -> list[Mention]:
    """People named in one item's text, with title and roles, journalists left out."""
    roster_index = roster_index or {}
    credited = set(journalists)
    mentions = [m for m in find_mentions(text, roster_index, model, found) if m.canonical not in credited]
    meeting = bool(_meeting_re().search(text))
    clause_marks = [x.start() for x in _CLAUSE_MARK.finditer(text)] if mentions else []
    sentence_marks = [x.start() for x in _SENTENCE_MARK.finditer(text)] if mentions else []
    starts = sorted(o.start for o in mentions)
    for k, m in enumerate(mentions):
        before = bisect.bisect_left(clause_marks, m.start)
        clause_start = clause_marks[before - 1] + 1 if before else 0
        # a list: names separated only by 、/和 (and titles) share the title before the first and the words after the last
        first = k
        while first > 0 and text[mentions[first - 1].end:mentions[first].start] in _JOINERS:
            first -= 1
        last = k
        while last + 1 < len(mentions) and text[mentions[last].end:mentions[last + 1].start] in _JOINERS:
            last += 1
        head = mentions[first]
        floor = max(clause_start, mentions[first - 1].end if first > 0 else 0)
        m.title = title_before(text, head.start, floor)
        end = mentions[last].end
        pred = text[end:_clause_end(text, end)]
        roles = _roles_in(pred)
        if not roles and not pred.strip("等同志们人"):
            # 区政协副主席A、B，秘书长C出席: a clause of names alone takes the next clause's words
            nxt = _clause_end(text, end) + 1
            if nxt < len(text):
                seg = text[nxt:_clause_end(text, nxt)]
                roles = _roles_in(re.sub(r"^[^，。]*?[\u4e00-\u9fff]{2,4}(?=出席|参加|列席)", "", seg))
        # words that continue the sentence without a new subject (…调研督导安全生产工作，强调要…)
        j = _clause_end(text, end)
        while j < len(text) and text[j] in "，,":
            seg_end = _clause_end(text, j + 1)
            seg = text[j + 1:seg_end]
            nxt_name = bisect.bisect_right(starts, j)
            if nxt_name < len(starts) and starts[nxt_name] < seg_end:
                break
            extra = _roles_in(seg[:4])
            if extra and extra[0] == "speaker" and "speaker" not in roles and roles:
                roles.append("speaker")
            j = seg_end
        if meeting:
            roles = ["speaker" if r == "quoted" else r for r in roles]
        m.roles = roles
        before = bisect.bisect_left(sentence_marks, m.start)
        s0 = sentence_marks[before - 1] + 1 if before else 0
        after = bisect.bisect_left(sentence_marks, m.end)
        s1 = sentence_marks[after] if after < len(sentence_marks) else len(text)
        m.sentence = text[s0:s1 + 1].strip()
    # officials vs others
    by_name: dict[str, list[Mention]] = {}
    for m in mentions:
        by_name.setdefault(m.canonical, []).append(m)
    for name, ms in by_name.items():
        title = next((m.title for m in ms if m.title), "") or roster_index.get(name, {}).get("title", "")
        official = _is_official(title, name, roster_index) or any(_TITLE_AFTER.match(text, m.end) for m in ms)
        for m in ms:
            m.title = m.title or title
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
    roster = read_roster() if roster is None else roster
    index = _roster_index(roster)
    rows = []
    items = articles[articles.kind.isin(ITEM_KINDS)] if "kind" in articles else articles

    def column(name):
        return items[name].tolist() if name in items else [()] * len(items)

    bodies = [b if isinstance(b, str) else "" for b in column("body")]
    found_in = names.find_names_in(bodies, model)          # the name model over every item at once
    for article_id, body, found, *credited in zip(column("article_id"), bodies, found_in, column("reporters"),
                                                  column("correspondents"), column("photographers")):
        journalists = [n for names_ in credited if names_ is not None and not isinstance(names_, float)
                       for n in names_]
        mentions = people_in_text(body, journalists, index, model, found)
        seen: dict[str, dict] = {}
        order: list[str] = []
        for m in mentions:
            d = seen.get(m.canonical)
            if d is None:
                d = seen[m.canonical] = {"roles": [], "title": m.title, "evidence": m.sentence}
                order.append(m.canonical)
            for role in m.roles:
                if role not in d["roles"]:
                    d["roles"].append(role)
                    if ROLE_ORDER.index(role) < min(ROLE_ORDER.index(x) for x in d["roles"]):
                        d["evidence"] = m.sentence
            if not d["title"] and m.title:
                d["title"] = m.title
        for name in order:
            d = seen[name]
            roles = sorted(d["roles"], key=ROLE_ORDER.index)
            if "mentioned" in roles and not any(x in ("chair", "leader", "attendee") for x in roles):
                roles = ["mentioned"]      # words of someone whose instruction is relayed, not said at the event
            if any(x in PRESENT_ROLES for x in roles):
                roles = [x for x in roles if x not in ("mentioned", "other")]
            for role in roles:
                rows.append({"article_id": article_id, "name": name, "role": role, "title": d["title"] or None,
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
