//! The network view: every entity a node (colour and outline by kind, size by a chosen measure),
//! every relation a line (colour by kind, arrows where direction matters). Drag to pan or to pin a
//! node, wheel or keys to zoom, click to select, double-click to focus a neighbourhood.
//!
//! Built for 10^5 nodes: links and nodes go to egui as one mesh that is rebuilt only when what it
//! shows changes; labels are placed most important first and only where they overlap nothing,
//! and their galleys are laid out once per entity and size.

mod camera;
mod controls;
pub mod gpu;
mod interaction;
mod marks;
mod paint;
mod picture;

use interaction::*;
use marks::*;
use picture::*;

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use eframe::egui::{self, Color32, Galley, Mesh, Pos2, Rect, Sense, Shape, Stroke, Vec2, vec2};
use serde::{Deserialize, Serialize};

pub use camera::Camera;
pub use controls::{Arrangement, Labels, SizeBy};

use super::View;
use crate::context::Command;
use crate::edit::Touched;
use crate::edit::{Edit, Op};
use crate::i18n::{Lang, entity_kind, entity_kind_plural};
use crate::layout::{
    Footprint, NameSide, Naming, Nesting, Point, Region, TOWN_LIMIT, TownFit, nested, radial,
};
use crate::model::filter::{Filter, Focus, Shown};
use crate::model::time::Presence;
use crate::model::{EntityKind, Measure, Relation, RelationKind};
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
    /// Which entities are named.
    pub labels: Labels,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            arrangement: Arrangement::Places,
            size_by: SizeBy::Degree,
            filter: Filter::default(),
            depth: 1,
            labels: Labels::default(),
        }
    }
}

/// Smallest and largest node radius in pixels.
const MIN_RADIUS: f32 = 3.5;
const MAX_RADIUS: f32 = 20.0;
/// Label sizes in pixels: the few most important, the next, the rest; then the same smaller,
/// twice, for a town whose names would not all fit on the canvas at the first sizes.
const LABEL_SIZES: [f32; 9] = [15.0, 13.0, 11.5, 13.0, 12.0, 11.0, 12.0, 11.0, 10.5];
/// A town's names are written one size smaller while they would cover more than this share of
/// the canvas (with their nodes): beyond it, they cannot all be placed apart.
const NAMES_AT_MOST: f32 = 0.62;
/// A region's title is written this far under its top edge, in a band this high (layout units).
const TITLE_OFFSET: f32 = 0.35;
/// Room kept around regions fitted to the canvas, in points (for the line of counts).
const REGION_MARGIN: f32 = 26.0;
const TITLE_HEIGHT: f32 = 1.0;
/// Presenting, names in these sizes (points; 30, 26 and 24 px at the presentation's zoom of
/// 1.25): the smallest is still read from the back of a meeting room.
const PRESENTING_SIZES: [f32; 3] = [24.0, 21.0, 19.2];
/// A slide showing this many entities or fewer draws their nodes twice as large.
const FEW: usize = 12;
/// The radius of the faint nodes round a slide of a few entities, in points.
const CONTEXT_RADIUS: f32 = 5.0;
/// Names longer than this many pixels are written on more lines.
const LABEL_WRAP: f32 = 150.0;
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
/// At most this many relation words are written around one entity (a hub has hundreds).
const MAX_RELATION_WORDS: usize = 80;

