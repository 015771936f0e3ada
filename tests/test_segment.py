"""Segmentation, table-driven: small issues in several layouts -> expected rows.

Names and places here are invented; every case also proves that no character
of its input was lost or duplicated (``parse_checked``).
"""
import pandas as pd
import pytest

import helpers
from epaper import bylines

from checks import items, parse_text

BEFORE = """要闻

市政府召开全市安全生产工作会议

压实责任守牢底线

本报讯（记者张明远 通讯员李芳） 3月5日上午，市政府召开全市安全生产工
作会议。市长李国华出席会议并讲话，副市长赵红梅主持会议。

会议要求，各地各部门要压实安全生产责任，守牢安全底线。

全市春耕备耕工作有序推进

本报讯（记者王国庆） 3月6日，记者从市农业农村局获悉，全市春耕备耕工作
有序推进，各类农资储备充足。

新华社北京3月6日电（记者陈晨）国务院新闻办公室今天举行新闻发布会。
"""


def test_headline_before_layout(tmp_path):
    df = parse_text(tmp_path, BEFORE)
    it = items(df)
    assert (df.layout == "before").all()
    assert list(it.kind) == ["news", "news", "news"]
    assert list(it.headline.fillna("-")) == ["市政府召开全市安全生产工作会议", "全市春耕备耕工作有序推进", "-"]
    assert list(it.subheadline.fillna("-")) == ["压实责任守牢底线", "-", "-"]
    assert [list(x) for x in it.reporters] == [["张明远"], ["王国庆"], ["陈晨"]]
    assert [list(x) for x in it.correspondents] == [["李芳"], [], []]
    assert it.body.iloc[0].startswith("3月5日上午，市政府召开全市安全生产工作会议。")
    assert it.body.iloc[0].split("\n")[1].startswith("会议要求")
    assert set(df.page_title) == {"要闻"}
    assert list(df.kind)[0] == "page_title"


@pytest.mark.parametrize("header", ["", "滨江日报 2023年3月7日 第2版\n"])
@pytest.mark.parametrize("page_title, headline", [
    ("要闻", "全市春耕备耕工作有序推进"),
    ("", "全市春耕备耕工作有序推进"),
])
def test_a_page_title_over_a_headline_without_a_blank_line(tmp_path, header, page_title, headline):
    """The page's title (``page_titles.txt``) on the line right over the first headline is the page's, not
    the headline's."""
    text = (header + (page_title + "\n" if page_title else "") + "全市春耕备耕\n工作有序推\n进\n"
            "本报讯（记者王国庆） 3月6日，全市春耕备耕\n工作有序推进，各类农资储备充足。\n"
            "全县开展植树活动\n本报讯 近日，全县开展植树活动，干部\n群众共植树两万余株。\n")
    df = parse_text(tmp_path, text)
    it = items(df)
    assert list(it.headline) == [headline, "全县开展植树活动"]
    want = {"要闻"} if page_title == "要闻" else set()
    assert set(df.headline[df.kind == "page_title"]) == want


@pytest.mark.parametrize("title", ["全县开展植树活动\n", ""])
@pytest.mark.parametrize("indent", ["", "　　"])
def test_a_dateline_alone_on_its_line_opens_the_text_under_it(tmp_path, indent, title):
    """A dateline that fills its line (本报讯（记者某某）, the closing bracket at the line's end) and the
    text on the lines under it, with no blank line, are one item."""
    text = ("全市春耕备耕工作有序推进\n本报讯（记者王国庆）\n" + indent + "3月6日，全市春耕备耕工作有\n"
            "序推进，各类农资储备充足，全市\n农机具检修工作基本完成。\n" + title + "本报讯（记者张明远）\n"
            + indent + "近日，全县开展植树活动，干部群众\n共植树两万余株，成活率达九成。\n")
    it = items(parse_text(tmp_path, text))
    assert list(it.headline.fillna("")) == ["全市春耕备耕工作有序推进", title.strip()]
    assert list(it.dateline) == ["本报讯（记者王国庆）", "本报讯（记者张明远）"]
    assert [b.replace("\n", "") for b in it.body] == ["3月6日，全市春耕备耕工作有序推进，各类农资储备充足，全市农机具检修工作基本完成。",
                                                      "近日，全县开展植树活动，干部群众共植树两万余株，成活率达九成。"]


AFTER = """ 本报讯（记者张明远） 3月5日上午，
市政府召开全市安全生产工作会
议。市长李国华出席会议并讲话，
副市长赵红梅主持会议。

会议要求，各地各部门要压实安全生
产责任，守牢安全底线。

市政府召开全市安全生产工作会议

本报讯（记者王国庆 通讯员孙
丽） 3月6日，全市春耕备耕工作有
序推进，各类农资储备充足。

3月6日，工人在车间组装发动机。
本报记者 周 强
摄

 ➡志愿者为群众讲解防疫知识。

上图 志愿者在社区宣传。

本报讯（记者王国庆） 近日，全市志愿服务活动
在各社区开展，志愿者们为居民
提供各类服务。

全市志愿服务活动深入社区

扫码观看志愿服务视频。

（本版照片均为本报记者王丽摄）

志愿服务 温暖人心
"""


def test_headline_after_layout_with_photos_notes_and_page_text(tmp_path):
    df = parse_text(tmp_path, AFTER, name="某某日报_2023-03-07.txt")
    it = items(df)
    assert (df.layout == "after").all()
    assert list(it.kind) == ["news", "news", "photo", "photo", "photo", "news", "caption"]
    assert list(it.page) == [1, 1, 1, 2, 2, 2, 2]
    assert list(it.headline.fillna("-")) == ["市政府召开全市安全生产工作会议", "-", "-", "-", "-",
                                             "全市志愿服务活动深入社区", "-"]
    assert [list(x) for x in it.photographers] == [[], [], ["周强"], ["王丽"], ["王丽"], [], []]
    assert [list(x) for x in it.correspondents] == [[], ["孙丽"], [], [], [], [], []]
    assert [None if pd.isna(d) else d.day for d in it.event_date] == [5, 6, 6, None, None, None, None]
    assert it.credit.iloc[2] == "本报记者周强摄"
    titles = df[df.kind == "page_title"]
    assert list(titles.headline) == ["志愿服务温暖人心"] and titles.page.iloc[0] == 2
    assert (df.kind == "credit").sum() == 1


def test_column_break_inside_sentence_is_joined(tmp_path):
    text = ("本报讯（记者张明远） 3月5日，全市召开会议，要求各地抓实抓细安全生产\n\n"
            "各项工作，确保大局稳定。\n\n全市召开安全生产会议\n")
    df = parse_text(tmp_path, text)
    it = items(df)
    assert len(it) == 1
    assert "安全生产各项工作" in it.body.iloc[0]
    assert it.headline.iloc[0] == "全市召开安全生产会议"


def test_doubled_bold_headline_is_restored(tmp_path):
    text = ("本报讯（记者王国庆） 近日，市青年志愿者协会成立“邻里帮帮团”，为居民服务。\n\n"
            "市青年志愿者协会市青年志愿者协会““邻里帮帮团邻里帮帮团””成立成立\n")
    df = parse_text(tmp_path, text)
    it = items(df)
    assert it.headline.iloc[0] == "市青年志愿者协会“邻里帮帮团”成立"
    assert it.headline_raw.iloc[0].startswith("市青年志愿者协会市青年志愿者协会")


FEATURE = """一线见闻

本报记者 韦 明

“请戴好口罩，扫码后进入。”近日，在市区各大商超门口，志愿者耐心劝导顾客。

守好城市大门

志愿者身着红马甲，分散在各个入口。每天早上七点，志愿者就来到岗位。

“我感觉非常光荣。”志愿者刘小雨告诉记者。（毋鹏）

市区商户积极配合

本报讯（记者张明远） 3月8日，市区商户积极配合疫情防控工作。
"""


def test_byline_feature_intertitle_and_trailing_author(tmp_path):
    df = parse_text(tmp_path, FEATURE)
    it = items(df)
    assert list(it.kind) == ["feature", "news"]
    assert list(it.headline) == ["一线见闻", "市区商户积极配合"]
    feat = it.iloc[0]
    assert feat.headline == "一线见闻"
    assert list(feat.reporters) == ["韦明", "毋鹏"]
    assert "守好城市大门" in feat.body and feat.body.endswith("告诉记者。")
    assert "（毋鹏）" in feat.byline


def test_people_daily_datelines(tmp_path):
    text = ("外交部长会见来宾\n\n本报北京1月4日讯 记者王伟报道：外交部长今天在北京会见了来宾。\n\n"
            "国务院召开常务会议\n\n新华社北京1月4日电 （记者李海涛、陈雁） 国务院今天召开常务会议。\n")
    df = parse_text(tmp_path, text, date="1998-01-05")
    it = items(df)
    assert list(it.headline) == ["外交部长会见来宾", "国务院召开常务会议"]
    assert [list(x) for x in it.reporters] == [["王伟"], ["李海涛", "陈雁"]]
    assert [str(d.date()) for d in it.event_date] == ["1998-01-04", "1998-01-04"]
    assert list(it.dateline) == ["本报北京1月4日讯记者王伟报道：", "新华社北京1月4日电（记者李海涛、陈雁）"]


def test_event_dates_year_and_vague_words(tmp_path):
    text = ("本报讯（记者张明远） 12月30日，市里召开年终总结会议。\n\n年终总结会议召开\n\n"
            "本报讯（记者张明远） 近日，今年以来全市经济稳中向好。\n\n全市经济稳中向好\n\n"
            "本报讯（记者张明远） 2022年12月1日，新馆开馆。\n\n新馆开馆\n")
    df = parse_text(tmp_path, text, date="2023-01-02")
    it = items(df)
    got = [None if pd.isna(d) else str(d.date()) for d in it.event_date]
    assert got == ["2022-12-30", None, "2022-12-01"]


NARROW = [      # a narrow column, no blank lines: a dateline broken over lines still opens the item
    ("新华社北京一月", "十七日电（记者", "王黎）会议开幕。"),
    ("本报南昌3月", "5日讯（记者刘", "芳）会议开幕。"),
    ("本报", "讯（记者张明远）", "会议开幕。"),
]


