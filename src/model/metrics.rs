//! Graph measures over the undirected simple graph of all relations (several relations between
//! the same two entities count once): degree, betweenness, PageRank and communities.
//!
//! All three are written here, each for a measured reason. rustworkx-core's Brandes took 19.5 s
//! on a 10k-node, 50k-relation model on this 2-core machine (target 3 s); the one here (4.4 s)
//! packs the graph into arrays ordered by degree, keeps each node's state in one cache line,
//! records the shortest-path DAG instead of predecessor lists, and splits sources over threads.
//! petgraph's `page_rank` runs a fixed number of iterations and spreads the rank of isolated
//! nodes differently from networkx, which is what the figures must match. Neither crate has
//! Louvain; this one is deterministic: nodes are visited in file order and ties go to the
//! lowest community.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

pub use super::community::{louvain, modularity};
use super::{Index, Model};

/// The PageRank damping factor (networkx's default).
pub const DAMPING: f64 = 0.85;
/// PageRank stops when the L1 change of an iteration is below `n × TOLERANCE`.
pub const TOLERANCE: f64 = 1e-10;
/// PageRank gives up after this many iterations. networkx stops at 100, which is too few for
/// 1e-10 on some graphs (a 5-node star needs ~130): it then raises, and so would its match.
pub const MAX_ITERATIONS: usize = 1000;

/// Every measure for every entity, indexed like `Model::entities`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metrics {
    /// Number of distinct neighbours.
    pub degree: Vec<usize>,
    /// Brandes' betweenness normalised by 2/((n−1)(n−2)), as networkx's `betweenness_centrality`.
    pub betweenness: Vec<f64>,
    pub pagerank: Vec<f64>,
    /// Louvain community, numbered by the file order of each community's first member.
    pub community: Vec<usize>,
    /// Where betweenness was estimated rather than computed: each value within this of the
    /// exact one (with probability 1 − [`APPROX_DELTA`]).
    pub betweenness_bound: Option<f64>,
}

/// The undirected simple graph of a model: for each entity, its distinct neighbours in
/// ascending order. An entity's `location` is a located-in relation like any other (the file
/// states it on the entity rather than in `relations`). Self-loops and references to ids that
/// do not exist are left out.
pub fn simple_graph(model: &Model) -> Vec<Vec<usize>> {
    simple_graph_indexed(model, &Index::new(model))
}

/// [`simple_graph`] with the model's index already built.
pub fn simple_graph_indexed(model: &Model, index: &Index) -> Vec<Vec<usize>> {
    let relations = (0..model.relations.len()).filter_map(|r| index.relation_ends(r));
    let locations = (0..model.entities.len()).filter_map(|i| Some((i, index.place_of(i)?)));
    neighbour_lists(model.entities.len(), relations.chain(locations))
}

/// Sorted, duplicate-free neighbour lists of `n` nodes joined by `pairs` (self-loops dropped).
pub fn neighbour_lists(
    n: usize,
    pairs: impl IntoIterator<Item = (usize, usize)>,
) -> Vec<Vec<usize>> {
    let mut neighbours = vec![Vec::new(); n];
    for (a, b) in pairs {
        if a != b {
            neighbours[a].push(b);
            neighbours[b].push(a);
        }
    }
    for list in &mut neighbours {
        list.sort_unstable();
        list.dedup();
    }
    neighbours
}

/// How far a computation on another thread is, and a way to tell it to stop.
#[derive(Debug, Default)]
pub struct Progress {
    /// Betweenness source nodes finished, out of the node count.
    pub done: AtomicUsize,
    pub cancelled: AtomicBool,
    /// Threads betweenness may use; 0 means one per core.
    pub threads: usize,
}

impl Progress {
    fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }
}

impl Metrics {
    /// All measures of a model.
    pub fn of_model(model: &Model) -> Self {
        Self::of_graph(&simple_graph(model))
    }

    /// All measures of an undirected simple graph given as sorted neighbour lists.
    pub fn of_graph(neighbours: &[Vec<usize>]) -> Self {
        Self::of_graph_with_progress(neighbours, None)
    }

