//! Rings around one entity, computed at once rather than simulated: each step further out on a
//! further ring, branches kept together.

use std::f32::consts::TAU;

use super::Point;

/// Spacing between neighbouring nodes, in layout units (the force layout's ideal edge length).
const SPACING: f32 = 1.0;

/// Rings around `centre`: its neighbours on the first, theirs on the second… Each node sits near
/// the angle of the node that reached it, so branches stay together. Nodes not connected to the
/// centre go on one outer ring.
pub fn radial(graph: &[Vec<usize>], centre: usize) -> Vec<Point> {
    let n = graph.len();
    let mut positions = vec![[0.0; 2]; n];
    if centre >= n {
        return positions;
    }
    const UNREACHED: usize = usize::MAX;
    let mut ring = vec![UNREACHED; n];
    let mut angle = vec![0.0f32; n];
    ring[centre] = 0;
    let mut current = vec![centre];
    let mut radius = 0.0f32;
    let mut depth = 0;
    while !current.is_empty() {
        let mut next: Vec<(f32, usize)> = Vec::new();
        for &node in &current {
            for &other in &graph[node] {
                if ring[other] == UNREACHED {
                    ring[other] = depth + 1;
                    next.push((angle[node], other));
                }
            }
        }
        if next.is_empty() {
            break;
        }
        depth += 1;
        // Children in the order of their parents' angles, so branches do not cross.
        next.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        radius = next_radius(radius, next.len());
        place_on_ring(
            &mut positions,
            &mut angle,
            next.iter().map(|&(_, i)| i),
            radius,
        );
        current = next.into_iter().map(|(_, i)| i).collect();
    }
    let rest: Vec<usize> = (0..n).filter(|&i| ring[i] == UNREACHED).collect();
    if !rest.is_empty() {
        radius = next_radius(radius, rest.len()) + 2.0 * SPACING;
        place_on_ring(&mut positions, &mut angle, rest.into_iter(), radius);
    }
    positions
}

/// A ring far enough out to hold `count` nodes a spacing apart, and at least one spacing further.
fn next_radius(previous: f32, count: usize) -> f32 {
    (previous + 3.0 * SPACING).max(count as f32 * SPACING / TAU)
}

fn place_on_ring(
    positions: &mut [Point],
    angle: &mut [f32],
    nodes: impl ExactSizeIterator<Item = usize>,
    radius: f32,
) {
    let count = nodes.len().max(1) as f32;
    for (k, node) in nodes.enumerate() {
        let a = k as f32 / count * TAU;
        angle[node] = a;
        positions[node] = [radius * a.cos(), radius * a.sin()];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn distance(a: Point, b: Point) -> f32 {
        ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt()
    }

    #[test]
    fn radial_puts_each_step_on_a_further_ring() {
        // 0 — 1 — 2, 0 — 3, and 4 alone.
        let graph = vec![vec![1, 3], vec![0, 2], vec![1], vec![0], vec![]];
        let p = radial(&graph, 0);
        let r = |i: usize| distance(p[i], [0.0, 0.0]);
        assert_eq!(p[0], [0.0, 0.0]);
        assert!((r(1) - r(3)).abs() < 1e-4, "neighbours share a ring");
        assert!(r(2) > r(1) + 1.0, "two steps lie further out");
        assert!(r(4) > r(2), "the unconnected lie outside everything");
        assert!(distance(p[1], p[3]) >= SPACING);
    }
}
