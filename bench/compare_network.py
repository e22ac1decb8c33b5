#!/usr/bin/python3
"""Issue 3's network benchmark, the other side: the same steps as bench_network in python3-igraph
and python3-networkx (Debian's packages) on the same files, and the side-by-side table.

    /usr/bin/python3 bench/compare_network.py run DATA [--quick]
        times igraph and NetworkX on DATA/org-100k.* and DATA/org-10k.*, checks their values
        against the ones bench_network wrote, and writes DATA/python-network.json
    /usr/bin/python3 bench/compare_network.py influencers ALLIES DB DATA
        times `allies influencers` on DB (a copy: the database is migrated on open) with
        /usr/bin/time -v and writes DATA/influencers.json
    /usr/bin/python3 bench/compare_network.py table DATA
        prints Allies, igraph and NetworkX side by side with the ratios and the targets

Every step has a time limit (SIGALRM; igraph checks for signals inside its C loops): a step that
runs out prints "> N s" instead of hanging. Steps too slow to finish in a benchmark run are run on
a sample and extrapolated, and labelled so. As in bench_network, a step runs up to five times,
stopping once it has used 10 s, and the best run counts.
"""

import json
import math
import os
import platform
import random
import re
import resource
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from itertools import islice

REPEAT_RUNS = 5
REPEAT_BUDGET_S = 10.0


class StepTimeout(Exception):
    pass


def _on_alarm(signum, frame):
    raise StepTimeout()


@contextmanager
def time_limit(seconds):
    signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def say(text):
    print(text, flush=True)


def measure(name, body, limit_s, runs=REPEAT_RUNS):
    """Runs body() up to `runs` times within `limit_s` each; returns (figure, last result)."""
    best = None
    done = 0
    spent = 0.0
    result = None
    while done < runs and (done == 0 or spent < REPEAT_BUDGET_S):
        started = time.perf_counter()
        try:
            with time_limit(limit_s):
                result = body()
        except StepTimeout:
            say(f"  {name:<48} > {limit_s:.0f} s (time limit, stopped)")
            return {"status": "timeout", "seconds": None, "limit": limit_s}, None
        seconds = time.perf_counter() - started
        spent += seconds
        best = seconds if best is None else min(best, seconds)
        done += 1
    say(f"  {name:<48} {best:10.3f} s  (best of {done})")
    return {"status": "ok", "seconds": best, "runs": done}, result


def read_labels(path):
    labels, departments = {}, {}
    with open(path, encoding="utf-8") as nodes:
        for line in nodes:
            node, label, department = line.rstrip("\n").split("\t")
            labels[node] = label
            departments[node] = department
    return labels, departments


def read_values(path):
    with open(path) as values:
        return [float(line) for line in values]


def read_queries(path):
    sources, targets = [], []
    with open(path) as queries:
        for line in queries:
            fields = line.split()
            if fields and fields[0] == "sources":
                sources = [int(x) for x in fields[1:]]
            elif fields and fields[0] == "targets":
                targets = [int(x) for x in fields[1:]]
    return sources, targets


def read_allies_paths(path):
    """target -> [(strength, links)] as bench_network found them."""
    found = {}
    with open(path) as paths:
        for line in paths:
            fields = line.split()
            found[int(fields[0])] = [(float(s), int(h)) for s, h in (f.split(":") for f in fields[1:])]
    return found


def same_paths(ours, theirs):
    """Equal lists of path strengths, to a relative 1e-6 (weights are float32 in Allies)."""
    if len(ours) != len(theirs):
        return False
    return all(abs(a - b) <= 1e-6 * max(a, b) for (a, _), (b, _) in zip(ours, theirs))


def top_by_strength(paths, k=3):
    return sorted(paths, key=lambda p: (-p[0], p[1]))[:k]


# --------------------------------------------------------------------------------------------
# igraph


