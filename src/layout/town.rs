//! A layout for a town-sized model (up to a few hundred entities) that leaves room to name every
//! entity: the force layout's arrangement, with the leaves of a hub spread around it instead of
//! collapsed onto it, stretched over the whole canvas it is made for, the unconnected entities
//! set out in rows on a shelf along the bottom; then each entity, the most connected first, put
//! as near its place as its node and its name (beside or under it) fit without covering any
//! placed before.
//!
//! It works in the pixels of the canvas the view will draw on (the view says how large that is
//! and how large each node and name will be), so its promise holds where it is made: at that
//! size, fitted to its frame, no two footprints overlap; on a larger canvas there is more room.

use super::{ForceLayout, Point};

/// Models with more entities than this are laid out by the force layout alone: there is no room
/// to name them all anyway, and the overlap removal costs more than it gives.
pub const TOWN_LIMIT: usize = 400;

/// Pixels of the canvas a town layout is made for per layout unit (the force layout's ideal
/// edge length is one unit, so a pinned or dragged node means the same in both).
pub const UNIT: f32 = 40.0;

/// Free space kept between two footprints, in pixels.
const GAP: f32 = 1.5;
/// Room kept along the canvas's bottom edge for the line that counts what is shown.
const BOTTOM_LINE: f32 = 24.0;
/// Room kept along the other edges.
const EDGE: f32 = 4.0;

/// What one entity takes on screen: its node's radius and the size of its name, in full and
/// shortened to one line (written where the full name finds no room), in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Footprint {
    pub radius: f32,
    pub label: [f32; 2],
    pub short: [f32; 2],
}

impl Footprint {
    /// Left, top, right, bottom of the footprint of a node at `at` with its name as `naming`
    /// says, and the gap around it.
    fn extent(&self, at: [f32; 2], naming: Naming) -> [f32; 4] {
        let r = self.radius;
        let [width, height] = if naming.shortened {
            self.short
        } else {
            self.label
        };
        match naming.side {
            NameSide::Beside => {
                let half = r.max(height / 2.0 + 1.0) + GAP;
                [
                    at[0] - r - GAP,
                    at[1] - half,
                    at[0] + r + 4.0 + width + 3.0 + GAP,
                    at[1] + half,
                ]
            }
            NameSide::Below => {
                let half = r.max(width / 2.0 + 3.0) + GAP;
                [
                    at[0] - half,
                    at[1] - r - 1.0 - GAP,
                    at[0] + half,
                    at[1] + r + 2.0 + height + 1.0 + GAP,
                ]
            }
        }
    }

    /// How much of the canvas the footprint covers, in square pixels (with the name where it
    /// is preferred).
    pub fn area(&self) -> f32 {
        let e = self.extent([0.0, 0.0], self.preferred());
        (e[2] - e[0]) * (e[3] - e[1])
    }

    /// Where the name goes when there is room for either: beside a small node (less room),
    /// under a large one (more compact); in full.
    fn preferred(&self) -> Naming {
        let side = if self.radius < 8.0 {
            NameSide::Beside
        } else {
            NameSide::Below
        };
        Naming {
            side,
            shortened: false,
        }
    }

    /// The name's preferred side, then the other, each in full or `shortened`.
    fn namings(&self, shortened: bool) -> [Naming; 2] {
        let sides = match self.preferred().side {
            NameSide::Beside => [NameSide::Beside, NameSide::Below],
            NameSide::Below => [NameSide::Below, NameSide::Beside],
        };
        sides.map(|side| Naming { side, shortened })
    }
}

/// Where an entity's name is written: to the right of its node or under it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum NameSide {
    Beside,
    #[default]
    Below,
}

/// Where an entity's name has its room, and whether only for its shortened form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Naming {
    pub side: NameSide,
    pub shortened: bool,
}

/// The canvas a town layout is made for: its size in pixels and the part of its top right
/// corner that stays free (the legend of line colours is drawn there).
#[derive(Clone, Debug, PartialEq)]
pub struct Canvas {
    pub size: [f32; 2],
    pub kept_free: [f32; 2],
}

