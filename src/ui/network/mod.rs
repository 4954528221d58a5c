//! The network view: every entity a node (colour and outline by kind, size by a chosen measure),
//! every relation a line (colour by kind, arrows where direction matters). Drag to pan or to pin a
//! node, wheel or keys to zoom, click to select, double-click to focus a neighbourhood.
//!
//! Built for 10^5 nodes: links and nodes go to egui as one mesh that is rebuilt only when what it
//! shows changes; labels are placed most important first and only where they overlap nothing,
//! and their galleys are laid out once per entity and size.

mod camera;
mod controls;
mod paint;

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use eframe::egui::{self, Color32, Galley, Mesh, Pos2, Rect, Sense, Shape, Stroke, vec2};
use serde::{Deserialize, Serialize};

pub use camera::Camera;
pub use controls::{Arrangement, SizeBy};

use super::View;
use crate::context::Command;
use crate::edit::{Edit, Op};
use crate::i18n::{Lang, entity_kind, entity_kind_plural};
use crate::layout::{Group, Point, grouped, radial};
use crate::model::filter::{Filter, Focus, Shown};
use crate::model::time::Presence;
use crate::model::{EntityKind, Measure, Relation, RelationKind, Text};
use crate::ui::style::{kind_colour, kind_shape, relation_colour};
pub use paint::add_node;
use paint::{Occupancy, add_arrow, add_segment, add_taper};

/// The find field's id, so Ctrl+F can put the keyboard there.
pub const SEARCH_ID: &str = "network-search";

/// The network view's choices, remembered between runs (the focus is not).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub arrangement: Arrangement,
    pub size_by: SizeBy,
    pub filter: Filter,
    /// Steps kept around a focused entity: 1, 2 or 3.
    pub depth: u8,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            arrangement: Arrangement::Force,
            size_by: SizeBy::Degree,
            filter: Filter::default(),
            depth: 1,
        }
    }
}

/// Smallest and largest node radius in pixels.
const MIN_RADIUS: f32 = 3.5;
const MAX_RADIUS: f32 = 20.0;
/// Label sizes in pixels: the few most important, the next, the rest.
const LABEL_SIZES: [f32; 3] = [15.0, 13.0, 11.5];
/// Presenting, labels are this much larger still (on top of the presentation's zoom), to be
/// read from the back of a room: 11.5 pt becomes 18 px on the screen.
const PRESENTING_LABELS: f32 = 1.25;
/// The ring around what arrived in the year shown (a green that reads on dark and light).
pub const NEW_THIS_YEAR: Color32 = Color32::from_rgb(60, 200, 110);
/// Arrowheads are drawn only when this few links are on screen.
const MAX_ARROWS: usize = 4000;
/// More nodes than this on screen and small ones are drawn without soft edges.
const CROWD: usize = 3000;
/// Pictures are built this share of the view's size beyond each edge, so a pan can move them.
const PAN_MARGIN: f32 = 0.5;
/// More links than this on screen and each is drawn as one tapered triangle.
const CROWD_LINKS: usize = 50_000;
/// How many labels a frame may examine, and place, at most.
const MAX_LABEL_CANDIDATES: usize = 6000;

/// Everything the view keeps between frames; rebuilt when what it depends on changes.
#[derive(Default)]
pub struct NetworkState {
    pub camera: Camera,
    pub search: String,
    search_missed: bool,
    /// The selection the camera last went to, so a new selection elsewhere glides there.
    followed: Option<Option<usize>>,
    shown: Option<(u64, Filter, Arc<Shown>)>,
    sizes: Option<((u64, SizeBy, bool), Arc<Sizes>)>,
    arranged: Option<(ArrangementKey, Arc<Vec<Point>>, Vec<Group>)>,
    /// For each entity, the links it takes part in (indices into `Document::links`).
    links_of: Option<(u64, Vec<Vec<u32>>)>,
    screen: Vec<Pos2>,
    picture: Option<Picture>,
    galleys: HashMap<(usize, usize), Arc<Galley>>,
    galleys_for: (u64, Lang, bool, bool),
    /// A node being dragged, and where it is now (layout units).
    dragging: Option<(usize, Point)>,
    /// Shift+drag from a node: the node the new relation starts from.
    linking: Option<usize>,
    /// Dropped on another node: the two ends and where to ask which relation it is.
    proposal: Option<(usize, usize, Pos2)>,
    /// The document revision the drag, the link being drawn and the proposal were started on:
    /// they name entities by place in the list, so an edit meanwhile (an undo by key) ends them.
    gesture_revision: u64,
    /// The positions drawn last frame.
    drawn_positions: Option<Arc<Vec<Point>>>,
    /// First and last year of the model's dated relations, per document revision.
    relation_years: Option<(u64, Option<(i32, i32)>)>,
    /// As of a year, last frame: the entities drawn hollow (arrival unknown) and those ringed
    /// as new that year.
    year_marks: (Vec<usize>, Vec<usize>),
}

/// What the view showed last frame, for tests and tools that drive it as a user would.
impl NetworkState {
    /// The layout point at the centre of the view.
    pub fn centre(&self) -> Point {
        self.camera.centre
    }

    /// Where entity `i` is in the layout plane.
    pub fn position(&self, i: usize) -> Option<Point> {
        self.drawn_positions.as_ref()?.get(i).copied()
    }

