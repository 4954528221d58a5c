//! Changes to a model as undoable steps. An [`Edit`] is a list of primitive operations; applying
//! one returns its inverse, so undo restores the model exactly (order of entities and relations
//! included) and redo replays it. Entities are named by id; an edit that does not fit the model
//! ([`EditError`]) changes nothing. No egui here.

use crate::model::{Entity, Indicator, Milestone, Model, Pin, Relation, Sector, Slide, Source};

/// One primitive change to a model.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// Replaces the entity with this id (the id may change with it: a renamed id).
    SetEntity(String, Box<Entity>),
    /// Puts an entity at this place in the list (a place, not an identity: undo restores the
    /// order exactly).
    InsertEntity(usize, Box<Entity>),
    /// Removes the entity with this id.
    RemoveEntity(String),
    SetRelation(usize, Relation),
    InsertRelation(usize, Relation),
    RemoveRelation(usize),
    /// The whole layout section (it is small: one pin per entity at most).
    SetLayout(Vec<Pin>),
    /// One indicator with all its points (a few dozen at most).
    SetIndicator(usize, Box<Indicator>),
    InsertIndicator(usize, Box<Indicator>),
    RemoveIndicator(usize),
    /// The whole list of sources (dozens; editing one rewrites the list).
    SetSources(Vec<Source>),
    /// The whole list of sectors.
    SetSectors(Vec<Sector>),
    /// The whole list of milestones.
    SetMilestones(Vec<Milestone>),
    /// The whole story (a few dozen slides at most).
    SetStory(Vec<Slide>),
}

/// What an applied operation changed, as far as what is derived from the model cares: the
/// document re-derives only that (see `Document::apply`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Touched {
    /// Entity `i` changed, but not its id, kind or location (a rename, a figure, a date…).
    Entity(usize),
    /// Relation `r` changed, but not its ends or kind (dates, note, sources…).
    Relation(usize),
    /// The pins of the layout section.
    Layout,
    /// Indicators, milestones or the story.
    Notes,
    /// Anything else: ids, kinds, places, ends, what exists, sources or sectors.
    Structure,
}

/// Why an edit could not be applied. Only a bug, or an edit kept past the change it was built
/// on, can make one; the model is left as it was.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("the edit refers to item {index} of {list}, which has {len}")]
    OutOfRange {
        list: &'static str,
        index: usize,
        len: usize,
    },
    #[error("the edit refers to entity {id}, which the model does not have")]
    Missing { id: String },
    /// Two entities share the id (the model's problems list says so): which one is meant is
    /// unknown, so neither is changed.
    #[error("the edit refers to entity {id}, which {count} entities share")]
    Ambiguous { id: String, count: usize },
    /// The document changed after the edit was built (revision `built_on`, now `now`).
    #[error("the edit was made for an earlier state of the model ({built_on}, now {now})")]
    Stale { built_on: u64, now: u64 },
}

/// The place of the one entity with `id`.
fn entity_at(model: &Model, id: &str) -> Result<usize, EditError> {
    let mut found = model
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.id == id)
        .map(|(i, _)| i);
    let first = found
        .next()
        .ok_or_else(|| EditError::Missing { id: id.to_owned() })?;
    let others = found.count();
    if others > 0 {
        return Err(EditError::Ambiguous {
            id: id.to_owned(),
            count: others + 1,
        });
    }
    Ok(first)
}

impl Op {
    /// Applies the operation, returning the one that undoes it.
    pub fn apply(self, model: &mut Model) -> Result<Op, EditError> {
        self.apply_touching(model).map(|(undo, _)| undo)
    }

