//! Which entities and links a view shows: entity kinds, relation kinds, sectors, a year range for
//! dated relations, and the neighbourhood of one entity. No egui: the network view and the tests
//! ask the same question here.

use std::collections::{BTreeSet, VecDeque};

use serde::{Deserialize, Serialize};

use super::{EntityKind, Index, Model, RelationKind};

/// A line of the network: a relation, or an entity's `location` (drawn as "located in").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Link {
    pub from: usize,
    pub to: usize,
    pub kind: RelationKind,
    /// Index into `Model::relations`; `None` for a location.
    pub relation: Option<usize>,
}

/// Every link of a model whose ends exist, relations first in file order, then locations.
pub fn links(model: &Model, index: &Index) -> Vec<Link> {
    let mut links: Vec<Link> = model
        .relations
        .iter()
        .enumerate()
        .filter_map(|(r, relation)| {
            let (from, to) = index.relation_ends(r)?;
            Some(Link {
                from,
                to,
                kind: relation.kind,
                relation: Some(r),
            })
        })
        .collect();
    links.extend((0..model.entities.len()).filter_map(|i| {
        Some(Link {
            from: i,
            to: index.place_of(i)?,
            kind: RelationKind::LocatedIn,
            relation: None,
        })
    }));
    links
}

/// Show only what is within `depth` steps of `entity` (an id: a focus outlives edits that move
/// entities in the list, and one whose entity is gone shows everything).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Focus {
    pub entity: String,
    pub depth: u8,
}

/// What to leave out. The default shows everything.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    pub hidden_kinds: BTreeSet<EntityKind>,
    pub hidden_relations: BTreeSet<RelationKind>,
    /// Only entities working in one of these sectors (ids); empty means every entity.
    pub sectors: BTreeSet<String>,
    /// Relations dated wholly outside these years (inclusive) are hidden; undated ones stay.
    pub years: Option<(i32, i32)>,
    #[serde(skip)]
    pub focus: Option<Focus>,
    /// The ecosystem as of this year: entities not yet in the town and relations not yet begun
    /// (or already over) are hidden. Set from the app's year control, not remembered.
    #[serde(skip)]
    pub as_of: Option<i32>,
}

/// The answer: one flag per entity and per link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    pub entities: Vec<bool>,
    pub links: Vec<bool>,
    /// How many of each are shown, counted once.
    counts: (usize, usize),
    /// As of a year: how many of the shown entities have no known arrival (drawn apart).
    undated: usize,
}

impl Shown {
    pub fn entity_count(&self) -> usize {
        self.counts.0
    }

    pub fn link_count(&self) -> usize {
        self.counts.1
    }

    /// As of a year, the shown entities whose arrival the sources do not give.
    pub fn undated_count(&self) -> usize {
        self.undated
    }
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// Applies the filter; `graph` is the document's neighbour lists, used for the focus.
    pub fn apply(&self, model: &Model, graph: &[Vec<usize>], links: &[Link]) -> Shown {
        let near = self.focus.as_ref().and_then(|f| {
            let at = model.entities.iter().position(|e| e.id == f.entity)?;
            (at < graph.len()).then(|| within_steps(graph, at, f.depth))
        });
        let entities: Vec<bool> = model
            .entities
            .iter()
            .enumerate()
            .map(|(i, entity)| {
                !self.hidden_kinds.contains(&entity.kind)
                    && self.as_of.is_none_or(|year| entity.alive_in(year))
                    && (self.sectors.is_empty()
                        || entity.sectors.iter().any(|s| self.sectors.contains(s)))
                    && near.as_ref().is_none_or(|near| near[i])
            })
            .collect();
        let links = links
            .iter()
            .map(|link| {
                entities[link.from]
                    && entities[link.to]
                    && !self.hidden_relations.contains(&link.kind)
                    && self.in_years(model, link)
            })
            .collect::<Vec<bool>>();
        let counts = (
            entities.iter().filter(|&&s| s).count(),
            links.iter().filter(|&&s| s).count(),
        );
        let undated = self.as_of.map_or(0, |year| {
            model
                .entities
                .iter()
                .zip(&entities)
                .filter(|(e, shown)| {
                    **shown && e.presence_in(year) == super::time::Presence::Undated
                })
                .count()
        });
        Shown {
            entities,
            links,
            counts,
            undated,
        }
    }

    fn in_years(&self, model: &Model, link: &Link) -> bool {
        let Some(r) = link.relation else {
            return true;
        };
        let relation = &model.relations[r];
        if let Some(year) = self.as_of
            && !relation.alive_in(year)
        {
            return false;
        }
        let Some((first, last)) = self.years else {
            return true;
        };
        let began_after = relation.since.is_some_and(|d| d.year > last);
        let ended_before = relation.until.is_some_and(|d| d.year < first);
        !began_after && !ended_before
    }
}