def igraph_steps(data, quick):
    import igraph

    out = {"version": igraph.__version__, "large": {}, "small": {}}

    def load(prefix):
        def body():
            g = igraph.Graph.Read_Ncol(f"{data}/{prefix}.edges", names=True, weights=True,
                                       directed=False)
            labels, departments = read_labels(f"{data}/{prefix}.nodes.tsv")
            names = g.vs["name"]
            g.vs["label"] = [labels[name] for name in names]
            g.vs["department"] = [departments[name] for name in names]
            return g
        return body

    say("igraph " + igraph.__version__ + ", 10,000 people, 100,000 ties")
    small = out["small"]
    small["load"], g = measure("load (Read_Ncol + nodes file)", load("org-10k"), 120)
    n = g.vcount()
    ids = [int(name) for name in g.vs["name"]]
    limit = 60 if quick else 600
    small["exact_betweenness"], raw = measure("exact betweenness (unweighted)",
                                              lambda: g.betweenness(directed=False), limit, runs=1)
    small["pagerank"], pagerank = measure("PageRank (weighted, PRPACK)",
                                          lambda: g.pagerank(weights="weight"), 60)
    # Agreement with Allies on the same nodes: igraph counts each unordered pair once, NetworkX
    # (and Allies) normalise undirected values by 2/((n-1)(n-2)).
    agreement = {}
    if raw is not None:
        ours = read_values(f"{data}/allies-10k-betweenness.txt")
        scale = (n - 1) * (n - 2) / 2
        agreement["betweenness_max_abs_diff"] = max(abs(raw[v] / scale - ours[ids[v]]) for v in range(n))
        agreement["betweenness_max_value"] = max(ours)
    ours = read_values(f"{data}/allies-10k-pagerank.txt")
    tight = read_values(f"{data}/allies-10k-pagerank-tight.txt")
    agreement["pagerank_max_abs_diff"] = max(abs(pagerank[v] - ours[ids[v]]) for v in range(n))
    agreement["pagerank_tight_max_abs_diff"] = max(abs(pagerank[v] - tight[ids[v]]) for v in range(n))
    agreement["pagerank_max_value"] = max(tight)
    out["agreement_10k"] = agreement
    for key, value in agreement.items():
        say(f"  agreement with Allies: {key} = {value:.3g}")
    del g

    say("igraph " + igraph.__version__ + ", 100,000 people, 1,000,000 ties")
    large = out["large"]
    large["load"], g = measure("load (Read_Ncol + nodes file)", load("org-100k"), 300)
    large["pagerank"], _ = measure("PageRank (weighted, PRPACK)", lambda: g.pagerank(weights="weight"), 120)
    # Exact betweenness is O(n m): from the 10k run, scaled by n m.
    seconds = small["exact_betweenness"].get("seconds")
    large["betweenness"] = {"status": "estimate", "seconds": seconds * 100 if seconds else None,
                            "note": "not run: igraph 0.10 has no sampling betweenness and exact is "
                                    "O(n m); estimate = 10k time x 100"}
    say("  exact betweenness                                not run (O(n m): about 100 x the 10k time)")
    large["constraint"], _ = measure("constraint (weighted)", lambda: g.constraint(weights="weight"),
                                     60 if quick else 300)
    large["communities"], clusters = measure("communities (multilevel, weighted)",
                                             lambda: g.community_multilevel(weights="weight"),
                                             60 if quick else 300)
    if clusters is not None:
        large["communities"]["count"] = len(clusters)
        large["communities"]["modularity"] = g.modularity(clusters.membership, weights="weight")
        say(f"    {len(clusters)} communities, modularity {large['communities']['modularity']:.4f}")

    # k strongest paths: one virtual source tied at cost 0 to the 7 sources, edge cost -ln w.
    sources, targets = read_queries(f"{data}/org-100k.queries")
    index = {name: v for v, name in enumerate(g.vs["name"])}
    g.es["cost"] = [-math.log(w) for w in g.es["weight"]]
    virtual = g.vcount()
    g.add_vertex(name="virtual")
    g.add_edges([(virtual, index[str(s)]) for s in sources], attributes={"cost": [0.0] * len(sources)})
    allies_paths = read_allies_paths(f"{data}/allies-100k-paths.txt")
    weight = g.es["weight"]

    def strength(path):
        product = 1.0
        for a, b in zip(path[1:], path[2:]):
            product *= weight[g.get_eid(a, b)]
        return product, len(path) - 2

    large["paths"] = run_path_queries(
        "k shortest paths (Yen, no hop limit)", targets, allies_paths, 20 if quick else 60,
        lambda t: [strength(p) for p in g.get_k_shortest_paths(virtual, to=index[str(t)], k=3,
                                                               weights="cost")])
    large["paths_enumerated"] = run_path_queries(
        "paths of <= 3 links (all simple paths)", targets, allies_paths, 30 if quick else 120,
        lambda t: top_by_strength(strength(p) for p in
                                  g.get_all_simple_paths(virtual, to=index[str(t)], cutoff=4)))
    return out


