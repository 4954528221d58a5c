//! The menu bar: File, Edit, View, Story, Help — the commands of `AppCommand`, each with its
//! shortcut and hint.

use eframe::egui;

use super::View;
use crate::context::ThemeChoice;
use crate::context::{AppCommand, Command};
use crate::i18n::Lang;

pub fn ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    recent: &[std::path::PathBuf],
    commands: &mut Vec<Command>,
) {
    let s = view.s();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(s.files.file, |ui| {
            command_button(ui, view, AppCommand::NewModel, commands);
            command_button(ui, view, AppCommand::Open, commands);
            command_button(ui, view, AppCommand::Save, commands);
            command_button(ui, view, AppCommand::SaveAs, commands);
            ui.separator();
            command_button(ui, view, AppCommand::CompareWith, commands);
            ui.menu_button(s.files.open_recent, |ui| {
                if ui.button(s.files.open_embedded).clicked() {
                    commands.push(Command::OpenEmbedded);
                }
                ui.separator();
                if recent.is_empty() {
                    ui.weak(s.files.no_recent);
                }
                for path in recent {
                    if ui.button(path.display().to_string()).clicked() {
                        commands.push(Command::OpenPath(path.clone()));
                    }
                }
            });
            ui.separator();
            command_button(ui, view, AppCommand::Import, commands);
            command_button(ui, view, AppCommand::ExportWorkbook, commands);
            ui.menu_button(
                view.lang.pick("导出一张表为 CSV", "Export a table as CSV"),
                |ui| {
                    for (table, zh, en) in [
                        (crate::io::workbook::Table::Entities, "实体…", "Entities…"),
                        (crate::io::workbook::Table::Relations, "关系…", "Relations…"),
                        (
                            crate::io::workbook::Table::Indicators,
                            "指标…",
                            "Indicators…",
                        ),
                    ] {
                        if ui.button(view.lang.pick(zh, en)).clicked() {
                            commands.push(Command::ExportCsv(table));
                        }
                    }
                },
            );
            command_button(ui, view, AppCommand::ExportGraph, commands);
            command_button(ui, view, AppCommand::ExportBriefing, commands);
            command_button(ui, view, AppCommand::ExportView, commands);
            ui.separator();
            command_button(ui, view, AppCommand::Quit, commands);
        });
        ui.menu_button(s.menus.edit_menu, |ui| edit_menu(ui, view, commands));
        ui.menu_button(s.menus.view, |ui| {
            command_buttons(
                ui,
                view,
                &[
                    AppCommand::ShowOverview,
                    AppCommand::ShowNetwork,
                    AppCommand::ShowTable,
                    AppCommand::ShowTimeline,
                ],
                commands,
            );
            ui.separator();
            command_buttons(
                ui,
                view,
                &[
                    AppCommand::FitView,
                    AppCommand::ToggleYear,
                    AppCommand::ToggleProblems,
                    AppCommand::ToggleSidePanels,
                    AppCommand::Find,
                    AppCommand::Palette,
                ],
                commands,
            );
            ui.separator();
            for (command, choice) in [
                (AppCommand::ThemeSystem, ThemeChoice::System),
                (AppCommand::ThemeLight, ThemeChoice::Light),
                (AppCommand::ThemeDark, ThemeChoice::Dark),
            ] {
                command.radio(ui, view.lang, view.theme == choice, commands);
            }
            ui.separator();
            command_buttons(
                ui,
                view,
                &[
                    AppCommand::ZoomIn,
                    AppCommand::ZoomOut,
                    AppCommand::ZoomReset,
                ],
                commands,
            );
            ui.separator();
            ui.label(AppCommand::SwitchLanguage.hint(view.lang));
            for (lang, label) in [(Lang::Zh, "中文"), (Lang::En, "English")] {
                if ui.radio(view.lang == lang, label).clicked() {
                    commands.push(Command::SetLang(lang));
                }
            }
        });
        ui.menu_button(s.story.story_title, |ui| {
            command_buttons(
                ui,
                view,
                &[
                    AppCommand::Present,
                    AppCommand::EditStory,
                    AppCommand::AddSlide,
                    AppCommand::ExportSlides,
                    AppCommand::ExportDeck,
                ],
                commands,
            );
        });
        ui.menu_button(s.menus.help, |ui| {
            command_button(ui, view, AppCommand::Shortcuts, commands);
            command_button(ui, view, AppCommand::About, commands);
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            // The language switch on the bar itself: presenters change it in one click.
            let other = if view.zh() { "English" } else { "中文" };
            if ui
                .button(other)
                .on_hover_text(AppCommand::SwitchLanguage.hover_text(ui.ctx(), view.lang))
                .clicked()
            {
                commands.push(Command::App(AppCommand::SwitchLanguage));
            }
        });
    });
}

fn command_buttons(
    ui: &mut egui::Ui,
    view: &View<'_>,
    list: &[AppCommand],
    commands: &mut Vec<Command>,
) {
    for &command in list {
        command_button(ui, view, command, commands);
    }
}

fn command_button(
    ui: &mut egui::Ui,
    view: &View<'_>,
    command: AppCommand,
    commands: &mut Vec<Command>,
) {
    command.menu_item(ui, view.lang, commands);
}

/// Undo and Redo saying what they would undo and redo, and New entity by kind.
fn edit_menu(ui: &mut egui::Ui, view: &View<'_>, commands: &mut Vec<Command>) {
    let s = view.s();
    let history = &view.doc.history();
    for (command, label) in [
        (AppCommand::Undo, history.undo_label()),
        (AppCommand::Redo, history.redo_label()),
    ] {
        let text = match label {
            Some(what) => format!("{} {what}", command.label(view.lang)),
            None => command.label(view.lang).to_owned(),
        };
        command.menu_item_as(ui, view.lang, &text, label.is_some(), commands);
    }
    ui.separator();
    command_button(ui, view, AppCommand::EditModel, commands);
    command_button(ui, view, AppCommand::EditIndicators, commands);
    ui.menu_button(s.menus.new_entity, |ui| {
        for kind in crate::model::EntityKind::ALL {
            if ui
                .button(crate::i18n::entity_kind(kind, view.lang))
                .clicked()
            {
                new_entity(view, kind, commands);
            }
        }
    });
}

/// Adds an entity of `kind` at the end of the model, selects it and opens it for editing.
fn new_entity(view: &View<'_>, kind: crate::model::EntityKind, commands: &mut Vec<Command>) {
    use crate::edit::{Edit, Op};
    use crate::model::{Entity, Text};
    let s = view.s();
    let stem = format!("new-{}", format!("{kind:?}").to_lowercase());
    let id = crate::model::fresh_id(&stem, |id| view.doc.index().get(id).is_some());
    let name = Text::new(
        crate::i18n::strings(Lang::Zh).menus.new_entity_name,
        crate::i18n::strings(Lang::En).menus.new_entity_name,
    );
    let entity = Entity::new(&id, kind, name);
    let at = view.model().entities.len();
    let label = format!("{} {}", s.editing.verb_add, entity.name.get(view.lang));
    commands.push(view.edit(Edit::new(
        label,
        vec![Op::InsertEntity(at, Box::new(entity))],
    )));
    commands.push(Command::Select(id));
    commands.push(Command::SetEditing(true));
}
