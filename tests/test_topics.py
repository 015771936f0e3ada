"""Tokens, topics and figures that render Chinese."""
import io
import warnings

import matplotlib
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import helpers  # noqa: E402


@pytest.fixture(scope="module")
def sample_items(sample_table):
    return sample_table[sample_table.kind.isin(helpers.ITEM_KINDS)].reset_index(drop=True)


def test_tokenize_keeps_names_and_terms_whole_and_drops_stopwords(sample_items):
    people = helpers.extract_people(sample_items)
    helpers.add_words(people.name.unique())
    toks = helpers.tokenize("示范区（高新区）党工委副书记、管委会主任宫卫红作工作部署，要求进一步加强安全生产工作，"
                            "确保11月底前完成2项任务。")
    for word in ("宫卫红", "示范区", "高新区", "党工委", "管委会", "安全生产"):
        assert word in toks, word
    for word in ("工作", "进一步", "加强", "11", "2", "，", "主"):
        assert word not in toks, word
    assert all(len(t) >= 2 for t in toks)


@pytest.mark.parametrize("kw, present", [
    ({"keep_stopwords": True}, "工作"),
    ({"keep_numbers": True}, "2022"),
    ({"min_len": 1}, "年"),
])
def test_tokenize_options(kw, present):
    assert present in helpers.tokenize("2022年安全和工作", **kw)


def test_sample_topics_are_acceptable(sample_items, gold):
    topics = helpers.classify_topics(sample_items)
    scored = [(t, g["topics"]) for t, g in zip(topics.topic, gold["items"]) if g["topics"] is not None]
    assert len(scored) == 25
    assert sum(t in ok for t, ok in scored) >= 23
    assert set(topics.columns) >= {"article_id", "topic", "score", "keywords", "安全生产", "疫情防控"}
    first = topics.iloc[0]
    assert first.topic == "安全生产" and "安全生产×" in first.keywords


def test_topic_dictionary_is_editable(sample_items, tmp_path):
    path = tmp_path / "topics.csv"
    path.write_text("topic,keyword,weight\n体育,足球,1\n", encoding="utf-8")
    t = helpers.classify_topics(sample_items, helpers.read_topics(path))
    assert t.topic.isna().all() and list(t.columns) == ["article_id", "topic", "score", "体育", "keywords"]


def test_discovery_is_deterministic(sample_items):
    a_words, a_docs = helpers.discover_topics(sample_items, k=4)
    b_words, b_docs = helpers.discover_topics(sample_items, k=4)
    assert a_words.equals(b_words) and a_docs.equals(b_docs)
    assert a_words.shape == (12, 4) and set(a_docs.topic) <= set(a_words.columns)


def test_shares_by_page_and_official(sample_items, sample_table):
    topics = helpers.classify_topics(sample_items)
    shares = helpers.topic_shares(sample_items, topics, by="page")
    assert list(shares.index) == [1, 2, 3, 4] and (shares.sum(axis=1).round(6) == 1).all()
    people = helpers.extract_people(sample_items)
    by_official = helpers.topics_by_official(people, topics)
    assert by_official.loc["吕沛"].sum() == 3


def _missing_glyph_warnings(caught):
    return [w for w in caught if "missing from" in str(w.message) or "Glyph" in str(w.message)]