    /// Where entity `i` was drawn on screen.
    pub fn screen_position(&self, i: usize) -> Option<Pos2> {
        self.screen.get(i).copied()
    }

    /// As of a year, last frame: the entities drawn hollow and those ringed as new that year.
    pub fn year_marks(&self) -> (&[usize], &[usize]) {
        (&self.year_marks.0, &self.year_marks.1)
    }

    /// Whether entity `i` was shown last frame (drawn, hollow or not).
    pub fn is_shown(&self, i: usize) -> bool {
        self.shown
            .as_ref()
            .is_some_and(|(_, _, shown)| shown.entities.get(i).copied().unwrap_or(false))
    }

    /// How many entities and links are shown.
    pub fn shown_counts(&self) -> Option<(usize, usize)> {
        let (_, _, shown) = self.shown.as_ref()?;
        Some((shown.entity_count(), shown.link_count()))
    }

    /// Glides to a story slide's view of `selected` (or of the whole network) and keeps it
    /// there: the selection-follows-camera rule is told the selection is already in view.
    pub fn show_slide_view(
        &mut self,
        camera: Option<crate::model::SlideCamera>,
        selected: Option<usize>,
        now: f64,
    ) {
        match camera {
            Some(c) => {
                self.camera.glide_to_view([c.x, c.y], c.scale, now);
                self.followed = Some(selected);
            }
            None => {
                self.camera.fit_pending = true;
                self.followed = Some(selected);
            }
        }
    }

    /// Looks from `camera` as another window did, with `selected` already in view (a picture of
    /// that window's view).
    pub fn keep_camera(&mut self, camera: Camera, selected: Option<usize>) {
        self.camera = camera;
        self.followed = Some(selected);
    }

