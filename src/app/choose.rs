//! Asking the user for a file: the native dialog on its own thread where there is one, else
//! Townscope's own chooser (a native dialog that answers "nothing" within a moment was never
//! shown: rfd on a Linux desktop with no portal and no zenity). Whichever answers, the answer
//! goes to one place that does what the file was asked for.

use std::time::{Duration, Instant};

use super::*;
use crate::ui::file_chooser::{Answer, Purpose};

/// A native dialog that answers sooner than this was not shown: nobody cancels that fast.
const NOT_SHOWN_WITHIN: Duration = Duration::from_millis(400);

/// What a native dialog answered.
pub(super) enum NativeAnswer {
    Chosen(PathBuf),
    Cancelled,
    /// It could not be shown.
    Missing,
}

impl TownscopeApp {
    /// Asks for a file (or a folder) for `purpose`; what was asked is done when it is chosen.
    pub(super) fn choose_file(&mut self, purpose: Purpose) {
        if self.runtime.choosing.is_some() || self.runtime.file_chooser.is_open() {
            return;
        }
        let folder = self.state.last_folder.clone();
        let name = self.suggested_file_name(purpose);
        if self.runtime.native_dialogs_missing {
            let lang = self.state.lang;
            self.runtime
                .file_chooser
                .open(purpose, folder.as_deref(), name.as_deref(), lang);
            return;
        }
        // The native dialog blocks its thread until the user answers, so it gets its own.
        let task = Task::spawn(&self.runtime.ctx, move || {
            let started = Instant::now();
            match native_dialog(purpose, folder, name) {
                Some(path) => NativeAnswer::Chosen(path),
                None if started.elapsed() < NOT_SHOWN_WITHIN => NativeAnswer::Missing,
                None => NativeAnswer::Cancelled,
            }
        });
        self.runtime.choosing = Some((purpose, task));
    }

    /// With no native dialog on this machine (a test's, or a desktop's without one), every
    /// file is chosen in Townscope's own chooser.
    pub fn use_own_file_chooser(&mut self) {
        self.runtime.native_dialogs_missing = true;
    }

    /// Whether Townscope's own file chooser is on screen.
    pub fn is_choosing_file(&self) -> bool {
        self.runtime.file_chooser.is_open() || self.runtime.choosing.is_some()
    }

    /// Whether a native dialog was asked for and has not answered.
    pub fn is_waiting_for_native_dialog(&self) -> bool {
        self.runtime.choosing.is_some()
    }

    /// The native dialog's answer, or the own chooser's (drawn here while it is open).
    pub(super) fn poll_choosing(&mut self, ctx: &egui::Context) {
        if let Some((purpose, task)) = &self.runtime.choosing {
            let purpose = *purpose;
            let answer = match task.poll() {
                task::Poll::Running => None,
                task::Poll::Done(answer) => Some(answer),
                task::Poll::Lost => Some(NativeAnswer::Missing),
            };
            if let Some(answer) = answer {
                self.runtime.choosing = None;
                match answer {
                    NativeAnswer::Chosen(path) => self.chosen(ctx, purpose, path),
                    NativeAnswer::Cancelled => self.not_chosen(purpose),
                    NativeAnswer::Missing => {
                        self.runtime.native_dialogs_missing = true;
                        self.choose_file(purpose);
                    }
                }
            }
        }
        match self.runtime.file_chooser.ui(ctx, self.state.lang) {
            Some(Answer::Chosen(purpose, path)) => self.chosen(ctx, purpose, path),
            Some(Answer::Cancelled(purpose)) => self.not_chosen(purpose),
            None => {}
        }
    }

    /// The open model's file name without its extension ("yunqi" for the built-in one).
    fn file_stem(&self) -> String {
        match self.doc.origin() {
            Origin::File(path) => path
                .file_stem()
                .map_or_else(|| "model".into(), |n| n.to_string_lossy().into_owned()),
            Origin::Embedded => "yunqi".to_owned(),
            Origin::New => "model".to_owned(),
        }
    }

