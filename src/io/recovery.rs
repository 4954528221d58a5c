//! Crash recovery with the promise editors like VS Code make: what you kept comes back, what you
//! threw away does not.
//!
//! Each running instance has its own copy, named by a session id, in the app's data folder:
//! `SESSION.ron` (the model), `SESSION.origin` (the file it belongs to) and `SESSION.lock`, which
//! the instance holds locked while it runs. Another instance never reads or deletes a copy whose
//! lock is held; a copy whose lock nobody holds was left by an instance that ended without saving
//! (a crash, a kill) and is offered at the next start — only when it differs from its file.
//!
//! The copy is written within [`DELAY`] of the last change (at most once per `DELAY`, however fast
//! the typing), and removed as soon as the document holds nothing the file lacks: saved,
//! discarded, closed unchanged, or undone back to its saved state.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::io::{self, Origin};
use crate::model::Model;

/// The origin written beside the copy of a new model not saved anywhere yet (no file is named
/// so: a path has a separator or an extension).
const NEW_ORIGIN: &str = "<new model>";

/// How soon after a change the copy holds it (and how often, at most, it is written).
pub const DELAY: Duration = Duration::from_secs(2);

/// One instance's copies and its claim on them.
pub struct Recovery {
    folder: PathBuf,
    session: String,
    /// Held locked while this instance runs: other instances leave our copy alone.
    lock: Option<File>,
    /// The document revision last written, and when (egui time, seconds).
    written: Option<(u64, f64)>,
    /// Whether a copy of ours is on disk.
    on_disk: bool,
    /// Writes stopped for this revision: its changes were discarded.
    discarded: Option<u64>,
    /// The last write failed (said once, until a write succeeds again).
    failing: bool,
}

/// A copy found at start, left by an instance that ended with unsaved changes.
#[derive(Clone, Debug)]
pub struct Found {
    pub model: Model,
    pub origin: Origin,
    /// When the copy was last written.
    pub written: Option<SystemTime>,
    session: String,
}

/// What a write of the copy came to.
#[derive(Debug, PartialEq, Eq)]
pub enum Written {
    /// Nothing to do: not due, unchanged, or discarded.
    Nothing,
    Written,
    /// The copy could not be written; said once (the first failure after a success).
    Failed {
        first: bool,
        message: String,
    },
}

impl Recovery {
    /// The app's data folder (`~/.local/share/townscope/recovery` on Linux), if the system has one.
    pub fn in_data_folder() -> Option<Self> {
        let dirs = directories::ProjectDirs::from("", "", "Townscope")?;
        let folder = dirs.data_dir().join("recovery");
        // Earlier versions kept one copy beside the settings: offer it like any orphan.
        let legacy = dirs.data_dir().join("recovery.ron");
        if legacy.is_file() && std::fs::create_dir_all(&folder).is_ok() {
            let _ = std::fs::rename(&legacy, folder.join("legacy.ron"));
            let _ = std::fs::rename(
                dirs.data_dir().join("recovery-origin.txt"),
                folder.join("legacy.origin"),
            );
        }
        Some(Self::in_folder(folder))
    }

    /// Copies in `folder`, for a new session of this process.
    pub fn in_folder(folder: PathBuf) -> Self {
        let nanos = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        // Two instances in one process (tests) still differ: a counter.
        static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let session = format!("{}-{nanos:x}-{n}", std::process::id());
        let mut recovery = Self {
            folder,
            session,
            lock: None,
            written: None,
            on_disk: false,
            discarded: None,
            failing: false,
        };
        recovery.claim();
        recovery
    }

    fn path(&self, session: &str, extension: &str) -> PathBuf {
        self.folder.join(format!("{session}.{extension}"))
    }

