"""Datelines, bylines and photo credits, table-driven (negative cases included)."""
import pytest

from epaper import bylines
from epaper.segment import make_block


def _blk(raw):
    b = make_block([(1, line) for line in raw.split("\n")])
    return b.text, b.gaps


@pytest.mark.parametrize("raw, dateline, reporters, correspondents, body", [
    ("本报讯（记者张明远） 3月5日上午，", "本报讯（记者张明远）", ["张明远"], [], "3月5日上午，"),
    ("本报讯（记者张明远 通讯员李芳）为深入", "本报讯（记者张明远通讯员李芳）", ["张明远"], ["李芳"], "为深入"),
    ("本报讯 （记 者王国庆\n通讯员丁一）近日", "本报讯（记者王国庆通讯员丁一）", ["王国庆"], ["丁一"], "近日"),
    ("本报讯（记者付凯明 通讯员许\n恒亮） 11月21日", "本报讯（记者付凯明通讯员许恒亮）", ["付凯明"], ["许恒亮"], "11月21日"),
    ("本报讯（通 讯 员臧文\n文）近日", "本报讯（通讯员臧文文）", [], ["臧文文"], "近日"),
    ("本报讯（记者郭明王丽丽）近日", "本报讯（记者郭明王丽丽）", ["郭明", "王丽丽"], [], "近日"),   # joined names split
    ("本报讯（记者 张三 李四）近日", "本报讯（记者张三李四）", ["张三", "李四"], [], "近日"),
    ("本报讯 近日，", "本报讯", [], [], "近日，"),
    ("本报北京1月4日讯 记者王伟报道：今天", "本报北京1月4日讯记者王伟报道：", ["王伟"], [], "今天"),
    ("本报北京１月４日讯 新华社记者陈雁、本报记者何建中报道：在", "本报北京1月4日讯新华社记者陈雁、本报记者何建中报道：",
     ["陈雁", "何建中"], [], "在"),
    ("新华社北京1月4日电（记者李海涛）全国", "新华社北京1月4日电（记者李海涛）", ["李海涛"], [], "全国"),
    ("新华社北京十二月三十一日电 （中央人民广播电台记者刘振东、新华社记者张国栋）今天",
     "新华社北京十二月三十一日电（中央人民广播电台记者刘振东、新华社记者张国栋）", ["刘振东", "张国栋"], [], "今天"),
    ("据新华社拉萨1月4日电（刘道明、张贵林）", "据新华社拉萨1月4日电（刘道明、张贵林）", ["刘道明", "张贵林"], [], ""),
    ("综合新华社电 近日，", "综合新华社电", [], [], "近日，"),          # news put together from a source's
    ("综合新华社北京3月5日电 近日，", "综合新华社北京3月5日电", [], [], "近日，"),
    ("本网讯（记者 赵 敏）", "本网讯（记者赵敏）", ["赵敏"], [], ""),
    # a paper or station named in full as the source
    ("滨江日报讯（记者 孔德昌）近日", "滨江日报讯（记者孔德昌）", ["孔德昌"], [], "近日"),
    ("东湖晚报讯 近日，", "东湖晚报讯", [], [], "近日，"),
    ("滨江日报北京3月5日电（记者孔德昌）今天", "滨江日报北京3月5日电（记者孔德昌）", ["孔德昌"], [], "今天"),
    ("据东湖广播电视台讯 近日", "据东湖广播电视台讯", [], [], "近日"),
    # the journalists after the source without brackets, the text after a space
    ("本报讯 记者 孔德昌 通讯员 季文华 昨天，全市召开会议。", "本报讯记者孔德昌通讯员季文华", ["孔德昌"], ["季文华"],
     "昨天，全市召开会议。"),
    ("滨江日报讯 全媒体记者 孔德昌 近日，全市召开会议。", "滨江日报讯全媒体记者孔德昌", ["孔德昌"], [], "近日，全市召开会议。"),
    ("本报讯 记者近日从市里获悉，全市召开会议。", "本报讯", [], [], "记者近日从市里获悉，全市召开会议。"),
    # what the journalists did, after their names in the brackets
    ("本报讯（记者 孔德昌 文/图）近日", "本报讯（记者孔德昌文/图）", ["孔德昌"], [], "近日"),
    ("本报讯（记者 孔德昌 摄）近日", "本报讯（记者孔德昌摄）", ["孔德昌"], [], "近日"),
    ("本报讯（记者 孔德昌 通讯员 季文华 摄影报道）近日", "本报讯（记者孔德昌通讯员季文华摄影报道）", ["孔德昌"], ["季文华"], "近日"),
    # the source in square brackets, as web copies and some papers print it
    ("【本报讯】昨天，全市召开会议。", "【本报讯】", [], [], "昨天，全市召开会议。"),
    ("[本报讯] 昨天，全市召开会议。", "[本报讯]", [], [], "昨天，全市召开会议。"),
    ("【滨江日报讯】（记者 孔德昌）近日", "【滨江日报讯】（记者孔德昌）", ["孔德昌"], [], "近日"),
    ("【新华社北京3月5日电】今天", "【新华社北京3月5日电】", [], [], "今天"),
    ("■【本报讯】近日，", "■【本报讯】", [], [], "近日，"),
    # a news site as the source
    ("东湖网讯（记者 孔德昌）近日", "东湖网讯（记者孔德昌）", ["孔德昌"], [], "近日"),
    ("东湖网北京3月5日电 今天", "东湖网北京3月5日电", [], [], "今天"),
    # a news site, a place and 讯 before a bracket or a colon
    ("东湖网江岸讯(分站记者 孔德昌) 近日", "东湖网江岸讯(分站记者孔德昌)", ["孔德昌"], [], "近日"),
    ("东湖网江岸讯：近日，", "东湖网江岸讯：", [], [], "近日，"),
    ("【东湖网江岸讯】近日，", "【东湖网江岸讯】", [], [], "近日，"),
    # 消息 for 讯, as news sites print it, a colon after it or its brackets
    ("东湖网消息（记者 孔德昌）：昨天", "东湖网消息（记者孔德昌）：", ["孔德昌"], [], "昨天"),
    ("新华社消息 昨天，", "新华社消息", [], [], "昨天，"),
    ("滨江日报消息：近日，", "滨江日报消息：", [], [], "近日，"),
    ("东湖网北京3月5日消息（记者 孔德昌）全市", "东湖网北京3月5日消息（记者孔德昌）", ["孔德昌"], [], "全市"),
    # a county's media centre, a paper's app as the source
    ("滨江融媒讯（记者 孔德昌 通讯员 季文华）近日", "滨江融媒讯（记者孔德昌通讯员季文华）", ["孔德昌"], ["季文华"], "近日"),
    ("滨江区融媒体中心讯 近日，", "滨江区融媒体中心讯", [], [], "近日，"),
    ("滨江日报客户端讯（记者 孔德昌）近日", "滨江日报客户端讯（记者孔德昌）", ["孔德昌"], [], "近日"),
    # what each journalist did after a slash: 孔德昌/文 季文华/图
    ("本报讯 （记者 孔德昌/文 季文华/图）近日", "本报讯（记者孔德昌/文季文华/图）", ["孔德昌", "季文华"], [], "近日"),
    ("本报讯（记者孔德昌/文季文华/图）近日", "本报讯（记者孔德昌/文季文华/图）", ["孔德昌", "季文华"], [], "近日"),
])
def test_datelines(raw, dateline, reporters, correspondents, body):
    text, gaps = _blk(raw)
    d = bylines.parse_dateline(text, gaps)
    assert d is not None
    assert (d.text, d.credits.reporters, d.credits.correspondents, text[d.end:]) == (dateline, reporters, correspondents, body)


