//! The status bar: which file is open, what it holds, its problems, and the latest notice.

use eframe::egui;

use super::View;
use crate::context::{AppCommand, Command, WorkShown};

pub fn ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    notice: Option<&str>,
    work: &[WorkShown],
    commands: &mut Vec<Command>,
) {
    let s = view.s();
    ui.horizontal(|ui| {
        // No spinner: it would ask for a frame every frame while work runs, and a frame of a
        // large network is expensive. The workers ask for one when they have news.
        for shown in work {
            ui.label(&shown.what);
            if let Some(progress) = shown.progress {
                ui.add(
                    egui::ProgressBar::new(progress)
                        .desired_width(90.0)
                        .show_percentage(),
                );
            }
            if ui
                .small_button(s.menus.cancel)
                .on_hover_text(s.menus.cancel_work_hint)
                .clicked()
            {
                commands.push(Command::Cancel(shown.work));
            }
            ui.separator();
        }
        ui.label(crate::i18n::origin_name(view.doc.origin(), view.lang));
        ui.separator();
        ui.weak(crate::i18n::model_summary(view.model(), view.lang))
            .on_hover_text(view.lang.pick(
                "关系网络把关系和每个实体的所在地都画成连线。",
                "The network draws the relations and each entity's location as lines.",
            ));
        let errors = view.doc.error_count();
        let warnings = view.doc.warning_count();
        if errors + warnings > 0 {
            ui.separator();
            // Words, not a warning sign: the bundled font has no symbol for it.
            let text = problem_counts(errors, warnings, view.lang);
            let colour = if errors > 0 {
                ui.visuals().error_fg_color
            } else {
                ui.visuals().warn_fg_color
            };
            let button = egui::Button::new(egui::RichText::new(text).color(colour)).frame(false);
            if ui
                .add(button)
                .on_hover_text(s.menus.show_problems)
                .clicked()
            {
                commands.push(Command::App(AppCommand::ToggleProblems));
            }
        }
        if let Some(notice) = notice {
            ui.separator();
            ui.label(notice);
            if ui.small_button("×").on_hover_text(s.menus.close).clicked() {
                commands.push(Command::DismissNotice);
            }
        }
    });
}

/// Every problem of the model, as validation finds them while editing; clicking one selects
/// what it is about.
pub fn problems(ui: &mut egui::Ui, view: &View<'_>, commands: &mut Vec<Command>) {
    use crate::model::{Severity, Subject};
    let s = view.s();
    ui.horizontal(|ui| {
        ui.strong(s.menus.problems_in_model);
        ui.weak(problem_counts(
            view.doc.error_count(),
            view.doc.warning_count(),
            view.lang,
        ));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.small_button("×").on_hover_text(s.menus.close).clicked() {
                commands.push(Command::App(AppCommand::ToggleProblems));
            }
        });
    });
    if view.doc.problems().is_empty() {
        ui.weak(s.menus.no_problems);
        return;
    }
    let model = view.model();
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, view.doc.problems().len(), |ui, range| {
            for problem in view.doc.problems().get(range).unwrap_or_default() {
                let colour = match problem.severity {
                    Severity::Error => ui.visuals().error_fg_color,
                    Severity::Warning => ui.visuals().warn_fg_color,
                };
                // The entity a problem is about: itself, a relation's first end, an
                // indicator's scope, a milestone's first entity.
                let entity = match &problem.subject {
                    Subject::Entity(id) => Some(id.clone()),
                    Subject::Relation { index, .. } => {
                        model.relations.get(*index).map(|r| r.from.clone())
                    }
                    Subject::Indicator(id) => model
                        .indicators
                        .iter()
                        .find(|i| &i.id == id)
                        .map(|i| i.scope.clone()),
                    Subject::Milestone { index, .. } => model
                        .milestones
                        .get(*index)
                        .and_then(|m| m.entities.first().cloned()),
                    Subject::Slide(index) => model
                        .story
                        .get(*index)
                        .and_then(|slide| slide.entity.clone()),
                    Subject::Model | Subject::Source(_) => None,
                }
                .filter(|id| view.doc.index().get(id).is_some());
                let text = egui::RichText::new(problem.to_string()).color(colour);
                let response = ui.add(egui::Button::new(text).frame(false).truncate());
                if let Some(id) = entity
                    && response.clicked()
                {
                    commands.push(Command::Select(id));
                }
            }
        });
}

/// What differs from another file, one line per change; clicking one selects its entity.
pub fn comparison(
    ui: &mut egui::Ui,
    view: &View<'_>,
    comparison: &crate::context::Comparison,
    commands: &mut Vec<Command>,
) {
    let s = view.s();
    ui.horizontal(|ui| {
        ui.strong(format!("{} {}", s.files.differences_from, comparison.file));
        ui.weak(format!("({})", comparison.changes.len()));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.small_button("×").on_hover_text(s.menus.close).clicked() {
                commands.push(Command::CloseComparison);
            }
        });
    });
    if comparison.changes.is_empty() {
        ui.weak(s.files.no_differences);
        return;
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Monospace) + 4.0;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, comparison.changes.len(), |ui, range| {
            for change in comparison.changes.get(range).unwrap_or_default() {
                let colour = match change {
                    crate::model::diff::Change::Added { .. } => {
                        egui::Color32::from_rgb(0x00, 0x9E, 0x73)
                    }
                    crate::model::diff::Change::Removed { .. } => ui.visuals().error_fg_color,
                    crate::model::diff::Change::Changed { .. } => ui.visuals().warn_fg_color,
                };
                let text = egui::RichText::new(change.to_string())
                    .monospace()
                    .color(colour);
                let response = ui.add(egui::Button::new(text).frame(false).truncate());
                if let Some(id) = change
                    .entity()
                    .filter(|id| view.doc.index().get(id).is_some())
                    && response.clicked()
                {
                    commands.push(Command::Select(id.to_owned()));
                }
            }
        });
}

/// "2 个错误 · 1 个警告" / "1 error · 2 warnings".
fn problem_counts(errors: usize, warnings: usize, lang: crate::i18n::Lang) -> String {
    use crate::i18n::{Counted, count};
    format!(
        "{} · {}",
        count(errors, Counted::Error, lang),
        count(warnings, Counted::Warning, lang)
    )
}
