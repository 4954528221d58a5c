//! Editing the selected entity: every field (names, kind's subkind, sectors, dates, place and
//! coordinates, figures, sources, policy number and goals, editions), its relations, and
//! deleting it. The editor changes a copy of the entity; when the copy differs, it becomes one
//! edit command (typing a word is one undo step).

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
    let entity = &view.model().entities[index];
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
                (s.field_name_zh, s.field_name_en),
                &mut draft.name,
                false,
            );
            if zh || en {
                renamed = true;
                outcome.typed(key(if zh { "name-zh" } else { "name-en" }));
            }
            if forms::text_row(ui, s.field_subkind, &mut draft.subkind, false) {
                outcome.typed(key("subkind"));
            }
            ui.end_row();
            if forms::text_row(ui, s.field_website, &mut draft.website, false) {
                outcome.typed(key("website"));
            }
            ui.end_row();
            let (zh, en) = forms::text_rows(
                ui,
                (s.field_description_zh, s.field_description_en),
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
                ("joined", s.field_joined),
                ("ended", s.field_ended),
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
    section(ui, s.figures, draft.figures.len(), &entity.id, |ui| {
        forms::figures(
            ui,
            view,
            &mut state.forms,
            &key("figures"),
            &mut draft.figures,
            &mut outcome,
        );
    });
    section(ui, s.sources, draft.sources.len(), &entity.id, |ui| {
        forms::cites(ui, view, &key("sources"), &mut draft.sources, &mut outcome);
    });
    if entity.kind == EntityKind::Policy || entity.policy.is_some() {
        policy(ui, view, &mut draft, &mut outcome);
    }
    if entity.kind == EntityKind::Event || !entity.editions.is_empty() {
        editions(ui, view, state, &mut draft, &mut outcome);
    }
    if outcome.changed && draft != *entity {
        let verb = if renamed { s.verb_rename } else { s.verb_edit };
        let label = format!("{verb} {}", view.name(&draft));
        let edit = Edit::set_entity(label, &entity.id, draft);
        commands.push(view.edit(edit.merging_if(outcome.merge)));
    }
    ui.add_space(6.0);
    relations(ui, view, index, &mut state.forms, commands);
    add_relation(ui, view, index, state, commands);
    ui.add_space(6.0);
    if ui.button(s.delete_entity).clicked() {
        state.confirm_delete = true;
    }
    if state.confirm_delete {
        confirm_delete(ui.ctx(), view, index, state, commands);
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

/// One checkbox per sector of the model.
fn sectors(ui: &mut egui::Ui, view: &View<'_>, draft: &mut Entity, outcome: &mut Outcome) {
    let s = view.s();
    let sectors = &view.model().sectors;
    if sectors.is_empty() {
        return;
    }
    let id = draft.id.clone();
    section(ui, s.sectors, draft.sectors.len(), &id, |ui| {
        ui.horizontal_wrapped(|ui| {
            for sector in sectors {
                let mut on = draft.sectors.contains(&sector.id);
                if ui.checkbox(&mut on, sector.name.get(view.zh())).changed() {
                    if on {
                        draft.sectors.push(sector.id.clone());
                    } else {
                        draft.sectors.retain(|s| s != &sector.id);
                    }
                    outcome.step();
                }
            }
        });
    });
}

/// Where the entity is: one of the model's places, and coordinates.
fn place(
    ui: &mut egui::Ui,
    view: &View<'_>,
    index: usize,
    forms: &mut Forms,
    draft: &mut Entity,
    outcome: &mut Outcome,
) {
    let s = view.s();
    let model = view.model();
    ui.horizontal(|ui| {
        let label = ui.label(s.location);
        let mut chosen = draft.location.clone();
        let shown = chosen.as_deref().map_or(s.none, |id| view.name_of_id(id));
        egui::ComboBox::from_id_salt((&draft.id, "location"))
            .selected_text(shown)
            .truncate()
            .width(200.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut chosen, None, s.none);
                for (i, place) in model.entities.iter().enumerate() {
                    if place.kind == EntityKind::Place && i != index {
                        ui.selectable_value(&mut chosen, Some(place.id.clone()), view.name(place));
                    }
                }
            })
            .response
            .labelled_by(label.id);
        if chosen != draft.location {
            draft.location = chosen;
            outcome.step();
        }
    });
    let key = format!("{}/coordinates", draft.id);
    match &mut draft.coordinates {
        Some(at) => {
            ui.horizontal_wrapped(|ui| {
                let label = ui.label(s.latitude);
                let valid_lat = |t: &str| forms::parse_number(t).filter(|v| v.abs() <= 90.0);
                if forms.parsed(
                    ui,
                    &format!("{key}/lat"),
                    &mut at.lat,
                    |v| format!("{v}"),
                    valid_lat,
                    "−90 … 90",
                    90.0,
                    label.id,
                ) {
                    outcome.typed(format!("{key}/lat"));
                }
                let label = ui.label(s.longitude);
                let valid_lon = |t: &str| forms::parse_number(t).filter(|v| v.abs() <= 180.0);
                if forms.parsed(
                    ui,
                    &format!("{key}/lon"),
                    &mut at.lon,
                    |v| format!("{v}"),
                    valid_lon,
                    "−180 … 180",
                    90.0,
                    label.id,
                ) {
                    outcome.typed(format!("{key}/lon"));
                }
                if ui.checkbox(&mut at.approximate, s.approximate).changed() {
                    outcome.step();
                }
            });
            if ui.small_button(s.remove_coordinates).clicked() {
                draft.coordinates = None;
                outcome.step();
            }
        }
        None => {
            ui.horizontal(|ui| {
                let label = ui.label(s.coordinates);
                if ui.button(s.add_coordinates).labelled_by(label.id).clicked() {
                    // Starts at the town's own coordinates, when it has them, so the editor
                    // corrects a nearby point rather than typing one from nothing.
                    let start = model
                        .focus
                        .as_deref()
                        .and_then(|id| view.doc.index().get(id))
                        .and_then(|i| model.entities[i].coordinates);
                    draft.coordinates = Some(start.unwrap_or(crate::model::Coordinates {
                        lat: 0.0,
                        lon: 0.0,
                        approximate: true,
                    }));
                    if let Some(at) = &mut draft.coordinates {
                        at.approximate = true;
                    }
                    outcome.step();
                }
            });
        }
    }
}

