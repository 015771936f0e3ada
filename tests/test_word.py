"""Word documents (.docx) as input: an issue's text or a database's export saved in Word, table-driven.

The documents are written here as the zip of XML that Word saves, so no Word library is needed."""
import zipfile

import pytest

import helpers
from checks import items

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _para(text="", page_before=False, breaks=()):
    """A paragraph: its text's lines (``\\n``) as runs split by line breaks; ``breaks``: "page" to end it
    with a page break."""
    ppr = "<w:pPr><w:pageBreakBefore/></w:pPr>" if page_before else ""
    runs = "<w:r><w:br/></w:r>".join(f'<w:r><w:t xml:space="preserve">{t}</w:t></w:r>' for t in text.split("\n"))
    runs += "".join('<w:r><w:br w:type="page"/></w:r>' for b in breaks if b == "page")
    return f"<w:p>{ppr}{runs}</w:p>"


def _docx(path, paragraphs):
    body = "".join(paragraphs)
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" xmlns:mc="{MC}">'
           f"<w:body>{body}<w:sectPr/></w:body></w:document>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/'
                   'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("word/document.xml", xml)
    return path


ISSUE = [
    _para("全县召开春耕生产工作会议"),
    _para("　　本报讯（记者 陈立群）3月5日，全县春耕生产工作会议召开。县委书记孔德昌出席会议并讲话。"),
    _para("　　会议要求，各乡镇要抓好春耕备耕。", breaks=("page",)),
    _para("县政协召开主席会议"),
    _para("　　本报讯 3月6日，县政协召开主席会议，县政协主席钱永刚主持会议。"),
]


@pytest.mark.parametrize("paragraphs, pages", [
    (ISSUE, [1, 2]),                                                         # a page break ends page 1
    (ISSUE[:2] + [_para("　　会议要求，各乡镇要抓好春耕备耕。"), _para("县政协召开主席会议", page_before=True)]
     + ISSUE[4:], [1, 2]),                                                   # a page begins with a paragraph
    # one paragraph whose lines are broken by line breaks (Shift+Enter), a blank paragraph between items
    ([_para("全县召开春耕生产工作会议\n　　本报讯（记者 陈立群）3月5日，全县春耕生产工作会议召开。县委书记孔德昌"
            "出席会议并讲话。\n　　会议要求，各乡镇要抓好春耕备耕。"), _para(""), ISSUE[3], ISSUE[4]], [1, 1]),
])
def test_an_issue_saved_in_word(tmp_path, paragraphs, pages):
    df = helpers.parse_issue(_docx(tmp_path / "某县日报_2024-03-06.docx", paragraphs))
    it = items(df)
    assert it.headline.tolist() == ["全县召开春耕生产工作会议", "县政协召开主席会议"] and it.page.tolist() == pages
    assert it.iloc[0].reporters == ["陈立群"] and it.iloc[0].body.endswith("各乡镇要抓好春耕备耕。")
    table, text = helpers.read_input(tmp_path / "某县日报_2024-03-06.docx")
    assert helpers.conservation(text, table)["ratio"] == 1.0
    assert {"孔德昌", "钱永刚"} <= set(helpers.extract_people(df).name)


def test_a_database_export_saved_in_word(tmp_path):
    path = _docx(tmp_path / "某县日报_2024-03-06.docx", [
        _para("【标题】全县召开春耕生产工作会议"), _para("【作者】陈立群"), _para("【正文】"),
        _para("　　3月5日，全县春耕生产工作会议召开。"), _para("【标题】县政协召开主席会议"), _para("【正文】县政协召开主席会议。")])
    df = helpers.parse_issue(path)
    assert set(df.layout) == {"labelled"} and df.headline.tolist() == ["全县召开春耕生产工作会议", "县政协召开主席会议"]


def test_a_text_box_is_read_once(tmp_path):
    box = (f'<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>{_para("图为春耕现场。")}'
           f'</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>{_para("图为春耕现场。")}'
           f"</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>")
    path = _docx(tmp_path / "a.docx", [_para("全县春耕生产有序推进"), f"<w:p>{box}</w:p>", ISSUE[4]])
    assert helpers.read_input(path)[1].count("图为春耕现场。") == 1


@pytest.mark.parametrize("content, reason", [
    (b"PK\x03\x04 broken", "not a Word document"),
    (None, "empty file"),
])
def test_bad_word_files_say_why(tmp_path, content, reason):
    path = tmp_path / "bad.docx"
    if content is None:
        _docx(path, [_para("")])
    else:
        path.write_bytes(content)
    with pytest.raises(helpers.ParseError, match=f"bad.docx: {reason}"):
        helpers.parse_issue(path)
