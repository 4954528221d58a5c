//! Entities set out inside labelled regions, regions inside regions: the places of a town as
//! areas holding what lies in them (the town inside its district, the parks inside their
//! valley), or the kinds of entity side by side. Computed at once, no simulation: each region
//! is a box sized bottom-up to hold its members (a grid of name-sized cells) and its
//! sub-regions (packed in rows), then placed top-down; no two boxes of one level overlap.

use super::Point;

/// Width and height of one member's cell, in layout units: a node with its name beside it.
const CELL: [f32; 2] = [3.6, 0.9];
/// Room inside a region's edge, and between boxes packed side by side.
const PAD: f32 = 0.35;
/// The band at the top of a region for its title.
const TITLE: f32 = 1.0;
/// No member's cell is wider than this (a longer name is cut to it on screen).
const MAX_CELL_WIDTH: f32 = 8.5;
/// No region is narrower than this (its title needs room).
const MIN_WIDTH: f32 = 4.4;

/// Which region each entity lies in and how the regions nest.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Nesting {
    /// For each region, the region it lies in (none: at the top).
    pub region_parent: Vec<Option<usize>>,
    /// For each region, the entity it stands for (a place), drawn at its title.
    pub region_entity: Vec<Option<usize>>,
    /// For each entity, the region it lies in (none: outside every region).
    pub entity_region: Vec<Option<usize>>,
}

/// One region as laid out: which (an index into the nesting's regions), its corners in layout
/// units, how deep it lies (0: at the top) and the region it lies in as laid out (a cycle of
/// places broken: none for those put at the top).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Region {
    pub index: usize,
    pub min: Point,
    pub max: Point,
    pub depth: usize,
    pub parent: Option<usize>,
}

/// Lays out every entity: each in the grid of its region (in `order`, most important first),
/// an entity that stands for a region at the left of its title, the rest in a grid of their
/// own beside the regions. Returns the positions and the regions, outermost first.
///
/// `cells` is each entity's room (width, height in layout units: its node and its name beside
/// it); a region's grid is as wide as its widest member's.
///
/// The top level is packed to about `aspect` (width over height: the canvas's).
pub fn nested(
    nesting: &Nesting,
    order: &[u32],
    cells: &[[f32; 2]],
    aspect: f32,
) -> (Vec<Point>, Vec<Region>) {
    let n = nesting.entity_region.len();
    let regions = nesting.region_parent.len();
    // A region whose chain of parents comes back to it is put at the top.
    let parent: Vec<Option<usize>> = (0..regions)
        .map(|r| {
            let mut seen = vec![false; regions];
            let mut at = r;
            seen[at] = true;
            while let Some(next) = nesting.region_parent.get(at).copied().flatten() {
                if next >= regions || seen[next] {
                    return None;
                }
                seen[next] = true;
                at = next;
            }
            nesting.region_parent.get(r).copied().flatten()
        })
        .collect();
    let mut stands_for = vec![None; n];
    for (r, entity) in nesting.region_entity.iter().enumerate() {
        if let Some(slot) = entity.and_then(|e| stands_for.get_mut(e)) {
            *slot = Some(r);
        }
    }
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); regions + 1];
    let outside = regions;
    let mut placed = vec![false; n];
    for &i in order.iter().map(|i| *i as usize).collect::<Vec<_>>().iter() {
        if i < n && !placed[i] && stands_for[i].is_none() {
            placed[i] = true;
            let region = nesting.entity_region[i].filter(|&r| r < regions);
            members[region.unwrap_or(outside)].push(i);
        }
    }
    // Those `order` left out, in list order.
    for i in 0..n {
        if !placed[i] && stands_for[i].is_none() {
            let region = nesting.entity_region[i].filter(|&r| r < regions);
            members[region.unwrap_or(outside)].push(i);
        }
    }
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); regions + 1];
    for (r, p) in parent.iter().enumerate() {
        children[p.unwrap_or(outside)].push(r);
    }
    let cell_of = |list: &[usize]| {
        list.iter()
            .filter_map(|&i| cells.get(i))
            .fold(CELL, |c, e| {
                [c[0].max(e[0].min(MAX_CELL_WIDTH)), c[1].max(e[1])]
            })
    };
    let cell: Vec<[f32; 2]> = members.iter().map(|list| cell_of(list)).collect();
    let mut sizes: Vec<Option<[f32; 2]>> = vec![None; regions];
    for r in 0..regions {
        size_of(r, &members, &children, &cell, &mut sizes);
    }
    let mut layout = Layout {
        cell: &cell,
        members: &members,
        children: &children,
        sizes: &sizes,
        positions: vec![[0.0, 0.0]; n],
        regions: Vec::new(),
        region_entity: &nesting.region_entity,
        outside,
    };
    // The top: its regions and a grid of the entities in none, packed like a region's contents.
    // (The entities in none on a wider grid: they sit beside the regions, not in a column.)
    let aspect = if aspect.is_finite() {
        aspect.clamp(0.3, 4.0)
    } else {
        1.4
    };
    let top = contents(
        &members[outside],
        &children[outside],
        &sizes,
        cell[outside],
        aspect,
    );
    layout.place_contents(outside, [0.0, 0.0], &top, 0);
    (layout.positions, layout.regions)
}

