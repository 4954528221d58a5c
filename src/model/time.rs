//! The ecosystem as of a year: which entities and relations existed, which were new that year,
//! and what happened in it. An entity is in the town from when it joined it (or, when the
//! sources give no joining date, from when it was founded) until it ended; a relation from its
//! `since` to its `until`. What has no date is taken to have always been there: the sources do
//! not say when it began, and hiding it would claim they do.

use super::{Date, Entity, Model, Relation};

impl Entity {
    /// When the entity became part of the town's ecosystem, as far as the sources say.
    pub fn arrival(&self) -> Option<Date> {
        self.joined.or(self.founded)
    }
}

fn alive(start: Option<Date>, end: Option<Date>, year: i32) -> bool {
    start.is_none_or(|d| d.year <= year) && end.is_none_or(|d| d.year >= year)
}

impl Entity {
    /// Whether the entity existed in the town in `year`.
    pub fn alive_in(&self, year: i32) -> bool {
        alive(self.arrival(), self.ended, year)
    }

    /// Whether the entity arrived in `year`.
    pub fn new_in(&self, year: i32) -> bool {
        self.arrival().is_some_and(|d| d.year == year)
    }
}

impl Relation {
    /// Whether the relation held in `year`.
    pub fn alive_in(&self, year: i32) -> bool {
        alive(self.since, self.until, year)
    }

    /// Whether the relation began in `year`.
    pub fn new_in(&self, year: i32) -> bool {
        self.since.is_some_and(|d| d.year == year)
    }
}

/// What happened in one year: indices into the model's lists.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct YearChanges {
    pub arrived: Vec<usize>,
    pub ended: Vec<usize>,
    pub relations_begun: Vec<usize>,
    pub relations_ended: Vec<usize>,
    pub milestones: Vec<usize>,
}

impl YearChanges {
    pub fn is_empty(&self) -> bool {
        self.arrived.is_empty()
            && self.ended.is_empty()
            && self.relations_begun.is_empty()
            && self.relations_ended.is_empty()
            && self.milestones.is_empty()
    }
}

impl Model {
    /// Per entity: whether it existed in the town in `year`.
    pub fn entities_alive_in(&self, year: i32) -> Vec<bool> {
        self.entities.iter().map(|e| e.alive_in(year)).collect()
    }

    /// Per relation: whether it held in `year` — and both its ends existed then.
    pub fn relations_alive_in(&self, year: i32, index: &super::Index) -> Vec<bool> {
        let alive_end = |id: &str| {
            index
                .get(id)
                .is_none_or(|i| self.entities[i].alive_in(year))
        };
        self.relations
            .iter()
            .map(|r| r.alive_in(year) && alive_end(&r.from) && alive_end(&r.to))
            .collect()
    }

    /// What changed in `year`.
    pub fn changes_in(&self, year: i32) -> YearChanges {
        let which = |flags: Vec<bool>| -> Vec<usize> {
            flags
                .into_iter()
                .enumerate()
                .filter_map(|(i, f)| f.then_some(i))
                .collect()
        };
        YearChanges {
            arrived: which(self.entities.iter().map(|e| e.new_in(year)).collect()),
            ended: which(
                self.entities
                    .iter()
                    .map(|e| e.ended.is_some_and(|d| d.year == year))
                    .collect(),
            ),
            relations_begun: which(self.relations.iter().map(|r| r.new_in(year)).collect()),
            relations_ended: which(
                self.relations
                    .iter()
                    .map(|r| r.until.is_some_and(|d| d.year == year))
                    .collect(),
            ),
            milestones: which(
                self.milestones
                    .iter()
                    .map(|m| m.date.year == year)
                    .collect(),
            ),
        }
    }

    /// The first and last year any entity, relation, milestone or indicator point is dated.
    pub fn year_span(&self) -> Option<(i32, i32)> {
        let entities = self
            .entities
            .iter()
            .flat_map(|e| [e.founded, e.joined, e.ended]);
        let relations = self.relations.iter().flat_map(|r| [r.since, r.until]);
        let milestones = self.milestones.iter().map(|m| Some(m.date));
        let points = self
            .indicators
            .iter()
            .flat_map(|i| i.points.iter().map(|p| Some(p.date)));
        entities
            .chain(relations)
            .chain(milestones)
            .chain(points)
            .flatten()
            .map(|d| d.year)
            .fold(None, |span, y| match span {
                None => Some((y, y)),
                Some((a, b)) => Some((a.min(y), b.max(y))),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityKind, Index, Milestone, RelationKind, Text};

    fn date(year: i32) -> Option<Date> {
        Some(Date::year(year))
    }

    /// A park (2011), a firm founded 2008 that joined 2014, a firm with no dates, an alliance
    /// 2015–2018; membership from 2015, a partnership with no dates.
    fn model() -> Model {
        let mut model = Model::new(Text::new("镇", "Town"));
        let mut park = Entity::new("park", EntityKind::Place, Text::new("园", "Park"));
        park.founded = date(2011);
        let mut firm = Entity::new("firm", EntityKind::Enterprise, Text::new("甲", "A"));
        firm.founded = date(2008);
        firm.joined = date(2014);
        let undated = Entity::new("undated", EntityKind::Enterprise, Text::new("乙", "B"));
        let mut alliance = Entity::new("alliance", EntityKind::Alliance, Text::new("盟", "L"));
        alliance.founded = date(2015);
        alliance.ended = date(2018);
        model.entities = vec![park, firm, undated, alliance];
        let relation = |kind, from: &str, to: &str, since| Relation {
            kind,
            from: from.into(),
            to: to.into(),
            since,
            until: None,
            note: Text::default(),
            sources: vec![],
        };
        model.relations = vec![
            relation(RelationKind::MemberOf, "firm", "alliance", date(2015)),
            relation(RelationKind::PartnersWith, "firm", "undated", None),
        ];
        model.milestones.push(Milestone {
            date: Date::month(2015, 4),
            title: Text::new("事", "Event"),
            description: Text::default(),
            entities: vec![],
            sources: vec![],
        });
        model
    }

    #[test]
    fn an_entity_is_there_from_joining_or_founding_until_it_ended() {
        let model = model();
        assert_eq!(model.entities_alive_in(2010), [false, false, true, false]);
        assert_eq!(
            model.entities_alive_in(2012),
            [true, false, true, false],
            "founded 2008 but joined the town 2014"
        );
        assert_eq!(model.entities_alive_in(2016), [true, true, true, true]);
        assert_eq!(model.entities_alive_in(2019), [true, true, true, false]);
    }

    #[test]
    fn a_relation_needs_its_dates_and_both_ends() {
        let model = model();
        let index = Index::new(&model);
        assert_eq!(model.relations_alive_in(2014, &index), [false, true]);
        assert_eq!(model.relations_alive_in(2015, &index), [true, true]);
        assert_eq!(
            model.relations_alive_in(2019, &index),
            [false, true],
            "the alliance ended in 2018"
        );
        assert_eq!(model.relations_alive_in(2013, &index), [false, false]);
    }

    #[test]
    fn what_changed_in_a_year() {
        let model = model();
        let changes = model.changes_in(2015);
        assert_eq!(changes.arrived, [3]);
        assert_eq!(changes.relations_begun, [0]);
        assert_eq!(changes.milestones, [0]);
        assert!(changes.ended.is_empty());
        assert_eq!(model.changes_in(2018).ended, [3]);
        assert!(model.changes_in(2000).is_empty());
        assert_eq!(model.year_span(), Some((2008, 2018)));
    }
}
