//! What changed between two versions of a model: things added, removed, and changed field by
//! field (old → new). Entities, sources, sectors and indicators are matched by id, relations by
//! kind and ends, indicator points by date, milestones by date and title, pins by entity.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use super::{Entity, Indicator, Milestone, Model, Relation};

/// One difference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Added {
        what: String,
        entity: Option<String>,
    },
    Removed {
        what: String,
        entity: Option<String>,
    },
    Changed {
        what: String,
        entity: Option<String>,
        field: &'static str,
        old: String,
        new: String,
    },
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Added { what, .. } => write!(f, "+ {what}"),
            Self::Removed { what, .. } => write!(f, "- {what}"),
            Self::Changed {
                what,
                field,
                old,
                new,
                ..
            } => write!(f, "~ {what}: {field}: {old} → {new}"),
        }
    }
}

impl Change {
    /// The id of the entity the change is about (a relation's `from`, a pin's entity), if any.
    pub fn entity(&self) -> Option<&str> {
        match self {
            Self::Added { entity, .. }
            | Self::Removed { entity, .. }
            | Self::Changed { entity, .. } => entity.as_deref(),
        }
    }
}

/// A value as it is written in the file, on one line.
fn show<T: Serialize>(value: &T) -> String {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .to_string(value)
        .unwrap_or_else(|e| format!("<{e}>"))
}

/// The fields of a thing, by name, as written.
type Fields = Vec<(&'static str, String)>;

fn entity_fields(e: &Entity) -> Fields {
    vec![
        ("kind", show(&e.kind)),
        ("name", show(&e.name)),
        ("subkind", show(&e.subkind)),
        ("sectors", show(&e.sectors)),
        ("founded", show(&e.founded)),
        ("joined", show(&e.joined)),
        ("ended", show(&e.ended)),
        ("location", show(&e.location)),
        ("coordinates", show(&e.coordinates)),
        ("website", show(&e.website)),
        ("figures", show(&e.figures)),
        ("policy", show(&e.policy)),
        ("editions", show(&e.editions)),
        ("description", show(&e.description)),
        ("sources", show(&e.sources)),
        ("founded_here", show(&e.founded_here)),
        ("disputed", show(&e.disputed)),
        ("inferred", show(&e.inferred)),
    ]
}

fn relation_fields(r: &Relation) -> Fields {
    vec![
        ("since", show(&r.since)),
        ("until", show(&r.until)),
        ("note", show(&r.note)),
        ("sources", show(&r.sources)),
        ("disputed", show(&r.disputed)),
        ("inferred", show(&r.inferred)),
    ]
}

fn indicator_fields(i: &Indicator) -> Fields {
    vec![
        ("name", show(&i.name)),
        ("unit", show(&i.unit)),
        ("scope", show(&i.scope)),
        ("description", show(&i.description)),
    ]
}

fn milestone_fields(m: &Milestone) -> Fields {
    vec![
        ("description", show(&m.description)),
        ("entities", show(&m.entities)),
        ("sources", show(&m.sources)),
        ("disputed", show(&m.disputed)),
        ("inferred", show(&m.inferred)),
    ]
}

/// Compares two keyed lists: what only the old has, only the new has, and field changes of
/// what both have. Keys repeated within one list are told apart by their occurrence.
fn compare<T>(
    changes: &mut Vec<Change>,
    old: &[T],
    new: &[T],
    key: impl Fn(&T) -> String,
    fields: impl Fn(&T) -> Fields,
    entity: impl Fn(&T) -> Option<String>,
) {
    let (old, new) = (keyed(old, &key), keyed(new, &key));
    let new_by_key: BTreeMap<&str, &T> = new.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let old_by_key: BTreeMap<&str, &T> = old.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    for (label, item) in &old {
        match new_by_key.get(label.as_str()) {
            None => changes.push(Change::Removed {
                what: label.clone(),
                entity: entity(item),
            }),
            Some(other) => {
                for ((field, a), (_, b)) in fields(item).into_iter().zip(fields(other)) {
                    if a != b {
                        changes.push(Change::Changed {
                            what: label.clone(),
                            entity: entity(other),
                            field,
                            old: a,
                            new: b,
                        });
                    }
                }
            }
        }
    }
    for (label, item) in &new {
        if !old_by_key.contains_key(label.as_str()) {
            changes.push(Change::Added {
                what: label.clone(),
                entity: entity(item),
            });
        }
    }
}

/// Each item with its label: its key, and its occurrence when the key repeats.
fn keyed<'a, T>(list: &'a [T], key: &impl Fn(&T) -> String) -> Vec<(String, &'a T)> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    list.iter()
        .map(|item| {
            let base = key(item);
            let n = seen.entry(base.clone()).or_insert(0);
            *n += 1;
            let label = if *n == 1 {
                base
            } else {
                format!("{base} (#{n})")
            };
            (label, item)
        })
        .collect()
}

