//! Editing as an editor does it: a new entity made in the app, renamed, undone, redone, saved,
//! reopened; and the question that guards unsaved changes.

use crate::common;

use crate::common::{WINDOW, app, drop_file};
use eframe::egui::accesskit::Role;
use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use townscope::i18n::Lang;

fn name_en(harness: &egui_kittest::Harness<'static, townscope::app::TownscopeApp>) -> String {
    let app = harness.state();
    let i = app
        .doc
        .index()
        .get("new-enterprise-1")
        .expect("the new entity");
    app.doc.model().entities[i].name.en.clone()
}

#[test]
fn make_rename_undo_redo_save_and_reopen_an_entity() {
    let mut harness = app(None, Lang::En, WINDOW);
    let entities = harness.state().doc.model().entities.len();
    common::new_entity(&mut harness, "Enterprise");
    assert_eq!(harness.state().doc.model().entities.len(), entities + 1);
    assert_eq!(
        harness.state().state.selected.as_deref(),
        Some("new-enterprise-1")
    );
    assert!(harness.state().doc.is_modified());

    // The details panel is editing it: rename it in English, as one step.
    harness
        .get_by_role_and_label(Role::TextInput, "English name")
        .click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "English name")
        .type_text("Acme Cloud");
    harness.run();
    assert_eq!(name_en(&harness), "Acme Cloud");
    assert_eq!(
        harness.state().doc.history().undo_label(),
        Some("rename Acme Cloud"),
        "the typed word is one step"
    );

    // Undo and redo from the keyboard, with nothing focused.
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(name_en(&harness), "New entity");
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(name_en(&harness), "Acme Cloud");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(name_en(&harness), "Acme Cloud", "Ctrl+Y redoes too");
    // The Edit menu says what Undo would undo.
    harness.get_by_label("Edit").click();
    harness.run();
    // (The accessible label ends with the shortcut.)
    assert!(
        harness
            .query_by_label_contains("Undo rename Acme Cloud")
            .is_some()
    );
    harness.key_press(Key::Escape);
    harness.run();

    // Save where the Save As dialog would put it, then reopen it.
    let folder = tempfile::tempdir().expect("temp folder");
    let path = folder.path().join("edited.ron");
    assert!(harness.state_mut().save_to(&path));
    harness.run();
    assert!(!harness.state().doc.is_modified());
    let reopened = townscope::io::load_file(&path).expect("the saved file loads");
    assert!(reopened.entities.iter().any(|e| e.name.en == "Acme Cloud"));
    drop_file(&mut harness, &common::yunqi_path());
    assert!(harness.query_by_label("Acme Cloud").is_none());
    drop_file(&mut harness, &path);
    assert!(
        harness.query_by_label("Acme Cloud").is_some(),
        "listed in the browser"
    );
}

#[test]
fn unsaved_changes_are_never_dropped_silently() {
    let mut harness = app(None, Lang::En, WINDOW);
    common::new_entity(&mut harness, "Person");
    assert!(harness.state().doc.is_modified());

    // Closing the window asks; Cancel keeps everything.
    common::close_window(&mut harness);
    assert!(harness.state().is_asking_to_save());
    assert!(harness.query_by_label("Unsaved changes").is_some());
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(!harness.state().is_asking_to_save());
    assert!(harness.state().doc.index().get("new-person-1").is_some());

    // Opening another file asks too; Discard opens it.
    let path = common::yunqi_path();
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(common::DroppedPath(path.clone())));
    harness.run();
    assert!(harness.state().is_asking_to_save());
    assert!(
        harness.state().doc.index().get("new-person-1").is_some(),
        "not yet"
    );
    harness.get_by_label("Discard").click();
    // One frame for the click to start the opening, then until it is done (checking first
    // would find nothing opening yet).
    harness.step();
    common::wait_until(&mut harness, |app| !app.is_opening());
    assert!(harness.state().doc.index().get("new-person-1").is_none());
    assert!(!harness.state().doc.is_modified());
}

#[test]
fn deleting_an_entity_names_the_relations_that_go_and_undo_brings_them_back() {
    let mut harness = app(None, Lang::En, WINDOW);
    common::search_and_select(&mut harness, "Chinasoft", "Chinasoft International");
    let before = harness.state().doc.model().clone();
    harness.get_by_label("Edit entity").click();
    harness.run();
    harness.get_by_label("Delete entity…").click();
    harness.run();
    assert!(harness.query_by_label("Delete this entity?").is_some());
    assert!(
        harness
            .query_by_label("• member of Yunqi Town Alliance")
            .is_some()
    );
    harness
        .get_by_role_and_label(Role::Button, "Delete")
        .click();
    harness.run();
    let after = &harness.state().doc.model();
    assert!(after.entities.iter().all(|e| e.id != "chinasoft"));
    assert!(
        after
            .relations
            .iter()
            .all(|r| r.from != "chinasoft" && r.to != "chinasoft")
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().doc.model(),
        &before,
        "undo restores it exactly"
    );
}