/// What a town layout is made for: the canvas and every entity's footprint on it.
#[derive(Clone, Debug, PartialEq)]
pub struct TownFit {
    pub canvas: Canvas,
    pub footprints: std::sync::Arc<Vec<Footprint>>,
}

impl TownFit {
    /// Whether a layout made for `self` serves a view that wants `wanted`: the same footprints
    /// and free corner, and a canvas within a tenth of the size in each direction (a window
    /// resized by a few pixels does not lay the town out again).
    pub fn serves(&self, wanted: &TownFit) -> bool {
        let near = |a: f32, b: f32| (a - b).abs() <= 0.1 * b.max(1.0);
        self.footprints == wanted.footprints
            && self.canvas.kept_free == wanted.canvas.kept_free
            && near(self.canvas.size[0], wanted.canvas.size[0])
            && near(self.canvas.size[1], wanted.canvas.size[1])
    }

    /// The frame (layout units, min and max corner) a layout made for this canvas fills.
    pub fn frame(&self) -> [Point; 2] {
        [
            [0.0, 0.0],
            [
                self.canvas.size[0].max(64.0) / UNIT,
                self.canvas.size[1].max(64.0) / UNIT,
            ],
        ]
    }
}

/// The positions of a town layout: fitted to the frame of the canvas it was made for
/// ([`TownFit::frame`]), the view is as the layout planned.
#[derive(Clone, Debug, PartialEq)]
pub struct TownLayout {
    pub positions: Vec<Point>,
    /// Where each entity's name has its room.
    pub sides: Vec<Naming>,
}

/// Where a town layout starts from after an edit or a new canvas size: each entity's earlier
/// position (layout units), and the canvas size in pixels it was made for.
pub struct Earlier<'a> {
    pub positions: &'a [Option<Point>],
    pub canvas: [f32; 2],
}

