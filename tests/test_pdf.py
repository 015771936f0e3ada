"""PDF input: characters with their type size and place -> the article table.

The PDFs are made here with reportlab, with fonts both ways Chinese PDFs come: an
embedded TrueType subset (SimHei) and a CID font named but not embedded
(STSong-Light). Texts and names are invented. The figures on the corpus's
evaluation days are in the README (``python -m epaper.segment_eval --pdf``).
"""
import shutil

import pytest

import helpers
from conftest import PFR, SAMPLE
from epaper import pdf, render_pdf, segment_eval
from epaper.parse import ITEM_KINDS
from epaper.read import ParseError

W, H = 595, 842


def draw(path, pages, family="truetype", size=(W, H), **canvas_args):
    """A PDF of pages of ``(text, type size, x, top)`` (points from the top left)."""
    from reportlab.pdfgen import canvas

    font = render_pdf.font(family)
    c = canvas.Canvas(str(path), pagesize=size, invariant=1, **canvas_args)
    for k, page in enumerate(pages):
        if k:
            c.showPage()
        for text, pt, x, top in page:
            c.setFont(font, pt)
            c.drawString(x, size[1] - top, text)
    c.save()
    return path


def column(lines, x, top, pt=10.0, lead=14.0):
    """Body lines down a column from ``top``."""
    return [(t, pt, x, top + k * lead) for k, t in enumerate(lines)]


def items(df):
    return df[df.kind.isin(ITEM_KINDS)].reset_index(drop=True)


# (what the page shows, its lines, the items expected: headline, subheadline, dateline, body)
PAGES = [
    ("a kicker above the headline, a subtitle below: the largest title is the headline",
     [("全市春耕动员", 14, 40, 50), ("春耕备耕正当时", 22, 40, 78), ("农资供应有保障", 14, 40, 100),
      *column(["　　本报讯 连日来，各地抓紧准备农资，", "确保春耕顺利进行。"], 40, 130)],
     [("春耕备耕正当时", "全市春耕动员\n农资供应有保障", "本报讯", "连日来，各地抓紧准备农资，确保春耕顺利进行。")]),
    ("two articles side by side, each under its headline",
     [("东区新建三所学校", 18, 40, 50), ("西区修缮两座桥梁", 18, 310, 50),
      *column(["　　本报讯 东区今年新建三所", "学校，九月开学。"], 40, 80),
      *column(["　　本报讯 西区修缮两座桥梁，", "月底完工。"], 310, 80)],
     [("东区新建三所学校", None, "本报讯", "东区今年新建三所学校，九月开学。"),
      ("西区修缮两座桥梁", None, "本报讯", "西区修缮两座桥梁，月底完工。")]),
    ("an article running from the foot of one column to the head of the next, then the next article",
     [("老街换新颜", 18, 40, 50), *column(["　　本报讯 老街改造完成，路面", "拓宽，沿街店铺"], 40, 80),
      *column(["重新开张。"], 310, 50), ("新桥通车", 18, 310, 90),
      *column(["　　本报讯 新桥今日通车。"], 310, 120)],
     [("老街换新颜", None, "本报讯", "老街改造完成，路面拓宽，沿街店铺重新开张。"),
      ("新桥通车", None, "本报讯", "新桥今日通车。")]),
    ("a brief without a headline after a gap is an item of its own; paragraphs inside an article are not",
     [("夜市开放", 18, 40, 50),
      *column(["　　本报讯 夜市本周开放，摊", "位共计二百个。", "　　营业时间为每晚六时至", "十时。"], 40, 80),
      *column(["　　社区图书馆延长开放时间", "至晚九时。"], 40, 180)],
     [("夜市开放", None, "本报讯", "夜市本周开放，摊位共计二百个。\n营业时间为每晚六时至十时。"),
      (None, None, None, "社区图书馆延长开放时间至晚九时。")]),
]


