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
    /// When (decimal year), and the row's index.
    at: [f64; 2],
    row: usize,
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
    /// Where each row's dots sit on the plot's vertical axis this frame: a row gets as many
    /// lines of room under its dots as its words need (the milestones most).
    row_ys: Vec<f64>,
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
        let y = self.row_ys.get(item.row).copied()?;
        Some(transform.position_from_point(&PlotPoint::new(item.at[0], y)))
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
                row: 0,
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
                    row: rows.len(),
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
    // Each row as tall as its words need at last frame's zoom (one line if unknown).
    let font = egui::TextStyle::Small.resolve(ui.style());
    let lanes: Vec<usize> = rows
        .rows
        .iter()
        .map(|row| lanes_needed(ui, row, state.transform.as_ref(), &font))
        .collect();
    let mut ys = Vec::with_capacity(rows.rows.len());
    let mut y = -0.5;
    for lanes in &lanes {
        ys.push(y);
        y -= ROW_LINES + *lanes as f64;
    }
    let bottom = y + ROW_LINES - 0.5;
    state.row_ys = ys.clone();
    let milestone_colour = ui.visuals().strong_text_color();
    let (names, readouts) = (Arc::clone(&rows), Arc::clone(&rows));
    let (marks, names_at) = (ys.clone(), ys.clone());
    let response = year_axis(
        egui_plot::Plot::new("timeline")
            .allow_zoom([true, false])
            .allow_drag([true, false])
            .allow_scroll([true, false])
            .allow_boxed_zoom(false)
            .include_y(0.0)
            .include_y(bottom)
            .show_grid([true, false]),
    )
    // Every year named where there is room for it (egui_plot's default wants 60 px a label).
    .custom_x_axes(vec![
        egui_plot::AxisHints::new_x()
            .label_spacing(34.0..=44.0)
            .formatter(super::charts::whole_numbers),
    ])
    .y_grid_spacer(move |_| {
        marks
            .iter()
            // A large step, so the axis always names the rows (it hides the labels of marks
            // closer together than a few lines).
            .map(|&value| GridMark {
                value,
                step_size: 100.0,
            })
            .collect()
    })
    .y_axis_formatter(move |mark, _| {
        names_at
            .iter()
            .position(|&y| (y - mark.value).abs() < 1e-6)
            .and_then(|row| names.rows.get(row))
            .map(|r| r.name.clone())
            .unwrap_or_default()
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
            let y = ys.get(r).copied().unwrap_or(0.0);
            let points: Vec<[f64; 2]> = row.items.iter().map(|i| [i.at[0], y]).collect();
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
            .map(|item| [item.at[0], ys.get(item.row).copied().unwrap_or(0.0)])
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
                    PlotPoints::from(vec![[x, 0.0], [x, bottom]]),
                )
                .color(super::network::NEW_THIS_YEAR)
                .width(2.0),
            );
        }
    });
    let transform = response.transform;
    if state.transform.is_none() {
        // The rows' heights were guessed: once more with this frame's zoom.
        ui.ctx().request_repaint();
    }
    state.transform = Some(transform);
    let painter = ui.painter_at(*transform.frame());
    state.labels = label_dots(ui, &painter, &rows, &ys, &transform);
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
                let y = ys.get(item.row).copied().unwrap_or(0.0);
                let at = transform.position_from_point(&PlotPoint::new(item.at[0], y));
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

/// Lines of room a row takes besides its words' lanes: its dots and the space between rows.
const ROW_LINES: f64 = 1.6;

/// How many lanes of words a row needs for every word to stand whole beside its dot at the
/// zoom of `transform` (one when it is not known yet, or for a crowd hovering names).
fn lanes_needed(
    ui: &egui::Ui,
    row: &Row,
    transform: Option<&PlotTransform>,
    font: &egui::FontId,
) -> usize {
    let Some(transform) = transform else {
        return 1;
    };
    if row.items.len() > MAX_NAMED_DOTS {
        return 1;
    }
    let colour = ui.visuals().text_color();
    let mut spans: Vec<(f32, f32)> = row
        .items
        .iter()
        .map(|item| {
            let width = ui
                .painter()
                .layout_no_wrap(item.label.clone(), font.clone(), colour)
                .size()
                .x;
            (transform.position_from_point_x(item.at[0]), width)
        })
        .collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let plot_width = transform.frame().width();
    (1..=MAX_LANES)
        .find(|&lanes| {
            let widest = widest_word(plot_width, lanes, spans.len());
            assign_lanes(&spans, lanes, f32::INFINITY, widest)
                .iter()
                .zip(&spans)
                .all(|(place, (_, width))| {
                    place.is_some_and(|(_, _, given)| given >= width.min(widest))
                })
        })
        .unwrap_or(MAX_LANES)
}

/// How wide a row's words may be: a crowded row gives each its share of the room its lanes
/// have.
fn widest_word(plot_width: f32, lanes: usize, words: usize) -> f32 {
    (plot_width * lanes as f32 / words.max(1) as f32).clamp(MIN_LABEL_WIDTH, MAX_LABEL_WIDTH)
}

