//! The network view driven as a user drives it: tabs, clicks, double-clicks, drags, the legend
//! and the filters; what is drawn is read back from the view.

use crate::common;

use crate::common::{WINDOW, app, click_at, wait_until};
use eframe::egui::accesskit::Role;
use eframe::egui::{Event, Key, Modifiers, PointerButton, Pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use townscope::app::TownscopeApp;
use townscope::i18n::Lang;

type App = Harness<'static, TownscopeApp>;

/// The app on the network tab with the force layout settled.
fn network(lang: Lang) -> App {
    let mut harness = app(None, lang, WINDOW);
    common::open_network(&mut harness, lang);
    common::choose_force_layout(&mut harness, lang);
    harness
}

fn index_of(harness: &App, id: &str) -> usize {
    harness
        .state()
        .doc
        .index()
        .get(id)
        .expect("the entity exists")
}

fn on_screen(harness: &App, id: &str) -> Pos2 {
    harness
        .state()
        .network()
        .screen_position(index_of(harness, id))
        .expect("drawn")
}

fn shown(harness: &App) -> (usize, usize) {
    harness
        .state()
        .network()
        .shown_counts()
        .expect("the network was drawn")
}

/// Lets a glide of the camera finish.
fn settle_camera(harness: &mut App) {
    wait_until(harness, |app| !app.network().is_moving());
}

fn distance(a: [f32; 2], b: [f32; 2]) -> f32 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt()
}

#[test]
fn selecting_in_the_table_shows_the_details_and_the_network_centres_on_it() {
    let mut harness = network(Lang::En);
    let aliyun = index_of(&harness, "aliyun");
    let position = harness
        .state()
        .network()
        .position(aliyun)
        .expect("laid out");
    // Zoomed in on the far side of the picture from it, so that it is out of view.
    let (canvas, _) = harness.state().network().nodes();
    let away = if on_screen(&harness, "aliyun").x < canvas.center().x {
        Key::ArrowRight
    } else {
        Key::ArrowLeft
    };
    for _ in 0..6 {
        harness.key_press(Key::Plus);
        harness.key_press(away);
        harness.run();
    }
    assert!(!canvas.contains(on_screen(&harness, "aliyun")));
    assert!(distance(harness.state().network().centre(), position) > 0.5);

    harness.get_by_label("Table").click();
    harness.run();
    common::type_in_centre_field(&mut harness, "Alibaba Cloud");
    harness.run();
    let header = harness.get_by_label("Name ▲").rect();
    click_at(
        &mut harness,
        eframe::egui::pos2(300.0, header.bottom() + 16.0),
    );
    assert_eq!(harness.state().state.selected.as_deref(), Some("aliyun"));
    // The details panel on the right shows it: its founding date is there.
    assert!(
        harness
            .query_all_by_label("Sep 2009")
            .any(|n| n.rect().left() > WINDOW[0] - 400.0)
    );

    harness.get_by_label("Network").click();
    harness.run();
    settle_camera(&mut harness);
    assert!(
        distance(harness.state().network().centre(), position) < 1e-3,
        "the view glided to Alibaba Cloud"
    );
}

