//! The timeline: milestones and the entities' arrivals (joined, or founded) on one time axis, a
//! row per kind. Drag and the wheel move and zoom along time; hovering names an item; a click
//! selects its entity (a milestone's first entity).

use eframe::egui;
use egui_plot::{GridMark, Line, MarkerShape, PlotPoint, PlotPoints, Points};

use super::View;
use super::charts::year_axis;
use crate::app::Command;
use crate::app::theme::kind_colour;
use crate::model::EntityKind;

/// One dot of the timeline.
struct Item {
    at: [f64; 2],
    /// What hovering shows.
    text: String,
    /// The entity a click selects.
    entity: Option<String>,
}

/// What the timeline drew last frame, for tests and tools that drive it as a user would.
#[derive(Default)]
pub struct TimelineState {
    /// Each dot with an entity: the entity's id and where the dot was on screen.
    dots: Vec<(String, egui::Pos2)>,
}

impl TimelineState {
    /// Where the dot of entity `id` (its arrival, or a milestone's first entity) was drawn.
    pub fn dot(&self, id: &str) -> Option<egui::Pos2> {
        self.dots.iter().find(|(e, _)| e == id).map(|(_, at)| *at)
    }
}

pub fn ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    state: &mut TimelineState,
    commands: &mut Vec<Command>,
) {
    let s = view.s();
    let model = view.model();
    // Rows from the top: milestones, then each kind that has dated entities.
    let kinds: Vec<EntityKind> = EntityKind::ALL
        .into_iter()
        .filter(|k| {
            model
                .entities
                .iter()
                .any(|e| e.kind == *k && e.arrival().is_some())
        })
        .collect();
    let row_of = |kind: EntityKind| {
        kinds
            .iter()
            .position(|k| *k == kind)
            .map(|p| -(p as f64) - 1.0)
    };
    let mut rows: Vec<(Vec<Item>, egui::Color32, MarkerShape)> = Vec::new();
    let milestones: Vec<Item> = model
        .milestones
        .iter()
        .map(|m| Item {
            at: [m.date.midpoint(), 0.0],
            text: format!("{}  {}", m.date, m.title.get(view.zh())),
            entity: m.entities.first().cloned(),
        })
        .collect();
    rows.push((
        milestones,
        ui.visuals().strong_text_color(),
        MarkerShape::Diamond,
    ));
    for kind in &kinds {
        let Some(y) = row_of(*kind) else { continue };
        let items = model
            .entities
            .iter()
            .filter(|e| e.kind == *kind)
            .filter_map(|e| {
                let date = e.arrival()?;
                Some(Item {
                    at: [date.midpoint(), y],
                    text: format!("{date}  {}", view.name(e)),
                    entity: Some(e.id.clone()),
                })
            })
            .collect();
        rows.push((items, kind_colour(*kind), MarkerShape::Circle));
    }
    let mut names = vec![s.milestones.to_owned()];
    names.extend(
        kinds
            .iter()
            .map(|k| crate::i18n::entity_kind_plural(*k, view.lang).to_owned()),
    );
    let readouts: Vec<Vec<String>> = rows
        .iter()
        .map(|(items, _, _)| items.iter().map(|item| item.text.clone()).collect())
        .collect();
    ui.weak(s.timeline_help);
    let year = view.year;
    let bottom = -(kinds.len() as f64) - 0.5;
    let response = year_axis(
        egui_plot::Plot::new("timeline")
            .allow_zoom([true, false])
            .allow_drag([true, false])
            .allow_scroll([true, false])
            .allow_boxed_zoom(false)
            .include_y(0.5)
            .include_y(bottom)
            .show_grid([true, false]),
    )
    .y_grid_spacer(move |input| {
        let (low, high) = input.bounds;
        (low.ceil() as i64..=high.floor() as i64)
            .map(|v| GridMark {
                value: v as f64,
                step_size: 1.0,
            })
            .collect()
    })
    .y_axis_formatter(move |mark, _| {
        let row = (-mark.value).round();
        if mark.value.fract() == 0.0 && row >= 0.0 {
            names.get(row as usize).cloned().unwrap_or_default()
        } else {
            String::new()
        }
    })
    .y_axis_min_width(110.0)
    .label_formatter(move |position| match position {
        egui_plot::HoverPosition::NearDataPoint {
            plot_name, index, ..
        } => plot_name
            .strip_prefix("row-")
            .and_then(|row| row.parse::<usize>().ok())
            .and_then(|row| readouts.get(row)?.get(*index).cloned()),
        egui_plot::HoverPosition::Elsewhere { .. } => None,
    })
    .show(ui, |plot| {
        for (r, (items, colour, shape)) in rows.iter().enumerate() {
            let points: Vec<[f64; 2]> = items.iter().map(|i| i.at).collect();
            plot.points(
                Points::new(names_for(r), PlotPoints::from(points))
                    .color(*colour)
                    .shape(*shape)
                    .radius(6.0)
                    .filled(true),
            );
        }
        if let Some(year) = year {
            let x = crate::model::Date::year(year).midpoint();
            plot.line(
                Line::new(
                    year.to_string(),
                    PlotPoints::from(vec![[x, 0.5], [x, bottom]]),
                )
                .color(super::network::NEW_THIS_YEAR)
                .width(2.0),
            );
        }
    });
    let on_screen = |item: &Item| {
        response
            .transform
            .position_from_point(&PlotPoint::new(item.at[0], item.at[1]))
    };
    // Entity rows first: an entity's own arrival is its dot, before a milestone naming it.
    state.dots = rows
        .iter()
        .rev()
        .flat_map(|(items, _, _)| items.iter())
        .filter_map(|item| Some((item.entity.clone()?, on_screen(item))))
        .collect();
    // A click selects the entity of the nearest dot within reach.
    if response.response.clicked()
        && let Some(pointer) = response.response.interact_pointer_pos()
    {
        let nearest = rows
            .iter()
            .flat_map(|(items, _, _)| items.iter())
            .map(|item| (item, on_screen(item).distance(pointer)))
            .filter(|(_, d)| *d <= 12.0)
            .min_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((item, _)) = nearest
            && let Some(id) = &item.entity
        {
            commands.push(Command::Select(id.clone()));
        }
    }
}

/// Series names are internal (the rows are named on the axis); unique per row.
fn names_for(row: usize) -> String {
    format!("row-{row}")
}
