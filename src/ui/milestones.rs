//! The milestones: a strip on a year axis and the dated list beneath it.

use eframe::egui;
use egui_plot::{PlotPoints, Points};

use super::View;
use super::charts::{still_plot, year_axis};
use crate::context::Command;
use crate::ui::style::kind_colour;

pub fn ui(ui: &mut egui::Ui, view: &View<'_>, commands: &mut Vec<Command>) {
    let s = view.s();
    ui.strong(s.views.milestones);
    let model = view.model();
    if model.milestones.is_empty() {
        ui.weak(s.views.no_data);
        return;
    }
    let mut order: Vec<usize> = (0..model.milestones.len()).collect();
    order.sort_by(|&a, &b| {
        let when = |i: usize| model.milestones.get(i).map_or(0.0, |m| m.date.midpoint());
        when(a).total_cmp(&when(b))
    });
    timeline_strip(ui, view, &order, commands);
    let mut last_year = None;
    egui::Grid::new("milestones")
        .num_columns(3)
        .spacing([12.0, 4.0])
        .striped(true)
        .show(ui, |ui| {
            for milestone in order.iter().filter_map(|&i| model.milestones.get(i)) {
                let year = milestone.date.year;
                if last_year == Some(year) {
                    ui.label("");
                } else {
                    ui.strong(year.to_string());
                }
                last_year = Some(year);
                ui.horizontal(|ui| {
                    ui.weak(crate::i18n::date(milestone.date, view.lang));
                    super::provenance::inferred_field(ui, view, &milestone.inferred, "date");
                    super::provenance::inferred_field(ui, view, &milestone.inferred, "");
                });
                let title = milestone.title.get(view.lang);
                let target = milestone.entities.first();
                let mut response = None;
                ui.horizontal_wrapped(|ui| {
                    let link = if target.is_some() {
                        ui.link(title)
                    } else {
                        ui.label(title)
                    };
                    response = Some(link);
                    super::provenance::translated_mark(ui, view, &milestone.title);
                    super::provenance::inferred_field(ui, view, &milestone.inferred, "title");
                    if let Some(dispute) = &milestone.disputed {
                        super::provenance::dispute_mark(ui, view, dispute, &milestone.sources);
                    }
                });
                let Some(response) = response else {
                    continue;
                };
                let response = response.on_hover_ui(|ui| {
                    let description = milestone.description.get(view.lang);
                    if !description.is_empty() {
                        ui.label(description);
                    }
                    if !milestone.entities.is_empty() {
                        let names: Vec<&str> = milestone
                            .entities
                            .iter()
                            .map(|id| view.name_of_id(id))
                            .collect();
                        ui.weak(names.join("、"));
                    }
                    super::details::cites(ui, view, &milestone.sources);
                });
                if response.clicked()
                    && let Some(id) = target
                {
                    commands.push(Command::Select(id.clone()));
                }
                ui.end_row();
            }
        });
}

/// The milestones on a time axis: one marker each, stacked within a year, coloured by the kind
/// of the first entity involved; hovering reads it, clicking selects that entity.
fn timeline_strip(
    ui: &mut egui::Ui,
    view: &View<'_>,
    order: &[usize],
    commands: &mut Vec<Command>,
) {
    let model = view.model();
    let mut per_year: std::collections::HashMap<i32, usize> = std::collections::HashMap::new();
    let markers: Vec<(egui_plot::ItemId, [f64; 2], String, egui::Color32)> = order
        .iter()
        .filter_map(|&i| {
            let milestone = model.milestones.get(i)?;
            let row = per_year.entry(milestone.date.year).or_default();
            let y = *row as f64;
            *row += 1;
            let colour = milestone
                .entities
                .first()
                .and_then(|id| view.doc.index().get(id))
                .and_then(|e| model.entities.get(e))
                .map_or(ui.visuals().text_color(), |e| kind_colour(e.kind));
            let label = format!(
                "{}  {}{}",
                crate::i18n::date(milestone.date, view.lang),
                milestone.title.get(view.lang),
                super::provenance::disputed_suffix(view, milestone.disputed.is_some())
            );
            Some((
                egui_plot::ItemId::new(("milestone", i)),
                [milestone.date.midpoint(), y],
                label,
                colour,
            ))
        })
        .collect();
    let rows = per_year.values().copied().max().unwrap_or(1) as f64;
    let response = year_axis(still_plot("milestone-strip"))
        .height(40.0 + 14.0 * rows as f32)
        .show_axes([true, false])
        .show_grid([true, false])
        .include_y(-0.8)
        .include_y(rows - 0.2)
        .label_formatter(|position| match position {
            egui_plot::HoverPosition::NearDataPoint { plot_name, .. } => {
                Some((*plot_name).to_owned())
            }
            egui_plot::HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot| {
            for (id, point, label, colour) in &markers {
                plot.points(
                    Points::new(label.clone(), PlotPoints::from(vec![*point]))
                        .id(*id)
                        .color(*colour)
                        .radius(5.0)
                        .filled(true),
                );
            }
        });
    if response.response.clicked()
        && let Some(hovered) = response.hovered_plot_item
        && let Some(&i) = order
            .iter()
            .find(|&&i| egui_plot::ItemId::new(("milestone", i)) == hovered)
        && let Some(id) = model.milestones.get(i).and_then(|m| m.entities.first())
    {
        commands.push(Command::Select(id.clone()));
    }
}
