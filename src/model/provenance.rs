//! How far a fact can be trusted: whether other sources tell it differently, what the model's
//! editors worked out rather than read, and which texts they translated.
//!
//! A model keeps a source's claim as that source's even when the public record disagrees, and
//! says so beside it ([`Dispute`]); a value the sources imply but do not state is marked
//! ([`Inference`]); a name or text no source gives in one of the two languages is marked as the
//! editors' translation ([`Translated`] on a [`Text`](super::Text)).

use serde::{Deserialize, Serialize};

use super::{Cite, Text};

/// Other sources contradict the fact it is attached to: what they say, and who says it. The fact
/// itself keeps its own sources; both accounts are shown together.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dispute {
    /// The other account, in both languages where possible.
    pub note: Text,
    /// Where the other account is read; at least one.
    pub sources: Vec<Cite>,
}

/// A value the model's editors inferred instead of reading it in a source: which field (empty:
/// the whole fact) and from what.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Inference {
    /// The field inferred (`date`, `founded`, `since`, `kind`…); empty for the whole fact.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub field: String,
    /// From what it was inferred.
    pub note: Text,
}

/// Which language of a text no source gives: the model's editors translated it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Translated {
    /// The Chinese is the editors' translation of an English source.
    Zh,
    /// The English is the editors' translation of a Chinese source.
    En,
    /// Neither: the source is in a third language.
    Both,
}

impl Translated {
    /// Whether the text shown in Chinese (`true`) or English is a translation.
    pub fn covers(self, chinese: bool) -> bool {
        match self {
            Self::Zh => chinese,
            Self::En => !chinese,
            Self::Both => true,
        }
    }
}

/// The inference of a fact about `field` (`""`: about the whole fact), if any.
pub fn inferred<'a>(inferences: &'a [Inference], field: &str) -> Option<&'a Inference> {
    inferences.iter().find(|i| i.field == field)
}

/// How many facts of a model are disputed, inferred or translated (`townscope check` says it).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ProvenanceCounts {
    pub disputed: usize,
    pub inferred: usize,
    pub translated: usize,
}

impl super::Model {
    /// Counts the disputes, inferred values and translated texts of the model.
    pub fn provenance_counts(&self) -> ProvenanceCounts {
        let mut counts = ProvenanceCounts::default();
        let mut fact = |disputed: &Option<Box<Dispute>>, inferred: &[Inference]| {
            counts.disputed += usize::from(disputed.is_some());
            counts.inferred += inferred.len();
        };
        for entity in &self.entities {
            fact(&entity.disputed, &entity.inferred);
            for figure in entity
                .figures
                .iter()
                .chain(entity.editions.iter().flat_map(|e| &e.figures))
            {
                fact(&figure.disputed, &figure.inferred);
            }
        }
        for relation in &self.relations {
            fact(&relation.disputed, &relation.inferred);
        }
        for point in self.indicators.iter().flat_map(|i| &i.points) {
            fact(&point.disputed, &point.inferred);
        }
        for milestone in &self.milestones {
            fact(&milestone.disputed, &milestone.inferred);
        }
        for slide in &self.story {
            fact(&slide.disputed, &[]);
        }
        counts.translated = self.texts().filter(|t| t.translated.is_some()).count();
        counts
    }

    /// Every text of the model: names, descriptions, notes, titles, captions.
    pub fn texts(&self) -> impl Iterator<Item = &Text> {
        let entities = self.entities.iter().flat_map(|e| {
            let figures = e
                .figures
                .iter()
                .chain(e.editions.iter().flat_map(|ed| &ed.figures))
                .map(|f| &f.note);
            let editions = e.editions.iter().flat_map(|ed| [&ed.name, &ed.note]);
            let goals = e.policy.iter().flat_map(|p| &p.goals);
            [&e.name, &e.description]
                .into_iter()
                .chain(figures)
                .chain(editions)
                .chain(goals)
        });
        let sectors = self.sectors.iter().map(|s| &s.name);
        let relations = self.relations.iter().map(|r| &r.note);
        let indicators = self.indicators.iter().flat_map(|i| {
            [&i.name, &i.description]
                .into_iter()
                .chain(i.points.iter().map(|p| &p.note))
        });
        let milestones = self
            .milestones
            .iter()
            .flat_map(|m| [&m.title, &m.description]);
        let story = self.story.iter().flat_map(|s| [&s.title, &s.caption]);
        [&self.name, &self.description]
            .into_iter()
            .chain(sectors)
            .chain(entities)
            .chain(relations)
            .chain(indicators)
            .chain(milestones)
            .chain(story)
    }
}
