//! The headline figures: what the overview's cards, a slide and the PDF briefing show first —
//! each figure with its unit, date and sources, computed from the model.

use crate::document::Document;
use crate::i18n::{Lang, format_figure, measure};
use crate::model::{Cite, Entity, EntityKind, Measure};

/// An entity's name in `lang`, its id where it has none.
pub fn name_of(entity: &Entity, lang: Lang) -> &str {
    let name = entity.name.get(lang);
    if name.is_empty() { &entity.id } else { name }
}

/// One headline figure, with where it comes from.
pub struct Card {
    pub title: String,
    pub value: String,
    pub when: String,
    pub note: String,
    pub cites: Vec<Cite>,
    /// The entity the figure is about.
    pub about: Option<String>,
    /// Other sources contradict the figure.
    pub disputed: Option<Box<crate::model::Dispute>>,
    /// For a count of members larger than the model holds: how many the sources name.
    pub named: Option<usize>,
    /// What of the figure the editors inferred.
    pub inferred: Vec<crate::model::Inference>,
}

/// The headline figures: the newest point of every indicator, then the members of each
/// alliance and the size of each fund, as the model records them.
pub fn cards(doc: &Document, lang: Lang, year: Option<i32>) -> Vec<Card> {
    let model = doc.model();
    let mut cards = Vec::new();
    // As of a year: the newest value recorded by then (its date is on the card).
    let by_then = |date: Option<crate::model::Date>| {
        year.is_none_or(|year| date.is_none_or(|d| d.year <= year))
    };
    for indicator in &model.indicators {
        let point = indicator
            .points
            .iter()
            .filter(|p| by_then(Some(p.date)))
            .max_by(|a, b| a.date.midpoint().total_cmp(&b.date.midpoint()));
        let Some(point) = point else {
            continue;
        };
        cards.push(Card {
            title: indicator.name.get(lang).to_owned(),
            value: format_figure(point.value, indicator.unit, point.qualifier, lang),
            when: crate::i18n::date(point.date, lang),
            note: point.note.get(lang).to_owned(),
            cites: point.sources.clone(),
            about: Some(indicator.scope.clone()),
            disputed: point.disputed.clone(),
            named: None,
            inferred: point.inferred.clone(),
        });
    }
    for (i, entity) in model
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| year.is_none_or(|year| e.alive_in(year)))
    {
        let wanted = match entity.kind {
            EntityKind::Alliance => Measure::Members,
            EntityKind::Fund => Measure::FundSize,
            _ => continue,
        };
        let named = (wanted == Measure::Members)
            .then(|| model.members_named(doc.index(), i))
            .flatten()
            .map(|(named, _)| named);
        for figure in entity
            .figures
            .iter()
            .filter(|f| f.measure == wanted && by_then(f.date))
        {
            cards.push(Card {
                title: format!("{} · {}", measure(wanted, lang), name_of(entity, lang)),
                value: format_figure(figure.value, figure.unit, figure.qualifier, lang),
                when: figure.date.map_or_else(
                    || crate::i18n::strings(lang).views.year_unknown.to_owned(),
                    |d| crate::i18n::date(d, lang),
                ),
                note: figure.note.get(lang).to_owned(),
                cites: figure.sources.clone(),
                about: Some(entity.id.clone()),
                disputed: figure.disputed.clone(),
                inferred: figure.inferred.clone(),
                named: named.filter(|&n| (n as f64) < figure.value),
            });
        }
    }
    cards
}