@pytest.mark.parametrize("family", render_pdf.FAMILIES)
@pytest.mark.parametrize("what, lines, want", PAGES, ids=[p[0][:40] for p in PAGES])
def test_pages(tmp_path, family, what, lines, want):
    df = items(helpers.parse_issue(draw(tmp_path / "p.pdf", [lines], family)))
    got = [(r.headline if isinstance(r.headline, str) else None,
            r.subheadline if isinstance(r.subheadline, str) else None,
            r.dateline if isinstance(r.dateline, str) else None, r.body) for r in df.itertuples()]
    assert got == want


# the example of the README ("Adding issues"): tests/fixtures/issue.pdf, made by make_fixture
FIXTURE_PAGES = [
    [("滨江日报 2024年3月5日 第1版", 8, 40, 30),
     ("市政府召开常务会议", 13, 40, 62), ("部署春季农业生产", 24, 40, 92), ("确保粮食稳产增收", 13, 40, 114),
     *column(["　　本报讯（记者 周明）3月4日，市", "政府召开常务会议，研究部署春季农", "业生产工作。",
              "　　会议要求，各县区要抓紧春耕备"], 40, 144),
     *column(["耕，做好农资储备和调运。", "　　会议还研究了其他事项。"], 310, 144),
     ("滨江大桥主体完工", 20, 40, 250),
     *column(["　　本报讯 滨江大桥主体工程昨日完", "工，预计年内通车。"], 40, 280)],
    [("滨江日报 2024年3月5日 第2版", 8, 40, 30),
     ("社区志愿服务队成立", 20, 40, 62),
     *column(["　　本报记者 吴芳", "　　3月3日，东城社区志愿服务队成", "立，首批队员六十人。"], 40, 92),
     *column(["　　上图 志愿者在社区宣传防火知", "识。（本报记者 何军摄）"], 40, 160, pt=9, lead=12),
     *column(["　　西城区图书馆即日起延长开放时", "间至晚九时。"], 40, 215)],
]


def make_fixture(path):
    """tests/fixtures/issue.pdf: two pages of invented articles (the embedded TrueType font)."""
    return draw(path, FIXTURE_PAGES)


def test_the_readme_example(tmp_path):
    from conftest import FIXTURES

    df = helpers.parse_issue(FIXTURES / "issue.pdf", newspaper="滨江日报", date="2024-03-05")
    rows = [(r.page, r.kind, *(v if isinstance(v, str) else None for v in (r.headline, r.subheadline)))
            for r in df.itertuples()]
    assert rows == [
        (1, "page_header", None, None),
        (1, "news", "部署春季农业生产", "市政府召开常务会议\n确保粮食稳产增收"),
        (1, "news", "滨江大桥主体完工", None),
        (2, "page_header", None, None),
        (2, "feature", "社区志愿服务队成立", None),
        (2, "photo", None, None),
        (2, "caption", None, None),
    ]
    news = df.iloc[1]
    assert news.reporters == ["周明"] and news.body.endswith("做好农资储备和调运。\n会议还研究了其他事项。")
    assert df.iloc[5].photographers == ["何军"] and df.bbox.notna().all()
    assert helpers.conservation(helpers.pdf_text(FIXTURES / "issue.pdf"), df)["ratio"] == 1.0
    # the committed file is what make_fixture makes
    assert helpers.parse_issue(make_fixture(tmp_path / "issue.pdf")).drop(columns=["source"]).equals(
        helpers.parse_issue(FIXTURES / "issue.pdf").drop(columns=["source"]))


@pytest.mark.parametrize("family", render_pdf.FAMILIES)
def test_bold_faked_by_printing_twice_is_read_once(tmp_path, family):
    """Some e-papers make a title bold by printing it twice, a fraction of a point apart: a line at a
    time, or a character at a time."""
    from reportlab.pdfgen import canvas

    font = render_pdf.font(family)
    c = canvas.Canvas(str(tmp_path / "bold.pdf"), pagesize=(W, H), invariant=1)
    c.setFont(font, 20)
    for dx in (0, 0.4):
        c.drawString(40 + dx, H - 50, "春耕备耕正当时")
    c.setFont(font, 14)
    x = 40.0
    for ch in "农资供应有保障":
        for dx in (0, 0.3):
            c.drawString(x + dx, H - 76, ch)
        x += 14
    c.setFont(font, 10)
    c.drawString(40, H - 110, "本报讯 各地抓紧准备农资。")
    c.save()
    df = items(helpers.parse_issue(tmp_path / "bold.pdf"))
    assert df[["headline", "subheadline", "body"]].values.tolist() == [["春耕备耕正当时", "农资供应有保障",
                                                                        "各地抓紧准备农资。"]]


