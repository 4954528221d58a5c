//! The force layout on a generated 10k-node heavy-tailed graph: no NaN, nodes spread out (no
//! pile-up at one point), and it settles.

use crate::common;

use townscope::layout::ForceLayout;

#[test]
fn ten_thousand_nodes_spread_out_and_settle() {
    let graph = common::heavy_tailed(10_000, 3, 0x1A70);
    let mut layout = ForceLayout::new(&graph);
    let settled = layout.run(600);
    let positions = &layout.positions;
    assert!(
        positions.iter().flatten().all(|c| c.is_finite()),
        "a NaN or infinite position"
    );
    assert!(settled, "not settled after {} steps", layout.steps());
    eprintln!("settled after {} steps", layout.steps());
    // Spread: the nodes cover an area of the order of n (edge length 1), and no small disc
    // around any point holds more than a sliver of them.
    let (mut min, mut max) = ([f32::MAX; 2], [f32::MIN; 2]);
    for p in positions {
        for axis in 0..2 {
            min[axis] = min[axis].min(p[axis]);
            max[axis] = max[axis].max(p[axis]);
        }
    }
    let area = (max[0] - min[0]) * (max[1] - min[1]);
    assert!(area > 1_000.0, "area {area}");
    let mut cells = std::collections::HashMap::new();
    for p in positions {
        *cells
            .entry(((p[0] / 0.5).floor() as i64, (p[1] / 0.5).floor() as i64))
            .or_insert(0usize) += 1;
    }
    let crowded = cells.values().copied().max().unwrap_or(0);
    assert!(crowded < 200, "{crowded} nodes share one 0.5×0.5 cell");
}
