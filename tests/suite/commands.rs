//! One command list behind the menus, the shortcuts and the palette, driven from the keyboard
//! as a user who never touches the mouse: the palette finds 阿里云 by pinyin, shortcuts keep
//! out of text fields, F1 lists them, settings survive a restart.

use crate::common;

use std::collections::HashMap;

use crate::common::{WINDOW, app};
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use townscope::app::{CentralView, TownscopeApp, UiState};
use townscope::i18n::Lang;

/// Types `text` wherever the keyboard is, as a keyboard does.
fn type_keys(harness: &mut Harness<'static, TownscopeApp>, text: &str) {
    harness.event(eframe::egui::Event::Text(text.to_owned()));
    harness.run();
}

fn ctrl(harness: &mut Harness<'static, TownscopeApp>, key: Key) {
    harness.key_press_modifiers(Modifiers::COMMAND, key);
    harness.run();
}

#[test]
fn the_palette_finds_aliyun_by_pinyin_and_by_its_initials_and_enter_selects_it() {
    for query in ["aliyun", "aly"] {
        let mut harness = app(None, Lang::Zh, WINDOW);
        assert_eq!(
            harness.state().state.selected.as_deref(),
            Some("yunqi-town")
        );
        ctrl(&mut harness, Key::K);
        assert!(harness.state().is_palette_open());
        type_keys(&mut harness, query);
        harness.run();
        // The first row is Alibaba Cloud, in Chinese with its English name beside it.
        assert!(
            harness
                .query_by_label_contains("阿里云   Alibaba Cloud")
                .is_some(),
            "{query}"
        );
        harness.key_press(Key::Enter);
        harness.run();
        assert_eq!(
            harness.state().state.selected.as_deref(),
            Some("aliyun"),
            "{query}"
        );
        assert!(!harness.state().is_palette_open());
    }
}

#[test]
fn the_palette_runs_commands_found_by_either_language() {
    let mut harness = app(None, Lang::En, WINDOW);
    // Ctrl+Shift+P opens it too, as in code editors.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    harness.run();
    type_keys(&mut harness, "timeline");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().state.central, CentralView::Timeline);
    // 关系网络 in pinyin initials, from an English interface.
    ctrl(&mut harness, Key::K);
    type_keys(&mut harness, "gxwl");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().state.central, CentralView::Network);
    // Esc closes it and runs nothing.
    ctrl(&mut harness, Key::K);
    type_keys(&mut harness, "table");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().is_palette_open());
    assert_eq!(harness.state().state.central, CentralView::Network);
}

#[test]
fn shortcuts_do_not_fire_while_typing_in_a_text_field() {
    let mut harness = app(None, Lang::En, WINDOW);
    // Ctrl+F puts the keyboard in the entity search.
    ctrl(&mut harness, Key::F);
    type_keys(&mut harness, "Ali");
    harness.run();
    assert_eq!(harness.state().state.search, "Ali");
    // Ctrl+2 would show the network; in a text field it does not.
    ctrl(&mut harness, Key::Num2);
    assert_eq!(harness.state().state.central, CentralView::Overview);
    // Out of the field (Escape), the same keys work.
    harness.key_press(Key::Escape);
    harness.run();
    ctrl(&mut harness, Key::Num2);
    assert_eq!(harness.state().state.central, CentralView::Network);
}

#[test]
fn f1_lists_the_shortcuts_from_the_command_list() {
    let mut harness = app(None, Lang::En, WINDOW);
    harness.key_press(Key::F1);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("While typing in a text field only")
            .is_some()
    );
    for keys in ["Ctrl+K  /  Ctrl+Shift+P", "Ctrl+Shift+Z  /  Ctrl+Y", "F5"] {
        assert!(harness.query_by_label(keys).is_some(), "{keys}");
    }
}

#[test]
fn switching_language_by_its_shortcut_and_back() {
    let mut harness = app(None, Lang::En, WINDOW);
    assert!(harness.query_by_label("File").is_some());
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::L);
    harness.run();
    assert!(harness.query_by_label("文件").is_some());
    assert!(harness.query_by_label("File").is_none());
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::L);
    harness.run();
    assert!(harness.query_by_label("File").is_some());
}

/// eframe's storage, in memory.
#[derive(Default)]
struct Memory(HashMap<String, String>);

impl eframe::Storage for Memory {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }

    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }

    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }

    fn flush(&mut self) {}
}

fn restart(storage: &Memory) -> Harness<'static, TownscopeApp> {
    let saved = storage.0.clone();
    let mut harness = Harness::builder()
        .with_size(WINDOW)
        .build_eframe(move |cc| {
            TownscopeApp::from_storage(&cc.egui_ctx, Some(&Memory(saved)), None)
        });
    harness.run();
    harness
}

#[test]
fn settings_survive_a_save_and_restore_through_eframe_storage() {
    let file = common::yunqi_path();
    let mut harness = app(Some(&file), Lang::Zh, WINDOW);
    common::wait_until(&mut harness, |app| {
        app.doc.origin().display_name() == "yunqi.ron"
    });
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::L);
    harness.run();
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Theme: light").click();
    harness.run();
    ctrl(&mut harness, Key::Num3);
    let mut storage = Memory::default();
    harness.state_mut().save_settings(&mut storage);

    let restarted = restart(&storage);
    let state = &restarted.state().state;
    assert_eq!(state.lang, Lang::En);
    assert_eq!(state.theme, townscope::context::ThemeChoice::Light);
    assert_eq!(state.central, CentralView::Table);
    // The file that was open is open again.
    assert_eq!(state.last_file.as_deref(), Some(file.as_path()));
    assert!(restarted.query_by_label("Entities").is_some());
}

