//! Recovery keeps only what the user kept: a crash brings the edits back, Discard and undo do
//! not, recent typing is in the copy within seconds, and two windows never touch each other's
//! copies.

use crate::common;

use crate::common::{WINDOW, app};
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use townscope::app::TownscopeApp;
use townscope::i18n::Lang;
use townscope::io::recovery::Recovery;

type App = Harness<'static, TownscopeApp>;

/// The app with its recovery copies in `folder`; returns it and where its copy goes.
fn with_recovery(folder: &std::path::Path) -> (App, std::path::PathBuf) {
    let mut harness = app(None, Lang::En, WINDOW);
    let recovery = Recovery::in_folder(folder.to_path_buf());
    let copy = recovery.copy_path();
    harness.state_mut().use_recovery(recovery);
    harness.run();
    (harness, copy)
}

fn offers_recovery(folder: &std::path::Path) -> bool {
    let (harness, _) = with_recovery(folder);
    harness.state().is_offering_recovery()
}

#[test]
fn discarded_edits_never_come_back() {
    let folder = tempfile::tempdir().expect("temp folder");
    let (mut harness, copy) = with_recovery(folder.path());
    common::new_entity(&mut harness, "Person");
    assert!(copy.exists(), "the edit is copied");
    common::close_window(&mut harness);
    assert!(harness.state().is_asking_to_save());
    harness.get_by_label("Discard").click();
    // The frames before the window closes must not write the copy again.
    for _ in 0..12 {
        harness.step();
    }
    assert!(
        !copy.exists(),
        "Discard removes the copy and writes no new one"
    );
    drop(harness);
    assert!(
        !offers_recovery(folder.path()),
        "the next start offers nothing"
    );
}

#[test]
fn an_edit_undone_back_to_the_saved_state_leaves_no_copy() {
    let folder = tempfile::tempdir().expect("temp folder");
    let (mut harness, copy) = with_recovery(folder.path());
    common::new_entity(&mut harness, "Person");
    assert!(copy.exists());
    harness.key_press_modifiers(eframe::egui::Modifiers::COMMAND, eframe::egui::Key::Z);
    harness.run();
    assert!(!harness.state().doc.is_modified(), "the * is gone");
    assert!(!copy.exists(), "nothing left to recover");
    drop(harness);
    assert!(!offers_recovery(folder.path()));
}

#[test]
fn the_latest_change_is_in_the_copy_within_three_seconds() {
    let folder = tempfile::tempdir().expect("temp folder");
    let (mut harness, copy) = with_recovery(folder.path());
    common::new_entity(&mut harness, "Person");
    let first = std::fs::read_to_string(&copy).expect("copied");
    assert!(!first.contains("EDITED"));
    // Typing right after the first copy was written: the copy is due again only after a delay.
    let name = harness.get_by_role_and_label(Role::TextInput, "English name");
    name.click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "English name")
        .type_text(" EDITED");
    harness.step();
    let started = harness.ctx.input(|i| i.time);
    let mut waited = 0.0;
    while !std::fs::read_to_string(&copy)
        .expect("still there")
        .contains("EDITED")
    {
        harness.step();
        waited = harness.ctx.input(|i| i.time) - started;
        assert!(waited <= 3.0, "not in the copy after {waited:.2} s");
    }
    eprintln!("the second edit was copied after {waited:.2} s of app time");
    // A crash now loses nothing.
    drop(harness);
    let (harness, _) = with_recovery(folder.path());
    assert!(harness.state().is_offering_recovery());
    assert!(harness.query_by_label("Restore unsaved changes?").is_some());
    assert!(
        harness
            .query_by_label_contains("written just now")
            .is_some(),
        "the offer says when"
    );
}

#[test]
fn two_windows_keep_their_own_copies() {
    let folder = tempfile::tempdir().expect("temp folder");
    let (mut first, first_copy) = with_recovery(folder.path());
    let (mut second, second_copy) = with_recovery(folder.path());
    assert_ne!(first_copy, second_copy);
    common::new_entity(&mut first, "Person");
    common::new_entity(&mut second, "Fund");
    assert!(first_copy.exists() && second_copy.exists());
    // A third window while both run is offered neither.
    assert!(!offers_recovery(folder.path()));
    // The second discards: the first's copy is untouched.
    common::close_window(&mut second);
    second.get_by_label("Discard").click();
    for _ in 0..4 {
        second.step();
    }
    drop(second);
    assert!(!second_copy.exists());
    assert!(
        first_copy.exists(),
        "Discard in one window keeps the other's copy"
    );
    // The first crashes: its copy is what the next start offers.
    drop(first);
    let (harness, _) = with_recovery(folder.path());
    assert!(harness.state().is_offering_recovery());
    assert!(harness.query_by_label("Restore unsaved changes?").is_some());
}

#[test]
fn a_copy_equal_to_its_file_is_not_offered() {
    let folder = tempfile::tempdir().expect("temp folder");
    let (mut harness, copy) = with_recovery(folder.path());
    common::new_entity(&mut harness, "Person");
    assert!(copy.exists());
    drop(harness);
    // The copy's model is the built-in one plus a person; make it the built-in model itself,
    // as if the change had reached the file some other way.
    let same =
        townscope::io::to_canonical_string(&townscope::io::embedded_yunqi().unwrap()).unwrap();
    std::fs::write(&copy, same).expect("writes");
    assert!(!offers_recovery(folder.path()));
    assert!(!copy.exists(), "and it is removed");
}
