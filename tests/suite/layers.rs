//! The floors of the code hold: each layer names only the layers below it. From the top:
//! `app` (the window, files, commands, off-screen pictures) → `ui` (one module per part of the
//! screen) → `context` (what a panel may read and ask) → `document` → `edit` → `model`, with
//! `i18n`, `io` and `layout` beside them. The model, its files, its layout and its words know
//! nothing of egui.

use std::path::{Path, PathBuf};

fn rust_files(path: &Path, found: &mut Vec<PathBuf>) {
    if path.is_file() {
        found.push(path.to_path_buf());
        return;
    }
    for entry in std::fs::read_dir(path).expect("lists").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// Every line of code (not comment) under `part` of src/ that names one of `forbidden`.
fn offenders(part: &str, forbidden: &[&str]) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(part),
        &mut files,
    );
    assert!(!files.is_empty(), "src/{part} is where it was");
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("reads");
        for (number, line) in text.lines().enumerate() {
            let code = line.trim_start();
            // Comments may say what the rule is; code may not break it.
            if code.starts_with("//") {
                continue;
            }
            for name in forbidden {
                if code.contains(name) {
                    found.push(format!("{}:{}: {code}", file.display(), number + 1));
                }
            }
        }
    }
    found
}

fn assert_floor(part: &str, forbidden: &[&str]) {
    let found = offenders(part, forbidden);
    assert!(
        found.is_empty(),
        "src/{part} reaches where it may not ({forbidden:?}):\n{}",
        found.join("\n")
    );
}

#[test]
fn no_panel_names_the_app() {
    assert_floor("ui", &["crate::app", "super::super::app"]);
}

#[test]
fn the_context_names_neither_the_app_nor_the_panels() {
    assert_floor("context", &["crate::app", "crate::ui"]);
}

#[test]
fn the_document_and_its_edits_know_nothing_of_the_screen() {
    let screen = [
        "crate::app",
        "crate::ui",
        "crate::context",
        "egui",
        "eframe",
    ];
    assert_floor("document.rs", &screen);
    assert_floor("edit.rs", &screen);
}

#[test]
fn the_model_names_no_layer_above_it_and_no_egui() {
    assert_floor(
        "model",
        &[
            "crate::app",
            "crate::ui",
            "crate::context",
            "crate::document",
            "crate::edit",
            "crate::i18n",
            "crate::io",
            "crate::layout",
            "egui",
            "eframe",
        ],
    );
}

#[test]
fn words_files_and_layouts_know_nothing_of_the_screen() {
    let above = [
        "crate::app",
        "crate::ui",
        "crate::context",
        "egui",
        "eframe",
    ];
    assert_floor("i18n", &above);
    assert_floor("io", &above);
    assert_floor("layout", &above);
}

#[test]
fn the_briefing_knows_nothing_of_the_screen() {
    assert_floor("briefing", &["crate::app", "crate::ui", "egui", "eframe"]);
}
