"""The line labeller: units of lines, what the exact rules impose, the compiled decoder, training.

Texts and names are invented. The labeller's accuracy on rendered corpus days is guarded in
tests/test_layouts_random.py and reported in the README (``python -m epaper.segment_eval``).
"""
import functools
import operator

import pytest

from checks import items, parse_text
from conftest import FIXTURES
from epaper import lines, pfr, render
from epaper.read import split_pages
from epaper.segment import centred, rule_blocks, segment_pages, split_blocks


def _units(text):
    return lines.page_units(split_blocks(list(enumerate(text.split("\n"), 1))))


# (page text, the lines each unit holds)
UNITS = [
    # full lines that end no paragraph run on; a paragraph's first line stands alone (it may be a headline)
    ("一二三四五六\n七八九十甲乙\n丙丁戊己庚辛\n壬癸。\n子丑寅卯辰巳\n午未申酉戌亥\n天地。",
     [[1], [2, 3, 4], [5], [6, 7]]),
    # a sentence end stops the run; so does a blank line (a column break inside a sentence)
    ("一二三四五六\n七八九十甲。\n丙丁戊己庚辛\n\n壬癸子丑寅卯\n辰巳。", [[1], [2], [3], [5], [6]]),
    # a short line ends the run it closes
    ("一二三四五六\n七八九十甲乙\n丙丁\n戊己庚辛壬癸\n子丑寅卯辰巳\n午。", [[1], [2, 3], [4, 5, 6]]),
    # a dateline that fills its line goes on into the text under it; the end of the text's paragraph ends it
    ("本报讯（记者张明远）\n昨天，全市春耕备耕正忙。\n各地抓紧准备农资。", [[1, 2], [3]]),
    # a bracket closing a line that is no dateline ends a paragraph (an author's name in brackets)
    ("全市春耕备耕正忙。（张明远）\n各地抓紧准备农资。", [[1], [2]]),
]


@pytest.mark.parametrize("text, want", UNITS)
def test_units(text, want):
    assert [list(u.lines) for u in _units(text)] == want


