"""Stage 7b, the co-attendance network as an interactive page that works offline.

``network_html`` writes one self-contained HTML page: the vis-network library
(the copy the ``pyvis`` package ships, put inline), the people and ties as
data, and a small panel of filters. Hovering a person shows the title, the
roles and the number of items; hovering a tie shows how many items joined
the two and which. Node size follows the items a person is present at,
colour the community, edge width the weight. Filters: roles (show people who
held any of the chosen roles), a minimum tie weight, one community; the
mouse zooms and pans. Positions come from ``figures.component_layout`` (the
same picture every time), so the page needs no physics and no server, and
opens from disk in any browser. ``show_network`` puts the same page into a
notebook; ``export_network_html`` writes it to ``figures/``.
"""
from __future__ import annotations

import html
import json
from functools import lru_cache
from pathlib import Path

import networkx as nx
import pandas as pd

from . import paths
from .people import ROLE_ORDER

_PALETTE = ["#4C78A8", "#F58518", "#54A24B", "#E45756", "#72B7B2", "#B279A2", "#EECA3B", "#9D755D", "#FF9DA6",
            "#BAB0AC"]
ROLE_NAMES = {"chair": "主持", "leader": "带队", "speaker": "讲话", "attendee": "出席"}


@lru_cache(maxsize=1)
def _vis_library() -> tuple[str, str]:
    """vis-network's JavaScript and CSS, from the files the pyvis package installs (nothing is downloaded)."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    js, css = lib / "vis-network.min.js", lib / "vis-network.css"
    if not js.exists():
        raise FileNotFoundError(f"{js}: the vis-network library of the pyvis package is missing; "
                                "reinstall requirements.txt")
    return js.read_text(encoding="utf-8"), css.read_text(encoding="utf-8")


def network_data(g: nx.Graph, communities: pd.DataFrame | None = None, seed: int = 42) -> dict:
    """The nodes and edges the page draws, as plain data (positions, sizes, colours, hover texts)."""
    from .figures import component_layout

    pos = component_layout(g, seed=seed)
    comm = dict(zip(communities.name, communities.community)) if communities is not None and len(communities) else {}
    scale = 220.0
    nodes = []
    for n in sorted(g):
        d = g.nodes[n]
        roles = {r: int(d.get(f"n_{r}", 0)) for r in ROLE_ORDER if d.get(f"n_{r}", 0)}
        hover = [n, d.get("title") or "", f"{d.get('n_events', 0)} 条", "、".join(f"{ROLE_NAMES.get(r, r)} {c}"
                                                                              for r, c in roles.items())]
        c = int(comm.get(n, 0))
        nodes.append({"id": n, "label": n, "x": round(pos[n][0] * scale, 2), "y": round(-pos[n][1] * scale, 2),
                      "value": int(d.get("n_events", 1)), "community": c, "roles": sorted(roles),
                      "color": _PALETTE[c % len(_PALETTE)], "title": "\n".join(h for h in hover if h)})
    edges = []
    for a, b, d in sorted(g.edges(data=True), key=lambda e: tuple(sorted(e[:2]))):
        a, b = sorted((a, b))
        arts = d.get("articles", [])
        edges.append({"id": f"{a}|{b}", "from": a, "to": b, "value": int(d.get("weight", 1)),
                      "weight": int(d.get("weight", 1)),
                      "title": f"{a} — {b}：同场 {d.get('weight', 1)} 次\n" + "\n".join(arts[:10])})
    return {"nodes": nodes, "edges": edges, "communities": sorted({x["community"] for x in nodes}),
            "roles": [r for r in ROLE_NAMES if any(r in x["roles"] for x in nodes)]}


_PAGE = """<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>{title}</title>
<style>{css}
body{{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:0}}
#panel{{padding:6px 10px;border-bottom:1px solid #ddd;font-size:14px;display:flex;gap:18px;flex-wrap:wrap;align-items:center}}
#net{{width:100%;height:{height}px}}
div.vis-tooltip{{white-space:pre-line;font-size:13px}}
</style></head><body>
<div id="panel"><b>{title}</b>
<span>角色：{role_boxes}</span>
<label>最少同场次数 <input id="minw" type="range" min="1" max="{maxw}" value="1"> <span id="minwv">1</span></label>
<label>社群 <select id="comm"><option value="">全部</option>{comm_options}</select></label>
<span id="count"></span></div>
<div id="net"></div>
<script>{js}</script>
<script>
const DATA = {data};
const nodes = new vis.DataSet(DATA.nodes), edges = new vis.DataSet(DATA.edges);
function roleOk(n) {{
  const on = [...document.querySelectorAll(".role:checked")].map(x => x.value);
  return n.roles.some(r => on.includes(r));
}}
const commSel = document.getElementById("comm"), minw = document.getElementById("minw");
const nodeView = new vis.DataView(nodes, {{filter: n => roleOk(n) && (commSel.value === "" || String(n.community) === commSel.value)}});
const edgeView = new vis.DataView(edges, {{filter: e => e.weight >= Number(minw.value)}});
const network = new vis.Network(document.getElementById("net"), {{nodes: nodeView, edges: edgeView}}, {{
  physics: false, interaction: {{hover: true, tooltipDelay: 80}},
  nodes: {{shape: "dot", scaling: {{min: 8, max: 36, label: {{enabled: true, min: 12, max: 22}}}}, font: {{face: "sans-serif"}}}},
  edges: {{color: {{color: "#888888", opacity: 0.5}}, scaling: {{min: 1, max: 8}}, smooth: false}}
}});
function refresh() {{
  document.getElementById("minwv").textContent = minw.value;
  nodeView.refresh(); edgeView.refresh();
  document.getElementById("count").textContent = nodeView.length + " 人，" + edgeView.length + " 条关系";
}}
document.querySelectorAll(".role").forEach(x => x.addEventListener("change", refresh));
minw.addEventListener("input", refresh); commSel.addEventListener("change", refresh);
refresh();
</script></body></html>
"""


def network_html(g: nx.Graph, communities: pd.DataFrame | None = None, *, title: str = "同场出席网络",
                 height: int = 700, seed: int = 42) -> str:
    """The network as one self-contained HTML page (see the module's docstring).

    >>> "vis.Network" in network_html(nx.Graph([("甲", "乙")]))
    True
    """
    data = network_data(g, communities, seed)
    js, css = _vis_library()
    boxes = " ".join(f'<label><input class="role" type="checkbox" value="{r}" checked> {ROLE_NAMES[r]}</label>'
                     for r in (data["roles"] or list(ROLE_NAMES)))
    options = "".join(f'<option value="{c}">{c}</option>' for c in data["communities"])
    maxw = max([e["weight"] for e in data["edges"]] or [1])
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return _PAGE.format(title=html.escape(title), css=css, js=js, data=payload, role_boxes=boxes,
                        comm_options=options, maxw=maxw, height=height)


def export_network_html(g: nx.Graph, communities: pd.DataFrame | None = None, name: str = "attendance_network",
                        out_dir=None, **kw) -> Path:
    """Write ``figures/<name>.html``: the interactive network, openable from disk without a server."""
    from .storage import write_atomic

    out_dir = Path(out_dir or paths.FIGURES)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{name}.html"
    write_atomic(path, network_html(g, communities, **kw))
    return path


def show_network(g: nx.Graph, communities: pd.DataFrame | None = None, *, height: int = 650, **kw) -> None:
    """Show the interactive network in a notebook (the same page, in a frame of its own)."""
    from IPython.display import HTML, display

    page = network_html(g, communities, height=height - 60, **kw)
    # inside a <div>: IPython warns (to stderr) about HTML that starts with <iframe>, and IFrame needs a URL
    display(HTML(f'<div><iframe srcdoc="{html.escape(page, quote=True)}" '
                 f'style="width:100%;height:{height}px;border:0"></iframe></div>'))
