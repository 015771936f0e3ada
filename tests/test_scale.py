"""The per-issue work on a local Dask cluster, writing partitioned Parquet."""
import shutil

import pandas as pd
import pytest

import helpers
from conftest import SAMPLE

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")


def test_build_on_a_local_dask_cluster_matches_the_local_build(tmp_path):
    from epaper.scale import build_dask, read_table

    raw_a, raw_b = tmp_path / "a", tmp_path / "b"
    raw_a.mkdir()
    raw_b.mkdir()
    shutil.copy(SAMPLE, raw_a / SAMPLE.name)
    (raw_a / "bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    for k in range(3):
        shutil.copy(SAMPLE, raw_b / f"某某日报_2022-11-2{k}.txt")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        summary = build_dask([raw_a, raw_b], tmp_path / "out", client=client, files_per_partition=2)
    assert summary == {"issues": 4, "problems": 1, "partitions": 3}
    articles = read_table(tmp_path / "out", "articles")
    assert articles.issue_id.nunique() == 4 and len(list((tmp_path / "out" / "articles").glob("part-*.parquet"))) == 3
    local = helpers.build(raw_b, tmp_path / "local", progress=False)
    dask_b = articles[articles.issue_id.str.startswith("某某日报")].sort_values("article_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(dask_b, local.articles.sort_values("article_id").reset_index(drop=True),
                                  check_dtype=False)
    people = read_table(tmp_path / "out", "people")
    assert set(people.name) >= {"吕沛", "宫卫红"}