    /// Applies the operation, returning the one that undoes it and what it changed.
    pub fn apply_touching(self, model: &mut Model) -> Result<(Op, Touched), EditError> {
        fn check(list: &'static str, index: usize, len: usize) -> Result<(), EditError> {
            if index < len {
                Ok(())
            } else {
                Err(EditError::OutOfRange { list, index, len })
            }
        }
        Ok(match self {
            Op::SetEntity(id, entity) => {
                let i = entity_at(model, &id)?;
                let new_id = entity.id.clone();
                let old = std::mem::replace(&mut model.entities[i], *entity);
                let new = &model.entities[i];
                let touched =
                    if old.id == new.id && old.kind == new.kind && old.location == new.location {
                        Touched::Entity(i)
                    } else {
                        Touched::Structure
                    };
                (Op::SetEntity(new_id, Box::new(old)), touched)
            }
            Op::InsertEntity(i, entity) => {
                check("entities", i, model.entities.len() + 1)?;
                let id = entity.id.clone();
                model.entities.insert(i, *entity);
                (Op::RemoveEntity(id), Touched::Structure)
            }
            Op::RemoveEntity(id) => {
                let i = entity_at(model, &id)?;
                let undo = Op::InsertEntity(i, Box::new(model.entities.remove(i)));
                (undo, Touched::Structure)
            }
            Op::SetRelation(i, relation) => {
                check("relations", i, model.relations.len())?;
                let old = std::mem::replace(&mut model.relations[i], relation);
                let new = &model.relations[i];
                let touched = if old.from == new.from && old.to == new.to && old.kind == new.kind {
                    Touched::Relation(i)
                } else {
                    Touched::Structure
                };
                (Op::SetRelation(i, old), touched)
            }
            Op::InsertRelation(i, relation) => {
                check("relations", i, model.relations.len() + 1)?;
                model.relations.insert(i, relation);
                (Op::RemoveRelation(i), Touched::Structure)
            }
            Op::RemoveRelation(i) => {
                check("relations", i, model.relations.len())?;
                let undo = Op::InsertRelation(i, model.relations.remove(i));
                (undo, Touched::Structure)
            }
            Op::SetLayout(pins) => (
                Op::SetLayout(std::mem::replace(&mut model.layout, pins)),
                Touched::Layout,
            ),
            Op::SetIndicator(i, indicator) => {
                check("indicators", i, model.indicators.len())?;
                let old = std::mem::replace(&mut model.indicators[i], *indicator);
                (Op::SetIndicator(i, Box::new(old)), Touched::Notes)
            }
            Op::InsertIndicator(i, indicator) => {
                check("indicators", i, model.indicators.len() + 1)?;
                model.indicators.insert(i, *indicator);
                (Op::RemoveIndicator(i), Touched::Notes)
            }
            Op::RemoveIndicator(i) => {
                check("indicators", i, model.indicators.len())?;
                let undo = Op::InsertIndicator(i, Box::new(model.indicators.remove(i)));
                (undo, Touched::Notes)
            }
            Op::SetSources(list) => (
                Op::SetSources(std::mem::replace(&mut model.sources, list)),
                Touched::Structure,
            ),
            Op::SetSectors(list) => (
                Op::SetSectors(std::mem::replace(&mut model.sectors, list)),
                Touched::Structure,
            ),
            Op::SetMilestones(list) => (
                Op::SetMilestones(std::mem::replace(&mut model.milestones, list)),
                Touched::Notes,
            ),
            Op::SetStory(list) => (
                Op::SetStory(std::mem::replace(&mut model.story, list)),
                Touched::Notes,
            ),
        })
    }
}

/// A step the user can undo: what it is called and what it does.
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    /// "rename 阿里云", "delete 甲公司" — shown as "Undo rename 阿里云".
    pub label: String,
    pub ops: Vec<Op>,
    /// Consecutive edits with the same key are one step (the letters of a typed word, say).
    pub merge_key: Option<String>,
    /// The document's revision the edit was built against, when a panel built it: applied to
    /// any other, it is refused ([`EditError::Stale`]) rather than misapplied.
    pub built_on: Option<u64>,
}

impl Edit {
    pub fn new(label: impl Into<String>, ops: Vec<Op>) -> Self {
        Self {
            label: label.into(),
            ops,
            merge_key: None,
            built_on: None,
        }
    }

    /// The edit, for the document at `revision` only.
    pub fn built_on(mut self, revision: u64) -> Self {
        self.built_on = Some(revision);
        self
    }

    pub fn merging(mut self, key: impl Into<String>) -> Self {
        self.merge_key = Some(key.into());
        self
    }

    /// Merges with the edits of the same key when there is one (typing), not when there is
    /// none (adding or deleting something).
    pub fn merging_if(mut self, key: Option<String>) -> Self {
        self.merge_key = key;
        self
    }

    /// The edit that replaces the entity with id `id` with `entity`.
    pub fn set_entity(label: impl Into<String>, id: &str, entity: Entity) -> Self {
        Self::new(label, vec![Op::SetEntity(id.to_owned(), Box::new(entity))])
    }

