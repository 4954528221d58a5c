//! Arrangements computed at once rather than simulated: rings around one entity, and clusters
//! by group (entity kind). Both place more connected entities where the eye goes first.

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

/// One cluster of [`grouped`]: which group, its centre and radius.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Group {
    pub group: usize,
    pub centre: Point,
    pub radius: f32,
}

/// One disc per group (`group_of[i]` for node `i`), its most important nodes (by `weight`) in the
/// middle on a sunflower spiral; discs laid out left to right in rows, largest first.
pub fn grouped(group_of: &[usize], weight: &[f64]) -> (Vec<Point>, Vec<Group>) {
    let n = group_of.len();
    let mut positions = vec![[0.0; 2]; n];
    let group_count = group_of.iter().max().map_or(0, |g| g + 1);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); group_count];
    for (i, &g) in group_of.iter().enumerate() {
        members[g].push(i);
    }
    let weight_of = |i: usize| weight.get(i).copied().unwrap_or(0.0);
    for list in &mut members {
        list.sort_by(|&a, &b| weight_of(b).total_cmp(&weight_of(a)).then(a.cmp(&b)));
    }
    let radius_of = |count: usize| (count as f32).sqrt() * SPACING * 0.75 + SPACING;
    let mut order: Vec<usize> = (0..group_count)
        .filter(|&g| !members[g].is_empty())
        .collect();
    order.sort_by_key(|&g| std::cmp::Reverse(members[g].len()));
    // Rows about as wide as the discs would be tall if packed in a square.
    let area: f32 = order
        .iter()
        .map(|&g| (2.0 * radius_of(members[g].len())).powi(2))
        .sum();
    let row_width = area.sqrt() * 1.3;
    let gap = 2.0 * SPACING;
    let (mut x, mut y, mut row_height) = (0.0f32, 0.0f32, 0.0f32);
    let golden = std::f32::consts::PI * (3.0 - 5f32.sqrt());
    let mut groups = Vec::new();
    for g in order {
        let radius = radius_of(members[g].len());
        if x > 0.0 && x + 2.0 * radius > row_width {
            x = 0.0;
            y += row_height + gap;
            row_height = 0.0;
        }
        let centre = [x + radius, y + radius];
        let count = members[g].len() as f32;
        for (k, &node) in members[g].iter().enumerate() {
            let r = (radius - SPACING * 0.5) * ((k as f32 + 0.5) / count).sqrt();
            let a = k as f32 * golden;
            positions[node] = [centre[0] + r * a.cos(), centre[1] + r * a.sin()];
        }
        groups.push(Group {
            group: g,
            centre,
            radius,
        });
        x += 2.0 * radius + gap;
        row_height = row_height.max(2.0 * radius);
    }
    (positions, groups)
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

    #[test]
    fn grouped_keeps_each_group_inside_its_own_disc() {
        let group_of: Vec<usize> = (0..300).map(|i| i % 3).collect();
        let weight: Vec<f64> = (0..300).map(|i| i as f64).collect();
        let (p, groups) = grouped(&group_of, &weight);
        assert_eq!(groups.len(), 3);
        for (i, &g) in group_of.iter().enumerate() {
            let disc = groups
                .iter()
                .find(|d| d.group == g)
                .expect("every group has a disc");
            assert!(distance(p[i], disc.centre) <= disc.radius, "node {i}");
            for other in groups.iter().filter(|d| d.group != g) {
                assert!(distance(p[i], other.centre) > other.radius, "node {i}");
            }
        }
        // The heaviest node of a group is at its middle.
        let disc = groups.iter().find(|d| d.group == 2).expect("group 2");
        assert!(distance(p[299], disc.centre) < SPACING);
    }
}