# (page text, unit, the feature values of that unit: template -> value)
VALUES = [
    # a short title over a story: its own length, what it starts and ends with, its echo in the text after it
    ("春耕备耕忙\n\n本报讯 春耕备耕正忙，各地抓紧\n准备农资。", 0,
     {"n": "6", "T": "6", "nl": "1", "e": "H", "f": "H", "e2": "HH", "bb": "0", "ba": "1", "pos": "first",
      "dp": "<", "pe": "_0H", "eba": "H1", "sa": "3", "sb": "0", "kb": "text+^", "dbl": "0", "pt": "0"}),
    # a dateline opens the story; with no column width known (too few lines) each line is a unit
    ("春耕备耕忙\n\n本报讯 春耕备耕正忙，各地抓紧\n准备农资。", 1,
     {"n": "15", "nl": "1", "e": "H", "f": "H", "bb": "1", "ba": "0", "pos": "mid", "dp": "<", "pe": "H1H",
      "eba": "H0", "op": "d", "sa": "0", "cm": "，", "kb": "dateline^", "r": "?"}),
    # bold text extracted twice is read once; a closing bracket's characters are kept as they are
    ("新闻新闻（（图图））\n正文第一句话在这里。", 0, {"dbl": "1", "T": "6", "e": "R", "e2": "图）", "f": "H"}),
    # the width of the lines against the column's: full lines run on to the paragraph's short last line
    ("一二三四五六七八\n一二三四五六七八\n一二三四五六七八\n一二三。\n\n一二三四五六七八九十一二", 1,
     {"nl": "3", "r0": "full", "r": "5", "e": "E", "bb": "0", "ba": "1", "dp": "="}),
    ("一二三四五六七八\n一二三四五六七八\n一二三四五六七八\n一二三。\n\n一二三四五六七八九十一二", 2,
     {"r0": "over", "n": "12", "pos": "last", "bb": "1", "ba": "2", "pgb": "311"}),
    # an article set in a wider column after one in a narrower: the column widens where the new one starts
    ("一二三四五六七八\n一二三四五六七八\n一二三。\n甲乙丙丁戊己庚辛壬癸子丑\n甲乙丙丁戊己庚辛壬癸子丑\n甲乙。", 2,
     {"wc": ">", "gap": "-", "pw": "E0H>"}),
    ("一二三四五六七八\n一二三四五六七八\n一二三。\n甲乙丙丁戊己庚辛壬癸子丑\n甲乙丙丁戊己庚辛壬癸子丑\n甲乙。", 1,
     {"wc": "?", "e": "E", "r": "5", "er": "E50"}),
    ("一二三四五六七八\n一二三四五六七八\n一二三四五六七八\n一二三。\n一二三四五六七八\n一二三四五六七八\n一二。", 3,
     {"wc": "="}),
    # a brief signed by its author in brackets; a bracketed dateline is no author
    ("昨天全市植树一万株。（李文）\n\n另一件事。", 0, {"ta": "1", "e": "R", "ba": "1", "nx": "R1H"}),
    ("（新华社北京1月1日电）\n\n另一件事。", 0, {"ta": "0"}),
    # a brief closed by its source in brackets (2); the next unit learns it from its neighbour's value
    ("全市植树一万株。（本报专电）\n\n另一件事。", 0, {"ta": "2", "e": "R"}),
    ("全市植树一万株。（据新华社电）\n\n另一件事。", 0, {"ta": "2"}),
    ("全市植树一万株。（均据新华社）\n\n另一件事。", 0, {"ta": "2"}),
    ("全市植树一万株（一）\n\n另一件事。", 0, {"ta": "0"}),
    # half-width :;()!? read as the full-width forms the corpus prints
    ("游客在湖面滑冰。(新华社记者张三摄)\n\n另一件事。", 0, {"e": "R", "e2": "摄）"}),
    ("游客在湖面滑冰。（新华社记者张三摄）\n\n另一件事。", 0, {"e": "R", "e2": "摄）"}),
    # a paragraph's first line two characters short of the column (an indent PDF text lost), or set in spaces
    ("一二三四五六七八\n一二三四五六七八\n一二三四五六七八\n一二三。\n一二三四五六\n一二三四五六七八\n一二。", 2,
     {"gap": "2", "gi": "22", "ind": "0"}),
    ("一二三四五六七八\n一二三四五六七八\n一二三四五六七八\n一二三。\n\u3000\u3000一二三四五六\n一二三四五六七八\n一二。",
     2, {"gap": "2", "ind": "2", "bb": "0"}),
    # a tab opens a paragraph as two spaces do; one space alone is what a space-led page's first line has
    ("一二三四五六七八\n一二三四五六七八\n一二三。\n\t一二三四五六\n一二三四五六七八\n一二。", 2, {"ind": "2"}),
    ("一二三四五六七八\n一二三四五六七八\n一二三。\n 一二三四五六\n一二三四五六七八\n一二。", 2, {"ind": "1"}),
    # a title centred with spaces (text taken from a PDF's layout) is set in as no paragraph is
    ("        全县开展植树活动\n　　本报讯 昨天，全县植树\n活动在城郊举行。", 0, {"ind": "0"}),
    ("        全县开展植树活动\n　　本报讯 昨天，全县植树\n活动在城郊举行。", 1, {"ind": "2"}),
    # a list number opens an intertitle or a list item, seldom a headline
    ("2、新春走基层\n\n正文第一句话在这里。", 0, {"en": "1", "ab": "00"}),
    ("2012年新春走基层\n\n正文第一句话在这里。", 0, {"en": "0"}),
    # a paragraph that opens as a news lead does (its day or 日前 first): a brief's start, the next unit's title
    ("春耕备耕忙\n\n1月12日，全市春耕备耕正忙。", 1, {"ld": "1"}),
    ("春耕备耕忙\n\n日前，全市春耕备耕正忙。", 1, {"ld": "1"}),
    ("春耕备耕忙\n\n全市春耕备耕正忙。", 1, {"ld": "0"}),
    ("春耕备耕忙\n\n全市春耕备耕正忙，各地抓紧准备农资，保障今年粮食生产。1月12日起实行。", 1, {"ld": "0"}),
    # what the text from a paragraph or title on shares with the text before it (pairs of characters, the
    # commonest characters left out): a new subject (0), the same (3); none at a page's first unit or where the
    # text ahead holds too few pairs that are not common ("-")
    ("全市春耕备耕正忙，各地农机站抓紧检修拖拉机和播种机。\n\n港口集装箱吞吐量创下历史新高，码头装卸效率明显提升。", 1,
     {"co": "0"}),
    ("全市春耕备耕正忙，各地农机站抓紧检修拖拉机和播种机。\n\n农机站检修拖拉机和播种机的同时，春耕备耕物资也已备齐。", 1,
     {"co": "3"}),
    ("全市春耕备耕正忙，各地农机站抓紧检修拖拉机和播种机。\n\n港口集装箱吞吐量创下历史新高。", 0, {"co": "-"}),
    ("全市春耕备耕正忙，各地农机站抓紧检修拖拉机和播种机。\n\n他说，这是我们的工作。", 1, {"co": "-"}),
    ("全市春耕备耕正忙，各地农机站抓紧检修拖拉机。\n\n冬春植树造林\n\n全市植树造林活动昨天启动，荒山将种上松柏。", 1,
     {"co": "0"}),                                  # a title over another subject; its lead echoes it (3)
    ("全市春耕备耕正忙，各地农机站抓紧检修拖拉机。\n\n冬春植树造林\n\n全市植树造林活动昨天启动，荒山将种上松柏。", 2,
     {"co": "3"}),
    # a paragraph opening with a word that goes on with the text before it (the meeting, a person named before)
    ("春耕备耕忙\n\n会议强调，要抓住晴好天气。", 1, {"cn": "1"}),
    ("春耕备耕忙\n\n他说，要抓住晴好天气。", 1, {"cn": "1"}),
    ("春耕备耕忙\n\n全市春耕备耕正忙。", 1, {"cn": "0"}),
    ("全市召开春耕备耕会议。市长到会\n会议强调，要抓住晴好天气。", 1, {"cn": "0"}),      # inside a paragraph
    # an author's name alone under a title
    ("从冲突到忧患\n钱文远\n\n为纪念组织法颁布十周年。", 1, {"nm": "1", "n": "3"}),
    ("从冲突到忧患\n钱文远\n\n为纪念组织法颁布十周年。", 0, {"nm": "0"}),
    # an author's line giving the post or organisation before the name (2), not where it fills the column's
    # line: the first line of a paragraph that a narrow column broke (…企业集团和有关 / 部门…)
    ("从冲突到忧患\n中国剧协副主席张明远\n\n为纪念组织法颁布十周年，全市举行座谈\n会，与会者畅谈体会。", 1, {"nm": "2"}),
    ("从冲突到忧患\n中国剧协副主席张明远\n\n为纪念组织法颁布十周年，全市举行座谈\n会，与会者畅谈体会。", 0,
     {"nm": "0"}),
    ("为纪念组织法颁布十周年，全市\n举行座谈会，与会者畅谈体会。\n\n市第二中学李晓红\n说，今年的座谈会内容\n"
     "丰富，大家收获很多。", 2, {"nm": "2"}),
    ("为纪念组织法颁布十周年，全市\n举行座谈会，与会者畅谈体会。\n\n市第二中学李晓红老师\n说，今年的座谈会内容\n"
     "丰富，大家收获很多。", 2, {"nm": "0"}),
    ("为纪念组织法颁布十周\n年，全市举行座谈会。\n企业集团和有关部门的\n负责人参加了会议。", 2, {"nm": "0"}),
    # the echo of a title in the text further on (the eight units after it), not only in the next three
    ("春耕备耕忙\n\n甲。\n\n乙。\n\n丙。\n\n各地春耕备耕正忙。", 0, {"ab": "00", "sw": "30", "sa": "0"}),
    # a title printed twice (bold) between blank lines
    ("甲\n\n新闻新闻（（图图））\n\n正文第一句话在这里。", 1, {"dbl": "1", "hb": "111"}),
]


