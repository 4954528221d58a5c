//! The user's actions: declared once with their label and shortcut, read by menus and keys.

use std::path::PathBuf;

use eframe::egui::{Key, KeyboardShortcut, Modifiers};

use crate::i18n::{Lang, strings};

/// An action the user can take from a menu or a shortcut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppCommand {
    Open,
    Quit,
    About,
    /// Back to the entity selected before, like a browser.
    Back,
    Forward,
}

impl AppCommand {
    pub const ALL: [AppCommand; 5] = [
        Self::Open,
        Self::Quit,
        Self::About,
        Self::Back,
        Self::Forward,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        let s = strings(lang);
        match self {
            Self::Open => s.open,
            Self::Quit => s.quit,
            Self::About => s.about,
            Self::Back => s.back,
            Self::Forward => s.forward,
        }
    }

    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        match self {
            Self::Open => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::O)),
            Self::Quit => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::Q)),
            Self::About => None,
            Self::Back => Some(KeyboardShortcut::new(Modifiers::ALT, Key::ArrowLeft)),
            Self::Forward => Some(KeyboardShortcut::new(Modifiers::ALT, Key::ArrowRight)),
        }
    }
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
    /// Hold an entity (by index) at a point of the network layout; saved with the model.
    Pin(usize, crate::layout::Point),
    CloseAbout,
    DismissError,
    DismissNotice,
}
