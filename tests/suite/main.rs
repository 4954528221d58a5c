//! The integration tests, one binary: each module was a test binary of its own, and linking 27
//! copies of the whole stack (eframe, wgpu, krilla…) with debug info filled CI's disk.

#[path = "../common/mod.rs"]
mod common;

/// The synthetic town generator of `examples/synth.rs`.
#[path = "../../examples/synth.rs"]
#[allow(dead_code)]
mod synth;

mod app;
mod briefing;
mod cache;
mod cli;
mod commands;
mod editing;
mod file_chooser;
mod foreign_import;
mod graph_files;
mod layers;
mod layout;
mod loader_robustness;
mod metrics;
mod model_file;
mod network;
mod places;
mod presentation;
mod properties;
mod provenance;
mod recovery;
mod saving;
mod search;
mod time;
mod town_layout;
mod untrusted;
mod validation;
mod workbook;