    /// All measures, betweenness estimated within `epsilon` (see [`approx_betweenness`]): for a
    /// graph where the exact one would take minutes.
    pub fn of_graph_approx(neighbours: &[Vec<usize>], epsilon: f64) -> (Self, ApproxBetweenness) {
        let approx = approx_betweenness(neighbours, epsilon, APPROX_DELTA, APPROX_SEED);
        let metrics = Self {
            degree: neighbours.iter().map(Vec::len).collect(),
            betweenness: approx.values.clone(),
            pagerank: pagerank(neighbours).0,
            community: louvain(neighbours),
            betweenness_bound: Some(approx.bound),
        };
        (metrics, approx)
    }

    /// [`Metrics::of_graph`], counting in `progress` the source nodes betweenness has finished
    /// (it takes nearly all the time). Once `progress` is cancelled the result is meaningless.
    pub fn of_graph_with_progress(neighbours: &[Vec<usize>], progress: Option<&Progress>) -> Self {
        let betweenness = betweenness_with_progress(neighbours, progress);
        if progress.is_some_and(Progress::is_cancelled) {
            return Self::default();
        }
        Self {
            degree: neighbours.iter().map(Vec::len).collect(),
            betweenness,
            pagerank: pagerank(neighbours).0,
            community: louvain(neighbours),
            betweenness_bound: None,
        }
    }
}

/// Normalised betweenness of every node (Brandes), as networkx's `betweenness_centrality`.
pub fn betweenness(neighbours: &[Vec<usize>]) -> Vec<f64> {
    betweenness_with_progress(neighbours, None)
}