@pytest.mark.parametrize("text, k, want", VALUES)
def test_feature_values(text, k, want):
    values = lines.unit_values(_units(text))[k]
    assert {a: values[a] for a in want} == want
    assert set(values) == set(lines.TEMPLATES)


def test_a_title_sees_the_authors_line_under_it():
    feats = lines.features(lines.unit_values(_units("从冲突到忧患\n中国剧协副主席张明远\n\n为纪念组织法颁布十周年，全市举行"
                                                    "座谈\n会，与会者畅谈体会。")))
    assert "1nm=2" in feats[0] and "-1nm=0" in feats[1] and "-1nm=2" in feats[2]


def test_block_width_is_the_column_of_the_block():
    assert lines.block_width((9, 9, 9, 4), 14) == 9         # an article set in its own narrower column
    assert lines.block_width((9, 12, 4), 14) == 14         # no two lines agree: the page's width
    assert lines.block_width((20, 20), 14) == 14           # too few lines to tell


# (page text, layout, the labels each unit may take, whether a headline must come right before a body label)
CONSTRAINTS = [
    ("人民日报 2024年3月5日 第2版", "before", ["X"], False),
    ("本报讯（记者甲乙丙） 今天上午，县里开会。", "after", ["BS"], False),
    ("本报讯（记者甲乙丙） 今天上午，县里开会。", "before", ["BS", "B"], True),
    ("上图 志愿者在社区宣传。", "after", ["BS"], False),
    ("扫码观看视频。", "after", ["BS"], False),
    # a headline-shaped line centred with spaces (text from a PDF's layout): a title, or a page header at the top
    ("          全县开展植树活动\n　　昨天，全县植树活动在城郊举行。", "before", ["HS", "HT", "HC", "X"], False),
    ("          全县开展植树活动\n　　昨天，全县植树活动在城郊举行。", "after", ["HS", "HT", "HC", "X"], False),
    ("    全县开展植树活动\n　　昨天，全县植树活动在城郊举行。", "before", ["HS", "HT", "HC", "BS", "B"], False),
    # a column's name on a line of its own above an item's title (a kicker: 短评, 【今日谈】) is a title line
    ("短评\n让实干成为鲜明导向\n　　新的一年，实干是最好的答卷。", "before", ["HS", "HT", "HC"], False),
    ("【今日谈】\n让实干成为鲜明导向\n　　新的一年，实干是最好的答卷。", "after", ["HS", "HT", "HC"], False),
    ("短评一则\n让实干成为鲜明导向\n　　新的一年，实干是最好的答卷。", "before", ["HS", "HT", "HC", "BS", "B"], False),
]


