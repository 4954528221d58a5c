//! Presenting the story as a presenter does: F5, the clicker's Page Down, B, Esc; a slide made
//! from the current view brings that view back; the story survives a save.

use crate::common;

use crate::common::{WINDOW, app};
use eframe::egui::Key;
use egui_kittest::kittest::Queryable;
use townscope::i18n::Lang;

const FIRST: &str = "2011: the Hangzhou Cloud Computing Industrial Park opens";
const SECOND: &str = "2014: one town, two valleys, six parks, one street";

#[test]
fn f5_presents_the_story_and_the_clicker_keys_move_through_it() {
    let mut harness = app(None, Lang::En, WINDOW);
    assert!(harness.query_by_label("File").is_some());
    harness.key_press(Key::F5);
    harness.run();
    assert!(harness.state().is_presenting());
    assert!(harness.query_by_label("File").is_none(), "no menu bar");
    assert!(harness.query_by_label(FIRST).is_some());
    assert!(
        harness.query_by_label("1 / 7").is_some(),
        "the slide counter"
    );
    // The first slide is the 2011 park's neighbourhood, as of 2011.
    assert_eq!(harness.state().state.year, Some(2011));
    assert_eq!(
        harness.state().state.selected.as_deref(),
        Some("hangzhou-cloud-park")
    );

    // The year walks from 2011 to 2014 rather than jumping.
    harness.key_press(Key::PageDown);
    let mut years = Vec::new();
    for _ in 0..8 {
        harness.step();
        years.push(harness.state().state.year);
    }
    harness.run();
    assert_eq!(harness.state().presented_slide(), Some(1));
    assert!(harness.query_by_label(SECOND).is_some());
    assert!(harness.query_by_label(FIRST).is_none());
    assert_eq!(harness.state().state.year, Some(2014));
    assert!(
        years.contains(&Some(2012)) || years.contains(&Some(2013)),
        "passes through the years between: {years:?}"
    );

    harness.key_press(Key::PageUp);
    harness.run();
    assert_eq!(harness.state().presented_slide(), Some(0));
    harness.key_press(Key::End);
    harness.run();
    assert_eq!(harness.state().presented_slide(), Some(6));
    harness.key_press(Key::Space);
    harness.run();
    assert_eq!(
        harness.state().presented_slide(),
        Some(6),
        "stays on the last"
    );
    harness.key_press(Key::Home);
    harness.run();
    assert_eq!(harness.state().presented_slide(), Some(0));

    // B blanks the screen and brings it back.
    harness.key_press(Key::B);
    harness.run();
    assert!(harness.query_by_label(FIRST).is_none());
    harness.key_press(Key::B);
    harness.run();
    assert!(harness.query_by_label(FIRST).is_some());

    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().is_presenting());
    assert!(harness.query_by_label("File").is_some());
}

#[test]
fn a_slide_from_the_current_view_brings_that_view_back_and_is_saved() {
    use townscope::model::EntityKind;
    use townscope::model::filter::Focus;
    let mut harness = app(None, Lang::En, WINDOW);
    common::search_and_select(&mut harness, "Westlake University", "Westlake University");
    assert!(
        harness
            .state()
            .doc
            .index()
            .get("westlake-university")
            .is_some(),
        "in the model"
    );
    {
        let state = &mut harness.state_mut().state;
        state.central = townscope::app::CentralView::Network;
        state.year = Some(2015);
        state.network.filter.focus = Some(Focus {
            entity: "westlake-university".to_owned(),
            depth: 2,
        });
        state.network.filter.hidden_kinds.insert(EntityKind::Person);
        state.network.depth = 2;
    }
    // The network's layout worker asks for frames until it settles: more than one `run` allows
    // on a busy machine.
    common::settle(&mut harness);
    let wanted = harness.state().state.clone();
    for label in ["Story", "Story…", "Add slide from current view"] {
        harness.get_by_label_contains(label).click();
        common::settle(&mut harness);
    }
    let story = &harness.state().doc.model().story;
    assert_eq!(story.len(), 8);
    let slide = story.last().expect("added");
    assert_eq!(slide.entity.as_deref(), Some("westlake-university"));
    assert_eq!((slide.depth, slide.year), (2, Some(2015)));
    assert!(slide.camera.is_some(), "a network slide keeps its camera");

    // Somewhere else entirely, then the slide.
    {
        let state = &mut harness.state_mut().state;
        state.central = townscope::app::CentralView::Overview;
        state.year = None;
        state.selected = None;
        state.network.filter.focus = None;
        state.network.filter.hidden_kinds.clear();
    }
    common::settle(&mut harness);
    harness.get_by_label_contains("8. ").click();
    common::settle(&mut harness);
    harness.get_by_label("Show").click();
    common::settle(&mut harness);
    let state = &harness.state().state;
    assert_eq!(state.central, wanted.central);
    assert_eq!(state.year, wanted.year);
    assert_eq!(state.selected, wanted.selected);
    assert_eq!(state.network.filter.focus, wanted.network.filter.focus);
    assert_eq!(
        state.network.filter.hidden_kinds,
        wanted.network.filter.hidden_kinds
    );

    // Saved and read back, the story is the same.
    let folder = tempfile::tempdir().expect("temp folder");
    let path = folder.path().join("story.ron");
    assert!(harness.state_mut().save_to(&path));
    let saved = townscope::io::load_file(&path).expect("loads");
    assert_eq!(saved.story, harness.state().doc.model().story);
}