    /// Removes entity `index` and every relation that names it (their indices, descending, so
    /// each removal leaves the others' indices valid).
    pub fn remove_entity(label: impl Into<String>, model: &Model, index: usize) -> Self {
        let mut ops: Vec<Op> = Vec::new();
        if let Some(entity) = model.entities.get(index) {
            let id = &entity.id;
            ops.extend(
                model
                    .relations
                    .iter()
                    .enumerate()
                    .rev()
                    .filter(|(_, r)| &r.from == id || &r.to == id)
                    .map(|(r, _)| Op::RemoveRelation(r)),
            );
            if model.layout.iter().any(|p| &p.entity == id) {
                let kept = model
                    .layout
                    .iter()
                    .filter(|p| &p.entity != id)
                    .cloned()
                    .collect();
                ops.push(Op::SetLayout(kept));
            }
            ops.push(Op::RemoveEntity(id.clone()));
        }
        Self::new(label, ops)
    }
}

/// An applied edit with what undoes it.
#[derive(Clone, Debug)]
struct Done {
    edit: Edit,
    inverse: Vec<Op>,
}

/// Undo and redo stacks, unlimited, and which point of them is saved on disk.
#[derive(Clone, Debug, Default)]
pub struct History {
    done: Vec<Done>,
    undone: Vec<Done>,
    /// How many steps were done when the model was last saved (or opened); `None` when that
    /// state can no longer be reached (it was undone, then something else was done).
    saved_at: Option<usize>,
}

impl History {
    pub fn new() -> Self {
        Self {
            saved_at: Some(0),
            ..Self::default()
        }
    }

    /// Applies `edit` to `model` and records it; returns what it changed. On an error nothing
    /// is changed.
    pub fn apply(&mut self, model: &mut Model, edit: Edit) -> Result<Vec<Touched>, EditError> {
        let (inverse, touched) = apply_all(model, edit.ops.clone())?;
        let merges = edit.merge_key.is_some()
            && self.undone.is_empty()
            && self.saved_at != Some(self.done.len())
            && self
                .done
                .last()
                .is_some_and(|last| last.edit.merge_key == edit.merge_key);
        if merges && let Some(last) = self.done.last_mut() {
            // Undo of the merged step goes back to before the first of them.
            last.edit.ops = edit.ops;
            last.edit.label = edit.label;
            return Ok(touched);
        }
        if self.saved_at.is_some_and(|s| s > self.done.len()) {
            self.saved_at = None;
        }
        self.undone.clear();
        self.done.push(Done { edit, inverse });
        Ok(touched)
    }

    /// Undoes the last step; returns its label and what it changed. A step that cannot be
    /// undone (only a bug can make one) stays where it was, the model unchanged, and the error
    /// says why.
    pub fn undo(&mut self, model: &mut Model) -> Result<Option<(String, Vec<Touched>)>, EditError> {
        let Some(step) = self.done.pop() else {
            return Ok(None);
        };
        let touched = match apply_all(model, step.inverse.clone()) {
            Ok((_, touched)) => touched,
            Err(error) => {
                self.done.push(step);
                return Err(error);
            }
        };
        let label = step.edit.label.clone();
        self.undone.push(step);
        Ok(Some((label, touched)))
    }

    /// Redoes the last undone step; one that cannot be redone stays to be redone.
    pub fn redo(&mut self, model: &mut Model) -> Result<Option<(String, Vec<Touched>)>, EditError> {
        let Some(step) = self.undone.pop() else {
            return Ok(None);
        };
        let touched = match apply_all(model, step.edit.ops.clone()) {
            Ok((_, touched)) => touched,
            Err(error) => {
                self.undone.push(step);
                return Err(error);
            }
        };
        let label = step.edit.label.clone();
        self.done.push(step);
        Ok(Some((label, touched)))
    }

