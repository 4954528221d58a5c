//! The app driven as a user drives it: by labels, clicks and typing.

use crate::common;

use crate::common::{WINDOW, app, click_at, data, drop_file, search_and_select, wait_until};
use eframe::egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use townscope::app::TownscopeApp;
use townscope::i18n::Lang;

#[test]
fn starts_on_the_yunqi_model_and_shows_the_towns_name() {
    let harness = app(None, Lang::Zh, WINDOW);
    assert!(harness.query_by_label("云栖小镇产业生态").is_some());
    // The town is selected at start: its details show both names.
    assert!(harness.query_by_label("Yunqi Town").is_some());
    // Headline figures come from the model, written the Chinese way.
    assert!(harness.query_by_label("近30亿元").is_some());
    assert!(harness.query_by_label("2.1亿元").is_some());
    assert_eq!(
        harness.state().doc.model().focus.as_deref(),
        Some("yunqi-town")
    );
}

#[test]
fn english_figures_read_the_english_way() {
    let harness = app(None, Lang::En, WINDOW);
    assert!(
        harness
            .query_by_label("Yunqi Town industry ecosystem")
            .is_some()
    );
    assert!(harness.query_by_label("nearly RMB 3.0 bn").is_some());
    assert!(harness.query_by_label("RMB 210 m").is_some());
}

#[test]
fn searching_and_clicking_an_entity_shows_its_details() {
    let mut harness = app(None, Lang::Zh, WINDOW);
    harness.get_by_role(Role::TextInput).click();
    harness.run();
    harness
        .get_by_role(Role::TextInput)
        .type_text("Alibaba Cloud");
    harness.run();
    // Only the match is listed now.
    assert!(harness.query_by_label("中软国际").is_none());
    harness
        .get_by_role_and_label(Role::Button, "阿里云")
        .click();
    harness.run();
    assert_eq!(harness.state().state.selected.as_deref(), Some("aliyun"));
    assert!(harness.query_by_label("Alibaba Cloud").is_some());
    assert!(harness.query_by_label("2009年9月").is_some());
}

#[test]
fn clicking_a_relation_navigates_to_the_other_entity() {
    let mut harness = app(None, Lang::En, WINDOW);
    search_and_select(&mut harness, "Chinasoft", "Chinasoft International");
    assert!(
        harness
            .query_by_label("Staff: over 20,000 people  (year not stated)")
            .is_some()
    );
    // The relation "member of → Yunqi Town Alliance" is a link in the details.
    harness
        .get_by_role_and_label(Role::Link, "Yunqi Town Alliance")
        .click();
    harness.run();
    assert_eq!(
        harness.state().state.selected.as_deref(),
        Some("yunqi-alliance")
    );
    assert!(
        harness
            .query_by_label("Members: over 60  (year not stated)")
            .is_some()
    );
    // And back along another relation.
    harness
        .get_by_role_and_label(Role::Link, "Alibaba Cloud")
        .click();
    harness.run();
    assert_eq!(harness.state().state.selected.as_deref(), Some("aliyun"));
}

#[test]
fn opening_a_bad_file_shows_the_error_and_keeps_the_model() {
    let mut harness = app(None, Lang::En, WINDOW);
    let before = harness.state().doc.model().clone();
    let bad = data("syntax-error.ron");
    drop_file(&mut harness, &bad);
    harness.run();
    assert!(harness.query_by_label("Could not open the file").is_some());
    let shown = format!("{}:5:", bad.display());
    assert!(
        harness.query_by_label_contains(&shown).is_some(),
        "the error names file, line and column"
    );
    assert!(
        harness
            .query_by_label("The open model is unchanged.")
            .is_some()
    );
    assert_eq!(harness.state().doc.model(), &before);
    harness.get_by_label("Close").click();
    harness.run();
    assert!(harness.query_by_label("Could not open the file").is_none());
    assert!(
        harness
            .query_by_label("Yunqi Town industry ecosystem")
            .is_some()
    );
}

#[test]
fn opening_a_good_file_replaces_the_model() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("small.ron");
    std::fs::write(
        &path,
        r#"(format_version: 1, name: (zh: "小模型", en: "Small model"), sources: [(id: "s", title: "S")],
            entities: [(id: "a", kind: Enterprise, name: (zh: "甲公司", en: "Firm A"), sources: [(source: "s")])])"#,
    )
    .unwrap();
    let mut harness = app(None, Lang::Zh, WINDOW);
    drop_file(&mut harness, &path);
    harness.run();
    assert!(harness.query_by_label("小模型").is_some());
    assert!(harness.query_by_label("甲公司").is_some());
    assert_eq!(
        harness.state().state.recent.first().map(|p| p.file_name()),
        Some(path.canonicalize().unwrap().file_name())
    );
}

#[test]
fn switching_language_from_the_menu_bar() {
    let mut harness = app(None, Lang::Zh, WINDOW);
    harness.get_by_label("English").click();
    harness.run();
    assert!(
        harness
            .query_by_label("Yunqi Town industry ecosystem")
            .is_some()
    );
    harness.get_by_label("中文").click();
    harness.run();
    assert!(harness.query_by_label("云栖小镇产业生态").is_some());
}

#[test]
fn fits_a_small_laptop_screen() {
    let harness = app(None, Lang::En, [1280.0, 720.0]);
    assert!(harness.query_by_label("Headline figures").is_some());
}