    /// Whether the camera is still gliding somewhere.
    pub fn is_moving(&self) -> bool {
        self.camera.is_gliding()
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct ArrangementKey {
    revision: u64,
    arrangement: Arrangement,
    centre: Option<usize>,
    size_by: SizeBy,
}

/// Node radii and the order in which labels are offered (most important first).
#[derive(Default)]
struct Sizes {
    radius: Vec<f32>,
    order: Vec<u32>,
    weight: Vec<f64>,
}

/// The drawn links, nodes and labels, kept while nothing they show changes.
struct Picture {
    /// Everything but the camera's centre.
    key: u64,
    /// The centre the picture was built for, and the one it has been moved to since.
    built_at: Point,
    moved_to: Point,
    mesh: Arc<Mesh>,
    labels: Vec<Label>,
}

/// A label placed on screen.
struct Label {
    at: Pos2,
    galley: Arc<Galley>,
    halo: Rect,
}

/// Positions handed in by the force layout, if it has produced any, and whether it has settled.
pub struct ForceLayout<'a> {
    pub positions: Option<&'a Arc<Vec<Point>>>,
    pub settled: bool,
}

pub fn ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    force: ForceLayout<'_>,
    settings: &mut Settings,
    state: &mut NetworkState,
    commands: &mut Vec<Command>,
) {
    let doc = view.doc;
    let n = doc.model().entities.len();
    if state.gesture_revision != doc.revision() {
        state.gesture_revision = doc.revision();
        state.dragging = None;
        state.linking = None;
        state.proposal = None;
    }
    let settled = force.settled || settings.arrangement != Arrangement::Force;
    let asked = if view.presenting {
        controls::Asked::default()
    } else {
        let asked = controls::toolbar(ui, view, settings, state, commands);
        controls::legend(ui, view, &mut settings.filter.hidden_kinds);
        controls::focus_bar(ui, view, settings);
        asked
    };
    // A focus on an entity that has gone (deleted, or its id changed) shows everything again.
    if settings
        .filter
        .focus
        .as_ref()
        .is_some_and(|f| doc.index().get(&f.entity).is_none())
    {
        settings.filter.focus = None;
    }

    let sizes = sizes(state, view, settings.size_by);
    let Some((positions, groups)) = arranged(state, view, settings, force.positions) else {
        ui.weak(view.s().computing_layout);
        return;
    };
    if positions.len() != n {
        ui.weak(view.s().computing_layout);
        return;
    }
    settings.filter.as_of = view.year;
    let shown = shown(state, view, &settings.filter);
    state.drawn_positions = Some(Arc::clone(&positions));

    // Presenting, a click belongs to the slide show (next slide), not to the canvas.
    let sense = if view.presenting {
        Sense::hover()
    } else {
        Sense::click_and_drag()
    };
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), sense);
    let camera = &mut state.camera;
    let now = ui.input(|i| i.time);
    let shown_positions = || (0..n).filter(|&i| shown.entities[i]).map(|i| positions[i]);
    if asked.fit {
        camera.fit_pending = true;
    }
    if camera.fit_pending {
        // Grouped by kind, the discs and their titles are part of the picture too.
        let discs = groups.iter().flat_map(|g| {
            let [x, y] = g.centre;
            [
                [x - g.radius, y - g.radius * 1.3],
                [x + g.radius, y + g.radius],
            ]
        });
        camera.fit(rect, shown_positions().chain(discs));
        // Keep fitting while the force layout still moves.
        camera.fit_pending = !settled;
        state.followed = Some(view.selected);
    }
    if let Some(i) = asked.centre_on {
        camera.glide_to(positions[i], now);
        state.followed = Some(Some(i));
    }
    if state.followed != Some(view.selected) {
        // Selected elsewhere (the table, the browser, the details): go there.
        if let Some(i) = view.selected.filter(|&i| shown.entities[i]) {
            camera.glide_to(positions[i], now);
        }
        state.followed = Some(view.selected);
    }
    if camera.animate(now) {
        ui.ctx().request_repaint();
    }

    // Pointer: hover, drag a node or the view, zoom, click, double-click.
    state.screen.clear();
    state.screen.extend(
        positions
            .iter()
            .map(|&p| camera.screen_from_layout(rect, p)),
    );
    if let Some((i, at)) = state.dragging {
        state.screen[i] = camera.screen_from_layout(rect, at);
    }
    let screen = &state.screen;
    let hovered = match state.dragging {
        Some((i, _)) => Some(i),
        None => response
            .hover_pos()
            .and_then(|p| nearest(screen, &sizes.radius, &shown, p)),
    };
    let can_pin = settings.arrangement == Arrangement::Force && force.settled;
    let shift = ui.input(|i| i.modifiers.shift);
    if response.drag_started() {
        match hovered {
            Some(i) if shift => state.linking = Some(i),
            Some(i) if can_pin => state.dragging = Some((i, positions[i])),
            _ => {}
        }
    }
    if response.dragged() {
        match &mut state.dragging {
            Some((_, at)) => {
                if let Some(pointer) = response.interact_pointer_pos() {
                    *at = camera.layout_from_screen(rect, pointer);
                }
            }
            None if state.linking.is_some() => {}
            None => camera.pan(response.drag_delta()),
        }
    }
    if response.drag_stopped() {
        if let Some((i, at)) = state.dragging.take()
            && let Some(entity) = view.model().entities.get(i)
        {
            commands.push(Command::Pin(entity.id.clone(), at));
        }
        if let Some(from) = state.linking.take()
            && let Some(to) = hovered.filter(|&to| to != from)
            && let Some(at) = response.interact_pointer_pos().or(response.hover_pos())
        {
            state.proposal = Some((from, to, at));
        }
    }
    if response.hovered() {
        let zoom = ui.input(|i| i.zoom_delta() * (i.smooth_scroll_delta.y / 400.0).exp());
        if zoom != 1.0
            && let Some(pointer) = response.hover_pos()
        {
            camera.zoom_about(rect, pointer, zoom);
        }
    }
    keyboard(ui, camera, rect, &mut settings.filter);
    if let Some(i) = hovered {
        if response.double_clicked()
            && let Some(entity) = doc.model().entities.get(i)
        {
            settings.filter.focus = Some(Focus {
                entity: entity.id.clone(),
                depth: settings.depth,
            });
            camera.fit_pending = true;
        } else if response.clicked() {
            state.followed = Some(Some(i));
            commands.push(Command::Select(doc.model().entities[i].id.clone()));
        }
    }
    if camera.is_gliding() || response.dragged() {
        // The screen positions above are from before this frame's move: recompute.
        let camera = *camera;
        for (s, &p) in state.screen.iter_mut().zip(positions.iter()) {
            *s = camera.screen_from_layout(rect, p);
        }
        if let Some((i, at)) = state.dragging {
            state.screen[i] = camera.screen_from_layout(rect, at);
        }
    }

    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, ui.visuals().extreme_bg_color);
    if settings.arrangement == Arrangement::ByKind {
        group_titles(&painter, view, &state.camera, rect, &groups);
    }
    refresh_galleys(state, view, ui.visuals().dark_mode);
    let key = picture_key(view, state, &shown, &positions, rect, settings, ui);
    let centre = state.camera.centre;
    let scale = state.camera.scale;
    let margin = rect.size().max_elem() * PAN_MARGIN;
    let rebuild = match &mut state.picture {
        // The view came to rest after a pan: rebuild once for exact culling and labels.
        Some(picture) if picture.key == key && picture.moved_to == centre => {
            picture.moved_to != picture.built_at
        }
        Some(picture)
            if picture.key == key
                && (centre[0] - picture.built_at[0]).abs() * scale < margin
                && (centre[1] - picture.built_at[1]).abs() * scale < margin =>
        {
            // Panning: the picture was built with a margin around the view, so moving it is
            // enough (a few ms at 10^5 nodes, against tens for a rebuild).
            let shift = vec2(
                (picture.moved_to[0] - centre[0]) * scale,
                (picture.moved_to[1] - centre[1]) * scale,
            );
            Arc::make_mut(&mut picture.mesh).translate(shift);
            for label in &mut picture.labels {
                label.at += shift;
                label.halo = label.halo.translate(shift);
            }
            picture.moved_to = centre;
            // One more frame once the pan stops, to rebuild.
            ui.ctx().request_repaint();
            false
        }
        _ => true,
    };
    if rebuild {
        let reused = state.picture.take().map(|p| p.mesh);
        let built = rect.expand(margin);
        let mesh = base_mesh(reused, view, &state.screen, &sizes.radius, &shown, built);
        let labels = place_labels(ui, view, state, &sizes, &shown, rect);
        state.picture = Some(Picture {
            key,
            built_at: centre,
            moved_to: centre,
            mesh,
            labels,
        });
    }
    let text_colour = ui.visuals().text_color();
    let halo = ui.visuals().extreme_bg_color.gamma_multiply(0.8);
    if let Some(picture) = &state.picture {
        painter.add(Shape::Mesh(Arc::clone(&picture.mesh)));
        for label in picture.labels.iter().filter(|l| rect.contains_rect(l.halo)) {
            painter.rect_filled(label.halo, 3.0, halo);
            painter.add(Shape::galley(
                label.at,
                Arc::clone(&label.galley),
                text_colour,
            ));
        }
    }
    // Entities a comparison lists as changed wear an amber ring.
    let amber = ui.visuals().warn_fg_color;
    for &i in view.compared {
        if shown.entities[i] && rect.contains(state.screen[i]) {
            painter.circle_stroke(
                state.screen[i],
                sizes.radius[i] + 5.0,
                Stroke::new(2.0, amber),
            );
        }
    }
    // As of a year: what arrived that year wears a bright ring; what the sources do not date
    // is hollow.
    state.year_marks.0.clear();
    state.year_marks.1.clear();
    if let Some(year) = view.year {
        let fresh = NEW_THIS_YEAR;
        let hole = ui.visuals().extreme_bg_color;
        for (i, entity) in doc.model().entities.iter().enumerate() {
            if shown.entities[i]
                && rect.contains(state.screen[i])
                && entity.presence_in(year) == Presence::Undated
            {
                painter.circle_filled(state.screen[i], sizes.radius[i] * 0.62, hole);
                state.year_marks.0.push(i);
            }
            if shown.entities[i] && entity.new_in(year) && rect.contains(state.screen[i]) {
                state.year_marks.1.push(i);
                painter.circle_stroke(
                    state.screen[i],
                    sizes.radius[i] + 4.0,
                    Stroke::new(3.0, fresh),
                );
            }
        }
    }
    if let Some(i) = view.selected.filter(|&i| shown.entities[i]) {
        painter.circle_stroke(
            state.screen[i],
            sizes.radius[i] + 3.0,
            Stroke::new(2.5, ui.visuals().strong_text_color()),
        );
    }
    if let Some(i) = hovered {
        highlight(ui, &painter, view, state, &sizes, &shown, i, rect);
        tooltip(&response, view, i, doc.pins()[i].is_some());
    }
    // The relation being drawn: a line from its first end to the pointer.
    if let Some(from) = state.linking
        && let Some(pointer) = response.interact_pointer_pos()
    {
        let accent = ui.visuals().selection.stroke.color;
        painter.line_segment([state.screen[from], pointer], Stroke::new(2.5, accent));
        painter.circle_stroke(
            state.screen[from],
            sizes.radius[from] + 4.0,
            Stroke::new(2.0, accent),
        );
    }
    if let Some(proposal) = state.proposal {
        state.proposal = ask_relation(ui.ctx(), view, proposal, commands);
    }
    if !view.presenting {
        counts(ui, view, &shown, rect, can_pin);
    }
}

