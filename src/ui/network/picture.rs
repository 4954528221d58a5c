//! What the network draws, derived from the document and the settings and kept until they
//! change: node sizes, the arrangement, what the filter shows, and the picture itself (links
//! and nodes as one mesh, labels placed most important first where they overlap nothing).

use super::*;

/// Draws the links, nodes and labels: the picture kept from an earlier frame when nothing it
/// shows has changed (moved as a whole while panning within its margin), built again otherwise.
pub(super) fn draw_picture(
    ui: &egui::Ui,
    painter: &egui::Painter,
    view: &View<'_>,
    state: &mut NetworkState,
    drawn: &Drawn<'_>,
    settings: &Settings,
) {
    let Drawn {
        rect, sizes, shown, ..
    } = *drawn;
    refresh_galleys(state, view, ui.visuals().dark_mode);
    let key = picture_key(view.doc.revision(), view, state, drawn, rect, settings, ui);
    // The lines and nodes read of the model only its structure and which relations are
    // disputed: an edit of anything else (a name, a figure) keeps them and places the names
    // again (at 10^5 entities the mesh is most of the picture's cost).
    let lines = lines_revision(state, view.doc);
    let mesh_key = picture_key(lines, view, state, drawn, rect, settings, ui);
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
            if picture.on_gpu {
                picture.offset += shift;
            } else {
                Arc::make_mut(&mut picture.mesh).translate(shift);
            }
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
        let kept = state.picture.take();
        // The same mesh, built where the view is now and not moved since.
        let (same_mesh, reused, generation) = match kept {
            Some(p) => (
                p.mesh_key == mesh_key && p.built_at == centre && p.moved_to == centre,
                Some(p.mesh),
                p.generation,
            ),
            None => (false, None, 0),
        };
        let built = rect.expand(margin);
        // Places drawn as areas show where each thing is: no line says it again.
        let hide = state.regions.places.then_some(RelationKind::LocatedIn);
        // A slide of a few entities shows the rest of the town faintly round them (drawn by
        // `base_mesh`): where they stand in it, not alone on black.
        let context = view.presenting && shown.entity_count() <= FEW;
        state.faint_context = if context {
            (0..state.screen.len())
                .filter(|&i| !shown.entities.get(i).copied().unwrap_or(true))
                .filter(|&i| state.screen.get(i).is_some_and(|p| rect.contains(*p)))
                .count()
        } else {
            0
        };
        let (mesh, generation) = match reused {
            Some(mesh) if same_mesh => (mesh, generation),
            reused => (
                base_mesh(
                    reused,
                    view,
                    &state.screen,
                    &sizes.radius,
                    shown,
                    built,
                    hide,
                ),
                gpu::next_generation(),
            ),
        };
        let on_gpu = view.gpu_network.is_some_and(|least| {
            mesh.vertices.len() >= least && mesh.vertices.len() <= gpu::MAX_VERTICES
        });
        let labels = place_labels(ui, view, state, drawn, settings.labels);
        state.picture = Some(Picture {
            key,
            mesh_key,
            built_at: centre,
            moved_to: centre,
            mesh,
            generation,
            on_gpu,
            offset: Vec2::ZERO,
            labels,
        });
    }
    // Presenting, names in full contrast.
    let text_colour = if view.presenting {
        ui.visuals().strong_text_color()
    } else {
        ui.visuals().text_color()
    };
    let halo = ui.visuals().extreme_bg_color.gamma_multiply(0.8);
    if let Some(picture) = &state.picture {
        if picture.on_gpu {
            painter.add(gpu::mesh_callback(
                painter.clip_rect(),
                Arc::clone(&picture.mesh),
                picture.generation,
                picture.offset,
            ));
        } else {
            painter.add(Shape::Mesh(Arc::clone(&picture.mesh)));
        }
        for label in picture.labels.iter().filter(|l| rect.contains_rect(l.halo)) {
            painter.rect_filled(label.halo, 3.0, halo);
            painter.add(Shape::galley(
                label.at,
                Arc::clone(&label.galley),
                text_colour,
            ));
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct ArrangementKey {
    /// What regions and rings are made of: places, kinds, the graph (not names or figures,
    /// which reach them through the footprints and the sizes).
    pub(super) structure: u64,
    pub(super) arrangement: Arrangement,
    pub(super) centre: Option<usize>,
    pub(super) size_by: SizeBy,
    /// The sizes whose order the grids follow (by address).
    pub(super) sizes: Option<usize>,
    /// The footprints the regions' cells were sized for (by address).
    pub(super) footprints: Option<usize>,
    /// The canvas's width over its height, in tenths (regions fill it).
    pub(super) aspect: i32,
}

/// Pixels per layout unit the regions' cells are sized for.
const REGION_UNIT: f32 = 26.0;

/// Node radii and the order in which labels are offered (most important first).
#[derive(Default, PartialEq)]
pub(super) struct Sizes {
    pub(super) radius: Vec<f32>,
    pub(super) order: Vec<u32>,
    /// Each entity's place in `order`.
    pub(super) rank: Vec<u32>,
    pub(super) weight: Vec<f64>,
}

/// Which of the label sizes a name is written in, by its rank (the few most important largest).
pub(super) fn label_tier(rank: usize) -> usize {
    match rank {
        0..8 => 0,
        8..40 => 1,
        _ => 2,
    }
}

/// What a town layout of this model must make room for on a canvas of `canvas` points: each
/// node's size and its name's, in the size its rank gives it, and the legend's corner.
pub(super) fn town_fit(
    ui: &egui::Ui,
    view: &View<'_>,
    state: &mut NetworkState,
    sizes: &Arc<Sizes>,
    canvas: egui::Vec2,
    kept_free: [f32; 2],
) -> TownFit {
    refresh_galleys(state, view, ui.visuals().dark_mode);
    let key = (
        view.doc.revision(),
        Arc::as_ptr(sizes) as usize,
        view.lang,
        view.presenting,
        [(canvas.x / 8.0) as u32, (canvas.y / 8.0) as u32],
    );
    let usable = canvas.x * canvas.y;
    let footprints = match &state.footprints {
        Some((k, footprints)) if *k == key => Arc::clone(footprints),
        _ => {
            // The largest sizes at which the names cover no more than their share.
            let levels = LABEL_SIZES.len() / 3;
            let mut chosen = (0, Vec::new(), 0.0);
            for level in 0..levels {
                let footprints: Vec<Footprint> = (0..view.model().entities.len())
                    .map(|i| {
                        let rank = sizes.rank.get(i).copied().unwrap_or(u32::MAX) as usize;
                        let size = level * 3 + label_tier(rank);
                        let full = galley(ui, &mut state.galleys, view, i, size);
                        let short = galley(ui, &mut state.galleys, view, i, size | SHORTENED);
                        Footprint {
                            radius: sizes.radius.get(i).copied().unwrap_or(MIN_RADIUS),
                            label: [full.size().x, full.size().y],
                            short: [short.size().x, short.size().y],
                        }
                    })
                    .collect();
                let covered: f32 = footprints.iter().map(Footprint::area).sum();
                chosen = (level, footprints, covered);
                if covered <= NAMES_AT_MOST * usable {
                    break;
                }
            }
            let (level, footprints, _) = chosen;
            state.name_sizes = level;
            let footprints = Arc::new(footprints);
            state.footprints = Some((key, Arc::clone(&footprints)));
            footprints
        }
    };
    TownFit {
        canvas: crate::layout::Canvas {
            size: [canvas.x.round(), canvas.y.round()],
            kept_free,
        },
        footprints,
    }
}

/// The drawn links, nodes and labels, kept while nothing they show changes.
pub(super) struct Picture {
    /// Everything but the camera's centre.
    pub(super) key: u64,
    /// Everything the mesh of lines and nodes depends on but the camera's centre.
    pub(super) mesh_key: u64,
    /// The centre the picture was built for, and the one it has been moved to since.
    pub(super) built_at: Point,
    pub(super) moved_to: Point,
    pub(super) mesh: Arc<Mesh>,
    /// Changes each time the mesh is built (the GPU's copy follows it).
    pub(super) generation: u64,
    /// Drawn by the GPU path: panning moves it by this much instead of moving its vertices.
    pub(super) on_gpu: bool,
    pub(super) offset: Vec2,
    pub(super) labels: Vec<Label>,
}

/// A label placed on screen.
pub(super) struct Label {
    pub(super) entity: usize,
    pub(super) at: Pos2,
    pub(super) galley: Arc<Galley>,
    pub(super) halo: Rect,
}

/// The value a node's size shows, per entity.
pub(super) fn weights(view: &View<'_>, size_by: SizeBy) -> Vec<f64> {
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

/// Node sizes by `size_by`, all `enlarged` twice (a slide of a few entities); kept until they
/// change.
pub(super) fn sizes(
    state: &mut NetworkState,
    view: &View<'_>,
    size_by: SizeBy,
    enlarged: bool,
) -> Arc<Sizes> {
    // Connections and PageRank come of the graph; staff and fund size of figures.
    let model = match size_by {
        SizeBy::Degree | SizeBy::PageRank => view.doc.structure_revision(),
        SizeBy::Staff | SizeBy::FundSize => view.doc.revision(),
    };
    let key = (model, size_by, view.metrics.is_some(), enlarged);
    let scale = if enlarged { 2.0 } else { 1.0 };
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
                (MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * share as f32) * scale
            })
            .collect();
        // Ties (all zero, say) fall back to the number of connections, then to file order.
        let degree: Vec<usize> = view.doc.graph().iter().map(Vec::len).collect();
        let mut order: Vec<u32> = (0..weight.len() as u32).collect();
        order.sort_by(|&a, &b| {
            let (a, b) = (a as usize, b as usize);
            let weight = |i: usize| weight.get(i).copied().unwrap_or(0.0);
            let degree = |i: usize| degree.get(i).copied().unwrap_or(0);
            weight(b)
                .total_cmp(&weight(a))
                .then(degree(b).cmp(&degree(a)))
                .then(a.cmp(&b))
        });
        let mut rank = vec![0; order.len()];
        for (place, &i) in order.iter().enumerate() {
            if let Some(r) = rank.get_mut(i as usize) {
                *r = place as u32;
            }
        }
        let fresh = Sizes {
            radius,
            order,
            rank,
            weight,
        };
        // The same sizes after an edit that changed none (a rename): the same `Sizes`, so what
        // is kept by it (the town's name footprints) stays.
        let sizes = match state.sizes.take() {
            Some((_, kept)) if *kept == fresh => kept,
            _ => Arc::new(fresh),
        };
        state.sizes = Some((key, sizes));
    }
    state
        .sizes
        .as_ref()
        .map(|(_, sizes)| Arc::clone(sizes))
        .unwrap_or_default()
}