/// Lays out `graph` (neighbour lists) so that each entity's `footprints` entry fits on `canvas`
/// beside every other. `pins` hold their place. From `earlier` positions each known entity keeps
/// its place (scaled to the new canvas) and only new ones are placed, beside their neighbours,
/// so a small edit moves little.
pub fn town(
    graph: &[Vec<usize>],
    footprints: &[Footprint],
    canvas: &Canvas,
    earlier: Option<Earlier<'_>>,
    pins: &[Option<Point>],
) -> TownLayout {
    let n = graph.len();
    let [width, height] = [canvas.size[0].max(64.0), canvas.size[1].max(64.0)];
    let footprint = |i: usize| {
        footprints.get(i).copied().unwrap_or(Footprint {
            radius: 4.0,
            label: [0.0, 0.0],
            short: [0.0, 0.0],
        })
    };
    let pin = |i: usize| {
        pins.get(i)
            .copied()
            .flatten()
            .filter(|p| p[0].is_finite() && p[1].is_finite())
            .map(|p| [p[0] * UNIT, p[1] * UNIT])
    };
    let pinned: Vec<bool> = (0..n).map(|i| pin(i).is_some()).collect();
    // Unconnected (and not pinned): on the shelf. The rest not pinned: placed.
    let on_shelf: Vec<bool> = (0..n)
        .map(|i| graph.get(i).is_none_or(Vec::is_empty) && !pinned[i])
        .collect();
    let isolated: Vec<usize> = (0..n).filter(|&i| on_shelf[i]).collect();
    let movable: Vec<bool> = (0..n).map(|i| !pinned[i] && !on_shelf[i]).collect();
    let shelf_top = height - BOTTOM_LINE - shelf_height(&isolated, &footprint, width);
    // Where connected entities may be: above the shelf (at least half the canvas is theirs).
    let area = [EDGE, EDGE, width - EDGE, shelf_top.max(height / 2.0) - GAP];
    let mut at: Vec<[f32; 2]> = vec![[width / 2.0, area[3] / 2.0]; n];

    let earlier_at = earlier.as_ref().map(|e| {
        let scale = [width / e.canvas[0].max(1.0), height / e.canvas[1].max(1.0)];
        (0..n)
            .map(|i| {
                e.positions
                    .get(i)
                    .copied()
                    .flatten()
                    .filter(|p| p[0].is_finite() && p[1].is_finite())
                    .map(|p| [p[0] * UNIT * scale[0], p[1] * UNIT * scale[1]])
                    // One that stood on the shelf and is connected now is placed afresh.
                    .filter(|p| p[1] < area[3] || on_shelf[i])
            })
            .collect::<Vec<_>>()
    });
    let earlier_known: Vec<bool> = earlier_at
        .as_ref()
        .map(|known| known.iter().map(Option::is_some).collect())
        .unwrap_or_default();
    match earlier_at {
        Some(known) if known.iter().any(Option::is_some) => {
            place_beside_neighbours(graph, &known, &mut at);
        }
        _ => {
            arrange_cold(graph, &on_shelf, &mut at);
            stretch_over(&mut at, &movable, &footprint, area);
        }
    }
    for (i, p) in at.iter_mut().enumerate() {
        if let Some(fixed) = pin(i) {
            *p = fixed;
        }
    }
    shelve(&isolated, &footprint, width, shelf_top, &mut at);
    let corner = [width - canvas.kept_free[0] - GAP, canvas.kept_free[1] + GAP];
    // The most connected first (those with an earlier place before new ones), so hubs keep
    // their places and the rest gather round them.
    let known = |i: usize| earlier_known.get(i).copied().unwrap_or(false);
    let mut order: Vec<usize> = (0..n).collect();
    // Among equals, the largest footprints first: small ones fit the gaps left.
    let size = |i: usize| {
        let f = footprint(i);
        let e = f.extent([0.0, 0.0], f.preferred());
        ((e[2] - e[0]) * (e[3] - e[1])) as u32
    };
    order.sort_by_key(|&i| {
        (
            !known(i),
            std::cmp::Reverse(graph.get(i).map_or(0, Vec::len)),
            std::cmp::Reverse(size(i)),
            i,
        )
    });
    // Every name in full where they all fit; else the fewest of the least connected shortened
    // from the start (their room left to the rest) so that every entity is named.
    let mut shorten_order: Vec<usize> = (0..n).filter(|&i| movable[i]).collect();
    let saving = |i: usize| {
        let f = footprint(i);
        let full = f.area();
        let short = Footprint {
            label: f.short,
            ..f
        }
        .area();
        full - short
    };
    shorten_order.sort_by(|&a, &b| {
        let degree = |i: usize| graph.get(i).map_or(0, Vec::len);
        degree(a)
            .min(SHORTENED_DEGREES)
            .cmp(&degree(b).min(SHORTENED_DEGREES))
            .then(saving(b).total_cmp(&saving(a)))
            .then(a.cmp(&b))
    });
    let start = at.clone();
    // One budget of candidate places for every attempt: a canvas far too small for its model
    // spends it in the first, and the search for what to shorten is not made.
    let budget = std::cell::Cell::new(MAX_CANDIDATES);
    let attempt = |shortened: usize| {
        let mut at = start.clone();
        let mut first = vec![false; n];
        for &i in shorten_order.iter().take(shortened) {
            first[i] = true;
        }
        let placed = place_greedily(
            &mut at,
            &footprint,
            &first,
            &movable,
            &order,
            Room { area, corner },
            &budget,
        );
        (at, placed)
    };
    let (mut at, mut placed) = attempt(0);
    if placed.unnamed > 0 {
        // The least shortened that names every entity (fewer shortened, fewer named: searched
        // by halves), or if none does, the attempt that names the most.
        let (mut low, mut high) = (0, shorten_order.len());
        let mut best = (placed.unnamed, at, placed);
        while low < high && budget.get() > 0 {
            let middle = (low + high).div_ceil(2).max(low + 1);
            let (tried_at, tried) = attempt(middle);
            let unnamed = tried.unnamed;
            if unnamed < best.0 || (unnamed == 0 && best.0 == 0) {
                best = (unnamed, tried_at, tried);
            }
            if unnamed == 0 {
                high = middle - 1;
            } else {
                low = middle;
            }
            if middle >= shorten_order.len() {
                break;
            }
        }
        (_, at, placed) = best;
    }
    let sides = placed.namings;
    TownLayout {
        positions: at.iter().map(|p| [p[0] / UNIT, p[1] / UNIT]).collect(),
        sides,
    }
}

