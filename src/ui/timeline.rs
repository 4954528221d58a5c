//! The timeline: milestones and the entities' arrivals (joined, or founded) on one time axis, a
//! row per kind. Drag and the wheel move and zoom along time; hovering names an item; a click
//! selects its entity (a milestone's first entity).

use std::sync::Arc;

use eframe::egui;
use egui_plot::{GridMark, Line, MarkerShape, PlotPoint, PlotPoints, PlotTransform, Points};

use super::View;
use super::charts::year_axis;
use crate::context::Command;
use crate::i18n::Lang;
use crate::model::EntityKind;
use crate::ui::style::kind_colour;

/// One dot of the timeline.
struct Item {
    at: [f64; 2],
    /// What hovering shows.
    text: String,
    /// The entity a click selects.
    entity: Option<String>,
    /// Other sources contradict it: drawn amber.
    disputed: bool,
}

/// A row from the top: the milestones (no kind), then each kind with dated entities.
struct Row {
    kind: Option<EntityKind>,
    name: String,
    items: Vec<Item>,
}

/// The rows of a model in a language: built once per document revision and language, not each
/// frame (a dot and a hover text per dated entity).
struct Rows {
    revision: u64,
    lang: Lang,
    rows: Vec<Row>,
}

/// What the timeline keeps between frames, and what it drew last (for tests and tools that
/// drive it as a user would).
#[derive(Default)]
pub struct TimelineState {
    rows: Option<Arc<Rows>>,
    transform: Option<PlotTransform>,
}

impl TimelineState {
    /// Where the dot of entity `id` (its arrival, or a milestone's first entity) was drawn.
    pub fn dot(&self, id: &str) -> Option<egui::Pos2> {
        let (rows, transform) = (self.rows.as_ref()?, self.transform.as_ref()?);
        // Entity rows first: an entity's own arrival is its dot, before a milestone naming it.
        let item = rows
            .rows
            .iter()
            .rev()
            .flat_map(|row| &row.items)
            .find(|item| item.entity.as_deref() == Some(id))?;
        Some(transform.position_from_point(&PlotPoint::new(item.at[0], item.at[1])))
    }

    fn rows(&mut self, view: &View<'_>) -> Arc<Rows> {
        match &self.rows {
            Some(rows) if rows.revision == view.doc.revision() && rows.lang == view.lang => {
                Arc::clone(rows)
            }
            _ => {
                let rows = Arc::new(build_rows(view));
                self.rows = Some(Arc::clone(&rows));
                rows
            }
        }
    }
}

fn build_rows(view: &View<'_>) -> Rows {
    let model = view.model();
    let mut rows = vec![Row {
        kind: None,
        name: view.s().views.milestones.to_owned(),
        items: model
            .milestones
            .iter()
            .map(|m| Item {
                at: [m.date.midpoint(), 0.0],
                text: format!(
                    "{}  {}{}",
                    crate::i18n::date(m.date, view.lang),
                    m.title.get(view.lang),
                    super::provenance::disputed_suffix(view, m.disputed.is_some())
                ),
                entity: m.entities.first().cloned(),
                disputed: m.disputed.is_some(),
            })
            .collect(),
    }];
    for kind in EntityKind::ALL {
        let y = -(rows.len() as f64);
        let items: Vec<Item> = model
            .entities
            .iter()
            .filter(|e| e.kind == kind)
            .filter_map(|e| {
                let date = e.arrival()?;
                Some(Item {
                    at: [date.midpoint(), y],
                    text: format!("{}  {}", crate::i18n::date(date, view.lang), view.name(e)),
                    entity: Some(e.id.clone()),
                    // An entity's dispute is about what it claims, not when it arrived.
                    disputed: false,
                })
            })
            .collect();
        if !items.is_empty() {
            rows.push(Row {
                kind: Some(kind),
                name: crate::i18n::entity_kind_plural(kind, view.lang).to_owned(),
                items,
            });
        }
    }
    Rows {
        revision: view.doc.revision(),
        lang: view.lang,
        rows,
    }
}

pub fn ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    state: &mut TimelineState,
    commands: &mut Vec<Command>,
) {
    let rows = state.rows(view);
    ui.weak(view.s().views.timeline_help);
    let year = view.year;
    let bottom = -(rows.rows.len() as f64) + 0.5;
    let milestone_colour = ui.visuals().strong_text_color();
    let (names, readouts) = (Arc::clone(&rows), Arc::clone(&rows));
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
            names
                .rows
                .get(row as usize)
                .map(|r| r.name.clone())
                .unwrap_or_default()
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
            .and_then(|row| Some(readouts.rows.get(row)?.items.get(*index)?.text.clone())),
        egui_plot::HoverPosition::Elsewhere { .. } => None,
    })
    .show(ui, |plot| {
        for (r, row) in rows.rows.iter().enumerate() {
            let points: Vec<[f64; 2]> = row.items.iter().map(|i| i.at).collect();
            let (colour, shape) = match row.kind {
                Some(kind) => (kind_colour(kind), MarkerShape::Circle),
                None => (milestone_colour, MarkerShape::Diamond),
            };
            plot.points(
                Points::new(names_for(r), PlotPoints::from(points))
                    .color(colour)
                    .shape(shape)
                    .radius(6.0)
                    .filled(true),
            );
        }
        // Disputed facts in the amber of a disagreement, over their dots (hovering still reads
        // the dot beneath, whose text says the sources disagree).
        let disputed: Vec<[f64; 2]> = rows
            .rows
            .iter()
            .flat_map(|row| &row.items)
            .filter(|item| item.disputed)
            .map(|item| item.at)
            .collect();
        if !disputed.is_empty() {
            plot.points(
                Points::new("disputed", PlotPoints::from(disputed))
                    .color(super::provenance::DISPUTED)
                    .shape(MarkerShape::Diamond)
                    .radius(6.0)
                    .filled(true)
                    .allow_hover(false),
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
    let transform = response.transform;
    state.transform = Some(transform);
    // A click selects the entity of the nearest dot within reach.
    if response.response.clicked()
        && let Some(pointer) = response.response.interact_pointer_pos()
    {
        let nearest = rows
            .rows
            .iter()
            .flat_map(|row| &row.items)
            .map(|item| {
                let at = transform.position_from_point(&PlotPoint::new(item.at[0], item.at[1]));
                (item, at.distance(pointer))
            })
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
