//! The controls above the network: arrangement, node size, filters, find, the legend that is
//! also the kind filter, and the focus bar.

use std::collections::BTreeSet;

use eframe::egui::{self, Color32, Mesh, Sense, Shape, vec2};
use serde::{Deserialize, Serialize};

use super::paint::{add_node, add_segment};
use super::{NetworkState, Settings};
use crate::context::{AppCommand, Command};
use crate::i18n::{Lang, entity_kind_plural, measure, relation_kind};
use crate::model::filter::relation_years;
use crate::model::{EntityKind, Measure, RelationKind};
use crate::ui::View;
use crate::ui::style::{kind_colour, kind_shape, relation_colour};

/// How the nodes are placed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Arrangement {
    /// The places as areas holding what lies in them (a model without nested places: `Force`).
    #[default]
    Places,
    Force,
    /// Rings around the selected entity.
    Radial,
    ByKind,
}

/// Which entities are named on the canvas.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Labels {
    /// Every entity whose name fits where it covers no other name or node.
    #[default]
    All,
    /// The most important first, as many as the canvas's size suggests.
    Important,
    /// None: the picture alone (names on hover).
    None,
}

impl Labels {
    pub const ALL: [Labels; 3] = [Self::All, Self::Important, Self::None];

    pub fn label(self, view: &View<'_>) -> &'static str {
        let s = view.s();
        match self {
            Self::All => s.network.labels_all,
            Self::Important => s.network.labels_important,
            Self::None => s.network.labels_none,
        }
    }
}

/// What a node's size shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SizeBy {
    #[default]
    Degree,
    PageRank,
    Staff,
    FundSize,
}

impl SizeBy {
    pub const ALL: [SizeBy; 4] = [Self::Degree, Self::PageRank, Self::Staff, Self::FundSize];

