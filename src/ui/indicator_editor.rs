//! The indicators — their names, unit, what they are about, description — and their points as a
//! grid (date, value, qualifier, source, where in it), so an editor can add this year's figures
//! or a new series. Every change is an undoable edit.

use eframe::egui;

use super::View;
use super::forms::{self, Forms, Outcome};
use crate::context::Command;
use crate::edit::{Edit, Op};
use crate::model::{Cite, Date, EntityKind, Indicator, Point, Qualifier, Text, Unit};

/// The window's state: which indicator, fields being typed, and the new point or indicator
/// being put together.
#[derive(Default)]
pub struct IndicatorEditor {
    pub open: bool,
    chosen: usize,
    forms: Forms,
    /// The point being typed in: nothing is added until it has a date and a value, so no
    /// figure is ever put in the model as a placeholder.
    new_date: String,
    new_value: String,
    /// The name of an indicator about to be created.
    new_name: String,
}

pub fn window(
    ctx: &egui::Context,
    view: &View<'_>,
    editor: &mut IndicatorEditor,
    commands: &mut Vec<Command>,
) {
    let s = view.s();
    let model = view.model();
    let mut open = editor.open;
    super::tool_window(crate::context::AppCommand::EditIndicators.label(view.lang))
        .open(&mut open)
        .default_width(680.0)
        .vscroll(true)
        .show(ctx, |ui| {
            ui.horizontal_wrapped(|ui| {
                editor.chosen = editor.chosen.min(model.indicators.len().saturating_sub(1));
                if let Some(chosen) = model.indicators.get(editor.chosen) {
                    let label = ui.label(s.editing.indicator);
                    egui::ComboBox::from_id_salt("indicator-editor-choice")
                        .selected_text(chosen.name.get(view.lang))
                        .show_ui(ui, |ui| {
                            for (i, indicator) in model.indicators.iter().enumerate() {
                                ui.selectable_value(
                                    &mut editor.chosen,
                                    i,
                                    indicator.name.get(view.lang),
                                );
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    let name = chosen.name.get(view.lang);
                    if ui
                        .button(s.editing.delete_indicator)
                        .on_hover_text(s.editing.delete_indicator_hint)
                        .clicked()
                    {
                        commands.push(view.edit(Edit::new(
                            format!("{} {name}", s.editing.verb_delete),
                            vec![Op::RemoveIndicator(editor.chosen)],
                        )));
                    }
                }
            });
            ui.horizontal(|ui| new_indicator(ui, view, editor, commands));
            let Some(indicator) = model.indicators.get(editor.chosen) else {
                ui.weak(s.editing.no_indicators);
                return;
            };
            ui.add_space(6.0);
            about(ui, view, indicator, editor, commands);
            ui.add_space(6.0);
            points_grid(ui, view, indicator, editor, commands);
        });
    editor.open = open;
}

/// Name, unit, what it is about and description of the chosen indicator.
fn about(
    ui: &mut egui::Ui,
    view: &View<'_>,
    indicator: &Indicator,
    editor: &mut IndicatorEditor,
    commands: &mut Vec<Command>,
) {
    let s = view.s();
    let model = view.model();
    let index = editor.chosen;
    let mut draft = indicator.clone();
    let mut outcome = Outcome::default();
    egui::CollapsingHeader::new(s.editing.indicator_about)
        .id_salt(("indicator-about", index))
        .show(ui, |ui| {
            egui::Grid::new(("indicator-about-grid", index))
                .num_columns(2)
                .spacing([8.0, 6.0])
                .show(ui, |ui| {
                    forms::typed_text(
                        ui,
                        (s.editing.field_name_zh, s.editing.field_name_en),
                        &mut draft.name,
                        false,
                        &format!("indicator/{index}/name"),
                        &mut outcome,
                    );
                    let label = ui.label(s.editing.unit);
                    let before = draft.unit;
                    egui::ComboBox::from_id_salt(("indicator-unit", index))
                        .selected_text(crate::i18n::unit(draft.unit, view.lang))
                        .show_ui(ui, |ui| {
                            for unit in Unit::ALL {
                                ui.selectable_value(
                                    &mut draft.unit,
                                    unit,
                                    crate::i18n::unit(unit, view.lang),
                                );
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    if draft.unit != before {
                        outcome.step();
                    }
                    ui.end_row();
                    let label = ui.label(s.editing.indicator_scope);
                    let before = draft.scope.clone();
                    egui::ComboBox::from_id_salt(("indicator-scope", index))
                        .selected_text(view.name_of_id(&draft.scope))
                        .truncate()
                        .show_ui(ui, |ui| {
                            // What a town's figures are about: the town, its parks, alliances and
                            // government bodies — not every enterprise.
                            for entity in model.entities.iter().filter(|e| {
                                matches!(
                                    e.kind,
                                    EntityKind::Place
                                        | EntityKind::Alliance
                                        | EntityKind::Government
                                ) || e.id == before
                            }) {
                                ui.selectable_value(
                                    &mut draft.scope,
                                    entity.id.clone(),
                                    view.name(entity),
                                );
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    if draft.scope != before {
                        outcome.step();
                    }
                    ui.end_row();
                    forms::typed_text(
                        ui,
                        (
                            s.editing.field_description_zh,
                            s.editing.field_description_en,
                        ),
                        &mut draft.description,
                        true,
                        &format!("indicator/{index}/description"),
                        &mut outcome,
                    );
                });
        });
    if outcome.changed && draft != *indicator {
        let label = format!("{} {}", s.editing.verb_edit, draft.name.get(view.lang));
        let edit = Edit::new(label, vec![Op::SetIndicator(index, Box::new(draft))]);
        commands.push(view.edit(edit.merging_if(outcome.merge)));
    }
}

/// A name, then "New indicator": a series with no points yet, about the town.
fn new_indicator(
    ui: &mut egui::Ui,
    view: &View<'_>,
    editor: &mut IndicatorEditor,
    commands: &mut Vec<Command>,
) {
    let s = view.s();
    let model = view.model();
    if let Some(name) = forms::new_item(
        ui,
        s.editing.new_indicator_name,
        s.views.column_name,
        &mut editor.new_name,
        140.0,
        s.editing.new_indicator,
    ) {
        let id = crate::model::fresh_id("indicator", |id| {
            model.indicators.iter().any(|i| i.id == id)
        });
        let scope = model
            .focus
            .clone()
            .or_else(|| model.entities.first().map(|e| e.id.clone()))
            .unwrap_or_default();
        let mut title = Text::default();
        if view.zh() {
            title.zh = name.clone();
        } else {
            title.en = name.clone();
        }
        let indicator = Indicator {
            id,
            name: title,
            unit: Unit::Organisations,
            scope,
            description: Text::default(),
            points: Vec::new(),
        };
        commands.push(view.edit(Edit::new(
            format!("{} {name}", s.editing.verb_add),
            vec![Op::InsertIndicator(
                model.indicators.len(),
                Box::new(indicator),
            )],
        )));
        editor.chosen = model.indicators.len();
        editor.new_name.clear();
    }
}

/// The points of the chosen indicator, one editable row each, and a row to add one.
fn points_grid(
    ui: &mut egui::Ui,
    view: &View<'_>,
    indicator: &Indicator,
    editor: &mut IndicatorEditor,
    commands: &mut Vec<Command>,
) {
    let s = view.s();
    let index = editor.chosen;
    egui::Grid::new(("points", index))
        .num_columns(6)
        .striped(true)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            let headers = [
                s.editing.point_date,
                s.editing.point_value,
                s.editing.point_qualifier,
                s.editing.point_source,
                s.editing.point_at,
            ]
            .map(|title| ui.strong(title).id);
            ui.label("");
            ui.end_row();
            for (p, point) in indicator.points.iter().enumerate() {
                let row = PointRow {
                    view,
                    indicator,
                    index,
                    p,
                    headers,
                };
                row.show(ui, point, &mut editor.forms, commands);
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    ui.horizontal(|ui| new_point(ui, view, indicator, editor, commands));
}

/// The indicator with `points` in place of its own, as one edit (typing merged by `merge`).
fn set_points(
    view: &View<'_>,
    indicator: &Indicator,
    index: usize,
    points: Vec<Point>,
    verb: &str,
    merge: Option<String>,
) -> Command {
    let mut changed = indicator.clone();
    changed.points = points;
    let label = format!("{verb} {}", indicator.name.get(view.lang));
    view.edit(Edit::new(label, vec![Op::SetIndicator(index, Box::new(changed))]).merging_if(merge))
}

/// One point's row: date and value (kept as typed until they read as a date and a number),
/// qualifier, source and where in it, and delete.
struct PointRow<'a> {
    view: &'a View<'a>,
    indicator: &'a Indicator,
    index: usize,
    p: usize,
    /// The column headings, for each field's accessible name.
    headers: [egui::Id; 5],
}

impl PointRow<'_> {
    /// The points with this one changed as `change_point` says.
    fn with_point(&self, change_point: &dyn Fn(&mut Point)) -> Vec<Point> {
        let mut points = self.indicator.points.clone();
        if let Some(point) = points.get_mut(self.p) {
            change_point(point);
        }
        points
    }

    fn key(&self, field: &str) -> String {
        format!("indicator/{}/{}/{field}", self.index, self.p)
    }

    fn ask(&self, points: Vec<Point>, field: &str) -> Command {
        let verb = self.view.s().editing.verb_edit;
        let key = Some(self.key(field));
        set_points(self.view, self.indicator, self.index, points, verb, key)
    }

    fn show(
        &self,
        ui: &mut egui::Ui,
        point: &Point,
        forms: &mut Forms,
        commands: &mut Vec<Command>,
    ) {
        let (view, index, p) = (self.view, self.index, self.p);
        let s = view.s();
        let [
            date_header,
            value_header,
            qualifier_header,
            source_header,
            at_header,
        ] = self.headers;
        let mut date = point.date;
        if forms.required_date(ui, &self.key("date"), &mut date, date_header) {
            commands.push(self.ask(self.with_point(&|point| point.date = date), "date"));
        }
        let mut value = point.value;
        let hint = s.editing.number_hint;
        if forms.number(ui, &self.key("value"), &mut value, hint, value_header) {
            commands.push(self.ask(self.with_point(&|point| point.value = value), "value"));
        }
        let mut qualifier = point.qualifier;
        egui::ComboBox::from_id_salt(("qualifier", index, p))
            .selected_text(qualifier_name(qualifier, view))
            .width(70.0)
            .show_ui(ui, |ui| {
                for q in [
                    Qualifier::Exact,
                    Qualifier::About,
                    Qualifier::Nearly,
                    Qualifier::Over,
                ] {
                    ui.selectable_value(&mut qualifier, q, qualifier_name(q, view));
                }
            })
            .response
            .labelled_by(qualifier_header);
        if qualifier != point.qualifier {
            let points = self.with_point(&|point| point.qualifier = qualifier);
            commands.push(self.ask(points, "qualifier"));
        }
        let cite = point.sources.first();
        let mut source = cite.map(|c| c.source.clone()).unwrap_or_default();
        egui::ComboBox::from_id_salt(("source", index, p))
            .selected_text(source_title(view, &source))
            .width(160.0)
            .show_ui(ui, |ui| {
                for known in &view.model().sources {
                    ui.selectable_value(&mut source, known.id.clone(), &known.title);
                }
            })
            .response
            .labelled_by(source_header);
        let mut at = cite.map(|c| c.at.clone()).unwrap_or_default();
        let at_changed = ui
            .add_sized(
                [140.0, ui.spacing().interact_size.y],
                egui::TextEdit::singleline(&mut at),
            )
            .labelled_by(at_header)
            .changed();
        if at_changed || cite.map(|c| &c.source) != Some(&source) && !source.is_empty() {
            let first = Cite { source, at };
            let points = self.with_point(&|point| match point.sources.first_mut() {
                Some(existing) => *existing = first.clone(),
                None => point.sources.push(first.clone()),
            });
            commands.push(self.ask(points, "source"));
        }
        if ui
            .small_button("×")
            .on_hover_text(s.editing.delete_point)
            .clicked()
        {
            let mut points = self.indicator.points.clone();
            let mut outcome = Outcome::default();
            outcome.remove_from(&mut points, Some(p));
            let verb = s.editing.verb_edit;
            commands.push(set_points(view, self.indicator, index, points, verb, None));
        }
    }
}

/// A new point: its date and value; it cites what the newest point cites.
fn new_point(
    ui: &mut egui::Ui,
    view: &View<'_>,
    indicator: &Indicator,
    editor: &mut IndicatorEditor,
    commands: &mut Vec<Command>,
) {
    let s = view.s();
    let label = ui.label(s.editing.new_point);
    ui.add(
        egui::TextEdit::singleline(&mut editor.new_date)
            .hint_text("YYYY")
            .desired_width(90.0),
    )
    .labelled_by(label.id);
    ui.add(
        egui::TextEdit::singleline(&mut editor.new_value)
            .hint_text(s.editing.point_value)
            .desired_width(140.0),
    )
    .labelled_by(label.id);
    let date = editor.new_date.trim().parse::<Date>();
    let value = editor.new_value.trim().replace(',', "").parse::<f64>();
    let ready = date.is_ok() && value.as_ref().is_ok_and(|v| v.is_finite());
    if ui
        .add_enabled(ready, egui::Button::new(s.editing.add_point))
        .on_disabled_hover_text(s.editing.date_hint)
        .clicked()
        && let (Ok(date), Ok(value)) = (date, value)
    {
        // Cites what the newest point cites; the editor changes it if the source differs.
        let sources = indicator
            .latest()
            .map(|p| p.sources.clone())
            .unwrap_or_default();
        let mut points = indicator.points.clone();
        points.push(Point {
            date,
            value,
            qualifier: Qualifier::Exact,
            note: Text::default(),
            sources,
            disputed: None,
            inferred: Vec::new(),
        });
        editor.new_date.clear();
        editor.new_value.clear();
        let verb = s.editing.verb_add;
        commands.push(set_points(
            view,
            indicator,
            editor.chosen,
            points,
            verb,
            None,
        ));
    }
}

fn qualifier_name(q: Qualifier, view: &View<'_>) -> &'static str {
    crate::i18n::qualifier(q, view.lang)
}

fn source_title<'a>(view: &View<'a>, id: &'a str) -> &'a str {
    view.model()
        .sources
        .iter()
        .find(|s| s.id == id)
        .map_or(id, |s| s.title.as_str())
}
