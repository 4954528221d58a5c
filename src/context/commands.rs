//! The user's actions: each declared once with its words in both languages, its hint and
//! shortcut, and drawn by itself as a menu item or a button; menus, keys, the palette and the
//! shortcut list all read this list. Also what a panel may ask for ([`Command`]).

use std::path::PathBuf;

use eframe::egui::{self, Key, KeyboardShortcut, Modifiers};

use crate::i18n::Lang;

/// An action the user can take from a menu, a shortcut or the command palette: each is declared
/// here once, with its label, shortcut and hint in both languages, and every one of those places
/// reads this list, so they cannot disagree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppCommand {
    /// An empty model, its first source to fill in.
    NewModel,
    Open,
    /// Lists what differs between the open model and another file.
    CompareWith,
    Save,
    SaveAs,
    /// A picture of the centre of the window, at 2x.
    ExportView,
    /// One picture per story slide, into a folder.
    ExportSlides,
    /// A spreadsheet into the open model (after a preview) or as a model of its own.
    Import,
    /// Every table as an Excel workbook.
    ExportWorkbook,
    /// The network for Gephi, yEd or networkx.
    ExportGraph,
    ExportBriefing,
    ExportDeck,
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
    /// The entity list and the details beside the view, or the view alone across the window.
    ToggleSidePanels,
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
    pub const ALL: [AppCommand; 41] = [
        Self::NewModel,
        Self::Open,
        Self::CompareWith,
        Self::Save,
        Self::SaveAs,
        Self::Import,
        Self::ExportWorkbook,
        Self::ExportGraph,
        Self::ExportBriefing,
        Self::ExportView,
        Self::ExportSlides,
        Self::ExportDeck,
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
        Self::ToggleSidePanels,
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
        let (zh, en) = match self {
            Self::NewModel => ("新建模型", "New model"),
            Self::Open => ("打开…", "Open…"),
            Self::CompareWith => ("与文件比较…", "Compare with…"),
            Self::Save => ("保存", "Save"),
            Self::SaveAs => ("另存为…", "Save As…"),
            Self::ExportView => ("导出当前视图为 PNG…", "Export view as PNG…"),
            Self::ExportSlides => ("导出幻灯片…", "Export slides…"),
            Self::Import => ("导入…", "Import…"),
            Self::ExportWorkbook => ("导出为 Excel 工作簿…", "Export as Excel workbook…"),
            Self::ExportGraph => ("导出关系网络…", "Export network…"),
            Self::ExportBriefing => ("导出 PDF 简报…", "Export PDF briefing…"),
            Self::ExportDeck => ("导出为 PowerPoint…", "Export as PowerPoint…"),
            Self::Quit => ("退出", "Quit"),
            Self::Undo => ("撤销", "Undo"),
            Self::Redo => ("重做", "Redo"),
            Self::EditModel => ("来源、领域与大事记…", "Sources, sectors and milestones…"),
            Self::EditIndicators => ("指标数据", "Indicator figures"),
            Self::ShowOverview => ("概览", "Overview"),
            Self::ShowNetwork => ("关系网络", "Network"),
            Self::ShowTable => ("实体表", "Table"),
            Self::ShowTimeline => ("时间线", "Timeline"),
            Self::Find => ("查找", "Find"),
            Self::Palette => ("命令面板…", "Command palette…"),
            Self::Shortcuts => ("快捷键", "Keyboard shortcuts"),
            Self::Back => ("后退", "Back"),
            Self::Forward => ("前进", "Forward"),
            Self::FitView => ("适应窗口", "Fit to screen"),
            Self::ToggleYear => ("按年份查看", "As of year"),
            Self::ToggleProblems => ("问题列表", "Problems"),
            Self::ToggleSidePanels => ("侧栏", "Side panels"),
            Self::Present => ("放映故事", "Present the story"),
            Self::EditStory => ("故事…", "Story…"),
            Self::AddSlide => ("按当前视图添加幻灯片", "Add slide from current view"),
            Self::SwitchLanguage => (
                "切换语言（中文 / English）",
                "Switch language (中文 / English)",
            ),
            Self::ThemeSystem => ("主题：跟随系统", "Theme: follow the system"),
            Self::ThemeLight => ("主题：浅色", "Theme: light"),
            Self::ThemeDark => ("主题：深色", "Theme: dark"),
            Self::ZoomIn => ("放大界面", "Zoom in"),
            Self::ZoomOut => ("缩小界面", "Zoom out"),
            Self::ZoomReset => ("界面原始大小", "Actual size"),
            Self::About => ("关于 Townscope", "About Townscope"),
        };
        lang.pick(zh, en)
    }

    /// What the command does, in a line (tooltips, the palette, the shortcut list).
    pub fn hint(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Self::NewModel => (
                "一个空模型：先写下它的第一个来源，此后每个事实都引用来源",
                "An empty model: write down its first source, which every fact then cites",
            ),
            Self::Open => ("打开模型文件（.ron）", "Open a model file (.ron)"),
            Self::Import => (
                "把 Excel、WPS 或 LibreOffice 表格（Townscope、Kumu 或 Gephi 的格式）、CSV，或 GEXF、GraphML 关系网络并入当前模型，或作为新模型打开；先预览",
                "Bring an Excel, WPS or LibreOffice workbook (Townscope's, Kumu's or Gephi's layout), a CSV table, or a GEXF or GraphML network into this model, or open it as a new one; previewed first",
            ),
            Self::ExportDeck => (
                "16:9 演示文稿（.pptx，PowerPoint、WPS、LibreOffice 均可打开）：每张幻灯片一页，视图为图片，标题和说明为文字，来源在备注中",
                "A 16:9 deck (.pptx, for PowerPoint, WPS and LibreOffice): a page per slide, the view as a picture, title and caption as text, sources in the speaker notes",
            ),
            Self::ExportBriefing => (
                "A4 横版、可打印转发：核心数据及其单位、年份和来源，关系网络，成长与大事记，指标图表，主要实体，全部来源（当前语言）",
                "A4 landscape, to print or forward: headline figures with unit, year and source, the network, growth and milestones, indicator charts, key entities, every source (in the language shown)",
            ),
            Self::ExportGraph => (
                "GEXF、GraphML 或 Cytoscape.js 的 JSON（按扩展名）：实体与关系及其类型、日期、位置、颜色和大小",
                "GEXF, GraphML or Cytoscape.js JSON (by the extension): entities and relations with their kinds, dates, positions, colours and sizes",
            ),
            Self::ExportWorkbook => (
                "每张表一个工作表，中英文并列，数字为数字、单位单列，每行附来源",
                "A sheet per table, both languages, numbers as numbers with their unit, every row with its sources",
            ),
            Self::CompareWith => (
                "列出当前模型与另一文件的差异",
                "List what differs between this model and another file",
            ),
            Self::Save => (
                "保存到当前文件（先保留 .bak 备份）",
                "Save to the current file (the previous version is kept as .bak)",
            ),
            Self::SaveAs => ("保存到新文件", "Save to a new file"),
            Self::ExportView => (
                "把中间的视图以 2 倍分辨率存为 PNG 图片",
                "Save the view in the centre of the window as a PNG at 2×",
            ),
            Self::ExportSlides => (
                "将每张幻灯片按放映效果导出为 PNG（2 倍分辨率）到所选文件夹",
                "Write every slide, as presented, as a PNG at 2x into a folder",
            ),
            Self::Quit => (
                "关闭窗口（有未保存的更改时先询问）",
                "Close the window (asks first if there are unsaved changes)",
            ),
            Self::Undo => ("撤销上一次修改", "Undo the last change"),
            Self::Redo => ("重做撤销的修改", "Redo the change undone"),
            Self::EditModel => (
                "编辑来源、领域和大事记",
                "Edit the sources, sectors and milestones",
            ),
            Self::EditIndicators => (
                "编辑指标及其各年数据",
                "Edit the indicators and their figures by year",
            ),
            Self::ShowOverview | Self::ShowNetwork | Self::ShowTable | Self::ShowTimeline => (
                "在窗口中间显示此视图",
                "Show this view in the centre of the window",
            ),
            Self::Find => (
                "把光标放到当前视图的搜索框",
                "Put the cursor in the search field of what is shown",
            ),
            Self::Palette => (
                "按名称（中文、英文、拼音或拼音首字母）查找命令和实体",
                "Find commands and entities by name (Chinese, English, pinyin or its initials)",
            ),
            Self::Shortcuts => ("列出所有快捷键", "List every keyboard shortcut"),
            Self::Back => (
                "回到上一个查看的实体",
                "Back to the entity looked at before",
            ),
            Self::Forward => (
                "前进到下一个查看的实体",
                "Forward to the next entity looked at",
            ),
            Self::FitView => ("在关系网络中显示全部节点", "Show the whole network"),
            Self::ToggleYear => (
                "只显示到该年为止已来到小镇（入驻，或在本镇成立）的实体和已开始的关系；当年新增的以绿色圆圈标出，来源未说明何时来到的空心绘出",
                "Show only the entities in the town by that year (joined, or founded there) and the relations begun by then; what is new that year has a green ring, what the sources do not date is hollow",
            ),
            Self::ToggleProblems => (
                "显示或隐藏模型问题列表",
                "Show or hide the model's problems",
            ),
            Self::ToggleSidePanels => (
                "显示或隐藏实体列表和详情栏：隐藏时视图占满窗口（小屏幕上关系网络可写下每个名称）",
                "Show or hide the entity list and the details: hidden, the view has the whole window (on a small screen, room for every name in the network)",
            ),
            Self::Present => (
                "→ / 空格 / Page Down：下一张 · ← / Page Up：上一张 · B：黑屏 · H：高对比度 · Esc：退出",
                "→ / Space / Page Down: next · ← / Page Up: previous · B: blank · H: high contrast · Esc: leave",
            ),
            Self::EditStory => ("编辑故事的幻灯片", "Edit the slides of the story"),
            Self::AddSlide => (
                "把当前视图加为故事的最后一张幻灯片",
                "Add what the window shows as the story's last slide",
            ),
            Self::SwitchLanguage => ("数据语言", "Data language"),
            Self::ThemeSystem | Self::ThemeLight | Self::ThemeDark => (
                "界面配色，下次启动时保留",
                "The interface's colours, kept for the next start",
            ),
            Self::ZoomIn | Self::ZoomOut | Self::ZoomReset => (
                "界面文字和控件的大小（高分辨率屏幕、投影）",
                "The size of the interface's text and controls (high-DPI screens, projectors)",
            ),
            Self::About => ("关于 Townscope", "About Townscope"),
        };
        lang.pick(zh, en)
    }

    pub fn group(self) -> CommandGroup {
        match self {
            Self::NewModel
            | Self::Open
            | Self::CompareWith
            | Self::Save
            | Self::SaveAs
            | Self::ExportView
            | Self::Import
            | Self::ExportWorkbook
            | Self::ExportGraph
            | Self::ExportBriefing
            | Self::Quit => CommandGroup::File,
            Self::Undo | Self::Redo | Self::EditModel | Self::EditIndicators => CommandGroup::Edit,
            Self::Present
            | Self::EditStory
            | Self::AddSlide
            | Self::ExportSlides
            | Self::ExportDeck => CommandGroup::Story,
            Self::Shortcuts | Self::About => CommandGroup::Help,
            _ => CommandGroup::View,
        }
    }

    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let ctrl = Modifiers::COMMAND;
        let ctrl_shift = Modifiers::COMMAND.plus(Modifiers::SHIFT);
        let (modifiers, key) = match self {
            Self::NewModel => (ctrl, Key::N),
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
            Self::ToggleSidePanels => (ctrl, Key::B),
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

/// The command's own widgets: every menu item, button and checkbox that runs a command is
/// drawn here, with the command's words, hint and shortcut, so none is built by hand.
impl AppCommand {
    /// A menu item: the label, the shortcut on the right, the hint on hover.
    pub fn menu_item(self, ui: &mut egui::Ui, lang: Lang, commands: &mut Vec<Command>) {
        self.menu_item_as(ui, lang, self.label(lang), true, commands);
    }

    /// A menu item in words of the moment ("Undo rename 阿里云"), enabled or not.
    pub fn menu_item_as(
        self,
        ui: &mut egui::Ui,
        lang: Lang,
        text: &str,
        enabled: bool,
        commands: &mut Vec<Command>,
    ) {
        let mut button = egui::Button::new(text);
        if let Some(shortcut) = self.shortcut() {
            button = button.shortcut_text(shortcut_text(ui.ctx(), &shortcut));
        }
        if ui
            .add_enabled(enabled, button)
            .on_hover_text(self.hint(lang))
            .clicked()
        {
            commands.push(Command::App(self));
        }
    }

    /// A button in a panel: the label; the hint and the shortcut on hover.
    pub fn button(
        self,
        ui: &mut egui::Ui,
        lang: Lang,
        enabled: bool,
        commands: &mut Vec<Command>,
    ) -> egui::Response {
        let response = ui
            .add_enabled(enabled, egui::Button::new(self.label(lang)))
            .on_hover_text(self.hover_text(ui.ctx(), lang));
        if response.clicked() {
            commands.push(Command::App(self));
        }
        response
    }

    /// A radio item for a choice among commands (the theme): chosen or not.
    pub fn radio(self, ui: &mut egui::Ui, lang: Lang, chosen: bool, commands: &mut Vec<Command>) {
        if ui
            .radio(chosen, self.label(lang))
            .on_hover_text(self.hover_text(ui.ctx(), lang))
            .clicked()
        {
            commands.push(Command::App(self));
        }
    }

    /// The hint, and the shortcut in brackets when there is one.
    pub fn hover_text(self, ctx: &egui::Context, lang: Lang) -> String {
        match self.shortcut() {
            Some(shortcut) => format!("{} ({})", self.hint(lang), shortcut_text(ctx, &shortcut)),
            None => self.hint(lang).to_owned(),
        }
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
    /// The previewed spreadsheet: merged into the open model as one edit, opened as a model of
    /// its own, or dropped.
    MergeImport,
    OpenImport,
    CancelImport,
    /// Read the previewed CSV file again in another text encoding.
    ImportAs(crate::io::import::TextEncoding),
    /// Read the previewed file again with these kinds for its unknown types.
    ImportWithTypes(crate::io::foreign::TypeChoices),
    /// File → Export → one table as CSV.
    ExportCsv(crate::io::workbook::Table),
    /// The details panel shows the selected entity's fields for editing, or not.
    SetEditing(bool),
    /// Hold an entity (by id) at a point of the network layout; saved with the model.
    Pin(String, crate::layout::Point),
    /// Lay the town out again for this canvas and these footprints (the network view asks when
    /// what it draws on no longer matches the layout's).
    LayOutFor(crate::layout::TownFit),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_words_in_both_languages_and_a_group() {
        for command in AppCommand::ALL {
            for lang in [Lang::Zh, Lang::En] {
                assert!(
                    !command.label(lang).trim().is_empty(),
                    "{command:?} has no label"
                );
                assert!(
                    !command.hint(lang).trim().is_empty(),
                    "{command:?} has no hint"
                );
            }
            assert_ne!(
                command.label(Lang::Zh),
                command.label(Lang::En),
                "{command:?}"
            );
        }
    }
}
