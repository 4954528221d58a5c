//! Chart settings the overview's charts share.

use eframe::egui;
use egui_plot::{GridMark, Plot};

/// A chart that neither pans nor zooms: the overview is read, not explored, and a wheel turn
/// over a chart must scroll the page.
pub fn still_plot<'a>(id_salt: impl egui::AsIdSalt) -> Plot<'a> {
    Plot::new(id_salt)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
}

/// A time axis with a mark each year, labelled with whole years.
pub fn year_axis(plot: Plot<'_>) -> Plot<'_> {
    plot.x_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 5.0, 10.0]))
        .x_axis_formatter(whole_numbers)
}

/// Axis labels at whole numbers only (counts, years).
pub fn whole_numbers(mark: GridMark, _range: &std::ops::RangeInclusive<f64>) -> String {
    if mark.value.fract() == 0.0 {
        format!("{}", mark.value)
    } else {
        String::new()
    }
}
