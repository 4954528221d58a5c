//! The user's actions: declared once with their label and shortcut, read by menus and keys.

use std::path::PathBuf;

use eframe::egui::{Key, KeyboardShortcut, Modifiers};

use crate::i18n::{Lang, strings};

/// An action the user can take from a menu or a shortcut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppCommand {
    Open,
    /// Lists what differs between the open model and another file.
    CompareWith,
    Save,
    SaveAs,
    Undo,
    Redo,
    Quit,
    About,
    /// Back to the entity selected before, like a browser.
    Back,
    Forward,
    /// Shows the story full-screen from its first slide.
    Present,
}

impl AppCommand {
    /// In the order shortcuts are tried: with Shift before without, as Ctrl+Z also matches
    /// Ctrl+Shift+Z.
    pub const ALL: [AppCommand; 11] = [
        Self::Open,
        Self::CompareWith,
        Self::SaveAs,
        Self::Save,
        Self::Redo,
        Self::Undo,
        Self::Quit,
        Self::About,
        Self::Back,
        Self::Forward,
        Self::Present,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        let s = strings(lang);
        match self {
            Self::Open => s.open,
            Self::CompareWith => s.compare_with,
            Self::Save => s.save,
            Self::SaveAs => s.save_as,
            Self::Undo => s.undo,
            Self::Redo => s.redo,
            Self::Quit => s.quit,
            Self::About => s.about,
            Self::Back => s.back,
            Self::Forward => s.forward,
            Self::Present => s.present,
        }
    }

    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        match self {
            Self::Open => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::O)),
            Self::CompareWith => None,
            Self::Save => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::S)),
            Self::SaveAs => Some(KeyboardShortcut::new(
                Modifiers::COMMAND.plus(Modifiers::SHIFT),
                Key::S,
            )),
            Self::Undo => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::Z)),
            Self::Redo => Some(KeyboardShortcut::new(
                Modifiers::COMMAND.plus(Modifiers::SHIFT),
                Key::Z,
            )),
            Self::Quit => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::Q)),
            Self::About => None,
            Self::Back => Some(KeyboardShortcut::new(Modifiers::ALT, Key::ArrowLeft)),
            Self::Forward => Some(KeyboardShortcut::new(Modifiers::ALT, Key::ArrowRight)),
            Self::Present => Some(KeyboardShortcut::new(Modifiers::NONE, Key::F5)),
        }
    }
}

/// The choices when unsaved changes would be lost.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedAnswer {
    Save,
    Discard,
    Cancel,
}

/// What a panel asks the app to do; applied once, after the frame's UI.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    App(AppCommand),
    OpenPath(PathBuf),
    OpenEmbedded,
    SetLang(Lang),
    Select(String),
    /// Change the model: the one way it changes, recorded for undo.
    Edit(crate::edit::Edit),
    /// Answer to "save the changes first?".
    Unsaved(UnsavedAnswer),
    DismissSaveError,
    /// Restore the recovery copy found at start (true) or throw it away (false).
    Restore(bool),
    /// Open the indicator figures window.
    EditIndicators,
    EditModel,
    /// Show the ecosystem as of a year, or every year at once.
    SetYear(Option<i32>),
    /// Open the story window.
    EditStory,
    /// Save a picture of the centre of the window.
    ExportView,
    /// Render every slide into a folder.
    ExportSlides,
    /// A new slide that shows what the window shows now, at the end of the story.
    AddSlide,
    /// Show slide N in the window as it is (not full-screen).
    ShowSlide(usize),
    /// Present the story full-screen from slide N.
    PresentFrom(usize),
    /// Close the list of differences.
    CloseComparison,
    /// Show or hide the problems panel.
    ToggleProblems,
    /// The details panel shows the selected entity's fields for editing, or not.
    SetEditing(bool),
    /// Hold an entity (by index) at a point of the network layout; saved with the model.
    Pin(usize, crate::layout::Point),
    CloseAbout,
    DismissError,
    DismissNotice,
}