/// The regions an arrangement draws (the places as areas, or the kinds), with their titles.
#[derive(Default)]
pub(super) struct Regions {
    pub(super) regions: Vec<Region>,
    /// Each region's title, by its index.
    pub(super) titles: Vec<RegionTitle>,
    /// The entities that stand for a region: named by its title, not beside their node.
    pub(super) titled: Vec<bool>,
    /// For each entity, the region it is drawn in (a place that stands for a region, its own).
    pub(super) drawn_in: Vec<Option<usize>>,
    /// The regions are places.
    pub(super) places: bool,
    /// The grids have room for the names shortened only.
    pub(super) shortened: bool,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum RegionTitle {
    /// A place, by its entity.
    Place(usize),
    Kind(EntityKind),
}

/// For each region (by index), whether it holds something shown: a focus, a slide or a year
/// leaves others empty, and those are neither drawn nor fitted. Kept per regions and shown set.
pub(super) fn holding(state: &mut NetworkState, shown: &Arc<Shown>) -> Arc<Vec<bool>> {
    let key = (
        Arc::as_ptr(&state.regions) as usize,
        Arc::as_ptr(shown) as usize,
    );
    if let Some((k, holding)) = &state.holding
        && *k == key
    {
        return Arc::clone(holding);
    }
    let regions = &state.regions;
    let count = regions.titles.len();
    let mut parent = vec![None; count];
    for region in &regions.regions {
        if let Some(slot) = parent.get_mut(region.index) {
            *slot = region.parent;
        }
    }
    let mut holds = vec![false; count];
    for (i, region) in regions.drawn_in.iter().enumerate() {
        if !shown.entities.get(i).copied().unwrap_or(false) {
            continue;
        }
        // Up through the regions it lies in, until one already known to hold something.
        let mut at = *region;
        while let Some(r) = at {
            match holds.get_mut(r) {
                Some(held) if !*held => *held = true,
                _ => break,
            }
            at = parent.get(r).copied().flatten();
        }
    }
    let holds = Arc::new(holds);
    state.holding = Some((key, Arc::clone(&holds)));
    holds
}

/// Whether the model has places holding other places or entities: the places arrangement is
/// for it (a model without falls back to the force layout).
pub(super) fn has_places(view: &View<'_>) -> bool {
    let model = view.model();
    (0..model.entities.len()).any(|p| {
        model
            .entities
            .get(p)
            .is_some_and(|e| e.kind == EntityKind::Place)
            && !view.doc.index().contents_of(p).is_empty()
    })
}

/// The arrangement drawn: the one chosen, but the force layout for places where the model has
/// none that hold anything.
pub(super) fn effective(
    settings: &Settings,
    view: &View<'_>,
    state: &mut NetworkState,
) -> Arrangement {
    let revision = view.doc.revision();
    if state.has_places.is_none_or(|(r, _)| r != revision) {
        state.has_places = Some((revision, has_places(view)));
    }
    match settings.arrangement {
        Arrangement::Places if !state.has_places.is_some_and(|(_, yes)| yes) => Arrangement::Force,
        // A story's slides pick out a few entities and their years: the force layout, which
        // gathers them where they are related, shows them large; the places would show the
        // empty areas around them.
        Arrangement::Places if view.presenting => Arrangement::Force,
        chosen => chosen,
    }
}

/// The places as regions: each place that holds something is a region, inside the region of
/// the place it lies in; every entity lies in the region of its place.
fn place_nesting(view: &View<'_>) -> (Nesting, Vec<RegionTitle>) {
    let model = view.model();
    let index = view.doc.index();
    let n = model.entities.len();
    let mut region_of = vec![None; n];
    let mut region_entity = Vec::new();
    for (p, entity) in model.entities.iter().enumerate() {
        if entity.kind == EntityKind::Place
            && !index.contents_of(p).is_empty()
            && let Some(slot) = region_of.get_mut(p)
        {
            *slot = Some(region_entity.len());
            region_entity.push(Some(p));
        }
    }
    let place_of = |i: usize| {
        model
            .entities
            .get(i)
            .and_then(|e| e.location.as_deref())
            .and_then(|id| index.get(id))
            .and_then(|p| region_of.get(p).copied().flatten())
    };
    let region_parent = region_entity.iter().map(|e| e.and_then(place_of)).collect();
    let titles = region_entity
        .iter()
        .map(|e| RegionTitle::Place(e.unwrap_or(0)))
        .collect();
    (
        Nesting {
            region_parent,
            region_entity,
            entity_region: (0..n).map(place_of).collect(),
        },
        titles,
    )
}

/// The kinds as regions side by side, each holding its entities.
fn kind_nesting(view: &View<'_>) -> (Nesting, Vec<RegionTitle>) {
    let kinds: Vec<EntityKind> = EntityKind::ALL
        .into_iter()
        .filter(|k| view.model().entities.iter().any(|e| e.kind == *k))
        .collect();
    let entity_region = view
        .model()
        .entities
        .iter()
        .map(|e| kinds.iter().position(|k| *k == e.kind))
        .collect();
    (
        Nesting {
            region_parent: vec![None; kinds.len()],
            region_entity: vec![None; kinds.len()],
            entity_region,
        },
        kinds.into_iter().map(RegionTitle::Kind).collect(),
    )
}

/// The positions of the current arrangement, and its regions.
pub(super) fn arranged(
    state: &mut NetworkState,
    view: &View<'_>,
    settings: &Settings,
    arrangement: Arrangement,
    force: Option<&Arc<Vec<Point>>>,
    footprints: Option<&Arc<Vec<Footprint>>>,
    canvas: egui::Vec2,
) -> Option<(Arc<Vec<Point>>, Arc<Regions>)> {
    let aspect = canvas.x / canvas.y.max(1.0);
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
        structure: doc.structure_revision(),
        arrangement,
        centre: (arrangement == Arrangement::Radial)
            .then_some(centre)
            .flatten(),
        size_by: settings.size_by,
        sizes: state.sizes.as_ref().map(|(_, s)| Arc::as_ptr(s) as usize),
        footprints: footprints.map(|f| Arc::as_ptr(f) as usize),
        // In tenths, so a window resized a little keeps the arrangement.
        aspect: (aspect * 10.0).round() as i32,
    };
    // Each entity's cell in a region's grid: its node and its name beside it (in full or
    // shortened), at the pixels per unit the regions are drawn at when they fill a laptop's
    // canvas.
    let cells = |shortened: bool, unit: f32| -> Vec<[f32; 2]> {
        footprints.map_or_else(Vec::new, |prints| {
            prints
                .iter()
                .map(|f| {
                    let label = if shortened { f.short } else { f.label };
                    [
                        (2.0 * f.radius + 4.0 + label[0] + 12.0) / unit,
                        (label[1].max(2.0 * f.radius) + 6.0) / unit,
                    ]
                })
                .collect()
        })
    };
    let order = state
        .sizes
        .as_ref()
        .map_or_else(Vec::new, |(_, s)| s.order.clone());
    let regions_of = |(nesting, titles): &(Nesting, Vec<RegionTitle>), shortened: bool, unit| {
        let (positions, regions) = nested(nesting, &order, &cells(shortened, unit), aspect);
        let mut titled = vec![false; positions.len()];
        let mut drawn_in = nesting.entity_region.clone();
        for (r, e) in nesting.region_entity.iter().enumerate() {
            if let Some(e) = *e {
                if let Some(t) = titled.get_mut(e) {
                    *t = true;
                }
                if let Some(d) = drawn_in.get_mut(e) {
                    *d = Some(r);
                }
            }
        }
        (
            Arc::new(positions),
            Arc::new(Regions {
                places: titles.iter().any(|t| matches!(t, RegionTitle::Place(_))),
                regions,
                titles: titles.clone(),
                titled,
                drawn_in,
                shortened,
            }),
        )
    };
    // The grids sized for the names in full, unless then they would be drawn at much less than
    // the scale the names need on this canvas: then for the names shortened. (The grids' cells
    // are as wide as their longest name, so most names still fit somewhat below that scale:
    // Yunqi at 1280×720 beside the side panels, fitted at 0.58 of it in Chinese, names 51 in
    // full and 18 shortened with full-name grids against 45 and 26; in English, at 0.49, 17
    // in full and 54 shortened with short-name grids, against far fewer named at all.)
    // Sizing the grids for the scale they end up drawn at instead shrinks the regions' frames
    // and titles with them, until the titles are too small to write.
    let fitted = |nesting: (Nesting, Vec<RegionTitle>)| {
        let full = regions_of(&nesting, false, REGION_UNIT);
        if footprints.is_none() || fit_scale(&full.0, &full.1, canvas) >= REGION_UNIT * 0.55 {
            return full;
        }
        regions_of(&nesting, true, REGION_UNIT)
    };
    match arrangement {
        Arrangement::Force => return force.map(|p| (Arc::clone(p), Arc::default())),
        _ if state.arranged.as_ref().is_some_and(|(k, _, _)| *k == key) => {}
        Arrangement::Radial => {
            let positions = centre.map_or_else(Vec::new, |c| radial(doc.graph(), c));
            state.arranged = Some((key, Arc::new(positions), Arc::default()));
        }
        Arrangement::ByKind => {
            let (positions, regions) = fitted(kind_nesting(view));
            state.arranged = Some((key, positions, regions));
        }
        Arrangement::Places => {
            let (positions, regions) = fitted(place_nesting(view));
            state.arranged = Some((key, positions, regions));
        }
    }
    state
        .arranged
        .as_ref()
        .map(|(_, p, g)| (Arc::clone(p), Arc::clone(g)))
}

