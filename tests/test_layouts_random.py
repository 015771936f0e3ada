"""Every article, a layout drawn for each page: the harness that scores the article table honestly.

Rendered from the People's Daily excerpt in ``tests/fixtures`` (building days only). These tests
check the harness itself (every article rendered and scored, every character kept, layouts that
differ from page to page, the same text for the same seed) and guard today's figures against
regressions; the evaluation-day figures are in the README (``python -m epaper.segment_eval``).
"""
import random
from collections import Counter

import pandas as pd
import pytest

import helpers
from checks import parse_checked
from conftest import FIXTURES
from epaper import clean, lines, pfr, render, segment_eval


@pytest.fixture(scope="module")
def corpus():
    return pfr.read_pfr(FIXTURES / "pd_excerpt.txt")


def _visible(text):
    return Counter(segment_eval._chars(text))


@pytest.mark.parametrize("family", list(render.FAMILIES))
def test_every_article_is_rendered_and_scored(tmp_path, corpus, family):
    for k, (issue_id, issue) in enumerate(corpus.groupby("issue_id")):
        text = render.render_issue_random(issue, family, seed=k, page_headers=0.0)
        want, heads = Counter(), Counter()
        for r in issue.itertuples(index=False):
            want.update(segment_eval.expected_text(r))
            heads.update(segment_eval._chars(*render.headline_block(r)))
        have = _visible(text)
        assert not want - have                              # every article, every character
        assert not (have - want) - heads                    # and nothing else but bold headlines printed twice
        path = tmp_path / f"{issue_id}.txt"
        path.write_text(text, encoding="utf-8")
        s = segment_eval.score_issue(issue, parse_checked(path))
        assert s["articles"] + s["unscored"] == len(issue)
        assert s["unscored"] == sum(render.several_items(r) for r in issue.itertuples(index=False))
        assert s["exact"] + sum(m[0] != "headline" for m in s["misses"]) == s["articles"]


def test_layouts_are_drawn_per_page_and_reproducible(corpus):
    issue = next(g for _, g in corpus.groupby("issue_id") if g.page.nunique() >= 2)
    a = render.render_issue_random(issue, "after, form feeds", seed=7)
    assert a == render.render_issue_random(issue, "after, form feeds", seed=7)
    assert a != render.render_issue_random(issue, "after, form feeds", seed=8)
    import random
    rng = random.Random(3)
    widths = {render.draw_layout(rng, "before", "formfeed").width for _ in range(20)}
    assert len(widths) > 5 and min(widths - {0}) >= 8 and max(widths) <= 30     # 0: a paragraph a line


def test_a_sentence_without_body_is_printed_as_text():
    row = next(pfr.read_pfr(FIXTURES / "pd_excerpt.txt").itertuples(index=False))
    short = row._replace(headline="我国去年新增电话用户二千二百万户。", subheadline=None, body="")
    assert render.headless(short) and render.headline_block(short) == []
    assert segment_eval.expected_text(short) == "我国去年新增电话用户二千二百万户。"


def test_score_counts_exact_extents_and_headlines():
    import pandas as pd
    exp = pd.DataFrame([{"article_id": "a", "headline": "甲乙丙", "subheadline": None, "dateline": None,
                         "byline": None, "body": "一二三。"},
                        {"article_id": "b", "headline": "丁戊", "subheadline": None, "dateline": None,
                         "byline": None, "body": "四五六。"}])
    got = pd.DataFrame([{"kind": "news", "headline": "甲乙丙", "subheadline": None, "dateline": None, "byline": None,
                         "credit": None, "body": "一二三。"},
                        {"kind": "news", "headline": None, "subheadline": None, "dateline": None, "byline": None,
                         "credit": None, "body": "丁戊四五六。"}])
    s = segment_eval.score_issue(exp, got)
    assert (s["articles"], s["items"], s["exact"], s["headlines"]) == (2, 2, 2, 1)
    merged = got.iloc[:1].assign(body="一二三。丁戊四五六。")
    assert segment_eval.score_issue(exp, merged)["exact"] == 0


