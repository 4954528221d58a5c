//! Reading a spreadsheet in Townscope's own layout (what `export --out X.xlsx` writes; `.xlsx`,
//! `.xls` or `.ods`, or one table as `.csv` in UTF-8 or GBK) back into a model. A workbook Townscope wrote carries the whole model on
//! its `Townscope` sheet: that is where reading starts, so nothing the columns cannot say is
//! lost. Then the Entities and Relations sheets are read row by row: a row whose entity (or
//! relation) is in the model changes the fields its columns hold; a new row adds an entity (or
//! relation) citing the workbook — file, sheet and row — as its source, so nothing enters the
//! model without one. An empty cell changes nothing: clearing a fact is done in the app. A cell that cannot be read stops the import with its sheet, row and
//! column, and nothing is changed.

use std::fmt;
use std::path::Path;

use std::collections::{HashMap, HashSet};

use calamine::{Data, Reader};

use crate::model::{Cite, Date, Entity, EntityKind, Model, Relation, RelationKind, Source, Text};

use super::workbook::{MODEL_SHEET, SEPARATOR};

/// Rows read from one sheet at most: a sheet claiming more is refused rather than read for
/// minutes.
const MAX_ROWS: usize = 1_000_000;

/// Where in a workbook something is: sheet, row and column as a spreadsheet numbers them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub sheet: String,
    pub row: usize,
    pub column: Option<String>,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // An XML file's rows are its lines.
        if self.sheet.is_empty() {
            write!(f, "line {}", self.row)?;
            if let Some(field) = &self.column {
                write!(f, ", field {field}")?;
            }
            return Ok(());
        }
        write!(f, "sheet {}, row {}", self.sheet, self.row)?;
        if let Some(column) = &self.column {
            write!(f, ", column {column}")?;
        }
        Ok(())
    }
}

/// Why a workbook was not imported. The model is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{file}: {message}")]
    Unreadable { file: String, message: String },
    #[error("{file}: {place}: {message}")]
    Cell {
        file: String,
        place: Place,
        message: String,
    },
    #[error("{file}: the {MODEL_SHEET} sheet does not hold a model Townscope can read: {message}")]
    ModelSheet { file: String, message: String },
}

/// What an import made: the model, and how many entities and relations it added or changed.
#[derive(Debug)]
pub struct Imported {
    pub model: Model,
    pub added: usize,
    pub changed: usize,
    /// For another program's file: which columns became which fields, what was not imported,
    /// what was guessed. Empty for Townscope's own layout.
    pub notes: Vec<super::foreign::ImportNote>,
    /// The file's types that name no kind of the schema's (entities', relations').
    pub unknown_types: Vec<String>,
    pub unknown_relation_types: Vec<String>,
}

/// Reads `path` as a workbook in Townscope's layout.
pub fn read_workbook(path: &Path) -> Result<Imported, ImportError> {
    read_workbook_into(path, None)
}

/// Reads `path` into `into` (the open model, for a merge: its Entities and Relations rows
/// change and add to it; the workbook's own copy of a model is not used), or without one into
/// the model the workbook carries (a new one if it carries none).
pub fn read_workbook_into(path: &Path, into: Option<&Model>) -> Result<Imported, ImportError> {
    load(path)?.apply(into)
}

/// A file read and not yet applied: its tables' rows, and the model it carries (Townscope's
/// own text, parsed only when it is wanted), so one reading serves a merge and a new model.
pub struct Loaded {
    path: std::path::PathBuf,
    carried: Option<String>,
    tables: Vec<(Table, String, Vec<Vec<Data>>)>,
    /// Another program's tables (Kumu, Gephi, a graph file), mapped when applied: their
    /// relations may name the model's entities.
    foreign: Option<Foreign>,
    /// A CSV file's text encoding, as read.
    encoding: Option<TextEncoding>,
}

/// Another program's tables, and what a graph file drew: positions become pins.
struct Foreign {
    nodes: Option<super::foreign::ForeignTable>,
    links: Option<super::foreign::ForeignTable>,
    positions: Vec<(String, [f32; 2])>,
    notes: Vec<super::foreign::ImportNote>,
}

