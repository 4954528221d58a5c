//! The entity editor's sections for what only some entities have: sectors, a place and its
//! coordinates, a policy's number and goals, an event's editions.

use super::*;

/// One checkbox per sector of the model.
pub(super) fn sectors(
    ui: &mut egui::Ui,
    view: &View<'_>,
    draft: &mut Entity,
    outcome: &mut Outcome,
) {
    let s = view.s();
    let sectors = &view.model().sectors;
    if sectors.is_empty() {
        return;
    }
    let id = draft.id.clone();
    section(ui, s.views.sectors, draft.sectors.len(), &id, |ui| {
        ui.horizontal_wrapped(|ui| {
            for sector in sectors {
                let mut on = draft.sectors.contains(&sector.id);
                if ui.checkbox(&mut on, sector.name.get(view.lang)).changed() {
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
pub(super) fn place(
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
        let label = ui.label(s.views.location);
        let mut chosen = draft.location.clone();
        let shown = chosen
            .as_deref()
            .map_or(s.editing.none, |id| view.name_of_id(id));
        egui::ComboBox::from_id_salt((&draft.id, "location"))
            .selected_text(shown)
            .truncate()
            .width(200.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut chosen, None, s.editing.none);
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
                let label = ui.label(s.editing.latitude);
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
                let label = ui.label(s.editing.longitude);
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
                if ui
                    .checkbox(&mut at.approximate, s.views.approximate)
                    .changed()
                {
                    outcome.step();
                }
            });
            if ui.small_button(s.editing.remove_coordinates).clicked() {
                draft.coordinates = None;
                outcome.step();
            }
        }
        None => {
            ui.horizontal(|ui| {
                let label = ui.label(s.views.coordinates);
                if ui
                    .button(s.editing.add_coordinates)
                    .labelled_by(label.id)
                    .clicked()
                {
                    // Starts at the town's own coordinates, when it has them, so the editor
                    // corrects a nearby point rather than typing one from nothing.
                    let start = model
                        .focus
                        .as_deref()
                        .and_then(|id| view.doc.index().get(id))
                        .and_then(|i| model.entities.get(i)?.coordinates);
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
pub(super) fn policy(
    ui: &mut egui::Ui,
    view: &View<'_>,
    draft: &mut Entity,
    outcome: &mut Outcome,
) {
    let s = view.s();
    let id = draft.id.clone();
    let count = draft.policy.as_ref().map_or(0, |p| p.goals.len());
    section(ui, s.views.goals, count, &id, |ui| {
        let policy = draft.policy.get_or_insert_with(PolicyDocument::default);
        egui::Grid::new((&id, "policy"))
            .num_columns(2)
            .show(ui, |ui| {
                if forms::text_row(ui, s.views.policy_number, &mut policy.number, false) {
                    outcome.typed(format!("{id}/policy/number"));
                }
                ui.end_row();
            });
        let mut remove = None;
        for (g, goal) in policy.goals.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                if ui
                    .small_button("×")
                    .on_hover_text(s.editing.delete_goal)
                    .clicked()
                {
                    remove = Some(g);
                }
                ui.label(format!("{}.", g + 1));
            });
            egui::Grid::new((&id, "goal", g))
                .num_columns(2)
                .show(ui, |ui| {
                    forms::bilingual_text(
                        ui,
                        view,
                        s.views.goals,
                        goal,
                        true,
                        &format!("{id}/policy/goal/{g}"),
                        outcome,
                    );
                });
        }
        outcome.remove_from(&mut policy.goals, remove);
        if ui.button(s.editing.add_goal).clicked() {
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
pub(super) fn editions(
    ui: &mut egui::Ui,
    view: &View<'_>,
    state: &mut EditorState,
    draft: &mut Entity,
    outcome: &mut Outcome,
) {
    let s = view.s();
    let id = draft.id.clone();
    let count = draft.editions.len();
    section(ui, s.views.editions, count, &id, |ui| {
        let mut remove = None;
        for (e, edition) in draft.editions.iter_mut().enumerate() {
            let key = format!("{id}/editions/{e}");
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.horizontal(|ui| {
                    if ui
                        .small_button("×")
                        .on_hover_text(s.editing.delete_edition)
                        .clicked()
                    {
                        remove = Some(e);
                    }
                    let label = ui.label(s.editing.edition_date);
                    if state.forms.required_date(
                        ui,
                        &format!("{key}/date"),
                        &mut edition.date,
                        label.id,
                    ) {
                        outcome.typed(format!("{key}/date"));
                    }
                    let label = ui.label(s.editing.edition_end);
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
                        forms::bilingual_text(
                            ui,
                            view,
                            s.views.column_name,
                            &mut edition.name,
                            false,
                            &format!("{key}/name"),
                            outcome,
                        );
                        forms::bilingual_text(
                            ui,
                            view,
                            s.views.description,
                            &mut edition.note,
                            true,
                            &format!("{key}/note"),
                            outcome,
                        );
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
        outcome.remove_from(&mut draft.editions, remove);
        ui.horizontal(|ui| {
            let label = ui.label(s.editing.edition_date);
            ui.add(
                egui::TextEdit::singleline(&mut state.new_edition)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(110.0),
            )
            .labelled_by(label.id);
            let date = state.new_edition.trim().parse::<Date>().ok();
            if ui
                .add_enabled(date.is_some(), egui::Button::new(s.editing.add_edition))
                .on_disabled_hover_text(s.editing.date_hint)
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