/// Which relation a Shift+drag from one node to another should make: the kinds the schema
/// allows between their kinds, in either direction. The proposal stays until one is picked or
/// the question is closed.
fn ask_relation(
    ctx: &egui::Context,
    view: &View<'_>,
    (from, to, at): (usize, usize, Pos2),
    commands: &mut Vec<Command>,
) -> Option<(usize, usize, Pos2)> {
    let s = view.s();
    let model = view.model();
    let (Some(a), Some(b)) = (model.entities.get(from), model.entities.get(to)) else {
        return None;
    };
    let mut open = true;
    let mut done = false;
    egui::Window::new(s.add_relation)
        .id(egui::Id::unique("network-new-relation"))
        .collapsible(false)
        .resizable(false)
        .default_pos(at)
        .open(&mut open)
        .show(ctx, |ui| {
            let mut offered = 0;
            for (start, end) in [(a, b), (b, a)] {
                for kind in RelationKind::ALL {
                    if !kind.allows(start.kind, end.kind) {
                        continue;
                    }
                    offered += 1;
                    let text = format!(
                        "{} {} {}",
                        view.name(start),
                        crate::i18n::relation_kind(kind, true, view.lang),
                        view.name(end)
                    );
                    if ui.button(&text).clicked() {
                        let relation = Relation {
                            kind,
                            from: start.id.clone(),
                            to: end.id.clone(),
                            since: None,
                            until: None,
                            note: Text::default(),
                            sources: Vec::new(),
                            disputed: None,
                            inferred: Vec::new(),
                        };
                        commands.push(view.edit(Edit::new(
                            format!("{} {text}", s.verb_add),
                            vec![Op::InsertRelation(model.relations.len(), relation)],
                        )));
                        done = true;
                    }
                }
            }
            if offered == 0 {
                ui.label(s.no_relation_allowed);
            }
            if ui.button(s.cancel).clicked() {
                done = true;
            }
        });
    let escaped = ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
    (open && !done && !escaped).then_some((from, to, at))
}

