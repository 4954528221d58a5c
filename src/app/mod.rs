//! The top floor, the eframe application: owns the document, the UI state and the runtime
//! resources, builds the panels' context each frame, and applies the commands they ask for —
//! once, after the UI of each frame. Split by idea: state and construction here, one frame in
//! `frame`, what each command does in `commands`, files in `files`, background work in `task`
//! and `jobs`, what the user is told in `messages`, pictures without a window in `headless`.

mod choose;
mod commands;
mod files;
mod frame;
pub mod headless;
pub mod jobs;
mod messages;
mod picture;
mod present;
mod task;
mod transfer;

use messages::{Notice, Trouble};
use task::Task;

pub use crate::context::{
    AppCommand, Command, CommandGroup, Comparison, ThemeChoice, UnsavedAnswer, Work, WorkShown,
    shortcut_text,
};
use crate::io::recovery;
use crate::ui::{fonts, style};

use std::path::{Path, PathBuf};
use std::sync::Arc;

use eframe::egui;
use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::i18n::{Lang, strings};
use crate::io::{self, FileError, Origin};
use crate::ui;

/// How many files "Open recent" remembers.
const MAX_RECENT: usize = 10;

/// What the app remembers between runs (through eframe's storage).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct UiState {
    pub lang: Lang,
    pub recent: Vec<PathBuf>,
    /// The overview's line chart: the id of the indicator shown.
    pub chart_indicator: Option<String>,
    pub bars_by_sector: bool,
    /// What the centre of the window shows.
    pub central: CentralView,
    pub table_sort: ui::table::Sort,
    pub network: ui::network::Settings,
    #[serde(skip)]
    pub table_filter: String,
    #[serde(skip)]
    pub search: String,
    /// The id of the selected entity.
    #[serde(skip)]
    pub selected: Option<String>,
    /// The details panel is editing the selected entity.
    #[serde(skip)]
    pub editing: bool,
    /// The ecosystem as of this year (the year control); `None` shows every year at once.
    #[serde(skip)]
    pub year: Option<i32>,
    pub problems_open: bool,
    /// The entity list and the details panel are hidden: the view has the whole window.
    pub side_panels_hidden: bool,
    /// Light, dark, or as the system is.
    pub theme: ThemeChoice,
    /// The file open when the app last closed (none: the built-in model), opened at start.
    pub last_file: Option<PathBuf>,
    /// The folder a file was last chosen in: the file chooser starts there.
    pub last_folder: Option<PathBuf>,
}

impl UiState {
    /// The settings of a first start: the interface in Chinese when the system's language is
    /// Chinese (or unknown), in English otherwise.
    pub fn first_start(locale: Option<String>) -> Self {
        let lang = match locale {
            Some(locale) if !locale.to_lowercase().starts_with("zh") => Lang::En,
            _ => Lang::Zh,
        };
        Self {
            lang,
            ..Self::default()
        }
    }
}

/// The views the centre of the window can show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum CentralView {
    #[default]
    Overview,
    Network,
    Table,
    Timeline,
}

/// Runtime resources: never saved.
#[derive(Default)]
struct Runtime {
    /// The network's big meshes are drawn through the GPU from this many vertices on; none
    /// without a wgpu device.
    gpu_network: Option<usize>,
    /// A native file dialog running on its own thread, and what the file is for.
    choosing: Option<(ui::file_chooser::Purpose, Task<choose::NativeAnswer>)>,
    /// Townscope's own file chooser, where there is no native one.
    file_chooser: ui::file_chooser::FileChooser,
    /// A native dialog could not be shown: every file is chosen in the own chooser.
    native_dialogs_missing: bool,
    /// A spreadsheet being read on a worker thread, then shown for the user to decide.
    importing: Option<Task<Result<crate::context::ImportPreview, crate::io::import::ImportError>>>,
    import_preview: Option<crate::context::ImportPreview>,
    /// A workbook, table or graph file being written on a worker thread.
    exporting_file: Option<Task<(PathBuf, Result<(), String>)>>,
    /// What waits for the answer to "save the changes first?".
    guard: Option<Pending>,
    /// What to do once a save started from that question has succeeded.
    after_save: Option<Pending>,
    /// The user chose to discard unsaved changes and close.
    allow_close: bool,
    /// Where recovery copies go; none in tests unless they ask.
    recovery: Option<recovery::Recovery>,
    /// The differences from another file, while they are listed.
    comparison: Option<Comparison>,
    /// A comparison being worked out: the file read and compared on a worker thread.
    comparing: Option<Task<Result<Comparison, FileError>>>,
    /// A recovery copy found at start, offered until restored or discarded.
    recovered: Option<recovery::Found>,
    /// A file being read and checked on a worker thread.
    opening: Option<Opening>,
    /// What went wrong (a file that did not load, a save or an export that failed), shown
    /// until dismissed.
    trouble: Option<Trouble>,
    /// A one-line message for the status bar.
    notice: Option<Notice>,
    about_open: bool,
    shown_title: String,
    history: History,
    /// Graph metrics of the open model, computed off the UI thread.
    metrics: Option<jobs::MetricsJob>,
    /// The network layout, started the first time the network is shown.
    layout: Option<jobs::LayoutJob>,
    network: ui::network::NetworkState,
    table: ui::table::TableCache,
    /// Finding entities, for every panel (keys kept per document revision).
    /// (Shared, so a frame's context can hold it while the panels change the rest.)
    search: std::rc::Rc<crate::context::search::EntitySearch>,
    browser: ui::browser::BrowserState,
    editor: ui::entity_editor::EditorState,
    indicators: ui::indicator_editor::IndicatorEditor,
    model_editor: ui::model_editor::ModelEditor,
    timebar: ui::timebar::TimeBar,
    timeline: ui::timeline::TimelineState,
    palette: ui::palette::Palette,
    /// The list of shortcuts (F1).
    shortcuts_open: bool,
    story: ui::story::StoryEditor,
    presentation: Option<present::Presentation>,
    /// Export view as PNG: the screenshot on its way.
    pending_picture: Option<picture::PendingPicture>,
    /// Export view as PNG: the view being drawn again off screen, at twice the density.
    drawing_picture: Option<picture::DrawingPicture>,
    /// Pictures for a slide deck are being drawn: a slide shows its view alone, as the deck
    /// writes the title and caption as text of its own.
    deck_pictures: bool,
    /// Export slides: the folder and the rendering, on a worker thread.
    exporting_slides: Option<Task<SlidesWritten>>,
    /// Where the centre of the window was last frame (what Export view pictures).
    central_rect: Option<egui::Rect>,
    /// For starting work that asks for a repaint when it finishes.
    ctx: egui::Context,
}