def test_page_header_section_title_and_boxes(tmp_path):
    lines = [("滨江日报 2024年3月5日 第2版", 8, 40, 30), ("要闻", 24, 40, 62),
             ("大桥合龙", 18, 40, 100), *column(["　　本报讯 大桥昨日合龙。"], 40, 130)]
    df = helpers.parse_issue(draw(tmp_path / "滨江日报_2024-03-05.pdf", [lines]))
    assert df.kind.tolist() == ["page_header", "page_title", "news"]
    assert df.headline.tolist()[1:] == ["要闻", "大桥合龙"]
    assert df.newspaper.iloc[0] == "滨江日报" and str(df.issue_date.iloc[0].date()) == "2024-03-05"
    x0, top, x1, bottom = map(float, df.bbox.iloc[2].split(","))
    assert x0 == pytest.approx(40, abs=1) and 80 < top < 100 and bottom > 130 and x1 > 100
    assert df.source.iloc[0] == "滨江日报_2024-03-05.pdf"


def test_a_folder_of_page_pdfs_is_one_issue_in_page_order(tmp_path):
    folder = tmp_path / "issue"
    folder.mkdir()
    for k, title in ((10, "十版新闻"), (2, "二版新闻")):
        draw(folder / f"page{k}.pdf", [[(title, 18, 40, 50), *column(["　　本报讯 内容。"], 40, 80)]])
    df = items(helpers.parse_issue(folder))
    assert df[["page", "headline"]].values.tolist() == [[1, "二版新闻"], [2, "十版新闻"]]


def test_the_text_in_reading_order(tmp_path):
    path = draw(tmp_path / "p.pdf", [PAGES[2][1]])
    text = helpers.pdf_text(path)
    assert text.index("拓宽，沿街店铺") < text.index("重新开张。") < text.index("新桥通车")


def _encrypted(path):
    return draw(path, [[("本报讯 内容。", 10, 40, 50)]], encrypt="secret")


def _scanned(path):
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(W, H), invariant=1)
    c.drawImage(ImageReader(Image.new("RGB", (100, 100), "white")), 50, 50, 200, 200)
    c.save()
    return path


def _unmapped(path):
    draw(path, [[("本报讯 春耕备耕正忙，各地抓紧准备农资。", 10, 40, 50)]])
    data = path.read_bytes()
    assert data.count(b"/ToUnicode") == 1
    path.write_bytes(data.replace(b"/ToUnicode", b"/ToUnicodX"))    # the font's map to Unicode taken out
    return path


def _not_pdf(path):
    path.write_text("这不是PDF文件", encoding="utf-8")
    return path


def _damaged(path):
    draw(path, [[("本报讯 内容。", 10, 40, 50)]])
    path.write_bytes(path.read_bytes()[:400])
    return path


@pytest.mark.parametrize("make, reason", [
    (_encrypted, "encrypted"), (_scanned, "no text layer"), (_unmapped, "without a Unicode map"),
    (_not_pdf, "not a PDF"), (_damaged, "damaged"),
])
def test_bad_pdfs_are_refused_with_the_file_and_the_reason(tmp_path, make, reason):
    path = make(tmp_path / "bad.pdf")
    with pytest.raises(ParseError) as e:
        helpers.parse_issue(path)
    assert reason in str(e.value) and "bad.pdf" in str(e.value)


def test_a_mapped_pdf_is_not_refused(tmp_path):
    regions, body = pdf.read_pdf(draw(tmp_path / "ok.pdf", [[("本报讯 内容。", 10, 40, 50)]]))[0]
    assert regions[0][0].text == "本报讯 内容。" and body == 10


