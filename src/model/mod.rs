//! The document: a town's ecosystem as entities, relations, indicators, milestones and sources.
//!
//! Plain data with serde, no egui: the command line and the tests use it without a window.

mod community;
mod date;
pub mod diff;
mod figure;
pub mod filter;
mod kinds;
pub mod metrics;
mod provenance;
mod query;
pub mod safety;
pub mod time;
mod validate;

pub use date::{Date, DateSyntaxError, Period};
pub use figure::{Figure, Measure, Qualifier, Unit};
pub use kinds::{EntityKind, RelationKind};
pub use metrics::Metrics;
pub use provenance::{Dispute, Inference, ProvenanceCounts, Translated, inferred};
pub use query::{Index, RelationEnd};
pub use validate::{Findings, Problem, Severity, Subject, validate};

use serde::{Deserialize, Serialize};

/// The file format version this build writes. Files of this version or older load.
pub const FORMAT_VERSION: u32 = 1;

/// The language of the interface and of the data shown: which side of a [`Text`] is read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn is_chinese(self) -> bool {
        self == Self::Zh
    }

    /// The other language (a name's other spelling, under the one shown).
    pub fn other(self) -> Self {
        match self {
            Self::Zh => Self::En,
            Self::En => Self::Zh,
        }
    }

    /// Picks the Chinese or the English text.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Self::Zh => zh,
            Self::En => en,
        }
    }
}

/// A name or a text in Chinese and English; either may be empty, not both.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(default)]
pub struct Text {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub zh: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub en: String,
    /// Which language no source gives: the model's editors translated it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translated: Option<Translated>,
}

impl Text {
    pub fn new(zh: &str, en: &str) -> Self {
        Self {
            zh: zh.to_owned(),
            en: en.to_owned(),
            translated: None,
        }
    }

    /// Whether [`get`](Self::get) for this language gives the Chinese (after falling back).
    pub fn shows_chinese(&self, lang: Lang) -> bool {
        if lang == Lang::Zh {
            !self.zh.trim().is_empty()
        } else {
            self.en.trim().is_empty()
        }
    }

    /// Whether the text [`get`](Self::get) gives for this language is the editors' translation
    /// (it looks at the language actually shown, after falling back).
    pub fn shown_translated(&self, lang: Lang) -> bool {
        self.translated
            .is_some_and(|t| t.covers(self.shows_chinese(lang)))
    }

    /// Nothing readable in either language (validation's sense of empty).
    pub fn is_empty(&self) -> bool {
        self.zh.trim().is_empty() && self.en.trim().is_empty()
    }

    /// Both strings are exactly empty: only then is the field left out of the file, so text
    /// that is all spaces or line breaks is kept, not lost on saving.
    pub fn is_unset(&self) -> bool {
        self.zh.is_empty() && self.en.is_empty()
    }

    /// The text in the wanted language, falling back to the other one.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = if lang == Lang::Zh {
            (&self.zh, &self.en)
        } else {
            (&self.en, &self.zh)
        };
        if first.trim().is_empty() {
            second
        } else {
            first
        }
    }
}

/// A reference to a source, with where in it the fact is read (a section, a page, a table).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cite {
    pub source: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub at: String,
}

/// Where a fact comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    /// Its title as published; empty when it was not recorded (the locator then names it).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub publisher: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// A URL, or how to find the document.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub locator: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Source {
    /// What to call the source: its title; without one, its address (a locator with no spaces),
    /// else its publisher, else how to find it, else its id.
    pub fn display_name(&self) -> &str {
        let address = Some(&self.locator).filter(|l| !l.contains(' '));
        [
            Some(&self.title),
            address,
            Some(&self.publisher),
            Some(&self.locator),
        ]
        .into_iter()
        .flatten()
        .find(|t| !t.trim().is_empty())
        .map_or(self.id.as_str(), String::as_str)
    }
}

/// A sector an entity works in, named in both languages; entities refer to it by id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sector {
    pub id: String,
    pub name: Text,
}

/// A point on the Earth, in degrees.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coordinates {
    pub lat: f64,
    pub lon: f64,
    /// The source gives only an area or a rough position.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
}