#[test]
fn back_and_forward_retrace_the_way_like_a_browser() {
    let mut harness = app(None, Lang::En, WINDOW);
    search_and_select(&mut harness, "Chinasoft", "Chinasoft International");
    harness
        .get_by_role_and_label(Role::Link, "Yunqi Town Alliance")
        .click();
    harness.run();
    let selected = |h: &egui_kittest::Harness<'static, townscope::app::TownscopeApp>| {
        h.state().state.selected.clone()
    };
    assert_eq!(selected(&harness).as_deref(), Some("yunqi-alliance"));
    harness.key_press_modifiers(eframe::egui::Modifiers::ALT, eframe::egui::Key::ArrowLeft);
    harness.run();
    assert_eq!(selected(&harness).as_deref(), Some("chinasoft"));
    harness.get_by_label("←").click();
    harness.run();
    assert_eq!(
        selected(&harness).as_deref(),
        Some("yunqi-town"),
        "back to where the app started"
    );
    harness.get_by_label("→").click();
    harness.run();
    harness.key_press_modifiers(eframe::egui::Modifiers::ALT, eframe::egui::Key::ArrowRight);
    harness.run();
    assert_eq!(selected(&harness).as_deref(), Some("yunqi-alliance"));
    // A new selection forgets the way forward.
    harness.key_press_modifiers(eframe::egui::Modifiers::ALT, eframe::egui::Key::ArrowLeft);
    harness.run();
    harness.key_press_modifiers(eframe::egui::Modifiers::ALT, eframe::egui::Key::ArrowLeft);
    harness.run();
    assert_eq!(selected(&harness).as_deref(), Some("yunqi-town"));
    // The town's "contains" list is below the fold of the details panel.
    harness
        .get_by_role_and_label(Role::Link, "Alibaba Cloud")
        .scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(Role::Link, "Alibaba Cloud")
        .click();
    harness.run();
    assert_eq!(selected(&harness).as_deref(), Some("aliyun"));
    harness.key_press_modifiers(eframe::egui::Modifiers::ALT, eframe::egui::Key::ArrowRight);
    harness.run();
    assert_eq!(selected(&harness).as_deref(), Some("aliyun"));
}

/// The middle of the first row of the table, just under the header that reads `header`.
fn first_row(
    harness: &egui_kittest::Harness<'static, townscope::app::TownscopeApp>,
    header: &str,
) -> eframe::egui::Pos2 {
    let header = harness.get_by_label(header).rect();
    eframe::egui::pos2(300.0, header.bottom() + 16.0)
}

#[test]
fn the_table_sorts_by_a_metric_and_a_click_selects_the_row() {
    let mut harness = app(None, Lang::En, WINDOW);
    harness.get_by_label("Table").click();
    harness.run();
    wait_until(&mut harness, |app| app.metrics().is_some());
    let metrics = harness.state().metrics().unwrap().clone();
    let model = harness.state().doc.model().clone();
    let max = *metrics.degree.iter().max().unwrap();
    let min = *metrics.degree.iter().min().unwrap();
    // Ties keep file order, so the first row is the first entity with that degree.
    let first_with = |degree: usize| {
        model.entities[metrics.degree.iter().position(|&d| d == degree).unwrap()]
            .id
            .clone()
    };
    // One click on the header: largest degree first; clicking the first row selects it.
    harness.get_by_label("Degree").click();
    harness.run();
    let row = first_row(&harness, "Degree ▼");
    click_at(&mut harness, row);
    assert_eq!(harness.state().state.selected, Some(first_with(max)));
    // A second click reverses the order.
    harness.get_by_label("Degree ▼").click();
    harness.run();
    let row = first_row(&harness, "Degree ▲");
    click_at(&mut harness, row);
    assert_eq!(harness.state().state.selected, Some(first_with(min)));
    // The filter narrows the rows; the count says how many (in English, in the singular for one).
    // The browser on the left has a search box too; the table's is the one in the centre.
    common::type_in_centre_field(&mut harness, "Alibaba Cloud");
    harness.run();
    assert!(harness.query_by_label("1 entity").is_some());
    let row = first_row(&harness, "Degree ▲");
    click_at(&mut harness, row);
    assert_eq!(harness.state().state.selected.as_deref(), Some("aliyun"));
}

#[test]
fn the_network_lays_out_off_the_ui_thread_and_then_stops_drawing() {
    let mut harness = app(None, Lang::En, WINDOW);
    harness.get_by_label("Network").click();
    // One frame, not `run`: the layout worker asks for frames until it settles.
    harness.step();
    wait_until(&mut harness, TownscopeApp::layout_settled);
    assert!(harness.query_by_label("Fit to screen").is_some());
    // Settled and untouched, the app asks for no more frames: it idles at 0% CPU.
    assert!(
        harness.run() <= 2,
        "frames keep being requested after the layout settled"
    );
}

/// A series of one point (2015's cloud output) charts without trouble: egui_plot's whole-year
/// grid once asked for marks without end on a chart with no width (out of memory).
#[test]
fn a_chart_of_a_single_point_draws() {
    let mut harness = common::app(None, townscope::i18n::Lang::En, common::WINDOW);
    harness.state_mut().state.chart_indicator = Some("cloud-output".into());
    harness.state_mut().state.year = Some(2015);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Cloud-related output")
            .is_some()
    );
}

#[test]
fn each_graph_measure_says_in_plain_words_what_it_means() {
    for (lang, tab, header, words) in [
        (Lang::En, "Table", "Betweenness", "shortest connections"),
        (Lang::Zh, "实体表", "中介中心性", "最短联系"),
        (Lang::En, "Table", "PageRank", "well connected themselves"),
    ] {
        let mut harness = app(None, lang, WINDOW);
        harness.get_by_label(tab).click();
        harness.run();
        harness.get_by_label(header).hover();
        harness.run();
        assert!(
            harness.query_by_label_contains(words).is_some(),
            "{header} explains itself"
        );
    }
}
