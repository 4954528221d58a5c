//! What is drawn over the picture each frame: rings for the selected, the compared and the new,
//! holes for the undated, the hovered entity's neighbourhood and tooltip, group titles and the
//! counts in the corner.

use super::*;

/// Rings for what a comparison lists as changed, what arrived in the year shown and what is
/// selected; holes for what the sources do not date; the hovered entity's neighbourhood and
/// tooltip; the relation being drawn.
pub(super) fn draw_marks(
    ui: &egui::Ui,
    painter: &egui::Painter,
    view: &View<'_>,
    state: &mut NetworkState,
    drawn: &Drawn<'_>,
    hovered: Option<usize>,
    response: &egui::Response,
) {
    let Drawn {
        rect, sizes, shown, ..
    } = *drawn;
    // Entities on screen and shown, with where and how large.
    let on_screen = |i: usize| -> Option<(Pos2, f32)> {
        let at = *state.screen.get(i)?;
        let shown = *shown.entities.get(i)?;
        (shown && rect.contains(at)).then(|| (at, sizes.radius.get(i).copied().unwrap_or(0.0)))
    };
    // What Find found: every match ringed in the colour of selection, so all of them can be
    // seen at once (the best one is selected as well).
    let accent = ui.visuals().selection.bg_fill;
    for &i in state.found() {
        if let Some((at, radius)) = on_screen(i) {
            painter.circle_stroke(at, radius + 6.0, Stroke::new(2.5, accent));
        }
    }
    // Entities a comparison lists as changed wear an amber ring.
    let amber = ui.visuals().warn_fg_color;
    for &i in view.compared {
        if let Some((at, radius)) = on_screen(i) {
            painter.circle_stroke(at, radius + 5.0, Stroke::new(2.0, amber));
        }
    }
    // As of a year: what arrived that year wears a bright ring; what the sources do not date
    // is hollow.
    let mut hollow = Vec::new();
    let mut fresh = Vec::new();
    if let Some(year) = view.year {
        let hole = ui.visuals().extreme_bg_color;
        for (i, entity) in view.model().entities.iter().enumerate() {
            let Some((at, radius)) = on_screen(i) else {
                continue;
            };
            if entity.presence_in(year) == Presence::Undated {
                painter.circle_filled(at, radius * 0.62, hole);
                hollow.push(i);
            }
            if entity.new_in(year) {
                painter.circle_stroke(at, radius + 4.0, Stroke::new(3.0, NEW_THIS_YEAR));
                fresh.push(i);
            }
        }
    }
    state.year_marks = (hollow, fresh);
    if let Some((at, radius)) = view.selected.and_then(|i| {
        shown
            .entities
            .get(i)
            .copied()
            .unwrap_or(false)
            .then_some(i)
            .and_then(|i| Some((*state.screen.get(i)?, sizes.radius.get(i).copied()?)))
    }) {
        painter.circle_stroke(
            at,
            radius + 3.0,
            Stroke::new(2.5, ui.visuals().strong_text_color()),
        );
    }
    state.relation_words.clear();
    if hovered.is_none() && !view.presenting {
        selected_words(ui, painter, view, state, drawn);
    }
    if let Some(i) = hovered {
        highlight(ui, painter, view, state, sizes, shown, i, rect);
        let pinned = view.doc.pins().get(i).is_some_and(Option::is_some);
        tooltip(response, view, i, pinned, state.screen.get(i).copied());
    }
    // The relation being drawn: a line from its first end to the pointer.
    if let Some(from) = state.linking
        && let Some(pointer) = response.interact_pointer_pos()
        && let Some(&start) = state.screen.get(from)
    {
        let accent = ui.visuals().selection.stroke.color;
        painter.line_segment([start, pointer], Stroke::new(2.5, accent));
        let radius = sizes.radius.get(from).copied().unwrap_or(0.0);
        painter.circle_stroke(start, radius + 4.0, Stroke::new(2.0, accent));
    }
}

