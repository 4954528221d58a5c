//! The open document: a model, where it came from, and what is derived from it (index, problems).

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::io::Origin;
use crate::layout::Point;
use crate::model::filter::{Link, links};
use crate::model::metrics::simple_graph_indexed;
use crate::model::{Index, Model, Pin, Problem, Severity, validate};

/// Every state of every document gets its own number, so views can tell when their caches are stale.
static REVISIONS: AtomicU64 = AtomicU64::new(1);

fn next_revision() -> u64 {
    REVISIONS.fetch_add(1, Ordering::Relaxed)
}

/// A model as the app holds it. Derived data is rebuilt in one place, [`Document::new`], so it
/// can never go stale.
pub struct Document {
    pub model: Model,
    pub origin: Origin,
    pub index: Index,
    pub problems: Vec<Problem>,
    /// The undirected simple graph the metrics, the layout and the network view all share:
    /// sorted neighbour lists, relations plus locations. Shared with worker threads.
    pub graph: Arc<Vec<Vec<usize>>>,
    /// The lines the network view draws: every relation and every location.
    pub links: Vec<Link>,
    /// Where the user pinned each entity in the network view, if anywhere.
    pub pins: Vec<Option<Point>>,
    /// Changes whenever anything above changes.
    pub revision: u64,
}

impl Document {
    pub fn new(model: Model, origin: Origin) -> Self {
        let index = Index::new(&model);
        let problems = validate(&model);
        let graph = Arc::new(simple_graph_indexed(&model, &index));
        let links = links(&model, &index);
        let pins = pins_of(&model, &index);
        Self {
            model,
            origin,
            index,
            problems,
            graph,
            links,
            pins,
            revision: next_revision(),
        }
    }

    /// Pins entity `entity` (an index) at `at` in the network layout, kept in the model's layout
    /// section so the arrangement is saved with it.
    pub fn pin(&mut self, entity: usize, at: Point) {
        let Some(id) = self.model.entities.get(entity).map(|e| e.id.clone()) else {
            return;
        };
        let pin = Pin {
            entity: id,
            x: at[0],
            y: at[1],
        };
        match self
            .model
            .layout
            .iter_mut()
            .find(|p| p.entity == pin.entity)
        {
            Some(existing) => *existing = pin,
            None => self.model.layout.push(pin),
        }
        self.pins[entity] = Some(at);
        self.problems = validate(&self.model);
        self.revision = next_revision();
    }

    pub fn error_count(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
    }

    pub fn warning_count(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Warning)
            .count()
    }
}

/// The first pin of each entity that has one, with a usable position.
fn pins_of(model: &Model, index: &Index) -> Vec<Option<Point>> {
    let mut pins = vec![None; model.entities.len()];
    for pin in &model.layout {
        if let Some(i) = index.get(&pin.entity)
            && pins[i].is_none()
            && pin.x.is_finite()
            && pin.y.is_finite()
        {
            pins[i] = Some([pin.x, pin.y]);
        }
    }
    pins
}
