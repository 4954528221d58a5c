//! What the pointer and the keys do on the canvas: hover, drag a node (to pin it) or the view,
//! Shift+drag from one node to another (to relate them), wheel and keys to zoom, click to
//! select, double-click to focus a neighbourhood.

use super::*;

/// Moves the camera where it is asked to go: fitted to what is shown (and kept fitted while the
/// force layout moves), to an entity found, to a selection made elsewhere; then one step of its
/// glide.
pub(super) fn steer_camera(
    ui: &egui::Ui,
    view: &View<'_>,
    state: &mut NetworkState,
    drawn: &Drawn<'_>,
    asked: controls::Asked,
    settled: bool,
) {
    let Drawn {
        rect,
        positions,
        shown,
        frame,
        regions,
        holding,
        ..
    } = *drawn;
    let regions = &regions.regions;
    let camera = &mut state.camera;
    let now = ui.input(|i| i.time);
    if asked.fit || camera.fitted_to_other_size(rect) {
        camera.fit_pending = true;
    }
    if camera.fit_pending {
        let mut shown_positions: Vec<Point> = positions
            .iter()
            .zip(&shown.entities)
            .filter(|(_, shown)| **shown)
            .map(|(p, _)| *p)
            .collect();
        // A slide of a few entities shows them in at least half the town each way (the rest
        // faint round them): where they stand, not alone on black.
        if view.presenting && shown.entity_count() <= FEW {
            shown_positions.extend(context_corners(&shown_positions, positions, 0.5));
        }
        let shown_positions = shown_positions.into_iter();
        // The regions (places, kinds) holding what is shown, and their titles, are part of the
        // picture too.
        let corners = regions
            .iter()
            .filter(|r| holding.get(r.index).copied().unwrap_or(false))
            .flat_map(|r| [r.min, r.max]);
        if regions.is_empty() {
            camera.fit(rect, shown_positions.chain(corners));
        } else {
            // The regions' frames are the picture's edge: no margin for names beyond them, only
            // for the line of counts along the bottom.
            camera.fit_with_margin(rect, shown_positions.chain(corners), REGION_MARGIN);
        }
        // A town layout was made to fill its frame with every name in room: never shown
        // smaller than that (which would bring the names onto each other).
        if let Some(frame) = frame {
            camera.fit_at_least(rect, frame);
        }
        // Keep fitting while the force layout still moves.
        camera.fit_pending = !settled;
        state.followed = Some(view.selected);
    }
    if let Some(at) = asked.centre_on.and_then(|i| positions.get(i)) {
        camera.glide_to(*at, now);
        state.followed = Some(asked.centre_on);
    }
    if state.followed != Some(view.selected) {
        // Selected elsewhere (the table, the browser, the details): go there.
        // Unless it is in view already: the picture stays as it is when it need not move.
        let inner = rect.shrink(16.0);
        if let Some(at) = view
            .selected
            .filter(|&i| shown.entities.get(i).copied().unwrap_or(false))
            .and_then(|i| positions.get(i))
            .filter(|&&at| !inner.contains(camera.screen_from_layout(rect, at)))
        {
            camera.glide_to(*at, now);
        }
        state.followed = Some(view.selected);
    }
    if camera.animate(now) {
        ui.ctx().request_repaint();
    }
}