/// The hovered node stands out: the rest dims, its links and neighbours are drawn bright and
/// named.
#[allow(clippy::too_many_arguments)]
pub(super) fn highlight(
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
    keep_links_of(state, doc);
    let Some((_, links_of)) = &state.links_of else {
        return;
    };
    painter.rect_filled(rect, 0.0, ui.visuals().extreme_bg_color.gamma_multiply(0.7));
    let screen = &state.screen;
    // Where entity `j` is on screen and how large (the lists are this frame's, one per entity).
    let node = |j: usize| Some((*screen.get(j)?, *sizes.radius.get(j)?));
    let mut mesh = Mesh::default();
    let mut neighbours = vec![i];
    for &k in links_of.get(i).map_or(&[][..], Vec::as_slice) {
        let k = k as usize;
        let Some(link) = doc.links().get(k) else {
            continue;
        };
        let (Some((from, _)), Some((to, to_radius))) = (node(link.from), node(link.to)) else {
            continue;
        };
        if !shown.links.get(k).copied().unwrap_or(false) {
            continue;
        }
        let colour = link_colour(doc, link).gamma_multiply(2.2);
        add_segment(&mut mesh, from, to, 2.0, colour);
        if link.kind.is_directed() {
            add_arrow(&mut mesh, from, to, to_radius, colour);
        }
        neighbours.push(if link.from == i { link.to } else { link.from });
    }
    neighbours.sort_unstable();
    neighbours.dedup();
    for &j in &neighbours {
        let (Some(entity), Some((at, radius))) = (doc.model().entities.get(j), node(j)) else {
            continue;
        };
        let (shape, colour) = (kind_shape(entity.kind), kind_colour(entity.kind));
        add_node(&mut mesh, at, radius, shape, colour, true);
    }
    painter.add(Shape::mesh(mesh));
    if let Some((at, radius)) = node(i) {
        let stroke = Stroke::new(2.0, ui.visuals().strong_text_color());
        painter.circle_stroke(at, radius + 3.0, stroke);
    }
    // Name the neighbours too, as many as fit, the hovered node first.
    let weight = |j: usize| sizes.weight.get(j).copied().unwrap_or(0.0);
    neighbours.sort_by_key(|&j| (j != i, std::cmp::Reverse((weight(j) * 1e6) as i64)));
    let mut occupied = Occupancy::new(rect);
    let text_colour = ui.visuals().strong_text_color();
    let halo = ui.visuals().extreme_bg_color.gamma_multiply(0.9);
    for &j in neighbours.iter().take(60) {
        let Some((p, r)) = node(j) else {
            continue;
        };
        let galley = galley(ui, &mut state.galleys, view, j, if j == i { 0 } else { 1 });
        let at = p + vec2(-galley.size().x / 2.0, r + 2.0);
        let label = Rect::from_min_size(at, galley.size()).expand2(vec2(3.0, 1.0));
        if j == i || (rect.contains_rect(label) && occupied.is_free(label)) {
            occupied.take(label);
            painter.rect_filled(label, 3.0, halo);
            painter.add(Shape::galley(at, galley, text_colour));
        }
    }
    for &j in &neighbours {
        if let Some((p, r)) = node(j) {
            occupied.take(Rect::from_center_size(p, vec2(2.0 * r, 2.0 * r)));
        }
    }
    let links = links_of.get(i).map_or(&[][..], Vec::as_slice);
    let places = state.regions.places;
    let written = relation_words(
        ui,
        painter,
        view,
        links,
        i,
        &node,
        shown,
        &mut occupied,
        places,
    );
    state.relation_words = written;
}

