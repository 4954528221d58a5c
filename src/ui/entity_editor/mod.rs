//! Editing the selected entity: every field (names, kind's subkind, sectors, dates, place and
//! coordinates, figures, sources, policy number and goals, editions), its relations, and
//! deleting it. The editor changes a copy of the entity; when the copy differs, it becomes one
//! edit command (typing a word is one undo step).

mod fields;
mod relations;

use fields::*;
use relations::*;

use eframe::egui;

use super::View;
use super::forms::{self, Forms, Outcome};
use crate::context::Command;
use crate::edit::Edit;
use crate::model::{
    Date, Edition, Entity, EntityKind, PolicyDocument, Relation, RelationKind, Text,
};

/// What the editor keeps between frames: fields being typed, whether the delete question is
/// open, and the relation being put together.
#[derive(Default)]
pub struct EditorState {
    forms: Forms,
    confirm_delete: bool,
    /// The relation being put together: its kind, its direction, and the other end.
    new_kind: Option<RelationKind>,
    incoming: bool,
    other_query: String,
    /// The other end, by id: the list may change under a relation being put together.
    other: Option<String>,
    /// The date of an edition being added (it needs one before it can join the model).
    new_edition: String,
}

pub fn ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    index: usize,
    state: &mut EditorState,
    commands: &mut Vec<Command>,
) {
    let s = view.s();
    let Some(entity) = view.model().entities.get(index) else {
        return;
    };
    let mut draft = entity.clone();
    let mut outcome = Outcome::default();
    let mut renamed = false;
    let key = |field: &str| format!("{}/{field}", entity.id);
    egui::Grid::new(("entity-editor", &entity.id))
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            let (zh, en) = forms::text_rows(
                ui,
                (s.editing.field_name_zh, s.editing.field_name_en),
                &mut draft.name,
                false,
            );
            if zh || en {
                renamed = true;
                outcome.typed(key(if zh { "name-zh" } else { "name-en" }));
            }
            if forms::text_row(ui, s.editing.field_subkind, &mut draft.subkind, false) {
                outcome.typed(key("subkind"));
            }
            ui.end_row();
            if forms::text_row(ui, s.editing.field_website, &mut draft.website, false) {
                outcome.typed(key("website"));
            }
            ui.end_row();
            let (zh, en) = forms::text_rows(
                ui,
                (
                    s.editing.field_description_zh,
                    s.editing.field_description_en,
                ),
                &mut draft.description,
                true,
            );
            if zh || en {
                outcome.typed(key(if zh {
                    "description-zh"
                } else {
                    "description-en"
                }));
            }
            let founded = crate::i18n::founded_label(entity.kind, view.lang);
            for (field, label) in [
                ("founded", founded),
                ("joined", s.editing.field_joined),
                ("ended", s.editing.field_ended),
            ] {
                let label = ui.label(label);
                let date: &mut Option<Date> = match field {
                    "founded" => &mut draft.founded,
                    "joined" => &mut draft.joined,
                    _ => &mut draft.ended,
                };
                if state.forms.date(ui, &key(field), date, label.id) {
                    outcome.typed(key(field));
                }
                ui.end_row();
            }
            // Whether the founding date is its arrival in the town ("as of year" reads it).
            ui.label("");
            let text = view.lang.pick(
                "在本镇创立（创立即来到小镇）",
                "Founded here (founding is arrival)",
            );
            if ui.checkbox(&mut draft.founded_here, text).changed() {
                outcome.step();
            }
            ui.end_row();
        });
    sectors(ui, view, &mut draft, &mut outcome);
    place(ui, view, index, &mut state.forms, &mut draft, &mut outcome);
    section(ui, s.views.figures, draft.figures.len(), &entity.id, |ui| {
        forms::figures(
            ui,
            view,
            &mut state.forms,
            &key("figures"),
            &mut draft.figures,
            &mut outcome,
        );
    });
    section(ui, s.views.sources, draft.sources.len(), &entity.id, |ui| {
        forms::cites(ui, view, &key("sources"), &mut draft.sources, &mut outcome);
    });
    if entity.kind == EntityKind::Policy || entity.policy.is_some() {
        policy(ui, view, &mut draft, &mut outcome);
    }
    if entity.kind == EntityKind::Event || !entity.editions.is_empty() {
        editions(ui, view, state, &mut draft, &mut outcome);
    }
    if outcome.changed && draft != *entity {
        let verb = if renamed {
            s.editing.verb_rename
        } else {
            s.editing.verb_edit
        };
        let label = format!("{verb} {}", view.name(&draft));
        let edit = Edit::set_entity(label, &entity.id, draft);
        commands.push(view.edit(edit.merging_if(outcome.merge)));
    }
    ui.add_space(6.0);
    relations(ui, view, index, &mut state.forms, commands);
    add_relation(ui, view, entity, state, commands);
    ui.add_space(6.0);
    if ui.button(s.editing.delete_entity).clicked() {
        state.confirm_delete = true;
    }
    if state.confirm_delete {
        confirm_delete(ui.ctx(), view, index, entity, state, commands);
    }
}

/// A collapsible part of the editor titled with how many items it holds.
fn section(
    ui: &mut egui::Ui,
    title: &str,
    count: usize,
    id: &str,
    body: impl FnOnce(&mut egui::Ui),
) {
    egui::CollapsingHeader::new(format!("{title} ({count})"))
        .id_salt((id, title))
        .show(ui, body);
}

/// "Delete this entity?" naming the relations that go with it.
fn confirm_delete(
    ctx: &egui::Context,
    view: &View<'_>,
    index: usize,
    entity: &Entity,
    state: &mut EditorState,
    commands: &mut Vec<Command>,
) {
    let s = view.s();
    let going: Vec<String> = view
        .relations_of(index)
        .map(|(end, relation, other)| {
            let kind = crate::i18n::relation_kind(relation.kind, end.outgoing, view.lang);
            format!("{kind} {}", view.name(other))
        })
        .collect();
    let modal = egui::Modal::new(egui::Id::unique("confirm-delete")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.heading(s.editing.delete_question);
        ui.strong(view.name(entity));
        ui.add_space(6.0);
        if going.is_empty() {
            ui.label(s.editing.no_relations_go);
        } else {
            ui.label(s.editing.relations_go_too);
            egui::ScrollArea::vertical()
                .max_height(240.0)
                .show(ui, |ui| {
                    for line in &going {
                        ui.label(format!("• {line}"));
                    }
                });
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(s.editing.delete).clicked() {
                let label = format!("{} {}", s.editing.verb_delete, view.name(entity));
                commands.push(view.edit(Edit::remove_entity(label, view.model(), index)));
                commands.push(Command::SetEditing(false));
                state.confirm_delete = false;
            }
            if ui.button(s.menus.cancel).clicked() {
                state.confirm_delete = false;
            }
        });
    });
    if modal.should_close() {
        state.confirm_delete = false;
    }
}