def run_path_queries(name, targets, allies_paths, budget_s, query):
    """Runs the queries in order until `budget_s` is spent; time per query over those done."""
    done = 0
    agree = 0
    spent = 0.0
    try:
        with time_limit(budget_s):
            for target in targets:
                started = time.perf_counter()
                found = query(target)
                spent += time.perf_counter() - started
                done += 1
                agree += same_paths(allies_paths[target], found)
    except StepTimeout:
        pass
    if done == 0:
        say(f"  {name:<48} > {budget_s:.0f} s for the first query")
        return {"status": "timeout", "seconds": None, "limit": budget_s, "queries_done": 0}
    per_query_ms = spent / done * 1e3
    say(f"  {name:<48} {per_query_ms:10.1f} ms per query ({done} of {len(targets)} queries;"
        f" {agree} the same as Allies)")
    return {"status": "ok" if done == len(targets) else "partial", "seconds": spent,
            "per_query_ms": per_query_ms, "queries_done": done, "queries": len(targets),
            "same_as_allies": agree}


# --------------------------------------------------------------------------------------------
# NetworkX


def networkx_steps(data, quick):
    import networkx as nx

    out = {"version": nx.__version__, "large": {}, "small": {}}

    def load(prefix):
        def body():
            g = nx.read_weighted_edgelist(f"{data}/{prefix}.edges", nodetype=int)
            labels, departments = read_labels(f"{data}/{prefix}.nodes.tsv")
            nx.set_node_attributes(g, {int(k): v for k, v in labels.items()}, "label")
            nx.set_node_attributes(g, {int(k): v for k, v in departments.items()}, "department")
            return g
        return body

    say("NetworkX " + nx.__version__ + ", 10,000 people, 100,000 ties")
    small = out["small"]
    small["load"], g = measure("load (read_weighted_edgelist + nodes file)", load("org-10k"), 120)
    n = g.number_of_nodes()
    sample = 20 if quick else 200
    small["exact_betweenness"] = sampled_betweenness(nx, g, sample, 120 if quick else 300)
    small["pagerank"], pagerank = measure("PageRank (weighted, tol 1e-6)",
                                          lambda: nx.pagerank(g, weight="weight"), 60)
    ours = read_values(f"{data}/allies-10k-pagerank.txt")
    out["agreement_10k"] = {"pagerank_max_abs_diff": max(abs(pagerank[v] - ours[v]) for v in g)}
    say(f"  agreement with Allies: pagerank_max_abs_diff = "
        f"{out['agreement_10k']['pagerank_max_abs_diff']:.3g} (same tolerance, same algorithm)")
    del g

    say("NetworkX " + nx.__version__ + ", 100,000 people, 1,000,000 ties")
    large = out["large"]
    large["load"], g = measure("load (read_weighted_edgelist + nodes file)", load("org-100k"), 300)
    n = g.number_of_nodes()
    large["pagerank"], _ = measure("PageRank (weighted, tol 1e-6)",
                                   lambda: nx.pagerank(g, weight="weight"), 300)
    large["betweenness"] = sampled_betweenness(nx, g, 2 if quick else 10, 120 if quick else 300)

    # Constraint, node by node in a fixed random order until the budget is spent.
    budget = 20 if quick else 60
    order = list(g)
    random.Random(1).shuffle(order)
    done, spent = 0, 0.0
    try:
        with time_limit(budget):
            for node in order:
                started = time.perf_counter()
                nx.constraint(g, [node], weight="weight")
                spent += time.perf_counter() - started
                done += 1
    except StepTimeout:
        pass
    if done:
        estimate = spent / done * n
        large["constraint"] = {"status": "extrapolated", "seconds": estimate,
                               "note": f"{done} of {n} nodes in {spent:.0f} s, scaled to all"}
        say(f"  {'constraint (weighted)':<48} {estimate:10.0f} s  extrapolated from {done} of {n} nodes")
    else:
        large["constraint"] = {"status": "timeout", "seconds": None, "limit": budget}

    large["communities"], communities = measure(
        "communities (louvain_communities, weighted)",
        lambda: nx.community.louvain_communities(g, weight="weight", seed=1),
        60 if quick else 300, runs=1)
    if communities is not None:
        large["communities"]["count"] = len(communities)
        large["communities"]["modularity"] = nx.community.modularity(g, communities, weight="weight")
        say(f"    {len(communities)} communities, modularity {large['communities']['modularity']:.4f}")

    sources, targets = read_queries(f"{data}/org-100k.queries")
    for u, v, attributes in g.edges(data=True):
        attributes["cost"] = -math.log(attributes["weight"])
    g.add_edges_from((("virtual", s) for s in sources), cost=0.0, weight=1.0)
    allies_paths = read_allies_paths(f"{data}/allies-100k-paths.txt")

    def strength(path):
        product = 1.0
        for a, b in zip(path[1:], path[2:]):
            product *= g[a][b]["weight"]
        return product, len(path) - 2

    large["paths"] = run_path_queries(
        "k shortest paths (Yen, no hop limit)", targets, allies_paths, 20 if quick else 60,
        lambda t: [strength(p) for p in
                   islice(nx.shortest_simple_paths(g, "virtual", t, weight="cost"), 3)])
    large["paths_enumerated"] = run_path_queries(
        "paths of <= 3 links (all_simple_paths)", targets, allies_paths, 30 if quick else 120,
        lambda t: top_by_strength(strength(p) for p in nx.all_simple_paths(g, "virtual", t, cutoff=4)))
    return out