    pub fn label(self, view: &View<'_>) -> &'static str {
        let s = view.s();
        match self {
            Self::Degree => s.network.size_degree,
            Self::PageRank => s.network.size_pagerank,
            Self::Staff => measure(Measure::Staff, view.lang),
            Self::FundSize => measure(Measure::FundSize, view.lang),
        }
    }
}

impl Arrangement {
    fn label(self, view: &View<'_>) -> &'static str {
        let s = view.s();
        match self {
            Self::Places => s.network.arrange_places,
            Self::Force => s.network.arrange_force,
            Self::Radial => s.network.arrange_radial,
            Self::ByKind => s.network.arrange_by_kind,
        }
    }
}

/// What the toolbar asks of the canvas.
#[derive(Default)]
pub struct Asked {
    pub fit: bool,
    /// Centre on this entity (found by the search).
    pub centre_on: Option<usize>,
}

pub fn toolbar(
    ui: &mut egui::Ui,
    view: &View<'_>,
    settings: &mut Settings,
    state: &mut NetworkState,
    commands: &mut Vec<Command>,
) -> Asked {
    let s = view.s();
    let mut asked = Asked::default();
    ui.horizontal_wrapped(|ui| {
        // Fitting is this panel's own: the view fits at once, not a frame later. Its hover
        // also says how to move about the canvas.
        let fit = AppCommand::FitView;
        let help = format!(
            "{}\n{}",
            fit.hover_text(ui.ctx(), view.lang),
            s.network.network_help
        );
        if ui
            .button(fit.label(view.lang))
            .on_hover_text(help)
            .clicked()
        {
            asked.fit = true;
        }
        let label = ui.label(s.network.arrangement);
        let before = settings.arrangement;
        // The places chosen where none hold anything: say what is drawn instead, and why.
        let falls_back = settings.arrangement == Arrangement::Places
            && super::effective(settings, view, state) == Arrangement::Force;
        let shown = if falls_back {
            s.network.arrange_places_empty
        } else {
            settings.arrangement.label(view)
        };
        let combo = egui::ComboBox::from_id_salt("network-arrangement")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                for a in [
                    Arrangement::Places,
                    Arrangement::Force,
                    Arrangement::Radial,
                    Arrangement::ByKind,
                ] {
                    ui.selectable_value(&mut settings.arrangement, a, a.label(view));
                }
            })
            .response
            .labelled_by(label.id);
        if falls_back {
            combo.on_hover_text(s.network.arrange_places_empty_help);
        }
        if settings.arrangement != before {
            asked.fit = true;
        }
        let label = ui.label(s.network.size_by);
        egui::ComboBox::from_id_salt("network-size")
            .selected_text(settings.size_by.label(view))
            .show_ui(ui, |ui| {
                for size in SizeBy::ALL {
                    let item = ui.selectable_value(&mut settings.size_by, size, size.label(view));
                    // The measures in plain words, as the table's headers say them.
                    let explained = match size {
                        SizeBy::Degree => Some(view.s().views.explain_degree),
                        SizeBy::PageRank => Some(view.s().views.explain_pagerank),
                        _ => None,
                    };
                    if let Some(explained) = explained {
                        item.on_hover_text(explained);
                    }
                }
            })
            .response
            .labelled_by(label.id);
        // A word and its list stay on one line when the toolbar wraps.
        ui.horizontal(|ui| {
            let label = ui.label(s.network.labels);
            egui::ComboBox::from_id_salt("network-labels")
                .selected_text(settings.labels.label(view))
                .show_ui(ui, |ui| {
                    for choice in Labels::ALL {
                        ui.selectable_value(&mut settings.labels, choice, choice.label(view));
                    }
                })
                .response
                .labelled_by(label.id);
        });
        relation_menu(ui, view, &mut settings.filter.hidden_relations);
        sector_menu(ui, view, &mut settings.filter.sectors);
        // The span of dated relations scans every relation: only when a relation's facts may
        // have changed, not once per frame or per rename (500k relations at 100k entities).
        let revision = view.doc.relations_revision();
        if state.relation_years.is_none_or(|(r, _)| r != revision) {
            state.relation_years = Some((revision, relation_years(view.model())));
        }
        if let Some((_, Some(span))) = state.relation_years {
            years(ui, view, span, &mut settings.filter.years);
        }
        let find = ui.add(
            egui::TextEdit::singleline(&mut state.search)
                .id(egui::Id::unique(super::SEARCH_ID))
                .hint_text(s.network.find_hint)
                .desired_width(150.0),
        );
        if find.changed() || (find.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))) {
            let found = view.search(&state.search).into_iter().next();
            state.search_missed = found.is_none() && !state.search.trim().is_empty();
            if let Some(i) = found.filter(|_| !state.search.trim().is_empty())
                && let Some(entity) = view.model().entities.get(i)
            {
                commands.push(Command::Select(entity.id.clone()));
                asked.centre_on = Some(i);
            }
        }
        if state.search_missed {
            ui.colored_label(ui.visuals().warn_fg_color, s.views.no_match);
        }
        // Every match is ringed on the canvas, not only the one selected.
        let query = state.search.trim();
        let revision = view.doc.revision();
        if query.is_empty() {
            state.found = None;
        } else if state
            .found
            .as_ref()
            .is_none_or(|(q, r, _)| q != query || *r != revision)
        {
            state.found = Some((query.to_owned(), revision, view.search(query)));
        }
        if let Some((_, _, found)) = &state.found
            && found.len() > 1
        {
            ui.weak(crate::i18n::count(
                found.len(),
                crate::i18n::Counted::Match,
                view.lang,
            ));
        }
    });
    asked
}

fn relation_menu(ui: &mut egui::Ui, view: &View<'_>, hidden: &mut BTreeSet<RelationKind>) {
    let s = view.s();
    let shown = RelationKind::ALL.len() - hidden.len();
    let title = format!(
        "{} {shown}/{}",
        s.network.relation_kinds,
        RelationKind::ALL.len()
    );
    ui.menu_button(title, |ui| {
        ui.horizontal(|ui| {
            if ui.button(s.network.show_all).clicked() {
                hidden.clear();
            }
            if ui.button(s.network.hide_all).clicked() {
                hidden.extend(RelationKind::ALL);
            }
        });
        ui.separator();
        for kind in RelationKind::ALL {
            ui.horizontal(|ui| {
                let (rect, _) = ui.allocate_exact_size(vec2(18.0, 10.0), Sense::hover());
                let mut mesh = Mesh::default();
                let colour = relation_colour(kind).gamma_multiply(2.0);
                add_segment(
                    &mut mesh,
                    rect.left_center(),
                    rect.right_center(),
                    3.0,
                    colour,
                );
                ui.painter().add(Shape::mesh(mesh));
                let mut on = !hidden.contains(&kind);
                if ui
                    .checkbox(&mut on, relation_kind(kind, true, view.lang))
                    .changed()
                {
                    if on {
                        hidden.remove(&kind);
                    } else {
                        hidden.insert(kind);
                    }
                }
            });
        }
    });
}

