//! Building what the network view draws: links and nodes as one mesh (hundreds of thousands of
//! shapes cost one draw call), node outlines by kind, arrows, and a grid that keeps labels apart.

use eframe::egui::{Color32, Mesh, Pos2, Rect, Vec2, vec2};

use crate::ui::style::NodeShape;

/// Below this radius in pixels a node is a plain square: its outline could not be seen anyway.
const TINY: f32 = 2.5;

/// Half of `width` across the line from `a` to `b`; none when the line is too short to draw.
fn half_across(a: Pos2, b: Pos2, width: f32) -> Option<Vec2> {
    let direction = b - a;
    let length = direction.length();
    (length >= 0.5).then(|| vec2(-direction.y, direction.x) / length * (width / 2.0))
}

/// Appends a straight line of `width` pixels as a quad.
pub fn add_segment(mesh: &mut Mesh, a: Pos2, b: Pos2, width: f32, colour: Color32) {
    let Some(normal) = half_across(a, b, width) else {
        return;
    };
    let base = mesh.vertices.len() as u32;
    for p in [a + normal, a - normal, b - normal, b + normal] {
        mesh.colored_vertex(p, colour);
    }
    mesh.add_triangle(base, base + 1, base + 2);
    mesh.add_triangle(base, base + 2, base + 3);
}

/// Appends a line as one triangle, `width` pixels wide at `a` and pointed at `b`.
pub fn add_taper(mesh: &mut Mesh, a: Pos2, b: Pos2, width: f32, colour: Color32) {
    let Some(normal) = half_across(a, b, width) else {
        return;
    };
    let base = mesh.vertices.len() as u32;
    for p in [a + normal, a - normal, b] {
        mesh.colored_vertex(p, colour);
    }
    mesh.add_triangle(base, base + 1, base + 2);
}

/// Appends an arrowhead on the line `from → to`, its tip touching a node of radius `target_radius`.
pub fn add_arrow(mesh: &mut Mesh, from: Pos2, to: Pos2, target_radius: f32, colour: Color32) {
    let direction = to - from;
    let length = direction.length();
    if length < target_radius + 12.0 {
        return;
    }
    let unit = direction / length;
    let tip = to - unit * (target_radius + 1.5);
    let back = tip - unit * 8.0;
    let normal = vec2(-unit.y, unit.x) * 3.5;
    let base = mesh.vertices.len() as u32;
    for p in [tip, back + normal, back - normal] {
        mesh.colored_vertex(p, colour);
    }
    mesh.add_triangle(base, base + 1, base + 2);
}

/// The corners of a shape of radius 1 around the origin, going round; circles get more
/// corners when `large`. Computed once: a frame may draw 10^5 nodes.
fn outline(shape: NodeShape, large: bool) -> &'static [Vec2] {
    static OUTLINES: std::sync::OnceLock<Vec<Vec<Vec2>>> = std::sync::OnceLock::new();
    let all = OUTLINES.get_or_init(|| {
        SHAPES
            .iter()
            .flat_map(|&shape| [corners(shape, false), corners(shape, true)])
            .collect()
    });
    let at = SHAPES.iter().position(|&s| s == shape).unwrap_or(0);
    all.get(2 * at + usize::from(large))
        .map_or(&[], |corners| corners.as_slice())
}

const SHAPES: [NodeShape; 9] = [
    NodeShape::Circle,
    NodeShape::Hexagon,
    NodeShape::Diamond,
    NodeShape::Square,
    NodeShape::Pentagon,
    NodeShape::Star,
    NodeShape::Sheet,
    NodeShape::TriangleUp,
    NodeShape::TriangleDown,
];

fn corners(shape: NodeShape, large: bool) -> Vec<Vec2> {
    let regular = |corners: usize, turn: f32, scale: f32| -> Vec<Vec2> {
        (0..corners)
            .map(|k| {
                let a = turn + k as f32 / corners as f32 * std::f32::consts::TAU;
                vec2(a.cos(), a.sin()) * scale
            })
            .collect()
    };
    let up = -std::f32::consts::FRAC_PI_2;
    match shape {
        NodeShape::Circle => regular(if large { 24 } else { 10 }, 0.0, 1.0),
        NodeShape::Hexagon => regular(6, 0.0, 1.05),
        NodeShape::Diamond => regular(4, up, 1.2),
        NodeShape::Square => regular(4, std::f32::consts::FRAC_PI_4, 1.2),
        NodeShape::Pentagon => regular(5, up, 1.1),
        NodeShape::TriangleUp => regular(3, up, 1.35),
        NodeShape::TriangleDown => regular(3, -up, 1.35),
        NodeShape::Sheet => vec![
            vec2(-0.7, -0.95),
            vec2(0.7, -0.95),
            vec2(0.7, 0.95),
            vec2(-0.7, 0.95),
        ],
        NodeShape::Star => (0..10)
            .map(|k| {
                let a = up + k as f32 / 10.0 * std::f32::consts::TAU;
                let r = if k % 2 == 0 { 1.35 } else { 0.6 };
                vec2(a.cos(), a.sin()) * r
            })
            .collect(),
    }
}

