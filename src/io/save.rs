//! Saving that never loses or tears a file: the new text goes to a temporary file in the same
//! folder, is flushed to the disk, and only then takes the target's name in one rename; the
//! previous version is kept beside it as `NAME.bak`.
//!
//! Saving keeps the file as the user's system knows it: the new file gets the old one's
//! permission bits (and, where the process may, its owner), so colleagues who could read it still
//! can; through a symbolic link the link's target is written and the link stays; a read-only
//! file is refused rather than replaced; a new file gets the mode new files get (the umask), not
//! the temporary file's 0600. Temporary files a killed save left behind are removed by the next
//! save to that folder.

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
    #[error("cannot save {file}: the file is read-only (use Save As to write a copy)")]
    ReadOnly { file: String },
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
/// The file keeps its mode and owner; a new one gets the umask's mode.
pub fn write_atomically(path: &Path, bytes: &[u8], backup: Backup) -> Result<(), SaveError> {
    write_file(path, bytes, backup, Access::AsBefore)
}

/// The same for a file only this user may read (a recovery copy of unsaved edits): mode 0600.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_file(path, bytes, Backup::None, Access::Private)
}

/// Who may read what is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Access {
    /// As the file it replaces; a new file as new files are (the umask).
    AsBefore,
    /// The owner only.
    Private,
}

/// How many links a path may go through before it is taken for a loop (as the kernel's ELOOP).
const MAX_LINKS: usize = 40;

/// The file a path names once symbolic links are followed (the path itself if it is none). A
/// link to a file that does not exist yet names that file, so the first save creates it.
fn resolve_links(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        let Ok(meta) = std::fs::symlink_metadata(&current) else {
            return current;
        };
        if !meta.file_type().is_symlink() {
            return current;
        }
        let Ok(target) = std::fs::read_link(&current) else {
            return current;
        };
        current = match current.parent() {
            Some(parent) if target.is_relative() => parent.join(target),
            _ => target,
        };
    }
    current
}

fn write_file(path: &Path, bytes: &[u8], backup: Backup, access: Access) -> Result<(), SaveError> {
    let file = path.display().to_string();
    let path = &resolve_links(path);
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
    let existing = std::fs::metadata(path).ok().filter(|m| m.is_file());
    if access == Access::AsBefore && existing.as_ref().is_some_and(is_read_only) {
        return Err(SaveError::ReadOnly { file });
    }
    let keep = match access {
        Access::Private => Keep::Private,
        Access::AsBefore => existing.as_ref().map_or(Keep::New, Keep::As),
    };
    remove_leftovers(&folder, path);
    if backup == Backup::Keep && existing.is_some() {
        let old = std::fs::read(path).map_err(explain)?;
        replace(&folder, &backup_path(path), &old, &keep).map_err(explain)?;
    }
    if access == Access::AsBefore && existing.as_ref().is_some_and(is_hard_linked) {
        // A rename would leave the file's other names holding the old text. Written in place
        // instead, so every name sees the new one; a crash mid-write can tear it, which is
        // why the previous version is in `.bak` first (for a save; `fmt` rewrites the same
        // model and keeps none).
        return write_in_place(path, bytes).map_err(explain);
    }
    replace(&folder, path, bytes, &keep).map_err(explain)
}

#[cfg(unix)]
fn is_hard_linked(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    meta.nlink() > 1
}

#[cfg(not(unix))]
fn is_hard_linked(_: &std::fs::Metadata) -> bool {
    false
}

fn write_in_place(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// What the written file's mode and owner are to be.
enum Keep<'a> {
    /// Those of the file it replaces.
    As(&'a std::fs::Metadata),
    /// Those of a new file: the umask's mode, this process's owner.
    New,
    /// Only its owner may read or write it.
    Private,
}

#[cfg(unix)]
fn is_read_only(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::PermissionsExt;
    // By its bits, not by whether this process could write anyway: root can, but a file marked
    // read-only is one its owner asked not to have changed.
    meta.permissions().mode() & 0o222 == 0
}

#[cfg(not(unix))]
fn is_read_only(meta: &std::fs::Metadata) -> bool {
    meta.permissions().readonly()
}

/// The process's umask, read without changing it (`umask(2)` can only set it): Linux says it
/// in /proc; elsewhere the common 022 is assumed.
#[cfg(unix)]
fn umask() -> u32 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|line| line.strip_prefix("Umask:"))
                .and_then(|value| u32::from_str_radix(value.trim(), 8).ok())
        })
        .unwrap_or(0o022)
}

/// Gives the temporary file the mode (and, where the process may, the owner) it is to have.
#[cfg(unix)]
fn set_access(file: &std::fs::File, keep: &Keep<'_>) -> std::io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let mode = match keep {
        Keep::As(meta) => meta.permissions().mode() & 0o7777,
        Keep::New => 0o666 & !umask(),
        Keep::Private => 0o600,
    };
    file.set_permissions(std::fs::Permissions::from_mode(mode))?;
    if let Keep::As(meta) = keep {
        // Only root may give a file away; for anyone else this fails, and the file is theirs.
        let _ = std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()));
    }
    Ok(())
}

#[cfg(not(unix))]
fn set_access(file: &std::fs::File, keep: &Keep<'_>) -> std::io::Result<()> {
    if let Keep::As(meta) = keep {
        file.set_permissions(meta.permissions())?;
    }
    Ok(())
}

/// Removes the temporary files earlier saves of `target` left in `folder` when they were killed
/// between writing and renaming (`.NAME.XXXXXX.tmp`). Best effort: what cannot be removed stays.
fn remove_leftovers(folder: &Path, target: &Path) {
    let Some(name) = target.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        for own in [name.clone(), format!("{name}.bak")] {
            let prefix = format!(".{own}.");
            let leftover = file_name
                .strip_prefix(&prefix)
                .and_then(|rest| rest.strip_suffix(".tmp"))
                .is_some_and(|random| !random.is_empty() && !random.contains('.'));
            if leftover && entry.file_type().is_ok_and(|t| t.is_file()) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

/// Temporary file in `folder`, written and flushed, renamed to `target`, then the folder flushed
/// so the rename itself survives a power cut. The temporary file is removed on any failure.
fn replace(folder: &Path, target: &Path, bytes: &[u8], keep: &Keep<'_>) -> std::io::Result<()> {
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let mut temporary = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(folder)?;
    set_access(temporary.as_file(), keep)?;
    temporary.write_all(bytes)?;
    temporary.as_file().sync_all()?;
    temporary.persist(target).map_err(|e| e.error)?;
    // Not every platform can open a folder to flush it; the rename has happened either way.
    if let Ok(dir) = std::fs::File::open(folder) {
        let _ = dir.sync_all();
    }
    Ok(())
}
