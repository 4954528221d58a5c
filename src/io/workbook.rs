//! The model as a spreadsheet for Excel and WPS (`.xlsx`) or as one table in CSV: each sheet a
//! table an editor can read and sort — both languages side by side, numbers as numbers with
//! their unit in a column of its own and the figure as the app shows it beside them, dates at
//! the precision the source gives, every row with the sources it cites — and a last sheet,
//! `Townscope`, that holds the whole model in Townscope's own text, so a workbook read back
//! into Townscope loses nothing the columns cannot say.

use std::path::Path;

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::i18n::{Lang, format_figure};
use crate::model::{Cite, Date, Model, Text};

use super::save::{Backup, SaveError, write_atomically};

/// The name of the sheet that holds the model in Townscope's own text.
pub const MODEL_SHEET: &str = "Townscope";
/// A cell holds at most 32,767 characters in Excel; the model's text is cut into pieces well
/// under that, one a row.
const PIECE: usize = 30_000;
/// Between several values in one cell (as Kumu writes them).
pub const SEPARATOR: &str = " | ";

/// The tables one CSV file can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    Entities,
    Relations,
    Indicators,
}

impl Table {
    pub fn name(self) -> &'static str {
        match self {
            Self::Entities => "entities",
            Self::Relations => "relations",
            Self::Indicators => "indicators",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "entities" => Some(Self::Entities),
            "relations" => Some(Self::Relations),
            "indicators" => Some(Self::Indicators),
            _ => None,
        }
    }
}

/// One cell of a table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        if text.is_empty() {
            Self::Empty
        } else {
            Self::Text(text)
        }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        text.to_owned().into()
    }
}

/// A table: its sheet's name, the column names, and the rows.
pub struct Sheet {
    pub name: &'static str,
    pub columns: &'static [&'static str],
    pub rows: Vec<Vec<Cell>>,
}

fn date(date: Option<Date>) -> Cell {
    date.map_or(Cell::Empty, |d| Cell::Text(d.to_string()))
}

fn cites(sources: &[Cite]) -> Cell {
    sources
        .iter()
        .map(|c| {
            if c.at.is_empty() {
                c.source.clone()
            } else {
                format!("{} § {}", c.source, c.at)
            }
        })
        .collect::<Vec<_>>()
        .join(SEPARATOR)
        .into()
}

fn zh(text: &Text) -> Cell {
    text.zh.as_str().into()
}

fn en(text: &Text) -> Cell {
    text.en.as_str().into()
}

/// The name of a variant as Townscope's own text writes it (`Enterprise`, `MemberOf`).
fn variant(value: &impl std::fmt::Debug) -> Cell {
    Cell::Text(format!("{value:?}"))
}

fn yes(flag: bool) -> Cell {
    if flag { "yes".into() } else { Cell::Empty }
}

fn disputed(dispute: Option<&crate::model::Dispute>) -> Cell {
    dispute.map_or(Cell::Empty, |d| {
        let note = if d.note.zh.is_empty() {
            &d.note.en
        } else {
            &d.note.zh
        };
        Cell::Text(note.clone())
    })
}

/// Every table of the model, in the order the workbook has them.
pub fn sheets(model: &Model) -> Vec<Sheet> {
    vec![
        entities(model),
        relations(model),
        figures(model),
        indicators(model),
        milestones(model),
        sources(model),
        sectors(model),
    ]
}

fn entities(model: &Model) -> Sheet {
    let rows = model
        .entities
        .iter()
        .map(|e| {
            vec![
                e.id.as_str().into(),
                variant(&e.kind),
                zh(&e.name),
                en(&e.name),
                e.subkind.as_str().into(),
                e.sectors.join(SEPARATOR).into(),
                date(e.founded),
                date(e.joined),
                yes(e.founded_here),
                date(e.ended),
                e.location.clone().unwrap_or_default().into(),
                e.website.as_str().into(),
                zh(&e.description),
                en(&e.description),
                cites(&e.sources),
                disputed(e.disputed.as_deref()),
            ]
        })
        .collect();
    Sheet {
        name: "Entities",
        columns: &[
            "id",
            "kind",
            "name_zh",
            "name_en",
            "subkind",
            "sectors",
            "founded",
            "joined",
            "founded_here",
            "ended",
            "location",
            "website",
            "description_zh",
            "description_en",
            "sources",
            "disputed",
        ],
        rows,
    }
}

