//! The open document: a model, where it came from, and what is derived from it (index, problems).

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::edit::{Edit, EditError, History, Op, Touched};
use crate::io::Origin;
use crate::layout::Point;
use crate::model::filter::{Link, links};
use crate::model::metrics::simple_graph_indexed;
use crate::model::{Findings, Index, Model, Pin, Problem, Severity};

/// Every state of every document gets its own number, so views can tell when their caches are stale.
static REVISIONS: AtomicU64 = AtomicU64::new(1);

fn next_revision() -> u64 {
    REVISIONS.fetch_add(1, Ordering::Relaxed)
}

/// A model as the app holds it. Derived data is built in [`Document::new`] and brought up to
/// date in one place, [`Document::refresh`], after every change; the fields are private so that
/// [`Document::apply`] (with undo and redo) stays the one way the model changes.
pub struct Document {
    model: Model,
    origin: Origin,
    index: Index,
    /// The index as it was before the last change, when that change was one of structure (ids,
    /// places, what exists): views keep what they hold by id across it.
    index_before: Option<Index>,
    findings: Findings,
    /// The undirected simple graph the metrics, the layout and the network view all share:
    /// sorted neighbour lists, relations plus locations. Shared with worker threads.
    graph: Arc<Vec<Vec<usize>>>,
    /// The lines the network view draws: every relation and every location.
    links: Vec<Link>,
    /// Where the user pinned each entity in the network view, if anywhere.
    pins: Vec<Option<Point>>,
    /// Changes whenever anything above changes.
    revision: u64,
    /// Changes when the index, graph and lines may have: ids, kinds, places, relations' ends.
    structure_revision: u64,
    /// Changes when a relation's own facts (dates, disputes, sources) or the structure may have.
    relations_revision: u64,
    /// The revision before the last change and what that change touched: a view holding that
    /// revision brings itself up to date by what was touched instead of rebuilding.
    last_change: Option<(u64, Vec<Touched>)>,
    /// Every edit since the model was opened, for undo and redo and the unsaved mark.
    history: History,
}

impl Document {
    pub fn new(model: Model, origin: Origin) -> Self {
        let Derived {
            index,
            findings,
            graph,
            links,
            pins,
        } = Derived::of(&model);
        Self {
            model,
            origin,
            index,
            index_before: None,
            findings,
            graph,
            links,
            pins,
            revision: next_revision(),
            structure_revision: next_revision(),
            relations_revision: next_revision(),
            last_change: None,
            history: History::new(),
        }
    }

