//! Editing the selected entity's own fields: names, subkind, dates, website, description; and
//! deleting it. Every change is an edit command (typing a word is one undo step).

use std::collections::HashMap;

use eframe::egui;

use super::View;
use crate::app::Command;
use crate::edit::Edit;
use crate::model::{Date, Entity, Relation, RelationKind, Text};

/// What the editor keeps between frames: the text of date fields while it is not yet a date,
/// and whether the delete question is open.
#[derive(Default)]
pub struct EditorState {
    /// Per entity and field: the text typed, and the model's value it was last in step with.
    dates: HashMap<(String, &'static str), (String, String)>,
    confirm_delete: bool,
    /// The relation being put together: its kind, its direction, and the other end.
    new_kind: Option<RelationKind>,
    incoming: bool,
    other_query: String,
    other: Option<usize>,
}

/// A text field of an entity: where it lives and what it is called.
struct TextField {
    key: &'static str,
    label: &'static str,
    get: fn(&Entity) -> &String,
    set: fn(&mut Entity) -> &mut String,
    multiline: bool,
}

pub fn ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    index: usize,
    state: &mut EditorState,
    commands: &mut Vec<Command>,
) {
    let s = view.s();
    let entity = &view.model().entities[index];
    let text_fields = [
        TextField {
            key: "name-zh",
            label: s.field_name_zh,
            get: |e| &e.name.zh,
            set: |e| &mut e.name.zh,
            multiline: false,
        },
        TextField {
            key: "name-en",
            label: s.field_name_en,
            get: |e| &e.name.en,
            set: |e| &mut e.name.en,
            multiline: false,
        },
        TextField {
            key: "subkind",
            label: s.field_subkind,
            get: |e| &e.subkind,
            set: |e| &mut e.subkind,
            multiline: false,
        },
        TextField {
            key: "website",
            label: s.field_website,
            get: |e| &e.website,
            set: |e| &mut e.website,
            multiline: false,
        },
        TextField {
            key: "description-zh",
            label: s.field_description_zh,
            get: |e| &e.description.zh,
            set: |e| &mut e.description.zh,
            multiline: true,
        },
        TextField {
            key: "description-en",
            label: s.field_description_en,
            get: |e| &e.description.en,
            set: |e| &mut e.description.en,
            multiline: true,
        },
    ];
    egui::Grid::new(("entity-editor", &entity.id))
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            for field in &text_fields {
                let label = ui.label(field.label);
                let mut text = (field.get)(entity).clone();
                let editor = if field.multiline {
                    egui::TextEdit::multiline(&mut text).desired_rows(3)
                } else {
                    egui::TextEdit::singleline(&mut text)
                };
                let response = ui
                    .add(editor.desired_width(f32::INFINITY))
                    .labelled_by(label.id);
                if response.changed() {
                    let mut changed = entity.clone();
                    *(field.set)(&mut changed) = text;
                    let verb = if field.key.starts_with("name") {
                        s.verb_rename
                    } else {
                        s.verb_edit
                    };
                    let label = format!("{verb} {}", view.name(&changed));
                    commands.push(Command::Edit(
                        Edit::set_entity(label, index, changed)
                            .merging(format!("{}/{}", entity.id, field.key)),
                    ));
                }
                ui.end_row();
            }
            for (key, label) in [
                (
                    "founded",
                    crate::i18n::founded_label(entity.kind, view.lang),
                ),
                ("joined", s.field_joined),
                ("ended", s.field_ended),
            ] {
                date_field(ui, view, index, entity, key, label, state, commands);
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    relations(ui, view, index, commands);
    add_relation(ui, view, index, state, commands);
    ui.add_space(6.0);
    if ui.button(s.delete_entity).clicked() {
        state.confirm_delete = true;
    }
    if state.confirm_delete {
        confirm_delete(ui.ctx(), view, index, state, commands);
    }
}

fn date_of(entity: &Entity, key: &str) -> Option<Date> {
    match key {
        "founded" => entity.founded,
        "joined" => entity.joined,
        _ => entity.ended,
    }
}

fn set_date(entity: &mut Entity, key: &str, date: Option<Date>) {
    match key {
        "founded" => entity.founded = date,
        "joined" => entity.joined = date,
        _ => entity.ended = date,
    }
}

/// A date typed as text: it becomes an edit once it reads as a date (or is emptied); until
/// then it stays in the field, marked, and the model keeps its last good value.
#[allow(clippy::too_many_arguments)]
fn date_field(
    ui: &mut egui::Ui,
    view: &View<'_>,
    index: usize,
    entity: &Entity,
    key: &'static str,
    label: &str,
    state: &mut EditorState,
    commands: &mut Vec<Command>,
) {
    let s = view.s();
    let label = ui.label(label);
    let stored = date_of(entity, key)
        .map(|d| d.to_string())
        .unwrap_or_default();
    let (text, synced) = state
        .dates
        .entry((entity.id.clone(), key))
        .or_insert_with(|| (stored.clone(), stored.clone()));
    // The model changed under the field (undo, say): show the model's value.
    if *synced != stored {
        *text = stored.clone();
        *synced = stored;
    }
    ui.vertical(|ui| {
        let response = ui
            .add(
                egui::TextEdit::singleline(text)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(140.0),
            )
            .labelled_by(label.id);
        let parsed: Result<Option<Date>, _> = if text.trim().is_empty() {
            Ok(None)
        } else {
            text.trim().parse::<Date>().map(Some)
        };
        match parsed {
            Ok(date) if response.changed() && date != date_of(entity, key) => {
                *synced = date.map(|d| d.to_string()).unwrap_or_default();
                let mut changed = entity.clone();
                set_date(&mut changed, key, date);
                let label = format!("{} {}", s.verb_edit, view.name(entity));
                commands.push(Command::Edit(
                    Edit::set_entity(label, index, changed).merging(format!("{}/{key}", entity.id)),
                ));
            }
            Ok(_) => {}
            Err(_) => {
                ui.colored_label(ui.visuals().error_fg_color, s.date_hint);
            }
        }
    });
}

/// "Delete this entity?" naming the relations that go with it.
fn confirm_delete(
    ctx: &egui::Context,
    view: &View<'_>,
    index: usize,
    state: &mut EditorState,
    commands: &mut Vec<Command>,
) {
    let s = view.s();
    let entity = &view.model().entities[index];
    let going: Vec<String> = view
        .doc
        .index
        .relations_of(index)
        .iter()
        .map(|end| {
            let other = view.name(&view.model().entities[end.other]);
            let kind = crate::i18n::relation_kind(
                view.model().relations[end.relation].kind,
                end.outgoing,
                view.lang,
            );
            format!("{kind} {other}")
        })
        .collect();
    let modal = egui::Modal::new(egui::Id::unique("confirm-delete")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.heading(s.delete_question);
        ui.strong(view.name(entity));
        ui.add_space(6.0);
        if going.is_empty() {
            ui.label(s.no_relations_go);
        } else {
            ui.label(s.relations_go_too);
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
            if ui.button(s.delete).clicked() {
                let label = format!("{} {}", s.verb_delete, view.name(entity));
                commands.push(Command::Edit(Edit::remove_entity(
                    label,
                    view.model(),
                    index,
                )));
                commands.push(Command::SetEditing(false));
                state.confirm_delete = false;
            }
            if ui.button(s.cancel).clicked() {
                state.confirm_delete = false;
            }
        });
    });
    if modal.should_close() {
        state.confirm_delete = false;
    }
}