@pytest.mark.parametrize("dateline", NARROW)
def test_a_dateline_broken_over_narrow_lines_opens_an_item(tmp_path, dateline):
    first = "本报讯（记者王国庆）\n昨天，全市召开\n春耕生产会议。\n"
    df = parse_text(tmp_path, first + "\n".join(dateline) + "\n")
    it = items(df)
    assert [b[:4] for b in it.dateline] == ["本报讯（", "".join(dateline)[:4]]
    assert list(it.body) == ["昨天，全市召开春耕生产会议。", "会议开幕。"]


@pytest.mark.parametrize("lines, starts", [
    (("新华社北京一月", "十七日电（记者"), True),
    (("新华社北京一月", "", "十七日电（记者"), False),              # a blank line ends the look
    (("新华社记者在现", "场看到，群众"), False),                    # 新华社 in the text, not a dateline
    (("本报记者近日在", "各地采访时看"), False),
    (("本报北京1月", "份的工业产值"), False),                      # a month, not a date
])
def test_starts_block_reads_a_dateline_over_the_lines_that_follow(lines, starts):
    from epaper.segment import starts_block
    assert starts_block(lines[0], lines[1:]) is starts


@pytest.mark.parametrize("source", ["（据\n新华社电）", "（\n本报专电）", "（据新\n华社电）"])
def test_a_source_in_brackets_broken_over_lines_stays_in_its_item(tmp_path, source):
    text = ("全市春耕生产有序\n\n本报讯 昨天，全市\n召开春耕生产会\n议，部署工作。" + source +
            "\n　　会议要求，各地\n要抓好落实。\n\n新区建设全面开工\n\n本报讯 今天，新区\n建设全面开工。\n")
    it = items(parse_text(tmp_path, text))
    assert list(it.headline) == ["全市春耕生产有序", "新区建设全面开工"]
    assert it.body.iloc[0] == "昨天，全市召开春耕生产会议，部署工作。" + source.replace("\n", "") + "\n会议要求，各地要抓好落实。"


def test_a_datelines_reporters_on_the_next_line_are_its_own(tmp_path):
    text = ("全市春耕生产有序\n\n本报南昌3月5日电新华社\n记者刘明远、本报记者王芳\n报道：全市春耕生产有序推\n"
            "进，各地抓紧准备农资。\n")
    it = items(parse_text(tmp_path, text))
    assert it[["headline", "dateline", "body"]].values.tolist() == [
        ["全市春耕生产有序", "本报南昌3月5日电新华社记者刘明远、本报记者王芳报道：", "全市春耕生产有序推进，各地抓紧准备农资。"]]
    assert list(it.reporters.iloc[0]) == ["刘明远", "王芳"]


# (a block's text, whether it is the page's editors' credits: page-level text, not an item)
EDITORS = [
    ("责任编辑：张明远 美术编辑：李小红", True),
    ("（本版编辑：王建华）", True),
    ("编辑 赵丽娟 校对 陈志强、刘晓燕", True),
    ("责编：张明远", True),
    ("本版责任编辑：张明远  美术编辑：李小红", True),
    ("值班编辑 王建华 审读 赵丽娟", True),
    ("【责任编辑：张明远】", True),                   # in square brackets, as web copies print them
    ("[编辑：张明远]", True),
    ("监制：王建华 审核：赵丽娟", True),               # a media centre's credits
    ("编审：王建华", True),
    ("统筹：王建华 策划：赵丽娟", True),
    ("审读报告显示，今年全市经济运行平稳。", False),
    ("监制假冒伪劣产品的窝点被查处。", False),
    ("审核制度改革", False),                         # titles that open with such a word
    ("统筹推进城乡一体化发展", False),
    ("编辑部的故事", False),
    ("【校对工作无小事】", False),
    ("编辑部召开会议，研究工作。", False),
    ("责任编辑要对稿件负责。", False),
    ("编辑同志：", False),
]


# (a block's text, whether it is a page's header or footer line): a page, a date with its weekday, a paper's or
# section's name, in any order; a page number as a footer; not a title that names a page among its words
PAGE_LINES = [
    ("第3版：要闻", True),
    ("2024年3月5日 星期二", True),
    ("滨江日报·要闻 第三版", True),
    ("A3 要闻 2024.03.05", True),
    ("2024年3月5日\u3000第03版\u3000国内新闻", True),
    ("- 3 -", True),
    ("第 3 页", True),
    ("2024年3月7日 星期四 农历甲辰年正月廿七 今日8版 第12345期", True),     # a front page's masthead
    ("国内统一连续出版物号 CN41-0012  邮发代号 35-12", True),
    ("中共滨江市委机关报", True),
    ("2\u3000\u3000综合新闻\u3000\u30002024年3月9日\u3000星期六\u3000\u3000责任编辑：吴芳", True),   # and its editors
    ("会议指出，责任编辑：吴芳", False),
    ("滨江日报是中共滨江市委机关报。", False),
    ("第12345期", False),
    ("农历正月十五是元宵节", False),
    ("2024年3月5日", False),                   # a date alone: a notice's date, say
    ("全县第3版宣传册印发", False),
    ("3", False),
    ("（三）", False),
]


@pytest.mark.parametrize("line, closes", [
    ("近日，游客在湖面滑冰。　　新华社记者张三 摄", True),    # a credit without brackets closes its caption
    ("近日，游客在湖面滑冰。（新华社记者张三摄）", True),
    ("近日，游客在湖面滑冰。", True),
    ("游客在景区拍摄", False),
    ("近日，游客在湖面", False),
])
def test_what_closes_a_paragraph(line, closes):
    from epaper import lines
    from epaper.segment import _closes
    assert _closes(line) == closes and lines._closes_at(line, 0, len(line)) == closes


@pytest.mark.parametrize("text, header", PAGE_LINES)
def test_page_header_and_footer_lines(text, header):
    from epaper.segment import classify, make_block
    assert (classify(make_block([(1, text)])).kind == "page_header") == header


@pytest.mark.parametrize("text, editors", EDITORS)
def test_editor_credits_are_the_pages(text, editors):
    from epaper.segment import classify, make_block
    assert (classify(make_block([(1, text)])).kind == "page_header") == editors


@pytest.mark.parametrize("segmentation", ["", "rules"])
def test_an_editor_line_closing_a_page_is_no_item(tmp_path, monkeypatch, segmentation):
    monkeypatch.setenv("EPAPER_SEGMENTATION", segmentation)
    text = BEFORE + "\n责任编辑：张明远 美术编辑：李小红\n"
    df = parse_text(tmp_path, text)
    assert df.kind.iloc[-1] == "page_header" and df.body.iloc[-1] == "责任编辑：张明远美术编辑：李小红"
    assert items(df).body.iloc[-1] == "国务院新闻办公室今天举行新闻发布会。"
    assert not helpers.extract_people(df).name.isin(["张明远", "李小红"]).any()


COLUMN = ("全县召开春耕生产会议\n本报讯 今天上午，县政府召开常务会\n议，研究部署春耕生产工作。会议要求\n"
          "各乡镇抓好落实，确保春耕生产顺利进\n行。\n全县开展植树活动\n本报讯 昨天，全县植树活动在城郊举\n"
          "行，干部群众一千余人参加。县领导和\n大家一起挥锹铲土，培土浇水。\n")


@pytest.mark.parametrize("text", [BEFORE, COLUMN], ids=["blank lines", "none"])
def test_double_spaced_text_reads_as_printed(tmp_path, text):
    # a line end doubled (CR CR LF, as text converted twice has): a blank line after every line
    single = items(parse_text(tmp_path, text, name="a.txt"))
    double = items(parse_text(tmp_path, text.replace("\n", "\r\r\n"), name="b.txt"))
    cols = ["headline", "subheadline", "dateline", "body"]
    assert len(single) >= 2 and double[cols].fillna("-").values.tolist() == single[cols].fillna("-").values.tolist()
    assert list(double.start_line) == [2 * n - 1 for n in single.start_line]      # the file's own lines
    assert list(double.end_line) == [2 * n - 1 for n in single.end_line]


@pytest.mark.parametrize("title", ["湖面冰帆竞速忙", "湖面冰帆竞速忙（图片）"])
def test_a_photo_under_its_own_title_with_no_blank_line_between_is_an_item_with_that_headline(tmp_path, title):
    text = ("本报讯（记者何丽）3月4日下午，全市优化营商环境大会召开。副市长许文涛主持。\n"
            "会上，市发改委、市行政审批局作了交流发言。\n\n"
            f"{title}\n近日，游客在北湖公园冰面上体验冰帆运动，感受冰雪乐趣。\n（本报记者 王强 摄）\n\n"
            "全县开展植树活动\n本报讯 近日，全县开展植树活动，干部群众共植树两万余株。\n")
    it = items(parse_text(tmp_path, text))
    assert list(it.headline.fillna("-")) == ["-", title, "全县开展植树活动"]
    assert it.body.iloc[1] == "近日，游客在北湖公园冰面上体验冰帆运动，感受冰雪乐趣。"
    assert list(it.photographers.iloc[1]) == ["王强"] and it.kind.iloc[1] == "photo"


@pytest.mark.parametrize("author, name", [("林涛林涛", "林涛"), ("林晓涛林晓涛", "林晓涛"), ("林涛", "林涛")])
def test_an_authors_name_printed_twice_in_bold_is_read_once(tmp_path, author, name):
    text = ("全县开展植树活动\n\n本报讯 近日，全县开展植树活动，干部群众共植树两万余株。\n\n企业要练好内功\n\n"
            f"{author}\n\n　　今年以来，不少企业主动调整产品结构，\n加大研发投入，效益明显提升。\n")
    it = items(parse_text(tmp_path, text))
    assert list(it.headline) == ["全县开展植树活动", "企业要练好内功"] and it.subheadline.iloc[1] == name


def _bold_page(title: str, author: str, blank: str) -> str:
    return ("全县开展植树活动\n\n本报讯 近日，全县开展植树活动，干部群众共植树两万余株。\n\n" + title + "\n" + blank
            + author + "\n\n　　今年以来，不少企业主动调整产品结构，\n加大研发投入，效益明显提升。\n")