    /// Applies an edit — the one way the model changes — and brings everything derived up to
    /// date. An edit that does not fit the model changes nothing.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        if let Some(built_on) = edit.built_on
            && built_on != self.revision
        {
            return Err(EditError::Stale {
                built_on,
                now: self.revision,
            });
        }
        let touched = self.history.apply(&mut self.model, edit)?;
        self.refresh(&touched);
        Ok(())
    }

    /// Undoes the last edit; returns its label (none when there was nothing to undo). A step
    /// that cannot be undone stays on the stack and the error says why.
    pub fn undo(&mut self) -> Result<Option<String>, EditError> {
        let undone = self.history.undo(&mut self.model)?;
        Ok(undone.map(|(label, touched)| {
            self.refresh(&touched);
            label
        }))
    }

    /// Redoes the last undone edit; returns its label.
    pub fn redo(&mut self) -> Result<Option<String>, EditError> {
        let redone = self.history.redo(&mut self.model)?;
        Ok(redone.map(|(label, touched)| {
            self.refresh(&touched);
            label
        }))
    }

    /// The model, to read; it changes only through [`Document::apply`], undo and redo.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Where the model came from.
    pub fn origin(&self) -> &Origin {
        &self.origin
    }

    /// Entities by id, relations by entity, places' contents.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// Where each id was before the last change, when that change was one of structure.
    pub fn index_before(&self) -> Option<&Index> {
        self.index_before.as_ref()
    }

    /// What validation finds in the model.
    pub fn problems(&self) -> &[Problem] {
        self.findings.problems()
    }

    /// The undirected simple graph shared with the metrics, the layout and the network view.
    pub fn graph(&self) -> &Arc<Vec<Vec<usize>>> {
        &self.graph
    }

    /// The lines the network view draws: every relation and every location.
    pub fn links(&self) -> &[Link] {
        &self.links
    }

    /// Where the user pinned each entity in the network view, if anywhere.
    pub fn pins(&self) -> &[Option<Point>] {
        &self.pins
    }

    /// Changes whenever anything the document holds changes.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Changes whenever the index, the graph or the lines may have changed (not with an edit of
    /// one entity's or relation's own facts): what is built from those alone keeps to this.
    pub fn structure_revision(&self) -> u64 {
        self.structure_revision
    }

    /// Changes whenever a relation's own facts or the structure may have changed: what reads
    /// relations' dates or disputes keeps to this.
    pub fn relations_revision(&self) -> u64 {
        self.relations_revision
    }

    /// What changed since `revision`, when it was one change (by an edit, undo or redo; an
    /// empty list for a save, which changes nothing in the model); `None` when that is not
    /// known — rebuild.
    pub fn touched_since(&self, revision: u64) -> Option<&[Touched]> {
        match &self.last_change {
            Some((before, touched)) if *before == revision => Some(touched),
            _ => None,
        }
    }

    /// The edits since the model was opened.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// The model no longer matches any saved file (it was restored from a recovery copy).
    pub fn forget_saved(&mut self) {
        self.history.forget_saved();
    }

    pub fn is_modified(&self) -> bool {
        self.history.is_modified()
    }

    /// The model now matches the file at `origin`.
    pub fn mark_saved(&mut self, origin: Origin) {
        self.origin = origin;
        self.history.mark_saved();
        self.last_change = Some((self.revision, Vec::new()));
        self.revision = next_revision();
    }

    /// Brings what is derived from the model up to date after a change: an entity's or a
    /// relation's own facts are checked again alone (the index, graph and lines cannot have
    /// changed), anything structural rebuilds everything.
    fn refresh(&mut self, touched: &[Touched]) {
        self.last_change = Some((self.revision, touched.to_vec()));
        if touched.contains(&Touched::Structure) {
            self.rebuild();
            return;
        }
        if touched.iter().any(|t| matches!(t, Touched::Relation(_))) {
            self.relations_revision = next_revision();
        }
        self.index_before = None;
        let mut notes = false;
        for touch in touched {
            match *touch {
                Touched::Entity(i) => self.findings.recheck_entity(&self.model, &self.index, i),
                Touched::Relation(r) => {
                    self.findings.recheck_relation(&self.model, &self.index, r);
                }
                Touched::Layout => {
                    self.pins = pins_of(&self.model, &self.index);
                    notes = true;
                }
                Touched::Notes => notes = true,
                Touched::Structure => {}
            }
        }
        if notes {
            self.findings.recheck_rest(&self.model, &self.index);
        }
        self.revision = next_revision();
    }

    /// Rebuilds what is derived from the model. The graph is replaced only when it changed, so
    /// a change of place does not restart the layout or the metrics.
    fn rebuild(&mut self) {
        let derived = Derived::of(&self.model);
        self.index_before = Some(std::mem::replace(&mut self.index, derived.index));
        self.findings = derived.findings;
        if *self.graph != *derived.graph {
            self.graph = derived.graph;
        }
        self.links = derived.links;
        self.pins = derived.pins;
        self.revision = next_revision();
        self.structure_revision = next_revision();
        self.relations_revision = next_revision();
    }

    /// The edit that pins the entity with id `id` at `at` in the network layout, kept in the
    /// model's layout section so the arrangement is saved with it.
    pub fn pin_edit(&self, id: &str, at: Point, label: String) -> Option<Edit> {
        self.index.get(id)?;
        let mut layout = self.model.layout.clone();
        let pin = Pin {
            entity: id.to_owned(),
            x: at[0],
            y: at[1],
        };
        match layout.iter_mut().find(|p| p.entity == pin.entity) {
            Some(existing) => *existing = pin,
            None => layout.push(pin),
        }
        Some(Edit::new(label, vec![Op::SetLayout(layout)]))
    }

    pub fn error_count(&self) -> usize {
        self.problems()
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
    }

    pub fn warning_count(&self) -> usize {
        self.problems()
            .iter()
            .filter(|p| p.severity == Severity::Warning)
            .count()
    }
}

