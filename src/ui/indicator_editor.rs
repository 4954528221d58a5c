//! The indicators' points as a grid — date, value, qualifier, source, where in it — so an editor
//! can add this year's figures. Every change is an undoable edit of the whole indicator.

use std::collections::HashMap;

use eframe::egui;

use super::View;
use crate::app::Command;
use crate::edit::{Edit, Op};
use crate::model::{Cite, Date, Point, Qualifier, Text};

/// The window's state: which indicator, and date texts not yet dates.
#[derive(Default)]
pub struct IndicatorEditor {
    pub open: bool,
    chosen: usize,
    dates: HashMap<(usize, usize), String>,
    /// The point being typed in: nothing is added until it has a date and a value, so no
    /// figure is ever put in the model as a placeholder.
    new_date: String,
    new_value: String,
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
    egui::Window::new(s.indicators_editor)
        .open(&mut open)
        .default_width(640.0)
        .show(ctx, |ui| {
            if model.indicators.is_empty() {
                ui.weak(s.no_indicators);
                return;
            }
            editor.chosen = editor.chosen.min(model.indicators.len() - 1);
            let label = ui.label(s.indicator);
            egui::ComboBox::from_id_salt("indicator-editor-choice")
                .selected_text(model.indicators[editor.chosen].name.get(view.zh()))
                .show_ui(ui, |ui| {
                    for (i, indicator) in model.indicators.iter().enumerate() {
                        if ui
                            .selectable_label(editor.chosen == i, indicator.name.get(view.zh()))
                            .clicked()
                        {
                            editor.chosen = i;
                            editor.dates.clear();
                        }
                    }
                })
                .response
                .labelled_by(label.id);
            ui.add_space(6.0);
            points_grid(ui, view, editor, commands);
        });
    editor.open = open;
}

