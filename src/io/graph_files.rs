//! The network as the graph programs read it: GEXF 1.3 (Gephi, networkx) and GraphML (yEd,
//! networkx, igraph). Each entity a node with its kind, both names, sectors and dates as
//! attributes (its arrival and end as a spell, so Gephi's timeline plays the town's growth);
//! each relation an edge with its kind and dates; and the picture as drawn — position, colour,
//! size — in GEXF's `viz` and as GraphML keys. Written through quick-xml, which escapes every
//! text and attribute.

use std::io::Cursor;
use std::path::Path;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use crate::model::{Date, Model};

use super::save::{Backup, SaveError, write_atomically};

/// How the network is drawn, entity by entity (the caller's layout and colours: this layer
/// knows nothing of the screen).
#[derive(Clone, Debug, Default)]
pub struct Drawing {
    pub positions: Vec<[f32; 2]>,
    pub colours: Vec<[u8; 3]>,
    pub sizes: Vec<f32>,
}

/// Why a graph file was not written; the file on disk is as it was.
#[derive(Debug, thiserror::Error)]
pub enum GraphFileError {
    #[error("cannot write the XML: {0}")]
    Xml(#[from] std::io::Error),
    #[error(transparent)]
    Save(#[from] SaveError),
}

type Xml = Writer<Cursor<Vec<u8>>>;

/// An XML document in UTF-8, indented, its root element `root` opened.
fn document(root: &str, attributes: &[(&str, &str)]) -> std::io::Result<Xml> {
    let mut xml = Writer::new_with_indent(Cursor::new(Vec::new()), b' ', 2);
    xml.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    open(&mut xml, root, attributes)?;
    Ok(xml)
}

fn open(xml: &mut Xml, name: &str, attributes: &[(&str, &str)]) -> std::io::Result<()> {
    let mut start = BytesStart::new(name);
    for (key, value) in attributes {
        start.push_attribute((*key, *value));
    }
    xml.write_event(Event::Start(start))
}

fn empty(xml: &mut Xml, name: &str, attributes: &[(&str, &str)]) -> std::io::Result<()> {
    let mut start = BytesStart::new(name);
    for (key, value) in attributes {
        start.push_attribute((*key, *value));
    }
    xml.write_event(Event::Empty(start))
}

fn close(xml: &mut Xml, name: &str) -> std::io::Result<()> {
    xml.write_event(Event::End(BytesEnd::new(name)))
}

fn text_element(
    xml: &mut Xml,
    name: &str,
    attributes: &[(&str, &str)],
    text: &str,
) -> std::io::Result<()> {
    open(xml, name, attributes)?;
    xml.write_event(Event::Text(BytesText::new(text)))?;
    close(xml, name)
}

/// The first day of the period a date names, as GEXF's `date` time format wants it (the
/// attribute beside it keeps the source's precision).
fn first_day(date: Date) -> String {
    let text = date.to_string();
    let mut parts = text.split('-');
    let year = parts.next().unwrap_or("0000");
    let month = parts.next().filter(|m| m.len() == 2).unwrap_or("01");
    let day = parts.next().filter(|d| d.len() == 2).unwrap_or("01");
    format!("{year}-{month}-{day}")
}

/// The spell of a node or an edge: when it starts and ends, where known.
fn spell<'a>(
    attributes: &mut Vec<(&'static str, &'a str)>,
    start: &'a Option<String>,
    end: &'a Option<String>,
) {
    for (key, value) in [("start", start), ("end", end)] {
        if let Some(value) = value {
            attributes.push((key, value));
        }
    }
}

/// A node's values: kind, subkind, both names, sectors, founded, joined, ended, website.
fn node_values(model: &Model, i: usize) -> Vec<(&'static str, String)> {
    let Some(e) = model.entities.get(i) else {
        return Vec::new();
    };
    let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
    vec![
        ("kind", format!("{:?}", e.kind)),
        ("subkind", e.subkind.clone()),
        ("name_zh", e.name.zh.clone()),
        ("name_en", e.name.en.clone()),
        ("sectors", e.sectors.join("|")),
        ("founded", date(e.founded)),
        ("joined", date(e.joined)),
        ("ended", date(e.ended)),
        ("website", e.website.clone()),
    ]
}

const NODE_KEYS: [&str; 9] = [
    "kind", "subkind", "name_zh", "name_en", "sectors", "founded", "joined", "ended", "website",
];
const EDGE_KEYS: [&str; 3] = ["kind", "since", "until"];

/// The label a graph program shows: the Chinese name, else the English one, else the id.
fn label(model: &Model, i: usize) -> String {
    model.entities.get(i).map_or_else(String::new, |e| {
        [&e.name.zh, &e.name.en, &e.id]
            .into_iter()
            .find(|s| !s.is_empty())
            .cloned()
            .unwrap_or_default()
    })
}

/// An edge of the file: a relation, or an entity's location (drawn as a line in the app).
struct Edge {
    id: String,
    from: String,
    to: String,
    kind: String,
    since: Option<Date>,
    until: Option<Date>,
}

/// The relations whose ends are both in the model, then each location that names one.
fn edges(model: &Model) -> Vec<Edge> {
    let ids: std::collections::HashSet<&str> =
        model.entities.iter().map(|e| e.id.as_str()).collect();
    let relations = model
        .relations
        .iter()
        .enumerate()
        .filter(|(_, r)| ids.contains(r.from.as_str()) && ids.contains(r.to.as_str()))
        .map(|(k, r)| Edge {
            id: format!("r{k}"),
            from: r.from.clone(),
            to: r.to.clone(),
            kind: format!("{:?}", r.kind),
            since: r.since,
            until: r.until,
        });
    let locations = model.entities.iter().filter_map(|e| {
        let place = e.location.as_deref().filter(|p| ids.contains(p))?;
        Some(Edge {
            id: format!("location-{}", e.id),
            from: e.id.clone(),
            to: place.to_owned(),
            kind: format!("{:?}", crate::model::RelationKind::LocatedIn),
            since: None,
            until: None,
        })
    });
    relations.chain(locations).collect()
}

/// GEXF 1.3: attributes declared, nodes with their spells and `viz`, directed edges.
pub fn gexf_bytes(model: &Model, drawing: &Drawing) -> Result<Vec<u8>, GraphFileError> {
    let mut xml = document(
        "gexf",
        &[
            ("xmlns", "http://gexf.net/1.3"),
            ("xmlns:viz", "http://gexf.net/1.3/viz"),
            ("version", "1.3"),
        ],
    )?;
    open(&mut xml, "meta", &[])?;
    text_element(&mut xml, "creator", &[], "Townscope")?;
    text_element(
        &mut xml,
        "description",
        &[],
        &format!("{} / {}", model.name.zh, model.name.en),
    )?;
    close(&mut xml, "meta")?;
    open(
        &mut xml,
        "graph",
        &[
            ("defaultedgetype", "directed"),
            ("mode", "dynamic"),
            ("timeformat", "date"),
        ],
    )?;
    for (class, keys) in [("node", &NODE_KEYS[..]), ("edge", &EDGE_KEYS[..])] {
        open(
            &mut xml,
            "attributes",
            &[("class", class), ("mode", "static")],
        )?;
        for key in keys {
            empty(
                &mut xml,
                "attribute",
                &[("id", key), ("title", key), ("type", "string")],
            )?;
        }
        close(&mut xml, "attributes")?;
    }
    open(&mut xml, "nodes", &[])?;
    for (i, entity) in model.entities.iter().enumerate() {
        let name = label(model, i);
        let start = entity.joined.or(entity.founded).map(first_day);
        let end = entity.ended.map(first_day);
        let mut attributes = vec![("id", entity.id.as_str()), ("label", name.as_str())];
        spell(&mut attributes, &start, &end);
        open(&mut xml, "node", &attributes)?;
        open(&mut xml, "attvalues", &[])?;
        for (key, value) in node_values(model, i) {
            if !value.is_empty() {
                empty(&mut xml, "attvalue", &[("for", key), ("value", &value)])?;
            }
        }
        close(&mut xml, "attvalues")?;
        if let Some([r, g, b]) = drawing.colours.get(i) {
            let (r, g, b) = (r.to_string(), g.to_string(), b.to_string());
            empty(&mut xml, "viz:color", &[("r", &r), ("g", &g), ("b", &b)])?;
        }
        if let Some([x, y]) = drawing
            .positions
            .get(i)
            .filter(|p| p[0].is_finite() && p[1].is_finite())
        {
            // Gephi's y axis points up; the screen's down.
            let (x, y) = (x.to_string(), (-y).to_string());
            empty(
                &mut xml,
                "viz:position",
                &[("x", &x), ("y", &y), ("z", "0")],
            )?;
        }
        if let Some(size) = drawing.sizes.get(i) {
            empty(&mut xml, "viz:size", &[("value", &size.to_string())])?;
        }
        close(&mut xml, "node")?;
    }
    close(&mut xml, "nodes")?;
    open(&mut xml, "edges", &[])?;
    for edge in edges(model) {
        let kind = edge.kind.as_str();
        let start = edge.since.map(first_day);
        let end = edge.until.map(first_day);
        let mut attributes = vec![
            ("id", edge.id.as_str()),
            ("source", edge.from.as_str()),
            ("target", edge.to.as_str()),
            ("label", kind),
        ];
        spell(&mut attributes, &start, &end);
        open(&mut xml, "edge", &attributes)?;
        open(&mut xml, "attvalues", &[])?;
        empty(&mut xml, "attvalue", &[("for", "kind"), ("value", kind)])?;
        for (key, date) in [("since", edge.since), ("until", edge.until)] {
            if let Some(date) = date {
                empty(
                    &mut xml,
                    "attvalue",
                    &[("for", key), ("value", &date.to_string())],
                )?;
            }
        }
        close(&mut xml, "attvalues")?;
        close(&mut xml, "edge")?;
    }
    close(&mut xml, "edges")?;
    close(&mut xml, "graph")?;
    close(&mut xml, "gexf")?;
    Ok(xml.into_inner().into_inner())
}

/// GraphML: typed keys for every attribute and the drawing, nodes and directed edges.
pub fn graphml_bytes(model: &Model, drawing: &Drawing) -> Result<Vec<u8>, GraphFileError> {
    let mut xml = document(
        "graphml",
        &[
            ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
            ),
        ],
    )?;
    // Every key GraphML readers must know: (id, for, name, type).
    let edge_ids: Vec<String> = EDGE_KEYS.iter().map(|k| format!("e_{k}")).collect();
    let mut keys: Vec<(&str, &str, &str, &str)> = vec![("label", "node", "label", "string")];
    keys.extend(NODE_KEYS.iter().map(|k| (*k, "node", *k, "string")));
    keys.extend([
        ("x", "node", "x", "double"),
        ("y", "node", "y", "double"),
        ("size", "node", "size", "double"),
        ("color", "node", "color", "string"),
    ]);
    keys.extend(
        EDGE_KEYS
            .iter()
            .zip(&edge_ids)
            .map(|(k, id)| (id.as_str(), "edge", *k, "string")),
    );
    for (id, target, name, kind) in keys {
        empty(
            &mut xml,
            "key",
            &[
                ("id", id),
                ("for", target),
                ("attr.name", name),
                ("attr.type", kind),
            ],
        )?;
    }
    open(
        &mut xml,
        "graph",
        &[("id", "townscope"), ("edgedefault", "directed")],
    )?;
    for (i, entity) in model.entities.iter().enumerate() {
        open(&mut xml, "node", &[("id", &entity.id)])?;
        text_element(&mut xml, "data", &[("key", "label")], &label(model, i))?;
        for (key, value) in node_values(model, i) {
            if !value.is_empty() {
                text_element(&mut xml, "data", &[("key", key)], &value)?;
            }
        }
        if let Some([x, y]) = drawing
            .positions
            .get(i)
            .filter(|p| p[0].is_finite() && p[1].is_finite())
        {
            text_element(&mut xml, "data", &[("key", "x")], &x.to_string())?;
            text_element(&mut xml, "data", &[("key", "y")], &y.to_string())?;
        }
        if let Some(size) = drawing.sizes.get(i) {
            text_element(&mut xml, "data", &[("key", "size")], &size.to_string())?;
        }
        if let Some([r, g, b]) = drawing.colours.get(i) {
            text_element(
                &mut xml,
                "data",
                &[("key", "color")],
                &format!("#{r:02x}{g:02x}{b:02x}"),
            )?;
        }
        close(&mut xml, "node")?;
    }
    for edge in edges(model) {
        open(
            &mut xml,
            "edge",
            &[
                ("id", &edge.id),
                ("source", &edge.from),
                ("target", &edge.to),
            ],
        )?;
        text_element(&mut xml, "data", &[("key", "e_kind")], &edge.kind)?;
        for (key, date) in [("e_since", edge.since), ("e_until", edge.until)] {
            if let Some(date) = date {
                text_element(&mut xml, "data", &[("key", key)], &date.to_string())?;
            }
        }
        close(&mut xml, "edge")?;
    }
    close(&mut xml, "graph")?;
    close(&mut xml, "graphml")?;
    Ok(xml.into_inner().into_inner())
}