@pytest.mark.parametrize("title, author, blank, want", [
    ("企企业业要要练练好好内内功功", "林林涛涛", "\n", "林涛"),     # every character twice, as some PDFs draw bold
    ("企企业业要要练练好好内内功功", "林林涛涛", "", "林涛"),       # the author in the title's block
])
def test_titles_printed_bold_by_character_are_read_once(tmp_path, title, author, blank, want):
    it = items(parse_text(tmp_path, _bold_page(title, author, blank)))
    assert list(it.headline) == ["全县开展植树活动", "企业要练好内功"] and it.subheadline.iloc[1] == want


def test_two_characters_each_twice_stay_as_printed_under_a_title_not_so_printed(tmp_path):
    # where it stands, in the title's block or read into the text before (the labeller's call), 林林涛涛 is
    # printed as it is: only a title printed bold by character makes it a name printed so
    df = parse_text(tmp_path, _bold_page("企业要练好内功", "林林涛涛", "\n"))
    texts = [t for col in ("headline", "subheadline", "body") for t in df[col].dropna()]
    assert any("林林涛涛" in t for t in texts) and "林涛" not in set(df.subheadline.dropna())


# photo captions set one under another with no blank line (the pictures stand beside them on the page):
# each caption that opens with a marker after a paragraph's end is an item (text -> captions expected)
CAPTIONS = [
    ("➡志愿者为老人测量血\n压、讲解健康知识。\n上图志愿者在社区门口\n登记来往车辆。\n",
     ["➡志愿者为老人测量血压、讲解健康知识。", "上图志愿者在社区门口登记来往车辆。"]),
    ("▲孩子们在公园里放\n风筝。\n▼市民在广场上跳\n舞健身。\n",
     ["▲孩子们在公园里放风筝。", "▼市民在广场上跳舞健身。"]),
    # a caption's own 图为 opening a line after a full line that ends a sentence goes on in the caption
    ("➡北湖公园举办冰雪节\n，游人如织热闹非凡。\n图为游客在冰面上体验\n冰帆运动。\n",
     ["➡北湖公园举办冰雪节，游人如织热闹非凡。图为游客在冰面上体验冰帆运动。"]),
    # an arrow or a side (上图) points at a picture: a caption opens after any sentence's end
    ("⬇志愿者为老人测量血压、讲解健康知识。\n上图志愿者在社区门口登记来往车辆。\n",
     ["⬇志愿者为老人测量血压、讲解健康知识。", "上图志愿者在社区门口登记来往车辆。"]),
    # photo news opens without a marker: its 图为 after a paragraph's end says what the picture shows
    ("图片新闻\n\n入冬以来，北湖的湖面上结了一层薄冰，\n吸引了不少游客。\n图为孩子们在冰上滑冰车。\n",
     ["入冬以来，北湖的湖面上结了一层薄冰，吸引了不少游客。图为孩子们在冰上滑冰车。"]),
    # a marker after a line that goes on is no caption's start
    ("➡志愿者为老人测量血\n压，讲解健康知识，\n上图志愿者在社区门口\n登记来往车辆。\n",
     ["➡志愿者为老人测量血压，讲解健康知识，上图志愿者在社区门口登记来往车辆。"]),
]


@pytest.mark.parametrize("text, captions", CAPTIONS)
def test_captions_run_together(tmp_path, text, captions):
    page = ("全县开展植树活动\n\n本报讯 近日，全县开展植树活动，干部群众共植树两万余株。\n"
            "植树现场秩序井然。\n\n")
    it = items(parse_text(tmp_path, page + text))
    assert it.headline.iloc[0] == "全县开展植树活动"
    assert [b.replace("\n", "") for b in it.body.iloc[1:]] == captions


def test_a_caption_right_after_an_articles_full_last_line(tmp_path):
    """An arrow opens a caption even right after an article's last line that fills the column."""
    text = ("全县开展植树活动\n\n本报讯 近日，全县开展植树活动，干部群\n众共植树两万余株，现场秩序井然有序。\n"
            "➡志愿者在植树现场为群众讲解栽种要领。\n\n"
            "企业如何上网\n\n本报讯 企业上网要做好以下几项准备工作。\n")
    it = items(parse_text(tmp_path, text))
    assert list(it.headline.fillna("-")) == ["全县开展植树活动", "-", "企业如何上网"]
    assert it.body.iloc[0].endswith("现场秩序井然有序。") and it.kind.iloc[1] == "photo"


@pytest.mark.parametrize("opening", ["本报讯（记者 孔德昌）", "□ 本报记者 孔德昌\n"])
@pytest.mark.parametrize("credit", ["（本报记者 张明远 摄）", "本报记者 张明远 摄"])
def test_a_photo_credit_closing_an_article_with_a_dateline_or_byline(tmp_path, opening, credit):
    """The article's photographer is read from the credit its text ends with, whatever opens the article,
    and the credit is not its text."""
    text = ("全市召开春耕生产工作会议\n\n" + opening + "3月4日，全市春耕生产工作会议召开。\n"
            "图为会议现场。" + credit + "\n")
    it = items(parse_text(tmp_path, text))
    assert len(it) == 1 and it.body.iloc[0].endswith("图为会议现场。")
    assert it.credit.iloc[0] == credit.replace(" ", "") and list(it.photographers.iloc[0]) == ["张明远"]
    assert list(it.reporters.iloc[0]) == ["孔德昌"]


# a note (扫码…, ``note_markers.txt``) printed under an article with no blank line: after a line that ends a
# sentence it is an item of its own, its next lines too; after a line that goes on it is the article's text
NOTES = [
    ("植树现场秩序井然，群众\n热情高涨。\n扫码观看植树现场视频。\n", ["植树现场秩序井然，群众热情高涨。", "扫码观看植树现场视频。"]),
    ("植树现场秩序井然，群众\n热情高涨。\n扫图①二维码观看视频。\n扫图②二维码观看图集。\n",
     ["植树现场秩序井然，群众热情高涨。", "扫图①二维码观看视频。扫图②二维码观看图集。"]),
    ("志愿者协助开展消杀、测温\n扫码、登记等志愿服务。\n", ["志愿者协助开展消杀、测温扫码、登记等志愿服务。"]),
]


@pytest.mark.parametrize("tail, bodies", NOTES)
def test_a_note_under_an_article_without_a_blank_line(tmp_path, tail, bodies):
    text = "全县开展植树活动\n本报讯 近日，全县开展植树活动，干部群众共植树两万余株。\n" + tail
    it = items(parse_text(tmp_path, text))
    assert it.headline.iloc[0] == "全县开展植树活动"
    got = [b.replace("\n", "") for b in it.body]
    assert got == ["近日，全县开展植树活动，干部群众共植树两万余株。" + bodies[0]] + bodies[1:]
    assert list(it.kind) == ["news"] + ["caption"] * (len(bodies) - 1)


# a caption opened by a marker pointing at its picture (➡, 上图) is one paragraph: with no blank line, what
# follows the line that ends its sentence is another item (a caption without a marker under the next
# picture), unless it is the caption's credit or the caption's sentence goes on
AFTER_POINTING = [
    ("➡志愿者为老人测量血\n压、讲解防疫知识。\n社区医生为居民义诊。\n",
     ["➡志愿者为老人测量血压、讲解防疫知识。", "社区医生为居民义诊。"]),
    ("上图　志愿者为老人测量血压。\n下图　社区医生为居民义诊。\n孩子们在广场上放风筝。\n",
     ["上图志愿者为老人测量血压。", "下图社区医生为居民义诊。", "孩子们在广场上放风筝。"]),
    ("➡志愿者为老人测量血压，\n讲解防疫知识。\n", ["➡志愿者为老人测量血压，讲解防疫知识。"]),
    ("图为志愿者为老人测量血压。\n社区医生为居民义诊。\n", None),             # 图为 says what a picture shows
    ("题图　志愿者为老人测量血压。\n社区医生为居民义诊。\n", None),           # the title's picture: its text follows
]


@pytest.mark.parametrize("tail, captions", AFTER_POINTING)
def test_what_follows_a_pointing_caption_without_a_blank_line(tmp_path, tail, captions):
    article = "全县开展植树活动\n本报讯 近日，全县开展植树活动，干部群众共植树两万余株。\n"
    it = items(parse_text(tmp_path, article + tail))
    got = [b.replace("\n", "") for b in it.body]
    if captions is None:
        assert got == ["近日，全县开展植树活动，干部群众共植树两万余株。" + tail.replace("\n", "").replace("　", "")]
    else:
        assert got == ["近日，全县开展植树活动，干部群众共植树两万余株。"] + captions
        assert list(it.headline.fillna("")) == ["全县开展植树活动"] + [""] * len(captions)


@pytest.mark.parametrize("tail, separate", [
    # photo news without a title after an article's last paragraph: its day first, its credit in brackets last
    ("3月6日，志愿者在社区广场为居民\n义诊，受到居民欢迎。（本报记\n者 张明远 摄）\n", True),
    ("3月6日，志愿者在社区广场为居民义诊。\n（本报记者 张明远 摄）\n", True),
    # a paragraph that goes on the article (no credit), a caption saying what the picture shows (图为, no day)
    ("3月6日，志愿者在社区广场为居民\n义诊，受到居民欢迎。\n", False),
    ("图为志愿者在社区广场为居民义诊。\n（本报记者 张明远 摄）\n", False),
])
def test_photo_news_after_an_articles_last_paragraph_without_a_blank_line(tmp_path, tail, separate):
    text = ("全县开展植树活动\n本报讯 近日，全县开展植树活动，干部群\n众共植树两万余株。\n" + tail +
            "全市春耕备耕工作有序推进\n本报讯 3月6日，全市春耕备耕工作有\n序推进。\n")
    it = items(parse_text(tmp_path, text))
    first = "近日，全县开展植树活动，干部群众共植树两万余株。"
    got = [b.replace("\n", "") for b in it.body]
    if separate:
        assert got[0] == first and len(it) == 3 and it.headline.iloc[1:].tolist()[-1] == "全市春耕备耕工作有序推进"
        assert list(it.photographers.iloc[1]) == ["张明远"]
    else:
        assert len(it) == 2 and got[0].startswith(first) and got[0] != first