/// Appends a node: its shape filled; with `smooth`, a one-pixel soft edge so it looks smooth at
/// any size (three times the vertices, so crowded views leave it out for small nodes).
pub fn add_node(
    mesh: &mut Mesh,
    centre: Pos2,
    radius: f32,
    shape: NodeShape,
    colour: Color32,
    smooth: bool,
) {
    if radius < TINY {
        let base = mesh.vertices.len() as u32;
        let h = radius.max(1.0);
        for offset in [vec2(-h, -h), vec2(h, -h), vec2(h, h), vec2(-h, h)] {
            mesh.colored_vertex(centre + offset, colour);
        }
        mesh.add_triangle(base, base + 1, base + 2);
        mesh.add_triangle(base, base + 2, base + 3);
        return;
    }
    let corners = outline(shape, radius > 6.0);
    let count = corners.len() as u32;
    let base = mesh.vertices.len() as u32;
    mesh.colored_vertex(centre, colour);
    if !smooth {
        for &c in corners {
            mesh.colored_vertex(centre + c * radius, colour);
        }
        for k in 0..count {
            mesh.add_triangle(base, base + 1 + k, base + 1 + (k + 1) % count);
        }
        return;
    }
    for &c in corners {
        let unit = c / c.length().max(1e-3);
        mesh.colored_vertex(centre + c * radius - unit * 0.5, colour);
    }
    for &c in corners {
        let unit = c / c.length().max(1e-3);
        mesh.colored_vertex(centre + c * radius + unit * 1.0, Color32::TRANSPARENT);
    }
    for k in 0..count {
        let next = (k + 1) % count;
        let (inner, inner_next) = (base + 1 + k, base + 1 + next);
        let (outer, outer_next) = (base + 1 + count + k, base + 1 + count + next);
        mesh.add_triangle(base, inner, inner_next);
        mesh.add_triangle(inner, outer, outer_next);
        mesh.add_triangle(inner, outer_next, inner_next);
    }
}

/// Rectangles already taken on screen, in a coarse grid so a check looks at a few cells only.
pub struct Occupancy {
    origin: Pos2,
    columns: usize,
    rows: usize,
    cells: Vec<Vec<Rect>>,
}

const CELL: f32 = 64.0;

impl Occupancy {
    pub fn new(area: Rect) -> Self {
        let columns = (area.width() / CELL).ceil().max(1.0) as usize;
        let rows = (area.height() / CELL).ceil().max(1.0) as usize;
        Self {
            origin: area.min,
            columns,
            rows,
            cells: vec![Vec::new(); columns * rows],
        }
    }

    fn cells_of(&self, rect: Rect) -> impl Iterator<Item = usize> + '_ {
        let cell = |v: f32, origin: f32, count: usize| {
            (((v - origin) / CELL).floor().max(0.0) as usize).min(count - 1)
        };
        let (x0, x1) = (
            cell(rect.min.x, self.origin.x, self.columns),
            cell(rect.max.x, self.origin.x, self.columns),
        );
        let (y0, y1) = (
            cell(rect.min.y, self.origin.y, self.rows),
            cell(rect.max.y, self.origin.y, self.rows),
        );
        (y0..=y1).flat_map(move |y| (x0..=x1).map(move |x| y * self.columns + x))
    }

    pub fn is_free(&self, rect: Rect) -> bool {
        self.cells_of(rect).all(|c| {
            self.cells
                .get(c)
                .is_none_or(|cell| cell.iter().all(|taken| !taken.intersects(rect)))
        })
    }

    pub fn take(&mut self, rect: Rect) {
        let cells: Vec<usize> = self.cells_of(rect).collect();
        for c in cells {
            if let Some(cell) = self.cells.get_mut(c) {
                cell.push(rect);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::egui::pos2;

    #[test]
    fn occupancy_sees_overlaps_across_cells_and_nothing_else() {
        let mut grid = Occupancy::new(Rect::from_min_size(pos2(0.0, 0.0), vec2(500.0, 400.0)));
        let label = Rect::from_min_size(pos2(50.0, 50.0), vec2(100.0, 20.0));
        assert!(grid.is_free(label));
        grid.take(label);
        assert!(!grid.is_free(label.translate(vec2(90.0, 10.0))));
        assert!(grid.is_free(label.translate(vec2(0.0, 25.0))));
        // Rectangles partly outside the area are clamped to the border cells, not lost.
        grid.take(Rect::from_min_size(pos2(-30.0, 390.0), vec2(60.0, 30.0)));
        assert!(!grid.is_free(Rect::from_min_size(pos2(0.0, 395.0), vec2(5.0, 5.0))));
    }

    #[test]
    fn every_shape_makes_whole_triangles() {
        for shape in SHAPES {
            for radius in [1.0, 4.0, 12.0] {
                for smooth in [false, true] {
                    let mut mesh = Mesh::default();
                    add_node(
                        &mut mesh,
                        pos2(10.0, 10.0),
                        radius,
                        shape,
                        Color32::RED,
                        smooth,
                    );
                    assert!(mesh.is_valid(), "{shape:?} at {radius}");
                    assert_eq!(mesh.indices.len() % 3, 0);
                    assert!(
                        mesh.vertices
                            .iter()
                            .all(|v| v.pos.distance(pos2(10.0, 10.0)) < 18.0)
                    );
                }
            }
        }
    }
}