@pytest.mark.parametrize("text, layout, labels, fresh", CONSTRAINTS)
def test_what_the_rules_impose(text, layout, labels, fresh):
    allowed, must = lines.constraints(_units(text), layout)
    assert [lab for k, lab in enumerate(lines.LABELS) if allowed[0] >> k & 1] == labels
    assert must[0] == fresh


# (page lines, the ones centred): set in by six columns or more (a full-width space counts two); none where most
# of the page is set in so (a shifted page), nor a paragraph's indent
CENTRED = [
    (["          市委召开会议", "　　本报讯 会议指出，要抓好落实。", "各地抓好落实。"], [1]),
    (["　　　市委召开会议", "　　会议指出，要抓好落实。", "各地抓好落实。"], [1]),
    (["    市委召开会议", "　　会议指出，要抓好落实。", "各地抓好落实。"], []),
    (["          市委召开会议", "          会议指出，要抓好落实。", "各地抓好落实。"], []),
    (["市委召开会议", "", "          "], []),
]


@pytest.mark.parametrize("page, want", CENTRED)
def test_centred_lines(page, want):
    assert sorted(centred(list(enumerate(page, 1)))) == want


# (page text, the unit after a photo credit or a caption, whether it may continue the text before it): after
# a credit it may (the next photo of a numbered series, 1、…（摄）2、…, or an article's text around its photo),
# after a caption that ends a sentence (上图…。) it may not; no title runs on across either
AFTER_PHOTO = [
    ("1、县城新修的广场。\n（本报记者赵小明摄）\n2、群众在广场上跳舞。\n（本报记者赵小明摄）", 2, True),
    ("县城新貌。\n\n本报记者 赵小明 摄\n\n群众在广场上跳舞", 2, True),
    ("上图 志愿者在社区宣传。\n\n群众在广场上跳舞", 1, False),
]


@pytest.mark.parametrize("text, k, may", AFTER_PHOTO)
def test_what_may_follow_a_photo(text, k, may):
    units = _units(text)
    allowed = lines.constraints(units, "after")[0][k]
    assert bool(allowed >> lines.LABELS.index("B") & 1) == may
    assert not allowed >> lines.LABELS.index("HC") & 1


# (page text, layout, the unit, the labels it may take): a unit that closes a bracket the unit before it left
# open continues it, whatever else it looks like (a column break or a blank line cut a credit or a title)
CLOSING = [
    ("县城新貌。（本报记者赵小\n\n明摄）\n\n群众在广场上跳舞。", "before", 1, ["HC", "B"]),
    ("县城新貌。（本报记者赵小\n\n明摄）\n\n群众在广场上跳舞。", "after", 1, ["HC", "B"]),
    ("全县开展植树活动（附图\n\n片1张）\n\n本报讯 今天，县里开会。", "before", 1, ["HC", "B"]),
    ("县城新貌（本报记者赵小明摄）\n\n（附图片1张）\n\n群众在广场上跳舞。", "before", 1, ["HS", "HT", "HC", "BS", "B"]),
    ("县城新貌。（本报记者赵小\n\n明摄）\n\n群众在广场上跳舞。", "before", 2, ["BS", "B"]),   # the next one may open an item
]


