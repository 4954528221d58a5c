//! What the app tells the user, kept typed until a frame draws it, so it reads in the language
//! of that moment: one [`Notice`] line in the status bar, and one [`Trouble`] at a time in a
//! dialog until dismissed.

use std::path::PathBuf;

use crate::i18n::{Lang, strings};
use crate::io::{FileError, SaveError};

use super::headless::ExportError;

/// A line for the status bar: what just happened, or what is under way.
#[derive(Debug)]
pub enum Notice {
    NoFileChosen,
    Saved {
        path: PathBuf,
        with_problems: bool,
    },
    PictureSaved {
        path: PathBuf,
        size: [u32; 2],
        /// Without a graphics adapter to draw it again, the screen's own pixels.
        at_screen_density: bool,
    },
    SlidesWritten {
        count: usize,
        folder: PathBuf,
    },
    DrawingPicture,
    ExportingSlides,
    OpeningCancelled,
    MetricsCancelled,
    SettingsUnreadable,
    NoSlides,
    RecoveryWriteFailed(String),
    /// An undo or redo that could not apply; the step is kept.
    HistoryFailed {
        redo: bool,
        label: String,
        error: crate::edit::EditError,
    },
    /// An edit that did not fit the model (only a bug can build one); nothing changed.
    EditRefused(crate::edit::EditError),
    /// A workbook or a CSV table written.
    Exported(PathBuf),
}

impl Notice {
    pub fn text(&self, lang: Lang) -> String {
        let s = strings(lang);
        match self {
            Self::NoFileChosen => s.files.no_file_chosen.to_owned(),
            Self::Saved {
                path,
                with_problems,
            } => {
                let mut text = format!("{} {}", s.files.saved_to, path.display());
                if *with_problems {
                    text.push_str(s.files.saved_with_problems);
                }
                text
            }
            Self::PictureSaved {
                path,
                size: [width, height],
                at_screen_density,
            } => {
                let mut text = format!(
                    "{} {} ({width} × {height})",
                    s.files.picture_saved,
                    path.display()
                );
                if *at_screen_density {
                    text.push_str(" — ");
                    text.push_str(s.files.picture_at_screen_density);
                }
                text
            }
            Self::SlidesWritten { count, folder } => {
                crate::i18n::slides_written(*count, folder, lang)
            }
            Self::DrawingPicture => s.files.drawing_picture.to_owned(),
            Self::ExportingSlides => s.files.exporting_slides.to_owned(),
            Self::OpeningCancelled => s.files.cancelled.to_owned(),
            Self::MetricsCancelled => s.files.metrics_cancelled.to_owned(),
            Self::SettingsUnreadable => s.files.settings_unreadable.to_owned(),
            Self::NoSlides => s.story.no_slides.to_owned(),
            Self::RecoveryWriteFailed(why) => format!("{} {why}", s.files.recovery_write_failed),
            Self::HistoryFailed { redo, label, error } => {
                crate::i18n::history_failed(*redo, label, error, lang)
            }
            Self::EditRefused(error) => crate::i18n::edit_refused(error, lang),
            Self::Exported(path) => format!(
                "{} {}",
                lang.pick("已导出到", "Exported to"),
                path.display()
            ),
        }
    }
}

/// Something that went wrong and needs the user's eyes: shown in a dialog until dismissed.
#[derive(Debug)]
pub enum Trouble {
    /// A file that did not load (to open, or to compare with).
    Load(FileError),
    Save(SaveError),
    /// A picture or the slides could not be made.
    Export(ExportError),
    /// The worker drawing a picture ended without an answer.
    PictureLost,
    /// A spreadsheet that was not imported: where and why (sheet, row and column).
    Import(String),
    /// A workbook or table that could not be written.
    WriteFailed(String),
}

impl Trouble {
    /// The dialog's words: heading, what happened (file, line and caret where there are some),
    /// and what it means for the user's work.
    pub fn shown(&self, lang: Lang) -> crate::ui::dialogs::TroubleShown {
        let s = strings(lang);
        let (heading, body, notes) = match self {
            Self::Load(error) => {
                let mut notes = vec![s.files.model_kept];
                if error.error.position().is_some() {
                    notes.push(s.files.fix_and_reopen);
                }
                (
                    s.files.load_failed,
                    crate::i18n::file_error(error, lang),
                    notes,
                )
            }
            Self::Save(error) => (
                s.files.save_failed,
                crate::i18n::save_error(error, lang),
                vec![s.files.save_failed_kept],
            ),
            Self::Export(error) => (s.files.export_failed, error.message(lang), Vec::new()),
            Self::PictureLost => (
                s.files.export_failed,
                s.files.picture_failed.to_owned(),
                Vec::new(),
            ),
            Self::Import(message) => (
                lang.pick("未能导入", "Not imported"),
                message.clone(),
                vec![s.files.model_kept],
            ),
            Self::WriteFailed(message) => (s.files.export_failed, message.clone(), Vec::new()),
        };
        crate::ui::dialogs::TroubleShown {
            heading,
            body,
            // A parser's message points with a caret under the line: it needs a fixed width.
            monospace: matches!(self, Self::Load(_)),
            notes,
        }
    }
}
