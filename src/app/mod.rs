//! The eframe application: owns the document, the UI state and the runtime resources, lays out
//! the panels, and applies the commands they ask for — once, after the UI of each frame.

pub mod headless;
pub mod jobs;
mod picture;
mod present;

pub use crate::context::{
    AppCommand, Command, CommandGroup, Comparison, ThemeChoice, UnsavedAnswer, Work, WorkShown,
    shortcut_text,
};
use crate::io::recovery;
use crate::ui::{fonts, style};

use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};

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
    /// Light, dark, or as the system is.
    pub theme: ThemeChoice,
    /// The file open when the app last closed (none: the built-in model), opened at start.
    pub last_file: Option<PathBuf>,
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
    /// The answer of a save dialog running on its own thread.
    pending_save_as: Option<mpsc::Receiver<Option<PathBuf>>>,
    /// What waits for the answer to "save the changes first?".
    guard: Option<Pending>,
    /// What to do once a save started from that question has succeeded.
    after_save: Option<Pending>,
    /// The user chose to discard unsaved changes and close.
    allow_close: bool,
    /// Why the last save failed, shown until dismissed.
    save_error: Option<String>,
    /// Where recovery copies go; none in tests unless they ask.
    recovery: Option<recovery::Recovery>,
    /// The differences from another file, while they are listed.
    comparison: Option<Comparison>,
    /// A comparison being worked out: the file chosen, read and compared on a worker thread.
    comparing: Option<mpsc::Receiver<Option<Result<Comparison, FileError>>>>,
    /// A recovery copy found at start, offered until restored or discarded.
    recovered: Option<recovery::Found>,
    /// A file being read and checked on a worker thread.
    opening: Option<Opening>,
    /// The answer of a native file dialog running on its own thread.
    pending_dialog: Option<mpsc::Receiver<Option<PathBuf>>>,
    /// A file that failed to load, shown until dismissed.
    load_error: Option<FileError>,
    /// A one-line message for the status bar.
    notice: Option<String>,
    about_open: bool,
    shown_title: String,
    history: History,
    /// Graph metrics of the open model, computed off the UI thread.
    metrics: Option<jobs::MetricsJob>,
    /// The network layout, started the first time the network is shown.
    layout: Option<jobs::LayoutJob>,
    network: ui::network::NetworkState,
    table: ui::table::TableCache,
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
    /// Export view as PNG: the dialog's answer, then the screenshot on its way.
    pending_picture_dialog: Option<mpsc::Receiver<Option<PathBuf>>>,
    pending_picture: Option<picture::PendingPicture>,
    /// Export view as PNG: the view being drawn again off screen, at twice the density.
    drawing_picture: Option<picture::DrawingPicture>,
    /// Export slides: the folder and the rendering, on a worker thread.
    #[allow(clippy::type_complexity)]
    exporting_slides: Option<mpsc::Receiver<Option<Result<(PathBuf, usize), String>>>>,
    /// Where the centre of the window was last frame (what Export view pictures).
    central_rect: Option<egui::Rect>,
    /// For starting work that asks for a repaint when it finishes.
    ctx: egui::Context,
}

/// A file being opened: its name (for the status bar) and the worker's answer.
struct Opening {
    name: String,
    result: mpsc::Receiver<(PathBuf, Result<Document, FileError>)>,
}

/// An action that would drop unsaved changes, held until the user says what to do with them.
#[derive(Clone, Debug, PartialEq)]
enum Pending {
    Close,
    Open(PathBuf),
    OpenEmbedded,
    OpenDialog,
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
        app
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
            app.runtime.notice = Some(strings(app.state.lang).settings_unreadable.to_owned());
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