/// Everything the view keeps between frames; rebuilt when what it depends on changes.
#[derive(Default)]
pub struct NetworkState {
    pub camera: Camera,
    pub search: String,
    search_missed: bool,
    /// Every entity Find's text finds (for the text and document revision it was found for):
    /// all of them are ringed, the best one is selected.
    found: Option<(String, u64, Vec<usize>)>,
    /// The relation kinds written on the lines of the selected or hovered entity, last frame.
    relation_words: Vec<&'static str>,
    /// The line legend: the relation kinds of the shown links by colour, for the document
    /// revision and the shown set (by address) it was made for.
    legend: Option<(u64, usize, Arc<LineLegend>)>,
    /// Where the legend was drawn last frame: names are placed where it is not.
    legend_frame: Option<Rect>,
    /// The corner a town layout keeps free for the legend of every line, per document
    /// revision, language and presentation.
    legend_corner: Option<((u64, Lang, bool), [f32; 2])>,
    /// Each entity's node and name size, for a town layout (kept per document revision, node
    /// sizes, language and presentation).
    footprints: Option<(FootprintsFor, Arc<Vec<Footprint>>)>,
    /// Where the town layout drawn made room for each entity's name.
    name_sides: Option<Arc<Vec<Naming>>>,
    /// Which of the sets of label sizes a town's names are written in (0: the largest).
    name_sizes: usize,
    /// How many entities a slide of a few drew faintly round them, last picture.
    faint_context: usize,
    /// The frame of the town layout the camera was last fitted to.
    frame_seen: Option<[Point; 2]>,
    /// The regions' frames as one mesh, for what they were drawn from (regions, camera,
    /// canvas, theme): a province has thousands, each a rounded box with an outline.
    frames_mesh: Option<FramesMesh>,
    /// The selection the camera last went to, so a new selection elsewhere glides there.
    followed: Option<Option<usize>>,
    shown: Option<(u64, Filter, Arc<Shown>)>,
    sizes: Option<(SizesFor, Arc<Sizes>)>,
    arranged: Option<(ArrangementKey, Arc<Vec<Point>>, Arc<Regions>)>,
    /// Whether the model has places that hold something, per document revision.
    has_places: Option<(u64, bool)>,
    /// The regions drawn last frame (their titles name the places that stand for them).
    regions: Arc<Regions>,
    /// Which of them hold something shown, for the regions and the shown set (by address).
    holding: Option<(HoldingFor, Arc<Vec<bool>>)>,
    /// Last frame's picture was final: laid out, and not still moving.
    ready: bool,
    /// For each entity, the links it takes part in (indices into `Document::links`).
    links_of: Option<(u64, Vec<Vec<u32>>)>,
    screen: Vec<Pos2>,
    /// The canvas, last frame.
    canvas: Option<Rect>,
    picture: Option<Picture>,
    /// Which lines are amber (their relation disputed), hashed, for the document revision it was
    /// taken at: with the structure, all the lines' mesh reads of the model.
    disputed_lines: Option<(u64, u64)>,
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

/// What node sizes were made for: the document revision, the measure, whether the metrics were
/// in, and whether enlarged (a slide of a few entities).
type SizesFor = (u64, SizeBy, bool, bool);

/// What the regions' holding something shown was worked out for: the regions and the shown
/// set, by address.
type HoldingFor = (usize, usize);

/// What a town's footprints were measured for: the document revision, the node sizes (by
/// address), the language, and whether presenting.
/// Revision, node sizes, language, presentation, and the canvas in steps of 8 points.
type FootprintsFor = (u64, usize, Lang, bool, [u32; 2]);

/// The line colours on the canvas, each with the relation kinds it stands for (none: the amber
/// of lines the sources disagree about).
pub type LineLegend = Vec<(Color32, Vec<RelationKind>)>;

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

    /// Forgets what was drawn (the picture and the regions' frames), so the next frame builds
    /// them from nothing: what a pan moved must look the same as this.
    pub fn forget_drawn(&mut self) {
        self.picture = None;
        self.frames_mesh = None;
    }

    /// Looks from `camera` as another window did, with `selected` already in view (a picture of
    /// that window's view).
    pub fn keep_camera(&mut self, camera: Camera, selected: Option<usize>) {
        self.camera = camera;
        self.followed = Some(selected);
    }

    /// The line colours the legend explained last frame, each with the relation kinds it stands
    /// for among the lines shown.
    pub fn line_legend(&self) -> LineLegend {
        self.legend
            .as_ref()
            .map(|(_, _, legend)| legend.as_ref().clone())
            .unwrap_or_default()
    }

    /// The relation kinds written on the lines of the selected (or hovered) entity last frame.
    pub fn relation_words(&self) -> &[&'static str] {
        &self.relation_words
    }

    /// Where names were written on the canvas last frame (their halos), none over another.
    pub fn name_labels(&self) -> Vec<Rect> {
        self.picture
            .iter()
            .flat_map(|p| &p.labels)
            .map(|l| l.halo)
            .collect()
    }

