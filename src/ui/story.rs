//! The story window: the model's slides in order — title and caption in both languages, move
//! up or down, delete, show, present from here — and "Add slide from current view". Every change
//! is one undoable edit of the story.

use eframe::egui;

use super::View;
use super::forms::{self, Outcome};
use crate::app::Command;
use crate::edit::{Edit, Op};

#[derive(Default)]
pub struct StoryEditor {
    pub open: bool,
}

pub fn window(
    ctx: &egui::Context,
    view: &View<'_>,
    editor: &mut StoryEditor,
    commands: &mut Vec<Command>,
) {
    let s = view.s();
    let model = view.model();
    let mut open = editor.open;
    egui::Window::new(s.story_title)
        .open(&mut open)
        .default_width(560.0)
        .default_height(520.0)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                if ui.button(s.add_slide).clicked() {
                    commands.push(Command::AddSlide);
                }
                if ui
                    .add_enabled(!model.story.is_empty(), egui::Button::new(s.present))
                    .on_hover_text("F5")
                    .clicked()
                {
                    commands.push(Command::PresentFrom(0));
                }
                if ui
                    .add_enabled(!model.story.is_empty(), egui::Button::new(s.export_slides))
                    .on_hover_text(s.export_slides_hint)
                    .clicked()
                {
                    commands.push(Command::ExportSlides);
                }
            });
            ui.weak(s.presenting_help);
            ui.separator();
            let mut draft = model.story.clone();
            let mut outcome = Outcome::default();
            let mut moved: Option<(usize, usize)> = None;
            let mut removed = None;
            let count = draft.len();
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    for (i, slide) in draft.iter_mut().enumerate() {
                        let key = format!("slide/{i}");
                        egui::CollapsingHeader::new(format!(
                            "{}. {}",
                            i + 1,
                            slide.title.get(view.zh())
                        ))
                        .id_salt(&key)
                        .show(ui, |ui| {
                            ui.horizontal(|ui| {
                                if ui.button(s.show_slide).clicked() {
                                    commands.push(Command::ShowSlide(i));
                                }
                                if ui.button(s.present_from_here).clicked() {
                                    commands.push(Command::PresentFrom(i));
                                }
                                if ui
                                    .add_enabled(i > 0, egui::Button::new("▲"))
                                    .on_hover_text(s.move_up)
                                    .clicked()
                                {
                                    moved = Some((i, i - 1));
                                }
                                if ui
                                    .add_enabled(i + 1 < count, egui::Button::new("▼"))
                                    .on_hover_text(s.move_down)
                                    .clicked()
                                {
                                    moved = Some((i, i + 1));
                                }
                                if ui.button("×").on_hover_text(s.delete_slide).clicked() {
                                    removed = Some(i);
                                }
                            });
                            egui::Grid::new((&key, "texts"))
                                .num_columns(2)
                                .spacing([8.0, 6.0])
                                .show(ui, |ui| {
                                    let (zh, en) = forms::text_rows(
                                        ui,
                                        forms::bilingual(view, s.slide_title_field),
                                        &mut slide.title,
                                        false,
                                    );
                                    if zh || en {
                                        outcome.typed(format!("{key}/title/{zh}"));
                                    }
                                    let (zh, en) = forms::text_rows(
                                        ui,
                                        forms::bilingual(view, s.slide_caption),
                                        &mut slide.caption,
                                        true,
                                    );
                                    if zh || en {
                                        outcome.typed(format!("{key}/caption/{zh}"));
                                    }
                                });
                        });
                    }
                });
            if let Some((from, to)) = moved {
                draft.swap(from, to);
                outcome.step();
            }
            if let Some(i) = removed {
                draft.remove(i);
                outcome.step();
            }
            if outcome.changed && draft != model.story {
                let edit = Edit::new(
                    format!("{} {}", s.verb_edit, s.story_title),
                    vec![Op::SetStory(draft)],
                );
                commands.push(Command::Edit(edit.merging_if(outcome.merge)));
            }
        });
    editor.open = open;
}