def test_a_pointing_caption_keeps_its_credit_without_a_blank_line(tmp_path):
    text = ("全县开展植树活动\n本报讯 近日，全县开展植树活动，干部群众共植树两万余株。\n"
            "➡志愿者为老人测量血压。\n本报记者 张明远 摄\n")
    it = items(parse_text(tmp_path, text))
    assert [b.replace("\n", "") for b in it.body] == ["近日，全县开展植树活动，干部群众共植树两万余株。",
                                                      "➡志愿者为老人测量血压。"]
    assert list(it.photographers.iloc[1]) == ["张明远"]


def test_pointing_captions_under_the_title_closing_an_article_without_blank_lines(tmp_path):
    """Headlines after their articles, no blank line: an arrow under the title that closes the article
    before it opens a caption, and so does a caption without a marker under a pointing one."""
    text = ("本报讯（记者王国庆） 3月6日，全市春耕\n备耕工作有序推进，各类农资储备充足。\n全市春耕备耕工作有序推进\n"
            "本报讯（记者张明远） 3月5日上午，全市\n志愿服务活动在各社区开展，志愿者们\n为居民提供各类服务。\n"
            "全市志愿服务活动深入社区\n⬇志愿者为群众讲解防疫知识。\n➡志愿者在社区门口登记车辆。\n社区医生为居民义诊。\n")
    df = parse_text(tmp_path, text, name="某某日报_2023-03-07.txt")
    it = items(df)
    assert (df.layout == "after").all()
    assert list(it.headline.fillna("-")) == ["全市春耕备耕工作有序推进", "全市志愿服务活动深入社区", "-", "-", "-"]
    assert [b.replace("\n", "") for b in it.body.iloc[2:]] == ["⬇志愿者为群众讲解防疫知识。", "➡志愿者在社区门口登记车辆。",
                                                                "社区医生为居民义诊。"]


@pytest.mark.parametrize("lines, byline", [
    (("本报驻东京", "记者张明远"), "本报驻东京记者张明远"),            # the organisation on the line before
    (("新华社", "记者王国庆"), "新华社记者王国庆"),
    (("中央人民广播电台驻日本东京", "记者张明远"), "中央人民广播电台驻日本东京记者张明远"),   # a long one
    (("河南日报驻焦作记者站", "记者张明远"), "河南日报驻焦作记者站记者张明远"),
])
def test_a_byline_broken_after_its_organisation_opens_its_item_whole(tmp_path, lines, byline):
    text = "全市春耕生产有序\n\n本报讯 昨天，全市召开春耕\n生产会议。\n\n日本经济形势\n" + "\n".join(lines) + \
        "\n日本经济近来\n持续低迷。\n"
    it = items(parse_text(tmp_path, text))
    assert list(it.headline) == ["全市春耕生产有序", "日本经济形势"]
    assert it.byline.iloc[1] == byline and it.body.iloc[1] == "日本经济近来持续低迷。"


@pytest.mark.parametrize("byline, reporters", [
    ("本报特派记者 孔德昌", ["孔德昌"]),                           # roles other papers print
    ("融媒记者 孔德昌 通讯员 季文华", ["孔德昌"]),
    ("作者：本报记者 孔德昌", ["孔德昌"]),
    ("文·图/新媒体记者 孔德昌", ["孔德昌"]),
])
def test_a_byline_in_another_papers_words_opens_its_item_and_names_no_official(tmp_path, byline, reporters):
    text = ("全市春耕生产有序\n\n本报讯 昨天，全市召开春耕\n生产会议。\n\n日本经济形势\n" + byline +
            "\n日本经济近来\n持续低迷。\n")
    df = parse_text(tmp_path, text)
    it = items(df)
    assert list(it.headline) == ["全市春耕生产有序", "日本经济形势"]
    assert it.byline.iloc[1] == byline.replace(" ", "") and it.body.iloc[1] == "日本经济近来持续低迷。"
    assert list(it.reporters.iloc[1]) == reporters
    assert "孔德昌" not in set(helpers.extract_people(df).name)


@pytest.mark.parametrize("blank", ["", "\n"])
@pytest.mark.parametrize("indent", ["　　", ""])
@pytest.mark.parametrize("byline, reporters", [
    ("本报记者 孔德昌 ", ["孔德昌"]),
    ("□记者　孔德昌　通讯员　季文华　", ["孔德昌"]),
    ("本报记者 孔　昌 ", ["孔昌"]),                                 # a name spaced out
    ("本报记者 孔德昌 报道：", ["孔德昌"]),                           # what was done, with a colon
])
def test_a_byline_running_into_its_text_opens_its_item(tmp_path, blank, indent, byline, reporters):
    text = ("全市春耕生产有序\n\n本报讯 昨天，全市召开春耕\n生产会议。\n" + blank + "\n日本经济形势\n" + blank +
            indent + byline + "日本经济近来\n持续低迷，出口下降。\n")
    df = parse_text(tmp_path, text)
    it = items(df)
    assert list(it.headline) == ["全市春耕生产有序", "日本经济形势"]
    assert it.byline.iloc[1] == byline.replace(" ", "").replace("　", "")
    assert it.body.iloc[1] == "日本经济近来持续低迷，出口下降。" and list(it.reporters.iloc[1]) == reporters
    assert "孔德昌" not in set(helpers.extract_people(df).name)


@pytest.mark.parametrize("opening, dateline, reporters, correspondents", [
    ("本报讯 记者 孔德昌 通讯员 季文华 ", "本报讯记者孔德昌通讯员季文华", ["孔德昌"], ["季文华"]),
    ("本报讯（记者 孔德昌 文/图）", "本报讯（记者孔德昌文/图）", ["孔德昌"], []),
    ("本报讯 ", "本报讯", [], []),
    ("【本报讯】", "【本报讯】", [], []),
    ("东湖网讯（记者 孔德昌） ", "东湖网讯（记者孔德昌）", ["孔德昌"], []),
    ("东湖网消息（记者 孔德昌）：", "东湖网消息（记者孔德昌）：", ["孔德昌"], []),
    ("本报讯（记者 孔德昌/文 季文华/图）", "本报讯（记者孔德昌/文季文华/图）", ["孔德昌", "季文华"], []),
])
def test_a_datelines_journalists_are_read_apart_from_its_text(tmp_path, opening, dateline, reporters, correspondents):
    df = parse_text(tmp_path, "全市春耕生产有序\n\n" + opening + "昨天，全市召开春耕生产会议，\n副市长王建国出席会议并讲话。\n")
    it = items(df)
    assert list(it.dateline) == [dateline] and it.body[0] == "昨天，全市召开春耕生产会议，副市长王建国出席会议并讲话。"
    assert (list(it.reporters[0]), list(it.correspondents[0])) == (reporters, correspondents)
    assert list(helpers.extract_people(df).name) == ["王建国"]


# a byline a narrow column broke, its name too: with headlines before, a blank line or none between; with
# headlines after, the byline right under the headline closing the article before
BROKEN_BYLINES = [
    ("全市春耕生产有序\n\n本报讯 昨天，全市召开春耕\n生产会议。\n\n日本经济形势\n本报驻东京记者孔\n德昌 日本经济近来\n"
     "持续低迷，出口下降。\n", ["全市春耕生产有序", "日本经济形势"]),
    ("全市春耕生产有序\n本报讯 昨天，全市召开春耕\n生产会议。\n日本经济形势\n本报驻东京记者孔\n德昌 日本经济近来\n"
     "持续低迷，出口下降。\n", ["全市春耕生产有序", "日本经济形势"]),
    ("本报讯 昨天，全市召开春耕生产会议，部署\n今年的春耕生产工作。\n全市春耕生产有序\n本报驻东京记者孔\n"
     "德昌 日本经济近来持续低迷，\n出口下降，物价上涨。\n日本经济形势\n", ["全市春耕生产有序", "日本经济形势"]),
]


@pytest.mark.parametrize("text, headlines", BROKEN_BYLINES)
def test_a_byline_broken_by_a_narrow_column_opens_its_item(tmp_path, text, headlines):
    it = items(parse_text(tmp_path, text))
    assert list(it.headline) == headlines
    assert it.byline.iloc[1] == "本报驻东京记者孔德昌" and list(it.reporters.iloc[1]) == ["孔德昌"]
    assert it.body.iloc[1].startswith("日本经济近来")


@pytest.mark.parametrize("text", [
    # a paragraph that names a reporter and goes on: inside its article
    "全市春耕生产有序\n\n本报讯 昨天，全市召开春耕\n生产会议。会上，\n记者 孔德昌 获悉，全市春耕\n生产有序推进。\n",
    # letter-spaced text opening with a byline's words
    "全市春耕生产有序\n\n本报讯 昨天，全市召开春耕\n生产会议。\n本 报 记 者 孔 德 昌 了 解 到 ， 全 市\n春耕有序推进。\n",
])
def test_no_run_in_byline_inside_an_article(tmp_path, text):
    it = items(parse_text(tmp_path, text))
    assert list(it.headline) == ["全市春耕生产有序"] and it.byline.isna().all()


@pytest.mark.parametrize("blank", ["", "\n"])
def test_a_dateline_naming_a_paper_in_full_opens_an_item(tmp_path, blank):
    text = ("全市春耕生产有序\n\n本报讯 昨天，全市召开春耕\n生产会议。\n" + blank +
            "滨江日报讯（记者 孔德昌）近日，\n全省冬小麦长势良好。\n")
    it = items(parse_text(tmp_path, text))
    assert len(it) == 2 and it.dateline.iloc[1] == "滨江日报讯（记者孔德昌）"
    assert it.body.iloc[1] == "近日，全省冬小麦长势良好。" and list(it.reporters.iloc[1]) == ["孔德昌"]