impl Loaded {
    /// The rows applied to `into` (a merge), or to the model the file carries (a new one if it
    /// carries none).
    pub fn apply(&self, into: Option<&Model>) -> Result<Imported, ImportError> {
        self.apply_with(into, &super::foreign::TypeChoices::default())
    }

    /// As [`Loaded::apply`], with the kinds the user chose for the file's unknown types.
    pub fn apply_with(
        &self,
        into: Option<&Model>,
        choices: &super::foreign::TypeChoices,
    ) -> Result<Imported, ImportError> {
        let path = self.path.as_path();
        let model = match (into, &self.carried) {
            (Some(model), _) => model.clone(),
            (None, Some(text)) => {
                super::parse(text.as_bytes()).map_err(|e| ImportError::ModelSheet {
                    file: path.display().to_string(),
                    message: e.to_string(),
                })?
            }
            (None, None) => new_model(path),
        };
        let Some(foreign) = &self.foreign else {
            return read_rows(path, model, &self.tables);
        };
        let file = path.display().to_string();
        let mut known = super::foreign::Known {
            choices: choices.clone(),
            ..Default::default()
        };
        for e in &model.entities {
            for name in [&e.name.zh, &e.name.en] {
                if !name.is_empty() {
                    known
                        .entities
                        .entry(name.clone())
                        .or_insert((e.id.clone(), e.kind));
                }
            }
            known.entities.insert(e.id.clone(), (e.id.clone(), e.kind));
        }
        for s in &model.sectors {
            for name in [&s.name.zh, &s.name.en] {
                if !name.is_empty() {
                    known.sectors.entry(name.clone()).or_insert(s.id.clone());
                }
            }
            known.sectors.insert(s.id.clone(), s.id.clone());
        }
        let mapped =
            super::foreign::map_tables(foreign.nodes.as_ref(), foreign.links.as_ref(), &known)
                .map_err(|(sheet, row, column, message)| ImportError::Cell {
                    file: file.clone(),
                    place: Place {
                        sheet,
                        row,
                        column: Some(column),
                    },
                    message,
                })?;
        let tables: Vec<(Table, String, Vec<Vec<Data>>)> = [
            mapped
                .entities
                .map(|(name, rows)| (Table::Entities, name, rows)),
            mapped
                .relations
                .map(|(name, rows)| (Table::Relations, name, rows)),
        ]
        .into_iter()
        .flatten()
        .collect();
        let mut imported = read_rows(path, model, &tables)?;
        if !mapped.locations.is_empty() {
            let at: HashMap<&str, &str> = mapped
                .locations
                .iter()
                .map(|(entity, place)| (entity.as_str(), place.as_str()))
                .collect();
            for entity in &mut imported.model.entities {
                if let Some(place) = at.get(entity.id.as_str())
                    && entity.location.as_deref() != Some(*place)
                {
                    entity.location = Some((*place).to_owned());
                }
            }
        }
        for (id, name) in &mapped.new_sectors {
            if !imported.model.sectors.iter().any(|s| &s.id == id) {
                let chinese = super::foreign::is_chinese(name);
                imported.model.sectors.push(crate::model::Sector {
                    id: id.clone(),
                    name: Text {
                        zh: if chinese { name.clone() } else { String::new() },
                        en: if chinese { String::new() } else { name.clone() },
                        translated: None,
                    },
                });
            }
        }
        let mark = |zh: String, en: String| crate::model::Inference {
            field: "kind".into(),
            note: Text {
                zh,
                en,
                translated: None,
            },
        };
        let guessed: HashMap<&str, &str> = mapped
            .guessed_kinds
            .iter()
            .map(|(id, given)| (id.as_str(), given.as_str()))
            .collect();
        for entity in &mut imported.model.entities {
            if let Some(given) = guessed.get(entity.id.as_str())
                && !entity.inferred.iter().any(|i| i.field == "kind")
            {
                let (zh_how, en_how) = if choices.entities.contains_key(*given) {
                    ("按导入时的选择", "as chosen at import")
                } else {
                    ("按默认", "by default")
                };
                let kind = entity.kind;
                entity.inferred.push(mark(
                    format!(
                        "导入文件的类型“{given}”不是 Townscope 的类型；{zh_how}读为{}。",
                        crate::i18n::entity_kind(kind, crate::model::Lang::Zh)
                    ),
                    format!(
                        "The imported file's type {given:?} names no Townscope kind; read as {}, {en_how}.",
                        crate::i18n::entity_kind(kind, crate::model::Lang::En)
                    ),
                ));
            }
        }
        let guessed: HashMap<&(String, RelationKind, String), &str> = mapped
            .guessed_relations
            .iter()
            .map(|(key, given)| (key, given.as_str()))
            .collect();
        for relation in &mut imported.model.relations {
            let key = (relation.from.clone(), relation.kind, relation.to.clone());
            if let Some(given) = guessed.get(&key)
                && !relation.inferred.iter().any(|i| i.field == "kind")
            {
                relation.inferred.push(mark(
                    format!(
                        "导入文件的类型“{given}”不是 Townscope 的关系类型；读为{}。",
                        crate::i18n::relation_kind(relation.kind, true, crate::model::Lang::Zh)
                    ),
                    format!(
                        "The imported file's type {given:?} names no Townscope kind of relation; read as {}.",
                        crate::i18n::relation_kind(relation.kind, true, crate::model::Lang::En)
                    ),
                ));
            }
        }
        // Positions the file drew become pins, for entities without one.
        let pinned: HashSet<String> = imported
            .model
            .layout
            .iter()
            .map(|p| p.entity.clone())
            .collect();
        let present: HashSet<&str> = imported
            .model
            .entities
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        let pins: Vec<crate::model::Pin> = foreign
            .positions
            .iter()
            .filter(|(id, p)| {
                !pinned.contains(id)
                    && present.contains(id.as_str())
                    && p[0].is_finite()
                    && p[1].is_finite()
            })
            .map(|(id, p)| crate::model::Pin {
                entity: id.clone(),
                x: p[0],
                y: p[1],
            })
            .collect();
        imported.model.layout.extend(pins);
        imported.notes = foreign.notes.iter().cloned().chain(mapped.notes).collect();
        imported.unknown_types = mapped.unknown_types;
        imported.unknown_relation_types = mapped.unknown_relation_types;
        Ok(imported)
    }
}

