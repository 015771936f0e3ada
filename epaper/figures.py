"""Stage 7, figures: Chinese that renders right, and one place that saves figures.

The CJK font comes with the ``mplfonts`` package from PyPI (Noto Sans CJK SC),
so no system font is assumed and nothing is downloaded.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from . import paths

FONT_FILE = "NotoSansCJKsc-Regular.otf"
DPI = 300
SCREEN_DPI = 150             # how large word clouds show in a notebook


@lru_cache(maxsize=1)
def cjk_font_path() -> Path:
    """The Noto Sans CJK SC font file shipped by mplfonts."""
    import mplfonts

    path = Path(mplfonts.__file__).parent / "fonts" / FONT_FILE
    if not path.exists():
        raise FileNotFoundError(f"{path}: the CJK font of the mplfonts package is missing; reinstall requirements.txt")
    return path


def use_cjk_font() -> str:
    """Set matplotlib up for Chinese labels (font, minus sign, report style); returns the font's name."""
    import matplotlib

    matplotlib.use(matplotlib.get_backend())
    from matplotlib import font_manager, rcParams

    path = cjk_font_path()
    font_manager.fontManager.addfont(str(path))
    name = font_manager.FontProperties(fname=str(path)).get_name()
    rcParams["font.family"] = "sans-serif"
    rcParams["font.sans-serif"] = [name, "DejaVu Sans"]
    rcParams["axes.unicode_minus"] = False
    rcParams["svg.fonttype"] = "path"        # glyphs as outlines: the SVG shows Chinese on any machine
    rcParams["svg.hashsalt"] = "epaper"      # stable ids: the same figure gives the same SVG
    rcParams["figure.dpi"] = 100
    rcParams["axes.spines.top"] = False
    rcParams["axes.spines.right"] = False
    rcParams["axes.titlesize"] = 13
    rcParams["axes.titleweight"] = "normal"       # the CJK font has one weight: asking for bold only warns
    rcParams["figure.titleweight"] = "normal"
    return name


def save_figure(fig, name: str, out_dir=None) -> dict[str, Path]:
    """Write ``figures/<name>.png`` (300 dpi) and ``figures/<name>.svg``; returns both paths."""
    out_dir = Path(out_dir or paths.FIGURES)
    out_dir.mkdir(parents=True, exist_ok=True)
    out = {}
    for ext in ("png", "svg"):
        path = out_dir / f"{name}.{ext}"
        tmp = out_dir / f".{name}.tmp.{ext}"
        extra = {"pil_kwargs": {"compress_level": 1}} if ext == "png" else {}   # twice as fast, files 8% larger
        fig.savefig(tmp, dpi=DPI, bbox_inches="tight", metadata=_metadata(ext), **extra)
        tmp.replace(path)
        out[ext] = path
    return out


def _metadata(ext: str) -> dict:
    # no creation date in the files: the same inputs give the same bytes
    if ext == "png":
        return {"Software": None}
    if ext == "svg":
        return {"Date": None}
    return {}


def _axes(ax, figsize, **kw):
    """``(figure, axes)``: the axes given, or a new figure of ``figsize`` inches with one axes."""
    import matplotlib.pyplot as plt

    use_cjk_font()
    if ax is None:
        return plt.subplots(figsize=figsize, **kw)
    return ax.figure, ax


def _no_data(ax) -> None:
    """An empty panel that says there is nothing to draw."""
    ax.set_axis_off()
    ax.text(0.5, 0.5, "（无数据）", ha="center", va="center", transform=ax.transAxes)