def test_pieces_of_an_article_printed_as_several_items_count_neither_way():
    import pandas as pd
    row = {"headline": "两地新闻", "subheadline": None, "dateline": None, "byline": None}
    exp = pd.DataFrame([{**row, "article_id": "a", "body": "甲地修路。"},
                        {**row, "article_id": "b", "headline": "简讯",
                         "body": "新华社某地1月1日电 乙地植树。\n新华社某地1月2日电 丙地开会。"}])
    got = pd.DataFrame([{"kind": "news", "headline": "两地新闻", "subheadline": None, "dateline": None,
                         "byline": None, "credit": None, "body": "甲地修路。"},
                        {"kind": "news", "headline": "简讯", "subheadline": None, "dateline": "新华社某地1月1日电",
                         "byline": None, "credit": None, "body": "乙地植树。"},
                        {"kind": "news", "headline": None, "subheadline": None, "dateline": "新华社某地1月2日电",
                         "byline": None, "credit": None, "body": "丙地开会。"},
                        {"kind": "news", "headline": None, "subheadline": None, "dateline": None,
                         "byline": None, "credit": None, "body": "丁地下雪。"}])
    s = segment_eval.score_issue(exp, got)
    # article b is two stories: unscored, and so are its two pieces; the stray item still counts against precision
    assert (s["articles"], s["unscored"], s["items"], s["exact"]) == (1, 1, 2, 1)


# Regression guards, not targets. Each family's figure is taken over five renderings of the excerpt (for its
# k-th day the seeds k, 10 + k, 20 + k, 30 + k and 40 + k: 345 articles), since from one rendering of its 69
# articles to the next the count moves by up to 16, more than the changes these floors guard against. Today
# the labeller gives exact-extent F1 0.965 in the "before" families and 0.946 in the "after" ones (headlines
# 0.991-0.997; the models before the last four signals: 0.959 in each); the rules alone give 0.67-0.77 (one
# rendering). The floors leave a little room: about one standard error of 345 articles. The targets (F1 and
# headlines >= 0.95 on the evaluation days) are not met yet; the README gives the measured figures.
FLOORS = {"before, form feeds": 0.95, "before, space-led pages": 0.95, "after, form feeds": 0.93,
          "after, space-led pages": 0.93}
RENDERINGS = 5


def test_the_renderers_own_labels_give_the_ceiling():
    """With the labels the renderer printed each line with, the parse finds (nearly) every article: what
    is left to win is the labeller's. Hiding the starts of items that nothing on the page marks costs some."""
    r = segment_eval.evaluate(FIXTURES / "pd_excerpt.txt", days=("19980101", "19991231"),
                              families=["before, form feeds", "after, space-led pages"],
                              oracle=segment_eval.RenderedLabels())
    assert r["overall"]["f1"] >= 0.97 and r["overall"]["headlines"] == 1.0
    from epaper import lines
    assert "model" not in lines._OVERRIDE                   # the labeller is given back


# (page, the renderer's labels, the labels RenderedLabels(unmarked=True) gives)
UNMARKED = [
    # two briefs without headlines in a row, the same column: the second start is not seen
    ("甲地今天植树一万株，\n市民踊跃参加。\n\n乙地今天召开大会，\n部署春耕生产。",
     ["BS", "B", "", "BS", "B"], ["BS", "B", "B", "B"]),
    # a dateline marks it
    ("甲地今天植树一万株，\n市民踊跃参加。\n\n本报讯 乙地今天召开大\n会，部署春耕生产。",
     ["BS", "B", "", "BS", "B"], ["BS", "B", "BS", "B"]),
    # so does a headline before it
    ("甲地今天植树一万株，\n市民踊跃参加。\n\n乙地开会\n\n乙地今天召开大会，\n部署春耕生产。",
     ["BS", "B", "", "HS", "", "B", "B"], ["BS", "B", "HS", "B", "B"]),
]