/// The pixels per layout unit at which `positions` and `regions` fill `canvas` when fitted
/// (with the margin the fit keeps).
fn fit_scale(positions: &[Point], regions: &Regions, canvas: egui::Vec2) -> f32 {
    let (mut min, mut max) = ([f32::MAX; 2], [f32::MIN; 2]);
    let corners = regions.regions.iter().flat_map(|r| [r.min, r.max]);
    for [x, y] in positions.iter().copied().chain(corners) {
        min = [min[0].min(x), min[1].min(y)];
        max = [max[0].max(x), max[1].max(y)];
    }
    if min[0] > max[0] {
        return f32::MAX;
    }
    let margin = REGION_MARGIN;
    ((canvas.x - 2.0 * margin) / (max[0] - min[0]).max(1.0))
        .min((canvas.y - 2.0 * margin) / (max[1] - min[1]).max(1.0))
}

pub(super) fn shown(state: &mut NetworkState, view: &View<'_>, filter: &Filter) -> Arc<Shown> {
    let doc = view.doc;
    // What the filter reads of the model: entities' own facts only for a year or sectors; else
    // kinds and ends (the structure) and relations' dates — so a rename keeps what is shown
    // without filtering 10^5 entities and 5·10^5 lines again.
    let reads = if filter.as_of.is_none() && filter.sectors.is_empty() {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        (doc.structure_revision(), doc.relations_revision()).hash(&mut hasher);
        hasher.finish()
    } else {
        doc.revision()
    };
    match &state.shown {
        Some((revision, f, shown)) if *revision == reads && f == filter => Arc::clone(shown),
        kept => {
            // After an edit that shows the same (a rename, say), the same `Shown`: what is
            // kept by it (the mesh, the legend) stays.
            let fresh = filter.apply(doc.model(), doc.graph(), doc.links());
            let shown = match kept {
                Some((_, f, shown)) if f == filter && **shown == fresh => Arc::clone(shown),
                _ => Arc::new(fresh),
            };
            state.shown = Some((reads, filter.clone(), Arc::clone(&shown)));
            shown
        }
    }
}