def draw_network(g, ax=None, *, title: str = "", seed: int = 42, label_top: int = 40, communities=None,
                 highlight: str | None = None):
    """Draw a co-attendance graph: node size by events, edge width by weight, Chinese labels.

    ``highlight``: one person drawn in red with a ring and the ties to them darker (the chosen official
    of an ego network, which otherwise looks the same as a neighbour's from the same leadership group).
    """
    import matplotlib.pyplot as plt
    import networkx as nx

    fig, ax = _axes(ax, (10, 8))
    ax.set_axis_off()
    if title:
        ax.set_title(title)
    if g.number_of_nodes() == 0:
        _no_data(ax)
        return fig
    pos = component_layout(g, seed=seed)
    sizes = [120 + 90 * g.nodes[n].get("n_events", 1) for n in g]
    colors = "#4C78A8"
    if communities is not None:
        cmap = plt.get_cmap("tab10")
        comm = dict(zip(communities.name, communities.community))
        colors = [cmap(comm.get(n, 0) % 10) for n in g]
    widths = [0.6 + 1.2 * d.get("weight", 1) for _, _, d in g.edges(data=True)]
    nx.draw_networkx_edges(g, pos, ax=ax, width=widths, alpha=0.35, edge_color="#555555")
    nx.draw_networkx_nodes(g, pos, ax=ax, node_size=sizes, node_color=colors, alpha=0.9, linewidths=0)
    if highlight in g:
        mine = [(a, b) for a, b in g.edges(highlight)]
        nx.draw_networkx_edges(g, pos, ax=ax, edgelist=mine, width=[0.6 + 1.2 * g[a][b].get("weight", 1) for a, b in mine],
                               alpha=0.8, edge_color="#C0392B")
        nx.draw_networkx_nodes(g, pos, ax=ax, nodelist=[highlight], node_size=[sizes[list(g).index(highlight)] * 1.6],
                               node_color="#E74C3C", edgecolors="#7B241C", linewidths=2.5)
    top = sorted(g, key=lambda n: -g.degree(n, weight="weight"))[:label_top]
    texts = nx.draw_networkx_labels(g, pos, labels={n: n for n in top}, ax=ax, font_size=10,
                                    font_family=use_cjk_font(), verticalalignment="bottom")
    import matplotlib.patheffects as pe
    for t in texts.values():
        t.set_path_effects([pe.withStroke(linewidth=3, foreground="white")])
        x, y = t.get_position()
        t.set_position((x, y + 0.06))
    return fig


def component_layout(g, seed: int = 42) -> dict:
    """Positions that lay out each connected part on its own (Kamada-Kawai) and set the parts side by side."""
    import math

    import networkx as nx

    comps = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c[0]))
    # parts are set side by side in rows about as wide as all of them are tall together
    row_width = max(math.sqrt(len(comps[0])) if comps else 1.0, 1.6 * math.sqrt(sum(len(c) for c in comps)))
    pos, x, y, row_height = {}, 0.0, 0.0, 0.0
    for comp in comps:
        size = math.sqrt(len(comp))
        if x > 0 and x + size > row_width:
            x, y = 0.0, y - row_height - 0.8
            row_height = 0.0
        row_height = max(row_height, size)
        # a graph of its own with nodes and edges in sorted order: a subgraph view iterates its nodes in
        # set order, which changes from one Python process to the next, and so would the picture
        sub = nx.Graph()
        sub.add_nodes_from(comp)
        sub.add_edges_from(sorted(tuple(sorted(e)) for e in g.subgraph(comp).edges))
        if len(comp) == 1:
            local = {comp[0]: (0.0, 0.0)}
        elif len(comp) == 2:
            local = {comp[0]: (-0.5, 0.0), comp[1]: (0.5, 0.0)}
        else:
            local = nx.kamada_kawai_layout(sub, pos=nx.circular_layout(sub), weight=None)
        for n, (px, py) in local.items():
            pos[n] = (x + size * 0.5 * float(px), y - size * 0.5 + size * 0.5 * float(py))
        x += size + 0.8
    return pos


