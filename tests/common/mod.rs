//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use townscope::app::{TownscopeApp, UiState};
use townscope::i18n::Lang;

/// The default window size of the app.
pub const WINDOW: [f32; 2] = [1440.0, 900.0];

/// The app as a user sees it at start: the embedded Yunqi model (or `file`), in `lang`.
/// The app installs the bundled CJK font itself, so the harness never misses a glyph.
pub fn app(file: Option<&Path>, lang: Lang, size: [f32; 2]) -> Harness<'static, TownscopeApp> {
    let file = file.map(Path::to_path_buf);
    let mut harness = Harness::builder().with_size(size).build_eframe(move |cc| {
        let state = UiState {
            lang,
            ..UiState::default()
        };
        TownscopeApp::with_state(&cc.egui_ctx, state, file.as_deref())
    });
    harness.run();
    harness
}

/// A file dropped onto the window, as the windowing layer reports it.
#[derive(Debug)]
pub struct DroppedPath(pub PathBuf);

impl eframe::egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Drops `path` onto the app's window and waits until the app has read it (on its worker).
pub fn drop_file(harness: &mut Harness<'static, TownscopeApp>, path: &Path) {
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedPath(path.to_path_buf())));
    harness.step();
    assert!(
        harness.state().is_opening(),
        "a dropped file is read off the UI thread"
    );
    wait_until(harness, |app| !app.is_opening());
}

/// A file under `tests/data`.
pub fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// The shipped Yunqi model file.
pub fn yunqi_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/yunqi.ron")
}

/// Types `query` into the entity browser's search box and clicks the entry `entry` it lists.
pub fn search_and_select(harness: &mut Harness<'static, TownscopeApp>, query: &str, entry: &str) {
    use eframe::egui::accesskit::Role;
    use egui_kittest::kittest::Queryable;
    harness.get_by_role(Role::TextInput).click();
    harness.run();
    harness.get_by_role(Role::TextInput).type_text(query);
    harness.run();
    harness.get_by_role_and_label(Role::Button, entry).click();
    harness.run();
}

/// A preferential-attachment graph (heavy-tailed degrees) with some isolated nodes, from a
/// fixed seed.
pub fn heavy_tailed(n: usize, edges_per_node: usize, seed: u64) -> Vec<Vec<usize>> {
    let mut state = seed;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut neighbours = vec![Vec::new(); n];
    let mut ends: Vec<usize> = vec![0, 1];
    neighbours[0].push(1);
    neighbours[1].push(0);
    for v in 2..n {
        if next() % 20 == 0 {
            continue; // isolated
        }
        for _ in 0..edges_per_node {
            let u = ends[(next() % ends.len() as u64) as usize];
            if u != v && !neighbours[v].contains(&u) {
                neighbours[v].push(u);
                neighbours[u].push(v);
                ends.push(u);
                ends.push(v);
            }
        }
    }
    for list in &mut neighbours {
        list.sort_unstable();
    }
    neighbours
}