/// The force layout of the connected entities, the leaves of each hub spread around it.
fn arrange_cold(graph: &[Vec<usize>], on_shelf: &[bool], at: &mut [[f32; 2]]) {
    let n = graph.len();
    let members: Vec<usize> = (0..n)
        .filter(|&i| !on_shelf.get(i).copied().unwrap_or(false))
        .collect();
    let mut local = vec![usize::MAX; n];
    for (k, &i) in members.iter().enumerate() {
        local[i] = k;
    }
    let sub: Vec<Vec<usize>> = members
        .iter()
        .map(|&i| {
            graph[i]
                .iter()
                .filter_map(|&j| local.get(j).copied().filter(|&k| k != usize::MAX))
                .collect()
        })
        .collect();
    let mut force = ForceLayout::new(&sub);
    force.run(3000);
    let mut placed: Vec<[f32; 2]> = force.positions.clone();
    spread_leaves(&sub, &mut placed);
    for (k, &i) in members.iter().enumerate() {
        if let (Some(p), Some(q)) = (at.get_mut(i), placed.get(k)) {
            *p = *q;
        }
    }
}

/// Gives the leaves of each hub (neighbours with no other relation) places around it: a few on a
/// ring in the directions its other relations leave free, many on a sunflower disc, so that they
/// do not fall onto one spot where the force layout leaves them.
fn spread_leaves(graph: &[Vec<usize>], at: &mut [[f32; 2]]) {
    let golden = std::f32::consts::PI * (3.0 - 5f32.sqrt());
    for hub in 0..graph.len() {
        let leaves: Vec<usize> = graph[hub]
            .iter()
            .copied()
            .filter(|&j| graph.get(j).is_some_and(|l| l.len() == 1) && graph[hub].len() > 1)
            .collect();
        if leaves.len() < 2 {
            continue;
        }
        let centre = at[hub];
        let angle_to = |p: [f32; 2]| (p[1] - centre[1]).atan2(p[0] - centre[0]);
        let others: Vec<f32> = graph[hub]
            .iter()
            .filter(|j| !leaves.contains(j))
            .filter_map(|&j| at.get(j).map(|&p| angle_to(p)))
            .collect();
        let mut leaves = leaves;
        leaves.sort_by(|&a, &b| angle_to(at[a]).total_cmp(&angle_to(at[b])).then(a.cmp(&b)));
        if leaves.len() <= 8 {
            // Directions at least 25° from any other relation of the hub.
            let free: Vec<f32> = (0..72)
                .map(|s| s as f32 * 5f32.to_radians() - std::f32::consts::PI)
                .filter(|&a| {
                    others.iter().all(|&o| {
                        let d = (a - o).rem_euclid(std::f32::consts::TAU);
                        d.min(std::f32::consts::TAU - d) > 25f32.to_radians()
                    })
                })
                .collect();
            let slots = if free.len() >= leaves.len() {
                free
            } else {
                (0..72)
                    .map(|s| s as f32 * 5f32.to_radians() - std::f32::consts::PI)
                    .collect()
            };
            for (k, &leaf) in leaves.iter().enumerate() {
                let slot = slots
                    .get(k * slots.len() / leaves.len())
                    .copied()
                    .unwrap_or(0.0);
                at[leaf] = [centre[0] + slot.cos(), centre[1] + slot.sin()];
            }
        } else {
            let count = leaves.len() as f32;
            let radius = count.sqrt() * 0.45;
            for (k, &leaf) in leaves.iter().enumerate() {
                let r = 0.8 + radius * ((k as f32 + 0.5) / count).sqrt();
                let a = k as f32 * golden;
                at[leaf] = [centre[0] + r * a.cos(), centre[1] + r * a.sin()];
            }
        }
    }
}