    /// What Undo would undo, and Redo redo.
    pub fn undo_label(&self) -> Option<&str> {
        self.done.last().map(|d| d.edit.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.undone.last().map(|d| d.edit.label.as_str())
    }

    pub fn mark_saved(&mut self) {
        self.saved_at = Some(self.done.len());
    }

    /// The model no longer matches any saved file (it was restored from a recovery copy).
    pub fn forget_saved(&mut self) {
        self.saved_at = None;
    }

    /// Whether the model differs from the saved one.
    pub fn is_modified(&self) -> bool {
        self.saved_at != Some(self.done.len())
    }
}

/// Applies operations in order; if one fails, undoes those already applied.
fn apply_all(model: &mut Model, ops: Vec<Op>) -> Result<(Vec<Op>, Vec<Touched>), EditError> {
    let mut inverse = Vec::with_capacity(ops.len());
    let mut touched = Vec::with_capacity(ops.len());
    for op in ops {
        match op.apply_touching(model) {
            Ok((undo, touch)) => {
                inverse.push(undo);
                touched.push(touch);
            }
            Err(error) => {
                for undo in inverse.into_iter().rev() {
                    let _ = undo.apply(model);
                }
                return Err(error);
            }
        }
    }
    inverse.reverse();
    Ok((inverse, touched))
}

/// The one edit that makes `before` into `after` where `after` is `before` with entities and
/// relations changed in place or added at the end, and its sources changed (what a merged
/// import makes): undone in one step.
pub fn merge(label: impl Into<String>, before: &Model, after: &Model) -> Edit {
    let mut ops = Vec::new();
    // In place or at the end, so each is compared with the one at its place (no search by id).
    for (i, entity) in after.entities.iter().enumerate() {
        match before.entities.get(i) {
            Some(old) if old == entity => {}
            Some(_) => ops.push(Op::SetEntity(entity.id.clone(), Box::new(entity.clone()))),
            None => ops.push(Op::InsertEntity(i, Box::new(entity.clone()))),
        }
    }
    for (i, relation) in after.relations.iter().enumerate() {
        match before.relations.get(i) {
            Some(old) if old == relation => {}
            Some(_) => ops.push(Op::SetRelation(i, relation.clone())),
            None => ops.push(Op::InsertRelation(i, relation.clone())),
        }
    }
    if before.sources != after.sources {
        ops.push(Op::SetSources(after.sources.clone()));
    }
    Edit::new(label, ops)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityKind, RelationKind, Text};

    fn model() -> Model {
        let mut model = Model::new(Text::new("镇", "Town"));
        for id in ["a", "b", "c"] {
            model
                .entities
                .push(Entity::new(id, EntityKind::Enterprise, Text::new(id, id)));
        }
        for (from, to) in [("a", "b"), ("b", "c"), ("c", "a")] {
            model
                .relations
                .push(Relation::new(RelationKind::PartnersWith, from, to));
        }
        model
    }

    fn renamed(model: &Model, index: usize, name: &str) -> Edit {
        let mut entity = model.entities[index].clone();
        let id = entity.id.clone();
        entity.name.zh = name.into();
        Edit::set_entity(format!("rename {name}"), &id, entity).merging(format!("name-{index}"))
    }

    #[test]
    fn deleting_an_entity_takes_its_relations_and_undo_brings_all_back_in_order() {
        let original = model();
        let mut model = original.clone();
        let mut history = History::new();
        let edit = Edit::remove_entity("delete b", &model, 1);
        history.apply(&mut model, edit).expect("applies");
        assert_eq!(model.entities.len(), 2);
        assert_eq!(model.relations.len(), 1, "only c — a stays");
        assert!(history.is_modified());
        assert_eq!(
            history
                .undo(&mut model)
                .expect("undoes")
                .map(|(label, _)| label)
                .as_deref(),
            Some("delete b")
        );
        assert_eq!(model, original);
        assert!(!history.is_modified());
        history.redo(&mut model).expect("redoes");
        assert_eq!(model.relations.len(), 1);
    }

    #[test]
    fn typing_is_one_step_and_undo_returns_to_before_the_first_letter() {
        let original = model();
        let mut model = original.clone();
        let mut history = History::new();
        for name in ["阿", "阿里", "阿里云"] {
            let edit = renamed(&model, 0, name);
            history.apply(&mut model, edit).expect("applies");
        }
        assert_eq!(model.entities[0].name.zh, "阿里云");
        assert_eq!(history.undo_label(), Some("rename 阿里云"));
        history.undo(&mut model).expect("undoes");
        assert_eq!(model, original);
        assert_eq!(history.undo_label(), None);
    }

    #[test]
    fn a_new_edit_after_undo_forgets_the_redo_and_the_saved_state_is_tracked() {
        let mut model = model();
        let mut history = History::new();
        let edit = renamed(&model, 0, "x");
        history.apply(&mut model, edit).expect("applies");
        history.mark_saved();
        assert!(!history.is_modified());
        history.undo(&mut model).expect("undoes");
        assert!(history.is_modified(), "the saved state had the rename");
        let edit = renamed(&model, 1, "y");
        history.apply(&mut model, edit).expect("applies");
        assert_eq!(history.redo_label(), None);
        assert!(
            history.is_modified(),
            "the saved state can no longer be reached"
        );
        history.undo(&mut model).expect("undoes");
        assert!(history.is_modified());
    }