/// One edition of a recurring event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    pub date: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
    #[serde(default, skip_serializing_if = "Text::is_unset")]
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
    #[serde(default, skip_serializing_if = "Text::is_unset")]
    pub note: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Cite>,
}

/// What a policy document says of itself: its number and its goals.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(default)]
pub struct PolicyDocument {
    /// The document number, e.g. `建村〔2016〕147号`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub number: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<Text>,
}

/// An organisation, person, place, fund, event or policy of the town's ecosystem.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    /// Stable and readable: `aliyun`, `ginkgo-valley-fund`.
    pub id: String,
    pub kind: EntityKind,
    pub name: Text,
    /// A finer kind: `university`, `park`, `valley`, `media`…
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub subkind: String,
    /// Ids of the model's sectors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<String>,
    /// Founded, started, opened or issued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub founded: Option<Date>,
    /// Came to the town.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joined: Option<Date>,
    /// Founded, opened or issued in the town the model is about (or, for a policy, for it), so
    /// that its founding is when it entered the town's ecosystem; otherwise only `joined` is.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub founded_here: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<Date>,
    /// The id of the place it is in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<Coordinates>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub website: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<PolicyDocument>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub editions: Vec<Edition>,
    #[serde(default, skip_serializing_if = "Text::is_unset")]
    pub description: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Cite>,
    /// Other sources contradict it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disputed: Option<Box<Dispute>>,
    /// What of it the model's editors inferred rather than read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inferred: Vec<Inference>,
}

impl Entity {
    /// A bare entity; the rest is filled in by whoever makes it.
    pub fn new(id: &str, kind: EntityKind, name: Text) -> Self {
        Self {
            id: id.to_owned(),
            kind,
            name,
            subkind: String::new(),
            sectors: Vec::new(),
            founded: None,
            joined: None,
            ended: None,
            location: None,
            coordinates: None,
            website: String::new(),
            figures: Vec::new(),
            policy: None,
            editions: Vec::new(),
            description: Text::default(),
            sources: Vec::new(),
            founded_here: false,
            disputed: None,
            inferred: Vec::new(),
        }
    }
}

/// The first id of the form `PREFIX-1`, `PREFIX-2`, … that `taken` says is free (a new
/// entity, source, sector or indicator is named this until the user names it).
pub fn fresh_id(prefix: &str, taken: impl Fn(&str) -> bool) -> String {
    (1..)
        .map(|n| format!("{prefix}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_else(|| prefix.to_owned())
}

/// A typed, optionally dated link between two entities.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    pub kind: RelationKind,
    pub from: String,
    pub to: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
    #[serde(default, skip_serializing_if = "Text::is_unset")]
    pub note: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Cite>,
    /// Other sources contradict it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disputed: Option<Box<Dispute>>,
    /// What of it the model's editors inferred rather than read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inferred: Vec<Inference>,
}

impl Relation {
    /// A bare relation of `kind` from one entity to another (by id); the rest is filled in by
    /// whoever makes it.
    pub fn new(kind: RelationKind, from: &str, to: &str) -> Self {
        Self {
            kind,
            from: from.to_owned(),
            to: to.to_owned(),
            since: None,
            until: None,
            note: Text::default(),
            sources: Vec::new(),
            disputed: None,
            inferred: Vec::new(),
        }
    }
}

/// One value of an indicator.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    pub date: Date,
    pub value: f64,
    #[serde(default, skip_serializing_if = "Qualifier::is_exact")]
    pub qualifier: Qualifier,
    #[serde(default, skip_serializing_if = "Text::is_unset")]
    pub note: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Cite>,
    /// Other sources contradict it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disputed: Option<Box<Dispute>>,
    /// What of it the model's editors inferred rather than read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inferred: Vec<Inference>,
}

/// A named time series: the town's output, fiscal revenue, enterprises…
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub name: Text,
    pub unit: Unit,
    /// The entity the figures are about (usually the town).
    pub scope: String,
    #[serde(default, skip_serializing_if = "Text::is_unset")]
    pub description: Text,
    pub points: Vec<Point>,
}

impl Indicator {
    /// The newest point, if any.
    pub fn latest(&self) -> Option<&Point> {
        self.points
            .iter()
            .max_by(|a, b| a.date.midpoint().total_cmp(&b.date.midpoint()))
    }
}

