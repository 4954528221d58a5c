//! The bundled CJK font, so Chinese renders on machines without one; eframe's system-font
//! fallback still covers rarer characters.

use eframe::egui;
use egui::{FontInsert, FontPriority, InsertFontFamily};

/// Noto Sans SC cut to GB2312, ASCII, Latin-1 and punctuation (see `assets/fonts/OFL.txt`).
pub const NOTO_SANS_SC_SUBSET: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-Subset.otf");

/// Adds the bundled font after egui's own Latin fonts in both families.
pub fn install(ctx: &egui::Context) {
    ctx.add_font(FontInsert::new(
        "noto-sans-sc-subset",
        egui::FontData::from_static(NOTO_SANS_SC_SUBSET),
        vec![
            InsertFontFamily {
                family: egui::FontFamily::Proportional,
                priority: FontPriority::Lowest,
            },
            InsertFontFamily {
                family: egui::FontFamily::Monospace,
                priority: FontPriority::Lowest,
            },
        ],
    ));
}