@pytest.mark.parametrize("raw", [
    "本报将继续关注电力供应情况。",
    "新华社记者近日从有关部门获悉",
    "本报记者来到该村采访",
    "据了解，本报讯息有误",
    "中央电视台电视剧频道今晚播出",          # a station's name, then 电 of another word
    "滨江日报讯息版面调整",
    "滨江日报社论指出",
    "【编者按】近日，全市召开会议。",     # a bracketed label that is no source
    "【本报讯 近日，全市召开会议。",       # a bracket opened and not closed
    "互联网讯号覆盖全市",                 # 网 then 讯 of another word
    "互联网通讯（试行）办法出台",           # 讯 ending a word (通讯), not a dateline's
    "东湖网江岸讯近日全区",                # a place and 讯 with no bracket or colon after it
    "据新华社消息，全市召开会议。",         # a source the sentence goes on from
    "综合新华社报道，全市召开会议。",
    "本报消息灵通",
    "新华社记者从有关部门获得的消息，",
    "本报最后消息",                       # a title
    "央视网消息",
    "县融媒体中心讯息平台上线",             # 讯 of another word
    "全县融媒体中心建设推进会召开",
])
def test_not_datelines(raw):
    text, gaps = _blk(raw)
    assert bylines.parse_dateline(text, gaps) is None


