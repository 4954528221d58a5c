//! Force-directed layout that scales: Fruchterman–Reingold forces with Barnes–Hut repulsion
//! (a quadtree, O(n log n) per step instead of all pairs), cooled until it settles.
//!
//! No egui here: the network view runs [`ForceLayout::step`] on a worker thread and draws the
//! positions it hands back.

mod arrange;
mod multilevel;
mod regions;
mod town;

pub use arrange::radial;
pub use multilevel::{MULTILEVEL_ABOVE, Multilevel};
pub use regions::{Nesting, Region, nested};
pub use town::{
    Canvas, Earlier, Footprint, NameSide, Naming, TOWN_LIMIT, TownFit, TownLayout, UNIT, town,
};

/// A point of the layout plane.
pub type Point = [f32; 2];

/// Barnes–Hut opening angle: a cell this small relative to its distance counts as one body.
const THETA: f32 = 0.9;
/// Pull towards the centre, so separate components stay near each other.
const GRAVITY: f32 = 0.1;
/// Entities with no relation at all are pulled this many times harder, so they ring the graph
/// closely instead of drifting to the edge of the picture and shrinking everything else.
const ISOLATED_GRAVITY: f32 = 6.0;
/// Temperature kept after each step.
const COOLING: f32 = 0.97;
/// Settled when the largest move of a step is below this fraction of the ideal edge length.
const SETTLED_MOVE: f32 = 0.002;
/// From this many nodes a step's repulsion is computed on every core.
const PARALLEL_ABOVE: usize = 4_000;

/// A layout in progress over an undirected graph given as neighbour lists.
pub struct ForceLayout {
    pub positions: Vec<Point>,
    /// Each undirected edge once.
    edges: Vec<(u32, u32)>,
    /// Gravity of each node.
    gravity: Vec<f32>,
    /// Nodes the user pinned: they hold their place and the others arrange around them.
    pinned: Vec<bool>,
    /// The ideal edge length.
    k: f32,
    temperature: f32,
    /// Temperature kept after each step.
    cooling: f32,
    steps: usize,
    settled: bool,
}

impl ForceLayout {
    /// Starts from a deterministic scatter (a sunflower spiral, so no two nodes coincide).
    pub fn new(neighbours: &[Vec<usize>]) -> Self {
        let n = neighbours.len();
        let k = 1.0;
        let radius = (n as f32).sqrt() * k;
        let golden = std::f32::consts::PI * (3.0 - 5f32.sqrt());
        let positions = (0..n)
            .map(|i| {
                let r = radius * ((i as f32 + 0.5) / n.max(1) as f32).sqrt();
                let angle = i as f32 * golden;
                [r * angle.cos(), r * angle.sin()]
            })
            .collect();
        let edges = neighbours
            .iter()
            .enumerate()
            .flat_map(|(a, list)| {
                list.iter()
                    .filter(move |&&b| b > a)
                    .map(move |&b| (a as u32, b as u32))
            })
            .collect();
        let gravity = neighbours
            .iter()
            .map(|list| {
                if list.is_empty() {
                    GRAVITY * ISOLATED_GRAVITY
                } else {
                    GRAVITY
                }
            })
            .collect();
        Self {
            positions,
            edges,
            gravity,
            pinned: vec![false; n],
            k,
            temperature: radius / 10.0 + k,
            cooling: COOLING,
            steps: 0,
            settled: n < 2,
        }
    }

    pub fn is_settled(&self) -> bool {
        self.settled
    }

    /// Refines `positions` (one per node, already near where they belong): a small start
    /// temperature, cooled by `cooling` a step.
    pub fn refining(
        neighbours: &[Vec<usize>],
        positions: Vec<Point>,
        temperature: f32,
        cooling: f32,
    ) -> Self {
        let mut layout = Self::new(neighbours);
        if positions.len() == layout.positions.len() {
            layout.positions = positions;
        }
        layout.temperature = temperature;
        layout.cooling = cooling;
        layout
    }

