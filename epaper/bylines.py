"""Datelines, bylines and photo credits: who wrote or photographed an item.

All functions take cleaned text (see ``clean``) plus, where names matter, the
positions at which the raw text had a space (``gaps``): ``赵 敏`` is one name
printed with a space, ``张三 李四`` two names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import clean, lexicons

CJK = "\u3400-\u9fff\uf900-\ufaff"
_ALL_CJK = re.compile(f"[{CJK}]+")
_NAME_PART = re.compile(r"[^、，,；;和及与/／\s]+")
_DONE_AFTER_SLASH = frozenset(("文", "图", "摄", "摄影"))
_NOT_NAME_CHAR = re.compile(f"[^{CJK}·A-Za-z]")
_NUM_CN = "〇零一二三四五六七八九十两"
DATE_MD = rf"(?:[0-9]{{1,2}}|[{_NUM_CN}]{{1,3}})月(?:[0-9]{{1,2}}|[{_NUM_CN}]{{1,3}})[日号]"


@dataclass
class Credits:
    """Names found in a dateline, byline or credit, by column."""

    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)

    def add(self, other: "Credits") -> None:
        for col in ("reporters", "correspondents", "photographers"):
            mine = getattr(self, col)
            mine.extend(n for n in getattr(other, col) if n not in mine)

    def empty(self) -> bool:
        return not (self.reporters or self.correspondents or self.photographers)


@lru_cache(maxsize=None)
def _surnames() -> tuple[frozenset, frozenset, frozenset]:
    single, compound, common = [], set(), []
    for entry in " ".join(lexicons.words("surnames")).split():
        if len(entry) == 1:
            single.append(entry)
        elif len(entry) == 2:
            compound.add(entry)
    common = single[:100]
    return frozenset(single), frozenset(compound), frozenset(common)


@lru_cache(maxsize=None)
def _roles() -> tuple[tuple[str, str], ...]:
    rows = [(r[0], r[1]) for r in lexicons.table("journalist_roles") if len(r) >= 2]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=None)
def _role_re():
    return re.compile("|".join(re.escape(w) for w, _ in _roles()))


@lru_cache(maxsize=None)
def _sources() -> tuple[str, ...]:
    return tuple(sorted(lexicons.words("news_sources"), key=len, reverse=True))


def looks_like_name(token: str) -> bool:
    """A 2-4 character Chinese name starting with a known surname (or a 5+ character name with ·); one of
    four characters starts with a compound surname (欧阳) or two surnames (a married woman's 雷黄), so that
    a run of text after 记者 (记者曾就这个) is none.

    >>> looks_like_name("张明远"), looks_like_name("近日"), looks_like_name("欧阳修文"), looks_like_name("雷黄文君")
    (True, False, True, True)
    >>> looks_like_name("曾就这个"), looks_like_name("招待会上")
    (False, False)
    """
    single, compound, _ = _surnames()
    if "·" in token:
        return 3 <= len(token) <= 16
    if not (2 <= len(token) <= 4) or not _ALL_CJK.fullmatch(token):
        return False
    if token[:2] in compound:
        return True
    return token[0] in single and (len(token) < 4 or token[1] in single)


@lru_cache(maxsize=None)
def _affiliation_end_re():
    ends = lexicons.word_set("title_words") | lexicons.word_set("generic_titles") | lexicons.word_set("organisation_ends")
    words = sorted(ends, key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(map(re.escape, words))})$")


def author_line(text: str) -> bool:
    """Whether a short line names its author after the organisation or the post it gives, as a signed
    article's line under its title does (中国剧协副主席张明远, 市第二中学李晓红): a name of two or three
    characters (``looks_like_name``) after a word that ends an organisation's name (``organisation_ends.txt``)
    or a post (``title_words.txt``, ``generic_titles.txt``).

    >>> author_line("中国剧协副主席张明远"), author_line("市第二中学李晓红"), author_line("张明远")
    (True, True, False)
    >>> author_line("全县开展植树活动"), author_line("会议由副市长张明远主持。"), author_line("市委宣传部")
    (False, False, False)
    """
    if not (4 <= len(text) <= 30) or not _AUTHOR_CHARS.fullmatch(text) or may_open_dateline(text):
        return False
    end, words, followers = _affiliation_end_re(), lexicons.word_set("not_names"), _single_followers()
    for k in (6, 5, 4, 3, 2):                       # one name, or two printed without a separator
        names = [text[-k:]] if k <= 3 else split_joined(text[-k:])
        if (len(names) == 1) == (k <= 3) and end.search(text, 0, len(text) - k) is not None \
                and all(looks_like_name(n) and end.search(n) is None and n not in words and n[-1] not in followers
                        for n in names):
            return True                             # (not 市委宣传部, 县委书记和县长, 市委办公厅等)
    return False


@lru_cache(maxsize=None)
def _single_followers() -> frozenset:
    return frozenset(w for w in lexicons.word_set("name_followers") if len(w) == 1)


_AUTHOR_CHARS = re.compile(f"[{CJK}、·]+")


def split_joined(token: str) -> list[str]:
    """Split journalists' names printed without a separator.

    Up to four characters is one name unless it reads as two two-character
    names that both start with a common surname; longer runs are cut into
    names of two or three characters that each start with a surname.

    >>> split_joined("张明远李晓红"), split_joined("王国庆"), split_joined("张三李四"), split_joined("雷黄文君")
    (['张明远', '李晓红'], ['王国庆'], ['张三', '李四'], ['雷黄文君'])
    """
    single, compound, common = _surnames()
    n = len(token)
    if n <= 3 or "·" in token:
        return [token]
    if n == 4:
        if token[:2] not in compound and token[0] in common and token[2] in common:
            return [token[:2], token[2:]]
        return [token]

    def starts(i):
        return token[i] in single or token[i:i + 2] in compound

    # dynamic programme: fewest names, each 2-3 characters starting with a surname
    memo = {n: []}
    for i in range(n - 1, -1, -1):
        options = []
        for length in (3, 2, 4):
            j = i + length
            if j <= n and starts(i) and memo.get(j) is not None:
                options.append([token[i:j]] + memo[j])
        memo[i] = min(options, key=len) if options else None
    return memo[0] or [token]


def split_names(text: str, gaps=frozenset(), offset: int = 0) -> list[str]:
    """Names in a credit string: separated by 、，, 和, spaces (``gaps``) or nothing.

    ``gaps`` are positions in the surrounding text where a space was removed;
    ``offset`` is where ``text`` starts in it. A one-character piece between
    spaces belongs to its neighbour (``赵 敏`` is 赵敏).

    >>> split_names("赵敏", {1})
    ['赵敏']
    >>> split_names("张三李四王五", {2, 4})
    ['张三', '李四', '王五']
    >>> split_names("陈雁、何建中")
    ['陈雁', '何建中']
    >>> split_names("张三/文李四/图", {4}), split_names("张三/文李四/图")
    (['张三', '李四'], ['张三', '李四'])
    """
    names: list[str] = []
    for part_match in _NAME_PART.finditer(text):
        part, start = part_match.group(), part_match.start()
        cuts = [k - start for k in range(start + 1, start + len(part)) if (k + offset) in gaps]
        pieces, prev = [], 0
        for c in cuts + [len(part)]:
            pieces.append(part[prev:c])
            prev = c
        if start and text[start - 1] in "/／" and pieces[0] in _DONE_AFTER_SLASH:
            pieces = pieces[1:]                     # 张三/文 李四/图: what each did, not a name's first character
        elif start and text[start - 1] in "/／":      # 张三/文李四/图, no space after what one did
            done = next((d for d in sorted(_DONE_AFTER_SLASH, key=len, reverse=True) if pieces[0].startswith(d)
                         and looks_like_name(pieces[0][len(d):])), None)
            if done:
                pieces[0] = pieces[0][len(done):]
        merged: list[str] = []
        i = 0
        while i < len(pieces):
            p = pieces[i]
            while len(p) == 1 and i + 1 < len(pieces) and len(p) + len(pieces[i + 1]) <= 4:
                i += 1
                p += pieces[i]
            if len(p) == 1 and merged and len(merged[-1]) + 1 <= 4:
                merged[-1] += p
            else:
                merged.append(p)
            i += 1
        for p in merged:
            p = _NOT_NAME_CHAR.sub("", p)
            if p:
                names.extend(split_joined(p))
    return names


def _is_org(token: str) -> bool:
    return token in _sources() or token.endswith(("社", "台", "报", "网", "站", "中心", "日报", "电视台"))


def parse_credits(text: str, gaps=frozenset(), offset: int = 0, default: str = "reporters") -> Credits:
    """Names in the inside of a dateline's brackets or a byline, sorted by role.

    Text before the first role word is an organisation (中央人民广播电台记者…)
    unless there is no role word at all, when every name goes to ``default``.

    >>> c = parse_credits("记者王国庆通讯员孙丽"); (c.reporters, c.correspondents)
    (['王国庆'], ['孙丽'])
    >>> parse_credits("中央人民广播电台记者刘振东、新华社记者张国栋").reporters
    ['刘振东', '张国栋']
    >>> parse_credits("毋鹏").reporters, parse_credits("记者王国庆新华社记者孙丽").reporters
    (['毋鹏'], ['王国庆', '孙丽'])
    """
    out = Credits()
    roles = dict(_roles())
    matches = list(_role_re().finditer(text))
    if not matches:
        names = [n for n in split_names(text, gaps, offset) if not _is_org(n)]
        getattr(out, default).extend(names)
        return out
    for k, m in enumerate(matches):
        end = matches[k + 1].start() if k + 1 < len(matches) else len(text)
        if k + 1 < len(matches):                    # the next journalist's source: 新华社 of 张三新华社记者李四
            src = _source_end_re().search(text, m.end(), end)
            end = src.start() if src is not None else end
        segment = text[m.end():end]
        col = roles[m.group()]
        for name in split_names(segment, gaps, offset + m.end()):
            if not _is_org(name) and name not in getattr(out, col):
                getattr(out, col).append(name)
    return out


@lru_cache(maxsize=None)
def _source_end_re():
    return re.compile(_organisation_pattern(generic=False) + "$")


@dataclass
class Dateline:
    """A dateline found at the start of an article's text."""

    text: str            # as printed (cleaned), e.g. 本报讯（记者张明远）
    end: int             # where the body starts in the searched text
    credits: Credits
    place: str = ""
    month_day: tuple[int, int] | None = None
    web: bool = False    # a web page's line of facts under a title (``web_meta``)


def _sources_pattern() -> str:
    """The news sources as a regular expression's alternatives, longest first."""
    return "|".join(re.escape(s) for s in _sources())


@lru_cache(maxsize=None)
def _dateline_re():
    return re.compile(
        rf"^(?P<head>{_BULLET}(?P<sq>[【\[])?(?:据|综合)?(?P<src>{_sources_pattern()})(?P<place>[{CJK}]{{0,10}}?)"
        rf"(?P<date>{DATE_MD})?(?P<kind>讯|电|消息)(?(sq)[】\]]))"
    )


@lru_cache(maxsize=None)
def _paper_dateline_re():
    """A dateline whose source is a paper or station named in full (滨江日报讯, 某某晚报北京3月5日电): a name
    ending as papers and stations do (``_SOURCE_ENDS``), then 讯, or a place and a date and 讯 or 电, or a place
    and 讯 before a bracket or a colon (东湖网江岸讯(记者…), as news sites print it)."""
    return re.compile(rf"^(?P<head>{_BULLET}(?P<sq>[【\[])?(?:据|综合)?(?P<src>[{CJK}]{{1,8}}?(?:{'|'.join(_SOURCE_ENDS)}))"
                      rf"(?:(?P<place>[{CJK}]{{0,10}}?)(?P<date>{DATE_MD})(?:[讯电]|消息)|讯(?![息号])|消息"
                      rf"|(?P<at>[{CJK}]{{1,4}}?)讯(?=[（(：:】\]]))(?(sq)[】\]]))")


def may_open_paper_dateline(line: str) -> bool:
    """Whether a raw line may open a dateline with a paper's or station's full name (``_paper_dateline_re``):
    the cheap test for lines that open with no source's first character.

    >>> may_open_paper_dateline("滨江日报讯（记者张明远）"), may_open_paper_dateline("中央电视台电视剧频道")
    (True, False)
    >>> may_open_paper_dateline("东湖网讯（记者张明远）")
    True
    """
    return (("讯" in line or "日电" in line or "号电" in line or "消息" in line)
            and ("报" in line or "台" in line or "社" in line or "网" in line or "媒" in line or "端" in line
                 or "中心" in line)
            and _paper_dateline_re().match(clean.clean_line(line)) is not None)


@lru_cache(maxsize=None)
def _source_re():
    return re.compile(rf"^(?:据|综合)?(?:{_sources_pattern()})[^，。：:！？；]*$")


def may_open_dateline(text: str) -> bool:
    """Whether ``text`` (cleaned) may be the first part of a dateline that goes on in the text after it: it
    opens with a source (本报, 新华社 …) and holds no punctuation.

    >>> may_open_dateline("新华社北京一月"), may_open_dateline("本月以来，全市")
    (True, False)
    """
    return _source_re().match(text) is not None


_BRACKET = re.compile(r"^[（(](?P<inner>[^（()）]{1,80})[）)]")
_REPORTED = re.compile(r"^(?P<inner>[^，。：:！？]{2,60}?)报道[：:]?")


_CLOSING = frozenset("）)】]")      # after a source and 电/讯: the end of a bracket, not a dateline


_META_DATE = re.compile(r"^(?:(?P<y>(?:19|20)[0-9]{2})[-/.年](?P<m>[0-9]{1,2})[-/.月](?P<d>[0-9]{1,2})日?"
                        r"|[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)$")


_META_FIELD = re.compile(r"^(?P<label>[^:：]{1,6})[:：](?P<value>.*)$")


def web_meta(raw: str) -> Dateline | None:
    """The line of facts a web page prints under an article's title, as its dateline: labelled fields
    (``web_meta_labels.txt``: 发布时间：, 来源：, 作者：, 浏览量：) and dates or times, set apart by spaces, two
    of them at least, one labelled; the author (作者：张明远) is a reporter, the date the article's.

    >>> d = web_meta("发布时间：2024-03-05 08:30　来源：滨江日报　作者：张明远")
    >>> d.text, d.credits.reporters, d.month_day
    ('发布时间：2024-03-05 08:30 来源：滨江日报 作者：张明远', ['张明远'], (3, 5))
    >>> web_meta("来源：新华社") is None, web_meta("数据来源：国家统计局 2023年") is None
    (True, True)
    >>> web_meta("日期：2024-03-05 时间：09:00") is None       # a notice's, no source, author or count
    True
    """
    tokens = raw.split()
    if len(tokens) < 2 or len(raw) > 120:
        return None
    facts = [_meta_token(tok) for tok in tokens]
    if None in facts or not any(label and label not in _meta_labels()[1] for label, _, _ in facts):
        return None                                 # (时间：… 日期：… alone: a notice's, not a web page's)
    reporters = [value for label, value, _ in facts if label == "作者" and looks_like_name(value)]
    month_day = next(((int(d["m"]), int(d["d"])) for _, _, d in facts if d is not None and d["m"]), None)
    return Dateline(text=" ".join(tokens), end=len("".join(tokens)), credits=Credits(reporters=reporters),
                    month_day=month_day, web=True)


def _meta_token(tok: str):
    """``(label, value, date match)`` of one token of a line of facts (发布时间：2024-03-05, 08:30), ``label`` empty
    for a date or time alone; None for a token that is neither a labelled field nor a date or time."""
    field_ = _META_FIELD.match(tok)
    if field_ is not None and field_["label"] in _meta_labels()[0]:
        return field_["label"], field_["value"], _META_DATE.match(field_["value"])
    date = _META_DATE.match(tok)
    return None if date is None else ("", tok, date)


def without_web_meta(dateline):
    """A dateline without the web page's line of facts that opens it (``web_meta``), None where nothing is left:
    what the articles hold where the facts were printed over them (``segment_eval``'s ``web-facts`` variant).

    >>> without_web_meta("发布时间：2024-03-05 08:30 来源：滨江日报 本报讯（记者张明远）"), without_web_meta("本报讯")
    ('本报讯（记者张明远）', '本报讯')
    """
    if not isinstance(dateline, str):
        return dateline
    tokens = dateline.split(" ")
    k = 0
    while k < len(tokens) and _meta_token(tokens[k]) is not None:
        k += 1
    if web_meta(" ".join(tokens[:k])) is None:
        return dateline                             # no line of facts opens it
    return " ".join(tokens[k:]) or None


@lru_cache(maxsize=None)
def _meta_labels() -> tuple[frozenset, frozenset]:
    """The labels of ``web_meta_labels.txt``, and those marked ``*`` there: not enough alone (时间, 日期)."""
    words = lexicons.word_set("web_meta_labels")
    return frozenset(w.rstrip("*") for w in words), frozenset(w.rstrip("*") for w in words if w.endswith("*"))


def parse_dateline(text: str, gaps=frozenset()) -> Dateline | None:
    """Find a dateline at the start of ``text`` (cleaned, spaces removed).

    >>> d = parse_dateline("本报讯（记者张明远）11月26日上午，开发区召开"); d.text, d.credits.reporters, text_after(d, "本报讯（记者张明远）11月26日上午，开发区召开")
    ('本报讯（记者张明远）', ['张明远'], '11月26日上午，开发区召开')
    >>> d = parse_dateline("本报北京1月4日讯记者王伟报道：今天"); d.text, d.credits.reporters, d.month_day
    ('本报北京1月4日讯记者王伟报道：', ['王伟'], (1, 4))
    >>> parse_dateline("本报将继续关注电力供应") is None
    True
    >>> parse_dateline("本报专电）") is None          # the end of a source in brackets: …。（本报专电）
    True
    >>> parse_dateline("滨江日报讯（记者张明远）今天").text, parse_dateline("中央电视台电视剧频道") is None
    ('滨江日报讯（记者张明远）', True)
    >>> parse_dateline("■本报讯（记者张明远）今天").text          # an item of a column of short news
    '■本报讯（记者张明远）'
    >>> parse_dateline("东湖网江岸讯(分站记者孔德昌)昨天").text, parse_dateline("互联网通讯（试行）") is None
    ('东湖网江岸讯(分站记者孔德昌)', True)
    """
    m = _dateline_re().match(text) or _paper_dateline_re().match(text)
    if not m:
        return None
    at = m.groupdict().get("at")                # a news site's place before 讯 (``_paper_dateline_re``)
    place = m.group("place") or at or ""
    end = m.end()
    if text[end:end + 1] in _CLOSING:
        return None
    if text.endswith("消息", 0, end) and not m.group("date"):     # 央视网消息 (记者…) / 昨天…, not 据新华社消息，…
        if m.group("place") or not (text[end:end + 1] in ("（", "(", "：", ":") or end in gaps):    # nor 本报消息灵通
            return None                             # nor a title: 本报最后消息
        end = _past_colon(text, end)
    if at:                                      # 东湖网江岸讯(记者…): a place, not a word's end (互联网通讯（…）)
        if place[-1] + "讯" in _dictionary_words():
            return None
        end = _past_colon(text, end)
    if not m.group("date") and len(place) > 4:
        return None
    if not m.group("date") and place and not text[end:end + 1] in ("（", "(", "记", "") and gaps and end not in gaps:
        return None
    credits = Credits()
    rest = text[end:]
    b = _BRACKET.match(rest)
    if b:
        inner = _without_what_was_done(b.group("inner"), gaps, end + 1)
        if _role_re().search(inner) or all(looks_like_name(n) for n in split_names(inner, gaps, end + 1)):
            credits = parse_credits(inner, gaps, end + 1)
            end += b.end()
            end = _past_colon(text, end)                # 央视网消息（记者 张三）：昨天…
    else:
        r = _REPORTED.match(rest)
        if r and _role_re().search(r.group("inner")):
            credits = parse_credits(r.group("inner"), gaps, end)
            end += r.end()
        else:
            r2 = re.match(rf"^((?:{_role_re().pattern})[{CJK}、]{{2,12}}?)(?=[\s]|$)", rest)
            if r2 and (end + r2.end()) in gaps:
                credits = parse_credits(r2.group(1), gaps, end)
                end += r2.end()
            else:                                   # 本报讯 记者 张三 通讯员 李四 昨天，…: set apart by a space
                run_in = run_in_byline(rest, frozenset(g - end for g in gaps if g > end))
                if run_in is not None:
                    credits, end = run_in[0], end + run_in[1]
    md = month_day(m.group("date")) if m.group("date") else None
    return Dateline(text=text[:end], end=end, credits=credits, place=place, month_day=md)


def _past_colon(text: str, i: int) -> int:
    """``i``, or past the colon at ``i`` that ends a dateline (央视网消息：, （记者 张三）：)."""
    return i + (text[i:i + 1] in ("：", ":"))


def text_after(d: Dateline, text: str) -> str:
    return text[d.end:]


_BULLET = "[" + clean.BULLETS + "○]?"
_BYLINE_PREFIX = r"(?:文/图|文／图|图/文|图／文|文·图|图·文|图文|文字|作者|文|图)?[/／:：|丨]?"
_BYLINE_START = re.compile(_BULLET + _BYLINE_PREFIX)
# a label that says an author's name follows (文/某某, 文／图 某某, 作者：某某): a byline without a journalist's role
_AUTHOR_LABEL = re.compile(_BULLET + r"(?:(?:文/图|文／图|图/文|图／文|文·图|图·文)\s*[/／:：]?|(?:作者|撰文|文)\s*[/／:：])\s*")
# what the journalists did, after their names: 记者 张三 文/图, 文/摄, 摄影报道, 报道, 整理 (a text put together), 采写
_BYLINE_END = re.compile(r"\s*(?:[文图摄][/／·][文图摄]|图文|摄影报道|报道|整理|采写|编译|[/／](?:文|图))$")
_BYLINE_CHARS = re.compile(rf"[{CJK}、·/／\s]+")     # a slash in a role: 文/记者 张三 图/李四
_TRAILING = re.compile(r"[（(](?P<inner>[^（()）]{2,30})[）)]$")
_MONTH_DAY = re.compile(r"(.+?)月(.+?)[日号]")


def _organisation_pattern(generic: bool = True) -> str:
    """A news organisation as a regular expression, with its posting or not: a source (新华社, 本报驻东京), or
    (``generic``) a name ending as papers and stations do (中国青年报, 中央人民广播电台, 河南日报驻焦作)."""
    posting = rf"(?:驻[{CJK}]{{1,8}}?)?"
    source = rf"(?:{_sources_pattern()}){posting}"
    return rf"(?:{source}|[{CJK}]{{2,12}}?(?:{'|'.join(_ORG_ENDS)}){posting})" if generic else source


@lru_cache(maxsize=None)
def _organisation_re():
    """A news organisation before a journalist's role word."""
    return re.compile(rf"{_organisation_pattern()}(?={_role_re().pattern})")


def opens_with_organisation(text: str) -> bool:
    """Whether text opens with a news organisation that a journalist's role word may follow (新华社, 本报驻东京,
    中国青年报), the role word itself or not.

    >>> opens_with_organisation("本报驻东京"), opens_with_organisation("新华社记者"), opens_with_organisation("日本经济")
    (True, True, False)
    """
    return _organisation_start_re().match(text) is not None


def ends_with_organisation(text: str) -> bool:
    """Whether text ends with a news source or a name ending as papers and stations do (…中央电视台).

    >>> ends_with_organisation("本报北京1月1日讯中央电视台"), ends_with_organisation("会议开幕")
    (True, False)
    """
    return text.endswith(_sources()) or text.endswith(_ORG_ENDS)


@lru_cache(maxsize=None)
def _organisation_start_re():
    return re.compile(_organisation_pattern())


_ORG_ENDS = ("日报", "晚报", "时报", "商报", "青年报", "电视台", "电台", "通讯社", "网")     # 网: news sites (人民网讯)
# and as a dateline's source only (before 讯, 电, 消息): a county's media centre, a paper's app (某某融媒讯); not
# in bylines, where 融媒记者 is a role (某某融媒 / 记者 would read a title over it as the organisation)
_SOURCE_ENDS = _ORG_ENDS + ("融媒体中心", "融媒体", "融媒", "客户端", "新闻中心")


def _without_what_was_done(text: str, gaps=frozenset(), offset: int = 0) -> str:
    """Credits without what their journalists did, after the names (文/图, /文, 摄影报道, 报道; 摄 set apart
    from them: 记者 张三 摄); ``gaps`` and ``offset`` as for ``split_names``.

    >>> _without_what_was_done("记者张三文/图"), _without_what_was_done("记者张三摄", {2, 4}), _without_what_was_done("记者张三摄")
    ('记者张三', '记者张三', '记者张三摄')
    >>> _without_what_was_done("记者张三郑州报道", {2, 4}), _without_what_was_done("记者张三发自北京", {2, 4})
    ('记者张三', '记者张三')
    >>> _without_what_was_done("记者张三文/摄"), _without_what_was_done("记者张三整理")
    ('记者张三', '记者张三')
    """
    reported = text.endswith("报道")
    text = _BYLINE_END.sub("", _SENT_FROM.sub("", text))
    if reported:                                    # 记者 张三 郑州报道: where they reported from is no name
        place = max((g - offset for g in gaps if 0 < g - offset < len(text)), default=0)
        if place and len(text) - place in (2, 3) and _role_re().search(text, 0, place) \
                and text[place:] in _dictionary_words() and any(0 < g - offset < place for g in gaps):
            text = text[:place]
    return text[:-1] if text.endswith("摄") and offset + len(text) - 1 in gaps else text


_SENT_FROM = re.compile(r"\s*发自[\u4e00-\u9fff]{2,8}$")      # 本报记者 张三 发自北京


def _dictionary_words() -> frozenset:
    from .names import _dictionary                  # the names module reads this one's surnames
    return _dictionary()


def parse_byline(text: str, gaps=frozenset()) -> Credits | None:
    """A line that is only a byline (本报记者 赵 敏, □记者 张三 通讯员 李四, 新华社记者 张三), its
    journalists by role.

    >>> parse_byline("本报记者赵敏", {5}).reporters, parse_byline("本报驻东京记者张明远").reporters
    (['赵敏'], ['张明远'])
    >>> parse_byline("记者近日从市里获悉") is None, parse_byline("新华社记者今天从有关部门获悉") is None
    (True, True)
    >>> parse_byline("记者张三通讯员李四文/图").correspondents
    ['李四']
    >>> parse_byline("文/本报记者张三图/李四", {7}).photographers, parse_byline("记者张三摄", {2, 4}).reporters
    (['李四'], ['张三'])
    >>> parse_byline("文/张三").reporters, parse_byline("作者：张三").reporters, parse_byline("文/图张三").reporters
    (['张三'], ['张三'], ['张三'])
    >>> by = parse_byline("文／张三图／李四", {3}); by.reporters, by.photographers
    (['张三'], ['李四'])
    >>> parse_byline("张三") is None, parse_byline("文/化自信") is None, parse_byline("文明城") is None
    (True, True, True)
    """
    if "，" in text or "。" in text:
        return None                                 # the cheap test first: a byline holds no clause
    m = _BYLINE_START.match(text)
    start = m.end() if m else 0
    rest = _without_what_was_done(text[start:], gaps, start)
    labelled = m is not None and _AUTHOR_LABEL.fullmatch(m.group()) is not None     # 文/某某, 作者：某某
    if len(rest) > 30 or not (labelled or _role_re().match(rest) or _organisation_re().match(rest)):
        return None
    if not _BYLINE_CHARS.fullmatch(rest):
        return None
    words_only = _role_re().sub("", rest)
    credits = parse_credits(rest, gaps, start)
    if labelled:
        _author_first(rest, credits)
    names = credits.reporters + credits.correspondents + credits.photographers
    if words_only and not (names and all(looks_like_name(n) for n in names)):
        return None
    return credits


def _author_first(rest: str, credits: Credits) -> None:
    """After an author's label (文/某某 图/某某), the name before the first role is the author's: a reporter."""
    first = _role_re().search(rest)
    name = rest[:first.start()].strip() if first is not None else ""
    if name and looks_like_name(name) and name not in credits.reporters:
        credits.reporters.insert(0, name)


_RUNNING = re.compile(r"[，。；：！？,;:]")


def run_in_byline(text: str, gaps=frozenset(), line_end: int | None = None) -> tuple[Credits, int] | None:
    """A byline that opens a paragraph and runs on into its text after a space (本报记者 王政 国家技术监督局
    日前…), as ``(Credits, end)`` with ``end`` where the byline ends in ``text``; None where the text opens
    with no byline so set. The space must fall within ``line_end`` (the first line's end), the text after
    it must run on as sentences do (punctuation, or 8 characters or more), and letter-spaced text (a space
    after every character) gives none.

    >>> by, end = run_in_byline("本报记者王政国家技术监督局日前组织抽查。", {4, 6}); by.reporters, end
    (['王政'], 6)
    >>> run_in_byline("本报记者赵敏今天上午，全市召开会议。", {4, 5, 6})[0].reporters
    ['赵敏']
    >>> run_in_byline("记者近日从市里获悉，", {2}) is None, run_in_byline("本报记者王政国家技术", {4, 6}) is None
    (True, True)
    >>> run_in_byline("本报记者王政报道：昨天，全市召开会议。", {4, 6})[1]
    9
    """
    line_end = len(text) if line_end is None else line_end
    for g in sorted((g for g in gaps if 4 <= g <= 30 and g < line_end), reverse=True):
        if any(g + k in gaps for k in (1, 2, 3)):
            continue                                # letter-spaced: no telling where a byline would end
        if not (_RUNNING.search(text, g, g + 60) or len(text) - g >= 8) or _RUNNING.match(text, g):
            continue                                # the text after it: a sentence, or a line's worth of one
        credits = parse_byline(text[:g], frozenset(x for x in gaps if x < g))
        if credits is not None and (credits.reporters or credits.correspondents or credits.photographers):
            done = _REPORTED_COLON.match(text, g)       # 本报记者 张三 报道：昨天…: what they did is the byline's
            return credits, done.end() if done else g
    return None


_REPORTED_COLON = re.compile(r"(?:摄影报道|报道)[：:]")


_CREDIT = re.compile(
    rf"(?P<credit>[（(]?(?:(?:{'|'.join(['本报', '新华社', '特约', '本刊'])})?(?:摄影记者|记者|通讯员|摄影)?)"
    rf"(?P<names>[{CJK}、·]{{2,16}}?)\s*[/／]?\s*(?:拍摄|摄影|摄|供图)[）)]?)$"
)
_CREDIT_VERB = re.compile(r"\s*[/／]?\s*(?:拍摄|摄影|摄|供图)$")

_CREDIT_ENDS = ("摄", "摄影", "摄）", "摄影）", "摄)", "摄影)", "供图", "供图）", "供图)")

# a photo's credit that names no photographer: a file photo, the people interviewed, an organisation or a news
# agency (（资料图片）, （受访者供图）, （县文旅局供图）, （新华社发）, （图片来源：县文旅局）, 图片由县文旅局提供)
_SOURCE_CREDIT = re.compile(
    rf"(?:[（(](?:资料图片|资料照片|档案照片|网络图片|[{CJK}]{{2,12}}供图|(?:新华社|中新社|本报)发"
    rf"|图片来源[:：][^（()）。]{{2,20}})[）)]|[（(]?图片由[{CJK}]{{2,20}}提供[）)]?)$")
_SOURCE_CREDIT_ENDS = ("）", ")", "提供")


def find_credit(text: str, gaps=frozenset(), whole: bool = False):
    """A photo credit (… 摄) at the end of text: returns ``(start, Credits)`` or None.

    With ``whole`` the credit must be all of text. Inline, it must follow a
    sentence end, a space or an opening bracket, so 游客在景区拍摄 is no credit.

    >>> find_credit("本报记者周强摄", {4}, whole=True)[1].photographers
    ['周强']
    >>> find_credit("正确使用灭火器的方法。陈刚摄", {11, 12})
    (11, Credits(reporters=[], correspondents=[], photographers=['陈刚']))
    >>> find_credit("游客在景区拍摄") is None
    True
    """
    if not text.endswith(_CREDIT_ENDS):
        return _source_credit(text, gaps, whole) if text.endswith(_SOURCE_CREDIT_ENDS) else None  # the cheap test first
    m = _CREDIT.search(text)
    if not m:
        return _source_credit(text, gaps, whole)
    start = m.start("credit")
    if whole and start != 0:
        # the regex is lazy on names: retry anchored at the start
        m2 = re.fullmatch(_CREDIT.pattern.rstrip("$"), text)
        if not m2:
            return None
        m, start = m2, 0
    if start > 0 and not (text[start] in "（(" or text[start - 1] in "。！？”）)" or start in gaps):
        return None
    names_part = m.group("names")
    evidence = (text[start] in "（(" or _role_re().search(m.group("credit"))
                or any(k in gaps for k in range(m.start("names") + 1, m.end("names") + 1)))
    if not evidence and not (whole and len(names_part) <= 4):
        return None
    inner = m.group("credit").strip("（()）")
    inner = _CREDIT_VERB.sub("", inner)
    credits = parse_credits(inner, gaps, start + (1 if text[start] in "（(" else 0), default="photographers")
    credits.photographers.extend(n for n in credits.reporters + credits.correspondents if n not in credits.photographers)
    credits.reporters.clear()
    credits.correspondents.clear()
    if not credits.photographers or not all(looks_like_name(n) for n in credits.photographers):
        return _source_credit(text, gaps, whole)
    return start, credits


def _source_credit(text: str, gaps=frozenset(), whole: bool = False):
    """A photo credit that names no photographer at the end of text (``_SOURCE_CREDIT``: （资料图片）, （受访者供图）,
    （新华社发）, 图片由某局提供): ``(start, Credits())`` or None; inline, after a sentence's end, a bracket or a
    space, as ``find_credit``.

    >>> [_source_credit(t) for t in ("游客在湖面滑冰。（资料图片）", "游客在湖面滑冰。（县文旅局供图）", "（新华社发）")]
    [(8, Credits(reporters=[], correspondents=[], photographers=[])), (8, Credits(reporters=[], correspondents=[], photographers=[])), (0, Credits(reporters=[], correspondents=[], photographers=[]))]
    >>> [_source_credit(t) for t in ("全文（另发）", "这些设备由县文旅局提供", "（全文另发）")]
    [None, None, None]
    """
    m = _SOURCE_CREDIT.search(text[-40:])
    if m is None:
        return None
    start = len(text) - len(text[-40:]) + m.start()
    if whole and start != 0:
        return None
    if start > 0 and not (text[start] in "（(" or text[start - 1] in "。！？”）)" or start in gaps):
        return None
    return start, Credits()


_PAGE_CREDIT = re.compile(r"^[（(](?:本版|本页|本专版)?(?:照片|图片|摄影|图)均?(?:为|由|系)?(?P<who>.{2,40}?)(?:摄|拍摄|提供)[）)]$")
_PAGE_CREDIT2 = re.compile(r"^[（(]本版(?:照片|图片)?均?(?:为|由|系)?(?P<who>.{2,40}?)(?:摄|拍摄|提供)[）)]$")


def parse_page_credit(text: str, gaps=frozenset()) -> Credits | None:
    """A credit for every photo on the page: （本版照片均为本报记者李晓红摄）.

    >>> parse_page_credit("（本版照片均为本报记者李晓红摄）").photographers
    ['李晓红']
    """
    m = _PAGE_CREDIT2.match(text) or _PAGE_CREDIT.match(text)
    if not m:
        return None
    who = m.group("who")
    credits = parse_credits(who, gaps, m.start("who"), default="photographers")
    names = credits.photographers + [n for n in credits.reporters + credits.correspondents]
    names = [n for n in dict.fromkeys(names) if looks_like_name(n)]
    return Credits(photographers=names) if names else None


def parse_trailing_author(text: str, gaps=frozenset()):
    """An author in brackets at the very end of a body: （毋鹏）, （本报记者 张三）.

    Returns ``(start, Credits)`` or None.

    >>> parse_trailing_author("……表示祝贺。（毋鹏）")
    (7, Credits(reporters=['毋鹏'], correspondents=[], photographers=[]))
    >>> parse_trailing_author("（新华社北京1月1日电）") is None, parse_trailing_author("（本报讯）") is None
    (True, True)
    >>> parse_trailing_author("……主持会议。（记者 陈立群 通讯员 周文）")[1].correspondents
    ['周文']
    >>> parse_trailing_author("……主持会议。（记者 陈立群 文/图）")[1].reporters
    ['陈立群']
    >>> parse_trailing_author("……主持会议。（作者：陈立群）")[1].reporters, parse_trailing_author("……。（来源：新华网）")
    (['陈立群'], None)
    >>> parse_trailing_author("……主持会议。（文/陈立群）")[1].reporters, parse_trailing_author("……。（文/化）")
    (['陈立群'], None)
    >>> parse_trailing_author("……主持会议。（文/陈立群图/李明）")[1]
    Credits(reporters=['陈立群'], correspondents=[], photographers=['李明'])
    """
    # cheap test first; the brackets hold at most 30 characters, so only the end is searched
    m = _TRAILING.search(text, max(0, len(text) - 40)) if text.rstrip("\n")[-1:] in "）)" else None
    if not m:
        return None
    inner = m.group("inner")
    if "摄" in inner or "电" in inner[-1:] or "讯" in inner.replace("通讯员", ""):
        return None                                 # a photo credit or a dateline, not (通讯员 某某)
    offset = m.start("inner")
    slash = _AUTHOR_LABEL.match(inner)
    slash = slash if slash and any(c in slash.group() for c in "/／") else None
    if slash:
        inner, offset = inner[slash.end():], offset + slash.end()   # （文/某某）, （文/图 某某）
    label = _LABEL.match(inner)
    if label and not _role_re().fullmatch(label.group(1)):
        if label.group(1) not in _AUTHOR_LABELS:
            return None                             # （来源：新华网）, （责任编辑：某某）: no author
        inner, offset = inner[label.end():], offset + label.end()     # （作者：某某）, （文：某某）
    inner = _without_what_was_done(inner, gaps, offset)     # （记者 某某 文/图）
    credits = parse_credits(inner, gaps, offset)
    if slash:
        _author_first(inner, credits)
    names = credits.reporters + credits.correspondents
    if not names or not all(looks_like_name(n) for n in names):
        return None
    if not _role_re().search(inner) and len(names) > 3:
        return None
    return m.start(), credits


_LABEL = re.compile(r"([^：:]{1,6})[：:]")      # a label before a colon opening a bracket's inside: 作者：, 来源：
_AUTHOR_LABELS = frozenset(("作者", "文", "撰文", "文图", "图文", "文/图", "图/文", "文／图", "图／文"))
_SOURCE_LABELS = frozenset(("来源", "稿件来源", "文章来源", "信息来源", "消息来源", "资料来源", "出处"))
_SOURCE_LEAD = re.compile(r"^(?:本栏|本版|以上)?(?:均据|据|综合|转自|摘自)?")
_SOURCE_END = re.compile(r"(?:电|讯|稿|供稿|专稿|消息)$")
_END_MARKS = frozenset(("完", "全文完", "待续", "未完待续", "续完"))


def trailing_source(text: str) -> bool:
    """Whether a text closes with its source in brackets after a sentence's end, as a news item closes:
    （本报专电）, （据新华社电）, （新华社稿）, （本报珀斯1月18日电）, （均据新华社）, （本栏均据新华社电）,
    （据《经济日报》）, （作者单位：某某大学）, （来源：人民日报）, or with an end mark: （完）, （待续）. A photo
    credit (……摄) is not one.

    >>> trailing_source("……表示祝贺。（本报专电）"), trailing_source("……会谈。（据新华社电）")
    (True, True)
    >>> trailing_source("……通过。（新华社稿）"), trailing_source("……。（作者单位：某某大学）")
    (True, True)
    >>> trailing_source("……。（毋鹏）"), trailing_source("……。（新华社记者某某摄）"), trailing_source("会议（扩大）")
    (False, False, False)
    >>> trailing_source("……。（来源：人民日报）"), trailing_source("……。（来源于群众）")
    (True, False)
    """
    t = text.rstrip()
    if not t.endswith(("）", ")")):                 # the cheap test first
        return False
    start = max(t.rfind("（", 0, len(t) - 1), t.rfind("(", 0, len(t) - 1))
    inner = t[start + 1:-1].strip()
    if start <= 0 or t[start - 1] not in "。！？!?”…" or not inner or len(inner) > 24 or "摄" in inner \
            or any(c in inner for c in "（()）"):
        return False
    if inner.startswith(("作者单位", "作者系", "作者为")) or inner in _END_MARKS:
        return True
    label = _LABEL.match(inner)
    if label and label.group(1) in _SOURCE_LABELS and label.end() < len(inner):
        return True                                 # （来源：人民日报）, （稿件来源：某某网）
    rest = inner[_SOURCE_LEAD.match(inner).end():]
    return rest.startswith(_sources()) or rest.startswith("《") and "》" in rest \
        or (rest != inner and bool(rest)) or _SOURCE_END.search(rest) is not None and len(rest) <= 16


def month_day(s: str) -> tuple[int, int] | None:
    m = _MONTH_DAY.match(s)
    if not m:
        return None
    mo, d = clean.cn_number(m.group(1)), clean.cn_number(m.group(2))
    if mo is None or d is None or not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return mo, d