/// For each entity, the links it takes part in (kept while the lines are).
fn keep_links_of(state: &mut NetworkState, doc: &crate::document::Document) {
    if state
        .links_of
        .as_ref()
        .is_some_and(|(r, _)| *r == doc.structure_revision())
    {
        return;
    }
    let mut links_of: Vec<Vec<u32>> = vec![Vec::new(); doc.model().entities.len()];
    for (k, link) in doc.links().iter().enumerate() {
        if let Some(from) = links_of.get_mut(link.from) {
            from.push(k as u32);
        }
        if link.to != link.from
            && let Some(to) = links_of.get_mut(link.to)
        {
            to.push(k as u32);
        }
    }
    state.links_of = Some((doc.structure_revision(), links_of));
}

/// The kinds of entity `i`'s shown links written at the middle of each line, read from `i`
/// ("member of", "located in"), where they cover no name and no other word.
#[allow(clippy::too_many_arguments)]
fn relation_words(
    ui: &egui::Ui,
    painter: &egui::Painter,
    view: &View<'_>,
    links: &[u32],
    i: usize,
    node: &dyn Fn(usize) -> Option<(Pos2, f32)>,
    shown: &Shown,
    occupied: &mut Occupancy,
    places: bool,
) -> Vec<&'static str> {
    let mut written = Vec::new();
    let text_colour = ui.visuals().text_color();
    let halo = ui.visuals().extreme_bg_color.gamma_multiply(0.9);
    let font = egui::FontId::proportional(if view.presenting { 18.0 } else { 12.0 });
    for &k in links.iter().take(MAX_RELATION_WORDS) {
        let k = k as usize;
        let (Some(link), true) = (
            view.doc.links().get(k),
            shown.links.get(k).copied().unwrap_or(false),
        ) else {
            continue;
        };
        // Places drawn as areas say where each thing is already.
        if places && link.kind == RelationKind::LocatedIn {
            continue;
        }
        let (Some((from, _)), Some((to, _))) = (node(link.from), node(link.to)) else {
            continue;
        };
        let word = crate::i18n::relation_kind(link.kind, link.from == i, view.lang);
        let galley = painter.layout_no_wrap(word.to_owned(), font.clone(), text_colour);
        // The middle of the line if it is free, else a place nearer one end.
        let place = [0.5, 0.38, 0.62, 0.28, 0.72].into_iter().find_map(|t| {
            let at = from + (to - from) * t - galley.size() / 2.0;
            let label = Rect::from_min_size(at, galley.size()).expand2(vec2(3.0, 1.0));
            (painter.clip_rect().contains_rect(label) && occupied.is_free(label))
                .then_some((at, label))
        });
        if let Some((at, label)) = place {
            occupied.take(label);
            painter.rect_filled(label, 3.0, halo);
            painter.add(Shape::galley(at, galley, text_colour));
            written.push(word);
        }
    }
    written
}

/// The selected entity's lines say what they are, as the hovered one's do.
pub(super) fn selected_words(
    ui: &egui::Ui,
    painter: &egui::Painter,
    view: &View<'_>,
    state: &mut NetworkState,
    drawn: &Drawn<'_>,
) {
    let Some(i) = view.selected else {
        return;
    };
    keep_links_of(state, view.doc);
    let Some((_, links_of)) = &state.links_of else {
        return;
    };
    let screen = &state.screen;
    let node = |j: usize| Some((*screen.get(j)?, *drawn.sizes.radius.get(j)?));
    // The names already drawn keep their place: the words go where they are not.
    let mut occupied = Occupancy::new(drawn.rect);
    for label in state.picture.iter().flat_map(|p| &p.labels) {
        occupied.take(label.halo);
    }
    // Nor over a node: in a town, any; in a large model, those its lines join.
    let links = links_of.get(i).map_or(&[][..], Vec::as_slice);
    let ends = links
        .iter()
        .filter_map(|&k| view.doc.links().get(k as usize))
        .flat_map(|link| [link.from, link.to]);
    let nodes: Vec<usize> = if screen.len() <= TOWN_LIMIT {
        (0..screen.len()).collect()
    } else {
        ends.collect()
    };
    for j in nodes {
        if let (Some((p, r)), true) = (node(j), drawn.shown.entities.get(j) == Some(&true)) {
            occupied.take(Rect::from_center_size(p, vec2(2.0 * r, 2.0 * r)));
        }
    }
    let written = relation_words(
        ui,
        painter,
        view,
        links,
        i,
        &node,
        drawn.shown,
        &mut occupied,
        state.regions.places,
    );
    state.relation_words = written;
}

