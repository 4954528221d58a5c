//! GEXF (1.1–1.3, and Gephi's older draft namespaces) and GraphML (typed keys, yEd's labels
//! and geometry) read with quick-xml into node and edge tables, which `foreign.rs` then maps to
//! Townscope's fields like any other program's table. Elements are matched by local name, so
//! every namespace version reads alike. A node's row is the line it starts on; `viz:position`
//! (GEXF) or `x`/`y` and yEd's geometry (GraphML) become the entity's pin; spells become dates.

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};

use super::foreign::ForeignTable;

/// Nodes or edges read at most: a file claiming more is refused rather than read for minutes.
const MAX_ELEMENTS: usize = 1_000_000;

/// What a graph file holds, as tables.
pub struct GraphTables {
    pub nodes: ForeignTable,
    pub edges: ForeignTable,
    /// Node id → its position in the view's layout plane.
    pub positions: Vec<(String, [f32; 2])>,
    pub notes: Vec<super::foreign::ImportNote>,
}

/// One element's values by column, in the order first seen.
#[derive(Default)]
struct Rows {
    columns: Vec<String>,
    rows: Vec<(usize, HashMap<String, String>)>,
}

impl Rows {
    fn set(&mut self, column: &str, value: String) {
        if !self.columns.iter().any(|c| c == column) {
            self.columns.push(column.to_owned());
        }
        if let Some((_, cells)) = self.rows.last_mut() {
            cells.insert(column.to_owned(), value);
        }
    }

    /// As a table named for lines (`""`) when every element starts on a line of its own, else
    /// numbered in order under `name` (a file written on one line).
    fn table(self, name: &str) -> ForeignTable {
        let by_line = self.rows.windows(2).all(|w| w[0].0 < w[1].0);
        let columns = self.columns;
        ForeignTable {
            name: if by_line {
                String::new()
            } else {
                name.to_owned()
            },
            rows: self
                .rows
                .into_iter()
                .enumerate()
                .map(|(k, (line, cells))| {
                    let number = if by_line { line } else { k + 2 };
                    let row = columns
                        .iter()
                        .map(|c| cells.get(c).cloned().unwrap_or_default())
                        .collect();
                    (number, row)
                })
                .collect(),
            header: columns,
        }
    }
}

fn local(name: &str) -> String {
    name.rsplit(':').next().unwrap_or_default().to_owned()
}

/// An element's attributes by local name, unescaped.
fn attributes(element: &BytesStart<'_>) -> Result<HashMap<String, String>, String> {
    let mut found = HashMap::new();
    for attribute in element.attributes() {
        let attribute = attribute.map_err(|e| e.to_string())?;
        let value = attribute
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|e| e.to_string())?
            .into_owned();
        found.insert(local(attribute.key.as_ref()), value);
    }
    Ok(found)
}