def test_chinese_labels_render_without_missing_glyphs(tmp_path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        helpers.use_cjk_font()
        fig, ax = plt.subplots()
        ax.bar(["安全生产", "疫情防控"], [3, 2])
        ax.set_title("各主题条目数")
        paths = helpers.save_figure(fig, "test_labels", tmp_path)
        plt.close(fig)
    assert not _missing_glyph_warnings(caught)
    assert paths["png"].stat().st_size > 10_000 and paths["svg"].exists()


def test_saved_figures_are_reproducible(tmp_path):
    def draw(out):
        helpers.use_cjk_font()
        fig, ax = plt.subplots()
        ax.plot([1, 2, 3], [3, 1, 2])
        ax.set_title("同一张图")
        p = helpers.save_figure(fig, "same", out)
        plt.close(fig)
        return p
    a, b = draw(tmp_path / "a"), draw(tmp_path / "b")
    assert a["png"].read_bytes() == b["png"].read_bytes()
    assert a["svg"].read_bytes() == b["svg"].read_bytes()


def test_word_cloud_draws_chinese(tmp_path):
    import numpy as np
    from PIL import ImageFont

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = helpers.wordcloud({"安全生产": 10, "疫情防控": 8, "志愿服务": 5, "宫卫红": 4}, title="词云")
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
        plt.close(fig)
    assert not _missing_glyph_warnings(caught)
    from PIL import Image
    buf.seek(0)
    image = np.asarray(Image.open(buf).convert("RGB"))
    assert (image < 200).any(axis=2).mean() > 0.02       # something was drawn
    # the font the cloud uses draws each character differently (no identical "tofu" boxes)
    from epaper.figures import cjk_font_path
    font = ImageFont.truetype(str(cjk_font_path()), 40)
    masks = {ch: bytes(font.getmask(ch)) for ch in "安全疫情"}
    assert len(set(masks.values())) == 4 and all(any(m) for m in masks.values())


def test_titles_ask_only_for_font_weights_that_exist(caplog):
    """A figure with titles (axes and figure) logs no findfont fallback such as
    'Failed to find font weight bold for Noto Sans CJK SC', which shows as a stderr box in JupyterLab."""
    import logging

    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    helpers.use_cjk_font()
    with caplog.at_level(logging.DEBUG, logger="matplotlib.font_manager"):
        fig, ax = plt.subplots()
        ax.set_title("示范区安全生产")
        fig.suptitle("各版面主题分布")
        ax.bar(["安全生产", "疫情防控"], [3, 2])
        fig.canvas.draw()
        plt.close(fig)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], [r.getMessage() for r in caplog.records]


def test_word_cloud_grid_has_a_readable_panel_per_group(tmp_path):
    """Per-page clouds: one panel each, two to a row, each saved at its own pixels (1600 x 1000 asked here)."""
    import numpy as np
    from PIL import Image

    panels = {f"第{k}版": {"安全生产": 10 - k, "疫情防控": 3 + k, "志愿服务": 4} for k in range(1, 6)}
    fig = helpers.wordcloud_grid(panels, ncols=2, panel_size=(1600, 1000))
    drawn = [ax for ax in fig.axes if ax.images]
    assert len(drawn) == 5 and [ax.get_title() for ax in drawn] == list(panels)
    assert all(abs(ax.images[0].get_array().shape[0] - 1000) <= 3 and abs(ax.images[0].get_array().shape[1] - 1600) <= 3
               for ax in drawn)
    paths = helpers.save_figure(fig, "grid", out_dir=tmp_path)
    width, height = Image.open(paths["png"]).size
    assert width >= 2 * 1600 * 0.9 and height >= 3 * 1000 * 0.9          # 3 rows, 2 columns at 300 dpi
    plt.close(fig)
    assert np.asarray(Image.open(paths["png"]).convert("L")).min() < 100   # words were drawn


def test_interactive_tables_work_offline_and_keep_a_static_copy():
    """table_html: DataTables through itables with nothing fetched from the internet, floats with three
    decimals in every column, keyword columns that do not break inside a word, and the first rows as a
    plain HTML table that shows where JavaScript is off."""
    import re

    import pandas as pd

    df = pd.DataFrame({"topic": ["安全生产", "疫情防控"], "share": [0.0, 0.5], "score": [1.23456, 2.0],
                       "keywords": ["安全生产×3、隐患×2", "疫情防控×4"], "evidence": ["长句" * 80, "短句"]})
    html = helpers.table_html(df, "主题")
    loads = re.findall(r"""(?:src|href)=["']?(https?://[^"' >]+)""", html) + re.findall(r"import\s*\(?['\"]https?://", html)
    assert not [u for u in loads if "itables.org" not in u], loads        # only help links, no library from a CDN
    script = html.index("<script")
    assert re.search(r"<td[^>]*>\s*疫情防控\s*</td>", html[:script]) and "主题" in html   # a plain table before any script
    assert all(f'\\"{v}\\"' in html for v in ("0.000", "0.500", "1.235", "2.000"))   # as the table shows them
    keep = re.search(r'\{"className": "epaper-keep", "targets": \[([0-9, ]+)\]\}', html)
    assert keep and {int(x) for x in keep.group(1).split(",")} == {0, 3}