@pytest.mark.parametrize("text, layout, k, labels", CLOSING)
def test_a_unit_closing_the_bracket_before_it_continues_it(text, layout, k, labels):
    allowed, must = lines.constraints(_units(text), layout)
    assert [lab for j, lab in enumerate(lines.LABELS) if allowed[k] >> j & 1] == labels
    assert not must[k] or len(labels) > 2


def test_the_constraints_name_the_rules_they_apply():
    text = "第3版\n\n全县开展植树活动\n\n本报讯（记者甲乙丙） 今天上午，县里开会。\n（本报记者赵小\n\n明摄）"
    rules: list = []
    allowed, fresh = lines.constraints(_units(text), "before", rules=rules)
    assert [[r[0] for r in unit] for unit in rules] == [
        ["a page header is X"],
        [],                                                 # the title under the page header: nothing
        ["an opening (d) starts an item", "below the top: no X", "a full stop: no title"],
        ["below the top: no X"],
        ["below the top: no X", "closing a bracket left open: goes on"],
    ]
    every = (1 << len(lines.LABELS)) - 1
    for unit, m, f in zip(rules, allowed, fresh):          # what a unit may be: what all its rules allow
        assert m == functools.reduce(operator.and_, [r[1] for r in unit], every)
        assert f == any(r[2] for r in unit)


# (page text, layout, the labels the first unit may take, whether a headline must come right before a body
# label there): a caption's block (text a photo credit closes) may begin with a title: the item's own where
# titles come first, the item before's where they follow their items; where titles come first, a caption may
# also continue an article's text (a photo inside it)
CAPTIONS = [
    ("全县开展植树活动\n群众在新建的广场上跳舞。\n（本报记者赵小明摄）", "after", ["HT", "BS"], False),
    ("全县开展植树活动\n群众在新建的广场上跳舞。\n（本报记者赵小明摄）", "before", ["HS", "BS", "B"], False),
    # a dateline still opens an item
    ("本报讯（记者甲乙丙） 今天上午，县里开会。\n（本报记者赵小明摄）", "after", ["BS"], False),
]


@pytest.mark.parametrize("text, layout, labels, fresh", CAPTIONS)
def test_what_a_caption_may_be(text, layout, labels, fresh):
    units = _units(text)
    allowed, must = lines.constraints(units, layout)
    assert [lab for k, lab in enumerate(lines.LABELS) if allowed[0] >> k & 1] == labels
    assert must[0] == fresh


# (text, the list number it opens with: its style and value)
LIST_NUMBERS = [
    ("2、新春走基层", ("d、", 2)), ("12.全市开展植树活动", ("d.", 12)), ("十一、节日市场", ("c", 11)),
    ("二十、节日市场", ("c", 20)), ("（三）节日市场", ("p", 3)), ("(4)节日市场", ("p", 4)), ("⑤节日市场", ("o", 5)),
    ("2012年新春走基层", None), ("1.5亿元投向农村", None), ("十一五规划", None), ("（附图片2张）", None),
    ("全市开展植树活动", None),
]


@pytest.mark.parametrize("text, want", LIST_NUMBERS)
def test_list_numbers_are_read_with_their_style(text, want):
    assert lines.list_number(text) == want


# (page text, layout, the labels each caption may take; captions holding a full stop, so no title): where
# headlines follow their items, a caption whose number goes on the numbered photo series before it
# (1、…（摄） / 2、…（摄）) may go on that item, not another number, nor a number in another style
SERIES = [
    ("1、群众在新建的广场上跳舞。（本报记者赵小明摄）\n\n2、农民在田间忙着春耕。（本报记者赵小明摄）", "after",
     [["BS"], ["BS", "B"]]),
    ("一、群众在新建的广场上跳舞。（本报记者赵小明摄）\n\n二、农民在田间忙着春耕。（本报记者赵小明摄）", "after",
     [["BS"], ["BS", "B"]]),
    ("1、群众在新建的广场上跳舞。（本报记者赵小明摄）\n\n3、农民在田间忙着春耕。（本报记者赵小明摄）", "after",
     [["BS"], ["BS"]]),
    ("（一）群众在新建的广场上跳舞。（本报记者赵小明摄）\n\n2、农民在田间忙着春耕。（本报记者赵小明摄）", "after",
     [["BS"], ["BS"]]),
    ("群众在新建的广场上跳舞。（本报记者赵小明摄）\n\n农民在田间忙着春耕。（本报记者赵小明摄）", "after",
     [["BS"], ["BS"]]),
    ("1、群众在新建的广场上跳舞。（本报记者赵小明摄）\n\n2、农民在田间忙着春耕。（本报记者赵小明摄）", "before",
     [["BS", "B"], ["BS", "B"]]),
]