/// How a CSV file's text is read: detected (UTF-8, else GB18030), or as the user chose in the
/// preview — Big5 text also decodes as GB18030, into the wrong characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    /// GBK and its superset GB18030: what Excel on a Simplified Chinese Windows writes.
    Gb18030,
    /// Traditional Chinese Windows (Taiwan, Hong Kong).
    Big5,
}

impl TextEncoding {
    pub const ALL: [Self; 3] = [Self::Utf8, Self::Gb18030, Self::Big5];

    pub fn name(self) -> &'static str {
        match self {
            Self::Utf8 => "UTF-8",
            Self::Gb18030 => "GBK / GB18030",
            Self::Big5 => "Big5",
        }
    }

    fn encoding(self) -> &'static encoding_rs::Encoding {
        match self {
            Self::Utf8 => encoding_rs::UTF_8,
            Self::Gb18030 => encoding_rs::GB18030,
            Self::Big5 => encoding_rs::BIG5,
        }
    }
}

impl Loaded {
    /// The encoding a CSV file was read in; none for a workbook or a graph file.
    pub fn encoding(&self) -> Option<TextEncoding> {
        self.encoding
    }
}

/// Reads `path` (a workbook, or one table as CSV) without applying it.
pub fn load(path: &Path) -> Result<Loaded, ImportError> {
    load_as(path, None)
}