@pytest.mark.parametrize("dateline", [
    "新华社北京1月5日电（新华社\n记者王国庆、中央电视台\n记者李晓红）",            # inside a bracket left open
    "本报北京1月5日讯中央电视台\n记者王国庆、新华社记者李晓红报\n道：",            # after the reporters' organisation
    "本报北京1月5日讯中央电视台记者王国庆、\n新华社记者李晓红报道：",              # after a list that goes on
    "本报北京1月5日讯记者王国庆、\n李强、孙丽、\n新华社记者李晓红报道：",
])
def test_a_byline_line_inside_a_datelines_reporters_starts_nothing(tmp_path, dateline):
    text = "全市春耕生产有序\n\n" + dateline + "全市春耕\n生产有序推进。\n"
    it = items(parse_text(tmp_path, text))
    assert len(it) == 1 and it.body.iloc[0] == "全市春耕生产有序推进。"
    assert it.dateline.iloc[0] == dateline.replace("\n", "")
    assert {"王国庆", "李晓红"} <= set(it.reporters.iloc[0])


# ---------------------------------------------------------------- jump lines: an article going on on another page

PAGE1 = ("滨江日报 2024年3月5日 第1版\n\n全市春耕生产有序推进\n\n本报讯（记者王国庆）昨天，全市召开春耕生产会\n"
         "议，部署今年的农业生产工作。\n市长李晓红出席会议并讲话。她指出，要坚持把农业生产放在突出位置。{jump}\n\n"
         "新区建设全面开工\n\n本报讯（记者孙丽）今天，新区建设全面开工。\n")
PAGE2 = ("\f滨江日报 2024年3月5日 第2版\n\n城市管理再上新台阶\n\n本报讯（记者张明远）今年以来，我市城市管理\n"
         "工作取得新进展，市容市貌明显改善。\n{cont}她强调，各级各部门要加强协调配合，确保各项任务落到\n"
         "实处。出席会议的还有副市长赵敏、孙强。\n")


@pytest.mark.parametrize("segmentation", ["", "rules"])
@pytest.mark.parametrize("jump, cont", [
    ("（下转第2版）", "（上接第1版）"),
    ("（转2版）", "（上接1版）"),
    ("（下转第二版）", "（紧接第一版）"),
])
def test_a_part_continued_on_a_later_page_joins_its_article(tmp_path, monkeypatch, segmentation, jump, cont):
    monkeypatch.setenv("EPAPER_SEGMENTATION", segmentation)
    df = parse_text(tmp_path, PAGE1.format(jump=jump) + PAGE2.format(cont=cont))
    it = items(df)
    assert list(it.headline) == ["全市春耕生产有序推进", "新区建设全面开工", "城市管理再上新台阶"]
    assert it.body.iloc[0].endswith(jump + "\n" + cont + "她强调，各级各部门要加强协调配合，确保各项任务落到实处。"
                                    "出席会议的还有副市长赵敏、孙强。")
    assert it.body.iloc[2] == "今年以来，我市城市管理工作取得新进展，市容市貌明显改善。"
    people = helpers.extract_people(df)
    assert set(people[people.article_id == it.article_id.iloc[0]].name) >= {"李晓红", "赵敏", "孙强"}


def test_jumps_name_pages_as_their_headers_print_them(tmp_path):
    page1 = PAGE1.format(jump="（下转A2版）").replace("第1版", "A1版")
    page2 = PAGE2.format(cont="（上接A1版）").replace("第2版", "A2版")
    it = items(parse_text(tmp_path, page1 + page2))
    assert len(it) == 3 and it.body.iloc[0].endswith("（下转A2版）\n（上接A1版）她强调，各级各部门要加强协调配合，"
                                                      "确保各项任务落到实处。出席会议的还有副市长赵敏、孙强。")


def test_of_several_articles_jumping_to_a_page_a_part_joins_the_one_it_shares_words_with(tmp_path):
    # two articles jump from page 1 to page 2, one part is found there: it goes with the article on farming
    page1 = PAGE1.format(jump="（下转第2版）").replace("今天，新区建设全面开工。", "今天，新区建设全面开工。（下转第2版）")
    cont = "（上接第1版）她强调，全市农业生产工作要抓好落实。\n"
    it = items(parse_text(tmp_path, page1 + PAGE2.format(cont="").split("她强调")[0] + cont))
    assert len(it) == 3 and it.body.iloc[0].endswith("（下转第2版）\n" + cont.strip())
    assert it.body.iloc[1].endswith("开工。（下转第2版）")


@pytest.mark.parametrize("title, joined", [
    ("全市春耕生产有序推进", True),          # the article's title printed again over its part
    ("春耕生产有序推进", True),              # ... shortened
    ("外地客商纷纷来访", False),             # another title: the item is not the part
])
def test_a_part_under_its_articles_title_printed_again_joins_it(tmp_path, title, joined):
    page2 = PAGE2.format(cont="\n" + title + "\n\n（上接第1版）")
    df = parse_text(tmp_path, PAGE1.format(jump="（下转第2版）") + page2)
    it = items(df)
    assert (len(it) == 3) is joined
    assert it.body.iloc[0].endswith("（下转第2版）\n（上接第1版）她强调，各级各部门要加强协调配合，确保各项任务落到实处。"
                                    "出席会议的还有副市长赵敏、孙强。") is joined
    if joined:
        assert it.headline_raw.iloc[0] == "全市春耕生产有序推进\n" + title
    else:
        assert it.headline.iloc[3] == title and it.body.iloc[3].startswith("（上接第1版）")


def test_a_continued_part_without_its_article_stays_an_item_of_its_own(tmp_path):
    page1 = PAGE1.format(jump="")                                    # nothing jumps to page 2
    it = items(parse_text(tmp_path, page1 + PAGE2.format(cont="（上接第1版）")))
    assert len(it) == 4 and it.headline.isna().iloc[3]
    assert it.body.iloc[3].startswith("（上接第1版）她强调") and it.kind.iloc[3] == "news"


@pytest.mark.parametrize("text, start, end", [
    ("（上接第1版）会议强调", True, False),
    ("（上接A1版）会议强调", True, False),
    ("（一）会议强调，要抓好落实。", False, False),
    ("会议强调，要抓好落实。（下转第3版）", False, True),
    ("会议强调，要抓好落实。（张三摄）", False, False),
    ("（转载自本报第3版）", False, False),
    ("本报第2版刊登的文章（下转", False, False),
])
def test_jump_lines(text, start, end):
    from epaper.segment import continued_from, continues_elsewhere
    assert (continued_from(text), continues_elsewhere(text)) == (start, end)


def _row(page, headline, body):
    return {"page": page, "kind": "news", "headline": headline, "subheadline": None, "headline_raw": headline,
            "dateline": None, "byline": None, "credit": None, "body": body,
            "reporters": [], "correspondents": [], "photographers": []}


@pytest.mark.parametrize("bodies, part, joined", [
    # two articles jump to page 2 and share the part's words alike: neither takes it
    (("会议召开。（下转第2版）", "会议召开。（下转第2版）"), "（上接第1版）会议召开。", []),
    # the jump lines alone are shared by all: they do not pair a part
    (("春耕开始。（下转第2版）", "新区开工。（下转第2版）"), "（上接第1版）", []),
    # the part's words are one article's
    (("春耕开始。（下转第2版）", "新区开工。（下转第2版）"), "（上接第1版）新区开工建设。", [1]),
])
def test_a_part_joins_one_article_at_most(bodies, part, joined):
    from epaper.segment import join_jumps
    rows = [_row(1, f"标题{k}", b) for k, b in enumerate(bodies)] + [_row(2, None, part)]
    out = join_jumps([dict(r) for r in rows])
    assert [k for k, r in enumerate(out[:2]) if r["body"] != bodies[k]] == joined
    assert len(out) == 3 - len(joined)


# ------------------------------------------------ columns of short news: 简讯 / ■…。 / ■…。, an item each

BRIEFS = ["3月4日，市长孔德昌到高新区调研科技创新工作。他强调，要加快培育新兴产业。（记者 陈立群）",
          "近日，市政协召开主席会议，市政协主席温德平主持会议。（通讯员 周文）",
          "3月3日，全市安全生产工作会议召开，副市长钱永刚出席并讲话。"]


def _wrapped(paragraphs, width):
    """Paragraphs set in a narrow column: wrapped at ``width`` characters, no indent, no blank line, no space
    (a space opening a line marks a page)."""
    return "\n".join(p[i:i + width] for p in (p.replace(" ", "") for p in paragraphs) for i in range(0, len(p), width))


@pytest.mark.parametrize("bullet", ["■", "● ", "◆"])
@pytest.mark.parametrize("setting", ["indented", "blank lines", "narrow column"])
def test_a_column_of_short_news_is_an_item_for_each_bullet(tmp_path, bullet, setting):
    paragraphs = [bullet + b for b in BRIEFS]
    if setting == "indented":
        column = "\n".join("\u3000\u3000" + p for p in paragraphs)
    elif setting == "blank lines":
        column = "\n\n".join(paragraphs)
    else:
        column = _wrapped(paragraphs, 14)
    text = f"全市春耕生产有序\n\n本报讯 昨天，全市召开春耕生产会议，部署春耕备耕工作。\n\n【政务简讯】\n{column}\n"
    df = parse_text(tmp_path, text)
    it = items(df)
    assert list(it.kind) == ["news", "brief", "brief", "brief"]
    assert list(it.headline.fillna("")) == ["全市春耕生产有序", "【政务简讯】", "", ""]
    assert [b.lstrip(bullet.strip()) for b in it.body[1:]] == [BRIEFS[0].split("（")[0], BRIEFS[1].split("（")[0], BRIEFS[2]]
    assert list(it.reporters[1]) == ["陈立群"] and list(it.correspondents[2]) == ["周文"]
    people = helpers.extract_people(df)
    assert {"孔德昌", "温德平", "钱永刚"} <= set(people.name) and not {"陈立群", "周文"} & set(people.name)
    # each official stands in the item of their own event: no tie between them
    assert people.groupby("article_id").name.nunique().max() == 1


def test_short_news_after_an_item_closed_by_its_author_are_items_without_a_columns_name(tmp_path):
    text = ("全市春耕生产有序\n\n本报讯 昨天，全市召开春耕生产会议。（记者 孔德昌）\n"
            "◆近日，市政协召开主席会议，部署今年重点工作。\n◆3月3日，全市安全生产工作会议召开。\n")
    it = items(parse_text(tmp_path, text))
    assert list(it.kind) == ["news", "brief", "brief"] and it.headline.isna().tolist() == [False, True, True]


