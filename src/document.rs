//! The open document: a model, where it came from, and what is derived from it (index, problems).

use std::sync::Arc;

use crate::io::Origin;
use crate::model::metrics::simple_graph;
use crate::model::{Index, Model, Problem, Severity, validate};

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
}

impl Document {
    pub fn new(model: Model, origin: Origin) -> Self {
        let index = Index::new(&model);
        let problems = validate(&model);
        let graph = Arc::new(simple_graph(&model));
        Self {
            model,
            origin,
            index,
            problems,
            graph,
        }
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
