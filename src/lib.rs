//! Townscope: explore the industry ecosystem of a characteristic town.
//!
//! `model` is the document and knows nothing of egui; `io` reads and writes it; `app` and `ui`
//! are the desktop program; `cli` the headless commands.

pub mod app;
pub mod cli;
pub mod document;
pub mod edit;
pub mod export;
pub mod i18n;
pub mod io;
pub mod layout;
pub mod model;
pub mod ui;
