//! Story slides and presentation mode: what a slide sets in the window, the slide made from the
//! current view, and the keys of a presentation (clickers send Page Up / Page Down).

use super::Notice;
use eframe::egui;

use super::{CentralView, TownscopeApp};
use crate::edit::{Edit, Op};
use crate::model::filter::Focus;
use crate::model::{Slide, SlideCamera, SlideView};

/// Further than this, a slide change jumps to the slide's year instead of walking there.
const MAX_YEARS_WALKED: i64 = 30;

/// How long a slide change takes to walk the year control to the slide's year, per year.
const SECONDS_PER_YEAR_STEP: f64 = 0.12;
/// Type is this much larger while presenting, for the back of a room.
const PRESENTING_ZOOM: f32 = 1.25;

/// A story being shown full-screen.
pub struct Presentation {
    pub slide: usize,
    /// B: the screen is black (the audience looks at the speaker).
    pub blank: bool,
    /// H: black and white, for washed-out projectors.
    pub high_contrast: bool,
    /// The year the slide wants; the year control walks there a year at a time.
    year_target: Option<i32>,
    year_stepped: f64,
    zoom_before: f32,
    visuals_before: egui::Visuals,
    /// The window as it was before F5 — view, selection, year, filter, chart, camera — put
    /// back as it was when the presentation ends.
    state_before: super::UiState,
    camera_before: crate::ui::network::Camera,
}

/// What the keys and the mouse asked of a presentation this frame.
#[derive(Default)]
struct Keys {
    /// How many times "next" and "previous" were pressed this frame: a clicker pressed twice
    /// quickly moves two slides even when both presses arrive in one frame.
    next: usize,
    previous: usize,
    first: bool,
    last: bool,
    blank: bool,
    contrast: bool,
    leave: bool,
}

impl TownscopeApp {
    pub fn is_presenting(&self) -> bool {
        self.runtime.presentation.is_some()
    }

    /// The slide on screen, while presenting.
    pub fn presented_slide(&self) -> Option<usize> {
        self.runtime.presentation.as_ref().map(|p| p.slide)
    }

    /// Presents slide `index` at once (headless export): starts presenting if need be.
    pub fn present_slide_now(&mut self, index: usize) {
        let ctx = self.runtime.ctx.clone();
        if self.runtime.presentation.is_none() {
            self.start_presenting(&ctx, index);
        } else {
            self.show_slide(&ctx, index);
        }
    }

    /// Whether the year has walked to the slide's.
    pub fn presentation_arrived(&self) -> bool {
        self.runtime
            .presentation
            .as_ref()
            .is_none_or(|p| p.year_target.is_none() || p.year_target == self.state.year)
    }

    pub(super) fn presentation(&self) -> Option<&Presentation> {
        self.runtime.presentation.as_ref()
    }

    /// Full screen, larger type, from slide `from`. A model without slides says so instead.
    pub(super) fn start_presenting(&mut self, ctx: &egui::Context, from: usize) {
        if self.doc.model().story.is_empty() {
            self.runtime.notice = Some(Notice::NoSlides);
            return;
        }
        let zoom_before = ctx.zoom_factor();
        ctx.set_zoom_factor(zoom_before * PRESENTING_ZOOM);
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
        self.state.editing = false;
        self.runtime.presentation = Some(Presentation {
            slide: 0,
            blank: false,
            high_contrast: false,
            year_target: None,
            year_stepped: 0.0,
            zoom_before,
            visuals_before: ctx.global_style().visuals.clone(),
            state_before: self.state.clone(),
            camera_before: self.runtime.network.camera,
        });
        self.show_slide(ctx, from.min(self.doc.model().story.len() - 1));
    }

    pub(super) fn stop_presenting(&mut self, ctx: &egui::Context) {
        if let Some(presentation) = self.runtime.presentation.take() {
            ctx.set_zoom_factor(presentation.zoom_before);
            ctx.set_visuals(presentation.visuals_before);
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
            // Back to exactly what was on screen before F5; the slides changed only the view.
            let selected = presentation.state_before.selected.clone();
            self.state = presentation.state_before;
            // (An entity deleted meanwhile cannot be selected again.)
            self.state.selected = selected.filter(|id| self.doc.index().get(id).is_some());
            let selected = self
                .state
                .selected
                .as_deref()
                .and_then(|id| self.doc.index().get(id));
            // Where the camera was, and no glide to the selection it already showed.
            self.runtime
                .network
                .keep_camera(presentation.camera_before, selected);
        }
    }

    /// Sets the window to what slide `index` shows: view, selection, neighbourhood, kinds,
    /// chart, year (walked there, while presenting) and camera (glided there).
    pub(super) fn show_slide(&mut self, ctx: &egui::Context, index: usize) {
        let Some(slide) = self.doc.model().story.get(index).cloned() else {
            return;
        };
        let now = ctx.input(|i| i.time);
        self.state.central = match slide.view {
            SlideView::Network => CentralView::Network,
            SlideView::Timeline => CentralView::Timeline,
            _ => CentralView::Overview,
        };
        let entity = slide
            .entity
            .as_deref()
            .and_then(|id| self.doc.index().get(id));
        self.state.selected = entity.map(|i| self.doc.model().entities[i].id.clone());
        let filter = &mut self.state.network.filter;
        filter.focus = slide
            .entity
            .clone()
            .filter(|_| entity.is_some() && slide.depth > 0)
            .map(|entity| Focus {
                entity,
                depth: slide.depth.min(3),
            });
        filter.hidden_kinds = slide.hidden_kinds.iter().copied().collect();
        if slide.depth > 0 {
            self.state.network.depth = slide.depth.min(3);
        }
        if slide.chart.is_some() {
            self.state.chart_indicator = slide.chart.clone();
        }
        match &mut self.runtime.presentation {
            Some(presentation) => {
                presentation.slide = index;
                presentation.blank = false;
                presentation.year_target = slide.year;
                presentation.year_stepped = now;
                if slide.year.is_none() || self.state.year.is_none() {
                    self.state.year = slide.year;
                }
            }
            None => self.state.year = slide.year,
        }
        self.runtime
            .network
            .show_slide_view(slide.camera, entity, now);
    }

