//! The overview dashboard: headline figure cards, entities by kind or sector, an indicator over
//! time, and the milestones — everything computed from the model, nothing typed in here.

mod indicator;

use indicator::indicator_ui;

use eframe::egui;
use egui_plot::{Bar, BarChart, GridMark, Line, PlotPoint, PlotPoints, Points};

use super::View;
use super::charts::{still_plot, whole_numbers, year_axis};
use crate::context::Command;
use crate::context::headline::{self, Card};
use crate::i18n::{entity_kind_plural, format_figure};
use crate::model::Qualifier;
use crate::ui::style::{figure_style, kind_colour};

/// Which charts the user chose; kept by the app between frames and runs.
pub struct ChartChoice {
    pub indicator: Option<String>,
    pub by_sector: bool,
}

/// The headline figures as this frame shows them (the year control applies).
pub fn cards(view: &View<'_>) -> Vec<Card> {
    headline::cards(view.doc, view.lang, view.year)
}

pub fn ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    choice: &mut ChartChoice,
    commands: &mut Vec<Command>,
) {
    let s = view.s();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if view.presenting {
                // A slide is read from across a room: every size of type larger, and the cards
                // wider to match (fewer to a row).
                for font in ui.style_mut().text_styles.values_mut() {
                    font.size *= SLIDE_TYPE;
                }
            }
            ui.add_space(4.0);
            ui.heading(view.model().name.get(view.lang));
            let description = view.model().description.get(view.lang);
            if !description.is_empty() {
                ui.label(description);
            }
            ui.add_space(8.0);
            ui.strong(s.views.headline_figures);
            cards_ui(ui, view, commands);
            ui.add_space(12.0);
            // On a slide: the figures and the slide's chart, filling the screen above the
            // caption; the bars and milestones are for exploring.
            if !view.presenting {
                bars_ui(ui, view, choice);
                ui.add_space(12.0);
            }
            indicator_ui(ui, view, choice);
            if !view.presenting {
                ui.add_space(12.0);
                super::milestones::ui(ui, view, commands);
            }
        });
}

/// A slide's chart is drawn only if it can be this tall.
const MIN_SLIDE_CHART: f32 = 140.0;

/// Cards are at least this wide (inside their margins): room for `nearly RMB 3.0 bn`.
const MIN_CARD_WIDTH: f32 = 150.0;
/// On a slide, type is this much larger than on the desktop (on top of the presentation's
/// zoom): a card's small print is 18 px and more, its figure 50 and more.
const SLIDE_TYPE: f32 = 1.45;

fn cards_ui(ui: &mut egui::Ui, view: &View<'_>, commands: &mut Vec<Command>) {
    let cards = cards(view);
    if cards.is_empty() {
        ui.weak(view.s().views.no_data);
        return;
    }
    // Rows of equal cards that fill the width: a wrapped layout cannot move a card that turns
    // out too wide, so the number of columns is decided first.
    let gap = 10.0;
    let margin = 10.0;
    let available = ui.available_width();
    let min_width = if view.presenting {
        MIN_CARD_WIDTH * SLIDE_TYPE
    } else {
        MIN_CARD_WIDTH
    };
    let columns = (((available + gap) / (min_width + 2.0 * margin + gap)).floor() as usize).max(1);
    let inner_width =
        (available - gap * (columns - 1) as f32) / columns as f32 - 2.0 * margin - 2.0;
    let width = inner_width.max(80.0);
    for row in cards.chunks(columns) {
        // One size for the figures of a row: the largest at which each of them fits.
        let size = row
            .iter()
            .map(|card| figure_size(ui, card, width))
            .fold(f32::INFINITY, f32::min);
        ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = gap;
            for card in row {
                card_ui(ui, view, card, width, size, margin, commands);
            }
        });
        ui.add_space(gap - ui.spacing().item_spacing.y);
    }
}

/// The size a card's figure is written in: the figure style's, stepped down until the figure
/// fits on one line of `width` (it is never cut; at the smallest it wraps).
fn figure_size(ui: &egui::Ui, card: &Card, width: f32) -> f32 {
    let figure = figure_style().resolve(ui.style());
    [1.0, 0.86, 0.72, 0.6]
        .into_iter()
        .map(|scale| figure.size * scale)
        .find(|&size| {
            let font = egui::FontId::new(size, figure.family.clone());
            let galley =
                ui.painter()
                    .layout_no_wrap(card.value.clone(), font, egui::Color32::WHITE);
            galley.size().x <= width
        })
        .unwrap_or(figure.size * 0.6)
}

