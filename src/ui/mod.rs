//! One module per part of the screen. Each reads a [`View`] (the context, `crate::context`) and
//! pushes the [`Command`]s it wants; none may name `crate::app` (a test checks it).
//!
//! The model the panels draw is the user's file: an index into it is read with `get`, so no
//! file can make a panel panic (clippy holds every file here to that).
//!
//! [`Command`]: crate::context::Command

#![deny(clippy::indexing_slicing)]

pub mod browser;
pub mod charts;
pub mod details;
pub mod dialogs;
pub mod entity_editor;
pub mod file_chooser;
pub mod fonts;
pub mod forms;
pub mod import_preview;
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
pub mod style;
pub mod table;
pub mod timebar;
pub mod timeline;

use eframe::egui;

pub use crate::context::View;

/// The mark of an entity kind: its colour and outline, as in the network.
pub fn kind_swatch(ui: &mut egui::Ui, kind: crate::model::EntityKind) {
    use style::{kind_colour, kind_shape};
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