@pytest.mark.parametrize("text, layout, labels", SERIES)
def test_a_numbered_photo_series_may_go_on(text, layout, labels):
    allowed, _ = lines.constraints(_units(text), layout)
    assert [[lab for k, lab in enumerate(lines.LABELS) if m >> k & 1] for m in allowed] == labels


def test_no_headline_holds_a_full_stop_and_a_credit_closes_its_caption():
    units = _units("县城新貌。\n\n本报记者 赵小明 摄\n\n群众在广场上跳舞")
    allowed, _ = lines.constraints(units, "after")
    names = [[lab for k, lab in enumerate(lines.LABELS) if m >> k & 1] for m in allowed]
    assert names[0] == ["BS"]                                # a caption followed by a photo credit opens an item
    assert names[1] == ["B"]                                 # the credit belongs to it
    assert "HC" not in names[2]                              # and no title runs on after the credit
    plain = lines.constraints(_units("一句话。"), "after")[0][0]
    assert not any(plain >> lines.LABELS.index(lab) & 1 for lab in ("HS", "HT", "HC"))


def test_a_title_between_an_article_end_and_a_dateline():
    text = "会议要求各地抓好落实。\n\n县里召开春耕生产会议\n\n本报讯 今天，县里召开春耕生产会议。"
    after = lines.constraints(_units(text), "after")[0][1]
    before = lines.constraints(_units(text), "before")[0][1]
    assert after == 1 << lines.LABELS.index("HT")
    assert before == sum(1 << lines.LABELS.index(lab) for lab in ("HS", "HT", "HC"))


@pytest.fixture(scope="module")
def excerpt():
    return pfr.read_pfr(FIXTURES / "pd_excerpt.txt")


def test_the_compiled_labeller_gives_python_crfsuites_labels(excerpt):
    fast, reference = lines.Labeller(), lines.CrfsuiteLabeller()
    compared = unspaced = 0
    for k, (_, issue) in enumerate(excerpt.groupby("issue_id")):
        for family in render.FAMILIES:
            text = render.render_issue_random(issue, family, seed=k)
            if k % 2:                               # pages without blank lines: their own models
                text = render.without_blanks(text, [])[0]
            pages_blocks, layout, _ = rule_blocks(split_pages(text))
            got = fast.label_issue(pages_blocks, layout, constrained=False)
            assert got == reference.label_issue(pages_blocks, layout)
            compared += sum(map(len, got))
            unspaced += sum(map(len, (g for g, u in zip(got, lines.unspaced(pages_blocks)) if u)))
    assert compared > 1000 and unspaced > 300, (compared, unspaced)


def test_an_issues_features_are_each_pages_own(excerpt):
    """Computed for every page of an issue at once, each unit's values are those of its page alone: nothing
    (neighbours, echoes, column widths, how often a page puts blank lines after paragraphs) crosses a page."""
    import numpy as np

    units = []                                          # pages of the excerpt in every layout family, one issue
    for k, (_, issue) in enumerate(excerpt.groupby("issue_id")):
        for family in render.FAMILIES:
            pages_blocks, _, _ = rule_blocks(split_pages(render.render_issue_random(issue, family, seed=k)))
            units += [lines.page_units(blocks) for blocks in pages_blocks]
    assert sum(1 for us in units if us) >= 4
    together = lines.issue_columns(units)
    alone = [lines.unit_columns(us) for us in units if us]
    for a in lines.TEMPLATES:
        want = [v for c in alone for v in (c[a].tolist() if a in lines.VALUES else c[a])]
        assert (np.asarray(together[a]).tolist() if a in lines.VALUES else together[a]) == want, a
    assert len(want) > 1000