@pytest.mark.parametrize("text", [
    # the points an article lists: under its title, after a colon, after a paragraph of it
    "内容提要\n\n●去年，全省农业获得较好收成，农民收入继续增加。\n●新的一年要加强水资源统一管理，做好防洪抗旱工作。\n",
    "全市出台十条措施\n\n本报讯 近日，市政府出台十条措施，主要内容是：\n■加大财政支持力度。市财政每年安排专项资金。\n"
    "■优化营商环境。全面推行企业开办一日办结。\n",
    "房改稳步推进\n\n本报讯 去年以来，全市房改稳步推进，亮点不少。\n●住房公积金制度初步建立，覆盖全市各县区。\n"
    "●租金改革取得一定进展，公房租金水平逐步提高。\n",
    # intertitles led by a bullet, and a byline so led, open no item
    "走进乡村看变化\n\n■本报记者 孔德昌\n\n今年以来，全县农村面貌焕然一新。\n\n■道路通了\n\n村村通上了水泥路。\n",
])
def test_points_an_article_lists_with_bullets_stay_in_it(tmp_path, text):
    it = items(parse_text(tmp_path, text))
    assert len(it) == 1 and it.kind[0] != "brief"


@pytest.mark.parametrize("label, is_label", [("简讯", True), ("【县域动态】", True), ("国际快讯", True),
                                             ("简讯：市长到高新区调研", False), ("全市经济运行平稳发展动态良好", False),
                                             ("会议要求各地抓好落实", False)])
def test_names_of_columns_of_short_news(label, is_label):
    from epaper import segment
    assert segment.brief_label(label) is is_label


def test_short_news_with_their_own_titles_or_datelines(tmp_path):
    text = ("政务快讯\n\n■市政协召开主席会议　近日，市政协召开主席会议，市政协主席温德平主持会议。\n"
            "■全市植树活动启动　3月2日，市委书记孔德昌等市领导到城南参加义务植树活动。\n"
            "■3月3日 全市安全生产工作会议召开，副市长钱永刚出席。\n\n"
            "经济快讯\n\u3000\u3000●本报讯 近日，市统计局发布数据，全市工业增加值增长6.5%。\n"
            "\u3000\u3000●本报讯（记者 陈立群）3月4日，全市重点项目集中开工。\n")
    it = items(parse_text(tmp_path, text))
    assert list(it.kind) == ["brief"] * 5
    assert list(it.headline.fillna("")) == ["政务快讯", "全市植树活动启动", "", "经济快讯", ""]
    assert it.subheadline[0] == "市政协召开主席会议" and it.headline_raw[1] == "■全市植树活动启动"
    assert it.body[0].startswith("近日，") and it.body[2].startswith("■3月3日")       # a date is no title
    assert list(it.dateline.fillna("")) == ["", "", "", "●本报讯", "●本报讯（记者陈立群）"]
    assert list(it.reporters[4]) == ["陈立群"]


FRONT_PAGE = """滨江日报
BINJIANG DAILY
中共滨江市委机关报
国内统一连续出版物号 CN41-0012  邮发代号 35-12
2024年3月7日 星期四 农历甲辰年正月廿七  今日8版  第12345期

全市经济工作会议召开
\u3000\u3000本报讯（记者 陈立群）3月6日，全市经济工作会议召开。市委书记孔德昌出席会议并讲话。
\u3000\u3000会议要求，各地各部门要抓好落实。

我市召开河长制工作会议
\u3000\u3000本报讯 3月5日，全市河长制工作会议召开，副市长钱永刚出席会议并讲话。
\u3000\u3000会议要求，各级河长要履职尽责，守护好一江清水。
本版责任编辑：吴芳  美术编辑：郑红
"""


@pytest.mark.parametrize("blank", ["", "\n"])
def test_a_front_pages_masthead_and_foot_are_the_pages(tmp_path, blank):
    """The masthead's lines (the paper's name, its standing, codes, the day's date and pages) printed without
    blank lines, and the editors' line right under the text, are page-level rows, the items whole."""
    text = FRONT_PAGE.replace("第12345期\n", "第12345期\n" + blank)
    df = parse_text(tmp_path, text)
    assert list(df.kind) == ["page_header"] * 5 + ["news", "news", "page_header"]
    assert list(items(df).headline) == ["全市经济工作会议召开", "我市召开河长制工作会议"]
    assert df.layout.iloc[0] == "before" and "吴芳" not in set(helpers.extract_people(df).name)


NOTICE = """我市召开河长制工作会议
\u3000\u3000本报讯 3月5日，全市河长制工作会议召开，副市长钱永刚出席会议并讲话。

关于开展2024年度企业年报工作的公告
\u3000\u3000根据有关规定，现将企业年报有关事项公告如下：
\u3000\u3000一、报送时间：2024年1月1日至6月30日。
\u3000\u3000特此公告。
                                    滨江市市场监督管理局
                                        2024年3月8日
"""


def test_a_notices_signature_closing_a_page_is_no_title(tmp_path):
    """The office and date signing a notice at the page's foot are its text: no title stranded after an
    article, so headlines are still read as standing before their items."""
    it = items(parse_text(tmp_path, NOTICE))
    assert it.layout.iloc[0] == "before"
    assert list(it.headline) == ["我市召开河长制工作会议", "关于开展2024年度企业年报工作的公告"]
    assert it.body[1].endswith("滨江市市场监督管理局\n2024年3月8日")


@pytest.mark.parametrize("title, is_title", [("关于开展2024年度企业年报工作的公告", True), ("【关于表彰先进集体的决定】", True),
                                             ("关于这个问题的通知，大家都看了。", False), ("会议通过了关于人事任免的决定", False),
                                             ("关于春节的记忆", False)])
def test_titles_of_official_documents(title, is_title):
    from epaper import segment
    assert segment.document_title(title) is is_title


SPEECH_HEAD = "坚定信心 真抓实干\n奋力开创高质量发展新局面\n——市委书记孔德昌在全市经济工作会议上的讲话要点\n"
SPEECH_TEXT = ("\u3000\u30003月6日，全市经济工作会议召开。市委书记孔德昌出席会议并讲话，市长钱永刚主持会议。\n"
               "\u3000\u3000孔德昌指出，过去一年，全市经济运行稳中向好。\n\n我市召开河长制工作会议\n"
               "\u3000\u3000本报讯 3月5日，全市河长制工作会议召开，副市长温德平出席会议并讲话。\n")


@pytest.mark.parametrize("between", ["\n", "本报记者 陈立群\n", "\n本报记者 陈立群\n\n"])
def test_a_subtitle_after_a_dash_is_a_title_line_of_its_item(tmp_path, between):
    """引题 / 主题 / ——副题 as local papers print a leader's speech: three title lines of one item, under them
    perhaps a byline on a line of its own, blank lines around it or none."""
    it = items(parse_text(tmp_path, SPEECH_HEAD + between + SPEECH_TEXT))
    assert list(it.headline) == ["坚定信心真抓实干", "我市召开河长制工作会议"]
    assert it.subheadline[0] == "奋力开创高质量发展新局面\n——市委书记孔德昌在全市经济工作会议上的讲话要点"
    assert it.body[0].startswith("3月6日，") and it.body[0].endswith("稳中向好。")


def test_a_box_closing_a_page_that_shares_no_words_with_the_text_is_no_title_of_it(tmp_path):
    """A weather box at a page's foot looks like a title stranded after the last article, the sign of
    headlines printed after their articles; one that shares no words with that article is not taken so."""
    text = ("第2版：要闻\n\n稳中求进开新局\n\u3000\u3000本报讯（记者 陈立群）3月6日，全市经济工作会议召开。"
            "市委书记孔德昌出席会议并讲话。\n\n今日天气：晴转多云 5℃～15℃ 东北风3级\n")
    df = parse_text(tmp_path, text)
    assert df.layout.iloc[0] == "before" and items(df).headline[0] == "稳中求进开新局"


@pytest.mark.parametrize("headers, labels", [
    (["滨江日报 2024年3月5日 星期二 A1 要闻", "滨江日报 2024年3月5日 星期二 A3 综合"], ["A1", "A3"]),
    (["第01版：要闻", "第三版：综合"], ["1", "三"]),
    (["2\u3000综合新闻\u30002024年3月9日\u3000星期六\u3000责任编辑：吴芳", "2024年3月9日 星期六"], ["2", None]),
    (["", ""], [None, None]),                               # no header: the page's place in the file only
])
def test_each_row_carries_its_page_as_printed(tmp_path, headers, labels):
    pages = [(h + "\n\n" if h else "") + f"全市第{k}项工作会议召开\n\u3000\u3000本报讯 近日，全市召开会议，部署第3版刊登的工作。\n"
             for k, h in enumerate(headers, 1)]
    df = parse_text(tmp_path, "\f".join(pages))
    got = df.groupby("page").page_label.first()
    assert list(df.page.unique()) == [1, 2] and [None if pd.isna(v) else v for v in got] == labels
    assert (df.groupby("page").page_label.nunique(dropna=False) == 1).all()      # every row of a page alike


BRACKETED_TITLES = ["【全市春耕生产工作会议召开】", "　　本报讯 3月6日，全市春耕生产工作会议召开。市委书记孔德昌出席会议并讲话。",
                    "【城南区开展植树活动】", "　　近日，城南区组织干部群众开展植树活动，区长温德平参加。",
                    "【东湖街道召开干部大会】", "　　3月4日，东湖街道召开干部大会，街道党工委书记钱永刚出席并讲话。"]


@pytest.mark.parametrize("sep", ["\n\n", "\n"])
def test_titles_in_brackets_as_the_pages_first_are_titles_each(tmp_path, sep):
    text = "".join(line + (sep if line.startswith("　") else "\n") for line in BRACKETED_TITLES)
    it = items(parse_text(tmp_path, text))
    assert list(it.headline) == ["【全市春耕生产工作会议召开】", "【城南区开展植树活动】", "【东湖街道召开干部大会】"]
    assert [b.split("，")[0] for b in it.body] == ["3月6日", "近日", "3月4日"]


