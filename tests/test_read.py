"""Reading raw issues: encodings, line ends, pages, and the one error type for bad files."""
import pytest

import helpers
from checks import items, parse_checked, parse_text
from epaper import read

ISSUE = (
    "市政府召开全市安全生产工作会议\n\n"
    "本报讯（记者张明远） 3月5日上午，市政府召开安全生产工作会议。市长李国华出席会议并讲话。\n\n"
    "会议要求，各地要压实责任。\n\n"
    "全市春耕备耕工作有序推进\n\n"
    "本报讯（记者王国庆） 3月6日，记者从市农业农村局获悉，全市春耕备耕工作有序推进。\n"
)


@pytest.mark.parametrize("encoding, bom", [
    ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gb18030", b""), ("gbk", b""),
    ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_encodings_and_line_ends_give_the_same_table(tmp_path, encoding, bom, newline):
    path = tmp_path / "issue.txt"
    path.write_bytes(bom + ISSUE.replace("\n", newline).encode(encoding))
    df = items(parse_checked(path))
    assert list(df.headline) == ["市政府召开全市安全生产工作会议", "全市春耕备耕工作有序推进"]
    assert [list(r) for r in df.reporters] == [["张明远"], ["王国庆"]]
    assert list(df.start_line) == [1, 7]


@pytest.mark.parametrize("pad", [" ", "   ", "\t", "\u3000\u3000", " \u3000"])
def test_spaces_ending_lines_change_nothing(tmp_path, pad):
    plain = items(parse_text(tmp_path, ISSUE, name="a.txt"))
    padded = items(parse_text(tmp_path, ISSUE.replace("\n", pad + "\n"), name="b.txt"))
    cols = ["headline", "dateline", "body", "start_line", "end_line"]
    assert padded[cols].values.tolist() == plain[cols].values.tolist()
    assert all(not raw.endswith((" ", "\t", "\u3000")) for _, raw in helpers.read_pages(tmp_path / "b.txt")[0].lines)


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"),
    (b"  \n\r\n\t ", "empty"),
    (bytes(range(256)) * 8, "binary"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"\xff\xfe\x00\xd8\x00\xd8", "utf-16"),          # BOM, then unpaired surrogates
    (b"\x81\x30\x81\x30\xfe\xff\xfe", "undecodable"),
])
def test_bad_files_raise_one_error_naming_file_and_reason(tmp_path, content, reason):
    path = tmp_path / "bad_issue.txt"
    path.write_bytes(content)
    with pytest.raises(helpers.ParseError) as err:
        helpers.parse_issue(path)
    assert "bad_issue.txt" in str(err.value) and reason in str(err.value)
    assert err.value.path.endswith("bad_issue.txt") and err.value.reason


def test_missing_file_is_a_parse_error(tmp_path):
    with pytest.raises(helpers.ParseError, match="nothere.txt: cannot be read"):
        helpers.parse_issue(tmp_path / "nothere.txt")


def test_pages_by_form_feed(tmp_path):
    text = ISSUE + "\f要闻\n\n" + ISSUE.replace("3月", "4月")
    df = parse_text(tmp_path, text)
    assert sorted(set(df.page)) == [1, 2]
    assert list(items(df).page) == [1, 1, 2, 2]
    assert set(df.loc[df.page == 2, "page_title"]) == {"要闻"}


@pytest.mark.parametrize("text, pages, empty", [
    ("甲。\f乙。\f", [1, 2], []),                    # a form feed ends every page: none after the last
    ("甲。\f\f丙。\f", [1, 2, 3], [2]),              # a page of images: no text between two form feeds
    ("甲。\f \n\u3000\n\f丙。", [1, 2, 3], [2]),       # ... or only white space
    ("\f乙。\f丙。\f\f", [1, 2, 3, 4], [1, 4]),         # before the first page's text, after the last's
    ("甲。\n\n乙。\n", [1], []),                     # no form feed: one page
])
def test_pages_without_text_keep_their_numbers_and_are_named(text, pages, empty):
    got = helpers.split_pages(text)
    assert [p.number for p in got] == pages
    assert helpers.empty_pages(got) == empty


def test_the_pages_after_an_empty_page_keep_their_numbers(tmp_path):
    df = parse_text(tmp_path, ISSUE + "\f\f要闻\n\n" + ISSUE.replace("3月", "4月"))
    assert list(items(df).page) == [1, 1, 3, 3]
    assert df.attrs["pages"] == 3 and df.attrs["empty_pages"] == [2]


