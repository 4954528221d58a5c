//! What a presentation shows besides the slide's view: its title and caption in large type, the
//! caption's source, and a discreet slide counter.

use eframe::egui::{self, RichText};

use super::View;

/// Title size in points, before the presentation's zoom: readable from the back of a room.
const TITLE_SIZE: f32 = 34.0;
const CAPTION_SIZE: f32 = 21.0;
/// The caption's sources and notes: 18 px at the presentation's zoom of 1.25.
const NOTE_SIZE: f32 = 14.4;

/// The caption band under the slide's view.
pub fn caption(ui: &mut egui::Ui, view: &View<'_>, index: usize) {
    let model = view.model();
    let Some(slide) = model.story.get(index) else {
        return;
    };
    let lang = view.lang;
    let fill = ui.visuals().panel_fill;
    egui::Panel::bottom("slide_caption")
        .frame(
            egui::Frame::new()
                .fill(fill)
                .inner_margin(egui::Margin::symmetric(28, 16)),
        )
        .resizable(false)
        .show(ui, |ui| {
            ui.label(
                RichText::new(slide.title.get(lang))
                    .size(TITLE_SIZE)
                    .strong()
                    .color(ui.visuals().strong_text_color()),
            );
            let caption = slide.caption.get(lang);
            if !caption.is_empty() {
                ui.add_space(6.0);
                ui.label(RichText::new(caption).size(CAPTION_SIZE));
            }
            // Counts that add up: the caption's "over 60 members" beside the few drawn.
            let entity = slide
                .entity
                .as_deref()
                .and_then(|id| view.doc.index().get(id));
            if let Some((named, _)) = entity.and_then(|i| model.members_named(view.doc.index(), i))
            {
                ui.label(
                    RichText::new(format!(
                        "{}{}",
                        crate::i18n::provenance::named(named, view.lang),
                        view.lang
                            .pick("，图中即这几家。", "; those are the ones shown.")
                    ))
                    .size(CAPTION_SIZE * 0.8)
                    .weak(),
                );
            }
            // No slide presents a disputed fact as settled: the other account, in words.
            let entity_dispute = entity
                .and_then(|i| model.entities.get(i))
                .and_then(|e| e.disputed.as_deref());
            if let Some(dispute) = slide.disputed.as_deref().or(entity_dispute) {
                ui.add_space(4.0);
                ui.label(
                    RichText::new(format!(
                        "{}{}{}",
                        crate::i18n::provenance::disputed(view.lang),
                        view.lang.pick("：", ": "),
                        dispute.note.get(lang)
                    ))
                    .size(CAPTION_SIZE * 0.8)
                    .color(super::provenance::DISPUTED),
                );
            }
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                // A year's picture draws undated entities hollow: say what that means.
                let hollow = slide.view == crate::model::SlideView::Network
                    && slide.year.is_some_and(|year| {
                        model
                            .entities
                            .iter()
                            .any(|e| e.presence_in(year) == crate::model::time::Presence::Undated)
                    });
                if hollow {
                    ui.label(
                        RichText::new(view.lang.pick(
                            "空心：来源未说明何时来到小镇。",
                            "Hollow: the sources do not say when it came to the town.",
                        ))
                        .size(NOTE_SIZE)
                        .weak(),
                    );
                }
                let sources: Vec<String> =
                    slide.sources.iter().map(|c| view.cite_text(c)).collect();
                if !sources.is_empty() {
                    ui.label(RichText::new(sources.join("；")).size(NOTE_SIZE).weak());
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(
                        RichText::new(format!("{} / {}", index + 1, model.story.len()))
                            .size(NOTE_SIZE)
                            .weak(),
                    );
                });
            });
        });
}