/// Reads `path`; a CSV file in `encoding` where one is given, else as detected.
pub fn load_as(path: &Path, encoding: Option<TextEncoding>) -> Result<Loaded, ImportError> {
    let file = path.display().to_string();
    let unreadable = |message: String| ImportError::Unreadable {
        file: file.clone(),
        message,
    };
    let bytes =
        super::read_limited(path, super::MAX_FILE_BYTES).map_err(|e| unreadable(e.to_string()))?;
    let is_csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if extension == "gexf" || extension == "graphml" {
        let graph = super::graph_read::read(&bytes, &extension).map_err(unreadable)?;
        return Ok(Loaded {
            path: path.to_path_buf(),
            carried: None,
            tables: Vec::new(),
            foreign: Some(Foreign {
                nodes: Some(graph.nodes),
                links: Some(graph.edges),
                positions: graph.positions,
                notes: graph.notes,
            }),
            encoding: None,
        });
    }
    if is_csv {
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let (rows, used) = csv_text_rows(&bytes, encoding).map_err(unreadable)?;
        return Ok(match csv_table(&rows) {
            Ok(table) => Loaded {
                path: path.to_path_buf(),
                carried: None,
                tables: vec![(table, table.sheet().to_owned(), rows)],
                foreign: None,
                encoding: Some(used),
            },
            Err(names) => {
                let foreign = foreign_table(&name, &rows);
                let (nodes, links) = match classify(&foreign.header) {
                    Some(Table::Relations) => (None, Some(foreign)),
                    Some(Table::Entities) => (Some(foreign), None),
                    None => {
                        return Err(unreadable(format!(
                            "its header ({}) names neither entities (an id, a name or a label \
                             column) nor relations (from and to, or source and target)",
                            names.join(", ")
                        )));
                    }
                };
                Loaded {
                    path: path.to_path_buf(),
                    carried: None,
                    tables: Vec::new(),
                    foreign: Some(Foreign {
                        nodes,
                        links,
                        positions: Vec::new(),
                        notes: Vec::new(),
                    }),
                    encoding: Some(used),
                }
            }
        });
    }
    let mut workbook = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| unreadable(format!("not a spreadsheet Townscope can read ({e})")))?;
    let names = workbook.sheet_names();
    let mut sheet = |name: &str| -> Result<Option<Vec<Vec<Data>>>, ImportError> {
        if !names.iter().any(|n| n == name) {
            return Ok(None);
        }
        let range = workbook
            .worksheet_range(name)
            .map_err(|e| unreadable(format!("sheet {name}: {e}")))?;
        if range.height() > MAX_ROWS {
            return Err(unreadable(format!(
                "sheet {name} has {} rows; at most {MAX_ROWS} are read",
                range.height()
            )));
        }
        // Row numbers as the spreadsheet shows them: the range may start below the top.
        let top = range.start().map_or(0, |(row, _)| row as usize);
        let mut rows = vec![Vec::new(); top];
        rows.extend(range.rows().map(<[Data]>::to_vec));
        Ok(Some(rows))
    };
    let base = sheet(MODEL_SHEET)?;
    let entities = sheet("Entities")?;
    let relations = sheet("Relations")?;
    if base.is_none() && entities.is_none() && relations.is_none() {
        // Another program's workbook: Kumu's Elements and Connections, Gephi's nodes and
        // edges, or any sheets whose headers name entities or relations.
        let mut nodes = None;
        let mut links = None;
        let mut notes = Vec::new();
        for name in &names {
            let Some(rows) = sheet(name)? else {
                continue;
            };
            let table = foreign_table(name, &rows);
            let lower = name.to_lowercase();
            let kind = if lower == "elements" || lower == "nodes" {
                Some(Table::Entities)
            } else if lower == "connections" || lower == "edges" || lower == "links" {
                Some(Table::Relations)
            } else {
                classify(&table.header)
            };
            match kind {
                Some(Table::Entities) if nodes.is_none() => nodes = Some(table),
                Some(Table::Relations) if links.is_none() => links = Some(table),
                _ if table.rows.is_empty() => {}
                _ => notes.push(super::foreign::ImportNote::SheetLeft {
                    sheet: name.clone(),
                }),
            }
        }
        if nodes.is_none() && links.is_none() {
            return Err(unreadable(format!(
                "no {MODEL_SHEET}, Entities or Relations sheet, nor one whose header names \
                 entities or relations (it has {})",
                names.join(", ")
            )));
        }
        return Ok(Loaded {
            path: path.to_path_buf(),
            carried: None,
            tables: Vec::new(),
            foreign: Some(Foreign {
                nodes,
                links,
                positions: Vec::new(),
                notes,
            }),
            encoding: None,
        });
    }
    let carried = base.map(|rows| {
        rows.iter()
            .skip(1)
            .filter_map(|row| match row.first() {
                Some(Data::String(piece)) => Some(piece.as_str()),
                _ => None,
            })
            .collect()
    });
    let tables = [(Table::Entities, entities), (Table::Relations, relations)]
        .into_iter()
        .filter_map(|(table, rows)| Some((table, table.sheet().to_owned(), rows?)))
        .collect();
    Ok(Loaded {
        path: path.to_path_buf(),
        carried,
        tables,
        foreign: None,
        encoding: None,
    })
}

