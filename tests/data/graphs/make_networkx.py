"""Writes the networkx test files in this folder (run with networkx 3.x; the files are committed,
so the tests need no Python): a small directed multigraph of a town with Chinese and English
labels, node types Townscope knows and one it does not, a parallel edge and a self-loop.

    python3 make_networkx.py
"""

import networkx as nx

g = nx.MultiDiGraph()
g.add_node("alibaba-cloud", label="阿里云", type="company", founded=2009)
g.add_node("westlake", label="Westlake University", type="university", founded=2018)
g.add_node("alliance", label="云栖小镇联盟", type="association")
g.add_node("robot", label="Robot Lab X", type="Robot")
g.add_node("town", label="Yunqi Town", type="town")
g.add_edge("alibaba-cloud", "alliance", relation="member of", weight=1.0)
g.add_edge("alibaba-cloud", "alliance", relation="member of", weight=2.0)
g.add_edge("westlake", "town", relation="located in")
g.add_edge("robot", "robot", relation="collaborates")
g.add_edge("robot", "alibaba-cloud", relation="cooperates with")
nx.write_gexf(g, "networkx.gexf")
nx.write_graphml(g, "networkx.graphml")
