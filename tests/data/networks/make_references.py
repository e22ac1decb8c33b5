#!/usr/bin/python3
"""Writes the reference networks of tests/data/networks and NetworkX's values for each node.

Reads the original files in sources/ (copied unchanged from the project's shared data, see
README.md here for origin, licence and citation) and writes, for each variant:

  <variant>/edges.txt      `u v [weight]`, `#` comments; u, v are node ids 0..n-1
  <variant>/nodes.tsv      `id<TAB>label[<TAB>group]`, one line per node in id order
  <variant>/reference.tsv  per-node values from networkx, full precision (repr)

Run with Debian's python3-networkx 2.8.8 (apt-get install -y python3-networkx python3-igraph;
this is /usr/bin/python3, not a pyenv or venv python):

  /usr/bin/python3 tests/data/networks/make_references.py          # write the files
  /usr/bin/python3 tests/data/networks/make_references.py --check  # compare, write nothing

Every run also checks the values against the 4-decimal values of the shared REFERENCE.md
(transcribed below), against igraph when python3-igraph is installed, and against an exact
(rational) computation, and prints a summary. It exits non-zero when a check fails.
"""

import argparse
import csv
import heapq
import itertools
import math
import os
import sys
from fractions import Fraction

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = os.path.join(HERE, "sources")
NETWORKX_VERSION = "2.8.8"

COLUMNS = [
    "id",
    "label",
    "pagerank",
    "pagerank_unweighted",
    "betweenness",
    "betweenness_weighted_inverse",
    "betweenness_weighted_inverse_exact",
    "betweenness_weighted_neglog",
    "betweenness_weighted_neglog_exact",
    "constraint",
    "effective_size",
]


# ---------------------------------------------------------------------------------------------
# Loading the original files. Each loader returns (nodes, edges, weighted) where nodes is a list
# of (label, group or None) in id order and edges a list of (u, v, weight or None) with 0-based
# ids, in the order of the original file.


def load_florentine():
    nodes = []
    with open(os.path.join(SOURCES, "florentine-families", "florentine_node_map.txt")) as f:
        for expected_id, line in enumerate(f):
            node_id, name = line.split()
            assert int(node_id) == expected_id, line
            nodes.append((name, None))
    edges = []
    with open(os.path.join(SOURCES, "florentine-families", "florentine.net")) as f:
        for line in f:
            u, v = map(int, line.split())
            edges.append((u, v, None))
    return nodes, edges, False