/// The entity's relations, each with a button that deletes it.
fn relations(ui: &mut egui::Ui, view: &View<'_>, index: usize, commands: &mut Vec<Command>) {
    let s = view.s();
    let ends = view.doc.index.relations_of(index);
    if ends.is_empty() {
        return;
    }
    ui.strong(s.relations_heading);
    for end in ends {
        let relation = &view.model().relations[end.relation];
        let other = view.name(&view.model().entities[end.other]);
        let kind = crate::i18n::relation_kind(relation.kind, end.outgoing, view.lang);
        ui.horizontal(|ui| {
            if ui
                .small_button("×")
                .on_hover_text(s.delete_relation)
                .clicked()
            {
                let label = format!("{} {kind} {other}", s.verb_delete);
                commands.push(Command::Edit(Edit::new(
                    label,
                    vec![crate::edit::Op::RemoveRelation(end.relation)],
                )));
            }
            ui.label(format!("{kind} {other}"));
        });
    }
}

/// Kind (only those the schema allows for this entity), direction, the other end found by
/// name, and Add.
fn add_relation(
    ui: &mut egui::Ui,
    view: &View<'_>,
    index: usize,
    state: &mut EditorState,
    commands: &mut Vec<Command>,
) {
    let s = view.s();
    let model = view.model();
    let entity = &model.entities[index];
    ui.add_space(6.0);
    ui.strong(s.add_relation);
    let allowed: Vec<RelationKind> = RelationKind::ALL
        .into_iter()
        .filter(|kind| {
            let (from, to) = kind.schema();
            if state.incoming {
                to.contains(&entity.kind)
            } else {
                from.contains(&entity.kind)
            }
        })
        .collect();
    if state.new_kind.is_some_and(|k| !allowed.contains(&k)) {
        state.new_kind = None;
    }
    ui.horizontal(|ui| {
        let label = ui.label(s.relation_kind_label);
        let shown = state.new_kind.map_or("—", |k| {
            crate::i18n::relation_kind(k, !state.incoming, view.lang)
        });
        egui::ComboBox::from_id_salt("new-relation-kind")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                for kind in &allowed {
                    let name = crate::i18n::relation_kind(*kind, !state.incoming, view.lang);
                    ui.selectable_value(&mut state.new_kind, Some(*kind), name);
                }
            })
            .response
            .labelled_by(label.id);
        if ui
            .selectable_label(state.incoming, s.incoming_relation)
            .on_hover_text(s.incoming_hint)
            .clicked()
        {
            state.incoming = !state.incoming;
        }
    });
    let label = ui.label(s.other_end);
    ui.add(
        egui::TextEdit::singleline(&mut state.other_query)
            .hint_text(s.search_hint)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    if let Some(kind) = state.new_kind
        && !state.other_query.trim().is_empty()
    {
        let fits = |i: &usize| {
            let other = model.entities[*i].kind;
            *i != index
                && if state.incoming {
                    kind.allows(other, entity.kind)
                } else {
                    kind.allows(entity.kind, other)
                }
        };
        for i in model
            .search(&state.other_query)
            .into_iter()
            .filter(fits)
            .take(6)
        {
            let name = view.name(&model.entities[i]);
            if ui.selectable_label(state.other == Some(i), name).clicked() {
                state.other = Some(i);
            }
        }
    }
    let ready = state
        .new_kind
        .zip(state.other.filter(|&i| i < model.entities.len()));
    if ui
        .add_enabled(ready.is_some(), egui::Button::new(s.add_relation_button))
        .clicked()
        && let Some((kind, other)) = ready
    {
        let (from, to) = if state.incoming {
            (&model.entities[other], entity)
        } else {
            (entity, &model.entities[other])
        };
        let relation = Relation {
            kind,
            from: from.id.clone(),
            to: to.id.clone(),
            since: None,
            until: None,
            note: Text::default(),
            sources: Vec::new(),
        };
        let label = format!(
            "{} {} {} {}",
            s.verb_add,
            view.name(from),
            crate::i18n::relation_kind(kind, true, view.lang),
            view.name(to)
        );
        commands.push(Command::Edit(Edit::new(
            label,
            vec![crate::edit::Op::InsertRelation(
                model.relations.len(),
                relation,
            )],
        )));
        state.other = None;
        state.other_query.clear();
    }
}
