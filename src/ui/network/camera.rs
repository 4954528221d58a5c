//! Where the network view looks, and how it glides from one place to another.

use eframe::egui::{Pos2, Rect, vec2};

use crate::layout::Point;

/// How long a glide to an entity takes, in seconds.
const GLIDE_SECONDS: f64 = 0.45;

/// The layout point at the centre of the panel and pixels per layout unit.
#[derive(Clone, Copy, Debug)]
pub struct Camera {
    pub centre: Point,
    pub scale: f32,
    /// Fit the shown graph on the next frame (at start, after "Fit", on a new model).
    pub fit_pending: bool,
    /// The canvas size of the last fit, while the view has not been moved since: a canvas
    /// resized under a fitted view is fitted again.
    fitted_to: Option<eframe::egui::Vec2>,
    glide: Option<Glide>,
}

/// A move of the centre under way.
#[derive(Clone, Copy, Debug)]
struct Glide {
    from: Point,
    to: Point,
    /// The zoom at the start and at the end (equal when only the centre moves).
    scales: (f32, f32),
    started: f64,
}

impl Default for Camera {
    fn default() -> Self {
        Self {
            centre: [0.0, 0.0],
            scale: 20.0,
            fit_pending: true,
            fitted_to: None,
            glide: None,
        }
    }
}

impl Camera {
    pub fn screen_from_layout(&self, rect: Rect, p: Point) -> Pos2 {
        rect.center()
            + vec2(
                (p[0] - self.centre[0]) * self.scale,
                (p[1] - self.centre[1]) * self.scale,
            )
    }

    pub fn layout_from_screen(&self, rect: Rect, s: Pos2) -> Point {
        let d = (s - rect.center()) / self.scale;
        [self.centre[0] + d.x, self.centre[1] + d.y]
    }

    /// Shows every point, with a margin.
    pub fn fit(&mut self, rect: Rect, positions: impl Iterator<Item = Point>) {
        // Room for the labels under the outermost nodes, and air around a graph of a few nodes
        // (which would otherwise touch the edges): an eighth of the shorter side, 48 at least.
        let margin = (rect.width().min(rect.height()) / 8.0).max(48.0);
        self.fit_with_margin(rect, positions, margin);
    }

    /// Shows every point, `margin` pixels in from the edges.
    pub fn fit_with_margin(
        &mut self,
        rect: Rect,
        positions: impl Iterator<Item = Point>,
        margin: f32,
    ) {
        let (mut min, mut max) = ([f32::MAX; 2], [f32::MIN; 2]);
        for [x, y] in positions {
            min = [min[0].min(x), min[1].min(y)];
            max = [max[0].max(x), max[1].max(y)];
        }
        if !min[0].is_finite() || min[0] > max[0] {
            return;
        }
        self.glide = None;
        self.fitted_to = Some(rect.size());
        self.centre = [(min[0] + max[0]) / 2.0, (min[1] + max[1]) / 2.0];
        let span = vec2((max[0] - min[0]).max(1.0), (max[1] - min[1]).max(1.0));
        let margin = margin.min(rect.width().min(rect.height()) / 3.0).max(0.0);
        self.scale = ((rect.width() - 2.0 * margin) / span.x)
            .min((rect.height() - 2.0 * margin) / span.y)
            .clamp(0.01, 500.0);
    }

    /// Shows all of `frame` (layout units, min and max corner) if the view is zoomed out
    /// further than that: a town layout promises its names room at its frame's scale.
    pub fn fit_at_least(&mut self, rect: Rect, frame: [Point; 2]) {
        let span = vec2(frame[1][0] - frame[0][0], frame[1][1] - frame[0][1]);
        if span.x <= 0.0 || span.y <= 0.0 || !span.x.is_finite() || !span.y.is_finite() {
            return;
        }
        let scale = (rect.width() / span.x).min(rect.height() / span.y);
        if scale > self.scale {
            self.glide = None;
            self.scale = scale.clamp(0.01, 500.0);
            self.centre = [
                (frame[0][0] + frame[1][0]) / 2.0,
                (frame[0][1] + frame[1][1]) / 2.0,
            ];
        }
    }