    /// Starts from where the nodes were before an edit changed the graph, so the picture
    /// adjusts instead of starting over: known nodes keep their place, a new node starts beside
    /// its placed neighbours (or where the spiral put it), and the layout only settles the
    /// difference.
    pub fn warm_start(&mut self, neighbours: &[Vec<usize>], known: &[Option<Point>]) {
        if known.iter().all(Option::is_none) {
            return;
        }
        for (node, at) in known.iter().enumerate() {
            if let (Some(at), Some(p)) = (at, self.positions.get_mut(node))
                && at[0].is_finite()
                && at[1].is_finite()
            {
                *p = *at;
            }
        }
        for node in 0..self.positions.len() {
            if known.get(node).is_some_and(Option::is_some) {
                continue;
            }
            let placed: Vec<Point> = neighbours
                .get(node)
                .into_iter()
                .flatten()
                .filter_map(|&other| known.get(other).copied().flatten())
                .collect();
            if let (false, Some(p)) = (placed.is_empty(), self.positions.get_mut(node)) {
                let count = placed.len() as f32;
                let centre = placed
                    .iter()
                    .fold([0.0, 0.0], |sum, q| [sum[0] + q[0], sum[1] + q[1]]);
                // Beside the neighbours, not on top of one of them.
                let angle = node as f32 * 2.399_963;
                *p = [
                    centre[0] / count + self.k * angle.cos(),
                    centre[1] / count + self.k * angle.sin(),
                ];
            }
        }
        self.temperature = self.k;
        self.settled = self.positions.len() < 2;
    }

    /// Holds `node` at `at` from now on (pins of nodes that do not exist are ignored).
    pub fn pin(&mut self, node: usize, at: Point) {
        if let (Some(p), true) = (
            self.positions.get_mut(node),
            at[0].is_finite() && at[1].is_finite(),
        ) {
            *p = at;
            self.pinned[node] = true;
        }
    }

    pub fn steps(&self) -> usize {
        self.steps
    }

    /// One step of forces; returns the largest distance a node moved.
    pub fn step(&mut self) -> f32 {
        let n = self.positions.len();
        if self.settled || n == 0 {
            return 0.0;
        }
        let k = self.k;
        let tree = QuadTree::new(&self.positions);
        let repelled = |positions: &[Point], gravity: &[f32]| -> Vec<Point> {
            let mut stack = Vec::with_capacity(64);
            positions
                .iter()
                .zip(gravity)
                .map(|(&p, &gravity)| {
                    let [x, y] = tree.repulsion(p, k * k, &mut stack);
                    [x - gravity * p[0], y - gravity * p[1]]
                })
                .collect()
        };
        // The repulsion of a large graph is shared out among the cores: each node's is its own.
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        let mut displacement: Vec<Point> = if n >= PARALLEL_ABOVE && threads > 1 {
            let per_thread = n.div_ceil(threads);
            std::thread::scope(|scope| {
                let parts: Vec<_> = self
                    .positions
                    .chunks(per_thread)
                    .zip(self.gravity.chunks(per_thread))
                    .map(|(positions, gravity)| scope.spawn(|| repelled(positions, gravity)))
                    .collect();
                parts
                    .into_iter()
                    .flat_map(|part| {
                        part.join()
                            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                    })
                    .collect()
            })
        } else {
            repelled(&self.positions, &self.gravity)
        };
        for &(a, b) in &self.edges {
            let (pa, pb) = (self.positions[a as usize], self.positions[b as usize]);
            let (dx, dy) = (pa[0] - pb[0], pa[1] - pb[1]);
            let distance = (dx * dx + dy * dy).sqrt().max(1e-4);
            // Attraction d²/k along the edge, i.e. d/k per unit of the difference vector.
            let pull = distance / k;
            displacement[a as usize][0] -= dx * pull;
            displacement[a as usize][1] -= dy * pull;
            displacement[b as usize][0] += dx * pull;
            displacement[b as usize][1] += dy * pull;
        }
        let mut largest: f32 = 0.0;
        for ((p, d), _) in self
            .positions
            .iter_mut()
            .zip(&displacement)
            .zip(&self.pinned)
            .filter(|(_, pinned)| !**pinned)
        {
            let length = (d[0] * d[0] + d[1] * d[1]).sqrt();
            if length > 0.0 && length.is_finite() {
                let moved = length.min(self.temperature);
                p[0] += d[0] / length * moved;
                p[1] += d[1] / length * moved;
                largest = largest.max(moved);
            }
        }
        self.temperature *= self.cooling;
        self.steps += 1;
        if largest < SETTLED_MOVE * k {
            self.settled = true;
        }
        largest
    }

    /// Steps until settled or `max_steps` taken; returns whether it settled.
    pub fn run(&mut self, max_steps: usize) -> bool {
        for _ in 0..max_steps {
            if self.settled {
                break;
            }
            self.step();
        }
        self.settled
    }
}

/// A force layout as it runs on a worker: one level, or multilevel from scratch past
/// [`MULTILEVEL_ABOVE`] nodes.
pub enum Settling {
    Single(ForceLayout),
    Multilevel(Box<Multilevel>),
}