/// A dated happening with the entities involved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    pub date: Date,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Text::is_unset")]
    pub description: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Cite>,
    /// Other sources contradict it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disputed: Option<Box<Dispute>>,
    /// What of it the model's editors inferred rather than read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inferred: Vec<Inference>,
}

/// A whole town model: what a `.ron` file holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    pub format_version: u32,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Text::is_unset")]
    pub description: Text,
    /// The entity the model is about (the town), shown first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus: Option<String>,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<Sector>,
    #[serde(default)]
    pub entities: Vec<Entity>,
    #[serde(default)]
    pub relations: Vec<Relation>,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    /// The story a presenter tells with the model, slide by slide.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub story: Vec<Slide>,
    /// Where users pinned entities in the network view, so an arrangement survives a save.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub layout: Vec<Pin>,
}

/// What a slide shows in the centre of the window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SlideView {
    #[default]
    Overview,
    Network,
    Timeline,
    /// The focused entity's details, large.
    Details,
}

/// Where the network view's camera looks: a point of the layout plane and a zoom.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SlideCamera {
    pub x: f32,
    pub y: f32,
    pub scale: f32,
}

/// One slide of a story: what it says and what the window shows while it is on screen.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Slide {
    pub title: Text,
    #[serde(default, skip_serializing_if = "Text::is_unset")]
    pub caption: Text,
    #[serde(default)]
    pub view: SlideView,
    /// The entity the slide is about: selected, and in the network the centre of a
    /// neighbourhood of `depth` steps (0: the whole network).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub depth: u8,
    /// The ecosystem as of this year; none shows every year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Kinds of entity the network leaves out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hidden_kinds: Vec<EntityKind>,
    /// The indicator the overview's chart shows (its id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chart: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub camera: Option<SlideCamera>,
    /// Where the caption's facts come from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Cite>,
    /// Other sources contradict what the caption says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disputed: Option<Box<Dispute>>,
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

impl Slide {
    pub fn new(title: Text) -> Self {
        Self {
            title,
            caption: Text::default(),
            view: SlideView::Overview,
            entity: None,
            depth: 0,
            year: None,
            hidden_kinds: Vec::new(),
            chart: None,
            camera: None,
            sources: Vec::new(),
            disputed: None,
        }
    }
}

/// An entity held at a position of the network view's layout plane.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pin {
    pub entity: String,
    pub x: f32,
    pub y: f32,
}

impl Model {
    /// An empty model of the current format.
    pub fn new(name: Text) -> Self {
        Self {
            format_version: FORMAT_VERSION,
            name,
            description: Text::default(),
            focus: None,
            sources: Vec::new(),
            sectors: Vec::new(),
            entities: Vec::new(),
            relations: Vec::new(),
            indicators: Vec::new(),
            milestones: Vec::new(),
            story: Vec::new(),
            layout: Vec::new(),
        }
    }

    /// What File → New model opens: no entities yet, and one source with nothing written in it
    /// (validation asks for its title or where to find it), which the first facts will cite.
    pub fn blank() -> Self {
        let mut model = Self::new(Text {
            zh: "新模型".into(),
            en: "New model".into(),
            translated: None,
        });
        model.sources.push(Source {
            id: "source-1".into(),
            title: String::new(),
            publisher: String::new(),
            date: None,
            locator: String::new(),
            note: String::new(),
        });
        model
    }

    /// The name of a sector in the wanted language (its id if it is not declared).
    pub fn sector_name<'a>(&'a self, id: &'a str, lang: Lang) -> &'a str {
        self.sectors.iter().find(|s| s.id == id).map_or(id, |s| {
            let name = s.name.get(lang);
            if name.is_empty() { id } else { name }
        })
    }

    /// The counts `townscope check` reports.
    pub fn summary(&self) -> String {
        let provenance = self.provenance_counts();
        format!(
            "{} entities, {} relations, {} indicators, {} milestones, {} sources, {} slides; \
             {} disputed, {} inferred, {} translated",
            self.entities.len(),
            self.relations.len(),
            self.indicators.len(),
            self.milestones.len(),
            self.sources.len(),
            self.story.len(),
            provenance.disputed,
            provenance.inferred,
            provenance.translated,
        )
    }
}
