//! Validation: every problem of a parsed model, each naming what it is about.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::fmt;

use super::{
    Cite, Date, Dispute, Entity, EntityKind, Figure, Index, Inference, Model, Relation, Unit,
};

/// How bad a problem is: errors make `townscope check` fail, warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// What a problem is about, so the app can select it and the command line can name it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    Model,
    Source(String),
    Entity(String),
    /// The relation at this index of `Model::relations`, described as `from -Kind-> to`.
    Relation {
        index: usize,
        label: String,
    },
    Indicator(String),
    /// The milestone at this index of `Model::milestones`.
    Milestone {
        index: usize,
        date: String,
    },
    /// The slide at this index of `Model::story`.
    Slide(usize),
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Model => write!(f, "[model]"),
            Self::Source(id) => write!(f, "[source {id}]"),
            Self::Entity(id) => write!(f, "[{id}]"),
            Self::Relation { index, label } => write!(f, "[relation #{} {label}]", index + 1),
            Self::Indicator(id) => write!(f, "[indicator {id}]"),
            Self::Milestone { index, date } => write!(f, "[milestone #{} {date}]", index + 1),
            Self::Slide(index) => write!(f, "[slide {}]", index + 1),
        }
    }
}

/// One thing wrong with a model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub subject: Subject,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{severity}: {} {}", self.subject, self.message)
    }
}

/// Collects every problem of a model, errors and warnings, in file order.
pub fn validate(model: &Model) -> Vec<Problem> {
    Findings::of(model).problems
}

/// Validation's findings in file order, with where each entity's and each relation's begin, so
/// that an edit of one entity or relation re-checks only that one (a keystroke in a 10^5-entity
/// model re-checked everything: seconds).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Findings {
    problems: Vec<Problem>,
    /// Where each entity's problems begin in `problems`, and one past the last entity's.
    entity_starts: Vec<usize>,
    /// The same for relations; the first is the entities' end, and the rest (indicators,
    /// milestones, story, pins) follows the last.
    relation_starts: Vec<usize>,
}

impl Findings {
    /// Every problem of `model`.
    pub fn of(model: &Model) -> Self {
        let mut first = HashMap::with_capacity_and_hasher(model.entities.len(), Default::default());
        for entity in &model.entities {
            first.entry(entity.id.as_str()).or_insert(entity);
        }
        let find = |id: &str| first.get(id).copied();
        let mut check = Checker {
            model,
            problems: Vec::new(),
            source_ids: HashSet::default(),
            sector_ids: HashSet::default(),
            find: &find,
        };
        check.model_header();
        check.sources();
        check.sectors();
        // Each entity and each relation is checked on its own (against the sources, sectors
        // and entities above): large models share them out among the cores, in runs whose
        // problems are joined in file order.
        let threads = if model.entities.len() + model.relations.len() >= PARALLEL_FROM {
            std::thread::available_parallelism().map_or(1, usize::from)
        } else {
            1
        };
        let entity_runs = in_runs(
            &model.entities,
            threads,
            |checker, _, entity| {
                // A later entity with an id already taken is a duplicate.
                let duplicate = first
                    .get(entity.id.as_str())
                    .is_some_and(|earlier| !std::ptr::eq(*earlier, entity));
                checker.entity(entity, duplicate);
            },
            &check,
            &find,
        );
        let relation_runs = in_runs(
            &model.relations,
            threads,
            |checker, index, relation| {
                checker.relation(index, relation);
            },
            &check,
            &find,
        );
        let mut entity_starts = Vec::with_capacity(model.entities.len() + 1);
        for (problems, starts) in entity_runs {
            let offset = check.problems.len();
            entity_starts.extend(starts.into_iter().map(|start| start + offset));
            check.problems.extend(problems);
        }
        entity_starts.push(check.problems.len());
        let mut relation_starts = Vec::with_capacity(model.relations.len() + 1);
        for (problems, starts) in relation_runs {
            let offset = check.problems.len();
            relation_starts.extend(starts.into_iter().map(|start| start + offset));
            check.problems.extend(problems);
        }
        relation_starts.push(check.problems.len());
        check.rest();
        Self {
            problems: check.problems,
            entity_starts,
            relation_starts,
        }
    }

    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// Checks entity `i` again after an edit that changed it but not its id, kind or location
    /// (what other facts' problems depend on). `index` is up to date with `model`.
    pub fn recheck_entity(&mut self, model: &Model, index: &Index, i: usize) {
        let (Some(entity), Some(&start), Some(&end)) = (
            model.entities.get(i),
            self.entity_starts.get(i),
            self.entity_starts.get(i + 1),
        ) else {
            return;
        };
        let find = |id: &str| index.get(id).and_then(|e| model.entities.get(e));
        let mut check = Checker::for_recheck(model, &find);
        check.entity(entity, index.get(&entity.id) != Some(i));
        let delta = self.replace(start..end, check.problems);
        shift(&mut self.entity_starts[i + 1..], delta);
        shift(&mut self.relation_starts, delta);
    }