/// Everything the cached picture depends on, hashed, with what it reads of the model summed up
/// in `model` (the document's revision; for the mesh alone, less).
pub(super) fn picture_key(
    model: u64,
    view: &View<'_>,
    state: &NetworkState,
    drawn: &Drawn<'_>,
    rect: Rect,
    settings: &Settings,
    ui: &egui::Ui,
) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    model.hash(&mut hasher);
    (Arc::as_ptr(drawn.shown) as usize).hash(&mut hasher);
    (Arc::as_ptr(drawn.positions) as usize).hash(&mut hasher);
    (std::ptr::from_ref(drawn.sizes) as usize).hash(&mut hasher);
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
    settings.labels.hash(&mut hasher);
    state
        .name_sides
        .as_ref()
        .map(|s| Arc::as_ptr(s) as usize)
        .hash(&mut hasher);
    if let Some(frame) = state.legend_frame {
        [frame.min.x, frame.min.y, frame.max.x, frame.max.y]
            .map(|v| v.to_bits())
            .hash(&mut hasher);
    }
    view.metrics.is_some().hash(&mut hasher);
    view.lang.is_chinese().hash(&mut hasher);
    ui.visuals().dark_mode.hash(&mut hasher);
    view.presenting.hash(&mut hasher);
    hasher.finish()
}

