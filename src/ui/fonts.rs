//! The bundled CJK font, so Chinese renders on machines without one; eframe's system-font
//! fallback still covers rarer characters.

use eframe::egui;

pub use crate::i18n::NOTO_SANS_SC_SUBSET;

/// Adds the bundled font after egui's own Latin fonts and icons in both families, before the
/// emoji fonts (which the file chooser's icons need): a character both have — punctuation, a
/// digit, an arrow — keeps the CJK font's shape, as before the emoji fonts came.
pub fn install(ctx: &egui::Context) {
    const NAME: &str = "noto-sans-sc-subset";
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        NAME.to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(NOTO_SANS_SC_SUBSET)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        let list = fonts.families.entry(family).or_default();
        let at = list
            .iter()
            .position(|name| name == "NotoEmoji-Regular")
            .unwrap_or(list.len());
        list.insert(at, NAME.to_owned());
    }
    ctx.set_fonts(fonts);
}
