"""Hostile input: parse_issue returns rows that hold every character, or raises ParseError; nothing else."""
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import helpers

CJK = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"
PUNCT = "，。、；：？！“”‘’（）《》—…·【】"
ALPHABET = CJK + PUNCT + string.ascii_letters + string.digits + " \n\n\n\f\t　０１２ＡＢ"


def _check(path):
    try:
        df = helpers.parse_issue(path)
    except helpers.ParseError as e:
        assert str(path.name) in str(e) and e.reason
        return None
    raw = "\n".join(t for pg in helpers.read_pages(path) for _, t in pg.lines)
    report = helpers.conservation(raw, df)
    assert report["ratio"] == 1.0 and not report["extra"], report
    assert list(df.columns) == helpers.COLUMNS and df.article_id.is_unique
    return df


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=ALPHABET, min_size=0, max_size=600))
def test_arbitrary_text(tmp_path, text):
    path = tmp_path / "text.txt"
    path.write_text(text, encoding="utf-8")
    _check(path)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(min_size=0, max_size=800))
def test_arbitrary_bytes(tmp_path, data):
    path = tmp_path / "bytes.txt"
    path.write_bytes(data)
    _check(path)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=300), st.sampled_from(["gbk", "utf-16", "utf-8-sig"]))
def test_mixed_encodings(tmp_path, text, other):
    path = tmp_path / "mixed.txt"
    try:
        tail = text.encode(other)
    except UnicodeEncodeError:
        tail = text.encode("gb18030")
    path.write_bytes("本报讯（记者张明远）今天。\n".encode("utf-8") + tail)
    _check(path)


def test_huge_single_line(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("本报讯（记者张明远）" + "市政府召开安全生产工作会议，" * 20000, encoding="utf-8")
    df = _check(path)
    assert len(df) == 1 and df.n_chars.iloc[0] > 250_000


@pytest.mark.parametrize("text", ["。。。，，，！！", "“”“”（）（）", "……\n\n……\f……", "\f\f\f。"])
def test_only_punctuation(tmp_path, text):
    path = tmp_path / "punct.txt"
    path.write_text(text, encoding="utf-8")
    _check(path)