/// Links, arrowheads and nodes on screen, as one mesh. Reuses the buffers of the last one.
pub(super) fn base_mesh(
    reused: Option<Arc<Mesh>>,
    view: &View<'_>,
    screen: &[Pos2],
    radius: &[f32],
    shown: &Shown,
    rect: Rect,
    hide: Option<RelationKind>,
) -> Arc<Mesh> {
    let mut arc = reused.unwrap_or_default();
    let mesh = Arc::make_mut(&mut arc);
    // `Mesh::clear` would free the buffers; keeping them saves a large allocation per rebuild.
    mesh.vertices.clear();
    mesh.indices.clear();
    let visible = rect.expand(MAX_RADIUS);
    let doc = view.doc;
    // Where entity `i` is on screen and how large (this frame's lists, one entry per entity).
    let node = |i: usize| Some((*screen.get(i)?, *radius.get(i)?));
    // A slide of a few entities shows the rest of the town faintly round them.
    if view.presenting && shown.entity_count() <= FEW {
        let faint = Color32::from_gray(70);
        // The other entities only, faint and unnamed: their lines would cross the slide's.
        for (i, entity) in doc.model().entities.iter().enumerate() {
            let Some((at, _)) = node(i) else { continue };
            if shown.entities.get(i).copied().unwrap_or(false) || !visible.contains(at) {
                continue;
            }
            add_node(
                mesh,
                at,
                CONTEXT_RADIUS,
                kind_shape(entity.kind),
                faint,
                false,
            );
        }
    }
    // The links shown and crossing the view, with their ends.
    let mut drawn = Vec::new();
    for (k, link) in doc.links().iter().enumerate() {
        if !shown.links.get(k).copied().unwrap_or(false) || Some(link.kind) == hide {
            continue;
        }
        let (Some(from), Some(to)) = (node(link.from), node(link.to)) else {
            continue;
        };
        let (a, b) = (from.0, to.0);
        if visible.contains(a)
            || visible.contains(b)
            || Rect::from_two_pos(a, b).intersects(visible)
        {
            drawn.push((link, from, to));
        }
    }
    // Presenting, lines of 2 points (2.5 px at the presentation's zoom): a projector washes
    // out a hairline.
    let line_width = if view.presenting { 2.0 } else { 1.0 };
    // In a crowd a line is one sliver triangle, wide at its source and pointed at its target:
    // half the indices of a quad, and the taper still says which way it goes.
    let crowded_links = drawn.len() > CROWD_LINKS;
    for &(link, (a, from_radius), (b, to_radius)) in &drawn {
        if crowded_links {
            // A line shorter than its ends' nodes lies under them.
            if a.distance_sq(b) > from_radius.max(to_radius).powi(2) {
                add_taper(mesh, a, b, 1.6, link_colour(doc, link));
            }
        } else if is_disputed(doc, link) {
            add_segment(mesh, a, b, line_width * 2.5, link_colour(doc, link));
        } else {
            // Over the places' areas the lines step back: the areas carry the picture.
            let colour = relation_colour(link.kind);
            let colour = if hide.is_some() {
                colour.gamma_multiply(0.55)
            } else {
                colour
            };
            add_segment(mesh, a, b, line_width, colour);
        }
    }
    if drawn.len() <= MAX_ARROWS {
        for &(link, (a, _), (b, to_radius)) in &drawn {
            if link.kind.is_directed() {
                let colour = link_colour(doc, link).gamma_multiply(1.8);
                add_arrow(mesh, a, b, to_radius, colour);
            }
        }
    }
    let on_screen: Vec<(&crate::model::Entity, Pos2, f32)> = doc
        .model()
        .entities
        .iter()
        .zip(screen.iter().zip(radius))
        .zip(&shown.entities)
        .filter(|((_, (at, _)), shown)| **shown && visible.contains(**at))
        .map(|((entity, (at, radius)), _)| (entity, *at, *radius))
        .collect();
    // Soft edges triple a node's vertices: in a crowd only the larger nodes get them.
    let crowded = on_screen.len() > CROWD;
    for (entity, at, radius) in on_screen {
        let smooth = !crowded || radius > 6.0;
        let kind = entity.kind;
        add_node(
            mesh,
            at,
            radius,
            kind_shape(kind),
            kind_colour(kind),
            smooth,
        );
    }
    arc
}