def test_a_batch_builds_around_bad_pdfs(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    draw(raw / "滨江日报_2024-03-05.pdf", [[("大桥合龙", 18, 40, 50), *column(["　　本报讯 大桥昨日合龙。"], 40, 80)]],
         "cid")
    _scanned(raw / "scan.pdf")
    _unmapped(raw / "nomap.pdf")
    shutil.copy(SAMPLE, raw / SAMPLE.name)
    result = helpers.build(raw, tmp_path / "out", progress=False, workers=1)
    problems = dict(zip(result.problems.file, result.problems.reason))
    assert set(problems) == {"scan.pdf", "nomap.pdf"}
    assert "no text layer" in problems["scan.pdf"] and "Unicode map" in problems["nomap.pdf"]
    arts = result.articles
    pdf_rows = arts[arts.source == "滨江日报_2024-03-05.pdf"]
    assert pdf_rows.headline.tolist() == ["大桥合龙"] and pdf_rows.bbox.notna().all()
    assert (arts.source == SAMPLE.name).sum() > 20 and arts.loc[arts.source == SAMPLE.name, "bbox"].isna().all()
    issues = result.issues.set_index("source")
    assert issues.loc["滨江日报_2024-03-05.pdf", "conserved"] == 1.0


def test_a_page_of_images_is_named_and_the_pages_after_it_keep_their_numbers(tmp_path):
    """A page without text (a photo page, a scanned advertisement) inside a readable PDF gives no rows,
    and says so: in the issues table, the data-quality table and the build's summary."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    raw = tmp_path / "raw"
    raw.mkdir()
    path = raw / "滨江日报_2024-03-05.pdf"
    font = render_pdf.font("truetype")
    c = canvas.Canvas(str(path), pagesize=(W, H), invariant=1)
    for k, title in enumerate(("大桥合龙", None, "新区开工")):
        if k:
            c.showPage()
        if title is None:
            c.drawImage(ImageReader(Image.new("RGB", (100, 100), "white")), 50, 50, 400, 600)
            continue
        for text, pt, x, top in [(title, 18, 40, 50), *column(["　　本报讯 工程进展顺利。"], 40, 80)]:
            c.setFont(font, pt)
            c.drawString(x, H - top, text)
    c.save()
    assert items(helpers.parse_issue(path))[["page", "headline"]].values.tolist() == [[1, "大桥合龙"], [3, "新区开工"]]
    result = helpers.build(raw, tmp_path / "out", progress=False, workers=1)
    issue = result.issues.iloc[0]
    assert (issue.pages, issue.empty_pages) == (3, "2") and result.problems.empty
    assert helpers.data_quality(result.articles, result.issues).empty_pages.tolist() == ["2"]
    assert f"{path.name}: no text on page(s) 2" in result.summary()


def test_the_samples_articles_as_a_pdf(tmp_path, sample_table):
    """The sample's own articles, set as an e-paper PDF in several layouts, come back whole. (The fonts
    have no arrows: the arrow photo markers are printed as another marker, ▲.)"""
    arts = items(sample_table).replace({"➡": "▲", "⬇": "▲"}, regex=True)
    for seed, family in ((1, "truetype"), (2, "cid"), (3, "truetype")):
        path = render_pdf.render_issue_pdf(arts, family, tmp_path / f"s{seed}.pdf", seed=seed)
        s = segment_eval.score_issue(arts, helpers.parse_issue(path))
        assert s["exact"] >= 0.9 * s["articles"] and s["headlines"] == s["exact"], (seed, s["misses"])


@pytest.mark.skipif(not PFR.exists(), reason="the People's Daily corpus (../shared/corpora) is not here")
def test_floors_on_the_evaluation_days():
    """Every article of the evaluation days, rendered as PDFs in both font families (README figures)."""
    r = segment_eval.evaluate(PFR, segment_eval.EVAL_DAYS, pdf=True)
    for family in render_pdf.FAMILIES:
        assert r[family]["f1"] >= 0.95 and r[family]["headlines"] >= 0.97, (family, r[family])
    assert r["overall"]["f1"] >= 0.97 and r["overall"]["headlines"] >= 0.97, r["overall"]