@pytest.mark.parametrize("headers, pages", [
    (("第01版：要闻", "第02版：综合"), [1, 2]),                          # a page and its section
    (("滨江日报 2024年3月5日 第1版", "滨江日报 2024年3月5日 第4版"), [1, 4]),  # pages kept: numbers as printed
    (("第一版", "第三版"), [1, 3]),
    (("滨江日报 2024年3月5日 星期二 A1", "滨江日报 2024年3月5日 星期二 A2"), [1, 2]),   # letters: in order
    (("第２版 要闻", "第１版 要闻"), [1, 2]),                             # numbers that do not rise: in order
    # marks that conversion scripts print before each page
    (("=== 第1页 ===", "=== 第2页 ==="), [1, 2]),
    (("--- Page 3 ---", "--- Page 4 ---"), [3, 4]),
    (("【第01版】", "【02版：要闻】"), [1, 2]),
    (("[Page 1]", "[Page 2]"), [1, 2]),
    (("Page 1 of 2", "Page 2 of 2"), [1, 2]),
    (("—— 第1页/共2页 ——", "—— 第2页/共2页 ——"), [1, 2]),
    # a header in any order of its parts, with its date
    (("A1 要闻 2024.03.05", "A2 国内 2024.03.05"), [1, 2]),
    (("=== 1 ===", "=== 2 ==="), [1, 2]),                               # numbers between rules heading pages
    (("2024年3月5日 星期二 第01版 要闻", "2024年3月5日 星期二 第04版 国内"), [1, 4]),
])
def test_pages_by_header_lines_where_nothing_else_marks_them(tmp_path, headers, pages):
    text = headers[0] + "\n\n" + ISSUE + "\n" + headers[1] + "\n\n" + ISSUE.replace("3月", "4月")
    df = parse_text(tmp_path, text)
    assert list(items(df).page) == [pages[0]] * 2 + [pages[1]] * 2
    assert list(df[df.kind == "page_header"].page) == pages


@pytest.mark.parametrize("text", [
    "第3版：要闻\n\n" + ISSUE,                                   # one header: one page
    ISSUE + "\n据本报2024年3月5日第3版报道，\n" + ISSUE + "\n第3版刊登了本报\n",   # text that names pages
    ISSUE + "\n=== 1 ===\n\n" + ISSUE + "\n=== 2 ===\n",            # numbers between rules after text: footers
    ISSUE + "\n--- 详见第3页 ---\n\n" + ISSUE + "\n--- 详见第4页 ---\n",
    ISSUE + "\n要闻 第3版\n\n" + ISSUE + "\n要闻 第4版\n",              # a page and words, no date: maybe text
])
def test_lines_that_name_a_page_but_are_no_headers_cut_nothing(tmp_path, text):
    assert set(parse_text(tmp_path, text).page) == {1}


@pytest.mark.parametrize("indent", ["", "\u3000\u3000"])      # a paragraph's ideographic indent may follow the space
def test_pages_by_space_led_line(tmp_path, indent):
    text = " " + ISSUE + "\n " + indent + ISSUE.replace("3月", "4月")
    df = parse_text(tmp_path, text)
    assert list(items(df).page) == [1, 1, 2, 2]


def test_indented_paragraphs_are_not_pages(tmp_path):
    paras = "".join(f"  第{i}段内容，记录了会议的具体安排和要求。\n" for i in range(12))
    df = parse_text(tmp_path, "会议安排\n\n本报讯（记者张明远）" + paras)
    assert set(df.page) == {1}
    assert items(df).body.iloc[0].count("\n") == 11      # an indent starts a paragraph


def test_folder_of_page_files(tmp_path):
    folder = tmp_path / "某某日报_2023-03-07"
    folder.mkdir()
    (folder / "page10.txt").write_text(ISSUE.replace("3月", "5月"), encoding="utf-8")
    (folder / "page2.txt").write_text(ISSUE.replace("3月", "4月"), encoding="gbk")
    (folder / "page1.txt").write_text(" " + ISSUE, encoding="utf-8")
    df = parse_checked(folder)
    it = items(df)
    assert list(it.page) == [1, 1, 2, 2, 3, 3]
    assert [d.month for d in it.event_date] == [3, 3, 4, 4, 5, 5]
    assert (df.newspaper == "某某日报").all() and df.issue_id.iloc[0] == "某某日报_2023-03-07"


@pytest.mark.parametrize("blank", [b"", b"\r\n  \r\n", "\ufeff\n".encode("utf-16")])
def test_an_empty_page_file_is_a_page_without_text(tmp_path, blank):
    folder = tmp_path / "某某日报_2023-03-07"
    folder.mkdir()
    (folder / "page1.txt").write_text(ISSUE, encoding="utf-8")
    (folder / "page2.txt").write_bytes(blank)                       # pdftotext of a page of photos
    (folder / "page3.txt").write_text(ISSUE.replace("3月", "4月"), encoding="utf-8")
    df = parse_checked(folder)
    assert list(items(df).page) == [1, 1, 3, 3]
    assert df.attrs["empty_pages"] == [2]


