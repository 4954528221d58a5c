//! The context layer: what every panel may read and what it may ask.
//!
//! The rule of the floors: `ui` imports `context`, `document`, `i18n` and `model` — never `app`
//! (`tests/suite/layers.rs` fails if a file under `src/ui` names it). The app builds a [`View`] each
//! frame and applies the [`Command`]s the panels push, once, after the frame's UI; the panels
//! never reach up into it.

pub mod commands;
pub mod headline;
pub mod search;

pub use commands::{
    AppCommand, Command, CommandGroup, UnsavedAnswer, Work, WorkShown, shortcut_text,
};

use eframe::egui;

use crate::document::Document;
use crate::i18n::{Lang, Strings, strings};
use crate::model::{Cite, Entity, Metrics, Model};

/// What differs between the open model and another file (read as the older version).
#[derive(Clone, Debug)]
pub struct Comparison {
    pub file: String,
    pub changes: Vec<crate::model::diff::Change>,
}

/// A spreadsheet read and waiting for the user: merged into the open model, what would change;
/// or taken as a model of its own.
#[derive(Clone, Debug)]
pub struct ImportPreview {
    /// The workbook's name, for the window and the undo label.
    pub file: String,
    /// Where it is, to read it again (in another encoding).
    pub path: std::path::PathBuf,
    /// The open model with the workbook's rows applied, and what differs from it.
    pub merged: Model,
    pub changes: Vec<crate::model::diff::Change>,
    /// The model the workbook makes alone (its own copy of a model, or its rows).
    pub alone: Model,
    /// The document's revision the merge was made against: stale after any other edit.
    pub built_on: u64,
    /// For another program's file (Kumu, Gephi, a graph file): which columns became which
    /// fields, what was not imported, what was guessed.
    pub notes: Vec<crate::io::foreign::ImportNote>,
    /// For a CSV file: the text encoding it was read in (the preview offers the others).
    pub encoding: Option<crate::io::import::TextEncoding>,
    /// The file's types that name no kind of the schema's, and the kinds the user chose for
    /// them (the others are read as enterprise, or the vaguest relation the ends allow).
    pub unknown_types: Vec<String>,
    pub unknown_relation_types: Vec<String>,
    pub choices: crate::io::foreign::TypeChoices,
    /// The names of the first entities it adds, as read: where the encoding was wrong, they
    /// show it.
    pub sample_names: Vec<String>,
}

/// The interface's colours as the user chose them (View menu, remembered).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            Self::System => egui::ThemePreference::System,
            Self::Light => egui::ThemePreference::Light,
            Self::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// What every panel may read: the document and the language, never a way to change them.
pub struct View<'a> {
    pub doc: &'a Document,
    pub lang: Lang,
    pub selected: Option<usize>,
    pub can_go_back: bool,
    pub can_go_forward: bool,
    /// Graph metrics, once computed.
    pub metrics: Option<&'a Metrics>,
    /// How far the metrics are, while they are being computed.
    pub metrics_progress: Option<f32>,
    /// Entities a listed comparison says changed (indices), marked in the network.
    pub compared: &'a [usize],
    /// The year control: the ecosystem as of this year, or every year at once.
    pub year: Option<i32>,
    /// Presentation mode: views show no controls, only what the slide is about.
    pub presenting: bool,
    pub theme: ThemeChoice,
    /// Finding entities by name, pinyin or initials (the keys kept across frames).
    pub search: &'a search::EntitySearch,
    /// The network's lines and nodes go through the GPU when their mesh has at least this many
    /// vertices; `None` where there is no GPU path (no wgpu device).
    pub gpu_network: Option<usize>,
}

impl<'a> View<'a> {
    /// The context of a frame: the document, the language, the entity selected (by id), the
    /// year shown and the theme; the rest is filled in by the app when it has it.
    pub fn new(
        doc: &'a Document,
        lang: Lang,
        selected: Option<&str>,
        year: Option<i32>,
        theme: ThemeChoice,
        search: &'a search::EntitySearch,
    ) -> Self {
        let selected = selected.and_then(|id| doc.index().get(id));
        Self {
            doc,
            lang,
            selected,
            can_go_back: false,
            can_go_forward: false,
            metrics: None,
            metrics_progress: None,
            compared: &[],
            year,
            presenting: false,
            theme,
            search,
            gpu_network: None,
        }
    }

    /// Asks for `edit`, built from what this frame shows: applied to a document that has
    /// changed since, it is refused rather than misapplied.
    pub fn edit(&self, edit: crate::edit::Edit) -> Command {
        Command::Edit(edit.built_on(self.doc.revision()))
    }

    /// The relations of entity `index`, each with its place (and which way it goes from here)
    /// and the entity at its other end.
    pub fn relations_of(
        &self,
        index: usize,
    ) -> impl Iterator<
        Item = (
            &'a crate::model::RelationEnd,
            &'a crate::model::Relation,
            &'a Entity,
        ),
    > + 'a {
        let model = self.doc.model();
        self.doc
            .index()
            .relations_of(index)
            .iter()
            .filter_map(move |end| {
                let relation = model.relations.get(end.relation)?;
                let other = model.entities.get(end.other)?;
                Some((end, relation, other))
            })
    }

    /// The entities `query` finds, best first; see [`search::EntitySearch::find`].
    pub fn search(&self, query: &str) -> Vec<usize> {
        self.search.find(self.doc, query)
    }

    pub fn model(&self) -> &'a Model {
        self.doc.model()
    }

    pub fn s(&self) -> &'static Strings {
        strings(self.lang)
    }

    pub fn zh(&self) -> bool {
        self.lang.is_chinese()
    }

    /// An entity's name in the current language (falling back to the other, then the id).
    pub fn name(&self, entity: &'a Entity) -> &'a str {
        let name = entity.name.get(self.lang);
        if name.is_empty() { &entity.id } else { name }
    }

    pub fn name_of_id(&self, id: &'a str) -> &'a str {
        self.doc
            .index()
            .get(id)
            .map_or(id, |i| self.name(&self.doc.model().entities[i]))
    }

    /// The source a citation names, if the model has it.
    fn source_of(&self, cite: &Cite) -> Option<&'a crate::model::Source> {
        self.doc
            .model()
            .sources
            .iter()
            .find(|s| s.id == cite.source)
    }

    /// `Title (publisher, date) §section` for a citation.
    pub fn cite_text(&self, cite: &Cite) -> String {
        let Some(source) = self.source_of(cite) else {
            return format!("{} (?)", cite.source);
        };
        let mut text = source.display_name().to_owned();
        let mut extra = Vec::new();
        if !source.publisher.is_empty() && !text.contains(source.publisher.as_str()) {
            extra.push(source.publisher.clone());
        }
        if let Some(date) = source.date {
            extra.push(crate::i18n::date(date, self.lang));
        }
        if !extra.is_empty() {
            text.push_str(&format!(" ({})", extra.join(", ")));
        }
        if !cite.at.is_empty() {
            text.push_str(&format!(" § {}", cite.at));
        }
        text
    }

    /// A short label for a citation: the publisher (or title) and section.
    pub fn cite_short(&self, cite: &Cite) -> String {
        let Some(source) = self.source_of(cite) else {
            return cite.source.clone();
        };
        let who = [&source.publisher, &source.title, &source.locator]
            .into_iter()
            .find(|t| !t.trim().is_empty())
            .unwrap_or(&source.id);
        if cite.at.is_empty() {
            who.clone()
        } else {
            format!("{who} § {}", cite.at)
        }
    }
}