/// Arrow keys pan, + and − zoom, 0 fits, Escape leaves a focused neighbourhood — unless a text
/// field has the keyboard.
fn keyboard(ui: &egui::Ui, camera: &mut Camera, rect: Rect, filter: &mut Filter) {
    if ui.ctx().egui_wants_keyboard_input() {
        return;
    }
    let step = rect.size().min_elem() * 0.1;
    ui.input_mut(|input| {
        if !input.modifiers.is_none() && !input.modifiers.shift_only() {
            return;
        }
        for (key, delta) in [
            (egui::Key::ArrowLeft, vec2(step, 0.0)),
            (egui::Key::ArrowRight, vec2(-step, 0.0)),
            (egui::Key::ArrowUp, vec2(0.0, step)),
            (egui::Key::ArrowDown, vec2(0.0, -step)),
        ] {
            if input.key_pressed(key) {
                camera.pan(delta);
            }
        }
        if input.key_pressed(egui::Key::Plus) || input.key_pressed(egui::Key::Equals) {
            camera.zoom_about(rect, rect.center(), 1.25);
        }
        if input.key_pressed(egui::Key::Minus) {
            camera.zoom_about(rect, rect.center(), 0.8);
        }
        if input.key_pressed(egui::Key::Num0) {
            camera.fit_pending = true;
        }
        if filter.focus.is_some() && input.consume_key(egui::Modifiers::NONE, egui::Key::Escape) {
            filter.focus = None;
            camera.fit_pending = true;
        }
    });
}

/// The value a node's size shows, per entity.
fn weights(view: &View<'_>, size_by: SizeBy) -> Vec<f64> {
    let degree = || view.doc.graph().iter().map(|l| l.len() as f64).collect();
    let largest_figure = |measure: Measure| {
        view.model()
            .entities
            .iter()
            .map(|e| {
                e.figures
                    .iter()
                    .filter(|f| f.measure == measure)
                    .map(|f| f.value)
                    .fold(0.0, f64::max)
            })
            .collect()
    };
    match size_by {
        SizeBy::Degree => degree(),
        SizeBy::PageRank => view.metrics.map_or_else(degree, |m| m.pagerank.clone()),
        SizeBy::Staff => largest_figure(Measure::Staff),
        SizeBy::FundSize => largest_figure(Measure::FundSize),
    }
}

fn sizes(state: &mut NetworkState, view: &View<'_>, size_by: SizeBy) -> Arc<Sizes> {
    let key = (view.doc.revision(), size_by, view.metrics.is_some());
    if state.sizes.as_ref().is_none_or(|(k, _)| *k != key) {
        let weight = weights(view, size_by);
        let largest = weight.iter().copied().fold(0.0, f64::max);
        let radius = weight
            .iter()
            .map(|&w| {
                let share = if largest > 0.0 {
                    (w / largest).max(0.0).sqrt()
                } else {
                    0.0
                };
                MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * share as f32
            })
            .collect();
        // Ties (all zero, say) fall back to the number of connections, then to file order.
        let degree: Vec<usize> = view.doc.graph().iter().map(Vec::len).collect();
        let mut order: Vec<u32> = (0..weight.len() as u32).collect();
        order.sort_by(|&a, &b| {
            let (a, b) = (a as usize, b as usize);
            weight[b]
                .total_cmp(&weight[a])
                .then(degree[b].cmp(&degree[a]))
                .then(a.cmp(&b))
        });
        state.sizes = Some((
            key,
            Arc::new(Sizes {
                radius,
                order,
                weight,
            }),
        ));
    }
    state
        .sizes
        .as_ref()
        .map(|(_, sizes)| Arc::clone(sizes))
        .unwrap_or_default()
}

/// The positions of the current arrangement, and the groups' discs when grouped by kind.
fn arranged(
    state: &mut NetworkState,
    view: &View<'_>,
    settings: &Settings,
    force: Option<&Arc<Vec<Point>>>,
) -> Option<(Arc<Vec<Point>>, Vec<Group>)> {
    let doc = view.doc;
    let centre = view
        .selected
        .or_else(|| {
            doc.model()
                .focus
                .as_deref()
                .and_then(|id| doc.index().get(id))
        })
        .or((!doc.model().entities.is_empty()).then_some(0));
    let key = ArrangementKey {
        revision: doc.revision(),
        arrangement: settings.arrangement,
        centre: (settings.arrangement == Arrangement::Radial)
            .then_some(centre)
            .flatten(),
        size_by: settings.size_by,
    };
    match settings.arrangement {
        Arrangement::Force => return force.map(|p| (Arc::clone(p), Vec::new())),
        _ if state.arranged.as_ref().is_some_and(|(k, _, _)| *k == key) => {}
        Arrangement::Radial => {
            let positions = centre.map_or_else(Vec::new, |c| radial(doc.graph(), c));
            state.arranged = Some((key, Arc::new(positions), Vec::new()));
        }
        Arrangement::ByKind => {
            let group_of: Vec<usize> = doc
                .model()
                .entities
                .iter()
                .map(|e| {
                    EntityKind::ALL
                        .iter()
                        .position(|k| *k == e.kind)
                        .unwrap_or(0)
                })
                .collect();
            let weight = state
                .sizes
                .as_ref()
                .map_or_else(Vec::new, |(_, s)| s.weight.clone());
            let (positions, groups) = grouped(&group_of, &weight);
            state.arranged = Some((key, Arc::new(positions), groups));
        }
    }
    state
        .arranged
        .as_ref()
        .map(|(_, p, g)| (Arc::clone(p), g.clone()))
}

