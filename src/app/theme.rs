//! Colours with meaning and one type scale, used by every panel.

use eframe::egui::{self, Color32, FontFamily, FontId, TextStyle};

use crate::model::EntityKind;

/// One colour per entity kind (Okabe–Ito, colour-blind safe, plus two greys), the same in the
/// browser, the charts, the details and later the network.
pub fn kind_colour(kind: EntityKind) -> Color32 {
    match kind {
        EntityKind::Enterprise => Color32::from_rgb(0x00, 0x72, 0xB2),
        EntityKind::Alliance => Color32::from_rgb(0xE6, 0x9F, 0x00),
        EntityKind::Fund => Color32::from_rgb(0x00, 0x9E, 0x73),
        EntityKind::Institution => Color32::from_rgb(0xCC, 0x79, 0xA7),
        EntityKind::Government => Color32::from_rgb(0xD5, 0x5E, 0x00),
        EntityKind::Event => Color32::from_rgb(0x56, 0xB4, 0xE9),
        EntityKind::Policy => Color32::from_rgb(0xF0, 0xE4, 0x42),
        EntityKind::Place => Color32::from_rgb(0x99, 0x99, 0x99),
        EntityKind::Person => Color32::from_rgb(0xDD, 0xDD, 0xDD),
    }
}

/// The headline-figure size, for the numbers on the overview's cards.
pub fn figure_style() -> TextStyle {
    TextStyle::Name("Figure".into())
}

/// Sets the type scale: headline figures, headings, body, captions.
pub fn apply(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(22.0, FontFamily::Proportional),
            ),
            (figure_style(), FontId::new(28.0, FontFamily::Proportional)),
            (TextStyle::Body, FontId::new(15.0, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(15.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(12.5, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(13.5, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 5.0);
    });
}