def test_a_bad_page_file_is_the_issues_error(tmp_path):
    folder = tmp_path / "某某日报_2023-03-07"
    folder.mkdir()
    (folder / "page1.txt").write_text(ISSUE, encoding="utf-8")
    (folder / "page2.txt").write_bytes(b"\x00\x01binary\x00")
    with pytest.raises(helpers.ParseError) as e:
        helpers.parse_issue(folder)
    assert "page2.txt" in str(e.value) and "binary" in str(e.value)


def test_file_name_gives_paper_and_date(tmp_path):
    df = parse_text(tmp_path, ISSUE, name="某某日报_2023-03-07.txt")
    assert (df.newspaper == "某某日报").all()
    assert str(df.issue_date.iloc[0].date()) == "2023-03-07" and not df.issue_date_inferred.any()


def test_header_line_gives_paper_and_date(tmp_path):
    df = parse_text(tmp_path, "某某日报 2023年3月7日 第2版\n\n" + ISSUE)
    assert df.newspaper.iloc[0] == "某某日报"
    assert str(df.issue_date.iloc[0].date()) == "2023-03-07" and df.issue_date_inferred.all()
    assert (df.kind == "page_header").sum() == 1


def test_numbers_between_rules_heading_pages_mark_every_page_with_headers_on_some(tmp_path):
    head = "滨江日报 2024年3月5日 第{}版\n\n"
    text = ("=== 1 ===\n\n" + head.format(1) + ISSUE + "\n=== 2 ===\n\n" + ISSUE +
            "\n=== 3 ===\n\n" + head.format(3) + ISSUE)
    df = parse_text(tmp_path, text)
    assert list(items(df).page) == [1, 1, 2, 2, 3, 3]
    assert sorted(df[df.kind == "page_header"].page) == [1, 1, 2, 3, 3]


# ---------------------------------------------------------------- columns side by side (pdftotext -layout)

def _side_by_side(rows, at=22):
    """Lines of a page with a left and a right column, the right one starting at ``at`` (a title
    running across both when a row is one string)."""
    return "\n".join(r if isinstance(r, str) else r[0].ljust(at) + r[1] if r[1] else r[0] for r in rows) + "\n"


SIDE_BY_SIDE = _side_by_side([
    "全市经济工作会议召开部署今年重点任务推进高质量发展",                    # a title across both columns
    "",
    ("　　本报讯 3月6日，全市经济工作会议", "各部门要抓好落实，确保全年目标"),
    ("召开。市委书记孔德昌出席会议并讲话，", "任务完成。"),
    ("市长温德平主持会议。会议要求，各地", ""),
    "",
    "",
    ("我市召开河长制工作会议", "春耕生产有序推进"),
    ("　　本报讯 3月5日，全市河长制工作", "　　本报讯 近日，全市春耕生产有序"),
    ("会议召开，副市长钱永刚出席会议并", "推进，农资储备充足。"),
    ("讲话。", "　　各地抓住晴好天气，组织农民"),
    ("　　会议要求，各级河长要履职尽责。", "抢抓农时。"),
])


@pytest.mark.parametrize("indent", ["", "  "])
def test_columns_side_by_side_are_read_one_after_the_other(tmp_path, indent):
    text = "".join(indent + line if line else line for line in SIDE_BY_SIDE.splitlines(True))
    it = items(parse_text(tmp_path, text))
    assert list(it.headline) == ["全市经济工作会议召开部署今年重点任务推进高质量发展", "我市召开河长制工作会议", "春耕生产有序推进"]
    assert list(it.body) == [
        "3月6日，全市经济工作会议召开。市委书记孔德昌出席会议并讲话，市长温德平主持会议。会议要求，各地各部门要抓好落实，确保全年目标任务完成。",
        "3月5日，全市河长制工作会议召开，副市长钱永刚出席会议并讲话。\n会议要求，各级河长要履职尽责。",
        "近日，全市春耕生产有序推进，农资储备充足。\n各地抓住晴好天气，组织农民抢抓农时。"]
    assert [(r.start_line, r.end_line) for r in it.itertuples()] == [(1, 5), (8, 12), (8, 12)]   # the file's lines


