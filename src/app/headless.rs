//! The off-screen renderer: pictures of a story without a window: each slide as the audience sees it in presentation
//! mode, one PNG per slide, rendered headless with wgpu (egui_kittest drives the app as the
//! snapshot tests do). Needs a graphics adapter: a GPU, or Mesa's lavapipe on a server.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use eframe::egui;

use egui_kittest::Harness;

use super::{CentralView, TownscopeApp, UiState};
use crate::i18n::Lang;

/// The logical size 16:10 slides are laid out at (the default window); pixels are this times
/// `scale`.
pub const SLIDE_SIZE: [f32; 2] = [1440.0, 900.0];

/// The shape of exported slides: a laptop's 16:10, or the 16:9 of most projectors and of
/// PowerPoint's default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SlideShape {
    #[default]
    Wide16x10,
    Wide16x9,
}

impl SlideShape {
    /// The logical size slides of this shape are laid out at: 16:9 is 1536×864, so that scale
    /// 1.25 gives 1920×1080 pixels and 2.5 gives 3840×2160.
    pub fn size(self) -> [f32; 2] {
        match self {
            Self::Wide16x10 => SLIDE_SIZE,
            Self::Wide16x9 => [1536.0, 864.0],
        }
    }

    /// `16:10` or `16:9` (`16x9` too), as the command line takes it.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().replace('x', ":").as_str() {
            "16:10" => Some(Self::Wide16x10),
            "16:9" => Some(Self::Wide16x9),
            _ => None,
        }
    }
}
/// Frames allowed for the layout to settle and the camera and year to arrive, per slide.
const MAX_FRAMES_PER_SLIDE: usize = 2000;
/// How long a slide may wait for work on other threads (the layout of the network, which a
/// release build's frames would otherwise outrun: 2,000 frames took under a second there and
/// the picture showed "laying out…").
const MAX_WAIT_PER_SLIDE: std::time::Duration = std::time::Duration::from_secs(120);
/// Frames every picture waits, for egui's animations (at the harness's 1/60 s a frame).
const MIN_FRAMES: usize = 12;

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
    #[error("cannot render the view: {0}")]
    RenderView(String),
    #[error("cannot save {}: {message}", path.display())]
    Save { path: PathBuf, message: String },
    #[error("cannot create {}: {source}", path.display())]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl ExportError {
    /// Why pictures could not be made, said in `lang` (English is the command line's wording).
    pub fn message(&self, lang: Lang) -> String {
        use ExportError as E;
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            E::Load(error) => crate::i18n::file_error(error, lang),
            E::NoSlides => "模型中没有故事幻灯片".to_owned(),
            E::Scale(scale) => format!("倍数 {scale} 不在 0.5–4 之间"),
            E::NoAdapter(why) => {
                format!("没有可用的图形适配器（GPU 或 Mesa 的 lavapipe），无法绘制：{why}")
            }
            E::Render { slide, message } => format!("无法绘制第 {slide} 张幻灯片：{message}"),
            E::RenderView(message) => format!("无法绘制视图：{message}"),
            E::Save { path, message } => format!("无法保存 {}：{message}", path.display()),
            E::Folder { path, source } => format!("无法创建文件夹 {}：{source}", path.display()),
        }
    }
}

/// Renders every slide of the story of `file` (the built-in model when none) into `out` as
/// `slide-01.png`, … at `scale` pixels per point; returns the files written.
pub fn export_slides(
    file: Option<&Path>,
    out: &Path,
    lang: Lang,
    scale: f32,
    shape: SlideShape,
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
    export_model_slides(model, origin, out, lang, scale, shape)
}

/// Renders every slide of `model`'s story (the app's open document, unsaved edits included)
/// into `out`; see [`export_slides`].
pub fn export_model_slides(
    model: crate::model::Model,
    origin: crate::io::Origin,
    out: &Path,
    lang: Lang,
    scale: f32,
    shape: SlideShape,
) -> Result<Vec<PathBuf>, ExportError> {
    check_scale(scale)?;
    if model.story.is_empty() {
        return Err(ExportError::NoSlides);
    }
    std::fs::create_dir_all(out).map_err(|source| ExportError::Folder {
        path: out.to_path_buf(),
        source,
    })?;
    let mut harness = story_harness(model, origin, lang, shape.size(), scale, false)?;
    let count = harness.state().doc.model().story.len();
    let mut written = Vec::with_capacity(count);
    for slide in 0..count {
        let image = render_slide(&mut harness, slide)?;
        let path = out.join(format!("slide-{:02}.png", slide + 1));
        write_png(&path, &image)?;
        written.push(path);
    }
    Ok(written)
}