/// What the hovered entity is, in the canvas corner farthest from it: beside the pointer it
/// would cover the neighbours the highlight names.
pub(super) fn tooltip(
    response: &egui::Response,
    view: &View<'_>,
    i: usize,
    pinned: bool,
    at: Option<Pos2>,
) {
    let Some(entity) = view.model().entities.get(i) else {
        return;
    };
    let rect = response.rect;
    let node = at.unwrap_or(rect.center());
    let corner = egui::pos2(
        if node.x > rect.center().x {
            rect.left() + 12.0
        } else {
            rect.right() - TOOLTIP_WIDTH - 12.0
        },
        if node.y > rect.center().y {
            rect.top() + 12.0
        } else {
            rect.bottom() - 150.0
        },
    );
    egui::Tooltip::always_open(
        response.ctx.clone(),
        response.layer_id,
        response.id.with("entity-tooltip"),
        corner,
    )
    .width(TOOLTIP_WIDTH)
    .show(|ui| {
        ui.strong(view.name(entity));
        let other = entity.name.get(view.lang.other());
        if !other.is_empty() && other != view.name(entity) {
            ui.label(other);
        }
        ui.weak(entity_kind(entity.kind, view.lang));
        if let Some((degree, pagerank)) = view
            .metrics
            .and_then(|m| Some((m.degree.get(i)?, m.pagerank.get(i)?)))
        {
            ui.weak(format!(
                "{} {degree} · PageRank {pagerank:.4}",
                view.s().views.column_degree,
            ));
        }
        if pinned {
            ui.weak(view.s().network.pinned);
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
                .relations_of(i)
                .any(|(_, relation, _)| relation.disputed.is_some());
        if disputed {
            ui.label(
                egui::RichText::new(crate::i18n::provenance::disputed_heading(view.lang))
                    .color(crate::ui::provenance::DISPUTED),
            );
        }
    });
}

/// The hovered entity's tooltip is this wide at most.
const TOOLTIP_WIDTH: f32 = 260.0;

/// Region frames narrower or lower than this many points are drawn plain.
const SMALL_FRAME: f32 = 8.0;

/// Each region (a place holding what lies in it, or a kind) that holds something shown, as a
/// tinted frame, deeper ones lighter, its title in the band at its top: a place's after its own
/// node.
pub(super) fn region_frames(
    ui: &egui::Ui,
    painter: &egui::Painter,
    view: &View<'_>,
    state: &mut NetworkState,
    drawn: &Drawn<'_>,
) {
    let Drawn {
        rect,
        regions,
        holding,
        ..
    } = *drawn;
    let camera = &state.camera;
    let radius = &drawn.sizes.radius;
    let visuals = ui.visuals();
    let dark = visuals.dark_mode;
    let line = visuals.weak_text_color().gamma_multiply(0.5);
    let strong = visuals.strong_text_color();
    let held = || {
        regions
            .regions
            .iter()
            .filter(|r| holding.get(r.index).copied().unwrap_or(false))
    };
    let frame_of = |region: &Region| {
        Rect::from_two_pos(
            camera.screen_from_layout(rect, region.min),
            camera.screen_from_layout(rect, region.max),
        )
    };
    // The frames, tessellated once into a mesh for as long as nothing they are drawn from
    // changes (at 10^5 entities, thousands of rounded frames cost most of a frame's
    // tessellation); the titles are written over them.
    let key = {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        for region in held() {
            (region.index, region.depth).hash(&mut hasher);
            [region.min, region.max]
                .map(|p| p.map(f32::to_bits))
                .hash(&mut hasher);
        }
        [
            camera.scale,
            rect.min.x,
            rect.min.y,
            rect.max.x,
            rect.max.y,
            ui.ctx().pixels_per_point(),
        ]
        .map(f32::to_bits)
        .hash(&mut hasher);
        (dark, line).hash(&mut hasher);
        hasher.finish()
    };
    // Built with half a view's margin round the canvas, so that a pan moves the mesh instead
    // of building it again, until it has moved that far.
    let margin = rect.size().max_elem() * PAN_MARGIN;
    let centre = camera.centre;
    let shift_from = |from: Point| {
        vec2(
            (from[0] - centre[0]) * camera.scale,
            (from[1] - centre[1]) * camera.scale,
        )
    };
    let kept = state.frames_mesh.as_mut().filter(|kept| {
        kept.key == key && {
            let moved = shift_from(kept.built_at);
            moved.x.abs() < margin && moved.y.abs() < margin
        }
    });
    let mesh = match kept {
        Some(kept) => {
            if kept.moved_to != centre {
                let shift = shift_from(kept.moved_to);
                Arc::make_mut(&mut kept.mesh).translate(shift);
                kept.moved_to = centre;
            }
            Arc::clone(&kept.mesh)
        }
        None => {
            let built = rect.expand(margin);
            let mut shapes = Vec::new();
            for region in held() {
                let frame = frame_of(region);
                if !frame.intersects(built) {
                    continue;
                }
                if frame.width().min(frame.height()) < SMALL_FRAME {
                    // Too small for the rounding or a separate outline to be seen: one plain
                    // rectangle in the outline's colour.
                    shapes.push(Shape::rect_filled(frame, 0.0, line));
                    continue;
                }
                // Deeper regions a shade lighter (darker on a light theme), so nesting reads
                // at once.
                let shade = (10 + 9 * region.depth.min(5)) as u8;
                let fill = if dark {
                    Color32::from_white_alpha(shade)
                } else {
                    Color32::from_black_alpha(shade)
                };
                shapes.push(Shape::rect_filled(frame, 6.0, fill));
                shapes.push(Shape::rect_stroke(
                    frame,
                    6.0,
                    Stroke::new(1.0, line),
                    egui::StrokeKind::Inside,
                ));
            }
            let mesh = Arc::new(tessellated(ui.ctx(), shapes));
            state.frames_mesh = Some(FramesMesh {
                key,
                built_at: centre,
                moved_to: centre,
                mesh: Arc::clone(&mesh),
            });
            mesh
        }
    };
    painter.add(Shape::Mesh(mesh));
    for region in held() {
        let frame = frame_of(region);
        if !frame.intersects(rect) || frame.width().min(frame.height()) < SMALL_FRAME {
            continue;
        }
        let (title, colour, after) = match regions.titles.get(region.index) {
            Some(RegionTitle::Place(e)) => {
                let name = view.model().entities.get(*e).map_or("", |e| view.name(e));
                // After the place's own node, drawn at the title's left.
                let r = radius.get(*e).copied().unwrap_or(MIN_RADIUS);
                (name.to_owned(), strong, camera.scale * 0.6 + r + 5.0)
            }
            Some(RegionTitle::Kind(kind)) => (
                entity_kind_plural(*kind, view.lang).to_owned(),
                kind_colour(*kind),
                8.0,
            ),
            None => continue,
        };
        let band = camera.scale * TITLE_HEIGHT;
        let size: f32 = if region.depth == 0 { 15.0 } else { 13.0 };
        let size = if view.presenting { size * 1.4 } else { size };
        // As large as the band over the region holds, and not below 9 px: zoomed out further,
        // the frames alone.
        let size = size.min(band * 0.95);
        if size < 9.0 {
            continue;
        }
        let room = frame.width() - after - 8.0;
        // One line, cut short (…) where the region is narrower than its name.
        let mut job = egui::text::LayoutJob::simple_singleline(
            title,
            egui::FontId::proportional(size),
            colour,
        );
        job.wrap = egui::text::TextWrapping {
            max_width: room.max(0.0),
            max_rows: 1,
            break_anywhere: true,
            overflow_character: Some('…'),
        };
        let galley = painter.layout_job(job);
        let top = frame.top() + camera.scale * TITLE_OFFSET + (band - galley.size().y) / 2.0;
        let at = egui::pos2(frame.left() + after, top.max(frame.top() + 2.0));
        if galley.size().y <= band + camera.scale * TITLE_OFFSET + 1.0 {
            painter.galley(at, galley, colour);
        }
    }
}

/// The regions' frames tessellated: for what (`key`: regions, zoom, canvas, theme), the camera's
/// centre they were built at and the one they have been moved to since.
pub(super) struct FramesMesh {
    key: u64,
    built_at: Point,
    moved_to: Point,
    mesh: Arc<Mesh>,
}

/// `shapes` in one mesh, by egui's own tessellator with the context's options (the triangles
/// egui would make of them in its frame; these shapes are plain, with no text or circles).
fn tessellated(ctx: &egui::Context, shapes: Vec<Shape>) -> Mesh {
    let pixels_per_point = ctx.pixels_per_point();
    let options = ctx.tessellation_options(|o| *o);
    let font_size = ctx.fonts(|f| f.font_image_size());
    let mut tessellator =
        egui::epaint::Tessellator::new(pixels_per_point, options, font_size, Vec::new());
    let mut mesh = Mesh::default();
    for shape in shapes {
        tessellator.tessellate_shape(shape, &mut mesh);
    }
    mesh
}

/// "82 of 82 entities, 59 links" in the corner, and how to pin.
pub(super) fn counts(ui: &mut egui::Ui, view: &View<'_>, shown: &Shown, rect: Rect, can_pin: bool) {
    let s = view.s();
    let total = shown.entities.len();
    // As of a year, entities of unknown arrival are drawn hollow and counted apart.
    let undated = shown.undated_count();
    let present = shown.entity_count() - undated;
    let mut text = crate::i18n::shown_counts(present, total, shown.link_count(), view.lang);
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
        format!(
            "{} · {}",
            s.network.drag_to_pin, s.network.shift_drag_to_relate
        )
    } else {
        s.network.shift_drag_to_relate.to_owned()
    };
    ui.put(
        Rect::from_min_size(
            rect.center_bottom() + vec2(0.0, -height - 4.0),
            vec2(half, height),
        ),
        line(&hint),
    );
}