    fn restore(&mut self, restore: bool) {
        let Some(found) = self.runtime.recovered.take() else {
            return;
        };
        // Restored, the changes are this instance's (its own copy is written next frame);
        // thrown away, they are gone. Either way the old copy goes.
        if let Some(recovery) = &self.runtime.recovery {
            recovery.forget(&found);
        }
        if restore {
            let mut doc = Document::new(found.model, found.origin);
            doc.forget_saved();
            self.replace_document(doc);
        }
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
                runtime.load_error = Some(error);
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

    /// Loads a file; on failure the open model stays and the error is shown.
    pub fn open_path(&mut self, path: &Path) {
        match io::load_file(path) {
            Ok(model) => {
                self.replace_document(Document::new(model, Origin::File(path.to_path_buf())));
                self.remember_recent(path);
                self.runtime.load_error = None;
                self.runtime.notice = None;
            }
            Err(error) => self.runtime.load_error = Some(error),
        }
    }

    /// Reads, checks and indexes a file on a worker thread (a 100k-entity model takes seconds);
    /// the open model stays usable until the new one is ready.
    pub fn start_open(&mut self, path: PathBuf) {
        let name = Origin::File(path.clone()).display_name();
        let (sender, receiver) = mpsc::channel();
        let ctx = self.runtime.ctx.clone();
        std::thread::spawn(move || {
            let result =
                io::load_file(&path).map(|model| Document::new(model, Origin::File(path.clone())));
            let _ = sender.send((path, result));
            ctx.request_repaint();
        });
        self.runtime.opening = Some(Opening {
            name,
            result: receiver,
        });
    }

    /// Compares the open model with `file` (or, without one, with a file the user picks), on a
    /// worker thread: the file is the older version, the open model the newer.
    pub fn start_compare(&mut self, file: Option<PathBuf>) {
        let current = self.doc.model().clone();
        let (sender, receiver) = mpsc::channel();
        let ctx = self.runtime.ctx.clone();
        std::thread::spawn(move || {
            let path = file.or_else(|| {
                rfd::FileDialog::new()
                    .add_filter("Townscope model (.ron)", &["ron"])
                    .pick_file()
            });
            let result = path.map(|path| {
                io::load_file(&path).map(|older| Comparison {
                    file: Origin::File(path.clone()).display_name(),
                    changes: crate::model::diff::diff(&older, &current),
                })
            });
            let _ = sender.send(result);
            ctx.request_repaint();
        });
        self.runtime.comparing = Some(receiver);
    }

    fn poll_compare(&mut self) {
        let Some(receiver) = &self.runtime.comparing else {
            return;
        };
        match receiver.try_recv() {
            Ok(Some(Ok(comparison))) => {
                self.runtime.comparing = None;
                self.runtime.comparison = Some(comparison);
            }
            Ok(Some(Err(error))) => {
                self.runtime.comparing = None;
                self.runtime.load_error = Some(error);
            }
            Ok(None) | Err(mpsc::TryRecvError::Disconnected) => {
                self.runtime.comparing = None;
                self.runtime.notice = Some(strings(self.state.lang).no_file_chosen.to_owned());
            }
            Err(mpsc::TryRecvError::Empty) => {}
        }
    }

    /// Whether a comparison is being worked out.
    pub fn is_comparing(&self) -> bool {
        self.runtime.comparing.is_some()
    }

    /// The differences listed, if any.
    pub fn comparison(&self) -> Option<&Comparison> {
        self.runtime.comparison.as_ref()
    }

    /// The long work under way, for the status bar.
    pub fn work_shown(&self) -> Vec<WorkShown> {
        let s = strings(self.state.lang);
        let mut shown = Vec::new();
        if let Some(Opening { name, .. }) = &self.runtime.opening {
            shown.push(WorkShown {
                work: Work::Opening,
                what: format!("{} {name}…", s.opening),
                progress: None,
            });
        }
        if let Some(progress) = self
            .runtime
            .metrics
            .as_ref()
            .and_then(jobs::MetricsJob::progress)
        {
            shown.push(WorkShown {
                work: Work::Metrics,
                what: s.computing_metrics.to_owned(),
                progress: Some(progress),
            });
        }
        if self
            .runtime
            .layout
            .as_ref()
            .is_some_and(|layout| !layout.is_settled())
        {
            shown.push(WorkShown {
                work: Work::Layout,
                what: s.computing_layout.to_owned(),
                progress: None,
            });
        }
        shown
    }

    /// Stops `work`: the UI drops its result; a layout stays where it has got to.
    fn cancel(&mut self, work: Work) {
        let s = strings(self.state.lang);
        match work {
            Work::Opening => {
                self.runtime.opening = None;
                self.runtime.notice = Some(s.cancelled.to_owned());
            }
            Work::Metrics => {
                // Dropping the job stops its workers.
                self.runtime.metrics = Some(jobs::MetricsJob::Failed);
                self.runtime.notice = Some(s.metrics_cancelled.to_owned());
            }
            Work::Layout => {
                if let Some(layout) = &mut self.runtime.layout {
                    layout.stop();
                }
            }
        }
    }

    /// Whether a file is being opened.
    pub fn is_opening(&self) -> bool {
        self.runtime.opening.is_some()
    }

    fn poll_open(&mut self) {
        let Some(Opening {
            result: receiver, ..
        }) = &self.runtime.opening
        else {
            return;
        };
        match receiver.try_recv() {
            Ok((path, Ok(doc))) => {
                self.runtime.opening = None;
                self.replace_document(doc);
                self.remember_recent(&path);
                self.runtime.load_error = None;
                self.runtime.notice = None;
            }
            Ok((_, Err(error))) => {
                self.runtime.opening = None;
                self.runtime.notice = None;
                self.runtime.load_error = Some(error);
            }
            Err(mpsc::TryRecvError::Disconnected) => {
                self.runtime.opening = None;
                self.runtime.notice = None;
            }
            Err(mpsc::TryRecvError::Empty) => {}
        }
    }

    /// Does `action` now, or first asks what to do with unsaved changes.
    fn guarded(&mut self, ctx: &egui::Context, action: Pending) {
        if self.doc.is_modified() {
            self.runtime.guard = Some(action);
        } else {
            self.perform(ctx, action);
        }
    }

    fn perform(&mut self, ctx: &egui::Context, action: Pending) {
        match action {
            Pending::Close => {
                self.runtime.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Pending::Open(path) => self.start_open(path),
            Pending::OpenEmbedded => self.open_embedded(),
            Pending::OpenDialog => self.start_open_dialog(ctx),
        }
    }

    fn answer_unsaved(&mut self, ctx: &egui::Context, answer: UnsavedAnswer) {
        let Some(action) = self.runtime.guard.take() else {
            return;
        };
        match answer {
            UnsavedAnswer::Cancel => {}
            UnsavedAnswer::Discard => {
                if let Some(recovery) = &mut self.runtime.recovery {
                    recovery.discard(self.doc.revision());
                }
                self.perform(ctx, action);
            }
            UnsavedAnswer::Save => {
                if matches!(self.doc.origin(), Origin::Embedded) {
                    self.runtime.after_save = Some(action);
                    self.start_save_as();
                } else if self.save() {
                    self.perform(ctx, action);
                }
            }
        }
    }

    /// The question shown while an action waits on unsaved changes.
    pub fn is_asking_to_save(&self) -> bool {
        self.runtime.guard.is_some()
    }

    /// Applies an edit to the document; restarts the metrics and the layout if the graph changed.
    fn edit(&mut self, edit: crate::edit::Edit) {
        self.change(|doc| {
            if let Err(error) = doc.apply(edit) {
                // Only a bug can build an edit that does not fit; say so rather than crash.
                return Some(error.to_string());
            }
            None
        });
    }

    /// Runs an edit, undo or redo. When the graph changed, the metrics start over and the layout
    /// restarts from where each entity was drawn (by id, since an edit can shift indices).
    fn change(&mut self, change: impl FnOnce(&mut Document) -> Option<String>) {
        let graph_before = Arc::clone(self.doc.graph());
        let drawn_before: Option<(Vec<String>, Arc<Vec<crate::layout::Point>>)> =
            self.runtime.layout.as_ref().and_then(|layout| {
                let positions = Arc::clone(layout.positions()?);
                let ids = self
                    .doc
                    .model()
                    .entities
                    .iter()
                    .map(|e| e.id.clone())
                    .collect();
                Some((ids, positions))
            });
        if let Some(notice) = change(&mut self.doc) {
            self.runtime.notice = Some(notice);
        }
        if Arc::ptr_eq(&graph_before, self.doc.graph()) {
            return;
        }
        self.runtime.metrics = Some(jobs::MetricsJob::start(
            Arc::clone(self.doc.graph()),
            &self.runtime.ctx,
        ));
        self.runtime.layout = drawn_before.map(|(ids, positions)| {
            let before: rustc_hash::FxHashMap<&str, usize> = ids
                .iter()
                .enumerate()
                .map(|(i, id)| (id.as_str(), i))
                .collect();
            let known = self
                .doc
                .model()
                .entities
                .iter()
                .map(|e| {
                    before
                        .get(e.id.as_str())
                        .and_then(|&i| positions.get(i).copied())
                })
                .collect();
            jobs::LayoutJob::start(
                Arc::clone(self.doc.graph()),
                self.doc.pins().to_vec(),
                known,
                &self.runtime.ctx,
            )
        });
    }

    /// Saves to the open file (or asks where, for the built-in model). Returns whether it saved.
    pub fn save(&mut self) -> bool {
        match self.doc.origin().clone() {
            Origin::File(path) => self.save_to(&path),
            Origin::Embedded => {
                self.start_save_as();
                false
            }
        }
    }

    /// Saves to `path` atomically, keeping the previous version as `.bak`. On failure the model
    /// stays, marked unsaved, and the reason is shown.
    pub fn save_to(&mut self, path: &Path) -> bool {
        match io::save(path, self.doc.model()) {
            Ok(()) => {
                self.doc.mark_saved(Origin::File(path.to_path_buf()));
                if let Some(recovery) = &mut self.runtime.recovery {
                    recovery.clear();
                }
                self.remember_recent(path);
                let s = strings(self.state.lang);
                let mut notice = format!("{} {}", s.saved_to, path.display());
                if self.doc.error_count() > 0 {
                    notice.push_str(s.saved_with_problems);
                }
                self.runtime.notice = Some(notice);
                true
            }
            Err(error) => {
                self.runtime.save_error = Some(crate::i18n::save_error(&error, self.state.lang));
                false
            }
        }
    }

    /// The reason the last save failed, while it is shown.
    pub fn save_error(&self) -> Option<&str> {
        self.runtime.save_error.as_deref()
    }

    fn start_save_as(&mut self) {
        if self.runtime.pending_save_as.is_some() {
            return;
        }
        let name = match &self.doc.origin() {
            Origin::File(path) => path
                .file_name()
                .map_or_else(|| "model.ron".into(), |n| n.to_string_lossy().into_owned()),
            Origin::Embedded => "yunqi.ron".to_owned(),
        };
        let (sender, receiver) = mpsc::channel();
        let ctx = self.runtime.ctx.clone();
        std::thread::spawn(move || {
            let picked = rfd::FileDialog::new()
                .add_filter("Townscope model (.ron)", &["ron"])
                .set_file_name(name)
                .save_file();
            let _ = sender.send(picked);
            ctx.request_repaint();
        });
        self.runtime.pending_save_as = Some(receiver);
    }

    fn poll_save_as(&mut self, ctx: &egui::Context) {
        let Some(receiver) = &self.runtime.pending_save_as else {
            return;
        };
        match receiver.try_recv() {
            Ok(Some(mut path)) => {
                self.runtime.pending_save_as = None;
                if path.extension().is_none() {
                    path.set_extension("ron");
                }
                if self.save_to(&path)
                    && let Some(action) = self.runtime.after_save.take()
                {
                    self.perform(ctx, action);
                }
            }
            Ok(None) | Err(mpsc::TryRecvError::Disconnected) => {
                self.runtime.pending_save_as = None;
                self.runtime.after_save = None;
                self.runtime.notice = Some(strings(self.state.lang).no_file_chosen.to_owned());
            }
            Err(mpsc::TryRecvError::Empty) => {}
        }
    }

    fn open_embedded(&mut self) {
        match io::embedded_yunqi() {
            Ok(model) => self.replace_document(Document::new(model, Origin::Embedded)),
            Err(error) => self.runtime.load_error = Some(error),
        }
    }

    /// Puts a newly opened model in place: selection, history and metrics start afresh.
    pub fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        // The old document's copy (if any) was saved or discarded before it was replaced.
        if let Some(recovery) = &mut self.runtime.recovery {
            recovery.new_document();
        }
        self.state.selected = self.doc.model().focus.clone();
        self.runtime.history.clear();
        self.runtime.metrics = Some(jobs::MetricsJob::start(
            Arc::clone(self.doc.graph()),
            &self.runtime.ctx,
        ));
        self.runtime.layout = None;
        self.runtime.network = ui::network::NetworkState::default();
        // Focus and sectors name entities and sectors of the old model.
        self.state.network.filter.focus = None;
        self.state.network.filter.sectors.clear();
    }

    /// Whether the command palette is showing.
    pub fn is_palette_open(&self) -> bool {
        self.runtime.palette.is_open()
    }

    /// The timeline as it was last drawn.
    pub fn timeline(&self) -> &ui::timeline::TimelineState {
        &self.runtime.timeline
    }

    /// The network view as it was last drawn.
    pub fn network(&self) -> &ui::network::NetworkState {
        &self.runtime.network
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
        self.runtime
            .layout
            .as_ref()
            .is_some_and(jobs::LayoutJob::is_settled)
    }

    /// The metrics of the open model once the worker has computed them.
    pub fn metrics(&self) -> Option<&crate::model::Metrics> {
        self.runtime
            .metrics
            .as_ref()
            .and_then(jobs::MetricsJob::ready)
    }

    fn remember_recent(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        self.state.recent.retain(|p| p != &path);
        self.state.recent.insert(0, path);
        self.state.recent.truncate(MAX_RECENT);
    }

    /// The error currently shown for a file that did not load, if any.
    pub fn load_error(&self) -> Option<&FileError> {
        self.runtime.load_error.as_ref()
    }

    fn start_open_dialog(&mut self, ctx: &egui::Context) {
        if self.runtime.pending_dialog.is_some() {
            return;
        }
        let (sender, receiver) = mpsc::channel();
        let ctx = ctx.clone();
        // The native dialog blocks its thread until the user answers, so it gets its own.
        std::thread::spawn(move || {
            let picked = rfd::FileDialog::new()
                .add_filter("Townscope model (.ron)", &["ron"])
                .pick_file();
            let _ = sender.send(picked);
            ctx.request_repaint();
        });
        self.runtime.pending_dialog = Some(receiver);
    }

    fn poll_dialog(&mut self) {
        let Some(receiver) = &self.runtime.pending_dialog else {
            return;
        };
        match receiver.try_recv() {
            Ok(Some(path)) => {
                self.runtime.pending_dialog = None;
                self.start_open(path);
            }
            Ok(None) | Err(mpsc::TryRecvError::Disconnected) => {
                self.runtime.pending_dialog = None;
                self.runtime.notice = Some(strings(self.state.lang).no_file_chosen.to_owned());
            }
            Err(mpsc::TryRecvError::Empty) => {}
        }
    }

    fn apply(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::App(AppCommand::Open) => self.guarded(ctx, Pending::OpenDialog),
            Command::App(AppCommand::CompareWith) => self.start_compare(None),
            Command::CloseComparison => self.runtime.comparison = None,
            Command::App(AppCommand::EditIndicators) => self.runtime.indicators.open = true,
            Command::App(AppCommand::EditModel) => self.runtime.model_editor.open = true,
            Command::SetYear(year) => self.state.year = year,
            Command::App(AppCommand::EditStory) => self.runtime.story.open = true,
            Command::App(AppCommand::ExportView) => self.start_export_view(),
            Command::App(AppCommand::ExportSlides) => self.start_export_slides(),
            Command::App(AppCommand::AddSlide) => self.add_slide(),
            Command::App(AppCommand::ShowOverview) => self.state.central = CentralView::Overview,
            Command::App(AppCommand::ShowNetwork) => self.state.central = CentralView::Network,
            Command::App(AppCommand::ShowTable) => self.state.central = CentralView::Table,
            Command::App(AppCommand::ShowTimeline) => self.state.central = CentralView::Timeline,
            Command::App(AppCommand::Find) => self.focus_search(ctx),
            Command::App(AppCommand::Palette) => self.runtime.palette.open_now(),
            Command::App(AppCommand::Shortcuts) => {
                self.runtime.shortcuts_open = !self.runtime.shortcuts_open;
            }
            Command::App(AppCommand::FitView) => {
                self.state.central = CentralView::Network;
                self.runtime.network.camera.fit_pending = true;
            }
            Command::App(AppCommand::ToggleYear) => {
                self.state.year = match self.state.year {
                    Some(_) => None,
                    None => self.doc.model().year_span().map(|(_, last)| last),
                };
            }
            Command::App(AppCommand::SwitchLanguage) => {
                self.state.lang = match self.state.lang {
                    Lang::Zh => Lang::En,
                    Lang::En => Lang::Zh,
                };
            }
            Command::App(AppCommand::ThemeSystem) => self.set_theme(ctx, ThemeChoice::System),
            Command::App(AppCommand::ThemeLight) => self.set_theme(ctx, ThemeChoice::Light),
            Command::App(AppCommand::ThemeDark) => self.set_theme(ctx, ThemeChoice::Dark),
            Command::App(AppCommand::ZoomIn) => egui::gui_zoom::zoom_in(ctx),
            Command::App(AppCommand::ZoomOut) => egui::gui_zoom::zoom_out(ctx),
            Command::App(AppCommand::ZoomReset) => ctx.set_zoom_factor(1.0),
            Command::ShowSlide(slide) => self.show_slide(ctx, slide),
            Command::PresentFrom(slide) => self.start_presenting(ctx, slide),
            Command::App(AppCommand::Present) => self.start_presenting(ctx, 0),
            Command::App(AppCommand::Quit) => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::App(AppCommand::Save) => {
                self.save();
            }
            Command::App(AppCommand::SaveAs) => self.start_save_as(),
            Command::App(AppCommand::Undo) => self.step_history(false),
            Command::App(AppCommand::Redo) => self.step_history(true),
            Command::Edit(edit) => self.edit(edit),
            Command::Unsaved(answer) => self.answer_unsaved(ctx, answer),
            Command::DismissSaveError => self.runtime.save_error = None,
            Command::SetEditing(on) => self.state.editing = on,
            Command::Restore(restore) => self.restore(restore),
            Command::App(AppCommand::ToggleProblems) => {
                self.state.problems_open = !self.state.problems_open;
            }
            Command::App(AppCommand::About) => self.runtime.about_open = true,
            Command::OpenPath(path) => self.guarded(ctx, Pending::Open(path)),
            Command::OpenEmbedded => self.guarded(ctx, Pending::OpenEmbedded),
            Command::SetLang(lang) => self.state.lang = lang,
            Command::Select(id) => {
                self.runtime.history.visit(self.state.selected.take(), &id);
                self.state.selected = Some(id);
            }
            Command::App(AppCommand::Back) => {
                if let Some(previous) = self.runtime.history.back.pop()
                    && let Some(current) = self.state.selected.replace(previous)
                {
                    self.runtime.history.forward.push(current);
                }
            }
            Command::App(AppCommand::Forward) => {
                if let Some(next) = self.runtime.history.forward.pop()
                    && let Some(current) = self.state.selected.replace(next)
                {
                    self.runtime.history.back.push(current);
                }
            }
            Command::Pin(entity, at) => {
                let s = strings(self.state.lang);
                let name = self
                    .doc
                    .model()
                    .entities
                    .get(entity)
                    .map(|e| e.name.get(self.state.lang.is_chinese()).to_owned())
                    .unwrap_or_default();
                if let Some(edit) = self
                    .doc
                    .pin_edit(entity, at, format!("{} {name}", s.verb_move))
                {
                    self.edit(edit);
                    if let Some(layout) = &mut self.runtime.layout {
                        layout.set_position(entity, at);
                    }
                }
            }
            Command::Cancel(work) => self.cancel(work),
            Command::CloseAbout => self.runtime.about_open = false,
            Command::DismissError => self.runtime.load_error = None,
            Command::DismissNotice => self.runtime.notice = None,
        }
    }

