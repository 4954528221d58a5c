//! Data in and out: a spreadsheet read on a worker thread and previewed, then merged into the
//! open model as one edit or opened as a model of its own; the model written as a workbook or
//! one table as CSV.

use super::*;
use crate::io::workbook::{self, Table};

impl TownscopeApp {
    /// Reads `path` off the UI thread: into the open model (for a merge) and alone.
    pub(super) fn start_import(&mut self, path: PathBuf) {
        self.start_import_as(path, None, io::foreign::TypeChoices::default());
    }

    /// The previewed CSV file read again in `encoding` (its text looked wrong).
    pub(super) fn import_again_as(&mut self, encoding: io::import::TextEncoding) {
        if let Some(preview) = self.runtime.import_preview.take() {
            self.start_import_as(preview.path, Some(encoding), preview.choices);
        }
    }

    /// The previewed file read again with the kinds the user chose for its unknown types.
    pub(super) fn import_again_with(&mut self, choices: io::foreign::TypeChoices) {
        if let Some(preview) = self.runtime.import_preview.take() {
            self.start_import_as(preview.path, preview.encoding, choices);
        }
    }

    fn start_import_as(
        &mut self,
        path: PathBuf,
        encoding: Option<io::import::TextEncoding>,
        choices: io::foreign::TypeChoices,
    ) {
        let current = self.doc.model().clone();
        let built_on = self.doc.revision();
        self.runtime.importing = Some(Task::spawn(&self.runtime.ctx, move || {
            // Read once; applied to the open model and on its own.
            let loaded = io::import::load_as(&path, encoding)?;
            let merged = loaded.apply_with(Some(&current), &choices)?;
            let alone = loaded.apply_with(None, &choices)?;
            Ok(crate::context::ImportPreview {
                file: path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into(),
                ),
                changes: crate::model::diff::diff(&current, &merged.model),
                notes: merged.notes,
                encoding: loaded.encoding(),
                unknown_types: merged.unknown_types.clone(),
                unknown_relation_types: merged.unknown_relation_types.clone(),
                choices,
                sample_names: {
                    let before: std::collections::HashSet<&str> =
                        current.entities.iter().map(|e| e.id.as_str()).collect();
                    merged
                        .model
                        .entities
                        .iter()
                        .filter(|e| !before.contains(e.id.as_str()))
                        .map(|e| {
                            if e.name.zh.is_empty() {
                                e.name.en.clone()
                            } else {
                                e.name.zh.clone()
                            }
                        })
                        .filter(|n| !n.is_empty())
                        .take(6)
                        .collect()
                },
                path: path.clone(),
                merged: merged.model,
                alone: alone.model,
                built_on,
            })
        }));
    }

    /// The spreadsheet read (then shown), or why it was not.
    pub(super) fn poll_import(&mut self) {
        match Task::finished(&mut self.runtime.importing) {
            None => {}
            Some(Some(Ok(preview))) => self.runtime.import_preview = Some(preview),
            Some(Some(Err(error))) => {
                self.runtime.trouble = Some(Trouble::Import(error.to_string()))
            }
            Some(None) => self.runtime.trouble = Some(Trouble::Import("the import stopped".into())),
        }
    }

    /// The previewed spreadsheet, if one waits for the user.
    pub fn import_preview(&self) -> Option<&crate::context::ImportPreview> {
        self.runtime.import_preview.as_ref()
    }

    /// Whether a spreadsheet is being read.
    pub fn is_importing(&self) -> bool {
        self.runtime.importing.is_some()
    }

    /// Merge: the whole import one edit ("Undo import members.xlsx"), refused if the model
    /// changed since the preview was made.
    pub(super) fn merge_import(&mut self) {
        let Some(preview) = self.runtime.import_preview.take() else {
            return;
        };
        let label = match self.state.lang {
            Lang::Zh => format!("导入 {}", preview.file),
            Lang::En => format!("import {}", preview.file),
        };
        let mut edit = crate::edit::merge(label, self.doc.model(), &preview.merged);
        edit.built_on = Some(preview.built_on);
        self.edit(edit);
    }

    /// The spreadsheet as a model of its own (the open one's unsaved changes asked about
    /// first); it is saved nowhere until Save As.
    pub(super) fn open_import(&mut self, ctx: &egui::Context) {
        if self.runtime.import_preview.is_some() {
            self.guarded(ctx, Pending::OpenImport);
        }
    }

    pub(super) fn open_imported_model(&mut self) {
        if let Some(preview) = self.runtime.import_preview.take() {
            self.replace_document(Document::new(preview.alone, Origin::New));
        }
    }

    /// Writes the open model (unsaved edits included) to `path` on a worker thread: every table
    /// as a workbook, or `table` as CSV.
    pub(super) fn export_table_to(&mut self, path: PathBuf, table: Option<Table>) {
        let model = self.doc.model().clone();
        self.start_export(path, move |path| match table {
            None => workbook::write_xlsx(path, &model).map_err(|e| e.to_string()),
            Some(table) => workbook::write_csv(path, &model, table).map_err(|e| e.to_string()),
        });
    }

    /// Writes the network as GEXF or GraphML (by the extension) on a worker thread, with the
    /// positions the view has laid it out at, else the force layout's (run there).
    pub(super) fn export_graph_to(&mut self, path: PathBuf) {
        self.export_drawn(path, |path, doc, drawing| {
            io::graph_files::write_graph_file(path, doc.model(), drawing).map_err(|e| e.to_string())
        });
    }

    /// The briefing in the language shown, the network as the view laid it out.
    pub(super) fn export_briefing_to(&mut self, path: PathBuf) {
        let lang = self.state.lang;
        self.export_drawn(path, move |path, doc, drawing| {
            crate::briefing::write_pdf(path, doc, drawing, lang, crate::briefing::today())
                .map_err(|e| e.to_string())
        });
    }

    /// Writes a file of the network on the worker: the open model (unsaved edits included),
    /// drawn where the view laid it out (or laid out there, if the view has not).
    fn export_drawn(
        &mut self,
        path: PathBuf,
        write: impl FnOnce(&Path, &Document, &io::graph_files::Drawing) -> Result<(), String>
        + Send
        + 'static,
    ) {
        let positions = self
            .runtime
            .layout
            .as_ref()
            .and_then(jobs::LayoutJob::positions)
            .cloned();
        let model = self.doc.model().clone();
        self.start_export(path, move |path| {
            let doc = Document::new(model, Origin::New);
            let drawing = headless::drawing(&doc, positions.as_deref().map(Vec::as_slice));
            write(path, &doc, &drawing)
        });
    }

    /// The story as a PowerPoint deck in the language shown, unsaved edits included (each
    /// slide rendered off screen, on the worker).
    pub(super) fn export_deck_to(&mut self, path: PathBuf) {
        let model = self.doc.model().clone();
        let origin = self.doc.origin().clone();
        let lang = self.state.lang;
        self.start_export(path, move |path| {
            headless::write_deck(model, origin, path, lang)
                .map(|_| ())
                .map_err(|e| e.message(lang))
        });
    }

    fn start_export(
        &mut self,
        path: PathBuf,
        write: impl FnOnce(&Path) -> Result<(), String> + Send + 'static,
    ) {
        self.runtime.exporting_file = Some(Task::spawn(&self.runtime.ctx, move || {
            let written = write(&path);
            (path, written)
        }));
    }

    /// Whether a workbook, table or graph file is being written.
    pub fn is_exporting_file(&self) -> bool {
        self.runtime.exporting_file.is_some()
    }

    pub(super) fn poll_export_file(&mut self) {
        match Task::finished(&mut self.runtime.exporting_file) {
            None => {}
            Some(Some((path, Ok(())))) => self.runtime.notice = Some(Notice::Exported(path)),
            Some(Some((path, Err(error)))) => {
                self.runtime.trouble =
                    Some(Trouble::WriteFailed(format!("{}: {error}", path.display())));
            }
            Some(None) => {
                self.runtime.trouble = Some(Trouble::WriteFailed("the export stopped".into()));
            }
        }
    }
}
