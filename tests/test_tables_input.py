"""Tables of articles already cut into items (CSV, TSV, JSON Lines, Excel, Parquet) as article tables,
and a raw folder that mixes them with text and PDF issues and saved web pages."""
import os
import shutil
import subprocess
import sys

import pandas as pd
import pytest

import helpers
from checks import items
from conftest import FIXTURES, SAMPLE


def test_csv_with_chinese_columns():
    df = helpers.read_articles(FIXTURES / "articles.csv")
    assert list(df.columns) == helpers.COLUMNS
    assert df.headline.tolist() == ["全县召开安全生产工作会议", "春耕备耕有序推进", "县政协召开主席会议"]
    assert df.page.tolist() == [1, 2, 1] and df.newspaper.unique().tolist() == ["某县日报"]
    assert df.issue_date.dt.strftime("%Y-%m-%d").tolist() == ["2024-03-06", "2024-03-06", "2024-03-08"]
    first = df.iloc[0]
    assert first.dateline == "本报讯（记者张明远）" and first.reporters == ["张明远"] and first.kind == "news"
    assert first.body.startswith("3月5日") and str(first.event_date.date()) == "2024-03-05"
    assert df.iloc[1].subheadline == "各地抓早动快" and df.iloc[1].reporters == ["赵敏"]
    assert df.article_id.is_unique and df.start_line.tolist() == [1, 2, 3] and set(df.source) == {"articles.csv"}


def test_jsonl_with_english_columns_and_people():
    df = helpers.read_articles(FIXTURES / "articles.jsonl")
    assert df.headline.tolist() == ["市长调研重点项目", "志愿服务进社区"] and df.page.tolist() == [1, 3]
    people = helpers.extract_people(df)
    assert {(r.name, r.role) for r in people.itertuples()} == {("佟东升", "leader"), ("蔡春林", "attendee")}


@pytest.mark.parametrize("listed, names", [
    ("孔德昌 季文华 赵小明", ["孔德昌", "季文华", "赵小明"]),           # names a space apart, as web copies list them
    ("孔德昌　季文华　赵小明", ["孔德昌", "季文华", "赵小明"]),         # or a full-width space
    ("孔德昌、季文华、赵小明", ["孔德昌", "季文华", "赵小明"]),
    ("宋 峰、季文华", ["宋峰", "季文华"]),                             # a two-character name set apart in print
])
def test_a_tables_text_reads_as_a_parsed_issues_does(tmp_path, listed, names):
    pd.DataFrame({"标题": ["全市召开春耕生产会议"], "正文": [f"本报讯 3月4日，全市春耕生产工作会议召开。市领导{listed}出席会议。"],
                  "日期": ["2024-03-05"]}).to_csv(tmp_path / "a.csv", index=False)
    df = helpers.read_articles(tmp_path / "a.csv")
    assert df.body.iloc[0] == f"3月4日，全市春耕生产工作会议召开。市领导{''.join(listed.split())}出席会议。"
    assert sorted(helpers.extract_people(df).name) == sorted(names)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_encodings_and_other_formats(tmp_path, encoding):
    src = pd.read_csv(FIXTURES / "articles.csv", dtype=str, keep_default_na=False)
    (tmp_path / "a.csv").write_bytes(src.to_csv(index=False).encode(encoding))
    src.to_csv(tmp_path / "b.tsv", sep="\t", index=False)
    src.to_excel(tmp_path / "c.xlsx", index=False)
    src.to_parquet(tmp_path / "d.parquet")
    want = helpers.read_articles(FIXTURES / "articles.csv")[["headline", "body", "issue_date", "page"]]
    for name in ("a.csv", "b.tsv", "c.xlsx", "d.parquet"):
        got = helpers.read_articles(tmp_path / name)[["headline", "body", "issue_date", "page"]]
        pd.testing.assert_frame_equal(got, want, check_dtype=False)


def test_columns_named_by_the_researcher_and_bad_tables(tmp_path):
    (tmp_path / "x.csv").write_text("题,稿件正文,出版\n某标题,某县召开会议。,2024-01-02\n", encoding="utf-8")
    with pytest.raises(helpers.ParseError) as e:
        helpers.read_articles(tmp_path / "x.csv")
    assert "x.csv" in str(e.value) and "no body column" in e.value.reason and "稿件正文" in e.value.reason
    df = helpers.read_articles(tmp_path / "x.csv", columns={"题": "headline", "稿件正文": "body", "出版": "issue_date"},
                               newspaper="某报")
    assert df.loc[0, ["headline", "body", "newspaper"]].tolist() == ["某标题", "某县召开会议。", "某报"]
    (tmp_path / "y.parquet").write_bytes(b"not a parquet file")
    with pytest.raises(helpers.ParseError, match="y.parquet: cannot be read as a parquet table"):
        helpers.read_articles(tmp_path / "y.parquet")