def test_intertitles_in_brackets_under_a_plain_title_stay_in_their_article(tmp_path):
    text = ("全市经济工作会议召开\n　　本报讯 3月6日，全市经济工作会议召开。市委书记孔德昌出席会议并讲话。\n\n"
            "【抓项目】\n　　会议要求，要坚持项目为王。\n\n【优环境】\n　　会议强调，要持续优化营商环境。\n")
    it = items(parse_text(tmp_path, text))
    assert list(it.headline) == ["全市经济工作会议召开"] and "【优环境】" in it.body.iloc[0]


WEB_COPY = ["全市春耕生产工作会议召开", "　　本报讯 3月6日，全市春耕生产工作会议召开。市委书记孔德昌出席会议并讲话。",
            "　　会议要求，各地要抓住晴好天气，抢抓农时。", "城南区开展植树活动",
            "　　近日，城南区组织干部群众开展植树活动，区长温德平参加。", "东湖街道召开干部大会",
            "　　3月4日，东湖街道召开干部大会，街道党工委书记钱永刚出席并讲话。"]


@pytest.mark.parametrize("blank", ["", "\n"])
def test_flush_titles_over_news_leads_on_a_page_of_indented_paragraphs_are_titles(tmp_path, blank):
    text = "".join(line + "\n" + (blank if i in (2, 4) else "") for i, line in enumerate(WEB_COPY))
    it = items(parse_text(tmp_path, text))
    assert list(it.headline) == ["全市春耕生产工作会议召开", "城南区开展植树活动", "东湖街道召开干部大会"]


@pytest.mark.parametrize("title, lead", [
    ("狠抓项目建设", "　　会议强调，要坚持项目为王，全力以赴抓招商。"),      # an intertitle: its text goes on
    ("（孔德昌）", "　　近日，城南区组织干部群众开展植树活动。"),           # an author closing the item before
])
def test_flush_lines_that_are_no_titles_of_items(tmp_path, title, lead):
    text = "\n".join(WEB_COPY[:3] + [title, lead]) + "\n"
    it = items(parse_text(tmp_path, text))
    assert list(it.headline)[:1] == ["全市春耕生产工作会议召开"] and title not in set(it.headline)


def test_flush_titles_on_a_page_of_a_paragraph_a_line_set_apart_by_blank_lines_are_titles(tmp_path):
    text = "\n\n".join(line.strip() for line in WEB_COPY) + "\n"
    it = items(parse_text(tmp_path, text))
    assert list(it.headline) == ["全市春耕生产工作会议召开", "城南区开展植树活动", "东湖街道召开干部大会"]
    # an intertitle over its text going on stays in the article
    text = "\n\n".join(line.strip() for line in WEB_COPY[:3] + ["狠抓项目建设", "会议强调，要坚持项目为王。"]) + "\n"
    assert list(items(parse_text(tmp_path, text)).headline) == ["全市春耕生产工作会议召开"]


LONG_WEB_COPY = [WEB_COPY[0], WEB_COPY[1].strip() + "市长温德平主持会议。",
                 WEB_COPY[2].strip() + "确保全年粮食生产目标任务完成。", WEB_COPY[3],
                 WEB_COPY[4].strip() + "全区共植树两万余株。", WEB_COPY[5], WEB_COPY[6].strip() + "部署全年重点工作。"]


def test_flush_titles_on_a_page_of_long_paragraphs_a_line_without_blank_lines_are_titles(tmp_path):
    it = items(parse_text(tmp_path, "\n".join(LONG_WEB_COPY) + "\n"))
    assert list(it.headline) == ["全市春耕生产工作会议召开", "城南区开展植树活动", "东湖街道召开干部大会"]


def test_a_narrow_columns_line_before_a_date_is_no_title(tmp_path):
    # a column of 12 characters a line, no blank lines or indents: a line without punctuation before one
    # that opens with a day is a sentence wrapped, not a title
    text = ("全市春耕生产工作会议召开\n本报讯 3月6日，全市春耕\n生产工作会议召开。县委\n书记孔德昌出席会议并讲\n话。"
            "\n今年是全市粮食生产的关键\n一年，3月10日起各地将\n全面开展春耕备耕工作。\n")
    it = items(parse_text(tmp_path, text))
    assert list(it.headline) == ["全市春耕生产工作会议召开"]


RULED = """全县召开春耕生产会议
本报讯 今天上午，县政府召开常务会议，研究部署春耕生产工作。
会议要求各乡镇抓好落实，确保春耕生产顺利进行。
{rule}
全县开展植树活动
本报讯 昨天，全县植树活动在城郊举行，干部群众一千余人参加。
{rule}
县图书馆延长开放时间
近日，县图书馆将周末开放时间延长至晚上九点，方便读者借阅。
"""


@pytest.mark.parametrize("segmentation", ["", "rules"])
@pytest.mark.parametrize("rule", ["————————————", "--------------------", "==========", "—— —— —— ——",
                                  "责任编辑：王强", "（编辑：王强 审核：李明）"])
def test_a_rule_between_items_parts_them_and_is_page_level(tmp_path, monkeypatch, segmentation, rule):
    # a drawn rule, or editors' credits closing each article as web pages print them
    monkeypatch.setenv("EPAPER_SEGMENTATION", segmentation)
    df = parse_text(tmp_path, RULED.format(rule=rule))
    got = items(df)
    texts = (got.headline.fillna("") + got.body).tolist()
    assert [[w in t for w in ("春耕", "植树", "图书馆")] for t in texts] == [[True, False, False], [False, True, False],
                                                                         [False, False, True]]
    assert got.body.iloc[0].endswith("顺利进行。") and got.body.iloc[2].endswith("方便读者借阅。")
    if not segmentation:                            # the rules alone cannot tell the last title from its text
        assert list(got.headline) == ["全县召开春耕生产会议", "全县开展植树活动", "县图书馆延长开放时间"]
    rules = df[df.body.fillna("") == "".join(rule.split())]
    assert len(rules) == 2 and set(rules.kind) == {"page_header"}


@pytest.mark.parametrize("segmentation", ["", "rules"])
def test_ornaments_between_an_articles_sections_stay_in_it(tmp_path, monkeypatch, segmentation):
    # ＊＊＊ parting the sections of one article (as the People's Daily prints it) is the article's text
    monkeypatch.setenv("EPAPER_SEGMENTATION", segmentation)
    text = ("老街坊的新日子\n\n本报记者 张明远\n\n　　清晨六点，老街的早点铺子就开了门，热气腾腾的包子刚出笼。\n\n"
            "　　铺子的主人说，这几年街道改造以后，来吃早点的人一年比一年多。\n\n＊＊＊\n\n"
            "　　傍晚时分，街口的小广场上响起了音乐，跳舞的居民越来越多。\n\n"
            "　　街道负责人说，明年还要在这里建一座社区图书馆。\n")
    got = items(parse_text(tmp_path, text))
    assert len(got) == 1 and "＊＊＊" in got.body.iloc[0] and got.body.iloc[0].endswith("社区图书馆。")


def test_a_long_dash_wrapped_to_a_line_of_its_own_is_no_rule(tmp_path):
    # a full line whose dash ran over to the next line: the dash is the text's, not a rule
    text = ("全县召开春耕生产会议\n\n本报讯 今天上午，县政府召开常务会议，研究部署春耕生产工\n作，会议强调要抓好“三农”工作———\n"
            "———推进乡村全面振兴，确保各项任务落到实处。\n")
    got = items(parse_text(tmp_path, text))
    assert len(got) == 1 and "———" in got.body.iloc[0]


ENDED = """全县召开春耕生产会议
今天上午，县政府召开常务会议，研究部署春耕生产工作，会议要求各乡镇抓好落实。{inline}
{alone}全县开展植树活动
昨天，全县植树活动在城郊举行，干部群众一千余人参加，共植树两万余株。{inline}
{alone}县图书馆延长开放时间
近日，县图书馆将周末开放时间延长至晚上九点，方便读者借阅。
"""


@pytest.mark.parametrize("inline, alone", [("（完）", ""), ("", "（完）\n"), ("(完)", ""), ("【完】", "")])
def test_a_mark_that_ends_an_article_ends_its_item(tmp_path, inline, alone):
    got = items(parse_text(tmp_path, ENDED.format(inline=inline, alone=alone)))
    assert list(got.headline) == ["全县召开春耕生产会议", "全县开展植树活动", "县图书馆延长开放时间"]
    mark = inline or alone.strip()
    assert got.body.iloc[0].replace("\n", "").endswith("抓好落实。" + mark)
    assert got.body.iloc[2] == "近日，县图书馆将周末开放时间延长至晚上九点，方便读者借阅。"


def test_a_mark_that_ends_an_article_where_headlines_follow(tmp_path):
    # headlines after their articles: after the mark comes the article's own headline, then the next item
    text = (" 本报讯 今天上午，县政府召开常务会议，研究部署春耕生产工作。（完）\n全县召开春耕生产会议\n"
            "本报讯 昨天，全县植树活动在城郊举行，干部群众一千余人参加。（完）\n全县开展植树活动\n"
            "近日，县图书馆将周末开放时间延长至晚上九点，方便读者借阅。（完）\n县图书馆延长开放时间\n")
    df = parse_text(tmp_path, text, name="某某日报_2023-03-07.txt")
    got = items(df)
    assert list(got.headline) == ["全县召开春耕生产会议", "全县开展植树活动", "县图书馆延长开放时间"]
    assert [b.endswith("（完）") for b in got.body] == [True, True, True]


WEB_FACTS = """全县召开春耕生产会议
{facts1}
本报讯（记者 孙晓光）今天上午，县政府召开常务会议，研究部署春耕生产工作。会议要求各乡镇抓好落实。

全县开展植树活动
{facts2}
昨天，全县植树活动在城郊举行，干部群众一千余人参加，共植树两万余株。
"""