@pytest.mark.parametrize("text, labels, want", UNMARKED)
def test_rendered_labels_without_unmarked_starts(text, labels, want):
    from epaper.segment import split_blocks
    blocks = split_blocks(list(enumerate(text.split("\n"), 1)))
    for unmarked, expect in ((False, [lab for lab in labels if lab]), (True, want)):
        oracle = segment_eval.RenderedLabels(unmarked=unmarked)
        oracle.labels = labels
        got = oracle.label_issue([blocks], "before")[0]
        assert [got[no] for no in sorted(got)] == expect


def _rendered_score(issues, family, tmp_path, renderings=RENDERINGS, blank_lines=True, variant="") -> dict:
    """``segment_eval`` figures of ``issues`` (``(issue_id, articles)`` pairs) rendered ``renderings`` times in
    ``family`` (with every blank line dropped where not ``blank_lines``, changed as ``render.VARIANTS[variant]``
    says where given), every article scored."""
    c = Counter()
    change_articles, change_text = render.VARIANTS[variant] if variant else (None, None)
    for rep in range(renderings):
        for k, (issue_id, issue) in enumerate(issues):
            path = tmp_path / f"{issue_id}.txt"
            if change_articles is not None:
                issue = change_articles(issue)
            text, labels = render.render_issue_labelled(issue, family, seed=k + 10 * rep)
            if change_text is not None:
                text = change_text(text, labels, random.Random(k + 10 * rep))
            path.write_text(text if blank_lines else render.without_blanks(text, labels)[0], encoding="utf-8")
            s = segment_eval.score_issue(issue, segment_eval.without_printed_over(parse_checked(path), variant))
            s.pop("misses")
            c.update(s)
    return segment_eval._figures(c)


@pytest.mark.parametrize("family", list(render.FAMILIES))
def test_no_regression_on_the_excerpt(tmp_path, corpus, family):
    f = _rendered_score(list(corpus.groupby("issue_id")), family, tmp_path)
    assert f["articles"] == RENDERINGS * 69, f                     # every article scored but those of the stated rule
    assert f["f1"] >= FLOORS[family] and f["headlines"] >= 0.95, f
    # title lines (引题, 主题, 副题 as the corpus gives them): 0.979 before and 0.988 after today; 0.961 and 0.969
    # before dash-led lines, lines after a photo marker and name lines by the name model (title_lines)
    assert f["title_lines"] >= 0.97, f


@pytest.mark.parametrize("blank_lines, floor", [(True, 0.96), (False, 0.88)], ids=["as printed", "no blank lines"])
@pytest.mark.parametrize("family", list(render.FAMILIES))
def test_another_papers_articles_at_random(tmp_path, sample_table, family, blank_lines, floor):
    """The sample's own articles (a local paper's: its datelines, bylines, briefs and photo captions, none of
    them in the labeller's training) rendered with a layout drawn per page, and with every blank line
    dropped as PDF libraries print pages. The table keeps a caption's credit apart (本报记者某某摄); it is
    printed after the caption in brackets, as the renderer prints credits. Today: exact-extent F1 0.989
    with headlines before and 0.979 after (no blank lines: 0.960 and 0.950; 0.987 and 0.942 before photo
    news after an article's last paragraph opened an item; 0.987 and 0.981, 0.942 and
    0.962 with the models before their training of 2026-12-01; 0.969 and 0.963, 0.850 and
    0.890 before what follows a caption opening with a pointing marker, ➡…。, with no blank line opened an
    item of its own and such a marker opened a caption under a title; 0.963 and 0.963, 0.811 and
    0.890 before a note under an article's last line with no blank line opened an item of its own; 0.963
    and 0.969, 0.801 and 0.873 with the models before); before captions run together
    were cut apart 0.946 in every family (no blank lines: 0.773 and 0.849), and with the labeller before
    its last four signals 0.948 and 0.938. What is missed is mostly, without blank lines, a brief run
    into the item before it. A guard against regressions, with a little room."""
    arts = sample_table[sample_table.kind.isin(helpers.ITEM_KINDS)].reset_index(drop=True)
    credited = arts.credit.notna()
    arts.loc[credited, "body"] = arts.body[credited] + "（" + arts.credit[credited] + "）"
    f = _rendered_score([("滨江日报_2024-03-05", arts)], family, tmp_path, renderings=10, blank_lines=blank_lines)
    assert f["articles"] == 10 * len(arts) == 260, f
    assert f["f1"] >= floor and f["headlines"] >= 0.97, f