/// Maps the `movable` entities' positions (the connected ones not pinned) onto `area`, stretched to fill both its width and its
/// height (each footprint inside).
fn stretch_over(
    at: &mut [[f32; 2]],
    movable: &[bool],
    footprint: &impl Fn(usize) -> Footprint,
    area: [f32; 4],
) {
    let members: Vec<usize> = (0..movable.len()).filter(|&i| movable[i]).collect();
    if members.is_empty() {
        return;
    }
    let (mut min, mut max) = ([f32::MAX; 2], [f32::MIN; 2]);
    for &i in &members {
        for axis in 0..2 {
            min[axis] = min[axis].min(at[i][axis]);
            max[axis] = max[axis].max(at[i][axis]);
        }
    }
    // The footprints of the outermost nodes must fit: keep a typical half-width at the sides
    // and a node and a name at the bottom (separation pushes the widest in further).
    let mut widths: Vec<f32> = members.iter().map(|&i| footprint(i).label[0]).collect();
    widths.sort_by(f32::total_cmp);
    let typical = widths.get(widths.len() / 2).copied().unwrap_or(0.0) / 2.0 + GAP;
    let tallest = members
        .iter()
        .map(|&i| footprint(i).radius * 2.0 + footprint(i).label[1])
        .fold(0.0, f32::max);
    let inner = [
        area[0] + typical,
        area[1] + 20.0,
        area[2] - typical,
        area[3] - tallest - GAP,
    ];
    for &i in &members {
        for axis in 0..2 {
            let span = max[axis] - min[axis];
            let (low, high) = (inner[axis], inner[axis + 2].max(inner[axis]));
            at[i][axis] = if span > 1e-6 {
                low + (at[i][axis] - min[axis]) / span * (high - low)
            } else {
                (low + high) / 2.0
            };
        }
    }
}

/// Earlier positions where they are known; each new entity beside the known neighbours it has
/// (in the middle of the canvas when it has none).
fn place_beside_neighbours(graph: &[Vec<usize>], known: &[Option<[f32; 2]>], at: &mut [[f32; 2]]) {
    for (i, p) in at.iter_mut().enumerate() {
        if let Some(Some(q)) = known.get(i) {
            *p = *q;
            continue;
        }
        let placed: Vec<[f32; 2]> = graph
            .get(i)
            .into_iter()
            .flatten()
            .filter_map(|&j| known.get(j).copied().flatten())
            .collect();
        if !placed.is_empty() {
            let count = placed.len() as f32;
            let sum = placed
                .iter()
                .fold([0.0, 0.0], |s, q| [s[0] + q[0], s[1] + q[1]]);
            let angle = i as f32 * 2.399_963;
            *p = [
                sum[0] / count + 30.0 * angle.cos(),
                sum[1] / count + 30.0 * angle.sin(),
            ];
        }
    }
}

/// How tall the shelf of unconnected entities is: rows of their footprints across `width`.
fn shelf_height(isolated: &[usize], footprint: &impl Fn(usize) -> Footprint, width: f32) -> f32 {
    shelf_rows(isolated, footprint, width)
        .iter()
        .map(|row| row.1)
        .sum()
}

/// The shelf's rows: the entities in each, and the row's height.
fn shelf_rows(
    isolated: &[usize],
    footprint: &impl Fn(usize) -> Footprint,
    width: f32,
) -> Vec<(Vec<usize>, f32)> {
    let mut rows: Vec<(Vec<usize>, f32)> = Vec::new();
    let mut used = f32::MAX;
    for &i in isolated {
        let f = footprint(i);
        let [left, top, right, bottom] = f.extent([0.0, 0.0], f.preferred());
        let (w, h) = (right - left, bottom - top);
        if used + w > width - 2.0 * EDGE {
            rows.push((Vec::new(), 0.0));
            used = 0.0;
        }
        if let Some(row) = rows.last_mut() {
            row.0.push(i);
            row.1 = row.1.max(h);
        }
        used += w;
    }
    rows
}