/// The app off screen at `size` points and `scale` pixels per point on `model`, in `lang`,
/// ready to present its story; `deck_pictures` leaves the caption band out.
fn story_harness(
    model: crate::model::Model,
    origin: crate::io::Origin,
    lang: Lang,
    size: [f32; 2],
    scale: f32,
    deck_pictures: bool,
) -> Result<Harness<'static, TownscopeApp>, ExportError> {
    start_harness(size.into(), scale, None, move |cc| {
        let state = UiState {
            lang,
            ..UiState::default()
        };
        let mut app = TownscopeApp::with_state(&cc.egui_ctx, state, None);
        app.replace_document(crate::document::Document::new(model, origin));
        app.runtime.deck_pictures = deck_pictures;
        app
    })
}

/// Slide `index` presented, settled and drawn.
fn render_slide(
    harness: &mut Harness<'static, TownscopeApp>,
    index: usize,
) -> Result<image::RgbaImage, ExportError> {
    harness.state_mut().present_slide_now(index);
    settle(harness);
    harness.render().map_err(|message| ExportError::Render {
        slide: index + 1,
        message,
    })
}

/// A deck's picture of a slide: the slide's shape less the band its title and caption take,
/// so the view fills what the deck gives it (16:9 is 1536×864 points; the view is 1536×640).
pub const DECK_VIEW: [f32; 2] = [1536.0, 640.0];
/// Pixels per point of a deck's pictures: 1920×800.
pub const DECK_SCALE: f32 = 1.25;

/// The story of `model` as a PowerPoint deck in `lang`: each slide's view rendered as
/// presented (without its caption band: the deck writes title and caption as text), its
/// sources and any disagreement in the speaker notes.
pub fn deck(
    model: crate::model::Model,
    origin: crate::io::Origin,
    lang: Lang,
) -> Result<crate::io::deck::Deck, ExportError> {
    if model.story.is_empty() {
        return Err(ExportError::NoSlides);
    }
    let title = {
        let name = model.name.get(lang);
        if name.is_empty() {
            model.name.get(lang.other())
        } else {
            name
        }
        .to_owned()
    };
    let mut harness = story_harness(model, origin, lang, DECK_VIEW, DECK_SCALE, true)?;
    let count = harness.state().doc.model().story.len();
    let mut slides = Vec::with_capacity(count);
    for index in 0..count {
        let image = render_slide(&mut harness, index)?;
        let picture = png_bytes(&image).map_err(|message| ExportError::Render {
            slide: index + 1,
            message,
        })?;
        let model = harness.state().doc.model();
        let Some(slide) = model.story.get(index) else {
            break;
        };
        slides.push(crate::io::deck::DeckSlide {
            title: slide.title.get(lang).to_owned(),
            caption: slide.caption.get(lang).to_owned(),
            notes: speaker_notes(model, slide, lang),
            picture,
            picture_size: [image.width(), image.height()],
        });
    }
    Ok(crate::io::deck::Deck {
        title,
        language: match lang {
            Lang::Zh => "zh-CN",
            Lang::En => "en-US",
        },
        slides,
    })
}

/// What a presenter reads under a slide: where its caption's facts come from (each source by
/// name, where in it, and its address), and the other account where sources disagree.
fn speaker_notes(
    model: &crate::model::Model,
    slide: &crate::model::Slide,
    lang: Lang,
) -> Vec<String> {
    let words = &crate::i18n::strings(lang).briefing;
    let describe = |cite: &crate::model::Cite| {
        let Some(source) = model.sources.iter().find(|s| s.id == cite.source) else {
            return cite.source.clone();
        };
        let mut line = source.display_name().to_owned();
        if !cite.at.is_empty() {
            line = format!("{line} § {}", cite.at);
        }
        if !source.locator.is_empty() && source.locator != source.display_name() {
            line = format!("{line} — {}", source.locator);
        }
        line
    };
    let colon = match lang {
        Lang::Zh => "：",
        Lang::En => ": ",
    };
    let mut notes = Vec::new();
    if !slide.sources.is_empty() {
        notes.push(format!("{}{}", words.sources, colon.trim_end()));
        notes.extend(slide.sources.iter().map(|c| format!("• {}", describe(c))));
    }
    if let Some(dispute) = &slide.disputed {
        notes.push(format!(
            "{}{colon}{}",
            words.disputed,
            dispute.note.get(lang)
        ));
        notes.extend(dispute.sources.iter().map(|c| format!("• {}", describe(c))));
    }
    notes
}