    /// Checks relation `r` again after an edit that changed it but not its ends or kind.
    pub fn recheck_relation(&mut self, model: &Model, index: &Index, r: usize) {
        let (Some(relation), Some(&start), Some(&end)) = (
            model.relations.get(r),
            self.relation_starts.get(r),
            self.relation_starts.get(r + 1),
        ) else {
            return;
        };
        let find = |id: &str| index.get(id).and_then(|e| model.entities.get(e));
        let mut check = Checker::for_recheck(model, &find);
        check.relation(r, relation);
        let delta = self.replace(start..end, check.problems);
        shift(&mut self.relation_starts[r + 1..], delta);
    }

    /// Checks the indicators, milestones, story and layout again.
    pub fn recheck_rest(&mut self, model: &Model, index: &Index) {
        let find = |id: &str| index.get(id).and_then(|e| model.entities.get(e));
        let mut check = Checker::for_recheck(model, &find);
        check.rest();
        let start = self
            .relation_starts
            .last()
            .copied()
            .unwrap_or(self.problems.len());
        self.replace(start..self.problems.len(), check.problems);
    }

    /// Puts `new` in place of the problems in `range`; returns how far the ones after moved.
    fn replace(&mut self, range: std::ops::Range<usize>, new: Vec<Problem>) -> isize {
        let delta = new.len() as isize - range.len() as isize;
        let range = range.start.min(self.problems.len())..range.end.min(self.problems.len());
        self.problems.splice(range, new);
        delta
    }
}

fn shift(starts: &mut [usize], delta: isize) {
    if delta != 0 {
        for start in starts {
            *start = start.saturating_add_signed(delta);
        }
    }
}

/// The fields an inference may name, per kind of fact (as the file spells them).
const ENTITY_FIELDS: &[&str] = &[
    "name",
    "kind",
    "subkind",
    "sectors",
    "founded",
    "joined",
    "ended",
    "location",
    "coordinates",
    "website",
    "description",
];
const RELATION_FIELDS: &[&str] = &["kind", "from", "to", "since", "until", "note"];
const FIGURE_FIELDS: &[&str] = &["value", "unit", "qualifier", "date", "note"];
/// A point's `unit` is its indicator's, as it applies to this value.
const POINT_FIELDS: &[&str] = &["date", "value", "unit", "qualifier", "note"];
const MILESTONE_FIELDS: &[&str] = &["date", "title", "description", "entities"];

/// Models with at least this many entities and relations are checked on every core.
const PARALLEL_FROM: usize = 20_000;

