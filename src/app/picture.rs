//! File → Export view as PNG…: the centre of the window (overview, network, table or timeline)
//! drawn again off screen at twice the pixels of the screen's points, on a worker thread, and
//! written atomically. Without a graphics adapter for that, the screen's own pixels are saved.

use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};

use eframe::egui;

use super::{TownscopeApp, strings};

/// The scale the view and the slides are drawn at: a 1440×900 window gives 2880×1800 pixels.
pub const PICTURE_SCALE: f32 = 2.0;

/// A screenshot on its way: the file it goes to, the channel it arrives on, and why it is at
/// the screen's density (said in the notice when it is saved).
pub struct PendingPicture {
    path: PathBuf,
    arrives: mpsc::Receiver<Arc<egui::ColorImage>>,
    note: &'static str,
}

/// A picture being drawn off screen: the file, and the worker's answer.
pub struct DrawingPicture {
    path: PathBuf,
    done: mpsc::Receiver<Result<[u32; 2], super::headless::ExportError>>,
}

impl TownscopeApp {
    /// Asks where to put the picture (on a thread: the dialog must not block the window).
    pub(super) fn start_export_view(&mut self) {
        if self.runtime.pending_picture_dialog.is_some() || self.is_exporting_view() {
            return;
        }
        let (sender, receiver) = mpsc::channel();
        let ctx = self.runtime.ctx.clone();
        std::thread::spawn(move || {
            let picked = rfd::FileDialog::new()
                .add_filter("PNG", &["png"])
                .set_file_name("townscope.png")
                .save_file();
            let _ = sender.send(picked);
            ctx.request_repaint();
        });
        self.runtime.pending_picture_dialog = Some(receiver);
    }