pub(super) fn refresh_galleys(state: &mut NetworkState, view: &View<'_>, dark: bool) {
    let key = (view.doc.revision(), view.lang, dark, view.presenting);
    if state.galleys_for == key {
        return;
    }
    let (held, lang, was_dark, presenting) = state.galleys_for;
    let same_look = (lang, was_dark, presenting) == (view.lang, dark, view.presenting);
    // One edit of some entities' facts: only their names may have changed (a keystroke in a
    // name at 10^5 entities laid every name on screen out again).
    let renamed: Option<Vec<usize>> = view
        .doc
        .touched_since(held)
        .filter(|_| same_look)
        .and_then(|touched| {
            touched
                .iter()
                .map(|t| match t {
                    Touched::Entity(i) => Some(Some(*i)),
                    Touched::Relation(_) | Touched::Layout | Touched::Notes => Some(None),
                    Touched::Structure => None,
                })
                .collect::<Option<Vec<Option<usize>>>>()
        })
        .map(|changed| changed.into_iter().flatten().collect());
    match renamed {
        Some(renamed) => state.galleys.retain(|(i, _), _| !renamed.contains(i)),
        None => state.galleys.clear(),
    }
    state.galleys_for = key;
}

/// Added to a size index: the name shortened to one line of at most [`SHORT_EMS`] ems, ending
/// in "…" where it is cut (the full name is in the hover). Written where the full name finds no
/// room.
pub(super) const SHORTENED: usize = 1 << 16;
/// How long a shortened name is at most, in ems of its type.
const SHORT_EMS: f32 = 7.0;