/// `items` checked by `each` in up to `threads` runs, each on a thread of its own with a
/// checker that knows what `base` knows: each run's problems and where each item's begin.
fn in_runs<'a, T: Sync>(
    items: &'a [T],
    threads: usize,
    each: impl Fn(&mut Checker<'a>, usize, &'a T) + Sync,
    base: &Checker<'a>,
    find: &'a (dyn Fn(&str) -> Option<&'a Entity> + Sync),
) -> Vec<(Vec<Problem>, Vec<usize>)> {
    let per_run = items.len().div_ceil(threads.max(1)).max(1);
    let (model, source_ids, sector_ids) = (base.model, &base.source_ids, &base.sector_ids);
    let run = |offset: usize, run: &'a [T]| {
        let mut checker = Checker {
            model,
            problems: Vec::new(),
            source_ids: source_ids.clone(),
            sector_ids: sector_ids.clone(),
            find,
        };
        let mut starts = Vec::with_capacity(run.len());
        for (k, item) in run.iter().enumerate() {
            starts.push(checker.problems.len());
            each(&mut checker, offset + k, item);
        }
        (checker.problems, starts)
    };
    if threads <= 1 {
        return vec![run(0, items)];
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(per_run)
            .enumerate()
            .map(|(n, chunk)| {
                let run = &run;
                scope.spawn(move || run(n * per_run, chunk))
            })
            .collect();
        handles
            .into_iter()
            // A panic in a check is a bug: raised here as it would be without the thread.
            .map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

struct Checker<'a> {
    model: &'a Model,
    problems: Vec<Problem>,
    source_ids: HashSet<&'a str>,
    sector_ids: HashSet<&'a str>,
    /// The first entity with an id.
    find: &'a dyn Fn(&str) -> Option<&'a Entity>,
}

impl<'a> Checker<'a> {
    /// A checker for a part of the model, knowing its sources and sectors as a whole check
    /// would have found them (their own problems are not repeated).
    fn for_recheck(model: &'a Model, find: &'a dyn Fn(&str) -> Option<&'a Entity>) -> Self {
        let known = |id: &'a String| (!id.trim().is_empty()).then_some(id.as_str());
        Self {
            model,
            problems: Vec::new(),
            source_ids: model.sources.iter().filter_map(|s| known(&s.id)).collect(),
            sector_ids: model.sectors.iter().filter_map(|s| known(&s.id)).collect(),
            find,
        }
    }

    fn is_entity(&self, id: &str) -> bool {
        (self.find)(id).is_some()
    }

    fn error(&mut self, subject: &Subject, message: impl Into<String>) {
        self.problems.push(Problem {
            severity: Severity::Error,
            subject: subject.clone(),
            message: message.into(),
        });
    }

    fn warning(&mut self, subject: &Subject, message: impl Into<String>) {
        self.problems.push(Problem {
            severity: Severity::Warning,
            subject: subject.clone(),
            message: message.into(),
        });
    }

    fn model_header(&mut self) {
        if self.model.name.is_empty() {
            self.error(&Subject::Model, "has no name");
        }
        if let Some(focus) = &self.model.focus
            && !self.is_entity(focus)
        {
            self.error(&Subject::Model, format!("focus `{focus}` is not an entity"));
        }
    }

    fn date(&mut self, subject: &Subject, what: &str, date: Option<Date>) {
        if let Some(why) = date.and_then(|d| d.impossibility()) {
            self.error(subject, format!("{what} date is impossible: {why}"));
        }
    }

    fn order(
        &mut self,
        subject: &Subject,
        first: (&str, Option<Date>),
        then: (&str, Option<Date>),
    ) {
        if let (Some(a), Some(b)) = (first.1, then.1)
            && b < a
            && !b.contains(&a)
        {
            self.error(subject, format!("{} {b} is before {} {a}", then.0, first.0));
        }
    }

    fn cites(&mut self, subject: &Subject, what: &str, cites: &[Cite], required: bool) {
        if cites.is_empty() {
            if required {
                self.error(subject, format!("{what} cites no source"));
            }
            return;
        }
        for cite in cites {
            if !self.source_ids.contains(cite.source.as_str()) {
                self.error(
                    subject,
                    format!(
                        "{what} cites source `{}`, which does not exist",
                        cite.source
                    ),
                );
            }
        }
    }