#[test]
fn double_clicking_a_node_keeps_only_its_neighbourhood_and_escape_brings_all_back() {
    let mut harness = network(Lang::En);
    let (all, _) = shown(&harness);
    assert!(
        harness
            .query_by_label_contains(&format!("{all} of {all} entities"))
            .is_some()
    );
    let alliance = index_of(&harness, "yunqi-alliance");
    let neighbours = harness.state().doc.graph()[alliance].clone();
    let at = on_screen(&harness, "yunqi-alliance");
    harness.hover_at(at);
    harness.run();
    // Both clicks in one frame: the harness gives each queued event a frame of its own and steps
    // a quarter second a frame, longer than egui's 0.3 s between the clicks of a double-click.
    for pressed in [true, false, true, false] {
        harness.input_mut().events.push(Event::PointerButton {
            pos: at,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
    let focused = 1 + neighbours.len();
    assert_eq!(
        shown(&harness).0,
        focused,
        "one step: the alliance and its neighbours"
    );
    assert!(harness.query_by_label("Focused on").is_some());
    assert!(
        harness
            .query_by_label_contains(&format!("{focused} of {all} entities"))
            .is_some()
    );
    // Two steps take in the neighbours' neighbours.
    harness.get_by_label("2 steps").click();
    harness.run();
    assert!(shown(&harness).0 > focused);
    // Escape leaves the focus.
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(shown(&harness).0, all);
    assert!(harness.query_by_label("Focused on").is_none());
}

#[test]
fn the_legend_and_the_relation_filter_change_what_is_drawn() {
    let mut harness = network(Lang::En);
    let (all, links) = shown(&harness);
    let places = harness
        .state()
        .doc
        .model()
        .entities
        .iter()
        .filter(|e| e.kind == townscope::model::EntityKind::Place)
        .count();
    // The legend is the kind filter: a chip per kind.
    harness
        .get_by_role_and_label(Role::CheckBox, "Places")
        .click();
    harness.run();
    assert_eq!(shown(&harness).0, all - places);
    assert!(shown(&harness).1 < links, "links to places go with them");
    harness
        .get_by_role_and_label(Role::CheckBox, "Places")
        .click();
    harness.run();
    assert_eq!(shown(&harness), (all, links));
    // Relation kinds: hiding "member of" hides those links and no entity.
    let members = harness
        .state()
        .doc
        .links()
        .iter()
        .filter(|l| l.kind == townscope::model::RelationKind::MemberOf)
        .count();
    assert!(members > 0);
    harness.get_by_label("Relations 18/18").click();
    harness.run();
    harness.get_by_label("member of").click();
    harness.run();
    assert_eq!(shown(&harness), (all, links - members));
    assert!(harness.query_by_label("Relations 17/18").is_some());
}

#[test]
fn find_selects_the_match_and_centres_the_view_on_it() {
    let mut harness = network(Lang::Zh);
    let westlake = index_of(&harness, "westlake-university");
    let position = harness
        .state()
        .network()
        .position(westlake)
        .expect("laid out");
    common::type_in_centre_field(&mut harness, "西湖大学");
    // The typed characters are events the harness hands over one frame each.
    harness.run_steps(2);
    settle_camera(&mut harness);
    assert_eq!(
        harness.state().state.selected.as_deref(),
        Some("westlake-university")
    );
    assert!(distance(harness.state().network().centre(), position) < 1e-3);
}

#[test]
fn find_matches_pinyin_as_the_palette_does() {
    let mut harness = network(Lang::Zh);
    common::type_in_centre_field(&mut harness, "xihu");
    harness.run_steps(2);
    settle_camera(&mut harness);
    let selected = harness.state().state.selected.clone().unwrap_or_default();
    let name = harness
        .state()
        .doc
        .model()
        .entities
        .iter()
        .find(|e| e.id == selected)
        .map(|e| e.name.zh.clone())
        .unwrap_or_default();
    assert!(name.starts_with("西湖"), "Find went to {name} ({selected})");
    // Every match is ringed, not only the one selected, and the toolbar says how many.
    let found = harness.state().network().found().to_vec();
    for id in ["xihu-district", "westlake-university"] {
        let i = index_of(&harness, id);
        assert!(found.contains(&i), "{id} ringed: {found:?}");
    }
    let count = format!("{} 个匹配", found.len());
    assert!(harness.query_by_label(&count).is_some(), "{count}");
}

#[test]
fn the_selected_entitys_lines_say_what_they_are() {
    let mut harness = network(Lang::En);
    // The town: its lines to the places in it read "contains", to where it lies "located in"
    // (as many as fit between the names around it).
    harness.state_mut().state.selected = Some("yunqi-town".to_owned());
    harness.run_steps(2);
    settle_camera(&mut harness);
    let words = harness.state().network().relation_words().to_vec();
    assert!(
        words.contains(&"contains"),
        "the town's lines say what they are: {words:?}"
    );
    // Nothing selected, nothing written.
    harness.state_mut().state.selected = None;
    harness.run_steps(2);
    assert!(harness.state().network().relation_words().is_empty());
}

#[test]
fn the_canvas_says_what_its_line_colours_mean() {
    use townscope::model::RelationKind;
    let mut harness = network(Lang::En);
    settle_camera(&mut harness);
    let legend = harness.state().network().line_legend();
    let kinds: Vec<RelationKind> = legend.iter().flat_map(|(_, k)| k.clone()).collect();
    for kind in [RelationKind::MemberOf, RelationKind::LocatedIn] {
        assert!(kinds.contains(&kind), "{kind:?} explained: {legend:?}");
    }
    // One row per colour, and the disputed lines' amber named apart.
    let colours: std::collections::HashSet<_> = legend.iter().map(|(c, _)| *c).collect();
    assert_eq!(colours.len(), legend.len());
    assert!(
        legend.iter().any(|(_, kinds)| kinds.is_empty()),
        "{legend:?}"
    );
    // Hiding every relation kind leaves only the location lines to explain.
    harness.state_mut().state.network.filter.hidden_relations = RelationKind::ALL
        .into_iter()
        .filter(|k| *k != RelationKind::LocatedIn)
        .collect();
    harness.run_steps(2);
    let legend = harness.state().network().line_legend();
    let kinds: Vec<RelationKind> = legend.iter().flat_map(|(_, k)| k.clone()).collect();
    assert_eq!(kinds, vec![RelationKind::LocatedIn], "{legend:?}");
}

#[test]
fn names_on_the_canvas_are_all_the_important_or_none() {
    use townscope::ui::network::Labels;
    let mut harness = network(Lang::En);
    settle_camera(&mut harness);
    let important = harness.state().network().name_labels().len();
    let mut count = |choice: Labels| {
        harness.state_mut().state.network.labels = choice;
        harness.run_steps(2);
        let labels = harness.state().network().name_labels();
        for (i, a) in labels.iter().enumerate() {
            for b in labels.iter().skip(i + 1) {
                assert!(!a.intersects(*b), "{choice:?}: {a:?} over {b:?}");
            }
        }
        labels.len()
    };
    assert_eq!(count(Labels::None), 0);
    let all = count(Labels::All);
    assert!(all >= important, "all {all}, important {important}");
    assert!(important > 0);
}

#[test]
fn dragging_a_node_pins_it_in_the_models_layout_section() {
    let mut harness = network(Lang::En);
    assert!(harness.state().doc.model().layout.is_empty());
    // The alliance: a node no other is drawn on top of (the force layout can put two leaves of
    // the town's hub on one spot, and a press there takes the nearer one).
    let from = on_screen(&harness, "yunqi-alliance");
    let to = from + vec2(60.0, 40.0);
    common::drag(&mut harness, from, to, Modifiers::NONE);
    let layout = &harness.state().doc.model().layout;
    assert_eq!(layout.len(), 1, "{layout:?}");
    assert_eq!(layout[0].entity, "yunqi-alliance");
    // It stays where it was dropped, and the file keeps it.
    let drawn = on_screen(&harness, "yunqi-alliance");
    assert!(
        drawn.distance(to) < 1.0,
        "drawn at {drawn:?}, dropped at {to:?}"
    );
    let text = townscope::io::to_canonical_string(harness.state().doc.model()).expect("writes");
    let again = townscope::io::parse(text.as_bytes()).expect("reads back");
    assert_eq!(again.layout, harness.state().doc.model().layout);
}

#[test]
fn rings_around_the_selection_put_it_in_the_middle() {
    let mut harness = network(Lang::En);
    harness
        .get_by_role_and_label(Role::ComboBox, "Layout")
        .click();
    harness.run();
    harness.get_by_label("Rings around selection").click();
    harness.run();
    let town = index_of(&harness, "yunqi-town");
    assert_eq!(harness.state().network().position(town), Some([0.0, 0.0]));
    harness
        .get_by_role_and_label(Role::ComboBox, "Layout")
        .click();
    harness.run();
    harness.get_by_label("Grouped by kind").click();
    harness.run();
    assert_eq!(
        harness.state().state.network.arrangement,
        townscope::ui::network::Arrangement::ByKind
    );
    // Each kind in its own disc: two places lie nearer each other than a place and a person.
    let at = |id: &str| {
        let i = index_of(&harness, id);
        harness.state().network().position(i).expect("laid out")
    };
    let (town, xihu, person) = (at("yunqi-town"), at("xihu-district"), at("wang-jian"));
    assert!(distance(town, xihu) < distance(town, person));
    assert_eq!(
        shown(&harness).0,
        harness.state().doc.model().entities.len()
    );
}

#[test]
fn keys_pan_and_zoom_and_then_the_view_rests() {
    let mut harness = network(Lang::En);
    let before = harness.state().network().centre();
    harness.key_press(Key::ArrowRight);
    harness.run();
    let after = harness.state().network().centre();
    assert!(
        after[0] > before[0] && after[1] == before[1],
        "{before:?} → {after:?}"
    );
    // After the move one more frame redraws it exactly, then nothing more is asked for.
    assert!(
        harness.run() <= 2,
        "frames keep being requested after a pan"
    );
    // + zooms in by a quarter: two nodes on screen move a quarter further apart.
    let apart = |h: &App| on_screen(h, "aliyun").distance(on_screen(h, "yunqi-town"));
    let before = apart(&harness);
    harness.key_press(Key::Plus);
    harness.run();
    assert!((apart(&harness) / before - 1.25).abs() < 1e-3);
}

/// Shift+drag from one node to another asks which relation to add, offering only kinds the
/// schema allows between them; picking one adds it as an undoable edit.
#[test]
fn shift_dragging_from_node_to_node_adds_a_relation() {
    let mut harness = network(Lang::En);
    let relations = harness.state().doc.model().relations.len();
    let from = on_screen(&harness, "aliyun");
    let to = on_screen(&harness, "yunqi-alliance");
    harness.event(Event::ModifiersChanged(Modifiers::SHIFT));
    common::drag(&mut harness, from, to, Modifiers::SHIFT);
    harness.event(Event::ModifiersChanged(Modifiers::NONE));
    harness.run();
    assert!(
        harness.state().doc.model().layout.is_empty(),
        "a Shift+drag links, it does not pin"
    );
    // An enterprise issues no policy: that kind is not offered.
    assert!(harness.query_by_label_contains(" issued ").is_none());
    harness
        .get_by_label("Alibaba Cloud member of Yunqi Town Alliance")
        .click();
    harness.run();
    let model = &harness.state().doc.model();
    assert_eq!(model.relations.len(), relations + 1);
    let added = model.relations.last().expect("added");
    assert_eq!(
        (added.from.as_str(), added.kind, added.to.as_str()),
        (
            "aliyun",
            townscope::model::RelationKind::MemberOf,
            "yunqi-alliance"
        )
    );
    assert!(
        harness.query_by_label("Cancel").is_none(),
        "the question is gone"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().doc.model().relations.len(), relations);
}

/// The whole town is in view: choosing an entity in the list rings it where it is and leaves the
/// picture still (a glide to it would push other names off the canvas).
#[test]
fn selecting_what_is_in_view_leaves_the_picture_where_it_is() {
    let mut harness = network(Lang::En);
    let before = harness.state().network().centre();
    let (canvas, _) = harness.state().network().nodes();
    assert!(canvas.contains(on_screen(&harness, "intel")));
    // In the entity list on the left.
    let row = harness
        .query_all_by_label("Intel")
        .map(|n| n.rect())
        .find(|r| r.left() < canvas.left())
        .expect("Intel in the entity list");
    click_at(&mut harness, row.center());
    settle_camera(&mut harness);
    assert_eq!(harness.state().state.selected.as_deref(), Some("intel"));
    assert_eq!(harness.state().network().centre(), before);
}

/// The legend and the lines follow an edit of a relation's facts alone: when no relation is
/// disputed any more, the amber row is gone.
#[test]
fn the_amber_row_goes_when_no_relation_is_disputed_any_more() {
    use townscope::edit::{Edit, Op};
    let mut harness = network(Lang::En);
    settle_camera(&mut harness);
    let amber = |harness: &Harness<'static, TownscopeApp>| {
        let legend = harness.state().network().line_legend();
        legend.iter().any(|(_, kinds)| kinds.is_empty())
    };
    assert!(amber(&harness), "Yunqi has disputed relations");
    let ops: Vec<Op> = harness
        .state()
        .doc
        .model()
        .relations
        .iter()
        .enumerate()
        .filter(|(_, r)| r.disputed.is_some())
        .map(|(at, r)| {
            let mut settled = r.clone();
            settled.disputed = None;
            Op::SetRelation(at, settled)
        })
        .collect();
    assert!(!ops.is_empty());
    harness.state_mut().edit(Edit::new("settle", ops));
    harness.run_steps(2);
    assert!(
        !amber(&harness),
        "{:?}",
        harness.state().network().line_legend()
    );
}

/// A name edited is written anew on the canvas (only that entity's name is laid out again: the
/// others keep theirs), and undoing it brings the old name back; a relation's dates edited
/// leave every name as it was.
#[test]
fn a_renamed_entity_is_named_anew_on_the_canvas() {
    let mut harness = network(Lang::En);
    let aliyun = index_of(&harness, "aliyun");
    let name_of = |harness: &App, i: usize| {
        harness
            .state()
            .network()
            .name_texts()
            .into_iter()
            .find(|(e, _)| *e == i)
            .map(|(_, text)| text)
    };
    let before = harness.state().network().name_texts();
    assert_eq!(name_of(&harness, aliyun).as_deref(), Some("Alibaba Cloud"));

    let mut entity = harness.state().doc.model().entities[aliyun].clone();
    entity.name.en = "Aliyun Renamed".into();
    harness.state_mut().edit(townscope::edit::Edit::set_entity(
        "rename", "aliyun", entity,
    ));
    harness.run();
    assert_eq!(name_of(&harness, aliyun).as_deref(), Some("Aliyun Renamed"));
    let others_before: Vec<_> = before.iter().filter(|(e, _)| *e != aliyun).collect();
    let after = harness.state().network().name_texts();
    for (e, text) in others_before {
        if let Some((_, now)) = after.iter().find(|(a, _)| a == e) {
            assert_eq!(now, text, "entity {e}'s name is as it was");
        }
    }

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(name_of(&harness, aliyun).as_deref(), Some("Alibaba Cloud"));
}
