//! Pictures of a story without a window: each slide as the audience sees it in presentation
//! mode, one PNG per slide, rendered headless with wgpu (egui_kittest drives the app as the
//! snapshot tests do). Needs a graphics adapter: a GPU, or Mesa's lavapipe on a server.

use std::path::{Path, PathBuf};

use egui_kittest::Harness;

use crate::app::{TownscopeApp, UiState};
use crate::i18n::Lang;

/// The logical size slides are laid out at (the default window); pixels are this times `scale`.
pub const SLIDE_SIZE: [f32; 2] = [1440.0, 900.0];
/// Frames allowed for the layout to settle and the camera and year to arrive, per slide.
const MAX_FRAMES_PER_SLIDE: usize = 2000;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{0}")]
    Load(#[from] crate::io::FileError),
    #[error("the model has no story slides")]
    NoSlides,
    #[error("scale {0} is outside 0.5–4")]
    Scale(f32),
    #[error("cannot render without a graphics adapter (a GPU, or Mesa's lavapipe): {0}")]
    NoAdapter(String),
    #[error("cannot render slide {slide}: {message}")]
    Render { slide: usize, message: String },
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: image::ImageError,
    },
    #[error("cannot create {}: {source}", path.display())]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Renders every slide of the story of `file` (the built-in model when none) into `out` as
/// `slide-01.png`, … at `scale` pixels per point; returns the files written.
pub fn export_slides(
    file: Option<&Path>,
    out: &Path,
    lang: Lang,
    scale: f32,
) -> Result<Vec<PathBuf>, ExportError> {
    // Load first, so a broken file is reported as such and not as a rendering failure.
    let model = match file {
        Some(path) => crate::io::load_file(path)?,
        None => crate::io::embedded_yunqi()?,
    };
    let origin = match file {
        Some(path) => crate::io::Origin::File(path.to_path_buf()),
        None => crate::io::Origin::Embedded,
    };
    export_model_slides(model, origin, out, lang, scale)
}

/// Renders every slide of `model`'s story (the app's open document, unsaved edits included)
/// into `out`; see [`export_slides`].
pub fn export_model_slides(
    model: crate::model::Model,
    origin: crate::io::Origin,
    out: &Path,
    lang: Lang,
    scale: f32,
) -> Result<Vec<PathBuf>, ExportError> {
    if !(0.5..=4.0).contains(&scale) {
        return Err(ExportError::Scale(scale));
    }
    if model.story.is_empty() {
        return Err(ExportError::NoSlides);
    }
    std::fs::create_dir_all(out).map_err(|source| ExportError::Folder {
        path: out.to_path_buf(),
        source,
    })?;
    // egui_kittest's renderer panics when no adapter exists; that is a condition of the machine,
    // reported as an error, not a crash (and without the panic's message on the terminal).
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let built = std::panic::catch_unwind(move || {
        let mut harness = Harness::builder()
            .with_size(SLIDE_SIZE)
            .with_pixels_per_point(scale)
            .wgpu()
            .build_eframe(move |cc| {
                let state = UiState {
                    lang,
                    ..UiState::default()
                };
                let mut app = TownscopeApp::with_state(&cc.egui_ctx, state, None);
                app.replace_document(crate::document::Document::new(model, origin));
                app
            });
        // A first picture proves the adapter works.
        let probe = harness.render();
        (harness, probe)
    });
    std::panic::set_hook(previous_hook);
    let mut harness = match built {
        Ok((harness, Ok(_))) => harness,
        Ok((_, Err(message))) => return Err(ExportError::NoAdapter(message)),
        Err(panic) => {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_else(|| "the renderer could not start".to_owned());
            return Err(ExportError::NoAdapter(message));
        }
    };
    let count = harness.state().doc.model.story.len();
    let mut written = Vec::with_capacity(count);
    for slide in 0..count {
        harness.state_mut().present_slide_now(slide);
        settle(&mut harness);
        let image = harness.render().map_err(|message| ExportError::Render {
            slide: slide + 1,
            message,
        })?;
        let path = out.join(format!("slide-{:02}.png", slide + 1));
        image.save(&path).map_err(|source| ExportError::Write {
            path: path.clone(),
            source,
        })?;
        written.push(path);
    }
    Ok(written)
}

/// Steps frames until the layout has settled, the camera has arrived and the year has walked to
/// the slide's (or a bound is reached: a picture of a still-moving view beats none).
fn settle(harness: &mut Harness<'_, TownscopeApp>) {
    for _ in 0..MAX_FRAMES_PER_SLIDE {
        harness.step();
        let app = harness.state();
        let network_ready = app.state.central != crate::app::CentralView::Network
            || (app.layout_settled() && !app.network().is_moving());
        if network_ready && app.presentation_arrived() {
            break;
        }
    }
    // Two more frames so labels and pictures rebuilt for the final position are drawn.
    harness.step();
    harness.step();
}