/// The boxes inside a region (or at the top): the grid of its members first, then its
/// sub-regions, largest first; each box's size and offset from the contents' corner, and the
/// size of the whole.
struct Contents {
    grid: Option<(usize, [f32; 2])>,
    boxes: Vec<(Option<usize>, [f32; 2], [f32; 2])>,
    size: [f32; 2],
}

fn contents(
    members: &[usize],
    children: &[usize],
    sizes: &[Option<[f32; 2]>],
    cell: [f32; 2],
    wide: f32,
) -> Contents {
    let mut regions: Vec<(Option<usize>, [f32; 2])> = children
        .iter()
        .map(|&r| {
            (
                Some(r),
                sizes.get(r).copied().flatten().unwrap_or([1.0, 1.0]),
            )
        })
        .collect();
    regions.sort_by(|a, b| (b.1[0] * b.1[1]).total_cmp(&(a.1[0] * a.1[1])));
    let k = members.len();
    // The grid of members as square as can be, or reflowed to stand beside the regions: as
    // many columns as any of a few shapes takes.
    let square = ((k as f32 * cell[1] / cell[0] * 1.6 * wide).sqrt().ceil() as usize).max(1);
    let tallest = regions.iter().map(|(_, s)| s[1]).fold(0.0, f32::max);
    let beside = ((k as f32 * cell[1] / tallest.max(cell[1])).ceil() as usize).max(1);
    let mut candidates = vec![square, beside, 1, k.max(1)];
    candidates.sort_unstable();
    candidates.dedup();
    let mut best: Option<(f32, Contents)> = None;
    for columns in candidates
        .into_iter()
        .filter(|&c| c >= 1 && (k == 0 || c <= k))
    {
        let grid = (k > 0).then(|| {
            let rows = k.div_ceil(columns);
            [columns as f32 * cell[0], rows as f32 * cell[1]]
        });
        let mut items: Vec<(Option<usize>, [f32; 2])> = Vec::new();
        if let Some(size) = grid {
            items.push((None, size));
        }
        items.extend(regions.iter().copied());
        // Rows about as wide as the boxes would be in a rectangle `wide` times wider than high
        // (never narrower than the widest), or all in one row: whichever is nearer that shape,
        // so a place holding one large place and a few entities sets them side by side.
        let area: f32 = items.iter().map(|(_, s)| (s[0] + PAD) * (s[1] + PAD)).sum();
        let widest = items.iter().map(|(_, s)| s[0]).fold(0.0, f32::max);
        for row_width in [((area * wide).sqrt() * 1.1).max(widest), f32::INFINITY] {
            let (boxes, size) = pack_rows(&items, row_width);
            let shape = (size[0].max(1e-3) / size[1].max(1e-3) / wide.max(1e-3))
                .ln()
                .abs();
            // A larger whole costs too: empty room is room names do not get.
            let misfit = shape + (size[0] * size[1] / area.max(1e-3)).ln();
            if best.as_ref().is_none_or(|(m, _)| misfit < *m) {
                best = Some((
                    misfit,
                    Contents {
                        grid: grid.map(|_| (columns, [0.0, 0.0])),
                        boxes,
                        size,
                    },
                ));
            }
        }
    }
    best.map(|(_, c)| c).unwrap_or(Contents {
        grid: None,
        boxes: Vec::new(),
        size: [0.0, 0.0],
    })
}

