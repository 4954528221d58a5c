//! A multilevel force layout for large graphs (Walshaw, "A multilevel algorithm for
//! force-directed graph drawing", 2000; Hu, "Efficient and high quality force-directed graph
//! drawing", 2005): the graph is coarsened by merging each node with a neighbour until a few
//! hundred nodes are left, the coarsest graph is laid out, and each finer graph starts from its
//! coarser one's positions and is only refined. A 10^5-node graph settles in tens of steps at
//! full size instead of hundreds from a scatter, and its large-scale shape comes from the coarse
//! levels, where a scatter's knots are undone cheaply.

use super::{ForceLayout, Point};

/// From this many nodes a layout from scratch is multilevel.
pub const MULTILEVEL_ABOVE: usize = 20_000;
/// Coarsening stops at this many nodes…
const COARSEST: usize = 300;
/// …or when a level keeps more than this share of the nodes of the one below.
const STALLED: f32 = 0.8;
/// Refinement: the start temperature (in ideal edge lengths) and cooling per step.
const REFINE_TEMPERATURE: f32 = 1.5;
const REFINE_COOLING: f32 = 0.9;
/// At most this many refinement steps per level (the finest settles well before).
const REFINE_STEPS: usize = 150;
/// At most this many steps for the coarsest level.
const COARSEST_STEPS: usize = 2_000;

/// One coarsening: the coarser graph and, for each node of the finer one, its node there.
struct Level {
    graph: Vec<Vec<usize>>,
    parent: Vec<u32>,
}

/// A layout in progress: level by level from the coarsest to the graph of the related nodes,
/// then the whole graph with the unrelated ones round it.
pub struct Multilevel {
    /// The related nodes of the given graph, renumbered from 0 in order.
    related: Vec<Vec<usize>>,
    /// For each node of `related`, its node in the given graph.
    given_node: Vec<u32>,
    /// `levels[0]` coarsens `related`, the last is the coarsest.
    levels: Vec<Level>,
    stage: Stage,
    layout: ForceLayout,
    /// Steps taken in this stage.
    steps_here: usize,
    /// Steps taken, each weighted by its graph's share of the given graph's nodes.
    work: f32,
    nodes: usize,
    settled: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    /// The level of this number: `levels.len()` the coarsest, 0 the related nodes' graph.
    Level(usize),
    /// The given graph, the unrelated nodes included.
    Whole,
}

impl Multilevel {
    pub fn new(neighbours: &[Vec<usize>]) -> Self {
        let given_node: Vec<u32> = (0..neighbours.len())
            .filter(|&node| neighbours[node].iter().any(|&other| other != node))
            .map(|node| node as u32)
            .collect();
        let mut renumbered = vec![u32::MAX; neighbours.len()];
        for (at, &node) in given_node.iter().enumerate() {
            renumbered[node as usize] = at as u32;
        }
        let related: Vec<Vec<usize>> = given_node
            .iter()
            .map(|&node| {
                neighbours[node as usize]
                    .iter()
                    .filter_map(|&other| renumbered.get(other).copied())
                    .filter(|&other| other != u32::MAX)
                    .map(|other| other as usize)
                    .collect()
            })
            .collect();
        let mut levels: Vec<Level> = Vec::new();
        loop {
            let finer = levels.last().map_or(&related, |level| &level.graph);
            if finer.len() <= COARSEST {
                break;
            }
            let level = coarsen(finer);
            if level.graph.len() as f32 > STALLED * finer.len() as f32 {
                break;
            }
            levels.push(level);
        }
        let coarsest = levels.last().map_or(&related, |level| &level.graph);
        let layout = ForceLayout::new(coarsest);
        Self {
            stage: Stage::Level(levels.len()),
            layout,
            related,
            given_node,
            levels,
            steps_here: 0,
            work: 0.0,
            nodes: neighbours.len(),
            settled: neighbours.len() < 2,
        }
    }

    /// The node counts of the levels, the given graph's first.
    pub fn level_sizes(&self) -> Vec<usize> {
        [self.nodes, self.related.len()]
            .into_iter()
            .chain(self.levels.iter().map(|level| level.graph.len()))
            .collect()
    }

    /// The work done so far, in steps of the whole graph.
    pub fn work(&self) -> f32 {
        self.work
    }

    pub fn is_settled(&self) -> bool {
        self.settled
    }