/// Hover, drag a node or the view, Shift+drag to relate, zoom, click, double-click; returns the
/// entity under the pointer (or being dragged). Leaves `state.screen` where each entity is on
/// screen after this frame's move.
#[allow(clippy::too_many_arguments)]
pub(super) fn pointer(
    ui: &egui::Ui,
    view: &View<'_>,
    response: &egui::Response,
    drawn: &Drawn<'_>,
    settings: &mut Settings,
    state: &mut NetworkState,
    can_pin: bool,
    commands: &mut Vec<Command>,
) -> Option<usize> {
    let Drawn {
        rect,
        positions,
        sizes,
        shown,
        ..
    } = *drawn;
    let doc = view.doc;
    place_on_screen(state, rect, positions);
    let hovered = match state.dragging {
        Some((i, _)) => Some(i),
        None => response
            .hover_pos()
            .and_then(|p| nearest(&state.screen, &sizes.radius, shown, p)),
    };
    let camera = &mut state.camera;
    let shift = ui.input(|i| i.modifiers.shift);
    if response.drag_started() {
        match hovered {
            Some(i) if shift => state.linking = Some(i),
            Some(i) if can_pin => {
                state.dragging = positions.get(i).map(|&at| (i, at));
            }
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
            && let Some(entity) = doc.model().entities.get(i)
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
    if let Some(entity) = hovered.and_then(|i| doc.model().entities.get(i)) {
        if response.double_clicked() {
            settings.filter.focus = Some(Focus {
                entity: entity.id.clone(),
                depth: settings.depth,
            });
            camera.fit_pending = true;
        } else if response.clicked() {
            state.followed = Some(hovered);
            commands.push(Command::Select(entity.id.clone()));
        }
    }
    if state.camera.is_gliding() || response.dragged() {
        // The screen positions above are from before this frame's move: recompute.
        place_on_screen(state, rect, positions);
    }
    hovered
}

/// Where each entity is on screen with the camera as it is (the one being dragged under the
/// pointer).
fn place_on_screen(state: &mut NetworkState, rect: Rect, positions: &[Point]) {
    let camera = state.camera;
    state.screen.clear();
    state.screen.extend(
        positions
            .iter()
            .map(|&p| camera.screen_from_layout(rect, p)),
    );
    if let Some((i, at)) = state.dragging
        && let Some(screen) = state.screen.get_mut(i)
    {
        *screen = camera.screen_from_layout(rect, at);
    }
}

/// Which relation a Shift+drag from one node to another should make: the kinds the schema
/// allows between their kinds, in either direction. The proposal stays until one is picked or
/// the question is closed.
pub(super) fn ask_relation(
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
    egui::Window::new(s.network.add_relation)
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
                        let relation = Relation::new(kind, &start.id, &end.id);
                        commands.push(view.edit(Edit::new(
                            format!("{} {text}", s.editing.verb_add),
                            vec![Op::InsertRelation(model.relations.len(), relation)],
                        )));
                        done = true;
                    }
                }
            }
            if offered == 0 {
                ui.label(s.network.no_relation_allowed);
            }
            if ui.button(s.menus.cancel).clicked() {
                done = true;
            }
        });
    let escaped = ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
    (open && !done && !escaped).then_some((from, to, at))
}

/// Arrow keys pan, + and − zoom, 0 fits, Escape leaves a focused neighbourhood — unless a text
/// field has the keyboard.
pub(super) fn keyboard(ui: &egui::Ui, camera: &mut Camera, rect: Rect, filter: &mut Filter) {
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

/// The shown node under the pointer, if any: the nearest whose disc (plus a little slack) holds it.
pub(super) fn nearest(
    screen: &[Pos2],
    radius: &[f32],
    shown: &Shown,
    pointer: Pos2,
) -> Option<usize> {
    screen
        .iter()
        .enumerate()
        .filter(|&(i, _)| shown.entities.get(i).copied().unwrap_or(false))
        .map(|(i, p)| (i, p.distance(pointer)))
        .filter(|&(i, d)| radius.get(i).is_some_and(|r| d <= r + 4.0))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// Two corners that grow the box round `few` to at least `share` of the box round `all` in
/// each direction, about its centre and kept inside the box round `all`.
fn context_corners(few: &[Point], all: &[Point], share: f32) -> Vec<Point> {
    let bounds = |points: &[Point]| {
        points
            .iter()
            .fold(([f32::MAX; 2], [f32::MIN; 2]), |(min, max), p| {
                (
                    [min[0].min(p[0]), min[1].min(p[1])],
                    [max[0].max(p[0]), max[1].max(p[1])],
                )
            })
    };
    let (fmin, fmax) = bounds(few);
    let (amin, amax) = bounds(all);
    if fmin[0] > fmax[0] || amin[0] > amax[0] {
        return Vec::new();
    }
    // One axis: the low end and length of the grown span.
    let grow = |fmin: f32, fmax: f32, amin: f32, amax: f32| {
        let want = ((amax - amin) * share).max(fmax - fmin);
        let centre = (fmin + fmax) / 2.0;
        let low = (centre - want / 2.0).max(amin).min(amax - want).min(fmin);
        (low, want)
    };
    let (x, width) = grow(fmin[0], fmax[0], amin[0], amax[0]);
    let (y, height) = grow(fmin[1], fmax[1], amin[1], amax[1]);
    let corners = [[x, y], [x + width, y + height]];
    corners.to_vec()
}