/// The rows of the line legend for the lines shown, each a colour and the relation kinds it
/// stands for (kept while the lines and what is shown are).
fn legend_rows(view: &View<'_>, state: &mut NetworkState, shown: &Arc<Shown>) -> Arc<LineLegend> {
    // The rows read the lines' kinds and which are disputed, nothing else of the model.
    let revision = super::picture::lines_revision(state, view.doc);
    let shown_at = Arc::as_ptr(shown) as usize;
    if state
        .legend
        .as_ref()
        .is_none_or(|(r, s, _)| *r != revision || *s != shown_at)
    {
        let rows = rows_for(
            view,
            view.doc
                .links()
                .iter()
                .zip(&shown.links)
                .filter(|(_, shown)| **shown)
                .map(|(link, _)| link),
        );
        state.legend = Some((revision, shown_at, Arc::new(rows)));
    }
    state
        .legend
        .as_ref()
        .map(|(_, _, rows)| Arc::clone(rows))
        .unwrap_or_default()
}

/// The legend's rows for `links`: a row per colour with its kinds, the amber last.
fn rows_for<'a>(
    view: &View<'_>,
    links: impl Iterator<Item = &'a crate::model::filter::Link>,
) -> LineLegend {
    {
        let mut present = std::collections::BTreeSet::new();
        let mut disputed = false;
        for link in links {
            present.insert(link.kind);
            disputed |= is_disputed(view.doc, link);
        }
        let mut rows: Vec<(Color32, Vec<RelationKind>)> = Vec::new();
        for kind in RelationKind::ALL
            .into_iter()
            .filter(|k| present.contains(k))
        {
            let colour = relation_colour(kind);
            match rows.iter_mut().find(|(c, _)| *c == colour) {
                Some((_, kinds)) => kinds.push(kind),
                None => rows.push((colour, vec![kind])),
            }
        }
        if disputed {
            // The amber of a disagreement, with no kinds of its own: named apart below.
            rows.push((crate::ui::provenance::DISPUTED, Vec::new()));
        }
        rows
    }
}