    /// One step of the current stage; when it settles, the next starts from it. `neighbours`
    /// is the graph given to [`Multilevel::new`].
    pub fn step(&mut self, neighbours: &[Vec<usize>]) {
        if self.settled {
            return;
        }
        self.layout.step();
        self.steps_here += 1;
        self.work += self.layout.positions.len() as f32 / self.nodes.max(1) as f32;
        let limit = match self.stage {
            Stage::Level(at) if at == self.levels.len() => COARSEST_STEPS,
            _ => REFINE_STEPS,
        };
        if !self.layout.is_settled() && self.steps_here < limit {
            return;
        }
        self.steps_here = 0;
        match self.stage {
            Stage::Whole => self.settled = true,
            Stage::Level(0) => {
                let positions = self.with_unrelated_round(&self.layout.positions);
                self.layout = ForceLayout::refining(
                    neighbours,
                    positions,
                    REFINE_TEMPERATURE,
                    REFINE_COOLING,
                );
                self.stage = Stage::Whole;
            }
            Stage::Level(at) => {
                // The finer graph's nodes start where their coarse node is, spread round it a
                // little (merged nodes must not coincide), scaled to the finer graph's size.
                let level = &self.levels[at - 1];
                let finer = if at == 1 {
                    &self.related
                } else {
                    &self.levels[at - 2].graph
                };
                let scale = (finer.len() as f32 / level.graph.len().max(1) as f32).sqrt();
                let coarse = &self.layout.positions;
                let positions = level
                    .parent
                    .iter()
                    .enumerate()
                    .map(|(node, &parent)| {
                        let at = coarse.get(parent as usize).copied().unwrap_or_default();
                        let angle = node as f32 * GOLDEN_ANGLE;
                        [
                            at[0] * scale + 0.3 * angle.cos(),
                            at[1] * scale + 0.3 * angle.sin(),
                        ]
                    })
                    .collect();
                self.layout =
                    ForceLayout::refining(finer, positions, REFINE_TEMPERATURE, REFINE_COOLING);
                self.stage = Stage::Level(at - 1);
            }
        }
    }

    /// The related nodes where the finest level put them and the unrelated ones on a disc of
    /// rings round them, one ideal edge length apart, as the force layout leaves them.
    fn with_unrelated_round(&self, related: &[Point]) -> Vec<Point> {
        let count = related.len().max(1) as f32;
        let centre = related.iter().fold([0.0, 0.0], |sum, p| {
            [sum[0] + p[0] / count, sum[1] + p[1] / count]
        });
        let radius = related
            .iter()
            .map(|p| ((p[0] - centre[0]).powi(2) + (p[1] - centre[1]).powi(2)).sqrt())
            .fold(0.0f32, f32::max);
        let mut positions = vec![centre; self.nodes];
        for (&node, &at) in self.given_node.iter().zip(related) {
            if let Some(p) = positions.get_mut(node as usize) {
                *p = at;
            }
        }
        let mut is_related = vec![false; self.nodes];
        for &node in &self.given_node {
            if let Some(flag) = is_related.get_mut(node as usize) {
                *flag = true;
            }
        }
        // An annulus outside `radius` of area one per node.
        let unrelated = self.nodes - self.given_node.len();
        let outer = (radius * radius + unrelated as f32 / std::f32::consts::PI).sqrt() + 1.0;
        let mut placed = 0usize;
        for (node, p) in positions.iter_mut().enumerate() {
            if is_related[node] {
                continue;
            }
            let share = (placed as f32 + 0.5) / unrelated.max(1) as f32;
            let r = (radius * radius + share * (outer * outer - radius * radius)).sqrt() + 1.0;
            let angle = placed as f32 * GOLDEN_ANGLE;
            *p = [centre[0] + r * angle.cos(), centre[1] + r * angle.sin()];
            placed += 1;
        }
        positions
    }

    /// Where each node of the given graph is now: while a coarser level is laid out, the
    /// related nodes where their coarse node is (scaled to the given graph's size) and the
    /// unrelated ones round them.
    pub fn positions(&self) -> Vec<Point> {
        let Stage::Level(at) = self.stage else {
            return self.layout.positions.clone();
        };
        let scale = (self.related.len() as f32 / self.layout.positions.len().max(1) as f32).sqrt();
        let related: Vec<Point> = (0..self.related.len())
            .map(|node| {
                let mut up = node;
                for level in &self.levels[..at] {
                    up = level.parent.get(up).map_or(0, |&p| p as usize);
                }
                let p = self.layout.positions.get(up).copied().unwrap_or_default();
                [p[0] * scale, p[1] * scale]
            })
            .collect();
        self.with_unrelated_round(&related)
    }
}

/// Turns between successive nodes placed round a point (a sunflower's, so none coincide).
const GOLDEN_ANGLE: f32 = 2.399_963;

