//! Townscope's own file chooser, for a machine with no native file dialog (a Linux desktop with
//! neither a desktop portal nor zenity, where the native dialog returns nothing at once): Open,
//! Save As, Compare and every export go through it there. It starts in the folder last used,
//! shows only the files the purpose is about, and asks before a file is replaced.

use std::path::{Path, PathBuf};

use eframe::egui;

use crate::i18n::Lang;
use crate::io::workbook::Table;

/// What a file is being chosen for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Open,
    SaveAs,
    Compare,
    ExportPicture,
    /// A folder for every slide's picture.
    ExportSlides,
    /// A spreadsheet to bring into the model.
    Import,
    /// Every table as an Excel workbook.
    ExportWorkbook,
    /// One table as CSV.
    ExportCsv(Table),
    /// The network as GEXF or GraphML.
    ExportGraph,
    /// The PDF briefing.
    ExportBriefing,
    /// The story as a PowerPoint deck.
    ExportDeck,
}

impl Purpose {
    /// The extensions of the files it is about, the one a new file gets first; none for a
    /// folder.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Open | Self::SaveAs | Self::Compare => &["ron"],
            Self::ExportPicture => &["png"],
            Self::ExportSlides => &[],
            Self::Import => &["xlsx", "xls", "ods", "csv", "gexf", "graphml"],
            Self::ExportWorkbook => &["xlsx"],
            Self::ExportCsv(_) => &["csv"],
            Self::ExportGraph => &["gexf", "graphml", "json"],
            Self::ExportBriefing => &["pdf"],
            Self::ExportDeck => &["pptx"],
        }
    }

    /// The extension a file written without one gets.
    pub fn extension(self) -> Option<&'static str> {
        self.extensions().first().copied()
    }

    /// Whether it writes a file (so one that exists is asked about first).
    pub fn saves(self) -> bool {
        matches!(
            self,
            Self::SaveAs
                | Self::ExportPicture
                | Self::ExportWorkbook
                | Self::ExportCsv(_)
                | Self::ExportGraph
                | Self::ExportBriefing
                | Self::ExportDeck
        )
    }

    fn title(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Open, Lang::Zh) => "打开模型",
            (Self::Open, Lang::En) => "Open a model",
            (Self::SaveAs, Lang::Zh) => "另存为",
            (Self::SaveAs, Lang::En) => "Save as",
            (Self::Compare, Lang::Zh) => "与文件比较",
            (Self::Compare, Lang::En) => "Compare with a file",
            (Self::ExportPicture, Lang::Zh) => "导出视图图片",
            (Self::ExportPicture, Lang::En) => "Export the view as a picture",
            (Self::ExportSlides, Lang::Zh) => "选择放幻灯片图片的文件夹",
            (Self::ExportSlides, Lang::En) => "Choose a folder for the slides",
            (Self::Import, Lang::Zh) => "导入表格或关系网络",
            (Self::Import, Lang::En) => "Import a table or a network",
            (Self::ExportWorkbook, Lang::Zh) => "导出为 Excel 工作簿",
            (Self::ExportWorkbook, Lang::En) => "Export as an Excel workbook",
            (Self::ExportCsv(_), Lang::Zh) => "导出为 CSV",
            (Self::ExportCsv(_), Lang::En) => "Export as CSV",
            (Self::ExportGraph, Lang::Zh) => "导出关系网络（GEXF、GraphML 或 Cytoscape JSON）",
            (Self::ExportGraph, Lang::En) => "Export the network (GEXF, GraphML or Cytoscape JSON)",
            (Self::ExportBriefing, Lang::Zh) => "导出 PDF 简报",
            (Self::ExportBriefing, Lang::En) => "Export a PDF briefing",
            (Self::ExportDeck, Lang::Zh) => "导出为 PowerPoint 演示文稿",
            (Self::ExportDeck, Lang::En) => "Export as a PowerPoint deck",
        }
    }
}

/// How the chooser ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    Chosen(Purpose, PathBuf),
    Cancelled(Purpose),
}

/// The chooser while it is open, and the question about replacing a file.
#[derive(Default)]
pub struct FileChooser {
    open: Option<(Purpose, egui_file::FileDialog)>,
    /// A file chosen to save to that exists already: replaced only when the user says so.
    replacing: Option<(Purpose, PathBuf)>,
}