@pytest.mark.parametrize("lines, starts", [
    ([("全市召开春耕生产会议，部署工作。", "市委书记孔德昌出席会议并讲话")] * 8, [22]),
    ([("全市召开春耕会议。", "市委书记出席。", "市长主持。")] * 8, [22, 44]),
    # one column: indents, centred titles, an editors' line, a single space inside a line
    ([("　　全市召开春耕生产会议，部署全年工作。",)] * 8, []),
    ([("          全市春耕生产有序推进",), ("　　本报记者 孔德昌 3月5日，全市召开会议。",)] * 4, []),
    ([("本版责任编辑：吴芳  美术编辑：郑红",), ("　　全市召开春耕生产会议，部署全年工作。",)] * 4, []),
    # the cells of a table, a list of names set in columns: no columns of text
    ([("　　全市召开春耕生产会议，部署全年工作。",)] * 3 + [("滨江", "晴", "5～15℃")] * 6, []),
    ([("　　出席会议的有：",)] + [("孔德昌", "温德平", "钱永刚")] * 6, []),
])
def test_where_columns_side_by_side_begin(lines, starts):
    page = [(k, "".join(part.ljust(22) for part in row[:-1]) + row[-1]) for k, row in enumerate(lines, 1)]
    assert read.column_starts(page) == starts


def test_pages_read_column_by_column_are_named_in_the_issues_and_quality_tables(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    plain = "\n".join(line.strip() for line in ISSUE.splitlines()) + "\n"
    (raw / "滨江日报_2024-03-05.txt").write_text(plain + "\f" + SIDE_BY_SIDE, encoding="utf-8")
    (raw / "滨江日报_2024-03-06.txt").write_text(plain, encoding="utf-8")
    result = helpers.build(raw, tmp_path / "out", progress=False, workers=1)
    assert result.issues.set_index("source").column_pages.to_dict() == {"滨江日报_2024-03-05.txt": "2",
                                                                        "滨江日报_2024-03-06.txt": ""}
    quality = helpers.data_quality(result.articles, result.issues)
    assert quality.column_pages.tolist() == ["2", ""]


@pytest.mark.parametrize("rows, expected", [
    # a title across both columns between two stories: the columns above it, the title, the columns below
    ([("甲一甲一甲一甲一甲一。", "甲二甲二甲二甲二甲二。")] * 3
     + ["标题" * 17]
     + [("乙一乙一乙一乙一乙一。", "乙二乙二乙二乙二乙二。")] * 3,
     ["甲一"] * 3 + ["甲二"] * 3 + ["标题"] + ["乙一"] * 3 + ["乙二"] * 3),
    # the left column's line runs on past where the right one starts (digits print narrower): cut at its space
    ([("甲一甲一甲一甲一甲一。", "甲二甲二甲二甲二甲二。")] * 3 + [("甲一1998年12月31日12时30分，", "甲二甲二。")]
     + [("甲一甲一甲一甲一甲一。", "甲二甲二甲二甲二甲二。")] * 2,
     ["甲一"] * 6 + ["甲二"] * 6),
])
def test_columns_side_by_side_in_reading_order(rows, expected):
    lines = [(k, r if isinstance(r, str) else (r[0] + " " if len(r[0]) >= 22 else r[0].ljust(22)) + r[1])
             for k, r in enumerate(rows, 1)]
    assert [t.strip()[:2] for _, t in read.unstack_columns(lines) if t.strip()] == expected


@pytest.mark.parametrize("left, parted", [
    ("会议要求各乡镇抓好落实确保春耕", False),    # a full line of its column, no comma: the paragraph goes on
    ("会议要求各乡镇抓好落实。", True),           # a sentence's end: the blank row parts the paragraphs
    ("春耕生产", True),                           # a line clearly shorter than the column's: a title, an end
])
def test_a_blank_row_parts_a_columns_paragraph_only_after_a_line_that_may_end_one(left, parted):
    # the right column's paragraphs stand a blank row apart; the left column's line before that row
    full = "全县召开春耕生产工作会议研究部署"
    rows = [(full, "本报讯 昨天，全县植树活动在城郊举行。")] * 3 + [(left, "干部群众一千余人参加。"), None,
                                                                 ("各项工作顺利进行有序推进", "县领导和大家一起挥锹铲土。")]
    rows += [(full, "本报讯 昨天，全县植树活动在城郊举行。")] * 3
    lines = [(k, "" if r is None else r[0].ljust(22) + r[1]) for k, r in enumerate(rows, 1)]
    got = [t for _, t in read.unstack_columns(lines)]
    k = got.index(left)
    assert (got[k + 1] == "") == parted and got[k + 1 + parted] == "各项工作顺利进行有序推进"
