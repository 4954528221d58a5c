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
    /// The words written beside the dot: a milestone's title, an entity's name.
    label: String,
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
    /// Where the words beside the dots were written last frame, and how many dots there were.
    labels: Vec<egui::Rect>,
    dots: usize,
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

    /// Where the words beside the dots were written last frame (one per dot), and how many dots
    /// were drawn.
    pub fn labels(&self) -> (&[egui::Rect], usize) {
        (&self.labels, self.dots)
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
                label: m.title.get(view.lang).to_owned(),
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
                    label: view.name(e).to_owned(),
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
    let painter = ui.painter_at(*transform.frame());
    state.labels = label_dots(ui, &painter, &rows, &transform);
    state.dots = rows.rows.iter().map(|row| row.items.len()).sum();
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

/// Words beside the dots are at most this wide; hovering gives the whole text.
const MAX_LABEL_WIDTH: f32 = 200.0;
/// ... and at least this wide, however crowded the row.
const MIN_LABEL_WIDTH: f32 = 56.0;
/// Words may start this far right of their dot when the lanes beside it are taken.
const MAX_SHIFT: f32 = 60.0;
/// A row has at most this many lanes of words under its dots.
const MAX_LANES: usize = 6;
/// More dots in view than this are left unnamed (hovering still names each).
const MAX_NAMED_DOTS: usize = 400;

/// Writes each dot's words (a milestone's title, an entity's name) just right of it, in the
/// first lane under the row where they touch nothing: lanes stagger the words of dots close in
/// time. Where no lane has room for the whole text, it is cut short (…) to the room there is.
/// Returns where each was written.
fn label_dots(
    ui: &egui::Ui,
    painter: &egui::Painter,
    rows: &Rows,
    transform: &PlotTransform,
) -> Vec<egui::Rect> {
    let font = egui::TextStyle::Small.resolve(ui.style());
    let line = ui.fonts_mut(|f| f.row_height(&font)) + 2.0;
    let colour = ui.visuals().text_color();
    let clip = *transform.frame();
    let at = |point: [f64; 2]| transform.position_from_point(&PlotPoint::new(point[0], point[1]));
    // The room between two rows sets how many lanes fit under each.
    let gap = match (rows.rows.first(), rows.rows.get(1)) {
        (Some(a), Some(b)) => {
            let (ya, yb) = (at([0.0, row_y(a)]).y, at([0.0, row_y(b)]).y);
            (yb - ya).abs()
        }
        _ => clip.height() / 2.0,
    };
    let lanes = (((gap - 12.0) / line).floor() as usize).clamp(1, MAX_LANES);
    let mut written = Vec::new();
    // Only the dots in view are named, and none when there are more than words could ever fit
    // (a province's ten thousand arrivals): this runs every frame.
    let in_view = |item: &&Item| {
        let x = at(item.at).x;
        x >= clip.left() && x <= clip.right()
    };
    let visible = rows
        .rows
        .iter()
        .flat_map(|row| row.items.iter())
        .filter(in_view)
        .take(MAX_NAMED_DOTS + 1)
        .count();
    if visible > MAX_NAMED_DOTS {
        return Vec::new();
    }
    for row in &rows.rows {
        let mut items: Vec<&Item> = row.items.iter().filter(in_view).collect();
        items.sort_by(|a, b| a.at[0].total_cmp(&b.at[0]));
        // A crowded row gives each its share of the room its lanes have.
        let share = clip.width() * lanes as f32 / items.len().max(1) as f32;
        let widest = share.clamp(MIN_LABEL_WIDTH, MAX_LABEL_WIDTH);
        // Where each lane is taken up to, on screen.
        let mut taken = vec![f32::NEG_INFINITY; lanes];
        for item in items {
            let dot = at(item.at);
            let galley = painter.layout_no_wrap(item.label.clone(), font.clone(), colour);
            let width = galley.size().x.min(widest);
            // Where the words of this dot could start in each lane: beside it, or a little
            // further right after the words before them (a leader line then joins them).
            let start = |lane: usize| {
                let end = taken.get(lane).copied().unwrap_or(f32::NEG_INFINITY);
                let left = (dot.x + 4.0).max(end);
                (left - dot.x <= MAX_SHIFT).then_some(left)
            };
            let room =
                |lane: usize| start(lane).map_or(0.0, |left| (clip.right() - left).min(widest));
            // The first lane with room for all of it beside the dot, else the one with the most.
            let lane = (0..lanes)
                .find(|&l| start(l) == Some(dot.x + 4.0) && room(l) >= width)
                .or_else(|| (0..lanes).find(|&l| room(l) >= width))
                .or_else(|| (0..lanes).max_by(|&a, &b| room(a).total_cmp(&room(b))));
            let Some((lane, left)) = lane.and_then(|l| Some((l, start(l)?))) else {
                continue;
            };
            let text = fitted(painter, &item.label, &font, colour, room(lane).min(width));
            let galley = painter.layout_no_wrap(text, font.clone(), colour);
            let top = dot.y + 8.0 + lane as f32 * line;
            let rect = egui::Rect::from_min_size(egui::pos2(left, top), galley.size());
            if galley.size().x > 0.0 && clip.contains_rect(rect) {
                if left > dot.x + 4.0 {
                    let leader = egui::Stroke::new(1.0, colour.gamma_multiply(0.4));
                    painter.line_segment([dot + egui::vec2(0.0, 6.0), rect.left_center()], leader);
                }
                painter.galley(rect.min, galley, colour);
                written.push(rect);
                if let Some(end) = taken.get_mut(lane) {
                    *end = rect.right() + 6.0;
                }
            }
        }
    }
    written
}

/// The row's place on the time axis's other axis.
fn row_y(row: &Row) -> f64 {
    row.items.first().map_or(0.0, |item| item.at[1])
}

/// `text`, or as much of it as fits in `width` points followed by "…"; empty if not even that.
fn fitted(
    painter: &egui::Painter,
    text: &str,
    font: &egui::FontId,
    colour: egui::Color32,
    width: f32,
) -> String {
    let fits = |t: &str| {
        painter
            .layout_no_wrap(t.to_owned(), font.clone(), colour)
            .size()
            .x
            <= width
    };
    if fits(text) {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    (1..chars.len())
        .rev()
        .map(|n| chars.iter().take(n).collect::<String>() + "…")
        .find(|t| fits(t))
        .unwrap_or_default()
}
