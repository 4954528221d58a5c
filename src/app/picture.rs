//! File → Export view as PNG…: the centre of the window (overview, network, table or timeline)
//! drawn again off screen at twice the pixels of the screen's points, on a worker thread, and
//! written atomically. Without a graphics adapter for that, the screen's own pixels are saved.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use eframe::egui;

use super::headless::ExportError;
use super::task::{Poll, Task};
use super::{Notice, TownscopeApp, Trouble};

/// The scale the view and the slides are drawn at: a 1440×900 window gives 2880×1800 pixels.
pub const PICTURE_SCALE: f32 = 2.0;

/// A screenshot on its way (when the view cannot be drawn again off screen): the file it goes
/// to, and egui's answer.
pub struct PendingPicture {
    path: PathBuf,
    arrives: Task<Arc<egui::ColorImage>>,
}

/// A picture being drawn off screen: the file, and the worker's answer.
pub struct DrawingPicture {
    path: PathBuf,
    done: Task<Result<[u32; 2], ExportError>>,
}

impl TownscopeApp {
    /// Asks where to put the picture (on a thread: the dialog must not block the window).
    pub(super) fn start_export_view(&mut self) {
        if self.is_exporting_view() {
            return;
        }
        self.choose_file(crate::ui::file_chooser::Purpose::ExportPicture);
    }

    /// Draws the centre of the window into `path` (the dialog's answer, or a test's) at
    /// [`PICTURE_SCALE`], off screen on a worker thread.
    pub fn export_view_to(&mut self, path: PathBuf) {
        let scene = self.view_scene();
        let target = path.clone();
        let done = Task::spawn(&self.runtime.ctx, move || {
            super::headless::export_view(scene, &target, PICTURE_SCALE)
        });
        self.runtime.drawing_picture = Some(DrawingPicture { path, done });
        self.runtime.notice = Some(Notice::DrawingPicture);
    }

    /// Where the centre of the window was last drawn, in points.
    pub fn central_rect(&self) -> Option<egui::Rect> {
        self.runtime.central_rect
    }

    /// Whether a picture of the view is still being drawn or taken.
    pub fn is_exporting_view(&self) -> bool {
        self.runtime.drawing_picture.is_some() || self.runtime.pending_picture.is_some()
    }

    /// What the centre of the window shows now, with all it takes to draw it again.
    fn view_scene(&self) -> super::headless::ViewScene {
        let ctx = &self.runtime.ctx;
        let window = ctx.viewport_rect();
        super::headless::ViewScene {
            model: self.doc.model().clone(),
            origin: self.doc.origin().clone(),
            state: self.state.clone(),
            memory: ctx.memory(|m| m.clone()),
            theme: ctx.theme(),
            layout: self
                .runtime
                .layout
                .as_ref()
                .and_then(|layout| layout.positions().cloned()),
            camera: self.runtime.network.camera,
            metrics: match &self.runtime.metrics {
                Some(super::jobs::MetricsJob::Ready(metrics)) => Some(Arc::clone(metrics)),
                _ => None,
            },
            window: window.size(),
            centre: self
                .runtime
                .central_rect
                .unwrap_or(window)
                .translate(-window.min.to_vec2()),
        }
    }

    /// Saves what the screen shows of the centre, at the screen's pixel density (when the view
    /// cannot be drawn again off screen).
    fn screenshot_view_to(&mut self, path: PathBuf) {
        let (arrives, sender) = Task::answered_by();
        let ctx = self.runtime.ctx.clone();
        ctx.request_screenshot(move |image| {
            let _ = sender.send(image);
        });
        ctx.request_repaint();
        self.runtime.pending_picture = Some(PendingPicture { path, arrives });
    }

    /// Story → Export slides…: a folder, then every slide of the open model (unsaved edits
    /// included) rendered off screen at 2x, on a worker thread.
    pub(super) fn start_export_slides(&mut self) {
        if self.runtime.exporting_slides.is_some() {
            return;
        }
        self.choose_file(crate::ui::file_chooser::Purpose::ExportSlides);
    }

