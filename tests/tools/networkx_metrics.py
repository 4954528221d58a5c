#!/usr/bin/env python3
"""Reference figures for tests/metrics.rs, computed by networkx.

Reads an edge list written by `cargo test --test metrics -- --ignored write_edge_lists`
(first line: node count; then one `a b` pair per line) and prints
`node,degree,betweenness,pagerank` with every float in full (repr) precision:

    python3 tests/tools/networkx_metrics.py tests/data/yunqi.edges > tests/data/yunqi.networkx.csv

Needs networkx, numpy and scipy (pip install networkx numpy scipy).
"""
import sys

import networkx as nx


def main(path):
    with open(path, encoding="utf-8") as f:
        n = int(f.readline())
        graph = nx.Graph()
        graph.add_nodes_from(range(n))
        for line in f:
            a, b = map(int, line.split())
            graph.add_edge(a, b)
    betweenness = nx.betweenness_centrality(graph, normalized=True)
    # networkx's default of 100 iterations does not reach 1e-10 on every graph (a star needs ~130).
    pagerank = nx.pagerank(graph, alpha=0.85, tol=1e-10, max_iter=1000)
    print("node,degree,betweenness,pagerank")
    for node in range(n):
        print(f"{node},{graph.degree(node)},{betweenness[node]!r},{pagerank[node]!r}")


if __name__ == "__main__":
    main(sys.argv[1])