    /// A dispute needs the other account and where it is read; an inference needs a field the
    /// fact has and what it was inferred from.
    fn provenance(
        &mut self,
        subject: &Subject,
        what: &str,
        disputed: Option<&Dispute>,
        inferred: &[Inference],
        fields: &[&str],
    ) {
        if let Some(dispute) = disputed {
            if dispute.note.is_empty() {
                self.error(subject, format!("{what} is disputed without saying how"));
            }
            self.cites(
                subject,
                &format!("the dispute of {what}"),
                &dispute.sources,
                true,
            );
        }
        for inference in inferred {
            if !inference.field.is_empty() && !fields.contains(&inference.field.as_str()) {
                self.error(
                    subject,
                    format!(
                        "{what}: inferred `{}` is not one of its fields ({})",
                        inference.field,
                        fields.join(", ")
                    ),
                );
            }
            if inference.note.is_empty() {
                self.error(
                    subject,
                    format!("{what}: an inferred value does not say from what"),
                );
            }
        }
    }

    fn value(&mut self, subject: &Subject, what: &str, value: f64, unit: Unit) {
        if !value.is_finite() {
            self.error(subject, format!("{what} is not a finite number"));
        } else if value < 0.0 && unit != Unit::Percent {
            self.error(subject, format!("{what} is negative ({value})"));
        }
    }

    fn figures(&mut self, subject: &Subject, figures: &[Figure]) {
        for figure in figures {
            let what = format!("figure {:?}", figure.measure);
            self.value(subject, &what, figure.value, figure.unit);
            self.date(subject, &what, figure.date);
            self.cites(subject, &what, &figure.sources, true);
            self.provenance(
                subject,
                &what,
                figure.disputed.as_deref(),
                &figure.inferred,
                FIGURE_FIELDS,
            );
        }
    }

    fn sources(&mut self) {
        let model = self.model;
        for source in &model.sources {
            let subject = Subject::Source(source.id.clone());
            if source.id.trim().is_empty() {
                self.error(&subject, "has an empty id");
            } else if !self.source_ids.insert(&source.id) {
                self.error(&subject, "duplicate source id");
            }
            if source.title.trim().is_empty() && source.locator.trim().is_empty() {
                self.error(&subject, "has neither a title nor a locator");
            }
            self.date(&subject, "its", source.date);
        }
    }

    fn sectors(&mut self) {
        let model = self.model;
        for sector in &model.sectors {
            let subject = Subject::Model;
            if sector.id.trim().is_empty() {
                self.error(&subject, "a sector has an empty id");
            } else if !self.sector_ids.insert(&sector.id) {
                self.error(
                    &subject,
                    format!("sector `{}` is declared twice", sector.id),
                );
            }
            if sector.name.is_empty() {
                self.error(&subject, format!("sector `{}` has no name", sector.id));
            }
        }
    }

    /// One entity's problems; `duplicate` when an entity before it has its id.
    fn entity(&mut self, entity: &Entity, duplicate: bool) {
        let start = self.problems.len();
        self.entity_checks(entity, duplicate);
        // The id is copied only into problems there are: a copy for each of 10^5 entities that
        // have none cost more than the checks.
        for problem in self.problems.get_mut(start..).unwrap_or_default() {
            if let Subject::Entity(id) = &mut problem.subject
                && id.is_empty()
            {
                id.clone_from(&entity.id);
            }
        }
    }

