//! Communities: Louvain modularity optimisation, deterministic — nodes are visited in file order
//! and ties go to the lowest community, so the same model always gives the same communities.

/// A weighted graph one Louvain level works on.
struct Level {
    /// Neighbours with edge weights, no self-loops.
    edges: Vec<Vec<(usize, f64)>>,
    /// Weight of each node's self-loop (edges folded inside a community of the level below).
    inner: Vec<f64>,
}

impl Level {
    /// Weighted degree: a self-loop counts twice, as in modularity's definition.
    fn strength(&self, node: usize) -> f64 {
        self.edges[node].iter().map(|(_, w)| w).sum::<f64>() + 2.0 * self.inner[node]
    }
}

/// Louvain communities (modularity, resolution 1), deterministic.
pub fn louvain(neighbours: &[Vec<usize>]) -> Vec<usize> {
    let n = neighbours.len();
    let mut membership: Vec<usize> = (0..n).collect();
    let mut level = Level {
        edges: neighbours
            .iter()
            .map(|list| list.iter().map(|&v| (v, 1.0)).collect())
            .collect(),
        inner: vec![0.0; n],
    };
    let total: f64 = (0..n).map(|v| level.strength(v)).sum();
    if total == 0.0 {
        return renumber(&membership);
    }
    loop {
        let (moved, community) = one_level(&level, total);
        if !moved {
            break;
        }
        let community = renumber(&community);
        for m in &mut membership {
            *m = community[*m];
        }
        level = aggregate(&level, &community);
    }
    renumber(&membership)
}

/// Moves nodes between neighbouring communities while modularity rises. Returns whether any
/// node moved, and each node's community.
fn one_level(level: &Level, total: f64) -> (bool, Vec<usize>) {
    let n = level.edges.len();
    let strength: Vec<f64> = (0..n).map(|v| level.strength(v)).collect();
    let mut community: Vec<usize> = (0..n).collect();
    let mut community_strength = strength.clone();
    let mut moved_any = false;
    let mut weight_to = vec![0.0; n];
    let mut touched = Vec::new();
    loop {
        let mut moved = false;
        for node in 0..n {
            let own = community[node];
            for &(other, w) in &level.edges[node] {
                let c = community[other];
                if weight_to[c] == 0.0 {
                    touched.push(c);
                }
                weight_to[c] += w;
            }
            community_strength[own] -= strength[node];
            // Gain of joining c, up to terms that do not depend on c.
            let gain =
                |c: usize, weight: f64| weight - community_strength[c] * strength[node] / total;
            let mut best = own;
            let mut best_gain = gain(own, weight_to[own]);
            for &c in &touched {
                let g = gain(c, weight_to[c]);
                if g > best_gain + 1e-12 || (g > best_gain - 1e-12 && c < best && best != own) {
                    best = c;
                    best_gain = g;
                }
            }
            community_strength[best] += strength[node];
            if best != own {
                community[node] = best;
                moved = true;
                moved_any = true;
            }
            for &c in &touched {
                weight_to[c] = 0.0;
            }
            weight_to[own] = 0.0;
            touched.clear();
        }
        if !moved {
            break;
        }
    }
    (moved_any, community)
}

/// The graph of communities: one node per community, edge weights summed, inner edges kept as
/// self-loop weight.
fn aggregate(level: &Level, community: &[usize]) -> Level {
    let count = community.iter().copied().max().map_or(0, |m| m + 1);
    let mut weights: Vec<std::collections::BTreeMap<usize, f64>> = vec![Default::default(); count];
    let mut inner = vec![0.0; count];
    for (node, list) in level.edges.iter().enumerate() {
        let a = community[node];
        inner[a] += level.inner[node];
        for &(other, w) in list {
            let b = community[other];
            if a == b {
                // Each inner edge is seen from both ends.
                inner[a] += w / 2.0;
            } else {
                *weights[a].entry(b).or_default() += w;
            }
        }
    }
    Level {
        edges: weights
            .into_iter()
            .map(|m| m.into_iter().collect())
            .collect(),
        inner,
    }
}

/// Community labels numbered 0, 1, 2… in order of first appearance.
fn renumber(labels: &[usize]) -> Vec<usize> {
    let mut map = std::collections::HashMap::new();
    labels
        .iter()
        .map(|&label| {
            let next = map.len();
            *map.entry(label).or_insert(next)
        })
        .collect()
}

/// The modularity of a partition (resolution 1), for tests and reports.
pub fn modularity(neighbours: &[Vec<usize>], community: &[usize]) -> f64 {
    let total: f64 = neighbours.iter().map(|l| l.len() as f64).sum();
    if total == 0.0 {
        return 0.0;
    }
    let mut inside = 0.0;
    let mut strength = std::collections::HashMap::<usize, f64>::new();
    for (a, list) in neighbours.iter().enumerate() {
        *strength.entry(community[a]).or_default() += list.len() as f64;
        inside += list
            .iter()
            .filter(|&&b| community[b] == community[a])
            .count() as f64;
    }
    inside / total - strength.values().map(|s| (s / total).powi(2)).sum::<f64>()
}