/// Every difference from `old` to `new`, model fields first, then sources, sectors, entities,
/// relations, indicators and their points, milestones and pins.
pub fn diff(old: &Model, new: &Model) -> Vec<Change> {
    let mut changes = Vec::new();
    let header = |m: &Model| -> Fields {
        vec![
            ("format_version", show(&m.format_version)),
            ("name", show(&m.name)),
            ("description", show(&m.description)),
            ("focus", show(&m.focus)),
        ]
    };
    compare(
        &mut changes,
        std::slice::from_ref(old),
        std::slice::from_ref(new),
        |_| "model".to_owned(),
        header,
        |_| None,
    );
    compare(
        &mut changes,
        &old.sources,
        &new.sources,
        |s| format!("source {}", s.id),
        |s| {
            vec![
                ("title", show(&s.title)),
                ("publisher", show(&s.publisher)),
                ("date", show(&s.date)),
                ("locator", show(&s.locator)),
                ("note", show(&s.note)),
            ]
        },
        |_| None,
    );
    compare(
        &mut changes,
        &old.sectors,
        &new.sectors,
        |s| format!("sector {}", s.id),
        |s| vec![("name", show(&s.name))],
        |_| None,
    );
    compare(
        &mut changes,
        &old.entities,
        &new.entities,
        |e| format!("entity {}", e.id),
        entity_fields,
        |e| Some(e.id.clone()),
    );
    compare(
        &mut changes,
        &old.relations,
        &new.relations,
        |r| format!("relation {} {:?} {}", r.from, r.kind, r.to),
        relation_fields,
        |r| Some(r.from.clone()),
    );
    compare(
        &mut changes,
        &old.indicators,
        &new.indicators,
        |i| format!("indicator {}", i.id),
        indicator_fields,
        |i| Some(i.scope.clone()),
    );
    for new_indicator in &new.indicators {
        let Some(old_indicator) = old.indicators.iter().find(|i| i.id == new_indicator.id) else {
            continue;
        };
        compare(
            &mut changes,
            &old_indicator.points,
            &new_indicator.points,
            |p| format!("indicator {} point {}", new_indicator.id, p.date),
            |p| {
                vec![
                    ("value", show(&p.value)),
                    ("qualifier", show(&p.qualifier)),
                    ("note", show(&p.note)),
                    ("sources", show(&p.sources)),
                    ("disputed", show(&p.disputed)),
                    ("inferred", show(&p.inferred)),
                ]
            },
            |_| Some(new_indicator.scope.clone()),
        );
    }
    compare(
        &mut changes,
        &old.milestones,
        &new.milestones,
        |m| format!("milestone {} {}", m.date, m.title.get(super::Lang::Zh)),
        milestone_fields,
        |m| m.entities.first().cloned(),
    );
    compare(
        &mut changes,
        &old.layout,
        &new.layout,
        |p| format!("pin {}", p.entity),
        |p| vec![("x", show(&p.x)), ("y", show(&p.y))],
        |p| Some(p.entity.clone()),
    );
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, EntityKind, RelationKind, Text};

    fn base() -> Model {
        let mut model = Model::new(Text::new("镇", "Town"));
        model
            .entities
            .push(Entity::new("a", EntityKind::Fund, Text::new("甲", "A")));
        model.entities.push(Entity::new(
            "b",
            EntityKind::Enterprise,
            Text::new("乙", "B"),
        ));
        model
            .relations
            .push(Relation::new(RelationKind::InvestsIn, "a", "b"));
        model
    }

    #[test]
    fn identical_models_have_no_differences() {
        assert!(diff(&base(), &base()).is_empty());
    }

    #[test]
    fn a_changed_field_is_named_with_old_and_new() {
        let mut new = base();
        new.entities[1].founded = Some(Date::year(2015));
        let changes = diff(&base(), &new);
        assert_eq!(changes.len(), 1);
        assert_eq!(
            changes[0].to_string(),
            "~ entity b: founded: None → \"2015\""
        );
    }

    #[test]
    fn added_and_removed_entities_and_relations_are_listed() {
        let mut new = base();
        new.entities
            .push(Entity::new("c", EntityKind::Person, Text::new("丙", "C")));
        new.relations.clear();
        let lines: Vec<String> = diff(&base(), &new).iter().map(|c| c.to_string()).collect();
        assert_eq!(lines, ["+ entity c", "- relation a InvestsIn b"]);
    }

    #[test]
    fn repeated_relations_are_told_apart() {
        let mut new = base();
        let again = new.relations[0].clone();
        new.relations.push(again);
        let lines: Vec<String> = diff(&base(), &new).iter().map(|c| c.to_string()).collect();
        assert_eq!(lines, ["+ relation a InvestsIn b (#2)"]);
    }
}