fn sector_menu(ui: &mut egui::Ui, view: &View<'_>, chosen: &mut BTreeSet<String>) {
    let s = view.s();
    let sectors = &view.model().sectors;
    if sectors.is_empty() {
        return;
    }
    let title = if chosen.is_empty() {
        s.network.all_sectors.to_owned()
    } else {
        format!(
            "{} {}/{}",
            s.network.sectors_filter,
            chosen.len(),
            sectors.len()
        )
    };
    ui.menu_button(title, |ui| {
        if ui.button(s.network.all_sectors).clicked() {
            chosen.clear();
        }
        ui.separator();
        egui::ScrollArea::vertical()
            .max_height(360.0)
            .show(ui, |ui| {
                for sector in sectors {
                    let mut on = chosen.contains(&sector.id);
                    if ui.checkbox(&mut on, sector.name.get(view.lang)).changed() {
                        if on {
                            chosen.insert(sector.id.clone());
                        } else {
                            chosen.remove(&sector.id);
                        }
                    }
                }
            });
    });
}

fn years(
    ui: &mut egui::Ui,
    view: &View<'_>,
    (first, last): (i32, i32),
    years: &mut Option<(i32, i32)>,
) {
    let s = view.s();
    let mut on = years.is_some();
    if ui.checkbox(&mut on, s.network.years_filter).changed() {
        *years = on.then_some((first, last));
    }
    if let Some((from, to)) = years {
        ui.add(egui::DragValue::new(from).range(first..=*to));
        ui.label(s.network.years_to);
        ui.add(egui::DragValue::new(to).range(*from..=last));
    }
}

/// The legend: one chip per kind present, with its shape, colour and count; clicking hides or
/// shows that kind.
pub fn legend(ui: &mut egui::Ui, view: &View<'_>, hidden: &mut BTreeSet<EntityKind>) {
    let counts = view.model().count_by_kind(view.year);
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for (kind, count) in counts {
            let on = !hidden.contains(&kind);
            if chip(ui, kind, count, on, view.lang)
                .on_hover_text(view.s().network.kind_filter_hint)
                .clicked()
            {
                if on {
                    hidden.insert(kind);
                } else {
                    hidden.remove(&kind);
                }
            }
        }
        if let Some(year) = view.year {
            let (_, undated) = view.model().presence_counts(year);
            if undated > 0 {
                ui.weak(crate::i18n::provenance::undated(undated, view.lang))
                    .on_hover_text(crate::i18n::provenance::undated_explained(view.lang));
            }
        }
    });
}

fn chip(ui: &mut egui::Ui, kind: EntityKind, count: usize, on: bool, lang: Lang) -> egui::Response {
    let name = entity_kind_plural(kind, lang);
    let text = format!("{name} {count}");
    let font = egui::TextStyle::Small.resolve(ui.style());
    let galley = ui
        .painter()
        .layout_no_wrap(text, font, Color32::PLACEHOLDER);
    let size = vec2(galley.size().x + 30.0, galley.size().y + 8.0);
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::CheckBox, true, on, name));
    let visuals = ui.style().interact_selectable(&response, on);
    let painter = ui.painter();
    painter.rect(
        rect,
        rect.height() / 2.0,
        if on {
            visuals.weak_bg_fill
        } else {
            Color32::TRANSPARENT
        },
        visuals.bg_stroke,
        egui::StrokeKind::Inside,
    );
    let colour = if on {
        kind_colour(kind)
    } else {
        ui.visuals().weak_text_color().gamma_multiply(0.5)
    };
    let mut mesh = Mesh::default();
    add_node(
        &mut mesh,
        rect.left_center() + vec2(14.0, 0.0),
        5.5,
        kind_shape(kind),
        colour,
        true,
    );
    painter.add(Shape::mesh(mesh));
    let text_colour = if on {
        ui.visuals().text_color()
    } else {
        ui.visuals().weak_text_color()
    };
    painter.galley(
        rect.left_center() + vec2(24.0, -galley.size().y / 2.0),
        galley,
        text_colour,
    );
    response
}

/// Shown while a neighbourhood is focused: whose, how many steps, and the way back to all.
pub fn focus_bar(ui: &mut egui::Ui, view: &View<'_>, settings: &mut Settings) {
    let Some(focus) = settings.filter.focus.clone() else {
        return;
    };
    let s = view.s();
    let name = view.name_of_id(&focus.entity);
    ui.horizontal(|ui| {
        ui.label(s.network.focused_on);
        ui.strong(name);
        for depth in 1..=3u8 {
            if ui
                .selectable_label(
                    settings.depth == depth,
                    crate::i18n::count(depth.into(), crate::i18n::Counted::Step, view.lang),
                )
                .clicked()
            {
                settings.depth = depth;
            }
        }
        if ui.button(s.network.show_all).clicked() {
            settings.filter.focus = None;
        }
    });
    if let Some(f) = &mut settings.filter.focus {
        f.depth = settings.depth;
    }
}
