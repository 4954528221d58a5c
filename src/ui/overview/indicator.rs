//! The overview's chart of one indicator over time: the choice of indicator, the line with its
//! points, their values written beside them where they touch no other, and the year shown.

use super::*;

/// Indicator charts with at most this many points name each point's value on the chart.
pub(super) const MAX_LABELLED_POINTS: usize = 12;

pub(super) fn indicator_ui(ui: &mut egui::Ui, view: &View<'_>, choice: &mut ChartChoice) {
    let s = view.s();
    let model = view.model();
    // Presenting, a chart squeezed under the figures (a small screen) is left out, not cut.
    if view.presenting && ui.available_height() < MIN_SLIDE_CHART + 40.0 {
        return;
    }
    let current = choice
        .indicator
        .as_deref()
        .and_then(|id| model.indicators.iter().find(|i| i.id == id))
        .or_else(|| model.indicators.iter().max_by_key(|i| i.points.len()));
    if choice.indicator.is_none() {
        choice.indicator = current.map(|c| c.id.clone());
    }
    if !view.presenting {
        indicator_choice(ui, view, choice, current);
    }
    let Some(indicator) = choice
        .indicator
        .as_deref()
        .and_then(|id| model.indicators.iter().find(|i| i.id == id))
    else {
        ui.weak(s.views.no_data);
        return;
    };
    if indicator.points.is_empty() {
        ui.weak(s.views.no_data);
        return;
    }
    let mut points: Vec<_> = indicator.points.iter().collect();
    points.sort_by(|a, b| a.date.midpoint().total_cmp(&b.date.midpoint()));
    let xy: Vec<[f64; 2]> = points
        .iter()
        .map(|p| [p.date.midpoint(), p.value])
        .collect();
    let readouts = readouts(view, indicator, &points);
    let unit = indicator.unit;
    let lang = view.lang;
    let year = view.year;
    let top = xy.iter().map(|p| p[1]).fold(0.0_f64, f64::max);
    let colour = ui.visuals().hyperlink_color;
    if view.presenting {
        ui.heading(indicator.name.get(view.lang));
    } else {
        let description = indicator.description.get(view.lang);
        if !description.is_empty() {
            ui.weak(description);
        }
    }
    let labels = value_labels(indicator, &points, view.lang, width_in_years(ui, &points));
    let height = if view.presenting {
        (ui.available_height() - 8.0).max(MIN_SLIDE_CHART)
    } else {
        240.0
    };
    let text_colour = ui.visuals().strong_text_color();
    // At least a year either side: a series of one point has no width of its own, and
    // egui_plot's whole-year grid then asks for marks without end (seen: out of memory).
    let (first_x, last_x) = xy
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| {
            (a.min(p[0]), b.max(p[0]))
        });
    year_axis(still_plot(("indicator", &indicator.id)))
        .height(height)
        .include_x(first_x - 1.0)
        .include_x(last_x + 1.0)
        .include_y(0.0)
        // Headroom for the highest point's value above it.
        .include_y(top * 1.15)
        .y_axis_formatter(move |mark: GridMark, _range| {
            format_figure(mark.value, unit, Qualifier::Exact, lang)
        })
        .y_axis_min_width(64.0)
        .label_formatter(move |position| match position {
            egui_plot::HoverPosition::NearDataPoint { index, .. } => readouts.get(*index).cloned(),
            egui_plot::HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot| {
            let name = indicator.name.get(lang).to_owned();
            plot.line(
                Line::new(name.clone(), PlotPoints::from(xy.clone()))
                    .color(colour)
                    .width(2.0),
            );
            plot.points(
                Points::new(name.clone(), PlotPoints::from(xy))
                    .color(colour)
                    .radius(5.0)
                    .filled(true),
            );
            for (at, value, anchor) in labels {
                plot.text(
                    egui_plot::Text::new(name.clone(), at, egui::RichText::new(value).strong())
                        .color(text_colour)
                        .anchor(anchor)
                        .allow_hover(false),
                );
            }
            // The year the rest of the window shows: a segment up to the highest value (an
            // unbounded vertical line sends egui_plot's grid into an endless loop of marks when
            // the chart has a single point).
            if let Some(year) = year {
                let x = crate::model::Date::year(year).midpoint();
                plot.line(
                    Line::new(year.to_string(), PlotPoints::from(vec![[x, 0.0], [x, top]]))
                        .color(crate::ui::network::NEW_THIS_YEAR)
                        .width(2.0),
                );
            }
        });
}