/// The entities at most `depth` steps from `start` (breadth-first over neighbour lists).
pub fn within_steps(graph: &[Vec<usize>], start: usize, depth: u8) -> Vec<bool> {
    let mut seen = vec![false; graph.len()];
    let Some(flag) = seen.get_mut(start) else {
        return seen;
    };
    *flag = true;
    let mut queue = VecDeque::from([(start, 0u8)]);
    while let Some((node, distance)) = queue.pop_front() {
        if distance == depth {
            continue;
        }
        for &next in &graph[node] {
            if !seen[next] {
                seen[next] = true;
                queue.push_back((next, distance + 1));
            }
        }
    }
    seen
}

/// The years of the model's dated relations, first and last, for a year-range control.
pub fn relation_years(model: &Model) -> Option<(i32, i32)> {
    let years = model
        .relations
        .iter()
        .flat_map(|r| [r.since, r.until])
        .flatten()
        .map(|d| d.year);
    years.fold(None, |range, y| match range {
        None => Some((y, y)),
        Some((a, b)) => Some((a.min(y), b.max(y))),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::metrics::simple_graph;
    use crate::model::{Date, Entity, Relation, Text};

    fn relation(kind: RelationKind, from: &str, to: &str, since: Option<i32>) -> Relation {
        Relation {
            kind,
            from: from.into(),
            to: to.into(),
            since: since.map(Date::year),
            until: None,
            note: Text::default(),
            sources: Vec::new(),
            disputed: None,
            inferred: Vec::new(),
        }
    }

    /// a — b — c — d in a line (a fund, two enterprises, a place), e alone, d contains c.
    fn model() -> Model {
        let mut model = Model::new(Text::new("测试", "Test"));
        for (id, kind) in [
            ("a", EntityKind::Fund),
            ("b", EntityKind::Enterprise),
            ("c", EntityKind::Enterprise),
            ("d", EntityKind::Place),
            ("e", EntityKind::Person),
        ] {
            model
                .entities
                .push(Entity::new(id, kind, Text::new(id, id)));
        }
        model.entities[1].sectors = vec!["cloud".into()];
        model.entities[2].location = Some("d".into());
        model.relations = vec![
            relation(RelationKind::InvestsIn, "a", "b", Some(2015)),
            relation(RelationKind::PartnersWith, "b", "c", None),
        ];
        model
    }

    fn apply(filter: &Filter) -> Shown {
        let model = model();
        let index = Index::new(&model);
        filter.apply(&model, &simple_graph(&model), &links(&model, &index))
    }

    #[test]
    fn locations_are_links_after_the_relations() {
        let model = model();
        let links = links(&model, &Index::new(&model));
        assert_eq!(links.len(), 3);
        assert_eq!(
            links[2],
            Link {
                from: 2,
                to: 3,
                kind: RelationKind::LocatedIn,
                relation: None
            }
        );
    }

    #[test]
    fn the_default_filter_shows_everything() {
        let shown = apply(&Filter::default());
        assert_eq!((shown.entity_count(), shown.link_count()), (5, 3));
    }

    #[test]
    fn hiding_a_kind_hides_its_entities_and_their_links() {
        let filter = Filter {
            hidden_kinds: BTreeSet::from([EntityKind::Place]),
            ..Filter::default()
        };
        let shown = apply(&filter);
        assert_eq!(shown.entities, [true, true, true, false, true]);
        assert_eq!(shown.links, [true, true, false]);
    }

    #[test]
    fn hiding_a_relation_kind_keeps_the_entities() {
        let filter = Filter {
            hidden_relations: BTreeSet::from([RelationKind::InvestsIn]),
            ..Filter::default()
        };
        let shown = apply(&filter);
        assert_eq!(shown.entity_count(), 5);
        assert_eq!(shown.links, [false, true, true]);
    }

    #[test]
    fn a_sector_keeps_only_the_entities_working_in_it() {
        let filter = Filter {
            sectors: BTreeSet::from(["cloud".to_owned()]),
            ..Filter::default()
        };
        let shown = apply(&filter);
        assert_eq!(shown.entities, [false, true, false, false, false]);
        assert_eq!(shown.link_count(), 0);
    }

    #[test]
    fn a_year_range_hides_relations_begun_after_it_but_never_undated_ones() {
        let before = Filter {
            years: Some((2010, 2014)),
            ..Filter::default()
        };
        assert_eq!(apply(&before).links, [false, true, true]);
        let including = Filter {
            years: Some((2015, 2020)),
            ..Filter::default()
        };
        assert_eq!(apply(&including).links, [true, true, true]);
    }

    #[test]
    fn focus_keeps_the_neighbourhood_of_the_chosen_depth() {
        let at = |depth| Filter {
            focus: Some(Focus {
                entity: "a".to_owned(),
                depth,
            }),
            ..Filter::default()
        };
        assert_eq!(apply(&at(1)).entities, [true, true, false, false, false]);
        assert_eq!(apply(&at(2)).entities, [true, true, true, false, false]);
        assert_eq!(apply(&at(3)).entities, [true, true, true, true, false]);
    }

    #[test]
    fn relation_years_span_the_dated_relations() {
        assert_eq!(relation_years(&model()), Some((2015, 2015)));
        assert_eq!(relation_years(&Model::new(Text::new("空", "Empty"))), None);
    }
}
