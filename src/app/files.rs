//! Files: opening (on a worker thread), comparing, saving and Save As, the question before
//! unsaved changes are dropped, recent files, and files dropped on the window.

use super::*;
use crate::ui::file_chooser::Purpose;

impl TownscopeApp {
    /// Loads a file; on failure the open model stays and the error is shown.
    pub fn open_path(&mut self, path: &Path) {
        match io::load_file(path) {
            Ok(model) => {
                self.replace_document(Document::new(model, Origin::File(path.to_path_buf())));
                self.remember_recent(path);
                self.runtime.trouble = None;
                self.runtime.notice = None;
            }
            Err(error) => self.runtime.trouble = Some(Trouble::Load(error)),
        }
    }

    /// Reads, checks and indexes a file on a worker thread (a 100k-entity model takes seconds);
    /// the open model stays usable until the new one is ready.
    pub fn start_open(&mut self, path: PathBuf) {
        let name = Origin::File(path.clone()).display_name();
        let task = Task::spawn(&self.runtime.ctx, move || {
            let result =
                io::load_file(&path).map(|model| Document::new(model, Origin::File(path.clone())));
            (path, result)
        });
        self.runtime.opening = Some(Opening { name, task });
    }

    /// Compares the open model with `file` (or, without one, with a file the user picks), on a
    /// worker thread: the file is the older version, the open model the newer.
    pub fn start_compare(&mut self, file: Option<PathBuf>) {
        let Some(path) = file else {
            self.choose_file(Purpose::Compare);
            return;
        };
        let current = self.doc.model().clone();
        self.runtime.comparing = Some(Task::spawn(&self.runtime.ctx, move || {
            io::load_file(&path).map(|older| Comparison {
                file: Origin::File(path.clone()).display_name(),
                changes: crate::model::diff::diff(&older, &current),
            })
        }));
    }

    pub(super) fn poll_compare(&mut self) {
        match Task::finished(&mut self.runtime.comparing) {
            None => {}
            Some(Some(Ok(comparison))) => self.runtime.comparison = Some(comparison),
            Some(Some(Err(error))) => self.runtime.trouble = Some(Trouble::Load(error)),
            Some(None) => {}
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

    /// Whether a file is being opened.
    pub fn is_opening(&self) -> bool {
        self.runtime.opening.is_some()
    }

    pub(super) fn poll_open(&mut self) {
        let Some(opening) = &self.runtime.opening else {
            return;
        };
        let answer = match opening.task.poll() {
            task::Poll::Running => return,
            task::Poll::Done(answer) => Some(answer),
            task::Poll::Lost => None,
        };
        self.runtime.opening = None;
        self.runtime.notice = None;
        match answer {
            Some((path, Ok(doc))) => {
                self.replace_document(doc);
                self.remember_recent(&path);
                self.runtime.trouble = None;
            }
            Some((_, Err(error))) => self.runtime.trouble = Some(Trouble::Load(error)),
            None => {}
        }
    }

    /// Does `action` now, or first asks what to do with unsaved changes.
    pub(super) fn guarded(&mut self, ctx: &egui::Context, action: Pending) {
        if self.doc.is_modified() {
            self.runtime.guard = Some(action);
        } else {
            self.perform(ctx, action);
        }
    }

    pub(super) fn perform(&mut self, ctx: &egui::Context, action: Pending) {
        match action {
            Pending::Close => {
                self.runtime.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Pending::Open(path) => self.start_open(path),
            Pending::OpenEmbedded => self.open_embedded(),
            Pending::NewModel => self.new_model(),
            Pending::OpenImport => self.open_imported_model(),
            Pending::OpenDialog => self.start_open_dialog(),
        }
    }

    pub(super) fn answer_unsaved(&mut self, ctx: &egui::Context, answer: UnsavedAnswer) {
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
                if matches!(self.doc.origin(), Origin::Embedded | Origin::New) {
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

    /// Saves to the open file (or asks where, for the built-in model). Returns whether it saved.
    pub fn save(&mut self) -> bool {
        match self.doc.origin().clone() {
            Origin::File(path) => self.save_to(&path),
            Origin::Embedded | Origin::New => {
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
                self.runtime.notice = Some(Notice::Saved {
                    path: path.to_path_buf(),
                    with_problems: self.doc.error_count() > 0,
                });
                true
            }
            Err(error) => {
                self.runtime.trouble = Some(Trouble::Save(error));
                false
            }
        }
    }

    pub(super) fn start_save_as(&mut self) {
        self.choose_file(Purpose::SaveAs);
    }

    /// File → New model: an empty model, the model editor open on its one source to fill in.
    pub(super) fn new_model(&mut self) {
        self.replace_document(Document::new(crate::model::Model::blank(), Origin::New));
        self.runtime.model_editor.open_on_sources();
        self.runtime.trouble = None;
        self.runtime.notice = None;
    }

    pub(super) fn open_embedded(&mut self) {
        match io::embedded_yunqi() {
            Ok(model) => self.replace_document(Document::new(model, Origin::Embedded)),
            Err(error) => self.runtime.trouble = Some(Trouble::Load(error)),
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

    pub(super) fn remember_recent(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        self.state.recent.retain(|p| p != &path);
        self.state.recent.insert(0, path);
        self.state.recent.truncate(MAX_RECENT);
    }

    /// The error currently shown for a file that did not load, if any.
    pub fn load_error(&self) -> Option<&FileError> {
        match &self.runtime.trouble {
            Some(Trouble::Load(error)) => Some(error),
            _ => None,
        }
    }

    pub(super) fn start_open_dialog(&mut self) {
        self.choose_file(Purpose::Open);
    }

    pub(super) fn dropped_files(&self, ctx: &egui::Context) -> Vec<PathBuf> {
        ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        })
    }

    pub(super) fn restore(&mut self, restore: bool) {
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
}