/// The model a file makes that carries none of its own: named after the file.
fn new_model(path: &Path) -> Model {
    let name = path
        .file_stem()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    Model::new(Text {
        zh: name.clone(),
        en: name,
        translated: None,
    })
}

/// Which table a sheet (or a CSV file) holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Table {
    Entities,
    Relations,
}

impl Table {
    /// The sheet Townscope's layout keeps it on.
    fn sheet(self) -> &'static str {
        match self {
            Self::Entities => "Entities",
            Self::Relations => "Relations",
        }
    }
}

/// Which table another program's header names: relations by their two ends, entities by an
/// id, a name or a label.
fn classify(header: &[String]) -> Option<Table> {
    let has = |names: &[&str]| {
        header
            .iter()
            .any(|h| names.iter().any(|n| h.trim().eq_ignore_ascii_case(n)))
    };
    if has(&["from", "source", "起点"]) && has(&["to", "target", "终点"]) {
        Some(Table::Relations)
    } else if has(&["id", "label", "name", "名称", "名字"]) {
        Some(Table::Entities)
    } else {
        None
    }
}

/// A sheet's rows as another program's table: the first row the header, each row with the
/// number the spreadsheet shows it under.
fn foreign_table(name: &str, rows: &[Vec<Data>]) -> super::foreign::ForeignTable {
    let (top, header) = header(rows);
    let text = |cell: &Data| match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTimeIso(s) => s.chars().take(10).collect(),
        other => other.to_string(),
    };
    super::foreign::ForeignTable {
        name: name.to_owned(),
        header,
        rows: rows
            .iter()
            .enumerate()
            .skip(top + 1)
            .map(|(k, row)| (k + 1, row.iter().map(text).collect()))
            .collect(),
    }
}

