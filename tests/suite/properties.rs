//! Properties over random models and random edit sequences: saving then loading gives the same
//! model and the same bytes; undoing every edit gives back the original exactly; redoing them
//! all gives back the edited model.

use proptest::prelude::*;
use townscope::document::Document;
use townscope::edit::{Edit, History, Op};
use townscope::io::Origin;
use townscope::io::{parse, to_canonical_string};
use townscope::model::{
    Cite, Date, Entity, EntityKind, Indicator, Milestone, Model, Pin, Relation, RelationKind,
    Source, Text, Unit,
};

fn text() -> impl Strategy<Value = String> {
    // Chinese, Latin, quotes, backslashes, newlines: what names and notes hold.
    proptest::string::string_regex("[a-zA-Z0-9 云栖小镇阿里巴巴\"\\\\\n,()#:-]{0,12}")
        .expect("a valid regex")
}

fn date() -> impl Strategy<Value = Option<Date>> {
    prop_oneof![
        Just(None),
        (1990i32..2030).prop_map(|y| Some(Date::year(y))),
        // Any year the parser reads, impossible ones included (validation flags them; saving
        // must still write them so they load again).
        (0i32..=9999).prop_map(|y| Some(Date::year(y))),
        (1990i32..2030, 1u8..=12).prop_map(|(y, m)| Some(Date::month(y, m))),
        (1990i32..2030, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Some(Date::day(y, m, d))),
    ]
}

fn entity(index: usize) -> impl Strategy<Value = Entity> {
    (
        proptest::sample::select(EntityKind::ALL.to_vec()),
        text(),
        text(),
        date(),
        date(),
        text(),
    )
        .prop_map(move |(kind, zh, en, founded, joined, description)| {
            let name = if zh.trim().is_empty() && en.trim().is_empty() {
                Text::new("名", "")
            } else {
                Text::new(&zh, &en)
            };
            let mut entity = Entity::new(&format!("e{index}"), kind, name);
            entity.founded = founded;
            entity.joined = joined;
            entity.description = Text::new(&description, "");
            entity.sources = vec![Cite {
                source: "doc".into(),
                at: String::new(),
            }];
            entity
        })
}

/// A model of 1–12 entities, relations between them that the schema allows, and pins.
fn model() -> impl Strategy<Value = Model> {
    (1usize..12)
        .prop_flat_map(|n| {
            (
                (0..n).map(entity).collect::<Vec<_>>(),
                proptest::collection::vec((0..n, 0..n, 0usize..16, date()), 0..20),
                proptest::collection::vec((0..n, -1e4f32..1e4, -1e4f32..1e4), 0..4),
            )
        })
        .prop_map(|(entities, pairs, pins)| {
            let mut model = Model::new(Text::new("随机小镇", "Random town"));
            model.sources.push(Source {
                id: "doc".into(),
                title: "A document".into(),
                publisher: String::new(),
                date: None,
                locator: String::new(),
                note: String::new(),
            });
            for (a, b, k, since) in pairs {
                let kind = RelationKind::ALL[k];
                if a != b && kind.allows(entities[a].kind, entities[b].kind) {
                    model.relations.push(Relation {
                        kind,
                        from: entities[a].id.clone(),
                        to: entities[b].id.clone(),
                        since,
                        until: None,
                        note: Text::default(),
                        sources: vec![],
                        disputed: None,
                        inferred: Vec::new(),
                    });
                }
            }
            let mut pinned = std::collections::BTreeSet::new();
            for (i, x, y) in pins {
                if pinned.insert(i) {
                    model.layout.push(Pin {
                        entity: entities[i].id.clone(),
                        x,
                        y,
                    });
                }
            }
            model.entities = entities;
            model
        })
}

/// One random edit, built from what the model holds now.
#[derive(Clone, Debug)]
enum Step {
    Rename(usize, String),
    Add(EntityKind),
    Delete(usize),
    Relate(usize, usize, usize),
    Unrelate(usize),
    Pin(usize, f32),
    AddSource(String),
    AddIndicator(String),
    DropIndicator(usize),
    AddMilestone(usize, String),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (any::<usize>(), text()).prop_map(|(i, t)| Step::Rename(i, t)),
        proptest::sample::select(EntityKind::ALL.to_vec()).prop_map(Step::Add),
        any::<usize>().prop_map(Step::Delete),
        (any::<usize>(), any::<usize>(), 0usize..16).prop_map(|(a, b, k)| Step::Relate(a, b, k)),
        any::<usize>().prop_map(Step::Unrelate),
        (any::<usize>(), -100f32..100.0).prop_map(|(i, x)| Step::Pin(i, x)),
        text().prop_map(Step::AddSource),
        text().prop_map(Step::AddIndicator),
        any::<usize>().prop_map(Step::DropIndicator),
        (any::<usize>(), text()).prop_map(|(i, t)| Step::AddMilestone(i, t)),
    ]
}

