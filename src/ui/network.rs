//! The network view: every entity a node coloured by kind and sized by degree, every relation an
//! edge; pan by dragging, zoom with the wheel, click to select, hover for the name. Labels are
//! placed largest first and skipped where they would overlap, so there is never a wall of text.

use eframe::egui::{self, Color32, Mesh, Pos2, Rect, Sense, Shape, Stroke, Vec2, vec2};

use super::View;
use crate::app::Command;
use crate::app::theme::kind_colour;
use crate::layout::Point;

/// Where the view looks: the layout point at the centre of the panel and pixels per unit.
#[derive(Clone, Copy, Debug)]
pub struct Camera {
    pub centre: Point,
    pub scale: f32,
    /// Fit the whole graph on the next frame (at start, after "Fit", on a new model).
    pub fit_pending: bool,
}

impl Default for Camera {
    fn default() -> Self {
        Self {
            centre: [0.0, 0.0],
            scale: 20.0,
            fit_pending: true,
        }
    }
}

impl Camera {
    fn screen_from_layout(&self, rect: Rect, p: Point) -> Pos2 {
        rect.center()
            + vec2(
                (p[0] - self.centre[0]) * self.scale,
                (p[1] - self.centre[1]) * self.scale,
            )
    }

    fn layout_from_screen(&self, rect: Rect, s: Pos2) -> Point {
        let d = (s - rect.center()) / self.scale;
        [self.centre[0] + d.x, self.centre[1] + d.y]
    }

    fn fit(&mut self, rect: Rect, positions: &[Point]) {
        let (mut min, mut max) = ([f32::MAX; 2], [f32::MIN; 2]);
        for p in positions {
            for axis in 0..2 {
                min[axis] = min[axis].min(p[axis]);
                max[axis] = max[axis].max(p[axis]);
            }
        }
        if positions.is_empty() || !min[0].is_finite() {
            return;
        }
        self.centre = [(min[0] + max[0]) / 2.0, (min[1] + max[1]) / 2.0];
        let span = vec2((max[0] - min[0]).max(1.0), (max[1] - min[1]).max(1.0));
        let margin = 40.0;
        self.scale = ((rect.width() - 2.0 * margin) / span.x)
            .min((rect.height() - 2.0 * margin) / span.y)
            .max(0.01);
    }
}

/// Node radius in pixels: larger for more connected entities.
fn radius(degree: usize) -> f32 {
    3.0 + 1.6 * (degree as f32).sqrt()
}

