//! Figures: a sourced number with its unit and how exact the source says it is.

use serde::{Deserialize, Serialize};

use super::{Cite, Date, Dispute, Inference, Text};

/// What a figure measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Measure {
    Staff,
    FundSize,
    Area,
    Attendance,
    OnlineViewers,
    Exhibitors,
    /// Countries and regions represented.
    Countries,
    Members,
    FoundingMembers,
    Investment,
    Output,
    Enterprises,
    NewEnterprises,
    Laboratories,
    /// A number a policy aims for.
    Target,
    /// How many of something the note names (pilot cities, towns in a batch).
    Count,
}

/// The unit a value is counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Unit {
    /// Renminbi yuan.
    Cny,
    Usd,
    People,
    /// Enterprises or organisations (家).
    Organisations,
    SquareMetres,
    SquareKilometres,
    /// Characteristic towns and other places (个).
    Places,
    Laboratories,
    Countries,
    Percent,
}

impl Measure {
    pub const ALL: [Measure; 16] = [
        Self::Staff,
        Self::FundSize,
        Self::Area,
        Self::Attendance,
        Self::OnlineViewers,
        Self::Exhibitors,
        Self::Countries,
        Self::Members,
        Self::FoundingMembers,
        Self::Investment,
        Self::Output,
        Self::Enterprises,
        Self::NewEnterprises,
        Self::Laboratories,
        Self::Target,
        Self::Count,
    ];
}

impl Unit {
    pub const ALL: [Unit; 10] = [
        Self::Cny,
        Self::Usd,
        Self::People,
        Self::Organisations,
        Self::SquareMetres,
        Self::SquareKilometres,
        Self::Places,
        Self::Laboratories,
        Self::Countries,
        Self::Percent,
    ];

    pub fn is_money(self) -> bool {
        matches!(self, Self::Cny | Self::Usd)
    }
}

/// How exact the source says a value is: `近30亿` is nearly, `60余家` is over.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Qualifier {
    #[default]
    Exact,
    /// 约, about.
    About,
    /// 近, nearly (a little under).
    Nearly,
    /// 余 / 超过, over.
    Over,
}

impl Qualifier {
    pub const ALL: [Qualifier; 4] = [Self::Exact, Self::About, Self::Nearly, Self::Over];

    pub fn is_exact(&self) -> bool {
        *self == Self::Exact
    }
}

/// A sourced number about an entity: staff, fund size, area, attendance…
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub measure: Measure,
    pub value: f64,
    pub unit: Unit,
    #[serde(default, skip_serializing_if = "Qualifier::is_exact")]
    pub qualifier: Qualifier,
    /// When the value held; empty when the source does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
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