fn edit_for(model: &Model, step: &Step, counter: usize) -> Option<Edit> {
    let n = model.entities.len();
    Some(match step {
        Step::Rename(i, name) => {
            let i = i % n.max(1);
            let mut entity = model.entities.get(i)?.clone();
            entity.name.en = name.clone();
            // Merging keys make consecutive renames of one entity a single step.
            let id = entity.id.clone();
            Edit::set_entity("rename", &id, entity).merging(format!("name-{i}"))
        }
        Step::Add(kind) => Edit::new(
            "add",
            vec![Op::InsertEntity(
                n,
                Box::new(Entity::new(
                    &format!("new{counter}"),
                    *kind,
                    Text::new("新", ""),
                )),
            )],
        ),
        Step::Delete(i) => {
            if n == 0 {
                return None;
            }
            Edit::remove_entity("delete", model, i % n)
        }
        Step::Relate(a, b, k) => {
            let (a, b) = (
                model.entities.get(a % n.max(1))?,
                model.entities.get(b % n.max(1))?,
            );
            let relation = Relation {
                kind: RelationKind::ALL[*k],
                from: a.id.clone(),
                to: b.id.clone(),
                since: None,
                until: None,
                note: Text::default(),
                sources: vec![],
                disputed: None,
                inferred: Vec::new(),
            };
            Edit::new(
                "relate",
                vec![Op::InsertRelation(model.relations.len(), relation)],
            )
        }
        Step::Unrelate(r) => {
            if model.relations.is_empty() {
                return None;
            }
            Edit::new(
                "unrelate",
                vec![Op::RemoveRelation(r % model.relations.len())],
            )
        }
        Step::Pin(i, x) => {
            let entity = model.entities.get(i % n.max(1))?;
            let mut layout = model.layout.clone();
            layout.retain(|p| p.entity != entity.id);
            layout.push(Pin {
                entity: entity.id.clone(),
                x: *x,
                y: -*x,
            });
            Edit::new("pin", vec![Op::SetLayout(layout)])
        }
        Step::AddSource(title) => {
            let mut sources = model.sources.clone();
            sources.push(Source {
                id: format!("s{counter}"),
                title: title.clone(),
                publisher: String::new(),
                date: None,
                locator: String::new(),
                note: String::new(),
            });
            Edit::new("source", vec![Op::SetSources(sources)])
        }
        Step::AddIndicator(name) => Edit::new(
            "indicator",
            vec![Op::InsertIndicator(
                model.indicators.len(),
                Box::new(Indicator {
                    id: format!("i{counter}"),
                    name: Text::new(name, ""),
                    unit: Unit::People,
                    scope: model.entities.first()?.id.clone(),
                    description: Text::default(),
                    points: vec![],
                }),
            )],
        ),
        Step::DropIndicator(i) => {
            if model.indicators.is_empty() {
                return None;
            }
            Edit::new(
                "drop indicator",
                vec![Op::RemoveIndicator(i % model.indicators.len())],
            )
        }
        Step::AddMilestone(i, title) => {
            let entity = model.entities.get(i % n.max(1))?;
            let mut milestones = model.milestones.clone();
            milestones.push(Milestone {
                date: "2015".parse().ok()?,
                title: Text::new(title, ""),
                description: Text::default(),
                entities: vec![entity.id.clone()],
                sources: vec![],
                disputed: None,
                inferred: Vec::new(),
            });
            Edit::new("milestone", vec![Op::SetMilestones(milestones)])
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn a_saved_model_loads_unchanged_and_saves_byte_identically(model in model()) {
        let text = to_canonical_string(&model).expect("writes");
        let back = parse(text.as_bytes()).expect("reads back");
        prop_assert_eq!(&back, &model);
        prop_assert_eq!(to_canonical_string(&back).expect("writes"), text);
    }

    /// A model parsed in pieces on threads is the model parsed in one go, however many pieces.
    #[test]
    fn a_model_parsed_in_pieces_is_the_model_parsed_whole(model in model(), threads in 1usize..6) {
        let text = to_canonical_string(&model).expect("writes");
        prop_assert_eq!(townscope::io::parallel::parse(&text, threads), Some(model));
    }

    #[test]
    fn undoing_every_edit_restores_the_original_and_redo_replays_them(
        original in model(),
        steps in proptest::collection::vec(step(), 1..25),
    ) {
        let mut model = original.clone();
        let mut history = History::new();
        for (counter, step) in steps.iter().enumerate() {
            if let Some(edit) = edit_for(&model, step, counter) {
                history.apply(&mut model, edit).expect("fits the model it was built from");
            }
        }
        let edited = model.clone();
        while history.undo(&mut model).expect("undoes").is_some() {}
        prop_assert_eq!(&model, &original);
        prop_assert!(!history.is_modified() || edited == original);
        while history.redo(&mut model).expect("redoes").is_some() {}
        prop_assert_eq!(&model, &edited);
    }
}

/// An edit as an editor makes them: most change one entity's or relation's own facts (what the
/// document re-checks alone), some change what exists, ids, kinds or places (a whole rebuild),
/// and some are undone or redone.
#[derive(Clone, Debug)]
enum Touch {
    Step(Step),
    /// Entity facts: founded and ended years (out of order is an error), a website, a sector
    /// (undeclared is an error), a cited source (missing is an error), the names (empty is an
    /// error).
    Facts(usize, i32, i32, bool, bool, bool, String),
    /// Relation facts: since and until years, a note, a cited source.
    RelationFacts(usize, i32, i32, String, bool),
    /// Place `i` in entity `j` (an error unless `j` is a place).
    Move(usize, usize),
    Rekind(usize, EntityKind),
    /// Give entity `i` the id of entity `j` (two entities sharing an id).
    Reid(usize, usize),
    Undo,
    Redo,
}

fn touch() -> impl Strategy<Value = Touch> {
    prop_oneof![
        3 => step().prop_map(Touch::Step),
        4 => (any::<usize>(), 1990i32..2030, 1990i32..2030, any::<bool>(), any::<bool>(), any::<bool>(), text())
            .prop_map(|(i, a, b, w, s, c, n)| Touch::Facts(i, a, b, w, s, c, n)),
        3 => (any::<usize>(), 1990i32..2030, 1990i32..2030, text(), any::<bool>())
            .prop_map(|(r, a, b, n, c)| Touch::RelationFacts(r, a, b, n, c)),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(i, j)| Touch::Move(i, j)),
        1 => (any::<usize>(), proptest::sample::select(EntityKind::ALL.to_vec()))
            .prop_map(|(i, k)| Touch::Rekind(i, k)),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(i, j)| Touch::Reid(i, j)),
        1 => Just(Touch::Undo),
        1 => Just(Touch::Redo),
    ]
}

fn cites(source: bool) -> Vec<Cite> {
    vec![Cite {
        source: if source { "doc" } else { "nowhere" }.into(),
        at: String::new(),
    }]
}

fn touch_edit(model: &Model, touch: &Touch, counter: usize) -> Option<Edit> {
    let n = model.entities.len().max(1);
    let entity = |i: &usize| model.entities.get(i % n).cloned();
    let set = |entity: Entity, key: Option<String>| {
        let id = entity.id.clone();
        Some(Edit::set_entity("edit", &id, entity).merging_if(key))
    };
    match touch {
        Touch::Step(step) => edit_for(model, step, counter),
        Touch::Facts(i, founded, ended, website, sector, source, name) => {
            let mut e = entity(i)?;
            e.founded = Some(Date::year(*founded));
            e.ended = Some(Date::year(*ended));
            e.website = if *website {
                "javascript:x".into()
            } else {
                String::new()
            };
            e.sectors = if *sector {
                vec!["nowhere".into()]
            } else {
                vec![]
            };
            e.sources = cites(*source);
            e.name = Text::new(name, "");
            set(e, Some(format!("facts-{}", i % n)))
        }
        Touch::RelationFacts(r, since, until, note, source) => {
            let at = r % model.relations.len().max(1);
            let mut relation = model.relations.get(at)?.clone();
            relation.since = Some(Date::year(*since));
            relation.until = Some(Date::year(*until));
            relation.note = Text::new(note, "");
            relation.sources = cites(*source);
            Some(Edit::new("relation", vec![Op::SetRelation(at, relation)]))
        }
        Touch::Move(i, j) => {
            let mut e = entity(i)?;
            e.location = Some(entity(j)?.id);
            set(e, None)
        }
        Touch::Rekind(i, kind) => {
            let mut e = entity(i)?;
            e.kind = *kind;
            set(e, None)
        }
        Touch::Reid(i, j) => {
            let mut e = entity(i)?;
            e.id = entity(j)?.id;
            set(e, None)
        }
        Touch::Undo | Touch::Redo => None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    /// The document re-derives only what an edit touched; after every one of thousands of
    /// random edits (150 models × up to 40), what it holds is what a whole rebuild gives.
    #[test]
    fn what_an_edit_re_derives_matches_a_whole_rebuild(
        original in model(),
        touches in proptest::collection::vec(touch(), 1..40),
    ) {
        let mut doc = Document::new(original, Origin::Embedded);
        for (counter, touch) in touches.iter().enumerate() {
            match touch {
                Touch::Undo => drop(doc.undo()),
                Touch::Redo => drop(doc.redo()),
                _ => {
                    if let Some(edit) = touch_edit(doc.model(), touch, counter) {
                        // An edit of an id two entities share is refused, the model unchanged.
                        drop(doc.apply(edit));
                    }
                }
            }
            let whole = Document::new(doc.model().clone(), Origin::Embedded);
            prop_assert_eq!(doc.problems(), whole.problems(), "after {:?}", touch);
            prop_assert_eq!(doc.index(), whole.index());
            prop_assert_eq!(doc.graph(), whole.graph());
            prop_assert_eq!(doc.links(), whole.links());
            prop_assert_eq!(doc.pins(), whole.pins());
        }
    }
}