/// Where the words of a row go, for dots at `x` with words `width` wide (left to right): each
/// one's lane, left edge and the width it is given (cut to it), or none where no lane has room.
/// A word starts just right of its dot, or a little further right after the words before it
/// (a leader line then joins them); in the first lane where it stands whole beside its dot,
/// else the first where it stands whole, else the one with the most room.
fn assign_lanes(
    spans: &[(f32, f32)],
    lanes: usize,
    right_edge: f32,
    widest: f32,
) -> Vec<Option<(usize, f32, f32)>> {
    let mut taken = vec![f32::NEG_INFINITY; lanes];
    let start = |taken: &[f32], lane: usize, x: f32| {
        let end = taken.get(lane).copied().unwrap_or(f32::NEG_INFINITY);
        let left = (x + 4.0).max(end);
        (left - x <= MAX_SHIFT).then_some(left)
    };
    let room = |taken: &[f32], lane: usize, x: f32| {
        start(taken, lane, x).map_or(0.0, |left| (right_edge - left).min(widest))
    };
    spans
        .iter()
        .map(|&(x, full)| {
            let width = full.min(widest);
            let lane = (0..lanes)
                .find(|&l| start(&taken, l, x) == Some(x + 4.0) && room(&taken, l, x) >= width)
                .or_else(|| (0..lanes).find(|&l| room(&taken, l, x) >= width));
            // Near the right edge, the words end at the dot instead of starting there.
            // (In the lane with the most room before the dot, cut to it if need be.)
            if lane.is_none() && right_edge - (x + 4.0) < width.min(MIN_LABEL_WIDTH * 2.0) {
                let before = |l: usize| x - 4.0 - taken.get(l).copied().unwrap_or(0.0);
                let best = (0..lanes).max_by(|&a, &b| before(a).total_cmp(&before(b)));
                if let Some(l) = best.filter(|&l| before(l) >= MIN_LABEL_WIDTH) {
                    let given = width.min(before(l));
                    if let Some(end) = taken.get_mut(l) {
                        *end = x + 6.0;
                    }
                    return Some((l, x - 4.0 - given, given));
                }
            }
            let lane = lane.or_else(|| {
                (0..lanes).max_by(|&a, &b| room(&taken, a, x).total_cmp(&room(&taken, b, x)))
            })?;
            let left = start(&taken, lane, x)?;
            let given = room(&taken, lane, x).min(width);
            if let Some(end) = taken.get_mut(lane) {
                *end = left + given + 6.0;
            }
            Some((lane, left, given))
        })
        .collect()
}

/// Series names are internal (the rows are named on the axis); unique per row.
fn names_for(row: usize) -> String {
    format!("row-{row}")
}

/// Words beside the dots are at most this wide; hovering gives the whole text.
const MAX_LABEL_WIDTH: f32 = 260.0;
/// ... and at least this wide, however crowded the row.
const MIN_LABEL_WIDTH: f32 = 56.0;
/// Words may start this far right of their dot when the lanes beside it are taken.
const MAX_SHIFT: f32 = 60.0;
/// A row has at most this many lanes of words under its dots.
const MAX_LANES: usize = 20;
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
    ys: &[f64],
    transform: &PlotTransform,
) -> Vec<egui::Rect> {
    let font = egui::TextStyle::Small.resolve(ui.style());
    let line = ui.fonts_mut(|f| f.row_height(&font)) + 2.0;
    let colour = ui.visuals().text_color();
    let clip = *transform.frame();
    let at = |item: &Item| {
        let y = ys.get(item.row).copied().unwrap_or(0.0);
        transform.position_from_point(&PlotPoint::new(item.at[0], y))
    };
    // The room down to the next row (or the bottom) sets how many lanes fit under each.
    let screen_y = |y: f64| transform.position_from_point(&PlotPoint::new(0.0, y)).y;
    let lanes_of = |r: usize| {
        let top = screen_y(ys.get(r).copied().unwrap_or(0.0));
        let next = ys
            .get(r + 1)
            .map_or(clip.bottom() + 12.0 - line * 0.5, |&y| screen_y(y));
        (((next - top - 12.0) / line).floor() as usize).clamp(1, MAX_LANES)
    };
    let mut written = Vec::new();
    // Only the dots in view are named, and none when there are more than words could ever fit
    // (a province's ten thousand arrivals): this runs every frame.
    let in_view = |item: &&Item| {
        let x = at(item).x;
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
    for (r, row) in rows.rows.iter().enumerate() {
        let lanes = lanes_of(r);
        let mut items: Vec<&Item> = row.items.iter().filter(in_view).collect();
        items.sort_by(|a, b| a.at[0].total_cmp(&b.at[0]));
        let dots: Vec<egui::Pos2> = items.iter().map(|item| at(item)).collect();
        let galleys: Vec<Arc<egui::Galley>> = items
            .iter()
            .map(|item| painter.layout_no_wrap(item.label.clone(), font.clone(), colour))
            .collect();
        let spans: Vec<(f32, f32)> = dots
            .iter()
            .zip(&galleys)
            .map(|(dot, galley)| (dot.x, galley.size().x))
            .collect();
        let widest = widest_word(clip.width(), lanes, spans.len());
        let places = assign_lanes(&spans, lanes, clip.right(), widest);
        for (((item, dot), galley), place) in items.iter().zip(&dots).zip(galleys).zip(places) {
            let Some((lane, left, given)) = place else {
                continue;
            };
            let galley = if galley.size().x <= given {
                galley
            } else {
                let text = fitted(painter, &item.label, &font, colour, given);
                painter.layout_no_wrap(text, font.clone(), colour)
            };
            let top = dot.y + 8.0 + lane as f32 * line;
            let rect = egui::Rect::from_min_size(egui::pos2(left, top), galley.size());
            if galley.size().x > 0.0 && clip.contains_rect(rect) {
                if left > dot.x + 4.0 {
                    let leader = egui::Stroke::new(1.0, colour.gamma_multiply(0.4));
                    painter.line_segment([*dot + egui::vec2(0.0, 6.0), rect.left_center()], leader);
                }
                painter.galley(rect.min, galley, colour);
                written.push(rect);
            }
        }
    }
    written
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