    fn entity_checks(&mut self, entity: &Entity, duplicate: bool) {
        let subject = Subject::Entity(String::new());
        if entity.id.trim().is_empty() {
            self.error(&subject, "has an empty id");
        } else if entity.id.chars().any(char::is_whitespace) {
            self.error(&subject, "id contains whitespace");
        }
        if duplicate {
            self.error(&subject, "duplicate entity id");
        }
        if entity.name.is_empty() {
            self.error(&subject, "has no name in Chinese or English");
        }
        if entity.id.chars().any(super::safety::is_unsafe_char) {
            self.warning(&subject, "id holds control or bidi-override characters");
        }
        if [&entity.name.zh, &entity.name.en]
            .iter()
            .any(|n| n.chars().any(super::safety::is_unsafe_char))
        {
            self.warning(&subject, "name holds control or bidi-override characters");
        }
        if !entity.website.trim().is_empty() && !super::safety::is_web_link(&entity.website) {
            self.warning(
                &subject,
                "website is not an http or https address; it will not be opened",
            );
        }
        for sector in &entity.sectors {
            if !self.sector_ids.contains(sector.as_str()) {
                self.error(
                    &subject,
                    format!("sector `{sector}` is not declared in the model's sectors"),
                );
            }
        }
        self.date(&subject, "founded", entity.founded);
        self.date(&subject, "joined", entity.joined);
        self.date(&subject, "ended", entity.ended);
        self.order(
            &subject,
            ("founded", entity.founded),
            ("ended", entity.ended),
        );
        self.order(&subject, ("joined", entity.joined), ("ended", entity.ended));
        if let Some(place) = &entity.location {
            self.place_ref(&subject, "location", place);
            if place == &entity.id {
                self.error(&subject, "is located in itself");
            }
        }
        if let Some(c) = entity.coordinates
            && (!(-90.0..=90.0).contains(&c.lat) || !(-180.0..=180.0).contains(&c.lon))
        {
            self.error(
                &subject,
                format!("coordinates {}, {} are off the Earth", c.lat, c.lon),
            );
        }
        self.figures(&subject, &entity.figures);
        for edition in &entity.editions {
            let what = format!("edition {}", edition.date);
            self.date(&subject, &what, Some(edition.date));
            self.date(&subject, &format!("{what} end"), edition.end);
            self.order(
                &subject,
                ("start", Some(edition.date)),
                ("end", edition.end),
            );
            if let Some(place) = &edition.location {
                self.place_ref(&subject, &what, place);
            }
            self.figures(&subject, &edition.figures);
            self.cites(&subject, &what, &edition.sources, false);
        }
        self.cites(&subject, "it", &entity.sources, false);
        self.provenance(
            &subject,
            "it",
            entity.disputed.as_deref(),
            &entity.inferred,
            ENTITY_FIELDS,
        );
        if entity.founded_here && entity.founded.is_none() {
            self.warning(&subject, "is founded here but has no founding date");
        }
        if entity.sources.is_empty() {
            self.warning(&subject, "rests on no source");
        }
    }

    fn place_ref(&mut self, subject: &Subject, what: &str, place: &str) {
        match (self.find)(place) {
            None => self.error(subject, format!("{what} `{place}` does not exist")),
            Some(e) if e.kind != EntityKind::Place => {
                self.error(
                    subject,
                    format!("{what} `{place}` is a {:?}, not a place", e.kind),
                );
            }
            Some(_) => {}
        }
    }

    fn relation(&mut self, index: usize, relation: &Relation) {
        let start = self.problems.len();
        self.relation_checks(index, relation);
        // Labelled only where there are problems: formatting a label for each of 10^5
        // relations that have none cost more than the checks.
        let problems = self.problems.get_mut(start..).unwrap_or_default();
        if !problems.is_empty() {
            let written = format!("{} -{:?}-> {}", relation.from, relation.kind, relation.to);
            for problem in problems {
                if let Subject::Relation { label, .. } = &mut problem.subject {
                    label.clone_from(&written);
                }
            }
        }
    }

    fn relation_checks(&mut self, index: usize, relation: &Relation) {
        let subject = Subject::Relation {
            index,
            label: String::new(),
        };
        let from = (self.find)(&relation.from);
        let to = (self.find)(&relation.to);
        if from.is_none() {
            self.error(&subject, format!("`{}` does not exist", relation.from));
        }
        if to.is_none() {
            self.error(&subject, format!("`{}` does not exist", relation.to));
        }
        if let (Some(from), Some(to)) = (from, to)
            && !relation.kind.allows(from.kind, to.kind)
        {
            self.error(
                &subject,
                format!(
                    "{:?} may not join a {:?} to a {:?}",
                    relation.kind, from.kind, to.kind
                ),
            );
        }
        if relation.from == relation.to {
            self.error(&subject, "joins an entity to itself");
        }
        self.date(&subject, "since", relation.since);
        self.date(&subject, "until", relation.until);
        self.order(
            &subject,
            ("since", relation.since),
            ("until", relation.until),
        );
        self.cites(&subject, "it", &relation.sources, false);
        self.provenance(
            &subject,
            "it",
            relation.disputed.as_deref(),
            &relation.inferred,
            RELATION_FIELDS,
        );
    }