fn relations(model: &Model) -> Sheet {
    // Looked up once per end: a search through the entities for each would be 10^5 × 10^5.
    let by_id: std::collections::HashMap<&str, &crate::model::Entity> =
        model.entities.iter().map(|e| (e.id.as_str(), e)).collect();
    let name = |id: &str, lang: Lang| -> Cell {
        by_id
            .get(id)
            .map_or(Cell::Empty, |e| e.name.get(lang).into())
    };
    let rows = model
        .relations
        .iter()
        .map(|r| {
            vec![
                r.from.as_str().into(),
                variant(&r.kind),
                r.to.as_str().into(),
                name(&r.from, Lang::Zh),
                name(&r.to, Lang::Zh),
                name(&r.from, Lang::En),
                name(&r.to, Lang::En),
                date(r.since),
                date(r.until),
                zh(&r.note),
                en(&r.note),
                cites(&r.sources),
                disputed(r.disputed.as_deref()),
            ]
        })
        .collect();
    Sheet {
        name: "Relations",
        columns: &[
            "from", "kind", "to", "from_zh", "to_zh", "from_en", "to_en", "since", "until",
            "note_zh", "note_en", "sources", "disputed",
        ],
        rows,
    }
}

fn figures(model: &Model) -> Sheet {
    let rows = model
        .entities
        .iter()
        .flat_map(|e| e.figures.iter().map(move |f| (e, f)))
        .map(|(e, f)| {
            vec![
                e.id.as_str().into(),
                e.name.get(Lang::Zh).into(),
                variant(&f.measure),
                Cell::Number(f.value),
                variant(&f.unit),
                variant(&f.qualifier),
                format_figure(f.value, f.unit, f.qualifier, Lang::Zh).into(),
                format_figure(f.value, f.unit, f.qualifier, Lang::En).into(),
                date(f.date),
                zh(&f.note),
                en(&f.note),
                cites(&f.sources),
                disputed(f.disputed.as_deref()),
            ]
        })
        .collect();
    Sheet {
        name: "Figures",
        columns: &[
            "entity",
            "entity_zh",
            "measure",
            "value",
            "unit",
            "qualifier",
            "shown_zh",
            "shown_en",
            "date",
            "note_zh",
            "note_en",
            "sources",
            "disputed",
        ],
        rows,
    }
}

fn indicators(model: &Model) -> Sheet {
    let rows = model
        .indicators
        .iter()
        .flat_map(|i| i.points.iter().map(move |p| (i, p)))
        .map(|(i, p)| {
            vec![
                i.id.as_str().into(),
                zh(&i.name),
                en(&i.name),
                i.scope.as_str().into(),
                Cell::Text(p.date.to_string()),
                Cell::Number(p.value),
                variant(&i.unit),
                variant(&p.qualifier),
                format_figure(p.value, i.unit, p.qualifier, Lang::Zh).into(),
                format_figure(p.value, i.unit, p.qualifier, Lang::En).into(),
                zh(&p.note),
                en(&p.note),
                cites(&p.sources),
                disputed(p.disputed.as_deref()),
            ]
        })
        .collect();
    Sheet {
        name: "Indicators",
        columns: &[
            "indicator",
            "name_zh",
            "name_en",
            "scope",
            "date",
            "value",
            "unit",
            "qualifier",
            "shown_zh",
            "shown_en",
            "note_zh",
            "note_en",
            "sources",
            "disputed",
        ],
        rows,
    }
}

fn milestones(model: &Model) -> Sheet {
    let rows = model
        .milestones
        .iter()
        .map(|m| {
            vec![
                Cell::Text(m.date.to_string()),
                zh(&m.title),
                en(&m.title),
                zh(&m.description),
                en(&m.description),
                m.entities.join(SEPARATOR).into(),
                cites(&m.sources),
                disputed(m.disputed.as_deref()),
            ]
        })
        .collect();
    Sheet {
        name: "Milestones",
        columns: &[
            "date",
            "title_zh",
            "title_en",
            "description_zh",
            "description_en",
            "entities",
            "sources",
            "disputed",
        ],
        rows,
    }
}

fn sources(model: &Model) -> Sheet {
    let rows = model
        .sources
        .iter()
        .map(|s| {
            vec![
                s.id.as_str().into(),
                s.title.as_str().into(),
                s.publisher.as_str().into(),
                date(s.date),
                s.locator.as_str().into(),
                s.note.as_str().into(),
            ]
        })
        .collect();
    Sheet {
        name: "Sources",
        columns: &["id", "title", "publisher", "date", "locator", "note"],
        rows,
    }
}

fn sectors(model: &Model) -> Sheet {
    let rows = model
        .sectors
        .iter()
        .map(|s| vec![s.id.as_str().into(), zh(&s.name), en(&s.name)])
        .collect();
    Sheet {
        name: "Sectors",
        columns: &["id", "name_zh", "name_en"],
        rows,
    }
}

