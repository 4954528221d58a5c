//! The entity table: every entity with its graph metrics, sortable by any column, filterable,
//! virtual-scrolled; clicking a row selects the entity everywhere.

use std::cmp::Ordering;

use eframe::egui;
use egui_extras::{Column as TableColumn, TableBuilder};
use serde::{Deserialize, Serialize};

use super::{View, kind_swatch};
use crate::context::Command;
use crate::i18n::collate::sort_key;
use crate::i18n::{Counted, Lang, entity_kind};

/// The filter field's id, so Ctrl+F can put the keyboard there.
pub const FILTER_ID: &str = "table-filter";

/// A column of the table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Column {
    #[default]
    Name,
    OtherName,
    Kind,
    Sectors,
    Founded,
    Degree,
    Betweenness,
    PageRank,
    Community,
}

impl Column {
    /// Display order: the metrics next to the name, where a laptop screen shows them.
    const ALL: [Column; 9] = [
        Self::Name,
        Self::Kind,
        Self::Degree,
        Self::Betweenness,
        Self::PageRank,
        Self::Community,
        Self::Founded,
        Self::Sectors,
        Self::OtherName,
    ];

    fn title(self, view: &View<'_>) -> &'static str {
        let s = view.s();
        match self {
            Self::Name => s.views.column_name,
            Self::OtherName => s.views.column_other_name,
            Self::Kind => s.views.kind,
            Self::Sectors => s.views.sectors,
            Self::Founded => s.views.column_founded,
            Self::Degree => s.views.column_degree,
            Self::Betweenness => s.views.column_betweenness,
            Self::PageRank => s.views.column_pagerank,
            Self::Community => s.views.column_community,
        }
    }

    /// What a graph measure means, in plain words, for readers who do not know the jargon.
    fn explained(self, view: &View<'_>) -> Option<&'static str> {
        let s = view.s();
        match self {
            Self::Degree => Some(s.views.explain_degree),
            Self::Betweenness => Some(s.views.explain_betweenness),
            Self::PageRank => Some(s.views.explain_pagerank),
            Self::Community => Some(s.views.explain_community),
            _ => None,
        }
    }

    fn is_metric(self) -> bool {
        matches!(
            self,
            Self::Degree | Self::Betweenness | Self::PageRank | Self::Community
        )
    }
}

/// The column the table is sorted by, and which way.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sort {
    pub column: Column,
    pub descending: bool,
}

/// The rows shown, kept until the model, the sort, the filter, the language or the metrics
/// change: sorting 100k names every frame would cost more than drawing them.
#[derive(Default)]
pub struct TableCache {
    key: Option<(u64, Sort, String, bool, bool)>,
    rows: Vec<usize>,
    /// Pinyin sort keys of every entity's Chinese and English name, for one document revision.
    names: Option<(u64, Vec<String>, Vec<String>)>,
}

impl TableCache {
    /// The entities to show, filtered and in sorted order.
    pub fn rows(&mut self, view: &View<'_>, sort: Sort, filter: &str) -> &[usize] {
        let key = (
            view.doc.revision(),
            sort,
            filter.to_owned(),
            view.zh(),
            view.metrics.is_some(),
        );
        if self.key.as_ref() != Some(&key) {
            self.rows = self.sorted(view, sort, filter);
            self.key = Some(key);
        }
        &self.rows
    }

    fn sorted(&mut self, view: &View<'_>, sort: Sort, filter: &str) -> Vec<usize> {
        let model = view.model();
        let revision = view.doc.revision();
        if self.names.as_ref().is_none_or(|(r, _, _)| *r != revision) {
            let keys = |lang: Lang| {
                model
                    .entities
                    .iter()
                    .map(|e| sort_key(e.name.get(lang)))
                    .collect()
            };
            self.names = Some((revision, keys(Lang::Zh), keys(Lang::En)));
        }
        let Some((_, zh_keys, en_keys)) = &self.names else {
            return Vec::new();
        };
        let (own, other) = if view.zh() {
            (zh_keys, en_keys)
        } else {
            (en_keys, zh_keys)
        };
        let mut rows = view.search(filter);
        let compare = |a: &usize, b: &usize| -> Ordering {
            let (Some(ea), Some(eb)) = (model.entities.get(*a), model.entities.get(*b)) else {
                return Ordering::Equal;
            };
            let by_metric = |values: &dyn Fn(usize) -> f64| values(*a).total_cmp(&values(*b));
            match sort.column {
                Column::Name => own.get(*a).cmp(&own.get(*b)),
                Column::OtherName => other.get(*a).cmp(&other.get(*b)),
                Column::Kind => ea.kind.cmp(&eb.kind),
                Column::Sectors => ea.sectors.cmp(&eb.sectors),
                Column::Founded => ea.founded.cmp(&eb.founded),
                column => match view.metrics {
                    None => Ordering::Equal,
                    Some(m) => match column {
                        Column::Degree => {
                            by_metric(&|i| m.degree.get(i).map_or(0.0, |&d| d as f64))
                        }
                        Column::Betweenness => {
                            by_metric(&|i| m.betweenness.get(i).copied().unwrap_or(0.0))
                        }
                        Column::PageRank => {
                            by_metric(&|i| m.pagerank.get(i).copied().unwrap_or(0.0))
                        }
                        _ => by_metric(&|i| m.community.get(i).map_or(0.0, |&c| c as f64)),
                    },
                },
            }
        };
        // Stable, so equal rows keep file order whichever way the column is sorted.
        rows.sort_by(|a, b| {
            let order = compare(a, b);
            if sort.descending {
                order.reverse()
            } else {
                order
            }
        });
        rows
    }
}

pub fn ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    sort: &mut Sort,
    filter: &mut String,
    cache: &mut TableCache,
    commands: &mut Vec<Command>,
) {
    let s = view.s();
    let rows = cache.rows(view, *sort, filter);
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(filter)
                .id(egui::Id::unique(FILTER_ID))
                .hint_text(s.views.filter_hint)
                .desired_width(240.0),
        );
        ui.weak(crate::i18n::count(rows.len(), Counted::Entity, view.lang));
        if let Some(progress) = view.metrics_progress {
            ui.add(
                egui::ProgressBar::new(progress)
                    .desired_width(200.0)
                    .text(s.views.computing_metrics),
            );
        }
    });
    ui.add_space(4.0);
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    // Wider than the panel on a small screen: scroll sideways rather than cut columns off.
    egui::ScrollArea::horizontal()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            table_ui(ui, view, rows, sort, row_height, commands);
        });
}