/// A CSV file's rows as cells: UTF-8 (with or without a byte-order mark), else GB18030 — what
/// Excel on a Chinese Windows writes.
fn csv_text_rows(
    bytes: &[u8],
    forced: Option<TextEncoding>,
) -> Result<(Vec<Vec<Data>>, TextEncoding), String> {
    if bytes.contains(&0) {
        return Err("not a text file (it holds NUL bytes): is it a CSV file?".into());
    }
    let (text, used) = match (forced, std::str::from_utf8(bytes)) {
        (None | Some(TextEncoding::Utf8), Ok(text)) => (
            std::borrow::Cow::Borrowed(text.trim_start_matches('\u{feff}')),
            TextEncoding::Utf8,
        ),
        (Some(TextEncoding::Utf8), Err(e)) => {
            return Err(format!("not UTF-8 text ({e})"));
        }
        (forced, _) => {
            let chosen = forced.unwrap_or(TextEncoding::Gb18030);
            let (text, _, malformed) = chosen.encoding().decode(bytes);
            if malformed {
                return Err(match forced {
                    None => "neither UTF-8 nor GBK/GB18030 text".into(),
                    Some(e) => format!("not {} text", e.name()),
                });
            }
            (text, chosen)
        }
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (k, record) in reader.records().enumerate() {
        if k >= MAX_ROWS {
            return Err(format!("more than {MAX_ROWS} rows"));
        }
        let record = record.map_err(|e| format!("line {}: {e}", k + 1))?;
        rows.push(
            record
                .iter()
                .map(|cell| {
                    if cell.is_empty() {
                        Data::Empty
                    } else {
                        Data::String(cell.to_owned())
                    }
                })
                .collect(),
        );
    }
    let (_, names) = header(&rows);
    if names.iter().all(String::is_empty) {
        return Err("it is empty: no header row".into());
    }
    Ok((rows, used))
}

/// Which of Townscope's tables a CSV file's header says it is; else its column names, for
/// reading it as another program's.
fn csv_table(rows: &[Vec<Data>]) -> Result<Table, Vec<String>> {
    let (_, names) = header(rows);
    let has = |name: &str| names.iter().any(|n| n == name);
    if has("from") && has("to") {
        Ok(Table::Relations)
    } else if has("id") && !has("Id") {
        Ok(Table::Entities)
    } else {
        Err(names)
    }
}

/// Reads the entity and relation rows into `model`.
fn read_rows(
    path: &Path,
    mut model: Model,
    tables: &[(Table, String, Vec<Vec<Data>>)],
) -> Result<Imported, ImportError> {
    let file = path.display().to_string();
    let mut reader = Rows {
        file: file.clone(),
        source: source_id(path, &model),
        source_used: false,
        added: 0,
        changed: 0,
    };
    for (table, sheet, rows) in tables {
        match table {
            Table::Entities => reader.entities(&mut model, sheet, rows)?,
            Table::Relations => reader.relations(&mut model, sheet, rows)?,
        }
    }
    if reader.source_used && !model.sources.iter().any(|s| s.id == reader.source) {
        model.sources.push(Source {
            id: reader.source.clone(),
            title: path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
            publisher: String::new(),
            date: None,
            locator: path.display().to_string(),
            note: "Imported: each fact cites the sheet and row it was read from.".into(),
        });
    }
    Ok(Imported {
        model,
        added: reader.added,
        changed: reader.changed,
        notes: Vec::new(),
        unknown_types: Vec::new(),
        unknown_relation_types: Vec::new(),
    })
}

/// The id of the source an import's new facts cite: `import-NAME`, unique in the model.
fn source_id(path: &Path, model: &Model) -> String {
    let stem: String = path
        .file_stem()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let base = format!("import-{}", stem.trim_matches('-'));
    let mut id = base.clone();
    let mut n = 2;
    while model.sources.iter().any(|s| s.id == id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// Reading rows into a model, with the count of what changed.
struct Rows {
    file: String,
    source: String,
    source_used: bool,
    added: usize,
    changed: usize,
}

/// One row's cells by column name.
struct Row<'a> {
    sheet: &'a str,
    number: usize,
    header: &'a [String],
    cells: &'a [Data],
}

impl Row<'_> {
    /// The cell under `column` as text, when it holds something: an empty cell (or no such
    /// column) leaves the field as it is — a member list without founding years does not erase
    /// the years the model has.
    fn value(&self, column: &str, file: &str) -> Result<Option<String>, ImportError> {
        Ok(self.text(column, file)?.filter(|t| !t.is_empty()))
    }

    /// The cell under `column` as text (numbers as written: 2015, not 2015.0); `None` where
    /// the sheet has no such column.
    fn text(&self, column: &str, file: &str) -> Result<Option<String>, ImportError> {
        let Some(k) = self.header.iter().position(|h| h == column) else {
            return Ok(None);
        };
        let text = match self.cells.get(k) {
            None | Some(Data::Empty) => String::new(),
            Some(Data::String(s)) => s.trim().to_owned(),
            Some(Data::Int(i)) => i.to_string(),
            Some(Data::Float(f)) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
            Some(Data::Float(f)) => f.to_string(),
            Some(Data::Bool(b)) => if *b { "yes" } else { "" }.to_owned(),
            Some(Data::DateTimeIso(s)) => s.chars().take(10).collect(),
            Some(other) => {
                return Err(self.error(
                    column,
                    file,
                    format!("cannot read {other:?}: write it as text (a date as 2015, 2015-06 or 2015-06-17)"),
                ));
            }
        };
        Ok(Some(text))
    }

    /// Each text field from its column, where the cell holds something.
    fn texts(
        &self,
        fields: Vec<(&str, &mut String)>,
        file: &str,
        changed: &mut bool,
    ) -> Result<(), ImportError> {
        for (column, field) in fields {
            if let Some(value) = self.value(column, file)? {
                set(field, value, changed);
            }
        }
        Ok(())
    }

    /// Each date field from its column, where the cell holds one.
    fn dates(
        &self,
        fields: Vec<(&str, &mut Option<Date>)>,
        file: &str,
        changed: &mut bool,
    ) -> Result<(), ImportError> {
        for (column, field) in fields {
            if let Some(value) = self.date(column, file)? {
                set(field, Some(value), changed);
            }
        }
        Ok(())
    }

    fn error(&self, column: &str, file: &str, message: String) -> ImportError {
        ImportError::Cell {
            file: file.to_owned(),
            place: Place {
                sheet: self.sheet.to_owned(),
                row: self.number,
                column: Some(column.to_owned()),
            },
            message,
        }
    }

    fn date(&self, column: &str, file: &str) -> Result<Option<Date>, ImportError> {
        let Some(text) = self.value(column, file)? else {
            return Ok(None);
        };
        text.parse::<Date>().map(Some).map_err(|_| {
            self.error(
                column,
                file,
                format!("{text:?} is not a date (write 2015, 2015-06, 2015-06-17 or 2015-Q2)"),
            )
        })
    }
}

/// The column names of a sheet's first row.
fn header(rows: &[Vec<Data>]) -> (usize, Vec<String>) {
    let top = rows
        .iter()
        .position(|r| !r.iter().all(|c| *c == Data::Empty));
    let top = top.unwrap_or(0);
    let names = rows
        .get(top)
        .map(|row| {
            row.iter()
                .map(|c| match c {
                    Data::String(s) => s.trim().to_owned(),
                    _ => String::new(),
                })
                .collect()
        })
        .unwrap_or_default();
    (top, names)
}

/// A variant by the name Townscope's own text gives it (`Enterprise`, `MemberOf`).
fn variant<T: serde::de::DeserializeOwned>(name: &str) -> Option<T> {
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    ron::from_str(name).ok()
}

fn list(text: &str) -> Vec<String> {
    text.split(SEPARATOR.trim())
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Sets `field` to `value`, counting it when it differs.
fn set<T: PartialEq>(field: &mut T, value: T, changed: &mut bool) {
    if *field != value {
        *field = value;
        *changed = true;
    }
}

impl Rows {
    fn count(&mut self, is_new: bool, changed: bool) {
        if is_new {
            self.added += 1;
        } else if changed {
            self.changed += 1;
        }
    }

    fn cite(&mut self, sheet: &str, row: usize) -> Cite {
        self.source_used = true;
        Cite {
            source: self.source.clone(),
            // An XML file's rows are its lines.
            at: if sheet.is_empty() {
                format!("line {row}")
            } else {
                format!("{sheet} row {row}")
            },
        }
    }

    fn entities(
        &mut self,
        model: &mut Model,
        sheet: &str,
        rows: &[Vec<Data>],
    ) -> Result<(), ImportError> {
        let (top, header) = header(rows);
        let file = self.file.clone();
        // Each id's place, kept as rows add entities: a search per row would be rows × entities.
        let mut at: HashMap<String, usize> = HashMap::new();
        for (i, e) in model.entities.iter().enumerate() {
            at.entry(e.id.clone()).or_insert(i);
        }
        for (k, cells) in rows.iter().enumerate().skip(top + 1) {
            let row = Row {
                sheet,
                number: k + 1,
                header: &header,
                cells,
            };
            let Some(id) = row.text("id", &file)?.filter(|id| !id.is_empty()) else {
                if cells.iter().all(|c| *c == Data::Empty) {
                    continue;
                }
                return Err(row.error("id", &file, "every entity needs an id".into()));
            };
            let kind = match row.text("kind", &file)? {
                Some(name) if !name.is_empty() => {
                    Some(variant::<EntityKind>(&name).ok_or_else(|| {
                        row.error(
                            "kind",
                            &file,
                            format!("{name:?} is not a kind of entity Townscope knows"),
                        )
                    })?)
                }
                _ => None,
            };
            let index = at.get(&id).copied();
            let is_new = index.is_none();
            if is_new {
                let Some(kind) = kind else {
                    return Err(row.error("kind", &file, "a new entity needs its kind".into()));
                };
                let mut entity = Entity::new(&id, kind, Text::default());
                entity.sources.push(self.cite(sheet, row.number));
                at.insert(id.clone(), model.entities.len());
                model.entities.push(entity);
            }
            let last = model.entities.len() - 1;
            let Some(entity) = model.entities.get_mut(index.unwrap_or(last)) else {
                continue;
            };
            let mut changed = false;
            if let Some(kind) = kind {
                set(&mut entity.kind, kind, &mut changed);
            }
            row.texts(
                vec![
                    ("name_zh", &mut entity.name.zh),
                    ("name_en", &mut entity.name.en),
                    ("subkind", &mut entity.subkind),
                    ("website", &mut entity.website),
                    ("description_zh", &mut entity.description.zh),
                    ("description_en", &mut entity.description.en),
                ],
                &file,
                &mut changed,
            )?;
            if let Some(value) = row.value("sectors", &file)? {
                set(&mut entity.sectors, list(&value), &mut changed);
            }
            if let Some(value) = row.value("location", &file)? {
                set(&mut entity.location, Some(value), &mut changed);
            }
            if let Some(value) = row.value("founded_here", &file)? {
                set(&mut entity.founded_here, value == "yes", &mut changed);
            }
            row.dates(
                vec![
                    ("founded", &mut entity.founded),
                    ("joined", &mut entity.joined),
                    ("ended", &mut entity.ended),
                ],
                &file,
                &mut changed,
            )?;
            self.count(is_new, changed);
        }
        Ok(())
    }

    fn relations(
        &mut self,
        model: &mut Model,
        sheet: &str,
        rows: &[Vec<Data>],
    ) -> Result<(), ImportError> {
        let (top, header) = header(rows);
        let file = self.file.clone();
        let ids: HashSet<String> = model.entities.iter().map(|e| e.id.clone()).collect();
        let mut at: HashMap<(String, RelationKind, String), usize> = HashMap::new();
        for (i, r) in model.relations.iter().enumerate() {
            at.entry((r.from.clone(), r.kind, r.to.clone()))
                .or_insert(i);
        }
        for (k, cells) in rows.iter().enumerate().skip(top + 1) {
            if cells.iter().all(|c| *c == Data::Empty) {
                continue;
            }
            let row = Row {
                sheet,
                number: k + 1,
                header: &header,
                cells,
            };
            let end = |column: &str| -> Result<String, ImportError> {
                let id = row.text(column, &file)?.unwrap_or_default();
                if id.is_empty() {
                    return Err(row.error(column, &file, "a relation needs both ends".into()));
                }
                if !ids.contains(&id) {
                    return Err(row.error(column, &file, format!("no entity has the id {id:?}")));
                }
                Ok(id)
            };
            let (from, to) = (end("from")?, end("to")?);
            let name = row.text("kind", &file)?.unwrap_or_default();
            let kind = variant::<RelationKind>(&name).ok_or_else(|| {
                row.error(
                    "kind",
                    &file,
                    format!("{name:?} is not a kind of relation Townscope knows"),
                )
            })?;
            let key = (from, kind, to);
            let index = at.get(&key).copied();
            let is_new = index.is_none();
            if is_new {
                let mut relation = Relation::new(kind, &key.0, &key.2);
                relation.sources.push(self.cite(sheet, row.number));
                at.insert(key, model.relations.len());
                model.relations.push(relation);
            }
            let last = model.relations.len() - 1;
            let Some(relation) = model.relations.get_mut(index.unwrap_or(last)) else {
                continue;
            };
            let mut changed = false;
            row.texts(
                vec![
                    ("note_zh", &mut relation.note.zh),
                    ("note_en", &mut relation.note.en),
                ],
                &file,
                &mut changed,
            )?;
            row.dates(
                vec![
                    ("since", &mut relation.since),
                    ("until", &mut relation.until),
                ],
                &file,
                &mut changed,
            )?;
            self.count(is_new, changed);
        }
        Ok(())
    }
}