/// The folder slides went to and how many, or why they could not be made.
type SlidesWritten = Result<(PathBuf, usize), headless::ExportError>;

/// A file being opened: its name (for the status bar) and the worker's answer.
struct Opening {
    name: String,
    task: Task<(PathBuf, Result<Document, FileError>)>,
}

/// An action that would drop unsaved changes, held until the user says what to do with them.
#[derive(Clone, Debug, PartialEq)]
enum Pending {
    Close,
    Open(PathBuf),
    OpenEmbedded,
    OpenDialog,
    NewModel,
    /// The previewed spreadsheet as a model of its own.
    OpenImport,
}

/// The way back and forward through the entities the user has selected, as in a browser.
#[derive(Default)]
pub struct History {
    back: Vec<String>,
    forward: Vec<String>,
}

impl History {
    /// Selecting something new makes the old selection the way back and forgets the way forward.
    fn visit(&mut self, from: Option<String>, to: &str) {
        if let Some(from) = from.filter(|f| f != to) {
            self.back.push(from);
            self.forward.clear();
        }
    }

    fn clear(&mut self) {
        self.back.clear();
        self.forward.clear();
    }
}

pub struct TownscopeApp {
    pub doc: Document,
    pub state: UiState,
    runtime: Runtime,
}

const STORAGE_KEY: &str = "townscope";

impl TownscopeApp {
    /// The app on the embedded Yunqi model, or on `file` if given (falling back to the
    /// embedded model, with the error shown, if it does not load).
    pub fn new(cc: &eframe::CreationContext<'_>, file: Option<&Path>) -> Self {
        let mut app = Self::from_storage(&cc.egui_ctx, cc.storage, file);
        if let Some(recovery) = recovery::Recovery::in_data_folder() {
            app.use_recovery(recovery);
        }
        if let Some(render_state) = &cc.wgpu_render_state {
            // eframe's renderer dithers by default (`NativeOptions::dithering`).
            app.use_gpu_network(render_state, true, ui::network::gpu::DEFAULT_MIN_VERTICES);
        }
        app
    }

    /// Draws the network's meshes of at least `min_vertices` vertices through the GPU of
    /// `render_state` (a renderer without multisampling or depth buffer, dithering as given).
    pub fn use_gpu_network(
        &mut self,
        render_state: &eframe::egui_wgpu::RenderState,
        dithering: bool,
        min_vertices: usize,
    ) {
        ui::network::gpu::install(render_state, dithering);
        self.runtime.gpu_network = Some(min_vertices);
    }

    /// The GPU path's choice without a device: for measuring the CPU side of a frame that draws
    /// through it (nothing is drawn).
    pub fn pretend_gpu_network(&mut self, min_vertices: usize) {
        self.runtime.gpu_network = Some(min_vertices);
    }

    /// The app with the settings `storage` remembers (none: the first start, in the system's
    /// language); unreadable settings give the defaults and a note saying so.
    pub fn from_storage(
        ctx: &egui::Context,
        storage: Option<&dyn eframe::Storage>,
        file: Option<&Path>,
    ) -> Self {
        let (state, unreadable) = match storage.and_then(|s| s.get_string(STORAGE_KEY)) {
            Some(text) => match ron::from_str::<UiState>(&text) {
                Ok(state) => (state, false),
                Err(_) => (UiState::first_start(sys_locale::get_locale()), true),
            },
            None => (UiState::first_start(sys_locale::get_locale()), false),
        };
        // The file last open comes back, if it is still there and no other was asked for.
        let last = state.last_file.clone().filter(|path| path.is_file());
        let mut app = Self::with_state(ctx, state, file.or(last.as_deref()));
        if unreadable {
            app.runtime.notice = Some(Notice::SettingsUnreadable);
        }
        app
    }