/// Boxes left to right in rows no wider than `row_width`: each one's offset, and the size of
/// the whole.
#[allow(clippy::type_complexity)]
fn pack_rows(
    items: &[(Option<usize>, [f32; 2])],
    row_width: f32,
) -> (Vec<(Option<usize>, [f32; 2], [f32; 2])>, [f32; 2]) {
    let mut boxes = Vec::with_capacity(items.len());
    let (mut x, mut y, mut row_height, mut width) = (0.0f32, 0.0f32, 0.0f32, 0.0f32);
    for &(region, size) in items {
        if x > 0.0 && x + size[0] > row_width {
            x = 0.0;
            y += row_height + PAD;
            row_height = 0.0;
        }
        boxes.push((region, [x, y], size));
        x += size[0] + PAD;
        width = width.max(x - PAD);
        row_height = row_height.max(size[1]);
    }
    (boxes, [width, y + row_height])
}

/// The size of region `r`, from its contents (computed once; a region reached again while its
/// size is being worked out counts as empty, which only a cycle can do).
fn size_of(
    r: usize,
    members: &[Vec<usize>],
    children: &[Vec<usize>],
    cell: &[[f32; 2]],
    sizes: &mut Vec<Option<[f32; 2]>>,
) -> [f32; 2] {
    if let Some(Some(size)) = sizes.get(r) {
        return *size;
    }
    if let Some(slot) = sizes.get_mut(r) {
        *slot = Some([MIN_WIDTH, TITLE + 2.0 * PAD]);
    }
    for &child in children.get(r).map_or(&[][..], Vec::as_slice) {
        size_of(child, members, children, cell, sizes);
    }
    let inside = contents(
        members.get(r).map_or(&[][..], Vec::as_slice),
        children.get(r).map_or(&[][..], Vec::as_slice),
        sizes,
        cell.get(r).copied().unwrap_or(CELL),
        1.0,
    );
    let size = [
        (inside.size[0] + 2.0 * PAD).max(MIN_WIDTH),
        inside.size[1] + TITLE + 2.0 * PAD,
    ];
    if let Some(slot) = sizes.get_mut(r) {
        *slot = Some(size);
    }
    size
}

struct Layout<'a> {
    cell: &'a [[f32; 2]],
    members: &'a [Vec<usize>],
    children: &'a [Vec<usize>],
    sizes: &'a [Option<[f32; 2]>],
    positions: Vec<Point>,
    regions: Vec<Region>,
    region_entity: &'a [Option<usize>],
    /// The index standing for the top (no region) in `members` and `children`.
    outside: usize,
}