    /// Draws the centre of the window into `path` (the dialog's answer, or a test's) at
    /// [`PICTURE_SCALE`], off screen on a worker thread.
    pub fn export_view_to(&mut self, path: PathBuf) {
        let scene = self.view_scene();
        let (sender, done) = mpsc::channel();
        let ctx = self.runtime.ctx.clone();
        let target = path.clone();
        std::thread::spawn(move || {
            let _ = sender.send(super::headless::export_view(scene, &target, PICTURE_SCALE));
            ctx.request_repaint();
        });
        self.runtime.drawing_picture = Some(DrawingPicture { path, done });
        self.runtime.notice = Some(strings(self.state.lang).drawing_picture.to_owned());
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
    /// cannot be drawn again off screen, which `note` says).
    fn screenshot_view_to(&mut self, path: PathBuf, note: &'static str) {
        let (sender, arrives) = mpsc::channel();
        let ctx = self.runtime.ctx.clone();
        ctx.request_screenshot(move |image| {
            let _ = sender.send(image);
        });
        ctx.request_repaint();
        self.runtime.pending_picture = Some(PendingPicture {
            path,
            arrives,
            note,
        });
    }

    /// Story → Export slides…: a folder, then every slide of the open model (unsaved edits
    /// included) rendered off screen at 2x, on a worker thread.
    pub(super) fn start_export_slides(&mut self) {
        if self.runtime.exporting_slides.is_some() {
            return;
        }
        let model = self.doc.model().clone();
        let origin = self.doc.origin().clone();
        let lang = self.state.lang;
        let (sender, receiver) = mpsc::channel();
        let ctx = self.runtime.ctx.clone();
        std::thread::spawn(move || {
            let answer = rfd::FileDialog::new().pick_folder().map(|folder| {
                super::headless::export_model_slides(model, origin, &folder, lang, PICTURE_SCALE)
                    .map(|written| (folder, written.len()))
                    .map_err(|error| error.message(lang))
            });
            let _ = sender.send(answer);
            ctx.request_repaint();
        });
        self.runtime.exporting_slides = Some(receiver);
        self.runtime.notice = Some(strings(self.state.lang).exporting_slides.to_owned());
    }

    /// Each export's next step: a slide export's result; the picture dialog's answer; the view
    /// drawn off screen (or, without an adapter, a screenshot asked for instead); the screenshot
    /// cropped to the centre and written.
    pub(super) fn poll_picture(&mut self, ctx: &egui::Context) {
        if let Some(receiver) = &self.runtime.exporting_slides {
            let s = strings(self.state.lang);
            match receiver.try_recv() {
                Ok(Some(Ok((folder, count)))) => {
                    self.runtime.exporting_slides = None;
                    self.runtime.notice =
                        Some(crate::i18n::slides_written(count, &folder, self.state.lang));
                }
                Ok(Some(Err(error))) => {
                    self.runtime.exporting_slides = None;
                    self.runtime.notice = None;
                    self.runtime.save_error = Some(error);
                }
                Ok(None) | Err(mpsc::TryRecvError::Disconnected) => {
                    self.runtime.exporting_slides = None;
                    self.runtime.notice = Some(s.no_file_chosen.to_owned());
                }
                Err(mpsc::TryRecvError::Empty) => {}
            }
        }
        if let Some(receiver) = &self.runtime.pending_picture_dialog {
            match receiver.try_recv() {
                Ok(Some(mut path)) => {
                    self.runtime.pending_picture_dialog = None;
                    if path.extension().is_none() {
                        path.set_extension("png");
                    }
                    self.export_view_to(path);
                }
                Ok(None) | Err(mpsc::TryRecvError::Disconnected) => {
                    self.runtime.pending_picture_dialog = None;
                    self.runtime.notice = Some(strings(self.state.lang).no_file_chosen.to_owned());
                }
                Err(mpsc::TryRecvError::Empty) => {}
            }
        }
        if let Some(drawing) = &self.runtime.drawing_picture {
            let s = strings(self.state.lang);
            match drawing.done.try_recv() {
                Ok(Ok([width, height])) => {
                    self.runtime.notice = Some(format!(
                        "{} {} ({width} × {height})",
                        s.picture_saved,
                        drawing.path.display()
                    ));
                    self.runtime.drawing_picture = None;
                }
                Ok(Err(super::headless::ExportError::NoAdapter(_))) => {
                    let path = drawing.path.clone();
                    self.runtime.drawing_picture = None;
                    self.screenshot_view_to(path, s.picture_at_screen_density);
                }
                Ok(Err(error)) => {
                    self.runtime.drawing_picture = None;
                    self.runtime.notice = None;
                    self.runtime.save_error = Some(error.message(self.state.lang));
                }
                Err(mpsc::TryRecvError::Disconnected) => {
                    self.runtime.drawing_picture = None;
                    self.runtime.notice = None;
                    self.runtime.save_error = Some(s.picture_failed.to_owned());
                }
                Err(mpsc::TryRecvError::Empty) => {}
            }
        }
        let Some(pending) = &self.runtime.pending_picture else {
            return;
        };
        let Ok(image) = pending.arrives.try_recv() else {
            return;
        };
        let (path, note) = (pending.path.clone(), pending.note);
        self.runtime.pending_picture = None;
        let picture = match self.runtime.central_rect {
            Some(rect) => image.region(&rect, Some(ctx.pixels_per_point())),
            None => (*image).clone(),
        };
        let s = strings(self.state.lang);
        match save_png(&path, &picture) {
            Ok(()) => {
                let [width, height] = picture.size;
                self.runtime.notice = Some(format!(
                    "{} {} ({width} × {height}) — {note}",
                    s.picture_saved,
                    path.display()
                ));
            }
            Err(error) => self.runtime.save_error = Some(error),
        }
    }
}

/// Encodes `image` as PNG and writes it so that the file is whole or untouched.
pub fn save_png(path: &Path, image: &egui::ColorImage) -> Result<(), String> {
    let [width, height] = image.size;
    let rgba: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    let picture = image::RgbaImage::from_raw(width as u32, height as u32, rgba)
        .ok_or_else(|| format!("{}: the picture has no pixels", path.display()))?;
    super::headless::write_png(path, &picture).map_err(|error| error.to_string())
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