/// Sets the unconnected entities out in rows, each row centred, from `top` down.
fn shelve(
    isolated: &[usize],
    footprint: &impl Fn(usize) -> Footprint,
    width: f32,
    top: f32,
    at: &mut [[f32; 2]],
) {
    let mut y = top;
    for (row, height) in shelf_rows(isolated, footprint, width) {
        let extents: Vec<[f32; 4]> = row
            .iter()
            .map(|&i| {
                let f = footprint(i);
                f.extent([0.0, 0.0], f.preferred())
            })
            .collect();
        let total: f32 = extents.iter().map(|e| e[2] - e[0]).sum();
        let mut x = (width - total) / 2.0;
        for (&i, e) in row.iter().zip(&extents) {
            at[i] = [x - e[0], y - e[1]];
            x += e[2] - e[0];
        }
        y += height;
    }
}

/// Where footprints may go: inside `area` (left, top, right, bottom) and out of the free
/// corner right of `corner[0]` and above `corner[1]`.
#[derive(Clone, Copy)]
struct Room {
    area: [f32; 4],
    corner: [f32; 2],
}

/// Where [`place_greedily`] made room for the names, and how many found none.
struct Placed {
    namings: Vec<Naming>,
    unnamed: usize,
}

/// Puts each entity as near where it stands as its footprint fits beside those placed before
/// it: the fixed ones (pinned, shelved) first, then `order` (the most connected first, so a
/// hub keeps its place and its leaves gather round it). Each footprint stays inside `area` and
/// out of the free corner (right of `corner[0]` and above `corner[1]`); its name in full where
/// there is room, else shortened (at once where `shortened_first`). One that finds no room
/// anywhere stays where it was (the view then leaves its name out).
fn place_greedily(
    at: &mut [[f32; 2]],
    footprint: &impl Fn(usize) -> Footprint,
    shortened_first: &[bool],
    movable: &[bool],
    order: &[usize],
    room: Room,
    budget: &std::cell::Cell<usize>,
) -> Placed {
    let Room { area, corner } = room;
    let n = at.len();
    let prints: Vec<Footprint> = (0..n).map(footprint).collect();
    let mut sides: Vec<Naming> = prints.iter().map(Footprint::preferred).collect();
    let mut unnamed = 0;
    let mut taken = Grid::new(area);
    for i in (0..n).filter(|&i| !movable.get(i).copied().unwrap_or(false)) {
        taken.take(prints[i].extent(at[i], sides[i]));
    }
    let fits = |e: [f32; 4], taken: &Grid| {
        e[0] >= area[0]
            && e[1] >= area[1]
            && e[2] <= area[2]
            && e[3] <= area[3]
            && !(e[2] > corner[0] && e[1] < corner[1])
            && taken.is_free(e)
    };
    let reach = (area[2] - area[0]).hypot(area[3] - area[1]);
    // Candidate places tried in all, at most (`budget`, shared by every attempt of a layout):
    // a canvas far too small for its model (every search failing across the whole canvas)
    // ends in a second or two, not minutes; what is left stays where it was.
    // Rings of candidate places around `wanted`, nearest first: the first where `extent` fits.
    let nearest_free =
        |wanted: [f32; 2], taken: &Grid, extent: &dyn Fn([f32; 2]) -> Option<[f32; 4]>| {
            let mut radius = 0.0f32;
            while radius <= reach {
                let count = ((std::f32::consts::TAU * radius / STEP).round() as usize).max(1);
                let left = budget.get();
                if left < count {
                    budget.set(0);
                    return None;
                }
                budget.set(left - count);
                for k in 0..count {
                    let a = k as f32 / count as f32 * std::f32::consts::TAU;
                    let p = [wanted[0] + radius * a.cos(), wanted[1] + radius * a.sin()];
                    if let Some(e) = extent(p).filter(|e| fits(*e, taken)) {
                        return Some((p, e));
                    }
                }
                radius += STEP;
            }
            None
        };
    for &i in order
        .iter()
        .filter(|&&i| movable.get(i).copied().unwrap_or(false))
    {
        let print = prints[i];
        // The name on its preferred side, else on the other; in full where there is room for
        // it anywhere, else shortened.
        let with_name = |p: [f32; 2], shortened: bool| {
            print.namings(shortened).into_iter().find_map(|naming| {
                let e = print.extent(p, naming);
                fits(e, &taken).then_some((naming, e))
            })
        };
        let forms: &[bool] = if shortened_first.get(i).copied().unwrap_or(false) {
            &[true]
        } else {
            &[false, true]
        };
        let chosen = forms.iter().find_map(|&shortened| {
            let (p, _) = nearest_free(at[i], &taken, &|p| with_name(p, shortened).map(|(_, e)| e))?;
            with_name(p, shortened).map(|(naming, e)| (p, naming, e))
        });
        match chosen {
            Some((p, naming, e)) => {
                at[i] = p;
                sides[i] = naming;
                taken.take(e);
            }
            // No room for its name anywhere: the node alone where it covers no other's name
            // (the view writes the name if it finds room).
            None => {
                unnamed += 1;
                let node = |p: [f32; 2]| {
                    let r = print.radius + GAP;
                    Some([p[0] - r, p[1] - r, p[0] + r, p[1] + r])
                };
                if let Some((p, e)) = nearest_free(at[i], &taken, &node) {
                    at[i] = p;
                    taken.take(e);
                }
            }
        }
    }
    Placed {
        namings: sides,
        unnamed,
    }
}