fn shown(state: &mut NetworkState, view: &View<'_>, filter: &Filter) -> Arc<Shown> {
    let doc = view.doc;
    match &state.shown {
        Some((revision, f, shown)) if *revision == doc.revision() && f == filter => {
            Arc::clone(shown)
        }
        _ => {
            let shown = Arc::new(filter.apply(doc.model(), doc.graph(), doc.links()));
            state.shown = Some((doc.revision(), filter.clone(), Arc::clone(&shown)));
            shown
        }
    }
}

/// Everything the cached picture depends on, hashed.
fn picture_key(
    view: &View<'_>,
    state: &NetworkState,
    shown: &Arc<Shown>,
    positions: &Arc<Vec<Point>>,
    rect: Rect,
    settings: &Settings,
    ui: &egui::Ui,
) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    view.doc.revision().hash(&mut hasher);
    (Arc::as_ptr(shown) as usize).hash(&mut hasher);
    (Arc::as_ptr(positions) as usize).hash(&mut hasher);
    for value in [
        state.camera.scale,
        rect.min.x,
        rect.min.y,
        rect.max.x,
        rect.max.y,
    ] {
        value.to_bits().hash(&mut hasher);
    }
    if let Some((i, at)) = state.dragging {
        (i, at[0].to_bits(), at[1].to_bits()).hash(&mut hasher);
    }
    settings.size_by.hash(&mut hasher);
    view.metrics.is_some().hash(&mut hasher);
    view.lang.is_chinese().hash(&mut hasher);
    ui.visuals().dark_mode.hash(&mut hasher);
    view.presenting.hash(&mut hasher);
    hasher.finish()
}

/// Links, arrowheads and nodes on screen, as one mesh. Reuses the buffers of the last one.
fn base_mesh(
    reused: Option<Arc<Mesh>>,
    view: &View<'_>,
    screen: &[Pos2],
    radius: &[f32],
    shown: &Shown,
    rect: Rect,
) -> Arc<Mesh> {
    let mut arc = reused.unwrap_or_default();
    let mesh = Arc::make_mut(&mut arc);
    // `Mesh::clear` would free the buffers; keeping them saves a large allocation per rebuild.
    mesh.vertices.clear();
    mesh.indices.clear();
    let visible = rect.expand(MAX_RADIUS);
    let doc = view.doc;
    let on_screen = |a: usize, b: usize| {
        let (pa, pb) = (screen[a], screen[b]);
        visible.contains(pa)
            || visible.contains(pb)
            || Rect::from_two_pos(pa, pb).intersects(visible)
    };
    let mut drawn = Vec::new();
    for (k, link) in doc.links().iter().enumerate() {
        if shown.links[k] && on_screen(link.from, link.to) {
            drawn.push(k);
        }
    }
    // In a crowd a line is one sliver triangle, wide at its source and pointed at its target:
    // half the indices of a quad, and the taper still says which way it goes.
    let crowded_links = drawn.len() > CROWD_LINKS;
    for &k in &drawn {
        let link = &doc.links()[k];
        let (a, b) = (screen[link.from], screen[link.to]);
        if crowded_links {
            // A line shorter than its ends' nodes lies under them.
            if a.distance_sq(b) > radius[link.from].max(radius[link.to]).powi(2) {
                add_taper(mesh, a, b, 1.6, link_colour(doc, link));
            }
        } else if is_disputed(doc, link) {
            add_segment(mesh, a, b, 2.5, link_colour(doc, link));
        } else {
            add_segment(mesh, a, b, 1.0, relation_colour(link.kind));
        }
    }
    if drawn.len() <= MAX_ARROWS {
        for &k in &drawn {
            let link = &doc.links()[k];
            if link.kind.is_directed() {
                let colour = link_colour(doc, link).gamma_multiply(1.8);
                add_arrow(
                    mesh,
                    screen[link.from],
                    screen[link.to],
                    radius[link.to],
                    colour,
                );
            }
        }
    }
    let on_screen: Vec<usize> = (0..screen.len())
        .filter(|&i| shown.entities[i] && visible.contains(screen[i]))
        .collect();
    // Soft edges triple a node's vertices: in a crowd only the larger nodes get them.
    let crowded = on_screen.len() > CROWD;
    for i in on_screen {
        let kind = doc.model().entities[i].kind;
        let smooth = !crowded || radius[i] > 6.0;
        add_node(
            mesh,
            screen[i],
            radius[i],
            kind_shape(kind),
            kind_colour(kind),
            smooth,
        );
    }
    arc
}

fn refresh_galleys(state: &mut NetworkState, view: &View<'_>, dark: bool) {
    let key = (view.doc.revision(), view.lang, dark, view.presenting);
    if state.galleys_for != key {
        state.galleys.clear();
        state.galleys_for = key;
    }
}

