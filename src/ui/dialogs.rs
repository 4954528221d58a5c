//! Dialogs: what went wrong, unsaved changes, a recovery copy found, and About.

use eframe::egui;

use crate::context::{AppCommand, Command};
use crate::document::Document;
use crate::i18n::{Lang, strings};

/// What went wrong, in the words of the moment's language: the app keeps the error typed and
/// turns it into these when it draws the dialog.
pub struct TroubleShown {
    pub heading: &'static str,
    /// What happened: file, line and caret where there are some.
    pub body: String,
    /// A parser's caret needs every character the same width.
    pub monospace: bool,
    /// What it means for the user's work ("the open model is unchanged").
    pub notes: Vec<&'static str>,
}

/// The one dialog for what went wrong (a file that did not load, a save or an export that
/// failed), until the user closes it.
pub fn trouble(ctx: &egui::Context, shown: &TroubleShown, lang: Lang, commands: &mut Vec<Command>) {
    let s = strings(lang);
    let modal = egui::Modal::new(egui::Id::unique("trouble")).show(ctx, |ui| {
        ui.set_max_width(760.0);
        ui.heading(shown.heading);
        ui.add_space(6.0);
        egui::ScrollArea::both().max_height(260.0).show(ui, |ui| {
            let mut text = egui::RichText::new(&shown.body);
            if shown.monospace {
                text = text.monospace();
            }
            ui.add(egui::Label::new(text).extend());
        });
        ui.add_space(6.0);
        for note in &shown.notes {
            ui.label(*note);
        }
        ui.add_space(6.0);
        if ui.button(s.menus.close).clicked() {
            commands.push(Command::DismissError);
        }
    });
    if modal.should_close() {
        commands.push(Command::DismissError);
    }
}

pub fn about(ctx: &egui::Context, doc: &Document, lang: Lang, commands: &mut Vec<Command>) {
    let s = strings(lang);
    let mut open = true;
    egui::Window::new(AppCommand::About.label(lang))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        // In the middle of the window, not over the menus.
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .show(ctx, |ui| {
            ui.heading("Townscope");
            ui.label(format!("{} {}", s.menus.version, env!("CARGO_PKG_VERSION")));
            ui.label(s.menus.about_text);
            ui.add_space(8.0);
            ui.strong(s.menus.data_sources);
            egui::ScrollArea::vertical()
                .max_height(300.0)
                .show(ui, |ui| {
                    for source in &doc.model().sources {
                        let mut line = source.display_name().to_owned();
                        if !source.publisher.is_empty() && source.publisher != line {
                            line.push_str(&format!(" — {}", source.publisher));
                        }
                        if let Some(date) = source.date {
                            line.push_str(&format!(", {}", crate::i18n::date(date, lang)));
                        }
                        if !source.locator.is_empty() && source.locator != source.display_name() {
                            line.push_str(&format!(" · {}", source.locator));
                        }
                        ui.label(line);
                    }
                });
            ui.add_space(6.0);
            ui.weak("Noto Sans SC (subset) © Adobe, SIL Open Font License 1.1");
        });
    if !open {
        commands.push(Command::CloseAbout);
    }
}

/// "Save the changes first?" — Save, Discard, Cancel.
pub fn unsaved(ctx: &egui::Context, doc: &Document, lang: Lang, commands: &mut Vec<Command>) {
    use crate::context::UnsavedAnswer;
    let s = strings(lang);
    let modal = egui::Modal::new(egui::Id::unique("unsaved-changes")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.heading(s.files.unsaved_title);
        ui.add_space(6.0);
        ui.label(format!(
            "{} — {}",
            doc.model().name.get(lang),
            crate::i18n::origin_name(doc.origin(), lang)
        ));
        ui.label(s.files.unsaved_question);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(AppCommand::Save.label(lang)).clicked() {
                commands.push(Command::Unsaved(UnsavedAnswer::Save));
            }
            if ui.button(s.files.discard).clicked() {
                commands.push(Command::Unsaved(UnsavedAnswer::Discard));
            }
            if ui.button(s.menus.cancel).clicked() {
                commands.push(Command::Unsaved(UnsavedAnswer::Cancel));
            }
        });
    });
    if modal.should_close() {
        commands.push(Command::Unsaved(UnsavedAnswer::Cancel));
    }
}

/// "Townscope closed with unsaved changes: restore them?"
pub fn recovery(
    ctx: &egui::Context,
    found: &crate::io::recovery::Found,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    let s = strings(lang);
    egui::Modal::new(egui::Id::unique("recovery")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading(s.files.recovery_title);
        ui.add_space(6.0);
        ui.label(s.files.recovery_text);
        ui.label(format!(
            "{} — {} ({})",
            found.model.name.get(lang),
            crate::i18n::origin_name(&found.origin, lang),
            crate::i18n::model_summary(&found.model, lang)
        ));
        if let crate::io::Origin::File(path) = &found.origin {
            ui.weak(crate::model::safety::escaped(&path.display().to_string()));
        }
        if let Some(age) = found
            .written
            .and_then(|w| std::time::SystemTime::now().duration_since(w).ok())
        {
            ui.weak(crate::i18n::written_ago(age, lang));
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(s.files.restore).clicked() {
                commands.push(Command::Restore(true));
            }
            if ui.button(s.files.discard).clicked() {
                commands.push(Command::Restore(false));
            }
        });
    });
}
