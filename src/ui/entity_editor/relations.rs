//! The entity editor's relations: each one's kind, dates, note and sources, and putting a new
//! one together (kind, direction, the other end found by name).

use super::*;

/// The entity's relations, each with a button that deletes it.
/// The entity's relations: each can be deleted, or opened to edit when it held (since, until),
/// its note and its sources.
pub(super) fn relations(
    ui: &mut egui::Ui,
    view: &View<'_>,
    index: usize,
    forms: &mut Forms,
    commands: &mut Vec<Command>,
) {
    let s = view.s();
    if view.doc.index().relations_of(index).is_empty() {
        return;
    }
    ui.strong(s.editing.relations_heading);
    for (end, relation, other) in view.relations_of(index) {
        let other = view.name(other);
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
                if ui.button(s.editing.delete_relation).clicked() {
                    let label = format!("{} {title}", s.editing.verb_delete);
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
                        for (field, label) in
                            [("since", s.views.since), ("until", s.editing.field_ended)]
                        {
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
                        forms::typed_text(
                            ui,
                            (s.editing.note_zh, s.editing.note_en),
                            &mut draft.note,
                            true,
                            &format!("{key}/note"),
                            &mut outcome,
                        );
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
                        format!("{} {title}", s.editing.verb_edit),
                        vec![crate::edit::Op::SetRelation(end.relation, draft)],
                    );
                    commands.push(view.edit(edit.merging_if(outcome.merge)));
                }
            });
    }
}

/// Kind (only those the schema allows for this entity), direction, the other end found by
/// name, and Add.
pub(super) fn add_relation(
    ui: &mut egui::Ui,
    view: &View<'_>,
    entity: &Entity,
    state: &mut EditorState,
    commands: &mut Vec<Command>,
) {
    let s = view.s();
    let model = view.model();
    ui.add_space(6.0);
    ui.strong(s.network.add_relation);
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
        let label = ui.label(s.editing.relation_kind_label);
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
            .selectable_label(state.incoming, s.editing.incoming_relation)
            .on_hover_text(s.editing.incoming_hint)
            .clicked()
        {
            state.incoming = !state.incoming;
        }
    });
    let label = ui.label(s.editing.other_end);
    ui.add(
        egui::TextEdit::singleline(&mut state.other_query)
            .hint_text(s.views.search_hint)
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
        let found: Vec<&crate::model::Entity> = view
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
        .add_enabled(
            ready.is_some(),
            egui::Button::new(s.editing.add_relation_button),
        )
        .clicked()
        && let Some((kind, other)) = ready
    {
        let (from, to) = if state.incoming {
            (other, entity)
        } else {
            (entity, other)
        };
        let relation = Relation::new(kind, &from.id, &to.id);
        let label = format!(
            "{} {} {} {}",
            s.editing.verb_add,
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