@pytest.mark.parametrize("raw, reporters, correspondents", [
    ("本报记者 韦 冰", ["韦冰"], []),
    ("本报记者 刘金元", ["刘金元"], []),
    ("□本报记者 张三 通讯员 李四", ["张三"], ["李四"]),
    ("文/图 本报记者 欧阳晓明", ["欧阳晓明"], []),
    ("本报评论员", [], []),
    ("新华社记者 张明远", ["张明远"], []),                        # an organisation before the role word
    ("本报驻东京记者 王国庆", ["王国庆"], []),
    ("河南日报驻焦作记者站记者 孔德昌", ["孔德昌"], []),            # a paper's or station's name, its posting
    ("中央电视台驻东京记者 孔德昌 通讯员 季文华", ["孔德昌"], ["季文华"]),
    ("中国青年报记者李晓红 新华社通讯员孙丽", ["李晓红"], ["孙丽"]),
    ("记者王国庆新华社记者孙丽", ["王国庆", "孙丽"], []),          # the next journalist's source is no name
    ("记者 欧阳修文", ["欧阳修文"], []),                          # four characters: a compound surname
    ("□ 记者 张三 文/图", ["张三"], []),                           # what the journalist did, after the names
    ("记者 张三 通讯员 李四 摄影报道", ["张三"], ["李四"]),
    # the roles other papers print (data/lexicons/journalist_roles.tsv), a label before, what was done after
    ("本报特派记者 孔德昌", ["孔德昌"], []),
    ("新华社特派记者 孔德昌", ["孔德昌"], []),
    ("驻站记者 孔德昌 通讯员 季文华", ["孔德昌"], ["季文华"]),
    ("融媒记者 孔德昌", ["孔德昌"], []),
    ("新媒体记者 孔德昌", ["孔德昌"], []),
    ("作者：本报记者 孔德昌", ["孔德昌"], []),
    ("文·图/本报记者 孔德昌", ["孔德昌"], []),
    ("本报记者 孔德昌/文", ["孔德昌"], []),
    ("文/本报记者 孔德昌 图/季文华", ["孔德昌"], []),              # the photographer after 图/ (below)
    ("记者 孔德昌 摄", ["孔德昌"], []),                            # what was done, set apart
    ("本报记者 孔德昌 季文华 文/摄", ["孔德昌", "季文华"], []),       # text and photos, in any order
    ("本报记者 孔德昌 摄/文", ["孔德昌"], []),
    ("记者 孔德昌 整理", ["孔德昌"], []),                           # a text put together, written up
    ("记者 孔德昌 通讯员 季文华 采写", ["孔德昌"], ["季文华"]),
    # where they reported from, after the names: no name
    ("记者 孔德昌 郑州报道", ["孔德昌"], []),
    ("本报记者 孔德昌 季文华 北京报道", ["孔德昌", "季文华"], []),
    ("本报记者 孔德昌 发自北京", ["孔德昌"], []),
    ("本报记者 孔德昌 李晓红报道", ["孔德昌", "李晓红"], []),        # a name before 报道 stays one
    ("本报记者 高峰报道", ["高峰"], []),                              # the only name, a word too: a name
])
def test_bylines(raw, reporters, correspondents):
    text, gaps = _blk(raw)
    c = bylines.parse_byline(text, gaps)
    assert c is not None and (c.reporters, c.correspondents) == (reporters, correspondents)