    /// Each entity named on the canvas last frame, with its name as written.
    pub fn name_texts(&self) -> Vec<(usize, String)> {
        self.picture
            .iter()
            .flat_map(|p| &p.labels)
            .map(|l| (l.entity, l.galley.text().to_owned()))
            .collect()
    }

    /// Each entity named on the canvas last frame, with its name's halo.
    pub fn names(&self) -> Vec<(usize, Rect)> {
        self.picture
            .iter()
            .flat_map(|p| &p.labels)
            .map(|l| (l.entity, l.halo))
            .collect()
    }

    /// How many other entities a slide of a few entities drew faintly round them.
    pub fn faint_context(&self) -> usize {
        self.faint_context
    }

    /// The names written shortened last frame (where the full name found no room), as written.
    pub fn shortened_names(&self) -> Vec<(usize, String)> {
        self.picture
            .iter()
            .flat_map(|p| &p.labels)
            .filter(|l| l.galley.elided)
            .map(|l| {
                let written = l.galley.rows.iter().flat_map(|r| r.row.glyphs.iter());
                (l.entity, written.map(|g| g.chr).collect())
            })
            .collect()
    }

    /// The canvas last frame, and each entity drawn on it with the square its node covers.
    pub fn nodes(&self) -> (Rect, Vec<(usize, Rect)>) {
        let Some(canvas) = self.canvas else {
            return (Rect::NOTHING, Vec::new());
        };
        let radius = self.sizes.as_ref().map(|(_, s)| &s.radius);
        let nodes = self
            .screen
            .iter()
            .enumerate()
            .filter(|&(i, at)| self.is_shown(i) && canvas.contains(*at))
            .filter_map(|(i, at)| {
                let r = *radius?.get(i)?;
                Some((i, Rect::from_center_size(*at, vec2(2.0 * r, 2.0 * r))))
            })
            .collect();
        (canvas, nodes)
    }

    /// The entities ringed as found by Find, as last drawn.
    pub fn found(&self) -> &[usize] {
        self.found
            .as_ref()
            .map_or(&[], |(_, _, found)| found.as_slice())
    }

    /// Whether last frame's picture was final: laid out and not still moving.
    pub fn is_ready(&self) -> bool {
        self.ready
    }

    /// The regions drawn last frame (places as areas, or kinds), each with its title and its
    /// corners on screen.
    pub fn region_titles(&self, lang: Lang, model: &crate::model::Model) -> Vec<(String, Rect)> {
        let Some(canvas) = self.canvas else {
            return Vec::new();
        };
        self.regions
            .regions
            .iter()
            .map(|r| {
                let title = match self.regions.titles.get(r.index) {
                    Some(RegionTitle::Place(e)) => model
                        .entities
                        .get(*e)
                        .map_or(String::new(), |e| e.name.get(lang).to_owned()),
                    Some(RegionTitle::Kind(kind)) => entity_kind_plural(*kind, lang).to_owned(),
                    None => String::new(),
                };
                let corners = Rect::from_two_pos(
                    self.camera.screen_from_layout(canvas, r.min),
                    self.camera.screen_from_layout(canvas, r.max),
                );
                (title, corners)
            })
            .collect()
    }

    /// Whether the camera is still gliding somewhere.
    pub fn is_moving(&self) -> bool {
        self.camera.is_gliding()
    }
}