    /// A slide of what the window shows now, titled with the selected entity's name (or the
    /// model's); its caption is left for the editor to write.
    pub(super) fn slide_from_current_view(&self) -> Slide {
        let model = &self.doc.model();
        let entity = self
            .state
            .selected
            .as_deref()
            .and_then(|id| self.doc.index().get(id));
        let title = entity.map_or_else(|| model.name.clone(), |i| model.entities[i].name.clone());
        let mut slide = Slide::new(title);
        slide.view = match self.state.central {
            CentralView::Network => SlideView::Network,
            CentralView::Timeline => SlideView::Timeline,
            _ => SlideView::Overview,
        };
        slide.entity = entity.map(|i| model.entities[i].id.clone());
        let filter = &self.state.network.filter;
        slide.depth = filter
            .focus
            .as_ref()
            .filter(|f| Some(&f.entity) == slide.entity.as_ref())
            .map_or(0, |f| f.depth);
        slide.year = self.state.year;
        slide.hidden_kinds = filter.hidden_kinds.iter().copied().collect();
        slide.chart = self.state.chart_indicator.clone();
        if self.state.central == CentralView::Network {
            let camera = self.runtime.network.camera;
            slide.camera = Some(SlideCamera {
                x: camera.centre[0],
                y: camera.centre[1],
                scale: camera.scale,
            });
        }
        slide
    }

    pub(super) fn add_slide(&mut self) {
        let mut story = self.doc.model().story.clone();
        story.push(self.slide_from_current_view());
        let label = crate::i18n::strings(self.state.lang)
            .story
            .verb_add_slide
            .to_owned();
        self.edit(Edit::new(label, vec![Op::SetStory(story)]));
    }

    /// Keys and clicks of a presentation, read before any view can take them (the network
    /// view pans with the arrows otherwise), and the year walking to the slide's year.
    pub(super) fn presentation_frame(&mut self, ctx: &egui::Context) {
        let Some(presentation) = &self.runtime.presentation else {
            return;
        };
        let keys = ctx.input_mut(|i| {
            let mut keys = Keys::default();
            // Every key of a group is consumed, not just the first pressed.
            let mut count = |keys: &[egui::Key]| {
                keys.iter()
                    .map(|&key| i.count_and_consume_key(egui::Modifiers::NONE, key))
                    .sum::<usize>()
            };
            use egui::Key as K;
            keys.next = count(&[K::ArrowRight, K::ArrowDown, K::PageDown, K::Space, K::Enter]);
            keys.previous = count(&[K::ArrowLeft, K::ArrowUp, K::PageUp]);
            keys.first = count(&[K::Home]) > 0;
            keys.last = count(&[K::End]) > 0;
            keys.blank = count(&[K::B]) > 0;
            keys.contrast = count(&[K::H]) > 0;
            keys.leave = count(&[K::Escape]) > 0;
            keys.next += usize::from(i.pointer.primary_clicked());
            keys
        });
        let count = self.doc.model().story.len();
        let current = presentation.slide;
        if keys.leave || count == 0 {
            self.stop_presenting(ctx);
            return;
        }
        let target = if keys.first {
            Some(0)
        } else if keys.last {
            Some(count - 1)
        } else if keys.next > 0 && !presentation.blank {
            Some((current + keys.next).min(count - 1))
        } else if keys.previous > 0 && !presentation.blank {
            Some(current.saturating_sub(keys.previous))
        } else {
            None
        };
        if let Some(presentation) = &mut self.runtime.presentation {
            if keys.blank {
                presentation.blank = !presentation.blank;
            } else if presentation.blank && keys.next + keys.previous > 0 {
                // Any "next" brings the picture back first, as presentation software does.
                presentation.blank = false;
            }
            if keys.contrast {
                presentation.high_contrast = !presentation.high_contrast;
                ctx.set_visuals(if presentation.high_contrast {
                    high_contrast()
                } else {
                    presentation.visuals_before.clone()
                });
            }
        }
        if let Some(target) = target.filter(|&t| t != current) {
            self.show_slide(ctx, target);
        }
        // Walk the year to the slide's, a year at a time.
        if let Some(presentation) = &mut self.runtime.presentation
            && let (Some(target), Some(year)) = (presentation.year_target, self.state.year)
            && target != year
        {
            let now = ctx.input(|i| i.time);
            if (i64::from(target) - i64::from(year)).abs() > MAX_YEARS_WALKED {
                // A far year (or a broken one) is jumped to: walking would take the meeting.
                self.state.year = Some(target);
            } else if now - presentation.year_stepped >= SECONDS_PER_YEAR_STEP {
                self.state.year = Some(year + (target - year).signum());
                presentation.year_stepped = now;
            }
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(SECONDS_PER_YEAR_STEP));
        }
    }
}

/// White on black with strong lines: what a dim projector still shows.
fn high_contrast() -> egui::Visuals {
    let mut visuals = egui::Visuals::dark();
    visuals.override_text_color = Some(egui::Color32::WHITE);
    visuals.panel_fill = egui::Color32::BLACK;
    visuals.window_fill = egui::Color32::BLACK;
    visuals.extreme_bg_color = egui::Color32::BLACK;
    visuals.widgets.noninteractive.fg_stroke = egui::Stroke::new(1.5, egui::Color32::WHITE);
    visuals
}