pub(super) fn galley(
    ui: &egui::Ui,
    galleys: &mut HashMap<(usize, usize), Arc<Galley>>,
    view: &View<'_>,
    entity: usize,
    size: usize,
) -> Arc<Galley> {
    let shortened = size & SHORTENED != 0;
    let size = size & !SHORTENED;
    let scale = if view.presenting {
        PRESENTING_LABELS
    } else {
        1.0
    };
    let key = (entity, size | if shortened { SHORTENED } else { 0 });
    Arc::clone(galleys.entry(key).or_insert_with(|| {
        let name = view
            .model()
            .entities
            .get(entity)
            .map_or("", |e| view.name(e));
        // Presenting, the same three sizes whatever the canvas: read from the back of a room.
        let points = if view.presenting {
            PRESENTING_SIZES
                .get(size % 3)
                .copied()
                .unwrap_or(PRESENTING_SIZES[0])
                / scale
        } else {
            LABEL_SIZES.get(size).copied().unwrap_or(LABEL_SIZES[0])
        };
        // A long name on two or three lines packs beside the others where one long line
        // would not fit.
        // (As many characters to a line at any size: the wrap grows with the type.)
        let wrap = LABEL_WRAP * points.max(LABEL_SIZES[2]) / LABEL_SIZES[2];
        if shortened {
            let mut job = egui::text::LayoutJob::simple_singleline(
                name.to_owned(),
                egui::FontId::proportional(points * scale),
                Color32::PLACEHOLDER,
            );
            job.wrap = egui::text::TextWrapping {
                max_width: SHORT_EMS * points * scale,
                max_rows: 1,
                break_anywhere: true,
                overflow_character: Some('…'),
            };
            return ui.painter().layout_job(job);
        }
        ui.painter().layout(
            name.to_owned(),
            egui::FontId::proportional(points * scale),
            Color32::PLACEHOLDER,
            wrap * scale,
        )
    }))
}