/// Positions handed in by the force layout, if it has produced any, and whether it has settled.
pub struct ForceLayout<'a> {
    pub positions: Option<&'a Arc<Vec<Point>>>,
    pub settled: bool,
    /// What a town layout was made for (none: the force layout alone, or none yet).
    pub town: Option<&'a TownFit>,
    /// The positions were handed in as they are (another window's): the view keeps them.
    pub given: bool,
    /// Where a town layout made room for each entity's name.
    pub name_sides: Option<&'a Arc<Vec<Naming>>>,
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
    let arrangement = effective(settings, view, state);
    let settled = force.settled || arrangement != Arrangement::Force;
    state.ready = false;
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

    settings.filter.as_of = view.year;
    let shown = shown(state, view, &settings.filter);
    // A slide of a few entities draws them large (their nodes twice the size).
    let few = view.presenting && shown.entity_count() <= FEW;
    let sizes = sizes(state, view, settings.size_by, few);
    if arrangement == Arrangement::Force && n <= TOWN_LIMIT && !force.given {
        // Presenting keeps the desktop's layout (its names are larger, but so is the screen).
        let corner = legend_corner(ui, view, state);
        let wanted = town_fit(ui, view, state, &sizes, ui.available_size(), corner);
        let stale = force.town.is_none_or(|made| !made.serves(&wanted));
        if stale && (!view.presenting || force.positions.is_none()) {
            commands.push(Command::LayOutFor(wanted));
        }
    }
    let frame = force.town.map(TownFit::frame);
    let name_sides = match arrangement {
        Arrangement::Force => force.name_sides.cloned(),
        // In a grid of cells, each name beside its node (shortened, where the cells are sized
        // for that).
        Arrangement::Places | Arrangement::ByKind => {
            let beside = Naming {
                side: NameSide::Beside,
                shortened: state.regions.shortened,
            };
            match &state.name_sides {
                // The same as last frame: the same, so the picture is kept.
                Some(sides) if sides.len() == n && sides.iter().all(|s| *s == beside) => {
                    Some(Arc::clone(sides))
                }
                _ => Some(Arc::new(vec![beside; n])),
            }
        }
        Arrangement::Radial => None,
    };
    state.name_sides = name_sides;
    // The regions' grids are sized for the names (in a model small enough to measure them all).
    let cells = (matches!(arrangement, Arrangement::Places | Arrangement::ByKind)
        && n <= TOWN_LIMIT)
        .then(|| town_fit(ui, view, state, &sizes, ui.available_size(), [0.0, 0.0]).footprints);
    let Some((positions, regions)) = arranged(
        state,
        view,
        settings,
        arrangement,
        force.positions,
        cells.as_ref(),
        ui.available_size(),
    ) else {
        ui.weak(view.s().network.computing_layout);
        return;
    };
    if positions.len() != n {
        ui.weak(view.s().network.computing_layout);
        return;
    }
    state.drawn_positions = Some(Arc::clone(&positions));
    state.ready = settled;
    state.regions = Arc::clone(&regions);

    // Presenting, a click belongs to the slide show (next slide), not to the canvas.
    let sense = if view.presenting {
        Sense::hover()
    } else {
        Sense::click_and_drag()
    };
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), sense);
    state.canvas = Some(rect);
    let holding = holding(state, &shown);
    let drawn = Drawn {
        rect,
        positions: &positions,
        sizes: &sizes,
        shown: &shown,
        frame: frame.filter(|_| arrangement == Arrangement::Force),
        regions: &regions,
        holding: &holding,
    };
    // A town laid out for a new canvas (the window or a panel resized) is seen whole again.
    if drawn.frame.is_some() && drawn.frame != state.frame_seen {
        state.frame_seen = drawn.frame;
        state.camera.fit_pending = true;
    }
    steer_camera(ui, view, state, &drawn, asked, settled);
    let can_pin = arrangement == Arrangement::Force && force.settled;
    let hovered = pointer(
        ui, view, &response, &drawn, settings, state, can_pin, commands,
    );

    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, ui.visuals().extreme_bg_color);
    region_frames(ui, &painter, view, state, &drawn);
    draw_picture(ui, &painter, view, state, &drawn, settings);
    draw_marks(ui, &painter, view, state, &drawn, hovered, &response);
    if let Some(proposal) = state.proposal {
        state.proposal = ask_relation(ui.ctx(), view, proposal, commands);
    }
    line_legend(ui, &painter, view, state, &shown, rect);
    if view.presenting {
        kind_legend(ui, &painter, view, state, &shown, rect);
    }
    if !view.presenting {
        counts(ui, view, &shown, rect, can_pin);
    }
}

/// What this frame draws from: the canvas, where each entity is, how large, and which are shown.
struct Drawn<'a> {
    pub rect: Rect,
    pub positions: &'a Arc<Vec<Point>>,
    pub sizes: &'a Sizes,
    pub shown: &'a Arc<Shown>,
    /// The frame a town layout fills (layout units, min and max corner).
    pub frame: Option<[Point; 2]>,
    /// The regions (places, kinds), and for each by index whether it holds something shown.
    pub regions: &'a Regions,
    pub holding: &'a [bool],
}