def read_tsv(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    return rows[0], rows[1:]


def load_karate():
    header, rows = read_tsv(os.path.join(SOURCES, "karate-zachary", "karate_nodes.tsv"))
    assert header == ["id", "Faction", "name", "label", "color"], header
    nodes = []
    for expected_id, row in enumerate(rows, start=1):
        assert int(row[0]) == expected_id, row
        nodes.append((row[2], row[1]))
    header, rows = read_tsv(os.path.join(SOURCES, "karate-zachary", "karate_edges.tsv"))
    assert header == ["from", "to", "weight"], header
    edges = [(int(a) - 1, int(b) - 1, int(w)) for a, b, w in rows]
    return nodes, edges, True


def load_ukfaculty():
    header, rows = read_tsv(os.path.join(SOURCES, "ukfaculty", "ukfaculty_nodes.tsv"))
    assert header == ["id", "Group"], header
    nodes = []
    for expected_id, row in enumerate(rows, start=1):
        assert int(row[0]) == expected_id, row
        nodes.append((row[0], row[1]))
    header, rows = read_tsv(os.path.join(SOURCES, "ukfaculty", "ukfaculty_edges.tsv"))
    assert header == ["from", "to", "weight"], header
    edges = [(int(a) - 1, int(b) - 1, int(w)) for a, b, w in rows]
    return nodes, edges, True


def load_krackhardt(relation_file):
    directory = os.path.join(SOURCES, "krackhardt-hitech")
    with open(os.path.join(directory, "Krack-High-Tec-Attributes.csv"), newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert rows[0] == ["ID", "AGE", "TENURE", "LEVEL", "DEPT"], rows[0]
    nodes = []
    for expected_id, row in enumerate(rows[1:], start=1):
        assert int(row[0]) == expected_id, row
        nodes.append((row[0], row[4]))  # label = the published id, group = DEPT
    with open(os.path.join(directory, relation_file), newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert rows[0] == ["ego", "alter", "edge"], rows[0]
    assert len(rows) == 1 + 21 * 21
    edges = []
    for ego, alter, edge in rows[1:]:
        assert edge in ("0", "1"), edge
        if edge == "1":
            assert ego != alter, (ego, alter)
            # ego -> alter: "ego goes to alter for advice", "alter is ego's friend",
            # "ego reports to alter".
            edges.append((int(ego) - 1, int(alter) - 1, None))
    return nodes, edges, False


# name: (loader, directed, description of the variant)
VARIANTS = {
    "florentine": (
        load_florentine,
        False,
        "Florentine families, marriage ties (Padgett & Ansell 1993); undirected, unweighted; "
        "Pucci is an isolate",
    ),
    "karate": (
        load_karate,
        False,
        "Zachary karate club (Zachary 1977); undirected, weight = number of interaction "
        "contexts; group = Faction",
    ),
    "krackhardt_advice": (
        lambda: load_krackhardt("Advice.csv"),
        True,
        "Krackhardt high-tech managers, advice (Krackhardt 1987); directed ego -> alter = ego "
        "goes to alter for advice; unweighted; group = DEPT (0 = CEO)",
    ),
    "krackhardt_friendship": (
        lambda: load_krackhardt("Friendship.csv"),
        True,
        "Krackhardt high-tech managers, friendship (Krackhardt 1987); directed ego -> alter = "
        "alter is ego's friend; unweighted; group = DEPT (0 = CEO)",
    ),
    "krackhardt_reports_to": (
        lambda: load_krackhardt("Reports_To.csv"),
        True,
        "Krackhardt high-tech managers, reports-to (Krackhardt 1987); directed ego -> alter = "
        "ego reports to alter; unweighted; group = DEPT (0 = CEO)",
    ),
    "ukfaculty": (
        load_ukfaculty,
        True,
        "UK university faculty friendship (Nepusz et al. 2008); directed, weighted; group = "
        "Group (school)",
    ),
}


def build_graph(nodes, edges, directed, weighted):
    graph = nx.DiGraph() if directed else nx.Graph()
    graph.add_nodes_from(range(len(nodes)))
    for u, v, w in edges:
        assert not graph.has_edge(u, v), ("duplicate edge", u, v)
        if weighted:
            graph.add_edge(u, v, weight=w)
        else:
            graph.add_edge(u, v)
    return graph


# ---------------------------------------------------------------------------------------------
# Weighted betweenness, exactly.
#
# nx.betweenness_centrality(G, weight=...) compares float path lengths with ==, so two equally
# short paths whose float sums differ (karate, Actor 13 -> Actor 15 with lengths 1/w: weights
# 3, 3, 3, 2 sum to 1.5 and 3, 3, 2, 3 to 1.4999999999999998) count as one, and the result
# depends on the order of the float additions; on karate it is off by 1.9e-3. The *_exact columns
# count every shortest path: path lengths are Fractions, so ties are ties. igraph (which compares
# with a relative tolerance) agrees with them to 1e-16; see the checks below.


class Strength:
    """A -ln(S) path length kept exactly as the product of the strengths S along the path."""

    __slots__ = ("product",)

    def __init__(self, product):
        self.product = product

    def __add__(self, other):
        return Strength(self.product * other.product)

    def __lt__(self, other):  # shorter = stronger
        return self.product > other.product

    def __eq__(self, other):
        return self.product == other.product


def exact_betweenness(graph, zero, length):
    """Brandes (2001) with exact path lengths: `zero` is the empty path, length(u, v) an edge's.
    Normalised as networkx normalises: 1/((n-1)(n-2)), every ordered pair counted."""
    nodes = list(graph.nodes())
    score = dict.fromkeys(nodes, Fraction(0))
    for source in nodes:
        order = []
        preds = {v: [] for v in nodes}
        sigma = dict.fromkeys(nodes, 0)
        done = set()
        seen = {source: zero}
        tie = itertools.count()
        queue = [(zero, next(tie), source)]
        while queue:
            dist, _, v = heapq.heappop(queue)
            if v in done:
                continue
            done.add(v)
            order.append(v)
            for w in graph.successors(v) if graph.is_directed() else graph.neighbors(v):
                if w in done:
                    continue
                candidate = dist + length(v, w)
                if w not in seen or candidate < seen[w]:
                    seen[w] = candidate
                    preds[w] = [v]
                    heapq.heappush(queue, (candidate, next(tie), w))
                elif candidate == seen[w]:
                    preds[w].append(v)
        sigma[source] = 1
        for v in order[1:]:
            sigma[v] = sum(sigma[p] for p in preds[v])
        delta = dict.fromkeys(nodes, Fraction(0))
        for w in reversed(order):
            for v in preds[w]:
                delta[v] += Fraction(sigma[v], sigma[w]) * (1 + delta[w])
            if w != source:
                score[w] += delta[w]
    n = len(nodes)
    scale = Fraction(1, (n - 1) * (n - 2)) if n > 2 else Fraction(1)
    return {v: float(score[v] * scale) for v in nodes}


def strength_denominator(graph):
    """S = w / (max_w + 1): every strength in (0, 1), so every -ln(S) is > 0. (With w / max_w the
    heaviest ties cost 0, shortest paths are no longer finite in number in an undirected graph,
    networkx's counts go wrong and igraph refuses the weights.)"""
    return max(w for _, _, w in graph.edges(data="weight")) + 1


# ---------------------------------------------------------------------------------------------
# The references.

CALLS = [
    "pagerank = nx.pagerank(G, alpha=0.85, tol=1e-10, weight='weight' if weighted else None)",
    "pagerank_unweighted = nx.pagerank(G, alpha=0.85, tol=1e-10, weight=None)",
    "betweenness = nx.betweenness_centrality(G, normalized=True, weight=None)",
    "betweenness_weighted_inverse (weighted only) = nx.betweenness_centrality(G, normalized=True, "
    "weight='inverse') with edge attribute inverse = 1 / w",
    "betweenness_weighted_neglog (weighted only) = nx.betweenness_centrality(G, normalized=True, "
    "weight='neglog') with edge attribute neglog = -math.log(w / strength_denominator), "
    "strength_denominator = max_w + 1 (max_w = the largest weight of the variant)",
    "betweenness_weighted_*_exact (weighted only) = the same lengths, but every shortest path "
    "counted: Brandes with exact rational path lengths (make_references.exact_betweenness), "
    "normalised as nx normalises; equals igraph 0.10.2 Graph.betweenness(weights=...) normalised "
    "to 1e-15. nx compares float path lengths with ==, so equally short paths whose float sums "
    "differ (1/3+1/3+1/3+1/2 = 1.5 but 1/3+1/3+1/2+1/3 = 1.4999999999999998) count as one; "
    "the _exact columns do not depend on rounding",
    "constraint = nx.constraint(G, weight='weight' if weighted else None)",
    "effective_size = nx.effective_size(G, weight='weight' if weighted else None)",
]


def compute(graph, directed, weighted):
    weight = "weight" if weighted else None
    values = {
        "pagerank": nx.pagerank(graph, alpha=0.85, tol=1e-10, weight=weight),
        "pagerank_unweighted": nx.pagerank(graph, alpha=0.85, tol=1e-10, weight=None),
        "betweenness": nx.betweenness_centrality(graph, normalized=True, weight=None),
        "constraint": nx.constraint(graph, weight=weight),
        "effective_size": nx.effective_size(graph, weight=weight),
    }
    if weighted:
        denominator = strength_denominator(graph)
        lengths = graph.copy()
        for _, _, data in lengths.edges(data=True):
            data["inverse"] = 1 / data["weight"]
            data["neglog"] = -math.log(data["weight"] / denominator)
        values["betweenness_weighted_inverse"] = nx.betweenness_centrality(
            lengths, normalized=True, weight="inverse"
        )
        values["betweenness_weighted_neglog"] = nx.betweenness_centrality(
            lengths, normalized=True, weight="neglog"
        )
        values["betweenness_weighted_inverse_exact"] = exact_betweenness(
            graph, Fraction(0), lambda u, v: Fraction(1, graph[u][v]["weight"])
        )
        values["betweenness_weighted_neglog_exact"] = exact_betweenness(
            graph,
            Strength(Fraction(1)),
            lambda u, v: Strength(Fraction(graph[u][v]["weight"], denominator)),
        )
    return values


def format_value(x):
    return repr(float(x))


def render(name, nodes, edges, directed, weighted, graph, values):
    description = VARIANTS[name][2]
    n, m = graph.number_of_nodes(), graph.number_of_edges()
    kind = "directed" if directed else "undirected"
    edges_txt = [
        f"# {name}: {description}",
        f"# {n} nodes, {m} edges, {kind}, {'weighted' if weighted else 'unweighted'}.",
        "# Node ids 0..n-1 are the line order of nodes.tsv; written by make_references.py.",
        "# u v weight" if weighted else "# u v",
    ]
    for u, v, w in edges:
        edges_txt.append(f"{u} {v} {w}" if weighted else f"{u} {v}")

    has_groups = any(group is not None for _, group in nodes)
    nodes_tsv = [
        f"# {name}: {n} nodes; written by make_references.py.",
        "# id\tlabel\tgroup" if has_groups else "# id\tlabel",
    ]
    for i, (label, group) in enumerate(nodes):
        nodes_tsv.append(f"{i}\t{label}\t{group}" if has_groups else f"{i}\t{label}")

    reference = [
        f"# networkx {nx.__version__}",
        f"# variant: {name}",
        f"# directed: {'true' if directed else 'false'}",
        f"# weighted: {'true' if weighted else 'false'}",
    ]
    if weighted:
        reference.append(f"# strength_denominator: {strength_denominator(graph)}")
    reference += [f"# {call}" for call in CALLS]
    reference.append("# Empty cell: the column does not apply to this variant. nan: networkx "
                     "gives nan (constraint and effective size of a node without out-neighbours: "
                     "an isolate, or in a directed graph a node with no out-edges).")
    reference.append("\t".join(COLUMNS))
    for i, (label, _) in enumerate(nodes):
        row = [str(i), label]
        for column in COLUMNS[2:]:
            row.append(format_value(values[column][i]) if column in values else "")
        reference.append("\t".join(row))
    return {
        "edges.txt": "\n".join(edges_txt) + "\n",
        "nodes.tsv": "\n".join(nodes_tsv) + "\n",
        "reference.tsv": "\n".join(reference) + "\n",
    }


# ---------------------------------------------------------------------------------------------
# Checks against the shared REFERENCE.md (NetworkX 2.8.8 values printed to 4 decimals), copied
# verbatim. Krackhardt labels there are `id(Level,Dept)`; ukfaculty's `id(Group)`.

PUBLISHED = {
    "krackhardt_advice": """
- **pagerank_top5**: 21(L2,D1) 0.1638, 7(L1,D0) 0.104, 2(L2,D4) 0.0939, 18(L2,D3) 0.0721, 6(L3,D1) 0.0716
- **betweenness_top5**: 18(L2,D3) 0.234, 21(L2,D1) 0.1582, 7(L1,D0) 0.0727, 10(L3,D3) 0.0481, 1(L3,D4) 0.0362
- **constraint_lowest5**: 18(L2,D3) 0.1923, 9(L3,D2) 0.1957, 15(L3,D2) 0.2008, 7(L1,D0) 0.2008, 2(L2,D4) 0.2021
- **in_degree_top5**: 2(L2,D4) 18, 18(L2,D3) 15, 21(L2,D1) 15, 1(L3,D4) 13, 7(L1,D0) 13
- **betweenness_undirected_top5**: 15(L3,D2) 0.0478, 9(L3,D2) 0.0342, 2(L2,D4) 0.0337, 20(L3,D2) 0.031, 5(L3,D2) 0.0267
- **constraint_undirected_lowest5**: 9(L3,D2) 0.1823, 15(L3,D2) 0.1889, 20(L3,D2) 0.1895, 5(L3,D2) 0.1897, 2(L2,D4) 0.1937
""",
    "krackhardt_friendship": """
- **pagerank_top5**: 2(L2,D4) 0.1546, 1(L3,D4) 0.1095, 4(L3,D4) 0.0867, 18(L2,D3) 0.0782, 21(L2,D1) 0.0756
- **betweenness_top5**: 17(L3,D1) 0.3538, 11(L3,D3) 0.1538, 21(L2,D1) 0.0893, 2(L2,D4) 0.0881, 4(L3,D4) 0.0833
- **constraint_lowest5**: 17(L3,D1) 0.1962, 10(L3,D3) 0.2032, 11(L3,D3) 0.2119, 2(L2,D4) 0.2424, 12(L3,D1) 0.2653
- **in_degree_top5**: 2(L2,D4) 10, 1(L3,D4) 8, 12(L3,D1) 8, 11(L3,D3) 6, 17(L3,D1) 6
- **betweenness_undirected_top5**: 17(L3,D1) 0.2313, 11(L3,D3) 0.1472, 5(L3,D2) 0.0636, 2(L2,D4) 0.0499, 10(L3,D3) 0.0327
- **constraint_undirected_lowest5**: 17(L3,D1) 0.1879, 11(L3,D3) 0.1941, 10(L3,D3) 0.204, 5(L3,D2) 0.2225, 12(L3,D1) 0.2255
""",
    "krackhardt_reports_to": """
- **pagerank_top5**: 7(L1,D0) 0.322, 14(L2,D2) 0.1402, 21(L2,D1) 0.0888, 2(L2,D4) 0.0716, 18(L2,D3) 0.0545
- **betweenness_top5**: 14(L2,D2) 0.0184, 21(L2,D1) 0.0105, 2(L2,D4) 0.0079, 18(L2,D3) 0.0053, 1(L3,D4) 0
- **constraint_lowest5**: 14(L2,D2) 0.125, 21(L2,D1) 0.2, 2(L2,D4) 0.25, 18(L2,D3) 0.3333, 1(L3,D4) 1
- **in_degree_top5**: 14(L2,D2) 7, 21(L2,D1) 4, 7(L1,D0) 4, 2(L2,D4) 3, 18(L2,D3) 2
- **betweenness_undirected_top5**: 7(L1,D0) 0.7526, 14(L2,D2) 0.5895, 21(L2,D1) 0.3684, 2(L2,D4) 0.2842, 18(L2,D3) 0.1947
- **constraint_undirected_lowest5**: 14(L2,D2) 0.125, 21(L2,D1) 0.2, 2(L2,D4) 0.25, 7(L1,D0) 0.25, 18(L2,D3) 0.3333
""",
    "florentine": """
- **pagerank_top5**: Medici 0.1444, Guadagni 0.0974, Strozzi 0.0872, Albizzi 0.0783, Tornabuoni 0.0706
- **betweenness_top5**: Medici 0.4524, Guadagni 0.2206, Albizzi 0.1841, Salviati 0.1238, Ridolfi 0.0984
- **constraint_lowest5**: Medici 0.2099, Guadagni 0.25, Albizzi 0.3333, Strozzi 0.4583, Ridolfi 0.4599
- **degree_top5**: Medici 6, Strozzi 4, Guadagni 4, Albizzi 3, Peruzzi 3
- **betweenness_raw_top5(15 fam, excl. Pucci)**: Medici 47.5, Guadagni 23.167, Albizzi 19.333, Salviati 13, Ridolfi 10.333
- **betweenness_norm_15fam_top5**: Medici 0.522, Guadagni 0.2546, Albizzi 0.2125, Salviati 0.1429, Ridolfi 0.1136
""",
    "karate": """
- **pagerank_top5**: John A 0.097, Mr Hi 0.0885, Actor 33 0.0759, Actor 3 0.0628, Actor 2 0.0574
- **betweenness_top5**: Mr Hi 0.4376, John A 0.3041, Actor 33 0.1452, Actor 3 0.1437, Actor 32 0.1383
- **constraint_lowest5**: John A 0.1863, Mr Hi 0.1906, Actor 3 0.2557, Actor 33 0.2583, Actor 32 0.2755
- **betweenness_w_top5(dist=1/w)**: Mr Hi 0.3949, Actor 3 0.3371, John A 0.3286, Actor 33 0.1591, Actor 9 0.1364
- **pagerank_unweighted_top5**: John A 0.1009, Mr Hi 0.097, Actor 33 0.0717, Actor 3 0.0571, Actor 2 0.0529
- **degree_top5**: John A 17, Mr Hi 16, Actor 33 12, Actor 3 10, Actor 2 9
- **unweighted_pagerank_top5**: John A 0.1009, Mr Hi 0.097, Actor 33 0.0717, Actor 3 0.0571, Actor 2 0.0529
- **unweighted_constraint_lowest5**: Mr Hi 0.1554, John A 0.1564, Actor 3 0.1852, Actor 32 0.2446, Actor 33 0.2492
""",
    "ukfaculty": """
- **pagerank_top5**: 77(G2) 0.0305, 31(G1) 0.0297, 10(G2) 0.0274, 75(G3) 0.0261, 69(G2) 0.026
- **betweenness_top5**: 62(G3) 0.1739, 29(G1) 0.1656, 37(G1) 0.1155, 38(G3) 0.0687, 52(G1) 0.0584
- **constraint_lowest5**: 37(G1) 0.115, 29(G1) 0.1223, 62(G3) 0.1333, 52(G1) 0.1378, 25(G1) 0.1609
- **betweenness_w_top5(dist=1/w)**: 29(G1) 0.5395, 62(G3) 0.3288, 7(G2) 0.2938, 75(G3) 0.2657, 13(G2) 0.1208
- **pagerank_unweighted_top5**: 77(G2) 0.028, 2(G1) 0.0245, 69(G2) 0.0241, 75(G3) 0.0234, 10(G2) 0.0233
- **in_degree_top5**: 69(G2) 24, 77(G2) 24, 54(G1) 23, 21(G1) 22, 29(G1) 21
""",
}


def published_measures(graph, weighted):
    """What each REFERENCE.md key measures, as {key: (values by node, rank order)}."""
    weight = "weight" if weighted else None
    undirected = graph.to_undirected()
    without_isolates = graph.subgraph([v for v in graph if graph.degree(v) > 0])

    def inverse_weights(g):
        h = g.copy()
        for _, _, data in h.edges(data=True):
            data["distance"] = 1 / data["weight"]
        return h

    measures = {
        "pagerank_top5": lambda: nx.pagerank(graph, alpha=0.85, tol=1e-10, weight=weight),
        "pagerank_unweighted_top5": lambda: nx.pagerank(graph, alpha=0.85, tol=1e-10, weight=None),
        "unweighted_pagerank_top5": lambda: nx.pagerank(graph, alpha=0.85, tol=1e-10, weight=None),
        "betweenness_top5": lambda: nx.betweenness_centrality(graph),
        "constraint_lowest5": lambda: nx.constraint(graph, weight=weight),
        "unweighted_constraint_lowest5": lambda: nx.constraint(graph),
        "in_degree_top5": lambda: dict(graph.in_degree()),
        "degree_top5": lambda: dict(graph.degree()),
        "betweenness_undirected_top5": lambda: nx.betweenness_centrality(undirected),
        "constraint_undirected_lowest5": lambda: nx.constraint(undirected),
        "betweenness_raw_top5(15 fam, excl. Pucci)": lambda: nx.betweenness_centrality(
            without_isolates, normalized=False
        ),
        "betweenness_norm_15fam_top5": lambda: nx.betweenness_centrality(without_isolates),
        "betweenness_w_top5(dist=1/w)": lambda: nx.betweenness_centrality(
            inverse_weights(graph), weight="distance"
        ),
    }
    return measures


def parse_published(text):
    for line in text.strip().splitlines():
        key, _, entries = line.removeprefix("- **").partition("**: ")
        parsed = []
        for entry in entries.split(", "):
            label, value = entry.rsplit(" ", 1)
            parsed.append((label.split("(")[0], value))
        yield key, parsed


def tolerance(printed):
    """Half a unit in the last printed place; values were rounded to 4 decimals, and the larger
    raw betweenness values to 5 significant digits."""
    decimals = len(printed.partition(".")[2])
    return 0.5 * 10 ** -max(decimals, 4) if abs(float(printed)) < 1 else 0.5 * 10 ** -decimals


def check_published(name, nodes, graph, weighted, values):
    """Returns (number of values checked, list of failures, list of notes)."""
    by_label = {label: i for i, (label, _) in enumerate(nodes)}
    measures = published_measures(graph, weighted)
    checked, failures, notes = 0, [], []
    for key, entries in parse_published(PUBLISHED[name]):
        computed = measures[key]()
        lowest = "lowest" in key
        # The published list is the top 5; check each value and that the same 5 values lead.
        ranked = sorted(
            (x for x in computed.values() if not math.isnan(x)), reverse=not lowest
        )[: len(entries)]
        for rank, (label, printed) in enumerate(entries):
            value = computed[by_label[label]]
            tol = tolerance(printed) * (1 + 1e-9)
            checked += 1
            if abs(value - float(printed)) > tol:
                failures.append(f"{name} {key} {label}: published {printed}, computed {value!r}")
            if abs(ranked[rank] - float(printed)) > tol:
                failures.append(f"{name} {key} rank {rank + 1}: published {printed}, "
                                f"computed {ranked[rank]!r}")
        if key == "betweenness_w_top5(dist=1/w)":
            for label, printed in entries:
                ours = values["betweenness_weighted_inverse"][by_label[label]]
                if abs(ours - float(printed)) > tolerance(printed) * (1 + 1e-9):
                    failures.append(f"{name} {key} {label}: published {printed}, "
                                    f"betweenness_weighted_inverse {ours!r}")
            exact = values["betweenness_weighted_inverse_exact"]
            for label, printed in entries:
                if abs(exact[by_label[label]] - float(printed)) > tolerance(printed):
                    notes.append(f"{name} {key} {label}: published (networkx) {printed}, "
                                 f"exact {exact[by_label[label]]:.4f}")
    return checked, failures, notes


# ---------------------------------------------------------------------------------------------
# Checks against igraph and against PageRank solved directly.


def check_igraph(graph, directed, weighted, values):
    """Largest |igraph - reference| per column, or None when python3-igraph is missing."""
    try:
        import igraph
    except ImportError:
        return None
    n = graph.number_of_nodes()
    edges = list(graph.edges(data="weight"))
    g = igraph.Graph(n=n, edges=[(u, v) for u, v, _ in edges], directed=directed)
    weights = [w for _, _, w in edges] if weighted else None
    scale = 1 / ((n - 1) * (n - 2)) * (1 if directed else 2)

    def worst(column, theirs):
        ours = values[column]
        return max(abs(ours[i] - theirs[i]) for i in range(n) if not math.isnan(ours[i]))

    result = {
        "pagerank": worst("pagerank", g.pagerank(weights=weights, damping=0.85)),
        "pagerank_unweighted": worst("pagerank_unweighted", g.pagerank(damping=0.85)),
        "betweenness": worst("betweenness", [b * scale for b in g.betweenness()]),
        # igraph gives a number where networkx gives nan (no out-edges); worst() skips those.
        "constraint": worst("constraint", g.constraint(weights=weights)),
    }
    if weighted:
        result["betweenness_weighted_inverse_exact"] = worst(
            "betweenness_weighted_inverse_exact",
            [b * scale for b in g.betweenness(weights=[1 / w for w in weights])],
        )
        denominator = strength_denominator(graph)
        neglog = [-math.log(w / denominator) for w in weights]
        result["betweenness_weighted_neglog_exact"] = worst(
            "betweenness_weighted_neglog_exact", [b * scale for b in g.betweenness(weights=neglog)]
        )
    return result


def check_pagerank_solved(graph, weighted, values):
    """Largest |nx.pagerank - the linear system's solution|: how far tol=1e-10 leaves it."""
    import numpy as np

    worst = 0.0
    for column, weight in (("pagerank", "weight" if weighted else None),
                           ("pagerank_unweighted", None)):
        n = graph.number_of_nodes()
        a = nx.to_numpy_array(graph, nodelist=range(n), weight=weight)
        out = a.sum(axis=1)
        p = np.zeros((n, n))
        for i in range(n):
            p[i] = a[i] / out[i] if out[i] > 0 else 1.0 / n  # dangling: uniform, as networkx
        system = np.eye(n) - 0.85 * p.T
        solved = np.linalg.solve(system, np.full(n, 0.15 / n))
        solved /= solved.sum()
        worst = max(worst, max(abs(values[column][i] - solved[i]) for i in range(n)))
    return worst


def nx_versus_exact(values):
    """Largest |nx float-length betweenness - exact|, for the README."""
    return {
        column: max(abs(a - b) for a, b in zip(values[column].values(),
                                               values[column + "_exact"].values()))
        for column in ("betweenness_weighted_inverse", "betweenness_weighted_neglog")
    }


# ---------------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="compare with the files on disk instead of writing them")
    parser.add_argument("--any-networkx", action="store_true",
                        help=f"run with a networkx other than {NETWORKX_VERSION}")
    args = parser.parse_args()
    if nx.__version__ != NETWORKX_VERSION and not args.any_networkx:
        sys.exit(f"error: networkx {nx.__version__} at {nx.__file__}; the references are made with "
                 f"Debian 12's python3-networkx {NETWORKX_VERSION} (run /usr/bin/python3), or "
                 f"pass --any-networkx")

    ok = True
    total_checked = 0
    for name, (loader, directed, _) in VARIANTS.items():
        nodes, edges, weighted = loader()
        graph = build_graph(nodes, edges, directed, weighted)
        values = compute(graph, directed, weighted)
        files = render(name, nodes, edges, directed, weighted, graph, values)
        directory = os.path.join(HERE, name)
        for file_name, content in files.items():
            path = os.path.join(directory, file_name)
            if args.check:
                try:
                    with open(path, encoding="utf-8") as f:
                        current = f.read()
                except FileNotFoundError:
                    current = None
                if current != content:
                    print(f"DIFFERS {os.path.relpath(path, HERE)}")
                    ok = False
            else:
                os.makedirs(directory, exist_ok=True)
                with open(path, "w", encoding="utf-8", newline="\n") as f:
                    f.write(content)

        checked, failures, notes = check_published(name, nodes, graph, weighted, values)
        total_checked += checked
        print(f"{name}: n={graph.number_of_nodes()} m={graph.number_of_edges()} "
              f"{'directed' if directed else 'undirected'} "
              f"{'weighted' if weighted else 'unweighted'}; "
              f"REFERENCE.md: {checked - len(failures)}/{checked} values agree")
        for failure in failures:
            print(f"  MISMATCH {failure}")
        for note in notes:
            print(f"  note: {note}")
        ok = ok and not failures
        print(f"  |nx.pagerank - solved| <= {check_pagerank_solved(graph, weighted, values):.1e}")
        igraph_diffs = check_igraph(graph, directed, weighted, values)
        if igraph_diffs is None:
            print("  igraph: python3-igraph not installed, not compared")
        else:
            for column, diff in igraph_diffs.items():
                print(f"  |igraph - reference| {column}: {diff:.1e}")
                # nx.pagerank stops at tol=1e-10 (summed over nodes); igraph solves exactly.
                if diff > (1e-8 if column.startswith("pagerank") else 1e-12):
                    ok = False
                    print(f"  MISMATCH igraph {column}")
        if weighted:
            for column, diff in nx_versus_exact(values).items():
                print(f"  |{column} - {column}_exact| = {diff:.1e} (nx's float ties)")
    print(f"{total_checked} published values checked; "
          f"{'all checks pass' if ok else 'SOME CHECKS FAILED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
