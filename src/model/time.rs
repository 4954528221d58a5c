//! The ecosystem as of a year: which entities and relations existed, which were new that year,
//! and what happened in it.
//!
//! An entity is in the town from its arrival — when it joined the town, or when it was founded
//! if the model says it was founded there (`founded_here`) — until it ended. A firm founded in
//! Beijing in 2004 has not arrived in 2004. An entity whose arrival the sources do not give is
//! [`Presence::Undated`]: shown apart (hollow, counted separately), neither hidden nor taken to
//! have been there from the start. A relation holds from its `since` to its `until`; one with no
//! dates holds whenever both its ends are there.

use super::{Date, Entity, Model, Relation};

/// Whether an entity was in the town in a given year, as far as the sources say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Presence {
    /// It had arrived and not yet ended.
    Present,
    /// It had not arrived yet, or had ended.
    Absent,
    /// The sources do not say when it arrived (and it had not ended).
    Undated,
}

impl Entity {
    /// When the entity came to the town, as far as the model says: its joining date, else its
    /// founding date where it was founded there.
    pub fn arrival(&self) -> Option<Date> {
        self.joined.or(self.founded.filter(|_| self.founded_here))
    }

    /// Whether the entity was in the town in `year`.
    pub fn presence_in(&self, year: i32) -> Presence {
        if self.ended.is_some_and(|d| d.year < year) {
            return Presence::Absent;
        }
        match self.arrival() {
            Some(d) if d.year <= year => Presence::Present,
            Some(_) => Presence::Absent,
            None => Presence::Undated,
        }
    }

    /// Whether the entity is drawn in `year`: there, or of unknown arrival (drawn apart).
    pub fn alive_in(&self, year: i32) -> bool {
        self.presence_in(year) != Presence::Absent
    }

    /// Whether the entity arrived in `year`.
    pub fn new_in(&self, year: i32) -> bool {
        self.arrival().is_some_and(|d| d.year == year)
    }
}

impl Relation {
    /// Whether the relation held in `year`.
    pub fn alive_in(&self, year: i32) -> bool {
        self.since.is_none_or(|d| d.year <= year) && self.until.is_none_or(|d| d.year >= year)
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
    /// Per entity: whether it is drawn in `year` (there, or of unknown arrival).
    pub fn entities_alive_in(&self, year: i32) -> Vec<bool> {
        self.entities.iter().map(|e| e.alive_in(year)).collect()
    }

    /// How many entities had arrived by `year` and how many have no known arrival.
    pub fn presence_counts(&self, year: i32) -> (usize, usize) {
        self.entities
            .iter()
            .fold((0, 0), |(present, undated), e| match e.presence_in(year) {
                Presence::Present => (present + 1, undated),
                Presence::Undated => (present, undated + 1),
                Presence::Absent => (present, undated),
            })
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
        join_spans(
            self.year_span_of_relations(),
            self.year_span_without_relations(),
        )
    }

    /// The first and last years of the relations' dates alone (most of the dates at 10^5).
    pub fn year_span_of_relations(&self) -> Option<(i32, i32)> {
        span_of(self.relations.iter().flat_map(|r| [r.since, r.until]))
    }

    /// The first and last years of every date but the relations'.
    pub fn year_span_without_relations(&self) -> Option<(i32, i32)> {
        let entities = self
            .entities
            .iter()
            .flat_map(|e| [e.founded, e.joined, e.ended]);
        let milestones = self.milestones.iter().map(|m| Some(m.date));
        let points = self
            .indicators
            .iter()
            .flat_map(|i| i.points.iter().map(|p| Some(p.date)));
        span_of(entities.chain(milestones).chain(points))
    }
}

/// The first and last years among `dates`.
fn span_of(dates: impl Iterator<Item = Option<Date>>) -> Option<(i32, i32)> {
    dates
        .flatten()
        .map(|d| d.year)
        .fold(None, |span, y| join_spans(span, Some((y, y))))
}

/// The span covering both.
pub fn join_spans(a: Option<(i32, i32)>, b: Option<(i32, i32)>) -> Option<(i32, i32)> {
    match (a, b) {
        (Some((a0, a1)), Some((b0, b1))) => Some((a0.min(b0), a1.max(b1))),
        (one, None) | (None, one) => one,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityKind, Index, Milestone, RelationKind, Text};

    fn date(year: i32) -> Option<Date> {
        Some(Date::year(year))
    }

    /// A park opened in the town (2011), a firm founded 2008 that joined 2014, a firm with no
    /// dates, an alliance founded in the town 2015–2018; membership from 2015, a partnership with
    /// no dates.
    fn model() -> Model {
        let mut model = Model::new(Text::new("镇", "Town"));
        let mut park = Entity::new("park", EntityKind::Place, Text::new("园", "Park"));
        park.founded = date(2011);
        park.founded_here = true;
        let mut firm = Entity::new("firm", EntityKind::Enterprise, Text::new("甲", "A"));
        firm.founded = date(2008);
        firm.joined = date(2014);
        let undated = Entity::new("undated", EntityKind::Enterprise, Text::new("乙", "B"));
        let mut alliance = Entity::new("alliance", EntityKind::Alliance, Text::new("盟", "L"));
        alliance.founded = date(2015);
        alliance.founded_here = true;
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
            disputed: None,
            inferred: vec![],
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
            disputed: None,
            inferred: vec![],
        });
        model
    }

    #[test]
    fn arrival_is_joining_or_founding_in_the_town() {
        let mut elsewhere = Entity::new("lkk", EntityKind::Enterprise, Text::new("洛", "L"));
        elsewhere.founded = date(2004);
        assert_eq!(
            elsewhere.arrival(),
            None,
            "founded elsewhere: not an arrival"
        );
        assert_eq!(elsewhere.presence_in(2005), Presence::Undated);
        elsewhere.joined = date(2013);
        assert_eq!(elsewhere.arrival(), date(2013));
        assert_eq!(elsewhere.presence_in(2012), Presence::Absent);
        assert_eq!(elsewhere.presence_in(2013), Presence::Present);
        assert!(elsewhere.new_in(2013) && !elsewhere.new_in(2004));
        let mut here = Entity::new("park", EntityKind::Place, Text::new("园", "P"));
        here.founded = date(2011);
        here.founded_here = true;
        assert_eq!(here.presence_in(2010), Presence::Absent);
        assert_eq!(here.presence_in(2011), Presence::Present);
        here.ended = date(2012);
        assert_eq!(here.presence_in(2013), Presence::Absent);
        let undated = Entity::new("x", EntityKind::Enterprise, Text::new("乙", "B"));
        assert_eq!(undated.presence_in(1990), Presence::Undated);
    }

    #[test]
    fn undated_entities_are_counted_apart() {
        let model = model();
        // 2010: nothing has arrived; the undated firm is counted apart.
        assert_eq!(model.presence_counts(2010), (0, 1));
        assert_eq!(model.presence_counts(2016), (3, 1));
        assert_eq!(model.presence_counts(2019), (2, 1));
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
        assert_eq!(
            model.changes_in(2008).arrived,
            Vec::<usize>::new(),
            "founded elsewhere"
        );
        assert_eq!(changes.relations_begun, [0]);
        assert_eq!(changes.milestones, [0]);
        assert!(changes.ended.is_empty());
        assert_eq!(model.changes_in(2018).ended, [3]);
        assert!(model.changes_in(2000).is_empty());
        assert_eq!(model.year_span(), Some((2008, 2018)));
    }
}