def _mixed_folder(raw):
    raw.mkdir()
    shutil.copy(SAMPLE, raw / SAMPLE.name)
    shutil.copy(FIXTURES / "issue.pdf", raw / "滨江日报_2024-03-05.pdf")
    shutil.copy(FIXTURES / "articles.csv", raw / "articles.csv")
    shutil.copy(FIXTURES / "articles.jsonl", raw / "某市日报.jsonl")
    shutil.copy(FIXTURES / "article_page.html", raw / "article_page.html")
    return raw


def test_a_folder_mixing_text_pdf_tables_and_web_pages_builds_one_corpus(tmp_path):
    raw, out = _mixed_folder(tmp_path / "raw"), tmp_path / "out"
    (raw / "broken.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    result = helpers.build(raw, out)
    arts = result.articles
    assert set(arts.source) == {SAMPLE.name, "滨江日报_2024-03-05.pdf", "articles.csv", "某市日报.jsonl",
                                "article_page.html"}
    assert arts.article_id.is_unique and len(arts[~arts.source.isin([SAMPLE.name, "滨江日报_2024-03-05.pdf"])]) == 6
    pdf_rows = arts[arts.source == "滨江日报_2024-03-05.pdf"]
    assert (pdf_rows.newspaper == "滨江日报").all() and pdf_rows.bbox.notna().all() and len(pdf_rows) == 7
    assert result.problems.file.tolist() == ["broken.csv"] and "no body column" in result.problems.reason.iloc[0]
    issues = result.issues
    assert (issues.conserved == 1.0).all()
    people = result.people
    assert {"易建国", "佟东升", "宫卫红", "蔡春林"} <= set(people.name)
    again = helpers.build(raw, out)
    assert again.counts["reused"] == 6 and again.counts["added"] == 0          # the broken file is remembered too


def test_the_notebooks_run_on_a_mixed_corpus(tmp_path):
    """Text and PDF issues, tables and web pages built together; every notebook runs on the result."""
    raw = _mixed_folder(tmp_path / "raw")
    env = {**os.environ, "EPAPER_PROCESSED": str(tmp_path / "out"), "EPAPER_FIGURES": str(tmp_path / "figures")}
    code = ("from epaper.build import build; from epaper.notebooks import run_notebooks; "
            f"build({str(raw)!r}, progress=False); print(len(run_notebooks(progress=False)))")
    done = subprocess.run([sys.executable, "-c", code], cwd=helpers.ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.split()[-1] == str(len(list((helpers.ROOT / "notebooks").glob("*.ipynb"))))
    assert any((tmp_path / "figures").iterdir())


def test_saved_web_page_of_one_article():
    df = helpers.read_webpage(FIXTURES / "article_page.html")
    assert list(df.columns) == helpers.COLUMNS and len(df) == 1
    r = df.iloc[0]
    assert (r.headline, r.subheadline, r.newspaper, r.page) == ("全市召开优化营商环境推进会", "着力打造一流营商环境", "某市日报", 3)
    assert str(r.issue_date.date()) == "2023-05-16" and str(r.event_date.date()) == "2023-05-15"   # date from the URL
    assert r.dateline == "本报讯（记者赵敏通讯员孙立）" and r.reporters == ["赵敏"] and r.correspondents == ["孙立"]
    assert r.body.split("\n")[0].startswith("5月15日") and len(r.body.split("\n")) == 3
    for noise in ("脚本", "上一篇", "分享到", "版权所有", "第01版", "要闻"):
        assert noise not in r.body                                      # navigation and boilerplate left out
    assert {p.name for p in helpers.extract_people(df).itertuples()} == {"易建国", "佟东升", "蔡春林", "钱海波", "吕桂芝"}


def test_web_page_with_br_lines_and_pages_without_text(tmp_path):
    page = ("<html><head><title>县长调研春耕 - 某县新闻网</title>"
            "<meta property='article:published_time' content='2024-04-02T08:00:00+08:00'></head><body>"
            "<div class='menu'><a href='/'>首页</a> <a href='/news'>新闻</a></div>"
            "<div class='content'>4月1日，县长甘伟到乡镇调研春耕生产。<br>副县长戚明陪同。<br></div></body></html>")
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    df = helpers.read_webpage(tmp_path / "a.html")
    r = df.iloc[0]
    assert r.headline == "县长调研春耕" and str(r.issue_date.date()) == "2024-04-02"
    assert r.body == "4月1日，县长甘伟到乡镇调研春耕生产。\n副县长戚明陪同。" and "首页" not in r.body
    (tmp_path / "empty.html").write_text("<html><body><nav>首页</nav></body></html>", encoding="utf-8")
    with pytest.raises(helpers.ParseError, match="empty.html: no article text"):
        helpers.read_webpage(tmp_path / "empty.html")


@pytest.mark.parametrize("name, layout", [
    ("articles.csv", "table"), ("articles.jsonl", "table"), ("article_page.html", "webpage"), ("issue.pdf", "before"),
])
def test_one_dispatch_by_file_type(name, layout):
    df, text = helpers.read_input(FIXTURES / name)
    assert list(df.columns) == helpers.COLUMNS and set(df.source) == {name} and set(df.layout) == {layout}
    assert helpers.conservation(text, df)["ratio"] == 1.0


def test_one_dispatch_refuses_what_it_cannot_read(tmp_path):
    bad = tmp_path / "notes.pdf"
    bad.write_bytes(b"\x00\x01binary")
    with pytest.raises(helpers.ParseError, match="notes.pdf"):
        helpers.read_input(bad)


# ---------------------------------------------------------------- exports of newspaper databases, fields labelled

BRACKETED = """【标题】全县召开春耕生产工作会议
【副标题】孔德昌出席并讲话
【作者】陈立群
【报纸】某县日报
【日期】2024-03-06
【版次】第01版
【栏目】要闻
【正文】
　　本报讯（记者 陈立群）3月5日，全县春耕生产工作会议召开。县委书记孔德昌出席会议并讲话，县长温德平主持会议。
　　会议要求，各乡镇要抓好春耕备耕。
【关键词】春耕；会议

【标题】县政协召开主席会议
【作者】周文
【报纸】某县日报
【日期】2024-03-07
【版次】第02版
【正文】
　　3月6日，县政协召开主席会议，县政协主席钱永刚主持会议。
"""

COLONS = """标题：全县召开春耕生产工作会议
引题：压实责任　抓好落实
作者：陈立群
正文：本报讯（记者 陈立群）3月5日，全县春耕生产工作会议召开。县委书记孔德昌出席会议并讲话，县长温德平主持会议。
会议要求，各乡镇要抓好春耕备耕。
来源：某县日报
标题：县政协召开主席会议
作者：周文
正文：3月6日，县政协召开主席会议，县政协主席钱永刚主持会议。
来源：某县日报
"""


ENGLISH = """{Reference Type}: Newspaper Article
{Title}: 全县召开春耕生产工作会议
{Author}: 陈立群
{Date}: 2024-03-06
{Pages}: 1
{Content}: 本报讯（记者 陈立群）3月5日，全县春耕生产工作会议召开。县委书记孔德昌出席会议并讲话，县长温德平主持会议。
会议要求，各乡镇要抓好春耕备耕。
{Reference Type}: Newspaper Article
{Title}: 县政协召开主席会议
{Author}: 周文
{Date}: 2024-03-07
{Pages}: 2
{Content}: 3月6日，县政协召开主席会议，县政协主席钱永刚主持会议。
"""


@pytest.mark.parametrize("text, dates, pages", [
    (BRACKETED, ["2024-03-06", "2024-03-07"], [1, 2]),
    (ENGLISH, ["2024-03-06", "2024-03-07"], [1, 2]),
    # each record opened by its number, as news databases number them; the page as 页码
    ("".join(f"文章编号: {k}\n{r}" for k, r in enumerate(BRACKETED.replace("【版次】第0", "【页码】").split("\n\n"), 1)),
     ["2024-03-06", "2024-03-07"], [1, 2]),
    (BRACKETED.replace("【标题】", "Title-题名: ").replace("【正文】", "Content-正文: ").replace("【作者】", "Author-作者："),
     ["2024-03-06", "2024-03-07"], [1, 2]),
    (COLONS, ["2024-03-08", "2024-03-08"], [1, 1]),            # no date or page field: the file's name
    (COLONS.replace("标题：", "[标题]").replace("正文：", "[正文]"), ["2024-03-08", "2024-03-08"], [1, 1]),
])
def test_a_database_export_of_labelled_articles(tmp_path, text, dates, pages):
    path = tmp_path / "某县日报_2024-03-08.txt"
    path.write_text(text, encoding="utf-8")
    df = helpers.parse_issue(path)
    assert df.headline.tolist() == ["全县召开春耕生产工作会议", "县政协召开主席会议"]
    assert df.byline.tolist() == ["陈立群", "周文"] and df.reporters.tolist() == [["陈立群"], ["周文"]]
    assert df.iloc[0].dateline == "本报讯（记者陈立群）" and df.iloc[0].kind == "news"
    assert df.body.tolist() == [
        "3月5日，全县春耕生产工作会议召开。县委书记孔德昌出席会议并讲话，县长温德平主持会议。\n会议要求，各乡镇要抓好春耕备耕。",
        "3月6日，县政协召开主席会议，县政协主席钱永刚主持会议。"]
    assert df.issue_date.dt.strftime("%Y-%m-%d").tolist() == dates and df.page.tolist() == pages
    assert df.page_label.tolist() == ([str(p) for p in pages] if "版次" in text or "Pages" in text or "页码" in text else [None, None])
    assert set(df.newspaper) == {"某县日报"} and set(df.layout) == {"labelled"}
    table, source = helpers.read_input(path)
    assert table.equals(df) and helpers.conservation(source, df)["ratio"] == 1.0
    people = helpers.extract_people(df)
    assert {("孔德昌", "speaker"), ("温德平", "chair"), ("钱永刚", "chair")} <= set(zip(people.name, people.role))


@pytest.mark.parametrize("text", [
    # an issue's text with a line that reads like a label: parsed as an issue
    "全县召开春耕生产工作会议\n\n作者：本报记者 陈立群\n\n正文：全县春耕生产工作会议召开。\n",
    # labels without a body: no export of articles
    "标题：全县召开春耕生产工作会议\n作者：陈立群\n",
])
def test_texts_that_are_no_export_of_labelled_articles(tmp_path, text):
    path = tmp_path / "某县日报_2024-03-08.txt"
    path.write_text(text, encoding="utf-8")
    assert set(helpers.parse_issue(path).layout) != {"labelled"}


def test_a_database_export_builds_beside_issues(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SAMPLE, raw / SAMPLE.name)
    (raw / "某县日报_2024-03-08.txt").write_text(BRACKETED, encoding="utf-8")
    result = helpers.build(raw, tmp_path / "out", progress=False, workers=1)
    labelled = result.articles[result.articles.source == "某县日报_2024-03-08.txt"]
    assert labelled.headline.tolist() == ["全县召开春耕生产工作会议", "县政协召开主席会议"]
    assert (result.issues.conserved == 1.0).all() and result.problems.empty
    assert "孔德昌" in set(result.people.name)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "utf-16"])