/// Reads a GEXF (`extension` "gexf") or GraphML file.
pub fn read(bytes: &[u8], extension: &str) -> Result<GraphTables, String> {
    let text = std::str::from_utf8(bytes)
        .map_err(|e| format!("not UTF-8 text ({e}): is it an XML file?"))?;
    let gexf = extension == "gexf";
    let mut reader = quick_xml::Reader::from_str(text);
    let mut nodes = Rows::default();
    let mut edges = Rows::default();
    let mut positions: Vec<(String, [f32; 2])> = Vec::new();
    let mut notes = Vec::new();
    // GEXF attribute ids → titles, by class; GraphML key ids → names, by what they are for.
    let mut titles: HashMap<(String, String), String> = HashMap::new();
    let mut drawing_keys: HashMap<String, String> = HashMap::new();
    // Where we are: inside a node or an edge, a GraphML data element, a yEd label.
    let mut stack: Vec<String> = Vec::new();
    let mut current_data: Option<String> = None;
    // Text is read in pieces (an entity reference is a piece of its own) and kept when its
    // element ends.
    let mut text_buffer = String::new();
    let mut node_id = String::new();
    let mut graph_seen = false;
    let mut line = 1;
    let mut counted = 0;
    let line_at = |position: usize, line: &mut usize, counted: &mut usize| {
        let end = position.min(text.len());
        if end > *counted {
            *line += text.as_bytes()[*counted..end]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            *counted = end;
        }
        *line
    };
    loop {
        let position = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| {
            let at = reader.error_position() as usize;
            let (l, c) = line_column(text, at);
            format!("line {l}, column {c}: the XML is malformed ({e})")
        })?;
        let (element, empty) = match &event {
            Event::Start(e) => (Some(e), false),
            Event::Empty(e) => (Some(e), true),
            _ => (None, false),
        };
        if let Some(element) = element {
            let name = local(element.name().as_ref());
            let at = attributes(element).map_err(|e| {
                let (l, c) = line_column(text, position);
                format!("line {l}, column {c}: {e}")
            })?;
            // The tag starts after any whitespace the event began with.
            let start = text
                .get(position..)
                .and_then(|rest| rest.find('<'))
                .map_or(position, |k| position + k);
            let here = line_at(start, &mut line, &mut counted);
            let parent = stack.last().map(String::as_str).unwrap_or_default();
            match name.as_str() {
                "gexf" | "graphml" => graph_seen = true,
                "attribute" if gexf => {
                    let class = stack
                        .iter()
                        .rev()
                        .find(|s| s.starts_with("attributes:"))
                        .map(|s| s.trim_start_matches("attributes:").to_owned())
                        .unwrap_or_else(|| "node".into());
                    if let (Some(id), Some(title)) = (at.get("id"), at.get("title")) {
                        titles.insert((class, id.clone()), title.clone());
                    }
                }
                "key" if !gexf => {
                    let Some(id) = at.get("id") else {
                        continue;
                    };
                    let target = at.get("for").cloned().unwrap_or_else(|| "all".into());
                    if let Some(kind) = at.get("yfiles.type") {
                        drawing_keys.insert(id.clone(), kind.clone());
                    }
                    let name = at
                        .get("attr.name")
                        .or_else(|| at.get("name"))
                        .cloned()
                        .unwrap_or_else(|| id.clone());
                    for class in ["node", "edge"] {
                        if target == class || target == "all" {
                            titles.insert((class.into(), id.clone()), name.clone());
                        }
                    }
                }
                "node" if parent == "nodes" || parent == "graph" => {
                    if nodes.rows.len() >= MAX_ELEMENTS {
                        return Err(format!("more than {MAX_ELEMENTS} nodes"));
                    }
                    node_id = at.get("id").cloned().unwrap_or_default();
                    nodes.rows.push((here, HashMap::new()));
                    nodes.set("id", node_id.clone());
                    if let Some(label) = at.get("label") {
                        nodes.set("label", label.clone());
                    }
                    for (spell, column) in [("start", "start"), ("end", "end")] {
                        if let Some(value) = at.get(spell) {
                            nodes.set(column, value.clone());
                        }
                    }
                }
                "edge" if parent == "edges" || parent == "graph" => {
                    if edges.rows.len() >= MAX_ELEMENTS {
                        return Err(format!("more than {MAX_ELEMENTS} edges"));
                    }
                    edges.rows.push((here, HashMap::new()));
                    for key in ["id", "source", "target", "label", "start", "end", "weight"] {
                        if let Some(value) = at.get(key) {
                            edges.set(key, value.clone());
                        }
                    }
                }
                "attvalue" => {
                    let class = if stack.iter().any(|s| s == "edge") {
                        "edge"
                    } else {
                        "node"
                    };
                    let id = at
                        .get("for")
                        .or_else(|| at.get("id"))
                        .cloned()
                        .unwrap_or_default();
                    let title = titles
                        .get(&(class.to_owned(), id.clone()))
                        .cloned()
                        .unwrap_or(id);
                    let value = at.get("value").cloned().unwrap_or_default();
                    match class {
                        "edge" => edges.set(&title, value),
                        _ => nodes.set(&title, value),
                    }
                }
                "position" if stack.iter().any(|s| s == "node") => {
                    // GEXF: Gephi's y axis points up; yEd's Geometry below is a box's corner.
                    let number = |key: &str| at.get(key).and_then(|v| v.parse::<f32>().ok());
                    if let (Some(x), Some(y)) = (number("x"), number("y")) {
                        positions.push((node_id.clone(), [x / UNIT, -y / UNIT]));
                    }
                }
                "Geometry" if stack.iter().any(|s| s == "node") => {
                    let number = |key: &str| at.get(key).and_then(|v| v.parse::<f32>().ok());
                    if let (Some(x), Some(y)) = (number("x"), number("y")) {
                        let (w, h) = (
                            number("width").unwrap_or(0.0),
                            number("height").unwrap_or(0.0),
                        );
                        positions.push((
                            node_id.clone(),
                            [(x + w / 2.0) / UNIT, (y + h / 2.0) / UNIT],
                        ));
                    }
                }
                "data" if !gexf => {
                    current_data = at.get("key").cloned();
                    text_buffer.clear();
                }
                "NodeLabel" | "EdgeLabel" => text_buffer.clear(),
                _ => {}
            }
            if !empty {
                let mut pushed = name.clone();
                if name == "attributes" {
                    pushed = format!(
                        "attributes:{}",
                        at.get("class").cloned().unwrap_or_else(|| "node".into())
                    );
                }
                stack.push(pushed);
            } else if name == "data" {
                current_data = None;
            }
            continue;
        }
        match event {
            Event::Text(t) => text_buffer.push_str(&t.xml10_content()),
            Event::CData(t) => text_buffer.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let name = r.xml10_content();
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    text_buffer.push(c);
                } else if let Some(value) = quick_xml::escape::resolve_predefined_entity(&name) {
                    text_buffer.push_str(value);
                } else {
                    let (l, c) = line_column(text, position);
                    return Err(format!(
                        "line {l}, column {c}: &{name}; is not an entity XML defines"
                    ));
                }
            }
            Event::End(e) => {
                let name = local(e.name().as_ref());
                stack.pop();
                let in_edge = stack.iter().any(|s| s == "edge");
                let value = std::mem::take(&mut text_buffer).trim().to_owned();
                match name.as_str() {
                    "NodeLabel" | "EdgeLabel" if !value.is_empty() => {
                        if in_edge {
                            edges.set("label", value);
                        } else {
                            nodes.set("label", value);
                        }
                    }
                    "data" => {
                        if let Some(key) = current_data.take()
                            && !drawing_keys.contains_key(&key)
                            && !value.is_empty()
                        {
                            let class = if in_edge { "edge" } else { "node" };
                            let title = titles
                                .get(&(class.to_owned(), key.clone()))
                                .cloned()
                                .unwrap_or(key);
                            if in_edge {
                                edges.set(&title, value);
                            } else {
                                nodes.set(&title, value);
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !graph_seen {
        return Err(if gexf {
            "no <gexf> element: not a GEXF file".into()
        } else {
            "no <graphml> element: not a GraphML file".into()
        });
    }
    // GraphML's x and y keys (Townscope's own, and others') are the drawing too.
    let mut positioned: std::collections::HashSet<String> =
        positions.iter().map(|(id, _)| id.clone()).collect();
    for (_, cells) in &nodes.rows {
        let number = |key: &str| cells.get(key).and_then(|v| v.parse::<f32>().ok());
        if let (Some(x), Some(y), Some(id)) = (number("x"), number("y"), cells.get("id"))
            && positioned.insert(id.clone())
        {
            positions.push((id.clone(), [x / UNIT, y / UNIT]));
        }
    }
    let drawing = ["x", "y", "size", "color", "r", "g", "b"];
    let drawn: Vec<String> = nodes
        .columns
        .iter()
        .filter(|c| drawing.contains(&c.as_str()))
        .cloned()
        .collect();
    nodes.columns.retain(|c| !drawing.contains(&c.as_str()));
    if !drawn.is_empty() {
        notes.push(super::foreign::ImportNote::Drawing { columns: drawn });
    }
    if !positions.is_empty() {
        notes.push(super::foreign::ImportNote::Pins {
            count: positions.len(),
        });
    }
    Ok(GraphTables {
        nodes: nodes.table("nodes"),
        edges: edges.table("edges"),
        positions,
        notes,
    })
}

/// Layout units to the pixels a drawing is in (what the export multiplied by).
const UNIT: f32 = crate::layout::UNIT;

/// 1-based line and column of byte `at`.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at.min(text.len())).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}
