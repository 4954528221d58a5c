//! The town layout read back from the view, as issue 15 asks: on the Yunqi model at 1280×720
//! and 1920×1080, in Chinese and English, every entity is named on the canvas, no name covers
//! another name or a node, and the nodes spread over most of the canvas; the same on a
//! synthetic model of 200 entities.

use crate::common;

use crate::common::{app, wait_until};
use eframe::egui::Rect;
use egui_kittest::Harness;
use townscope::app::TownscopeApp;
use townscope::i18n::Lang;

type App = Harness<'static, TownscopeApp>;

fn on_network(file: Option<&std::path::Path>, lang: Lang, size: [f32; 2]) -> App {
    let mut harness = app(file, lang, size);
    common::open_network(&mut harness, lang);
    common::choose_force_layout(&mut harness, lang);
    harness
}

/// What the canvas shows: how many entities, how many named, the overlaps, the spread.
#[derive(Debug)]
struct Reading {
    entities: usize,
    named: usize,
    /// Of those named, how many only in a shortened form ("Zhejiang Provin…").
    shortened: usize,
    unnamed: Vec<String>,
    name_on_name: Vec<(String, String)>,
    name_on_node: Vec<(String, String)>,
    spread: [f32; 2],
}

fn read(harness: &App) -> Reading {
    let app = harness.state();
    let network = app.network();
    let (canvas, nodes) = network.nodes();
    let names = network.names();
    let name = |i: usize| {
        app.doc
            .model()
            .entities
            .get(i)
            .map_or(String::new(), |e| e.name.en.clone())
            + &format!("#{i}")
    };
    let mut name_on_name = Vec::new();
    for (k, (a, ra)) in names.iter().enumerate() {
        for (b, rb) in names.iter().skip(k + 1) {
            if ra.intersects(*rb) {
                name_on_name.push((name(*a), name(*b)));
            }
        }
    }
    let mut name_on_node = Vec::new();
    for (a, ra) in &names {
        for (b, rb) in &nodes {
            if ra.intersects(*rb) {
                name_on_node.push((name(*a), name(*b)));
            }
        }
    }
    // A shortened name is the start of the entity's own name, cut with "…".
    for (i, text) in network.shortened_names() {
        let entity = app
            .doc
            .model()
            .entities
            .get(i)
            .expect("a named entity exists");
        let start = text.trim_end_matches('…');
        assert!(
            text.ends_with('…')
                && !start.is_empty()
                && (entity.name.en.starts_with(start) || entity.name.zh.starts_with(start)),
            "{text:?} shortens {:?}",
            entity.name
        );
    }
    let unnamed = nodes
        .iter()
        .filter(|(i, _)| !names.iter().any(|(j, _)| j == i))
        .map(|(i, _)| name(*i))
        .collect();
    let spread_of = |nodes: &[(usize, Rect)]| {
        let hull = nodes.iter().fold(Rect::NOTHING, |hull, (_, r)| {
            hull.union(Rect::from_center_size(r.center(), eframe::egui::Vec2::ZERO))
        });
        [
            hull.width() / canvas.width(),
            hull.height() / canvas.height(),
        ]
    };
    Reading {
        entities: app.doc.model().entities.len(),
        named: names.len(),
        shortened: network.shortened_names().len(),
        unnamed,
        name_on_name,
        name_on_node,
        spread: spread_of(&nodes),
    }
}

fn assert_readable(reading: &Reading, what: &str) {
    assert_eq!(
        reading.named, reading.entities,
        "{what}: unnamed {:?}",
        reading.unnamed
    );
    assert!(
        reading.name_on_name.is_empty(),
        "{what}: {:?}",
        reading.name_on_name
    );
    assert!(
        reading.name_on_node.is_empty(),
        "{what}: {:?}",
        reading.name_on_node
    );
    assert!(
        reading.spread[0] >= 0.7 && reading.spread[1] >= 0.7,
        "{what}: nodes cover {:?} of the canvas",
        reading.spread
    );
}

#[test]
fn every_yunqi_entity_is_named_at_1280_by_720() {
    let harness = on_network(None, Lang::Zh, [1280.0, 720.0]);
    let zh = read(&harness);
    assert_readable(&zh, "1280×720 Zh");
    assert_eq!(zh.shortened, 0, "{zh:?}");
    // English names are about twice as long: beside both side panels (a canvas of 634×511)
    // they cannot all be written apart in full even at 10.5 px. Every one is still written,
    // those with no room in full shortened to one line; and with the side panels hidden
    // (Ctrl+B) every one is written in full.
    let mut harness = on_network(None, Lang::En, [1280.0, 720.0]);
    let beside_panels = read(&harness);
    eprintln!("1280×720 En beside the side panels: {beside_panels:?}");
    assert_readable(&beside_panels, "1280×720 En beside the side panels");
    // Measured: 48 in full, 34 shortened.
    assert!(
        beside_panels.entities - beside_panels.shortened >= 45,
        "{beside_panels:?}"
    );
    harness.key_press_modifiers(eframe::egui::Modifiers::COMMAND, eframe::egui::Key::B);
    harness.step();
    for _ in 0..3 {
        harness.step();
        wait_until(&mut harness, TownscopeApp::layout_settled);
    }
    let hidden = read(&harness);
    assert_readable(&hidden, "1280×720 En, side panels hidden");
    assert_eq!(hidden.shortened, 0, "{hidden:?}");
}

#[test]
fn every_yunqi_entity_is_named_at_1920_by_1080() {
    for lang in [Lang::Zh, Lang::En] {
        let harness = on_network(None, lang, [1920.0, 1080.0]);
        let reading = read(&harness);
        assert_readable(&reading, &format!("1920×1080 {lang:?}"));
        assert_eq!(reading.shortened, 0, "{lang:?}: {reading:?}");
    }
}

use crate::synth;

/// The synthetic town of 200 entities (500 relations, heavy-tailed like a real cluster).
fn synthetic(lang: Lang, size: [f32; 2]) -> App {
    let mut harness = app(None, lang, size);
    harness
        .state_mut()
        .replace_document(townscope::document::Document::new(
            synth::generate(200, 500, 1),
            townscope::io::Origin::Embedded,
        ));
    common::open_network(&mut harness, lang);
    common::choose_force_layout(&mut harness, lang);
    harness
}

#[test]
fn every_entity_of_a_synthetic_town_of_200_is_named() {
    for (lang, size) in [(Lang::Zh, [1920.0, 1080.0]), (Lang::En, [1920.0, 1080.0])] {
        let harness = synthetic(lang, size);
        let reading = read(&harness);
        eprintln!("200 entities {size:?} {lang:?}: {reading:?}");
        assert_readable(&reading, &format!("200 entities {size:?} {lang:?}"));
    }
}