    /// Writes what is remembered between runs (eframe calls this now and then, and at exit).
    pub fn save_settings(&mut self, storage: &mut dyn eframe::Storage) {
        self.state.last_file = match &self.doc.origin() {
            Origin::File(path) => Some(path.clone()),
            Origin::Embedded => None,
        };
        eframe::set_value(storage, STORAGE_KEY, &self.state);
    }

    /// The commands whose shortcuts were pressed this frame. Presenting, none: the keys drive
    /// the slides. While a text field has the keyboard, only those that mean nothing to text.
    fn shortcuts_pressed(&self, ctx: &egui::Context) -> Vec<Command> {
        if self.is_presenting() {
            return Vec::new();
        }
        let typing = ctx.egui_wants_keyboard_input();
        // Those with more modifiers first: Ctrl+Z also matches Ctrl+Shift+Z.
        let mut order = AppCommand::ALL;
        order.sort_by_key(|c| {
            std::cmp::Reverse(c.shortcut().map_or(0, |s| {
                usize::from(s.modifiers.shift) + usize::from(s.modifiers.alt)
            }))
        });
        order
            .iter()
            .filter(|c| !typing || c.works_while_typing())
            .filter(|c| {
                [c.shortcut(), c.other_shortcut()]
                    .into_iter()
                    .flatten()
                    .any(|s| ctx.input_mut(|i| i.consume_shortcut(&s)))
            })
            .map(|&c| Command::App(c))
            .collect()
    }

