//! The user's actions: declared once with their label and shortcut, read by menus and keys.

use std::path::PathBuf;

use eframe::egui::{Key, KeyboardShortcut, Modifiers};

use crate::i18n::{Lang, strings};

/// An action the user can take from a menu, a shortcut or the command palette: each is declared
/// here once, with its label, shortcut and hint in both languages, and every one of those places
/// reads this list, so they cannot disagree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppCommand {
    Open,
    /// Lists what differs between the open model and another file.
    CompareWith,
    Save,
    SaveAs,
    /// A picture of the centre of the window, at 2x.
    ExportView,
    /// One picture per story slide, into a folder.
    ExportSlides,
    Quit,
    Undo,
    Redo,
    EditModel,
    EditIndicators,
    ShowOverview,
    ShowNetwork,
    ShowTable,
    ShowTimeline,
    /// Puts the keyboard in the search field of what is shown.
    Find,
    Palette,
    /// The list of shortcuts.
    Shortcuts,
    /// Back to the entity selected before, like a browser.
    Back,
    Forward,
    /// The whole network on screen.
    FitView,
    /// "As of year" on or off.
    ToggleYear,
    ToggleProblems,
    /// Shows the story full-screen from its first slide.
    Present,
    EditStory,
    AddSlide,
    SwitchLanguage,
    ThemeSystem,
    ThemeLight,
    ThemeDark,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    About,
}

/// Where a command sits, for the shortcut list and the palette.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommandGroup {
    File,
    Edit,
    View,
    Story,
    Help,
}

impl AppCommand {
    /// In the order the menus and the shortcut list show them.
    pub const ALL: [AppCommand; 34] = [
        Self::Open,
        Self::CompareWith,
        Self::Save,
        Self::SaveAs,
        Self::ExportView,
        Self::ExportSlides,
        Self::Quit,
        Self::Undo,
        Self::Redo,
        Self::EditModel,
        Self::EditIndicators,
        Self::ShowOverview,
        Self::ShowNetwork,
        Self::ShowTable,
        Self::ShowTimeline,
        Self::Find,
        Self::Palette,
        Self::Shortcuts,
        Self::Back,
        Self::Forward,
        Self::FitView,
        Self::ToggleYear,
        Self::ToggleProblems,
        Self::Present,
        Self::EditStory,
        Self::AddSlide,
        Self::SwitchLanguage,
        Self::ThemeSystem,
        Self::ThemeLight,
        Self::ThemeDark,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::ZoomReset,
        Self::About,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        let s = strings(lang);
        match self {
            Self::Open => s.open,
            Self::CompareWith => s.compare_with,
            Self::Save => s.save,
            Self::SaveAs => s.save_as,
            Self::ExportView => s.export_view,
            Self::ExportSlides => s.export_slides,
            Self::Quit => s.quit,
            Self::Undo => s.undo,
            Self::Redo => s.redo,
            Self::EditModel => s.model_editor,
            Self::EditIndicators => s.indicators_editor,
            Self::ShowOverview => s.overview,
            Self::ShowNetwork => s.network,
            Self::ShowTable => s.table,
            Self::ShowTimeline => s.timeline,
            Self::Find => s.cmd_find,
            Self::Palette => s.cmd_palette,
            Self::Shortcuts => s.cmd_shortcuts,
            Self::Back => s.back,
            Self::Forward => s.forward,
            Self::FitView => s.fit_to_screen,
            Self::ToggleYear => s.as_of_year,
            Self::ToggleProblems => s.cmd_problems,
            Self::Present => s.present,
            Self::EditStory => s.story_menu,
            Self::AddSlide => s.add_slide,
            Self::SwitchLanguage => s.cmd_switch_language,
            Self::ThemeSystem => s.theme_system,
            Self::ThemeLight => s.theme_light,
            Self::ThemeDark => s.theme_dark,
            Self::ZoomIn => s.zoom_in,
            Self::ZoomOut => s.zoom_out,
            Self::ZoomReset => s.zoom_reset,
            Self::About => s.about,
        }
    }