def test_without_the_model_the_rules_segment(monkeypatch):
    pages = split_pages("县里召开春耕生产会议\n\n本报讯 今天，县里召开春耕生产会议。\n")
    monkeypatch.setitem(lines._OVERRIDE, "model", None)
    rows, evidence = segment_pages(pages)
    assert evidence["segmentation"] == "rules" and rows[0]["headline"] == "县里召开春耕生产会议"
    monkeypatch.delitem(lines._OVERRIDE, "model")
    rows, evidence = segment_pages(pages)
    assert evidence["segmentation"] == "line labeller" and rows[0]["headline"] == "县里召开春耕生产会议"
    monkeypatch.setenv("EPAPER_SEGMENTATION", "rules")                  # the researcher's choice of speed
    assert segment_pages(pages)[1]["segmentation"] == "rules"


# (issue text, expected (headline, first characters of the body) of each item): layouts the sample does not show
ISSUES = [
    # headlines after their articles, no blank line between an article's end and the next headline
    ("本报讯 今天上午，县政府召开常务会议，研究\n部署春耕生产工作。会议要求各乡镇抓好落实。\n"
     "县政府召开常务会议\n\n本报讯 昨天，全县植树活动在城郊举行，干部\n群众一千余人参加。\n全县开展植树活动\n",
     [("县政府召开常务会议", "今天上午"), ("全县开展植树活动", "昨天")]),
    # headlines before, a kicker above the headline, paragraphs of one line each (text copied from a web page)
    ("要闻\n\n聚焦春耕生产\n县政府召开常务会议\n\n本报讯 今天上午，县政府召开常务会议，研究部署春耕生产工作。\n"
     "会议要求各乡镇抓好落实。\n\n全县开展植树活动\n\n本报讯 昨天，全县植树活动在城郊举行。\n",
     [("聚焦春耕生产", "今天上午"), ("全县开展植树活动", "昨天")]),
    # titles centred with spaces, paragraphs indented, no blank lines (text taken from a PDF's layout)
    ("          全县召开春耕生产会议\n　　本报讯 今天上午，县政府召开常务会议，研究\n部署春耕生产工作。\n"
     "　　会议要求各乡镇抓好落实。\n            全县开展植树活动\n　　昨天，全县植树活动在城郊举行，干部群众\n"
     "一千余人参加。\n",
     [("全县召开春耕生产会议", "今天上午"), ("全县开展植树活动", "昨天")]),
    # a centred title after text that stops without a sentence end (an editor's note signed ———编者)
    ("　　本报讯 今天，县里召开会议，部署春耕生产工\n作。会议要求各乡镇抓好落实，确保春耕———编者\n"
     "            全县开展植树活动\n　　本报讯 昨天，全县植树活动在城郊举行，干部\n群众一千余人参加。\n",
     [(None, "今天"), ("全县开展植树活动", "昨天")]),
    # a commentary under its column's name after a photo whose credit has no brackets
    ("春耕备耕忙\n　　近日，城南区农民在田间忙着春耕备耕。　　记者 王强 摄\n\n短评\n让实干成为鲜明导向\n"
     "　　钟声\n　　新的一年，实干是最好的答卷。各级干部要把心思用在干事创业上。\n",
     [("春耕备耕忙", "近日"), ("短评", "钟声")]),
    # a photo credit without brackets, wrapped by a narrow column (某某 / 摄) or closing its caption, then the next
    # item's title with no blank line before it
    ("湖面冰帆竞速忙\n　　近日，游客在北湖公园冰面上体验冰\n帆运动，感受冰雪乐趣。\n　　新华社记者宋振东\n摄\n"
     "全县开展植树活动\n本报讯 近日，全县开展植树活动，干部群众共植树两万余株。\n",
     [("湖面冰帆竞速忙", "近日"), ("全县开展植树活动", "近日")]),
    ("湖面冰帆竞速忙\n　　近日，游客在北湖公园冰面上体验冰帆运动。　　新华社记者宋振东 摄\n"
     "全县开展植树活动\n本报讯 近日，全县开展植树活动，干部群众共植树两万余株。\n",
     [("湖面冰帆竞速忙", "近日"), ("全县开展植树活动", "近日")]),
    # headlines after: a page opening with an article's first paragraph, one short exclamation, is no page title
    ("本报讯 今天上午，县政府召开常务会议，研究\n部署春耕生产工作。会议要求各乡镇抓好落实，\n确保春耕生产顺利进行。\n\n"
     "县政府召开常务会议\n\n本报讯 昨天，全县植树活动在城郊举行，干部\n群众一千余人参加。\n\n全县开展植树活动\n"
     "\f　　春天来了！\n\n　　又是一年春耕时。田野里，农民们忙着翻地、\n播种，处处是一派繁忙景象。记者走访了几个乡\n"
     "镇，看到的是干部群众干劲十足。\n\n　　一位老农说，今年的种子好，肥料足，收成\n一定错不了。\n\n春到田间\n\n张明远\n",
     [("县政府召开常务会议", "今天上午"), ("全县开展植树活动", "昨天"), ("春到田间", "春天来了！")]),
    # a photo caption with its credit stands apart from the article after it
    ("上图 群众在广场上跳舞。\n本报记者 赵小明 摄\n\n本报讯 今天上午，县政府召开常务会议，研究\n部署春耕生产工作。\n"
     "县政府召开常务会议\n",
     [(None, "上图"), ("县政府召开常务会议", "今天上午")]),
]