@pytest.mark.parametrize("raw, reporters, photographers", [
    ("文/本报记者 孔德昌 图/季文华", ["孔德昌"], ["季文华"]),
    ("本报记者 孔德昌 摄影/季文华", ["孔德昌"], ["季文华"]),
    ("本报记者 孔德昌 图／季文华", ["孔德昌"], ["季文华"]),
    ("记者 孔德昌 摄影 季文华", ["孔德昌"], ["季文华"]),
    ("记者 孔德昌 文/图", ["孔德昌"], []),
])
def test_bylines_with_a_photographer(raw, reporters, photographers):
    c = bylines.parse_byline(*_blk(raw))
    assert c is not None and (c.reporters, c.photographers) == (reporters, photographers)


@pytest.mark.parametrize("raw", ["记者近日从市里获悉", "本报记者在现场看到，工人们正在加紧施工", "通讯员们表示",
                                 "记者曾就这个",                  # four characters after a surname: text, no name
                                 "新华社记者今天从有关部门获悉", "我读人民报记者都在", "省长的问候本报记者",
                                 "作者认为，这项工作要抓紧", "特派记者今天从有关部门获悉", "融媒记者们表示",
                                 "滨江日报驻京办事处主任", "市电视台驻村记者今天从有关部门获悉",
                                 "记者/编辑部认为：这项工作", "图/表1 全市经济主要指标"])
def test_not_bylines(raw):
    text, gaps = _blk(raw)
    assert bylines.parse_byline(text, gaps) is None


@pytest.mark.parametrize("raw, whole, photographers, start", [
    ("本报记者 刘金元\n摄", True, ["刘金元"], 0),
    ("李 伟 摄", True, ["李伟"], 0),
    ("掌握正确使用灭火器的方法。 李 伟 摄", False, ["李伟"], 13),
    ("员工在车间组装发动机。（新华社记者兰晓光摄）", False, ["兰晓光"], 11),
    ("图为演练现场。 本报记者 张三 李四 摄", False, ["张三", "李四"], 7),
])
def test_photo_credits(raw, whole, photographers, start):
    text, gaps = _blk(raw)
    found = bylines.find_credit(text, gaps, whole=whole)
    assert found is not None and found[1].photographers == photographers and found[0] == start


@pytest.mark.parametrize("raw", ["游客在景区拍摄", "他们正在拍摄", "市民争相用手机拍摄"])
def test_not_photo_credits(raw):
    text, gaps = _blk(raw)
    assert bylines.find_credit(text, gaps) is None


@pytest.mark.parametrize("raw, names", [
    ("（本版照片均为本报记者王梦梦摄）", ["王梦梦"]),
    ("（本版图片由通讯员李小龙提供）", ["李小龙"]),
])
def test_page_credits(raw, names):
    text, gaps = _blk(raw)
    assert bylines.parse_page_credit(text, gaps).photographers == names


@pytest.mark.parametrize("text, names", [
    ("……表示祝贺。（毋鹏）", ["毋鹏"]),
    ("……工作。（记者 陈晨）", ["陈晨"]),
    ("……的问题。（孟建安王晓媛）", ["孟建安", "王晓媛"]),
    ("……电。（新华社北京1月1日电）", None),
    ("……完成了（一）（二）", None),
    ("……如期举行（均据新华社）", None),
    # a label before a colon: an author's (作者：, 文：) or a role's, or none (来源：, 责任编辑：)
    ("……工作。（作者：孔德昌）", ["孔德昌"]),
    ("……工作。（文：孔德昌）", ["孔德昌"]),
    ("……工作。（记者：孔德昌）", ["孔德昌"]),
    ("……工作。（来源：新华网）", None),                # not 来源新
    ("……工作。（来源:东湖网）", None),
    ("……工作。（责任编辑：孔德昌）", None),
    # an author's label before a slash (文/, 文/图), as local papers close features
    ("……工作。（文/孔德昌）", ["孔德昌"]),
    ("……工作。（文/图 孔德昌）", ["孔德昌"]),
    ("……工作。（文/孔德昌 图/季文华）", ["孔德昌"]),
    ("……工作。（文/化）", None),
    # what the journalists did after their names
    ("……工作。（本报记者 孔德昌 整理）", ["孔德昌"]),
    ("……工作。（记者 孔德昌 季文华 采写）", ["孔德昌", "季文华"]),
])
def test_trailing_authors(text, names):
    found = bylines.parse_trailing_author(text)
    assert (found[1].reporters if found else None) == names


