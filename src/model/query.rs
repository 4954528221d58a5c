//! Look-ups over a model: entities by id, each entity's relations, what a place contains, search.

use rustc_hash::FxHashMap as HashMap;

use super::{EntityKind, Model};

/// One relation seen from one of its ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RelationEnd {
    /// Index into `Model::relations`.
    pub relation: usize,
    /// Index into `Model::entities` of the entity at the other end.
    pub other: usize,
    /// The relation starts at this entity.
    pub outgoing: bool,
}

/// Indexes over a model, rebuilt whenever the model changes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Index {
    by_id: HashMap<String, usize>,
    /// For each entity, its relations in file order.
    ends: Vec<Vec<RelationEnd>>,
    /// For each place, the entities whose `location` it is.
    contents: Vec<Vec<usize>>,
    /// Each relation's ends, where both exist (looked up once here: the graph and the lines
    /// read them again, and at 10^5 entities a million look-ups by id take a tenth of a second).
    relation_ends: Vec<Option<(u32, u32)>>,
    /// Each entity's place, where it has one that exists.
    places: Vec<Option<u32>>,
}

impl Index {
    pub fn new(model: &Model) -> Self {
        let mut by_id = HashMap::with_capacity_and_hasher(model.entities.len(), Default::default());
        for (i, entity) in model.entities.iter().enumerate() {
            // The first of duplicate ids wins; validation reports the rest.
            by_id.entry(entity.id.clone()).or_insert(i);
        }
        let mut ends = vec![Vec::new(); model.entities.len()];
        let mut relation_ends = Vec::with_capacity(model.relations.len());
        for (r, relation) in model.relations.iter().enumerate() {
            let (Some(&from), Some(&to)) = (by_id.get(&relation.from), by_id.get(&relation.to))
            else {
                relation_ends.push(None);
                continue;
            };
            relation_ends.push(u32::try_from(from).ok().zip(u32::try_from(to).ok()));
            ends[from].push(RelationEnd {
                relation: r,
                other: to,
                outgoing: true,
            });
            if from != to {
                ends[to].push(RelationEnd {
                    relation: r,
                    other: from,
                    outgoing: false,
                });
            }
        }
        let mut contents = vec![Vec::new(); model.entities.len()];
        let mut places = Vec::with_capacity(model.entities.len());
        for (i, entity) in model.entities.iter().enumerate() {
            let place = entity.location.as_ref().and_then(|id| by_id.get(id));
            if let Some(&place) = place {
                contents[place].push(i);
            }
            places.push(place.and_then(|&p| u32::try_from(p).ok()));
        }
        Self {
            by_id,
            ends,
            contents,
            relation_ends,
            places,
        }
    }

    /// The entities relation `r` joins, from and to, when both exist.
    pub fn relation_ends(&self, r: usize) -> Option<(usize, usize)> {
        let (from, to) = (*self.relation_ends.get(r)?)?;
        Some((from as usize, to as usize))
    }

    /// The place entity `i` is located in, when it exists.
    pub fn place_of(&self, i: usize) -> Option<usize> {
        self.places.get(i).copied().flatten().map(|p| p as usize)
    }

