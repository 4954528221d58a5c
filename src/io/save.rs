//! Saving that never loses or tears a file: the new text goes to a temporary file in the same
//! folder, is flushed to the disk, and only then takes the target's name in one rename; the
//! previous version is kept beside it as `NAME.bak`.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::model::Model;

/// Why a save failed. The file on disk is as it was before the attempt.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("cannot save {file}: the folder {folder} does not exist (was it moved or removed?)")]
    FolderMissing { file: String, folder: String },
    #[error("cannot save {file}: {folder} is not a folder")]
    NotAFolder { file: String, folder: String },
    #[error("cannot save {file}: it is a folder")]
    TargetIsFolder { file: String },
    #[error("cannot save {file}: no permission to write in {folder}")]
    PermissionDenied { file: String, folder: String },
    #[error("cannot save {file}: the disk is full")]
    DiskFull { file: String },
    #[error("cannot save {file}: {message}")]
    Other { file: String, message: String },
    #[error("cannot write the model as text: {0}")]
    Serialize(String),
}

/// The path of the previous version kept beside `path`: `yunqi.ron` → `yunqi.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes `model` to `path` in canonical form, atomically, keeping the old file as `.bak`.
pub fn save(path: &Path, model: &Model) -> Result<(), SaveError> {
    let text =
        super::to_canonical_string(model).map_err(|e| SaveError::Serialize(e.to_string()))?;
    write_atomically(path, text.as_bytes(), Backup::Keep)
}

/// Whether the previous version is kept beside the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backup {
    Keep,
    /// `townscope fmt` rewrites a file as the same model; a `.bak` of each would be clutter.
    None,
}

/// Writes `bytes` to `path` so that at every moment `path` holds either its old content or all
/// of the new: temporary file in the same folder, flushed, renamed over the target, folder
/// flushed. With [`Backup::Keep`], an existing target is first copied to `.bak` the same way.
pub fn write_atomically(path: &Path, bytes: &[u8], backup: Backup) -> Result<(), SaveError> {
    let file = path.display().to_string();
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let folder_name = folder.display().to_string();
    match std::fs::metadata(&folder) {
        Err(_) => {
            return Err(SaveError::FolderMissing {
                file,
                folder: folder_name,
            });
        }
        Ok(m) if !m.is_dir() => {
            return Err(SaveError::NotAFolder {
                file,
                folder: folder_name,
            });
        }
        Ok(_) => {}
    }
    if path.is_dir() {
        return Err(SaveError::TargetIsFolder { file });
    }
    let explain = |error: std::io::Error| match error.kind() {
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
            SaveError::PermissionDenied {
                file: file.clone(),
                folder: folder_name.clone(),
            }
        }
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
            SaveError::DiskFull { file: file.clone() }
        }
        std::io::ErrorKind::NotFound => SaveError::FolderMissing {
            file: file.clone(),
            folder: folder_name.clone(),
        },
        _ => SaveError::Other {
            file: file.clone(),
            message: error.to_string(),
        },
    };
    if backup == Backup::Keep && path.exists() {
        let old = std::fs::read(path).map_err(explain)?;
        replace(&folder, &backup_path(path), &old).map_err(explain)?;
    }
    replace(&folder, path, bytes).map_err(explain)
}

/// Temporary file in `folder`, written and flushed, renamed to `target`, then the folder flushed
/// so the rename itself survives a power cut. The temporary file is removed on any failure.
fn replace(folder: &Path, target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let mut temporary = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(folder)?;
    temporary.write_all(bytes)?;
    temporary.as_file().sync_all()?;
    temporary.persist(target).map_err(|e| e.error)?;
    // Not every platform can open a folder to flush it; the rename has happened either way.
    if let Ok(dir) = std::fs::File::open(folder) {
        let _ = dir.sync_all();
    }
    Ok(())
}
