//! The status bar: which file is open, what it holds, its problems, and the latest notice.

use eframe::egui;

use super::View;
use crate::app::Command;
use crate::model::Severity;

pub fn ui(ui: &mut egui::Ui, view: &View<'_>, notice: Option<&str>, commands: &mut Vec<Command>) {
    let s = view.s();
    ui.horizontal(|ui| {
        ui.label(view.doc.origin.display_name());
        ui.separator();
        ui.weak(view.model().summary());
        let errors = view.doc.error_count();
        let warnings = view.doc.warning_count();
        if errors + warnings > 0 {
            ui.separator();
            // Words, not a warning sign: the bundled font has no symbol for it.
            let text = format!(
                "{errors} {} · {warnings} {}",
                s.errors_count, s.warnings_count
            );
            let colour = if errors > 0 {
                ui.visuals().error_fg_color
            } else {
                ui.visuals().warn_fg_color
            };
            ui.colored_label(colour, text).on_hover_ui(|ui| {
                ui.strong(s.problems_in_model);
                for problem in view.doc.problems.iter().take(30) {
                    let colour = match problem.severity {
                        Severity::Error => ui.visuals().error_fg_color,
                        Severity::Warning => ui.visuals().warn_fg_color,
                    };
                    ui.colored_label(colour, problem.to_string());
                }
            });
        }
        if let Some(notice) = notice {
            ui.separator();
            ui.label(notice);
            if ui.small_button("×").on_hover_text(s.close).clicked() {
                commands.push(Command::DismissNotice);
            }
        }
    });
}