# variant -> floor: the sample's articles parted or closed as web pages and documents print them; today (three
# renderings in each family) 0.965, 0.955, 0.965, 0.922, 0.955 (web facts), 0.838 (titles in brackets) and
# 0.965 (a site's navigation), 0.945 (credits as local papers print them); before the rules for them (31392d8)
# 0.852, 0.863, 0.765, 0.911, 0.669 and 0.633, and 0.415 and 0.936 (7b105ad)
OTHER_HANDS = {"rules-between-items": 0.95, "ornaments-between-items": 0.94, "editors-after-items": 0.95,
               "end-marks": 0.90, "web-facts": 0.95, "bracketed-titles": 0.82, "site-navigation": 0.95,
               "local-credits": 0.93}


@pytest.mark.parametrize("variant", sorted(OTHER_HANDS))
def test_another_papers_articles_in_other_hands(tmp_path, sample_table, variant):
    """The sample's articles with a rule or a row of ornaments between them, each closed by its editors' credits
    or by an end mark (（完）), in every family: the parts are page-level, the items whole."""
    arts = sample_table[sample_table.kind.isin(helpers.ITEM_KINDS)].reset_index(drop=True)
    credited = arts.credit.notna()
    arts.loc[credited, "body"] = arts.body[credited] + "（" + arts.credit[credited] + "）"
    c = Counter()
    for family in render.FAMILIES:
        f = _rendered_score([("滨江日报_2024-03-05", arts)], family, tmp_path, renderings=3, variant=variant)
        c.update({k: f[k] for k in ("exact", "articles", "items")})
    f = segment_eval._figures(c)
    assert f["articles"] == 12 * len(arts) and f["f1"] >= OTHER_HANDS[variant], f


def test_a_headline_printed_right_after_the_text_before_it(tmp_path):
    """No blank line between the end of one item and the next headline: the headline still starts an item."""
    text = ("本报讯 县里召开会议，部署今冬明春\n工作。会议要求各乡镇抓好落实。\n（李明）\n企业赞助体育的着眼点\n\n"
            "本报讯 某公司近日宣布，将赞助本届\n运动会。公司负责人表示，赞助是\n长期投入。\n")
    path = tmp_path / "x.txt"
    path.write_text(text, encoding="utf-8")
    df = parse_checked(path)
    rows = df[df.kind == "news"]
    assert list(rows.headline.fillna("")) == ["", "企业赞助体育的着眼点"]
    assert rows.body.iloc[0].endswith("会议要求各乡镇抓好落实。")


