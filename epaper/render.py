"""Render an article table back into e-paper-like text, in layouts other than the sample's.

For tests and benchmarks: the People's Daily corpus (``pfr.read_pfr``) becomes
realistic raw issues with headlines before or after their bodies, form feeds
or space-led lines between pages, narrow or wide columns, blank lines at
column breaks (inside sentences), bylines on their own lines, full-width
digits, spaced-out justified lines and bold headlines printed twice. The
expected parse of each rendered issue is the table it was rendered from.
"""
from __future__ import annotations

import itertools
import random
import re
from dataclasses import dataclass, replace

import pandas as pd

from . import bylines, clean

_FW_DIGITS = str.maketrans({chr(c): chr(c + 0xFEE0) for c in range(0x30, 0x3A)})


@dataclass
class Layout:
    headline: str = "before"          # "before" or "after" the body
    pages: str = "formfeed"           # "formfeed", "space" (a line starting with a space) or "files"
    width: int = 14                   # characters per body line
    head_width: int = 24              # characters per headline line
    column_break: int = 0             # a blank line after every N body lines (0: never)
    paragraph_blank: bool = True      # a blank line between paragraphs
    byline_line: bool = True          # bylines (本报记者 …) on a line of their own
    fullwidth_digits: bool = False
    spaced_lines: int = 0             # every Nth body line spread out with spaces (0: never)
    double_headlines: bool = False    # headlines printed twice, run by run, as bold text extracts
    title_blank: bool = False         # a blank line between the title lines of a headline block
    indent: str = "none"              # paragraphs' first lines: "none", "dropped" (two characters shorter, as
                                      # PDF text loses the indent) or "spaces" (two full-width spaces)
    seed: int = 0