    /// Ctrl+F: the keyboard goes to the search field of what the window shows.
    fn focus_search(&mut self, ctx: &egui::Context) {
        let field = match self.state.central {
            CentralView::Network => ui::network::SEARCH_ID,
            CentralView::Table => ui::table::FILTER_ID,
            CentralView::Overview | CentralView::Timeline => ui::browser::SEARCH_ID,
        };
        ctx.memory_mut(|m| m.request_focus(egui::Id::unique(field)));
    }

    /// Undo (or redo) one step; a step that cannot apply stays, and the notice says why.
    fn step_history(&mut self, redo: bool) {
        let lang = self.state.lang;
        self.change(|doc| {
            let history = doc.history();
            let label = if redo {
                history.redo_label()
            } else {
                history.undo_label()
            };
            let label = label.unwrap_or_default().to_owned();
            let result = if redo { doc.redo() } else { doc.undo() };
            result
                .err()
                .map(|error| crate::i18n::history_failed(redo, &label, &error, lang))
        });
    }

    fn set_theme(&mut self, ctx: &egui::Context, choice: ThemeChoice) {
        self.state.theme = choice;
        ctx.set_theme(choice.preference());
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = format!(
            "{} — {}{} — Townscope",
            self.doc.model().name.get(self.state.lang.is_chinese()),
            crate::i18n::origin_name(self.doc.origin(), self.state.lang),
            if self.doc.is_modified() { " *" } else { "" }
        );
        if title != self.runtime.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.runtime.shown_title = title;
        }
    }

    fn dropped_files(&self, ctx: &egui::Context) -> Vec<PathBuf> {
        ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        })
    }
}

