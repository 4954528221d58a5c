//! The story window: the model's slides in order — title and caption in both languages, move
//! up or down, delete, show, present from here — and "Add slide from current view". Every change
//! is one undoable edit of the story.

use eframe::egui;

use super::View;
use super::forms::{self, Outcome};
use crate::context::{AppCommand, Command};
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
    super::tool_window(s.story.story_title)
        .open(&mut open)
        .default_width(560.0)
        .default_height(520.0)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                let lang = view.lang;
                let has_slides = !model.story.is_empty();
                AppCommand::AddSlide.button(ui, lang, true, commands);
                AppCommand::Present.button(ui, lang, has_slides, commands);
                AppCommand::ExportSlides.button(ui, lang, has_slides, commands);
                AppCommand::ExportDeck.button(ui, lang, has_slides, commands);
            });
            ui.weak(AppCommand::Present.hint(view.lang));
            ui.separator();
            let mut draft = model.story.clone();
            let mut outcome = Outcome::default();
            // (from, to): the slide at `from` goes to `to` counted in the list without it.
            let mut moved: Option<(usize, usize)> = None;
            let mut removed = None;
            let count = draft.len();
            let mut rows = Vec::with_capacity(count);
            let list = egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    for (i, slide) in draft.iter_mut().enumerate() {
                        let row = ui.scope(|ui| {
                            slide_row(ui, view, i, count, slide, commands, &mut outcome)
                        });
                        match row.inner {
                            RowAction::None => {}
                            RowAction::Up => moved = Some((i, i - 1)),
                            RowAction::Down => moved = Some((i, i + 1)),
                            RowAction::Delete => removed = Some(i),
                        }
                        rows.push(row.response.rect);
                    }
                });
            if let Some(drop) = drop_target(ui, list.inner_rect, &rows) {
                moved = Some(drop);
            }
            if let Some((from, to)) = moved.filter(|&(from, _)| from < draft.len()) {
                let slide = draft.remove(from);
                draft.insert(to.min(draft.len()), slide);
                outcome.step();
            }
            outcome.remove_from(&mut draft, removed);
            if outcome.changed && draft != model.story {
                let edit = Edit::new(
                    format!("{} {}", s.editing.verb_edit, s.story.story_title),
                    vec![Op::SetStory(draft)],
                );
                commands.push(view.edit(edit.merging_if(outcome.merge)));
            }
        });
    editor.open = open;
}

/// What a slide's row asks for besides its text edits.
enum RowAction {
    None,
    Up,
    Down,
    Delete,
}

/// What a dragged slide row carries: its index.
struct DraggedSlide(usize);

/// One slide: a header to drag by (and to open), then its buttons and texts.
fn slide_row(
    ui: &mut egui::Ui,
    view: &View<'_>,
    i: usize,
    count: usize,
    slide: &mut crate::model::Slide,
    commands: &mut Vec<Command>,
    outcome: &mut Outcome,
) -> RowAction {
    let s = view.s();
    let key = format!("slide/{i}");
    let id = ui.make_persistent_id(&key);
    let mut action = RowAction::None;
    let header =
        egui::collapsing_header::CollapsingState::load_with_default_open(ui.ctx(), id, false);
    let mut toggle = false;
    header
        .show_header(ui, |ui| {
            let drag_id = id.with("drag");
            let dragged = ui.ctx().is_being_dragged(drag_id);
            let title = ui
                .dnd_drag_source(drag_id, DraggedSlide(i), |ui| {
                    let text = format!("≡  {}. {}", i + 1, slide.title.get(view.lang));
                    if dragged {
                        // Under the pointer, over other rows: on a card of its own.
                        egui::Frame::popup(ui.style()).show(ui, |ui| ui.label(text));
                    } else {
                        ui.label(text);
                    }
                })
                .response
                .on_hover_text(s.story.drag_to_reorder);
            // A click on the title opens the slide as the arrow does; a drag moves it.
            toggle = ui
                .interact(title.rect, id.with("open"), egui::Sense::click())
                .clicked();
        })
        .body(|ui| {
            ui.horizontal(|ui| {
                if ui.button(s.story.show_slide).clicked() {
                    commands.push(Command::ShowSlide(i));
                }
                if ui.button(s.story.present_from_here).clicked() {
                    commands.push(Command::PresentFrom(i));
                }
                if ui
                    .add_enabled(i > 0, egui::Button::new("▲"))
                    .on_hover_text(s.story.move_up)
                    .clicked()
                {
                    action = RowAction::Up;
                }
                if ui
                    .add_enabled(i + 1 < count, egui::Button::new("▼"))
                    .on_hover_text(s.story.move_down)
                    .clicked()
                {
                    action = RowAction::Down;
                }
                if ui.button("×").on_hover_text(s.story.delete_slide).clicked() {
                    action = RowAction::Delete;
                }
            });
            egui::Grid::new((&key, "texts"))
                .num_columns(2)
                .spacing([8.0, 6.0])
                .show(ui, |ui| {
                    forms::bilingual_text(
                        ui,
                        view,
                        s.story.slide_title_field,
                        &mut slide.title,
                        false,
                        &format!("{key}/title"),
                        outcome,
                    );
                    forms::bilingual_text(
                        ui,
                        view,
                        s.story.slide_caption,
                        &mut slide.caption,
                        true,
                        &format!("{key}/caption"),
                        outcome,
                    );
                });
        });
    if toggle && let Some(mut state) = egui::collapsing_header::CollapsingState::load(ui.ctx(), id)
    {
        state.toggle(ui);
        state.store(ui.ctx());
    }
    action
}

/// While a slide is dragged over the list: a line where it would go; when it is let go there,
/// the move `(from, to)` (`to` counted in the list without it) unless it lands where it was.
fn drop_target(ui: &egui::Ui, list: egui::Rect, rows: &[egui::Rect]) -> Option<(usize, usize)> {
    let dragged = egui::DragAndDrop::payload::<DraggedSlide>(ui.ctx())?;
    let pointer = ui.ctx().pointer_interact_pos()?;
    if !list.contains(pointer) || rows.is_empty() {
        return None;
    }
    // The gap the pointer is nearest: before the first row whose middle is below it.
    let gap = rows
        .iter()
        .position(|row| pointer.y < row.center().y)
        .unwrap_or(rows.len());
    let y = match (rows.get(gap), rows.last()) {
        (Some(row), _) => row.top() - ui.spacing().item_spacing.y / 2.0,
        (None, Some(last)) => last.bottom() + ui.spacing().item_spacing.y / 2.0,
        (None, None) => return None,
    };
    let stroke = egui::Stroke::new(3.0, ui.visuals().selection.bg_fill);
    ui.painter()
        .with_clip_rect(list)
        .hline(list.x_range(), y, stroke);
    if !ui.input(|i| i.pointer.any_released()) {
        return None;
    }
    egui::DragAndDrop::clear_payload(ui.ctx());
    let from = dragged.0;
    let to = if gap > from { gap - 1 } else { gap };
    (to != from).then_some((from, to))
}
