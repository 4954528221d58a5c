//! The town over time as a user sees it: the year control, the overview and network as of a
//! year, and the timeline's dots selecting their entities.

use crate::common;

use crate::common::{WINDOW, app, click_at};
use egui_kittest::kittest::Queryable;
use townscope::i18n::Lang;

#[test]
fn the_year_control_shows_the_town_as_it_was_in_2015() {
    let mut harness = app(None, Lang::Zh, WINDOW);
    // Every year at once: the newest figures (2019: 1551 enterprises).
    assert!(harness.query_by_label("1551家").is_some());
    assert!(harness.query_by_label("328家").is_none());

    // The slider walks back a year per arrow key, from the model's last year.
    let last = common::walk_year_back_to(&mut harness, ("按年份查看", "年份"), 2015);
    assert!(last >= 2019, "starts at the model's last year: {last}");
    assert_eq!(harness.state().state.year, Some(2015));
    // 2015's figures, as the case study gives them.
    for figure in ["近30亿元", "2.1亿元", "328家", "255家"] {
        assert!(harness.query_by_label(figure).is_some(), "{figure}");
    }
    assert!(harness.query_by_label("1551家").is_none());
    assert!(
        harness.query_by_label_contains("当年新增").is_some(),
        "what changed in 2015 is counted"
    );

    // The network shows only what was there by 2015.
    harness.get_by_label("关系网络").click();
    common::wait_until(&mut harness, |app| app.layout_settled());
    let (shown, _) = harness.state().network().shown_counts().expect("drawn");
    let alive = harness
        .state()
        .doc
        .model()
        .entities_alive_in(2015)
        .into_iter()
        .filter(|&there| there)
        .count();
    assert_eq!(shown, alive);
    assert!(shown < harness.state().doc.model().entities.len());

    // Off again: everything.
    harness.get_by_label("按年份查看").click();
    harness.run();
    assert_eq!(harness.state().state.year, None);
    let (shown, _) = harness.state().network().shown_counts().expect("drawn");
    assert_eq!(shown, harness.state().doc.model().entities.len());
}

#[test]
fn a_click_on_a_timeline_dot_selects_its_entity() {
    let mut harness = app(None, Lang::En, WINDOW);
    harness.get_by_label("Timeline").click();
    harness.run();
    assert_eq!(
        harness.state().state.selected.as_deref(),
        Some("yunqi-town")
    );
    for id in ["aliyun", "westlake-university"] {
        let dot = harness
            .state()
            .timeline()
            .dot(id)
            .expect("a dated entity has a dot");
        click_at(&mut harness, dot);
        assert_eq!(harness.state().state.selected.as_deref(), Some(id));
    }
    // The details follow the selection.
    assert!(
        harness
            .query_by_label_contains("private research university")
            .is_some()
    );
}

#[test]
fn the_timeline_writes_words_beside_its_dots_and_none_over_another() {
    for (lang, size) in [
        (Lang::En, [1280.0, 720.0]),
        (Lang::Zh, [1280.0, 720.0]),
        (Lang::En, [1920.0, 1080.0]),
    ] {
        let mut harness = common::app(None, lang, size);
        harness.state_mut().state.central = townscope::app::CentralView::Timeline;
        harness.run();
        let (labels, dots) = harness.state().timeline().labels();
        let labels = labels.to_vec();
        for (i, a) in labels.iter().enumerate() {
            for b in labels.iter().skip(i + 1) {
                assert!(
                    !a.intersects(*b),
                    "{a:?} and {b:?} overlap ({lang:?}, {size:?})"
                );
            }
        }
        // Each row is as tall as its words need: every dot is named (a long title cut short
        // where the row is crowded; hovering gives it whole).
        assert_eq!(
            labels.len(),
            dots,
            "{} words for {dots} dots ({lang:?}, {size:?})",
            labels.len()
        );
    }
}

#[test]
fn a_timeline_too_crowded_for_words_names_none_and_still_draws_every_dot() {
    use townscope::model::{Date, Entity, EntityKind, Model, Text};
    let mut model = Model::new(Text::new("拥挤", "Crowded"));
    for i in 0..1000 {
        let id = format!("e-{i}");
        let mut entity = Entity::new(&id, EntityKind::Enterprise, Text::new(&id, &id));
        entity.joined = Some(Date::year(2000 + i % 20));
        model.entities.push(entity);
    }
    let mut harness = common::app(None, Lang::En, [1280.0, 720.0]);
    harness
        .state_mut()
        .replace_document(townscope::document::Document::new(
            model,
            townscope::io::Origin::Embedded,
        ));
    harness.state_mut().state.central = townscope::app::CentralView::Timeline;
    common::settle(&mut harness);
    let (labels, dots) = harness.state().timeline().labels();
    assert_eq!(dots, 1000);
    assert!(labels.is_empty(), "{} words for 1,000 dots", labels.len());
}