/// A policy's document number and goals.
fn policy(ui: &mut egui::Ui, view: &View<'_>, draft: &mut Entity, outcome: &mut Outcome) {
    let s = view.s();
    let id = draft.id.clone();
    let count = draft.policy.as_ref().map_or(0, |p| p.goals.len());
    section(ui, s.goals, count, &id, |ui| {
        let policy = draft.policy.get_or_insert_with(PolicyDocument::default);
        egui::Grid::new((&id, "policy"))
            .num_columns(2)
            .show(ui, |ui| {
                if forms::text_row(ui, s.policy_number, &mut policy.number, false) {
                    outcome.typed(format!("{id}/policy/number"));
                }
                ui.end_row();
            });
        let mut remove = None;
        for (g, goal) in policy.goals.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                if ui.small_button("×").on_hover_text(s.delete_goal).clicked() {
                    remove = Some(g);
                }
                ui.label(format!("{}.", g + 1));
            });
            egui::Grid::new((&id, "goal", g))
                .num_columns(2)
                .show(ui, |ui| {
                    let (zh, en) =
                        forms::text_rows(ui, forms::bilingual(view, s.goals), goal, true);
                    if zh || en {
                        outcome.typed(format!("{id}/policy/goal/{g}/{zh}"));
                    }
                });
        }
        if let Some(g) = remove {
            policy.goals.remove(g);
            outcome.step();
        }
        if ui.button(s.add_goal).clicked() {
            // An empty goal is text still to be written, not a figure: it is safe to add.
            policy.goals.push(Text::default());
            outcome.step();
        }
    });
    // A policy section that holds nothing is not written to the file.
    if draft
        .policy
        .as_ref()
        .is_some_and(|p| p.number.is_empty() && p.goals.is_empty())
    {
        draft.policy = None;
    }
}

