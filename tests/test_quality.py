"""Quality signals a researcher can act on: items that look merged or cut, table-driven."""
import pandas as pd
import pytest

import helpers


def table(rows):
    base = {c: None for c in helpers.COLUMNS}
    out = []
    for k, (kind, headline, body) in enumerate(rows, 1):
        out.append({**base, "article_id": f"i-01-{k:03d}", "issue_id": "i", "page": 1, "kind": kind,
                    "headline": headline, "body": body, "n_chars": len(body), "reporters": [], "correspondents": [],
                    "photographers": [], "issue_date": pd.Timestamp("2024-01-01"), "issue_date_inferred": False,
                    "layout": "before"})
    return pd.DataFrame(out)


CLEAN = ("news", "县里召开会议", "本月三日，县里召开会议，部署今冬明春工作。会议要求各乡镇抓好落实。")


@pytest.mark.parametrize("rows, want", [
    ([CLEAN, ("news", "又一条消息", "全县完成造林任务。")], {}),
    ([CLEAN, ("news", None, "全县完成造林任务。")], {"i-01-002": {"no_headline"}}),
    ([CLEAN, ("news", "两条并一条", "全县完成造林任务。\n本报讯 某镇日前举行招聘会，三百人参加。")],
     {"i-01-002": {"inner_dateline"}}),
    ([CLEAN, ("brief", None, "■全县完成造林任务。\n■某镇日前举行招聘会，三百人参加。")], {"i-01-002": {"inner_bullet"}}),
    ([CLEAN, ("brief", None, "■全县完成造林任务。"), ("brief", None, "■某镇日前举行招聘会。")], {}),
    ([CLEAN, ("news", "要点", "全县出台措施。\n■加大支持力度。\n■优化营商环境。")], {}),       # an article's points
    ([CLEAN, ("news", "被切断的后半", "，部署今冬明春工作。")], {"i-01-002": {"mid_sentence"}}),
    ([("news", "前半", "县里召开会议，部署今冬"), ("feature", "后半", "明春工作。")], {"i-01-002": {"mid_sentence"}}),
    ([("news", f"消息{k}", "全县完成造林任务。" * 3) for k in range(5)] + [("news", "长", "全县完成造林任务。" * 100)],
     {"i-01-006": {"long"}}),
    ([CLEAN, ("news", None, "（上接第1版）会议要求各乡镇抓好落实。")], {"i-01-002": {"no_headline", "unjoined_part"}}),
    ([("news", "县里召开会议", "本月三日，县里召开会议。（下转第2版）\n（上接第1版）会议要求各乡镇抓好落实。")], {}),
])
def test_quality_flags(rows, want):
    flags = helpers.quality_flags(table(rows))
    got = {}
    for r in flags.itertuples():
        got.setdefault(r.article_id, set()).add(r.flag)
    assert got == want
    assert (flags.why != "").all()


def test_data_quality_counts_likely_merges_and_cuts():
    rows = [CLEAN, ("news", "两条并一条", "全县完成造林任务。\n本报讯 某镇日前举行招聘会，三百人参加。"),
            ("news", "被切断的后半", "，部署今冬明春工作。")]
    q = helpers.data_quality(table(rows + [("news", None, "（上接第1版）会议要求各乡镇抓好落实。")]))
    assert q.loc[0, ["likely_merged", "likely_cut", "no_headline", "unjoined_parts"]].tolist() == [1, 1, 1, 1]


def test_the_sample_has_no_likely_merge_or_cut(sample_table):
    q = helpers.data_quality(sample_table)
    assert q.loc[0, ["likely_merged", "likely_cut"]].tolist() == [0, 0]