    /// What the command does, in a line (tooltips, the palette, the shortcut list).
    pub fn hint(self, lang: Lang) -> &'static str {
        let s = strings(lang);
        match self {
            Self::Open => s.hint_open,
            Self::CompareWith => s.hint_compare,
            Self::Save => s.hint_save,
            Self::SaveAs => s.hint_save_as,
            Self::ExportView => s.hint_export_view,
            Self::ExportSlides => s.export_slides_hint,
            Self::Quit => s.hint_quit,
            Self::Undo => s.hint_undo,
            Self::Redo => s.hint_redo,
            Self::EditModel => s.hint_edit_model,
            Self::EditIndicators => s.hint_edit_indicators,
            Self::ShowOverview | Self::ShowNetwork | Self::ShowTable | Self::ShowTimeline => {
                s.hint_show_view
            }
            Self::Find => s.hint_find,
            Self::Palette => s.hint_palette,
            Self::Shortcuts => s.hint_shortcuts,
            Self::Back => s.hint_back,
            Self::Forward => s.hint_forward,
            Self::FitView => s.hint_fit,
            Self::ToggleYear => s.as_of_year_hint,
            Self::ToggleProblems => s.hint_problems,
            Self::Present => s.presenting_help,
            Self::EditStory => s.hint_story,
            Self::AddSlide => s.hint_add_slide,
            Self::SwitchLanguage => s.data_language,
            Self::ThemeSystem | Self::ThemeLight | Self::ThemeDark => s.hint_theme,
            Self::ZoomIn | Self::ZoomOut | Self::ZoomReset => s.hint_zoom,
            Self::About => s.hint_about,
        }
    }

    pub fn group(self) -> CommandGroup {
        match self {
            Self::Open
            | Self::CompareWith
            | Self::Save
            | Self::SaveAs
            | Self::ExportView
            | Self::Quit => CommandGroup::File,
            Self::Undo | Self::Redo | Self::EditModel | Self::EditIndicators => CommandGroup::Edit,
            Self::Present | Self::EditStory | Self::AddSlide | Self::ExportSlides => {
                CommandGroup::Story
            }
            Self::Shortcuts | Self::About => CommandGroup::Help,
            _ => CommandGroup::View,
        }
    }

    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let ctrl = Modifiers::COMMAND;
        let ctrl_shift = Modifiers::COMMAND.plus(Modifiers::SHIFT);
        let (modifiers, key) = match self {
            Self::Open => (ctrl, Key::O),
            Self::Save => (ctrl, Key::S),
            Self::SaveAs => (ctrl_shift, Key::S),
            Self::Quit => (ctrl, Key::Q),
            Self::Undo => (ctrl, Key::Z),
            Self::Redo => (ctrl_shift, Key::Z),
            Self::ShowOverview => (ctrl, Key::Num1),
            Self::ShowNetwork => (ctrl, Key::Num2),
            Self::ShowTable => (ctrl, Key::Num3),
            Self::ShowTimeline => (ctrl, Key::Num4),
            Self::Find => (ctrl, Key::F),
            Self::Palette => (ctrl, Key::K),
            Self::Shortcuts => (Modifiers::NONE, Key::F1),
            Self::Back => (Modifiers::ALT, Key::ArrowLeft),
            Self::Forward => (Modifiers::ALT, Key::ArrowRight),
            Self::Present => (Modifiers::NONE, Key::F5),
            Self::SwitchLanguage => (ctrl_shift, Key::L),
            Self::ZoomIn => (ctrl, Key::Equals),
            Self::ZoomOut => (ctrl, Key::Minus),
            Self::ZoomReset => (ctrl, Key::Num0),
            _ => return None,
        };
        Some(KeyboardShortcut::new(modifiers, key))
    }

    /// A second shortcut, for the habits of other programs.
    pub fn other_shortcut(self) -> Option<KeyboardShortcut> {
        match self {
            // Windows programs redo with Ctrl+Y.
            Self::Redo => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::Y)),
            // Editors open their palette with Ctrl+Shift+P.
            Self::Palette => Some(KeyboardShortcut::new(
                Modifiers::COMMAND.plus(Modifiers::SHIFT),
                Key::P,
            )),
            // Ctrl++ is Ctrl+Shift+= on most keyboards; egui reports it as Plus.
            Self::ZoomIn => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus)),
            _ => None,
        }
    }

    /// Whether the shortcut works while a text field has the keyboard. Only those that do not
    /// mean something to the text (Ctrl+Z is the field's own undo there, arrows move its cursor).
    pub fn works_while_typing(self) -> bool {
        matches!(
            self,
            Self::Open
                | Self::Save
                | Self::SaveAs
                | Self::Quit
                | Self::Palette
                | Self::Shortcuts
                | Self::Present
        )
    }
}

/// Long work that runs off the UI thread, shows its progress and can be stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Work {
    /// Reading and checking a file.
    Opening,
    /// Degree, betweenness, PageRank… of the open model.
    Metrics,
    /// The force layout of the network (stopping keeps where it has got to).
    Layout,
}

/// A piece of long work as the status bar shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkShown {
    pub work: Work,
    pub what: String,
    /// Done, 0–1, where it is known.
    pub progress: Option<f32>,
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
    /// Restore the recovery copy found at start (true) or throw it away (false).
    Restore(bool),
    /// Show the ecosystem as of a year, or every year at once.
    SetYear(Option<i32>),
    /// Show slide N in the window as it is (not full-screen).
    ShowSlide(usize),
    /// Present the story full-screen from slide N.
    PresentFrom(usize),
    /// Close the list of differences.
    CloseComparison,
    /// The details panel shows the selected entity's fields for editing, or not.
    SetEditing(bool),
    /// Hold an entity (by id) at a point of the network layout; saved with the model.
    Pin(String, crate::layout::Point),
    /// Stop long work running off the UI thread.
    Cancel(Work),
    CloseAbout,
    DismissError,
    DismissNotice,
}

/// A shortcut as menus and lists show it: `Ctrl+=`, `Alt+←`, not egui's `Ctrl+Equals`.
pub fn shortcut_text(ctx: &eframe::egui::Context, shortcut: &KeyboardShortcut) -> String {
    let is_mac = ctx.os().is_mac();
    let names = eframe::egui::ModifierNames::NAMES;
    let mut modifiers = names.format(&shortcut.modifiers, is_mac);
    if !modifiers.is_empty() {
        modifiers += names.concat;
    }
    let key = match shortcut.logical_key {
        Key::ArrowLeft => "←",
        Key::ArrowRight => "→",
        Key::ArrowUp => "↑",
        Key::ArrowDown => "↓",
        Key::Equals | Key::Minus | Key::Plus => shortcut.logical_key.symbol_or_name(),
        key => key.name(),
    };
    format!("{modifiers}{key}")
}