/// [`betweenness`], counting finished source nodes in `progress` (out of the node count) so a
/// caller on another thread can show how far it is, and stopping early if it is cancelled.
pub fn betweenness_with_progress(
    neighbours: &[Vec<usize>],
    progress: Option<&Progress>,
) -> Vec<f64> {
    let n = neighbours.len();
    if n <= 2 {
        return vec![0.0; n];
    }
    let graph = Csr::by_degree(neighbours);
    let threads = match progress.map_or(0, |p| p.threads) {
        0 => std::thread::available_parallelism().map_or(1, |t| t.get()),
        wanted => wanted,
    }
    .clamp(1, 8);
    // Interleaved so each thread takes hubs and leaves alike.
    let partials: Vec<Vec<f64>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|thread| {
                let graph = &graph;
                scope.spawn(move || {
                    let mut work = BrandesWork::new(n);
                    let mut total = vec![0.0; n];
                    for source in (thread..n).step_by(threads) {
                        if let Some(progress) = progress {
                            if progress.is_cancelled() {
                                break;
                            }
                            progress.done.fetch_add(1, Ordering::Relaxed);
                        }
                        work.accumulate(graph, source, &mut total);
                    }
                    total
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    // Each pair is counted from both ends; networkx's normalisation for undirected graphs,
    // 2/((n−1)(n−2)) on the halved sum, is 1/((n−1)(n−2)) on this one.
    let scale = 1.0 / ((n - 1) as f64 * (n - 2) as f64);
    let mut result = vec![0.0; n];
    for partial in partials {
        for (packed, value) in partial.into_iter().enumerate() {
            result[graph.original[packed]] += value * scale;
        }
    }
    result
}

/// Neighbour lists packed into two arrays, nodes renumbered by falling degree so the hubs that
/// every search touches share a few cache lines.
struct Csr {
    offsets: Vec<usize>,
    targets: Vec<u32>,
    /// The original index of each packed node.
    original: Vec<usize>,
}

impl Csr {
    fn by_degree(neighbours: &[Vec<usize>]) -> Self {
        let mut original: Vec<usize> = (0..neighbours.len()).collect();
        original.sort_by_key(|&v| std::cmp::Reverse(neighbours[v].len()));
        let mut packed = vec![0u32; neighbours.len()];
        for (new, &old) in original.iter().enumerate() {
            packed[old] = new as u32;
        }
        let mut offsets = Vec::with_capacity(neighbours.len() + 1);
        let mut targets = Vec::with_capacity(neighbours.iter().map(Vec::len).sum());
        offsets.push(0);
        for &old in &original {
            let start = targets.len();
            targets.extend(neighbours[old].iter().map(|&v| packed[v]));
            targets[start..].sort_unstable();
            offsets.push(targets.len());
        }
        Self {
            offsets,
            targets,
            original,
        }
    }

    fn neighbours(&self, v: usize) -> &[u32] {
        &self.targets[self.offsets[v]..self.offsets[v + 1]]
    }
}

/// What Brandes' algorithm keeps per node, together so one cache line holds all of it.
#[derive(Clone, Copy)]
struct NodeState {
    distance: i32,
    paths: f64,
    dependency: f64,
}

const UNSEEN: NodeState = NodeState {
    distance: -1,
    paths: 0.0,
    dependency: 0.0,
};

/// The per-source arrays of Brandes' algorithm, reused across sources.
struct BrandesWork {
    state: Vec<NodeState>,
    order: Vec<u32>,
    /// Arcs of the shortest-path DAG as (node, predecessor), in the order the BFS found them.
    dag: Vec<(u32, u32)>,
}

impl BrandesWork {
    fn new(n: usize) -> Self {
        Self {
            state: vec![UNSEEN; n],
            order: Vec::with_capacity(n),
            dag: Vec::new(),
        }
    }

    /// Adds the dependencies of every node on `source` to `total`.
    fn accumulate(&mut self, graph: &Csr, source: usize, total: &mut [f64]) {
        self.order.clear();
        self.dag.clear();
        self.state[source] = NodeState {
            distance: 0,
            paths: 1.0,
            dependency: 0.0,
        };
        self.order.push(source as u32);
        let mut head = 0;
        while head < self.order.len() {
            let v = self.order[head] as usize;
            head += 1;
            let next = self.state[v].distance + 1;
            let paths_v = self.state[v].paths;
            for &w in graph.neighbours(v) {
                let node = &mut self.state[w as usize];
                if node.distance < 0 {
                    node.distance = next;
                    self.order.push(w);
                }
                if node.distance == next {
                    node.paths += paths_v;
                    self.dag.push((w, v as u32));
                }
            }
        }
        // Arcs found from farther nodes come later, so in reverse a node's dependency is
        // complete before it is passed on to its predecessors.
        for &(w, v) in self.dag.iter().rev() {
            let far = self.state[w as usize];
            let near = &mut self.state[v as usize];
            near.dependency += near.paths / far.paths * (1.0 + far.dependency);
        }
        for &w in &self.order {
            let w = w as usize;
            if w != source {
                total[w] += self.state[w].dependency;
            }
            self.state[w] = UNSEEN;
        }
    }
}

/// PageRank of every node, each undirected edge used both ways, with networkx's semantics:
/// uniform start and teleport, the rank of isolated nodes spread uniformly. Returns the ranks
/// and whether they converged within [`MAX_ITERATIONS`].
pub fn pagerank(neighbours: &[Vec<usize>]) -> (Vec<f64>, bool) {
    let n = neighbours.len();
    if n == 0 {
        return (Vec::new(), true);
    }
    let uniform = 1.0 / n as f64;
    let mut rank = vec![uniform; n];
    let mut next = vec![0.0; n];
    for _ in 0..MAX_ITERATIONS {
        let dangling: f64 = neighbours
            .iter()
            .zip(&rank)
            .filter(|(list, _)| list.is_empty())
            .map(|(_, r)| r)
            .sum();
        next.iter_mut().for_each(|x| *x = 0.0);
        for (u, list) in neighbours.iter().enumerate() {
            if list.is_empty() {
                continue;
            }
            let share = DAMPING * rank[u] / list.len() as f64;
            for &v in list {
                next[v] += share;
            }
        }
        let spread = DAMPING * dangling * uniform + (1.0 - DAMPING) * uniform;
        next.iter_mut().for_each(|x| *x += spread);
        let change: f64 = next.iter().zip(&rank).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut rank, &mut next);
        if change < n as f64 * TOLERANCE {
            return (rank, true);
        }
    }
    (rank, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(n: usize, edges: &[(usize, usize)]) -> Vec<Vec<usize>> {
        neighbour_lists(n, edges.iter().copied())
    }

    fn close(actual: &[f64], expected: &[f64]) {
        assert_eq!(actual.len(), expected.len());
        for (a, e) in actual.iter().zip(expected) {
            assert!((a - e).abs() < 1e-9, "{actual:?} != {expected:?}");
        }
    }

    #[test]
    fn path_of_five() {
        // 0-1-2-3-4. Betweenness of node i: pairs it separates, over C(4,2) = 6.
        let g = graph(5, &[(0, 1), (1, 2), (2, 3), (3, 4)]);
        let m = Metrics::of_graph(&g);
        assert_eq!(m.degree, vec![1, 2, 2, 2, 1]);
        close(&m.betweenness, &[0.0, 3.0 / 6.0, 4.0 / 6.0, 3.0 / 6.0, 0.0]);
        let total: f64 = m.pagerank.iter().sum();
        assert!((total - 1.0).abs() < 1e-9);
        assert!((m.pagerank[0] - m.pagerank[4]).abs() < 1e-12, "symmetric");
        assert!(m.pagerank[2] > m.pagerank[0]);
    }

    #[test]
    fn star() {
        // Centre 0 with 4 leaves: the centre lies on all C(4,2) = 6 leaf pairs.
        let g = graph(5, &[(0, 1), (0, 2), (0, 3), (0, 4)]);
        let m = Metrics::of_graph(&g);
        assert_eq!(m.degree, vec![4, 1, 1, 1, 1]);
        close(&m.betweenness, &[1.0, 0.0, 0.0, 0.0, 0.0]);
        // Closed form: leaf = (1-d)/n + d*centre/4, centre = (1-d)/n + d*4*leaf.
        let (d, n) = (DAMPING, 5.0);
        let leaf = ((1.0 - d) / n + d * (1.0 - d) / n / 4.0) / (1.0 - d * d);
        let centre = (1.0 - d) / n + d * 4.0 * leaf;
        close(&m.pagerank, &[centre, leaf, leaf, leaf, leaf]);
    }

    #[test]
    fn two_triangles_joined_by_a_bridge() {
        // 0-1-2 triangle, 3-4-5 triangle, bridge 2-3. n = 6, normaliser C(5,2) = 10.
        let g = graph(6, &[(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)]);
        let m = Metrics::of_graph(&g);
        assert_eq!(m.degree, vec![2, 2, 3, 3, 2, 2]);
        // Node 2 lies on every path from {0,1} to {3,4,5} (6 pairs), node 3 on every path from
        // {0,1,2} to {4,5} (6 pairs): 6/10 each.
        close(&m.betweenness, &[0.0, 0.0, 0.6, 0.6, 0.0, 0.0]);
        assert_eq!(m.community, vec![0, 0, 0, 1, 1, 1]);
        // Q = Σ_c (L_c / m − (d_c / 2m)²) = 2 × (3/7 − (7/14)²) = 5/14.
        assert!((modularity(&g, &m.community) - 5.0 / 14.0).abs() < 1e-12);
    }

    #[test]
    fn isolated_nodes_and_empty_graphs() {
        let m = Metrics::of_graph(&graph(3, &[]));
        assert_eq!(m.degree, vec![0, 0, 0]);
        close(&m.betweenness, &[0.0, 0.0, 0.0]);
        close(&m.pagerank, &[1.0 / 3.0; 3]);
        assert_eq!(m.community, vec![0, 1, 2]);
        let empty = Metrics::of_graph(&[]);
        assert!(empty.degree.is_empty() && empty.pagerank.is_empty());
    }
}

/// Past this many entities the app estimates betweenness (within ±0.01) instead of computing
/// it: exact Brandes grows with n·m — 2.5 s at 10k / 50k here, most of an hour at 100k / 500k.
pub const ESTIMATE_ABOVE: usize = 20_000;
/// The ε the app estimates with.
pub const APP_EPSILON: f64 = 0.01;

/// The chance an estimate may lie outside its bound: 10 %.
pub const APPROX_DELTA: f64 = 0.1;
/// The samples' seed, so that the same graph gives the same estimates.
const APPROX_SEED: u64 = 0x7A11_5C0E;

/// Betweenness estimated from sampled shortest paths (Riondato and Kornaropoulos, "Fast
/// approximation of betweenness centrality through sampling", WSDM 2014): with probability at
/// least `1 − delta`, every estimate is within `bound` of networkx's normalised value.
#[derive(Clone, Debug)]
pub struct ApproxBetweenness {
    pub values: Vec<f64>,
    /// The bound on networkx's scale: ε·n/(n−2).
    pub bound: f64,
    pub delta: f64,
    pub samples: usize,
    /// The upper bound on the vertex diameter the sample size was computed from.
    pub vertex_diameter: usize,
}

/// How many paths Riondato–Kornaropoulos sample for `epsilon` and `delta` on a graph whose
/// vertex diameter is at most `vertex_diameter` (their Theorem 1, with c = 0.5).
pub fn sample_size(epsilon: f64, delta: f64, vertex_diameter: usize) -> usize {
    let vd = vertex_diameter.max(3) as f64;
    let log = (vd - 2.0).log2().floor();
    ((0.5 / (epsilon * epsilon)) * (log + 1.0 + (1.0 / delta).ln())).ceil() as usize
}

/// Estimates every node's betweenness within `epsilon` (on the scale of the fraction of
/// shortest paths through it) with probability `1 − delta`: a shortest path is drawn between
/// each of the sampled pairs (uniformly among the pair's shortest paths) and each inner node
/// counted. `seed` makes a run repeatable. Threads share the samples.
pub fn approx_betweenness(
    neighbours: &[Vec<usize>],
    epsilon: f64,
    delta: f64,
    seed: u64,
) -> ApproxBetweenness {
    let n = neighbours.len();
    let usable = epsilon.is_finite() && epsilon > 0.0 && delta > 0.0 && delta < 1.0;
    if n <= 2 || !usable {
        return ApproxBetweenness {
            values: vec![0.0; n],
            bound: 0.0,
            delta,
            samples: 0,
            vertex_diameter: 0,
        };
    }
    let graph = Csr::by_degree(neighbours);
    let vertex_diameter = vertex_diameter_bound(&graph);
    let samples = sample_size(epsilon, delta, vertex_diameter);
    let threads = std::thread::available_parallelism()
        .map_or(1, |t| t.get())
        .clamp(1, 8);
    let counts: Vec<Vec<u32>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|thread| {
                let graph = &graph;
                scope.spawn(move || {
                    let mut random = SplitMix(seed ^ (thread as u64).wrapping_mul(0x9E37_79B9));
                    let mut work = PathSampler::new(n);
                    let mut counts = vec![0u32; n];
                    for _ in (thread..samples).step_by(threads) {
                        let s = random.below(n);
                        let mut t = random.below(n - 1);
                        if t >= s {
                            t += 1;
                        }
                        work.sample(graph, s, t, &mut random, &mut counts);
                    }
                    counts
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    // The fraction of sampled paths through a node estimates the fraction of all ordered
    // pairs' shortest paths through it; networkx divides by (n−1)(n−2) instead of n(n−1).
    let scale = n as f64 / (n - 2) as f64 / samples as f64;
    let mut values = vec![0.0; n];
    for partial in counts {
        for (packed, count) in partial.into_iter().enumerate() {
            values[graph.original[packed]] += f64::from(count) * scale;
        }
    }
    ApproxBetweenness {
        values,
        bound: epsilon * n as f64 / (n - 2) as f64,
        delta,
        samples,
        vertex_diameter,
    }
}

/// An upper bound on the number of nodes on any shortest path: in each component, twice the
/// eccentricity of its best-connected node, plus one.
fn vertex_diameter_bound(graph: &Csr) -> usize {
    let n = graph.original.len();
    let mut component = vec![u32::MAX; n];
    let mut queue = std::collections::VecDeque::new();
    let mut distance = vec![0u32; n];
    let mut bound = 1;
    // Packed by falling degree: the first unseen node is its component's hub.
    for start in 0..n {
        if component[start] != u32::MAX {
            continue;
        }
        component[start] = start as u32;
        distance[start] = 0;
        queue.push_back(start);
        let mut eccentricity = 0;
        while let Some(v) = queue.pop_front() {
            eccentricity = eccentricity.max(distance[v]);
            for &w in graph.neighbours(v) {
                let w = w as usize;
                if component[w] == u32::MAX {
                    component[w] = start as u32;
                    distance[w] = distance[v] + 1;
                    queue.push_back(w);
                }
            }
        }
        bound = bound.max(2 * eccentricity as usize + 1);
    }
    bound
}

/// A small fast generator (SplitMix64): the samples need speed and repeatability, not secrecy.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in 0..n (n > 0), by Lemire's multiply-shift (its bias is below 2⁻³² here).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// One side of a balanced bidirectional search: each node's distance from this side's end
/// (−1 unseen) and its number of shortest paths from it, the current level, everything reached.
struct Side {
    distance: Vec<i32>,
    paths: Vec<f64>,
    frontier: Vec<u32>,
    reached: Vec<u32>,
}

impl Side {
    fn new(n: usize) -> Self {
        Self {
            distance: vec![-1; n],
            paths: vec![0.0; n],
            frontier: Vec::new(),
            reached: Vec::new(),
        }
    }

    fn start(&mut self, v: usize) {
        self.distance[v] = 0;
        self.paths[v] = 1.0;
        self.frontier.push(v as u32);
        self.reached.push(v as u32);
    }

    /// The work expanding the frontier would take: the sum of its degrees.
    fn cost(&self, graph: &Csr) -> usize {
        self.frontier
            .iter()
            .map(|&v| graph.neighbours(v as usize).len())
            .sum()
    }

    /// Expands one level; returns the nodes newly reached.
    fn expand(&mut self, graph: &Csr, next: &mut Vec<u32>) {
        next.clear();
        for &v in &self.frontier {
            let v = v as usize;
            let d = self.distance[v];
            for &w in graph.neighbours(v) {
                let w = w as usize;
                if self.distance[w] < 0 {
                    self.distance[w] = d + 1;
                    next.push(w as u32);
                }
                if self.distance[w] == d + 1 {
                    self.paths[w] += self.paths[v];
                }
            }
        }
        self.reached.extend_from_slice(next);
        std::mem::swap(&mut self.frontier, next);
    }

    /// Walks from `v` back to this side's end, each step to a node one nearer with the share of
    /// `v`'s paths through it, counting every node passed but the end.
    fn walk_back(&self, graph: &Csr, mut v: usize, random: &mut SplitMix, counts: &mut [u32]) {
        while self.distance[v] > 0 {
            counts[v] += 1;
            let d = self.distance[v];
            let mut pick = random.unit() * self.paths[v];
            let mut chosen = v;
            for &p in graph.neighbours(v) {
                let p = p as usize;
                if self.distance[p] == d - 1 {
                    chosen = p;
                    pick -= self.paths[p];
                    if pick < 0.0 {
                        break;
                    }
                }
            }
            if chosen == v {
                break;
            }
            v = chosen;
        }
    }

    fn reset(&mut self) {
        for &v in &self.reached {
            self.distance[v as usize] = -1;
            self.paths[v as usize] = 0.0;
        }
        self.reached.clear();
        self.frontier.clear();
    }
}

/// Draws one shortest path between s and t uniformly among all of them, by a balanced
/// bidirectional search (the side with the cheaper frontier expands a level at a time, as in
/// KADABRA): far fewer nodes than a search from s alone, on a small-world graph.
struct PathSampler {
    from_s: Side,
    from_t: Side,
    next: Vec<u32>,
}

impl PathSampler {
    fn new(n: usize) -> Self {
        Self {
            from_s: Side::new(n),
            from_t: Side::new(n),
            next: Vec::new(),
        }
    }

    fn sample(
        &mut self,
        graph: &Csr,
        s: usize,
        t: usize,
        random: &mut SplitMix,
        counts: &mut [u32],
    ) {
        self.from_s.start(s);
        self.from_t.start(t);
        loop {
            if self.from_s.frontier.is_empty() || self.from_t.frontier.is_empty() {
                break; // no path: nothing counted
            }
            let s_side = self.from_s.cost(graph) <= self.from_t.cost(graph);
            let (grow, other) = if s_side {
                (&mut self.from_s, &self.from_t)
            } else {
                (&mut self.from_t, &self.from_s)
            };
            grow.expand(graph, &mut self.next);
            // `next` now holds the level before the one just reached.
            let nearest = grow
                .frontier
                .iter()
                .filter_map(|&w| {
                    let d = other.distance[w as usize];
                    (d >= 0).then_some(d)
                })
                .min();
            let Some(other_level) = nearest else {
                continue;
            };
            // Every shortest path crosses one edge from the grown side's previous level to a
            // node at `other_level` from the other end: draw one by its share of the paths.
            let previous = std::mem::take(&mut self.next);
            let weight = |u: usize, v: usize| grow.paths[u] * other.paths[v];
            let mut total = 0.0;
            for &u in &previous {
                for &v in graph.neighbours(u as usize) {
                    if other.distance[v as usize] == other_level
                        && grow.distance[v as usize] == grow.distance[u as usize] + 1
                    {
                        total += weight(u as usize, v as usize);
                    }
                }
            }
            let mut pick = random.unit() * total;
            let mut edge = None;
            'edges: for &u in &previous {
                for &v in graph.neighbours(u as usize) {
                    if other.distance[v as usize] == other_level
                        && grow.distance[v as usize] == grow.distance[u as usize] + 1
                    {
                        edge = Some((u as usize, v as usize));
                        pick -= weight(u as usize, v as usize);
                        if pick < 0.0 {
                            break 'edges;
                        }
                    }
                }
            }
            self.next = previous;
            if let Some((u, v)) = edge {
                grow.walk_back(graph, u, random, counts);
                other.walk_back(graph, v, random, counts);
            }
            break;
        }
        self.from_s.reset();
        self.from_t.reset();
    }
}

#[cfg(test)]
mod approx_tests {
    use super::*;

    /// A random graph with hubs: each new node links to two earlier ones, chosen with weight
    /// by degree (preferential attachment), seeded.
    fn hubby(n: usize, seed: u64) -> Vec<Vec<usize>> {
        let mut random = SplitMix(seed);
        let mut graph = vec![Vec::new(); n];
        let mut ends: Vec<usize> = vec![0, 1];
        graph[0].push(1);
        graph[1].push(0);
        for v in 2..n {
            for _ in 0..2 {
                let u = ends[random.below(ends.len())];
                if u != v && !graph[v].contains(&u) {
                    graph[v].push(u);
                    graph[u].push(v);
                    ends.extend([u, v]);
                }
            }
        }
        graph
    }

    #[test]
    fn the_estimates_lie_within_their_bound_of_brandes() {
        let graph = hubby(1_500, 7);
        let exact = betweenness(&graph);
        let approx = approx_betweenness(&graph, 0.01, 0.1, 42);
        assert!(approx.samples > 10_000, "{} samples", approx.samples);
        let worst = exact
            .iter()
            .zip(&approx.values)
            .map(|(e, a)| (e - a).abs())
            .fold(0.0, f64::max);
        assert!(
            worst <= approx.bound,
            "worst error {worst} over the bound {}",
            approx.bound
        );
        // Not all zeros: the hubs are found.
        let top = exact
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1))
            .map(|(i, _)| i)
            .expect("nodes");
        assert!(
            approx.values[top] > 0.5 * exact[top],
            "{} vs {}",
            approx.values[top],
            exact[top]
        );
        // The table is told it is an estimate, and of its bound.
        let (metrics, _) = Metrics::of_graph_approx(&graph, 0.01);
        assert_eq!(metrics.betweenness_bound, Some(0.01 * 1_500.0 / 1_498.0));
        assert_eq!(Metrics::of_graph(&graph).betweenness_bound, None);
        // Repeatable: the same seed gives the same estimates.
        let again = approx_betweenness(&graph, 0.01, 0.1, 42);
        assert_eq!(approx.values, again.values);
    }

    #[test]
    fn the_sample_size_follows_the_bound() {
        // ε = 0.01, δ = 0.1, VD = 10: ⌈5000 · (3 + 1 + ln 10)⌉.
        assert_eq!(
            sample_size(0.01, 0.1, 10),
            (5000.0 * (4.0 + 10f64.ln())).ceil() as usize
        );
    }
}
