"""People in real report sentences, table-driven: text -> people with role and title.

Names are invented; the forms are those of local dailies (negative cases included).
"""
import pandas as pd
import pytest

import helpers

EMPTY_ROSTER = pd.DataFrame(columns=["name", "title", "org", "aliases", "first_seen", "last_seen"])


def people_of(body, reporters=()):
    row = {c: None for c in helpers.COLUMNS}
    row.update(article_id="x-01-001", kind="news", body=body, reporters=list(reporters), correspondents=[],
               photographers=[])
    p = helpers.extract_people(pd.DataFrame([row]), roster=EMPTY_ROSTER)
    out = {}
    for r in p.itertuples():
        out.setdefault(r.name, {"roles": [], "title": r.title})["roles"].append(r.role)
    return out


CASES = [
    # title chains
    ("区委副书记、区长张建国主持会议。", {"张建国": (["chair"], "区委副书记、区长")}),
    ("市委常委、统战部长李红梅出席会议并讲话。", {"李红梅": (["speaker"], "市委常委、统战部长")}),
    # lists after group labels, one title covering several names
    ("县领导王海、李明、赵刚等参加会议。",
     {"王海": (["attendee"], "县领导"), "李明": (["attendee"], "县领导"), "赵刚": (["attendee"], "县领导")}),
    ("区政协副主席孙立、周涛、吴静，秘书长郑华出席。",
     {"孙立": (["attendee"], "区政协副主席"), "周涛": (["attendee"], "区政协副主席"),
      "吴静": (["attendee"], "区政协副主席"), "郑华": (["attendee"], "秘书长")}),
    # two-character names, a four-character name, surnames that read like words
    ("副区长陈双主持会议，区委书记保剑出席会议并讲话。",
     {"陈双": (["chair"], "副区长"), "保剑": (["speaker"], "区委书记")}),
    ("副市长雷黄文君参加调研。", {"雷黄文君": (["attendee"], "副市长")}),
    ("副县长于洋主持会议，镇党委书记党爱民讲话。", {"于洋": (["chair"], "副县长"), "党爱民": (["speaker"], "镇党委书记")}),
    ("副主任宿建华出席会议，副局长花玉兰作工作部署。",
     {"宿建华": (["attendee"], "副主任"), "花玉兰": (["speaker"], "副局长")}),
    # leader, chair and speaker with subject carried over
    ("副市长张伟带领相关部门负责人到企业调研，强调要抓好安全生产。", {"张伟": (["leader", "speaker"], "副市长")}),
    ("区长李明主持召开专题会议，强调要压实责任。", {"李明": (["chair", "speaker"], "区长")}),
    # a leader whose instruction is relayed is not present
    ("会议传达了市委书记王强的批示精神。区长李明主持会议。", {"王强": (["mentioned"], "市委书记"), "李明": (["chair"], "区长")}),
    # quoted outside a meeting, a speaker in a meeting report
    ("市长王强表示，要做好防汛工作。", {"王强": (["quoted"], "市长")}),
    ("市政府召开常务会议。市长王强表示，要做好防汛工作。", {"王强": (["speaker"], "市长")}),
    # people without a public title
    ("本次活动邀请了专家李静、赵森两位老师授课。", {"李静": (["other"], "专家"), "赵森": (["other"], "专家")}),
]


@pytest.mark.parametrize("body, want", CASES, ids=[c[0][:12] for c in CASES])
def test_people_in_sentences(body, want):
    got = people_of(body)
    assert {n: (sorted(v["roles"]), v["title"]) for n, v in got.items()} == \
        {n: (sorted(r), t) for n, (r, t) in want.items()}


@pytest.mark.parametrize("body", [
    "要严格执行各项规定，广大青年要保驾护航。",
    "团市委全体机关人员参加会议，各县（市、区）团委全体人员在分会场参会。",
    "全区上下要高度重视，方面军要于是行动。",
])
def test_no_people(body):
    assert people_of(body) == {}


def test_journalists_are_not_people():
    got = people_of("记者王小明在现场看到，副区长陈双主持会议。", reporters=["王小明"])
    assert set(got) == {"陈双"}


def test_names_broken_across_lines(tmp_path):
    path = tmp_path / "issue.txt"
    path.write_text("本报讯（记者张明远） 3月5日，区领导冯\n国强、许\n海燕参加会议。\n\n全区召开会议\n", encoding="utf-8")
    df = helpers.parse_issue(path)
    p = helpers.extract_people(df[df.kind == "news"], roster=EMPTY_ROSTER)
    assert set(p.name) == {"冯国强", "许海燕"} and set(p.role) == {"attendee"}