#[test]
fn the_problems_panel_lists_what_validation_finds_while_editing() {
    let mut harness = app(None, Lang::En, WINDOW);
    assert!(
        harness.query_by_label_contains("warnings").is_none(),
        "the shipped model is clean"
    );
    common::new_entity(&mut harness, "Fund");
    // A new entity cites no source yet: validation says so at once.
    harness.get_by_label("0 errors · 1 warning").click();
    harness.run();
    let line = "warning: [new-fund-1] rests on no source";
    assert!(harness.query_by_label_contains(line).is_some());
    harness.get_by_label("Done").click();
    harness.run();
    common::search_and_select(&mut harness, "Alibaba Cloud", "Alibaba Cloud");
    assert_eq!(harness.state().state.selected.as_deref(), Some("aliyun"));
    harness.get_by_label_contains(line).click();
    harness.run();
    assert_eq!(
        harness.state().state.selected.as_deref(),
        Some("new-fund-1")
    );
}

/// Kind "member of", other end found by typing, Add: the selected new entity joins the alliance.
fn join_the_alliance(harness: &mut egui_kittest::Harness<'static, townscope::app::TownscopeApp>) {
    harness
        .get_by_role_and_label(Role::ComboBox, "Kind")
        .click();
    common::settle(harness);
    // Only kinds the schema allows from an enterprise are offered: "issued" is not.
    assert!(harness.query_by_label("issued").is_none());
    harness.get_by_label("member of").click();
    common::settle(harness);
    harness
        .get_by_role_and_label(Role::TextInput, "Other end")
        .click();
    common::settle(harness);
    harness
        .get_by_role_and_label(Role::TextInput, "Other end")
        .type_text("Alliance");
    common::settle(harness);
    let pick = harness
        .query_all_by_label("Yunqi Town Alliance")
        .find(|n| n.rect().left() > 500.0)
        .expect("offered in the picker (the browser lists it too, on the left)");
    pick.click();
    common::settle(harness);
    harness.get_by_label("Add").click();
    common::settle(harness);
}

#[test]
fn a_new_member_joins_the_alliance_through_the_pickers_and_undo_takes_it_back() {
    let mut harness = app(None, Lang::En, WINDOW);
    common::new_entity(&mut harness, "Enterprise");
    let relations = harness.state().doc.model().relations.len();
    join_the_alliance(&mut harness);
    let model = &harness.state().doc.model();
    assert_eq!(model.relations.len(), relations + 1);
    let added = model.relations.last().expect("added");
    assert_eq!(
        (added.from.as_str(), added.kind, added.to.as_str()),
        (
            "new-enterprise-1",
            townscope::model::RelationKind::MemberOf,
            "yunqi-alliance"
        )
    );
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().doc.model().relations.len(), relations);
}

fn new_entity(
    harness: &egui_kittest::Harness<'static, townscope::app::TownscopeApp>,
) -> townscope::model::Entity {
    let app = harness.state();
    let i = app
        .doc
        .index()
        .get("new-enterprise-1")
        .expect("the new entity");
    app.doc.model().entities[i].clone()
}