/// Labels, most important first, each where it overlaps no label and no more important node.
pub(super) fn place_labels(
    ui: &egui::Ui,
    view: &View<'_>,
    state: &mut NetworkState,
    drawn: &Drawn<'_>,
    choice: Labels,
) -> Vec<Label> {
    let Drawn {
        rect,
        sizes,
        shown,
        holding,
        ..
    } = *drawn;
    let screen = &state.screen;
    let most = match choice {
        Labels::None => return Vec::new(),
        // Every name that fits (still none over another name or a node).
        Labels::All => MAX_LABEL_CANDIDATES,
        Labels::Important => ((rect.area() / 7000.0) as usize).clamp(12, 300),
    };
    let mut occupied = Occupancy::new(rect);
    // The line legend's corner is not for names.
    if let Some(frame) = state.legend_frame {
        occupied.take(frame);
    }
    let mut labels = Vec::new();
    let town = sizes.rank.len() <= TOWN_LIMIT;
    // Where entity `i` is on screen and how large, if it is shown there.
    let node = |i: usize| {
        let (p, r) = (*screen.get(i)?, *sizes.radius.get(i)?);
        (*shown.entities.get(i)? && rect.contains(p)).then_some((i, p, r))
    };
    // A place drawn as an area is named by the area's title.
    let regions = Arc::clone(&state.regions);
    let titled = |i: usize| regions.titled.get(i).copied().unwrap_or(false);
    // Nor is the band along the top of a region, where its title is written.
    for region in regions
        .regions
        .iter()
        .filter(|r| holding.get(r.index).copied().unwrap_or(false))
    {
        let camera = &state.camera;
        let top_left = camera.screen_from_layout(rect, region.min);
        let bottom_right = camera.screen_from_layout(rect, region.max);
        let band = (TITLE_OFFSET + TITLE_HEIGHT) * camera.scale;
        occupied.take(Rect::from_min_max(
            top_left,
            egui::pos2(bottom_right.x, (top_left.y + band).min(bottom_right.y)),
        ));
    }
    // A town's names cover no node at all (a large model's, no node more important).
    if town {
        for (_, p, r) in (0..sizes.radius.len()).filter_map(node) {
            occupied.take(Rect::from_center_size(p, vec2(2.0 * r, 2.0 * r)));
        }
    }
    for (rank, (i, p, r)) in sizes
        .order
        .iter()
        .filter_map(|&i| node(i as usize))
        .take(MAX_LABEL_CANDIDATES)
        .enumerate()
    {
        let node = Rect::from_center_size(p, vec2(2.0 * r, 2.0 * r));
        // A town's names are as large as its layout made room for: by rank among all entities.
        // A large model's, by rank among those in view.
        let size = if town {
            let rank = sizes.rank.get(i).copied().unwrap_or(u32::MAX) as usize;
            state.name_sizes * 3 + label_tier(rank)
        } else {
            label_tier(rank)
        };
        if labels.len() < most && !titled(i) {
            // A town's names go first where its layout made room for them; a name with no
            // room in full is written shortened (the hover has it whole).
            let naming = state.name_sides.as_ref().and_then(|s| s.get(i).copied());
            // (Zoomed in from the town layout's fit, there may be room for it in full.)
            let planned = if regions.regions.is_empty() {
                crate::layout::UNIT
            } else {
                REGION_UNIT
            };
            // (Presenting, the plan was made for the desktop's canvas and type: not this one.)
            let zoomed_in = state.camera.scale > planned * 1.2 || view.presenting;
            let forms: &[usize] = match naming {
                Some(n) if n.shortened && !zoomed_in => &[SHORTENED],
                _ if town => &[0, SHORTENED],
                _ => &[0],
            };
            'forms: for &form in forms {
                let galley = galley(ui, &mut state.galleys, view, i, size | form);
                let g = galley.size();
                let below = p + vec2(-g.x / 2.0, r + 2.0);
                let right = p + vec2(r + 4.0, -g.y / 2.0);
                let above = p + vec2(-g.x / 2.0, -r - 2.0 - g.y);
                let left = p + vec2(-r - 4.0 - g.x, -g.y / 2.0);
                let places = if naming.is_some_and(|n| n.side == NameSide::Beside) {
                    [right, below, above, left]
                } else {
                    [below, right, above, left]
                };
                for at in places {
                    let halo = Rect::from_min_size(at, g).expand2(vec2(3.0, 1.0));
                    if rect.contains_rect(halo) && !halo.intersects(node) && occupied.is_free(halo)
                    {
                        occupied.take(halo);
                        labels.push(Label {
                            entity: i,
                            at,
                            galley,
                            halo,
                        });
                        break 'forms;
                    }
                }
            }
        }
        occupied.take(node);
    }
    labels
}

/// What the lines as drawn read of the model — its structure (ends, kinds) and which relations
/// are disputed (amber) — summed up in one number that changes when either does. The disputed
/// lines are hashed again only when a relation's facts may have changed (not on a rename: 550k
/// lines at 10^5).
pub(super) fn lines_revision(state: &mut NetworkState, doc: &crate::document::Document) -> u64 {
    let disputed = match state.disputed_lines {
        Some((revision, hash)) if revision == doc.relations_revision() => hash,
        _ => {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            for (k, link) in doc.links().iter().enumerate() {
                if is_disputed(doc, link) {
                    k.hash(&mut hasher);
                }
            }
            let hash = hasher.finish();
            state.disputed_lines = Some((doc.relations_revision(), hash));
            hash
        }
    };
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (doc.structure_revision(), disputed).hash(&mut hasher);
    hasher.finish()
}

/// Whether the link is a relation other sources contradict.
pub(super) fn is_disputed(
    doc: &crate::document::Document,
    link: &crate::model::filter::Link,
) -> bool {
    link.relation
        .and_then(|r| doc.model().relations.get(r))
        .is_some_and(|r| r.disputed.is_some())
}

/// A link's colour: its relation family's, or the amber of a disagreement.
pub(super) fn link_colour(
    doc: &crate::document::Document,
    link: &crate::model::filter::Link,
) -> Color32 {
    if is_disputed(doc, link) {
        crate::ui::provenance::DISPUTED.gamma_multiply(0.8)
    } else {
        relation_colour(link.kind)
    }
}