    /// Takes this session's lock (created on first need; a failure only means another instance
    /// could mistake our copy for an orphan, which `find` then still checks against its file).
    fn claim(&mut self) {
        if self.lock.is_some() || std::fs::create_dir_all(&self.folder).is_err() {
            return;
        }
        let path = self.path(&self.session, "lock");
        if let Ok(file) = File::create(&path)
            && file.try_lock().is_ok()
        {
            self.lock = Some(file);
        }
    }

    /// Writes the copy if the model changed since the last one and [`DELAY`] has passed since
    /// that write.
    pub fn maybe_write(
        &mut self,
        model: &Model,
        origin: &Origin,
        revision: u64,
        now: f64,
    ) -> Written {
        if self.discarded == Some(revision) {
            return Written::Nothing;
        }
        self.discarded = None;
        let due = self
            .written
            .is_none_or(|(written, at)| written != revision && now - at >= DELAY.as_secs_f64());
        if !due {
            return Written::Nothing;
        }
        self.written = Some((revision, now));
        match self.write(model, origin) {
            Ok(()) => {
                self.on_disk = true;
                self.failing = false;
                Written::Written
            }
            Err(error) => {
                let first = !self.failing;
                self.failing = true;
                Written::Failed {
                    first,
                    message: error.to_string(),
                }
            }
        }
    }

    /// Whether a change is waiting to be copied (the app comes back for it).
    pub fn is_behind(&self, revision: u64) -> bool {
        self.discarded != Some(revision) && self.written.is_none_or(|(w, _)| w != revision)
    }

    fn write(&mut self, model: &Model, origin: &Origin) -> Result<(), io::SaveError> {
        self.claim();
        if std::fs::create_dir_all(&self.folder).is_err() {
            return Err(io::SaveError::FolderMissing {
                file: self.path(&self.session, "ron").display().to_string(),
                folder: self.folder.display().to_string(),
            });
        }
        let text =
            io::to_canonical_string(model).map_err(|e| io::SaveError::Serialize(e.to_string()))?;
        let origin = match origin {
            Origin::File(path) => path.display().to_string(),
            Origin::Embedded => String::new(),
            Origin::New => NEW_ORIGIN.to_owned(),
        };
        // The origin first: a copy is never found without the file it belongs to.
        io::write_private(&self.path(&self.session, "origin"), origin.as_bytes())?;
        io::write_private(&self.path(&self.session, "ron"), text.as_bytes())
    }

    /// Copies left by instances that are no longer running, newest first, that hold changes
    /// their file lacks. Copies equal to their file are removed; running instances' are not
    /// touched.
    pub fn find_all(&self) -> Vec<Found> {
        let Ok(entries) = std::fs::read_dir(&self.folder) else {
            return Vec::new();
        };
        let mut found = Vec::new();
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(session) = name.strip_suffix(".ron") else {
                continue;
            };
            if session == self.session || self.is_running(session) {
                continue;
            }
            let Ok(model) = io::load_file(&entry.path()) else {
                continue;
            };
            let origin = std::fs::read_to_string(self.path(session, "origin")).unwrap_or_default();
            let origin = match origin.trim() {
                "" => Origin::Embedded,
                NEW_ORIGIN => Origin::New,
                path => Origin::File(PathBuf::from(path)),
            };
            let unchanged = match &origin {
                Origin::Embedded => io::embedded_yunqi().is_ok_and(|m| m == model),
                Origin::New => model == crate::model::Model::blank(),
                Origin::File(path) => io::load_file(path).is_ok_and(|m| m == model),
            };
            if unchanged {
                remove_session(&self.folder, session);
                continue;
            }
            let written = entry.metadata().and_then(|m| m.modified()).ok();
            found.push(Found {
                model,
                origin,
                written,
                session: session.to_owned(),
            });
        }
        found.sort_by_key(|f| std::cmp::Reverse(f.written));
        found
    }

    /// The newest copy to offer at start, if any.
    pub fn find(&self) -> Option<Found> {
        self.find_all().into_iter().next()
    }

    /// Whether the instance of `session` still runs: it holds the session's lock.
    fn is_running(&self, session: &str) -> bool {
        let Ok(file) = std::fs::OpenOptions::new()
            .write(true)
            .open(self.path(session, "lock"))
        else {
            // No lock file: a copy from before locks, or its lock was removed — not running.
            return false;
        };
        matches!(file.try_lock(), Err(std::fs::TryLockError::WouldBlock))
    }

    /// Removes our copy: the document holds nothing its file lacks.
    pub fn clear(&mut self) {
        self.written = None;
        if self.on_disk {
            remove_copy(&self.folder, &self.session);
            self.on_disk = false;
        }
    }

    /// The user discarded the changes: remove the copy and write none for this revision, even
    /// in the frames before the window closes or the next file opens.
    pub fn discard(&mut self, revision: u64) {
        self.clear();
        self.discarded = Some(revision);
    }

    /// Another document took the window's place: start afresh (revisions count anew).
    pub fn new_document(&mut self) {
        self.clear();
        self.discarded = None;
    }

    /// A copy found at start was restored (now ours, written again as ours) or thrown away:
    /// either way its old files go.
    pub fn forget(&self, found: &Found) {
        if !self.is_running(&found.session) {
            remove_session(&self.folder, &found.session);
        }
    }

    /// Whether a copy of ours is on disk.
    pub fn has_copy(&self) -> bool {
        self.on_disk
    }

    /// Where our copy is written.
    pub fn copy_path(&self) -> PathBuf {
        self.path(&self.session, "ron")
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }
}

