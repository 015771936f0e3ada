"""Stage 6, network: who appears with whom at the events the paper reports.

Nodes are people present at one or more items (chair, speaker, attendee,
leader by default); an edge joins two people present at the same item, with
``weight`` the number of such items and ``articles`` their ids. People who
are only mentioned or quoted, other named people and journalists never
become nodes.
"""
from __future__ import annotations

from itertools import combinations
from pathlib import Path

import networkx as nx
import pandas as pd

from . import paths
from .people import PRESENT_ROLES, ROLE_ORDER

SEED = 42


def attendance_network(people: pd.DataFrame, *, roles=PRESENT_ROLES, min_weight: int = 1) -> nx.Graph:
    """The co-attendance graph of the people table.

    Node attributes: ``title`` and ``org`` (most frequent), ``n_events`` and
    ``n_<role>`` for each role; edge attributes: ``weight`` and ``articles``.

    >>> people = pd.DataFrame({"article_id": ["a", "a", "a", "b", "b"], "name": ["甲", "乙", "丙", "甲", "乙"],
    ...     "role": ["chair", "attendee", "mentioned", "speaker", "attendee"], "title": None, "org": None, "evidence": ""})
    >>> g = attendance_network(people); sorted(g.nodes), g["甲"]["乙"]["weight"], g["甲"]["乙"]["articles"]
    (['乙', '甲'], 2, ['a', 'b'])
    """
    present = people[people.role.isin(roles)]
    g = nx.Graph()
    for name, rows in present.groupby("name", sort=True):
        attrs = {"title": _most_common(rows.title), "org": _most_common(rows.org),
                 "n_events": int(rows.article_id.nunique())}
        for role in ROLE_ORDER:
            attrs[f"n_{role}"] = int(rows.loc[rows.role == role, "article_id"].nunique())
        g.add_node(name, **attrs)
    for article_id, rows in present.groupby("article_id", sort=True):
        for a, b in combinations(sorted(set(rows.name)), 2):
            if g.has_edge(a, b):
                g[a][b]["weight"] += 1
                g[a][b]["articles"].append(article_id)
            else:
                g.add_edge(a, b, weight=1, articles=[article_id])
    if min_weight > 1:
        g.remove_edges_from([(a, b) for a, b, w in g.edges(data="weight") if w < min_weight])
    return g


def _most_common(values: pd.Series) -> str:
    v = values.dropna()
    v = v[v != ""]
    return str(v.value_counts().index[0]) if len(v) else ""


def centrality(g: nx.Graph) -> pd.DataFrame:
    """Degree, weighted degree, betweenness and eigenvector centrality of every node, most central first."""
    if g.number_of_nodes() == 0:
        return pd.DataFrame(columns=["name", "title", "n_events", "degree", "weighted_degree", "betweenness", "eigenvector"])
    eig = {}
    for comp in nx.connected_components(g):
        sub = g.subgraph(comp)
        if sub.number_of_nodes() < 3:
            eig.update({n: 0.0 for n in sub})
            continue
        try:
            vals = nx.eigenvector_centrality_numpy(sub, weight="weight")
        except Exception:  # noqa: BLE001 - a degenerate component: no meaningful eigenvector
            vals = {n: 0.0 for n in sub}
        share = sub.number_of_nodes() / g.number_of_nodes()
        eig.update({n: abs(v) * share for n, v in vals.items()})
    betw = nx.betweenness_centrality(g, weight=None)
    rows = [{"name": n, "title": d.get("title", ""), "n_events": d.get("n_events", 0), "degree": g.degree(n),
             "weighted_degree": g.degree(n, weight="weight"), "betweenness": round(betw[n], 6),
             "eigenvector": round(eig.get(n, 0.0), 6)} for n, d in g.nodes(data=True)]
    return pd.DataFrame(rows).sort_values(["weighted_degree", "n_events", "name"], ascending=[False, False, True]).reset_index(drop=True)


def communities(g: nx.Graph, seed: int = SEED) -> pd.DataFrame:
    """Louvain communities (networkx, fixed seed): ``name``, ``community`` (0 = largest)."""
    if g.number_of_nodes() == 0:
        return pd.DataFrame(columns=["name", "community"])
    comms = nx.community.louvain_communities(g, weight="weight", seed=seed)
    comms = sorted((sorted(c) for c in comms), key=lambda c: (-len(c), c[0]))
    return pd.DataFrame([{"name": n, "community": k} for k, c in enumerate(comms) for n in c])


def core(g: nx.Graph, top: int = 40) -> nx.Graph:
    """The ``top`` people present at the most items (then most ties, then name) and the ties among them:
    a network small enough to read, for a month of a national paper.

    >>> core(nx.Graph([("甲", "乙"), ("乙", "丙")]), top=2).number_of_nodes()
    2
    """
    keep = sorted(g, key=lambda n: (-g.nodes[n].get("n_events", 0), -g.degree(n, weight="weight"), n))[:top]
    out = nx.Graph()
    out.add_nodes_from((n, g.nodes[n]) for n in sorted(keep))
    out.add_edges_from((a, b, d) for a, b, d in g.edges(keep, data=True) if a in out and b in out)
    return out


def ego(g: nx.Graph, name: str, radius: int = 1) -> nx.Graph:
    """The ego network of one person."""
    return nx.ego_graph(g, name, radius=radius) if name in g else nx.Graph()


def export_network(g: nx.Graph, out_dir=None, name: str = "attendance") -> dict[str, Path]:
    """Write GEXF and GraphML (for Gephi) and CSV node and edge lists; returns the paths."""
    from .storage import write_atomic

    out_dir = Path(out_dir or paths.PROCESSED / "network")
    out_dir.mkdir(parents=True, exist_ok=True)
    flat = nx.Graph()
    flat.add_nodes_from((n, {k: v for k, v in d.items()}) for n, d in g.nodes(data=True))
    flat.add_edges_from((a, b, {"weight": d["weight"], "articles": ";".join(d["articles"])}) for a, b, d in g.edges(data=True))
    out = {}
    for ext, writer in (("gexf", nx.write_gexf), ("graphml", nx.write_graphml)):
        path = out_dir / f"{name}.{ext}"
        tmp = out_dir / f".{name}.{ext}.tmp"
        writer(flat, str(tmp))
        tmp.replace(path)
        out[ext] = path
    nodes = pd.DataFrame([{"name": n, **d} for n, d in flat.nodes(data=True)])
    edges = pd.DataFrame([{"source": a, "target": b, **d} for a, b, d in flat.edges(data=True)])
    for label, df in (("nodes", nodes), ("edges", edges)):
        path = out_dir / f"{name}_{label}.csv"
        write_atomic(path, df.to_csv(index=False))
        out[label] = path
    return out