@pytest.mark.parametrize("lines, want", [
    (["市长会见来访外国客商", "希望在互利共赢原则的基础上尽快推", "动一批重点合作项目签约落地"],
     ["市长会见来访外国客商", "希望在互利共赢原则的基础上尽快推动一批重点合作项目签约落地"]),
    (["企业要练好内功", "林涛"], ["企业要练好内功", "林涛"]),
    # one title wrapped over lines of the same width, the last one shorter: one title
    (["全市开展冬春农田水利基本", "建设大会战"], ["全市开展冬春农田水利基本建设大会战"]),
    (["全县将推广节水灌", "技术"], ["全县将推广节水灌技术"]),
    # bold text extracted twice
    (["市长会见市长会见外国客商外国客商代表代表"], ["市长会见外国客商代表"]),
    # whatever the widths: a line opening with a dash is a title of its own (副题) ...
    (["让乡村振兴的路越走越宽广", "——记驻村书记"], ["让乡村振兴的路越走越宽广", "——记驻村书记"]),
    # ... but not a dash a line wrapped in two
    (["新春走基层—", "—记者在一线"], ["新春走基层——记者在一线"]),
    # so is the line after a photo marker, and a last line of names alone, bracketed or not
    (["春到田间农事忙（附图片1张）", "赵小明摄影"], ["春到田间农事忙（附图片1张）", "赵小明摄影"]),
    (["春到田间农事忙（图片）", "（季文华）"], ["春到田间农事忙（图片）", "（季文华）"]),
    (["读书的日子", "孔德昌季文华"], ["读书的日子", "孔德昌季文华"]),
    (["读书的日子", "孔德昌\u3000季文华"], ["读书的日子", "孔德昌季文华"]),
    (["山居秋色（国画）", "（赵小明作）"], ["山居秋色（国画）", "（赵小明作）"]),
    # and the line after a bracket closing a line, but not a bracket after it
    (["明天天气预报（3月5日20时—6日20时）", "天气形势分析"], ["明天天气预报（3月5日20时—6日20时）", "天气形势分析"]),
    (["春到田间（组图）", "（附图片3张）"], ["春到田间（组图）（附图片3张）"]),
    # the end of a title a column wrapped is no name, whatever its first character
    (["外交部发言人就有关问题发表", "谈话"], ["外交部发言人就有关问题发表谈话"]),
    (["市场经济前", "景看好"], ["市场经济前景看好"]),
    (["全县春耕生产工作会议召开", "孔德昌出席并讲话"], ["全县春耕生产工作会议召开孔德昌出席并讲话"]),
])
def test_title_lines(lines, want):
    from epaper import segment
    assert segment.title_lines(segment.make_block(list(enumerate(lines, 1)))) == want


def test_the_audit_counts_each_rule_against_the_renderers_labels():
    table = segment_eval.audit(FIXTURES / "pd_excerpt.txt", days=("19980101", "19991231"))
    assert list(table.columns) == ["rule", "layout", "units", "wrong", "share wrong", "examples"]
    assert set(table.layout) == {"before", "after"} and (table.wrong <= table.units).all()
    rules = set(table.rule)
    assert {"below the top: no X", "a full stop: no title", "an opening (d) starts an item"} <= rules
    never = table[table.rule.isin(["a page header is X", "below the top: no X"])]
    assert len(never) and (never.wrong == 0).all()
    shown = table[table.wrong > 0]
    assert all(e.split(": ")[0] in lines.LABELS for e in " | ".join(shown.examples).split(" | ") if e)


def test_articles_going_on_on_a_later_page_are_found_whole():
    """Jump lines at scale (``render.with_jumps``): each article cut with （下转第N版） and its rest on a later page
    opening with （上接第M版） is scored whole. Today the excerpt gives 32 of 35 with the renderer's labels and
    28 of 35 with the labeller; these floors leave a little room."""
    for oracle, floor in ((segment_eval.RenderedLabels(), 0.9), (None, 0.75)):
        r = segment_eval.evaluate(FIXTURES / "pd_excerpt.txt", days=("19980101", "19991231"), jumps=0.5, oracle=oracle)
        f = r["overall"]
        assert f["jumps"] >= 20 and f["jumps_exact"] >= floor * f["jumps"], (oracle, f)