    pub fn get(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    pub fn relations_of(&self, entity: usize) -> &[RelationEnd] {
        self.ends.get(entity).map_or(&[], Vec::as_slice)
    }

    pub fn contents_of(&self, place: usize) -> &[usize] {
        self.contents.get(place).map_or(&[], Vec::as_slice)
    }
}

impl Model {
    /// How many times each source is cited, anywhere in the model (entities, their figures and
    /// editions, relations, indicator points, milestones).
    pub fn citation_counts<'a>(&'a self) -> HashMap<&'a str, usize> {
        fn tally<'m>(counts: &mut HashMap<&'m str, usize>, cites: &'m [super::Cite]) {
            for cite in cites {
                *counts.entry(cite.source.as_str()).or_default() += 1;
            }
        }
        let mut counts: HashMap<&str, usize> = HashMap::default();
        let mut count = |cites: &'a [super::Cite]| tally(&mut counts, cites);
        for entity in &self.entities {
            count(&entity.sources);
            for figure in &entity.figures {
                count(&figure.sources);
            }
            for edition in &entity.editions {
                count(&edition.sources);
                for figure in &edition.figures {
                    count(&figure.sources);
                }
            }
        }
        for relation in &self.relations {
            count(&relation.sources);
        }
        for indicator in &self.indicators {
            for point in &indicator.points {
                count(&point.sources);
            }
        }
        for milestone in &self.milestones {
            count(&milestone.sources);
        }
        counts
    }

    /// How many entities work in each sector.
    pub fn sector_counts(&self) -> HashMap<&str, usize> {
        let mut counts: HashMap<&str, usize> = HashMap::default();
        for entity in &self.entities {
            for sector in &entity.sectors {
                *counts.entry(sector.as_str()).or_default() += 1;
            }
        }
        counts
    }

    /// How many members the entity at `alliance` has in the model (memberships of it), and the
    /// largest member count its figures state, when that is more: "over 60 members, 4 named".
    /// Reads the entity's own relations through `index`, so it costs its degree.
    pub fn members_named(&self, index: &Index, alliance: usize) -> Option<(usize, f64)> {
        let entity = self.entities.get(alliance)?;
        let stated = entity
            .figures
            .iter()
            .filter(|f| f.measure == super::Measure::Members)
            .map(|f| f.value)
            .fold(None, |max: Option<f64>, v| {
                Some(max.map_or(v, |m| m.max(v)))
            })?;
        let named = index
            .relations_of(alliance)
            .iter()
            .filter(|end| {
                !end.outgoing
                    && self
                        .relations
                        .get(end.relation)
                        .is_some_and(|r| r.kind == super::RelationKind::MemberOf)
            })
            .count();
        ((named as f64) < stated).then_some((named, stated))
    }

    /// How many entities there are of each kind, in `EntityKind::ALL` order: all of them, or
    /// those that had arrived by year `as_of` (the undated are counted apart, by
    /// [`Model::presence_counts`]).
    pub fn count_by_kind(&self, as_of: Option<i32>) -> Vec<(EntityKind, usize)> {
        let mut counts = [0; EntityKind::ALL.len()];
        for entity in self.entities.iter().filter(|e| {
            as_of.is_none_or(|year| e.presence_in(year) == super::time::Presence::Present)
        }) {
            if let Some(i) = EntityKind::ALL.iter().position(|&k| k == entity.kind) {
                counts[i] += 1;
            }
        }
        EntityKind::ALL.iter().copied().zip(counts).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, Relation, RelationKind, Text};

    fn sample() -> Model {
        let mut model = Model::new(Text::new("镇", "Town"));
        model.entities.push(Entity::new(
            "town",
            EntityKind::Place,
            Text::new("云栖小镇", "Yunqi Town"),
        ));
        let mut cloud = Entity::new(
            "aliyun",
            EntityKind::Enterprise,
            Text::new("阿里云", "Alibaba Cloud"),
        );
        cloud.location = Some("town".into());
        model.entities.push(cloud);
        model.relations.push(Relation {
            kind: RelationKind::LocatedIn,
            from: "aliyun".into(),
            to: "town".into(),
            since: None,
            until: None,
            note: Text::default(),
            sources: vec![],
            disputed: None,
            inferred: vec![],
        });
        model
    }

    #[test]
    fn counts_by_kind_all_years_or_as_of_one() {
        let mut model = sample();
        model.entities[1].founded = Some(crate::model::Date::year(2008));
        model.entities[1].joined = Some(crate::model::Date::year(2015));
        let count = |as_of| {
            model
                .count_by_kind(as_of)
                .into_iter()
                .filter(|&(_, n)| n > 0)
                .collect::<Vec<_>>()
        };
        let both = vec![(EntityKind::Enterprise, 1), (EntityKind::Place, 1)];
        assert_eq!(count(None), both);
        // It came to the town in 2015; the undated town is counted apart.
        assert_eq!(count(Some(2014)), vec![]);
        assert_eq!(count(Some(2015)), vec![(EntityKind::Enterprise, 1)]);
        assert_eq!(model.presence_counts(2015), (1, 1));
    }

    #[test]
    fn indexes_both_ends_and_contents() {
        let model = sample();
        let index = Index::new(&model);
        assert_eq!(index.get("aliyun"), Some(1));
        assert_eq!(
            index.relations_of(0),
            &[RelationEnd {
                relation: 0,
                other: 1,
                outgoing: false
            }]
        );
        assert_eq!(
            index.relations_of(1),
            &[RelationEnd {
                relation: 0,
                other: 0,
                outgoing: true
            }]
        );
        assert_eq!(index.contents_of(0), &[1]);
        assert!(index.relations_of(99).is_empty());
    }

    #[test]
    fn counts_citations_wherever_they_are() {
        let mut model = sample();
        let cite = |source: &str| crate::model::Cite {
            source: source.into(),
            at: String::new(),
        };
        model.entities[0].sources.push(cite("a"));
        model.relations[0].sources.push(cite("a"));
        model.entities[1].sources.push(cite("b"));
        model.entities[1].sectors.push("cloud".into());
        let counts = model.citation_counts();
        assert_eq!(counts.get("a"), Some(&2));
        assert_eq!(counts.get("b"), Some(&1));
        assert_eq!(counts.get("c"), None);
        assert_eq!(model.sector_counts().get("cloud"), Some(&1));
    }
}