impl Settling {
    /// From scratch: multilevel for a large graph.
    pub fn from_scratch(neighbours: &[Vec<usize>]) -> Self {
        if neighbours.len() > MULTILEVEL_ABOVE {
            Self::Multilevel(Box::new(Multilevel::new(neighbours)))
        } else {
            Self::Single(ForceLayout::new(neighbours))
        }
    }

    /// One step; `neighbours` is the graph it was made for.
    pub fn step(&mut self, neighbours: &[Vec<usize>]) {
        match self {
            Self::Single(layout) => {
                layout.step();
            }
            Self::Multilevel(layout) => layout.step(neighbours),
        }
    }

    pub fn is_settled(&self) -> bool {
        match self {
            Self::Single(layout) => layout.is_settled(),
            Self::Multilevel(layout) => layout.is_settled(),
        }
    }

    pub fn positions(&self) -> Vec<Point> {
        match self {
            Self::Single(layout) => layout.positions.clone(),
            Self::Multilevel(layout) => layout.positions(),
        }
    }

    /// Steps until settled or `max_steps` taken; returns the positions.
    pub fn settle(mut self, neighbours: &[Vec<usize>], max_steps: usize) -> Vec<Point> {
        for _ in 0..max_steps {
            if self.is_settled() {
                break;
            }
            self.step(neighbours);
        }
        match self {
            Self::Single(layout) => layout.positions,
            Self::Multilevel(layout) => layout.positions(),
        }
    }
}

/// A Barnes–Hut quadtree over points, each cell holding the mass and centre of mass below it.
struct QuadTree {
    cells: Vec<Cell>,
}

#[derive(Clone, Copy)]
struct Cell {
    centre_of_mass: Point,
    mass: f32,
    /// Side length of the square the cell covers.
    size: f32,
    /// Index of the first of four children, or 0 for a leaf.
    children: u32,
}

/// Below this side length a cell is not split further (coincident points share it).
const MIN_CELL: f32 = 1e-3;

impl QuadTree {
    fn new(points: &[Point]) -> Self {
        let (mut min, mut max) = ([f32::MAX; 2], [f32::MIN; 2]);
        for p in points {
            for axis in 0..2 {
                min[axis] = min[axis].min(p[axis]);
                max[axis] = max[axis].max(p[axis]);
            }
        }
        let size = (max[0] - min[0]).max(max[1] - min[1]).max(MIN_CELL) * 1.0001;
        let mut tree = Self {
            cells: Vec::with_capacity(points.len() * 2),
        };
        let mut order: Vec<u32> = (0..points.len() as u32).collect();
        tree.cells.push(Cell {
            centre_of_mass: [0.0; 2],
            mass: 0.0,
            size,
            children: 0,
        });
        tree.build(0, points, &mut order, min, size);
        tree
    }

    /// Fills cell `at`, covering the square at `corner` of side `size`, with `members`.
    fn build(
        &mut self,
        at: usize,
        points: &[Point],
        members: &mut [u32],
        corner: Point,
        size: f32,
    ) {
        let mass = members.len() as f32;
        let mut centre = [0.0f32; 2];
        for &m in members.iter() {
            centre[0] += points[m as usize][0];
            centre[1] += points[m as usize][1];
        }
        centre = [centre[0] / mass.max(1.0), centre[1] / mass.max(1.0)];
        self.cells[at] = Cell {
            centre_of_mass: centre,
            mass,
            size,
            children: 0,
        };
        if members.len() <= 1 || size < MIN_CELL {
            return;
        }
        let half = size / 2.0;
        let middle = [corner[0] + half, corner[1] + half];
        // Partition into the four quadrants: left/right by x, then bottom/top by y within each.
        let split_x = partition(members, |m| points[m as usize][0] < middle[0]);
        let (left, right) = members.split_at_mut(split_x);
        let split_left = partition(left, |m| points[m as usize][1] < middle[1]);
        let split_right = partition(right, |m| points[m as usize][1] < middle[1]);
        let first = self.cells.len();
        self.cells.extend(
            [Cell {
                centre_of_mass: [0.0; 2],
                mass: 0.0,
                size: half,
                children: 0,
            }; 4],
        );
        self.cells[at].children = first as u32;
        let (bottom_left, top_left) = left.split_at_mut(split_left);
        let (bottom_right, top_right) = right.split_at_mut(split_right);
        self.build(first, points, bottom_left, corner, half);
        self.build(first + 1, points, top_left, [corner[0], middle[1]], half);
        self.build(
            first + 2,
            points,
            bottom_right,
            [middle[0], corner[1]],
            half,
        );
        self.build(first + 3, points, top_right, middle, half);
    }