fn card_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    card: &Card,
    width: f32,
    size: f32,
    margin: f32,
    commands: &mut Vec<Command>,
) {
    let response = egui::Frame::group(ui.style())
        .inner_margin(margin)
        .show(ui, |ui| {
            ui.set_width(width);
            ui.set_min_height(72.0);
            ui.vertical(|ui| {
                // The title whole, on as many lines as it takes.
                ui.add(egui::Label::new(egui::RichText::new(&card.title).small()).wrap());
                ui.add(
                    egui::Label::new(egui::RichText::new(&card.value).size(size).strong()).wrap(),
                );
                let first = card
                    .cites
                    .first()
                    .map(|c| view.cite_short(c))
                    .unwrap_or_default();
                ui.add(
                    egui::Label::new(
                        egui::RichText::new(format!("{} · {first}", card.when))
                            .small()
                            .weak(),
                    )
                    .wrap(),
                );
                if let Some(named) = card.named {
                    ui.add(
                        egui::Label::new(
                            egui::RichText::new(crate::i18n::provenance::named(named, view.lang))
                                .small()
                                .weak(),
                        )
                        .wrap(),
                    );
                }
                if card.disputed.is_some() || !card.inferred.is_empty() {
                    ui.horizontal(|ui| {
                        if let Some(dispute) = &card.disputed {
                            super::provenance::dispute_mark(ui, view, dispute, &card.cites);
                        }
                        for inference in &card.inferred {
                            super::provenance::inferred_mark(ui, view, inference);
                        }
                    });
                }
            });
        })
        .response
        .interact(egui::Sense::click());
    let response = response.on_hover_ui(|ui| {
        ui.strong(&card.title);
        ui.label(format!("{}  ({})", card.value, card.when));
        if !card.note.is_empty() {
            ui.label(&card.note);
        }
        super::details::cites(ui, view, &card.cites);
        if let Some(dispute) = &card.disputed {
            ui.separator();
            super::provenance::dispute_accounts(ui, view, dispute, &card.cites);
        }
    });
    if response.clicked()
        && let Some(id) = &card.about
    {
        commands.push(Command::Select(id.clone()));
    }
}

fn bars_ui(ui: &mut egui::Ui, view: &View<'_>, choice: &mut ChartChoice) {
    let s = view.s();
    ui.horizontal(|ui| {
        let title = if choice.by_sector {
            s.views.entities_by_sector
        } else {
            s.views.entities_by_kind
        };
        match view.year {
            Some(year) => ui.strong(format!(
                "{title} · {}",
                s.views.as_of_year_n.replace("{year}", &year.to_string())
            )),
            None => ui.strong(title),
        };
        ui.add_space(12.0);
        ui.selectable_value(&mut choice.by_sector, false, s.views.by_kind);
        ui.selectable_value(&mut choice.by_sector, true, s.views.by_sector);
    });
    let rows: Vec<(String, usize, egui::Color32)> = if choice.by_sector {
        let colour = ui.visuals().selection.bg_fill;
        sector_counts(view)
            .into_iter()
            .take(MAX_SECTOR_BARS)
            .map(|(name, n)| (name, n, colour))
            .collect()
    } else {
        view.model()
            .count_by_kind(view.year)
            .into_iter()
            .map(|(kind, n)| {
                (
                    entity_kind_plural(kind, view.lang).to_owned(),
                    n,
                    kind_colour(kind),
                )
            })
            .collect()
    };
    if rows.iter().all(|row| row.1 == 0) {
        ui.weak(s.views.no_data);
        return;
    }
    // Horizontal bars: the category names sit on the left, where long English names fit.
    let top = rows.len() - 1;
    let bars: Vec<Bar> = rows
        .iter()
        .enumerate()
        .map(|(i, (name, n, colour))| {
            Bar::new((top - i) as f64, *n as f64)
                .name(name)
                .fill(*colour)
                .width(0.7)
        })
        .collect();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let label_width = rows
        .iter()
        .map(|(name, ..)| {
            ui.painter()
                .layout_no_wrap(name.clone(), font.clone(), egui::Color32::WHITE)
                .size()
                .x
        })
        .fold(0.0, f32::max);
    let names: Vec<String> = rows.iter().map(|row| row.0.clone()).collect();
    // Each bar's count written at its end, so nobody has to read it off the axis.
    let counts: Vec<(PlotPoint, String)> = rows
        .iter()
        .enumerate()
        .map(|(i, (_, n, _))| (PlotPoint::new(*n as f64, (top - i) as f64), format!(" {n}")))
        .collect();
    let longest = rows.iter().map(|row| row.1).max().unwrap_or(0) as f64;
    let text_colour = ui.visuals().strong_text_color();
    still_plot(("bars", choice.by_sector))
        .height(rows.len() as f32 * 24.0 + 36.0)
        .show_grid([true, false])
        .include_x(0.0)
        // Room after the longest bar for its count.
        .include_x(longest * 1.12 + 1.0)
        // One mark per bar, all of equal weight, so every name is drawn alike.
        .y_grid_spacer(move |_| {
            (0..=top)
                .map(|i| GridMark {
                    value: i as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .y_axis_min_width(label_width + 12.0)
        .y_axis_formatter(move |mark: GridMark, _range| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && (0.0..=top as f64).contains(&i) {
                names.get(top - i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .x_axis_formatter(whole_numbers)
        .label_formatter(|_| None)
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new("entities", bars)
                    .horizontal()
                    .element_formatter(Box::new(|bar, _| format!("{}: {}", bar.name, bar.value))),
            );
            for (at, count) in counts {
                plot.text(
                    egui_plot::Text::new("counts", at, egui::RichText::new(count).strong())
                        .color(text_colour)
                        .anchor(egui::Align2::LEFT_CENTER)
                        .allow_hover(false),
                );
            }
        });
}

/// The sector chart shows the most common sectors, up to this many.
const MAX_SECTOR_BARS: usize = 12;

/// Sectors by how many entities name them, most first, ties by name.
fn sector_counts(view: &View<'_>) -> Vec<(String, usize)> {
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for entity in view
        .model()
        .entities
        .iter()
        .filter(|e| view.year.is_none_or(|year| e.alive_in(year)))
    {
        for sector in &entity.sectors {
            *counts
                .entry(view.model().sector_name(sector, view.lang))
                .or_default() += 1;
        }
    }
    let mut counts: Vec<(String, usize)> =
        counts.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts
}