/// The legend as drawn: each row's colour and words, the whole list (for hover), and the size
/// of its frame.
struct LegendLook {
    rows: Vec<(Color32, Arc<Galley>)>,
    whole: Vec<String>,
    size: egui::Vec2,
    text_size: f32,
}

fn legend_look(ui: &egui::Ui, view: &View<'_>, rows: &LineLegend) -> LegendLook {
    let text_size = if view.presenting { 15.0 } else { 11.5 };
    let font = egui::FontId::proportional(text_size);
    let text_colour = ui.visuals().text_color();
    // Compact on the canvas (a colour's first kind, and how many more), whole on hover: the
    // corner must not hide the names of the picture.
    let mut whole = Vec::new();
    let galleys: Vec<(Color32, Arc<Galley>)> = rows
        .iter()
        .map(|(colour, kinds)| {
            let words: Vec<&str> = kinds
                .iter()
                .map(|k| crate::i18n::relation_kind(*k, true, view.lang))
                .collect();
            let text = match words.as_slice() {
                [] => crate::i18n::provenance::disputed(view.lang).to_owned(),
                [one] => (*one).to_owned(),
                [first, rest @ ..] => format!("{first} +{}", rest.len()),
            };
            whole.push(if words.is_empty() {
                text.clone()
            } else {
                words.join(" · ")
            });
            (
                *colour,
                ui.painter().layout_no_wrap(text, font.clone(), text_colour),
            )
        })
        .collect();
    let line = text_size + 5.0;
    let width = galleys.iter().map(|(_, g)| g.size().x).fold(0.0, f32::max) + LEGEND_SWATCH + 14.0;
    let height = galleys.len() as f32 * line + 8.0;
    LegendLook {
        rows: galleys,
        whole,
        size: vec2(width, height),
        text_size,
    }
}