/// Merges each node with a neighbour: an unmerged one of the fewest relations where there is
/// one (so leaves go first and hubs last), else the group of any neighbour (the many leaves of
/// a hub join it, which plain matching would leave one by one). Nodes are visited fewest
/// relations first.
fn coarsen(graph: &[Vec<usize>]) -> Level {
    const NONE: u32 = u32::MAX;
    let n = graph.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&node| (graph[node].len(), node));
    let mut group = vec![NONE; n];
    let mut groups = 0u32;
    for &node in &order {
        if group[node] != NONE {
            continue;
        }
        let unmerged = graph[node]
            .iter()
            .copied()
            .filter(|&other| other != node && group[other] == NONE)
            .min_by_key(|&other| (graph[other].len(), other));
        if let Some(other) = unmerged {
            group[node] = groups;
            group[other] = groups;
            groups += 1;
        } else if let Some(&other) = graph[node].iter().find(|&&other| group[other] != NONE) {
            group[node] = group[other];
        } else {
            group[node] = groups;
            groups += 1;
        }
    }
    let mut coarse: Vec<Vec<usize>> = vec![Vec::new(); groups as usize];
    for (node, list) in graph.iter().enumerate() {
        let from = group[node] as usize;
        for &other in list {
            let to = group[other] as usize;
            if to != from {
                coarse[from].push(to);
            }
        }
    }
    for list in &mut coarse {
        list.sort_unstable();
        list.dedup();
    }
    Level {
        graph: coarse,
        parent: group,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A star of `leaves` round node 0, and a path of `path` nodes hanging off it.
    fn star_and_path(leaves: usize, path: usize) -> Vec<Vec<usize>> {
        let n = 1 + leaves + path;
        let mut graph = vec![Vec::new(); n];
        let mut join = |a: usize, b: usize| {
            graph[a].push(b);
            graph[b].push(a);
        };
        for leaf in 1..=leaves {
            join(0, leaf);
        }
        join(0, leaves + 1);
        for node in leaves + 1..n - 1 {
            join(node, node + 1);
        }
        for list in &mut graph {
            list.sort_unstable();
        }
        graph
    }

    #[test]
    fn coarsening_merges_a_hubs_leaves_and_keeps_the_graph_connected() {
        let graph = star_and_path(500, 500);
        let level = coarsen(&graph);
        assert!(
            level.graph.len() <= graph.len() / 2 + 1,
            "{}",
            level.graph.len()
        );
        assert!(
            level
                .parent
                .iter()
                .all(|&p| (p as usize) < level.graph.len())
        );
        // Connected: every coarse node reached from the first.
        let mut seen = vec![false; level.graph.len()];
        let mut stack = vec![0];
        while let Some(node) = stack.pop() {
            if !std::mem::replace(&mut seen[node], true) {
                stack.extend(level.graph[node].iter().copied());
            }
        }
        assert!(seen.iter().all(|&s| s));
    }

    #[test]
    fn a_large_graph_is_laid_out_level_by_level_and_settles() {
        let mut graph = star_and_path(3_000, 3_000);
        // And 1,000 entities with no relation.
        graph.extend(std::iter::repeat_n(Vec::new(), 1_000));
        let mut layout = Multilevel::new(&graph);
        assert!(layout.level_sizes().len() > 4, "{:?}", layout.level_sizes());
        let mut steps = 0;
        while !layout.is_settled() && steps < 10_000 {
            layout.step(&graph);
            steps += 1;
        }
        assert!(layout.is_settled());
        let positions = layout.positions();
        assert_eq!(positions.len(), graph.len());
        assert!(positions.iter().flatten().all(|c| c.is_finite()));
        // The path's neighbours lie near each other: its edges are short beside the picture.
        let distance = |a: Point, b: Point| ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt();
        let path_edges: Vec<f32> = (3_001..6_000)
            .map(|node| distance(positions[node], positions[node + 1]))
            .collect();
        let mean_edge = path_edges.iter().sum::<f32>() / path_edges.len() as f32;
        let span = distance(positions[3_001], positions[6_000]);
        assert!(mean_edge < 3.0, "mean path edge {mean_edge}");
        assert!(
            span > 20.0 * mean_edge,
            "the path is unfolded: {span} end to end"
        );
        assert!(layout.work() < 400.0, "{} whole-graph steps", layout.work());
        // The unrelated ring the rest, centred on it, as the force layout leaves them.
        let centre = |nodes: std::ops::Range<usize>| {
            let count = nodes.len() as f32;
            nodes.fold([0.0, 0.0], |c, n| {
                [
                    c[0] + positions[n][0] / count,
                    c[1] + positions[n][1] / count,
                ]
            })
        };
        let (related, unrelated) = (centre(0..6_001), centre(6_001..7_001));
        let reach = (0..6_001)
            .map(|n| distance(positions[n], related))
            .fold(0.0f32, f32::max);
        assert!(
            distance(related, unrelated) < 0.2 * reach,
            "centres {related:?} and {unrelated:?}, reach {reach}"
        );
        let inside = (6_001..7_001)
            .filter(|&n| distance(positions[n], related) < 0.5 * reach)
            .count();
        assert!(
            inside < 50,
            "{inside} unrelated nodes inside the related ones"
        );
    }
}
