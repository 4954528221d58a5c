//! The network as graph programs read it: GEXF and GraphML of the Yunqi model are well-formed
//! XML whatever the names hold, and networkx reads back the same nodes and edges with their
//! names and kinds (where networkx is installed: `.ci/run` installs it).

use std::process::Command;

use townscope::document::Document;
use townscope::io::Origin;
use townscope::io::graph_files::{gexf_bytes, graphml_bytes, write_graph_file};

fn yunqi() -> Document {
    Document::new(
        townscope::io::embedded_yunqi().expect("loads"),
        Origin::Embedded,
    )
}

/// How many lines the network draws: every relation and every location.
fn lines(doc: &Document) -> usize {
    let locations = doc
        .model()
        .entities
        .iter()
        .filter(|e| e.location.is_some())
        .count();
    doc.model().relations.len() + locations
}

/// Every element and attribute, read back with a real XML parser.
fn well_formed(bytes: &[u8]) -> Vec<(String, Vec<(String, String)>)> {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut elements = Vec::new();
    let mut buffer = Vec::new();
    loop {
        match reader
            .read_event_into(&mut buffer)
            .expect("well-formed XML")
        {
            quick_xml::events::Event::Eof => break,
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                let attributes = e
                    .attributes()
                    .map(|a| {
                        let a = a.expect("an attribute");
                        (
                            a.key.as_ref().to_owned(),
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .expect("unescaped")
                                .into_owned(),
                        )
                    })
                    .collect();
                elements.push((e.name().as_ref().to_owned(), attributes));
            }
            _ => {}
        }
        buffer.clear();
    }
    elements
}

#[test]
fn names_that_look_like_xml_stay_names() {
    let mut doc = yunqi();
    let mut model = doc.model().clone();
    model.entities[0].name.zh = "<甲&乙 \"公司\">".into();
    doc = Document::new(model, Origin::Embedded);
    let drawing = townscope::app::headless::drawing(&doc, None);
    let gexf = gexf_bytes(doc.model(), &drawing).expect("written");
    let nodes: Vec<_> = well_formed(&gexf)
        .into_iter()
        .filter(|(name, _)| name == "node")
        .collect();
    assert_eq!(nodes.len(), doc.model().entities.len());
    let label = nodes[0]
        .1
        .iter()
        .find(|(k, _)| k == "label")
        .map(|(_, v)| v.clone());
    assert_eq!(label.as_deref(), Some("<甲&乙 \"公司\">"));
    let graphml = graphml_bytes(doc.model(), &drawing).expect("written");
    let edges = well_formed(&graphml)
        .into_iter()
        .filter(|(n, _)| n == "edge")
        .count();
    // Every relation and every location: the lines the network draws.
    assert_eq!(edges, lines(&doc));
}

#[test]
fn networkx_reads_the_same_nodes_edges_names_and_kinds() {
    let has_networkx = Command::new("python3")
        .args(["-c", "import networkx"])
        .status()
        .is_ok_and(|s| s.success());
    if !has_networkx {
        eprintln!("networkx is not installed here: not checked");
        return;
    }
    let folder = tempfile::tempdir().expect("a folder");
    let doc = yunqi();
    let drawing = townscope::app::headless::drawing(&doc, None);
    let (gexf, graphml, json) = (
        folder.path().join("y.gexf"),
        folder.path().join("y.graphml"),
        folder.path().join("y.json"),
    );
    write_graph_file(&gexf, doc.model(), &drawing).expect("gexf");
    write_graph_file(&graphml, doc.model(), &drawing).expect("graphml");
    write_graph_file(&json, doc.model(), &drawing).expect("json");
    let script = r#"
import sys, json, networkx as nx
cytoscape = nx.cytoscape_graph(json.load(open(sys.argv[3], encoding="utf-8")))
for g in (nx.read_gexf(sys.argv[1]), nx.read_graphml(sys.argv[2]), cytoscape):
    a = g.nodes["aliyun"]
    print(g.number_of_nodes(), g.number_of_edges(), a["name_zh"], a["name_en"], a["kind"])
"#;
    let output = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&gexf)
        .arg(&graphml)
        .arg(&json)
        .output()
        .expect("python runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let expected = format!(
        "{} {} 阿里云 Alibaba Cloud Enterprise",
        doc.model().entities.len(),
        lines(&doc)
    );
    let text = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [expected.as_str(), expected.as_str(), expected.as_str()],
        "gexf, graphml, then Cytoscape's JSON"
    );
}

/// Cytoscape.js's JSON: every entity a node with its position and colour, every edge's ends
/// among the nodes — read with serde_json, so it is JSON whatever the names hold.
#[test]
fn cytoscape_json_holds_every_node_and_edge() {
    let doc = yunqi();
    let drawing = townscope::app::headless::drawing(&doc, None);
    let bytes = townscope::io::graph_files::cytoscape_bytes(doc.model(), &drawing);
    let value: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
    let nodes = value["elements"]["nodes"].as_array().expect("nodes");
    let edges = value["elements"]["edges"].as_array().expect("edges");
    assert_eq!(nodes.len(), doc.model().entities.len());
    assert_eq!(edges.len(), lines(&doc));
    let ids: std::collections::HashSet<&str> = nodes
        .iter()
        .map(|n| n["data"]["id"].as_str().expect("an id"))
        .collect();
    for edge in edges {
        assert!(ids.contains(edge["data"]["source"].as_str().expect("source")));
        assert!(ids.contains(edge["data"]["target"].as_str().expect("target")));
    }
    let aliyun = nodes
        .iter()
        .find(|n| n["data"]["id"] == "aliyun")
        .expect("aliyun");
    assert_eq!(aliyun["data"]["name"], "阿里云");
    assert!(aliyun["position"]["x"].is_number());
    assert!(
        aliyun["data"]["color"]
            .as_str()
            .is_some_and(|c| c.starts_with('#'))
    );
}
