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
}

impl AppCommand {
    pub const ALL: [AppCommand; 3] = [Self::Open, Self::Quit, Self::About];

    pub fn label(self, lang: Lang) -> &'static str {
        let s = strings(lang);
        match self {
            Self::Open => s.open,
            Self::Quit => s.quit,
            Self::About => s.about,
        }
    }

    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        match self {
            Self::Open => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::O)),
            Self::Quit => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::Q)),
            Self::About => None,
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
    CloseAbout,
    DismissError,
    DismissNotice,
}