    /// Writes recovery copies with `recovery`, and offers the one it holds from an earlier run.
    pub fn use_recovery(&mut self, recovery: recovery::Recovery) {
        self.runtime.recovered = recovery.find();
        self.runtime.recovery = Some(recovery);
    }

    /// Whether a recovery copy from an earlier run is being offered.
    pub fn is_offering_recovery(&self) -> bool {
        self.runtime.recovered.is_some()
    }

    /// The app without eframe's storage (tests, benchmarks).
    pub fn with_state(ctx: &egui::Context, state: UiState, file: Option<&Path>) -> Self {
        fonts::install(ctx);
        style::apply(ctx);
        ctx.set_theme(state.theme.preference());
        // Ctrl+= / Ctrl+- / Ctrl+0 are commands of our own list (menu, palette, F1), not egui's.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        let mut runtime = Runtime {
            ctx: ctx.clone(),
            ..Runtime::default()
        };
        let embedded = match io::embedded_yunqi() {
            Ok(model) => Document::new(model, Origin::Embedded),
            Err(error) => {
                // Only a broken build can get here; show it rather than crash.
                runtime.trouble = Some(Trouble::Load(error));
                Document::new(
                    crate::model::Model::new(crate::model::Text::new("空模型", "Empty model")),
                    Origin::Embedded,
                )
            }
        };
        let mut app = Self {
            doc: embedded,
            state,
            runtime,
        };
        app.runtime.metrics = Some(jobs::MetricsJob::start(Arc::clone(app.doc.graph()), ctx));
        if let Some(path) = file {
            app.open_path(path);
        }
        if app.state.selected.is_none() {
            app.state.selected = app.doc.model().focus.clone();
        }
        app
    }

    /// Whether the command palette is showing.
    pub fn is_palette_open(&self) -> bool {
        self.runtime.palette.is_open()
    }

    /// The timeline as it was last drawn.
    pub fn timeline(&self) -> &ui::timeline::TimelineState {
        &self.runtime.timeline
    }

    /// The open document, to read.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The network view as it was last drawn.
    pub fn network(&self) -> &ui::network::NetworkState {
        &self.runtime.network
    }

    /// The network draws its next frame from nothing, not from what it kept (tests compare
    /// the two).
    pub fn redraw_network_from_nothing(&mut self) {
        self.runtime.network.forget_drawn();
    }

    /// Stops computing the metrics of the open model (benchmarks that measure something else).
    pub fn stop_metrics(&mut self) {
        self.runtime.metrics = None;
    }

    /// Puts a finished layout in place of the force layout's work (benchmarks, tests).
    pub fn set_settled_layout(&mut self, positions: Vec<crate::layout::Point>) {
        self.runtime.layout = Some(jobs::LayoutJob::settled(positions));
    }

    /// Draws the network from `layout` and `camera`, with `metrics`, as another window of this
    /// model did (a picture of that window's view); what is `None` is worked out here.
    pub fn show_as_drawn(
        &mut self,
        layout: Option<Arc<Vec<crate::layout::Point>>>,
        camera: ui::network::Camera,
        metrics: Option<Arc<crate::model::Metrics>>,
    ) {
        if let Some(positions) = layout {
            self.runtime.layout = Some(jobs::LayoutJob::settled_at(positions));
        }
        if let Some(metrics) = metrics {
            self.runtime.metrics = Some(jobs::MetricsJob::Ready(metrics));
        }
        let selected = self
            .state
            .selected
            .as_deref()
            .and_then(|id| self.doc.index().get(id));
        self.runtime.network.keep_camera(camera, selected);
    }

    /// Whether the network layout has been started and has settled.
    pub fn layout_settled(&self) -> bool {
        // The places and kinds are laid out at once; the force layout, by its worker.
        self.runtime.network.is_ready()
            && self
                .runtime
                .layout
                .as_ref()
                .is_none_or(jobs::LayoutJob::is_settled)
    }

    /// The metrics of the open model once the worker has computed them.
    pub fn metrics(&self) -> Option<&crate::model::Metrics> {
        self.runtime
            .metrics
            .as_ref()
            .and_then(jobs::MetricsJob::ready)
    }

    /// Writes what is remembered between runs (eframe calls this now and then, and at exit).
    pub fn save_settings(&mut self, storage: &mut dyn eframe::Storage) {
        self.state.last_file = match &self.doc.origin() {
            Origin::File(path) => Some(path.clone()),
            Origin::Embedded | Origin::New => None,
        };
        eframe::set_value(storage, STORAGE_KEY, &self.state);
    }
}

/// Opens the window on `file`, or on the embedded Yunqi model.
pub fn run(file: Option<PathBuf>) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Townscope")
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([960.0, 600.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Townscope",
        options,
        Box::new(move |cc| Ok(Box::new(TownscopeApp::new(cc, file.as_deref())))),
    )
}