    #[test]
    fn an_edit_that_does_not_fit_the_model_changes_nothing() {
        let original = model();
        let mut model = original.clone();
        let mut history = History::new();
        let edit = Edit::new(
            "bad",
            vec![Op::RemoveRelation(0), Op::RemoveEntity("no-such".into())],
        );
        assert_eq!(
            history.apply(&mut model, edit),
            Err(EditError::Missing {
                id: "no-such".into()
            })
        );
        assert_eq!(model, original);
        assert!(!history.is_modified());
    }

    #[test]
    fn an_entity_two_share_the_id_of_is_changed_neither() {
        let mut model = model();
        let mut twin = model.entities[1].clone();
        twin.name.zh = "孪生".into();
        model.entities.push(twin);
        let before = model.clone();
        let mut history = History::new();
        let id = model.entities[1].id.clone();
        let mut renamed = model.entities[1].clone();
        renamed.name.zh = "改名".into();
        let result = history.apply(&mut model, Edit::set_entity("rename", &id, renamed));
        assert_eq!(result, Err(EditError::Ambiguous { id, count: 2 }));
        assert_eq!(model, before);
    }

    #[test]
    fn an_entity_found_by_id_keeps_its_place_when_its_id_changes_and_undo_restores_it() {
        let original = model();
        let mut model = original.clone();
        let mut history = History::new();
        let old_id = model.entities[1].id.clone();
        let mut entity = model.entities[1].clone();
        entity.id = "renamed-id".into();
        history
            .apply(&mut model, Edit::set_entity("id", &old_id, entity))
            .expect("applies");
        assert_eq!(model.entities[1].id, "renamed-id");
        history.undo(&mut model).expect("undoes");
        assert_eq!(model, original);
        history.redo(&mut model).expect("redoes");
        assert_eq!(model.entities[1].id, "renamed-id");
    }

    #[test]
    fn a_step_that_cannot_be_undone_stays_and_says_why() {
        let mut model = model();
        let mut history = History::new();
        let edit = Edit::remove_entity("remove", &model, 1);
        history.apply(&mut model, edit).expect("applies");
        // The model changed under the history (a bug's doing): undo cannot put the entity back
        // at index 1 of an empty list.
        model.entities.clear();
        let before = model.clone();
        assert!(history.undo(&mut model).is_err());
        assert_eq!(model, before, "nothing half-undone");
        assert_eq!(
            history.undo_label(),
            Some("remove"),
            "the step is still there to undo"
        );
    }

    #[test]
    fn an_edit_says_whether_it_changed_only_one_fact_or_the_structure() {
        let mut model = model();
        let mut history = History::new();
        let rename = renamed(&model, 1, "乙");
        let touched = history.apply(&mut model, rename).expect("applies");
        assert_eq!(touched, [Touched::Entity(1)], "a rename");

        let mut relation = model.relations[2].clone();
        relation.note = Text::new("合作", "");
        let note = Edit::new("note", vec![Op::SetRelation(2, relation.clone())]);
        assert_eq!(
            history.apply(&mut model, note),
            Ok(vec![Touched::Relation(2)])
        );

        relation.to = "b".into();
        let other_end = Edit::new("end", vec![Op::SetRelation(2, relation)]);
        assert_eq!(
            history.apply(&mut model, other_end),
            Ok(vec![Touched::Structure])
        );

        for change in [
            |e: &mut Entity| e.id = "z".into(),
            |e: &mut Entity| e.kind = EntityKind::Fund,
            |e: &mut Entity| e.location = Some("c".into()),
        ] {
            let mut entity = model.entities[0].clone();
            let id = entity.id.clone();
            change(&mut entity);
            let edit = Edit::set_entity("change", &id, entity);
            assert_eq!(
                history.apply(&mut model, edit),
                Ok(vec![Touched::Structure])
            );
        }
        assert_eq!(
            history.undo(&mut model).map(|step| step.map(|(_, t)| t)),
            Ok(Some(vec![Touched::Structure])),
            "undoing a change of place"
        );
    }
}