/// Names are shortened the least connected first, those this connected or more alike (the
/// longest first, which saves the most room).
const SHORTENED_DEGREES: usize = 1;

/// Distance between candidate places of [`place_greedily`], in pixels.
const STEP: f32 = 5.0;
/// How many candidate places one town layout tries at most.
const MAX_CANDIDATES: usize = 20_000_000;

/// Rectangles (left, top, right, bottom) bucketed by the cells of a grid they touch.
struct Grid {
    origin: [f32; 2],
    columns: usize,
    rows: usize,
    cells: Vec<Vec<[f32; 4]>>,
}

const CELL: f32 = 48.0;

impl Grid {
    fn new(area: [f32; 4]) -> Self {
        let columns = ((area[2] - area[0]) / CELL).ceil().clamp(1.0, 4096.0) as usize;
        let rows = ((area[3] - area[1]) / CELL).ceil().clamp(1.0, 4096.0) as usize;
        Self {
            origin: [area[0], area[1]],
            columns,
            rows,
            cells: vec![Vec::new(); columns * rows],
        }
    }

    fn cells_of(&self, e: [f32; 4]) -> impl Iterator<Item = usize> + '_ {
        let cell = |v: f32, origin: f32, count: usize| {
            (((v - origin) / CELL).floor().max(0.0) as usize).min(count - 1)
        };
        let (x0, x1) = (
            cell(e[0], self.origin[0], self.columns),
            cell(e[2], self.origin[0], self.columns),
        );
        let (y0, y1) = (
            cell(e[1], self.origin[1], self.rows),
            cell(e[3], self.origin[1], self.rows),
        );
        (y0..=y1).flat_map(move |y| (x0..=x1).map(move |x| y * self.columns + x))
    }

    fn is_free(&self, e: [f32; 4]) -> bool {
        self.cells_of(e).all(|c| {
            self.cells.get(c).is_none_or(|cell| {
                cell.iter()
                    .all(|t| t[2] <= e[0] || e[2] <= t[0] || t[3] <= e[1] || e[3] <= t[1])
            })
        })
    }

    fn take(&mut self, e: [f32; 4]) {
        let cells: Vec<usize> = self.cells_of(e).collect();
        for c in cells {
            if let Some(cell) = self.cells.get_mut(c) {
                cell.push(e);
            }
        }
    }
}