fn galley(
    ui: &egui::Ui,
    galleys: &mut HashMap<(usize, usize), Arc<Galley>>,
    view: &View<'_>,
    entity: usize,
    size: usize,
) -> Arc<Galley> {
    let scale = if view.presenting {
        PRESENTING_LABELS
    } else {
        1.0
    };
    Arc::clone(galleys.entry((entity, size)).or_insert_with(|| {
        ui.painter().layout_no_wrap(
            view.name(&view.model().entities[entity]).to_owned(),
            egui::FontId::proportional(LABEL_SIZES[size] * scale),
            Color32::PLACEHOLDER,
        )
    }))
}

/// Labels, most important first, each where it overlaps no label and no more important node.
fn place_labels(
    ui: &egui::Ui,
    view: &View<'_>,
    state: &mut NetworkState,
    sizes: &Sizes,
    shown: &Shown,
    rect: Rect,
) -> Vec<Label> {
    let screen = &state.screen;
    let most = ((rect.area() / 7000.0) as usize).clamp(12, 300);
    let mut occupied = Occupancy::new(rect);
    let mut labels = Vec::new();
    for (rank, i) in sizes
        .order
        .iter()
        .map(|i| *i as usize)
        .filter(|&i| shown.entities[i] && rect.contains(screen[i]))
        .take(MAX_LABEL_CANDIDATES)
        .enumerate()
    {
        let (p, r) = (screen[i], sizes.radius[i]);
        let node = Rect::from_center_size(p, vec2(2.0 * r, 2.0 * r));
        let size = if rank < 8 {
            0
        } else if rank < 40 {
            1
        } else {
            2
        };
        if labels.len() < most {
            let galley = galley(ui, &mut state.galleys, view, i, size);
            let g = galley.size();
            let below = p + vec2(-g.x / 2.0, r + 2.0);
            let right = p + vec2(r + 4.0, -g.y / 2.0);
            let above = p + vec2(-g.x / 2.0, -r - 2.0 - g.y);
            for at in [below, right, above] {
                let halo = Rect::from_min_size(at, g).expand2(vec2(3.0, 1.0));
                if rect.contains_rect(halo) && !halo.intersects(node) && occupied.is_free(halo) {
                    occupied.take(halo);
                    labels.push(Label { at, galley, halo });
                    break;
                }
            }
        }
        occupied.take(node);
    }
    labels
}

/// The hovered node stands out: the rest dims, its links and neighbours are drawn bright and
/// named.
#[allow(clippy::too_many_arguments)]
fn highlight(
    ui: &egui::Ui,
    painter: &egui::Painter,
    view: &View<'_>,
    state: &mut NetworkState,
    sizes: &Sizes,
    shown: &Shown,
    i: usize,
    rect: Rect,
) {
    let doc = view.doc;
    if state
        .links_of
        .as_ref()
        .is_none_or(|(r, _)| *r != doc.revision())
    {
        let mut links_of = vec![Vec::new(); doc.model().entities.len()];
        for (k, link) in doc.links().iter().enumerate() {
            links_of[link.from].push(k as u32);
            if link.to != link.from {
                links_of[link.to].push(k as u32);
            }
        }
        state.links_of = Some((doc.revision(), links_of));
    }
    let Some((_, links_of)) = &state.links_of else {
        return;
    };
    painter.rect_filled(rect, 0.0, ui.visuals().extreme_bg_color.gamma_multiply(0.7));
    let screen = &state.screen;
    let mut mesh = Mesh::default();
    let mut neighbours = vec![i];
    for &k in &links_of[i] {
        let k = k as usize;
        if !shown.links[k] {
            continue;
        }
        let link = &doc.links()[k];
        let colour = link_colour(doc, link).gamma_multiply(2.2);
        add_segment(&mut mesh, screen[link.from], screen[link.to], 2.0, colour);
        if link.kind.is_directed() {
            add_arrow(
                &mut mesh,
                screen[link.from],
                screen[link.to],
                sizes.radius[link.to],
                colour,
            );
        }
        neighbours.push(if link.from == i { link.to } else { link.from });
    }
    neighbours.sort_unstable();
    neighbours.dedup();
    for &j in &neighbours {
        let entity = &doc.model().entities[j];
        add_node(
            &mut mesh,
            screen[j],
            sizes.radius[j],
            kind_shape(entity.kind),
            kind_colour(entity.kind),
            true,
        );
    }
    painter.add(Shape::mesh(mesh));
    painter.circle_stroke(
        screen[i],
        sizes.radius[i] + 3.0,
        Stroke::new(2.0, ui.visuals().strong_text_color()),
    );
    // Name the neighbours too, as many as fit, the hovered node first.
    neighbours.sort_by_key(|&j| (j != i, std::cmp::Reverse((sizes.weight[j] * 1e6) as i64)));
    let mut occupied = Occupancy::new(rect);
    let text_colour = ui.visuals().strong_text_color();
    let halo = ui.visuals().extreme_bg_color.gamma_multiply(0.9);
    for &j in neighbours.iter().take(60) {
        let galley = galley(ui, &mut state.galleys, view, j, if j == i { 0 } else { 1 });
        let (p, r) = (screen[j], sizes.radius[j]);
        let at = p + vec2(-galley.size().x / 2.0, r + 2.0);
        let label = Rect::from_min_size(at, galley.size()).expand2(vec2(3.0, 1.0));
        if j == i || (rect.contains_rect(label) && occupied.is_free(label)) {
            occupied.take(label);
            painter.rect_filled(label, 3.0, halo);
            painter.add(Shape::galley(at, galley, text_colour));
        }
    }
}