def wordcloud(freqs, *, title: str = "", ax=None, max_words: int = 150, width: int = 1600, height: int = 1000,
              seed: int = 42, scale: int = 3):
    """A word cloud from word frequencies (a Counter or dict), drawn with the CJK font.

    Uses wordcloud's ``generate_from_frequencies`` with collocations off, so
    names and terms stay as the tokenizer cut them. Words are placed on a
    canvas ``scale`` times smaller than ``width`` × ``height`` and drawn at full
    size (several times faster than placing them at full size; the
    picture is the same kind). Returns the figure.
    """
    from wordcloud import WordCloud

    # saved at DPI the picture keeps its own pixels (no resampling); shown at 150 dpi in notebooks
    fig, ax = _axes(ax, (width / DPI, height / DPI), dpi=SCREEN_DPI)
    ax.set_axis_off()
    if title:
        ax.set_title(title)
    freqs = {str(k): float(v) for k, v in dict(freqs).items() if v > 0}
    if not freqs:
        _no_data(ax)
        return fig
    wc = WordCloud(font_path=str(cjk_font_path()), width=max(1, width // scale), height=max(1, height // scale),
                   scale=scale, background_color="white", max_words=max_words, collocations=False,
                   random_state=seed, prefer_horizontal=0.95, colormap="viridis", margin=2)
    wc.generate_from_frequencies(freqs)
    ax.imshow(wc.to_array(), interpolation="bilinear")
    return fig


def wordcloud_grid(panels: dict, *, ncols: int = 2, max_words: int = 80, panel_size=(1200, 750)):
    """One word cloud per panel (``{title: frequencies}``), in a grid of ``ncols`` columns, each panel large
    enough to read (``panel_size`` pixels when saved). Returns the figure.

    >>> fig = wordcloud_grid({"第1版": {"安全生产": 5, "会议": 3}, "第2版": {"疫情防控": 4}})   # doctest: +SKIP
    """
    import math

    import matplotlib.pyplot as plt

    use_cjk_font()
    n = max(1, len(panels))
    ncols = max(1, min(ncols, n))
    nrows = math.ceil(n / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(panel_size[0] / DPI * ncols, panel_size[1] / DPI * nrows * 1.1),
                             squeeze=False, dpi=SCREEN_DPI)
    for ax, (title, freqs) in zip(axes.flat, panels.items()):
        wordcloud(freqs, title=title, ax=ax, max_words=max_words, width=panel_size[0], height=panel_size[1])
    for ax in list(axes.flat)[len(panels):]:
        ax.set_axis_off()
    fig.tight_layout()
    return fig


def bar_table(table, ax=None, *, title: str = "", stacked: bool = True, xlabel: str = "", ylabel: str = ""):
    """A bar chart of a table (rows on the x axis, one colour per column), Chinese labels included."""
    fig, ax = _axes(ax, (10, 5))
    if len(table):
        table.plot.bar(stacked=stacked, ax=ax, rot=30, width=0.8)
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    fig.tight_layout()
    return fig


def heatmap(matrix, ax=None, *, title: str = "", xlabel: str = "", cmap: str = "Blues"):
    """A heat map of a table of counts (rows × columns), each cell labelled with its count."""
    rows, cols = matrix.shape if len(matrix) else (0, 0)
    fig, ax = _axes(ax, (max(6.0, 1.0 + 0.7 * cols), max(3.0, 0.8 + 0.32 * rows)))
    ax.set_title(title)
    if not rows or not cols:
        _no_data(ax)
        return fig
    values = matrix.to_numpy()
    ax.imshow(values, aspect="auto", cmap=cmap, vmin=0)
    ax.set_xticks(range(cols), [str(c) for c in matrix.columns], rotation=45, ha="right")
    ax.set_yticks(range(rows), [str(r) for r in matrix.index])
    top = values.max() or 1
    for i in range(rows):
        for j in range(cols):
            if values[i, j]:
                ax.text(j, i, str(int(values[i, j])), ha="center", va="center", fontsize=8,
                        color="white" if values[i, j] > top / 2 else "#333333")
    ax.set_xlabel(xlabel)
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    return fig


def timeline_plot(timeline, ax=None, *, title: str = ""):
    """One official's items over time (``official_timeline``): a dot per item and role, roles as rows."""
    import matplotlib.pyplot as plt
    import pandas as pd

    from .people import ROLE_ORDER

    fig, ax = _axes(ax, (10, 3.2))
    ax.set_title(title)
    if not len(timeline):
        _no_data(ax)
        return fig
    roles = [r for r in ROLE_ORDER if r in set(timeline.role)]
    cmap = plt.get_cmap("tab10")
    for k, role in enumerate(roles):
        d = pd.to_datetime(timeline.loc[timeline.role == role, "issue_date"])
        ax.scatter(d, [k] * len(d), s=60, color=cmap(k), alpha=0.8, label=role)
    ax.set_yticks(range(len(roles)), roles)
    ax.set_ylim(-0.7, len(roles) - 0.3)
    ax.set_xlabel("日期")
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig
