//! One search everywhere: the browser, the table's filter and the network's Find match as the
//! palette does — by characters, English, full pinyin and initials — and the palette answers the
//! text typed in the same frame.

use crate::common;

use crate::common::{WINDOW, app};
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use townscope::app::{CentralView, TownscopeApp};
use townscope::context::ThemeChoice;
use townscope::i18n::Lang;

/// Whether `name` is written in the centre of the window (not the browser on the left or the
/// details on the right).
fn in_centre(harness: &Harness<'static, TownscopeApp>, name: &str) -> bool {
    // The browser is 250 points wide, the details 380.
    let (left, right) = (252.0, WINDOW[0] - 380.0);
    harness.query_all_by_label(name).any(|n| {
        let x = n.rect().center().x;
        x > left && x < right
    })
}

#[test]
fn pinyin_finds_xihu_in_the_browser() {
    let mut harness = app(None, Lang::Zh, WINDOW);
    harness.get_by_role(Role::TextInput).click();
    harness.run();
    harness.get_by_role(Role::TextInput).type_text("xihu");
    harness.run();
    for name in ["西湖区", "西湖大学"] {
        assert!(
            harness
                .query_by_role_and_label(Role::Button, name)
                .is_some(),
            "the browser lists {name} for xihu"
        );
    }
    // What pinyin does not spell is not listed.
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "阿里云")
            .is_none()
    );
}

#[test]
fn pinyin_finds_xihu_in_the_table() {
    let mut harness = app(None, Lang::Zh, WINDOW);
    harness.state_mut().state.central = CentralView::Table;
    harness.run();
    common::type_in_centre_field(&mut harness, "xihu");
    harness.run();
    for name in ["西湖区", "西湖大学"] {
        assert!(in_centre(&harness, name), "the table lists {name} for xihu");
    }
    assert!(!in_centre(&harness, "阿里云"));
}

#[test]
fn the_palette_runs_what_is_typed_in_the_same_frame() {
    let mut harness = app(None, Lang::Zh, WINDOW);
    assert_eq!(harness.state().state.theme, ThemeChoice::System);
    harness.key_press_modifiers(eframe::egui::Modifiers::COMMAND, eframe::egui::Key::K);
    harness.run();
    assert!(harness.state().is_palette_open());
    // "light" and Enter arrive in one frame, as a fast typist's do (the harness's own event
    // queue would hand them over a frame each).
    let events = &mut harness.input_mut().events;
    events.push(eframe::egui::Event::Text("light".to_owned()));
    events.push(eframe::egui::Event::Key {
        key: eframe::egui::Key::Enter,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: eframe::egui::Modifiers::NONE,
    });
    harness.step();
    harness.run();
    assert_eq!(
        harness.state().state.theme,
        ThemeChoice::Light,
        "主题：浅色 ran"
    );
    assert!(!harness.state().is_palette_open());
}