    fn suggested_file_name(&self, purpose: Purpose) -> Option<String> {
        match purpose {
            Purpose::SaveAs => Some(match self.doc.origin() {
                Origin::File(path) => path
                    .file_name()
                    .map_or_else(|| "model.ron".into(), |n| n.to_string_lossy().into_owned()),
                Origin::Embedded => "yunqi.ron".to_owned(),
                Origin::New => "model.ron".to_owned(),
            }),
            Purpose::ExportPicture => Some("townscope.png".to_owned()),
            Purpose::ExportWorkbook => Some(format!("{}.xlsx", self.file_stem())),
            Purpose::ExportCsv(table) => Some(format!("{}-{}.csv", self.file_stem(), table.name())),
            Purpose::ExportGraph => Some(format!("{}.gexf", self.file_stem())),
            Purpose::ExportBriefing => Some(format!("{}.pdf", self.file_stem())),
            Purpose::ExportDeck => Some(format!("{}.pptx", self.file_stem())),
            Purpose::Open | Purpose::Compare | Purpose::ExportSlides | Purpose::Import => None,
        }
    }

    /// Does what the file was asked for.
    fn chosen(&mut self, ctx: &egui::Context, purpose: Purpose, mut path: PathBuf) {
        let folder = if purpose == Purpose::ExportSlides {
            Some(path.clone())
        } else {
            path.parent().map(Path::to_path_buf)
        };
        self.state.last_folder = folder.filter(|f| !f.as_os_str().is_empty());
        if let Some(extension) = purpose.extension()
            && purpose.saves()
            && path.extension().is_none()
        {
            path.set_extension(extension);
        }
        match purpose {
            Purpose::Open => self.start_open(path),
            Purpose::SaveAs => {
                if self.save_to(&path)
                    && let Some(action) = self.runtime.after_save.take()
                {
                    self.perform(ctx, action);
                }
            }
            Purpose::Compare => self.start_compare(Some(path)),
            Purpose::ExportPicture => self.export_view_to(path),
            Purpose::ExportSlides => self.export_slides_to(path),
            Purpose::Import => self.start_import(path),
            Purpose::ExportWorkbook => self.export_table_to(path, None),
            Purpose::ExportCsv(table) => self.export_table_to(path, Some(table)),
            Purpose::ExportGraph => self.export_graph_to(path),
            Purpose::ExportBriefing => self.export_briefing_to(path),
            Purpose::ExportDeck => self.export_deck_to(path),
        }
    }

    fn not_chosen(&mut self, purpose: Purpose) {
        if purpose == Purpose::SaveAs {
            // The action waiting on a save does not happen without one.
            self.runtime.after_save = None;
        }
        self.runtime.notice = Some(Notice::NoFileChosen);
    }
}

/// The native dialog for `purpose`; `None` when the user cancelled or it could not be shown.
fn native_dialog(
    purpose: Purpose,
    folder: Option<PathBuf>,
    name: Option<String>,
) -> Option<PathBuf> {
    let mut dialog = rfd::FileDialog::new();
    if let Some(folder) = folder.filter(|f| f.is_dir()) {
        dialog = dialog.set_directory(folder);
    }
    if let Some(name) = name {
        dialog = dialog.set_file_name(name);
    }
    match purpose.extensions() {
        [] => {}
        ["ron"] => dialog = dialog.add_filter("Townscope model (.ron)", &["ron"]),
        extensions => {
            let name = extensions
                .iter()
                .map(|e| format!(".{e}"))
                .collect::<Vec<_>>()
                .join(" ");
            dialog = dialog.add_filter(name, extensions);
        }
    }
    match purpose {
        Purpose::ExportSlides => dialog.pick_folder(),
        p if p.saves() => dialog.save_file(),
        _ => dialog.pick_file(),
    }
}
