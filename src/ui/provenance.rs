//! The small marks beside a fact that say how far it holds: the sources disagree (amber, both
//! accounts on hover), a value was inferred, a text is the editors' translation. Every view that
//! shows a fact draws them through here, so they look and read the same everywhere.

use eframe::egui;

use super::View;
use crate::i18n::Lang;
use crate::i18n::provenance as words;
use crate::model::{Cite, Dispute, Inference, Text};

/// The amber of a disagreement: readable on the dark and the light theme.
pub const DISPUTED: egui::Color32 = egui::Color32::from_rgb(0xE0, 0x8A, 0x00);

fn badge(ui: &mut egui::Ui, text: &str, colour: egui::Color32) -> egui::Response {
    let text = egui::RichText::new(text).small().color(colour);
    ui.add(egui::Label::new(text).sense(egui::Sense::hover()))
}

/// "sources disagree", with both accounts — the fact's own sources and the other one — on hover.
pub fn dispute_mark(
    ui: &mut egui::Ui,
    view: &View<'_>,
    dispute: &Dispute,
    own: &[Cite],
) -> egui::Response {
    badge(ui, words::disputed(view.lang), DISPUTED)
        .on_hover_ui(|ui| dispute_accounts(ui, view, dispute, own))
}

/// Both accounts of a disputed fact, for a tooltip.
pub fn dispute_accounts(ui: &mut egui::Ui, view: &View<'_>, dispute: &Dispute, own: &[Cite]) {
    ui.set_max_width(420.0);
    ui.strong(egui::RichText::new(words::disputed_heading(view.lang)).color(DISPUTED));
    if !own.is_empty() {
        ui.weak(words::this_account(view.lang));
        for cite in own {
            ui.label(format!("• {}", view.cite_text(cite)));
        }
    }
    ui.add_space(4.0);
    ui.weak(words::other_account(view.lang));
    ui.add(egui::Label::new(dispute.note.get(view.lang)).wrap());
    for cite in &dispute.sources {
        ui.label(format!("• {}", view.cite_text(cite)));
    }
}

/// "inferred", with what from on hover.
pub fn inferred_mark(ui: &mut egui::Ui, view: &View<'_>, inference: &Inference) -> egui::Response {
    badge(
        ui,
        words::inferred(view.lang),
        ui.visuals().weak_text_color(),
    )
    .on_hover_ui(|ui| {
        ui.set_max_width(420.0);
        ui.weak(words::inferred_heading(view.lang));
        ui.add(egui::Label::new(inference.note.get(view.lang)).wrap());
    })
}

/// The inferred mark for `field` of a fact (`""`: the whole fact), if its editors inferred it.
pub fn inferred_field(ui: &mut egui::Ui, view: &View<'_>, inferred: &[Inference], field: &str) {
    if let Some(inference) = crate::model::inferred(inferred, field) {
        inferred_mark(ui, view, inference);
    }
}

/// "transl." when the text shown in this language is the editors' translation.
pub fn translated_mark(ui: &mut egui::Ui, view: &View<'_>, text: &Text) {
    translated_mark_in(ui, view, text, view.lang);
}

/// The same for the text as shown in `lang`, such as a second name in the other language.
pub fn translated_mark_in(ui: &mut egui::Ui, view: &View<'_>, text: &Text, lang: Lang) {
    if text.shown_translated(lang) {
        let shown_chinese = text.shows_chinese(lang);
        badge(
            ui,
            words::translated(view.lang),
            ui.visuals().weak_text_color(),
        )
        .on_hover_text(words::translated_explained(shown_chinese, view.lang));
    }
}

/// A text that wraps, followed by its translated mark.
pub fn text(ui: &mut egui::Ui, view: &View<'_>, text: &Text) {
    ui.horizontal_wrapped(|ui| {
        ui.add(egui::Label::new(text.get(view.lang)).wrap());
        translated_mark(ui, view, text);
    });
}

/// The suffix a plain-text line (a tooltip, a plot's hover) gets for a disputed fact.
pub fn disputed_suffix(view: &View<'_>, disputed: bool) -> String {
    if disputed {
        format!("（{}）", words::disputed(view.lang))
    } else {
        String::new()
    }
}
