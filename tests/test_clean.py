"""Cleaning rules, table-driven: raw text -> cleaned text (negative cases included)."""
import pytest

from epaper import clean
from epaper.segment import make_block


@pytest.mark.parametrize("raw, want", [
    ("生 产 和 防 灾", "生产和防灾"),
    ("示范区 （高新区） 党工委", "示范区（高新区）党工委"),
    ("11 月 14 日", "11月14日"),
    ("投 资 完 成 率 达 95.8% ；", "投资完成率达95.8%；"),
    ("奥密克戎 BA.5.2 变异株", "奥密克戎BA.5.2变异株"),
    ("New  York Times", "New York Times"),          # a space between Latin words stays (one)
    ("2 000 余人", "2 000余人"),
    ("“疫情防控 ‘码’上行动”", "“疫情防控‘码’上行动”"),
    ("全 市 40 支", "全市40支"),
    ("\u3000\u3000段首缩进", "段首缩进"),
])
def test_strip_spaces(raw, want):
    assert clean.clean_line(raw) == want


@pytest.mark.parametrize("raw, want", [
    ("１２月３１日", "12月31日"),
    ("ＧＤＰ增长８．５％", "GDP增长8.5%"),
    ("（附图片１张）", "（附图片1张）"),            # full-width brackets stay
    ("第一．", "第一．"),                          # a full-width stop not inside a number stays
])
def test_fold_width(raw, want):
    assert clean.fold_width(raw) == want


@pytest.mark.parametrize("raw, want", [
    ("团市委团市委““青年邻里帮帮团青年邻里帮帮团””成立成立", "团市委“青年邻里帮帮团”成立"),
    ("全市各级团组织全市各级团组织开开展防疫宣传工作展防疫宣传工作", "全市各级团组织开展防疫宣传工作"),
    ("谢谢", "谢谢"),              # reduplication, not bold doubling
    ("天天天天", "天天天天"),        # every run one character: left alone
    ("安全生产工作会议", "安全生产工作会议"),
    ("乡村振兴振兴乡村", "乡村振兴振兴乡村"),   # does not split into doubled runs
    ("编者按编者按", "编者按"),      # three characters printed twice: a bold title or author
    ("赵明远赵明远", "赵明远"),
    ("林涛林涛", "林涛"),            # two different characters printed twice: a bold author's name
    ("A4A4", "A4A4"),                # not Chinese: left alone
    ("全全市市召召开开安安全全会会议议", "全市召开安全会议"),   # every character twice: bold drawn over itself
    ("““青青年年””", "“青年”"),
    ("编编者者按按", "编者按"),
    ("高高兴兴", "高高兴兴"),          # two characters each twice: reduplication, left alone
    ("林林涛涛", "林林涛涛"),
    ("看一看看一看", "看一看看一看"),  # a character repeated inside: reduplication
    ("哈哈哈哈哈哈", "哈哈哈哈哈哈"),
    ("致读致读者者", "致读者"),      # three different characters printed twice as two runs
    ("李晓李晓红红", "李晓红"),
    ("谢谢你谢谢你", "谢谢你谢谢你"),  # not two doubled runs
    ("ABABCC", "ABABCC"),            # three different characters: Chinese ones only
])
def test_undouble(raw, want):
    assert clean.undouble(raw) == want


@pytest.mark.parametrize("text, want", [
    ("作出应有贡献。”", True), ("确保实现“全年红”。", True), ("怎么办？", True), ("…………", True),
    ("家庭教育“云课堂”", False), ("抓实抓细安全生产", False), ("（毋鹏）", False), ("", False),
])
def test_ends_sentence(text, want):
    assert clean.ends_sentence(text) is want


@pytest.mark.parametrize("lines, want", [
    (["示范区 （高新", "区） 党工委副书记"], "示范区（高新区）党工委副书记"),   # wrapped line joined, no space
    (["区领导冯利", "民、许海玲"], "区领导冯利民、许海玲"),                  # a name broken across lines
    (["visit New", "York today"], "visit New York today"),                   # Latin words keep a space
    (["增长 ８", "０%"], "增长80%"),
])
def test_block_joining(lines, want):
    assert make_block(list(enumerate(lines, 1))).text == want