/// Why an export failed; the file on disk is as it was.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot make the workbook: {0}")]
    Workbook(#[from] XlsxError),
    #[error("cannot write the model as text: {0}")]
    Serialize(String),
    #[error(transparent)]
    Save(#[from] SaveError),
}

/// The workbook's bytes: every table, then the model in Townscope's own text.
pub fn xlsx_bytes(model: &Model) -> Result<Vec<u8>, ExportError> {
    let mut workbook = Workbook::new();
    let header = Format::new().set_bold();
    let wrapped = Format::new().set_text_wrap();
    for sheet in sheets(model) {
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(sheet.name)?;
        write_sheet(worksheet, &sheet, &header, &wrapped)?;
    }
    let text =
        super::to_canonical_string(model).map_err(|e| ExportError::Serialize(e.to_string()))?;
    let worksheet = workbook.add_worksheet();
    worksheet.set_name(MODEL_SHEET)?;
    worksheet.write_string_with_format(0, 0, "townscope model (RON), in pieces", &header)?;
    for (row, piece) in pieces(&text, PIECE).enumerate() {
        worksheet.write_string(row as u32 + 1, 0, piece)?;
    }
    Ok(workbook.save_to_buffer()?)
}

fn write_sheet(
    worksheet: &mut Worksheet,
    sheet: &Sheet,
    header: &Format,
    wrapped: &Format,
) -> Result<(), XlsxError> {
    for (column, name) in sheet.columns.iter().enumerate() {
        worksheet.write_string_with_format(0, column as u16, *name, header)?;
        let width = if name.starts_with("description") || name.starts_with("note") {
            48.0
        } else if name.starts_with("name") || name.starts_with("title") {
            28.0
        } else {
            14.0
        };
        worksheet.set_column_width(column as u16, width)?;
        if width > 40.0 {
            worksheet.set_column_format(column as u16, wrapped)?;
        }
    }
    worksheet.set_freeze_panes(1, 0)?;
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            match cell {
                Cell::Text(text) => {
                    worksheet.write_string(r, c as u16, text)?;
                }
                Cell::Number(value) => {
                    worksheet.write_number(r, c as u16, *value)?;
                }
                Cell::Empty => {}
            }
        }
    }
    if !sheet.rows.is_empty() {
        worksheet.autofilter(
            0,
            0,
            sheet.rows.len() as u32,
            sheet.columns.len() as u16 - 1,
        )?;
    }
    Ok(())
}

/// `text` cut into pieces of at most `size` bytes, each on a character's boundary.
fn pieces(text: &str, size: usize) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut end = rest.len().min(size);
        while !rest.is_char_boundary(end) {
            end -= 1;
        }
        let (piece, after) = rest.split_at(end);
        rest = after;
        Some(piece)
    })
}

/// Writes the workbook to `path` atomically (the file it replaces keeps who may read it).
pub fn write_xlsx(path: &Path, model: &Model) -> Result<(), ExportError> {
    let bytes = xlsx_bytes(model)?;
    write_atomically(path, &bytes, Backup::None)?;
    Ok(())
}

/// One table as CSV in UTF-8 with a byte-order mark, so Excel on a Chinese Windows opens it
/// as UTF-8 rather than in the local code page.
pub fn csv_bytes(model: &Model, table: Table) -> Vec<u8> {
    let sheet = match table {
        Table::Entities => entities(model),
        Table::Relations => relations(model),
        Table::Indicators => indicators(model),
    };
    let mut out = String::from("\u{feff}");
    let line = |cells: Vec<String>| cells.join(",") + "\r\n";
    out.push_str(&line(
        sheet
            .columns
            .iter()
            .map(|c| csv_field(c).into_owned())
            .collect(),
    ));
    for row in &sheet.rows {
        out.push_str(&line(
            row.iter()
                .map(|cell| match cell {
                    Cell::Text(text) => csv_field(text).into_owned(),
                    Cell::Number(value) => value.to_string(),
                    Cell::Empty => String::new(),
                })
                .collect(),
        ));
    }
    out.into_bytes()
}

/// A CSV field, quoted where it holds a comma, a quote or a line break (RFC 4180).
pub fn csv_field(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\"")).into()
    } else {
        text.into()
    }
}

/// Writes one table as CSV to `path` atomically.
pub fn write_csv(path: &Path, model: &Model, table: Table) -> Result<(), ExportError> {
    write_atomically(path, &csv_bytes(model, table), Backup::None)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cut_on_character_boundaries_and_join_to_the_text() {
        let text = "云栖小镇 Yunqi ".repeat(50);
        let cut: Vec<&str> = pieces(&text, 7).collect();
        assert!(cut.iter().all(|p| p.len() <= 7 && !p.is_empty()));
        assert_eq!(cut.concat(), text);
    }

    #[test]
    fn csv_fields_are_quoted_only_where_they_must_be() {
        assert_eq!(csv_field("阿里云"), "阿里云");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