impl Drop for Recovery {
    /// A clean end: the lock goes; a copy stays only if it holds unsaved changes (the app removes
    /// it otherwise before it ends).
    fn drop(&mut self) {
        if !self.on_disk {
            let _ = std::fs::remove_file(self.path(&self.session, "lock"));
        }
    }
}

fn remove_copy(folder: &Path, session: &str) {
    for extension in ["ron", "origin"] {
        let _ = std::fs::remove_file(folder.join(format!("{session}.{extension}")));
    }
}

fn remove_session(folder: &Path, session: &str) {
    remove_copy(folder, session);
    let _ = std::fs::remove_file(folder.join(format!("{session}.lock")));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_that_cannot_be_written_is_said_once() {
        let folder = tempfile::tempdir().expect("temp folder");
        // A file where the recovery folder should be: nothing can be written under it.
        let blocked = folder.path().join("not-a-folder");
        std::fs::write(&blocked, b"").expect("writes");
        let mut recovery = Recovery::in_folder(blocked);
        let model = Model::new(crate::model::Text::new("镇", "Town"));
        let first = recovery.maybe_write(&model, &Origin::Embedded, 1, 0.0);
        assert!(
            matches!(first, Written::Failed { first: true, .. }),
            "{first:?}"
        );
        let again = recovery.maybe_write(&model, &Origin::Embedded, 2, 5.0);
        assert!(
            matches!(again, Written::Failed { first: false, .. }),
            "{again:?}"
        );
    }

    #[test]
    fn a_discarded_revision_is_not_written_but_the_next_edit_is() {
        let folder = tempfile::tempdir().expect("temp folder");
        let mut recovery = Recovery::in_folder(folder.path().to_path_buf());
        let model = Model::new(crate::model::Text::new("镇", "Town"));
        assert_eq!(
            recovery.maybe_write(&model, &Origin::Embedded, 1, 0.0),
            Written::Written
        );
        recovery.discard(1);
        assert!(!recovery.copy_path().exists());
        assert_eq!(
            recovery.maybe_write(&model, &Origin::Embedded, 1, 10.0),
            Written::Nothing
        );
        assert!(!recovery.copy_path().exists());
        assert_eq!(
            recovery.maybe_write(&model, &Origin::Embedded, 2, 20.0),
            Written::Written
        );
    }
}