pub fn ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    positions: Option<&[Point]>,
    settled: bool,
    camera: &mut Camera,
    commands: &mut Vec<Command>,
) {
    let s = view.s();
    let Some(positions) = positions.filter(|p| p.len() == view.model().entities.len()) else {
        ui.weak(s.computing_layout);
        return;
    };
    ui.horizontal(|ui| {
        if ui.button(s.fit_to_screen).clicked() {
            camera.fit_pending = true;
        }
        if !settled {
            ui.add(egui::Spinner::new());
            ui.weak(s.computing_layout);
        }
    });
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    if camera.fit_pending {
        camera.fit(rect, positions);
        camera.fit_pending = !settled; // keep fitting while the layout still moves
    }
    if response.dragged() {
        let delta = response.drag_delta() / camera.scale;
        camera.centre[0] -= delta.x;
        camera.centre[1] -= delta.y;
        camera.fit_pending = false;
    }
    if response.hovered() {
        let zoom = ui.input(|i| i.zoom_delta() * (i.smooth_scroll_delta.y / 400.0).exp());
        if zoom != 1.0
            && let Some(pointer) = response.hover_pos()
        {
            // Zoom about the pointer: the point under it stays under it.
            let before = camera.layout_from_screen(rect, pointer);
            camera.scale = (camera.scale * zoom).clamp(0.01, 500.0);
            let after = camera.layout_from_screen(rect, pointer);
            camera.centre[0] += before[0] - after[0];
            camera.centre[1] += before[1] - after[1];
            camera.fit_pending = false;
        }
    }
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, ui.visuals().extreme_bg_color);
    let screen: Vec<Pos2> = positions
        .iter()
        .map(|&p| camera.screen_from_layout(rect, p))
        .collect();
    // The same graph the layout and the metrics use: the degree here is the table's degree.
    let graph = view.doc.graph.as_slice();
    let degree: Vec<usize> = graph.iter().map(Vec::len).collect();
    let hovered = response
        .hover_pos()
        .and_then(|pointer| nearest(&screen, &degree, pointer));

    // Edges: one mesh of thin quads, those of the hovered or selected node brighter.
    let focus = hovered.or(view.selected);
    let mut mesh = Mesh::default();
    let quiet = ui.visuals().weak_text_color().gamma_multiply(0.35);
    let loud = ui.visuals().strong_text_color().gamma_multiply(0.8);
    let visible = rect.expand(50.0);
    let draw_edge = |a: usize, b: usize, mesh: &mut Mesh| {
        let (pa, pb) = (screen[a], screen[b]);
        if !visible.contains(pa) && !visible.contains(pb) {
            return;
        }
        let strong = focus.is_some_and(|f| f == a || f == b);
        add_segment(
            mesh,
            pa,
            pb,
            if strong { 1.6 } else { 0.8 },
            if strong { loud } else { quiet },
        );
    };
    for (a, list) in graph.iter().enumerate() {
        for &b in list.iter().filter(|&&b| b > a) {
            draw_edge(a, b, &mut mesh);
        }
    }
    painter.add(Shape::mesh(mesh));

    // Nodes.
    for (i, entity) in view.model().entities.iter().enumerate() {
        let p = screen[i];
        let r = radius(degree[i]);
        if !visible.contains(p) {
            continue;
        }
        painter.circle_filled(p, r, kind_colour(entity.kind));
        if Some(i) == view.selected || Some(i) == hovered {
            painter.circle_stroke(
                p,
                r + 2.5,
                Stroke::new(2.0, ui.visuals().strong_text_color()),
            );
        }
    }

    // Labels, most connected first, each only where it overlaps nothing already placed.
    let mut order: Vec<usize> = (0..positions.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(degree[i]));
    if let Some(f) = focus {
        order.retain(|&i| i != f);
        order.insert(0, f);
    }
    let font = egui::TextStyle::Small.resolve(ui.style());
    let text_colour = ui.visuals().text_color();
    let mut placed: Vec<Rect> = Vec::new();
    for &i in order.iter().take(400) {
        let p = screen[i];
        if !rect.contains(p) {
            continue;
        }
        let galley = painter.layout_no_wrap(
            view.name(&view.model().entities[i]).to_owned(),
            font.clone(),
            text_colour,
        );
        let at = p + vec2(-galley.size().x / 2.0, radius(degree[i]) + 2.0);
        let label_rect = Rect::from_min_size(at, galley.size()).expand(2.0);
        if placed.iter().any(|r| r.intersects(label_rect)) || !rect.contains_rect(label_rect) {
            continue;
        }
        placed.push(label_rect);
        painter.add(Shape::galley(at, galley, text_colour));
    }

    if let Some(i) = hovered {
        let entity = &view.model().entities[i];
        response.clone().on_hover_ui_at_pointer(|ui| {
            ui.strong(view.name(entity));
            let other = entity.name.get(!view.zh());
            if !other.is_empty() && other != view.name(entity) {
                ui.label(other);
            }
            ui.weak(crate::i18n::entity_kind(entity.kind, view.lang));
        });
        if response.clicked() {
            commands.push(Command::Select(entity.id.clone()));
        }
    }
}

/// The node under the pointer, if any: the nearest whose disc (plus a little slack) holds it.
fn nearest(screen: &[Pos2], degree: &[usize], pointer: Pos2) -> Option<usize> {
    screen
        .iter()
        .enumerate()
        .map(|(i, p)| (i, p.distance(pointer)))
        .filter(|&(i, d)| d <= radius(degree[i]) + 4.0)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// A line as a quad of two triangles, so all edges go to the GPU as one mesh.
fn add_segment(mesh: &mut Mesh, a: Pos2, b: Pos2, width: f32, colour: Color32) {
    let direction = b - a;
    let length = direction.length();
    if length < 0.5 {
        return;
    }
    let normal: Vec2 = vec2(-direction.y, direction.x) / length * (width / 2.0);
    let base = mesh.vertices.len() as u32;
    for p in [a + normal, a - normal, b - normal, b + normal] {
        mesh.colored_vertex(p, colour);
    }
    mesh.add_triangle(base, base + 1, base + 2);
    mesh.add_triangle(base, base + 2, base + 3);
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::egui::pos2;

    #[test]
    fn camera_round_trips_between_layout_and_screen() {
        let rect = Rect::from_min_size(pos2(10.0, 20.0), vec2(400.0, 300.0));
        let camera = Camera {
            centre: [3.0, -2.0],
            scale: 12.5,
            fit_pending: false,
        };
        let p = [7.5, 1.25];
        let back = camera.layout_from_screen(rect, camera.screen_from_layout(rect, p));
        assert!((back[0] - p[0]).abs() < 1e-4 && (back[1] - p[1]).abs() < 1e-4);
        assert_eq!(
            camera.screen_from_layout(rect, camera.centre),
            rect.center()
        );
    }

    #[test]
    fn fitting_puts_every_point_inside_the_panel() {
        let rect = Rect::from_min_size(pos2(0.0, 0.0), vec2(800.0, 600.0));
        let points = [[-50.0, 3.0], [120.0, -40.0], [10.0, 90.0]];
        let mut camera = Camera::default();
        camera.fit(rect, &points);
        for p in points {
            assert!(rect.contains(camera.screen_from_layout(rect, p)));
        }
    }
}