    /// Every slide of the open model rendered into `folder`, on a worker thread.
    pub(super) fn export_slides_to(&mut self, folder: PathBuf) {
        let model = self.doc.model().clone();
        let origin = self.doc.origin().clone();
        let lang = self.state.lang;
        self.runtime.exporting_slides = Some(Task::spawn(&self.runtime.ctx, move || {
            super::headless::export_model_slides(
                model,
                origin,
                &folder,
                lang,
                PICTURE_SCALE,
                super::headless::SlideShape::default(),
            )
            .map(|written| (folder, written.len()))
        }));
        self.runtime.notice = Some(Notice::ExportingSlides);
    }

    /// Each export's next step: a slide export's result; the picture dialog's answer; the view
    /// drawn off screen (or, without an adapter, a screenshot asked for instead); the screenshot
    /// cropped to the centre and written.
    pub(super) fn poll_picture(&mut self, ctx: &egui::Context) {
        match Task::finished(&mut self.runtime.exporting_slides) {
            None => {}
            Some(Some(Ok((folder, count)))) => {
                self.runtime.notice = Some(Notice::SlidesWritten { count, folder });
            }
            Some(Some(Err(error))) => {
                self.runtime.notice = None;
                self.runtime.trouble = Some(Trouble::Export(error));
            }
            Some(None) => self.runtime.notice = None,
        }
        if let Some(drawing) = &self.runtime.drawing_picture {
            let answer = match drawing.done.poll() {
                Poll::Running => None,
                Poll::Done(answer) => Some(Some(answer)),
                Poll::Lost => Some(None),
            };
            if let Some(answer) = answer {
                let path = drawing.path.clone();
                self.runtime.drawing_picture = None;
                self.runtime.notice = None;
                match answer {
                    Some(Ok(size)) => {
                        self.runtime.notice = Some(Notice::PictureSaved {
                            path,
                            size,
                            at_screen_density: false,
                        });
                    }
                    Some(Err(ExportError::NoAdapter(_))) => self.screenshot_view_to(path),
                    Some(Err(error)) => self.runtime.trouble = Some(Trouble::Export(error)),
                    None => self.runtime.trouble = Some(Trouble::PictureLost),
                }
            }
        }
        let Some(pending) = &self.runtime.pending_picture else {
            return;
        };
        let image = match pending.arrives.poll() {
            Poll::Running => return,
            Poll::Done(image) => image,
            Poll::Lost => {
                self.runtime.pending_picture = None;
                self.runtime.trouble = Some(Trouble::PictureLost);
                return;
            }
        };
        let path = pending.path.clone();
        self.runtime.pending_picture = None;
        let picture = match self.runtime.central_rect {
            Some(rect) => image.region(&rect, Some(ctx.pixels_per_point())),
            None => (*image).clone(),
        };
        match save_png(&path, &picture) {
            Ok(()) => {
                let [width, height] = picture.size;
                self.runtime.notice = Some(Notice::PictureSaved {
                    path,
                    size: [width as u32, height as u32],
                    at_screen_density: true,
                });
            }
            Err(error) => self.runtime.trouble = Some(Trouble::Export(error)),
        }
    }
}

/// Encodes `image` as PNG and writes it so that the file is whole or untouched.
pub fn save_png(path: &Path, image: &egui::ColorImage) -> Result<(), ExportError> {
    let [width, height] = image.size;
    let rgba: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    let picture =
        image::RgbaImage::from_raw(width as u32, height as u32, rgba).ok_or_else(|| {
            ExportError::RenderView(format!("{}: the picture has no pixels", path.display()))
        })?;
    super::headless::write_png(path, &picture)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_picture_is_written_as_a_png_of_its_size() {
        let folder = tempfile::tempdir().expect("temp folder");
        let path = folder.path().join("view.png");
        let image = egui::ColorImage::filled([3, 2], egui::Color32::from_rgb(10, 20, 30));
        save_png(&path, &image).expect("writes");
        let bytes = std::fs::read(&path).expect("reads");
        assert_eq!(&bytes[1..4], b"PNG");
        let width = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
        let height = u32::from_be_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]);
        assert_eq!((width, height), (3, 2));
    }
}
