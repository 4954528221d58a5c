//! Crash recovery: while there are unsaved changes, a copy of the model is written now and then
//! to the app's data folder; the next start offers it back. Saving or discarding removes it.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::io::{self, Origin};
use crate::model::Model;

/// How often a recovery copy is written while there are unsaved changes.
pub const INTERVAL: Duration = Duration::from_secs(60);

/// Where the copies go and when the last was written.
pub struct Recovery {
    folder: PathBuf,
    pub interval: Duration,
    /// The document revision last written, and when (egui time, seconds).
    written: Option<(u64, f64)>,
}

/// A copy found at start.
#[derive(Clone, Debug)]
pub struct Found {
    pub model: Model,
    pub origin: Origin,
}

impl Recovery {
    /// The app's data folder (`~/.local/share/townscope` on Linux), if the system has one.
    pub fn in_data_folder() -> Option<Self> {
        let dirs = directories::ProjectDirs::from("", "", "Townscope")?;
        Some(Self::in_folder(dirs.data_dir().to_path_buf()))
    }

    pub fn in_folder(folder: PathBuf) -> Self {
        Self {
            folder,
            interval: INTERVAL,
            written: None,
        }
    }

    fn model_path(&self) -> PathBuf {
        self.folder.join("recovery.ron")
    }

    /// The file the model came from, one line (empty for the built-in model).
    fn origin_path(&self) -> PathBuf {
        self.folder.join("recovery-origin.txt")
    }

    /// Writes a copy if the model changed since the last one and the interval has passed.
    /// Returns whether it wrote.
    pub fn maybe_write(&mut self, model: &Model, origin: &Origin, revision: u64, now: f64) -> bool {
        let due = self.written.is_none_or(|(written, at)| {
            written != revision && now - at >= self.interval.as_secs_f64()
        });
        if !due {
            return false;
        }
        self.written = Some((revision, now));
        self.write(model, origin).is_ok()
    }

    fn write(&self, model: &Model, origin: &Origin) -> Result<(), io::SaveError> {
        if std::fs::create_dir_all(&self.folder).is_err() {
            return Err(io::SaveError::FolderMissing {
                file: self.model_path().display().to_string(),
                folder: self.folder.display().to_string(),
            });
        }
        let text =
            io::to_canonical_string(model).map_err(|e| io::SaveError::Serialize(e.to_string()))?;
        io::write_private(&self.model_path(), text.as_bytes())?;
        let origin = match origin {
            Origin::File(path) => path.display().to_string(),
            Origin::Embedded => String::new(),
        };
        io::write_private(&self.origin_path(), origin.as_bytes())
    }

    /// The copy left by a session that ended with unsaved changes, if any and if it loads.
    pub fn find(&self) -> Option<Found> {
        let model = io::load_file(&self.model_path()).ok()?;
        let origin = std::fs::read_to_string(self.origin_path()).unwrap_or_default();
        let origin = match origin.trim() {
            "" => Origin::Embedded,
            path => Origin::File(PathBuf::from(path)),
        };
        Some(Found { model, origin })
    }

    /// Removes the copy: the changes were saved or discarded.
    pub fn clear(&mut self) {
        self.written = None;
        for path in [self.model_path(), self.origin_path()] {
            if path.exists() {
                let _ = std::fs::remove_file(path);
            }
        }
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }
}
