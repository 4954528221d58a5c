//! Townscope: explore the industry ecosystem of a characteristic town.
//!
//! `model` is the document and knows nothing of egui; `io` reads and writes it; `context` is what
//! the panels may read and ask; `ui` the panels (below the app, never naming it); `app` the
//! desktop program that owns the document and applies the panels' commands; `cli` the headless
//! commands.

pub mod app;
pub mod briefing;
pub mod cli;
pub mod context;
pub mod document;
pub mod edit;
pub mod i18n;
pub mod io;
pub mod layout;
pub mod model;
pub mod ui;
