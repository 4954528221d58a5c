//! The menu bar: File, View, Help.

use eframe::egui;

use super::View;
use crate::app::{AppCommand, Command};
use crate::i18n::Lang;

pub fn ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    recent: &[std::path::PathBuf],
    commands: &mut Vec<Command>,
) {
    let s = view.s();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(s.file, |ui| {
            command_button(ui, view, AppCommand::Open, commands);
            ui.menu_button(s.open_recent, |ui| {
                if ui.button(s.open_embedded).clicked() {
                    commands.push(Command::OpenEmbedded);
                }
                ui.separator();
                if recent.is_empty() {
                    ui.weak(s.no_recent);
                }
                for path in recent {
                    if ui.button(path.display().to_string()).clicked() {
                        commands.push(Command::OpenPath(path.clone()));
                    }
                }
            });
            ui.separator();
            command_button(ui, view, AppCommand::Quit, commands);
        });
        ui.menu_button(s.view, |ui| {
            ui.label(s.data_language);
            for (lang, label) in [(Lang::Zh, "中文"), (Lang::En, "English")] {
                if ui.radio(view.lang == lang, label).clicked() {
                    commands.push(Command::SetLang(lang));
                }
            }
        });
        ui.menu_button(s.help, |ui| {
            command_button(ui, view, AppCommand::About, commands)
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            // The language switch on the bar itself: presenters change it in one click.
            let other = if view.zh() {
                (Lang::En, "English")
            } else {
                (Lang::Zh, "中文")
            };
            if ui.button(other.1).on_hover_text(s.data_language).clicked() {
                commands.push(Command::SetLang(other.0));
            }
        });
    });
}

fn command_button(
    ui: &mut egui::Ui,
    view: &View<'_>,
    command: AppCommand,
    commands: &mut Vec<Command>,
) {
    let mut button = egui::Button::new(command.label(view.lang));
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui.add(button).clicked() {
        commands.push(Command::App(command));
    }
}