/// Pairs of entities whose footprints overlap in `layout` seen at one pixel per pixel of the
/// canvas it was made for.
#[cfg(test)]
fn overlapping(layout: &TownLayout, footprints: &[Footprint]) -> Vec<(usize, usize)> {
    let extent = |i: usize| {
        let p = layout.positions.get(i).copied().unwrap_or_default();
        let naming = layout.sides.get(i).copied().unwrap_or_default();
        footprints
            .get(i)
            .map(|f| f.extent([p[0] * UNIT, p[1] * UNIT], naming))
    };
    let mut pairs = Vec::new();
    for i in 0..layout.positions.len() {
        for j in i + 1..layout.positions.len() {
            if let (Some(a), Some(b)) = (extent(i), extent(j))
                && a[2].min(b[2]) - a[0].max(b[0]) > 2.0 * GAP
                && a[3].min(b[3]) - a[1].max(b[1]) > 2.0 * GAP
            {
                pairs.push((i, j));
            }
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn star(leaves: usize) -> Vec<Vec<usize>> {
        let mut graph = vec![(1..=leaves).collect::<Vec<_>>()];
        graph.extend((0..leaves).map(|_| vec![0]));
        graph
    }

    fn canvas(width: f32, height: f32) -> Canvas {
        Canvas {
            size: [width, height],
            kept_free: [0.0, 0.0],
        }
    }

    #[test]
    fn a_hub_and_its_leaves_get_room_for_every_name() {
        let graph = star(30);
        let footprints = vec![
            Footprint {
                radius: 6.0,
                label: [90.0, 14.0],
                short: [90.0, 14.0],
            };
            31
        ];
        let layout = town(&graph, &footprints, &canvas(900.0, 600.0), None, &[]);
        assert_eq!(layout.positions.len(), 31);
        assert!(overlapping(&layout, &footprints).is_empty());
        // Inside the frame.
        let [min, max] = [[0.0, 0.0], [900.0 / UNIT, 600.0 / UNIT]];
        assert!(
            layout
                .positions
                .iter()
                .all(|p| p[0] >= min[0] && p[0] <= max[0] && p[1] >= min[1] && p[1] <= max[1])
        );
    }

    #[test]
    fn an_edit_keeps_every_entity_where_it_was() {
        let mut graph = star(12);
        let footprints = vec![
            Footprint {
                radius: 5.0,
                label: [60.0, 14.0],
                short: [60.0, 14.0],
            };
            14
        ];
        let first = town(&graph, &footprints[..13], &canvas(800.0, 500.0), None, &[]);
        // A new leaf of the hub.
        graph[0].push(13);
        graph.push(vec![0]);
        let known: Vec<Option<Point>> = first.positions.iter().copied().map(Some).collect();
        let after = town(
            &graph,
            &footprints,
            &canvas(800.0, 500.0),
            Some(Earlier {
                positions: &known,
                canvas: [800.0, 500.0],
            }),
            &[],
        );
        for (i, before) in first.positions.iter().enumerate() {
            assert_eq!(after.positions[i], *before, "entity {i} stayed");
        }
        assert!(overlapping(&after, &footprints).is_empty());
    }

    #[test]
    fn a_canvas_far_too_small_ends_quickly_and_places_everything_somewhere() {
        let graph: Vec<Vec<usize>> = (0..400)
            .map(|i| vec![(i + 1) % 400, (i + 399) % 400])
            .collect();
        let footprints = vec![
            Footprint {
                radius: 8.0,
                label: [140.0, 30.0],
                short: [140.0, 30.0],
            };
            400
        ];
        let started = std::time::Instant::now();
        let layout = town(&graph, &footprints, &canvas(300.0, 200.0), None, &[]);
        assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
        assert!(layout.positions.iter().flatten().all(|c| c.is_finite()));
    }
}