/// `picture` as PNG bytes.
fn png_bytes(picture: &image::RgbaImage) -> Result<Vec<u8>, String> {
    use image::ImageEncoder;
    let mut bytes = Vec::new();
    image::codecs::png::PngEncoder::new(&mut bytes)
        .write_image(
            picture.as_raw(),
            picture.width(),
            picture.height(),
            image::ExtendedColorType::Rgba8,
        )
        .map_err(|e| e.to_string())?;
    Ok(bytes)
}

/// Writes the deck of `model`'s story to `path` (whole or not at all).
pub fn write_deck(
    model: crate::model::Model,
    origin: crate::io::Origin,
    path: &Path,
    lang: Lang,
) -> Result<usize, ExportError> {
    let deck = deck(model, origin, lang)?;
    let bytes = crate::io::deck::pptx_bytes(&deck).map_err(|e| ExportError::Save {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    crate::io::write_atomically(path, &bytes, crate::io::Backup::None).map_err(|source| {
        ExportError::Save {
            path: path.to_path_buf(),
            message: source.to_string(),
        }
    })?;
    Ok(deck.slides.len())
}

/// The view in the centre of the window as the user sees it, with all it takes to draw it again
/// without the window: the model, the interface state, egui's memory (scroll positions, chart
/// zoom, open sections), the network's layout and camera, and the metrics.
pub struct ViewScene {
    pub model: crate::model::Model,
    pub origin: crate::io::Origin,
    pub state: UiState,
    pub memory: egui::Memory,
    pub theme: egui::Theme,
    pub layout: Option<Arc<Vec<crate::layout::Point>>>,
    pub camera: crate::ui::network::Camera,
    pub metrics: Option<Arc<crate::model::Metrics>>,
    /// The window's size and the centre's place in it, in points.
    pub window: egui::Vec2,
    pub centre: egui::Rect,
}

/// Draws `scene` off screen at `scale` pixels per point and writes the centre of the window as
/// a PNG at `path` (whole or not at all); returns the picture's size in pixels.
pub fn export_view(scene: ViewScene, path: &Path, scale: f32) -> Result<[u32; 2], ExportError> {
    check_scale(scale)?;
    let ViewScene {
        model,
        origin,
        state,
        mut memory,
        theme,
        layout,
        camera,
        metrics,
        window,
        centre,
    } = scene;
    // The window's zoom is already in its size in points; the picture's density is `scale`.
    memory.options.zoom_factor = 1.0;
    let mut harness = start_harness(window, scale, Some(theme), move |cc| {
        // Before the app starts: installing its fonts is kept in egui's memory too.
        cc.egui_ctx.memory_mut(|m| *m = memory);
        let mut app = TownscopeApp::with_state(&cc.egui_ctx, state.clone(), None);
        app.replace_document(crate::document::Document::new(model, origin));
        // A new document clears the selection and focus: put the user's back.
        app.state = state;
        app.show_as_drawn(layout, camera, metrics);
        app
    })?;
    settle(&mut harness);
    let image = harness.render().map_err(ExportError::RenderView)?;
    let crop = centre * scale;
    let x = crop.min.x.round().max(0.0) as u32;
    let y = crop.min.y.round().max(0.0) as u32;
    let width = (crop.width().round() as u32).min(image.width().saturating_sub(x));
    let height = (crop.height().round() as u32).min(image.height().saturating_sub(y));
    let picture = image::imageops::crop_imm(&image, x, y, width, height).to_image();
    write_png(path, &picture)?;
    Ok([width, height])
}

/// Pictures are drawn at 0.5 to 4 pixels per point.
fn check_scale(scale: f32) -> Result<(), ExportError> {
    if (0.5..=4.0).contains(&scale) {
        Ok(())
    } else {
        Err(ExportError::Scale(scale))
    }
}

/// Encodes `picture` as PNG and writes it so that the file is whole or untouched.
pub fn write_png(path: &Path, picture: &image::RgbaImage) -> Result<(), ExportError> {
    let bytes = png_bytes(picture).map_err(|message| ExportError::Save {
        path: path.to_path_buf(),
        message,
    })?;
    crate::io::write_atomically(path, &bytes, crate::io::Backup::None).map_err(|source| {
        ExportError::Save {
            path: path.to_path_buf(),
            message: source.to_string(),
        }
    })
}

/// A headless window of `size` points at `scale` (in `theme`, or the harness's), with the app
/// `make` builds, once a first picture proves a graphics adapter works.
fn start_harness(
    size: egui::Vec2,
    scale: f32,
    theme: Option<egui::Theme>,
    make: impl FnOnce(&mut eframe::CreationContext<'_>) -> TownscopeApp,
) -> Result<Harness<'static, TownscopeApp>, ExportError> {
    // egui_kittest's renderer panics when no adapter exists; that is a condition of the machine,
    // reported as an error, not a crash (and without the panic's message on the terminal). The
    // hook is the process's: it stays quiet for this thread only, as the window runs meanwhile.
    type Hook = dyn Fn(&std::panic::PanicHookInfo<'_>) + Send + Sync;
    let previous: Arc<Hook> = Arc::from(std::panic::take_hook());
    let quiet = std::thread::current().id();
    let others = Arc::clone(&previous);
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().id() != quiet {
            others(info);
        }
    }));
    // Nothing built here outlives a panic, so nothing half-changed is seen again.
    let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        // A character no bundled font has is drawn as a box, as on screen, not a failure.
        let mut builder = Harness::builder()
            .with_size(size)
            .with_pixels_per_point(scale)
            .allow_missing_glyphs();
        if let Some(theme) = theme {
            builder = builder.with_theme(theme);
        }
        let mut harness = builder.wgpu().build_eframe(make);
        let probe = harness.render();
        (harness, probe)
    }));
    std::panic::set_hook(Box::new(move |info| previous(info)));
    match built {
        Ok((harness, Ok(_))) => Ok(harness),
        Ok((_, Err(message))) => Err(ExportError::NoAdapter(message)),
        Err(panic) => {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_else(|| "the renderer could not start".to_owned());
            Err(ExportError::NoAdapter(message))
        }
    }
}