impl FileChooser {
    /// Opens the chooser for `purpose` in `folder` (the home folder without one), a new file
    /// named `file_name` to begin with.
    pub fn open(
        &mut self,
        purpose: Purpose,
        folder: Option<&Path>,
        file_name: Option<&str>,
        lang: Lang,
    ) {
        let dialog = match purpose {
            Purpose::ExportSlides => egui_file::FileDialog::select_folder(),
            p if p.saves() => egui_file::FileDialog::save_file(),
            _ => egui_file::FileDialog::open_file(),
        };
        let texts = Texts::of(lang);
        let mut dialog = dialog
            .id(egui::Id::unique("townscope-file-chooser"))
            .title(purpose.title(lang))
            .default_size([680.0, 440.0])
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            // Renaming the user's files is not what they came here for.
            .show_rename(false)
            .show_new_folder(purpose.saves() || purpose == Purpose::ExportSlides)
            .open_button_text(texts.open.into())
            .save_button_text(texts.save.into())
            .cancel_button_text(texts.cancel.into())
            .new_folder_button_text(texts.new_folder.into())
            .new_folder_name_text(texts.new_folder_name.into())
            .refresh_button_hover_text(texts.refresh.into())
            .parent_folder_button_hover_text(texts.parent.into())
            .file_label_text(texts.file.into())
            .show_hidden_checkbox_text(texts.hidden.into())
            .keep_on_top(true);
        if let Some(folder) = folder
            .filter(|f| f.is_dir())
            .map(Path::to_path_buf)
            .or_else(home)
        {
            dialog = dialog.initial_path(folder);
        }
        if let Some(name) = file_name {
            dialog = dialog.default_filename(name);
        }
        let extensions = purpose.extensions();
        if !extensions.is_empty() {
            dialog = dialog.show_files_filter(Box::new(move |path: &Path| {
                path.extension()
                    .is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)))
            }));
        }
        dialog.open();
        self.replacing = None;
        self.open = Some((purpose, dialog));
    }

    /// Whether the chooser (or its question about replacing a file) is on screen.
    pub fn is_open(&self) -> bool {
        self.open.is_some() || self.replacing.is_some()
    }

    /// Draws the chooser while it is open; its answer in the frame the user gives it.
    pub fn ui(&mut self, ctx: &egui::Context, lang: Lang) -> Option<Answer> {
        if let Some((purpose, path)) = self.replacing.clone() {
            return self.ask_to_replace(ctx, lang, purpose, path);
        }
        let (purpose, dialog) = self.open.as_mut()?;
        let purpose = *purpose;
        dialog.show(ctx);
        match dialog.state() {
            egui_file::State::Open => None,
            egui_file::State::Selected => {
                let chosen = dialog.path().map(Path::to_path_buf);
                self.open = None;
                let Some(mut path) = chosen else {
                    return Some(Answer::Cancelled(purpose));
                };
                if let Some(extension) = purpose.extension()
                    && purpose.saves()
                    && path.extension().is_none()
                {
                    path.set_extension(extension);
                }
                if purpose.saves() && path.exists() {
                    self.replacing = Some((purpose, path));
                    return None;
                }
                Some(Answer::Chosen(purpose, path))
            }
            egui_file::State::Cancelled | egui_file::State::Closed => {
                self.open = None;
                Some(Answer::Cancelled(purpose))
            }
        }
    }

    fn ask_to_replace(
        &mut self,
        ctx: &egui::Context,
        lang: Lang,
        purpose: Purpose,
        path: PathBuf,
    ) -> Option<Answer> {
        let texts = Texts::of(lang);
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into(),
        );
        let mut answer = None;
        egui::Window::new(texts.replace_title)
            .id(egui::Id::unique("townscope-file-chooser-replace"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                ui.label(texts.replace_question.replace("{name}", &name));
                ui.weak(
                    path.parent()
                        .map_or_else(String::new, |p| p.display().to_string()),
                );
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button(texts.replace).clicked() {
                        answer = Some(Answer::Chosen(purpose, path.clone()));
                    }
                    if ui.button(texts.cancel).clicked()
                        || ui.input(|i| i.key_pressed(egui::Key::Escape))
                    {
                        answer = Some(Answer::Cancelled(purpose));
                    }
                });
            });
        if answer.is_some() {
            self.replacing = None;
        }
        answer
    }
}

fn home() -> Option<PathBuf> {
    directories::UserDirs::new().map(|d| d.home_dir().to_path_buf())
}

/// The chooser's words in one language.
struct Texts {
    open: &'static str,
    save: &'static str,
    cancel: &'static str,
    new_folder: &'static str,
    new_folder_name: &'static str,
    refresh: &'static str,
    parent: &'static str,
    file: &'static str,
    hidden: &'static str,
    replace_title: &'static str,
    replace_question: &'static str,
    replace: &'static str,
}

impl Texts {
    fn of(lang: Lang) -> Self {
        match lang {
            Lang::Zh => Self {
                open: "打开",
                save: "保存",
                cancel: "取消",
                new_folder: "新建文件夹",
                new_folder_name: "新文件夹",
                refresh: "刷新",
                parent: "上一级文件夹",
                file: "文件：",
                hidden: "显示隐藏文件",
                replace_title: "替换文件？",
                replace_question: "“{name}”已存在。要替换它吗？",
                replace: "替换",
            },
            Lang::En => Self {
                open: "Open",
                save: "Save",
                cancel: "Cancel",
                new_folder: "New folder",
                new_folder_name: "New folder",
                refresh: "Refresh",
                parent: "Parent folder",
                file: "File:",
                hidden: "Show hidden files",
                replace_title: "Replace the file?",
                replace_question: "“{name}” exists already. Replace it?",
                replace: "Replace",
            },
        }
    }
}