def sampled_betweenness(nx, g, k, limit_s):
    """nx.betweenness_centrality from k sampled sources, its time scaled to all n sources."""
    n = g.number_of_nodes()
    figure, _ = measure(f"betweenness from {k} sampled sources",
                        lambda: nx.betweenness_centrality(g, k=k, seed=1), limit_s, runs=1)
    if figure["status"] != "ok":
        return figure
    estimate = figure["seconds"] * n / k
    say(f"  {'exact betweenness':<48} {estimate:10.0f} s  extrapolated from {k} of {n} sources")
    return {"status": "extrapolated", "seconds": estimate, "sampled_seconds": figure["seconds"],
            "note": f"{k} of {n} sources in {figure['seconds']:.1f} s, scaled to all"}


# --------------------------------------------------------------------------------------------
# allies influencers on the demo database


def influencers(allies, db, data):
    """Wall time and peak memory of `allies influencers` by /usr/bin/time -v: the first run (which
    migrates the copy), then the best of three."""
    command = [allies, "--db", db, "--now", "2026-11-26", "influencers"]

    def run_once():
        if not os.path.exists("/usr/bin/time"):
            # Without Debian's `time` package: the same two figures from the kernel's accounting
            # (the peak of the largest child so far; every child here is this command).
            started = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, check=True, timeout=300)
            wall_s = time.perf_counter() - started
            return wall_s, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        result = subprocess.run(["/usr/bin/time", "-v"] + command, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True, timeout=300)
        if result.returncode != 0:
            sys.exit(f"error: allies influencers failed:\n{result.stderr}")
        wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", result.stderr)
        hours, minutes, seconds = wall.groups()
        wall_s = int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds)
        rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
        return wall_s, rss_kb / 1024

    first = run_once()
    runs = [run_once() for _ in range(3)]
    best_wall = min(wall for wall, _ in runs)
    peak_mb = max(rss for _, rss in runs + [first])
    figure = {"first_run_s": first[0], "first_run_peak_mb": first[1], "best_s": best_wall,
              "peak_mb": peak_mb, "runs": len(runs)}
    say(f"  allies influencers, 100,000 people: first run (migrates the copy) {first[0]:.2f} s,"
        f" then best of 3 {best_wall:.2f} s; peak memory {peak_mb:.0f} MB")
    with open(f"{data}/influencers.json", "w") as out:
        json.dump(figure, out, indent=2)


