//! Facts that hold up: where the sources disagree the user sees it and can read both accounts;
//! "as of year" shows only what had arrived; quarters read as quarters.

use crate::common;

use crate::common::{WINDOW, app, search_and_select};
use eframe::egui::Key;
use eframe::egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use townscope::i18n::Lang;
use townscope::model::time::Presence;

#[test]
fn the_towns_national_list_relation_is_marked_disputed_with_both_accounts_on_hover() {
    for (lang, list, mark, other, own) in [
        (
            Lang::Zh,
            "第一批中国特色小镇名单",
            "来源不一",
            "公布的第一批中国特色小镇名单（住房城乡建设部",
            "（一）特色小镇的典范——杭州云栖小镇",
        ),
        (
            Lang::En,
            "First national list of characteristic towns",
            "sources disagree",
            "The published first national list",
            "（一）特色小镇的典范——杭州云栖小镇",
        ),
    ] {
        let mut harness = app(None, lang, WINDOW);
        assert_eq!(
            harness.state().state.selected.as_deref(),
            Some("yunqi-town")
        );
        // The relation to the list is a link in the details; its row carries the mark.
        let link = harness.get_by_role_and_label(Role::Link, list).rect();
        let all: Vec<_> = harness.query_all_by_label(mark).map(|m| m.rect()).collect();
        let marks: Vec<_> = harness
            .query_all_by_label(mark)
            // On the row or, where the row wraps, the line under it.
            .filter(|m| {
                m.rect().top() >= link.top() - 2.0 && m.rect().top() <= link.bottom() + 12.0
            })
            .collect();
        assert_eq!(
            marks.len(),
            1,
            "{lang:?}: one mark on the relation's row: link {link:?}, marks {all:?}"
        );
        assert!(harness.query_by_label_contains(other).is_none());
        marks[0].hover();
        harness.run();
        // Both accounts: the case study's, and the published list's with its sources.
        assert!(
            harness.query_by_label_contains(other).is_some(),
            "{lang:?}: the other account"
        );
        assert!(
            harness
                .query_all_by_label_contains(own)
                .any(|n| n.rect().left() > link.left() - 300.0),
            "{lang:?}: the case study's own account"
        );
        assert!(
            harness
                .query_all_by_label_contains("建村〔2016〕221号")
                .count()
                >= 1
        );
    }
}

#[test]
fn as_of_2005_nothing_founded_elsewhere_has_arrived() {
    let mut harness = app(None, Lang::En, WINDOW);
    harness.get_by_label("Network").click();
    // One frame, not `run`: the layout worker asks for frames until it settles.
    harness.step();
    common::wait_until(&mut harness, |app| app.layout_settled());
    common::walk_year_back_to(&mut harness, ("As of year", "Year"), 2005);
    assert_eq!(harness.state().state.year, Some(2005));
    let model = harness.state().doc.model().clone();
    let index = |id: &str| {
        model
            .entities
            .iter()
            .position(|e| e.id == id)
            .expect("in the model")
    };
    let (hollow, fresh) = harness.state().network().year_marks();
    let (hollow, fresh) = (hollow.to_vec(), fresh.to_vec());
    for id in ["lkk", "zbj", "aliyun"] {
        let i = index(id);
        // Founded 2004, 2006 and 2009 elsewhere: not in the town, not new, drawn apart.
        assert_eq!(
            model.entities[i].presence_in(2005),
            Presence::Undated,
            "{id}"
        );
        assert!(!fresh.contains(&i), "{id} is not ringed as new");
        assert!(hollow.contains(&i), "{id} is drawn hollow");
    }
    // The park opened in 2011: not there yet at all.
    let park = index("hangzhou-cloud-park");
    assert!(!harness.state().network().is_shown(park));
    let (present, undated) = model.presence_counts(2005);
    assert_eq!(present, 0, "nothing of the model had arrived by 2005");
    assert_eq!(hollow.len(), undated);
    // The count says so, with the undated counted apart.
    assert!(
        harness
            .query_by_label_contains(&format!("0 of {} entities", model.entities.len()))
            .is_some()
    );
    assert!(
        harness
            .query_all_by_label_contains(&format!("+{undated} with no date"))
            .count()
            >= 1
    );

    // 2011: the park arrives, with the ring; LKK still has not.
    for _ in 0..6 {
        harness.key_press(Key::ArrowRight);
    }
    harness.run();
    assert_eq!(harness.state().state.year, Some(2011));
    let (hollow, fresh) = harness.state().network().year_marks();
    assert_eq!(fresh, [park]);
    assert!(hollow.contains(&index("lkk")));
}

#[test]
fn the_first_quarter_of_2016_reads_as_a_quarter() {
    for (lang, quarter) in [(Lang::Zh, "2016年一季度"), (Lang::En, "Q1 2016")] {
        let harness = app(None, lang, WINDOW);
        // The overview's card of new enterprises: 23 in the first quarter of 2016.
        let cards: Vec<_> = harness
            .query_all_by_label_contains(quarter)
            .map(|n| n.accesskit_node().label().unwrap_or_default())
            .collect();
        assert!(
            cards.len() >= 2,
            "{lang:?}: the two Q1 cards say {quarter}: {cards:?}"
        );
    }
}

#[test]
fn a_member_count_larger_than_the_memberships_says_how_many_are_named() {
    let mut harness = app(None, Lang::En, WINDOW);
    assert!(
        harness
            .query_by_label("The sources name 4 of them")
            .is_some()
    );
    search_and_select(&mut harness, "Alliance", "Yunqi Town Alliance");
    let doc = &harness.state().doc;
    let alliance = doc.index().get("yunqi-alliance").expect("in the model");
    assert_eq!(
        doc.model().members_named(doc.index(), alliance),
        Some((4, 60.0))
    );
}

#[test]
fn an_editor_says_an_entity_was_founded_here_and_undoes_it() {
    let mut harness = app(None, Lang::En, WINDOW);
    search_and_select(&mut harness, "LKK", "LKK Innovation Design");
    harness.get_by_label("Edit entity").click();
    harness.run();
    let lkk = |harness: &egui_kittest::Harness<'static, townscope::app::TownscopeApp>| {
        harness
            .state()
            .doc
            .model()
            .entities
            .iter()
            .find(|e| e.id == "lkk")
            .cloned()
            .expect("in the model")
    };
    assert_eq!(lkk(&harness).presence_in(2004), Presence::Undated);
    harness
        .get_by_label("Founded here (founding is arrival)")
        .click();
    harness.run();
    assert!(lkk(&harness).founded_here);
    assert_eq!(lkk(&harness).presence_in(2004), Presence::Present);
    harness.key_press_modifiers(eframe::egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(!lkk(&harness).founded_here, "one undo takes it back");
}