@pytest.mark.parametrize("text, want", ISSUES)
def test_issues_in_other_layouts(tmp_path, text, want):
    it = items(parse_text(tmp_path, text))
    got = [(h if isinstance(h, str) else None, b[:len(w)]) for (h, b), (_, w) in zip(zip(it.headline, it.body), want)]
    assert len(it) == len(want) and got == want


def test_training_writes_models_that_label(tmp_path):
    out = {k: tmp_path / f"{k}.crfsuite" for k in lines.MODELS}          # the layouts' and the unspaced pages'
    lines.train(FIXTURES / "pd_excerpt.txt", out=out, days=("19980101", "19991231"), seeds=(0,), iterations=20)
    assert all(p.stat().st_size > 1000 for p in out.values())
    labeller = lines.Labeller(out)
    for text in ("县里召开春耕生产会议\n\n本报讯 今天，县里开会。\n", "县里召开春耕生产会议\n本报讯 今天，县里开会。\n"):
        pages_blocks, layout, _ = rule_blocks(split_pages(text))
        labels = labeller.label_issue(pages_blocks, layout)[0]
        assert labels[min(labels)] in ("HS", "X") and labels[max(labels)] in ("BS", "B"), labels
        assert set(labels.values()) <= set(lines.LABELS)



def test_rendered_labels_mark_every_item_a_paper_prints(excerpt):
    """The training labels: a story after the first under one headline starts an item (BS) on its own first
    line, also when a caption is printed before the text; the headline starts the article (before)."""
    row = excerpt.iloc[[0]].assign(
        headline="县城新貌（图片）", subheadline="群众在新建的广场上跳舞。（赵小明摄）", dateline=None, byline=None,
        body="县城今年新修了三条道路。\n新华社某地1月1日电 另一座城市也在修路，工程进展顺利。")
    text, labels = render.render_issue_labelled(row, "before, form feeds", seed=3, page_headers=0.0)
    printed = text.split("\n")
    assert len(labels) == len(printed)
    starts = [printed[k] for k, lab in enumerate(labels) if lab in ("HS", "BS")]
    assert len(starts) == 2 and starts[0].startswith("县城") and starts[1].lstrip("\u3000").startswith("新华")
    assert render.several_items(next(row.itertuples(index=False)))


UNSPACED_PAGE = ("全市春耕生产有序\n本报讯 昨天，全市召开春耕生产\n会议，部署春耕工作。\n"
                 "县里开展植树活动\n本报讯 近日，全县开展植树活动，\n干部群众共植树两万余株。\n") * 4


def test_pages_without_blank_lines_have_models_of_their_own(monkeypatch, tmp_path):
    pages_blocks, layout, _ = rule_blocks(split_pages(UNSPACED_PAGE))
    assert lines.unspaced(pages_blocks) == [True] and lines.unspaced(
        rule_blocks(split_pages(UNSPACED_PAGE.replace("。\n县", "。\n\n县")))[0]) == [False]
    full = lines.Labeller()
    assert layout + lines.UNSPACED in full.models
    # without their files such pages are labelled by their layout's model, and the parse goes on
    monkeypatch.setattr(lines, "MODELS", {k: (tmp_path / "none.crfsuite" if k.endswith(lines.UNSPACED) else p)
                                          for k, p in lines.MODELS.items()})
    monkeypatch.setattr(lines, "_LABELLER", [])
    plain = lines.labeller()
    assert plain is not None and set(plain.models) == {"before", "after"}
    it = items(parse_text(tmp_path, UNSPACED_PAGE))
    assert list(it.headline) == ["全市春耕生产有序", "县里开展植树活动"] * 4