# --------------------------------------------------------------------------------------------
# the table


def show_seconds(figure):
    if figure is None:
        return "-"
    status = figure.get("status", "ok")
    if status == "timeout":
        return f"> {figure['limit']:.0f} s"
    seconds = figure.get("seconds")
    if seconds is None:
        return "-"
    if figure.get("unit") == "ms" or seconds < 0.1:
        return f"{seconds * 1e3:.1f} ms" if seconds < 10 else f"{seconds:.1f} s"
    text = f"{seconds:.3f} s" if seconds < 10 else f"{seconds:.1f} s" if seconds < 1000 else f"{seconds:.0f} s"
    if status == "extrapolated":
        return "~" + text + " (extrap.)"
    if status == "estimate":
        return "~" + text + " (est.)"
    return text


def show_ratio(theirs, ours):
    if theirs is None or ours is None or theirs.get("seconds") is None or not ours.get("seconds"):
        if theirs is not None and theirs.get("status") == "timeout" and ours and ours.get("seconds"):
            return f"> {theirs['limit'] / ours['seconds']:.0f}x"
        return "-"
    ratio = theirs["seconds"] / ours["seconds"]
    prefix = "~" if theirs.get("status") in ("extrapolated", "estimate") else ""
    return f"{prefix}{ratio:.1f}x" if ratio < 100 else f"{prefix}{ratio:.0f}x"