const LEGEND_SWATCH: f32 = 18.0;

/// How far the line legend can reach in from the canvas's right edge and down from its top
/// with every line shown, in steps of 16 px: a town layout keeps that corner free (and a
/// filter, which only ever shortens the legend, does not lay the town out again). Kept per
/// document revision, language and presentation.
pub(super) fn legend_corner(ui: &egui::Ui, view: &View<'_>, state: &mut NetworkState) -> [f32; 2] {
    let key = (view.doc.revision(), view.lang, view.presenting);
    if let Some((k, corner)) = state.legend_corner
        && k == key
    {
        return corner;
    }
    let rows = rows_for(view, view.doc.links().iter());
    let corner = if rows.is_empty() {
        [0.0, 0.0]
    } else {
        let size = legend_look(ui, view, &rows).size;
        let step = |v: f32| (v / 16.0).ceil() * 16.0;
        [step(size.x + 8.0), step(size.y + 8.0)]
    };
    state.legend_corner = Some((key, corner));
    corner
}

/// What the line colours mean, in the canvas's top right corner (so exported pictures carry
/// it): one row per colour with the relation kinds it stands for among the lines shown.
pub(super) fn line_legend(
    ui: &egui::Ui,
    painter: &egui::Painter,
    view: &View<'_>,
    state: &mut NetworkState,
    shown: &Arc<Shown>,
    rect: Rect,
) {
    state.legend_frame = None;
    let rows = legend_rows(view, state, shown);
    if rows.is_empty() {
        return;
    }
    let LegendLook {
        rows: galleys,
        whole,
        size,
        text_size,
    } = legend_look(ui, view, &rows);
    let text_colour = ui.visuals().text_color();
    let swatch = LEGEND_SWATCH;
    let line = text_size + 5.0;
    let frame = Rect::from_min_size(rect.right_top() + vec2(-size.x - 8.0, 8.0), size);
    if frame.left() < rect.left() + 8.0 {
        return;
    }
    state.legend_frame = Some(frame);
    ui.interact(
        frame,
        egui::Id::unique("network-line-legend"),
        Sense::hover(),
    )
    .on_hover_text(whole.join("\n"));
    painter.rect_filled(
        frame,
        4.0,
        ui.visuals().extreme_bg_color.gamma_multiply(0.85),
    );
    for (row, (colour, galley)) in galleys.into_iter().enumerate() {
        let y = frame.top() + 4.0 + row as f32 * line + line / 2.0;
        let x = frame.left() + 6.0;
        // The colour as the lines have it, a little stronger so a thin stroke reads.
        let stroke = if colour == crate::ui::provenance::DISPUTED {
            Stroke::new(3.0, colour)
        } else {
            Stroke::new(3.0, colour.gamma_multiply(2.0))
        };
        painter.line_segment([egui::pos2(x, y), egui::pos2(x + swatch, y)], stroke);
        painter.galley(
            egui::pos2(x + swatch + 6.0, y - galley.size().y / 2.0),
            galley,
            text_colour,
        );
    }
}