/// An event's editions: date, until, name, note, figures and sources of each.
fn editions(
    ui: &mut egui::Ui,
    view: &View<'_>,
    state: &mut EditorState,
    draft: &mut Entity,
    outcome: &mut Outcome,
) {
    let s = view.s();
    let id = draft.id.clone();
    let count = draft.editions.len();
    section(ui, s.editions, count, &id, |ui| {
        let mut remove = None;
        for (e, edition) in draft.editions.iter_mut().enumerate() {
            let key = format!("{id}/editions/{e}");
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.horizontal(|ui| {
                    if ui
                        .small_button("×")
                        .on_hover_text(s.delete_edition)
                        .clicked()
                    {
                        remove = Some(e);
                    }
                    let label = ui.label(s.edition_date);
                    if state.forms.required_date(
                        ui,
                        &format!("{key}/date"),
                        &mut edition.date,
                        label.id,
                    ) {
                        outcome.typed(format!("{key}/date"));
                    }
                    let label = ui.label(s.edition_end);
                    if state
                        .forms
                        .date(ui, &format!("{key}/end"), &mut edition.end, label.id)
                    {
                        outcome.typed(format!("{key}/end"));
                    }
                });
                egui::Grid::new((&key, "texts"))
                    .num_columns(2)
                    .show(ui, |ui| {
                        let (zh, en) = forms::text_rows(
                            ui,
                            forms::bilingual(view, s.column_name),
                            &mut edition.name,
                            false,
                        );
                        if zh || en {
                            outcome.typed(format!("{key}/name/{zh}"));
                        }
                        let (zh, en) = forms::text_rows(
                            ui,
                            forms::bilingual(view, s.description),
                            &mut edition.note,
                            true,
                        );
                        if zh || en {
                            outcome.typed(format!("{key}/note/{zh}"));
                        }
                    });
                forms::figures(
                    ui,
                    view,
                    &mut state.forms,
                    &format!("{key}/figures"),
                    &mut edition.figures,
                    outcome,
                );
                forms::cites(
                    ui,
                    view,
                    &format!("{key}/sources"),
                    &mut edition.sources,
                    outcome,
                );
            });
        }
        if let Some(e) = remove {
            draft.editions.remove(e);
            outcome.step();
        }
        ui.horizontal(|ui| {
            let label = ui.label(s.edition_date);
            ui.add(
                egui::TextEdit::singleline(&mut state.new_edition)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(110.0),
            )
            .labelled_by(label.id);
            let date = state.new_edition.trim().parse::<Date>().ok();
            if ui
                .add_enabled(date.is_some(), egui::Button::new(s.add_edition))
                .on_disabled_hover_text(s.date_hint)
                .clicked()
                && let Some(date) = date
            {
                draft.editions.push(Edition {
                    date,
                    end: None,
                    name: Text::default(),
                    location: None,
                    figures: Vec::new(),
                    note: Text::default(),
                    sources: Vec::new(),
                });
                state.new_edition.clear();
                outcome.step();
            }
        });
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
        .index()
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
                commands.push(view.edit(Edit::remove_entity(label, view.model(), index)));
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
/// The entity's relations: each can be deleted, or opened to edit when it held (since, until),
/// its note and its sources.
fn relations(
    ui: &mut egui::Ui,
    view: &View<'_>,
    index: usize,
    forms: &mut Forms,
    commands: &mut Vec<Command>,
) {
    let s = view.s();
    let ends = view.doc.index().relations_of(index);
    if ends.is_empty() {
        return;
    }
    ui.strong(s.relations_heading);
    for end in ends {
        let relation = &view.model().relations[end.relation];
        let other = view.name(&view.model().entities[end.other]);
        let kind = crate::i18n::relation_kind(relation.kind, end.outgoing, view.lang);
        let title = format!("{kind} {other}");
        // Keyed by the relation itself, so the open state follows it when others go.
        let key = format!(
            "relation/{}/{:?}/{}",
            relation.from, relation.kind, relation.to
        );
        egui::CollapsingHeader::new(&title)
            .id_salt(&key)
            .show(ui, |ui| {
                if ui.button(s.delete_relation).clicked() {
                    let label = format!("{} {title}", s.verb_delete);
                    commands.push(view.edit(Edit::new(
                        label,
                        vec![crate::edit::Op::RemoveRelation(end.relation)],
                    )));
                }
                let mut draft = relation.clone();
                let mut outcome = Outcome::default();
                egui::Grid::new((&key, "grid"))
                    .num_columns(2)
                    .spacing([8.0, 6.0])
                    .show(ui, |ui| {
                        for (field, label) in [("since", s.since), ("until", s.field_ended)] {
                            let label = ui.label(label);
                            let date = if field == "since" {
                                &mut draft.since
                            } else {
                                &mut draft.until
                            };
                            if forms.date(ui, &format!("{key}/{field}"), date, label.id) {
                                outcome.typed(format!("{key}/{field}"));
                            }
                            ui.end_row();
                        }
                        let (zh, en) =
                            forms::text_rows(ui, (s.note_zh, s.note_en), &mut draft.note, true);
                        if zh || en {
                            outcome.typed(format!("{key}/note/{zh}"));
                        }
                    });
                forms::cites(
                    ui,
                    view,
                    &format!("{key}/sources"),
                    &mut draft.sources,
                    &mut outcome,
                );
                if outcome.changed && draft != *relation {
                    let edit = Edit::new(
                        format!("{} {title}", s.verb_edit),
                        vec![crate::edit::Op::SetRelation(end.relation, draft)],
                    );
                    commands.push(view.edit(edit.merging_if(outcome.merge)));
                }
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
        let fits = |other: &&crate::model::Entity| {
            other.id != entity.id
                && if state.incoming {
                    kind.allows(other.kind, entity.kind)
                } else {
                    kind.allows(entity.kind, other.kind)
                }
        };
        let found: Vec<&crate::model::Entity> = model
            .search(&state.other_query)
            .into_iter()
            .filter_map(|i| model.entities.get(i))
            .filter(fits)
            .take(6)
            .collect();
        for other in found {
            let chosen = state.other.as_deref() == Some(other.id.as_str());
            if ui.selectable_label(chosen, view.name(other)).clicked() {
                state.other = Some(other.id.clone());
            }
        }
    }
    let other = state
        .other
        .as_deref()
        .and_then(|id| view.doc.index().get(id))
        .and_then(|i| model.entities.get(i));
    let ready = state.new_kind.zip(other);
    if ui
        .add_enabled(ready.is_some(), egui::Button::new(s.add_relation_button))
        .clicked()
        && let Some((kind, other)) = ready
    {
        let (from, to) = if state.incoming {
            (other, entity)
        } else {
            (entity, other)
        };
        let relation = Relation {
            kind,
            from: from.id.clone(),
            to: to.id.clone(),
            since: None,
            until: None,
            note: Text::default(),
            sources: Vec::new(),
            disputed: None,
            inferred: Vec::new(),
        };
        let label = format!(
            "{} {} {} {}",
            s.verb_add,
            view.name(from),
            crate::i18n::relation_kind(kind, true, view.lang),
            view.name(to)
        );
        commands.push(view.edit(Edit::new(
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
