//! The places as areas (the default arrangement of a model whose places hold things) and the
//! kinds as regions, read back from the view: each place that holds something is a titled
//! region inside the region of the place it lies in, every entity lies inside the region of its
//! place, and regions of one level do not overlap.

use crate::common;

use crate::common::{WINDOW, app};
use eframe::egui::Rect;
use egui_kittest::Harness;
use townscope::app::TownscopeApp;
use townscope::i18n::Lang;

type App = Harness<'static, TownscopeApp>;

fn on_network(lang: Lang) -> App {
    let mut harness = app(None, lang, WINDOW);
    common::open_network(&mut harness, lang);
    harness
}

fn region_of(regions: &[(String, Rect)], title: &str) -> Rect {
    regions
        .iter()
        .find(|(t, _)| t == title)
        .map(|(_, r)| *r)
        .unwrap_or_else(|| panic!("no region titled {title}: {regions:?}"))
}

fn within(inner: Rect, outer: Rect) -> bool {
    outer.expand(0.5).contains_rect(inner)
}

#[test]
fn the_places_of_yunqi_are_areas_nested_as_the_places_nest() {
    for lang in [Lang::Zh, Lang::En] {
        let harness = on_network(lang);
        let app = harness.state();
        let model = app.doc.model();
        let regions = app.network().region_titles(lang, model);
        // The town inside its park, inside the resort, inside the district, inside the city.
        let chain = [
            "yunqi-town",
            "zhuantang-park",
            "zhijiang-resort",
            "xihu-district",
            "hangzhou",
        ];
        let name = |id: &str| {
            let i = app.doc.index().get(id).expect("in the model");
            model.entities[i].name.get(lang).to_owned()
        };
        for pair in chain.windows(2) {
            let (inner, outer) = (
                region_of(&regions, &name(pair[0])),
                region_of(&regions, &name(pair[1])),
            );
            assert!(
                within(inner, outer),
                "{} inside {} ({lang:?})",
                pair[0],
                pair[1]
            );
        }
        // Every entity with a place that is drawn as an area lies inside it.
        let (canvas, nodes) = app.network().nodes();
        assert!(!nodes.is_empty());
        let mut inside = 0;
        for (i, node) in &nodes {
            let entity = &model.entities[*i];
            let Some(place) = entity.location.as_deref() else {
                continue;
            };
            let place_name = name(place);
            if let Some((_, area)) = regions.iter().find(|(t, _)| *t == place_name) {
                assert!(
                    area.contains(node.center()),
                    "{} lies in {place_name} ({lang:?})",
                    entity.id
                );
                inside += 1;
            }
        }
        assert!(inside >= 30, "{inside} entities checked");
        // The whole picture on the canvas.
        for (title, area) in &regions {
            assert!(within(*area, canvas), "{title} on the canvas ({lang:?})");
        }
    }
}

#[test]
fn grouped_by_kind_each_kind_is_a_region_of_its_own() {
    let mut harness = on_network(Lang::En);
    common::choose_arrangement(&mut harness, "Layout", "Grouped by kind");
    let app = harness.state();
    let model = app.doc.model();
    let regions = app.network().region_titles(Lang::En, model);
    assert!(regions.len() >= 8, "{regions:?}");
    for (k, (a, ra)) in regions.iter().enumerate() {
        for (b, rb) in regions.iter().skip(k + 1) {
            assert!(!ra.intersects(*rb), "{a} and {b} overlap");
        }
    }
    let (_, nodes) = app.network().nodes();
    for (i, node) in &nodes {
        let kind = model.entities[*i].kind;
        let title = townscope::i18n::entity_kind_plural(kind, Lang::En);
        assert!(
            region_of(&regions, title).contains(node.center()),
            "{} in {title}",
            model.entities[*i].id
        );
    }
}

/// Names in the places view at a laptop's 1280×720 beside both side panels: none over another
/// name or a node, and each one written shortened only where the grids have no room for it in
/// full (English names are about twice as long).
#[test]
fn places_names_overlap_nothing_and_most_are_written() {
    // Measured: 71 named and 7 titled in each language (of 82).
    for (lang, at_least) in [(Lang::Zh, 75), (Lang::En, 75)] {
        let harness = on_network(lang);
        let network = harness.state().network();
        let names = network.names();
        let (_, nodes) = network.nodes();
        for (k, (a, ra)) in names.iter().enumerate() {
            for (b, rb) in names.iter().skip(k + 1) {
                assert!(
                    !ra.intersects(*rb),
                    "{lang:?}: names of {a} and {b} overlap"
                );
            }
            for (b, rb) in &nodes {
                assert!(!ra.intersects(*rb), "{lang:?}: name of {a} covers node {b}");
            }
        }
        let shortened = network.shortened_names().len();
        // Titled regions name their places: count those as named.
        let titled = network
            .region_titles(lang, harness.state().doc.model())
            .len();
        eprintln!(
            "{lang:?}: {} of {} named ({shortened} shortened), {titled} regions titled",
            names.len(),
            nodes.len()
        );
        assert!(
            names.len() + titled >= at_least,
            "{lang:?}: {} named",
            names.len()
        );
    }
}