fn points_grid(
    ui: &mut egui::Ui,
    view: &View<'_>,
    editor: &mut IndicatorEditor,
    commands: &mut Vec<Command>,
) {
    let s = view.s();
    let model = view.model();
    let index = editor.chosen;
    let indicator = &model.indicators[index];
    let name = indicator.name.get(view.zh()).to_owned();
    let change = |points: Vec<Point>, key: String| {
        let mut changed = indicator.clone();
        changed.points = points;
        Command::Edit(
            Edit::new(
                format!("{} {name}", s.verb_edit),
                vec![Op::SetIndicator(index, Box::new(changed))],
            )
            .merging(key),
        )
    };
    egui::Grid::new(("points", index))
        .num_columns(6)
        .striped(true)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            let headers: Vec<egui::Id> = [
                s.point_date,
                s.point_value,
                s.point_qualifier,
                s.point_source,
                s.point_at,
                "",
            ]
            .into_iter()
            .map(|title| ui.strong(title).id)
            .collect();
            ui.end_row();
            for (p, point) in indicator.points.iter().enumerate() {
                let key = |field: &str| format!("indicator/{index}/{p}/{field}");
                // Date, kept as typed until it reads as a date.
                let text = editor
                    .dates
                    .entry((index, p))
                    .or_insert_with(|| point.date.to_string());
                let response = ui
                    .add_sized([90.0, 20.0], egui::TextEdit::singleline(text))
                    .labelled_by(headers[0]);
                match text.trim().parse::<Date>() {
                    Ok(date) if response.changed() && date != point.date => {
                        let mut points = indicator.points.clone();
                        points[p].date = date;
                        commands.push(change(points, key("date")));
                    }
                    Ok(_) => {}
                    Err(_) => {
                        response.on_hover_text(s.date_hint);
                    }
                }
                let mut value = point.value;
                if ui
                    .add(
                        egui::DragValue::new(&mut value)
                            .speed(0.0)
                            // As typed, no trailing zeros: 3000000000, 21.45.
                            .custom_formatter(|v, _| format!("{v}")),
                    )
                    .labelled_by(headers[1])
                    .changed()
                {
                    let mut points = indicator.points.clone();
                    points[p].value = value;
                    commands.push(change(points, key("value")));
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
                    .labelled_by(headers[2]);
                if qualifier != point.qualifier {
                    let mut points = indicator.points.clone();
                    points[p].qualifier = qualifier;
                    commands.push(change(points, key("qualifier")));
                }
                let cite = point.sources.first();
                let mut source = cite.map(|c| c.source.clone()).unwrap_or_default();
                egui::ComboBox::from_id_salt(("source", index, p))
                    .selected_text(source_title(view, &source))
                    .width(160.0)
                    .show_ui(ui, |ui| {
                        for known in &model.sources {
                            ui.selectable_value(&mut source, known.id.clone(), &known.title);
                        }
                    })
                    .response
                    .labelled_by(headers[3]);
                let mut at = cite.map(|c| c.at.clone()).unwrap_or_default();
                let at_changed = ui
                    .add(egui::TextEdit::singleline(&mut at).desired_width(120.0))
                    .labelled_by(headers[4])
                    .changed();
                if at_changed || cite.map(|c| &c.source) != Some(&source) && !source.is_empty() {
                    let mut points = indicator.points.clone();
                    let first = Cite { source, at };
                    match points[p].sources.first_mut() {
                        Some(existing) => *existing = first,
                        None => points[p].sources.push(first),
                    }
                    commands.push(change(points, key("source")));
                }
                if ui.small_button("×").on_hover_text(s.delete_point).clicked() {
                    let mut points = indicator.points.clone();
                    points.remove(p);
                    editor.dates.clear();
                    commands.push(Command::Edit(Edit::new(
                        format!("{} {name}", s.verb_edit),
                        vec![Op::SetIndicator(
                            index,
                            Box::new({
                                let mut changed = indicator.clone();
                                changed.points = points;
                                changed
                            }),
                        )],
                    )));
                }
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let label = ui.label(s.new_point);
        ui.add(
            egui::TextEdit::singleline(&mut editor.new_date)
                .hint_text("YYYY")
                .desired_width(90.0),
        )
        .labelled_by(label.id);
        ui.add(
            egui::TextEdit::singleline(&mut editor.new_value)
                .hint_text(s.point_value)
                .desired_width(140.0),
        )
        .labelled_by(label.id);
        let date = editor.new_date.trim().parse::<Date>();
        let value = editor.new_value.trim().replace(',', "").parse::<f64>();
        let ready = date.is_ok() && value.as_ref().is_ok_and(|v| v.is_finite());
        if ui
            .add_enabled(ready, egui::Button::new(s.add_point))
            .on_disabled_hover_text(s.date_hint)
            .clicked()
            && let (Ok(date), Ok(value)) = (date, value)
        {
            // Cites what the newest point cites; the editor changes it if the source differs.
            let sources = indicator
                .latest()
                .map(|p| p.sources.clone())
                .unwrap_or_default();
            let mut changed = indicator.clone();
            changed.points.push(Point {
                date,
                value,
                qualifier: Qualifier::Exact,
                note: Text::default(),
                sources,
            });
            editor.dates.clear();
            editor.new_date.clear();
            editor.new_value.clear();
            commands.push(Command::Edit(Edit::new(
                format!("{} {name}", s.verb_add),
                vec![Op::SetIndicator(index, Box::new(changed))],
            )));
        }
    });
}

fn qualifier_name(q: Qualifier, view: &View<'_>) -> &'static str {
    let (zh, en) = match q {
        Qualifier::Exact => ("确数", "exact"),
        Qualifier::About => ("约", "about"),
        Qualifier::Nearly => ("近", "nearly"),
        Qualifier::Over => ("余/超过", "over"),
    };
    view.lang.pick(zh, en)
}

fn source_title<'a>(view: &View<'a>, id: &'a str) -> &'a str {
    view.model()
        .sources
        .iter()
        .find(|s| s.id == id)
        .map_or(id, |s| s.title.as_str())
}