def test_a_database_export_in_other_encodings(tmp_path, encoding):
    path = tmp_path / "某县日报_2024-03-08.txt"
    path.write_bytes(BRACKETED.encode(encoding))
    df = helpers.parse_issue(path)
    assert set(df.layout) == {"labelled"} and df.headline.tolist() == ["全县召开春耕生产工作会议", "县政协召开主席会议"]


def test_files_the_build_does_not_read_are_named_with_the_reason(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SAMPLE, raw / SAMPLE.name)
    (raw / "第3版.doc").write_bytes(b"\xd0\xcf\x11\xe0 old Word")
    (raw / ".DS_Store").write_bytes(b"\x00")
    result = helpers.build(raw, tmp_path / "out", progress=False, workers=1)
    assert result.problems.file.tolist() == ["第3版.doc"]
    assert ".doc is no type the build reads" in result.problems.reason.iloc[0]
    assert result.totals["issues"] == 1 and "problems: 1" in result.summary()


def test_a_database_export_with_its_header_above_the_records(tmp_path):
    path = tmp_path / "某县日报_2024-03-08.txt"
    path.write_text("某某新闻数据库\n检索词：春耕\n共 2 篇\n\n" + BRACKETED, encoding="utf-8")
    df = helpers.parse_issue(path)
    assert df.kind.tolist()[0] == "page_header" and df.body.iloc[0] == "某某新闻数据库\n检索词：春耕\n共2篇"
    assert items(df).headline.tolist() == ["全县召开春耕生产工作会议", "县政协召开主席会议"]
    table, source = helpers.read_input(path)
    assert helpers.conservation(source, table)["ratio"] == 1.0 and "检索词" in source