/// Presenting, what each node's shape and colour stands for, under the line legend: a slide
/// (and its exported picture) has no toolbar to say it. One row per kind shown.
pub(super) fn kind_legend(
    ui: &egui::Ui,
    painter: &egui::Painter,
    view: &View<'_>,
    state: &mut NetworkState,
    shown: &Shown,
    rect: Rect,
) {
    let kinds: Vec<EntityKind> = EntityKind::ALL
        .into_iter()
        .filter(|kind| {
            view.model()
                .entities
                .iter()
                .zip(&shown.entities)
                .any(|(e, shown)| *shown && e.kind == *kind)
        })
        .collect();
    if kinds.is_empty() {
        return;
    }
    let size = 15.0;
    let font = egui::FontId::proportional(size);
    let text_colour = ui.visuals().text_color();
    let galleys: Vec<Arc<Galley>> = kinds
        .iter()
        .map(|k| {
            painter.layout_no_wrap(
                entity_kind_plural(*k, view.lang).to_owned(),
                font.clone(),
                text_colour,
            )
        })
        .collect();
    let line = size + 7.0;
    let width = galleys.iter().map(|g| g.size().x).fold(0.0, f32::max) + 34.0;
    let top = state
        .legend_frame
        .map_or(rect.top() + 8.0, |f| f.bottom() + 6.0);
    let frame = Rect::from_min_size(
        egui::pos2(rect.right() - width - 8.0, top),
        vec2(width, kinds.len() as f32 * line + 8.0),
    );
    if frame.left() < rect.left() + 8.0 || frame.bottom() > rect.bottom() {
        return;
    }
    painter.rect_filled(
        frame,
        4.0,
        ui.visuals().extreme_bg_color.gamma_multiply(0.85),
    );
    let mut mesh = Mesh::default();
    for (row, (kind, galley)) in kinds.iter().zip(galleys).enumerate() {
        let y = frame.top() + 4.0 + row as f32 * line + line / 2.0;
        let x = frame.left() + 14.0;
        add_node(
            &mut mesh,
            egui::pos2(x, y),
            7.0,
            kind_shape(*kind),
            kind_colour(*kind),
            true,
        );
        painter.galley(
            egui::pos2(x + 14.0, y - galley.size().y / 2.0),
            galley,
            text_colour,
        );
    }
    painter.add(Shape::mesh(mesh));
}