/// Whether the link is a relation other sources contradict.
fn is_disputed(doc: &crate::document::Document, link: &crate::model::filter::Link) -> bool {
    link.relation
        .and_then(|r| doc.model().relations.get(r))
        .is_some_and(|r| r.disputed.is_some())
}

/// A link's colour: its relation family's, or the amber of a disagreement.
fn link_colour(doc: &crate::document::Document, link: &crate::model::filter::Link) -> Color32 {
    if is_disputed(doc, link) {
        crate::ui::provenance::DISPUTED.gamma_multiply(0.8)
    } else {
        relation_colour(link.kind)
    }
}

fn tooltip(response: &egui::Response, view: &View<'_>, i: usize, pinned: bool) {
    let entity = &view.model().entities[i];
    response.clone().on_hover_ui_at_pointer(|ui| {
        ui.strong(view.name(entity));
        let other = entity.name.get(!view.zh());
        if !other.is_empty() && other != view.name(entity) {
            ui.label(other);
        }
        ui.weak(entity_kind(entity.kind, view.lang));
        if let Some(m) = view.metrics {
            ui.weak(format!(
                "{} {} · PageRank {:.4}",
                view.s().column_degree,
                m.degree[i],
                m.pagerank[i]
            ));
        }
        if pinned {
            ui.weak(view.s().pinned);
        }
        if view
            .year
            .is_some_and(|year| entity.presence_in(year) == Presence::Undated)
        {
            ui.weak(crate::i18n::provenance::undated_explained(view.lang));
        }
        // What of it the sources dispute, in words: the amber lines say where.
        let disputed = entity.disputed.is_some()
            || view
                .doc
                .index()
                .relations_of(i)
                .iter()
                .any(|end| view.model().relations[end.relation].disputed.is_some());
        if disputed {
            ui.label(
                egui::RichText::new(crate::i18n::provenance::disputed_heading(view.lang))
                    .color(crate::ui::provenance::DISPUTED),
            );
        }
    });
}

/// The name of each kind above its disc, when grouped by kind.
fn group_titles(
    painter: &egui::Painter,
    view: &View<'_>,
    camera: &Camera,
    rect: Rect,
    groups: &[Group],
) {
    let colour = painter.ctx().global_style().visuals.weak_text_color();
    for group in groups {
        let Some(kind) = EntityKind::ALL.get(group.group) else {
            continue;
        };
        let top =
            camera.screen_from_layout(rect, [group.centre[0], group.centre[1] - group.radius]);
        let ring = group.radius * camera.scale;
        painter.circle_stroke(
            camera.screen_from_layout(rect, group.centre),
            ring,
            Stroke::new(1.0, colour.gamma_multiply(0.3)),
        );
        painter.text(
            top - vec2(0.0, 4.0),
            egui::Align2::CENTER_BOTTOM,
            entity_kind_plural(*kind, view.lang),
            egui::FontId::proportional(14.0),
            colour,
        );
    }
}

/// "82 of 82 entities, 59 links" in the corner, and how to pin.
fn counts(ui: &mut egui::Ui, view: &View<'_>, shown: &Shown, rect: Rect, can_pin: bool) {
    let s = view.s();
    let total = shown.entities.len();
    // As of a year, entities of unknown arrival are drawn hollow and counted apart.
    let undated = shown.undated_count();
    let present = shown.entity_count() - undated;
    let mut text = if view.zh() {
        format!(
            "显示 {} / {total} {}，{} {}",
            present,
            s.entities_shown,
            shown.link_count(),
            s.links_shown
        )
    } else {
        format!(
            "{} {} {total} {}, {} {}",
            present,
            s.of_total,
            s.entities_shown,
            shown.link_count(),
            s.links_shown
        )
    };
    if undated > 0 {
        text.push_str(&format!(
            " · {}",
            crate::i18n::provenance::undated(undated, view.lang)
        ));
    }
    // Real labels rather than painted text, so screen readers and tests can read them.
    let line = |text: &str| {
        egui::Label::new(egui::RichText::new(text).small().weak())
            .selectable(false)
            .truncate()
    };
    let height = 18.0;
    let half = rect.width() / 2.0 - 8.0;
    ui.put(
        Rect::from_min_size(
            rect.left_bottom() + vec2(8.0, -height - 4.0),
            vec2(half, height),
        ),
        line(&text),
    );
    let hint = if can_pin {
        format!("{} · {}", s.drag_to_pin, s.shift_drag_to_relate)
    } else {
        s.shift_drag_to_relate.to_owned()
    };
    ui.put(
        Rect::from_min_size(
            rect.center_bottom() + vec2(0.0, -height - 4.0),
            vec2(half, height),
        ),
        line(&hint),
    );
}

/// The shown node under the pointer, if any: the nearest whose disc (plus a little slack) holds it.
fn nearest(screen: &[Pos2], radius: &[f32], shown: &Shown, pointer: Pos2) -> Option<usize> {
    screen
        .iter()
        .enumerate()
        .filter(|&(i, _)| shown.entities[i])
        .map(|(i, p)| (i, p.distance(pointer)))
        .filter(|&(i, d)| d <= radius[i] + 4.0)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}
