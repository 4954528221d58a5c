//! The entity browser: every entity grouped by kind, with counts and a search over both names.

use eframe::egui;

use super::{View, kind_swatch};
use crate::app::Command;
use crate::i18n::entity_kind_plural;
use crate::model::EntityKind;

pub fn ui(ui: &mut egui::Ui, view: &View<'_>, search: &mut String, commands: &mut Vec<Command>) {
    let s = view.s();
    ui.add_space(4.0);
    ui.heading(s.entities);
    ui.add(
        egui::TextEdit::singleline(search)
            .hint_text(s.search_hint)
            .desired_width(f32::INFINITY),
    );
    ui.add_space(4.0);
    let matches = view.model().search(search);
    let searching = !search.trim().is_empty();
    if matches.is_empty() {
        ui.weak(s.no_match);
        return;
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for kind in EntityKind::ALL {
                let members: Vec<usize> = matches
                    .iter()
                    .copied()
                    .filter(|&i| view.model().entities[i].kind == kind)
                    .collect();
                if members.is_empty() {
                    continue;
                }
                let header = egui::CollapsingHeader::new(format!(
                    "{} ({})",
                    entity_kind_plural(kind, view.lang),
                    members.len()
                ))
                .id_salt(("browser-kind", kind))
                .default_open(true);
                // While searching every group with a match is open, so no match is hidden.
                let header = if searching {
                    header.open(Some(true))
                } else {
                    header
                };
                header.show(ui, |ui| {
                    for i in members {
                        let entity = &view.model().entities[i];
                        ui.horizontal(|ui| {
                            kind_swatch(ui, kind);
                            let name = view.name(entity);
                            let button =
                                egui::Button::selectable(view.selected == Some(i), name).truncate();
                            let other = entity.name.get(!view.zh());
                            let hover = if other != name && !other.is_empty() {
                                format!("{name}\n{other}")
                            } else {
                                name.to_owned()
                            };
                            let response = ui.add(button).on_hover_text(hover);
                            if response.clicked() {
                                commands.push(Command::Select(entity.id.clone()));
                            }
                        });
                    }
                });
            }
        });
}