impl Layout<'_> {
    /// Places the contents of `region` (or of the top) from `corner`.
    fn place_contents(&mut self, region: usize, corner: Point, inside: &Contents, depth: usize) {
        let members = self.members.get(region).map_or(&[][..], Vec::as_slice);
        for &(sub, offset, size) in &inside.boxes {
            let at = [corner[0] + offset[0], corner[1] + offset[1]];
            match sub {
                None => {
                    let columns = inside.grid.map_or(1, |(c, _)| c).max(1);
                    let cell = self.cell.get(region).copied().unwrap_or(CELL);
                    for (k, &i) in members.iter().enumerate() {
                        let (column, row) = (k % columns, k / columns);
                        if let Some(p) = self.positions.get_mut(i) {
                            *p = [
                                at[0] + column as f32 * cell[0] + 0.25,
                                at[1] + row as f32 * cell[1] + cell[1] / 2.0,
                            ];
                        }
                    }
                }
                Some(r) => {
                    let parent = (region != self.outside).then_some(region);
                    self.place_region(r, parent, at, size, depth);
                }
            }
        }
    }

    fn place_region(
        &mut self,
        r: usize,
        parent: Option<usize>,
        at: Point,
        size: [f32; 2],
        depth: usize,
    ) {
        self.regions.push(Region {
            index: r,
            min: at,
            max: [at[0] + size[0], at[1] + size[1]],
            depth,
            parent,
        });
        if let Some(p) = self
            .region_entity
            .get(r)
            .copied()
            .flatten()
            .and_then(|e| self.positions.get_mut(e))
        {
            *p = [at[0] + PAD + 0.25, at[1] + PAD + TITLE / 2.0 - 0.1];
        }
        let inside = contents(
            self.members.get(r).map_or(&[][..], Vec::as_slice),
            self.children.get(r).map_or(&[][..], Vec::as_slice),
            self.sizes,
            self.cell.get(r).copied().unwrap_or(CELL),
            1.0,
        );
        self.place_contents(r, [at[0] + PAD, at[1] + PAD + TITLE], &inside, depth + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inside(p: Point, r: &Region) -> bool {
        p[0] > r.min[0] && p[0] < r.max[0] && p[1] > r.min[1] && p[1] < r.max[1]
    }

    fn overlap(a: &Region, b: &Region) -> bool {
        a.min[0] < b.max[0] && b.min[0] < a.max[0] && a.min[1] < b.max[1] && b.min[1] < a.max[1]
    }

    /// A district (region 0, entity 0) holding a town (region 1, entity 1) and a park
    /// (region 2, entity 2); firms 3–6 in the town, 7 in the park, 8 in the district, 9 in none.
    fn district() -> Nesting {
        Nesting {
            region_parent: vec![None, Some(0), Some(0)],
            region_entity: vec![Some(0), Some(1), Some(2)],
            entity_region: vec![
                None,
                Some(0),
                Some(0),
                Some(1),
                Some(1),
                Some(1),
                Some(1),
                Some(2),
                Some(0),
                None,
            ],
        }
    }

    #[test]
    fn every_entity_lies_in_its_region_and_regions_nest_without_overlapping() {
        let nesting = district();
        let order: Vec<u32> = (0..10).collect();
        let (p, regions) = nested(&nesting, &order, &[], 1.5);
        let region = |r: usize| regions.iter().find(|g| g.index == r).expect("laid out");
        for (i, r) in nesting.entity_region.iter().enumerate() {
            if let Some(r) = r {
                assert!(inside(p[i], region(*r)), "entity {i} in region {r}");
            }
        }
        // A place's own node stands in its own region (at its title).
        assert!(inside(p[1], region(1)) && inside(p[2], region(2)));
        // Town and park inside the district, apart from each other.
        for child in [1, 2] {
            let (c, d) = (region(child), region(0));
            assert!(c.min[0] >= d.min[0] && c.max[0] <= d.max[0]);
            assert!(c.min[1] >= d.min[1] && c.max[1] <= d.max[1]);
            assert_eq!(c.depth, 1);
            assert_eq!(c.parent, Some(0));
        }
        assert!(!overlap(region(1), region(2)));
        // The one in no place is outside every region.
        assert!(regions.iter().all(|r| !inside(p[9], r)));
        // No two members share a place.
        for i in 0..10 {
            for j in i + 1..10 {
                assert!(p[i] != p[j], "{i} and {j}");
            }
        }
    }

    #[test]
    fn a_cycle_of_places_is_laid_out_all_the_same() {
        let nesting = Nesting {
            region_parent: vec![Some(1), Some(0)],
            region_entity: vec![Some(0), Some(1)],
            entity_region: vec![Some(1), Some(0), Some(0)],
        };
        let (p, regions) = nested(&nesting, &[2, 1, 0], &[], 1.5);
        assert_eq!(p.len(), 3);
        assert_eq!(regions.len(), 2);
        assert!(
            regions.iter().all(|r| r.parent.is_none()),
            "the cycle is broken at the top"
        );
        assert!(p.iter().flatten().all(|c| c.is_finite()));
    }
}