@pytest.mark.parametrize("variant", sorted(render.VARIANTS))
def test_pages_as_other_tools_print_them(variant):
    """The excerpt rendered and then changed as other tools print pages (``render.VARIANTS``: indents in ASCII
    spaces or tabs, photo credits without brackets, centred titles, double-spaced lines, editor lines,
    half-width punctuation, other page headers, page numbers as footers, pages marked by conversion scripts,
    spaces ending lines, no blank lines at all: 0.944, 0.919 without the models for such pages; columns of
    short news led by bullets; titles in bold drawn by character, every character twice: 0.975, 0.746 before
    such text was read once; rules or ornaments between items, editors' credits or end marks closing them,
    a web page's line of facts under each title, added on 2026-12-01): today 0.976 for each but photo credits without brackets (0.965) and centred
    titles (0.987), as rendered 0.976
    (0.45-0.49 double-spaced or with centred titles before the parse read them); the floor leaves a little
    room."""
    r = segment_eval.evaluate(FIXTURES / "pd_excerpt.txt", days=("19980101", "19991231"), variant=variant)
    floor = 0.90 if variant == "bracketed-titles" else 0.93        # 0.926 when it was added (0.719 before its rules)
    assert r["overall"]["articles"] >= 250 and r["overall"]["f1"] >= floor, r["overall"]


# (variant, text, labels, what the text becomes)
CHANGED = [
    ("double-spaced", "标题\n\n正文。\n", ["HS", "", "BS", ""], "标题\n\n\n\n正文。\n\n"),
    ("ascii-indents", "\u3000\u3000正文。\n次行\u3000\u3000", ["BS", "B"], "    正文。\n次行\u3000\u3000"),
]


@pytest.mark.parametrize("variant, text, labels, want", CHANGED)
def test_what_a_variant_does_to_the_text(variant, text, labels, want):
    assert render.VARIANTS[variant][1](text, labels, random.Random(0)) == want


def test_titles_in_bold_by_character():
    """A title block drawn bold by character comes out with every character twice, all its lines or none;
    a block the renderer printed bold already (runs twice) and the text are as they were."""
    bold = render.VARIANTS["bold-by-character"][1]
    text, labels = "全市召开会议\n压实责任\n\n　　本报讯 今天开会。\n", ["HS", "HT", "", "BS", ""]
    assert bold(text, labels, random.Random(1)) == "全全市市召召开开会会议议\n压压实实责责任任\n\n　　本报讯 今天开会。\n"
    assert bold(text, labels, random.Random(0)) == text                 # the other half of the titles
    doubled = "全市召全市召开会议开会议\n\n　　本报讯 今天开会。\n"
    assert bold(doubled, ["HS", "", "BS", ""], random.Random(1)) == doubled
    # and read back as printed once
    assert clean.undouble("全全市市召召开开会会议议") == "全市召开会议"


def test_centred_titles_and_bare_credits():
    text = render.VARIANTS["centred-titles"][1]("标题\n正文。", ["HS", "BS"], random.Random(0))
    head, body = text.split("\n")
    assert 6 <= len(head) - len(head.lstrip(" ")) <= 20 and head.strip() == "标题" and body == "正文。"
    issue = pd.DataFrame({"headline": ["冰帆（图片）"], "subheadline": [None],
                          "body": ["游客在湖面滑冰。（新华社记者张三摄）\n另一段（括号里）。\n（李四摄）"]})
    bare = render.VARIANTS["bare-credits"][0](issue)
    assert bare.body[0] == "游客在湖面滑冰。\u3000\u3000新华社记者张三 摄\n另一段（括号里）。\n李四 摄"
    assert bare.headline[0] == "冰帆（图片）" and "摄）" in issue.body[0]          # the articles given stay


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("sep", ["\f", " "])
def test_script_page_marks_replace_form_feeds_and_space_led_pages(seed, sep):
    from epaper import read

    text = render.VARIANTS["script-page-marks"][1](f"标题\n正文。\n\n{sep}二版标题\n正文。\n", [], random.Random(seed))
    assert "\f" not in text and not any(t.startswith(" ") for t in text.split("\n"))
    assert [read.page_mark(t) for t in text.split("\n") if read.page_mark(t)] == ["1", "2"]
    assert [p.number for p in read.split_pages(text)] == [1, 2]