/// The chart's heading and the choice of indicator it shows.
pub(super) fn indicator_choice(
    ui: &mut egui::Ui,
    view: &View<'_>,
    choice: &mut ChartChoice,
    current: Option<&crate::model::Indicator>,
) {
    let s = view.s();
    let model = view.model();
    ui.horizontal(|ui| {
        let heading = ui.strong(s.views.indicator_over_time);
        if model.indicators.is_empty() {
            return;
        }
        let shown = current.map(|i| i.name.get(view.lang)).unwrap_or_default();
        let combo = egui::ComboBox::from_id_salt("indicator-choice")
            .selected_text(shown)
            .width(260.0)
            .show_ui(ui, |ui| {
                for indicator in &model.indicators {
                    let selected = current.is_some_and(|c| c.id == indicator.id);
                    if ui
                        .selectable_label(selected, indicator.name.get(view.lang))
                        .clicked()
                    {
                        choice.indicator = Some(indicator.id.clone());
                    }
                }
            });
        let _ = combo.response.labelled_by(heading.id);
    });
}

/// What hovering a point says: its date, its value with unit, and where it is read.
pub(super) fn readouts(
    view: &View<'_>,
    indicator: &crate::model::Indicator,
    points: &[&crate::model::Point],
) -> Vec<String> {
    points
        .iter()
        .map(|p| {
            let source = p
                .sources
                .first()
                .map(|c| view.cite_short(c))
                .unwrap_or_default();
            format!(
                "{}: {}\n{source}",
                p.date,
                format_figure(p.value, indicator.unit, p.qualifier, view.lang)
            )
        })
        .collect()
}

/// A few points are named with their values, so a slide can be read without hovering. Of two
/// points close in time, the lower one's value goes under it, so the two do not overlap
/// (2015-06 and 2015: 170 and 255 cloud enterprises).
pub(super) fn value_labels(
    indicator: &crate::model::Indicator,
    points: &[&crate::model::Point],
    lang: crate::i18n::Lang,
    width_in_years: impl Fn(&str) -> f64,
) -> Vec<(PlotPoint, String, egui::Align2)> {
    if points.len() > MAX_LABELLED_POINTS {
        return Vec::new();
    }
    let texts: Vec<String> = points
        .iter()
        .map(|p| format_figure(p.value, indicator.unit, p.qualifier, lang))
        .collect();
    let widths: Vec<f64> = texts.iter().map(|t| width_in_years(t)).collect();
    let at = |i: usize| points.get(i).map_or(0.0, |p| p.date.midpoint());
    let width = |i: usize| widths.get(i).copied().unwrap_or(0.0);
    points
        .iter()
        .zip(texts)
        .enumerate()
        .map(|(i, (p, text))| {
            // Two labels that would touch: the lower point's (of equal ones, the later's) goes
            // under it.
            let under = points.iter().enumerate().any(|(j, q)| {
                let touch = (at(j) - at(i)).abs() < (width(i) + width(j)) / 2.0;
                touch && (q.value > p.value || (q.value == p.value && at(j) < at(i)))
            });
            let anchor = if under {
                egui::Align2::CENTER_TOP
            } else {
                egui::Align2::CENTER_BOTTOM
            };
            (PlotPoint::new(at(i), p.value), text, anchor)
        })
        .collect()
}

/// How many years a value's words take on screen (the chart spans the points' years and one
/// either side), so two labels that would touch can be told apart.
fn width_in_years<'a>(
    ui: &'a egui::Ui,
    points: &[&crate::model::Point],
) -> impl Fn(&str) -> f64 + 'a {
    let span = points
        .iter()
        .map(|p| p.date.midpoint())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| {
            (a.min(x), b.max(x))
        });
    let years_shown = (span.1 - span.0).max(0.0) + 2.0;
    let pixels_per_year = f64::from(ui.available_width().max(1.0)) / years_shown;
    let font = egui::TextStyle::Body.resolve(ui.style());
    move |text: &str| {
        let galley =
            ui.painter()
                .layout_no_wrap(text.to_owned(), font.clone(), egui::Color32::WHITE);
        (f64::from(galley.size().x) + 8.0) / pixels_per_year
    }
}