    /// The repulsion k²/d from every other point on a body at `p`, far cells taken as one
    /// (`stack` is scratch space, kept between calls).
    fn repulsion(&self, p: Point, k_squared: f32, stack: &mut Vec<usize>) -> Point {
        let mut force = [0.0f32; 2];
        stack.clear();
        stack.push(0);
        while let Some(at) = stack.pop() {
            let cell = self.cells[at];
            if cell.mass == 0.0 {
                continue;
            }
            let (dx, dy) = (p[0] - cell.centre_of_mass[0], p[1] - cell.centre_of_mass[1]);
            let distance_squared = dx * dx + dy * dy;
            if cell.children != 0 && cell.size * cell.size >= THETA * THETA * distance_squared {
                stack.extend((0..4).map(|c| cell.children as usize + c));
                continue;
            }
            if distance_squared < 1e-12 {
                continue; // the body itself (or one exactly on top of it)
            }
            // k²/d along the unit vector: k² · Δ / d².
            let push = cell.mass * k_squared / distance_squared;
            force[0] += dx * push;
            force[1] += dy * push;
        }
        force
    }
}

/// Moves the members for which `left` holds to the front; returns how many there are.
fn partition(members: &mut [u32], left: impl Fn(u32) -> bool) -> usize {
    let mut split = 0;
    for i in 0..members.len() {
        if left(members[i]) {
            members.swap(i, split);
            split += 1;
        }
    }
    split
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(n: usize) -> Vec<Vec<usize>> {
        (0..n)
            .map(|i| {
                let mut list = Vec::new();
                if i > 0 {
                    list.push(i - 1);
                }
                if i + 1 < n {
                    list.push(i + 1);
                }
                list
            })
            .collect()
    }

    #[test]
    fn after_an_edit_the_layout_adjusts_from_where_the_nodes_were() {
        let mut before = ForceLayout::new(&path(30));
        assert!(before.run(3000));
        let known: Vec<Option<Point>> = before.positions.iter().copied().map(Some).collect();
        // A new node joined to node 10.
        let mut graph = path(30);
        graph.push(vec![10]);
        graph[10].push(30);
        let mut after = ForceLayout::new(&graph);
        after.warm_start(&graph, &known);
        let distance = |a: Point, b: Point| ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt();
        assert!(
            distance(after.positions[30], known[10].unwrap_or_default()) < 1.5,
            "the new node starts beside its neighbour"
        );
        assert!(after.run(3000), "settles");
        let moved: f32 = (0..30)
            .map(|i| distance(after.positions[i], known[i].unwrap_or_default()))
            .sum::<f32>()
            / 30.0;
        let cold = ForceLayout::new(&graph);
        let from_scratch: f32 = (0..30)
            .map(|i| distance(cold.positions[i], known[i].unwrap_or_default()))
            .sum::<f32>()
            / 30.0;
        assert!(
            moved < from_scratch / 4.0,
            "nodes moved {moved} on average (a cold start is {from_scratch} away)"
        );
    }

    #[test]
    fn a_path_settles_with_edges_near_the_ideal_length() {
        let mut layout = ForceLayout::new(&path(20));
        assert!(layout.run(2000), "settled after {} steps", layout.steps());
        let lengths: Vec<f32> = (0..19)
            .map(|i| {
                let (a, b) = (layout.positions[i], layout.positions[i + 1]);
                ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt()
            })
            .collect();
        assert!(lengths.iter().all(|&l| l > 0.3 && l < 3.0), "{lengths:?}");
    }

    #[test]
    fn repulsion_of_the_tree_matches_all_pairs_for_near_points() {
        let points: Vec<Point> = (0..50)
            .map(|i| [(i % 7) as f32 * 1.3, (i / 7) as f32 * 0.9])
            .collect();
        let tree = QuadTree::new(&points);
        let p = points[17];
        let exact =
            points
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != 17)
                .fold([0.0f32; 2], |f, (_, q)| {
                    let (dx, dy) = (p[0] - q[0], p[1] - q[1]);
                    let d2 = dx * dx + dy * dy;
                    [f[0] + dx / d2, f[1] + dy / d2]
                });
        let approx = tree.repulsion(p, 1.0, &mut Vec::new());
        let error = ((approx[0] - exact[0]).powi(2) + (approx[1] - exact[1]).powi(2)).sqrt();
        let size = (exact[0].powi(2) + exact[1].powi(2)).sqrt();
        assert!(error < 0.1 * size.max(1.0), "{approx:?} vs {exact:?}");
    }

    #[test]
    fn empty_and_single_node_graphs_are_settled() {
        assert!(ForceLayout::new(&[]).is_settled());
        let mut one = ForceLayout::new(&[vec![]]);
        assert!(one.run(10));
        assert!(one.positions[0].iter().all(|c| c.is_finite()));
    }
}