#[test]
fn slides_are_reordered_by_dragging_them_and_undo_puts_them_back() {
    let mut harness = app(None, Lang::En, WINDOW);
    let original = slide_titles(&harness);
    for label in ["Story", "Story…"] {
        harness.get_by_label_contains(label).click();
        harness.run();
    }
    let third = harness.get_by_label_contains("≡  3. ").rect();
    let first = harness.get_by_label_contains("≡  1. ").rect();
    // Dropped on the upper half of the first row: it becomes the first slide.
    common::drag(
        &mut harness,
        third.center(),
        first.center() - eframe::egui::vec2(0.0, first.height() / 4.0),
        eframe::egui::Modifiers::NONE,
    );
    let titles = slide_titles(&harness);
    let mut expected = original.clone();
    let moved = expected.remove(2);
    expected.insert(0, moved);
    assert_eq!(titles, expected);
    assert!(
        harness
            .query_by_label_contains(&format!("≡  1. {}", original[2]))
            .is_some()
    );
    assert!(harness.state().doc.history().is_modified());

    // One undo, the old order.
    harness.key_press_modifiers(eframe::egui::Modifiers::COMMAND, eframe::egui::Key::Z);
    harness.run();
    let titles = slide_titles(&harness);
    assert_eq!(titles, original);

    // Let go where it was: nothing changes.
    let second = harness.get_by_label_contains("≡  2. ").rect();
    common::drag(
        &mut harness,
        second.center(),
        second.center() + eframe::egui::vec2(0.0, 2.0),
        eframe::egui::Modifiers::NONE,
    );
    assert!(!harness.state().doc.history().is_modified());
}

/// The story's slide titles in English, in order.
fn slide_titles(
    harness: &egui_kittest::Harness<'static, townscope::app::TownscopeApp>,
) -> Vec<String> {
    harness
        .state()
        .doc
        .model()
        .story
        .iter()
        .map(|slide| slide.title.en.clone())
        .collect()
}

/// A clicker pressed twice quickly moves two slides, even when both presses land in one frame.
#[test]
fn two_quick_presses_move_two_slides() {
    let mut harness = app(None, Lang::En, WINDOW);
    harness.key_press(Key::F5);
    harness.run();
    harness.key_press(Key::PageDown);
    harness.key_press(Key::PageDown);
    harness.run();
    assert_eq!(harness.state().presented_slide(), Some(2));
    harness.key_press(Key::PageUp);
    harness.key_press(Key::PageUp);
    harness.run();
    assert_eq!(harness.state().presented_slide(), Some(0));
}

#[test]
fn escape_puts_back_exactly_the_view_from_before_f5() {
    use townscope::app::CentralView;
    use townscope::model::EntityKind;
    let mut harness = app(None, Lang::En, WINDOW);
    {
        let state = &mut harness.state_mut().state;
        state.central = CentralView::Table;
        state.selected = Some("aliyun".to_owned());
        state.year = Some(2016);
        state.network.filter.hidden_kinds.insert(EntityKind::Event);
        state.chart_indicator = Some("enterprises".to_owned());
    }
    harness.run();
    let before = harness.state().state.clone();
    harness.key_press(Key::F5);
    common::settle(&mut harness);
    // The slides change the view, the selection, the year and the filter…
    harness.key_press(Key::PageDown);
    common::settle(&mut harness);
    assert_ne!(harness.state().state.central, CentralView::Table);
    assert_ne!(harness.state().state.selected, before.selected);
    harness.key_press(Key::Escape);
    common::settle(&mut harness);
    // …and Esc puts every one of them back.
    let after = &harness.state().state;
    assert!(!harness.state().is_presenting());
    assert_eq!(after.central, CentralView::Table);
    assert_eq!(after.selected.as_deref(), Some("aliyun"));
    assert_eq!(after.year, Some(2016));
    assert_eq!(after.network.filter, before.network.filter);
    assert_eq!(after.network.depth, before.network.depth);
    assert_eq!(after.chart_indicator, before.chart_indicator);
}

/// A slide of two entities shows them large, named in full, in the town round them (the other
/// entities faint), not alone on black; the desktop draws no faint entities.
#[test]
fn a_slide_of_a_few_entities_shows_them_in_their_town() {
    let mut harness = app(None, Lang::Zh, [1920.0, 1080.0]);
    common::open_network(&mut harness, Lang::Zh);
    assert_eq!(harness.state().network().faint_context(), 0);
    harness.key_press(Key::F5);
    // Slides use the force layout (the desktop was on places): wait for it.
    for _ in 0..3 {
        harness.step();
        common::wait_until(&mut harness, townscope::app::TownscopeApp::layout_settled);
    }
    harness.run();
    let network = harness.state().network();
    let (canvas, nodes) = network.nodes();
    assert_eq!(nodes.len(), 2, "the 2011 park and the park it lies in");
    let faint = network.faint_context();
    // Measured: 30 of the other 80 (at least half the town each way).
    assert!(faint >= 20, "{faint} faint entities round the slide's two");
    // Both named, in full.
    assert_eq!(network.names().len(), 2);
    assert!(network.shortened_names().is_empty());
    // In the picture's middle, the town round them, rather than pushed to its edges.
    for (_, node) in &nodes {
        assert!(canvas.shrink(canvas.width() * 0.1).contains(node.center()));
    }
}