impl eframe::App for TownscopeApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.save_settings(storage);
    }
}

impl TownscopeApp {
    /// One frame of the whole window. Needs no `eframe::Frame`, so benchmarks can run it headless.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.poll_dialog();
        self.poll_open();
        self.poll_compare();
        self.poll_save_as(&ctx);
        self.poll_picture(&ctx);
        if let Some(recovery) = &mut self.runtime.recovery {
            if self.doc.is_modified() {
                let now = ctx.input(|i| i.time);
                let written = recovery.maybe_write(
                    self.doc.model(),
                    self.doc.origin(),
                    self.doc.revision(),
                    now,
                );
                if let recovery::Written::Failed {
                    first: true,
                    message,
                } = written
                {
                    let s = strings(self.state.lang);
                    self.runtime.notice = Some(format!("{} {message}", s.recovery_write_failed));
                }
                // Come back when the next copy is due, even if the user does nothing meanwhile.
                if recovery.is_behind(self.doc.revision()) {
                    ctx.request_repaint_after(recovery::DELAY);
                }
            } else if recovery.has_copy() {
                // Saved, or undone back to the saved state: nothing left to recover.
                recovery.clear();
            }
        }
        if ctx.input(|i| i.viewport().close_requested())
            && self.doc.is_modified()
            && !self.runtime.allow_close
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.runtime.guard = Some(Pending::Close);
        }
        if let Some(job) = &mut self.runtime.metrics {
            job.poll();
            if job.progress().is_some() {
                // Keep the progress bar moving; the worker's own repaint ends the wait.
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
            }
        }
        self.presentation_frame(&ctx);
        let mut commands = self.shortcuts_pressed(&ctx);
        commands.extend(self.dropped_files(&ctx).into_iter().map(Command::OpenPath));

        let mut view = ui::View::new(
            &self.doc,
            self.state.lang,
            self.state.selected.as_deref(),
            self.state.year,
            self.state.theme,
        );
        view.can_go_back = !self.runtime.history.back.is_empty();
        view.can_go_forward = !self.runtime.history.forward.is_empty();
        view.metrics = self
            .runtime
            .metrics
            .as_ref()
            .and_then(jobs::MetricsJob::ready);
        view.metrics_progress = self
            .runtime
            .metrics
            .as_ref()
            .and_then(jobs::MetricsJob::progress);
        // Presenting: no menus, panels or editing controls; the slide's caption below its view.
        let presenting = self
            .presentation()
            .map(|p| (p.slide, p.blank, p.high_contrast));
        view.presenting = presenting.is_some();
        if !view.presenting {
            egui::Panel::top("menu_bar").show(ui, |ui| {
                ui::menu::ui(ui, &view, &self.state.recent, &mut commands)
            });
            let work = self.work_shown();
            egui::Panel::bottom("status_bar").show(ui, |ui| {
                ui::status::ui(
                    ui,
                    &view,
                    self.runtime.notice.as_deref(),
                    &work,
                    &mut commands,
                );
            });
        }
        let compared: Vec<usize> = self
            .runtime
            .comparison
            .iter()
            .flat_map(|c| c.changes.iter())
            .filter_map(|change| change.entity().and_then(|id| self.doc.index().get(id)))
            .collect();
        view.compared = &compared;
        if !view.presenting {
            if let Some(comparison) = &self.runtime.comparison {
                egui::Panel::bottom("comparison")
                    .default_size(160.0)
                    .size_range(80.0..=400.0)
                    .resizable(true)
                    .show(ui, |ui| {
                        ui::status::comparison(ui, &view, comparison, &mut commands)
                    });
            }
            if self.state.problems_open {
                egui::Panel::bottom("problems")
                    .default_size(160.0)
                    .size_range(80.0..=400.0)
                    .resizable(true)
                    .show(ui, |ui| ui::status::problems(ui, &view, &mut commands));
            }
            egui::Panel::left("browser")
                .default_size(250.0)
                .size_range(180.0..=420.0)
                .resizable(true)
                .show(ui, |ui| {
                    ui::browser::ui(
                        ui,
                        &view,
                        &mut self.state.search,
                        &mut self.runtime.browser,
                        &mut commands,
                    )
                });
            egui::Panel::right("details")
                .default_size(380.0)
                .size_range(260.0..=600.0)
                .resizable(true)
                .show(ui, |ui| {
                    ui::details::ui(
                        ui,
                        &view,
                        self.state.editing,
                        &mut self.runtime.editor,
                        &mut commands,
                    )
                });
        }
        let mut overview_state = ui::overview::ChartChoice {
            indicator: self.state.chart_indicator.clone(),
            by_sector: self.state.bars_by_sector,
        };
        if let Some((slide, false, _)) = presenting {
            ui::present::caption(ui, &view, slide);
        }
        let slide_view = presenting
            .and_then(|(slide, _, _)| self.doc.model().story.get(slide))
            .map(|slide| slide.view);
        egui::CentralPanel::default().show(ui, |ui| {
            self.runtime.central_rect = Some(ui.max_rect());
            let s = view.s();
            if let Some((_, true, _)) = presenting {
                // Blanked: black, nothing else.
                ui.painter()
                    .rect_filled(ui.max_rect(), 0.0, egui::Color32::BLACK);
                return;
            }
            if !view.presenting {
                ui.horizontal(|ui| {
                    ui.selectable_value(&mut self.state.central, CentralView::Overview, s.overview);
                    ui.selectable_value(&mut self.state.central, CentralView::Network, s.network);
                    ui.selectable_value(&mut self.state.central, CentralView::Table, s.table);
                    ui.selectable_value(&mut self.state.central, CentralView::Timeline, s.timeline);
                    ui.separator();
                    ui::timebar::ui(ui, &view, &mut self.runtime.timebar, &mut commands);
                });
                ui.separator();
            }
            match slide_view {
                Some(crate::model::SlideView::Details) => {
                    let mut editor = ui::entity_editor::EditorState::default();
                    ui::details::ui(ui, &view, false, &mut editor, &mut commands);
                    return;
                }
                Some(crate::model::SlideView::Timeline) => {
                    ui::timeline::ui(ui, &view, &mut self.runtime.timeline, &mut commands);
                    return;
                }
                _ => {}
            }
            match self.state.central {
                CentralView::Overview => {
                    ui::overview::ui(ui, &view, &mut overview_state, &mut commands)
                }
                CentralView::Network => {
                    let layout = self.runtime.layout.get_or_insert_with(|| {
                        jobs::LayoutJob::start(
                            Arc::clone(self.doc.graph()),
                            self.doc.pins().to_vec(),
                            Vec::new(),
                            &ctx,
                        )
                    });
                    layout.poll();
                    let force = ui::network::ForceLayout {
                        positions: layout.positions(),
                        settled: layout.is_settled(),
                    };
                    ui::network::ui(
                        ui,
                        &view,
                        force,
                        &mut self.state.network,
                        &mut self.runtime.network,
                        &mut commands,
                    );
                }
                CentralView::Timeline => {
                    ui::timeline::ui(ui, &view, &mut self.runtime.timeline, &mut commands)
                }
                CentralView::Table => ui::table::ui(
                    ui,
                    &view,
                    &mut self.state.table_sort,
                    &mut self.state.table_filter,
                    &mut self.runtime.table,
                    &mut commands,
                ),
            }
        });
        if let Some(error) = &self.runtime.load_error {
            ui::dialogs::load_error(&ctx, error, self.state.lang, &mut commands);
        }
        if self.runtime.guard.is_some() {
            ui::dialogs::unsaved(&ctx, &self.doc, self.state.lang, &mut commands);
        }
        if self.runtime.story.open && !view.presenting {
            ui::story::window(&ctx, &view, &mut self.runtime.story, &mut commands);
        }
        if self.runtime.indicators.open {
            ui::indicator_editor::window(&ctx, &view, &mut self.runtime.indicators, &mut commands);
        }
        if self.runtime.model_editor.open {
            ui::model_editor::window(&ctx, &view, &mut self.runtime.model_editor, &mut commands);
        }
        if let Some(found) = &self.runtime.recovered {
            ui::dialogs::recovery(&ctx, found, self.state.lang, &mut commands);
        }
        if let Some(error) = &self.runtime.save_error {
            ui::dialogs::save_error(&ctx, error, self.state.lang, &mut commands);
        }
        if self.runtime.about_open {
            ui::dialogs::about(&ctx, &self.doc, self.state.lang, &mut commands);
        }
        if !view.presenting {
            if self.runtime.shortcuts_open {
                ui::shortcuts::window(&ctx, &view, &mut self.runtime.shortcuts_open);
            }
            ui::palette::ui(&ctx, &view, &mut self.runtime.palette, &mut commands);
        }
        self.state.chart_indicator = overview_state.indicator;
        self.state.bars_by_sector = overview_state.by_sector;

        for command in commands {
            self.apply(&ctx, command);
        }
        self.update_title(&ctx);
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