@pytest.mark.parametrize("facts1, facts2, reporters", [
    ("发布时间：2024-03-05 08:30 来源：滨江日报", "来源：滨江日报　作者：李晓红　2024-03-05", [["孙晓光"], ["李晓红"]]),
    ("2024-03-05 10:21:36　来源：滨江日报　浏览量：1024", "作者：李晓红 来源：滨江日报", [["孙晓光"], ["李晓红"]]),
])
def test_a_web_pages_line_of_facts_is_its_articles_dateline(tmp_path, facts1, facts2, reporters):
    # text copied from a paper's web site: the line of facts under each title is the article's, not an item
    got = items(parse_text(tmp_path, WEB_FACTS.format(facts1=facts1, facts2=facts2)))
    assert list(got.headline) == ["全县召开春耕生产会议", "全县开展植树活动"]
    assert list(got.dateline) == [" ".join(facts1.split()) + " 本报讯（记者孙晓光）", " ".join(facts2.split())]
    assert [list(r) for r in got.reporters] == reporters
    assert list(got.body) == ["今天上午，县政府召开常务会议，研究部署春耕生产工作。会议要求各乡镇抓好落实。",
                              "昨天，全县植树活动在城郊举行，干部群众一千余人参加，共植树两万余株。"]


@pytest.mark.parametrize("line", ["来源：新华社", "数据来源：国家统计局 2023年", "会议 时间：上午九点",
                                  "日期：2024-03-05 时间：09:00"])
def test_lines_like_facts_that_are_not(line):
    # one field alone (a source closing an article), fields a web page does not print under titles, or a
    # notice's date and time alone
    assert bylines.web_meta(line) is None


def test_titles_in_brackets_broken_over_lines_under_an_item_without_one(tmp_path):
    # the page's first item has no title; the titles in brackets after it, each broken by a narrow column
    text = ("　　本报讯 3月5日，全县召开春耕生产会议，部署今年春耕工作。\n\n【全市春耕生产工作\n会议召开】\n"
            "　　本报讯 3月6日，全市春耕生产工作会议召开。市委书记孔德昌出席会议并讲话。\n\n【城南区开展\n植树活动】\n"
            "　　近日，城南区组织干部群众开展植树活动，区长温德平参加。\n")
    it = items(parse_text(tmp_path, text))
    assert list(it.headline.fillna("-")) == ["-", "【全市春耕生产工作会议召开】", "【城南区开展植树活动】"]
    assert [b.split("，")[0] for b in it.body] == ["3月5日", "3月6日", "近日"]


@pytest.mark.parametrize("line, navigation", [
    ("上一篇  下一篇", True),
    ("【字体：大 中 小】  打印本页  关闭窗口", True),
    ("上一篇：全县开展植树活动", True),               # the next article's title after the colon
    ("分享到：微信 微博", True),
    ("打印 | 关闭", True),                            # two entries that make no line alone
    ("返回目录", True),
    ("当前位置：首页 > 新闻中心 > 本地新闻", True),   # a breadcrumb over the article
    ("收藏", False),                                  # one such entry alone: a title, a column's name
    ("返回", False),
    ("上一篇文章写到，全县开展植树活动。", False),     # text that opens with an entry
    ("打印机厂扩大生产", False),
    ("关闭小煤窑二十处", False),
    ("分享经济", False),
])
def test_a_sites_navigation_lines(line, navigation):
    from epaper.segment import navigation_line
    assert navigation_line(line) == navigation


SITE_COPY = ("全县召开春耕生产工作会议\n孔德昌出席并讲话\n\n"
            "本报讯（记者 王晓东）3月4日，全县春耕生产工作会议召开。县委书记孔德昌出席会议并讲话，县长季文华主持会议。\n"
            "孔德昌强调，各级各部门要抓好春耕生产，确保粮食安全。\n会议还通报了去年全县农业农村工作情况。\n\n"
            "上一篇  下一篇\n【字体：大 中 小】  打印本页  关闭窗口\n\n"
            "县图书馆延长开放时间\n\n本报讯（记者 张明远）自3月起，县图书馆每天开放时间延长至晚上九点，方便读者借阅。\n"
            "返回目录\n")


@pytest.mark.parametrize("segmentation", ["", "rules"])
def test_a_sites_navigation_closes_its_article_and_is_page_level(tmp_path, monkeypatch, segmentation):
    # text copied from an e-paper site, a paragraph a line: the site's navigation is the page's, and each line of
    # a headline block is a title of its own (no line of it wrapped)
    monkeypatch.setenv("EPAPER_SEGMENTATION", segmentation)
    df = parse_text(tmp_path, SITE_COPY)
    got = items(df)
    assert list(got.headline) == ["全县召开春耕生产工作会议", "县图书馆延长开放时间"]
    assert list(got.subheadline.fillna("-")) == ["孔德昌出席并讲话", "-"]
    assert got.body.iloc[0].endswith("农业农村工作情况。") and got.body.iloc[1].endswith("方便读者借阅。")
    pages = df[df.kind == "page_header"].body.tolist()
    assert pages == ["上一篇下一篇", "【字体：大中小】打印本页关闭窗口", "返回目录"]


def test_title_lines_of_a_wrapped_page_still_join():
    # a page of narrow columns: a title wrapped over lines of the block's width is one title
    from epaper import segment
    page = [(1, "全市开展冬春农田水利基本"), (2, "建设大会战")] + [(k, "会议要求，各乡镇要抓好落") for k in range(3, 9)]
    blocks = [segment.make_block(page[:2]), segment.make_block(page[2:])]
    assert not segment.unwrapped_page(blocks)
    assert segment.title_lines(blocks[0], unwrapped=segment.unwrapped_page(blocks)) == ["全市开展冬春农田水利基本建设大会战"]


@pytest.mark.parametrize("credit, photographers", [
    ("（本报记者 王强 摄）", ["王强"]),
    ("（王强 供图）", ["王强"]),
    ("（通讯员 王强 供图）", ["王强"]),
    ("（王强/摄）", ["王强"]),
    ("（资料图片）", []),                  # credits that name no photographer
    ("（受访者供图）", []),
    ("（县文旅局供图）", []),
    ("（新华社发）", []),
    ("（图片来源：县文旅局）", []),
])
def test_a_captions_credit_as_local_papers_print_it(tmp_path, credit, photographers):
    text = ("全县召开春耕生产会议\n\n本报讯 今天上午，县政府召开常务会议，研究部署春耕生产工作。\n\n"
            f"湖面冰帆竞速忙\n\n近日，游客在北湖公园冰面上体验冰帆运动，感受冰雪乐趣。{credit}\n\n"
            "县图书馆延长开放时间\n\n本报讯 自3月起，县图书馆每天开放时间延长至晚上九点，方便读者借阅。\n")
    got = items(parse_text(tmp_path, text))
    assert list(got.headline) == ["全县召开春耕生产会议", "湖面冰帆竞速忙", "县图书馆延长开放时间"]
    photo = got.iloc[1]
    assert photo.kind == "photo" and photo.credit == credit.replace(" ", "") and list(photo.photographers) == photographers
    assert photo.body == "近日，游客在北湖公园冰面上体验冰帆运动，感受冰雪乐趣。"


@pytest.mark.parametrize("ending", ["（全文另发）", "这些设备由县文旅局提供。", "（县文旅局）"])
def test_brackets_and_words_that_are_no_photo_credit_stay_in_the_text(tmp_path, ending):
    text = (f"县图书馆新添一批设备\n\n本报讯 自3月起，县图书馆新添自助借还机十台。{ending}\n\n"
            "全县召开春耕生产会议\n\n本报讯 今天上午，县政府召开常务会议，研究部署春耕生产工作。\n")
    got = items(parse_text(tmp_path, text))
    assert got.credit.isna().all() and got.kind.iloc[0] != "photo" and not got.photographers.iloc[0]
    assert (got.body.iloc[0] + (got.byline.iloc[0] or "")).endswith(ending)      # in the text, or its author


@pytest.mark.parametrize("title", ["审核制度改革见实效", "统筹推进城乡一体化发展", "编辑部的故事",
                                   "上图书馆成为新时尚", "图为民服务办实事",      # and with a photo marker's characters
                                   "扫码点餐成为新风尚"])                         # or a note's, over a dateline
def test_a_title_that_opens_with_an_editors_or_a_markers_word_is_a_headline(tmp_path, title):
    text = (f"全县召开春耕生产会议\n\n本报讯 今天上午，县政府召开常务会议，研究部署春耕生产工作。\n\n{title}\n\n"
            "本报讯 近日，县里出台新办法，进一步规范相关工作流程，提高办事效率。\n")
    got = items(parse_text(tmp_path, text))
    assert list(got.headline) == ["全县召开春耕生产会议", title]


@pytest.mark.parametrize("byline, reporters, photographers", [
    ("文/孔德昌", ["孔德昌"], []),                       # an author's label before the name, no role
    ("文／孔德昌　图／季文华", ["孔德昌"], ["季文华"]),
    ("文/图 孔德昌", ["孔德昌"], []),
    ("作者：孔德昌", ["孔德昌"], []),
])
def test_an_authors_label_under_a_title_makes_a_byline(tmp_path, byline, reporters, photographers):
    text = ("全县召开春耕生产会议\n\n本报讯 今天上午，县政府召开常务会议，研究部署春耕生产工作。\n\n老街坊的新日子\n\n"
            f"{byline}\n\n　　清晨六点，老街的早点铺子就开了门，热气腾腾的包子刚出笼。\n\n"
            "　　铺子的主人说，这几年街道改造以后，来吃早点的人一年比一年多。\n")
    df = parse_text(tmp_path, text)
    got = items(df).iloc[1]
    assert got.headline == "老街坊的新日子" and pd.isna(got.subheadline) and got.byline == byline.replace(" ", "").replace("\u3000", "")
    assert (list(got.reporters), list(got.photographers)) == (reporters, photographers)
    assert got.body.startswith("清晨六点") and "孔德昌" not in set(helpers.extract_people(df).name)


@pytest.mark.parametrize("line", ["文明城市创建", "文/化自信", "作者的话"])
def test_what_opens_as_an_authors_label_and_is_no_byline(line):
    assert bylines.parse_byline(line) is None