def suitable(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles a newspaper would print as such: a short headline without a sentence end, and a body."""
    ok = articles.headline.fillna("").map(lambda h: 2 <= len(h) <= 36 and not clean.ends_sentence(h) and "，" not in h)
    ok &= articles.body.fillna("").str.len() >= 20
    ok &= articles.subheadline.isna()
    ok &= ~articles.headline.fillna("").str.contains(r"[（(]|图片新闻")
    ok &= ~articles.body.fillna("").str.contains(r"摄[）)]")
    # several stories printed under one headline (a second dateline or byline inside) are not one article
    ok &= ~articles.body.fillna("").map(_has_inner_dateline)
    return articles[ok]


_NO_LINE_START = set("。，、；：！？）》」』”’…")


def _opens_story(paragraph: str) -> bool:
    """A paragraph that opens with a dateline or a byline."""
    from . import bylines
    return bylines.parse_dateline(paragraph) is not None or bylines.parse_byline(paragraph[:30]) is not None


def _has_inner_dateline(body: str) -> bool:
    return any(_opens_story(p) for p in body.split("\n")[1:])


def _wrap(text: str, width: int, first: int | None = None) -> list[str]:
    """Cut text into lines of ``width`` (the first of ``first``); punctuation that may not start a line stays
    on the line before. A width of 0: one line."""
    if not width:
        return [text]
    lines: list[str] = []
    i = 0
    while i < len(text):
        j = min(i + (first if first and not lines else width), len(text))
        while j < len(text) and text[j] in _NO_LINE_START:
            j += 1
        lines.append(text[i:j])
        i = j
    return lines or [""]


def _double(text: str, rng: random.Random) -> str:
    out, i = [], 0
    while i < len(text):
        n = rng.randint(2, 6)
        out.append(text[i:i + n] * 2)
        i += n
    return "".join(out)


def byline_line(row) -> str:
    """An article's byline as printed on a line of its own: 本报记者 张三 李四 where the byline is the role
    and the names run on, else as it is."""
    names = list(row.reporters) + list(row.correspondents)
    role = row.byline[: len(row.byline) - len("".join(names))]
    return f"{role} {' '.join(names)}".strip() if role + "".join(names) == row.byline else row.byline


def render_article(row, layout: Layout, rng: random.Random, firsts: list | None = None) -> list[str]:
    """One article as lines of text (``firsts`` collects the place of each paragraph's first line among the
    non-blank lines of the body)."""
    head = row.headline
    if layout.double_headlines:
        head = _double(head, rng)
    head_lines = _wrap(head, layout.head_width * (2 if layout.double_headlines else 1))
    body_lines: list[str] = []
    paras = [p for p in str(row.body).split("\n") if p]
    first = ""
    if isinstance(row.dateline, str) and row.dateline:
        first = row.dateline
    if isinstance(row.byline, str) and row.byline:
        if layout.byline_line:
            body_lines.append(byline_line(row))
        else:
            first = row.byline + " "
    for k, para in enumerate(paras):
        text = (first + para) if k == 0 else para
        if layout.fullwidth_digits:
            text = text.translate(_FW_DIGITS)
        if layout.indent == "none":
            lines = _wrap(text, layout.width)
        else:                           # a paragraph's first line indented by two characters
            lines = _wrap(text, layout.width, first=max(2, layout.width - 2) if layout.width else None)
            if layout.indent == "spaces":
                lines[0] = "\u3000\u3000" + lines[0]
        if firsts is not None:
            firsts.append(sum(1 for t in body_lines if t))
        body_lines.extend(lines)
        if layout.paragraph_blank and k < len(paras) - 1:
            body_lines.append("")
    if layout.column_break:
        spaced, count = [], 0
        for ln in body_lines:
            spaced.append(ln)
            if ln:
                count += 1
                if count % layout.column_break == 0:
                    spaced.append("")
        body_lines = spaced
    if layout.spaced_lines:
        n = 0
        for i, ln in enumerate(body_lines):
            if ln and not ln.startswith(("本报", "新华社")):
                n += 1
                if n % layout.spaced_lines == 0:
                    body_lines[i] = (" ".join(ln) if rng.random() < 0.5 else re.sub(r"(\d+)", r" \1 ", ln)).strip()
    if layout.headline == "before":
        return head_lines + [""] + body_lines
    return body_lines + [""] + head_lines


def render_issue(articles: pd.DataFrame, layout: Layout) -> str | list[str]:
    """Render an issue (rows with ``page``, ``headline``, ``dateline``, ``byline``, ``body``).

    Returns one text, or a list of page texts with ``pages="files"``.
    """
    rng = random.Random(layout.seed)
    pages = []
    for _, page in articles.groupby("page", sort=True):
        lines: list[str] = []
        for _, row in page.iterrows():
            if lines:
                lines.append("")
            lines.extend(render_article(row, layout, rng))
        pages.append(lines)
    if layout.pages == "files":
        return ["\n".join(p) + "\n" for p in pages]
    out: list[str] = []
    for k, p in enumerate(pages):
        p = list(p)
        if k > 0:
            if layout.pages == "formfeed":
                p[0] = "\f" + p[0]
            else:
                p[0] = " " + p[0]
        out.extend(p)
        out.append("")
    return "\n".join(out)


# ---------------------------------------------------------------- every article, layouts drawn per page

FAMILIES = {
    "before, form feeds": ("before", "formfeed"),
    "before, space-led pages": ("before", "space"),
    "after, form feeds": ("after", "formfeed"),
    "after, space-led pages": ("after", "space"),
}


def draw_layout(rng: random.Random, headline: str, pages: str) -> Layout:
    """A page layout drawn at random: line widths 8-30 (or a paragraph a line), headline widths, blank lines
    or none (between title lines too), column breaks, letter-spacing, doubled bold headlines, paragraph
    indents."""
    unwrapped = rng.random() < 0.08           # text copied a paragraph a line (no columns)
    return Layout(headline=headline, pages=pages, width=0 if unwrapped else rng.randint(8, 30),
                  head_width=0 if unwrapped else rng.randint(6, 30),
                  column_break=rng.choice([0, 0, rng.randint(6, 40)]), paragraph_blank=rng.random() < 0.6,
                  byline_line=rng.random() < 0.7, fullwidth_digits=rng.random() < 0.3,
                  spaced_lines=rng.choice([0, 0, 0, rng.randint(5, 15)]), double_headlines=rng.random() < 0.2,
                  seed=rng.randrange(1 << 30), indent=rng.choice(["none", "none", "dropped", "spaces"]),
                  title_blank=rng.random() < 0.3)


def _sentence_like(text: str) -> bool:
    """A paragraph rather than a title line: long, or a sentence, or a caption ending in a photo credit."""
    t = text.strip()
    return len(t) > MAX_TITLE_CHARS or clean.ends_sentence(t) or "。" in t or t.endswith(("摄）", "摄)", "照片）"))


MAX_TITLE_CHARS = 48


def headless(row) -> bool:
    """An item printed without a headline: a paragraph that is a sentence (a short news item, 简讯), which
    the corpus files as paragraph 001 (an author's name, （某某）, as 002)."""
    h = row.headline if isinstance(row.headline, str) else ""
    return bool(h) and not (isinstance(row.body, str) and row.body.strip()) and _sentence_like(h)


def _sub_lines(row) -> list[str]:
    return [s for s in row.subheadline.split("\n") if s] if isinstance(row.subheadline, str) else []


def headline_block(row) -> list[str]:
    """The title lines an article prints: its headline, then the subheadline lines that are titles (引题/主题/
    副题, an author's name); none for a ``headless`` item. Subheadline lines that are paragraphs (a photo's
    caption) are printed as body text (``caption_lines``). A subtitle after a dash that the corpus files in
    the headline (在十五大精神指引下胜利前进——元旦献辞) is a title line of its own, as papers print a 副题."""
    if headless(row):
        return []
    lines = dash_subtitle(row.headline) if isinstance(row.headline, str) and row.headline else []
    return lines + [s for s in _sub_lines(row) if not _sentence_like(s)]


def dash_subtitle(title: str) -> list[str]:
    """A title and the subtitle after its dash as two title lines, where each holds 4 characters or more.

    >>> dash_subtitle("在十五大精神指引下胜利前进——元旦献辞"), dash_subtitle("京——沪高速通车")
    (['在十五大精神指引下胜利前进', '——元旦献辞'], ['京——沪高速通车'])
    """
    i = title.find("——")
    if i >= 4 and len(title[i:].lstrip("—")) >= 4:
        return [title[:i], title[i:]]
    return [title]


def printed_paragraphs(row) -> list[str]:
    """The paragraphs an article prints below its title lines: its caption lines (``caption_lines``), then
    its body's."""
    body = [p for p in str(row.body).split("\n") if p] if isinstance(row.body, str) else []
    return caption_lines(row) + body


def _piece_starts(paras: list[str]) -> list[int]:
    """The paragraphs (after the first) that a paper prints as items of their own: one that opens with a
    dateline or byline (a story after the first under one headline), a photo marker or a note, or that ends
    with a photo credit (a caption; not a credit alone)."""
    from . import bylines, lexicons

    markers = tuple(lexicons.words("photo_markers")) + tuple(lexicons.words("note_markers"))
    out = []
    for k in range(1, len(paras)):
        p = clean.clean_line(paras[k])
        if _opens_story(p) or p.startswith(markers) or (bylines.find_credit(p) is not None
                                                       and bylines.find_credit(p, whole=True) is None):
            out.append(k)
    return out


def several_items(row) -> bool:
    """An article a paper prints as several items (``_piece_starts``): stories under one headline, each with
    its dateline, or photo captions (上图…, ▲…, …（某某摄）) inside the text. The parse makes an item of each,
    so the corpus's article is not scored whole (``segment_eval``)."""
    return bool(_piece_starts(printed_paragraphs(row)))


def caption_lines(row) -> list[str]:
    """Subheadline lines printed as body text: the whole item of a ``headless`` one, else the paragraphs."""
    if headless(row):
        return [row.headline + "".join(_sub_lines(row))]
    return [s for s in _sub_lines(row) if _sentence_like(s)]


def _article_lines(row, layout: Layout, rng: random.Random, blank_between: bool) -> list[tuple[str, str]]:
    """An article's lines, each with its label for the line labeller (``lines.LABELS``; blank lines ``""``)."""
    heads = headline_block(row)
    pieces = set(_piece_starts(printed_paragraphs(row)))
    captions = caption_lines(row)
    if captions:
        body = "\n".join(captions + ([row.body] if isinstance(row.body, str) and row.body.strip() else []))
        row = row._replace(body=body)
    head_lines: list[tuple[str, str]] = []
    for h in heads:
        h = _double(h, rng) if layout.double_headlines else h
        wrapped = _wrap(h, layout.head_width * (2 if layout.double_headlines else 1))
        if head_lines and layout.title_blank:
            head_lines.append(("", ""))
        head_lines.extend((t, "HT" if k == 0 else "HC") for k, t in enumerate(wrapped))
    firsts: list[int] = []
    body = render_article(row._replace(headline=""), layout, rng, firsts)
    body = body[2:] if layout.headline == "before" else body[:-2]      # render_article's empty headline
    body_lines = [(t, "B" if t else "") for t in body]
    if pieces:
        nonblank = [k for k, t in enumerate(body) if t]
        for p, ordinal in enumerate(firsts):
            if p in pieces:
                k = nonblank[ordinal]
                body_lines[k] = (body_lines[k][0], "BS")
    gap = [("", "")] if blank_between else []
    first = head_lines if head_lines and (layout.headline == "before" or not body_lines) else body_lines
    if first:
        first[0] = (first[0][0], "HS" if first is head_lines else "BS")
    if not head_lines:
        return body_lines
    if not body_lines:
        return head_lines
    return head_lines + gap + body_lines if layout.headline == "before" else body_lines + gap + head_lines


# ---------------------------------------------------------------- other hands: what other tools do to a page

_PAREN_CREDIT = re.compile(r"[（(](?P<who>[^（()）]{2,16}?)(?P<verb>摄影?)[）)]")


def _bare_credits(issue: pd.DataFrame) -> pd.DataFrame:
    """Photo credits printed without brackets: after a caption, set apart by spaces (…。（新华社记者某某摄） ->
    …。　　新华社记者某某 摄), or a paragraph of their own (新华社记者某某 摄); titles as printed."""
    def bare(t):
        if not isinstance(t, str):
            return t
        return "\n".join(_PAREN_CREDIT.sub(lambda m: ("\u3000\u3000" if m.start() else "") + f"{m['who']} {m['verb']}", p)
                         for p in t.split("\n"))

    out = issue.copy()
    for col in ("subheadline", "body"):
        out[col] = out[col].map(bare)
    return out


_CREDIT_ROLE = re.compile(r"^(?:新华社|本报|中新社|特约)?(?:摄影记者|记者|通讯员|摄影)?")


def _local_credits(issue: pd.DataFrame) -> pd.DataFrame:
    """Photo credits as local papers print them, the forms in turn: （某某 供图）, （通讯员 某某 供图）, （某某/摄）,
    and credits that name no photographer, （资料图片）, （受访者供图）, （县文旅局供图）."""
    forms = ["（{} 供图）", "（通讯员 {} 供图）", "（{}/摄）", "（资料图片）", "（受访者供图）", "（县文旅局供图）"]
    turn = itertools.count()

    def local(t):
        if not isinstance(t, str):
            return t
        return _PAREN_CREDIT.sub(lambda m: forms[next(turn) % len(forms)].format(_CREDIT_ROLE.sub("", m["who"])), t)

    out = issue.copy()
    for col in ("subheadline", "body"):
        out[col] = out[col].map(local)
    return out


def _labelled_lines(text: str, labels: list[str]):
    """Each line of a rendering with its label (``""`` past the labels given)."""
    return zip(text.split("\n"), labels + [""] * (text.count("\n") + 1 - len(labels)))


def _centred_titles(text: str, labels: list[str], rng: random.Random) -> str:
    """Title lines set in by 6 to 20 spaces, as ``pdftotext -layout`` centres them (but a line that marks a
    page, by a form feed or a space before it, as it was)."""
    return "\n".join(" " * rng.randint(6, 20) + t if lab in ("HS", "HT", "HC") and t.strip() and t[0] not in " \f"
                     else t for t, lab in _labelled_lines(text, labels))


def _item_starts(text: str, labels: list[str]):
    """Each line of a rendering with its label, whether it is an item's first line (a headline that starts one,
    or the text of an item without a headline over it) and the label of the last line of text before it."""
    above = ""
    for t, lab in _labelled_lines(text, labels):
        yield t, lab, lab == "HS" or (lab == "BS" and above not in ("HS", "HT", "HC")), above
        if t.strip():
            above = lab or "B"


def _rules_between_items(text: str, labels: list[str], rng: random.Random) -> str:
    """A drawn rule on a line of its own before each item (————————, ------, ======), as text copied from
    web pages and documents parts its articles; one form for the issue, none at a page's start."""
    rule = rng.choice(["—" * 12, "-" * 20, "=" * 16, "_" * 16, "— " * 8])
    out = []
    for t, _, starts, _ in _item_starts(text, labels):
        if starts and out and out[-1].strip() and t[:1] not in (" ", "\f"):
            out.append(rule)
        out.append(t)
    return "\n".join(out)


def _ornaments_between_items(text: str, labels: list[str], rng: random.Random) -> str:
    """A row of ornaments on a line of its own, a blank line around it, before each item (※　※　※, ＊＊＊,
    * * *), one form for the issue, none at a page's start."""
    row = rng.choice(["※　※　※", "＊＊＊", "* * *", "◆◆◆"])
    out = []
    for t, _, starts, _ in _item_starts(text, labels):
        if starts and out and out[-1].strip() and t[:1] not in (" ", "\f"):
            out += ["", row, ""]
        out.append(t)
    return "\n".join(out)


def _after_items(text: str, labels: list[str], closing) -> str:
    """Each item's text closed by the lines ``closing()`` gives; none after a title (where headlines follow
    their articles) or at a page's start."""
    out = []
    for t, _, starts, above in _item_starts(text, labels):
        if starts and above in ("B", "BS") and t[:1] not in (" ", "\f"):
            k = len(out)
            while k and not out[k - 1].strip():
                k -= 1
            out[k:k] = closing()
        out.append(t)
    return "\n".join(out)


def _editors_after_items(text: str, labels: list[str], rng: random.Random) -> str:
    """Each item's text closed by a line of its editors' credits (责任编辑：某某, （编辑：某某 审核：某某）), as web
    pages print them; none after a title (where headlines follow their articles) or at a page's start."""
    names = ("张明远", "李小红", "周文静", "赵丽娟")
    form = rng.choice(["责任编辑：{}", "（编辑：{} 审核：{}）", "编辑：{}"])
    return _after_items(text, labels, lambda: [form.format(*rng.sample(names, 2))])


def _site_navigation(text: str, labels: list[str], rng: random.Random) -> str:
    """Each item's text closed by the navigation lines of an e-paper site (上一篇 下一篇, 【字体：大 中 小】 打印本页
    关闭窗口, 返回目录), as text copied from such a site has them: one to three of them, the forms drawn
    for the issue."""
    forms = rng.sample(["上一篇　下一篇", "【字体：大 中 小】　打印本页　关闭窗口", "返回目录", "分享到：",
                        "上一篇：{}", "打印 | 关闭"], 3)
    titles = ("全县开展植树活动", "市政府召开常务会议", "新春走基层")
    return _after_items(text, labels, lambda: [f.format(rng.choice(titles)) for f in forms[:rng.randint(1, 3)]])


def _web_facts(text: str, labels: list[str], rng: random.Random) -> str:
    """A web page's line of facts (发布时间：… 来源：…, 作者：…) under each title that heads its article's text;
    one form for the issue. The articles do not hold it: ``segment_eval`` takes it out of the parse's
    datelines before scoring (``bylines.without_web_meta``)."""
    form = rng.choice(["发布时间：2024-03-05 08:30 来源：滨江日报", "来源：滨江日报　作者：张明远　2024-03-05",
                       "2024-03-05 10:21:36　来源：滨江日报　浏览量：1024"])
    out, titled = [], False
    for t, lab in _labelled_lines(text, labels):
        if t.strip() and lab not in ("HS", "HT", "HC"):
            if titled and t[:1] not in (" ", "\f"):
                out.append(form)
            titled = False
        elif lab == "HS":
            titled = True
        out.append(t)
    return "\n".join(out)


def _bracketed_titles(issue: pd.DataFrame) -> pd.DataFrame:
    """Every headline printed in 【】, as some web pages print titles (not the text of an item without one)."""
    out = issue.copy()
    has = pd.Series([isinstance(r.headline, str) and bool(r.headline.strip()) and not headless(r)
                     for r in out.itertuples(index=False)], index=out.index)
    out.loc[has, "headline"] = "【" + out.headline[has] + "】"
    return out


def _end_marks(issue: pd.DataFrame) -> pd.DataFrame:
    """Every article's text closed by a mark that ends it (（完）, (完), 【完】), as news agencies close their
    dispatches; one form for the issue."""
    out = issue.copy()
    mark = random.Random(str(issue.issue_id.iloc[0]) if "issue_id" in issue and len(issue) else "").choice(
        ["（完）", "(完)", "【完】"])
    has = out.body.map(lambda b: isinstance(b, str) and bool(b.strip()))
    out.loc[has, "body"] = out.body[has] + mark
    return out


def _bold_by_character(text: str, labels: list[str], rng: random.Random) -> str:
    """Half the titles printed in bold as some PDFs draw it, each character twice over itself, so that their
    text comes out with every character twice (全全市市召召开开…; the renderer's own bold repeats runs of
    two to six characters). A title block's lines all or none; blocks the renderer printed bold already,
    a line that marks a page and spaces as they were."""
    lines = list(_labelled_lines(text, labels))
    runs: list[list[int]] = []                      # the title blocks: title lines, blank lines between
    for k, (t, lab) in enumerate(lines):
        if lab in ("HS", "HT", "HC"):
            if runs and all(not lines[j][0].strip() for j in range(runs[-1][-1] + 1, k)):
                runs[-1].append(k)
            else:
                runs.append([k])
    out = [t for t, _ in lines]
    for run in runs:
        joined = "".join(out[k].strip(" \f\u3000") for k in run)
        if rng.random() >= 0.5 or clean.undouble(joined) != joined:
            continue
        for k in run:
            t = out[k]
            lead = t[: len(t) - len(t.lstrip(" \f\u3000"))]
            out[k] = lead + "".join(c if c.isspace() else c * 2 for c in t[len(lead):])
    return "\n".join(out)


_PAGE_START = re.compile(r"(?=\f)|(?=^ [^ \t\n])", re.M)      # a form feed, or a space-led page's first line


def _editor_lines(text: str, labels: list[str], rng: random.Random) -> str:
    """Each page closed by its editors' credits (责任编辑：某某 美术编辑：某某), as many papers print them."""
    editors = ("张明远", "李小红", "周文静", "赵丽娟", "陈志强", "刘晓燕")
    pages = _PAGE_START.split(text)
    return "\n".join(p.rstrip("\n") + f"\n\n责任编辑：{rng.choice(editors)} 美术编辑：{rng.choice(editors)}\n"
                     for p in pages if p.strip())


def _page_numbers(text: str, labels: list[str], rng: random.Random) -> str:
    """Each page closed by its number as a footer (- 3 -)."""
    pages = [p for p in _PAGE_START.split(text) if p.strip()]
    return "\n".join(p.rstrip("\n") + f"\n\n- {k + 1} -\n" for k, p in enumerate(pages))


def _script_marks(text: str, labels: list[str], rng: random.Random) -> str:
    """Pages marked as conversion scripts mark them, by a line before each (=== 第3页 ===, --- Page 3 ---,
    【第3版】, ===== 3 =====), one form for the issue, instead of form feeds or a space before a page's first line."""
    form = rng.choice(["=== 第{}页 ===", "--- Page {} ---", "【第{}版】", "-----第{}版-----", "[Page {}]", "===== {} ====="])
    pages = [p.lstrip("\f") for p in _PAGE_START.split(text) if p.strip()]
    pages = [p[1:] if p.startswith(" ") and not p.startswith("  ") else p for p in pages]
    return "\n".join(form.format(k + 1) + "\n\n" + p for k, p in enumerate(pages))


def without_blanks(text: str, labels: list[str]) -> tuple[str, list[str]]:
    """The text and its line labels with every blank line dropped (a form feed's line kept), as PDF libraries
    (pdfplumber, PyMuPDF) print a page's text: no line between paragraphs or articles.

    >>> without_blanks("标题\\n\\n正文。\\n\\n\\f二版", ["HS", "", "BS", "", "HS"])
    ('标题\\n正文。\\n\\x0c二版', ['HS', 'BS', 'HS'])
    """
    rows = [(t, lab) for t, lab in _labelled_lines(text, labels) if t.strip() or t.startswith("\f")]
    return "\n".join(t for t, _ in rows), [lab for _, lab in rows]


_HEADER = re.compile(r"人民日报 ([0-9]{4})年([0-9]+)月([0-9]+)日 第([0-9]+)版")
_CN_PAGES = "〇一二三四五六七八九十"


def _other_headers(text: str, labels: list[str], rng: random.Random) -> str:
    """Page headers in the forms other papers print (第3版：要闻, 1998年1月22日 星期四, 人民日报·要闻 第三版,
    A3 要闻 1998.01.22, 1998年1月22日　第03版　国内新闻), one drawn for each."""
    def header(m):
        y, mo, d, p = m.group(1), int(m.group(2)), int(m.group(3)), int(m.group(4))
        week = "一二三四五六日"[rng.randrange(7)]
        return rng.choice([f"第{p}版：要闻", f"{y}年{mo}月{d}日 星期{week}",
                           f"人民日报·要闻 第{_CN_PAGES[p] if p <= 10 else p}版", f"A{p} 要闻 {y}.{mo:02d}.{d:02d}",
                           f"{y}年{mo}月{d}日\u3000第{p:02d}版\u3000国内新闻"])
    return _HEADER.sub(header, text)


def _bullet_briefs(issue: pd.DataFrame) -> pd.DataFrame:
    """Short news printed as many local papers print a column of them: each item without a headline
    (``headless``) led by a bullet (■, ●, ◆ …, one for the page, a space after it or none), and half the runs
    of such items under the column's name (简讯, 政务快讯, 县域动态 …: the first item's headline).

    >>> issue = pd.DataFrame({"issue_id": "i", "page": 1, "seq": [1, 2, 3], "headline": ["会议召开", "甲地举行活动。", "乙地开展检查。"],
    ...                       "subheadline": None, "dateline": None, "byline": None, "body": ["正文。", None, None]})
    >>> out = _bullet_briefs(issue)
    >>> out.headline[0], out.headline[2][0] in _BULLETS, out.headline[2][1:].lstrip() == "乙地开展检查。"
    ('会议召开', True, True)
    """
    labels = ("简讯", "快讯", "短讯", "政务快讯", "县域动态", "新闻速递", "要闻简报", "综合消息")
    out = issue.copy()
    for (issue_id, page), rows in out.groupby(["issue_id", "page"], sort=False):
        rng = random.Random(f"{issue_id}/{page}")
        bullet = rng.choice(_BULLETS) + rng.choice(["", "", " "])
        was_headless = False
        for i in rows.sort_values("seq").index:
            if not headless(out.loc[i]):
                was_headless = False
                continue
            text = bullet + out.at[i, "headline"].strip()
            if not was_headless and rng.random() < 0.5:
                out.at[i, "headline"], out.at[i, "body"] = rng.choice(labels), text
            else:
                out.at[i, "headline"] = text
            was_headless = True
    return out


_BULLETS = "■●◆□◇○◎★"
_HALF_WIDTH = str.maketrans("：；（）！？", ":;()!?")


def _half_width(issue: pd.DataFrame) -> pd.DataFrame:
    """Colons, semicolons, brackets, exclamation and question marks printed half-width, as web pages and
    some e-papers print them."""
    out = issue.copy()
    for col in ("headline", "subheadline", "dateline", "byline", "body"):
        out[col] = out[col].map(lambda t: t.translate(_HALF_WIDTH) if isinstance(t, str) else t)
    return out


# name -> (what it does to the articles before they are printed, what it does to the printed text): what other
# tools and hands do that the renderer does not (``segment_eval --variant``); the articles so changed are the
# ones scored (web-facts prints what the articles do not hold: see ``PRINTED_OVER``)
VARIANTS = {
    "double-spaced": (None, lambda text, labels, rng: text.replace("\n", "\n\n")),   # every line end doubled
    "centred-titles": (None, _centred_titles),
    "bold-by-character": (None, _bold_by_character),
    "ascii-indents": (None, lambda text, labels, rng: re.sub(r"(?m)^\u3000\u3000", "    ", text)),
    "bare-credits": (_bare_credits, None),
    "local-credits": (_local_credits, None),
    "bullet-briefs": (_bullet_briefs, None),
    "editor-lines": (None, _editor_lines),
    "half-width-punctuation": (_half_width, None),
    "page-numbers": (None, _page_numbers),
    "script-page-marks": (None, _script_marks),
    "no-blank-lines": (None, lambda text, labels, rng: without_blanks(text, labels)[0]),
    "other-headers": (None, _other_headers),
    "rules-between-items": (None, _rules_between_items),
    "ornaments-between-items": (None, _ornaments_between_items),
    "editors-after-items": (None, _editors_after_items),
    "site-navigation": (None, _site_navigation),
    "end-marks": (_end_marks, None),
    "web-facts": (None, _web_facts),
    "bracketed-titles": (_bracketed_titles, None),
    "trailing-spaces": (None, lambda text, labels, rng: "\n".join(t + " " * rng.randint(0, 3) if t.strip() else t
                                                                 for t in text.split("\n"))),
    "tab-indents": (None, lambda text, labels, rng: re.sub(r"(?m)^\u3000\u3000", "\t", text)),
}

# variant -> what a parsed row's column holds that the articles do not, taken out before scoring: the web page's
# line of facts printed over each article's text goes to its dateline
PRINTED_OVER = {"web-facts": ("dateline", bylines.without_web_meta)}


def with_jumps(issue: pd.DataFrame, seed: int = 0, share: float = 0.3,
               titled: float = 0.3) -> tuple[pd.DataFrame, pd.DataFrame]:
    """An issue in which some articles go on on a later page, as papers print long stories: an article of
    three paragraphs or more on a page before the last ends its part after a paragraph drawn at random (one
    that a paragraph of text follows, not an author's name alone) with a jump line (（下转第3版）), and the
    rest, opening with one (（上接第1版）), stands at the top or the foot of a later page, under the article's
    headline printed again (a chance of ``titled``) or without title. ``share``: the chance of each such
    article. Returns the rows to render and the articles to score against: each jumping article whole (its
    first part, both jump lines, the rest; a title printed again is the parse's ``headline_raw`` only, which
    the score does not read). Days whose pages are not numbered 1, 2, 3 … are left as they are.

    >>> text = "会议要求各地抓好落实，确保各项工作任务按时完成。"
    >>> issue = pd.DataFrame({"article_id": ["a", "b"], "page": [1, 2], "headline": ["甲", "乙"], "subheadline": None,
    ...                       "dateline": None, "byline": None, "body": ["一。\\n" + text + "\\n（张三）", "四。"]})
    >>> rows, gold = with_jumps(issue, share=1.0, titled=0.0)
    >>> list(rows.body) == ["一。（下转第2版）", "四。", "（上接第1版）" + text + "\\n（张三）"]
    True
    >>> gold.body[0] == "一。（下转第2版）\\n（上接第1版）" + text + "\\n（张三）"
    True
    """
    rng = random.Random(seed)
    pages = sorted(issue.page.unique())
    if len(pages) < 2 or pages != list(range(1, len(pages) + 1)):
        return issue, issue
    rows, gold, tops, feet = [], [], {p: [] for p in pages}, {p: [] for p in pages}
    for r in issue.to_dict("records"):
        paras = [p for p in r["body"].split("\n") if p] if isinstance(r["body"], str) else []
        row = pd.Series(r)
        cuts = [k for k in range(1, len(paras)) if len(paras[k]) >= 20]    # the rest opens with text, not an author
        if r["page"] < pages[-1] and len(paras) >= 3 and cuts and not headless(row) and not several_items(row) \
                and rng.random() < share:
            k, to = rng.choice(cuts), rng.randint(r["page"] + 1, pages[-1])
            first = "\n".join(paras[:k]) + f"（下转第{to}版）"
            rest = "\n".join([f"（上接第{r['page']}版）" + paras[k]] + paras[k + 1:])
            rows.append({**r, "body": first})
            again = r["headline"] if rng.random() < titled else None
            part = {**r, "article_id": f"{r['article_id']}-jump", "page": to, "headline": again, "subheadline": None,
                    "dateline": None, "byline": None, "body": rest}
            for col in ("reporters", "correspondents", "photographers"):
                if col in part:
                    part[col] = []
            (tops if rng.random() < 0.5 else feet)[to].append(part)
            gold.append({**r, "body": first + "\n" + rest})
        else:
            rows.append(r)
            gold.append(r)
    ordered = [x for p in pages for x in tops[p] + [y for y in rows if y["page"] == p] + feet[p]]
    return pd.DataFrame(ordered, columns=issue.columns), pd.DataFrame(gold, columns=issue.columns)


def _section_names() -> list[str]:
    from . import lexicons
    return sorted(lexicons.words("page_titles"))


def render_issue_random(articles: pd.DataFrame, family: str, seed: int = 0, page_headers: float = 0.5) -> str:
    """Render every article of an issue, a layout drawn for each page within ``family`` (see ``FAMILIES``).

    Blank lines between articles and between a headline block and its body are
    drawn per page too (none at all in some pages), four articles in ten are set
    in columns of their own width, and a page header such as
    ``人民日报 1998年1月22日 第3版`` or a section name from the page-title list
    (要闻, 国际…) opens some pages.
    """
    return render_issue_labelled(articles, family, seed, page_headers)[0]


def render_issue_labelled(articles: pd.DataFrame, family: str, seed: int = 0,
                          page_headers: float = 0.5) -> tuple[str, list[str]]:
    """``render_issue_random`` and each line's label (one per line of the text, ``""`` for blank lines):
    ``HS`` a headline line that starts an article, ``HT`` one that starts another title line, ``HC`` one that
    continues a title line, ``BS`` a body line that starts an article or a story after the first under one
    headline or a caption inside an article (``several_items``), ``B`` other body lines, ``X`` a page header
    or page title. The training data of the line labeller (``epaper.lines``)."""
    headline, pages = FAMILIES[family]
    rng = random.Random(seed)
    out: list[tuple[str, str]] = []
    for k, (page_no, page) in enumerate(articles.groupby("page", sort=True)):
        layout = draw_layout(rng, headline, pages)
        prng = random.Random(layout.seed)
        between = rng.random() < 0.7
        lines: list[tuple[str, str]] = []
        if rng.random() < page_headers:
            d = page.issue_date.iloc[0]
            paper = page.newspaper.iloc[0] if "newspaper" in page and isinstance(page.newspaper.iloc[0], str) else "人民日报"
            lines += [(f"{paper} {d.year}年{d.month}月{d.day}日 第{page_no}版", "X"), ("", "")]
        if rng.random() < page_headers * 0.6:               # a section name as the page's title (要闻, 国际…)
            lines += [(rng.choice(_section_names()), "X"), ("", "")]
        for row in page.itertuples(index=False):
            if lines and lines[-1][0] and between:
                lines.append(("", ""))
            own = layout if rng.random() < 0.6 or not layout.width else replace(layout, width=rng.randint(8, 30))
            lines.extend(_article_lines(row, own, prng, blank_between=rng.random() < 0.8))
        if k > 0:
            lines[0] = (("\f" if pages == "formfeed" else " ") + lines[0][0], lines[0][1])
        out.extend(lines)
        out.append(("", ""))
    return "\n".join(t for t, _ in out), [lab for _, lab in out]