/// Everything derived from a model.
struct Derived {
    index: Index,
    findings: Findings,
    graph: Arc<Vec<Vec<usize>>>,
    links: Vec<Link>,
    pins: Vec<Option<Point>>,
}

impl Derived {
    /// Validation runs on a thread of its own beside the index, graph, lines and pins where the
    /// model is large enough for that to pay.
    fn of(model: &Model) -> Self {
        let structure = || {
            let index = Index::new(model);
            let graph = Arc::new(simple_graph_indexed(model, &index));
            let links = links(model, &index);
            let pins = pins_of(model, &index);
            (index, graph, links, pins)
        };
        let (findings, (index, graph, links, pins)) = if model.entities.len() >= 5_000 {
            std::thread::scope(|scope| {
                let findings = scope.spawn(|| Findings::of(model));
                let structure = structure();
                // A panic in validation is a bug: raised here as it would be without the thread.
                let findings = findings
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                (findings, structure)
            })
        } else {
            (Findings::of(model), structure())
        };
        Self {
            index,
            findings,
            graph,
            links,
            pins,
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityKind, Text};

    fn document() -> Document {
        let mut model = Model::new(Text::new("测试", "Test"));
        for id in ["a", "b"] {
            model.entities.push(crate::model::Entity::new(
                id,
                EntityKind::Enterprise,
                Text::new(id, id),
            ));
        }
        Document::new(model, Origin::Embedded)
    }

    fn rename(doc: &Document, name: &str) -> Edit {
        let mut entity = doc.model().entities[0].clone();
        entity.name.en = name.into();
        Edit::set_entity("rename", "a", entity)
    }

    #[test]
    fn an_edit_built_for_an_earlier_state_is_refused_not_misapplied() {
        let mut doc = document();
        let first = rename(&doc, "first").built_on(doc.revision());
        let second = rename(&doc, "second").built_on(doc.revision());
        doc.apply(first).expect("built on this state");
        let now = doc.revision();
        let before = doc.model().clone();
        assert!(matches!(
            doc.apply(second),
            Err(EditError::Stale { now: n, .. }) if n == now
        ));
        assert_eq!(doc.model(), &before, "nothing changed");
        assert_eq!(doc.revision(), now);
        assert_eq!(doc.history().undo_label(), Some("rename"));
    }

    #[test]
    fn what_an_edit_touched_is_known_for_one_change_only() {
        let mut doc = document();
        let (start, relations) = (doc.revision(), doc.relations_revision());
        doc.apply(rename(&doc, "first")).expect("applies");
        assert_eq!(doc.touched_since(start), Some(&[Touched::Entity(0)][..]));
        assert_eq!(
            doc.relations_revision(),
            relations,
            "a rename leaves relations"
        );
        let after_first = doc.revision();
        doc.apply(rename(&doc, "second")).expect("applies");
        assert_eq!(doc.touched_since(start), None, "two changes since: rebuild");
        assert!(doc.touched_since(after_first).is_some());
        // Adding a relation is structure: relations' revision changes with it.
        let relation =
            crate::model::Relation::new(crate::model::RelationKind::PartnersWith, "a", "b");
        let before = doc.revision();
        doc.apply(Edit::new(
            "relate",
            vec![Op::InsertRelation(0, relation.clone())],
        ))
        .expect("applies");
        assert_eq!(doc.touched_since(before), Some(&[Touched::Structure][..]));
        assert_ne!(doc.relations_revision(), relations);
        // A relation's own facts: the relations' revision, not the structure's.
        let (structure, relations) = (doc.structure_revision(), doc.relations_revision());
        let mut dated = relation;
        dated.since = Some(crate::model::Date::year(2016));
        doc.apply(Edit::new("date", vec![Op::SetRelation(0, dated)]))
            .expect("applies");
        assert_eq!(doc.structure_revision(), structure);
        assert_ne!(doc.relations_revision(), relations);
        let saved = doc.revision();
        doc.mark_saved(Origin::New);
        assert_eq!(
            doc.touched_since(saved),
            Some(&[][..]),
            "a save changes nothing"
        );
    }

    #[test]
    fn an_edit_for_this_state_applies() {
        let mut doc = document();
        let edit = rename(&doc, "renamed").built_on(doc.revision());
        doc.apply(edit).expect("applies");
        assert_eq!(doc.model().entities[0].name.en, "renamed");
    }
}