fn table_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    rows: &[usize],
    sort: &mut Sort,
    row_height: f32,
    commands: &mut Vec<Command>,
) {
    let mut table = TableBuilder::new(ui)
        .id_salt("entity-table")
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    for column in Column::ALL {
        table = table.column(match column {
            Column::Name | Column::OtherName => {
                TableColumn::initial(150.0).at_least(80.0).clip(true)
            }
            Column::Sectors => TableColumn::initial(110.0).at_least(60.0).clip(true),
            Column::Kind => TableColumn::initial(80.0).at_least(50.0).clip(true),
            Column::Founded => TableColumn::initial(84.0).at_least(50.0).clip(true),
            _ => TableColumn::auto().at_least(50.0),
        });
    }
    table
        .header(row_height + 4.0, |mut header| {
            for column in Column::ALL {
                header.col(|ui| {
                    let mut title = column.title(view).to_owned();
                    let bound = view
                        .metrics
                        .and_then(|m| m.betweenness_bound)
                        .filter(|_| column == Column::Betweenness);
                    if bound.is_some() {
                        title.push_str(" ≈");
                    }
                    if sort.column == column {
                        title.push_str(if sort.descending { " ▼" } else { " ▲" });
                    }
                    let mut button =
                        ui.add(egui::Button::new(egui::RichText::new(title).strong()).frame(false));
                    if let Some(explained) = column.explained(view) {
                        button = button.on_hover_text(match bound {
                            Some(bound) => format!(
                                "{explained}\n\n{}",
                                crate::i18n::estimated_within(bound, view.lang)
                            ),
                            None => explained.to_owned(),
                        });
                    }
                    if button.clicked() {
                        if sort.column == column {
                            sort.descending = !sort.descending;
                        } else {
                            // Metrics read best largest first, names from A.
                            *sort = Sort {
                                column,
                                descending: column.is_metric(),
                            };
                        }
                    }
                });
            }
        })
        .body(|body| {
            body.rows(row_height, rows.len(), |mut row| {
                let Some((i, entity)) = rows
                    .get(row.index())
                    .and_then(|&i| Some((i, view.model().entities.get(i)?)))
                else {
                    return;
                };
                row.set_selected(view.selected == Some(i));
                let m = view.metrics;
                for column in Column::ALL {
                    row.col(|ui| cell(ui, view, column, i, m));
                }
                if row.response().clicked() {
                    commands.push(Command::Select(entity.id.clone()));
                }
            });
        });
}

/// One cell of the table.
fn cell(
    ui: &mut egui::Ui,
    view: &View<'_>,
    column: Column,
    i: usize,
    metrics: Option<&crate::model::Metrics>,
) {
    let Some(entity) = view.model().entities.get(i) else {
        return;
    };
    let text = |ui: &mut egui::Ui, text: &str| {
        ui.add(egui::Label::new(text).truncate().selectable(false));
    };
    let metric = |ui: &mut egui::Ui, value: Option<String>| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let value = value.unwrap_or_else(|| "…".into());
            ui.add(egui::Label::new(egui::RichText::new(value).monospace()).selectable(false));
        });
    };
    match column {
        Column::Name => {
            kind_swatch(ui, entity.kind);
            text(ui, view.name(entity));
        }
        Column::OtherName => text(ui, entity.name.get(view.lang.other())),
        Column::Kind => text(ui, entity_kind(entity.kind, view.lang)),
        Column::Sectors => {
            let names: Vec<&str> = entity
                .sectors
                .iter()
                .map(|id| view.model().sector_name(id, view.lang))
                .collect();
            text(ui, &names.join(", "));
        }
        Column::Founded => text(
            ui,
            &entity.founded.map(|d| d.to_string()).unwrap_or_default(),
        ),
        Column::Degree => metric(ui, metrics.and_then(|m| Some(m.degree.get(i)?.to_string()))),
        Column::Betweenness => metric(
            ui,
            metrics.and_then(|m| Some(format!("{:.4}", m.betweenness.get(i)?))),
        ),
        Column::PageRank => metric(
            ui,
            metrics.and_then(|m| Some(format!("{:.5}", m.pagerank.get(i)?))),
        ),
        Column::Community => metric(
            ui,
            metrics.and_then(|m| Some(m.community.get(i)?.to_string())),
        ),
    }
}