#[test]
fn unreadable_settings_give_the_defaults_and_say_so() {
    let mut storage = Memory::default();
    eframe::Storage::set_string(&mut storage, "townscope", "(lang: Klingon".to_owned());
    let restarted = restart(&storage);
    assert_eq!(restarted.state().state.central, CentralView::Overview);
    assert!(
        restarted
            .query_by_label_contains("设置")
            .or_else(|| restarted.query_by_label_contains("settings"))
            .is_some(),
        "a note says the settings were not read"
    );
}

#[test]
fn the_first_start_follows_the_systems_language() {
    assert_eq!(UiState::first_start(Some("zh-CN".into())).lang, Lang::Zh);
    assert_eq!(
        UiState::first_start(Some("zh_TW.UTF-8".into())).lang,
        Lang::Zh
    );
    assert_eq!(UiState::first_start(Some("en-US".into())).lang, Lang::En);
    assert_eq!(UiState::first_start(Some("de_DE".into())).lang, Lang::En);
    assert_eq!(UiState::first_start(None).lang, Lang::Zh);
}

/// The label of the widget that has the keyboard.
fn focused_label(harness: &Harness<'static, TownscopeApp>) -> Option<String> {
    harness
        .query_by(|node| node.is_focused())
        .and_then(|node| node.accesskit_node().label())
}

#[test]
fn without_a_mouse_find_an_entity_follow_a_relation_and_present() {
    let mut harness = app(None, Lang::Zh, WINDOW);
    // Find: the palette.
    ctrl(&mut harness, Key::K);
    type_keys(&mut harness, "aliyun");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().state.selected.as_deref(), Some("aliyun"));
    // Follow a relation: Tab to the alliance it founded, Enter.
    let mut reached = false;
    for _ in 0..400 {
        harness.key_press(Key::Tab);
        harness.run();
        if focused_label(&harness).is_some_and(|l| l.contains("云栖小镇联盟")) {
            reached = true;
            break;
        }
    }
    assert!(reached, "Tab reaches the relation to the alliance");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().state.selected.as_deref(),
        Some("yunqi-alliance")
    );
    // Present, and back.
    harness.key_press(Key::F5);
    harness.run();
    assert!(harness.state().is_presenting());
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().is_presenting());
}

use crate::synth;

/// The status bar's Cancel buttons, left to right (opening, metrics, layout, as under way).
fn cancel_buttons(harness: &Harness<'static, TownscopeApp>) -> Vec<eframe::egui::Rect> {
    let mut rects: Vec<_> = harness
        .query_all_by_label("Cancel")
        .map(|node| node.rect())
        .collect();
    rects.sort_by(|a, b| a.left().total_cmp(&b.left()));
    rects
}

/// A click while work runs (its workers keep asking for frames, so `run` would not end).
fn click_while_busy(harness: &mut Harness<'static, TownscopeApp>, pos: eframe::egui::Pos2) {
    harness.hover_at(pos);
    harness.step();
    for pressed in [true, false] {
        harness.event(eframe::egui::Event::PointerButton {
            pos,
            button: eframe::egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        harness.step();
    }
    harness.run_steps(2);
}

#[test]
fn long_work_shows_in_the_status_bar_and_can_be_stopped() {
    let mut harness = app(None, Lang::En, WINDOW);
    let model = synth::generate(20_000, 80_000, 1);
    harness
        .state_mut()
        .replace_document(townscope::document::Document::new(
            model,
            townscope::io::Origin::Embedded,
        ));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    harness.run_steps(3);
    // Metrics and the force layout run on workers; the status bar says so, with a way to stop.
    assert!(harness.query_by_label("Computing graph metrics…").is_some());
    assert!(harness.query_all_by_label("Laying out…").count() >= 1);
    assert!(!harness.state().layout_settled());
    assert_eq!(cancel_buttons(&harness).len(), 2);
    // Stop the layout (the right one): it stays where it had got to.
    let button = cancel_buttons(&harness)[1];
    click_while_busy(&mut harness, button.center());
    assert!(harness.state().layout_settled(), "stopped where it was");
    assert_eq!(harness.query_all_by_label("Laying out…").count(), 0);
    // Stop the metrics: no numbers, and a note saying why.
    let button = cancel_buttons(&harness)[0];
    click_while_busy(&mut harness, button.center());
    assert!(harness.query_by_label("Computing graph metrics…").is_none());
    assert!(harness.state().metrics().is_none());
    assert!(harness.query_by_label_contains("was stopped").is_some());
    // Opening a file shows too, and stopping it keeps the model that is open.
    let folder = tempfile::tempdir().expect("temp folder");
    let big = folder.path().join("big.ron");
    let text =
        townscope::io::to_canonical_string(&synth::generate(20_000, 60_000, 2)).expect("writes");
    std::fs::write(&big, text).expect("saved");
    harness.state_mut().start_open(big);
    harness.step();
    assert!(harness.query_by_label_contains("Opening").is_some());
    let button = cancel_buttons(&harness)[0];
    click_while_busy(&mut harness, button.center());
    std::thread::sleep(std::time::Duration::from_millis(300));
    harness.run_steps(3);
    assert!(!harness.state().is_opening());
    assert_eq!(harness.state().doc.model().relations.len(), 80_000);
    assert!(
        harness
            .query_by_label("Opening the file was cancelled")
            .is_some()
    );
}