/// The areas are kept from frame to frame and made again when an edit moves an entity: Alibaba
/// Cloud moved from Yunqi Town to Xixi Valley is then drawn inside Xixi Valley's area.
#[test]
fn an_entity_moved_to_another_place_is_drawn_in_that_place() {
    let mut harness = on_network(Lang::En);
    let (aliyun, mut entity, valley) = {
        let model = harness.state().doc.model();
        let at = |id: &str| {
            model
                .entities
                .iter()
                .position(|e| e.id == id)
                .unwrap_or_else(|| panic!("{id}"))
        };
        let aliyun = at("aliyun");
        let valley = model.entities[at("xixi-valley")].name.en.clone();
        (aliyun, model.entities[aliyun].clone(), valley)
    };
    entity.location = Some("xixi-valley".into());
    harness
        .state_mut()
        .edit(townscope::edit::Edit::set_entity("move", "aliyun", entity));
    for _ in 0..3 {
        harness.run();
    }
    let app = harness.state();
    let regions = app.network().region_titles(Lang::En, app.doc.model());
    let (_, nodes) = app.network().nodes();
    let node = nodes
        .iter()
        .find(|(i, _)| *i == aliyun)
        .map(|(_, r)| *r)
        .expect("Alibaba Cloud drawn");
    assert!(
        region_of(&regions, &valley).contains(node.center()),
        "Alibaba Cloud at {node:?}, {valley} at {:?}",
        region_of(&regions, &valley)
    );
    assert!(!region_of(&regions, "Yunqi Town").contains(node.center()));
}

/// In a model too large to measure every name (over 400 entities) the areas are kept across an
/// edit of a name, and made again when an edit changes what they are made of: an enterprise
/// made a fund is then drawn among the funds.
#[test]
fn in_a_large_model_an_entity_of_another_kind_is_drawn_among_its_kind() {
    use townscope::model::EntityKind;
    let model = crate::synth::generate(600, 1_500, 3);
    let changed = model
        .entities
        .iter()
        .position(|e| e.kind == EntityKind::Enterprise)
        .expect("an enterprise");
    let mut entity = model.entities[changed].clone();
    let id = entity.id.clone();
    let mut harness = app(None, Lang::En, WINDOW);
    harness
        .state_mut()
        .replace_document(townscope::document::Document::new(
            model,
            townscope::io::Origin::Embedded,
        ));
    common::open_network(&mut harness, Lang::En);
    common::choose_arrangement(&mut harness, "Layout", "Grouped by kind");
    let drawn_in = |harness: &App, kind: EntityKind| {
        let app = harness.state();
        let regions = app.network().region_titles(Lang::En, app.doc.model());
        let title = townscope::i18n::entity_kind_plural(kind, Lang::En);
        let (_, nodes) = app.network().nodes();
        let node = nodes
            .iter()
            .find(|(i, _)| *i == changed)
            .map(|(_, r)| r.center());
        node.is_some_and(|at| region_of(&regions, title).contains(at))
    };
    assert!(drawn_in(&harness, EntityKind::Enterprise));
    let before = harness.state().network().position(changed);

    entity.name.en.push_str(" (renamed)");
    harness.state_mut().edit(townscope::edit::Edit::set_entity(
        "rename",
        &id,
        entity.clone(),
    ));
    harness.run();
    assert_eq!(
        harness.state().network().position(changed),
        before,
        "a rename moves nothing"
    );

    entity.kind = EntityKind::Fund;
    harness
        .state_mut()
        .edit(townscope::edit::Edit::set_entity("kind", &id, entity));
    for _ in 0..3 {
        harness.run();
    }
    assert!(drawn_in(&harness, EntityKind::Fund), "among the funds");
}

/// A model whose places hold nothing is drawn by force: the Layout list says so instead of
/// naming the areas it cannot draw, in both languages, and names the areas again once a place
/// holds something.
#[test]
fn the_layout_list_says_when_places_hold_nothing() {
    use townscope::model::{Entity, EntityKind, Model, Relation, RelationKind, Text};
    let folder = tempfile::tempdir().expect("temp folder");
    let mut model = Model::new(Text::new("测试镇", "Test town"));
    for (id, kind) in [
        ("a", EntityKind::Enterprise),
        ("b", EntityKind::Enterprise),
        ("park", EntityKind::Place),
    ] {
        model
            .entities
            .push(Entity::new(id, kind, Text::new(id, id)));
    }
    model
        .relations
        .push(Relation::new(RelationKind::PartnersWith, "a", "b"));
    let path = folder.path().join("no-areas.ron");
    std::fs::write(
        &path,
        townscope::io::to_canonical_string(&model).expect("writes"),
    )
    .expect("writes");
    for lang in [Lang::En, Lang::Zh] {
        let mut harness = app(Some(&path), lang, WINDOW);
        common::open_network(&mut harness, lang);
        let said = lang.pick(
            "力导向（地点均未含实体）",
            "Force (no place holds anything)",
        );
        assert_eq!(layout_list(&harness, lang).as_deref(), Some(said));
    }
    // With a place holding an enterprise, the areas are drawn and named.
    model.entities[0].location = Some("park".into());
    std::fs::write(
        &path,
        townscope::io::to_canonical_string(&model).expect("writes"),
    )
    .expect("writes");
    let mut harness = app(Some(&path), Lang::En, WINDOW);
    common::open_network(&mut harness, Lang::En);
    assert_eq!(
        layout_list(&harness, Lang::En).as_deref(),
        Some("Places as areas")
    );
}

/// What the Layout list shows as chosen.
fn layout_list(harness: &App, lang: Lang) -> Option<String> {
    use egui_kittest::kittest::Queryable;
    harness
        .get_by_role_and_label(
            eframe::egui::accesskit::Role::ComboBox,
            lang.pick("布局", "Layout"),
        )
        .value()
}