/// What the issue asks an editor to be able to do: a new alliance member with its relation and
/// source, a figure added then fixed, undo and redo, saved — and `townscope diff` shows it.
#[test]
fn an_editor_adds_a_member_with_a_source_and_a_figure_fixes_it_and_diff_shows_it() {
    use townscope::model::{Measure, Unit};
    let mut harness = app(None, Lang::En, WINDOW);
    common::new_entity(&mut harness, "Enterprise");
    join_the_alliance(&mut harness);

    // The membership began in 2015: open the relation, type its year.
    harness
        .get_by_label("member of Yunqi Town Alliance")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Since")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Since")
        .type_text("2015");
    harness.run();
    let since = harness
        .state()
        .doc
        .model()
        .relations
        .last()
        .and_then(|r| r.since);
    assert_eq!(since, "2015".parse().ok());
    harness
        .get_by_label("member of Yunqi Town Alliance")
        .click();
    harness.run();

    // Cite the case study.
    harness.get_by_label("Sources (0)").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::ComboBox, "Cite:")
        .click();
    harness.run();
    harness
        .get_by_label("（一）特色小镇的典范——杭州云栖小镇")
        .click();
    harness.run();
    let sources = new_entity(&harness).sources;
    assert_eq!(sources.len(), 1);
    assert_eq!(sources[0].source, "case-study");

    // A figure: staff, typed as text; nothing is added until it is a number.
    harness.get_by_label("Figures (0)").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "New figure:")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "New figure:")
        .type_text("12o");
    harness.run();
    harness.get_by_label("Add figure").click();
    harness.run();
    assert!(
        new_entity(&harness).figures.is_empty(),
        "12o is not a number"
    );
    harness
        .get_by_role_and_label(Role::TextInput, "New figure:")
        .click();
    harness.run();
    harness.key_press(Key::End);
    harness.key_press(Key::Backspace);
    harness
        .get_by_role_and_label(Role::TextInput, "New figure:")
        .type_text("0");
    harness.run();
    harness.get_by_label("Add figure").click();
    harness.run();
    let figures = new_entity(&harness).figures;
    assert_eq!(figures.len(), 1);
    assert_eq!(
        (figures[0].measure, figures[0].value, figures[0].unit),
        (Measure::Staff, 120.0, Unit::People)
    );

    // Fix it: 150, one undo step however many letters.
    harness
        .get_by_role_and_label(Role::TextInput, "Value")
        .click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Value")
        .type_text("150");
    harness.run();
    assert_eq!(new_entity(&harness).figures[0].value, 150.0);
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(new_entity(&harness).figures[0].value, 120.0);
    assert_eq!(
        harness
            .get_by_role_and_label(Role::TextInput, "Value")
            .value()
            .as_deref(),
        Some("120"),
        "the field shows the model's value again after undo"
    );
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(new_entity(&harness).figures[0].value, 150.0);

    // Saved, the file differs from the built-in model by exactly this work.
    let folder = tempfile::tempdir().expect("temp folder");
    let path = folder.path().join("with-member.ron");
    assert!(harness.state_mut().save_to(&path));
    let mut out = Vec::new();
    let code = townscope::cli::diff(&common::yunqi_path(), &path, &mut out).expect("writes");
    let out = String::from_utf8(out).expect("utf-8");
    assert_eq!(code, 1, "different: {out}");
    let added: Vec<&str> = out.lines().filter(|l| l.starts_with("+ ")).collect();
    assert_eq!(added.len(), 2, "the entity and its relation: {out}");
    assert!(
        added.iter().any(|l| l.contains("new-enterprise-1")),
        "{out}"
    );
    let saved = townscope::io::load_file(&path).expect("loads");
    let entity = saved
        .entities
        .iter()
        .find(|e| e.id == "new-enterprise-1")
        .expect("saved");
    assert_eq!(entity.figures[0].value, 150.0);
    assert_eq!(entity.sources[0].source, "case-study");
}

#[test]
fn unsaved_changes_survive_a_crash_through_the_recovery_copy() {
    use townscope::io::recovery::Recovery;
    let data = tempfile::tempdir().expect("temp folder");
    let mut harness = app(None, Lang::En, WINDOW);
    let recovery = Recovery::in_folder(data.path().to_path_buf());
    let copy = recovery.copy_path();
    harness.state_mut().use_recovery(recovery);
    harness.run();
    assert!(!copy.exists(), "nothing to recover while nothing changed");
    common::new_entity(&mut harness, "Person");
    assert!(copy.exists(), "the first unsaved change is copied at once");
    drop(harness); // a crash: nothing was saved

    let mut harness = app(None, Lang::En, WINDOW);
    harness
        .state_mut()
        .use_recovery(Recovery::in_folder(data.path().to_path_buf()));
    harness.run();
    assert!(harness.query_by_label("Restore unsaved changes?").is_some());
    harness.get_by_label("Restore").click();
    harness.run();
    assert!(harness.state().doc.index().get("new-person-1").is_some());
    assert!(
        harness.state().doc.is_modified(),
        "restored changes are still unsaved"
    );
    // Saving removes the copy.
    let saved = data.path().join("saved.ron");
    assert!(harness.state_mut().save_to(&saved));
    assert!(!copy.exists());
}

#[test]
fn compare_with_lists_what_changed_since_a_file_and_a_click_selects_it() {
    let mut harness = app(None, Lang::En, WINDOW);
    common::search_and_select(&mut harness, "Alibaba Cloud", "Alibaba Cloud");
    harness.get_by_label("Edit entity").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Subkind")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Subkind")
        .type_text("cloud");
    harness.run();
    harness.get_by_label("Done").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run();
    assert_eq!(
        harness.state().state.selected.as_deref(),
        Some("yunqi-town")
    );
    harness
        .state_mut()
        .start_compare(Some(common::yunqi_path()));
    common::wait_until(&mut harness, |app| !app.is_comparing());
    let lines: Vec<String> = harness
        .state()
        .comparison()
        .expect("compared")
        .changes
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(lines, ["~ entity aliyun: subkind: \"\" → \"cloud\""]);
    harness
        .get_by_label_contains("~ entity aliyun: subkind")
        .click();
    harness.run();
    assert_eq!(harness.state().state.selected.as_deref(), Some("aliyun"));
}