@pytest.mark.parametrize("text, want", [
    ("……表示祝贺。（本报专电）", True),
    ("……会谈。（据新华社电）", True),
    ("……如期举行。（均据新华社）", True),
    ("……开幕。（本栏均据新华社电）", True),
    ("……开幕。（本报珀斯1月18日电）", True),
    ("……通过。（新华社稿）", True),
    ("……增长。（据《经济日报》）", True),
    ("……的问题。（作者单位：某某大学）", True),
    ("……的问题。（完）", True),                   # an end mark
    ("……的问题。（待续）", True),
    ("……的问题。（来源：东湖网）", True),          # a source under its label
    ("……的问题。（稿件来源：滨江日报）", True),
    ("……的问题。（来源于群众）", False),
    ("……表示祝贺。（毋鹏）", False),              # an author: parse_trailing_author
    ("……滑冰。（新华社记者张三摄）", False),      # a photo credit
    ("……完成了（一）", False),                    # no sentence's end before the bracket
    ("……的讲话。（全文另发）", False),
    ("……的成就。（一九九七年十二月三十一日）", False),
    ("（新华社北京1月1日电）", False),             # a dateline alone, not a text it closes
])
def test_trailing_sources(text, want):
    assert bylines.trailing_source(text) is want


@pytest.mark.parametrize("text, want", [
    ("中国剧协副主席张明远", True),                 # a post, then the name
    ("市第二中学李晓红", True),                     # an organisation, then the name
    ("省社会科学院研究员王立新", True),
    ("市委党校副校长、市行政学院副院长赵敏", True),   # two posts
    ("华南师范大学孙志刚周丽华", True),             # two names printed without a separator
    ("张明远", False),                              # a name alone (the labeller's nm=1)
    ("市委宣传部", False),                          # an organisation alone: 宣传部 is no name
    ("县委书记和县长", False),                      # 和县长: a post, not a name
    ("市委办公厅等", False),                        # 公厅等: a name does not end with 等
    ("新华社马尼拉", False),                        # a dateline's opening
    ("全县开展植树活动", False),
    ("会议由副市长张明远主持。", False),            # a sentence
])
def test_author_lines(text, want):
    assert bylines.author_line(text) is want


@pytest.mark.parametrize("raw, reporters, correspondents, rest", [
    ("本报记者 孔德昌 市发改委日前公布了今年的重点项目。", ["孔德昌"], [], "市发改委日前公布了今年的重点项目。"),
    ("本报记者　赵　敏　今天上午，全市召开会议。", ["赵敏"], [], "今天上午，全市召开会议。"),   # a name spaced out
    ("□记者 孔德昌 通讯员 季文华 3月5日，全市召开会议。", ["孔德昌"], ["季文华"], "3月5日，全市召开会议。"),
    ("本报记者 孔德昌 季文华 国家技术监督局第三季度组织", ["孔德昌", "季文华"], [], "国家技术监督局第三季度组织"),
    # what they did, with a colon, is the byline's too
    ("本报记者 孔德昌 报道：今天上午，全市召开会议。", ["孔德昌"], [], "今天上午，全市召开会议。"),
    ("记者 孔德昌 季文华 摄影报道：今天上午，全市召开会议。", ["孔德昌", "季文华"], [], "今天上午，全市召开会议。"),
])
def test_run_in_bylines(raw, reporters, correspondents, rest):
    text, gaps = _blk(raw)
    c, end = bylines.run_in_byline(text, gaps)
    assert (c.reporters, c.correspondents, text[end:]) == (reporters, correspondents, rest)


@pytest.mark.parametrize("raw", [
    "本报记者 孔德昌",                                   # a byline alone: parse_byline's
    "记者 近日从市里获悉，全市已有",                         # no name
    "本报评论员 今天的会议说明了一个道理。",
    "本 报 记 者 孔 德 昌 市 发 改 委 日 前 公 布",             # letter-spaced: no telling where it ends
    "本报记者 孔德昌 季文",                                # too little after it for running text
    "全市 3月5日，召开会议。",
])
def test_not_run_in_bylines(raw):
    text, gaps = _blk(raw)
    assert bylines.run_in_byline(text, gaps) is None