    /// Whether the view was fitted to a canvas of another size and not moved since.
    pub fn fitted_to_other_size(&self, rect: Rect) -> bool {
        self.fitted_to.is_some_and(|size| size != rect.size())
    }

    /// Moves the view by a distance in pixels (the user's hand wins over a glide).
    pub fn pan(&mut self, pixels: eframe::egui::Vec2) {
        self.glide = None;
        self.fit_pending = false;
        self.fitted_to = None;
        self.centre[0] -= pixels.x / self.scale;
        self.centre[1] -= pixels.y / self.scale;
    }

    /// Zooms by `factor` keeping the layout point under `anchor` where it is on screen.
    pub fn zoom_about(&mut self, rect: Rect, anchor: Pos2, factor: f32) {
        self.glide = None;
        self.fit_pending = false;
        self.fitted_to = None;
        let before = self.layout_from_screen(rect, anchor);
        self.scale = (self.scale * factor).clamp(0.01, 500.0);
        let after = self.layout_from_screen(rect, anchor);
        self.centre[0] += before[0] - after[0];
        self.centre[1] += before[1] - after[1];
    }

    /// Starts a smooth move that ends with `to` at the centre.
    pub fn glide_to(&mut self, to: Point, now: f64) {
        self.fit_pending = false;
        self.fitted_to = None;
        self.glide = Some(Glide {
            from: self.centre,
            to,
            scales: (self.scale, self.scale),
            started: now,
        });
    }

    /// Starts a smooth move that ends with `to` at the centre, seen at `scale` (a story slide's
    /// camera).
    pub fn glide_to_view(&mut self, to: Point, scale: f32, now: f64) {
        self.glide_to(to, now);
        if let Some(glide) = &mut self.glide
            && scale.is_finite()
            && scale > 0.0
        {
            glide.scales.1 = scale;
        }
    }

    /// Advances a glide; returns whether one is still under way (and wants another frame).
    pub fn animate(&mut self, now: f64) -> bool {
        let Some(glide) = self.glide else {
            return false;
        };
        let t = ((now - glide.started) / GLIDE_SECONDS).clamp(0.0, 1.0) as f32;
        // Ease in and out, so the move neither jolts nor drags.
        let eased = t * t * (3.0 - 2.0 * t);
        let along = |from: f32, to: f32| from + (to - from) * eased;
        self.centre = [
            along(glide.from[0], glide.to[0]),
            along(glide.from[1], glide.to[1]),
        ];
        // Zoom geometrically: equal steps of the eye, not of the number.
        let (a, b) = glide.scales;
        self.scale = a * (b / a).powf(eased);
        if t >= 1.0 {
            self.glide = None;
        }
        self.glide.is_some()
    }

    /// Whether a glide is under way.
    pub fn is_gliding(&self) -> bool {
        self.glide.is_some()
    }
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
            ..Camera::default()
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
        camera.fit(rect, points.into_iter());
        for p in points {
            assert!(rect.contains(camera.screen_from_layout(rect, p)));
        }
    }

    #[test]
    fn a_glide_ends_exactly_on_its_target_and_then_stops_asking_for_frames() {
        let mut camera = Camera::default();
        camera.glide_to([10.0, -4.0], 100.0);
        assert!(camera.animate(100.2));
        assert!(camera.centre[0] > 0.0 && camera.centre[0] < 10.0);
        assert!(!camera.animate(100.0 + GLIDE_SECONDS));
        assert_eq!(camera.centre, [10.0, -4.0]);
        assert!(!camera.animate(101.0));
    }

    #[test]
    fn zooming_keeps_the_point_under_the_pointer() {
        let rect = Rect::from_min_size(pos2(0.0, 0.0), vec2(800.0, 600.0));
        let mut camera = Camera::default();
        let anchor = pos2(200.0, 100.0);
        let before = camera.layout_from_screen(rect, anchor);
        camera.zoom_about(rect, anchor, 2.5);
        let after = camera.layout_from_screen(rect, anchor);
        assert!((before[0] - after[0]).abs() < 1e-4 && (before[1] - after[1]).abs() < 1e-4);
    }
}