#[test]
fn this_years_figure_goes_into_an_indicator_and_undo_takes_it_out() {
    let mut harness = app(None, Lang::En, WINDOW);
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("Indicator figures").click();
    harness.run();
    let chosen = harness.state().doc.model().indicators[0].clone();
    // Nothing can be added before it has a date and a value.
    let add = format!("{:?}", harness.get_by_label("Add a point"));
    assert!(add.contains("disabled: true"), "{add}");
    // The row for a new point is the lowest in the window: date, then value.
    let mut inputs: Vec<_> = harness
        .query_all_by_role(Role::TextInput)
        .map(|n| n.rect())
        .collect();
    let lowest = inputs.iter().map(|r| r.top()).fold(f32::MIN, f32::max);
    inputs.retain(|r| (r.top() - lowest).abs() < 1.0);
    inputs.sort_by(|a, b| a.left().total_cmp(&b.left()));
    assert_eq!(inputs.len(), 2);
    for (rect, text) in inputs.iter().zip(["2016", "3500000000"]) {
        common::click_at(&mut harness, rect.center());
        harness
            .query_all_by_role(Role::TextInput)
            .find(|n| n.rect() == *rect)
            .expect("the field")
            .type_text(text);
        harness.run();
    }
    harness.get_by_label("Add a point").click();
    harness.run();
    let after = &harness.state().doc.model().indicators[0];
    assert_eq!(after.points.len(), chosen.points.len() + 1);
    let added = after.points.last().expect("added");
    assert_eq!(
        (added.date.to_string(), added.value),
        ("2016".to_owned(), 3.5e9)
    );
    assert!(!added.sources.is_empty(), "it cites a source");
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().doc.model().indicators[0], chosen);
}

/// Edit → Sources, sectors and milestones: a new source and a new milestone, each one step
/// that undo takes back; a source still cited cannot be deleted.
#[test]
fn sources_and_milestones_are_edited_in_their_own_window() {
    let mut harness = app(None, Lang::En, WINDOW);
    let before = harness.state().doc.model().clone();
    harness.get_by_label("Edit").click();
    harness.run();
    harness
        .get_by_label("Sources, sectors and milestones…")
        .click();
    harness.run();
    // Every source of the Yunqi model is cited, so none offers Delete.
    harness.get_by_label_contains("case-study ·").click();
    harness.run();
    use egui_kittest::kittest::NodeT;
    assert!(
        harness
            .get_by_label("Delete this source")
            .accesskit_node()
            .is_disabled()
    );

    let title = harness
        .query_all_by_role_and_label(Role::TextInput, "Title")
        .next()
        .expect("the new source's title field, first in the tab");
    title.click();
    harness.run();
    harness
        .query_all_by_role_and_label(Role::TextInput, "Title")
        .next()
        .expect("the new source's title field, first in the tab")
        .type_text("Xihu District yearbook 2025");
    harness.run();
    harness.get_by_label("Add source").click();
    harness.run();
    let sources = &harness.state().doc.model().sources;
    assert_eq!(sources.len(), before.sources.len() + 1);
    let added = sources.last().expect("added");
    assert_eq!(added.title, "Xihu District yearbook 2025");
    assert!(before.sources.iter().all(|s| s.id != added.id), "a new id");

    harness
        .query_all_by_label("Milestones")
        .find(|n| n.accesskit_node().role() != Role::Label)
        .expect("the window's Milestones tab (the overview has a heading of that name)")
        .click();
    harness.run();
    harness
        .query_all_by_role_and_label(Role::TextInput, "Date")
        .next()
        .expect("the new milestone's date")
        .click();
    harness.run();
    harness
        .query_all_by_role_and_label(Role::TextInput, "Date")
        .next()
        .expect("the new milestone's date")
        .type_text("2025-10");
    harness.run();
    harness
        .query_all_by_role_and_label(Role::TextInput, "Title")
        .next()
        .expect("the new milestone's title")
        .click();
    harness.run();
    harness
        .query_all_by_role_and_label(Role::TextInput, "Title")
        .next()
        .expect("the new milestone's title")
        .type_text("A new milestone");
    harness.run();
    harness.get_by_label("Add milestone").click();
    harness.run();
    let milestones = &harness.state().doc.model().milestones;
    assert_eq!(milestones.len(), before.milestones.len() + 1);
    assert_eq!(
        milestones.last().map(|m| m.title.en.as_str()),
        Some("A new milestone")
    );

    harness.key_press(Key::Escape);
    harness.run();
    for _ in 0..2 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run();
    }
    assert_eq!(harness.state().doc.model(), &before);
}