    /// What follows the relations: indicators, milestones, story and layout.
    fn rest(&mut self) {
        self.indicators();
        self.milestones();
        self.story();
        self.pins();
    }

    fn indicators(&mut self) {
        let model = self.model;
        let mut seen = HashSet::default();
        for indicator in &model.indicators {
            let subject = Subject::Indicator(indicator.id.clone());
            if indicator.id.trim().is_empty() {
                self.error(&subject, "has an empty id");
            }
            if !seen.insert(indicator.id.as_str()) {
                self.error(&subject, "duplicate indicator id");
            }
            if indicator.name.is_empty() {
                self.error(&subject, "has no name in Chinese or English");
            }
            if !self.is_entity(&indicator.scope) {
                self.error(
                    &subject,
                    format!("scope `{}` does not exist", indicator.scope),
                );
            }
            let mut dates = HashSet::default();
            for point in &indicator.points {
                let what = format!("point {}", point.date);
                self.date(&subject, &what, Some(point.date));
                self.value(&subject, &what, point.value, indicator.unit);
                self.cites(&subject, &what, &point.sources, true);
                self.provenance(
                    &subject,
                    &what,
                    point.disputed.as_deref(),
                    &point.inferred,
                    POINT_FIELDS,
                );
                if !dates.insert(point.date) {
                    self.warning(&subject, format!("{what} appears twice"));
                }
            }
        }
    }

    fn milestones(&mut self) {
        let model = self.model;
        for (index, milestone) in model.milestones.iter().enumerate() {
            let subject = Subject::Milestone {
                index,
                date: milestone.date.to_string(),
            };
            self.date(&subject, "its", Some(milestone.date));
            if milestone.title.is_empty() {
                self.error(&subject, "has no title");
            }
            for id in &milestone.entities {
                if !self.is_entity(id) {
                    self.error(&subject, format!("entity `{id}` does not exist"));
                }
            }
            self.cites(&subject, "it", &milestone.sources, true);
            self.provenance(
                &subject,
                "it",
                milestone.disputed.as_deref(),
                &milestone.inferred,
                MILESTONE_FIELDS,
            );
        }
    }

    fn story(&mut self) {
        let model = self.model;
        for (index, slide) in model.story.iter().enumerate() {
            let subject = Subject::Slide(index);
            if slide.title.is_empty() {
                self.error(&subject, "has no title");
            }
            if let Some(id) = &slide.entity
                && !self.is_entity(id)
            {
                self.error(
                    &subject,
                    format!("shows entity `{id}`, which does not exist"),
                );
            }
            if let Some(id) = &slide.chart
                && !model.indicators.iter().any(|i| &i.id == id)
            {
                self.error(
                    &subject,
                    format!("charts indicator `{id}`, which does not exist"),
                );
            }
            if let Some(why) = slide.year.and_then(|y| Date::year(y).impossibility()) {
                self.error(&subject, why);
            }
            self.cites(&subject, "it", &slide.sources, false);
            self.provenance(&subject, "it", slide.disputed.as_deref(), &[], &[]);
            if slide.depth > 3 {
                self.warning(
                    &subject,
                    "shows more than 3 steps around its entity; 3 are shown",
                );
            }
            if slide
                .camera
                .is_some_and(|c| !(c.x.is_finite() && c.y.is_finite() && c.scale > 0.0))
            {
                self.error(&subject, "has a camera position that is not usable");
            }
        }
    }

    fn pins(&mut self) {
        let mut pinned = HashSet::default();
        for pin in &self.model.layout {
            let subject = Subject::Entity(pin.entity.clone());
            if !self.is_entity(&pin.entity) {
                self.error(&subject, "is pinned in the layout but does not exist");
            }
            if !pin.x.is_finite() || !pin.y.is_finite() {
                self.error(&subject, "is pinned at a position that is not a number");
            }
            if !pinned.insert(pin.entity.as_str()) {
                self.warning(
                    &subject,
                    "is pinned twice in the layout; the first pin is used",
                );
            }
        }
    }
}