/// Writes `.gexf` or `.graphml` (by `path`'s extension; `graphml` otherwise) atomically.
pub fn write_graph_file(
    path: &Path,
    model: &Model,
    drawing: &Drawing,
) -> Result<(), GraphFileError> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let bytes = match extension.as_str() {
        "gexf" => gexf_bytes(model, drawing)?,
        "json" | "cyjs" => cytoscape_bytes(model, drawing),
        _ => graphml_bytes(model, drawing)?,
    };
    write_atomically(path, &bytes, Backup::None)?;
    Ok(())
}

/// Cytoscape.js's elements JSON (`cy.json()`, which Cytoscape desktop imports as .cyjs): every
/// entity a node with its values, position and colour, every relation and location an edge.
/// The top-level `directed`, `multigraph` and `data` are what networkx's `cytoscape_graph` also
/// asks for.
pub fn cytoscape_bytes(model: &Model, drawing: &Drawing) -> Vec<u8> {
    use serde_json::{Map, Value, json};
    let nodes: Vec<Value> = model
        .entities
        .iter()
        .enumerate()
        .map(|(i, entity)| {
            let mut data = Map::new();
            data.insert("id".into(), json!(entity.id));
            data.insert("value".into(), json!(entity.id));
            data.insert("name".into(), json!(label(model, i)));
            data.insert("label".into(), json!(label(model, i)));
            for (key, value) in node_values(model, i) {
                if !value.is_empty() {
                    data.insert(key.into(), json!(value));
                }
            }
            if let Some([r, g, b]) = drawing.colours.get(i) {
                data.insert("color".into(), json!(format!("#{r:02x}{g:02x}{b:02x}")));
            }
            if let Some(size) = drawing.sizes.get(i) {
                data.insert("size".into(), json!(size));
            }
            let mut node = Map::new();
            node.insert("data".into(), Value::Object(data));
            if let Some([x, y]) = drawing
                .positions
                .get(i)
                .filter(|p| p[0].is_finite() && p[1].is_finite())
            {
                node.insert("position".into(), json!({ "x": x, "y": y }));
            }
            Value::Object(node)
        })
        .collect();
    let edges: Vec<Value> = edges(model)
        .into_iter()
        .enumerate()
        .map(|(key, edge)| {
            let mut data = Map::new();
            data.insert("id".into(), json!(edge.id));
            data.insert("source".into(), json!(edge.from));
            data.insert("target".into(), json!(edge.to));
            data.insert("key".into(), json!(key));
            data.insert("kind".into(), json!(edge.kind));
            for (name, date) in [("since", edge.since), ("until", edge.until)] {
                if let Some(date) = date {
                    data.insert(name.into(), json!(date.to_string()));
                }
            }
            json!({ "data": Value::Object(data) })
        })
        .collect();
    let document = json!({
        "format_version": "1.0",
        "generated_by": "Townscope",
        "data": { "name": model.name.get(crate::model::Lang::Zh) },
        "directed": true,
        "multigraph": true,
        "elements": { "nodes": nodes, "edges": edges },
    });
    serde_json::to_vec_pretty(&document).unwrap_or_default()
}