/// Steps frames until the layout has settled, the camera has arrived and the year has walked to
/// the slide's (or a bound is reached: a picture of a still-moving view beats none); at least
/// enough frames for egui's animations (a section opening) to finish.
fn settle(harness: &mut Harness<'_, TownscopeApp>) {
    for _ in 0..MIN_FRAMES {
        harness.step();
    }
    let started = std::time::Instant::now();
    let mut frames = 0;
    loop {
        harness.step();
        frames += 1;
        let app = harness.state();
        let network_ready = app.state.central != CentralView::Network
            || (app.layout_settled() && !app.network().is_moving());
        if network_ready && app.presentation_arrived() {
            break;
        }
        if started.elapsed() > MAX_WAIT_PER_SLIDE {
            break;
        }
        // Past the frames animations need, what is left is waited for, not spun on.
        if frames > MAX_FRAMES_PER_SLIDE {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }
    // Two more frames so labels and pictures rebuilt for the final position are drawn.
    harness.step();
    harness.step();
}

/// How the network of `doc` is drawn for a graph file: `positions` where the view has laid it
/// out, else the force layout run until it settles here; each kind's colour; a size growing
/// with the connections.
pub fn drawing(
    doc: &crate::document::Document,
    positions: Option<&[crate::layout::Point]>,
) -> crate::io::graph_files::Drawing {
    let graph = doc.graph();
    let positions = match positions.filter(|p| p.len() == graph.len()) {
        Some(positions) => positions.to_vec(),
        // A few thousand steps settle a town; a province is laid out level by level.
        None => crate::layout::Settling::from_scratch(graph).settle(graph, 5_000),
    };
    // Layout units to pixels, as the view draws them at its fitted scale.
    let unit = crate::layout::UNIT;
    crate::io::graph_files::Drawing {
        positions: positions
            .iter()
            .map(|p| [p[0] * unit, p[1] * unit])
            .collect(),
        colours: doc
            .model()
            .entities
            .iter()
            .map(|e| {
                let c = crate::ui::style::kind_colour(e.kind);
                [c.r(), c.g(), c.b()]
            })
            .collect(),
        sizes: graph
            .iter()
            .map(|n| 4.0 + 2.0 * (n.len() as f32).sqrt())
            .collect(),
    }
}