/// Steps the app (sleeping between steps, for worker threads) until `done` holds; panics after
/// ten seconds.
pub fn wait_until(
    harness: &mut Harness<'static, TownscopeApp>,
    done: impl Fn(&TownscopeApp) -> bool,
) {
    for _ in 0..1000 {
        if done(harness.state()) {
            // Let the UI settle; a grid resizing to a new model may take a few more frames
            // than one `run` allows, and a worker (metrics of the new model) may land meanwhile.
            settle(harness);
            return;
        }
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the app did not get there in 10 s");
}

/// Runs the app until it stops asking for frames, allowing for a worker (metrics, layout) that
/// lands in the middle and asks for a few more than one `run` allows.
pub fn settle(harness: &mut Harness<'static, TownscopeApp>) {
    for _ in 0..8 {
        if harness.try_run().is_ok() {
            return;
        }
        // A worker thread on a busy machine (the whole suite in parallel) may need a moment.
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("the UI keeps asking for frames");
}

/// Turns "As of year" on (its checkbox and slider labelled as `labels` say) and walks the slider
/// back to `year` a key press at a time, as a keyboard user does. Returns the year it started at.
pub fn walk_year_back_to(
    harness: &mut Harness<'static, TownscopeApp>,
    labels: (&str, &str),
    year: i32,
) -> i32 {
    use egui_kittest::kittest::Queryable;
    harness.get_by_label(labels.0).click();
    harness.run();
    let last = harness.state().state.year.expect("the year control is on");
    harness
        .get_by_role_and_label(eframe::egui::accesskit::Role::Slider, labels.1)
        .focus();
    harness.run();
    for _ in 0..(last - year) {
        harness.key_press(eframe::egui::Key::ArrowLeft);
    }
    harness.run();
    last
}

/// Asks to close the window, as its close button does.
pub fn close_window(harness: &mut Harness<'static, TownscopeApp>) {
    harness
        .input_mut()
        .viewports
        .entry(eframe::egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(eframe::egui::ViewportEvent::Close);
    harness.run();
}

/// Clicks at a point, as a mouse does.
pub fn click_at(harness: &mut Harness<'static, TownscopeApp>, pos: eframe::egui::Pos2) {
    harness.hover_at(pos);
    for pressed in [true, false] {
        harness.event(eframe::egui::Event::PointerButton {
            pos,
            button: eframe::egui::PointerButton::Primary,
            pressed,
            modifiers: Default::default(),
        });
    }
    harness.run();
}

/// Types `text` into the text field in the centre of the window (the table's filter, the
/// network's find box) — the browser on the left has a search box too.
pub fn type_in_centre_field(harness: &mut Harness<'static, TownscopeApp>, text: &str) {
    use egui_kittest::kittest::Queryable;
    let centre_field = |h: &Harness<'static, TownscopeApp>| {
        h.query_all_by_role(eframe::egui::accesskit::Role::TextInput)
            .map(|n| n.rect())
            .find(|r| r.left() > 252.0)
            .expect("a text field in the centre")
    };
    let field = centre_field(harness);
    click_at(harness, field.center());
    harness
        .query_all_by_role(eframe::egui::accesskit::Role::TextInput)
        .find(|n| n.rect() == field)
        .expect("the same field")
        .type_text(text);
}

/// Edit → New entity → `kind`: a new entity of that kind, selected and open for editing.
pub fn new_entity(harness: &mut Harness<'static, TownscopeApp>, kind: &str) {
    use egui_kittest::kittest::Queryable;
    for label in ["Edit", "New entity", kind] {
        harness.get_by_label(label).click();
        harness.run();
    }
}

/// Presses at `from`, moves to `to` in steps, and lets go there, as a hand with a mouse does.
pub fn drag(
    harness: &mut Harness<'static, TownscopeApp>,
    from: eframe::egui::Pos2,
    to: eframe::egui::Pos2,
    modifiers: eframe::egui::Modifiers,
) {
    use eframe::egui::{Event, PointerButton};
    harness.hover_at(from);
    harness.run();
    harness.event(Event::PointerButton {
        pos: from,
        button: PointerButton::Primary,
        pressed: true,
        modifiers,
    });
    harness.run();
    for k in 1..=6 {
        harness.hover_at(from + (to - from) * (k as f32 / 6.0));
        harness.run();
    }
    harness.event(Event::PointerButton {
        pos: to,
        button: PointerButton::Primary,
        pressed: false,
        modifiers,
    });
    harness.run();
}

/// Picks a network arrangement from the Layout list as a user does (`list`: the list's name,
/// `to`: the arrangement wanted, as the list words it), then waits for its layout.
pub fn choose_arrangement(harness: &mut Harness<'static, TownscopeApp>, list: &str, to: &str) {
    use egui_kittest::kittest::Queryable;
    harness
        .get_by_role_and_label(eframe::egui::accesskit::Role::ComboBox, list)
        .click();
    harness.step();
    harness.step();
    harness.get_by_label(to).click();
    // A frame to take the click, one to ask for the layout: then wait for it.
    harness.step();
    harness.step();
    wait_until(harness, TownscopeApp::layout_settled);
    // The legend's corner, known after the first picture, may lay it out once more.
    harness.step();
    wait_until(harness, TownscopeApp::layout_settled);
}

/// Opens the network tab as a user does (its label in `lang`) and waits for its picture.
pub fn open_network(harness: &mut Harness<'static, TownscopeApp>, lang: Lang) {
    use egui_kittest::kittest::Queryable;
    harness
        .get_by_label(lang.pick("关系网络", "Network"))
        .click();
    // One frame, not `run`: a layout worker asks for frames until it settles.
    harness.step();
    wait_until(harness, TownscopeApp::layout_settled);
}

/// Picks the force layout from the Layout list (the places as areas are Yunqi's default).
pub fn choose_force_layout(harness: &mut Harness<'static, TownscopeApp>, lang: Lang) {
    choose_arrangement(
        harness,
        lang.pick("布局", "Layout"),
        lang.pick("力导向", "Force-directed"),
    );
}

/// A member list typed in Excel: two enterprises, one joining the other.
pub fn member_list(path: &std::path::Path, founded: &str) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Entities").expect("named");
    for (c, name) in ["id", "kind", "name_zh", "name_en", "founded"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *name).expect("header");
    }
    let rows = [
        [
            "hz-ai",
            "Enterprise",
            "杭州某人工智能公司",
            "Hangzhou AI Co.",
            founded,
        ],
        ["yq-lab", "Institution", "云栖实验室", "Yunqi Lab", ""],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            sheet
                .write_string(r as u32 + 1, c as u16, *cell)
                .expect("cell");
        }
    }
    // A year typed as a number, as Excel keeps it.
    sheet.write_number(2, 4, 2019.0).expect("a year");
    let relations = book.add_worksheet();
    relations.set_name("Relations").expect("named");
    for (c, name) in ["from", "kind", "to"].iter().enumerate() {
        relations.write_string(0, c as u16, *name).expect("header");
    }
    for (c, cell) in ["yq-lab", "PartnersWith", "hz-ai"].iter().enumerate() {
        relations.write_string(1, c as u16, *cell).expect("cell");
    }
    book.save(path).expect("saved");
}
