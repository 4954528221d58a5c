//! One module per part of the screen. Each reads a [`View`] and pushes the [`Command`]s it wants.
//!
//! [`Command`]: crate::app::Command

pub mod browser;
pub mod charts;
pub mod details;
pub mod dialogs;
pub mod entity_editor;
pub mod forms;
pub mod indicator_editor;
pub mod menu;
pub mod milestones;
pub mod model_editor;
pub mod network;
pub mod overview;
pub mod palette;
pub mod present;
pub mod provenance;
pub mod shortcuts;
pub mod status;
pub mod story;
pub mod table;
pub mod timebar;
pub mod timeline;

use eframe::egui;

use crate::app::UiState;
use crate::document::Document;
use crate::i18n::{Lang, Strings, strings};
use crate::model::{Cite, Entity, Metrics, Model};

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
    pub theme: crate::app::theme::ThemeChoice,
}

impl<'a> View<'a> {
    pub fn new(doc: &'a Document, state: &UiState) -> Self {
        let selected = state.selected.as_deref().and_then(|id| doc.index.get(id));
        Self {
            doc,
            lang: state.lang,
            selected,
            can_go_back: false,
            can_go_forward: false,
            metrics: None,
            metrics_progress: None,
            compared: &[],
            year: state.year,
            presenting: false,
            theme: state.theme,
        }
    }

    pub fn model(&self) -> &'a Model {
        &self.doc.model
    }

    pub fn s(&self) -> &'static Strings {
        strings(self.lang)
    }

    pub fn zh(&self) -> bool {
        self.lang.is_chinese()
    }

    /// An entity's name in the current language (falling back to the other, then the id).
    pub fn name(&self, entity: &'a Entity) -> &'a str {
        let name = entity.name.get(self.zh());
        if name.is_empty() { &entity.id } else { name }
    }

    pub fn name_of_id(&self, id: &'a str) -> &'a str {
        self.doc
            .index
            .get(id)
            .map_or(id, |i| self.name(&self.doc.model.entities[i]))
    }

    /// `Title (publisher, date) §section` for a citation.
    pub fn cite_text(&self, cite: &Cite) -> String {
        let Some(source) = self.doc.model.sources.iter().find(|s| s.id == cite.source) else {
            return format!("{} (?)", cite.source);
        };
        // Named by its title; without one, by its address, or else by its publisher.
        let address = (!source.locator.trim().is_empty() && !source.locator.contains(' '))
            .then_some(&source.locator);
        let mut text = if !source.title.trim().is_empty() {
            source.title.clone()
        } else if let Some(address) = address {
            address.clone()
        } else if !source.publisher.trim().is_empty() {
            source.publisher.clone()
        } else {
            source.locator.clone()
        };
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
        let Some(source) = self.doc.model.sources.iter().find(|s| s.id == cite.source) else {
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

/// The mark of an entity kind: its colour and outline, as in the network.
pub fn kind_swatch(ui: &mut egui::Ui, kind: crate::model::EntityKind) {
    use crate::app::theme::{kind_colour, kind_shape};
    let size = egui::vec2(12.0, 12.0);
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    let mut mesh = egui::Mesh::default();
    network::add_node(
        &mut mesh,
        rect.center(),
        5.0,
        kind_shape(kind),
        kind_colour(kind),
        true,
    );
    ui.painter().add(egui::Shape::mesh(mesh));
}

/// A tool window (story, indicators, model): first placed over the centre of the window, below
/// the menu bar and right of the entity list, where it hides neither; moved where the user puts
/// it after that.
pub fn tool_window(title: &str) -> egui::Window<'_> {
    egui::Window::new(title).default_pos(egui::pos2(260.0, 72.0))
}