def table(data):
    with open(f"{data}/allies-network.json") as f:
        allies = json.load(f)
    with open(f"{data}/python-network.json") as f:
        python = json.load(f)
    ig, nx = python["igraph"], python["networkx"]
    a_large, a_small = allies["large"], allies["small"]
    threads = allies["threads"]

    def paths_figure(figure):
        if figure is None or figure.get("per_query_ms") is None:
            return figure
        return {"status": "ok", "seconds": figure["per_query_ms"] / 1e3, "unit": "ms"}

    a_paths = {"seconds": a_large["paths"]["per_query_ms"] / 1e3, "unit": "ms"}
    rows = [
        ("100,000 people, 1,000,000 ties", None, None, None),
        ("load (parse files + build graph)", a_large["load"], ig["large"].get("load"), nx["large"].get("load")),
        (f"PageRank (weighted), {threads} threads", a_large["pagerank"], ig["large"].get("pagerank"), nx["large"].get("pagerank")),
        ("PageRank (weighted), 1 thread", a_large["pagerank_1t"], ig["large"].get("pagerank"), nx["large"].get("pagerank")),
        (f"PageRank to tol 1e-10, {threads} threads", a_large.get("pagerank_tight"), ig["large"].get("pagerank"), None),
        (f"betweenness: Allies approximate (eps {a_large['approx_betweenness']['epsilon']})", a_large["approx_betweenness"], ig["large"].get("betweenness"), nx["large"].get("betweenness")),
        ("betweenness: Allies exact (once, cached)", a_large["exact_betweenness"], None, None),
        ("constraint + effective size (weighted)", a_large["constraint"], ig["large"].get("constraint"), nx["large"].get("constraint")),
        ("communities (Louvain, weighted)", a_large["communities"], ig["large"].get("communities"), nx["large"].get("communities")),
        ("3 strongest paths <= 3 links, per query", a_paths, paths_figure(ig["large"].get("paths_enumerated")), paths_figure(nx["large"].get("paths_enumerated"))),
        ("  libraries' Yen k=3, no hop limit (*)", a_paths, paths_figure(ig["large"].get("paths")), paths_figure(nx["large"].get("paths"))),
        ("10,000 people, 100,000 ties", None, None, None),
        ("load (parse files + build graph)", a_small["load"], ig["small"].get("load"), nx["small"].get("load")),
        (f"exact betweenness, {threads} threads", a_small["exact_betweenness"], ig["small"].get("exact_betweenness"), nx["small"].get("exact_betweenness")),
        ("exact betweenness, 1 thread", a_small["exact_betweenness_1t"], ig["small"].get("exact_betweenness"), nx["small"].get("exact_betweenness")),
        ("PageRank (weighted)", a_small["pagerank"], ig["small"].get("pagerank"), nx["small"].get("pagerank")),
    ]
    header = f"{'step':<44} {'Allies':>12} {'igraph':>14} {'NetworkX':>22} {'igraph/Allies':>14} {'NetworkX/Allies':>16}"
    say(header)
    say("-" * len(header))
    for name, ours, theirs_ig, theirs_nx in rows:
        if ours is None:
            say(name)
            continue
        # (*) rows answer a different question than Allies: no ratio.
        ratio_ig = "n/a" if "(*)" in name else show_ratio(theirs_ig, ours)
        ratio_nx = "n/a" if "(*)" in name else show_ratio(theirs_nx, ours)
        say(f"{name:<44} {show_seconds(ours):>12} {show_seconds(theirs_ig):>14} {show_seconds(theirs_nx):>22}"
            f" {ratio_ig:>14} {ratio_nx:>16}")

    approx = a_large["approx_betweenness"]
    say("")
    say(f"load average (1, 5, 15 min): Allies run {allies.get('load_average_before', '?')} ->"
        f" {allies.get('load_average_after', '?')}; igraph/NetworkX run"
        f" {python['machine'].get('load_average_before', '?')} -> {python['machine'].get('load_average_after', '?')}")
    pr, prt = a_large["pagerank"], a_large.get("pagerank_tight", {})
    say(f"PageRank: NetworkX's stopping rule (L1 change < n * tol) needs {pr.get('iterations')} iterations"
        f" at tol 1e-6 on 100,000 nodes (Allies and nx.pagerank alike), {prt.get('iterations')} at tol 1e-10;"
        " igraph's PRPACK solves to about 1e-10, so the tol 1e-10 row is the like-for-like one")
    say(f"approximate betweenness: {approx['samples']} sampled paths, epsilon {approx['epsilon']},"
        f" delta {approx['delta']}, vertex-diameter bound {approx['vertex_diameter_bound']};"
        f" max |approx - exact| = {approx['max_abs_error']:.2e}; top-20 overlap {approx['top20_overlap']}/20"
        f" (seeds 2..5: {', '.join(str(x) for x in approx.get('top20_overlap_other_seeds', []))})")
    for other in approx.get("other_epsilons", []):
        say(f"  at epsilon {other['epsilon']}: {other['samples']} samples, {other['seconds']:.2f} s,"
            f" top-20 overlap {other['top20_overlap']}/20")
    exact = a_large["exact_betweenness"]
    say(f"  exact betweenness of the 100k network: {exact['seconds']:.0f} s on {exact['threads']} threads,"
        f" {'read from the cache (measured when it was made)' if exact['cached'] else 'computed in this run'}")
    for tool, figures in (("igraph", ig), ("NetworkX", nx)):
        c = figures["large"].get("communities", {})
        if c.get("modularity") is not None:
            say(f"communities: {tool} {c['count']} communities, modularity {c['modularity']:.4f}")
    c = a_large["communities"]
    say(f"communities: Allies {c['count']} communities, modularity {c['modularity']:.4f}")
    say(f"k-best paths: {a_large['paths']['queries']} queries from {a_large['paths']['sources']} sources,"
        f" {a_large['paths']['paths_found']} paths; slowest query {a_large['paths']['slowest_query_ms']:.1f} ms."
        " igraph and NetworkX: all simple paths of <= 3 links from a virtual source tied to the 7"
        " sources, the 3 strongest kept (get_all_simple_paths / all_simple_paths, cutoff 4)."
        " (*) Their k-shortest-paths (Yen) have no hop limit and answer a harder question: the"
        " strongest chains here run to 4-19 links")
    for tool, figures in (("igraph", ig), ("NetworkX", nx)):
        p = figures["large"].get("paths_enumerated", {})
        if p.get("queries_done"):
            say(f"  {tool}, <= 3 links: {p['queries_done']} of {p['queries']} queries done in the"
                f" time limit, {p['same_as_allies']} of them with the same 3 path strengths as Allies")
        p = figures["large"].get("paths", {})
        if p.get("queries_done"):
            say(f"  {tool}, Yen: {p['queries_done']} of {p['queries']} queries done in the time limit")
    for note_key in ("betweenness", "constraint"):
        for tool, figures in (("igraph", ig), ("NetworkX", nx)):
            note = figures["large"].get(note_key, {}).get("note")
            if note:
                say(f"{note_key} ({tool}, 100k): {note}")
    note = nx["small"].get("exact_betweenness", {}).get("note")
    if note:
        say(f"exact betweenness (NetworkX, 10k): {note}")

    say("")
    say("agreement on the 10k network:")
    agree = ig.get("agreement_10k", {})
    if "betweenness_max_abs_diff" in agree:
        say(f"  exact betweenness, Allies vs igraph (raw / ((n-1)(n-2)/2)): max |diff| ="
            f" {agree['betweenness_max_abs_diff']:.2e} (largest value {agree['betweenness_max_value']:.4f})")
    say(f"  PageRank, Allies (tol 1e-6) vs igraph (PRPACK): max |diff| = {agree['pagerank_max_abs_diff']:.2e};"
        f" Allies at tol 1e-10 vs igraph: {agree['pagerank_tight_max_abs_diff']:.2e}"
        f" (largest value {agree['pagerank_max_value']:.2e})")
    say(f"  PageRank, Allies vs NetworkX (both tol 1e-6): max |diff| ="
        f" {nx['agreement_10k']['pagerank_max_abs_diff']:.2e}")

    say("")
    say("targets:")

    def verdict(ok):
        return "met" if ok else "MISSED"

    def ratio(theirs, ours):
        if theirs is None or theirs.get("seconds") is None:
            return None
        return theirs["seconds"] / ours["seconds"]

    r = ratio(ig["large"].get("pagerank"), a_large["pagerank"])
    r1 = ratio(ig["large"].get("pagerank"), a_large["pagerank_1t"])
    rt = ratio(ig["large"].get("pagerank"), a_large.get("pagerank_tight", a_large["pagerank"]))
    say(f"  PageRank >= 2x faster than igraph (100k): {r:.1f}x with {threads} threads, {r1:.1f}x with 1"
        f" -> {verdict(r >= 2)}; to igraph's precision (tol 1e-10) {rt:.1f}x -> {verdict(rt >= 2)}")
    r = ratio(ig["small"].get("exact_betweenness"), a_small["exact_betweenness"])
    r1 = ratio(ig["small"].get("exact_betweenness"), a_small["exact_betweenness_1t"])
    if r is None:
        say("  exact betweenness >= 4x faster than igraph (10k): igraph did not finish")
    else:
        say(f"  exact betweenness >= 4x faster than igraph (10k): {r:.1f}x with {threads} threads,"
            f" {r1:.1f}x with 1 -> {verdict(r >= 4)}")
    seconds = approx["seconds"]
    say(f"  approximate betweenness (100k) under 3 s: {seconds:.2f} s -> {verdict(seconds < 3)};"
        f" top-20 overlap with exact >= 18: {approx['top20_overlap']}/20 -> {verdict(approx['top20_overlap'] >= 18)}")
    try:
        with open(f"{data}/influencers.json") as f:
            inf = json.load(f)
        say(f"  allies influencers (100,000-person demo) under 5 s: {inf['best_s']:.2f} s -> {verdict(inf['best_s'] < 5)}"
            f" (first run, migrating the copy: {inf['first_run_s']:.2f} s);"
            f" under 300 MB: {inf['peak_mb']:.0f} MB peak -> {verdict(inf['peak_mb'] < 300)}")
    except FileNotFoundError:
        say("  allies influencers: not measured")


# --------------------------------------------------------------------------------------------


def load_average():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def run(data, quick):
    figures = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                           "load_average_before": load_average()}}
    started = time.perf_counter()
    figures["igraph"] = igraph_steps(data, quick)
    figures["networkx"] = networkx_steps(data, quick)
    figures["machine"]["load_average_after"] = load_average()
    say(f"igraph and NetworkX took {time.perf_counter() - started:.0f} s in all")
    with open(f"{data}/python-network.json", "w") as out:
        json.dump(figures, out, indent=2)


def main(argv):
    if len(argv) >= 2 and argv[0] == "run":
        run(argv[1], "--quick" in argv[2:])
    elif len(argv) == 4 and argv[0] == "influencers":
        influencers(argv[1], argv[2], argv[3])
    elif len(argv) == 2 and argv[0] == "table":
        table(argv[1])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
